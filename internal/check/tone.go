package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// The rules of tone and clarity: what a sentence does to the reader
// (criticises, bargains, holds them to a slot, mocks, overshares) and
// where the decision stands. Each looks for the kind of sentence, not for
// one phrasing: a marker (a condition, a request, irony, hearsay, a
// possessive before a medical word) together with what it applies to.

const judge = "leave the judgement out; a neutral reason is enough, such as the role not matching your direction"

// criticism pairs kinds of criticism with a tactful way to say what the
// user may mean.
var criticism = []struct {
	p          *phrases
	suggestion string
}{
	{words(`lowball*`, `low-ball*`, `insulting`, `underpaid`, `underpaying`, `cheap`, `stingy`), "say the package does not meet your needs"},
	{words(`a better (offer|job|company|role|position|opportunity|package|deal)`, `better paid`, `pays better`, `more money`, `than yours`, `than (you|your team|your company|your offer) (do|does|did|offer|offered|pay)`,
		`(pay|salary|package|benefits|offer|rate) (is|are|was|were) _? _? (higher|better|stronger|more generous|more competitive)`), "say you have accepted another position that suits you"},
	// An offer judged against what was hoped for.
	{words(`not ... serious (offer|proposal|figure)`, `far (under|below|short of)`, `(under|below) what (we|you) ... discussed`), "say the package does not meet your needs"},
	// Words that judge whoever they are said of.
	{words(`toxic`, `disorganised/disorganized`, `chaotic`, `unprofessional`, `rude`, `incompetent`, `dismissive`, `arrogant`, `shady`, `sketchy`, `red flag/flags`, `disrespectful`,
		`pointless`, `amateurish`, `sloppy`), judge},
	// Doubts about how the employer is run.
	{words(`left me (uneasy|concerned|worried|uncomfortable|with doubts|doubting)`, `(not|nobody|no one) (give|gave|fill|filled|inspire|inspired|have|had)? me? (much|any|a lot of|great)? (confidence|faith) in`,
		`(nobody|no one) (seemed|seems) to know`, `how things are run`), judge},
	// Milder words judge only when said of the employer: "this may be
	// disappointing news" is kind, "the process was disappointing" is not.
	{words(`(interview/interviews|process|company|team|offer|salary|pay|package|role|culture|office|recruiter/recruiters|manager/managers|experience|communication|questions|panel|people|you) _? _? _? ` +
		`(was|were|is|are|seemed|felt|has been|have been) (quite|really|very|so|rather|a bit|somewhat|extremely|frankly|honestly)? (a mess|a joke|ridiculous|terrible|awful|horrible|disappointing|frustrating|annoying|poor|bad|slow)`), judge},
	{words(`waste/wasted of? (my|your)? time`, `kept me waiting`,
		`you (never|did not|failed to|forgot to) (reply|replied|respond|responded|get|got|answer|answered|call|called|tell|told|send|sent|follow|followed|read|confirm|confirmed|bother*)`, `(you|your _) (took|have taken|has taken) (so|too|far too|very) long`,
		`never (got back|replied|responded|heard back) (to me|from you)`, `ghosted/ghosting`), "thank them for their time instead of blaming them for it"},
	// How someone behaved at the interview: criticism of a person,
	// named or not.
	{words(`interrupted/interrupting/interrupts`, `condescending`, `patronising/patronizing`, `belittl*`, `mocked/mocking`, `sneered/sneering`, `yawned/yawning`, `smirked/smirking`,
		`rolled (his|her|their) eyes`, `talked/talking over me`, `cut me off`, `(checked|checking|looked at|looking at|on) (his|her|their) (phone|email|emails|watch|laptop)`,
		`seemed (bored|uninterested|disinterested|distracted|annoyed|irritated|impatient)`, `(did not|had not|never|not) (read|look at|looked at|opened) my (cv|resume|résumé|application|portfolio)`,
		`(he|she|they|interviewer|panel|manager|recruiter) (arrived|turned up|showed up|joined|was|were) (very|quite|so|_ minutes|over _ minutes|an hour|half an hour)? late`, `(could not|can not) be bothered`,
		`(brushed|brushing|waved|waving) _? _? _? (off|aside)`, `(dismissed|ignored) my`, `(little|no|not much|zero) (interest|respect|patience|regard) (in|for) (me|my)`,
		`(support|guidance|mentoring) ... under (him|her|them)`), "leave out how anyone behaved; thank them for their time and give a neutral reason"},
	// Pay judged against the market, and offers compared.
	{words(`(salary|pay|package|offer|rate|base|compensation|figure|number|remuneration) ... (well|far|significantly|considerably|substantially|way|much|somewhat|a long way|quite a bit)? (below|under|short of|behind) (the)? `+
		`(market|going|industry|average|standard|typical|usual|comparable|similar|sector|benchmark|what (others|other companies|other firms|other employers|the market|similar roles|comparable roles|peers|competitors))`,
		`uncompetitive`, `(salary|pay|package|offer|rate|base|compensation) ... (is|was|are|were|seems|seemed|felt|feels) (simply|frankly|honestly|just|really)? not (very|remotely)? (competitive|fair|realistic|reasonable|market rate)`,
		`(better|stronger|higher|bigger|richer|larger|more generous|more competitive|more attractive|more lucrative) (offer|package|salary|pay|deal|compensation|benefits|base|terms)`,
		`(better|stronger|higher|bigger|richer|more generous|more modern|more mature|more professional|more organised|more organized|more competitive|more attractive|more supportive|more flexible|more established|more advanced|more serious|friendlier|nicer|sharper|smarter|happier) ... than (you|your|yours|what (i saw|i have seen|you|your)|here)`),
		"say you have accepted another position that suits you"},
	// A dig at them by praise of another: "a publisher who managed to
	// make up their mind in a fortnight".
	{words(`(who|that|which) (actually|even|finally)? (managed to|bothered to|knew how to|took the trouble to|could be bothered to) (make up|decide|reply|respond|get back|come back|send|answer|read|call|tell|give|offer|treat)`),
		judge},
	// The culture or "environment", judged.
	{words(`not ... (kind|sort|type) of (environment|culture|place|workplace|atmosphere)`, `not ... (environment|culture|atmosphere|workplace) (where|in which) i`,
		`(culture|environment|atmosphere) (is|was|seemed|felt|sounds|sounded|seems) (quite|very|rather|a bit|too)? (toxic|intense|negative|unhealthy|cut-throat|cutthroat|pressured|stressful|hostile|cold|unwelcoming|cliquey)`),
		"leave the culture out; say the role is not the right fit for you now"},
}

// How someone at the interview behaved, as the subject of a sentence
// that says what they did instead of listening: "the hiring manager
// spent most of the interview looking out of the window".
var (
	behaviours = words(`(spent|spend|spending) (most|much|half|all|a lot|the whole|the entire|part|a good part) ... (checking|typing|texting|scrolling|looking (out|at|away|past|through)|staring|answering|on (his|her|their) (phone|laptop|email|emails|screen|watch)|talking about (himself|herself|themselves)|reading (his|her|their)|eating|yawning|glancing)`,
		`kept (answering|checking|looking|glancing|interrupting|taking|typing|yawning|talking|getting up|leaving|stepping out|texting|scrolling)`,
		`never (once)? (looked at me|smiled|listened|engaged|made eye contact|let me (finish|speak|answer)|acknowledged)`, `never once asked`,
		`(barely|hardly) (asked|ask|looked|look|listened|listen|engaged|engage|smiled|smile|spoke|said|acknowledged)`,
		`(did not|never) (once)? (look at me|listen|make eye contact|let me (finish|speak|answer)|acknowledge me|ask (me)? (a single|any|one) question)`,
		`(did not|barely|hardly) (seem|seemed) to (care|listen|know|have read|be interested|be listening|remember|pay attention|want)`,
		`did not (know|seem to know) (which|what|who|my|anything about)`, `talked/talking (about|over) (himself|herself|themselves)`,
		`(seemed|looked|appeared|was|were|came across as|come across as) (very|quite|rather|a bit|a little|clearly|visibly|completely|totally|so|extremely|really|openly|obviously)? `+
			`(unprepared|uninterested|bored|distracted|cold|hostile|annoyed|impatient|disengaged|disinterested|irritated|curt|abrupt|unfriendly|aggressive|defensive|evasive|unhelpful|unenthusiastic|indifferent|detached|offhand|standoffish|brusque|short with me)`,
		`(walked out|stepped out|left the room|took (a|several|two|three) (call|calls|phone calls)) (halfway|midway|partway|during|in the middle)`,
		`(showed|shown|had|has) (no|little|zero|not much) (interest|enthusiasm|curiosity)`,
		`(read|reading|opened|opening|look at|looked at|looking at|skimmed|skimming|glanced at|glancing at) my (cv|résumé|resume|application|portfolio|cover letter) for the first time`, `forgot (my name|who i was|about (me|the interview|our|my))`)
	// who can be the subject: a person at the interview, by role, by
	// pronoun or by name.
	staff = words(`he`, `she`, `they`, `interviewer/interviewers`, `manager/managers`, `recruiter/recruiters`, `panel`, `panellist*/panelist*`, `lead`, `director`, `ceo`, `cto`, `founder`, `head`,
		`boss`, `supervisor`, `hr`, `mr/ms/mrs/dr/prof/miss`, `partner`, `chair`, `nobody`, `no one`, `everyone`, `one (of them|interviewer|panellist|panelist)`)
	// The place judged: its culture, atmosphere, morale, and how its
	// people seemed.
	places = words(`environment`, `culture`, `atmosphere`, `vibe/vibes`, `morale`, `workplace`, `mood`, `dynamic/dynamics`, `team spirit`,
		`(office|floor|team|place|company|firm|people|staff|everyone|employees|department|ward|kitchen|studio|site|store|shop|practice|school) (all)? (felt|feels|seemed|seems|looked|looks|appeared|appears|came across as|comes across as)`)
	judgements = words(`tense`, `unfriendly`, `cold`, `toxic`, `hostile`, `negative`, `stressful`, `stressed`, `unhealthy`, `intense`, `chaotic`, `stuffy`, `dated`, `outdated`, `old-fashioned`, `dull`,
		`depressing`, `grim`, `cliquey/cliquy/clique*`, `unwelcoming`, `unhappy`, `miserable`, `not (very|that|particularly|so|too|especially|terribly)? (great|good|nice|friendly|welcoming|positive|healthy|inspiring|pleasant|happy|supportive|inclusive|professional)`,
		`poor`, `lacking`, `frantic`, `dysfunctional`, `rigid`, `bureaucratic`, `hierarchical`, `cut-throat/cutthroat`, `high-pressure`, `pressured`, `sterile`, `soulless`, `uninspiring`,
		`gloomy`, `oppressive`, `strained`, `off-putting`, `lifeless`, `joyless`, `exhausting`, `draining`, `exhausted`, `burnt/burned out`, `overworked`, `demotivated`, `disengaged`, `frazzled`, `fed up`,
		`on edge`, `scared`, `afraid`, `tired`, `drained`, `run down`, `disorganised/disorganized`, `messy`, `noisy`, `chaos`, `morale ... (low|poor|bad|rock bottom)`, `(low|poor|bad) morale`)
	// placePraise: a place praised is not judged ("a culture of low ego
	// I loved"); a place that is less of something is what the writer
	// wants.
	placePraise = words(`great`, `good`, `wonderful`, `lovely`, `lov*`, `like/liked`, `enjoy*`, `admir*`, `impress*`, `warm`, `friendly`, `welcoming`, `positive`, `supportive`,
		`relaxed`, `collaborative`, `inclusive`, `happy`, `fantastic`, `excellent`, `brilliant`, `less`, `fewer`, `lower`, `quieter`)
)

// behaved returns a sentence's criticism of how someone at the interview
// behaved, or "": a behaviour, with a person (by role, pronoun or name)
// as its subject, a few words before it.
func behaved(s *sentence) string {
	i, j, ok := behaviours.find(s.toks)
	if !ok {
		return ""
	}
	// The nearest subject before the behaviour is theirs, not the
	// writer's: "I spent most of the interview looking at my notes" is
	// not criticism.
	named := names(s.text)
	for k := i - 1; k >= max(i-8, 0); k-- {
		switch t := s.toks[k]; {
		case t == "i" || t == "we" || t == "me" || t == "my":
			return ""
		case named[t] || staff.starts(s.toks[k:]):
			return strings.Join(s.toks[i:j], " ")
		}
	}
	// A sentence may open with the name: "Gavin kept checking his phone".
	if f := strings.Fields(s.text); i > 0 && i <= 3 && len(f) > 0 && unicode.IsUpper([]rune(f[0])[0]) && !slices.Contains([]string{"i", "we", "my", "our", "the", "it", "this", "that", "there"}, s.toks[0]) {
		return strings.Join(s.toks[i:j], " ")
	}
	return ""
}

// hearsay is what others said of the employer: repeated in a decline, it
// criticises at second hand, unless it praises.
var (
	hearsay = words(`(former|ex|previous) (employees|employee|staff|workers|engineers|hires|members of staff|team members)`,
		`(former|ex|previous) (colleague|colleagues) ... (told|said|say|says|mentioned|warned|described|describe)`,
		`ex-employees/ex-employee/ex-staff`, `glassdoor`, `(online|anonymous) reviews`, `reviews (online|on)`, `(i have been|i was|i had been) warned`)
	// Said by others, hearsay only when it is a concern: "I have heard a
	// lot about your work" is not.
	hearsaid = words(`i have? heard`, `i hear (that|about)`, `people have? (told|tell) me`, `word (is|has it)`, `rumour*/rumor*`, `from what i (hear|have heard|gather)`,
		`(a friend|someone|people|a contact|an acquaintance|a former colleague) (who|that) (works|worked|used to work|has worked|left)`,
		`(people|someone|somebody|friends|a friend|colleagues|a colleague|contacts|a contact|others|acquaintances|an acquaintance|nurses|engineers|teachers|staff|those) (i know|i have spoken to|i spoke to|i talked to)? (who|that) (have|has|had)? (worked|work|works|used to work) (there|at|for|in|under)`,
		`(told|warned|informed) by (a|an|some|several|former|people|friends|others|someone|contacts)`,
		`(a friend|someone|somebody|people|a contact|contacts|a former colleague|former colleagues|an ex-colleague|others|a few people|several people|a couple of people|an acquaintance) (of mine)? (who|that)? _? _? _? _? (told|tells|tell|have told|has told|mentioned|said|says|warned|described|describe)`,
		`(online|glassdoor|employee|staff|anonymous|mixed|several|some|the) reviews`, `(read|seen|saw|reading) (some|the|a few|several|many|mixed|online)? reviews`, `reviews (i|online|on|of (the|your) (company|firm|team|practice))`,
		`(on|from) (glassdoor|reddit|indeed|blind)`, `word (on the street|around)`, `grapevine`, `(i|i have|i had) (gather|gathered) from (others|people|friends|former|a friend|contacts|colleagues|someone)`)
	concern = words(`turnover`, `hours`, `burn*`, `pressure`, `culture`, `management`, `leave/left/leaving/quit/quitting`, `unhappy`, `stress*`, `overtime`, `micromanag*`,
		`churn`, `difficult`, `tough`, `struggl*`, `problem*`, `issue*`, `concern*`, `environment`, `atmosphere`, `mixed`, `not`, `never`, `layoff*`, `cuts`,
		`lost`, `losing`, `staff`, `expect*`, `weekend*`, `evening*`, `unpaid`, `late`, `short-staffed`, `understaffed`, `morale`, `redundan*`, `restructur*`, `toxic`, `bad`, `poor`, `nobody`, `no one`)
	praise = words(`great`, `good`, `wonderful`, `excellent`, `positive`, `lovely`, `amazing`, `impressive`, `glowing`, `fantastic`, `highly`, `warmly`, `fondly`, `enjoy*`)
	but    = words(`but`, `however`, `though`, `although`)
)

func tact(d *Draft) []Finding {
	var findings []Finding
	for i := range d.text {
		s := &d.text[i]
		m, suggestion := "", ""
		// A figure in a sentence that bargains is the hedged rule's.
		bargaining := bargain(s.toks) != ""
		for _, c := range criticism {
			if m = c.p.in(s.toks); m != "" {
				suggestion = c.suggestion
				break
			}
		}
		if m == "" {
			if m = behaved(s); m != "" {
				suggestion = "leave out how anyone behaved; thank them for their time and give a neutral reason"
			}
		}
		if m == "" {
			for _, c := range s.parts() {
				// "Not great" is not praise.
				if p, j := places.in(c), judgements.in(c); p != "" && j != "" && (placePraise.in(c) == "" || strings.HasPrefix(j, "not ")) {
					m, suggestion = p+" … "+judgements.in(c), "leave the culture out; say the role is not the right fit for you now"
					break
				}
			}
		}
		if m == "" {
			if m = hearsay.in(s.toks); m == "" {
				if m = hearsaid.in(s.toks); m != "" && concern.in(s.toks) == "" {
					m = ""
				}
			}
			if m != "" && praise.in(s.toks) != "" && but.in(s.toks) == "" {
				m = ""
			}
			suggestion = "leave out what others said of them; give your own reason, briefly"
		}
		if m == "" && !bargaining {
			m, suggestion = salaryFigure(s.toks), "leave the figures of another offer out"
		}
		if m != "" {
			findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("%q criticises or compares; a decline does neither", m), Suggestion: suggestion})
		}
	}
	return findings
}

// salaryFigure returns a sum of money in toks: "$ 140k", "140k", "95
// 000 a year", or "".
func salaryFigure(toks []string) string {
	unit := func(i int) bool {
		return i < len(toks) && (toks[i] == "dollars" || toks[i] == "euros" || toks[i] == "pounds" || toks[i] == "salary" || toks[i] == "k" ||
			i+1 < len(toks) && (toks[i] == "a" || toks[i] == "per") && (toks[i+1] == "year" || toks[i+1] == "annum"))
	}
	for i, t := range toks {
		switch {
		case (t == "$" || t == "€" || t == "£") && i+1 < len(toks) && digits(toks[i+1][:1]):
			return t + toks[i+1]
		case len(t) >= 3 && len(t) <= 4 && (t[len(t)-1] == 'k') && digits(t[:len(t)-1]):
			return t
		case digits(t) && len(t) >= 2 && len(t) <= 3 && i+1 < len(toks) && len(toks[i+1]) == 3 && digits(toks[i+1]) && unit(i+2):
			return t + "," + toks[i+1]
		case digits(t) && len(t) >= 5 && len(t) <= 6 && unit(i+1):
			return t
		case digits(t) && len(t) >= 2 && len(t) <= 3 && i+1 < len(toks) && toks[i+1] == "k":
			return t + "k"
		}
	}
	return ""
}

func digits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

var (
	// hedges make a decision less than one, in the clause that decides:
	// a doubt, a likelihood, a leaning, a feeling rather than a decision.
	hedges = words(`might not`, `may not`, `not be? sure`, `not certain`, `probably`, `perhaps`, `maybe`, `possibly`, `likely`,
		`i think i (might|may|will|would|should|have to|must|am going to)`, `(do not|not) think i (will|would|can|could|shall) be?`,
		`lean/leaning (towards|toward|to)`, `i am leaning`, `it is (possible|likely) that`, `(might|may) have to`, `unlikely`, `i doubt`,
		`(thinking|think) about (declining|withdrawing|pulling out|stepping back)`, `(considering|contemplating) (declining|withdrawing|pulling out|turning|stepping back)`)
	// softeners make a decision a leaning, in its own clause: "my
	// inclination at this point is to say no" ("I was inclined to
	// accept, but I have decided to decline" is a decision).
	softeners = words(`inclination/inclined`, `minded to`, `tend/tending (towards|toward|to)`, `(my|the) (current|initial|present|first)? (feeling|instinct|thinking|sense|gut|gut feeling|preference) (is|at this point is|right now is|for now is)`,
		`provisional*`, `tentative*`, `i (expect|suspect|imagine|anticipate) (that)? i`, `in all likelihood`, `chances are`, `all being well`,
		`(fairly|pretty|mostly|almost|nearly|reasonably|about|around|roughly) _? (sure|certain|decided|settled)`)
	// softDecision is what a hedged sentence may be deciding.
	softDecision = words(`continue`, `proceed`, `move forward`, `moving forward`, `attend`, `join`, `accept*`, `go ahead`, `take up`, `withdraw*`, `declin*`, `pass`,
		`step back`, `pull out`, `make it`)
	// stillOpen is a decision that holds only for now: "for the time
	// being", "as things stand".
	stillOpen = words(`for now`, `for the time being`, `for the moment`, `for the present`, `as (things|it) (stand|stands)`, `at least for now`)
	// settled decisions are states, not acts: "not looking to move for
	// now" or "decided to stay for now" is a plain answer.
	settled = words(`(not|no longer) currently? (looking|exploring|considering|open to|in a position to)`, `(decided|decide|chosen|choose|choosing) to (stay|remain)`)
	// pending says the decision is not made yet.
	pending = words(`(nothing is|not yet|is not|are not|not) (yet|fully|quite)? (final|finalised|finalized|settled|definite|set in stone)`,
		`(firmer|final|definite|firm) (answer|decision|confirmation)`, `(not|have not|yet to) (fully|completely|quite|yet|finally)? (decided|made up my mind|made a final)`,
		`i (will|would|could|may|might) (still|yet)? (change my mind|reconsider)`, `(will|should|hope to|expect to) (know|decide) (more|for sure|for certain|by|in|next|soon|within|once|when|after|on)`,
		`(will|should|hope to|expect to) confirm (for sure|for certain|next|within|once|when|after|soon|my (final|decision))`, `i will let you know for (sure|certain)`,
		`pending (a|the|my|our|further|final|confirmation|the outcome|outcome|a conversation|a decision|news)`)
	// pendingNext: the sentence after a decision that says it is not
	// made yet: "I should know more in a week or two".
	pendingNext = words(`i (should|will|would|hope to|expect to|ought to) (know|have|hear) (more|a final|a firmer|a definite|for sure|for certain|this|by|next|in|within|soon)`)

	// bargains: a condition on the employer's terms, or an offer to
	// think again.
	bargains = words(`(if|unless|should|were) ... (reconsider|revisit|rethink|change my mind|think again|budge|sweeten|top up|negotiat*)`,
		`(if|unless) ... (can|could|able to|would|willing to) match`, `(if|unless) ... match (it|that|this|their|the other|my current)`,
		`(if|unless) ... (increase*|raise|raised|higher|improve*|more|go up|bump|flex*|room) ... (salary|pay|offer|package|budget|rate|base|bonus|equity|compensation|money|terms)`,
		`(if|unless) ... (salary|pay|offer|package|budget|rate|base|bonus|equity|compensation) ... (increase*|raise|raised|higher|improve*|go up|bump|flex*|room|move|moved|revise*)`,
		`room (to|for) (go|move|negotiat*|movement|manoeuvre|maneuver|flexibility|improvement)`, `(if|unless) there is any? room`,
		// A condition on the job's terms, met by a yes.
		`(if|unless|should|were) ... `+terms+` ... `+changes+` ... `+yes, `(if|unless|should|were) ... `+changes+` ... `+terms+` ... `+yes,
		`(happy|willing|open|glad|prepared|keen) to (reconsider|revisit|negotiate|discuss the (salary|package|offer|terms|pay))`,
		// Asking for better terms, or saying they would move the writer.
		`(could|might|can|may) be (persuaded|tempted|convinced|talked round)`, `is there any (flexibility|room|movement|leeway|wiggle room)`,
		`(whether|if) there is any (flexibility|room|movement|leeway|wiggle room)`, `(any|some) (flexibility|room|movement|leeway|wiggle room) (on|in|around|with|over) (the)? `+terms,
		`(open|amenable) to (a|an)? (counter-offer|counteroffer|counter|better offer|improved offer|revised offer|negotiation)`)
	// A condition on the job's terms that a change would meet with a yes:
	// "if it could be done fully remotely, I'd be very keen".
	terms   = `(remote*|hybrid|salary|pay|package|base|title|level|four-day|part-time|full-time|hours|flexib*|relocat*|budget|rate|equity|bonus|number|figure|closer|week|compensation|benefits|start|notice|days|office|contract|money)`
	changes = `(could|can|were|was|became|become|becomes|change|changes|changed|move|moves|moved|go|went|able|possible|increase*|raise*|improve*)`
	yes     = `(would|will) be? (very|really|more than|quite|much)? (keen|happy|delighted|ready|willing|open|glad|interested|yes|accept|sign|reconsider|revisit)`
	// A condition and what it would change: "should the base move to
	// 85k", "were the role fully remote", "if you could stretch the
	// budget".
	conditions = words(`if`, `unless`, `should`, `were`, `provided`, `providing`, `as long as`, `assuming`, `on condition`, `in the event`)
	termWords  = words(terms, `stretch*`, `match*`, `equity`, `start date`, `go up`, `come up`, `move up`, `bring (it|the) (up|closer)`, `push*`, `double*`, `(a|the) better (package|offer|deal|number|figure)`)
	// yesNow is the yes such a change would bring: "I'd gladly accept",
	// "I'd sign tomorrow", "I'd love to come on board". Being happy to
	// hear from them is not one.
	yesNow = words(`(would|will|could) (happily|gladly|certainly|definitely|genuinely|still|readily|immediately|then|now|seriously)? (be)? (very|really|more than|quite|much|so)? ` +
		`(happy to|glad to|delighted to|keen to|ready to|willing to|able to|love to|like to|want to|be happy to|be glad to)? ` +
		`(accept|sign|join|say yes|reconsider|revisit|rethink|come on board|come aboard|take (it|the offer|the role|the job|the position|you up)|jump|keen|ready|willing|interested|open|on board|move forward|go ahead|proceed)`)

	// forNow and ifTheyChange: "for now I'll have to pass, but if the
	// budget changes…" leaves the decision to the employer.
	forNow       = words(`for now`, `at this point`, `for the time being`, `at the moment`, `for the moment`, `as things stand`, `as it stands`)
	ifTheyChange = words(`if (the|your|you|this|there|it) ... (change|changes|changed|improve*|different|become*|flexib*|remote|revise*)`)
)

// bargain returns what in toks bargains, or "": a condition on their
// terms met by a yes, a condition on the money ("unless you can go up to
// £70,000"), or a request for better terms.
func bargain(toks []string) string {
	if m := bargains.in(toks); m != "" {
		return m
	}
	c, _, ok := conditions.find(toks)
	if !ok {
		return ""
	}
	rest := toks[c:]
	money := salaryFigure(rest) != "" || moneyIn(rest)
	// A role that may come up is the door kept open, not a bargain.
	if !money && termWords.in(rest) == "" || doorOpens.in(toks) != "" {
		return ""
	}
	if m := yesNow.in(toks); m != "" || toks[c] == "unless" && money {
		return strings.Join(toks[c:min(c+6, len(toks))], " ") + " …"
	}
	return ""
}

// moneyIn reports whether toks name a sum: a currency sign before a
// figure, or "85k".
func moneyIn(toks []string) bool {
	for i, t := range toks {
		switch {
		case (t == "$" || t == "€" || t == "£") && i+1 < len(toks) && digits(toks[i+1][:1]):
			return true
		case len(t) >= 2 && t[len(t)-1] == 'k' && digits(t[:len(t)-1]):
			return true
		}
	}
	return false
}

func hedged(d *Draft) []Finding {
	var findings []Finding
	decided := d.decisionAt() >= 0
	for i := range d.text {
		s := &d.text[i]
		if m := bargain(s.toks); m != "" {
			findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("%q bargains; a decline does not negotiate", m),
				Suggestion: "decline plainly; if better terms would change your mind, that is a different conversation, not a decline"})
			continue
		}
		start, end, ok := declines.find(s.toks)
		switch {
		case ok:
			// A hedge counts in the clause that decides, not in the
			// reason after it: "I am withdrawing, as the commute would
			// probably be too long".
			h := hedges.in(s.toks[:end])
			if h == "" {
				h = softeners.in(s.toks[clauseStart(s, start):end])
			}
			if h != "" {
				findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("the decision is hedged (%q)", h),
					Suggestion: "state it plainly: \"I have decided to withdraw\", not \"I might not be able to\""})
				continue
			}
			// An act of deciding that holds only for now, or is not
			// made yet.
			if h := stillOpen.in(decidingClause(s, start)); (h != "" || afterthought(s, start) != "") && settled.in(s.toks) == "" || pending.in(s.toks) != "" ||
				i+1 < len(d.text) && d.text[i+1].paragraph == s.paragraph && pendingNext.in(d.text[i+1].toks) != "" {
				if h == "" {
					h = afterthought(s, start)
				}
				if h == "" {
					h = pending.in(s.toks)
				}
				if h == "" {
					h = pendingNext.in(d.text[i+1].toks)
				}
				findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("the decision is not final (%q)", h),
					Suggestion: "decide first, then write: \"I have decided to withdraw\" leaves nothing to wait for"})
				continue
			}
			if forNow.in(s.toks) != "" && (ifTheyChange.in(s.toks) != "" || i+1 < len(d.text) && ifTheyChange.in(d.text[i+1].toks) != "") {
				findings = append(findings, Finding{Line: s.line, Message: "the decision holds only \"for now\", until their side changes",
					Suggestion: "decline plainly; a line about staying in touch keeps the door open without a condition"})
			}
		case !decided:
			// With no plain decision anywhere, a hedged sentence about
			// going on is the decision, hedged.
			if h := hedges.in(s.toks); h != "" && softDecision.in(s.toks) != "" {
				findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("the decision is hedged (%q)", h),
					Suggestion: "state it plainly: \"I have decided to withdraw\", not \"I'm not sure I can continue\""})
			}
		}
	}
	return findings
}

// afterthought returns a "for now" set off after the clause that holds
// the decision starting at start: "I have decided to decline, at least
// for now".
func afterthought(s *sentence, start int) string {
	n := 0
	cs := s.parts()
	for i, c := range cs {
		if n+len(c) > start {
			if i+1 < len(cs) && stillOpen.whole(cs[i+1]) {
				return strings.Join(cs[i+1], " ")
			}
			return ""
		}
		n += len(c)
	}
	return ""
}

// clauseStart returns the index of the first word of the clause of s
// that holds its word at start, with the words set off before it
// ("Provisionally, I am withdrawing").
func clauseStart(s *sentence, start int) int {
	n := 0
	cs := s.parts()
	for i, c := range cs {
		if n+len(c) > start {
			for ; i > 0 && len(cs[i-1]) <= 2; i-- {
				n -= len(cs[i-1])
			}
			return max(min(n, start), 0)
		}
		n += len(c)
	}
	return 0
}

// decidingClause returns the words of the clause of s that holds the
// decision starting at its word start, with the clauses before it: a
// "for now" there qualifies the decision, one in the reason after it
// does not.
func decidingClause(s *sentence, start int) []string {
	n := 0
	for _, c := range s.parts() {
		n += len(c)
		if n > start {
			return s.toks[:min(n, len(s.toks))]
		}
	}
	return s.toks
}

var (
	// holdRequests ask them to keep something for the writer.
	holdRequests = words(`(please|(could|would|can|will) you|possible|grateful if|appreciate it if|mind|ask (you|that you)) ... `+
		`(hold*|keep*|save|saving|reserv*|pencil*|block*|leave|leaving) _? _? _? (slot|spot|place|interview|offer|booking|appointment|date)`,
		`(keep*|leave|hold*) (it|my application|my file|my profile|my candidacy|the slot|my slot|the offer|the position|my place|the place) _? _? (live|open|active|available|on the table|in place)`,
		`not (to)? (offer|give) (the|my|this|that) _? (position|role|job|slot|place|spot) to (anyone|someone|another|other|others)`,
		`pencil (me|it|us)? in`, `(as a|a|my) (backup|back-up|fallback|fall-back|safety net|plan b)`,
		`(hold*|keep*|save|saving|reserv*) (it|that|this|the|my|a) _? _? for me`,
		`(keep|leave|hold) (the|your|this|that|my) offer (open|on the table)`, `(do not|please do not|rather you did not|would not) cancel`,
		`(pencilled|penciled|penciling|pencilling) (me|it)? in`, `(put|keep|place) (my|the) (application|candidacy|interview|slot|offer) on hold`,
		`until i (confirm|have confirmed|decide|have decided|make up my mind|am sure|know for sure|know for certain|have signed|sign|hear back|have heard|know more|have a final|have sent|send you|get confirmation|receive)`)
	// A request to keep a thing for the writer for a while: a request,
	// a keeping, the thing kept, and how long or why ("until Friday",
	// "just in case the other offer falls through", "as a fallback").
	asks  = words(`if you (could|would|can|might|were able to)`, `i would be grateful`, `please`, `kindly`, `(could|would|can|will|might) (you|it|the|that|this|we|i|your)`, `possible`, `grateful ... if`, `appreciat* ... if`, `mind`, `ask (you|that|whether|if)`, `i would (like|prefer|rather|love)`, `hoping`, `wonder*`, `is it (ok|okay|alright|all right)`)
	keeps = words(`(avoid|avoiding|hold off|refrain from) (offer*|giv*|releas*|fill*|hand*|pass*|re-advertis*|readvertis*|clos*|cancel*|approach*|mov*)`,
		`hold/holds/holding/held`, `keep/keeps/keeping/kept`, `save`, `saving`, `reserve/reserving/reserved`, `pencil*`, `block/blocking/blocked`, `leave`, `leaving`, `left`, `hang on`,
		`(stay|stays|remain|remains) (open|on the table|available|live|active|free|unfilled|on hold|in place|in (the)? (diary|calendar))`, `wait`, `give me (until|till|a few|another|a week|a couple|some|more)`,
		`(not|without|before) (offer*|giv*|releas*|fill*|hand*|pass*|re-advertis*|readvertis*|clos*|cancel*|approach*|mov*)`)
	kept = words(`slot`, `spot`, `place`, `interview`, `offer`, `booking`, `appointment`, `date`, `role`, `position`, `job`, `seat`, `schedule`, `diary`, `calendar`, `shortlist`, `system`, `pipeline`, `running`, `application`, `candidacy`, `door`, `vacancy`, `post`,
		`(keep*|leave|leaving|hold*|pencil*|put|putting|save|saving) (me|it|my name) (on|in|down|open|free|available|for me|on hold|live|active)`, `(offer*|giv*|releas*|fill*|hand*) it (to|out)`)
	keptFor = words(`until`, `till`, `for (a|another|the next|one|two|three|a few|a couple of) (more)? (day|days|week|weeks|fortnight|month)`, `just yet`, `as a (backup|fallback|back-up|plan b|safety net)`, `while i`,
		`open`, `on hold`, `available`, `on the table`, `live`, `active`, `unfilled`, `in (the)? (diary|calendar)`,
		`in (case|the event) ... (falls|fall|go|goes|work|works|fail|fails|collapse*|change|changes|delay*|not|is|are|does)`, `before (offering|giving|releasing|filling|approaching|contacting|moving|making)`,
		`(not|without|avoid|avoiding|hold off|refrain from) (offer*|giv*|releas*|fill*|hand*|pass*) ... (anyone|someone|somebody) else`)
	// A "just in case" holds only what it is said of.
	// holdAsk is a request with a deadline: "could you wait until...".
	holdAsk     = words(`(please|(could|would|can|will) you|possible|ask (you|that you)) ... (hold*|keep*|wait|leave|save|reserv*|hang on|not offer|not give|delay|postpone|pause) ... until`)
	holdHedges  = words(`just in case`, `in case (my|things|plans|anything|something|it)`, `while i (decide|think|consider|weigh|wait|make)`)
	holdVerbs   = words(`hold*`, `keep*`, `save`, `saving`, `reserv*`, `pencil*`, `block*`, `cancel*`, `open`)
	holdObjects = words(`slot`, `spot`, `place`, `interview`, `offer`, `booking`, `appointment`, `date`, `it`)
	noNeed      = words(`(do not|no need to|not necessary to|need not|need to) (hold*|keep*|save|reserv*|block*)`,
		// Left for another is let go: "leave the slot for another
		// candidate".
		`for (another|other|someone|somebody|the next|a different) (candidate|candidates|applicant|applicants|person|one|else)`)
)

func holding(d *Draft) []Finding {
	for _, s := range d.text {
		if noNeed.in(s.toks) != "" {
			continue
		}
		m := holdRequests.in(s.toks)
		if m == "" && doorOpens.in(s.toks) == "" && all(s.toks, asks, keeps, kept, keptFor) {
			m = keeps.in(s.toks) + " … " + keptFor.in(s.toks)
		}
		if m == "" && holdVerbs.in(s.toks) != "" && holdObjects.in(s.toks) != "" || m == "" && holdAsk.in(s.toks) != "" {
			m = holdHedges.in(s.toks)
		}
		if m != "" {
			return []Finding{{Line: s.line, Message: fmt.Sprintf("%q asks them to keep something open for you; a decline lets them move on", m),
				Suggestion: "decline plainly and let them give the slot to someone else; if you are not sure yet, wait and decide before you write"}}
		}
	}
	return nil
}

// decisionStart returns the index of the word of s where its decision
// starts.
func decisionStart(s *sentence) int {
	start, _, _ := declines.find(s.toks)
	return start
}

// lastClause returns the words of the clause of s that holds its word
// at start.
func lastClause(s *sentence, start int) []string {
	n := 0
	for _, c := range s.parts() {
		if n+len(c) > start {
			return s.toks[n:min(n+len(c), len(s.toks))]
		}
		n += len(c)
	}
	return s.toks
}

// consequence opens a sentence that follows from the ones before it.
var consequence = words(`so (after|having|given|with|in|on|for|i|all|then|we)`, `therefore`, `with (that|this|all (of)? (that|this)|everything) in mind`, `for (that|this|these|those|all these|all those|all of these|both|all of those) reasons?`,
	`given (that|this|all|everything|the above|these|those)`, `because of (that|this|all|these|those)`, `as a result`, `all things considered`, `(having|after) (weighed|weighing|considered|considering|taken|taking) (everything|it all|all|that|this|these|those)`,
	`after all (of)? (that|this)`, `in (the)? light of (that|this|these|those|all|everything)`, `that is why`, `which is why`, `consequently`, `hence`, `thus`,
	`taking (everything|all|that|this) into`, `on balance`, `bearing (that|this|all|everything)`, `finally`, `in the end`, `ultimately`, `(this|that) (is|being) (so|the case|why)`,
	`(that|this) (has|have) (led|brought) me`, `which (brings|leads) me`)

func buriedDecision(d *Draft) []Finding {
	k := d.decisionAt()
	if k < 0 {
		return nil
	}
	s := &d.text[k]
	// Paragraphs are counted in prose: a heading such as "Re: Policy
	// Adviser, reference 318204" is not one.
	paragraphs, at := 0, 0
	before, total := 0, 0
	for i := range d.text {
		t := &d.text[i]
		if (i == 0 || t.paragraph != d.text[i-1].paragraph) && !heading(d.text, i) {
			paragraphs++
		}
		if i == k {
			at = max(paragraphs-1, 0)
		}
		total += len(t.toks)
		if i < k {
			before += len(t.toks)
		}
	}
	if paragraphs >= 3 && at == paragraphs-1 {
		return []Finding{{Line: s.line, Message: "the decision comes only in the last paragraph",
			Suggestion: "state it in the first paragraph, after your thanks"}}
	}
	// Past the middle: in the second half of the paragraphs (the third
	// of four), or after half the words.
	if paragraphs >= 4 && 2*at >= paragraphs || paragraphs >= 3 && at >= 2 && 2*before > total {
		return []Finding{{Line: s.line, Message: fmt.Sprintf("the decision comes in paragraph %d of %d, past the middle of the letter", at+1, paragraphs),
			Suggestion: "state it in the first paragraph, after your thanks"}}
	}
	explainedBefore, explainedAfter, reasonsBefore := 0, 0, 0
	for i := range d.text {
		if i != k && explains(&d.text[i]) {
			if i < k {
				explainedBefore++
				// Praise of the meeting before a decision is not a
				// reason for it.
				if praise.in(d.text[i].toks) == "" {
					reasonsBefore++
				}
			} else {
				explainedAfter++
			}
		}
	}
	// A decision that opens by drawing on what came before ("With that
	// in mind", "So", "For these reasons") comes after its reason.
	if c := consequence.in(decidingClause(s, decisionStart(s))); reasonsBefore >= 2 && c != "" && consequence.starts(lastClause(s, decisionStart(s))) {
		return []Finding{{Line: s.line, Message: fmt.Sprintf("the decision comes after the reason (%q)", c),
			Suggestion: "say first that you are declining, then the reason in a sentence or two"}}
	}
	if explainedBefore >= 3 && explainedBefore > explainedAfter {
		return []Finding{{Line: s.line, Message: fmt.Sprintf("the decision comes after %d sentences of reason", explainedBefore),
			Suggestion: "say first that you are declining, then the reason in a sentence or two"}}
	}
	return nil
}

// heading reports whether the paragraph starting at text[i] is a line
// such as a reference rather than prose: one sentence of a few words with
// no stop at its end.
func heading(text []sentence, i int) bool {
	one := i+1 == len(text) || text[i+1].paragraph != text[i].paragraph
	return one && text[i].text != "" && len(text[i].toks) <= 12 && !strings.ContainsAny(text[i].text[len(text[i].text)-1:], ".!?")
}

var (
	// backhanded are words that turn thanks into a complaint, said after
	// the thanks: "grateful you found a moment for my application in the
	// end".
	backhanded = words(`(found|find|finding) (a|the) (moment|minute|time|second)`, `(minutes|hours) (in|at) (reception|the lobby|the front desk)`, `(minutes|hours) (of)? (waiting|on hold)`,
		`found time`, `(got|get|getting) (round|around) to`, `bothered`, `deigned`, `squeez* me in`,
		`(you|your|they|their|the team) ... (at long? last|in the end|eventually|finally)`)
	irony = words(`i am sure ... (finally|at last|eventually|everything|seventh|eighth|ninth|tenth|another round|one more round|yet another|only|too|seem/seems|appeal|charm|suspense)`,
		`clearly (has|have|had|believes|believe|thinks|think|values|value|prioriti*|so)`,
		`(a|your|the) (third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (would|round|interview|one|could|might)`, `yet another (interview|round|stage|test|call)`,
		`(confidence|courage|nerve|guts|audacity|boldness) it takes`, `(a genuine|a real|quite an|such an|quite the) education`, `payment enough`, `quit while`,
		`(thanks|thank you) for nothing`, `good luck with that`, `yeah right`, `no thanks to`, `what a surprise`,
		`only took (you|your team|the team|them)`, `must have been (very|so|terribly|incredibly|extremely|really)? busy`, `some of us`,
		`(more|greater) patience than (me|i)`, `(enjoy|enjoys) the? (waiting|wait)`, `clearly (not)? a priority`, `you (certainly|really|clearly)? took your time`,
		`(a|your) (seventh|eighth|ninth|tenth) (round|interview)`)

	// Irony says the opposite of its words, and shows in what it is said
	// of: a marker of certainty or praise ("I'm sure", "clearly", "what
	// a") in one clause with a wait, an effort or a count ("worth the
	// seven weeks of waiting").
	ironyMarkers = words(`i am (sure|certain|confident)`, `apparently`, `no doubt`, `(clearly|obviously|evidently|surely|naturally)`, `of course`, `i can (tell|see)`,
		`must (be|have been)`, `what a`, `how (generous|kind|thoughtful|considerate|lovely|nice|good|reassuring|efficient)`, `i (suppose|guess)`,
		`needless to say`, `(worth|well worth) (it|the|every|all)`, `(do|really|truly|must say i|certainly) (admire|applaud|salute)`)
	// delays are what irony is said of: a wait, the rounds, the effort.
	// A plain one ("finally", "yet another") is enough; a count or a
	// wait ("several weeks", "the wait") needs a word that weighs it
	// ("worth", "only", "a normal time"), as "of course, the process
	// takes several weeks" is understanding, not irony.
	delays = words(`finally`, `at long? last`, `eventually`, `(only|just) took`, `(record|personal best)`, `(top|bottom) of (your|the) (list|pile|priorities|inbox)`,
		`(a|the|your) priority`, `(third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (time|round|interview|message|email|call|stage|attempt|reminder|reschedul*)`,
		`yet another`, `so many (rounds|stages|interviews|emails|messages|calls|reschedul*|tests)`, `as much as i did`, `keep track`, `(how|so) long (you|they|your team|the team|it took you|it took them) (took|needed|have taken|had taken)?`, `(three|four|five|several|multiple) reschedul*`)
	waited  = words(`in the end`, `(so|that|this|how) long`, `all (this|that) time`, `(the|a|your|this) wait`, `wait/waiting/waited`, `reschedul*`)
	weighed = words(`worth`, `only`, `just`, `mere*`, `whole`, `entire`, `normal`, `standard`, `usual`, `quick*`, `fast`, `speedy`, `efficient*`, `swift*`, `prompt*`,
		`impressive*`, `enjoy*`, `thrill*`, `delight*`, `love/loved`, `how things are done`, `business as usual`, `par for the course`, `reasonable`, `acceptable`)
	// ownDelay is the writer's own slowness, which irony is not about.
	ownDelay = words(`sorry`, `apolog*`, `(my|our) (reply|answer|response|decision|delay)`, `kept you`, `i (took|have taken|am taking|needed)`, `(me|i) to (reply|respond|answer|decide|get back)`)
	// A wish for them is not irony: "I'm sure you will find the right
	// person".
	wish = words(`(find|finding|found) (the|a|an|someone|somebody|great|excellent|strong|suitable|right)`, `success`, `luck`, `(go|goes|going) well`,
		`(disappointing|unwelcome|not the) news`)
	// Thanks or praise with a sting in the same clause: thanks for
	// "finally" replying, "good of you to reply at last".
	praised = words(`thank*`, `grateful`, `gratitude`, `appreciat*`, `(good|kind|nice|generous|thoughtful|decent|sweet) of (you|them|the team|your team)`, `admire/admired`,
		`lovely`, `what a`)
	stings = words(`for (finally|eventually|at long? last) (getting|replying|responding|answering|coming|remembering|letting|sending|calling|reading|looking|making|deciding|confirming|telling|finding|fitting|getting)`,
		`(you|they|the team|your team|someone) (finally|eventually) (managed|remembered|found|got)`, `(you|they|the team|your team) managed to (reply|respond|get back|read|answer|call|find time|fit me in|squeeze me in|remember)`,
		`(reply|replying|respond|responding|answer|answering|get back|getting back|come back|coming back|remember*|managed) ... (at long? last|finally|eventually|in the end)`,
		`(a|the) whole (two|three|four|five|ten|fifteen|few) (minutes|seconds)`, `all of (two|three|four|five|ten|fifteen) minutes`,
		`(reminder|lesson|education|eye-opener|wake-up call) (of|in|as to) how (much|lucky|good|well|fortunate|little)`,
		`(less|lower) (than|what) (i|my) (earn|make|get|current|am paid|currently)`, `(some kind of|a new|a personal|quite a|a real) (record|personal best)`)
	thanksGoOn = words(`and? (also|especially|particularly|above all)? for`)
	waits      = words(`wait`, `delay`, `silence`, `radio silence`)
	patience   = words(`patience`, `patient`, `bearing with`, `bear with`, `understanding`)
	// Said of themselves in a letter, these complain: "as I explained
	// twice", "a third time in case it sticks", "your fourth message this
	// month".
	exasperation = words(`as i (mentioned|said|explained|told you|wrote|have said|have explained|have mentioned|have told you|have written) _? _? (twice|several times|more than once|repeatedly|a few times|three times)`,
		`in case it (sticks|sinks in|gets through|registers)`,
		`(say|tell|repeat|write|explain|spell) (it|this|myself) (out)? (again|once more|a third time|one more time|a second time)`,
		`(third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (message|email|call|reminder|voicemail|chaser|inmail|approach|follow-up) (this|in|of|since)`,
		`(some kind of|a new|a personal|quite a) (record|personal best)`)
	// Thanks said with a doubt of itself: "Thanks - I think - for...".
	grudging = words(`i (think|suppose|guess)`)
	// Words set in quotation marks to mock them: the "quick" test.
	mocked = words(`quick`, `short`, `brief`, `small`, `little`, `simple`, `light`, `easy`, `informal`, `casual`, `friendly`, `fun`, `optional`, `minor`,
		`flexible`, `competitive`, `generous`, `exciting`, `fast-paced`, `family`, `dynamic`, `chat`, `personal`, `tailored`, `urgent`, `priority`, `excellent`)
)

// sarcastic returns what in s reads as sarcasm, or "".
func sarcastic(s *sentence) string {
	if m := irony.in(s.toks); m != "" {
		return m
	}
	if m := exasperation.in(s.toks); m != "" {
		return m
	}
	// Backhanded thanks: the sting comes after the thanks (the "you" of
	// "thank you" is not what it is said of).
	if t, _, ok := thanks.find(s.toks); ok && declines.in(s.toks) == "" {
		after := t + 1
		if after < len(s.toks) && s.toks[after] == "you" && strings.HasPrefix(s.toks[t], "thank") {
			after++
		}
		if m := backhanded.in(s.toks[after:]); m != "" {
			return m
		}
	}
	cs := s.parts()
	praising := false
	for i, c := range cs {
		// A marker set off by commas is said of the clause after it:
		// "Of course, three reschedules is how things are done".
		if i+1 < len(cs) && ironyMarkers.whole(c) {
			c = append(c[:len(c):len(c)], cs[i+1]...)
		}
		// Thanks govern the clauses that go on with what they are for:
		// "thank you for the offer, and for such a reminder of how...";
		// not a clause that turns ("although the pay is lower").
		if _, _, ok := praised.find(c); ok {
			praising = true
		} else if !thanksGoOn.starts(c) {
			praising = false
		}
		switch {
		case praising && stings.in(c) != "":
			return stings.in(c)
		case praising && countedSpan(c) != "" && waits.in(c) != "" && patience.in(c) == "" && ownDelay.in(c) == "":
			// Thanks for "the twelve-week wait"; not thanks for their
			// patience through one.
			return countedSpan(c) + " " + waits.in(c)
		case ironyMarkers.in(c) != "" && wish.in(c) == "" && doorOpens.in(c) == "" && ownDelay.in(c) == "" &&
			(delays.in(c) != "" || (waited.in(c) != "" || countedSpan(c) != "") && weighed.in(c) != ""):
			m := delays.in(c)
			if m == "" {
				if m = countedSpan(c); m == "" {
					m = waited.in(c)
				}
			}
			return ironyMarkers.in(c) + " … " + m
		case i > 0 && grudging.whole(cs[i]) && thanks.in(cs[i-1]) != "" && len(cs[i-1]) <= 3:
			return strings.Join(cs[i-1], " ") + ", " + strings.Join(c, " ")
		}
	}
	// Scare quotes in praise: thanks for the "quick" test; or beside a
	// marker of irony.
	for _, q := range scareQuoted(s.text) {
		qt := tokens(q)
		// A title ("Meet the Team") names something; one word may be a
		// name said wrongly ("addressed as "Brian"").
		if lowerStart(q) && mocked.in(qt) != "" && praised.in(s.toks) != "" || (lowerStart(q) || len(qt) == 1) && ironyMarkers.in(s.toks) != "" && wish.in(s.toks) == "" {
			return "“" + q + "”"
		}
	}
	return ""
}

func sarcasm(d *Draft) []Finding {
	for i := range d.text {
		s := &d.text[i]
		if m := sarcastic(s); m != "" {
			return []Finding{{Line: s.line, Message: fmt.Sprintf("%q reads as sarcasm; thanks with a sting burns the bridge", m),
				Suggestion: "thank them plainly, or leave the line out"}}
		}
	}
	return nil
}

var (
	// private is medical, family or private detail that needs no more
	// words to be private.
	private = words(`diagnosed`, `diagnosis`, `chemotherapy`, `chemo`, `miscarriage`, `ivf`, `antidepressant*`, `dementia`, `alzheimer*`, `(nervous|mental) breakdown`,
		`panic attacks`, `long covid`, `pregnant`, `pregnancy`, `divorce*`, `(shared|joint|full|sole) custody`, `custody (of|arrangements|battle|hearing|case)`, `bankrupt*`, `separated from`, `(my|our) separation`, `my ex`,
		`(on|taking|started|starting|new|changed|changing|adjusting|adjust|increased) (my|the|new|a)? (medication|meds|dose|dosage)`,
		`(been|was|is|am|be|being) (in|into) hospital`, `(admitted|rushed|taken) (to|into) the? hospital`, `(attending|starting|weekly|having|undergoing) therapy`,
		`(had|having|has|suffered) a (stroke|heart attack)`)
	// personal is detail made private by whose it is: "my medication",
	// "my son's illness".
	personal = words(`(my|his|her) _? _? (diagnosis|medication|meds|treatment|surgery|operation|therapy|therapist|illness|condition|recovery|prognosis|symptoms|consultant|specialist|cancer|psychiatrist|rehab|anxiety|depression|disability|injury|affair|marriage|debts)`,
		`(son|daughter|child|children|kids|baby|mother|father|mum|mom|dad|wife|husband|partner|parent|parents|sister|brother|grandmother|grandfather) 's? (is|was|has|had|have|became|fell|got|being)? (been)? (taken|seriously|very|critically|recently|now|still)? `+
			`(ill|illness|unwell|sick|surgery|treatment|condition|operation|cancer|stroke|in hospital|hospitalised|hospitalized|diagnosed)`)
)

func oversharing(d *Draft) []Finding {
	for _, s := range d.text {
		m := private.in(s.toks)
		if m == "" {
			m = personal.in(s.toks)
		}
		if m != "" {
			return []Finding{{Line: s.line, Message: fmt.Sprintf("%q is private detail a decline does not need", m),
				Suggestion: "say \"for personal reasons\" or \"a family matter\"; the details are yours to keep"}}
		}
	}
	return nil
}

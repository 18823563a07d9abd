package check

import (
	"fmt"
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
	// The culture or "environment", judged.
	{words(`not ... (kind|sort|type) of (environment|culture|place|workplace|atmosphere)`, `not ... (environment|culture|atmosphere|workplace) (where|in which) i`,
		`(culture|environment|atmosphere) (is|was|seemed|felt|sounds|sounded|seems) (quite|very|rather|a bit|too)? (toxic|intense|negative|unhealthy|cut-throat|cutthroat|pressured|stressful|hostile|cold|unwelcoming|cliquey)`),
		"leave the culture out; say the role is not the right fit for you now"},
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
		`(a friend|someone|people|a contact|an acquaintance|a former colleague) (who|that) (works|worked|used to work|has worked|left)`)
	concern = words(`turnover`, `hours`, `burn*`, `pressure`, `culture`, `management`, `leave/left/leaving/quit/quitting`, `unhappy`, `stress*`, `overtime`, `micromanag*`,
		`churn`, `difficult`, `tough`, `struggl*`, `problem*`, `issue*`, `concern*`, `environment`, `atmosphere`, `mixed`, `not`, `never`, `layoff*`, `cuts`)
	praise = words(`great`, `good`, `wonderful`, `excellent`, `positive`, `lovely`, `amazing`, `impressive`, `glowing`, `fantastic`, `highly`, `warmly`, `fondly`, `enjoy*`)
	but    = words(`but`, `however`, `though`, `although`)
)

func tact(d *Draft) []Finding {
	var findings []Finding
	for _, s := range d.text {
		m, suggestion := "", ""
		// A figure in a sentence that bargains is the hedged rule's.
		bargaining := bargains.in(s.toks) != ""
		for _, c := range criticism {
			if m = c.p.in(s.toks); m != "" {
				suggestion = c.suggestion
				break
			}
		}
		if m == "" {
			if m = hearsay.in(s.toks); m == "" && concern.in(s.toks) != "" {
				m = hearsaid.in(s.toks)
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
	// hedges make a decision less than one, in the clause that decides.
	hedges = words(`might not`, `may not`, `not be? sure`, `not certain`, `probably`, `perhaps`, `maybe`, `possibly`, `likely`, `inclined to`,
		`i think i (might|may|will|would|should|have to|must|am going to)`, `(do not|not) think i (will|would|can|could|shall) be?`,
		`lean/leaning (towards|toward|to)`, `i am leaning`, `it is (possible|likely) that`, `(might|may) have to`, `unlikely`, `i doubt`,
		`(thinking|think) about (declining|withdrawing|pulling out|stepping back)`, `(considering|contemplating) (declining|withdrawing|pulling out|turning|stepping back)`)
	// softDecision is what a hedged sentence may be deciding.
	softDecision = words(`continue`, `proceed`, `move forward`, `moving forward`, `attend`, `join`, `accept*`, `go ahead`, `take up`, `withdraw*`, `declin*`, `pass`,
		`step back`, `pull out`, `make it`)
	// bargains: a condition on the employer's terms, or an offer to
	// think again.
	bargains = words(`(if|unless|should|were) ... (reconsider|revisit|rethink|change my mind|think again|budge|sweeten|top up|negotiat*)`,
		`(if|unless) ... (can|could|able to|would|willing to) match`, `(if|unless) ... match (it|that|this|their|the other|my current)`,
		`(if|unless) ... (increase*|raise|raised|higher|improve*|more|go up|bump|flex*|room) ... (salary|pay|offer|package|budget|rate|base|bonus|equity|compensation|money|terms)`,
		`(if|unless) ... (salary|pay|offer|package|budget|rate|base|bonus|equity|compensation) ... (increase*|raise|raised|higher|improve*|go up|bump|flex*|room|move|moved|revise*)`,
		`room (to|for) (go|move|negotiat*|movement|manoeuvre|maneuver|flexibility|improvement)`, `(if|unless) there is any? room`,
		// A condition on the job's terms, met by a yes.
		`(if|unless|should|were) ... `+terms+` ... `+changes+` ... `+yes, `(if|unless|should|were) ... `+changes+` ... `+terms+` ... `+yes,
		`(happy|willing|open|glad|prepared|keen) to (reconsider|revisit|negotiate|discuss the (salary|package|offer|terms|pay))`)
	// A condition on the job's terms that a change would meet with a yes:
	// "if it could be done fully remotely, I'd be very keen".
	terms   = `(remote*|hybrid|salary|pay|package|base|title|level|four-day|part-time|full-time|hours|flexib*|relocat*|budget|rate|equity|bonus|number|figure|closer|week)`
	changes = `(could|can|were|was|became|become|becomes|change|changes|changed|move|moves|moved|go|went|able|possible|increase*|raise*|improve*)`
	yes     = `(would|will) be? (very|really|more than|quite|much)? (keen|happy|delighted|ready|willing|open|glad|interested|yes|accept|sign|reconsider|revisit)`
	// forNow and ifTheyChange: "for now I'll have to pass, but if the
	// budget changes…" leaves the decision to the employer.
	forNow       = words(`for now`, `at this point`, `for the time being`, `at the moment`, `for the moment`, `as things stand`, `as it stands`)
	ifTheyChange = words(`if (the|your|you|this|there|it) ... (change|changes|changed|improve*|different|become*|flexib*|remote|revise*)`)
)

func hedged(d *Draft) []Finding {
	var findings []Finding
	decided := d.decisionAt() >= 0
	for i := range d.text {
		s := &d.text[i]
		if m := bargains.in(s.toks); m != "" {
			findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("%q bargains; a decline does not negotiate", m),
				Suggestion: "decline plainly; if better terms would change your mind, that is a different conversation, not a decline"})
			continue
		}
		_, end, ok := declines.find(s.toks)
		switch {
		case ok:
			// A hedge counts in the clause that decides, not in the
			// reason after it: "I am withdrawing, as the commute would
			// probably be too long".
			if h := hedges.in(s.toks[:end]); h != "" {
				findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("the decision is hedged (%q)", h),
					Suggestion: "state it plainly: \"I have decided to withdraw\", not \"I might not be able to\""})
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
		`until i (confirm|have confirmed|decide|have decided|make up my mind|am sure|know for sure|know for certain)`)
	// A "just in case" holds only what it is said of.
	// holdAsk is a request with a deadline: "could you wait until...".
	holdAsk     = words(`(please|(could|would|can|will) you|possible|ask (you|that you)) ... (hold*|keep*|wait|leave|save|reserv*|hang on|not offer|not give|delay|postpone|pause) ... until`)
	holdHedges  = words(`just in case`, `in case (my|things|plans|anything|something|it)`, `while i (decide|think|consider|weigh|wait|make)`)
	holdVerbs   = words(`hold*`, `keep*`, `save`, `saving`, `reserv*`, `pencil*`, `block*`, `cancel*`, `open`)
	holdObjects = words(`slot`, `spot`, `place`, `interview`, `offer`, `booking`, `appointment`, `date`, `it`)
	noNeed      = words(`(do not|no need to|not necessary to|need not|need to) (hold*|keep*|save|reserv*|block*)`)
)

func holding(d *Draft) []Finding {
	for _, s := range d.text {
		if noNeed.in(s.toks) != "" {
			continue
		}
		m := holdRequests.in(s.toks)
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
	explainedBefore, explainedAfter := 0, 0
	for i := range d.text {
		if i != k && explains(&d.text[i]) {
			if i < k {
				explainedBefore++
			} else {
				explainedAfter++
			}
		}
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
)

func sarcasm(d *Draft) []Finding {
	for _, s := range d.text {
		m := irony.in(s.toks)
		if m == "" {
			// Backhanded thanks: the sting comes after the thanks (the
			// "you" of "thank you" is not what it is said of).
			if t, _, ok := thanks.find(s.toks); ok && declines.in(s.toks) == "" {
				after := t + 1
				if after < len(s.toks) && s.toks[after] == "you" {
					after++
				}
				m = backhanded.in(s.toks[after:])
			}
		}
		if m != "" {
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

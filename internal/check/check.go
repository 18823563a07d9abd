// Package check holds a draft to the tips of the guide every letter
// follows: each tip is a rule with a stable ID, and a draft that breaks
// one gets a finding on the line where it shows, with a suggestion where
// one helps. Precision comes first: a finding must be right, so the rules
// look for plain signs, and say nothing when unsure.
package check

import (
	"cmp"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Severities of findings. An error is a rule broken; a warning, something
// the user may have chosen.
const (
	Error   = "error"
	Warning = "warning"
)

// A Finding is what a rule objects to in a draft.
type Finding struct {
	Rule       string `json:"rule"`
	Severity   string `json:"severity"`
	Line       int    `json:"line"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion"`
}

// A Rule is a tip of the guide, made executable.
type Rule struct {
	ID        string
	Severity  string
	Rationale string // the tip of the guide it keeps
	check     func(d *Draft) []Finding
}

// Rules are the rules, in the order their findings are reported.
var Rules = []Rule{
	{"gratitude", Error, "Be grateful: a few words of thanks for their time keep the relationship warm.", gratitude},
	{"decision", Error, "Be clear: say plainly, early, that you are declining, so there is nothing to guess.", decision},
	{"prompt", Error, "Be prompt: telling them now respects their time and lets them move on to other candidates.", prompt},
	{"tact", Error, "Honest, but tactful: give a reason without criticising the employer, the pay or the people.", tact},
	{"brief-reason", Error, "Briefly explain: a reason in a sentence or two; over-explaining is one of the mistakes to avoid.", briefReason},
	{"door-open", Warning, "Keep the door open: a line about staying in touch can bring a better role later.", doorOpen},
	{"professional", Error, "Keep it professional: a greeting, a sign-off with your name, and a calm, formal register.", professional},
	{"placeholder", Error, "A letter with template text left in it was not written with care.", placeholder},
	{"length", Error, "Courteous and to the point: long enough to thank them, short enough to respect their time.", length},
	{"kind", Error, "Each kind of letter has its own duty: an offer declined without bargaining, an accepted offer withdrawn with an apology, a recruiter's approach answered without talk of other candidates.", kindRules},
}

// Letter holds d to every rule and returns the findings, by line.
func Letter(d *Draft) []Finding { return LetterOf(d, "") }

// LetterOf holds d, a letter of a kind ("interview", "offer", "rescind",
// "outreach", "withdraw"; "" when not known), to every rule.
func LetterOf(d *Draft, kind string) []Finding {
	d.kind = kind
	var findings []Finding
	for _, r := range Rules {
		for _, f := range r.check(d) {
			f.Rule = r.ID
			if f.Severity == "" {
				f.Severity = r.Severity
			}
			findings = append(findings, f)
		}
	}
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].Line < findings[j].Line })
	return findings
}

// String words a finding as a linter does, after its place: "RULE:
// message; suggestion".
func (f Finding) String() string {
	s := f.Rule + ": " + f.Message
	if f.Suggestion != "" {
		s += "; " + f.Suggestion
	}
	return s
}

// Text holds a piece of text the user wrote, such as their own reason, to
// the rules that apply to any sentence: tact, professional wording and
// leftover placeholders. Its findings are warnings.
func Text(text string, line int) []Finding {
	d := &Draft{text: []sentence{{text: text, line: line}}, Lines: []Line{{N: line, Text: text}}}
	var findings []Finding
	for _, r := range Rules {
		var fs []Finding
		switch r.ID {
		case "tact":
			fs = tact(d)
		case "professional":
			fs = wording(d)
		case "placeholder":
			fs = placeholder(d)
		}
		for _, f := range fs {
			f.Rule, f.Severity = r.ID, Warning
			findings = append(findings, f)
		}
	}
	return findings
}

// Errors counts the findings that are errors.
func Errors(findings []Finding) int {
	n := 0
	for _, f := range findings {
		if f.Severity == Error {
			n++
		}
	}
	return n
}

// matcher returns a case-insensitive regexp matching any of the phrases,
// as whole words.
func matcher(phrases ...string) func() *regexp.Regexp {
	return lazily(`(?i)\b(` + strings.Join(phrases, "|") + `)\b`)
}

// lazily returns a regular expression compiled when first used: a run of
// decline that checks nothing, as most do, does not pay for compiling the
// rules' phrase lists.
func lazily(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// find returns the first sentence of the text that re matches, and the
// match.
func (d *Draft) find(re func() *regexp.Regexp) (*sentence, string) {
	for i := range d.text {
		if m := re().FindString(d.text[i].text); m != "" {
			return &d.text[i], m
		}
	}
	return nil, ""
}

var thanks = matcher(`thank(s|ful)?`, `thank you`, `grateful`, `gratitude`, `appreciat(e|ed|es|ion|ive)`)

func gratitude(d *Draft) []Finding {
	if s, _ := d.find(thanks); s != nil {
		return nil
	}
	if d.signOff != nil && thanks().MatchString(d.signOff.Text) {
		return nil
	}
	return []Finding{{Line: d.firstLine(), Message: "the letter never thanks them",
		Suggestion: "open by thanking them for the invitation and for their time"}}
}

var (
	declines = matcher(`declin(e|ing)`, `not (be )?(able to )?(accept|join|start|take up)`, `not to (accept|join|start|take up)`, `(will|won't|will not|cannot|can't) (be )?(joining|starting|accepting|taking up)`,
		`(not|no longer) (currently )?(looking|exploring|considering|open to|in a position to)`, `not the right (move|fit|time|step) for me`, `withdraw(ing|n)?`, `turn(ing)? down`, `pass(ing)? on`, `step(ping)? back`, `not (be )?(able to )?(attend|proceed|continue|move forward|pursue|go ahead|take (this|it) further)`,
		`(will|won't|will not|cannot|can't|am not|I'm not) (be )?(attend|attending|coming|continuing|proceeding|pursuing|moving forward|going ahead|taking (this|it) further)`,
		`no longer (be )?(interested|available|pursuing|considering|able)`, `(remove|take) (me|myself|my (application|name|candidacy))`, `cancel(l?ing)? (the|our|my) interview`,
		`not (going|planning) to (attend|proceed|continue|pursue)`, `(bow|pull|drop(ping)?) out`, `not be moving forward`, `(must|have to) (respectfully )?(decline|withdraw|pass)`,
		`(not|n't|won't|cannot|can't) (be )?(able to )?make it`, `unable to (attend|proceed|continue|make it|move forward|take (this|it) further|accept|pursue)`, `not to (go ahead|proceed|continue|pursue|move forward|attend|take (this|it|things) further)`)
	hedges = matcher(`might not`, `may not`, `(not|n't) (be )?sure`, `probably`, `perhaps`, `maybe`, `possibly`, `I think I (might|may|will|should|have to)`, `I('m| am) leaning`, `it('s| is) (possible|likely) that`, `(might|may) have to`, `not certain`)
)

func decision(d *Draft) []Finding {
	s, m := d.find(declines)
	if s == nil {
		return []Finding{{Line: d.firstLine(), Message: "the letter never says plainly that you are declining",
			Suggestion: "say it in the first paragraph: \"I have decided to withdraw from the process\""}}
	}
	// A hedge counts in the clause that decides, not in the reason after
	// it: "I am withdrawing, as the commute would probably be too long".
	decided := s.text[:strings.Index(s.text, m)+len(m)]
	if h := hedges().FindString(decided); h != "" {
		return []Finding{{Line: s.line, Message: fmt.Sprintf("the decision is hedged (%q)", h),
			Suggestion: "state it plainly: \"I have decided to withdraw\", not \"I might not be able to\""}}
	}
	if paragraphs := d.paragraphs(); paragraphs >= 3 && s.paragraph == paragraphs-1 {
		return []Finding{{Line: s.line, Message: "the decision comes only in the last paragraph",
			Suggestion: "state it in the first paragraph, after your thanks"}}
	}
	return nil
}

var (
	promptly = matcher(`other candidates?`, `another candidate`, `(earliest|first) opportunity`, `(answer|decision|reply|news) (now|quickly|promptly|early|soon|right away)`, `(let|letting) you know (quickly|promptly|straight away|right away|at once|today|now)`, `wanted you to know (at once|right away|straight away|promptly)`, `(plan|plans|planning|arrangements|schedule) accordingly`, `move (forward|ahead|on)`, `moving (forward|ahead|on)`, `fill (the|this) (role|position|post|vacancy)`, `(continue|continuing|proceed|proceeding) (your|with your|the) (search|process|recruitment|hiring)`,
		`promptly`, `as soon as`, `right away`, `straight away`, `without delay`, `(in|with) (good|plenty of) time`, `(let|letting) you know (now|early|quickly)`, `(give|giving) you (time|notice|as much notice)`, `(free|release) (up )?(the|my|your|that) (slot|time|spot)`, `your (time|schedule|calendar)`, `early notice`, `(the|your) (rest of the|remaining) (candidates|applicants)`)
	delayApology = lazily(`(?i)\b(sorry|apologi[sz]e|apologies|apologising|apologizing|forgive)\b[^.!?]*\b(delay|delayed|late|slow|waiting|wait|while|long|reply|response|respond)`)
)

func prompt(d *Draft) []Finding {
	var findings []Finding
	// An answer to a recruiter's approach has no process to let go on.
	if s, _ := d.find(promptly); s == nil && d.kind != "outreach" {
		// A warning: the tip is to send soon, which a draft cannot show.
		findings = append(findings, Finding{Line: d.firstLine(), Severity: Warning, Message: "the letter does not show it respects their time",
			Suggestion: "say you are letting them know now, so they can move forward with other candidates"})
	}
	var apologies []*sentence
	for i := range d.text {
		if delayApology().MatchString(d.text[i].text) {
			apologies = append(apologies, &d.text[i])
		}
	}
	if len(apologies) > 1 {
		findings = append(findings, Finding{Line: apologies[1].line, Message: fmt.Sprintf("the letter apologises for the delay %d times", len(apologies)),
			Suggestion: "apologise once, briefly, or not at all"})
	}
	return findings
}

// criticism pairs words that criticise with a tactful way to say what
// the user may mean.
var criticism = []struct {
	re         func() *regexp.Regexp
	suggestion string
	what       string // what the words do, when not criticise or compare
}{
	{re: matcher(`low-?ball(ed|ing)?`, `insulting`, `underpa(id|ying)`, `cheap`, `stingy`), suggestion: "say the package does not meet your needs"},
	{re: matcher(`a better (offer|job|company|role|position|opportunity|package|deal)`, `better paid`, `pays better`, `more money`), suggestion: "say you have accepted another position that suits you"},
	// Words that judge whoever they are said of.
	{re: matcher(`toxic`, `disorgani[sz]ed`, `chaotic`, `unprofessional`, `rude`, `incompetent`, `dismissive`, `arrogant`, `shady`, `sketchy`, `red flags?`, `disrespectful`),
		suggestion: "leave the judgement out; a neutral reason is enough, such as the role not matching your direction"},
	// Milder words judge only when said of the employer: "this may be
	// disappointing news" and "I feel terrible about the short notice" are
	// kind, "the process was disappointing" is not.
	{re: lazily(`(?i)(interviews?|process|company|team|offer|salary|pay|package|role|culture|office|recruiters?|managers?|experience|communication|questions|panel|people|you)[^.!?]*(was|were|is|are|seemed|felt|has been|have been)\s+(quite |really |very |so |rather |a bit |somewhat |extremely |frankly |honestly )?(a mess|a joke|ridiculous|terrible|awful|horrible|disappointing|frustrating|annoying|poor|bad|slow)`),
		suggestion: "leave the judgement out; a neutral reason is enough, such as the role not matching your direction"},
	{re: matcher(`waste(d)? (of )?(my |your )?time`, `kept me waiting`, `you (never|didn't|did not|failed to|forgot to)`, `(you|your [a-z]+) (took|have taken|has taken) (so|too|far too|very) long`, `never (got back|replied|responded|heard back) (to me|from you)`, `ghost(ed|ing)`),
		suggestion: "thank them for their time instead of blaming them for it"},
	{re: matcher(`thanks for nothing`, `good luck with that`, `no thanks to`, `yeah,? right`), suggestion: "drop the sarcasm: thank them and decline plainly"},
	// A decline that names its price is a negotiation.
	{re: lazily(`(?i)\b(if|unless)\b[^.!?]*\b(room to|able to (go|offer|match|increase|raise)|could (go|offer|match|increase|raise)|match(ed)?|increase[sd]?|raise[sd]?)\b[^.!?]*\b(reconsider|consider it again|change my mind|happy to (continue|proceed|talk))`), suggestion: "decline plainly; if better terms would change your mind, that is a different conversation, not a decline", what: "bargains; a decline does not negotiate"},
	{re: lazily(`(?i)([$€£]\s?\d[\d,.]*\s?[kKmM]?\b|\b\d{2,3}[,.]?\d{3}\s?(dollars|euros|pounds|a year|per year|salary)\b|\b\d{2,3}\s?[kK]\b)`), suggestion: "leave the figures of another offer out"},
}

func tact(d *Draft) []Finding {
	var findings []Finding
	for _, s := range d.text {
		for _, c := range criticism {
			if m := c.re().FindString(s.text); m != "" {
				what := cmp.Or(c.what, "criticises or compares; a decline does neither")
				findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("%q %s", m, what), Suggestion: c.suggestion})
				break
			}
		}
	}
	return findings
}

// The sentences of a letter that do something other than explain: thank,
// decide, tell them promptly, keep the door open, refer someone, wish
// them well, or say something kind of the meeting.
var (
	refers    = matcher(`recommend`, `refer`, `put you in touch`, `introduce`, `pass (your|the) (details|role|posting) (on|along)`, `suggest (a|my) (colleague|former|friend)`)
	wishes    = matcher(`wish (you|the team|everyone)`, `(best of|good) luck`, `every success`, `all the best`, `(hope|trust) (you|the team) find`)
	kindWords = matcher(`enjoyed (meeting|speaking|talking|learning|hearing|our|the|your)`, `(a|was a|is a) pleasure`, `impress(ed|ive)`, `generous`, `welcoming`,
		`(great|lovely|good) (to meet|meeting|speaking|talking)`, `learn(ed|t|ing) (about|more)`, `respect`, `admire`)
)

// maxExplaining is the most sentences of explanation in a row that a
// brief reason takes.
const maxExplaining = 3

func briefReason(d *Draft) []Finding {
	var run []*sentence // explaining sentences in a row, in one paragraph
	longest := run
	for i := range d.text {
		s := &d.text[i]
		doing := thanks().MatchString(s.text) || declines().MatchString(s.text) || promptly().MatchString(s.text) || doorOpenRe().MatchString(s.text) ||
			refers().MatchString(s.text) || wishes().MatchString(s.text) || kindWords().MatchString(s.text)
		if doing || len(run) > 0 && run[0].paragraph != s.paragraph {
			run = nil
		}
		if !doing {
			run = append(run, s)
		}
		if len(run) > len(longest) {
			longest = run
		}
	}
	if len(longest) <= maxExplaining {
		return nil
	}
	return []Finding{{Line: longest[0].line, Message: fmt.Sprintf("the reason runs over %d sentences", len(longest)),
		Suggestion: "one or two sentences of reason are enough; the guide warns against over-explaining"}}
}

var doorOpenRe = matcher(`(stay|keep|remain|be) in (touch|contact)`, `future (opportunit(y|ies)|roles?|positions?|openings?|vacanc(y|ies))`, `(paths|our paths) (will |might |may )?cross`,
	`down the (line|road)`, `in (the )?future`, `(again|once more) (someday|one day|later|soon)`, `work together (one day|someday|in)`, `(keep|have) me in mind`, `(reach|get) (back )?(out )?(to me|in touch)`, `connect(ed)? on`, `(later|another) (opportunity|time|occasion)`, `(hope|like|love|happy|glad|pleased) to (hear from you|work with you)`, `at a later (date|stage)`)

// closesDoor asks them never to get in touch again.
var closesDoor = lazily(`(?i)\b(do not|don't|please do not|please don't|never) (contact|email|e-mail|call|reach out to|get in touch with|approach) me\b|\bremove me from (your|all)\b|\bno (further|future) (contact|approaches)\b`)

func doorOpen(d *Draft) []Finding {
	for _, s := range d.text {
		if closesDoor().MatchString(s.text) {
			return []Finding{{Line: s.line, Message: "the letter asks them not to contact you again, which closes the door",
				Suggestion: "leave that out unless you mean it; a line about staying in touch costs nothing"}}
		}
	}
	if s, _ := d.find(doorOpenRe); s != nil {
		return nil
	}
	return []Finding{{Line: d.firstLine(), Message: "no sentence keeps the door open",
		Suggestion: "add that you would welcome staying in touch about future opportunities, unless you mean to close it"}}
}

func professional(d *Draft) []Finding {
	var findings []Finding
	if d.greeting == nil {
		findings = append(findings, Finding{Line: d.firstLine(), Message: "the letter has no greeting",
			Suggestion: "open with \"Dear Ms. Rivera,\" or \"Dear Hiring Team,\""})
	}
	if d.signOff == nil || d.name == nil {
		line := 1
		if len(d.Lines) > 0 {
			line = d.Lines[len(d.Lines)-1].N
		}
		findings = append(findings, Finding{Line: line, Message: "the letter has no sign-off with your name",
			Suggestion: "close with \"Kind regards,\" and your name on the next line"})
	}
	return append(findings, wording(d)...)
}

var (
	slang = matcher(`gonna`, `wanna`, `gotta`, `kinda`, `sorta`, `lol`, `lmao`, `omg`, `btw`, `tbh`, `imo`, `imho`, `ya`, `yeah`, `yep`, `nope`, `cya`, `thx`, `pls`, `plz`, `u`, `ur`, `cuz`, `coz`, `bro`, `dude`, `y'all`, `ain't`, `nah`, `idk`, `fyi`)
	// Capitals shout in a run of three words or more, or before an
	// exclamation mark; one or two capital words are usually a name
	// (NVIDIA, KPMG LLP) or an acronym.
	shout = lazily(`\b[A-Z]{2,}\b(\W+\b[A-Z]{2,}\b){2,}|\b[A-Z]{3,}\b!`)
)

// wording objects to a register that is not professional: slang, capitals
// that shout, runs of exclamation marks, emoji.
func wording(d *Draft) []Finding {
	var findings []Finding
	for _, s := range d.text {
		switch {
		case slang().MatchString(s.text):
			findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("%q is slang", slang().FindString(s.text)), Suggestion: "write it out in plain, formal words"})
		case strings.Contains(s.text, "!!"):
			findings = append(findings, Finding{Line: s.line, Message: "a run of exclamation marks", Suggestion: "end with a full stop"})
		case hasEmoji(s.text):
			findings = append(findings, Finding{Line: s.line, Message: "an emoji", Suggestion: "leave emoji out of a professional letter"})
		case shout().MatchString(s.text):
			findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("%q is written in capitals, which reads as shouting", shout().FindString(s.text)), Suggestion: "write it in ordinary case"})
		}
	}
	return findings
}

func hasEmoji(text string) bool {
	for _, r := range text {
		if r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r == 0xFE0F {
			return true
		}
	}
	return false
}

var placeholderRe = lazily(`\{\{|\}\}|(?i:\[(insert|your|company|name|role|position|job title|date|contact|recipient|hiring manager|recruiter|first name|last name|reason)[^\]]*\]|<(insert|your|company|name|role|position|job title|date|contact|recipient|hiring manager|recruiter|first name|last name|reason)[^>@]*>|\blorem ipsum\b)|\bXXX+\b|\bTODO\b|\bTBD\b|\bFIXME\b`)

func placeholder(d *Draft) []Finding {
	var findings []Finding
	check := func(line int, text string) {
		if m := placeholderRe().FindString(text); m != "" {
			findings = append(findings, Finding{Line: line, Message: fmt.Sprintf("%q is template text left in the letter", m), Suggestion: "replace it with what it stands for"})
		}
	}
	if d.Subject != "" {
		check(d.SubjectLine, d.Subject)
	}
	for _, l := range d.Lines {
		check(l.N, l.Text)
	}
	return findings
}

// words says "word" or "words" for a count.
func words(n int) string {
	if n == 1 {
		return "word"
	}
	return "words"
}

// The bounds of a letter's length, in words of its body.
const (
	minWords = 35
	maxWords = 260
)

func length(d *Draft) []Finding {
	switch {
	case d.words < minWords:
		return []Finding{{Line: d.firstLine(), Message: fmt.Sprintf("the letter has %d %s, too few to be courteous", d.words, words(d.words)),
			Suggestion: fmt.Sprintf("write at least %d: thanks, the decision, a brief reason, and good wishes", minWords)}}
	case d.words > maxWords:
		return []Finding{{Line: d.firstLine(), Message: fmt.Sprintf("the letter has %d words, too many for a decline", d.words),
			Suggestion: fmt.Sprintf("keep it under %d: thanks, the decision, a brief reason, and good wishes", maxWords)}}
	}
	return nil
}

var (
	apology    = matcher(`sorry`, `apologi[sz]e`, `apologies`, `regret`)
	bargains   = lazily(`(?i)\b(if|unless|should|were)\b[^.!?]*\b(reconsider|match|increase|improve|raise|more flexib|room|counter|revisit|top up|higher)`)
	candidates = matcher(`other candidates?`, `another candidate`, `the (slot|interview)`)
)

// kindRules holds a letter to the duty of its kind.
func kindRules(d *Draft) []Finding {
	switch d.kind {
	case "offer":
		for _, s := range d.text {
			if m := bargains().FindString(s.text); m != "" {
				return []Finding{{Line: s.line, Message: fmt.Sprintf("%q bargains; a decline of an offer does not negotiate", m),
					Suggestion: "decline plainly; if you would accept better terms, say so in a separate conversation, not in the decline"}}
			}
		}
	case "rescind":
		if s, _ := d.find(apology); s == nil {
			return []Finding{{Line: d.firstLine(), Message: "the letter does not apologise for going back on an accepted offer",
				Suggestion: "apologise once, plainly, for the change and the trouble it causes"}}
		}
	case "outreach":
		if s, m := d.find(candidates); s != nil {
			return []Finding{{Line: s.line, Message: fmt.Sprintf("%q: an answer to a recruiter's approach has no process or candidates to mention", m),
				Suggestion: "thank them for thinking of you, and say the role is not for you now"}}
		}
	}
	return nil
}

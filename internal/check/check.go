// Package check holds a draft to the tips of the guide every letter
// follows: each tip is a rule with a stable ID, and a draft that breaks
// one gets a finding on the line where it shows, with a suggestion where
// one helps. Precision comes first: a finding must be right, so the rules
// look for plain signs, and say nothing when unsure.
//
// The rules read sentences: each is split into lowercased words once,
// and a rule looks at which sentence does what (thanks, decides, explains,
// bargains) and where it stands in the letter, as well as at words.
package check

import (
	"fmt"
	"sort"
	"strings"
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
	{"decision", Error, "Be clear: say plainly that you are declining, so there is nothing to guess.", decision},
	{"hedged", Error, "Be clear: a decision that is conditional or hedged, or that bargains, is not a decision.", hedged},
	{"buried-decision", Error, "Be clear, early: the decision comes after your thanks, not after the reason or past the middle of the letter.", buriedDecision},
	{"holding", Error, "Be prompt: a decline lets them move on, so it does not ask them to keep a slot or an offer open for you.", holding},
	{"prompt", Error, "Be prompt: telling them now respects their time and lets them move on to other candidates.", prompt},
	{"tact", Error, "Honest, but tactful: give a reason without criticising the employer, the pay, the people or the culture.", tact},
	{"sarcasm", Error, "Keep it professional: sarcasm, passive aggression and backhanded thanks burn the bridge the letter is meant to keep.", sarcasm},
	{"brief-reason", Error, "Briefly explain: a reason in a sentence or two; over-explaining is one of the mistakes to avoid.", briefReason},
	{"oversharing", Error, "Briefly explain: \"personal reasons\" or \"a family matter\" is enough; medical, family or private detail is not theirs to weigh.", oversharing},
	// A warning: the writer may mean to close the door.
	{"door-open", Warning, "Keep the door open: a line about staying in touch can bring a better role later.", doorOpen},
	{"professional", Error, "Keep it professional: a greeting, a sign-off with your name, and a calm, formal register.", professional},
	{"placeholder", Error, "A letter with template text left in it was not written with care.", placeholder},
	{"length", Error, "Courteous and to the point: long enough to thank them and decide, short enough to respect their time.", length},
	{"kind", Error, "Each kind of letter has its own duty: an accepted offer withdrawn with an apology, a recruiter's approach answered without talk of other candidates.", kindRules},
}

// Letter holds d to every rule of its language and returns the
// findings, by line.
func Letter(d *Draft) []Finding { return LetterOf(d, "") }

// LetterOf holds d, a letter of a kind ("interview", "offer", "rescind",
// "outreach", "withdraw"; "" when not known), to every rule of the
// language it is written in.
func LetterOf(d *Draft, kind string) []Finding { return LetterIn(d, kind, "") }

// LetterIn holds d, a letter of a kind, in a language (a tag such as de
// or en-GB; "" to detect it), to every rule of that language. English
// letters have the most rules; letters in the other languages Languages
// lists are held to theirs, written from their own phrases. A letter in
// a language decline check does not know gets no findings, rather than
// English rules: Knows tells the caller to say so.
func LetterIn(d *Draft, kind, lang string) []Finding {
	d.kind = kind
	if lang == "" {
		lang = Detect(d)
	}
	var findings []Finding
	switch l := languages()[base(lang)]; {
	case base(lang) == "en":
		d.english = true
		for _, r := range Rules {
			for _, f := range r.check(d) {
				f.Rule = r.ID
				if f.Severity == "" {
					f.Severity = r.Severity
				}
				findings = append(findings, f)
			}
		}
	case l != nil:
		findings = foreign(d, l)
		findings = append(findings, placeholder(d)...)
		for _, f := range wording(d) {
			f.Rule = "professional"
			findings = append(findings, f)
		}
		for i := range findings {
			if findings[i].Rule == "" {
				findings[i].Rule = "placeholder"
			}
			if findings[i].Severity == "" {
				findings[i].Severity = Error
			}
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
// the rules that apply to any sentence: tact, sarcasm, oversharing,
// professional wording and leftover placeholders. Its findings are
// warnings.
func Text(text string, line int) []Finding {
	d := &Draft{text: []sentence{{text: text, line: line, toks: tokens(text)}}, Lines: []Line{{N: line, Text: text}}, english: true}
	var findings []Finding
	for _, r := range Rules {
		var fs []Finding
		switch r.ID {
		case "tact":
			fs = tact(d)
		case "sarcasm":
			fs = sarcasm(d)
		case "oversharing":
			fs = oversharing(d)
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

// find returns the first sentence of the text that p matches, and the
// words matched.
func (d *Draft) find(p *phrases) (*sentence, string) {
	for i := range d.text {
		if m := p.in(d.text[i].toks); m != "" {
			return &d.text[i], m
		}
	}
	return nil, ""
}

var thanks = words(`thank*`, `grateful`, `gratitude`, `appreciat*`)

func gratitude(d *Draft) []Finding {
	if s, _ := d.find(thanks); s != nil {
		return nil
	}
	if d.signOff != nil && thanks.in(tokens(d.signOff.Text)) != "" {
		return nil
	}
	return []Finding{{Line: d.firstLine(), Message: "the letter never thanks them",
		Suggestion: "open by thanking them for the invitation and for their time"}}
}

// declines are the ways of saying no.
var declines = words(`declin*`, `decided against`, `(a|the answer is) no from me`, `not interested in (this|the|your|that|moving|a move)`, `(it is|that is|it will be|it has to be|the answer is) a? no`, `(decided|decide|chosen|choose|choosing) not to`, `(decided|decide|chosen|choose|choosing) to (stay|remain)`, `not (wish|want|intend|plan) to (proceed|continue|pursue|move forward|attend|accept|join|take)`, `not (quite)? right for me`, `not for me`, `let (this|it|the offer|the role|the opportunity|the position) go`, `no longer (attend|continue|proceed|pursue|take|join|accept)`, `(say|saying) no`, `not be? (able to)? (accept|join|start|take up|take)`, `not to (accept|join|start|take)`,
	`(will|will not|can not) be? (joining|starting|accepting|taking up)`,
	`(not|no longer) currently? (looking|exploring|considering|open to|in a position to)`, `not the right (move|fit|time|step) for me`,
	`withdraw/withdrawing/withdrawn`, `(my|this|a) formal? withdrawal`, `turn/turning _? _? down`, `(pass|passing) on (this|the|it|that|your)`, `(will|must|have to|going to|i would|i will) (have to)? pass`,
	`step/stepping (back|away|aside)`, `not be? (able to)? (attend|proceed|continue|move forward|pursue|go ahead|take (this|it) further)`,
	`not be? (attend|attending|coming|continuing|proceeding|pursuing|moving forward|going ahead|taking (this|it) further)`,
	`no longer be? (interested|available|pursuing|considering|able)`, `(remove|withdraw) (me|myself|my application|my name|my candidacy)`,
	`take (myself|my name|my application) (out|off)`, `(cancel|cancelling|canceling) (the|our|my|this) _? interview`,
	`not (going|planning) to (attend|proceed|continue|pursue)`, `(bow|bowing|pull|pulling|drop|dropping) out`,
	`(must|have to) respectfully? (decline|withdraw|pass)`, `not be? (able to)? make it`,
	`unable to (attend|proceed|continue|make it|move forward|take (this|it) further|accept|pursue)`,
	`not to (go ahead|proceed|continue|pursue|move forward|attend|take (this|it|things) further)`)

// decisionAt returns the index of the first sentence that declines, or -1.
func (d *Draft) decisionAt() int {
	for i := range d.text {
		if _, _, ok := declines.find(d.text[i].toks); ok {
			return i
		}
	}
	return -1
}

func decision(d *Draft) []Finding {
	if d.decisionAt() >= 0 {
		return nil
	}
	// A decision that is there but hedged is the hedged rule's: one flaw,
	// one finding.
	if len(hedged(d)) > 0 {
		return nil
	}
	return []Finding{{Line: d.firstLine(), Message: "the letter never says plainly that you are declining",
		Suggestion: "say it in the first paragraph: \"I have decided to withdraw from the process\""}}
}

var (
	promptly = words(`other candidate*`, `another (candidate|applicant|person)`, `someone else`, `somebody else`, `(earliest|first) opportunity`,
		`(answer|decision|reply|news) (now|quickly|promptly|early|soon|right away)`, `(let|letting) you know (quickly|promptly|straight away|right away|at once|today|now|early)`,
		`wanted you to know (at once|right away|straight away|promptly)`, `(plan|plans|planning|arrangements|schedule) accordingly`,
		`move/moving (forward|ahead|on)`, `fill (the|this) (role|position|post|vacancy)`, `(continue|continuing|proceed|proceeding) (your|with your|the) (search|process|recruitment|hiring)`,
		`promptly`, `as soon as`, `right away`, `straight away`, `without delay`, `(in|with) (good|plenty of) time`,
		`(give|giving) you (time|notice|as much notice)`, `as early as possible`, `so that? (you|the panel|your team|the team|they|the committee) can`,
		`(tell|telling|inform|informing|let|letting|write|writing) you? know? (now|early|quickly|promptly|today|at once|straight away|right away|before|in advance|as early)`,
		`(carry on|get on|go ahead|press on|keep going|keep things moving) with`, `(free|release|hand|give|offer|pass|open) up? (the|my|your|that|this)? _? 's? (slot|time|spot|place)`,
		`your (time|schedule|calendar)`, `early notice`, `(the|your) (rest of the|remaining) (candidates|applicants)`)
	apologies    = words(`sorry`, `apologise/apologize/apologies/apologising/apologizing/apologising`, `forgive me`)
	delayApology = words(`(sorry|apologise|apologize|apologies|apologising|apologizing|forgive) ... (delay|delayed|late|slow|waiting|wait|while|long|reply|response|respond)`)
)

func prompt(d *Draft) []Finding {
	var findings []Finding
	// An answer to a recruiter's approach has no process to let go on.
	if s, _ := d.find(promptly); s == nil && d.kind != "outreach" {
		// A warning: the tip is to send soon, which a draft cannot show.
		findings = append(findings, Finding{Line: d.firstLine(), Severity: Warning, Message: "the letter does not show it respects their time",
			Suggestion: "say you are letting them know now, so they can move forward with other candidates"})
	}
	// One apology for a slow answer is courteous; two for it, or three
	// apologies in all beside it, make the letter about the delay.
	var forDelay, all []*sentence
	for i := range d.text {
		if delayApology.in(d.text[i].toks) != "" {
			forDelay = append(forDelay, &d.text[i])
		}
		if apologies.in(d.text[i].toks) != "" {
			all = append(all, &d.text[i])
		}
	}
	switch {
	case len(forDelay) > 1:
		findings = append(findings, Finding{Line: forDelay[1].line, Message: fmt.Sprintf("the letter apologises for the delay %d times", len(forDelay)),
			Suggestion: "apologise once, briefly, or not at all"})
	case len(forDelay) == 1 && len(all) >= 3:
		findings = append(findings, Finding{Line: all[2].line, Message: fmt.Sprintf("the letter apologises %d times, once for the delay", len(all)),
			Suggestion: "apologise once, briefly, or not at all"})
	}
	return findings
}

// The sentences of a letter that do something other than explain: thank,
// decide, tell them promptly, keep the door open, refer someone, wish
// them well, or say something kind of the meeting.
var (
	refers    = words(`recommend*`, `refer`, `put you in touch`, `introduce`, `pass (your|the) (details|role|posting) (on|along)`, `suggest (a|my) (colleague|former|friend)`)
	wishes    = words(`wish (you|the team|everyone)`, `(best of|good) luck`, `every success`, `all the best`, `(hope|trust) (you|the team) find*`)
	kindWords = words(`enjoyed (meeting|speaking|talking|learning|hearing|our|the|your)`, `(a|was a|is a) pleasure`, `impress*`, `generous`, `welcoming`,
		`(great|lovely|good) (to meet|meeting|speaking|talking)`, `(learned|learnt|learning) (about|more)`, `respect`, `admire`)
)

// explains reports whether s does none of what a letter does besides
// explaining its reason.
func explains(s *sentence) bool {
	for _, p := range []*phrases{thanks, declines, promptly, doorOpens, refers, wishes, kindWords} {
		if _, _, ok := p.find(s.toks); ok {
			return false
		}
	}
	return true
}

// maxExplaining is the most sentences of explanation in a row that a
// brief reason takes.
const maxExplaining = 3

func briefReason(d *Draft) []Finding {
	var run []*sentence // explaining sentences in a row, in one paragraph
	longest := run
	for i := range d.text {
		s := &d.text[i]
		doing := !explains(s)
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

var (
	doorOpens = words(`(stay|keep|remain|be) in (touch|contact)`, `future (opportunit*|role*|position*|opening*|vacanc*)`, `paths ... cross`, `cross paths`,
		`down the (line|road)`, `in the? future`, `(again|once more) (someday|one day|later|soon)`, `work together (one day|someday|in)`, `(keep|have) me in mind`,
		`(reach|get) back? out? (to me|in touch)`, `connect/connected on`, `(later|another) (opportunity|time|occasion)`,
		`(hope|like|love|happy|glad|pleased) to (hear from you|work with you)`, `at a later (date|stage)`,
		`(role|position|opening|opportunity|something|vacancy) ... (comes|come|coming) up`, `(meet|speak|talk|work) (again|together again)`,
		`hear from you`, `on your radar`, `reconnect*`, `(stay|keep|remain) connected`, `keep me (posted|updated|informed)`, `catch up`,
		`(please|do not hesitate to|feel free to) (contact|email|call|reach out|get in touch)`, `(welcome|love|like|enjoy) a (chat|call|coffee|conversation)`,
		`hope (we|to) ... (meet|speak|talk|work|cross|see)`, `catch you`, `connect/connecting again`, `keep my (details|cv|résumé|resume|profile|name) on file`,
		`apply again`, `(hope|look forward) ... again`, `next time`, `(years|months) (ahead|to come)`, `someday`, `one day`, `(another|future|a future) (chance|occasion)`)
	// closesDoor asks them never to get in touch again.
	closesDoor = words(`(do not|never|not to) (contact|email|e-mail|call|phone|message|reach out to|get in touch with|approach|add|include|put) me`, `(remove|take) (me|my details|my name|my cv|my information|my data) (from|off) (your|all|the|any)`,
		`(prefer|rather|ask) not to be (approached|contacted|emailed|called|messaged|considered)`, `unsubscribe`,
		`no (further|future) (contact|approaches|emails|messages)`, `not be? interested in (any)? (future|further) (roles|opportunities|contact|positions|vacancies|approaches)`,
		`rather you did not (contact|email|call|get in touch)`, `(do not|not) (keep|hold) me (in mind|on file)`)
)

func doorOpen(d *Draft) []Finding {
	if s, m := d.find(closesDoor); s != nil {
		return []Finding{{Line: s.line, Message: fmt.Sprintf("%q asks them not to contact you again, which closes the door", m),
			Suggestion: "leave that out unless you mean it; a line about staying in touch costs nothing"}}
	}
	if s, _ := d.find(doorOpens); s != nil {
		return nil
	}
	return []Finding{{Line: d.firstLine(), Message: "no sentence keeps the door open",
		Suggestion: "add that you would welcome staying in touch about future opportunities, unless you mean to close it"}}
}

func professional(d *Draft) []Finding {
	var findings []Finding
	// Greetings and sign-offs are known in English only.
	if d.greeting == nil && d.english {
		findings = append(findings, Finding{Line: d.firstLine(), Message: "the letter has no greeting",
			Suggestion: "open with \"Dear Ms. Rivera,\" or \"Dear Hiring Team,\""})
	}
	if (d.signOff == nil || d.name == nil) && d.english {
		line := 1
		if len(d.Lines) > 0 {
			line = d.Lines[len(d.Lines)-1].N
		}
		findings = append(findings, Finding{Line: line, Message: "the letter has no sign-off with your name",
			Suggestion: "close with \"Kind regards,\" and your name on the next line"})
	}
	return append(findings, wording(d)...)
}

// slang are words a professional letter does not use.
var slang = map[string]bool{"gonna": true, "wanna": true, "gotta": true, "kinda": true, "sorta": true, "lol": true, "lmao": true, "omg": true, "btw": true,
	"tbh": true, "imo": true, "imho": true, "ya": true, "yeah": true, "yep": true, "nope": true, "cya": true, "thx": true, "pls": true, "plz": true, "u": true,
	"ur": true, "cuz": true, "coz": true, "bro": true, "dude": true, "y'all": true, "ain't": true, "nah": true, "idk": true, "fyi": true}

// wording objects to a register that is not professional: slang, capitals
// that shout, runs of exclamation marks, emoji.
func wording(d *Draft) []Finding {
	var findings []Finding
	for _, s := range d.text {
		word := ""
		if d.english {
			for _, t := range s.toks {
				if slang[t] {
					word = t
					break
				}
			}
		}
		switch {
		case word != "":
			findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("%q is slang", word), Suggestion: "write it out in plain, formal words"})
		case strings.Contains(s.text, "!!"):
			findings = append(findings, Finding{Line: s.line, Message: "a run of exclamation marks", Suggestion: "end with a full stop"})
		case hasEmoji(s.text):
			findings = append(findings, Finding{Line: s.line, Message: "an emoji", Suggestion: "leave emoji out of a professional letter"})
		case shouting(s.text) != "":
			findings = append(findings, Finding{Line: s.line, Message: fmt.Sprintf("%q is written in capitals, which reads as shouting", shouting(s.text)), Suggestion: "write it in ordinary case"})
		}
	}
	return findings
}

// shouting returns the capitals of text that shout: a run of three words
// or more in capitals, or a word of three capitals or more before an
// exclamation mark. One or two capital words are usually a name (NVIDIA,
// KPMG LLP) or an acronym.
func shouting(text string) string {
	var run []string
	fields := strings.Fields(text)
	for i, f := range fields {
		w := strings.TrimFunc(f, func(r rune) bool { return !isASCIILetter(r) })
		if !capitals(w) {
			run = nil
			continue
		}
		run = append(run, w)
		if len(run) >= 3 && (i+1 == len(fields) || !capitals(strings.TrimFunc(fields[i+1], func(r rune) bool { return !isASCIILetter(r) }))) {
			return strings.Join(run, " ")
		}
		if len(w) >= 3 && strings.HasSuffix(f, "!") {
			return w
		}
	}
	return ""
}

// capitals reports whether w is a word of two or more capital letters.
func capitals(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func hasEmoji(text string) bool {
	for _, r := range text {
		if r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r == 0xFE0F {
			return true
		}
	}
	return false
}

// placeholderWords start the bracketed text a template leaves for the
// writer to fill in: "[Company]", "<your name>".
var placeholderWords = []string{"insert", "your", "company", "name", "role", "position", "job title", "date", "contact", "recipient", "hiring manager",
	"recruiter", "first name", "last name", "reason"}

// placeholderIn returns the template text left in text, or "".
func placeholderIn(text string) string {
	for _, mark := range []string{"{{", "}}"} {
		if strings.Contains(text, mark) {
			return mark
		}
	}
	for _, brackets := range []string{"[]", "<>"} {
		open, end := brackets[:1], brackets[1:]
		for rest := text; ; {
			i := strings.Index(rest, open)
			if i < 0 {
				break
			}
			rest = rest[i+1:]
			j := strings.Index(rest, end)
			if j < 0 {
				break
			}
			inner := rest[:j]
			// <sam@example.org> is an address, not a placeholder.
			if open == "<" && strings.Contains(inner, "@") {
				continue
			}
			lower := strings.ToLower(inner)
			for _, w := range placeholderWords {
				if strings.HasPrefix(lower, w) {
					return open + inner + end
				}
			}
		}
	}
	if i := strings.Index(strings.ToLower(text), "lorem ipsum"); i >= 0 {
		return text[i : i+len("lorem ipsum")]
	}
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !isASCIILetter(r) }) {
		switch {
		case f == "TODO" || f == "TBD" || f == "FIXME":
			return f
		case len(f) >= 3 && strings.Trim(f, "X") == "":
			return f
		}
	}
	return ""
}

func placeholder(d *Draft) []Finding {
	var findings []Finding
	check := func(line int, text string) {
		if m := placeholderIn(text); m != "" {
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

// The bounds of a letter's length, in words of its body. Below minWords a
// note is judged by what it holds: one that thanks them, decides and
// closes kindly is complete, however short; below minNote nothing is.
const (
	minNote  = 15
	minWords = 35
	maxWords = 260
)

func length(d *Draft) []Finding {
	switch {
	case d.words < minWords && (d.words < minNote || !d.complete()):
		return []Finding{{Line: d.firstLine(), Message: fmt.Sprintf("the letter has %d words, too few to thank them, decide and close kindly", d.words),
			Suggestion: "a short note is fine if it holds thanks, the decision, and a kind word to close; add what is missing"}}
	case d.words > maxWords:
		return []Finding{{Line: d.firstLine(), Message: fmt.Sprintf("the letter has %d words, too many for a decline", d.words),
			Suggestion: fmt.Sprintf("keep it under %d: thanks, the decision, a brief reason, and good wishes", maxWords)}}
	}
	return nil
}

// complete reports whether the letter thanks them, decides, and has a
// sentence that closes kindly: it lets them move on, keeps the door open
// or wishes them well.
func (d *Draft) complete() bool {
	for _, p := range [][]*phrases{{thanks}, {declines}, {promptly, doorOpens, wishes, kindWords}} {
		found := false
		for _, q := range p {
			if s, _ := d.find(q); s != nil {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

var (
	apology    = words(`sorry`, `apologise/apologize/apologies`, `regret*`)
	candidates = words(`candidate/candidates`, `shortlist*`, `applicants`, `the (slot|interview)`)
)

// kindRules holds a letter to the duty of its kind that no other rule
// keeps. (Bargaining, once the offer kind's, is the hedged rule's in any
// letter.)
func kindRules(d *Draft) []Finding {
	switch d.kind {
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

// Package letter turns what a job seeker wants to say into a draft: it
// checks and tidies their answers (Fields), and renders them with a
// template into a subject and a body (Draft).
package letter

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/decline-cli/decline/internal/input"
)

// Fields are the answers a letter is written from. Templates receive them
// as their data, and the json format prints them, so their names are part
// of decline's interface.
type Fields struct {
	Kind          string `json:"kind"` // a key of Kinds
	Lang          string `json:"lang"` // a tag of Languages, such as en-GB
	Company       string `json:"company"`
	Role          string `json:"role"`
	Contact       string `json:"contact"`
	Reason        string `json:"reason"`         // a key of Reasons; empty when ReasonText is set
	ReasonText    string `json:"reason_text"`    // the user's own reason, in one or two sentences
	Tone          string `json:"tone"`           // a key of Tones
	InterviewDate *Date  `json:"interview_date"` // the interview, or for withdraw the next one
	StartDate     *Date  `json:"start_date"`     // for rescind: the start agreed
	Call          bool   `json:"call"`           // for rescind: a call will follow the letter
	OpenTo        string `json:"open_to"`        // for outreach: the roles the sender would hear about
	KeepInTouch   bool   `json:"keep_in_touch"`
	Refer         string `json:"refer"`     // someone the sender offers to recommend
	Name          string `json:"name"`      // the sender, for the signature
	Signature     string `json:"signature"` // lines under the name, such as a phone number
}

// A Draft is a rendered letter.
type Draft struct {
	Subject string // one line
	Body    string // lines ending in "\n"
}

// Longest values, in characters: enough for any real name or title, short
// enough that no line of a letter comes near the 998 bytes mail allows.
const (
	maxName       = 100
	maxReasonText = 300
	// MaxReasonWords, the most words of a user's own reason, keeps it
	// brief, as the guide asks, and the letter within its length.
	MaxReasonWords = 20
)

// A FieldError reports an answer that cannot go into a letter.
type FieldError struct {
	Field   string // the json name of the field, such as "reason_text"
	Problem string // what is wrong, as a phrase
	Hint    string // what to do instead, as a sentence; may be empty
}

func (e *FieldError) Error() string { return e.Field + " " + e.Problem }

// A MissingError lists required answers that were not given.
type MissingError struct {
	Fields []string // json names, in the order of Fields
}

func (e *MissingError) Error() string { return "missing " + strings.Join(e.Fields, ", ") }

// Clean checks every answer and tidies it in place for a letter. It returns
// nil, or every problem found, joined with errors.Join: a *MissingError
// first if required answers are missing, then one *FieldError for each
// answer that cannot be used.
func (f *Fields) Clean() error {
	var problems []error
	for _, t := range []struct {
		field string
		value *string
	}{
		{"company", &f.Company}, {"role", &f.Role}, {"contact", &f.Contact},
		{"reason_text", &f.ReasonText}, {"refer", &f.Refer}, {"name", &f.Name}, {"signature", &f.Signature}, {"open_to", &f.OpenTo},
	} {
		s, err := CleanField(t.field, *t.value)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		*t.value = s
	}

	var missing []string
	for _, r := range []struct{ field, value string }{{"company", f.Company}, {"role", f.Role}, {"name", f.Name}} {
		if r.value == "" {
			missing = append(missing, r.field)
		}
	}
	if missing != nil {
		problems = append([]error{&MissingError{Fields: missing}}, problems...)
	}

	f.Tone, f.Reason = strings.ToLower(f.Tone), strings.ToLower(f.Reason)
	if f.Tone == "" {
		f.Tone = DefaultTone
	}
	if err := Lookup("tone", Tones, f.Tone); err != nil {
		problems = append(problems, err)
	}
	if f.ReasonText != "" {
		if f.Reason != "" && f.Reason != ReasonUnspecified {
			problems = append(problems, &FieldError{Field: "reason_text", Problem: "was given with reason " + f.Reason, Hint: "a letter gives one reason: choose a reason key or write your own, not both"})
		}
		f.Reason = ""
	} else {
		if f.Reason == "" {
			f.Reason = ReasonUnspecified
		}
		if err := Lookup("reason", Reasons, f.Reason); err != nil {
			problems = append(problems, err)
		}
	}
	return errors.Join(problems...)
}

// CleanField checks and tidies the answer to one of the text fields
// (named as in JSON: "company", "reason_text"...), as Clean does; an empty
// answer passes. Its error is a *FieldError.
func CleanField(field, value string) (string, error) {
	if field == "signature" {
		return cleanSignature(value)
	}
	limit := maxName
	if field == "reason_text" {
		limit = maxReasonText
	}
	s, err := input.Line(value, limit)
	if err == nil && s != "" && field != "reason_text" && !input.HasLetterOrDigit(s) {
		err = &input.Problem{What: fmt.Sprintf("%s has no letters or digits", input.Quote(s)), Hint: "give the name as it is written"}
	}
	if err != nil {
		return "", fieldError(field, err)
	}
	switch {
	case field == "role":
		s = tidyRole(s)
	case field == "contact":
		s = tidyContact(s)
	case field == "reason_text" && s != "":
		err = tidyReasonText(&s)
	}
	return s, err
}

// maxSignatureLines is the most lines a signature block may have.
const maxSignatureLines = 4

// cleanSignature checks a signature block and tidies it: at most four
// lines, each a safe line of text, without blank lines around them.
func cleanSignature(block string) (string, error) {
	block = strings.Trim(strings.ReplaceAll(block, "\r\n", "\n"), "\n \t")
	if block == "" {
		return "", nil
	}
	lines := strings.Split(block, "\n")
	if len(lines) > maxSignatureLines {
		return "", &FieldError{Field: "signature", Problem: fmt.Sprintf("has %d lines, more than the %d allowed", len(lines), maxSignatureLines), Hint: "keep what matters: a phone number, a profile link"}
	}
	for i, line := range lines {
		tidy, err := input.Line(line, maxName)
		if err != nil {
			fe := fieldError("signature", err)
			fe.Problem = fmt.Sprintf("line %d %s", i+1, fe.Problem)
			return "", fe
		}
		// Each line of the block is a line of the letter: one that mail
		// programs would read as a command is refused here, where the
		// setting can be named, rather than in the letter.
		if faultOf(tidy) == commandStart {
			return "", &FieldError{Field: "signature", Problem: fmt.Sprintf("line %d starts with %q, which mail programs read as a command", i+1, tidy[:1]), Hint: "start it with something else"}
		}
		lines[i] = tidy
	}
	return strings.Join(lines, "\n"), nil
}

// fieldError turns a problem with a value into a *FieldError for field.
func fieldError(field string, err error) *FieldError {
	var p *input.Problem
	if errors.As(err, &p) {
		return &FieldError{Field: field, Problem: p.What, Hint: p.Hint}
	}
	return &FieldError{Field: field, Problem: err.Error()}
}

// tidyRole drops the article or the word "position" or "role" that people
// often type around a job title, since the letters supply their own:
// "the Data Engineer role" becomes "Data Engineer".
func tidyRole(role string) string {
	for _, article := range []string{"the ", "a ", "an "} {
		if len(role) > len(article) && strings.EqualFold(role[:len(article)], article) {
			role = role[len(article):]
			break
		}
	}
	for _, noun := range []string{" position", " role"} {
		if len(role) > len(noun) && strings.EqualFold(role[len(role)-len(noun):], noun) {
			role = role[:len(role)-len(noun)]
			break
		}
	}
	return role
}

// tidyContact drops the greeting, article or comma that people sometimes
// type with a name, since the letters supply their own: "Dear Ms.
// Rivera," becomes "Ms. Rivera", and "the hiring team" "Hiring Team", so
// that no letter says "Dear the hiring team,".
func tidyContact(contact string) string {
	for _, greeting := range []string{"dear ", "hello ", "hi ", "hey "} {
		if len(contact) > len(greeting) && strings.EqualFold(contact[:len(greeting)], greeting) {
			contact = contact[len(greeting):]
			break
		}
	}
	contact = strings.TrimRight(contact, ",:;! ")
	if len(contact) > 4 && strings.EqualFold(contact[:4], "the ") {
		words := strings.Fields(contact[4:])
		for i, w := range words {
			if w == strings.ToLower(w) { // keep "HR", "McKinsey"
				r, size := utf8.DecodeRuneInString(w)
				words[i] = string(unicode.ToUpper(r)) + w[size:]
			}
		}
		contact = strings.Join(words, " ")
	}
	return contact
}

// tidyReasonText makes the user's reason read as sentences: a capital
// first letter and a full stop at the end. It refuses a reason that is
// not brief, as the guide asks.
func tidyReasonText(text *string) error {
	s := strings.TrimRight(*text, ",;: 、")
	brief := "give the reason in one or two short sentences: the guide warns against over-explaining"
	if japanese(s) {
		// Japanese has no spaces to count words by: its reasons are
		// counted in characters, its sentences end with 。！？, and
		// need no capital.
		if n := utf8.RuneCountInString(s); n > maxJapaneseReason {
			return &FieldError{Field: "reason_text", Problem: fmt.Sprintf("has %d characters, more than the %d allowed", n, maxJapaneseReason), Hint: brief}
		}
		if n := strings.Count(s, "。") + strings.Count(s, "！") + strings.Count(s, "？") + strings.Count(s, "!") + strings.Count(s, "?"); n > 2 {
			return &FieldError{Field: "reason_text", Problem: fmt.Sprintf("has %d sentences, more than the 2 allowed", n), Hint: brief}
		}
		if last, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune("。！？!?」）", last) {
			s += "。"
		}
		*text = s
		return nil
	}
	if words := len(strings.Fields(s)); words > MaxReasonWords {
		return &FieldError{Field: "reason_text", Problem: fmt.Sprintf("has %d words, more than the %d allowed", words, MaxReasonWords), Hint: brief}
	}
	if n := sentences(s); n > 2 {
		return &FieldError{Field: "reason_text", Problem: fmt.Sprintf("has %d sentences, more than the 2 allowed", n), Hint: brief}
	}
	s = unfragment(s)
	// A capital first letter, unless the first word has capitals of its
	// own, as iOS, eBay and iPhone do.
	firstWord, _, _ := strings.Cut(s, " ")
	first, size := utf8.DecodeRuneInString(s)
	if strings.IndexFunc(firstWord[size:], unicode.IsUpper) < 0 {
		s = string(unicode.ToUpper(first)) + s[size:]
	}
	if last, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(".!?\"')\u201d\u2019\u3002", last) {
		s += "."
	}
	*text = s
	return nil
}

// maxJapaneseReason is the most characters of a reason in Japanese, as
// brief as 20 English words.
const maxJapaneseReason = 80

// japanese reports whether s is written in Japanese: it holds kana, or
// ideographs.
func japanese(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)
	}) >= 0
}

// conjunctions are the words that make a reason a fragment when it
// starts with them: "Because I accepted an offer at Stripe."
var conjunctions = []string{"because of ", "because ", "since ", "as ", "due to the fact that ", "given that "}

// unfragment turns a reason that starts with a conjunction into the
// sentence it stands for: "because I accepted an offer" becomes "I
// accepted an offer". "Because of the commute" has no clause to keep, and
// becomes "It is because of the commute".
func unfragment(s string) string {
	for _, c := range conjunctions {
		if len(s) <= len(c) || !strings.EqualFold(s[:len(c)], c) {
			continue
		}
		rest := strings.TrimLeft(s[len(c):], ", ")
		next, _, _ := strings.Cut(strings.ToLower(rest), " ")
		switch {
		case c == "because of ":
			return "It is because of " + rest
		case (c == "as " || c == "since ") && !clauseStarts[strings.TrimRight(next, ",")]:
			return s // "As a parent, I…" is a sentence already
		}
		return rest
	}
	return s
}

// clauseStarts are the words after "as" or "since" that start a clause,
// not a phrase: "as I have…", "since my partner…".
var clauseStarts = map[string]bool{"i": true, "i've": true, "i'm": true, "i'd": true, "we": true, "we've": true, "we're": true,
	"my": true, "our": true, "it": true, "it's": true, "there": true, "the": true, "this": true, "that": true}

// sentences counts the sentences of s: the full stops, question and
// exclamation marks that end a word, and a last sentence without one.
func sentences(s string) int {
	n := 0
	for _, word := range strings.Fields(s) {
		if strings.ContainsAny(word[len(word)-1:], ".!?") {
			n++
		}
	}
	if !strings.ContainsAny(s[len(s)-1:], ".!?") {
		n++
	}
	return n
}

// A Date is a day in the calendar, such as the day of an interview.
type Date struct{ t time.Time }

// DateLayout is the form dates are given in: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// ParseDate reads a date in DateLayout.
func ParseDate(s string) (*Date, error) {
	t, err := time.Parse(DateLayout, s)
	var pe *time.ParseError
	switch {
	case errors.As(err, &pe) && strings.Contains(pe.Message, "out of range"):
		return nil, &FieldError{Field: "interview_date", Problem: fmt.Sprintf("%s is not a day of the calendar", input.Quote(s)), Hint: "check the month and the day"}
	case err != nil:
		return nil, &FieldError{Field: "interview_date", Problem: fmt.Sprintf("%s is not a date in the form YYYY-MM-DD", input.Quote(s)), Hint: "write it like 2026-12-03"}
	}
	return &Date{t}, nil
}

// Format formats the date with a layout of package time, such as
// "Monday, 2 January".
func (d Date) Format(layout string) string { return d.t.Format(layout) }

// Passed reports whether the day is over at now, with a day's grace: it
// is yesterday somewhere on Earth, and this spares a run reading the
// local time zone.
func (d Date) Passed(now time.Time) bool {
	return d.String() < now.UTC().AddDate(0, 0, -1).Format(DateLayout)
}

// String returns the date in DateLayout.
func (d Date) String() string { return d.Format(DateLayout) }

// MarshalText returns the date in DateLayout.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a date in DateLayout.
func (d *Date) UnmarshalText(text []byte) error {
	parsed, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = *parsed
	return nil
}

// Package compose turns a user's answers into a draft: it checks them,
// chooses the template of their kind of letter, language and tone, and
// writes the letter. It does no I/O and reads no clock of its own: the
// same answers and time always give the same draft, whoever asks (a
// command's flags, the form's preview, a batch row, a retried run).
package compose

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/internal/input"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
)

// A Draft is a letter ready to leave: what it says, the fields it was
// written from, as used, whom it is from and to (nil when not known), and
// for a reply the thread it answers.
type Draft struct {
	letter.Draft
	Fields   letter.Fields
	From, To *mail.Address
	Thread   *mail.Thread // the message it answers, or nil
}

// Text returns the draft in decline's text form: a Subject line, a blank
// line, then the body. It is the form that is kept and edited.
func (d Draft) Text() string { return Text(d.Draft) }

// Text returns a letter in decline's text form.
func Text(d letter.Draft) string { return "Subject: " + d.Subject + "\n\n" + d.Body }

// ParseText reads a draft in the text form, as the user may have edited
// it: an optional "Subject:" line and a blank line, then the body.
func ParseText(text string) (letter.Draft, error) {
	var d letter.Draft
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if rest, ok := strings.CutPrefix(text, "Subject:"); ok {
		subject, body, _ := strings.Cut(rest, "\n")
		d.Subject = strings.TrimSpace(subject)
		text = body
	}
	d.Body = strings.TrimLeft(text, "\n")
	if d.Body != "" && !strings.HasSuffix(d.Body, "\n") {
		d.Body += "\n"
	}
	return d, letter.CheckDraft(d)
}

// A Warning is something about a letter worth saying that does not stop
// it: a value to check, or a finding in the user's own words.
type Warning struct {
	Field   string // the json name of the field it is about
	Message string
	// Action is what to do with the field ("check", "give"), for a
	// warning about its value; empty for a finding in what was typed.
	Action string
}

// A TemplateError is a user's template that cannot write the letter: it
// does not parse, fails as it renders, or writes what mail cannot carry.
type TemplateError struct {
	Name string
	Err  error
}

func (e *TemplateError) Error() string {
	if strings.Contains(e.Err.Error(), e.Name) {
		return e.Err.Error() // text/template's errors name it already
	}
	return "template " + e.Name + ": " + e.Err.Error()
}

func (e *TemplateError) Unwrap() error { return e.Err }

// A Composer writes letters from answers: with the catalogue's templates,
// or with the user's own.
type Composer struct {
	Templates *letter.Templates // the built-in letters
	Own       *letter.Template  // the user's template, used instead when not nil
	OwnName   string            // its name, for errors
}

// Compose checks the answers and writes the letter, as of now. Its error
// holds every problem found, joined: a *letter.MissingError first, then a
// *letter.FieldError for each answer that cannot be used; or a
// *TemplateError.
func (c Composer) Compose(a answers.Answers, now time.Time) (Draft, []Warning, error) {
	var problems []error
	address := func(field, value string) *mail.Address {
		if value == "" {
			return nil
		}
		addr, err := mail.ParseAddress(value)
		var p *input.Problem
		switch {
		case errors.As(err, &p):
			problems = append(problems, &letter.FieldError{Field: field, Problem: p.What, Hint: p.Hint})
		case err != nil:
			problems = append(problems, &letter.FieldError{Field: field, Problem: err.Error()})
		}
		return addr
	}
	from, to := address("from", a.From), address("to", a.To)

	f := letter.Fields{
		Company: a.Company, Role: a.Role, Contact: a.Contact, Reason: a.Reason, ReasonText: a.ReasonText, Tone: a.Tone,
		KeepInTouch: a.KeepInTouch, Refer: a.Refer, Name: a.Name, Signature: a.Signature, Call: a.Call, OpenTo: a.OpenTo,
	}
	if f.Name == "" && from != nil {
		f.Name = from.Name
	}
	if date := strings.TrimSpace(a.InterviewDate); date != "" {
		d, err := letter.ParseDate(date)
		if err != nil {
			problems = append(problems, err)
		}
		f.InterviewDate = d
	}
	if date := strings.TrimSpace(a.StartDate); date != "" {
		d, err := letter.ParseDate(date)
		if fe := (*letter.FieldError)(nil); errors.As(err, &fe) {
			fe.Field = "start_date"
			problems = append(problems, fe)
		}
		f.StartDate = d
	}
	kind, kerr := letter.FindKind(orDefault(a.Kind, letter.DefaultKind))
	lang, lerr := letter.FindLanguage(orDefault(a.Lang, letter.Languages[0].Key))
	problems = append(problems, kerr, lerr)
	f.Kind, f.Lang = kind.Key, lang.Key

	// Clean's problems come first: they start with what is missing.
	cerr := f.Clean()
	problems = append(unjoin(cerr), problems...)
	if kerr == nil && lerr == nil && cerr == nil {
		problems = append(problems, c.offered(kind, lang, f))
	}
	if err := errors.Join(problems...); err != nil {
		return Draft{}, nil, err
	}
	if from != nil && from.Name == "" {
		from.Name = f.Name
	}

	t, name := c.Own, c.OwnName
	if t == nil {
		name = lang.Dir + "/" + kind.Key + "/" + f.Tone
		var err error
		if t, err = c.Templates.Template(name); err != nil {
			return Draft{}, nil, err
		}
	}
	d, err := t.Render(f)
	if err == nil {
		err = checkSubject(d.Subject)
	}
	var fe *letter.FieldError
	switch {
	case err != nil && !errors.As(err, &fe):
		return Draft{}, nil, &TemplateError{Name: name, Err: err}
	case err != nil:
		return Draft{}, nil, err
	}
	return Draft{Draft: d, Fields: f, From: from, To: to}, append(warnings(f, now), kindNotes[f.Kind]...), nil
}

// offered checks that the letter's kind is written in its language and
// tone, and gives its reason.
func (c Composer) offered(kind letter.Kind, lang letter.Language, f letter.Fields) error {
	var problems []error
	if f.Reason != "" {
		if err := letter.Lookup("reason", kind.Reasons, f.Reason); err != nil {
			var fe *letter.FieldError
			if errors.As(err, &fe) {
				fe.Hint = "a letter of kind " + kind.Key + " gives one of " + strings.Join(letter.Keys(kind.Reasons), ", ")
			}
			problems = append(problems, err)
		}
	}
	// Some answers belong to some kinds of letter only.
	for _, only := range []struct {
		field string
		given bool
		kinds []string
	}{
		{"interview_date", f.InterviewDate != nil, []string{"interview", "withdraw"}},
		{"start_date", f.StartDate != nil, []string{"rescind"}},
		{"call", f.Call, []string{"rescind"}},
		{"open_to", f.OpenTo != "", []string{"outreach"}},
	} {
		if only.given && !slices.Contains(only.kinds, kind.Key) {
			problems = append(problems, &letter.FieldError{Field: only.field, Problem: "does not go in a letter of kind " + kind.Key,
				Hint: "it is for " + strings.Join(only.kinds, " and ") + " letters; drop it, or give --kind"})
		}
	}
	if c.Own == nil {
		tones := c.Templates.Tones(lang.Dir, kind.Key)
		if len(tones) == 0 {
			var written []string
			for _, k := range letter.Kinds {
				if len(c.Templates.Tones(lang.Dir, k.Key)) > 0 {
					written = append(written, k.Key)
				}
			}
			problems = append(problems, &letter.FieldError{Field: "kind", Problem: fmt.Sprintf("%q is not written in %s yet", kind.Key, lang.Key),
				Hint: fmt.Sprintf("%s letters are of kind %s; choose one of those, another --lang, or write the letter with a template of yours (--template)", lang.Key, strings.Join(written, ", "))})
		} else if err := letter.Lookup("tone", tones, f.Tone); err != nil {
			problems = append(problems, err)
		}
	}
	return errors.Join(problems...)
}

// checkSubject refuses a subject that mail or a terminal would take for
// something else: any template's, the user's included, passes the same
// check.
func checkSubject(subject string) error {
	if strings.IndexFunc(subject, input.Unsafe) >= 0 {
		return errors.New("the subject holds an invisible or control character")
	}
	if strings.Contains(subject, "=?") {
		return errors.New(`the subject holds "=?", which mail programs read as an encoded word`)
	}
	return nil
}

// kindNotes are what is worth saying of a kind of letter before it
// leaves, never in it.
var kindNotes = map[string][]Warning{
	"rescind": {{Message: "before you send it, read the contract you signed, and any sign-on bonus or relocation terms you may have to repay; a phone call first is the courteous way (--call says one will follow)"}},
}

// warnings returns what is worth saying about a letter's answers: the
// user's own words held to the guide, and a day that has passed.
func warnings(f letter.Fields, now time.Time) []Warning {
	var w []Warning
	// The user's own words are theirs: checked, and warned about, never
	// rewritten.
	if f.ReasonText != "" {
		for _, finding := range check.Text(f.ReasonText, 1) {
			w = append(w, Warning{Field: "reason_text", Message: finding.String()})
		}
		if m := contraction().FindString(f.ReasonText); m != "" && f.Tone != "warm" && strings.HasPrefix(f.Lang, "en") {
			w = append(w, Warning{Field: "reason_text", Message: fmt.Sprintf("%q is a contraction, in a %s letter that writes words out; write it in full, or choose --tone warm", m, f.Tone)})
		}
	}
	if d := f.InterviewDate; d != nil && d.Passed(now) {
		w = append(w, Warning{Field: "interview_date", Message: fmt.Sprintf("the interview date %s has passed", d), Action: "check"})
	}
	return w
}

// contraction finds a contracted word (I've, don't, we're; not a
// possessive), compiled when an own reason first needs it.
var contraction = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b\w+('|\x{2019})(ve|d|m|ll|re|t)\b`) })

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return strings.TrimSpace(s)
}

// unjoin returns the errors errors.Join joined into err, or err alone.
func unjoin(err error) []error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

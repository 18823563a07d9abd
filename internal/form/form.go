// Package form asks the user, in a terminal, for the answers a letter
// needs that flags did not give, and then what to do with the draft. It
// draws with charmbracelet/huh v2, or asks line by line, for screen
// readers and piped answers.
package form

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/huh/v2"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/letter"
)

// ErrInterrupted is returned when the user stops the form (Ctrl-C), or it
// ends without being completed (as on SIGTERM).
var ErrInterrupted = errors.New("interrupted")

// ErrAnswersEnded is returned, line by line, when the answers read from
// the input end before every question is answered.
var ErrAnswersEnded = errors.New("the answers ended before the form did")

// ownWords is the value of the reason list that asks for the user's own
// words instead of a reason key.
const ownWords = "own"

// Terminal is where the form is drawn and read.
type Terminal struct {
	In         io.Reader
	Out        io.Writer
	Accessible bool // line by line, for screen readers and piped answers
	// Getenv reads the environment, for NO_COLOR and the terminal's
	// background (COLORFGBG); nil reads none.
	Getenv func(string) string
	// Answered, when set, is called after each answer given line by line,
	// where a Ctrl-C ends the process at once.
	Answered func()
}

// Questions are the answers to ask for, prefilled with what is known.
type Questions struct {
	Fields *answers.Answers // prefilled answers; the user's answers are written back here
	// Reasons are those the letter's kind offers; nil for every one of
	// the catalogue.
	Reasons []letter.Option
	// Tones returns the tones a kind of letter is written in, in a
	// language: none when it is not written in that language. Nil offers
	// every tone of the catalogue.
	Tones func(kind, lang string) []letter.Option
	// Given reports whether a field (named as in JSON) was given by a flag:
	// such fields are not asked.
	Given func(field string) bool
	// Preview returns a glimpse of a letter in a tone, to show what each
	// tone sounds like; nil for none. It is called as the form is built,
	// not while it runs, where huh would call it on another goroutine.
	Preview func(tone string) string
	// Now is the time of the run: an interview day that has passed by
	// then is refused.
	Now time.Time
}

// A question is one thing the form asks, whatever draws it: an input
// (text), a list (text and options) or a yes/no question (yes).
type question struct {
	key, title, description string
	text                    *string
	options                 []option
	yes                     *bool
	check                   func(string) error // refuses an answer with a sentence; nil accepts any
	words                   int                // for own words: the most allowed, counted as they are typed
}

type option struct{ label, value string }

// A page is a group of questions shown together, and when to skip it.
type page struct {
	title     string
	questions []question
	hide      func() bool
}

// Ask asks every question whose answer was not given, on t. It returns
// ErrInterrupted if the user stops, ErrAnswersEnded if the answers read
// line by line run out.
func Ask(t Terminal, q Questions) error {
	// What is being declined comes first, on its own: the reasons offered
	// after it are that kind's. The language, set nowhere, is behind the
	// last option of the first list asked ("more options"): most letters
	// go in the user's own English, and no one pays a keystroke for it.
	more := !q.Given("lang")
	if !q.Given("kind") {
		kind := kindQuestion(q)
		if more {
			kind.options = append(kind.options, moreOption)
			more = false
		}
		if err := askMore(t, q, kind); err != nil {
			return err
		}
		if k, err := letter.FindKind(q.Fields.Kind); err == nil {
			q.Reasons = k.Reasons
		}
	}
	given := q.Given
	q.Given = func(field string) bool { return field == "kind" || field == "lang" || given(field) }
	ps := pages(t, q)
	if more {
		for i := range ps {
			for j := range ps[i].questions {
				if ps[i].questions[j].key == "tone" {
					ps[i].questions[j].options = append(ps[i].questions[j].options, moreOption)
					more = false
				}
			}
		}
	}
	if err := run(t, ps); err != nil {
		return err
	}
	if q.Fields.Tone == moreOption.value {
		// The tones offered are the language's, starting on the first.
		if err := run(t, []page{{questions: []question{languageQuestion(q)}}}); err != nil {
			return err
		}
		q.Fields.Tone = letter.DefaultTone
		if q.Tones != nil {
			if tones := q.Tones(q.Fields.Kind, q.Fields.Lang); len(tones) > 0 {
				q.Fields.Tone = tones[0].Key
			}
		}
		for _, p := range pages(t, Questions{Fields: q.Fields, Tones: q.Tones, Preview: q.Preview, Given: func(f string) bool { return f != "tone" }}) {
			return run(t, []page{p})
		}
	}
	return nil
}

// moreOption ends the first list the form asks when the language is set
// nowhere: it asks the language, then the list again.
var moreOption = option{"more options: the letter's language…", "more-options"}

// askMore asks q, a list that may end with moreOption: chosen, it asks
// the language, and q again without it.
func askMore(t Terminal, qs Questions, q question) error {
	before := *q.text
	if err := run(t, []page{{questions: []question{q}}}); err != nil {
		return err
	}
	if *q.text != moreOption.value {
		return nil
	}
	*q.text = before
	if err := run(t, []page{{questions: []question{languageQuestion(qs)}}}); err != nil {
		return err
	}
	return run(t, []page{{questions: []question{kindQuestion(qs)}}})
}

// languageQuestion asks the letter's language, among those its kind is
// written in.
func languageQuestion(q Questions) question {
	var options []option
	for _, l := range letter.Languages {
		if q.Tones == nil || q.Fields.Kind == "" || len(q.Tones(q.Fields.Kind, l.Key)) > 0 {
			options = append(options, option{l.Key + ": " + l.Description, l.Key})
		}
	}
	return question{key: "lang", title: "Language of the letter", text: &q.Fields.Lang, options: options}
}

// kindQuestion asks what is being declined, among the kinds of letter
// written in the letter's language.
func kindQuestion(q Questions) question {
	var options []option
	for _, k := range letter.Kinds {
		if q.Tones == nil || len(q.Tones(k.Key, q.Fields.Lang)) > 0 {
			options = append(options, option{k.Key + ": " + k.Description, k.Key})
		}
	}
	return question{key: "kind", title: "What are you declining?", text: &q.Fields.Kind, options: options}
}

// run asks the questions of pages: with huh's form, or line by line.
func run(t Terminal, pages []page) error {
	if len(pages) == 0 {
		return nil
	}
	if t.Accessible {
		return lines(t, pages)
	}
	f := newForm(t, pages)
	err := f.Run()
	switch {
	case errors.Is(err, huh.ErrUserAborted):
		return ErrInterrupted
	case err != nil:
		return err
	case f.State != huh.StateCompleted:
		return ErrInterrupted // ended from outside, as by SIGTERM
	}
	return nil
}

// pages builds the pages of the form for the fields not given.
func pages(t Terminal, q Questions) []page {
	f := q.Fields
	ask := func(field string) bool { return !q.Given(field) }
	text := func(field, title, description string, value *string, required bool) question {
		return question{key: field, title: title, description: description, text: value,
			check: func(s string) error { return validate(field, s, required) }}
	}
	date := func(field, title, description string, value *string, past bool) question {
		return question{key: field, title: title, description: description, text: value, check: func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			d, err := letter.ParseDate(strings.TrimSpace(s))
			if err == nil && !past && !q.Now.IsZero() && d.Passed(q.Now) {
				return errors.New("That day has passed: give the day to come, or leave it empty")
			}
			return message(err)
		}}
	}

	var first, reason, own, how []question
	if ask("company") {
		first = append(first, text("company", "Company", "The company you are declining.", &f.Company, true))
	}
	if ask("role") {
		first = append(first, text("role", "Role", roleDescription[f.Kind], &f.Role, true))
	}
	if ask("contact") {
		first = append(first, text("contact", "Contact (optional)", "Whom to greet, such as Ms. Rivera; empty for the hiring team.", &f.Contact, false))
	}
	// Each kind of letter asks its own: the (next) interview's day, the
	// start agreed and whether a call will follow, the roles that would fit.
	switch f.Kind {
	case "", "interview", "withdraw":
		if ask("interview_date") {
			title := "Interview date (optional)"
			if f.Kind == "withdraw" {
				title = "Next interview's date (optional)"
			}
			first = append(first, date("interview_date", title, "YYYY-MM-DD; empty if there is none yet.", &f.InterviewDate, false))
		}
	case "rescind":
		if ask("start_date") {
			first = append(first, date("start_date", "Start date agreed (optional)", "YYYY-MM-DD.", &f.StartDate, true))
		}
		if ask("call") {
			first = append(first, question{key: "call", title: "Say that you will call them too?", yes: &f.Call})
		}
	case "outreach":
		if ask("open_to") {
			first = append(first, text("open_to", "Roles you would hear about (optional)", "Such as staff platform roles; empty for none.", &f.OpenTo, false))
		}
	}
	if ask("reason") {
		if f.ReasonText != "" {
			f.Reason = ownWords
		}
		reasons := q.Reasons
		if reasons == nil {
			reasons = letter.Reasons
		}
		options := make([]option, 0, len(reasons)+1)
		for _, r := range reasons {
			options = append(options, option{r.Key + ": " + r.Description, r.Key})
		}
		options = append(options, option{ownWords + ": in my own words", ownWords})
		reason = append(reason, question{key: "reason", title: "Why are you declining?",
			description: "A brief reason is enough; the letter never criticises them.", text: &f.Reason, options: options})
		own = append(own, question{key: "reason_text", title: "Your reason, in a short sentence", text: &f.ReasonText,
			words: letter.MaxReasonWords, check: func(s string) error { return validate("reason_text", s, true) }})
	}
	if ask("tone") {
		tones := letter.Tones
		if q.Tones != nil {
			tones = q.Tones(f.Kind, f.Lang)
		}
		options := make([]option, len(tones))
		for i, tone := range tones {
			label := tone.Key + ": " + tone.Description
			if q.Preview != nil {
				label += " (" + q.Preview(tone.Key) + ")"
			}
			options[i] = option{label, tone.Key}
		}
		how = append(how, question{key: "tone", title: "Tone", text: &f.Tone, options: options})
	}
	if ask("keep_in_touch") {
		how = append(how, question{key: "keep_in_touch", title: "Keep the door open for future roles?", yes: &f.KeepInTouch})
	}
	if ask("name") {
		how = append(how, text("name", "Your name", "For the signature.", &f.Name, true))
	}

	var ps []page
	for _, p := range []page{
		{title: pageTitle[f.Kind], questions: first},
		{title: "Your reason", questions: reason},
		{questions: own, hide: func() bool { return f.Reason != ownWords }},
		{title: "The letter", questions: how},
	} {
		if len(p.questions) > 0 {
			ps = append(ps, p)
		}
	}
	return ps
}

// pageTitle and roleDescription word the first page for the kind of
// letter.
var (
	pageTitle = map[string]string{"interview": "The interview", "withdraw": "The process", "offer": "The offer",
		"rescind": "The offer you accepted", "outreach": "The approach", "": "The interview"}
	roleDescription = map[string]string{"interview": "The role you were invited to interview for.", "withdraw": "The role you interviewed for.",
		"offer": "The role you were offered.", "rescind": "The role whose offer you accepted.", "outreach": "The role they wrote to you about.",
		"": "The role you were invited to interview for."}
)

// Finish turns what the form answered into fields for a letter: the
// reason "own" means the text is the reason.
func Finish(f *answers.Answers) {
	if f.Reason == ownWords {
		f.Reason = ""
	} else if f.Reason != "" {
		f.ReasonText = ""
	}
}

// validate checks an answer as the letter will: the form refuses it with
// the same message, without leaving the form.
func validate(field, value string, required bool) error {
	if required && strings.TrimSpace(value) == "" {
		return message(errors.New("an answer is needed"))
	}
	_, err := letter.CleanField(field, value)
	return message(err)
}

// message words a problem as a sentence for the form, which shows it
// under the field: "Contains a line break (U+000A) at byte 4: give it on
// one line".
func message(err error) error {
	if err == nil {
		return nil
	}
	m := err.Error()
	var fe *letter.FieldError
	if errors.As(err, &fe) {
		m = fe.Problem
		if fe.Hint != "" {
			m += ": " + fe.Hint
		}
	}
	first, size := utf8.DecodeRuneInString(m)
	return errors.New(string(unicode.ToUpper(first)) + m[size:])
}

// wordCount says how many words of the most allowed s has: "12/20 words".
func wordCount(s string, most int) string {
	return fmt.Sprintf("%d/%d words", len(strings.Fields(s)), most)
}

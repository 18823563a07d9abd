// Package form asks the user, in a terminal, for the answers a letter
// needs that flags did not give, and then what to do with the draft. It
// draws with charmbracelet/huh, or line by line in huh's accessible mode
// for screen readers.
package form

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/letter"
)

// ErrInterrupted is returned when the user stops the form (Ctrl-C), or it
// ends without being completed (as on SIGTERM).
var ErrInterrupted = errors.New("interrupted")

// ErrAnswersEnded is returned in accessible mode when the answers read
// from the input end before every question is answered.
var ErrAnswersEnded = errors.New("the answers ended before the form did")

// ownWords is the value of the reason select that asks for the user's own
// words instead of a reason key.
const ownWords = "own"

// Terminal is where the form is drawn and read.
type Terminal struct {
	In         io.Reader
	Out        io.Writer
	Accessible bool // line by line, for screen readers
	Editor     []string
	// Answered, when set, is called after each answer in accessible mode,
	// where a Ctrl-C ends the process at once.
	Answered func()
}

// Questions are the answers to ask for, prefilled with what is known.
type Questions struct {
	Fields *answers.Answers // prefilled answers; the user's answers are written back here
	// Reasons and Tones are those the letter's kind and language offer;
	// nil for every one of the catalogue.
	Reasons, Tones []letter.Option
	// Given reports whether a field (named as in JSON) was given by a flag:
	// such fields are not asked.
	Given func(field string) bool
	// Preview returns a glimpse of a letter in a tone, to show what each
	// tone sounds like; nil for none. It is called as the form is built,
	// not while it runs, where huh would call it on another goroutine.
	Preview func(tone string) string
}

// Ask asks every question whose answer was not given, on t. It returns
// ErrInterrupted if the user stops, ErrAnswersEnded if accessible answers
// run out.
func Ask(t Terminal, q Questions) error {
	// What is being declined comes first, on its own: the reasons offered
	// after it are that kind's.
	if !q.Given("kind") {
		options := make([]huh.Option[string], len(letter.Kinds))
		for i, k := range letter.Kinds {
			options[i] = huh.NewOption(k.Key+": "+k.Description, k.Key)
		}
		kind := huh.NewSelect[string]().Key("kind").Title("What are you declining?").Options(options...).Value(&q.Fields.Kind)
		if err := run(t, []group{{fields: []huh.Field{kind}}}); err != nil {
			return err
		}
		if k, err := letter.FindKind(q.Fields.Kind); err == nil {
			q.Reasons = k.Reasons
		}
		given := q.Given
		q.Given = func(field string) bool { return field == "kind" || given(field) }
	}
	return run(t, questions(t, q))
}

// reviewWidth is the width the draft is wrapped at for review, as mail
// clients commonly wrap plain text.
const reviewWidth = 78

// A Choice is what to do with a draft, chosen at the review step.
type Choice string

// The choices of the review step.
const (
	Print  Choice = "print"
	Copy   Choice = "copy"
	Edit   Choice = "edit"
	Open   Choice = "open"
	Change Choice = "change"
	Quit   Choice = "quit"
)

// Review shows the draft on t and asks what to do with it.
func Review(t Terminal, draft string) (Choice, error) {
	// Paragraphs are long lines: wrap them at words for the screen.
	fmt.Fprintf(t.Out, "\n%s\n", ansi.Wordwrap(draft, reviewWidth, ""))
	choice := Print
	options := []huh.Option[Choice]{
		huh.NewOption("Print it", Print),
		huh.NewOption("Copy it to the clipboard", Copy),
		huh.NewOption("Edit it in your editor", Edit),
		huh.NewOption("Open it in your mail client", Open),
		huh.NewOption("Change an answer", Change),
		huh.NewOption("Quit (the draft is kept: decline --last prints it)", Quit),
	}
	sel := huh.NewSelect[Choice]().Key("choice").Title("What now?").Options(options...).Value(&choice)
	err := run(t, []group{{fields: []huh.Field{sel}}})
	return choice, err
}

// run asks the questions of groups: with huh's form, or line by line.
func run(t Terminal, groups []group) error {
	if len(groups) == 0 {
		return nil
	}
	if t.Accessible {
		return runAccessible(t, groups)
	}
	useRenderer(t.Out)
	f := newForm(t, groups)
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

// A group is a page of the form: its fields, and when to hide it.
type group struct {
	title  string
	fields []huh.Field
	hide   func() bool
}

// questions builds the pages of the form for the fields not given.
func questions(t Terminal, q Questions) []group {
	f := q.Fields
	ask := func(field string) bool { return !q.Given(field) }
	text := func(field, title, description string, value *string, required bool) huh.Field {
		return huh.NewInput().Key(field).Title(title).Description(description).Value(value).
			Validate(func(s string) error {
				// In accessible mode an empty line keeps the prefilled
				// answer, but huh v1 validates the empty line first.
				if s == "" && t.Accessible && strings.TrimSpace(*value) != "" {
					return nil
				}
				return validate(field, s, required)
			})
	}

	var interview, reason, own, how []huh.Field
	if ask("company") {
		interview = append(interview, text("company", "Company", "The company you are declining.", &f.Company, true))
	}
	if ask("role") {
		interview = append(interview, text("role", "Role", roleDescription[f.Kind], &f.Role, true))
	}
	if ask("contact") {
		interview = append(interview, text("contact", "Contact (optional)", "Whom to greet, such as Ms. Rivera; empty for the hiring team.", &f.Contact, false))
	}
	date := func(field, title, description string, value *string) huh.Field {
		return huh.NewInput().Key(field).Title(title).Description(description).Value(value).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return nil
				}
				_, err := letter.ParseDate(strings.TrimSpace(s))
				return message(err)
			})
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
			interview = append(interview, date("interview_date", title, "YYYY-MM-DD; empty if there is none yet.", &f.InterviewDate))
		}
	case "rescind":
		if ask("start_date") {
			interview = append(interview, date("start_date", "Start date agreed (optional)", "YYYY-MM-DD.", &f.StartDate))
		}
		if ask("call") {
			interview = append(interview, huh.NewConfirm().Key("call").Title("Say that you will call them too?").
				Affirmative("Yes").Negative("No").Value(&f.Call))
		}
	case "outreach":
		if ask("open_to") {
			interview = append(interview, text("open_to", "Roles you would hear about (optional)", "Such as staff platform roles; empty for none.", &f.OpenTo, false))
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
		options := make([]huh.Option[string], 0, len(reasons)+1)
		for _, r := range reasons {
			options = append(options, huh.NewOption(r.Key+": "+r.Description, r.Key))
		}
		options = append(options, huh.NewOption(ownWords+": in my own words", ownWords))
		reason = append(reason, huh.NewSelect[string]().Key("reason").Title("Why are you declining?").
			Description("A brief reason is enough; the letter never criticises them.").
			Options(options...).Value(&f.Reason))
		own = append(own, huh.NewText().Key("reason_text").Title("Your reason, in one or two short sentences").
			Description("At most 20 words. ctrl+e opens your editor.").Editor(t.Editor...).
			Value(&f.ReasonText).Validate(func(s string) error { return validate("reason_text", s, true) }))
	}
	if ask("tone") {
		tones := q.Tones
		if tones == nil {
			tones = letter.Tones
		}
		options := make([]huh.Option[string], len(tones))
		for i, tone := range tones {
			label := tone.Key + ": " + tone.Description
			if q.Preview != nil {
				label += " (" + q.Preview(tone.Key) + ")"
			}
			options[i] = huh.NewOption(label, tone.Key)
		}
		how = append(how, huh.NewSelect[string]().Key("tone").Title("Tone").Options(options...).Value(&f.Tone))
	}
	if ask("keep_in_touch") {
		how = append(how, huh.NewConfirm().Key("keep_in_touch").Title("Keep the door open for future roles?").
			Affirmative("Yes").Negative("No").Value(&f.KeepInTouch))
	}
	if ask("name") {
		how = append(how, text("name", "Your name", "For the signature.", &f.Name, true))
	}

	var groups []group
	for _, g := range []group{
		{title: pageTitle[f.Kind], fields: interview},
		{title: "Your reason", fields: reason},
		{fields: own, hide: func() bool { return f.Reason != ownWords }},
		{title: "The letter", fields: how},
	} {
		if len(g.fields) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
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

// newForm builds the huh form of groups, drawn on t.
func newForm(t Terminal, groups []group) *huh.Form {
	pages := make([]*huh.Group, len(groups))
	for i, g := range groups {
		pages[i] = huh.NewGroup(g.fields...).Title(g.title)
		if g.hide != nil {
			pages[i] = pages[i].WithHideFunc(g.hide)
		}
	}
	return huh.NewForm(pages...).WithInput(t.In).WithOutput(t.Out).WithShowHelp(true).WithTheme(huh.ThemeCharm())
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

// useRenderer makes huh's styles render for w, not for stdout: colours
// only where w is a terminal, and none when NO_COLOR is set.
func useRenderer(w io.Writer) {
	lipgloss.SetDefaultRenderer(lipgloss.NewRenderer(w))
}

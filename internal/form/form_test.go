package form

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/decline-cli/decline/internal/answers"
	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
	"github.com/decline-cli/decline/internal/letter"
)

// driver drives a huh form through its Update method, as a Bubble Tea
// program would, but one key at a time: it waits for the form to settle
// (its commands to deliver their messages) before the next key, so that a
// key never lands in the wrong field. Commands run on goroutines; the
// cursor's blink timers among them deliver late and harmlessly.
type driver struct {
	t    *testing.T
	form *huh.Form
	msgs chan tea.Msg
}

func drive(t *testing.T, ps []page) *driver {
	d := &driver{t: t, form: newForm(Terminal{Out: io.Discard}, ps), msgs: make(chan tea.Msg, 64)}
	d.run(d.form.Init())
	d.update(tea.WindowSizeMsg{Width: 100, Height: 40})
	return d
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd != nil {
		go func() { d.msgs <- cmd() }()
	}
}

func (d *driver) update(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.BatchMsg:
		for _, cmd := range msg {
			d.run(cmd)
		}
		return
	case nil:
		return
	}
	m, cmd := d.form.Update(msg)
	d.form = m.(*huh.Form)
	d.run(cmd)
}

// until handles the form's messages until cond holds.
func (d *driver) until(what string, cond func() bool) {
	d.t.Helper()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case msg := <-d.msgs:
			d.update(msg)
		case <-deadline:
			d.t.Fatalf("the form never got to %s; it shows:\n%s", what, ansi.Strip(d.form.View()))
		}
	}
}

// at waits until the field key has the focus.
func (d *driver) at(key string) {
	d.t.Helper()
	d.until("the field "+key, func() bool {
		f := d.form.GetFocusedField()
		return f != nil && f.GetKey() == key
	})
}

// keys sends keys to the field that has the focus: text, or named keys
// such as "enter" and "down" in angle brackets.
func (d *driver) keys(key, input string) {
	d.t.Helper()
	d.at(key)
	for _, k := range keyPresses(input) {
		d.update(k)
	}
}

// keyPresses turns text with named keys in angle brackets into key
// presses, a rune at a time, as a terminal sends them.
func keyPresses(input string) []tea.KeyPressMsg {
	named := map[string]rune{"enter": tea.KeyEnter, "down": tea.KeyDown, "up": tea.KeyUp, "left": tea.KeyLeft,
		"right": tea.KeyRight, "backspace": tea.KeyBackspace, "esc": tea.KeyEscape, "home": tea.KeyHome, "end": tea.KeyEnd}
	var out []tea.KeyPressMsg
	for input != "" {
		if rest, ok := strings.CutPrefix(input, "<"); ok {
			name, after, _ := strings.Cut(rest, ">")
			switch name {
			case "ctrl+c":
				out = append(out, tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
			case "shift+tab":
				out = append(out, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
			default:
				out = append(out, tea.KeyPressMsg{Code: named[name]})
			}
			input = after
			continue
		}
		text, _, _ := strings.Cut(input, "<")
		for _, r := range text {
			out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		input = input[len(text):]
	}
	return out
}

func (d *driver) view() string { return ansi.Strip(d.form.View()) }

// given reports the fields as given by flags, and the kind of letter,
// and its language, which the tests of other questions take as given.
func given(fields ...string) func(string) bool {
	fields = append(fields, "kind", "lang")
	return func(field string) bool {
		for _, f := range fields {
			if f == field {
				return true
			}
		}
		return false
	}
}

func TestFormAsksOnlyWhatFlagsDidNotGive(t *testing.T) {
	f := answers.Answers{Company: "Acme", Role: "SRE", Reason: "timing", Tone: "formal", KeepInTouch: true}
	var asked []string
	for _, p := range pages(Terminal{}, Questions{Fields: &f, Given: given("company", "role", "reason", "tone")}) {
		for _, q := range p.questions {
			asked = append(asked, q.key)
		}
	}
	if got, want := strings.Join(asked, " "), "contact interview_date keep_in_touch name"; got != want {
		t.Errorf("asked %q, want %q", got, want)
	}
}

func TestFormFillsTheAnswers(t *testing.T) {
	f := answers.Answers{Company: "Acme", Tone: "formal", KeepInTouch: true, Name: "Sam Lee"}
	d := drive(t, pages(Terminal{}, Questions{Fields: &f, Given: given("company"),
		Preview: func(tone string) string { return "sounds " + tone }}))

	// A required answer is refused empty, and the form stays on it.
	d.keys("role", "<enter>")
	d.until("the role's error", func() bool { return strings.Contains(d.view(), "An answer is needed") })
	d.keys("role", "Data Engineer<enter>")
	d.keys("contact", "Dear Ms. Rivera,<enter>")
	// A bad date is refused with the letter's own message.
	d.keys("interview_date", "2026-13-01<enter>")
	d.until("the date's error", func() bool { return strings.Contains(d.view(), `"2026-13-01" is not a day of the calendar`) })
	d.keys("interview_date", strings.Repeat("<backspace>", 10)+"2026-12-03<enter>")
	// Own words: the last option, reached with End, and a page of its own.
	d.keys("reason", "<end><enter>")
	d.keys("reason_text", "i am going back to university<enter>")
	// Each tone shows what it sounds like.
	d.at("tone")
	if view := d.view(); !strings.Contains(view, "sounds formal") || !strings.Contains(view, "sounds brief") {
		t.Errorf("the tones show no preview:\n%s", view)
	}
	d.keys("tone", "<down><enter>")
	d.keys("keep_in_touch", "<right><enter>")
	// The name is prefilled (from the config file): enter keeps it.
	d.keys("name", "<enter>")
	d.until("the end", func() bool { return d.form.State == huh.StateCompleted })

	Finish(&f)
	want := answers.Answers{Company: "Acme", Role: "Data Engineer", Contact: "Dear Ms. Rivera,", ReasonText: "i am going back to university",
		Tone: "warm", InterviewDate: "2026-12-03", KeepInTouch: false, Name: "Sam Lee"}
	if f != want {
		t.Errorf("got %+v\nwant %+v", f, want)
	}
}

// The reason list starts on its first reason, filters as the user types
// (without "/" first), and its help shows the keys that move through it.
func TestFormReasonListStartsOnTheFirstAndFilters(t *testing.T) {
	f := answers.Answers{Company: "Acme", Role: "SRE", Tone: "formal", Name: "Sam"}
	d := drive(t, pages(Terminal{}, Questions{Fields: &f, Given: given("company", "role", "contact", "interview_date", "tone", "keep_in_touch", "name")}))
	d.at("reason")
	view := d.view()
	if !strings.Contains(view, "> accepted-offer") {
		t.Errorf("the list does not start on the first reason:\n%s", view)
	}
	for _, help := range []string{"type to filter", "home first", "end last"} {
		if !strings.Contains(view, help) {
			t.Errorf("the help does not show %q:\n%s", help, view)
		}
	}
	d.keys("reason", "timi")
	d.until("the filtered list", func() bool { return !strings.Contains(d.view(), "accepted-offer") })
	d.keys("reason", "<enter><enter>")
	d.until("the end", func() bool { return d.form.State == huh.StateCompleted })
	if f.Reason != "timing" {
		t.Errorf("got reason %q, want timing", f.Reason)
	}
}

// Own words are one line, with the words counted as they are typed.
func TestFormCountsOwnWords(t *testing.T) {
	f := answers.Answers{Reason: ownWords}
	own := pages(Terminal{}, Questions{Fields: &f, Given: func(k string) bool { return k != "reason" }})[1]
	d := drive(t, []page{own})
	d.keys("reason_text", "I am moving abroad")
	d.until("the count", func() bool { return strings.Contains(d.view(), "4/20 words") })
	d.keys("reason_text", "<enter>")
	d.until("the end", func() bool { return d.form.State == huh.StateCompleted })
	if f.ReasonText != "I am moving abroad" {
		t.Errorf("got %q", f.ReasonText)
	}
}

// An interview day that has passed is refused in the form, where it can
// still be fixed.
func TestFormRefusesAPastInterviewDate(t *testing.T) {
	f := answers.Answers{Company: "Acme", Role: "SRE", Reason: "timing", Tone: "formal", Name: "Sam"}
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	d := drive(t, pages(Terminal{}, Questions{Fields: &f, Now: now, Given: given("company", "role", "contact", "reason", "tone", "keep_in_touch", "name")}))
	d.keys("interview_date", "2026-11-20<enter>")
	d.until("the date's error", func() bool { return strings.Contains(d.view(), "That day has passed") })
	d.keys("interview_date", strings.Repeat("<backspace>", 10)+"2026-12-09<enter>")
	d.until("the end", func() bool { return d.form.State == huh.StateCompleted })
	if f.InterviewDate != "2026-12-09" {
		t.Errorf("got %q, want 2026-12-09", f.InterviewDate)
	}
}

// The button that has the focus is marked, so that it shows without
// colour.
func TestFormMarksTheFocusedButton(t *testing.T) {
	f := answers.Answers{KeepInTouch: true}
	d := drive(t, []page{{questions: []question{{key: "keep_in_touch", title: "Keep the door open?", yes: &f.KeepInTouch}}}})
	d.at("keep_in_touch")
	if view := d.view(); !strings.Contains(view, "> Yes") || strings.Contains(view, "> No") {
		t.Errorf("the focused button is not marked:\n%s", view)
	}
	d.keys("keep_in_touch", "<right>")
	d.until("No marked", func() bool { return strings.Contains(d.view(), "> No") && !strings.Contains(d.view(), "> Yes") })
}

func TestFormStopsOnCtrlC(t *testing.T) {
	f := answers.Answers{Tone: "formal", Reason: letter.ReasonUnspecified}
	d := drive(t, pages(Terminal{}, Questions{Fields: &f, Given: given()}))
	d.keys("company", "Ac<ctrl+c>")
	d.until("aborted", func() bool { return d.form.State == huh.StateAborted })
}

// The accessible mode reads piped answers, one a line, skips the pages
// that are hidden, and says when the answers run out.
func TestAccessible(t *testing.T) {
	f := answers.Answers{Reason: letter.ReasonUnspecified, Tone: "formal", KeepInTouch: true, Name: "Sam"}
	var out bytes.Buffer
	// No contact; reason 8 is timing; tone "warm" by name; "maybe" is
	// refused and asked again; the name stays as it was.
	typed := "Acme\nSRE\n\n2026-12-03\n8\nwarm\nmaybe\nn\n\n"
	err := Ask(Terminal{In: strings.NewReader(typed), Out: &out, Accessible: true}, Questions{Fields: &f, Given: given()})
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	Finish(&f)
	want := answers.Answers{Company: "Acme", Role: "SRE", Reason: "timing", Tone: "warm", InterviewDate: "2026-12-03", Name: "Sam"}
	if f != want {
		t.Errorf("got %+v\nwant %+v", f, want)
	}
	if strings.Contains(out.String(), "Your reason, in") {
		t.Errorf("asked for own words, though a reason key was chosen:\n%s", out.String())
	}

	f = answers.Answers{Reason: letter.ReasonUnspecified, Tone: "formal"}
	err = Ask(Terminal{In: strings.NewReader("Acme\nSRE\n"), Out: io.Discard, Accessible: true}, Questions{Fields: &f, Given: given()})
	if !errors.Is(err, ErrAnswersEnded) || !strings.Contains(err.Error(), `"contact"`) {
		t.Errorf("got %v, want the answers to end at the contact", err)
	}
}

// A list's answer refused, then the end of the answers: an error, where
// huh's accessible mode panicked.
func TestAccessibleRefusedListAnswerThenEnd(t *testing.T) {
	f := answers.Answers{Tone: "formal"}
	err := Ask(Terminal{In: strings.NewReader("\nx\n"), Out: io.Discard, Accessible: true},
		Questions{Fields: &f, Given: func(field string) bool { return field != "reason" }})
	if !errors.Is(err, ErrAnswersEnded) || !strings.Contains(err.Error(), `"reason"`) {
		t.Fatalf("got %v, want the answers to end at the reason", err)
	}
}

// Without --kind, the form asks first what is being declined, and then
// offers the reasons of that kind.
func TestFormAsksTheKindFirst(t *testing.T) {
	f := answers.Answers{Kind: "interview", Reason: letter.ReasonUnspecified, Tone: "formal", KeepInTouch: true, Name: "Sam"}
	var out bytes.Buffer
	typed := "3\nAcme\nSRE\n\n\n\n"
	err := Ask(Terminal{In: strings.NewReader(typed), Out: &out, Accessible: true}, Questions{Fields: &f, Given: func(field string) bool {
		return field != "kind" && field != "reason" && field != "company" && field != "role" && field != "contact" && field != "interview_date"
	}})
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if f.Kind != "offer" {
		t.Errorf("got kind %q, want offer", f.Kind)
	}
	screen := out.String()
	if strings.Index(screen, "What are you declining?") > strings.Index(screen, "Company") {
		t.Errorf("the kind is not asked first:\n%s", screen)
	}
	if reasons := screen[strings.Index(screen, "Why are you declining?"):]; strings.Contains(reasons, "commitment") || !strings.Contains(reasons, "counter-offer") {
		t.Errorf("the reasons are not the offer's:\n%s", reasons)
	}
}

// Changing an answer asks which, then that one alone.
func TestChangeOneAnswer(t *testing.T) {
	f := answers.Answers{Kind: "interview", Company: "Acme", Role: "SRE", Reason: "timing", Tone: "formal", KeepInTouch: true, Name: "Sam"}
	var out bytes.Buffer
	err := ChangeOne(Terminal{In: strings.NewReader("3\nInitech\n"), Out: &out, Accessible: true}, Questions{Fields: &f})
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if f.Company != "Initech" || f.Role != "SRE" || f.Reason != "timing" {
		t.Errorf("got %+v, want only the company changed", f)
	}
	if !strings.Contains(out.String(), "Company: Acme") {
		t.Errorf("the list does not show the answers:\n%s", out.String())
	}
}

// The language is asked only behind "more options", the last option of
// the first list, among the languages the kind is written in; then the
// kinds and tones offered are the language's.
func TestFormMoreOptionsAsksTheLanguage(t *testing.T) {
	tones := func(kind, lang string) []letter.Option {
		switch {
		case lang == "ja" && kind == "interview":
			return letter.Tones[:1]
		case lang == "ja":
			return nil
		}
		return letter.Tones
	}
	f := answers.Answers{Lang: "en-US", Tone: "formal"}
	var out bytes.Buffer
	typed := "6\nja\ninterview\n1\n"
	err := Ask(Terminal{In: strings.NewReader(typed), Out: &out, Accessible: true}, Questions{Fields: &f, Tones: tones,
		Given: func(field string) bool { return field != "kind" && field != "lang" && field != "tone" }})
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if f.Lang != "ja" || f.Tone != "formal" {
		t.Errorf("got lang %q and tone %q, want ja and formal", f.Lang, f.Tone)
	}
	if tonesAsked := out.String()[strings.Index(out.String(), "Tone"):]; strings.Contains(tonesAsked, "warm") {
		t.Errorf("offered a tone Japanese letters lack:\n%s", tonesAsked)
	}

	// Not opened: the language stays as it was.
	f = answers.Answers{Kind: "interview", Lang: "en-GB", Tone: "formal"}
	if err := Ask(Terminal{In: strings.NewReader("\n\n"), Out: io.Discard, Accessible: true}, Questions{Fields: &f, Tones: tones,
		Given: func(field string) bool { return field != "kind" && field != "lang" && field != "tone" }}); err != nil || f.Lang != "en-GB" {
		t.Errorf("got %v and lang %q, want en-GB", err, f.Lang)
	}
}

// With the kind given, "more options" ends the tone list instead.
func TestFormMoreOptionsInTheToneList(t *testing.T) {
	tones := func(kind, lang string) []letter.Option {
		if lang == "ja" {
			return letter.Tones[:1]
		}
		return letter.Tones
	}
	f := answers.Answers{Kind: "offer", Lang: "en-US", Tone: "warm"}
	var out bytes.Buffer
	err := Ask(Terminal{In: strings.NewReader("4\nja\n\n"), Out: &out, Accessible: true}, Questions{Fields: &f, Tones: tones,
		Given: func(field string) bool { return field != "lang" && field != "tone" }})
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if f.Lang != "ja" || f.Tone != "formal" {
		t.Errorf("got lang %q and tone %q, want ja and formal", f.Lang, f.Tone)
	}
}

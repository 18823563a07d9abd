package cli

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/form"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
	"github.com/decline-cli/decline/internal/state"
)

// terminal is where decline asks its questions.
type terminal struct {
	form.Terminal
	close func()
}

// terminal returns where to ask questions, or nil if there is nowhere: no
// terminal, and no --accessible. With --accessible the questions go to
// stderr, one a line, and the answers may be piped in. ACCESSIBLE, set in
// a screen reader user's environment, and a dumb terminal (with which huh
// would choose it by itself) ask the same way, but only in a terminal: a
// script without one still never prompts.
func (opts *DraftOptions) terminal() (*terminal, error) {
	if opts.Accessible {
		return &terminal{Terminal: form.Terminal{In: opts.IO.In, Out: opts.IO.ErrOut, Accessible: true}, close: func() {}}, nil
	}
	in, out, closeTTY, err := opts.IO.Terminal()
	if err != nil {
		return nil, nil // nowhere to ask: the missing answers are an error
	}
	accessible := opts.Getenv("ACCESSIBLE") != "" || opts.Getenv("TERM") == "dumb"
	return &terminal{Terminal: form.Terminal{In: in, Out: out, Accessible: accessible, Editor: opts.Desktop.EditorCommand()}, close: closeTTY}, nil
}

// ask asks for the answers the flags did not give, and keeps them, even
// when the user stops halfway, so that --retry finds them.
func (opts *DraftOptions) ask(t *terminal, a *state.Answers, date *string) error {
	given := func(field string) bool {
		if field == "reason" {
			return opts.given("reason") || opts.given("reason-text")
		}
		return opts.given(strings.ReplaceAll(field, "_", "-"))
	}
	// The answers are kept as they come, where the form allows it, and at
	// the end, so that an interrupted form loses nothing.
	keep := func() error {
		kept := *a
		form.Finish(&kept.Fields)
		if d, err := letter.ParseDate(strings.TrimSpace(*date)); err == nil {
			kept.InterviewDate = d
		}
		return opts.Store.SaveAnswers(kept)
	}
	t.Answered = func() { keep() }
	err := form.Ask(t.Terminal, form.Questions{Fields: &a.Fields, Date: date, Given: given, Preview: opts.preview(a.Fields)})
	form.Finish(&a.Fields)
	if serr := keep(); serr != nil {
		warn(opts.IO.ErrOut, "could not keep your answers: %v", serr)
	}
	if errors.Is(err, form.ErrInterrupted) {
		return &interrupted{kept: "your answers so far are kept: decline --retry picks them up"}
	}
	return err
}

// preview returns a function that gives a glimpse of a letter in a tone:
// its greeting and its sign-off, with the contact if it is known.
func (opts *DraftOptions) preview(answers letter.Fields) func(string) string {
	templates, err := letter.Open(opts.Templates)
	if err != nil {
		return nil
	}
	sample := letter.Fields{Company: cmp.Or(answers.Company, "Acme"), Role: cmp.Or(answers.Role, "SRE"), Contact: answers.Contact,
		Name: cmp.Or(answers.Name, "you"), Reason: letter.ReasonUnspecified}
	return func(tone string) string {
		t, err := templates.Lookup(language, kind, tone)
		if err != nil {
			return ""
		}
		d, err := t.Render(sample)
		if err != nil {
			return ""
		}
		lines := strings.Split(strings.TrimSuffix(d.Body, "\n"), "\n")
		return fmt.Sprintf("%q … %q", lines[0], lines[len(lines)-2])
	}
}

// review shows the draft in the terminal and does what the user chooses,
// until the draft has left or the user quits.
func (opts *DraftOptions) review(t *terminal, a state.Answers, date string, c *composed) error {
	for {
		choice, err := form.Review(t.Terminal, c.text)
		if errors.Is(err, form.ErrInterrupted) {
			return &interrupted{kept: opts.keptAt()}
		}
		if err != nil {
			return err
		}
		switch choice {
		case form.Print:
			return opts.print(c)
		case form.Copy:
			if err := opts.copyDraft(c); err != nil {
				return opts.fallBack(c, err)
			}
			return nil
		case form.Open:
			if err := opts.openDraft(c); err != nil {
				return opts.fallBack(c, err)
			}
			return nil
		case form.Edit:
			edited, err := opts.edit(c)
			if err != nil {
				return err
			}
			c = edited
		case form.Change:
			// Ask every question again, prefilled; flags still hold.
			if err := opts.ask(t, &a, &date); err != nil {
				return err
			}
			if c, err = opts.draft(a, date); err != nil {
				return err
			}
		case form.Quit:
			fmt.Fprintf(opts.IO.ErrOut, "decline: %s\n", opts.keptAt())
			return nil
		}
	}
}

// deliver does with the draft what the flags ask: edit it, then copy it,
// open it, or print it.
func (opts *DraftOptions) deliver(c *composed) error {
	if opts.Edit {
		edited, err := opts.edit(c)
		if err != nil {
			return err
		}
		c = edited
	}
	if !opts.Copy && !opts.Open {
		return opts.print(c)
	}
	var errs []error
	if opts.Copy {
		errs = append(errs, opts.copyDraft(c))
	}
	if opts.Open {
		errs = append(errs, opts.openDraft(c))
	}
	if err := errors.Join(errs...); err != nil {
		return opts.fallBack(c, err)
	}
	return nil
}

// copyDraft puts the draft on the clipboard, and says so.
func (opts *DraftOptions) copyDraft(c *composed) error {
	out, err := opts.format(c)
	if err != nil {
		return err
	}
	if opts.OSC52 {
		_, tty, closeTTY, err := opts.IO.Terminal()
		if err != nil {
			return &desktop.Problem{Err: errors.New("copying through the terminal: there is no terminal"), Hint: "run decline in a terminal, or copy without --osc52"}
		}
		defer closeTTY()
		if err := opts.Desktop.CopyOSC52(string(out), tty); err != nil {
			return fmt.Errorf("copying through the terminal: %w", err)
		}
		fmt.Fprintln(opts.IO.ErrOut, "decline: asked the terminal to copy the draft (OSC 52); it cannot confirm it did: check by pasting")
		return nil
	}
	if err := opts.Desktop.Copy(string(out), opts.config.ClipboardCommand); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.ErrOut, "decline: copied the draft to the clipboard")
	return nil
}

// openDraft hands the draft to the mail client as a mailto: link, and
// says so.
func (opts *DraftOptions) openDraft(c *composed) error {
	if err := opts.Desktop.Open(mail.Mailto(c.to, c.Subject, c.Body)); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.ErrOut, "decline: opened the draft in your mail client")
	return nil
}

// fallBack prints the draft, once, so that it is not lost when it could
// not go where it was sent, and returns err saying where else it is kept.
func (opts *DraftOptions) fallBack(c *composed, err error) error {
	if perr := opts.print(c); perr != nil {
		return errors.Join(err, perr)
	}
	// Each failure is told; where the draft went, once, after them.
	errs := unjoin(err)
	errs[len(errs)-1] = &keptError{err: errs[len(errs)-1], kept: "the draft went to stdout instead; " + opts.keptAt()}
	return errors.Join(errs...)
}

// edit opens the draft's text in the user's editor and returns what they
// saved. The file is kept until the edit succeeds, and its path is shown
// if it does not.
func (opts *DraftOptions) edit(c *composed) (*composed, error) {
	if err := os.MkdirAll(opts.Store.Dir, 0o700); err != nil {
		return nil, opts.fallBack(c, fmt.Errorf("editing: %w", err))
	}
	file, err := os.CreateTemp(opts.Store.Dir, "edit-*.txt")
	if err == nil {
		_, err = file.WriteString(c.text)
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return nil, opts.fallBack(c, fmt.Errorf("editing: %w", err))
	}
	path := file.Name()

	// A terminal editor needs the terminal; without one (a graphical
	// editor, a script) it gets stdin, and stderr for output: stdout is
	// for the draft alone.
	in, out, closeTTY, err := opts.IO.Terminal()
	if err != nil {
		in, out, closeTTY = opts.IO.In, opts.IO.ErrOut, func() {}
	}
	defer closeTTY()
	// As git does: the editor gets Ctrl-C; decline waits for it.
	signal.Ignore(os.Interrupt)
	err = opts.Desktop.Edit(path, in, out)
	signal.Reset(os.Interrupt)
	if err != nil {
		return nil, opts.fallBack(c, &keptError{err: err, kept: "your text is in " + path})
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, opts.fallBack(c, fmt.Errorf("reading the edited draft: %w", err))
	}
	if strings.TrimSpace(string(text)) == "" {
		os.Remove(path)
		return nil, &desktop.Problem{Err: errors.New("the edited draft is empty: nothing was sent or printed"),
			Hint: "the draft before editing is kept in " + opts.Store.DraftPath() + " (decline --last prints it)"}
	}
	d, err := parseText(string(text))
	if d.Subject == "" {
		d.Subject = c.Subject
		err = letter.CheckDraft(d)
	}
	if err != nil {
		return nil, &keptError{err: fmt.Errorf("the edited draft: %w", err), kept: "your text is in " + path}
	}
	os.Remove(path)
	for _, f := range check.Letter(check.Parse(text)) {
		warn(opts.IO.ErrOut, "the edited draft, line %d: %s", f.Line, f.String())
	}
	edited := *c
	edited.Draft, edited.text = d, textFormat(d)
	if _, err := opts.Store.SaveDraft(edited.text); err != nil {
		warn(opts.IO.ErrOut, "could not keep the edited draft: %v", err)
	}
	return &edited, nil
}

// keptAt says where the draft is kept.
func (opts *DraftOptions) keptAt() string {
	return "the draft is kept in " + filepath.Clean(opts.Store.DraftPath()) + " (decline --last prints it)"
}

// interrupted is the error of a run the user stopped: decline exits 130.
type interrupted struct{ kept string }

func (e *interrupted) Error() string { return "interrupted; " + e.kept }

// keptError is a failure after which the user's text is kept somewhere:
// the error says where.
type keptError struct {
	err  error
	kept string
}

func (e *keptError) Error() string { return e.err.Error() }
func (e *keptError) Unwrap() error { return e.err }

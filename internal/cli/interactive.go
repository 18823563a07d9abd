package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/internal/compose"
	"github.com/decline-cli/decline/internal/config"
	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/form"
	"github.com/decline-cli/decline/internal/format"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
	"github.com/decline-cli/decline/internal/sink"
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
	if opts.Accessible && opts.IO.In == nil {
		return nil, nil // the message took stdin: no answers to read
	}
	if opts.Accessible {
		return &terminal{Terminal: form.Terminal{In: opts.IO.In, Out: opts.IO.ErrOut, Accessible: true, Getenv: opts.Getenv}, close: func() {}}, nil
	}
	in, out, closeTTY, err := opts.IO.Terminal()
	if err != nil {
		return nil, nil // nowhere to ask: the missing answers are an error
	}
	accessible := opts.Getenv("ACCESSIBLE") != "" || opts.Getenv("TERM") == "dumb"
	return &terminal{Terminal: form.Terminal{In: in, Out: out, Accessible: accessible, Getenv: opts.Getenv}, close: closeTTY}, nil
}

// ask asks for the answers the flags did not give, and keeps them, even
// when the user stops halfway, so that --retry finds them.
func (opts *DraftOptions) ask(t *terminal, a *answers.Answers) error {
	// The reason list starts on its first reason, not on the default
	// reason, unless the answers come from a run being tried again.
	if !opts.Retry && !opts.given("reason") && !opts.given("reason-text") && a.Reason == letter.ReasonUnspecified {
		a.Reason = ""
	}
	if err := opts.asking(t, a, form.Ask); err != nil {
		return err
	}
	opts.offerToSave(t, *a)
	return nil
}

// offerToSave offers, once, after a form that asked for the name, to save
// it (and the from address given) in the config file, so that no run
// asks again. Answers piped in are never taken for a yes.
func (opts *DraftOptions) offerToSave(t *terminal, a answers.Answers) {
	path := opts.Env.ConfigPath
	if opts.config.Name != "" || opts.given("name") || a.Name == "" || path == "" || (t.Accessible && !opts.IO.IsStdinTTY()) || !opts.Store.Once("save-name") {
		return
	}
	settings, what := [][2]string{{"name", a.Name}}, "your name"
	if a.From != "" && opts.config.From == "" {
		settings, what = append(settings, [2]string{"from", a.From}), "your name and address"
	}
	yes, err := form.Confirm(t.Terminal, "Save "+what+" for next time? (asked once)", path)
	if err != nil || !yes {
		return
	}
	if err := config.Add(path, settings); err != nil {
		warn(opts.IO.ErrOut, "could not save %s: %v", what, err)
		return
	}
	fmt.Fprintf(opts.IO.ErrOut, "decline: saved %s in %s\n", what, path)
}

// asking runs the form ask for the answers a, keeping them as they come,
// where the form allows it, and at the end, so that an interrupted form
// loses nothing; they are kept apart from the last finished run.
func (opts *DraftOptions) asking(t *terminal, a *answers.Answers, ask func(form.Terminal, form.Questions) error) error {
	given := func(field string) bool {
		switch field {
		case "reason":
			return opts.given("reason") || opts.given("reason-text")
		case "lang":
			return opts.given("lang") || opts.config.Lang != "" || opts.Retry
		}
		return opts.given(strings.ReplaceAll(field, "_", "-"))
	}
	keep := func() error {
		kept := *a
		form.Finish(&kept)
		return opts.Store.SaveUnfinished(kept)
	}
	t.Answered = func() { keep() }
	q := form.Questions{Fields: a, Given: given, Preview: opts.preview(*a), Now: opts.Now()}
	if c, err := opts.Env.composer(""); err == nil {
		q.Tones = func(kind, lang string) []letter.Option {
			l, err := letter.FindLanguage(lang)
			if err != nil {
				return nil
			}
			return c.Templates.Tones(l.Dir, kind)
		}
	}
	if kind, err := letter.FindKind(a.Kind); err == nil {
		q.Reasons = kind.Reasons
	}
	err := ask(t.Terminal, q)
	form.Finish(a)
	serr := keep()
	if serr != nil {
		warn(opts.IO.ErrOut, "could not keep your answers: %v", serr)
	}
	if errors.Is(err, form.ErrInterrupted) {
		if serr != nil {
			return &interrupted{kept: "your answers could not be kept (see the warning above)"}
		}
		return &interrupted{kept: "your answers so far are kept: decline --retry picks them up"}
	}
	return err
}

// preview returns a function that gives a glimpse of a letter in a tone:
// its greeting and its sign-off, with the contact if it is known.
func (opts *DraftOptions) preview(a answers.Answers) func(string) string {
	c, err := opts.Env.composer("")
	if err != nil {
		return nil
	}
	sample := answers.Answers{Kind: a.Kind, Lang: a.Lang, Company: cmp.Or(a.Company, "Acme"), Role: cmp.Or(a.Role, "SRE"),
		Contact: a.Contact, Name: cmp.Or(a.Name, "you"), Reason: letter.ReasonUnspecified}
	return func(tone string) string {
		sample.Tone = tone
		d, _, err := c.Compose(sample, opts.Now())
		if err != nil {
			return ""
		}
		lines := strings.Split(strings.TrimSuffix(d.Body, "\n"), "\n")
		return fmt.Sprintf("%q … %q", lines[0], lines[len(lines)-2])
	}
}

// review shows the draft in the terminal and does what the user chooses,
// until the draft has left or the user quits. A hand-off that fails is
// told there, and the user chooses again: the draft is on the screen and
// kept.
func (opts *DraftOptions) review(t *terminal, c compose.Composer, a answers.Answers, d compose.Draft) error {
	var r form.Review
	for {
		r.Draft = d.Text()
		choice, err := form.Choose(t.Terminal, r)
		if errors.Is(err, form.ErrInterrupted) {
			return &interrupted{kept: opts.keptAt()}
		}
		if err != nil {
			return err
		}
		r.Notes, r.Status = nil, ""
		switch choice {
		case form.Print:
			return opts.print(d)
		case form.Copy, form.Open:
			done, err := opts.offer(opts.sinks(choice == form.Copy, choice == form.Open, d))
			if err == nil {
				fmt.Fprintf(opts.IO.ErrOut, "decline: %s\n", done)
				return nil
			}
			r.Status = err.Error()
		case form.Edit:
			edited, notes, err := opts.edit(d)
			if err != nil {
				r.Status = err.Error()
				continue
			}
			d, r.Notes, r.Edited = edited, notes, true
		case form.Change:
			if r.Edited {
				drop, err := form.Confirm(t.Terminal, "Change an answer, and drop your edit?", "The letter is written again from the answers.")
				if err != nil || !drop {
					continue
				}
			}
			if err := opts.asking(t, &a, form.ChangeOne); err != nil {
				return err
			}
			if d, err = opts.compose(c, a); err != nil {
				return err
			}
			opts.keep(a, d)
			r.Edited = false
		case form.Quit:
			fmt.Fprintf(opts.IO.ErrOut, "decline: %s\n", opts.keptAt())
			return nil
		}
	}
}

// offer hands the draft to the sinks chosen at the review, and says what
// they did; on failure, the error says what failed and what to do, in a
// sentence for the review to show.
func (opts *DraftOptions) offer(hands []sink.Handoff) (string, error) {
	var done strings.Builder
	err := sink.Deliver(&done, io.Discard, nil, hands...)
	if err != nil {
		var b strings.Builder
		for _, p := range unjoin(err) {
			_, message, hints := explain(p)
			b.WriteString(message)
			for _, h := range hints {
				if h != "" {
					b.WriteString("; " + h)
				}
			}
		}
		return "", errors.New(printable(b.String()) + ". Choose another way, or p to print it")
	}
	return strings.TrimSpace(strings.TrimPrefix(done.String(), "decline: ")), nil
}

// deliver does with the draft what the flags ask: edit it, then copy it,
// open it, or print it.
func (opts *DraftOptions) deliver(d compose.Draft) error {
	if opts.Edit {
		edited, notes, err := opts.edit(d)
		if err != nil {
			return err
		}
		d = edited
		for _, n := range notes {
			warn(opts.IO.ErrOut, "%s", n)
		}
	}
	if !opts.Copy && !opts.Open && opts.drafts == nil {
		return opts.print(d)
	}
	return opts.handOff(d, opts.sinks(opts.Copy, opts.Open, d)...)
}

// print writes the draft on stdout, in the format asked for.
func (opts *DraftOptions) print(d compose.Draft) error {
	out, err := opts.stamp().Write(opts.Format, d)
	if err != nil {
		return err
	}
	_, err = sink.Writer{W: opts.IO.Out}.Send(out)
	return err
}

func (opts *DraftOptions) stamp() format.Stamp {
	return format.Stamp{Now: opts.Now, Random: opts.Random}
}

// sinks returns the hand-offs asked for, each with the draft in its form.
func (opts *DraftOptions) sinks(copying, opening bool, d compose.Draft) []sink.Handoff {
	var hands []sink.Handoff
	if copying {
		var s sink.Sink = sink.Clipboard{Copier: opts.Desktop, Command: opts.config.ClipboardCommand}
		if opts.OSC52 {
			s = sink.OSC52{Terminal: opts.tty, Write: opts.Desktop.CopyOSC52}
		}
		hands = append(hands, sink.Handoff{Sink: s, Data: opts.bytes(opts.Format, d)})
	}
	if opening {
		link := opts.bytes("mailto", d)
		if n := len(strings.TrimSpace(string(link))); n > mail.MaxMailto {
			warn(opts.IO.ErrOut, "the mailto: link is %d characters, and many mail clients cut links over %d; --copy or --format eml keep the whole letter", n, mail.MaxMailto)
		}
		hands = append(hands, sink.Handoff{Sink: sink.MailClient{Opener: opts.Desktop}, Data: link})
	}
	if opts.drafts != nil {
		unsent := opts.stamp()
		unsent.Unsent = true
		eml, err := unsent.Write("eml", d)
		if err != nil {
			eml = []byte(d.Text())
		}
		hands = append(hands, sink.Handoff{Sink: opts.drafts, Data: eml})
	}
	return hands
}

// bytes returns the draft in a format that cannot fail for a draft that
// composed: every field in it has been checked already.
func (opts *DraftOptions) bytes(key string, d compose.Draft) []byte {
	out, err := opts.stamp().Write(key, d)
	if err != nil {
		return []byte(d.Text())
	}
	return out
}

// tty opens the terminal for writing, for OSC 52.
func (opts *DraftOptions) tty() (w io.Writer, close func(), err error) {
	_, tty, closeTTY, err := opts.IO.Terminal()
	return tty, closeTTY, err
}

// handOff gives the draft to the sinks; when any fails, it goes to stdout
// instead, and the error says where else it is kept.
func (opts *DraftOptions) handOff(d compose.Draft, hands ...sink.Handoff) error {
	printed, err := opts.stamp().Write(opts.Format, d)
	if err != nil {
		return err
	}
	err = sink.Deliver(opts.IO.ErrOut, opts.IO.Out, printed, hands...)
	var fb *sink.FallbackError
	if !errors.As(err, &fb) || fb.Printed != nil {
		return err
	}
	// Each failure is told; where the draft went, once, after them.
	errs := append([]error(nil), fb.Failures...)
	errs[len(errs)-1] = &keptError{err: errs[len(errs)-1], kept: "the draft went to stdout instead; " + opts.keptAt()}
	return errors.Join(errs...)
}

// edit opens the draft's text in the user's editor and returns what they
// saved, which becomes the kept draft, and what the check finds in it. If
// the editor cannot start or fails, the draft goes to stdout, and the
// error says where the text is.
func (opts *DraftOptions) edit(d compose.Draft) (compose.Draft, []string, error) {
	// A terminal editor needs the terminal; without one (a graphical
	// editor, a script) it gets stdin, and stderr for output: stdout is
	// for the draft alone.
	in, out, closeTTY, err := opts.IO.Terminal()
	if err != nil {
		in, out, closeTTY = opts.IO.In, opts.IO.ErrOut, func() {}
	}
	var edited letter.Draft
	accept := func(text string) error {
		var err error
		if edited, err = compose.ParseText(text); edited.Subject == "" {
			edited.Subject = d.Subject
			err = letter.CheckDraft(edited)
		}
		return err
	}
	text, err := sink.Edit(opts.Desktop, opts.Store.Dir, d.Text(), in, out, accept)
	closeTTY()
	var kept *sink.KeptError
	switch {
	case errors.Is(err, sink.ErrEmptied):
		return d, nil, &desktop.Problem{Err: err, Hint: "the draft before editing is kept in " + opts.Store.DraftPath() + " (decline --last prints it)"}
	case errors.As(err, &kept) && kept.Refused:
		return d, nil, &keptError{err: err, kept: "your text is in " + kept.Path}
	case errors.As(err, &kept):
		return d, nil, opts.fallBack(d, &keptError{err: err, kept: "your text is in " + kept.Path})
	case err != nil:
		return d, nil, opts.fallBack(d, err)
	}
	var notes []string
	for _, f := range check.Letter(check.Parse([]byte(text))) {
		notes = append(notes, fmt.Sprintf("the edited draft, line %d: %s", f.Line, f.String()))
	}
	d.Draft = edited
	if opts.run != nil {
		opts.run.Draft = d.Text()
		path, err := opts.Store.SaveRun(*opts.run)
		if err != nil {
			warn(opts.IO.ErrOut, "could not keep the edited draft: %v", err)
		}
		opts.kept = path
	}
	return d, notes, nil
}

// fallBack prints the draft, so that it is not lost when editing failed,
// and returns err saying where else it is.
func (opts *DraftOptions) fallBack(d compose.Draft, err error) error {
	return opts.handOff(d, sink.Handoff{Sink: failed{err}})
}

// failed is a sink that has failed already, for a failure before any
// hand-off: the draft falls back as when a hand-off fails.
type failed struct{ err error }

func (f failed) Send([]byte) (string, error) { return "", f.err }

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

// otherHint is an error whose usual hint does not fit the case: its own
// replaces it.
type otherHint struct {
	err  error
	hint string
}

func (e *otherHint) Error() string { return e.err.Error() }
func (e *otherHint) Unwrap() error { return e.err }

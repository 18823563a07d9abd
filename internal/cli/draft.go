package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/decline-cli/decline/internal/config"
	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
	"github.com/decline-cli/decline/internal/state"
)

// The built-in letters are English letters declining an interview.
const (
	language = "en"
	kind     = "interview"
)

// formats are the forms a draft can be printed in, for --format.
var formats = []letter.Option{
	{Key: "text", Description: "a Subject: line, a blank line, then the body (the default)"},
	{Key: "eml", Description: "an RFC 5322 message for msmtp -t, sendmail -t or mutt -H"},
	{Key: "subject", Description: "the subject line alone"},
	{Key: "body", Description: "the body alone"},
	{Key: "json", Description: "the subject, the body and the fields used, for scripts"},
	{Key: "mailto", Description: "a mailto: link (RFC 6068) for a mail client"},
}

// DraftOptions are what decline draft is asked to do.
type DraftOptions struct {
	*Env  // the streams, clock, templates, settings and desktop of the run
	Store state.Store

	Fields        letter.Fields
	InterviewDate string
	From, To      string
	Format        string

	Template   string // a template of the user's: a file or a name
	NoInput    bool   // never prompt
	Accessible bool   // prompt line by line, for screen readers
	Copy       bool
	OSC52      bool // copy through the terminal
	Edit       bool
	Open       bool
	Retry      bool // start from the last answers
	Last       bool // print the last draft

	// given reports whether a flag was given on the command line.
	given func(flag string) bool
	// config holds the settings of the environment and the config file.
	config *config.Config
	// where says, in a batch, which row warnings are about.
	where string
	// keeping says whether to keep the answers and the draft: when the
	// user typed them, or the draft goes somewhere that can fail. A
	// script's flags and the pipe it prints to keep them already.
	keeping bool
}

// newDraftOptions returns options for drafting in env.
func newDraftOptions(env *Env) *DraftOptions {
	return &DraftOptions{Env: env, Store: state.Store{Dir: env.StateDir}}
}

func newDraftCmd(env *Env, runF func(*DraftOptions) error) *cobra.Command {
	opts := newDraftOptions(env)
	cmd := &cobra.Command{
		Use:   "draft",
		Short: "Draft the email that declines an interview (the default command)",
		Example: `  decline
  decline --company "Acme Corp" --role "Data Engineer" --reason accepted-offer --name "Sam Lee"
  decline draft --company Acme --role SRE --contact "Ms. Rivera" --to rivera@acme.example \
    --from "Sam Lee <sam@example.org>" --reason staying --tone warm \
    --interview-date 2026-12-03 --format eml | msmtp -t
  decline ... --format body | mail -s "$(decline ... --format subject)" rivera@acme.example
  decline --retry
  decline --last --copy`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.given = cmd.Flags().Changed
			if runF != nil {
				return runF(opts)
			}
			return runDraft(opts)
		},
	}
	f := cmd.Flags()
	opts.letterFlags(f)
	f.StringVar(&opts.Format, "format", "text", "what to print: "+strings.Join(letter.Keys(formats), ", "))
	f.BoolVar(&opts.NoInput, "no-input", false, "never ask: fail if a required flag is missing")
	f.BoolVar(&opts.Accessible, "accessible", false, "ask line by line, for screen readers (also ACCESSIBLE=1)")
	f.BoolVar(&opts.Copy, "copy", false, "copy the draft to the clipboard instead of printing it")
	f.BoolVar(&opts.OSC52, "osc52", false, "copy through the terminal (OSC 52), as over SSH; implies --copy")
	f.BoolVar(&opts.Edit, "edit", false, "edit the draft in $VISUAL or $EDITOR before it goes out")
	f.BoolVar(&opts.Open, "open", false, "open the draft in your mail client (a mailto: link)")
	f.BoolVar(&opts.Retry, "retry", false, "start again from your last answers")
	f.BoolVar(&opts.Last, "last", false, "print the last draft again")
	f.SortFlags = false
	return cmd
}

// letterFlags defines the flags that give a letter's answers, and the
// template to write it with, on f.
func (opts *DraftOptions) letterFlags(f *pflag.FlagSet) {
	f.StringVar(&opts.Fields.Company, "company", "", "the company you are declining (required)")
	f.StringVar(&opts.Fields.Role, "role", "", "the role you were invited to interview for (required)")
	f.StringVar(&opts.Fields.Contact, "contact", "", "the recruiter or hiring manager to greet, such as \"Ms. Rivera\" (default: the hiring team)")
	f.StringVar(&opts.Fields.Reason, "reason", letter.ReasonUnspecified, "why, as a key: "+strings.Join(letter.Keys(letter.Reasons), ", "))
	f.StringVar(&opts.Fields.ReasonText, "reason-text", "", "why, in your own words: one or two short sentences, instead of --reason")
	f.StringVar(&opts.Fields.Tone, "tone", letter.DefaultTone, "the register: "+strings.Join(letter.Keys(letter.Tones), ", "))
	f.StringVar(&opts.InterviewDate, "interview-date", "", "the day of the interview, as YYYY-MM-DD")
	f.BoolVar(&opts.Fields.KeepInTouch, "keep-in-touch", true, "offer to stay in touch about future roles")
	f.StringVar(&opts.Fields.Refer, "refer", "", "someone you offer to recommend for the role")
	f.StringVar(&opts.Fields.Name, "name", "", "your name, for the signature (default: the name in --from)")
	f.StringVar(&opts.From, "from", "", "your address, such as \"Sam Lee <sam@example.org>\"")
	f.StringVar(&opts.To, "to", "", "their address, such as rivera@acme.example")
	f.StringVar(&opts.Template, "template", "", "write the letter with this template: a file, or a name 'decline templates' lists")
}

// draftHelp describes the letters and the values of the flags that take
// one of a fixed set, for the help of decline and decline draft.
func draftHelp() string {
	return `Every letter thanks them for the invitation and their time, states the
decision in its first paragraph, gives at most a brief, tactful reason,
says it is telling them promptly so they can move on to other candidates,
and keeps the door open unless --keep-in-touch=false.

In a terminal, decline asks for what the flags did not give, shows the
draft, and asks what to do with it. Without a terminal, or with
--no-input, it never asks. The answers and the draft of a run that asks
questions, copies, edits or opens are kept in the state directory:
--retry and --last read them back.

Reasons (--reason):
` + optionList(letter.Reasons) + `
Tones (--tone):
` + optionList(letter.Tones) + `
Formats (--format):
` + optionList(formats) + `
Settings come from flags, then the environment (DECLINE_NAME, DECLINE_FROM,
DECLINE_TONE, DECLINE_KEEP_IN_TOUCH, DECLINE_SIGNATURE,
DECLINE_CLIPBOARD_COMMAND), then the config file (decline config path).

` + exitStatusHelp
}

// optionList lists options for help text, one a line.
func optionList(options []letter.Option) string {
	var b strings.Builder
	for _, o := range options {
		b.WriteString("  " + o.Key + strings.Repeat(" ", max(1, 16-len(o.Key))) + o.Description + "\n")
	}
	return b.String()
}

func runDraft(opts *DraftOptions) error {
	cfg, err := config.Load(opts.ConfigPath, opts.Getenv)
	if err != nil {
		return err
	}
	opts.config = cfg
	opts.Copy = opts.Copy || opts.OSC52
	if opts.Last {
		return opts.printLast()
	}
	a, date, err := opts.answers()
	if err != nil {
		return err
	}
	var term *terminal
	if (opts.Retry || missing(a)) && !opts.NoInput {
		if term, err = opts.terminal(); err != nil {
			return err
		}
	}
	opts.keeping = term != nil || opts.Retry || opts.Copy || opts.Edit || opts.Open
	if term != nil {
		defer term.close()
		if err := opts.ask(term, &a, &date); err != nil {
			return err
		}
	}
	d, err := opts.draft(a, date)
	if err != nil {
		return err
	}
	if term != nil && !opts.Copy && !opts.Edit && !opts.Open && opts.IO.IsStdoutTTY() {
		return opts.review(term, a, date, d)
	}
	return opts.deliver(d)
}

// printLast delivers the last draft kept (as it was sent, edits
// included), with the addresses of the last answers.
func (opts *DraftOptions) printLast() error {
	text, err := opts.Store.Draft()
	if errors.Is(err, fs.ErrNotExist) {
		return &desktop.Problem{Err: errors.New("no draft has been kept yet"), Hint: "draft one first: decline --help shows how"}
	}
	if err != nil {
		return fmt.Errorf("reading the last draft: %w", err)
	}
	d, err := parseText(text)
	if err != nil {
		return fmt.Errorf("reading the last draft %s: %w", opts.Store.DraftPath(), err)
	}
	c := &composed{Draft: d, text: text}
	if a, err := opts.Store.Answers(); err == nil {
		c.fields = a.Fields
		c.from, _ = mail.ParseAddress(a.From)
		c.to, _ = mail.ParseAddress(a.To)
	}
	return opts.deliver(c)
}

// missing reports whether a required answer is missing.
func missing(a state.Answers) bool {
	from, _ := mail.ParseAddress(a.From)
	return strings.TrimSpace(a.Company) == "" || strings.TrimSpace(a.Role) == "" || strings.TrimSpace(signature(a.Name, from)) == ""
}

// signature returns the name a letter is signed with: --name, else the
// name in --from.
func signature(name string, from *mail.Address) string {
	if name == "" && from != nil {
		return from.Name
	}
	return name
}

// answers gathers the answers for the letter: flags first, then (with
// --retry) the last answers, then the environment and the config file,
// then the defaults. The interview date stays as typed until it is
// checked with the rest.
func (opts *DraftOptions) answers() (state.Answers, string, error) {
	cfg := opts.config
	a := state.Answers{
		Fields: letter.Fields{Reason: letter.ReasonUnspecified, Tone: letter.DefaultTone, KeepInTouch: true,
			Name: cfg.Name, Signature: cfg.Signature},
		From: cfg.From,
	}
	if cfg.Tone != "" {
		a.Tone = cfg.Tone
	}
	if cfg.KeepInTouch != nil {
		a.KeepInTouch = *cfg.KeepInTouch
	}
	date := ""
	if opts.Retry {
		last, err := opts.Store.Answers()
		if errors.Is(err, fs.ErrNotExist) {
			return a, "", &desktop.Problem{Err: errors.New("there are no answers to retry yet"), Hint: "run decline without --retry"}
		}
		if err != nil {
			return a, "", err
		}
		a = last
		if last.InterviewDate != nil {
			date = last.InterviewDate.String()
		}
	}

	f, given := &opts.Fields, opts.given
	for _, s := range []struct {
		flag string
		set  func()
	}{
		{"company", func() { a.Company = f.Company }},
		{"role", func() { a.Role = f.Role }},
		{"contact", func() { a.Contact = f.Contact }},
		{"reason", func() { a.Reason, a.ReasonText = f.Reason, "" }},
		{"reason-text", func() { a.ReasonText = f.ReasonText }},
		{"tone", func() { a.Tone = f.Tone }},
		{"interview-date", func() { date = opts.InterviewDate }},
		{"keep-in-touch", func() { a.KeepInTouch = f.KeepInTouch }},
		{"refer", func() { a.Refer = f.Refer }},
		{"name", func() { a.Name = f.Name }},
		{"from", func() { a.From = opts.From }},
		{"to", func() { a.To = opts.To }},
	} {
		if given(s.flag) {
			s.set()
		}
	}
	if given("reason-text") && !given("reason") {
		a.Reason = ""
	}
	return a, date, nil
}

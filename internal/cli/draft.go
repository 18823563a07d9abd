package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/compose"
	"github.com/decline-cli/decline/internal/config"
	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/form"
	"github.com/decline-cli/decline/internal/format"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
	"github.com/decline-cli/decline/internal/sink"
	"github.com/decline-cli/decline/internal/state"
)

// DraftOptions are what decline draft is asked to do.
type DraftOptions struct {
	*Env  // the streams, clock, templates, settings and desktop of the run
	Store state.Store

	Answers  answers.Answers // the flags' answers; given says which were given
	Format   string
	Template string // a template of the user's: a file or a name

	NoInput    bool // never prompt
	Accessible bool // prompt line by line, for screen readers
	Copy       bool
	OSC52      bool // copy through the terminal
	Edit       bool
	Open       bool
	Retry      bool // start from the last answers
	Last       bool // print the last draft
	// SaveDraft is the Maildir to save the draft in, unsent, or
	// fromSettings for the config's drafts or draft_command.
	SaveDraft string

	// given reports whether a flag was given on the command line.
	given func(flag string) bool
	// config holds the settings of the environment and the config file.
	config *config.Config
	// run is this run's answers and draft as kept, or nil; kept says
	// where the draft is, or "" while it is not kept.
	run  *state.Run
	kept string
	// incoming is the message decline reply answers, or nil.
	incoming *mail.Incoming
	// drafts is where --save-draft saves the draft, or nil.
	drafts sink.Sink
}

func newDraftCmd(env *Env, runF func(*DraftOptions) error) *cobra.Command {
	opts := &DraftOptions{Env: env, Store: state.Store{Dir: env.StateDir}}
	cmd := &cobra.Command{
		Use:   "draft",
		Short: "Draft the email that declines an interview (the default command)",
		Example: `  decline
  decline --company "Acme Corp" --role "Data Engineer" --reason accepted-offer --name "Sam Lee"
  decline draft --company Acme --role SRE --contact "Ms. Rivera" --to rivera@acme.example \
    --from "Sam Lee <sam@example.org>" --reason staying --tone warm \
    --interview-date 2026-12-03 --format eml | msmtp -t
  decline ... --format body | mail -s "$(decline ... --format subject)" rivera@acme.example
  decline --lang en-GB --company Acme --role SRE --name Sam
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
	draftFlags(cmd.Flags(), opts, "text")
	return cmd
}

// draftFlags defines the flags of decline draft, and of decline reply,
// whose format defaults to eml.
func draftFlags(f *pflag.FlagSet, opts *DraftOptions, defaultFormat string) {
	answerFlags(f, &opts.Answers, &opts.Template)
	f.StringVar(&opts.Format, "format", defaultFormat, "what to print: "+strings.Join(letter.Keys(format.Draft), ", "))
	saveDraftFlag(f, &opts.SaveDraft)
	f.BoolVar(&opts.NoInput, "no-input", false, "never ask: fail if a required flag is missing")
	f.BoolVar(&opts.Accessible, "accessible", false, "ask line by line, for screen readers (also ACCESSIBLE=1)")
	f.BoolVar(&opts.Copy, "copy", false, "copy the draft to the clipboard instead of printing it")
	f.BoolVar(&opts.OSC52, "osc52", false, "copy through the terminal (OSC 52), as over SSH; implies --copy")
	f.BoolVar(&opts.Edit, "edit", false, "edit the draft in $VISUAL or $EDITOR before it goes out")
	f.BoolVar(&opts.Open, "open", false, "open the draft in your mail client (a mailto: link)")
	f.BoolVar(&opts.Retry, "retry", false, "start again from your last answers")
	f.BoolVar(&opts.Last, "last", false, "print the last draft again")
	f.SortFlags = false
}

// fromSettings is --save-draft given without a folder: the config's
// drafts folder or draft_command.
const fromSettings = "@settings"

// saveDraftFlag defines --save-draft[=DIR].
func saveDraftFlag(f *pflag.FlagSet, dir *string) {
	f.StringVar(dir, "save-draft", "", "save the message as an unsent draft in this Maildir (alone: the config's drafts or draft_command) instead of printing it")
	f.Lookup("save-draft").NoOptDefVal = fromSettings
}

// answerFlags defines the flags that give a letter's answers, and the
// template to write it with, on f: decline draft's and decline batch's.
func answerFlags(f *pflag.FlagSet, a *answers.Answers, template *string) {
	f.StringVar(&a.Company, "company", "", "the company you are declining (required)")
	f.StringVar(&a.Role, "role", "", "the role you were invited to interview for (required)")
	f.StringVar(&a.Contact, "contact", "", "the recruiter or hiring manager to greet, such as \"Ms. Rivera\" (default: the hiring team)")
	f.StringVar(&a.Kind, "kind", letter.DefaultKind, "what you are declining: "+strings.Join(letter.Keys(letter.KindOptions()), ", "))
	f.StringVar(&a.Lang, "lang", "", "the letter's language, a BCP 47 tag: "+strings.Join(letter.Keys(letter.LanguageOptions()), ", ")+" (default: your locale's English)")
	f.StringVar(&a.Reason, "reason", letter.ReasonUnspecified, "why, as a key: "+strings.Join(letter.Keys(letter.Reasons), ", "))
	f.StringVar(&a.ReasonText, "reason-text", "", "why, in your own words: one or two short sentences, instead of --reason")
	f.StringVar(&a.Tone, "tone", letter.DefaultTone, "the register: "+strings.Join(letter.Keys(letter.Tones), ", "))
	f.StringVar(&a.InterviewDate, "interview-date", "", "the day of the interview (for withdraw, the next one), as YYYY-MM-DD")
	f.StringVar(&a.StartDate, "start-date", "", "for --kind rescind: the start date agreed, as YYYY-MM-DD")
	f.BoolVar(&a.Call, "call", false, "for --kind rescind: say that a phone call will follow")
	f.StringVar(&a.OpenTo, "open-to", "", "for --kind outreach: the roles you would gladly hear about, such as \"staff platform roles\"")
	f.BoolVar(&a.KeepInTouch, "keep-in-touch", true, "offer to stay in touch about future roles")
	f.StringVar(&a.Refer, "refer", "", "someone you offer to recommend for the role")
	f.StringVar(&a.Name, "name", "", "your name, for the signature (default: the name in --from)")
	f.StringVar(&a.From, "from", "", "your address, such as \"Sam Lee <sam@example.org>\"")
	f.StringVar(&a.To, "to", "", "their address, such as rivera@acme.example")
	f.StringVar(template, "template", "", "write the letter with this template: a file, or a name 'decline templates' lists")
}

// answerFields are the fields the answer flags set, by json name.
var answerFields = []string{"kind", "lang", "company", "role", "contact", "reason", "reason_text", "tone", "interview_date", "start_date", "open_to", "refer", "name", "from", "to"}

// draftHelp describes the letters and the values of the flags that take
// one of a fixed set, for the help of decline and decline draft.
func draftHelp(kind string) string {
	k, err := letter.FindKind(kind)
	if err != nil {
		k, _ = letter.FindKind(letter.DefaultKind)
	}
	return `Every letter thanks them, states the decision in its first paragraph,
gives at most a brief, tactful reason, lets them move on, and keeps the
door open unless --keep-in-touch=false.

In a terminal, decline asks for what the flags did not give, shows the
draft, and asks what to do with it. Without a terminal, or with
--no-input, it never asks. The answers and the draft of a run that asks
questions, copies, edits or opens are kept in the state directory:
--retry and --last read them back.

Kinds (--kind):
` + optionList(letter.KindOptions()) + `
Languages (--lang):
` + optionList(letter.LanguageOptions()) + `
Reasons of a letter of kind ` + k.Key + ` (--reason; decline --kind KIND --help
lists another kind's):
` + optionList(k.Reasons) + `
Tones (--tone):
` + optionList(letter.Tones) + `
Formats (--format):
` + optionList(format.Draft) + `
Settings come from flags, then the environment (DECLINE_NAME, DECLINE_FROM,
DECLINE_KIND, DECLINE_LANG, DECLINE_TONE, DECLINE_KEEP_IN_TOUCH,
DECLINE_SIGNATURE, DECLINE_CLIPBOARD_COMMAND), then the config file
(decline config path).

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
	opts.Format = strings.ToLower(opts.Format)
	formatErr := letter.Lookup("format", format.Draft, opts.Format)
	if opts.Last {
		if formatErr != nil {
			return formatErr
		}
		return opts.printLast()
	}
	a, err := opts.answers()
	if err != nil {
		return err
	}
	composer, err := opts.composer()
	if err != nil {
		return errors.Join(err, formatErr)
	}
	if opts.given("save-draft") {
		if opts.drafts, err = draftSink(cfg, opts.SaveDraft, opts.Desktop, context.Background()); err != nil {
			return err
		}
	}
	if opts.incoming != nil {
		opts.answerIncoming(&a, false)
	}
	var term *terminal
	if (opts.Retry || missing(a)) && !opts.NoInput && formatErr == nil {
		if term, err = opts.terminal(); err != nil {
			return err
		}
	}
	keeping := term != nil || opts.Retry || opts.Copy || opts.Edit || opts.Open || opts.drafts != nil
	if term != nil {
		defer term.close()
		if opts.incoming != nil {
			opts.answerIncoming(&a, true) // suggestions, for the form to confirm
		}
		if err := opts.ask(term, &a); err != nil {
			return err
		}
	}
	d, err := opts.compose(composer, a)
	var missingErr *letter.MissingError
	if errors.As(err, &missingErr) && term == nil && !opts.NoInput && !opts.Accessible && !opts.IO.IsStdinTTY() && opts.IO.IsStderrTTY() {
		// In a terminal, with stdin piped: the form reads no pipe.
		err = &otherHint{err: err, hint: "stdin is not a terminal, so nothing was asked: give them as flags, or pipe the answers one a line with --accessible"}
	}
	if err = errors.Join(err, formatErr); err != nil {
		return opts.suggestions(err)
	}
	if keeping {
		opts.keep(a, d)
	}
	if term != nil && !opts.Copy && !opts.Edit && !opts.Open && opts.drafts == nil && opts.IO.IsStdoutTTY() {
		return opts.review(term, composer, a, d)
	}
	return opts.deliver(d)
}

// compose writes the letter and says what is worth saying about it.
func (opts *DraftOptions) compose(c compose.Composer, a answers.Answers) (compose.Draft, error) {
	d, warnings, err := c.Compose(a, opts.Now())
	if err != nil {
		return d, err
	}
	opts.thread(&d)
	for _, w := range append(warnings, format.Warnings(opts.Format, d)...) {
		warn(opts.IO.ErrOut, "%s", warning(w))
	}
	return d, nil
}

// warning words a warning for the command line, naming the flag.
func warning(w compose.Warning) string {
	if w.Field == "" {
		return w.Message
	}
	if w.Action == "" {
		return flagName(w.Field) + ": " + w.Message
	}
	return w.Message + "; " + w.Action + " " + flagName(w.Field)
}

// composer returns what writes the letter: the user's --template, or the
// catalogue's templates.
func (opts *DraftOptions) composer() (compose.Composer, error) {
	return opts.Env.composer(opts.Template)
}

// composer returns what writes letters with a template of the user's,
// named or a file, or with the built-in ones when name is "".
func (env *Env) composer(name string) (compose.Composer, error) {
	templates, err := letter.Open(env.Templates)
	if err != nil {
		return compose.Composer{}, err
	}
	c := compose.Composer{Templates: templates}
	if name == "" {
		return c, nil
	}
	s, err := env.findTemplate(name)
	if err != nil {
		return c, err
	}
	if c.Own, err = s.Parse(); err != nil {
		return c, &compose.TemplateError{Name: s.Name, Err: err}
	}
	c.OwnName = s.Name
	return c, nil
}

// printLast delivers the last draft kept (as it was sent, edits
// included), with the addresses of the answers it was written from: the
// two are one record, so a letter never goes with another run's
// recipients.
func (opts *DraftOptions) printLast() error {
	run, err := opts.Store.Run()
	if errors.Is(err, fs.ErrNotExist) {
		return &desktop.Problem{Err: errors.New("no draft has been kept yet"), Hint: "draft one first: decline --help shows how"}
	}
	if err != nil {
		return fmt.Errorf("reading the last draft: %w", err)
	}
	ld, err := compose.ParseText(run.Draft)
	if err != nil {
		return fmt.Errorf("reading the last draft %s: %w", opts.Store.DraftPath(), err)
	}
	a := run.Answers
	d := compose.Draft{Draft: ld, Fields: letter.Fields{Kind: a.Kind, Lang: a.Lang, Company: a.Company, Role: a.Role, Contact: a.Contact,
		Reason: a.Reason, ReasonText: a.ReasonText, Tone: a.Tone, KeepInTouch: a.KeepInTouch, Refer: a.Refer, Name: a.Name, Signature: a.Signature}}
	d.Fields.InterviewDate, _ = letter.ParseDate(a.InterviewDate)
	d.From, _ = mail.ParseAddress(a.From)
	d.To, _ = mail.ParseAddress(a.To)
	opts.run, opts.kept = &run, opts.Store.DraftPath()
	return opts.deliver(d)
}

// missing reports whether a required answer is missing.
func missing(a answers.Answers) bool {
	name := a.Name
	if from, _ := mail.ParseAddress(a.From); name == "" && from != nil {
		name = from.Name
	}
	return strings.TrimSpace(a.Company) == "" || strings.TrimSpace(a.Role) == "" || strings.TrimSpace(name) == ""
}

// answers gathers the answers for the letter: flags first, then (with
// --retry) the last answers, then the environment and the config file,
// then the defaults.
func (opts *DraftOptions) answers() (answers.Answers, error) {
	a := defaults(opts.config, opts.Getenv)
	if opts.Retry {
		last, err := opts.retried()
		if err != nil {
			return a, err
		}
		a = last
	}
	overlay(&a, opts.Answers, opts.given)
	return a, nil
}

// retried returns the answers to start again from: the run that stopped
// halfway, or the last that finished. When there are both, and a terminal
// to ask on, the user chooses; else the one stopped, which is the newer.
func (opts *DraftOptions) retried() (answers.Answers, error) {
	stopped, serr := opts.Store.Unfinished()
	run, rerr := opts.Store.Run()
	switch {
	case serr == nil && rerr == nil:
		if t, err := opts.terminal(); err == nil && t != nil && !opts.NoInput {
			defer t.close()
			labels := []string{"the run you stopped: " + letterOf(stopped), "your last letter: " + letterOf(run.Answers)}
			i, err := form.Pick(t.Terminal, "Start again from", labels)
			if errors.Is(err, form.ErrInterrupted) {
				return stopped, &interrupted{kept: "nothing changed"}
			}
			if err == nil && i == 1 {
				return run.Answers, nil
			}
		}
		return stopped, nil
	case serr == nil:
		return stopped, nil
	case rerr == nil:
		return run.Answers, nil
	case errors.Is(serr, fs.ErrNotExist) && errors.Is(rerr, fs.ErrNotExist):
		return answers.Answers{}, &desktop.Problem{Err: errors.New("there are no answers to retry yet"), Hint: "run decline without --retry"}
	case !errors.Is(serr, fs.ErrNotExist):
		return answers.Answers{}, serr
	}
	return answers.Answers{}, rerr
}

// letterOf names a run's letter in a few words: "offer, Acme, SRE".
func letterOf(a answers.Answers) string {
	var parts []string
	for _, p := range []string{a.Kind, a.Company, a.Role} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "no answers yet"
	}
	return strings.Join(parts, ", ")
}

// overlay sets the answers of the flags that were given over a.
func overlay(a *answers.Answers, flags answers.Answers, given func(flag string) bool) {
	for _, field := range answerFields {
		if given(strings.ReplaceAll(field, "_", "-")) {
			a.Set(field, *flags.Field(field))
		}
	}
	if given("keep-in-touch") {
		a.KeepInTouch = flags.KeepInTouch
	}
	if given("call") {
		a.Call = flags.Call
	}
	a.Reasons(given("reason"), given("reason-text"))
}

// defaults returns the answers of the settings, over the catalogue's
// defaults: the language is the settings', else the English of the
// user's locale.
func defaults(cfg *config.Config, getenv func(string) string) answers.Answers {
	a := answers.Defaults()
	a.Name, a.Signature, a.From = cfg.Name, cfg.Signature, cfg.From
	if cfg.Kind != "" {
		a.Kind = cfg.Kind
	}
	if cfg.Tone != "" {
		a.Tone = cfg.Tone
	}
	if cfg.KeepInTouch != nil {
		a.KeepInTouch = *cfg.KeepInTouch
	}
	a.Lang = cfg.Lang
	if a.Lang == "" {
		locale := getenv("LC_ALL")
		if locale == "" {
			locale = getenv("LC_MESSAGES")
		}
		if locale == "" {
			locale = getenv("LANG")
		}
		a.Lang = letter.LangOfLocale(locale)
	}
	return a
}

// keep saves the answers and the draft as one record, so that --retry
// and --last find them. Failing to is worth a warning, not a failure: the
// draft is still on its way, and the hints no longer say it is kept.
func (opts *DraftOptions) keep(a answers.Answers, d compose.Draft) {
	opts.run = &state.Run{Answers: a, Draft: d.Text()}
	path, err := opts.Store.SaveRun(*opts.run)
	if err != nil {
		warn(opts.IO.ErrOut, "could not keep the draft: %v", err)
	}
	opts.kept = path
}

// keptAt says where the draft is kept, or that it is not.
func (opts *DraftOptions) keptAt() string {
	if opts.kept == "" {
		return "the draft could not be kept (see the warning above): copy it from here"
	}
	return "the draft is kept in " + filepath.Clean(opts.kept) + " (decline --last prints it)"
}

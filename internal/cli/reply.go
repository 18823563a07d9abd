package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/compose"
	"github.com/decline-cli/decline/internal/config"
	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
	"github.com/decline-cli/decline/internal/sink"
	"github.com/decline-cli/decline/internal/state"
)

func newReplyCmd(env *Env, runF func(*DraftOptions) error) *cobra.Command {
	opts := &DraftOptions{Env: env, Store: state.Store{Dir: env.StateDir}}
	cmd := &cobra.Command{
		Use:   "reply [FILE|-]",
		Short: "Draft the decline as a reply to the message you received",
		Long: `Read the message you are answering (the invitation, as your mail client
saves or pipes it; - or no FILE reads stdin) and draft the decline as a
reply in its thread: To from its Reply-To or From, "Re:" and its subject,
In-Reply-To and References. The sender's name is greeted. Company and
role come from the flags; in a terminal, the form suggests them from the
message (its Organization header or sender's domain, and its subject) for
you to confirm, never silently. Every flag of decline draft works; the
format is eml unless --format says otherwise.

The message is untrusted: its header values pass the rules typed input
passes, and none of it is quoted into the letter.`,
		Example: `  decline reply invitation.eml --reason accepted-offer --name "Sam Lee" | msmtp -t
  decline reply invitation.eml --company Acme --role SRE --save-draft ~/Mail/Drafts
  mutt: macro pager D "<pipe-message>decline reply - --company Acme --role SRE > /tmp/decline.eml<enter><shell-escape>mutt -H /tmp/decline.eml<enter>"`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return &usageError{err: fmt.Errorf("%s takes one message, but was given %d", cmd.CommandPath(), len(args)), hint: "reply to one message at a time"}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.given = cmd.Flags().Changed
			file := "-"
			if len(args) == 1 {
				file = args[0]
			}
			m, err := readIncoming(opts.IO.In, file)
			if err != nil {
				return err
			}
			opts.incoming = m
			if file == "-" {
				// The message took stdin: the form, if any, reads the
				// terminal itself.
				opts.IO = opts.IO.WithoutStdin()
			}
			if runF != nil {
				return runF(opts)
			}
			return runDraft(opts)
		},
	}
	draftFlags(cmd.Flags(), opts, "eml")
	return cmd
}

// readIncoming reads the message being answered.
func readIncoming(stdin io.Reader, file string) (*mail.Incoming, error) {
	name, r := "stdin", stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, &usageError{err: fmt.Errorf("reading %s: %w", file, pathError(err)), hint: "give the message as your mail client saved it (.eml), or - to read it from stdin"}
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
			return nil, &usageError{err: fmt.Errorf("%s is not a regular file", file), hint: "give the message as a file, or pipe it to decline reply -"}
		}
		name, r = file, f
	}
	m, err := mail.ReadIncoming(r)
	if err != nil {
		return nil, &usageError{err: fmt.Errorf("the message in %s: %w", name, err), hint: "give the message you received as your mail client saves it (.eml), headers and all"}
	}
	return m, nil
}

// answerIncoming fills what the message answered says of the answers the
// flags did not give: whom to write to and whom to greet. Company and
// role are only suggested, for the form to ask: never filled silently.
func (opts *DraftOptions) answerIncoming(a *answers.Answers, asking bool) {
	m := opts.incoming
	if !opts.given("to") {
		a.To = mail.Display(m.Recipient())
	}
	if !opts.given("contact") && m.From.Name != "" && strings.ContainsFunc(m.From.Name, func(r rune) bool { return r != ' ' }) {
		a.Contact = m.From.Name
	}
	if !asking {
		return
	}
	if strings.TrimSpace(a.Company) == "" {
		a.Company = m.SuggestCompany()
	}
	if strings.TrimSpace(a.Role) == "" {
		a.Role = m.SuggestRole()
	}
}

// suggestions adds what the message suggests to the hint of missing
// answers, so that a script sees it and decides.
func (opts *DraftOptions) suggestions(err error) error {
	var missing *letter.MissingError
	if opts.incoming == nil || !errors.As(err, &missing) {
		return err
	}
	var flags []string
	if c := opts.incoming.SuggestCompany(); c != "" {
		flags = append(flags, fmt.Sprintf("--company %q", c))
	}
	if r := opts.incoming.SuggestRole(); r != "" {
		flags = append(flags, fmt.Sprintf("--role %q", r))
	}
	if flags == nil {
		return err
	}
	return &keptError{err: err, kept: "the message suggests " + strings.Join(flags, " ") + "; give them if they are right"}
}

// thread makes the draft a reply to the message it answers.
func (opts *DraftOptions) thread(d *compose.Draft) {
	if opts.incoming == nil {
		return
	}
	t := opts.incoming.Thread
	d.Thread = &t
	if s := mail.ReplySubject(t.Subject); s != "" {
		d.Subject = s
	}
}

// draftSink returns where --save-draft saves the draft: a Maildir, given
// or in the settings, or the settings' draft_command. A folder that is
// not a Maildir is bad usage, said before anything is drafted.
func draftSink(cfg *config.Config, dir string, runner sink.Runner, ctx context.Context) (sink.Sink, error) {
	if dir == fromSettings {
		switch {
		case cfg.Drafts != "":
			dir = cfg.Drafts
		case cfg.DraftCommand != "":
			return sink.Command{Runner: runner, Line: cfg.DraftCommand, Timeout: desktop.DefaultTimeout, Context: ctx,
				Done: "gave the draft to " + cfg.DraftCommand}, nil
		default:
			return nil, &usageError{err: errors.New("--save-draft names no folder, and the settings name no drafts folder or draft_command"),
				hint: "give the Maildir: --save-draft=~/Mail/Drafts, or set drafts or draft_command in the config file"}
		}
	}
	if rest, ok := strings.CutPrefix(dir, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			dir = filepath.Join(home, rest)
		}
	}
	// Any other failure to make the folder is the hand-off's: the draft
	// then falls back to stdout.
	m := sink.Maildir{Dir: dir}
	if err := m.Prepare(); errors.Is(err, sink.ErrNotMaildir) {
		return nil, &usageError{err: err, hint: "give a Maildir folder (with cur, new and tmp), or an empty or new one for decline to make"}
	}
	return m, nil
}

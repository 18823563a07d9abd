package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/decline-cli/decline/internal/input"
	"github.com/decline-cli/decline/internal/iostreams"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
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
	IO        *iostreams.IOStreams
	Now       func() time.Time
	Random    func() uint64
	Templates fs.FS

	Fields        letter.Fields
	InterviewDate string
	From, To      string
	Format        string
}

func newDraftCmd(env *Env, runF func(*DraftOptions) error) *cobra.Command {
	opts := &DraftOptions{IO: env.IO, Now: env.Now, Random: env.Random, Templates: env.Templates}
	cmd := &cobra.Command{
		Use:   "draft",
		Short: "Draft the email that declines an interview (the default command)",
		Long:  "Draft the email that declines a job interview, from flags.\n\n" + draftHelp(),
		Example: `  decline --company "Acme Corp" --role "Data Engineer" --reason accepted-offer --name "Sam Lee"
  decline draft --company Acme --role SRE --contact "Ms. Rivera" --to rivera@acme.example \
    --from "Sam Lee <sam@example.org>" --reason staying --tone warm \
    --interview-date 2026-12-03 --format eml | msmtp -t
  decline ... --format body | mail -s "$(decline ... --format subject)" rivera@acme.example`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runDraft(opts)
		},
	}
	f := cmd.Flags()
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
	f.StringVar(&opts.Format, "format", "text", "what to print: "+strings.Join(letter.Keys(formats), ", "))
	f.SortFlags = false
	return cmd
}

// draftHelp describes the letters and the values of the flags that take
// one of a fixed set, for the help of decline and decline draft.
func draftHelp() string {
	return `Every letter thanks them for the invitation and their time, states the
decision in its first paragraph, gives at most a brief, tactful reason,
says it is telling them promptly so they can move on to other candidates,
and keeps the door open unless --keep-in-touch=false.

Reasons (--reason):
` + optionList(letter.Reasons) + `
Tones (--tone):
` + optionList(letter.Tones) + `
Formats (--format):
` + optionList(formats) + `
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
	fields, from, to, err := opts.parse()
	if err != nil {
		return err
	}
	templates, err := letter.Open(opts.Templates)
	if err != nil {
		return err
	}
	t, err := templates.Lookup(language, kind, fields.Tone)
	if err != nil {
		return err
	}
	draft, err := t.Render(fields)
	if err != nil {
		return err
	}
	if d := fields.InterviewDate; d != nil && d.String() < opts.Now().Format(letter.DateLayout) {
		warn(opts.IO.ErrOut, "the interview date %s has passed; check --interview-date", d)
	}
	if opts.Format == "eml" && to == nil {
		warn(opts.IO.ErrOut, "the message has no recipient: msmtp -t, sendmail -t and mutt refuse it; give --to")
	}

	// The whole output is built before any of it is written, so that an
	// error never leaves half a draft behind.
	var out bytes.Buffer
	switch opts.Format {
	case "text":
		fmt.Fprintf(&out, "Subject: %s\n\n%s", draft.Subject, draft.Body)
	case "subject":
		fmt.Fprintln(&out, draft.Subject)
	case "body":
		out.WriteString(draft.Body)
	case "mailto":
		fmt.Fprintln(&out, mail.Mailto(to, draft.Subject, draft.Body))
	case "json":
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(jsonDraft{Subject: draft.Subject, Body: draft.Body, Fields: jsonFields{fields, mail.Display(from), mail.Display(to)}})
	case "eml":
		m := &mail.Message{From: from, To: to, Subject: draft.Subject, Body: draft.Body, Date: opts.Now(), MessageID: mail.NewMessageID(opts.Random, from)}
		_, err = m.WriteTo(&out)
	default:
		err = errors.New("no writer for this format") // formats and this switch disagree
	}
	if err != nil {
		return fmt.Errorf("writing the %s draft: %w", opts.Format, err)
	}
	if _, err := opts.IO.Out.Write(out.Bytes()); err != nil {
		return fmt.Errorf("writing the draft: %w", err)
	}
	return nil
}

// parse checks the options and returns the letter's fields and addresses,
// or every problem found.
func (opts *DraftOptions) parse() (letter.Fields, *mail.Address, *mail.Address, error) {
	var problems []error
	address := func(field, value string) *mail.Address {
		if value == "" {
			return nil
		}
		a, err := mail.ParseAddress(value)
		var p *input.Problem
		switch {
		case errors.As(err, &p):
			problems = append(problems, &letter.FieldError{Field: field, Problem: p.What, Hint: p.Hint})
		case err != nil:
			problems = append(problems, &letter.FieldError{Field: field, Problem: err.Error()})
		}
		return a
	}
	from, to := address("from", opts.From), address("to", opts.To)

	f := opts.Fields
	if f.Name == "" && from != nil {
		f.Name = from.Name
	}
	if opts.InterviewDate != "" {
		d, err := letter.ParseDate(opts.InterviewDate)
		if err != nil {
			problems = append(problems, err)
		}
		f.InterviewDate = d
	}
	opts.Format = strings.ToLower(opts.Format)
	if err := letter.Lookup("format", formats, opts.Format); err != nil {
		problems = append(problems, err)
	}
	// Clean's problems come first: they start with what is missing.
	problems = append(unjoin(f.Clean()), problems...)
	if from != nil && from.Name == "" {
		from.Name = f.Name
	}
	return f, from, to, errors.Join(problems...)
}

// jsonDraft is the json format.
type jsonDraft struct {
	Subject string     `json:"subject"`
	Body    string     `json:"body"`
	Fields  jsonFields `json:"fields"`
}

type jsonFields struct {
	letter.Fields
	From string `json:"from"`
	To   string `json:"to"`
}

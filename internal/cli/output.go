package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/internal/input"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
	"github.com/decline-cli/decline/internal/state"
)

// composed is a draft ready to leave: the letter, what it was written
// from, and its text form, which is what is kept and edited.
type composed struct {
	letter.Draft
	fields   letter.Fields
	from, to *mail.Address
	text     string
}

// draft checks the answers, renders the letter and keeps it, with the
// answers, in the state directory.
func (opts *DraftOptions) draft(a state.Answers, date string) (*composed, error) {
	fields, from, to, err := opts.validate(a, date)
	if err != nil {
		return nil, err
	}
	t, err := opts.template(fields.Tone)
	if err != nil {
		return nil, err
	}
	d, err := t.Render(fields)
	var fe *letter.FieldError
	switch {
	case err != nil && opts.Template != "" && !errors.As(err, &fe):
		return nil, &usageError{err: err, hint: "fix the template; 'decline templates vars' lists the fields it can use"}
	case err != nil:
		return nil, err
	}
	// The user's own words are theirs: checked, and warned about, never
	// rewritten.
	if fields.ReasonText != "" {
		for _, f := range check.Text(fields.ReasonText, 1) {
			warn(opts.IO.ErrOut, "%s--reason-text: %s", opts.where, f.String())
		}
	}
	// A day's grace: it is yesterday somewhere on Earth, and this spares
	// a run reading the local time zone.
	if d := fields.InterviewDate; d != nil && d.String() < opts.Now().UTC().AddDate(0, 0, -1).Format(letter.DateLayout) {
		warn(opts.IO.ErrOut, "%sthe interview date %s has passed; check --interview-date", opts.where, d)
	}
	if opts.Format == "eml" && to == nil {
		warn(opts.IO.ErrOut, "%sthe message has no recipient: msmtp -t, sendmail -t and mutt refuse it; give --to", opts.where)
	}
	c := &composed{Draft: d, fields: fields, from: from, to: to, text: textFormat(d)}
	if opts.keeping {
		a.Fields = fields
		opts.keep(a, c)
	}
	return c, nil
}

// template returns the template the letter is written with: the user's,
// with --template, else the built-in one of the tone.
func (opts *DraftOptions) template(tone string) (*letter.Template, error) {
	if opts.Template != "" {
		s, err := opts.findTemplate(opts.Template)
		if err != nil {
			return nil, err
		}
		return s.parse()
	}
	templates, err := letter.Open(opts.Templates)
	if err != nil {
		return nil, err
	}
	return templates.Lookup(language, kind, tone)
}

// keep saves the answers and the draft, so that --retry and --last find
// them. Failing to is worth a warning, not a failure: the draft is still
// on its way.
func (opts *DraftOptions) keep(a state.Answers, c *composed) {
	if err := opts.Store.SaveAnswers(a); err != nil {
		warn(opts.IO.ErrOut, "could not keep your answers: %v", err)
	}
	if _, err := opts.Store.SaveDraft(c.text); err != nil {
		warn(opts.IO.ErrOut, "could not keep the draft: %v", err)
	}
}

// validate checks the answers and returns the letter's fields and
// addresses, or every problem found.
func (opts *DraftOptions) validate(a state.Answers, date string) (letter.Fields, *mail.Address, *mail.Address, error) {
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

	f := a.Fields
	f.Name = signature(f.Name, from)
	f.InterviewDate = nil
	if date = strings.TrimSpace(date); date != "" {
		d, err := letter.ParseDate(date)
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

// textFormat returns a draft in the text format.
func textFormat(d letter.Draft) string {
	return "Subject: " + d.Subject + "\n\n" + d.Body
}

// parseText reads a draft in the text format, as the user may have
// edited it: an optional "Subject:" line and a blank line, then the body.
func parseText(text string) (letter.Draft, error) {
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

// format returns the draft in the format asked for.
func (opts *DraftOptions) format(c *composed) ([]byte, error) {
	var out bytes.Buffer
	var err error
	switch opts.Format {
	case "text":
		out.WriteString(textFormat(c.Draft))
	case "subject":
		fmt.Fprintln(&out, c.Subject)
	case "body":
		out.WriteString(c.Body)
	case "mailto":
		fmt.Fprintln(&out, mail.Mailto(c.to, c.Subject, c.Body))
	case "json":
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(jsonDraft{Subject: c.Subject, Body: c.Body, Fields: jsonFields{c.fields, mail.Display(c.from), mail.Display(c.to)}})
	case "eml":
		// The Date is in UTC: mail programs show it in the reader's time
		// zone, and the sender's is nobody's business.
		m := &mail.Message{From: c.from, To: c.to, Subject: c.Subject, Body: c.Body, Date: opts.Now().UTC(), MessageID: mail.NewMessageID(opts.Random, c.from)}
		_, err = m.WriteTo(&out)
	default:
		err = errors.New("no writer for this format") // formats and this switch disagree
	}
	if err != nil {
		return nil, fmt.Errorf("writing the %s draft: %w", opts.Format, err)
	}
	return out.Bytes(), nil
}

// print writes the draft on stdout, whole or not at all.
func (opts *DraftOptions) print(c *composed) error {
	out, err := opts.format(c)
	if err != nil {
		return err
	}
	if _, err := opts.IO.Out.Write(out); err != nil {
		return fmt.Errorf("writing the draft: %w", err)
	}
	return nil
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

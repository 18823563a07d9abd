// Package format turns a draft into the bytes of one of the forms decline
// prints: text, a mail message, a mailto: link, JSON, an mbox entry. The
// mail forms themselves (RFC 5322, 2047, 6068) are package mail's.
package format

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/decline-cli/decline/internal/compose"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
)

// Draft are the forms decline draft prints, for --format.
var Draft = []letter.Option{
	{Key: "text", Description: "a Subject: line, a blank line, then the body (the default)"},
	{Key: "eml", Description: "an RFC 5322 message for msmtp -t, sendmail -t or mutt -H"},
	{Key: "subject", Description: "the subject line alone"},
	{Key: "body", Description: "the body alone"},
	{Key: "json", Description: "the subject, the body and the fields used, for scripts"},
	{Key: "mailto", Description: "a mailto: link (RFC 6068) for a mail client"},
}

// Batch are the forms a letter of a batch can take in its own file.
var Batch = []letter.Option{
	{Key: "eml", Description: "an RFC 5322 message (the default)"},
	{Key: "text", Description: "a Subject: line, a blank line, then the body"},
	{Key: "json", Description: "the subject, the body and the fields used"},
}

// Ext returns the file name extension of a form, for a letter in a file.
func Ext(key string) string {
	switch key {
	case "eml":
		return ".eml"
	case "json":
		return ".json"
	}
	return ".txt"
}

// A Stamp is what a message gets at the moment it is written: its date,
// and randomness for its identifier.
type Stamp struct {
	Now    func() time.Time
	Random func() uint64 // unique, not secret, message IDs
	Unsent bool          // a draft to finish in a mail client (X-Unsent: 1)
}

// Write returns the draft in the form key: one of Draft's, or "mbox", an
// eml message framed for an mbox file.
func (s Stamp) Write(key string, d compose.Draft) ([]byte, error) {
	var out bytes.Buffer
	var err error
	switch key {
	case "text":
		out.WriteString(d.Text())
	case "subject":
		fmt.Fprintln(&out, d.Subject)
	case "body":
		out.WriteString(d.Body)
	case "mailto":
		fmt.Fprintln(&out, mail.Mailto(d.To, d.Subject, d.Body))
	case "json":
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(jsonDraft{Subject: d.Subject, Body: d.Body, Fields: jsonFields{d.Fields, mail.Display(d.From), mail.Display(d.To)}})
	case "eml", "mbox":
		// The Date is in UTC: mail programs show it in the reader's time
		// zone, and the sender's is nobody's business.
		now := s.Now().UTC()
		m := &mail.Message{From: d.From, To: d.To, Subject: d.Subject, Body: d.Body, Date: now, MessageID: mail.NewMessageID(s.Random, d.From), Unsent: s.Unsent}
		if t := d.Thread; t != nil {
			m.InReplyTo, m.References = t.MessageID, t.References
		}
		if key == "mbox" {
			err = mail.WriteMbox(&out, m)
		} else {
			_, err = m.WriteTo(&out)
		}
	default:
		err = fmt.Errorf("no form %q", key)
	}
	if err != nil {
		return nil, fmt.Errorf("writing the %s draft: %w", key, err)
	}
	return out.Bytes(), nil
}

// Warnings returns what is worth saying about a draft in the form key
// before it leaves.
func Warnings(key string, d compose.Draft) []compose.Warning {
	switch {
	case (key == "eml" || key == "mbox") && d.To == nil:
		return []compose.Warning{{Field: "to", Message: "the message has no recipient: msmtp -t, sendmail -t and mutt refuse it", Action: "give"}}
	case key == "mailto":
		if n := len(mail.Mailto(d.To, d.Subject, d.Body)); n > mail.MaxMailto {
			return []compose.Warning{{Field: "format", Message: fmt.Sprintf("the mailto: link is %d characters, and many mail clients cut links over %d; --copy or --format eml keep the whole letter", n, mail.MaxMailto), Action: "check"}}
		}
	}
	return nil
}

// jsonDraft is the json form.
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

package mail

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"unicode"

	gomessage "github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"

	"github.com/decline-cli/decline/internal/input"
)

// MaxIncoming is the largest message decline reads to answer: an
// invitation with its thread fits many times over.
const MaxIncoming = 1 << 20

// maxReferences is how many message IDs a reply's References keeps: the
// first of the thread and the latest, as RFC 5322 suggests trimming.
const maxReferences = 20

// A Thread is what a reply takes from the message it answers.
type Thread struct {
	MessageID  string   // theirs, without angle brackets; "" when it had none
	References []string // the thread's, then their Message-ID
	Subject    string   // theirs, decoded and made safe; may be ""
}

// An Incoming is a message being answered, read as untrusted text: every
// value in it has passed the rules typed input passes, or was left out.
type Incoming struct {
	From, ReplyTo *Address
	Organization  string
	Thread
}

// Recipient returns whom a reply goes to: Reply-To, else From.
func (m *Incoming) Recipient() *Address {
	if m.ReplyTo != nil {
		return m.ReplyTo
	}
	return m.From
}

// ReadIncoming reads the message a decline answers, as a mail client
// saves or pipes it (RFC 5322, encoded headers and multipart included).
// Its errors say what is wrong with the message; nothing of it reaches a
// header unchecked.
func ReadIncoming(r io.Reader) (*Incoming, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxIncoming+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxIncoming {
		return nil, fmt.Errorf("the message is more than %d bytes: an invitation is a page", MaxIncoming)
	}
	e, err := gomessage.Read(bytes.NewReader(data))
	if err != nil && !gomessage.IsUnknownCharset(err) && !gomessage.IsUnknownEncoding(err) {
		return nil, errors.New("it is not a mail message: its header does not parse")
	}
	h := gomail.Header{Header: e.Header}
	if !h.Has("From") {
		return nil, errors.New("it has no From header: it is not a mail message, or not the whole of one")
	}
	m := &Incoming{}
	if m.From, err = headerAddress(h, "From"); err != nil {
		return nil, err
	}
	if m.From == nil {
		return nil, errors.New("its From header holds no address to reply to")
	}
	if h.Has("Reply-To") {
		if m.ReplyTo, err = headerAddress(h, "Reply-To"); err != nil {
			return nil, err
		}
	}
	subject, _ := h.Subject() // a subject that does not decode is left as it came
	m.Subject = safeText(subject, 300)
	m.Organization = safeText(h.Get("Organization"), 100)
	if ids, err := h.MsgIDList("Message-Id"); err == nil && len(ids) == 1 && validID(ids[0]) {
		m.MessageID = ids[0]
	}
	if ids, err := h.MsgIDList("References"); err == nil {
		for _, id := range ids {
			if validID(id) {
				m.References = append(m.References, id)
			}
		}
	}
	if m.MessageID != "" {
		m.References = append(m.References, m.MessageID)
	}
	if n := len(m.References); n > maxReferences {
		m.References = append(m.References[:1:1], m.References[n-maxReferences+1:]...)
	}
	return m, nil
}

// headerAddress reads the one address of a header, by the rules typed
// addresses pass.
func headerAddress(h gomail.Header, field string) (*Address, error) {
	list, err := h.AddressList(field)
	switch {
	case err != nil:
		return nil, fmt.Errorf("its %s header is not an address: %w", field, err)
	case len(list) == 0:
		return nil, nil
	case len(list) > 1:
		return nil, fmt.Errorf("its %s header holds %d addresses; decline replies to one", field, len(list))
	}
	a, err := ParseAddress(Display(list[0]))
	if err != nil {
		return nil, fmt.Errorf("its %s header: the address %w", field, err)
	}
	return a, nil
}

// safeText makes a header's text safe to show and to write into a
// header: line breaks and tabs become spaces, invisible and control
// characters go, an encoded word's "=?" is parted, and it is cut at a
// word to at most limit characters.
func safeText(s string, limit int) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case input.Unsafe(r):
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "")), " ")
	s = strings.ReplaceAll(s, "=?", "= ?")
	if words := strings.Fields(s); len([]rune(s)) > limit {
		s = ""
		for _, w := range words {
			if len([]rune(s))+1+len([]rune(w)) > limit {
				break
			}
			s = strings.TrimSpace(s + " " + w)
		}
	}
	return s
}

// validID reports whether id can be a message identifier in a header as
// it is: printable ASCII, one "@", no brackets or spaces.
func validID(id string) bool {
	if len(id) > 250 || strings.Count(id, "@") != 1 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// ReplySubject returns the subject of a reply: theirs, with one "Re:".
func ReplySubject(theirs string) string {
	s := strings.TrimSpace(theirs)
	for trimmed := true; trimmed; {
		trimmed = false
		for _, prefix := range []string{"re:", "aw:", "sv:"} {
			if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
				s, trimmed = strings.TrimSpace(s[len(prefix):]), true
			}
		}
	}
	if s == "" {
		return ""
	}
	return "Re: " + s
}

// genericDomains are the mail providers and recruiting systems whose
// domain says nothing of the company writing.
var genericDomains = []string{"gmail", "googlemail", "outlook", "hotmail", "live", "yahoo", "icloud", "me", "proton", "protonmail", "aol", "gmx", "mail",
	"linkedin", "greenhouse", "lever", "workday", "myworkday", "smartrecruiters", "ashbyhq", "icims", "jobvite", "taleo", "bamboohr", "teamtailor", "recruitee", "workable"}

// SuggestCompany suggests the company a message comes from: its
// Organization header, else the name in its sender's domain (jobs@acme.com
// suggests Acme), or "".
func (m *Incoming) SuggestCompany() string {
	if m.Organization != "" {
		return m.Organization
	}
	_, domain, _ := strings.Cut(m.From.Address, "@")
	labels := strings.Split(strings.ToLower(domain), ".")
	if len(labels) < 2 {
		return ""
	}
	name := labels[len(labels)-2]
	if len(labels) >= 3 && len(name) <= 3 && (name == "co" || name == "com" || name == "ac" || name == "org") {
		name = labels[len(labels)-3] // acme.co.uk
	}
	for _, g := range genericDomains {
		if name == g {
			return ""
		}
	}
	if name == "" || !input.HasLetterOrDigit(name) {
		return ""
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// rolePattern finds a role in a subject: "Interview for the Data Engineer
// position", "Data Engineer interview at Acme", "Your application: SRE".
var rolePattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:re:\s*)*(?:(?:invitation to |your )?(?:interview|application|candidacy|opportunity)(?: invitation)?\s*(?:for|:|-|–)\s*(?:the |a |an )?(?P<a>.+?)(?:\s+(?:position|role|vacancy))?(?:\s+(?:at|with)\s+.+)?|(?P<b>.+?)\s+(?:interview|position|role)(?:\s+(?:at|with)\s+.+)?)$`)
})

// SuggestRole suggests the role a message is about, from its subject, or "".
func (m *Incoming) SuggestRole() string {
	match := rolePattern().FindStringSubmatch(m.Subject)
	if match == nil {
		return ""
	}
	role := strings.TrimSpace(match[1] + match[2])
	if len(role) > 100 || strings.Count(role, " ") > 8 {
		return ""
	}
	return role
}

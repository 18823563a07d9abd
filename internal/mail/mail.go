// Package mail writes drafts in the forms mail programs take: RFC 5322
// messages for sendmail-like programs (msmtp -t, mutt -H), and mailto:
// links (RFC 6068) for whatever mail client the system opens.
package mail

import (
	"bytes"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	netmail "net/mail"
	"strings"
	"time"
	"unicode/utf8"

	gomail "github.com/emersion/go-message/mail"

	"github.com/decline-cli/decline/internal/input"
)

// An Address is a mailbox: an optional display name and an address.
type Address = netmail.Address

// maxAddress is the longest address accepted with its display name, in
// characters.
const maxAddress = 400

// ParseAddress reads one address such as "sam@example.org" or
// "Sam Lee <sam@example.org>". It refuses lists, groups, and anything that
// could smuggle a line break, a control character or another recipient
// into a header; its errors are *input.Problem values.
func ParseAddress(s string) (*Address, error) {
	s, err := input.Line(s, maxAddress)
	if err != nil {
		return nil, err
	}
	a, err := netmail.ParseAddress(s)
	if err != nil {
		if list, listErr := netmail.ParseAddressList(s); listErr == nil && len(list) > 1 {
			return nil, &input.Problem{What: fmt.Sprintf("holds %d addresses", len(list)), Hint: "give a single address"}
		}
		return nil, &input.Problem{What: fmt.Sprintf("%s is not an email address", input.Quote(s)), Hint: "write it like sam@example.org or \"Sam Lee <sam@example.org>\""}
	}
	// Mail programs and servers take ASCII addresses of RFC 5321's size;
	// a longer one would also be folded across header lines.
	local, _, _ := strings.Cut(a.Address, "@")
	for i := 0; i < len(a.Address); i++ {
		if a.Address[i] >= utf8.RuneSelf {
			return nil, &input.Problem{What: fmt.Sprintf("%s is not an ASCII address", input.Quote(a.Address)), Hint: "write a domain with accents in its ASCII form (xn--...), as your mail provider shows it"}
		}
	}
	if len(local) > 64 || len(a.Address) > 254 {
		return nil, &input.Problem{What: fmt.Sprintf("%s is longer than mail allows (64 characters before the @, 254 in all)", input.Quote(a.Address)), Hint: "check the address"}
	}
	// net/mail decodes encoded words in names, which may hide anything.
	if a.Name, err = input.Line(a.Name, maxAddress); err != nil {
		var p *input.Problem
		if !errors.As(err, &p) {
			return nil, err
		}
		return nil, &input.Problem{What: "has a name that " + p.What, Hint: p.Hint}
	}
	return a, nil
}

// Display returns a as people write it, "Name <address>", with the name
// in plain UTF-8 (RFC 6532) rather than encoded, quoted where RFC 5322
// needs it.
func Display(a *Address) string {
	switch {
	case a == nil:
		return ""
	case a.Name == "":
		return a.Address
	}
	name := a.Name
	if strings.ContainsAny(name, `()<>[]:;@\,."`) {
		name = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
	}
	return name + " <" + a.Address + ">"
}

// A Message is a plain-text mail message.
type Message struct {
	From, To  *Address // nil when not known
	Subject   string   // one line, without space around it
	Body      string   // lines ending in "\n"
	Date      time.Time
	MessageID string // without angle brackets; see NewMessageID
	// InReplyTo and References thread a reply (without angle brackets).
	InReplyTo  string
	References []string
	// Unsent marks a draft saved to be finished in a mail client
	// (X-Unsent: 1, which Outlook opens as a draft).
	Unsent bool
}

// WriteTo writes m as an RFC 5322 message with LF line ends, as
// sendmail-like programs read on their standard input: headers with
// non-ASCII text encoded (RFC 2047), and a quoted-printable UTF-8 body, so
// no line is longer than 76 characters. It refuses a message whose text
// could change its headers or carry control characters.
func (m *Message) WriteTo(w io.Writer) (int64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	// go-message writes fields in the reverse order they are added; add
	// them backwards so they read in the usual order, Date first.
	var h gomail.Header
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	h.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
	h.Set("MIME-Version", "1.0")
	if m.Unsent {
		h.Set("X-Unsent", "1")
	}
	if len(m.References) > 0 {
		h.SetMsgIDList("References", m.References)
	}
	if m.InReplyTo != "" {
		h.SetMsgIDList("In-Reply-To", []string{m.InReplyTo})
	}
	h.SetMessageID(m.MessageID)
	if isASCII(m.Subject) {
		h.SetSubject(m.Subject)
	} else {
		h.AddRaw([]byte("Subject: " + foldEncoded(m.Subject, len("Subject: ")) + "\r\n"))
	}
	if m.To != nil {
		h.SetAddressList("To", []*Address{m.To})
	}
	if m.From != nil {
		h.SetAddressList("From", []*Address{m.From})
	}
	h.SetDate(m.Date)

	var b bytes.Buffer
	body, err := gomail.CreateSingleInlineWriter(&b, h)
	if err != nil {
		return 0, fmt.Errorf("writing message header: %w", err)
	}
	if _, err := io.WriteString(body, m.Body); err != nil {
		return 0, fmt.Errorf("writing message body: %w", err)
	}
	if err := body.Close(); err != nil {
		return 0, fmt.Errorf("writing message body: %w", err)
	}
	// The writer ends lines with CRLF, as on the wire; local programs and
	// files take LF. No CR can come from m: check refuses it.
	n, err := w.Write(bytes.ReplaceAll(b.Bytes(), []byte("\r\n"), []byte("\n")))
	return int64(n), err
}

// maxHeaderLine is the longest line of a header decline writes, as RFC
// 5322 recommends; encoded words are at most 75 characters (RFC 2047).
const (
	maxHeaderLine  = 78
	maxEncodedWord = 75
)

// foldEncoded encodes text, which holds non-ASCII characters, as RFC 2047
// encoded words, each on a line of at most maxHeaderLine characters after
// the first line's field name (of width start): a Japanese subject is
// several short lines, not one of 185 characters. Text mostly outside
// ASCII is encoded in base64 (B), which is shorter for it; the rest as
// quoted-printable (Q), which mail read raw still shows. Words are cut
// between characters, never inside one, and decoders join adjacent
// encoded words without the folding white space between them.
func foldEncoded(text string, start int) string {
	n := 0
	for _, r := range text {
		if r >= utf8.RuneSelf {
			n++
		}
	}
	encode := qWord
	if 2*n > utf8.RuneCountInString(text) {
		encode = bWord
	}
	var lines []string
	budget := min(maxHeaderLine-start, maxEncodedWord)
	for text != "" {
		// The longest run of whole characters whose encoded word fits.
		end := 0
		for i, r := range text {
			next := i + utf8.RuneLen(r)
			if len(encode(text[:next])) > budget {
				break
			}
			end = next
		}
		if end == 0 { // a character takes at most 4 bytes: it always fits
			_, end = utf8.DecodeRuneInString(text)
		}
		lines = append(lines, encode(text[:end]))
		text = text[end:]
		budget = min(maxHeaderLine-1, maxEncodedWord)
	}
	return strings.Join(lines, "\r\n ")
}

// bWord and qWord encode s as one encoded word, ASCII or not: the mime
// package leaves ASCII text as it is, which between encoded words would
// bring back the white space that folding adds.
func bWord(s string) string {
	return "=?utf-8?b?" + base64.StdEncoding.EncodeToString([]byte(s)) + "?="
}

func qWord(s string) string {
	var b strings.Builder
	b.WriteString("=?utf-8?q?")
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			b.WriteByte('_')
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("!*+-/", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "=%02X", c)
		}
	}
	b.WriteString("?=")
	return b.String()
}

func isASCII(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) < 0
}

// check refuses text that would not come out of the message as it went in.
func (m *Message) check() error {
	for _, a := range []*Address{m.From, m.To} {
		if a == nil {
			continue
		}
		if err := checkText(a.Name + a.Address); err != nil {
			return fmt.Errorf("address %q %w", a.Address, err)
		}
	}
	// Headers are folded at spaces, and unfolding turns each fold back
	// into one space: only a tidy line comes back as it went in, and only
	// if no word is too long to fit on a line of its own.
	if strings.Contains(m.Subject, "\n") || strings.Contains(m.Subject, "  ") || strings.TrimSpace(m.Subject) != m.Subject {
		return errors.New("subject is not one tidy line")
	}
	for _, word := range strings.Fields(m.Subject) {
		if len(word) > maxWord {
			return fmt.Errorf("subject has a word of %d bytes, more than the %d a header line holds", len(word), maxWord)
		}
	}
	if err := checkText(m.Subject); err != nil {
		return fmt.Errorf("subject %w", err)
	}
	if strings.Contains(m.Subject, "=?") {
		return errors.New("subject contains an encoded word")
	}
	if err := checkText(strings.ReplaceAll(m.Body, "\n", "")); err != nil {
		return fmt.Errorf("body %w", err)
	}
	for _, id := range append([]string{m.InReplyTo}, m.References...) {
		if id != "" && !validID(id) {
			return fmt.Errorf("message ID %q cannot go in a header", id)
		}
	}
	return nil
}

// maxWord is the longest word a header can carry unbroken: a line of 998
// bytes, less the field's name.
const maxWord = 998 - len("Subject: ")

func checkText(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("is not valid UTF-8")
	}
	if i := strings.IndexFunc(s, input.Unsafe); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Errorf("contains a control character (%U)", r)
	}
	return nil
}

// NewMessageID returns a unique message identifier, without angle
// brackets, made of 128 bits from random and the domain of from. Without
// a usable sender domain it uses "decline.invalid" rather than the
// machine's name, which is nobody's business.
func NewMessageID(random func() uint64, from *Address) string {
	var id [16]byte
	binary.BigEndian.PutUint64(id[:8], random())
	binary.BigEndian.PutUint64(id[8:], random())
	domain := "decline.invalid"
	if from != nil {
		if _, d, ok := strings.Cut(from.Address, "@"); ok && isDotAtom(d) {
			domain = d
		}
	}
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(id[:])) + "@" + domain
}

// isDotAtom reports whether s can be the right-hand side of a message
// identifier as is: ASCII letters, digits and hyphens, in dotted labels.
func isDotAtom(s string) bool {
	for _, label := range strings.Split(s, ".") {
		if label == "" {
			return false
		}
		for _, c := range []byte(label) {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// Mailto returns a mailto: link (RFC 6068) that opens a message to to (if
// not nil) with subject and body, lines ending in CRLF as the RFC asks.
// Every character but the unreserved ones of RFC 3986 is percent-encoded,
// so no part of the text can add a header field or another recipient; in
// the address, the delimiters RFC 6068 allows there ("@", "+", "!", "$",
// "'", "*", "(" and ")") stay as they are, since some mail clients (aerc
// among them) do not decode "%2B" in an address.
func Mailto(to *Address, subject, body string) string {
	var b strings.Builder
	b.WriteString("mailto:")
	if to != nil {
		b.WriteString(escape(to.Address, "-._~@+!$'*()"))
	}
	b.WriteString("?subject=")
	b.WriteString(escape(subject, "-._~"))
	b.WriteString("&body=")
	b.WriteString(escape(strings.ReplaceAll(body, "\n", "\r\n"), "-._~"))
	return b.String()
}

// MaxMailto is the longest mailto: link that mail clients and opener
// programs take whole: many cut longer ones.
const MaxMailto = 2000

// escape percent-encodes every byte of s but ASCII letters, digits and
// those in keep.
func escape(s, keep string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for _, c := range []byte(s) {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// WriteMbox writes m as one message of an mbox file (mboxrd): a "From "
// line with the sender and the date, the message with every body line
// that starts with "From ", after any ">", quoted with one more ">", and
// a blank line. The message is written whole, in one Write, or not at
// all, so that a full disk never leaves half a message.
func WriteMbox(w io.Writer, m *Message) error {
	var eml bytes.Buffer
	if _, err := m.WriteTo(&eml); err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "From %s %s\n", mboxSender(m.From), m.Date.UTC().Format(time.ANSIC))
	for _, line := range bytes.SplitAfter(eml.Bytes(), []byte("\n")) {
		if bytes.HasPrefix(bytes.TrimLeft(line, ">"), []byte("From ")) {
			b.WriteByte('>')
		}
		b.Write(line)
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// mboxSender returns the address for an mbox "From " line, which mail
// readers split at spaces: a quoted local part ("sam lee"@example.org)
// would break it, so such an address, or none, is written as "decline":
// the separator names who wrote the entry, not who receives replies.
func mboxSender(from *Address) string {
	if from == nil || strings.ContainsAny(from.Address, " \t\"\\") {
		return "decline"
	}
	return from.Address
}

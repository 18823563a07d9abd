package mail

import (
	"bytes"
	"io"
	"mime"
	"mime/quotedprintable"
	netmail "net/mail"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/decline-cli/decline/internal/golden"
	"github.com/decline-cli/decline/internal/input"
)

var date = time.Date(2026, 11, 27, 9, 30, 0, 0, time.FixedZone("CET", 3600))

func counter() func() uint64 {
	var n uint64
	return func() uint64 { n++; return n }
}

// reread parses an eml with the standard library, which shares no code
// with the writer, and returns its header and decoded body, failing t on
// anything a strict reader would refuse.
func reread(t *testing.T, eml []byte) (netmail.Header, string) {
	t.Helper()
	if bytes.Contains(eml, []byte("\r")) {
		t.Errorf("message has a CR: want LF line ends")
	}
	for i, line := range bytes.Split(eml, []byte("\n")) {
		if len(line) > 998 {
			t.Errorf("line %d is %d bytes long", i+1, len(line))
		}
	}
	m, err := netmail.ReadMessage(bytes.NewReader(eml))
	if err != nil {
		t.Fatalf("re-reading the message: %v\n%s", err, eml)
	}
	if got := m.Header.Get("Content-Transfer-Encoding"); got != "quoted-printable" {
		t.Fatalf("got Content-Transfer-Encoding %q, want quoted-printable", got)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(m.Body))
	if err != nil {
		t.Fatalf("decoding the body: %v", err)
	}
	return m.Header, string(bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")))
}

// decode decodes a header's encoded words.
func decode(t *testing.T, h netmail.Header, key string) string {
	t.Helper()
	s, err := new(mime.WordDecoder).DecodeHeader(h.Get(key))
	if err != nil {
		t.Fatalf("decoding %s: %v", key, err)
	}
	return s
}

func TestWriteToRereadsExactly(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		from, to              string
		subject, body, golden string
	}{{
		name:    "ascii",
		from:    "Sam Lee <sam@example.org>",
		to:      "Ms. Rivera <rivera@acme.example>",
		subject: "Declining the interview for the SRE position at Acme",
		body:    "Dear Ms. Rivera,\n\nThank you = for everything, with a line long enough that quoted-printable has to break it somewhere.\n\nKind regards,\nSam Lee\n",
		golden:  "ascii.eml",
	}, {
		name:    "non-ascii",
		from:    "Zoë Ünal <zoe@example.org>",
		to:      "田中 <tanaka@test.example>",
		subject: "Declining the interview at 株式会社テスト, with thanks 🙏",
		body:    "Dear 田中,\n\nCafé e\u0301cole 株式会社テスト.\n\nZoë\n",
		golden:  "utf8.eml",
	}, {
		name:    "specials",
		from:    `"Lee, Sam (Dr.)" <sam@example.org>`,
		to:      "rivera@acme.example",
		subject: `A "B" <c@d>, (e); f:g ~ # From . =`,
		body:    ".\nFrom here\n~r /etc/passwd\n",
	}, {
		name:    "no addresses",
		subject: "Declining the interview",
		body:    "Hello,\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			m := &Message{Subject: tc.subject, Body: tc.body, Date: date, MessageID: NewMessageID(counter(), nil)}
			want := []string{"Date", "Subject", "Message-Id", "Mime-Version", "Content-Type", "Content-Transfer-Encoding"}
			if tc.from != "" {
				m.From = mustParse(t, tc.from)
				want = append(want, "From")
			}
			if tc.to != "" {
				m.To = mustParse(t, tc.to)
				want = append(want, "To")
			}
			var b bytes.Buffer
			if _, err := m.WriteTo(&b); err != nil {
				t.Fatal(err)
			}
			h, body := reread(t, b.Bytes())

			var keys []string
			for k, v := range h {
				keys = append(keys, k)
				if len(v) != 1 {
					t.Errorf("%s appears %d times", k, len(v))
				}
			}
			slices.Sort(keys)
			slices.Sort(want)
			if !slices.Equal(keys, want) {
				t.Errorf("got header fields %v, want %v", keys, want)
			}
			if got := decode(t, h, "Subject"); got != tc.subject {
				t.Errorf("got subject %q, want %q", got, tc.subject)
			}
			if body != tc.body {
				t.Errorf("got body %q, want %q", body, tc.body)
			}
			for key, want := range map[string]*Address{"From": m.From, "To": m.To} {
				if want == nil {
					continue
				}
				got, err := h.AddressList(key)
				if err != nil || len(got) != 1 || *got[0] != *want {
					t.Errorf("got %s %v (%v), want exactly %v", key, got, err, want)
				}
			}
			if got, _ := h.Date(); !got.Equal(date) {
				t.Errorf("got Date %v, want %v", got, date)
			}
			if got := h.Get("Content-Type"); got != "text/plain; charset=utf-8" {
				t.Errorf("got Content-Type %q", got)
			}
			if tc.golden != "" {
				golden.Check(t, "../../testdata/golden/mail/"+tc.golden, b.Bytes())
			}
		})
	}
}

func mustParse(t *testing.T, s string) *Address {
	t.Helper()
	a, err := ParseAddress(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestWriteToRefuses(t *testing.T) {
	for name, m := range map[string]*Message{
		"subject with a newline":       {Subject: "Hi\nBcc: evil@example.net", Body: "x\n"},
		"subject with an escape":       {Subject: "Hi\x1b[2J", Body: "x\n"},
		"subject with an encoded word": {Subject: "=?utf-8?q?Bcc=3A_evil?=", Body: "x\n"},
		"body with a CR":               {Subject: "Hi", Body: "x\r\n.\r\n"},
		"body with an escape":          {Subject: "Hi", Body: "x\x1b]52;c;ZXZpbA==\a\n"},
		"body with invalid UTF-8":      {Subject: "Hi", Body: "x\xff\n"},
		"name with a newline":          {Subject: "Hi", Body: "x\n", To: &Address{Name: "A\nBcc: evil@example.net", Address: "a@example.org"}},
	} {
		if _, err := m.WriteTo(io.Discard); err == nil {
			t.Errorf("%s: got no error", name)
		}
	}
}

func TestParseAddress(t *testing.T) {
	for in, want := range map[string]Address{
		"rivera@acme.example":                 {Address: "rivera@acme.example"},
		"  Ms. Rivera <rivera@acme.example> ": {Name: "Ms. Rivera", Address: "rivera@acme.example"},
		`"Lee, Sam" <sam@example.org>`:        {Name: "Lee, Sam", Address: "sam@example.org"},
		"Zoë <zoe@example.org>":               {Name: "Zoë", Address: "zoe@example.org"},
		"<sam@example.org>":                   {Address: "sam@example.org"},
		"sam@example.org (Sam Lee)":           {Name: "Sam Lee", Address: "sam@example.org"},
	} {
		got, err := ParseAddress(in)
		if err != nil || *got != want {
			t.Errorf("ParseAddress(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for in, problem := range map[string]string{
		"a@example.org, b@example.org":               "holds 2 addresses",
		"a@example.org\r\nBcc: evil@example.net":     "line break",
		"a@example.org\nBcc: evil@example.net":       "line break",
		"Undisclosed: a@example.org, b@example.org;": "holds 2 addresses",
		"Sam Lee":                         "not an email address",
		"sam@":                            "not an email address",
		"<a@example.org> <b@example.org>": "not an email address",
		"=?utf-8?q?Bcc=3A_evil?= <a@example.org>": "encoded word",
		"\x1b[31mSam\x1b[0m <a@example.org>":      "control character",
		"Sam \u202e <a@example.org>":              "control character",
		strings.Repeat("a", 500) + "@example.org": "characters long",
	} {
		_, err := ParseAddress(in)
		p, ok := err.(*input.Problem)
		if !ok || !strings.Contains(p.What, problem) || p.Hint == "" {
			t.Errorf("ParseAddress(%q): got %v, want a problem that %s, with a hint", in, err, problem)
		}
	}
}

func TestDisplay(t *testing.T) {
	for _, tc := range []struct {
		a    *Address
		want string
	}{
		{nil, ""},
		{&Address{Address: "a@example.org"}, "a@example.org"},
		{&Address{Name: "Zoë Ünal", Address: "zoe@example.org"}, "Zoë Ünal <zoe@example.org>"},
		{&Address{Name: `Lee, "Sam"`, Address: "sam@example.org"}, `"Lee, \"Sam\"" <sam@example.org>`},
	} {
		got := Display(tc.a)
		if got != tc.want {
			t.Errorf("Display(%v) = %q, want %q", tc.a, got, tc.want)
		}
		if tc.a != nil {
			if back, err := netmail.ParseAddress(got); err != nil || *back != *tc.a {
				t.Errorf("Display(%v) = %q, which reads back as %v, %v", tc.a, got, back, err)
			}
		}
	}
}

func TestNewMessageID(t *testing.T) {
	random := counter()
	a := NewMessageID(random, &Address{Address: "sam@example.org"})
	b := NewMessageID(random, &Address{Address: "sam@[192.0.2.1]"})
	if !strings.HasSuffix(a, "@example.org") || !strings.HasSuffix(b, "@decline.invalid") || a[:26] == b[:26] {
		t.Errorf("got %q and %q, want distinct IDs at example.org and decline.invalid", a, b)
	}
}

func TestMailto(t *testing.T) {
	to := &Address{Name: "Ms. Rivera", Address: "rivera+jobs@acme.example"}
	subject := "Declining & thanks? #1 = 100% 株式"
	body := "Dear Ms. Rivera,\n\nA&bcc=evil@example.net?cc=x#frag %0A\n"
	link := Mailto(to, subject, body)
	golden.Check(t, "../../testdata/golden/mail/example.mailto", []byte(link+"\n"))
	checkMailto(t, link, to, subject, body)
	if !strings.Contains(link, "%0D%0A") || !strings.Contains(link, "%20") {
		t.Errorf("line breaks or spaces not escaped as RFC 6068 asks: %s", link)
	}
	if got := Mailto(nil, "S", "B"); got != "mailto:?subject=S&body=B" {
		t.Errorf("got %q for no recipient", got)
	}
}

// checkMailto checks that link holds nothing but unreserved characters,
// percent escapes and the delimiters RFC 6068 allows in an address, and
// parses back to the one recipient and exactly the
// subject and body given.
func checkMailto(t *testing.T, link string, to *Address, subject, body string) {
	t.Helper()
	address, _, _ := strings.Cut(link, "?")
	for i, c := range []byte(link) {
		allowed := "-._~%@:?=&"
		if i < len(address) {
			allowed += "+!$'*()"
		}
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(allowed, c) >= 0) {
			t.Fatalf("link holds %q: %s", c, link)
		}
	}
	if strings.Count(link, "?") != 1 || strings.Count(link, "&") != 1 {
		t.Errorf("link has extra fields: %s", link)
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := url.PathUnescape(u.Opaque)
	if u.Scheme != "mailto" || to != nil && got != to.Address || to == nil && got != "" {
		t.Errorf("got recipient %q, want %v", got, to)
	}
	if len(q) != 2 || q.Get("subject") != subject || q.Get("body") != strings.ReplaceAll(body, "\n", "\r\n") {
		t.Errorf("got fields %q, want exactly subject %q and body %q", q, subject, body)
	}
}

// FuzzMessage holds the eml writer to its promises, whatever the text: a
// message it writes re-reads with exactly the intended header fields and
// recipient, the same subject and body, no control characters after
// decoding, and no line over 998 bytes; or it refuses to write it.
func FuzzMessage(f *testing.F) {
	f.Add("Sam Lee <sam@example.org>", "rivera@acme.example", "Declining the interview", "Dear Ms. Rivera,\n\nThanks.\n")
	f.Add("Zoë <zoe@example.org>", "田中 <t@test.example>", "株式会社テスト 🙏", "e\u0301cole\n")
	f.Add("a@b.example", "Acme\nBcc: evil@example.net", "Acme\r\nBcc: evil@example.net", "x\r\n.\r\n")
	f.Add("=?utf-8?q?x?= <a@b.example>", "a@b.example, c@d.example", "=?utf-8?b?QmNjOg==?=", "\x1b]52;c;ZXZpbA==\a")
	f.Add(`"A \"B\" <c@d>, (e); f:g" <a@b.example>`, "<a@b.example>", strings.Repeat("long ", 400), strings.Repeat("x", 2000)+"\n")
	f.Add("a@b.example", strings.Repeat("𝕏", 99)+" <"+strings.Repeat("x", 64)+"@"+strings.Repeat("y", 180)+".example>", strings.Repeat("*", 1000), "x\n")
	f.Fuzz(func(t *testing.T, from, to, subject, body string) {
		m := &Message{Subject: subject, Body: body, Date: date, MessageID: NewMessageID(counter(), nil)}
		var err error
		if from != "" {
			if m.From, err = ParseAddress(from); err != nil {
				return
			}
		}
		if to != "" {
			if m.To, err = ParseAddress(to); err != nil {
				return
			}
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			return
		}
		h, gotBody := reread(t, b.Bytes())
		if gotBody != body {
			t.Errorf("got body %q, want %q", gotBody, body)
		}
		if got := decode(t, h, "Subject"); got != subject {
			t.Errorf("got subject %q, want %q", got, subject)
		}
		recipients := 0
		for _, key := range []string{"To", "Cc", "Bcc"} {
			list, _ := h.AddressList(key)
			recipients += len(list)
		}
		if m.To != nil && recipients != 1 || m.To == nil && recipients != 0 {
			t.Errorf("got %d recipients, want exactly the one given (%v)", recipients, m.To)
		}
		if len(h) != 6+btoi(m.From != nil)+btoi(m.To != nil) {
			t.Errorf("got header fields %v", h)
		}
		for _, key := range []string{"From", "To", "Subject"} {
			if s := decode(t, h, key); strings.IndexFunc(s, input.Unsafe) >= 0 || !utf8.ValidString(s) {
				t.Errorf("%s decodes to %q, with a control character", key, s)
			}
		}
		if strings.IndexFunc(strings.ReplaceAll(gotBody, "\n", ""), input.Unsafe) >= 0 {
			t.Errorf("body decodes to %q, with a control character", gotBody)
		}
	})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FuzzMailto holds the mailto writer to the promises checkMailto checks,
// whatever the text.
func FuzzMailto(f *testing.F) {
	f.Add("rivera@acme.example", "Declining & thanks?", "Dear Ms. Rivera,\n\nA&bcc=evil@example.net#x\n")
	f.Add("a+b@example.org", "株式 %0A", "\r\n\x00")
	f.Fuzz(func(t *testing.T, to, subject, body string) {
		var a *Address
		if to != "" {
			var err error
			if a, err = ParseAddress(to); err != nil {
				return
			}
		}
		checkMailto(t, Mailto(a, subject, body), a, subject, body)
	})
}

// Subjects with characters outside ASCII are encoded (RFC 2047) and
// folded to lines of at most 78 characters, and decode back whole: a
// Japanese subject was one line of 185 characters.
func TestSubjectEncodedAndFolded(t *testing.T) {
	for _, subject := range []string{
		"面接辞退のご連絡（アレックス・リベラ）株式会社アクメ データエンジニア職 東京本社 採用ご担当者様",
		"Absage Vorstellungsgespräch am Donnerstag, 3. Dezember – Data Engineer – Alex Rivera",
		"Candidature au poste de Data Engineer\u00a0: désistement",
		"Declining the SRE interview at Ünïcödé",
	} {
		var b strings.Builder
		m := &Message{Subject: subject, Body: "x\n", MessageID: "a@example.org"}
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(b.String(), "\n\n")
		for _, line := range strings.Split(header, "\n") {
			if len(line) > 78 {
				t.Errorf("%q: a header line of %d characters: %q", subject, len(line), line)
			}
		}
		msg, err := netmail.ReadMessage(strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		got, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if err != nil || got != subject {
			t.Errorf("the subject decodes to %q (%v), want %q", got, err, subject)
		}
	}
}

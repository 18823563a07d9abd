package mailclients

import (
	"bytes"
	"fmt"
	"net/mail"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/decline-cli/decline/internal/input"
)

// hostile are values an attacker, a bad paste or a careless script may
// put in any answer.
var hostile = []string{
	"Acme\nBcc: evil@example.net",
	"Acme\r\nBcc: evil@example.net",
	"Acme\rBcc: evil@example.net",
	"Acme\n\nbody",
	"Acme\n Bcc: evil@example.net",
	"Acme\x00",
	"\x1b[31mAcme\x1b[0m",
	"Acme\x1b]52;c;ZXZpbA==\a",                            // OSC 52: write the clipboard
	"\x1b]8;;http://evil.example\x1b\\Acme\x1b]8;;\x1b\\", // OSC 8: a link
	"\x1b]2;pwned\a",                                      // OSC 2: the window title
	"Acme\u009b31m",                                       // C1 CSI
	"Acme\a\a",
	"Acme\b\b\b\bEvil",
	"Acme\u202egnp.exe",
	"Ac\u200bme",
	"Acme\u2028Bcc: evil@example.net",
	"Acme\u0085Bcc: evil@example.net",
	"=?utf-8?q?Acme=0ABcc=3A_evil=40example.net?=",
	`A "B" <c@d>, (e); f:g`,
	"Acme&bcc=evil@example.net",
	"~! touch pwned",
	"~r /etc/passwd",
	".",
	"From here",
	"#attach /etc/passwd",
	"{{.Name}}{{template \"body\" .}}",
	strings.Repeat("x", 2000),
	strings.Repeat("株", 2000),
	"Acme\xff\xfe",
	"",
	"   ",
}

// hostileAddresses are values for --from and --to.
var hostileAddresses = []string{
	"a@example.org, evil@example.net",
	"a@example.org\r\nBcc: evil@example.net",
	"a@example.org\nBcc: evil@example.net",
	"Evil <evil@example.net>\r\nBcc: x@example.net",
	"Undisclosed: a@example.org, evil@example.net;",
	"<a@example.org>",
	`"a@example.org" <evil@example.net>`,
	`"Lee, Sam" <a@example.org>`,
	"=?utf-8?q?Evil=0D=0ABcc=3A_x=40y?= <a@example.org>",
	"\x1b[2Ja@example.org",
	strings.Repeat("a", 300) + "@example.org",
	"a@example.org%0ABcc:evil@example.net",
	"",
}

// TestHostileInput feeds every hostile value into every answer and
// address, and holds decline to its promise: a clear exit-2 error with
// nothing on stdout, or a letter that adds no header or recipient, carries
// no control character once decoded, keeps every line within 998 bytes,
// and, sent through the real mail programs, reaches the intended
// recipient alone, as drafted, without a command run or a file attached.
func TestHostileInput(t *testing.T) {
	base := map[string]string{"company": "Acme", "role": "SRE", "name": "Sam Lee", "to": "rivera@acme.example", "from": "sam@example.org"}
	type trial struct{ flag, value string }
	var trials []trial
	for _, flag := range []string{"company", "role", "contact", "name", "refer", "reason-text"} {
		for _, v := range hostile {
			trials = append(trials, trial{flag, v})
		}
	}
	for _, flag := range []string{"to", "from"} {
		for _, v := range hostileAddresses {
			trials = append(trials, trial{flag, v})
		}
	}

	s := startSink(t)
	sent := 0
	for i, tr := range trials {
		t.Run(fmt.Sprintf("%d-%s", i, tr.flag), func(t *testing.T) {
			values := map[string]string{tr.flag: tr.value}
			for k, v := range base {
				if _, ok := values[k]; !ok {
					values[k] = v
				}
			}
			var args []string
			for k, v := range values {
				args = append(args, "--"+k, v)
			}
			eml, errOut, status := draft(append(args, "--format", "eml")...)
			switch status {
			case 2:
				if eml != "" || !strings.HasPrefix(errOut, "decline: error: ") {
					t.Errorf("%s=%q: exit 2 with stdout %q, stderr %q; want a clear error alone", tr.flag, tr.value, eml, errOut)
				}
				checkPrintable(t, "stderr", errOut)
				return
			case 0:
			default:
				t.Fatalf("%s=%q: exit %d: %s", tr.flag, tr.value, status, errOut)
			}

			to := ""
			if values["to"] != "" {
				a, err := mail.ParseAddress(values["to"])
				if err != nil {
					t.Fatalf("%s=%q: drafted for a --to that does not parse: %v", tr.flag, tr.value, err)
				}
				to = a.Address
			}
			checkMessage(t, []byte(eml), to, values["from"] != "")
			if to == "" {
				return // no recipient: mail programs refuse it, as TestNoRecipientIsRefused shows
			}
			d := letter(t, args...)
			for _, sender := range []emlSender{sender("msmtp -t"), sender("mutt -H draft.eml")} {
				if !installed(sender.program) {
					continue
				}
				dir := t.TempDir()
				if out, status := sender.send(t, s, dir, []byte(eml)); status != 0 {
					t.Fatalf("%s=%q: %s: exit %d: %s", tr.flag, tr.value, sender.recipe, status, out)
				}
				checkArrival(t, s.next(t), d, to)
				s.none(t)
				if pwned(dir) {
					t.Errorf("%s=%q: %s ran a command from the letter", tr.flag, tr.value, sender.recipe)
				}
				sent++
			}
			if installed("s-nail") {
				dir := t.TempDir()
				if out, status := mailx(t, s, dir, d, to); status != 0 {
					t.Fatalf("%s=%q: s-nail: exit %d: %s", tr.flag, tr.value, status, out)
				}
				checkArrival(t, s.next(t), d, to)
				s.none(t)
				if pwned(dir) {
					t.Errorf("%s=%q: s-nail ran a command from the letter", tr.flag, tr.value)
				}
				sent++
			}
		})
	}
	t.Logf("%d trials, %d messages sent through real clients", len(trials), sent)
}

// checkMessage checks an eml as decline wrote it: exactly the intended
// header fields, the one recipient (none when to is empty), a sender when
// hasFrom, no control character once decoded, and no line over 998 bytes.
func checkMessage(t *testing.T, eml []byte, to string, hasFrom bool) {
	t.Helper()
	for i, line := range bytes.Split(eml, []byte("\n")) {
		if len(line) > 998 {
			t.Errorf("line %d is %d bytes long", i+1, len(line))
		}
	}
	m := read(t, eml)
	var keys []string
	for k := range m.header {
		keys = append(keys, k)
	}
	if want := 6 + btoi(to != "") + btoi(hasFrom); len(keys) != want {
		t.Errorf("got header fields %q, want Date, Subject, Message-Id, Mime-Version, Content-Type, Content-Transfer-Encoding, and From and To when given", keys)
	}
	list, err := m.header.AddressList("To")
	if to != "" && (err != nil || len(list) != 1 || list[0].Address != to) || to == "" && len(list) != 0 {
		t.Errorf("got To %v (%v), want %q alone", list, err, to)
	}
	from, err := m.header.AddressList("From")
	if hasFrom && (err != nil || len(from) != 1) || !hasFrom && len(from) != 0 {
		t.Errorf("got From %v (%v), want one address if given", from, err)
	}
	checkPrintable(t, "subject", m.subject)
	checkPrintable(t, "body", strings.ReplaceAll(m.body, "\n", ""))
	for _, a := range append(list, from...) {
		checkPrintable(t, "address", a.Name+a.Address)
	}
}

// checkPrintable fails t if s holds a control or invisible character, or
// is not UTF-8: what a terminal could take for an escape sequence.
func checkPrintable(t *testing.T, what, s string) {
	t.Helper()
	if i := strings.IndexFunc(strings.ReplaceAll(s, "\n", ""), input.Unsafe); i >= 0 || !utf8.ValidString(s) {
		t.Errorf("%s holds a control character or is not UTF-8: %q", what, s)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func installed(program string) bool {
	_, err := exec.LookPath(program)
	return err == nil
}

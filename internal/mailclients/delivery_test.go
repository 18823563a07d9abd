package mailclients

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/decline-cli/decline/internal/cli"
	"github.com/decline-cli/decline/internal/iostreams"
	"github.com/decline-cli/decline/templates"

	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
)

// letters are answers in the scripts and forms that mail must carry
// intact: ASCII, Latin accents, Japanese, combining accents and emoji.
var letters = map[string][]string{
	"ascii":     {"--company", "Acme Corp", "--role", "Data Engineer", "--contact", "Ms. Rivera", "--from", "Sam Lee <sam@example.org>", "--reason", "staying"},
	"latin":     {"--company", "Café Zoë", "--role", "Ingénieure", "--contact", "Zoë", "--from", "Zoë Ünal <zoe@example.org>", "--tone", "warm"},
	"japanese":  {"--company", "株式会社テスト", "--role", "データエンジニア", "--contact", "田中様", "--from", "山田 太郎 <taro@example.jp>", "--tone", "brief"},
	"combining": {"--company", "E\u0301cole Normale", "--role", "Chercheur", "--name", "Rene\u0301e", "--from", "renee@example.org", "--refer", "Noe\u0308l"},
	"emoji":     {"--company", "Pizza 🍕 Labs", "--role", "SRE 🚀", "--name", "Sam 🙂", "--from", "sam@example.org", "--reason-text", "I am taking a year off to travel 🌍"},
}

const to = "rivera@acme.example"

func TestLettersArriveAsDrafted(t *testing.T) {
	for _, sender := range emlSenders {
		t.Run(sender.recipe, func(t *testing.T) {
			need(t, sender.program, sender.pkg)
			s := startSink(t)
			for name, args := range letters {
				t.Run(name, func(t *testing.T) {
					args := append(args, "--to", to)
					eml, errOut, status := draft(append(args, "--format", "eml")...)
					if status != 0 {
						t.Fatalf("exit %d: %s", status, errOut)
					}
					dir := t.TempDir()
					if out, status := sender.send(t, s, dir, []byte(eml)); status != 0 {
						t.Fatalf("%s: exit %d: %s", sender.recipe, status, out)
					}
					d := letter(t, args...)
					d.Body += sender.adds
					checkArrival(t, s.next(t), d, to)
					s.none(t)
				})
			}
		})
	}
}

// mutt and neomutt rewrite the Date of a draft they send (it is the time
// of sending that counts), and keep its Message-ID.
func TestMuttKeepsMessageIDAndRewritesDate(t *testing.T) {
	for _, sender := range []emlSender{sender("mutt -H draft.eml"), sender("echo | neomutt -H draft.eml")} {
		t.Run(sender.recipe, func(t *testing.T) {
			need(t, sender.program, sender.pkg)
			s := startSink(t)
			ios, _, out, _ := iostreams.Test()
			env := &cli.Env{IO: ios, Now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) },
				Random: func() uint64 { return 7 }, Templates: templates.FS, Getenv: func(string) string { return "" }, StateDir: t.TempDir()}
			cli.Run(env, append(letters["ascii"], "--to", to, "--format", "eml"))
			eml := read(t, out.Bytes())
			if output, status := sender.send(t, s, t.TempDir(), out.Bytes()); status != 0 {
				t.Fatalf("exit %d: %s", status, output)
			}
			sent := read(t, s.next(t).data)
			if got, want := sent.header.Get("Message-Id"), eml.header.Get("Message-Id"); got != want {
				t.Errorf("got Message-ID %q, want %q kept", got, want)
			}
			if got := sent.header.Get("Date"); got == eml.header.Get("Date") {
				t.Errorf("got Date %q kept; mutt is known to rewrite it", got)
			}
		})
	}
}

// msmtp and mutt refuse a message with no recipient; decline warns first.
func TestNoRecipientIsRefused(t *testing.T) {
	eml, errOut, status := draft(append(letters["ascii"], "--format", "eml")...)
	if status != 0 || !strings.Contains(errOut, "the message has no recipient") {
		t.Fatalf("got exit %d and stderr %q, want a draft and a warning", status, errOut)
	}
	for _, tc := range []struct {
		sender emlSender
		status int
	}{{sender("msmtp -t"), 64}, {sender("mutt -H draft.eml"), 1}} {
		t.Run(tc.sender.recipe, func(t *testing.T) {
			need(t, tc.sender.program, tc.sender.pkg)
			s := startSink(t)
			if out, status := tc.sender.send(t, s, t.TempDir(), []byte(eml)); status != tc.status {
				t.Errorf("got exit %d (%s), want %d", status, out, tc.status)
			}
			s.none(t)
		})
	}
}

// s-nail (mailx) takes the subject as an argument and the body on stdin:
// decline ... --format body | mail -s "$(decline ... --format subject)" addr
func TestMailxSendsSubjectAndBody(t *testing.T) {
	need(t, "s-nail", "s-nail")
	s := startSink(t)
	for name, args := range letters {
		t.Run(name, func(t *testing.T) {
			subject, _, _ := draft(append(args, "--format", "subject")...)
			body, _, _ := draft(append(args, "--format", "body")...)
			d := drafted{Subject: strings.TrimSuffix(subject, "\n"), Body: body}
			if d != letter(t, args...) {
				t.Fatalf("--format subject and body disagree with the letter")
			}
			if out, status := mailx(t, s, t.TempDir(), d, to); status != 0 {
				t.Fatalf("s-nail: exit %d: %s", status, out)
			}
			checkArrival(t, s.next(t), d, to)
			s.none(t)
		})
	}
}

// mailx sends a letter with s-nail, the subject as an argument and the
// body on stdin, to the sink.
func mailx(t *testing.T, s *sink, dir string, d drafted, to string) (string, int) {
	return run(t, dir, []byte(d.Body), "s-nail", "-:/", "-S", "v15-compat", "-S", "mta=smtp://127.0.0.1:"+s.port(),
		"-S", "smtp-auth=none", "-S", "from=sender@example.org", "-S", "ttycharset=utf-8", "-s", d.Subject, to)
}

// mblaze reads the message decline writes to the same text.
func TestMblazeDecodes(t *testing.T) {
	need(t, "mshow", "mblaze")
	for name, args := range letters {
		t.Run(name, func(t *testing.T) {
			eml, _, _ := draft(append(args, "--to", to, "--format", "eml")...)
			d := letter(t, args...)
			dir := t.TempDir()
			file := writeFile(t, dir, "draft.eml", []byte(eml))
			if subject, _ := run(t, dir, nil, "mhdr", "-d", "-h", "subject", file); subject != d.Subject+"\n" {
				t.Errorf("mhdr -d -h subject: got %q, want %q", subject, d.Subject)
			}
			shown, status := run(t, dir, nil, "mshow", file)
			_, body, ok := strings.Cut(shown, " ---\n")
			if status != 0 || !ok || strings.TrimSuffix(body, "\n") != strings.TrimSuffix(d.Body, "\n") {
				t.Errorf("mshow: got\n%s\nwant the body\n%s", shown, d.Body)
			}
		})
	}
}

// pwned reports whether a client ran a command smuggled into the letter,
// which would have created a file named pwned in dir.
func pwned(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "pwned"))
	return err == nil
}

package mailclients

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	netmail "net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/decline-cli/decline/internal/cli"
	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/iostreams"
	"github.com/decline-cli/decline/templates"
)

// stateDir is where the in-process runs of decline keep their drafts.
var stateDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "decline-delivery-test-")
	if err != nil {
		panic(err)
	}
	stateDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// need returns the path of a program, or skips t saying which Debian
// package provides it.
func need(t *testing.T, program, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err != nil {
		// sendmail lives in /usr/sbin, which may not be on a user's PATH.
		if path, err = exec.LookPath(filepath.Join("/usr/sbin", program)); err != nil {
			t.Skipf("%s is not installed (Debian package %s; CI installs it)", program, pkg)
		}
	}
	return path
}

// run runs a program in dir, which is also its HOME, with a UTF-8 locale
// and stdin, and returns what it printed and its exit status.
func run(t *testing.T, dir string, stdin []byte, program string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(program, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "MAILRC=/dev/null", "NAILRC=/dev/null")
	cmd.Stdin = bytes.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s: %v", program, err)
	}
	return string(out), 0
}

// writeFile writes a file in dir, readable only by its owner (msmtp
// refuses a configuration others can read), and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// An emlSender sends a message that decline printed with --format eml, the
// way its README recipe does, and returns the program's output and exit
// status.
type emlSender struct {
	recipe       string // how README says to run it
	program, pkg string
	send         func(t *testing.T, s *sink, dir string, eml []byte) (string, int)
	adds         string // what the program adds at the end of the body
}

// sender returns the emlSender of a recipe.
func sender(recipe string) emlSender {
	for _, s := range emlSenders {
		if s.recipe == recipe {
			return s
		}
	}
	panic("no sender for " + recipe)
}

var emlSenders = []emlSender{
	{"msmtp -t", "msmtp", "msmtp", func(t *testing.T, s *sink, dir string, eml []byte) (string, int) {
		return run(t, dir, eml, "msmtp", "-C", msmtprc(t, s, dir), "-t")
	}, ""},
	// sendmail as Debian's msmtp-mta provides it: msmtp under that name,
	// which takes msmtp's -C. Another sendmail reads -C differently.
	{"sendmail -t -i", "sendmail", "msmtp-mta", func(t *testing.T, s *sink, dir string, eml []byte) (string, int) {
		path := need(t, "sendmail", "msmtp-mta")
		if target, _ := filepath.EvalSymlinks(path); !strings.Contains(filepath.Base(target), "msmtp") {
			t.Skipf("%s is not msmtp's sendmail (Debian package msmtp-mta)", path)
		}
		return run(t, dir, eml, path, "-C", msmtprc(t, s, dir), "-t", "-i")
	}, ""},
	{"mutt -H draft.eml", "mutt", "mutt", func(t *testing.T, s *sink, dir string, eml []byte) (string, int) {
		return run(t, dir, nil, "mutt", "-n", "-F", muttrc(t, s, dir), "-H", writeFile(t, dir, "draft.eml", eml))
	}, ""},
	// mutt reads the draft from its standard input with -H -.
	{"mutt -H -", "mutt", "mutt", func(t *testing.T, s *sink, dir string, eml []byte) (string, int) {
		return run(t, dir, eml, "mutt", "-n", "-F", muttrc(t, s, dir), "-H", "-")
	}, ""},
	// Debian's neomutt (2022) refuses to send in batch mode unless its
	// standard input has a line, and adds that line to the body.
	{"echo | neomutt -H draft.eml", "neomutt", "neomutt", func(t *testing.T, s *sink, dir string, eml []byte) (string, int) {
		return run(t, dir, []byte("\n"), "neomutt", "-n", "-F", muttrc(t, s, dir), "-H", writeFile(t, dir, "draft.eml", eml))
	}, "\n"},
}

// msmtprc writes a configuration that makes msmtp send to the sink.
func msmtprc(t *testing.T, s *sink, dir string) string {
	return writeFile(t, dir, "msmtprc", fmt.Appendf(nil,
		"account default\nhost 127.0.0.1\nport %s\nfrom sender@example.org\nauth off\ntls off\nsyslog off\n", s.port()))
}

// muttrc writes a configuration that makes mutt and neomutt send to the
// sink, keep no copy, and write UTF-8.
func muttrc(t *testing.T, s *sink, dir string) string {
	return writeFile(t, dir, "muttrc", fmt.Appendf(nil, `set smtp_url="smtp://127.0.0.1:%s/"
set ssl_starttls=no
set ssl_force_tls=no
set from="sender@example.org"
set use_from=yes
set charset="utf-8"
set send_charset="utf-8"
set record=""
set folder="%s"
`, s.port(), dir))
}

// draft runs decline with args, in process, and returns what it printed on
// stdout and stderr and its exit status.
func draft(args ...string) (stdout, stderr string, status int) {
	ios, _, out, errOut := iostreams.Test()
	env := &cli.Env{IO: ios, Now: time.Now, Random: func() uint64 { return 42 }, Templates: templates.FS,
		Getenv: func(string) string { return "" }, StateDir: stateDir}
	status = cli.Run(env, args)
	return out.String(), errOut.String(), status
}

// draftWithConfig runs decline as draft does, with the config file at
// path.
func draftWithConfig(path string, args ...string) (stdout, stderr string, status int) {
	ios, _, out, errOut := iostreams.Test()
	env := &cli.Env{IO: ios, Now: time.Now, Random: func() uint64 { return 42 }, Templates: templates.FS,
		Getenv: func(string) string { return "" }, StateDir: stateDir, ConfigPath: path, Desktop: desktop.System}
	status = cli.Run(env, args)
	return out.String(), errOut.String(), status
}

// drafted is a letter as decline's json format gives it.
type drafted struct {
	Subject, Body string
}

// letter returns the subject and body decline drafts for args, failing t
// if it does not.
func letter(t *testing.T, args ...string) drafted {
	t.Helper()
	out, errOut, status := draft(append(args, "--format", "json")...)
	if status != 0 {
		t.Fatalf("decline %q: exit %d: %s", args, status, errOut)
	}
	var d drafted
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// received is a message as a reader sees it: its header, and its subject
// and body decoded (RFC 2047 words, transfer encoding, CRLF).
type received struct {
	header        netmail.Header
	subject, body string
}

// read decodes a message with the standard library alone, which shares no
// code with the writer. Anything but one UTF-8 or ASCII text part fails t.
func read(t *testing.T, data []byte) received {
	t.Helper()
	m, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("reading the message: %v\n%s", err, data)
	}
	contentType := m.Header.Get("Content-Type")
	if contentType == "" {
		contentType = "text/plain; charset=us-ascii" // RFC 2045's default
	}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil || mediaType != "text/plain" || !strings.EqualFold(params["charset"], "utf-8") && !strings.EqualFold(params["charset"], "us-ascii") {
		t.Fatalf("got Content-Type %q, want one text/plain part in UTF-8", m.Header.Get("Content-Type"))
	}
	var body io.Reader = m.Body
	switch cte := strings.ToLower(m.Header.Get("Content-Transfer-Encoding")); cte {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	case "", "7bit", "8bit":
	default:
		t.Fatalf("unknown Content-Transfer-Encoding %q", cte)
	}
	text, err := io.ReadAll(body)
	if err != nil {
		t.Fatalf("decoding the body: %v", err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatalf("decoding the subject: %v", err)
	}
	return received{header: m.Header, subject: subject, body: strings.ReplaceAll(string(text), "\r\n", "\n")}
}

// checkArrival checks that what arrived is the draft, sent to want alone.
func checkArrival(t *testing.T, a arrival, d drafted, want string) {
	t.Helper()
	if len(a.recipients) != 1 || a.recipients[0] != want {
		t.Errorf("got envelope recipients %q, want exactly %q", a.recipients, want)
	}
	m := read(t, a.data)
	if m.subject != d.Subject {
		t.Errorf("got subject %q, want %q", m.subject, d.Subject)
	}
	if m.body != d.Body {
		t.Errorf("got body\n%q\nwant\n%q", m.body, d.Body)
	}
	for _, key := range []string{"Cc", "Bcc"} {
		if v := m.header.Get(key); v != "" {
			t.Errorf("got %s: %s", key, v)
		}
	}
}

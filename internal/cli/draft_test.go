package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/format"
	"github.com/decline-cli/decline/internal/golden"
	"github.com/decline-cli/decline/internal/iostreams"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/templates"
)

// testEnv returns an Env with buffers for streams, a fixed clock,
// predictable message IDs, an empty environment, no config file, and a
// state directory of its own.
func testEnv(t testing.TB) (*Env, *bytes.Buffer, *bytes.Buffer) {
	ios, _, out, errOut := iostreams.Test()
	var n uint64
	dir := t.TempDir()
	return &Env{
		IO:         ios,
		Now:        func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) },
		Random:     func() uint64 { n++; return n },
		Templates:  templates.FS,
		Getenv:     func(string) string { return "" },
		ConfigPath: filepath.Join(dir, "config.toml"),
		StateDir:   filepath.Join(dir, "state"),
		Desktop:    desktop.Env{Getenv: func(string) string { return "" }, LookPath: func(string) (string, error) { return "", errors.New("not found") }},
	}, out, errOut
}

func TestDraftFlags(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want DraftOptions
	}{{
		name: "defaults",
		args: []string{"draft"},
		want: DraftOptions{Answers: answers.Answers{Kind: "interview", Reason: "unspecified", Tone: "formal", KeepInTouch: true}, Format: "text"},
	}, {
		name: "every flag",
		args: []string{"draft", "--company", "Acme", "--role", "SRE", "--contact", "Ms. Rivera", "--reason", "staying",
			"--reason-text", "Own words.", "--tone", "warm", "--interview-date", "2026-12-03", "--keep-in-touch=false",
			"--refer", "Jo", "--name", "Sam", "--from", "sam@example.org", "--to", "rivera@acme.example", "--format", "eml"},
		want: DraftOptions{
			Answers: answers.Answers{Kind: "interview", Company: "Acme", Role: "SRE", Contact: "Ms. Rivera", Reason: "staying", ReasonText: "Own words.",
				Tone: "warm", Refer: "Jo", Name: "Sam", InterviewDate: "2026-12-03", From: "sam@example.org", To: "rivera@acme.example"},
			Format: "eml",
		},
	}, {
		name: "kind and language",
		args: []string{"--kind", "interview", "--lang", "en-GB"},
		want: DraftOptions{Answers: answers.Answers{Kind: "interview", Lang: "en-GB", Reason: "unspecified", Tone: "formal", KeepInTouch: true}, Format: "text"},
	}, {
		name: "without the draft command",
		args: []string{"--company=Acme", "--role", "SRE"},
		want: DraftOptions{Answers: answers.Answers{Kind: "interview", Company: "Acme", Role: "SRE", Reason: "unspecified", Tone: "formal", KeepInTouch: true}, Format: "text"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			env, _, _ := testEnv(t)
			var got *DraftOptions
			runF := func(opts *DraftOptions) error { got = opts; return nil }
			root := newRootCmd(env, runF)
			root.SetArgs(tc.args)
			if err := root.Execute(); err != nil {
				t.Fatal(err)
			}
			if got.Answers != tc.want.Answers || got.Format != tc.want.Format {
				t.Errorf("got %+v\nwant %+v", *got, tc.want)
			}
		})
	}
}

// The letters themselves, kept as golden files: one for every tone and
// reason, and the other formats of one letter.
func TestDraftGolden(t *testing.T) {
	common := []string{"--company", "Acme Corp", "--role", "Data Engineer", "--contact", "Ms. Rivera",
		"--interview-date", "2026-12-03", "--name", "Sam Lee"}
	run := func(t *testing.T, args ...string) []byte {
		env, out, errOut := testEnv(t)
		if code := Run(env, append(common, args...)); code != 0 || errOut.Len() > 0 {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
		return out.Bytes()
	}
	// runKind allows the note a kind gives on stderr (rescind reminds the
	// user of the contract), and nothing else.
	runKind := func(t *testing.T, args ...string) []byte {
		env, out, errOut := testEnv(t)
		if code := Run(env, append(common, args...)); code != 0 || errOut.Len() > 0 && !strings.HasPrefix(errOut.String(), "decline: warning: before you send it, read the contract") {
			t.Fatalf("%q: exit %d, stderr %q", args, code, errOut)
		}
		return out.Bytes()
	}
	for _, tone := range letter.Keys(letter.Tones) {
		for _, reason := range letter.Keys(letter.Reasons) {
			golden.Check(t, "../../testdata/golden/letters/"+tone+"-"+reason+".txt", run(t, "--tone", tone, "--reason", reason))
		}
		golden.Check(t, "../../testdata/golden/letters/"+tone+"-own-reason-refer.txt",
			run(t, "--tone", tone, "--reason-text", "I have decided to return to university this autumn", "--refer", "Jordan Smith", "--keep-in-touch=false"))
	}
	// Every other kind of letter, in every tone and for each of its
	// reasons, with the option of its kind.
	kindOption := map[string][]string{"withdraw": {"--interview-date", "2026-12-08"}, "offer": nil,
		"rescind": {"--start-date", "2027-01-04", "--call"}, "outreach": {"--open-to", "staff platform roles"}}
	for _, kind := range letter.Kinds[1:] {
		for _, tone := range letter.Keys(letter.Tones) {
			for _, reason := range letter.Keys(kind.Reasons) {
				args := append([]string{"--kind", kind.Key, "--tone", tone, "--reason", reason}, kindOption[kind.Key]...)
				if kind.Key != "withdraw" {
					args = append(args, "--interview-date=") // common gives one; these kinds have none
				}
				golden.Check(t, "../../testdata/golden/letters/"+kind.Key+"/"+tone+"-"+reason+".txt", runKind(t, args...))
			}
		}
	}
	// British English, every tone and reason; and names too long for the
	// usual subject, with a comma in the title.
	for _, tone := range letter.Keys(letter.Tones) {
		for _, reason := range letter.Keys(letter.Reasons) {
			golden.Check(t, "../../testdata/golden/letters/en-GB/"+tone+"-"+reason+".txt", run(t, "--lang", "en-GB", "--tone", tone, "--reason", reason))
		}
		golden.Check(t, "../../testdata/golden/letters/long-names-"+tone+".txt", run(t, "--tone", tone, "--company", "The Royal Bank of Scotland Group plc",
			"--role", "Senior Staff Software Engineer, Payments Infrastructure", "--contact", "the hiring team", "--reason", "location"))
	}
	// Every other language: each kind it writes, in each of its tones,
	// for each reason, with a contact of its own and without one.
	contacts := map[string]string{"de": "Frau Rivera", "fr": "Mme Rivera", "es": "Sra. Rivera", "ja": "リベラ様"}
	written, err := letter.Open(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range letter.Languages[2:] {
		for _, kind := range letter.Kinds {
			for _, tone := range letter.Keys(written.Tones(lang.Dir, kind.Key)) {
				for _, reason := range letter.Keys(kind.Reasons) {
					args := []string{"--lang", lang.Key, "--kind", kind.Key, "--tone", tone, "--reason", reason, "--contact", contacts[lang.Key], "--name", "Alex Rivera"}
					if kind.Key != "interview" {
						args = append(args, "--interview-date=")
					}
					golden.Check(t, "../../testdata/golden/letters/"+lang.Key+"/"+kind.Key+"/"+tone+"-"+reason+".txt", run(t, args...))
				}
				golden.Check(t, "../../testdata/golden/letters/"+lang.Key+"/"+kind.Key+"/"+tone+"-no-contact.txt",
					run(t, "--lang", lang.Key, "--kind", kind.Key, "--tone", tone, "--contact", "", "--interview-date=", "--name", "Alex Rivera", "--refer", "Jordan Smith"))
			}
		}
	}
	full := []string{"--to", "Ms. Rivera <rivera@acme.example>", "--from", "Sam Lee <sam@example.org>", "--reason", "accepted-offer", "--tone", "warm"}
	for format, file := range map[string]string{"eml": "example.eml", "json": "example.json", "mailto": "example.mailto", "subject": "example.subject", "body": "example.body"} {
		golden.Check(t, "../../testdata/golden/formats/"+file, run(t, append(full, "--format", format)...))
	}
}

func TestDraftJSON(t *testing.T) {
	env, out, _ := testEnv(t)
	Run(env, []string{"--company", "Zoë & Co <x>", "--role", "SRE", "--from", "Zoë Ünal <zoe@example.org>", "--format", "json", "--reason-text", "family reasons"})
	var got struct {
		Subject, Body string
		Fields        map[string]any
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	for key, want := range map[string]any{
		"company": "Zoë & Co <x>", "name": "Zoë Ünal", "from": "Zoë Ünal <zoe@example.org>", "to": "",
		"reason": "", "reason_text": "Family reasons.", "tone": "formal", "keep_in_touch": true, "interview_date": nil,
	} {
		if got.Fields[key] != want {
			t.Errorf("fields.%s: got %#v, want %#v", key, got.Fields[key], want)
		}
	}
	if !strings.Contains(got.Body, "Family reasons.") || !strings.Contains(got.Subject, "SRE") {
		t.Errorf("got %+v", got)
	}
	if !bytes.Contains(out.Bytes(), []byte("Zoë & Co <x>")) {
		t.Errorf("json escapes HTML characters: %s", out)
	}
}

func TestDraftErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"nothing given", nil, exitUsage, []string{
			"decline: error: missing --company, --role and --name (or a name in --from)\n",
			"decline: hint: give them as flags"}},
		{"name from --from", []string{"--company", "A", "--role", "B", "--from", "sam@example.org"}, exitUsage, []string{
			"missing --name (or a name in --from)"}},
		{"every problem at once", []string{"--company", "Acme\nBcc: evil@example.net", "--role", "SRE", "--name", "Sam",
			"--reason", "acepted-offer", "--tone", "posh", "--interview-date", "3 December", "--to", "a@example.org, b@example.org", "--format", "pdf"}, exitUsage, []string{
			"decline: error: --company contains a line break (U+000A) at byte 4\ndecline: hint: give it on one line\n",
			"decline: error: --reason \"acepted-offer\" is not one of the accepted values\ndecline: hint: did you mean accepted-offer?",
			"decline: error: --tone \"posh\" is not one of the accepted values\ndecline: hint: use one of formal, warm, brief\n",
			"decline: error: --interview-date \"3 December\" is not a date in the form YYYY-MM-DD\n",
			"decline: error: --to holds 2 addresses\n",
			"decline: error: --format \"pdf\" is not one of the accepted values\ndecline: hint: use one of text, eml, subject, body, json, mailto\n"}},
		{"unknown command", []string{"drat"}, exitUsage, []string{"decline: error: unknown command \"drat\"\ndecline: hint: did you mean draft?\n"}},
		{"argument to draft", []string{"draft", "Acme"}, exitUsage, []string{"decline: error: unexpected argument \"Acme\"\ndecline: hint: quote values that have spaces"}},
		{"unquoted value", []string{"--company", "Acme", "Corp"}, exitUsage, []string{"decline: error: unexpected argument \"Corp\""}},
		{"upper-case format with a slip", []string{"--format", "EMLL"}, exitUsage, []string{"did you mean eml?"}},
		{"unknown flag", []string{"--compnay", "Acme"}, exitUsage, []string{"decline: error: unknown flag: --compnay\ndecline: hint: did you mean --company? run 'decline --help'"}},
		{"escape in a flag name", []string{"--\x1b]0;pwned\a"}, exitUsage, []string{`unknown flag: --\x1b]0;pwned\a`}},
		{"bad bool", []string{"--keep-in-touch=maybe"}, exitUsage, []string{"invalid argument \"maybe\""}},
		{"name starting a mail command", []string{"--company", "A", "--role", "B", "--name", "~! rm -rf ~"}, exitUsage, []string{
			"decline: error: --name would start line "}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env, out, errOut := testEnv(t)
			if code := Run(env, tc.args); code != tc.code {
				t.Errorf("got exit %d, want %d", code, tc.code)
			}
			if out.Len() > 0 {
				t.Errorf("got stdout %q, want nothing", out)
			}
			for _, want := range tc.stderr {
				if !strings.Contains(errOut.String(), want) {
					t.Errorf("stderr:\n%s\nwant it to hold %q", errOut, want)
				}
			}
			if strings.ContainsRune(errOut.String(), '\x1b') {
				t.Errorf("stderr holds an escape character: %q", errOut)
			}
		})
	}
}

// failingWriter fails every write, as a full disk or a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestDraftWriteFails(t *testing.T) {
	env, _, errOut := testEnv(t)
	env.IO.Out = failingWriter{}
	if code := Run(env, []string{"--company", "A", "--role", "B", "--name", "C"}); code != exitFailure {
		t.Errorf("got exit %d, want %d", code, exitFailure)
	}
	if want := "decline: error: writing the draft: no space left on device\n"; errOut.String() != want {
		t.Errorf("got stderr %q, want %q", errOut, want)
	}
}

func TestDraftFormatsAreCaseInsensitive(t *testing.T) {
	env, out, _ := testEnv(t)
	if code := Run(env, []string{"--company", "A", "--role", "B", "--name", "C", "--format", "SUBJECT"}); code != 0 || !strings.HasPrefix(out.String(), "Declining") {
		t.Errorf("got exit %d and %q, want the subject", code, out)
	}
}

func TestDraftWarnings(t *testing.T) {
	env, out, errOut := testEnv(t)
	code := Run(env, []string{"--company", "A", "--role", "B", "--name", "C", "--interview-date", "2026-11-20", "--format", "eml"})
	if code != 0 || out.Len() == 0 {
		t.Fatalf("got exit %d and %d bytes of draft, want 0 and a draft", code, out.Len())
	}
	for _, want := range []string{
		"decline: warning: the interview date 2026-11-20 has passed",
		"decline: warning: the message has no recipient: msmtp -t, sendmail -t and mutt refuse it; give --to",
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr:\n%s\nwant it to hold %q", errOut, want)
		}
	}
}

func TestHelpListsExitStatusesAndCatalogues(t *testing.T) {
	env, out, _ := testEnv(t)
	cmd := NewRootCmd(env)
	cmd.SetOut(out)
	cmd.SetArgs([]string{"--help"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	for _, want := range append([]string{"Exit status:", "130  interrupted", "2    bad usage", "--format"}, append(letter.Keys(letter.Reasons), letter.Keys(format.Draft)...)...) {
		if !strings.Contains(out.String(), want) {
			t.Errorf("decline --help does not mention %q", want)
		}
	}
}

// decline check with no file, in a terminal, says how to give a draft
// rather than wait on the keyboard; "-" still reads it.
func TestCheckAsksForADraftInATerminal(t *testing.T) {
	env, out, errOut := testEnv(t)
	env.IO.SetStdinTTY(true)
	if code := Run(env, []string{"check"}); code != exitUsage || !strings.Contains(errOut.String(), "decline: hint: give a file") || out.Len() > 0 {
		t.Errorf("got exit %d, stderr %q, want 2 and a hint", code, errOut)
	}
	env, _, errOut = testEnv(t)
	env.IO.SetStdinTTY(true)
	if code := Run(env, []string{"check", "-"}); code == exitUsage && strings.Contains(errOut.String(), "give a file") {
		t.Errorf("check -: got the hint, want the draft read from stdin")
	}
}

package sink

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
)

// fake is a sink that says done, or fails.
type fake struct {
	err  error
	got  *[]string
	name string
}

func (f fake) Send(data []byte) (string, error) {
	*f.got = append(*f.got, f.name+":"+string(data))
	if f.err != nil {
		return "", f.err
	}
	return f.name + " done", nil
}

// When a hand-off fails, every other hand-off still runs, the draft goes
// to stdout once, and the error tells each failure.
func TestDeliverFallsBack(t *testing.T) {
	var report, out bytes.Buffer
	var got []string
	err := Deliver(&report, &out, []byte("the draft\n"),
		Handoff{fake{errors.New("no clipboard"), &got, "copy"}, []byte("c")},
		Handoff{fake{nil, &got, "open"}, []byte("o")},
		Handoff{fake{errors.New("no mail client"), &got, "mail"}, []byte("m")},
	)
	var fb *FallbackError
	if !errors.As(err, &fb) || len(fb.Failures) != 2 || fb.Printed != nil {
		t.Fatalf("got %v, want a fallback with two failures", err)
	}
	if out.String() != "the draft\n" {
		t.Errorf("got stdout %q, want the draft once", out.String())
	}
	if report.String() != "decline: open done\n" || strings.Join(got, " ") != "copy:c open:o mail:m" {
		t.Errorf("got report %q and sends %q", report.String(), got)
	}
}

func TestDeliverWithoutFailure(t *testing.T) {
	var report, out bytes.Buffer
	var got []string
	if err := Deliver(&report, &out, []byte("the draft\n"), Handoff{fake{nil, &got, "copy"}, []byte("c")}); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 || report.String() != "decline: copy done\n" {
		t.Errorf("got stdout %q and report %q, want nothing printed", out.String(), report.String())
	}
}

// failingWriter fails every write, as a closed stdout does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("bad file descriptor") }

func TestDeliverWhenStdoutFailsToo(t *testing.T) {
	var got []string
	err := Deliver(new(bytes.Buffer), failingWriter{}, []byte("x"), Handoff{fake{errors.New("no clipboard"), &got, "copy"}, nil})
	var fb *FallbackError
	if !errors.As(err, &fb) || fb.Printed == nil || !strings.Contains(err.Error(), "no clipboard") || !strings.Contains(err.Error(), "bad file descriptor") {
		t.Errorf("got %v, want both failures", err)
	}
}

func TestFileNeverOverwrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out", "0002-acme.eml")
	if _, err := (File{Path: path}).Send([]byte("first")); err != nil {
		t.Fatal(err)
	}
	if _, err := (File{Path: path}).Send([]byte("second")); err == nil || !strings.Contains(err.Error(), "--force writes over it") {
		t.Errorf("got %v, want the file kept", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "first" {
		t.Errorf("got %q, want the first letter", data)
	}
	if _, err := (File{Path: path, Force: true}).Send([]byte("second")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "second" {
		t.Errorf("got %q after --force, want the second letter", data)
	}
}

// writeEditor is an editor that saves text.
type writeEditor string

func (e writeEditor) Edit(path string, _ io.Reader, _ io.Writer) error {
	return os.WriteFile(path, []byte(e), 0o600)
}

func TestEditKeepsRefusedText(t *testing.T) {
	dir := t.TempDir()
	_, err := Edit(writeEditor("Subject: x\n\n~! rm\n"), dir, "Subject: x\n\nhello\n", nil, nil, func(string) error { return errors.New("starts a mail command") })
	var kept *KeptError
	if !errors.As(err, &kept) || !kept.Refused {
		t.Fatalf("got %v, want the text refused and kept", err)
	}
	if data, _ := os.ReadFile(kept.Path); string(data) != "Subject: x\n\n~! rm\n" {
		t.Errorf("kept %q, want what was saved", data)
	}
	if _, err := Edit(writeEditor("  \n"), dir, "x", nil, nil, func(string) error { return nil }); !errors.Is(err, ErrEmptied) {
		t.Errorf("got %v, want ErrEmptied", err)
	}
	text, err := Edit(writeEditor("Subject: y\n\nbye\n"), dir, "x", nil, nil, func(string) error { return nil })
	if err != nil || text != "Subject: y\n\nbye\n" {
		t.Errorf("got %q, %v", text, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 { // the refused text alone
		t.Errorf("the directory holds %d files, want the refused text alone", len(entries))
	}
}

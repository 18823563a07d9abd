package state

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/decline-cli/decline/internal/answers"
	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
)

func TestStoreKeepsAnswersAndDraft(t *testing.T) {
	s := Store{Dir: filepath.Join(t.TempDir(), "state", "decline")}
	if _, err := s.Answers(); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v before anything was kept, want fs.ErrNotExist", err)
	}
	a := answers.Answers{Company: "Zoë & Co", Role: "SRE", InterviewDate: "2026-12-03", KeepInTouch: true, To: "a@example.org"}
	if err := s.SaveAnswers(a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Answers()
	if err != nil || got.Company != a.Company || got.To != a.To || got.InterviewDate != "2026-12-03" || !got.KeepInTouch {
		t.Errorf("got %+v, %v; want %+v", got, err, a)
	}

	path, err := s.SaveDraft("Subject: one\n\nfirst\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDraft("Subject: two\n\nsecond\n"); err != nil {
		t.Fatal(err)
	}
	if text, err := s.Draft(); err != nil || text != "Subject: two\n\nsecond\n" || path != s.DraftPath() {
		t.Errorf("got %q, %v at %s", text, err, path)
	}
	// Readable by the user alone, and no temporary file left behind.
	for _, name := range []string{s.Dir, path} {
		info, err := os.Stat(name)
		if err != nil || info.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s: mode %v, %v; want it private", name, info.Mode(), err)
		}
	}
	entries, _ := os.ReadDir(s.Dir)
	if len(entries) != 2 {
		t.Errorf("the directory holds %d files, want the answers and the draft alone", len(entries))
	}
}

func TestStoreWithoutDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	if _, err := (Store{Dir: filepath.Join(file, "decline")}).SaveDraft("x"); err == nil {
		t.Error("got no error keeping a draft under a file")
	}
}

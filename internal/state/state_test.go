package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/decline-cli/decline/internal/answers"
	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
)

func TestStoreKeepsRunsAndUnfinishedAnswers(t *testing.T) {
	s := Store{Dir: filepath.Join(t.TempDir(), "state", "decline")}
	if _, err := s.Run(); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v before anything was kept, want fs.ErrNotExist", err)
	}
	a := answers.Answers{Company: "Zoë & Co", Role: "SRE", InterviewDate: "2026-12-03", KeepInTouch: true, To: "a@example.org"}
	path, err := s.SaveRun(Run{Answers: a, Draft: "Subject: one\n\nfirst\n"})
	if err != nil {
		t.Fatal(err)
	}
	// A run that stops halfway keeps its answers apart: the last run is
	// still the one that finished.
	if err := s.SaveUnfinished(answers.Answers{Company: "Globex", To: "b@example.org"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Run()
	if err != nil || got.Answers != a || got.Draft != "Subject: one\n\nfirst\n" {
		t.Errorf("got %+v, %v; want the finished run", got, err)
	}
	if u, err := s.Unfinished(); err != nil || u.Company != "Globex" {
		t.Errorf("got unfinished %+v, %v; want Globex's", u, err)
	}
	if text, err := os.ReadFile(path); err != nil || string(text) != got.Draft || path != s.DraftPath() {
		t.Errorf("got %q, %v at %s; want the draft as text", text, err, path)
	}
	// Finishing a run ends the unfinished one.
	if _, err := s.SaveRun(Run{Answers: a, Draft: "Subject: two\n\nsecond\n"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Unfinished(); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v after a run finished, want no unfinished answers", err)
	}
	// Readable by the user alone, and no temporary file left behind.
	for _, name := range []string{s.Dir, path} {
		info, err := os.Stat(name)
		if err != nil || info.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s: mode %v, %v; want it private", name, info.Mode(), err)
		}
	}
	entries, _ := os.ReadDir(s.Dir)
	if len(entries) != 3 {
		t.Errorf("the directory holds %d files, want the run, its draft and the lock", len(entries))
	}
}

// Runs at once each keep a whole record: a draft is never read back with
// another run's recipient.
func TestStoreRunsAtOnce(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			company := fmt.Sprint("Company ", i%2)
			if _, err := s.SaveRun(Run{Answers: answers.Answers{Company: company, To: company + "@example.org"}, Draft: company}); err != nil {
				t.Error(err)
			}
			if r, err := s.Run(); err != nil || r.Draft != r.Answers.Company || r.Answers.To != r.Answers.Company+"@example.org" {
				t.Errorf("got %+v, %v; want a draft with its own recipient", r, err)
			}
		})
	}
	wg.Wait()
}

func TestStoreWithoutDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	if _, err := (Store{Dir: filepath.Join(file, "decline")}).SaveRun(Run{Draft: "x"}); err == nil {
		t.Error("got no error keeping a draft under a file")
	}
	if _, err := (Store{}).SaveRun(Run{Draft: "x"}); err == nil {
		t.Error("got no error keeping a draft with no state directory")
	}
}

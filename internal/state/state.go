// Package state keeps what the user typed and what decline drafted from
// it, so that nothing is lost when copying, editing or sending fails, or
// the user stops halfway: decline --retry and decline --last read it back.
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/input"
)

// Dir returns where state is kept: $XDG_STATE_HOME/decline
// (~/.local/state/decline), or the platform's equivalent:
// ~/Library/Application Support/decline/state on macOS,
// %LocalAppData%\decline\state on Windows; "" if there is no home.
func Dir() string {
	if dir := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "decline")
	}
	if dir := os.Getenv("LocalAppData"); runtime.GOOS == "windows" && dir != "" {
		return filepath.Join(dir, "decline", "state")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return filepath.Join(home, "Library", "Application Support", "decline", "state")
	}
	return filepath.Join(home, ".local", "state", "decline")
}

// A Store keeps, in a directory only the user can read, the last run that
// drafted a letter (its answers and its draft as one record, so that a
// letter is never paired with another run's recipients), and apart from
// it the answers of a run that stopped before its letter was drafted.
// Writers take a lock, so that runs at once keep whole records.
type Store struct {
	Dir string
}

const (
	runFile        = "last-run.json"
	draftFile      = "last-draft.txt"          // the last draft again, as text to open
	unfinishedFile = "unfinished-answers.json" // a run stopped halfway
	lockFile       = "lock"
)

// maxFile is the most a kept file may hold: a run is a page of text.
const maxFile = 1 << 20

// A Run is a finished run: the answers, and the draft written from them,
// as it was sent (edits included), in the text form.
type Run struct {
	Answers answers.Answers `json:"answers"`
	Draft   string          `json:"draft"`
}

// SaveRun keeps r as the last run, and returns the file its draft can be
// read in. The run's unfinished answers, if any, are done with.
func (s Store) SaveRun(r Run) (string, error) {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return "", err
	}
	unlock, err := s.lock()
	if err != nil {
		return "", err
	}
	defer unlock()
	if _, err := s.write(runFile, append(data, '\n')); err != nil {
		return "", err
	}
	os.Remove(filepath.Join(s.Dir, unfinishedFile))
	return s.write(draftFile, []byte(r.Draft))
}

// Run returns the last run kept. Its error wraps fs.ErrNotExist when
// there is none.
func (s Store) Run() (Run, error) {
	var r Run
	err := s.readJSON(runFile, &r)
	return r, err
}

// SaveUnfinished keeps the answers of a run that has not drafted its
// letter yet: the last run stays as it was.
func (s Store) SaveUnfinished(a answers.Answers) error {
	data, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err
	}
	unlock, err := s.lock()
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.write(unfinishedFile, append(data, '\n'))
	return err
}

// Unfinished returns the answers of the run that stopped halfway since the
// last run finished. Its error wraps fs.ErrNotExist when there is none.
func (s Store) Unfinished() (answers.Answers, error) {
	var a answers.Answers
	err := s.readJSON(unfinishedFile, &a)
	return a, err
}

// DraftPath returns the file the last draft is kept in, as text.
func (s Store) DraftPath() string {
	return filepath.Join(s.Dir, draftFile)
}

// readJSON reads a file of the store, a regular file of at most maxFile,
// into v.
func (s Store) readJSON(name string, v any) error {
	if s.Dir == "" {
		return fmt.Errorf("no state directory: %w", fs.ErrNotExist)
	}
	path := filepath.Join(s.Dir, name)
	data, err := input.ReadFile(path, maxFile)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	return nil
}

// write writes a file of the store, atomically.
func (s Store) write(name string, data []byte) (string, error) {
	path := filepath.Join(s.Dir, name)
	if err := WriteFile(path, data, 0o600, true); err != nil {
		return "", fmt.Errorf("keeping %s: %w", path, err)
	}
	return path, nil
}

// lock makes the directory and takes the store's lock, waiting for it.
func (s Store) lock() (unlock func(), err error) {
	if s.Dir == "" {
		return nil, errors.New("no state directory (HOME and XDG_STATE_HOME are not set)")
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(s.Dir, lockFile), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockFD(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("locking %s: %w", f.Name(), err)
	}
	return func() { f.Close() }, nil // closing releases the lock
}

// ErrExist is the error of WriteFile when the file exists and may not be
// replaced.
var ErrExist = errors.New("the file exists")

// WriteFile writes data to path atomically: to a temporary file in the
// same directory, synced, then moved into place, so that a crash or Ctrl-C
// leaves the old file or the new one, never half of either. Unless
// replace, an existing file is kept and the error is ErrExist; the new
// file is linked into place, which fails if one appeared meanwhile.
func WriteFile(path string, data []byte, perm os.FileMode, replace bool) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // gone once renamed or linked, and on failure
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if replace {
		return os.Rename(f.Name(), path)
	}
	switch err := os.Link(f.Name(), path); {
	case errors.Is(err, fs.ErrExist):
		return ErrExist
	case err == nil:
		return nil
	}
	// Some file systems (FAT, some network mounts) have no hard links:
	// check, then rename.
	if _, err := os.Lstat(path); err == nil {
		return ErrExist
	}
	return os.Rename(f.Name(), path)
}

// Once reports whether this is the first time it is asked about what: it
// leaves a mark in the store, so that decline offers a thing once, not on
// every run. Without a store, nothing is offered.
func (s Store) Once(what string) bool {
	if s.Dir == "" || os.MkdirAll(s.Dir, 0o700) != nil {
		return false
	}
	f, err := os.OpenFile(filepath.Join(s.Dir, "offered-"+what), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

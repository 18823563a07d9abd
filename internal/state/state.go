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

// A Store keeps the last answers and the last draft in a directory that
// only the user can read.
type Store struct {
	Dir string
}

const (
	answersFile = "last-answers.json"
	draftFile   = "last-draft.txt"
)

// SaveAnswers keeps a.
func (s Store) SaveAnswers(a answers.Answers) error {
	data, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err
	}
	_, err = s.write(answersFile, append(data, '\n'))
	return err
}

// Answers returns the last answers kept. Its error wraps os.ErrNotExist
// when there are none.
func (s Store) Answers() (answers.Answers, error) {
	var a answers.Answers
	data, err := os.ReadFile(filepath.Join(s.Dir, answersFile))
	if err != nil {
		return a, err
	}
	if err := json.Unmarshal(data, &a); err != nil {
		return a, fmt.Errorf("reading %s: %w", filepath.Join(s.Dir, answersFile), err)
	}
	return a, nil
}

// SaveDraft keeps the text of a draft and returns the file it is in.
func (s Store) SaveDraft(text string) (string, error) {
	return s.write(draftFile, []byte(text))
}

// Draft returns the last draft kept. Its error wraps os.ErrNotExist when
// there is none.
func (s Store) Draft() (string, error) {
	data, err := os.ReadFile(s.DraftPath())
	return string(data), err
}

// DraftPath returns the file the last draft is kept in.
func (s Store) DraftPath() string {
	return filepath.Join(s.Dir, draftFile)
}

// write writes a file of the store, atomically.
func (s Store) write(name string, data []byte) (string, error) {
	if s.Dir == "" {
		return "", errors.New("no state directory")
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(s.Dir, name)
	if err := WriteFile(path, data, 0o600, true); err != nil {
		return "", fmt.Errorf("keeping %s: %w", path, err)
	}
	return path, nil
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

package sink

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
)

// An Editor opens a file in the user's editor, attached to a terminal's
// input and output, and waits for it.
type Editor interface {
	Edit(path string, in io.Reader, out io.Writer) error
}

// A KeptError is a failure after which the user's text is in a file.
type KeptError struct {
	Err     error
	Path    string
	Refused bool // the editor ran, but what was saved cannot be a draft
}

func (e *KeptError) Error() string { return e.Err.Error() }
func (e *KeptError) Unwrap() error { return e.Err }

// ErrEmptied is the error of an edit that left the file empty: as with
// git commit, an emptied file stops everything.
var ErrEmptied = errors.New("the edited draft is empty: nothing was sent or printed")

// Edit writes text to a new file in dir, opens it in the editor, and
// returns what the user saved, once accept takes it. The file is removed
// then; when the editor fails or accept refuses the text, it stays, and
// the *KeptError names it.
func Edit(ed Editor, dir, text string, in io.Reader, out io.Writer, accept func(string) error) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("editing: %w", err)
	}
	file, err := os.CreateTemp(dir, "edit-*.txt")
	if err != nil {
		return "", fmt.Errorf("editing: %w", err)
	}
	_, err = file.WriteString(text)
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	path := file.Name()
	if err != nil {
		os.Remove(path)
		return "", fmt.Errorf("editing: %w", err)
	}
	// As git does: the editor gets Ctrl-C; decline waits for it.
	signal.Ignore(os.Interrupt)
	err = ed.Edit(path, in, out)
	signal.Reset(os.Interrupt)
	if err != nil {
		return "", &KeptError{Err: err, Path: path}
	}
	edited, err := os.ReadFile(path)
	if err != nil {
		return "", &KeptError{Err: fmt.Errorf("reading the edited draft: %w", err), Path: path}
	}
	if strings.TrimSpace(string(edited)) == "" {
		os.Remove(path)
		return "", ErrEmptied
	}
	if err := accept(string(edited)); err != nil {
		return "", &KeptError{Err: fmt.Errorf("the edited draft: %w", err), Path: path, Refused: true}
	}
	os.Remove(path)
	return string(edited), nil
}

// Package sink takes the bytes of a draft where the user asked: stdout,
// the clipboard, the terminal's clipboard (OSC 52), the mail client, a
// file, a command. Each is a small type behind one interface, and the
// rule for when a hand-off fails is written once, in Deliver: the draft
// goes to stdout instead, so that nothing typed is lost.
package sink

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/state"
)

// A Sink takes the bytes of a draft somewhere.
type Sink interface {
	// Send delivers data, and says what happened as a sentence for the
	// user, or "" when there is nothing to say.
	Send(data []byte) (done string, err error)
}

// Writer writes drafts to a stream, such as stdout: to a file, whole or
// not at all, so that a full disk or a file size limit never leaves half
// a message in an mbox.
type Writer struct{ W io.Writer }

// Send writes data.
func (s Writer) Send(data []byte) (string, error) {
	var size int64 = -1
	f, isFile := s.W.(*os.File)
	if isFile {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			size = info.Size()
		}
	}
	n, err := s.W.Write(data)
	if err == nil {
		return "", nil
	}
	if n > 0 && size >= 0 {
		// Take back what was written, and write on from there.
		if terr := f.Truncate(size); terr == nil {
			f.Seek(size, io.SeekStart)
		}
	}
	return "", fmt.Errorf("writing the draft: %w", err)
}

// A Copier puts text on the clipboard: with command when it is set (the
// user's clipboard_command), else with the system's clipboard.
type Copier interface {
	Copy(text, command string) error
}

// Clipboard copies drafts to the clipboard.
type Clipboard struct {
	Copier  Copier
	Command string // the user's clipboard_command, or ""
}

// Send copies data.
func (s Clipboard) Send(data []byte) (string, error) {
	if err := s.Copier.Copy(string(data), s.Command); err != nil {
		return "", err
	}
	return "copied the draft to the clipboard", nil
}

// OSC52 asks the terminal to copy drafts, with an OSC 52 escape sequence,
// as works over SSH.
type OSC52 struct {
	// Terminal opens the terminal to write the sequence to, and returns
	// how to close it.
	Terminal func() (io.Writer, func(), error)
	// Write writes text as an OSC 52 sequence to tty.
	Write func(text string, tty io.Writer) error
}

// Send asks the terminal to copy data.
func (s OSC52) Send(data []byte) (string, error) {
	tty, closeTTY, err := s.Terminal()
	if err != nil {
		return "", &desktop.Problem{Err: errors.New("copying through the terminal: there is no terminal"), Hint: "run decline in a terminal, or copy without --osc52"}
	}
	defer closeTTY()
	if err := s.Write(string(data), tty); err != nil {
		return "", fmt.Errorf("copying through the terminal: %w", err)
	}
	return "asked the terminal to copy the draft (OSC 52); it cannot confirm it did: check by pasting", nil
}

// An Opener opens a URL with the system's handler.
type Opener interface {
	Open(url string) error
}

// MailClient opens drafts, as mailto: links, in the user's mail client.
type MailClient struct{ Opener Opener }

// Send opens the mailto: link in data.
func (s MailClient) Send(data []byte) (string, error) {
	if err := s.Opener.Open(strings.TrimSpace(string(data))); err != nil {
		return "", err
	}
	return "opened the draft in your mail client", nil
}

// File writes a draft to a file of its own, atomically (never half a
// file), and never over an existing one unless Force. Each file is
// synced before it is moved into place: a letter written is a letter
// kept, whatever happens next.
type File struct {
	Path  string
	Force bool
}

// Send writes data to the file.
func (s File) Send(data []byte) (string, error) {
	if err := os.MkdirAll(filepath.Dir(s.Path), 0o755); err != nil {
		return "", err
	}
	err := state.WriteFile(s.Path, data, 0o644, s.Force)
	if errors.Is(err, state.ErrExist) {
		return "", fmt.Errorf("%s exists; --force writes over it", s.Path)
	}
	return "", err
}

// A Runner runs a command line with input on its stdin, within a time
// and until ctx is done.
type Runner interface {
	Shell(ctx context.Context, command string, input []byte, timeout time.Duration) error
}

// Command gives drafts to a command on its stdin, such as msmtp -t.
type Command struct {
	Runner  Runner
	Line    string
	Timeout time.Duration
	Context context.Context // stops the command when done, as on a signal
	Done    string          // what to say when it succeeds, or ""
}

// Send runs the command with data.
func (s Command) Send(data []byte) (string, error) {
	if err := s.Runner.Shell(s.Context, s.Line, data, s.Timeout); err != nil {
		return "", err
	}
	return s.Done, nil
}

// A Handoff is a sink and the bytes it takes: each sink takes the draft
// in its own form (a mail client, a mailto: link).
type Handoff struct {
	Sink Sink
	Data []byte
}

// A FallbackError is the error of hand-offs that failed, after which the
// draft went to stdout instead (or, if Printed is not nil, could not).
type FallbackError struct {
	Failures []error
	Printed  error // why the draft could not go to stdout either
}

func (e *FallbackError) Error() string { return errors.Join(e.Unwrap()...).Error() }

// Unwrap returns every failure, so errors.As finds a hint in any.
func (e *FallbackError) Unwrap() []error {
	if e.Printed != nil {
		return append(e.Failures[:len(e.Failures):len(e.Failures)], e.Printed)
	}
	return e.Failures
}

// Deliver hands the draft to each sink in turn, each failure aside, and
// says on report what each did. If any failed, the draft goes to out in
// the form printed, once, so that it is not lost, and the error is a
// *FallbackError. This is the one place that rule is written.
func Deliver(report, out io.Writer, printed []byte, hands ...Handoff) error {
	var failures []error
	for _, h := range hands {
		done, err := h.Sink.Send(h.Data)
		if err != nil {
			failures = append(failures, err)
			continue
		}
		if done != "" {
			fmt.Fprintf(report, "decline: %s\n", done)
		}
	}
	if failures == nil {
		return nil
	}
	_, err := Writer{out}.Send(printed)
	return &FallbackError{Failures: failures, Printed: err}
}

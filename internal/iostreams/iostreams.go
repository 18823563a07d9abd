// Package iostreams holds the standard streams of a run of decline and
// what is known about them, so that commands never touch os.Stdin,
// os.Stdout or os.Stderr directly, and tests can hand them buffers.
package iostreams

import (
	"bytes"
	"errors"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the input, output and error streams of a command. Out
// carries only what the user asked for (a draft, data); everything meant
// for the user's eyes (prompts, errors, warnings, hints) goes to ErrOut or
// the terminal.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// Which streams are terminals: nil until asked, since most runs never
	// need to know.
	stdinTTY, stdoutTTY, stderrTTY *bool
	// openTTY opens the controlling terminal, for prompts when stderr is
	// not one.
	openTTY func() (io.ReadWriteCloser, error)
}

// System returns the process's standard streams.
func System() *IOStreams {
	var out io.Writer = os.Stdout
	if wasClosed(os.Stdout) {
		out = closed{}
	}
	return &IOStreams{In: os.Stdin, Out: out, ErrOut: os.Stderr, openTTY: func() (io.ReadWriteCloser, error) {
		return os.OpenFile("/dev/tty", os.O_RDWR, 0)
	}}
}

// closed is a stream that was closed when decline started: every write
// fails, so that nothing asked for is silently lost.
type closed struct{}

func (closed) Write([]byte) (int, error) { return 0, errClosed }

var errClosed = errors.New("standard output is closed")

// Test returns streams backed by buffers, none of them a terminal, and the
// buffers: what In reads, what Out and ErrOut received.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = new(bytes.Buffer), new(bytes.Buffer), new(bytes.Buffer)
	no := false
	return &IOStreams{In: in, Out: out, ErrOut: errOut, stdinTTY: &no, stdoutTTY: &no, stderrTTY: &no,
		openTTY: func() (io.ReadWriteCloser, error) { return nil, errNoTerminal }}, in, out, errOut
}

var errNoTerminal = errors.New("no terminal")

// IsStdinTTY reports whether In is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return isTerminal(&s.stdinTTY, s.In) }

// IsStdoutTTY reports whether Out is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return isTerminal(&s.stdoutTTY, s.Out) }

// IsStderrTTY reports whether ErrOut is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return isTerminal(&s.stderrTTY, s.ErrOut) }

// SetStdinTTY, SetStdoutTTY and SetStderrTTY tell s whether its streams
// are terminals, for tests.
func (s *IOStreams) SetStdinTTY(tty bool)  { s.stdinTTY = &tty }
func (s *IOStreams) SetStdoutTTY(tty bool) { s.stdoutTTY = &tty }
func (s *IOStreams) SetStderrTTY(tty bool) { s.stderrTTY = &tty }

func isTerminal(known **bool, stream any) bool {
	if *known == nil {
		f, ok := stream.(*os.File)
		tty := ok && term.IsTerminal(int(f.Fd()))
		*known = &tty
	}
	return **known
}

// WithoutStdin returns streams whose input is taken (decline reply read a
// message from it): questions are asked on the controlling terminal, when
// there is one, reading and writing /dev/tty.
func (s *IOStreams) WithoutStdin() *IOStreams {
	c := *s
	c.In = nil
	return &c
}

// Terminal returns where to ask the user questions: answers come from In,
// which must be a terminal, and questions go to ErrOut when it is one,
// else to the controlling terminal (/dev/tty), so that stdout keeps only
// the draft. close releases what Terminal opened. Without a terminal to
// read from, Terminal fails: decline then does not prompt.
func (s *IOStreams) Terminal() (in io.Reader, out io.Writer, close func(), err error) {
	if s.In == nil {
		tty, err := s.openTTY()
		if err != nil {
			return nil, nil, nil, err
		}
		return tty, tty, func() { tty.Close() }, nil
	}
	if !s.IsStdinTTY() {
		return nil, nil, nil, errNoTerminal
	}
	if s.IsStderrTTY() {
		return s.In, s.ErrOut, func() {}, nil
	}
	tty, err := s.openTTY()
	if err != nil {
		return nil, nil, nil, err
	}
	return s.In, tty, func() { tty.Close() }, nil
}

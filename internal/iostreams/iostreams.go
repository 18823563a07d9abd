// Package iostreams holds the standard streams of a run of decline, so
// that commands never touch os.Stdin, os.Stdout or os.Stderr directly and
// tests can hand them buffers.
package iostreams

import (
	"bytes"
	"io"
	"os"
)

// IOStreams are the input, output and error streams of a command. Out
// carries only what the user asked for (a draft, data); everything meant
// for the user's eyes (errors, warnings, hints) goes to ErrOut.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// System returns the process's standard streams.
func System() *IOStreams {
	return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
}

// Test returns streams backed by buffers, and the buffers: what In reads,
// what Out and ErrOut received.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = new(bytes.Buffer), new(bytes.Buffer), new(bytes.Buffer)
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

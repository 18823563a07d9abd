// Package iostreams holds the standard streams of a run of decline, so
// that commands never touch os.Stdout or os.Stderr directly and tests can
// hand them buffers.
package iostreams

import (
	"bytes"
	"io"
	"os"
)

// IOStreams are the output and error streams of a command. Out carries
// only what the user asked for (a draft, data); everything meant for the
// user's eyes (errors, warnings, hints) goes to ErrOut.
type IOStreams struct {
	Out    io.Writer
	ErrOut io.Writer
}

// System returns the process's standard streams.
func System() *IOStreams {
	return &IOStreams{Out: os.Stdout, ErrOut: os.Stderr}
}

// Test returns streams backed by buffers, and the buffers: what Out and
// ErrOut received.
func Test() (s *IOStreams, out, errOut *bytes.Buffer) {
	out, errOut = new(bytes.Buffer), new(bytes.Buffer)
	return &IOStreams{Out: out, ErrOut: errOut}, out, errOut
}

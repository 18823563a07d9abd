package form

import (
	"fmt"
	"io"
)

// runAccessible asks the questions one line at a time, with each field's
// accessible mode, rather than with huh's accessible form: in huh v1.0.0
// that form asks the fields of hidden pages too and ignores a field's
// error. Answers may be piped in, one a line. A field that re-asks after
// a refused answer and then meets the end of the answers keeps the
// refused one: the letter's own checks refuse it afterwards.
func runAccessible(t Terminal, groups []group) error {
	r := &oneByteReader{r: t.In}
	for _, g := range groups {
		if g.hide != nil && g.hide() {
			continue
		}
		if g.title != "" {
			fmt.Fprintf(t.Out, "%s\n\n", g.title)
		}
		for _, f := range g.fields {
			read := r.n
			f.Init()
			f.Focus()
			if err := f.RunAccessible(t.Out, r); err != nil {
				return err
			}
			fmt.Fprintln(t.Out)
			if r.eof && r.n == read {
				return fmt.Errorf("%w: no answer to %q", ErrAnswersEnded, f.GetKey())
			}
			if t.Answered != nil {
				t.Answered()
			}
		}
	}
	return nil
}

// oneByteReader reads at most one byte at a time. huh's accessible mode
// reads each answer with a new buffered reader, which would swallow the
// answers after the first when several are piped in; reading a byte at a
// time leaves them in the input for the next question.
type oneByteReader struct {
	r   io.Reader
	n   int  // bytes read so far
	eof bool // whether the input has ended
}

func (o *oneByteReader) Read(p []byte) (int, error) {
	if len(p) > 1 {
		p = p[:1]
	}
	n, err := o.r.Read(p)
	o.n += n
	if err == io.EOF {
		o.eof = true
	}
	return n, err
}

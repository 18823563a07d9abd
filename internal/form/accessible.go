package form

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// lines asks the questions of pages one line at a time, for screen
// readers and piped answers, one a line. It is decline's own rather than
// huh's accessible mode, which panics when a list's answer is refused and
// the input then ends. An empty line keeps the answer shown in brackets.
func lines(t Terminal, pages []page) error {
	for _, p := range pages {
		if p.hide != nil && p.hide() {
			continue
		}
		if p.title != "" {
			fmt.Fprintf(t.Out, "%s\n\n", p.title)
		}
		for _, q := range p.questions {
			if err := askLine(t, q); err != nil {
				return err
			}
			fmt.Fprintln(t.Out)
			if t.Answered != nil {
				t.Answered()
			}
		}
	}
	return nil
}

// askLine asks q until it gets an answer it accepts.
func askLine(t Terminal, q question) error {
	fmt.Fprintln(t.Out, q.title)
	if q.description != "" {
		fmt.Fprintln(t.Out, q.description)
	}
	if q.words > 0 {
		fmt.Fprintf(t.Out, "At most %d words.\n", q.words)
	}
	for i, o := range q.options {
		fmt.Fprintf(t.Out, "%d. %s\n", i+1, o.label)
	}
	for {
		prompt, current := "> ", ""
		switch {
		case q.yes != nil:
			current = "n"
			if *q.yes {
				current = "y"
			}
			prompt = "Yes or no (y/n) [" + current + "]: "
		case q.options != nil:
			if i := q.index(*q.text); i >= 0 {
				current = strconv.Itoa(i + 1)
			}
			prompt = fmt.Sprintf("A number from 1 to %d, or a name", len(q.options))
			prompt += bracket(current) + ": "
		default:
			current = *q.text
			prompt = "Answer" + bracket(current) + ": "
		}
		fmt.Fprint(t.Out, prompt)
		line, err := readLine(t.In)
		if err != nil {
			fmt.Fprintln(t.Out)
			return fmt.Errorf("%w: no answer to %q", ErrAnswersEnded, q.key)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			line = current
		}
		if err := q.set(line); err != nil {
			fmt.Fprintf(t.Out, "%v.\n", err)
			continue
		}
		return nil
	}
}

func bracket(s string) string {
	if s == "" {
		return ""
	}
	return " [" + s + "]"
}

// set gives q the answer line, or says why it cannot take it.
func (q question) set(line string) error {
	switch {
	case q.yes != nil:
		switch strings.ToLower(line) {
		case "y", "yes":
			*q.yes = true
		case "n", "no":
			*q.yes = false
		default:
			return errors.New("Answer y or n")
		}
		return nil
	case q.options != nil:
		i, err := strconv.Atoi(line)
		if err != nil {
			i = q.index(line) + 1
		}
		if i < 1 || i > len(q.options) {
			return fmt.Errorf("Give a number from 1 to %d, or one of the names listed", len(q.options))
		}
		*q.text = q.options[i-1].value
		return nil
	}
	if q.check != nil {
		if err := q.check(line); err != nil {
			return err
		}
	}
	*q.text = line
	return nil
}

// index returns the position of the option whose value is v, or -1.
func (q question) index(v string) int {
	for i, o := range q.options {
		if strings.EqualFold(o.value, v) {
			return i
		}
	}
	return -1
}

// readLine reads a line from r a byte at a time, so that what follows it
// stays in r for the next question; io.EOF when r ends before a line does.
func readLine(r io.Reader) (string, error) {
	var b strings.Builder
	var c [1]byte
	for {
		n, err := r.Read(c[:])
		if n == 1 {
			if c[0] == '\n' {
				return strings.TrimSuffix(b.String(), "\r"), nil
			}
			b.WriteByte(c[0])
			continue
		}
		if err != nil {
			if b.Len() > 0 && errors.Is(err, io.EOF) {
				return b.String(), nil
			}
			return "", io.EOF
		}
	}
}

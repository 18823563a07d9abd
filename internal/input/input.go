// Package input holds the rules for text that users type, which decline
// treats as untrusted: it ends up in mail headers, in mail bodies that
// other programs read, and on terminals.
package input

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Problem says why a piece of text cannot be used, and what to do.
type Problem struct {
	What string // what is wrong, as a phrase: "contains a line break"
	Hint string // what to do instead, as a sentence; may be empty
}

func (p *Problem) Error() string { return p.What }

// Line tidies s into one line of printable text: it trims it, and turns
// every run of spaces, tabs or other blanks into a single space. It refuses
// text that is not UTF-8, spans several lines, carries control or invisible
// formatting characters (which could start terminal escape sequences, break
// mail headers or hide what the text says), looks like a MIME encoded word
// (which mail programs would decode into something else), or has more than
// limit characters.
func Line(s string, limit int) (string, error) {
	if !utf8.ValidString(s) {
		return "", &Problem{What: "is not valid UTF-8 text", Hint: "retype it, or check the encoding of the file or terminal it came from"}
	}
	s = strings.TrimSpace(s)
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for i, r := range s {
		switch {
		case isLineBreak(r):
			return "", &Problem{What: fmt.Sprintf("contains a line break (%U) at byte %d", r, i), Hint: "give it on one line"}
		case unicode.IsSpace(r):
			blank = true
			continue
		case Unsafe(r):
			return "", &Problem{What: fmt.Sprintf("contains an invisible or control character (%U) at byte %d", r, i), Hint: "retype it without the character; it may have come in with a copy and paste"}
		}
		if blank {
			b.WriteByte(' ')
			blank = false
		}
		b.WriteRune(r)
	}
	s = b.String()
	if strings.Contains(s, "=?") {
		return "", &Problem{What: `contains "=?", which mail programs read as an encoded word`, Hint: "type the plain text instead"}
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return "", &Problem{What: fmt.Sprintf("is %d characters long, more than the %d allowed", n, limit), Hint: "shorten it"}
	}
	return s, nil
}

// Unsafe reports whether r must never appear in a letter: a control
// character (C0, DEL or C1, which covers ESC and CSI), an invisible
// formatting character such as a bidirectional override or a zero-width
// space, or a character that draws as nothing, such as a Hangul filler.
// The zero-width joiner and non-joiner are kept, as are variation
// selectors: Persian text and emoji sequences need them to render
// correctly.
func Unsafe(r rune) bool {
	if ' ' <= r && r < 0x7f || r == '\u200c' || r == '\u200d' {
		return false
	}
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp, blank)
}

// blank holds the characters outside Cf that are default-ignorable or
// fillers: they print as nothing, or as a space, where a letter is meant.
var blank = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x034f, Hi: 0x034f, Stride: 1}, // combining grapheme joiner
		{Lo: 0x115f, Hi: 0x1160, Stride: 1}, // Hangul choseong and jungseong fillers
		{Lo: 0x17b4, Hi: 0x17b5, Stride: 1}, // Khmer inherent vowels
		{Lo: 0x180b, Hi: 0x180f, Stride: 1}, // Mongolian variation selectors
		{Lo: 0x2800, Hi: 0x2800, Stride: 1}, // braille pattern blank
		{Lo: 0x3164, Hi: 0x3164, Stride: 1}, // Hangul filler
		{Lo: 0xffa0, Hi: 0xffa0, Stride: 1}, // halfwidth Hangul filler
	},
}

// HasLetterOrDigit reports whether s holds at least one letter or digit,
// as any name or title does.
func HasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// isLineBreak reports whether r ends a line in some program that might
// display or parse the text.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// ReadFile reads a file that decline was pointed at (a config file, a
// template, a kept draft, a draft to check): a regular file of at most
// limit bytes. A FIFO, a device such as /dev/zero or a directory would
// hang a run or fill its memory, and is refused.
func ReadFile(path string, limit int64) ([]byte, error) { return ReadFS(osFS{}, path, limit) }

// ReadFS reads the file name of fsys as ReadFile does.
func ReadFS(fsys fs.FS, name string, limit int64) ([]byte, error) {
	// Opening a FIFO waits for a writer: look before opening.
	if info, err := fs.Stat(fsys, name); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readRegular(f, name, limit)
}

// osFS is the operating system's files, named by any path.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error)     { return os.Open(name) }
func (osFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// readRegular reads f, named path in errors, as ReadFile does.
func readRegular(f fs.File, path string, limit int64) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%s is %d bytes, more than the %d allowed", path, info.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("%s is more than the %d bytes allowed", path, limit)
	}
	return data, err
}

// maxQuote is the most characters of a value an error quotes.
const maxQuote = 80

// Quote quotes a value for an error message, as strconv.Quote does, but
// at most maxQuote characters of it, with an ellipsis and its length: an
// error about a 50 MB cell is one line, not 50 MB.
func Quote(s string) string {
	n := utf8.RuneCountInString(s)
	if n <= maxQuote {
		return strconv.Quote(s)
	}
	cut := 0
	for range maxQuote {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	return strconv.Quote(s[:cut]) + fmt.Sprintf("… (%d characters)", n)
}

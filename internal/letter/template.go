package letter

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/decline-cli/decline/internal/input"
)

// Templates are the letter templates of a file system laid out as
// LANGUAGE/KIND/TONE.tmpl: every language directory, kind of letter and
// tone there is a file for. They are safe for concurrent use: a batch
// renders on every core.
type Templates struct {
	fsys  fs.FS
	paths []string // "LANGUAGE/KIND/TONE", sorted

	mu     sync.Mutex
	parsed map[string]*Template // those looked up so far
}

// A Template renders one kind of letter in one language and tone. Its
// text defines a "subject" and a "body" template, which receive Fields.
// A Template is safe for concurrent use.
type Template struct {
	t *template.Template
}

// Open finds the templates of fsys. A template is parsed when it is first
// looked up, since a run of decline renders one kind of letter.
func Open(fsys fs.FS) (*Templates, error) {
	paths, err := fs.Glob(fsys, "*/*/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("listing templates: %w", err)
	}
	ts := &Templates{fsys: fsys, parsed: make(map[string]*Template)}
	for _, p := range paths {
		ts.paths = append(ts.paths, strings.TrimSuffix(p, ".tmpl"))
	}
	return ts, nil
}

// Names returns the templates there are, as LANGUAGE/KIND/TONE, sorted.
func (ts *Templates) Names() []string { return ts.paths }

// Tones returns the tones in which a language directory writes a kind of
// letter, in the catalogue's order.
func (ts *Templates) Tones(language, kind string) []Option {
	var tones []Option
	for _, tone := range Tones {
		if slices.Contains(ts.paths, language+"/"+kind+"/"+tone.Key) {
			tones = append(tones, tone)
		}
	}
	return tones
}

// Lookup returns the template of a language directory, kind of letter and
// tone.
func (ts *Templates) Lookup(language, kind, tone string) (*Template, error) {
	return ts.Template(language + "/" + kind + "/" + tone)
}

// Template returns the template of a name as Names lists it.
func (ts *Templates) Template(name string) (*Template, error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if t := ts.parsed[name]; t != nil {
		return t, nil
	}
	if !slices.Contains(ts.paths, name) {
		return nil, fmt.Errorf("no template %s", name)
	}
	text, err := fs.ReadFile(ts.fsys, name+".tmpl")
	if err != nil {
		return nil, fmt.Errorf("reading template %s: %w", name, err)
	}
	t, err := ParseTemplate(name+".tmpl", string(text))
	if err != nil {
		return nil, err
	}
	ts.parsed[name] = t
	return t, nil
}

// ParseTemplate parses the text of one template, named name in errors.
func ParseTemplate(name, text string) (*Template, error) {
	t, err := template.New(name).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, err // text/template's errors name the template and line
	}
	for _, part := range []string{"subject", "body"} {
		if t.Lookup(part) == nil {
			return nil, fmt.Errorf("template %s defines no %q template", name, part)
		}
	}
	return &Template{t: t}, nil
}

// Render writes a letter from f, which Clean has checked. Templates are
// written one paragraph a line; Render tidies what conditional sentences
// leave behind (runs of spaces, stray blank lines, a doubled full stop
// after a name that ends with one).
func (t *Template) Render(f Fields) (Draft, error) {
	var b strings.Builder
	// The templates get a pointer: their many method calls then do not
	// copy the fields each time.
	if err := t.t.ExecuteTemplate(&b, "subject", &f); err != nil {
		return Draft{}, err
	}
	subject := tidyLine(strings.Join(fields(b.String()), " "))
	if subject == "" {
		return Draft{}, fmt.Errorf("template %s: the subject is empty", t.t.Name())
	}
	b.Reset()
	if err := t.t.ExecuteTemplate(&b, "body", &f); err != nil {
		return Draft{}, err
	}
	body := tidy(b.String())
	if f.Signature != "" {
		body += f.Signature + "\n"
	}
	if err := checkLines(t.t.Name(), body, f); err != nil {
		return Draft{}, err
	}
	return Draft{Subject: subject, Body: body}, nil
}

// tidy tidies every line of text, keeps at most one blank line between
// paragraphs and none around them, and ends the text with a newline.
func tidy(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	blank := false
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		if !tidyAlready(line) {
			line = tidyLine(strings.Join(fields(line), " "))
		}
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// fields splits a line into words at white space, as strings.Fields does,
// but keeps in its word the no-break space French writes before ! ? : ;
// and inside « »: it is part of the punctuation, not a gap between words.
func fields(line string) []string {
	var words []string
	start := -1
	prev := rune(0)
	for i, r := range line {
		next, _ := utf8.DecodeRuneInString(line[i+utf8.RuneLen(r):])
		french := r == '\u00a0' && (strings.ContainsRune("!?:;»", next) || prev == '«')
		if unicode.IsSpace(r) && !french {
			if start >= 0 {
				words = append(words, line[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		prev = r
	}
	if start >= 0 {
		words = append(words, line[start:])
	}
	return words
}

// tidyAlready reports whether a line needs no tidying: ASCII spaces only,
// single and inside it, none before punctuation, no doubled stop, no stop
// after a mark. Most lines of a letter are; the test spares a batch the
// work of rebuilding them.
func tidyAlready(line string) bool {
	if line == "" || line[0] == ' ' || line[len(line)-1] == ' ' {
		return line == ""
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '\t' || c == '\r' || c >= 0x80 && strings.ContainsRune(line, '\u00a0') {
			return false
		}
		if i+1 < len(line) {
			next := line[i+1]
			if c == ' ' && (next == ' ' || strings.IndexByte(",.;:!?", next) >= 0) || c == '.' && next == '.' || (c == '!' || c == '?') && next == '.' {
				return false
			}
		}
	}
	return true
}

// tidyLine drops a space before punctuation that ends a clause, the
// second of two full stops (but not an ellipsis), and a full stop after an
// exclamation or question mark ("at Yahoo!."), in a line whose spaces are
// already single.
func tidyLine(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	for i := 0; i < len(line); i++ {
		c := line[i]
		next, after := byte(' '), byte(' ')
		if i+1 < len(line) {
			next = line[i+1]
		}
		if i+2 < len(line) {
			after = line[i+2]
		}
		endsClause := strings.IndexByte(",.;:!?", next) >= 0 && after == ' '
		doubledStop := c == '.' && next == '.' && after != '.' && (i == 0 || line[i-1] != '.')
		stopAfterMark := c == '.' && i > 0 && (line[i-1] == '!' || line[i-1] == '?') && (next == ' ' || i+1 == len(line))
		if c == ' ' && endsClause || doubledStop || stopAfterMark {
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// maxLine is the longest line mail allows, in bytes, without its line end
// (RFC 5322).
const maxLine = 998

// A lineFault is what can be wrong with a line of a body: mail cannot
// carry it as it is, or mail programs would take it for something other
// than text (mailx runs "~" lines as commands, composers such as mblaze
// treat "#" lines as directives, and sendmail stops reading at a lone ".").
type lineFault int

const (
	noFault lineFault = iota
	tooLong
	commandStart
	unsafeCharacter
)

func faultOf(line string) lineFault {
	switch {
	case len(line) > maxLine:
		return tooLong
	case strings.HasPrefix(line, "~"), strings.HasPrefix(line, "#"), line == ".":
		return commandStart
	case strings.IndexFunc(line, input.Unsafe) >= 0:
		return unsafeCharacter
	}
	return noFault
}

// checkLines refuses a body with a line lineProblem objects to. Only an
// answer can make such a line, so the error names the answer: the one that
// starts the line, or for a long line the longest one in it.
func checkLines(template string, body string, f Fields) error {
	n := 0
	for line := range strings.Lines(body) {
		n++
		line = strings.TrimSuffix(line, "\n")
		var problem, hint string
		switch faultOf(line) {
		case noFault:
			continue
		case tooLong:
			problem = fmt.Sprintf("would make line %d of the letter %d bytes long, more than the %d mail allows", n, len(line), maxLine)
			hint = "shorten it"
		case commandStart:
			problem = fmt.Sprintf("would start line %d of the letter with %q, which mail programs read as a command", n, line[:1])
			hint = "start it with something else"
		case unsafeCharacter:
			problem = fmt.Sprintf("would put an invisible or control character in line %d of the letter", n)
			hint = "retype it"
		}
		blame, longest := "", 0
		for _, a := range []struct{ field, value string }{
			{"name", f.Name}, {"contact", f.Contact}, {"company", f.Company}, {"role", f.Role}, {"refer", f.Refer}, {"reason_text", f.ReasonText}, {"signature", f.Signature},
		} {
			switch {
			case a.value == "":
			case len(line) > maxLine && strings.Contains(line, a.value) && len(a.value) > longest:
				blame, longest = a.field, len(a.value)
			case len(line) <= maxLine && (strings.HasPrefix(line, a.value) || strings.Contains(a.value, line)):
				blame = a.field
			}
		}
		if blame != "" {
			return &FieldError{Field: blame, Problem: problem, Hint: hint}
		}
		return fmt.Errorf("template %s %s", template, problem)
	}
	return nil
}

// CheckDraft checks a draft that did not come from a template, such as
// one the user edited: a subject of one line, and a body whose lines mail
// can carry as they are. Its error names the line.
func CheckDraft(d Draft) error {
	if strings.TrimSpace(d.Subject) == "" {
		return errors.New("the subject is empty")
	}
	if strings.IndexFunc(d.Subject, input.Unsafe) >= 0 || strings.Contains(d.Subject, "=?") {
		return errors.New("the subject holds an invisible or control character, or an encoded word (=?)")
	}
	if strings.TrimSpace(d.Body) == "" {
		return errors.New("the body is empty")
	}
	n := 0
	for line := range strings.Lines(d.Body) {
		n++
		line = strings.TrimSuffix(line, "\n")
		switch faultOf(line) {
		case tooLong:
			return fmt.Errorf("line %d of the body is %d bytes long, more than the %d mail allows", n, len(line), maxLine)
		case commandStart:
			return fmt.Errorf("line %d of the body starts with %q, which mail programs read as a command", n, line[:1])
		case unsafeCharacter:
			return fmt.Errorf("line %d of the body holds an invisible or control character", n)
		}
	}
	return nil
}

package letter

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/decline-cli/decline/internal/input"
)

// A Source is the text of a template, its name and where it comes from.
type Source struct {
	Name   string // as a Library lists it
	Origin string // "built-in", or the file's path
	Text   string
}

// Parse parses the template, naming it by its name in errors, with the
// column of a parse error where it can be found.
func (s Source) Parse() (*Template, error) {
	t, err := ParseTemplate(s.Name, s.Text)
	if err != nil {
		return nil, withColumn(err, s.Text)
	}
	return t, nil
}

// A Library finds templates by name: the user's own, then the built-in
// ones. Both are laid out as LANGUAGE/KIND/TONE.tmpl; the user's may also
// be NAME.tmpl. Built-in English letters declining an interview go by
// their tone alone (formal), everything else by its path without .tmpl
// (en/interview/formal, mine).
type Library struct {
	Builtin fs.FS
	Own     fs.FS  // the user's templates directory; nil for none
	OwnDir  string // its path, to say where a template came from
}

// List returns every template, the built-in ones first, each under the
// name Find takes.
func (l Library) List() []Source {
	var all []Source
	builtin, _ := fs.Glob(l.Builtin, "*/*/*.tmpl")
	for _, p := range builtin {
		all = append(all, Source{Name: l.name(p), Origin: "built-in"})
	}
	if l.Own != nil {
		flat, _ := fs.Glob(l.Own, "*.tmpl")
		laid, _ := fs.Glob(l.Own, "*/*/*.tmpl")
		for _, p := range append(flat, laid...) {
			all = append(all, Source{Name: strings.TrimSuffix(p, ".tmpl"), Origin: path.Join(l.OwnDir, p)})
		}
	}
	return all
}

// name names a built-in template file.
func (l Library) name(p string) string {
	p = strings.TrimSuffix(p, ".tmpl")
	if rest, ok := strings.CutPrefix(p, Languages[0].Dir+"/"+DefaultKind+"/"); ok {
		return rest
	}
	return p
}

// Find returns the template of a name List gives (or a built-in one by
// its full path, en/interview/formal), the user's first; ok is false when
// there is none.
func (l Library) Find(name string) (s Source, ok bool) {
	if !fs.ValidPath(name + ".tmpl") {
		return Source{}, false
	}
	if l.Own != nil {
		if text, err := input.ReadFS(l.Own, name+".tmpl", MaxTemplate); err == nil {
			return Source{Name: name, Origin: path.Join(l.OwnDir, name+".tmpl"), Text: string(text)}, true
		}
	}
	for _, p := range []string{Languages[0].Dir + "/" + DefaultKind + "/" + name + ".tmpl", name + ".tmpl"} {
		if strings.Count(p, "/") != 2 {
			continue
		}
		if text, err := fs.ReadFile(l.Builtin, p); err == nil {
			return Source{Name: l.name(p), Origin: "built-in", Text: string(text)}, true
		}
	}
	return Source{}, false
}

// MaxTemplate is the largest template read: a letter is a page.
const MaxTemplate = 64 << 10

// parseError is the form of text/template's parse errors, compiled when
// first needed: most runs parse no template of the user's.
var parseError = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^template: ([^:]+):(\d+): (.*)$`) })

// withColumn adds a column to a text/template parse error, which gives
// only "template: NAME:LINE: message": the column of the first action on
// that line that does not parse on its own (actions that open or close a
// block never do, and are skipped), else of the line's first action.
func withColumn(err error, text string) error {
	m := parseError().FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	n, _ := strconv.Atoi(m[2])
	lines := strings.Split(text, "\n")
	if n < 1 || n > len(lines) {
		return err
	}
	line, column := lines[n-1], strings.Index(lines[n-1], "{{")+1
	for i := 0; ; {
		start := strings.Index(line[i:], "{{")
		if start < 0 {
			break
		}
		start += i
		action := line[start:]
		if end := strings.Index(action, "}}"); end >= 0 {
			action = action[:end+2]
		}
		keyword, _, _ := strings.Cut(strings.TrimLeft(strings.TrimPrefix(action, "{{"), "- "), " ")
		block := slices.Contains([]string{"define", "if", "else", "end", "with", "range", "block", "template", "break", "continue", "/*"}, strings.TrimRight(keyword, "}-"))
		if _, perr := template.New("").Parse(action); perr != nil && !block {
			column = start + 1
			break
		}
		i = start + 2
	}
	return fmt.Errorf("template %s:%d:%d: %s", m[1], n, max(column, 1), m[3])
}

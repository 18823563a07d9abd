package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/spf13/cobra"

	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/internal/letter"
)

// A source is the text of a template and where it comes from.
type source struct {
	name   string // as decline templates lists it
	origin string // "built-in", or the file's path
	text   string
}

// userTemplates returns the directory of the user's own templates, beside
// the config file.
func (env *Env) userTemplates() string {
	if env.ConfigPath == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(env.ConfigPath), "templates")
}

// builtinName names a built-in template: by its tone alone for English
// letters declining an interview, else LANGUAGE/KIND/TONE.
func builtinName(p string) string {
	p = strings.TrimSuffix(p, ".tmpl")
	if rest, ok := strings.CutPrefix(p, language+"/"+kind+"/"); ok {
		return rest
	}
	return p
}

// templates lists the built-in templates and the user's.
func (env *Env) templates() ([]source, error) {
	var all []source
	paths, err := fs.Glob(env.Templates, "*/*/*.tmpl")
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		all = append(all, source{name: builtinName(p), origin: "built-in"})
	}
	if dir := env.userTemplates(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.tmpl"))
		for _, f := range files {
			all = append(all, source{name: strings.TrimSuffix(filepath.Base(f), ".tmpl"), origin: f})
		}
	}
	return all, nil
}

// findTemplate finds a template by name: a file, then one of the user's
// templates, then a built-in one.
func (env *Env) findTemplate(name string) (source, error) {
	if strings.ContainsRune(name, os.PathSeparator) || strings.HasSuffix(name, ".tmpl") {
		text, err := os.ReadFile(name)
		if err != nil {
			return source{}, &usageError{err: fmt.Errorf("reading template %s: %w", name, pathError(err)), hint: "'decline templates' lists the templates you can name instead"}
		}
		return source{name: name, origin: name, text: string(text)}, nil
	}
	if dir := env.userTemplates(); dir != "" {
		file := filepath.Join(dir, name+".tmpl")
		if text, err := os.ReadFile(file); err == nil {
			return source{name: name, origin: file, text: string(text)}, nil
		}
	}
	for _, p := range []string{language + "/" + kind + "/" + name + ".tmpl", name + ".tmpl"} {
		if text, err := fs.ReadFile(env.Templates, p); err == nil {
			return source{name: builtinName(p), origin: "built-in", text: string(text)}, nil
		}
	}
	return source{}, &usageError{err: fmt.Errorf("no template named %q", name),
		hint: "'decline templates' lists them; give a path to use a file"}
}

// parse parses a template's text, adding the column to a parse error's
// line where it can.
func (s source) parse() (*letter.Template, error) {
	t, err := letter.ParseTemplate(s.name, s.text)
	if err != nil {
		return nil, &usageError{err: withColumn(err, s.text), hint: "fix the template; 'decline templates vars' lists what it can use"}
	}
	return t, nil
}

// withColumn adds a column to a text/template parse error, which gives
// only "template: NAME:LINE: message": the column of the first action on
// that line that does not parse on its own (actions that open or close a
// block never do, and are skipped), else of the line's first action.
func withColumn(err error, text string) error {
	m := regexp.MustCompile(`^template: ([^:]+):(\d+): (.*)$`).FindStringSubmatch(err.Error())
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

func newTemplatesCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "List the letter templates: built-in ones, and yours",
		Long: `List the letter templates: the built-in ones, and yours, kept as
NAME.tmpl in the templates directory beside the config file. Use one with
decline --template NAME (or --template FILE). A template is a Go
text/template that defines a "subject" and a "body"; start from a built-in
one with 'decline templates show formal'.`,
		Example: `  decline templates
  decline templates show formal > ~/.config/decline/templates/mine.tmpl
  decline templates check mine
  decline --company Acme --role SRE --template mine`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			all, err := env.templates()
			if err != nil {
				return err
			}
			for _, s := range all {
				fmt.Fprintf(env.IO.Out, "%-20s %s\n", s.name, s.origin)
			}
			if dir := env.userTemplates(); dir != "" {
				fmt.Fprintf(env.IO.ErrOut, "decline: your templates go in %s\n", dir)
			}
			return nil
		},
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:     "show NAME",
			Short:   "Print a template, to start your own from it",
			Example: "  decline templates show warm > mine.tmpl",
			Args:    oneArg("NAME"),
			RunE: func(cmd *cobra.Command, args []string) error {
				s, err := env.findTemplate(args[0])
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(env.IO.Out, s.text)
				return err
			},
		},
		&cobra.Command{
			Use:     "vars",
			Short:   "List the fields and functions a template can use, with examples",
			Example: "  decline templates vars",
			Args:    noArgs,
			RunE: func(cmd *cobra.Command, args []string) error {
				fmt.Fprintln(env.IO.Out, "Fields:")
				for _, v := range letter.Vars {
					fmt.Fprintf(env.IO.Out, "  %-16s %s\n  %-16s example: %s\n", v.Name, v.Doc, "", v.Example)
				}
				fmt.Fprintln(env.IO.Out, "\nFunctions and actions (Go text/template):")
				for _, v := range letter.Funcs {
					fmt.Fprintf(env.IO.Out, "  %-26s %s\n  %-26s example: %s\n", v.Name, v.Doc, "", v.Example)
				}
				return nil
			},
		},
		&cobra.Command{
			Use:     "check FILE|NAME",
			Short:   "Parse a template, render it for every reason and tone, and check each letter",
			Example: "  decline templates check mine\n  decline templates check ./letters/offer.tmpl",
			Args:    oneArg("FILE|NAME"),
			RunE: func(cmd *cobra.Command, args []string) error {
				return checkTemplate(env, args[0])
			},
		},
	)
	return cmd
}

// oneArg accepts exactly one argument, named what in errors.
func oneArg(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return &usageError{err: fmt.Errorf("%s takes one %s", cmd.CommandPath(), what), hint: "'decline templates' lists the templates"}
		}
		return nil
	}
}

// checkTemplate renders a template for every reason (and an own reason)
// and tone, with and without the optional answers, and holds each letter
// to the guide.
func checkTemplate(env *Env, name string) error {
	s, err := env.findTemplate(name)
	if err != nil {
		return err
	}
	t, err := s.parse()
	if err != nil {
		return err
	}
	date, _ := letter.ParseDate("2026-12-03")
	samples := []letter.Fields{
		{Company: "Acme Corp", Role: "Data Engineer", Contact: "Ms. Rivera", InterviewDate: date, KeepInTouch: true, Refer: "Jordan Smith", Name: "Sam Lee"},
		{Company: "Acme Corp", Role: "Data Engineer", Name: "Sam Lee"},
	}
	// The same problem shows in many letters: each is reported once, with
	// how many letters have it and the first that does.
	type problem struct {
		finding check.Finding
		first   string
		letters int
	}
	var problems []*problem
	seen := make(map[string]*problem)
	letters := 0
	for _, sample := range samples {
		for _, tone := range letter.Keys(letter.Tones) {
			for _, reason := range append(letter.Keys(letter.Reasons), "own") {
				f := sample
				f.Tone, f.Reason = tone, reason
				if reason == "own" {
					f.Reason, f.ReasonText = "", "I have decided to return to university this autumn."
				}
				answers := "the required answers"
				if f.Contact != "" {
					answers = "every answer"
				}
				what := fmt.Sprintf("%s, %s, %s", tone, reason, answers)
				d, err := t.Render(f)
				if err != nil {
					return &usageError{err: fmt.Errorf("rendering %s (%s): %w", s.name, what, err), hint: "fix the template; 'decline templates vars' lists the fields it can use"}
				}
				letters++
				for _, finding := range check.Letter(check.Parse([]byte(textFormat(d)))) {
					if finding.Rule == "door-open" && !f.KeepInTouch {
						continue // not asked for
					}
					key := finding.Rule + "\x00" + finding.Message
					if p := seen[key]; p != nil {
						p.letters++
						continue
					}
					p := &problem{finding: finding, first: fmt.Sprintf("%s, line %d", what, finding.Line), letters: 1}
					seen[key] = p
					problems = append(problems, p)
				}
			}
		}
	}
	errs, warnings := 0, 0
	for _, p := range problems {
		if p.finding.Severity == check.Error {
			errs++
		} else {
			warnings++
		}
		fmt.Fprintf(env.IO.Out, "%s: %s: %s (%d of %d letters; first: %s)\n",
			s.name, p.finding.Rule, printable(p.finding.Message), p.letters, letters, p.first)
	}
	fmt.Fprintf(env.IO.ErrOut, "%s: %d letters rendered: %s\n", s.name, letters, summary(errs, warnings))
	if errs > 0 {
		return errFindings
	}
	return nil
}

package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/internal/compose"
	"github.com/decline-cli/decline/internal/input"
	"github.com/decline-cli/decline/internal/letter"
)

// userTemplates returns the directory of the user's own templates, beside
// the config file.
func (env *Env) userTemplates() string {
	if env.ConfigPath == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(env.ConfigPath), "templates")
}

// library returns where templates are found by name: the user's, then
// the built-in ones.
func (env *Env) library() letter.Library {
	l := letter.Library{Builtin: env.Templates}
	if dir := env.userTemplates(); dir != "" {
		l.Own, l.OwnDir = os.DirFS(dir), dir
	}
	return l
}

// findTemplate finds a template: a file when the name says so (it ends
// in .tmpl, or starts with / . or ~), else a name the library lists, else
// a file.
func (env *Env) findTemplate(name string) (letter.Source, error) {
	file := strings.HasSuffix(name, ".tmpl") || filepath.IsAbs(name) || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~")
	if !file {
		if s, ok := env.library().Find(name); ok {
			return s, nil
		}
		if !strings.ContainsRune(name, os.PathSeparator) {
			return letter.Source{}, &usageError{err: fmt.Errorf("no template named %s", input.Quote(name)),
				hint: "'decline templates' lists them; give a path to use a file"}
		}
	}
	text, err := input.ReadFile(name, letter.MaxTemplate)
	if err != nil {
		return letter.Source{}, &usageError{err: fmt.Errorf("reading template %s: %w", name, pathError(err)), hint: "'decline templates' lists the templates you can name instead"}
	}
	return letter.Source{Name: name, Origin: name, Text: string(text)}, nil
}

func newTemplatesCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "List the letter templates: built-in ones, and yours",
		Long: `List the letter templates: the built-in ones, and yours, kept as
NAME.tmpl or LANGUAGE/KIND/TONE.tmpl in the templates directory beside the
config file. Use any name it lists with
decline --template NAME (or --template FILE). A template is a Go
text/template that defines a "subject" and a "body"; start from a built-in
one with 'decline templates show formal'.`,
		Example: `  decline templates
  decline templates show formal > ~/.config/decline/templates/mine.tmpl
  decline templates check mine
  decline --company Acme --role SRE --template mine`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, s := range env.library().List() {
				fmt.Fprintf(env.IO.Out, "%-20s %s\n", s.Name, s.Origin)
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
			Args:    oneArg("NAME", "'decline templates' lists the templates"),
			RunE: func(cmd *cobra.Command, args []string) error {
				s, err := env.findTemplate(args[0])
				if err != nil {
					return err
				}
				if writesOver(env.IO.Out, s.Origin) {
					// The shell emptied the file before decline ran: the
					// built-in template of the name is what was meant.
					builtin, ok := letter.Library{Builtin: env.Templates}.Find(args[0])
					if !ok {
						return &usageError{err: fmt.Errorf("the output is %s, the template being shown", s.Origin), hint: "write it to another file, then move it"}
					}
					s = builtin
				}
				_, err = fmt.Fprint(env.IO.Out, s.Text)
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
			Args:    oneArg("FILE|NAME", "'decline templates' lists the templates"),
			RunE: func(cmd *cobra.Command, args []string) error {
				return checkTemplate(env, args[0])
			},
		},
	)
	return cmd
}

// writesOver reports whether out is the file at path.
func writesOver(out io.Writer, path string) bool {
	f, ok := out.(*os.File)
	if !ok {
		return false
	}
	outInfo, err := f.Stat()
	if err != nil {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && os.SameFile(outInfo, info)
}

// oneArg accepts exactly one argument, named what in errors, with a hint
// at what to give.
func oneArg(what, hint string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return &usageError{err: fmt.Errorf("%s takes one %s", cmd.CommandPath(), what), hint: hint}
		}
		return nil
	}
}

// checkTemplate renders a template for every reason, tone and set of
// answers, and holds each letter to the guide: each problem is reported
// once, with how many letters have it and the first that does.
func checkTemplate(env *Env, name string) error {
	s, err := env.findTemplate(name)
	if err != nil {
		return err
	}
	t, err := s.Parse()
	if err != nil {
		return &compose.TemplateError{Name: s.Name, Err: err}
	}
	problems, letters, err := compose.CheckTemplate(t)
	if err != nil {
		return &compose.TemplateError{Name: s.Name, Err: err}
	}
	errs := 0
	for _, p := range problems {
		if p.Finding.Severity == check.Error {
			errs++
		}
		fmt.Fprintf(env.IO.Out, "%s: %s: %s (%d of %d letters; first: %s)\n",
			s.Name, p.Finding.Rule, printable(p.Finding.Message), p.Letters, letters, p.First)
	}
	fmt.Fprintf(env.IO.ErrOut, "%s: %d letters rendered: %s\n", s.Name, letters, summary(errs, len(problems)-errs))
	if errs > 0 {
		return errFindings
	}
	return nil
}

package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/internal/input"
	"github.com/decline-cli/decline/internal/iostreams"
	"github.com/decline-cli/decline/internal/letter"
)

// checkFormats are the forms decline check reports in.
var checkFormats = []letter.Option{
	{Key: "text", Description: "FILE:LINE: RULE: message, a finding a line (the default)"},
	{Key: "json", Description: "one object: the file and its findings"},
}

// CheckOptions are what decline check is asked to do.
type CheckOptions struct {
	IO     *iostreams.IOStreams
	File   string // "-" for stdin
	Format string
	Kind   string // the kind of letter, whose own rules apply; "" for none
	Lang   string // the letter's language, whose rules apply; "" to detect it

	stdinImplied bool // no FILE was given, not even "-"
}

func newCheckCmd(env *Env) *cobra.Command {
	opts := &CheckOptions{IO: env.IO}
	cmd := &cobra.Command{
		Use:   "check [FILE|-]",
		Short: "Hold a draft to the guide's tips, like a linter",
		Example: `  decline check draft.txt
  decline --company Acme --role SRE --name Sam | decline check
  decline check --format json draft.eml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return &usageError{err: fmt.Errorf("%s takes one file, but was given %d", cmd.CommandPath(), len(args)), hint: "check one draft at a time"}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File, opts.stdinImplied = "-", len(args) == 0
			if len(args) == 1 {
				opts.File = args[0]
			}
			return runCheck(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "how to report: text, json")
	cmd.Flags().StringVar(&opts.Kind, "kind", "", "the kind of letter, to hold it to that kind's rules too: "+strings.Join(letter.Keys(letter.KindOptions()), ", "))
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "the letter's language, whose rules apply: "+strings.Join(check.Languages(), ", ")+" (detected when not given)")
	return cmd
}

// checkHelp describes the rules, for decline check --help.
func checkHelp() string {
	var b strings.Builder
	b.WriteString(`Read a draft (decline's text format, an .eml message, or a bare body) from
FILE, or stdin when FILE is - or missing, and report where it breaks the
tips of the guide: one finding a line, FILE:LINE: RULE: message, then a
summary on stderr.

Rules:
`)
	for _, r := range check.Rules {
		rationale := r.Rationale
		if r.Severity == check.Warning {
			rationale += " (a warning)"
		}
		fmt.Fprintf(&b, "  %-16s %s\n", r.ID, rationale)
	}
	b.WriteString(`
Formats (--format):
` + optionList(checkFormats) + `
Exit status:
  0    no finding, or warnings only
  1    at least one error finding
  2    bad usage: an unreadable file, a draft over 1 MB, a body that does not
       decode, an unknown format`)
	return b.String()
}

// errFindings is the error of a draft with error findings: decline check
// exits 1, having said everything already.
var errFindings = errors.New("the draft breaks the guide's rules")

func runCheck(opts *CheckOptions) error {
	opts.Format = strings.ToLower(opts.Format)
	if err := letter.Lookup("format", checkFormats, opts.Format); err != nil {
		return err
	}
	if opts.Kind != "" {
		kind, err := letter.FindKind(opts.Kind)
		if err != nil {
			return err
		}
		opts.Kind = kind.Key
	}
	if opts.Lang != "" && !check.Knows(opts.Lang) {
		return &usageError{err: fmt.Errorf("--lang %s is not a language decline check knows", input.Quote(opts.Lang)),
			hint: "use one of " + strings.Join(check.Languages(), ", ") + ", or leave it out to detect the language"}
	}
	if opts.stdinImplied && opts.IO.IsStdinTTY() {
		// Waiting on a terminal for a draft nobody is typing helps no one.
		return &usageError{err: errors.New("decline check needs a draft to read"),
			hint: "give a file (decline check draft.txt), - to type or paste one, or pipe it in (decline ... | decline check)"}
	}
	name, data, err := readDraft(opts.IO.In, opts.File)
	if err != nil {
		return &usageError{err: err, hint: "give the path of a draft, or - to read stdin"}
	}
	d, err := check.Read(data)
	if err != nil {
		return &usageError{err: fmt.Errorf("%s: %w", name, err), hint: "check the draft as text, or the message as your mail program saved it"}
	}
	lang := opts.Lang
	if lang == "" {
		lang = check.Detect(d)
	}
	if lang == "" {
		// English rules on another language would find only noise.
		fmt.Fprintf(opts.IO.ErrOut, "decline: note: %s is not in a language decline check knows (%s), so nothing was checked; --lang names one if it is\n",
			name, strings.Join(check.Languages(), ", "))
	}
	findings := check.LetterIn(d, opts.Kind, lang)
	if findings == nil {
		findings = []check.Finding{}
	}
	switch opts.Format {
	case "json":
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(struct {
			File     string          `json:"file"`
			Findings []check.Finding `json:"findings"`
		}{name, findings})
	default:
		err = writeFindings(opts.IO.Out, name, findings)
	}
	if err != nil {
		return fmt.Errorf("writing the findings: %w", err)
	}
	if lang == "" {
		return nil // the note said why there is nothing to report
	}
	errs := check.Errors(findings)
	fmt.Fprintf(opts.IO.ErrOut, "%s: %s\n", name, summary(errs, len(findings)-errs))
	if errs > 0 {
		return errFindings
	}
	return nil
}

// maxDraft is the largest draft decline check reads: a decline is a
// page, and a message with its quoted thread a few.
const maxDraft = 1 << 20

// readDraft reads the draft to check, and names it for the report.
func readDraft(stdin io.Reader, file string) (string, []byte, error) {
	if file == "-" {
		data, err := io.ReadAll(io.LimitReader(stdin, maxDraft+1))
		if err != nil {
			return "", nil, fmt.Errorf("reading stdin: %w", err)
		}
		if len(data) > maxDraft {
			return "", nil, fmt.Errorf("stdin holds more than %d bytes: a decline is a page", maxDraft)
		}
		return "<stdin>", data, nil
	}
	data, err := input.ReadFile(file, maxDraft)
	if err != nil {
		return "", nil, fmt.Errorf("reading %s: %w", file, pathError(err))
	}
	return file, data, nil
}

// writeFindings writes findings a line each, as compilers and linters do.
func writeFindings(w io.Writer, name string, findings []check.Finding) error {
	for _, f := range findings {
		text := f.String()
		if f.Severity == check.Warning {
			text = f.Rule + ": warning: " + strings.TrimPrefix(text, f.Rule+": ")
		}
		if _, err := fmt.Fprintf(w, "%s:%d: %s\n", name, f.Line, printable(text)); err != nil {
			return err
		}
	}
	return nil
}

// pathError returns what went wrong with a file, without the path that
// os's errors repeat.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// summary counts errors and warnings in words.
func summary(errors, warnings int) string {
	count := func(n int, what string) string {
		if n == 1 {
			return "1 " + what
		}
		return fmt.Sprintf("%d %ss", n, what)
	}
	switch {
	case errors == 0 && warnings == 0:
		return "no findings: the draft follows the guide"
	case warnings == 0:
		return count(errors, "error")
	case errors == 0:
		return count(warnings, "warning")
	}
	return count(errors, "error") + " and " + count(warnings, "warning")
}

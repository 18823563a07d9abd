// Package cli is decline's command line: its commands and flags, how
// errors are reported, and the exit statuses.
package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/decline-cli/decline/internal/batch"
	"github.com/decline-cli/decline/internal/compose"
	"github.com/decline-cli/decline/internal/config"
	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/form"
	"github.com/decline-cli/decline/internal/format"
	"github.com/decline-cli/decline/internal/input"
	"github.com/decline-cli/decline/internal/iostreams"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/state"
	"github.com/decline-cli/decline/templates"
)

// Exit statuses. They are part of decline's interface: README and
// decline --help document them.
const (
	exitOK          = 0   // done
	exitFailure     = 1   // failed at run time
	exitUsage       = 2   // bad usage: a missing or invalid flag or answer
	exitInterrupted = 130 // interrupted, as by Ctrl-C
)

// exitStatusHelp documents the exit statuses.
const exitStatusHelp = `Exit status:
  0    done
  1    failed at run time: writing, copying, editing or opening failed
  2    bad usage: a missing or invalid flag, answer or setting
  130  interrupted`

// Env is what a run of decline takes from the world. Tests replace it.
type Env struct {
	IO  *iostreams.IOStreams
	Now func() time.Time
	// Random returns random numbers for message IDs. They need to be
	// unique, not secret: math/rand/v2 serves, and spares a run the
	// timer that crypto/rand sets up.
	Random     func() uint64
	Templates  fs.FS // the built-in letter templates
	Getenv     func(string) string
	ConfigPath string      // the config file
	StateDir   string      // where the last answers and draft are kept
	Desktop    desktop.Env // the clipboard, the editor, the mail client
}

// Main runs decline with the process's arguments and streams, and returns
// its exit status.
func Main() int {
	env := &Env{IO: iostreams.System(), Now: time.Now, Random: rand.Uint64, Templates: templates.FS,
		Getenv: os.Getenv, ConfigPath: config.Path(), StateDir: state.Dir(), Desktop: desktop.System}
	// The XDG specification says to ignore a relative path; a user who set
	// one meant something by it, and is told.
	for _, name := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME"} {
		if dir := os.Getenv(name); dir != "" && !filepath.IsAbs(dir) {
			warn(env.IO.ErrOut, "%s=%s is not an absolute path, so it is ignored, as the XDG specification says", name, printable(strconv.Quote(dir)))
		}
	}
	return Run(env, os.Args[1:])
}

// Run runs decline with args, reports any error on env.IO.ErrOut, and
// returns the exit status.
func Run(env *Env, args []string) int {
	cmd := NewRootCmd(env)
	if args == nil {
		args = []string{} // cobra would read os.Args instead of nil
	}
	cmd.SetArgs(args)
	return report(env.IO.ErrOut, cmd.Execute())
}

// NewRootCmd returns the decline command: decline draft, which runs when
// no other command is named, and its subcommands.
func NewRootCmd(env *Env) *cobra.Command {
	return newRootCmd(env, nil)
}

// newRootCmd builds the commands; runF, when not nil, replaces the work
// of decline draft, for tests of the flags alone.
func newRootCmd(env *Env, runF func(*DraftOptions) error) *cobra.Command {
	draft := newDraftCmd(env, runF)
	// decline is decline draft: the same flags, bound to the same options.
	root := &cobra.Command{
		Use:     "decline",
		Short:   "Draft the email that politely declines a job interview",
		Example: draft.Example,
		Args:    noArgs,
	}
	root.Flags().AddFlagSet(draft.Flags())
	showVersion := root.Flags().Bool("version", false, "print decline's version")
	root.Flags().SortFlags = false
	root.RunE = func(cmd *cobra.Command, args []string) error {
		if *showVersion {
			_, err := fmt.Fprintln(env.IO.Out, "decline", Version())
			return err
		}
		return draft.RunE(cmd, args)
	}
	// The long help lists the catalogues: it is built when help is asked
	// for, not on every run.
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		kind := letter.DefaultKind
		if f := c.Flags().Lookup("kind"); f != nil && f.Changed {
			kind = f.Value.String()
		}
		if long := longHelp(c.Name(), kind); long != "" {
			c.Long = long
		}
		help(c, args)
	})
	root.SuggestionsMinimumDistance = 2
	root.SilenceErrors = true
	root.SilenceUsage = true
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		hint := fmt.Sprintf("run '%s --help' for the flags it takes", cmd.CommandPath())
		if name, ok := strings.CutPrefix(err.Error(), "unknown flag: --"); ok {
			var names []string
			cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
			if best := letter.Nearest(name, names); best != "" {
				hint = fmt.Sprintf("did you mean --%s? %s", best, hint)
			}
		}
		return &usageError{err: err, hint: hint}
	})
	// cobra builds its own completion commands, five of them with their
	// help, on every run; this one is a single command.
	root.CompletionOptions.DisableDefaultCmd = true
	root.AddCommand(draft, newReplyCmd(env, runF), newBatchCmd(env), newCheckCmd(env), newTemplatesCmd(env), newConfigCmd(env), newCompletionCmd(env))
	completeValues(env, root)
	return root
}

// longHelp returns the long help of the commands whose help lists the
// catalogues, or "".
func longHelp(command, kind string) string {
	switch command {
	case "decline":
		return "decline drafts the email that turns down a job interview, an offer or a\n" +
			"recruiter's approach politely, without burning bridges, and prints it, or\n" +
			"the message a mail program sends. With no command, decline runs\n\"decline draft\".\n\n" + draftHelp(kind)
	case "draft":
		return "Draft the email that declines an interview, an offer or an approach.\n\n" + draftHelp(kind)
	case "check":
		return checkHelp()
	}
	return ""
}

// Document fills in the long help of every command, which decline builds
// only when help is asked for, for documentation made from the commands,
// such as man pages.
func Document(root *cobra.Command) {
	for _, c := range append([]*cobra.Command{root}, root.Commands()...) {
		if long := longHelp(c.Name(), letter.DefaultKind); long != "" {
			c.Long = long
		}
	}
}

// version is set by release builds: -ldflags "-X github.com/decline-cli/decline/internal/cli.version=v1.2.3".
var version string

// Version returns decline's version: the release's, else the module's
// when installed with go install, else what the build knows of its
// source.
func Version() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	revision, modified := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if revision == "" {
		return "(devel)"
	}
	if len(revision) > 12 {
		revision = revision[:12]
	}
	if modified {
		revision += "-dirty"
	}
	return "(devel) " + revision
}

// completeValues completes the values of the flags that take one of a
// fixed set, and the names of templates, in every shell.
func completeValues(env *Env, root *cobra.Command) {
	options := func(opts []letter.Option) cobra.CompletionFunc {
		return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var c []cobra.Completion
			for _, o := range opts {
				c = append(c, cobra.CompletionWithDesc(o.Key, o.Description))
			}
			return c, cobra.ShellCompDirectiveNoFileComp
		}
	}
	// The reasons offered are those of the --kind on the line.
	kindReasons := func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		reasons := letter.Reasons
		if value, err := cmd.Flags().GetString("kind"); err == nil {
			if k, err := letter.FindKind(value); err == nil {
				reasons = k.Reasons
			}
		}
		return options(reasons)(cmd, args, toComplete)
	}
	templates := func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var c []cobra.Completion
		for _, s := range env.library().List() {
			c = append(c, cobra.CompletionWithDesc(s.Name, s.Origin))
		}
		return c, cobra.ShellCompDirectiveDefault // a file will do too
	}
	for _, c := range append([]*cobra.Command{root}, root.Commands()...) {
		for flag, complete := range map[string]cobra.CompletionFunc{
			"reason": kindReasons, "tone": options(letter.Tones), "template": templates,
			"kind": options(letter.KindOptions()), "lang": options(letter.LanguageOptions()),
		} {
			if c.Flags().Lookup(flag) != nil {
				c.RegisterFlagCompletionFunc(flag, complete)
			}
		}
		if c.Flags().Lookup("format") != nil {
			set := format.Draft
			switch c.Name() {
			case "check":
				set = checkFormats
			case "batch":
				set = format.Batch
			}
			c.RegisterFlagCompletionFunc("format", options(set))
		}
	}
	for _, c := range root.Commands() {
		if c.Name() == "templates" {
			for _, sub := range c.Commands() {
				if sub.Name() == "show" || sub.Name() == "check" {
					sub.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
						if len(args) > 0 {
							return nil, cobra.ShellCompDirectiveNoFileComp
						}
						return templates(cmd, args, toComplete)
					}
				}
			}
		}
	}
}

func newCompletionCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the script that completes decline's commands and flags in a shell",
		Long: `Print the script that completes decline's commands, flags and their values
(reasons, tones, formats) in bash, zsh, fish or PowerShell.

  bash:        decline completion bash > ~/.local/share/bash-completion/completions/decline
  zsh:         decline completion zsh > "${fpath[1]}/_decline"
  fish:        decline completion fish > ~/.config/fish/completions/decline.fish
  PowerShell:  decline completion powershell | Out-String | Invoke-Expression`,
		Example:   "  decline completion bash > ~/.local/share/bash-completion/completions/decline",
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || !slices.Contains(cmd.ValidArgs, args[0]) {
				return &usageError{err: fmt.Errorf("%s needs one shell: bash, zsh, fish or powershell", cmd.CommandPath()), hint: "for example: decline completion bash"}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root, out := cmd.Root(), env.IO.Out
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			}
			return root.GenPowerShellCompletionWithDesc(out)
		},
	}
}

func newConfigCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "config",
		Short:   "Show where decline's settings are read from",
		Example: "  decline config path",
		Args:    noArgs,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "path",
		Short: "Print the path of the config file",
		Example: `  decline config path
  $EDITOR "$(decline config path)"`,
		Long: `Print the path of the config file, config.toml, whether or not it exists.
It is a TOML file with these settings, all optional:

  name = "Sam Lee"                     # the signature
  from = "Sam Lee <sam@example.org>"   # your address
  kind = "interview"                   # what you decline, unless --kind
  lang = "en-GB"                       # the letters' language, unless --lang
  tone = "warm"                        # formal, warm or brief
  keep_in_touch = true                 # offer to stay in touch
  signature = """
  +1 555 0100
  linkedin.com/in/samlee"""            # up to 4 lines under your name
  clipboard_command = "wl-copy"        # copies its standard input

The environment variables DECLINE_NAME, DECLINE_FROM, DECLINE_KIND,
DECLINE_LANG, DECLINE_TONE, DECLINE_KEEP_IN_TOUCH, DECLINE_SIGNATURE and
DECLINE_CLIPBOARD_COMMAND override the file; flags override both. Without
a lang, the letters are in the English of your locale (LC_ALL,
LC_MESSAGES, LANG): British for en_GB, en_IE, en_AU, en_NZ, en_ZA and
en_IN, else American.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(env.IO.Out, env.ConfigPath)
			return err
		},
	})
	return cmd
}

// A usageError is a mistake in how decline was called.
type usageError struct {
	err  error
	hint string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// noArgs refuses arguments. The first may be a command mistyped; any
// other is most often a value with spaces that was not quoted.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		return &usageError{err: fmt.Errorf("unknown command %s", input.Quote(args[0])), hint: "did you mean " + strings.Join(s, " or ") + "?"}
	}
	hint := fmt.Sprintf("%s takes no arguments; '%s --help' says what it takes", cmd.CommandPath(), cmd.CommandPath())
	if cmd.Flags().Lookup("company") != nil {
		hint = fmt.Sprintf(`quote values that have spaces (--company "Acme Corp"), give true or false with = (--keep-in-touch=false); '%s --help' lists the commands and flags`, cmd.CommandPath())
	}
	return &usageError{err: fmt.Errorf("unexpected argument %s", input.Quote(args[0])), hint: hint}
}

// report writes err on w the way decline reports errors: one line a
// problem, each prefixed with the program's name, and a hint line where
// there is something to do about it. It returns the exit status.
func report(w io.Writer, err error) int {
	status := exitOK
	for _, p := range unjoin(err) {
		s, message, hints := explain(p)
		status = max(status, s)
		if message == "" {
			continue // said already, one by one
		}
		fmt.Fprintf(w, "decline: error: %s\n", printable(message))
		for _, hint := range hints {
			if hint != "" {
				fmt.Fprintf(w, "decline: hint: %s\n", printable(hint))
			}
		}
	}
	return status
}

// printable escapes the characters of s that a terminal could take for
// the start of an escape sequence, since errors may quote what the user
// typed (cobra quotes an unknown flag's name as it is).
func printable(s string) string {
	if strings.IndexFunc(s, input.Unsafe) < 0 && strings.IndexByte(s, '\n') < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == '\n' || input.Unsafe(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unjoin returns the errors that errors.Join joined into err, or err
// alone; nil for nil.
func unjoin(err error) []error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var all []error
		for _, e := range joined.Unwrap() {
			all = append(all, unjoin(e)...)
		}
		return all
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// explain is the one place that says what an error means on the command
// line: its exit status, its message (naming flags for fields; "" when
// it was reported already), and what to do about it. Interrupted beats
// bad usage, which beats a failure at run time.
func explain(err error) (status int, message string, hints []string) {
	var usage *usageError
	var field *letter.FieldError
	var missing *letter.MissingError
	var problem *desktop.Problem
	var kept *keptError
	var other *otherHint
	var setting *config.Error
	var stopped *interrupted
	var tmpl *compose.TemplateError
	var header *batch.HeaderError
	switch {
	case errors.Is(err, errFindings), errors.Is(err, errBatchIncomplete):
		return exitFailure, "", nil
	case errors.As(err, &stopped):
		return exitInterrupted, "interrupted", []string{stopped.kept}
	case errors.As(err, &kept):
		status, message, hints = explain(kept.err)
		return status, message, append(hints, kept.kept)
	case errors.As(err, &other):
		status, message, _ = explain(other.err)
		return status, message, []string{other.hint}
	case errors.As(err, &missing):
		flags := make([]string, len(missing.Fields))
		for i, f := range missing.Fields {
			flags[i] = flagName(f)
			if f == "name" {
				flags[i] += " (or a name in --from)"
			}
		}
		return exitUsage, "missing " + list(flags), []string{"give them as flags, or run decline in a terminal to be asked; 'decline --help' lists every flag"}
	case errors.As(err, &field):
		return exitUsage, flagName(field.Field) + " " + field.Problem, []string{field.Hint}
	case errors.As(err, &usage):
		return exitUsage, usage.Error(), []string{usage.hint}
	case errors.As(err, &tmpl):
		return exitUsage, tmpl.Error(), []string{"fix the template; 'decline templates vars' lists the fields it can use"}
	case errors.As(err, &header):
		return exitUsage, header.Error(), []string{"its first row names the columns, once each: " + strings.Join(batch.Columns, ", ")}
	case errors.As(err, &problem):
		return exitFailure, problem.Error(), []string{problem.Hint}
	case errors.As(err, &setting) && setting.Path == "":
		return exitUsage, setting.Error(), []string{"fix or unset the variable; 'decline config path --help' lists them"}
	case errors.As(err, &setting):
		return exitUsage, setting.Error(), []string{"fix the file, or see 'decline config path --help'"}
	case errors.Is(err, form.ErrAnswersEnded):
		return exitUsage, err.Error(), []string{"give one answer a line, or give the answers as flags"}
	}
	return exitFailure, err.Error(), nil
}

// flagName returns the flag that sets a field named as in letter.Fields.
func flagName(field string) string {
	return "--" + strings.ReplaceAll(field, "_", "-")
}

// list joins items into an English list: "a, b and c".
func list(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// warn writes a warning on w.
func warn(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "decline: warning: "+format+"\n", args...)
}

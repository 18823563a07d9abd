package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/batch"
	"github.com/decline-cli/decline/internal/compose"
	"github.com/decline-cli/decline/internal/config"
	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/format"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/sink"
)

// BatchOptions are what decline batch is asked to do. Its answers are
// the defaults of every row, from flags and the config file.
type BatchOptions struct {
	*Env
	Answers  answers.Answers
	Template string
	Format   string
	File     string // "-" for stdin
	TSV      bool
	Out      string // a directory, or "-" for stdout (an mbox of eml)
	Force    bool
	Pipe     string
	Timeout  time.Duration // for each run of --pipe
	DryRun   bool
	Strict   bool
	// SaveDraft is the Maildir to save each letter in, unsent, or
	// fromSettings for the config's drafts or draft_command.
	SaveDraft string

	given func(flag string) bool
}

func newBatchCmd(env *Env) *cobra.Command {
	b := &BatchOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "batch FILE|-",
		Short: "Draft a letter for every row of a CSV or TSV file",
		Long: `Draft a letter for every row of a CSV file (TSV with --tsv or a .tsv name),
as when an accepted offer calls off several interviews in a day. The
first row names the columns, like the draft flags, each once:

  ` + strings.Join(batch.Columns, ", ") + `

A row's empty cells take the flags' values, then the config file's. Rows
that cannot make a letter are reported with their line and column, and
the others go out (with --strict, none do). No cell holds a line break: a
quote left open at the end of a line is that row's problem alone. Each
letter is written to its own file in --out, named from its line, the
company and the role (0002-acme-corp-data-engineer.eml), atomically, and
never over an existing file without --force; or, with --pipe, given to a
command such as 'msmtp -t', one run a letter, in order.

Exit status:
  0    every row made a letter that went out
  1    a row could not be drafted, written or sent (the others went out)
  2    bad usage, or with --strict a bad row (nothing went out)
  130  interrupted`,
		Example: `  decline batch interviews.csv --name "Sam Lee" --from "Sam Lee <sam@example.org>" --reason accepted-offer
  decline batch interviews.csv --pipe 'msmtp -t' --dry-run
  decline batch interviews.tsv --out letters --format text --force`,
		Args: oneArg("FILE (or - for stdin)", "give the path of a CSV or TSV file, or - for stdin: decline batch interviews.csv"),
		RunE: func(cmd *cobra.Command, args []string) error {
			b.File, b.given = args[0], cmd.Flags().Changed
			if !b.given("out") && (b.Pipe != "" || b.given("save-draft")) {
				b.Out = ""
			}
			return runBatch(b)
		},
	}
	f := cmd.Flags()
	answerFlags(f, &b.Answers, &b.Template)
	f.StringVar(&b.Format, "format", "eml", "what each letter is: "+strings.Join(letter.Keys(format.Batch), ", "))
	f.BoolVar(&b.TSV, "tsv", false, "read tab-separated values")
	f.StringVar(&b.Out, "out", "declines", "the directory to write the letters in, or - for stdout (eml letters as an mbox)")
	f.BoolVar(&b.Force, "force", false, "write over letters that are already in --out")
	f.StringVar(&b.Pipe, "pipe", "", "a command to give each letter to on its stdin, such as 'msmtp -t'")
	saveDraftFlag(f, &b.SaveDraft)
	f.DurationVar(&b.Timeout, "timeout", desktop.DefaultTimeout, "how long each run of --pipe may take before it is stopped")
	f.BoolVar(&b.DryRun, "dry-run", false, "say what would be written or sent, and do nothing")
	f.BoolVar(&b.Strict, "strict", false, "send nothing if any row is bad")
	f.SortFlags = false
	return cmd
}

func runBatch(b *BatchOptions) error {
	b.Format = strings.ToLower(b.Format)
	if err := letter.Lookup("format", format.Batch, b.Format); err != nil {
		return err
	}
	switch {
	case b.Out == "-" && b.Format != "eml":
		return &usageError{err: errors.New("--out - writes an mbox, which holds eml letters"), hint: "drop --format, or give --out a directory"}
	case b.Out == "" && b.Pipe == "" && !b.given("save-draft"):
		return &usageError{err: errors.New("--out is empty"), hint: "give a directory, or --pipe a command"}
	case b.Out != "" && b.given("save-draft"):
		return &usageError{err: errors.New("--out and --save-draft both say where the letters go"), hint: "give one of them"}
	case b.Timeout <= 0:
		return &usageError{err: fmt.Errorf("--timeout %s is not a positive duration", b.Timeout), hint: "give one such as 30s or 2m"}
	}
	if info, err := os.Stat(b.Out); b.Out != "" && b.Out != "-" && err == nil && !info.IsDir() {
		return &usageError{err: fmt.Errorf("--out %s is not a directory", b.Out), hint: "give a directory for the letters, or - for stdout"}
	}
	cfg, err := config.Load(b.ConfigPath, b.Getenv)
	if err != nil {
		return err
	}
	defaults := defaults(cfg, b.Getenv)
	overlay(&defaults, b.Answers, b.given)
	if err := checkChoices(defaults); err != nil {
		return err
	}
	// A bad template is the run's problem, not each row's: said once,
	// before any row.
	composer, err := b.composer(b.Template)
	if err != nil {
		return err
	}

	file, name, err := b.open()
	if err != nil {
		return err
	}
	defer file.Close()
	// A letter's garbage is small and short-lived, and the live heap a few
	// megabytes: collecting at every doubling of it spends a third of a
	// batch in the collector. A heap allowed to grow four times over stays
	// flat all the same, at about twice the size.
	if b.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(300))
	}
	s := &sender{BatchOptions: b, name: name, composer: composer, stamp: format.Stamp{Now: b.Now, Random: lockedRandom(b.Random)},
		report: b.IO.ErrOut}
	if b.given("save-draft") {
		if s.drafts, err = draftSink(cfg, b.SaveDraft, b.Desktop, context.Background()); err != nil {
			return err
		}
		s.stamp.Unsent = true
	}
	if b.IO.IsStderrTTY() {
		// Every message clears the progress line before it is written.
		s.progress = &progressLine{w: b.IO.ErrOut}
		s.report = s.progress
	}
	// A signal stops the batch between letters, and any command running:
	// what went out and what did not is said, and nothing is left half
	// written.
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(signals)
	go func() {
		if sig, ok := <-signals; ok {
			cancel(&stopped{sig})
		}
	}()
	s.ctx = ctx
	if b.Strict {
		// A first pass that only checks, so that nothing goes out if a
		// row is bad; the file is read again for the second, which gives
		// the warnings.
		bad, err := s.each(file, defaults, false)
		if err != nil {
			return err
		}
		if bad > 0 {
			return &usageError{err: fmt.Errorf("%d of the rows cannot make a letter, and --strict sends none", bad), hint: "fix the rows above, or drop --strict to send the good ones"}
		}
		if _, err := file.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("reading %s again: %w", name, err)
		}
	}
	if _, err := s.each(file, defaults, true); err != nil {
		return err
	}
	return s.summary()
}

// stopped is the cause of a batch stopped by a signal.
type stopped struct{ sig os.Signal }

func (s *stopped) Error() string { return "stopped by " + s.sig.String() }

// checkChoices checks the choices every row starts from (kind, language,
// tone, reason), so that a bad flag or setting is said once, before any
// row, rather than once a row.
func checkChoices(a answers.Answers) error {
	var problems []error
	kind, err := letter.FindKind(a.Kind)
	problems = append(problems, err)
	if a.Lang != "" {
		_, err := letter.FindLanguage(a.Lang)
		problems = append(problems, err)
	}
	if tone := strings.ToLower(a.Tone); tone != "" {
		problems = append(problems, letter.Lookup("tone", letter.Tones, tone))
	}
	if reason := strings.ToLower(a.Reason); reason != "" && err == nil {
		problems = append(problems, letter.Lookup("reason", kind.Reasons, reason))
	}
	return errors.Join(problems...)
}

// open opens the batch file; stdin is spooled to a temporary file, which
// --strict reads twice.
func (b *BatchOptions) open() (*os.File, string, error) {
	if b.File != "-" {
		f, err := os.Open(b.File)
		if err != nil {
			return nil, "", &usageError{err: fmt.Errorf("reading %s: %w", b.File, pathError(err)), hint: "give the path of a CSV file, or - for stdin"}
		}
		if strings.HasSuffix(strings.ToLower(b.File), ".tsv") {
			b.TSV = true
		}
		return f, b.File, nil
	}
	f, err := os.CreateTemp("", "decline-batch-*.csv")
	if err != nil {
		return nil, "", err
	}
	os.Remove(f.Name()) // gone when closed
	if _, err := io.Copy(f, b.IO.In); err != nil {
		f.Close()
		return nil, "", fmt.Errorf("reading stdin: %w", err)
	}
	_, err = f.Seek(0, io.SeekStart)
	return f, "<stdin>", err
}

// sender drafts the letters of a batch, writes or sends them, and keeps
// the tally.
type sender struct {
	*BatchOptions
	name     string // the batch file, for messages
	composer compose.Composer
	stamp    format.Stamp
	report   io.Writer       // stderr, or the progress line on it
	progress *progressLine   // nil when stderr is not a terminal
	drafts   sink.Sink       // where --save-draft saves each letter, or nil
	ctx      context.Context // done when a signal stops the batch
	lastLine int             // the last line read

	done    int   // letters drafted
	notSent int   // of those, the ones not written or sent
	bad     int   // rows that could not make a letter
	failed  []int // the lines of both, which did not go out
}

// drafted is what the work on a row gives: a letter in its form, and what
// to say about it; or why the row cannot make one.
type drafted struct {
	draft    compose.Draft
	out      []byte
	warnings []compose.Warning
	problems []batch.Problem
}

// each reads the rows of r, drafts a letter from each on every core, and,
// if sending, writes or sends each in the rows' order. It returns how
// many rows could not make a letter. Memory does not grow with the file.
func (s *sender) each(r io.Reader, defaults answers.Answers, sending bool) (int, error) {
	rd, err := batch.NewReader(r, s.name, s.TSV, defaults)
	if err != nil {
		return 0, err
	}
	key := s.Format
	switch {
	case s.Out == "-":
		key = "mbox"
	case s.drafts != nil:
		key = "eml"
	}
	work := func(row batch.Row) drafted {
		if row.Problems != nil {
			return drafted{problems: row.Problems}
		}
		d, warnings, err := s.composer.Compose(row.Answers, s.Now())
		if err != nil {
			return drafted{problems: rowProblems(rd, err)}
		}
		if !sending {
			return drafted{}
		}
		out, err := s.stamp.Write(key, d)
		if err != nil {
			return drafted{problems: []batch.Problem{{Message: err.Error()}}}
		}
		return drafted{draft: d, out: out, warnings: append(warnings, format.Warnings(key, d)...)}
	}
	bad := 0
	err = batch.Run(s.ctx, rd, runtime.GOMAXPROCS(0), work, func(row batch.Row, r drafted) {
		s.lastLine = row.Line
		if s.ctx.Err() != nil && sending {
			s.notSent++
			s.done++
			s.failed = append(s.failed, row.Line)
			return
		}
		for _, p := range r.problems {
			s.reportBad(row.Line, p)
		}
		if r.problems != nil {
			bad++
			if sending {
				s.bad++
				s.failed = append(s.failed, row.Line)
			}
			return
		}
		if sending {
			for _, w := range r.warnings {
				warn(s.report, "line %d: %s", row.Line, warning(w))
			}
			s.send(row.Line, r)
		}
	})
	return bad, err
}

// rowProblems turns the problems of a row's answers into problems at
// their columns.
func rowProblems(rd *batch.Reader, err error) []batch.Problem {
	var problems []batch.Problem
	for _, e := range unjoin(err) {
		var field *letter.FieldError
		var missing *letter.MissingError
		switch {
		case errors.As(e, &missing):
			for _, f := range missing.Fields {
				problems = append(problems, batch.Problem{Column: rd.Column(f), Message: f + " is empty, and no flag or setting gives it"})
			}
		case errors.As(e, &field):
			message := field.Field + " " + field.Problem
			if field.Hint != "" {
				message += "; " + field.Hint
			}
			problems = append(problems, batch.Problem{Column: rd.Column(field.Field), Message: message})
		default:
			problems = append(problems, batch.Problem{Message: e.Error()})
		}
	}
	return problems
}

// reportBad says why a row cannot make a letter, at its line and column.
func (s *sender) reportBad(line int, p batch.Problem) {
	where := fmt.Sprintf("%s:%d", s.name, line)
	if p.Column > 0 {
		where += fmt.Sprintf(":%d", p.Column)
	}
	fmt.Fprintf(s.report, "decline: %s: not drafted: %s\n", where, printable(p.Message))
}

// send writes or sends a row's letter, and says what became of it.
func (s *sender) send(line int, r drafted) {
	what := fmt.Sprintf("line %d (%s, %s)", line, r.draft.Fields.Company, r.draft.Fields.Role)
	var err error
	if s.Out != "" {
		err = s.write(line, r)
	}
	if err == nil && s.drafts != nil && !s.DryRun {
		var done string
		if done, err = s.drafts.Send(r.out); err == nil && done != "" {
			fmt.Fprintf(s.report, "decline: %s: %s\n", what, done)
		}
	}
	if err == nil && s.Pipe != "" && !s.DryRun {
		_, err = sink.Command{Runner: s.Desktop, Line: s.Pipe, Timeout: s.Timeout, Context: s.ctx}.Send(r.out)
	}
	if err != nil {
		s.notSent++
		s.failed = append(s.failed, line)
		fmt.Fprintf(s.report, "decline: %s: not %s: %s\n", what, s.verb(), printable(err.Error()))
	} else if s.Pipe != "" {
		result := "sent"
		if s.DryRun {
			result = "would be sent"
		}
		fmt.Fprintf(s.report, "decline: %s: %s\n", what, result)
	}
	s.done++
	if s.progress != nil {
		s.progress.show(s.done, false)
	}
}

// write writes a letter to --out: to its own file, or to stdout as an
// mbox message.
func (s *sender) write(line int, r drafted) error {
	if s.Out == "-" {
		if s.DryRun {
			return nil
		}
		_, err := sink.Writer{W: s.IO.Out}.Send(r.out)
		return err
	}
	// The row's line makes the name unique, and the same for the same
	// file, without remembering the names given so far.
	base := fmt.Sprintf("%04d-%s-%s", line, slug(r.draft.Fields.Company), slug(r.draft.Fields.Role))
	path := filepath.Join(s.Out, base+format.Ext(s.Format))
	if s.DryRun {
		if _, err := os.Lstat(path); err == nil && !s.Force {
			return fmt.Errorf("%s exists; --force writes over it", path)
		}
		fmt.Fprintf(s.report, "decline: would write %s\n", path)
		return nil
	}
	_, err := sink.File{Path: path, Force: s.Force}.Send(r.out)
	return err
}

// verb says what happens to the letters: written or sent.
func (s *sender) verb() string {
	switch {
	case s.drafts != nil:
		return "saved as drafts"
	case s.Pipe != "" && (s.Out == "" || s.Out == "-"):
		return "sent"
	}
	return "written"
}

// summary counts what went out, and lists the lines that did not.
func (s *sender) summary() error {
	if s.progress != nil && s.done > 0 {
		s.progress.show(s.done, true)
	}
	lines := make([]string, len(s.failed))
	slices.Sort(s.failed)
	for i, n := range s.failed {
		lines[i] = fmt.Sprint(n)
	}
	total := s.done + s.bad
	verb := s.verb()
	if s.DryRun {
		verb = "would go out"
	}
	fmt.Fprintf(s.IO.ErrOut, "decline: %d of %d letter%s %s", s.done-s.notSent, total, plural(total), verb)
	if s.Out != "" && s.Out != "-" {
		fmt.Fprintf(s.IO.ErrOut, " (in %s)", s.Out)
	}
	if len(lines) > 0 {
		fmt.Fprintf(s.IO.ErrOut, "; not: line%s %s", plural(len(lines)), strings.Join(lines, ", "))
	}
	fmt.Fprintln(s.IO.ErrOut)
	var stop *stopped
	if errors.As(context.Cause(s.ctx), &stop) {
		fmt.Fprintf(s.IO.ErrOut, "decline: %s: the rows after line %d were not read\n", stop, s.lastLine)
		if stop.sig == os.Interrupt {
			return &interrupted{kept: fmt.Sprintf("the letters of the rows after line %d did not go out", s.lastLine)}
		}
		return errBatchIncomplete
	}
	if len(lines) > 0 {
		return errBatchIncomplete
	}
	return nil
}

// progressLine is stderr on a terminal, where a batch shows how many
// letters it has drafted on a line of its own that other messages clear
// and redraw.
type progressLine struct {
	w     io.Writer
	shown string // the progress text on the line now
	last  time.Time
}

func (p *progressLine) Write(b []byte) (int, error) {
	if p.shown != "" {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
	n, err := p.w.Write(b)
	if p.shown != "" {
		fmt.Fprint(p.w, p.shown)
	}
	return n, err
}

// show sets the progress text, at most ten times a second unless final.
func (p *progressLine) show(done int, final bool) {
	if !final && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	text := fmt.Sprintf("decline: %d letter%s drafted", done, plural(done))
	fmt.Fprint(p.w, "\r\x1b[K"+text)
	p.shown = text
	if final {
		fmt.Fprintln(p.w)
		p.shown = ""
	}
}

// plural returns the "s" of a count of more or less than one.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// errBatchIncomplete is the error of a batch some of whose rows did not go
// out: decline exits 1, having said which.
var errBatchIncomplete = errors.New("some letters did not go out")

// maxSlug bounds each part of a letter's file name: 40 characters, and
// 100 bytes so that a name in a wide script still fits the 255 bytes file
// systems allow.
const (
	maxSlugRunes = 40
	maxSlugBytes = 100
)

// slug makes a file name's part of a name: lower case letters and digits,
// dashes between words, cut on a character boundary.
func slug(s string) string {
	var b strings.Builder
	dash, runes := false, 0
	for _, r := range strings.ToLower(s) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			dash = true
			continue
		}
		extra := utf8.RuneLen(r)
		if dash && b.Len() > 0 {
			extra++
		}
		if runes == maxSlugRunes || b.Len()+extra > maxSlugBytes {
			break
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
		dash = false
		runes++
	}
	if b.Len() == 0 {
		return "letter"
	}
	return b.String()
}

// lockedRandom makes random safe to call from the batch's workers.
func lockedRandom(random func() uint64) func() uint64 {
	var mu sync.Mutex
	return func() uint64 {
		mu.Lock()
		defer mu.Unlock()
		return random()
	}
}

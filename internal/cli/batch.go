package cli

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/decline-cli/decline/internal/config"
	"github.com/decline-cli/decline/internal/desktop"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/state"
)

// batchFormats are the forms a letter of a batch can take.
var batchFormats = []letter.Option{
	{Key: "eml", Description: "an RFC 5322 message (the default)"},
	{Key: "text", Description: "a Subject: line, a blank line, then the body"},
	{Key: "json", Description: "the subject, the body and the fields used"},
}

// columns are the columns a batch file may have, named like the draft
// flags, and the field each fills.
var columns = []string{"company", "role", "contact", "to", "from", "name", "reason", "reason_text", "tone", "interview_date", "keep_in_touch", "refer"}

// BatchOptions are what decline batch is asked to do. Its DraftOptions
// hold the defaults of every row, from flags and the config file.
type BatchOptions struct {
	*DraftOptions
	File   string // "-" for stdin
	TSV    bool
	Out    string // a directory, or "-" for stdout (an mbox of eml)
	Force  bool
	Pipe   string
	DryRun bool
	Strict bool
}

func newBatchCmd(env *Env) *cobra.Command {
	b := &BatchOptions{DraftOptions: newDraftOptions(env)}
	cmd := &cobra.Command{
		Use:   "batch FILE|-",
		Short: "Draft a letter for every row of a CSV or TSV file",
		Long: `Draft a letter for every row of a CSV file (TSV with --tsv or a .tsv name),
as when an accepted offer calls off several interviews in a day. The
first row names the columns, like the draft flags:

  ` + strings.Join(columns, ", ") + `

A row's empty cells take the flags' values, then the config file's. Rows
that cannot make a letter are reported with their line and column, and
the others go out (with --strict, none do). Each letter is written to its
own file in --out, named from its line, the company and the role
(0002-acme-corp-data-engineer.eml), atomically, and never over an existing
file without --force; or, with --pipe, given to a command such as
'msmtp -t', one run a letter, in order.

Exit status:
  0    every row made a letter that went out
  1    a row could not be drafted, written or sent (the others went out)
  2    bad usage, or with --strict a bad row (nothing went out)
  130  interrupted`,
		Example: `  decline batch interviews.csv --name "Sam Lee" --from "Sam Lee <sam@example.org>" --reason accepted-offer
  decline batch interviews.csv --pipe 'msmtp -t' --dry-run
  decline batch interviews.tsv --out letters --format text --force`,
		Args: oneArg("FILE (or - for stdin)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			b.File, b.given = args[0], cmd.Flags().Changed
			if !b.given("out") && b.Pipe != "" {
				b.Out = ""
			}
			return runBatch(b)
		},
	}
	f := cmd.Flags()
	b.letterFlags(f)
	f.StringVar(&b.Format, "format", "eml", "what each letter is: eml, text, json")
	f.BoolVar(&b.TSV, "tsv", false, "read tab-separated values")
	f.StringVar(&b.Out, "out", "declines", "the directory to write the letters in, or - for stdout (eml letters as an mbox)")
	f.BoolVar(&b.Force, "force", false, "write over letters that are already in --out")
	f.StringVar(&b.Pipe, "pipe", "", "a command to give each letter to on its stdin, such as 'msmtp -t'")
	f.BoolVar(&b.DryRun, "dry-run", false, "say what would be written or sent, and do nothing")
	f.BoolVar(&b.Strict, "strict", false, "send nothing if any row is bad")
	f.SortFlags = false
	return cmd
}

// A row is a line of the batch file.
type row struct {
	line   int
	values map[string]string
}

// A badRow is a row that cannot make a letter.
type badRow struct {
	line    int
	column  int // from 1; 0 when the problem is with the row as a whole
	message string
}

func runBatch(b *BatchOptions) error {
	b.Format = strings.ToLower(b.Format)
	if err := letter.Lookup("format", batchFormats, b.Format); err != nil {
		return err
	}
	if b.Out == "-" && b.Format != "eml" {
		return &usageError{err: errors.New("--out - writes an mbox, which holds eml letters"), hint: "drop --format, or give --out a directory"}
	}
	if b.Out == "" && b.Pipe == "" {
		return &usageError{err: errors.New("--out is empty"), hint: "give a directory, or --pipe a command"}
	}
	cfg, err := config.Load(b.ConfigPath, b.Getenv)
	if err != nil {
		return err
	}
	b.config = cfg

	file, name, err := b.open()
	if err != nil {
		return err
	}
	defer file.Close()
	if b.Strict {
		// A first pass that only checks, so that nothing goes out if a
		// row is bad; the file is read again for the second, which gives
		// the warnings.
		errOut := b.IO.ErrOut
		b.IO.ErrOut = warningsOff{errOut}
		bad, err := b.each(file, name, nil)
		b.IO.ErrOut = errOut
		if err != nil {
			return err
		}
		if len(bad) > 0 {
			return &usageError{err: fmt.Errorf("%d of the rows cannot make a letter, and --strict sends none", len(bad)), hint: "fix the rows above, or drop --strict to send the good ones"}
		}
		if _, err := file.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("reading %s again: %w", name, err)
		}
	}
	s := &sender{BatchOptions: b}
	if b.IO.IsStderrTTY() {
		// Every message clears the progress line before it is written.
		s.progress = &progressLine{w: b.IO.ErrOut}
		errOut := b.IO.ErrOut
		b.IO.ErrOut = s.progress
		defer func() { b.IO.ErrOut = errOut }()
	}
	bad, err := b.each(file, name, s.send)
	if err != nil {
		return err
	}
	return s.summary(bad)
}

// warningsOff drops warnings and keeps the rest, for the checking pass of
// --strict, whose warnings the sending pass gives again.
type warningsOff struct{ w io.Writer }

func (w warningsOff) Write(p []byte) (int, error) {
	if bytes.HasPrefix(p, []byte("decline: warning: ")) {
		return len(p), nil
	}
	return w.w.Write(p)
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

// each reads the rows of r one at a time, drafts a letter from each, and
// gives it to send (nil to only check). It returns the rows that could
// not make a letter. Memory does not grow with the file: one row and one
// letter at a time.
func (b *BatchOptions) each(r io.Reader, name string, send func(row, *composed)) ([]badRow, error) {
	rd := csv.NewReader(r)
	if b.TSV {
		rd.Comma = '\t'
		rd.LazyQuotes = true
	}
	rd.ReuseRecord = true
	header, err := rd.Read()
	if err == io.EOF {
		return nil, &usageError{err: fmt.Errorf("%s is empty", name), hint: "its first row names the columns: " + strings.Join(columns, ", ")}
	}
	if err != nil {
		return nil, &usageError{err: fmt.Errorf("%s: %w", name, err), hint: "check the file's quoting"}
	}
	index := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		h = strings.ReplaceAll(h, "-", "_")
		if !slices.Contains(columns, h) {
			return nil, &usageError{err: fmt.Errorf("%s:1:%d: unknown column %q", name, i+1, header[i]), hint: "the columns are " + strings.Join(columns, ", ")}
		}
		index[h] = i
	}
	header = append([]string(nil), header...)
	defaults, date, err := b.answers()
	if err != nil {
		return nil, err
	}
	var bad []badRow
	for {
		record, err := rd.Read()
		if err == io.EOF {
			return bad, nil
		}
		// A row that does not parse (a stray quote, a ragged row) is a bad
		// row like any other: the reader goes on with the next.
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			r := badRow{line: perr.StartLine, column: perr.Column, message: perr.Err.Error()}
			if errors.Is(perr.Err, csv.ErrFieldCount) {
				r.column, r.message = 0, fmt.Sprintf("has %d cells, but the header names %d columns", len(record), len(header))
			}
			b.reportBad(name, r)
			bad = append(bad, r)
			continue
		}
		if err != nil {
			return bad, fmt.Errorf("reading %s: %w", name, err)
		}
		line, _ := rd.FieldPos(0)
		r := row{line: line, values: make(map[string]string, len(index))}
		for column, i := range index {
			r.values[column] = record[i]
		}
		c, problems := b.draftRow(r, defaults, date)
		for i, p := range problems {
			column := 0
			if i, ok := index[p.field]; ok {
				column = i + 1
			}
			b.reportBad(name, badRow{line: line, column: column, message: p.message})
			if i == 0 {
				bad = append(bad, badRow{line: line})
			}
		}
		if c != nil && send != nil {
			send(r, c)
		}
	}
}

// A rowProblem is why a row cannot make a letter, and the field it is in.
type rowProblem struct{ field, message string }

// draftRow drafts the letter of a row: its cells over the defaults.
func (b *BatchOptions) draftRow(r row, defaults state.Answers, date string) (*composed, []rowProblem) {
	a := defaults
	set := func(column string, field *string) {
		if v := r.values[column]; strings.TrimSpace(v) != "" {
			*field = v
		}
	}
	set("company", &a.Company)
	set("role", &a.Role)
	set("contact", &a.Contact)
	set("to", &a.To)
	set("from", &a.From)
	set("name", &a.Name)
	set("tone", &a.Tone)
	set("refer", &a.Refer)
	set("interview_date", &date)
	if v := r.values["reason_text"]; strings.TrimSpace(v) != "" {
		a.Reason, a.ReasonText = "", v
	}
	set("reason", &a.Reason)
	if a.Reason != "" && strings.TrimSpace(r.values["reason_text"]) == "" && strings.TrimSpace(r.values["reason"]) != "" {
		a.ReasonText = ""
	}
	var problems []rowProblem
	if v := strings.TrimSpace(r.values["keep_in_touch"]); v != "" {
		switch strings.ToLower(v) {
		case "true", "yes", "y", "1":
			a.KeepInTouch = true
		case "false", "no", "n", "0":
			a.KeepInTouch = false
		default:
			problems = append(problems, rowProblem{"keep_in_touch", fmt.Sprintf("keep_in_touch %q is not yes or no", v)})
		}
	}
	b.where = fmt.Sprintf("line %d: ", r.line)
	c, err := b.draft(a, date)
	for _, e := range unjoin(err) {
		var field *letter.FieldError
		var missing *letter.MissingError
		switch {
		case errors.As(e, &missing):
			for _, f := range missing.Fields {
				problems = append(problems, rowProblem{f, f + " is empty, and no flag or setting gives it"})
			}
		case errors.As(e, &field):
			message := field.Field + " " + field.Problem
			if field.Hint != "" {
				message += "; " + field.Hint
			}
			problems = append(problems, rowProblem{field.Field, message})
		default:
			problems = append(problems, rowProblem{"", e.Error()})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return c, nil
}

// reportBad says why a row cannot make a letter, at its line and column.
func (b *BatchOptions) reportBad(name string, r badRow) {
	where := fmt.Sprintf("%s:%d", name, r.line)
	if r.column > 0 {
		where += fmt.Sprintf(":%d", r.column)
	}
	fmt.Fprintf(b.IO.ErrOut, "decline: %s: not drafted: %s\n", where, printable(r.message))
}

// sender writes or sends the letters of a batch, and keeps the tally.
type sender struct {
	*BatchOptions
	done     int
	failed   []int         // the lines whose letters did not go out
	progress *progressLine // nil when stderr is not a terminal
}

func (s *sender) send(r row, c *composed) {
	what := fmt.Sprintf("line %d (%s, %s)", r.line, c.fields.Company, c.fields.Role)
	out, err := s.format(c)
	if err == nil && s.Out != "" {
		err = s.write(r.line, c, out)
	}
	if err == nil && s.Pipe != "" {
		err = s.pipe(out)
	}
	if err != nil {
		s.failed = append(s.failed, r.line)
		fmt.Fprintf(s.IO.ErrOut, "decline: %s: not %s: %s\n", what, s.verb(), printable(err.Error()))
	} else if s.Pipe != "" {
		result := "sent"
		if s.DryRun {
			result = "would be sent"
		}
		fmt.Fprintf(s.IO.ErrOut, "decline: %s: %s\n", what, result)
	}
	s.done++
	if s.progress != nil {
		s.progress.show(s.done, false)
	}
}

// write writes a letter to --out: to its own file, atomically, or to
// stdout as an mbox message.
func (s *sender) write(line int, c *composed, out []byte) error {
	if s.Out == "-" {
		if s.DryRun {
			return nil
		}
		_, err := s.IO.Out.Write(mboxMessage(c, out, s.Now()))
		return err
	}
	// The row's line makes the name unique, and the same for the same
	// file, without remembering the names given so far.
	base := fmt.Sprintf("%04d-%s-%s", line, slug(c.fields.Company), slug(c.fields.Role))
	path := filepath.Join(s.Out, base+map[string]string{"eml": ".eml", "text": ".txt", "json": ".json"}[s.Format])
	if s.DryRun {
		fmt.Fprintf(s.IO.ErrOut, "decline: would write %s\n", path)
		return nil
	}
	if err := os.MkdirAll(s.Out, 0o755); err != nil {
		return err
	}
	err := state.WriteFile(path, out, 0o644, s.Force)
	if errors.Is(err, state.ErrExist) {
		return fmt.Errorf("%s exists; --force writes over it", path)
	}
	return err
}

// pipe gives a letter to the --pipe command on its stdin.
func (s *sender) pipe(out []byte) error {
	if s.DryRun {
		return nil
	}
	return desktop.Shell(s.Pipe, out)
}

// verb says what happens to the letters: written or sent.
func (s *sender) verb() string {
	if s.Pipe != "" && (s.Out == "" || s.Out == "-") {
		return "sent"
	}
	return "written"
}

// summary counts what went out, and lists the lines that did not.
func (s *sender) summary(bad []badRow) error {
	if s.progress != nil && s.done > 0 {
		s.progress.show(s.done, true)
	}
	numbers := slices.Clone(s.failed)
	for _, r := range bad {
		numbers = append(numbers, r.line)
	}
	slices.Sort(numbers)
	var lines []string
	for _, n := range numbers {
		lines = append(lines, fmt.Sprint(n))
	}
	verb := s.verb()
	if s.DryRun {
		verb = "would go out"
	}
	fmt.Fprintf(s.IO.ErrOut, "decline: %d of %d letter%s %s", s.done-len(s.failed), s.done+len(bad), plural(s.done+len(bad)), verb)
	if s.Out != "" && s.Out != "-" {
		fmt.Fprintf(s.IO.ErrOut, " (in %s)", s.Out)
	}
	if len(lines) > 0 {
		fmt.Fprintf(s.IO.ErrOut, "; not: line%s %s", plural(len(lines)), strings.Join(lines, ", "))
	}
	fmt.Fprintln(s.IO.ErrOut)
	if len(lines) > 0 {
		return errBatchIncomplete
	}
	return nil
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

// slug makes a file name's part of a name: lower case letters and digits,
// dashes between words.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	out := b.String()
	if len([]rune(out)) > 40 {
		out = string([]rune(out)[:40])
	}
	if out == "" {
		return "letter"
	}
	return out
}

// mboxMessage frames an eml letter for an mbox file: a "From " line, and
// body lines that start with "From " quoted (mboxrd).
func mboxMessage(c *composed, eml []byte, now time.Time) []byte {
	sender := "decline"
	if c.from != nil {
		sender = c.from.Address
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "From %s %s\n", sender, now.UTC().Format(time.ANSIC))
	for _, line := range bytes.SplitAfter(eml, []byte("\n")) {
		if bytes.HasPrefix(bytes.TrimLeft(line, ">"), []byte("From ")) {
			b.WriteByte('>')
		}
		b.Write(line)
	}
	b.WriteByte('\n')
	return b.Bytes()
}

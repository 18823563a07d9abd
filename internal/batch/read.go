// Package batch reads the rows of a CSV or TSV file into answers, one row
// at a time, and runs work on them on every core with the results kept in
// the rows' order: decline batch drafts a letter for each.
package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/input"
)

// Columns are the columns a batch file may have, named like the draft
// flags (with "_" for "-"), and like the fields of answers.Answers.
var Columns = []string{"kind", "lang", "company", "role", "contact", "to", "from", "name", "reason", "reason_text", "tone", "interview_date", "start_date", "call", "open_to", "keep_in_touch", "refer"}

// A HeaderError is a first row that does not name the columns as they
// must be: empty, unknown, or named twice.
type HeaderError struct {
	File   string
	Column int // from 1; 0 for the row as a whole
	Err    error
}

func (e *HeaderError) Error() string {
	if e.Column == 0 {
		return e.File + ": " + e.Err.Error()
	}
	return fmt.Sprintf("%s:1:%d: %v", e.File, e.Column, e.Err)
}

func (e *HeaderError) Unwrap() error { return e.Err }

// A Problem is why a cell or a row cannot make a letter.
type Problem struct {
	Column  int // from 1; 0 when the problem is with the row as a whole
	Message string
}

// A Row is a line of the file, as answers over the defaults, or the
// problems that kept it from being read.
type Row struct {
	Line     int
	Answers  answers.Answers
	Problems []Problem
}

// maxLine is the longest line read: a row of a dozen cells of at most a
// few hundred characters each fits many times over.
const maxLine = 1 << 20

// A Reader reads the rows of a batch file, a line at a time: no cell of a
// letter holds a line break, so a quote left open at the end of a line is
// a problem of that row alone, and the next line is the next row.
type Reader struct {
	r        *bufio.Reader
	tsv      bool
	columns  []string // the column of each cell, as the header names them
	line     int
	defaults answers.Answers
}

// NewReader reads the header of a batch file, named name in errors. Each
// row's empty cells take their value from defaults. TSV cells are split
// at tabs alone; CSV cells may be quoted.
func NewReader(r io.Reader, name string, tsv bool, defaults answers.Answers) (*Reader, error) {
	rd := &Reader{r: bufio.NewReaderSize(r, 64<<10), tsv: tsv, defaults: defaults}
	var header []string
	for header == nil {
		text, err := rd.readLine()
		if err == io.EOF {
			return nil, &HeaderError{File: name, Err: errors.New("is empty")}
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		if text == "" {
			continue
		}
		var p *Problem
		if header, p = rd.split(strings.TrimPrefix(text, "\ufeff")); p != nil {
			return nil, &HeaderError{File: name, Column: p.Column, Err: errors.New(p.Message)}
		}
	}
	for i, h := range header {
		column := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(h)), "-", "_")
		switch {
		case !slices.Contains(Columns, column):
			return nil, &HeaderError{File: name, Column: i + 1, Err: fmt.Errorf("unknown column %s", input.Quote(h))}
		case slices.Contains(rd.columns, column):
			return nil, &HeaderError{File: name, Column: i + 1, Err: fmt.Errorf("column %s is named twice", input.Quote(h))}
		}
		rd.columns = append(rd.columns, column)
	}
	return rd, nil
}

// Column returns the column of a field in the file, from 1, or 0.
func (rd *Reader) Column(field string) int {
	return slices.Index(rd.columns, field) + 1
}

// Next returns the next row, or io.EOF after the last.
func (rd *Reader) Next() (Row, error) {
	var text string
	for text == "" {
		var err error
		text, err = rd.readLine()
		if err == errLongLine {
			return Row{Line: rd.line, Problems: []Problem{{Message: err.Error()}}}, nil
		}
		if err != nil {
			return Row{}, err
		}
	}
	row := Row{Line: rd.line, Answers: rd.defaults}
	cells, p := rd.split(text)
	switch {
	case p != nil:
		row.Problems = []Problem{*p}
		return row, nil
	case len(cells) != len(rd.columns):
		row.Problems = []Problem{{Message: fmt.Sprintf("has %d cells, but the header names %d columns", len(cells), len(rd.columns))}}
		return row, nil
	}
	a := &row.Answers
	given := func(column string) bool {
		i := slices.Index(rd.columns, column)
		return i >= 0 && strings.TrimSpace(cells[i]) != ""
	}
	for i, column := range rd.columns {
		value := cells[i]
		if strings.TrimSpace(value) == "" {
			continue
		}
		if column == "keep_in_touch" || column == "call" {
			flag := &a.KeepInTouch
			if column == "call" {
				flag = &a.Call
			}
			switch strings.ToLower(strings.TrimSpace(value)) {
			case "true", "yes", "y", "1":
				*flag = true
			case "false", "no", "n", "0":
				*flag = false
			default:
				row.Problems = append(row.Problems, Problem{Column: i + 1, Message: fmt.Sprintf("%s %s is not yes or no", column, input.Quote(strings.TrimSpace(value)))})
			}
			continue
		}
		a.Set(column, value)
	}
	a.Reasons(given("reason"), given("reason_text"))
	return row, nil
}

// errLongLine is the error of a line longer than maxLine, which is read
// to its end and dropped.
var errLongLine = fmt.Errorf("is longer than %d bytes: no row of a letter is", maxLine)

// readLine reads the next line, without its line end.
func (rd *Reader) readLine() (string, error) {
	var b []byte
	long := false
	for {
		chunk, err := rd.r.ReadSlice('\n')
		if !long {
			b = append(b, chunk...)
		}
		if len(b) > maxLine {
			long, b = true, b[:0]
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if long && (err == nil || err == io.EOF) {
			rd.line++
			return "", errLongLine
		}
		if err == io.EOF && len(b) > 0 {
			err = nil
		}
		if err != nil {
			return "", err
		}
		rd.line++
		return strings.TrimRight(string(b), "\r\n"), nil
	}
}

// split splits a line into cells.
func (rd *Reader) split(line string) ([]string, *Problem) {
	if rd.tsv {
		cells := strings.Split(line, "\t")
		for i, c := range cells {
			cells[i] = unquoteTSV(c)
		}
		return cells, nil
	}
	return splitCSV(line)
}

// splitCSV splits a line of CSV (RFC 4180) into cells: a cell in quotes
// may hold commas, and quotes doubled; a quote anywhere else is a
// problem, as is a quoted cell still open at the end of the line.
func splitCSV(line string) ([]string, *Problem) {
	var cells []string
	for i := 0; ; {
		if i < len(line) && line[i] == '"' {
			var b strings.Builder
			open := i
			for i++; ; i++ {
				if i >= len(line) {
					return nil, &Problem{Column: open + 1, Message: "a quoted cell is still open at the end of the line; a cell holds no line break, so close its quote"}
				}
				if line[i] != '"' {
					b.WriteByte(line[i])
					continue
				}
				if i+1 < len(line) && line[i+1] == '"' {
					b.WriteByte('"')
					i++
					continue
				}
				break
			}
			i++ // past the closing quote
			cells = append(cells, b.String())
			if i == len(line) {
				return cells, nil
			}
			if line[i] != ',' {
				return nil, &Problem{Column: i + 1, Message: `extraneous or missing " in quoted-field`}
			}
			i++
			continue
		}
		end := strings.IndexByte(line[i:], ',')
		if end < 0 {
			end = len(line) - i
		}
		cell := line[i : i+end]
		if q := strings.IndexByte(cell, '"'); q >= 0 {
			return nil, &Problem{Column: i + q + 1, Message: `bare " in non-quoted-field`}
		}
		cells = append(cells, cell)
		i += end
		if i == len(line) {
			return cells, nil
		}
		i++ // past the comma
	}
}

// unquoteTSV returns a TSV cell as meant: one that spreadsheets quoted
// ("a ""b"" c", all of it in quotes, the quotes inside doubled) without
// its quotes; any other as it is, quotes and all ("Senior" Engineer).
func unquoteTSV(cell string) string {
	if len(cell) < 2 || cell[0] != '"' || cell[len(cell)-1] != '"' {
		return cell
	}
	inner := cell[1 : len(cell)-1]
	if strings.Count(inner, `"`) != 2*strings.Count(inner, `""`) {
		return cell
	}
	return strings.ReplaceAll(inner, `""`, `"`)
}

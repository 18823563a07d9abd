package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/decline-cli/decline/internal/answers"
	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
)

// rows reads every row of a file.
func rows(t *testing.T, text string, tsv bool) []Row {
	t.Helper()
	rd, err := NewReader(strings.NewReader(text), "f.csv", tsv, answers.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	var all []Row
	for {
		row, err := rd.Next()
		if err == io.EOF {
			return all
		}
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, row)
	}
}

// A quote left open is the problem of its own line: the rows after it
// are read as rows.
func TestAStrayQuoteSpoilsOneRow(t *testing.T) {
	got := rows(t, "company,role\n\"Acme,SRE\nGlobex,SRE\nInitech,SRE\n", false)
	if len(got) != 3 {
		t.Fatalf("got %d rows, want 3: %+v", len(got), got)
	}
	if p := got[0].Problems; len(p) != 1 || p[0].Column != 1 || !strings.Contains(p[0].Message, "still open at the end of the line") {
		t.Errorf("line 2: got problems %+v, want the open quote at column 1", p)
	}
	for i, company := range []string{"Globex", "Initech"} {
		if r := got[i+1]; r.Problems != nil || r.Answers.Company != company || r.Line != i+3 {
			t.Errorf("got %+v, want %s at line %d", r, company, i+3)
		}
	}
}

func TestCSVCells(t *testing.T) {
	for _, tc := range []struct {
		line    string
		want    []string
		problem string
	}{
		{`a,b,c`, []string{"a", "b", "c"}, ""},
		{`"Acme, Inc.",SRE,`, []string{"Acme, Inc.", "SRE", ""}, ""},
		{`"say ""hi""",x`, []string{`say "hi"`, "x"}, ""},
		{`,`, []string{"", ""}, ""},
		{`Gam"ma,QA`, nil, `4: bare " in non-quoted-field`},
		{`"Acme"x,QA`, nil, `7: extraneous or missing " in quoted-field`},
		{`a,"open`, nil, "3: a quoted cell is still open"},
	} {
		got, p := splitCSV(tc.line)
		switch {
		case tc.problem == "" && (p != nil || fmt.Sprint(got) != fmt.Sprint(tc.want)):
			t.Errorf("splitCSV(%q) = %q, %+v; want %q", tc.line, got, p, tc.want)
		case tc.problem != "" && (p == nil || !strings.HasPrefix(fmt.Sprintf("%d: %s", p.Column, p.Message), tc.problem)):
			t.Errorf("splitCSV(%q): got problem %+v, want %q", tc.line, p, tc.problem)
		}
	}
}

// In TSV, a quote is text: "Senior" Engineer is a title, not the start of
// a cell that runs into the next rows.
func TestTSVQuotes(t *testing.T) {
	got := rows(t, "company\trole\nAcme\t\"Senior\" Engineer\nGlobex\t\"Staff, \"\"Platform\"\"\"\nInitech\tSRE\n", true)
	want := []string{`"Senior" Engineer`, `Staff, "Platform"`, "SRE"}
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d", len(got), len(want))
	}
	for i, role := range want {
		if got[i].Answers.Role != role {
			t.Errorf("row %d: got role %q, want %q", i, got[i].Answers.Role, role)
		}
	}
}

func TestHeaderErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"company,role,to,TO\n", `f.csv:1:4: column "TO" is named twice`},
		{"company,Reason-Text,reason_text\n", `f.csv:1:3: column "reason_text" is named twice`},
		{"company,position\n", `f.csv:1:2: unknown column "position"`},
		{"", "f.csv: is empty"},
		{"\n\n", "f.csv: is empty"},
	} {
		_, err := NewReader(strings.NewReader(tc.text), "f.csv", false, answers.Answers{})
		var he *HeaderError
		if !errors.As(err, &he) || err.Error() != tc.want {
			t.Errorf("%q: got %v, want %q", tc.text, err, tc.want)
		}
	}
}

func TestRowsOverDefaults(t *testing.T) {
	defaults := answers.Defaults()
	defaults.Reason, defaults.Name = "timing", "Sam"
	rd, err := NewReader(strings.NewReader("\ufeffCompany,role,reason_text,keep-in-touch,kind\r\nAcme,SRE,,no,\r\nGlobex,QA,Family.,maybe,interview\r\nHooli,PM,,\r\n"), "f.csv", false, defaults)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := rd.Next()
	if a := r.Answers; a.Company != "Acme" || a.Reason != "timing" || a.KeepInTouch || a.Name != "Sam" || r.Problems != nil {
		t.Errorf("line 2: got %+v", r)
	}
	r, _ = rd.Next()
	if a := r.Answers; a.Reason != "" || a.ReasonText != "Family." || len(r.Problems) != 1 || r.Problems[0].Column != 4 {
		t.Errorf("line 3: got %+v, want own words and a problem in column 4", r)
	}
	r, _ = rd.Next()
	if len(r.Problems) != 1 || r.Problems[0].Column != 0 || r.Problems[0].Message != "has 4 cells, but the header names 5 columns" {
		t.Errorf("line 4: got %+v, want a ragged row", r)
	}
	if rd.Column("keep_in_touch") != 4 || rd.Column("to") != 0 {
		t.Errorf("Column: got %d and %d, want 4 and 0", rd.Column("keep_in_touch"), rd.Column("to"))
	}
}

// Run gives the results in the rows' order, whatever the order the
// workers finish in.
func TestRunKeepsOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString("company,role\n")
	for i := range 2000 {
		fmt.Fprintf(&b, "C%d,R\n", i)
	}
	rd, err := NewReader(strings.NewReader(b.String()), "f.csv", false, answers.Answers{})
	if err != nil {
		t.Fatal(err)
	}
	next := 0
	err = Run(context.Background(), rd, 8, func(r Row) string {
		for range (r.Line * 7919) % 500 { // uneven work
			_ = fmt.Sprint(r.Line)
		}
		return r.Answers.Company
	}, func(r Row, company string) {
		if want := fmt.Sprintf("C%d", next); company != want || r.Line != next+2 {
			t.Fatalf("got %s at line %d, want %s at line %d", company, r.Line, want, next+2)
		}
		next++
	})
	if err != nil || next != 2000 {
		t.Errorf("got %v after %d rows, want 2000 rows", err, next)
	}
}

// A line too long for any letter is a bad row, and the next line is read.
func TestALongLineIsABadRow(t *testing.T) {
	got := rows(t, "company,role\n"+strings.Repeat("x", maxLine+10)+",SRE\nGlobex,QA\n", false)
	if len(got) != 2 || got[0].Line != 2 || len(got[0].Problems) != 1 || got[1].Answers.Company != "Globex" || got[1].Line != 3 {
		t.Errorf("got %+v, want a bad row at line 2 and Globex at line 3", got)
	}
}

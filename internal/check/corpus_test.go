package check

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpus is a labelled set of decline emails written for these tests, good
// and flawed, in varied styles: testdata/check/labels.txt names the rules
// each breaks.
const corpus = "../../testdata/check"

// minAgreement and minRecall are the gate: overall agreement with the
// labels, and the share of its labelled cases that each rule finds, so
// that no rule can stop working behind a good overall figure.
const (
	minAgreement = 0.95
	minRecall    = 0.5
)

// TestCorpus holds the rules to the labels: for every email and rule, does
// the rule find a problem exactly when the label says there is one? It
// reports each rule's hits, misses and false alarms, and fails below the
// gate. The holdout set was written apart from the rest and after the
// rules, to measure them on letters they were not tuned on.
func TestCorpus(t *testing.T) {
	for _, labels := range []string{"labels.txt", "holdout/labels.txt"} {
		t.Run(labels, func(t *testing.T) {
			s := score(read(t, filepath.Join(corpus, labels)), "")
			if !strings.Contains(labels, "holdout") && (s.good < 25 || s.flawed < 25) {
				t.Errorf("the corpus has %d good and %d flawed emails, want at least 25 of each", s.good, s.flawed)
			}
			for _, line := range s.report() {
				t.Log(line)
			}
			for _, problem := range s.gate() {
				t.Error(problem)
			}
		})
	}
}

// The gate fails when any one rule is switched off.
func TestCorpusGateCatchesARuleSwitchedOff(t *testing.T) {
	letters := read(t, filepath.Join(corpus, "labels.txt"))
	for _, r := range Rules {
		if tl := score(letters, "").tallies[r.ID]; tl.hits+tl.misses == 0 {
			t.Logf("%s has no labelled case in the corpus (the kinds' rules are the letters of a kind's; TestKindRules holds them)", r.ID)
			continue
		}
		if problems := score(letters, r.ID).gate(); len(problems) == 0 {
			t.Errorf("with %s switched off, the gate still passes", r.ID)
		}
	}
}

// A tally is how a rule did against the labels.
type tally struct{ hits, misses, falseAlarms, quiet int }

// A scoring is how the rules did on a labelled set.
type scoring struct {
	tallies              map[string]*tally
	good, flawed         int
	agree, total         int
	misses, falseAlarmed []string // "FILE: RULE", for the log
}

// A labelled letter is a file of the corpus, the rules its label says it
// breaks, and those that found a problem in it.
type labelled struct {
	file      string
	want, got map[string]bool
}

// read runs the rules on the files of labels.
func read(t *testing.T, labels string) []labelled {
	t.Helper()
	f, err := os.Open(labels)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	known := make(map[string]bool)
	severity := make(map[string]string)
	for _, r := range Rules {
		known[r.ID] = true
		severity[r.ID] = r.Severity
	}
	var letters []labelled
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		file, rules, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("%s: %q has no colon", labels, line)
		}
		data, err := os.ReadFile(filepath.Join(corpus, file))
		if err != nil {
			t.Fatal(err)
		}
		l := labelled{file: file, want: make(map[string]bool), got: make(map[string]bool)}
		for _, rule := range strings.Fields(rules) {
			if !known[rule] {
				t.Fatalf("%s: %s: unknown rule %q", labels, file, rule)
			}
			l.want[rule] = true
		}
		for _, finding := range LetterOf(Parse(data), kindOf(file)) {
			// A finding counts at its rule's severity: the missing
			// promptness sentence, an error rule's warning, is advice a
			// letter may rightly ignore, and is not labelled.
			if finding.Severity == severity[finding.Rule] {
				l.got[finding.Rule] = true
			}
		}
		letters = append(letters, l)
	}
	return letters
}

// kindOf returns the kind of letter a corpus file is, as decline check
// --kind names it, when its name says: the kind rule holds a letter to
// the duty of its kind only when the kind is known.
func kindOf(file string) string {
	for _, kind := range []string{"rescind", "outreach"} {
		if strings.Contains(filepath.Base(file), kind) {
			return kind
		}
	}
	return ""
}

// score tallies how the rules, but off, agree with the labels.
func score(letters []labelled, off string) *scoring {
	s := &scoring{tallies: make(map[string]*tally)}
	for _, r := range Rules {
		s.tallies[r.ID] = &tally{}
	}
	for _, l := range letters {
		if len(l.want) == 0 {
			s.good++
		} else {
			s.flawed++
		}
		for _, r := range Rules {
			s.total++
			tl := s.tallies[r.ID]
			want, got := l.want[r.ID], l.got[r.ID] && r.ID != off
			switch {
			case want && got:
				tl.hits++
				s.agree++
			case want:
				tl.misses++
				s.misses = append(s.misses, l.file+": "+r.ID)
			case got:
				tl.falseAlarms++
				s.falseAlarmed = append(s.falseAlarmed, l.file+": "+r.ID)
			default:
				tl.quiet++
				s.agree++
			}
		}
	}
	return s
}

// report describes the scoring, a line each: what was missed or raised
// without cause, each rule's tally, and the agreement.
func (s *scoring) report() []string {
	var lines []string
	for _, m := range s.misses {
		lines = append(lines, m+" missed")
	}
	for _, m := range s.falseAlarmed {
		lines = append(lines, m+" raised without cause")
	}
	ids := make([]string, 0, len(s.tallies))
	for id := range s.tallies {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		tl := s.tallies[id]
		lines = append(lines, fmt.Sprintf("%-13s hits %2d  misses %2d  false alarms %2d  rightly quiet %2d", id, tl.hits, tl.misses, tl.falseAlarms, tl.quiet))
	}
	return append(lines, fmt.Sprintf("agreement: %d of %d (%.1f%%) over %d good and %d flawed emails", s.agree, s.total, 100*s.rate(), s.good, s.flawed))
}

func (s *scoring) rate() float64 { return float64(s.agree) / float64(s.total) }

// gate returns what falls short of the gate: the agreement, and each rule
// with labelled cases whose recall is too low.
func (s *scoring) gate() []string {
	var problems []string
	if s.rate() < minAgreement {
		problems = append(problems, fmt.Sprintf("agreement %.1f%%, want at least %.0f%%", 100*s.rate(), 100*minAgreement))
	}
	for id, tl := range s.tallies {
		if cases := tl.hits + tl.misses; cases > 0 && float64(tl.hits)/float64(cases) < minRecall {
			problems = append(problems, fmt.Sprintf("%s finds %d of its %d labelled cases, want at least %.0f%%", id, tl.hits, cases, 100*minRecall))
		}
	}
	sort.Strings(problems)
	return problems
}

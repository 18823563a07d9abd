package check

import (
	"bufio"
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

// TestCorpus holds the rules to the labels: for every email and rule, does
// the rule find a problem exactly when the label says there is one? It
// reports each rule's hits, misses and false alarms, and fails below 95%
// agreement. The holdout set was written apart from the rest and after
// the rules, to measure them on letters they were not tuned on.
func TestCorpus(t *testing.T) {
	for _, labels := range []string{"labels.txt", "holdout/labels.txt"} {
		t.Run(labels, func(t *testing.T) { testCorpus(t, filepath.Join(corpus, labels)) })
	}
}

func testCorpus(t *testing.T, labels string) {
	f, err := os.Open(labels)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type tally struct{ hits, misses, falseAlarms, quiet int }
	tallies := make(map[string]*tally)
	for _, r := range Rules {
		tallies[r.ID] = &tally{}
	}
	good, flawed, agree, total := 0, 0, 0, 0
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		file, labels, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("labels.txt: %q has no colon", line)
		}
		data, err := os.ReadFile(filepath.Join(corpus, file))
		if err != nil {
			t.Fatal(err)
		}
		want := make(map[string]bool)
		for _, rule := range strings.Fields(labels) {
			if tallies[rule] == nil {
				t.Fatalf("labels.txt: %s: unknown rule %q", file, rule)
			}
			want[rule] = true
		}
		if len(want) == 0 {
			good++
		} else {
			flawed++
		}
		got := make(map[string]bool)
		for _, finding := range Letter(Parse(data)) {
			got[finding.Rule] = true
		}
		for _, r := range Rules {
			total++
			tl := tallies[r.ID]
			switch {
			case want[r.ID] && got[r.ID]:
				tl.hits++
				agree++
			case want[r.ID]:
				tl.misses++
				t.Logf("%s: %s missed", file, r.ID)
			case got[r.ID]:
				tl.falseAlarms++
				t.Logf("%s: %s raised without cause", file, r.ID)
			default:
				tl.quiet++
				agree++
			}
		}
	}
	if !strings.Contains(labels, "holdout") && (good < 25 || flawed < 25) {
		t.Errorf("the corpus has %d good and %d flawed emails, want at least 25 of each", good, flawed)
	}
	ids := make([]string, 0, len(tallies))
	for id := range tallies {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		tl := tallies[id]
		t.Logf("%-13s hits %2d  misses %2d  false alarms %2d  rightly quiet %2d", id, tl.hits, tl.misses, tl.falseAlarms, tl.quiet)
	}
	rate := float64(agree) / float64(total)
	t.Logf("agreement: %d of %d (%.1f%%) over %d good and %d flawed emails", agree, total, 100*rate, good, flawed)
	if rate < 0.95 {
		t.Errorf("agreement %.1f%%, want at least 95%%", 100*rate)
	}
}

package compose

import (
	"fmt"

	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/internal/letter"
)

// A TemplateProblem is a finding that a template's letters have: how
// many of them, and the first that does.
type TemplateProblem struct {
	Finding check.Finding
	Letters int
	First   string // the answers of the first letter, and its line
}

// CheckTemplate renders t for every reason (and an own reason) and tone, with
// every answer and with the required ones alone, and holds each letter to
// the guide. It returns each problem once, in the order found, and how
// many letters were rendered; its error is the first letter that could
// not be rendered.
func CheckTemplate(t *letter.Template) ([]TemplateProblem, int, error) {
	date, _ := letter.ParseDate("2026-12-03")
	samples := []letter.Fields{
		{Company: "Acme Corp", Role: "Data Engineer", Contact: "Ms. Rivera", InterviewDate: date, KeepInTouch: true, Refer: "Jordan Smith", Name: "Sam Lee"},
		{Company: "Acme Corp", Role: "Data Engineer", Name: "Sam Lee"},
	}
	var problems []TemplateProblem
	seen := make(map[string]int) // by rule and message, the index in problems
	letters := 0
	for _, sample := range samples {
		for _, tone := range letter.Keys(letter.Tones) {
			for _, reason := range append(letter.Keys(letter.Reasons), "own") {
				f := sample
				f.Kind, f.Lang, f.Tone, f.Reason = letter.DefaultKind, letter.Languages[0].Key, tone, reason
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
					return nil, letters, fmt.Errorf("rendering %s: %w", what, err)
				}
				letters++
				for _, finding := range check.Letter(check.Parse([]byte(Text(d)))) {
					if finding.Rule == "door-open" && !f.KeepInTouch {
						continue // not asked for
					}
					key := finding.Rule + "\x00" + finding.Message
					if i, ok := seen[key]; ok {
						problems[i].Letters++
						continue
					}
					seen[key] = len(problems)
					problems = append(problems, TemplateProblem{Finding: finding, First: fmt.Sprintf("%s, line %d", what, finding.Line), Letters: 1})
				}
			}
		}
	}
	return problems, letters, nil
}

package check

import (
	"testing"

	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/templates"
)

// Every letter decline ships passes its own checks, whatever the options.
func TestShippedLettersPass(t *testing.T) {
	ts, err := letter.Open(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	date, _ := letter.ParseDate("2026-12-03")
	inputs := []letter.Fields{
		{Company: "Acme", Role: "SRE", Contact: "Ms. Rivera", Refer: "Jo", Name: "Sam"},
		{Company: "Northwind Traders International", Role: "Senior Staff Data Engineer", Contact: "Dr. Maria Rivera", Refer: "Jordan Alexander Smith", Name: "Sam Lee"},
		{Company: "株式会社テスト", Role: "Ingénieur données", Contact: "Zoë", Refer: "Łukasz Żak", Name: "Zoë Ünal", Signature: "+1 555 0100\nlinkedin.com/in/zoe"},
	}
	for i, in := range inputs {
		for _, tone := range letter.Keys(letter.Tones) {
			tmpl, err := ts.Lookup("en", "interview", tone)
			if err != nil {
				t.Fatal(err)
			}
			for _, reason := range append(letter.Keys(letter.Reasons), "own") {
				for options := range 16 {
					f := in
					f.Tone, f.Reason = tone, reason
					if reason == "own" {
						f.Reason, f.ReasonText = "", "I have decided to return to university this autumn"
					}
					if options&1 == 0 {
						f.Contact = ""
					}
					if options&2 != 0 {
						f.InterviewDate = date
					}
					if options&4 == 0 {
						f.Refer = ""
					}
					f.KeepInTouch = options&8 != 0
					if err := f.Clean(); err != nil {
						t.Fatal(err)
					}
					d, err := tmpl.Render(f)
					if err != nil {
						t.Fatal(err)
					}
					for _, finding := range Check(Parse([]byte("Subject: " + d.Subject + "\n\n" + d.Body))) {
						if finding.Rule == "door-open" && !f.KeepInTouch {
							continue // asked for
						}
						t.Errorf("%d/%s/%s/%04b: %s: %s\n%s", i, tone, reason, options, finding.Rule, finding.Message, d.Body)
					}
				}
			}
		}
	}
}

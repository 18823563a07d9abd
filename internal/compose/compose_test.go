package compose

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/decline-cli/decline/internal/answers"
	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/templates"
)

var now = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

func composer(t *testing.T) Composer {
	t.Helper()
	ts, err := letter.Open(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	return Composer{Templates: ts}
}

func sam() answers.Answers {
	a := answers.Defaults()
	a.Company, a.Role, a.Name = "Acme", "SRE", "Sam"
	return a
}

// The same answers and time always give the same draft.
func TestComposeIsPure(t *testing.T) {
	c := composer(t)
	a := sam()
	a.From, a.To, a.InterviewDate = "Sam Lee <sam@example.org>", "rivera@acme.example", "2026-12-03"
	first, w1, err := c.Compose(a, now)
	if err != nil {
		t.Fatal(err)
	}
	second, w2, _ := c.Compose(a, now)
	if !reflect.DeepEqual(first, second) || !reflect.DeepEqual(w1, w2) {
		t.Errorf("two drafts of the same answers differ:\n%+v\n%+v", first, second)
	}
	if first.Fields.Kind != "interview" || first.Fields.Lang != "en-US" || first.From.Name != "Sam Lee" || first.To.Address != "rivera@acme.example" {
		t.Errorf("got fields %+v, from %v, to %v", first.Fields, first.From, first.To)
	}
}

func TestComposeKindAndLanguage(t *testing.T) {
	c := composer(t)
	for _, tc := range []struct{ kind, lang, wantLang, problem string }{
		{"interview", "en-GB", "en-GB", ""},
		{"INTERVIEW", "en_gb", "en-GB", ""},
		{"", "en", "en-US", ""},
		{"nope", "en-US", "", `kind "nope" is not one of the accepted values; use one of interview, withdraw, offer, rescind, outreach`},
		{"interview", "xyz", "", `lang "xyz" is not one of the accepted values; use one of en-US, en-GB, de, fr, es, ja`},
	} {
		a := sam()
		a.Kind, a.Lang = tc.kind, tc.lang
		d, _, err := c.Compose(a, now)
		var fe *letter.FieldError
		switch {
		case tc.problem == "" && (err != nil || d.Fields.Lang != tc.wantLang):
			t.Errorf("%s/%s: got %v and lang %q, want %s", tc.kind, tc.lang, err, d.Fields.Lang, tc.wantLang)
		case tc.problem != "" && (!errors.As(err, &fe) || fe.Error()+"; "+fe.Hint != tc.problem):
			t.Errorf("%s/%s: got %v, want %q", tc.kind, tc.lang, err, tc.problem)
		}
	}
}

// A kind offers the tones its language has templates for, and says which
// when asked for another.
func TestComposeOffersTheTonesThereAre(t *testing.T) {
	fsys := fstest.MapFS{"en/interview/formal.tmpl": {Data: []byte(`{{define "subject"}}S{{end}}{{define "body"}}Dear team,{{end}}`)}}
	ts, _ := letter.Open(fsys)
	a := sam()
	a.Tone = "warm"
	_, _, err := Composer{Templates: ts}.Compose(a, now)
	var fe *letter.FieldError
	if !errors.As(err, &fe) || fe.Field != "tone" || fe.Hint != "use one of formal" {
		t.Errorf("got %v, want a tone error offering formal alone", err)
	}
}

func TestComposeWarnsWithValues(t *testing.T) {
	a := sam()
	a.InterviewDate, a.Reason, a.ReasonText = "2026-11-20", "", "the pay was a lowball"
	_, warnings, err := composer(t).Compose(a, now)
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, w := range warnings {
		fields = append(fields, w.Field+"/"+w.Action)
	}
	if got := strings.Join(fields, " "); !strings.Contains(got, "reason_text/") || !strings.Contains(got, "interview_date/check") {
		t.Errorf("got warnings %+v, want one on the own words and one on the date", warnings)
	}
}

// A user's template passes the same checks as the built-in ones: a subject
// that would drive a terminal or hide an encoded word is refused.
func TestComposeChecksAUsersSubject(t *testing.T) {
	for _, subject := range []string{"Hi\x1b[2J", "Hi\a", "=?utf-8?q?x?="} {
		t.Run(subject, func(t *testing.T) {
			own, err := letter.ParseTemplate("mine.tmpl", `{{define "subject"}}`+subject+`{{end}}{{define "body"}}Dear team,{{end}}`)
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = Composer{Templates: composer(t).Templates, Own: own, OwnName: "mine.tmpl"}.Compose(sam(), now)
			var te *TemplateError
			if !errors.As(err, &te) || !strings.Contains(err.Error(), "mine.tmpl") {
				t.Errorf("got %v, want a template error naming mine.tmpl", err)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	d, err := ParseText("Subject:  Hello \r\n\r\n\r\nDear team,\r\nBye")
	if err != nil || d.Subject != "Hello" || d.Body != "Dear team,\nBye\n" {
		t.Errorf("got %+v, %v", d, err)
	}
	if _, err := ParseText("Subject: x\n\n~! rm -rf ~\n"); err == nil {
		t.Error("got no error for a line that starts a mail command")
	}
}

// Own words in a formal letter: a contraction is warned about, never
// rewritten; capitals inside the first word are kept; a leading
// conjunction is woven into a sentence.
func TestComposeOwnWords(t *testing.T) {
	for _, tc := range []struct{ tone, text, want, warning string }{
		{"formal", "I've accepted an offer at Stripe", "I've accepted an offer at Stripe.", `"I've" is a contraction`},
		{"warm", "I've accepted an offer at Stripe", "I've accepted an offer at Stripe.", ""},
		{"formal", "iOS development is where I want to stay", "iOS development is where I want to stay.", ""},
		{"formal", "eBay made me an offer", "eBay made me an offer.", ""},
		{"formal", "because I accepted an offer at Stripe", "I accepted an offer at Stripe.", ""},
		{"formal", "as my partner's job is moving abroad", "My partner's job is moving abroad.", ""},
		{"formal", "as a parent, I need a shorter commute", "As a parent, I need a shorter commute.", ""},
	} {
		a := sam()
		a.Tone, a.Reason, a.ReasonText = tc.tone, "", tc.text
		d, warnings, err := composer(t).Compose(a, now)
		if err != nil {
			t.Fatal(err)
		}
		if d.Fields.ReasonText != tc.want || !strings.Contains(d.Body, tc.want) {
			t.Errorf("%q: got %q, want %q in the letter", tc.text, d.Fields.ReasonText, tc.want)
		}
		var got string
		for _, w := range warnings {
			if strings.Contains(w.Message, "contraction") {
				got = w.Message
			}
		}
		if (tc.warning == "") != (got == "") || !strings.Contains(got, tc.warning) {
			t.Errorf("%s %q: got warning %q, want %q", tc.tone, tc.text, got, tc.warning)
		}
	}
}

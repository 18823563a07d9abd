package letter

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/templates"
)

// builtin returns the built-in template for tone.
func builtin(t testing.TB, tone string) *Template {
	t.Helper()
	ts, err := Open(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := ts.Lookup("en", "interview", tone)
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

// inputs are sets of answers a letter must read well with, whatever else
// is chosen: short ones, long ones, ones typed in lower case, and ones in
// other scripts.
var inputs = []Fields{
	{Company: "Acme", Role: "SRE", Contact: "Ms. Rivera", Refer: "Jo", Name: "Sam"},
	{Company: "Northwind Traders International", Role: "Senior Staff Data Engineer", Contact: "Dr. Maria Rivera", Refer: "Jordan Alexander Smith", Name: "Sam Lee"},
	{Company: "acme corp", Role: "the data engineer role", Contact: "jordan", Refer: "alex kim", Name: "sam lee"},
	{Company: "株式会社テスト", Role: "Ingénieur données", Contact: "Zoë", Refer: "Łukasz Żak", Name: "Zoë Ünal"},
	{Company: "Acme Inc.", Role: "Engineer", Contact: "Mr. O'Brien", Refer: "Ann", Name: "Sam"},
}

// ownReason is as long a reason as a user may give.
const ownReason = "i have decided to focus on building my own consultancy, which leaves no room for a new role this year"

// everyLetter calls check with every combination of input set, tone,
// reason (and an own reason), and option: contact, interview date,
// referral and keep-in-touch. Under the race detector, which has nothing
// to find in a single goroutine's letters, one in sampleRace of them,
// spread over the inputs, tones, reasons and options.
func everyLetter(t *testing.T, check func(t *testing.T, f Fields, d Draft)) {
	const sampleRace = 11 // prime to 16 options and 10 reasons
	n := 0
	date, _ := ParseDate("2026-12-03")
	for i, in := range inputs {
		for _, tone := range Keys(Tones) {
			tmpl := builtin(t, tone)
			for _, reason := range append(Keys(Reasons), "own") {
				for options := range 16 {
					if n++; race && n%sampleRace != 0 {
						continue
					}
					f := in
					f.Tone, f.Reason = tone, reason
					if reason == "own" {
						f.Reason, f.ReasonText = "", ownReason
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
						t.Fatalf("input %d: %v", i, err)
					}
					d, err := tmpl.Render(f)
					if err != nil {
						t.Fatalf("%+v: %v", f, err)
					}
					t.Run(fmt.Sprintf("%d/%s/%s/%04b", i, tone, reason, options), func(t *testing.T) { check(t, f, d) })
				}
			}
		}
	}
}

// The rules of the guide, and of careful writing, for every letter.
func TestEveryLetterFollowsTheGuide(t *testing.T) {
	greetings := map[string][2]string{ // with a contact, without
		"formal": {"Dear %s,", "Dear Hiring Team,"},
		"warm":   {"Hello %s,", "Hello to the team at %s,"},
		"brief":  {"Dear %s,", "Dear Hiring Team,"},
	}
	signOffs := map[string]string{"formal": "Kind regards,", "warm": "Warm regards,", "brief": "Best regards,"}
	contraction := regexp.MustCompile(`\w'(ve|d|m|ll|re|t)\b|n't\b`)
	criticism := regexp.MustCompile(`(?i)\b(unfortunately your|toxic|lowball|better (offer|job|company)|disappoint|poor|rude|unprofessional|waste)`)
	wrongArticle := regexp.MustCompile(`\b[Aa] [aeiouAEIOU]|\b[Aa]n [bcdfgjklmnpqrstvwxyzBCDFGJKLMNPQRSTVWXYZ]`)
	sentenceStart := regexp.MustCompile(`[.!?] +(\S)`)

	everyLetter(t, func(t *testing.T, f Fields, d Draft) {
		lines := strings.Split(strings.TrimSuffix(d.Body, "\n"), "\n")
		paragraphs := strings.Split(d.Body, "\n\n")
		text := strings.Join(lines[1:len(lines)-2], " ") // without greeting and signature

		// Greets the contact, or the team, in the tone's register.
		greeting := strings.ReplaceAll(greetings[f.Tone][0], "%s", f.Contact)
		if f.Contact == "" {
			greeting = strings.ReplaceAll(greetings[f.Tone][1], "%s", f.Company)
		}
		if lines[0] != greeting {
			t.Errorf("got greeting %q, want %q", lines[0], greeting)
		}
		// Closes with the tone's sign-off and the sender's name.
		if got := lines[len(lines)-2:]; got[0] != signOffs[f.Tone] || got[1] != f.Name {
			t.Errorf("got closing %q, want %q and %q", got, signOffs[f.Tone], f.Name)
		}
		// Thanks them first, and states the decision in the first
		// paragraph, naming the role and the company.
		first := paragraphs[1]
		if !strings.HasPrefix(first, "Thank you") {
			t.Errorf("first paragraph does not open with thanks: %q", first)
		}
		for _, want := range []string{"time", "withdraw", f.Role, f.Company} {
			if !strings.Contains(first, want) {
				t.Errorf("first paragraph does not say %q: %q", want, first)
			}
		}
		if d := f.InterviewDate; d != nil && !strings.Contains(first, "Thursday, 3 December") {
			t.Errorf("first paragraph does not name the interview's day: %q", first)
		}
		// Gives at most two sentences of reason (none when unspecified):
		// what stands between the decision and the promptness sentence.
		_, afterDecision, _ := strings.Cut(text, "withdraw")
		_, afterDecision, _ = strings.Cut(afterDecision, ". ")
		reason, _, ok := strings.Cut(afterDecision, "so you can move")
		if !ok {
			reason, _, ok = strings.Cut(afterDecision, "so that you can move")
		}
		if !ok || !strings.Contains(text, "other candidates") {
			t.Fatalf("does not let them move on to other candidates: %q", text)
		}
		sentences := strings.Count(reason, ". ") // the promptness sentence ends the count
		switch {
		case f.Reason == ReasonUnspecified && sentences != 0:
			t.Errorf("unspecified reason, but got %d sentences of reason: %q", sentences, reason)
		case f.Reason != ReasonUnspecified && (sentences < 1 || sentences > 2):
			t.Errorf("got %d sentences of reason, want 1 or 2: %q", sentences, reason)
		}
		if f.ReasonText != "" && !strings.Contains(text, f.ReasonText) {
			t.Errorf("own reason %q missing", f.ReasonText)
		}
		if !strings.Contains(text, "promptly") && !strings.Contains(text, "as soon as") {
			t.Errorf("does not say it is telling them promptly: %q", text)
		}
		// Keeps the door open when asked, and offers the referral.
		if got := strings.Contains(text, "stay in touch"); got != f.KeepInTouch {
			t.Errorf("keeps in touch: got %v, want %v", got, f.KeepInTouch)
		}
		if f.Refer != "" && !strings.Contains(text, "recommend "+f.Refer) && !strings.Contains(text, "in touch with "+f.Refer) {
			t.Errorf("does not offer to recommend %s", f.Refer)
		}
		// Never criticises; formal and brief letters do not contract.
		if m := criticism.FindString(text); m != "" {
			t.Errorf("criticises: %q", m)
		}
		if m := contraction.FindString(text); f.Tone != "warm" && m != "" {
			t.Errorf("a %s letter contracts: %q", f.Tone, m)
		}
		// Reads as careful English.
		for _, bad := range []string{"  ", " ,", " .", "..", ",,", "{{", "}}", "<no value>", "%!", "[", "TODO"} {
			if strings.Contains(d.Body, bad) || strings.Contains(d.Subject, bad) {
				t.Errorf("contains %q:\n%s", bad, d.Body)
			}
		}
		if m := wrongArticle.FindString(text); m != "" {
			t.Errorf("wrong article: %q", m)
		}
		// (Names may hold full stops: "Acme Inc. on Thursday" is right.)
		for _, m := range sentenceStart.FindAllStringSubmatch(strings.ReplaceAll(text, f.Company, "X"), -1) {
			if r := []rune(m[1])[0]; strings.ToUpper(string(r)) != string(r) {
				t.Errorf("a sentence starts in lower case: %q in %q", m[0], text)
			}
		}
		for _, line := range lines {
			if strings.TrimSpace(line) != line || len(line) > 998 {
				t.Errorf("untidy line %q", line)
			}
		}
		if strings.Contains(d.Body, "\n\n\n") || !strings.HasSuffix(d.Body, "\n") || strings.HasSuffix(d.Body, "\n\n") {
			t.Errorf("untidy paragraphs:\n%q", d.Body)
		}
		// Stays within its length.
		words := len(strings.Fields(d.Body))
		if f.Tone == "brief" && words > 90 || f.Tone != "brief" && (words < 80 || words > 180) {
			t.Errorf("%s letter of %d words:\n%s", f.Tone, words, d.Body)
		}
		// And it passes decline's own checks (a letter without the
		// keep-in-touch sentence is warned about, as asked for).
		for _, finding := range check.Letter(check.Parse([]byte("Subject: " + d.Subject + "\n\n" + d.Body))) {
			if finding.Rule != "door-open" || f.KeepInTouch {
				t.Errorf("decline check: %s: %s", finding.Rule, finding.Message)
			}
		}
		// Its subject says what it is and names the role and the company.
		if !strings.HasPrefix(d.Subject, "Declining the") || !strings.Contains(d.Subject, f.Role) || !strings.Contains(d.Subject, f.Company) {
			t.Errorf("got subject %q", d.Subject)
		}
	})
}

func TestEveryReasonReadsDifferently(t *testing.T) {
	for _, tone := range Keys(Tones) {
		seen := make(map[string]string)
		for _, reason := range Keys(Reasons) {
			f := Fields{Company: "Acme", Role: "SRE", Name: "Sam", Tone: tone, Reason: reason}
			d, err := builtin(t, tone).Render(f)
			if err != nil {
				t.Fatal(err)
			}
			if other, ok := seen[d.Body]; ok {
				t.Errorf("%s: reasons %s and %s give the same letter", tone, reason, other)
			}
			seen[d.Body] = reason
		}
	}
}

func TestLinesMailProgramsCannotCarry(t *testing.T) {
	tmpl := builtin(t, "formal")
	long := strings.Repeat("𝕏", 100) // 400 bytes
	for _, tc := range []struct {
		name    string
		edit    func(*Fields)
		field   string
		problem string
	}{
		{"mailx command in the signature", func(f *Fields) { f.Name = "~! rm -rf ~" }, "name", `start line 10 of the letter with "~"`},
		{"mailx command in the signature", func(f *Fields) { f.Name = "~r /etc/passwd" }, "name", `with "~"`},
		{"directive in the signature", func(f *Fields) { f.Name = "#attach /etc/passwd" }, "name", `with "#"`},
		{"directive in the reason", func(f *Fields) { f.Reason, f.ReasonText = "", "#1 reason: family." }, "reason_text", `start line 5 of the letter with "#"`},
		{"a line too long for mail", func(f *Fields) { f.Company, f.Role = long, long+"𝕏" }, "role", "bytes long, more than the 998 mail allows"},
	} {
		f := Fields{Company: "Acme", Role: "SRE", Name: "Sam", Reason: "timing", Tone: "formal"}
		tc.edit(&f)
		_, err := tmpl.Render(f)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field || !strings.Contains(fe.Problem, tc.problem) || fe.Hint == "" {
			t.Errorf("%s: got %v, want a problem with %s: %s", tc.name, err, tc.field, tc.problem)
		}
	}
	// "From " lines are only mbox's business: a letter may have them.
	f := Fields{Company: "Acme", Role: "SRE", Name: "Sam", ReasonText: "From now on I study full time.", Tone: "formal"}
	if _, err := tmpl.Render(f); err != nil {
		t.Errorf("a reason starting with From: got %v, want a letter", err)
	}
}

func TestTidy(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Dear Sam,\n\n\n\nThanks.  Bye .\n\n", "Dear Sam,\n\nThanks. Bye.\n"},
		{"\n\n  Hello ,  there\t!\n", "Hello, there!\n"},
		{"at Acme Inc.. Then", "at Acme Inc. Then\n"},
		{"at Yahoo!. I have", "at Yahoo! I have\n"},
		{"Is it Who?.", "Is it Who?\n"},
		{"Wait... what", "Wait... what\n"},
		{"the .NET role", "the .NET role\n"},
		{"one\ntwo\n", "one\ntwo\n"},
	} {
		if got := tidy(tc.in); got != tc.want {
			t.Errorf("tidy(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A template set on disk: a language and a kind of letter that are only
// files, and what Open makes of them.
func TestOpenFindsLanguagesAndKindsFromFiles(t *testing.T) {
	tmpl := func(subject string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(`{{define "subject"}}` + subject + `{{end}}{{define "body"}}{{.Name}}{{end}}`)}
	}
	fsys := fstest.MapFS{}
	for _, tone := range Keys(Tones) {
		fsys["en/offer/"+tone+".tmpl"] = tmpl("Declining the offer for {{.Role}}")
		fsys["fr/interview/"+tone+".tmpl"] = tmpl("Entretien pour le poste de {{.Role}}")
	}
	ts, err := Open(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ language, kind, subject string }{
		{"en", "offer", "Declining the offer for SRE"},
		{"fr", "interview", "Entretien pour le poste de SRE"},
	} {
		tmpl, err := ts.Lookup(tc.language, tc.kind, "warm")
		if err != nil {
			t.Fatal(err)
		}
		d, err := tmpl.Render(Fields{Role: "SRE", Name: "Sam"})
		if err != nil || d.Subject != tc.subject || d.Body != "Sam\n" {
			t.Errorf("%s/%s: got %+v, %v; want subject %q", tc.language, tc.kind, d, err, tc.subject)
		}
	}
	if _, err := ts.Lookup("de", "interview", "warm"); err == nil {
		t.Error("Lookup(de): got a template, want an error")
	}

	// A language may write a kind in some tones only: those it has files for.
	delete(fsys, "fr/interview/brief.tmpl")
	if ts, err = Open(fsys); err != nil {
		t.Fatal(err)
	}
	if got := Keys(ts.Tones("fr", "interview")); strings.Join(got, " ") != "formal warm" {
		t.Errorf("fr/interview without a brief template: got tones %q, want formal and warm", got)
	}
	if _, err := ts.Lookup("fr", "interview", "brief"); err == nil || !strings.Contains(err.Error(), "fr/interview/brief") {
		t.Errorf("Lookup(fr, interview, brief): got %v, want an error naming it", err)
	}
}

func TestTemplateErrorsNameTheTemplateAndLine(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{`{{define "subject"}}x{{end}}` + "\n" + `{{define "body"}}{{if}}{{end}}`, "mine.tmpl:2"},
		{`{{define "body"}}x{{end}}`, `mine.tmpl defines no "subject"`},
	} {
		if _, err := ParseTemplate("mine.tmpl", tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseTemplate(%q): got %v, want an error with %q", tc.text, err, tc.want)
		}
	}
	tmpl, err := ParseTemplate("mine.tmpl", `{{define "subject"}}x{{end}}`+"\n\n"+`{{define "body"}}{{.Nickname}}{{end}}`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tmpl.Render(Fields{}); err == nil || !strings.Contains(err.Error(), "mine.tmpl:3") || !strings.Contains(err.Error(), "Nickname") {
		t.Errorf("Render: got %v, want an error naming mine.tmpl:3 and the field", err)
	}
}

func BenchmarkRender(b *testing.B) {
	f := inputs[1]
	f.Tone, f.Reason, f.KeepInTouch = "formal", "accepted-offer", true
	if err := f.Clean(); err != nil {
		b.Fatal(err)
	}
	tmpl := builtin(b, f.Tone)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tmpl.Render(f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseAndRender(b *testing.B) {
	f := inputs[1]
	f.Tone, f.Reason, f.KeepInTouch = "formal", "accepted-offer", true
	if err := f.Clean(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := builtin(b, f.Tone).Render(f); err != nil {
			b.Fatal(err)
		}
	}
}

// Every field a template receives is documented in Vars.
func TestVarsDocumentEveryField(t *testing.T) {
	documented := make(map[string]bool)
	for _, v := range Vars {
		documented[v.Name] = true
	}
	fields := reflect.TypeOf(Fields{})
	for i := range fields.NumField() {
		if name := "." + fields.Field(i).Name; !documented[name] {
			t.Errorf("%s is not in Vars", name)
		}
	}
	if len(Vars) != fields.NumField() {
		t.Errorf("Vars has %d entries, Fields %d fields", len(Vars), fields.NumField())
	}
}

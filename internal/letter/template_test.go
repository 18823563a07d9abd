package letter

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/templates"
)

// builtin returns the built-in English template for tone, of the
// interview kind unless another is named.
func builtin(t testing.TB, tone string, kind ...string) *Template {
	t.Helper()
	ts, err := Open(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	k := DefaultKind
	if len(kind) > 0 {
		k = kind[0]
	}
	tmpl, err := ts.Lookup("en", k, tone)
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
// reason (and an own reason), option (contact, interview date, referral,
// keep-in-touch) and English. Under the race detector, which has nothing
// to find in a single goroutine's letters, one in sampleRace of them,
// spread over the inputs, tones, reasons and options.
func everyLetter(t *testing.T, check func(t *testing.T, f Fields, d Draft)) {
	const sampleRace = 53 // prime to the 32 options and the reasons
	n := 0
	date, _ := ParseDate("2026-12-03")
	for _, kind := range Kinds {
		for i, in := range inputs {
			for _, tone := range Keys(Tones) {
				tmpl := builtin(t, tone, kind.Key)
				for _, reason := range append(Keys(kind.Reasons), "own") {
					for options := range 32 {
						if n++; race && n%sampleRace != 0 {
							continue
						}
						f := in
						f.Tone, f.Reason, f.Kind, f.Lang = tone, reason, kind.Key, "en-US"
						if options&16 != 0 {
							f.Lang = "en-GB"
						}
						if reason == "own" {
							f.Reason, f.ReasonText = "", ownReason
						}
						if options&1 == 0 {
							f.Contact = ""
						}
						// The option of each kind: the (next) interview's day,
						// the start agreed and a call to follow, the roles
						// the sender would hear about.
						if options&2 != 0 {
							switch kind.Key {
							case "interview", "withdraw":
								f.InterviewDate = date
							case "rescind":
								f.StartDate, f.Call = date, true
							case "outreach":
								f.OpenTo = "staff platform roles"
							}
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
						t.Run(fmt.Sprintf("%s/%d/%s/%s/%05b", kind.Key, i, tone, reason, options), func(t *testing.T) { check(t, f, d) })
					}
				}
			}
		}
	}
}

// The rules of the guide, and of careful writing, for every letter.
func TestEveryLetterFollowsTheGuide(t *testing.T) {
	greetings := map[string][2]string{ // with a contact, without
		"formal": {"Dear %s,", "Dear Hiring Team,"},
		"warm":   {"Hi %s,", "Hello,"},
		"brief":  {"Dear %s,", "Hi there,"},
	}
	signOffs := map[string][]string{
		"formal/en-US": {"Best regards,", "Sincerely,"}, "formal/en-GB": {"Kind regards,", "With kind regards,"},
		"warm/en-US": {"Warmly,", "Warm regards,"}, "warm/en-GB": {"Warm regards,", "Best wishes,"},
		"brief/en-US": {"Best,"}, "brief/en-GB": {"Best wishes,"},
	}
	lengths := map[string][2]int{"formal": {80, 130}, "warm": {80, 150}, "brief": {1, 70}}
	contraction := regexp.MustCompile(`\w'(ve|d|m|ll|re|t)\b|n't\b`)
	criticism := regexp.MustCompile(`(?i)\b(unfortunately your|toxic|lowball|better (offer|job|company)|disappoint|poor|rude|unprofessional|waste)`)
	wrongArticle := regexp.MustCompile(`\b[Aa] [aeiouAEIOU]|\b[Aa]n [bcdfgjklmnpqrstvwxyzBCDFGJKLMNPQRSTVWXYZ]`)
	sentenceStart := regexp.MustCompile(`[.!?] +(\S)`)
	selfDescribing := regexp.MustCompile(`(?i)I am telling you (promptly|now)|I('m| am) (writing|telling you) (this )?(promptly|quickly)`)
	american := regexp.MustCompile(`\b(realized?|right away|candidacy|(January|February|March|April|May|June|July|August|September|October|November|December) [0-9]+)\b`)
	british := regexp.MustCompile(`\b(realised?|straight away|in future|[0-9]+ (January|February|March|April|May|June|July|August|September|October|November|December))\b`)

	everyLetter(t, func(t *testing.T, f Fields, d Draft) {
		lines := strings.Split(strings.TrimSuffix(d.Body, "\n"), "\n")
		paragraphs := strings.Split(d.Body, "\n\n")
		text := strings.Join(lines[1:len(lines)-2], " ") // without greeting and signature

		// Greets the contact, or the team, in the tone's register.
		greeting := strings.ReplaceAll(greetings[f.Tone][0], "%s", f.Addressee())
		if f.Contact == "" {
			greeting = greetings[f.Tone][1]
		}
		if lines[0] != greeting {
			t.Errorf("got greeting %q, want %q", lines[0], greeting)
		}
		// Closes with a sign-off of the tone and variety, and the name.
		if got := lines[len(lines)-2:]; !slices.Contains(signOffs[f.Tone+"/"+f.Lang], got[0]) || got[1] != f.Name {
			t.Errorf("got closing %q, want one of %q and %q", got, signOffs[f.Tone+"/"+f.Lang], f.Name)
		}
		// Thanks them first, and states the decision in the first
		// paragraph, naming the role and the company.
		first := paragraphs[1]
		if !strings.Contains(first, "hank") && !strings.Contains(first, "appreciate") && !strings.Contains(first, "grateful") && !strings.Contains(first, "pleased") {
			t.Errorf("first paragraph does not thank them: %q", first)
		}
		for _, want := range []string{f.Role, f.Company} {
			if !strings.Contains(first, want) {
				t.Errorf("first paragraph does not say %q: %q", want, first)
			}
		}
		if !decides[f.Kind].MatchString(first) {
			t.Errorf("first paragraph does not decide: %q", first)
		}
		// What each kind owes.
		switch f.Kind {
		case "withdraw":
			if !regexp.MustCompile(`interview|meet|met|speak|spoke|conversation`).MatchString(text) {
				t.Errorf("a withdrawal does not thank them for the interviews: %q", text)
			}
		case "rescind":
			if n := len(regexp.MustCompile(`(?i)\b(sorry|apologi[sz]e|apologies)\b`).FindAllString(text, -1)); n != 1 {
				t.Errorf("a rescinded acceptance apologises %d times, want once: %q", n, text)
			}
			if !regexp.MustCompile(`paperwork|equipment|hand ?over|onboarding|arrangements`).MatchString(text) {
				t.Errorf("a rescinded acceptance does not offer help with the start: %q", text)
			}
			if f.Call && !strings.Contains(text, "call") {
				t.Errorf("the letter does not say a call will follow: %q", text)
			}
			if day := f.StartDay(); day != "" && !strings.Contains(text, day) {
				t.Errorf("the letter does not name the start %q: %q", day, text)
			}
		case "outreach":
			if m := regexp.MustCompile(`other candidates?|another candidate|the slot|interview`).FindString(text); m != "" {
				t.Errorf("an answer to a recruiter's approach says %q", m)
			}
			if f.OpenTo != "" && !strings.Contains(text, f.OpenTo) {
				t.Errorf("the letter does not name the roles %q", f.OpenTo)
			}
		}
		if strings.Count(text, f.Company) > 2 {
			t.Errorf("the company is named %d times, want at most 2: %q", strings.Count(text, f.Company), text)
		}
		// Dates and spelling in the letter's own English.
		if day := f.Day(); day != "" && !strings.Contains(first, day) && !(f.Kind == "withdraw" && strings.Contains(text, day)) {
			t.Errorf("first paragraph does not name the interview's day %q: %q", day, first)
		}
		if m := american.FindString(text); f.GB() && m != "" && !strings.Contains(f.Company+f.Role, m) {
			t.Errorf("a British letter says %q", m)
		}
		if m := british.FindString(text); !f.GB() && m != "" && !strings.Contains(f.Company+f.Role, m) {
			t.Errorf("an American letter says %q", m)
		}
		if f.ReasonText != "" && !strings.Contains(text, f.ReasonText) {
			t.Errorf("own reason %q missing", f.ReasonText)
		}
		// Keeps the door open when asked, and offers the referral.
		if f.KeepInTouch && !regexp.MustCompile(`in touch|in contact|future|paths cross|keep me in mind`).MatchString(text) {
			t.Errorf("does not keep the door open: %q", text)
		}
		if f.Refer != "" && !strings.Contains(text, f.Refer) {
			t.Errorf("does not offer to recommend %s", f.Refer)
		}
		// Never criticises, never describes itself; formal and brief
		// letters do not contract.
		if m := criticism.FindString(text); m != "" {
			t.Errorf("criticises: %q", m)
		}
		if m := selfDescribing.FindString(text); m != "" {
			t.Errorf("describes itself: %q", m)
		}
		if m := contraction.FindString(strings.ReplaceAll(text, f.ReasonText, "")); f.Tone != "warm" && m != "" {
			t.Errorf("a %s letter contracts: %q", f.Tone, m)
		}
		// Reads as careful English.
		for _, bad := range []string{"  ", " ,", " .", "..", ",,", "{{", "}}", "<no value>", "%!", "[", "TODO", "Dear the", "Hello to the team"} {
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
		// Stays within its length, counted between greeting and sign-off.
		words, limits := len(strings.Fields(text)), lengths[f.Tone]
		if words < limits[0] || words > limits[1] {
			t.Errorf("%s letter of %d words, want %d to %d:\n%s", f.Tone, words, limits[0], limits[1], d.Body)
		}
		// Its subject fits an inbox, whole words only.
		if n := utf8.RuneCountInString(f.Company + f.Role); n <= 60 && utf8.RuneCountInString(d.Subject) > 78 {
			t.Errorf("subject of %d characters: %q", utf8.RuneCountInString(d.Subject), d.Subject)
		}
		// And it passes decline's own checks (a letter without the
		// keep-in-touch sentence is warned about, as asked for).
		for _, finding := range check.LetterOf(check.Parse([]byte("Subject: "+d.Subject+"\n\n"+d.Body)), f.Kind) {
			if finding.Rule != "door-open" || f.KeepInTouch {
				t.Errorf("decline check: %s: %s", finding.Rule, finding.Message)
			}
		}
	})
}

// decides is how each kind of letter states its decision, one of which
// its first paragraph holds.
var decides = map[string]*regexp.Regexp{
	"interview": regexp.MustCompile(`withdraw|decline|not to go ahead|step(ping)? back|won't be going ahead`),
	"withdraw":  regexp.MustCompile(`withdraw`),
	"offer":     regexp.MustCompile(`declin|not (to )?accept|turn(ing)? down|not be accepting`),
	"rescind":   regexp.MustCompile(`no longer|not (be )?(able to )?(join|start|take up)|not to (join|take up)|withdraw(ing)? my acceptance|not be joining|won't be joining`),
	"outreach":  regexp.MustCompile(`not (currently )?(looking|exploring|considering|pursuing)|not the right|pass on|declin|not for me|not a move|isn't the right|won't be`),
}

// sentencesOf splits a letter's text between greeting and sign-off into
// its sentences, with the names taken out.
func sentencesOf(f Fields, d Draft) []string {
	lines := strings.Split(strings.TrimSuffix(d.Body, "\n"), "\n")
	text := strings.Join(lines[1:len(lines)-2], " ")
	for _, name := range []string{f.Company, f.Role, f.Refer, f.Day()} {
		if name != "" {
			text = strings.ReplaceAll(text, name, "X")
		}
	}
	var out []string
	for _, s := range regexp.MustCompile(`[^.;?!]+[.;?!]`).FindAllString(text, -1) {
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// sharing returns how many of their sentences two letters share, and
// what share of the shorter letter that is.
func sharing(a, b []string) (int, float64) {
	shared := 0
	for _, s := range a {
		if slices.Contains(b, s) {
			shared++
		}
	}
	return shared, float64(shared) / float64(min(len(a), len(b)))
}

// Letters are composed, not filled: for any company and tone, letters for
// different reasons share at most half of their sentences, and five
// letters to five companies for one reason are not all the same.
func TestLettersAreComposed(t *testing.T) {
	companies := []string{"Acme", "Globex", "Initech", "Hooli", "Umbrella"}
	worst, total, pairs := 0.0, 0.0, 0
	for _, kind := range Kinds {
		for _, tone := range Keys(Tones) {
			tmpl := builtin(t, tone, kind.Key)
			for _, company := range companies {
				var letters [][]string
				for _, reason := range append(Keys(kind.Reasons), "own") {
					f := Fields{Company: company, Role: "Data Engineer", Name: "Sam", Tone: tone, Reason: reason, KeepInTouch: true, Lang: "en-US", Kind: kind.Key}
					if reason == "own" {
						f.Reason, f.ReasonText = "", "I am going back to university."
					}
					d, err := tmpl.Render(f)
					if err != nil {
						t.Fatal(err)
					}
					letters = append(letters, sentencesOf(f, d))
				}
				for i := range letters {
					for j := range i {
						shared, share := sharing(letters[i], letters[j])
						worst, total, pairs = max(worst, share), total+share, pairs+1
						if share > 0.5 {
							t.Errorf("%s, %s, %s: reasons %d and %d share %d of their sentences:\n%q\n%q", kind.Key, tone, company, i, j, shared, letters[i], letters[j])
						}
					}
				}
			}
			for _, reason := range append(Keys(kind.Reasons), "own") {
				seen := make(map[string]bool)
				for _, company := range companies {
					f := Fields{Company: company, Role: "Data Engineer", Name: "Sam", Tone: tone, Reason: reason, KeepInTouch: true, Lang: "en-US", Kind: kind.Key}
					if reason == "own" {
						f.Reason, f.ReasonText = "", "I am going back to university."
					}
					d, _ := tmpl.Render(f)
					seen[strings.Join(sentencesOf(f, d), " ")] = true
				}
				if len(seen) < 3 {
					t.Errorf("%s, %s, %s: five companies get %d different letters, want at least 3", kind.Key, tone, reason, len(seen))
				}
			}
		}
	}
	t.Logf("sentences shared between letters for different reasons: %.0f%% on average, %.0f%% at most", 100*total/float64(pairs), 100*worst)
}

func TestLinesMailProgramsCannotCarry(t *testing.T) {
	tmpl := builtin(t, "formal")
	long := strings.Repeat("𝕏", 130) // 520 bytes
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

package letter

import (
	"errors"
	"strings"
	"testing"

	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
)

func TestCleanTidies(t *testing.T) {
	for _, tc := range []struct {
		name      string
		in, want  Fields
		wantError bool
	}{{
		name: "defaults",
		in:   Fields{Company: " Acme ", Role: "SRE", Name: "Sam"},
		want: Fields{Company: "Acme", Role: "SRE", Name: "Sam", Reason: ReasonUnspecified, Tone: DefaultTone},
	}, {
		name: "the role's article and noun",
		in:   Fields{Company: "Acme", Role: "the Data Engineer role", Name: "Sam", Reason: "Timing", Tone: "WARM"},
		want: Fields{Company: "Acme", Role: "Data Engineer", Name: "Sam", Reason: "timing", Tone: "warm"},
	}, {
		name: "a role that only looks like it has an article",
		in:   Fields{Company: "Acme", Role: "A&R Manager position", Name: "Sam"},
		want: Fields{Company: "Acme", Role: "A&R Manager", Name: "Sam", Reason: ReasonUnspecified, Tone: DefaultTone},
	}, {
		name: "a greeting typed with the contact",
		in:   Fields{Company: "Acme", Role: "SRE", Contact: "Dear Ms. Rivera,", Name: "Sam"},
		want: Fields{Company: "Acme", Role: "SRE", Contact: "Ms. Rivera", Name: "Sam", Reason: ReasonUnspecified, Tone: DefaultTone},
	}, {
		name: "a contact typed with an article",
		in:   Fields{Company: "Acme", Role: "SRE", Contact: "the hiring team", Name: "Sam"},
		want: Fields{Company: "Acme", Role: "SRE", Contact: "Hiring Team", Name: "Sam", Reason: ReasonUnspecified, Tone: DefaultTone},
	}, {
		name: "a contact typed with Hi and an exclamation",
		in:   Fields{Company: "Acme", Role: "SRE", Contact: "Hi Ana!", Name: "Sam"},
		want: Fields{Company: "Acme", Role: "SRE", Contact: "Ana", Name: "Sam", Reason: ReasonUnspecified, Tone: DefaultTone},
	}, {
		name: "own reason made a sentence",
		in:   Fields{Company: "Acme", Role: "SRE", Name: "Sam", ReasonText: "i am going back to university"},
		want: Fields{Company: "Acme", Role: "SRE", Name: "Sam", ReasonText: "I am going back to university.", Tone: DefaultTone},
	}, {
		name: "own reason ending in a semicolon",
		in:   Fields{Company: "Acme", Role: "SRE", Name: "Sam", ReasonText: "it is private;"},
		want: Fields{Company: "Acme", Role: "SRE", Name: "Sam", ReasonText: "It is private.", Tone: DefaultTone},
	}, {
		name: "own reason of two sentences with an abbreviation",
		in:   Fields{Company: "Acme", Role: "SRE", Name: "Sam", ReasonText: "I joined Acme Inc. last month"},
		want: Fields{Company: "Acme", Role: "SRE", Name: "Sam", ReasonText: "I joined Acme Inc. last month.", Tone: DefaultTone},
	}, {
		name: "own reason with the default reason key",
		in:   Fields{Company: "Acme", Role: "SRE", Name: "Sam", Reason: ReasonUnspecified, ReasonText: "My plans changed!"},
		want: Fields{Company: "Acme", Role: "SRE", Name: "Sam", ReasonText: "My plans changed!", Tone: DefaultTone},
	}, {
		name: "own reason in Japanese keeps its full stop",
		in:   Fields{Company: "Acme", Role: "SRE", Name: "Sam", ReasonText: "家族の事情です。"},
		want: Fields{Company: "Acme", Role: "SRE", Name: "Sam", ReasonText: "家族の事情です。", Tone: DefaultTone},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.in
			if err := got.Clean(); err != nil {
				t.Fatalf("Clean: %v", err)
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestCleanReportsEveryProblem(t *testing.T) {
	f := Fields{Contact: "Ms.\x1b[2J Rivera", Reason: "stayin", Tone: "wram", Refer: strings.Repeat("x", 101)}
	err := f.Clean()
	problems := err.(interface{ Unwrap() []error }).Unwrap()

	var missing *MissingError
	if !errors.As(problems[0], &missing) || strings.Join(missing.Fields, " ") != "company role name" {
		t.Errorf("got first problem %v, want missing company, role and name", problems[0])
	}
	want := map[string]string{
		"contact": "control character (U+001B)",
		"refer":   "101 characters long",
		"tone":    `"wram" is not one of the accepted values`,
		"reason":  `"stayin" is not one of the accepted values`,
	}
	for _, p := range problems[1:] {
		var fe *FieldError
		if !errors.As(p, &fe) {
			t.Errorf("got %T %v, want a *FieldError", p, p)
			continue
		}
		if !strings.Contains(fe.Problem, want[fe.Field]) || want[fe.Field] == "" {
			t.Errorf("got %s problem %q, want one about %q", fe.Field, fe.Problem, want[fe.Field])
		}
		if fe.Hint == "" {
			t.Errorf("%s: got no hint", fe.Field)
		}
		delete(want, fe.Field)
	}
	if len(want) > 0 {
		t.Errorf("no problem reported for %v", want)
	}
}

func TestCleanRefuses(t *testing.T) {
	base := Fields{Company: "Acme", Role: "SRE", Name: "Sam Lee"}
	for _, tc := range []struct {
		name  string
		edit  func(*Fields)
		field string
		hint  string
	}{
		{"typo in reason", func(f *Fields) { f.Reason = "acepted-offer" }, "reason", "did you mean accepted-offer?"},
		{"typo in tone", func(f *Fields) { f.Tone = "wram" }, "tone", "did you mean warm?"},
		{"reason and reason text", func(f *Fields) { f.Reason = "staying"; f.ReasonText = "I am staying." }, "reason_text", "not both"},
		{"long reason text", func(f *Fields) { f.ReasonText = strings.Repeat("word ", 21) }, "reason_text", "over-explaining"},
		{"name without letters", func(f *Fields) { f.Name = "~~" }, "name", "as it is written"},
		{"blank-looking company", func(f *Fields) { f.Company = "\u3164" }, "company", "retype"},
		{"contact of punctuation", func(f *Fields) { f.Contact = "--" }, "contact", "as it is written"},
		{"three sentences", func(f *Fields) { f.ReasonText = "I moved. I am happy. Thanks." }, "reason_text", "one or two short sentences"},
		{"header in company", func(f *Fields) { f.Company = "Acme\r\nBcc: evil@example.net" }, "company", "one line"},
		{"escape in role", func(f *Fields) { f.Role = "SRE\x1b]0;pwned\a" }, "role", "retype"},
		{"encoded word in name", func(f *Fields) { f.Name = "=?utf-8?b?U2Ft?=" }, "name", "plain text"},
		{"bidi override in refer", func(f *Fields) { f.Refer = "Jordan \u202eSmith" }, "refer", "retype"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := base
			tc.edit(&f)
			var fe *FieldError
			if err := f.Clean(); !errors.As(err, &fe) {
				t.Fatalf("got %v, want a *FieldError", err)
			}
			if fe.Field != tc.field || !strings.Contains(fe.Hint, tc.hint) {
				t.Errorf("got %s: %s (hint %q), want a problem with %s hinting %q", fe.Field, fe.Problem, fe.Hint, tc.field, tc.hint)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	d, err := ParseDate("2026-12-03")
	if err != nil || d.String() != "2026-12-03" || d.Format("Monday, 2 January") != "Thursday, 3 December" {
		t.Errorf("got %v, %v; want Thursday 2026-12-03", d, err)
	}
	for _, bad := range []string{"3 December", "03/12/2026", "2026-12-03T10:00", "2026-1-3"} {
		if _, err := ParseDate(bad); err == nil || !strings.Contains(err.(*FieldError).Hint, "2026-12-03") {
			t.Errorf("ParseDate(%q): got %v, want an error showing the form", bad, err)
		}
	}
	for _, bad := range []string{"2026-13-01", "2026-02-29", "2026-12-32"} {
		if _, err := ParseDate(bad); err == nil || !strings.Contains(err.(*FieldError).Problem, "not a day of the calendar") {
			t.Errorf("ParseDate(%q): got %v, want an error saying there is no such day", bad, err)
		}
	}
}

func TestLookupSuggests(t *testing.T) {
	for key, want := range map[string]string{"compensaton": "compensation", "NOT-A-FIT": "not-a-fit", "xyz": ""} {
		err := Lookup("reason", Reasons, key).(*FieldError)
		if got := strings.Contains(err.Hint, "did you mean "+want+"?"); got != (want != "") {
			t.Errorf("Lookup(%q): got hint %q, want a suggestion of %q", key, err.Hint, want)
		}
	}
	if err := Lookup("reason", Reasons, "timing"); err != nil {
		t.Errorf("Lookup(timing): got %v, want nil", err)
	}
}

// Each language writes the contact's honorific its own way, from one
// typed in any of them, in any case; Japanese addresses a department 御中
// and a person 様, a surname ending in 部 included.
func TestHonorificsAndNames(t *testing.T) {
	for _, tc := range []struct{ lang, contact, honorific, name string }{
		{"de", "Frau Dr. Müller", "Frau", "Dr. Müller"},
		{"de", "Mr. Smith", "Herr", "Smith"},
		{"de", "Herrn Meier", "Herr", "Meier"},
		{"de", "Alex Rivera", "", "Alex Rivera"},
		{"fr", "Frau Rivera", "Madame", "Rivera"},
		{"fr", "M. Dupont", "Monsieur", "Dupont"},
		{"fr", "M Dupont", "Monsieur", "Dupont"},
		{"fr", "Mlle Rivera", "Madame", "Rivera"},
		{"es", "sra. García", "Sra.", "García"},
		{"es", "Sra.García", "Sra.", "García"},
		{"es", "Srta López", "Sra.", "López"},
		{"ja", "Ms. Rivera", "", "Rivera"},
		{"ja", "リベラ様", "", "リベラ"},
		{"en-US", "Ms. Rivera", "", "Ms. Rivera"},
	} {
		f := Fields{Lang: tc.lang, Contact: tc.contact}
		if h, n := f.Honorific(), f.ContactName(); h != tc.honorific || n != tc.name {
			t.Errorf("%s %q: got %q and %q, want %q and %q", tc.lang, tc.contact, h, n, tc.honorific, tc.name)
		}
	}
	for contact, want := range map[string]bool{"人事部": true, "採用課": true, "営業本部 御中": true, "阿部": false, "服部様": false, "小室": false, "リベラ": false} {
		if got := (Fields{Lang: "ja", Contact: contact}).IsDepartment(); got != want {
			t.Errorf("%q: got department %v, want %v", contact, got, want)
		}
	}
	for contact, want := range map[string]bool{"Personalabteilung": true, "HR-Team": true, "Recruiting": true, "Frau Hartmann": false, "Herr Personn": false} {
		if got := (Fields{Lang: "de", Contact: contact}).IsDepartment(); got != want {
			t.Errorf("%q: got department %v, want %v", contact, got, want)
		}
	}
}

// Days as each language writes them in a sentence.
func TestDaysInEveryLanguage(t *testing.T) {
	d, _ := ParseDate("2026-12-03")
	first, _ := ParseDate("2027-01-01")
	for _, tc := range []struct {
		lang string
		day  *Date
		want string
	}{
		{"en-US", d, "Thursday, December 3"}, {"en-GB", d, "Thursday 3 December"},
		{"de", d, "Donnerstag, 3. Dezember"}, {"fr", d, "jeudi 3 décembre"}, {"fr", first, "vendredi 1er janvier"},
		{"es", d, "jueves, 3 de diciembre"}, {"ja", d, "12月3日（木）"},
	} {
		if got := (Fields{Lang: tc.lang, InterviewDate: tc.day}).Day(); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// A reason in Japanese is counted in characters and ends with 。.
func TestJapaneseReason(t *testing.T) {
	got, err := CleanField("reason_text", "大学院への進学を決めました")
	if err != nil || got != "大学院への進学を決めました。" {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := CleanField("reason_text", strings.Repeat("長い理由", 30)); err == nil {
		t.Errorf("a reason of 120 characters was accepted")
	}
}

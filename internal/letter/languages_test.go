package letter

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/decline-cli/decline/internal/check"
	"github.com/decline-cli/decline/templates"
)

// A language's letters are tried with its own contacts (an honorific for
// a woman, one for a man, a name alone, none) and its own words for the
// user's reason.
var languageInputs = map[string]struct {
	woman, man, name string
	reason           string
}{
	"de": {"Frau Rivera", "Herr Rivera", "Alex Rivera", "Ich beginne im Frühjahr ein Masterstudium"},
	"fr": {"Mme Rivera", "M. Rivera", "Alex Rivera", "Je reprends mes études au printemps"},
	"es": {"Sra. Rivera", "Sr. Rivera", "Alex Rivera", "Empiezo un máster en primavera"},
	"ja": {"リベラ様", "人事部", "Alex Rivera", "大学院への進学を決めました"},
}

// everyLanguageLetter calls check with the letters of every language but
// English: each kind and tone written in it, each reason and an own one,
// each contact, and the options (interview day, referral, keeping in
// touch). Under the race detector, one in sampleRace.
func everyLanguageLetter(t *testing.T, check func(t *testing.T, f Fields, d Draft)) {
	const sampleRace = 7
	ts, err := Open(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	date, _ := ParseDate("2026-12-03")
	n := 0
	for _, lang := range Languages {
		in, ok := languageInputs[lang.Key]
		if !ok {
			continue
		}
		written := 0
		for _, kind := range Kinds {
			for _, tone := range ts.Tones(lang.Dir, kind.Key) {
				written++
				tmpl, err := ts.Lookup(lang.Dir, kind.Key, tone.Key)
				if err != nil {
					t.Fatal(err)
				}
				for _, reason := range append(Keys(kind.Reasons), "own") {
					for c, contact := range []string{"", in.woman, in.man, in.name} {
						for options := range 8 {
							if n++; race && n%sampleRace != 0 {
								continue
							}
							f := Fields{Company: "Acme GmbH", Role: "Data Engineer", Name: "Alex Rivera", Contact: contact,
								Lang: lang.Key, Kind: kind.Key, Tone: tone.Key, Reason: reason, KeepInTouch: options&1 != 0}
							if reason == "own" {
								f.Reason, f.ReasonText = "", in.reason
							}
							if options&2 != 0 {
								f.Refer = "Jordan Smith"
							}
							if options&4 != 0 && kind.Key == "interview" {
								f.InterviewDate = date
							}
							if err := f.Clean(); err != nil {
								t.Fatal(err)
							}
							d, err := tmpl.Render(f)
							if err != nil {
								t.Fatalf("%+v: %v", f, err)
							}
							t.Run(fmt.Sprintf("%s/%s/%s/%s/%d/%03b", lang.Key, kind.Key, tone.Key, reason, c, options), func(t *testing.T) { check(t, f, d) })
						}
					}
				}
			}
		}
		// Every language writes interviews and offers, formally.
		for _, kind := range []string{"interview", "offer"} {
			if !slices.ContainsFunc(ts.Tones(lang.Dir, kind), func(o Option) bool { return o.Key == "formal" }) {
				t.Errorf("%s has no formal %s letter", lang.Key, kind)
			}
		}
	}
}

// The conventions of each language, from its country's guides, and
// decline's own checks, for every letter.
func TestEveryLanguageFollowsItsConventions(t *testing.T) {
	du := regexp.MustCompile(`\b(du|dich|dir|dein|deine|deinen|deinem|deiner)\b`)
	tu := regexp.MustCompile(`(?i)\b(tú|contigo|agradecido|agradecida|encantado|encantada)\b`)
	gendered := regexp.MustCompile(`\((e|es|a)\)|/a\b`)
	sie := map[string]bool{"Sie": true, "Ihnen": true, "Ihr": true, "Ihre": true, "Ihren": true, "Ihrem": true, "Ihrer": true, "Ihres": true}

	everyLanguageLetter(t, func(t *testing.T, f Fields, d Draft) {
		lines := strings.Split(strings.TrimSuffix(d.Body, "\n"), "\n")
		if last := lines[len(lines)-1]; last != f.Name {
			t.Errorf("the last line is %q, want the name %q", last, f.Name)
		}
		if !strings.Contains(d.Subject+d.Body, f.Role) {
			t.Errorf("neither the subject nor the letter names the role:\n%s", d.Body)
		}
		for _, want := range []string{f.ReasonText, f.Refer, f.Day()} {
			if want != "" && !strings.Contains(d.Body, want) {
				t.Errorf("the letter does not say %q:\n%s", want, d.Body)
			}
		}
		for _, bad := range []string{"  ", "{{", "}}", "<no value>", "%!", " ,", " .", "..", "\n\n\n"} {
			if strings.Contains(d.Body, bad) || strings.Contains(d.Subject, bad) {
				t.Errorf("contains %q:\n%s", bad, d.Body)
			}
		}
		if n := utf8.RuneCountInString(d.Subject); n > 78 {
			t.Errorf("subject of %d characters: %q", n, d.Subject)
		}
		greeting, signOff := lines[0], lines[len(lines)-2]

		switch f.Lang {
		case "de":
			want := map[string]string{"": "Sehr geehrte Damen und Herren,", "Frau": "Sehr geehrte Frau Rivera,", "Herr": "Sehr geehrter Herr Rivera,"}[f.Honorific()]
			if f.Contact != "" && f.Honorific() == "" {
				want = "Guten Tag Alex Rivera,"
			}
			if f.Tone == "formal" && greeting != want || !strings.HasSuffix(greeting, ",") {
				t.Errorf("got greeting %q, want %q", greeting, want)
			}
			first, _, _ := strings.Cut(lines[2], " ")
			if r, _ := utf8.DecodeRuneInString(first); unicode.IsUpper(r) && !sie[first] {
				t.Errorf("the first word after the salutation is %q: lowercase, unless it is Sie", first)
			}
			if f.Tone == "formal" && signOff != "Mit freundlichen Grüßen" || strings.HasSuffix(signOff, ",") {
				t.Errorf("got sign-off %q, want Mit freundlichen Grüßen (formal), never a comma", signOff)
			}
			if m := du.FindString(d.Body); m != "" {
				t.Errorf("says %q: a letter says Sie", m)
			}
			if !strings.HasPrefix(d.Subject, "Absage") || !strings.Contains(d.Subject, "– "+f.Name) {
				t.Errorf("subject %q, want Absage … – %s", d.Subject, f.Name)
			}
			if f.Kind == "interview" && !strings.Contains(d.Body, "zurück") {
				t.Errorf("an interview letter does not withdraw the application (zurückziehen):\n%s", d.Body)
			}
		case "fr":
			want := map[string]string{"": "Madame, Monsieur,", "Madame": "Madame,", "Monsieur": "Monsieur,"}[f.Honorific()]
			if f.Contact != "" && f.Honorific() == "" {
				want = "Bonjour Alex Rivera,"
			}
			if f.Tone == "formal" && greeting != want {
				t.Errorf("got greeting %q, want %q", greeting, want)
			}
			if strings.Contains(greeting, "Cher") || regexp.MustCompile(`^(Madame|Monsieur) \S+,$`).MatchString(greeting) && f.Contact != "" && !strings.HasPrefix(greeting, "Madame, Monsieur") {
				t.Errorf("greeting %q: never Cher to a stranger, never Monsieur Dupont glued", greeting)
			}
			for _, p := range []string{"!", "?", ":", ";"} {
				if strings.Count(d.Body+d.Subject, p) != strings.Count(d.Body+d.Subject, "\u00a0"+p) {
					t.Errorf("%q without a no-break space before it:\n%s", p, d.Body)
				}
			}
			if !strings.Contains(signOff, "ordialement") && !strings.Contains(signOff, "salutations") && !strings.Contains(signOff, "Bien à vous") {
				t.Errorf("got sign-off %q", signOff)
			}
			if strings.Contains(signOff, "agréer") || strings.Contains(signOff, "recevoir") {
				salutation := strings.TrimSuffix(greeting, ",")
				if !strings.Contains(signOff, ", "+salutation+",") {
					t.Errorf("the formula %q does not repeat the salutation %q", signOff, salutation)
				}
			}
			if m := gendered.FindString(d.Body); m != "" {
				t.Errorf("a form that needs the writer's gender: %q", m)
			}
		case "es":
			want := map[string]string{"Sra.": "Estimada Sra. Rivera:", "Sr.": "Estimado Sr. Rivera:"}[f.Honorific()]
			if f.Tone == "formal" && want != "" && greeting != want || !strings.HasSuffix(greeting, ":") {
				t.Errorf("got greeting %q, want %q, with a colon", greeting, want)
			}
			if r, _ := utf8.DecodeRuneInString(lines[2]); !unicode.IsUpper(r) && r != '¡' && r != '¿' {
				t.Errorf("the body starts in lower case: %q", lines[2])
			}
			if f.Tone == "formal" && signOff != "Atentamente," && signOff != "Un cordial saludo," {
				t.Errorf("got sign-off %q, want Atentamente, or Un cordial saludo,", signOff)
			}
			if m := tu.FindString(d.Body); m != "" || gendered.MatchString(d.Body) {
				t.Errorf("says %q: usted, and nothing that needs the writer's gender", m)
			}
		case "ja":
			if !strings.Contains(d.Subject, "辞退") || !strings.Contains(d.Subject, "（"+f.Name+"）") {
				t.Errorf("subject %q, want the purpose and the sender", d.Subject)
			}
			if lines[0] != f.Company {
				t.Errorf("the address block does not start with the company: %q", lines[0])
			}
			switch addressee := lines[1]; {
			case strings.Contains(addressee, "様") == strings.Contains(addressee, "御中"):
				t.Errorf("addressee %q: 様 or 御中, never both, never neither", addressee)
			case f.Contact == "人事部" && addressee != "人事部 御中" && addressee != "人事部御中":
				t.Errorf("a department is addressed %q", addressee)
			}
			body := strings.Join(lines[2:], "\n")
			if !strings.Contains(body, "お世話になっております") {
				t.Errorf("no お世話になっております")
			}
			decided := strings.Index(body, "辞退")
			for _, sorry := range []string{"申し訳", "お詫び", "ご容赦"} {
				if i := strings.Index(body, sorry); i >= 0 && i < decided {
					t.Errorf("apologises (%s) before the decision", sorry)
				}
			}
			if !strings.Contains(body, "メール") || !regexp.MustCompile(`(発展|繁栄|隆盛|活躍).*(祈|願)`).MatchString(body) {
				t.Errorf("no apology for writing by email, or no wish for the company's success:\n%s", body)
			}
			if strings.Contains(body, "御社") {
				t.Errorf("says 御社 in writing: 貴社")
			}
		}

		// And it passes decline's own checks in its language (a letter
		// without the keep-in-touch sentence is warned about, as asked).
		for _, finding := range check.LetterIn(check.Parse([]byte("Subject: "+d.Subject+"\n\n"+d.Body)), f.Kind, f.Lang) {
			if finding.Rule != "door-open" || f.KeepInTouch {
				t.Errorf("decline check: %s: %s\n%s", finding.Rule, finding.Message, d.Body)
			}
		}
	})
}

// Letters in every language are composed, not filled: letters for
// different reasons share at most half of their sentences.
func TestLanguagesAreComposed(t *testing.T) {
	ts, err := Open(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	sentence := regexp.MustCompile(`[^.;?!。]+[.;?!。]`)
	for _, lang := range Languages {
		if _, ok := languageInputs[lang.Key]; !ok {
			continue
		}
		worst, total, pairs := 0.0, 0.0, 0
		for _, kind := range Kinds {
			for _, tone := range ts.Tones(lang.Dir, kind.Key) {
				tmpl, _ := ts.Lookup(lang.Dir, kind.Key, tone.Key)
				var letters [][]string
				for _, reason := range Keys(kind.Reasons) {
					d, err := tmpl.Render(Fields{Company: "Acme GmbH", Role: "Data Engineer", Name: "Alex Rivera", Lang: lang.Key, Kind: kind.Key, Tone: tone.Key, Reason: reason, KeepInTouch: true})
					if err != nil {
						t.Fatal(err)
					}
					var ss []string
					for _, s := range sentence.FindAllString(strings.Join(strings.Split(d.Body, "\n")[1:], " "), -1) {
						ss = append(ss, strings.TrimSpace(s))
					}
					letters = append(letters, ss)
				}
				for i := range letters {
					for j := range i {
						shared, share := sharing(letters[i], letters[j])
						worst, total, pairs = max(worst, share), total+share, pairs+1
						if share > 0.5 {
							t.Errorf("%s %s %s: two reasons share %d of their sentences", lang.Key, kind.Key, tone.Key, shared)
						}
					}
				}
			}
		}
		t.Logf("%s: sentences shared between letters for different reasons: %.0f%% on average, %.0f%% at most", lang.Key, 100*total/float64(pairs), 100*worst)
	}
}

package check

import (
	"strings"
	"testing"

	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
)

// clean is a letter that breaks no rule; each case below changes it to
// break one, or to keep it while saying the same thing another way.
const clean = `Dear Ms. Rivera,

Thank you for inviting me to interview for the analyst role, and for the time you have given to my application. After careful thought, I have decided to withdraw from the process.

I have accepted another position. I wanted to let you know promptly, so that you can move forward with other candidates.

I would welcome the chance to stay in touch about future opportunities, and I wish you every success in your search.

Kind regards,
Sam Lee
`

func rules(text string) map[string]Finding {
	found := make(map[string]Finding)
	for _, f := range Letter(Parse([]byte(text))) {
		if _, ok := found[f.Rule]; !ok {
			found[f.Rule] = f
		}
	}
	return found
}

func TestCleanLetterPasses(t *testing.T) {
	if found := rules(clean); len(found) > 0 {
		t.Errorf("got findings %v for a clean letter", found)
	}
}

// Every rule, with a letter that breaks it (hit) and one that looks close
// but does not (miss).
func TestRules(t *testing.T) {
	for _, tc := range []struct {
		rule      string
		hit, miss func(string) string
		line      int // of the hit
	}{{
		rule: "gratitude",
		hit:  replace("Thank you for inviting me to interview", "You invited me to interview", "and for the time you have given to my application", "and I have considered it"),
		miss: replace("Thank you for inviting me", "I am grateful you invited me"),
		line: 3,
	}, {
		rule: "decision",
		hit:  replace("After careful thought, I have decided to withdraw from the process.", "I have thought about it carefully."),
		miss: replace("I have decided to withdraw from the process", "I must respectfully decline the interview"),
		line: 3,
	}, {
		rule: "hedged",
		hit:  replace("I have decided to withdraw from the process", "I might not be able to continue in the process"),
		miss: replace("I have decided to withdraw from the process", "I have decided to withdraw, as the commute would probably be too long"),
		line: 3,
	}, {
		rule: "hedged",
		hit:  replace("After careful thought, I have decided to withdraw from the process.", "", "I have accepted another position.", "I have accepted another position, so I might not attend."),
		miss: replace("I have accepted another position.", "I have accepted another position and will not be attending."),
		line: 5,
	}, {
		rule: "hedged",
		hit:  replace("I have accepted another position.", "Unless you can match the other offer, I will not be joining."),
		miss: replace("I have accepted another position.", "The package does not meet my needs, so I will not be joining."),
		line: 5,
	}, {
		rule: "hedged",
		hit:  replace("I have accepted another position.", "For now I have to pass. If the role becomes remote, let me know."),
		miss: replace("I have accepted another position.", "For now I am staying where I am. If my plans change, I will be in touch."),
		line: 5,
	}, {
		rule: "holding",
		hit:  replace("I have accepted another position.", "Could you hold my Thursday slot for a week, just in case?"),
		miss: replace("I have accepted another position.", "There is no need to hold my Thursday slot."),
		line: 5,
	}, {
		rule: "holding",
		hit:  replace("I have accepted another position.", "Please don't cancel the interview until I confirm."),
		miss: replace("I have accepted another position.", "Please keep me in mind for future roles."),
		line: 5,
	}, {
		rule: "buried-decision",
		hit: replace("After careful thought, I have decided to withdraw from the process.\n\nI have accepted another position. I wanted",
			"\n\nI have accepted another position.\n\nAfter careful thought, I have decided to withdraw from the process. I wanted"),
		miss: replace("", ""),
		line: 7,
	}, {
		rule: "buried-decision",
		hit:  replace("After careful thought, I have decided to withdraw from the process.", "My manager offered me a new project. It starts in March. It suits my plans. So I have decided to withdraw from the process."),
		miss: replace("After careful thought, I have decided to withdraw from the process.", "I have decided to withdraw from the process. My manager offered me a new project. It starts in March. It suits my plans."),
		line: 3,
	}, {
		rule: "sarcasm",
		hit:  replace("I have accepted another position.", "I am grateful you found a moment for my application in the end."),
		miss: replace("I have accepted another position.", "I am grateful for the time you gave my application."),
		line: 5,
	}, {
		rule: "sarcasm",
		hit:  replace("I have accepted another position.", "After six rounds of interviews, I'm sure a seventh would have finally told you everything."),
		miss: replace("I have accepted another position.", "After six rounds of interviews, I'm sure you will find the right person."),
		line: 5,
	}, {
		rule: "oversharing",
		hit:  replace("I have accepted another position.", "I was diagnosed with an illness in May and the new medication leaves me tired."),
		miss: replace("I have accepted another position.", "For personal reasons, I am not able to take on a new role this year."),
		line: 5,
	}, {
		rule: "oversharing",
		hit:  replace("I have accepted another position.", "My son's illness means I am needed at home."),
		miss: replace("I have accepted another position.", "A family matter means I am needed at home."),
		line: 5,
	}, {
		rule: "prompt",
		hit:  replace(" I wanted to let you know promptly, so that you can move forward with other candidates.", ""),
		miss: replace("I wanted to let you know promptly, so that you can move forward with other candidates.", "I am telling you now so that you can offer the slot to another candidate."),
		line: 3,
	}, {
		rule: "prompt",
		hit:  replace("I have accepted another position.", "Sorry for the delay in my reply. I have accepted another position, and apologies again for the slow response."),
		miss: replace("I have accepted another position.", "Sorry for the slow reply. I have accepted another position."),
		line: 5,
	}, {
		rule: "tact",
		hit:  replace("I have accepted another position.", "Your offer was a lowball."),
		miss: replace("I have accepted another position.", "The package does not meet my current needs."),
		line: 5,
	}, {
		rule: "tact",
		hit:  replace("I have accepted another position.", "I have accepted a better offer at $150,000."),
		miss: replace("I have accepted another position.", "I have accepted an offer that better fits my plans."),
		line: 5,
	}, {
		rule: "tact",
		hit:  replace("I have accepted another position.", "Dr. Patel checked her phone through my presentation and cut me off twice."),
		miss: replace("I have accepted another position.", "Dr. Patel's questions about my presentation were thoughtful."),
		line: 5,
	}, {
		rule: "tact",
		hit:  replace("I have accepted another position.", "I don't think it is the kind of environment where I could do my best work."),
		miss: replace("I have accepted another position.", "I don't think the role is the right fit for me at this stage."),
		line: 5,
	}, {
		rule: "tact",
		hit:  replace("I have accepted another position.", "Former employees told me about the long hours."),
		miss: replace("I have accepted another position.", "I have heard great things about the team from former colleagues."),
		line: 5,
	}, {
		rule: "tact",
		hit:  replace("I have accepted another position.", "The interviews were disorganised and a waste of time."),
		miss: replace("I have accepted another position.", "The interviews were well organised, and I appreciated them."),
		line: 5,
	}, {
		rule: "brief-reason",
		hit: replace("I have accepted another position.", "I have accepted another position. It is closer to home. It pays more. "+
			"My partner works nearby. The team uses the tools I know."),
		miss: replace("I have accepted another position.", "I have accepted another position. It is closer to home."),
		line: 5,
	}, {
		rule: "door-open",
		hit:  replace("I would welcome the chance to stay in touch about future opportunities, and I wish", "I wish"),
		miss: replace("stay in touch about future opportunities", "keep in touch should another role come up in the future"),
		line: 3,
	}, {
		rule: "professional",
		hit:  replace("Dear Ms. Rivera,\n\n", ""),
		miss: replace("Dear Ms. Rivera,", "Hello Ms. Rivera,"),
		line: 1,
	}, {
		rule: "professional",
		hit:  replace("Kind regards,\nSam Lee\n", ""),
		miss: replace("Kind regards,", "Warm wishes,"),
		line: 7,
	}, {
		// A line of thanks ending in a comma above the name signs off too.
		rule: "professional",
		hit:  replace("Kind regards,\nSam Lee\n", "Thanks again for your time.\n"),
		miss: replace("Kind regards,", "Thanks again for your time,"),
		line: 9,
	}, {
		rule: "professional",
		hit:  replace("I have accepted another position.", "I'm gonna take another job tbh."),
		miss: replace("I have accepted another position.", "I am going to take another job."),
		line: 5,
	}, {
		rule: "professional",
		hit:  replace("I have accepted another position.", "I have ACCEPTED ANOTHER POSITION!!"),
		miss: replace("I have accepted another position.", "I have accepted another position at NASA."),
		line: 5,
	}, {
		rule: "professional",
		hit:  replace("in your search.", "in your search 🙂"),
		miss: replace("in your search.", "in your search: Zoë and Łukasz were kind."),
		line: 7,
	}, {
		rule: "placeholder",
		hit:  replace("the analyst role", "the [Job Title] role"),
		miss: replace("the analyst role", "the analyst role [remote]"),
		line: 3,
	}, {
		rule: "placeholder",
		hit:  replace("Sam Lee", "{{.Name}}"),
		miss: replace("Sam Lee", "Sam Lee <sam@example.org>"),
		line: 10,
	}, {
		rule: "placeholder",
		hit:  replace("I have accepted another position.", "TODO: say why."),
		miss: replace("I have accepted another position.", "I have to do so today."),
		line: 5,
	}, {
		// A short note is judged by what it holds: thanks, the decision,
		// a kind word to close.
		rule: "length",
		hit: func(string) string {
			return "Dear Ms. Rivera,\n\nI am withdrawing from the process, as I have accepted another position.\n\nKind regards,\nSam\n"
		},
		miss: func(string) string {
			return "Dear Ms. Rivera,\n\nThank you, but I am withdrawing, so you can move forward with other candidates.\n\nKind regards,\nSam\n"
		},
		line: 3,
	}, {
		rule: "length",
		hit:  replace("I have accepted another position.", "I have accepted another position."+strings.Repeat(" Kind words.", 100)),
		miss: replace("I have accepted another position.", "I have accepted another position."+strings.Repeat(" Kind words.", 50)),
		line: 3,
	}} {
		hit := rules(tc.hit(clean))
		if f, ok := hit[tc.rule]; !ok {
			t.Errorf("%s: no finding for\n%s", tc.rule, tc.hit(clean))
		} else if f.Line != tc.line || f.Message == "" || f.Suggestion == "" {
			t.Errorf("%s: got %+v, want a message and a suggestion at line %d", tc.rule, f, tc.line)
		}
		if f, ok := rules(tc.miss(clean))[tc.rule]; ok {
			t.Errorf("%s: got %+v for\n%s", tc.rule, f, tc.miss(clean))
		}
	}
}

// replace returns an edit of a letter: pairs of old and new text.
func replace(pairs ...string) func(string) string {
	return func(s string) string {
		return strings.NewReplacer(pairs...).Replace(s)
	}
}

func TestParseFormats(t *testing.T) {
	eml := "Date: Fri, 27 Nov 2026 09:30:00 +0000\nFrom: <sam@example.org>\nSubject: =?utf-8?q?Caf=C3=A9?=\nContent-Type: text/plain; charset=utf-8\n" +
		"Content-Transfer-Encoding: quoted-printable\n\n" + strings.ReplaceAll(clean, "Thank you", "Th=\nank you")
	for name, tc := range map[string]struct {
		text        string
		subject     string
		subjectLine int
		firstLine   int
	}{
		"text format": {"Subject: Declining\n\n" + clean, "Declining", 1, 2},
		"bare body":   {clean, "", 0, 1},
		"eml":         {eml, "Café", 3, 7},
	} {
		d := Parse([]byte(tc.text))
		if d.Subject != tc.subject || d.SubjectLine != tc.subjectLine || len(d.Lines) == 0 || d.Lines[0].N != tc.firstLine {
			t.Errorf("%s: got subject %q at %d, body from line %d", name, d.Subject, d.SubjectLine, d.Lines[0].N)
		}
		if found := rules(tc.text); len(found) > 0 {
			t.Errorf("%s: got findings %v", name, found)
		}
	}
}

func TestCheckText(t *testing.T) {
	if got := Text("The offer was a lowball, lol", 1); len(got) != 2 || got[0].Rule != "tact" || got[1].Rule != "professional" || got[0].Severity != Warning {
		t.Errorf("got %+v, want tact and professional warnings", got)
	}
	if got := Text("I have accepted another position.", 1); len(got) != 0 {
		t.Errorf("got %+v for a tactful reason", got)
	}
}

func TestEveryRuleHasARationale(t *testing.T) {
	for _, r := range Rules {
		if r.Rationale == "" || r.ID == "" || (r.Severity != Error && r.Severity != Warning) {
			t.Errorf("rule %+v", r)
		}
	}
}

// Each kind of letter has its own duty.
func TestKindRules(t *testing.T) {
	const rescindNoApology = "Dear Ms. Rivera,\n\nThank you for the offer for the SRE role. I have decided not to join after all, as I am staying with my current employer. I hope we stay in touch, and I am happy to help with the paperwork.\n\nKind regards,\nSam\n"
	const outreachCandidates = "Hi Jo,\n\nThank you for thinking of me for the SRE role. I am not looking to move at the moment, so you can move forward with other candidates. I would be glad to stay in touch about future roles.\n\nBest,\nSam\n"
	for _, tc := range []struct {
		kind, letter string
		want         bool
	}{
		{"rescind", rescindNoApology, true},
		{"rescind", strings.Replace(rescindNoApology, "I have decided", "I am sorry to say I have decided", 1), false},
		{"outreach", outreachCandidates, true},
		{"outreach", strings.Replace(outreachCandidates, ", so you can move forward with other candidates", "", 1), false},
	} {
		got := false
		for _, f := range LetterOf(Parse([]byte(tc.letter)), tc.kind) {
			got = got || f.Rule == "kind"
		}
		if got != tc.want {
			t.Errorf("%s letter %.40q: got a kind finding %v, want %v", tc.kind, tc.letter, got, tc.want)
		}
	}
}

// Only the writer's own words are checked: a quoted message below the
// letter, Outlook's quoted header block, or a signature are not.
func TestQuotedRepliesAndSignaturesAreNotChecked(t *testing.T) {
	letter := "Dear Ms. Rivera,\n\nThank you for inviting me to interview for the analyst role, and for your time. I have decided to withdraw from the process, as I have accepted another position. I wanted to let you know promptly, so that you can move forward with other candidates. I would welcome staying in touch about future roles.\n\nKind regards,\nSam\n"
	for name, tail := range map[string]string{
		"quoted":    "\nOn Mon, 30 Nov 2026 at 10:00, Ana Rivera <ana@acme.example> wrote:\n> The salary is $140k, and the team is toxic to be honest.\n> Let us know!!!\n",
		"outlook":   "\nFrom: Ana Rivera <ana@acme.example>\nSent: Monday, November 30, 2026 10:00 AM\nTo: Sam\nSubject: Interview\n\nThe salary is $140k. Let us know!!!\n",
		"original":  "\n-----Original Message-----\nThe salary is $140k. LET US KNOW!!!\n",
		"signature": "-- \nSam Lee | $140k club | toxic-free since 2020\n",
	} {
		findings := Letter(Parse([]byte(letter + tail)))
		if len(findings) != 0 {
			t.Errorf("%s: got %v, want none: the quoted text is not the writer's", name, findings)
		}
	}
	// The same words in the writer's own text are found.
	if findings := Letter(Parse([]byte(strings.Replace(letter, "I would welcome", "The salary of $140k was low. I would welcome", 1)))); len(findings) == 0 {
		t.Error("got no finding for the writer's own salary figure")
	}
}

// A letter that never says it is telling them promptly gets a warning,
// not an error: the tip is to send soon, which a draft cannot show.
func TestMissingPromptnessIsAWarning(t *testing.T) {
	letter := "Dear Ms. Rivera,\n\nThank you for inviting me to interview for the analyst role. I have decided to withdraw from the process, as I have accepted another position. I would welcome staying in touch about future roles, and I wish the team well.\n\nKind regards,\nSam\n"
	found := false
	for _, f := range Letter(Parse([]byte(letter))) {
		if f.Rule == "prompt" {
			found = true
			if f.Severity != Warning {
				t.Errorf("got %s %s, want a warning", f.Rule, f.Severity)
			}
		}
	}
	if !found {
		t.Error("got no prompt finding for a letter without a word of promptness")
	}
}

// Asking them never to get in touch is a door closed, even in a sentence
// that names future vacancies.
func TestAskingNotToBeContactedClosesTheDoor(t *testing.T) {
	letter := "Dear Ms. Rivera,\n\nThank you for inviting me to interview for the analyst role, and for your time. I have decided to withdraw from the process, so you can move forward with other candidates. Please do not contact me about future vacancies.\n\nKind regards,\nSam\n"
	if !hasFinding(letter, "door-open", "not to contact you") {
		t.Error("got no door-open finding for a request not to be contacted")
	}
}

// Bargaining inside a decline is the hedged rule's, whatever the kind
// of letter, and only its: the figure is not also a tact finding.
func TestBargainingIsFound(t *testing.T) {
	letter := "Dear Ms. Rivera,\n\nThank you for the offer and for your time. I have decided to decline it, so you can move forward with other candidates. If there is room to go to 95,000, I would be happy to reconsider. I hope we stay in touch.\n\nKind regards,\nSam\n"
	for _, kind := range []string{"", "offer", "interview"} {
		var got []string
		for _, f := range LetterOf(Parse([]byte(letter)), kind) {
			got = append(got, f.Rule)
		}
		if strings.Join(got, " ") != "hedged" {
			t.Errorf("kind %q: got findings %v, want one of hedged", kind, got)
		}
	}
}

// hasFinding reports whether a rule finds in letter a problem whose
// message holds words.
func hasFinding(letter, rule, words string) bool {
	for _, f := range Letter(Parse([]byte(letter))) {
		if f.Rule == rule && strings.Contains(f.Message, words) {
			return true
		}
	}
	return false
}

// The letters of issue #16, nobody on the team's, each handled as the
// issue asks: good ones get no error, flawed ones the rule they break.
func TestIssueExamples(t *testing.T) {
	letter := func(body string) string {
		return "Dear Ms. Rivera,\n\n" + body + "\n\nKind regards,\nSam Lee\n"
	}
	const opening = "Thank you for inviting me to interview for the analyst role, and for your time. I have decided to withdraw from the process, so that you can move forward with other candidates."
	const closing = "I hope our paths cross again."
	for _, tc := range []struct {
		name, text string
		rule       string // "" for a good letter: no finding at all
		severity   string
	}{{
		name: "33-word note",
		text: "Hi Dana,\n\nThanks for the invite! I've just signed with another team, so I'll bow out of Thursday's interview. Please hand my slot to someone else. Hope we cross paths again.\n\nBest,\nSam\n",
	}, {
		name: "British, someone else can have the slot",
		text: letter("Thank you very much for inviting me to interview for the Planning Officer post. I have decided to withdraw my application, as I have accepted a post closer to home. I am letting you know now so that someone else can have Thursday's slot. " + closing),
	}, {
		name: "German",
		text: "Sehr geehrte Frau Müller,\n\nvielen Dank für die Einladung zum Vorstellungsgespräch für die Stelle als Softwareentwicklerin und für Ihre Zeit. Nach reiflicher Überlegung habe ich mich entschieden, meine Bewerbung zurückzuziehen, da ich ein anderes Angebot angenommen habe. Ich sage Ihnen das jetzt, damit Sie mit anderen Kandidaten weitermachen können. Ich würde mich freuen, in Kontakt zu bleiben.\n\nMit freundlichen Grüßen\nSam Lee\n",
	}, {
		name: "Japanese",
		text: "田中様\n\nこの度は面接の機会をいただき、誠にありがとうございます。慎重に検討した結果、他社からの内定を受諾したため、今回は選考を辞退させていただきたく存じます。早めにお知らせし、他の候補者の方との選考を進めていただければ幸いです。今後ともどうぞよろしくお願いいたします。\n\n敬具\nサム・リー\n",
	}, {
		name: "passive aggression", rule: "sarcasm", severity: Error,
		text: letter(opening + " I know these things take time, and I am grateful you found a moment for my application in the end. " + closing),
	}, {
		name: "bridge-burner after hearsay", rule: "tact", severity: Error,
		text: letter(opening + " Having spoken to several former staff, I don't think it is the kind of environment where I could do my best work. " + closing),
	}, {
		name: "diagnosis and medication", rule: "oversharing", severity: Error,
		text: letter(opening + " I was recently diagnosed with an anxiety disorder, and my medication is still being adjusted. " + closing),
	}, {
		name: "negotiating", rule: "hedged", severity: Error,
		text: letter(opening + " If there is room to go to 95,000, I would be happy to reconsider. " + closing),
	}, {
		name: "decision in the third of four paragraphs", rule: "buried-decision", severity: Error,
		text: letter("Thank you for inviting me to interview for the analyst role, and for the time you and the team gave me.\n\nSince we spoke, my manager has offered me the lead on a new project, which starts in March and fits the direction I want to take.\n\nWith that in mind, I have decided to withdraw from the process, so that you can move forward with other candidates.\n\n" + closing),
	}, {
		name: "holding the slot just in case", rule: "holding", severity: Error,
		text: letter(opening + " Could you keep my Thursday slot open just in case my plans change? " + closing),
	}, {
		name: "sarcasm", rule: "sarcasm", severity: Error,
		text: letter(opening + " After six rounds of interviews, I'm sure a seventh would have finally told you everything. " + closing),
	}, {
		name: "a named interviewer's behaviour", rule: "tact", severity: Error,
		text: letter(opening + " Mr. Grant spent most of my interview checking his phone and interrupted me whenever I spoke. " + closing),
	}, {
		name: "do not contact me", rule: "door-open", severity: Warning,
		text: letter(opening + " Please do not contact me about future vacancies."),
	}} {
		findings := Letter(Parse([]byte(tc.text)))
		if tc.rule == "" {
			if len(findings) > 0 {
				t.Errorf("%s: got %v, want no findings", tc.name, findings)
			}
			continue
		}
		var got []string
		found := false
		for _, f := range findings {
			got = append(got, f.Rule+" "+f.Severity)
			if f.Rule == tc.rule && f.Severity == tc.severity && f.Message != "" && f.Suggestion != "" && f.Line > 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: got %v, want a %s %s with a message, a suggestion and a line", tc.name, got, tc.rule, tc.severity)
		}
	}
}

// A message is read by its text/plain part, else its HTML as text; a body
// that does not decode is an error, never half a letter.
func TestReadMessages(t *testing.T) {
	const header = "From: Sam <sam@example.org>\nTo: rivera@acme.example\nSubject: Withdrawing\nMIME-Version: 1.0\n"
	alternative := header + "Content-Type: multipart/alternative; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n\n" + clean +
		"\n--b1\nContent-Type: text/html; charset=utf-8\n\n<p>Dear Ms. Rivera,</p><p>Thank you.</p>\n--b1--\n"
	htmlOnly := header + "Content-Type: text/html; charset=utf-8\n\n<html><head><style>p{}</style></head><body>" +
		strings.ReplaceAll(strings.ReplaceAll(clean, "\n\n", "</p><p>"), "\n", "<br>") + "</body></html>\n"
	for name, text := range map[string]string{"multipart/alternative": alternative, "text/html": htmlOnly} {
		d, err := Read([]byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if findings := Letter(d); len(findings) > 0 {
			t.Errorf("%s: got %v, want none", name, findings)
		}
	}
	corrupt := header + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nRGVhciBNcy4gUml2ZXJh!!!!not base64 at all####\n"
	if _, err := Read([]byte(corrupt)); err == nil || !strings.Contains(err.Error(), "does not decode") {
		t.Errorf("got error %v for a body that does not decode, want one saying so", err)
	}
}

// Detect tells the language of a draft by its script and its commonest
// words: an English letter to a Japanese company is English; a letter in
// a language decline does not know is none of them.
func TestDetect(t *testing.T) {
	for text, want := range map[string]string{
		"Dear Ms. Tanaka,\n\nThank you for inviting me to interview for the SRE role at 株式会社テスト. I have decided to withdraw my application.\n\nBest regards,\nSam\n":                 "en",
		"田中様\n\nこの度は面接の機会をいただき、誠にありがとうございます。選考を辞退させていただきたく存じます。\n\nサム・リー\n":                                                                                                          "ja",
		"Sehr geehrte Frau Müller,\n\nvielen Dank für die Einladung. Ich ziehe meine Bewerbung zurück, da ich eine andere Stelle angenommen habe.\n\nMit freundlichen Grüßen\nSam\n": "de",
		"Madame,\n\nJe vous remercie de votre invitation. J'ai décidé de retirer ma candidature et je vous souhaite une bonne continuation.\n\nCordialement,\nSam\n":                 "fr",
		"Estimada Sra. García:\n\nLe agradezco la invitación a la entrevista. He decidido retirar mi candidatura porque he aceptado otra oferta.\n\nAtentamente,\nSam\n":             "es",
		"Hej Anna,\n\nTack för inbjudan till intervjun. Jag har tyvärr accepterat ett annat erbjudande och drar därför tillbaka min ansökan.\n\nMed vänliga hälsningar\nSam\n":       "",
	} {
		if got := Detect(Parse([]byte(text))); got != want {
			t.Errorf("got %q, want %q for:\n%s", got, want, text)
		}
	}
}

// The subtle flaws are read from what a sentence does, not from one
// phrasing: each rule finds wordings it was not written from, and stays
// quiet on a good letter's sentences that share their words.
func TestSubtleFlawsAreReadBySentence(t *testing.T) {
	for _, tc := range []struct {
		rule string
		hits []string
		good []string
	}{{
		rule: "sarcasm",
		hits: []string{
			"I'm sure the two-month wait was worth it for you.",
			"Thank you for finally getting back to me after six weeks.",
			"It was good of you to reply at last.",
			"Thanks, I suppose, for the interview.",
			"I really appreciated the \"quick chat\" that lasted three hours.",
			"As I mentioned twice already, I have accepted another role.",
		},
		good: []string{
			"After four rounds of interviews, I'm sure you will find the right person.",
			"Of course, I understand the process takes several weeks.",
			"I'm sure the wait for my answer has been frustrating, and I apologise.",
			"Thank you for fitting me in at such short notice.",
			"Thank you for the \"Meet the Team\" afternoon.",
			"As I mentioned on the phone, I have accepted another role.",
		},
	}, {
		rule: "hedged",
		hits: []string{
			"For now, I have decided to decline the offer.",
			"My inclination at this point is to say no.",
			"Should the base move to 85k, I would gladly accept.",
			"Were the role fully remote, I would sign tomorrow.",
			"I have decided to decline, at least for now.",
		},
		good: []string{
			"I was inclined to accept at first, but I have decided to decline.",
			"Should a remote role come up in future, I'd be very interested.",
			"I am not looking to move for now, so I will pass on this one.",
			"I fear I must decline your kind offer.",
		},
	}, {
		rule: "holding",
		hits: []string{
			"I'd be grateful if the position could remain available until I have signed elsewhere.",
			"Please leave me on Monday's schedule until I've sent you a final confirmation.",
			"I'd appreciate it if you didn't fill the role until the end of the month.",
		},
		good: []string{
			"Please keep my CV on file in case things change in future.",
			"I'd be grateful if you could leave the interview slot for another candidate.",
			"Could you let me know if you would like me to keep the laptop until Friday?",
		},
	}, {
		rule: "tact",
		hits: []string{
			"The hiring manager spent most of the interview looking out of the window.",
			"Mr. Holt kept answering calls while I was presenting.",
			"Morale on the team seemed very low when I visited.",
			"Reviews I read online describe long hours and high turnover.",
			"The salary is well below the market rate for this role.",
			"Another firm has offered me a far more modern set-up than yours.",
		},
		good: []string{
			"I spent most of the interview looking at my notes, which I regret.",
			"I loved the culture of low ego and high trust.",
			"I understood from our call that the role is mostly on site, which does not suit me.",
			"My colleagues said they would miss me, so I have chosen to stay.",
			"The salary is below what I currently earn, so I cannot make the move.",
		},
	}} {
		for _, s := range tc.hits {
			if _, ok := rules(replace("I have accepted another position.", s)(clean))[tc.rule]; !ok {
				t.Errorf("%s: no finding for %q", tc.rule, s)
			}
		}
		for _, s := range tc.good {
			for rule, f := range rules(replace("I have accepted another position.", s)(clean)) {
				if f.Severity == Error {
					t.Errorf("%q, a good sentence, got %s: %s", s, rule, f.Message)
				}
			}
		}
	}
	// A decision drawn from reasons set out before it is buried, even
	// in the first paragraph.
	buried := replace("After careful thought, I have decided to withdraw from the process.",
		"My partner has been offered a job in Glasgow. We will be moving there in the spring. That means I will be too far away, so I have decided to withdraw from the process.")
	if _, ok := rules(buried(clean))["buried-decision"]; !ok {
		t.Errorf("buried-decision: no finding for\n%s", buried(clean))
	}
}

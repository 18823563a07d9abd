package check

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// langFiles hold, a file a language, the phrases decline check reads
// letters in languages other than English by: lang/de.txt for German.
// They were written by people who write the language well, from its
// country's guides, as the letters were.
//
//go:embed lang/*.txt
var langFiles embed.FS

// A language is what check knows of letters in a language other than
// English: the phrases, in lower case, of each part of a letter the guide
// asks for ([greeting], [signoff], [thanks], [decision], [door]), of what
// it warns against ([apology], [criticism], [hedge]), the commonest words
// to recognise the language by, and the length of a good letter, in words
// or, for a language written without spaces, in characters.
type language struct {
	tag      string
	phrases  map[string][]string
	min, max int
	chars    bool // the language is written without spaces between words
}

// languages reads the language files once, when a letter first needs
// them: a run of decline checks one letter, in one language.
var languages = sync.OnceValue(func() map[string]*language {
	langs := make(map[string]*language)
	paths, _ := fs.Glob(langFiles, "lang/*.txt")
	for _, p := range paths {
		l, err := readLanguage(p)
		if err != nil {
			panic(err) // the files are built in: a test reads every one
		}
		langs[l.tag] = l
	}
	return langs
})

// Languages returns the tags of the languages decline check knows, English
// first.
func Languages() []string {
	tags := []string{"en"}
	for tag := range languages() {
		tags = append(tags, tag)
	}
	slices.Sort(tags[1:])
	return tags
}

// Knows reports whether decline check holds letters in the language of
// tag (en-GB is en) to its rules.
func Knows(tag string) bool { return slices.Contains(Languages(), base(tag)) }

// base returns the language of a tag without its region: en of en-GB.
func base(tag string) string {
	b, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(tag, "_", "-")), "-")
	return b
}

func readLanguage(name string) (*language, error) {
	f, err := langFiles.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l := &language{tag: strings.TrimSuffix(path.Base(name), ".txt"), phrases: make(map[string][]string)}
	section := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
		case section == "length":
			fields := strings.Fields(line)
			if len(fields) != 2 {
				return nil, fmt.Errorf("%s:%d: [length] takes the fewest and the most", name, n)
			}
			l.min, _ = strconv.Atoi(fields[0])
			l.max, _ = strconv.Atoi(fields[1])
		case section == "stopwords" && line == "script":
			l.chars = true
		default:
			l.phrases[section] = append(l.phrases[section], strings.ToLower(line))
		}
	}
	if l.max == 0 {
		return nil, fmt.Errorf("%s: no [length]", name)
	}
	return l, sc.Err()
}

// Detect returns the language a draft is written in, as a tag decline
// check knows ("en", "de", "fr", "es", "ja"), or "" when it cannot tell:
// a text mostly in Japanese script, with kana, is Japanese; otherwise the
// language whose commonest words the text holds the most of, if they are
// common enough to be sure.
func Detect(d *Draft) string {
	text := d.ownText()
	// Japanese: kana, and most of the letters Japanese script (an English
	// letter to 株式会社テスト holds a few).
	letters, kana, japanese := 0, 0, 0
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
			japanese++
		case unicode.Is(unicode.Han, r):
			japanese++
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if kana > 0 && 2*japanese > letters {
		return "ja"
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if len(words) == 0 {
		return "en" // nothing to tell by: the rules say what is missing
	}
	best, bestCount := "", 0
	count := func(tag string, common func(string) bool) {
		n := 0
		for _, w := range words {
			if common(w) {
				n++
			}
		}
		if n > bestCount {
			best, bestCount = tag, n
		}
	}
	count("en", func(w string) bool { return english[w] })
	for _, tag := range Languages()[1:] {
		stop := languages()[tag].phrases["stopwords"]
		count(tag, func(w string) bool { return slices.Contains(stop, w) })
	}
	// A short note may hold few common words: it is taken to be in
	// English unless another language shows twice. A long text in a
	// language decline does not know holds a few by chance.
	switch {
	case len(words) >= 12 && 10*bestCount < len(words):
		return ""
	case bestCount < 2:
		return "en"
	}
	return best
}

// ownText is the draft's own lines, the ones its rules read, as one text.
func (d *Draft) ownText() string {
	var b strings.Builder
	for _, l := range d.Lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// foreign holds a letter in a language other than English to the guide,
// with that language's phrases: what every letter says (thanks, a
// decision, a greeting and a sign-off, the door kept open), what none
// says (criticism, a hedged decision, apology upon apology), and its
// length.
func foreign(d *Draft, l *language) []Finding {
	var lines []Line
	for _, line := range d.Lines {
		if strings.TrimSpace(line.Text) != "" {
			// French drafts write the apostrophe either way: j’ai, j'ai.
			text := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(line.Text)), "’", "'")
			lines = append(lines, Line{N: line.N, Text: text})
		}
	}
	if len(lines) == 0 {
		return []Finding{{Rule: "length", Line: 1, Message: "the letter is empty"}}
	}
	first := func(section string, in []Line) (Line, string, bool) {
		for _, line := range in {
			for _, p := range l.phrases[section] {
				if strings.Contains(line.Text, p) {
					return line, p, true
				}
			}
		}
		return Line{}, "", false
	}
	var findings []Finding
	missing := func(rule, section, message string) {
		if _, _, ok := first(section, lines); !ok {
			findings = append(findings, Finding{Rule: rule, Line: lines[0].N, Message: message})
		}
	}
	missing("gratitude", "thanks", "the letter thanks them for nothing")
	missing("decision", "decision", "the letter does not say plainly that you decline")
	// The greeting opens the letter, after the address block where the
	// language writes one (Japanese: the company, then the contact).
	if _, _, ok := first("greeting", lines[:min(3, len(lines))]); !ok {
		findings = append(findings, Finding{Rule: "professional", Line: lines[0].N, Message: "the letter has no greeting"})
	}
	// The sign-off is a line or two above the name, or above the lines a
	// signature adds under it.
	if _, _, ok := first("signoff", lines[max(0, len(lines)-6):]); !ok || len(lines) < 3 {
		findings = append(findings, Finding{Rule: "professional", Line: lines[len(lines)-1].N, Message: "the letter has no sign-off with your name"})
	}
	if _, _, ok := first("door", lines); !ok {
		findings = append(findings, Finding{Rule: "door-open", Severity: Warning, Line: lines[len(lines)-1].N, Message: "nothing keeps the door open for another role"})
	}
	if line, p, ok := first("criticism", lines); ok {
		findings = append(findings, Finding{Rule: "tact", Line: line.N, Message: fmt.Sprintf("%q criticises them", p), Suggestion: "give the reason without judging the employer, the pay or the people"})
	}
	if line, p, ok := first("hedge", lines); ok {
		findings = append(findings, Finding{Rule: "hedged", Line: line.N, Message: fmt.Sprintf("%q makes the decision conditional or bargains", p), Suggestion: "decline plainly"})
	}
	// Apologies: Japanese custom apologises for declining and for writing
	// by email; more than that, in any language, is too much.
	apologies, most := 0, 2
	if l.chars {
		most = 3
	}
	for _, line := range lines {
		for _, p := range l.phrases["apology"] {
			apologies += strings.Count(line.Text, p)
		}
	}
	if apologies > most {
		findings = append(findings, Finding{Rule: "prompt", Line: lines[0].N, Message: fmt.Sprintf("the letter apologises %d times", apologies), Suggestion: "one apology is enough: a decline is news, not a fault"})
	}
	// Length, between the greeting and the name.
	n := 0
	for _, line := range lines[1 : len(lines)-1] {
		if l.chars {
			n += utf8.RuneCountInString(strings.Join(strings.Fields(line.Text), ""))
		} else {
			n += len(strings.Fields(line.Text))
		}
	}
	unit := "words"
	if l.chars {
		unit = "characters"
	}
	if n < l.min || n > l.max {
		findings = append(findings, Finding{Rule: "length", Line: lines[0].N, Message: fmt.Sprintf("the letter has %d %s; a good one has %d to %d", n, unit, l.min, l.max)})
	}
	return findings
}

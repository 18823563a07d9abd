package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The cues of a sentence that the rules of tone read beside its words:
// its clauses, the counts and durations it names, the words it puts in
// quotation marks, and the people it names. Each is found from the
// sentence's text when a rule asks, as a letter has few sentences.

// parts returns the words of each clause of s: the parts between
// commas, semicolons, colons, dashes and brackets. A tone is read in the
// clause that carries it: "after six rounds, I'm sure you will find the
// right person" wishes them well; "I'm sure the sixth round was worth it"
// does not.
func (s *sentence) parts() [][]string {
	if s.clauses == nil {
		s.clauses = clauses(s.text)
	}
	return s.clauses
}

// clauses returns the words of each clause of text.
func clauses(text string) [][]string {
	var out [][]string
	start := 0
	cut := func(end int) {
		if toks := tokens(text[start:end]); len(toks) > 0 {
			out = append(out, toks)
		}
	}
	for i, r := range text {
		switch {
		case strings.ContainsRune(",;:()[]–—", r):
		case r == '-' && (i == 0 || text[i-1] == ' ') && (i+1 == len(text) || text[i+1] == ' '):
		default:
			continue
		}
		cut(i)
		start = i + utf8.RuneLen(r)
	}
	cut(len(text))
	return out
}

// all reports whether toks have a match of every one of ps.
func all(toks []string, ps ...*phrases) bool {
	for _, p := range ps {
		if _, _, ok := p.find(toks); !ok {
			return false
		}
	}
	return true
}

// numberWords are counts written out.
var numberWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true,
	"ten": true, "eleven": true, "twelve": true, "fifteen": true, "twenty": true, "thirty": true, "forty": true, "forty-five": true, "fifty": true,
	"ninety": true, "several": true, "many": true, "countless": true, "numerous": true, "multiple": true, "umpteen": true}

// isCount reports whether tok is a count: a number, in figures or words.
func isCount(tok string) bool { return numberWords[tok] || digits(tok) }

// spans are what a count is of when it complains: a wait, or the
// stages and messages of a process.
var spans = map[string]bool{"week": true, "weeks": true, "month": true, "months": true, "round": true, "rounds": true, "stage": true, "stages": true,
	"interview": true, "interviews": true, "reschedule": true, "reschedules": true, "rescheduled": true, "reminders": true, "chasers": true,
	"emails": true, "messages": true, "calls": true, "voicemails": true, "tests": true, "hour": true, "hours": true, "assessments": true}

// countedSpan returns a count of weeks, rounds or messages in toks ("seven
// weeks", "five rounds", "a two-hour", "4-week"), or "".
func countedSpan(toks []string) string {
	for i, t := range toks {
		if n, unit, ok := strings.Cut(t, "-"); ok && isCount(n) && spans[unit] {
			return t
		}
		if spans[t] && i > 0 && isCount(toks[i-1]) {
			return toks[i-1] + " " + t
		}
	}
	return ""
}

// scareQuoted returns the words text sets in double quotation marks,
// each run of one to five words that is not a title (a run whose words
// all start with capitals, such as "Meet the Team", names something).
func scareQuoted(text string) []string {
	var out []string
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}} {
		for rest := text; ; {
			i := strings.Index(rest, q[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(q[0]):]
			j := strings.Index(rest, q[1])
			if j < 0 {
				break
			}
			inner := strings.TrimSpace(rest[:j])
			rest = rest[j+len(q[1]):]
			if n := len(strings.Fields(inner)); n == 0 || n > 5 {
				continue
			}
			out = append(out, inner)
		}
	}
	return out
}

// lowerStart reports whether s starts with a lower-case letter.
func lowerStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// names returns the words of text, lowercased, that are written with a
// capital where a common word is not: past the first word of a clause,
// and not "I" or a title. A sentence's subject is often one: "Gavin cut
// me off".
func names(text string) map[string]bool {
	out := make(map[string]bool)
	first := true
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if w != "" && !first && unicode.IsUpper([]rune(w)[0]) && w != "I" && !strings.HasPrefix(w, "I'") {
			out[strings.ToLower(w)] = true
		}
		first = strings.ContainsAny(f[len(f)-1:], ".!?:;\"“")
	}
	return out
}

package input

import (
	"strings"
	"testing"
	"unicode/utf8"

	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
)

func TestLineTidies(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Acme Corp", "Acme Corp"},
		{"  Acme \t Corp  ", "Acme Corp"},
		{"Acme\u00a0Corp", "Acme Corp"}, // a no-break space pasted from a web page
		{"Zoë Ünal", "Zoë Ünal"},
		{"株式会社テスト", "株式会社テスト"},
		{"e\u0301cole", "e\u0301cole"}, // a combining accent is text
		{"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"}, // Persian needs the non-joiner
		{"👩\u200d💻 Labs", "👩\u200d💻 Labs"},
		{"A \"B\" <c@d>, (e); f:g", "A \"B\" <c@d>, (e); f:g"},
		{"{{.Company}}", "{{.Company}}"}, // data, never executed
		{"", ""},
		{" \t ", ""},
		{"Acme\n", "Acme"}, // a trailing newline from $(cat file)
	} {
		got, err := Line(tc.in, 100)
		if err != nil || got != tc.want {
			t.Errorf("Line(%q) = %q, %v; want %q, nil", tc.in, got, err, tc.want)
		}
	}
}

func TestLineRefuses(t *testing.T) {
	for _, tc := range []struct{ in, problem string }{
		{"Acme\nBcc: evil@example.net", "line break (U+000A)"},
		{"Acme\r\nBcc: evil@example.net", "line break (U+000D)"},
		{"Acme\rBcc: evil@example.net", "line break (U+000D)"},
		{"Acme\n\nbody", "line break"},
		{"Acme\n Bcc:", "line break"},
		{"Acme\u2028Bcc:", "line break (U+2028)"},
		{"Acme\u2029Corp", "line break (U+2029)"},
		{"Acme\u0085Bcc:", "line break (U+0085)"},
		{"Acme\vCorp", "line break (U+000B)"},
		{"Acme\x00", "control character (U+0000)"},
		{"Acme\x1b[31m", "control character (U+001B)"},
		{"Acme\x1b]52;c;ZXZpbA==\a", "control character (U+001B)"}, // OSC 52 clipboard write
		{"\x1b]8;;http://evil.example\x1b\\link", "control character (U+001B)"},
		{"\x1b]2;title\a", "control character (U+001B)"},
		{"Acme\u009b31m", "control character (U+009B)"},
		{"Acme\a", "control character (U+0007)"},
		{"Acme\b\b\bEvil", "control character (U+0008)"},
		{"Acme\x7f", "control character (U+007F)"},
		{"Acme\u202eproC", "control character (U+202E)"},
		{"Ac\u200bme", "control character (U+200B)"},
		{"\ufeffAcme", "control character (U+FEFF)"},
		{"=?utf-8?q?Bcc:_evil@example.net?=", "encoded word"},
		{"Acme \xff\xfe", "not valid UTF-8"},
		{strings.Repeat("a", 2000), "2000 characters long"},
	} {
		got, err := Line(tc.in, 100)
		if err == nil {
			t.Errorf("Line(%q) = %q, nil; want an error about %s", tc.in, got, tc.problem)
			continue
		}
		if !strings.Contains(err.Error(), tc.problem) {
			t.Errorf("Line(%q): got error %q, want one about %s", tc.in, err, tc.problem)
		}
		if p, ok := err.(*Problem); !ok || p.Hint == "" {
			t.Errorf("Line(%q): got %#v, want a *Problem with a hint", tc.in, err)
		}
	}
}

func TestUnsafe(t *testing.T) {
	for r, want := range map[rune]bool{
		'a': false, ' ': false, '~': false, 'é': false, '株': false, '\u200d': false,
		'\t': true, '\x1b': true, '\u009b': true, '\u202e': true, '\u2066': true, '\u200b': true, '\u2028': true,
	} {
		if got := Unsafe(r); got != want {
			t.Errorf("Unsafe(%U) = %v, want %v", r, got, want)
		}
	}
}

// FuzzLine holds Line to its promises, whatever the text: what it returns
// is one tidy line of valid UTF-8 with nothing unsafe in it, within the
// limit, and tidying it again changes nothing.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"Acme Corp", " a \t b ", "Acme\r\nBcc: x", "\x1b]52;c;eA==\a", "\u202e", "=?utf-8?q?x?=", "Zoë\u00a0Ünal", "\xff", "👩\u200d💻"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Line(s, 100)
		if err != nil {
			return
		}
		switch {
		case !utf8.ValidString(got):
			t.Errorf("Line(%q) = %q, not valid UTF-8", s, got)
		case strings.IndexFunc(got, Unsafe) >= 0, strings.ContainsAny(got, "\r\n\t\v\f\u0085\u2028\u2029"):
			t.Errorf("Line(%q) = %q, with an unsafe character", s, got)
		case strings.Contains(got, "  "), strings.TrimSpace(got) != got:
			t.Errorf("Line(%q) = %q, not tidy", s, got)
		case utf8.RuneCountInString(got) > 100:
			t.Errorf("Line(%q) = %q, over the limit", s, got)
		case strings.Contains(got, "=?"):
			t.Errorf("Line(%q) = %q, with an encoded word", s, got)
		}
		if again, err := Line(got, 100); again != got || err != nil {
			t.Errorf("Line(%q) = %q, but Line(%q) = %q, %v", s, got, got, again, err)
		}
	})
}

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Acme", `"Acme"`},
		{strings.Repeat("x", 80), `"` + strings.Repeat("x", 80) + `"`},
		{strings.Repeat("株", 81), `"` + strings.Repeat("株", 80) + `"… (81 characters)`},
		{"a\x1b[2J" + strings.Repeat("y", 100), `"a\x1b[2J` + strings.Repeat("y", 75) + `"… (105 characters)`},
	} {
		if got := Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%.20q…) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

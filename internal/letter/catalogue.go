package letter

import (
	"fmt"
	"strings"

	"github.com/decline-cli/decline/internal/input"
)

// An Option is one accepted value of a field with a fixed set of values,
// such as a reason key or a tone, and what choosing it means.
type Option struct {
	Key         string
	Description string
}

// Reasons is the catalogue of reasons a letter can give, in the order they
// are offered. Their keys are part of decline's interface: scripts use them.
var Reasons = []Option{
	{"accepted-offer", "I have accepted another position"},
	{"staying", "I am staying in my current role (a promotion, new responsibilities)"},
	{"commitment", "a project or commitment needs me now"},
	{"not-a-fit", "the role does not match the direction of my career"},
	{"location", "the location, a relocation or the commute does not work for me"},
	{"compensation", "the package does not meet my needs"},
	{"personal", "my personal circumstances have changed"},
	{"timing", "it is not the right time for me to move"},
	{ReasonUnspecified, "no reason given"},
}

// ReasonUnspecified is the reason of a letter that gives none.
const ReasonUnspecified = "unspecified"

// Tones is the catalogue of registers a letter can be written in. A
// language may write a kind of letter in some of them only: its
// templates say which.
var Tones = []Option{
	{"formal", "courteous and businesslike, for any recruiter"},
	{"warm", "friendly and personal, for someone you have spoken to"},
	{"brief", "a few short sentences"},
}

// DefaultTone is the tone of a letter that names none.
const DefaultTone = "formal"

// A Kind is a kind of letter: what is being declined, and the reasons a
// letter of that kind can give.
type Kind struct {
	Option
	Reasons []Option
}

// Kinds is the catalogue of kinds of letter, the default first. Each is
// written by the templates of its name in every language directory that
// has them: LANGUAGE/KIND/TONE.tmpl.
var Kinds = []Kind{
	{Option: Option{"interview", "declining an invitation to interview"}, Reasons: Reasons},
	{Option: Option{"withdraw", "withdrawing from a process after one or more interviews"},
		Reasons: reasons("accepted-offer", "staying", "commitment", "not-a-fit", "location", "compensation", "personal", "timing", ReasonUnspecified)},
	{Option: Option{"offer", "declining a job offer"},
		Reasons: reasons("accepted-offer", "staying=I accepted a counter-offer, or am staying where I am", "not-a-fit", "location", "compensation", "personal", "timing", ReasonUnspecified)},
	{Option: Option{"rescind", "backing out of an offer already accepted"},
		Reasons: reasons("accepted-offer=I have accepted another offer since", "staying=I have decided to stay with my current employer", "personal", "location", ReasonUnspecified)},
	{Option: Option{"outreach", "declining a recruiter's approach about a role"},
		Reasons: reasons("staying=I am happy where I am", "not-a-fit", "timing", "location", "compensation", ReasonUnspecified)},
}

// reasons picks reasons of the catalogue by key, each with its own
// description where one follows an "=".
func reasons(keys ...string) []Option {
	var picked []Option
	for _, k := range keys {
		key, description, own := strings.Cut(k, "=")
		for _, r := range Reasons {
			if r.Key == key {
				if own {
					r.Description = description
				}
				picked = append(picked, r)
			}
		}
	}
	return picked
}

// DefaultKind is the kind of a letter that names none.
const DefaultKind = "interview"

// A Language is a language letters are written in, as a BCP 47 tag, and
// the directory of the templates that write it: varieties of a language
// share their templates, which tell them apart with .Lang.
type Language struct {
	Option // Key is the tag, such as en-GB
	Dir    string
}

// Languages is the catalogue of languages, the default first.
var Languages = []Language{
	{Option: Option{"en-US", "English, as written in the United States"}, Dir: "en"},
	{Option: Option{"en-GB", "English, as written in the United Kingdom"}, Dir: "en"},
	{Option: Option{"de", "German, as written in Germany"}, Dir: "de"},
	{Option: Option{"fr", "French, as written in France"}, Dir: "fr"},
	{Option: Option{"es", "Spanish, as written in Spain"}, Dir: "es"},
	{Option: Option{"ja", "Japanese"}, Dir: "ja"},
}

// britishLocales are the locales whose English is written the British way.
var britishLocales = []string{"en_GB", "en_IE", "en_AU", "en_NZ", "en_ZA", "en_IN"}

// LangOfLocale returns the variety of English a user of locale (the value
// of LC_ALL, LC_MESSAGES or LANG, such as en_GB.UTF-8) writes: en-GB for
// the British Isles and the Commonwealth, else en-US. Other languages are
// never chosen from the locale: a letter's language is the recipient's,
// not the terminal's.
func LangOfLocale(locale string) string {
	locale, _, _ = strings.Cut(locale, ".")
	locale, _, _ = strings.Cut(locale, "@")
	for _, l := range britishLocales {
		if strings.EqualFold(locale, l) {
			return "en-GB"
		}
	}
	return "en-US"
}

// FindKind returns the kind of key (in any case), or a *FieldError naming
// the kinds there are.
func FindKind(key string) (Kind, error) {
	key = strings.ToLower(key)
	for _, k := range Kinds {
		if k.Key == key {
			return k, nil
		}
	}
	return Kind{}, Lookup("kind", KindOptions(), key)
}

// FindLanguage returns the language of a BCP 47 tag, in any case and with
// "_" for "-" (en_gb); a bare language (en) is its first variety. Its
// error, a *FieldError, names the tags there are.
func FindLanguage(tag string) (Language, error) {
	norm := strings.ReplaceAll(tag, "_", "-")
	for _, l := range Languages {
		if strings.EqualFold(l.Key, norm) {
			return l, nil
		}
	}
	for _, l := range Languages {
		if base, _, _ := strings.Cut(l.Key, "-"); strings.EqualFold(base, norm) {
			return l, nil
		}
	}
	return Language{}, Lookup("lang", LanguageOptions(), tag)
}

// KindOptions returns the kinds as options, for lists and completion.
func KindOptions() []Option {
	options := make([]Option, len(Kinds))
	for i, k := range Kinds {
		options[i] = k.Option
	}
	return options
}

// LanguageOptions returns the languages as options, for lists and
// completion.
func LanguageOptions() []Option {
	options := make([]Option, len(Languages))
	for i, l := range Languages {
		options[i] = l.Option
	}
	return options
}

// Keys returns the keys of options, in order.
func Keys(options []Option) []string {
	keys := make([]string, len(options))
	for i, o := range options {
		keys[i] = o.Key
	}
	return keys
}

// Lookup checks that key is one of options, the values of field. Its
// error, a *FieldError, names the accepted keys and, when key looks like a
// slip of the keyboard, the one that was meant.
func Lookup(field string, options []Option, key string) error {
	for _, o := range options {
		if o.Key == key {
			return nil
		}
	}
	best := Nearest(key, Keys(options))
	hint := "use one of " + strings.Join(Keys(options), ", ")
	if best != "" {
		hint = fmt.Sprintf("did you mean %s? %s", best, hint)
	}
	return &FieldError{Field: field, Problem: fmt.Sprintf("%s is not one of the accepted values", input.Quote(key)), Hint: hint}
}

// Nearest returns the one of keys that key most looks like a slip of the
// keyboard for (at most two edits away, in any case), or "".
func Nearest(key string, keys []string) string {
	best, bestDistance := "", 3
	for _, k := range keys {
		if d := distance(strings.ToLower(key), strings.ToLower(k)); d < bestDistance {
			best, bestDistance = k, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, counted in bytes,
// which is enough to catch slips in ASCII keys.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

package letter

import (
	"fmt"
	"strings"
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

// Tones is the catalogue of registers a letter can be written in.
var Tones = []Option{
	{"formal", "courteous and businesslike, for any recruiter"},
	{"warm", "friendly and personal, for someone you have spoken to"},
	{"brief", "a few short sentences"},
}

// DefaultTone is the tone of a letter that names none.
const DefaultTone = "formal"

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
	best, bestDistance := "", 3
	for _, o := range options {
		if o.Key == key {
			return nil
		}
		if d := distance(strings.ToLower(key), o.Key); d < bestDistance {
			best, bestDistance = o.Key, d
		}
	}
	hint := "use one of " + strings.Join(Keys(options), ", ")
	if best != "" {
		hint = fmt.Sprintf("did you mean %s? %s", best, hint)
	}
	return &FieldError{Field: field, Problem: fmt.Sprintf("%q is not one of the accepted values", key), Hint: hint}
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

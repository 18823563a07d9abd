// Package answers holds what a user answered for one letter, as typed:
// the one value that flags, the config file, the form, a kept run and a
// batch row all fill, whatever they are, before a letter is composed.
package answers

import "github.com/decline-cli/decline/internal/letter"

// Answers are what the user answered for a letter, as typed: nothing in
// them has been checked. The json names are those of the letter's fields,
// and of the kept runs' files.
type Answers struct {
	Kind          string `json:"kind"`
	Lang          string `json:"lang"`
	Company       string `json:"company"`
	Role          string `json:"role"`
	Contact       string `json:"contact"`
	Reason        string `json:"reason"`      // a reason key; empty with ReasonText
	ReasonText    string `json:"reason_text"` // the user's own reason
	Tone          string `json:"tone"`
	InterviewDate string `json:"interview_date"` // YYYY-MM-DD, or empty
	StartDate     string `json:"start_date"`     // YYYY-MM-DD, or empty
	Call          bool   `json:"call"`
	OpenTo        string `json:"open_to"`
	KeepInTouch   bool   `json:"keep_in_touch"`
	Refer         string `json:"refer"`
	Name          string `json:"name"`
	Signature     string `json:"signature"`
	From          string `json:"from"`
	To            string `json:"to"`
}

// Defaults returns the answers a letter starts from before anyone says
// anything: the default kind, reason and tone, and the door kept open.
// The language is left to the caller, who knows the user's locale.
func Defaults() Answers {
	return Answers{Kind: letter.DefaultKind, Reason: letter.ReasonUnspecified, Tone: letter.DefaultTone, KeepInTouch: true}
}

// Set gives a field its value, by its json name, as a flag, a column or a
// setting names it; it reports whether there is such a text field.
// keep_in_touch is not text, and is set directly.
func (a *Answers) Set(field, value string) bool {
	p := a.Field(field)
	if p == nil {
		return false
	}
	*p = value
	return true
}

// Reasons settles the reason after a source (flags, a row) gave a reason
// key, own words, or both: the one given replaces the other; both given
// are kept, for the letter's checks to refuse.
func (a *Answers) Reasons(reasonGiven, textGiven bool) {
	switch {
	case reasonGiven && !textGiven:
		a.ReasonText = ""
	case textGiven && !reasonGiven:
		a.Reason = ""
	}
}

// Field returns the text field of a json name, or nil.
func (a *Answers) Field(field string) *string {
	switch field {
	case "kind":
		return &a.Kind
	case "lang":
		return &a.Lang
	case "company":
		return &a.Company
	case "role":
		return &a.Role
	case "contact":
		return &a.Contact
	case "reason":
		return &a.Reason
	case "reason_text":
		return &a.ReasonText
	case "tone":
		return &a.Tone
	case "interview_date":
		return &a.InterviewDate
	case "start_date":
		return &a.StartDate
	case "open_to":
		return &a.OpenTo
	case "refer":
		return &a.Refer
	case "name":
		return &a.Name
	case "signature":
		return &a.Signature
	case "from":
		return &a.From
	case "to":
		return &a.To
	}
	return nil
}

package letter

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The methods below are what templates call to write a letter for its
// situation rather than fill one in: they choose among sentences, and put
// names and dates the way the letter's language writes them.

// Variant returns which of n ways to write a part of the letter (named
// slot) this letter takes. The same answers always take the same one;
// letters to other companies or for other roles take others, so that two
// candidates do not send a recruiter the same letter; and letters for
// different reasons differ in most parts, not only in the reason.
//
// For the parts every letter has, written five ways (the slots of
// sharedSlots), the reason is a point of the plane over the integers
// modulo 5 and each slot a direction: two reasons then take the same
// sentence in one of those slots at most.
func (f Fields) Variant(slot string, n int) int {
	if n <= 1 {
		return 0
	}
	// FNV-1a over the lower-cased company and role and the slot, written
	// out: a letter asks for a dozen variants, a batch for millions.
	h := uint32(2166136261)
	for _, s := range [3]string{f.Company, f.Role, slot} {
		for _, r := range s {
			var buf [utf8.UTFMax]byte
			for _, b := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
				h = (h ^ uint32(b)) * 16777619
			}
		}
		h *= 16777619 // the zero byte between the parts
	}
	shift := int(h % uint32(n))
	d := slices.Index(sharedSlots, slot)
	if n != 5 || d < 0 {
		return shift
	}
	reason := len(Reasons) // an own reason
	if f.ReasonText == "" {
		reason = max(slices.IndexFunc(Reasons, func(o Option) bool { return o.Key == f.Reason }), 0)
	}
	x, y := reason%5, reason/5
	dx, dy := directions[d][0], directions[d][1]
	return (x*dx + y*dy + shift) % 5
}

// A Choice is a Variant as templates test it cheaply, a field a way:
// {{$v := .Choose "thanks" 5}}{{if $v.Is0}}…{{else if $v.Is1}}…{{end}}.
// (Fields cost text/template far less than calls to eq.)
type Choice struct{ Is0, Is1, Is2, Is3, Is4 bool }

// Choose returns Variant(slot, n) as a Choice.
func (f Fields) Choose(slot string, n int) Choice {
	v := f.Variant(slot, n)
	return Choice{Is0: v == 0, Is1: v == 1, Is2: v == 2, Is3: v == 3, Is4: v == 4}
}

// sharedSlots are the parts of a letter written five ways, whatever the
// reason, and directions the lines of the plane modulo 5 they follow.
var (
	sharedSlots = []string{"thanks", "decision", "prompt", "door", "wishes", "close"}
	directions  = [][2]int{{1, 0}, {0, 1}, {1, 1}, {1, 2}, {1, 3}, {1, 4}}
)

// GB reports whether the letter is in British English (else American).
func (f Fields) GB() bool { return f.Lang == "en-GB" }

// Day returns the interview's day as the letter's English writes it, or
// "" when there is none: Thursday, December 3 (en-US), Thursday 3
// December (en-GB).
func (f Fields) Day() string { return f.day(f.InterviewDate) }

// StartDay returns the start date agreed, as Day writes days, or "".
func (f Fields) StartDay() string { return f.day(f.StartDate) }

func (f Fields) day(d *Date) string {
	if d == nil {
		return ""
	}
	t := d.t
	switch f.Lang {
	case "en-GB":
		return d.Format("Monday 2 January")
	case "de":
		return fmt.Sprintf("%s, %d. %s", weekdays["de"][t.Weekday()], t.Day(), months["de"][t.Month()-1])
	case "fr":
		return fmt.Sprintf("%s %s %s", weekdays["fr"][t.Weekday()], frenchDay(t.Day()), months["fr"][t.Month()-1])
	case "es":
		return fmt.Sprintf("%s, %d de %s", weekdays["es"][t.Weekday()], t.Day(), months["es"][t.Month()-1])
	case "ja":
		return fmt.Sprintf("%d月%d日（%s）", t.Month(), t.Day(), weekdays["ja"][t.Weekday()])
	}
	return d.Format("Monday, January 2")
}

// weekdays (from Sunday) and months are the names of days in each
// language that is not English, as its letters write them in a sentence.
var (
	weekdays = map[string][7]string{
		"de": {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		"fr": {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		"es": {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
		"ja": {"日", "月", "火", "水", "木", "金", "土"},
	}
	months = map[string][12]string{
		"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	}
)

// frenchDay writes the day of the month as French does: "1er" for the
// first, the number for the others.
func frenchDay(n int) string {
	if n == 1 {
		return "1er"
	}
	return strconv.Itoa(n)
}

// honorifics are the honorifics a user may type before a contact's name,
// in any of the languages, by the gender they give; written, the forms
// each language that greets by one writes. A contact typed "Frau Rivera"
// is "Madame" in a French letter.
var (
	honorifics = [2][]string{
		{"Ms.", "Mrs.", "Miss", "Ms", "Mrs", "Frau", "Fr.", "Madame", "Mme.", "Mme", "Mlle.", "Mlle", "Mademoiselle", "Sra.", "Sra", "Señora", "Srta.", "Srta", "Señorita"},
		{"Mr.", "Mr", "Herrn", "Herr", "Hr.", "Monsieur", "M.", "M", "Sr.", "Sr", "Señor"},
	}
	written = map[string][2]string{"de": {"Frau", "Herr"}, "fr": {"Madame", "Monsieur"}, "es": {"Sra.", "Sr."}}
)

// cutHonorific returns name without the honorific h it starts with, in
// any case, and followed by a space or, after a full stop, by the name
// itself ("Sra.García").
func cutHonorific(name, h string) (string, bool) {
	if len(name) <= len(h) || !strings.EqualFold(name[:len(h)], h) {
		return "", false
	}
	rest := name[len(h):]
	if rest[0] != ' ' && !strings.HasSuffix(h, ".") {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	return rest, rest != ""
}

// Honorific returns the honorific the contact was typed with, as the
// letter's language writes it ("Frau", "Monsieur", "Sra."), or "" when
// there is none, or the language greets without one.
func (f Fields) Honorific() string {
	h, _ := f.honorific()
	return h
}

// ContactName returns the contact without its honorific: "Dr. Müller" of
// "Frau Dr. Müller"; in Japanese, without 様, さん, 殿 or 御中.
func (f Fields) ContactName() string {
	_, name := f.honorific()
	return name
}

func (f Fields) honorific() (honorific, name string) {
	name = f.Contact
	if f.Lang == "ja" {
		// 様 is the honorific, after the name: any other goes.
		for _, suffix := range []string{"御中", "様", "さま", "さん", "殿"} {
			name = strings.TrimSpace(strings.TrimSuffix(name, suffix))
		}
		for _, title := range []string{"Dr. ", "Mx. ", "Prof. "} {
			name = strings.TrimPrefix(name, title)
		}
	}
	if strings.HasPrefix(f.Lang, "en") {
		return "", name // English letters write the contact as typed
	}
	for gender, typed := range honorifics {
		for _, h := range typed {
			if rest, ok := cutHonorific(name, h); ok {
				return written[f.Lang][gender], rest
			}
		}
	}
	return "", name
}

// IsDepartment reports whether the contact names a department rather
// than a person: in Japanese 人事部, 採用課, or anything typed with 御中,
// which is addressed 御中 rather than 様 (a surname such as 阿部 is a
// person); in the other languages a team or department by name
// (Personalabteilung, HR, Recruiting), greeted as the letter greets no
// one in particular.
func (f Fields) IsDepartment() bool {
	if f.Lang != "ja" {
		for _, w := range strings.FieldsFunc(strings.ToLower(f.Contact), func(r rune) bool { return !unicode.IsLetter(r) }) {
			for _, unit := range []string{"abteilung", "personal", "recruiting", "hr", "team", "rh", "rrhh", "service", "équipe", "equipo", "departamento", "recursos", "ressources"} {
				if w == unit || len(unit) > 4 && strings.HasSuffix(w, unit) {
					return true
				}
			}
		}
		return false
	}
	if strings.HasSuffix(f.Contact, "御中") {
		return true
	}
	// Many surnames end in 部 or 室 (阿部, 服部, 小室): a department
	// says what it is, or ends in a unit no name ends in.
	name := f.ContactName()
	for _, part := range []string{"人事", "採用", "総務", "事業部", "本部", "部門", "センター", "チーム", "グループ"} {
		if strings.Contains(name, part) {
			return true
		}
	}
	return strings.HasSuffix(name, "課") || strings.HasSuffix(name, "係")
}

// Addressee returns the contact as the letter's English writes a name:
// British English drops the full stop after Mr, Mrs, Ms and Dr.
func (f Fields) Addressee() string {
	if !f.GB() {
		return f.Contact
	}
	for _, title := range []string{"Mr.", "Mrs.", "Ms.", "Dr.", "Mx."} {
		if rest, ok := strings.CutPrefix(f.Contact, title+" "); ok {
			return strings.TrimSuffix(title, ".") + " " + rest
		}
	}
	return f.Contact
}

// ThePosition names the role in a sentence: "the Data Engineer position",
// or, for a title with a comma in it, "the position of Staff Engineer,
// Payments", which does not read as a list.
func (f Fields) ThePosition() string {
	if strings.Contains(f.Role, ",") {
		return "the position of " + f.Role
	}
	return "the " + f.Role + " position"
}

// TheRole is ThePosition with "role" for "position", for warmer letters.
func (f Fields) TheRole() string {
	if strings.Contains(f.Role, ",") {
		return "the role of " + f.Role
	}
	return "the " + f.Role + " role"
}

// maxSubject is the longest subject that fits an inbox's line.
const maxSubject = 78

// Fit returns the first of subjects that fits an inbox's line (78
// characters), or else the shortest: subjects are written whole, never
// cut in the middle of a word.
func (f Fields) Fit(subjects ...string) string {
	shortest := ""
	for _, s := range subjects {
		s = strings.Join(fields(s), " ")
		if utf8.RuneCountInString(s) <= maxSubject {
			return s
		}
		if shortest == "" || utf8.RuneCountInString(s) < utf8.RuneCountInString(shortest) {
			shortest = s
		}
	}
	return shortest
}

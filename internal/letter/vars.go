package letter

import "strings"

// A Var is something a template can use: a field of the data it receives,
// or a function of Go's text/template, with an example.
type Var struct {
	Name    string // as a template writes it
	Example string
	Doc     string
}

// Vars are the fields a template receives (Fields, as the letter's
// answers after Clean).
var Vars = []Var{
	{".Kind", "interview", "the kind of letter: " + strings.Join(Keys(KindOptions()), ", ")},
	{".Lang", "en-GB", "the language, as a BCP 47 tag: " + strings.Join(Keys(LanguageOptions()), ", ")},
	{".Company", "Acme Corp", "the company"},
	{".Role", "Data Engineer", `the role, without "the", "position" or "role" around it`},
	{".Contact", "Ms. Rivera", "whom to greet; empty for the hiring team"},
	{".Reason", "accepted-offer", "a reason key; empty when .ReasonText is set"},
	{".ReasonText", "I am returning to university.", "the user's own reason: sentences with a capital and a full stop"},
	{".Tone", "formal", "formal, warm or brief"},
	{".InterviewDate", `{{with .InterviewDate}}{{.Format "Monday, 2 January"}}{{end}} → Thursday, 3 December`, "the interview's day, or nil; Format takes a layout of Go's time package"},
	{".StartDate", `{{with .StartDate}}{{.Format "Monday, 2 January"}}{{end}}`, "for rescind: the start date agreed, or nil"},
	{".Call", "true", "for rescind: whether the letter says a call will follow"},
	{".OpenTo", "staff platform roles", "for outreach: the roles the sender would gladly hear about; may be empty"},
	{".KeepInTouch", "true", "whether to offer to stay in touch"},
	{".Refer", "Jordan Smith", "someone to recommend for the role; may be empty"},
	{".Name", "Sam Lee", "the sender, for the signature"},
	{".Signature", "+1 555 0100", "lines decline adds under the body itself; templates need not use it"},
}

// Funcs are the functions of Go's text/template that letters find useful.
var Funcs = []Var{
	{"if / else if / else / end", `{{if .Contact}}Dear {{.Contact}},{{else}}Dear Hiring Team,{{end}}`, "choose text"},
	{"with / end", `{{with .InterviewDate}} on {{.Format "Monday, 2 January"}}{{end}}`, "use a value only when it is set"},
	{"eq", `{{if eq .Reason "timing"}}...{{end}}`, "compare values"},
	{"and, or, not", `{{if and .Refer .KeepInTouch}}...{{end}}`, "combine conditions"},
	{"printf", `{{printf "%s at %s" .Role .Company}} → Data Engineer at Acme Corp`, "format text"},
	{"{{- and -}}", "{{- else if ...}}", "trim the spaces and line breaks next to an action"},
	{"define", `{{define "subject"}}...{{end}} {{define "body"}}...{{end}}`, `every template defines a "subject" and a "body"`},
	{".Choose SLOT N", `{{$v := .Choose "thanks" 3}}{{if $v.Is0}}...{{else if $v.Is1}}...{{else}}...{{end}}`, "Variant as fields Is0 to Is4, which templates test faster than with eq"},
	{".Variant SLOT N", `{{if eq (.Variant "thanks" 3) 0}}...{{else if eq (.Variant "thanks" 3) 1}}...{{else}}...{{end}}`, "which of N ways to write a part: the same answers always choose the same, other companies others"},
	{".Day", `{{with .Day}} on {{.}}{{end}} → on Thursday, December 3 (en-GB: Thursday 3 December)`, "the interview's day as the letter's language writes it (de: Donnerstag, 3. Dezember; fr: jeudi 3 décembre; es: jueves, 3 de diciembre; ja: 12月3日（木）), or empty"},
	{".Honorific, .ContactName", `{{if eq .Honorific "Frau"}}Sehr geehrte Frau {{.ContactName}},{{end}}`, "the contact's honorific, typed in any of the languages, as the letter's language writes it (Frau/Herr, Madame/Monsieur, Sra./Sr.; empty when none was typed, and in English and Japanese), and the contact without it (in Japanese, without 様 or 御中)"},
	{".IsDepartment", `{{.ContactName}}{{if .IsDepartment}} 御中{{else}}様{{end}}`, "whether a Japanese contact names a department (人事部, or typed with 御中)"},
	{".StartDay", `{{with .StartDay}} on {{.}}{{end}}`, "the start date as the letter's English writes it, or empty"},
	{".GB", `{{if .GB}}realise{{else}}realize{{end}}`, "whether the letter is in British English"},
	{".ThePosition, .TheRole", `{{.ThePosition}} → the Data Engineer position; the position of Staff Engineer, Payments`, "the role in a sentence, read right with a comma in the title"},
	{".Fit A B ...", `{{.Fit (printf "Declining the %s interview at %s" .Role .Company) "Declining the interview"}}`, "the first subject that fits an inbox's 78 characters, else the shortest"},
}

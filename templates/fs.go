// Package templates holds the letters decline ships with.
//
// Each file is a Go text/template at LANGUAGE/KIND/TONE.tmpl, for example
// en/interview/formal.tmpl, and defines two templates: "subject" (one line)
// and "body". Adding a language or a kind of letter is adding such files.
package templates

import "embed"

// FS holds the built-in letter templates.
//
//go:embed */*/*.tmpl
var FS embed.FS

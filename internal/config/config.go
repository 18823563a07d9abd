// Package config reads the user's settings: who they are, how they like
// their letters, and how to reach their clipboard. Settings come from a
// TOML file and from the environment, which takes precedence; flags, in
// turn, take precedence over both.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/decline-cli/decline/internal/input"
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
	"github.com/decline-cli/decline/internal/state"
)

// Config holds the settings. Empty fields were not set.
type Config struct {
	Name             string `toml:"name"`              // the signature
	From             string `toml:"from"`              // the sender's address
	Kind             string `toml:"kind"`              // the default kind of letter
	Lang             string `toml:"lang"`              // the default language, a BCP 47 tag
	Tone             string `toml:"tone"`              // the default tone
	KeepInTouch      *bool  `toml:"keep_in_touch"`     // the default of --keep-in-touch
	Signature        string `toml:"signature"`         // lines under the name, such as a phone number
	ClipboardCommand string `toml:"clipboard_command"` // a command that copies its stdin, such as wl-copy
	Drafts           string `toml:"drafts"`            // a Maildir drafts folder, for --save-draft
	DraftCommand     string `toml:"draft_command"`     // a command that saves a draft from its stdin
}

// settings names the settings, as the file and the environment spell them.
var settings = []struct{ key, env string }{
	{"name", "DECLINE_NAME"},
	{"from", "DECLINE_FROM"},
	{"kind", "DECLINE_KIND"},
	{"lang", "DECLINE_LANG"},
	{"tone", "DECLINE_TONE"},
	{"keep_in_touch", "DECLINE_KEEP_IN_TOUCH"},
	{"signature", "DECLINE_SIGNATURE"},
	{"clipboard_command", "DECLINE_CLIPBOARD_COMMAND"},
	{"drafts", "DECLINE_DRAFTS"},
	{"draft_command", "DECLINE_DRAFT_COMMAND"},
}

// Path returns where the config file is: $XDG_CONFIG_HOME/decline/config.toml
// (~/.config/decline/config.toml), or the platform's equivalent, such as
// ~/Library/Application Support/decline/config.toml on macOS and
// %AppData%\decline\config.toml on Windows; "" if there is no home.
// A relative XDG_CONFIG_HOME is ignored, as the XDG Base Directory
// specification says.
func Path() string {
	if dir := os.Getenv("XDG_CONFIG_HOME"); dir != "" && !filepath.IsAbs(dir) && runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		return filepath.Join(home, ".config", "decline", "config.toml")
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "decline", "config.toml")
}

// An Error is a problem with a setting: in the config file, at a line, or
// in an environment variable.
type Error struct {
	Path string // the config file, or "" for the environment
	Line int    // 0 when not known
	Err  error
}

func (e *Error) Error() string {
	switch {
	case e.Path == "":
		return e.Err.Error()
	case e.Line == 0:
		return fmt.Sprintf("config file %s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("config file %s:%d: %v", e.Path, e.Line, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// maxFile is the largest config file read: a few settings fit many times.
const maxFile = 64 << 10

// Load reads the config file at path, then the environment (getenv) over
// it. A missing file is an empty config. A malformed file, a setting
// decline does not know, or a value it cannot use is an *Error that names
// the line or the variable: a setting is never silently ignored.
func Load(path string, getenv func(string) string) (*Config, error) {
	var c Config
	text, err := input.ReadFile(path, maxFile)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, &Error{Path: path, Err: err}
	default:
		if err := c.decode(path, text); err != nil {
			return nil, err
		}
	}
	if err := c.applyEnv(getenv); err != nil {
		return nil, &Error{Err: err}
	}
	return &c, nil
}

func (c *Config) decode(path string, text []byte) error {
	err := toml.NewDecoder(bytes.NewReader(text)).DisallowUnknownFields().Decode(c)
	var missing *toml.StrictMissingError
	var derr *toml.DecodeError
	switch {
	case errors.As(err, &missing):
		key := missing.Errors[0].Key()
		line, _ := missing.Errors[0].Position()
		return &Error{Path: path, Line: line, Err: fmt.Errorf("unknown setting %q; the settings are %s", strings.Join(key, "."), strings.Join(keys(), ", "))}
	case errors.As(err, &derr):
		line, _ := derr.Position()
		message := strings.TrimPrefix(derr.Error(), "toml: ")
		key := strings.Join(derr.Key(), ".")
		switch {
		case key != "" && strings.Contains(message, "cannot decode"):
			// go-toml words a wrong type in Go's terms.
			message = key + ": must be text in quotes"
			if key == "keep_in_touch" {
				message = key + ": must be true or false"
			}
		case key != "":
			message = key + ": " + message
		}
		return &Error{Path: path, Line: line, Err: errors.New(message)}
	case err != nil:
		return &Error{Path: path, Err: err}
	}
	for _, s := range settings {
		if err := c.check(s.key); err != nil {
			return &Error{Path: path, Line: lineOf(text, s.key), Err: fmt.Errorf("%s: %w", s.key, err)}
		}
	}
	return nil
}

// applyEnv overrides settings with the environment variables that are set
// and not empty.
func (c *Config) applyEnv(getenv func(string) string) error {
	for _, s := range settings {
		v := getenv(s.env)
		if v == "" {
			continue
		}
		switch s.key {
		case "keep_in_touch":
			b, err := strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("%s=%s is not true or false", s.env, input.Quote(v))
			}
			c.KeepInTouch = &b
			continue
		case "name":
			c.Name = v
		case "from":
			c.From = v
		case "tone":
			c.Tone = v
		case "kind":
			c.Kind = v
		case "lang":
			c.Lang = v
		case "signature":
			c.Signature = v
		case "clipboard_command":
			c.ClipboardCommand = v
		case "drafts":
			c.Drafts = v
		case "draft_command":
			c.DraftCommand = v
		}
		if err := c.check(s.key); err != nil {
			return fmt.Errorf("%s: %w", s.env, err)
		}
	}
	return nil
}

// check checks the value of one setting.
func (c *Config) check(key string) error {
	var err error
	switch key {
	case "name":
		c.Name, err = input.Line(c.Name, 100)
	case "from":
		if c.From != "" {
			_, err = mail.ParseAddress(c.From)
		}
	case "tone":
		if c.Tone != "" {
			c.Tone = strings.ToLower(c.Tone)
			err = letter.Lookup("tone", letter.Tones, c.Tone)
		}
	case "kind":
		if c.Kind != "" {
			var k letter.Kind
			k, err = letter.FindKind(c.Kind)
			c.Kind = k.Key
		}
	case "lang":
		if c.Lang != "" {
			var l letter.Language
			l, err = letter.FindLanguage(c.Lang)
			c.Lang = l.Key
		}
	case "signature":
		c.Signature, err = letter.CleanField("signature", c.Signature)
	case "clipboard_command":
		c.ClipboardCommand, err = input.Line(c.ClipboardCommand, 200)
	case "drafts":
		c.Drafts, err = input.Line(c.Drafts, 500)
	case "draft_command":
		c.DraftCommand, err = input.Line(c.DraftCommand, 500)
	}
	var fe *letter.FieldError
	if errors.As(err, &fe) && fe.Hint != "" {
		return fmt.Errorf("%s; %s", fe.Problem, fe.Hint)
	}
	return err
}

func keys() []string {
	k := make([]string, len(settings))
	for i, s := range settings {
		k[i] = s.key
	}
	return k
}

// lineOf returns the line of the file that sets key, or opens the table
// key, or 0.
func lineOf(text []byte, key string) int {
	q := regexp.QuoteMeta(key)
	loc := regexp.MustCompile(`(?m)^[ \t]*("?` + q + `"?[ \t]*=|\[[ \t]*` + q + `[ \t]*\])`).FindIndex(text)
	if loc == nil {
		return 0
	}
	return strings.Count(string(text[:loc[0]]), "\n") + 1
}

// Add writes settings (key and value) at the end of the config file at
// path, making it if there is none. It is for settings the file does not
// have: decoding refuses a key set twice.
func Add(path string, settings [][2]string) error {
	text, err := input.ReadFile(path, maxFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if len(text) > 0 && !bytes.HasSuffix(text, []byte("\n")) {
		text = append(text, '\n')
	}
	for _, s := range settings {
		line, err := toml.Marshal(map[string]string{s[0]: s[1]})
		if err != nil {
			return err
		}
		text = append(text, line...)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return state.WriteFile(path, text, 0o600, true)
}

package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
)

func env(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

func write(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoad(t *testing.T) {
	path := write(t, "name = 'Sam Lee'\ntone = 'WARM'\nkeep_in_touch = false\nsignature = '''\n\n+1 555 0100\n'''\n")
	c, err := Load(path, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Sam Lee" || c.Tone != "warm" || c.KeepInTouch == nil || *c.KeepInTouch || c.Signature != "+1 555 0100" {
		t.Errorf("got %+v", c)
	}
	// The environment overrides the file.
	c, err = Load(path, env(map[string]string{"DECLINE_NAME": "Sam", "DECLINE_KEEP_IN_TOUCH": "true", "DECLINE_TONE": "brief"}))
	if err != nil || c.Name != "Sam" || !*c.KeepInTouch || c.Tone != "brief" {
		t.Errorf("got %+v, %v", c, err)
	}
	// No file is no setting.
	c, err = Load(filepath.Join(t.TempDir(), "none.toml"), env(nil))
	if err != nil || *c != (Config{}) {
		t.Errorf("got %+v, %v for a missing file", c, err)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		text string
		env  map[string]string
		line int
		want string
	}{
		{"name = 'Sam'\ntone = warm\n", nil, 2, "unexpected character"},
		{"\n\nnmae = 'x'\n", nil, 3, `unknown setting "nmae"`},
		{"[extra]\nx = 1\n", nil, 1, `unknown setting "extra`},
		{"from = 'a@example.org, b@example.org'\n", nil, 1, "from: holds 2 addresses"},
		{"name = \"Sam\\u001b[31m\"\n", nil, 1, "name: contains an invisible or control character"},
		{"clipboard_command = 3\n", nil, 1, "clipboard_command: must be text in quotes"},
		{"", map[string]string{"DECLINE_TONE": "posh"}, 0, `DECLINE_TONE: "posh" is not one of the accepted values`},
		{"", map[string]string{"DECLINE_FROM": "nobody"}, 0, "DECLINE_FROM: \"nobody\" is not an email address"},
	} {
		_, err := Load(write(t, tc.text), env(tc.env))
		var e *Error
		if !errors.As(err, &e) || e.Line != tc.line || !strings.Contains(e.Error(), tc.want) {
			t.Errorf("%q %v: got %v, want an error at line %d about %q", tc.text, tc.env, err, tc.line, tc.want)
		}
	}
}

package desktop

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
)

func fakeEnv(vars map[string]string, installed ...string) Env {
	return Env{
		Getenv: func(name string) string { return vars[name] },
		LookPath: func(name string) (string, error) {
			for _, p := range installed {
				if p == name {
					return "/usr/bin/" + name, nil
				}
			}
			return "", errors.New("not found")
		},
	}
}

func TestEditorCommand(t *testing.T) {
	for _, tc := range []struct {
		env       map[string]string
		installed []string
		want      string
	}{
		{map[string]string{"VISUAL": "code --wait", "EDITOR": "vi"}, nil, "code --wait"},
		{map[string]string{"EDITOR": "nano -w"}, nil, "nano -w"},
		{nil, []string{"vi", "nano"}, "nano"},
		{nil, []string{"vi"}, "vi"},
		{nil, nil, ""},
	} {
		if got := strings.Join(fakeEnv(tc.env, tc.installed...).EditorCommand(), " "); got != tc.want {
			t.Errorf("%v with %v installed: got %q, want %q", tc.env, tc.installed, got, tc.want)
		}
	}
}

func TestCopyOSC52(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{nil, "\x1b]52;c;aGVsbG8=\a"},
		{map[string]string{"TMUX": "/tmp/tmux-0/default,1,0"}, "\x1b]52;c;aGVsbG8=\a"},
		{map[string]string{"STY": "1234.pts-0"}, "\x1bP\x1b]52;c;aGVsbG8=\a\x1b\\"},
	} {
		var tty bytes.Buffer
		if err := fakeEnv(tc.env).CopyOSC52("hello", &tty); err != nil || tty.String() != tc.want {
			t.Errorf("%v: wrote %q (%v), want %q", tc.env, tty.String(), err, tc.want)
		}
	}
}

func TestProblemsSayWhatToDo(t *testing.T) {
	e := fakeEnv(nil)
	for name, err := range map[string]error{
		"no editor": e.Edit("draft.txt", nil, nil),
		"no opener": e.Open("mailto:a@example.org"),
	} {
		var p *Problem
		if !errors.As(err, &p) || p.Hint == "" {
			t.Errorf("%s: got %v, want a problem with a hint", name, err)
		}
	}
}

package desktop

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
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
		{map[string]string{"VISUAL": "code --wait", "EDITOR": "vi"}, nil, `sh -c code --wait "$@" code --wait`},
		{map[string]string{"EDITOR": "nano -w"}, nil, `sh -c nano -w "$@" nano -w`},
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

// An editor is run through the shell, as git runs it: a quoted path with
// spaces, and arguments, work.
func TestEditThroughTheShell(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("sh")
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "my editor")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho \"$1 $2\" > \"$3\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "draft with spaces.txt")
	env := fakeEnv(map[string]string{"EDITOR": `'` + script + `' --wait "two words"`})
	if err := env.Edit(file, nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(file); string(got) != "--wait two words\n" {
		t.Errorf("the editor wrote %q, want its arguments", got)
	}
	env = fakeEnv(map[string]string{"EDITOR": "false"})
	if err := env.Edit(file, nil, io.Discard); err == nil || err.Error() != "editing with false: exit status 1" {
		t.Errorf("got %v, want the editor named as set", err)
	}
}

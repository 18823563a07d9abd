package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/decline-cli/decline/internal/cli"
	"github.com/decline-cli/decline/internal/iostreams"
	"github.com/decline-cli/decline/templates"
)

// TestReadmeExamples runs every "$ decline ..." example of README.md, in
// testdata/readme where the files they name are, and compares what it
// prints (stdout, then stderr) with what README shows.
func TestReadmeExamples(t *testing.T) {
	t.Chdir("../../testdata/readme")
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := regexp.MustCompile("(?s)```console\n\\$ decline ([^\n]*)\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(examples) == 0 {
		t.Fatal("README.md has no examples")
	}
	for _, ex := range examples {
		ios, _, out, errOut := iostreams.Test()
		env := &cli.Env{IO: ios, Now: time.Now, Random: func() uint64 { return 0 }, Templates: templates.FS,
			Getenv: func(string) string { return "" }, StateDir: t.TempDir()}
		code := cli.Run(env, shellWords(ex[1]))
		if got := out.String() + errOut.String(); got != ex[2] {
			t.Errorf("decline %s: README shows\n%s\nbut it prints\n%s", ex[1], ex[2], got)
		}
		if strings.Contains(ex[2], "decline: error:") && code == 0 {
			t.Errorf("decline %s: exit status 0, but README shows it failing", ex[1])
		}
	}
}

// shellWords splits a command line as a shell would, for the simple
// quoting README's examples use: words, and "double-quoted" strings.
func shellWords(line string) []string {
	var words []string
	for _, w := range regexp.MustCompile(`"[^"]*"|\S+`).FindAllString(line, -1) {
		words = append(words, strings.Trim(w, `"`))
	}
	return words
}

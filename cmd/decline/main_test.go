package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/decline-cli/decline/internal/cli"
	"github.com/decline-cli/decline/internal/golden"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"decline": func() { os.Exit(cli.Main()) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: decline as a
// user runs it, its stdout, stderr and exit status. With -update, a failing
// cmp against a file of the script rewrites that file.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "../../testdata/script",
		UpdateScripts: golden.Update(),
		Setup: func(env *testscript.Env) error {
			// Settings and kept drafts stay in the script's own directory.
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/config")
			env.Setenv("XDG_STATE_HOME", env.WorkDir+"/state")
			// A PATH with decline alone, for runs without the usual tools.
			bin, err := exec.LookPath("decline")
			if err != nil {
				return err
			}
			env.Setenv("DECLINE_BIN", filepath.Dir(bin))
			// A display number of the script's own, for Xvfb.
			env.Setenv("XVFB_DISPLAY", strconv.Itoa(90+os.Getpid()%400))
			// Hostile values a script cannot spell: line breaks and
			// control characters.
			for name, value := range map[string]string{
				"LF_BCC":    "Acme\nBcc: evil@example.net",
				"CRLF_BCC":  "Acme\r\nBcc: evil@example.net",
				"CR_BCC":    "Acme\rBcc: evil@example.net",
				"FOLD_BCC":  "SRE\n Bcc: evil@example.net",
				"BODY":      "Acme\n\nbody",
				"ADDR_BCC":  "a@example.org\r\nBcc: evil@example.net",
				"OSC52":     "Acme\x1b]52;c;ZXZpbA==\a",
				"CSI":       "\x1b[2J\x1b[HAcme",
				"C1_CSI":    "Acme\u009b31m",
				"RLO":       "Sam\u202e Lee",
				"ZWSP":      "Ac\u200bme",
				"LSEP":      "Acme\u2028Bcc: evil@example.net",
				"NEL":       "Acme\u0085Bcc: evil@example.net",
				"BAD_UTF8":  "Acme\xff",
				"LONG":      strings.Repeat("x", 2000),
				"LONG_WIDE": strings.Repeat("株", 2000),
				// 20 words of Japanese, each percent-encoded nine times over
			} {
				env.Setenv(name, value)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exits STATUS PROGRAM [ARGS...] runs a program, as exec does,
			// and checks its exact exit status.
			// waitfor FILE waits, up to ten seconds, for a file to appear,
			// such as the socket of a server started in the background.
			"waitfor": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: waitfor FILE")
				}
				for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
					if _, err := os.Stat(ts.MkAbs(args[0])); err == nil {
						return
					}
				}
				ts.Fatalf("%s did not appear", args[0])
			},
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits STATUS PROGRAM [ARGS...]")
				}
				err := ts.Exec(args[1], args[2:]...)
				status := 0
				var exit *exec.ExitError
				if errors.As(err, &exit) {
					status = exit.ExitCode()
				} else if err != nil {
					ts.Fatalf("%v", err)
				}
				if strconv.Itoa(status) != args[0] {
					ts.Fatalf("got exit status %d, want %s", status, args[0])
				}
			},
		},
	})
}

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// pane is a tmux session of its own, running one shell command in a real
// terminal, for end-to-end tests of the form.
type pane struct {
	t      *testing.T
	socket string
	dir    string
}

// newPane starts command in a new tmux server, in dir, in a terminal of
// 100×50; the server ends with the test. decline is on PATH:
// testscript.Main put it there.
func newPane(t *testing.T, dir, command string) *pane {
	t.Helper()
	return newPaneSized(t, dir, 100, 50, command)
}

// newPaneSized is newPane in a terminal of width×height.
func newPaneSized(t *testing.T, dir string, width, height int, command string) *pane {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (Debian package tmux; CI installs it)")
	}
	p := &pane{t: t, socket: fmt.Sprintf("decline-test-%d-%d", os.Getpid(), time.Now().UnixNano()), dir: dir}
	// set-clipboard lets programs in the pane set tmux's buffer with OSC 52.
	conf := filepath.Join(dir, "tmux.conf")
	if err := os.WriteFile(conf, []byte("set-option -g set-clipboard on\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.tmux("-f", conf, "new-session", "-d", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), "-c", dir,
		// A user's terminal: not CI, where termenv draws no colours.
		"env -u CI XDG_CONFIG_HOME="+dir+"/config XDG_STATE_HOME="+dir+"/state TERM=xterm-256color "+command+"; echo $? > status; sleep 600")
	t.Cleanup(func() { exec.Command("tmux", "-L", p.socket, "kill-server").Run() })
	return p
}

func (p *pane) tmux(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", p.socket}, args...)...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// screen returns what the pane shows.
func (p *pane) screen() string { return p.tmux("capture-pane", "-p") }

// waitFor waits until the pane shows text, and returns the screen.
func (p *pane) waitFor(text string) string {
	p.t.Helper()
	var screen string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if screen = p.screen(); strings.Contains(screen, text) {
			return screen
		}
	}
	p.t.Fatalf("the pane never showed %q; it shows:\n%s", text, screen)
	return ""
}

// keys types keys into the pane, as tmux send-keys names them, once the
// field titled title has the focus (huh marks it with a bar): keys sent
// sooner could land in the field before.
func (p *pane) keys(title string, keys ...string) {
	p.t.Helper()
	p.waitFor("┃ " + title)
	p.tmux(append([]string{"send-keys"}, keys...)...)
}

// toReview answers the last question, the name, declines to save it, and
// returns the review's screen once its menu shows.
func (p *pane) toReview(name string) string {
	p.t.Helper()
	p.keys("Your name", name, "Enter")
	p.keys("Save your name for next time?", "n")
	return p.waitFor("[q] quit")
}

// status waits for the command to end and returns its exit status.
func (p *pane) status() string {
	p.t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(filepath.Join(p.dir, "status")); err == nil && strings.HasSuffix(string(b), "\n") {
			return strings.TrimSpace(string(b))
		}
	}
	p.t.Fatalf("the command never ended; the pane shows:\n%s", p.screen())
	return ""
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// flagged returns the draft decline prints for flags, without a form.
func flagged(t *testing.T, dir string, flags ...string) string {
	t.Helper()
	cmd := exec.Command("decline", append(flags, "--no-input")...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir+"/config", "XDG_STATE_HOME="+dir+"/flagged")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("decline %s: %v", strings.Join(flags, " "), err)
	}
	return string(out)
}

// In a real terminal, with stdout redirected to a file: the form is drawn
// on the terminal, asks only what the flags did not give, and the file
// holds exactly the draft.
func TestTerminalFormToFile(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "decline --name 'Sam Lee' > out.txt")
	p.keys("What are you declining?", "Enter")
	p.keys("Company", "Acme Corp", "Enter")
	p.keys("Role", "Data Engineer", "Enter")
	p.keys("Contact", "Ms. Rivera", "Enter")
	p.keys("Interview date", "2099-12-03", "Enter")
	form := p.waitFor("Why are you declining?")
	p.keys("Why are you declining?", "Enter") // the first: accepted-offer
	p.keys("Tone", "Down", "Enter")           // warm
	p.keys("Keep the door open", "Enter")
	if got := p.status(); got != "0" {
		t.Fatalf("exit status %s; the pane shows:\n%s", got, p.screen())
	}
	want := flagged(t, dir, "--company", "Acme Corp", "--role", "Data Engineer", "--contact", "Ms. Rivera",
		"--interview-date", "2099-12-03", "--reason", "accepted-offer", "--tone", "warm", "--name", "Sam Lee")
	if got := readFile(t, filepath.Join(dir, "out.txt")); got != want {
		t.Errorf("out.txt holds\n%s\nwant exactly the draft\n%s", got, want)
	}
	if strings.Contains(form, "Your name") || !strings.Contains(form, "accepted-offer") || !strings.Contains(form, "shift+tab back") {
		t.Errorf("the form asked for the name given by flag, or showed no reasons or keys:\n%s", form)
	}
}

// Ctrl-C at any point: exit 130, nothing on stdout, and the answers so far
// are kept for --retry.
func TestTerminalCtrlC(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "decline > out.txt 2> err.txt")
	p.keys("What are you declining?", "Enter")
	p.keys("Company", "Acme", "Enter")
	p.keys("Role", "C-c")
	if got := p.status(); got != "130" {
		t.Fatalf("exit status %s, want 130", got)
	}
	if out := readFile(t, filepath.Join(dir, "out.txt")); out != "" {
		t.Errorf("stdout got %q, want nothing", out)
	}
	if got := readFile(t, filepath.Join(dir, "err.txt")); !strings.Contains(got, "decline: error: interrupted") || !strings.Contains(got, "decline --retry") {
		t.Errorf("stderr got %q, want it to say it was interrupted and how to retry", got)
	}
	if answers := readFile(t, filepath.Join(dir, "state", "decline", "unfinished-answers.json")); !strings.Contains(answers, `"company": "Acme"`) {
		t.Errorf("the answers so far were not kept:\n%s", answers)
	}
}

// SIGTERM ends the form without completing it: no draft with empty
// fields, and the status of an interrupted run.
func TestTerminalSIGTERM(t *testing.T) {
	if _, err := exec.LookPath("pgrep"); err != nil {
		t.Skip("pgrep is not installed (Debian package procps; CI installs it)")
	}
	dir := t.TempDir()
	p := newPane(t, dir, "decline > out.txt")
	p.keys("What are you declining?", "Enter")
	p.keys("Company", "Acme")
	shell := strings.TrimSpace(p.tmux("display-message", "-p", "#{pane_pid}"))
	pid, err := exec.Command("pgrep", "-P", shell, "decline").Output()
	if err != nil {
		t.Fatalf("finding decline under the shell %s: %v", shell, err)
	}
	if err := exec.Command("kill", "-TERM", strings.TrimSpace(string(pid))).Run(); err != nil {
		t.Fatal(err)
	}
	if got := p.status(); got != "130" {
		t.Errorf("exit status %s, want 130", got)
	}
	if out := readFile(t, filepath.Join(dir, "out.txt")); out != "" {
		t.Errorf("stdout got %q, want nothing", out)
	}
}

// With stdout a terminal, the draft is shown for review, with the menu
// under it; q quits and says where the draft is kept.
func TestTerminalReview(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "decline --company Acme --role SRE --contact Jo --interview-date 2099-12-03 --reason timing --tone brief --keep-in-touch")
	p.keys("What are you declining?", "Enter")
	screen := p.toReview("Sam")
	if !strings.Contains(screen, "Declining the SRE interview at Acme") || !strings.Contains(screen, "> [c] copy") {
		t.Errorf("the review does not show the draft and the choices:\n%s", screen)
	}
	p.tmux("send-keys", "q")
	if got := p.status(); got != "0" {
		t.Fatalf("exit status %s", got)
	}
	if screen := p.screen(); !strings.Contains(strings.ReplaceAll(screen, "\n", ""), "the draft is kept in "+dir+"/state/decline/last-draft.txt") {
		t.Errorf("quitting does not say where the draft is kept:\n%s", screen)
	}
}

// A copy that fails (here, no display) is told in the review, which
// stays, so that the user can choose another way: p prints the draft.
func TestTerminalReviewAfterAFailedCopy(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "env -u DISPLAY -u WAYLAND_DISPLAY decline --kind interview --company Acme --role SRE --contact Jo --reason timing --tone brief --interview-date 2099-12-03 --keep-in-touch")
	p.toReview("Sam")
	p.tmux("send-keys", "c")
	screen := p.waitFor("no display to hold a clipboard")
	if !strings.Contains(screen, "[q] quit") {
		t.Errorf("the menu is gone after the failed copy:\n%s", screen)
	}
	p.tmux("send-keys", "p")
	if got := p.status(); got != "0" {
		t.Fatalf("exit status %s; the pane shows:\n%s", got, p.screen())
	}
	if screen := p.screen(); !strings.Contains(screen, "Subject: Declining the SRE interview at Acme") {
		t.Errorf("p did not print the draft:\n%s", screen)
	}
}

// In a small terminal the reason list scrolls to its cursor; in a middling
// one a page shows all its fields.
func TestTerminalLayout(t *testing.T) {
	dir := t.TempDir()
	p := newPaneSized(t, dir, 50, 15, "decline --kind interview --company Hooli --role PM --contact Jo --interview-date 2099-12-03 > out.txt")
	p.keys("Why are you declining?", "End")
	if screen := p.waitFor("> own: in my own words"); !strings.Contains(screen, "Why are you declining?") {
		t.Errorf("the list's title scrolled away:\n%s", screen)
	}
	p.tmux("send-keys", "C-c")

	dir = t.TempDir()
	p = newPaneSized(t, dir, 100, 30, "decline --company Hooli --role PM --reason timing > out.txt")
	p.keys("What are you declining?", "Enter")
	p.keys("Contact", "Enter")
	p.keys("Interview date", "Enter")
	if screen := p.waitFor("┃ Tone"); !strings.Contains(screen, "Your name") || !strings.Contains(screen, "Keep the door open") {
		t.Errorf("the page lost a field at 100×30:\n%s", screen)
	}
}

// After the first run that asks for the name, decline offers once to save
// it in the config file.
func TestTerminalOffersToSaveTheName(t *testing.T) {
	// A short directory: the form shows the config file's whole path, and
	// t.TempDir's are longer than a user's ~/.config.
	dir, err := os.MkdirTemp("", "d")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	p := newPane(t, dir, "decline --kind interview --company Acme --role SRE --contact Jo --reason timing --tone brief --interview-date 2099-12-03 --keep-in-touch > out.txt 2> err.txt")
	p.keys("Your name", "Sam Lee", "Enter")
	screen := p.waitFor("Save your name for next time?")
	if !strings.Contains(screen, dir+"/config/decline/config.toml") {
		t.Errorf("the offer does not show the file:\n%s", screen)
	}
	p.tmux("send-keys", "y")
	if got := p.status(); got != "0" {
		t.Fatalf("exit status %s; the pane shows:\n%s", got, p.screen())
	}
	if got, want := readFile(t, filepath.Join(dir, "config", "decline", "config.toml")), "name = 'Sam Lee'\n"; got != want {
		t.Errorf("the config file holds %q, want %q", got, want)
	}
	// The next run knows the name, and asks nothing.
	if out := flagged(t, dir, "--company", "Acme", "--role", "SRE"); !strings.Contains(out, "Sam Lee") {
		t.Errorf("the next run does not sign with the saved name:\n%s", out)
	}
}

// --retry, with a stopped run and a finished one kept, asks which to
// start from; the finished one is never overwritten by the stopped one.
func TestTerminalRetryOffersBoth(t *testing.T) {
	dir := t.TempDir()
	// --edit keeps the run: the editor here leaves the draft as it is.
	p := newPane(t, dir, "EDITOR=true sh -c 'decline --kind offer --company Acme --role SRE --name Sam --reason timing --tone brief --edit > /dev/null; decline --kind interview 2>/dev/null; decline --retry > out.txt'")
	p.keys("Company", "Initech", "Enter")
	p.keys("Role", "C-c")
	screen := p.waitFor("Start again from")
	if !strings.Contains(screen, "the run you stopped: interview, Initech") || !strings.Contains(screen, "your last letter: offer, Acme, SRE") {
		t.Errorf("--retry does not offer both runs:\n%s", screen)
	}
	p.tmux("send-keys", "Down", "Enter")
	// The form starts again from the last letter's answers.
	p.waitFor("> offer")
	p.tmux("send-keys", "Enter")
	p.waitFor("> Acme")
	p.tmux("send-keys", "C-c")
	if got := p.status(); got != "130" {
		t.Fatalf("exit status %s; the pane shows:\n%s", got, p.screen())
	}
	if run := readFile(t, filepath.Join(dir, "state", "decline", "last-run.json")); !strings.Contains(run, `"company": "Acme"`) {
		t.Errorf("the finished run was overwritten:\n%s", run)
	}
}

// --copy --osc52 asks the terminal to copy: here tmux, which keeps it in
// its buffer.
func TestTerminalOSC52(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "decline --company Acme --role SRE --name Sam --copy --osc52 --format subject > out.txt")
	if got := p.status(); got != "0" {
		t.Fatalf("exit status %s; the pane shows:\n%s", got, p.screen())
	}
	if got, want := p.tmux("show-buffer"), "Declining the interview for the SRE position at Acme\n"; got != want {
		t.Errorf("tmux's buffer holds %q, want %q", got, want)
	}
	if out := readFile(t, filepath.Join(dir, "out.txt")); out != "" {
		t.Errorf("stdout got %q, want nothing", out)
	}
}

// Colours where a terminal is, and none with NO_COLOR, where the option
// chosen is still marked.
func TestTerminalNoColor(t *testing.T) {
	for _, tc := range []struct {
		env     string
		colours bool
	}{{"", true}, {"NO_COLOR=1", false}} {
		dir := t.TempDir()
		p := newPane(t, dir, "env "+tc.env+" decline > out.txt")
		p.waitFor("What are you declining?")
		screen := p.tmux("capture-pane", "-p", "-e")
		if got := strings.Contains(screen, "\x1b[38;"); got != tc.colours {
			t.Errorf("%q: colours %v, want %v:\n%q", tc.env, got, tc.colours, screen)
		}
		if !strings.Contains(p.screen(), "> interview") {
			t.Errorf("%q: the option chosen is not marked:\n%s", tc.env, p.screen())
		}
	}
}

// On a dumb terminal, huh would switch to its accessible mode by itself;
// decline does too, with its own line-by-line questions.
func TestTerminalDumb(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "env TERM=dumb decline --role SRE --name Sam --reason timing --tone brief --contact Jo --interview-date 2099-12-03 --keep-in-touch > out.txt")
	// Line by line, answers are read in turn: no need to wait for focus.
	p.waitFor("What are you declining?")
	p.tmux("send-keys", "Enter")
	p.waitFor("Company")
	p.tmux("send-keys", "Acme", "Enter")
	if got := p.status(); got != "0" {
		t.Fatalf("exit status %s; the pane shows:\n%s", got, p.screen())
	}
	if out := readFile(t, filepath.Join(dir, "out.txt")); !strings.HasPrefix(out, "Subject: Declining the SRE interview at Acme\n") {
		t.Errorf("stdout got %q", out)
	}
}

// --no-input never asks, even in a terminal.
func TestTerminalNoInput(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "decline --no-input --company Acme 2> err.txt")
	if got := p.status(); got != "2" {
		t.Fatalf("exit status %s, want 2; the pane shows:\n%s", got, p.screen())
	}
	if got := readFile(t, filepath.Join(dir, "err.txt")); !strings.Contains(got, "missing --role and --name") {
		t.Errorf("stderr got %q, want the missing flags named", got)
	}
}

// A long batch shows its progress on stderr when that is a terminal.
func TestTerminalBatchProgress(t *testing.T) {
	dir := t.TempDir()
	var rows strings.Builder
	rows.WriteString("company,role,to\n")
	for i := range 3000 {
		fmt.Fprintf(&rows, "Company %d,Engineer,hiring%d@example.org\n", i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(rows.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newPane(t, dir, "decline batch rows.csv --name Sam --out - > out.mbox")
	if got := p.status(); got != "0" {
		t.Fatalf("exit status %s; the pane shows:\n%s", got, p.screen())
	}
	screen := p.screen()
	if !regexp.MustCompile(`decline: \d+ letters`).MatchString(screen) || !strings.Contains(screen, "decline: 3000 of 3000 letters written") {
		t.Errorf("the pane shows no progress and summary:\n%s", screen)
	}
}

// Ctrl-C at the review step: exit 130, and the message says where the
// draft is kept.
func TestTerminalCtrlCAtReview(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "decline --company Acme --role SRE --contact Jo --interview-date 2099-12-03 --reason timing --tone brief --keep-in-touch 2> err.txt")
	p.keys("What are you declining?", "Enter")
	p.toReview("Sam")
	p.tmux("send-keys", "C-c")
	if got := p.status(); got != "130" {
		t.Fatalf("exit status %s, want 130", got)
	}
	if got := readFile(t, filepath.Join(dir, "err.txt")); !strings.Contains(got, "the draft is kept in "+dir+"/state/decline/last-draft.txt") {
		t.Errorf("stderr got %q, want it to say where the draft is kept", got)
	}
}

// Answers piped into decline in a terminal: the hint says why nothing was
// asked, not to run decline in a terminal.
func TestTerminalPipedStdin(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "printf 'Acme\\n' | decline --company Acme > out.txt")
	if got := p.status(); got != "2" {
		t.Fatalf("exit status %s, want 2; the pane shows:\n%s", got, p.screen())
	}
	got := strings.ReplaceAll(p.screen(), "\n", "")
	if !strings.Contains(got, "stdin is not a terminal") || !strings.Contains(got, "--accessible") || strings.Contains(got, "run decline in a terminal") {
		t.Errorf("stderr got %q, want the hint for piped answers", got)
	}
}

// Under a terminal that answers nothing (script, with no one at it),
// decline --version writes its version alone: no query of the terminal's
// colours, which bubbletea v1 sent at start and then waited on.
func TestTerminalVersionAsksTheTerminalNothing(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script is not installed (Debian package bsdutils)")
	}
	path, err := exec.LookPath("decline")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("script", "-qc", path+" --version", "/dev/null")
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("script: %v\n%q", err, out)
	}
	if text := string(out); strings.Contains(text, "\x1b") || !strings.HasPrefix(text, "decline ") {
		t.Errorf("the terminal got %q, want the version alone", text)
	}
}

// Changing an answer after an edit asks before the edit is dropped; the
// check's findings in the edit show above the menu.
func TestTerminalChangeAfterAnEditAsks(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "EDITOR='sed -i s/Best,/Cheers,/' decline --kind interview --company Acme --role SRE --contact Jo --reason timing --tone brief --interview-date 2099-12-03 --keep-in-touch")
	p.toReview("Sam")
	p.tmux("send-keys", "e")
	p.waitFor("Cheers,")
	p.tmux("send-keys", "a")
	p.waitFor("drop your edit?")
	p.tmux("send-keys", "Enter") // no: the edit stays
	if screen := p.waitFor("[q] quit"); !strings.Contains(screen, "Cheers,") {
		t.Errorf("the edit was dropped:\n%s", screen)
	}
	p.tmux("send-keys", "q")
	p.waitFor("Quit?")
	p.tmux("send-keys", "y")
	if got := p.status(); got != "0" {
		t.Fatalf("exit status %s; the pane shows:\n%s", got, p.screen())
	}
	if kept := readFile(t, filepath.Join(dir, "state", "decline", "last-draft.txt")); !strings.Contains(kept, "Cheers,") {
		t.Errorf("the kept draft is not the edited one:\n%s", kept)
	}
}

// "more options", the last of the first list, asks the letter's language;
// the kinds and tones then offered are that language's.
func TestTerminalMoreOptionsLanguage(t *testing.T) {
	dir := t.TempDir()
	p := newPane(t, dir, "decline --company Acme --role SRE --contact '' --interview-date '' --reason timing --keep-in-touch > out.txt")
	p.keys("What are you declining?", "End", "Enter")
	p.keys("Language of the letter", "j", "a", "Enter")
	screen := p.waitFor("┃ What are you declining?")
	if strings.Contains(screen, "withdraw") || !strings.Contains(screen, "offer") {
		t.Errorf("the kinds offered are not Japanese letters':\n%s", screen)
	}
	p.tmux("send-keys", "Enter")
	screen = p.waitFor("┃ Tone")
	if strings.Contains(screen, "warm") {
		t.Errorf("a tone Japanese letters lack is offered:\n%s", screen)
	}
	p.tmux("send-keys", "Enter")
	p.keys("Your name", "Sam", "Enter")
	p.keys("Save your name for next time?", "n")
	if got := p.status(); got != "0" {
		t.Fatalf("exit status %s; the pane shows:\n%s", got, p.screen())
	}
	if out := readFile(t, filepath.Join(dir, "out.txt")); !strings.Contains(out, "面接辞退のご連絡") {
		t.Errorf("the letter is not in Japanese:\n%s", out)
	}
}

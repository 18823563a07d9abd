// Package desktop hands a draft to the rest of the user's desktop: the
// clipboard, a text editor, and the mail client. Every failure says what
// to install or set.
package desktop

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/atotto/clipboard"
	"github.com/aymanbagabas/go-osc52/v2"

	"github.com/decline-cli/decline/internal/input"
)

// A Problem is a failure with what to do about it.
type Problem struct {
	Err  error
	Hint string
}

func (p *Problem) Error() string { return p.Err.Error() }
func (p *Problem) Unwrap() error { return p.Err }

// Env is what the desktop functions read of the environment.
type Env struct {
	Getenv   func(string) string
	LookPath func(string) (string, error)
}

// System is the process's environment.
var System = Env{Getenv: os.Getenv, LookPath: exec.LookPath}

// Copy puts text on the clipboard: with command when it is set (the
// config file's clipboard_command, such as "wl-copy"), else with
// atotto/clipboard, which runs xclip, xsel or wl-copy on Linux.
func (e Env) Copy(text, command string) error {
	if command != "" {
		if err := e.Shell(context.Background(), command, []byte(text), DefaultTimeout); err != nil {
			return &Problem{Err: fmt.Errorf("copying with the clipboard command %w", err), Hint: "check clipboard_command in the config file"}
		}
		return nil
	}
	if isX11Platform() {
		if e.Getenv("WAYLAND_DISPLAY") == "" && e.Getenv("DISPLAY") == "" {
			return &Problem{Err: errors.New("copying: there is no display to hold a clipboard (DISPLAY and WAYLAND_DISPLAY are not set)"),
				Hint: "run decline in your desktop session, or add --osc52 to copy through the terminal (as over SSH)"}
		}
		if clipboard.Unsupported {
			return &Problem{Err: errors.New("copying: no clipboard tool was found"),
				Hint: "install xclip or xsel (X11) or wl-clipboard (Wayland), or set clipboard_command in the config file"}
		}
	}
	if err := clipboard.WriteAll(text); err != nil {
		// atotto keeps the tool's own message to itself ("exit status 1"),
		// and the most common cause is a display the tool cannot reach.
		where := ""
		if isX11Platform() {
			where = fmt.Sprintf(", with DISPLAY=%q and WAYLAND_DISPLAY=%q", e.Getenv("DISPLAY"), e.Getenv("WAYLAND_DISPLAY"))
		}
		return &Problem{Err: fmt.Errorf("copying: the clipboard tool failed (%v)%s", err, where),
			Hint: "check that the display is running and reachable, add --osc52 over SSH, or set clipboard_command in the config file"}
	}
	return nil
}

func isX11Platform() bool {
	switch runtime.GOOS {
	case "darwin", "windows", "plan9", "js", "wasip1", "ios", "android":
		return false
	}
	return true
}

// CopyOSC52 asks the terminal, through an OSC 52 escape sequence written
// to tty, to put text on the clipboard of the machine it runs on: it works
// over SSH, but the terminal cannot say whether it did. GNU screen needs
// the sequence wrapped to pass it on; tmux takes it as it is when its
// set-clipboard option is on.
func (e Env) CopyOSC52(text string, tty io.Writer) error {
	seq := osc52.New(text)
	if e.Getenv("TMUX") == "" && e.Getenv("STY") != "" {
		seq = seq.Screen()
	}
	_, err := seq.WriteTo(tty)
	return err
}

// EditorCommand returns the command line of the user's editor, to which
// the file's path is added: $VISUAL, then $EDITOR, run through the shell
// as git runs them (sh -c '$EDITOR "$@"'), so that quoted paths with
// spaces and arguments work; else the first of editor, nano and vi that
// is installed.
func (e Env) EditorCommand() []string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if editor := strings.TrimSpace(e.Getenv(name)); editor != "" {
			if runtime.GOOS == "windows" {
				return strings.Fields(editor)
			}
			return []string{"sh", "-c", editor + ` "$@"`, editor}
		}
	}
	for _, name := range []string{"editor", "nano", "vi"} {
		if _, err := e.LookPath(name); err == nil {
			return []string{name}
		}
	}
	if runtime.GOOS == "windows" {
		return []string{"notepad"}
	}
	return nil
}

// editorName names the editor for messages: as the user set it.
func editorName(command []string) string {
	if len(command) == 4 && command[0] == "sh" && command[1] == "-c" {
		return command[3]
	}
	return strings.Join(command, " ")
}

// Edit opens path in the user's editor, attached to the terminal (in and
// out), and waits for it.
func (e Env) Edit(path string, in io.Reader, out io.Writer) error {
	editor := e.EditorCommand()
	if editor == nil {
		return &Problem{Err: errors.New("editing: no editor was found"), Hint: "set EDITOR, such as EDITOR=nano"}
	}
	cmd := exec.Command(editor[0], append(editor[1:], path)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = in, out, out
	if err := cmd.Run(); err != nil {
		return &Problem{Err: fmt.Errorf("editing with %s: %w", editorName(editor), err), Hint: "check VISUAL or EDITOR"}
	}
	return nil
}

// Open opens url (a mailto: link) with the system's opener: xdg-open,
// open on macOS, or the URL handler on Windows.
func (e Env) Open(url string) error {
	var name string
	var args []string
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name, args = "rundll32", []string{"url.dll,FileProtocolHandler"}
	default:
		name = "xdg-open"
	}
	if _, err := e.LookPath(name); err != nil {
		return &Problem{Err: fmt.Errorf("opening the mail client: %s was not found", name), Hint: "install xdg-utils, which provides xdg-open"}
	}
	cmd := exec.Command(name, append(args, url)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := run(cmd); err != nil {
		return &Problem{Err: fmt.Errorf("opening the mail client with %s: %v%s", name, err, detail(stderr.String())),
			Hint: "check that a mail client handles mailto: links, or copy the draft with --copy"}
	}
	return nil
}

// DefaultTimeout is how long a command decline runs (a clipboard
// command, a --pipe command) may take unless told otherwise: long enough
// for any mail program on a slow link, short enough that a hung one does
// not hold the user's letter forever.
const DefaultTimeout = 60 * time.Second

// Shell runs a command line through the system's shell (sh, or cmd on
// Windows) with input on its stdin, for at most timeout (no limit when
// zero), until ctx is done: then it and every process it started are
// killed. Its error quotes the command and the first line it printed.
func (e Env) Shell(ctx context.Context, command string, stdin []byte, timeout time.Duration) error {
	shell, flag := "sh", "-c"
	if runtime.GOOS == "windows" {
		shell, flag = "cmd", "/c"
	}
	// The command runs in a process group of its own, which the
	// terminal's Ctrl-C does not reach: a signal to decline stops it.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	cancel := context.CancelFunc(func() {})
	if timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	cmd := exec.CommandContext(ctx, shell, flag, command)
	ownGroup(cmd)
	cmd.Stdin = bytes.NewReader(stdin)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	err := run(cmd)
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("%s: still running after %s, and stopped%s", input.Quote(command), timeout, detail(output.String()))
	case ctx.Err() != nil:
		cause := context.Cause(ctx)
		if errors.Is(cause, context.Canceled) {
			cause = errors.New("stopped by a signal")
		}
		return fmt.Errorf("%s: stopped: %w", input.Quote(command), cause)
	}
	if err != nil {
		return fmt.Errorf("%s: %v%s", input.Quote(command), err, detail(output.String()))
	}
	return nil
}

// lingering is how long to wait, once a program has exited, for its
// children to close the output they share with it.
const lingering = 500 * time.Millisecond

// run runs cmd and waits for it, but not for the children it leaves
// running with its output: xclip stays to serve the selection, and
// xdg-open may start the mail client. Their output is not waited for.
func run(cmd *exec.Cmd) error {
	cmd.WaitDelay = lingering
	err := cmd.Run()
	if errors.Is(err, exec.ErrWaitDelay) {
		return nil
	}
	return err
}

// detail returns the first line of a program's output, to quote.
func detail(output string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(output), "\n")
	if line == "" {
		return ""
	}
	return ": " + line
}

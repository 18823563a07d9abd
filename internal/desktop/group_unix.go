//go:build unix

package desktop

import (
	"os/exec"
	"syscall"
)

// ownGroup starts cmd in a process group of its own, and has it killed
// with the whole group: a shell's children (msmtp under sh -c) go too.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

//go:build !unix

package desktop

import "os/exec"

// ownGroup leaves cmd as it is: without process groups, cancelling kills
// the command alone.
func ownGroup(*exec.Cmd) {}

//go:build unix

package iostreams

import (
	"os"

	"golang.org/x/sys/unix"
)

// wasClosed reports whether f, a standard stream, was closed when the
// process started: Go's runtime then opens /dev/null in its place, read
// and write, where a shell's "> /dev/null" opens it write only. Output
// to a closed stdout is lost, and must fail rather than seem to work.
func wasClosed(f *os.File) bool {
	flags, err := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
	if err != nil || flags&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	info, err := f.Stat()
	null, nerr := os.Stat(os.DevNull)
	return err == nil && nerr == nil && os.SameFile(info, null)
}

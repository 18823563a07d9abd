//go:build unix

package state

import (
	"os"
	"syscall"
)

// lockFD takes an exclusive lock on f, waiting for it, released when f is
// closed or the process ends.
func lockFD(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			return err
		}
	}
}

//go:build unix

package state

import (
	"path/filepath"
	"syscall"
	"testing"
)

// A kept file that is not a regular file is refused, not read forever.
func TestStoreRefusesAFIFO(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	if err := syscall.Mkfifo(filepath.Join(s.Dir, runFile), 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if _, err := s.Run(); err == nil {
		t.Error("got no error reading a FIFO")
	}
}

//go:build !unix

package state

import "os"

// lockFD does nothing where there is no flock: each record is still
// written whole, by a rename.
func lockFD(*os.File) error { return nil }

//go:build !unix

package iostreams

import "os"

// wasClosed reports whether f was closed when the process started; only
// Unix can tell.
func wasClosed(*os.File) bool { return false }

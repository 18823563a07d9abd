// Package golden compares what tests produce with golden files kept in the
// repository's testdata directory, and rewrites those files when the tests
// run with -update:
//
//	go test ./... -update
//
// Every test package of the module imports it, so that the flag is known
// to each test binary that go test ./... starts.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files with what the tests produce")

// Update reports whether the tests were asked to rewrite golden files.
func Update() bool { return *update }

// Check compares got with the golden file at path, or, with -update,
// writes got there.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./... -update to write it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gotLines, wantLines := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gotLines), len(wantLines)); i++ {
		var g, w string
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if g != w {
			t.Errorf("%s:%d: got %q, want %q (if the change is intended, run go test ./... -update)", path, i+1, g, w)
			return
		}
	}
}

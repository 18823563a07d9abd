// Command decline-docs writes decline's man pages and shell completion
// scripts, made from its commands, for packages and releases:
//
//	go run ./cmd/decline-docs DIR
//
// writes DIR/man/decline*.1 and DIR/completions/decline.{bash,zsh,fish}.
// It is a program of its own so that decline does not carry the man page
// writer.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra/doc"

	"github.com/decline-cli/decline/internal/cli"
	"github.com/decline-cli/decline/internal/iostreams"
	"github.com/decline-cli/decline/templates"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: decline-docs DIR")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "decline-docs:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	root := cli.NewRootCmd(&cli.Env{IO: iostreams.System(), Templates: templates.FS, Getenv: os.Getenv})
	cli.Document(root)
	root.DisableAutoGenTag = true
	man := filepath.Join(dir, "man")
	if err := os.MkdirAll(man, 0o755); err != nil {
		return err
	}
	// cobra/doc dates the pages by SOURCE_DATE_EPOCH when it is set, as
	// reproducible builds do.
	header := &doc.GenManHeader{Title: "DECLINE", Section: "1", Source: "decline " + cli.Version(), Manual: "decline manual"}
	if err := doc.GenManTree(root, header, man); err != nil {
		return fmt.Errorf("writing man pages: %w", err)
	}
	completions := filepath.Join(dir, "completions")
	if err := os.MkdirAll(completions, 0o755); err != nil {
		return err
	}
	for file, gen := range map[string]func(string) error{
		"decline.bash": func(p string) error { return root.GenBashCompletionFileV2(p, true) },
		"decline.zsh":  root.GenZshCompletionFile,
		"decline.fish": func(p string) error { return root.GenFishCompletionFile(p, true) },
	} {
		if err := gen(filepath.Join(completions, file)); err != nil {
			return fmt.Errorf("writing %s: %w", file, err)
		}
	}
	return nil
}

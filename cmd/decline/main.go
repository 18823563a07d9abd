// Command decline drafts the email that politely declines a job interview.
package main

import (
	"os"

	"github.com/decline-cli/decline/internal/cli"
)

func main() { os.Exit(cli.Main()) }

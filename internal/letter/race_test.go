//go:build race

package letter

// race is whether the race detector is on: it makes the letter tests'
// regular expressions ten times slower, and proves nothing more about
// thousands of letters than about a sample of them.
const race = true

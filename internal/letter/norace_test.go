//go:build !race

package letter

// race is whether the race detector is on.
const race = false

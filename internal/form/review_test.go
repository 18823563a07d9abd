package form

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// review sends the review a terminal's size and keys, and returns it.
func review(r Review, width, height int, keys string) *reviewModel {
	m := &reviewModel{r: r}
	m.Update(tea.WindowSizeMsg{Width: width, Height: height})
	for _, k := range keyPresses(keys) {
		if m.choice != "" {
			break
		}
		m.Update(k)
	}
	return m
}

var letterText = "Subject: Declining the SRE interview at Acme\n\nDear Ms. Rivera,\n\n" +
	strings.Repeat("Thank you for your time and for the care you took with my application. ", 8) + "\n\nBest regards,\nSam Lee\n"

// The preview wraps at the terminal's width, never cutting a word, and the
// menu stays in sight however tall the letter is.
func TestReviewFitsTheTerminal(t *testing.T) {
	for _, size := range [][2]int{{50, 15}, {80, 24}, {200, 40}} {
		m := review(Review{Draft: letterText}, size[0], size[1], "")
		screen := ansi.Strip(m.View().Content)
		lines := strings.Split(screen, "\n")
		if len(lines) > size[1] {
			t.Errorf("%v: %d lines, more than the terminal's %d:\n%s", size, len(lines), size[1], screen)
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > min(size[0]-1, maxWidth) && !strings.Contains(l, "[") {
				t.Errorf("%v: a line of %d columns: %q", size, w, l)
			}
		}
		if !strings.Contains(screen, "Subject: Declining") || !strings.Contains(screen, "[q] quit") {
			t.Errorf("%v: the subject or the menu is out of sight:\n%s", size, screen)
		}
		if strings.Contains(screen, "applica\ntion") || strings.Contains(screen, "appl\n") {
			t.Errorf("%v: a word is cut:\n%s", size, screen)
		}
	}
}

// Letters choose; Enter takes the highlighted choice, which starts on
// copy and moves with the arrows; the highlighted choice is marked with
// ">", which shows without colour.
func TestReviewKeys(t *testing.T) {
	for keys, want := range map[string]Choice{"c": Copy, "o": Open, "e": Edit, "a": Change, "p": Print, "q": Quit, "<esc>": Quit,
		"<enter>": Copy, "<right><enter>": Open, "<left><enter>": Quit} {
		if got := review(Review{Draft: letterText}, 80, 24, keys).choice; got != want {
			t.Errorf("%s: got %q, want %q", keys, got, want)
		}
	}
	m := review(Review{Draft: letterText}, 80, 24, "<right>")
	if screen := ansi.Strip(m.View().Content); !strings.Contains(screen, "> [o] open in mail") {
		t.Errorf("the highlighted choice is not marked:\n%s", screen)
	}
}

// After an edit, quitting asks first; n stays, y quits.
func TestReviewAsksBeforeQuittingAnEdit(t *testing.T) {
	m := review(Review{Draft: letterText, Edited: true}, 80, 24, "q")
	if m.choice != "" || !strings.Contains(ansi.Strip(m.View().Content), "Quit?") {
		t.Fatalf("quitting an edited draft did not ask first")
	}
	if m := review(Review{Draft: letterText, Edited: true}, 80, 24, "qn"); m.choice != "" {
		t.Errorf("n quit, got %q", m.choice)
	}
	if m := review(Review{Draft: letterText, Edited: true}, 80, 24, "<esc>y"); m.choice != Quit {
		t.Errorf("y did not quit, got %q", m.choice)
	}
}

// Notes (such as the check's findings after an edit) and what became of
// the last choice show above the menu, in sight.
func TestReviewShowsNotesAndStatus(t *testing.T) {
	m := review(Review{Draft: letterText, Notes: []string{"the edited draft, line 3: tact: criticises"}, Status: "copying: no clipboard"}, 80, 24, "")
	screen := ansi.Strip(m.View().Content)
	for _, want := range []string{"line 3: tact", "copying: no clipboard", "[c] copy"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the review does not show %q:\n%s", want, screen)
		}
	}
}

// Line by line: a letter, a number or a label chooses; answers that end
// at the review print the draft, as a run that asks nothing does.
func TestChooseLine(t *testing.T) {
	for typed, want := range map[string]Choice{"c\n": Copy, "\n": Copy, "5\n": Print, "open in mail\n": Open, "x\nq\n": Quit, "": Print} {
		var out bytes.Buffer
		got, err := Choose(Terminal{In: strings.NewReader(typed), Out: &out, Accessible: true}, Review{Draft: letterText})
		if err != nil || got != want {
			t.Errorf("%q: got %q, %v; want %q", typed, got, err, want)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if len(line) > maxWidth && !strings.HasPrefix(line, "What now?") {
				t.Errorf("a line of %d columns: %q", len(line), line)
			}
		}
	}
}

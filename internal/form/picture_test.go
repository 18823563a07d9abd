package form

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"testing"

	"github.com/decline-cli/decline/internal/answers"
	"github.com/decline-cli/decline/internal/golden"
)

// TestPicture draws the form as a terminal shows it, in colour, and keeps
// it as the picture README shows: testdata/form.svg, rewritten with
// -update when the form changes.
func TestPicture(t *testing.T) {
	f := answers.Answers{Tone: "formal", KeepInTouch: true, Name: "Sam Lee"}
	d := drive(t, pages(Terminal{}, Questions{Fields: &f, Given: given("name")}))
	d.keys("company", "Acme Corp<enter>")
	d.keys("role", "Data Engineer<enter>")
	d.keys("contact", "Ms. Rivera<enter>")
	d.keys("interview_date", "2026-12-03<enter>")
	d.keys("reason", "<down><up>")
	d.until("the first reason", func() bool { return strings.Contains(d.view(), "> accepted-offer") })
	golden.Check(t, "testdata/form.svg", svg(d.form.View()))
}

// svg draws text with ANSI colours (SGR: 24-bit and 256 colours, bold) as
// an SVG picture of a dark terminal.
func svg(screen string) []byte {
	const charWidth, lineHeight, pad = 8.4, 19, 16
	lines := strings.Split(strings.TrimRight(screen, "\n "), "\n")
	width := 0
	for _, line := range lines {
		width = max(width, len([]rune(strings.TrimRight(stripSGR(line), " "))))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%d" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">`+"\n",
		float64(width)*charWidth+2*pad, len(lines)*lineHeight+2*pad)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" rx="8" fill="#1e1e2e"/>`+"\n")
	for i, line := range lines {
		fmt.Fprintf(&b, `<text x="%d" y="%d" xml:space="preserve" fill="#d8d8d8">`, pad, pad+(i+1)*lineHeight-5)
		fg, bold := "", false
		for _, r := range splitSGR(line) {
			if r.sgr != "" {
				fg, bold = applySGR(r.sgr, fg, bold)
				continue
			}
			attrs := ""
			if fg != "" {
				attrs += ` fill="` + fg + `"`
			}
			if bold {
				attrs += ` font-weight="bold"`
			}
			fmt.Fprintf(&b, "<tspan%s>%s</tspan>", attrs, html.EscapeString(r.text))
		}
		b.WriteString("</text>\n")
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

type sgrRun struct{ text, sgr string }

// splitSGR splits a line into text and SGR parameters ("38;2;1;2;3").
func splitSGR(line string) []sgrRun {
	var runs []sgrRun
	for line != "" {
		i := strings.Index(line, "\x1b[")
		if i < 0 {
			return append(runs, sgrRun{text: line})
		}
		if i > 0 {
			runs = append(runs, sgrRun{text: line[:i]})
		}
		end := strings.IndexByte(line[i:], 'm')
		if end < 0 {
			return runs
		}
		runs = append(runs, sgrRun{sgr: line[i+2 : i+end]})
		line = line[i+end+1:]
	}
	return runs
}

func stripSGR(line string) string {
	var b strings.Builder
	for _, r := range splitSGR(line) {
		b.WriteString(r.text)
	}
	return b.String()
}

func applySGR(sgr, fg string, bold bool) (string, bool) {
	p := strings.Split(sgr, ";")
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case "", "0":
			fg, bold = "", false
		case "1":
			bold = true
		case "22":
			bold = false
		case "39":
			fg = ""
		case "38":
			if i+4 < len(p) && p[i+1] == "2" {
				r, _ := strconv.Atoi(p[i+2])
				g, _ := strconv.Atoi(p[i+3])
				b, _ := strconv.Atoi(p[i+4])
				fg = fmt.Sprintf("#%02x%02x%02x", r, g, b)
				i += 4
			} else if i+2 < len(p) && p[i+1] == "5" {
				fg = xterm256(p[i+2])
				i += 2
			}
		case "48":
			if i+1 < len(p) && p[i+1] == "2" {
				i += 4
			} else {
				i += 2
			}
		}
	}
	return fg, bold
}

// xterm256 approximates a colour of the 256-colour palette.
func xterm256(code string) string {
	n, _ := strconv.Atoi(code)
	switch {
	case n < 16:
		return []string{"#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
			"#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"}[n]
	case n < 232:
		n -= 16
		level := func(v int) int { return []int{0, 95, 135, 175, 215, 255}[v] }
		return fmt.Sprintf("#%02x%02x%02x", level(n/36), level(n/6%6), level(n%6))
	}
	g := 8 + (n-232)*10
	return fmt.Sprintf("#%02x%02x%02x", g, g, g)
}

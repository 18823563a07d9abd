package form

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/decline-cli/decline/internal/answers"
)

// A Choice is what to do with a draft, chosen at the review step.
type Choice string

// The choices of the review step.
const (
	Copy   Choice = "copy"
	Open   Choice = "open"
	Edit   Choice = "edit"
	Change Choice = "change"
	Print  Choice = "print"
	Quit   Choice = "quit"
)

// menu is the review's choices, in order, with their keys: the first is
// where the cursor starts, as copying is what most people do next.
var menu = []struct {
	choice Choice
	key    string
	label  string
}{
	{Copy, "c", "copy"},
	{Open, "o", "open in mail"},
	{Edit, "e", "edit"},
	{Change, "a", "change an answer"},
	{Print, "p", "print"},
	{Quit, "q", "quit"},
}

// A Review is what the review step shows.
type Review struct {
	Draft  string   // the draft, as text: its subject first
	Notes  []string // what is worth knowing, such as the check's findings after an edit
	Status string   // what became of the last choice, such as a copy that failed
	Edited bool     // the draft holds the user's edit: quitting asks first
}

// maxWidth is the widest the draft is wrapped, as mail clients wrap
// plain text; a narrower terminal wraps it at its width.
const maxWidth = 78

// Choose shows r on t and asks what to do with the draft, until the user
// chooses.
func Choose(t Terminal, r Review) (Choice, error) {
	if t.Accessible {
		return chooseLine(t, r)
	}
	m, err := tea.NewProgram(&reviewModel{r: r}, tea.WithInput(t.In), tea.WithOutput(t.Out)).Run()
	if err != nil {
		return "", ErrInterrupted // as for the form: the run was stopped or failed
	}
	rm := m.(*reviewModel)
	if rm.choice == "" {
		return "", ErrInterrupted
	}
	return rm.choice, nil
}

// chooseLine asks line by line. When the answers end, the draft is
// printed, as it is when nothing asks: piped answers that stop at the
// review still give a letter.
func chooseLine(t Terminal, r Review) (Choice, error) {
	fmt.Fprintf(t.Out, "\n%s\n", ansi.Wrap(r.Draft, maxWidth, ""))
	for _, n := range append(r.Notes, r.Status) {
		if n != "" {
			fmt.Fprintln(t.Out, n)
		}
	}
	keys := make([]string, len(menu))
	for i, m := range menu {
		keys[i] = m.key + " " + m.label
	}
	for {
		fmt.Fprintf(t.Out, "What now? %s [c]: ", strings.Join(keys, ", "))
		line, err := readLine(t.In)
		if err != nil {
			fmt.Fprintln(t.Out)
			return Print, nil
		}
		c, ok := pick(strings.ToLower(strings.TrimSpace(line)))
		if !ok {
			fmt.Fprintln(t.Out, "Type one of the letters, or press Enter to copy.")
			continue
		}
		if c == Quit && r.Edited {
			fmt.Fprint(t.Out, "Quit? Your edit stays kept (decline --last prints it) (y/n) [n]: ")
			if line, err := readLine(t.In); err != nil || !strings.HasPrefix(strings.ToLower(strings.TrimSpace(line)), "y") {
				continue
			}
		}
		return c, nil
	}
}

// pick returns the choice of a key, a number or a label; "" is the first.
func pick(s string) (Choice, bool) {
	if s == "" {
		return menu[0].choice, true
	}
	for i, m := range menu {
		if s == m.key || s == fmt.Sprint(i+1) || s == m.label || s == string(m.choice) {
			return m.choice, true
		}
	}
	return "", false
}

// reviewModel draws the review in the whole terminal: the draft, wrapped
// at the terminal's width and scrolled when it is taller, and under it the
// notes and the menu, always in sight.
type reviewModel struct {
	r             Review
	width, height int
	lines         []string // the draft, wrapped
	top           int      // the first line shown
	cursor        int      // the menu's highlighted choice
	asking        bool     // whether quitting waits for a yes
	choice        Choice
}

func (m *reviewModel) Init() tea.Cmd { return nil }

func (m *reviewModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.lines = strings.Split(strings.TrimRight(ansi.Wrap(m.r.Draft, min(maxWidth, m.width-1), ""), "\n"), "\n")
		m.scroll(0)
	case tea.KeyPressMsg:
		return m, m.key(msg.String())
	}
	return m, nil
}

// key does what a key asks: a choice ends the program.
func (m *reviewModel) key(k string) tea.Cmd {
	if k == "ctrl+c" {
		m.choice = ""
		return tea.Quit
	}
	if m.asking {
		m.asking = false
		if k == "y" || k == "Y" {
			m.choice = Quit
			return tea.Quit
		}
		return nil
	}
	switch k {
	case "left", "shift+tab", "h":
		m.cursor = (m.cursor + len(menu) - 1) % len(menu)
	case "right", "tab", "l":
		m.cursor = (m.cursor + 1) % len(menu)
	case "up", "k":
		m.scroll(-1)
	case "down", "j":
		m.scroll(1)
	case "pgup", "b":
		m.scroll(-m.page())
	case "pgdown", "f", "space":
		m.scroll(m.page())
	case "home", "g":
		m.scroll(-len(m.lines))
	case "end", "G":
		m.scroll(len(m.lines))
	case "enter":
		return m.choose(menu[m.cursor].choice)
	case "esc":
		return m.choose(Quit)
	default:
		if c, ok := pick(k); ok && k != "" {
			return m.choose(c)
		}
	}
	return nil
}

func (m *reviewModel) choose(c Choice) tea.Cmd {
	if c == Quit && m.r.Edited {
		m.asking = true
		return nil
	}
	m.choice = c
	return tea.Quit
}

// footer returns the lines under the draft.
func (m *reviewModel) footer() []string {
	var out []string
	warn := lipgloss.NewStyle().Foreground(lipgloss.Color("214"))
	for _, n := range append(m.r.Notes, m.r.Status) {
		if n != "" {
			for _, l := range strings.Split(ansi.Wrap("! "+n, m.width-1, ""), "\n") {
				out = append(out, warn.Render(l))
			}
		}
	}
	if m.asking {
		return append(out, "Quit? Your edit stays kept (decline --last prints it). y quit · n stay")
	}
	// The menu, packed into lines; the highlighted choice is marked, so
	// that it shows without colour too.
	on := lipgloss.NewStyle().Bold(true).Reverse(true)
	var line string
	for i, item := range menu {
		label := "  [" + item.key + "] " + item.label
		if i == m.cursor {
			label = on.Render("> ["+item.key+"] "+item.label) + " "
		}
		if line != "" && ansi.StringWidth(line+label) > m.width-1 {
			out = append(out, line)
			line = ""
		}
		line += label
	}
	out = append(out, line)
	help := lipgloss.NewStyle().Faint(true)
	return append(out, help.Render(ansi.Truncate("←/→ move · enter choose · a letter chooses · ↑/↓ scroll · q quit", m.width-1, "…")))
}

// page is how many lines of the draft fit above the footer.
func (m *reviewModel) page() int {
	return max(m.height-len(m.footer())-2, 3)
}

func (m *reviewModel) scroll(by int) {
	m.top = max(min(m.top+by, len(m.lines)-m.page()), 0)
}

func (m *reviewModel) View() tea.View {
	if m.width == 0 || m.choice != "" {
		return tea.NewView("")
	}
	h := m.page()
	shown := m.lines[m.top:min(m.top+h, len(m.lines))]
	var b strings.Builder
	b.WriteString(strings.Join(shown, "\n"))
	b.WriteString(strings.Repeat("\n", h-len(shown)+1))
	switch {
	case m.top+h < len(m.lines):
		fmt.Fprintf(&b, "↓ %d more lines (↑/↓ scroll)\n", len(m.lines)-m.top-h)
	case m.top > 0:
		b.WriteString("↑ the top is above (↑ scrolls)\n")
	default:
		b.WriteString("\n")
	}
	b.WriteString(strings.Join(m.footer(), "\n"))
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

// Confirm asks a yes-or-no question, answered no unless the user says
// yes.
func Confirm(t Terminal, title, description string) (bool, error) {
	var yes bool
	err := run(t, []page{{questions: []question{{key: "confirm", title: title, description: description, yes: &yes}}}})
	return yes, err
}

// Pick asks which of labels the user means, and returns its index.
func Pick(t Terminal, title string, labels []string) (int, error) {
	options := make([]option, len(labels))
	for i, l := range labels {
		options[i] = option{l, strconv.Itoa(i)}
	}
	v := "0"
	err := run(t, []page{{questions: []question{{key: "pick", title: title, text: &v, options: options}}}})
	i, _ := strconv.Atoi(v)
	return i, err
}

// ChangeOne asks which answer to change and then asks it again, prefilled;
// changing the kind asks the reason again too, as the reasons are the
// kind's.
func ChangeOne(t Terminal, q Questions) error {
	all := func(string) bool { return false }
	every := Questions{Fields: q.Fields, Reasons: q.Reasons, Tones: q.Tones, Given: all, Preview: q.Preview, Now: q.Now}
	asked := []question{kindQuestion(q), languageQuestion(q)}
	for _, p := range pages(t, every) {
		asked = append(asked, p.questions...)
	}
	var keys, labels []string
	for _, a := range asked {
		if a.key == "reason_text" {
			continue // asked with the reason
		}
		keys, labels = append(keys, a.key), append(labels, a.title+": "+shown(a, q.Fields))
	}
	i, err := Pick(t, "Which answer do you want to change?", labels)
	if err != nil {
		return err
	}
	key := keys[i]
	again := map[string]bool{key: true}
	if key == "kind" || key == "reason" {
		again["reason"] = true
	}
	if key == "kind" || key == "lang" {
		again["tone"] = true // the tones are the kind's, in the language
	}
	if key == "lang" {
		if err := run(t, []page{{questions: []question{languageQuestion(q)}}}); err != nil {
			return err
		}
	}
	return Ask(t, Questions{Fields: q.Fields, Reasons: q.Reasons, Tones: q.Tones, Preview: q.Preview, Now: q.Now,
		Given: func(field string) bool {
			return field == "lang" || !again[field] && !(field == "reason_text" && again["reason"])
		}})
}

// shown is the current answer to q, as the change list shows it.
func shown(q question, f *answers.Answers) string {
	switch {
	case q.yes != nil && *q.yes:
		return "yes"
	case q.yes != nil:
		return "no"
	case q.key == "reason" && f.ReasonText != "":
		return fmt.Sprintf("%q", f.ReasonText)
	case *q.text == "":
		return "(none)"
	}
	return *q.text
}

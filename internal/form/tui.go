package form

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// newForm builds the huh form of pages, drawn on t.
func newForm(t Terminal, pages []page) *huh.Form {
	km := keyMap()
	groups := make([]*huh.Group, len(pages))
	for i, p := range pages {
		fields := make([]huh.Field, len(p.questions))
		for j, q := range p.questions {
			fields[j] = field(q, km)
		}
		groups[i] = huh.NewGroup(fields...).Title(p.title)
		if p.hide != nil {
			groups[i] = groups[i].WithHideFunc(p.hide)
		}
	}
	return huh.NewForm(groups...).WithInput(t.In).WithOutput(t.Out).WithShowHelp(true).
		WithKeyMap(km).WithTheme(theme(t.getenv("COLORFGBG")))
}

// field draws q with huh.
func field(q question, km *huh.KeyMap) huh.Field {
	switch {
	case q.yes != nil:
		return huh.NewConfirm().Key(q.key).Title(q.title).Description(q.description).
			Affirmative("Yes").Negative("No").Value(q.yes)
	case q.options != nil:
		options := make([]huh.Option[string], len(q.options))
		for i, o := range q.options {
			options[i] = huh.NewOption(o.label, o.value)
		}
		s := huh.NewSelect[string]().Key(q.key).Title(q.title).Description(q.description).Options(options...).Value(q.text)
		return &hooked{Field: s, update: typeToFilter, binds: []key.Binding{km.Select.GotoTop, km.Select.GotoBottom}}
	}
	in := huh.NewInput().Key(q.key).Title(q.title).Description(q.description).Value(q.text)
	if q.check != nil {
		in = in.Validate(q.check)
	}
	if q.words == 0 {
		return in
	}
	count := func(in *huh.Input) {
		in.Description(wordCount(in.GetValue().(string), q.words) + " · Enter when done")
	}
	count(in)
	return &hooked{Field: in, update: func(f huh.Field, msg tea.Msg) (huh.Model, tea.Cmd) {
		m, cmd := f.Update(msg)
		count(m.(*huh.Input))
		return m, cmd
	}}
}

// keyMap is huh's, for lists that filter as the user types: letters are
// the filter's, so moving is by the arrows, Home and End, which the help
// shows.
func keyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	s := &km.Select
	s.Up = key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up"))
	s.Down = key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down"))
	s.GotoTop = key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first"))
	s.GotoBottom = key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last"))
	s.Filter = key.NewBinding(key.WithKeys("/"), key.WithHelp("type", "to filter"))
	return km
}

// typeToFilter starts a list's filter with the first letter typed, which
// then goes into the filter: huh starts it only on "/".
func typeToFilter(f huh.Field, msg tea.Msg) (huh.Model, tea.Cmd) {
	s := f.(*huh.Select[string])
	if k, ok := msg.(tea.KeyPressMsg); ok && !s.GetFiltering() && k.Text != "" && k.Text != " " && k.Mod&(tea.ModCtrl|tea.ModAlt) == 0 {
		m, start := s.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
		m, cmd := m.(*huh.Select[string]).Update(msg)
		return m, tea.Batch(start, cmd)
	}
	return s.Update(msg)
}

// hooked is a huh field whose updates go through a function of ours, run
// on the form's goroutine (a DescriptionFunc runs on another, and would
// race with the typing), and whose help shows more keys.
type hooked struct {
	huh.Field
	update func(huh.Field, tea.Msg) (huh.Model, tea.Cmd)
	binds  []key.Binding
}

// Update passes msg through the hook.
func (h *hooked) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	m, cmd := h.update(h.Field, msg)
	h.Field = m.(huh.Field)
	return h, cmd
}

// KeyBinds adds the hook's keys to the field's, for the help.
func (h *hooked) KeyBinds() []key.Binding { return append(h.Field.KeyBinds(), h.binds...) }

// The With methods keep the wrapper, which the form keeps in their place.
func (h *hooked) WithTheme(th huh.Theme) huh.Field           { h.Field.WithTheme(th); return h }
func (h *hooked) WithKeyMap(k *huh.KeyMap) huh.Field         { h.Field.WithKeyMap(k); return h }
func (h *hooked) WithWidth(w int) huh.Field                  { h.Field.WithWidth(w); return h }
func (h *hooked) WithHeight(n int) huh.Field                 { h.Field.WithHeight(n); return h }
func (h *hooked) WithPosition(p huh.FieldPosition) huh.Field { h.Field.WithPosition(p); return h }

// theme is huh's Charm theme with markers that show, without colour,
// which button has the focus: "> Yes" beside "  No". Its background is
// the terminal's as COLORFGBG tells it ("15;0": light on dark), dark when
// unknown: asking the terminal would cost every run a round trip, or a
// wait where nothing answers.
func theme(colorfgbg string) huh.Theme {
	dark := true
	if i := strings.LastIndexByte(colorfgbg, ';'); i >= 0 {
		if bg, err := strconv.Atoi(colorfgbg[i+1:]); err == nil {
			dark = bg < 7 || bg == 8
		}
	}
	return huh.ThemeFunc(func(bool) *huh.Styles {
		s := huh.ThemeCharm(dark)
		for _, f := range []*huh.FieldStyles{&s.Focused, &s.Blurred} {
			f.FocusedButton = f.FocusedButton.Transform(func(b string) string { return "> " + b })
			f.BlurredButton = f.BlurredButton.Transform(func(b string) string { return "  " + b })
		}
		return s
	})
}

func (t Terminal) getenv(key string) string {
	if t.Getenv == nil {
		return ""
	}
	return t.Getenv(key)
}

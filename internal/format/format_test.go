package format

import (
	"strings"
	"testing"
	"time"

	"github.com/decline-cli/decline/internal/compose"
	_ "github.com/decline-cli/decline/internal/golden" // for go test ./... -update
	"github.com/decline-cli/decline/internal/letter"
	"github.com/decline-cli/decline/internal/mail"
)

var stamp = Stamp{Now: func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) }, Random: func() uint64 { return 7 }}

func draft(from string) compose.Draft {
	d := compose.Draft{Draft: letter.Draft{Subject: "Declining", Body: "Dear team,\nFrom now on I study.\n>From the start.\nSam\n"}}
	if from != "" {
		d.From, _ = mail.ParseAddress(from)
	}
	return d
}

// An mbox entry starts with a separator readers can split, and quotes
// body lines that would look like one.
func TestMbox(t *testing.T) {
	for _, tc := range []struct{ from, separator string }{
		{"Sam <sam@example.org>", "From sam@example.org Fri Nov 27 09:30:00 2026\n"},
		{`"sam lee"@example.org`, "From decline Fri Nov 27 09:30:00 2026\n"},
		{"", "From decline Fri Nov 27 09:30:00 2026\n"},
	} {
		out, err := stamp.Write("mbox", draft(tc.from))
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		if !strings.HasPrefix(text, tc.separator) || !strings.HasSuffix(text, "\n\n") {
			t.Errorf("from %q: got %q, want it to start %q and end with a blank line", tc.from, text[:min(len(text), 60)], tc.separator)
		}
		if strings.Count(text, "\nFrom ") != 0 || !strings.Contains(text, "\n>From now on") || !strings.Contains(text, "\n>>From the start") {
			t.Errorf("from %q: body lines not quoted:\n%s", tc.from, text)
		}
	}
}

func TestWarnings(t *testing.T) {
	if w := Warnings("eml", draft("")); len(w) != 1 || w[0].Field != "to" || w[0].Action != "give" {
		t.Errorf("eml without a recipient: got %+v, want a warning to give --to", w)
	}
	if w := Warnings("text", draft("")); w != nil {
		t.Errorf("text: got %+v, want none", w)
	}
}

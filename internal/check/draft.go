package check

import (
	"fmt"
	"html"
	"io"
	"mime"
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"unicode"

	gomessage "github.com/emersion/go-message"
)

// A Draft is a letter read for checking: its subject, if it has one, and
// its body, line by line, with the lines' numbers in the file.
type Draft struct {
	Subject     string
	SubjectLine int // 0 when there is no subject
	Lines       []Line

	// What the rules look at, found once: the greeting, the sign-off and
	// the name under it, and the text between them.
	greeting, signOff, name *Line
	text                    []sentence
	words                   int    // in the body, signature included
	kind                    string // the kind of letter, when known
	english                 bool   // the rules that read words apply
}

// A Line is a line of the body.
type Line struct {
	N    int // its number in the file, from 1
	Text string
}

// A sentence of the text, with the line it starts on and its paragraph.
type sentence struct {
	text      string
	toks      []string // its words, as tokens returns them
	line      int
	paragraph int        // from 0, counting the paragraphs of the text
	clauses   [][]string // its clauses' words, found when first asked for (see cues.go)
}

// isHeaderLine reports whether line is a mail header field: "Name: value".
func isHeaderLine(line string) bool {
	name, _, ok := strings.Cut(line, ": ")
	if !ok || name == "" || !isASCIILetter(rune(name[0])) {
		return false
	}
	for _, r := range name {
		if !isASCIILetter(r) && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// Parse reads a draft of decline's own, as Read does, for text known to
// be readable: a draft decline wrote, or the user edited.
func Parse(data []byte) *Draft {
	d, _ := Read(data)
	return d
}

// Read reads a draft as decline prints it (a "Subject:" line, a blank
// line, the body), as an RFC 5322 message (.eml: the body is decoded, its
// text/plain part if it has parts, else its text/html part as text, and
// its line numbers are those of the decoded text after the header), or as
// a bare body. A message whose body does not decode is an error: a check
// of half a letter would be wrong.
func Read(data []byte) (*Draft, error) {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	d := &Draft{english: true}
	first := 1
	if isMessage(text) {
		if m, err := mail.ReadMessage(strings.NewReader(text)); err == nil {
			d.Subject, _ = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
			header, _, _ := strings.Cut(text, "\n\n")
			d.SubjectLine = lineOf(header, "Subject:")
			first = strings.Count(header, "\n") + 3
			if text, err = decodeBody(text); err != nil {
				return d, err
			}
		}
	} else if subject, rest, ok := strings.Cut(text, "\n"); ok && strings.HasPrefix(subject, "Subject:") {
		d.Subject, d.SubjectLine = strings.TrimSpace(strings.TrimPrefix(subject, "Subject:")), 1
		text, first = rest, 2
	}
	for i, line := range ownText(strings.Split(strings.TrimRight(text, "\n"), "\n")) {
		d.Lines = append(d.Lines, Line{N: first + i, Text: strings.TrimRight(line, " \t")})
	}
	d.analyse()
	return d, nil
}

// quoteStart reports whether line is one a mail client writes above the
// message it quotes: "On Mon, 30 Nov 2026, Ana wrote:", the "From:" line
// of Outlook's block, "-----Original Message-----", a rule of
// underscores; in English, French or German.
func quoteStart(line string) bool {
	l := strings.ToLower(strings.TrimSpace(line))
	between := func(prefix, suffix string) bool {
		return strings.HasPrefix(l, prefix) && strings.HasSuffix(l, suffix) && len(l) >= len(prefix)+len(suffix)+4
	}
	switch {
	case between("on ", " wrote:"), between("le ", " a écrit :"), between("le ", " a écrit:"), between("am ", ":") && strings.Contains(l, " schrieb "):
		return true
	case strings.HasPrefix(l, "--") && strings.HasSuffix(l, "--") && strings.Contains(l, "original message"):
		return true
	case len(l) >= 5 && strings.Trim(l, "_") == "":
		return true
	}
	return isOutlookField(l, "from", "von") && len(strings.TrimSpace(l[strings.Index(l, ":")+1:])) > 0
}

// isOutlookField reports whether line is a field of the header block
// Outlook quotes, named one of names.
func isOutlookField(line string, names ...string) bool {
	l := strings.ToLower(strings.TrimSpace(line))
	for _, name := range names {
		if rest, ok := strings.CutPrefix(l, name+":"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return true
		}
	}
	return false
}

// outlookHeader reports whether line is a field of Outlook's quoted block
// after its "From:".
func outlookHeader(line string) bool {
	return isOutlookField(line, "sent", "to", "cc", "subject", "date", "gesendet", "an", "betreff", "datum")
}

// ownText returns the lines that are the writer's own: it ends them where
// a quoted message begins (a line of "> " quoting, an "On … wrote:" line,
// Outlook's From/Sent/To/Subject block, "-----Original Message-----") and
// at a signature's "-- " line, keeping the line numbers of what is left.
// Only the letter is checked: the recruiter's words below it are theirs.
func ownText(lines []string) []string {
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		switch {
		case line == "-- " || line == "--":
			return lines[:i]
		case strings.HasPrefix(trimmed, ">") && i > 0:
			if rest := lines[i:]; quotedToEnd(rest) {
				return trimBlank(lines[:i])
			}
		case quoteStart(line):
			if !isOutlookField(trimmed, "from", "von") || i+1 < len(lines) && outlookHeader(lines[i+1]) {
				return trimBlank(lines[:i])
			}
		}
	}
	return lines
}

// quotedToEnd reports whether the lines left are a quotation: each
// quoted, blank, or a signature.
func quotedToEnd(lines []string) bool {
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, ">") {
			return false
		}
	}
	return true
}

// trimBlank drops the blank lines at the end.
func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// isMessage reports whether text starts with a mail header of more than
// a subject.
func isMessage(text string) bool {
	header, _, ok := strings.Cut(text, "\n\n")
	if !ok {
		return false
	}
	fields := 0
	for _, line := range strings.Split(header, "\n") {
		switch {
		case isHeaderLine(line):
			if !strings.HasPrefix(line, "Subject:") {
				fields++
			}
		case strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t"): // folded
		default:
			return false
		}
	}
	return fields > 0
}

func lineOf(text, prefix string) int {
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			return i + 1
		}
	}
	return 0
}

// decodeBody returns the text of a message: its body decoded, or the
// text/plain part of a multipart one (else its text/html part, as text).
func decodeBody(message string) (string, error) {
	e, err := gomessage.Read(strings.NewReader(message))
	if err != nil && !gomessage.IsUnknownCharset(err) && !gomessage.IsUnknownEncoding(err) {
		return "", fmt.Errorf("reading the message: %w", err)
	}
	text, html, err := textParts(e)
	if err != nil {
		return "", err
	}
	if text == "" && html != "" {
		text = htmlText(html)
	}
	return strings.ReplaceAll(text, "\r\n", "\n"), nil
}

// textParts returns the first text/plain and text/html parts of e, decoded.
func textParts(e *gomessage.Entity) (text, html string, err error) {
	if mr := e.MultipartReader(); mr != nil {
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return text, html, nil
			}
			if err != nil {
				return "", "", fmt.Errorf("reading the message's parts: %w", err)
			}
			t, h, err := textParts(p)
			if err != nil {
				return "", "", err
			}
			if text == "" {
				text = t
			}
			if html == "" {
				html = h
			}
		}
	}
	kind, _, _ := e.Header.ContentType()
	if kind != "" && kind != "text/plain" && kind != "text/html" {
		return "", "", nil // an attachment, an image: not the letter
	}
	body, err := io.ReadAll(e.Body)
	if err != nil {
		return "", "", fmt.Errorf("the body does not decode (%v): fix or re-export the message", err)
	}
	if kind == "text/html" {
		return "", string(body), nil
	}
	return string(body), "", nil
}

// lazily returns a regular expression compiled when first used: only an
// HTML body needs these.
func lazily(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

var (
	htmlBreak = lazily(`(?i)<\s*(br|/p|/div|/li|/h[1-6]|/tr)\b[^>]*>`)
	htmlTag   = lazily(`(?s)<[^>]*>|<!--.*?-->`)
	htmlDrop  = lazily(`(?is)<(style|script|head)\b.*?</(style|script|head)\s*>`)
)

// htmlText turns the HTML of a mail body into its text: a line for each
// line break or block, no tags, entities decoded.
func htmlText(h string) string {
	h = htmlDrop().ReplaceAllString(h, "")
	h = htmlBreak().ReplaceAllString(h, "\n")
	h = html.UnescapeString(htmlTag().ReplaceAllString(h, ""))
	var lines []string
	for line := range strings.Lines(h) {
		lines = append(lines, strings.Join(strings.Fields(line), " "))
	}
	return strings.Join(lines, "\n")
}

var (
	// The greetings and sign-offs of other languages are known too, so
	// that a letter in one is not taken to lack them.
	greetings = words(`dear/hi/hello/hey/greetings`, `good (morning|afternoon|evening)`, `to whom it may concern`,
		`sehr geehrte/sehr geehrter/liebe/lieber/hallo/bonjour/madame/monsieur/chère/cher/estimado/estimada/hola/gentile/egregio/beste/geachte`, `guten (tag|morgen)`)
	signOffs = words(`many? (thanks|thank you) again? and (kind|best|warm|all the)? (regards|wishes|best)`,
		`with? my? (sincere|many|warm|warmest|kind|best|renewed)? (thanks|thank you|gratitude|regards) and? (my|with)? (kind|kindest|best|warm|warmest|all the|renewed|many|sincere)? (regards|wishes|best|thanks)`,
		`bien (cordialement|à vous)`, `cordialement`, `(mit freundlichen|viele|beste|herzliche|freundliche) (grüßen|grüße|gruß)`, `(un)? saludo/saludos/atentamente`,
		`cordiali saluti`, `distinti saluti`, `met vriendelijke groet`, `(med vänliga|vänliga) hälsningar`,
		`with? (kind|kindest|best|warm|warmest|many|all the|all|my|sincere|with many|very best)? (regards|wishes|thanks|thank you|sincerely|sincerely yours|yours|yours sincerely|yours faithfully|yours truly|respectfully yours|cheers|best|respectfully|cordially|take care|gratefully|with gratitude|with appreciation|warmly|fondly|speak soon) again?`)
)

// isGreeting reports whether line opens with a greeting.
func isGreeting(line string) bool {
	if greetings.starts(tokens(line)) {
		return true
	}
	// A name alone, as short notes open: "Dana," or "Mr Hughes –".
	name := strings.TrimRight(line, ",:–—- ")
	fields := strings.Fields(name)
	return len(name) < len(line) && len(fields) >= 1 && len(fields) <= 3 && unicode.IsUpper([]rune(fields[0])[0]) && strings.IndexAny(name, ".!?") < 0
}

// isSignOff reports whether line is a closing phrase and nothing more,
// ending in a comma, a full stop, an exclamation mark or nothing.
func isSignOff(line string) bool {
	line = strings.TrimRight(line, ",.!")
	for _, r := range line {
		if !unicode.IsLetter(r) && r != ' ' && r != ',' && r != '\'' && r != '’' && r != '&' {
			return false
		}
	}
	toks := tokens(line)
	if signOffs.whole(toks) {
		return true
	}
	// Or any short line of closing words with one that closes: "With my
	// warmest regards and renewed thanks", "Thanks so much".
	closes := false
	for _, t := range toks {
		if !closingWords[t] && !closingHeads[t] {
			return false
		}
		closes = closes || closingHeads[t]
	}
	return closes && len(toks) <= 7
}

// closingThanks reports whether line is a short line of thanks or good
// wishes ending in a comma, as a sign-off can be.
func closingThanks(line string) bool {
	toks := tokens(line)
	return strings.HasSuffix(line, ",") && len(toks) <= 8 && len(toks) > 0 && (toks[0] == "thanks" || toks[0] == "thank" || toks[0] == "with" || toks[0] == "best" || toks[0] == "all")
}

// isName reports whether line could be a name under a sign-off: a few
// words, no sentence.
func isName(line string) bool {
	line = strings.TrimSpace(line)
	n := len(strings.Fields(line))
	return n >= 1 && n <= 4 && strings.IndexAny(line, ".!?,:") < 0
}

// closingHeads close a letter; closingWords go with them.
var (
	closingHeads = map[string]bool{"regards": true, "wishes": true, "thanks": true, "thank": true, "sincerely": true, "yours": true, "cheers": true, "best": true,
		"cordially": true, "respectfully": true, "warmly": true, "fondly": true, "care": true, "soon": true, "gratefully": true, "gratitude": true, "appreciation": true}
	closingWords = map[string]bool{"with": true, "my": true, "and": true, "again": true, "so": true, "much": true, "once": true, "more": true, "very": true, "all": true,
		"the": true, "kind": true, "kindest": true, "warm": true, "warmest": true, "many": true, "sincere": true, "renewed": true, "heartfelt": true, "you": true,
		"truly": true, "faithfully": true, "take": true, "speak": true, "talk": true, "for": true, "now": true, "good": true, "great": true, "huge": true, "a": true, "lot": true}
)

// sentenceEnd returns where the first sentence of text ends (after its
// stops, closing quotes and the space after them) and where its stops
// start, or -1, -1.
func sentenceEnd(text string) (stops, end int) {
	for i := 0; i < len(text); i++ {
		if !strings.ContainsRune(".!?", rune(text[i])) {
			continue
		}
		j := i
		for j < len(text) && strings.ContainsRune(".!?", rune(text[j])) {
			j++
		}
		for j < len(text) && strings.ContainsRune("\"')]", rune(text[j])) {
			j++
		}
		if j == len(text) || text[j] == ' ' || text[j] == '\t' || text[j] == '\n' {
			k := j
			for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n') {
				k++
			}
			return i, k
		}
		i = j - 1
	}
	return -1, -1
}

// analyse finds the greeting, the sign-off and the text between them.
func (d *Draft) analyse() {
	var body []Line
	for i := range d.Lines {
		if strings.TrimSpace(d.Lines[i].Text) != "" {
			body = append(body, d.Lines[i])
			d.words += len(strings.Fields(d.Lines[i].Text))
		}
	}
	if len(body) == 0 {
		return
	}
	start, end := 0, len(d.Lines)
	for i, l := range d.Lines {
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		if isGreeting(strings.TrimSpace(l.Text)) {
			d.greeting = &d.Lines[i]
			// A greeting alone on its line ends with a comma or a colon;
			// "Hi Sam, thanks for..." goes on with the text.
			if g := strings.TrimSpace(l.Text); strings.HasSuffix(g, ",") || strings.HasSuffix(g, ":") || len(strings.Fields(g)) <= 5 {
				start = i + 1
			}
		}
		break
	}
	// The sign-off: the last closing phrase with a line under it, or a
	// line of thanks that ends in a comma just above a name ("Thanks
	// again for your time,").
	for i := len(d.Lines) - 1; i > start; i-- {
		if line := strings.TrimSpace(d.Lines[i].Text); isSignOff(line) || closingThanks(line) && i+1 < len(d.Lines) && isName(d.Lines[i+1].Text) {
			d.signOff = &d.Lines[i]
			end = i
			for j := i + 1; j < len(d.Lines); j++ {
				if name := strings.TrimSpace(d.Lines[j].Text); name != "" {
					d.name = &d.Lines[j]
					break
				}
			}
			break
		}
	}
	paragraph := 0
	var buf strings.Builder
	bufLine := 0
	flush := func() {
		text := strings.TrimSpace(buf.String())
		buf.Reset()
		for text != "" {
			stops, end := sentenceEnd(text)
			s := text
			if stops >= 0 && !abbreviation(text[:stops]) {
				s, text = text[:end], text[end:]
			} else if stops >= 0 {
				// "Ms. Rivera": not an end; look for the next one.
				if _, next := sentenceEnd(text[end:]); next < 0 {
					text = ""
				} else {
					s, text = text[:end+next], text[end+next:]
				}
			} else {
				text = ""
			}
			s = strings.TrimSpace(s)
			d.text = append(d.text, sentence{text: s, toks: tokens(s), line: bufLine, paragraph: paragraph})
		}
	}
	for i := start; i < end; i++ {
		line := strings.TrimSpace(d.Lines[i].Text)
		if line == "" {
			if buf.Len() > 0 {
				flush()
				paragraph++
			}
			continue
		}
		if buf.Len() == 0 {
			bufLine = d.Lines[i].N
		}
		buf.WriteString(line + " ")
	}
	if buf.Len() > 0 {
		flush()
	}
	d.english = isEnglish(d.text)
}

// english are words that make up much of any English text and little of
// text in other languages.
var english = map[string]bool{"the": true, "and": true, "to": true, "i": true, "you": true, "for": true, "of": true, "a": true, "my": true, "your": true,
	"is": true, "am": true, "have": true, "with": true, "this": true, "that": true, "be": true, "not": true, "we": true, "it": true, "on": true,
	"as": true, "at": true, "would": true, "will": true, "me": true, "are": true, "was": true, "our": true, "so": true, "thank": true, "thanks": true}

// isEnglish reports whether the text is in English, as far as the rules
// can tell: a short text is taken to be, a long one must be at least one
// word in eight of the commonest English words.
func isEnglish(text []sentence) bool {
	n, common := 0, 0
	for _, s := range text {
		for _, t := range s.toks {
			n++
			if english[t] {
				common++
			}
		}
	}
	return n < 12 || 8*common >= n
}

// abbreviation reports whether text ends with a title or an abbreviation
// whose full stop does not end a sentence.
func abbreviation(text string) bool {
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return false
	}
	switch strings.ToLower(fields[len(fields)-1]) {
	case "mr", "mrs", "ms", "dr", "prof", "st", "inc", "ltd", "co", "jr", "sr", "e.g", "i.e", "etc", "vs", "no":
		return true
	}
	return false
}

// firstLine returns the line of the first sentence of the text, or of the
// body, for findings about something missing.
func (d *Draft) firstLine() int {
	if len(d.text) > 0 {
		return d.text[0].line
	}
	if len(d.Lines) > 0 {
		return d.Lines[0].N
	}
	return 1
}

// paragraphs counts the paragraphs of the text.
func (d *Draft) paragraphs() int {
	if len(d.text) == 0 {
		return 0
	}
	return d.text[len(d.text)-1].paragraph + 1
}

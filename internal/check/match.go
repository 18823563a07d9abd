package check

import (
	"strings"
	"sync"
	"unicode"
)

// The rules match phrases against a sentence's words rather than with
// regular expressions: compiling a few dozen large expressions cost more
// than the rest of a run of decline check, and a sentence's words, found
// once, serve every rule.

// tokens returns the words of text, lowercased, with contractions written
// out ("I'm" is "i am", "can't" is "can not", "Thursday's" is "thursday
// 's") so that one phrase matches either spelling.
func tokens(text string) []string {
	var toks []string
	word := func(w string) {
		w = strings.Trim(w, "'-")
		if w == "" {
			return
		}
		toks = append(toks, expand(w)...)
	}
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-' && start >= 0
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
			// Scripts written without spaces: a character is a word, as
			// far as counting goes.
			if start >= 0 {
				word(text[start:i])
				start = -1
			}
			toks = append(toks, string(r))
			continue
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			word(text[start:i])
			start = -1
		}
		if !inWord && (r == '$' || r == '€' || r == '£') {
			toks = append(toks, string(r))
		}
	}
	if start >= 0 {
		word(text[start:])
	}
	return toks
}

// contractions are the short forms written out, whole words.
var contractions = map[string][]string{
	"i'm": {"i", "am"}, "can't": {"can", "not"}, "cannot": {"can", "not"}, "won't": {"will", "not"}, "shan't": {"shall", "not"},
	"it's": {"it", "is"}, "that's": {"that", "is"}, "there's": {"there", "is"}, "here's": {"here", "is"}, "what's": {"what", "is"},
	"he's": {"he", "is"}, "she's": {"she", "is"}, "let's": {"let", "us"}, "ain't": {"ain't"},
}

// expand lowercases a word and writes out its contraction.
func expand(w string) []string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	if c, ok := contractions[w]; ok {
		return c
	}
	for _, suffix := range []struct{ short, long string }{{"n't", "not"}, {"'ll", "will"}, {"'ve", "have"}, {"'re", "are"}, {"'d", "would"}, {"'s", "'s"}} {
		if stem, ok := strings.CutSuffix(w, suffix.short); ok && stem != "" {
			return []string{stem, suffix.long}
		}
	}
	return []string{w}
}

// A phrases is a list of word patterns, parsed when first used. A pattern
// is words separated by spaces, where
//
//	word      is that word ("i am": contractions are written out)
//	pre*      is any word starting with pre
//	a/b/c*    is any one of the words
//	_         is any one word
//	...       is any words, or none
//	(x y|z)   is any one of the sequences
//	x? (x y)? is the word or group, or nothing
type phrases struct {
	src    []string
	once   sync.Once
	seqs   [][]elem
	firsts [][]string // for each sequence, the words a match can start with (each as elem.words); nil if any
	// The sequences to try at a word: those that start with it, those
	// that start with a prefix of two letters or more, by its first two
	// bytes, and those that start with any word.
	byWord   map[string][]int
	byPrefix map[string][]int
	loose    []int
}

// An elem is a step of a pattern.
type elem struct {
	// alternatives, each a word or a prefix ending in '*', separated by
	// '/' as in the pattern: kept as written, as splitting them would
	// cost more than matching does
	words string
	group [][]elem // or alternative sequences
	any   bool     // "_"
	gap   bool     // "..."
	opt   bool
}

// words returns phrases matching any of the patterns.
func words(patterns ...string) *phrases { return &phrases{src: patterns} }

func (p *phrases) parse() {
	p.once.Do(func() {
		p.byWord = make(map[string][]int)
		p.byPrefix = make(map[string][]int)
		add := func(m map[string][]int, w string, n int) {
			if ns := m[w]; len(ns) == 0 || ns[len(ns)-1] != n {
				m[w] = append(ns, n)
			}
		}
		p.seqs = make([][]elem, 0, len(p.src))
		p.firsts = make([][]string, 0, len(p.src))
		for n, src := range p.src {
			var seq []elem
			var firsts []string
			if strings.ContainsAny(src, " ()|?") || src == "_" {
				seq, _ = parseSeq(src)
				firsts = firstWords(seq)
			} else {
				// A word, or words to choose from, as most patterns
				// are: nothing to parse.
				seq, firsts = []elem{{words: src}}, []string{src}
			}
			p.seqs = append(p.seqs, seq)
			p.firsts = append(p.firsts, firsts)
			loose := firsts == nil
			for _, alternatives := range firsts {
				for alternatives != "" {
					var w string
					w, alternatives, _ = strings.Cut(alternatives, "/")
					switch prefix, ok := strings.CutSuffix(w, "*"); {
					case ok && len(prefix) >= 2:
						add(p.byPrefix, prefix[:2], n)
					case ok:
						loose = true
					default:
						add(p.byWord, w, n)
					}
				}
			}
			if loose {
				p.loose = append(p.loose, n)
			}
		}
	})
}

// parseSeq parses a sequence of src up to a ')' or '|' at its level, and
// returns it with what is left.
func parseSeq(src string) ([]elem, string) {
	steps, _ := count(src)
	seq := make([]elem, 0, steps)
	for {
		src = strings.TrimLeft(src, " ")
		if src == "" || src[0] == ')' || src[0] == '|' {
			return seq, src
		}
		var e elem
		switch {
		case src[0] == '(':
			src = src[1:]
			_, alternatives := count(src)
			e.group = make([][]elem, 0, alternatives)
			for {
				var alt []elem
				alt, src = parseSeq(src)
				e.group = append(e.group, alt)
				if src == "" || src[0] == ')' {
					break
				}
				src = src[1:] // '|'
			}
			if src != "" {
				src = src[1:] // ')'
			}
		case strings.HasPrefix(src, "..."):
			e.gap, src = true, src[3:]
		default:
			end := strings.IndexAny(src, " ()|?")
			if end < 0 {
				end = len(src)
			}
			if src[:end] == "_" {
				e.any = true
			} else {
				e.words = src[:end]
			}
			src = src[end:]
		}
		if strings.HasPrefix(src, "?") {
			e.opt, src = true, src[1:]
		}
		seq = append(seq, e)
	}
}

// count returns how many steps (at most) the sequence at the start of
// src has, and how many alternatives its level has, up to the ')' that
// closes it: parsing allocates each once.
func count(src string) (steps, alternatives int) {
	steps, alternatives = 1, 1
	depth, first := 0, true
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return steps, alternatives
			}
			depth--
		case '|':
			if depth == 0 {
				alternatives++
				first = false
			}
		case ' ':
			if depth == 0 && first {
				steps++
			}
		}
	}
	return steps, alternatives
}

// firstWords returns the words (or prefixes) a match of seq can start
// with, or nil if it can start with any: most patterns start with a word,
// and a sentence has few places to try them.
func firstWords(seq []elem) []string {
	words, ok := appendFirstWords(nil, seq, nil)
	if !ok {
		return nil
	}
	return words
}

// appendFirstWords appends to words those a match of seq followed by the
// sequences of then can start with, and reports false if it can start
// with any word (or with none: an empty match).
func appendFirstWords(words []string, seq []elem, then [][]elem) ([]string, bool) {
	if len(seq) == 0 {
		if len(then) == 0 {
			return words, false
		}
		return appendFirstWords(words, then[0], then[1:])
	}
	e := seq[0]
	ok := true
	switch {
	case e.gap || e.any:
		return words, false
	case e.group != nil:
		for _, alt := range e.group {
			if words, ok = appendFirstWords(words, alt, append([][]elem{seq[1:]}, then...)); !ok {
				return words, false
			}
		}
	default:
		words = append(words, e.words)
	}
	if e.opt {
		return appendFirstWords(words, seq[1:], then)
	}
	return words, true
}

// find returns the first match of any pattern in toks, as the indexes of
// its first word and of the word after it.
func (p *phrases) find(toks []string) (start, end int, ok bool) {
	p.parse()
	matches := func(n int) bool {
		return matchSeq(p.seqs[n], toks, start, func(j int) bool { end = j; return j > start })
	}
	for start = range toks {
		for _, n := range p.byWord[toks[start]] {
			if matches(n) {
				return start, end, true
			}
		}
		if t := toks[start]; len(t) >= 2 {
			for _, n := range p.byPrefix[t[:2]] {
				if canStart(p.firsts[n], toks, start) && matches(n) {
					return start, end, true
				}
			}
		}
		for _, n := range p.loose {
			if canStart(p.firsts[n], toks, start) && matches(n) {
				return start, end, true
			}
		}
	}
	return 0, 0, false
}

// in returns the text of the first match in toks, or "": its words, or
// for a long match its first and last words.
func (p *phrases) in(toks []string) string {
	i, j, ok := p.find(toks)
	switch {
	case !ok:
		return ""
	case j-i > 8:
		return strings.Join(toks[i:i+3], " ") + " … " + strings.Join(toks[j-3:j], " ")
	}
	return strings.Join(toks[i:j], " ")
}

// matchSeq reports whether seq matches toks from i, with then accepting
// where the match ends.
func matchSeq(seq []elem, toks []string, i int, then func(int) bool) bool {
	if len(seq) == 0 {
		return then(i)
	}
	e, rest := seq[0], seq[1:]
	next := func(j int) bool { return matchSeq(rest, toks, j, then) }
	if e.opt && next(i) {
		return true
	}
	switch {
	case e.gap:
		for j := i; j <= len(toks); j++ {
			if next(j) {
				return true
			}
		}
		return false
	case e.group != nil:
		for _, alt := range e.group {
			if matchSeq(alt, toks, i, next) {
				return true
			}
		}
		return false
	case i >= len(toks):
		return false
	case e.any:
		return next(i + 1)
	}
	if wordMatches(e.words, toks[i]) {
		return next(i + 1)
	}
	return false
}

// canStart reports whether a match starting with one of words (nil for
// any) may start at toks[i].
func canStart(words []string, toks []string, i int) bool {
	if words == nil {
		return true
	}
	if i >= len(toks) {
		return false
	}
	for _, w := range words {
		if wordMatches(w, toks[i]) {
			return true
		}
	}
	return false
}

// wordMatches reports whether tok is one of the words of alternatives
// ("a/b/c*").
func wordMatches(alternatives, tok string) bool {
	for alternatives != "" {
		var w string
		w, alternatives, _ = strings.Cut(alternatives, "/")
		if prefix, ok := strings.CutSuffix(w, "*"); ok && strings.HasPrefix(tok, prefix) || w == tok {
			return true
		}
	}
	return false
}

// starts reports whether a pattern matches toks from its first word.
func (p *phrases) starts(toks []string) bool {
	p.parse()
	for _, seq := range p.seqs {
		if matchSeq(seq, toks, 0, func(int) bool { return true }) {
			return true
		}
	}
	return false
}

// whole reports whether a pattern matches all of toks.
func (p *phrases) whole(toks []string) bool {
	p.parse()
	for _, seq := range p.seqs {
		if matchSeq(seq, toks, 0, func(j int) bool { return j == len(toks) }) {
			return true
		}
	}
	return false
}

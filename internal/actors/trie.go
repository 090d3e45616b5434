package actors

import (
	"strings"

	"github.com/strikewatch/strikewatch/internal/wordid"
	"unicode"
	"unicode/utf8"
)

// caseMode says how strictly an alias's letter case must match.
type caseMode uint8

const (
	caseFold   caseMode = iota // any case: multi-word names, common nouns
	caseProper                 // capitals of the alias must be capitals in the text
	caseExact                  // exact case: acronyms and short aliases ("IS", "CIA")
)

// value is what a trie path leads to. Which fields are set depends on the
// trie: actor for names, country for demonyms, class for nouns.
type value struct {
	mode    caseMode
	raw     []string // the alias's words, case kept, for the case check
	actor   *Actor
	via     string // for names: ViaAlias, ViaState or ViaTitle
	country string // for demonyms and states
	class   string // for nouns: government, military, police
	title   bool   // a noun that is a title ("president") or a name that is an office or holder
	of      bool   // a noun that may take "of"/"de" + a state: "Government of Mexico"
	person  string // an office holder's name
	stop    bool   // a phrase that names no actor ("New Mexico")
}

// node is one trie node; edges are the vocab ids of token keys.
type node struct {
	next map[int32]*node
	poss map[int32]*node // edges for words written with a possessive: "Lord's"
	vals []*value
}

// trie is a token-indexed trie: Find walks it once per text token, so the
// cost does not grow with the number of aliases.
type trie struct {
	root  node
	vocab *wordid.Table // the ids of token keys, shared by a registry's tries
	// first and firstPoss are root.next and root.poss by word id, built by
	// freeze: every walk starts at the root, where indexing a slice is
	// cheaper than a map look-up.
	first, firstPoss []*node
}

// freeze indexes the root's edges by id; call it after the last add, with
// the vocabulary's size.
func (t *trie) freeze(words int) {
	t.first, t.firstPoss = make([]*node, words), make([]*node, words)
	for id, c := range t.root.next {
		t.first[id] = c
	}
	for id, c := range t.root.poss {
		t.firstPoss[id] = c
	}
}

// edge returns n's child along id, through the possessive edges if poss.
func (t *trie) edge(n *node, id int32, poss bool) *node {
	if n == &t.root && int(id) < len(t.first) {
		if poss {
			return t.firstPoss[id]
		}
		return t.first[id]
	}
	if poss {
		return n.poss[id]
	}
	return n.next[id]
}

// noID is the id of a key no trie holds.
const noID = wordid.None

// setIDs gives each token the id of its key, or noID. Find looks each
// token up once; the trie walks then follow integer edges.
func setIDs(v *wordid.Table, toks []token) {
	for i := range toks {
		toks[i].id = v.IDBytes(toks[i].key)
	}
}

// hit is one path found from a start token.
type hit struct {
	end  int // index after the last token
	v    *value
	poss bool // the last token carries a possessive the alias did not
}

// add inserts alias with the value; the alias's case mode is derived from
// its spelling unless it starts with a marker: "=" exact, "^" proper, "~" any.
func (t *trie) add(alias string, v value) {
	mode, text := aliasMode(alias)
	toks := tokenize(text)
	if len(toks) == 0 {
		return
	}
	v.mode = mode
	t.first, t.firstPoss = nil, nil // stale until the next freeze
	n := &t.root
	for _, tk := range toks {
		v.raw = append(v.raw, tk.raw)
		edges := &n.next
		if tk.poss {
			edges = &n.poss
		}
		if *edges == nil {
			*edges = map[int32]*node{}
		}
		id := t.vocab.InternBytes(tk.key)
		c := (*edges)[id]
		if c == nil {
			c = &node{}
			(*edges)[id] = c
		}
		n = c
	}
	for _, old := range n.vals {
		if old.actor == v.actor && old.country == v.country && old.class == v.class && old.person == v.person && old.mode == v.mode && old.stop == v.stop && old.title == v.title && old.of == v.of {
			return
		}
	}
	vv := v
	n.vals = append(n.vals, &vv)
}

// aliasMode reads an alias's case marker or derives its mode: short words
// (four letters or fewer) and all-capital acronyms are exact, a capitalised
// single word is proper, anything else matches in any case.
func aliasMode(alias string) (caseMode, string) {
	if alias == "" {
		return caseFold, alias
	}
	switch alias[0] {
	case '=':
		return caseExact, alias[1:]
	case '^':
		return caseProper, alias[1:]
	case '~':
		return caseFold, alias[1:]
	}
	letters, upper, lower := 0, 0, 0
	for _, r := range alias {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
	}
	words := len(tokenize(alias))
	switch {
	case upper > 0 && letters <= 4:
		return caseExact, alias
	case upper >= 2 && lower == 0:
		return caseExact, alias
	case words == 1 && upper > 0:
		return caseProper, alias
	}
	return caseFold, alias
}

// walk appends to buf every path from toks[i], longest first, whose case fits.
func (t *trie) walk(toks []token, i int, buf []hit) []hit {
	if i >= len(toks) || toks[i].id == noID || t.edge(&t.root, toks[i].id, false) == nil && t.edge(&t.root, toks[i].id, true) == nil {
		return buf // the common case: no alias starts with this word
	}
	start := len(buf)
	t.walkFrom(&t.root, toks, i, i, &buf)
	// Longest first, keeping data order among paths of one length
	// (an insertion sort: there are seldom more than a few hits).
	hits := buf[start:]
	for a := 1; a < len(hits); a++ {
		for b := a; b > 0 && hits[b].end > hits[b-1].end; b-- {
			hits[b], hits[b-1] = hits[b-1], hits[b]
		}
	}
	return buf
}

// walkFrom follows toks from index j below n, collecting hits that began at start.
func (t *trie) walkFrom(n *node, toks []token, start, j int, hits *[]hit) {
	if j >= len(toks) {
		return
	}
	tk := toks[j]
	if tk.id == noID {
		return
	}
	if c := t.edge(n, tk.id, false); c != nil {
		for _, v := range c.vals {
			if caseFits(v, toks[start:j+1]) {
				*hits = append(*hits, hit{end: j + 1, v: v, poss: tk.poss})
			}
		}
		// A possessive ends a name unless the alias itself has one.
		if !tk.poss {
			t.walkFrom(c, toks, start, j+1, hits)
		}
	}
	if tk.poss {
		if c := t.edge(n, tk.id, true); c != nil {
			for _, v := range c.vals {
				if caseFits(v, toks[start:j+1]) {
					*hits = append(*hits, hit{end: j + 1, v: v})
				}
			}
			t.walkFrom(c, toks, start, j+1, hits)
		}
	}
}

// caseFits checks the text words against the alias's case mode.
func caseFits(v *value, toks []token) bool {
	if len(toks) != len(v.raw) {
		return false
	}
	switch v.mode {
	case caseExact:
		for i, tk := range toks {
			if tk.raw != v.raw[i] {
				return false
			}
		}
	case caseProper:
		for i, tk := range toks {
			a, _ := utf8.DecodeRuneInString(v.raw[i])
			b, _ := utf8.DecodeRuneInString(tk.raw)
			if unicode.IsUpper(a) && !unicode.IsUpper(b) {
				return false
			}
		}
	}
	return true
}

// splitList splits a "|"-separated field, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

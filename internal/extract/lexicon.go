package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/strikewatch/strikewatch/internal/wordid"
)

//go:embed lexicon
var lexiconFS embed.FS

// tokTest is one position of a pattern.
type tokTest struct {
	words    map[string]bool // exact alternatives
	ids      []int32         // their vocab ids, sorted: what match compares
	prefixes []string        // "deliberat*"
	any      bool            // "_"
	optional bool            // "[x]"
	// gap: a run of this many "[_]" folded into one test, so that matching
	// tries each length once instead of every subset of the run (2^gap).
	gap int
}

// match tests a token by its vocab id (noWord when no pattern names it) and,
// for prefixes, its lower-cased form.
func (t *tokTest) match(id int32, tok string) bool {
	if t.any {
		return true
	}
	if id != noWord {
		if len(t.ids) <= 8 {
			if slices.Contains(t.ids, id) {
				return true
			}
		} else if _, ok := slices.BinarySearch(t.ids, id); ok {
			return true
		}
	}
	for _, p := range t.prefixes {
		if strings.HasPrefix(tok, p) {
			return true
		}
	}
	return false
}

// noWord is the id of a token no pattern names.
const noWord = wordid.None

// pattern is one compiled alternative: a sequence of token tests.
type pattern []tokTest

// entry is one lexicon row: its alternatives and the other columns.
type entry struct {
	alts []pattern
	cols []string // columns after the pattern
	line int
}

// lexicon is one file's rows.
type lexicon struct {
	name    string
	entries []entry
	// first-token index: patterns whose first test is an exact word, and the
	// rest (prefix or wildcard first tests), tried everywhere.
	byFirst map[string][]altRef
	other   []altRef
	slot    int           // position in lexicons.list and in starts.refs
	vocab   *wordid.Table // the language's, shared by its lexicons
}

type altRef struct {
	e *entry
	p pattern
}

func (lx *lexicon) index() {
	lx.byFirst = map[string][]altRef{}
	lx.other = nil
	for ei := range lx.entries {
		e := &lx.entries[ei]
		for _, p := range e.alts {
			first := p[0]
			if first.any || len(first.prefixes) > 0 {
				lx.other = append(lx.other, altRef{e, p})
			}
			for w := range first.words {
				lx.byFirst[w] = append(lx.byFirst[w], altRef{e, p})
			}
		}
	}
}

// hit is a pattern match over a token slice: tokens [from, to).
type hit struct {
	from, to int
	e        *entry
}

func compilePattern(s string) (pattern, error) {
	var p pattern
	for _, f := range strings.Fields(s) {
		var t tokTest
		if strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") {
			t.optional = true
			f = f[1 : len(f)-1]
		}
		if f == "_" {
			t.any = true
		} else {
			t.words = map[string]bool{}
			for _, w := range strings.Split(f, "|") {
				if w == "" {
					return nil, fmt.Errorf("empty alternative in %q", s)
				}
				if strings.HasSuffix(w, "*") {
					t.prefixes = append(t.prefixes, strings.TrimSuffix(w, "*"))
				} else {
					t.words[w] = true
				}
			}
		}
		p = append(p, t)
	}
	if len(p) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	if p[0].optional || p[len(p)-1].optional {
		return nil, fmt.Errorf("pattern %q: optional tokens only inside a pattern", s)
	}
	return foldGaps(p), nil
}

// foldGaps turns each run of optional wildcards into one gap test.
func foldGaps(p pattern) pattern {
	out := p[:0:0]
	for _, t := range p {
		if t.optional && t.any {
			if n := len(out); n > 0 && out[n-1].gap > 0 {
				out[n-1].gap++
				continue
			}
			t.gap = 1
		}
		out = append(out, t)
	}
	return out
}

// loadLexicon parses one TSV lexicon file; ncols is the number of columns
// after the pattern.
func loadLexicon(fsys fs.FS, path string, ncols int) (*lexicon, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", path, err)
	}
	defer f.Close()
	lx := &lexicon{name: path}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != ncols+1 {
			return nil, fmt.Errorf("lexicon %s:%d: %d columns, want %d", path, n, len(cols), ncols+1)
		}
		e := entry{cols: cols[1:], line: n}
		for _, alt := range strings.Split(cols[0], ";") {
			p, err := compilePattern(strings.ToLower(alt))
			if err != nil {
				return nil, fmt.Errorf("lexicon %s:%d: %w", path, n, err)
			}
			e.alts = append(e.alts, p)
		}
		lx.entries = append(lx.entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", path, err)
	}
	lx.index()
	return lx, nil
}

// words is a token sequence as patterns see it: vocab ids, and the
// lower-cased forms for prefix tests.
type words struct {
	ids []int32
	low []string
}

// matchAt tries p at token i, returning the end index.
func matchAt(p pattern, w words, i int) (int, bool) {
	return matchFrom(p, 0, w, i)
}

func matchFrom(p pattern, pi int, w words, i int) (int, bool) {
	if pi == len(p) {
		return i, true
	}
	t := &p[pi]
	if t.gap > 0 {
		// Longest first, as taking each optional wildcard before skipping
		// it would: the first length whose rest matches wins.
		for j := min(t.gap, len(w.ids)-i); j >= 0; j-- {
			if end, ok := matchFrom(p, pi+1, w, i+j); ok {
				return end, true
			}
		}
		return 0, false
	}
	if t.optional {
		if i < len(w.ids) && t.match(w.ids[i], w.low[i]) {
			if end, ok := matchFrom(p, pi+1, w, i+1); ok {
				return end, true
			}
		}
		return matchFrom(p, pi+1, w, i)
	}
	if i < len(w.ids) && t.match(w.ids[i], w.low[i]) {
		return matchFrom(p, pi+1, w, i+1)
	}
	if pi > 0 && i < len(w.low) && quoteMark(w.low[i]) {
		// "the air force would \"answer in kind\"": a quotation mark
		// inside a phrase does not break it.
		return matchFrom(p, pi, w, i+1)
	}
	return 0, false
}

// quoteMark: tok is a quotation mark standing alone.
func quoteMark(tok string) bool {
	switch tok {
	case "\"", "“", "”", "«", "»", "„", "'", "‘", "’":
		return true
	}
	return false
}

// find returns all matches in toks (lower-cased), longest first at each
// start, without overlaps between matches of the same lexicon.
func (lx *lexicon) find(toks []string) []hit {
	w := words{ids: make([]int32, len(toks)), low: toks}
	for i, t := range toks {
		w.ids[i] = lx.vocab.ID(t)
	}
	var out []hit
	for i := 0; i < len(toks); {
		if h, ok := lx.bestAt(w, i, lx.byFirst[toks[i]]); ok {
			out = append(out, h)
			i = h.to
			continue
		}
		i++
	}
	return out
}

// bestAt returns the longest match at token i among refs (the patterns
// whose first word is token i) and the patterns tried everywhere; the
// earlier pattern wins a tie.
func (lx *lexicon) bestAt(w words, i int, refs []altRef) (hit, bool) {
	best := hit{from: -1}
	for _, r := range refs {
		// The first test holds: it names token i's word.
		if end, ok := matchFrom(r.p, 1, w, i+1); ok && (best.from < 0 || end-i > best.to-best.from) {
			best = hit{from: i, to: end, e: r.e}
		}
	}
	for _, r := range lx.other {
		if end, ok := matchAt(r.p, w, i); ok && (best.from < 0 || end-i > best.to-best.from) {
			best = hit{from: i, to: end, e: r.e}
		}
	}
	return best, best.from >= 0
}

// findAll is findStarts for every lexicon in one pass over the positions
// where patterns start, reading each position's index entry once. The hits
// are gathered in b's scratch and kept in b.hits.
func (lx *lexicons) findAll(b *tokenBufs, w words, st []*starts, pos []int) (out [nLexicons][]hit) {
	var everywhere uint16 // lexicons with patterns tried at every token
	for slot, l := range lx.all {
		if len(l.other) > 0 {
			everywhere |= 1 << slot
			out[slot] = l.findStarts(w, st, pos)
		}
	}
	var next [nLexicons]int // matches of one lexicon do not overlap
	found := &b.found
	for slot := range found {
		found[slot] = found[slot][:0]
	}
	for _, i := range pos {
		f := st[i]
		for m := f.slots &^ everywhere; m != 0; m &= m - 1 {
			slot := bits.TrailingZeros16(m)
			if i < next[slot] {
				continue
			}
			if h, ok := lx.all[slot].bestAt(w, i, f.refs[slot]); ok {
				found[slot] = append(found[slot], h)
				next[slot] = h.to
			}
		}
	}
	for slot, hs := range found {
		if len(hs) > 0 {
			from := len(b.hits)
			b.hits = append(b.hits, hs...)
			out[slot] = carve(b.hits, from)
		}
	}
	return out
}

// findStarts is find for a sentence already looked up in the combined index:
// st[i] holds what starts at token i (nil for nothing), and pos lists the
// indices where st is not nil. Without patterns tried everywhere only those
// positions can match, so the rest of the sentence is skipped.
func (lx *lexicon) findStarts(w words, st []*starts, pos []int) []hit {
	if len(lx.other) > 0 {
		var out []hit
		for i := 0; i < len(w.ids); {
			var refs []altRef
			if st[i] != nil {
				refs = st[i].refs[lx.slot]
			}
			if h, ok := lx.bestAt(w, i, refs); ok {
				out = append(out, h)
				i = h.to
				continue
			}
			i++
		}
		return out
	}
	var out []hit
	next := 0 // matches of one lexicon do not overlap
	for _, i := range pos {
		refs := st[i].refs[lx.slot]
		if i < next || len(refs) == 0 {
			continue
		}
		if h, ok := lx.bestAt(w, i, refs); ok {
			out = append(out, h)
			next = h.to
		}
	}
	return out
}

// starts is what the combined first-token index holds for one token: the
// patterns of each lexicon that begin with it.
type starts struct {
	refs  [nLexicons][]altRef
	slots uint16 // bit i: refs[i] is not empty
}

// nLexicons is the number of pattern lexicons in a language's set.
const nLexicons = 9

// list returns the pattern lexicons in slot order.
func (lx *lexicons) list() [nLexicons]*lexicon {
	return [nLexicons]*lexicon{lx.actions, lx.weapons, lx.stages, lx.modality, lx.attribution, lx.casualties, lx.consent, lx.protests, lx.disasters}
}

// index numbers the words of all patterns and builds the combined
// first-token index over all lexicons, by vocab id, so that analyse looks
// each token up once rather than once per lexicon.
func (lx *lexicons) index() {
	lx.vocab = wordid.New()
	for _, l := range lx.list() {
		l.vocab = lx.vocab
		for ei := range l.entries {
			for _, p := range l.entries[ei].alts {
				for ti := range p {
					t := &p[ti]
					t.ids = t.ids[:0]
					for w := range t.words {
						t.ids = append(t.ids, lx.vocab.Intern(w))
					}
					slices.Sort(t.ids)
				}
			}
		}
	}
	for _, wl := range wordLists() {
		for w := range wl.words {
			lx.vocab.Intern(w)
		}
	}
	if !lx.vocab.Freeze() {
		panic("extract: vocabulary too large for 16-bit ids")
	}
	lx.classes = make([]wordClass, lx.vocab.Len())
	for _, wl := range wordLists() {
		for w, ok := range wl.words {
			if ok {
				lx.classes[lx.vocab.ID(w)] |= wl.class
			}
		}
	}
	lx.first = make([]*starts, lx.vocab.Len())
	get := func(w string) *starts {
		id := lx.vocab.ID(w)
		if lx.first[id] == nil {
			lx.first[id] = &starts{}
		}
		return lx.first[id]
	}
	lx.all = lx.list()
	for slot, l := range lx.all {
		l.slot = slot
		for w, refs := range l.byFirst {
			get(w).refs[slot] = refs
			if len(refs) > 0 {
				get(w).slots |= 1 << slot
			}
		}
	}
}

// intCol parses a numeric column.
func (e *entry) intCol(i int) int {
	n, _ := strconv.Atoi(e.cols[i])
	return n
}

// lexicons is one language's set.
type lexicons struct {
	actions, weapons, stages, modality, attribution, casualties, consent, protests, disasters *lexicon
	outlets                                                                                   []outlet
	vocab                                                                                     *wordid.Table // numbers the words patterns and word lists name
	all                                                                                       [nLexicons]*lexicon
	first                                                                                     []*starts   // by vocab id
	classes                                                                                   []wordClass // by vocab id
}

// wordClass marks the word lists a token is in, so that rules test a bit
// found with the token's vocab id instead of looking the word up again.
type wordClass uint16

const (
	wcReporting      wordClass = 1 << iota // reportingVerbs
	wcClauseBreak                          // clauseBreaks
	wcInstitution                          // institutionWords
	wcTitle                                // personTitles
	wcDate                                 // dateWords
	wcSeed                                 // seedWords
	wcFigurative                           // figurativeWords
	wcCharacterizing                       // characterizingVerbs
	wcReportNoun                           // reportNouns
	wcRejecting                            // rejectingWords
	wcDenialHead                           // denialHeads
)

// wordLists are the lists behind the word classes (their true entries).
func wordLists() []struct {
	words map[string]bool
	class wordClass
} {
	return []struct {
		words map[string]bool
		class wordClass
	}{
		{reportingVerbs, wcReporting},
		{clauseBreaks, wcClauseBreak},
		{institutionWords, wcInstitution},
		{personTitles, wcTitle},
		{dateWords, wcDate},
		{seedWords, wcSeed},
		{figurativeWords, wcFigurative},
		{characterizingVerbs, wcCharacterizing},
		{reportNouns, wcReportNoun},
		{rejectingWords, wcRejecting},
		{denialHeads, wcDenialHead},
	}
}

type outlet struct {
	name    string
	aliases []string
}

func loadLexicons(lang string) (*lexicons, error) {
	sub, err := fs.Sub(lexiconFS, "lexicon/"+lang)
	if err != nil {
		return nil, err
	}
	var lx lexicons
	for _, f := range []struct {
		dst  **lexicon
		name string
		cols int
	}{
		{&lx.actions, "actions.tsv", 4},
		{&lx.weapons, "weapons.tsv", 3},
		{&lx.stages, "stages.tsv", 2},
		{&lx.modality, "modality.tsv", 2},
		{&lx.attribution, "attribution.tsv", 1},
		{&lx.casualties, "casualties.tsv", 1},
		{&lx.consent, "consent.tsv", 1},
		{&lx.protests, "protests.tsv", 3},
		{&lx.disasters, "disasters.tsv", 1},
	} {
		l, err := loadLexicon(sub, f.name, f.cols)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", lang, err)
		}
		*f.dst = l
	}
	b, err := fs.ReadFile(sub, "outlets.tsv")
	if err != nil {
		return nil, fmt.Errorf("%s: outlets: %w", lang, err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2 {
			return nil, fmt.Errorf("%s: outlets.tsv:%d: want 2 columns", lang, i+1)
		}
		lx.outlets = append(lx.outlets, outlet{name: cols[0], aliases: strings.Split(cols[1], ";")})
	}
	lx.index()
	return &lx, nil
}

package geo

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/strikewatch/strikewatch/internal/report"
)

// Options carries what the caller knows about a text beyond its words.
type Options struct {
	// Dateline is the dateline's place text ("KABUL", "Puerto Vallarta,
	// Mexico"): where the reporter was, a hint for resolving other names.
	Dateline string
	// Exclude lists spans that are not places (person names the caller
	// has found); mentions overlapping them are dropped.
	Exclude []report.Span
	// Lower, when set, is the text with ASCII capitals lowered
	// (ascii.Lower): a caller that has it already saves Parse making it.
	Lower string
}

// mention is one recognised name with its candidates.
type mention struct {
	first, last int // token range, inclusive
	start, end  int // byte range
	cands       []cand
	common      bool      // the name is a common word: needs context
	initial     bool      // … and starts a sentence, so its capital says nothing
	weakCtx     bool      // preceded by an unknown capitalised word
	locCue      bool      // "in", "near", "from" … before it
	dem         bool      // matched as a demonym only
	oneCountry  bool      // every candidate lies in one country
	orgRun      bool      // more capitalised words follow ("Templeton Construction")
	runOn       bool      // … any, not a division or city word ("Evergreen Lake", "Cherry Hinton")
	person      bool      // the name is a person's in this text ("Brown said")
	surname     bool      // … because the text spells out a person of that name
	personCtx   bool      // the words around it, not only word lists, say person
	personName  bool      // … or because most of its mentions read as a person's
	listCue     wordFlags // the plural division word ending its list, if any
	win         int       // index into cands after resolution, -1 if rejected
}

// cand is one entry a mention may name, with its score.
type cand struct {
	e     int32
	p     posting
	prior float64
	score float64
	ctx   float64 // context bonus in the last pass: the sum of
	cs    float64 // … the country named elsewhere,
	as    float64 // … the first-level division named elsewhere,
	pair  float64 // … a neighbouring container ("Aguililla, Michoacán"),
	cue   float64 // … cue words ("Marib province"),
	near  float64 // … other mentions' candidates close by,
	list  float64 // … list neighbours of its kind ("Ohio, Oregon and Utah"),
	reg   float64 // … and the region most of the text's names can lie in
}

// scratch is the working memory of one Parse call, pooled so that calls
// reuse it rather than allocate afresh.
type scratch struct {
	toks, dtoks []token   // the text's and the dateline's
	ms, hint    []mention // the text's and the dateline's
	cands       []cand    // every mention's candidates, back to back
	all         tally
	byGroup     []tally
	key         []byte   // a multi-word name being looked up
	lowBits     []uint64 // lowerWords' bits, for reuse
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledToks keeps the buffers of a rare huge text out of the pool.
const maxPooledToks = 1 << 16

// maxCands bounds the candidates per mention (names such as "San Jose"
// have hundreds); the highest priors are kept.
const maxCands = 40

// Parse finds every place mention in text and resolves it, in text order,
// with byte offsets into text.
func (g *Gazetteer) Parse(text string, opt Options) []report.Place {
	s := scratchPool.Get().(*scratch)
	s.cands = s.cands[:0]
	toks := tokenizeInto(s.toks[:0], text, opt.Lower)
	s.toks = toks
	ms := g.recognise(text, toks, opt, s, s.ms[:0])
	s.ms = ms
	var hint []mention
	if opt.Dateline != "" {
		dt := tokenizeInto(s.dtoks[:0], opt.Dateline, "")
		s.dtoks = dt
		hint = g.recognise(opt.Dateline, dt, Options{}, s, s.hint[:0])
		s.hint = hint
	}
	g.resolve(text, toks, ms, hint, s)
	out := make([]report.Place, 0, len(ms))
	for _, m := range ms {
		if m.win < 0 {
			continue
		}
		p := g.place(m.cands[m.win].e)
		p.Text = text[m.start:m.end]
		p.Start, p.End = m.start, m.end
		out = append(out, p)
	}
	if len(toks) <= maxPooledToks {
		scratchPool.Put(s)
	}
	return out
}

// recognise finds candidate mentions: the longest gazetteer name at each
// capitalised word, then drops those that context says are not places.
func (g *Gazetteer) recognise(text string, toks []token, opt Options, s *scratch, ms []mention) []mention {
	lower := &lowerWords{toks: toks, spare: s.lowBits}
	surnames := g.surnames(text, toks)
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.cap {
			i++
			continue
		}
		last := -1
		var ps []posting
		key := append(s.key[:0], t.key...)
		for j := i; j < len(toks) && j-i < g.maxWords; j++ {
			// One look-up gives both the key's postings and whether a
			// longer name goes on from it.
			var in *nameInfo
			if j > i {
				if !joinable(text, toks[j-1], toks[j]) {
					break
				}
				key = append(append(key, ' '), toks[j].key...)
				in = g.names.findBytes(key)
			} else {
				in = g.name(&toks[i])
			}
			if in == nil {
				break
			}
			if in.cnt > 0 && (toks[j].cap || toks[j].upper) {
				last, ps = j, g.names.posts[in.first:in.first+in.cnt:in.first+in.cnt]
			}
			if !in.prefix {
				break
			}
		}
		s.key = key
		if last < 0 {
			i++
			continue
		}
		m := mention{first: i, last: last, start: toks[i].start, end: toks[last].end, win: -1}
		if g.accept(text, toks, &m, ps, lower, opt, s) {
			if i == last && surnames[toks[i].key] {
				m.person, m.surname, m.personCtx = true, true, true
			}
			ms = append(ms, m)
		}
		i = last + 1
	}
	if lower.bits != nil {
		s.lowBits = lower.bits
	}
	return ms
}

// lowerWords tells whether a text also writes a word in lower case. A bit
// set of the lower-case words' hashes, built at the first ask, answers most
// asks (capitalised names seldom recur in lower case); the rest scan the
// words, and a text that needs many scans gets a set of the words.
type lowerWords struct {
	toks  []token
	bits  []uint64 // nil until the first ask
	spare []uint64 // a buffer build may reuse
	shift uint     // 64 - log2 of the bit count
	scans int
	set   map[string]bool
}

func (l *lowerWords) has(key string) bool {
	if l.bits == nil {
		l.build()
	}
	if h := wordHash(key) >> l.shift; l.bits[h/64]&(1<<(h%64)) == 0 {
		return false
	}
	if l.scans++; l.scans <= 8 {
		for _, t := range l.toks {
			if !t.cap && t.key == key {
				return true
			}
		}
		return false
	}
	if l.set == nil {
		l.set = map[string]bool{}
		for _, t := range l.toks {
			if !t.cap {
				l.set[t.key] = true
			}
		}
	}
	return l.set[key]
}

// build sets the bits of the lower-case words, some eight bits a word so
// that few asks find a bit set by another word.
func (l *lowerWords) build() {
	n, log := 64, uint(6)
	for n < 8*len(l.toks) {
		n, log = n*2, log+1
	}
	l.shift = 64 - log
	if cap(l.spare) >= n/64 {
		l.bits = l.spare[:n/64]
		clear(l.bits)
	} else {
		l.bits = make([]uint64, n/64)
	}
	for _, t := range l.toks {
		if !t.cap {
			h := wordHash(t.key) >> l.shift
			l.bits[h/64] |= 1 << (h % 64)
		}
	}
}

// wordHash mixes a word's length and three of its bytes: no loop, and
// enough to tell most words apart.
func wordHash(w string) uint64 {
	n := len(w)
	if n == 0 {
		return 0
	}
	x := uint64(n) | uint64(w[0])<<8 | uint64(w[n/2])<<16 | uint64(w[n-1])<<24
	return x * 0x9E3779B97F4A7C15
}

// surnames collects the last words of the person names a text spells out
// ("Gen. David Petraeus", "Chiquita Raquel Henry"), so that a later bare
// "Petraeus" or "Henry" is read as the person, not a place.
func (g *Gazetteer) surnames(text string, toks []token) map[string]bool {
	var out map[string]bool // made at the first surname: most texts have few or none
	add := func(k string) {
		if out == nil {
			out = map[string]bool{}
		}
		out[k] = true
	}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		// A given name, a title, or any name before a middle initial
		// ("Derek D. Moore").
		initialNext := i+2 < len(toks) && isInitial(toks[i+1]) && text[toks[i].end:toks[i+1].start] == " " && toks[i+2].cap
		if !t.cap || t.upper || !(g.is(t, wFirst) || initialNext || (g.is(t, wTitle) && i+1 < len(toks) && !sentenceInitial(text, toks, i+1))) {
			continue
		}
		j := i
		for j+1 < len(toks) && j-i < 3 && toks[j+1].cap && (!toks[j+1].upper || isInitial(toks[j+1])) && personGap(text[toks[j].end:toks[j+1].start], toks[j]) && !g.is(&toks[j+1], wHead) && !g.is(&toks[j+1], wA1cue) && !g.is(&toks[j+1], wA2cue) {
			j++
		}
		if initialNext && !g.is(t, wFirst) && !g.is(t, wTitle) {
			add(t.key) // the given name of "Lynnwood W. Schell"
		}
		// The last word is the surname, unless it is only a given name
		// ("Mary Ann"); "John Kelly" ends in a surname that is a given
		// name too.
		if j > i && !g.is(&toks[j], wTitle) && (!g.is(&toks[j], wFirst) || g.is(&toks[j], wSurname)) {
			add(toks[j].key)
		}
		i = j
	}
	// "Melton Lewis Paris, 51,": the last word of a full name with an age
	// after it.
	for i := 1; i < len(toks); i++ {
		if toks[i].cap && toks[i-1].cap && !toks[i].upper && text[toks[i-1].end:toks[i].start] == " " && ageAfter(text, toks, i) {
			add(toks[i].key)
		}
	}
	return out
}

// isInitial reports a middle initial: one capital letter and a dot.
func isInitial(t token) bool { return t.end-t.start == 1 && t.dot && t.upper }

func personGap(gap string, prev token) bool {
	return gap == " " || (prev.dot && gap == ". ")
}

// joinable reports whether two neighbouring tokens can belong to one name:
// only a single space or hyphen between them, and no possessive.
func joinable(text string, a, b token) bool {
	if a.possessive {
		return false
	}
	gap := text[a.end:b.start]
	if a.dot && !a.abbr {
		// "W.Va." and "St. Louis", "Mt. Pleasant", "Ft. Worth"; not a
		// sentence end.
		switch a.key {
		case "st", "mt", "ft", "pt", "ste":
			return gap == ". " || gap == "."
		}
		return (gap == "." && len(a.key) <= 2) || (gap == ". " && len(a.key) == 1)
	}
	return gap == " " || gap == "-" || gap == "–" || (a.abbr && gap == "")
}

// sentenceInitial reports whether token i starts a sentence.
func sentenceInitial(text string, toks []token, i int) bool {
	if i == 0 {
		return true
	}
	gap := text[toks[i-1].end:toks[i].start]
	if strings.ContainsAny(gap, "!?\n:;\"“”(") {
		return true
	}
	if strings.Contains(gap, ".") || toks[i-1].dot {
		// "Gen. Petraeus" and "U.S. troops" do not end sentences.
		return !toks[i-1].abbr || strings.Contains(strings.TrimSpace(gap), ".")
	}
	return false
}

// accept applies the recognition rules to a candidate name and fills its
// candidates; it reports whether the name stays a mention.
func (g *Gazetteer) accept(text string, toks []token, m *mention, ps []posting, lower *lowerWords, opt Options, s *scratch) bool {
	for _, x := range opt.Exclude {
		if x.Start < m.end && m.start < x.End {
			return false
		}
	}
	single := m.first == m.last
	t := &toks[m.first]
	// A currency ("US$460 million", "$US 1.5 billion"), not a place.
	if (m.end < len(text) && text[m.end] == '$') || (m.start > 0 && text[m.start-1] == '$') {
		return false
	}
	// A flu strain's name ("A/California/7/2009"): where the virus was
	// first isolated, not where the story is.
	if m.start > 0 && text[m.start-1] == '/' && m.end+1 < len(text) && text[m.end] == '/' && text[m.end+1] >= '0' && text[m.end+1] <= '9' {
		return false
	}
	key := t.key
	if g.lex.of(nameKey(text[m.start:m.end]))&wStop != 0 {
		return false
	}
	// Short all-capital names ("US", "UK", "EU") must be written in
	// capitals; "Ga." and "Ky." are state abbreviations only with their dot.
	// A place whose own name is that short ("Jos", "Gao", "Kut") is written
	// as a name.
	if single && len(key) <= 3 && !t.upper && !(t.dot && hasAbbr(ps)) && !(t.cap && hasOwnName(ps) && g.shortNameRead(toks, m)) {
		return false
	}
	initial := sentenceInitial(text, toks, m.first)
	prevAdj := m.first > 0 && text[toks[m.first-1].end:t.start] == " "
	var prev *token
	if m.first > 0 {
		prev = &toks[m.first-1]
	}
	var next *token
	nextAdj := false
	if m.last+1 < len(toks) {
		next = &toks[m.last+1]
		nextAdj = text[toks[m.last].end:next.start] == " "
	}
	// Person names: a title or a given name before it ("Gen. Jordan",
	// "Michael Jordan"); a given name with a surname after it ("Henry Ford").
	if prev != nil && g.is(prev, wTitle) && prev.cap {
		gap := text[prev.end:t.start]
		if gap == " " || gap == ". " {
			return false
		}
	}
	if prev != nil && prevAdj && prev.cap && g.is(prev, wFirst) {
		return false
	}
	if single && g.is(t, wFirst) && next != nil && nextAdj && next.cap && !next.upper && !g.is(next, wHead) && !g.is(next, wA1cue) && !g.is(next, wA2cue) {
		if place := g.isPlace(next); !place || g.is(next, wSurname) || g.is(next, wFirst) || g.is(next, wStop) {
			return false
		}
	}
	// "Sheldon Peck", "Brent Ching": a surname, or a capitalised word that
	// is no place and no organisation head, right after it.
	if single && next != nil && nextAdj && next.cap && !next.upper && !g.is(next, wHead) && !g.is(next, wFacility) && !g.is(next, wStreet) && !g.is(next, wTitle) && !g.is(next, wA1cue) && !g.is(next, wA2cue) {
		place := g.isPlace(next)
		// Two capitalised words and no third: "Brent Ching,", not
		// "Nashville Film Festival".
		runEnds := m.last+2 >= len(toks) || !toks[m.last+2].cap || text[next.end:toks[m.last+2].start] != " "
		if g.is(next, wSurname) || g.is(next, wFirst) || (!place && runEnds) {
			m.person, m.personCtx = true, true
		}
	}
	// "Virginia L. Lane", "Chad M. Smith": a given name with a middle
	// initial and a surname after it is a person, whatever else the name
	// could be.
	if single && m.last+2 < len(toks) && isInitial(toks[m.last+1]) && nextAdj && toks[m.last+2].cap && !toks[m.last+2].upper && text[toks[m.last+1].end:toks[m.last+2].start] == ". " {
		return false
	}
	// "Tyrise M. Bell": a middle initial before it.
	if m.first > 0 && isInitial(toks[m.first-1]) && text[toks[m.first-1].end:t.start] == ". " {
		m.person, m.personCtx = true, true
	}
	// "the Gulf War", "Vietnam War syndrome": a war's name, not its place.
	if next != nil && nextAdj && next.cap && (next.key == "war" || next.key == "wars") {
		return false
	}
	// "stabbed Welch", "charged Kelly with": the object of a verb done to
	// people is a person.
	if single && prev != nil && !prev.cap && personVerbs[prev.key] {
		m.person, m.personCtx = true, true
	}
	// Streets and buildings named after places are not those places
	// ("Dublin Road", "Concordia College"); but a state's agency named for
	// its roads is the state's ("Florida Highway Patrol", "S.C. Highway
	// Patrol"): a street word with another capitalised word after it.
	if next != nil && nextAdj && next.cap {
		if g.is(next, wStreet) && !(m.last+2 < len(toks) && toks[m.last+2].cap && text[next.end:toks[m.last+2].start] == " " && hasKind(g, ps, kindAdmin1)) {
			return false
		}
		if g.is(next, wFacility) {
			m.weakCtx = true
		}
	}
	if single && g.is(t, wFirst) && next != nil && nextAdj && isSpeechVerb(next.key) {
		return false
	}
	// "Stevens & Wilkinson", "Johnson & Johnson": names joined by an
	// ampersand are a firm's; countries and states keep their reading
	// ("Trinidad & Tobago").
	if ampersand(text, toks, m) && !hasKind(g, ps, kindCountry) && !hasKind(g, ps, kindAdmin1) {
		return false
	}
	if prev != nil {
		m.locCue = g.is(prev, wLoc) && (!prev.cap || sentenceInitial(text, toks, m.first-1)) && g.locReading(text, toks, m.first-1)
		// Spanish puts the cue before an article or "de": "en el Guaviare",
		// "departamento de Guaviare", "municipio de Apatzingán".
		if !m.locCue && m.first >= 2 && (prev.key == "de" || prev.key == "del" || prev.key == "el" || prev.key == "la") {
			if pp := &toks[m.first-2]; !pp.cap && (g.is(pp, wA1cue) || g.is(pp, wA2cue) || g.is(pp, wLoc)) {
				m.locCue = true
			} else if !pp.cap && m.first >= 3 && !toks[m.first-3].cap && (g.is(&toks[m.first-3], wA1cue) || g.is(&toks[m.first-3], wA2cue)) {
				m.locCue = true // "el departamento colombiano de Putumayo": an adjective between
			}
		}
		// A legislator's party and home: "D-Charleston", "DFL-Minneapolis".
		if text[prev.end:t.start] == "-" && (prev.key == "d" || prev.key == "r" || prev.key == "i" || prev.key == "dfl") && prev.upper {
			m.locCue = true
		}
	}
	// A dateline inside the text: "ROSWELL - A man…", "CROMWELL — The
	// third…": a name in capitals before a dash is where the story is from.
	if !m.locCue && m.end-m.start > 3 && datelineAt(text, toks, m) {
		m.locCue = true
	}
	// An unknown capitalised word right before ("Raquel Henry", "Sheriff
	// Office"), which is neither a modifier ("Northern") nor sentence-initial.
	// A place name right before counts too: "Preston Elmore" is a person.
	if prev != nil && prevAdj && prev.cap && !g.is(prev, wMod) && !sentenceInitial(text, toks, m.first-1) {
		m.weakCtx = true
	}
	// The second half of a compound: "Hartsfield-Jackson".
	if prev != nil && text[prev.end:t.start] == "-" && prev.cap && !prev.upper {
		m.weakCtx = true
	}
	// More capitalised words after it that are no place: "Templeton
	// Construction", "Landmark Bank"; small places need a place reading then.
	if next != nil && nextAdj && next.cap && !g.is(next, wA1cue) && !g.is(next, wA2cue) && !g.is(next, wHead) {
		if !g.isPlace(next) {
			m.orgRun = true
		}
	}
	// The name runs on into a longer one: "in Evergreen Lake", "from
	// Cherry Hinton", "at Landmark Bank". A cue word before it introduces
	// the longer name, which is no evidence that its first words are a
	// small place.
	if next != nil && nextAdj && next.cap && !g.is(next, wA1cue) && !g.is(next, wA2cue) && !g.is(next, wCitycue) {
		m.runOn = true
	}
	if single && !t.upper && (g.is(t, wCommon) || lower.has(key)) {
		m.common = true
		m.initial = initial
	}
	// Sentence-initial single words that are not strong names need more
	// than a capital letter.
	// A list of divisions: "Douglas, Sarpy and Lancaster counties".
	if c := g.listCue(text, toks, m.last); c != nil {
		m.listCue = c.flags & (wA1cues | wA2cues)
	}
	listA2 := m.listCue&wA2cues != 0
	// The candidates go on the end of the call's shared list.
	base := len(s.cands)
	dem, anyDem := true, false
	acronym := single && t.upper && len(key) <= 3
	for _, p := range ps {
		// "US", "UK", "NSW": an acronym names a country or a division
		// through the curated table, never a town ("O.D." is not Od).
		if acronym && !p.cur && (p.alt || g.entries[p.e].kind >= kindAdmin2 && g.entries[p.e].kind <= kindVillage) {
			continue
		}
		if p.abbr && !g.abbrPosition(text, toks, m.first) {
			continue
		}
		// "W.Va. 61", "Illinois 159": a road.
		if p.abbr && next != nil && next.key[0] >= '0' && next.key[0] <= '9' {
			continue
		}
		if p.abbr && !(t.dot || t.abbr) && !t.upper {
			continue
		}
		// A bare county name needs its generic word after it, a party
		// label before it ("D-Kanawha") or more than one word ("Miami-Dade").
		if p.bare && !(next != nil && g.is(next, wA2cue)) && !m.locCue && single && !listA2 {
			continue
		}
		if !p.dem {
			dem = false
		} else {
			anyDem = true
		}
		s.cands = append(s.cands, cand{e: p.e, p: p, prior: g.prior(p)})
	}
	if len(s.cands) == base {
		return false
	}
	m.cands = s.cands[base:len(s.cands):len(s.cands)]
	m.dem = dem
	if anyDem && single && languageUse(text, toks, m.first) {
		return false
	}
	m.oneCountry = true
	for _, c := range m.cands {
		if g.entries[c.e].cc != g.entries[m.cands[0].e].cc {
			m.oneCountry = false
			break
		}
	}
	slices.SortStableFunc(m.cands, func(a, b cand) int { return byPrior(a.prior, b.prior) })
	if len(m.cands) > maxCands {
		m.cands = m.cands[:maxCands:maxCands]
		s.cands = s.cands[:base+maxCands]
	}
	if single && initial && !m.dem && !t.upper {
		if e := &g.entries[m.cands[0].e]; (e.kind == kindCity || e.kind == kindVillage || e.kind == kindAdmin2) && e.pop < 100000 {
			m.common = true
		}
	}
	if single && !t.upper && ((next != nil && nextAdj && isSpeechVerb(next.key)) || g.is(t, wSurname) || g.is(t, wFirst)) {
		m.person = true
	}
	// "…," Kelly said; said Kelly.
	if single && !t.upper && ((next != nil && nextAdj && isSpeechVerb(next.key) && next.key != "who") || (prev != nil && prevAdj && isSpeechVerb(prev.key) && prev.key != "who")) {
		m.personCtx = true
	}
	// "Melton Lewis Paris, 51, was found": an age after a name is a
	// person's.
	if single && !t.upper && ageAfter(text, toks, m.last) {
		m.person, m.surname, m.personCtx = true, true, true
	}
	return true
}

// ageAfter reports whether token i is followed by ", 51," or ", 51.": the
// age news gives after a person's name.
func ageAfter(text string, toks []token, i int) bool {
	if i+2 >= len(toks) || text[toks[i].end:toks[i+1].start] != ", " {
		return false
	}
	n := toks[i+1].key
	if len(n) > 3 || n[0] < '1' || n[0] > '9' {
		return false
	}
	for j := 0; j < len(n); j++ {
		if n[j] < '0' || n[j] > '9' {
			return false
		}
	}
	gap := text[toks[i+1].end:toks[i+2].start]
	return gap == ", " || gap == ". "
}

// languageUse reports whether the demonym at token i names a language
// ("spoke only French", "in English.", "in English and Spanish", "the
// English language"), which is no place.
func languageUse(text string, toks []token, i int) bool {
	if i+1 < len(toks) {
		if gap := text[toks[i].end:toks[i+1].start]; gap == " " || gap == "-" {
			switch toks[i+1].key {
			case "language", "languages", "speaker", "speakers", "speaking", "immersion", "translation", "translations", "dialect", "dialects", "subtitles", "lessons", "fluency":
				return true
			}
		}
	}
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch toks[j].key {
		case "speak", "speaks", "spoke", "spoken", "speaking", "learn", "learns", "learned", "learnt", "learning", "teach", "teaches", "taught", "fluent", "translated":
			return true
		}
		if k := toks[j].key; k != "only" && k != "in" && k != "fluent" {
			break
		}
	}
	// "in English." or "in English and Spanish,": the word ends a phrase,
	// where an adjective would go on to its noun ("in Iraqi hospitals").
	ends := func(k int) bool {
		if k+1 >= len(toks) {
			return true
		}
		gap := text[toks[k].end:toks[k+1].start]
		return gap != " " && gap != "-"
	}
	if i >= 3 && (toks[i-1].key == "and" || toks[i-1].key == "or") && toks[i-2].cap && toks[i-3].key == "in" && !toks[i-3].cap {
		return ends(i)
	}
	if i == 0 || toks[i-1].key != "in" || toks[i-1].cap {
		return false
	}
	if ends(i) {
		return true
	}
	if k := toks[i+1].key; (k == "and" || k == "or") && i+2 < len(toks) && toks[i+2].cap {
		return ends(i + 2)
	}
	return false
}

// ampersand reports whether mention m is one side of "Name & Name".
func ampersand(text string, toks []token, m *mention) bool {
	if m.last+1 < len(toks) && toks[m.last+1].cap && strings.TrimSpace(text[toks[m.last].end:toks[m.last+1].start]) == "&" {
		return true
	}
	return m.first > 0 && toks[m.first-1].cap && strings.TrimSpace(text[toks[m.first-1].end:toks[m.first].start]) == "&"
}

// locReading reports whether the preposition at token i introduces a
// place: "of" after a comma or a place noun ("…, 45, of Alexandria", "the
// city of Mosul"), not "the wife of Harvey"; "to" after a verb of motion
// ("moved to Laurel"), not "spoke to Perry".
func (g *Gazetteer) locReading(text string, toks []token, i int) bool {
	switch toks[i].key {
	case "of":
		if i == 0 {
			return false
		}
		return strings.Contains(text[toks[i-1].end:toks[i].start], ",") || g.is(&toks[i-1], wOfplace) || (toks[i-1].key[0] >= '0' && toks[i-1].key[0] <= '9')
	case "to":
		return i > 0 && g.is(&toks[i-1], wMotion)
	}
	return true
}

// abbrPosition reports whether a state abbreviation at token i reads as
// one: dotted initials ("S.C.", "W.Va."), or after "Place, ", a party
// label ("D-Ga.") or a preposition ("in Ky.").
func (g *Gazetteer) abbrPosition(text string, toks []token, i int) bool {
	t := toks[i]
	if t.abbr || (i+1 < len(toks) && t.dot && text[t.end:toks[i+1].start] == ".") {
		return true
	}
	if afterPlaceComma(text, toks, i) {
		return true
	}
	if i > 0 {
		gap := text[toks[i-1].end:t.start]
		if gap == "-" && (toks[i-1].key == "d" || toks[i-1].key == "r" || toks[i-1].key == "i") {
			return true
		}
		if gap == " " && g.is(&toks[i-1], wLoc) && t.dot {
			return true
		}
	}
	return false
}

// datelineAt reports whether mention m is a dateline: every word in
// capitals, then a dash and a capitalised word.
func datelineAt(text string, toks []token, m *mention) bool {
	for i := m.first; i <= m.last; i++ {
		if !toks[i].upper {
			return false
		}
	}
	if m.last+1 >= len(toks) || !toks[m.last+1].cap {
		return false
	}
	switch strings.TrimSpace(text[m.end:toks[m.last+1].start]) {
	case "-", "--", "—", "–":
		return true
	}
	return false
}

// afterPlaceComma reports whether token i follows "Word, " (the state
// abbreviation position: "Gainesville, Ga.").
func afterPlaceComma(text string, toks []token, i int) bool {
	return i > 0 && text[toks[i-1].end:toks[i].start] == ", " && toks[i-1].cap
}

// hasKind reports whether any posting names an entry of kind k.
func hasKind(g *Gazetteer, ps []posting, k kind) bool {
	for _, p := range ps {
		if g.entries[p.e].kind == k {
			return true
		}
	}
	return false
}

// shortNameRead: a name of three letters or fewer ("Jos", "Gao", "Lac")
// reads as a place only with a place word beside it ("near Jos", "Lac
// province"): most such capitalised words are surnames ("Chu", "Lee").
func (g *Gazetteer) shortNameRead(toks []token, m *mention) bool {
	if m.first > 0 && g.is(&toks[m.first-1], wLoc) && !toks[m.first-1].cap {
		return true
	}
	if m.last+1 < len(toks) {
		n := &toks[m.last+1]
		return g.is(n, wA1cue) || g.is(n, wA2cue) || g.is(n, wCitycue)
	}
	return false
}

// personVerbs take a person as their object.
var personVerbs = map[string]bool{
	"stabbed": true, "stabbing": true, "killing": true, "murdered": true, "murdering": true, "strangled": true,
	"charged": true, "sentenced": true, "arrested": true, "indicted": true, "convicted": true, "acquitted": true,
	"married": true, "hugged": true, "kissed": true, "interviewed": true, "hired": true, "fired": true,
	"thanked": true, "praised": true, "congratulated": true, "accused": true, "sued": true, "defeated": true,
}

// hasOwnName: one of ps is an entry's own name, not an alias, abbreviation
// or demonym.
func hasOwnName(ps []posting) bool {
	for _, p := range ps {
		if !p.alt && !p.abbr && !p.cur && !p.dem && !p.bare {
			return true
		}
	}
	return false
}

func hasAbbr(ps []posting) bool {
	for _, p := range ps {
		if p.abbr {
			return true
		}
	}
	return false
}

func isSpeechVerb(w string) bool {
	switch w {
	case "said", "says", "told", "added", "asked", "wrote", "explained", "noted", "stated", "announced", "argued", "replied", "who":
		return true
	}
	return false
}

// resolve picks each mention's entry: priors plus context from the other
// mentions (countries and divisions named, "Town, State" pairs, cue words,
// the dateline), in two passes; it then rejects weak mentions without
// support.
func (g *Gazetteer) resolve(text string, toks []token, ms []mention, hint []mention, s *scratch) {
	for i := range ms {
		ms[i].win = 0
	}
	for i := range hint {
		hint[i].win = 0
	}
	group := groups(text, ms)
	near := g.coherence(text, ms, group)
	region := g.commonRegion(ms, group)
	for pass := 0; pass < 3; pass++ {
		all, byGroup := g.votes(ms, hint, group, s)
		for i := range ms {
			m := &ms[i]
			// Votes from mentions of the same name ("Dublin", "Dublin
			// City") are the same ambiguity, not evidence: take them out.
			k := &byGroup[group[i]]
			for c := range m.cands {
				e := &g.entries[m.cands[c].e]
				cd := &m.cands[c]
				cd.cs, cd.as = 0, 0
				if cvotes := get(all.cv, [2]str{e.cc}) - get(k.cv, [2]str{e.cc}); cvotes > 0.01 {
					cd.cs = 4 * math.Min(1, cvotes)
				}
				if e.a1 != 0 && e.kind != kindAdmin1 {
					a := [2]str{e.cc, e.a1}
					if avotes := get(all.av, a) - get(k.av, a); avotes > 0.01 {
						cd.as = 3 * math.Min(1, avotes)
					}
				}
				cd.pair = g.pairBonus(text, ms, i, e)
				cd.cue = g.cueBonus(text, toks, m, e)
				cd.near = near[i][c]
				cd.list = g.listBonus(text, ms, i, e)
				cd.reg = 0
				if region != ([2]str{}) && e.cc == region[0] && e.a1 == region[1] && e.kind != kindCountry {
					cd.reg = 2
				}
				ctx := cd.cs + cd.as + cd.pair + cd.cue + cd.near + cd.list + cd.reg
				m.cands[c].ctx = ctx
				m.cands[c].score = m.cands[c].prior + ctx
			}
			best := 0
			for c := range m.cands {
				if m.cands[c].score > m.cands[best].score {
					best = c
				}
			}
			m.win = best
		}
	}
	g.markPersonNames(toks, ms)
	kept := map[int32]bool{}   // entries some mention of the text names for sure
	abroad := map[int32]bool{} // entries a container showed to be a namesake abroad
	for i := range ms {
		// (Only a possessor marks a namesake for the whole text: a
		// container after a comma may itself be misread, "JAMUNDÍ, Valle".)
		possessed := g.outsidePossessor(text, ms, i)
		out := possessed || g.outsideContainer(text, ms, i)
		if possessed {
			abroad[ms[i].cands[ms[i].win].e] = true
		}
		if g.keep(&ms[i], toks) && !out {
			kept[ms[i].cands[ms[i].win].e] = true
		} else {
			ms[i].win = -1 - ms[i].win // remember the winner, rejected
		}
	}
	// One sense per text: once "Greer, South Carolina" is read as a
	// place, a later bare "Greer" is the same place; once "Sagaing
	// region's Kani" is shown not to be Kani, Japan, a later bare "Kani"
	// is not either.
	for i := range ms {
		if ms[i].win >= 0 && abroad[ms[i].cands[ms[i].win].e] {
			ms[i].win = -1
			continue
		}
		if w := -1 - ms[i].win; ms[i].win < 0 && kept[ms[i].cands[w].e] && !abroad[ms[i].cands[w].e] && !ms[i].surname && !ms[i].personName {
			ms[i].win = w
		} else if ms[i].win < 0 {
			ms[i].win = -1
		}
	}
}

// markPersonNames marks the one-word names that a text uses mostly for a
// person: when at least two of a name's mentions read as a person's
// (a surname or given name), one of them by the words around it ("said
// Kelly", "Kelly M. Smith"), no more than half do not, and none has a
// container or place word beside it, a small place of that name is the
// person throughout ("Kelly wasn't in sight").
func (g *Gazetteer) markPersonNames(toks []token, ms []mention) {
	type count struct {
		all, person, ctx int
		placeRead        bool
	}
	var counts map[string]*count
	var store []count // backs counts: one allocation, not one per name
	for i := range ms {
		m := &ms[i]
		if m.first != m.last {
			continue
		}
		if counts == nil {
			counts = map[string]*count{}
			store = make([]count, 0, len(ms)) // never grown: a name per mention at most
		}
		c := counts[toks[m.first].key]
		if c == nil {
			store = append(store, count{})
			c = &store[len(store)-1]
			counts[toks[m.first].key] = c
		}
		c.all++
		if m.person {
			c.person++
		}
		if m.personCtx {
			c.ctx++
		}
		if w := &m.cands[m.win]; w.pair > 0 || w.cue > 0 {
			c.placeRead = true
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.first != m.last {
			continue
		}
		e := &g.entries[m.cands[m.win].e]
		if !(e.kind == kindVillage || e.kind == kindAdmin2 || (e.kind == kindCity && e.pop < 100000)) {
			continue // only a small place gives way: no look-up for the rest
		}
		if c := counts[toks[m.first].key]; !c.placeRead && c.ctx >= 1 && c.person >= 2 && 2*c.person >= c.all {
			m.personName = true
		}
	}
}

// keep decides whether a resolved mention is reported: strong names
// (countries, big divisions and cities) need no more than recognition;
// small places, surnames and common words need support from context.
func (g *Gazetteer) keep(m *mention, toks []token) bool {
	c := m.cands[m.win]
	e := &g.entries[c.e]
	// local is evidence below the country: its division named, a
	// container beside it, a cue word, a neighbour close by.
	local := c.as > 0 || c.pair > 0 || c.cue > 0 || c.near >= 2
	// "in Evergreen Lake": the cue word is the longer name's; a village
	// at the head of such a name needs other support.
	locCue := m.locCue && !(m.runOn && e.kind == kindVillage)
	supported := local || locCue || c.cs > 0
	// A small place is named with its surroundings, or after "in" with
	// its country named or no other country it could be in.
	smallOK := local || (locCue && (c.cs > 0 || m.oneCountry))
	// placeRead: the words around it read as a place ("in Clark",
	// "Clark, Nevada"), which a surname or a common word needs.
	placeRead := c.pair > 0 || c.cue > 0 || (locCue && (local || c.cs > 0))
	divisionName := m.last > m.first && (g.is(&toks[m.last], wA2cue) || g.is(&toks[m.last], wA1cue))
	doubtful := m.person || m.common || m.weakCtx
	// A GeoNames hamlet of a few hundred people (not a district seat, not
	// one of our curated places) is one of thousands of its name's size:
	// without its country, division or a neighbour named, "the village of
	// Boya" is as likely a place the gazetteer lacks.
	if fc := g.str(e.fcode); e.kind == kindVillage && e.pop < 1000 && fc != "" && !strings.HasPrefix(fc, "PPLA") && c.cs <= 0 && c.as <= 0 && c.pair <= 0 && c.near < 2 {
		return false
	}
	switch {
	case e.kind == kindCountry || e.kind == kindContinent || e.kind == kindRegion:
		// Countries are named for their governments too ("Russia said").
		return true
	case m.personName:
		// A person's name throughout the text.
		return false
	case m.initial:
		return placeRead
	case e.kind == kindAdmin1:
		if doubtful {
			return supported
		}
		return e.pop >= 300000 || supported || divisionName
	case e.kind == kindCity && e.pop >= 100000:
		if doubtful {
			return placeRead || (local && !m.person)
		}
		return true
	case e.kind == kindCity:
		if doubtful {
			return placeRead
		}
		return smallOK
	default: // admin2, village
		if doubtful || (m.orgRun && e.kind == kindVillage) {
			return placeRead
		}
		return smallOK || divisionName
	}
}

// voteWeight is how much a mention of this kind says about its country.
func voteWeight(k kind, dem bool) float64 {
	switch {
	case dem:
		return 0.5
	case k == kindCountry || k == kindAdmin1:
		return 1
	case k == kindCity || k == kindAdmin2:
		return 0.7
	case k == kindVillage:
		return 0.3
	}
	return 0
}

// tally is the country and first-level division votes of some mentions.
// A text names few countries and divisions, so short lists searched in
// order are cheaper than maps, and a call's tallies reuse their memory.
type tally struct {
	cv []vote // by country (a[1] is 0)
	av []vote // by country and division
}

type vote struct {
	a [2]str
	w float64
}

func (t *tally) reset() { t.cv, t.av = t.cv[:0], t.av[:0] }

// get returns the votes for a in vs.
func get(vs []vote, a [2]str) float64 {
	for i := range vs {
		if vs[i].a == a {
			return vs[i].w
		}
	}
	return 0
}

// put adds w to a's votes in vs.
func put(vs []vote, a [2]str, w float64) []vote {
	for i := range vs {
		if vs[i].a == a {
			vs[i].w += w
			return vs
		}
	}
	return append(vs, vote{a: a, w: w})
}

func (t *tally) add(e *entry, w float64, dem bool) {
	if e.cc == 0 {
		return
	}
	t.cv = put(t.cv, [2]str{e.cc}, w*voteWeight(e.kind, dem))
	if e.a1 != 0 {
		if e.kind == kindAdmin1 || e.kind == kindAdmin2 {
			t.av = put(t.av, [2]str{e.cc, e.a1}, w)
		} else if e.kind != kindCountry {
			t.av = put(t.av, [2]str{e.cc, e.a1}, w*0.5)
		}
	}
}

// groups numbers the mentions so that names which are one another's word
// prefix ("Dublin", "Dublin City") share a group.
func groups(text string, ms []mention) []int {
	keys := make([]string, len(ms))
	for i := range ms {
		keys[i] = nameKey(text[ms[i].start:ms[i].end])
	}
	group := make([]int, len(ms))
	for i := range ms {
		group[i] = i
		for j := 0; j < i; j++ {
			a, b := keys[i], keys[j]
			if a == b || strings.HasPrefix(a, b+" ") || strings.HasPrefix(b, a+" ") {
				group[i] = group[j]
				break
			}
		}
	}
	return group
}

// votes tallies the countries and first-level divisions the current
// winners name, in all and per mention group (indexed by group number).
func (g *Gazetteer) votes(ms []mention, hint []mention, group []int, s *scratch) (*tally, []tally) {
	all := &s.all
	all.reset()
	if cap(s.byGroup) < len(ms) {
		s.byGroup = make([]tally, len(ms))
	}
	byGroup := s.byGroup[:len(ms)]
	for i := range byGroup {
		byGroup[i].reset()
	}
	for i := range ms {
		m := &ms[i]
		e := &g.entries[m.cands[m.win].e]
		// A name that is probably a person or a word ("Grant", "Reading")
		// says little about where the text is.
		w := 1.0
		if (m.person || m.common || m.weakCtx || m.initial) && e.kind >= kindAdmin2 && e.kind <= kindVillage {
			w = 0.2
		}
		all.add(e, w, m.dem)
		byGroup[group[i]].add(e, w, m.dem)
	}
	for i := range hint {
		all.add(&g.entries[hint[i].cands[hint[i].win].e], 1, hint[i].dem)
	}
	return all, byGroup
}

// coherence rewards candidates that lie close to a candidate of another
// mention (in the same county, or within tens of kilometres): texts name
// places near one another, so "Richmond" beside "Berea" is in Kentucky.
// Mentions of one name share candidates, so each name is scored once.
func (g *Gazetteer) coherence(text string, ms []mention, group []int) [][]float64 {
	const top = 10 // candidates of the other mention considered
	type pt struct {
		e     *entry
		group int
	}
	var pts []pt
	seen := map[int]bool{}
	for j := range ms {
		if seen[group[j]] {
			continue
		}
		seen[group[j]] = true
		for d := 0; d < len(ms[j].cands) && d < top; d++ {
			if o := &g.entries[ms[j].cands[d].e]; o.kind == kindCity || o.kind == kindVillage || o.kind == kindAdmin2 {
				pts = append(pts, pt{o, group[j]})
			}
		}
	}
	near := make([][]float64, len(ms))
	n := 0
	for i := range ms {
		n += len(ms[i].cands)
	}
	slab := make([]float64, n) // every mention's scores, in one allocation
	done := map[string][]float64{}
	doneFirst := map[string]int32{}
	for i := range ms {
		name := text[ms[i].start:ms[i].end]
		if v, ok := done[name]; ok && len(v) == len(ms[i].cands) && ms[i].cands[0].e == doneFirst[name] {
			near[i] = v
			continue
		}
		v := slab[:len(ms[i].cands):len(ms[i].cands)]
		slab = slab[len(v):]
		for c := range ms[i].cands {
			e := &g.entries[ms[i].cands[c].e]
			if e.kind != kindCity && e.kind != kindVillage && e.kind != kindAdmin2 {
				continue
			}
			for _, p := range pts {
				if p.group == group[i] {
					continue
				}
				o := p.e
				if e.a2 != 0 && e.cc == o.cc && e.a1 == o.a1 && e.a2 == o.a2 {
					v[c] = 3
					break
				}
				if math.Abs(float64(e.lat-o.lat)) < 0.4 && approxKm(e, o) < 40 {
					v[c] = 2
				}
			}
		}
		done[name] = v
		doneFirst[name] = ms[i].cands[0].e
		near[i] = v
	}
	return near
}

// commonRegion is the first-level division in which the most of the
// text's distinct names have a candidate ("Becker, Clay, Douglas, Grant,
// Mahnomen": all Minnesota counties), when at least three do and clearly
// more than in any other: the text is about that region, so "Alexandria"
// there is Alexandria, Minnesota. The zero value when there is none.
func (g *Gazetteer) commonRegion(ms []mention, group []int) [2]str {
	const top = 10
	// A text names few divisions: short lists beat maps on this path.
	type regionCount struct {
		a [2]str
		n int
	}
	var count []regionCount
	seen := make([]bool, len(ms)) // by group number, which is a mention index
	for j := range ms {
		if seen[group[j]] || ms[j].dem || len(ms[j].cands) == 0 {
			continue
		}
		seen[group[j]] = true
		// A state or country name ("Washington, Pennsylvania and
		// California") is a container, no sign of a local story.
		bestPrior := 0
		for d := range ms[j].cands {
			if ms[j].cands[d].prior > ms[j].cands[bestPrior].prior {
				bestPrior = d
			}
		}
		if k := g.entries[ms[j].cands[bestPrior].e].kind; k == kindAdmin1 || k == kindCountry {
			continue
		}
		var mine [top][2]str // the divisions this name can lie in, once each
		nm := 0
	cands:
		for d := 0; d < len(ms[j].cands) && d < top; d++ {
			o := &g.entries[ms[j].cands[d].e]
			if o.a1 == 0 || o.kind == kindCountry {
				continue
			}
			a := [2]str{o.cc, o.a1}
			for _, m := range mine[:nm] {
				if m == a {
					continue cands
				}
			}
			mine[nm] = a
			nm++
		}
	regions:
		for _, a := range mine[:nm] {
			for k := range count {
				if count[k].a == a {
					count[k].n++
					continue regions
				}
			}
			count = append(count, regionCount{a, 1})
		}
	}
	var best, second int
	var region [2]str
	for _, c := range count {
		switch {
		case c.n > best:
			best, second, region = c.n, best, c.a
		case c.n > second:
			second = c.n
		}
	}
	if best < 3 || float64(best) < 1.5*float64(second) {
		return [2]str{}
	}
	return region
}

// approxKm is an equirectangular distance, good enough under a few
// hundred kilometres.
func approxKm(a, b *entry) float64 {
	const kmPerDeg = 111.2
	dlat := float64(a.lat - b.lat)
	dlon := float64(a.lon-b.lon) * math.Cos(float64(a.lat+b.lat)/2*math.Pi/180)
	return kmPerDeg * math.Sqrt(dlat*dlat+dlon*dlon)
}

// pairBonus rewards a candidate that the neighbouring mention contains:
// "Aguililla, Michoacán", "Gainesville, Ga.", "Yemen's Marib province".
func (g *Gazetteer) pairBonus(text string, ms []mention, i int, e *entry) float64 {
	bonus := 0.0
	contains := func(o *mention) bool {
		for _, c := range o.cands {
			oe := &g.entries[c.e]
			if oe.cc != e.cc || oe == e {
				continue
			}
			if oe.kind == kindCountry && e.kind != kindCountry {
				return true
			}
			if oe.kind == kindAdmin1 && e.a1 == oe.a1 && e.kind != kindAdmin1 && e.kind != kindCountry {
				return true
			}
		}
		return false
	}
	if i+1 < len(ms) {
		gap := text[ms[i].end:ms[i+1].start]
		if (gap == ", " || gap == " (" || gap == ",") && contains(&ms[i+1]) && !g.listPair(text, ms, i+1) {
			bonus += 6
		}
	}
	if i > 0 {
		// "Yemen's Marib", "Kentucky Laurel County"; not "U.S. Secretary"
		// or "Egyptian President": a demonym or a dotted abbreviation
		// before a word is an adjective, not a container.
		gap := text[ms[i-1].end:ms[i].start]
		adjective := ms[i-1].dem || strings.HasSuffix(text[ms[i-1].start:ms[i-1].end], ".")
		if (gap == "'s " || gap == "’s " || (gap == " " && !adjective)) && contains(&ms[i-1]) {
			bonus += 6
		}
	}
	// The mention is the container of its neighbour ("…, Michoacán").
	if i > 0 && text[ms[i-1].end:ms[i].start] == ", " {
		for _, c := range ms[i-1].cands {
			oe := &g.entries[c.e]
			if oe.cc == e.cc && (e.kind == kindCountry || (e.kind == kindAdmin1 && oe.a1 == e.a1)) && oe != e {
				bonus += 3
				break
			}
		}
	}
	return bonus
}

// outsidePossessor: mention i is named as part of the place before it
// ("Yemen's Marib", "Sagaing region's Kani township") but read in another
// country: a place the gazetteer lacks, better left out than misplaced.
func (g *Gazetteer) outsidePossessor(text string, ms []mention, i int) bool {
	if i == 0 || ms[i-1].win < 0 || ms[i-1].dem {
		return false
	}
	prev, m := &ms[i-1], &ms[i]
	gap := text[prev.end:m.start]
	switch gap {
	case "'s ", "’s ", " region's ", " region’s ", " province's ", " province’s ", " state's ", " state’s ", " district's ", " district’s ":
	default:
		return false
	}
	pe, e := &g.entries[prev.cands[prev.win].e], &g.entries[m.cands[m.win].e]
	return (pe.kind == kindCountry || pe.kind == kindAdmin1) && pe.cc != e.cc
}

// containerGap: the text between a place and the division or country that
// holds it: ", " or " township, ", " district, ".
func containerGap(gap string) bool {
	if gap == ", " || gap == "," {
		return true
	}
	w, ok := strings.CutSuffix(gap, ", ")
	if !ok || !strings.HasPrefix(w, " ") {
		return false
	}
	switch w[1:] {
	case "township", "district", "village", "town", "county", "municipality", "commune", "subdistrict", "tehsil", "locality":
		return true
	}
	return false
}

// outsideContainer: mention i is followed by the division or country that
// holds it ("Kani township, Sagaing region") and its reading lies in
// another country: the place is one the gazetteer lacks, not a namesake
// abroad.
func (g *Gazetteer) outsideContainer(text string, ms []mention, i int) bool {
	if i+1 >= len(ms) || ms[i+1].win < 0 || !containerGap(text[ms[i].end:ms[i+1].start]) {
		return false
	}
	e, o := &g.entries[ms[i].cands[ms[i].win].e], &g.entries[ms[i+1].cands[ms[i+1].win].e]
	if o.kind != kindAdmin1 && o.kind != kindCountry || e.kind != kindCity && e.kind != kindVillage && e.kind != kindAdmin2 || ms[i+1].dem || g.listPair(text, ms, i+1) {
		return false
	}
	return e.cc != o.cc
}

// listPair reports whether mention j, a container after a comma, goes on
// as an item of a list of its own kind: in "Washington, Pennsylvania and
// California" or "Niger, Nigeria and Togo" the comma lists states or
// countries, it does not place a town in one.
func (g *Gazetteer) listPair(text string, ms []mention, j int) bool {
	if j+1 >= len(ms) || !listGap(text[ms[j].end:ms[j+1].start]) {
		return false
	}
	a, b := &g.entries[ms[j].cands[ms[j].win].e], &g.entries[ms[j+1].cands[ms[j+1].win].e]
	return a.kind == b.kind && (a.kind == kindCountry || a.kind == kindAdmin1) && !ms[j+1].dem
}

// listBonus rewards a state or country read of a name whose neighbours in
// a list are states or countries: lists name places of one kind, so
// "Ohio, Oregon, South Carolina" names the state of Oregon, not Oregon,
// Ohio, and "Oregon and Washington" the state of Washington.
func (g *Gazetteer) listBonus(text string, ms []mention, i int, e *entry) float64 {
	if e.kind != kindAdmin1 && e.kind != kindCountry {
		return 0
	}
	b := 0.0
	sibling := func(j int) bool {
		o := &ms[j]
		if o.win < 0 || o.win >= len(o.cands) || o.dem {
			return false
		}
		w := &g.entries[o.cands[o.win].e]
		return w.kind == e.kind && w != e
	}
	if i > 0 && listGap(text[ms[i-1].end:ms[i].start]) && sibling(i-1) {
		b += 3
	}
	if i+1 < len(ms) && listGap(text[ms[i].end:ms[i+1].start]) && sibling(i+1) {
		b += 3
	}
	return b
}

// listGap reports whether a gap joins two items of a list.
func listGap(gap string) bool {
	switch gap {
	case ", ", " and ", ", and ", " or ", ", or ", " y ", " e ":
		return true
	}
	return false
}

// listCue returns the plural division word that ends a list of names
// beginning at the mention ending at token last ("Kunar and Nangarhar
// provinces", "Douglas, Sarpy and Lancaster counties"), or nil: each item
// of such a list is a division of that kind.
func (g *Gazetteer) listCue(text string, toks []token, last int) *token {
	for items := 0; items < 8 && last+1 < len(toks); items++ {
		next := &toks[last+1]
		gap := text[toks[last].end:next.start]
		if gap == " " && (g.is(next, wA1cues) || g.is(next, wA2cues)) {
			return next
		}
		// "and", "or": the gap runs to the word after it.
		if k := next.key; (k == "and" || k == "or" || k == "y" || k == "e") && last+2 < len(toks) {
			next = &toks[last+2]
			gap = text[toks[last].end:next.start]
			last++
		}
		if !listGap(gap) || !next.cap {
			return nil
		}
		// The next item: a run of capitalised words ("North Waziristan").
		last++
		for last+1 < len(toks) && toks[last+1].cap && text[toks[last].end:toks[last+1].start] == " " {
			last++
		}
	}
	return nil
}

// cueBonus reads the words around a mention: "Marib province", "Kurram
// agency", "the city of Mosul".
func (g *Gazetteer) cueBonus(text string, toks []token, m *mention, e *entry) float64 {
	b := 0.0
	if m.last+1 < len(toks) {
		n := &toks[m.last+1]
		switch {
		case g.is(n, wA1cue):
			if e.kind == kindAdmin1 {
				b += 4
			}
		case g.is(n, wA2cue):
			if e.kind == kindAdmin2 {
				b += 4
			}
		case g.is(n, wCitycue):
			if e.kind == kindCity || e.kind == kindVillage {
				b += 1
			}
		case g.is(n, wCivic):
			// "Berea Police", "Dublin City Council": a town's own
			// institutions; not "Metro Police" nor "…, said López. Police".
			if (e.kind == kindCity || e.kind == kindVillage) && text[toks[m.last].end:n.start] == " " && !g.is(&toks[m.last], wMod) {
				b += 1
			}
		default:
			if m.listCue&wA1cues != 0 && e.kind == kindAdmin1 || m.listCue&wA2cues != 0 && e.kind == kindAdmin2 {
				b += 4
			}
		}
	}
	if m.first >= 2 && toks[m.first-1].key == "of" && g.is(&toks[m.first-2], wCitycue) && (e.kind == kindCity || e.kind == kindVillage) {
		b += 3
	}
	// "the state of Washington", "the province of Ilocos Sur", "the county
	// of Brăila": a division, though countries file them at either level.
	if m.first >= 2 && toks[m.first-1].key == "of" && !toks[m.first-2].cap && (g.is(&toks[m.first-2], wA1cue) || g.is(&toks[m.first-2], wA2cue)) && (e.kind == kindAdmin1 || e.kind == kindAdmin2) {
		b += 3
	}
	return b
}

// byPrior orders candidates by descending prior for a stable sort: the
// comparison sort.SliceStable made with "a > b", without its reflection.
func byPrior(a, b float64) int {
	switch {
	case a > b:
		return -1
	case b > a:
		return 1
	}
	return 0
}

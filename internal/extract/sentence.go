package extract

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/strikewatch/strikewatch/internal/ascii"
	"github.com/strikewatch/strikewatch/internal/numbers"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/segment"
	"github.com/strikewatch/strikewatch/internal/timex"
)

// sent is one analysed sentence.
type sent struct {
	idx        int
	start, end int
	para       int // paragraph number (sentences on one line share it)
	toks       []segment.Token
	lower      string // the sentence's text with ASCII capitals lowered
	low        []string
	ids        []int32     // vocab id of each low form, or noWord
	cls        []wordClass // word classes of each low form
	clause     []int       // clause number per token
	actions    []hit
	weapons    []hit
	stages     []hit
	modality   []hit
	attrib     []hit
	casualties []hit
	consent    []hit
	protests   []hit
	disasters  []hit

	// computed on first use
	nums     []numbers.Quantity // offsets relative to start
	numsDone bool
	dates    []timex.Expr // offsets into the report text
	datesOK  bool
	srcs     []report.Source
	srcSpans [][2]int
	srcsOK   bool
	segs     []int
	segsOK   bool
	tally    int8 // cumulative(low): 0 not yet asked, 1 yes, -1 no
}

// headline: s is the report's first line, a title with no closing stop and
// more text after it ("Kidnapper Detained in Kabul Province").
func (s *sent) headline(text string) bool {
	if s.idx != 0 || len(s.toks) == 0 {
		return false
	}
	if last := s.low[len(s.low)-1]; last == "." || last == "!" || last == "?" {
		return false
	}
	rest := text[s.end:]
	nl := strings.IndexAny(rest, "\n\u2028")
	return nl >= 0 && strings.TrimSpace(rest[:nl]) == "" && strings.TrimSpace(rest[nl:]) != ""
}

// numbers returns the counts in s (offsets relative to s.start), once.
func (s *sent) numbers(text string) []numbers.Quantity {
	if !s.numsDone {
		s.nums = numbers.FindLower(text[s.start:s.end], s.lower)
		s.numsDone = true
	}
	return s.nums
}

// clauseBreaks end a clause: a stage cue or modality marker in one clause
// does not govern a trigger in another.
var clauseBreaks = map[string]bool{
	";": true, "but": true, "while": true, "whereas": true, "although": true, "though": true,
	"however": true, "meanwhile": true, "pero": true, "aunque": true, "mientras": true, "sin embargo": true,
}

// tokenBufs are one report's token buffers: each sentence's slices are
// carved from them, so a report allocates a few times rather than a few
// times per sentence.
type tokenBufs struct {
	toks   []segment.Token
	low    []string
	ids    []int32
	cls    []wordClass
	clause []int
	first  []*starts // scratch, one sentence at a time
	pos    []int     // scratch
	lower  string    // the text with ASCII capitals lowered
	sents  []sent
	hits   []hit            // the sentences' pattern matches
	found  [nLexicons][]hit // scratch, one sentence at a time
}

// tokenBufPool recycles tokenBufs between reports: sentences hold slices
// of them only until Extract returns (claims keep strings, not tokens).
var tokenBufPool = sync.Pool{New: func() any { return new(tokenBufs) }}

func getTokenBufs(text, lower string, sents int) *tokenBufs {
	b := tokenBufPool.Get().(*tokenBufs)
	b.sents = empty(b.sents, sents)
	b.hits = empty(b.hits, 4*sents)
	n := len(text)/5 + 16 // about a token per five bytes: seldom grown
	b.toks = empty(b.toks, n)
	b.low = empty(b.low, n)
	b.ids = empty(b.ids, n)
	b.cls = empty(b.cls, n)
	b.clause = empty(b.clause, n)
	if len(lower) != len(text) {
		lower = ascii.Lower(text)
	}
	b.lower = lower
	return b
}

func (b *tokenBufs) release() {
	b.lower = ""
	tokenBufPool.Put(b)
}

// newSent returns a sent from b.sents: one allocation per report, not per
// sentence. Should b.sents grow, earlier sentences keep the old array.
func (b *tokenBufs) newSent(idx, start, end, para int) *sent {
	b.sents = append(b.sents, sent{idx: idx, start: start, end: end, para: para})
	return &b.sents[len(b.sents)-1]
}

// empty returns buf emptied, with room for n.
func empty[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, 0, n)
	}
	return buf[:0]
}

// carve returns buf[from:] with its capacity cut, so that later appends to
// buf never write into it.
func carve[T any](buf []T, from int) []T { return buf[from:len(buf):len(buf)] }

// compoundHead is the vocab id of the last part of a hyphenated word no
// pattern names ("armed-drone raids", "Turkish-made drones"), or noWord.
// A prefix that reverses the head ("anti-drone guns") keeps it unnamed.
func compoundHead(lx *lexicons, w string) int32 {
	j := strings.LastIndexByte(w, '-')
	if j <= 0 || j == len(w)-1 {
		return noWord
	}
	switch w[:strings.IndexByte(w, '-')] {
	case "anti", "counter", "non", "post", "pre", "ex", "former", "water", "deep", "long", "short":
		return noWord
	}
	if !compoundHeads[w[j+1:]] {
		return noWord // "close-air support" is no "air support" of ours to find
	}
	return lx.vocab.ID(w[j+1:])
}

// possessiveStem is the id of w without a possessive "'s", or noWord.
func possessiveStem(lx *lexicons, w string) int32 {
	for _, suf := range []string{"'s", "’s"} {
		if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
			return lx.vocab.ID(w[:len(w)-len(suf)])
		}
	}
	return noWord
}

// compoundHeads are the nouns of force that keep their sense after a
// hyphenated modifier.
var compoundHeads = map[string]bool{
	"drone": true, "drones": true, "strike": true, "strikes": true, "raid": true, "raids": true, "bombing": true,
	"bombings": true, "missile": true, "missiles": true, "helicopter": true, "helicopters": true, "gunship": true,
	"gunships": true, "jets": true, "warplanes": true, "aircraft": true, "bombers": true, "airstrike": true, "airstrikes": true,
}

func (x *Extractor) analyse(lx *lexicons, b *tokenBufs, text string, idx int, s segment.Sentence, para int) *sent {
	st := b.newSent(idx, s.Start, s.End, para)
	st.lower = b.lower[s.Start:s.End]
	from := len(b.toks)
	b.toks = segment.AppendTokens(b.toks, text, s.Start, s.End)
	st.toks = carve(b.toks, from)
	from = len(b.low) // b.low, b.ids, b.cls and b.clause grow together
	first := slices.Grow(b.first[:0], len(st.toks))[:len(st.toks)]
	pos := b.pos[:0]
	clause := 0
	for i, t := range st.toks {
		// An ASCII token's lower-case form is its span of the lowered text.
		var w string
		if isASCII(t.Text) {
			w = b.lower[t.Start:t.End]
		} else {
			w = lowerTok(t.Text)
		}
		id := lx.vocab.ID(w)
		if id == noWord {
			id = compoundHead(lx, w)
		}
		if id == noWord {
			id = possessiveStem(lx, w) // "an Israeli drone's missile": the drone
		}
		var c wordClass
		var f *starts
		if id != noWord {
			c, f = lx.classes[id], lx.first[id]
		}
		if c&wcClauseBreak != 0 && i > 0 {
			clause++
		}
		first[i] = f
		if f != nil {
			pos = append(pos, i)
		}
		b.low = append(b.low, w)
		b.ids = append(b.ids, id)
		b.cls = append(b.cls, c)
		b.clause = append(b.clause, clause)
	}
	st.low, st.ids, st.cls, st.clause = carve(b.low, from), carve(b.ids, from), carve(b.cls, from), carve(b.clause, from)
	b.first, b.pos = first, pos
	w := words{ids: st.ids, low: st.low}
	h := lx.findAll(b, w, first, pos) // in lexicons.list order
	st.actions, st.weapons, st.stages, st.modality, st.attrib = h[0], h[1], h[2], h[3], h[4]
	st.casualties, st.consent, st.protests, st.disasters = h[5], h[6], h[7], h[8]
	// "RAF Typhoon aircraft", "Tornado jets", "Typhoons": fighter aircraft,
	// not storms.
	for i := 0; i < len(st.disasters); i++ {
		if d := st.disasters[i]; d.to-d.from == 1 && aircraftNamedLikeStorm(st, d.from) {
			st.disasters = slices.Delete(slices.Clone(st.disasters), i, i+1)
			i--
		}
	}
	// A jet ski, a medical drone, a drone an eagle strikes: no weapon of
	// the sentence's.
	for i := 0; i < len(st.weapons); i++ {
		if w := st.weapons[i]; w.e.cols[0] == "Air/drone strike" && civilCraft(st, w) {
			st.weapons = slices.Delete(slices.Clone(st.weapons), i, i+1)
			i--
		}
	}
	// "studying a plan to hunt …", "shelved its plan to bomb …": the noun
	// "plan" is the object of the verb before it, which sets the stage.
	for i := 0; i < len(st.stages); i++ {
		if h := st.stages[i]; h.e.cols[1] == "force" && h.from > 0 && planWord(st.low[h.from]) && determiners[st.low[h.from-1]] && cueBefore(st, h.from-1, 4) {
			st.stages = slices.Delete(slices.Clone(st.stages), i, i+1)
			i--
		}
	}
	// "tore up a camp": only a plan, an order or a deal is torn up as a
	// stage cue.
	for i := 0; i < len(st.stages); i++ {
		if h := st.stages[i]; h.to-h.from == 2 && st.low[h.to-1] == "up" && tearWords[st.low[h.from]] && !planObjectAt(st, h.to) {
			st.stages = slices.Delete(slices.Clone(st.stages), i, i+1)
			i--
		}
	}
	if h, ok := characterizedNews(st); ok && !overlapsAny(st.stages, h) {
		st.stages = slices.Clone(st.stages)
		k, _ := slices.BinarySearchFunc(st.stages, h.from, func(x hit, from int) int { return x.from - from })
		st.stages = slices.Insert(st.stages, k, h)
	}
	// "suspended in May", "MAY 8": the month, not the modal.
	for i := 0; i < len(st.modality); i++ {
		if m := st.modality[i]; m.to-m.from == 1 && monthMay(st, m.from) {
			st.modality = slices.Delete(slices.Clone(st.modality), i, i+1)
			i--
		}
	}
	return st
}

// monthMay: token i is the month May: "May" as written, or a capitalised
// "may" beside a day number ("MAY 8").
func monthMay(st *sent, i int) bool {
	if st.low[i] != "may" {
		return false
	}
	t := st.toks[i].Text
	return t == "May" || isCapWord(t) && (i+1 < len(st.low) && isDigitTok(st.low[i+1]) || i > 0 && isDigitTok(st.low[i-1]))
}

// aircraftNamedLikeStorm: the capitalised storm word at i names a fighter
// ("RAF Typhoon FGR4 aircraft", "Tornado jets", "Eurofighter Typhoons").
func aircraftNamedLikeStorm(st *sent, i int) bool {
	t := st.toks[i].Text
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	if i > 0 {
		switch st.low[i-1] {
		case "raf", "eurofighter", "panavia", "hawker", "luftwaffe":
			return true
		}
	}
	for k := i + 1; k < len(st.low) && k <= i+2; k++ {
		switch st.low[k] {
		case "aircraft", "jet", "jets", "fighter", "fighters", "fighter-bombers", "squadron", "pilots", "pilot", "warplanes":
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// eventSegs is findEventSegs once per sentence: triggers, tolls, dates,
// places and merges all ask for it. Callers only read it.
func (s *sent) eventSegs() []int {
	if !s.segsOK {
		s.segs, s.segsOK = s.findEventSegs(), true
	}
	return s.segs
}

// isTally is cumulative(s.low), once per sentence: merges ask it per pair.
func (s *sent) isTally() bool {
	if s.tally == 0 {
		s.tally = -1
		if cumulative(s.low) {
			s.tally = 1
		}
	}
	return s.tally == 1
}

// has reports whether token i is in the word class c.
func (s *sent) has(i int, c wordClass) bool { return s.cls[i]&c != 0 }

// span returns the byte span of tokens [from, to).
func (s *sent) span(from, to int) (int, int) {
	if from >= len(s.toks) {
		return s.end, s.end
	}
	if to <= from {
		to = from + 1
	}
	return s.toks[from].Start, s.toks[to-1].End
}

// tokenAt returns the index of the token containing byte offset b, else of
// the first token after it, or -1: the first token ending after b, found by
// binary search (tokens are in order and do not overlap).
func (s *sent) tokenAt(b int) int {
	i := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].End > b })
	if i == len(s.toks) {
		return -1
	}
	return i
}

// characterizedNews finds a verb that characterizes a report about the
// action with a word that rejects it — "called Sudanese accusations that
// drones had struck the airport 'a lie'", "termed 'mischievous' a report
// that", "calificó de patraña las versiones": a denial, whatever the
// adjective, when it stands beside a news noun. It returns the verb as a
// denial cue.
func characterizedNews(st *sent) (hit, bool) {
	for i := range st.low {
		if !st.has(i, wcCharacterizing) {
			continue
		}
		news, rejecting := false, false
		// "'Pure fiction' was how the minister described reports that …":
		// the judgement fronted.
		for k := max(0, i-12); k < i; k++ {
			if st.has(k, wcRejecting) {
				rejecting = true
			}
		}
		for k := i + 1; k < len(st.low) && k <= i+30; k++ {
			if k <= i+12 && st.has(k, wcReportNoun) {
				news = true
			}
			if st.has(k, wcRejecting) || st.low[k] == "made" && k+1 < len(st.low) && st.low[k+1] == "up" {
				rejecting = true
			}
		}
		// "knocked down a report that …, calling it 'entirely made up'":
		// the report named before, the verb's object a pronoun.
		if !news && i+1 < len(st.low) && (st.low[i+1] == "it" || st.low[i+1] == "them" || st.low[i+1] == "lo" || st.low[i+1] == "la") {
			for k := 0; k < i; k++ {
				if st.has(k, wcReportNoun) {
					news = true
				}
			}
		}
		if news && rejecting {
			return hit{from: i, to: i + 1, e: &characterizedDenial}, true
		}
	}
	// "said that a French weekly's story about jets being readied for
	// raids was 'pure invention'": the report, then what it is.
	for i := range st.low {
		if !st.has(i, wcReportNoun) {
			continue
		}
		for k := i + 1; k+1 < len(st.low) && k <= i+30; k++ {
			if !copulas[st.low[k]] {
				continue
			}
			for m := k + 1; m < len(st.low) && m <= k+4; m++ {
				if st.has(m, wcRejecting) {
					return hit{from: i, to: i + 1, e: &characterizedDenial}, true
				}
			}
			break
		}
	}
	return hit{}, false
}

func planWord(w string) bool { return w == "plan" || w == "plans" }

var determiners = map[string]bool{"a": true, "an": true, "the": true, "its": true, "their": true, "his": true, "her": true, "this": true, "that": true, "our": true}

// cueBefore: another stage cue ends within n tokens before token i.
func cueBefore(st *sent, i, n int) bool {
	for _, h := range st.stages {
		if h.to <= i && h.to >= i-n {
			return true
		}
	}
	return false
}

var tearWords = map[string]bool{"torn": true, "tore": true, "tear": true, "tears": true, "tearing": true}

// planObjectAt: a plan, order, deal or the like is the object starting at
// token i ("a plan", "the standing orders", "its earlier decree").
func planObjectAt(st *sent, i int) bool {
	for k := i; k < len(st.low) && k <= i+3; k++ {
		switch st.low[k] {
		case "plan", "plans", "order", "orders", "decree", "deal", "agreement", "directive", "authorization",
			"authorisation", "mandate", "request", "requests", "permission", "proposal", "truce", "ceasefire", "accord":
			return true
		}
	}
	return false
}

var copulas = map[string]bool{"was": true, "is": true, "were": true, "are": true, "es": true, "era": true, "fue": true, "son": true, "eran": true, "fueron": true}

var characterizedDenial = entry{cols: []string{"denied", "cue"}}

// characterizingVerbs put a name to what they are said of.
var characterizingVerbs = map[string]bool{
	"called": true, "calls": true, "calling": true, "termed": true, "terms": true, "terming": true, "described": true,
	"describes": true, "describing": true, "branded": true, "brands": true, "branding": true, "labelled": true,
	"labeled": true, "labels": true, "labelling": true, "labeling": true, "dubbed": true, "dubs": true,
	"characterized": true, "characterised": true, "characterizes": true, "characterises": true, "deemed": true,
	"calificó": true, "calificaron": true, "califica": true, "califican": true, "tildó": true, "tildaron": true,
	"tilda": true, "catalogó": true, "catalogaron": true, "describió": true, "describieron": true,
}

// reportNouns name what was said or reported about an action.
var reportNouns = map[string]bool{
	"report": true, "reports": true, "claim": true, "claims": true, "accusation": true, "accusations": true,
	"allegation": true, "allegations": true, "account": true, "accounts": true, "assertion": true, "assertions": true,
	"story": true, "stories": true, "charge": true, "charges": true, "suggestion": true, "suggestions": true,
	"rumour": true, "rumours": true, "rumor": true, "rumors": true, "footage": true, "video": true,
	"versiones": true, "versión": true, "acusaciones": true, "acusación": true, "informe": true, "informes": true,
	"reporte": true, "reportes": true, "denuncia": true, "denuncias": true, "señalamientos": true, "afirmaciones": true,
	"noticia": true, "noticias": true, "rumores": true,
}

// rejectingWords judge a report false or worthless.
var rejectingWords = map[string]bool{
	"lie": true, "lies": true, "lying": true, "nonsense": true, "nonsensical": true, "absurd": true, "absurdity": true,
	"ridiculous": true, "mischievous": true, "slander": true, "slanderous": true, "fiction": true, "fictitious": true,
	"fantasy": true, "rubbish": true, "garbage": true, "unfounded": true, "groundless": true, "baseless": true,
	"false": true, "falsehood": true, "fake": true, "invented": true, "invention": true, "concocted": true,
	"fabricated": true, "fabrication": true, "untrue": true, "misleading": true, "malicious": true,
	"preposterous": true, "laughable": true, "defamatory": true, "libellous": true, "libelous": true, "propaganda": true,
	"disinformation": true, "misinformation": true, "hoax": true, "smear": true, "farcical": true, "farce": true,
	"delusional": true, "bogus": true, "made-up": true, "concoction": true, "figment": true, "fanciful": true,
	"far-fetched": true, "script": true, "scripted": true, "spurious": true, "distortion": true, "inaccurate": true, "fairy": true,
	"mentira": true, "mentiras": true, "falso": true, "falsa": true, "falsos": true, "falsas": true, "falsedad": true,
	"infundado": true, "infundada": true, "infundados": true, "infundadas": true, "calumnia": true, "invento": true,
	"invención": true, "montaje": true, "patraña": true, "disparate": true, "absurdo": true, "absurda": true,
	"ridículo": true, "ridícula": true, "tendencioso": true, "tendenciosa": true, "fantasía": true, "ficción": true, "bulo": true,
}

// overlapsAny: h shares a token with one of hs.
func overlapsAny(hs []hit, h hit) bool {
	for _, x := range hs {
		if x.from < h.to && h.from < x.to {
			return true
		}
	}
	return false
}

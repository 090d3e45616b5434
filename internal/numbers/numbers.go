// Package numbers finds counts in news text: figures ("2,000", "1.5
// million"), English and Spanish number words ("twenty-one", "veintiún"),
// ranges, bounds ("at least 6", "up to 8") and the vague words that event
// coders turn into figures by convention ("several" → 3).
//
// Conventions, for the code that turns counts into fatalities:
//
//   - "at least N", "more than N", "over N", "al menos N", "más de N": the
//     stated figure is the minimum, as ACLED codes it (Min = N, not N+1),
//     and the count is open: Max = -1.
//
//   - "up to N", "as many as N", "fewer than N", "nearly N", "almost N",
//     "hasta N", "casi N": the text implies some but states only a ceiling:
//     Min = 1 (0 when N is 0), Max = N, UpTo = true.
//
//   - "about/around/some/approximately N", "unos N", "cerca de N":
//     Min = Max = N, Approx = true; "N or so" likewise.
//
//   - Ranges "between 12 and 15", "12-15", "12 to 15", "12 or 13", "entre
//     12 y 15", "de 12 a 15": Min = 12, Max = 15. "N or more": Min = N, Max = -1.
//
//   - Vague words, Min = Max = the figure below, Vague = true:
//
//     several, multiple, a few, quite a few, a handful of, varios/as,
//     múltiples, unos cuantos ........................................ 3
//     a couple of, un par de ......................................... 2
//     numerous, numerosos/as ......................................... 4
//     dozens, decenas, docenas ...................................... 24
//     scores of ..................................................... 40
//     hundreds, cientos, centenares ................................ 200
//     thousands, miles ............................................ 2,000
//     tens of thousands, decenas de miles ........................ 20,000
//     hundreds of thousands, cientos de miles ................... 200,000
//     millions, millones ...................................... 2,000,000
//
//     "several hundred" multiplies: 300, "several dozen" 36. The ISAF labels fix 3 for
//     several/multiple/a few and 4 for numerous; the rest read the plural as
//     two of its unit ("dozens" = two dozen).
//
// Not returned: ordinals ("third", "3rd"), years (a bare four-digit figure
// from 1900 to 2100, unless a bound precedes it or "people" follows it),
// clock times ("3 p.m.", "10:30"), ages ("Henry, 19,", "aged 19", "19 years
// old", "19-year-old"), day numbers beside a month ("March 7", "7 de
// marzo"), percentages and sums of money, identifiers and figures glued to
// letters ("2013-01-S-025", "F-16", "MQ-9"), decimals without a scale word,
// "one" as a pronoun ("one of the", "no one") and "a"/"an"/"un"/"una" outside
// fixed phrases ("a dozen", "una docena"). "No. 3" is returned as 3.
package numbers

import (
	"strings"
	"sync"
)

// tokenBufs recycles scan's token slices: extraction runs Find once per
// sentence, and Quantities keep no tokens.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// Quantity is one count found in a text.
type Quantity struct {
	Start, End int    // byte span in the text passed to Find, bounds and range words included
	Text       string // text[Start:End]
	Min, Max   int    // Max == Min when exact; Max == -1 when open ("at least 6")
	Vague      bool   // a vague word read by convention ("several" → 3)
	Approx     bool   // hedged by "about", "nearly", "or so" …
	UpTo       bool   // a ceiling only ("up to 8"): Min is 1 by convention
}

// Find returns the counts in text in order of position; spans do not overlap.
func Find(text string) []Quantity { return FindLower(text, "") }

// FindLower is Find for a caller that has lower, text with its ASCII
// capitals lowered (ascii.Lower): the words are not lowered again.
func FindLower(text, lower string) []Quantity {
	buf := tokenBufs.Get().(*[]token)
	defer tokenBufs.Put(buf)
	*buf = scan(text, lower, *buf)
	p := parser{text: text, toks: *buf}
	var out []Quantity
	for i := 0; i < len(p.toks); {
		if q, next, ok := p.at(i); ok {
			out = append(out, q)
			i = next
			continue
		}
		i++
	}
	return out
}

// Word parses a whole string as one exact number: "six", "Twenty-one", "a
// dozen", "two dozen", "2,000", "1.5 million", "seis", "una docena",
// "veinte". Vague words ("several") and bounds ("at least 6") are not
// numbers here; Find reads those.
func Word(s string) (int, bool) {
	p := parser{text: s, toks: scan(s, "", nil)}
	if len(p.toks) == 0 {
		return 0, false
	}
	n, next, ok := p.number(0)
	if !ok || next != len(p.toks) || n.min != n.max {
		return 0, false
	}
	return int(n.min), true
}

// num is a parsed number phrase over tokens [from, to).
type num struct {
	min, max int64
	from, to int
	figure   bool // written in digits
	single   bool // one plain token with no scale word ("19", "one")
}

type parser struct {
	text string
	toks []token
}

// word returns the lower-case word at i, or "" when i is not a word.
func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != kWord {
		return ""
	}
	return p.toks[i].low
}

// punct returns the punctuation rune at i, or "".
func (p *parser) punct(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != kPunct {
		return ""
	}
	return p.toks[i].low
}

// phrase reports whether the words ph start at token i and returns the index after them.
func (p *parser) phrase(i int, ph []string) (int, bool) {
	for k, w := range ph {
		if p.word(i+k) != w {
			return 0, false
		}
	}
	return i + len(ph), true
}

func (p *parser) quantity(from, to int, min, max int64) Quantity {
	s, e := p.toks[from].start, p.toks[to-1].end
	return Quantity{Start: s, End: e, Text: p.text[s:e], Min: int(min), Max: int(max)}
}

// at reads the longest count starting at token i.
func (p *parser) at(i int) (Quantity, int, bool) {
	// Every reading starts at a figure, a start word or a number word:
	// most tokens are none, and trying each reading on them is costly.
	switch t := p.toks[i]; t.kind {
	case kNum:
	case kWord:
		if !t.mayStart {
			return Quantity{}, 0, false
		}
	default:
		return Quantity{}, 0, false
	}
	if q, next, ok := p.vague(i); ok {
		return q, next, true
	}
	if q, next, ok := p.between(i); ok {
		return q, next, true
	}
	for b, phrases := range [...][][]string{atLeastPhrases, upToPhrases, approxPhrases} {
		for _, ph := range phrases {
			j, ok := p.phrase(i, ph)
			if !ok {
				continue
			}
			n, next, ok := p.number(j)
			if !ok || !p.keep(n, true) {
				continue
			}
			q := p.quantity(i, next, n.min, n.max)
			switch b {
			case 0: // at least
				q.Max = -1
			case 1: // up to
				q.Min, q.UpTo = min(1, int(n.max)), true
			case 2:
				q.Approx = true
			}
			return p.suffix(q, next)
		}
	}
	n, next, ok := p.number(i)
	if !ok {
		return Quantity{}, 0, false
	}
	if r, rnext, ok := p.rangeAfter(n); ok {
		return p.suffix(p.quantity(i, rnext, n.min, r.max), rnext)
	}
	if !p.keep(n, false) {
		return Quantity{}, 0, false
	}
	return p.suffix(p.quantity(i, next, n.min, n.max), next)
}

// suffix applies "or more", "or so", "or fewer", "o más" after a count.
func (p *parser) suffix(q Quantity, next int) (Quantity, int, bool) {
	w1, w2 := p.word(next), p.word(next+1)
	end := next + 2
	switch {
	case (w1 == "or" && w2 == "more") || (w1 == "o" && (w2 == "más" || w2 == "mas")):
		q.Max = -1
	case w1 == "or" && w2 == "so":
		q.Approx = true
	case w1 == "or" && (w2 == "fewer" || w2 == "less") || (w1 == "o" && w2 == "menos"):
		q.Max, q.UpTo = q.Min, true
		q.Min = min(1, q.Max)
	default:
		return q, next, true
	}
	q.End = p.toks[end-1].end
	q.Text = p.text[q.Start:q.End]
	return q, end, true
}

// between reads "between X and Y", "from X to Y", "entre X y Y", "de X a Y".
func (p *parser) between(i int) (Quantity, int, bool) {
	var sep string
	switch p.word(i) {
	case "between":
		sep = "and"
	case "from":
		sep = "to"
	case "entre":
		sep = "y"
	case "de":
		sep = "a"
	default:
		return Quantity{}, 0, false
	}
	a, j, ok := p.number(i + 1)
	if !ok || p.word(j) != sep {
		return Quantity{}, 0, false
	}
	b, k, ok := p.number(j + 1)
	if !ok && sep == "y" && p.word(j+1) == "once" {
		// Spanish eleven, kept out of the word list for English "once".
		b, k, ok = num{from: j + 1, to: j + 2, min: 11, max: 11, single: true}, j+2, true
	}
	if !ok || b.min <= a.max || !p.keep(b, true) {
		return Quantity{}, 0, false
	}
	return p.quantity(i, k, a.min, b.max), k, true
}

// rangeAfter reads "to Y", "or Y", "- Y", "o Y" after n when Y > n.
func (p *parser) rangeAfter(n num) (num, int, bool) {
	j := n.to
	switch {
	case p.word(j) == "to" || p.word(j) == "or" || p.word(j) == "o":
	case n.figure && (p.punct(j) == "-" || p.punct(j) == "–"):
	default:
		return num{}, 0, false
	}
	m, k, ok := p.number(j + 1)
	if !ok || m.min <= n.max || m.figure != n.figure || !p.keep(m, false) || !p.keep(n, false) {
		return num{}, 0, false
	}
	return m, k, true
}

// vague reads a vague quantity word, with an optional scale ("several hundred").
func (p *parser) vague(i int) (Quantity, int, bool) {
	for _, v := range vagueWords {
		j, ok := p.phrase(i, v.phrase)
		if !ok {
			continue
		}
		val := v.val
		if v.val < 10 {
			if s := numberWords[p.word(j)]; s.kind == wScale || s.kind == wHundred {
				val *= s.val
				j++
			} else if dozenWords[p.word(j)] {
				val *= 12 // "several dozen": three dozen by the same convention
				j++
			}
		}
		// "a couple of" and "scores of" keep their "of" out of the span.
		end := j
		if p.word(end-1) == "of" || p.word(end-1) == "de" {
			end--
		}
		q := p.quantity(i, end, val, val)
		q.Vague = true
		return q, end, true
	}
	return Quantity{}, 0, false
}

// number reads one exact number phrase at i: a figure with an optional
// scale or "dozen", a figure range "6-8", or number words.
func (p *parser) number(i int) (num, int, bool) {
	if i >= len(p.toks) {
		return num{}, 0, false
	}
	t := p.toks[i]
	if t.kind == kNum {
		n := num{from: i, to: i + 1, figure: true, single: true}
		mult := 1.0
		if s, ok := scaleWords[p.word(i+1)]; ok {
			mult, n.to, n.single = s, i+2, false
		} else if dozenWords[p.word(i+1)] {
			mult, n.to, n.single = 12, i+2, false
		}
		if t.dec && mult == 1 {
			return num{}, 0, false
		}
		lo, hi := t.val*mult, t.val*mult
		if t.val2 > 0 {
			hi = t.val2 * mult
		}
		if hi > maxFigure {
			return num{}, 0, false
		}
		n.min, n.max = int64(lo+0.5), int64(hi+0.5)
		return n, n.to, true
	}
	if t.kind != kWord {
		return num{}, 0, false
	}
	return p.words(i)
}

// words reads number words at i.
func (p *parser) words(i int) (num, int, bool) {
	w := p.word(i)
	// Fixed phrases with an article.
	if w == "half" && (p.word(i+1) == "a" || p.word(i+1) == "an") && dozenWords[p.word(i+2)] {
		return num{min: 6, max: 6, from: i, to: i + 3}, i + 3, true
	}
	if w == "a" || w == "an" || w == "un" || w == "una" {
		v, ok := articleScales[p.word(i+1)]
		if !ok {
			return num{}, 0, false
		}
		if v >= 100 && v < 1_000_000 && (w == "a" || w == "an") {
			// "a hundred and fifty", "a thousand": read on as words from "one".
			if n, ok := p.wordSeq(i+1, 1); ok {
				n.from = i
				return n, n.to, true
			}
		}
		return num{min: v, max: v, from: i, to: i + 2}, i + 2, true
	}
	n, ok := p.wordSeq(i, 0)
	if !ok {
		return num{}, 0, false
	}
	if dozenWords[p.word(n.to)] && n.max <= 100 {
		n.min, n.max, n.to, n.single = n.min*12, n.max*12, n.to+1, false
	}
	return n, n.to, true
}

// wordSeq parses a cardinal written in words from token i. When lead is 1
// the sequence is read as if "one" came first ("a hundred").
func (p *parser) wordSeq(i int, lead int64) (num, bool) {
	type part struct {
		w   string
		tok int
		end bool // last part of its token
	}
	if lead == 0 {
		// Fast path: most words are no number words.
		first, _, _ := strings.Cut(p.word(i), "-")
		if _, ok := numberWords[first]; !ok {
			return num{}, false
		}
	}
	parts := make([]part, 0, 8)
	for j := i; j < len(p.toks) && j < i+12; j++ {
		w := p.word(j)
		if w == "" {
			break
		}
		// Split only hyphenated words: most are not, and a split allocates.
		ps := []string{w}
		if strings.Contains(w, "-") {
			ps = strings.Split(w, "-")
		}
		if len(ps) > 1 {
			// "twenty-one" counts; "six-year-old" and "one-third" do not; a
			// hyphenated word after the number ("four al-Shabaab fighters")
			// ends it.
			notNumber := false
			for _, s := range ps {
				if _, ok := numberWords[s]; !ok {
					notNumber = true
				}
			}
			if notNumber && j > i {
				break
			}
			for _, s := range ps {
				if _, ok := numberWords[s]; !ok {
					return num{}, false
				}
			}
		}
		for k, s := range ps {
			parts = append(parts, part{s, j, k == len(ps)-1})
		}
	}
	var total, cur int64
	var last wordKind
	if lead > 0 {
		cur, last = lead, wUnit
	}
	used, lastOK := 0, -1
	var lastTotal int64
	for k := 0; k < len(parts); k++ {
		w := parts[k].w
		if (w == "and" && (last == wHundred || last == wScale)) || (w == "y" && last == wTens) {
			// Only a joiner when a fitting number word follows.
			if k+1 < len(parts) {
				nx, ok := numberWords[parts[k+1].w]
				if ok && (nx.kind == wUnit || (w == "and" && (nx.kind == wTeen || nx.kind == wTens))) {
					continue
				}
			}
			break
		}
		nw, ok := numberWords[w]
		if !ok {
			break
		}
		good := true
		switch nw.kind {
		case wUnit:
			good = last != wUnit && last != wTeen
			cur += nw.val
		case wTeen, wTens:
			good = last != wUnit && last != wTeen && last != wTens
			cur += nw.val
		case wHundred:
			good = (last == wUnit || last == wTeen) && cur < 100
			cur *= 100
		case wHundreds:
			good = last == 0 || last == wScale
			cur += nw.val
		case wScale:
			if last == 0 {
				good = w == "mil" // "mil" alone is 1,000; "thousand" alone is no count
				cur = 1
			} else {
				good = last != wScale && cur > 0
			}
			total += cur * nw.val
			cur = 0
		}
		if !good {
			break
		}
		last = nw.kind
		used = k + 1
		if parts[k].end {
			lastOK = k
			lastTotal = total + cur
		}
	}
	if used == 0 || lastOK < 0 {
		return num{}, false
	}
	n := num{min: lastTotal, max: lastTotal, from: i, to: parts[lastOK].tok + 1}
	n.single = n.to == i+1 && !strings.Contains(p.toks[i].low, "-")
	return n, true
}

// keep filters out figures that are not counts: years, times, ages, days of
// months, percentages, sums of money and "one" as a pronoun. bounded says a
// bound or range word precedes n, which makes a year-like figure a count.
func (p *parser) keep(n num, bounded bool) bool {
	before, after := p.word(n.from-1), p.word(n.to)
	// Money and shares.
	if b := p.punct(n.from - 1); b == "$" || b == "€" || b == "£" || b == "¥" {
		return false
	}
	if p.punct(n.to) == "%" || amountWords[after] ||
		(after == "per" && p.word(n.to+1) == "cent") || (after == "por" && p.word(n.to+1) == "ciento") {
		return false
	}
	// Clock times: "3 p.m.", "0300 GMT", "three o'clock".
	if timeWords[after] {
		return false
	}
	// Ages: "aged 19", "19 years old", "de 19 años", "Henry, 19, of".
	if before == "aged" || before == "age" || before == "edad" ||
		((after == "years" || after == "year") && p.word(n.to+1) == "old") ||
		(after == "años" && before == "de" && !bounded) {
		return false
	}
	if n.single && n.max <= 120 && p.punct(n.from-1) == "," && (p.punct(n.to) == "," || p.punct(n.to) == ")") &&
		n.from >= 2 && p.toks[n.from-2].kind == kWord && p.toks[n.from-2].upper {
		return false
	}
	if n.figure && n.max <= 31 && n.min >= 1 {
		// Day numbers: "March 7", "Dec. 24", "7 March", "7 de marzo".
		b := n.from - 1
		if p.punct(b) == "." {
			b--
		}
		if monthWords[p.word(b)] && (p.toks[b].upper || isSpanishMonth(p.word(b))) {
			return false
		}
		if monthWords[after] && p.toks[n.to].upper || (after == "de" && isSpanishMonth(p.word(n.to+1))) {
			return false
		}
	}
	if n.figure && n.single && p.toks[n.from].plain4 && !bounded && !countNouns[after] &&
		(n.min >= 1900 && n.min <= 2100 || n.min >= 1000 && yearPrepositions[before]) {
		return false
	}
	// Labels: "Highway 360", "Place 1", "Cable 6": a figure right after a
	// capitalised word that does not open a sentence names, not counts.
	if n.figure && n.single && n.from >= 1 && p.toks[n.from-1].kind == kWord && p.toks[n.from-1].upper &&
		!monthWords[before] && !p.opensSentence(n.from-1) {
		return false
	}
	// "one" the pronoun.
	if !n.figure && n.single && n.min == 1 && (pronounBefore[before] || pronounAfter[after] ||
		after == "by" && p.word(n.to+1) == "one" || before == "by" && p.word(n.from-2) == "one") {
		return false
	}
	return true
}

// opensSentence reports whether token i starts a sentence or a line.
func (p *parser) opensSentence(i int) bool {
	if i == 0 {
		return true
	}
	prev := p.toks[i-1]
	if strings.ContainsAny(p.text[prev.end:p.toks[i].start], "\n\r\u2028\u2029") {
		return true
	}
	if prev.kind != kPunct {
		return false
	}
	switch prev.low {
	case ".", "!", "?", ":", ";", "\"", "“", "(", "—", "–", "-", "*", "•":
		return true
	}
	return false
}

func isSpanishMonth(w string) bool {
	switch w {
	case "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
		"septiembre", "setiembre", "octubre", "noviembre", "diciembre":
		return true
	}
	return false
}

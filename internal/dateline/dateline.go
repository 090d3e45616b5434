// Package dateline finds the dateline at the head of a news report — the
// place the reporter filed from, with its region, wire tag and date:
// "KABUL, Afghanistan (Jan. 25, 2013)", "LONDON, March 3 (Reuters) -",
// "Puerto Vallarta, Mexico –", "CULIACÁN, Sin.—", "WASHINGTON (AP) —".
//
// A dateline is 1–4 capitalised words (lower-case joiners such as "de" or
// "of" allowed inside), then up to two comma-separated regions and a date,
// then an optional parenthesised wire tag or date, then a dash or colon (or
// the end of the line, when a date or wire tag marks it as one). It is
// looked for at the start of each line in the first 600 bytes, and after a
// headline's closing ". " with stricter rules (all-caps place, a region, a
// wire tag or a date). Mixed-case places need the text after the dash to
// read as a sentence, so headers such as "ISAF Joint Command - Afghanistan"
// and title-case headlines are not datelines.
package dateline

import (
	"iter"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/ascii"
	"github.com/strikewatch/strikewatch/internal/timex"
)

// Dateline is a report's dateline. Spans are byte offsets into the text
// passed to Find.
type Dateline struct {
	Start, End int    // the whole dateline, with its trailing dash or colon and spaces
	Place      string // as written: "Puerto Vallarta", "KABUL", "CULIACÁN"
	PlaceStart int
	PlaceEnd   int
	Region     string // as written, "" if none: "Mexico", "Afghanistan", "Calif.", "Sin.", "Jalisco, Mexico"
	RegionStart,
	RegionEnd int
	Wire    string    // the wire or outlet tag as written: "AP", "Reuters", "AFP", "EFE", "Prensa Latina"; "" if none
	Date    time.Time // the dateline's date at UTC midnight, when HasDate
	HasDate bool

	// DateText is the date as written, also when it lacks a year ("Oct. 8"),
	// with its span; "" when the dateline has no date.
	DateText           string
	DateStart, DateEnd int
	// YearInferred says the year of Date came from the header above the
	// dateline (an ISAF release number "2010-10-CA-127", a dated title),
	// because the dateline itself gave only month and day.
	YearInferred bool
}

// window bounds the head of the text searched for a dateline.
const window = 600

// Find returns the dateline at the head of text, if there is one.
func Find(text string) (Dateline, bool) {
	limit := min(len(text), window)
	for c := range candidates(text, limit) {
		p := parser{text: text, pos: c.pos, strict: c.strict}
		if d, ok := p.parse(); ok {
			if d.DateText != "" && !d.HasDate {
				inferYear(text[:d.Start], &d)
			}
			return d, true
		}
	}
	return Dateline{}, false
}

// PlaceName is the place in conventional case: "KABUL" → "Kabul",
// "CIUDAD DE MÉXICO" → "Ciudad de México"; mixed case is kept as written.
func (d Dateline) PlaceName() string {
	if strings.IndexFunc(d.Place, unicode.IsLower) >= 0 {
		return d.Place
	}
	words := strings.Fields(d.Place)
	for i, w := range words {
		lw := strings.ToLower(w)
		if i > 0 && joiners[lw] {
			words[i] = lw
			continue
		}
		words[i] = titleWord(lw)
	}
	return strings.Join(words, " ")
}

// ResolveDate returns the dateline's date, placing a date written without a
// year against ref (for example the publication date).
func (d Dateline) ResolveDate(ref time.Time) (time.Time, bool) {
	if d.HasDate {
		return d.Date, true
	}
	if d.DateText == "" {
		return time.Time{}, false
	}
	m, day, ok := monthDay(d.DateText)
	if !ok {
		return time.Time{}, false
	}
	return timex.ResolveMonthDay(m, day, ref)
}

// titleWord upper-cases the first letter of w and of each part after a
// hyphen, apostrophe or dot: "winston-salem" → "Winston-Salem", "st." → "St.".
func titleWord(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up && unicode.IsLetter(r) {
			b.WriteRune(unicode.ToUpper(r))
			up = false
			continue
		}
		b.WriteRune(r)
		if r == '-' || r == '.' {
			up = true
		}
	}
	return b.String()
}

type candidate struct {
	pos    int
	strict bool
}

// isBreak reports whether r ends a line.
func isBreak(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' }

// isBlank reports whether r is blank space within a line.
func isBlank(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\v' || r == '\f'
	}
	return !isBreak(r) && (unicode.IsSpace(r) || r == '\u00a0' || r == '\ufeff' || r == '\u200b')
}

// candidates yields where a dateline may start: each line's first
// character, and after a sentence end inside a line (strictly). The first
// candidate usually decides, so the rest of the window is seldom scanned.
func candidates(text string, limit int) iter.Seq[candidate] {
	return func(yield func(candidate) bool) {
		scanCandidates(text, limit, yield)
	}
}

func scanCandidates(text string, limit int, yield func(candidate) bool) {
	lineStart := true
	for i := 0; i < limit; {
		if !lineStart {
			// Inside a line only a break or a dot matters: skip the other
			// ASCII bytes without decoding.
			for i < limit {
				if c := text[i]; c >= utf8.RuneSelf || c == '\n' || c == '\r' || c == '.' {
					break
				}
				i++
			}
			if i >= limit {
				break
			}
		}
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isBreak(r):
			lineStart = true
		case isBlank(r):
		default:
			if lineStart {
				if !yield(candidate{pos: i}) {
					return
				}
				lineStart = false
			} else if r == '.' && i+w < len(text) && sentenceEnd(text[:i]) {
				// "Headline. CITY —": the next word after ". " is a strict candidate.
				j := i + w
				for j < len(text) {
					r2, w2 := utf8.DecodeRuneInString(text[j:])
					if !isBlank(r2) {
						if j > i+w && unicode.IsUpper(r2) && j < limit && !yield(candidate{pos: j, strict: true}) {
							return
						}
						break
					}
					j += w2
				}
			}
		}
		i += w
	}
}

// sentenceEnd reports whether a dot after head closes a sentence (a
// headline) rather than an abbreviation: "Mr.", "ST.", an initial "V.".
func sentenceEnd(head string) bool {
	k := strings.LastIndexFunc(head, func(r rune) bool { return !unicode.IsLetter(r) })
	w := head[k+1:]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gov", "Sen", "Rep", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj",
		"Prof", "Jr", "Sr", "No", "Ft", "Mt", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
		"Sep", "Sept", "Oct", "Nov", "Dec":
		return false
	}
	return !(w != "" && len(w) <= 2 && strings.ToUpper(w) == w)
}

// joiners may stand lower-case inside a place name: "Ciudad de México",
// "Dar es Salaam", "Stratford upon Avon".
var joiners = map[string]bool{
	"de": true, "del": true, "la": true, "las": true, "los": true, "el": true, "es": true,
	"da": true, "do": true, "dos": true, "das": true, "of": true, "upon": true, "y": true,
	"al": true, "am": true, "an": true, "der": true, "di": true, "du": true, "sur": true, "on": true,
}

// stopWords cannot open a dateline: they open sentences and header lines.
var stopWords = map[string]bool{
	"in": true, "on": true, "at": true, "as": true, "by": true, "for": true, "from": true,
	"to": true, "with": true, "however": true, "but": true, "and": true, "or": true,
	"if": true, "when": true, "while": true, "after": true, "before": true, "according": true,
	"meanwhile": true, "also": true, "this": true, "that": true, "these": true, "those": true,
	"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "a": true,
	"an": true, "there": true, "here": true, "photo": true, "photos": true, "source": true,
	"sources": true, "posted": true, "updated": true, "published": true, "watch": true,
	"video": true, "note": true, "read": true, "more": true, "breaking": true, "exclusive": true,
	"analysis": true, "opinion": true, "comment": true, "live": true, "news": true,
	"release": true, "statement": true, "update": true, "editor": true, "editor's": true,
	"correction": true, "advisory": true, "urgent": true, "flash": true, "officials": true,
	"police": true, "el": true, "la": true, "los": true, "las": true, "en": true, "por": true,
	"según": true, "con": true, "un": true, "una": true, "yesterday": true, "today": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "president": true, "mr.": true, "mrs.": true, "dr.": true,
	"credit": true, "image": true, "caption": true, "subscribe": true, "share": true,
	"notice": true, "warning": true, "contact": true, "email": true, "tel": true, "phone": true,
}

// opener reports whether w in lower case is a stop word or "the"; an ASCII
// word is lowered on the stack, since nearly every candidate asks.
func opener(w string) (stop, the bool) {
	var arr [32]byte
	low, ok := ascii.AppendLower(arr[:0], w)
	switch {
	case !ok:
		lw := strings.ToLower(w)
		return stopWords[lw], lw == "the"
	case len(low) == 0: // already lower case
		return stopWords[w], w == "the"
	}
	return stopWords[string(low)], string(low) == "the"
}

// parser reads one dateline candidate.
type parser struct {
	text   string
	pos    int
	strict bool
}

// word is one word of a place or region name.
type word struct {
	start, end int
	s          string
	upper      bool // starts upper-case
	lower      bool // has a lower-case letter
}

// readWord reads a word at i: letters with inner dots, hyphens and
// apostrophes, and a closing dot when it is an abbreviation ("St.", "Sin.",
// "W.Va.", "Calif.").
func (p *parser) readWord(i int) (word, bool) {
	t := p.text
	start, letters := i, 0
	innerDot, lower := false, false
	for i < len(t) {
		r, w := utf8.DecodeRuneInString(t[i:])
		if unicode.IsLetter(r) {
			letters++
			lower = lower || unicode.IsLower(r)
			i += w
			continue
		}
		if r == '.' || r == '-' || r == '\'' || r == '’' {
			if i+w < len(t) {
				nr, _ := utf8.DecodeRuneInString(t[i+w:])
				if unicode.IsLetter(nr) {
					innerDot = innerDot || r == '.'
					i += w
					continue
				}
			}
			if r == '.' && letters > 0 && (innerDot || (lower && letters <= 5) || (!lower && letters <= 2)) {
				i += w
			}
		}
		break
	}
	if letters == 0 {
		return word{}, false
	}
	first, _ := utf8.DecodeRuneInString(t[start:])
	return word{start: start, end: i, s: t[start:i], upper: unicode.IsUpper(first), lower: lower}, true
}

// skipBlanks returns the index after blanks at i (not crossing a line break).
func (p *parser) skipBlanks(i int) int {
	for i < len(p.text) {
		r, w := utf8.DecodeRuneInString(p.text[i:])
		if !isBlank(r) {
			break
		}
		i += w
	}
	return i
}

// name reads 1–max capitalised words with inner joiners at i, appending
// them to ws. It fails when more capitalised words follow, so longer titles
// are not cut into names.
func (p *parser) name(i, max int, ws []word) ([]word, int, bool) {
	caps := 0
	for {
		w, ok := p.readWord(i)
		if !ok {
			break
		}
		if !w.upper {
			if len(ws) == 0 || !joiners[strings.ToLower(w.s)] {
				break
			}
		} else {
			caps++
			if caps > max {
				return nil, 0, false
			}
		}
		ws = append(ws, w)
		i = w.end
		// One space (or no-break space) between words.
		j := p.skipBlanks(i)
		if j == i || j-i > 3 {
			break
		}
		if _, ok := p.readWord(j); !ok {
			break
		}
		i = j
	}
	// Drop trailing joiners.
	for len(ws) > 0 && !ws[len(ws)-1].upper {
		ws = ws[:len(ws)-1]
	}
	if caps == 0 || len(ws) == 0 {
		return nil, 0, false
	}
	return ws, ws[len(ws)-1].end, true
}

// dateRef is a leap year's last day: resolving a month and day against it
// keeps them as written.
var dateRef = time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)

// dateAt reads a date at i ("Jan. 25, 2013", "March 3", "26 Jun", "8 de
// abril de 2025") up to end; yearless dates come back with full false.
func (p *parser) dateAt(i, end int) (t time.Time, to int, full, ok bool) {
	seg := p.text[i:end]
	e, ok := timex.Leading(seg, dateRef, true)
	if !ok || e.Start != 0 || e.Precision != timex.Day {
		return time.Time{}, 0, false, false
	}
	r, _ := utf8.DecodeRuneInString(seg)
	if e.Relative && !unicode.IsDigit(r) {
		if _, _, ok := monthDay(e.Text); !ok {
			return time.Time{}, 0, false, false // a weekday or "yesterday", not a date
		}
	}
	return e.From, i + e.End, !e.Relative, true
}

// monthDay reads the month and day of a yearless date such as "Oct. 8".
func monthDay(s string) (time.Month, int, bool) {
	if e, ok := timex.Leading(s, dateRef, true); ok && e.Precision == timex.Day && e.Start == 0 {
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsDigit(r) || isMonth(strings.TrimRight(firstField(s), ".,")) {
			return e.From.Month(), e.From.Day(), true
		}
	}
	return 0, 0, false
}

// firstField is strings.Fields(s)[0] without making the other fields.
func firstField(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if k := strings.IndexFunc(s, unicode.IsSpace); k >= 0 {
		return s[:k]
	}
	return s
}

func isMonth(w string) bool {
	_, ok := timex.MonthNamed(w)
	return ok
}

// lineEnd is the index of the end of the line holding i.
func (p *parser) lineEnd(i int) int {
	// Byte by byte: a one-paragraph text is scanned to its end for each
	// candidate. No break's encoding occurs inside another rune's.
	for j := i; j < len(p.text); j++ {
		switch p.text[j] {
		case '\n', '\r':
			return j
		case 0xE2: // the lead byte of U+2028 and U+2029
			if strings.HasPrefix(p.text[j:], "\u2028") || strings.HasPrefix(p.text[j:], "\u2029") {
				return j
			}
		}
	}
	return len(p.text)
}

func (p *parser) parse() (Dateline, bool) {
	t := p.text
	var placeBuf [8]word
	place, i, ok := p.name(p.pos, 4, placeBuf[:0])
	if !ok {
		return Dateline{}, false
	}
	eol := p.lineEnd(p.pos) // after the name: most candidates fail there
	stop, the := opener(place[0].s)
	d := Dateline{Start: p.pos, PlaceStart: place[0].start, PlaceEnd: i}
	d.Place = t[d.PlaceStart:d.PlaceEnd]
	// "WASHINGTON/SANAA (Reuters)": reporters in two cities; the first is
	// the place, the others belong to the dateline too.
	var buf [8]word
	for i < eol && t[i] == '/' {
		more, to, ok := p.name(i+1, 4, buf[:0])
		if !ok || more[0].lower {
			break
		}
		i = to
	}
	allCaps := true
	letters := 0
	for _, w := range place {
		allCaps = allCaps && !w.lower
		n := utf8.RuneCountInString(strings.TrimSuffix(w.s, "."))
		if n < 2 {
			return Dateline{}, false // an initial: "June V. (Watson)" is a name
		}
		letters += n
	}
	if stop || (the && !allCaps) || letters < 2 {
		return Dateline{}, false
	}
	// Comma items: regions and a date.
	regions := 0
	for i < eol && t[i] == ',' {
		j := p.skipBlanks(i + 1)
		if d.DateText == "" {
			if dt, to, full, ok := p.dateAt(j, eol); ok {
				d.DateText, d.DateStart, d.DateEnd = t[j:to], j, to
				if full {
					d.Date, d.HasDate = dt, true
				}
				i = to
				continue
			}
		}
		if regions == 2 || d.DateText != "" {
			break
		}
		ws, to, ok := p.name(j, 3, buf[:0])
		if !ok {
			break
		}
		if regions == 0 {
			d.RegionStart = ws[0].start
		}
		d.RegionEnd = to
		regions++
		i = to
	}
	if regions > 0 {
		d.Region = t[d.RegionStart:d.RegionEnd]
	}
	// A parenthesised wire tag or date.
	j := p.skipBlanks(i)
	if j < eol && t[j] == '(' {
		k := strings.IndexByte(t[j:eol], ')')
		if k < 0 || k > 48 {
			return Dateline{}, false
		}
		inner := strings.TrimSpace(t[j+1 : j+k])
		innerStart := j + 1 + strings.Index(t[j+1:j+k], inner)
		if dt, to, full, ok := p.dateAt(innerStart, innerStart+len(inner)); ok && to == innerStart+len(inner) && d.DateText == "" {
			d.DateText, d.DateStart, d.DateEnd = inner, innerStart, to
			if full {
				d.Date, d.HasDate = dt, true
			}
		} else if isWire(inner) {
			d.Wire = inner
		} else {
			return Dateline{}, false
		}
		i = j + k + 1
	}
	// The terminator.
	j = p.skipBlanks(i)
	if j < eol && t[j] == '.' && j+1 < len(t) && isDash(t[j+1:]) > 0 { // Spanish ".-" and ".—"
		j++
	}
	marked := d.Wire != "" || d.DateText != ""
	switch n := isDash(t[j:]); {
	case n > 0:
		spaced := j > i
		j += n
		for isDash(t[j:]) > 0 { // "--"
			j += isDash(t[j:])
		}
		if j < len(t) && t[j] >= '0' && t[j] <= '9' {
			return Dateline{}, false // "LST-325" is a name
		}
		if !allCaps && !marked && !spaced {
			return Dateline{}, false // "Abdishakur--a teacher"
		}
		if !p.sentenceFollows(j, marked) {
			return Dateline{}, false
		}
	case j < len(t) && t[j] == ':':
		j++
		if !allCaps || regions > 0 || letters < 3 || !p.sentenceFollows(j, marked) {
			return Dateline{}, false
		}
	case j >= eol:
		if !marked {
			return Dateline{}, false
		}
	case d.Wire != "":
		// "Damascus, 26 Jun (Prensa Latina) Joint units…": a tag then the story.
		r, _ := utf8.DecodeRuneInString(t[j:])
		if !unicode.IsUpper(r) || !(allCaps || regions > 0 || d.DateText != "" || len(place) <= 2) {
			return Dateline{}, false
		}
	default:
		return Dateline{}, false
	}
	d.End = p.skipBlanks(j)
	if p.strict && !allCaps && regions == 0 && !marked {
		return Dateline{}, false
	}
	if !allCaps && regions == 0 && !marked && len(place) > 3 {
		return Dateline{}, false
	}
	return d, true
}

// isDash returns the byte length of a dash at the start of s, or 0.
func isDash(s string) int {
	r, w := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '–', '—', '―', '‒', '−':
		return w
	}
	return 0
}

// sentenceFollows checks the text after a dash or colon: a story's first
// sentence (three words or more, some of them lower-case), or, for a
// dateline marked by a date or wire tag, anything.
func (p *parser) sentenceFollows(i int, marked bool) bool {
	if marked {
		return true
	}
	// The first twelve fields (as strings.Fields splits them) of the line:
	// a story may open on a run of names ("On Jan. 14, U.S. Central Command
	// (CENTCOM) forces conducted").
	rest := p.text[i:p.lineEnd(i)]
	fields, lower := 0, 0
	inField := false
	for _, r := range rest {
		if unicode.IsSpace(r) {
			inField = false
			continue
		}
		if !inField {
			inField = true
			if fields++; fields > 12 {
				break
			}
			if unicode.IsLower(r) {
				lower++
			}
		}
	}
	return fields >= 3 && lower >= 2
}

// isWire reports whether s reads as a wire or outlet tag: a few words of
// letters, no digits.
func isWire(s string) bool {
	if s == "" || len(s) > 40 || len(strings.Fields(s)) > 4 {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || r == ' ' || r == '.' || r == '&' || r == '-' || r == '/' || r == '\'') {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// headerYear matches a year in the lines above a dateline: a release number
// "2010-10-CA-127" (year and month) or a free-standing year.
var headerYear = regexp.MustCompile(`\b((?:19|20)\d\d)(?:-(\d\d)-)?`)

// inferYear completes a yearless dateline date from a year in the header
// text above it.
func inferYear(header string, d *Dateline) {
	m, day, ok := monthDay(d.DateText)
	if !ok {
		return
	}
	if t, _, ok := yearFromHeader(header, m, day); ok {
		d.Date, d.HasDate, d.YearInferred = t, true, true
	}
}

// yearFromHeader dates month m, day day by the first year in header that
// gives a real date, moving across a year end when the release month and m
// are more than six months apart. gap is how many months m lies from the
// release month after that move, -1 when the year stands alone.
func yearFromHeader(header string, m time.Month, day int) (t time.Time, gap int, ok bool) {
	for _, sm := range headerYear.FindAllStringSubmatchIndex(header, -1) {
		// A year glued to other digits or letters is part of something else.
		if sm[1] < len(header) && header[sm[1]-1] != '-' && isAlnumByte(header[sm[1]]) {
			continue
		}
		y, _ := strconv.Atoi(header[sm[2]:sm[3]])
		gap = -1
		if sm[4] >= 0 {
			rm, _ := strconv.Atoi(header[sm[4]:sm[5]])
			diff := int(m) - rm
			switch {
			case diff > 6:
				y, diff = y-1, diff-12
			case diff < -6:
				y, diff = y+1, diff+12
			}
			gap = max(diff, -diff)
		}
		t = time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			continue
		}
		return t, gap, true
	}
	return time.Time{}, 0, false
}

// TitleDate reads a yearless date that opens the first line as a release
// title ("Dec. 17: Militants Detained …") and completes it with the year of
// the release number in the header ("2009-12-CA-072"), as a yearless
// dateline is completed. False unless the title is just the date before a
// colon, the header has a year-month number, and the two months lie at most
// one apart.
func TitleDate(text string) (time.Time, bool) {
	head := text[:min(len(text), window)]
	line := head
	if i := strings.IndexAny(line, "\n\r"); i >= 0 {
		line = line[:i]
	}
	title, _, found := strings.Cut(line, ":")
	title = strings.TrimSpace(title)
	if !found || title == "" || !isMonth(strings.TrimRight(strings.Fields(title)[0], ".,")) {
		return time.Time{}, false
	}
	e, ok := timex.Leading(title, dateRef, true)
	if !ok || e.Precision != timex.Day || e.Start != 0 || e.End != len(title) {
		return time.Time{}, false
	}
	t, gap, ok := yearFromHeader(head, e.From.Month(), e.From.Day())
	if !ok || gap < 0 || gap > 1 {
		return time.Time{}, false
	}
	return t, true
}

func isAlnumByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

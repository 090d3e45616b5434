// Package timex finds date expressions in news text, English and Spanish,
// and resolves them to calendar ranges against a reference date (usually
// the report's publication or dateline date).
//
// Choices, for the code that reads the results:
//
//   - A bare weekday ("Sunday", "on Sunday", "el domingo", "este domingo")
//     is the most recent such day on or before ref: when ref is itself a
//     Sunday, "Sunday" is ref, as a report filed on a Sunday uses "Sunday"
//     for that day. "last Sunday"/"el pasado domingo" is strictly before ref;
//     "next Sunday"/"el próximo domingo" strictly after.
//   - "March 7" takes the year of ref, or the year before when that would put
//     it more than 31 days after ref; "in March" likewise, by its first day.
//   - Weeks run Monday to Sunday. "this week" and "earlier this week" run
//     from that Monday to ref; "this month"/"this year" likewise end at ref.
//     "last week" is the whole previous calendar week; "the past week" the
//     seven days up to ref.
//   - Without a reference date, relative expressions are returned with
//     Precision Unknown, zero times and Relative set, so callers can tell "a
//     date was given but cannot be placed" from "no date"; expressions that
//     lack only the year ("March 7", "in March") are left out, as they
//     cannot even be ranged.
//   - Not dates: "May" the modal and "march" the verb (a month needs a
//     capital and a day, a year or a preposition: "May 5", "May 2013", "in
//     May"), weekdays in names ("Sunday Times"), clock times, and bare
//     four-digit figures ("killed 2013 people"); a year alone needs a
//     preposition ("in 2019", "since 2019", "en 2019").
package timex

import (
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/strikewatch/strikewatch/internal/numbers"
)

// Precision is how precisely an expression places its date.
type Precision string

// The precisions, from finest to none.
const (
	Day     Precision = "day"
	Week    Precision = "week"
	Month   Precision = "month"
	Year    Precision = "year"
	Unknown Precision = "unknown"
)

// Expr is one date expression found in a text.
type Expr struct {
	Start, End int    // byte span in the text passed to Find
	Text       string // text[Start:End]
	From, To   time.Time
	Precision  Precision
	Relative   bool // resolved against ref (or unresolved for want of one)
	// Anchored: the expression counts days from the time the text is
	// telling of, not from now ("a day earlier", "two days later", "the
	// next day"); From holds ref+Offset until a caller that knows the
	// narrated date moves it.
	Anchored bool
	Offset   int // days from the anchor, when Anchored
}

// Find returns the date expressions of text in order of position, resolved
// against ref when hasRef is set. Times are UTC midnights; To is inclusive.
func Find(text string, ref time.Time, hasRef bool) []Expr {
	return slices.Collect(All(text, ref, hasRef))
}

// FindLower is Find for a caller that has lower, text with its ASCII
// capitals lowered (ascii.Lower): the words are not lowered again.
func FindLower(text, lower string, ref time.Time, hasRef bool) []Expr {
	return slices.Collect(all(text, lower, ref, hasRef))
}

// All yields the expressions Find returns, one at a time, so that a caller
// looking for the first of some sort can stop there.
func All(text string, ref time.Time, hasRef bool) iter.Seq[Expr] {
	return all(text, "", ref, hasRef)
}

func all(text, lower string, ref time.Time, hasRef bool) iter.Seq[Expr] {
	return func(yield func(Expr) bool) {
		buf := tokenBufs.Get().(*[]token)
		defer tokenBufs.Put(buf)
		*buf = scanN(text, lower, -1, *buf)
		f := finder{text: text, toks: *buf, hasRef: hasRef}
		if hasRef {
			f.ref = dateOf(ref)
		}
		for i := 0; i < len(f.toks); {
			if e, next, ok := f.at(i); ok {
				if !yield(e) {
					return
				}
				i = next
				continue
			}
			i++
		}
	}
}

// FirstFull returns the first expression of Find(text, time.Time{}, false)
// that is a day written with its year ("April 8, 2025", "2025-04-08"). Such
// a date needs a four-digit figure, so a text without one is not read.
func FirstFull(text string) (Expr, bool) {
	if !hasFourDigits(text) {
		return Expr{}, false
	}
	for e := range All(text, time.Time{}, false) {
		if e.Precision == Day && !e.Relative && !e.From.IsZero() {
			return e, true
		}
	}
	return Expr{}, false
}

// hasFourDigits reports whether text has a run of exactly four ASCII digits.
func hasFourDigits(text string) bool {
	run := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= '0' && c <= '9' {
			run++
			continue
		}
		if run == 4 {
			return true
		}
		run = 0
	}
	return run == 4
}

// tokenBufs recycles All's token slices: Find runs once per sentence.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// leadTokens bounds what at reads from token 0: no reading looks further
// than a dozen tokens ahead.
const leadTokens = 16

// Leading returns the expression Find reads at the first token of text, if
// one starts there; it scans only the head of text, for callers that want a
// date at the start of a long line.
func Leading(text string, ref time.Time, hasRef bool) (Expr, bool) {
	buf := tokenBufs.Get().(*[]token) // datelines ask once per word they try
	defer tokenBufs.Put(buf)
	*buf = scanN(text, "", leadTokens, *buf)
	f := finder{text: text, toks: *buf, hasRef: hasRef}
	if len(f.toks) == 0 {
		return Expr{}, false
	}
	if hasRef {
		f.ref = dateOf(ref)
	}
	e, _, ok := f.at(0)
	return e, ok
}

// ParseDate reads a date written alone, as in a flag, a feed or a
// dateline: "2025-04-08", RFC 3339 and RFC 1123 timestamps, "Jan. 25,
// 2013", "25 January 2013", "8 de abril de 2025", "January 2013", "2013".
// The time is the written calendar date at UTC midnight (for a month or a
// year, its first day).
func ParseDate(s string) (time.Time, Precision, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", time.DateTime,
		time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, "Mon, 2 Jan 2006 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return dateOf(t), Day, true
		}
	}
	if len(s) == 4 {
		if y, err := strconv.Atoi(s); err == nil && y >= 1000 {
			return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Year, true
		}
	}
	trimmed := strings.TrimRight(s, " .,;:")
	es := Find(trimmed, time.Time{}, false)
	if len(es) != 1 || es[0].Relative || es[0].Start != 0 || es[0].End != len(trimmed) {
		return time.Time{}, "", false
	}
	return es[0].From, es[0].Precision, true
}

// ResolveMonthDay places a date written without a year ("March 7") against
// ref: ref's year, or the year before when that is more than 31 days after
// ref. ok is false for a day the month does not have.
func ResolveMonthDay(m time.Month, d int, ref time.Time) (time.Time, bool) {
	ref = dateOf(ref)
	t, ok := mkDate(ref.Year(), m, d)
	if !ok && m == time.February && d == 29 {
		t, ok = mkDate(ref.Year()-1, m, d) // only leap years have it
		return t, ok
	}
	if ok && t.Sub(ref) > 31*24*time.Hour {
		t, ok = mkDate(ref.Year()-1, m, d)
	}
	return t, ok
}

// finder holds one Find call's state.
type finder struct {
	text   string
	toks   []token
	ref    time.Time
	hasRef bool
}

func (f *finder) word(i int) string {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != kWord {
		return ""
	}
	return f.toks[i].low
}

func (f *finder) punct(i int) string {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != kPunct {
		return ""
	}
	return f.toks[i].low
}

// numAt returns the value of a digit run at i, and its digit count.
func (f *finder) numAt(i int) (int, int, bool) {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != kNum || len(f.toks[i].low) > 9 {
		return 0, 0, false
	}
	v, err := strconv.Atoi(f.toks[i].low)
	return v, len(f.toks[i].low), err == nil
}

// adjacent reports whether tokens i and j touch with no space between.
func (f *finder) adjacent(i, j int) bool {
	return i >= 0 && j < len(f.toks) && i < len(f.toks) && j >= 0 && f.toks[i].end == f.toks[j].start
}

// gluedAfter reports whether the token at i continues into letters, digits
// or an id-like "-x" or ":x" ("3pm", "10:30", "2013-01-S").
func (f *finder) gluedAfter(i int) bool {
	j := i + 1
	if !f.adjacent(i, j) {
		return false
	}
	t := f.toks[j]
	if t.kind != kPunct {
		return true
	}
	if t.low == "-" || t.low == ":" || t.low == "/" || t.low == "." {
		return f.adjacent(j, j+1) && f.toks[j+1].kind == kNum || (t.low == "-" && f.adjacent(j, j+1))
	}
	return false
}

// gluedBefore reports whether the token at i continues a word, figure or id before it.
func (f *finder) gluedBefore(i int) bool {
	if !f.adjacent(i-1, i) {
		return false
	}
	t := f.toks[i-1]
	if t.kind != kPunct {
		return true
	}
	return (t.low == "-" || t.low == "/" || t.low == ":" || t.low == ".") && f.adjacent(i-2, i-1) && f.toks[i-2].kind != kPunct
}

func (f *finder) expr(from, to int) Expr {
	s, e := f.toks[from].start, f.toks[to-1].end
	return Expr{Start: s, End: e, Text: f.text[s:e]}
}

// at reads the longest date expression starting at token i.
func (f *finder) at(i int) (Expr, int, bool) {
	switch t := f.toks[i]; {
	case t.kind == kPunct:
		return Expr{}, 0, false // every reading starts at a word or a figure
	case t.kind == kWord && t.flags&fStart == 0:
		return f.ago(i) // the only reading that may start at any word
	}
	if e, next, ok := f.weekdayDate(i); ok {
		return e, next, true
	}
	if e, next, ok := f.explicit(i); ok {
		return e, next, true
	}
	if e, next, ok := f.prepositional(i); ok {
		return e, next, true
	}
	if e, next, ok := f.relative(i); ok {
		return e, next, true
	}
	if e, next, ok := f.ago(i); ok {
		return e, next, true
	}
	return f.weekday(i)
}

// weekdayDate reads a weekday before an explicit date: "Tuesday, April 8, 2025".
func (f *finder) weekdayDate(i int) (Expr, int, bool) {
	if _, ok := f.weekdayWord(i); !ok {
		return Expr{}, 0, false
	}
	j := i + 1
	if f.punct(j) == "," {
		j++
	}
	e, next, ok := f.explicit(j)
	if !ok {
		return Expr{}, 0, false
	}
	s := f.toks[i].start
	e.Start, e.Text = s, f.text[s:e.End]
	return e, next, true
}

// weekdayWord reads an English (capitalised) or Spanish (lower-case) weekday.
func (f *finder) weekdayWord(i int) (time.Weekday, bool) {
	w := f.word(i)
	if wd, ok := weekdays[w]; ok && f.toks[i].upper {
		return wd, true
	}
	if wd, ok := weekdaysES[w]; ok && (!f.toks[i].upper || f.word(i-1) == "el" || f.word(i-1) == "este" || f.word(i-1) == "pasado") {
		return wd, true
	}
	return 0, false
}

// monthWord reads a month name at i: English capitalised, with an optional
// abbreviation dot; Spanish in either case. It returns the index after it.
func (f *finder) monthWord(i int) (time.Month, int, bool) {
	w := f.word(i)
	if w == "" || f.gluedBefore(i) && !(f.punct(i-1) == "-" && f.word(i-2) == "mid") {
		return 0, 0, false
	}
	if m, ok := months[w]; ok && f.toks[i].upper {
		next := i + 1
		if len(w) <= 4 && f.punct(next) == "." && f.adjacent(i, next) {
			next++
		}
		return m, next, true
	}
	if m, ok := monthsES[w]; ok {
		return m, i + 1, true
	}
	// The wire style "29 sep", "9 dic", "7 mar (EFE)": a lower-case Spanish
	// abbreviation, read only right after a day number ("mar" is also the
	// sea, "may" an English modal).
	if m, ok := monthsESAbbr[w]; ok && i > 0 {
		if d, n, ok := f.numAt(i - 1); ok && n <= 2 && d >= 1 && d <= 31 {
			next := i + 1
			if f.punct(next) == "." && f.adjacent(i, next) {
				next++
			}
			return m, next, true
		}
	}
	return 0, 0, false
}

// dayAt reads a day of the month at i ("7", "07", "7th"), returning the index after it.
func (f *finder) dayAt(i int) (int, int, bool) {
	d, n, ok := f.numAt(i)
	if !ok || n > 2 || d < 1 || d > 31 || f.gluedBefore(i) {
		return 0, 0, false
	}
	next := i + 1
	if f.adjacent(i, next) {
		switch f.word(next) {
		case "st", "nd", "rd", "th", "º", "o":
			next++
		default:
			if f.gluedAfter(i) {
				return 0, 0, false
			}
		}
	}
	return d, next, true
}

// yearAt reads a four-digit year from 1900 to 2100 at i.
func (f *finder) yearAt(i int) (int, bool) {
	y, n, ok := f.numAt(i)
	if !ok || n != 4 || y < 1900 || y > 2100 || f.gluedBefore(i) || f.gluedAfter(i) {
		return 0, false
	}
	return y, true
}

// explicit reads a calendar date written out, with or without its year.
func (f *finder) explicit(i int) (Expr, int, bool) {
	if e, next, ok := f.iso(i); ok {
		return e, next, true
	}
	// Month first: "Jan. 25, 2013", "March 7", "January 2013".
	if m, j, ok := f.monthWord(i); ok {
		if d, k, ok := f.dayAt(j); ok && !monthsESOnly(f.word(i)) {
			if f.punct(k) == "," {
				if y, ok := f.yearAt(k + 1); ok {
					return f.day(i, k+2, y, m, d)
				}
			}
			if y, ok := f.yearAt(k); ok {
				return f.day(i, k+1, y, m, d)
			}
			return f.yearless(i, k, m, d)
		}
		k := j
		if f.punct(k) == "," {
			k++
		}
		if y, ok := f.yearAt(k); ok && !monthsESOnly(f.word(i)) {
			return f.month(i, k+1, y, m)
		}
		// Spanish "abril de 2025", "abril del 2025".
		if (f.word(j) == "de" || f.word(j) == "del") && monthsESOnly(f.word(i)) {
			if y, ok := f.yearAt(j + 1); ok {
				return f.month(i, j+2, y, m)
			}
		}
		return Expr{}, 0, false
	}
	// Day first: "25 January 2013", "25th of January", "8 de abril de 2025".
	d, j, ok := f.dayAt(i)
	if !ok {
		return Expr{}, 0, false
	}
	spanish := false
	switch f.word(j) {
	case "of":
		j++
	case "de":
		j++
		spanish = true
	}
	m, k, ok := f.monthWord(j)
	if !ok || spanish != monthsESOnly(f.word(j)) {
		return Expr{}, 0, false
	}
	if f.punct(k) == "," && !spanish {
		if y, ok := f.yearAt(k + 1); ok {
			return f.day(i, k+2, y, m, d)
		}
	}
	if y, ok := f.yearAt(k); ok && !spanish {
		return f.day(i, k+1, y, m, d)
	}
	if spanish && (f.word(k) == "de" || f.word(k) == "del") {
		if y, ok := f.yearAt(k + 1); ok {
			return f.day(i, k+2, y, m, d)
		}
	}
	return f.yearless(i, k, m, d)
}

func monthsESOnly(w string) bool { _, ok := monthsES[w]; return ok }

// iso reads "2025-04-08" (optionally followed by a time, which it ignores).
func (f *finder) iso(i int) (Expr, int, bool) {
	y, n, ok := f.numAt(i)
	if !ok || n != 4 || f.gluedBefore(i) || f.punct(i+1) != "-" || f.punct(i+3) != "-" ||
		!f.adjacent(i, i+1) || !f.adjacent(i+1, i+2) || !f.adjacent(i+2, i+3) || !f.adjacent(i+3, i+4) {
		return Expr{}, 0, false
	}
	m, mn, ok1 := f.numAt(i + 2)
	d, dn, ok2 := f.numAt(i + 4)
	if !ok1 || !ok2 || mn != 2 || dn != 2 || m < 1 || m > 12 {
		return Expr{}, 0, false
	}
	if f.adjacent(i+4, i+5) {
		// "2025-04-08T10:00" is fine; "2013-01-25-S" or "2025-04-081" is an id.
		nx := f.toks[i+5]
		timePart := nx.kind == kWord && strings.HasPrefix(nx.low, "t")
		if !timePart && (nx.kind != kPunct || f.gluedAfter(i+4) && (nx.low == "-" || nx.low == "/")) {
			return Expr{}, 0, false
		}
	}
	return f.day(i, i+5, y, time.Month(m), d)
}

func (f *finder) day(from, to, y int, m time.Month, d int) (Expr, int, bool) {
	t, ok := mkDate(y, m, d)
	if !ok {
		return Expr{}, 0, false
	}
	e := f.expr(from, to)
	e.From, e.To, e.Precision = t, t, Day
	return e, to, true
}

func (f *finder) month(from, to, y int, m time.Month) (Expr, int, bool) {
	e := f.expr(from, to)
	e.From = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	e.To = e.From.AddDate(0, 1, -1)
	e.Precision = Month
	return e, to, true
}

// yearless resolves "March 7" against ref; without ref it is left out.
func (f *finder) yearless(from, to int, m time.Month, d int) (Expr, int, bool) {
	if !f.hasRef {
		return Expr{}, 0, false
	}
	t, ok := ResolveMonthDay(m, d, f.ref)
	if !ok {
		return Expr{}, 0, false
	}
	e := f.expr(from, to)
	e.From, e.To, e.Precision, e.Relative = t, t, Day, true
	return e, to, true
}

// prepositional reads a bare month or year after a preposition: "in March",
// "since 2019", "mid-March", "en 2019", "last March". The preposition stays
// out of the span except for "last"/"this"/"next", which change its meaning.
func (f *finder) prepositional(i int) (Expr, int, bool) {
	w := f.word(i)
	// "between 2004 and 2018", "from 2004 to 2018": a span of years.
	if w == "between" || w == "from" || w == "entre" || w == "desde" {
		if y1, ok := f.yearAt(i + 1); ok {
			if c := f.word(i + 2); c == "and" || c == "to" || c == "y" || c == "a" || c == "hasta" {
				if y2, ok := f.yearAt(i + 3); ok && y2 > y1 {
					e := f.expr(i+1, i+4)
					e.From = time.Date(y1, 1, 1, 0, 0, 0, 0, time.UTC)
					e.To = time.Date(y2, 12, 31, 0, 0, 0, 0, time.UTC)
					e.Precision = Year
					return e, i + 4, true
				}
			}
		}
	}
	// "the 2015 bombing", "its 2019 offensive": a year before what it dates.
	if w == "the" || w == "its" || w == "their" || w == "his" || w == "her" || w == "a" || w == "an" {
		if y, ok := f.yearAt(i + 1); ok && i+2 < len(f.toks) && f.word(i+2) != "" && !f.toks[i+2].upper {
			e := f.expr(i+1, i+2)
			e.From = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			e.To = time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
			e.Precision = Year
			return e, i + 2, true
		}
	}
	if w != "last" && w != "this" && w != "next" && !yearPreps[w] {
		return Expr{}, 0, false
	}
	j := i + 1
	if f.punct(j) == "-" && f.adjacent(i, j) { // "mid-March"
		j++
	}
	addressLike := j+1 < len(f.toks) && f.toks[j+1].upper && w == "of" // "of 1935 Orchard St."
	if y, ok := f.yearAt(j); ok && !addressLike && (w != "last" && w != "this" && w != "next") {
		e := f.expr(j, j+1)
		e.From = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		e.To = time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		e.Precision = Year
		return e, j + 1, true
	}
	m, k, ok := f.monthWord(j)
	if !ok || monthsESOnly(f.word(j)) != spanishPreps[w] {
		return Expr{}, 0, false
	}
	if _, _, ok := f.dayAt(k); ok {
		return Expr{}, 0, false // a full date; explicit reads it from the month
	}
	if y, ok := f.yearAt(k); ok {
		e, next, ok := f.month(j, k+1, y, m)
		return earlyPart(e, w), next, ok
	}
	if f.word(k) == "de" || f.word(k) == "del" {
		if _, ok := f.yearAt(k + 1); ok {
			return Expr{}, 0, false
		}
	}
	if !f.hasRef {
		return Expr{}, 0, false
	}
	// "in September last year", "in March of next year".
	if k2 := k + boolInt(f.word(k) == "of"); (f.word(k2) == "last" || f.word(k2) == "this" || f.word(k2) == "next") && f.word(k2+1) == "year" {
		y := f.ref.Year()
		switch f.word(k2) {
		case "last":
			y--
		case "next":
			y++
		}
		e, _, _ := f.month(j, k2+2, y, m)
		e.Relative = true
		return earlyPart(e, w), k2 + 2, true
	}
	from := j
	y := f.ref.Year()
	switch {
	case w == "last":
		from = i
		if m >= f.ref.Month() {
			y--
		}
	case w == "next":
		from = i
		if m <= f.ref.Month() {
			y++
		}
	default:
		if w == "this" {
			from = i
		}
		if time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Sub(f.ref) > 31*24*time.Hour {
			y--
		}
	}
	e, next, _ := f.month(from, k, y, m)
	e.Relative = true
	return earlyPart(e, w), next, true
}

// earlyPart ends "early June" on the 10th: the first third of the month,
// still at month precision, so that it is not read as recent weeks later.
func earlyPart(e Expr, w string) Expr {
	if w == "early" && e.Precision == Month {
		e.To = time.Date(e.From.Year(), e.From.Month(), 10, 0, 0, 0, 0, time.UTC)
	}
	return e
}

// relative reads a fixed relative phrase ("yesterday", "last week", "ayer").
func (f *finder) relative(i int) (Expr, int, bool) {
	for _, r := range relByFirst[f.word(i)] {
		ok := true
		for k, w := range r.words {
			if got := f.word(i + k); got != w && !(i+k < len(f.toks) && f.toks[i+k].kind == kNum && f.toks[i+k].low == w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		next := i + len(r.words)
		if r.unit == uDay && (r.words[0] == "yesterday" || r.words[0] == "today" || r.words[0] == "tomorrow") && partsOfDay[f.word(next)] {
			next++
		}
		e := f.expr(i, next)
		f.resolve(&e, r.unit, r.n)
		if anchoredRel[strings.Join(r.words, " ")] {
			if last := r.words[len(r.words)-1]; (last == "before" || last == "antes") && f.word(next) != "" {
				return Expr{}, 0, false // "the day before the vote": anchored on the event named next
			}
			e.Anchored, e.Offset = true, r.n
		}
		return e, next, true
	}
	return Expr{}, 0, false
}

// ago reads "two days ago", "three years ago", "hace dos días".
func (f *finder) ago(i int) (Expr, int, bool) {
	spanish := f.word(i) == "hace"
	j := i
	if spanish {
		j++
	}
	// count reads one token or three ("twenty-one"): look for the unit
	// first, as count is costly and a unit is rare.
	if !f.agoUnit(j+1) && !f.agoUnit(j+3) {
		return Expr{}, 0, false
	}
	n, k, ok := f.count(j)
	if !ok {
		return Expr{}, 0, false
	}
	u, ok := agoUnits[f.word(k)]
	if !ok {
		return Expr{}, 0, false
	}
	end := k + 1
	if !spanish {
		if dir, ok := anchorWords[f.word(end)]; ok && u == uDay {
			// "two days earlier", "dos días después": counted from the
			// narrated time. Not "two days after the strike", whose anchor
			// is the event named next.
			if dir.after && f.word(end+1) != "" && f.word(end+1) != "de" {
				return Expr{}, 0, false
			}
			e := f.expr(i, end+1)
			f.resolve(&e, uDay, dir.sign*n)
			e.Anchored, e.Offset = true, dir.sign*n
			return e, end + 1, true
		}
		if f.word(end) != "ago" {
			return Expr{}, 0, false
		}
		end++
	}
	e := f.expr(i, end)
	f.resolve(&e, u, -n)
	return e, end, true
}

// anchorWords follow "N days" when the count runs from the narrated time;
// after says the word may instead introduce an anchoring event ("two days
// after the strike"), so it counts only at the end of a phrase.
var anchorWords = map[string]struct {
	sign  int
	after bool
}{
	"earlier": {-1, false}, "later": {1, false}, "before": {-1, true}, "after": {1, true},
	"antes": {-1, true}, "después": {1, true}, "despues": {1, true},
}

// agoUnit reports whether the token at i is a word in agoUnits.
func (f *finder) agoUnit(i int) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].flags&fAgoUnit != 0
}

// count reads a small count: digits, a number word, or "a"/"an"/"un"/"una".
func (f *finder) count(i int) (int, int, bool) {
	if v, n, ok := f.numAt(i); ok && n <= 4 && !f.gluedBefore(i) && !f.gluedAfter(i) {
		return v, i + 1, true
	}
	w := f.word(i)
	switch w {
	case "":
		return 0, 0, false
	case "a", "an", "un", "una", "one":
		return 1, i + 1, true
	}
	// "twenty-one" is three tokens here.
	if f.punct(i+1) == "-" && f.adjacent(i, i+1) && f.word(i+2) != "" {
		if v, ok := numbers.Word(f.text[f.toks[i].start:f.toks[i+2].end]); ok && v > 0 && v < 10000 {
			return v, i + 3, true
		}
	}
	if v, ok := numbers.Word(w); ok && v > 0 && v < 10000 {
		return v, i + 1, true
	}
	return 0, 0, false
}

// weekday reads a weekday with its qualifiers: "Sunday", "last Sunday",
// "Monday night", "el pasado domingo", "el domingo pasado", "este domingo".
func (f *finder) weekday(i int) (Expr, int, bool) {
	from, j, dir := i, i, 0
	switch f.word(i) {
	case "last":
		dir, j = -1, i+1
	case "next":
		dir, j = 1, i+1
	case "this", "early", "late":
		j = i + 1
	case "el":
		j = i + 1
		switch f.word(j) {
		case "pasado":
			dir, j = -1, j+1
		case "próximo", "proximo":
			dir, j = 1, j+1
		}
	case "este":
		j = i + 1
	}
	wd, ok := f.weekdayWord(j)
	if !ok {
		return Expr{}, 0, false
	}
	if j == i && (f.word(i-1) == "the" || f.word(i-1) == "a") {
		return Expr{}, 0, false
	}
	next := j + 1
	if nx := f.toks; next < len(nx) && nx[next].kind == kWord && nx[next].upper && titleNouns[nx[next].low] {
		return Expr{}, 0, false
	}
	switch {
	case partsOfDay[f.word(next)]:
		next++
	case f.word(next) == "pasado" && f.word(i) == "el" && dir == 0:
		dir = -1
		next++
	case (f.word(next) == "próximo" || f.word(next) == "proximo") && f.word(i) == "el" && dir == 0:
		dir = 1
		next++
	}
	if f.word(i) == "el" && j == i+1 && dir == 0 {
		from = j // "el domingo": the article stays out
	}
	e := f.expr(from, next)
	e.Relative = true
	if !f.hasRef {
		e.Precision = Unknown
		return e, next, true
	}
	back := (int(f.ref.Weekday()) - int(wd) + 7) % 7
	var t time.Time
	switch dir {
	case -1:
		if back == 0 {
			back = 7
		}
		t = f.ref.AddDate(0, 0, -back)
	case 1:
		fwd := (int(wd) - int(f.ref.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		t = f.ref.AddDate(0, 0, fwd)
	default:
		t = f.ref.AddDate(0, 0, -back)
	}
	e.From, e.To, e.Precision = t, t, Day
	return e, next, true
}

// resolve sets e's range for n units from ref.
func (f *finder) resolve(e *Expr, u unit, n int) {
	e.Relative = true
	if !f.hasRef {
		e.Precision = Unknown
		return
	}
	ref := f.ref
	switch u {
	case uDay:
		e.From = ref.AddDate(0, 0, n)
		e.To, e.Precision = e.From, Day
	case uRolling:
		e.From, e.To, e.Precision = ref.AddDate(0, 0, -7), ref, Week
	case uWeek:
		monday := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
		e.From = monday.AddDate(0, 0, 7*n)
		e.To = e.From.AddDate(0, 0, 6)
		if n == 0 {
			e.To = ref
		}
		e.Precision = Week
	case uMonth:
		first := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC)
		e.From = first.AddDate(0, n, 0)
		e.To = e.From.AddDate(0, 1, -1)
		if n == 0 {
			e.To = ref
		}
		e.Precision = Month
	case uYear:
		e.From = time.Date(ref.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC)
		e.To = time.Date(ref.Year()+n, 12, 31, 0, 0, 0, 0, time.UTC)
		if n == 0 {
			e.To = ref
		}
		e.Precision = Year
	}
}

// mkDate builds a UTC date, rejecting days the month does not have.
func mkDate(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	// A report's date is no earlier than the year 1000 ("0001-01-01" is an
	// id or a placeholder, and the zero time besides).
	return t, t.Day() == d && t.Month() == m && y >= 1000
}

// dateOf drops the clock: the calendar date of t, as written, at UTC midnight.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// MonthNamed returns the month an English or Spanish month name or
// abbreviation names, in any case, with or without a dot: "Sept.", "abril".
func MonthNamed(w string) (time.Month, bool) {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	if m, ok := months[w]; ok {
		return m, true
	}
	m, ok := monthsES[w]
	return m, ok
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

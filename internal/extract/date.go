package extract

import (
	"strconv"
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/numbers"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/timex"
)

// dateIn returns the resolved date expressions of sentence s.
func (r *run) dateIn(s *sent) []timex.Expr {
	if s.datesOK {
		return s.dates
	}
	s.datesOK = true
	if !mayHaveDate(s) {
		return nil
	}
	var out []timex.Expr
	for _, e := range timex.FindLower(r.doc.Text[s.start:s.end], s.lower, r.doc.Ref, r.doc.HasRef) {
		if e.Precision == "" || e.Precision == "unknown" || e.From.IsZero() {
			continue
		}
		e.Start += s.start
		e.End += s.start
		if dl := r.doc.Dateline; dl != nil && e.Start < dl.End {
			continue // the dateline's date, and header lines above it, say when the report was filed
		}
		if e.Anchored {
			// "a day earlier": counted from the last date the text told of.
			if t, ok := r.narratedDate(s, out, e.Start); ok {
				e.From = t.AddDate(0, 0, e.Offset)
				e.To, e.Precision = e.From, timex.Day
			}
		}
		out = append(out, e)
	}
	s.dates = out
	return out
}

// narratedDate is the last day-precise date told before byte pos: in cur
// (the expressions of sentence s found so far), else in earlier sentences.
func (r *run) narratedDate(s *sent, cur []timex.Expr, pos int) (time.Time, bool) {
	for k := len(cur) - 1; k >= 0; k-- {
		if cur[k].Precision == timex.Day && cur[k].End <= pos {
			return cur[k].From, true
		}
	}
	for i := s.idx - 1; i >= 0; i-- {
		es := r.dateIn(r.sents[i])
		// The event's date, not when it was announced ("struck on Saturday,
		// the army said on Monday. Two days earlier, …").
		speech := r.speechDates(r.sents[i], es)
		for pass := 0; pass < 2; pass++ {
			for k := len(es) - 1; k >= 0; k-- {
				if es[k].Precision == timex.Day && (pass == 1 || !speech[k]) {
					return es[k].From, true
				}
			}
		}
	}
	return time.Time{}, false
}

// assignDate sets when the action happened: a date expression in its
// sentence, else the nearest earlier one in its paragraph. A claim with no
// date in the text stays unknown — the publication date is not the event date.
func (r *run) assignDate(d *draft) {
	s := d.s
	for i := s.idx; i >= 0; i-- {
		ps := r.sents[i]
		if ps.para != s.para {
			break
		}
		// An earlier sentence lends its date only when it tells of the same
		// kind of action; background ("attacks last month") does not.
		if i != s.idx && (!r.sameFamilyAction(ps, d.family) || indefinitePast(s)) {
			continue // a tally or habit ("has struck … hundreds of times") borrows no date
		}
		if es := r.dateIn(ps); len(es) > 0 {
			e := es[0]
			// In a sentence of two events, only the dates of the trigger's span.
			byCue := i == s.idx && d.pos != s.toks[d.trig.from].Start // a stage dated by its own cue
			if segs := s.eventSegs(); i == s.idx && segs != nil {
				at := d.trig.from
				if byCue {
					at = s.tokenAt(d.pos)
				}
				var own []timex.Expr
				for _, x := range es {
					if sameSeg(segs, s.tokenAt(x.Start), at) {
						own = append(own, x)
					}
				}
				if len(own) == 0 && segs[d.trig.from]%100 != 0 {
					// "on Saturday, a day after a drone killed one man": the
					// main event's date less the interval; else none of its own.
					r.intervalDate(d, s, segs, es)
					return
				}
				if len(own) == 0 {
					continue
				}
				es = own
				e = es[0]
			}
			// In the trigger's own sentence, the expression nearest the
			// trigger; for a stage dated by its cue, the first after the cue
			// ("but called them off on Friday").
			speech := r.speechDates(ps, es)
			after := -1
			if byCue {
				for k, x := range es {
					if x.Start >= d.pos && !speech[k] {
						after = k
						break
					}
				}
			}
			if after >= 0 {
				e = es[after]
			} else if i == s.idx {
				best := 1 << 30
				for k, x := range es {
					if speech[k] && len(speech) < len(es) {
						continue // "confirmed today the arrest … Friday": today is when it was said
					}
					dd := x.Start - d.pos
					if dd < 0 {
						dd = -dd
					}
					if dd < best {
						best, e = dd, x
					}
				}
			}
			r.setDate(&d.claim, ps, e)
			return
		}
	}
	// A conducted event told without a date of its own continues the
	// paragraph's story ("In Logar last night, a force searched a compound.
	// During the search it captured two."): the nearest earlier day-precise
	// date of the paragraph; failing that, the report's lead event and the
	// first day-precise date of the report.
	if d.claim.Stage == report.Conducted && !indefinitePast(s) {
		for i := s.idx - 1; i >= 0 && r.sents[i].para == s.para; i-- {
			for _, e := range r.dateIn(r.sents[i]) {
				if e.Precision == timex.Day {
					r.setDate(&d.claim, r.sents[i], e)
					return
				}
			}
		}
		for _, ps := range r.sents {
			if ps.idx > s.idx {
				break
			}
			for _, e := range r.dateIn(ps) {
				if e.Precision == timex.Day {
					r.setDate(&d.claim, ps, e)
					return
				}
			}
		}
	}
}

func (r *run) setDate(c *report.Claim, s *sent, e timex.Expr) {
	from := e.From.Format("2006-01-02")
	to := e.To.Format("2006-01-02")
	if e.To.IsZero() {
		to = from
	}
	c.Date = report.Date{Start: &from, End: &to, TimePrecision: string(e.Precision)}
	r.addEvidence(c, "date", s, e.Start, e.End)
}

func (r *run) sameFamilyAction(s *sent, family string) bool {
	for _, h := range s.actions {
		f := h.e.cols[2]
		if violentTypes[h.e.cols[1]] {
			f = "violence"
		}
		if f == family {
			return true
		}
	}
	return false
}

// dateWords are the words without which a sentence holds no date expression
// (besides digits); checking them first skips most sentences cheaply.
var dateWords = map[string]bool{
	"today": true, "tonight": true, "yesterday": true, "tomorrow": true, "last": true, "ago": true, "past": true,
	"earlier": true, "later": true, "this": true, "next": true, "previous": true, "day": true, "week": true, "month": true, "year": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"hoy": true, "ayer": true, "anoche": true, "anteayer": true, "antier": true, "antenoche": true, "pasado": true, "pasada": true,
	"hace": true, "esta": true, "este": true, "próximo": true, "próxima": true, "víspera": true, "anterior": true,
	"lunes": true, "martes": true, "miércoles": true, "jueves": true, "viernes": true, "sábado": true, "domingo": true,
	"enero": true, "febrero": true, "marzo": true, "abril": true, "mayo": true, "junio": true, "julio": true, "agosto": true,
	"septiembre": true, "setiembre": true, "octubre": true, "noviembre": true, "diciembre": true,
}

func mayHaveDate(s *sent) bool {
	for i, w := range s.low {
		if s.has(i, wcDate) || strings.HasSuffix(w, ".") && dateWords[strings.TrimSuffix(w, ".")] {
			return true
		}
		if w != "" && w[0] >= '0' && w[0] <= '9' {
			return true
		}
	}
	return false
}

// speechDates marks the expressions in es that date a reporting verb next to
// them ("said today", "yesterday confirmed", "announced on Monday") rather
// than the action.
func (r *run) speechDates(s *sent, es []timex.Expr) map[int]bool {
	var out map[int]bool
	for k, e := range es {
		from, to := s.tokenAt(e.Start), s.tokenAt(e.End-1)
		if from < 0 || to < 0 {
			continue
		}
		// "said on Monday", "said in a statement on Monday", "Monday confirmed".
		said := to+1 < len(s.low) && reportingVerbs[s.low[to+1]]
		for b := from - 1; b >= 0 && b >= from-6 && !said; b-- {
			if w := s.low[b]; w == "," || w == ";" || s.actionAt(b) {
				break
			}
			said = reportingVerbs[s.low[b]]
		}
		if said {
			if out == nil {
				out = map[int]bool{}
			}
			out[k] = true
		}
	}
	return out
}

// intervalDate dates the event of a subordinate span from the main event of
// its clause: "bombed the port on Saturday, a day after a drone killed one
// man" puts the drone strike on Friday; "hours after" on the same day.
func (r *run) intervalDate(d *draft, s *sent, segs []int, es []timex.Expr) {
	seg := segs[d.trig.from]
	k := 0 // the subordinator opening the span
	for k < len(segs) && segs[k] != seg {
		k++
	}
	if k >= len(s.low) || k < 2 {
		return
	}
	sign := 0
	switch s.low[k] {
	case "after", "después", "tras":
		sign = -1
	case "before", "antes":
		sign = 1
	default:
		return
	}
	days := -1
	switch unit := s.low[k-1]; unit {
	case "hours", "horas", "minutes", "minutos":
		days = 0
	case "day", "days", "día", "días":
		w := s.low[k-2]
		if w == "a" || w == "an" || w == "un" || w == "one" {
			days = 1
		} else if n, ok := numbers.Word(w); ok && n > 0 && n < 60 {
			days = n
		} else if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 60 {
			days = n
		}
	}
	if days < 0 {
		return
	}
	main := seg / 100 * 100
	var anchor *timex.Expr
	for i := range es {
		if ti := s.tokenAt(es[i].Start); ti >= 0 && ti < len(segs) && segs[ti] == main && es[i].Precision == timex.Day {
			anchor = &es[i]
		}
	}
	if anchor == nil {
		return
	}
	t := anchor.From.AddDate(0, 0, sign*days)
	from := t.Format("2006-01-02")
	d.claim.Date = report.Date{Start: &from, End: &from, TimePrecision: string(timex.Day)}
	lo := s.toks[k-2].Start
	if s.low[k-1] == "hours" || s.low[k-1] == "horas" || s.low[k-1] == "minutes" || s.low[k-1] == "minutos" {
		lo = s.toks[k-1].Start
	}
	r.addEvidence(&d.claim, "date", s, lo, s.toks[k].End)
	r.addEvidence(&d.claim, "date", s, anchor.Start, anchor.End)
}

// actionAt: an action is named at token i.
func (s *sent) actionAt(i int) bool {
	for _, h := range s.actions {
		if i >= h.from && i < h.to {
			return true
		}
	}
	return false
}

// indefinitePast: the sentence tells of force at no particular time
// ("Pakistan has struck inside Afghanistan before", "have repeatedly
// bombed"), which borrows no date from its neighbours.
func indefinitePast(s *sent) bool {
	if s.isTally() {
		return true // "has struck … hundreds of times over the past decade"
	}
	for i, w := range s.low {
		switch w {
		case "previously", "repeatedly", "often", "frequently", "regularly":
			return true
		case "before":
			if i+1 == len(s.low) || s.low[i+1] == "." || s.low[i+1] == "," {
				return true // "…before." is an adverb, not "before the vote"
			}
		case "past":
			if i > 1 && s.low[i-1] == "the" && s.low[i-2] == "in" && (i+1 == len(s.low) || s.low[i+1] == "." || s.low[i+1] == ",") {
				return true
			}
		}
	}
	return false
}

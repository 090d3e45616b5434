package extract

import (
	"slices"

	"github.com/strikewatch/strikewatch/internal/numbers"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/timex"
)

// nonPersonNouns after a number mean it counts things, not people.
var nonPersonNouns = map[string]bool{
	"missile": true, "missiles": true, "strike": true, "strikes": true, "drone": true, "drones": true, "rocket": true, "rockets": true,
	"house": true, "houses": true, "vehicle": true, "vehicles": true, "car": true, "cars": true, "camel": true, "camels": true,
	"minute": true, "minutes": true, "seconds": true, "minutos": true, "horas": true, "días": true, "semanas": true, "meses": true, "años": true,
	"hour": true, "hours": true, "day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"km": true, "kilometres": true, "kilometers": true, "miles": true, "mile": true, "yards": true, "meters": true, "metres": true,
	"times": true, "attacks": true, "attack": true, "bombs": true, "shells": true, "rounds": true, "buildings": true, "compounds": true,
	"percent": true, "%": true, "dollars": true, "million": false, "am": true, "pm": true, "a.m.": true, "p.m.": true, "o'clock": true,
	"villages": true, "districts": true, "provinces": true, "weapons": true, "rifles": true, "kilograms": true, "kg": true, "tons": true,
	"cows": true, "animals": true, "goats": true, "sheep": true, "ataques": true, "drones,": true, "vehículos": true, "casas": true,
	"head": true, "livestock": true, "cattle": true, "donkeys": true, // "150 head of livestock"
	// Targets and sorties are no people ("hit nine sites, killing 26"); a
	// family is a group, not one person ("six members of one family").
	"site": true, "sites": true, "target": true, "targets": true, "location": true, "locations": true, "position": true, "positions": true,
	"facility": true, "facilities": true, "base": true, "bases": true, "camp": true, "camps": true, "post": true, "posts": true,
	"depot": true, "depots": true, "building": true, "homes": true, "towns": true, "cities": true, "areas": true, "air": true,
	"raids": true, "airstrikes": true, "sorties": true, "jets": true, "aircraft": true, "planes": true, "helicopters": true, "boats": true,
	"ships": true, "tanks": true, "family": true, "families": true, "household": true, "households": true,
	"truck": true, "trucks": true, "lorries": true, "buses": true, "pickups": true, "tents": true, "shops": true, "hectares": true,
}

// count is a number of people tied to a verb class.
type count struct {
	min, max       *int
	noMin, hasAny  bool
	civMin, civMax *int
	start, end     int
}

func ip(n int) *int { return &n }

// runningTotal: the number at ti is what a toll now stands at ("raising
// the death toll to 27", "the toll rose to 31", "bringing the total to 9").
func runningTotal(s *sent, ti int) bool {
	if ti < 2 || s.low[ti-1] != "to" {
		return false
	}
	for k := ti - 2; k >= 0 && k >= ti-4; k-- {
		switch s.low[k] {
		case "toll", "total", "tally":
			return true
		}
	}
	return false
}

// ageAt: the number at ti is an age ("aged 12 and 15", "Ahmed Saleh, 19,").
func ageAt(s *sent, ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-3; k-- {
		switch s.low[k] {
		case "aged", "age", "ages", "años", "edad":
			return true
		}
		if !isDigitTok(s.low[k]) && s.low[k] != "and" && s.low[k] != "," {
			break
		}
	}
	// "Ahmed Saleh, 19, and his brother Omar, 23": a number set off by
	// commas right after a name.
	if ti >= 2 && ti+1 < len(s.low) && s.low[ti-1] == "," && isCapWord(s.toks[ti-2].Text) && isDigitTok(s.low[ti]) &&
		(s.low[ti+1] == "," || s.low[ti+1] == "." || s.low[ti+1] == "and") {
		return true
	}
	return false
}

// containerAt: the number counts what a place held, not the dead ("a
// building housing 200 displaced people", "a house sheltering 30").
func containerAt(s *sent, ti int) bool {
	if ti == 0 {
		return false
	}
	switch s.low[ti-1] {
	case "housing", "sheltering", "hosting", "carrying", "holding", "accommodating", "packed", "crowded":
		return true
	case "with":
		return ti >= 2 && (s.low[ti-2] == "packed" || s.low[ti-2] == "crowded" || s.low[ti-2] == "filled")
	}
	return false
}

// earlierFigure: the number at ti is a figure the text says was superseded
// ("up from an earlier toll of five", "initially reported five dead",
// "revising down an earlier figure of nine").
func earlierFigure(s *sent, ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-4; k-- {
		switch s.low[k] {
		case "earlier", "initial", "previous", "original", "preliminary":
			// "an earlier toll of five", not "initial reports indicate three"
			if k+1 < ti && figureNouns[s.low[k+1]] {
				return true
			}
		case "initially", "previously", "originally":
			// "initially reported five dead"
			if k+1 < ti && (s.low[k+1] == "reported" || s.low[k+1] == "said" || s.low[k+1] == "put" || s.low[k+1] == "gave" || s.low[k+1] == "counted") {
				return true
			}
		case ",", ".", ";":
			return false
		}
	}
	return false
}

// figureNouns name a toll as a figure.
var figureNouns = map[string]bool{"toll": true, "figure": true, "figures": true, "estimate": true, "count": true, "tally": true, "number": true}

// breakdown: the counts after the first add up to it and follow it after a
// colon or comma ("six people: four soldiers and two civilians").
func breakdown(s *sent, qs []numbers.Quantity, counted []int) bool {
	first := qs[0]
	sumMin, sumMax := 0, 0
	for _, q := range qs[1:] {
		sumMin += q.Min
		sumMax += q.Max
	}
	if sumMin != first.Min || sumMax != first.Max || first.Max < 0 {
		return false
	}
	for k := counted[0] + 1; k < counted[1]; k++ {
		if s.low[k] == ":" || s.low[k] == "," || s.low[k] == "—" || s.low[k] == "–" {
			return true
		}
	}
	return false
}

// otherEstimate: the number at ti is another figure for the toll already
// counted ("put the toll at 30", "gave a figure of 30").
func otherEstimate(s *sent, ti int) bool {
	if ti < 2 {
		return false
	}
	switch s.low[ti-1] {
	case "at", "of":
	default:
		return false
	}
	switch s.low[ti-2] {
	case "toll", "figure", "estimate", "count":
		return true
	}
	return false
}

// widen stretches c's range to hold q: the least floor, the greatest ceiling.
func widen(c *count, q numbers.Quantity) {
	if c.min != nil && !q.UpTo && q.Min < *c.min {
		*c.min = q.Min
	}
	hi := q.Max
	if hi < 0 {
		c.max = nil // "at least 30": no ceiling
		return
	}
	if c.max != nil && hi > *c.max {
		*c.max = hi
	}
}

// casualtyKind of token i: "killed", "injured", "civilian", "person", "combatant" or "".
func (s *sent) kindAt(i int) string {
	for _, h := range s.casualties {
		if i >= h.from && i < h.to {
			return h.e.cols[0]
		}
	}
	return ""
}

// peopleCount finds the number of people that verbs of class verb ("killed",
// "injured", "arrest") apply to in s, or nil when the text gives none.
func (r *run) peopleCount(s *sent, verbAt func(i int) bool) *count {
	var verbs []int
	for i := range s.low {
		if verbAt(i) {
			verbs = append(verbs, i)
		}
	}
	if len(verbs) == 0 {
		return nil
	}
	qs := s.numbers(r.doc.Text)
	near := func(ti int) bool {
		for _, v := range verbs {
			d := v - ti
			if d < 0 {
				d = -d
			}
			if d <= 12 && s.clause[v] == s.clause[ti] {
				return true
			}
		}
		return false
	}
	// "demolished two classrooms …, killing 18 to 22 people": a verb of
	// death with its own count after it takes no count from before it.
	objAfter := -1
	for _, v := range verbs {
		for _, q := range qs {
			if ti := s.tokenAt(q.Start + s.start); ti > v && ti <= v+3 && (objAfter < 0 || v < objAfter) && !r.closerOtherVerb(s, ti, verbAt) {
				objAfter = v
			}
		}
	}
	var total, civ count
	var countedQ []numbers.Quantity // the quantity of each count in counted
	var counted []int               // token index of each count added to total
	var alts []numbers.Quantity     // other sources' figures for the same dead
	var totals []numbers.Quantity   // a running toll the sentence states
	have, haveCiv := false, false
	civTotal := false // the total counts civilians ("7 civilians, three children among them")
	addTo := func(c *count, q numbers.Quantity) {
		if c.min == nil && !c.noMin {
			c.min = ip(0)
			c.max = ip(0)
		}
		if q.UpTo {
			// "up to 8": the text gives a ceiling, not a floor.
			c.min, c.noMin = nil, true
		} else if c.min != nil {
			*c.min += q.Min
		}
		if q.Max < 0 || c.max == nil && c.hasAny {
			c.max = nil
		} else {
			if c.max == nil {
				c.max = ip(0)
			}
			*c.max += q.Max
		}
		c.hasAny = true
	}
	for _, q := range qs {
		qs0, qe0 := q.Start+s.start, q.End+s.start
		ti := s.tokenAt(qs0)
		if ti < 0 {
			continue
		}
		te := s.tokenAt(qe0 - 1)
		if te < 0 {
			te = ti
		}
		if !near(ti) || s.inSource(ti) {
			continue // "according to a health worker and two residents": the sources
		}
		if dl := r.doc.Dateline; dl != nil && qs0 >= dl.Start && qs0 < dl.End {
			continue // "BOGOTÁ, 29 sep (EFE).- Un soldado murió": the dateline's date
		}
		if ti > 0 && s.low[ti-1] == "not" {
			continue // "put the toll at 17, not 70": a figure corrected away
		}
		if ageAt(s, ti) || containerAt(s, ti) {
			continue // "two brothers aged 12 and 15", "a building housing 200 displaced people"
		}
		if earlierFigure(s, ti) {
			continue // "eight, up from an earlier toll of five": superseded
		}
		// The noun the number counts: skip up to three modifiers.
		head := countHead(s, te)
		if v := nearestVerbBefore(verbs, ti); v >= 0 && reportedBetween(s, v, ti) {
			continue // "killing 18 to 22, …, adding that several bodies had been torn apart": another clause of speech
		}
		if objAfter >= 0 && te < objAfter && s.clause[te] == s.clause[objAfter] && head != "civilian" && head != "person" && head != "combatant" && !s.subjectCount(te, objAfter) {
			continue
		}
		if head == "thing" || head == "" && yearLike(q) {
			continue // "between 2015 and 2020, which monitors say killed thousands": years, not dead
		}
		// Is this number closer to a verb of another class (e.g. injured)?
		if r.closerOtherVerb(s, ti, verbAt) {
			continue
		}
		// "8 people, including 2 women and 1 child": counts after
		// "including" (back to the verb or clause start) are a subset.
		subset := false
		for k := ti - 1; k >= 0 && s.clause[k] == s.clause[ti]; k-- {
			if w := s.low[k]; w == "including" || w == "among" || w == "incluidos" || w == "incluyendo" {
				subset = true
				break
			}
			if verbAt(k) {
				break
			}
		}
		// "7 to 9 civilians, three children among them": a subset named
		// before "among them"; "entre ellos tres menores": after "entre ellos".
		// ("nine civilians, four children and two women among them": the
		// whole list before "among them".)
		for k := te + 1; k+1 < len(s.low) && k <= te+7 && s.low[k] != "," && !verbAt(k); k++ {
			if s.low[k] == "among" && (s.low[k+1] == "them" || s.low[k+1] == "whom") {
				subset = true
				break
			}
		}
		if ti >= 2 && s.low[ti-2] == "entre" && (s.low[ti-1] == "ellos" || s.low[ti-1] == "ellas") {
			subset = true
		}
		// "10 civilians, seven of them children": a subset; but "bombed a
		// group of vigilantes, killing at least 11 of them" counts the dead.
		if have && te+2 < len(s.low) && s.low[te+1] == "of" && (s.low[te+2] == "them" || s.low[te+2] == "whom") {
			subset = true
		}
		// "a family of six — a farmer, his wife and their four children —":
		// an aside after a count names its members.
		if have && inAside(s, ti, counted[len(counted)-1]) {
			subset = true
		}
		if head == "civilian" {
			// A subset of dead already counted as civilians ("10 civilians,
			// including 4 children") adds no civilians.
			if !(subset && civTotal) {
				addTo(&civ, q)
				haveCiv = true
			}
			if subset {
				continue
			}
		}
		if head == "civilian" && subset {
			continue
		}
		if subset {
			continue
		}
		if runningTotal(s, ti) {
			// "pulled 12 bodies from the rubble, raising the death toll to
			// 27": the toll is the total, not one more count to add.
			totals = append(totals, q)
			continue
		}
		if have && otherEstimate(s, ti) {
			// "officials said 20 to 25 were killed, while residents put the
			// toll at 30": a second source's figure widens the range.
			alts = append(alts, q)
			continue
		}
		addTo(&total, q)
		counted = append(counted, ti)
		countedQ = append(countedQ, q)
		have = true
		civTotal = civTotal || head == "civilian"
		if total.start == 0 {
			total.start = qs0
		}
		total.end = qe0
	}
	if len(counted) >= 3 && breakdown(s, countedQ, counted) {
		// "killing six people: four soldiers and two civilians": the
		// breakdown of the first count, not more dead.
		total = count{start: total.start, end: total.end}
		addTo(&total, countedQ[0])
		counted = counted[:1]
	}
	if len(totals) > 0 {
		q := totals[len(totals)-1]
		total, have, counted, alts = count{}, true, nil, nil
		addTo(&total, q)
	}
	if have {
		for _, q := range alts {
			widen(&total, q)
		}
	}
	if have {
		// "a Taliban leader and several associates", "a facilitator along
		// with one suspect": a singular before a counted group adds one.
		for i := 0; i+3 < len(s.low); i++ {
			if w := s.low[i]; (w != "a" && w != "an" && w != "one" && w != "the" && !possessives[w]) || !near(i) || s.inSource(i) {
				continue
			}
			if kd, j := s.singularPersonAt(i+1, 5); kd != "" && j >= 0 {
				n := coordinated(s.low, j+1)
				if n > 0 && n < len(s.low) && possessives[s.low[n]] {
					n++ // "a father and his two sons"
				}
				if n > 0 && slices.Contains(counted, n) {
					addTo(&total, numbers.Quantity{Min: 1, Max: 1})
					if kd == "civilian" {
						addTo(&civ, numbers.Quantity{Min: 1, Max: 1})
						haveCiv = true
					}
				}
			}
		}
		// "Two women and a child were killed": a coordinated singular adds one.
		for i := 0; i+2 < len(s.low); i++ {
			if s.low[i] != "and" || !near(i) || s.inSource(i) {
				continue
			}
			if w := s.low[i+1]; w != "a" && w != "an" && w != "one" && w != "un" && w != "una" && !(possessives[w] && i > 0 && r.countEndsAt(s, i-1, 3)) {
				continue
			}
			if i == 0 || (s.kindAt(i-1) == "" && !isDigitTok(s.low[i-1])) {
				continue
			}
			for k := i + 2; k < len(s.low) && k <= i+3; k++ {
				kd := s.kindAt(k)
				if (kd == "civilian" || kd == "combatant" || kd == "person") && singular(s.low[k]) {
					addTo(&total, numbers.Quantity{Min: 1, Max: 1})
					if kd == "civilian" {
						addTo(&civ, numbers.Quantity{Min: 1, Max: 1})
						haveCiv = true
					}
					break
				}
			}
		}
	}
	if !have {
		// "killing him", "one of its commanders was killed": one person.
		for i := 0; i < len(s.low); i++ {
			w := s.low[i]
			one := (w == "him" || w == "her") && i > 0 && verbAt(i-1) ||
				w == "one" && i+2 < len(s.low) && s.low[i+1] == "of" && possessives[s.low[i+2]] && near(i)
			if one && !s.inSource(i) {
				total = count{min: ip(1), max: ip(1), start: s.toks[i].Start, end: s.toks[i].End}
				have = true
				break
			}
		}
	}
	if !have {
		// "a civilian was killed", "killed the Taliban leader", "killing its
		// driver": one person.
		for i := 0; i+1 < len(s.low); i++ {
			w := s.low[i]
			if w != "a" && w != "an" && w != "the" && w != "one" && w != "un" && w != "una" && !possessives[w] {
				continue
			}
			for k := i + 1; k < len(s.low) && k <= i+4; k++ {
				kd := s.kindAt(k)
				if (kd == "civilian" || kd == "combatant" || kd == "person") && singular(s.low[k]) && near(k) && !r.closerOtherVerb(s, k, verbAt) && !speaker(s.low, k) {
					total = count{min: ip(1), max: ip(1), start: s.toks[i].Start, end: s.toks[k].End}
					have = true
					if kd == "civilian" {
						civ = count{min: ip(1), max: ip(1)}
						haveCiv = true
					}
					// "a commander and his driver": a second singular person.
					if _, h := s.singularPersonAt(k, 3); h >= 0 {
						if j := coordinated(s.low, h+1); j > 0 && j < len(s.low) {
							switch s.low[j] {
							case "his", "her", "their", "a", "an", "one", "su":
								if kd2, h2 := s.singularPersonAt(j+1, 2); kd2 != "" {
									*total.min, *total.max = 2, 2
									total.end = s.toks[h2].End
									if kd2 == "civilian" {
										if civ.min == nil {
											civ = count{min: ip(0), max: ip(0)}
										}
										*civ.min, *civ.max = *civ.min+1, *civ.max+1
										haveCiv = true
									}
								}
							}
						}
					}
					break
				}
				if kd != "" || s.low[k] == "," {
					break
				}
			}
			if have {
				break
			}
		}
	}
	if !have && !haveCiv {
		return nil
	}
	if !have {
		total = civ
	}
	if haveCiv {
		total.civMin, total.civMax = civ.min, civ.max
	}
	if total.start == 0 && total.end == 0 {
		total.start, total.end = s.start, s.end
	}
	return &total
}

// closerOtherVerb: the number at ti sits closer to a casualty verb of another
// class ("2 killed and 4 injured": 4 belongs to injured).
func (r *run) closerOtherVerb(s *sent, ti int, verbAt func(int) bool) bool {
	// A number that is the subject of a casualty verb after it belongs to that
	// verb: "four died and two soldiers were wounded" — the two were wounded.
	for k := ti + 1; k < len(s.low) && k <= ti+6; k++ {
		w := s.low[k]
		if w == "and" || w == "," || w == "y" || w == ";" {
			break
		}
		kind := s.kindAt(k)
		if verbAt(k) {
			return false
		}
		if kind == "killed" || kind == "injured" || arrestWord(w) {
			return true
		}
	}
	best, bestOwn := 1<<30, 1<<30
	for i := range s.low {
		d := i - ti
		if d < 0 {
			d = -d
		}
		k := s.kindAt(i)
		if verbAt(i) {
			if d < bestOwn {
				bestOwn = d
			}
		} else if k == "killed" || k == "injured" || arrestWord(s.low[i]) {
			if d < best {
				best = d
			}
		}
	}
	return best < bestOwn
}

func singular(w string) bool {
	switch w {
	case "people", "men", "women", "children", "police", "militants", "civilians", "troops", "personnel":
		return false
	}
	return len(w) > 0 && w[len(w)-1] != 's'
}

// further: the count spanning bytes [start, end) is of people beyond
// those already told ("two additional suspects", "several other
// insurgents", "one more suspect").
func further(s *sent, start, end int) bool {
	from, to := s.tokenAt(start), s.tokenAt(end-1)
	if from < 0 || to < 0 {
		return false
	}
	// "also detained two suspects", "two suspects were also detained"
	for k := max(0, from-3); k < len(s.low) && k <= to+6; k++ {
		if s.low[k] == "also" {
			return true
		}
	}
	for k := from; k < len(s.low) && k <= to+3; k++ {
		switch s.low[k] {
		case "additional", "more", "other", "another", "further":
			return true
		}
	}
	return false
}

func arrestWord(w string) bool {
	switch w {
	case "detained", "arrested", "captured", "apprehended", "nabbed", "detuvo", "detuvieron", "detenidos", "arrestados", "capturados":
		return true
	}
	return false
}

// assignCasualties fills fatalities, injured and arrested for a conducted claim.
func (r *run) assignCasualties(d *draft, s *sent, trig hit) {
	c := &d.claim
	if d.family == "violence" {
		segs := s.eventSegs() // in a sentence of two events, the toll of this one's span
		if k := r.peopleCount(s, func(i int) bool { return s.kindAt(i) == "killed" && sameSeg(segs, i, trig.from) && !modalDeath(s, i) }); k != nil {
			setFatalities(c, k)
			r.addEvidence(c, "fatalities", s, k.start, k.end)
		}
		// "No one was killed": the text states zero dead.
		if _, stated := tollSize(c.Fatalities); !stated && noOneKilled(s) {
			c.Fatalities.Min, c.Fatalities.Max = ip(0), ip(0)
			c.Fatalities.CiviliansMin, c.Fatalities.CiviliansMax = nil, nil
			r.addEvidence(c, "fatalities", s, s.start, s.end)
		}
		// "No civilians were killed": the text states zero civilian dead.
		if c.Fatalities.CiviliansMin == nil {
			if at, ok := noCivilians(s); ok {
				c.Fatalities.CiviliansMin, c.Fatalities.CiviliansMax = ip(0), ip(0)
				r.addEvidence(c, "fatalities", s, s.toks[at].Start, s.toks[at+1].End)
			}
		}
		if k := r.peopleCount(s, func(i int) bool { return s.kindAt(i) == "injured" }); k != nil && k.min != nil {
			c.Injured = k.min
			r.addEvidence(c, "injured", s, k.start, k.end)
		}
	}
	if c.SubEventType == "Arrests" {
		if k := r.peopleCount(s, func(i int) bool { return arrestWord(s.low[i]) }); k != nil && k.min != nil {
			c.Arrested = k.min
			r.addEvidence(c, "arrested", s, k.start, k.end)
			d.moreArrested = further(s, k.start, k.end)
		}
	}
}

// modalDeath: the death word at i is under a modal ("could have killed
// hundreds had the shelter been full", "could kill 150 people"): a toll that
// did not happen.
func modalDeath(s *sent, i int) bool {
	if i >= 2 && s.low[i-1] == "have" {
		// "could have killed hundreds": what did not happen; "may have
		// died" only hedges what did.
		return s.low[i-2] == "could" || s.low[i-2] == "would"
	}
	if i >= 1 {
		switch s.low[i-1] {
		case "could", "would", "might", "may":
			return true
		}
	}
	return false
}

func setFatalities(c *report.Claim, k *count) {
	c.Fatalities.Min, c.Fatalities.Max = k.min, k.max
	c.Fatalities.CiviliansMin, c.Fatalities.CiviliansMax = k.civMin, k.civMax
}

// attachOrphanCasualties gives a death toll stated in a sentence with no
// action of its own ("6 killed.") to the last conducted violent claim before
// it in the report.
func (r *run) attachOrphanCasualties(ds []*draft) {
	for _, s := range r.sents {
		hasOwn := false
		for _, d := range ds {
			if d.s == s && d.family == "violence" {
				hasOwn = true
			}
		}
		if hasOwn || s.isTally() {
			continue // a tally's count is no one strike's toll
		}
		var prev *draft
		for _, d := range ds {
			if d.s.idx < s.idx && d.family == "violence" && d.claim.Stage == report.Conducted && (d.claim.Certainty == report.Asserted || d.claim.Certainty == report.Hedged) {
				// Of a sentence of two events, the main one ("jets bombed X,
				// a day after a drone hit Y"), not the one told in passing.
				if segs := d.s.eventSegs(); prev != nil && prev.s == d.s && segs != nil && segs[d.trig.from]%100 != 0 {
					continue
				}
				prev = d
			}
		}
		if prev == nil || s.para-prev.s.para > 1 {
			continue
		}
		update := tollUpdate(s)
		prevN, prevStated := tollSize(prev.claim.Fatalities)
		if prevStated && !update {
			continue
		}
		if k := r.peopleCount(s, func(i int) bool { return s.kindAt(i) == "killed" }); k != nil {
			if update && prevStated && (k.min == nil || *k.min <= prevN) {
				continue // a toll no higher than the one stated is no update
			}
			setFatalities(&prev.claim, k)
			r.addEvidence(&prev.claim, "fatalities", s, k.start, k.end)
		}
	}
}

func speechVerb(w string) bool {
	switch w {
	case "said", "say", "says", "told", "tell", "tells", "reported", "dijo", "dijeron", "informaron", "señalaron":
		return true
	}
	return false
}

// tollUpdate: the sentence revises a toll ("the toll rose to 14", "later put
// the toll at 20", "had climbed to six"), which replaces the earlier figure.
func tollUpdate(s *sent) bool {
	for i, w := range s.low {
		switch w {
		case "toll", "later", "counted", "revised", "updated", "balance", "cifra":
			return true // ("so that five are now confirmed dead", "hospital staff had counted twelve dead")
		case "by":
			// "By evening, …", "by nightfall", "by Wednesday".
			if i+1 < len(s.low) && (timeOfDay[s.low[i+1]] || s.has(i+1, wcDate)) {
				return true
			}
		case "rose", "risen", "climbed", "increased", "jumped", "reached":
			if i+1 < len(s.low) && s.low[i+1] == "to" {
				return true
			}
		}
	}
	return false
}

var timeOfDay = map[string]bool{"evening": true, "nightfall": true, "night": true, "morning": true, "afternoon": true, "midday": true, "noon": true, "dawn": true, "dusk": true, "then": true}

// yearLike: q is written as a year or a span of years ("2015", "2015 and
// 2020"), four digits with no thousands comma.
func yearLike(q numbers.Quantity) bool {
	if q.Min < 1900 || q.Max > 2100 || q.Max < q.Min {
		return false
	}
	digits := 0
	for _, r := range q.Text {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' || r == '.':
			return false
		}
	}
	return digits >= 4
}

// inAside: token i lies in a dash or bracket aside opened after token
// from and closed after i ("a family of six — a farmer, his wife and their
// four children — killed").
func inAside(s *sent, i, from int) bool {
	open := -1
	for k := from + 1; k < i; k++ {
		switch s.low[k] {
		case "—", "–", "(":
			open = k
		case ")":
			open = -1
		}
	}
	if open < 0 {
		return false
	}
	closer := ")"
	if s.low[open] != "(" {
		closer = s.low[open]
	}
	for k := i + 1; k < len(s.low); k++ {
		if s.low[k] == closer {
			return true
		}
	}
	return false
}

// countEndsAt: a number the numbers package reads ends at one of the
// within tokens up to i ("two brothers and their father": "two" before
// "brothers"; "detained one suspected").
func (r *run) countEndsAt(s *sent, i, within int) bool {
	for _, q := range s.numbers(r.doc.Text) {
		if e := s.tokenAt(q.End + s.start - 1); e >= 0 && e <= i && e > i-within {
			return true
		}
	}
	return false
}

func isDigitTok(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// noCivilians finds "no civilians ... killed|harmed|hurt" and returns the
// token index of "no".
func noCivilians(s *sent) (int, bool) {
	for i := 0; i+1 < len(s.low); i++ {
		if (s.low[i] != "no" && s.low[i] != "ningún" && s.low[i] != "ninguna") || s.kindAt(i+1) != "civilian" {
			continue
		}
		for k := i + 2; k < len(s.low) && k <= i+6; k++ {
			if s.kindAt(k) == "killed" || s.kindAt(k) == "injured" || s.low[k] == "harmed" || s.low[k] == "hurt" || s.low[k] == "casualties" {
				return i, true
			}
		}
	}
	return 0, false
}

// noOneKilled finds "no one was killed", "nobody died", "no casualties".
func noOneKilled(s *sent) bool {
	for i := 0; i+1 < len(s.low); i++ {
		w := s.low[i]
		subj := w == "nobody" || w == "no" && (s.low[i+1] == "one" || s.low[i+1] == "casualties" || s.low[i+1] == "deaths" || s.low[i+1] == "fatalities") || w == "nadie"
		if !subj {
			continue
		}
		if s.low[i+1] == "casualties" || s.low[i+1] == "deaths" || s.low[i+1] == "fatalities" {
			return true
		}
		for k := i + 1; k < len(s.low) && k <= i+4; k++ {
			if s.kindAt(k) == "killed" {
				return true
			}
		}
	}
	return false
}

// armsAt: a weapon or a violent action is named at token i, so a number
// before it counts weapons or strikes, not people.
func (s *sent) armsAt(i int) bool {
	for _, h := range s.weapons {
		if h.from == i {
			return true
		}
	}
	for _, h := range s.actions {
		if h.from == i && violentTypes[h.e.cols[1]] && s.kindAt(i) == "" {
			return true
		}
	}
	return false
}

// singularPersonAt finds a singular person, fighter or civilian noun within
// max tokens from i, before any other casualty word or comma; its kind and
// index, or "" and -1.
func (s *sent) singularPersonAt(i, max int) (string, int) {
	for k := i; k < len(s.low) && k < i+max; k++ {
		kd := s.kindAt(k)
		if (kd == "civilian" || kd == "combatant" || kd == "person") && singular(s.low[k]) {
			// "a Taliban leader": the head is the last of the run.
			for k+1 < len(s.low) && singular(s.low[k+1]) {
				if nk := s.kindAt(k + 1); nk == "civilian" || nk == "combatant" || nk == "person" {
					k, kd = k+1, nk
					continue
				}
				break
			}
			return kd, k
		}
		if kd != "" || s.low[k] == "," {
			break
		}
	}
	return "", -1
}

// coordinated returns the index of the token after a coordinator at i
// ("and", "along with", "together with", "with", "y", "junto con"), or -1.
func coordinated(low []string, i int) int {
	if i >= len(low) {
		return -1
	}
	switch low[i] {
	case "and", "with", "y", "con":
		return i + 1
	case "along", "together", "junto":
		if i+1 < len(low) && (low[i+1] == "with" || low[i+1] == "con") {
			return i + 2
		}
	}
	return -1
}

// cumulative: the sentence tallies a campaign ("have detained 25 since
// December 1", "since the start of the year", "so far this year", "to
// date"), so its numbers count many events, not one.
func cumulative(low []string) bool {
	// A tally is told in the perfect ("have detained … since"); "the
	// deadliest strike so far" names one event.
	perfect := false
	for _, w := range low {
		switch w {
		case "have", "has", "han", "ha":
			perfect = true
		case "deadliest", "largest", "biggest", "worst", "heaviest", "first", "latest":
			return false
		}
	}
	if !perfect {
		return false
	}
	for i, w := range low {
		next := ""
		if i+1 < len(low) {
			next = low[i+1]
		}
		switch w {
		case "since":
			switch next {
			case "", "then", "it", "he", "she", "they", "we", "the", "a", "an":
				// "since then" tallies; "since the start/beginning of" too; "since the
				// strike hit" is a cause or a time clause.
				if next == "then" {
					return true
				}
				if next == "the" && i+2 < len(low) {
					switch low[i+2] {
					case "start", "beginning", "first", "launch", "outbreak", "war", "conflict", "fighting", "offensive", "campaign", "invasion", "uprising", "insurgency":
						return true
					}
				}
				continue
			}
			if _, ok := timex.MonthNamed(next); ok || isDigitTok(next) {
				return true
			}
		case "so":
			if next == "far" {
				return true
			}
		case "this":
			if next == "year" || next == "month" {
				return true // "have killed more than 200 people in the region this year"
			}
		case "repeatedly", "regularly", "routinely", "frequently", "persistently":
			return true // "have repeatedly struck the range since 2017": a campaign, no one event
		case "string", "series", "spate", "wave", "succession":
			// "have carried out a string of hit-and-run attacks this year"
			if next == "of" && i > 0 && (low[i-1] == "a" || low[i-1] == "an") {
				return true
			}
		case "times":
			// "has struck Iranian-linked targets hundreds of times"
			if i > 0 && (low[i-1] == "of" || low[i-1] == "many" || low[i-1] == "several" || low[i-1] == "dozen" || isDigitTok(low[i-1])) {
				return true
			}
		case "over", "in", "during":
			// "over the past decade", "in the past two years"
			if next == "the" && i+2 < len(low) && (low[i+2] == "past" || low[i+2] == "last") {
				for k := i + 3; k < len(low) && k <= i+5; k++ {
					switch low[k] {
					case "decade", "decades", "years", "months", "weeks", "year":
						return true
					}
				}
			}
		case "to":
			if next == "date" {
				return true
			}
		case "desde":
			if _, ok := timex.MonthNamed(next); ok || next == "entonces" || next == "el" && i+2 < len(low) && (low[i+2] == "inicio" || low[i+2] == "comienzo") {
				return true
			}
		}
	}
	return false
}

var possessives = map[string]bool{"his": true, "her": true, "their": true, "its": true, "su": true, "sus": true}

// speaker: the person noun at k is who says something ("…, a senior official
// said"), not a victim.
func speaker(low []string, k int) bool {
	for j := k + 1; j < len(low) && j <= k+2; j++ {
		switch w := low[j]; {
		case w == "were" || w == "was" || w == "is" || w == "are" || w == "been" || w == "being" || w == "," || w == ";":
			return false // "8 people were reported killed": the dead, told of; "killed five, informó": another clause
		case reportingVerbs[w]:
			return true
		}
	}
	return false
}

// countHead is the kind of noun the number ending at token te counts:
// "civilian", "person", "combatant", "thing" (arms, places, sorties,
// speakers), or "" when the text does not say.
func countHead(s *sent, te int) string {
	head := ""
	for k := te + 1; k < len(s.low) && k <= te+4; k++ {
		if (nonPersonNouns[s.low[k]] || s.armsAt(k)) && !isCapWord(s.toks[k].Text) {
			head = "thing" // "2 pilotless planes", "the first of 2 airstrikes"; not "six Assam Rifles soldiers"
			break
		}
		if kd := s.kindAt(k); kd == "civilian" || kd == "person" || kd == "combatant" {
			head = kd
			if speaker(s.low, k) {
				head = "thing" // "two officials said": the speakers, not the dead
			}
			if k+2 < len(s.low) && (s.low[k+1] == "with" && (s.low[k+2] == "knowledge" || s.low[k+2] == "direct") || s.low[k+1] == "familiar" && s.low[k+2] == "with") {
				head = "thing" // "three people with knowledge of the strike said": the sources
			}
			break
		}
		if kd := s.kindAt(k); kd == "killed" || kd == "injured" {
			break
		}
		if s.low[k] == "," || s.low[k] == "." || s.low[k] == "and" {
			break
		}
		if speechVerb(s.low[k]) {
			head = "thing" // "two local officials said": the speakers, not the dead
			break
		}
	}
	return head
}

// subjectCount: the count ending at te is the subject of the verb at v
// ("two were killed", "six Afghans being killed", "8 died"): its noun, then
// only words of being or adverbs, with no comma between.
func (s *sent) subjectCount(te, v int) bool {
	k := v - 1
	for k > te {
		switch s.low[k] {
		case "were", "was", "have", "has", "had", "been", "being", "be", "reportedly", "also", "later", "are", "is":
			k--
			continue
		}
		break
	}
	if k-te > 3 {
		return false
	}
	for j := te + 1; j <= k; j++ {
		if s.low[j] == "," || s.low[j] == ";" {
			return false
		}
	}
	return true
}

// nearestVerbBefore is the last of verbs before token ti, or -1.
func nearestVerbBefore(verbs []int, ti int) int {
	best := -1
	for _, v := range verbs {
		if v < ti {
			best = v
		}
	}
	return best
}

// reportedBetween: a reporting verb ("said", "adding") stands between
// tokens a and b.
func reportedBetween(s *sent, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if s.has(k, wcReporting) || s.low[k] == "adding" {
			return true
		}
	}
	return false
}

// countedDead: a number stands within three words of a word of death or
// injury ("killing 12", "three people were hurt") — in a sports report,
// "the set was dead" is a figure of speech.
func (s *sent) countedDead() bool {
	for _, h := range s.casualties {
		if k := h.e.cols[0]; k != "killed" && k != "injured" {
			continue
		}
		for k := max(0, h.from-3); k < min(len(s.low), h.to+3); k++ {
			if _, ok := numbers.Word(s.low[k]); ok || isDigitTok(s.low[k]) {
				return true
			}
		}
	}
	return false
}

package extract

import (
	"strings"
	"unicode"

	"github.com/strikewatch/strikewatch/internal/report"
)

// speakerMarkers before a place mean the place is where someone spoke, not
// where the action happened ("said in Washington").
var speakerMarkers = map[string]bool{"said": true, "told": true, "speaking": true, "spoke": true, "briefing": true, "conference": true, "from": true, "dijo": true, "declaró": true,
	// where a deal was signed or talks held: "a ceasefire signed in Doha"
	"signed": true, "hosted": true, "held": true, "negotiated": true, "brokered": true, "mediated": true, "talks": true, "summit": true, "meeting": true}

// spokeThere: the place at ti ends a phrase of speaking or visiting ("told
// reporters in Ankara", "told the U.N. Security Council in New York",
// "during a visit to Washington"), a few words after its verb.
func spokeThere(s *sent, ti int) bool {
	if ti < 2 {
		return false
	}
	switch s.low[ti-1] {
	case "in", "to", "at":
	default:
		return false
	}
	for k := ti - 2; k >= 0 && k >= ti-7; k-- {
		w := s.low[k]
		if w == "told" || w == "telling" || w == "briefed" || w == "addressed" || w == "addressing" || w == "visit" || w == "visiting" || w == "trip" {
			return true
		}
		if w == "," || w == "that" || eventPreps[w] && k != ti-1 {
			return false
		}
	}
	return false
}

// eventPreps before a place mark it as the action's place.
var eventPreps = map[string]bool{"in": true, "near": true, "at": true, "outside": true, "on": true, "inside": true, "across": true, "into": true, "over": true, "en": true, "cerca": true}

// placeCands returns the places in s that can be an action's location.
func (r *run) placeCands(s *sent, srcSpans [][2]int, initCountry string) []report.Place {
	var out []report.Place
	for _, p := range r.doc.Places {
		if p.Start < s.start || p.End > s.end {
			continue
		}
		if dl := r.doc.Dateline; dl != nil && p.Start >= dl.Start && p.End <= dl.End {
			continue
		}
		if inSpans(p.Start, p.End, srcSpans) && !s.localWitnessAt(p.Start) || p.Feature == "continent" {
			continue // a continent is no event location; "residents of a village near Bardhere" are where it happened
		}
		ti := s.tokenAt(p.Start)
		if ti > 0 && (speakerMarkers[s.low[ti-1]] || ti > 1 && s.low[ti-1] == "in" && speakerMarkers[s.low[ti-2]]) {
			continue
		}
		if spokeThere(s, ti) {
			continue // "told reporters in Ankara", "during a visit to Washington"
		}
		// "forcing 3,000 people to flee into Thailand": where people fled to
		// is no event place.
		if ti >= 2 && (s.low[ti-1] == "to" || s.low[ti-1] == "into" || s.low[ti-1] == "across" || s.low[ti-1] == "in" && s.low[ti-2] == "refuge") && fleeWords[s.low[ti-2]] {
			continue
		}
		// A place inside the initiator's own name ("U.S. drones", "Afghan forces").
		if initCountry != "" && p.Country == initCountry && p.Feature == "country" {
			continue
		}
		// A country used as an adjective ("a US drone", "Pakistani troops") names
		// a party, not the place — unless a preposition makes it one ("on Mexican soil").
		// "Washington is weighing strikes": a capital standing for its
		// government as the subject of a verb is no event place.
		if te := s.tokenAt(p.End - 1); te >= 0 && te+1 < len(s.low) && (subjectVerbs[s.low[te+1]] || pastForm(s.low[te+1])) &&
			(ti == 0 || !eventPreps[s.low[ti-1]] && !prepBefore(s, ti)) && !struckPassive(s, te+1) {
			continue
		}
		// "asked Washington not to", "warned Tehran": the object of a
		// verb addressed to a party is that party's government; so is the
		// agent of "a truce brokered by Washington".
		if ti > 0 && addresseeVerbs[s.low[ti-1]] || ti > 1 && s.low[ti-1] == "by" && agentVerbs[s.low[ti-2]] {
			continue
		}
		// A place named inside an actor's name ("Tren de Aragua", "Sinaloa
		// Cartel") names the group, not where it acted.
		if r.insideActor(p.Start, p.End) {
			continue
		}
		if p.Feature == "country" {
			// "the U.S.-Mexico border": a compound adjective of two countries.
			if p.Start > 0 && (r.doc.Text[p.Start-1] == '-' || strings.HasSuffix(r.doc.Text[:p.Start], "–")) ||
				p.End < len(r.doc.Text) && r.doc.Text[p.End] == '-' {
				continue
			}
			// "close to the Burkina Faso border", "la frontera con Venezuela":
			// the line the place lies by, on whichever side.
			// ("the Syrian border town of Albu Kamal", "Tajik border posts":
			// a place on the country's side.)
			if te := s.tokenAt(p.End - 1); te >= 0 && te+1 < len(s.low) && borderWords[s.low[te+1]] && !(te+2 < len(s.low) && borderPlaceNouns[s.low[te+2]]) ||
				ti >= 2 && borderWords[s.low[ti-2]] && (s.low[ti-1] == "with" || s.low[ti-1] == "con") {
				continue
			}
			// "South Korea's defence minister", "Ethiopia's options": the
			// country as a party, not a place.
			if te := s.tokenAt(p.End - 1); te >= 0 && partyPossessive(r.doc.Text, p.End, s, te+1) {
				continue
			}
			// "U.S. Secretary of State", "Pakistan Army": part of a title or name.
			// "Somalia's Puntland region" is no name: the country holds the place.
			if te := s.tokenAt(p.End - 1); te >= 0 && te+1 < len(s.toks) && isCapWord(s.toks[te+1].Text) && !r.placeAt(s.toks[te+1].Start) && !possessivePlace(r.doc.Text, p.End, s, te+1) {
				continue
			}
			// Only a demonym or short form ("US", "Mexican") reads as an
			// adjective before a lower-case word; a full name ("Iran about
			// ten minutes", "Pakistan last week") stays a place.
			if te := s.tokenAt(p.End - 1); te >= 0 && te+1 < len(s.toks) && p.Text != p.Name && isLowerWord(s.toks[te+1].Text) && !functionWords[s.low[te+1]] {
				// "a US drone strike": an adjective. Only "on Mexican soil",
				// "in Pakistani territory" name the country as a place.
				possessive := strings.HasPrefix(r.doc.Text[p.End:], "'s") || strings.HasPrefix(r.doc.Text[p.End:], "’s")
				if !possessive && !((prepBefore(s, ti) || strikeObject(s, ti)) && placeNounAhead(s, te+1)) {
					continue
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// bestPlace prefers a place after an event preposition, then the most
// precise; a town abroad loses to the report's own country ("Archi district,
// Kunduz province" in an Afghan report is not Archi, Italy).
func (r *run) bestPlace(s *sent, ps []report.Place) (report.Place, bool) {
	home := r.homeCountry()
	best, bestScore := report.Place{}, -1
	for _, p := range ps {
		score := 10 - p.Precision()*2
		if home != "" && p.Country != home && p.Feature != "country" {
			score -= 6
		}
		if ti := s.tokenAt(p.Start); ti > 0 && (prepBefore(s, ti) || r.heldByPrepCountry(s, p, ps)) {
			score += 3
		}
		if p.Feature == "country" && p.Text != p.Name {
			score-- // "on U.S. bases in Iraq": the named country before the adjective
		}
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	return best, bestScore >= 0
}

// assignLocation sets where the action happened: a place in its sentence,
// else in its paragraph before it, else the report's lead, else the target
// actor's country as stated. Never the dateline, never a speaker's place.
func (r *run) assignLocation(d *draft, srcSpans [][2]int) {
	s := d.s
	c := &d.claim
	initCountry := ""
	if c.Actor1 != nil {
		initCountry = c.Actor1.Country
	}
	if p, ok := r.bestPlace(s, r.placeCands(s, srcSpans, initCountry)); ok {
		r.setLocation(c, s, p)
		return
	}
	for i := s.idx - 1; i >= 0; i-- {
		ps := r.sents[i]
		if ps.para != s.para && i != 0 && !(ps.para == 0 || ps.idx <= 1) {
			continue
		}
		if p, ok := r.bestPlace(ps, r.placeCands(ps, nil, initCountry)); ok && (ps.para == s.para || len(ps.actions) > 0) {
			r.setLocation(c, ps, p)
			return
		}
	}
}

// locateByTarget: a claim with no place of its own is located in its
// target's country when the text states it ("Mexican drug cartels") — at
// country precision, never a guessed point.
func (r *run) locateByTarget(c *report.Claim) {
	if c.Location != nil {
		return
	}
	defer r.locateByDateline(c)
	// "suspended the bombings across the country", "en todo el país": the
	// acting state's own country, at country precision.
	if c.Actor1 != nil && c.Actor1.Country != "" && r.doc.CountryPlace != nil {
		if ev := c.Evidence["action"]; len(ev) > 0 {
			if s := r.sentenceOf(ev[0].Start); s != nil && nationwide(s) {
				if cp, ok := r.doc.CountryPlace(c.Actor1.Country); ok {
					l := cp.Location()
					l.GeoPrecision = report.PrecisionCountry
					c.Location = &l
					r.addEvidence(c, "location", s, ev[0].Start, ev[0].End)
					return
				}
			}
		}
	}
	initCountry := ""
	if c.Actor1 != nil {
		initCountry = c.Actor1.Country
	}
	// "El Gobierno colombiano congelaría los bombardeos contra el EGC": a
	// state's force against an armed group of its own country falls at home.
	if c.Actor1 != nil && c.Actor2 != nil && initCountry != "" && c.Actor2.Country == initCountry &&
		(c.Actor1.Inter == 1 || c.Actor1.Inter == 8) && c.Actor2.Inter >= 2 && c.Actor2.Inter <= 4 && r.doc.CountryPlace != nil {
		if cp, ok := r.doc.CountryPlace(initCountry); ok {
			l := cp.Location()
			l.GeoPrecision = report.PrecisionCountry
			c.Location = &l
			if ev := c.Evidence["actor2"]; len(ev) > 0 {
				if s := r.sentenceOf(ev[0].Start); s != nil {
					r.addEvidence(c, "location", s, ev[0].Start, ev[0].End)
				}
			}
			return
		}
	}
	// Not for a state's forces: "shot down Russian drones" happened in Ukraine.
	if c.Actor2 != nil && c.Actor2.Country != "" && c.Actor2.Country != initCountry && c.Actor2.Inter != 1 && c.Actor2.Inter != 8 {
		for _, p := range r.doc.Places {
			if p.Feature == "country" && p.Country == c.Actor2.Country {
				if ps := r.sentenceOf(p.Start); ps != nil {
					r.setLocation(c, ps, p)
					return
				}
			}
		}
		// A place inside the target's name ("Cártel de Sinaloa") gives its
		// country — at country precision: the group acts beyond its home.
		if ev := c.Evidence["actor2"]; len(ev) > 0 && r.doc.CountryPlace != nil {
			a2 := ev[0]
			for _, p := range r.doc.Places {
				if p.Start < a2.Start || p.End > a2.End || p.Country != c.Actor2.Country {
					continue
				}
				if cp, ok := r.doc.CountryPlace(p.Country); ok {
					l := cp.Location()
					l.GeoPrecision = report.PrecisionCountry
					c.Location = &l
					if ps := r.sentenceOf(p.Start); ps != nil {
						r.addEvidence(c, "location", ps, p.Start, p.End)
					}
					return
				}
			}
		}
	}
}

func (r *run) setLocation(c *report.Claim, s *sent, p report.Place) {
	l := p.Location()
	c.Location = &l
	r.addEvidence(c, "location", s, p.Start, p.End)
}

func (r *run) sentenceOf(b int) *sent {
	for _, s := range r.sents {
		if b >= s.start && b < s.end {
			return s
		}
	}
	return nil
}

func isLowerWord(w string) bool {
	for _, r := range w {
		return unicode.IsLower(r)
	}
	return false
}

// prepBefore: an event preposition up to three tokens before token ti,
// across determiners and numbers ("on three Iranian targets").
func prepBefore(s *sent, ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-3; k-- {
		if eventPreps[s.low[k]] {
			return true
		}
		if !targetFiller[s.low[k]] && !isDigitTok(s.low[k]) {
			return false
		}
	}
	return false
}

// functionWords after a country name show it is a noun ("Pakistan on
// Wednesday"), not an adjective ("Pakistani troops").
var functionWords = map[string]bool{
	"on": true, "in": true, "at": true, "and": true, "or": true, "of": true, "to": true, "for": true, "with": true,
	"by": true, "from": true, "as": true, "that": true, "which": true, "who": true, "was": true, "were": true, "is": true,
	"are": true, "has": true, "have": true, "had": true, "said": true, "says": true, "after": true, "before": true,
	"since": true, "during": true, "last": true, "this": true, "near": true, "late": true, "early": true, "overnight": true,
	"yesterday": true, "today": true, "but": true, "over": true, "across": true, "into": true, "through": true,
	"under": true, "amid": true, "despite": true, "against": true, "toward": true, "towards": true, "within": true, "throughout": true, "while": true, "when": true, "where": true, "will": true, "would": true,
	"en": true, "y": true, "de": true, "el": true, "la": true, "con": true, "por": true, "para": true, "que": true,
}

// placeNouns after a country adjective make it a place ("Mexican soil").
var placeNouns = map[string]bool{
	"soil": true, "territory": true, "territories": true, "waters": true, "airspace": true, "border": true, "side": true,
	"land": true, "lands": true, "city": true, "town": true, "towns": true, "village": true, "villages": true, "province": true,
	"provinces": true, "state": true, "region": true, "capital": true, "coast": true, "countryside": true, "mainland": true,
	"interior": true, "jungle": true, "mountains": true, "desert": true, "frontier": true, "bases": true,
	"targets": true, "sites": true, "positions": true, "facilities": true, "installations": true, "ports": true,
	"port": true, "refinery": true, "refineries": true, "airport": true, "airports": true, "base": true, "site": true,
	"facility": true, "post": true, "posts": true, "outpost": true, "outposts": true, "checkpoint": true, "checkpoints": true,
	"camp": true, "camps": true, "ranch": true, "compound": true, "compounds": true, "market": true, "depot": true,
	"depots": true, "barracks": true, "airfield": true, "airbase": true, "block": true, "neighbourhood": true, "neighborhood": true,
}

// insideActor: the span lies within an actor mention that is a name of its
// own (not a bare state name).
func (r *run) insideActor(start, end int) bool {
	for _, a := range r.doc.Actors {
		if a.Via == "state" || a.Via == "possessive" || a.Via == "demonym" {
			continue
		}
		if start >= a.Start && end <= a.End && (start > a.Start || end < a.End) {
			return true
		}
	}
	return false
}

func (r *run) placeAt(b int) bool {
	for _, p := range r.doc.Places {
		if b >= p.Start && b < p.End {
			return true
		}
	}
	return false
}

// locateByDateline: a claim whose report names no place for it at all is
// put in the dateline's country — country precision, never the dateline
// town (the reporter's place is not the event's).
func (r *run) locateByDateline(c *report.Claim) {
	if c.Location != nil || r.doc.DatelineCountry == nil || r.doc.Dateline == nil {
		return
	}
	if c.Actor1 != nil && c.Actor1.Country == r.doc.DatelineCountry.Country && c.Stage != report.Conducted {
		// "WASHINGTON — the Pentagon was authorized to strike cartels": a
		// policy move reported from home says nothing of where it would land.
		return
	}
	if c.Actor1 != nil && c.Actor1.Country != "" && c.Actor1.Country != r.doc.DatelineCountry.Country && (c.Actor1.Inter == 1 || c.Actor1.Inter == 8) && c.Stage != report.Conducted {
		// "WASHINGTON — An Israeli air campaign against Iran would…",
		// "BANGKOK — Myanmar's military suspended air strikes": a foreign
		// state's policy told from a reporter's post is not about the post's
		// country (its strikes reported from there often are).
		return
	}
	l := r.doc.DatelineCountry.Location()
	l.GeoPrecision = report.PrecisionCountry
	c.Location = &l
	dl := r.doc.Dateline
	if c.Evidence == nil {
		c.Evidence = map[string][]report.Evidence{}
	}
	if s := r.sentenceOf(dl.Start); s != nil {
		r.addEvidence(c, "location", s, dl.Start, dl.End)
	}
}

// homeCountry is the country most of the report's places lie in (the
// dateline counts twice), or "" when none stands out.
func (r *run) homeCountry() string {
	if r.home != nil {
		return *r.home
	}
	n := map[string]int{}
	for _, p := range r.doc.Places {
		n[p.Country]++
	}
	if dl := r.doc.Dateline; dl != nil && dl.Location != nil {
		n[dl.Location.Country] += 2
	}
	best, bestN, total := "", 0, 0
	for c, k := range n {
		total += k
		if k > bestN || k == bestN && c < best {
			best, bestN = c, k
		}
	}
	if bestN*2 <= total {
		best = "" // no majority
	}
	r.home = &best
	return best
}

// subjectVerbs after a place show it is the subject of a clause.
// struckPassive: the words from i tell that the place was hit ("Kharkiv was
// struck", "Gaza has been pounded"): the place is the target, not a party.
func struckPassive(s *sent, i int) bool {
	k := i
	for k < len(s.low) && k < i+4 {
		switch s.low[k] {
		case "was", "were", "is", "are", "has", "have", "had", "been", "again", "also", "repeatedly", "heavily", "reportedly":
			k++
			continue
		}
		break
	}
	if k == i || k >= len(s.low) {
		return false
	}
	switch s.low[k] {
	case "struck", "hit", "bombed", "pounded", "shelled", "attacked", "targeted", "damaged", "destroyed", "rocked", "shaken", "raided", "bombarded":
		return true
	}
	return false
}

// agentVerbs before "by" make what follows a party: "brokered by Washington".
var agentVerbs = map[string]bool{
	"brokered": true, "mediated": true, "backed": true, "supported": true, "funded": true, "sponsored": true,
	"proposed": true, "imposed": true, "ordered": true, "approved": true, "authorized": true, "authorised": true,
	"condemned": true, "criticized": true, "criticised": true, "denied": true, "claimed": true, "confirmed": true,
}

// partyNouns after a country's possessive make the country a party.
var partyNouns = map[string]bool{
	"minister": true, "ministry": true, "government": true, "president": true, "prime": true, "foreign": true,
	"defence": true, "defense": true, "military": true, "army": true, "navy": true, "officials": true, "official": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "leader": true, "leaders": true, "parliament": true,
	"cabinet": true, "options": true, "junta": true, "council": true, "envoy": true, "ambassador": true, "intelligence": true,
	"security": true, "interior": true, "chief": true, "generals": true, "embassy": true, "delegation": true,
}

// partyPossessive: "Country's" followed within two words by a party noun
// ("South Korea's defence minister") and no place noun.
func partyPossessive(text string, end int, s *sent, from int) bool {
	if !strings.HasPrefix(text[end:], "'s") && !strings.HasPrefix(text[end:], "’s") {
		return false
	}
	for k := from; k < len(s.low) && k < from+3; k++ {
		if placeNouns[s.low[k]] || s.low[k] == "district" || s.low[k] == "county" || s.low[k] == "governorate" {
			return false
		}
		if partyNouns[s.low[k]] {
			return true
		}
	}
	return false
}

// strikeObject: the words before token ti are a verb of force and at most
// an article ("destroyed an Armenian artillery position").
func strikeObject(s *sent, ti int) bool {
	k := ti - 1
	if k >= 0 && (s.low[k] == "a" || s.low[k] == "an" || s.low[k] == "the") {
		k--
	}
	if k < 0 {
		return false
	}
	switch s.low[k] {
	case "struck", "hit", "destroyed", "targeted", "targeting", "bombed", "shelled", "hitting", "striking", "pounded", "pounding", "attacked", "attacking":
		return true
	}
	return false
}

// placeNounAhead: a place or target noun within five words from i ("on
// North Korean balloon and drone launch sites"), before any punctuation.
func placeNounAhead(s *sent, i int) bool {
	for k := i; k < len(s.low) && k < i+5; k++ {
		if placeNouns[s.low[k]] {
			return true
		}
		if w := s.low[k]; w == "," || w == "." || w == ";" {
			return false
		}
	}
	return false
}

// addresseeVerbs take a party as their object.
var addresseeVerbs = map[string]bool{
	"asked": true, "asks": true, "urged": true, "urges": true, "told": true, "tells": true, "warned": true, "warns": true,
	"pressed": true, "presses": true, "accused": true, "accuses": true, "blamed": true, "blames": true, "informed": true,
	"notified": true, "persuade": true, "persuaded": true, "convince": true, "convinced": true, "lobbied": true,
}

var subjectVerbs = map[string]bool{
	"is": true, "was": true, "has": true, "had": true, "have": true, "will": true, "would": true, "could": true,
	"said": true, "says": true, "may": true, "might": true, "must": true, "should": true, "wants": true, "warned": true,
	"threatened": true, "insists": true, "insisted": true, "denied": true, "denies": true, "rejected": true, "rejects": true,
	"considers": true, "considered": true, "plans": true, "planned": true, "approved": true, "authorized": true,
	"dismissed": true, "dismisses": true, "accused": true, "accuses": true, "announced": true, "ordered": true, "vowed": true,
	"builds": true, "seeks": true, "hopes": true, "fears": true, "argues": true, "believes": true, "expects": true,
	"prepares": true, "weighs": true,
	"already": true, "also": true, "still": true, "did": true, "does": true, "confirmed": true, "confirms": true,
	"asked": true, "urged": true, "refused": true, "agreed": true, "responded": true, "condemned": true, "blamed": true,
	"ha": true, "han": true, "había": true, "ya": true, "es": true, "fue": true, "dijo": true, "afirmó": true, "negó": true,
	"niega": true, "amenazó": true, "analiza": true, "podría": true, "quiere": true, "también": true,
}

var fleeWords = map[string]bool{
	"flee": true, "fled": true, "flees": true, "fleeing": true, "escape": true, "escaped": true, "escaping": true,
	"refuge": true, "evacuated": true, "displaced": true, "huyeron": true, "huir": true, "desplazadas": true, "desplazados": true,
}

// possessivePlace: a country's possessive before a place noun within three
// words ("Somalia's Puntland region", "Mexico's Sierra Madre mountains").
func possessivePlace(text string, end int, s *sent, from int) bool {
	if !strings.HasPrefix(text[end:], "'s") && !strings.HasPrefix(text[end:], "’s") {
		return false
	}
	for k := from; k < len(s.low) && k < from+3; k++ {
		if placeNouns[s.low[k]] || s.low[k] == "district" || s.low[k] == "county" || s.low[k] == "governorate" {
			return true
		}
	}
	return false
}

// nationwide: "across the country", "nationwide", "en todo el país".
func nationwide(s *sent) bool {
	for i, w := range s.low {
		switch {
		case w == "nationwide" || w == "countrywide":
			return true
		case (w == "across" || w == "throughout") && i+2 < len(s.low) && s.low[i+1] == "the" && s.low[i+2] == "country":
			return true
		case w == "todo" && i+2 < len(s.low) && s.low[i+1] == "el" && (s.low[i+2] == "país" || s.low[i+2] == "territorio"):
			return true
		}
	}
	return false
}

// localWitnessAt: the place at byte b describes witnesses ("Residents of a
// village near Bardhere said"), who are where the event happened.
func (s *sent) localWitnessAt(b int) bool {
	ti := s.tokenAt(b)
	for _, h := range s.attrib {
		if h.e.cols[0] == "witness" && h.to <= ti && ti-h.to <= 8 {
			for k := h.to; k < ti; k++ {
				if s.has(k, wcReporting) {
					return false // the place follows their words
				}
			}
			return true
		}
	}
	return false
}

// heldByPrepCountry: p follows a country's possessive that follows an event
// preposition ("near Bardhere in Somalia's Gedo region"): the preposition
// is p's too.
func (r *run) heldByPrepCountry(s *sent, p report.Place, ps []report.Place) bool {
	for _, q := range ps {
		if q.Feature != "country" || q.End >= p.Start || p.Start-q.End > 4 {
			continue
		}
		gap := r.doc.Text[q.End:p.Start]
		if gap != "'s " && gap != "’s " {
			continue
		}
		if ti := s.tokenAt(q.Start); ti > 0 && prepBefore(s, ti) {
			return true
		}
	}
	return false
}

var borderWords = map[string]bool{"border": true, "borders": true, "frontier": true, "frontera": true, "border's": true}

var borderPlaceNouns = map[string]bool{
	"town": true, "towns": true, "city": true, "village": true, "villages": true, "post": true, "posts": true, "outpost": true,
	"outposts": true, "crossing": true, "crossings": true, "region": true, "regions": true, "area": true, "areas": true,
	"district": true, "districts": true, "province": true, "zone": true, "guards": true, "guard": true, "positions": true,
}

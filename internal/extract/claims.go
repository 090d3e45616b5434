package extract

import (
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
)

// sentenceClaims builds the drafts for every trigger in s.
func (r *run) sentenceClaims(s *sent) []*draft {
	var out []*draft
	r.told = r.antecedent
	trigs := r.triggers(s)
	// ana: trigs[ana:] refer back to an earlier action (r.anaphor).
	ana := len(trigs)
	if len(trigs) == 0 {
		if trigs = r.anaphoricTriggers(s, nil); len(trigs) == 0 {
			return nil // no claim needs the sentence's sources
		}
		ana = 0
	} else {
		// "The ministry dismissed the footage as staged, but imagery shows
		// damage consistent with the strike": a denial in a clause with no
		// action of its own answers the action told before this sentence.
		den := r.anaphoricTriggers(s, trigs)
		for i := range trigs {
			if violentTypes[trigs[i].eventType] {
				t := trigs[i]
				r.antecedent = &t
			}
		}
		trigs = append(trigs, den...)
	}
	srcs, srcSpans := r.sources(s)
	for k, t := range trigs {
		anaphoric := k >= ana
		facts := r.stageFacts(s, t)
		if len(facts) == 0 && !anaphoric && violentTypes[t.eventType] && t.subType == "Air/drone strike" && question(s, r.doc.Text) && !s.isTally() {
			// "Could helicopter gunships be turned on the gangs?", "Is the
			// air force going to bomb them?": a strike asked about is one
			// spoken of as an option.
			facts = []stageFact{{stage: report.Discussed, certainty: report.Hypothetical}}
		}
		if question(s, r.doc.Text) && r.noAnswer(s) {
			// "Did the government ask the instructors to bomb the rebels?
			// 'Never,' its spokesman said": the move asked about, denied.
			for i := range facts {
				if facts[i].stage != report.Conducted && facts[i].stage != report.Denied {
					facts[i].certainty, facts[i].marker = report.Negated, nil
				}
			}
		}
		for _, f := range facts {
			// An air asset alone is a strike carried out only beside a toll.
			if t.strength == "asset" && f.stage == report.Conducted && !s.toll() {
				continue
			}
			// "Were RAF aircraft involved in the reported strikes on Sanaa
			// airport?": a question asserts no strike.
			if f.stage == report.Conducted && question(s, r.doc.Text) {
				continue
			}
			// "The plan has not yet been presented": only a stage its own
			// cue states, and never a strike carried out by reference.
			if anaphoric && (f.cue == nil || f.stage == report.Conducted) {
				continue
			}
			// "warplanes bombed and sank a decommissioned ship in a live-fire
			// exercise": force used in drills is no event; strikes "gamed
			// out in tabletop exercises" are still discussed.
			if violentTypes[t.eventType] && r.fictionReport() {
				continue // "The strike that ends the first part kills twenty-three people": a novel's plot
			}
			if violentTypes[t.eventType] && !s.hasCasualty() && (s.exercise() || r.exerciseReport()) &&
				(f.stage == report.Conducted || r.triggerIsPastVerb(s, t) || drillCue(s, f.cue)) {
				// "flew 400 sorties, struck simulated radar sites": force in a
				// drill is no event, whatever cue stands beside it.
				continue
			}
			d := &draft{s: s, trig: t.h, pos: s.toks[t.h.from].Start}
			if f.cue != nil && f.cue.from >= t.h.to && f.stage != report.Conducted {
				// "approved strikes on Wednesday but pulled back from them on
				// Friday": a stage told after the action is dated by its cue.
				d.pos = s.toks[f.cue.from].Start
			}
			c := &d.claim
			c.EventType, c.SubEventType, c.Action = t.eventType, t.subType, t.action
			c.Stage, c.Certainty = f.stage, f.certainty
			c.AssocActors = []report.Actor{}
			c.Sources = []report.Source{}
			c.Date.TimePrecision = "unknown"
			d.family = c.SubEventType
			if violentTypes[c.EventType] {
				d.family = "violence"
			}
			ts, te := s.span(t.h.from, t.h.to)
			r.addEvidence(c, "action", s, ts, te)
			r.addEvidence(c, "event_type", s, ts, te)
			if f.cue != nil {
				cs, ce := s.span(f.cue.from, f.cue.to)
				r.addEvidence(c, "stage", s, cs, ce)
				d.hasCue = true
			} else {
				r.addEvidence(c, "stage", s, ts, te)
			}
			if f.marker != nil {
				ms, me := s.span(f.marker.from, f.marker.to)
				r.addEvidence(c, "certainty", s, ms, me)
			} else {
				r.addEvidence(c, "certainty", s, ts, te)
			}
			if anaphoric && r.anaphor != nil {
				// "The plan has not yet been presented": who and where are the
				// antecedent's, not whoever this sentence happens to name.
				r.inherit(d, r.anaphor)
			} else {
				r.assignActors(d, t, srcSpans)
			}
			// A state "bombing" is an air raid, not a planted bomb.
			if c.Action == "bombing" && (bombVerb(s, t.h) || r.headlineVerb(s, t)) && c.Actor1 != nil && (c.Actor1.Inter == 1 || c.Actor1.Inter == 8) && c.Actor1.Country != "" {
				c.SubEventType, c.Action = "Air/drone strike", "air strike"
			}
			// So is the bombing of camps, positions or villages: bombs are
			// planted in markets and buses, dropped on camps.
			if c.Action == "bombing" && c.SubEventType != "Air/drone strike" && bombVerb(s, t.h) && (bombedTarget(s, t.h) || assetSubjectOf(s, t.h)) {
				c.SubEventType, c.Action = "Air/drone strike", "air strike"
			}
			// And in a report about aircraft or drones, "would be bombed"
			// with no planted device named is bombed from the air.
			if c.Action == "bombing" && c.SubEventType != "Air/drone strike" && bombVerb(s, t.h) && r.airContext && len(s.weapons) == 0 && !plantedBomb(s) {
				c.SubEventType, c.Action = "Air/drone strike", r.airAction()
			}
			if !anaphoric || r.anaphor == nil {
				r.assignLocation(d, append(otherSegSpans(s, t.h.from), srcSpans...))
				r.mainEventPlace(d)
			}
			r.assignDate(d)
			if c.Stage == report.Conducted && c.Certainty != report.Negated && violentTypes[c.EventType] && s.isTally() && !anaphoric && perfectAt(s, t.h, r.doc.Text) {
				// "The Houthis have fired hundreds of missiles and drones at
				// Israel since late 2023", "more than 54,000 have been killed
				// since the war began": a campaign told in sum, no event.
				continue
			}
			if c.Stage == report.Conducted && (c.Certainty == report.Asserted || c.Certainty == report.Hedged) {
				r.assignCasualties(d, s, t.h)
			}
			if len(srcs) > 0 {
				c.Sources = append(c.Sources, srcs...)
				for _, sp := range srcSpans {
					r.addEvidence(c, "sources", s, sp[0], sp[1])
				}
			} else if f.cue != nil && !anaphoric {
				// "The governor, Oumarou Dayang, set out a plan for …": a
				// named official who moves in public is on the record.
				if from, to := r.cueSpeaker(s, f.cue.from); to > from {
					if src, ok := r.parseSource(s, from, to, false); ok && src.Kind == report.SourceNamedOfficial && src.Name != nil {
						c.Sources = append(c.Sources, src)
					}
				}
			}
			out = append(out, d)
			if !anaphoric && d.family == "violence" {
				r.antecedentDraft = d
				if c.Stage != report.Conducted && c.Stage != report.Denied {
					r.planDraft = d
				}
				if c.Stage == report.Conducted && !s.isTally() && !r.background(c) {
					r.newsDraft = d
				}
			}
		}
	}
	return out
}

// perfectAt: the action is told in the perfect ("drones have hit", "jets
// have repeatedly struck"), as a tally is, not in a clause of its own.
func perfectAt(s *sent, h hit, text string) bool {
	for k := max(0, h.from-3); k < h.to; k++ {
		switch s.low[k] {
		case "have", "has", "han", "ha":
			return true
		}
	}
	// "has carried out dozens of strikes": the perfect of a verb whose
	// object counts many actions (not "has conducted at least four strikes
	// …, killing 21", a handful told as one series).
	for k := h.from - 4; k >= 0 && k >= h.from-6; k-- {
		switch s.low[k] {
		case "have", "has", "han", "ha":
			return s.clause[k] == s.clause[h.from] && manyBetween(s, text, k+1, h.from)
		case ",", "that", "which", "que":
			return false
		}
	}
	// "Attacks by fighters linked to al Qaeda have killed dozens": the
	// action as the subject of a perfect.
	for k := h.to; k+1 < len(s.low) && k <= h.to+6 && s.clause[k] == s.clause[h.from]; k++ {
		switch s.low[k] {
		case "have", "has", "han", "ha":
			return s.low[k+1] != "been" && s.low[k+1] != "sido" // "devices have been found": not what they did
		case ",", "that", "which", "que":
			return false
		}
	}
	return false
}

// manyBetween: a count of ten or more stands in tokens from..to ("dozens
// of", "more than 2,100", "hundreds of").
func manyBetween(s *sent, text string, from, to int) bool {
	for _, q := range s.numbers(text) {
		if ti := s.tokenAt(q.Start + s.start); ti >= from && ti < to && q.Min >= 10 {
			return true
		}
	}
	return false
}

// inherit gives an anaphoric draft its antecedent's parties and place, with
// their evidence.
func (r *run) inherit(d, ante *draft) {
	c, a := &d.claim, &ante.claim
	c.Actor1, c.Actor2 = a.Actor1, a.Actor2
	c.AssocActors = append(c.AssocActors, a.AssocActors...)
	c.Location = a.Location
	for _, f := range []string{"actor1", "actor2", "assoc_actors", "location"} {
		for _, ev := range a.Evidence[f] {
			if c.Evidence == nil {
				c.Evidence = map[string][]report.Evidence{}
			}
			c.Evidence[f] = append(c.Evidence[f], ev)
		}
	}
}

// finish fills what needs the whole report: inherited sources, consent,
// confidence.
// statementReport: the report opens as a statement's text — "Statement by
// the Ministry of Foreign Affairs:", "Statement of the General Command
// (translated from Arabic):", "The Ministry of Defence issued the
// following statement on Wednesday:".
func (r *run) statementReport() bool {
	if len(r.sents) == 0 {
		return false
	}
	low := r.sents[0].low
	for i, w := range low {
		if i > 40 || w == "." {
			break
		}
		if w == "statement" || w == "communique" || w == "communiqué" || w == "comunicado" {
			first := i == 0 || low[i-1] == "—" || low[i-1] == "–" || low[i-1] == "-" // "ADDIS ABABA — Statement by …"
			next := ""
			if i+1 < len(low) {
				next = low[i+1]
			}
			if first && (next == "by" || next == "of" || next == "from" || next == "de" || next == "del") ||
				i >= 2 && low[i-1] == "following" && (low[i-2] == "the" || low[i-2] == "el") {
				return true
			}
		}
	}
	return false
}

func (r *run) finish(d *draft) {
	c := &d.claim
	if len(c.Sources) == 0 {
		c.Sources = append(c.Sources, r.leadSources...)
		if len(c.Sources) == 0 && r.doc.Outlet != "" {
			o := r.doc.Outlet
			c.Sources = append(c.Sources, report.Source{Kind: report.SourceOutlet, Outlet: &o})
		}
	}
	if r.statementReport() {
		// "Statement by the Ministry of Foreign Affairs: …": the whole
		// report is a body's statement, and so is what it says.
		for i := range c.Sources {
			if c.Sources[i].Kind == report.SourceOrganization || c.Sources[i].Kind == report.SourceNamedOfficial && c.Sources[i].Name == nil {
				c.Sources[i].Kind = report.SourceStatement
			}
		}
		if len(c.Sources) == 0 {
			c.Sources = append(c.Sources, report.Source{Kind: report.SourceStatement})
		}
	}
	c.Sources = dedupeSources(c.Sources)
	if c.Actor1 != nil && c.Actor2 != nil && c.Actor1.ID == c.Actor2.ID {
		c.Actor2 = nil // one party cannot be both sides ("Haqqani Network → Haqqani Network")
		delete(c.Evidence, "actor2")
	}
	r.locateByTarget(c)
	r.assignConsent(d)
	conf := 0.45
	if d.hasCue {
		conf += 0.15
	}
	if c.Actor1 != nil {
		conf += 0.1
	}
	if c.Location != nil {
		conf += 0.1
	}
	if len(c.Sources) > 0 {
		conf += 0.1
	}
	switch c.Certainty {
	case report.Hedged:
		conf -= 0.1
	case report.Hypothetical, report.Negated:
		conf -= 0.05
	}
	if conf > 0.95 {
		conf = 0.95
	}
	c.Confidence = float64(int(conf*100+0.5)) / 100
}

// bombVerb: the trigger is the verb "bombed"/"bombing", not the noun "bomb".
func bombVerb(s *sent, h hit) bool {
	for i := h.from; i < h.to; i++ {
		if w := s.low[i]; w == "bombed" || w == "bombing" || w == "bombard" || w == "bombarded" || w == "bomb" && i > 0 && (s.low[i-1] == "not" || s.low[i-1] == "to" || s.low[i-1] == "will" || s.low[i-1] == "would") {
			return true
		}
	}
	return false
}

// plantedBomb: the sentence speaks of a bomb set on the ground.
func plantedBomb(s *sent) bool {
	for _, w := range s.low {
		switch w {
		case "planted", "device", "devices", "ied", "ieds", "car", "suicide", "bomber", "roadside", "booby-trapped", "detonated", "mine", "mines":
			return true
		}
	}
	return false
}

// bombedTarget: the verb "bomb" at h has a military target or a
// settlement as its object ("bombing militant camps", "bombed Armenian
// villages", "bombardeó posiciones").
func bombedTarget(s *sent, h hit) bool {
	for k := h.to; k < len(s.low) && k <= h.to+3; k++ {
		switch s.low[k] {
		case "camps", "camp", "positions", "position", "hideouts", "hideout", "bases", "base", "villages", "village",
			"towns", "strongholds", "stronghold", "trenches", "airfield", "airfields", "depots", "barracks",
			"post", "posts", "outpost", "outposts", "compound", "compounds", "convoy", "convoys",
			"campamento", "campamentos", "posiciones", "aldeas", "poblados":
			return true
		case ",", ".", ";", "and", "y":
			return false
		}
	}
	return false
}

// otherSegSpans: in a sentence of two events (eventSegs), the byte spans of
// the tokens that tell of the other one, whose places are not this one's.
func otherSegSpans(s *sent, trig int) [][2]int {
	segs := s.eventSegs()
	if segs == nil {
		return nil
	}
	var out [][2]int
	for i := range s.toks {
		if segs[i] == segs[trig] {
			continue
		}
		if n := len(out); n > 0 && i > 0 && segs[i-1] == segs[i] {
			out[n-1][1] = s.toks[i].End // one span per run, so "Tel Aviv" lies inside it
			continue
		}
		out = append(out, [2]int{s.toks[i].Start, s.toks[i].End})
	}
	return out
}

// mainEventPlace: a claim that took its place from an earlier sentence of
// two events takes the place of that sentence's main event, not of the one
// told in passing ("jets bombed Hodeidah, a day after a drone hit Tel Aviv.
// Houthi media said three were killed in the strikes").
func (r *run) mainEventPlace(d *draft) {
	c := &d.claim
	ev := c.Evidence["location"]
	if c.Location == nil || len(ev) == 0 || ev[0].Start >= d.s.start {
		return
	}
	ps := r.sentenceOf(ev[0].Start)
	if ps == nil {
		return
	}
	segs := ps.eventSegs()
	if segs == nil {
		return
	}
	ti := ps.tokenAt(ev[0].Start)
	if ti < 0 || segs[ti]%100 == 0 {
		return
	}
	for _, h := range ps.actions {
		if violentTypes[h.e.cols[1]] && segs[h.from]%100 == 0 {
			initCountry := ""
			if c.Actor1 != nil {
				initCountry = c.Actor1.Country
			}
			if p, ok := r.bestPlace(ps, r.placeCands(ps, otherSegSpans(ps, h.from), initCountry)); ok {
				delete(c.Evidence, "location")
				r.setLocation(c, ps, p)
			}
			return
		}
	}
}

// anaphoricHeads are nouns that refer back to an action named before ("a
// plan for RAF strikes … The plan has not yet been presented").
// By language: Spanish "planes" are plans, English ones aircraft.
var anaphoricHeads = map[string]map[string]bool{
	"en": {"plan": true, "plans": true, "proposal": true, "proposals": true, "idea": true, "option": true, "options": true, "request": true,
		"operation": true, "mission": true, "decision": true, "response": true, "retaliation": true},
	"es": {"plan": true, "planes": true, "propuesta": true, "solicitud": true, "idea": true, "opción": true, "opciones": true,
		"operación": true, "misión": true, "decisión": true},
}

// denialHeads refer back to a reported action only inside a denial
// ("dismissed the findings as fabricated", "had no aircraft in the area").
var denialHeads = map[string]bool{
	"findings": true, "report": true, "reports": true, "claim": true, "claims": true, "allegation": true, "allegations": true,
	"accusation": true, "accusations": true, "account": true, "accounts": true, "statement": true, "aircraft": true,
	"jets": true, "planes": true, "warplanes": true, "drones": true, "involvement": true, "involved": true,
	"responsibility": true, "incident": true, "footage": true, "video": true, "images": true,
	"role": true, "attack": true, "attacks": true, "strike": true, "strikes": true, "raid": true, "bombing": true,
	// a denial of the order told before: "denied that any such order existed"
	"order": true, "orders": true, "directive": true, "memo": true,
	"helicopter": true, "helicopters": true, "gunship": true, "gunships": true, "plane": true, "jet": true, "drone": true,
	"versiones": true, "aeronaves": true, "aviones": true, "helicópteros": true,
	// what the act left, blamed on something else: "blamed the deaths on the collapse of a mine shaft"
	"deaths": true, "blast": true, "blasts": true, "explosion": true, "explosions": true, "casualties": true,
	// a denial that names the act itself: "had launched nothing across the border"
	"launched": true, "fired": true, "flown": true, "conducted": true,
}

// anaphoricTriggers: a sentence with no action of its own but a stage cue
// governing a noun that refers back to the last violent action named ("The
// plan has not yet been presented to the cabinet", "Options remain under
// review", "had threatened earlier to hit airports") speaks of that action.
// In a sentence with actions of its own (own), only a denial in a clause
// without one refers back.
func (r *run) anaphoricTriggers(s *sent, own []trigger) []trigger {
	if r.antecedent == nil || len(s.stages) == 0 {
		return nil
	}
	heads := anaphoricHeads[r.doc.Lang]
	if heads == nil {
		heads = anaphoricHeads["en"]
	}
	for i, w := range s.low {
		head := heads[w] || (w == "hit" || w == "target" || w == "attack" || w == "bomb" || w == "struck" || w == "targeted" || w == "bombed") && willDo(s, i)
		denial := s.has(i, wcDenialHead)
		if !head && !denial {
			continue
		}
		if own != nil && (!denial || clauseHasTrigger(s, own, s.clause[i], i)) {
			continue
		}
		for _, c := range s.stages {
			if c.e.cols[1] == "own" || s.clause[c.from] != s.clause[i] {
				continue
			}
			if denial && !head && report.Stage(c.e.cols[0]) != report.Denied {
				continue // "the planes had been ordered back" is no order to strike
			}
			if d := c.from - i; d > 8 || d < -8 {
				continue
			}
			t := *r.antecedent
			r.anaphor = r.antecedentDraft
			// A denial answers the news, not the background told after it
			// ("…since fighting erupted in 2023. The spokesman called the
			// account baseless").
			if n := r.newsDraft; n != nil && report.Stage(c.e.cols[0]) == report.Denied && r.antecedentDraft != nil && n != r.antecedentDraft &&
				(r.antecedentDraft.claim.Stage == report.Conducted || r.antecedentDraft.claim.Stage == report.Denied) {
				// A plan told after the news is what "that report is false"
				// may deny; a strike told after it is background.
				r.anaphor = n
				t.eventType, t.subType, t.action = n.claim.EventType, n.claim.SubEventType, n.claim.Action
			}
			// A decision, plan or option is about an action still to come,
			// not the attack told after it ("strikes remain on the table
			// after Sunday's ambush … No decision has been taken").
			if p := r.planDraft; p != nil && report.Stage(c.e.cols[0]) != report.Denied && r.antecedentDraft != nil &&
				r.antecedentDraft.claim.Stage == report.Conducted {
				r.anaphor = p
				t.eventType, t.subType, t.action = p.claim.EventType, p.claim.SubEventType, p.claim.Action
			}
			t.h = hit{from: i, to: i + 1, e: r.antecedent.h.e}
			if c.from <= i && i < c.to {
				t.h.to = i // the head is the cue's own word ("no decision"): a point, so the cue still governs it
			}
			return []trigger{t}
		}
	}
	return nil
}

// drillCue: the cue is a drill's word ("simulated", "rehearsed"), which in
// a report on exercises says training, not planning.
func drillCue(s *sent, c *hit) bool {
	if c == nil {
		return false
	}
	switch s.low[c.from] {
	case "simulated", "rehearsed", "rehearsal", "practised", "practiced":
		return true
	}
	return false
}

// willDo: the verb at token i is told as to come: "to hit", "will hit",
// "would be hit", "will be targeted".
func willDo(s *sent, i int) bool {
	if i > 0 {
		switch s.low[i-1] {
		case "to", "will", "would", "'ll":
			return s.low[i] == "hit" || s.low[i] == "target" || s.low[i] == "attack" || s.low[i] == "bomb"
		case "be":
			return i > 1 && (s.low[i-2] == "will" || s.low[i-2] == "would")
		}
	}
	return false
}

// clauseHasTrigger: one of ts stands in clause c of s before token end
// ("rejected the reports, saying the blast was caused by…": the action the
// denier goes on to name does not keep the denial from the news).
func clauseHasTrigger(s *sent, ts []trigger, c, end int) bool {
	for _, t := range ts {
		if s.clause[t.h.from] == c && t.h.from < end {
			return true
		}
	}
	return false
}

// background: c is dated to end a month or more before the report's date.
func (r *run) background(c *report.Claim) bool {
	if !r.doc.HasRef || c.Date.End == nil {
		return false
	}
	end, err := time.Parse("2006-01-02", *c.Date.End)
	return err == nil && r.doc.Ref.Sub(end) >= 31*24*time.Hour
}

// applyDisclaimers: a sentence of its own saying a claim could not be
// verified ("Reuters could not independently verify either account", "The
// claim could not be independently verified") hedges the strikes told as
// done before it in its paragraph or the one before; "the residents'
// account" hedges only what residents and witnesses told.
func (r *run) applyDisclaimers(ds []*draft) {
	for _, s := range r.sents {
		witnessOnly, ok := disclaimer(s)
		if !ok {
			continue
		}
		own := false
		for _, d := range ds {
			if d.s == s {
				own = true
				break
			}
		}
		if own {
			continue
		}
		for _, d := range ds {
			c := &d.claim
			if d.s.idx >= s.idx || s.para-d.s.para > 1 || c.Stage != report.Conducted || c.Certainty != report.Asserted {
				continue
			}
			if witnessOnly && !hasSourceKind(c.Sources, report.SourceWitness) {
				continue
			}
			c.Certainty = report.Hedged
			st, en := s.span(0, len(s.low))
			delete(c.Evidence, "certainty") // the disclaimer, not the verb, is why
			r.addEvidence(c, "certainty", s, st, en)
		}
	}
}

// disclaimer: s says something told could not be verified; witnessOnly
// when it names the witnesses' or residents' account.
func disclaimer(s *sent) (witnessOnly, ok bool) {
	if otherDisclaimer(s) {
		return witnessNoun(s), true
	}
	for i := 0; i+1 < len(s.low); i++ {
		if s.low[i] != "independently" {
			continue
		}
		switch s.low[i+1] {
		case "verify", "verified", "confirm", "confirmed", "corroborate", "corroborated":
		default:
			continue
		}
		neg := false
		for k := max(0, i-4); k < i; k++ {
			switch s.low[k] {
			case "not", "cannot", "unable", "n't", "couldn't", "neither":
				neg = true
			case "which", "that":
				return false, false // "…had hit two hospitals, which could not be independently verified": its own sentence's claim
			}
		}
		if !neg {
			continue
		}
		return witnessNoun(s), true
	}
	return false, false
}

func hasSourceKind(ss []report.Source, k string) bool {
	for _, s := range ss {
		if s.Kind == k {
			return true
		}
	}
	return false
}

// question: the sentence asks ("Were RAF aircraft involved …?").
func question(s *sent, text string) bool {
	t := strings.TrimRight(text[s.start:s.end], " \t\n\r\"'”’)»")
	return strings.HasSuffix(t, "?")
}

// noAnswer: the sentence after the question s answers it no ("Never," the
// spokesman said; "No." "Nunca").
func (r *run) noAnswer(s *sent) bool {
	if s.idx+1 >= len(r.sents) {
		return false
	}
	n := r.sents[s.idx+1]
	k := 0
	for k < len(n.low) && quoteMark(n.low[k]) {
		k++
	}
	if k >= len(n.low) {
		return false
	}
	switch n.low[k] {
	case "never", "no", "nunca", "jamás":
		return k+1 < len(n.low) && (n.low[k+1] == "," || n.low[k+1] == "." || quoteMark(n.low[k+1]))
	}
	return false
}

// otherDisclaimer: the sentence says no one has vouched for the account in
// other words: "No independent account of the incident has emerged", "the
// claim could not be verified", "its origin could not be pinned down".
func otherDisclaimer(s *sent) bool {
	for i, w := range s.low {
		switch w {
		case "which", "that":
			if i > 0 && s.low[i-1] == "," {
				return false // "…, which could not be verified": its own sentence's claim
			}
		case "independent":
			if i > 0 && s.low[i-1] == "no" && i+1 < len(s.low) {
				switch s.low[i+1] {
				case "account", "accounts", "confirmation", "verification", "corroboration":
					return true
				}
			}
		case "be":
			if i >= 2 && s.low[i-1] == "not" && (s.low[i-2] == "could" || s.low[i-2] == "can") && i+1 < len(s.low) {
				switch s.low[i+1] {
				case "verified", "confirmed", "corroborated", "authenticated", "pinned":
					return true
				}
			}
		}
	}
	return false
}

// witnessNoun: the sentence names witnesses or residents.
func witnessNoun(s *sent) bool {
	for _, w := range s.low {
		switch w {
		case "residents", "residents'", "witnesses", "witnesses'", "locals", "villagers", "activists", "survivors":
			return true
		}
	}
	return false
}

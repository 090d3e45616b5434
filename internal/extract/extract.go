package extract

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/strikewatch/strikewatch/internal/report"
)

// Extractor holds the lexicons of each language. It is safe for concurrent use.
type Extractor struct {
	lex map[string]*lexicons
}

// New loads the embedded lexicons.
func New() (*Extractor, error) {
	x := &Extractor{lex: map[string]*lexicons{}}
	entries, err := lexiconFS.ReadDir("lexicon")
	if err != nil {
		return nil, fmt.Errorf("lexicons: %w", err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		lx, err := loadLexicons(e.Name())
		if err != nil {
			return nil, err
		}
		x.lex[e.Name()] = lx
	}
	if x.lex["en"] == nil {
		return nil, fmt.Errorf("lexicons: no English lexicon")
	}
	return x, nil
}

// Languages lists the languages with a lexicon.
func (x *Extractor) Languages() []string {
	var out []string
	for k := range x.lex {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// draft is a claim being built, with the token-level facts behind it.
type draft struct {
	claim  report.Claim
	s      *sent
	trig   hit
	family string // "violence", or the sub-event type for non-violent actions
	pos    int    // byte offset of the trigger, for ordering
	hasCue bool
	// moreArrested: the arrest count is of further people ("two additional
	// suspects were detained"), to add to the event's, not to compare.
	moreArrested bool
}

// Extract finds the claims in doc.
func (x *Extractor) Extract(doc Doc) []report.Claim {
	lx := x.lex[doc.Lang]
	if lx == nil {
		lx = x.lex["en"]
	}
	sents := make([]*sent, 0, len(doc.Sentences))
	bufs := getTokenBufs(doc.Text, doc.Lower, len(doc.Sentences))
	defer bufs.release()
	para := 0
	prevEnd := 0
	for i, s := range doc.Sentences {
		if strings.Contains(doc.Text[prevEnd:s.Start], "\n") {
			para++
		}
		prevEnd = s.End
		st := x.analyse(lx, bufs, doc.Text, i, s, para)
		if dl := doc.Dateline; dl != nil && st.start < dl.End && st.end > dl.Start {
			dropDatelineHits(st, dl.Start, dl.End)
		}
		sents = append(sents, st)
	}
	r := &run{x: x, lx: lx, doc: doc, sents: sents}
	r.airContext = r.reportHasAircraft()
	r.leadSources = r.firstSources()
	var drafts []*draft
	for _, s := range sents {
		drafts = append(drafts, r.sentenceClaims(s)...)
	}
	r.attachOrphanCasualties(drafts)
	r.applyDisclaimers(drafts)
	drafts = r.foldFollowUps(drafts)
	r.propagateActors(drafts)
	merged := mergeDrafts(doc.Text, drafts)
	claims := make([]report.Claim, 0, len(merged))
	for _, d := range merged {
		r.finish(d)
		claims = append(claims, d.claim)
	}
	sortClaims(claims, merged)
	return claims
}

// run is the state of one Extract call.
type run struct {
	x          *Extractor
	lx         *lexicons
	doc        Doc
	sents      []*sent
	airContext bool
	civilLead  int8     // civilDroneReport: 0 not yet asked, 1 yes, -1 no
	antecedent *trigger // the last violent action named, for "the plan", "the options"
	// antecedentDraft is the last claim drafted from it.
	antecedentDraft *draft
	// planDraft is the last violent action not told as done: what "no
	// decision has been taken" refers to when a done one came after it.
	planDraft *draft
	// exerciseLead is 1 when the report's lead tells of military drills, -1
	// when not, 0 before it is known; fictionLead the same for a review or
	// story of fiction; sportsLead for a sports report.
	exerciseLead, fictionLead, sportsLead int
	// newsDraft is the last violent action told as done and not as
	// background: what a denial answers.
	newsDraft *draft
	// told is the last violent action of the sentences before the current one.
	told *trigger
	// anaphor is the draft an anaphoric sentence refers back to.
	anaphor     *draft
	leadSources []report.Source
	home        *string           // homeCountry, once computed
	evSlab      []report.Evidence // backing for each field's first evidence
	evSlabs     int               // slabs made: short reports need one small one
}

// evidence makes an Evidence for a byte span in sentence s.
func (r *run) evidence(s *sent, start, end int) report.Evidence {
	if start < s.start {
		start = s.start
	}
	if end > s.end {
		end = s.end
	}
	if end < start {
		end = start
	}
	return report.Evidence{Start: start, End: end, Sentence: r.doc.Text[s.start:s.end]}
}

func (r *run) addEvidence(c *report.Claim, field string, s *sent, start, end int) {
	if c.Evidence == nil {
		c.Evidence = map[string][]report.Evidence{}
	}
	ev := r.evidence(s, start, end)
	for _, e := range c.Evidence[field] {
		if e.Start == ev.Start && e.End == ev.End {
			return
		}
	}
	evs := c.Evidence[field]
	if cap(evs) == 0 {
		// A field's first evidence comes from a shared slab instead of an
		// allocation of its own; its capacity of one is append's, so a
		// second evidence is copied out as before.
		if len(r.evSlab) == 0 {
			r.evSlab = make([]report.Evidence, 8+r.evSlabs*24)
			r.evSlabs++
		}
		r.evSlab[0] = ev
		c.Evidence[field] = r.evSlab[:1:1]
		r.evSlab = r.evSlab[1:]
		return
	}
	c.Evidence[field] = append(evs, ev)
}

// reportHasAircraft reports whether the report speaks of drones or aircraft,
// so that "missiles hit a house" in a drone report counts as a drone strike.
func (r *run) reportHasAircraft() bool {
	for _, s := range r.sents {
		for _, h := range s.weapons {
			if h.e.cols[0] == "Air/drone strike" && !aircraftHit(s, h) {
				return true
			}
		}
	}
	return false
}

// aircraftHit: the aircraft are what was hit ("destroying several Apache
// helicopters", "damaged passenger planes"), not what struck.
func aircraftHit(s *sent, h hit) bool {
	// "a camera drone above lane 14", "a thermal-imaging drone", "a
	// fire-brigade drone surveyed the roof": a drone at civil work.
	if h.from > 0 && (civilUses[s.low[h.from-1]] || civilOperators[s.low[h.from-1]]) {
		return true
	}
	if civilCraft(s, h) {
		return true
	}

	for k := h.to; k < len(s.low) && k <= h.to+5; k++ {
		if droneWork[s.low[k]] || k == h.to && (s.low[k] == "surveyed" || s.low[k] == "caught" || s.low[k] == "spotted" || s.low[k] == "recorded") {
			if k == h.to || s.low[k-1] == "to" {
				return true // "flown drones over the old city to spot banned string"
			}
		}
	}
	// "used a drone to track miners", "drones fitted with loudspeakers",
	// "a drone sent up by the department showed a new vent": a drone at work.
	if k := h.to; k+1 < len(s.low) {
		switch s.low[k] {
		case "to", "that", "which":
			if droneWork[s.low[k+1]] {
				return true // "drones that patrol the beaches"
			}
		case "fitted", "equipped":
			return true
		case "sent", "showed", "filmed", "footage":
			if s.low[k] != "sent" || s.low[k+1] == "up" {
				return true
			}
		}
	}
	for k := h.from - 1; k >= 0 && k >= h.from-5; k-- {
		switch s.low[k] {
		case "destroying", "destroyed", "damaged", "damaging", "downed", "down", "passenger", "civilian", "commercial", "shooting", "intercepted",
			"surveillance", "reconnaissance", "spy", "unarmed", "delivery":
			return true
		}
	}
	return false
}

// civilCraft: the aircraft word at h names no warplane or armed drone — a
// jet ski, a medical or coast guard drone, "un dron de Protección Civil",
// or a drone that is the prey ("could strike a hovering quadcopter").
func civilCraft(s *sent, h hit) bool {
	// (Not a police helicopter: police gunships fire, so it stays a weapon
	// here; aircraftHit still gives a police drone no air context.)
	if h.from > 0 && civilOperators[s.low[h.from-1]] && s.low[h.from-1] != "police" {
		return true
	}
	if h.to < len(s.low) && jetNotAircraft[s.low[h.to]] {
		return true
	}
	if h.to < len(s.low) && civilAfter[s.low[h.to]] || h.to+1 < len(s.low) && s.low[h.to] == "de" && civilAfter[s.low[h.to+1]] ||
		h.to+2 < len(s.low) && s.low[h.to] == "de" && civilAfter[s.low[h.to+2]] {
		return true
	}
	for k := h.from - 1; k >= 0 && k >= h.from-3; k-- {
		w := s.low[k]
		if droneCatchVerbs[w] {
			return true
		}
		if w != "a" && w != "an" && w != "the" && w != "hovering" && w != "small" && w != "rogue" && w != "its" {
			break
		}
	}
	return false
}

// civilOperators fly drones for work other than war.
var civilOperators = map[string]bool{
	"thermal-imaging": true, "fire-brigade": true, "firefighting": true, "rescue": true, "traffic": true, "monitoring": true,
	"survey": true, "mapping": true, "police": true, "wildlife": true, "medical": true, "guard": true, "broadcaster's": true,
	"cargo": true, "hospital": true, "health": true, "weather": true,
}

// civilAfter follow a drone at civil work: "the drone service", "drone
// deliveries", "drone cam", "un dron de Protección Civil", "aviones cisterna".
var civilAfter = map[string]bool{
	"service": true, "services": true, "deliveries": true, "delivery": true, "programme": true, "program": true,
	"cam": true, "cams": true, "camera": true, "racing": true, "show": true, "cisterna": true, "cisternas": true,
	"protección": true, "transmisión": true, "televisión": true, "policía": true, "bomberos": true,
}

// jetNotAircraft follow "jet" when it is no aircraft: "jet ski", "jet lag".
var jetNotAircraft = map[string]bool{
	"ski": true, "skis": true, "skier": true, "lag": true, "lagged": true, "stream": true,
	"fuel": true, "engine": true, "engines": true, "wash": true, "washer": true,
}

// droneCatchVerbs take a drone as their object: what is caught or struck.
var droneCatchVerbs = map[string]bool{
	"struck": true, "strike": true, "strikes": true, "striking": true, "catch": true, "caught": true, "pluck": true,
	"plucked": true, "grab": true, "grabbed": true, "grabs": true, "snatch": true, "snatched": true, "seize": true,
	"jammed": true, "jam": true, "jamming": true, "capture": true, "captured": true,
}

// droneWork are what drones do besides fighting.
var droneWork = map[string]bool{
	"track": true, "monitor": true, "film": true, "survey": true, "search": true, "map": true, "spot": true, "watch": true,
	"find": true, "locate": true, "inspect": true, "deliver": true, "spray": true, "drive": true, "chase": true, "scare": true,
	"herd": true, "photograph": true, "patrol": true, "count": true,
}

func (r *run) droneContext() bool {
	for _, s := range r.sents {
		for _, h := range s.weapons {
			if h.e.cols[1] == "drone strike" && !aircraftHit(s, h) {
				return true
			}
		}
	}
	return false
}

func sortClaims(claims []report.Claim, ds []*draft) {
	// Asserted, well-evidenced claims first; then text order.
	idx := make([]int, len(claims))
	for i := range idx {
		idx[i] = i
	}
	rank := func(c *report.Claim) int {
		switch c.Certainty {
		case report.Asserted:
			return 0
		case report.Hedged:
			return 1
		case report.Hypothetical:
			return 2
		}
		return 3
	}
	// slices.SortStableFunc, not sort.SliceStable: no reflection, and the
	// claims are compared in place rather than copied per comparison.
	slices.SortStableFunc(idx, func(a, b int) int {
		if ra, rb := rank(&claims[a]), rank(&claims[b]); ra != rb {
			return ra - rb
		}
		return cmp.Compare(ds[a].pos, ds[b].pos)
	})
	out := make([]report.Claim, len(claims))
	for i, j := range idx {
		out[i] = claims[j]
	}
	copy(claims, out)
}

// foldFollowUps: a bare "11 people had been killed" after a reported strike
// is that strike's toll, not a new attack. A generic killing or attack with
// no weapon, place or actor of its own folds into the last conducted violent
// claim of the same or the previous paragraph.
func (r *run) foldFollowUps(ds []*draft) []*draft {
	out := ds[:0]
	for _, d := range ds {
		c := &d.claim
		generic := (c.Action == "killing" || c.Action == "attack") && c.Stage == report.Conducted &&
			(c.Certainty == report.Asserted || c.Certainty == report.Hedged) && !r.placeInSentence(d.s)
		var prev *draft
		if generic {
			for _, p := range out {
				if p.family == "violence" && p.claim.Stage == report.Conducted && p.s.idx < d.s.idx && d.s.para-p.s.para <= 1 &&
					(p.claim.Certainty == report.Asserted || p.claim.Certainty == report.Hedged) && p.claim.Action != "killing" && p.claim.Action != "attack" {
					prev = p
				}
			}
		}
		if prev == nil || c.Actor1 != nil && prev.claim.Actor1 != nil && c.Actor1.ID != prev.claim.Actor1.ID && !r.propagated(d) {
			out = append(out, d)
			continue
		}
		if prev.claim.Fatalities.Min == nil && prev.claim.Fatalities.Max == nil && (c.Fatalities.Min != nil || c.Fatalities.Max != nil) {
			prev.claim.Fatalities = c.Fatalities
			prev.claim.Evidence["fatalities"] = c.Evidence["fatalities"]
		}
		if prev.claim.Injured == nil {
			prev.claim.Injured = c.Injured
		}
	}
	return out
}

// placeInSentence: a place other than the dateline is named in s.
func (r *run) placeInSentence(s *sent) bool {
	for _, p := range r.doc.Places {
		if p.Start >= s.start && p.End <= s.end && !(r.doc.Dateline != nil && p.Start < r.doc.Dateline.End) {
			return true
		}
	}
	return false
}

// propagated: d's initiator was filled from an earlier claim, not its own text.
func (r *run) propagated(d *draft) bool {
	evs := d.claim.Evidence["actor1"]
	return len(evs) == 0 || evs[0].Start < d.s.start || evs[0].Start >= d.s.end
}

// dropDatelineHits removes the cues and markers found inside the dateline
// ("CULIACÁN, Sin.—": Sinaloa, not Spanish "sin", without).
func dropDatelineHits(st *sent, start, end int) {
	keep := func(hs []hit) []hit {
		var out []hit
		for _, h := range hs {
			if a := st.toks[h.from].Start; a < start || a >= end {
				out = append(out, h)
			}
		}
		if len(out) == len(hs) {
			return hs
		}
		return out
	}
	st.modality, st.stages, st.consent = keep(st.modality), keep(st.stages), keep(st.consent)
}

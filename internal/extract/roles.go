package extract

// targetMarkers precede the target of an action.
// placePreps before a country's name make it a place, not a party.
var placePreps = map[string]bool{
	"in": true, "inside": true, "into": true, "across": true, "near": true, "over": true, "within": true, "throughout": true,
	"en": true, "dentro": true,
}

var targetMarkers = map[string]bool{
	"targeting": true, "targeted": true, "target": true, "against": true, "on": true, "at": true,
	"struck": true, "hit": true, "killed": true, "killing": true, "attacked": true, "bombed": true,
	"hitting": true, "striking": true, "detained": true, "arrested": true, "captured": true, "of": false,
	"contra": true, "sobre": true, "abatió": true, "abatieron": true, "detuvo": true, "detuvieron": true,
}

// assignActors picks the initiator and target of d among the actor mentions
// of its sentence, leaving out those inside source attributions.
func (r *run) assignActors(d *draft, t trigger, srcSpans [][2]int) {
	s := d.s
	type cand struct {
		a        ActorSpan
		ti       int // first token index
		target   bool
		before   bool
		reacting bool
	}
	var cands []cand
	for _, a := range r.doc.Actors {
		if a.Start < s.start || a.End > s.end {
			continue
		}
		if inSpans(a.Start, a.End, srcSpans) {
			continue
		}
		if dl := r.doc.Dateline; dl != nil && a.Start < dl.End {
			continue // the dateline and header name where the reporter was
		}
		ti := s.tokenAt(a.Start)
		if ti < 0 {
			continue
		}
		// A country named after a preposition of place is where, not who:
		// "threatened to hit hideouts inside Afghanistan with air strikes".
		if a.Via == "state" && ti > 0 && placePreps[s.low[ti-1]] {
			continue
		}
		// An actor inside the trigger ("Israeli warplanes struck") is its subject.
		c := cand{a: a, ti: ti, before: a.End <= s.toks[t.h.from].Start || a.Start <= s.toks[t.h.from].Start && a.End > s.toks[t.h.from].Start}
		for k := ti - 1; k >= 0 && k >= ti-3; k-- {
			w := s.low[k]
			if targetMarkers[w] {
				c.target = true
				break
			}
			if !targetFiller[w] && !isDigitTok(w) {
				break
			}
		}
		// A passive victim: "al-Muhandis, deputy head of the PMF, was also killed".
		if te := s.tokenAt(a.End - 1); te >= 0 {
			aux := false
			for k := te + 1; k < len(s.low) && k <= te+4; k++ {
				if s.low[k] == "was" || s.low[k] == "were" {
					aux = true
					continue
				}
				if s.low[k] == "also" || s.low[k] == "reportedly" || s.low[k] == "," {
					continue
				}
				if kd := s.kindAt(k); aux && (kd == "killed" || kd == "injured" || s.low[k] == "targeted" || s.low[k] == "hit" || s.low[k] == "struck" || arrestWord(s.low[k])) {
					c.target = true
				}
				break
			}
		}
		// Passive agent: "... by U.S. forces".
		if ti > 0 && s.low[ti-1] == "by" || ti > 1 && s.low[ti-2] == "by" {
			c.target = false
		}
		if isCivilianActor(a.Actor) || a.Kind == "generic" && a.Actor.Inter != 1 && a.Actor.Inter != 8 && !c.before {
			c.target = true
		}
		cands = append(cands, c)
	}
	// The subject of a reaction ("Pakistan condemned the strike") did not act.
	for i := range cands {
		c := &cands[i]
		if !c.before {
			continue
		}
		te := s.tokenAt(c.a.End - 1)
		for k := te + 1; k < t.h.from && k < len(s.low); k++ {
			if reactionVerbs[s.low[k]] {
				// "Israel said it will strike": the speaker is the actor.
				n := k + 1
				if n < len(s.low) && s.low[n] == "that" {
					n++
				}
				if n < len(s.low) && (s.low[n] == "it" || s.low[n] == "they" || s.low[n] == "we" || s.low[n] == "its" || s.low[n] == "their" || s.low[n] == "our") {
					break
				}
				c.reacting = true
				break
			}
		}
	}
	var init, targ *cand
	// Initiator: a passive agent right after the trigger ("were killed by
	// ISAF"); else the nearest capable actor before it that is not a target,
	// a bare state name only when nothing more specific is there; else a
	// passive agent further on.
	for i := range cands {
		c := &cands[i]
		if !c.before && c.ti > 0 && s.low[c.ti-1] == "by" && c.ti-t.h.to <= 3 && canInitiate(c.a.Kind, c.a.Actor) {
			init = c
			break
		}
	}
	// Passes: the trigger's clause first, specific actors before bare state names.
	for pass := 0; pass < 4 && init == nil; pass++ {
		for i := len(cands) - 1; i >= 0; i-- {
			c := &cands[i]
			if pass%2 == 0 && c.a.Via == "state" {
				continue
			}
			if pass < 2 && s.clause[c.ti] != s.clause[t.h.from] {
				continue
			}
			if c.before && !c.target && !c.reacting && !r.recipient(s, c.ti) && canInitiate(c.a.Kind, c.a.Actor) {
				init = c
				break
			}
		}
	}
	if init == nil {
		for i := range cands {
			c := &cands[i]
			if !c.before && c.ti > 0 && (s.low[c.ti-1] == "by" || c.ti > 1 && s.low[c.ti-2] == "by") && canInitiate(c.a.Kind, c.a.Actor) {
				init = c
				break
			}
		}
	}
	for i := range cands {
		c := &cands[i]
		if c == init || init != nil && c.a.Actor.ID == init.a.Actor.ID {
			continue
		}
		if c.target {
			targ = c
			break
		}
	}
	if targ == nil {
		for i := range cands {
			c := &cands[i]
			// A government after the action is its audience or partner
			// ("presented the idea to Mexican authorities"), not its target.
			recipient := c.ti > 0 && (s.low[c.ti-1] == "to" || s.low[c.ti-1] == "with" || s.low[c.ti-1] == "from" || s.low[c.ti-1] == "for")
			if c.a.Kind == "government" || recipient {
				continue
			}
			if c != init && !c.before && (init == nil || c.a.Actor.ID != init.a.Actor.ID) && (init != nil || !canInitiate(c.a.Kind, c.a.Actor) || isCivilianActor(c.a.Actor)) {
				targ = c
				break
			}
		}
	}
	cl := &d.claim
	if init != nil {
		a := init.a.Actor
		cl.Actor1 = &a
		r.addEvidence(cl, "actor1", s, init.a.Start, init.a.End)
	}
	if targ != nil {
		a := targ.a.Actor
		cl.Actor2 = &a
		r.addEvidence(cl, "actor2", s, targ.a.Start, targ.a.End)
	}
	// Other capable actors acting alongside ("Afghan and coalition forces").
	for _, c := range cands {
		if init == nil || c.a.Actor.ID == init.a.Actor.ID || targ != nil && c.a.Actor.ID == targ.a.Actor.ID {
			continue
		}
		if c.before && !c.target && canInitiate(c.a.Kind, c.a.Actor) && init.ti-c.ti <= 4 && init.ti-c.ti > 0 {
			dup := false
			for _, x := range cl.AssocActors {
				dup = dup || x.ID == c.a.Actor.ID
			}
			if !dup {
				cl.AssocActors = append(cl.AssocActors, c.a.Actor)
				r.addEvidence(cl, "assoc_actors", s, c.a.Start, c.a.End)
			}
		}
	}
}

func inSpans(start, end int, spans [][2]int) bool {
	for _, sp := range spans {
		if start >= sp[0] && end <= sp[1] {
			return true
		}
	}
	return false
}

// propagateActors fills a missing initiator or target from the report's
// earlier claim of the same family: a report keeps talking about the same
// parties ("the strike", "the deliberations").
func (r *run) propagateActors(ds []*draft) {
	for i, d := range ds {
		for j := i - 1; j >= 0; j-- {
			p := ds[j]
			if p.family != d.family {
				continue
			}
			if d.claim.Actor1 == nil && p.claim.Actor1 != nil && (d.claim.Actor2 == nil || d.claim.Actor2.ID != p.claim.Actor1.ID) {
				a := *p.claim.Actor1
				d.claim.Actor1 = &a
				if ev := p.claim.Evidence["actor1"]; len(ev) > 0 {
					d.claim.Evidence["actor1"] = append(d.claim.Evidence["actor1"], ev[0])
				}
			}
			if d.claim.Actor2 == nil && p.claim.Actor2 != nil && (d.claim.Actor1 == nil || d.claim.Actor1.ID != p.claim.Actor2.ID) {
				a := *p.claim.Actor2
				d.claim.Actor2 = &a
				if ev := p.claim.Evidence["actor2"]; len(ev) > 0 {
					d.claim.Evidence["actor2"] = append(d.claim.Evidence["actor2"], ev[0])
				}
			}
			break
		}
	}
}

// targetFiller words may stand between a target marker and the target
// ("killed a senior al-Shabaab commander").
var targetFiller = map[string]bool{
	"the": true, "a": true, "an": true, "suspected": true, "alleged": true, "senior": true, "top": true, "key": true,
	"local": true, "several": true, "two": true, "three": true, "four": true, "five": true, "some": true, "more": true,
	"los": true, "las": true, "el": true, "la": true, "presuntos": true, "supuestos": true, "un": true, "una": true,
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "central": true, "northwest": true, "northeast": true, "southwest": true, "southeast": true,
	"northwestern": true, "northeastern": true, "southwestern": true, "southeastern": true, "rural": true, "remote": true,
}

// reactionVerbs: an actor before one of these is reacting to the action, not
// carrying it out.
var reactionVerbs = map[string]bool{
	"condemned": true, "condemns": true, "denounced": true, "denounces": true, "criticized": true, "criticised": true,
	"protested": true, "welcomed": true, "praised": true, "said": true, "says": true, "reported": true, "accused": true,
	"blamed": true, "blames": true, "confirmed": true, "called": true, "urged": true, "demanded": true, "mourned": true,
	"rejected": true, "rejects": true, "opposed": true, "opposes": true, "refused": true, "refuses": true, "questioned": true,
	"rechazó": true, "rechaza": true,
	"condenó": true, "denunció": true, "criticó": true, "dijo": true, "acusó": true, "informó": true,
}

// recipient: the actor at token ti is what something is given or presented
// to ("presented the plan to Mexican authorities", "presentó al gabinete").
func (r *run) recipient(s *sent, ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-2; k-- {
		switch w := s.low[k]; {
		case w == "to" || w == "al" || w == "ante" || w == "a" && r.doc.Lang == "es":
			return true
		case w == "the" || w == "el" || w == "la" || w == "los" || w == "las":
			continue
		}
		return false
	}
	return false
}

// bystanderSpeaker: the speaker of the threat cue h is not the party that
// would strike with t — a third party (aid groups, the U.N., analysts,
// residents: attribution kinds third, pundit and witness), or an actor other than the one the trigger names
// as its striker ("Iran warned that Israeli strikes would…").
// strikerSpeaks: a reporting verb's speaker in s is of the same state as
// the striker the trigger names ("Israel's defence minister said that
// Israeli jets would strike Sanaa"): a "would" in its words is a threat.
func (r *run) strikerSpeaks(s *sent, t trigger) bool {
	// "will be in the sights of our drones", whoever says it and wherever
	// the verb of saying stands: first person is the striker's own word.
	for k := max(0, t.h.from-2); k < t.h.to; k++ {
		if s.low[k] == "our" || s.low[k] == "we" || s.low[k] == "we'll" {
			return true
		}
	}
	// "Hezbolá advirtió que lanzará drones contra Haifa": a Spanish future
	// with no subject of its own after "que" is the speaker's.
	if r.doc.Lang == "es" {
		for k := max(1, t.h.from-1); k < t.h.to && k <= t.h.from+1; k++ {
			if !spanishFuture(s.low[k]) {
				continue
			}
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				if s.low[j] == "que" {
					return true // "aseguró que muy pronto atacará por aire"
				}
			}
		}
	}
	// "told Damascus it would strike any base": the speaker's own "it" before a modal.
	if k := t.h.from - 2; k >= 1 && (s.low[k] == "it" || s.low[k] == "they") && (s.low[k+1] == "would" || s.low[k+1] == "will") {
		for i := 0; i < k; i++ {
			if s.has(i, wcReporting) {
				return true
			}
		}
	}
	for i := range s.low {
		trailingCue := i >= t.h.to && speechCues[s.low[i]] // "…, the Houthi forces' spokesman warned on Monday"
		if !s.has(i, wcReporting) && !trailingCue || i >= t.h.from && i < t.h.to {
			continue
		}
		if i >= t.h.to {
			// "Beirut's airport 'will be next in line for the air force' if
			// …, the head of the Israeli military's Northern Command told
			// reporters": a speaker named after the words, of the striker's
			// own side.
			if r.speakerStrikes(s, t, i) {
				return true
			}
			continue
		}
		// "The ministry said its drones would destroy…", "the minister
		// declared that the air force would flatten…": the speaker's own
		// forces, named by a possessive or as the one air force or army.
		if k := t.h.from - 1; k > i && (s.low[k] == "its" || s.low[k] == "our" || s.low[k] == "their" ||
			s.low[k] == "the" && (s.low[t.h.from] == "air" || s.low[t.h.from] == "army" || s.low[t.h.from] == "military")) {
			return true
		}
		// "said that its fighters' kamikaze drones will hunt": the possessive
		// a few words before the action, in the same noun phrase.
		for k := t.h.from - 2; k > i && k >= t.h.from-4; k-- {
			if w := s.low[k]; w == "," || w == "that" || w == "and" || w == "to" {
				break
			} else if w == "its" || w == "our" || w == "their" || w == "his" || w == "her" {
				return true // ("said his pilots would bomb the launch sites")
			}
		}
		// "said refineries would be the next targets of his drones".
		for k := t.h.from + 1; k < t.h.to-1; k++ {
			if s.low[k] == "his" || s.low[k] == "her" {
				return true
			}
		}
		// "said it would turn its drones on the vessels": the possessive inside the action.
		for k := t.h.from + 1; k < t.h.to-1; k++ {
			if s.low[k] == "its" || s.low[k] == "our" || s.low[k] == "their" {
				return true
			}
		}
		if r.speakerStrikes(s, t, i) {
			return true
		}
	}
	return false
}

// modalsBetween: tokens from..to are only modals and adverbs ("The
// Houthis will send drones", "the army would again bomb").
func modalsBetween(s *sent, from, to int) bool {
	if to-from < 1 || to-from > 3 {
		return false
	}
	for k := from; k < to; k++ {
		switch s.low[k] {
		case "will", "would", "could", "'ll", "shall", "might", "may", "also", "now", "again", "soon", "not", "never":
		default:
			return false
		}
	}
	return true
}

// speakerStrikes: the subject of the reporting verb at i, before or after
// the action, is of the side that would strike — the same country or group as
// the striker named, or any state's officer when the force is just "the air
// force" or "the army's helicopters".
func (r *run) speakerStrikes(s *sent, t trigger, i int) bool {
	from, to := r.cueSpeaker(s, i)
	if to <= from {
		return false
	}
	a, b := s.toks[from].Start, s.toks[to-1].End
	speaker := r.actorWithin(a, b, func(x *ActorSpan) bool { return x.Actor.Country != "" || x.Kind == "armed_group" || x.Kind == "cartel" })
	if speaker == nil {
		// "Mali's armed forces will turn their drones on …, the general
		// staff declared": a military body of no named state speaks for
		// the one state force the sentence names.
		return militaryBodyIn(s.low[from:to]) && r.soleStateStriker(s, t, a, b)
	}
	if x := r.strikerNamed(s, t, a, b, true); x != nil {
		return x.Actor.ID == speaker.Actor.ID || x.Actor.Country != "" && x.Actor.Country == speaker.Actor.Country
	}
	k := t.h.from
	for k > 0 && (s.low[k-1] == "the" || possessiveWord(s.low[k-1])) {
		k--
	}
	generic := k < t.h.from && s.low[k] == "the"
	return generic && (speaker.Actor.Inter == 1 || speaker.Actor.Inter == 8)
}

// militaryBodyIn: the words name a state's military body ("the general
// staff", "the army's high command", "the defence ministry").
func militaryBodyIn(ws []string) bool {
	for i, w := range ws {
		switch w {
		case "army", "military", "command", "headquarters", "junta":
			return true
		case "staff":
			return i > 0 && ws[i-1] == "general"
		case "ministry":
			return i > 0 && (ws[i-1] == "defence" || ws[i-1] == "defense")
		}
	}
	return false
}

// soleStateStriker: the action's named party is a state force, and no
// actor of another state stands in the sentence.
func (r *run) soleStateStriker(s *sent, t trigger, a, b int) bool {
	x := r.strikerNamed(s, t, a, b, true)
	if x == nil || x.Actor.Inter != 1 || x.Actor.Country == "" {
		return false
	}
	for i := range r.doc.Actors {
		y := &r.doc.Actors[i]
		if y.Start >= s.start && y.End <= s.end && y.Actor.Country != "" && y.Actor.Country != x.Actor.Country {
			return false
		}
	}
	return true
}

// ownSideSays: a speaker tells of its own side's forces ("insisted its jets
// had not bombed", "the army said no army drone had …") — the possessive or
// the speaker's own country's forces named in the action.
func (r *run) ownSideSays(s *sent, t trigger) bool {
	for i := range s.low {
		if i >= t.h.from || !s.has(i, wcReporting) {
			continue
		}
		for k := i + 1; k < len(s.low) && k <= i+16; k++ {
			if w := s.low[k]; w == "its" || w == "our" || w == "their" {
				// "…was not carried out by its forces", "its FA-50 jets had
				// dropped no bombs": the force a word or two on.
				for j := k + 1; j < len(s.low) && j <= k+3; j++ {
					if ownForces[s.low[j]] {
						return true
					}
				}
			}
		}
	}
	return false
}

// ownForces are the nouns of a side's armed means.
var ownForces = map[string]bool{
	"forces": true, "force": true, "jets": true, "jet": true, "drones": true, "drone": true, "aircraft": true, "planes": true,
	"warplanes": true, "helicopters": true, "army": true, "military": true, "troops": true, "air": true, "pilots": true, "units": true,
}

func (r *run) bystanderSpeaker(s *sent, h hit, t trigger) bool {
	// "… after the U.N. warned that bombing the roads would strand
	// trucks": a third party just before the cue.
	for _, x := range s.attrib {
		if x.to <= h.from && x.to >= h.from-1 && (x.e.cols[0] == "third" || x.e.cols[0] == "pundit") {
			return true
		}
	}
	from, to := r.cueSpeaker(s, h.from)
	if to <= from {
		return false
	}
	for _, x := range s.attrib {
		if x.from >= from && x.to <= to {
			switch x.e.cols[0] {
			case "third", "pundit", "witness":
				return true
			}
		}
	}
	a, b := s.toks[from].Start, s.toks[to-1].End
	speaker := r.actorWithin(a, b, func(x *ActorSpan) bool { return canInitiate(x.Kind, x.Actor) })
	if speaker == nil {
		return false
	}
	x := r.namedStriker(s, t, a, b)
	// Another state's or group's forces; one whose country is unknown
	// ("the military") may be the speaker's own.
	return x != nil && x.Actor.ID != speaker.Actor.ID && x.Actor.Country != "" && speaker.Actor.Country != "" && x.Actor.Country != speaker.Actor.Country
}

// actorWithin is the first actor inside bytes [a, b) that ok accepts.
func (r *run) actorWithin(a, b int, ok func(*ActorSpan) bool) *ActorSpan {
	for i := range r.doc.Actors {
		if x := &r.doc.Actors[i]; x.Start >= a && x.End <= b && ok(x) {
			return x
		}
	}
	return nil
}

// namedStriker is the armed party the trigger names, outside the speaker's
// bytes [a, b): an actor right before it or running into it ("Israeli air
// strikes", "U.S. drone strikes"), not a noun further back ("sanctuaries in
// Afghanistan if attacks…"), or one after "by".
func (r *run) namedStriker(s *sent, t trigger, a, b int) *ActorSpan {
	return r.strikerNamed(s, t, a, b, false)
}

// strikerNamed is namedStriker; overModal also takes a striker named before
// "will" or "would" ("The Houthis will send drones").
func (r *run) strikerNamed(s *sent, t trigger, a, b int, overModal bool) *ActorSpan {
	for i := range r.doc.Actors {
		x := &r.doc.Actors[i]
		if x.Start < s.start || x.End > s.end || x.Start >= a && x.End <= b {
			continue
		}
		xs, xe := s.tokenAt(x.Start), s.tokenAt(x.End-1)
		own := xs >= 0 && xs < t.h.from && (xe >= t.h.from-1 || overModal && xe >= 0 && modalsBetween(s, xe+1, t.h.from)) ||
			xs >= t.h.to+1 && xs <= t.h.to+2 && s.low[t.h.to] == "by" ||
			xs >= t.h.to+1 && xs <= t.h.to+3 && s.low[t.h.to] == "of"
		if own && canInitiate(x.Kind, x.Actor) {
			return x
		}
	}
	return nil
}

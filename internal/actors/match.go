package actors

import "sync"

// candidate is one reading of the text at a start token.
type candidate struct {
	end  int // index of the token after the mention
	m    Mention
	rank int // breaks ties between readings of the same length
}

// Ranks: plain names beat composed readings of the same length, a state
// institution beats a generic actor, and a bare state name comes last.
const (
	rankState   = 1
	rankGeneric = 2
	rankDemonym = 3
	rankName    = 4
	rankStop    = 5 // a stop phrase wins ties: "New Mexico" is no mention
)

// Find returns the actor mentions in text, left to right, without
// overlaps: at each word the longest reading wins, and a plain name beats a
// composed one of the same length.
func (r *Registry) Find(text string) []Mention {
	m := matchers.Get().(*matcher)
	defer matchers.Put(m)
	m.r = r
	toks := m.tokenize(text)
	setIDs(r.vocab, toks)
	var out []Mention
	for i := 0; i < len(toks); {
		if toks[i].punct || toks[i].id == noID || !r.starts[toks[i].id] {
			i++ // no reading starts here: best would find nothing
			continue
		}
		c, ok := m.best(text, toks, i)
		if !ok {
			i++
			continue
		}
		if c.m.Actor != nil {
			out = append(out, c.m)
		}
		i = c.end
	}
	return out
}

// matcher is one Find call's scratch space, reused through a pool: the
// tokenizer's buffers, the hits of every walk and the candidates at a word.
type matcher struct {
	r *Registry
	scratch
	hits  []hit
	cands []candidate
}

var matchers = sync.Pool{New: func() any { return new(matcher) }}

// walk returns t.walk's hits from toks[i], appended to the shared buffer;
// the slice stays valid while later walks append behind it.
func (m *matcher) walk(t *trie, toks []token, i int) []hit {
	start := len(m.hits)
	m.hits = t.walk(toks, i, m.hits)
	return m.hits[start:len(m.hits):len(m.hits)]
}

// best collects every reading that starts at toks[i] and returns the longest.
func (m *matcher) best(text string, toks []token, i int) (candidate, bool) {
	r := m.r
	m.hits, m.cands = m.hits[:0], m.cands[:0]
	add := func(end int, a *Actor, via string, rank int, modifier, person string) {
		if a == nil {
			return
		}
		s, e := toks[i].start, toks[end-1].end
		m.cands = append(m.cands, candidate{end: end, rank: rank, m: Mention{
			Start: s, End: e, Text: text[s:e], Actor: a, Via: via, Modifier: modifier, Person: person,
		}})
	}

	for _, h := range m.walk(r.names, toks, i) {
		v := h.v
		if v.stop {
			m.cands = append(m.cands, candidate{end: h.end, rank: rankStop, m: Mention{Start: toks[i].start, End: toks[h.end-1].end}})
			continue
		}
		switch v.via {
		case ViaState:
			add(h.end, v.actor, ViaState, rankState, "", "")
			if h.poss {
				// "Mexico's cooperation", "Mexico's president", "Pakistan's army".
				add(h.end, v.actor, ViaPossessive, rankName, "", "")
				if sn, ok := m.stateNoun(v.country, toks, h.end); ok {
					add(sn.end, sn.actor, pick(sn.title, ViaTitle, ViaPossessive), rankName, "", sn.person)
				}
			} else if sn, ok := m.stateNoun(v.country, toks, h.end); ok {
				// "Pakistan army", "United States military".
				add(sn.end, sn.actor, pick(sn.title, ViaTitle, ViaDemonym), rankDemonym, "", sn.person)
			}
		case ViaTitle:
			add(h.end, v.actor, ViaTitle, rankName, "", v.person)
			if v.person == "" && !h.poss {
				// "Secretary of State Marco Rubio".
				if p, ok := m.personAt(toks, h.end); ok {
					add(p.end, v.actor, ViaTitle, rankName, "", p.v.person)
				}
			}
			if v.person != "" {
				// "Trump's administration", "the Trump administration".
				if n, ok := first(m.walk(r.nouns, toks, h.end)); ok && !n.v.title {
					a := v.actor
					if n.v.class != "government" {
						a, _ = r.StateActor(v.country, n.v.class)
					}
					add(n.end, a, ViaTitle, rankName, "", v.person)
				}
			}
		default:
			add(h.end, v.actor, ViaAlias, rankName, "", "")
			if v.actor.Kind != KindGeneric && !h.poss {
				// "Taliban fighters", "ISAF forces", "CJNG members".
				if m, ok := first(m.walk(r.members, toks, h.end)); ok {
					add(m.end, v.actor, ViaAlias, rankName, "", "")
				}
			}
			if v.actor.Kind == KindGeneric && !h.poss {
				// "cárteles mexicanos".
				if d, ok := first(m.walk(r.demonymsES, toks, h.end)); ok {
					add(d.end, v.actor, ViaDemonym, rankGeneric, d.v.country, "")
				}
			}
		}
	}

	for _, d := range m.walk(r.demonyms, toks, i) {
		if d.poss {
			continue
		}
		cc := d.v.country
		if sn, ok := m.stateNoun(cc, toks, d.end); ok {
			// "U.S. officials", "Mexican President Claudia Sheinbaum".
			add(sn.end, sn.actor, pick(sn.title, ViaTitle, ViaDemonym), rankDemonym, "", sn.person)
		}
		for _, g := range m.walk(r.names, toks, d.end) {
			if g.v.actor != nil && g.v.actor.Kind == KindGeneric && g.v.via == ViaAlias {
				// "Mexican drug cartels", "Afghan civilians".
				add(g.end, g.v.actor, ViaDemonym, rankGeneric, cc, "")
			}
		}
	}

	for _, n := range m.walk(r.nouns, toks, i) {
		if n.poss {
			continue
		}
		if n.v.title {
			// "President Donald Trump", "Presidenta Sheinbaum".
			if p, ok := m.personAt(toks, n.end); ok {
				add(p.end, p.v.actor, ViaTitle, rankName, "", p.v.person)
			}
		}
		// "Government of Mexico", "President of Mexico", "Gobierno de México".
		if l, ok := first(m.walk(r.linkers, toks, n.end)); ok && n.v.of {
			for _, s := range m.walk(r.names, toks, l.end) {
				if s.v.via != ViaState {
					continue
				}
				a, _ := r.StateActor(s.v.country, n.v.class)
				add(s.end, a, pick(n.v.title, ViaTitle, ViaAlias), rankName, "", "")
				if n.v.title && !s.poss {
					if p, ok := m.personAt(toks, s.end); ok && p.v.country == s.v.country {
						add(p.end, a, ViaTitle, rankName, "", p.v.person)
					}
				}
			}
		}
		// "gobierno mexicano", "la presidenta mexicana Claudia Sheinbaum".
		if d, ok := first(m.walk(r.demonymsES, toks, n.end)); ok && !d.poss {
			a, _ := r.StateActor(d.v.country, n.v.class)
			add(d.end, a, pick(n.v.title, ViaTitle, ViaDemonym), rankDemonym, "", "")
			if n.v.title {
				if p, ok := m.personAt(toks, d.end); ok && p.v.country == d.v.country {
					add(p.end, a, ViaTitle, rankName, "", p.v.person)
				}
			}
		}
	}

	if len(m.cands) == 0 {
		return candidate{}, false
	}
	best := m.cands[0]
	for _, c := range m.cands[1:] {
		if c.m.End > best.m.End || c.m.End == best.m.End && c.rank > best.rank {
			best = c
		}
	}
	return best, true
}

// stateReading is a state institution read from a noun after a state name
// or demonym, with the office holder when a title noun names one.
type stateReading struct {
	end    int
	actor  *Actor
	title  bool
	person string
}

// stateNoun reads an institution noun at toks[j] for state cc: "officials"
// → the government, "drones" → the military; a title noun may be followed by
// the holder's name ("Mexican President Claudia Sheinbaum").
func (m *matcher) stateNoun(cc string, toks []token, j int) (stateReading, bool) {
	n, ok := first(m.walk(m.r.nouns, toks, j))
	if !ok {
		return stateReading{}, false
	}
	a, ok := m.r.StateActor(cc, n.v.class)
	if !ok {
		return stateReading{}, false
	}
	sr := stateReading{end: n.end, actor: a, title: n.v.title}
	if n.v.title && !n.poss {
		if p, ok := m.personAt(toks, n.end); ok && p.v.country == cc {
			sr.end, sr.person = p.end, p.v.person
		}
	}
	return sr, true
}

// personAt returns the longest office holder's name at toks[j].
func (m *matcher) personAt(toks []token, j int) (hit, bool) {
	for _, h := range m.walk(m.r.names, toks, j) {
		if h.v.person != "" {
			return h, true
		}
	}
	return hit{}, false
}

// first returns the longest hit.
func first(hits []hit) (hit, bool) {
	if len(hits) == 0 {
		return hit{}, false
	}
	return hits[0], true
}

// pick returns a when cond holds, else b.
func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

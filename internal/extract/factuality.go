package extract

import (
	"github.com/strikewatch/strikewatch/internal/report"
)

// Certainty judges how firmly a sentence states the predicate at word pred,
// with the same negation, modality and hedge cues the claim extractor uses.
// words are the sentence's tokens. It serves evaluation against factuality
// corpora and callers that have their own predicates.
func (x *Extractor) Certainty(lang string, words []string, pred int) report.Certainty {
	lx := x.lex[lang]
	if lx == nil {
		lx = x.lex["en"]
	}
	if pred < 0 || pred >= len(words) {
		return report.Asserted
	}
	s := &sent{low: make([]string, len(words)), clause: make([]int, len(words))}
	c := 0
	for i, w := range words {
		s.low[i] = lowerTok(w)
		if i > 0 && (clauseBreaks[s.low[i]] || s.low[i] == "that" || s.low[i] == "because" || s.low[i] == "which" || s.low[i] == "who") {
			c++
		}
		s.clause[i] = c
	}
	s.modality = lx.modality.find(s.low)
	s.stages = lx.stages.find(s.low)
	s.casualties = lx.casualties.find(s.low)
	r := &run{x: x, lx: lx}
	if m := r.negationBefore(s, pred, 4); m != nil {
		return report.Negated
	}
	for _, m := range s.modality {
		if s.clause[m.from] != s.clause[pred] || m.from >= pred {
			continue
		}
		w := s.low[m.from]
		if w == "once" && !onceCondition(s, m.from) {
			continue
		}
		switch m.e.cols[0] {
		case "hypothetical":
			local := w == "would" || w == "could" || w == "might" || w == "should" || w == "potential" || w == "potentially" || w == "whether"
			if !local || pred-m.to <= 3 {
				return report.Hypothetical
			}
		case "hedged":
			if pred-m.to <= 6 || w == "reportedly" || w == "allegedly" {
				return report.Hedged
			}
		}
	}
	// Future and intention: not (yet) a fact ("will meet", "plans to visit").
	for k := pred - 1; k >= 0 && k >= pred-3 && s.clause[k] == s.clause[pred]; k-- {
		w := s.low[k]
		if w == "will" || w == "'ll" || w == "shall" || w == "must" {
			return report.Hypothetical
		}
		if w == "to" && k > 0 && intentionWords[s.low[k-1]] {
			return report.Hypothetical
		}
		if w == "can" || w == "cannot" || w == "could" || w == "might" || w == "would" || w == "should" {
			return report.Hypothetical
		}
	}
	// An infinitive ("hard to sell", "efforts to woo") or a nominal of
	// possibility ("the possibility of taking", "any decision to expel")
	// states no event, unless it is "had to", "managed to".
	if k := pred - 1; k >= 0 && s.low[k] == "to" && !(k > 0 && factualTo[s.low[k-1]]) {
		return report.Hypothetical
	}
	for k := pred - 1; k >= 0 && k >= pred-4 && s.clause[k] == s.clause[pred]; k-- {
		if possibilityNouns[s.low[k]] {
			return report.Hypothetical
		}
	}
	return report.Asserted
}

// intentionWords before "to" + verb make the verb a plan, not a fact.
var intentionWords = map[string]bool{
	"going": true, "want": true, "wants": true, "wanted": true, "plan": true, "plans": true, "planned": true, "planning": true,
	"hope": true, "hopes": true, "hoped": true, "expected": true, "expects": true, "likely": true, "intends": true,
	"intend": true, "aims": true, "aim": true, "agreed": true, "decided": true, "promised": true, "threatened": true,
	"vowed": true, "pledged": true, "seeks": true, "sought": true, "tried": true, "trying": true, "attempted": true,
	"refused": true, "failed": true, "ready": true, "set": true, "due": true, "scheduled": true, "poised": true,
}

// factualTo before "to" + verb keep the verb a fact ("had to flee").
var factualTo = map[string]bool{"had": true, "managed": true, "began": true, "started": true, "continued": true, "used": true, "went": true, "came": true}

// possibilityNouns before a predicate make it a prospect, not an event.
var possibilityNouns = map[string]bool{
	"possibility": true, "possible": true, "prospect": true, "risk": true, "threat": true, "plan": true, "plans": true,
	"decision": true, "proposal": true, "option": true, "options": true, "attempt": true, "bid": true, "effort": true,
	"efforts": true, "goal": true, "aim": true, "chance": true, "likelihood": true, "fear": true, "fears": true, "danger": true,
}

package extract

import (
	"github.com/strikewatch/strikewatch/internal/numbers"
	"github.com/strikewatch/strikewatch/internal/segment"
	"github.com/strikewatch/strikewatch/internal/timex"
)

// sent is one analysed sentence.
type sent struct {
	idx        int
	start, end int
	para       int // paragraph number (sentences on one line share it)
	toks       []segment.Token
	low        []string
	clause     []int // clause number per token
	actions    []hit
	weapons    []hit
	stages     []hit
	modality   []hit
	attrib     []hit
	casualties []hit
	consent    []hit
	protests   []hit
	disasters  []hit

	// computed on first use
	nums     []numbers.Quantity // offsets relative to start
	numsDone bool
	dates    []timex.Expr // offsets into the report text
	datesOK  bool
}

// numbers returns the counts in s (offsets relative to s.start), once.
func (s *sent) numbers(text string) []numbers.Quantity {
	if !s.numsDone {
		s.nums = numbers.Find(text[s.start:s.end])
		s.numsDone = true
	}
	return s.nums
}

// clauseBreaks end a clause: a stage cue or modality marker in one clause
// does not govern a trigger in another.
var clauseBreaks = map[string]bool{
	";": true, "but": true, "while": true, "whereas": true, "although": true, "though": true,
	"however": true, "meanwhile": true, "pero": true, "aunque": true, "mientras": true, "sin embargo": true,
}

func (x *Extractor) analyse(lx *lexicons, text string, idx int, s segment.Sentence, para int) *sent {
	st := &sent{idx: idx, start: s.Start, end: s.End, para: para}
	st.toks = segment.Tokens(text, s.Start, s.End)
	st.low = make([]string, len(st.toks))
	st.clause = make([]int, len(st.toks))
	c := 0
	for i, t := range st.toks {
		st.low[i] = lowerTok(t.Text)
		if clauseBreaks[st.low[i]] && i > 0 {
			c++
		}
		st.clause[i] = c
	}
	st.actions = lx.actions.find(st.low)
	st.weapons = lx.weapons.find(st.low)
	st.stages = lx.stages.find(st.low)
	st.modality = lx.modality.find(st.low)
	st.attrib = lx.attribution.find(st.low)
	st.casualties = lx.casualties.find(st.low)
	st.consent = lx.consent.find(st.low)
	st.protests = lx.protests.find(st.low)
	st.disasters = lx.disasters.find(st.low)
	return st
}

// span returns the byte span of tokens [from, to).
func (s *sent) span(from, to int) (int, int) {
	if from >= len(s.toks) {
		return s.end, s.end
	}
	if to <= from {
		to = from + 1
	}
	return s.toks[from].Start, s.toks[to-1].End
}

// tokenAt returns the index of the token containing byte offset b, or -1.
func (s *sent) tokenAt(b int) int {
	for i, t := range s.toks {
		if b >= t.Start && b < t.End {
			return i
		}
		if t.Start > b {
			return i
		}
	}
	return -1
}

func (s *sent) has(hits []hit, kind string) bool {
	for _, h := range hits {
		if h.e.cols[0] == kind {
			return true
		}
	}
	return false
}

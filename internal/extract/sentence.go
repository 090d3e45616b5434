package extract

import (
	"strings"

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
	st.low = lowerTokens(st.toks)
	st.clause = make([]int, len(st.toks))
	first := make([]*starts, len(st.toks))
	var pos []int
	c := 0
	for i, low := range st.low {
		if f := lx.first[low]; f != nil {
			first[i] = f
			pos = append(pos, i)
			if f.clauseBreak && i > 0 {
				c++
			}
		}
		st.clause[i] = c
	}
	st.actions = lx.actions.findStarts(st.low, first, pos)
	st.weapons = lx.weapons.findStarts(st.low, first, pos)
	st.stages = lx.stages.findStarts(st.low, first, pos)
	st.modality = lx.modality.findStarts(st.low, first, pos)
	st.attrib = lx.attribution.findStarts(st.low, first, pos)
	st.casualties = lx.casualties.findStarts(st.low, first, pos)
	st.consent = lx.consent.findStarts(st.low, first, pos)
	st.protests = lx.protests.findStarts(st.low, first, pos)
	st.disasters = lx.disasters.findStarts(st.low, first, pos)
	return st
}

// lowerTokens returns lowerTok of each token. ASCII tokens, nearly all, are
// lowered into one shared string, which saves an allocation per capitalised
// word.
func lowerTokens(toks []segment.Token) []string {
	low := make([]string, len(toks))
	n := 0
	for _, t := range toks {
		n += len(t.Text)
	}
	var buf strings.Builder
	buf.Grow(n)
	ends := make([]int, len(toks)) // end of token i's form in buf; -1: lowerTok's own
	for i, t := range toks {
		if !isASCII(t.Text) {
			low[i], ends[i] = lowerTok(t.Text), -1
			continue
		}
		for j := 0; j < len(t.Text); j++ {
			c := t.Text[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf.WriteByte(c)
		}
		ends[i] = buf.Len()
	}
	all := buf.String()
	start := 0
	for i, e := range ends {
		if e >= 0 {
			low[i] = all[start:e]
			start = e
		}
	}
	return low
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
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

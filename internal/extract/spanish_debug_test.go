package extract

import (
	"os"
	"testing"
)

func TestSpanishDebug(t *testing.T) {
	text := os.Getenv("ESDBG")
	if text == "" {
		t.Skip("no ESDBG")
	}
	x := newX(t)
	d := textDoc(text)
	d.Lang = "es"
	lx := x.lex["es"]
	for i, s := range d.Sentences {
		st := x.analyse(lx, text, i, s, 0)
		t.Logf("toks %q", st.low)
		show := func(name string, hs []hit) {
			for _, h := range hs {
				t.Logf("  %s %q -> %v", name, st.low[h.from:h.to], h.e.cols)
			}
		}
		show("action", st.actions)
		show("stage", st.stages)
		show("modal", st.modality)
		show("attrib", st.attrib)
		show("cas", st.casualties)
		show("weap", st.weapons)
	}
	for _, c := range x.Extract(d) {
		t.Logf("claim %s %s %s", c.Action, c.Stage, c.Certainty)
	}
}

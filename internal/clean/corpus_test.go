package clean

import (
	"errors"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
)

// TestCorpusTexts cleans every text of the shared labelled sets: plain
// texts all, none may fail or be taken for HTML, and repeats must be rare
// (a drop in more than 1% of texts would mean the rule is too eager).
func TestCorpusTexts(t *testing.T) {
	for _, set := range []string{"corpus/isaf/dev.jsonl", "corpus/tbij/dev.jsonl", "corpus/case2021/dev.jsonl", "corpus/geoparse/dev.jsonl"} {
		t.Run(set, func(t *testing.T) {
			docs, err := corpus.Load(set)
			if errors.Is(err, corpus.ErrNotFound) {
				t.Skipf("shared corpus not available: %v", err)
			}
			if err != nil {
				t.Fatal(err)
			}
			texts, withDrops := 0, 0
			for _, d := range docs {
				for _, txt := range []string{d.Text, d.Summary} {
					if txt == "" {
						continue
					}
					texts++
					c, err := Clean([]byte(txt), Auto, Options{})
					if err != nil {
						t.Errorf("%s: %v", d.ID, err)
						continue
					}
					checkDoc(t, c)
					if c.Format != Text {
						t.Errorf("%s: sniffed as %s, want text", d.ID, c.Format)
					}
					if len(c.Dropped) > 0 {
						withDrops++
					}
				}
			}
			if withDrops*100 > texts {
				t.Errorf("%d of %d texts had paragraphs dropped, want at most 1%%", withDrops, texts)
			}
		})
	}
}

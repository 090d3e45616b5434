package eval

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/extract"
)

func TestFactualityBuckets(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	conll := "0\tOfficials\t_\n1\tsaid\t3.0\n2\tthe\t_\n3\tarmy\t_\n4\tdid\t_\n5\tnot\t_\n6\tstrike\t-3.0\n7\tand\t_\n8\tmight\t_\n9\tretreat\t0.5\n10\t.\t_\n"
	p := t.TempDir() + "/f.conll"
	if err := os.WriteFile(p, []byte(conll), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Factuality(x, p)
	if err != nil {
		t.Fatal(err)
	}
	if s.Exact.Total != 3 || s.Exact.Right != 3 {
		t.Errorf("got %d of %d right, want 3 of 3 (confusion %v)", s.Exact.Right, s.Exact.Total, s.Confusion)
	}
}

// TestFactualityDev guards the cue logic's accuracy on the dev files.
func TestFactualityDev(t *testing.T) {
	var paths []string
	for _, rel := range []string{"corpus/factuality/uw/dev.conll", "corpus/factuality/meantime/dev.conll"} {
		p, err := corpus.Path(rel)
		if errors.Is(err, corpus.ErrNotFound) {
			t.Skipf("skipped: factuality corpus not available: %v", err)
		}
		paths = append(paths, p)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Factuality(x, paths...)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	s.Format(&b)
	t.Log("\n" + b.String())
	if r := s.Exact.Rate(); r < 0.75 {
		t.Errorf("bucket accuracy %.3f, want ≥ 0.75", r)
	}
}

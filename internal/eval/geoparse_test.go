package eval

import (
	"errors"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/geo"
)

// Floors just under what geo measured on corpus/geoparse/dev.jsonl
// (acc@161 0.789, precision 0.778); a drop below them is a regression.
const (
	geoparseAccFloor       = 0.78
	geoparsePrecisionFloor = 0.77
)

func TestGeoparseDev(t *testing.T) {
	docs, err := corpus.Load("corpus/geoparse/dev.jsonl")
	if errors.Is(err, corpus.ErrNotFound) {
		t.Skipf("skipped: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Geoparse(docs, g)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := s.Format(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("geoparse dev:\n%s", b.String())
	if s.AccAt161 < geoparseAccFloor {
		t.Errorf("acc@161 = %.3f, want ≥ %.3f", s.AccAt161, geoparseAccFloor)
	}
	if s.Precision < geoparsePrecisionFloor {
		t.Errorf("precision = %.3f, want ≥ %.3f", s.Precision, geoparsePrecisionFloor)
	}
}

package eval

import (
	"errors"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/geo"
)

// Floors just under what geo measured on corpus/geoparse/dev.jsonl
// (acc@161 0.795, precision 0.778); a drop below them is a regression.
const (
	geoparseAccFloor       = 0.785
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

// TestGeoparseScoring checks the arithmetic on a hand-made document: one
// toponym right, one resolved too far away, one missed.
func TestGeoparseScoring(t *testing.T) {
	g, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "Fighting spread from Kabul to Paris and Qwxzy."
	gold := `{"places": [
		{"start": 21, "end": 26, "text": "Kabul", "lat": 34.53, "lon": 69.17},
		{"start": 30, "end": 35, "text": "Paris", "lat": 33.66, "lon": -95.56},
		{"start": 40, "end": 45, "text": "Qwxzy", "lat": 0, "lon": 0}]}`
	docs := []corpus.Doc{{ID: "t1", Set: "geoparse/test", Text: text, Gold: []byte(gold)}}
	s, err := Geoparse(docs, g)
	if err != nil {
		t.Fatal(err)
	}
	if s.Gold != 3 || s.Found != 2 || s.Within != 1 || s.Proposed != 2 || s.Correct != 1 {
		t.Errorf("gold/found/within/proposed/correct = %d/%d/%d/%d/%d, want 3/2/1/2/1", s.Gold, s.Found, s.Within, s.Proposed, s.Correct)
	}
	if s.AccAt161 != 1.0/3 || s.Precision != 0.5 {
		t.Errorf("acc@161 %.3f precision %.3f, want 0.333 0.500", s.AccAt161, s.Precision)
	}
	// Two found toponyms: ~0 km (Kabul) and ~7800 km (Paris, France
	// against Paris, Texas); median and mean are both their average.
	if s.MedianKm < 3500 || s.MedianKm > 4300 || s.MeanKm != s.MedianKm {
		t.Errorf("median %.0f km, mean %.0f km; want both about 3900", s.MedianKm, s.MeanKm)
	}
	var b strings.Builder
	if err := s.Format(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "geoparse/test") || !strings.Contains(b.String(), "all") {
		t.Errorf("Format output lacks its rows:\n%s", b.String())
	}
}

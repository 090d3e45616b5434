package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"iter"

	"github.com/strikewatch/strikewatch/internal/report"
)

// feature is one RFC 7946 Feature. Geometry is nil (JSON null) for an event
// without coordinates, which RFC 7946 §3.2 allows as an unlocated feature.
type feature struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Geometry   *point         `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

// point is an RFC 7946 Point: longitude first, then latitude (§3.1.1).
type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// WriteGeoJSON writes an RFC 7946 FeatureCollection with one Feature per
// event; properties are the CSV columns with numbers as numbers, so QGIS
// reads them as typed attributes.
func WriteGeoJSON(w io.Writer, events iter.Seq2[report.Event, error]) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(`{"type":"FeatureCollection","features":[`); err != nil {
		return fmt.Errorf("write geojson: %w", err)
	}
	fl := newFlattener()
	first := true
	for ev, err := range events {
		if err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		r := fl.flatten(ev)
		f := feature{Type: "Feature", ID: ev.ID, Properties: make(map[string]any, len(r))}
		for i, v := range r {
			f.Properties[acledColumns[i]] = v
		}
		if hasPoint(ev.Location) {
			f.Geometry = &point{Type: "Point", Coordinates: [2]float64{ev.Location.Lon, ev.Location.Lat}}
		}
		b, err := json.Marshal(f)
		if err != nil {
			return fmt.Errorf("encode event %s: %w", ev.ID, err)
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.WriteByte('\n')
		bw.Write(b)
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write geojson: %w", err)
	}
	return nil
}

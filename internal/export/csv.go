package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"strconv"

	"github.com/strikewatch/strikewatch/internal/report"
)

// WriteCSV writes one ACLED-style row per event, header first (see Columns).
func WriteCSV(w io.Writer, events iter.Seq2[report.Event, error]) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns()); err != nil {
		return fmt.Errorf("write csv header: %w", err)
	}
	fl := newFlattener()
	rec := make([]string, len(acledColumns))
	for ev, err := range events {
		if err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		r := fl.flatten(ev)
		for i, v := range r {
			rec[i] = cell(v)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv row %s: %w", ev.ID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// cell renders a row value for CSV: nil is an empty cell, never "0".
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

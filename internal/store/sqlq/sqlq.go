// Package sqlq holds what the SQL storage backends share about list
// queries: filter validation, page sizes and the opaque keyset cursor.
package sqlq

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// Page sizes.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// Cursor is the position after the last item of a page: the sort key and
// row id of that item, and which list it belongs to.
type Cursor struct {
	List string `json:"l"`
	Key  string `json:"k,omitempty"`
	RID  int64  `json:"r"`
}

// Encode makes the opaque string a Filter.Cursor carries.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c) // a struct of strings and ints always marshals
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses an opaque cursor made by Encode for the list named;
// an empty string is the first page.
func DecodeCursor(s, list string) (*Cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("cursor: not base64: %w", store.ErrInvalid)
	}
	var c Cursor
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("cursor: malformed: %w", store.ErrInvalid)
	}
	if c.List != list {
		return nil, fmt.Errorf("cursor: from another list (%q, want %q): %w", c.List, list, store.ErrInvalid)
	}
	return &c, nil
}

// Limit returns the page size the filter asks for.
func Limit(f store.Filter) (int, error) {
	switch {
	case f.Limit < 0:
		return 0, fmt.Errorf("limit %d: %w", f.Limit, store.ErrInvalid)
	case f.Limit == 0:
		return defaultLimit, nil
	case f.Limit > maxLimit:
		return maxLimit, nil
	}
	return f.Limit, nil
}

// Validate checks the fields of a filter that could be malformed.
func Validate(f store.Filter) error {
	if f.Stage != "" && !f.Stage.Valid() {
		return fmt.Errorf("stage %q: %w", f.Stage, store.ErrInvalid)
	}
	switch f.Certainty {
	case "", report.Asserted, report.Hedged, report.Negated, report.Hypothetical:
	default:
		return fmt.Errorf("certainty %q: %w", f.Certainty, store.ErrInvalid)
	}
	for _, d := range []string{f.From, f.To} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return fmt.Errorf("date %q: want YYYY-MM-DD: %w", d, store.ErrInvalid)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return fmt.Errorf("date range %s..%s is empty: %w", f.From, f.To, store.ErrInvalid)
	}
	if b := f.BBox; b != nil {
		if b.MinLat > b.MaxLat || b.MinLat < -90 || b.MaxLat > 90 || b.MinLon < -180 || b.MaxLon > 180 || b.MaxLon < -180 || b.MinLon > 180 {
			return fmt.Errorf("bbox %v: %w", *b, store.ErrInvalid)
		}
	}
	if f.MinSources < 0 {
		return fmt.Errorf("min sources %d: %w", f.MinSources, store.ErrInvalid)
	}
	if _, err := Limit(f); err != nil {
		return err
	}
	return nil
}

// Start checks a list query's filter and returns its page size and the
// cursor it continues from (nil for the first page).
func Start(f store.Filter, list string) (int, *Cursor, error) {
	if err := Validate(f); err != nil {
		return 0, nil, err
	}
	n, _ := Limit(f) // Validate checked it
	c, err := DecodeCursor(f.Cursor, list)
	return n, c, err
}

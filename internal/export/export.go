// Package export writes events and stories in the formats analysts already
// load: ACLED-style CSV, GeoJSON (RFC 7946), JSON Lines, and an Atom feed
// (RFC 4287) of story stage changes. Every writer is a pure function of its
// input and streams to an io.Writer, so a 100k-event export never sits in
// memory whole.
package export

import (
	"fmt"
	"iter"
	"strings"
)

// Format names one export format, as given to --format and ?format=.
type Format string

// The export formats.
const (
	ACLEDCSV Format = "acled-csv"
	GeoJSON  Format = "geojson"
	JSONL    Format = "jsonl"
	Atom     Format = "atom"
)

// Formats lists every format, in the order help texts show them.
func Formats() []Format { return []Format{ACLEDCSV, GeoJSON, JSONL, Atom} }

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, 0, 4)
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("unknown export format %q (want one of %s)", s, strings.Join(names, ", "))
}

// ContentType is the media type an HTTP response in this format carries.
func (f Format) ContentType() string {
	switch f {
	case ACLEDCSV:
		return "text/csv; charset=utf-8"
	case GeoJSON:
		return "application/geo+json"
	case JSONL:
		return "application/x-ndjson"
	case Atom:
		return "application/atom+xml; charset=utf-8"
	}
	return "application/octet-stream"
}

// Extension is the usual file name extension for the format, with its dot.
func (f Format) Extension() string {
	switch f {
	case ACLEDCSV:
		return ".csv"
	case GeoJSON:
		return ".geojson"
	case JSONL:
		return ".jsonl"
	case Atom:
		return ".atom"
	}
	return ""
}

// PerEvent reports whether the format writes one record per event (all but
// Atom, which writes one entry per story stage change).
func (f Format) PerEvent() bool { return f != Atom }

// Slice adapts a slice to the sequences the writers read.
func Slice[T any](xs []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, x := range xs {
			if !yield(x, nil) {
				return
			}
		}
	}
}

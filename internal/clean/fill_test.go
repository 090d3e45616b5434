package clean

import (
	"reflect"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
)

func TestDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-12T09:41:00Z", "2024-03-12"},
		{"2025-03-02T23:30:00-06:00", "2025-03-02"},
		{"2023-02-06", "2023-02-06"},
		{"2013-01-25T10:00:00", "2013-01-25"},
		{"2013-01-25T10:00:00.000+0000", "2013-01-25"},
		{"Fri, 25 Jan 2013 10:00:00 +0000", "2013-01-25"},
		{"January 25, 2013", "2013-01-25"},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Date(tt.in); got != tt.want {
				t.Errorf("Date(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPrimaryLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"en-GB", "en"}, {"es_MX", "es"}, {"ES", "es"}, {"", ""}, {"x", ""}, {"12-ab", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := PrimaryLanguage(tt.in); got != tt.want {
				t.Errorf("PrimaryLanguage(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFill(t *testing.T) {
	given := "Given Outlet"
	d := Doc{
		Text:     "Kabul – text",
		Dropped:  []report.DroppedParagraph{{Index: 2, DuplicateOf: 0, Text: "Kabul - text"}},
		Warnings: []string{"1 repeated paragraphs dropped"},
		Meta:     Meta{Title: "T", Outlet: "Page Outlet", Published: "2024-03-12T09:41:00+04:30", Language: "en-GB"},
	}
	r := report.Report{Outlet: &given, Warnings: []string{"earlier"}}
	d.Fill(&r)
	if r.Text != d.Text || !reflect.DeepEqual(r.DroppedParagraphs, d.Dropped) {
		t.Errorf("text or drops not copied: %+v", r)
	}
	if r.Title == nil || *r.Title != "T" || *r.Outlet != "Given Outlet" || r.URL != nil {
		t.Errorf("Title %v Outlet %v URL %v; want T, the given outlet, nil", r.Title, r.Outlet, r.URL)
	}
	if r.Published == nil || *r.Published != "2024-03-12" || r.Language != "en" {
		t.Errorf("Published %v Language %q; want 2024-03-12 and en", r.Published, r.Language)
	}
	if want := []string{"earlier", "1 repeated paragraphs dropped"}; !reflect.DeepEqual(r.Warnings, want) {
		t.Errorf("Warnings = %q, want %q", r.Warnings, want)
	}
}

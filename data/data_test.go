package data

import (
	"strings"
	"testing"
	"time"
)

func TestDocs(t *testing.T) {
	docs, err := Docs()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	ids := map[string]bool{}
	for _, d := range docs {
		prefix, _, _ := strings.Cut(d.ID, "-")
		counts[prefix]++
		if d.ID == "" || ids[d.ID] {
			t.Errorf("missing or repeated id %q", d.ID)
		}
		ids[d.ID] = true
		if strings.TrimSpace(d.Text) == "" {
			t.Errorf("%s: empty text", d.ID)
		}
		if d.Published != nil {
			if _, err := time.Parse(time.DateOnly, *d.Published); err != nil {
				t.Errorf("%s: published %q is not YYYY-MM-DD", d.ID, *d.Published)
			}
		}
	}
	if counts["sample"] < 10 || counts["sample"] > 15 {
		t.Errorf("got %d sample reports, want 10–15", counts["sample"])
	}
	if counts["isaf"] != 362 {
		t.Errorf("got %d ISAF releases, want 362", counts["isaf"])
	}
}

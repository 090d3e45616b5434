package timex

import (
	"testing"
	"time"
)

func TestPastHoursAndDays(t *testing.T) {
	ref := time.Date(2011, 1, 24, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		want       time.Time
	}{
		{"past 24 hours", "operations in southern Afghanistan over the past 24 hours.", ref},
		{"last 24 hours", "three were killed in the last 24 hours", ref},
		{"past 48 hours", "in the past 48 hours", ref.AddDate(0, 0, -1)},
		{"past two days", "during the past two days", ref.AddDate(0, 0, -2)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es := Find(tc.text, ref, true)
			if len(es) != 1 || !es[0].From.Equal(tc.want) {
				t.Fatalf("Find(%q) = %+v, want one expression from %s", tc.text, es, tc.want.Format("2006-01-02"))
			}
		})
	}
}

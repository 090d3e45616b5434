package sqlq

import (
	"errors"
	"testing"

	"github.com/strikewatch/strikewatch/internal/store"
)

func TestStart(t *testing.T) {
	next := Cursor{List: "events", Key: "2024-01-01", RID: 7}.Encode()
	tests := []struct {
		name    string
		f       store.Filter
		list    string
		wantN   int
		wantRID int64
		invalid bool
	}{
		{"defaults", store.Filter{}, "events", defaultLimit, 0, false},
		{"capped", store.Filter{Limit: 10000}, "events", maxLimit, 0, false},
		{"cursor round trip", store.Filter{Limit: 5, Cursor: next}, "events", 5, 7, false},
		{"cursor of another list", store.Filter{Cursor: next}, "claims", 0, 0, true},
		{"not base64", store.Filter{Cursor: "%%%"}, "events", 0, 0, true},
		{"negative limit", store.Filter{Limit: -1}, "events", 0, 0, true},
		{"bad stage", store.Filter{Stage: "rumoured"}, "events", 0, 0, true},
		{"empty date range", store.Filter{From: "2024-02-01", To: "2024-01-01"}, "events", 0, 0, true},
		{"bad bbox", store.Filter{BBox: &store.BBox{MinLon: 0, MinLat: 50, MaxLon: 10, MaxLat: 40}}, "events", 0, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, c, err := Start(tc.f, tc.list)
			if tc.invalid {
				if !errors.Is(err, store.ErrInvalid) {
					t.Fatalf("err = %v, want store.ErrInvalid", err)
				}
				return
			}
			if err != nil || n != tc.wantN {
				t.Fatalf("got n=%d err=%v, want n=%d", n, err, tc.wantN)
			}
			if got := int64(0); c != nil {
				got = c.RID
				if got != tc.wantRID {
					t.Errorf("cursor rid %d, want %d", got, tc.wantRID)
				}
			} else if tc.wantRID != 0 {
				t.Errorf("no cursor, want rid %d", tc.wantRID)
			}
		})
	}
}

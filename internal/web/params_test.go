package web

import (
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/internal/store"
)

func TestParseFilter(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		want    func(store.Filter) bool
		wantErr bool
	}{
		{"empty", "", func(f store.Filter) bool { return f == (store.Filter{}) }, false},
		{"country upper-cased", "country=mx", func(f store.Filter) bool { return f.Country == "MX" }, false},
		{"all filters", "actor=us-gov&stage=authorized&certainty=hedged&sub_event_type=Air%2Fdrone+strike&from=2025-01-01&to=2025-12-31&min_sources=2&q=drone&story=s1&limit=20&cursor=abc",
			func(f store.Filter) bool {
				return f.ActorID == "us-gov" && f.Stage == "authorized" && f.Certainty == "hedged" && f.SubEventType == "Air/drone strike" &&
					f.From == "2025-01-01" && f.To == "2025-12-31" && f.MinSources == 2 && f.Text == "drone" && f.StoryID == "s1" && f.Limit == 20 && f.Cursor == "abc"
			}, false},
		{"bbox", "bbox=60,29.5,75,38", func(f store.Filter) bool {
			return f.BBox != nil && *f.BBox == store.BBox{MinLon: 60, MinLat: 29.5, MaxLon: 75, MaxLat: 38}
		}, false},
		{"bbox across the antimeridian", "bbox=170,-20,-170,0", func(f store.Filter) bool { return f.BBox != nil && f.BBox.MinLon == 170 }, false},
		{"bbox NaN", "bbox=NaN,0,1,1", nil, true},
		{"bbox lat order", "bbox=0,10,1,5", nil, true},
		{"limit too big", "limit=501", nil, true},
		{"stage", "stage=struck", nil, true},
		{"date", "from=2025-02-30", nil, true},
		{"unknown", "colour=red", nil, true},
		{"repeated", "country=MX&country=US", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := url.ParseQuery(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parseFilter(q, params(filterParams, pageParams))
			if tc.wantErr {
				var ae *apiError
				if !errors.As(err, &ae) || ae.code != codeInvalidParameter {
					t.Errorf("got %+v, %v; want an invalid_parameter error", f, err)
				}
				return
			}
			if err != nil || !tc.want(f) {
				t.Errorf("got %+v, %v", f, err)
			}
		})
	}
}

// FuzzParseFilter feeds arbitrary query strings: parsing never panics, and
// what it accepts is within the documented ranges.
func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{"", "country=MX&stage=conducted", "bbox=1,2,3,4&limit=10", "from=2025-01-01&to=2024-01-01", "min_sources=-1", "q=%22drone%22", "%zz", "bbox=1e308,0,1,1"} {
		f.Add(s)
	}
	allowed := params(filterParams, pageParams)
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		fl, err := parseFilter(q, allowed)
		if err != nil {
			return
		}
		if fl.Limit < 0 || fl.Limit > maxLimit || fl.MinSources < 0 {
			t.Errorf("accepted out-of-range filter %+v from %q", fl, raw)
		}
		if fl.Country != "" && (len(fl.Country) != 2 || fl.Country[0] < 'A' || fl.Country[0] > 'Z') {
			t.Errorf("accepted country %q", fl.Country)
		}
		for _, d := range []string{fl.From, fl.To} {
			if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
				t.Errorf("accepted date %q", d)
			}
		}
		if b := fl.BBox; b != nil && (b.MinLat > b.MaxLat || b.MinLat < -90 || b.MaxLat > 90 || b.MinLon < -180 || b.MaxLon > 180) {
			t.Errorf("accepted bbox %+v", *b)
		}
		if fl.Stage != "" && !fl.Stage.Valid() {
			t.Errorf("accepted stage %q", fl.Stage)
		}
	})
}

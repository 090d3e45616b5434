package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/geo"
	"github.com/strikewatch/strikewatch/internal/numbers"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/report"
)

// ISAFScore holds the figures for the ISAF press releases.
type ISAFScore struct {
	Airstrike              Binary
	Killed, Captured, Date Exact
	Country, Province      Exact
	Failures               []Failure
}

// ISAF scores airstrike detection, the killed and captured counts of the main
// event (unstated counts as 0, the labels' convention), its date and province.
func ISAF(ctx context.Context, p *pipeline.Pipeline, docs []corpus.Doc) (ISAFScore, error) {
	var s ISAFScore
	err := run(ctx, p, docs, func(d corpus.Doc, ex report.Extraction) error {
		var g struct {
			Airstrike   bool     `json:"airstrike"`
			KilledMin   int      `json:"killed_min"`
			CapturedMin int      `json:"captured_min"`
			Date        string   `json:"date"`
			Country     string   `json:"country"`
			Province    []string `json:"province"`
		}
		if err := decodeGold(d, &g); err != nil {
			return err
		}
		air := false
		for _, c := range ex.Claims {
			air = air || conductedStrike(c)
		}
		s.Airstrike.Add(g.Airstrike, air)
		if g.Airstrike != air {
			s.Failures = append(s.Failures, Failure{d.ID, "airstrike", fmt.Sprint(g.Airstrike), fmt.Sprint(air)})
		}
		killed := 0
		for _, c := range ex.Claims {
			if c.Stage == report.Conducted && credible(c) && violent[c.EventType] && intOr0(c.Fatalities.Min) > killed {
				killed = intOr0(c.Fatalities.Min)
			}
		}
		s.Killed.Add(killed == g.KilledMin)
		if killed != g.KilledMin {
			s.Failures = append(s.Failures, Failure{d.ID, "killed", fmt.Sprint(g.KilledMin), fmt.Sprint(killed)})
		}
		captured := 0
		for _, c := range ex.Claims {
			if c.SubEventType == "Arrests" && c.Stage == report.Conducted && intOr0(c.Arrested) > captured {
				captured = intOr0(c.Arrested)
			}
		}
		s.Captured.Add(captured == g.CapturedMin)
		if captured != g.CapturedMin {
			s.Failures = append(s.Failures, Failure{d.ID, "captured", fmt.Sprint(g.CapturedMin), fmt.Sprint(captured)})
		}
		main := primary(ex.Claims, func(c report.Claim) bool { return true })
		date, country, prov := "", "", ""
		if main != nil {
			if main.Date.Start != nil {
				date = *main.Date.Start
			}
			if main.Location != nil {
				country = main.Location.Country
				if main.Location.Admin1 != nil {
					prov = *main.Location.Admin1
				}
			}
		}
		if g.Date != "" {
			s.Date.Add(date == g.Date)
			if date != g.Date {
				s.Failures = append(s.Failures, Failure{d.ID, "date", g.Date, date})
			}
		}
		if g.Country != "" {
			s.Country.Add(country == g.Country)
		}
		if len(g.Province) > 0 {
			ok := false
			for _, gp := range g.Province {
				ok = ok || provinceMatch(gp, prov)
			}
			s.Province.Add(ok)
			if !ok {
				s.Failures = append(s.Failures, Failure{d.ID, "province", strings.Join(g.Province, "|"), prov})
			}
		}
		return nil
	})
	return s, err
}

// provinceMatch compares a gold province key with an admin1 name, folding
// the spelling variants of transliterated names (Paktya/Paktia, Sar-e Pul/Sar-e Pol).
func provinceMatch(gold, got string) bool {
	a, b := skeleton(gold), skeleton(got)
	return a != "" && a == b
}

func skeleton(s string) string {
	s = normName(fold(s))
	s = strings.TrimSuffix(s, " province")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', ' ', 'h', 'w', 'v': // Khost/Khowst, Wardak/Vardak
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Format prints the figures with their targets.
func (s ISAFScore) Format(w io.Writer) {
	fmt.Fprintf(w, "ISAF (%d reports)\n", s.Killed.Total)
	fmtBinary(w, "airstrike", s.Airstrike, "   target F1 ≥ 0.85")
	fmtRate(w, "killed count exact", s.Killed.Rate(), s.Killed.Total, "   target ≥ 0.80")
	fmtRate(w, "captured count exact", s.Captured.Rate(), s.Captured.Total, "")
	fmtRate(w, "event date exact", s.Date.Rate(), s.Date.Total, "   target ≥ 0.85")
	fmtRate(w, "country", s.Country.Rate(), s.Country.Total, "")
	fmtRate(w, "province (admin1)", s.Province.Rate(), s.Province.Total, "")
}

// TBIJScore holds the figures for the TBIJ drone-strike narratives.
type TBIJScore struct {
	Recall               Exact
	KilledMin, KilledMax Exact
	KilledBoth           Exact
	// StatedMin, StatedMax: the gold count is a number the text states at
	// all, the ceiling for any reading of the text (TBIJ's ranges merge
	// sources the one-line narrative does not quote).
	StatedMin, StatedMax    Exact
	Named                   int // narratives that name a place
	Within161, CountryRight Exact
	NoPlaceGuess            int // claims located although the text names no place
	Failures                []Failure
}

// TBIJ scores drone-strike recall, the killed range and, where the narrative
// names a place, the strike location.
func TBIJ(ctx context.Context, p *pipeline.Pipeline, docs []corpus.Doc) (TBIJScore, error) {
	var s TBIJScore
	gaz := p.Gazetteer()
	err := run(ctx, p, docs, func(d corpus.Doc, ex report.Extraction) error {
		var g struct {
			Country   string   `json:"country"`
			Lat       *float64 `json:"lat"`
			Lon       *float64 `json:"lon"`
			Town      *string  `json:"town"`
			Province  *string  `json:"province"`
			KilledMin *int     `json:"killed_min"`
			KilledMax *int     `json:"killed_max"`
		}
		if err := decodeGold(d, &g); err != nil {
			return err
		}
		strike := primary(ex.Claims, func(c report.Claim) bool { return c.SubEventType == "Air/drone strike" })
		s.Recall.Add(strike != nil)
		if strike == nil {
			s.Failures = append(s.Failures, Failure{d.ID, "strike", "yes", "no"})
			return nil
		}
		eq := func(a *int, b *int) bool { return intOr0(a) == intOr0(b) }
		s.KilledMin.Add(eq(strike.Fatalities.Min, g.KilledMin))
		s.KilledMax.Add(eq(strike.Fatalities.Max, g.KilledMax))
		s.KilledBoth.Add(eq(strike.Fatalities.Min, g.KilledMin) && eq(strike.Fatalities.Max, g.KilledMax))
		s.StatedMin.Add(stated(d.Text, intOr0(g.KilledMin)))
		s.StatedMax.Add(stated(d.Text, intOr0(g.KilledMax)))
		if !eq(strike.Fatalities.Min, g.KilledMin) {
			s.Failures = append(s.Failures, Failure{d.ID, "killed", fmt.Sprintf("%d-%d", intOr0(g.KilledMin), intOr0(g.KilledMax)), fmt.Sprintf("%d-%d", intOr0(strike.Fatalities.Min), intOr0(strike.Fatalities.Max))})
		}
		names, below := namesPlace(d.Text, g.Town, g.Province, g.Country, gaz)
		if !names {
			if strike.Location != nil {
				s.NoPlaceGuess++
			}
			return nil
		}
		s.Named++
		loc := strike.Location
		s.CountryRight.Add(loc != nil && loc.Country == g.Country)
		if !below {
			return nil // only the country is named: a country-level location is right
		}
		ok := loc != nil && g.Lat != nil && g.Lon != nil && loc.GeoPrecision < report.PrecisionCountry && distanceKm(loc.Lat, loc.Lon, *g.Lat, *g.Lon) <= 161
		s.Within161.Add(ok)
		if !ok {
			got := "none"
			if loc != nil {
				got = fmt.Sprintf("%s (%s) %.2f,%.2f p%d", loc.Name, loc.Country, loc.Lat, loc.Lon, loc.GeoPrecision)
			}
			s.Failures = append(s.Failures, Failure{d.ID, "location", fmt.Sprintf("%v/%v", deref(g.Town), deref(g.Province)), got})
		}
		return nil
	})
	return s, err
}

// stated: n is 0 (nothing stated is the labels' zero) or a count the text
// gives, as a number or a bound of a range.
func stated(text string, n int) bool {
	if n == 0 {
		return true
	}
	for _, q := range numbers.Find(text) {
		if q.Min == n || q.Max == n {
			return true
		}
	}
	return false
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// namesPlace: the narrative names the town, the district/province or the
// country; below says it names a place below the country.
func namesPlace(text string, town, province *string, country string, gaz *geo.Gazetteer) (named, below bool) {
	low := strings.ToLower(fold(text))
	for _, n := range []*string{town, province} {
		if n == nil || *n == "" {
			continue
		}
		name := strings.ToLower(fold(*n))
		for _, suf := range []string{" province", " agency", " district", " governorate", " region"} {
			name = strings.TrimSuffix(name, suf)
		}
		if name != "" && strings.Contains(low, name) {
			return true, true
		}
	}
	if c, ok := gaz.Country(country); ok && strings.Contains(low, strings.ToLower(c.Name)) {
		return true, false
	}
	return false, false
}

// Format prints the figures with their targets.
func (s TBIJScore) Format(w io.Writer) {
	fmt.Fprintf(w, "TBIJ (%d narratives)\n", s.Recall.Total)
	fmtRate(w, "drone-strike recall", s.Recall.Rate(), s.Recall.Total, "   target ≥ 0.83")
	fmtRate(w, "killed min exact", s.KilledMin.Rate(), s.KilledMin.Total, "   target ≥ 0.70")
	fmtRate(w, "killed max exact", s.KilledMax.Rate(), s.KilledMax.Total, "   target ≥ 0.70")
	fmtRate(w, "killed min and max exact", s.KilledBoth.Rate(), s.KilledBoth.Total, "")
	fmtRate(w, "  gold min stated in the text", s.StatedMin.Rate(), s.StatedMin.Total, "   (ceiling)")
	fmtRate(w, "  gold max stated in the text", s.StatedMax.Rate(), s.StatedMax.Total, "   (ceiling)")
	fmtRate(w, "located within 161 km (town/district named)", s.Within161.Rate(), s.Within161.Total, "   target ≥ 0.75")
	fmtRate(w, "country right (named)", s.CountryRight.Rate(), s.CountryRight.Total, "   target ≥ 0.95")
	fmt.Fprintf(w, "  %-34s %d\n", "located without a named place", s.NoPlaceGuess)
}

// CASEScore holds the figures for the CASE 2021 snippets.
type CASEScore struct {
	AirStrike             Binary
	SubEvent              Exact
	DiploConducted        int // DIPLO/ATTRIB snippets with a conducted claim
	DiploConductedStrikes int
	Diplo                 int
	Confusion             map[string]map[string]int
	Failures              []Failure
}

// CASE scores Air/drone strike detection and ACLED sub-event type accuracy
// (the main conducted claim's type; none when no conducted claim, which is
// right for the labels outside ACLED).
func CASE(ctx context.Context, p *pipeline.Pipeline, docs []corpus.Doc) (CASEScore, error) {
	s := CASEScore{Confusion: map[string]map[string]int{}}
	err := run(ctx, p, docs, func(d corpus.Doc, ex report.Extraction) error {
		var g struct {
			Label        string  `json:"label"`
			SubEventType *string `json:"sub_event_type"`
		}
		if err := decodeGold(d, &g); err != nil {
			return err
		}
		gold := deref(g.SubEventType)
		air := false
		for _, c := range ex.Claims {
			air = air || conductedStrike(c)
		}
		s.AirStrike.Add(gold == "Air/drone strike", air)
		pred := ""
		if m := primary(ex.Claims, func(c report.Claim) bool { return true }); m != nil {
			pred = m.SubEventType
		} else {
			// Strategic developments may be reported at other stages.
			for _, c := range ex.Claims {
				if c.EventType == "Strategic developments" && credible(c) {
					pred = c.SubEventType
					break
				}
			}
		}
		s.SubEvent.Add(pred == gold)
		if s.Confusion[gold] == nil {
			s.Confusion[gold] = map[string]int{}
		}
		s.Confusion[gold][pred]++
		if pred != gold {
			s.Failures = append(s.Failures, Failure{d.ID, "sub_event_type", gold, pred})
		}
		if g.Label == "DIPLO" || g.Label == "ATTRIB" {
			s.Diplo++
			any, strike := false, false
			for _, c := range ex.Claims {
				if c.Stage == report.Conducted && credible(c) {
					any = true
					strike = strike || c.SubEventType == "Air/drone strike"
				}
			}
			if any {
				s.DiploConducted++
			}
			if strike {
				s.DiploConductedStrikes++
			}
		}
		return nil
	})
	return s, err
}

// Format prints the figures with their targets.
func (s CASEScore) Format(w io.Writer) {
	fmt.Fprintf(w, "CASE 2021 (%d snippets)\n", s.SubEvent.Total)
	fmtBinary(w, "Air/drone strike", s.AirStrike, "   target F1 ≥ 0.85")
	fmtRate(w, "ACLED sub-event type accuracy", s.SubEvent.Rate(), s.SubEvent.Total, "   target ≥ 0.60")
	fmt.Fprintf(w, "  %-34s %d of %d (conducted strikes: %d)   target 0 strikes\n", "DIPLO/ATTRIB with conducted claim", s.DiploConducted, s.Diplo, s.DiploConductedStrikes)
}

// FormatFailures prints up to n failures.
func FormatFailures(w io.Writer, fs []Failure, n int) {
	for i, f := range fs {
		if i >= n {
			fmt.Fprintf(w, "  … %d more\n", len(fs)-n)
			return
		}
		fmt.Fprintf(w, "  %-12s %-15s gold %-30q got %q\n", f.ID, f.Field, f.Gold, f.Got)
	}
}

var _ = math.NaN

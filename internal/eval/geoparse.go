package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/geo"
	"github.com/strikewatch/strikewatch/internal/report"
)

// acc161Km is the usual geoparsing tolerance: 161 km, 100 miles.
const acc161Km = 161

// GeoparseScore is the geoparser measured on a labelled toponym set
// (corpus/geoparse): how many gold toponyms it finds and resolves within
// 161 km, how many of its proposals are right, and its distance errors.
type GeoparseScore struct {
	Docs     int
	Gold     int     // gold toponyms
	Found    int     // gold toponyms overlapped by a proposed place
	Within   int     // … and resolved within 161 km
	Proposed int     // places the parser proposed
	Correct  int     // proposals overlapping a gold toponym within 161 km
	AccAt161 float64 // Within / Gold
	// Precision is Correct / Proposed.
	Precision float64
	// MedianKm and MeanKm are the errors over the found toponyms.
	MedianKm, MeanKm float64
	// BySet breaks the figures down by sub-corpus (LGL, GeoVirus, …).
	BySet map[string]*GeoparseScore
	// Failures lists, in text order, the gold toponyms missed ("miss") or
	// resolved too far ("far") and the proposals no gold toponym
	// overlaps ("extra"), each with the words around it.
	Failures []Failure
	errs     []float64
}

// goldPlace is one labelled toponym of corpus/geoparse.
type goldPlace struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  string  `json:"text"`
	Lat   float64 `json:"lat"`
	Lon   float64 `json:"lon"`
}

// Geoparse runs g over docs and scores it against their gold places.
func Geoparse(docs []corpus.Doc, g *geo.Gazetteer) (GeoparseScore, error) {
	total := GeoparseScore{BySet: map[string]*GeoparseScore{}}
	for _, d := range docs {
		var gold struct {
			Places []goldPlace `json:"places"`
		}
		if err := json.Unmarshal(d.Gold, &gold); err != nil {
			return GeoparseScore{}, fmt.Errorf("doc %s: gold: %w", d.ID, err)
		}
		set := total.BySet[d.Set]
		if set == nil {
			set = &GeoparseScore{}
			total.BySet[d.Set] = set
		}
		got := g.Parse(d.Text, geo.Options{})
		for _, s := range []*GeoparseScore{&total, set} {
			s.addDoc(gold.Places, got)
		}
		total.Failures = append(total.Failures, geoFailures(d, gold.Places, got)...)
	}
	total.finish()
	for _, s := range total.BySet {
		s.finish()
	}
	return total, nil
}

func (s *GeoparseScore) addDoc(gold []goldPlace, got []report.Place) {
	s.Docs++
	s.Gold += len(gold)
	s.Proposed += len(got)
	for _, gp := range gold {
		best := math.Inf(1)
		for _, p := range got {
			if p.Start < gp.End && gp.Start < p.End {
				best = math.Min(best, haversineKm(gp.Lat, gp.Lon, p.Lat, p.Lon))
			}
		}
		if math.IsInf(best, 1) {
			continue
		}
		s.Found++
		s.errs = append(s.errs, best)
		if best <= acc161Km {
			s.Within++
		}
	}
	for _, p := range got {
		for _, gp := range gold {
			if p.Start < gp.End && gp.Start < p.End && haversineKm(gp.Lat, gp.Lon, p.Lat, p.Lon) <= acc161Km {
				s.Correct++
				break
			}
		}
	}
}

// geoFailures lists a document's misses, far resolutions and extra
// proposals for error analysis.
func geoFailures(d corpus.Doc, gold []goldPlace, got []report.Place) []Failure {
	var fs []Failure
	ctx := func(start, end int) string {
		a, b := max(0, start-40), min(len(d.Text), end+40)
		for a > 0 && !utf8.RuneStart(d.Text[a]) {
			a--
		}
		for b < len(d.Text) && !utf8.RuneStart(d.Text[b]) {
			b++
		}
		return d.Text[a:start] + "[" + d.Text[start:end] + "]" + d.Text[end:b]
	}
	desc := func(p report.Place) string {
		return fmt.Sprintf("%s (%s, %s, %s, pop %d)", p.Name, p.Feature, p.Admin1, p.Country, p.Population)
	}
	for _, gp := range gold {
		var best *report.Place
		bestKm := math.Inf(1)
		for i, p := range got {
			if p.Start < gp.End && gp.Start < p.End {
				if km := haversineKm(gp.Lat, gp.Lon, p.Lat, p.Lon); km < bestKm {
					best, bestKm = &got[i], km
				}
			}
		}
		switch {
		case best == nil:
			fs = append(fs, Failure{d.ID, "miss", ctx(gp.Start, gp.End), ""})
		case bestKm > acc161Km:
			fs = append(fs, Failure{d.ID, "far", ctx(gp.Start, gp.End), fmt.Sprintf("%s %.0f km", desc(*best), bestKm)})
		}
	}
	for _, p := range got {
		overlaps := false
		for _, gp := range gold {
			if p.Start < gp.End && gp.Start < p.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			fs = append(fs, Failure{d.ID, "extra", ctx(p.Start, p.End), desc(p)})
		}
	}
	return fs
}

func (s *GeoparseScore) finish() {
	if s.Gold > 0 {
		s.AccAt161 = float64(s.Within) / float64(s.Gold)
	}
	if s.Proposed > 0 {
		s.Precision = float64(s.Correct) / float64(s.Proposed)
	}
	if n := len(s.errs); n > 0 {
		sort.Float64s(s.errs)
		s.MedianKm = s.errs[n/2]
		if n%2 == 0 {
			s.MedianKm = (s.errs[n/2-1] + s.errs[n/2]) / 2
		}
		sum := 0.0
		for _, e := range s.errs {
			sum += e
		}
		s.MeanKm = sum / float64(n)
	}
}

// Format writes the score as a small table, overall and per sub-corpus.
func (s GeoparseScore) Format(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tdocs\tgold\tfound\tacc@161\tproposed\tprecision\tmedian km\tmean km\t")
	row := func(name string, r *GeoparseScore) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%d\t%.3f\t%.0f\t%.0f\t\n", name, r.Docs, r.Gold, r.Found, r.AccAt161, r.Proposed, r.Precision, r.MedianKm, r.MeanKm)
	}
	names := make([]string, 0, len(s.BySet))
	for n := range s.BySet {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		row(n, s.BySet[n])
	}
	row("all", &s)
	return tw.Flush()
}

// haversineKm is the great-circle distance in km between two points.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(math.Min(1, a)))
}

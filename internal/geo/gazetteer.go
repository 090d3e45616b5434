// Package geo is strikewatch's gazetteer and geoparser: it finds the places
// a report names (countries, divisions, cities, villages, demonyms) and
// resolves each to a GeoNames point, offline, from data embedded in the
// binary (GeoNames, geonames.org, CC BY 4.0; see data/NOTICE.md).
package geo

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/wordid"
)

//go:embed data/gazetteer.tsv.gz data/aliases.tsv data/demonyms.tsv data/words.tsv data/commonwords.txt
var dataFS embed.FS

// kind is an entry's feature class.
type kind uint8

const (
	kindCountry kind = iota
	kindAdmin1
	kindAdmin2
	kindCity
	kindVillage
	kindContinent
	kindRegion
)

// feature is the report.Place feature name of each kind.
func (k kind) feature() string {
	switch k {
	case kindCountry:
		return "country"
	case kindAdmin1:
		return "admin1"
	case kindAdmin2:
		return "admin2"
	case kindCity:
		return "city"
	case kindVillage:
		return "village"
	case kindContinent:
		return "continent"
	}
	return "region"
}

// entry is one gazetteer place.
type entry struct {
	id       int32
	pop      int32
	lat, lon float32
	kind     kind
	name     str
	cc       str
	a1, a2   str // division codes within cc
	fcode    str
}

// str is a gazetteer string (a name or a code) as an index into a
// strTable: entries hold these rather than strings so that the collector
// need not trace 160,000 entries. Codes are interned, so equal code ids are
// equal codes; names are not.
type str uint32

// strTable interns the gazetteer's strings into one blob; id 0 is "".
type strTable struct {
	b    strings.Builder
	ends []uint32       // ends[id] is where string id ends in the blob
	ids  map[string]str // while loading
}

func newStrTable() *strTable {
	t := &strTable{ends: []uint32{0}, ids: make(map[string]str, 1<<16)}
	t.ids[""] = 0
	return t
}

// intern returns the id of s, adding it when new.
func (t *strTable) intern(s string) str {
	if id, ok := t.ids[s]; ok {
		return id
	}
	id := t.add(s)
	t.ids[s] = id
	return id
}

// add adds s without looking for it: for names, which are nearly all
// distinct and never compared by id.
func (t *strTable) add(s string) str {
	t.b.WriteString(s)
	t.ends = append(t.ends, uint32(t.b.Len()))
	return str(len(t.ends) - 1)
}

// get returns string id. Builder.String does not copy, and what it has
// written stays valid as it grows.
func (t *strTable) get(id str) string {
	if id == 0 {
		return ""
	}
	return t.b.String()[t.ends[id-1]:t.ends[id]]
}

// str returns the text of id.
func (g *Gazetteer) str(id str) string { return g.strs.get(id) }

// posting links an index key to an entry.
type posting struct {
	e    int32
	alt  bool // an alternate spelling, not the entry's own name
	abbr bool // a state abbreviation: only after "Place, "
	bare bool // a division name without its generic word: only before one ("Kurram agency")
	dem  bool // a demonym or national adjective
	cur  bool // from the curated alias table
}

// Gazetteer holds the places and the name index the parser matches against.
// It is read-only after Load and safe for concurrent use.
type Gazetteer struct {
	entries   []entry
	names     *nameIndex // frozen at the end of Load
	indexErr  error      // the first error indexing a name, reported by Load
	maxWords  int
	strs      *strTable
	countries map[string]int32  // ISO2 → entry
	admin1    map[[2]str]int32  // CC, A1 → entry
	admin1Nm  map[[2]str]str    // CC, A1 → name (also for divisions without a point)
	admin2Nm  map[[3]str]str    // CC, A1, A2 → name
	demonyms  map[string]string // folded demonym → ISO2
	lex       lexicon
}

// lexicon is the recogniser's word lists (data/words.tsv, commonwords.txt),
// merged into one table so that a token's lists take one look-up, in a
// small hash table rather than a map.
type lexicon struct {
	words *wordid.Table
	flags []wordFlags // by word id: the lists the word is on
}

// add puts w on the lists f.
func (l *lexicon) add(w string, f wordFlags) {
	id := l.words.Intern(w)
	if int(id) == len(l.flags) {
		l.flags = append(l.flags, 0)
	}
	l.flags[id] |= f
}

// of returns the lists w is on.
func (l *lexicon) of(w string) wordFlags {
	if id := l.words.ID(w); id != wordid.None {
		return l.flags[id]
	}
	return 0
}

// wordFlags are the lists a word is on.
type wordFlags uint32

const (
	wStop wordFlags = 1 << iota
	wTitle
	wFirst
	wSurname
	wMod
	wHead
	wStreet
	wFacility
	wLoc
	wOfplace
	wMotion
	wA1cue
	wA2cue
	wCitycue
	wCommon
	wA1cues // plural: "Kunar and Nangarhar provinces"
	wA2cues
	wCivic // a town's own institutions after its name ("Berea Police")
	wKnown // on a token: its flags are looked up
)

// name returns the index entry of token t's word, or nil, looking it up
// once per token.
func (g *Gazetteer) name(t *token) *nameInfo {
	if t.name == 0 {
		t.name = int32(g.names.lookup(t.key)) + 1
		if t.name == 0 {
			t.name = -1
		}
	}
	if t.name < 0 {
		return nil
	}
	return &g.names.infos[t.name-1]
}

// isPlace reports whether token t's word is indexed as a name.
func (g *Gazetteer) isPlace(t *token) bool {
	in := g.name(t)
	return in != nil && in.cnt > 0
}

// is reports whether token t's word is on list f, looking its word up
// once per token.
func (g *Gazetteer) is(t *token, f wordFlags) bool {
	if t.flags&wKnown == 0 {
		t.flags = g.lex.of(t.key) | wKnown
	}
	return t.flags&f != 0
}

// Load reads the embedded gazetteer.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{
		names:     newNameIndex(1 << 19),
		strs:      newStrTable(),
		countries: map[string]int32{},
		admin1:    map[[2]str]int32{},
		admin1Nm:  map[[2]str]str{},
		admin2Nm:  map[[3]str]str{},
		demonyms:  map[string]string{},
	}
	if err := g.loadPlaces(); err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	if err := g.loadAliases(); err != nil {
		return nil, fmt.Errorf("load aliases: %w", err)
	}
	if err := g.loadDemonyms(); err != nil {
		return nil, fmt.Errorf("load demonyms: %w", err)
	}
	if err := g.loadWords(); err != nil {
		return nil, fmt.Errorf("load word lists: %w", err)
	}
	if g.indexErr != nil {
		return nil, fmt.Errorf("load gazetteer: %w", g.indexErr)
	}
	g.names.freeze()
	g.strs.ids = nil
	return g, nil
}

// postings returns the entries indexed under key.
func (g *Gazetteer) postings(key string) ([]posting, bool) { return g.names.postings(key) }

// isPrefix reports whether key is a proper word prefix of an indexed key.
func (g *Gazetteer) isPrefix(key string) bool { return g.names.isPrefix(key) }

func (g *Gazetteer) loadPlaces() error {
	raw, err := dataFS.ReadFile("data/gazetteer.tsv.gz")
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	g.entries = make([]entry, 0, 160000)
	line := 0
	var f [11]string
	var codes [4]lastCode // cc, admin1, admin2, feature code
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		n := splitTab(t, f[:])
		if n < 11 {
			return fmt.Errorf("gazetteer line %d: %d fields, want 11", line, n)
		}
		id, err1 := strconv.Atoi(f[0])
		lat, err2 := strconv.ParseFloat(f[3], 32)
		lon, err3 := strconv.ParseFloat(f[4], 32)
		pop, err4 := strconv.Atoi(f[8])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return fmt.Errorf("gazetteer line %d: bad number", line)
		}
		e := entry{id: int32(id), lat: float32(lat), lon: float32(lon), pop: int32(min(pop, math.MaxInt32)),
			name: g.strs.add(f[2]), cc: codes[0].intern(g.strs, f[5]), a1: codes[1].intern(g.strs, f[6]), a2: codes[2].intern(g.strs, f[7]), fcode: codes[3].intern(g.strs, f[9])}
		switch f[1] {
		case "C":
			e.kind = kindCountry
		case "A1":
			e.kind = kindAdmin1
		case "A2":
			e.kind = kindAdmin2
		case "P":
			e.kind = kindVillage
			if pop >= 15000 {
				e.kind = kindCity
			}
		default:
			return fmt.Errorf("gazetteer line %d: unknown kind %q", line, f[1])
		}
		var alts []string
		if f[10] != "" {
			alts = strings.Split(f[10], "|")
		}
		g.add(e, alts)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if len(g.countries) == 0 {
		return fmt.Errorf("no countries")
	}
	return nil
}

// lastCode remembers a column's last code: neighbouring rows mostly share
// their country and division, so most rows need no map look-up.
type lastCode struct {
	s  string
	id str
	ok bool
}

func (c *lastCode) intern(t *strTable, s string) str {
	if !c.ok || c.s != s {
		c.s, c.id, c.ok = s, t.intern(s), true
	}
	return c.id
}

// add appends an entry and indexes its names; it returns the entry index.
func (g *Gazetteer) add(e entry, alts []string) int32 {
	i := int32(len(g.entries))
	g.entries = append(g.entries, e)
	switch e.kind {
	case kindCountry:
		g.countries[strings.Clone(g.str(e.cc))] = i
	case kindAdmin1:
		g.admin1[[2]str{e.cc, e.a1}] = i
		g.admin1Nm[[2]str{e.cc, e.a1}] = e.name
	case kindAdmin2:
		g.admin2Nm[[3]str{e.cc, e.a1, e.a2}] = e.name
	}
	name := g.str(e.name)
	g.indexName(name, posting{e: i})
	for _, a := range alts {
		g.indexName(a, posting{e: i, alt: true})
	}
	if arabicArticleCountries[g.str(e.cc)] && (e.pop >= 20000 || strings.HasPrefix(g.str(e.fcode), "PPLA") || g.str(e.fcode) == "PPLC") {
		// "Al Qāmishlī" is written "Qamishli", "Ar Raqqah" "Raqqah": also
		// the name without its article, for a town of note (a hamlet's
		// bare name is too often another place's).
		for _, n := range append([]string{name}, alts...) {
			if s := stripArticle(n); s != "" {
				g.indexName(s, posting{e: i, alt: true})
			}
		}
	}
	if e.kind == kindAdmin1 || e.kind == kindAdmin2 {
		// "Muhafazat Hadramaout", "Kurram District": also the bare name;
		// a bare county name ("Brown") is mostly a surname, so it needs
		// its generic word after it.
		for _, n := range append([]string{name}, alts...) {
			if s := stripDivision(n); s != n && s != "" {
				g.indexName(s, posting{e: i, alt: true, bare: e.kind == kindAdmin2})
			}
		}
	}
	return i
}

// arabicArticleCountries write place names with the Arabic article.
var arabicArticleCountries = map[string]bool{
	"SY": true, "IQ": true, "YE": true, "SA": true, "LB": true, "JO": true, "PS": true, "EG": true, "LY": true,
	"TN": true, "DZ": true, "MA": true, "SD": true, "AE": true, "OM": true, "QA": true, "BH": true, "KW": true,
}

// stripArticle drops a leading Arabic article ("Al ", "Al-", "Ar ", "Ash-")
// from a one-word name of five letters or more; "" when there is none.
func stripArticle(n string) string {
	for _, a := range [...]string{"al", "el", "ar", "as", "ash", "ad", "at", "az", "an", "ath"} {
		if len(n) <= len(a)+1 || !strings.EqualFold(n[:len(a)], a) || n[len(a)] != ' ' && n[len(a)] != '-' {
			continue
		}
		rest := n[len(a)+1:]
		if strings.ContainsAny(rest, " -") || utf8.RuneCountInString(rest) < 5 {
			return ""
		}
		return rest
	}
	return ""
}

// stripDivision drops a generic prefix or suffix from a division name.
func stripDivision(n string) string {
	for _, p := range [...]string{"Muhafazat ", "Provincia de ", "Provincia di ", "Province of ", "Departamento de ", "Departamento del ", "Estado de ", "Wilayat ", "Wilaya de ", "Region of ", "Município de ", "Municipio de "} {
		if strings.HasPrefix(n, p) {
			return strings.TrimSpace(n[len(p):])
		}
	}
	for _, s := range [...]string{" Province", " Governorate", " Region", " Oblast", " Krai", " Kray", " State", " Prefecture", " District", " County", " Parish", " Municipality", " Department", " Territory", " Division", " Agency", " Borough"} {
		if strings.HasSuffix(n, s) {
			return strings.TrimSpace(n[:len(n)-len(s)])
		}
	}
	return n
}

func (g *Gazetteer) indexName(name string, p posting) {
	key := nameKey(name)
	if key == "" {
		return
	}
	// "Mount Pleasant" is also written "Mt. Pleasant", "Saint Paul" "St. Paul".
	if first, rest, ok := strings.Cut(key, " "); ok {
		if v := abbrevVariant(first); v != "" {
			g.indexKey(v+" "+rest, p)
		}
	}
	g.indexKey(key, p)
}

// abbrevVariant pairs a place-name word with its abbreviation.
func abbrevVariant(w string) string {
	switch w {
	case "mount":
		return "mt"
	case "mt":
		return "mount"
	case "fort":
		return "ft"
	case "ft":
		return "fort"
	case "saint":
		return "st"
	case "st":
		return "saint"
	case "sainte":
		return "ste"
	case "ste":
		return "sainte"
	}
	return ""
}

func (g *Gazetteer) indexKey(key string, p posting) {
	added, err := g.names.add(key, p)
	if err != nil || !added {
		g.indexErr = cmp.Or(g.indexErr, err)
		return
	}
	words := strings.Count(key, " ") + 1
	if words > g.maxWords {
		g.maxWords = words
	}
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			g.indexErr = cmp.Or(g.indexErr, g.names.markPrefix(key[:i]))
		}
	}
}

func splitTab(s string, f []string) int {
	n := 0
	for n < len(f)-1 {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			break
		}
		f[n] = s[:i]
		s = s[i+1:]
		n++
	}
	f[n] = s
	return n + 1
}

func (g *Gazetteer) loadAliases() error {
	b, err := dataFS.ReadFile("data/aliases.tsv")
	if err != nil {
		return err
	}
	for ln, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		switch f[0] {
		case "alias", "abbr":
			if len(f) < 4 {
				return fmt.Errorf("aliases.tsv:%d: want kind, text, name, country", ln+1)
			}
			feature := ""
			if len(f) > 4 {
				feature = f[4]
			}
			i, ok := g.bestOf(nameKey(f[2]), f[3], feature)
			if !ok {
				continue // TestAliasesResolve reports these
			}
			g.indexName(f[1], posting{e: i, abbr: f[0] == "abbr", cur: true})
		case "place":
			if len(f) < 9 {
				return fmt.Errorf("aliases.tsv:%d: want place, name, feature, lat, lon, cc, admin1, id, aliases", ln+1)
			}
			lat, err1 := strconv.ParseFloat(f[3], 32)
			lon, err2 := strconv.ParseFloat(f[4], 32)
			id, err3 := strconv.Atoi(f[7])
			if err1 != nil || err2 != nil || err3 != nil {
				return fmt.Errorf("aliases.tsv:%d: bad number", ln+1)
			}
			e := entry{id: int32(id), lat: float32(lat), lon: float32(lon), name: g.strs.add(f[1]), cc: g.strs.intern(f[5]), a1: g.strs.intern(f[6])}
			switch f[2] {
			case "continent":
				e.kind = kindContinent
			case "region":
				e.kind = kindRegion
			case "admin2":
				e.kind = kindAdmin2
			case "village":
				e.kind = kindVillage
			case "city":
				e.kind = kindCity
			default:
				return fmt.Errorf("aliases.tsv:%d: unknown feature %q", ln+1, f[2])
			}
			var alts []string
			if f[8] != "" {
				alts = strings.Split(f[8], "|")
			}
			i := g.add(e, nil)
			for _, a := range alts {
				g.indexName(a, posting{e: i, cur: true})
			}
		default:
			return fmt.Errorf("aliases.tsv:%d: unknown kind %q", ln+1, f[0])
		}
	}
	return nil
}

func (g *Gazetteer) loadDemonyms() error {
	b, err := dataFS.ReadFile("data/demonyms.tsv")
	if err != nil {
		return err
	}
	for ln, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		word, cc, ok := strings.Cut(line, "\t")
		ci, found := g.countries[cc]
		if !found {
			ci, found = g.best(nameKey(cc), "")
		}
		if !ok || !found {
			return fmt.Errorf("demonyms.tsv:%d: want word, known country code or place", ln+1)
		}
		forms := []string{word}
		if !strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "sh") && !strings.HasSuffix(word, "ch") && !strings.HasSuffix(word, "ese") {
			forms = append(forms, word+"s")
		}
		for _, w := range forms {
			if e := &g.entries[ci]; e.kind == kindCountry {
				g.demonyms[nameKey(w)] = strings.Clone(g.str(e.cc))
			}
			g.indexName(w, posting{e: ci, dem: true})
		}
	}
	return nil
}

func (g *Gazetteer) loadWords() error {
	b, err := dataFS.ReadFile("data/words.tsv")
	if err != nil {
		return err
	}
	g.lex.words = wordid.New()
	sets := map[string]wordFlags{"stop": wStop, "title": wTitle, "first": wFirst, "surname": wSurname, "mod": wMod, "street": wStreet, "facility": wFacility,
		"head": wHead, "loc": wLoc, "ofplace": wOfplace, "motion": wMotion, "a1cue": wA1cue, "a2cue": wA2cue, "citycue": wCitycue,
		"a1cues": wA1cues, "a2cues": wA2cues, "civic": wCivic}
	for ln, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		k, w, ok := strings.Cut(line, "\t")
		f, known := sets[k]
		if !ok || !known {
			return fmt.Errorf("words.tsv:%d: want a known kind and a word", ln+1)
		}
		g.lex.add(nameKey(w), f)
	}
	c, err := dataFS.ReadFile("data/commonwords.txt")
	if err != nil {
		return err
	}
	for _, w := range strings.Split(string(c), "\n") {
		if w != "" && w[0] != '#' {
			g.lex.add(w, wCommon)
		}
	}
	g.lex.words.Freeze()
	return nil
}

// best returns the entry of highest prior among those indexed under key,
// optionally within country cc.
func (g *Gazetteer) best(key, cc string) (int32, bool) { return g.bestOf(key, cc, "") }

// bestOf is best limited to one report.Place feature ("" for any).
func (g *Gazetteer) bestOf(key, cc, feature string) (int32, bool) {
	bi, bs := int32(-1), math.Inf(-1)
	ps, _ := g.postings(key)
	for _, p := range ps {
		e := &g.entries[p.e]
		if cc != "" && g.str(e.cc) != cc {
			continue
		}
		if feature != "" && e.kind.feature() != feature && !(feature == "city" && e.kind == kindVillage) {
			continue
		}
		if p.dem || p.abbr {
			continue
		}
		if s := g.prior(p); s > bs {
			bi, bs = p.e, s
		}
	}
	return bi, bi >= 0
}

// prior scores a candidate before context: feature class and population.
func (g *Gazetteer) prior(p posting) float64 {
	e := &g.entries[p.e]
	var s float64
	switch e.kind {
	case kindCountry:
		s = math.Max(14, 2*math.Log10(float64(e.pop)+1)-1)
	case kindContinent:
		s = 12
	case kindRegion:
		// Seas and areas across borders ("Atlantic", "Middle East") get no
		// country votes, so they start higher than those inside one.
		s = 10
		if e.cc == 0 {
			s = 12
		}
	case kindAdmin1:
		// A division of millions outranks a town of its name ("Ontario").
		s = math.Max(6, 2*math.Log10(float64(e.pop)+1)-1.5)
	case kindAdmin2:
		s = math.Max(5, 2*math.Log10(float64(e.pop)+1)-2)
	default:
		s = 2 * math.Log10(float64(e.pop)+10)
		switch g.str(e.fcode) {
		case "PPLC":
			s += 1.5
		case "PPLA":
			s += 0.5
		case "PPLX":
			s -= 2
		case "PPLH", "PPLQ", "PPLW":
			s -= 3
		}
		if e.kind == kindVillage {
			s -= 0.5
		}
	}
	if p.alt {
		s -= 3
	}
	return s
}

// place turns an entry into a report.Place (without text offsets).
func (g *Gazetteer) place(i int32) report.Place {
	e := &g.entries[i]
	p := report.Place{
		Name:       g.str(e.name),
		GeonamesID: int(e.id),
		Lat:        round4(float64(e.lat)),
		Lon:        round4(float64(e.lon)),
		Country:    g.str(e.cc),
		Feature:    e.kind.feature(),
		Population: int(e.pop),
	}
	if e.a1 != 0 {
		p.Admin1 = g.str(g.admin1Nm[[2]str{e.cc, e.a1}])
	}
	if e.a2 != 0 {
		p.Admin2 = g.str(g.admin2Nm[[3]str{e.cc, e.a1, e.a2}])
	}
	return p
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// Country returns the country with ISO 3166-1 alpha-2 code (any case).
func (g *Gazetteer) Country(code string) (report.Place, bool) {
	i, ok := g.countries[strings.ToUpper(code)]
	if !ok {
		return report.Place{}, false
	}
	p := g.place(i)
	p.Text = p.Name
	return p, true
}

// Lookup returns the best place called name (any spelling the gazetteer
// knows), optionally within country (ISO2, "" for anywhere): the one of
// highest population and feature prior.
func (g *Gazetteer) Lookup(name, country string) (report.Place, bool) {
	i, ok := g.best(nameKey(name), strings.ToUpper(country))
	if !ok {
		return report.Place{}, false
	}
	p := g.place(i)
	p.Text = name
	return p, true
}

// LookupWithin is Lookup limited to the places inside a first-level
// division ("Springfield" in Illinois), falling back to its country.
func (g *Gazetteer) LookupWithin(name string, region report.Place) (report.Place, bool) {
	if region.Feature == "admin1" {
		bi, bs := int32(-1), math.Inf(-1)
		ps, _ := g.postings(nameKey(name))
		for _, p := range ps {
			if p.dem || p.abbr {
				continue
			}
			pl := g.place(p.e)
			if pl.Country != region.Country || pl.Admin1 != region.Admin1 || pl.Feature == "admin1" {
				continue
			}
			if s := g.prior(p); s > bs {
				bi, bs = p.e, s
			}
		}
		if bi >= 0 {
			pl := g.place(bi)
			pl.Text = name
			return pl, true
		}
	}
	return g.Lookup(name, region.Country)
}

// Abbreviation resolves a written abbreviation with its dot ("Fla.",
// "Calif.", "Mich.") to the place it stands for.
func (g *Gazetteer) Abbreviation(abbr string) (report.Place, bool) {
	if !strings.HasSuffix(abbr, ".") {
		return report.Place{}, false
	}
	ps, _ := g.postings(nameKey(abbr))
	for _, p := range ps {
		if p.abbr {
			pl := g.place(p.e)
			pl.Text = abbr
			return pl, true
		}
	}
	return report.Place{}, false
}

// Demonym returns the country a demonym, national adjective or country
// abbreviation names: "Mexican" → "MX", "U.S." → "US".
func (g *Gazetteer) Demonym(word string) (string, bool) {
	key := nameKey(word)
	if cc, ok := g.demonyms[key]; ok {
		return cc, true
	}
	ps, _ := g.postings(key)
	for _, p := range ps {
		if e := &g.entries[p.e]; e.kind == kindCountry && !p.alt {
			return g.str(e.cc), true
		}
	}
	return "", false
}

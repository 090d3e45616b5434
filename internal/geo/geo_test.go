package geo

import (
	"strings"
	"sync"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
)

var (
	loadOnce sync.Once
	loaded   *Gazetteer
	loadErr  error
)

// testGazetteer loads the embedded gazetteer once for all tests.
func testGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = Load() })
	if loadErr != nil {
		t.Fatalf("Load: %v", loadErr)
	}
	return loaded
}

// want is one expected mention: its text, and the place's name, feature
// and country.
type want struct{ text, name, feature, country string }

func TestParse(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name string
		text string
		opt  Options
		want []want
	}{
		{"country", "Officials in Pakistan said the talks would go on.", Options{},
			[]want{{"Pakistan", "Pakistan", "country", "PK"}}},
		{"demonym", "Mexican drug cartels have grown stronger.", Options{},
			[]want{{"Mexican", "Mexico", "country", "MX"}}},
		{"dotted abbreviation", "A U.S. drone fired two missiles.", Options{},
			[]want{{"U.S.", "United States", "country", "US"}}},
		{"possessive container", "The strike hit a car in Yemen's Marib province on Monday.", Options{},
			[]want{{"Yemen", "Yemen", "country", "YE"}, {"Marib", "Ma’rib", "admin1", "YE"}}},
		{"town and state pair", "Gunmen entered Aguililla, Michoacán, before dawn.", Options{},
			[]want{{"Aguililla", "Aguililla", "village", "MX"}, {"Michoacán", "Michoacán", "admin1", "MX"}}},
		{"a possessor abroad rules out a namesake, here and later", "Jets bombed a monastery in Sagaing region's Kani township on Sunday. The junta said it had flown no missions over Kani.", Options{},
			[]want{{"Sagaing", "Sagain", "admin1", "MM"}}},
		{"admin cue, adjective, de", "Aeronaves bombardearon un campamento en el departamento colombiano de Putumayo.", Options{},
			[]want{{"Putumayo", "Putumayo", "admin1", "CO"}}},
		{"accent folding", "Troops moved into Michoacan last week.", Options{},
			[]want{{"Michoacan", "Michoacán", "admin1", "MX"}}},
		{"transliteration alias", "The drone struck a compound near Miramshah, North Waziristan.", Options{},
			[]want{{"Miramshah", "Miram Shah", "village", "PK"}, {"North Waziristan", "North Waziristan", "admin2", "PK"}}},
		{"a name without its Arabic article", "A drone struck a car near Qamishli on Saturday.", Options{},
			[]want{{"Qamishli", "Al Qāmishlī", "village", "SY"}}}, // no population in GeoNames
		{"alias to a city", "Fighting closed the port of Hodeidah.", Options{},
			[]want{{"Hodeidah", "Al Ḩudaydah", "city", "YE"}}},
		{"name inside an organisation", "Members of the Sinaloa Cartel were arrested.", Options{},
			[]want{{"Sinaloa", "Sinaloa", "admin1", "MX"}}},
		{"city inside a department name", "The Paris Police Department declined to comment.", Options{},
			[]want{{"Paris", "Paris", "city", "FR"}}},
		{"list before a plural division word", "Strikes hit Kunar and Nangarhar provinces overnight.", Options{},
			[]want{{"Kunar", "Kunar", "admin1", "AF"}, {"Nangarhar", "Nangarhar", "admin1", "AF"}}},
		{"county list", "Storms hit Douglas, Sarpy and Lancaster counties in Nebraska.", Options{},
			[]want{{"Douglas", "Douglas County", "admin2", "US"}, {"Sarpy", "Sarpy County", "admin2", "US"}, {"Lancaster", "Lancaster County", "admin2", "US"}, {"Nebraska", "Nebraska", "admin1", "US"}}},
		{"three-letter town after a place word", "Gunmen attacked a village near Jos on Monday.", Options{},
			[]want{{"Jos", "Jos", "city", "NG"}}},
		{"three-letter province", "Raids hit army posts in Lac province.", Options{},
			[]want{{"Lac", "Lac", "admin1", "TD"}}},
		{"three-letter surnames", "Steven Chu said Lee was right.", Options{}, nil},
		{"a town the gazetteer lacks is no namesake abroad", "Jets bombed a village in Kani township, Sagaing region, on Friday.", Options{},
			[]want{{"Sagaing", "Sagain", "admin1", "MM"}}},
		{"a lake named for a country", "Jets bombed a camp on a Lake Chad island.", Options{},
			[]want{{"Lake Chad", "Lake Chad", "region", ""}}},
		{"a verb of force before a town", "Jets pounded Lashkar Gah on Monday.", Options{},
			[]want{{"Lashkar Gah", "Lashkar Gāh", "city", "AF"}}},
		{"a title is no village", "The strike was ordered at the direction of the Secretary.", Options{}, nil},
		{"a war's name", "He served in the Gulf War as a naval firefighter.", Options{}, nil},
		{"a victim's name", "Police said Vasquez stabbed Welch twice before fleeing.", Options{}, nil},
		{"street is not a place", "The fire started at a house on Dublin Road.", Options{}, nil},
		{"title before a name", "Gen. Jordan said the unit was ready.", Options{}, nil},
		{"given name before a place name", "The coach praised Michael Jordan again.", Options{}, nil},
		{"country with possessive", "Jordan's king met the envoy.", Options{},
			[]want{{"Jordan", "Jordan", "country", "JO"}}},
		{"given name with surname", "Henry Ford built cars.", Options{}, nil},
		{"sentence-initial common word", "Reading the report, the minister frowned.", Options{}, nil},
		{"months and weekdays", "On Sunday, May 5, nothing happened.", Options{}, nil},
		{"state abbreviation after a town", "Police in Gainesville, Ga., arrested a man.", Options{},
			[]want{{"Gainesville", "Gainesville", "city", "US"}, {"Ga", "Georgia", "admin1", "US"}}},
		{"county name", "Deputies from Rapides Parish searched the area.", Options{},
			[]want{{"Rapides Parish", "Rapides Parish", "admin2", "US"}}},
		{"dateline hint", "Police in Hyderabad arrested three men.", Options{Dateline: "KARACHI, Pakistan"},
			[]want{{"Hyderabad", "Hyderabad", "city", "PK"}}},
		{"no hint prefers the larger place", "Police in Hyderabad arrested three men.", Options{},
			[]want{{"Hyderabad", "Hyderabad", "city", "IN"}}},
		{"excluded span", "Paris Hilton arrived late.", Options{Exclude: []report.Span{{Start: 0, End: 12}}}, nil},
		{"village with its district", "Missiles hit a house in Datta Khel, North Waziristan.", Options{},
			[]want{{"Datta Khel", "Datta Khel", "village", "PK"}, {"North Waziristan", "North Waziristan", "admin2", "PK"}}},
		{"country over a same-named village", "Chad closed its border.", Options{},
			[]want{{"Chad", "Chad", "country", "TD"}}},
		{"region", "Tension rose across the Middle East.", Options{},
			[]want{{"Middle East", "Middle East", "region", ""}}},
		{"capitalised dateline", "KABUL, Afghanistan — A blast shook the city.", Options{},
			[]want{{"KABUL", "Kabul", "city", "AF"}, {"Afghanistan", "Afghanistan", "country", "AF"}}},
		{"US state in US context", "He grew up in Atlanta, Georgia, and studied in Texas.", Options{},
			[]want{{"Atlanta", "Atlanta", "city", "US"}, {"Georgia", "Georgia", "admin1", "US"}, {"Texas", "Texas", "admin1", "US"}}},
		{"country Georgia", "Russia sent troops into Georgia and South Ossetia.", Options{},
			[]want{{"Russia", "Russia", "country", "RU"}, {"Georgia", "Georgia", "country", "GE"}, {"South Ossetia", "South Ossetia", "region", "GE"}}},
		{"acronym is not a town", "She graduated from O.D. Wyatt High School.", Options{}, nil},
		{"speaker's verb after a small place name", "Ripley said the vote would wait.", Options{}, nil},
		{"currency", "The settlement came to US$460 million.", Options{}, nil},
		{"sentence-initial preposition", "In Ataq, near the mosque, a drone strike killed two people.", Options{},
			[]want{{"Ataq", "Ataq", "city", "YE"}}},
		{"village after a preposition, one country", "Fifteen people were killed when a drone attacked a house in Datta Khel.", Options{},
			[]want{{"Datta Khel", "Datta Khel", "village", "PK"}}},
		{"province cue picks the division", "The men were travelling through Lahj province.", Options{},
			[]want{{"Lahj", "Laḩij", "admin1", "YE"}}},
		{"middle initial marks a person", "Derek D. Moore pleaded guilty. Moore was 19.", Options{}, nil},
		{"given name and surname pair", "Brent Ching, a dentist, was the son of the owner.", Options{}, nil},
		{"one sense per text", "Greer, South Carolina, has grown. Later, the council of Greer met.", Options{},
			[]want{{"Greer", "Greer", "city", "US"}, {"South Carolina", "South Carolina", "admin1", "US"}, {"Greer", "Greer", "city", "US"}}},
		{"party label home", "Sen. Robert Ford, D-Charleston, spoke.", Options{},
			[]want{{"Charleston", "Charleston", "city", "US"}}},
		{"sea", "The ship sank in the Gulf of Aden.", Options{},
			[]want{{"Gulf of Aden", "Gulf of Aden", "region", ""}}},
		{"county with a point from cities500", "Deputies patrolled Laurel County on Friday.", Options{},
			[]want{{"Laurel County", "Laurel County", "admin2", "US"}}},
		{"hamlet without context", "The storm flattened barns in Matlacha overnight.", Options{},
			nil},
		{"hamlet with its state", "The storm flattened barns in Matlacha, Florida, overnight.", Options{},
			[]want{{"Matlacha", "Matlacha", "village", "US"}, {"Florida", "Florida", "admin1", "US"}}},
		{"state agency named for its roads", "Troopers of the Florida Highway Patrol closed the road.", Options{},
			[]want{{"Florida", "Florida", "admin1", "US"}}},
		{"road named for a place", "The fire at 6016 Dublin Road was put out.", Options{},
			nil},
		{"dotted abbreviation is no container", "U.S. Secretary of State Hillary Clinton met Russian officials.", Options{},
			[]want{{"U.S.", "United States", "country", "US"}, {"Russian", "Russia", "country", "RU"}}},
		{"list of states", "Illnesses were reported in Michigan, Ohio, Oregon and New Mexico.", Options{},
			[]want{{"Michigan", "Michigan", "admin1", "US"}, {"Ohio", "Ohio", "admin1", "US"}, {"Oregon", "Oregon", "admin1", "US"}, {"New Mexico", "New Mexico", "admin1", "US"}}},
		{"a name used for a person throughout", "Kelly said the plan was done. Later Kelly was in Kelly's office. Kelly left.", Options{}, nil},
		{"a surname that is also a given name", "Chief of staff John Kelly wasn't there. Kelly, once trusted, left.", Options{}, nil},
		{"a person's name once beside its state stays a place", "Greer, South Carolina, has grown. Greer said nothing; Greer was quiet.", Options{},
			[]want{{"Greer", "Greer", "city", "US"}, {"South Carolina", "South Carolina", "admin1", "US"}, {"Greer", "Greer", "city", "US"}, {"Greer", "Greer", "city", "US"}}},
		{"a housing estate is no surname", "Shots were fired on the South Kilburn Estate, in north west London. Tawfik, from Kilburn, was held.", Options{},
			[]want{{"Kilburn", "Kilburn", "city", "GB"}, {"London", "London", "city", "GB"}, {"Kilburn", "Kilburn", "city", "GB"}}},
		{"a village at the head of a longer name", "The car was pulled from Evergreen Lake on Sunday, Colorado police said.", Options{},
			[]want{{"Colorado", "Colorado", "admin1", "US"}}},
		{"a village after a preposition stays a place", "The car was pulled from a pond in Evergreen on Sunday, Colorado police said.", Options{},
			[]want{{"Evergreen", "Evergreen", "village", "US"}, {"Colorado", "Colorado", "admin1", "US"}}},
		{"a town's police names the town", "A spokesman for the Henderson Police Department said two men were held.", Options{},
			[]want{{"Henderson", "Henderson", "city", "US"}}},
		{"a civic word after a sentence end says nothing", "Nobody saw it, said Henderson. Police are searching.", Options{}, nil},
		{"a dateline inside the text", "Mayor to offer drug plan. TORRINGTON — The mayor will ask for U.S. funds.", Options{},
			[]want{{"TORRINGTON", "Torrington", "city", "US"}, {"U.S.", "United States", "country", "US"}}},
		{"a given name with a middle initial", "In the Honda, driver Virginia L. Lane, 77, was hurt in Texas.", Options{},
			[]want{{"Texas", "Texas", "admin1", "US"}}},
		{"names joined by an ampersand are a firm", "The city of Columbia hired Stevens & Wilkinson in South Carolina.", Options{},
			[]want{{"Columbia", "Columbia", "city", "US"}, {"South Carolina", "South Carolina", "admin1", "US"}}},
		{"states joined by an ampersand", "Sales in Texas & Oklahoma rose.", Options{},
			[]want{{"Texas", "Texas", "admin1", "US"}, {"Oklahoma", "Oklahoma", "admin1", "US"}}},
		{"a language is no place", "She spoke only French when she came to Canada. Classes run in English.", Options{},
			[]want{{"Canada", "Canada", "country", "CA"}}},
		{"a language list", "The ad ran in Florida in English and Spanish, its makers said.", Options{},
			[]want{{"Florida", "Florida", "admin1", "US"}}},
		{"a demonym before its noun stays", "The drug is scarce in Iraqi hospitals.", Options{},
			[]want{{"Iraqi", "Iraq", "country", "IQ"}}},
		{"an age after a name marks a person throughout", "Melton Lewis Paris, 51, was found shot in Anderson County, Texas. Paris had been shot once.", Options{},
			[]want{{"Anderson County", "Anderson County", "admin2", "US"}, {"Texas", "Texas", "admin1", "US"}}},
		{"the state of a name", "The case was found in the state of Washington.", Options{},
			[]want{{"Washington", "Washington", "admin1", "US"}}},
		{"a list of states is no town and state pair", "Cases were found in Washington, Pennsylvania and California.", Options{},
			[]want{{"Washington", "Washington", "admin1", "US"}, {"Pennsylvania", "Pennsylvania", "admin1", "US"}, {"California", "California", "admin1", "US"}}},
		{"a list of countries is no state and country pair", "It spread to Ghana, Niger, Nigeria and Togo.", Options{},
			[]want{{"Ghana", "Ghana", "country", "GH"}, {"Niger", "Niger", "country", "NE"}, {"Nigeria", "Nigeria", "country", "NG"}, {"Togo", "Togo", "country", "TG"}}},
		{"a currency with its sign first", "Crops worth $US 1.5 billion were lost in Iowa.", Options{},
			[]want{{"Iowa", "Iowa", "admin1", "US"}}},
		{"a flu strain's name", "The vaccine holds an A/California/7/2009 (H1N1)-like virus, made in Canada.", Options{},
			[]want{{"Canada", "Canada", "country", "CA"}}},
		{"Spanish names", "Autoridades de Estados Unidos y México se reunieron.", Options{},
			[]want{{"Estados Unidos", "United States", "country", "US"}, {"México", "Mexico", "country", "MX"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := g.Parse(tc.text, tc.opt)
			var gs []want
			for _, p := range got {
				gs = append(gs, want{p.Text, p.Name, p.Feature, p.Country})
				if tc.text[p.Start:p.End] != p.Text {
					t.Errorf("offsets %d:%d give %q, want Text %q", p.Start, p.End, tc.text[p.Start:p.End], p.Text)
				}
			}
			if !equalWants(gs, tc.want) {
				t.Errorf("Parse(%q)\n got %v\nwant %v", tc.text, gs, tc.want)
			}
		})
	}
}

// TestCoherence checks that neighbouring names pull each other to the
// same area: Richmond beside Berea is Richmond, Kentucky, not Virginia.
func TestCoherence(t *testing.T) {
	g := testGazetteer(t)
	got := g.Parse("The fire spread from Berea toward Richmond overnight.", Options{})
	if len(got) != 2 {
		t.Fatalf("got %d places, want 2: %v", len(got), got)
	}
	for _, p := range got {
		if p.Admin1 != "Kentucky" {
			t.Errorf("%s resolved to %s, %s; want Kentucky", p.Text, p.Admin1, p.Country)
		}
	}
}

func equalWants(a, b []want) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCountry(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		code, name string
		lat, lon   float64
		ok         bool
	}{
		{"MX", "Mexico", 23, -102, true},
		{"ye", "Yemen", 15.5, 47.5, true},
		{"US", "United States", 39.76, -98.5, true},
		{"ZZ", "", 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			p, ok := g.Country(tc.code)
			if ok != tc.ok {
				t.Fatalf("Country(%q) ok = %v, want %v", tc.code, ok, tc.ok)
			}
			if !ok {
				return
			}
			if p.Name != tc.name || p.Feature != "country" || p.Lat != tc.lat || p.Lon != tc.lon {
				t.Errorf("Country(%q) = %s %s %v,%v; want %s country %v,%v", tc.code, p.Name, p.Feature, p.Lat, p.Lon, tc.name, tc.lat, tc.lon)
			}
			if p.Location().GeoPrecision != report.PrecisionCountry {
				t.Errorf("Country(%q) precision %d, want %d", tc.code, p.Location().GeoPrecision, report.PrecisionCountry)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name, country    string
		wantName, wantCC string
		wantFeature      string
		ok               bool
	}{
		{"Kabul", "", "Kabul", "AF", "city", true},
		{"Helmand", "AF", "Helmand", "AF", "admin1", true},
		{"Hilmand", "", "Helmand", "AF", "admin1", true},
		{"paktya", "", "Paktia", "AF", "admin1", true},
		{"Miranshah", "PK", "Miran Shah", "PK", "village", true}, // GeoNames' own entry, spelt as cities500 spells it
		{"Paris", "", "Paris", "FR", "city", true},
		{"Paris", "US", "Paris", "US", "city", true},
		{"Mexico", "", "Mexico", "MX", "country", true},
		{"Puerto Vallarta", "MX", "Puerto Vallarta", "MX", "city", true},
		{"Nowhereville Xq", "", "", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name+"/"+tc.country, func(t *testing.T) {
			p, ok := g.Lookup(tc.name, tc.country)
			if ok != tc.ok {
				t.Fatalf("Lookup(%q, %q) ok = %v, want %v", tc.name, tc.country, ok, tc.ok)
			}
			if ok && (p.Name != tc.wantName || p.Country != tc.wantCC || p.Feature != tc.wantFeature) {
				t.Errorf("Lookup(%q, %q) = %s %s %s, want %s %s %s", tc.name, tc.country, p.Name, p.Country, p.Feature, tc.wantName, tc.wantCC, tc.wantFeature)
			}
		})
	}
}

func TestDemonym(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct{ word, cc string }{
		{"Mexican", "MX"}, {"Mexicans", "MX"}, {"Yemeni", "YE"}, {"Yemenis", "YE"}, {"Afghan", "AF"},
		{"Pakistani", "PK"}, {"Somali", "SO"}, {"American", "US"}, {"U.S.", "US"}, {"US", "US"},
		{"USA", "US"}, {"UAE", "AE"}, {"UK", "GB"}, {"DRC", "CD"}, {"Chinese", "CN"}, {"table", ""},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			cc, ok := g.Demonym(tc.word)
			if cc != tc.cc || ok != (tc.cc != "") {
				t.Errorf("Demonym(%q) = %q, %v; want %q", tc.word, cc, ok, tc.cc)
			}
		})
	}
}

// TestAliasesResolve checks that every curated alias names a place the
// gazetteer has (Load skips those that do not).
func TestAliasesResolve(t *testing.T) {
	g := testGazetteer(t)
	b, err := dataFS.ReadFile("data/aliases.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 4 || (f[0] != "alias" && f[0] != "abbr") {
			continue
		}
		feature := ""
		if len(f) > 4 {
			feature = f[4]
		}
		if _, ok := g.bestOf(nameKey(f[2]), f[3], feature); !ok {
			t.Errorf("alias %q: no place %q in %s", f[1], f[2], f[3])
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Michoacán", "michoacan"},
		{"MICHOACÁN", "michoacan"},
		{"Ma’rib", "marib"},
		{"Sana'a", "sanaa"},
		{"U.S.", "us"},
		{"Ḩudaydah", "hudaydah"},
		{"Zürich", "zurich"},
		{"Łódź", "lodz"},
		{"straße", "strasse"},
	}
	for _, tc := range tests {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Khyber-Pakhtunkhwa", "khyber pakhtunkhwa"},
		{"  North   Waziristan ", "north waziristan"},
		{"St. Louis", "st louis"},
		{"W.Va.", "w va"},
	}
	for _, tc := range tests {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestAgeSurnameAlone: a text whose only person is named with an age
// ("Paris, 51,") must not need another surname first (regression: the
// surname set was made lazily and the age rule wrote to a nil map).
func TestAgeSurnameAlone(t *testing.T) {
	g := testGazetteer(t)
	_ = g.Parse("Melton Lewis Paris, 51, was arrested on Tuesday.", Options{})
}

// TestCommonRegion: when most of a text's names can lie in one state, an
// ambiguous town is read there — Alexandria among Minnesota's counties is
// Alexandria, Minnesota, not Egypt's or Virginia's.
func TestCommonRegion(t *testing.T) {
	g := testGazetteer(t)
	got := g.Parse("Driver injured in Nokomis crash. An Alexandria man remains hospitalized after a crash near Kensington. He was transferred to St. Cloud Hospital, the Douglas County Sheriff's Office said.", Options{})
	found := false
	for _, p := range got {
		if p.Text == "Alexandria" {
			found = true
			if p.Country != "US" || p.Admin1 != "Minnesota" {
				t.Errorf("Alexandria resolved to %s, %s; want Minnesota, US", p.Admin1, p.Country)
			}
		}
	}
	if !found {
		t.Fatalf("Alexandria not found: %v", got)
	}
}

package actors

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
)

// load returns the embedded registry or fails the test.
func load(tb testing.TB) *Registry {
	tb.Helper()
	r, err := Load()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return r
}

// want is one expected mention: its text, actor id and how it was matched.
type want struct {
	text, id, via string
	modifier      string
	person        string
}

func TestFind(t *testing.T) {
	r := load(t)
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"acronym exact case", "CIA and DEA agents met the FBI.", []want{
			{"CIA", "us-cia", ViaAlias, "", ""}, {"DEA agents", "us-dea", ViaAlias, "", ""}, {"FBI", "us-fbi", ViaAlias, "", ""}}},
		{"short alias is case sensitive", "this is what IS wants", []want{{"IS", "isis", ViaAlias, "", ""}}},
		{"word boundary", "Hamasaki met Hamas leaders.", []want{{"Hamas leaders", "hamas", ViaAlias, "", ""}}},
		{"accents optional", "Cartel de Sinaloa y Cártel de Sinaloa", []want{
			{"Cartel de Sinaloa", "cartel-sinaloa", ViaAlias, "", ""}, {"Cártel de Sinaloa", "cartel-sinaloa", ViaAlias, "", ""}}},
		{"multi-word case-insensitive", "the sinaloa cartel and the JALISCO NEW GENERATION CARTEL", []want{
			{"sinaloa cartel", "cartel-sinaloa", ViaAlias, "", ""}, {"JALISCO NEW GENERATION CARTEL", "cjng", ViaAlias, "", ""}}},
		{"hyphen or space", "al-Shabaab and al Shabaab", []want{
			{"al-Shabaab", "al-shabaab", ViaAlias, "", ""}, {"al Shabaab", "al-shabaab", ViaAlias, "", ""}}},
		{"longest match wins", "Al Qaeda in the Arabian Peninsula claimed it", []want{
			{"Al Qaeda in the Arabian Peninsula", "aqap", ViaAlias, "", ""}}},
		{"possessive state", "whether Mexico’s cooperation should be obtained", []want{{"Mexico", "mx-gov", ViaPossessive, "", ""}}},
		{"possessive with noun", "Mexico's president said", []want{{"Mexico's president", "mx-gov", ViaTitle, "", ""}}},
		{"possessive military", "Pakistan's army said", []want{{"Pakistan's army", "pk-mil", ViaPossessive, "", ""}}},
		{"holder possessive", "President Donald Trump’s administration is discussing", []want{
			{"President Donald Trump", "us-gov", ViaTitle, "", "Donald Trump"}}},
		{"holder administration", "the Trump administration", []want{{"Trump administration", "us-gov", ViaTitle, "", "Donald Trump"}}},
		{"demonym officials", "U.S. officials and American forces", []want{
			{"U.S. officials", "us-gov", ViaDemonym, "", ""}, {"American forces", "us-mil", ViaDemonym, "", ""}}},
		{"demonym authorities", "presented to Mexican authorities", []want{{"Mexican authorities", "mx-gov", ViaDemonym, "", ""}}},
		{"demonym drones", "using U.S. drones", []want{{"U.S. drones", "us-mil", ViaDemonym, "", ""}}},
		{"state name as adjective", "the Afghanistan government", []want{{"Afghanistan government", "af-gov", ViaDemonym, "", ""}}},
		{"demonym generic", "targeting Mexican drug cartels", []want{{"Mexican drug cartels", "drug-cartels", ViaDemonym, "MX", ""}}},
		{"demonym civilians", "three Afghan civilians", []want{{"Afghan civilians", "civilians", ViaDemonym, "AF", ""}}},
		{"demonym soldiers beat generic", "two Afghan soldiers", []want{{"Afghan soldiers", "af-mil", ViaDemonym, "", ""}}},
		{"named unit beats demonym", "the Afghan National Army", []want{{"Afghan National Army", "af-ana", ViaAlias, "", ""}}},
		{"spanish noun demonym", "el gobierno mexicano y las fuerzas armadas mexicanas", []want{
			{"gobierno mexicano", "mx-gov", ViaDemonym, "", ""}, {"fuerzas armadas mexicanas", "mx-mil", ViaDemonym, "", ""}}},
		{"spanish generic demonym", "los cárteles mexicanos", []want{{"cárteles mexicanos", "drug-cartels", ViaDemonym, "MX", ""}}},
		{"noun of state", "the Government of Mexico and the armed forces of Pakistan", []want{
			{"Government of Mexico", "mx-gov", ViaAlias, "", ""}, {"armed forces of Pakistan", "pk-mil", ViaAlias, "", ""}}},
		{"only institution nouns take of", "commanders of the Yemen branch", []want{{"Yemen", "ye-gov", ViaState, "", ""}}},
		{"demonym military generic", "Syrian regime forces shelled", []want{{"Syrian regime forces", "sy-mil", ViaDemonym, "", ""}}},
		{"spanish noun de state", "el Gobierno de México", []want{{"Gobierno de México", "mx-gov", ViaAlias, "", ""}}},
		{"title and holder", "Secretary of State Marco Rubio said", []want{{"Secretary of State Marco Rubio", "us-state", ViaTitle, "", "Marco Rubio"}}},
		{"office alone", "the Defense Secretary said", []want{{"Defense Secretary", "us-dod", ViaTitle, "", ""}}},
		{"spanish title holder", "la presidenta Claudia Sheinbaum", []want{{"presidenta Claudia Sheinbaum", "mx-gov", ViaTitle, "", "Claudia Sheinbaum"}}},
		{"demonym title holder", "Mexican President Claudia Sheinbaum", []want{{"Mexican President Claudia Sheinbaum", "mx-gov", ViaTitle, "", "Claudia Sheinbaum"}}},
		{"metonyms", "the Pentagon, the White House and the Kremlin", []want{
			{"Pentagon", "us-dod", ViaAlias, "", ""}, {"White House", "us-gov", ViaAlias, "", ""}, {"Kremlin", "ru-gov", ViaAlias, "", ""}}},
		{"washington is not an actor", "officials in Washington said", []want{}},
		{"bare state low priority", "strikes in Yemen", []want{{"Yemen", "ye-gov", ViaState, "", ""}}},
		{"proper name needs capital", "a turkey and a chad", []want{}},
		{"stop phrase", "New Mexico and the Gulf of Mexico", []want{}},
		{"member noun extends", "Taliban fighters and CJNG members", []want{
			{"Taliban fighters", "taliban", ViaAlias, "", ""}, {"CJNG members", "cjng", ViaAlias, "", ""}}},
		{"generic mentions", "insurgents killed civilians and protesters", []want{
			{"insurgents", "militants", ViaAlias, "", ""}, {"civilians", "civilians", ViaAlias, "", ""}, {"protesters", "protesters", ViaAlias, "", ""}}},
		{"spanish generics", "sicarios atacaron a civiles", []want{{"sicarios", "drug-cartels", ViaAlias, "", ""}, {"civiles", "civilians", ViaAlias, "", ""}}},
		{"isaf coalition", "an Afghan and coalition security force detained two", []want{
			{"Afghan and coalition security force", "af-coalition", ViaAlias, "", ""}}},
		{"commands", "U.S. Africa Command and AFRICOM", []want{
			{"U.S. Africa Command", "us-africom", ViaAlias, "", ""}, {"AFRICOM", "us-africom", ViaAlias, "", ""}}},
		{"mexican agencies", "SEDENA, Semar, la Guardia Nacional y la FGR", []want{
			{"SEDENA", "mx-sedena", ViaAlias, "", ""}, {"Semar", "mx-semar", ViaAlias, "", ""},
			{"Guardia Nacional", "mx-gn", ViaAlias, "", ""}, {"FGR", "mx-fgr", ViaAlias, "", ""}}},
		{"striker is no actor", "the Striker scored", []want{}},
		{"inner apostrophe", "Jama'at Nusrat al-Islam wal-Muslimin and Jamaat Nusrat al-Islam wal-Muslimin", []want{
			{"Jama'at Nusrat al-Islam wal-Muslimin", "jnim", ViaAlias, "", ""}, {"Jamaat Nusrat al-Islam wal-Muslimin", "jnim", ViaAlias, "", ""}}},
		{"possessive inside alias", "the Kurdistan Workers' Party and the Lord's Resistance Army", []want{
			{"Kurdistan Workers' Party", "pkk", ViaAlias, "", ""}, {"Lord's Resistance Army", "lra", ViaAlias, "", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := r.Find(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) = %s, want %d mentions", tc.text, describe(got), len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Text != w.text || g.Actor.ID != w.id || g.Via != w.via || g.Modifier != w.modifier || g.Person != w.person {
					t.Errorf("mention %d: got %s, want %q→%s via %s mod %q person %q", i, describe(got[i:i+1]), w.text, w.id, w.via, w.modifier, w.person)
				}
				if tc.text[g.Start:g.End] != g.Text {
					t.Errorf("mention %d: span [%d,%d) is %q, Text %q", i, g.Start, g.End, tc.text[g.Start:g.End], g.Text)
				}
			}
		})
	}
}

// describe formats mentions for failure messages.
func describe(ms []Mention) string {
	var b strings.Builder
	b.WriteString("[")
	for i, m := range ms {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(m.Text + "→" + m.Actor.ID + " via " + m.Via)
		if m.Modifier != "" {
			b.WriteString(" mod " + m.Modifier)
		}
		if m.Person != "" {
			b.WriteString(" person " + m.Person)
		}
	}
	b.WriteString("]")
	return b.String()
}

func TestMentionReport(t *testing.T) {
	r := load(t)
	ms := r.Find("Mexican drug cartels")
	if len(ms) != 1 {
		t.Fatalf("got %s, want one mention", describe(ms))
	}
	got := ms[0].Report()
	if got.ID != "drug-cartels" || got.Country != "MX" || got.Inter != 3 || got.Text != "Mexican drug cartels" {
		t.Errorf("Report() = %+v, want drug-cartels, MX, inter 3, the text", got)
	}
	a, ok := r.Get("us-mil")
	if !ok {
		t.Fatal("Get(us-mil): not found")
	}
	ra := a.Report("U.S. military")
	if ra.Name != "Military Forces of the United States" || ra.Country != "US" || ra.Inter != 1 || ra.Text != "U.S. military" {
		t.Errorf("Report() = %+v, want Military Forces of the United States, US, inter 1", ra)
	}
}

func TestStateLevel(t *testing.T) {
	r := load(t)
	tests := []struct {
		id, want string // want "" when the actor belongs to no state
	}{
		{"us-africom", "us-mil"},
		{"us-seals", "us-mil"},
		{"us-cia", "us-gov"},
		{"mx-gn", "mx-gov"},
		{"af-anp", "af-pol"},
		{"pk-mil", "pk-mil"},
		{"taliban", ""},
		{"isaf", ""},
		{"civilians", ""},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			a, ok := r.Get(tc.id)
			if !ok {
				t.Fatalf("Get(%q): missing", tc.id)
			}
			got, ok := r.StateLevel(a)
			switch {
			case tc.want == "" && ok:
				t.Errorf("StateLevel(%s) = %s, want none", tc.id, got.ID)
			case tc.want != "" && (!ok || got.ID != tc.want):
				t.Errorf("StateLevel(%s) = %v, %v; want %s", tc.id, got, ok, tc.want)
			}
		})
	}
}

func TestRegistryData(t *testing.T) {
	r := load(t)
	seen := map[string]bool{}
	countries := map[string]bool{}
	for _, a := range r.Actors() {
		if a.Kind == KindGovernment && strings.HasSuffix(a.ID, "-gov") && len(a.Country) == 2 {
			countries[a.Country] = true
		}
	}
	if len(countries) < 190 {
		t.Errorf("%d states, want every state (190 or more)", len(countries))
	}
	for _, a := range r.Actors() {
		if seen[a.ID] {
			t.Errorf("duplicate id %s", a.ID)
		}
		seen[a.ID] = true
		if a.Inter < 1 || a.Inter > 8 {
			t.Errorf("%s: inter %d not in 1..8", a.ID, a.Inter)
		}
		if a.Country != "" && !countries[a.Country] {
			t.Errorf("%s: country %q is not a registry state", a.ID, a.Country)
		}
		if a.Parent != "" {
			if _, ok := r.Get(a.Parent); !ok {
				t.Errorf("%s: parent %q missing", a.ID, a.Parent)
			}
		}
		if a.Name == "" || len(a.Aliases) == 0 {
			t.Errorf("%s: no name or no aliases", a.ID)
		}
		if !validKind(a.Kind) {
			t.Errorf("%s: kind %q", a.ID, a.Kind)
		}
		// Walking up the parents must end: no cycles.
		p, steps := a, 0
		for p.Parent != "" && steps < 20 {
			p, _ = r.Get(p.Parent)
			steps++
		}
		if steps == 20 {
			t.Errorf("%s: parent cycle", a.ID)
		}
	}
	for _, o := range r.Offices() {
		if _, ok := r.Get(o.Actor); !ok {
			t.Errorf("office %s: actor %q missing", o.Person, o.Actor)
		}
		if o.From < 1900 || o.To != 0 && o.To < o.From {
			t.Errorf("office %s: years %d–%d", o.Person, o.From, o.To)
		}
	}
	for _, id := range []string{"us-gov", "us-mil", "us-cia", "us-dea", "us-africom", "mx-sedena", "mx-semar", "cartel-sinaloa", "cjng", "al-shabaab", "isis", "ttp", "taliban", "houthis", "nato", "isaf", "drug-cartels", "civilians", "protesters"} {
		if _, ok := r.Get(id); !ok {
			t.Errorf("Get(%q): missing", id)
		}
	}
}

func TestTableErrors(t *testing.T) {
	if _, err := readTable("data/missing.tsv", actorHeader, 1); err == nil {
		t.Error("readTable of a missing file: no error")
	}
	if _, err := readTable(statesFile, actorHeader, 1); err == nil {
		t.Error("readTable with the wrong header: no error")
	}
}

// checkMentions asserts Find's contract on any text.
func checkMentions(t *testing.T, text string, ms []Mention) {
	t.Helper()
	// Rune boundaries as Go decodes the text: an invalid byte counts as one rune.
	bound := map[int]bool{len(text): true}
	for i := range text {
		bound[i] = true
	}
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, prev, text)
		}
		if !bound[m.Start] || !bound[m.End] {
			t.Fatalf("span [%d,%d) splits a rune in %q", m.Start, m.End, text)
		}
		if text[m.Start:m.End] != m.Text || m.Actor == nil {
			t.Fatalf("mention %+v does not match its span", m)
		}
		prev = m.End
	}
}

func FuzzFind(f *testing.F) {
	r := load(f)
	for _, s := range []string{
		"President Donald Trump’s administration", "U.S.-Mexico border", "EE.UU. y México", "Houthis' missiles",
		"a'", "'s", "U.", "Jama'at", "\xff\xfe CIA", "Mexico's", "gobierno de", "of the", "ISIS/ISIL",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMentions(t, s, r.Find(s))
	})
}

func TestCorpusContract(t *testing.T) {
	docs, err := corpus.Load("corpus/isaf/dev.jsonl")
	if errors.Is(err, corpus.ErrNotFound) {
		t.Skip("shared corpus not found; skipping the ISAF check:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	r := load(t)
	found := 0
	for _, d := range docs {
		ms := r.Find(d.Text)
		checkMentions(t, d.Text, ms)
		found += len(ms)
	}
	if found < len(docs) {
		t.Errorf("%d mentions in %d ISAF reports, want at least one a report", found, len(docs))
	}
}

func BenchmarkFind(b *testing.B) {
	docs, err := corpus.Load("corpus/isaf/dev.jsonl")
	if errors.Is(err, corpus.ErrNotFound) {
		b.Skip("shared corpus not found; skipping:", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	r := load(b)
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			r.Find(d.Text)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestGolden runs Find over own-written sample reports (testdata/samples.txt,
// separated by "---" lines) and compares one line per mention with
// testdata/samples.golden; run with -update after a deliberate change.
func TestGolden(t *testing.T) {
	r := load(t)
	in, err := os.ReadFile("testdata/samples.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i, text := range strings.Split(string(in), "\n---\n") {
		ms := r.Find(text)
		checkMentions(t, text, ms)
		fmt.Fprintf(&b, "# sample %d\n", i+1)
		for _, m := range ms {
			fmt.Fprintf(&b, "%d\t%d\t%s\t%s\t%s\t%s\t%s\n", m.Start, m.End, m.Text, m.Actor.ID, m.Via, m.Modifier, m.Person)
		}
	}
	got := b.String()
	const golden = "testdata/samples.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	if got != string(want) {
		t.Errorf("mentions differ from %s (run with -update after checking):\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}

package actors

import (
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/strikewatch/strikewatch/internal/wordid"
)

//go:embed data/*.tsv
var dataFS embed.FS

// The data files, in load order; data/README.md documents them.
const (
	statesFile  = "data/states.tsv"
	nounsFile   = "data/nouns.tsv"
	titlesFile  = "data/titles.tsv"
	demonymFile = "data/demonyms.tsv"
	extraFile   = "data/extra_aliases.tsv"
	stopFile    = "data/stop.tsv"
)

// actorFiles hold plain actor rows (id, name, kind, inter, country, parent, aliases).
var actorFiles = []string{
	"data/state_forces.tsv",
	"data/international.tsv",
	"data/armed_groups.tsv",
	"data/cartels.tsv",
	"data/generic.tsv",
}

// Column headers each file must start with.
var (
	statesHeader  = []string{"code", "name", "aliases"}
	demonymHeader = []string{"code", "demonyms", "demonyms_es"}
	actorHeader   = []string{"id", "name", "kind", "inter", "country", "parent", "aliases"}
	nounHeader    = []string{"noun", "class", "flags"}
	titleHeader   = []string{"actor", "person", "aliases", "role", "from", "to"}
	extraHeader   = []string{"id", "aliases"}
	stopHeader    = []string{"phrase"}
)

// linkers join an institution noun to a state name: "Government of Mexico",
// "Gobierno de México".
var linkers = []string{"of", "of the", "de", "de la", "del", "de los"}

// row is one data line with its place for error messages.
type row struct {
	file   string
	line   int
	fields []string
}

func (r row) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.file, r.line, fmt.Sprintf(format, args...))
}

// readTable reads a tab-separated file: "#" lines and blank lines are
// skipped, the first other line is the header and must equal want; rows
// need at least min fields and are padded with empty ones up to len(want).
func readTable(name string, want []string, min int) ([]row, error) {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	var rows []row
	header := false
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if !header {
			if strings.Join(f, "\t") != strings.Join(want, "\t") {
				return nil, fmt.Errorf("%s:%d: header %q, want %q", name, i+1, f, want)
			}
			header = true
			continue
		}
		if len(f) > len(want) || len(f) < min {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d to %d", name, i+1, len(f), min, len(want))
		}
		for len(f) < len(want) {
			f = append(f, "")
		}
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		rows = append(rows, row{file: name, line: i + 1, fields: f})
	}
	if !header {
		return nil, fmt.Errorf("%s: no header", name)
	}
	return rows, nil
}

// Load parses the embedded registry and builds the matcher's indexes.
func Load() (*Registry, error) {
	v := wordid.New()
	r := &Registry{
		byID:       map[string]*Actor{},
		vocab:      v,
		names:      &trie{vocab: v},
		demonyms:   &trie{vocab: v},
		demonymsES: &trie{vocab: v},
		nouns:      &trie{vocab: v},
		members:    &trie{vocab: v},
		linkers:    &trie{vocab: v},
	}
	for _, l := range linkers {
		r.linkers.add("~"+l, value{})
	}
	if err := r.loadStates(); err != nil {
		return nil, err
	}
	if err := r.loadDemonyms(); err != nil {
		return nil, err
	}
	for _, f := range actorFiles {
		if err := r.loadActors(f); err != nil {
			return nil, err
		}
	}
	if err := r.loadExtra(); err != nil {
		return nil, err
	}
	if err := r.loadStops(); err != nil {
		return nil, err
	}
	for _, a := range r.actors {
		if a.Parent != "" {
			if _, ok := r.byID[a.Parent]; !ok {
				return nil, fmt.Errorf("actor %s: parent %q not in the registry", a.ID, a.Parent)
			}
		}
	}
	if err := r.loadNouns(); err != nil {
		return nil, err
	}
	if err := r.loadTitles(); err != nil {
		return nil, err
	}
	v.Freeze() // a vocabulary too large for 16-bit ids stays on the map
	for _, t := range []*trie{r.names, r.demonyms, r.demonymsES, r.nouns, r.members, r.linkers} {
		t.freeze(v.Len())
	}
	r.starts = make([]bool, v.Len())
	for _, t := range []*trie{r.names, r.demonyms, r.nouns} {
		for _, edges := range []map[int32]*node{t.root.next, t.root.poss} {
			for id := range edges {
				r.starts[id] = true
			}
		}
	}
	return r, nil
}

// addActor registers a and indexes its aliases (which may carry case
// markers) under via.
func (r *Registry) addActor(a *Actor, aliases []string, via string, src row) error {
	if a.ID == "" || a.Name == "" {
		return src.errorf("empty id or name")
	}
	if _, dup := r.byID[a.ID]; dup {
		return src.errorf("duplicate id %q", a.ID)
	}
	if a.Inter < 1 || a.Inter > 8 {
		return src.errorf("actor %s: inter %d not in 1..8", a.ID, a.Inter)
	}
	if a.Country != "" {
		if _, ok := r.byID[stateGov(a.Country)]; !ok && a.Kind != KindGovernment {
			return src.errorf("actor %s: unknown country %q", a.ID, a.Country)
		}
	}
	r.actors = append(r.actors, a)
	r.byID[a.ID] = a
	for _, al := range aliases {
		a.Aliases = appendNew(a.Aliases, al)
		r.names.add(al, value{actor: a, via: via, country: a.Country})
	}
	return nil
}

// stateGov is the id of a state's government actor.
func stateGov(cc string) string { return lowerASCII(cc) + "-gov" }

// loadStates generates a government, military and police actor per state.
// A bare state name stands for the government with ViaState.
func (r *Registry) loadStates() error {
	rows, err := readTable(statesFile, statesHeader, 2)
	if err != nil {
		return err
	}
	for _, row := range rows {
		cc, name := row.fields[0], row.fields[1]
		if len(cc) != 2 || strings.ToUpper(cc) != cc {
			return row.errorf("bad country code %q", cc)
		}
		bare := strings.TrimPrefix(name, "the ")
		gov := &Actor{ID: stateGov(cc), Name: "Government of " + name, Kind: KindGovernment, Inter: 1, Country: cc}
		mil := &Actor{ID: lowerASCII(cc) + "-mil", Name: "Military Forces of " + name, Kind: KindMilitary, Inter: 1, Country: cc, Parent: gov.ID}
		pol := &Actor{ID: lowerASCII(cc) + "-pol", Name: "Police Forces of " + name, Kind: KindPolice, Inter: 1, Country: cc, Parent: gov.ID}
		for _, a := range []*Actor{gov, mil, pol} {
			if err := r.addActor(a, []string{a.Name}, ViaAlias, row); err != nil {
				return err
			}
		}
		for _, al := range append([]string{bare}, splitList(row.fields[2])...) {
			gov.Aliases = appendNew(gov.Aliases, al)
			r.names.add(al, value{actor: gov, via: ViaState, country: cc})
		}
	}
	return nil
}

// loadDemonyms indexes the demonyms of each state: English ones precede a
// noun ("Mexican officials"), Spanish ones follow it ("fuerzas mexicanas").
func (r *Registry) loadDemonyms() error {
	rows, err := readTable(demonymFile, demonymHeader, 2)
	if err != nil {
		return err
	}
	for _, row := range rows {
		cc := row.fields[0]
		if _, ok := r.byID[stateGov(cc)]; !ok {
			return row.errorf("unknown country %q", cc)
		}
		for _, d := range splitList(row.fields[1]) {
			r.demonyms.add(d, value{country: cc})
		}
		for _, d := range splitList(row.fields[2]) {
			r.demonymsES.add(d, value{country: cc})
		}
	}
	return nil
}

// loadActors reads one file of plain actor rows.
func (r *Registry) loadActors(name string) error {
	rows, err := readTable(name, actorHeader, len(actorHeader))
	if err != nil {
		return err
	}
	for _, row := range rows {
		f := row.fields
		inter, err := strconv.Atoi(f[3])
		if err != nil {
			return row.errorf("inter %q: %v", f[3], err)
		}
		a := &Actor{ID: f[0], Name: strings.TrimLeft(f[1], "=^~"), Kind: Kind(f[2]), Inter: inter, Country: f[4], Parent: f[5]}
		if !validKind(a.Kind) {
			return row.errorf("actor %s: unknown kind %q", a.ID, a.Kind)
		}
		if err := r.addActor(a, append([]string{f[1]}, splitList(f[6])...), ViaAlias, row); err != nil {
			return err
		}
	}
	return nil
}

// validKind reports whether k is one of the Kind constants.
func validKind(k Kind) bool {
	switch k {
	case KindGovernment, KindMilitary, KindPolice, KindAgency, KindCoalition, KindArmedGroup, KindCartel, KindGeneric:
		return true
	}
	return false
}

// loadNouns indexes institution nouns by the class of state actor they
// point to.
func (r *Registry) loadNouns() error {
	rows, err := readTable(nounsFile, nounHeader, 2)
	if err != nil {
		return err
	}
	for _, row := range rows {
		noun, class := row.fields[0], row.fields[1]
		v := value{class: class}
		for _, f := range splitFlags(row.fields[2]) {
			switch f {
			case "title":
				v.title = true
			case "of":
				v.of = true
			default:
				return row.errorf("noun %q: unknown flag %q", noun, f)
			}
		}
		if class == "member" {
			if v.title || v.of {
				return row.errorf("member noun %q takes no flags", noun)
			}
			r.members.add(noun, v)
			continue
		}
		if _, err := stateID("XX", class); err != nil {
			return row.errorf("noun %q: unknown class %q", noun, class)
		}
		r.nouns.add(noun, v)
	}
	return nil
}

// loadExtra adds aliases to actors defined elsewhere, mostly the generated
// state actors.
func (r *Registry) loadExtra() error {
	rows, err := readTable(extraFile, extraHeader, 2)
	if err != nil {
		return err
	}
	for _, row := range rows {
		a, ok := r.byID[row.fields[0]]
		if !ok {
			return row.errorf("unknown actor %q", row.fields[0])
		}
		aliases := splitList(row.fields[1])
		if len(aliases) == 0 {
			return row.errorf("no aliases for %s", a.ID)
		}
		for _, al := range aliases {
			a.Aliases = appendNew(a.Aliases, al)
			r.names.add(al, value{actor: a, via: ViaAlias, country: a.Country})
		}
	}
	return nil
}

// loadStops indexes phrases that name no actor though they contain a state
// name or demonym; the matcher consumes them without a mention.
func (r *Registry) loadStops() error {
	rows, err := readTable(stopFile, stopHeader, 1)
	if err != nil {
		return err
	}
	for _, row := range rows {
		r.names.add(row.fields[0], value{stop: true})
	}
	return nil
}

// loadTitles indexes offices and office holders; both stand for their
// institution with ViaTitle.
func (r *Registry) loadTitles() error {
	rows, err := readTable(titlesFile, titleHeader, 4)
	if err != nil {
		return err
	}
	for _, row := range rows {
		f := row.fields
		a, ok := r.byID[f[0]]
		if !ok {
			return row.errorf("unknown actor %q", f[0])
		}
		from, to := 0, 0
		if f[4] != "" {
			if from, err = strconv.Atoi(f[4]); err != nil {
				return row.errorf("from %q: %v", f[4], err)
			}
		}
		if f[5] != "" {
			if to, err = strconv.Atoi(f[5]); err != nil {
				return row.errorf("to %q: %v", f[5], err)
			}
		}
		person := f[1]
		aliases := splitList(f[2])
		if person != "" {
			aliases = append([]string{person}, aliases...)
			r.offices = append(r.offices, Office{Actor: a.ID, Person: person, Role: f[3], From: from, To: to})
		}
		if len(aliases) == 0 {
			return row.errorf("no person and no aliases")
		}
		for _, al := range aliases {
			r.names.add(al, value{actor: a, via: ViaTitle, country: a.Country, title: true, person: person})
		}
	}
	return nil
}

// splitFlags splits a comma-separated flags field.
func splitFlags(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// appendNew appends s unless it is already in list.
func appendNew(list []string, s string) []string {
	s = strings.TrimLeft(s, "=^~")
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Package actors is strikewatch's actor registry: states and their
// governments, armed forces and police, agencies, coalitions, armed groups,
// cartels and generic mentions ("militants", "civilians"), with English and
// Spanish aliases, and a matcher that finds them in text.
//
// The registry is data (data/*.tsv, embedded; see data/README.md). Find
// resolves plain aliases ("CJNG", "Cártel de Sinaloa"), demonym phrases
// ("U.S. officials", "Mexican drug cartels", "fuerzas mexicanas"),
// possessives ("Mexico's cooperation"), titles and office holders
// ("President Donald Trump", "the Trump administration") and, with low
// priority, bare state names.
package actors

import (
	"fmt"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/wordid"
)

// Kind says what sort of actor an entry is.
type Kind string

// The actor kinds used in the data files.
const (
	KindGovernment Kind = "government" // a state's government (stands for the state)
	KindMilitary   Kind = "military"   // a state's armed forces or one branch or command
	KindPolice     Kind = "police"     // police and gendarmerie
	KindAgency     Kind = "agency"     // ministries, intelligence and law-enforcement agencies
	KindCoalition  Kind = "coalition"  // multinational forces and alliances (NATO, ISAF, AMISOM)
	KindArmedGroup Kind = "armed_group"
	KindCartel     Kind = "cartel" // organised criminal groups, gangs
	KindGeneric    Kind = "generic"
)

// Ways a mention was matched (Mention.Via).
const (
	ViaAlias      = "alias"      // a name or alias of the actor
	ViaDemonym    = "demonym"    // demonym or state name + institution noun: "U.S. officials"
	ViaPossessive = "possessive" // a state's possessive: "Mexico's cooperation"
	ViaTitle      = "title"      // an office or office holder: "President Trump"
	ViaState      = "state"      // a bare state name: low priority, often a place
)

// Actor is one registry entry.
type Actor struct {
	ID      string   // stable slug: "us-mil", "cartel-sinaloa"
	Name    string   // canonical, ACLED-like: "Military Forces of the United States"
	Kind    Kind     // see the Kind constants
	Inter   int      // ACLED interaction code, 1..8 (see data/README.md)
	Country string   // ISO 3166-1 alpha-2; "" for transnational and generic actors
	Parent  string   // id of the institution this one belongs to, or ""
	Aliases []string // as written in the data file, without case markers
}

// Report converts the actor to the domain type; text is the mention as
// written in the report.
func (a *Actor) Report(text string) report.Actor {
	return report.Actor{Name: a.Name, ID: a.ID, Inter: a.Inter, Country: a.Country, Text: text, Kind: string(a.Kind)}
}

// Mention is one actor found in a text.
type Mention struct {
	Start, End int    // byte span in the text
	Text       string // text[Start:End]
	Actor      *Actor
	Via        string // ViaAlias, ViaDemonym, ViaPossessive, ViaTitle or ViaState
	// Modifier is the country (ISO alpha-2) of a demonym that qualified a
	// generic actor: "Mexican drug cartels" → "MX".
	Modifier string
	// Person is the office holder's name when one was matched ("Donald Trump").
	Person string
}

// Report converts the mention to the domain type, giving a generic actor
// the country of its demonym.
func (m Mention) Report() report.Actor {
	a := m.Actor.Report(m.Text)
	if a.Country == "" && m.Modifier != "" {
		a.Country = m.Modifier
	}
	return a
}

// Office is one dated office holder from titles.tsv.
type Office struct {
	Actor  string // the institution's id
	Person string // "Donald Trump"
	Role   string // "President"
	From   int    // first year in office
	To     int    // last year in office; 0 while in office
}

// Registry holds the actors and the indexes the matcher walks. It is not
// changed after Load, so one Registry may serve many goroutines.
type Registry struct {
	actors  []*Actor
	byID    map[string]*Actor
	offices []Office

	names      *trie // aliases, state names, offices and office holders
	demonyms   *trie // demonyms that precede a noun: "Mexican", "U.S."
	demonymsES *trie // Spanish demonyms that follow a noun: "mexicanas"
	nouns      *trie // institution nouns and titles: "officials", "gobierno"
	members    *trie // nouns that extend a group's name: "Taliban fighters"
	linkers    *trie // "of", "de", "del" between a noun and a state name

	vocab *wordid.Table // the ids of every word the tries hold
	// starts holds, by word id, the first words of names, demonyms and
	// nouns, the tries a reading can start in, so Find skips other words.
	starts []bool
}

// StateLevel returns the state-level actor a belongs to, for ACLED-style
// coding: a itself or the nearest parent that is a generated government,
// military or police actor ("us-africom" → "us-mil", "us-cia" → "us-gov").
// It returns false for actors outside any state (armed groups, coalitions,
// generic mentions).
func (r *Registry) StateLevel(a *Actor) (*Actor, bool) {
	for steps := 0; a != nil && steps < 16; steps++ {
		if a.Country != "" {
			for _, class := range []string{"government", "military", "police"} {
				if id, err := stateID(a.Country, class); err == nil && id == a.ID {
					return a, true
				}
			}
		}
		if a.Parent == "" {
			break
		}
		a = r.byID[a.Parent]
	}
	return nil, false
}

// Get returns the actor with the given id.
func (r *Registry) Get(id string) (*Actor, bool) {
	a, ok := r.byID[id]
	return a, ok
}

// Actors returns every actor, in data file order.
func (r *Registry) Actors() []*Actor { return r.actors }

// Offices returns the dated office holders.
func (r *Registry) Offices() []Office { return r.offices }

// StateActor returns the government, military or police actor of a state
// (class "government", "military" or "police").
func (r *Registry) StateActor(country, class string) (*Actor, bool) {
	var b [6]byte
	id, ok := appendStateID(b[:0], country, class)
	if !ok {
		return nil, false
	}
	a, ok := r.byID[string(id)]
	return a, ok
}

// stateID builds the id of a generated state actor: "us-gov".
func stateID(country, class string) (string, error) {
	var b [6]byte
	id, ok := appendStateID(b[:0], country, class)
	if !ok {
		return "", fmt.Errorf("state actor %q/%q: unknown class or country", country, class)
	}
	return string(id), nil
}

// appendStateID appends the id stateID builds to b; the matcher looks ids
// up this way, without building a string.
func appendStateID(b []byte, country, class string) ([]byte, bool) {
	var suffix string
	switch class {
	case "government":
		suffix = "gov"
	case "military":
		suffix = "mil"
	case "police":
		suffix = "pol"
	}
	if suffix == "" || len(country) != 2 {
		return b, false
	}
	for i := 0; i < 2; i++ {
		c := country[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	b = append(b, '-')
	return append(b, suffix...), true
}

// lowerASCII lower-cases ASCII letters.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Package report holds strikewatch's domain: reports, claims, events and
// stories, the stage ladder and the certainty scale. It does no I/O and
// imports only the standard library.
package report

import "fmt"

// Stage is a claim's place on the status ladder (SPEC.md, "Stages").
type Stage string

// The stage ladder, lowest to highest, then the two off-ladder stages.
const (
	Discussed  Stage = "discussed"
	Threatened Stage = "threatened"
	Proposed   Stage = "proposed"
	Authorized Stage = "authorized"
	Conducted  Stage = "conducted"
	Denied     Stage = "denied"
	CalledOff  Stage = "called_off"
)

// Stages lists every stage in ladder order.
var Stages = []Stage{Discussed, Threatened, Proposed, Authorized, Conducted, Denied, CalledOff}

// Rank orders stages on the ladder; denied and called_off rank 0 because
// they do not move a story up.
func (s Stage) Rank() int {
	switch s {
	case Discussed:
		return 1
	case Threatened:
		return 2
	case Proposed:
		return 3
	case Authorized:
		return 4
	case Conducted:
		return 5
	}
	return 0
}

// Valid reports whether s is one of the SPEC stages.
func (s Stage) Valid() bool { return s.Rank() > 0 || s == Denied || s == CalledOff }

// Certainty says how firmly a report states a claim.
type Certainty string

// The certainty scale.
const (
	Asserted     Certainty = "asserted"
	Hedged       Certainty = "hedged"
	Negated      Certainty = "negated"
	Hypothetical Certainty = "hypothetical"
)

// Precision of a location (SPEC: geo_precision).
const (
	PrecisionExact   = 1 // the place itself
	PrecisionNear    = 2 // near or part of a district
	PrecisionRegion  = 3 // province or region
	PrecisionCountry = 4 // country only
)

// Span is a byte range [Start, End) in a report's cleaned text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Evidence points at the text a field came from and quotes its sentence.
type Evidence struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence string `json:"sentence"`
}

// Actor is a party to a claim, resolved against the actor registry.
type Actor struct {
	Name    string `json:"name"`
	ID      string `json:"id"`
	Inter   int    `json:"inter"`   // ACLED interaction code (1 state forces … 8 external/other forces; 0 unknown)
	Country string `json:"country"` // ISO 3166-1 alpha-2, "" for transnational groups
	Text    string `json:"text"`    // as written in the report
	// Kind is the registry's kind ("government", "military", "cartel",
	// "generic", …), "" when unknown; clustering keys stories by it.
	Kind string `json:"kind,omitempty"`
}

// Location is where a claim's action happened (or a dateline place).
type Location struct {
	Name         string  `json:"name"`
	GeonamesID   int     `json:"geonames_id"`
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	Country      string  `json:"country"`
	Admin1       *string `json:"admin1"`
	Admin2       *string `json:"admin2"`
	GeoPrecision int     `json:"geo_precision"`
}

// Place is one resolved place mention in a report's text.
type Place struct {
	Text       string  `json:"text"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Name       string  `json:"name"`
	GeonamesID int     `json:"geonames_id"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Country    string  `json:"country"`
	Admin1     string  `json:"admin1,omitempty"`
	Admin2     string  `json:"admin2,omitempty"`
	Feature    string  `json:"feature"` // country, admin1, admin2, city, village; continent, region (seas, areas such as Darfur)
	Population int     `json:"population,omitempty"`
}

// Location turns a place into a claim location with its precision.
func (p Place) Location() Location {
	l := Location{Name: p.Name, GeonamesID: p.GeonamesID, Lat: p.Lat, Lon: p.Lon, Country: p.Country, GeoPrecision: p.Precision()}
	if p.Admin1 != "" || p.Admin2 != "" {
		as := &[2]string{p.Admin1, p.Admin2} // one allocation for both
		if p.Admin1 != "" {
			l.Admin1 = &as[0]
		}
		if p.Admin2 != "" {
			l.Admin2 = &as[1]
		}
	}
	return l
}

// Precision is the GeoPrecision of the place's Location, without building it.
func (p Place) Precision() int {
	switch p.Feature {
	case "country", "continent":
		return PrecisionCountry
	case "admin1", "region":
		return PrecisionRegion
	case "admin2":
		return PrecisionNear
	}
	return PrecisionExact
}

// Date is when a claim's action happened, as precisely as the text says.
type Date struct {
	Start         *string `json:"start"` // YYYY-MM-DD
	End           *string `json:"end"`
	TimePrecision string  `json:"time_precision"` // day, week, month, year, unknown
}

// Fatalities counts the dead; nil means the text does not say (never 0).
type Fatalities struct {
	Min          *int `json:"min"`
	Max          *int `json:"max"`
	CiviliansMin *int `json:"civilians_min"`
	CiviliansMax *int `json:"civilians_max"`
}

// Source kinds.
const (
	SourceNamedOfficial     = "named_official"
	SourceAnonymousOfficial = "anonymous_official"
	SourceOutlet            = "outlet"
	SourceWitness           = "witness"
	SourceOrganization      = "organization"
	SourceStatement         = "statement"
)

// Source is who a claim rests on.
type Source struct {
	Kind        string  `json:"kind"`
	Count       *int    `json:"count"`
	Affiliation *string `json:"affiliation"`
	Name        *string `json:"name"`
	Outlet      *string `json:"outlet"`
	Text        string  `json:"text,omitempty"`
}

// Claim is one event as one report states it.
type Claim struct {
	EventType    string                `json:"event_type"`
	SubEventType string                `json:"sub_event_type"`
	Action       string                `json:"action"`
	Stage        Stage                 `json:"stage"`
	Certainty    Certainty             `json:"certainty"`
	Actor1       *Actor                `json:"actor1"`
	Actor2       *Actor                `json:"actor2"`
	AssocActors  []Actor               `json:"assoc_actors"`
	Location     *Location             `json:"location"`
	Date         Date                  `json:"date"`
	Fatalities   Fatalities            `json:"fatalities"`
	Injured      *int                  `json:"injured,omitempty"`
	Arrested     *int                  `json:"arrested,omitempty"`
	Sources      []Source              `json:"sources"`
	HostConsent  string                `json:"host_consent,omitempty"` // for cross-border action: granted, requested, refused, unilateral, undecided
	Evidence     map[string][]Evidence `json:"evidence"`
	Confidence   float64               `json:"confidence"`
}

// DroppedParagraph records a paragraph removed as a repeat of an earlier one.
type DroppedParagraph struct {
	Index       int    `json:"index"`
	DuplicateOf int    `json:"duplicate_of"`
	Text        string `json:"text,omitempty"`
}

// Dateline is where (and sometimes when) the reporter filed from.
type Dateline struct {
	Text     string    `json:"text"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Date     *string   `json:"date,omitempty"`
	Wire     string    `json:"wire,omitempty"`
	Location *Location `json:"location"`
}

// Report is one ingested document with its cleaned text.
type Report struct {
	ID                string             `json:"id"`
	URL               *string            `json:"url"`
	Outlet            *string            `json:"outlet"`
	Title             *string            `json:"title"`
	Published         *string            `json:"published"`
	Language          string             `json:"language"`
	Dateline          *Dateline          `json:"dateline"`
	DroppedParagraphs []DroppedParagraph `json:"dropped_paragraphs"`
	Places            []Place            `json:"places"`
	Warnings          []string           `json:"warnings,omitempty"`
	CopyOf            *string            `json:"copy_of,omitempty"`
	Text              string             `json:"text"`
}

// Extraction is what extract prints: a report and its claims.
type Extraction struct {
	Report Report  `json:"report"`
	Claims []Claim `json:"claims"`
}

// ErrInvalid marks bad input from outside; callers map it to exit codes or HTTP 400.
type ErrInvalid struct {
	Input  string
	Reason string
}

func (e *ErrInvalid) Error() string { return fmt.Sprintf("%s: %s", e.Input, e.Reason) }

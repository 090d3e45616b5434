// Package extract turns a cleaned, annotated report into claims: who did (or
// may do) what to whom, where, when, at what stage and certainty, according
// to whom — every field with evidence offsets into the report text.
//
// It is pure: the caller (internal/pipeline) cleans the text and annotates it
// with actor and place mentions; the cue words live in data files under
// lexicon/, one folder per language.
package extract

import (
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/segment"
)

// ActorSpan is an actor mention found by the actor registry.
type ActorSpan struct {
	Start, End int
	Actor      report.Actor
	Kind       string // registry kind: state, government, military, agency, armed_group, cartel, generic, ...
	Via        string // alias, demonym, possessive, title, state
}

// Doc is a cleaned report with its annotations.
type Doc struct {
	Text      string
	Lower     string // Text with ASCII capitals lowered (ascii.Lower), or "" to make it here
	Lang      string // "en", "es"
	Sentences []segment.Sentence
	Actors    []ActorSpan
	Places    []report.Place
	Dateline  *report.Dateline
	// DatelineCountry is the country the reporter filed from: a claim with
	// no place at all is located there, at country precision only.
	DatelineCountry *report.Place
	// CountryPlace looks up a country by ISO code (the gazetteer's); may be nil.
	CountryPlace func(code string) (report.Place, bool)
	Ref          time.Time // reference date for relative expressions
	HasRef       bool
	Outlet       string // the report's outlet, if known
}

// isCivilianActor reports whether an actor stands for civilians.
func isCivilianActor(a report.Actor) bool { return a.Inter == 7 }

// armedKinds can initiate force.
func canInitiate(k string, a report.Actor) bool {
	if isCivilianActor(a) {
		return false
	}
	switch k {
	case "state", "government", "military", "police", "agency", "coalition", "armed_group", "cartel", "militia", "rebel":
		return true
	}
	return a.Inter >= 1 && a.Inter <= 4 || a.Inter == 8
}

func lowerTok(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‘") {
		s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	}
	return s
}

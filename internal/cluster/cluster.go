// Package cluster groups claims into events (one real-world event, however
// many reports state it) and stories (a thread of claims with one initiator,
// target and kind of action, climbing the stage ladder over time).
//
// It is pure logic over the domain types in internal/report: no I/O, no
// database. The store calls it inside its transaction: Match to decide
// whether a claim belongs to a candidate event, Merge to recompute the event
// from its claims, StoryKey and BuildStory for stories, Escalations to tell
// which stage steps a new report added.
package cluster

import (
	"strings"

	"github.com/strikewatch/strikewatch/internal/report"
)

// ReportMeta is what clustering needs to know about a claim's report.
type ReportMeta struct {
	ID        string
	URL       *string
	Outlet    *string
	Published *string // YYYY-MM-DD
	CopyOf    *string // set when the report is a syndicated copy of another
}

// isCopy reports whether the report is a syndicated copy; copies never count
// as independent sources and never raise a stage on their own.
func (m ReportMeta) isCopy() bool { return m.CopyOf != nil && *m.CopyOf != "" }

// Action classes: coarse kinds of action, used to find candidate events and
// to key stories. An air strike and a drone strike are one class because
// reports disagree on the platform ("a drone/helicopter strike").
const (
	ClassStrike      = "strike"      // air, drone and missile strikes, bombing from the air
	ClassShelling    = "shelling"    // artillery, mortar and rocket fire from the ground
	ClassRaid        = "raid"        // ground raids and security operations
	ClassArrest      = "arrest"      // arrests, detentions, captures
	ClassDesignation = "designation" // terrorist designations
	ClassSanctions   = "sanctions"
	ClassDeployment  = "deployment" // troops, ships or aircraft sent
	ClassAttack      = "attack"     // armed clashes, attacks, bombings on the ground
)

// ActionClass maps a claim's action word to its coarse class, for candidate
// lookup and story keys. Unknown actions map to their own lower-cased,
// trimmed form, so that two unknown but equal actions still match; "" stays "".
func ActionClass(action string) string {
	a := strings.ToLower(strings.TrimSpace(action))
	if a == "" {
		return ""
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(a, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("shell", "artillery", "mortar", "rocket", "bombardeo de artiller"):
		return ClassShelling
	case has("strike", "airstrike", "air raid", "bombing", "bombard", "missile", "drone", "ataque aéreo", "ataque con dron", "bombardeo"):
		return ClassStrike
	case has("raid", "operation", "incursion", "assault", "operativo", "redada"):
		return ClassRaid
	case has("arrest", "detain", "detention", "capture", "apprehen", "detenci", "captur", "arresto"):
		return ClassArrest
	case has("designat", "terrorist list", "designaci"):
		return ClassDesignation
	case has("sanction", "sanci"):
		return ClassSanctions
	case has("deploy", "despliegue"):
		return ClassDeployment
	case has("attack", "clash", "ambush", "firefight", "ataque", "enfrentamiento", "emboscada"):
		return ClassAttack
	}
	return a
}

// subEventClass gives a class from ACLED's sub-event type when a claim has
// no action word.
func subEventClass(sub string) string {
	switch sub {
	case "Air/drone strike":
		return ClassStrike
	case "Shelling/artillery/missile attack":
		return ClassShelling
	case "Arrests":
		return ClassArrest
	case "Armed clash", "Attack":
		return ClassAttack
	}
	return ""
}

// ClaimClass is the class Match compares a claim or event by: that of its
// action, else of its ACLED sub-event type; "" when neither gives one, and
// then Match accepts no event, so a store need not look for candidates.
func ClaimClass(action, subEventType string) string { return claimClass(action, subEventType) }

// claimClass is the class of a claim: from its action, else its sub-event type.
func claimClass(action, subEventType string) string {
	if c := ActionClass(action); c != "" {
		return c
	}
	return subEventClass(subEventType)
}

// Registry kinds (internal/actors) that clustering reads from report.Actor.Kind.
const (
	kindGeneric = "generic"
	kindCartel  = "cartel"
)

// isStateKind reports whether a registry kind stands for a state.
func isStateKind(k string) bool {
	switch k {
	case "state", "government", "military", "police", "agency":
		return true
	}
	return false
}

// isGeneric reports whether an actor is unknown or only a generic mention
// ("militants", "drug cartels"): such an actor is compatible with any other.
// It reads the registry kind; lacking one, the registry's generic ids.
func isGeneric(a *report.Actor) bool {
	if a == nil || a.ID == "" {
		return true
	}
	if a.Kind != "" {
		return a.Kind == kindGeneric
	}
	id := strings.ToLower(a.ID)
	if strings.HasPrefix(id, "generic") {
		return true
	}
	switch id {
	case "drug-cartels", "gangs", "unidentified-armed-group", "militants", "civilians",
		"protesters", "rioters", "military-forces", "security-forces", "police-forces",
		"insurgents", "terrorists", "gunmen", "rebels", "soldiers", "troops", "unknown":
		return true
	}
	return false
}

// isState reports whether an actor stands for a state: its government,
// armed forces or agencies. They are one party for matching and stories,
// since reports name the same strike as "U.S.", "the Pentagon" or "the CIA".
func isState(a *report.Actor) bool {
	if a == nil || a.Country == "" || isGeneric(a) {
		return false
	}
	if a.Kind != "" {
		return isStateKind(a.Kind)
	}
	return a.Inter == 1 || a.Inter == 8
}

// isCriminal reports whether an actor is a cartel or gang, specific or
// generic. It reads the registry kind; lacking one, an id naming a cartel or
// gang, or the registry's convention of coding organised crime in the
// Americas as political militias (ACLED inter 3).
func isCriminal(a *report.Actor) bool {
	if a == nil || a.ID == "" {
		return false
	}
	id := strings.ToLower(a.ID)
	if a.Kind != "" {
		return a.Kind == kindCartel || a.Kind == kindGeneric && (strings.Contains(id, "cartel") || strings.Contains(id, "gang"))
	}
	if strings.Contains(id, "cartel") || strings.Contains(id, "gang") {
		return true
	}
	return a.Inter == 3 && americas(a.Country)
}

// americas reports whether a country code is in the Americas, where
// organised crime is the usual inter-3 actor.
func americas(cc string) bool {
	switch cc {
	case "MX", "US", "CA", "GT", "BZ", "SV", "HN", "NI", "CR", "PA", "CU", "HT", "DO", "JM", "TT",
		"PR", "CO", "VE", "EC", "PE", "BO", "BR", "PY", "UY", "AR", "CL", "GY", "SR":
		return true
	}
	return false
}

// actorKey is the identity two actors must share to be one party: the state
// for state actors, the id for others, and the id with its country for a
// generic mention qualified by a demonym ("Mexican drug cartels" → MX).
func actorKey(a *report.Actor) string {
	switch {
	case a == nil || a.ID == "":
		return ""
	case isState(a):
		return "state:" + a.Country
	case isGeneric(a):
		return a.ID + "@" + a.Country
	}
	return a.ID
}

// actorsAgree compares one side of a claim with one side of an event:
// conflict when both are specific and differ (or generic mentions of
// different countries), same when both are specific and equal.
func actorsAgree(a, b *report.Actor) (same, conflict bool) {
	if a == nil || b == nil || a.ID == "" || b.ID == "" {
		return false, false
	}
	ga, gb := isGeneric(a), isGeneric(b)
	if ga || gb {
		// A generic mention qualified by a country conflicts with an
		// actor of another country ("Mexican cartels" vs "Tren de Aragua").
		if a.Country != "" && b.Country != "" && a.Country != b.Country && (ga && gb || !isState(a) && !isState(b)) {
			return false, true
		}
		return false, false
	}
	ka, kb := actorKey(a), actorKey(b)
	return ka == kb, ka != kb
}

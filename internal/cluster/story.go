package cluster

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/strikewatch/strikewatch/internal/report"
)

// TargetCartels is the story target key of every cartel and gang, specific
// or generic, whatever its country.
//
// The design question of STORY.md (Caribbean boat strikes vs the Mexico
// discussion: one story or linked ones) is decided here: one story. The
// policy that moved — the designation of cartels as terrorist organisations
// and the directive to use force against them "at sea and on foreign soil" —
// names a class of groups, not one country's, and the user following the seed
// wants one thread climbing threatened → authorized → conducted. The theatre
// stays visible: each history step carries its report and evidence, and the
// host state's refusal (Mexico) is the story's consent; strikes in Mexico are
// never recorded as conducted because no claim says so. Stories with the same
// initiator and target but another action class (the designation itself,
// raids, sanctions) are linked through Related, by RelatedKey.
const TargetCartels = "cartels"

// keySep separates the parts of a story key.
const keySep = "|"

// StoryKey returns the key of the story a claim belongs to —
// initiator|target|action class — and false when the claim cannot be part of
// a story: no known initiator, no target, or no action.
//
// States are keyed by country (the government, its military and agencies
// are one initiator); cartels and gangs by TargetCartels; other generic
// targets ("militants") by their id and country, taken from the claim's
// location when the mention has none; specific actors by id.
func StoryKey(c report.Claim) (key string, ok bool) {
	class := claimClass(c.Action, c.SubEventType)
	if class == "" {
		return "", false
	}
	ini := c.Actor1
	if ini == nil || isGeneric(ini) {
		return "", false
	}
	tgt := targetKey(c.Actor2, c.Location)
	if tgt == "" {
		return "", false
	}
	return actorKey(ini) + keySep + tgt + keySep + class, true
}

func targetKey(a *report.Actor, loc *report.Location) string {
	switch {
	case a == nil || a.ID == "":
		return ""
	case isCriminal(a):
		return TargetCartels
	case isGeneric(a):
		country := a.Country
		if country == "" && loc != nil {
			country = loc.Country
		}
		if country == "" {
			return "" // "militants" anywhere is no thread
		}
		return a.ID + "@" + country
	}
	return actorKey(a)
}

// RelatedKey returns the part of a story key that linked stories share:
// initiator and target. The store fills Story.Related with the ids of the
// other stories whose keys have the same RelatedKey.
func RelatedKey(key string) string {
	if i := strings.LastIndex(key, keySep); i >= 0 {
		return key[:i]
	}
	return key
}

// StoryID derives a stable story id from its key, so that rebuilding a story
// or ingesting in another order gives the same id.
func StoryID(key string) string {
	h := sha256.Sum256([]byte(key))
	return "story-" + hex.EncodeToString(h[:8])
}

// dated is a claim with the date that orders it in a story.
type dated struct {
	c    report.StoredClaim
	date string // claim start date, else report publication date, else ""
	meta ReportMeta
}

// BuildStory builds a story from all the claims with one key.
//
//   - stage: the highest ladder stage credibly reported (asserted or hedged,
//     not negated, hypothetical or denied);
//   - history: in time order (claim date, else report publication date;
//     undated claims last), each step where the story first reached a
//     higher stage, and each denial or call-off (once per report);
//   - host consent: for action across a border (the location's country is
//     not the initiator's), the latest consent stated by any claim; "unknown"
//     when none is stated; "" when no claim crosses a border.
//
// Syndicated copies add no steps: the original report carries them.
func BuildStory(key string, claims []report.StoredClaim, reports map[string]ReportMeta) report.Story {
	st := report.Story{ID: StoryID(key), History: []report.StoryStep{}, Related: []string{}}
	if len(claims) == 0 {
		return st
	}
	ds := make([]dated, 0, len(claims))
	for _, c := range claims {
		m := reports[c.ReportID]
		d := ""
		if c.Date.Start != nil {
			d = *c.Date.Start
		} else if m.Published != nil {
			d = *m.Published
		}
		ds = append(ds, dated{c, d, m})
	}
	slices.SortStableFunc(ds, func(a, b dated) int {
		if (a.date == "") != (b.date == "") {
			if a.date == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(pubOf(reports, a.c.ReportID), pubOf(reports, b.c.ReportID)), cmp.Compare(a.c.ID, b.c.ID))
	})
	basis := make([]report.StoredClaim, 0, len(ds))
	for _, d := range ds {
		basis = append(basis, d.c)
	}
	st.Initiator = pickActor(basis, func(c report.StoredClaim) *report.Actor { return c.Actor1 })
	st.Target = pickActor(basis, func(c report.StoredClaim) *report.Actor { return c.Actor2 })
	st.Action = commonAction(basis)

	crossBorder := false
	rank := 0
	denied := map[string]bool{}
	for _, d := range ds {
		c := d.c
		if c.HostConsent != "" && c.HostConsent != report.ConsentUnknown {
			st.HostConsent = c.HostConsent // later claims overwrite: the latest stated
			crossBorder = true
		}
		if crosses(c.Claim) {
			crossBorder = true
		}
		if d.meta.isCopy() || !credible(c.Certainty) {
			continue
		}
		switch {
		case c.Stage.Rank() > rank:
			rank = c.Stage.Rank()
			st.Stage = c.Stage
			st.History = append(st.History, step(d))
		case c.Stage == report.Denied || c.Stage == report.CalledOff:
			k := string(c.Stage) + "\x00" + c.ReportID
			if !denied[k] {
				denied[k] = true
				st.History = append(st.History, step(d))
			}
		}
	}
	if st.Stage == "" {
		// Only denials or call-offs: the story stands at the first of them.
		for _, s := range st.History {
			st.Stage = s.Stage
			break
		}
	}
	if st.HostConsent == "" && crossBorder {
		st.HostConsent = report.ConsentUnknown
	}
	return st
}

// crosses reports whether a claim's action is in another country than its
// initiator's.
func crosses(c report.Claim) bool {
	return c.Actor1 != nil && c.Actor1.Country != "" && c.Location != nil && c.Location.Country != "" && c.Location.Country != c.Actor1.Country
}

func step(d dated) report.StoryStep {
	s := report.StoryStep{Stage: d.c.Stage, Certainty: d.c.Certainty, ReportID: d.c.ReportID, Evidence: []report.Evidence{}}
	if d.date != "" {
		x := d.date
		s.Date = &x
	}
	if d.meta.URL != nil {
		u := *d.meta.URL
		s.ReportURL = &u
	}
	if ev := d.c.Evidence["stage"]; len(ev) > 0 {
		s.Evidence = slices.Clone(ev)
	} else if ev := d.c.Evidence["action"]; len(ev) > 0 {
		s.Evidence = slices.Clone(ev)
	}
	return s
}

// commonAction is the most often stated action word, ties to the first.
func commonAction(cs []report.StoredClaim) string {
	n := map[string]int{}
	best := ""
	for _, c := range cs {
		a := strings.ToLower(strings.TrimSpace(c.Action))
		if a == "" {
			continue
		}
		n[a]++
		if best == "" || n[a] > n[best] {
			best = a
		}
	}
	return best
}

// Escalations returns the steps of after that moved the story above
// before's stage and were not in before's history, in time order. A story
// seen for the first time (before has no stage) escalates only beyond its
// first step: its first stage is news, not a move up the ladder.
func Escalations(before, after report.Story) []report.StoryStep {
	base := before.Stage.Rank()
	if before.Stage == "" {
		for _, s := range after.History {
			if s.Stage.Rank() > 0 {
				base = s.Stage.Rank()
				break
			}
		}
	}
	var out []report.StoryStep
	for _, s := range after.History {
		if s.Stage.Rank() <= base || hasStep(before.History, s) {
			continue
		}
		out = append(out, s)
	}
	return out
}

func hasStep(h []report.StoryStep, s report.StoryStep) bool {
	for _, x := range h {
		if x.Stage == s.Stage && x.ReportID == s.ReportID {
			return true
		}
	}
	return false
}

package pipeline

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/report"
)

func newPipeline(t testing.TB) *Pipeline {
	t.Helper()
	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSeedArticle checks what SPEC.md says the seed article must yield.
func TestSeedArticle(t *testing.T) {
	path, err := corpus.Path("corpus/seed/article.txt")
	if errors.Is(err, corpus.ErrNotFound) {
		t.Skipf("skipped: seed article not available: %v", err)
	}
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := newPipeline(t)
	ex, err := p.Process(context.Background(), Input{Name: path, Body: body, Format: "text"})
	if err != nil {
		t.Fatal(err)
	}
	rep := ex.Report

	// The repeated last paragraph is dropped and reported.
	if len(rep.DroppedParagraphs) != 1 || rep.DroppedParagraphs[0].Index != 5 || rep.DroppedParagraphs[0].DuplicateOf != 0 {
		t.Errorf("dropped paragraphs = %+v, want one: index 5, duplicate of 0", rep.DroppedParagraphs)
	}
	if strings.Count(rep.Text, "In a move that could mark") != 1 {
		t.Errorf("report text still holds the repeated paragraph")
	}
	if rep.URL != nil || rep.Published != nil {
		t.Errorf("url/published = %v/%v, want null (the text carries neither)", rep.URL, rep.Published)
	}
	// Dateline: Puerto Vallarta, Jalisco, Mexico.
	if rep.Dateline == nil || rep.Dateline.Location == nil {
		t.Fatalf("dateline = %+v, want Puerto Vallarta resolved", rep.Dateline)
	}
	dl := rep.Dateline.Location
	if dl.Name != "Puerto Vallarta" || dl.Country != "MX" || dl.Admin1 == nil || *dl.Admin1 != "Jalisco" {
		t.Errorf("dateline location = %s %s %v, want Puerto Vallarta MX Jalisco", dl.Name, dl.Country, strp(dl.Admin1))
	}

	var strikes []report.Claim
	for _, c := range ex.Claims {
		if c.SubEventType == "Air/drone strike" {
			strikes = append(strikes, c)
		}
		if c.Stage == report.Conducted {
			t.Errorf("claim %s/%s/%s: nothing was conducted", c.Action, c.Stage, c.Certainty)
		}
		if c.Stage == report.Authorized && c.Certainty != report.Negated {
			t.Errorf("authorized claim with certainty %s: no formal decisions have been made", c.Certainty)
		}
		if c.Stage == report.Proposed && c.Certainty != report.Negated {
			t.Errorf("proposed claim with certainty %s: the idea was not presented", c.Certainty)
		}
		if c.Fatalities.Min != nil || c.Fatalities.Max != nil {
			t.Errorf("fatalities %v: the article states none", *c.Fatalities.Min)
		}
		if c.Date.Start != nil || c.Date.TimePrecision != "unknown" {
			t.Errorf("date %v/%s, want unknown", strp(c.Date.Start), c.Date.TimePrecision)
		}
		if c.Location != nil && c.Location.Name == "Puerto Vallarta" {
			t.Errorf("claim located at the dateline place")
		}
	}
	if len(strikes) == 0 {
		t.Fatalf("no Air/drone strike claim; claims: %+v", ex.Claims)
	}
	main := strikes[0]
	if main.Stage != report.Discussed || main.Certainty != report.Asserted || main.Action != "drone strike" || main.EventType != "Explosions/Remote violence" {
		t.Errorf("main claim = %s %s/%s/%s/%s, want Explosions/Remote violence drone strike discussed/asserted", main.EventType, main.SubEventType, main.Action, main.Stage, main.Certainty)
	}
	if main.Actor1 == nil || main.Actor1.Country != "US" {
		t.Errorf("actor1 = %+v, want the U.S. government", main.Actor1)
	}
	if main.Actor2 == nil || main.Actor2.Country != "MX" || !strings.Contains(strings.ToLower(main.Actor2.Name+main.Actor2.Text), "cartel") {
		t.Errorf("actor2 = %+v, want Mexican drug cartels", main.Actor2)
	}
	if main.Location == nil || main.Location.Country != "MX" || main.Location.GeoPrecision != report.PrecisionCountry {
		t.Errorf("location = %+v, want Mexico at precision 4", main.Location)
	}
	var six bool
	for _, s := range main.Sources {
		if s.Kind == report.SourceAnonymousOfficial && s.Count != nil && *s.Count == 6 && s.Outlet != nil && *s.Outlet == "NBC News" {
			six = true
		}
	}
	if !six {
		t.Errorf("sources = %+v, want six anonymous officials cited by NBC News", main.Sources)
	}
	if !hasClaim(strikes, report.Authorized, report.Negated) {
		t.Errorf("want an authorized/negated claim (no formal decisions have been made); got %s", stages(strikes))
	}
	if !hasClaim(strikes, report.Proposed, report.Negated) {
		t.Errorf("want a proposed/negated claim (nor have officials presented the idea); got %s", stages(strikes))
	}
	if !hasClaim(strikes, report.Discussed, report.Hypothetical) {
		t.Errorf("want a discussed/hypothetical claim (unilateral strikes as a last resort); got %s", stages(strikes))
	}
	if main.HostConsent != report.ConsentUndecided {
		t.Errorf("host consent = %q, want undecided", main.HostConsent)
	}
	checkOffsets(t, rep.Text, ex.Claims)
}

func hasClaim(cs []report.Claim, st report.Stage, cert report.Certainty) bool {
	for _, c := range cs {
		if c.Stage == st && c.Certainty == cert {
			return true
		}
	}
	return false
}

func stages(cs []report.Claim) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, string(c.Stage)+"/"+string(c.Certainty))
	}
	return strings.Join(parts, ", ")
}

func strp(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// checkOffsets: every evidence span lies inside report.text and inside its
// quoted sentence.
func checkOffsets(t *testing.T, text string, cs []report.Claim) {
	t.Helper()
	for _, c := range cs {
		for field, evs := range c.Evidence {
			for _, e := range evs {
				if e.Start < 0 || e.End > len(text) || e.Start > e.End {
					t.Fatalf("%s evidence %d-%d outside text", field, e.Start, e.End)
				}
				ok := false
				for off := 0; ; {
					i := strings.Index(text[off:], e.Sentence)
					if i < 0 {
						break
					}
					if e.Start >= off+i && e.End <= off+i+len(e.Sentence) {
						ok = true
						break
					}
					off += i + 1
				}
				if !ok {
					t.Errorf("%s evidence %q (%d-%d) not inside its sentence %q", field, text[e.Start:e.End], e.Start, e.End, e.Sentence)
				}
			}
		}
	}
}

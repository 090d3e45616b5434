package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// wireBody is an article long enough for near-duplicate detection.
const wireBody = `A drone strike on a vehicle in the Shabwa province of Yemen killed four suspected members of al-Qaeda in the Arabian Peninsula on Tuesday, local officials and tribal elders said. The vehicle was travelling on a road between two villages east of the provincial capital when it was hit by two missiles shortly after dawn, according to a security official who spoke on condition of anonymity because he was not authorised to brief reporters. Residents said the bodies were burned beyond recognition and that a second car nearby was damaged. The United States military did not immediately comment on the strike, which would be the third in the province this month. Yemen's government has previously allowed such operations against the group, which it regards as a threat to the country's stability and to international shipping.`

// strikeReport is a report of the Shabwa strike from one outlet.
func strikeReport(text, outlet, url string) report.Extraction {
	r := newReport(text)
	r.Outlet, r.URL, r.Published = ptr(outlet), ptr(url), ptr("2024-03-06")
	c := strikeClaim("YE", 14.53, 46.83, "2024-03-05")
	c.Actor2 = &report.Actor{Name: "AQAP", ID: "aqap", Inter: 2, Text: "al-Qaeda in the Arabian Peninsula"}
	c.Location.GeoPrecision = report.PrecisionRegion
	c.Location.Admin1 = ptr("Shabwah")
	c.Fatalities = report.Fatalities{Min: ptr(4), Max: ptr(4)}
	return report.Extraction{Report: r, Claims: []report.Claim{c}}
}

// eventOf returns the event a report's only claim was put in.
func eventOf(t *testing.T, s store.Store, res store.AddResult) report.Event {
	t.Helper()
	if len(res.EventIDs) != 1 {
		t.Fatalf("report %s: events %v, want exactly one", res.ReportID, res.EventIDs)
	}
	ev, claims, err := s.Event(context.Background(), res.EventIDs[0])
	if err != nil {
		t.Fatalf("Event(%s): %v", res.EventIDs[0], err)
	}
	for _, c := range claims {
		if c.EventID != ev.ID {
			t.Errorf("event %s lists claim %s of event %q", ev.ID, c.ID, c.EventID)
		}
	}
	if len(claims) != ev.ClaimCount {
		t.Errorf("event %s: %d claims, claim count %d", ev.ID, len(claims), ev.ClaimCount)
	}
	return ev
}

func testCopies(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	orig := mustAdd(t, s, strikeReport("ADEN, Yemen (Reuters) -\n\n"+wireBody+"\n\nReporting by A. Writer; editing by B. Editor", "Reuters", "https://wire.example/strike"))
	if orig.CopyOf != nil {
		t.Fatalf("original marked as a copy of %s", *orig.CopyOf)
	}
	before := eventOf(t, s, orig)
	if before.IndependentSources != 1 {
		t.Fatalf("one report: independent sources %d, want 1", before.IndependentSources)
	}

	// The same wire story republished with another header and byline.
	cp := mustAdd(t, s, strikeReport("Yemen: drone strike kills four\nBy Staff Writer\n\n"+wireBody+"\n\n(Reuters)", "Daily Example", "https://daily.example/yemen-strike"))
	if cp.CopyOf == nil || *cp.CopyOf != orig.ReportID {
		t.Fatalf("syndicated copy: CopyOf = %v, want %s", cp.CopyOf, orig.ReportID)
	}
	got, _, err := s.Report(ctx, cp.ReportID)
	if err != nil {
		t.Fatal(err)
	}
	if got.CopyOf == nil || *got.CopyOf != orig.ReportID {
		t.Errorf("stored copy: CopyOf = %v, want %s", got.CopyOf, orig.ReportID)
	}
	after := eventOf(t, s, cp)
	if after.ID != before.ID {
		t.Errorf("copy's claim went to event %s, want the original's %s", after.ID, before.ID)
	}
	if after.IndependentSources != before.IndependentSources {
		t.Errorf("independent sources after a copy = %d, want unchanged %d", after.IndependentSources, before.IndependentSources)
	}
	if !slices.Contains(after.ReportIDs, cp.ReportID) || !slices.Contains(after.ReportIDs, orig.ReportID) {
		t.Errorf("event reports %v, want both the original and the copy", after.ReportIDs)
	}

	// A copy of the copy points at the original.
	cp2 := mustAdd(t, s, strikeReport("Another Site\n\n"+wireBody+"\n\nCopyright Another Site", "Another Site", "https://another.example/1"))
	if cp2.CopyOf == nil || *cp2.CopyOf != orig.ReportID {
		t.Errorf("copy of a copy: CopyOf = %v, want the original %s", cp2.CopyOf, orig.ReportID)
	}

	// A report of its own on the same strike is an independent source.
	own := mustAdd(t, s, strikeReport("SANAA (Example Press) — Four men said to belong to AQAP died when missiles struck their car in Shabwa on Tuesday, "+
		"a provincial official told Example Press, adding that the strike was carried out by an American drone.", "Example Press", "https://press.example/a"))
	if own.CopyOf != nil {
		t.Fatalf("independent report marked a copy of %s", *own.CopyOf)
	}
	ind := eventOf(t, s, own)
	if ind.ID != before.ID {
		t.Fatalf("independent report of the same strike: event %s, want %s", ind.ID, before.ID)
	}
	if ind.IndependentSources != 2 {
		t.Errorf("independent sources with a second outlet = %d, want 2", ind.IndependentSources)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Copies != 2 || st.Reports != 4 || st.Events != 1 {
		t.Errorf("stats = %+v, want 4 reports, 2 copies, 1 event", st)
	}
	two, err := s.Events(ctx, store.Filter{MinSources: 2})
	if err != nil || len(two.Items) != 1 {
		t.Errorf("events with ≥2 sources = %v, %v; want the one event", two.Items, err)
	}
	three, err := s.Events(ctx, store.Filter{MinSources: 3})
	if err != nil || len(three.Items) != 0 {
		t.Errorf("events with ≥3 sources = %v, %v; want none", three.Items, err)
	}
	// Same URL, changed text: a new version, not a copy.
	v2 := strikeReport("ADEN, Yemen (Reuters) -\n\n"+wireBody+" Updated with a statement from the U.S. Central Command.", "Reuters", "https://wire.example/strike")
	res := mustAdd(t, s, v2)
	if res.PrevVersion == nil || *res.PrevVersion != orig.ReportID || res.CopyOf != nil {
		t.Errorf("new version = PrevVersion %v CopyOf %v, want PrevVersion %s and no copy", res.PrevVersion, res.CopyOf, orig.ReportID)
	}
}

func testEvents(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	a := mustAdd(t, s, strikeReport("Report A of the Shabwa strike, from the first outlet, in its own words about the four killed.", "Outlet A", "https://a.example/1"))
	b := mustAdd(t, s, strikeReport("Report B of the Shabwa strike, from the second outlet, quoting tribal elders on the toll.", "Outlet B", "https://b.example/1"))
	evA, evB := eventOf(t, s, a), eventOf(t, s, b)
	if evA.ID != evB.ID {
		t.Fatalf("two reports of one strike: events %s and %s, want one", evA.ID, evB.ID)
	}
	if evB.ClaimCount != 2 || len(evB.ReportIDs) != 2 || evB.IndependentSources != 2 {
		t.Errorf("merged event = %d claims, reports %v, %d sources; want 2, both, 2", evB.ClaimCount, evB.ReportIDs, evB.IndependentSources)
	}
	// Another strike a month later in another country stays apart.
	far := strikeReport("Report C of a strike in Somalia a month later, about other people entirely.", "Outlet C", "https://c.example/1")
	c := &far.Claims[0]
	c.Location = &report.Location{Name: "Jilib", GeonamesID: 2, Lat: 0.49, Lon: 42.77, Country: "SO", GeoPrecision: report.PrecisionExact}
	c.Date = report.Date{Start: ptr("2024-04-10"), End: ptr("2024-04-10"), TimePrecision: "day"}
	c.Actor2 = &report.Actor{Name: "Al Shabaab", ID: "al-shabaab", Inter: 2}
	res := mustAdd(t, s, far)
	evC := eventOf(t, s, res)
	if evC.ID == evA.ID {
		t.Fatalf("strike in Somalia merged into the Yemen event %s", evA.ID)
	}
	cases := []struct {
		name string
		f    store.Filter
		want []string
	}{
		{"all", store.Filter{}, []string{evC.ID, evA.ID}},
		{"country", store.Filter{Country: "SO"}, []string{evC.ID}},
		{"actor", store.Filter{ActorID: "aqap"}, []string{evA.ID}},
		{"stage", store.Filter{Stage: report.Conducted}, []string{evC.ID, evA.ID}},
		{"other stage", store.Filter{Stage: report.Discussed}, nil},
		{"sub-event type", store.Filter{SubEventType: "Air/drone strike"}, []string{evC.ID, evA.ID}},
		{"date range", store.Filter{From: "2024-03-01", To: "2024-03-31"}, []string{evA.ID}},
		{"bbox", store.Filter{BBox: &store.BBox{MinLon: 40, MinLat: -2, MaxLon: 45, MaxLat: 3}}, []string{evC.ID}},
		{"min sources", store.Filter{MinSources: 2}, []string{evA.ID}},
		{"text", store.Filter{Text: "Somalia"}, []string{evC.ID}},
		{"one per page", store.Filter{Limit: 1}, []string{evC.ID, evA.ID}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			evs := collect(t, tc.f, func(f store.Filter) (store.Page[report.Event], error) { return s.Events(ctx, f) })
			var got []string
			for _, e := range evs {
				got = append(got, e.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("events = %v, want %v (latest first)", got, tc.want)
			}
		})
	}
	// Claims know their event.
	_, claims, err := s.Report(ctx, a.ReportID)
	if err != nil || len(claims) != 1 || claims[0].EventID != evA.ID {
		t.Errorf("claim of report A: %+v, %v; want event %s", claims, err, evA.ID)
	}
}

// policyClaim is a claim of the United States moving against the cartels.
func policyClaim(stage report.Stage, cert report.Certainty, date, action string) report.Claim {
	c := report.Claim{
		EventType:    "Strategic developments",
		SubEventType: "Air/drone strike",
		Action:       action,
		Stage:        stage,
		Certainty:    cert,
		Actor1:       &report.Actor{Name: "Government of the United States", ID: "us-gov", Inter: 8, Country: "US", Text: "the administration"},
		Actor2:       &report.Actor{Name: "Mexican drug cartels", ID: "drug-cartels", Inter: 0, Country: "MX", Text: "cartels"},
		Location:     &report.Location{Name: "Mexico", GeonamesID: 3996063, Lat: 23, Lon: -102, Country: "MX", GeoPrecision: report.PrecisionCountry},
		Date:         report.Date{Start: ptr(date), End: ptr(date), TimePrecision: "day"},
		HostConsent:  report.ConsentRefused,
		Evidence:     map[string][]report.Evidence{"stage": {{Start: 0, End: 10, Sentence: string(stage) + " sentence"}}},
		Confidence:   0.7,
	}
	if stage == report.Conducted {
		c.EventType = "Explosions/Remote violence"
	}
	return c
}

func testStories(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	add := func(text, published string, claims ...report.Claim) store.AddResult {
		r := newReport(text)
		r.Published, r.URL, r.Outlet = ptr(published), ptr("https://news.example/"+published), ptr("Outlet "+published)
		return mustAdd(t, s, report.Extraction{Report: r, Claims: claims})
	}
	first := add("Officials are discussing drone strikes on cartels.", "2025-01-10", policyClaim(report.Discussed, report.Asserted, "2025-01-10", "drone strike"))
	if len(first.Escalations) != 0 {
		t.Errorf("a new story's first stage is not an escalation: got %+v", first.Escalations)
	}
	_, claims, err := s.Report(ctx, first.ReportID)
	if err != nil || len(claims) != 1 || claims[0].StoryID == "" {
		t.Fatalf("first claim: %+v, %v; want a story id", claims, err)
	}
	storyID := claims[0].StoryID
	// A hypothetical strike does not move the story.
	hyp := add("If carried out, strikes could hit labs.", "2025-01-20", policyClaim(report.Conducted, report.Hypothetical, "2025-01-20", "drone strike"))
	if len(hyp.Escalations) != 0 {
		t.Errorf("hypothetical claim escalated: %+v", hyp.Escalations)
	}
	auth := add("The president has authorized strikes, sources say.", "2025-02-01", policyClaim(report.Authorized, report.Hedged, "2025-02-01", "drone strike"))
	if len(auth.Escalations) != 1 || auth.Escalations[0].From != report.Discussed || auth.Escalations[0].To != report.Authorized || auth.Escalations[0].StoryID != storyID {
		t.Fatalf("authorization: escalations %+v, want one discussed → authorized on %s", auth.Escalations, storyID)
	}
	if e := auth.Escalations[0]; e.Step.ReportID != auth.ReportID || len(e.Step.Evidence) == 0 || e.Story.Stage != report.Authorized {
		t.Errorf("escalation step %+v story stage %s: want this report's evidence and stage authorized", e.Step, e.Story.Stage)
	}
	again := add("Sources repeat that strikes were authorized.", "2025-02-03", policyClaim(report.Authorized, report.Asserted, "2025-02-03", "drone strike"))
	if len(again.Escalations) != 0 {
		t.Errorf("a second report of the same stage escalated: %+v", again.Escalations)
	}
	struck := add("U.S. forces struck a cartel camp.", "2025-03-01", policyClaim(report.Conducted, report.Asserted, "2025-03-01", "drone strike"))
	if len(struck.Escalations) != 1 || struck.Escalations[0].To != report.Conducted {
		t.Fatalf("strike: escalations %+v, want one to conducted", struck.Escalations)
	}
	st, err := s.Story(ctx, storyID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Stage != report.Conducted || st.HostConsent != report.ConsentRefused {
		t.Errorf("story stage %s consent %s, want conducted, refused", st.Stage, st.HostConsent)
	}
	var steps []report.Stage
	for _, h := range st.History {
		steps = append(steps, h.Stage)
	}
	if want := []report.Stage{report.Discussed, report.Authorized, report.Conducted}; !slices.Equal(steps, want) {
		t.Errorf("history %v, want %v", steps, want)
	}
	// A related story: same initiator and target, another kind of action.
	des := add("The cartels were designated terrorist organisations.", "2025-01-05", policyClaim(report.Authorized, report.Asserted, "2025-01-05", "designation"))
	_, dc, err := s.Report(ctx, des.ReportID)
	if err != nil || len(dc) != 1 || dc[0].StoryID == "" || dc[0].StoryID == storyID {
		t.Fatalf("designation claim: %+v, %v; want a story of its own", dc, err)
	}
	st, err = s.Story(ctx, storyID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(st.Related, []string{dc[0].StoryID}) {
		t.Errorf("related = %v, want [%s]", st.Related, dc[0].StoryID)
	}
	cases := []struct {
		name string
		f    store.Filter
		want int
	}{
		{"all", store.Filter{}, 2},
		{"actor", store.Filter{ActorID: "us-gov"}, 2},
		{"other actor", store.Filter{ActorID: "aqap"}, 0},
		{"stage", store.Filter{Stage: report.Conducted}, 1},
		{"id", store.Filter{StoryID: storyID}, 1},
		{"country of claims", store.Filter{Country: "MX"}, 2},
		{"date of claims", store.Filter{From: "2025-02-15"}, 1},
		{"one per page", store.Filter{Limit: 1}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := collect(t, tc.f, func(f store.Filter) (store.Page[report.Story], error) { return s.Stories(ctx, f) })
			if len(got) != tc.want {
				t.Errorf("stories = %d, want %d", len(got), tc.want)
			}
		})
	}
	// Claims and events filter by story.
	sc := collect(t, store.Filter{StoryID: storyID}, func(f store.Filter) (store.Page[report.StoredClaim], error) { return s.Claims(ctx, f) })
	if len(sc) != 5 {
		t.Errorf("claims of the story = %d, want 5", len(sc))
	}
	for _, c := range sc {
		if c.StoryID != storyID {
			t.Errorf("claim %s of story %s listed for %s", c.ID, c.StoryID, storyID)
		}
	}
	if _, err := s.Story(ctx, "story-unknown"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown story: %v, want ErrNotFound", err)
	}
}

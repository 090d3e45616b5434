package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

const testToken = "s3cret-token"

// stubExtractor stands in for the pipeline in handler tests: it turns any
// text into a report with one discussed claim, and rejects the text "bad".
type stubExtractor struct{}

func (stubExtractor) Extract(_ context.Context, d Document) (report.Extraction, error) {
	if d.Text == "bad" {
		return report.Extraction{}, &report.ErrInvalid{Input: "api", Reason: "not a report"}
	}
	x := newDoc(d.Text, d.Published, d.Title)
	n := min(len(d.Text), 10)
	x.ex.Claims = append(x.ex.Claims, report.Claim{
		EventType: "Strategic developments", SubEventType: "Air/drone strike", Action: "drone strike",
		Stage: report.Discussed, Certainty: report.Asserted, Actor1: usGov, Actor2: cartels,
		Date:     report.Date{TimePrecision: "unknown"},
		Evidence: map[string][]report.Evidence{"stage": {{Start: 0, End: n, Sentence: d.Text[:n]}}},
	})
	return x.ex, nil
}

type testEnv struct {
	srv      *httptest.Server
	st       store.Store
	exs      []report.Extraction
	added    chan store.AddResult
	eventID  string // the conducted Lashkar Gah event
	storyID  string // the US → cartels story
	reportID string // the seed-like report
}

func newTestEnv(t *testing.T, token string) *testEnv {
	t.Helper()
	st := openStore(t)
	exs := seed(t, st)
	e := &testEnv{st: st, exs: exs, added: make(chan store.AddResult, 10), reportID: exs[0].Report.ID}
	s, err := New(Config{Store: st, Extractor: stubExtractor{}, Token: token, MaxBody: 1 << 10,
		OnAdd: func(r store.AddResult) { e.added <- r }})
	if err != nil {
		t.Fatal(err)
	}
	e.srv = httptest.NewServer(s)
	t.Cleanup(e.srv.Close)
	ctx := context.Background()
	_, claims, err := st.Report(ctx, exs[2].Report.ID)
	if err != nil || len(claims) == 0 || claims[0].EventID == "" {
		t.Fatalf("fixture claims: %+v, %v", claims, err)
	}
	e.eventID = claims[0].EventID
	_, claims, err = st.Report(ctx, exs[0].Report.ID)
	if err != nil || len(claims) == 0 || claims[0].StoryID == "" {
		t.Fatalf("fixture story: %+v, %v", claims, err)
	}
	e.storyID = claims[0].StoryID
	return e
}

type apiCase struct {
	name       string
	method     string
	path       string
	header     map[string]string
	body       string
	wantStatus int
	wantCode   string                          // error code for error statuses
	check      func(t *testing.T, body []byte) // optional
}

func (e *testEnv) do(t *testing.T, tc apiCase) (*http.Response, []byte) {
	t.Helper()
	method := tc.method
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequest(method, e.srv.URL+tc.path, strings.NewReader(tc.body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range tc.header {
		req.Header.Set(k, v)
	}
	res, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

func (e *testEnv) run(t *testing.T, cases []apiCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, body := e.do(t, tc)
			if res.StatusCode != tc.wantStatus {
				t.Fatalf("%s %s: got status %d, want %d; body %s", tc.method, tc.path, res.StatusCode, tc.wantStatus, body)
			}
			checkSecurityHeaders(t, res)
			if tc.wantCode != "" {
				var eb struct {
					Error struct{ Code, Message string }
				}
				if err := json.Unmarshal(body, &eb); err != nil {
					t.Fatalf("error body is not JSON: %s", body)
				}
				if eb.Error.Code != tc.wantCode || eb.Error.Message == "" {
					t.Errorf("error: got code %q message %q, want code %q and a message", eb.Error.Code, eb.Error.Message, tc.wantCode)
				}
			}
			if tc.check != nil {
				tc.check(t, body)
			}
		})
	}
}

func checkSecurityHeaders(t *testing.T, res *http.Response) {
	t.Helper()
	want := map[string]string{
		"Content-Security-Policy": ContentSecurityPolicy,
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	}
	for k, v := range want {
		if got := res.Header.Get(k); got != v {
			t.Errorf("header %s: got %q, want %q", k, got, v)
		}
	}
}

// items decodes a page and returns its items as raw JSON objects.
func items(t *testing.T, body []byte) []map[string]any {
	t.Helper()
	var p struct {
		Items []map[string]any `json:"items"`
		Next  string           `json:"next"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("not a page: %v: %s", err, body)
	}
	if p.Items == nil {
		t.Fatalf("page without items array: %s", body)
	}
	return p.Items
}

func wantItems(n int) func(*testing.T, []byte) {
	return func(t *testing.T, body []byte) {
		if got := len(items(t, body)); got != n {
			t.Errorf("got %d items, want %d: %s", got, n, body)
		}
	}
}

func wantField(path []string, want any) func(*testing.T, []byte) {
	return func(t *testing.T, body []byte) {
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatal(err)
		}
		for _, p := range path {
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q in %s", path, p, body)
			}
			v = m[p]
		}
		if fmt.Sprint(v) != fmt.Sprint(want) {
			t.Errorf("%v: got %v, want %v", path, v, want)
		}
	}
}

func TestReadRoutes(t *testing.T) {
	e := newTestEnv(t, testToken)
	e.run(t, []apiCase{
		{name: "reports", path: "/api/v1/reports", wantStatus: 200, check: wantItems(4)},
		{name: "reports paged", path: "/api/v1/reports?limit=1", wantStatus: 200, check: wantItems(1)},
		{name: "reports by date", path: "/api/v1/reports?from=2025-01-01", wantStatus: 200, check: wantItems(2)},
		{name: "report", path: "/api/v1/reports/" + e.reportID, wantStatus: 200, check: wantField([]string{"report", "id"}, e.reportID)},
		{name: "report unknown", path: "/api/v1/reports/nope", wantStatus: 404, wantCode: codeNotFound},
		{name: "report with query", path: "/api/v1/reports/" + e.reportID + "?x=1", wantStatus: 400, wantCode: codeInvalidParameter},
		{name: "claims", path: "/api/v1/claims", wantStatus: 200, check: wantItems(4)},
		{name: "claims by stage", path: "/api/v1/claims?stage=conducted", wantStatus: 200, check: wantItems(2)},
		{name: "claims by certainty", path: "/api/v1/claims?certainty=hedged", wantStatus: 200, check: wantItems(1)},
		{name: "claims by country", path: "/api/v1/claims?country=mx", wantStatus: 200, check: wantItems(2)},
		{name: "claims by actor", path: "/api/v1/claims?actor=taliban", wantStatus: 200, check: wantItems(2)},
		{name: "claims by story", path: "/api/v1/claims?story=" + e.storyID, wantStatus: 200, check: wantItems(2)},
		{name: "events", path: "/api/v1/events", wantStatus: 200},
		{name: "events in bbox", path: "/api/v1/events?bbox=60,30,70,35", wantStatus: 200, check: func(t *testing.T, b []byte) {
			for _, it := range items(t, b) {
				loc := it["location"].(map[string]any)
				if loc["country"] != "AF" {
					t.Errorf("event outside bbox: %v", loc)
				}
			}
			if len(items(t, b)) == 0 {
				t.Error("no events in the Afghanistan box")
			}
		}},
		{name: "events by sub-event type", path: "/api/v1/events?sub_event_type=Armed+clash", wantStatus: 200, check: wantItems(0)},
		{name: "events min sources", path: "/api/v1/events?min_sources=50", wantStatus: 200, check: wantItems(0)},
		{name: "event", path: "/api/v1/events/" + e.eventID, wantStatus: 200, check: wantField([]string{"event", "event_id"}, e.eventID)},
		{name: "event unknown", path: "/api/v1/events/nope", wantStatus: 404, wantCode: codeNotFound},
		{name: "stories", path: "/api/v1/stories", wantStatus: 200},
		{name: "story", path: "/api/v1/stories/" + e.storyID, wantStatus: 200, check: wantField([]string{"stage"}, "authorized")},
		{name: "story unknown", path: "/api/v1/stories/nope", wantStatus: 404, wantCode: codeNotFound},
		{name: "places", path: "/api/v1/places", wantStatus: 200, check: func(t *testing.T, b []byte) {
			if len(items(t, b)) < 2 {
				t.Errorf("want both places, got %s", b)
			}
		}},
		{name: "search", path: "/api/v1/search?q=directive", wantStatus: 200, check: wantItems(1)},
		{name: "search phrase", path: "/api/v1/search?q=%22air+weapons+team%22", wantStatus: 200, check: wantItems(1)},
		{name: "search no q", path: "/api/v1/search", wantStatus: 400, wantCode: codeInvalidParameter},
		{name: "search punctuation only", path: "/api/v1/search?q=%22%22", wantStatus: 400, wantCode: codeInvalidParameter},
		{name: "stats", path: "/api/v1/stats", wantStatus: 200, check: wantField([]string{"reports"}, 4)},
		{name: "timeline", path: "/api/v1/timeline", wantStatus: 200, check: func(t *testing.T, b []byte) {
			var tl Timeline
			if err := json.Unmarshal(b, &tl); err != nil {
				t.Fatal(err)
			}
			// The discussed claim has no date: it counts at its report's
			// publication date (Tuesday 2025-04-08 → week of Monday 2025-04-07).
			want := map[string]int{"2012-05-14": 1, "2012-05-28": 1, "2025-04-07": 1, "2025-08-04": 1}
			got := map[string]int{}
			for _, w := range tl.Weeks {
				got[w.Week] = w.Total
			}
			if fmt.Sprint(got) != fmt.Sprint(want) || tl.Undated != 0 {
				t.Errorf("weeks: got %v (undated %d), want %v", got, tl.Undated, want)
			}
		}},
		{name: "timeline filtered", path: "/api/v1/timeline?stage=conducted", wantStatus: 200, check: func(t *testing.T, b []byte) {
			var tl Timeline
			json.Unmarshal(b, &tl)
			if len(tl.Weeks) != 2 {
				t.Errorf("got %d weeks, want 2", len(tl.Weeks))
			}
		}},
		{name: "openapi", path: "/api/v1/openapi.json", wantStatus: 200, check: wantField([]string{"openapi"}, "3.1.0")},
		{name: "unknown api route", path: "/api/v1/nope", wantStatus: 404, wantCode: codeNotFound},
	})
}

func TestBadParameters(t *testing.T) {
	e := newTestEnv(t, testToken)
	var cases []apiCase
	for _, q := range []string{
		"stage=bogus", "certainty=sure", "country=MEX", "country=1x", "bbox=1,2,3", "bbox=a,b,c,d",
		"bbox=0,10,10,5", "bbox=-190,0,0,10", "from=2025-13-01", "to=yesterday", "from=2025-02-01&to=2025-01-01",
		"min_sources=-1", "min_sources=many", "limit=0", "limit=501", "limit=ten", "cursor=%%%garbage",
		"cursor=eyJsIjoicmVwb3J0cyIsInIiOjF9", // a valid cursor from another list
		"unknown=1", "stage=conducted&stage=authorized",
	} {
		cases = append(cases, apiCase{name: "events?" + q, path: "/api/v1/events?" + q, wantStatus: 400, wantCode: codeInvalidParameter})
	}
	for _, p := range []string{"/api/v1/reports", "/api/v1/claims", "/api/v1/stories", "/api/v1/places", "/api/v1/timeline", "/api/v1/export?format=jsonl"} {
		sep := "?"
		if strings.Contains(p, "?") {
			sep = "&"
		}
		cases = append(cases, apiCase{name: p + " bad stage", path: p + sep + "stage=nope", wantStatus: 400, wantCode: codeInvalidParameter})
	}
	cases = append(cases,
		apiCase{name: "export without format", path: "/api/v1/export", wantStatus: 400, wantCode: codeInvalidParameter},
		apiCase{name: "export bad format", path: "/api/v1/export?format=xlsx", wantStatus: 400, wantCode: codeInvalidParameter},
		apiCase{name: "export with limit", path: "/api/v1/export?format=jsonl&limit=5", wantStatus: 400, wantCode: codeInvalidParameter},
		apiCase{name: "stats with params", path: "/api/v1/stats?x=1", wantStatus: 400, wantCode: codeInvalidParameter},
	)
	e.run(t, cases)
}

func TestExportRoute(t *testing.T) {
	e := newTestEnv(t, testToken)
	tests := []struct {
		format, contentType, contains string
	}{
		{"acled-csv", "text/csv; charset=utf-8", "event_id_cnty,event_date,year"},
		{"geojson", "application/geo+json", `"type":"FeatureCollection"`},
		{"jsonl", "application/x-ndjson", `"event_id"`},
		{"atom", "application/atom+xml; charset=utf-8", `<feed xmlns="http://www.w3.org/2005/Atom">`},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			res, body := e.do(t, apiCase{path: "/api/v1/export?format=" + tc.format + "&country=AF"})
			if res.StatusCode != 200 {
				t.Fatalf("status %d: %s", res.StatusCode, body)
			}
			if got := res.Header.Get("Content-Type"); got != tc.contentType {
				t.Errorf("content type: got %q, want %q", got, tc.contentType)
			}
			if !strings.Contains(string(body), tc.contains) {
				t.Errorf("body lacks %q:\n%s", tc.contains, body)
			}
			if tc.format == "jsonl" {
				for _, line := range strings.Split(strings.TrimSpace(string(body)), "\n") {
					var ev report.Event
					if err := json.Unmarshal([]byte(line), &ev); err != nil || ev.Location == nil || ev.Location.Country != "AF" {
						t.Errorf("line %s: %v (want AF events only)", line, err)
					}
				}
			}
		})
	}
}

func TestPostReport(t *testing.T) {
	json := map[string]string{"Content-Type": "application/json"}
	auth := func(h map[string]string, tok string) map[string]string {
		out := map[string]string{"Authorization": "Bearer " + tok}
		for k, v := range h {
			out[k] = v
		}
		return out
	}
	body := `{"text": "Officials weigh new strikes on cartel camps near the border.", "published": "2025-05-01", "format": "text"}`

	t.Run("read-only server", func(t *testing.T) {
		e := newTestEnv(t, "")
		e.run(t, []apiCase{
			{name: "no token configured", method: "POST", path: "/api/v1/reports", header: auth(json, "anything"), body: body, wantStatus: 403, wantCode: codeWritesDisabled},
		})
	})

	e := newTestEnv(t, testToken)
	big := `{"text": "` + strings.Repeat("x", 2<<10) + `"}`
	e.run(t, []apiCase{
		{name: "missing token", method: "POST", path: "/api/v1/reports", header: json, body: body, wantStatus: 401, wantCode: codeUnauthorized},
		{name: "wrong token", method: "POST", path: "/api/v1/reports", header: auth(json, "guess"), body: body, wantStatus: 401, wantCode: codeUnauthorized},
		{name: "basic auth", method: "POST", path: "/api/v1/reports", header: map[string]string{"Authorization": "Basic " + testToken, "Content-Type": "application/json"}, body: body, wantStatus: 401, wantCode: codeUnauthorized},
		{name: "wrong content type", method: "POST", path: "/api/v1/reports", header: auth(map[string]string{"Content-Type": "text/plain"}, testToken), body: body, wantStatus: 415, wantCode: codeUnsupportedMedia},
		{name: "oversized", method: "POST", path: "/api/v1/reports", header: auth(json, testToken), body: big, wantStatus: 413, wantCode: codeTooLarge},
		{name: "not json", method: "POST", path: "/api/v1/reports", header: auth(json, testToken), body: "{text:", wantStatus: 400, wantCode: codeInvalidBody},
		{name: "unknown field", method: "POST", path: "/api/v1/reports", header: auth(json, testToken), body: `{"text":"a b c","body":"x"}`, wantStatus: 400, wantCode: codeInvalidBody},
		{name: "no text", method: "POST", path: "/api/v1/reports", header: auth(json, testToken), body: `{"url":"https://example.org"}`, wantStatus: 400, wantCode: codeInvalidBody},
		{name: "bad format", method: "POST", path: "/api/v1/reports", header: auth(json, testToken), body: `{"text":"abc","format":"pdf"}`, wantStatus: 400, wantCode: codeInvalidBody},
		{name: "bad date", method: "POST", path: "/api/v1/reports", header: auth(json, testToken), body: `{"text":"abc","published":"May 1"}`, wantStatus: 400, wantCode: codeInvalidBody},
		{name: "pipeline rejects", method: "POST", path: "/api/v1/reports", header: auth(json, testToken), body: `{"text":"bad"}`, wantStatus: 400, wantCode: codeInvalidReport},
		{name: "stored", method: "POST", path: "/api/v1/reports", header: auth(json, testToken), body: body, wantStatus: 201, check: wantField([]string{"new"}, true)},
		{name: "stored again", method: "POST", path: "/api/v1/reports", header: auth(json, testToken), body: body, wantStatus: 200, check: wantField([]string{"new"}, false)},
		{name: "visible", path: "/api/v1/search?q=border", wantStatus: 200, check: wantItems(1)},
	})
	select {
	case r := <-e.added:
		if r.ReportID == "" {
			t.Error("OnAdd got an empty result")
		}
	default:
		t.Error("OnAdd was not called after a stored report")
	}
}

func TestStaticPage(t *testing.T) {
	e := newTestEnv(t, "")
	tests := []struct {
		path, contentType, contains string
	}{
		{"/", "text/html; charset=utf-8", `<script src="/static/app.js" defer></script>`},
		{"/static/app.js", "text/javascript; charset=utf-8", "topoPaths"},
		{"/static/style.css", "text/css; charset=utf-8", "--conducted"},
		{"/static/vendor/countries-110m.json", "application/json", `"Topology"`},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			res, body := e.do(t, apiCase{path: tc.path})
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			checkSecurityHeaders(t, res)
			if got := res.Header.Get("Content-Type"); got != tc.contentType {
				t.Errorf("content type: got %q, want %q", got, tc.contentType)
			}
			if !strings.Contains(string(body), tc.contains) {
				t.Errorf("body lacks %q", tc.contains)
			}
		})
	}
	res, _ := e.do(t, apiCase{path: "/nothing-here"})
	if res.StatusCode != 404 {
		t.Errorf("unknown page: got %d, want 404", res.StatusCode)
	}
	checkSecurityHeaders(t, res)
}

// TestNoInlineScriptOrStyle guards the CSP: the page must work without
// 'unsafe-inline', so no inline handlers, scripts or style attributes.
func TestNoInlineScriptOrStyle(t *testing.T) {
	for _, name := range []string{"static/index.html", "static/app.js"} {
		b, err := staticFiles.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for _, bad := range []string{" onclick=", " onload=", " style=", "<style", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
		if name == "static/index.html" && strings.Count(s, "<script") != 1 {
			t.Errorf("index.html must load exactly one external script")
		}
	}
}

// TestRoutesMatchOpenAPI holds the OpenAPI document and the mux equal: every
// API route is documented, and every documented operation is routed.
func TestRoutesMatchOpenAPI(t *testing.T) {
	s, err := New(Config{Store: openStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	var routed []string
	for _, rt := range s.routes() {
		method, path, ok := strings.Cut(rt.pattern, " ")
		if !ok || !strings.HasPrefix(path, "/api/v1/") {
			continue // the page, its assets and the /api/ catch-all
		}
		routed = append(routed, method+" "+path)
	}
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi version %q, want 3.1.0", doc.OpenAPI)
	}
	var documented []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			documented = append(documented, strings.ToUpper(method)+" "+path)
			if op["operationId"] == nil || op["responses"] == nil {
				t.Errorf("%s %s: operation lacks operationId or responses", method, path)
			}
		}
	}
	slices.Sort(routed)
	slices.Sort(documented)
	for _, r := range routed {
		if !slices.Contains(documented, r) {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(routed, d) {
			t.Errorf("openapi.json documents %s, which is not routed", d)
		}
	}
	// Every $ref must resolve.
	var all map[string]any
	json.Unmarshal(openAPI, &all)
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok {
				node := any(all)
				for _, p := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
					m, _ := node.(map[string]any)
					node = m[p]
				}
				if node == nil {
					t.Errorf("unresolved $ref %s", ref)
				}
			}
			for _, v := range x {
				walk(v)
			}
		case []any:
			for _, v := range x {
				walk(v)
			}
		}
	}
	walk(all)
}

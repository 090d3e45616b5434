package web

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/export"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// pageOf returns a page with an empty list rather than null.
func pageOf[T any](p store.Page[T]) store.Page[T] {
	if p.Items == nil {
		p.Items = []T{}
	}
	return p
}

// list runs a store list method with the filter from the query. Answers
// are kept briefly (see memo), keyed by path and canonical query.
func list[T any](s *Server, w http.ResponseWriter, r *http.Request, fn func(context.Context, store.Filter) (store.Page[T], error)) error {
	q, err := query(r)
	if err != nil {
		return err
	}
	f, err := parseFilter(q, params(filterParams, pageParams))
	if err != nil {
		return err
	}
	body, err := s.lists.get(r.Context(), r.URL.Path+"?"+canonical(q), func(ctx context.Context) ([]byte, error) {
		p, err := fn(ctx, f)
		if err != nil {
			return nil, err
		}
		return json.Marshal(pageOf(p))
	})
	if err != nil {
		return err
	}
	writeBody(w, http.StatusOK, body)
	return nil
}

func (s *Server) listReports(w http.ResponseWriter, r *http.Request) error {
	return list(s, w, r, s.store.Reports)
}

func (s *Server) listClaims(w http.ResponseWriter, r *http.Request) error {
	return list(s, w, r, s.store.Claims)
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) error {
	return list(s, w, r, s.store.Events)
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) error {
	return list(s, w, r, s.store.Stories)
}

func (s *Server) listPlaces(w http.ResponseWriter, r *http.Request) error {
	return list(s, w, r, s.store.Places)
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r)
	if err != nil {
		return err
	}
	if strings.TrimSpace(q.Get("q")) == "" {
		return badParam("q is required: the words to search for")
	}
	return list(s, w, r, func(ctx context.Context, f store.Filter) (store.Page[store.ReportSummary], error) {
		text := f.Text
		f.Text = ""
		return s.store.Search(ctx, text, f)
	})
}

// noParams rejects any query parameter, for routes that take none.
func noParams(r *http.Request) error {
	q, err := query(r)
	if err != nil {
		return err
	}
	return checkParams(q, nil)
}

// pathID reads the {id} path segment.
func pathID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	if id == "" || len(id) > 200 {
		return "", badParam("id %q: want a non-empty id of at most 200 bytes", id)
	}
	return id, nil
}

func orEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func (s *Server) getReport(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rep, claims, err := s.store.Report(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"report": rep, "claims": orEmpty(claims)})
	return nil
}

func (s *Server) getEvent(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ev, claims, err := s.store.Event(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"event": ev, "claims": orEmpty(claims)})
	return nil
}

func (s *Server) getStory(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	st, err := s.store.Story(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// statsBody is Stats with JSON names.
type statsBody struct {
	Reports int `json:"reports"`
	Copies  int `json:"copies"`
	Claims  int `json:"claims"`
	Events  int `json:"events"`
	Stories int `json:"stories"`
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	st, err := s.store.Stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, statsBody{st.Reports, st.Copies, st.Claims, st.Events, st.Stories})
	return nil
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
	return nil
}

// ---- export ---------------------------------------------------------------

// pages walks every page of a list as a sequence; the first page is
// fetched by the caller so that a bad filter is still a clean 400.
func pages[T any](first store.Page[T], f store.Filter, next func(store.Filter) (store.Page[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		p := first
		for {
			for _, x := range p.Items {
				if !yield(x, nil) {
					return
				}
			}
			if p.Next == "" {
				return
			}
			f.Cursor = p.Next
			var err error
			if p, err = next(f); err != nil {
				var zero T
				yield(zero, err)
				return
			}
		}
	}
}

func (s *Server) export(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r)
	if err != nil {
		return err
	}
	if len(q["format"]) > 1 {
		return badParam("parameter \"format\" given %d times", len(q["format"]))
	}
	format, err := export.ParseFormat(q.Get("format"))
	if err != nil {
		return badParam("format: %v", err)
	}
	q.Del("format")
	f, err := ParseFilter(q)
	if err != nil {
		return err
	}
	ctx := r.Context()
	base := baseURL(r)
	feed := export.Feed{ID: "urn:strikewatch:stage-changes", SelfURL: base + r.URL.RequestURI(), BaseURL: base, Updated: time.Now()}
	write, err := PrepareExport(ctx, s.store, format, f, feed)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", format.ContentType())
	if format.PerEvent() {
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "strikewatch-events"+format.Extension()))
	}
	// Headers are gone once the body starts, so a failure mid-stream can
	// only be logged; the truncated body is the client's signal.
	if err := write(w); err != nil {
		s.log.ErrorContext(ctx, "export failed mid-stream", keyPath, r.URL.Path, keyError, err.Error())
	}
	return nil
}

// ParseFilter reads the list filters (no limit or cursor) from query
// parameters, as /api/v1/export and `strikewatch export` take them. Errors
// name the parameter and wrap store.ErrInvalid.
func ParseFilter(q url.Values) (store.Filter, error) {
	f, err := parseFilter(q, params(filterParams))
	if err != nil {
		return f, fmt.Errorf("%w: %w", err, store.ErrInvalid)
	}
	return f, nil
}

// PrepareExport fetches the first page of what an export will hold, so
// that a bad filter fails before anything is written, and returns the
// function that streams the whole export: events for the per-event
// formats, story stage changes for Atom.
func PrepareExport(ctx context.Context, st store.Store, format export.Format, f store.Filter, feed export.Feed) (func(io.Writer) error, error) {
	f.Limit = maxLimit
	f.Cursor = ""
	if !format.PerEvent() {
		list := func(f store.Filter) (store.Page[report.Story], error) { return st.Stories(ctx, f) }
		first, err := list(f)
		if err != nil {
			return nil, err
		}
		return func(w io.Writer) error { return export.WriteAtom(w, pages(first, f, list), feed) }, nil
	}
	list := func(f store.Filter) (store.Page[report.Event], error) { return st.Events(ctx, f) }
	first, err := list(f)
	if err != nil {
		return nil, err
	}
	events := pages(first, f, list)
	switch format {
	case export.ACLEDCSV:
		return func(w io.Writer) error { return export.WriteCSV(w, events) }, nil
	case export.GeoJSON:
		return func(w io.Writer) error { return export.WriteGeoJSON(w, events) }, nil
	case export.JSONL:
		return func(w io.Writer) error { return export.WriteJSONL(w, events) }, nil
	}
	return nil, fmt.Errorf("export format %q: %w", format, store.ErrInvalid)
}

// baseURL is the scheme and host the client used, for absolute links in
// the Atom feed.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// ---- POST /api/v1/reports ---------------------------------------------------

// postResult is what a successful POST returns.
type postResult struct {
	ReportID    string             `json:"report_id"`
	New         bool               `json:"new"`
	CopyOf      *string            `json:"copy_of,omitempty"`
	PrevVersion *string            `json:"prev_version,omitempty"`
	ClaimIDs    []string           `json:"claim_ids"`
	EventIDs    []string           `json:"event_ids"`
	Escalations []escalationResult `json:"escalations"`
}

type escalationResult struct {
	StoryID string       `json:"story_id"`
	From    report.Stage `json:"from"`
	To      report.Stage `json:"to"`
}

// authorize checks the bearer token in constant time. No configured token
// (or no extractor) means the server is read-only.
func (s *Server) authorize(r *http.Request) error {
	if s.token == "" || s.extract == nil {
		return &apiError{http.StatusForbidden, codeWritesDisabled, "writes are disabled on this server (start it with --token-file)"}
	}
	auth := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return &apiError{http.StatusUnauthorized, codeUnauthorized, "missing bearer token"}
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.token)) != 1 {
		return &apiError{http.StatusUnauthorized, codeUnauthorized, "wrong bearer token"}
	}
	return nil
}

func (s *Server) postReport(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	if err := noParams(r); err != nil {
		return err
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return &apiError{http.StatusUnsupportedMediaType, codeUnsupportedMedia, "send the report as application/json"}
	}
	if r.ContentLength > s.maxBody {
		return &http.MaxBytesError{Limit: s.maxBody}
	}
	body := http.MaxBytesReader(w, r.Body, s.maxBody)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	var d Document
	if err := dec.Decode(&d); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return &apiError{http.StatusBadRequest, codeInvalidBody, "request body: " + err.Error()}
	}
	if _, err := io.Copy(io.Discard, body); err != nil {
		return err // only a MaxBytesError can come from a fully read JSON body
	}
	if strings.TrimSpace(d.Text) == "" {
		return &apiError{http.StatusBadRequest, codeInvalidBody, "text is required"}
	}
	switch d.Format {
	case "":
		d.Format = "auto"
	case "text", "html", "auto":
	default:
		return &apiError{http.StatusBadRequest, codeInvalidBody, fmt.Sprintf("format %q: want text, html or auto", d.Format)}
	}
	if d.Published != "" {
		if _, err := time.Parse(time.DateOnly, d.Published); err != nil {
			return &apiError{http.StatusBadRequest, codeInvalidBody, fmt.Sprintf("published %q: want YYYY-MM-DD", d.Published)}
		}
	}
	ex, err := s.extract.Extract(r.Context(), d)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	res, err := s.store.AddExtraction(r.Context(), ex, store.Source{Name: "api", FetchedAt: time.Now().UTC()})
	if err != nil {
		return fmt.Errorf("store report: %w", err)
	}
	s.timeline.invalidate()
	s.lists.invalidate()
	if s.onAdd != nil {
		s.onAdd(res)
	}
	out := postResult{
		ReportID: res.ReportID, New: res.New, CopyOf: res.CopyOf, PrevVersion: res.PrevVersion,
		ClaimIDs: orEmpty(res.ClaimIDs), EventIDs: orEmpty(res.EventIDs), Escalations: []escalationResult{},
	}
	for _, e := range res.Escalations {
		out.Escalations = append(out.Escalations, escalationResult{e.StoryID, e.From, e.To})
	}
	status := http.StatusCreated
	if !res.New {
		status = http.StatusOK
	}
	w.Header().Set("Location", "/api/v1/reports/"+res.ReportID)
	writeJSON(w, status, out)
	return nil
}

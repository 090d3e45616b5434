// Package web is strikewatch's HTTP face: one http.Handler serving the JSON
// API under /api/v1/, its OpenAPI document, and the embedded web page (map,
// timeline, stories, reports, search). Routes live in one function; errors
// become HTTP statuses in one place (classify).
package web

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// Log field names.
const (
	keyMethod   = "method"
	keyPath     = "path"
	keyStatus   = "status"
	keyBytes    = "bytes"
	keyDuration = "duration"
	keyRemote   = "remote"
	keyError    = "error"
)

// DefaultMaxBody is the largest POST body accepted unless Config says otherwise.
const DefaultMaxBody = 10 << 20

// ContentSecurityPolicy is sent with every response: nothing but this
// server's own scripts, styles and images, no framing, no plugins.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

//go:embed static
var staticFiles embed.FS

//go:embed openapi.json
var openAPI []byte

// Document is a report posted to the API, before extraction.
type Document struct {
	Text      string `json:"text"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"` // YYYY-MM-DD or ""
	Format    string `json:"format"`    // "text", "html" or "auto" ("" = auto)
}

// Extractor turns a posted document into a report and its claims (the
// extraction pipeline). Bad input is an error wrapping *report.ErrInvalid.
type Extractor interface {
	Extract(ctx context.Context, d Document) (report.Extraction, error)
}

// Config is what a Server needs.
type Config struct {
	Store     store.Store
	Extractor Extractor    // runs POST /api/v1/reports; nil disables writes
	Token     string       // bearer token for writes; "" disables writes (403)
	Log       *slog.Logger // access log and server errors; nil discards
	MaxBody   int64        // POST body limit in bytes; 0 means DefaultMaxBody
	// OnAdd is called after a report is stored through the API, for
	// alerts; it must not block.
	OnAdd func(store.AddResult)
	// ListTTL is how long a list answer is served before it is refreshed
	// in the background; 0 means 5s. Writes through the API refresh at once.
	ListTTL time.Duration
	// TimelineTTL is the same for timelines, which walk every matching
	// claim; 0 means 1 min.
	TimelineTTL time.Duration
}

// Server is the HTTP handler.
type Server struct {
	store    store.Store
	extract  Extractor
	token    string
	log      *slog.Logger
	maxBody  int64
	onAdd    func(store.AddResult)
	timeline *memo[[]byte]
	lists    *memo[[]byte]
	handler  http.Handler
}

// New builds the handler.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("web: no store")
	}
	if !json.Valid(openAPI) {
		return nil, fmt.Errorf("web: embedded openapi.json is not valid JSON")
	}
	s := &Server{
		store:   cfg.Store,
		extract: cfg.Extractor,
		token:   cfg.Token,
		log:     cfg.Log,
		maxBody: cfg.MaxBody,
		onAdd:   cfg.OnAdd,
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	s.timeline = newMemo[[]byte](cmp.Or(cfg.TimelineTTL, time.Minute), 128)
	s.lists = newMemo[[]byte](cmp.Or(cfg.ListTTL, 5*time.Second), 1024)
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, rt.handler)
	}
	s.handler = s.logRequests(secure(mux))
	return s, nil
}

// Close stops the background refreshes of cached answers and waits for
// them; call it after the HTTP server has shut down.
func (s *Server) Close() {
	s.timeline.close()
	s.lists.close()
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// route is one pattern on the mux.
type route struct {
	pattern string
	handler http.Handler
}

// routes lists every route. The API routes (those under /api/v1/) are the
// ones the OpenAPI document must describe; a test holds the two equal.
func (s *Server) routes() []route {
	static, _ := fs.Sub(staticFiles, "static") // "static" is embedded above, so Sub cannot fail
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	api := func(h func(http.ResponseWriter, *http.Request) error) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if err := h(w, r); err != nil {
				s.writeError(w, r, err)
			}
		})
	}
	return []route{
		{"GET /api/v1/reports", api(s.listReports)},
		{"POST /api/v1/reports", api(s.postReport)},
		{"GET /api/v1/reports/{id}", api(s.getReport)},
		{"GET /api/v1/claims", api(s.listClaims)},
		{"GET /api/v1/events", api(s.listEvents)},
		{"GET /api/v1/events/{id}", api(s.getEvent)},
		{"GET /api/v1/stories", api(s.listStories)},
		{"GET /api/v1/stories/{id}", api(s.getStory)},
		{"GET /api/v1/places", api(s.listPlaces)},
		{"GET /api/v1/search", api(s.search)},
		{"GET /api/v1/timeline", api(s.getTimeline)},
		{"GET /api/v1/export", api(s.export)},
		{"GET /api/v1/stats", api(s.stats)},
		{"GET /api/v1/openapi.json", api(s.openAPI)},
		{"/api/", api(func(w http.ResponseWriter, r *http.Request) error {
			return &apiError{http.StatusNotFound, codeNotFound, "no such API route: " + r.Method + " " + r.URL.Path}
		})},
		{"GET /static/", cacheFor(time.Hour, files)},
		{"GET /{$}", http.HandlerFunc(s.index)},
	}
}

// index serves the page shell; everything else is fetched by app.js.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	b, err := staticFiles.ReadFile("static/index.html")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(b))
}

// secure sets the security headers on every response, errors included.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

func cacheFor(d time.Duration, next http.Handler) http.Handler {
	v := fmt.Sprintf("public, max-age=%d", int(d.Seconds()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", v)
		next.ServeHTTP(w, r)
	})
}

// recorder remembers the status and size of a response for the access log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (rec *recorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *recorder) Write(p []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	n, err := rec.ResponseWriter.Write(p)
	rec.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach Flush and deadlines.
func (rec *recorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

// logRequests writes one structured access-log line per request and turns
// a handler panic into a logged 500 instead of a dropped connection.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.LogAttrs(r.Context(), slog.LevelError, "handler panic", slog.String(keyPath, r.URL.Path), slog.Any(keyError, p))
				if rec.status == 0 {
					s.writeError(rec, r, fmt.Errorf("panic: %v", p))
				}
			}
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "http",
				slog.String(keyMethod, r.Method), slog.String(keyPath, r.URL.Path),
				slog.Int(keyStatus, status), slog.Int64(keyBytes, rec.bytes),
				slog.Duration(keyDuration, time.Since(start)), slog.String(keyRemote, r.RemoteAddr))
		}()
		next.ServeHTTP(rec, r)
	})
}

// writeJSON sends v with a status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"encode response"}}`)
	}
	writeBody(w, status, b)
}

// writeBody sends an encoded JSON body.
func writeBody(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}

package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// Error codes in JSON error bodies: {"error": {"code": …, "message": …}}.
const (
	codeInvalidParameter = "invalid_parameter"
	codeInvalidBody      = "invalid_body"
	codeInvalidReport    = "invalid_report"
	codeNotFound         = "not_found"
	codeUnauthorized     = "unauthorized"
	codeWritesDisabled   = "writes_disabled"
	codeTooLarge         = "too_large"
	codeUnsupportedMedia = "unsupported_media_type"
	codeUnavailable      = "unavailable"
	codeInternal         = "internal"
)

// apiError is an error that already knows its HTTP status and code.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.message }

// badParam is a 400 for a query parameter.
func badParam(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, codeInvalidParameter, fmt.Sprintf(format, args...)}
}

// classify maps any error to its status, code and the message the client
// sees. It is the one place errors become HTTP statuses.
func classify(err error) (status int, code, message string) {
	var ae *apiError
	var mbe *http.MaxBytesError
	var inv *report.ErrInvalid
	switch {
	case errors.As(err, &ae):
		return ae.status, ae.code, ae.message
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, codeTooLarge, fmt.Sprintf("request body is larger than %d bytes", mbe.Limit)
	case errors.As(err, &inv):
		return http.StatusBadRequest, codeInvalidReport, inv.Error()
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, codeNotFound, err.Error()
	case errors.Is(err, store.ErrInvalid):
		return http.StatusBadRequest, codeInvalidParameter, err.Error()
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, codeUnavailable, "request cancelled or timed out"
	}
	return http.StatusInternalServerError, codeInternal, "internal error"
}

// writeError sends err as a JSON error body. Server faults are logged with
// their detail, which the client never sees.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, code, msg := classify(err)
	if status >= 500 {
		s.log.LogAttrs(r.Context(), slog.LevelError, "request failed",
			slog.String(keyMethod, r.Method), slog.String(keyPath, r.URL.Path), slog.String(keyError, err.Error()))
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="strikewatch"`)
	}
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": msg}})
}

package ingest

// Log field names, shared by every message of the package.
const (
	logPath   = "path"
	logName   = "input"
	logErr    = "err"
	logURL    = "url"
	logStatus = "status"
)

module github.com/strikewatch/strikewatch

go 1.26.8

require (
	codeberg.org/readeck/go-readability/v2 v2.1.3 // HTML article extraction (Mozilla Readability port); numbers in internal/clean/html.go
	github.com/chromedp/chromedp v0.23.0 // browser tests of the web page: drives a real headless Chromium over DevTools, no driver binary
	github.com/jackc/pgx/v5 v5.12.0 // PostgreSQL backend and job queue: the maintained pure-Go driver, with pooling, batches and COPY
	github.com/mmcdole/gofeed v1.4.2 // RSS 0.9–2.0, RDF, Atom and JSON Feed with lenient dates and encodings, for ingest and watch
	github.com/schollz/progressbar/v3 v3.19.1 // the ingest progress bar on a terminal
	golang.org/x/net v0.62.0 // HTML parser and charset detection for clean
	golang.org/x/term v0.48.0 // is stderr a terminal (progress bar or log lines)
	golang.org/x/text v0.44.0 // NFKC for clean.Normalize, UTF-16 decoding
	modernc.org/sqlite v1.62.0 // SQLite backend: pure Go, no cgo, so one static binary (CGO_ENABLED=0)
)

require github.com/chromedp/cdproto v0.159.0 // DevTools protocol types the browser tests use with chromedp

require (
	github.com/andybalholm/cascadia v1.3.3 // indirect
	github.com/dustin/go-humanize v1.1.0 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/go-shiori/dom v0.0.0-20230515143342-73569d674e1c // indirect
	github.com/gogs/chardet v0.0.0-20211120154057-b7413eaefb8f // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/itlightning/dateparse v0.2.1 // indirect
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/jackc/pgservicefile v0.0.0-20240606120523-5a60cdf6a761 // indirect
	github.com/jackc/puddle/v2 v2.2.3 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/mitchellh/colorstring v0.0.0-20190213212951-d06e56a500db // indirect
	github.com/mmcdole/goxpp/v2 v2.0.0 // indirect
	github.com/ncruces/go-strftime v1.1.0 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	github.com/rivo/uniseg v0.4.7 // indirect
	golang.org/x/sync v0.25.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	modernc.org/libc v1.80.1 // indirect
	modernc.org/mathutil v1.7.1 // indirect
	modernc.org/memory v1.12.1 // indirect
)

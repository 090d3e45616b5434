package ingest

import (
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Progress is told about every document as it is stored, and once at the
// end. Calls come from one goroutine.
type Progress interface {
	Item(r Result, sofar Summary)
	Done(total Summary)
}

// LogProgress writes a plain log line every Every documents, for logs and
// pipes where a bar would be noise.
type LogProgress struct {
	Log   *slog.Logger
	Every int // default 1000
}

// Item logs the running counts every Every documents.
func (p *LogProgress) Item(_ Result, s Summary) {
	every := p.Every
	if every <= 0 {
		every = 1000
	}
	if s.Read%every == 0 {
		p.Log.Info("ingest progress", s.LogAttrs()...)
	}
}

// Done does nothing: the caller logs the final summary.
func (p *LogProgress) Done(Summary) {}

// BarProgress draws a progress bar on a terminal. The total is not known in
// advance (JSON Lines and feeds stream), so it counts up with a spinner and
// the running counts.
type BarProgress struct {
	bar *progressbar.ProgressBar
}

// NewBarProgress returns a bar drawing on w, which should be a terminal.
func NewBarProgress(w io.Writer) *BarProgress {
	bar := progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionClearOnFinish(),
	)
	return &BarProgress{bar: bar}
}

// Item advances the bar and shows the running counts.
func (p *BarProgress) Item(_ Result, s Summary) {
	p.bar.Add(1)
	// The counts live in the description, so a throttled redraw never
	// shows them out of step with each other.
	p.bar.Describe(fmt.Sprintf("ingest: %d read, %d new, %d dup, %d failed", s.Read, s.Added, s.Duplicates, s.Failed))
}

// Done clears the bar so the final summary line stands alone.
func (p *BarProgress) Done(Summary) {
	p.bar.Finish()
}

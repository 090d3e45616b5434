package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"iter"

	"github.com/strikewatch/strikewatch/internal/report"
)

// WriteJSONL writes one event per line as the API shows it (report.Event's
// JSON), so nothing is lost to flattening.
func WriteJSONL(w io.Writer, events iter.Seq2[report.Event, error]) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for ev, err := range events {
		if err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		if err := enc.Encode(ev); err != nil {
			return fmt.Errorf("write event %s: %w", ev.ID, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write jsonl: %w", err)
	}
	return nil
}

package pipeline

import (
	"context"
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/report"
)

// FuzzProcess: any input either fails with a clear invalid-input error or
// yields claims whose every evidence span lies inside report.text.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"KABUL, Afghanistan (Jan. 25, 2013)\nAn air strike killed 4 insurgents in Nad Ali district yesterday.",
		"Puerto Vallarta, Mexico – Officials are discussing drone strikes, according to six U.S. officials cited by NBC News.",
		"<html><p>Police arrested 14 people.</p><p>Police arrested 14 people.</p>",
		"\xff\xfe\x00",
		"Between 2 and 4 people were killed, including 1 child, when a US drone fired 2 missiles.",
		"CULIACÁN, Sin.— Seis presuntos sicarios fueron abatidos anoche.",
	} {
		f.Add(s)
	}
	p := newPipeline(f)
	f.Fuzz(func(t *testing.T, in string) {
		ex, err := p.Process(context.Background(), Input{Body: []byte(in), Format: "auto"})
		if err != nil {
			var inv *report.ErrInvalid
			if !errors.As(err, &inv) {
				t.Fatalf("error is not an invalid-input error: %v", err)
			}
			return
		}
		text := ex.Report.Text
		if !utf8.ValidString(text) {
			t.Fatalf("report text is not valid UTF-8")
		}
		for _, c := range ex.Claims {
			if !c.Stage.Valid() {
				t.Fatalf("invalid stage %q", c.Stage)
			}
			for field, evs := range c.Evidence {
				for _, e := range evs {
					if e.Start < 0 || e.End > len(text) || e.Start > e.End {
						t.Fatalf("%s evidence %d-%d outside text of %d bytes", field, e.Start, e.End, len(text))
					}
				}
			}
			if c.Fatalities.Min != nil && *c.Fatalities.Min < 0 {
				t.Fatalf("negative fatalities %d", *c.Fatalities.Min)
			}
		}
		for _, pl := range ex.Report.Places {
			if pl.Start < 0 || pl.End > len(text) || pl.Start > pl.End {
				t.Fatalf("place %q span %d-%d outside text", pl.Text, pl.Start, pl.End)
			}
		}
	})
}

package clean

import (
	"fmt"
	"strings"
	"testing"
)

// benchText is a long plain-text report: varied paragraphs with a few
// repeats, so the dedup path does real work.
func benchText() []byte {
	var b strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&b, "KABUL, Afghanistan – Paragraph %d: an air strike in Kunduz province killed %d insurgents, officials said on “Monday”.\n\n", i, i%7)
		if i%50 == 0 {
			b.WriteString("Advertisement\n\n")
		}
	}
	return []byte(b.String())
}

func BenchmarkCleanText(b *testing.B) {
	in := benchText()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Clean(in, Text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	s := "Puerto Vallarta, Mexico – In a move that could mark a significant escalation, President Donald Trump’s administration is discussing…"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Normalize(s)
	}
}

func BenchmarkCleanHTML(b *testing.B) {
	fs := loadFixtures(b)
	var total int64
	for _, f := range fs {
		total += int64(len(f.page))
	}
	b.SetBytes(total)
	for b.Loop() {
		for _, f := range fs {
			if _, err := Clean(f.page, HTML, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

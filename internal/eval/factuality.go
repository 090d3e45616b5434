package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/strikewatch/strikewatch/internal/extract"
	"github.com/strikewatch/strikewatch/internal/report"
)

// Factuality buckets, as in the corpus notes: ≥ 2 happened, ≤ −2 did not
// happen, in between uncertain.
const (
	happened  = "happened"
	notHappen = "not happened"
	uncertain = "uncertain"
)

// FactualityScore compares the extractor's certainty cues with per-predicate
// factuality labels (UW, MEANTIME in the unified [-3, +3] scale).
type FactualityScore struct {
	Exact     Exact
	Confusion map[string]map[string]int // gold bucket → predicted bucket → count
	// Failures name the file and sentence; the field is the predicate in
	// its context.
	Failures []Failure
}

func bucket(v float64) string {
	switch {
	case v >= 2:
		return happened
	case v <= -2:
		return notHappen
	}
	return uncertain
}

func predBucket(c report.Certainty) string {
	switch c {
	case report.Asserted:
		return happened
	case report.Negated:
		return notHappen
	}
	return uncertain
}

// Factuality reads CoNLL files (idx, word, value or _, …; blank line between
// sentences) and scores every labelled predicate.
func Factuality(x *extract.Extractor, paths ...string) (FactualityScore, error) {
	s := FactualityScore{Confusion: map[string]map[string]int{}}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return s, err
		}
		base := filepath.Base(filepath.Dir(p))
		sentence := 0
		err = readConll(f, p, func(words []string, labels map[int]float64) {
			sentence++
			idx := make([]int, 0, len(labels))
			for i := range labels {
				idx = append(idx, i)
			}
			sort.Ints(idx) // failures in text order
			for _, i := range idx {
				v := labels[i]
				g, pr := bucket(v), predBucket(x.Certainty("en", words, i))
				s.Exact.Add(g == pr)
				if g != pr {
					s.Failures = append(s.Failures, Failure{fmt.Sprintf("%s:%d", base, sentence), predicateContext(words, i), g, pr})
				}
				if s.Confusion[g] == nil {
					s.Confusion[g] = map[string]int{}
				}
				s.Confusion[g][pr]++
			}
		})
		f.Close()
		if err != nil {
			return s, err
		}
	}
	return s, nil
}

// predicateContext: the words around predicate i, the predicate bracketed.
func predicateContext(words []string, i int) string {
	from, to := max(0, i-8), min(len(words), i+5)
	parts := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		if k == i {
			parts = append(parts, "["+words[k]+"]")
			continue
		}
		parts = append(parts, words[k])
	}
	return strings.Join(parts, " ")
}

func readConll(r io.Reader, name string, fn func(words []string, labels map[int]float64)) error {
	sc := bufio.NewScanner(r)
	var words []string
	labels := map[int]float64{}
	flush := func() {
		if len(words) > 0 {
			fn(words, labels)
		}
		words, labels = nil, map[int]float64{}
	}
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" {
			flush()
			continue
		}
		cols := strings.Split(t, "\t")
		if len(cols) < 3 {
			cols = strings.Fields(t)
		}
		if len(cols) < 3 {
			return fmt.Errorf("%s:%d: want at least 3 columns", name, line)
		}
		if cols[2] != "_" {
			v, err := strconv.ParseFloat(cols[2], 64)
			if err != nil {
				return fmt.Errorf("%s:%d: factuality %q: %w", name, line, cols[2], err)
			}
			labels[len(words)] = v
		}
		words = append(words, cols[1])
	}
	flush()
	return sc.Err()
}

// Format prints accuracy and the confusion table.
func (s FactualityScore) Format(w io.Writer) {
	fmt.Fprintf(w, "Factuality (%d predicates)\n", s.Exact.Total)
	fmtRate(w, "bucket accuracy", s.Exact.Rate(), s.Exact.Total, "")
	order := []string{happened, uncertain, notHappen}
	fmt.Fprintf(w, "  %-14s", "gold \\ pred")
	for _, p := range order {
		fmt.Fprintf(w, " %13s", p)
	}
	fmt.Fprintln(w)
	for _, g := range order {
		fmt.Fprintf(w, "  %-14s", g)
		for _, p := range order {
			fmt.Fprintf(w, " %13d", s.Confusion[g][p])
		}
		fmt.Fprintln(w)
	}
}

// Package corpus finds and reads the labelled sample sets in ../shared/corpus
// (JSON Lines, one report per line). The sets are for evaluation only and
// are not shipped: callers must cope with their absence.
package corpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Doc is one labelled report; Gold stays raw because each set labels differently.
type Doc struct {
	ID        string          `json:"id"`
	Set       string          `json:"set"`
	Text      string          `json:"text"`
	Published *string         `json:"published"`
	URL       *string         `json:"url"`
	Title     *string         `json:"title"`
	Outlet    *string         `json:"outlet"`
	Summary   string          `json:"summary,omitempty"`
	Gold      json.RawMessage `json:"gold"`
}

// ErrNotFound means the shared folder is absent (a user's fresh clone).
var ErrNotFound = errors.New("shared corpus not found (set STRIKEWATCH_SHARED or check out ../shared beside the repo)")

// Dir returns the shared folder: $STRIKEWATCH_SHARED, or a "shared" folder
// beside any parent of the working directory.
func Dir() (string, error) {
	if d := os.Getenv("STRIKEWATCH_SHARED"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "corpus")); err == nil {
			return d, nil
		}
		return "", fmt.Errorf("STRIKEWATCH_SHARED=%s: no corpus folder: %w", d, ErrNotFound)
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		cand := filepath.Join(dir, "shared")
		if _, err := os.Stat(filepath.Join(cand, "corpus")); err == nil {
			return cand, nil
		}
		if filepath.Dir(dir) == dir {
			return "", ErrNotFound
		}
	}
}

// Path joins rel (e.g. "corpus/isaf/dev.jsonl") onto the shared folder.
func Path(rel string) (string, error) {
	d, err := Dir()
	if err != nil {
		return "", err
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s: %w", p, ErrNotFound)
	}
	return p, nil
}

// Load reads a JSON Lines set from rel under the shared folder.
func Load(rel string) ([]Doc, error) {
	p, err := Path(rel)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, p)
}

// Read parses JSON Lines docs from r; name labels errors.
func Read(r io.Reader, name string) ([]Doc, error) {
	var docs []Doc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var d Doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return docs, nil
}

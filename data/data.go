// Package data bundles the demo corpus into the binary so that
// `strikewatch demo` works from any directory: the ISAF press releases
// (CC BY-SA 4.0, see NOTICE.md) and the project's own sample reports.
package data

import (
	"bufio"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
)

//go:embed samples/*.jsonl isaf/*.jsonl
var files embed.FS

// FS returns the bundled corpus: samples/samples.jsonl and isaf/releases.jsonl.
func FS() fs.FS { return files }

// Doc is one bundled report, in the JSON Lines shape `extract --jsonl` reads.
type Doc struct {
	ID        string  `json:"id"`
	Text      string  `json:"text"`
	URL       *string `json:"url"`
	Outlet    *string `json:"outlet"`
	Title     *string `json:"title"`
	Published *string `json:"published"`
}

// Files lists the bundled JSON Lines files in load order: the samples
// first (they carry the seed story), then the ISAF releases.
func Files() []string { return []string{"samples/samples.jsonl", "isaf/releases.jsonl"} }

// Docs reads every bundled report, in Files order.
func Docs() ([]Doc, error) {
	var out []Doc
	for _, name := range Files() {
		f, err := files.Open(name)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", name, err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
		line := 0
		for sc.Scan() {
			line++
			if len(sc.Bytes()) == 0 {
				continue
			}
			var d Doc
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s:%d: %w", name, line, err)
			}
			out = append(out, d)
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
	}
	return out, nil
}

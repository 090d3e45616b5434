package actors

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
)

func TestDumpLocal(t *testing.T) {
	set := os.Getenv("DUMP")
	if set == "" {
		t.Skip()
	}
	docs, err := corpus.Load(set)
	if err != nil {
		t.Fatal(err)
	}
	r := load(t)
	c := map[string]int{}
	for _, d := range docs {
		for _, m := range r.Find(d.Text) {
			c[fmt.Sprintf("%s -> %s %s %s", m.Text, m.Actor.ID, m.Via, m.Modifier)]++
		}
		if d.Summary != "" {
			for _, m := range r.Find(d.Summary) {
				c[fmt.Sprintf("%s -> %s %s %s", m.Text, m.Actor.ID, m.Via, m.Modifier)]++
			}
		}
	}
	var ks []string
	for k := range c {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return c[ks[i]] > c[ks[j]] })
	for _, k := range ks {
		fmt.Printf("%5d %s\n", c[k], k)
	}
}

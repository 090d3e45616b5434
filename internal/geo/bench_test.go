package geo

import (
	"os"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkLoad measures loading the embedded gazetteer and reports the
// live heap it holds (heap-MB, after a collection).
func BenchmarkLoad(b *testing.B) {
	var g *Gazetteer
	for b.Loop() {
		var err error
		g, err = Load()
		if err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(g)
}

// benchText is a news-like paragraph with places of every kind.
const benchText = `KABUL, Afghanistan — A U.S. drone strike killed four suspected militants
in Miramshah, North Waziristan, near the Afghan border, Pakistani officials said on Monday.
In Yemen's Marib province, a separate strike hit a car outside the town, while the Sinaloa
Cartel clashed with rivals near Aguililla, Michoacán. Gen. Jordan told reporters in
Washington that operations in Somalia, Iraq and Syria would continue. Police in Gainesville,
Ga., and the Paris Police Department declined to comment. Mexican officials in Mexico City
said the talks with the United States would resume in May. `

// BenchmarkParse measures recognition and resolution; mentions/s is the
// number of places resolved per second.
func BenchmarkParse(b *testing.B) {
	g := testGazetteer(b)
	text := strings.Repeat(benchText, 4)
	n := 0
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		n += len(g.Parse(text, Options{}))
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "mentions/s")
}

// TestLoadMemory guards the memory budget: the loaded gazetteer must stay
// well under the 200 MB the project allows it (the live heap is measured;
// RSS is logged where /proc is available).
func TestLoadMemory(t *testing.T) {
	g := testGazetteer(t)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heapMB := float64(ms.HeapAlloc) / (1 << 20)
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "VmRSS:") {
				t.Logf("live heap %.0f MB, %s", heapMB, strings.Join(strings.Fields(line), " "))
			}
		}
	}
	if heapMB > 150 {
		t.Errorf("live heap after Load = %.0f MB, want ≤ 150 MB", heapMB)
	}
	runtime.KeepAlive(g)
}

package wordid

import (
	"strconv"
	"testing"
)

func TestTable(t *testing.T) {
	words := []string{"strike", "strikes", "drone", "air", "a", "", "ataque", "ñ", "bombardeo aéreo"}
	tests := []struct {
		name   string
		freeze bool
	}{
		{"before freeze", false},
		{"after freeze", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := New()
			for i, w := range words {
				if id := tb.Intern(w); id != int32(i) {
					t.Fatalf("Intern(%q) = %d, want %d", w, id, i)
				}
			}
			if id := tb.Intern("drone"); id != 2 {
				t.Errorf("second Intern(drone) = %d, want 2", id)
			}
			if id := tb.InternBytes([]byte("air")); id != 3 {
				t.Errorf("InternBytes(air) = %d, want 3", id)
			}
			if tc.freeze && !tb.Freeze() {
				t.Fatal("Freeze refused a small vocabulary")
			}
			if tb.Len() != len(words) {
				t.Errorf("Len = %d, want %d", tb.Len(), len(words))
			}
			for i, w := range words {
				if id := tb.ID(w); id != int32(i) {
					t.Errorf("ID(%q) = %d, want %d", w, id, i)
				}
				if id := tb.IDBytes([]byte(w)); id != int32(i) {
					t.Errorf("IDBytes(%q) = %d, want %d", w, id, i)
				}
			}
			for _, w := range []string{"Strike", "striked", "dron", "b", "aa", "bombardeo aéreos", "zzzzzzzzzzzzzzzzzzzzzzzzzz"} {
				if id := tb.ID(w); id != None {
					t.Errorf("ID(%q) = %d, want None", w, id)
				}
				if id := tb.IDBytes([]byte(w)); id != None {
					t.Errorf("IDBytes(%q) = %d, want None", w, id)
				}
			}
		})
	}
}

func TestEmptyKeyMiss(t *testing.T) {
	tb := New()
	tb.Intern("x")
	tb.Freeze()
	if id := tb.ID(""); id != None {
		t.Errorf("ID(\"\") = %d, want None", id)
	}
	if id := tb.IDBytes(nil); id != None {
		t.Errorf("IDBytes(nil) = %d, want None", id)
	}
}

func TestInternAfterFreeze(t *testing.T) {
	tb := New()
	tb.Intern("old")
	tb.Freeze()
	id := tb.InternBytes([]byte("new"))
	if got := tb.ID("new"); got != id {
		t.Errorf("ID(new) after Intern = %d, want %d", got, id)
	}
	tb.Freeze()
	if got, want := tb.ID("new"), id; got != want {
		t.Errorf("ID(new) after refreeze = %d, want %d", got, want)
	}
	if got := tb.ID("old"); got != 0 {
		t.Errorf("ID(old) = %d, want 0", got)
	}
}

func TestTooLarge(t *testing.T) {
	tb := New()
	const n = 1 << 16
	for i := range n {
		tb.Intern(strconv.Itoa(i))
	}
	if tb.Freeze() {
		t.Fatal("Freeze accepted a vocabulary too large for 16-bit ids")
	}
	for _, i := range []int{0, 1, 65534, 65535} {
		w := strconv.Itoa(i)
		if id := tb.ID(w); id != int32(i) {
			t.Errorf("ID(%q) = %d, want %d", w, id, i)
		}
		if id := tb.IDBytes([]byte(w)); id != int32(i) {
			t.Errorf("IDBytes(%q) = %d, want %d", w, id, i)
		}
	}
	if id := tb.ID("65536"); id != None {
		t.Errorf("ID(65536) = %d, want None", id)
	}
}

// The largest vocabulary that fits: ids up to 65534, stored as id+1.
func TestLargestFrozen(t *testing.T) {
	tb := New()
	const n = 1<<16 - 2
	for i := range n {
		tb.Intern(strconv.Itoa(i))
	}
	if !tb.Freeze() {
		t.Fatalf("Freeze refused %d words", n)
	}
	for _, i := range []int{0, 7, n - 1} {
		if id := tb.ID(strconv.Itoa(i)); id != int32(i) {
			t.Errorf("ID(%d) = %d", i, id)
		}
	}
}

func FuzzAgreesWithMap(f *testing.F) {
	f.Add("strike drone air a ataque", "strike", true)
	f.Add("a b c", "", false)
	f.Add("ñ é x", "é", true)
	f.Fuzz(func(t *testing.T, vocab, probe string, freeze bool) {
		tb := New()
		want := map[string]int32{}
		// Words are the vocab split at spaces, empty ones included.
		start := 0
		for i := 0; i <= len(vocab); i++ {
			if i == len(vocab) || vocab[i] == ' ' {
				w := vocab[start:i]
				if _, ok := want[w]; !ok {
					want[w] = int32(len(want))
				}
				got := tb.Intern(w)
				if len(w)%2 == 1 {
					got = tb.InternBytes([]byte(w))
				}
				if got != want[w] {
					t.Fatalf("Intern(%q) = %d, want %d", w, got, want[w])
				}
				start = i + 1
			}
		}
		if freeze {
			tb.Freeze()
		}
		check := func(w string) {
			id, ok := want[w]
			if !ok {
				id = None
			}
			if got := tb.ID(w); got != id {
				t.Fatalf("ID(%q) = %d, want %d", w, got, id)
			}
			if got := tb.IDBytes([]byte(w)); got != id {
				t.Fatalf("IDBytes(%q) = %d, want %d", w, got, id)
			}
		}
		check(probe)
		for w := range want {
			check(w)
		}
	})
}

var sink int32

func BenchmarkID(b *testing.B) {
	tb := New()
	for _, w := range []string{"strike", "strikes", "drone", "air", "attack", "killed", "officials", "said", "the", "of"} {
		tb.Intern(w)
	}
	tb.Freeze()
	text := []string{"The", "air", "strike", "killed", "three", "people", "officials", "said", "on", "tuesday"}
	bs := make([][]byte, len(text))
	for i, w := range text {
		bs[i] = []byte(w)
	}
	b.Run("string", func(b *testing.B) {
		for b.Loop() {
			for _, w := range text {
				sink += tb.ID(w)
			}
		}
	})
	b.Run("bytes", func(b *testing.B) {
		for b.Loop() {
			for _, w := range bs {
				sink += tb.IDBytes(w)
			}
		}
	})
}

func TestLookupsDoNotAllocate(t *testing.T) {
	for _, freeze := range []bool{false, true} {
		tb := New()
		tb.Intern("strike")
		if freeze {
			tb.Freeze()
		}
		hit, miss := []byte("strike"), []byte("strife")
		n := testing.AllocsPerRun(100, func() {
			sink += tb.IDBytes(hit) + tb.IDBytes(miss) + tb.ID("strike") + tb.ID("strife")
		})
		if n != 0 {
			t.Errorf("frozen=%v: %v allocations per lookup round, want 0", freeze, n)
		}
	}
}

func TestFlagTable(t *testing.T) {
	tab, flags := FlagTable(func(set func(string, uint8)) {
		set("ago", 1)
		set("since", 2)
		set("ago", 4)
	})
	for _, tc := range []struct {
		w    string
		want uint8
	}{{"ago", 5}, {"since", 2}} {
		id := tab.ID(tc.w)
		if id < 0 || int(id) >= len(flags) || flags[id] != tc.want {
			t.Errorf("%q: id %d, flags %v; want bits %d", tc.w, id, flags, tc.want)
		}
	}
	if id := tab.ID("never"); id >= 0 {
		t.Errorf("an unknown word has id %d, want a negative one", id)
	}
}

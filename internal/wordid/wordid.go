// Package wordid numbers a fixed vocabulary of words, so that a matcher
// looks each text token up by string once and then compares small integers.
//
// Words are added with Intern; Freeze then builds a compact open-addressing
// hash table that lookups use instead of a map. Lookups never allocate.
package wordid

// None is the id of a word the table does not hold.
const None int32 = -1

// Table maps words to dense ids 0, 1, 2, … in the order they were interned.
// The zero value is not ready for use; call New.
type Table struct {
	ids    map[string]int32
	maxLen int // longest word: longer tokens need no lookup
	// table is ids as a small open-addressing hash table (a power of two
	// long, at most a quarter full), built by Freeze: a slot holds the id+1
	// in its low 16 bits and a hash tag in the high ones, 0 when empty, so
	// the table stays in cache and most misses end without a string compare.
	// Nil before Freeze, after an Intern of a new word, and for a
	// vocabulary too large for 16-bit ids: lookups then use the map.
	table []uint32
	shift uint     // 64 - log2(len(table))
	words []string // by id, for the compare after a tag match
}

// New returns an empty table.
func New() *Table { return &Table{ids: map[string]int32{}} }

// Len returns the number of words: ids run from 0 to Len()-1.
func (t *Table) Len() int { return len(t.ids) }

// Intern returns w's id, numbering w when new. A new word unfreezes the
// table until the next Freeze.
func (t *Table) Intern(w string) int32 { return intern(t, w) }

// InternBytes is Intern for a word spelt by w; it copies w only when new.
func (t *Table) InternBytes(w []byte) int32 { return intern(t, w) }

func intern[W string | []byte](t *Table, w W) int32 {
	if id, ok := t.ids[string(w)]; ok {
		return id
	}
	id := int32(len(t.ids))
	t.ids[string(w)] = id
	t.maxLen = max(t.maxLen, len(w))
	t.table = nil
	return id
}

// Freeze builds the hash table; call it after the last Intern. It reports
// false, and lookups keep using the map, when the vocabulary is too large
// for 16-bit ids.
func (t *Table) Freeze() bool {
	if len(t.ids) >= 1<<16-1 {
		t.table = nil
		return false
	}
	n, log := 16, uint(4)
	for n < 4*len(t.ids) {
		n, log = n*2, log+1
	}
	table := make([]uint32, n)
	t.words = make([]string, len(t.ids))
	for w, id := range t.ids {
		t.words[id] = w
		if w == "" {
			continue // hash reads bytes; lookups send "" to the map
		}
		h := hash(w)
		for k := h >> (64 - log); ; k = (k + 1) & uint64(n-1) {
			if table[k] == 0 {
				table[k] = uint32(h>>16)&0xffff0000 | uint32(id+1)
				break
			}
		}
	}
	t.table, t.shift = table, 64-log
	return true
}

// ID returns w's id, or None.
func (t *Table) ID(w string) int32 { return lookup(t, w) }

// IDBytes returns the id of the word spelt by w, or None.
func (t *Table) IDBytes(w []byte) int32 { return lookup(t, w) }

// lookup serves ID and IDBytes; the conversions to string in it are the
// compiler's non-allocating forms (map index, comparison).
func lookup[W string | []byte](t *Table, w W) int32 {
	if len(w) > t.maxLen {
		return None
	}
	if t.table == nil || len(w) == 0 {
		if id, ok := t.ids[string(w)]; ok {
			return id
		}
		return None
	}
	h := hash(w)
	tag := uint32(h>>16) & 0xffff0000
	mask := uint64(len(t.table) - 1)
	for k := h >> t.shift; ; k = (k + 1) & mask {
		e := t.table[k]
		if e == 0 {
			return None
		}
		if e&0xffff0000 == tag {
			if id := int32(e&0xffff) - 1; t.words[id] == string(w) {
				return id
			}
		}
	}
}

// hash mixes a non-empty word's length and three of its bytes: no loop,
// and enough to spread a vocabulary over a table a quarter full.
func hash[W string | []byte](w W) uint64 {
	n := len(w)
	x := uint64(n) | uint64(w[0])<<8 | uint64(w[n/2])<<16 | uint64(w[n-1])<<24
	return x * 0x9E3779B97F4A7C15
}

// FlagTable interns the words add names and returns, per id, the OR of the
// bits given for it: a scanner asks about several word lists with one
// table lookup instead of a map per list.
func FlagTable(add func(set func(w string, bit uint8))) (*Table, []uint8) {
	t := New()
	var flags []uint8
	add(func(w string, bit uint8) {
		id := t.Intern(w)
		if int(id) == len(flags) {
			flags = append(flags, 0)
		}
		flags[id] |= bit
	})
	t.Freeze()
	return t, flags
}

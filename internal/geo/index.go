package geo

import (
	"fmt"
	"hash/maphash"
	"math"
)

// nameIndex is the name index: each key's postings, and whether the key
// is a proper word prefix of a longer one. It is an open addressing table
// over flat arrays that hold no pointers but one string, so the garbage
// collector has nothing to trace in it: as a map of some 400,000 strings
// and posting slices it was traced on every collection, a quarter of the
// pipeline's time. Load fills it in place (keys in kb, each key's postings
// as a list in links), which costs one hash per name instead of the map
// look-ups, assignments and the copy a map-then-freeze load took; freeze
// then lays the postings out by key.
type nameIndex struct {
	keys  string     // every key, back to back (once frozen)
	slots []uint32   // power-of-two table of infos indices + 1; 0 is empty
	infos []nameInfo // one per key
	posts []posting  // grouped by key, in indexing order (once frozen)
	seed  maphash.Seed

	// While loading.
	kb    []byte     // the keys
	links []postLink // postings, each key's a list in indexing order
	tails []uint32   // per info: its list's last link + 1
}

// nameInfo is one key of a nameIndex.
type nameInfo struct {
	tag    uint32 // high bits of the key's hash, compared before the key
	off, n uint32 // the key: keys[off : off+n]
	// Its postings: posts[first : first+cnt]; none for a bare prefix.
	// While loading, first is the list's first link + 1.
	first, cnt uint32
	prefix     bool
}

// postLink is a posting in a key's list while loading.
type postLink struct {
	p    posting
	next uint32 // the next link + 1; 0 ends the list
}

// newNameIndex returns an empty index to fill, sized for about n keys.
func newNameIndex(n int) *nameIndex {
	size := 1
	for size < 2*n {
		size *= 2
	}
	return &nameIndex{
		seed:  maphash.MakeSeed(),
		slots: make([]uint32, size),
		infos: make([]nameInfo, 0, n),
		kb:    make([]byte, 0, 12*n),
		links: make([]postLink, 0, n),
		tails: make([]uint32, 0, n),
	}
}

// intern returns the info index of key, adding the key when new.
func (x *nameIndex) intern(key string) (int, error) {
	h := maphash.String(x.seed, key)
	tag := uint32(h >> 32)
	mask := uint64(len(x.slots) - 1)
	i := h & mask
	for ; x.slots[i] != 0; i = (i + 1) & mask {
		if in := &x.infos[x.slots[i]-1]; in.tag == tag && string(x.kb[in.off:in.off+in.n]) == key {
			return int(x.slots[i] - 1), nil
		}
	}
	if len(x.kb)+len(key) > math.MaxUint32 || len(x.infos) >= math.MaxUint32/2-1 {
		return 0, fmt.Errorf("name index too large: %d keys, %d bytes", len(x.infos), len(x.kb))
	}
	x.infos = append(x.infos, nameInfo{tag: tag, off: uint32(len(x.kb)), n: uint32(len(key))})
	x.tails = append(x.tails, 0)
	x.kb = append(x.kb, key...)
	x.slots[i] = uint32(len(x.infos))
	if 2*len(x.infos) > len(x.slots) {
		x.grow()
	}
	return len(x.infos) - 1, nil
}

// grow doubles the slot table, keeping it at most half full.
func (x *nameIndex) grow() {
	x.slots = make([]uint32, 2*len(x.slots))
	mask := uint64(len(x.slots) - 1)
	for k := range x.infos {
		in := &x.infos[k]
		i := maphash.Bytes(x.seed, x.kb[in.off:in.off+in.n]) & mask
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = uint32(k + 1)
	}
}

// add indexes p under key unless the key already names p's entry; it
// reports whether it added.
func (x *nameIndex) add(key string, p posting) (bool, error) {
	k, err := x.intern(key)
	if err != nil {
		return false, err
	}
	in := &x.infos[k]
	for l := in.first; l != 0; l = x.links[l-1].next {
		if x.links[l-1].p.e == p.e {
			return false, nil
		}
	}
	x.links = append(x.links, postLink{p: p})
	n := uint32(len(x.links))
	if in.first == 0 {
		in.first = n
	} else {
		x.links[x.tails[k]-1].next = n
	}
	x.tails[k] = n
	in.cnt++
	return true, nil
}

// markPrefix records key as a proper word prefix of an indexed key.
func (x *nameIndex) markPrefix(key string) error {
	k, err := x.intern(key)
	if err != nil {
		return err
	}
	x.infos[k].prefix = true
	return nil
}

// freeze lays the postings out by key and drops what loading needed.
func (x *nameIndex) freeze() {
	x.posts = make([]posting, 0, len(x.links))
	for k := range x.infos {
		in := &x.infos[k]
		l := in.first
		in.first = uint32(len(x.posts))
		for ; l != 0; l = x.links[l-1].next {
			x.posts = append(x.posts, x.links[l-1].p)
		}
	}
	x.keys = string(x.kb)
	x.infos = append([]nameInfo(nil), x.infos...) // no spare capacity kept
	x.kb, x.links, x.tails = nil, nil, nil
}

// find returns the key's info, or nil.
func (x *nameIndex) find(key string) *nameInfo {
	if k := x.lookup(key); k >= 0 {
		return &x.infos[k]
	}
	return nil
}

// lookup returns the index of the key's info, or -1.
func (x *nameIndex) lookup(key string) int {
	h := maphash.String(x.seed, key)
	tag := uint32(h >> 32)
	mask := uint64(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return -1
		}
		if in := &x.infos[s-1]; in.tag == tag && x.keyIs(in, key) {
			return int(s - 1)
		}
	}
}

// findBytes is find for a key held in bytes, which it does not copy.
func (x *nameIndex) findBytes(key []byte) *nameInfo {
	h := maphash.Bytes(x.seed, key) // the same hash as maphash.String
	tag := uint32(h >> 32)
	mask := uint64(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return nil
		}
		if in := &x.infos[s-1]; in.tag == tag && x.keyIsBytes(in, key) {
			return in
		}
	}
}

// keyIsBytes is keyIs for a key in bytes; the comparisons convert nothing.
func (x *nameIndex) keyIsBytes(in *nameInfo, key []byte) bool {
	if x.kb != nil {
		return string(x.kb[in.off:in.off+in.n]) == string(key)
	}
	return x.keys[in.off:in.off+in.n] == string(key)
}

// keyIs reports whether info in is key, while loading or frozen.
func (x *nameIndex) keyIs(in *nameInfo, key string) bool {
	if x.kb != nil {
		return string(x.kb[in.off:in.off+in.n]) == key
	}
	return x.keys[in.off:in.off+in.n] == key
}

// postings returns the entries indexed under key.
func (x *nameIndex) postings(key string) ([]posting, bool) {
	in := x.find(key)
	if in == nil || in.cnt == 0 {
		return nil, false
	}
	if x.links != nil { // loading: a copy of the list
		ps := make([]posting, 0, in.cnt)
		for l := in.first; l != 0; l = x.links[l-1].next {
			ps = append(ps, x.links[l-1].p)
		}
		return ps, true
	}
	end := in.first + in.cnt
	return x.posts[in.first:end:end], true
}

// isPrefix reports whether key is a proper word prefix of an indexed key.
func (x *nameIndex) isPrefix(key string) bool {
	in := x.find(key)
	return in != nil && in.prefix
}

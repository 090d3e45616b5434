package geo

import (
	"fmt"
	"hash/maphash"
	"math"
	"strings"
)

// nameIndex is the name index once loaded: each key's postings, and
// whether the key is a proper word prefix of a longer one. It is an open
// addressing table over flat arrays that hold no pointers but one string,
// so the garbage collector has nothing to trace in it: as a map of some
// 400,000 strings and posting slices it was traced on every collection,
// a quarter of the pipeline's time.
type nameIndex struct {
	keys  string     // every key, back to back
	slots []uint32   // power-of-two table of infos indices + 1; 0 is empty
	infos []nameInfo // one per key
	posts []posting  // grouped by key, in indexing order
	seed  maphash.Seed
}

// nameInfo is one key of a nameIndex.
type nameInfo struct {
	tag        uint32 // high bits of the key's hash, compared before the key
	off, n     uint32 // the key: keys[off : off+n]
	first, cnt uint32 // its postings: posts[first : first+cnt]; none for a bare prefix
	prefix     bool
}

// freezeIndex builds a nameIndex from the maps Load fills.
func freezeIndex(index map[string][]posting, prefixes map[string]bool) (*nameIndex, error) {
	x := &nameIndex{seed: maphash.MakeSeed()}
	size, nposts := 0, 0
	for k, ps := range index {
		size += len(k)
		nposts += len(ps)
	}
	for k := range prefixes {
		if _, ok := index[k]; !ok {
			size += len(k)
		}
	}
	nkeys := len(index) + len(prefixes)
	if size > math.MaxUint32 || nposts > math.MaxUint32 || nkeys > math.MaxUint32/2 {
		return nil, fmt.Errorf("name index too large: %d keys, %d bytes, %d postings", nkeys, size, nposts)
	}
	tableSize := 1
	for tableSize < 2*nkeys {
		tableSize *= 2
	}
	x.slots = make([]uint32, tableSize)
	x.infos = make([]nameInfo, 0, nkeys)
	x.posts = make([]posting, 0, nposts)
	var b strings.Builder
	b.Grow(size)
	add := func(k string, ps []posting, prefix bool) {
		in := nameInfo{off: uint32(b.Len()), n: uint32(len(k)), first: uint32(len(x.posts)), cnt: uint32(len(ps)), prefix: prefix}
		b.WriteString(k)
		x.posts = append(x.posts, ps...)
		h := maphash.String(x.seed, k)
		in.tag = uint32(h >> 32)
		x.infos = append(x.infos, in)
		mask := uint64(len(x.slots) - 1)
		i := h & mask
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = uint32(len(x.infos))
	}
	for k, ps := range index {
		add(k, ps, prefixes[k])
	}
	for k := range prefixes {
		if _, ok := index[k]; !ok {
			add(k, nil, true)
		}
	}
	x.keys = b.String()
	return x, nil
}

// find returns the key's info, or nil.
func (x *nameIndex) find(key string) *nameInfo {
	h := maphash.String(x.seed, key)
	tag := uint32(h >> 32)
	mask := uint64(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return nil
		}
		if in := &x.infos[s-1]; in.tag == tag && x.keys[in.off:in.off+in.n] == key {
			return in
		}
	}
}

// postings returns the entries indexed under key.
func (x *nameIndex) postings(key string) ([]posting, bool) {
	in := x.find(key)
	if in == nil || in.cnt == 0 {
		return nil, false
	}
	end := in.first + in.cnt
	return x.posts[in.first:end:end], true
}

// isPrefix reports whether key is a proper word prefix of an indexed key.
func (x *nameIndex) isPrefix(key string) bool {
	in := x.find(key)
	return in != nil && in.prefix
}

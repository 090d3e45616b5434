// Package dedup finds syndicated copies: the same article republished by
// another outlet with a new header, byline or wire tag. It signs a report's
// text with MinHash (for a Jaccard estimate over word 5-shingles) and SimHash
// (a compact fingerprint), and gives LSH band keys so a store can find
// candidate copies with an index instead of comparing every pair.
//
// It is pure: no I/O, standard library only.
package dedup

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// K is the number of MinHash values in a signature.
const K = 64

// ShingleSize is the number of words in one shingle.
const ShingleSize = 5

// BandRows is the number of MinHash values hashed into one LSH band key;
// K/BandRows bands (16 × 4) make a pair with Jaccard 0.8 a candidate with
// probability 0.9998 and a pair with Jaccard 0.3 with probability 0.12.
const BandRows = 4

// CopyThreshold is the estimated Jaccard similarity from which two reports
// are the same article. Measured on the ISAF dev set (dedup_test.go): the
// 65,341 pairs of different releases (one press office, shared boilerplate)
// have median 0, p99 0.08 and max 0.30; a copy of each release with a new
// header line, another byline and a moved wire tag scores at least 0.58 even
// for releases of 30 words, and ~0.9 for typical ones. 0.5 sits in the gap,
// more than three standard errors (K=64: ±0.06) from both sides' extremes.
const CopyThreshold = 0.5

// ContainmentThreshold is the share of the shorter text's shingles found in
// the longer one from which a truncated copy (a feed item holding the first
// paragraphs of an article) counts as a copy.
const ContainmentThreshold = 0.9

// minContained is the fewest shingles a text must have before containment
// alone may call it a copy: a one-line text is contained in many articles.
const minContained = 30

// Signature fingerprints a text for near-duplicate detection.
type Signature struct {
	SimHash  uint64   // 64-bit SimHash over the shingles
	MinHash  []uint32 // K minimum hash values, one per hash function; nil for a text with no words
	Shingles int      // number of distinct shingles (an estimate's denominator for containment)
	Wire     string   // wire service named in a tag near the start or end ("AP", "Reuters", …), "" if none
}

// Sign computes the signature of text over a normalised copy: case folded,
// punctuation, dashes, quotes and white space reduced to word breaks, wire
// tags in parentheses, short byline lines and copyright lines left out.
func Sign(text string) Signature {
	sig := Signature{Wire: WireTag(text)}
	words := normalizedWords(text)
	if len(words) == 0 {
		return sig
	}
	var mins [K]uint32
	for i := range mins {
		mins[i] = ^uint32(0)
	}
	// Hash function j is multiply-shift, (a_j·h + b_j) >> 32 with odd a_j,
	// over an already well-mixed h: one multiply per function and shingle.
	var mul, add [K]uint64
	for j := range mul {
		mul[j] = mix64(uint64(2*j+1)*0x9e3779b97f4a7c15) | 1
		add[j] = mix64(uint64(2*j+2) * 0x9e3779b97f4a7c15)
	}
	var counts [64]int32
	n := ShingleSize
	if len(words) < n {
		n = len(words) // a short text is one shingle of all its words
	}
	seen := make(map[uint64]struct{}, len(words))
	for i := 0; i+n <= len(words); i++ {
		h := uint64(14695981039346656037)
		for _, w := range words[i : i+n] {
			h = (h ^ w) * 1099511628211
		}
		h = mix64(h)
		if _, ok := seen[h]; ok {
			continue // a set, not a bag: repeated paragraphs do not weigh twice
		}
		seen[h] = struct{}{}
		for j := range mins {
			v := uint32((mul[j]*h + add[j]) >> 32)
			if v < mins[j] {
				mins[j] = v
			}
		}
		for b := range counts {
			if h&(1<<b) != 0 {
				counts[b]++
			} else {
				counts[b]--
			}
		}
	}
	for b, c := range counts {
		if c > 0 {
			sig.SimHash |= 1 << b
		}
	}
	sig.MinHash = mins[:]
	sig.Shingles = len(seen)
	return sig
}

// Similarity estimates the Jaccard similarity of two texts' shingle sets
// from their MinHash values; 0 when either text had no words.
func Similarity(a, b Signature) float64 {
	if len(a.MinHash) == 0 || len(a.MinHash) != len(b.MinHash) {
		return 0
	}
	eq := 0
	for i, v := range a.MinHash {
		if v == b.MinHash[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a.MinHash))
}

// Containment estimates the share of the smaller text's shingles that are
// also in the larger one, from the Jaccard estimate and the set sizes.
func Containment(a, b Signature) float64 {
	j := Similarity(a, b)
	small := min(a.Shingles, b.Shingles)
	if j == 0 || small == 0 {
		return 0
	}
	inter := j * float64(a.Shingles+b.Shingles) / (1 + j)
	return min(1, inter/float64(small))
}

// IsCopy reports whether two signatures are the same article: estimated
// Jaccard ≥ CopyThreshold, or a text of at least 30 shingles almost wholly
// contained in the other (a truncated copy).
func IsCopy(a, b Signature) bool {
	if Similarity(a, b) >= CopyThreshold {
		return true
	}
	return min(a.Shingles, b.Shingles) >= minContained && Containment(a, b) >= ContainmentThreshold
}

// SimHashDistance is the number of differing SimHash bits (0 identical, 64 opposite).
func SimHashDistance(a, b Signature) int { return bits.OnesCount64(a.SimHash ^ b.SimHash) }

// Bands returns the LSH band keys of a signature: one key per band of
// BandRows MinHash values, with the band number mixed in so that all keys
// can share one indexed column. Two texts that share any key are candidate
// copies; check them with IsCopy. Nil for a text with no words.
func Bands(s Signature) []uint64 {
	if len(s.MinHash) == 0 {
		return nil
	}
	nb := len(s.MinHash) / BandRows
	out := make([]uint64, nb)
	for b := range nb {
		h := mix64(uint64(b+1) * 0xbf58476d1ce4e5b9)
		for _, v := range s.MinHash[b*BandRows : (b+1)*BandRows] {
			h = mix64(h ^ uint64(v))
		}
		out[b] = h
	}
	return out
}

// mix64 is the splitmix64 finaliser: a fast, well-spread 64-bit hash of x.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// normalizedWords returns the FNV-1a hashes of the text's words after
// normalisation. Lines that are only a byline ("By Jane Doe", "By Jane Doe,
// Associated Press") and parenthesised wire tags ("(AP)") are skipped, since
// copies differ exactly there.
func normalizedWords(text string) []uint64 {
	var out []uint64
	for line := range strings.Lines(text) {
		if isByline(line) || isCopyright(line) {
			continue
		}
		out = appendWords(out, line)
	}
	return out
}

// appendWords appends the hashes of line's words: runs of letters and digits,
// lower-cased, with apostrophes inside words dropped ("don't" = "dont").
func appendWords(out []uint64, line string) []uint64 {
	h := uint64(14695981039346656037)
	inWord := false
	flush := func() {
		if inWord {
			out = append(out, h)
		}
		h = uint64(14695981039346656037)
		inWord = false
	}
	for i := 0; i < len(line); {
		if line[i] == '(' {
			if j := strings.IndexByte(line[i:], ')'); j > 0 && j <= 30 && wireName(line[i+1:i+j]) != "" {
				flush()
				i += j + 1
				continue
			}
		}
		if c := line[i]; c < utf8.RuneSelf { // ASCII fast path
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				h = (h ^ uint64(c)) * 1099511628211
				inWord = true
			case 'A' <= c && c <= 'Z':
				h = (h ^ uint64(c+'a'-'A')) * 1099511628211
				inWord = true
			case c == '\'':
			default:
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			var buf [utf8.UTFMax]byte
			for _, b := range utf8.AppendRune(buf[:0], unicode.ToLower(r)) {
				h = (h ^ uint64(b)) * 1099511628211
			}
			inWord = true
		case r == '’' || r == 'ʼ':
			// inside a word: keep the word whole
		case unicode.Is(unicode.Mn, r):
			// combining marks fold away, so "é" and "e\u0301" agree
		default:
			flush()
		}
	}
	flush()
	return out
}

// isByline reports whether a line is only a byline: "By" and at most eight
// further words, the first capitalised.
func isByline(line string) bool {
	f := strings.Fields(line)
	if len(f) < 2 || len(f) > 9 || (f[0] != "By" && f[0] != "BY" && f[0] != "Por") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[1])
	return unicode.IsUpper(r)
}

// isCopyright reports whether a line is a short copyright notice, which
// syndicating outlets add, drop and reword.
func isCopyright(line string) bool {
	t := strings.TrimSpace(line)
	if len(strings.Fields(t)) > 20 {
		return false
	}
	return strings.HasPrefix(t, "©") || strings.HasPrefix(strings.ToLower(t), "copyright")
}

const sigVersion = 1

// MarshalBinary encodes the signature for a BLOB column.
func (s Signature) MarshalBinary() ([]byte, error) {
	if len(s.Wire) > 255 {
		return nil, fmt.Errorf("marshal signature: wire tag of %d bytes", len(s.Wire))
	}
	b := make([]byte, 0, 1+8+binary.MaxVarintLen64*2+4*len(s.MinHash)+1+len(s.Wire))
	b = append(b, sigVersion)
	b = binary.LittleEndian.AppendUint64(b, s.SimHash)
	b = binary.AppendUvarint(b, uint64(s.Shingles))
	b = binary.AppendUvarint(b, uint64(len(s.MinHash)))
	for _, v := range s.MinHash {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	b = append(b, byte(len(s.Wire)))
	b = append(b, s.Wire...)
	return b, nil
}

// errShort is returned for a truncated encoding.
var errShort = errors.New("unmarshal signature: truncated")

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) < 9 {
		return errShort
	}
	if b[0] != sigVersion {
		return fmt.Errorf("unmarshal signature: unknown version %d", b[0])
	}
	var out Signature
	out.SimHash = binary.LittleEndian.Uint64(b[1:9])
	b = b[9:]
	n, w := binary.Uvarint(b)
	if w <= 0 || n > 1<<40 {
		return errShort
	}
	out.Shingles = int(n)
	b = b[w:]
	k, w := binary.Uvarint(b)
	if w <= 0 || k > 1<<16 {
		return errShort
	}
	b = b[w:]
	if uint64(len(b)) < 4*k+1 {
		return errShort
	}
	if k > 0 {
		out.MinHash = make([]uint32, k)
		for i := range out.MinHash {
			out.MinHash[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
	}
	b = b[4*k:]
	wl := int(b[0])
	b = b[1:]
	if len(b) != wl {
		return errShort
	}
	out.Wire = string(b)
	*s = out
	return nil
}

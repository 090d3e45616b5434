// Package lang tells English from Spanish news text by counting each
// language's commonest function words — a few hundred bytes of data instead
// of a general language-identification model.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/wordid"
)

const english = "the of and to in is that for on was with as by at from it he said were have has are be an which this after who their they not but had been will would its into over than about against says"

// spanish holds function words, number and time words that are not English
// words; "a" and "no" belong to both languages and count for neither.
const spanish = "el la de que y en los las del se por un una con para es al lo como más pero sus su le ya o fue este ha sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros dijo según tras hacia bajo dos tres cuatro cinco seis siete ocho nueve diez doce ayer anoche hoy año años"

// Which list a function word is on; English wins a word on both.
const (
	onEnglish = 1
	onSpanish = 2
)

// functionWords numbers the words of both lists, so a word costs one
// lookup in a small table rather than a map; listOf holds each id's list.
var functionWords, listOf = func() (*wordid.Table, []uint8) {
	t := wordid.New()
	var on []uint8
	add := func(list string, l uint8) {
		for _, w := range strings.Fields(list) {
			id := t.Intern(w)
			if int(id) == len(on) {
				on = append(on, 0)
			}
			on[id] = l
		}
	}
	add(spanish, onSpanish)
	add(english, onEnglish) // after Spanish: English wins a word on both
	t.Freeze()
	return t, on
}()

// Detect returns "es" or "en" (the default when the text gives no signal).
// The first 400 words are plenty; words are lower-cased into one reused
// buffer so that detection allocates nothing.
func Detect(text string) string {
	// Scores in half points: a function word counts 2, an accented word 1.
	en, es, n := 0, 0, 0
	var arr [32]byte
	buf := arr[:0] // on the stack for the usual short word
	for i := 0; i < len(text) && n < 400; {
		if r, size := letterAt(text, i); r < 0 {
			i += size
			continue
		}
		buf = buf[:0]
		accent := false
		for i < len(text) {
			r, size := letterAt(text, i)
			if r < 0 {
				break
			}
			if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				buf = append(buf, byte(r))
			} else {
				r = unicode.ToLower(r)
				accent = accent || strings.ContainsRune("áéíóúñü", r)
				buf = utf8.AppendRune(buf, r)
			}
			i += size
		}
		var on uint8
		// "al-Qaim", "el-Sisi": an Arabic article joined to a name is no
		// Spanish word.
		if id := functionWords.IDBytes(buf); id != wordid.None && !(i < len(text) && text[i] == '-') {
			on = listOf[id]
		}
		switch {
		case on == onEnglish:
			en += 2
		case on == onSpanish:
			es += 2
		case accent:
			es++
		}
		n++
	}
	switch {
	case es > en*3/2 && es >= 4:
		return "es"
	case en == 0 && es >= 2 && n >= 3:
		// A headline: no English function word, some Spanish signal.
		return "es"
	}
	return "en"
}

// letterAt returns the letter at byte i of text and its size, or -1 and
// the size of the rune there when it is no letter. ASCII, most of any
// text, needs no decoding or Unicode tables.
func letterAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return rune(c), 1
		}
		return -1, 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsLetter(r) {
		return -1, size
	}
	return r, size
}

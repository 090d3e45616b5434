package dedup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wireWindow is how far from the start and from the end of a text WireTag
// looks: datelines and bylines sit at the start, credit lines at the end.
const wireWindow = 400

// wireAliases maps the ways a wire service is written to its short name; a
// read-only table. Acronyms are matched case-sensitively, so "ap" inside a
// word never counts.
var wireAliases = [...]struct{ alias, name string }{
	{"AP", "AP"},
	{"Associated Press", "AP"},
	{"The Associated Press", "AP"},
	{"Reuters", "Reuters"},
	{"Thomson Reuters", "Reuters"},
	{"AFP", "AFP"},
	{"Agence France-Presse", "AFP"},
	{"Agence France Presse", "AFP"},
	{"UPI", "UPI"},
	{"United Press International", "UPI"},
	{"dpa", "dpa"},
	{"DPA", "dpa"},
	{"EFE", "EFE"},
	{"Xinhua", "Xinhua"},
	{"ANI", "ANI"},
	{"PTI", "PTI"},
	{"IANS", "IANS"},
	{"Anadolu", "Anadolu"},
	{"Anadolu Agency", "Anadolu"},
	{"Notimex", "Notimex"},
	{"Europa Press", "Europa Press"},
	{"Bloomberg", "Bloomberg"},
	{"Kyodo", "Kyodo"},
	{"Yonhap", "Yonhap"},
	{"TASS", "TASS"},
	{"Interfax", "Interfax"},
}

// wireName returns the wire service s names exactly, or "".
func wireName(s string) string {
	s = strings.TrimSpace(s)
	for _, a := range wireAliases {
		if s == a.alias {
			return a.name
		}
	}
	return ""
}

// WireTag returns the wire service ("AP", "Reuters", "AFP", …) that a text
// credits near its start or end, or "" if none. A name counts only in a tag's
// shape, not when the story merely cites the agency: in parentheses
// ("WASHINGTON (AP) —"), beside a dash ("— Reuters", "Reuters -"), as a line
// of its own or a byline's last part ("By Jane Doe, Associated Press"), or in
// a copyright line ("© 2025 The Associated Press").
func WireTag(text string) string {
	if len(text) <= 2*wireWindow {
		return findTag(text)
	}
	head := text[:wireWindow]
	for len(head) > 0 && !utf8.ValidString(head[len(head)-1:]) && !utf8.RuneStart(head[len(head)-1]) {
		head = head[:len(head)-1]
	}
	if t := findTag(head); t != "" {
		return t
	}
	start := len(text) - wireWindow
	for start < len(text) && !utf8.RuneStart(text[start]) {
		start++
	}
	return findTag(text[start:])
}

// findTag looks for a wire tag anywhere in s.
func findTag(s string) string {
	for _, a := range wireAliases {
		for off := 0; ; {
			i := strings.Index(s[off:], a.alias)
			if i < 0 {
				break
			}
			i += off
			j := i + len(a.alias)
			off = j
			if !wordEdge(s, i, j) {
				continue
			}
			if isTagContext(s, i, j) {
				return a.name
			}
		}
	}
	return ""
}

// wordEdge reports whether s[i:j] is not part of a longer word.
func wordEdge(s string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if j < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isTagContext reports whether the name at s[i:j] sits where a wire credit
// sits: in parentheses, by a dash, alone or last on its line after a comma,
// or after a copyright sign.
func isTagContext(s string, i, j int) bool {
	before := strings.TrimRight(s[:i], " \t")
	after := strings.TrimLeft(s[j:], " \t")
	lineStart := strings.LastIndexByte(before, '\n') + 1
	lineBefore := before[lineStart:]
	lineAfter := after
	if k := strings.IndexByte(after, '\n'); k >= 0 {
		lineAfter = after[:k]
	}
	lineAfter = strings.TrimRight(lineAfter, " \t\r")
	switch {
	case strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")"):
		return true
	case hasDashSuffix(before) || hasDashPrefix(after):
		return true
	case lineBefore == "" && (lineAfter == "" || lineAfter == "."):
		return true // the name is the whole line
	case strings.HasSuffix(lineBefore, ",") && strings.HasPrefix(strings.TrimLeft(lineBefore, " \t"), "By ") && lineAfter == "":
		return true // "By Jane Doe, Associated Press"
	case strings.Contains(lineBefore, "©") || strings.Contains(strings.ToLower(lineBefore), "copyright"):
		return true
	}
	return false
}

func hasDashSuffix(s string) bool {
	for _, d := range []string{"-", "–", "—"} {
		if strings.HasSuffix(s, d) {
			return true
		}
	}
	return false
}

func hasDashPrefix(s string) bool {
	for _, d := range []string{"-", "–", "—"} {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	return false
}

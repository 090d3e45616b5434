package clean

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/report"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"en dash", "Mexico – In", "mexico - in"},
		{"em dash and minus", "action—conducting −3", "action-conducting -3"},
		{"curly quotes", "Trump’s “plan”", "trump's \"plan\""},
		{"guillemets", "«ataques»", "\"ataques\""},
		{"white space collapsed and trimmed", " \t a \u00a0\u2003 b\r\n", "a b"},
		{"nfkc ligature and full width", "ﬁre ＡＢＣ１", "fire abc1"},
		{"nfkc ellipsis", "wait…", "wait..."},
		{"invisible format characters", "soft\u00adhy\u200bphen\ufeff", "softhyphen"},
		{"upper case non-ASCII", "ÁREA DE KUNDUZ", "área de kunduz"},
		{"composed and decomposed agree", "Nin\u0303o", "niño"},
		{"empty", "", ""},
		{"only space", " \n\t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// spanTexts returns the text of each kept paragraph.
func spanTexts(d Doc) []string {
	var out []string
	for _, s := range d.Paragraphs {
		out = append(out, d.Text[s.Start:s.End])
	}
	return out
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		text    string // want Text
		paras   []string
		dropped []report.DroppedParagraph
	}{
		{
			name:  "no repeats keeps every byte",
			in:    "  KABUL, Afghanistan (Jan. 25, 2013)\r\nAn air strike killed two insurgents.\r\n\r\nOfficials said — “nothing” else.\n",
			text:  "  KABUL, Afghanistan (Jan. 25, 2013)\r\nAn air strike killed two insurgents.\r\n\r\nOfficials said — “nothing” else.\n",
			paras: []string{"KABUL, Afghanistan (Jan. 25, 2013)", "An air strike killed two insurgents.", "Officials said — “nothing” else."},
		},
		{
			name:    "last paragraph repeats the first with another dash, no final newline",
			in:      "Kabul – A strike hit.\nMore text.\nKabul - A strike hit.",
			text:    "Kabul – A strike hit.\nMore text.",
			paras:   []string{"Kabul – A strike hit.", "More text."},
			dropped: []report.DroppedParagraph{{Index: 2, DuplicateOf: 0, Text: "Kabul - A strike hit."}},
		},
		{
			name:    "repeat in the middle takes its blank lines with it",
			in:      "One story.\n\nAdvertisement\n\nTwo story.\n\nADVERTISEMENT\n\nThree story.\n",
			text:    "One story.\n\nAdvertisement\n\nTwo story.\n\nThree story.\n",
			paras:   []string{"One story.", "Advertisement", "Two story.", "Three story."},
			dropped: []report.DroppedParagraph{{Index: 3, DuplicateOf: 1, Text: "ADVERTISEMENT"}},
		},
		{
			name:  "single short lines are kept",
			in:    "KABUL, Afghanistan (Jan. 25, 2013)\nShare\nA strike.\n—\n",
			text:  "KABUL, Afghanistan (Jan. 25, 2013)\nShare\nA strike.\n—\n",
			paras: []string{"KABUL, Afghanistan (Jan. 25, 2013)", "Share", "A strike.", "—"},
		},
		{
			name:  "repeated separators and share labels are dropped",
			in:    "Share\nA strike.\n—\nAnother strike.\n-\nshare\nEnd.",
			text:  "Share\nA strike.\n—\nAnother strike.\nEnd.",
			paras: []string{"Share", "A strike.", "—", "Another strike.", "End."},
			dropped: []report.DroppedParagraph{
				{Index: 4, DuplicateOf: 2, Text: "-"},
				{Index: 5, DuplicateOf: 0, Text: "share"},
			},
		},
		{
			name:  "repeated numbers are data and stay",
			in:    "Killed\n3\nInjured\n3\n",
			text:  "Killed\n3\nInjured\n3\n",
			paras: []string{"Killed", "3", "Injured", "3"},
		},
		{
			name:    "punctuation and spacing differences still match",
			in:      "U.S. officials said, on Monday,  it was over.\nU.S. officials said on Monday it was over\n",
			text:    "U.S. officials said, on Monday,  it was over.\n",
			paras:   []string{"U.S. officials said, on Monday,  it was over."},
			dropped: []report.DroppedParagraph{{Index: 1, DuplicateOf: 0, Text: "U.S. officials said on Monday it was over"}},
		},
		{
			name:    "two repeats in a row and a repeat of a repeat",
			in:      "A a.\nB b.\nA a.\nB b.\nA a.\nC c.\n",
			text:    "A a.\nB b.\nC c.\n",
			paras:   []string{"A a.", "B b.", "C c."},
			dropped: []report.DroppedParagraph{{Index: 2, DuplicateOf: 0, Text: "A a."}, {Index: 3, DuplicateOf: 1, Text: "B b."}, {Index: 4, DuplicateOf: 0, Text: "A a."}},
		},
		{
			name:    "repeats at the end go with the break before them, the final newline stays",
			in:      "A strike.\nB said.  \n\nA strike.\n\nB said.\n",
			text:    "A strike.\nB said.  \n",
			paras:   []string{"A strike.", "B said."},
			dropped: []report.DroppedParagraph{{Index: 2, DuplicateOf: 0, Text: "A strike."}, {Index: 3, DuplicateOf: 1, Text: "B said."}},
		},
		{
			name:    "CRLF repeat at the end",
			in:      "A strike.\r\nB said.\r\nA strike.",
			text:    "A strike.\r\nB said.",
			paras:   []string{"A strike.", "B said."},
			dropped: []report.DroppedParagraph{{Index: 2, DuplicateOf: 0, Text: "A strike."}},
		},
		{
			name:    "CRLF repeat removes its CRLF",
			in:      "Para one.\r\nPara two.\r\nPara one.\r\nPara three.\r\n",
			text:    "Para one.\r\nPara two.\r\nPara three.\r\n",
			paras:   []string{"Para one.", "Para two.", "Para three."},
			dropped: []report.DroppedParagraph{{Index: 2, DuplicateOf: 0, Text: "Para one."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Clean([]byte(tt.in), Text, Options{})
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			checkDoc(t, d)
			if d.Format != Text {
				t.Errorf("Format = %q, want text", d.Format)
			}
			if d.Text != tt.text {
				t.Errorf("Text = %q, want %q", d.Text, tt.text)
			}
			if got := spanTexts(d); !reflect.DeepEqual(got, tt.paras) {
				t.Errorf("paragraphs = %q, want %q", got, tt.paras)
			}
			if !reflect.DeepEqual(d.Dropped, tt.dropped) {
				t.Errorf("Dropped = %+v, want %+v", d.Dropped, tt.dropped)
			}
		})
	}
}

// TestSeedArticle checks the SPEC's seed: its last paragraph repeats the
// first with "-" for "–" and must be dropped as paragraph 5, a repeat of 0.
func TestSeedArticle(t *testing.T) {
	p, err := corpus.Path("corpus/seed/article.txt")
	if errors.Is(err, corpus.ErrNotFound) {
		t.Skipf("seed article not available: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	in, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Clean(in, Auto, Options{})
	if err != nil {
		t.Fatalf("Clean: %v", err)
	}
	checkDoc(t, d)
	if d.Format != Text {
		t.Errorf("Format = %q, want text", d.Format)
	}
	if len(d.Dropped) != 1 || d.Dropped[0].Index != 5 || d.Dropped[0].DuplicateOf != 0 {
		t.Fatalf("Dropped = %+v, want one paragraph, index 5 duplicate of 0", d.Dropped)
	}
	if len(d.Paragraphs) != 5 {
		t.Errorf("kept %d paragraphs, want 5", len(d.Paragraphs))
	}
	last := bytes.LastIndexByte(bytes.TrimRight(in, "\n"), '\n')
	if want := string(in[:last]); d.Text != want {
		t.Errorf("Text is not the input less its last paragraph:\ngot  %q\nwant %q", tail(d.Text), tail(want))
	}
	if d.InvalidUTF8 != 0 || len(d.Warnings) != 1 {
		t.Errorf("InvalidUTF8 = %d, Warnings = %q; want 0 and one note of the drop", d.InvalidUTF8, d.Warnings)
	}
}

func tail(s string) string { return s[max(0, len(s)-60):] }

func TestCleanInvalidUTF8(t *testing.T) {
	tests := []struct {
		name string
		in   string
		text string
		n    int
	}{
		{"latin-1 accents", "Ataque en Michoac\xe1n, M\xe9xico.\n", "Ataque en Michoac\uFFFDn, M\uFFFDxico.\n", 2},
		{"a run counts once", "bad \xff\xfe\xfd bytes", "bad \uFFFD bytes", 1},
		{"truncated sequence at the end", "Kabul \xe2\x80", "Kabul \uFFFD", 1},
		{"utf-8 BOM is stripped, not counted", "\xef\xbb\xbfKABUL - text", "KABUL - text", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Clean([]byte(tt.in), Auto, Options{})
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			checkDoc(t, d)
			if d.Text != tt.text || d.InvalidUTF8 != tt.n {
				t.Errorf("got %q with %d replaced, want %q with %d", d.Text, d.InvalidUTF8, tt.text, tt.n)
			}
			warned := false
			for _, w := range d.Warnings {
				warned = warned || strings.Contains(w, "invalid UTF-8")
			}
			if warned != (tt.n > 0) {
				t.Errorf("Warnings = %q; want an invalid UTF-8 note: %v", d.Warnings, tt.n > 0)
			}
		})
	}
}

func TestCleanUTF16(t *testing.T) {
	le := []byte{0xFF, 0xFE}
	for _, r := range "Kabul – strike\n" {
		le = append(le, byte(r), byte(r>>8))
	}
	d, err := Clean(le, Auto, Options{})
	if err != nil {
		t.Fatalf("Clean: %v", err)
	}
	if d.Text != "Kabul – strike\n" {
		t.Errorf("Text = %q, want the decoded text", d.Text)
	}
}

func TestCleanBadInput(t *testing.T) {
	ctl := bytes.Repeat([]byte("ab\x01\x02\x03"), 100)
	tests := []struct {
		name   string
		in     []byte
		format Format
		opt    Options
		reason string // a substring of the reason
	}{
		{"empty", nil, Auto, Options{}, "empty input"},
		{"only white space", []byte(" \n\r\n\t"), Text, Options{}, "empty input"},
		{"NUL bytes", []byte("PK\x03\x04\x00\x00hello"), Auto, Options{}, "binary input, not text or HTML"},
		{"control bytes", ctl, Text, Options{}, "binary input"},
		{"over the limit", bytes.Repeat([]byte("a"), 101), Text, Options{MaxBytes: 100}, "input is 101 bytes, over the 100-byte limit"},
		{"unknown format", []byte("text"), Format("pdf"), Options{}, "unknown format"},
		{"HTML with no text", []byte("<html><head><script>var a=1</script></head><body><img src=x></body></html>"), HTML, Options{}, "no article text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Clean(tt.in, tt.format, tt.opt)
			var inv *report.ErrInvalid
			if !errors.As(err, &inv) {
				t.Fatalf("error = %v, want *report.ErrInvalid", err)
			}
			if inv.Input != "" || !strings.Contains(inv.Reason, tt.reason) {
				t.Errorf("got Input %q Reason %q, want Input empty and Reason with %q", inv.Input, inv.Reason, tt.reason)
			}
		})
	}
}

func TestCleanLimitInclusive(t *testing.T) {
	if _, err := Clean(bytes.Repeat([]byte("a"), 100), Text, Options{MaxBytes: 100}); err != nil {
		t.Errorf("input of exactly MaxBytes: %v, want accepted", err)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Format
	}{
		{"doctype", "<!DOCTYPE html><html><body><p>x</p></body></html>", HTML},
		{"leading space and html tag", "\n  <html lang=\"en\">", HTML},
		{"comment first", "<!-- saved page --><div>x</div>", HTML},
		{"fragment of paragraphs", "<p>One.</p><p>Two.</p>", HTML},
		{"text with inline tags", "Officials said.<br>More.<br>Even more.", HTML},
		{"plain article", "KABUL, Afghanistan - An air strike killed two.\n", Text},
		{"less-than in prose", "< 5 were killed, officials said.", Text},
		{"one stray tag is still text", "Use the <b> key.", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.in)); got != tt.want {
				t.Errorf("Sniff(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkDoc asserts what must hold for every cleaned document.
func checkDoc(t testing.TB, d Doc) {
	t.Helper()
	if !utf8.ValidString(d.Text) {
		t.Errorf("Text is not valid UTF-8: %q", d.Text)
	}
	if d.Format != Text && d.Format != HTML {
		t.Errorf("Format = %q, want text or html", d.Format)
	}
	prev := 0
	for i, s := range d.Paragraphs {
		if s.Start < prev || s.End <= s.Start || s.End > len(d.Text) {
			t.Fatalf("paragraph %d span %+v out of order or outside Text (len %d)", i, s, len(d.Text))
		}
		p := d.Text[s.Start:s.End]
		if strings.TrimSpace(p) != p || strings.Contains(p, "\n") {
			t.Errorf("paragraph %d %q is not one trimmed line", i, p)
		}
		prev = s.End
	}
	total := len(d.Paragraphs) + len(d.Dropped)
	isDropped := map[int]bool{}
	last := -1
	for _, dp := range d.Dropped {
		if dp.Index <= last || dp.Index >= total || dp.DuplicateOf < 0 || dp.DuplicateOf >= dp.Index {
			t.Errorf("dropped %+v: indices not in order or out of range (%d paragraphs)", dp, total)
		}
		if isDropped[dp.DuplicateOf] {
			t.Errorf("dropped %+v: repeats a paragraph that was itself dropped", dp)
		}
		isDropped[dp.Index] = true
		last = dp.Index
	}
}

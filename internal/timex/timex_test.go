package timex

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/internal/ascii"
	"github.com/strikewatch/strikewatch/internal/corpus"
)

// fri is a Friday, the reference date of most cases.
var fri = time.Date(2013, 1, 25, 0, 0, 0, 0, time.UTC)

// show renders expressions compactly: text=from..to/precision, "~" when relative.
func show(es []Expr) string {
	var parts []string
	for _, e := range es {
		r := ""
		if e.Relative {
			r = "~"
		}
		if e.Precision == Unknown {
			parts = append(parts, fmt.Sprintf("%s=?%s", e.Text, r))
			continue
		}
		parts = append(parts, fmt.Sprintf("%s=%s..%s/%s%s", e.Text, e.From.Format(time.DateOnly), e.To.Format(time.DateOnly), e.Precision, r))
	}
	return strings.Join(parts, "; ")
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		ref  time.Time
		want string
	}{
		{"dateline date", "KABUL, Afghanistan (Jan. 25, 2013) – yesterday", fri,
			"Jan. 25, 2013=2013-01-25..2013-01-25/day; yesterday=2013-01-24..2013-01-24/day~"},
		{"full month names", "September 10, 2011 and 6 September 2011", fri,
			"September 10, 2011=2011-09-10..2011-09-10/day; 6 September 2011=2011-09-06..2011-09-06/day"},
		{"abbreviations", "Sept. 30, 2010, Sep 17 2011, Dec. 24", fri,
			"Sept. 30, 2010=2010-09-30..2010-09-30/day; Sep 17 2011=2011-09-17..2011-09-17/day; Dec. 24=2012-12-24..2012-12-24/day~"},
		{"ordinal suffix", "on the 25th of January 2013 and March 3rd, 2012", fri,
			"25th of January 2013=2013-01-25..2013-01-25/day; March 3rd, 2012=2012-03-03..2012-03-03/day"},
		{"iso", "filed 2025-04-08; at 2025-04-08T10:00:00Z", fri,
			"2025-04-08=2025-04-08..2025-04-08/day; 2025-04-08=2025-04-08..2025-04-08/day"},
		{"weekday with date", "Tuesday, April 8, 2025", fri, "Tuesday, April 8, 2025=2025-04-08..2025-04-08/day"},
		{"month year", "in January 2013", fri, "January 2013=2013-01-01..2013-01-31/month"},
		{"early month year", "in early January 2012", fri, "January 2012=2012-01-01..2012-01-10/month"},
		{"month last year", "in September last year", fri, "September last year=2012-09-01..2012-09-30/month~"},
		{"month of last year", "in March of last year", fri, "March of last year=2012-03-01..2012-03-31/month~"},
		{"a year before its noun", "after a 2009 air raid", fri, "2009=2009-01-01..2009-12-31/year"},
		{"late month year keeps the month", "in late January 2012", fri, "January 2012=2012-01-01..2012-01-31/month"},
		{"yearless same year", "on January 20", fri, "January 20=2013-01-20..2013-01-20/day~"},
		{"yearless soon after ref", "on February 10", fri, "February 10=2013-02-10..2013-02-10/day~"},
		{"yearless goes back", "on March 7", fri, "March 7=2012-03-07..2012-03-07/day~"},
		{"day first yearless", "on 7 March", fri, "7 March=2012-03-07..2012-03-07/day~"},
		{"bare weekday", "on Sunday", fri, "Sunday=2013-01-20..2013-01-20/day~"},
		{"weekday is ref", "on Friday", fri, "Friday=2013-01-25..2013-01-25/day~"},
		{"last weekday is ref", "last Friday", fri, "last Friday=2013-01-18..2013-01-18/day~"},
		{"next weekday", "next Monday", fri, "next Monday=2013-01-28..2013-01-28/day~"},
		{"weekday part of day", "late Tuesday night", fri, "late Tuesday night=2013-01-22..2013-01-22/day~"},
		{"weekday possessive", "Monday's raid", fri, "Monday=2013-01-21..2013-01-21/day~"},
		{"today", "today and tonight and this morning", fri,
			"today=2013-01-25..2013-01-25/day~; tonight=2013-01-25..2013-01-25/day~; this morning=2013-01-25..2013-01-25/day~"},
		{"yesterday", "yesterday morning, last night, the day before yesterday", fri,
			"yesterday morning=2013-01-24..2013-01-24/day~; last night=2013-01-24..2013-01-24/day~; the day before yesterday=2013-01-23..2013-01-23/day~"},
		{"the day before", "the day before", fri, "the day before=2013-01-24..2013-01-24/day~"},
		{"weeks", "earlier this week, last week, the past week", fri,
			"earlier this week=2013-01-21..2013-01-25/week~; last week=2013-01-14..2013-01-20/week~; the past week=2013-01-18..2013-01-25/week~"},
		{"months", "last month and earlier this month", fri,
			"last month=2012-12-01..2012-12-31/month~; earlier this month=2013-01-01..2013-01-25/month~"},
		{"in month", "in March and in January", fri, "March=2012-03-01..2012-03-31/month~; January=2013-01-01..2013-01-31/month~"},
		{"last month name", "last March, mid-January", fri,
			"last March=2012-03-01..2012-03-31/month~; January=2013-01-01..2013-01-31/month~"},
		{"years", "last year, in 2019, since 2001", fri,
			"last year=2012-01-01..2012-12-31/year~; 2019=2019-01-01..2019-12-31/year; 2001=2001-01-01..2001-12-31/year"},
		{"ago", "two days ago, three years ago, a week ago, 10 days ago", fri,
			"two days ago=2013-01-23..2013-01-23/day~; three years ago=2010-01-01..2010-12-31/year~; a week ago=2013-01-14..2013-01-20/week~; 10 days ago=2013-01-15..2013-01-15/day~"},
		{"compound ago", "twenty-one days ago", fri, "twenty-one days ago=2013-01-04..2013-01-04/day~"},
		{"es wire abbreviation", "BOGOTÁ, 9 ene (EFE).- Un soldado", fri, "9 ene=2013-01-09..2013-01-09/day~"},
		{"es abbreviation needs a day", "the mar, may be", fri, ""},

		{"es days", "ayer, anoche, hoy, anteayer", fri,
			"ayer=2013-01-24..2013-01-24/day~; anoche=2013-01-24..2013-01-24/day~; hoy=2013-01-25..2013-01-25/day~; anteayer=2013-01-23..2013-01-23/day~"},
		{"es weekdays", "el pasado domingo, el domingo pasado, el domingo, este viernes, el próximo lunes", fri,
			"el pasado domingo=2013-01-20..2013-01-20/day~; el domingo pasado=2013-01-20..2013-01-20/day~; domingo=2013-01-20..2013-01-20/day~; este viernes=2013-01-25..2013-01-25/day~; el próximo lunes=2013-01-28..2013-01-28/day~"},
		{"es dates", "el 8 de abril de 2025 y el 3 de enero", fri,
			"8 de abril de 2025=2025-04-08..2025-04-08/day; 3 de enero=2013-01-03..2013-01-03/day~"},
		{"es months and years", "en marzo, abril de 2012, en 2019", fri,
			"marzo=2012-03-01..2012-03-31/month~; abril de 2012=2012-04-01..2012-04-30/month; 2019=2019-01-01..2019-12-31/year"},
		{"es relative", "la semana pasada, el mes pasado, el año pasado, hace dos días, hace tres años", fri,
			"la semana pasada=2013-01-14..2013-01-20/week~; el mes pasado=2012-12-01..2012-12-31/month~; el año pasado=2012-01-01..2012-12-31/year~; hace dos días=2013-01-23..2013-01-23/day~; hace tres años=2010-01-01..2010-12-31/year~"},

		{"modal may", "officials may strike; March forward; they march 7 miles", fri, ""},
		{"names", "the Sunday Times reported; April Ryan asked; County Mayo", fri, ""},
		{"times and counts", "at 3 p.m., 10:30, killed 2013 people, aged 25", fri, ""},
		{"ids", "2013-01-S-025 and 2010-08-CA-244", fri, ""},

		{"no ref relative", "yesterday and on Sunday", time.Time{}, "yesterday=?~; Sunday=?~"},
		{"no ref yearless dropped", "on March 7 and in March", time.Time{}, ""},
		{"no ref explicit", "on Jan. 25, 2013 and in 2019", time.Time{},
			"Jan. 25, 2013=2013-01-25..2013-01-25/day; 2019=2019-01-01..2019-12-31/year"},
		{"invalid day", "February 30, 2013", fri, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(Find(tt.text, tt.ref, !tt.ref.IsZero()))
			if got != tt.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestWeekdayAcrossWeek(t *testing.T) {
	// For every reference weekday, a bare weekday lands 0-6 days back on the right day.
	for d := 0; d < 7; d++ {
		ref := fri.AddDate(0, 0, d)
		for name, wd := range weekdays {
			text := strings.ToUpper(name[:1]) + name[1:]
			es := Find("on "+text, ref, true)
			if len(es) != 1 {
				t.Fatalf("ref %s: %q gave %d expressions", ref.Weekday(), text, len(es))
			}
			got := es[0].From
			if got.Weekday() != wd || got.After(ref) || ref.Sub(got) > 6*24*time.Hour {
				t.Errorf("ref %s: %q = %s, want the %s on or before ref", ref.Format(time.DateOnly), text, got.Format(time.DateOnly), wd)
			}
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		prec Precision
		ok   bool
	}{
		{"2025-04-08", "2025-04-08", Day, true},
		{"2025-04-08T23:30:00-06:00", "2025-04-08", Day, true},
		{"Tue, 08 Apr 2025 10:00:00 +0000", "2025-04-08", Day, true},
		{"Jan. 25, 2013", "2013-01-25", Day, true},
		{"25 January 2013", "2013-01-25", Day, true},
		{"8 de abril de 2025", "2025-04-08", Day, true},
		{"January 2013", "2013-01-01", Month, true},
		{"2013", "2013-01-01", Year, true},
		{" Sept. 30, 2010. ", "2010-09-30", Day, true},
		{"March 7", "", "", false},
		{"yesterday", "", "", false},
		{"2013-01-S-025", "", "", false},
		{"Jan. 25, 2013 and more", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, prec, ok := ParseDate(tt.in)
			if ok != tt.ok || (ok && (got.Format(time.DateOnly) != tt.want || prec != tt.prec)) {
				t.Errorf("ParseDate(%q) = %s, %s, %v; want %s, %s, %v", tt.in, got.Format(time.DateOnly), prec, ok, tt.want, tt.prec, tt.ok)
			}
		})
	}
}

func TestResolveMonthDay(t *testing.T) {
	tests := []struct {
		name string
		m    time.Month
		d    int
		ref  time.Time
		want string
		ok   bool
	}{
		{"same year", time.January, 20, fri, "2013-01-20", true},
		{"december before january ref", time.December, 30, fri, "2012-12-30", true},
		{"within a month ahead", time.February, 20, fri, "2013-02-20", true},
		{"leap day from a non-leap year", time.February, 29, fri, "2012-02-29", true},
		{"no such day", time.April, 31, fri, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ResolveMonthDay(tt.m, tt.d, tt.ref)
			if ok != tt.ok || (ok && got.Format(time.DateOnly) != tt.want) {
				t.Errorf("got %s, %v; want %s, %v", got.Format(time.DateOnly), ok, tt.want, tt.ok)
			}
		})
	}
}

// onBoundary reports whether i is where a rune (or an invalid byte) starts, or the end.
func onBoundary(text string, i int) bool {
	for j := range text {
		if j >= i {
			return j == i
		}
	}
	return i == len(text)
}

func checkInvariants(t *testing.T, text string, es []Expr, hasRef bool) {
	t.Helper()
	prev := 0
	for _, e := range es {
		if e.Start < prev || e.Start >= e.End || e.End > len(text) || !onBoundary(text, e.Start) || !onBoundary(text, e.End) {
			t.Fatalf("bad span [%d,%d) after %d in %q", e.Start, e.End, prev, text)
		}
		if e.Text != text[e.Start:e.End] {
			t.Fatalf("Text %q is not text[%d:%d]", e.Text, e.Start, e.End)
		}
		if e.Precision == Unknown {
			if hasRef || !e.From.IsZero() || !e.Relative {
				t.Fatalf("unknown precision with ref %v, from %s, relative %v: %q", hasRef, e.From, e.Relative, e.Text)
			}
		} else if e.To.Before(e.From) || e.From.IsZero() {
			t.Fatalf("bad range %s..%s for %q", e.From, e.To, e.Text)
		}
		prev = e.End
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Jan. 25, 2013", "yesterday", "el pasado domingo", "2025-04-08T10:00", "hace 99999 años",
		"mid-March", "Tuesday, April 8, 2025", "8 de abril de 2025", "twenty-one days ago", "February 29"} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, days int64) {
		ref := fri.AddDate(0, 0, int(days%100000))
		checkInvariants(t, s, Find(s, ref, true), true)
		checkInvariants(t, s, Find(s, time.Time{}, false), false)
		if d, p, ok := ParseDate(s); ok {
			// Round trip: the date written back parses to itself.
			back, p2, ok2 := ParseDate(d.Format(time.DateOnly))
			if p == Day && (!ok2 || !back.Equal(d) || p2 != Day) {
				t.Fatalf("ParseDate(%q) = %s does not round-trip", s, d)
			}
		}
	})
}

// TestCorpus runs Find over real texts: the contract holds, and every ISAF
// release's dateline date is found.
func TestCorpus(t *testing.T) {
	found, total := 0, 0
	for _, set := range []string{"isaf", "tbij", "case2021", "geoparse"} {
		docs, err := corpus.Load("corpus/" + set + "/dev.jsonl")
		if err != nil {
			t.Skipf("corpus not available: %v", err)
		}
		for _, d := range docs {
			es := Find(d.Text, fri, true)
			checkInvariants(t, d.Text, es, true)
			checkInvariants(t, d.Text, Find(d.Text, time.Time{}, false), false)
			if set == "isaf" {
				if i := strings.Index(d.Text, "Afghanistan ("); i >= 0 && i < 600 {
					total++
					ok := false
					for _, e := range es {
						if e.Start == i+len("Afghanistan (") {
							found++
							ok = true
							break
						}
					}
					if !ok {
						t.Logf("missed: %q", d.Text[i:min(len(d.Text), i+40)])
					}
				}
			}
		}
	}
	t.Logf("ISAF dateline dates found: %d of %d", found, total)
	if found < total {
		t.Errorf("ISAF dateline dates found: %d of %d", found, total)
	}
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("KABUL, Afghanistan (Jan. 25, 2013) – An Afghan and coalition force killed six insurgents "+
		"in Andar district yesterday, after a raid on Sunday and another last week; el pasado domingo. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, fri, true)
	}
}

// TestLeadingIsFindsFirst checks that Leading, which scans only the head of
// a text, reads what Find reads at its first token.
func TestLeadingIsFindsFirst(t *testing.T) {
	heads := []string{
		"Tuesday, April 8, 2025 - officials said", "Jan. 25, 2013", "25th of January, 2013 in Kabul",
		"8 de abril de 2025", "el pasado domingo por la noche", "2025-04-08T10:00 report", "2013-01-25-S",
		"two days ago", "hace tres semanas", "twenty-one years ago", "the past 24 hours", "last March",
		"in 2019", "of 1935 Orchard St.", "Sunday Times", "mid-March 2020", "March 7", "May 5, 2021, 3pm",
		"yesterday morning", "la semana pasada", "Monday night, Mar. 3, 2014", "3 March", "",
	}
	tails := []string{"", " and more text follows here, with May 2020 and Sunday too.", ", 2014 then"}
	for _, h := range heads {
		for _, tl := range tails {
			text := h + tl
			for _, hasRef := range []bool{false, true} {
				want, wantOK := Expr{}, false
				if es := Find(text, fri, hasRef); len(es) > 0 && es[0].Start == 0 {
					want, wantOK = es[0], true
				}
				got, ok := Leading(text, fri, hasRef)
				if ok && got.Start != 0 {
					ok = false
				}
				if ok != wantOK || ok && got != want {
					t.Errorf("Leading(%q, %v) = %+v %v; Find's first = %+v %v", text, hasRef, got, ok, want, wantOK)
				}
			}
		}
	}
}

func TestFirstFull(t *testing.T) {
	for _, text := range []string{
		"KABUL, Afghanistan (Jan. 25, 2013) - text", "Released 2025-04-08T10:00", "on Sunday, 12345 and 2013-01-25-S",
		"yesterday, March 7", "in 2019 and then on 8 de abril de 2025", "no date at all", "1234", "May 5, 2021",
	} {
		var want Expr
		wantOK := false
		for _, e := range Find(text, time.Time{}, false) {
			if e.Precision == Day && !e.Relative && !e.From.IsZero() {
				want, wantOK = e, true
				break
			}
		}
		if got, ok := FirstFull(text); ok != wantOK || got != want {
			t.Errorf("FirstFull(%q) = %+v %v, want %+v %v", text, got, ok, want, wantOK)
		}
	}
}

// TestAnchored: intervals counted from the narrated time carry their offset;
// "N days after/before <event>" is anchored on that event and is left out.
func TestAnchored(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // "" = no expression
		offset     int
	}{
		{"days earlier", "Two days earlier, a drone struck.", "Two days earlier", -2},
		{"a day later", "A day later the jets returned.", "A day later", 1},
		{"the next day", "The next day the toll rose.", "The next day", 1},
		{"the day before at the end", "It had struck the day before.", "the day before", -1},
		{"days after an event", "Jets struck two days after the attack.", "", 0},
		{"the day before an event", "The day before the vote, jets struck.", "", 0},
		{"days after at the end", "The toll rose three days after.", "three days after", 3},
		{"spanish", "Al día siguiente, los drones atacaron.", "Al día siguiente", 1},
		{"days ago is not anchored", "Two days ago a drone struck.", "Two days ago", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es := Find(tc.text, fri, true)
			if tc.want == "" {
				if len(es) != 0 {
					t.Fatalf("%q: got %s, want none", tc.text, show(es))
				}
				return
			}
			if len(es) != 1 || es[0].Text != tc.want {
				t.Fatalf("%q: got %s, want %q", tc.text, show(es), tc.want)
			}
			if anchored := tc.offset != 0; es[0].Anchored != anchored || es[0].Offset != tc.offset {
				t.Errorf("%q: anchored %v offset %d, want %v %d", tc.text, es[0].Anchored, es[0].Offset, anchored, tc.offset)
			}
			if want := fri.AddDate(0, 0, tc.offset); tc.offset != 0 && !es[0].From.Equal(want) {
				t.Errorf("%q: from %s, want ref%+d = %s", tc.text, es[0].From.Format(time.DateOnly), tc.offset, want.Format(time.DateOnly))
			}
		})
	}
}

// TestYearSpans: spans of years and a year before what it dates.
func TestYearSpans(t *testing.T) {
	ref := time.Date(2025, 6, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ text, from, to string }{
		{"hundreds of strikes between 2004 and 2018 killed", "2004-01-01", "2018-12-31"},
		{"from 2009 to 2012", "2009-01-01", "2012-12-31"},
		{"entre 2006 y 2012", "2006-01-01", "2012-12-31"},
		{"survivors of the 2015 bombing", "2015-01-01", "2015-12-31"},
	} {
		es := Find(tc.text, ref, true)
		if len(es) != 1 || es[0].From.Format("2006-01-02") != tc.from || es[0].To.Format("2006-01-02") != tc.to || es[0].Precision != Year {
			t.Errorf("Find(%q) = %+v, want %s to %s at year precision", tc.text, es, tc.from, tc.to)
		}
	}
	for _, text := range []string{"between 2 and 4 people", "from 2019 to 2018"} {
		if es := Find(text, ref, true); len(es) != 0 {
			t.Errorf("Find(%q) = %+v, want nothing", text, es)
		}
	}
}

// TestFindLower checks that FindLower, given the lowered text, reads what
// Find reads.
func TestFindLower(t *testing.T) {
	texts := []string{
		"On TUESDAY, April 8, 2025 – Two Days Later, the Next Day; el Pasado DOMINGO, 8 De Abril De 2025, mid-March, Jan. 25",
	}
	for _, set := range []string{"isaf", "case2021"} {
		if docs, err := corpus.Load("corpus/" + set + "/dev.jsonl"); err == nil {
			for _, d := range docs {
				texts = append(texts, d.Text)
			}
		}
	}
	for _, text := range texts {
		want, got := Find(text, fri, true), FindLower(text, ascii.Lower(text), fri, true)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("FindLower(%.60q) = %v, want %v", text, got, want)
		}
	}
}

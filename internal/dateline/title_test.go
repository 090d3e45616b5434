package dateline

import "testing"

func TestTitleDate(t *testing.T) {
	tests := []struct {
		name, text, want string // want "" = no date
	}{
		{"title and release number", "Dec. 17: Militants Detained\n\nNEWS RELEASE\n2009-12-CA-072\nFor Immediate Release", "2009-12-17"},
		{"en dash in the number", "July 6: Operations in Ghazni\n2010-07-CA–028 \nFor Immediate Release", "2010-07-06"},
		{"December title, January number", "Dec. 31: Operations Overnight\n2011-01-S-001", "2010-12-31"},
		{"January title, December number", "Jan. 1: Operations Overnight\n2010-12-S-240", "2011-01-01"},
		{"months far apart", "May 3: Update\n2010-09-CA-001", ""},
		{"no release number", "Dec. 17: Militants Detained in Kandahar", ""},
		{"no title date", "Militants Detained\n2009-12-CA-072", ""},
		{"not a day", "Feb. 30: Update\n2011-02-S-001", ""},
		{"year glued to a longer number", "June 2: Update\nref 12010-06-1", ""},
		{"date later in the line is no title", "Update of Dec. 17: Militants\n2009-12-CA-072", ""},
		{"more than the date before the colon", "Dec. 17 update: Militants\n2009-12-CA-072", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := TitleDate(tc.text)
			got := ""
			if ok {
				got = d.Format("2006-01-02")
			}
			if got != tc.want {
				t.Errorf("TitleDate(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func FuzzTitleDate(f *testing.F) {
	f.Add("Dec. 17: Militants Detained\n2009-12-CA-072")
	f.Add("Sept 9: x 2010-09-S-1")
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := TitleDate(s)
		if ok && (d.Year() < 1899 || d.Year() > 2101) {
			t.Fatalf("TitleDate(%q) = %v", s, d)
		}
	})
}

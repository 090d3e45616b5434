package pipeline

import (
	"regexp"
	"strconv"
	"time"
)

// titleMonthDay is a yearless date opening the first line, as in dated
// release titles ("Dec. 17: Militants Detained in …").
var titleMonthDay = regexp.MustCompile(`^\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\s*:`)

// releaseYear is a year-month reference number in the header
// ("2009-12-CA-072"), which says the year a yearless title date lacks.
var releaseYear = regexp.MustCompile(`(?:^|[^0-9A-Za-z])((?:19|20)\d\d)-(\d\d)[-–]`)

var monthAbbr = map[string]time.Month{
	"Jan": time.January, "Feb": time.February, "Mar": time.March, "Apr": time.April, "May": time.May, "Jun": time.June,
	"Jul": time.July, "Aug": time.August, "Sep": time.September, "Sept": time.September, "Oct": time.October, "Nov": time.November, "Dec": time.December,
}

// titleDate completes a yearless title date with the year of a reference
// number in the header; false unless both are there and agree within a few
// months (a release filed in early January may carry a December title).
func titleDate(text string) (time.Time, bool) {
	head := text
	if len(head) > 400 {
		head = head[:400]
	}
	m := titleMonthDay.FindStringSubmatch(head)
	if m == nil {
		return time.Time{}, false
	}
	month := monthAbbr[m[1]]
	day, _ := strconv.Atoi(m[2])
	r := releaseYear.FindStringSubmatch(head)
	if r == nil {
		return time.Time{}, false
	}
	year, _ := strconv.Atoi(r[1])
	rm, _ := strconv.Atoi(r[2])
	switch diff := int(month) - rm; {
	case diff > 6:
		year--
	case diff < -6:
		year++
	case diff > 1 || diff < -1:
		return time.Time{}, false
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, false // "Feb. 30"
	}
	return t, true
}

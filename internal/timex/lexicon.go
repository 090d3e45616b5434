package timex

import "time"

// months maps English month names and abbreviations and Spanish month names
// (lower case) to months.
var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
	"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var monthsES = map[string]time.Month{
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
	"julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
	"noviembre": 11, "diciembre": 12,
}

// monthsESAbbr are the Spanish wire abbreviations ("29 sep", "9 dic").
var monthsESAbbr = map[string]time.Month{
	"ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8,
	"sep": 9, "sept": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

var weekdaysES = map[string]time.Weekday{
	"domingo": time.Sunday, "lunes": time.Monday, "martes": time.Tuesday,
	"miércoles": time.Wednesday, "miercoles": time.Wednesday, "jueves": time.Thursday,
	"viernes": time.Friday, "sábado": time.Saturday, "sabado": time.Saturday,
}

// titleNouns after a weekday make it part of a name: "Sunday Times".
var titleNouns = map[string]bool{
	"times": true, "telegraph": true, "express": true, "mirror": true, "post": true,
	"herald": true, "mail": true, "independent": true, "tribune": true, "star": true,
	"school": true, "service": true, "sport": true, "people": true, "observer": true,
}

// partsOfDay may follow a day word and belong to its span: "Monday night".
var partsOfDay = map[string]bool{
	"morning": true, "afternoon": true, "evening": true, "night": true, "noon": true,
}

// yearPreps introduce a bare month or year: "in March", "since 2019".
var yearPreps = map[string]bool{
	"in": true, "during": true, "since": true, "throughout": true, "until": true,
	"by": true, "early": true, "late": true, "mid": true, "of": true,
	"en": true, "durante": true, "desde": true, "hasta": true,
}

// spanishPreps are the Spanish members of yearPreps: a Spanish month name
// needs one ("en mayo"), an English one must not have one ("in Mayo" is a
// county).
var spanishPreps = map[string]bool{"en": true, "durante": true, "desde": true, "hasta": true}

// unit is a calendar unit of a relative expression.
type unit uint8

const (
	uDay unit = iota + 1
	uWeek
	uMonth
	uYear
	uRolling // the last seven days up to ref
)

// rel is a fixed relative phrase: n units from ref (unit day: days; others:
// calendar weeks, months, years, 0 being the one holding ref).
type rel struct {
	words []string
	unit  unit
	n     int
}

// relPhrases are matched longest first at each token. Word sequences are
// lower case; "'" never occurs because the scanner splits on it.
var relPhrases = []rel{
	{[]string{"the", "day", "before", "yesterday"}, uDay, -2},
	{[]string{"earlier", "this", "week"}, uWeek, 0},
	{[]string{"earlier", "this", "month"}, uMonth, 0},
	{[]string{"earlier", "this", "year"}, uYear, 0},
	{[]string{"earlier", "today"}, uDay, 0},
	{[]string{"later", "today"}, uDay, 0},
	{[]string{"the", "previous", "day"}, uDay, -1},
	{[]string{"the", "day", "before"}, uDay, -1},
	{[]string{"a", "day", "earlier"}, uDay, -1},
	{[]string{"a", "day", "later"}, uDay, 1},
	{[]string{"the", "next", "day"}, uDay, 1},
	{[]string{"the", "following", "day"}, uDay, 1},
	{[]string{"al", "día", "siguiente"}, uDay, 1},
	{[]string{"el", "día", "siguiente"}, uDay, 1},
	{[]string{"un", "día", "después"}, uDay, 1},
	{[]string{"un", "día", "antes"}, uDay, -1},
	{[]string{"the", "past", "week"}, uRolling, 0},
	{[]string{"the", "past", "24", "hours"}, uDay, 0},
	{[]string{"the", "past", "48", "hours"}, uDay, -1},
	{[]string{"the", "past", "two", "days"}, uDay, -2},
	{[]string{"the", "past", "three", "days"}, uDay, -3},
	{[]string{"the", "last", "24", "hours"}, uDay, 0},
	{[]string{"las", "últimas", "24", "horas"}, uDay, 0},
	{[]string{"this", "morning"}, uDay, 0},
	{[]string{"this", "afternoon"}, uDay, 0},
	{[]string{"this", "evening"}, uDay, 0},
	{[]string{"last", "night"}, uDay, -1},
	{[]string{"last", "evening"}, uDay, -1},
	{[]string{"this", "week"}, uWeek, 0},
	{[]string{"last", "week"}, uWeek, -1},
	{[]string{"next", "week"}, uWeek, 1},
	{[]string{"this", "month"}, uMonth, 0},
	{[]string{"last", "month"}, uMonth, -1},
	{[]string{"next", "month"}, uMonth, 1},
	{[]string{"this", "year"}, uYear, 0},
	{[]string{"last", "year"}, uYear, -1},
	{[]string{"next", "year"}, uYear, 1},
	{[]string{"today"}, uDay, 0},
	{[]string{"tonight"}, uDay, 0},
	{[]string{"yesterday"}, uDay, -1},
	{[]string{"tomorrow"}, uDay, 1},

	{[]string{"el", "día", "anterior"}, uDay, -1},
	{[]string{"la", "víspera"}, uDay, -1},
	{[]string{"esta", "mañana"}, uDay, 0},
	{[]string{"esta", "tarde"}, uDay, 0},
	{[]string{"esta", "noche"}, uDay, 0},
	{[]string{"la", "semana", "pasada"}, uWeek, -1},
	{[]string{"la", "semana", "anterior"}, uWeek, -1},
	{[]string{"la", "próxima", "semana"}, uWeek, 1},
	{[]string{"la", "semana", "próxima"}, uWeek, 1},
	{[]string{"esta", "semana"}, uWeek, 0},
	{[]string{"el", "mes", "pasado"}, uMonth, -1},
	{[]string{"el", "próximo", "mes"}, uMonth, 1},
	{[]string{"este", "mes"}, uMonth, 0},
	{[]string{"el", "año", "pasado"}, uYear, -1},
	{[]string{"el", "próximo", "año"}, uYear, 1},
	{[]string{"este", "año"}, uYear, 0},
	{[]string{"hoy"}, uDay, 0},
	{[]string{"ayer"}, uDay, -1},
	{[]string{"anoche"}, uDay, -1},
	{[]string{"anteayer"}, uDay, -2},
	{[]string{"antier"}, uDay, -2},
	{[]string{"antenoche"}, uDay, -2},
}

// anchoredRel are the relPhrases counted from the time the text is telling
// of ("the day before" a narrated strike), not from ref.
var anchoredRel = map[string]bool{
	"the previous day": true, "the day before": true, "a day earlier": true, "a day later": true, "the next day": true, "the following day": true, "al día siguiente": true, "el día siguiente": true, "un día después": true, "un día antes": true, "el día anterior": true, "la víspera": true,
}

// relByFirst indexes relPhrases by their first word, keeping their order.
var relByFirst = func() map[string][]rel {
	m := map[string][]rel{}
	for _, r := range relPhrases {
		m[r.words[0]] = append(m[r.words[0]], r)
	}
	return m
}()

// agoUnits name the unit of "two days ago" and "hace dos días".
var agoUnits = map[string]unit{
	"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "month": uMonth,
	"months": uMonth, "year": uYear, "years": uYear,
	"día": uDay, "días": uDay, "dia": uDay, "dias": uDay, "semana": uWeek,
	"semanas": uWeek, "mes": uMonth, "meses": uMonth, "año": uYear, "años": uYear,
}

// startWords are the words a date expression other than "N units ago" can
// start with; at skips every other word without trying each reading.
var startWords = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range []map[string]time.Month{months, monthsES} {
		for w := range t {
			m[w] = true
		}
	}
	for _, t := range []map[string]time.Weekday{weekdays, weekdaysES} {
		for w := range t {
			m[w] = true
		}
	}
	for w := range yearPreps {
		m[w] = true
	}
	for w := range relByFirst {
		m[w] = true
	}
	// Qualifiers read by prepositional and weekday, and Spanish "hace".
	// "between 2004 and 2018", "the 2015 bombing".
	for _, w := range []string{"last", "this", "next", "early", "late", "el", "este", "hace", "between", "from", "entre", "the", "its", "their", "his", "her"} {
		m[w] = true
	}
	return m
}()

package numbers

// wordKind is the grammatical role of a number word.
type wordKind uint8

const (
	wUnit     wordKind = iota + 1 // 0–9
	wTeen                         // 10–19 (and Spanish 10–29 single words)
	wTens                         // 20, 30 … 90
	wHundred                      // "hundred": multiplies what precedes
	wHundreds                     // Spanish "cien", "ciento", "doscientos": an absolute hundreds value
	wScale                        // thousand, million, billion: closes a group
)

type numWord struct {
	val  int64
	kind wordKind
}

// numberWords are the English and Spanish cardinal words. Spanish "un" and
// "una" are articles and only count inside fixed phrases ("una docena").
var numberWords = map[string]numWord{
	"zero": {0, wUnit}, "one": {1, wUnit}, "two": {2, wUnit}, "three": {3, wUnit},
	"four": {4, wUnit}, "five": {5, wUnit}, "six": {6, wUnit}, "seven": {7, wUnit},
	"eight": {8, wUnit}, "nine": {9, wUnit}, "ten": {10, wTeen}, "eleven": {11, wTeen},
	"twelve": {12, wTeen}, "thirteen": {13, wTeen}, "fourteen": {14, wTeen},
	"fifteen": {15, wTeen}, "sixteen": {16, wTeen}, "seventeen": {17, wTeen},
	"eighteen": {18, wTeen}, "nineteen": {19, wTeen}, "twenty": {20, wTens},
	"thirty": {30, wTens}, "forty": {40, wTens}, "fourty": {40, wTens}, "fifty": {50, wTens},
	"sixty": {60, wTens}, "seventy": {70, wTens}, "eighty": {80, wTens}, "ninety": {90, wTens},
	"hundred": {100, wHundred}, "thousand": {1_000, wScale}, "million": {1_000_000, wScale},
	"billion": {1_000_000_000, wScale},

	"cero": {0, wUnit}, "uno": {1, wUnit}, "dos": {2, wUnit}, "tres": {3, wUnit},
	"cuatro": {4, wUnit}, "cinco": {5, wUnit}, "seis": {6, wUnit}, "siete": {7, wUnit},
	"ocho": {8, wUnit}, "nueve": {9, wUnit}, "diez": {10, wTeen},
	"doce": {12, wTeen}, "trece": {13, wTeen}, "catorce": {14, wTeen}, "quince": {15, wTeen},
	"dieciséis": {16, wTeen}, "dieciseis": {16, wTeen}, "diecisiete": {17, wTeen},
	"dieciocho": {18, wTeen}, "diecinueve": {19, wTeen}, "veinte": {20, wTeen},
	"veintiuno": {21, wTeen}, "veintiún": {21, wTeen}, "veintiuna": {21, wTeen},
	"veintidós": {22, wTeen}, "veintidos": {22, wTeen}, "veintitrés": {23, wTeen},
	"veintitres": {23, wTeen}, "veinticuatro": {24, wTeen}, "veinticinco": {25, wTeen},
	"veintiséis": {26, wTeen}, "veintiseis": {26, wTeen}, "veintisiete": {27, wTeen},
	"veintiocho": {28, wTeen}, "veintinueve": {29, wTeen},
	"treinta": {30, wTens}, "cuarenta": {40, wTens}, "cincuenta": {50, wTens},
	"sesenta": {60, wTens}, "setenta": {70, wTens}, "ochenta": {80, wTens}, "noventa": {90, wTens},
	"cien": {100, wHundreds}, "ciento": {100, wHundreds}, "doscientos": {200, wHundreds},
	"doscientas": {200, wHundreds}, "trescientos": {300, wHundreds}, "trescientas": {300, wHundreds},
	"cuatrocientos": {400, wHundreds}, "cuatrocientas": {400, wHundreds},
	"quinientos": {500, wHundreds}, "quinientas": {500, wHundreds},
	"seiscientos": {600, wHundreds}, "seiscientas": {600, wHundreds},
	"setecientos": {700, wHundreds}, "setecientas": {700, wHundreds},
	"ochocientos": {800, wHundreds}, "ochocientas": {800, wHundreds},
	"novecientos": {900, wHundreds}, "novecientas": {900, wHundreds},
	"mil": {1_000, wScale}, "millón": {1_000_000, wScale}, "millon": {1_000_000, wScale},
	"millones": {1_000_000, wScale},
}

// scaleWords multiply a figure written in digits: "1.5 million", "2 mil".
var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
	"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6,
}

// articleScales are the fixed phrases where "a"/"an"/"un"/"una" is one:
// "a dozen", "a hundred", "a score", "una docena", "un centenar", "un millar".
var articleScales = map[string]int64{
	"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "score": 20,
	"docena": 12, "centenar": 100, "millar": 1_000, "millón": 1_000_000, "millon": 1_000_000,
}

// dozenWords multiply the number before them: "two dozen", "dos docenas".
var dozenWords = map[string]bool{"dozen": true, "docena": true, "docenas": true}

// Modifier phrases, as lower-case word sequences. Longest first where one is
// the prefix of another.
var (
	atLeastPhrases = [][]string{
		{"no", "fewer", "than"}, {"no", "less", "than"}, {"not", "less", "than"},
		{"a", "minimum", "of"}, {"at", "least"}, {"more", "than"}, {"over"},
		{"upwards", "of"}, {"in", "excess", "of"}, {"well", "over"},
		{"al", "menos"}, {"por", "lo", "menos"}, {"cuando", "menos"},
		{"más", "de"}, {"mas", "de"}, {"poco", "más", "de"},
	}
	upToPhrases = [][]string{
		{"up", "to"}, {"as", "many", "as"}, {"at", "most"}, {"no", "more", "than"},
		{"fewer", "than"}, {"less", "than"}, {"hasta"}, {"menos", "de"},
		{"como", "máximo"}, {"a", "lo", "sumo"},
		// "nearly 20" is fewer than 20: a ceiling, as coders reading the
		// text alone code it.
		{"nearly"}, {"almost"}, {"close", "to"}, {"just", "under"}, {"casi"}, {"poco", "menos", "de"},
	}
	approxPhrases = [][]string{
		{"about"}, {"around"}, {"approximately"}, {"roughly"},
		{"some"}, {"an", "estimated"}, {"estimated"},
		{"alrededor", "de"}, {"cerca", "de"}, {"aproximadamente"},
		{"unos"}, {"unas"}, {"un", "estimado", "de"},
	}
)

// vagueWord is a vague quantity word and the figure it stands for.
type vagueWord struct {
	phrase []string
	val    int64
}

// vagueWords is the convention table documented on Find. The ISAF labels
// code "several", "multiple" and "a few" as 3 and "numerous" as 4; the
// others follow the same reading (the smallest plural of the unit, doubled
// for "dozens"/"hundreds"…).
var vagueWords = []vagueWord{
	{[]string{"quite", "a", "few"}, 3},
	{[]string{"a", "few"}, 3},
	{[]string{"several"}, 3},
	{[]string{"multiple"}, 3},
	{[]string{"a", "handful", "of"}, 3},
	{[]string{"a", "couple", "of"}, 2},
	{[]string{"couple", "of"}, 2},
	{[]string{"numerous"}, 4},
	{[]string{"dozens"}, 24},
	{[]string{"scores", "of"}, 40},
	{[]string{"tens", "of", "thousands"}, 20_000},
	{[]string{"hundreds", "of", "thousands"}, 200_000},
	{[]string{"hundreds"}, 200},
	{[]string{"thousands"}, 2_000},
	{[]string{"millions"}, 2_000_000},

	{[]string{"unos", "cuantos"}, 3},
	{[]string{"unas", "cuantas"}, 3},
	{[]string{"varios"}, 3},
	{[]string{"varias"}, 3},
	{[]string{"múltiples"}, 3},
	{[]string{"un", "par", "de"}, 2},
	{[]string{"numerosos"}, 4},
	{[]string{"numerosas"}, 4},
	{[]string{"decenas", "de", "miles"}, 20_000},
	{[]string{"cientos", "de", "miles"}, 200_000},
	{[]string{"decenas"}, 24},
	{[]string{"docenas"}, 24},
	{[]string{"cientos"}, 200},
	{[]string{"centenares"}, 200},
	{[]string{"miles", "de"}, 2_000}, // "miles" alone is English
	{[]string{"millones"}, 2_000_000},
}

// monthWords name months (English, with abbreviations, and Spanish) so that
// day numbers next to them are not taken as quantities.
var monthWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
	"enero": true, "febrero": true, "marzo": true, "abril": true, "mayo": true,
	"junio": true, "julio": true, "agosto": true, "septiembre": true, "setiembre": true,
	"octubre": true, "noviembre": true, "diciembre": true,
}

// yearPrepositions before a four-digit figure below 1900 make it a year ("in 1848").
var yearPrepositions = map[string]bool{
	"in": true, "since": true, "of": true, "by": true, "from": true, "until": true,
	"circa": true, "en": true, "de": true, "desde": true, "hasta": true,
}

// countNouns make a four-digit figure a count rather than a year.
var countNouns = map[string]bool{"people": true, "persons": true, "personas": true, "individuals": true}

// timeWords after a figure make it a clock time.
var timeWords = map[string]bool{
	"a.m": true, "p.m": true, "am": true, "pm": true, "o'clock": true, "o’clock": true,
	"gmt": true, "utc": true, "hrs": true, "h": true, "hs": true,
}

// amountWords make a figure a share or a sum of money ("per cent" and
// "por ciento" are checked as pairs).
var amountWords = map[string]bool{
	"percent": true, "dollars": true, "dólares": true,
	"dolares": true, "euros": true, "pesos": true, "pounds": true, "rupees": true,
}

// pronounBefore and pronounAfter mark "one" as a pronoun: "no one", "one of".
var (
	pronounBefore = map[string]bool{
		"no": true, "the": true, "any": true, "every": true, "each": true, "this": true,
		"that": true, "which": true, "another": true, "someone": true, "such": true,
		"el": true, "la": true, "cada": true, "ningún": true, "alguno": true,
	}
	pronounAfter = map[string]bool{
		"of": true, "another": true, "who": true, "de": true, "del": true, "que": true,
		"more": true, "else": true,
	}
)

// startWords are the first words of the vague, bound, range and article
// readings; with the number words they are all a count can start with.
var startWords = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range vagueWords {
		m[v.phrase[0]] = true
	}
	for _, list := range [][][]string{atLeastPhrases, upToPhrases, approxPhrases} {
		for _, ph := range list {
			m[ph[0]] = true
		}
	}
	// between's openers, and words' fixed phrases.
	for _, w := range []string{"between", "from", "entre", "de", "half", "a", "an", "un", "una"} {
		m[w] = true
	}
	return m
}()

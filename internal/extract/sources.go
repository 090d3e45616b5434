package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/report"
)

// sources finds who a sentence's statements rest on, and the byte spans of
// those attributions (actors and places inside them are not parties to the
// action). They are found once per sentence: the lead's serve both its
// claims and the report's lead sources. Callers copy the sources, not
// change them.
func (r *run) sources(s *sent) ([]report.Source, [][2]int) {
	if !s.srcsOK {
		s.srcs, s.srcSpans = r.findSources(s)
		s.srcsOK = true
	}
	return s.srcs, s.srcSpans
}

func (r *run) findSources(s *sent) ([]report.Source, [][2]int) {
	var out []report.Source
	var spans [][2]int
	anonymous := false
	for _, h := range s.attrib {
		if h.e.cols[0] == "anonymous" && s.low[h.from] != "senior" && s.low[h.from] != "unnamed" && s.low[h.from] != "anonymous" {
			anonymous = true
		}
	}
	// "according to X" and "X said" / "said X" / "X told OUTLET".
	for i, w := range s.low {
		var from, to int
		introEnd, speech := s.attribAt(i)
		switch {
		case w == "according" && i+1 < len(s.low) && s.low[i+1] == "to", w == "según", w == "citing", w == "quoting", introEnd > i:
			from = i + 1
			if w == "according" {
				from = i + 2
			}
			if introEnd > i {
				from = introEnd
			}
			to = clauseEnd(s, from)
			if introEnd > i && s.low[introEnd-1] == "by" {
				// "a memo published by Semana shows that …": the name only.
				to = from
				for to < len(s.low) && (isCapWord(s.toks[to].Text) || isAllUpper(s.toks[to].Text) || to > from && nameLinks[s.low[to]]) {
					to++
				}
			}
			// "quoting an army officer who put the death toll at six": the
			// relative clause tells what the source said, not who it is.
			for k := from + 1; k < to; k++ {
				if s.low[k] == "who" && k+1 < to && (s.low[k+1] == "put" || s.low[k+1] == "gave" || s.low[k+1] == "said" || s.low[k+1] == "told" || s.low[k+1] == "reported" || s.low[k+1] == "described") {
					to = k
					break
				}
			}
			if i == 0 {
				// A fronted attribution ends at its comma: "Según fuentes
				// policiales, 11 personas murieron en Salamanca", "According
				// to an army spokesman, militants took the base".
				for k := from; k < to; k++ {
					if s.low[k] == "," {
						to = k
						break
					}
				}
			}
		case w == "quoted" && i > 1 && passiveAux[s.low[i-1]] && i+1 < len(s.low) && s.low[i+1] == "as":
			// "Col. Sani Uba was quoted as saying by the Daily Trust": the
			// subject of the passive is the speaker.
			from, to = r.subjectBefore(s, i-1), i-1
		case (s.has(i, wcReporting) || speech) && i > 0 && passiveAux[s.low[i-1]]:
			continue // "4 children were reported killed": the subject is no speaker
		case s.has(i, wcReporting) || speech:
			// Subject before the verb, back to the clause start or a comma.
			from, to = r.subjectBefore(s, i), i
			if to-from == 0 || isPronounSubject(s, from, to) {
				// Inverted: ', said Gen. John Smith, ...'
				if i+1 < len(s.low) && s.low[i+1] != "that" && s.low[i+1] != "que" {
					from, to = i+1, clauseEnd(s, i+1)
					// "said the strike killed two": a reported clause, not a
					// speaker; "said Ahmed al-Mesmari, spokesman for the army,
					// after air strikes on…": the speaker ends at the comma
					// before the action.
					for _, h := range s.actions {
						if h.from >= from && h.from < to {
							cut := from
							for k := h.from - 1; k > from; k-- {
								if s.low[k] == "," {
									cut = k
									break
								}
							}
							to = cut
						}
					}
				}
			}
			if w == "told" && to == i {
				// "officials told NBC News": the outlet follows.
				if o := r.outletIn(s, i+1, min(len(s.low), i+5)); o != "" && len(out) > 0 && out[len(out)-1].Outlet == nil {
					oo := o
					out[len(out)-1].Outlet = &oo
				}
			}
		default:
			continue
		}
		if to <= from {
			continue
		}
		src, ok := r.parseSource(s, from, to, anonymous)
		if !ok {
			continue
		}
		// "Le Monde reported": a name that reports, with no official's
		// word, is the press.
		if (w == "reported" || w == "reports") && src.Kind == report.SourceNamedOfficial && src.Name != nil && !s.attribKindIn(from, to, "official") {
			o := *src.Name
			src.Kind, src.Name, src.Outlet = report.SourceOutlet, nil, &o
		}
		// "the Houthis' Saba agency reported", "the state-run NNA reported":
		// a body's press that reports is the press.
		if (w == "reported" || w == "reports") && src.Kind == report.SourceOrganization && mediaWordIn(s, from, to) {
			o := strings.TrimSpace(strings.TrimPrefix(r.doc.Text[s.toks[from].Start:s.toks[to-1].End], "the "))
			src.Kind, src.Name, src.Outlet = report.SourceOutlet, nil, &o
		}
		// "…, the army said in a statement", "in a news release", "in a
		// televised statement", "in its daily summary": a statement, whoever
		// issued it.
		if s.has(i, wcReporting) && (statementNear(s, i+1) || inStatement(s, 0) && i < 12) && !(src.Kind == report.SourceNamedOfficial && personalPost(s, i+1)) {
			src.Kind = report.SourceStatement // "In a statement, the ministry said"; not a minister's post on X
		}
		if w == "told" && src.Outlet == nil {
			if o := r.outletIn(s, i+1, min(len(s.low), i+5)); o != "" {
				src.Outlet = &o
			}
		}
		if w == "quoted" && src.Outlet == nil {
			// "… was quoted as saying by the Saudi Press Agency"
			if o := r.outletIn(s, i+1, min(len(s.low), i+9)); o != "" {
				src.Outlet = &o
			}
		}
		a, b := s.span(from, to)
		if w == "according" || introEnd > i {
			a, _ = s.span(i, i+1)
		}
		// "Israel said it will strike": the speaker stays a possible party.
		if n := i + 1; s.has(i, wcReporting) && n < len(s.low) {
			if s.low[n] == "that" && n+1 < len(s.low) {
				n++
			}
			if s.low[n] == "it" || s.low[n] == "they" || s.low[n] == "we" || s.low[n] == "its" || s.low[n] == "their" || s.low[n] == "our" {
				out = append(out, src)
				continue
			}
		}
		spans = append(spans, [2]int{a, b})
		out = append(out, src)
	}
	// "U.S. Africa Command denied carrying out any strike", "Sunak declined
	// to rule out further strikes": a denial, threat or refusal is itself
	// speech, and its subject is a source. No span: the speaker stays a
	// possible party to the action.
	for _, h := range s.stages {
		if !speechCue(s, h) || s.has(h.from, wcReporting) {
			continue
		}
		from, to := r.cueSpeaker(s, h.from)
		if to <= from {
			continue
		}
		// A bare "officials have not ruled out" refers back to the sources
		// already named: it leaves the claim to inherit them.
		if src, ok := r.parseSource(s, from, to, anonymous); ok && !(src.Kind == report.SourceAnonymousOfficial && src.Count == nil && src.Name == nil && src.Outlet == nil && src.Affiliation == nil) {
			if (src.Kind == report.SourceOrganization || src.Kind == report.SourceNamedOfficial) && statementIn(s, h.to) && !personalPost(s, h.to) {
				// "the ministry repudiated the reports …, in a statement
				// issued on Sunday", "La Defensa negó, mediante una tarjeta
				// informativa, que …": a statement, whoever issued it.
				src.Kind = report.SourceStatement
			}
			out = append(out, src)
		}
	}
	if len(out) == 0 && anonymous {
		out = append(out, report.Source{Kind: report.SourceAnonymousOfficial})
	}
	return out, spans
}

// speechCues are stage cues that are acts of speech: their subject is who
// the claim rests on ("the ministry denied", "Iran threatened", "ruled out").
var speechCues = map[string]bool{
	"deny": true, "denies": true, "denied": true, "denying": true, "rejected": true, "rejects": true,
	"dismissed": true, "dismisses": true, "refuted": true, "refutes": true,
	"threaten": true, "threatens": true, "threatened": true, "threatening": true, "vowed": true, "vows": true,
	"pledged": true, "promised": true, "rule": true, "rules": true, "ruled": true, "ruling": true,
	"negó": true, "negaron": true, "amenazó": true, "amenazaron": true, "descartó": true, "descartaron": true,
	"scoffed": true, "repudiated": true, "brushed": true, "pushed": true, "disputed": true, "contradicted": true,
	"branded": true, "disclaimed": true, "disavowed": true, "warned": true, "cautioned": true, "insisted": true,
	"rechazó": true, "rechazaron": true, "desligó": true, "deslindó": true, "desmintió": true, "desmintieron": true,
}

// speechCue: a stage cue that is an act of speech. A denial or a threat is
// one whatever its words ("poured scorn on the claims", "termed the report
// mischievous", "was adamant that").
func speechCue(s *sent, h hit) bool {
	if speechCues[s.low[h.from]] {
		return true
	}
	switch report.Stage(h.e.cols[0]) {
	case report.Denied, report.Threatened:
		return h.e.cols[1] != "own"
	}
	return false
}

// cueSpeaker is the subject of the stage cue at token i: back to the clause
// start, past a reporting verb ("residents said the army denied": the army),
// and past the verbs that carry the cue ("declined on Monday to rule out").
// A pronoun subject is none.
func (r *run) cueSpeaker(s *sent, i int) (int, int) {
	// "A State Department spokesperson urged restraint, warning that…": a
	// participle after a comma has the main clause's subject, which ends
	// at its first verb (a reporting verb or stage cue).
	if i > 0 && s.low[i-1] == "," && strings.HasSuffix(s.low[i], "ing") {
		from := 0
		if dl := r.doc.Dateline; dl != nil {
			for from < i && s.toks[from].Start < dl.End {
				from++
			}
		}
		for k := from; k < i-1; k++ {
			verb := s.has(k, wcReporting)
			for _, c := range s.stages {
				verb = verb || c.from == k
			}
			if verb {
				if k > from && k-from <= 10 && !isPronounSubject(s, from, k) {
					return from, k
				}
				break
			}
		}
		return 0, 0
	}
	from := r.subjectBefore(s, i)
	verb := i
	if from > 1 && s.low[from-1] == "," && i-from <= 4 && lowerRun(s, from, i) {
		// "…'s regional president, Yusuf Warsame, delivered a written
		// request": the cue starts after its verb, the subject before it.
		if f := r.subjectBefore(s, from); f < from-1 {
			from, verb = f, from
		}
	}
	for k := i - 1; k >= from; k-- {
		if dl := r.doc.Dateline; dl != nil && s.toks[k].Start < dl.End {
			from = k + 1 // the dateline names where the reporter was
			break
		}
		if s.has(k, wcReporting) || s.low[k] == "who" || s.low[k] == "which" || s.low[k] == "where" || s.low[k] == "-" || s.low[k] == ")" {
			from = k + 1
			break
		}
	}
	to := verb
	for k := from; k < verb; k++ {
		// The subject ends at its verb: the first lower-case word after a
		// capitalised run or a noun ("declined", "has", "had", "on").
		if w := s.low[k]; w == "declined" || w == "refused" || w == "has" || w == "had" || w == "have" || w == "was" || w == "were" || w == "is" || w == "are" || w == "again" || w == "also" || w == "on" || w == "flatly" || w == "firmly" || w == "publicly" || w == "to" {
			to = k
			break
		}
	}
	// A long subject is a clause, unless it ends an appositive ("The
	// governor of Cameroon's Far North region, Oumarou Dayang,").
	if to <= from || isPronounSubject(s, from, to) || to-from > 10 && (s.low[to-1] != "," || to-from > 18) {
		return 0, 0
	}
	return from, to
}

// lowerRun: tokens from..to are lower-case words or dates, a verb phrase
// rather than a name.
func lowerRun(s *sent, from, to int) bool {
	for k := from; k < to; k++ {
		if w := s.toks[k].Text; w == "" || !unicode.IsLower([]rune(w)[0]) && !s.has(k, wcDate) && !isDigitTok(w) {
			return false // "on Monday called", "el martes turnó" read as a verb phrase too
		}
	}
	return to > from
}

// attribAt reports whether an attribution.tsv row of kind "intro" (a phrase
// the source follows: "de acuerdo con") starts at token i, returning the
// token after it, and whether one of kind "speech" (a reporting verb:
// "dijeron", "informaron") does. Languages name their phrases in data.
func (s *sent) attribAt(i int) (introEnd int, speech bool) {
	for _, h := range s.attrib {
		if h.from != i {
			continue
		}
		switch h.e.cols[0] {
		case "intro":
			return h.to, false
		case "speech":
			return 0, true
		}
	}
	return 0, false
}

// attribKindIn: an attribution cue of the kind lies within tokens [from, to).
func (s *sent) attribKindIn(from, to int, kind string) bool {
	for _, h := range s.attrib {
		if h.from >= from && h.to <= to && h.e.cols[0] == kind {
			return true
		}
	}
	return false
}

// statementNouns are written or broadcast statements a source issues.
var statementNouns = map[string]bool{
	"statement": true, "communique": true, "communiqué": true, "release": true, "bulletin": true,
	"summary": true, "briefing": true, "announcement": true, "update": true,
	"declaration": true, "message": true, "text": true, "notice": true, "recording": true, "note": true,
	"comunicado": true, "tarjeta": true, "boletín": true, "nota": true, "declaración": true, "pronunciamiento": true,
}

// inStatement: tokens from i read "in a|an|its|their [word] [word] statement".
// personalPost: "in a post", "in a tweet" follows token i: a person's own
// word, not an institution's statement.
func personalPost(s *sent, i int) bool {
	for k := i; k < len(s.low) && k <= i+4; k++ {
		switch s.low[k] {
		case "post", "posts", "tweet", "tweets", "video", "interview", "message":
			return true
		}
	}
	return false
}

// statementIn: "in a statement", "in a communiqué" stands after token i.
func statementIn(s *sent, i int) bool {
	for k := i; k+1 < len(s.low); k++ {
		if (s.low[k] == "in" || s.low[k] == "en" || s.low[k] == "mediante") && inStatement(s, k) {
			return true
		}
	}
	return false
}

// statementNear: "in a statement" starts at token i or a few words on
// ("said on Tuesday in a statement", "announced the toll in a release").
func statementNear(s *sent, i int) bool {
	for k := i; k < len(s.low) && k <= i+5; k++ {
		if s.low[k] == "in" || s.low[k] == "en" || s.low[k] == "mediante" {
			return inStatement(s, k)
		}
		if s.low[k] == "," || s.low[k] == "that" || s.low[k] == "que" {
			return false
		}
	}
	return false
}

func inStatement(s *sent, i int) bool {
	if i+2 >= len(s.low) || s.low[i] != "in" && s.low[i] != "en" && s.low[i] != "mediante" {
		return false
	}
	switch s.low[i+1] {
	case "a", "an", "its", "their", "his", "her", "the", "un", "una", "su":
	default:
		return false
	}
	for k := i + 2; k < len(s.low) && k <= i+4; k++ {
		if statementNouns[s.low[k]] {
			return true
		}
		if s.low[k] == "," || s.low[k] == "." || s.low[k] == "that" {
			return false
		}
	}
	return false
}

// clauseEnd: tokens up to the end of the sentence or a clause break / period.
func clauseEnd(s *sent, from int) int {
	for k := from; k < len(s.low); k++ {
		if s.low[k] == "." && k > from && (s.isTitle(k-1) || personTitles[s.low[k-1]]) {
			continue // "said Col. Ahmed Musa": the title's period
		}
		if s.low[k] == "." || s.low[k] == ";" || s.low[k] == "that" || s.has(k, wcClauseBreak) {
			return k
		}
		if s.low[k] == "," && k+1 < len(s.low) && (s.low[k+1] == "who" || s.low[k+1] == "which" || s.low[k+1] == "the" || s.low[k+1] == "and" && false) {
			return k
		}
	}
	return len(s.low)
}

func (r *run) subjectBefore(s *sent, verb int) int {
	// "The defence minister, Pedro Sánchez, said": step over an appositive.
	if verb > 1 && s.low[verb-1] == "," {
		k := verb - 1
		for k > 0 && s.low[k-1] != "," && !s.has(k-1, wcClauseBreak) && verb-k < 12 {
			k--
		}
		// Any short appositive: a name ("Pedro Sánchez", "Ahmed"), a
		// description ("a Britain-based war monitor") or a participle
		// ("speaking on condition of anonymity").
		words := 0 // "Maj. Gen. Pat Ryder": four words, whatever the dots
		for x := k; x < verb-1; x++ {
			if s.low[x] != "." {
				words++
			}
		}
		name := words >= 1 && (words <= 4 || words <= 6 && s.isTitle(k)) // ("Maj. Gen. Aung Kyaw Lwin")
		for x := k; x < verb-1 && name; x++ {
			name = isCapWord(s.toks[x].Text) || s.isTitle(x) || s.low[x] == "." || isNameParticle(s, x, k, verb-1)
		}
		// "en Aguililla, Michoacán, informó la Fiscalía": a place after a
		// place is no speaker's name; the speaker follows the verb.
		if name && r.placeAt(s.toks[k].Start) {
			name = false
		}
		// "Gen. Marcus Hale, the head of U.S. Central Command, said": a
		// description after a name, which must then start with a capital
		// that is no preposition ("In Kabul, the ministry said").
		described := false
		switch s.low[k] {
		case "a", "an", "speaking", "who", "asking", "requesting", "including":
			name = name || verb-1-k <= 10
		case "the":
			described = verb-1-k <= 10
		}
		if k > 1 && s.low[k-1] == "," && verb-1-k <= 10 {
			start := r.subjectBefore(s, k-1)
			capStart := start < k-1 && (isCapWord(s.toks[start].Text) || acronym(s.toks[start].Text)) && !functionWords[s.low[start]] && !r.placeAt(s.toks[start].Start)
			if start < k-1 && (name || described && capStart || capStart && s.nameRun(start, k-1)) {
				return start // "Dr. Ahmed Ali, director of the hospital, said"
			}
			// "with its spokesman, Air Vice Marshal Pongsak Rattanawong,
			// insisting": an official's post, then a long name.
			if start < k-1 && s.attribKindIn(start, k-1, "official") && verb-1-k <= 6 && s.capsRun(k, verb-1) {
				return start
			}
		}
	}
	k := verb
	for k > 0 {
		w := s.low[k-1]
		// "a doctor at the hospital that received the bodies told
		// Reuters": a short relative clause inside the subject.
		if (w == "that" || w == "who" || w == "which") && verb-k <= 5 && k >= 2 && relHead(s, k-2) {
			k--
			continue
		}
		if w == "," || w == ";" || w == ":" || w == "that" || w == "—" || w == "–" || w == "\"" || w == "“" || w == "”" || s.has(k-1, wcClauseBreak) {
			break
		}
		k--
		if verb-k > 14 {
			break
		}
	}
	return k
}

// relHead: token i can head a relative clause — a noun, not a verb of
// saying or a comma ("the hospital that", not "said that").
func relHead(s *sent, i int) bool {
	w := s.low[i]
	if s.has(i, wcReporting) || w == "," || speechCues[w] || strings.HasSuffix(w, "ed") {
		return false
	}
	return s.attribKindIn(i, i+1, "organization") || s.attribKindIn(i, i+1, "official") || s.attribKindIn(i, i+1, "witness") || s.kindAt(i) != "" || hospitalWords[w]
}

var hospitalWords = map[string]bool{"hospital": true, "clinic": true, "morgue": true, "village": true, "town": true, "camp": true}

// nameRun: tokens from..to are a short run of capitalised words and titles
// ("Dr. Ahmed Ali"), a person's or body's name.
func (s *sent) nameRun(from, to int) bool {
	return to-from >= 1 && to-from <= 6 && s.capsRun(from, to) // ("Brig. Hamoud al-Qirshi" is a name)
}

// properName: tokens from..to are a name and nothing else: an optional
// article, then capitalised words ("the White Helmets", "Médicos del
// Mundo"), not a sentence-initial common noun.
func (s *sent) properName(from, to int) bool {
	if from < to && articles[s.low[from]] {
		from++
	}
	if to-from < 1 || to-from > 6 || !isCapWord(s.toks[to-1].Text) || s.isTitle(from) {
		return false
	}
	caps := 0
	for x := from; x < to; x++ {
		switch {
		case isCapWord(s.toks[x].Text) || acronym(s.toks[x].Text):
			caps++
		case nameLinks[s.low[x]]:
		default:
			return false
		}
	}
	return caps >= 2 || from > 0 && articles[s.low[from-1]]
}

var articles = map[string]bool{"the": true, "el": true, "la": true, "los": true, "las": true}

// capsRun: tokens from..to are capitalised words, titles and dots.
func (s *sent) capsRun(from, to int) bool {
	for x := from; x < to; x++ {
		if !isCapWord(s.toks[x].Text) && !s.isTitle(x) && s.low[x] != "." && !isNameParticle(s, x, from, to) {
			return false
		}
	}
	return to > from
}

func isPronounSubject(s *sent, from, to int) bool {
	if to-from != 1 {
		return false
	}
	switch s.low[from] {
	case "he", "she", "they", "it", "we", "i", "who":
		return true
	}
	return false
}

// parseSource classifies the attribution tokens [from, to).
func (r *run) parseSource(s *sent, from, to int, anonymous bool) (report.Source, bool) {
	text := r.doc.Text[s.toks[from].Start:s.toks[to-1].End]
	src := report.Source{Text: text}
	// Outlet: "cited by NBC News", "told Reuters", or the whole phrase.
	outletName := r.outletIn(s, from, to)
	if outletName != "" {
		o := outletName
		src.Outlet = &o
	}
	kindOf := map[string]bool{}
	nounAt := -1
	for _, h := range s.attrib {
		if h.from >= from && h.to <= to {
			// "Fiscalía General", "Attorney General's Office": an official's
			// word inside an institution's capitalised name is no official.
			if (h.e.cols[0] == "official" || h.e.cols[0] == "witness") && h.from > from && isCapWord(s.toks[h.from].Text) && isCapWord(s.toks[h.from-1].Text) && hasInstitutionWord(s, h.from-1, min(to, h.to+2)) {
				continue
			}
			if (h.e.cols[0] == "witness" || h.e.cols[0] == "official" && possessiveWord(s.low[h.to-1])) && h.to < to && (s.attribKindIn(h.to, h.to+1, "organization") || s.attribKindIn(h.to, h.to+1, "third")) {
				continue // "a volunteer group", "the prime minister's office": a body
			}
			if h.e.cols[0] == "official" && s.low[h.from] == "official" && h.from+1 < to && (isCapWord(s.toks[h.from+1].Text) || acronym(s.toks[h.from+1].Text) || officialAdjOf[s.low[h.from+1]]) {
				continue // "Syria's official SANA news agency": an adjective
			}
			kindOf[h.e.cols[0]] = true
			if (h.e.cols[0] == "official" || h.e.cols[0] == "witness" || h.e.cols[0] == "anonymous" && (s.low[h.from] == "people" || s.low[h.from] == "person")) && nounAt < 0 {
				nounAt = h.from
			}
		}
	}
	if kindOf["third"] {
		kindOf["organization"] = true // "aid groups", "the U.N.", "Amnesty International"
	}
	if len(kindOf) == 0 && nounAt < 0 {
		if k, witness := unnamedPeople(s, from, to); k >= 0 {
			// "according to two people privy to the decision", "a person
			// who sat in on the meeting": someone with knowledge, unnamed;
			// "people who saw the jets" saw it happen.
			nounAt = k
			if witness {
				kindOf["witness"] = true
			} else {
				kindOf["anonymous"] = true
			}
		}
	}
	name := r.personName(s, from, to)
	statement := kindOf["statement"]
	var speaker *ActorSpan
	for i := range r.doc.Actors {
		a := &r.doc.Actors[i]
		if a.Start >= s.toks[from].Start && a.End <= s.toks[to-1].End && a.Via != "state" {
			speaker = a
			break
		}
	}
	if statement {
		src.Kind = report.SourceStatement
		if speaker != nil {
			n := speaker.Actor.Name
			src.Name = &n
		}
		return src, true
	}
	if kindOf["outlet"] && !kindOf["official"] && !kindOf["witness"] && !kindOf["anonymous"] {
		// "state media reported", "the state news agency SPA said": the
		// press, whoever owns it.
		src.Kind = report.SourceOutlet
		if outletName == "" {
			o := strings.TrimSpace(strings.TrimPrefix(text, "the "))
			src.Outlet = &o
		}
		return src, true
	}
	if speaker != nil && name == "" && !kindOf["official"] && !kindOf["witness"] {
		src.Kind = report.SourceOrganization
		n := speaker.Actor.Name
		src.Name = &n
		return src, true
	}
	switch {
	case kindOf["witness"]:
		src.Kind = report.SourceWitness
	case kindOf["official"] && name != "" && !anonymous,
		name != "" && s.isTitle(from) && !anonymous: // "Gen. Marcus Hale, the head of U.S. Central Command"
		src.Kind = report.SourceNamedOfficial
		src.Name = &name
	case kindOf["official"], kindOf["anonymous"]:
		src.Kind = report.SourceAnonymousOfficial
	case kindOf["statement"]:
		src.Kind = report.SourceStatement
	case kindOf["organization"]:
		src.Kind = report.SourceOrganization
		if c := strings.Index(text, ", "); c > 0 {
			text = text[:c] // "the Observatory, a war monitor,": the name before its appositive
		}
		n := strings.TrimSpace(strings.TrimPrefix(text, "the "))
		src.Name = &n
	case outletName != "":
		src.Kind = report.SourceOutlet
	case name != "":
		src.Kind = report.SourceNamedOfficial
		src.Name = &name
	default:
		// An actor speaking for itself ("the Pentagon said").
		for _, a := range r.doc.Actors {
			if a.Start >= s.toks[from].Start && a.End <= s.toks[to-1].End {
				src.Kind = report.SourceOrganization
				n := a.Actor.Name
				src.Name = &n
				break
			}
		}
		if src.Kind == "" && s.properName(from, to) {
			// "the White Helmets said": a body the registry does not know.
			src.Kind = report.SourceOrganization
			n := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(text, "the "), "The "))
			src.Name = &n
		}
		if src.Kind == "" {
			return src, false
		}
	}
	// Count: a number word before the source noun ("six current and former … officials").
	if nounAt >= 0 {
		for _, q := range s.numbers(r.doc.Text) {
			qa := q.Start + s.start
			if qa >= s.toks[from].Start && qa < s.toks[nounAt].Start && q.Min == q.Max && !q.Vague {
				n := q.Min
				src.Count = &n
				// Affiliation: the words between the count and the noun.
				if ti := s.tokenAt(q.End + s.start); ti >= 0 && ti < nounAt {
					aff := affiliation(r.doc.Text, s, ti, nounAt)
					if aff != "" {
						src.Affiliation = &aff
					}
				}
				break
			}
		}
		if src.Count == nil {
			for k := from; k+1 < nounAt; k++ {
				if (s.low[k] == "pair" || s.low[k] == "couple") && s.low[k+1] == "of" {
					src.Count = ip(2) // "a pair of senior officials"
				}
			}
		}
		if src.Count == nil {
			// "an official", "a senior administration official": one.
			if w := s.low[max(from, nounAt-1)]; w == "a" || w == "an" || w == "one" || w == "un" || w == "una" {
				src.Count = ip(1)
			} else if w := s.low[from]; (w == "a" || w == "an" || w == "one" || w == "un" || w == "una") && singular(s.low[nounAt]) {
				src.Count = ip(1)
			}
			if src.Affiliation == nil {
				start := from
				for start < nounAt && (s.low[start] == "a" || s.low[start] == "an" || s.low[start] == "the" || s.low[start] == "senior") {
					start++
				}
				if aff := affiliation(r.doc.Text, s, start, nounAt); aff != "" {
					src.Affiliation = &aff
				}
			}
		}
	}
	return src, true
}

// affiliation is the descriptive words before a source noun, without
// "current and former", "senior" and the like.
// officialAdjOf: nouns "official" describes rather than names.
var officialAdjOf = map[string]bool{"news": true, "media": true, "agency": true, "television": true, "tv": true, "radio": true, "figures": true, "toll": true, "statement": true, "channels": true}

func affiliation(text string, s *sent, from, to int) string {
	for from < to {
		switch s.low[from] {
		case "current", "and", "former", "senior", "top", "high-ranking", "other", "several", "two", "three":
			from++
			continue
		}
		break
	}
	if from >= to {
		return ""
	}
	return strings.TrimSpace(text[s.toks[from].Start:s.toks[to-1].End])
}

// outletIn finds a known outlet name in tokens [from, to).
func (r *run) outletIn(s *sent, from, to int) string {
	if from >= to || from >= len(s.toks) {
		return ""
	}
	seg := r.doc.Text[s.toks[from].Start:s.toks[min(to, len(s.toks))-1].End]
	best, bestLen := "", 0
	for _, o := range r.lx.outlets {
		for _, a := range o.aliases {
			if len(a) > bestLen && containsWord(seg, a) {
				best, bestLen = o.name, len(a)
			}
		}
	}
	return best
}

func containsWord(hay, needle string) bool {
	for i := 0; ; {
		j := strings.Index(hay[i:], needle)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(needle)
		okA := a == 0 || !isWordByte(hay[a-1])
		okB := b == len(hay) || !isWordByte(hay[b])
		if okA && okB {
			return true
		}
		i = a + 1
	}
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// personName: two or more capitalised words in a row that are not an actor,
// a place or an outlet ("Gen. John Smith", "Marco Rubio").
func (r *run) personName(s *sent, from, to int) string {
	best := ""
	for i := from; i < to; i++ {
		j := i
		for j < to && (isCapWord(s.toks[j].Text) || isNameParticle(s, j, i, to) || s.isTitle(j)) && !r.inNamedEntity(s.toks[j].Start) {
			j++
		}
		for i < j && notNameWords[s.low[i]] {
			i++ // "Two Western diplomats": a count and an adjective, no name
		}
		// "Defense Secretary Pete Hegseth", "Information Minister Abdirahman
		// Yusuf Hassan": the words up to the last title are not the name.
		k := i
		for x := i; x < j; x++ {
			if s.isTitle(x) {
				k = x + 1
			}
		}
		if j-k >= 2 && j-k <= 4 && !hasInstitutionWord(s, k, j) {
			name := joinToks(s, k, j)
			if !commonCap[strings.ToLower(s.toks[i].Text)] && len(name) > len(best) {
				best = name
			}
		}
		if j > i {
			i = j
		}
	}
	return best
}

// notNameWords start capitalised runs that are no one's name.
var notNameWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"several": true, "some": true, "many": true, "western": true, "eastern": true, "arab": true, "foreign": true, "senior": true,
	"local": true, "regional": true, "military": true, "security": true,
}

// isNameParticle: a lower-case part of a name between capitalised words
// ("Ahmed al-Mesmari", "Hamza bin Laden", "Ursula von der Leyen").
func isNameParticle(s *sent, j, from, to int) bool {
	w := s.toks[j].Text
	for _, p := range []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) && unicode.IsUpper(rune(w[len(p)])) {
			return j > from
		}
	}
	switch w {
	case "bin", "ibn", "abu", "van", "von", "der":
		// Not "de", "del", "la": they join institutions' names too
		// ("Departamento de Defensa").
		return j > from && j+1 < to && (isCapWord(s.toks[j+1].Text) || isNameParticle(s, j+1, from, to))
	}
	return false
}

var commonCap = map[string]bool{"the": true, "u.s.": true, "president": false, "new": true, "united": true, "department": true, "ministry": true, "white": true, "national": true}

func isCapWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n < len(w) && unicode.IsUpper(r) && !strings.Contains(w, ".") && !isAllUpper(w) // n < len(w): two runes or more
}

// acronym: an all-capital name of two letters or more ("MONUSCO", "AMISOM").
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

func isAllUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func joinToks(s *sent, i, j int) string {
	parts := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		parts = append(parts, s.toks[k].Text)
	}
	return strings.Join(parts, " ")
}

// firstSources is the lead attribution of the report: claims stated without
// their own attribution rest on it (a news report's lead covers its story).
func (r *run) firstSources() []report.Source {
	for _, s := range r.sents {
		if s.para > 1 {
			break
		}
		if srcs, _ := r.sources(s); len(srcs) > 0 {
			return srcs
		}
	}
	return nil
}

// dedupeSources drops repeats and vague anaphoric sources ("the sources",
// "officials") when a counted or named source of the same kind is present.
func dedupeSources(in []report.Source) []report.Source {
	out := make([]report.Source, 0, len(in))
	for _, s := range in {
		dup := false
		for _, o := range out {
			if o.Kind == s.Kind && eqStr(o.Name, s.Name) && eqInt(o.Count, s.Count) && eqStr(o.Outlet, s.Outlet) && eqStr(o.Affiliation, s.Affiliation) {
				dup = true
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	strong := map[string]bool{}
	for _, s := range out {
		if s.Count != nil || s.Name != nil || s.Outlet != nil {
			strong[s.Kind] = true
		}
	}
	final := out[:0]
	for _, s := range out {
		if s.Count == nil && s.Name == nil && s.Outlet == nil && strong[s.Kind] {
			continue
		}
		final = append(final, s)
	}
	return final
}

func eqStr(a, b *string) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
func eqInt(a, b *int) bool    { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// reportingVerbs introduce who a statement rests on.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "stated": true, "confirmed": true, "announced": true,
	"claimed": true, "reported": true, "warned": true, "added": true, "noted": true, "insisted": true,
	"acknowledged": true, "admitted": true, "stressed": true, "emphasized": true, "emphasised": true, "wrote": true,
	"tweeted": true, "posted": true, "explained": true, "estimated": true, "saying": true,
	"insisting": true, "noting": true, "stressing": true, "arguing": true, // "with its spokesman, X, insisting that …"
	"asserted": true, "maintained": true, "contended": true, "argued": true, "disclosed": true, "revealed": true,
	"recounted": true, "testified": true, "conceded": true, "replied": true, "responded": true, "retorted": true,
	"remarked": true, "declared": true, "complained": true, "recalled": true, "observed": true, "assured": true,
	"dijo": true, "informó": true, "afirmó": true, "declaró": true,
}

// inNamedEntity: byte b lies inside an actor or place mention, so it is no
// part of a person's name.
func (r *run) inNamedEntity(b int) bool {
	for _, a := range r.doc.Actors {
		if b >= a.Start && b < a.End && a.Via != "title" {
			return true
		}
	}
	for _, p := range r.doc.Places {
		if b >= p.Start && b < p.End {
			return true
		}
	}
	return false
}

// institutionWords end a capitalised name that is no person ("Defense
// Ministry", "Southern Command").
var institutionWords = map[string]bool{
	"ministry": true, "department": true, "office": true, "command": true, "army": true, "police": true, "force": true,
	"forces": true, "agency": true, "council": true, "committee": true, "commission": true, "guard": true, "navy": true,
	"corps": true, "service": true, "services": true, "secretariat": true, "government": true, "administration": true,
	"observatory": true, "organization": true, "organisation": true, "court": true, "party": true, "front": true, "headquarters": true,
	"network": true, "union": true, "syndicate": true, "association": true, "federation": true, "alliance": true, "society": true,
	"ministerio": true, "secretaría": true, "fiscalía": true, "procuraduría": true, "ejército": true, "policía": true,
	"guardia": true, "marina": true, "gobierno": true, "comando": true, "fuerza": true, "fuerzas": true, "oficina": true,
}

func hasInstitutionWord(s *sent, i, j int) bool {
	for k := i; k < j; k++ {
		if s.has(k, wcInstitution) {
			return true
		}
	}
	return false
}

// personTitles precede a person's name ("Col. John Smith").
var personTitles = map[string]bool{
	"president": true, "vice": true, "prime": true, "minister": true, "secretary": true, "defense": true, "defence": true,
	"foreign": true, "interior": true, "gen": true, "general": true, "col": true, "colonel": true, "lt": true,
	"maj": true, "major": true, "brig": true, "capt": true, "captain": true, "sgt": true, "adm": true, "admiral": true, "gov": true,
	"governor": true, "sen": true, "senator": true, "rep": true, "ambassador": true, "spokesman": true, "spokeswoman": true,
	"commander": true, "mr": true, "mrs": true, "ms": true, "dr": true, "gral": true, "presidente": true, "presidenta": true,
	"secretario": true, "secretaria": true, "ministro": true, "ministra": true, "canciller": true, "vocero": true,
}

func titleKey(w string) string { return strings.ToLower(strings.TrimSuffix(w, ".")) }

// isTitle is personTitles[titleKey(s.toks[i].Text)], read from the token's
// word classes: s.low[i] is the token lower-cased.
func (s *sent) isTitle(i int) bool {
	if s.has(i, wcTitle) {
		return true
	}
	if w := s.low[i]; strings.HasSuffix(w, ".") {
		return personTitles[titleKey(s.toks[i].Text)]
	}
	return false
}

// passiveAux before a reporting verb makes it passive ("were reported").
var passiveAux = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "be": true, "being": true}

// nameLinks join the words of a name ("Folha de S.Paulo", "Voice of America").
var nameLinks = map[string]bool{"de": true, "of": true, "the": true, "del": true, "la": true, "s.paulo": true}

// mediaWordIn: tokens from..to name a news medium ("agency",
// "state-run", "broadcaster").
func mediaWordIn(s *sent, from, to int) bool {
	for k := from; k < to; k++ {
		switch s.low[k] {
		case "agency", "agency's", "state-run", "state-owned", "broadcaster", "newspaper", "daily", "weekly", "tv", "television", "radio", "channel":
			return true
		}
	}
	return false
}

// unnamedPeople finds a source phrase that is a count of people and what
// they know ("two people acquainted with the talks", "dos personas que
// conocen el plan"): the token of the people noun, or -1, and whether the
// words after it say they saw or heard it.
func unnamedPeople(s *sent, from, to int) (int, bool) {
	k := from
	if k < to && (s.low[k] == "the" || s.low[k] == "las" || s.low[k] == "los") {
		k++
	}
	if k >= to || !countWords[s.low[k]] && !isDigitTok(s.low[k]) {
		return -1, false
	}
	if k+1 < to && (s.low[k+1] == "of" || s.low[k+1] == "de") {
		return -1, false // "two of the people said": some of those already named
	}
	for j := k + 1; j < to && j <= k+3; j++ {
		if !peopleNouns[s.low[j]] {
			continue
		}
		for m := j + 1; m < to && m <= j+6; m++ {
			if sawWords[s.low[m]] {
				n := m + 1
				if n < to && (s.low[n] == "the" || s.low[n] == "a" || s.low[n] == "an" || s.low[n] == "el" || s.low[n] == "la") {
					n++
				}
				// "two people who have seen the order" read it.
				return j, n >= to || !documentNouns[s.low[n]]
			}
		}
		return j, false
	}
	return -1, false
}

var countWords = map[string]bool{
	"a": true, "an": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "several": true, "some": true, "other": true, "many": true,
	"un": true, "una": true, "unas": true, "unos": true, "dos": true, "tres": true, "cuatro": true, "cinco": true, "varias": true, "varios": true,
}

// peopleNouns name a person without saying who or what post.
var peopleNouns = map[string]bool{
	"people": true, "person": true, "persons": true, "individuals": true, "individual": true, "participants": true,
	"participant": true, "attendees": true, "attendee": true, "personas": true, "persona": true, "participantes": true,
}

// sawWords tell that the people were there to see or hear it.
var sawWords = map[string]bool{
	"saw": true, "seen": true, "heard": true, "witnessed": true, "watched": true, "live": true, "lives": true, "lived": true,
	"fled": true, "survived": true, "vieron": true, "escucharon": true, "oyeron": true, "presenciaron": true, "viven": true,
}

// documentNouns are what one reads rather than sees happen.
var documentNouns = map[string]bool{
	"order": true, "orders": true, "document": true, "documents": true, "letter": true, "memo": true, "plan": true,
	"plans": true, "draft": true, "message": true, "cable": true, "report": true, "directive": true, "decree": true,
	"orden": true, "documento": true, "carta": true,
}

func possessiveWord(w string) bool { return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") }

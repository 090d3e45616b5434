package extract

import (
	"strings"

	"github.com/strikewatch/strikewatch/internal/report"
)

// specificity ranks violent actions: within one sentence the most specific
// trigger names the event and the generic ones ("killed", "attack") fold in.
func specificity(sub string) int {
	switch sub {
	case "Air/drone strike", "Chemical weapon", "Suicide bomb":
		return 5
	case "Remote explosive/landmine/IED", "Grenade", "Shelling/artillery/missile attack":
		return 4
	case "Armed clash":
		return 3
	case "Attack":
		return 1
	}
	return 2
}

var violentTypes = map[string]bool{
	"Explosions/Remote violence": true, "Battles": true, "Violence against civilians": true,
}

// violenceContext reports whether a sentence speaks of violence: casualties,
// weapons or targets. Weak and attack triggers need it ("a strike" in a labour
// story is no air strike).
func (s *sent) violenceContext(trig hit) bool {
	for _, h := range s.casualties {
		// "target" rows (casualties.tsv) name what force is used against
		// ("cárteles", "campamento") in languages the list below lacks.
		if k := h.e.cols[0]; k == "killed" || k == "injured" || k == "target" {
			return true
		}
	}
	if len(s.weapons) > 0 {
		return true
	}
	for _, w := range s.low {
		switch w {
		case "militants", "insurgents", "targets", "target", "targeted", "targeting", "compound", "hideout", "hideouts",
			"fighters", "positions", "convoy", "military", "forces", "troops", "army", "rebels", "terrorists", "cartel", "cartels":
			return true
		}
	}
	return false
}

// labourStrike guards "strike" words that mean a work stoppage or a sports move.
func (s *sent) labourStrike(h hit) bool {
	strikeWord := false
	for i := h.from; i < h.to; i++ {
		switch s.low[i] {
		case "strike", "strikes", "striking", "struck", "huelga", "huelgas", "paro":
			strikeWord = true
		}
	}
	for i := max(0, h.from-6); i < min(len(s.low), h.to+4); i++ {
		if !strikeWord && workers[s.low[i]] {
			continue // "an air raid killed five miners": the victims, no stoppage
		}
		switch s.low[i] {
		case "general":
			if i+1 < len(s.low) && (s.low[i+1] == "strike" || s.low[i+1] == "strikes") {
				return true // not "the general staff", "Gen."
			}
		case "staff":
			if i == 0 || s.low[i-1] != "of" && s.low[i-1] != "general" {
				return true // not "the chief of staff", "the general staff"
			}
		case "hunger", "workers", "union", "unions", "labor", "labour", "teachers'", "teachers", "went", "walkout", "goal", "ball", "striker", "lightning",
			"doctors", "nurses", "employees", "drivers", "miners", "pay", "wage", "wages", "salary", "salaries", "pension", "pensions", "picket", "industrial", "strikers", "unionists",
			"dockworkers", "dockers", "stoppage", "pilots", "controllers", "truckers", "farmers", "students", "rent", "tenants", "tenant":
			return true
		}
	}
	return false
}

// workers are the people of a stoppage, beside a "strike" word; beside
// another verb of force they are as often its victims.
var workers = map[string]bool{
	"workers": true, "teachers'": true, "teachers": true, "doctors": true, "nurses": true, "employees": true, "drivers": true,
	"miners": true, "dockworkers": true, "dockers": true, "pilots": true, "controllers": true, "truckers": true, "farmers": true,
	"students": true,
}

// seedWords alone make bombing figurative; so does a cyberattack, which
// "strikes" or "hits" a network, not a place.
var seedWords = map[string]bool{
	"seeds": true, "seedballs": true, "semillas": true,
	"ransomware": true, "malware": true, "cyberattack": true, "cyberattacks": true, "cyber-attack": true, "cyber-attacks": true,
	"ddos": true, "phishing": true, "ciberataque": true, "ciberataques": true, "hackers": true,
	// pest control: "bombard mosquito breeding grounds with larvicide dropped from drones"
	"larvicide": true, "insecticide": true, "mosquito": true, "mosquitoes": true, "fumigación": true,
}

// figurativeWords belong to sport and money, where strikes, bombs and
// attacks are figures of speech.
var figurativeWords = map[string]bool{
	"goal": true, "goals": true, "scored": true, "header": true, "corner": true, "penalty": true, "midfielder": true,
	"defender": true, "defenders": true, "centre-back": true, "center-back": true, "striker": true, "goalkeeper": true,
	"league": true, "match": true, "innings": true, "wicket": true, "touchdown": true, "quarterback": true,
	"tax": true, "taxes": true, "loophole": true, "loopholes": true, "levy": true, "levies": true, "budget": true,
	"tariff": true, "tariffs": true, "inflation": true, "shares": true, "investors": true, "stocks": true, "earnings": true,
	"stadium": true, "footballer": true, "half-time": true, "halftime": true, "kickoff": true,
	"bowled": true, "bowler": true, "bowlers": true, "bowling": true, "batsman": true, "batsmen": true, "batter": true,
	"seamers": true, "spinners": true, "wickets": true, "top-scored": true, "fixture": true,
	// Spanish match reports: "bombardeó de centros el área … un cabezazo".
	"gol": true, "goles": true, "cabezazo": true, "delantero": true, "portero": true, "arquero": true, "estadio": true,
	"futbolista": true, "penalti": true, "mediocampista": true, "golazo": true, "minuto": true, "centros": true,
	"preguntas": true, "árbitro": true, "aficionados": true, "hinchas": true, "empatar": true, "goleador": true, "redes": true,
	// horse racing: "Air Strike, the 9-2 second favourite, stormed clear in the final furlong"
	"furlong": true, "furlongs": true, "favourite": true, "jockey": true, "racecourse": true, "stakes": true, "handicap": true,
	// stage comedy: "his show had bombed … 'a targeted strike on the audience's patience'"
	"comedian": true, "audience's": true, "reviewer": true, "podcast": true, "gig": true, "stand-up": true,
	// farm drones: "a crop-spraying drone scheme … the agriculture department"
	"crop-spraying": true, "crop-dusting": true, "agriculture": true, "agricultural": true, "fumigadora": true,
	// pests: "drones atacó desde el aire la plaga de langosta … las aspersiones"
	"mosquito": true, "mosquitoes": true, "larvicide": true, "dengue": true, "malaria": true, "insecticide": true,
	"locust": true, "locusts": true, "pests": true, "plaga": true, "langosta": true, "aspersiones": true, "fumigación": true,
	// combat sports: "striking Wakatsurugi twice in the throat … the bout"
	"bout": true, "bouts": true, "sumo": true, "wrestler": true, "wrestlers": true, "referee": true,
	// space: "a mission to strike a near-Earth asteroid with an impactor"
	"asteroid": true, "asteroids": true, "impactor": true, "spacecraft": true, "comet": true, "near-earth": true,
	// fish stocking: "a plane 'bombing' lakes with trout fingerlings"
	"trout": true, "fingerlings": true, "hatchery": true, "fish": true,
	// medicine: "a 'precision strike' on tumours", "proton-beam therapy"
	"tumour": true, "tumours": true, "tumor": true, "tumors": true, "proton-beam": true, "chemotherapy": true, "radiotherapy": true,
	// tennis and angling: "bombed down 23 aces", "a technique called bait bombing"
	"aces": true, "tennis": true, "qualifier": true, "angler": true, "anglers": true, "bait": true, "tuna": true,
	// business: "dawn raids at suppliers on suspicion they had agreed to fix prices"
	"antitrust": true, "competition": true, "prices": true, "beehives": true, "hornets": true,
	// baseball: "shelled the Rangers' bullpen for six runs"
	"bullpen": true, "inning": true, "pitcher": true, "pitchers": true, "shortstop": true, "homer": true, "homers": true,
	"strikeouts": true, "left-hander": true, "right-hander": true, "outfielder": true,
	// gridiron football: "threw a 62-yard bomb", "raided the backfield for five sacks"
	"backfield": true, "sacks": true, "linebacker": true, "receiver": true, "touchdowns": true, "quarterbacks": true,
	"field-goal": true, "end-zone": true,
	// volleyball: "registered 24 kills, most of them off pipe attacks"
	"volleyball": true, "hitter": true, "blockers": true, "blocker": true, "passer": true, "setter": true, "spikes": true,
	// darts: "bombarded the treble 20 with eleven maximums"
	"darts": true, "dart": true, "treble": true, "checkout": true, "bullseye": true, "oche": true,
	// basketball, golf and boxing: "bombardeó desde la línea de tres", "a barrage of birdies"
	"basketball": true, "básquetbol": true, "baloncesto": true, "básquet": true, "cancha": true, "entrenador": true,
	"espectadores": true, "spectators": true, "three-pointer": true, "three-pointers": true, "rebounds": true,
	"triples": true, "golf": true, "golfer": true, "birdie": true, "birdies": true, "fairway": true, "boxing": true,
	"boxer": true, "heavyweight": true, "knockout": true,
	// chess and other games: "launched a kingside attack … struck on move 31"
	"chess": true, "kingside": true, "queenside": true, "rook": true, "pawn": true, "pawns": true, "checkmate": true,
	"grandmaster": true, "gambit": true, "endgame": true, "tournament": true, "championship": true, "semi-final": true,
	"semifinal": true, "playoff": true, "playoffs": true,
	// seed bombing ("seeds", "semillas" alone suffice: seedWords)
	"seed": true, "reforestation": true, "reforestación": true, "siembra": true,
	// fireworks: "un bombardeo de truenos y petardos … la mascletà"
	"fireworks": true, "firecrackers": true, "firecracker": true, "pyrotechnic": true, "pyrotechnics": true,
	"petardos": true, "petardo": true, "pirotecnia": true, "pirotécnico": true, "pirotécnica": true, "mascletà": true,
	"mascleta": true, "fallas": true,
	// cloud seeding: "bombardearon nubes con yoduro de plata"
	"clouds": true, "cloud-seeding": true, "iodide": true, "nubes": true, "yoduro": true, "precipitaciones": true,
}

// figurative: the sentence speaks of sport or money, with no one killed
// or hurt.
func (s *sent) figurative() bool {
	n := 0
	for _, c := range s.cls {
		if c&wcSeed != 0 {
			return true // "drones 'bombed' the hills with seeds": reforestation
		}
		if c&wcFigurative != 0 {
			n++
		}
	}
	if n >= 3 {
		return true // "the outside hitter registered 24 kills … the blockers … three aces": a match report
	}
	for _, h := range s.casualties {
		if k := h.e.cols[0]; k == "killed" || k == "injured" {
			return false
		}
	}
	return n >= 2
}

// exercise: the sentence speaks of military drills or displays.
func (s *sent) exercise() bool {
	for i, w := range s.low {
		switch w {
		case "exercise", "exercises", "drill", "drills", "live-fire", "wargames", "war-games", "manoeuvres", "maneuvers", "sinkex",
			"simulacro", "simulacros", "ejercicio", "ejercicios", "maniobras":
			return true
		case "games":
			if i > 0 && s.low[i-1] == "war" {
				return true
			}
		case "mock", "airshow", "air-show", "flypast", "fly-past":
			return true // "stage a mock ground-attack run at the air show"
		case "show":
			if i > 0 && s.low[i-1] == "air" {
				return true
			}
		case "flight", "flights", "sortie", "sorties":
			// "crashed during a routine training flight"
			if i > 0 && (s.low[i-1] == "training" || s.low[i-1] == "test") {
				return true
			}
		}
	}
	return false
}

// exerciseReport: the report's lead speaks of military drills, so the force
// it tells of is training ("The sinking exercise was the climax of the war
// games").
func (r *run) exerciseReport() bool { return r.leadTells(&r.exerciseLead, (*sent).exercise) }

// sportsReport: the report's lead is about sport, so its bombs and raids
// are figures of speech ("They were dropping bombs on us all night," the
// manager said).
func (r *run) sportsReport() bool { return r.leadTells(&r.sportsLead, (*sent).figurative) }

// leadTells: a sentence of the report's lead, with no one killed or hurt,
// satisfies pred. Computed once per report into *cache (0 unknown, 1 yes,
// -1 no).
func (r *run) leadTells(cache *int, pred func(*sent) bool) bool {
	if *cache == 0 {
		*cache = -1
		for _, s := range r.lead() {
			if pred(s) && !s.hasCasualty() {
				*cache = 1
				break
			}
		}
	}
	return *cache == 1
}

// lead is the report's first two paragraphs (a headline and its lede).
func (r *run) lead() []*sent {
	n := 0
	for n < len(r.sents) && r.sents[n].para <= r.sents[0].para+1 {
		n++
	}
	return r.sents[:n]
}

// oldWar: the sentence places its action in a world war ("during the
// Second World War", "a WWII bomb").
func oldWar(s *sent) bool {
	for i, w := range s.low {
		switch w {
		case "wwii", "ww2", "wwi", "viking", "vikings", "medieval", "archaeologists", "archaeological", "archaeologist":
			return true // "victims of a Viking raid in the late ninth century": history, no event
		case "century", "centuries":
			// "in the late ninth century", "the 12th century": not "this
			// century", "the 21st century" or "more than a century".
			if i > 0 && pastOrdinal(s.low[i-1]) {
				return true
			}
		case "war":
			if i >= 2 && s.low[i-1] == "world" && (s.low[i-2] == "second" || s.low[i-2] == "first") ||
				i+1 < len(s.low) && i >= 1 && s.low[i-1] == "world" && (s.low[i+1] == "ii" || s.low[i+1] == "i" || s.low[i+1] == "two" || s.low[i+1] == "one") {
				return true
			}
		}
	}
	return false
}

// commemorated: the action at token i is named as what is remembered ("the
// anniversary of the bombing", "a memorial to the victims of the raid").
func commemorated(s *sent, i int) bool {
	k := i - 1
	for n := 0; n < 2 && k > 0 && isCapWord(s.toks[k].Text); n++ {
		k-- // "the anniversary of the Dresden air raids"
	}
	if k >= 0 && (s.low[k] == "the" || s.low[k] == "a") {
		k--
	}
	if k < 1 || s.low[k] != "of" {
		return false
	}
	switch s.low[k-1] {
	case "anniversary", "anniversaries", "commemoration", "remembrance", "memorial", "memory":
		return true
	}
	return false
}

// reliefGoods dropped from the air are aid, not force.
var reliefGoods = map[string]bool{
	"food": true, "aid": true, "supplies": true, "tents": true, "water": true, "medicine": true, "medicines": true,
	"leaflets": true, "flyers": true, "pamphlets": true, "humanitarian": true, "relief": true, "parcels": true,
	"packages": true, "blankets": true, "rations": true, "víveres": true, "alimentos": true, "volantes": true,
}

// reliefDrop: the action ends in a drop ("dropped", "dropping") whose
// object is relief goods or leaflets.
func reliefDrop(s *sent, h hit) bool {
	if w := s.low[h.to-1]; w != "dropped" && w != "dropping" && w != "drops" && w != "drop" && w != "lanzaron" {
		return false
	}
	for k := h.to; k < len(s.low) && k <= h.to+3; k++ {
		if reliefGoods[s.low[k]] {
			return true
		}
	}
	return false
}

// civilUses name drones built for work or play, not war.
var civilUses = map[string]bool{
	"camera": true, "filming": true, "delivery": true, "racing": true, "toy": true, "hobby": true, "hobbyist": true,
	"recreational": true, "consumer": true, "photography": true, "survey": true, "mapping": true, "inspection": true,
	"crop-spraying": true, "agricultural": true, "farm": true, "show": true, "light-show": true, "television": true, "tv": true,
	"fishing": true, "police": true, "rescue": true, "firefighting": true, "fire-brigade": true, "lifeguard": true,
}

// droneMedia after "drone" make it a modifier of something else.
var droneMedia = map[string]bool{
	"coverage": true, "footage": true, "pilot": true, "pilots": true, "operator": true, "operators": true, "show": true,
	"shows": true, "images": true, "video": true, "videos": true, "photos": true, "shots": true,
	"survey": true, "surveys": true, "imagery": true, "cam": true, "cams": true, "camera": true, "cameras": true, "mapping": true, "photography": true, "delivery": true, "deliveries": true,
}

// civilDroneVerbs after a drone tell a civil use: "a drone flown by one of
// the organisers filmed the banner".
var civilDroneVerbs = map[string]bool{
	"filmed": true, "filming": true, "films": true, "photographed": true, "photographing": true,
	"surveyed": true, "surveying": true, "mapped": true, "inspected": true, "inspecting": true,
	"filmó": true, "grabó": true, "fotografió": true,
}

// civilDrone: the sentence's drones are all named as ones for civil use
// ("a camera drone filming the race lost power and struck a skier").
func civilDrone(s *sent, h hit) bool {
	civil := false
	for i, w := range s.low {
		if w != "drone" && w != "drones" {
			continue
		}
		if i+1 < len(s.low) && droneMedia[s.low[i+1]] {
			continue // "drone coverage had been suspended": no drone of its own
		}
		if civilDroneAfter(s, i) {
			civil = true
			continue
		}
		if i == 0 || !civilUses[s.low[i-1]] {
			return false
		}
		civil = true
	}
	return civil
}

// civilDroneReport: the lede tells of drones put to a civil use — crop
// spraying, racing, a light show, deliveries — and of nothing military, so
// "the drones had hit the fields" or "one exploded after clipping a gate"
// later on is no strike. Computed once per report.
func (r *run) civilDroneReport() bool {
	if r.civilLead == 0 {
		r.civilLead = -1
		if len(r.sents) > 0 {
			s := r.sents[0]
			civil := false
			for _, w := range s.low {
				civil = civil || civilDroneUses[w]
			}
			if civil && droneWordIn(s) && !militaryWords(s) {
				r.civilLead = 1 // (not "officials in India's Punjab": a state named is no military)
			}
		}
	}
	return r.civilLead == 1
}

var civilDroneUses = map[string]bool{
	"spraying": true, "pesticide": true, "pesticides": true, "crop-spraying": true, "racing": true, "championship": true,
	"delivery": true, "deliveries": true, "filming": true, "photography": true, "mapping": true, "hobbyists": true,
	"fumigación": true, "fumigar": true, "carreras": true, "entregas": true,
}

// droneWordIn: the sentence names a drone.
func droneWordIn(s *sent) bool {
	return containsAny(s.low, "drone", "drones", "dron", "drones'", "drone's")
}

// groundViolence: the sentence names violence on the ground ("an ambush
// that killed four soldiers"), which air words elsewhere in the report do
// not make an air strike.
func groundViolence(s *sent) bool {
	for _, w := range s.low {
		switch w {
		case "ambush", "ambushes", "ambushed", "gunmen", "gunfight", "firefight", "shootout", "beheaded", "stabbed",
			"emboscada", "pistoleros", "balacera", "tiroteo":
			return true
		}
	}
	return false
}

// habitualOnly: a verb of force in the plain present next to "only",
// "never" or "always" ("strike only military targets", "never bomb
// civilians") states a practice, not an act.
func habitualOnly(s *sent, h hit) bool {
	if h.from > 0 && (articles[s.low[h.from-1]] || s.low[h.from-1] == "a" || s.low[h.from-1] == "an") {
		return false // "the strikes only": a noun
	}
	switch s.low[h.to-1] {
	case "strike", "strikes", "hit", "hits", "target", "targets", "bomb", "bombs", "attack", "attacks", "fire", "fires":
	default:
		return false
	}
	if h.to+1 < len(s.low) && conditionWords[s.low[h.to+1]] {
		return false // "strike only if", "only after": a condition
	}
	adv := func(w string) bool {
		return w == "only" || w == "solely" || w == "exclusively" || w == "never" || w == "always" || w == "sólo" || w == "solo" || w == "nunca"
	}
	return h.to < len(s.low) && adv(s.low[h.to]) || h.from > 0 && adv(s.low[h.from-1])
}

var conditionWords = map[string]bool{"if": true, "when": true, "after": true, "once": true, "until": true, "as": true, "si": true, "cuando": true}

// insurgentRaid: an armed group named before the action kills or attacks
// soldiers or their posts ("JNIM killed 54 soldiers in attacks on two army
// posts", "Islamic State fighters killed two Peshmerga at an outpost"): a
// ground raid, not the air strikes the report is about.
func (r *run) insurgentRaid(s *sent, h hit) bool {
	armed := false
	for _, a := range r.doc.Actors {
		if a.Start < s.start || a.End > s.toks[h.from].Start {
			continue
		}
		switch {
		case a.Kind == "armed_group" || a.Kind == "cartel" || a.Kind == "generic" && a.Actor.Inter >= 2 && a.Actor.Inter <= 4:
			armed = true
		case a.Actor.Inter == 1 || a.Actor.Inter == 8:
			return false // "the army said militants …": a state party in the clause
		}
	}
	if !armed {
		return false
	}
	for _, w := range s.low {
		if groundTargets[w] {
			return true
		}
	}
	return false
}

// groundTargets are soldiers and the posts they hold.
var groundTargets = map[string]bool{
	"soldiers": true, "soldier": true, "troops": true, "peshmerga": true, "policemen": true, "gendarmes": true,
	"post": true, "posts": true, "outpost": true, "outposts": true, "checkpoint": true, "checkpoints": true,
	"patrol": true, "patrols": true, "barracks": true, "garrison": true,
	"soldados": true, "militares": true, "policías": true, "puesto": true, "puestos": true, "retén": true, "patrulla": true, "cuartel": true,
}

// anyAction: the action at i is told as "any" one ("any air strike on the
// camps", "cualquier ataque aéreo").
func anyAction(s *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch s.low[k] {
		case "any", "cualquier":
			return true
		}
	}
	return false
}

// bombardedWith: "bombarded the leadership with criticism", "bombardearon
// a la dirección con críticas": a figure of speech.
func bombardedWith(s *sent, h hit) bool {
	bombard := false
	for k := h.from; k < h.to; k++ {
		bombard = bombard || strings.HasPrefix(s.low[k], "bombard")
	}
	if !bombard {
		return false
	}
	for k := h.to; k+1 < len(s.low) && k <= h.to+10; k++ {
		if s.low[k] == "with" || s.low[k] == "con" {
			return figurativeObjects[s.low[k+1]]
		}
	}
	return false
}

// figurativeObjects are what people are bombarded with that is no weapon.
var figurativeObjects = map[string]bool{
	"criticism": true, "questions": true, "calls": true, "emails": true, "messages": true, "complaints": true,
	"requests": true, "letters": true, "offers": true, "praise": true, "abuse": true, "insults": true, "ads": true,
	"larvicide": true, "insecticide": true, "pesticide": true, "seeds": true, "leaflets": true, "water": true,
	"críticas": true, "preguntas": true, "llamadas": true, "mensajes": true, "correos": true, "reproches": true,
	"quejas": true, "insultos": true, "tuits": true, "propuestas": true, "solicitudes": true,
}

// gerundSubject: the action at i is the object of a gerund that opens
// its clause ("Extending air strikes …", "Resuming the bombing …").
func gerundSubject(s *sent, i int) bool {
	k := i - 1
	for k >= 0 && (s.low[k] == "the" || s.low[k] == "its" || s.low[k] == "their" || s.low[k] == "more") {
		k--
	}
	if k < 0 || !strings.HasSuffix(s.low[k], "ing") || len(s.low[k]) < 6 {
		// "… told the committee that bombing the camps was 'one of the
		// avenues we are studying'": the action's own gerund heads it.
		// After "that", at the sentence's head, or after a comma with its
		// verb before any other comma or relative word ("Should the rebels
		// ignore the truce, bombing their depots is a card …"); else it is
		// a participle ("…, killing three people, among them a man who was …").
		if k = i; !strings.HasSuffix(s.low[k], "ing") || len(s.low[k]) < 6 || k > 0 && s.low[k-1] != "that" && !(s.low[k-1] == "," && verbBeforeBreak(s, k+1)) {
			return false
		}
	}
	if k > 0 && s.low[k-1] != "," && s.low[k-1] != "—" && s.low[k-1] != "-" && s.low[k-1] != ":" && s.low[k-1] != "\"" && s.low[k-1] != "that" {
		return false // ("pointed out that bombing the villages would …")
	}
	// … and a verb of its own follows ("… would cut", "… risks"), which a
	// participle clause ("…, calling the strike the largest") lacks.
	for j := i + 1; j < len(s.low) && j <= i+14; j++ {
		switch s.low[j] {
		case "would", "could", "will", "might", "may", "risks", "risk", "means", "is", "was", "has", "have", "had", "remains":
			return true
		}
	}
	return false
}

// questionVerbs put a question to someone ("Asked whether …", "Pressed
// about …", "Quizzed over …").
var questionVerbs = map[string]bool{
	"asked": true, "pressed": true, "quizzed": true, "questioned": true, "challenged": true,
	"consultado": true, "consultada": true, "preguntado": true, "preguntada": true, "cuestionado": true, "cuestionada": true,
}

// nonAnswer: t is told inside a question put to someone ("Asked whether
// warplanes had attacked …", "Pressed about a reported air raid …") and
// the answer after it gives nothing ("said only that", "would say no more
// than", "offered nothing beyond", "declined to comment"). It returns the
// answer's words.
func nonAnswer(s *sent, t trigger) *hit {
	if t.h.from > 0 && (s.low[t.h.from-1] == "the" || s.low[t.h.from-1] == "this" || s.low[t.h.from-1] == "that") && actionNoun(s.low[t.h.to-1]) {
		return nil // "Asked about the strike, …": the one already told, answered or not
	}
	asked := false
	for k := t.h.from - 1; k >= 0 && k >= t.h.from-14; k-- {
		if questionVerbs[s.low[k]] && k+1 < len(s.low) {
			switch s.low[k+1] {
			case "whether", "if", "about", "over", "on", "by", "sobre", "si", "por", "acerca":
				asked = true
			}
		}
	}
	if !asked {
		return nil
	}
	for i := t.h.to; i < len(s.low); i++ {
		w, next := s.low[i], ""
		if i+1 < len(s.low) {
			next = s.low[i+1]
		}
		n := 0
		switch {
		case w == "only" && i > 0 && s.has(i-1, wcReporting), w == "only" && i > 0 && (s.low[i-1] == "replied" || s.low[i-1] == "answered"):
			n = 1 // "said only that", "replied only that"
		case (w == "no" || w == "nothing") && (next == "more" || next == "beyond"):
			n = 2 // "would say no more than", "offered nothing beyond"
		case (w == "declined" || w == "refused") && next == "to" && i+2 < len(s.low) && (s.low[i+2] == "comment" || s.low[i+2] == "say" || s.low[i+2] == "elaborate"):
			n = 3 // "declined to comment"
		case (w == "not" || w == "no") && (next == "comment" || next == "say"):
			n = 2 // "would not comment", "would not say", "no comment"
		case w == "limitó" && i > 0 && s.low[i-1] == "se":
			n = 1 // "se limitó a decir que"
		case (w == "declinó" || w == "rehusó") && (next == "comentar" || next == "pronunciarse" || next == "hacer"),
			w == "quiso" && i > 0 && s.low[i-1] == "no" && (next == "comentar" || next == "pronunciarse" || next == "precisar"):
			n = 2 // "declinó comentar", "no quiso pronunciarse"
		}
		if n > 0 {
			return &hit{from: i, to: i + n}
		}
	}
	return nil
}

// actionNoun: w names an action ("strike", "raid"), not the means of one.
func actionNoun(w string) bool {
	switch w {
	case "strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "raid", "raids", "bombing", "bombings", "operation", "incident":
		return true
	}
	return false
}

// verbBeforeBreak: a copula or modal follows i before any comma, dash or
// relative word.
func verbBeforeBreak(s *sent, i int) bool {
	for j := i; j < len(s.low) && j <= i+12; j++ {
		switch s.low[j] {
		case "is", "was", "would", "could", "will", "might", "remains":
			return true
		case ",", "—", "-", ";", "who", "which", "that", "whose", "where":
			return false
		}
	}
	return false
}

// purposeFor: the action at i is the object of "for" — asked, pressed,
// lobbied or hoped for ("an approach … for sustained air raids", "called
// last month for French air strikes") — not one answered for ("blamed for
// the strike": a definite reference, read before this).
func purposeFor(s *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch w := s.low[k]; w {
		case "for", "para":
			return k == 0 || !answeringFor[s.low[k-1]]
		case "the", "la", "los", "las", "el":
			return false
		}
		if !isLowerWord(s.toks[k].Text) && !isCapWord(s.toks[k].Text) {
			return false
		}
	}
	return false
}

// pastOrdinal: w is an ordinal short of the 21st ("ninth", "19th").
func pastOrdinal(w string) bool {
	switch w {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
		"twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth":
		return true
	}
	if n := len(w); n >= 3 && n <= 4 && isDigitTok(w[:n-2]) {
		switch w[n-2:] {
		case "st", "nd", "rd", "th":
			return w != "21st"
		}
	}
	return false
}

// killedPlan: the verb of killing at h takes a plan as its object.
func killedPlan(s *sent, h hit) bool {
	for k := h.to; k < len(s.low) && k <= h.to+3; k++ {
		switch s.low[k] {
		case "plan", "plans", "proposal", "proposals", "idea", "scheme", "bill", "deal":
			return true
		case "a", "the", "its", "their", "his", "her", "any":
			continue
		}
		return false
	}
	return false
}

// civilDroneAfter: the drone at i is the subject of a civil verb within a
// few words, with no verb of force between ("a drone flown by one of the
// organisers filmed the banner").
func civilDroneAfter(s *sent, i int) bool {
	for k := i + 1; k < len(s.low) && k <= i+7; k++ {
		w := s.low[k]
		if civilDroneVerbs[w] {
			return true
		}
		if s.kindAt(k) == "killed" || s.kindAt(k) == "injured" || w == "," || w == ";" {
			return false
		}
		for _, a := range s.actions {
			if a.from == k {
				return false
			}
		}
	}
	return false
}

// capability: the words before token i say what a force could do ("able
// to strike", "capable of hitting", "designed to strike").
func capability(s *sent, i int) bool {
	for i > 0 && quoteMark(s.low[i-1]) {
		i-- // 'could "strike hard"'
	}
	if i < 2 {
		return false
	}
	switch a, b := s.low[i-2], s.low[i-1]; {
	case b == "like" || b == "a" && a == "like" || b == "an" && a == "like":
		return true // "it sounded like an air raid": a likeness, no event
	case b == "to" && (a == "able" || a == "ability" || a == "capacity" || a == "capability" || a == "capabilities" || a == "designed" || a == "built"):
		return true
	case b == "of" && (a == "capable" || a == "capability" || a == "capabilities"):
		return true
	case b == "and" || b == "or":
		// "could strike hard and strike precisely": the verb repeated
		// shares the first one's frame.
		for k := i - 2; k >= 0 && k >= i-4; k-- {
			if s.low[k] == s.low[i] {
				return capability(s, k)
			}
		}
	case b == "could" || b == "can":
		// "the exercise showed the force could strike hard": what it is
		// able to do, shown, not an option weighed.
		for k := i - 2; k >= 0 && k >= i-7; k-- {
			switch s.low[k] {
			case "showed", "shows", "show", "proved", "proves", "prove", "demonstrated", "demonstrates", "demonstrate":
				return true
			}
		}
	}
	return false
}

// targetNouns are places force is aimed at, or ties people are suspected
// of; "suspected" before one describes, it does not hedge.
var targetNouns = map[string]bool{
	"hideout": true, "hideouts": true, "camp": true, "camps": true, "position": true, "positions": true, "base": true,
	"bases": true, "depot": true, "depots": true, "safehouse": true, "safehouses": true, "compound": true, "compounds": true,
	"laboratory": true, "laboratories": true, "lab": true, "labs": true, "cell": true, "cells": true, "training": true,
	"weapons": true, "arms": true, "ammunition": true, "bomb-making": true, "launch": true, "launchers": true,
	// and what people are suspected of: "individuals with suspected ties to the Taliban"
	"ties": true, "links": true, "connections": true, "membership": true, "affiliation": true,
}

// describingVerbs after "believed to", "thought to", "said to" tell what a
// place or person is, not whether the event happened ("a mosque believed
// to house weapons").
var describingVerbs = map[string]bool{"house": true, "contain": true, "hold": true, "store": true, "belong": true, "shelter": true, "host": true}

// weaponClass nouns after "attack" or "strike" make it a class of weapon or
// unit: "attack drones", "strike aircraft", "a strike group".
var weaponClass = map[string]bool{
	"drone": true, "drones": true, "uav": true, "uavs": true, "helicopter": true, "helicopters": true, "aircraft": true,
	"jet": true, "jets": true, "fighter": true, "fighters": true, "submarine": true, "submarines": true, "craft": true,
	"group": true, "groups": true, "capability": true, "capabilities": true, "force": true, "forces": true, "squadron": true,
	"squadrons": true, "wing": true, "variant": true, "version": true, "role": true, "munitions": true, "weapons": true,
}

// fictionWords mark a review or a story about a book, film or game.
var fictionWords = map[string]bool{
	"novel": true, "novels": true, "novelist": true, "fiction": true, "protagonist": true, "screenplay": true,
	"film": true, "movie": true, "paperback": true, "hardback": true, "chapter": true, "chapters": true,
	"videogame": true, "video-game": true, "debut": true, "thriller": true, "reviews": true, "review": true, "books": true,
	"cinema": true, "cinemas": true, "premiere": true, "premiered": true, "documentary": true, "screening": true, "screened": true,
	"starring": true, "actor": true, "actress": true, "box-office": true, "película": true, "cine": true, "cines": true, "estreno": true,
}

// fictionReport: the report's lead speaks of a novel, film or game (two
// such words), so the strikes it tells of are a plot's, no event. Computed
// once per report.
func (r *run) fictionReport() bool {
	if r.fictionLead == 0 {
		r.fictionLead = -1
		n := 0
		for _, s := range r.lead() {
			for _, w := range s.low {
				if fictionWords[w] {
					n++
				}
			}
		}
		if n >= 2 {
			r.fictionLead = 1
		}
	}
	return r.fictionLead == 1
}

// idiomStrike: "struck a deal", "strike a balance", "struck a chord".
func (s *sent) idiomStrike(h hit) bool {
	k := h.to
	if k < len(s.low) && (s.low[k] == "a" || s.low[k] == "an" || s.low[k] == "the") {
		k++
	}
	if k < len(s.low) {
		switch s.low[k] {
		case "deal", "deals", "agreement", "accord", "bargain", "balance", "chord", "note", "tone", "pose", "compromise",
			"price", "prices", "zone", "rate": // "a strike price of $100", "the strike zone"
			return true
		case "threat", "threats", "scare", "scares", "hoax", "hoaxes", "squad", "squads", "disposal", "shelter", "shelters":
			return true // "an emailed bomb threat", "the bomb squad": no bomb went off
		case "of":
			if k+1 < len(s.low) && s.low[k+1] == "luck" {
				return true // "a second strike of luck"
			}
		}
	}
	// "struck a rich copper seam": a find, not force.
	for j := h.to; j < len(s.low) && j <= h.to+4; j++ {
		if mineralFinds[s.low[j]] {
			return true
		}
		if w := s.low[j]; w == "," || w == "." || w == ";" {
			break
		}
	}
	// "struck by glass-coated string", "hit by a car": a mishap, not an attack.
	if k := h.to; k < len(s.low) && s.low[k] == "by" {
		for j := k + 1; j < len(s.low) && j <= k+4; j++ {
			if mundaneAgents[s.low[j]] {
				return true
			}
		}
	}
	// "A jet ski struck and killed a swimmer": the mundane thing is the
	// verb's subject.
	if h.from > 0 && h.to-h.from == 1 && mundaneAgents[s.low[h.from-1]] {
		switch s.low[h.from] {
		case "struck", "hit", "hits", "strikes":
			return true
		}
	}
	// "a strike on inflation": aimed at a figure of money, not a place.
	if k := h.to; k+1 < len(s.low) && (s.low[k] == "on" || s.low[k] == "against") && figurativeWords[s.low[k+1]] {
		return true
	}
	// "an oil strike", "a gold strike", "a lucky strike": a find, not force.
	if h.from > 0 {
		switch s.low[h.from-1] {
		case "oil", "gold", "gas", "lucky", "mineral", "bird", "bath":
			return true // "a bird strike forced the jet back", "a workshop making bath bombs"
		}
	}
	return false
}

// mineralFinds are what prospectors and drillers strike.
var mineralFinds = map[string]bool{
	"seam": true, "seams": true, "vein": true, "veins": true, "lode": true,
	"deposit": true, "deposits": true, "aquifer": true, "gusher": true,
}

// mundaneAgents strike people by accident.
var mundaneAgents = map[string]bool{
	"string": true, "car": true, "truck": true, "lorry": true, "vehicle": true, "train": true, "bus": true, "ball": true,
	"lightning": true, "tree": true, "branch": true, "debris": true, "wave": true, "stone": true, "rock": true, "kite": true,
	"motorcycle": true, "bicycle": true, "tram": true, "crane": true, "beam": true, "hailstones": true, "hail": true,
	"ski": true, "boat": true, "speedboat": true, "ferry": true, "taxi": true, "van": true, "suv": true, "minibus": true,
}

// labourReport: the report speaks of a work stoppage ("oil workers began a
// three-day strike"), so a bare "the strike" elsewhere in it is that one.
func (r *run) labourReport() bool {
	for _, s := range r.sents {
		for _, h := range s.actions {
			if h.e.cols[0] == "strike" && s.labourStrike(h) {
				return true
			}
		}
		// "Dock workers walked off the job …", "the union said": the
		// stoppage told without "strike" beside its words.
		for i, w := range s.low {
			switch w {
			case "walkout", "walkouts", "stoppage", "strikers", "picket", "pickets", "picketed", "sindicato", "huelguistas", "paro":
				return true
			case "union", "unions":
				if i+1 < len(s.low) && (s.low[i+1] == "leader" || s.low[i+1] == "leaders" || s.low[i+1] == "members" || s.low[i+1] == "said") {
					return true
				}
			case "walked", "walk", "walking", "walks":
				if i+2 < len(s.low) && s.low[i+1] == "off" && (s.low[i+2] == "the" || s.low[i+2] == "their") {
					return true
				}
			}
		}
	}
	return false
}

// weaponTargets after a weapon word make it what was struck ("missile
// launchers", "drone factories", "rocket sites").
var weaponTargets = map[string]bool{
	"launcher": true, "launchers": true, "launch": true, "site": true, "sites": true, "factory": true, "factories": true, "depot": true, "depots": true,
	"facility": true, "facilities": true, "stockpile": true, "stockpiles": true, "storage": true, "warehouse": true, "warehouses": true,
	"production": true, "plant": true, "plants": true, "programme": true, "program": true, "base": true, "bases": true, "workshop": true, "workshops": true,
}

// weaponTest: the bomb or missile is being tested ("a test of a hydrogen
// bomb", "test-fired a missile", "a missile test"), which is no attack.
func (s *sent) weaponTest(h hit) bool {
	for i := max(0, h.from-4); i < min(len(s.low), h.to+2); i++ {
		switch s.low[i] {
		case "test", "tests", "tested", "testing", "test-fired", "test-fire", "test-firing", "test-launched", "test-launch":
			return true
		}
	}
	return false
}

// trigger is an action found in a sentence.
type trigger struct {
	h         hit
	strength  string
	action    string
	eventType string
	subType   string
}

func (r *run) triggers(s *sent) []trigger {
	var out []trigger
	var violent []trigger
	for _, h := range s.actions {
		t := trigger{h: h, action: h.e.cols[0], eventType: h.e.cols[1], subType: h.e.cols[2], strength: h.e.cols[3]}
		strength := t.strength
		if len(s.disasters) > 0 && strength != "strong" {
			continue // "an earthquake struck, killing 2"; "a gas leak exploded"
		}
		if overlapsAny(s.disasters, h) {
			continue // "one of the aircraft struck a power line": the accident is the verb's own
		}
		if violentTypes[t.eventType] && (s.figurative() || r.sportsReport() && !s.countedDead()) {
			continue // "an air strike from their centre-back", "a surgical strike on tax loopholes"
		}
		if t.action == "killing" && h.from >= 2 && (s.low[h.from-2] == "every" || s.low[h.from-2] == "each") {
			continue // "responsible for every civilian killed": no one event
		}
		if t.action == "killing" && killedPlan(s, h) {
			continue // "the military killed a plan to bomb": a plan dropped
		}
		if oldWar(s) {
			continue // "a bomb dropped by Allied aircraft during the Second World War": history, no event
		}
		if commemorated(s, h.from) {
			continue // "the 88th anniversary of the bombing of Guernica": remembered, not reported
		}
		if bombardedWith(s, h) {
			continue // "bombarded the leadership with criticism"
		}
		if reliefDrop(s, h) {
			continue // "helicopters dropped food and tents to cut-off villages"
		}
		if civilDrone(s, h) || r.civilDroneReport() && !r.militaryContext(s) && droneWordIn(s) {
			continue // "a camera drone … struck a skier": an accident with a civil drone
		}
		if capability(s, h.from) {
			continue // "a force able to strike an invading fleet": a capability, no event
		}
		if h.to-h.from == 1 && h.to < len(s.low) && weaponClass[s.low[h.to]] {
			switch s.low[h.from] {
			case "attack", "strike":
				continue // "attack drones", "strike aircraft", "a carrier strike group": a kind of weapon, no event
			}
		}
		switch strength {
		case "weak":
			if !s.violenceContext(h) {
				continue
			}
		case "attack":
			// A bare "strikes" in a report about drones or air strikes is one of them.
			airStrikeWord := r.airContext && (t.action == "strike" || t.action == "missile strike")
			// "strikes" as a policy option: a stage cue or an armed party in
			// the sentence makes it military ("weighing a strike on the group").
			policyStrike := t.action == "strike" && (r.hasPolicyCue(s, h) || r.hasArmedActor(s)) ||
				t.action == "bombing" && bombedVerb(s, h) && r.hasArmedActor(s) || // "Israel bombed Syria's defence ministry"
				t.action == "bombing" && r.hasPolicyCue(s, h) || // "halted its bombing campaign"
				t.action == "bombing" && bombVerb(s, h) && (bombedTarget(s, h) || assetSubjectOf(s, h)) || // "bombing the villages of Jebel Marra would …", "drones bombing a border post"
				t.action == "attack" && r.hasPolicyCue(s, h) && airWeaponIn(s) // "negó que sus aeronaves hayan participado en el ataque"
			if !(s.violenceContext(h) || airStrikeWord || policyStrike) || s.labourStrike(h) || s.weaponTest(h) || s.idiomStrike(h) ||
				t.action == "strike" && len(s.weapons) == 0 && !s.hasCasualty() && r.labourReport() {
				continue
			}
			r.refineAttack(s, &t)
		}
		// "a helicopter raid", "raided by drones" — near the raid, not in
		// another clause ("an operation …, a day after reports of drone strikes").
		near := s.low[max(0, h.from-6):min(len(s.low), h.to+6)]
		if t.action == "raid" && (containsAny(near, "helicopter", "helicopters", "choppers", "chopper", "warplanes", "jets", "aircraft", "drone", "drones", "gunships") || airForceIn(s.low[max(0, h.from-9):min(len(s.low), h.to+6)])) {
			t.eventType, t.subType, t.action = "Explosions/Remote violence", "Air/drone strike", "air strike"
			if containsAny(near, "drone", "drones") {
				t.action = "drone strike"
			}
		}
		// "Ukrainian drones set fire to an oil depot": property destroyed by
		// an air asset named just before the verb is an air strike.
		if t.subType == "Looting/property destruction" && assetSubjectOf(s, h) {
			t.eventType, t.subType, t.action = "Explosions/Remote violence", "Air/drone strike", "air strike"
			if containsAny(s.low[max(0, h.from-4):h.from], "drone", "drones") {
				t.action = "drone strike"
			}
		}
		if t.subType == "Air/drone strike" && r.airSupportInBattle(s) {
			// ACLED codes remote violence as such only when it is one-sided:
			// air support called in by troops under fire is part of their battle.
			t.eventType, t.subType, t.action = "Battles", "Armed clash", "air support"
		}
		if t.subType == "Attack" && r.armedVictims(s) {
			t.eventType, t.subType = "Battles", "Armed clash"
		}
		// Poison gas makes any attack a chemical one ("an air raid with poison gas").
		if violentTypes[t.eventType] {
			for _, w := range s.weapons {
				if w.e.cols[0] == "Chemical weapon" && (w.from-h.to <= 8 && h.from-w.to <= 8) {
					t.eventType, t.subType, t.action = "Explosions/Remote violence", "Chemical weapon", w.e.cols[1]
				}
			}
		}
		if t.subType == "Peaceful protest" {
			r.refineProtest(s, &t)
		}
		if violentTypes[t.eventType] && habitualOnly(s, t.h) {
			continue // "its forces 'strike only military facilities'": a rule they keep, not an act
		}
		if violentTypes[t.eventType] {
			violent = append(violent, t)
			continue
		}
		out = append(out, t)
	}

	// "no such attack" is the kind of action named before it; so are "the
	// explosions" after a strike told in an earlier sentence.
	for i := range violent {
		t := &violent[i]
		if t.action == "bombing" && t.h.from > 0 && s.low[t.h.from-1] == "the" && r.told != nil && len(violent) == 1 {
			t.eventType, t.subType, t.action = r.told.eventType, r.told.subType, r.told.action
			continue
		}
		if t.h.from == 0 || s.low[t.h.from-1] != "such" {
			continue
		}
		var ante *trigger // the last one earlier in the sentence, else the last sentence's
		for j := range violent {
			if violent[j].h.from < t.h.from && (ante == nil || violent[j].h.from > ante.h.from) {
				ante = &violent[j]
			}
		}
		if ante == nil {
			ante = r.antecedent
		}
		if ante != nil {
			t.eventType, t.subType, t.action = ante.eventType, ante.subType, ante.action
		}
	}
	if len(violent) == 0 || ownAsset(s) || allInCondition(s, violent) {
		// "Manama would be 'the first address for our drones' if U.S. forces
		// took part in any attack on Iran": the speaker's own force is an
		// action of its own beside the one in the condition.
		if t, ok := r.assetTrigger(s, len(violent) == 0); ok && !overlapsTrigger(violent, t.h) {
			violent = append(violent, t)
		}
	}
	violent = foldIntoDisruption(s, violent, out)
	if len(violent) > 0 {
		// Arms an air strike or shelling destroyed are its target, not a
		// seizure; a shoot-down or interception stays an event of its own.
		kept := out[:0]
		for _, t := range out {
			if t.subType == "Disrupted weapons use" && remoteStrike(violent) {
				switch s.low[t.h.from] {
				case "shot", "shooting", "shoots", "shoot", "intercepted", "defused", "foiled", "thwarted":
				default:
					continue
				}
			}
			kept = append(kept, t)
		}
		out = kept
	}
	if len(violent) > 0 {
		// A policy word that is a stage cue for the force beside it is no
		// event of its own: "sanctioned retaliatory strikes" authorizes
		// them, "pulled back from them" calls them off.
		kept := out[:0]
		for _, t := range out {
			if !insideStageCue(s, t.h) {
				kept = append(kept, t)
			}
		}
		out = kept
	}
	if len(violent) > 0 {
		// Fire set by an attack is part of the attack.
		kept := out[:0]
		for _, t := range out {
			if t.subType != "Looting/property destruction" {
				kept = append(kept, t)
			}
		}
		out = kept
	}
	if len(violent) > 0 {
		// One event per span of the sentence that tells of its own violent
		// action (eventSegs); in each, the most specific trigger names it.
		segs := s.eventSegs()
		var bests []trigger
		for _, t := range violent {
			k := -1
			for i, b := range bests {
				if segs == nil || segs[b.h.from] == segs[t.h.from] {
					k = i
				}
			}
			switch {
			case k < 0:
				bests = append(bests, t)
			case specificity(t.subType) > specificity(bests[k].subType):
				bests[k] = t
			case t.strength == "asset" && bests[k].strength != "asset" && inCondition(s, bests[k]) && !inCondition(s, t):
				// "The drones of the RSF will 'pay a visit' to the airport
				// unless the army stops bombing El Daein": the asset is the
				// action told, the bombing its condition.
				bests[k] = t
			case t.strength == "asset" && firstPersonForce(s, t) && bests[k].strength != "asset":
				// "the first address for our drones if U.S. forces took part
				// in any attack": the speaker's own force is what is told.
				bests[k] = t
			}
		}
		out = append(out, bests...)
	}
	return r.foldIntoProtest(s, out)
}

// Synthetic action rows for an air asset that stands for its own use.
var (
	assetDroneStrike = entry{cols: []string{"drone strike", "Explosions/Remote violence", "Air/drone strike", "asset"}}
	assetAirStrike   = entry{cols: []string{"air strike", "Explosions/Remote violence", "Air/drone strike", "asset"}}
)

// assetTrigger: an air asset named where no verb of force the lexicons know
// stands, beside a stage cue or a toll and a military party or target — the
// asset stands for its use ("warming to the idea of setting the air force on
// TTP hideouts", "the army's gunships were back over Nyala, leaving 12
// dead"). Writers name the aircraft and leave the verb to idiom; the stage
// still comes only from the cues, and a strike carried out only from a toll
// (sentenceClaims).
func (r *run) assetTrigger(s *sent, alone bool) (trigger, bool) {
	own := ownAsset(s) // "before our drones crowd the sky above you": the speaker's own force
	// "Beirut's airport 'will be next in line for the air force' if
	// Hezbollah goes on smuggling": an asset in a future under a condition.
	warning := containsAny(s.low, "will", "'ll", "would") && conditionIn(s)
	if !s.toll() && len(s.stages) == 0 && !own && !warning {
		return trigger{}, false
	}
	if len(s.disasters) > 0 || s.figurative() || oldWar(s) || !r.militaryContext(s) {
		return trigger{}, false
	}
	var h hit
	found := false
	for _, w := range s.weapons {
		// "our jets" before any other asset the sentence names, when no
		// other action stands ("A Colombian air force general told pilots
		// the camps were 'twenty minutes from our jets'").
		if own && alone && w.e.cols[0] == "Air/drone strike" && !(w.from > 0 && ownWords[s.low[w.from-1]] || w.from > 1 && ownWords[s.low[w.from-2]]) {
			continue
		}
		if w.e.cols[0] == "Air/drone strike" {
			h, found = hit{from: w.from, to: w.to, e: &assetAirStrike}, true
			if w.e.cols[1] == "drone strike" {
				h.e = &assetDroneStrike
			}
			break
		}
	}
	if i := airForceAt(s.low); !found && i >= 0 {
		h, found = hit{from: i, to: i + 2, e: &assetAirStrike}, true
	}
	if !found || civilDrone(s, h) || capability(s, h.from) || commemorated(s, h.from) {
		return trigger{}, false
	}
	if h.from > 0 && ownWords[s.low[h.from-1]] {
		h.from-- // "our drones": the speaker's own, which firstPersonForce reads
	} else if h.from > 1 && ownWords[s.low[h.from-2]] {
		h.from -= 2 // "our strategic bombers"
	}
	c := h.e.cols
	return trigger{h: h, action: c[0], eventType: c[1], subType: c[2], strength: c[3]}, true
}

// assetSubjectOf: an air asset ends within three words before h, with no
// clause break between ("Ukrainian drones set fire to …", "jets had
// torched …").
func assetSubjectOf(s *sent, h hit) bool {
	for _, w := range s.weapons {
		if w.e.cols[0] == "Air/drone strike" && w.to <= h.from && h.from-w.to <= 3 && s.clause[w.from] == s.clause[h.from] {
			return true
		}
	}
	return false
}

// allInCondition: every action the sentence names lies in a condition
// clause ("… unless the army stops bombing El Daein"), so an air asset
// told outside it ("The drones of the RSF will 'pay a visit' to the
// airport") is an action of its own.
func allInCondition(s *sent, ts []trigger) bool {
	for _, t := range ts {
		if !inCondition(s, t) {
			return false
		}
	}
	return len(ts) > 0
}

// inCondition: t lies in a clause that opens with "if" or "unless".
func inCondition(s *sent, t trigger) bool {
	for k := t.h.from - 1; k >= 0 && s.clause[k] == s.clause[t.h.from]; k-- {
		if w := s.low[k]; w == "unless" || w == "if" || w == "si" {
			return true
		}
	}
	return false
}

// overlapsTrigger: h is within a few tokens of one of ts — part of the
// same action ("our drones will strike").
func overlapsTrigger(ts []trigger, h hit) bool {
	for _, t := range ts {
		if t.h.from < h.to+3 && h.from < t.h.to+3 {
			return true
		}
	}
	return false
}

// ownWords mark a speaker's own force.
var ownWords = map[string]bool{"our": true, "nuestros": true, "nuestras": true, "nuestro": true, "nuestra": true}

// ownAsset: an air asset stands right after "our".
func ownAsset(s *sent) bool {
	for _, w := range s.weapons {
		// "our drones", "our strategic bombers"
		if w.e.cols[0] == "Air/drone strike" && (w.from > 0 && ownWords[s.low[w.from-1]] || w.from > 1 && ownWords[s.low[w.from-2]]) {
			return true
		}
	}
	return false
}

// militaryContext: a party that can use force, or what force is used
// against, is named in the sentence.
func (r *run) militaryContext(s *sent) bool {
	return militaryWords(s) || r.hasArmedActor(s)
}

// militaryWords: the sentence names a target, a force or an armed group in
// words, whoever its actors are.
func militaryWords(s *sent) bool {
	for _, h := range s.casualties {
		if h.e.cols[0] == "target" {
			return true
		}
	}
	for _, w := range s.low {
		switch strings.TrimSuffix(w, "'s") {
		case "militants", "insurgents", "targets", "hideout", "hideouts", "compound", "fighters", "positions", "convoy",
			"rebels", "terrorists", "cartel", "cartels", "camps", "bases", "militia", "militias", "jihadists",
			"army", "army's", "military", "military's", "junta", "junta's", "forces", "troops", "regime", "regime's", "coalition", "coalition's",
			"bandidos", "bandas", "pandillas", "guerrilla", "guerrilleros", "cárteles", "campamentos", "ejército", "militares",
			"tropas", "narcotraficantes", "sicarios", "insurgentes", "terroristas", "milicias", "yihadistas", "disidencias":
			return true
		}
	}
	return false
}

// insideStageCue: h's words all lie inside a stage cue other than a
// conducted one.
func insideStageCue(s *sent, h hit) bool {
	for _, c := range s.stages {
		if c.e.cols[0] != string(report.Conducted) && c.from <= h.from && h.to <= c.to {
			return true
		}
	}
	return false
}

// hedgedRefusal: the negation of a denial is a refusal to deny ("stopped
// short of denying", "declined to deny"): a party's non-denial, coded as a
// denial negated; a plain "did not deny" says nothing.
func hedgedRefusal(s *sent, neg *hit) bool {
	switch s.low[neg.from] {
	case "stopped", "stops", "stopping", "stop", "declined", "declines", "declining", "refused", "refuses", "refusing":
		return true
	case "no":
		// "made no attempt to refute reports that": no denial made.
		return neg.from+1 < len(s.low) && (s.low[neg.from+1] == "attempt" || s.low[neg.from+1] == "effort")
	case "nor", "neither":
		// "would neither confirm nor deny": no denial made, the question left open.
		for k := neg.from - 1; k >= 0 && k >= neg.from-3; k-- {
			if strings.HasPrefix(s.low[k], "confirm") {
				return true
			}
		}
		return s.low[neg.from] == "neither" && neg.from+1 < len(s.low) && strings.HasPrefix(s.low[neg.from+1], "confirm")
	}
	return false
}

// insistedNot: the negation neg follows "insisted|denied|maintained that"
// — a party contesting what was reported, not a count of none.
func insistedNot(s *sent, neg *hit) bool {
	if neg.from == 0 || s.low[neg.from-1] != "that" {
		return false
	}
	for k := neg.from - 2; k >= 0 && k >= neg.from-5; k-- {
		switch s.low[k] {
		case "insisted", "insists", "maintained", "maintains", "denied", "denies", "rejected":
			return true
		case ",", "said", "says":
			return false
		}
	}
	return false
}

// mannerPhrase: cue h is the noun of a "without …" phrase of manner
// ("without a moment's warning", "without further delay").
func mannerPhrase(s *sent, h hit) bool {
	for k := h.from - 1; k >= 0 && k >= h.from-3; k-- {
		if s.low[k] == "without" || s.low[k] == "sin" {
			return true
		}
	}
	return false
}

// stoppedThings are what is stopped other than force: a call-off cue
// beside one is about it.
var stoppedThings = map[string]bool{
	"flights": true, "flight": true, "talks": true, "negotiations": true, "aid": true, "deliveries": true, "classes": true,
	"schools": true, "trading": true, "exports": true, "imports": true, "service": true, "services": true, "traffic": true,
	"production": true, "visas": true, "elections": true, "vote": true, "match": true, "matches": true, "games": true,
	"vuelos": true, "clases": true, "negociaciones": true, "diálogos": true,
}

// otherObject: the call-off cue h has a thing other than force right
// before it ("ALL FLIGHTS SUSPENDED") or as its object ("suspended aid").
func otherObject(s *sent, h hit) bool {
	if h.from > 0 && stoppedThings[s.low[h.from-1]] {
		return true
	}
	for k := h.to; k < len(s.low) && k <= h.to+2; k++ {
		if stoppedThings[s.low[k]] {
			return true
		}
		if s.low[k] != "all" && s.low[k] != "the" && s.low[k] != "its" && s.low[k] != "their" {
			break
		}
	}
	return false
}

// denialOfNews: h is a denial whose object is the news itself ("rejected
// the reports", "dismissed the allegations as baseless").
func denialOfNews(s *sent, h hit) bool {
	if report.Stage(h.e.cols[0]) != report.Denied {
		return false
	}
	for i := max(0, h.from-4); i < h.to; i++ {
		switch s.low[i] {
		case "reports", "report", "claims", "claim", "allegations", "allegation", "accusations", "accusation", "findings", "account", "accounts":
			return true
		}
	}
	return false
}

// subordinators open a span that tells of another event: "vowed to bomb
// the camps after a suicide attack killed 12", "a day after a drone killed
// one man", "hours before jets struck".
var subordinators = map[string]bool{"after": true, "before": true, "following": true, "después": true, "antes": true, "tras": true}

// knowingVerbs between a negation and a cue take the negation themselves.
var knowingVerbs = map[string]bool{
	"say": true, "specify": true, "disclose": true, "reveal": true, "explain": true, "know": true, "indicate": true,
	"elaborate": true, "detail": true, "comment": true, "identify": true, "clear": true, "mention": true,
}

// innerInfinitive: cue h follows the "to" that ends another cue ("urged the
// president to order", "asked parliament to authorize"), which governs it.
func innerInfinitive(s *sent, h hit) bool {
	if h.from == 0 || s.low[h.from-1] != "to" {
		return false
	}
	for _, c := range s.stages {
		if c.to == h.from && c.from < h.from-1 {
			return true // "urged … to order"
		}
		// "threatened on Saturday to order": a policy cue a few words
		// before the "to", in its clause.
		if c.to < h.from && h.from-1-c.to <= 3 && report.Stage(c.e.cols[0]) != report.Conducted && s.clause[c.from] == s.clause[h.from] &&
			!commaBetween(s, c.to, h.from-1) {
			return true
		}
	}
	return false
}

// commaBetween: a comma stands among tokens from..to-1.
func commaBetween(s *sent, from, to int) bool {
	for i := from; i < to; i++ {
		if s.low[i] == "," && !(i+1 < len(s.low) && listIntro[s.low[i+1]]) {
			return true
		}
	}
	return false
}

// listIntro words after a comma go on naming the same object ("operations,
// including air strikes"): the comma ends nothing.
var listIntro = map[string]bool{"including": true, "especially": true, "notably": true, "particularly": true, "mainly": true, "incluidos": true, "incluyendo": true}

// subordinatorBetween: a subordinator ("after", "following") stands among
// tokens from..to-1.
func subordinatorBetween(s *sent, from, to int) (string, bool) {
	for i := from; i < to; i++ {
		if subordinators[s.low[i]] {
			return s.low[i], true
		}
	}
	return "", false
}

// beVerbs come before a passive "thought to", "believed to".
var beVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "widely": true, "also": true, "generally": true}

// modalAfter is the index of a modal among tokens from..to-1, or -1.
func modalAfter(s *sent, from, to int) int {
	for i := from; i < to; i++ {
		switch s.low[i] {
		case "would", "could", "might", "may", "will", "can":
			return i
		}
	}
	return -1
}

// conditionBetween: a condition opened by "if", "unless" or "once" among
// tokens from..to-1 is still open at to (no comma has closed it).
func conditionBetween(s *sent, from, to int) bool {
	return conditionOpen(s, from, to) >= 0
}

// conditionOpen is the index of the condition word open at to, or -1.
func conditionOpen(s *sent, from, to int) int {
	open := -1
	for i := from; i < to; i++ {
		switch s.low[i] {
		case "if", "unless", "once", "si":
			open = i
		case ",", ";":
			open = -1
		}
	}
	return open
}

// retrospective subordinators tell of an earlier event.
var retrospective = map[string]bool{"after": true, "following": true, "después": true, "tras": true}

// eventSegs splits a sentence that tells of two violent events: the spans
// opened by a subordinator (up to the next comma) and the clauses are
// segments, and when two of them each hold a specific violent action of
// their own (not a bare "killed" or "attack"), each segment is an event with
// its own trigger, cues, weapons, toll and date. It returns the segment of
// each token, or nil when the sentence tells of one event.
func (s *sent) findEventSegs() []int {
	// "such" names an event of its own even when generic: "…, but the
	// military said no such attack had taken place" is the denial of it.
	own := func(h hit) bool {
		return violentTypes[h.e.cols[1]] && (h.e.cols[2] != "Attack" || h.from > 0 && s.low[h.from-1] == "such")
	}
	// A threat or plan answering an attack ("promised retaliation from the
	// air after fighters killed 40 soldiers in an attack") tells of two
	// events even when the attack is generic.
	policy := false
	for _, c := range s.stages {
		if st := report.Stage(c.e.cols[0]); st != report.Conducted && st != report.Denied {
			policy = true
		}
	}
	n, generic := 0, 0
	for _, h := range s.actions {
		if own(h) {
			n++
		} else if violentTypes[h.e.cols[1]] {
			generic++
		}
	}
	if n < 2 && !(policy && n >= 1 && generic >= 1) {
		return nil
	}
	segs := make([]int, len(s.low))
	sub, next := 0, 1
	for i, w := range s.low {
		switch {
		case subordinators[w] && !(i+1 < len(s.low) && (s.low[i+1] == "the" || s.low[i+1] == "being" || s.low[i+1] == "it")):
			sub, next = next, next+1
		case w == "," && i+1 < len(s.low) && (s.low[i+1] == "killing" || s.low[i+1] == "wounding" || s.low[i+1] == "injuring"):
			// ", killing 11 people" tells the toll of the event before it
		case w == "," || w == ";" || i > 0 && s.clause[i] != s.clause[i-1]:
			sub = 0
		}
		segs[i] = s.clause[i]*100 + sub
	}
	// A subordinate span tells of an event of its own only as a clause with
	// its own past verb ("after a drone killed one man"); "said …, after air
	// strikes south of Tripoli" names the same strikes again.
	verb := map[int]bool{}
	for i, w := range s.low {
		if pastForm(w) {
			verb[segs[i]] = true
		}
	}
	seen := map[int]bool{}
	for _, h := range s.actions {
		g := segs[h.from]
		if own(h) && (g%100 == 0 || verb[g]) || policy && g%100 != 0 && verb[g] && violentTypes[h.e.cols[1]] && retrospectiveSeg(s, segs, g) {
			seen[g] = true
		}
	}
	if len(seen) < 2 {
		return nil
	}
	return segs
}

// retrospectiveSeg: subordinate segment g opens with "after" or
// "following" (an earlier event the main clause answers).
func retrospectiveSeg(s *sent, segs []int, g int) bool {
	for i := range segs {
		if segs[i] == g {
			return i > 0 && retrospective[s.low[i-1]] || retrospective[s.low[i]]
		}
	}
	return false
}

// sameSeg: tokens i and j tell of the same event (always, in a sentence of one event).
func sameSeg(segs []int, i, j int) bool {
	return segs == nil || i < 0 || j < 0 || i >= len(segs) || j >= len(segs) || segs[i] == segs[j]
}

// refineAttack sets the sub-event type of a generic attack from the weapon
// words in its sentence, and the report's air context for missiles/strikes.
func (r *run) refineAttack(s *sent, t *trigger) {
	bestPri := -1
	segs := s.eventSegs()
	for _, w := range s.weapons {
		if !sameSeg(segs, w.from, t.h.from) {
			continue // the weapon of the other event in the sentence
		}
		if w.to < len(s.low) && weaponTargets[s.low[w.to]] {
			continue // "strikes on missile launchers": the weapon is the target
		}
		if w.e.cols[0] == "Air/drone strike" && aircraftHit(s, w) {
			continue // the aircraft were hit, they did not strike
		}
		if w.e.cols[0] == "Chemical weapon" && (w.from-t.h.to > 8 || t.h.from-w.to > 8) {
			continue // poison gas named far off belongs to another attack
		}
		if p := w.e.intCol(2); p > bestPri {
			bestPri = p
			t.subType, t.action = w.e.cols[0], w.e.cols[1]
		}
	}
	if bestPri >= 0 {
		t.eventType = "Explosions/Remote violence"
		if t.subType == "Shelling/artillery/missile attack" && (segs == nil && r.airLaunchedMissile(s) || aircraftMissile(s)) {
			t.subType, t.action = "Air/drone strike", r.airAction()
		}
		return
	}
	// In a sentence of two events, the air context belongs to the other one
	// ("drones struck a base hours after a missile strike killed 35").
	if segs != nil {
		return
	}
	// No weapon named in the sentence: in a report about drones or aircraft,
	// a generic attack or killing is the air strike the report is about.
	// A campaign's tally ("insurgents have killed tens of thousands since
	// 2009") is no part of it.
	if r.airContext && (t.action == "attack" || t.action == "killing" || t.action == "strike") && !s.isTally() && !groundViolence(s) && !r.insurgentRaid(s, t.h) {
		t.eventType, t.subType, t.action = "Explosions/Remote violence", "Air/drone strike", r.airAction()
		return
	}
	switch t.action {
	case "strike":
		t.action = r.airAction()
	case "bombing":
		if r.hasPlanCue(s, t.h) {
			// "a 72-hour halt to bombing", "ordered a pause in the bombing":
			// a state's bombing put on or off is bombing from the air.
			t.subType, t.action = "Air/drone strike", r.airAction()
		}
	case "missile strike":
		if r.airLaunchedMissile(s) {
			t.subType, t.action = "Air/drone strike", r.airAction()
		}
	}
}

func (r *run) airAction() string {
	if r.droneContext() {
		return "drone strike"
	}
	return "air strike"
}

// armedVictims: the people killed or attacked are fighters, so an "attack" is
// a battle rather than violence against civilians.
func (r *run) armedVictims(s *sent) bool {
	civ, armed := false, false
	for _, h := range s.casualties {
		switch h.e.cols[0] {
		case "civilian":
			civ = true
		case "combatant":
			armed = true
		}
	}
	for _, a := range r.doc.Actors {
		if a.Start >= s.start && a.End <= s.end {
			if isCivilianActor(a.Actor) {
				civ = true
			} else if a.Kind == "armed_group" || a.Kind == "cartel" || (a.Kind == "generic" && a.Actor.Inter >= 2 && a.Actor.Inter <= 4) {
				armed = true
			}
		}
	}
	return armed && !civ
}

// bombedVerb: the trigger is the finite verb "bombed" (not the noun
// "bombing": "sanctions over the bombing of its soldiers").
func bombedVerb(s *sent, h hit) bool {
	for i := h.from; i < h.to; i++ {
		if w := s.low[i]; w == "bombed" || w == "bombarded" || w == "bombards" {
			return true
		}
	}
	return false
}

// airWeaponIn: the sentence names aircraft or drones as means.
func airWeaponIn(s *sent) bool {
	for _, w := range s.weapons {
		if w.e.cols[0] == "Air/drone strike" {
			return true
		}
	}
	return false
}

// airForceIn: "air force" stands in toks.
func airForceIn(toks []string) bool { return airForceAt(toks) >= 0 }

// airForceAt is the index of "air" in the first "air force" of toks, or -1.
func airForceAt(toks []string) int {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i] == "air" && (toks[i+1] == "force" || toks[i+1] == "forces" || toks[i+1] == "force's") {
			return i
		}
	}
	return -1
}

func containsAny(toks []string, words ...string) bool {
	for _, t := range toks {
		for _, w := range words {
			if t == w {
				return true
			}
		}
	}
	return false
}

// stageFor decides the stage(s) and certainty of trigger t in sentence s.
// One trigger may carry several stage facts ("no formal decisions have been
// made, nor have officials presented the idea") → several claims.
type stageFact struct {
	stage     report.Stage
	certainty report.Certainty
	cue       *hit // nil when inferred
	marker    *hit // the modality marker behind the certainty
}

func (r *run) stageFacts(s *sent, t trigger) []stageFact {
	if m := nonAnswer(s, t); m != nil {
		// "Asked whether Egyptian warplanes had attacked a convoy, the
		// spokesman said only that …": the action is the question's, and
		// the answer neither confirms nor denies it.
		return []stageFact{{stage: report.Denied, certainty: report.Negated, cue: m, marker: m}}
	}
	// "vowed to retaliate for the strike", "after the airstrike": a definite
	// reference presupposes the action took place; the cues around it are
	// about something else.
	det := t.h.from >= 2 && (s.low[t.h.from-1] == "the" || (s.low[t.h.from-1] == "a" || s.low[t.h.from-1] == "an") && temporalAfter[s.low[t.h.from-2]])
	if det && presupposing[s.low[t.h.from-2]] &&
		(s.low[t.h.from-2] != "for" || t.h.from >= 3 && answeringFor[s.low[t.h.from-3]]) {
		// "The LNA denied any role in the attack": a denial of the party's
		// part in it, which the reference does not outweigh.
		for _, c := range s.stages {
			if report.Stage(c.e.cols[0]) == report.Denied && c.e.cols[1] == "cue" && c.to <= t.h.from && s.clause[c.from] == s.clause[t.h.from] {
				cc := c
				if neg := r.negationOf(s, c); neg != nil {
					// "Turkey did not deny responsibility for the drone
					// strike": no denial made.
					return []stageFact{{stage: report.Denied, certainty: report.Negated, cue: &cc, marker: neg}}
				}
				return []stageFact{{stage: report.Denied, certainty: report.Asserted, cue: &cc}}
			}
		}
		return []stageFact{{stage: report.Conducted, certainty: report.Asserted}}
	}
	clause := s.clause[t.h.from]
	type cueAt struct {
		h        hit
		stage    report.Stage
		negCue   bool
		dist     int
		before   bool
		negation *hit
	}
	var cues []cueAt
	var bystander *hit // a third party's warning about the action
	selfCue := false
	// A following clause with no action of its own that refers back to this
	// one ("approved strikes but called them off") lends it its cues.
	// Asides between them ("a spokesman confirmed, but the prime minister,
	// who wants talks first, has not approved any of them") are passed over.
	var later [3]bool // clause+1 … clause+3 refer back
	for k := range later {
		c := clause + 1 + k
		if r.clauseRefersBack(s, c) {
			later[k] = true
		} else if r.clauseHasAction(s, c) {
			break
		}
	}
	segs := s.eventSegs()
	for i := range s.stages {
		h := s.stages[i]
		if !sameSeg(segs, h.from, t.h.from) {
			continue // a cue of the other event in the sentence
		}
		// From the next clause a conducted cue counts only negated ("but it
		// has not yet been carried out"); "before they were launched" does not.
		k := s.clause[h.from] - clause - 1
		inNext := k >= 0 && k < len(later) && later[k] &&
			(h.e.cols[0] != string(report.Conducted) || r.negationBefore(s, h.from, 5) != nil)
		if s.clause[h.from] != clause && s.clause[h.to-1] != clause && !inNext {
			continue
		}
		// A cue that reaches past the trigger ("will strike") still governs it.
		if h.from >= t.h.from && h.to <= t.h.to && (h.e.cols[0] == string(report.Conducted) || h.e.cols[1] != "cue" && h.e.cols[1] != "whether") ||
			h.from < t.h.to && h.to > t.h.from && h.e.cols[0] == string(report.Conducted) {
			// A policy cue inside the trigger ("drones stand ready to hit")
			// still governs it; a conducted one is the trigger's own verb.
			// The trigger's own words. A "self" or "own" row marks a trigger
			// that is itself a past-tense verb ("atacaron", "detuvieron") in
			// a language triggerIsPastVerb does not know.
			selfCue = selfCue || h.e.cols[1] == "self" || h.e.cols[1] == "own"
			continue
		}
		if innerInfinitive(s, h) {
			continue // "urged the president to order strikes": the order is urged, not given
		}
		if mannerPhrase(s, h) {
			continue // "without a moment's warning", "without further delay": how, not whether
		}
		if report.Stage(h.e.cols[0]) == report.Threatened && passiveWarning(s, h) {
			continue // "with Syrian air defences warned in advance": warned, not warning
		}
		if report.Stage(h.e.cols[0]) == report.CalledOff && (otherObject(s, h) || h.to < len(s.low) && s.low[h.to] == "than" || nounCue(s, h)) {
			continue // "all flights suspended", "suspended aid deliveries": something else stopped
		}
		if h.to <= t.h.from && r.told != nil && denialOfNews(s, h) {
			// "rejected the reports as baseless, saying the blast was caused
			// by stored explosives": the denial answers the news told before,
			// not the action its speaker then names.
			continue
		}
		if h.e.cols[1] == "own" || h.e.cols[1] == "force" && !violentTypes[t.eventType] {
			continue // a verb too ambiguous to govern other triggers ("aseguraron")
		}
		if report.Stage(h.e.cols[0]) == report.Conducted && h.from >= 2 && s.low[h.from-1] == "have" && (s.low[h.from-2] == "could" || s.low[h.from-2] == "would" || s.low[h.from-2] == "might") {
			continue // "a strike that could have killed hundreds had the shelter been full": what did not happen
		}
		if report.Stage(h.e.cols[0]) == report.Conducted && h.e.cols[1] == "cue" && h.from >= 2 && s.low[h.from-1] == "to" && !factualTo[s.low[h.from-2]] {
			// "invited Turkey to carry out drone strikes", "plans to conduct
			// raids": what is wanted or planned, not what was done.
			continue
		}
		c := cueAt{h: h, stage: report.Stage(h.e.cols[0]), negCue: h.e.cols[1] == "neg-cue"}
		if h.to <= t.h.from {
			c.before, c.dist = true, t.h.from-h.to
			if s.low[h.to-1] == "to" && commaBetween(s, h.to, t.h.from) {
				// "urged all sides to exercise restraint, warning that
				// strikes…": the infinitive is the cue's object, not the strike.
				continue
			}
			if w, ok := subordinatorBetween(s, h.to, t.h.from); ok && (retrospective[w] || r.triggerIsPastVerb(s, t)) {
				// "vowed to retaliate after drones struck the city": the
				// main clause's cue is about the response, not the strike;
				// "recalled the jets minutes before a planned strike" is.
				continue
			}
		} else {
			c.dist = h.from - t.h.to
			if _, ok := subordinatorBetween(s, t.h.to, h.from); ok && c.stage != report.Conducted {
				continue // "approved air strikes after weeks of debate"
			}
			if k := modalAfter(s, t.h.to, h.from); k >= 0 && k+1 == h.from && c.stage == report.Authorized && subjectPhrase(s, t.h.to, k) {
				// "Turkish strikes on the prisons could allow detainees to
				// escape": what the action would do, not a stage of it.
				continue
			}
			if k := conditionOpen(s, t.h.to, h.from); k >= 0 && k+1 < h.from && c.stage != report.Conducted {
				// "would seek a mandate for strikes if the Council endorsed
				// the operation": the verb of a condition with its own
				// subject (not "a strike, if ordered, …").
				continue
			}
		}
		if c.dist > 25 && !inNext {
			continue // a clause that refers back reaches its action from further off
		}
		c.negation = r.negationOf(s, h)
		if h.e.cols[1] == "whether" && c.negation == nil {
			c.stage = report.Discussed // "is deciding whether to strike"
		}
		if c.stage == report.Threatened && r.bystanderSpeaker(s, h, t) {
			// "Aid groups warned that strikes could kill hundreds": a third
			// party's warning is no threat by the striker.
			bystander = &s.stages[i]
			continue
		}
		cues = append(cues, c)
	}
	// The trigger itself may be a conducted verb ("drones struck", "killed").
	selfConducted := r.triggerIsPastVerb(s, t) || selfCue || r.headlineVerb(s, t)

	hyp := r.hypotheticalMarker(s, t)
	hedge := r.hedgeMarker(s, t)
	future := false // the action's own words are in the future ("drones will hunt", "will be in the sights of")
	for i := max(0, t.h.from-3); i < t.h.to; i++ {
		if s.low[i] == "," {
			future = false
		}
		if r.doc.Lang == "es" && spanishFuture(s.low[i]) {
			future = true // "lanzará drones contra Haifa"
		}
		if w := s.low[i]; w == "will" || w == "'ll" || w == "shall" {
			future = true
		}
	}

	var facts []stageFact
	add := func(st report.Stage, cue *hit, neg *hit) {
		f := stageFact{stage: st, certainty: report.Asserted, cue: cue}
		hyp := hyp
		if hyp != nil && cue != nil && hyp.from >= cue.from && hyp.to <= cue.to && (s.low[hyp.from] == "would" || s.low[hyp.from] == "could") {
			hyp = nil // "a bill that would authorize strikes": the cue's own "would" (not "contingency plans")
		}
		switch {
		case neg != nil && st == report.Conducted && t.h.from > 0 && s.low[t.h.from-1] == "such":
			// "said no such strike had taken place": a denial of the one reported.
			f.stage = report.Denied
		case neg != nil && st == report.Conducted && r.ownSideSays(s, t):
			// "insisted its jets had not bombed the monastery", "said no army
			// drone had dropped explosives": the party's denial of its part.
			f.stage = report.Denied
		case st == report.Denied && cue != nil && confirmOrDeny(s, cue):
			// "refused to confirm or deny that its aircraft had bombed": no denial made.
			f.certainty, f.marker = report.Negated, cue
		case neg != nil && st == report.Conducted && insistedNot(s, neg):
			// "insisted that no military aircraft had bombed the school": a
			// party's denial of a particular strike.
			f.stage = report.Denied
		case neg != nil:
			f.certainty, f.marker = report.Negated, neg
			if st == report.CalledOff && cue != nil && ruleOutCue(s, cue) {
				// "have not ruled out" keeps the option open: still discussed;
				// "would not be suspended" is a call-off negated.
				f.stage, f.certainty, f.marker = report.Discussed, report.Asserted, nil
				if hyp != nil {
					f.certainty, f.marker = report.Hypothetical, hyp
				}
			}
			// "did not deny", "no desmintió": no denial made — denied, negated.
		case hyp != nil && st == report.Conducted:
			// A hypothetical strike is an option under discussion, never conducted.
			f.stage, f.certainty, f.marker = report.Discussed, report.Hypothetical, hyp
		case hyp != nil && st == report.CalledOff && cue != nil && (conditionalModal(r.modalBefore(s, cue.from), s) || conditionalVerb(s, cue) || readyBefore(s, cue)) && conditionIn(s) ||
			hyp != nil && st == report.CalledOff && cue != nil && willBeforeCue(s, cue.from) && firmConditionIn(s) ||
			hyp != nil && st == report.CalledOff && cue != nil && explicitCondition(s, hyp):
			// "would hold off on air raids on condition that the group frees
			// the hostages": the halt itself is conditional ("will fly no
			// more missions once its jets return home" is decided).
			f.certainty, f.marker = report.Hypothetical, hyp
		case hyp != nil && st == report.Proposed && (s.low[hyp.from] == "should" && !fronted(s, hyp.from) || s.low[hyp.from] == "would" && cue != nil && cue.to <= hyp.from && !conditionIn(s)):
			// ("carried a proposal to Kinshasa: Ugandan gunships would fly
			// strikes": the would tells what is proposed.)
			// "put it to the Centre that drones should be deployed": what is
			// proposed, not a condition on the proposal.
		case hyp != nil && (st == report.Authorized || st == report.Proposed) && !(cue != nil && conditionBetween(s, hyp.from, cue.from)):
			// "would be cleared to strike only if", "would put a request …
			// if": the move itself is conditional.
			f.certainty, f.marker = report.Hypothetical, hyp
		case hyp != nil && (st == report.Authorized || st == report.Proposed):
			// "a strike, if ordered, would delay …": the move is the
			// condition, the strike an option.
			f.stage, f.certainty, f.marker = report.Discussed, report.Hypothetical, hyp
		case hyp != nil && st == report.Discussed && hypotheticalOption(s, hyp):
			// "would consider joining strikes if Washington asked": an
			// option weighed only for a condition.
			f.certainty, f.marker = report.Hypothetical, hyp
		case hedge != nil && st == report.Denied && cue != nil && hedge.from >= cue.to && !attributionHedge(s, hedge):
			// "called 'complete nonsense' a Tajik claim that a drone had
			// bombed …": the hedge is on what is denied, not on the denial
			// (but "…, according to two diplomats who were in the room"
			// hedges the whole sentence).
		case hedge != nil && st != report.Discussed:
			f.certainty, f.marker = report.Hedged, hedge
		case hedge != nil && st == report.Discussed && (hyp == nil || s.low[hyp.from] == "whether" && cue != nil && cue.to <= hyp.from && hyp.from-cue.to <= 1) && !possibilityWord(s.low[hedge.from]):
			// ("looking into whether …": what is discussed, no condition.)
			// ("deliberate over possible strikes": a discussion is of what is possible.)
			f.certainty, f.marker = report.Hedged, hedge
		}
		for _, g := range facts {
			if g.stage == f.stage && g.certainty == f.certainty {
				return
			}
		}
		facts = append(facts, f)
	}
	// Off-ladder and non-conducted cues each state a fact about the action.
	var conductedCue *cueAt
	for i := range cues {
		c := &cues[i]
		if c.negCue {
			add(c.stage, &c.h, nil)
			continue
		}
		if c.h.e.cols[1] == "negated" {
			add(c.stage, &c.h, &c.h) // "has given no thought to strikes": not even discussed
			continue
		}
		if c.h.e.cols[1] == "grant" {
			// "had not consented to a request from the governor for strikes":
			// the action was put to the decision maker, who did (not) approve it.
			add(report.Proposed, &c.h, nil)
			add(report.Authorized, &c.h, c.negation)
			continue
		}
		if c.h.e.cols[1] == "refusal" {
			// "rejected a request from the governor to launch air strikes":
			// the action was put to the decision maker, who did not approve it.
			add(report.Proposed, &c.h, nil)
			add(report.Authorized, &c.h, &c.h)
			continue
		}
		if c.stage == report.Conducted {
			if conductedCue == nil || c.dist < conductedCue.dist || (c.before && !conductedCue.before && c.dist <= conductedCue.dist) {
				conductedCue = c
			}
			continue
		}
		add(c.stage, &c.h, c.negation)
	}
	governedByOther := false
	for _, c := range cues {
		if c.stage != report.Conducted && c.before && c.negation == nil && !c.negCue {
			governedByOther = true
		}
	}
	denied, deniedAfter := false, false
	for _, f := range facts {
		if f.stage == report.Denied && (f.certainty == report.Asserted || f.certainty == report.Negated || f.certainty == report.Hedged && f.marker != nil && attributionHedge(s, f.marker)) && f.cue != nil {
			if f.cue.from < t.h.from {
				denied = true
			} else {
				deniedAfter = true
			}
		}
	}
	if deniedAfter && newsThat(s, t.h.from) {
		// "The information that the army struck a farm … is an outright
		// provocation": the denial is of the news the action is told in.
		denied = true
	}
	switch {
	case denied:
		// "denied its planes were responsible for strikes that killed 46": the
		// sentence states a denial, not the strike.
	case conductedCue != nil && !(governedByOther && conductedCue.before) && hyp == nil && r.modalBefore(s, conductedCue.h.from) != nil:
		// "drones would let the army hit militants preparing raids": the
		// verb of force is under a modal, so the action is an option.
		facts = append(facts, stageFact{stage: report.Discussed, certainty: report.Hypothetical, marker: r.modalBefore(s, conductedCue.h.from)})
	case conductedCue != nil && !(governedByOther && conductedCue.before):
		neg := conductedCue.negation
		if deniedAfter && neg == nil && hedge == nil {
			// "…killed 15 civilians, a claim the military denied": contested.
			hedge = &conductedCue.h
		}
		if neg == nil {
			// "no precision air strikes or shots fired": the action itself is negated.
			neg = r.negationBefore(s, t.h.from, 2)
		}
		add(report.Conducted, &conductedCue.h, neg)
	case conductedCue == nil && selfConducted && len(facts) == 0 && !(future && passiveAfterWill(s, t.h.from)):
		// (Not "will be treated as an enemy position from the air": a
		// participle after "will be" is to come.)
		neg := r.negationOfTokens(s, t.h.from)
		if neg == nil {
			neg = objectNegation(s, t.h) // "its jets had dropped no bombs"
		}
		add(report.Conducted, nil, neg)
	case len(facts) == 0 && conductedCue == nil && anyAction(s, t.h.from) && r.negationBefore(s, t.h.from, 3) == nil:
		// "cualquier ataque aéreo … equivaldría a": any such action, an
		// option spoken of, not one done.
		facts = append(facts, stageFact{stage: report.Discussed, certainty: report.Hypothetical})
	case len(facts) == 0 && conductedCue == nil && gerundSubject(s, t.h.from):
		// "Extending air strikes to the flooded pastures would cut …": the
		// action named as an idea, the subject of what is said of it — an
		// option spoken of.
		facts = append(facts, stageFact{stage: report.Discussed, certainty: report.Hypothetical})
	case len(facts) == 0 && conductedCue == nil && purposeFor(s, t.h.from):
		// "made a formal approach to Air Force headquarters for sustained
		// air raids": what is asked for, not what was done.
	case len(facts) == 0 && conductedCue == nil && bystander == nil && !(hyp != nil && s.low[hyp.from] == "would" && hyp.from >= t.h.from) &&
		!(hyp != nil && r.modalBefore(s, t.h.from) != nil) && !future && !(firstPersonForce(s, t) && !verbalTrigger(s, t.h)) &&
		(s.hasCasualty() || r.pastContext(s) || pastVerb(s, t.h, violentTypes[t.eventType]) && (!violentTypes[t.eventType] || happened(s, t.h)) ||
			violentTypes[t.eventType] && negatedNoun(s, t.h.from)):
		// ("has gone thirty months without a single air raid": none took place.)
		// (Not "air strikes on the capital would risk escalation": the
		// action is the subject of a modal.)
		// "There were no airstrikes overnight": the action itself negated.
		neg := r.negationBefore(s, t.h.from, 2)
		if neg == nil && negatedNoun(s, t.h.from) {
			neg = r.negationBefore(s, t.h.from, 4)
		}
		add(report.Conducted, nil, neg)
	case len(facts) == 0 && conductedCue == nil && hyp == nil && bystander == nil && t.strength == "strong" && violentTypes[t.eventType] && hedge != nil && verbalTrigger(s, t.h):
		// "a video purportedly shows a drone striking a command post": a
		// strike told with a hedge and nothing planned about it.
		add(report.Conducted, nil, nil)
	case len(facts) == 0 && conductedCue == nil && hyp == nil && bystander == nil && !future && t.strength == "strong" && violentTypes[t.eventType] && r.paragraphHasCasualty(s):
		// "Four drone missiles came out of the sky. Up to 8 people killed.":
		// a strike narrated beside its toll, with nothing hypothetical about it.
		add(report.Conducted, nil, nil)
	}
	if len(facts) == 0 && conductedCue == nil && hyp != nil && !denied && firstPersonForce(s, t) && conditionIn(s) {
		// "Bahrain will be added to our drones' flight plans if it lets
		// American warships sail": the speaker's own force on a condition
		// is a threat.
		facts = append(facts, stageFact{stage: report.Threatened, certainty: report.Asserted, cue: hyp})
	}
	if len(facts) == 0 && conductedCue == nil && hyp == nil && !future && !denied && firstPersonForce(s, t) {
		// "… or face the fire of our drones": the speaker's own force named
		// as what is to come, told as nothing done.
		facts = append(facts, stageFact{stage: report.Threatened, certainty: report.Asserted})
	}
	if len(facts) == 0 && conductedCue == nil && hyp == nil && future && !denied {
		// "its kamikaze drones will from now on hunt radar posts": a use of
		// force told in the future, by its own side a threat.
		if r.strikerSpeaks(s, t) {
			facts = append(facts, stageFact{stage: report.Threatened, certainty: report.Asserted})
		} else {
			facts = append(facts, stageFact{stage: report.Discussed, certainty: report.Hypothetical})
		}
	}
	if len(facts) == 0 && conductedCue == nil && hyp != nil && !denied {
		w := s.low[hyp.from]
		if m := r.modalBefore(s, t.h.from); (w == "if" || w == "unless") && m != nil && hyp.from > t.h.from {
			w = s.low[m.from] // "said it would turn its drones on the ships if …": the modal, not the condition
		} else if (w == "if" || w == "unless" || w == "si") && (future || willBefore(s, t.h.from) || willAfter(s, t.h.to)) && hyp.from > t.h.from {
			w = "will" // "will learn what our drones can do unless …", "'will be next in line for the air force' if …"
		}
		if (w == "would" || w == "will") && r.strikerSpeaks(s, t) {
			// "Israel's defence minister said Israeli jets would strike
			// Sanaa again": the striker's own word is a threat.
			facts = append(facts, stageFact{stage: report.Threatened, certainty: report.Asserted, cue: hyp})
		} else {
			// "If Maduro does not step down, drone strikes would follow": a
			// strike spoken of only as a possibility is an option, not an event.
			facts = append(facts, stageFact{stage: report.Discussed, certainty: report.Hypothetical, marker: hyp})
		}
	}
	if len(facts) == 0 && conductedCue == nil && bystander != nil && !denied {
		// "Aid groups warned of strikes on Rafah": strikes spoken of as a
		// danger, by someone who would not carry them out.
		facts = append(facts, stageFact{stage: report.Discussed, certainty: report.Hypothetical, marker: bystander})
	}
	for i := range facts {
		// "ruled out halting the strikes", "descarta suspender los
		// bombardeos": a call-off ruled out, so the action goes on.
		if f := &facts[i]; f.stage == report.CalledOff && f.certainty == report.Asserted && f.cue != nil && ruledOutStop(s, f.cue) {
			f.certainty, f.marker = report.Negated, f.cue
		}
	}
	return facts
}

// newsThat: the action at i is told in a "that" clause of a news noun
// ("the information circulated … that units struck", "the allegation that
// drones struck").
func newsThat(s *sent, i int) bool {
	for k := i - 1; k >= 1 && k >= i-14; k-- {
		if s.low[k] == "that" {
			for j := k - 1; j >= 0 && j >= k-8; j-- {
				if newsNouns[s.low[j]] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// newsNouns head what was said or spread about an event.
var newsNouns = map[string]bool{
	"information": true, "report": true, "reports": true, "claim": true, "claims": true, "allegation": true, "allegations": true,
	"accusation": true, "accusations": true, "account": true, "accounts": true, "story": true, "stories": true, "rumour": true,
	"rumours": true, "rumor": true, "rumors": true, "assertion": true, "suggestion": true,
}

// ruleOutCue: c is "rule out" or "descartar".
func ruleOutCue(s *sent, c *hit) bool {
	for i := c.from; i < c.to; i++ {
		if ruleOutAt(s, i) {
			return true
		}
	}
	return false
}

// ruleOutAt: token i ends "rule out" or is Spanish "descartar".
func ruleOutAt(s *sent, i int) bool {
	w := s.low[i]
	return strings.HasPrefix(w, "descart") || w == "out" && i > 0 && (s.low[i-1] == "ruled" || s.low[i-1] == "rules" || s.low[i-1] == "rule" || s.low[i-1] == "ruling")
}

// ruledOutStop: cue c rules out stopping ("ruled out halting", "descarta
// suspender"), or is the stopping that a rule-out just before it governs.
func ruledOutStop(s *sent, c *hit) bool {
	stop := func(i int) bool {
		w := s.low[i]
		for _, p := range []string{"suspend", "halt", "stopp", "paus", "cancel", "ending", "end", "detener", "parar", "frenar", "cesar"} {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
		return false
	}
	for i := c.from; i < c.to; i++ {
		if ruleOutAt(s, i) {
			return i+1 < len(s.low) && stop(i+1) || i+2 < len(s.low) && s.low[i+1] == "any" && stop(i+2)
		}
	}
	return c.from > 0 && stop(c.from) && ruleOutAt(s, c.from-1)
}

// triggerIsPastVerb: "drones struck", "killed", "attacked", "detained".
func (r *run) triggerIsPastVerb(s *sent, t trigger) bool {
	for i := t.h.from; i < t.h.to; i++ {
		w := s.low[i]
		if edAdjective(s, i) {
			continue // "fly armed helicopters against", "unmanned aerial vehicle strikes"
		}
		if i > 0 && (s.low[i-1] == "be" || s.low[i-1] == "to") {
			continue // "will be wiped out from the air": a participle under a modal
		}
		if strings.HasSuffix(w, "ed") || w == "struck" || w == "hit" || w == "shot" || w == "overran" || w == "took" || w == "blew" || w == "fought" || w == "set" || w == "flew" {
			return true
		}
	}
	return false
}

// edAdjective: token i, ending in "-ed", is an adjective before a noun
// ("armed drones", "their modified drones", "Turkish-crewed Akinci
// sorties"), not a verb.
func edAdjective(s *sent, i int) bool {
	w := s.low[i]
	if edAdjectives[w] {
		return true
	}
	if j := strings.LastIndexByte(w, '-'); j > 0 && edAdjectives[w[j+1:]] || strings.HasSuffix(w, "-made") || strings.HasSuffix(w, "-built") || strings.HasSuffix(w, "-supplied") {
		return true
	}
	if i > 0 {
		switch s.low[i-1] {
		case "a", "an", "the", "its", "their", "our", "his", "her":
			return true
		}
	}
	return false
}

// presentVerbs are third-person forms of force that, right after the party
// using it, narrate in the headline present: "US strikes Houthi targets",
// "Russia pounds Kharkiv", "Israel bombs Gaza".
var presentVerbs = map[string]bool{
	"strikes": true, "bombs": true, "attacks": true, "pounds": true, "shells": true, "raids": true, "targets": true,
}

// nounFollowers after "strikes" make it the noun: "US strikes on Houthi
// targets", "Israeli strikes in Gaza kill 12".
var nounFollowers = map[string]bool{
	"on": true, "against": true, "in": true, "at": true, "near": true, "by": true, "from": true, "of": true, "into": true,
	"across": true, "inside": true, "and": true, "or": true, "have": true, "has": true, "had": true, "were": true, "was": true,
	"are": true, "is": true, "will": true, "would": true, "could": true, "may": true, "might": true, "that": true, "which": true,
	"to": true, "continue": true, "continued": true, "killed": true, "kill": true, "hit": true, "struck": true,
}

// headlineVerb: the trigger is a present-tense verb whose subject is the
// armed party just before it ("Israel strikes Iran", "US strikes Houthi
// targets"), not a noun ("Israel strikes on Iran", "Israeli strikes") nor a
// verb under a modal ("Israel will strike").
func (r *run) headlineVerb(s *sent, t trigger) bool {
	if t.h.from == 0 || t.h.to-t.h.from != 1 || !presentVerbs[s.low[t.h.from]] || t.h.to >= len(s.low) || nounFollowers[s.low[t.h.to]] {
		return false
	}
	if n := s.toks[t.h.to]; n.End-n.Start == 1 && !isLetter(r.doc.Text[n.Start]) {
		return false // "…, US strikes." / "US strikes, officials said"
	}
	prev := s.toks[t.h.from-1]
	armed := false
	for _, a := range r.doc.Actors {
		if a.Start <= prev.Start && prev.End <= a.End && canInitiate(a.Kind, a.Actor) {
			armed = true
			break
		}
	}
	if !armed {
		return false
	}
	for _, p := range r.doc.Places {
		if p.Start <= prev.Start && prev.End <= p.End {
			// A country's name or abbreviation is a subject; its adjective
			// ("Israeli", "Afghan") makes "strikes" the noun.
			return p.Feature != "country" || strings.EqualFold(p.Text, p.Name) || strings.ToUpper(p.Text) == p.Text
		}
	}
	return true
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func (s *sent) hasCasualty() bool {
	for _, h := range s.casualties {
		if k := h.e.cols[0]; k == "killed" || k == "injured" {
			return true
		}
	}
	return false
}

// toll: the sentence tells of people killed or hurt, not of "every civilian
// killed" or "any loss of life".
func (s *sent) toll() bool {
	for _, h := range s.casualties {
		if k := h.e.cols[0]; k != "killed" && k != "injured" {
			continue
		}
		general := false
		for i := max(0, h.from-3); i < h.from; i++ {
			switch s.low[i] {
			case "every", "each", "any", "no", "all":
				general = true
			}
		}
		if !general {
			return true
		}
	}
	return false
}

// pastContext: the sentence narrates ("was", "were", a date word) rather than
// plans.
func (r *run) pastContext(s *sent) bool {
	for _, w := range s.low {
		switch w {
		case "was", "were", "yesterday", "overnight", "fue", "fueron", "ayer", "anoche":
			return true
		}
	}
	return false
}

// negationOf finds a negation marker governing cue h: up to five tokens
// before it in the same clause, with no other cue in between.
func (r *run) negationOf(s *sent, h hit) *hit {
	return r.negationBefore(s, h.from, 5)
}

func (r *run) negationOfTokens(s *sent, from int) *hit {
	return r.negationBefore(s, from, 3)
}

func (r *run) negationBefore(s *sent, from, window int) *hit {
	for i := len(s.modality) - 1; i >= 0; i-- {
		m := s.modality[i]
		if m.e.cols[1] != "negation" || m.to > from {
			continue
		}
		// "has not, despite weeks of pressure, authorized": an aside set
		// off by commas right after the negation is skipped.
		after := m.to
		if after < from && s.low[after] == "," {
			for k := after + 1; k < from; k++ {
				if s.low[k] == "," {
					after = k + 1
					break
				}
			}
		}
		if from-after > window || s.clause[m.from] != s.clause[from] {
			return nil
		}
		// A conjunction ends the negation's reach: "did not strike and might retreat".
		// So does a verb of saying or knowing: "did not say when the
		// strikes took place" negates the saying, not the strikes.
		for k := after; k < from && k < len(s.low); k++ {
			if w := s.low[k]; w == "and" || w == "or" || w == "," || w == "y" || w == "o" || k < len(s.cls) && s.has(k, wcReporting) || knowingVerbs[w] {
				return nil
			}
		}
		// A closer cue takes the negation: "nor have officials presented the idea".
		for _, c := range s.stages {
			if c.from >= m.to && c.to <= from {
				return nil
			}
		}
		// "not only", "no doubt" are not negations of the cue; "no civilians
		// were killed" negates the victims, not the strike.
		if m.to < len(s.low) && (s.low[m.to] == "only" || s.low[m.to] == "doubt") {
			return nil
		}
		if m.to < len(s.low) && (s.low[m.from] == "no" || s.low[m.from] == "ningún" || s.low[m.from] == "ninguna") {
			if k := s.kindAt(m.to); k == "civilian" || k == "person" || k == "combatant" || s.low[m.to] == "one" {
				return nil
			}
		}
		mm := m
		return &mm
	}
	return nil
}

// hypotheticalMarker: "if", "as a last resort", "unless", and modals near the
// trigger (before it, within six tokens).
func (r *run) hypotheticalMarker(s *sent, t trigger) *hit {
	clause := s.clause[t.h.from]
	for i := range s.modality {
		m := s.modality[i]
		w := s.low[m.from]
		// "ready to stop hitting power stations … if Kyiv stops attacking
		// refineries": a condition clause right after the action's own.
		// So is ", but only when ground units ask for support", ", provided
		// that …", ", in the event that …".
		trailing := (w == "if" || w == "unless" || w == "si" || w == "only" || w == "provided" || w == "providing" || w == "in" || w == "barring") &&
			s.clause[m.from] == clause+1 && m.from > t.h.to && !r.triggerIsPastVerb(s, t)
		if m.e.cols[0] == "hypothetical" && (w == "should" || w == "were") && fronted(s, m.from) &&
			(m.from < t.h.from && clauseHeadAt(s, m.from) || m.from > t.h.to && !commaBetween(s, t.h.to, m.from) && !r.triggerIsPastVerb(s, t) && !modalsBetween(s, t.h.to, m.from)) {
			// "Should insurgents overrun another post, Mozambique will ask
			// Rwanda to send its helicopters": a fronted condition, as "If".
			mm := m
			return &mm
		}
		if m.e.cols[0] == "hypothetical" && (w == "would" || w == "could" || w == "might") && m.from > t.h.to && m.from-t.h.to <= 30 && subjectWithAside(s, t.h.to, m.from) {
			// "Air strikes on the villages along the river, where troops are
			// massing, would leave …": the action heads the modal's subject.
			mm := m
			return &mm
		}
		if m.e.cols[0] != "hypothetical" || s.clause[m.from] != clause && m.e.cols[1] != "sentence" && !trailing {
			continue
		}
		if (w == "plans" || w == "plan") && r.planDecided(s, m.from) {
			continue // "approved plans for strikes": the plans are decided, not hypothetical
		}
		if (w == "whether" || w == "if") && m.from > 0 && doubtWords[s.low[m.from-1]] {
			continue // "it was not clear whether a strike had taken place": a hedge, not an option
		}
		if w == "once" && !onceCondition(s, m.from) {
			continue // "struck once again", "the once-busy market": no condition
		}
		local := w == "would" || w == "could" || w == "might" || w == "should" || w == "potential" || w == "potentially" || w == "whether"
		if local {
			if m.to <= t.h.from && t.h.from-m.to <= 6 || m.from >= t.h.to && m.from-t.h.to <= 2 || m.from >= t.h.from && m.to <= t.h.to ||
				m.from >= t.h.to && m.from-t.h.to <= 10 && subjectPhrase(s, t.h.to, m.from) {
				mm := m
				return &mm
			}
			continue
		}
		mm := m
		return &mm
	}
	return nil
}

// workOf: "the work of", "caused by", "the result of" follows i: what the
// hedge calls likely is the act ("most likely the work of a drone").
func workOf(s *sent, i int) bool {
	if i+2 < len(s.low) && s.low[i] == "the" && (s.low[i+1] == "work" || s.low[i+1] == "result") && s.low[i+2] == "of" {
		return true
	}
	return i+1 < len(s.low) && s.low[i] == "caused" && s.low[i+1] == "by"
}

// possibilityWord: an adjective of possibility, which a discussion implies.
func possibilityWord(w string) bool {
	return w == "possible" || w == "possibly" || w == "potential" || w == "potentially"
}

// confirmOrDeny: the denial cue follows "confirm or" / "confirm nor".
func confirmOrDeny(s *sent, c *hit) bool {
	return c.from >= 2 && (s.low[c.from-1] == "or" || s.low[c.from-1] == "nor" || s.low[c.from-1] == "o" || s.low[c.from-1] == "ni") && strings.HasPrefix(s.low[c.from-2], "confirm")
}

// passiveWarning: the cue is "warned" told of those warned — "air
// defences warned in advance", "residents were warned to leave" — not of
// a party making a threat.
func passiveWarning(s *sent, h hit) bool {
	if h.to-h.from != 1 || s.low[h.from] != "warned" {
		return false
	}
	if h.to < len(s.low) {
		switch s.low[h.to] {
		case "in", "beforehand", "ahead":
			return true
		}
	}
	if h.from > 0 {
		switch s.low[h.from-1] {
		case "be", "been", "being", "were", "was", "are", "is", "get", "got":
			return true
		}
	}
	return false
}

// nounCue: the halt cue is a noun of something else — "stop" in "our
// drones' first stop", "the next stop"; "grounds" in "breeding grounds".
func nounCue(s *sent, h hit) bool {
	if h.to-h.from == 1 && s.low[h.from] == "grounds" && h.from > 0 {
		switch s.low[h.from-1] {
		case "breeding", "burial", "fishing", "hunting", "playing", "training", "camping", "feeding", "spawning", "the":
			return true // "breeding grounds": places, not aircraft kept down
		}
	}
	if h.to-h.from != 1 || s.low[h.from] != "stop" || h.from == 0 {
		return false
	}
	switch p := s.low[h.from-1]; p {
	case "first", "next", "last", "final", "bus", "pit", "one-stop", "'s", "'":
		return true
	default:
		return strings.HasSuffix(p, "'") || strings.HasSuffix(p, "'s")
	}
}

// passiveAfterWill: "will be" or "'ll be" stands right before token i.
func passiveAfterWill(s *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch s.low[k] {
		case "will", "'ll", "shall":
			return true
		case "be", "\"", "“":
			continue
		}
		return false
	}
	return false
}

// negatedNoun: the action at i is a noun phrase headed by a negation —
// "without a single Saudi air raid", "no more airstrikes", "sin un solo
// bombardeo".
func negatedNoun(s *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch w := s.low[k]; w {
		case "without", "no", "sin", "ningún", "ninguna", "ni":
			return true
		case "a", "an", "any", "single", "more", "further", "new", "un", "una", "solo", "sólo", "nuevo", "nuevos", "más":
		default:
			if !isCapWord(s.toks[k].Text) {
				return false
			}
		}
	}
	return false
}

// firstPersonForce: the action names the speaker's own means ("the fire of
// our drones", "within the range of our aircraft").
func firstPersonForce(s *sent, t trigger) bool {
	for k := t.h.from; k < t.h.to; k++ {
		if ownWords[s.low[k]] {
			return true
		}
	}
	return false
}

// conditionalVerb: a Spanish conditional form in the cue ("suspendería",
// "pondría fin", "detendría") is its own "would".
func conditionalVerb(s *sent, c *hit) bool {
	for i := c.from; i < c.to; i++ {
		if w := s.low[i]; strings.HasSuffix(w, "ría") || strings.HasSuffix(w, "rían") {
			return true
		}
	}
	return false
}

// attributionHedge: the hedge is who the sentence rests on ("according to
// two diplomats who were in the room", "sources close to his office"), not
// a doubt about its content ("who contend that aircraft bombed").
func attributionHedge(s *sent, h *hit) bool {
	if h.e.cols[1] != "sentence" {
		return false
	}
	switch s.low[h.from] {
	case "according", "who", "with", "sources", "source", "citing", "by", "in":
		return true
	}
	return false
}

// objectNegation: "no" right after a verb of force negates it through its
// object ("had dropped no bombs", "fired no missiles", "flew no sorties").
func objectNegation(s *sent, h hit) *hit {
	k := h.to
	if k >= len(s.low) || s.low[k] != "no" && s.low[k] != "ningún" && s.low[k] != "ninguna" {
		return nil
	}
	if k+1 < len(s.low) && (s.low[k+1] == "longer" || s.low[k+1] == "sooner" || s.low[k+1] == "doubt") {
		return nil // "struck no sooner than", "no doubt"
	}
	for _, m := range s.modality {
		if m.from == k && m.e.cols[1] == "negation" {
			mm := m
			return &mm
		}
	}
	return nil
}

// willBefore: "will" or "would" stands earlier in the clause of token i.
func willBefore(s *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-10 && s.clause[k] == s.clause[i]; k-- {
		switch s.low[k] {
		case "will", "would", "'ll":
			return true
		}
	}
	return false
}

// willAfter: "will" follows the asset within its noun phrase ("The drones
// of the RSF will 'pay a visit'").
func willAfter(s *sent, i int) bool {
	for k := i; k < len(s.low) && k <= i+6 && s.clause[k] == s.clause[i-1]; k++ {
		switch s.low[k] {
		case "will", "'ll":
			return true
		case ",", "that", "which":
			return false
		}
	}
	return false
}

// readyBefore: "ready to", "willing to", "prepared to", "dispuesto a"
// stands just before the cue: a move offered, not made.
func readyBefore(s *sent, c *hit) bool {
	for k := max(0, c.from-3); k < c.from; k++ {
		switch s.low[k] {
		case "ready", "willing", "prepared", "dispuesto", "dispuesta", "dispuestos", "dispuestas":
			return true
		}
	}
	return false
}

// conditionIn: the sentence states a condition ("if", "unless", "once",
// "should it …", "si", "en caso de"), not only a reported "would".
func conditionIn(s *sent) bool {
	for i := range s.low {
		if c, _ := conditionAt(s, i); c {
			return true
		}
	}
	return false
}

// firmConditionIn is conditionIn without "once", which as often opens a
// time clause of what is decided ("will fly no more missions once its jets
// return home").
func firmConditionIn(s *sent) bool {
	for i := range s.low {
		if c, once := conditionAt(s, i); c && !once {
			return true
		}
	}
	return false
}

// clauseHeadAt: token i opens the sentence or follows a clause break.
func clauseHeadAt(s *sent, i int) bool {
	if i == 0 {
		return true
	}
	switch s.low[i-1] {
	case ",", "—", "–", "-", ":", ";", "\"":
		return true
	}
	return false
}

// conditionAt: token i opens a condition; once says it is "once".
func conditionAt(s *sent, i int) (cond, once bool) {
	w := s.low[i]
	prev, prev2 := "", ""
	if i > 0 {
		prev = s.low[i-1]
	}
	if i > 1 {
		prev2 = s.low[i-2]
	}
	clauseHead := clauseHeadAt(s, i)
	switch w {
	case "if", "unless", "si", "provided", "providing", "assuming", "barring":
		return true, false
	case "once":
		return onceCondition(s, i), true
	case "caso": // "en caso de que"
		return prev == "en", false
	case "condition", "condición": // "on condition that", "a condición de que"
		return prev == "on" || prev == "a", false
	case "long": // "as long as"
		return prev == "as" && i+1 < len(s.low) && s.low[i+1] == "as", false
	case "event": // "in the event that"
		return prev == "the" && prev2 == "in", false
	case "moment": // "would be suspended the moment insurgents free …", not "at the moment"
		return prev == "the" && prev2 != "at" && prev2 != "for" && i+1 < len(s.low) && !functionWords[s.low[i+1]] && s.low[i+1] != "," && s.low[i+1] != ".", false
	case "should":
		// "Should the gangs sever the road, …", "…, should the talks fail",
		// "… on bandit enclaves should the gang leaders spurn an offer": a
		// modal "should" is followed by its verb, an inverted one by a
		// subject.
		if clauseHead {
			return true, false
		}
		if i+1 < len(s.low) && i > 0 {
			switch s.low[i+1] {
			case "the", "a", "an", "any", "its", "their", "his", "her", "this", "that", "these", "those":
				return true, false
			}
			if t := s.toks[i+1].Text; t != "" && t[0] >= 'A' && t[0] <= 'Z' && !personTitles[s.low[i+1]] {
				return true, false // "should Riyadh let …"
			}
		}
	case "were":
		// "Were Moscow to stop hitting the grid, Kyiv would …"
		if clauseHead {
			for j := i + 2; j < len(s.low) && j <= i+6; j++ {
				if s.low[j] == "to" {
					return true, false
				}
			}
		}
	}
	return false, false
}

// explicitCondition: the marker is a condition by its words alone ("for as
// long as", "on condition that", "provided that"), unlike "if" or "once".
func explicitCondition(s *sent, m *hit) bool {
	switch s.low[m.from] {
	case "for", "as", "on", "provided", "providing":
		return true
	case "in": // "in exchange for", "in return for"
		return m.from+1 < len(s.low) && (s.low[m.from+1] == "exchange" || s.low[m.from+1] == "return")
	}
	return false
}

// spanishFuture: w is a third-person or first-person-plural future form
// ("atacará", "bombardearán", "lanzaremos").
func spanishFuture(w string) bool {
	for _, suf := range []string{"ará", "arán", "erá", "erán", "irá", "irán", "aremos", "eremos", "iremos"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// conditionalModal: m is "would", "could" or "might".
func conditionalModal(m *hit, s *sent) bool {
	if m == nil {
		return false
	}
	switch s.low[m.from] {
	case "would", "could", "might":
		return true
	}
	return false
}

// fronted: the word at i opens its clause ("Should insurgents overrun
// another post, Mozambique will ask …"): a condition, not a modal.
func fronted(s *sent, i int) bool {
	c, _ := conditionAt(s, i)
	return c
}

// willBeforeCue: "will" or "'ll" stands up to three words before the cue
// ("will suspend its raids if …", "will temporarily halt …").
func willBeforeCue(s *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch s.low[k] {
		case "will", "'ll":
			return true
		case ",", "and", "but", "or", "that":
			return false
		}
	}
	return false
}

// onceCondition: "once" at i opens a condition ("will stop flying raids
// once the group hands over its weapons"), not "once again" or "at once".
func onceCondition(s *sent, i int) bool {
	if i > 0 {
		switch s.low[i-1] {
		case "at", "more", "than", "all", "for":
			return false
		}
	}
	if i+1 >= len(s.low) {
		return false
	}
	switch s.low[i+1] {
	case "again", "more", "before", "or", "and", ",", ".", "in", "every", "daily", "weekly":
		return false
	case "a", "an":
		// "once a week" is how often; "once a ceasefire takes hold" a condition.
		if i+2 < len(s.low) {
			switch s.low[i+2] {
			case "week", "day", "month", "year", "fortnight", "decade", "while", "night", "time":
				return false
			}
		}
	}
	// In a past narrative "once" is "after" ("once the colonel was picked, she
	// followed…"); a condition goes with a future or a modal.
	for _, w := range s.low {
		switch w {
		case "will", "'ll", "would", "could", "can", "may", "might", "shall":
			return true
		}
	}
	return false
}

// subjectPhrase: tokens from..to-1 only go on naming the action before a
// modal ("air strikes on densely populated areas of the capital would
// risk…"): prepositions, articles and nouns, no verb, comma or clause word.
func subjectPhrase(s *sent, from, to int) bool {
	for i := from; i < to; i++ {
		w := s.low[i]
		switch w {
		case ",", ";", "that", "which", "who", "and", "but", "said", "says", "is", "are", "was", "were", "has", "have", "had":
			return false
		}
		if s.has(i, wcReporting) {
			return false
		}
		// "densely populated areas": an -ed word before a noun is an adjective.
		if pastForm(w) && (i+1 >= to || functionWords[s.low[i+1]] || isDigitTok(s.low[i+1])) {
			return false
		}
	}
	return true
}

// asideOpeners open a comma-bounded aside inside a subject: a relative
// clause ("…, where troops are massing, would") or a place phrase ("…, in
// the Nuba Mountains, could").
var asideOpeners = map[string]bool{
	"where": true, "which": true, "who": true, "whose": true, "when": true,
	"in": true, "near": true, "around": true, "along": true, "on": true, "outside": true, "inside": true,
}

// subjectWithAside is subjectPhrase with one comma-bounded aside allowed
// before the verb the phrase is the subject of.
func subjectWithAside(s *sent, from, to int) bool {
	if to-from <= 10 && subjectPhrase(s, from, to) {
		return true
	}
	open := -1
	for i := from; i < to; i++ {
		if s.low[i] == "," {
			open = i
			break
		}
	}
	if open < 0 || open+1 >= to || !asideOpeners[s.low[open+1]] || !subjectPhrase(s, from, open) || open-from > 10 {
		return false
	}
	for j := open + 2; j < to; j++ {
		switch s.low[j] {
		case ",":
			return to-j <= 3 && subjectPhrase(s, j+1, to)
		case ";", "said", "says":
			return false
		}
	}
	return false
}

// doubtWords before "whether" make it a doubt about a fact.
var doubtWords = map[string]bool{"clear": true, "unclear": true, "certain": true, "known": true, "unknown": true}

// modalBefore finds a modal ("would", "could", "will") up to five words
// before token i in its clause, with no conjunction or comma between.
func (r *run) modalBefore(s *sent, i int) *hit {
	for k := i - 1; k >= 0 && k >= i-5 && s.clause[k] == s.clause[i]; k-- {
		switch s.low[k] {
		case "and", "or", ",", ";", "but", "that", "which", "who":
			return nil
		}
		for j := range s.modality {
			m := s.modality[j]
			if m.from == k && m.e.cols[0] == "hypothetical" {
				switch s.low[k] {
				case "would", "could", "might", "should", "can", "may", "will":
					mm := m
					return &mm
				}
			}
		}
	}
	return nil
}

// hypotheticalOption: the marker makes a discussed action conditional ("if",
// "should … fail", "would consider"), not a question under study ("whether").
func hypotheticalOption(s *sent, m *hit) bool {
	switch s.low[m.from] {
	case "whether", "potential", "potentially", "plans", "plan", "si": // "analiza si permitirá": Spanish "si" is also "whether"
		return false
	}
	return true
}

// planDecided: an authorization or proposal cue governs the plans at token
// i ("has approved plans for", "submitted a plan for").
func (r *run) planDecided(s *sent, i int) bool {
	for _, c := range s.stages {
		st := report.Stage(c.e.cols[0])
		if (st == report.Authorized || st == report.Proposed) && c.to <= i && i-c.to <= 2 && r.negationOf(s, c) == nil {
			return true
		}
	}
	return false
}

func (r *run) hedgeMarker(s *sent, t trigger) *hit {
	clause := s.clause[t.h.from]
	for i := range s.modality {
		m := s.modality[i]
		if m.e.cols[0] != "hedged" || s.clause[m.from] != clause && m.e.cols[1] != "sentence" {
			continue
		}
		// "suspected insurgents", "suspected hideouts" describe the target;
		// "a mosque believed to house weapons" describes the place: neither
		// hedges the event.
		if w := s.low[m.from]; (w == "suspected" || w == "alleged") && m.to < len(s.low) {
			describes := false
			for k := m.to; k < len(s.low) && k <= m.to+2; k++ {
				if kd := s.kindAt(k); kd == "combatant" || kd == "person" || kd == "civilian" || targetNouns[s.low[k]] {
					describes = true
				}
			}
			// "detained one suspected during the operation": a count of
			// people with the noun left out.
			if m.from > 0 && r.countEndsAt(s, m.from-1, 1) {
				describes = true
			}
			if describes {
				continue
			}
		}
		// "struck a suspected drug-smuggling boat": a hedge inside the
		// object after the verb describes the target.
		if w := s.low[m.from]; (w == "suspected" || w == "alleged") && m.from > t.h.to && m.from-t.h.to <= 2 &&
			(s.low[m.from-1] == "a" || s.low[m.from-1] == "an" || s.low[m.from-1] == "the") {
			continue
		}
		if m.to < len(s.low) && s.low[m.to-1] == "to" && describingVerbs[s.low[m.to]] {
			continue
		}
		if s.low[m.from] == "thought" && m.from > 0 && !beVerbs[s.low[m.from-1]] {
			continue // "gave serious thought to strikes": the noun, no hedge
		}
		// "prepare for possible action": an adjective hedges only what it
		// stands by, not a strike named further off.
		if w := s.low[m.from]; (w == "possible" || w == "possibly" || w == "likely" || w == "probably") &&
			(m.to <= t.h.from && t.h.from-m.to > 3 || m.from >= t.h.to && m.from-t.h.to > 1) && !workOf(s, m.to) {
			continue
		}
		mm := m
		return &mm
	}
	return nil
}

// precisionTargets are what only a guided, air-launched missile hits: a
// vehicle on the move, one house or compound.
var precisionTargets = map[string]bool{
	"car": true, "cars": true, "vehicle": true, "vehicles": true, "truck": true, "trucks": true, "pickup": true, "motorcycle": true, "motorcycles": true, "motorbike": true, "motorbikes": true,
	"suv": true, "jeep": true, "convoy": true, "house": true, "compound": true, "hideout": true, "seminary": true, "madrasa": true,
	"residence": true, "home": true,
}

// groundLaunch words mean artillery or ballistic fire.
var groundLaunch = map[string]bool{
	"artillery": true, "shelling": true, "rocket": true, "rockets": true, "mortar": true, "mortars": true, "launcher": true, "launchers": true,
	"ballistic": true, "cruise": true, "warship": true, "navy": true, "iskander": true, "grad": true, "katyusha": true, "howitzer": true,
}

// aircraftMissile: a missile and the aircraft that fired it stand a few
// words apart ("an Israeli drone's missile", "a missile fired by a drone",
// "misiles lanzados desde un helicóptero").
func aircraftMissile(s *sent) bool {
	for _, w := range s.weapons {
		if w.e.cols[0] != "Air/drone strike" {
			continue
		}
		for k := max(0, w.from-5); k < len(s.low) && k <= w.to+3; k++ {
			switch s.low[k] {
			case "missile", "missiles", "misil", "misiles", "rocket", "rockets":
				return true
			}
		}
	}
	return false
}

// airLaunchedMissile: missiles in a report about drones or aircraft, or
// missiles that hit a car or a single house with no ground launcher named.
func (r *run) airLaunchedMissile(s *sent) bool {
	if !containsAny(s.low, "missile", "missiles") {
		return false
	}
	for _, w := range s.low {
		if groundLaunch[w] {
			return false
		}
	}
	if r.airContext {
		return true
	}
	for _, w := range s.low {
		if precisionTargets[w] {
			return true
		}
	}
	return false
}

// paragraphHasCasualty: a death or injury is stated in s's paragraph.
func (r *run) paragraphHasCasualty(s *sent) bool {
	for _, o := range r.sents {
		if o.para == s.para && o.hasCasualty() {
			return true
		}
	}
	return false
}

// refineProtest: tear gas, stones or shots at a protest decide its type.
func (r *run) refineProtest(s *sent, t *trigger) {
	best := -1
	for _, h := range s.protests {
		if p := h.e.intCol(2); p > best {
			best = p
			t.subType, t.eventType = h.e.cols[0], h.e.cols[1]
		}
	}
}

// foldIntoProtest: arrests or clashes at a protest are part of it, not
// separate events.
func (r *run) foldIntoProtest(s *sent, ts []trigger) []trigger {
	hasProtest := false
	for _, t := range ts {
		if t.eventType == "Protests" || t.eventType == "Riots" {
			hasProtest = true
		}
	}
	if !hasProtest {
		return ts
	}
	out := ts[:0]
	casualties := s.hasCasualty()
	for _, t := range ts {
		switch t.subType {
		case "Arrests", "Looting/property destruction":
			continue
		case "Attack", "Armed clash", "Shelling/artillery/missile attack", "Grenade":
			// Force used on the protest is part of it: with dead or wounded it is
			// excessive force, otherwise an intervention.
			continue
		}
		out = append(out, t)
	}
	for i := range out {
		if out[i].eventType == "Protests" && casualties && (out[i].subType == "Protest with intervention" || out[i].subType == "Peaceful protest" && len(ts) > len(out)) {
			out[i].subType = "Excessive force against protesters"
		}
	}
	return out
}

// foldIntoDisruption: weapons found or defused are objects, not attacks,
// unless someone was hurt.
func foldIntoDisruption(s *sent, violent []trigger, others []trigger) []trigger {
	for _, t := range violent {
		if t.subType == "Air/drone strike" || t.subType == "Shelling/artillery/missile attack" {
			return violent // "an air strike destroyed a weapons depot": the depot is the target
		}
	}
	for _, t := range others {
		if t.subType == "Disrupted weapons use" && !s.hasCasualty() {
			return nil
		}
	}
	return violent
}

// irregularPast are common past-tense verbs of news narration.
// pastForm: w reads as a past verb ("killed", "struck"), not one of the
// "-ed" words that are mostly adjectives ("armed men", "Iran-backed").
func pastForm(w string) bool {
	return irregularPast[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && !edAdjectives[w]
}

// edAdjectives end in "-ed" but describe a weapon or a party.
var edAdjectives = map[string]bool{
	"armed": true, "based": true, "alleged": true, "suspected": true, "wanted": true, "united": true, "masked": true,
	"unmanned": true, "manned": true, "crewed": true, "guided": true, "unidentified": true, "specialized": true, "specialised": true,
}

var irregularPast = map[string]bool{
	"took": true, "held": true, "fled": true, "began": true, "went": true, "came": true, "met": true, "made": true,
	"set": true, "fought": true, "overran": true, "seized": true, "gave": true, "led": true, "broke": true, "threw": true,
	"shot": true, "hit": true, "struck": true, "blew": true, "drove": true, "ran": true, "brought": true, "sent": true,
	"won": true, "lost": true, "left": true, "built": true, "stormed": true, "rose": true, "fell": true, "spoke": true,
	"flew": true,
}

// pastVerb: the sentence narrates in the past tense (a past verb outside the
// trigger, with no modal before it).
func pastVerb(s *sent, trig hit, force bool) bool {
	for i, w := range s.low {
		if i >= trig.from && i < trig.to {
			continue
		}
		if !pastForm(w) || force && (nonFactive[w] || s.inSource(i)) {
			// "pressed the president for strikes", "officials who attended
			// said": no past of the strike's own.
			continue
		}
		if i > 0 {
			switch s.low[i-1] {
			case "would", "could", "might", "should", "will", "may", "to", "be", "been", "if", "not":
				continue
			case "a", "an", "the", "of", "its", "their", "his", "her", "with":
				if force {
					continue // "a series of classified exercises": an adjective
				}
			}
		}
		return true
	}
	return false
}

// verbalTrigger: the action is told by a verb ("a drone striking a post",
// "jets bombed") or shown, not only named ("is thought to have handed commanders
// the authority to call in drone strikes").
func verbalTrigger(s *sent, h hit) bool {
	// "footage appears to show a drone strike on a convoy": shown, so told
	// as having happened.
	for k := h.from - 1; k >= 0 && k >= h.from-3; k-- {
		switch s.low[k] {
		case "show", "shows", "showed", "showing", "shown", "depicts", "depicting", "captured", "captures":
			return true
		}
	}
	for i := h.from; i < h.to; i++ {
		// "air strikes on the camps" names them; "a drone strikes a car" tells.
		if w := s.low[i]; strings.HasSuffix(w, "ing") || pastForm(w) ||
			presentVerbs[w] && i > h.from && s.low[i-1] != "air" && (i+1 >= len(s.low) || !nounFollowers[s.low[i+1]]) {
			return true
		}
	}
	return false
}

// happeningVerbs tell that an action took place, whatever its subject:
// "the raids caused panic", "strikes resumed on Monday".
var happeningVerbs = map[string]bool{
	"killed": true, "hit": true, "struck": true, "destroyed": true, "damaged": true, "wounded": true, "injured": true,
	"caused": true, "left": true, "occurred": true, "happened": true, "came": true, "followed": true, "began": true,
	"started": true, "continued": true, "resumed": true, "intensified": true, "escalated": true, "targeted": true,
	"flattened": true, "razed": true, "set": true, "sparked": true, "triggered": true, "forced": true, "displaced": true,
	"marked": true, "lasted": true, "ended": true, "shook": true, "rocked": true, "reduced": true, "wrecked": true,
	// verbs of force and of taking part in it
	"dropped": true, "mounted": true, "launched": true, "fired": true, "conducted": true, "carried": true, "executed": true,
	"committed": true, "joined": true, "took": true, "taken": true, "participated": true, "flew": true, "flown": true,
	"detonated": true, "blew": true, "blown": true, "exploded": true, "recaptured": true, "seized": true, "captured": true, "raided": true,
	"shelled": true, "bombed": true, "pounded": true, "attacked": true, "massacred": true, "raped": true, "stormed": true,
	"ambushed": true, "clashed": true, "fought": true, "repelled": true, "shot": true, "opened": true, "dealt": true,
	"inflicted": true, "suffered": true, "sustained": true, "survived": true, "witnessed": true, "heard": true, "saw": true,
	// verbs that answer an act done: "condemned the air strikes on Gaza"
	"condemned": true, "denounced": true, "deplored": true, "mourned": true, "avenged": true,
}

// planNouns after a past verb make it a verb about a plan ("dropped plans
// to join the air campaign"), not about the action.
var planNouns = map[string]bool{
	"plan": true, "plans": true, "proposal": true, "proposals": true, "idea": true, "bid": true, "option": true,
	"options": true, "request": true, "requests": true, "motion": true, "bill": true, "offer": true, "demand": true,
}

// happened: a past verb in the sentence tells that the action at trig took
// place — a verb of happening, or any past verb the action is the subject
// of ("air strikes on the camp drove hundreds from their homes"). A policy
// verb in the past ("tabled a motion calling for air strikes", "dropped
// plans to join the air campaign", "pitched a plan to bomb") does not.
func happened(s *sent, trig hit) bool {
	for i, w := range s.low {
		if i >= trig.from && i < trig.to {
			continue
		}
		if i > 0 && isCapWord(s.toks[i].Text) {
			continue // "camps of the Allied Democratic Forces": a name, not a verb
		}
		if (w == "took" || w == "taken") && (i+1 >= len(s.low) || s.low[i+1] != "part") {
			continue // "has not taken up the question": only "took part" tells of the action
		}
		if w == "carried" && (i+1 >= len(s.low) || s.low[i+1] != "out") {
			continue // "in a statement carried by state media": the news, not the act
		}
		if w == "claimed" && i+1 < len(s.low) && s.low[i+1] == "responsibility" {
			return true // "claimed responsibility for a drone strike"
		}
		if happeningVerbs[w] && !(i+2 < len(s.low) && (planNouns[s.low[i+1]] || planNouns[s.low[i+2]])) {
			return true
		}
		if !pastForm(w) {
			continue
		}
		// The action as subject: the verb follows it within a few words,
		// with no verb, comma or clause word between.
		if i >= trig.to && i-trig.to <= 6 && subjectPhrase(s, trig.to, i) {
			return true
		}
	}
	return false
}

// nonFactive past verbs say what someone sought or tried, not that the
// use of force in their complement took place.
var nonFactive = map[string]bool{
	"asked": true, "urged": true, "pressed": true, "lobbied": true, "pushed": true, "sought": true, "requested": true,
	"tried": true, "attempted": true, "planned": true, "hoped": true, "wanted": true, "expected": true, "prepared": true,
	"offered": true, "promised": true, "pledged": true, "proposed": true, "recommended": true, "demanded": true,
	"called": true, "agreed": true, "refused": true, "declined": true, "considered": true, "discussed": true, "debated": true,
	"gamed": true, "drafted": true, "briefed": true, "questioned": true, "needed": true, "intended": true,
	"argued": true, "posted": true, "published": true, "issued": true, "released": true, "shared": true, "uploaded": true,
	"rejected": true, "opposed": true, "vetoed": true, "blocked": true, "warned": true, "feared": true,
}

// inSource: token i lies in one of the sentence's attributions ("two
// officials who attended said").
func (s *sent) inSource(i int) bool {
	b := s.toks[i].Start
	for _, sp := range s.srcSpans {
		if b >= sp[0] && b < sp[1] {
			return true
		}
	}
	return false
}

// clauseRefersBack: clause c holds no action trigger and refers back with a
// pronoun.
func (r *run) clauseRefersBack(s *sent, c int) bool {
	if r.clauseHasAction(s, c) {
		return false
	}
	for i, w := range s.low {
		if s.clause[i] != c {
			continue
		}
		switch w {
		case "it", "them", "they", "those", "these", "lo", "los", "las":
			return true
		}
		// "…, but there is no final decision", "but the president did not
		// sign the order": a noun that refers back to the action.
		if heads := anaphoricHeads[r.doc.Lang]; heads[w] || w == "order" || w == "directive" {
			return true
		}
	}
	return false
}

// clauseHasAction: clause c of s tells of an action of its own.
func (r *run) clauseHasAction(s *sent, c int) bool {
	for _, h := range s.actions {
		if s.clause[h.from] == c && !insideStageCue(s, h) {
			return true
		}
	}
	return false
}

// hasPolicyCue: a stage cue other than a bare conducted verb stands in the
// trigger's clause.
func (r *run) hasPolicyCue(s *sent, h hit) bool {
	for _, c := range s.stages {
		if s.clause[c.from] == s.clause[h.from] && report.Stage(c.e.cols[0]) != report.Conducted {
			return true
		}
	}
	return false
}

// hasPlanCue: a cue beside h ("a halt to bombing", "a pause in the
// bombing") puts the action on or off the ladder
// before it is carried out (not a denial, which any bomber may make, nor a
// warning, which any onlooker may give).
func (r *run) hasPlanCue(s *sent, h hit) bool {
	for _, c := range s.stages {
		near := c.to <= h.from && h.from-c.to <= 3 || c.from >= h.to && c.from-h.to <= 3
		if st := report.Stage(c.e.cols[0]); near && st != report.Conducted && st != report.Denied && st != report.Threatened {
			return true
		}
	}
	return false
}

// hasArmedActor: a state, its forces or an armed group is named in s.
func (r *run) hasArmedActor(s *sent) bool {
	for _, a := range r.doc.Actors {
		if a.Start >= s.start && a.End <= s.end && canInitiate(a.Kind, a.Actor) {
			return true
		}
	}
	return false
}

// presupposing words before "the <action>" refer to an action that happened.
var presupposing = map[string]bool{
	"after": true, "following": true, "since": true, "for": true, "over": true, "despite": true, "amid": true,
	"condemned": true, "condemning": true, "denounced": true, "criticized": true, "criticised": true, "investigating": true,
	"tras": true, "después": true, "condenó": true,
}

// answeringFor: "retaliate for the strike", "responsibility for the attack" —
// but not "plans for the strike".
var answeringFor = map[string]bool{
	"retaliate": true, "retaliation": true, "revenge": true, "responsibility": true, "blame": true, "blamed": true,
	"apologized": true, "apologised": true, "apology": true, "compensation": true, "accountable": true, "punished": true,
	"criticized": true, "criticised": true, "condemned": true, "praised": true, "sanctioned": true, "sued": true,
	"charged": true, "indicted": true, "prosecuted": true, "justice": true, "accountability": true, "credit": true,
}

// temporalAfter words presuppose even an indefinite action ("after a ceasefire").
var temporalAfter = map[string]bool{"after": true, "following": true, "since": true}

// airSupportInBattle: s tells of air support ("called for air support", "the
// air weapons team engaged") for ground forces that were themselves under
// attack in this or the two sentences before — a two-sided fight.
func (r *run) airSupportInBattle(s *sent) bool {
	support := false
	for i := 0; i+1 < len(s.low); i++ {
		if s.low[i] == "air" && (s.low[i+1] == "support" || s.low[i+1] == "weapons" && i+2 < len(s.low) && s.low[i+2] == "team") {
			support = true
			break
		}
	}
	if !support {
		return false
	}
	for i := s.idx; i >= 0 && i >= s.idx-2; i-- {
		if forceUnderFire(r.sents[i].low) {
			return true
		}
	}
	return false
}

// forceNouns are the ground units whose being attacked makes a battle.
var forceNouns = map[string]bool{
	"patrol": true, "patrols": true, "force": true, "forces": true, "troops": true, "soldiers": true,
	"convoy": true, "unit": true, "units": true, "team": true, "base": true, "outpost": true, "position": true, "positions": true,
}

// forceUnderFire: the words say ground forces came under fire or fought back
// ("was engaged by insurgents", "attacked the patrol", "received small-arms
// fire", "returned fire", "a firefight").
func forceUnderFire(low []string) bool {
	for i, w := range low {
		next := ""
		if i+1 < len(low) {
			next = low[i+1]
		}
		switch w {
		case "firefight", "firefights", "ambushed", "ambush":
			return true
		case "engaged", "attacked":
			if next == "by" {
				return true
			}
		case "came", "come", "coming":
			if next == "under" {
				return true
			}
		case "returned", "exchanged":
			if next == "fire" {
				return true
			}
		case "received", "receiving", "receive":
			for j := i + 1; j < len(low) && j <= i+4; j++ {
				if low[j] == "fire" {
					return true
				}
			}
		case "responded":
			if next == "to" && i+3 < len(low) && (low[i+3] == "attack" || low[i+3] == "fire") {
				return true
			}
		}
		if w == "attacked" || w == "attacking" {
			for j := i + 1; j < len(low) && j <= i+3; j++ {
				if forceNouns[low[j]] {
					return true
				}
			}
		}
	}
	return false
}

func remoteStrike(ts []trigger) bool {
	for _, t := range ts {
		if t.subType == "Air/drone strike" || t.subType == "Shelling/artillery/missile attack" {
			return true
		}
	}
	return false
}

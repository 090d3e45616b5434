package extract

import (
	"slices"
	"strconv"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/segment"
)

func esDoc(text string) Doc {
	return Doc{Text: text, Lang: "es", Sentences: segment.Sentences(text)}
}

// TestSpanishStageLadder is TestStageLadder for the Mexican press: each stage
// cue, negation, conditional and hedge in Spanish.
func TestSpanishStageLadder(t *testing.T) {
	x := newX(t)
	const air = "Air/drone strike"
	tests := []struct {
		name string
		text string
		want []string // sub/stage/certainty that must be present
		not  []report.Stage
	}{
		// Future and subjunctive forms are cues like the present and past.
		{"consultado sobre si, se limitó a", "Consultado sobre si aviones del Ejército habían bombardeado una vivienda en la sierra, el vocero se limitó a decir que \"todas las operaciones se apegan a la ley\".", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"examina la conveniencia", "El Consejo de Defensa examina la conveniencia de que aviones de la Fuerza Aérea ataquen los campamentos de la guerrilla en el norte.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"habría pedido", "El gobierno habría pedido a Estados Unidos ataques con drones contra los campamentos de la minería ilegal, según dos fuentes diplomáticas.", []string{air + "/proposed/hedged"}, []report.Stage{report.Conducted}},
		{"se abstuvo de amenazar", "El ministro de la Defensa se abstuvo el miércoles de amenazar con ataques aéreos a los grupos del narcotráfico.", []string{air + "/threatened/negated"}, []report.Stage{report.Conducted}},
		{"rechazó, mediante un comunicado, que", "La Secretaría de Marina rechazó ayer, mediante un comunicado, que un aparato no tripulado de la Armada haya bombardeado un campamento en la sierra.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"jamás ha estado sobre la mesa", "«Bombardear campamentos del ELN al otro lado de la frontera jamás ha estado sobre la mesa», aseguró el viernes el viceministro de Defensa.", []string{air + "/discussed/negated"}, []report.Stage{report.Conducted, report.Threatened}},
		{"dio por concluida la campaña", "El comando dio por concluida ayer la campaña de ataques con helicópteros artillados contra los remanentes de la guerrilla, informó el Comando Conjunto.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"se plantea emplear drones", "El comando especial se plantea emplear drones armados contra las pozas de maceración ocultas en la selva.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"evaluará", "El gabinete de seguridad evaluará ataques con drones contra los campamentos del cártel, dijo el ministro.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"suspenderá", "La Fuerza Aérea suspenderá los bombardeos contra la guerrilla durante la tregua, informó el Ministerio de Defensa.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"drones de X impactaron", "Drones de las Fuerzas de Apoyo Rápido impactaron contra la central eléctrica de Merowe, en el norte de Sudán.", []string{air + "/conducted/asserted"}, nil},
		{"facultades para", "La Asamblea Nacional otorgó anoche a la Fuerza Armada plenas facultades para batir desde el aire los campamentos de los grupos armados.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"beneplácito para que", "El Consejo de Seguridad dio su beneplácito para que la Fuerza Aérea vuelva a bombardear campamentos de las disidencias.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"rechazó de plano que", "El Ministerio de Defensa rechazó de plano este lunes que aeronaves dominicanas hayan bombardeado un campamento en territorio haitiano.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"ninguna aeronave tuvo relación", "La Secretaría aclaró que ninguna aeronave militar tuvo relación con la explosión que vecinos achacan a un helicóptero del Ejército.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"cualquier ataque aéreo equivaldría", "La Defensoría alertó que cualquier ataque aéreo contra los campamentos de las disidencias equivaldría a condenar a muerte a decenas de menores.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"bombardearon con críticas", "Sus barones bombardearon durante toda la mañana a la dirección con críticas por la derrota electoral.", nil, []report.Stage{report.Conducted}},
		{"un jaguar atacó", "Un jaguar atacó y mató a un ganadero en un potrero del ejido, informó la Fiscalía. Un dron de Protección Civil localizó el cuerpo.", nil, []report.Stage{report.Conducted}},
		{"no le ha pasado por la cabeza", "El ministro afirmó que emplear drones armados contra los grupos que queman camiones \"no le ha pasado por la cabeza a nadie en este Gobierno\".", []string{air + "/discussed/negated"}, []report.Stage{report.Conducted}},
		{"analiza", "El gobierno analiza la posibilidad de realizar ataques con drones contra los cárteles.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"estaría evaluando", "El Gobierno estaría evaluando el uso de drones armados contra los campamentos, según un diario.", []string{air + "/discussed/hedged"}, []report.Stage{report.Conducted}},
		{"habilita a atacar desde el aire", "El Congreso aprobó una ley que habilita a la Fuerza Aérea a atacar desde el aire los campamentos de la guerrilla.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"proyecto de ley que insta a emplear drones", "Varios senadores presentaron un proyecto de ley que insta al Gobierno a emplear drones armados contra las bandas.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"no habrá pausa en los bombardeos", "El ministro aseguró que no habrá pausa en los bombardeos contra la guerrilla.", []string{air + "/called_off/negated"}, []report.Stage{report.Conducted}},
		{"bombardearon con semillas", "Dos aviones y una decena de drones bombardearon con semillas de especies nativas unas 400 hectáreas para su reforestación.", nil, []report.Stage{report.Conducted}},
		{"calificó de patraña; sus aeronaves no volaron", "Vecinos relataron que un helicóptero militar ametralló el domingo la comunidad y mató a dos pescadores. En un comunicado, el Ejército calificó esas versiones de burda patraña y aseguró que sus aeronaves no volaron sobre la zona.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"nada está firmado", "El Ministerio de la Defensa sopesa emplear aeronaves artilladas contra los campamentos, confirmó el ministro, quien aclaró que nada está firmado todavía.", []string{air + "/discussed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"desistió de bombardear", "La Fuerza Aérea desistió de bombardear un campamento de la guerrilla luego de que se detectara la presencia de civiles, informó el director.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"la aviación atacó un mercado", "La aviación sudanesa atacó un mercado en Darfur el lunes y mató a 40 personas, informaron testigos.", []string{air + "/conducted/asserted"}, nil},
		{"pidió la luz verde", "El gobernador pidió la luz verde del Congreso para una operación aérea contra las bandas.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted, report.Authorized}},
		{"puso fin a su campaña aérea", "El Ejército puso fin a su campaña aérea contra la guerrilla tras el acuerdo.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"salió al paso de las versiones", "La Fuerza Aérea salió al paso de las versiones de que sus aviones bombardearon una aldea.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"aviones no identificados", "Al parecer, aviones no identificados bombardearon un campamento en la frontera.", []string{air + "/conducted/hedged"}, nil},
		{"amagó con", "El ministro amagó con una lluvia de drones sobre los campamentos de la banda.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"pidieron bombardear", "Alcaldes de la región pidieron al Ministerio de Defensa bombardear los campamentos de la guerrilla.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"suspendería si", "El Gobierno suspendería los bombardeos si la guerrilla libera a todos los secuestrados.", []string{air + "/called_off/hypothetical"}, []report.Stage{report.Conducted}},
		{"no desmintió", "La Fuerza Aérea no desmintió las denuncias sobre un bombardeo en la región.", []string{air + "/denied/negated"}, nil},
		{"se negó a confirmar o desmentir", "El Pentágono se negó a confirmar o desmentir que drones estadounidenses hayan atacado un campamento.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"simulacro", "Tropas de los dos países realizaron un simulacro de ataque aéreo en la base.", nil, []report.Stage{report.Conducted}},
		{"bombardearon las redes sociales", "Miles de aficionados bombardearon las redes sociales con críticas al árbitro.", nil, []report.Stage{report.Conducted}},
		{"drones golpearon", "Drones estadounidenses golpearon un complejo de la milicia en el sur del país.", []string{air + "/conducted/asserted"}, nil},
		{"advirtió que lanzará drones si", "La milicia advirtió que lanzará drones contra la ciudad si el ejército bombardea sus bases.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"aseguró que muy pronto atacará por aire", "El presidente aseguró que muy pronto atacará por aire a los cárteles de la droga.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"objetivos legítimos de su aviación", "El Kremlin advirtió que los almacenes de armas serán objetivos legítimos de su aviación.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"descarta suspender", "El ministro de Defensa descarta suspender los bombardeos contra las disidencias.", []string{air + "/called_off/negated"}, []report.Stage{report.CalledOff}},
		{"la solicitud que le presentó", "El presidente no ha autorizado los bombardeos contra las disidencias, pese a la solicitud que le presentó la cúpula militar.", []string{air + "/proposed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"ningún ataque con esas aeronaves", "El ministro aclaró que hasta ahora no se ha llevado a cabo ningún ataque con esas aeronaves.", []string{air + "/conducted/negated"}, []report.Stage{report.Authorized}},
		{"una plaga de langosta", "Una flotilla de drones atacó desde el aire la plaga de langosta; las aspersiones cubrieron 3,000 hectáreas.", nil, []report.Stage{report.Conducted}},
		{"bombardeará si", "El presidente advirtió este jueves que la Fuerza Aérea bombardeará los campamentos si vuelven a emboscar a patrullas militares.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"una moratoria de los bombardeos", "El Gobierno decretó el lunes una moratoria de los bombardeos contra campamentos de grupos armados.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"un plan para que bombardee", "El Consejo de Ministros dio luz verde el jueves a un plan para que la Fuerza Aérea bombardee pistas clandestinas.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"se desligó", "El Ministerio de Defensa se desligó de la muerte de tres menores, que comunidades indígenas atribuyen a un bombardeo.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"paralizó", "El Gobierno paralizó los bombardeos contra las disidencias.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"avaló", "El Congreso avaló los bombardeos contra los campamentos.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"congeló", "El Gobierno congeló este jueves los bombardeos contra los campamentos de los grupos armados.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"contempla", "La Casa Blanca contempla bombardear campamentos del crimen organizado.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"sopesa", "El Pentágono sopesa el uso de drones armados contra laboratorios clandestinos.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"amenazó", "El presidente amenazó con atacar con drones a los grupos criminales.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"advirtió", "El general advirtió que habrá bombardeos si continúan los ataques.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"propuso", "El embajador presentó formalmente una propuesta de ataques con drones al gabinete.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"autorizó", "El presidente autorizó ataques con drones contra el grupo la semana pasada.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"ordenó", "El secretario ordenó bombardear las lanchas en el Caribe.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"dejó muertos", "Un ataque con drones dejó dos muertos en una comunidad de la sierra.", []string{air + "/conducted/asserted"}, nil},
		{"drones atacaron", "Drones de la Fuerza Aérea atacaron un campamento en la sierra.", []string{air + "/conducted/asserted"}, nil},
		{"fueron abatidos", "Seis sicarios fueron abatidos en un bombardeo.", []string{air + "/conducted/asserted"}, nil},
		{"presuntamente", "Presuntamente, un dron lanzó explosivos contra una vivienda.", []string{air + "/conducted/hedged"}, nil},
		{"habría", "Un ataque con drones habría causado la muerte de cuatro personas.", []string{air + "/conducted/hedged"}, nil},
		{"negó", "La Marina negó haber llevado a cabo un bombardeo en la sierra.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"no ha realizado", "El Pentágono aseguró que no ha realizado ningún ataque con drones en el país.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"descartó", "El gobierno descartó los bombardeos sobre la ciudad.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"suspendió", "El ejército suspendió los bombardeos contra los campamentos.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"atacar desde el aire", "El secretario advirtió que su país no dudará en atacar desde el aire los laboratorios de los cárteles.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"fueron suspendidos", "Los ataques aéreos fueron suspendidos tras el anuncio de un alto el fuego.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"ninguna decisión", "No se ha tomado ninguna decisión sobre los ataques con drones.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"ni presentado", "Los funcionarios no han presentado formalmente la idea de los ataques con drones.", []string{air + "/proposed/negated"}, []report.Stage{report.Conducted}},
		{"si se llevara a cabo", "Si se llevara a cabo, un ataque con drones sería inédito.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"último recurso", "Los funcionarios no han descartado ataques encubiertos con drones como último recurso.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted, report.CalledOff}},
		{"representarían", "Los ataques ofensivos con drones representarían un enfoque nuevo.", nil, []report.Stage{report.Conducted}},
		{"no hicieron comentarios", "Los funcionarios no han hecho comentarios sobre los ataques con drones.", nil, []report.Stage{report.Conducted, report.Denied}},
		{"sin embargo", "Sin embargo, el gobierno autorizó los ataques con drones.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"vigilancia", "La Guardia Nacional realiza labores de vigilancia con drones en la frontera.", nil, []report.Stage{report.Conducted}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := x.Extract(esDoc(tc.text))
			got := summary(cs)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: claims %v, want %s", tc.text, got, w)
				}
			}
			for _, c := range cs {
				if slices.Contains(tc.not, c.Stage) && (c.Certainty == report.Asserted || c.Certainty == report.Hedged) {
					t.Errorf("%q: claim %s/%s/%s, want no such stage", tc.text, c.SubEventType, c.Stage, c.Certainty)
				}
			}
		})
	}
}

// TestSpanishEventTypes checks the ACLED sub-event type of Spanish triggers.
func TestSpanishEventTypes(t *testing.T) {
	x := newX(t)
	tests := []struct{ name, text, want string }{
		{"enfrentamiento", "Seis presuntos sicarios murieron en un enfrentamiento con militares.", "Armed clash"},
		{"abatidos", "Los militares abatieron a tres agresores armados.", "Armed clash"},
		{"mina", "Una mina terrestre mató a dos jornaleros en un camino de terracería.", "Remote explosive/landmine/IED"},
		{"granada", "Desconocidos lanzaron una granada contra una comandancia.", "Grenade"},
		{"drones explosivos", "Drones cargados con explosivos atacaron a policías estatales.", "Air/drone strike"},
		{"bombardeo aéreo", "Un bombardeo aéreo destruyó un campamento guerrillero.", "Air/drone strike"},
		{"detenidos", "La Guardia Nacional detuvo a 12 presuntos integrantes del cártel.", "Arrests"},
		{"marcha", "Cientos de pobladores marcharon para exigir el fin de la violencia.", "Peaceful protest"},
		{"secuestro", "Hombres armados secuestraron a cuatro jornaleros.", "Abduction/forced disappearance"},
		{"aseguramiento", "Los militares aseguraron un arsenal con 40 fusiles y granadas.", "Disrupted weapons use"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := x.Extract(esDoc(tc.text))
			ok := false
			for _, c := range cs {
				ok = ok || c.SubEventType == tc.want && c.Stage == report.Conducted
			}
			if !ok {
				t.Errorf("%q: claims %v, want %s/conducted", tc.text, summary(cs), tc.want)
			}
		})
	}
}

// TestSpanishFatalities checks Spanish counts: number words, "una docena",
// ranges, "al menos", injured apart from killed, and vague words that are
// no count of the dead.
func TestSpanishFatalities(t *testing.T) {
	x := newX(t)
	p := func(n int) *int { return &n }
	tests := []struct {
		name     string
		text     string
		min, max *int
	}{
		{"seis", "Seis presuntos sicarios fueron abatidos en un enfrentamiento con militares.", p(6), p(6)},
		{"docena", "Una docena de personas murieron en un ataque con drones.", p(12), p(12)},
		{"entre", "Entre cinco y siete personas murieron en un ataque con drones.", p(5), p(7)},
		{"entre ellos is a subset", "Nueve campesinos murieron en un ataque con drones, entre ellos tres menores.", p(9), p(9)},
		{"entre nueve y once", "Entre nueve y once personas murieron en un ataque con drones.", p(9), p(11)},
		{"al menos", "Al menos 11 personas murieron en una balacera entre grupos criminales.", p(11), nil},
		{"heridos apart", "El ataque con drones dejó dos muertos y cinco heridos.", p(2), p(2)},
		{"only injured", "Un ataque con drones explosivos dejó tres heridos en la comunidad.", nil, nil},
		{"decenas de familias", "Decenas de familias huyeron tras un ataque con drones que dejó tres heridos.", nil, nil},
		{"una mujer", "Un dron lanzó explosivos contra una vivienda y mató a una mujer.", p(1), p(1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got *report.Claim
			cs := x.Extract(esDoc(tc.text))
			for i := range cs {
				if cs[i].Stage == report.Conducted {
					got = &cs[i]
					break
				}
			}
			if got == nil {
				t.Fatalf("%q: no conducted claim in %v", tc.text, summary(cs))
			}
			if !eqInt(got.Fatalities.Min, tc.min) || !eqInt(got.Fatalities.Max, tc.max) {
				t.Errorf("%q: killed %s-%s, want %s-%s", tc.text, ps(got.Fatalities.Min), ps(got.Fatalities.Max), ps(tc.min), ps(tc.max))
			}
		})
	}
}

func ps(p *int) string {
	if p == nil {
		return "null"
	}
	return strconv.Itoa(*p)
}

// TestSpanishSources checks Spanish attribution: "según", "de acuerdo con",
// reporting verbs before and after their subject, anonymity, counts, outlets
// and witnesses.
func TestSpanishSources(t *testing.T) {
	x := newX(t)
	tests := []struct {
		name   string
		text   string
		kind   string
		count  int // -1: not checked
		outlet string
	}{
		{"según seis", "El gobierno analiza ataques con drones, según seis funcionarios citados por NBC News.", report.SourceAnonymousOfficial, 6, "NBC News"},
		{"negó mediante una tarjeta informativa", "La Defensa negó ayer, mediante una tarjeta informativa, que personal militar haya utilizado drones con explosivos en la zona.", report.SourceStatement, -1, ""},
		{"publicó el diario", "El Gabinete de Seguridad estaría sopesando atacar con drones armados los laboratorios de la sierra, publicó ayer el diario Reforma.", report.SourceOutlet, -1, ""},
		{"de acuerdo con dos", "La Casa Blanca contempla bombardeos, de acuerdo con dos funcionarios que pidieron no ser identificados.", report.SourceAnonymousOfficial, 2, ""},
		{"dijeron los funcionarios", "No se ha tomado ninguna decisión sobre los ataques con drones, dijeron los funcionarios.", report.SourceAnonymousOfficial, -1, ""},
		{"informaron a Reuters", "El presidente autorizó ataques con drones, informaron tres funcionarios a la agencia Reuters.", report.SourceAnonymousOfficial, 3, "Reuters"},
		{"testigos", "Un ataque con drones dejó dos muertos, según testigos.", report.SourceWitness, -1, ""},
		{"vecinos dijeron", "Vecinos de la zona dijeron que un ataque con drones dejó dos muertos.", report.SourceWitness, -1, ""},
		{"fronted según", "Según fuentes policiales, al menos 11 personas murieron en una balacera.", report.SourceAnonymousOfficial, -1, ""},
		{"aclaró la Secretaría", "La Secretaría de la Defensa Nacional aclaró que ninguna aeronave militar tuvo relación con el bombardeo.", report.SourceOrganization, -1, ""},
		{"informó el diario", "El embajador presentó una propuesta de ataques con drones, informó el diario Reforma.", report.SourceOutlet, -1, "Reforma"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := x.Extract(esDoc(tc.text))
			if len(cs) == 0 {
				t.Fatalf("%q: no claim", tc.text)
			}
			ok := false
			for _, s := range cs[0].Sources {
				if s.Kind != tc.kind {
					continue
				}
				if tc.count >= 0 && (s.Count == nil || *s.Count != tc.count) {
					continue
				}
				if tc.outlet != "" && (s.Outlet == nil || *s.Outlet != tc.outlet) {
					continue
				}
				ok = true
			}
			if !ok {
				t.Errorf("%q: sources %+v, want %s count %d outlet %q", tc.text, cs[0].Sources, tc.kind, tc.count, tc.outlet)
			}
		})
	}
}

// twinSentences are the same kinds of sentences in both languages, for the
// throughput comparison.
var twinSentences = map[string][]string{
	"es": {
		"El gobierno de Estados Unidos analiza la posibilidad de lanzar ataques con drones contra cárteles de la droga en territorio mexicano, según seis funcionarios estadounidenses citados por NBC News.",
		"Seis presuntos sicarios fueron abatidos el pasado domingo durante un enfrentamiento con militares en la sindicatura de Tepuche, informó la Secretaría de la Defensa Nacional.",
		"Un ataque con drones cargados con explosivos dejó dos muertos y cinco heridos anoche en la comunidad de El Alcalde, informó la Fiscalía General del Estado.",
		"Los funcionarios no han descartado ataques encubiertos con drones sin el consentimiento explícito del gobierno mexicano, como último recurso.",
		"La Secretaría de Marina negó haber llevado a cabo un bombardeo en la sierra de Guerrero, como denunciaron pobladores de la región.",
	},
	"en": {
		"The U.S. government is weighing the possibility of launching drone strikes against drug cartels on Mexican territory, according to six U.S. officials cited by NBC News.",
		"Six suspected gunmen were killed last Sunday in a clash with soldiers in the Tepuche district, Mexico's Defense Ministry said.",
		"An attack with explosive-laden drones killed two people and wounded five last night in the village of El Alcalde, the state prosecutor's office said.",
		"Officials have not ruled out covert drone strikes without the explicit consent of the Mexican government, as a last resort.",
		"Mexico's Navy denied carrying out an air strike in the mountains of Guerrero, as residents of the region had alleged.",
	},
}

// BenchmarkExtractLang compares extraction throughput (MB/s) on the same
// kinds of sentences in Spanish and English (issue 7: within 20 %).
func BenchmarkExtractLang(b *testing.B) {
	x := newX(b)
	for _, lang := range []string{"es", "en"} {
		var docs []Doc
		var n int64
		for _, s := range twinSentences[lang] {
			d := esDoc(s)
			d.Lang = lang
			docs = append(docs, d)
			n += int64(len(s))
		}
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(n)
			for b.Loop() {
				for _, d := range docs {
					x.Extract(d)
				}
			}
		})
	}
}

package extract

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/segment"
)

func newX(t testing.TB) *Extractor {
	t.Helper()
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func textDoc(text string) Doc {
	return Doc{Text: text, Lang: "en", Sentences: segment.Sentences(text)}
}

// summary renders claims as "sub/stage/certainty" strings for comparison.
func summary(cs []report.Claim) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s/%s/%s", c.SubEventType, c.Stage, c.Certainty))
	}
	return out
}

func hasClaim(cs []report.Claim, sub string, st report.Stage, cert report.Certainty) bool {
	for _, c := range cs {
		if c.SubEventType == sub && c.Stage == st && (cert == "" || c.Certainty == cert) {
			return true
		}
	}
	return false
}

func TestStageLadder(t *testing.T) {
	x := newX(t)
	const air = "Air/drone strike"
	tests := []struct {
		name string
		text string
		want []string // sub/stage/certainty that must be present
		not  []report.Stage
	}{
		{"discussing", "The administration is discussing the possibility of drone strikes against cartels.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"weighing", "Officials are weighing air strikes on militant camps.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"threatened", "The president threatened to launch air strikes against the rebels.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"warned", "The defence minister warned that drone strikes would follow any attack.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"proposed", "The general formally presented the idea of drone strikes to the cabinet.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"authorized", "The president authorized drone strikes against the group last week.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"conducted noun", "A U.S. drone strike killed two people in a car.", []string{air + "/conducted/asserted"}, nil},
		{"conducted verb", "Drones struck a pickup truck near the village, killing seven people.", []string{air + "/conducted/asserted"}, nil},
		{"passive", "Four people were killed in an air strike on a market.", []string{air + "/conducted/asserted"}, nil},
		{"reportedly", "A drone strike reportedly killed three militants.", []string{air + "/conducted/hedged"}, nil},
		{"denied", "The Pentagon denied carrying out the air strike.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"did not carry out", "The army said it did not carry out any air strikes in the area.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"called off", "The operation was called off and the air strikes were halted.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"ruled out", "The government ruled out air strikes on the city.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"no decision", "No decision has been made to authorize drone strikes.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"hypothetical if", "If carried out, such drone strikes would be unprecedented.", nil, []report.Stage{report.Conducted}},
		{"last resort", "Officials have not ruled out conducting covert drone strikes as a last resort.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted, report.CalledOff}},
		{"would", "Offensive drone strikes would represent a new approach.", nil, []report.Stage{report.Conducted}},
		{"aid groups warn", "Aid groups warned that air strikes on the city could kill hundreds of civilians.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Threatened, report.Conducted}},
		{"UN warns", "U.N. agencies warned on Thursday that renewed air strikes on Gaza could kill thousands more civilians.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Threatened, report.Conducted}},
		{"analysts warn", "Analysts warned of drone strikes on the port.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Threatened, report.Conducted}},
		{"stopped bombing", "The army says it stopped bombing rebel positions around the town yesterday.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"charge has no basis", "The military said the charge of its drones bombing a border post \"has no basis whatsoever\".", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"placed before", "Army officers have placed before the junta a plan for drone raids against rebel positions.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"to clear crews to bomb", "The cabinet agreed on Monday to clear air force crews to bomb rebel camps.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"cleared pilots to bomb", "The army has cleared its pilots to bomb rebel hideouts in the hills.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"the action's own gerund as subject", "The minister told lawmakers that bombing the mining camps was one of the avenues under study.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"gerund subject after a condition", "Should the rebels ignore the truce, bombing their fuel depots is a card the junta keeps in reserve, an adviser said.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"participle is no gerund subject", "A drone hit a car on Tuesday, killing three people, among them a sweeper who was working nearby.", []string{air + "/conducted/asserted"}, nil},
		{"chief of staff is no stoppage", "The armed forces chief of staff gave no order for any bombing of the rebel convoys, his spokesman said.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"miners killed are victims", "An air raid on Tuesday killed five miners near the pit, residents said.", []string{air + "/conducted/asserted"}, nil},
		{"go after with drones", "The army asked the cabinet last week for permission to go after Taliban hideouts in Kunar with armed drones, officials said.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"a denial of the order told before", "The government has reportedly ordered drone strikes on militia positions, a broadcaster said. A government spokesman denied on Saturday that any such order existed.", []string{air + "/authorized/hedged", air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"halt under a fronted were-condition", "Were Moscow to stop its shelling, Kyiv would halt its drone raids on Russian refineries, a deputy minister said.", []string{air + "/called_off/hypothetical"}, []report.Stage{report.Conducted}},
		{"will suspend if", "Kyiv will suspend its drone raids on refineries if Moscow stops hitting the grid, a minister said.", []string{air + "/called_off/hypothetical"}, []report.Stage{report.Conducted}},
		{"will halt from a date is decided", "The air force will halt its strikes on the town from Monday, the minister said.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"authorized, but only when", "The government has cleared the gunships to fire on insurgent bases, but only when ground units ask for support, a spokesman said.", []string{air + "/authorized/hypothetical"}, []report.Stage{report.Conducted}},
		{"asked whether, said only that", "Asked whether the air force had bombed a convoy near the border, the military spokesman said only that the armed forces \"do not comment on operations\".", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"pressed about, offered nothing beyond", "Pressed about claims of a drone strike on a car in the province, the command's spokesman offered nothing beyond 'operations continue'.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"asked about the strike told before", "A drone strike killed five people in the town on Monday. Asked about the strike, the army spokesman declined to comment.", []string{air + "/conducted/asserted"}, []report.Stage{report.Denied}},
		{"told to leave ahead of air strikes", "The army has told civilians around the town to leave ahead of air strikes on rebel positions, a civil society group said.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"aircraft about to hit", "The military told people in three buildings to get out at once, saying its aircraft are about to hit the structures.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"a request under a fronted should", "Should insurgents overrun another district headquarters, the government will formally ask its neighbour to send attack helicopters against their bases, the minister said.", []string{air + "/proposed/hypothetical"}, []report.Stage{report.Conducted}},
		{"pilots handed permission to hit", "The junta has handed its pilots permission to hit the rebel camps around the town, a news site said.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"a Sukhoi bombed the market", "The army said it would stop its offensive three days after a Sukhoi-25 bombed the market in the town, killing six people.", []string{air + "/conducted/asserted"}, nil},
		{"an inverted should governs its own clause only", "The militia vowed to strike the oil terminals should Riyadh let foreign warplanes cross its airspace again, two days after an air strike killed seven dock workers.", []string{air + "/conducted/asserted"}, nil},
		{"modal after an aside", "Air raids on the market towns along the coast, where the army is massing troops, would cut off food for thousands, a relief agency warned.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Threatened, report.Conducted}},
		{"bombing villages as a subject", "The agency said that bombing the villages of the valley, which shelter thousands of displaced people, could leave them nowhere to go.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"striker warns", "Israel warned that Israeli jets would strike Beirut.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		// An air asset standing for its use, where no verb of force is known.
		{"asset idea", "Generals are warming to the idea of setting the air force on TTP hideouts in Kurram.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"asset toll", "The army's gunships were back over Nyala on Tuesday, leaving at least 12 dead, residents said.", []string{air + "/conducted/asserted"}, nil},
		// Base forms after an auxiliary or "to" are cues like their inflections.
		{"would not entertain", "Officials would not entertain the idea of air strikes on the camps, a spokesman said.", []string{air + "/discussed/negated"}, []report.Stage{report.Conducted}},
		{"refused to rescind", "The defence minister refused to rescind the order for air strikes on the rebels.", []string{air + "/called_off/negated"}, []report.Stage{report.Conducted}},
		{"did not dispute", "The army did not dispute reports that its drones struck the village.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		// A report judged false by the verb that names it is denied.
		{"called a lie", "The ministry called accusations that its drones had struck the airport in Dongola \"a lie dressed up as evidence\".", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"termed mischievous", "The army chief termed \"mischievous\" a report that the air force was gearing up for strikes on rebel bases.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"sidestepped questions", "A spokesman sidestepped questions about reports that a drone had killed three men in a pickup, saying only that operations continue.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"put the brakes on", "The army has put the brakes on its drone raids around Kidal now that the rains have set in.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"carte blanche", "The junta has given army commanders carte blanche to order air strikes on hamlets they suspect of feeding jihadists.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"our drones crowd the sky", "The militia told people near the airport to move their families out \"before our drones crowd the sky above you\".", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"without a single air raid", "The province has gone thirty months without a single Saudi air raid, the governor said.", []string{air + "/conducted/negated"}, nil},
		{"walked back plans", "Cameroon has walked back plans to bomb pirate camps in the creeks of the Bakassi peninsula.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"ordered back to base", "The council ordered every armed drone of the army back to its base pending an inquiry.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"proposal told with would", "The army chief carried a proposal to Kinshasa: Ugandan helicopter gunships would fly strikes on ADF camps west of Lubero.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"our drones if", "Bahrain will be \"added to our drones' flight plans\" if it lets American warships sail from Manama, the militia's spokesman said.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"brushed aside complaints", "The commander brushed aside Hungary's complaints about strikes on the pipeline's pumping stations.", []string{air + "/called_off/negated"}, []report.Stage{report.Conducted}},
		{"if the letter is genuine", "Kenya has pleaded with Ethiopia to let its jets strike the raiders' camps, if a defence ministry letter published on Tuesday is genuine.", []string{air + "/proposed/hedged"}, []report.Stage{report.Conducted}},
		{"vetoed a plan to drop bombs", "The president has vetoed a military plan to drop bombs on rebel camps in the mountains.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"had no hand in", "Pakistani jets rocketed two houses, killing nine civilians, the spokesman said. A Pakistani official said Pakistan \"had no hand in\" the blasts.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"blamed on a collapse", "Miners said a military drone struck their tents, killing seven men. The army spokesman blamed the deaths on the collapse of a mine shaft.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"never happened", "The ministry said claims that a Russian drone had dropped a grenade near a police post \"never happened\".", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"sent a plan", "The command has sent the prime minister a plan for cross-border air strikes on Islamic State camps, two officials said, speaking on condition that they not be named.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"warned in advance is no threat", "The plan envisages F-16s hitting the camps only at night, with air defences warned in advance, officials said.", nil, []report.Stage{report.Threatened}},
		{"far from a decision", "The council has been pondering whether to send helicopters to fire on the gangs, but it is far from a decision.", []string{air + "/discussed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"our drones beside an attack in the condition", "The militia said Manama would be \"the first address for our drones\" if U.S. forces took part in any attack on Iran.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"bombing camps is an air raid", "Bombing militant camps in Afghanistan has never been considered, a Pakistani spokeswoman said.", []string{air + "/discussed/negated"}, []report.Stage{report.Conducted}},
		{"never came up", "Bombing rebel camps in Arauca \"never came up\" when the council met on Monday, the minister said.", []string{air + "/discussed/negated"}, []report.Stage{report.Conducted}},
		{"did not deny responsibility for the strike", "Turkey did not deny responsibility for the drone strike near Qamishli in Syria.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"put the idea of strikes to", "Washington's envoy formally put the idea of joint drone strikes on cartel labs to the Mexican government.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"waved through a law that lets", "The House waved through an amendment on Thursday that lets the defence force use armed drones against aircraft on clandestine airstrips.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"called last month for strikes", "Benin's government called last month for French air strikes on jihadist camps in the north, two officials said.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"a campaign's attacks in the perfect", "The president threatened air strikes on the group. Attacks by fighters linked to al Qaeda have killed dozens of soldiers since 2021.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"dropped ordnance", "Kenyan aircraft dropped ordnance inside Somalia on Tuesday, killing four militants.", []string{air + "/conducted/asserted"}, nil},
		{"will stop in exchange for", "The Houthis said drone attacks on shipping will stop in exchange for an end to the war.", []string{air + "/called_off/hypothetical"}, []report.Stage{report.Conducted}},
		{"hit back at a claim", "Ethiopia hit back on Tuesday at a Sudanese army claim that an Ethiopian drone had bombed a border post, saying the accusation \"does not hold water\".", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"answering a claim", "The army's spokesman was adamant that Thai aircraft had kept to Thai airspace, answering a Karen armed group's claim that F-16s had bombed its positions.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"killed a plan", "Ethiopia's military killed a plan to bomb al-Shabaab positions in Bakool last week, two officers said.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"a question asserts no strike", "Were RAF aircraft from Akrotiri involved in the reported strikes on Sanaa airport?", nil, []report.Stage{report.Conducted}},
		{"an approach for air raids", "The state government made a formal approach to Air Force headquarters on Monday for sustained air raids on bandit camps.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"a gerund's idea", "Extending air strikes to the flooded pastures around Ténenkou would cut thousands of herders off from their grazing.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"knocked down a report, calling it made up", "The ministry knocked down a report that the air force was preparing to bomb positions along the border, calling it \"entirely made up\".", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"pending verification", "Explosions hit the livestock market, killing between six and nine people; the incident is logged as a probable air strike, pending independent verification.", []string{air + "/conducted/hedged"}, nil},
		{"a lawsuit contends", "A lawsuit filed on Monday contends that a U.S. air strike on a maize farm on March 3 killed three farm labourers.", []string{air + "/conducted/hedged"}, nil},
		{"word is that", "Word in Beirut's security circles is that the army has been looking into whether its aircraft could be used against smugglers' depots.", []string{air + "/discussed/hedged"}, []report.Stage{report.Conducted}},
		{"on the proviso that", "Niger's government has approved strikes by Nigerian air force jets on bandit camps on the proviso that Abuja first shares every target list.", []string{air + "/authorized/hypothetical"}, []report.Stage{report.Conducted}},
		{"gone unsigned", "A cabinet order to let the army's armed drones hit Islamic State cells has gone unsigned since early March, two officials said.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"evidently let drop", "The government has evidently let drop its plan to bomb militia camps around Kwamouth.", []string{air + "/called_off/hedged"}, []report.Stage{report.Conducted}},
		{"by what X says was a drone", "At least 20 fishermen were killed on Tuesday at a camp on the lake by what the rebel front says was an army drone.", []string{air + "/conducted/hedged"}, nil},
		{"no independent account has emerged", "A drone strike killed 20 fishermen at a camp on Tuesday, the front said. No independent account of the incident has emerged.", []string{air + "/conducted/hedged"}, nil},
		{"the working assumption is that", "An explosion destroyed a weapons store on Tuesday, killing two fighters, and the working assumption among officials is that a drone dropped the charge.", []string{air + "/conducted/hedged"}, nil},
		{"privy to the decision", "The security cabinet gave its assent late on Sunday to a fresh round of air strikes on the ports, according to two people privy to the decision.", []string{air + "/authorized/hedged"}, []report.Stage{report.Conducted}},
		{"a reprieve from air raids", "The army will give North Darfur a three-month reprieve from air raids so that food convoys can reach the camps.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"a paraglider's bombs", "A motorised paraglider flown by junta troops passed low over a festival and let go of two bombs, killing twenty-four people.", []string{air + "/conducted/asserted"}, nil},
		{"no ask from", "There has been \"no ask from Tripoli\" for Turkish drones to strike the militias, the ministry's spokesman said.", []string{air + "/proposed/negated"}, []report.Stage{report.Conducted}},
		{"let the mandate lapse", "Belgium let the parliamentary mandate for its F-16s to strike Islamic State targets in Iraq lapse at midnight on Sunday.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"will ask for strikes if push comes to shove", "If push comes to shove, Damascus will ask the U.S.-led coalition for air strikes on Islamic State cells in the desert.", []string{air + "/proposed/hypothetical"}, []report.Stage{report.Conducted}},
		{"latitude to call in", "The committee gave the army latitude to call in drone strikes on militant hideouts in the Kulachi area.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"will be treated as a position from the air", "The army told villages that any of them taking in fighters will be \"treated as an enemy position from the air\".", nil, []report.Stage{report.Conducted}},
		{"jets would act with force", "The spokesman told port workers to leave the quays, saying Israeli jets would \"act with force\" against both ports in the coming hours.", nil, []report.Stage{report.Conducted}},
		{"an asset in a conditional future", "Beirut's airport \"will be next in line for the air force\" if the militia goes on smuggling rocket parts through it, the general told reporters.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"tight-lipped about reports", "The military stayed tight-lipped on Tuesday about reports that one of its drones had killed two men on a motorcycle.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"has not arisen", "Striking separatist hideouts across the border \"has not arisen at any level of government\", the spokeswoman said.", []string{air + "/discussed/negated"}, []report.Stage{report.Conducted}},
		{"a report is fanciful", "A report in a Kinshasa daily that Rwandan drones were lined up to strike rebel bases is \"fanciful\", the army said.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"dialled back", "Israel has, to all outward signs, dialled back its drone raids on southern Syria since the talks resumed.", []string{air + "/called_off/hedged"}, []report.Stage{report.Conducted}},
		{"any air strike would", "Any air strike on the camps would amount to a death sentence for the children held there, the ombudsman warned.", nil, []report.Stage{report.Conducted}},
		{"poured scorn on claims", "The army's spokesman poured scorn on claims by rebels that Ugandan helicopter gunships had bombed their positions.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"the go signal", "The president gave the armed forces the go signal on Tuesday to use FA-50 jets and attack helicopters against the militants.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"a free rein", "The military chief gave the air force a free rein on Tuesday over the peninsula, where rebel fighters are closing on the port.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"leaning towards sending drones", "The army command is leaning towards sending its drones against rebel positions in the hills, according to two people acquainted with the talks.", []string{air + "/discussed/hedged"}, []report.Stage{report.Conducted}},
		{"sitting on the request", "The governor made representations to Baghdad for F-16 strikes on Islamic State hideouts. The command has been sitting on the request ever since, he said.", []string{air + "/proposed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"talked through, no conclusion", "The cabinet had talked through drone strikes on fighters massing in the south, but it had reached no conclusion, the minister said.", []string{air + "/discussed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"said yes to", "The army chief has said yes to drone strikes on the paramilitary's supply convoys, according to two people in a position to know.", []string{air + "/authorized/hedged"}, []report.Stage{report.Conducted}},
		{"a cessation of air strikes", "The army will observe a ten-day cessation of air strikes around the town so that a U.N. convoy can reach it.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"kicked into the long grass", "The junta has kicked into the long grass a plan for bombing raids on the gold-mining sites, two officials said.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"a wish list", "The new authorities have handed U.S. envoys a wish list that includes American air strikes on Islamic State cells in the desert.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"shrugged off a demand", "The minister shrugged off Kabul's demand for an end to the raids by Pakistani aircraft.", []string{air + "/called_off/negated"}, nil},
		{"our strategic bombers", "\"Our strategic bombers would not need a map to find it,\" the ambassador told the newspaper, speaking of the radar station the army regards as a target.", nil, []report.Stage{report.Conducted}},
		{"drone logs showed no flights", "A quadcopter shed a mortar bomb over a field, killing three boys, residents said. The military said its drone logs showed no flights near the village that evening.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"absent, enlist", "Absent a sharp fall in killings by March, Ecuador will try to enlist U.S. armed drones against gang camps in the Amazon, the minister said.", []string{air + "/proposed/hypothetical"}, []report.Stage{report.Conducted}},
		{"press on with its raids", "The army chief said the air force would press on with its raids on Boko Haram hideouts, brushing off an appeal from fishing communities for a halt.", []string{air + "/called_off/negated"}, nil},
		{"set out a plan", "The governor set out a plan on Thursday for the air force's helicopters to strike Boko Haram camps in the hills.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"a request knocked back", "A request by the governor of Kogi state, Yakubu Salihu Adavi, for the air force to bomb kidnappers' camps was knocked back on Tuesday by the Chief of Air Staff.", []string{air + "/proposed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"wrestling with whether", "Military chiefs have been wrestling with whether to send the air force's jets against the fighters.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"has not made up his mind to", "The chief of defence staff has not made up his mind to send the jets against the fighters.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"in two minds", "The army is in two minds about using helicopter gunships against insurgent cells, says a person involved in the planning.", []string{air + "/discussed/hedged"}, []report.Stage{report.Conducted}},
		{"short shrift to a call", "The minister gave short shrift to a call by tribal elders to stop the army's helicopter raids on the hideouts.", []string{air + "/called_off/negated"}, nil},
		{"put pen to paper", "The cabinet has still not put pen to paper on air strikes against militant hideouts in the Bara area, the minister said.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"voted through a plan", "The cabinet voted through a plan on Thursday for the armed forces to use leased attack helicopters against the insurgents.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"no breather from the air", "There will be \"no breather\" from the air for PKK fighters in the Gara mountains, the ministry said, rejecting calls to rest its jets.", []string{air + "/called_off/negated"}, []report.Stage{report.Conducted}},
		{"that bombing the villages would", "The Red Cross pointed out that bombing the villages where militants shelter \"would leave families with nowhere to run\".", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"torn up a plan", "The presidency has torn up a plan for helicopter raids on separatist camps around Ndop, two officials said.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"only after", "Air strikes on the rustlers' camps can begin only after the ministry certifies that no herding families remain.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"pushing the army to bomb; declined to act on the request", "The governor has been pushing the army to bomb a militant camp in the hills. The brigade commander said he had declined to act on the request.", []string{air + "/proposed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"drones scorched", "Ukrainian drones scorched two storage tanks and a loading pier at the oil terminal on Saturday night, the daily reported.", []string{air + "/conducted/asserted"}, nil},
		{"asset no toll", "The junta's jets were back over Nyala on Tuesday, residents said, but no one was hurt.", nil, []report.Stage{report.Conducted}},
		{"residents warn of past strike", "Residents warned that drones had struck the village twice this week.", []string{air + "/conducted/asserted"}, []report.Stage{report.Threatened}},
		{"could kill", "Officials said drone strikes could kill 150 people if launched.", nil, []report.Stage{report.Conducted}},
		{"drone delivery", "The company started drone deliveries of medicine to remote villages.", nil, []report.Stage{report.Conducted, report.Discussed}},
		{"football", "The striker fired a missile from 30 yards into the top corner.", nil, []report.Stage{report.Conducted}},
		{"labour strike", "Workers went on strike at the port for better pay.", nil, []report.Stage{report.Conducted}},
		{"hunger strike", "The prisoners began a hunger strike on Monday.", nil, []report.Stage{report.Conducted}},
		{"adverb between aircraft and verb", "Unidentified jets reportedly bombed a fuel depot outside the city.", []string{air + "/conducted/hedged"}, nil},
		{"auxiliary between", "The ministry denied that its warplanes had struck a school.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"a drone that missed", "A drone missed its target and hit a neighbouring house.", []string{air + "/conducted/asserted"}, nil},
		{"use drones against", "The army is considering using armed drones against smuggling camps.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"would bomb", "If the talks fail, the air force would bomb rebel depots.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"negation with an aside", "The president has not, despite weeks of pressure from lawmakers, authorized drone strikes against the cartels.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted, report.Authorized}},
		{"labour strike further off", "Dock workers at the port began a three-day strike on Monday over unpaid wages.", nil, []report.Stage{report.Conducted, report.CalledOff}},
		{"inverted conditional", "An air strike on the oil terminals, were it to go ahead, needs the allies' backing.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"air force as subject", "The ministry said the air force had bombed a rebel camp in the hills.", []string{air + "/conducted/asserted"}, nil},
		{"anaphora: the plan not yet presented", "The minister drew up a plan for air strikes on the camps. The plan has not yet been presented to the cabinet.", []string{air + "/proposed/negated"}, []report.Stage{report.Conducted}},
		{"anaphora: no decision", "The Pentagon is weighing air strikes on the depots. Officials said no decision had been made.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted, report.Authorized}},
		{"anaphora: options under review", "The White House has not authorized drone strikes against the cartels. Options drawn up by the Pentagon remain under review.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted, report.Authorized}},
		{"anaphora: threatened to hit", "Rebel drones struck the airport on Tuesday. The rebels had threatened last week to hit airports in the north.", []string{air + "/conducted/asserted", air + "/threatened/asserted"}, nil},
		{"English planes are aircraft, not plans", "An air strike hit the depot on Monday. The planes had been ordered back to base.", []string{air + "/conducted/asserted"}, []report.Stage{report.Authorized}},
		{"no antecedent, no claim", "The plan has not yet been presented to the cabinet.", nil, []report.Stage{report.Proposed}},
		{"bomb test", "Seoul condemned the North's test of a hydrogen bomb on Sunday.", nil, []report.Stage{report.Conducted}},
		{"missile test", "The navy test-fired two cruise missiles over the sea.", nil, []report.Stage{report.Conducted}},
		{"rejected accusations", "The ministry rejected accusations of bombing a market in the city.", []string{"Remote explosive/landmine/IED/denied/asserted"}, []report.Stage{report.Conducted}},
		{"headline present", "US drones kill five in North Waziristan.", []string{air + "/conducted/asserted"}, nil},
		{"bare verb after will is no headline", "Jets will pound the rebel depots if the talks fail.", nil, []report.Stage{report.Conducted}},
		{"gas leak", "Hundreds were treated after inhaling poisonous gas leaked from a chemical factory.", nil, []report.Stage{report.Conducted}},
		{"pounded by artillery", "Government artillery pounded rebel positions near the town, killing four fighters.", []string{"Shelling/artillery/missile attack/conducted/asserted"}, nil},
		{"put on hold", "The strike on the depot was put on hold after allies objected.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"stopped short of", "The president stopped short of authorizing strikes on the cartels.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted, report.Authorized}},
		{"urged to strike", "Lawmakers urged the president to strike the nuclear sites.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"asked not to use bases", "Riyadh asked Washington not to use its bases for strikes on Iran.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"response weighed after a strike", "Officials are weighing a response after drones struck the city.", []string{air + "/conducted/asserted"}, []report.Stage{report.Discussed}},
		{"vow after a strike", "The minister vowed to retaliate after jets bombed a hospital.", []string{air + "/conducted/asserted"}, []report.Stage{report.Threatened}},
		{"debate after approval", "The cabinet approved air strikes after weeks of debate.", []string{air + "/authorized/asserted"}, []report.Stage{report.Discussed, report.Conducted}},
		{"pressed for strikes", "Generals pressed the president for drone strikes on rebel positions, two officials who attended said.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"gamed out", "The staff have gamed out air strikes on the launch sites in classified exercises.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"yet to decide whether", "The government has yet to decide whether to send its air force against the insurgents.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted, report.Authorized}},
		{"deciding whether", "The cabinet is deciding whether to send its air force against the insurgents.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted, report.Authorized}},
		{"recalled the jets before a planned strike", "The air force recalled the jets minutes before a planned strike on the positions.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"drones would target", "The government warned that drones would target any fighters who stayed.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"would bomb after a past verb", "The minister said the air force would bomb any site where the group tried to rebuild.", nil, []report.Stage{report.Conducted}},
		{"floating on a river", "Floating on the river, a boat was hit with drone missiles, killing seven.", []string{air + "/conducted/asserted"}, []report.Stage{report.Discussed}},
		{"option only if asked", "Canada would consider joining air strikes on the rebels if its allies asked.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"strike price", "Traders bought options with a strike price of $100 a barrel.", nil, []report.Stage{report.Conducted, report.Discussed}},
		{"air strike in football", "Leeds won thanks to an air strike from their centre-back, who rose above two defenders to head home a corner.", nil, []report.Stage{report.Conducted}},
		{"surgical strike on taxes", "The minister launched a surgical strike on tax loopholes, while critics accused her of carpet-bombing the middle class with new levies.", nil, []report.Stage{report.Conducted}},
		{"explosions do not confirm a hedged strike", "A depot was apparently hit by an air strike on Monday night. Secondary explosions were heard for an hour.", []string{air + "/conducted/hedged"}, nil},
		{"claim and denial in one sentence", "The rebels said they had targeted a destroyer in the Red Sea with drones, but the navy said no such attack had taken place.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"findings dismissed", "A U.N. panel said army drones had struck rebel positions near the town in February. The government dismissed the findings as fabricated.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"no aircraft in the area", "Residents said a jet bombed a water point on Saturday, killing seven herders. The air force said it had no aircraft in the area at the time.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"no final decision after but", "The army has drawn up plans for drone strikes on the camps, but there is no final decision, an official said.", []string{air + "/discussed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted, report.Authorized}},
		{"did not sign the order", "The command recommended resuming aerial bombardment of the camps, but the president did not sign the order.", []string{air + "/proposed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted, report.Authorized}},
		{"no decision refers to the plan, not the ambush", "Drone strikes on the camps remain on the table after an ambush that killed six soldiers. No decision has been taken, an official said.", []string{air + "/discussed/asserted", air + "/authorized/negated"}, []report.Stage{report.Authorized}},
		{"use of armed drones authorised", "The security council on Friday authorised the use of armed drones against the positions along the border.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"air force under a modal", "The air force would bomb any site the group tried to rebuild.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"video purportedly shows", "A video purportedly shows a drone striking a command post near the river.", []string{air + "/conducted/hedged"}, nil},
		{"threat answering an attack", "The president promised retaliation from the air after rebel fighters killed 40 soldiers in an attack on an army base.", []string{air + "/threatened/asserted", "Armed clash/conducted/asserted"}, []report.Stage{}},
		{"would not hesitate", "The government said it would not hesitate to use air power against the rebels if they advanced on the capital.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"did not say when", "The army did not say when the air strikes on the valley took place.", []string{air + "/conducted/asserted"}, nil},
		{"launched drones at", "Russia launched 120 drones and 8 missiles at Ukraine overnight, the air force said.", []string{air + "/conducted/asserted"}, nil},
		{"live-fire exercise", "Warplanes bombed and sank a decommissioned navy ship off the coast on Tuesday in a live-fire exercise.", nil, []report.Stage{report.Conducted}},
		{"tabletop exercises are planning", "The staff have gamed out air strikes on the launch sites in classified tabletop exercises.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"will be answered by striking", "Any aggression will be answered by striking their bases, the group said in a statement posted on Telegram.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"verb of force under a modal", "The memo argued that armed drones would let the army hit militants preparing cross-border raids.", nil, []report.Stage{report.Conducted}},
		{"jets and drones would otherwise hit", "The minister warned that Turkish jets and drones would otherwise hit their positions without hesitation.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"restraint urged, then a warning", "A spokesperson urged all sides to exercise restraint, warning that strikes on the prisons could allow thousands of detainees to escape.", nil, []report.Stage{report.Proposed, report.Conducted}},
		{"the order is urged, not given", "Lawmakers urged the president to order air strikes on the camps.", []string{air + "/proposed/asserted"}, []report.Stage{report.Authorized, report.Conducted}},
		{"not yet decided on a response", "Officials are reviewing options including air strikes on militant camps. The prime minister had not yet decided on a response, the sources said.", []string{air + "/authorized/negated"}, []report.Stage{report.Authorized, report.Conducted}},
		{"threatened on a day to order", "The president threatened on Saturday to order air strikes on the militants, and told the army to prepare for possible action.", []string{air + "/threatened/asserted"}, []report.Stage{report.Authorized, report.Conducted}},
		{"decided on a day to authorize", "The cabinet decided on Monday to authorize air strikes.", []string{air + "/authorized/asserted"}, []report.Stage{report.Discussed, report.Conducted}},
		// A campaign told in sum is no event, and no part of the threat.
		{"tally in a threat story", "The president threatened to order air strikes on the militants. Insurgents have killed tens of thousands of people since 2009.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"put off", "The army has put off a planned air offensive against rebel positions for at least a week.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"not clear whether it took place", "Residents heard aircraft overhead, though it was not clear whether an air strike had taken place.", []string{air + "/conducted/hedged"}, []report.Stage{report.Discussed}},
		{"denied any involvement", "A drone struck a checkpoint near the village on Sunday, killing one soldier, the ministry said. The agency denied any involvement, calling the incident a provocation.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"denial answers the news, not the background", "A drone strike on a minibus on Sunday killed 12 passengers. The army has used armed drones against the militia since fighting erupted in 2023. The spokesman called the account baseless propaganda.", []string{air + "/denied/asserted"}, nil},
		{"mooted", "Strikes on cocaine laboratories and clandestine airstrips have been mooted at the White House, officials said.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"drones stand ready", "The group said its drones \"stand ready\" to hit any ship that calls at Israeli ports.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"proposals for air operations", "The defence ministry put forward proposals for a fresh wave of air operations against rebel positions.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"headline drone hits", "Russian drone hits apartment block in Kharkiv; 11 people wounded, the mayor says.", []string{air + "/conducted/asserted"}, nil},
		{"no more bombing missions", "Belgium will fly no more bombing missions over Iraq once its jets return home.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"May is a month", "KABUL, May 8 (Reuters) - Jets struck a depot on Wednesday, killing four.", []string{air + "/conducted/asserted"}, nil},
		{"held off from striking", "Pakistan held off on Monday from striking hideouts across the border, two officials said.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"sanctioned strikes", "The president sanctioned retaliatory strikes on the militia's depots on Wednesday.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"rejected an operation, after reports of weighing strikes", "The president on Tuesday rejected any unilateral military operation on Mexican soil, a day after reports that Washington was weighing drone strikes on cartels.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"pounded by rain", "Heavy rain pounded the coast on Sunday, killing three people.", nil, []report.Stage{report.Conducted}},
		{"sanctioned strikes, then pulled back", "The president sanctioned strikes on the militia's depots on Monday but pulled back from them on Thursday.", []string{air + "/authorized/asserted", air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"rubber-stamped, and the request sent", "The senate rubber-stamped a request to widen air strikes against the bandits. The request had been sent by the security adviser last week.", []string{air + "/authorized/asserted", air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"froze the bombing", "The government froze its air strikes on rebel camps on Thursday after children were found among the dead.", []string{air + "/called_off/asserted"}, nil},
		{"described reports as psychological warfare", "Drones struck the base on Friday, two officials said. State television described reports of the strike as \"psychological warfare\".", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"quadcopter dropped explosives", "Two men were killed when a quadcopter dropped explosives on a farmhouse near the border, residents said.", []string{air + "/conducted/asserted"}, nil},
		{"jets by type flew sorties", "Air force F-16s flew 20 sorties over the valley on Monday, destroying six militant hideouts, the ministry said.", []string{air + "/conducted/asserted"}, nil},
		{"scrambled to hit, then stood down", "Fighter jets scrambled on Friday to hit a rebel convoy were stood down minutes before reaching it after the fighters split up, officials said.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"targets for its air force", "The army warned that depots across the border had become legitimate targets for its air force.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"asked parliament for a mandate", "The government asked parliament on Thursday for a mandate to send six jets to join the coalition's air strikes.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"yet to sign off", "The cabinet has yet to sign off on the wider air campaign.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted, report.Authorized}},
		{"rules of engagement loosened", "Rules of engagement for the drone unit were loosened to allow strikes on gang leaders in crowded districts.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"drill with simulated targets", "The two air forces ended a joint exercise on Friday. Their jets flew 300 sorties and struck simulated radar sites at a desert range.", nil, []report.Stage{report.Conducted, report.Discussed}},
		{"air show", "Crowds watched fighter jets stage a mock bombing run at the air show, with charges on the runway standing in for bomb blasts.", nil, []report.Stage{report.Conducted}},
		{"cricket", "The seamers bombarded the top order with short balls and the captain struck twice as the visitors were bowled out for 140.", nil, []report.Stage{report.Conducted, report.Authorized}},
		{"every civilian killed", "The group said it held the air force fully responsible for every civilian killed in the province.", nil, []report.Stage{report.Conducted}},
		{"May is no modal", "The committee recommended that the air force resume bombing runs, which were suspended in May.", []string{air + "/proposed/asserted"}, nil},
		{"unnamed sources hedge the sentence", "A drone strike hit a truck near the town on Monday, killing four, according to two tribal sources reached by telephone.", []string{air + "/conducted/hedged"}, nil},
		{"who carried it out confirms nothing", "A drone strike hit a truck on Monday, killing four, according to two tribal sources. It was not clear who carried out the strike.", []string{air + "/conducted/hedged"}, nil},
		{"toll not independently confirmed", "Local officials said an air strike killed around 20 people at a wedding, but neither the toll nor the footage could be independently confirmed.", []string{air + "/conducted/hedged"}, nil},
		{"presented with options, far apart", "Commanders presented the security council on Monday with options ranging from artillery to air strikes on the bunkers.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"denial of the news, then the denier's own account", "Two boys were killed on Friday when a quadcopter dropped explosives on a house, residents said. The army rejected the reports as baseless propaganda, saying that the blast was caused by explosives stored in the house.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"refers back past an aside", "Commanders presented the council on Monday with options ranging from artillery barrages to air strikes on the bunkers, a spokesman confirmed, but the prime minister, who wants talks to run their course first, has not approved any of them.", []string{air + "/proposed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted, report.Authorized}},
		{"attack drones in a budget", "The cabinet set aside $150 million next year for attack drones and loitering munitions.", nil, []report.Stage{report.Conducted, report.Proposed}},
		{"able to strike", "The navy wants a drone force able to strike an invading fleet at sea.", nil, []report.Stage{report.Conducted}},
		{"an oil strike", "The explorer said it had made a major oil strike off the coast, calling it a second strike of luck.", nil, []report.Stage{report.Conducted}},
		{"a novel's plot", "BOOKS: a debut novel. The strike that ends the first part kills twenty-three people, and the rest of the novel follows the drone operator.", nil, []report.Stage{report.Conducted}},
		{"a mandate that allows strikes", "Parliament voted on Tuesday to extend the mandate that allows the army to carry out cross-border operations, including air strikes, against the militants.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"a drone narrowly missed", "A drone narrowly missed an aid convoy near the city on Tuesday, exploding 30 metres from the lead truck.", []string{air + "/conducted/asserted"}, nil},
		{"ruled out halting", "The minister ruled out halting the air strikes on the militia.", []string{air + "/called_off/negated"}, []report.Stage{report.CalledOff}},
		{"that report is false", "Drones struck a boat on Monday, killing three. A newspaper reports that plans for strikes inside the country have been drawn up. That report is false, the spokesman said.", []string{air + "/conducted/asserted", air + "/discussed/asserted", air + "/denied/asserted"}, nil},
		{"flights suspended beside a strike", "RSF DRONES STRIKE FUEL DEPOT NEAR THE PORT — FIRE STILL BURNING — ALL FLIGHTS SUSPENDED AT THE AIRPORT", []string{air + "/conducted/asserted"}, []report.Stage{report.CalledOff}},
		{"denied any role in the attack", "Warplanes bombed a convoy on Saturday, killing 15 people, witnesses said. The army denied any role in the attack.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"will hit, told after the news", "A drone attack on the camp killed 13 people on Sunday. The ambassador warned that the army will hit the airstrips across the border.", []string{air + "/conducted/asserted", air + "/threatened/asserted"}, nil},
		{"Typhoon aircraft are no storm", "The minister said that RAF Typhoon aircraft had, on the night of 6 March, struck a building near the town.", []string{air + "/conducted/asserted"}, nil},
		{"a typhoon is no strike", "Typhoon Haiyan struck the coast on Friday, killing 12 people.", nil, []report.Stage{report.Conducted}},
		{"suspected hideouts describe the target", "Pakistani jets struck suspected hideouts of the militants on Tuesday night, two officials said.", []string{air + "/conducted/asserted"}, nil},
		{"unverified reports hedge the sentence", "An army drone struck a gathering outside the village on Monday, according to unverified reports circulating on social media.", []string{air + "/conducted/hedged"}, nil},
		{"a witness does not verify a hedged lead", "Military jets allegedly bombed a monastery on Friday, killing up to 15 people, a rescue worker said. \"We pulled out the bodies of two monks,\" the rescue worker said.", []string{air + "/conducted/hedged"}, nil},
		{"strikes as the subject of would", "The peacekeeping force said air strikes on densely populated areas of the capital would risk a catastrophic escalation.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"a request rejected", "Defence headquarters on Tuesday rejected a request from the governor to launch air strikes on bandit camps.", []string{air + "/proposed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"relief dropped from helicopters", "An earthquake flattened villages on Sunday. Military helicopters dropped food and tents to villages cut off by landslides.", nil, []report.Stage{report.Conducted}},
		{"cloud seeding", "Aeronaves de la Fuerza Aérea bombardearon nubes con yoduro de plata para provocar precipitaciones.", nil, []report.Stage{report.Conducted}},
		{"a suspected boat is the target", "The U.S. military struck a suspected drug-smuggling boat in the Caribbean on Monday, killing three people aboard.", []string{air + "/conducted/asserted"}, nil},
		{"not immediately clear whether", "Heavy explosions shook the city overnight, and it was not immediately clear whether they were caused by a drone strike or by fighting, residents said.", []string{air + "/conducted/hedged"}, nil},
		{"no more than is a comparison", "An air campaign against the plant would probably set the programme back by no more than a year, analysts said.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.CalledOff, report.Conducted}},
		{"would not be suspended", "Air strikes killed 30 fighters on Sunday. The minister said the air campaign would not be suspended during Ramadan.", []string{air + "/conducted/asserted", air + "/called_off/negated"}, nil},
		{"attacked with an FPV drone", "Ukrainian forces attacked a passenger car with an FPV drone in the village on Saturday, killing a man.", []string{air + "/conducted/asserted"}, nil},
		{"handing over weapons is no handover of land", "No air strikes have been carried out since the group began handing over its weapons on July 11.", nil, []report.Stage{report.Conducted}},
		{"a disclaimer in the claim's own sentence", "Jets pounded rebel-held parts of the province on Monday, killing at least 25 people, the rescue group said. A rebel commander told Reuters that the raids had hit two hospitals, which could not be independently verified.", []string{air + "/conducted/asserted"}, nil},
		{"declined to approve a request", "The security council declined on Wednesday to approve a request from the military for drone strikes on bases across the border.", []string{air + "/proposed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"footage of a drone slamming", "Unverified footage appeared to show a drone slamming into a fuel tank at the depot.", []string{air + "/conducted/hedged"}, nil},
		{"will be hit, and a heavy price", "Rebels launched an explosive drone at the port on Tuesday. The minister vowed that the rebels would pay a heavy price and that their port would be hit with great force.", []string{air + "/conducted/asserted", air + "/threatened/asserted"}, nil},
		{"a motion calling for strikes", "The opposition tabled a motion on Tuesday calling on the government to join the air strikes on the missile sites.", nil, []report.Stage{report.Conducted}},
		{"dropped plans to join an air campaign", "Norway has dropped plans to contribute F-35 jets to the coalition's air campaign, the minister said on Wednesday.", nil, []report.Stage{report.Conducted}},
		{"joined strikes", "A day after British jets joined U.S. strikes on eight sites, the prime minister spoke.", []string{air + "/conducted/asserted"}, nil},
		{"took part in strikes", "The ministry confirmed that its fighter jets had taken part in two coalition strikes on hideouts last month.", []string{air + "/conducted/asserted"}, nil},
		{"wound down an air campaign", "The military has wound down its air campaign over the valley, its media wing said on Tuesday.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"calling on the government to join", "The opposition tabled a motion calling on the government to join the air strikes on the missile sites.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"given the nod", "The government is understood to have given the nod to a new round of drone strikes on militia positions.", []string{air + "/authorized/hedged"}, []report.Stage{report.Conducted}},
		{"played no part", "Drones struck a depot on Friday. The command said it had played no part in the explosions.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"drones would destroy", "The ministry said its drones would \"destroy without hesitation\" any artillery position that opened fire.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"a racehorse", "Air Strike, the second favourite, stormed clear in the final furlong to give the trainer his first win.", nil, []report.Stage{report.Conducted}},
		{"a comedy show that bombed", "The comedian said his first show had bombed so badly that one reviewer called it a targeted strike on the audience's patience.", nil, []report.Stage{report.Conducted}},
		{"a world war bomb", "Thousands were evacuated while experts defused a one-tonne bomb dropped by Allied aircraft during the Second World War.", nil, []report.Stage{report.Conducted}},
		{"cautioned, without a moment's warning", "The defence minister cautioned that jets would hit the group's shelters \"without a moment's warning\" should it resume attacks.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"directed to bomb without further delay", "The president directed the air force on Sunday to bomb bandit enclaves in the forest \"without further delay\", his spokesman said.", []string{air + "/authorized/asserted"}, []report.Stage{report.CalledOff, report.Conducted}},
		{"withheld approval", "The security council withheld approval on Wednesday for air strikes on artillery positions along the border.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted, report.Authorized}},
		{"mothballed plans", "The military has apparently mothballed plans for air raids on hideouts in the forest, a newspaper reported.", []string{air + "/called_off/hedged"}, []report.Stage{report.Conducted}},
		{"a resolution empowering strikes from the air", "The assembly passed a resolution on Wednesday empowering the army to hit training camps across the border from the air.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"drones hammered", "Russian drones hammered a crowded bus station on Saturday morning, wounding 14 people.", []string{air + "/conducted/asserted"}, nil},
		{"the air force would flatten", "The defence minister declared on Sunday that the air force would flatten the group's headquarters if another rocket crossed the border.", nil, []report.Stage{report.Conducted}},
		{"hit by drones unless", "The Guards warned opposition parties that their camps would be hit by drones unless they disarmed.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"no let-up in air operations", "There will be no let-up in air operations against the militants during Ramadan, the air force spokesman said.", []string{air + "/called_off/negated"}, []report.Stage{report.Conducted}},
		{"insisted that no aircraft had bombed", "The junta spokesman insisted on Sunday that no military aircraft had bombed the village school.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"citing unnamed sources", "The chief of staff pitched the cabinet a plan to bomb the ports, a television channel reported, citing unnamed sources.", []string{air + "/proposed/hedged"}, []report.Stage{report.Conducted}},
		{"a plan put before the president", "The army chief put a plan before the president on Monday for drone raids on camps of the Allied Democratic Forces.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"thought to have handed the authority", "The junta is thought to have handed regional commanders the authority to call in drone strikes on their own, two diplomats said.", []string{air + "/authorized/hedged"}, []report.Stage{report.Conducted}},
		{"an invention from start to finish", "The ministry called reports that its drones had bombed a village an invention from start to finish.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"not taken up the question", "The security council has not taken up the question of pre-emptive air strikes on the launch sites, the spokesperson said.", []string{air + "/discussed/negated"}, []report.Stage{report.Conducted}},
		{"not a shred of truth", "There is not a shred of truth in allegations that our jets bombed a seminary, the spokesperson said.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"nothing to do with", "The emirates had nothing to do with any drone attack on the port, the foreign ministry said in a statement.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"sounding each other out", "Commanders of the two armies are reportedly sounding each other out about joint air raids on the camps, a newspaper said.", []string{air + "/discussed/hedged"}, []report.Stage{report.Conducted}},
		{"served notice that its air force would reduce to rubble", "The army served notice on Saturday that its air force would reduce to rubble any staging ground near the city.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"no formal request for air support", "The authorities have made no formal request for foreign air support against the fighters, an official said.", []string{air + "/proposed/negated"}, []report.Stage{report.Conducted}},
		{"gave its blessing to drone operations", "The security committee gave its blessing on Friday to drone operations against hideouts in the valley.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"asked the mission for gunships", "The government formally asked the mission on Monday for helicopter gunships to strike positions around the town.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"a lawful target for aviation", "Any airfield that hosts the drones will become a lawful target for Russian aviation the same day, the deputy secretary wrote.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"no clearance to bomb", "The air force has received no clearance to bomb illegal refineries in the creeks, its spokesman said.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted, report.Authorized}},
		{"asked for dissent is no proposal", "The protesters have asked for more nationwide dissent in a coordinated attempt to counter the junta.", nil, []report.Stage{report.Proposed}},
		{"dockworkers threaten to strike", "Dockworkers threatened on Tuesday to strike for 48 hours next week, promising that the stoppage would hit the port where it hurts.", nil, []report.Stage{report.Conducted, report.Threatened}},
		{"pulled the plug on drone operations", "The government has pulled the plug on drone operations over the zone, its spokeswoman said on Thursday.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"set aside plans for drone strikes", "The government has reportedly set aside plans for drone strikes on the boatyards, a newspaper said.", []string{air + "/called_off/hedged"}, []report.Stage{report.Conducted}},
		{"stopped its air operations", "The army stopped its air operations against the rebels on Friday as a truce took effect, a spokesman said.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"an account that could not be checked", "Two soldiers were killed at a checkpoint on Friday by a bomb dropped from what residents took to be a drone; the residents' account could not be checked.", []string{air + "/conducted/hedged"}, nil},
		{"stopped short of denying", "The military on Sunday stopped short of denying that its aircraft had bombed a weapons convoy near the border crossing.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"did not deny says nothing", "The military did not deny that its aircraft had bombed a convoy near the border.", nil, []report.Stage{report.Denied}},
		{"no such plan, after sources cited", "The defence council has endorsed a plan for air strikes on supply routes, a website reported, citing two security sources. The military spokesman said there was no such plan.", []string{air + "/authorized/hedged", air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"pondering", "The cabinet is pondering air strikes on the camps.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"hinted at", "The minister hinted at air strikes on the militia's depots.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"suggested", "The senator suggested drone strikes on the laboratories.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"ratified", "Parliament ratified the decision to launch air strikes.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"disputed reports", "The ministry disputed reports that its jets bombed the market.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"ceased", "The air force ceased its bombing of the valley on Monday.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"crash on a training flight", "An army drone crashed near the airfield during a training flight on Monday; it carried no weapons.", nil, []report.Stage{report.Conducted}},
		{"Spanish match report", "El local bombardeó el área rival con centros y ganó con un cabezazo en el minuto 90 ante su estadio lleno.", nil, []report.Stage{report.Conducted}},
		{"disavowed, no operations in the area", "A drone strike on a bus killed nine people on Friday, medics said. The government disavowed the attack, saying the army had no operations in the area.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"denial in a clause without an action", "Jets struck the depot on Monday, killing four guards. The ministry dismissed the video as a staged provocation, but images show damage consistent with the strike.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"a decision above my pay grade", "The general said planners had earmarked targets for air strikes on the militias, adding that the decision sits with the president.", []string{air + "/discussed/asserted"}, []report.Stage{report.Authorized, report.Conducted}},
		{"legitimate targets", "The militia said fuel depots in the port would be legitimate targets for its drones.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"neutralised in air interdictions", "The air force said its jets neutralised at least 12 bandits in air interdictions near the forest on Saturday.", []string{air + "/conducted/asserted"}, nil},
		{"a mandate to use drones against", "The cabinet handed the army a mandate to use drones against the rebels.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"petitioned to fly armed helicopters", "Lawmakers petitioned the president to let the air force fly armed helicopters against the gangs.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"yet to put her signature to", "The governor has yet to put her signature to the air force's plan to bomb the camps.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"on ice", "The ministry put all air operations over the province on ice.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"neither confirm nor deny", "The army would neither confirm nor deny that its jets had struck the depot.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"idea of sending gunships against", "Generals are toying with the idea of sending helicopter gunships against rebel bases.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"ordered the air wing to go after", "The president ordered the air wing on Monday to go after rebel hideouts.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"explosives rolled out of a plane", "A military plane rolled barrels of explosives out over the town, killing 14 people.", []string{air + "/conducted/asserted"}, nil},
		{"a bid for sorties against", "The junta has put in a bid for foreign sorties against rebel columns.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"brushed aside reports", "The defence ministry brushed aside reports that its drones had bombed the market.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"would put a request if", "The minister said he would put a request to the president for air strikes on the camps if the rebels rejected the offer.", []string{air + "/proposed/hypothetical"}, []report.Stage{report.Conducted, report.Discussed}},
		{"the condition's own verb governs nothing", "The government would seek a parliamentary mandate for air strikes on the militia if the Security Council endorsed the operation.", []string{air + "/proposed/hypothetical"}, []report.Stage{report.Authorized, report.Conducted}},
		{"if ordered: the strike an option", "A strike on the reactor, if ordered, would set the programme back by months, officials said.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Authorized, report.Conducted}},
		{"authorized only if", "The army would be authorized to launch drone strikes only if the talks collapsed, the spokesman said.", []string{air + "/authorized/hypothetical"}, []report.Stage{report.Conducted}},
		{"given no thought to", "The government has given no thought to air strikes on the rebels' positions, an adviser said.", []string{air + "/discussed/negated"}, []report.Stage{report.Conducted}},
		{"given serious thought to", "The government has given serious thought to air strikes on the rebels' positions.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"chess", "The champion launched a fierce kingside attack and struck on move 28 to win the blitz tournament.", nil, []report.Stage{report.Conducted}},
		{"a crane struck a tram", "A tower crane struck a passing tram on Monday, killing two passengers, the fire brigade said.", nil, []report.Stage{report.Conducted}},
		{"would turn its drones on … if", "The rebel army said in a statement that it would turn its drones on navy ships anchored off the port if the shelling went on.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"a think tank cautions", "Any drone raid on the rebels' positions would risk a wider war, the International Crisis Group cautioned in a briefing.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted, report.Threatened}},
		{"use of armed drones never on the agenda", "The minister said the use of armed drones against the insurgents has never been on the government's agenda.", []string{air + "/discussed/negated"}, []report.Stage{report.Conducted}},
		{"refused to be drawn on whether drones picked off", "The ministry refused to be drawn on whether one of its drones had picked off two trucks near the border.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"made no application for helicopter strikes", "The interior ministry has made no application to the army for helicopter strikes on the hideouts.", []string{air + "/proposed/negated"}, []report.Stage{report.Conducted}},
		{"no intention of ending its helicopter campaign", "The government has no intention of ending its helicopter campaign against the rebels.", []string{air + "/called_off/negated"}, []report.Stage{report.Conducted}},
		{"aircraft will have clearance to hit", "The country's aircraft will have clearance to hit smuggling convoys across the border, the minister said.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"tendered a proposal", "The general tendered a proposal to the council for drone strikes on rebel bases.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"not consented to a request", "The minister said the government had not consented to a request from the governor for air force strikes on the airstrips.", []string{air + "/proposed/asserted", air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"agreed to a request", "The cabinet agreed to the army's request for drone strikes on the camps.", []string{air + "/proposed/asserted", air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"hyphenated modifier", "Planners have been canvassing the idea of armed-drone raids on fuel dumps.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"anti-drone guns", "Anti-drone guns fired at the objects over the base on Sunday.", nil, []report.Stage{report.Conducted}},
		{"water-bombing helicopters", "Water-bombing helicopters made 40 drops on the bushfire threatening homes on Sunday.", nil, []report.Stage{report.Conducted, report.Threatened}},
		{"locals ended their fast", "An hour after locals ended their daily fast, a drone killed 4 people.", []string{air + "/conducted/asserted"}, []report.Stage{report.CalledOff}},
		{"scoffed at claims that", "The information minister scoffed at Ethiopian claims that Eritrean jets had bombed a fuel depot, calling them a story written abroad.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"repudiated in the strongest terms reports that", "The Foreign Ministry repudiated \"in the strongest terms\" reports that its drones had joined strikes on the militia's positions.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"put a stop to air raids", "The armed forces have put a stop to air raids in the province after elders brokered a surrender, a spokesman said.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"a camera drone struck a skier", "A camera drone filming the race lost power and struck a skier on the shoulder; she was unhurt.", nil, []report.Stage{report.Conducted}},
		{"a bomb threat and a police drone", "Flights were halted for three hours after an emailed bomb threat, and a police drone was sent up to sweep the apron.", nil, []report.Stage{report.Conducted, report.Proposed}},
		{"a drone crashed into a dormitory, injuring 13", "A drone crashed into a dormitory early on Saturday, injuring 13 people, the emergencies ministry said.", []string{air + "/conducted/asserted"}, nil},
		{"a quotation mark inside the phrase", "The air vice marshal said the air force would \"answer in kind\" if another drone crossed the border.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"tasked with, and Mi-24s", "The army was tasked on Monday with flying helicopter raids against the rebels, a spokesman said.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"no helicopter had left its base", "A helicopter gunship strafed the market on Thursday, killing at least eleven people, the U.N. mission said. A spokesman said no government helicopter had left its base that day.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"never once used air power against", "The armed forces have never once used air power against insurgents in the south, a spokesman said.", []string{air + "/conducted/negated"}, nil},
		{"allowed to fire on … once the court has ruled", "Police helicopters will be allowed to fire on cattle-raiding gangs once the court has ruled on the decree, the prime minister said.", []string{air + "/authorized/hypothetical"}, []report.Stage{report.Conducted}},
		{"its kamikaze drones will hunt", "The front said on Friday that its fighters' kamikaze drones will from now on hunt radar posts along the berm, in a communique carried by its press service.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"in the sights of our drones", "Factories that assemble drones for the enemy will be in the sights of our drones from today, the deputy secretary wrote.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"put it to … that drones should be deployed against", "The police chief has put it to the government that armed drones should be deployed against the commanders, a newspaper reported.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"Mi-24s went into action", "Its Mi-24s went into action the next day, killing seven rebels, the army spokesman said.", []string{air + "/conducted/asserted"}, nil},
		{"struck once again", "Jets struck the depot once again on Monday, killing two guards.", []string{air + "/conducted/asserted"}, nil},
		{"rumoured to have okayed", "The president is rumoured to have okayed air raids on rebel camps, a weekly reported, without naming its sources.", []string{air + "/authorized/hedged"}, []report.Stage{report.Conducted}},
		{"ditched a drone raid", "The army ditched a drone raid on the camp after scouts spotted families nearby.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"drones ripped through", "Its drones ripped through a militia compound on Thursday night, killing between four and six fighters.", []string{air + "/conducted/asserted"}, nil},
		{"will learn what our drones can do", "The group says the bases \"will learn what our drones can do\" unless the executions stop.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"has not approached … about striking", "Malaysia has not approached Manila about striking the kidnappers' camps from the air, the minister said.", []string{air + "/proposed/negated"}, []report.Stage{report.Conducted}},
		{"would hold off … on condition that", "The armed forces would hold off on air raids against the rebels' camps on condition that the group frees the hostages, the minister said.", []string{air + "/called_off/hypothetical"}, []report.Stage{report.Conducted}},
		{"launched nothing across the border", "Rebels said army drones smashed into their camp on Sunday, killing three leaders. An army spokesman said the army had launched nothing across the border.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"invited … to carry out: no fact", "The transitional government invited Turkey to carry out drone strikes on the militants' remnants in the desert.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"its own jets had not bombed: a denial", "The junta insisted its jets had not bombed the monastery.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"refused to confirm or deny", "The army refused to confirm or deny that its aircraft had bombed the camp.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"a halt to bombing is aerial", "The defence ministry announced a 72-hour halt to bombing in the city to allow evacuations.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"a bird strike", "A bird strike forced the airliner to return to the capital shortly after take-off.", nil, []report.Stage{report.Conducted}},
		{"anniversary of named raids", "A memorial service marked the 80th anniversary of the Dresden air raids.", nil, []report.Stage{report.Conducted}},
		{"calling for justice is no proposal of a protest", "About a dozen protesters marched to the park on Tuesday, calling for justice.", nil, []report.Stage{report.Proposed}},
		{"a campaign told in sum is no event", "The group has fired hundreds of missiles and drones at the city since late 2023, and jets have repeatedly bombed the port in return.", nil, []report.Stage{report.Conducted}},
		{"a string of attacks this year is no air strike", "Jets bombed a cave complex on Monday, killing 12 fighters. The militants have carried out a string of hit-and-run attacks on army posts this year.", []string{air + "/conducted/asserted"}, nil},
		{"sounded like an air raid", "\"It sounded like an air raid, one blast after another,\" said a visitor at the volcano.", nil, []report.Stage{report.Conducted}},
		{"a drone used to track miners", "Officers used a drone to track the miners who fled. \"We struck at first light,\" the police commissioner said.", nil, []report.Stage{report.Conducted}},
		{"made no attempt to refute", "The ministry made no attempt to refute reports that one of its drones had killed two fighters on Tuesday.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"pushed back against claims", "The army spokesman pushed back on Wednesday against claims by the opposition that government gunships had bombed a cattle camp.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"made the case for air strikes", "Lawmakers made the case to the defence ministry for air strikes on the rebels' island camps.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"or face the fire of our drones", "The Guards gave the groups until the end of the month to leave their camps \"or face the fire of our drones\", in a statement carried by state media on Tuesday.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"within the range of our aircraft", "The army said the airstrips were \"within the range of our aircraft and will be dealt with accordingly\".", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"keep its warplanes out of the skies", "Colombia will keep its warplanes and armed drones out of the skies over the region for as long as the talks go on, the minister said.", []string{air + "/called_off/hypothetical"}, []report.Stage{report.Conducted}},
		{"asking for air strikes", "The militia said it had sent a written plea to the coalition on Tuesday asking for air strikes on the cells in the desert.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"no request for air support", "No request for air support has reached the capital from its neighbour, the spokesman said.", []string{air + "/proposed/negated"}, []report.Stage{report.Conducted}},
		{"a drone took his home", "A drone took his home and four cousins in the night, a relative said.", []string{air + "/conducted/asserted"}, nil},
		{"a drone took off", "A drone took off from the base on Monday for a reconnaissance flight.", nil, []report.Stage{report.Conducted}},
		{"hit a country with drones", "Ukraine hit Russia with 300 drones overnight, the defence ministry said.", []string{air + "/conducted/asserted"}, nil},
		{"condemned the air strikes", "Pakistan condemned the U.S. air strikes on its border posts.", []string{air + "/conducted/asserted"}, nil},
		{"claimed responsibility for a drone strike", "The group claimed responsibility for a drone strike on the airport.", []string{air + "/conducted/hedged"}, nil},
		{"sanctions over the bombing of its soldiers", "Russia retaliated on Friday over sanctions imposed over the bombing of its soldiers.", nil, []report.Stage{report.Conducted}},
		{"armed drones against … on the agenda only if", "Armed drones against the bandits will return to the government's agenda only if the operation fails, the minister told senators.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"whether drones could be turned on", "The council has begun looking at whether armed drones could be turned on the gangs in the hills.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"parked its plans to turn drones on", "The government has parked its plans to turn armed drones on the army's border posts, a diplomat said.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"a decree that entitles the air force to strike", "The ruler promulgated a decree on Saturday that entitles the air force to strike any armed group crossing the river.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"none of its drones had been airborne", "Drones struck the power station on Friday night, the army said. None of its drones had been airborne over the city, the militia said.", []string{air + "/conducted/asserted", air + "/denied/asserted"}, nil},
		{"solicited drone strikes", "The military government has solicited drone strikes by foreign-crewed aircraft against the fighters, two security sources said.", []string{air + "/proposed/hedged"}, []report.Stage{report.Conducted}},
		{"rebuffed an accusation", "The ambassador rebuffed the accusation that his country's drones had struck the airport.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"taken drone operations off the table", "Security forces have taken drone operations in the district off the table until the talks have run their course.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"F-16s flown by pilots", "Any airfield that services F-16s flown by foreign pilots will be regarded as part of the theatre of operations, the embassy said.", nil, []report.Stage{report.Conducted}},
		{"aces in tennis", "The qualifier bombed down 23 aces and struck 61 winners to knock out the fourth seed at the tennis open on Sunday.", nil, []report.Stage{report.Conducted}},
		{"the information that … is a provocation", "The information circulated by certain outlets that army units struck a farm with a drone on the evening of 5 May is an outright provocation and has nothing in common with reality.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"devoid of any factual basis", "The ministry regards as devoid of any factual basis the allegation that its drones struck positions of the army in the border town.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"leave to hit", "A leaked directive appears to give the air force leave to hit targets inside towns.", []string{air + "/authorized/hedged"}, []report.Stage{report.Conducted}},
		{"a shark attack and patrol drones", "A surfer was killed in a shark attack on Sunday. Officials said drones that patrol the beaches had spotted a great white before the attack.", nil, []report.Stage{report.Conducted}},
		{"our air component engaged", "Our air component yesterday engaged a rear base of the militia in the forest and destroyed it; 14 militiamen were killed.", []string{air + "/conducted/asserted"}, nil},
		{"bring air power to bear", "I have instructed the armed forces to bring air power to bear against the intruders entrenched at the village.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"drones stay on the ground", "The government said on Thursday that its drones would stay on the ground after elders brokered a truce.", []string{air + "/called_off/asserted"}, nil},
		{"most likely the work of a drone", "An explosion near the airport fence late on Friday was most likely the work of a drone, two security officials said.", []string{air + "/conducted/hedged"}, nil},
		{"in all likelihood parked its plans", "The government has in all likelihood parked its plans to turn armed drones on the border posts, a diplomat said.", []string{air + "/called_off/hedged"}, []report.Stage{report.Conducted}},
		{"accounts point to a drone strike", "Survivors' accounts gathered by the group point to a drone strike on the market on Thursday that killed 20 herders.", []string{air + "/conducted/hedged"}, nil},
		{"if confirmed hedges", "A drone hit a cracking unit at a plant before dawn on Sunday, local channels reported, in what would, if confirmed, be one of the deepest strikes of the war.", []string{air + "/conducted/hedged"}, nil},
		{"far from scaling back", "Far from scaling back its long-range drone attacks on refineries, the country will keep them going through the winter, the commander said.", []string{air + "/called_off/negated"}, nil},
		{"pre-approved only if", "The council has pre-approved coalition air strikes on rebel positions, to be carried out only if the fighters cross the front line.", []string{air + "/authorized/hypothetical"}, []report.Stage{report.Conducted}},
		{"takes effect only if", "The council has authorised the air force to strike smuggling networks across the border, but the authorisation takes effect only if the authorities there consent in writing.", []string{air + "/authorized/hypothetical"}, []report.Stage{report.Conducted}},
		{"people briefed on the request", "The government has asked for foreign aircraft to strike the camps, two people briefed on the request said.", []string{air + "/proposed/hedged"}, []report.Stage{report.Conducted}},
		{"took issue with reports", "The coalition's spokesman took issue on Monday with reports that coalition jets had bombed rebel positions over the weekend.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"brought the curtain down on its air raids", "The country has by all appearances brought the curtain down on its air raids against the hideouts across the border, diplomats say.", []string{air + "/called_off/hedged"}, []report.Stage{report.Conducted}},
		{"leaning on the palace to let the air force bomb", "Army commanders have been leaning on the palace for weeks to let the air force bomb rebel camps in the mountains.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"a camera drone over a bowling lane", "She rolled a perfect game, twelve strikes in a row, and kept attacking the pocket. A camera drone above lane 14 caught the final ball.", nil, []report.Stage{report.Conducted}},
		{"turning the air force on", "The idea of turning the air force on the hideouts in the valley has gained ground at headquarters, a newspaper reported.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"will not be spared by our drones", "The island \"will not be spared by our drones\" if it opens its airbases to foreign jets, a senior official said in a televised speech.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"a hard look at air strikes", "The armed forces are taking a hard look at air strikes on the warehouses, officials said.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted}},
		{"footage that had been doctored", "The army said footage that purports to show one of its drones hitting a market had been doctored.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"has not broached the subject", "The regional government has not broached the subject of coalition air strikes on the militants with Washington, its spokesman said.", []string{air + "/proposed/negated"}, []report.Stage{report.Conducted}},
		{"revisiting the question, insiders say", "The ministry is revisiting the question of air strikes on the militia's positions, insiders say.", []string{air + "/discussed/hedged"}, []report.Stage{report.Conducted}},
		{"countermanded an order", "On Saturday the defence minister countermanded an order for drone strikes on the camp after learning hostages were held there.", []string{air + "/called_off/asserted"}, nil},
		{"if initial accounts are accurate", "If initial accounts from the area are accurate, a bomb dropped by an army drone landed among mourners at a funeral on Saturday, killing eight people.", []string{air + "/conducted/hedged"}, nil},
		{"a bill that would authorize", "Two lawmakers have drafted a bill that would authorize drone strikes on the gangs, one of its authors said.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted, report.Authorized}},
		{"wiped out from the air, future", "The minister said the camps will be wiped out from the air unless the raids stop.", nil, []report.Stage{report.Conducted}},
		{"a practice, not an act", "The army rejected claims that one of its drones had holed the roof of a clinic and injured a nurse, saying its forces \"strike only military targets\".", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"never bomb: a practice", "The air force never bombs villages, its commander said.", nil, []report.Stage{report.Conducted}},
		{"cleared … to", "The security committee cleared the army on Saturday to turn its armed drones on the hideouts in the hills.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"called on … to send jets", "The governor called on the air command on Monday to send F-16s against the cells in the desert.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"the story was invention", "The ministry said that a weekly's story about its jets being readied for raids on the rebel bases was \"pure invention\".", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"tore up a camp: no halt", "A missile from an army drone tore up a camp of herders near the border on Monday, killing seven men, a local official said.", []string{air + "/conducted/asserted"}, []report.Stage{report.CalledOff}},
		{"put on the back burner", "The government has put on the back burner a plan to hire foreign drone crews for raids on the insurgents.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"not yet initialled", "The defence secretary has not yet initialled the army's plan for helicopter strikes on the rebel camps.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"neither yes nor no", "The coalition would say neither yes nor no to questions about whether its drones had destroyed a car near the border.", []string{air + "/denied/negated"}, []report.Stage{report.Conducted}},
		{"provided no village", "The government adopted a decree allowing army drones to strike the camps in the forest, provided no village lies within two kilometres of the target.", []string{air + "/authorized/hypothetical"}, []report.Stage{report.Conducted}},
		{"trying to establish whether a drone", "Two soldiers were killed when an explosive charge went off on their truck on Tuesday, the Defence Ministry said, adding that investigators were still trying to establish whether a drone had delivered it.", []string{air + "/conducted/hedged"}, nil},
		{"ready to stop … if", "Russia is ready to stop hitting Ukrainian power stations with drones if Kyiv stops attacking Russian oil refineries, a deputy minister said.", []string{air + "/called_off/hypothetical"}, []report.Stage{report.Conducted}},
		{"our jets before an air force general", "An air force general told pilots that the rebel camps across the river were \"twenty minutes from our jets, and not a minute more\".", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"diplomats in the room hedge", "At a closed session on Thursday, the ambassador rebuffed the accusation that his country's drones had struck the airport, according to two diplomats who were in the room.", []string{air + "/denied/hedged"}, []report.Stage{report.Conducted}},
		{"a message that could not be traced", "A message posted in the name of the group, which could not be traced to its usual outlets, warns that the air base will become \"a playground for our drones\" unless the junta frees its prisoners.", []string{air + "/threatened/hedged"}, []report.Stage{report.Conducted}},
		{"got the go-ahead", "Air strikes on the insurgent bases along the river got the go-ahead from the national security council on Tuesday, one of its members said.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"given clearance for", "Troops in the south have been given clearance for armed drone attacks on the insurgents' hideouts, a senior officer said.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"still awaits a signature", "The order authorising air strikes on the island hideouts still awaits a signature from the defence minister, three officers said.", []string{air + "/authorized/negated"}, []report.Stage{report.Conducted}},
		{"came to a close", "The air strikes in the valley came to a close on Sunday after tribal elders agreed to expel the militants, a spokesman said.", []string{air + "/called_off/asserted"}, nil},
		{"fronted 'pure fiction'", "\"Pure fiction\" was how the information minister described on Tuesday reports that the country's jets had bombed positions near the border.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"no drone of its own had been over", "The group issued a statement insisting that no drone of its own had been over the camp that day and accusing army units of staging the blast.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"his pilots would bomb … if", "The air force chief said his pilots would bomb the launch sites if one more drone crossed into the city's airspace.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"grounded night sorties", "The air force announced that it had grounded night sorties over the district while a board of inquiry looks into the raid.", []string{air + "/called_off/asserted"}, nil},
		{"is pausing drone operations", "The government is pausing drone operations over the region for 30 days to give talks a chance, its spokesman announced on Monday.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"studying a plan to", "The armed forces are studying a plan to hunt separatist fighters in the highlands with armed drones, a newspaper said.", []string{air + "/discussed/asserted"}, []report.Stage{report.Conducted, report.Authorized}},
		{"a tally's perfect with a count between", "The command has carried out dozens of strikes in the country this year, including one in February that killed a senior financier.", nil, []report.Stage{report.Conducted}},
		{"a strike asked about", "Is the air force going to bomb the fighters hiding in the marshes? It is one of the options under review, the defence secretary's spokesman said.", []string{air + "/discussed/hypothetical"}, []report.Stage{report.Conducted}},
		{"a question answered 'Never'", "Did the government ask foreign instructors to bomb the rebels from the air? \"Never,\" the government spokesman told journalists on Monday.", []string{air + "/proposed/negated"}, []report.Stage{report.Conducted}},
		{"its jets had dropped no bombs", "The air force's spokeswoman, Col. Marites Ocampo, maintained on Tuesday that its FA-50 jets had dropped no bombs near the town.", []string{air + "/denied/asserted"}, []report.Stage{report.Conducted}},
		{"drones set fire to a depot", "Ukrainian drones set fire to an oil depot in the Bryansk region on Wednesday, the regional governor said.", []string{air + "/conducted/asserted"}, nil},
		{"gave its crews the go-ahead to hit", "The military command gave its deep-strike drone crews the go-ahead on Friday to hit oil refineries far inside the country, two officers said.", []string{air + "/authorized/asserted"}, []report.Stage{report.Conducted}},
		{"not one drone has flown", "\"Not one of our drones has flown south of the border,\" a foreign ministry spokesman said on Friday, after the junta accused the country of a strike near the border town.", []string{air + "/denied/asserted"}, nil},
		{"warned that it would hit … if", "The army warned on Monday that it would hit militant launch pads across the border without hesitation if infiltration attempts continued.", []string{air + "/threatened/asserted"}, []report.Stage{report.Conducted}},
		{"halted the use of armed quadcopters", "Police in the province have halted the use of armed quadcopters against militants, a government spokesman announced on Wednesday.", []string{air + "/called_off/asserted"}, []report.Stage{report.Conducted}},
		{"asked the council on Monday to extend strikes", "The police chief said he had asked the transitional presidential council on Monday to extend drone strikes to the gangs in the valley.", []string{air + "/proposed/asserted"}, []report.Stage{report.Conducted}},
		{"strike only military targets: a practice", "Its drones strike only military targets, the army said.", nil, []report.Stage{report.Conducted}},
		{"hit only: a practice", "The army said its jets hit only military targets.", nil, []report.Stage{report.Conducted}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := x.Extract(textDoc(tc.text))
			for _, w := range tc.want {
				i := strings.LastIndex(w, "/")
				j := strings.LastIndex(w[:i], "/")
				if !hasClaim(cs, w[:j], report.Stage(w[j+1:i]), report.Certainty(w[i+1:])) {
					t.Errorf("%q: got %v, want a claim %s", tc.text, summary(cs), w)
				}
			}
			for _, st := range tc.not {
				for _, c := range cs {
					if c.Stage == st && (c.Certainty == report.Asserted || c.Certainty == report.Hedged) {
						t.Errorf("%q: got %v, want no credible %s claim", tc.text, summary(cs), st)
					}
				}
			}
		})
	}
}

// TestRivalWarning: a state warning of strikes the trigger names as
// another's ("Israeli strikes") is not threatening them; the striker's own
// warning is. Actors are given as the pipeline would find them.
func TestRivalWarning(t *testing.T) {
	x := newX(t)
	iran := report.Actor{Name: "Government of Iran", ID: "ir-gov", Inter: 1, Country: "IR"}
	israel := report.Actor{Name: "Military Forces of Israel", ID: "il-mil", Inter: 1, Country: "IL"}
	for _, tc := range []struct {
		name, text string
		speaker    report.Actor
		want       report.Stage
	}{
		{"rival", "Iran warned that Israeli strikes on its nuclear sites would draw a crushing response.", iran, report.Discussed},
		{"striker", "Israel warned that Israeli strikes on the port would continue for weeks.", israel, report.Threatened},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := textDoc(tc.text)
			sp := strings.Index(tc.text, " ")
			is := strings.Index(tc.text, "Israeli strikes")
			d.Actors = []ActorSpan{
				{Start: 0, End: sp, Actor: tc.speaker, Kind: "state", Via: "alias"},
				{Start: is, End: is + len("Israeli strikes"), Actor: israel, Kind: "military", Via: "demonym"},
			}
			cs := x.Extract(d)
			if len(cs) == 0 || cs[0].Stage != tc.want {
				t.Errorf("%q: got %v, want %s", tc.text, summary(cs), tc.want)
			}
		})
	}
}

func TestEventTypes(t *testing.T) {
	x := newX(t)
	tests := []struct{ name, text, sub string }{
		{"suicide", "A suicide bomber blew himself up at a checkpoint, killing six soldiers.", "Suicide bomb"},
		{"ied", "Two soldiers were killed when a roadside bomb exploded under their vehicle.", "Remote explosive/landmine/IED"},
		{"shelling", "Artillery shelling killed four civilians in the town.", "Shelling/artillery/missile attack"},
		{"grenade", "Attackers threw a grenade into the crowd, wounding 12 people.", "Grenade"},
		{"bombed by militants", "Militants bombed a police station in the city, killing four officers.", "Remote explosive/landmine/IED"},
		{"chemical", "A helicopter dropped containers of chlorine gas on the town, killing nine.", "Chemical weapon"},
		{"clash", "Troops clashed with militants near the border, leaving five dead.", "Armed clash"},
		{"arrest", "Police arrested 14 suspects after the raid.", "Arrests"},
		{"protest", "Thousands of protesters marched through the capital on Sunday.", "Peaceful protest"},
		{"abduction", "Gunmen kidnapped 20 students from a school overnight.", "Abduction/forced disappearance"},
		{"attack on civilians", "Gunmen opened fire on villagers, killing 11 civilians.", "Attack"},
		{"missiles took lives", "Drone missiles took the lives of four men near the border.", "Air/drone strike"},
		{"depot destroyed by an air strike", "An air strike destroyed a weapons depot outside the city.", "Air/drone strike"},
		{"missiles at motorcycles", "Two missiles were fired at men on motorcycles outside the town.", "Air/drone strike"},
		{"air support in a firefight", "The troops came under fire near the village and called in air support, killing four of the attackers.", "Armed clash"},
		{"air weapons team after an ambush", "A patrol was engaged by gunmen near the river. An air weapons team engaged the gunmen, killing two.", "Armed clash"},
		{"air support one-sided", "The patrol spotted armed men planting a bomb and called for air support, which killed three of them.", "Air/drone strike"},
		{"air strike after an old attack", "Two days after insurgents attacked a checkpoint, coalition aircraft bombed their hideout, killing six.", "Air/drone strike"},
		{"poisonous gas attack", "Children were treated after government forces carried out a poisonous gas attack on the suburb.", "Chemical weapon"},
		{"shells with poisonous gases", "The militants fired 150 mortar rounds containing poisonous gases on the army positions.", "Chemical weapon"},
		{"suicide vehicle-borne device", "Militants detonated a suicide vehicle-borne explosive device at the hotel gate.", "Suicide bomb"},
		{"headline present plural", "Suicide bombers kill dozens at the airport.", "Suicide bomb"},
		{"headline jets pound", "Israeli jets pound the city as the toll rises.", "Air/drone strike"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := x.Extract(textDoc(tc.text))
			if len(cs) == 0 || cs[0].SubEventType != tc.sub {
				t.Errorf("%q: got %v, want first claim %s", tc.text, summary(cs), tc.sub)
			}
		})
	}
}

func TestFatalities(t *testing.T) {
	x := newX(t)
	type fat struct{ min, max, cmin, cmax int } // -1 = null
	tests := []struct {
		name string
		text string
		want fat
	}{
		{"digits", "A drone strike killed 6 people in a house.", fat{6, 6, -1, -1}},
		{"things before a verb with its own count", "Israeli aircraft demolished two classrooms of a school early on Tuesday, killing 18 to 22 people, at least seven of them children.", fat{18, 22, 7, -1}},
		{"a count before its verb", "Six Afghans were killed and one wounded in the air strike.", fat{6, 6, -1, -1}},
		{"nearly is a ceiling", "The raid killed nearly two dozen people, most of them women.", fat{-1, 24, -1, -1}},
		{"a ceiling told in the next sentence", "The town came under aerial bombardment on Thursday, with an Antonov aircraft dropping barrel bombs near the market. The raid killed nearly two dozen people, most of them women.", fat{-1, 24, -1, -1}},
		{"livestock are no dead", "A drone attack on a well killed 20 herders and about 150 head of livestock on Sunday.", fat{20, 20, -1, -1}},
		{"a count in a clause of speech", "Jets struck the school, killing 18 people, the spokesman said, adding that several bodies had been torn apart.", fat{18, 18, -1, -1}},
		{"ages are no victims", "A strike on a market killed two brothers aged 12 and 15, the governor said.", fat{2, 2, -1, -1}},
		{"a building housing the displaced", "An air strike hit a building housing 200 displaced people, killing six, medics said.", fat{6, 6, -1, -1}},
		{"a convoy of trucks", "An air strike hit a convoy of 20 trucks near the border, killing nine militiamen, the monitor said.", fat{9, 9, -1, -1}},
		{"a total and its breakdown", "A drone struck a car near the town, killing five people: three fighters and two civilians, the army said.", fat{5, 5, 2, 2}},
		{"an earlier toll superseded", "The air strike on the village killed eight people, up from an earlier toll of five, officials said.", fat{8, 8, -1, -1}},
		{"initial reports are no earlier toll", "Initial reports indicate three insurgents were killed in the air strike.", fat{3, 3, -1, -1}},
		{"not less than", "Not less than 30 people died in an air raid on the market, the network said.", fat{30, -1, -1, -1}},
		{"killing him", "A drone struck the commander's car near the town, killing him, officials said.", fat{1, 1, -1, -1}},
		{"one of its fighters", "The group said an Israeli drone strike killed one of its fighters in the village.", fat{1, 1, -1, -1}},
		{"its driver and two passengers", "A drone strike on a truck killed its driver and two passengers, tribal sources said.", fat{3, 3, 2, 2}},
		{"sources with knowledge are no dead", "Three people with knowledge of the strike said a drone had killed a financier of the group.", fat{1, 1, -1, -1}},
		{"could have killed hundreds", "Jets struck the camp in a strike that officials said could have killed hundreds had the shelter been full.", fat{-1, -1, -1, -1}},
		{"a correction's old figure", "Health officials put the toll of the drone strike at 17, not 70.", fat{17, 17, -1, -1}},
		{"a family and its members in an aside", "Relatives pray beside a family of six — a farmer, his wife and their four children — killed when a jet bombed their house.", fat{6, 6, 6, 6}},
		{"of them with no count before", "A jet mistakenly bombed a group of vigilantes, killing at least 11 of them.", fat{11, -1, -1, -1}},
		{"a subset of civilians", "The air strike killed 10 civilians, seven of them children.", fat{10, 10, 10, 10}},
		{"their father adds one", "An Israeli drone strike on a car killed two brothers and their father.", fat{3, 3, -1, -1}},
		{"years are no victims", "Most were dropped by aircraft during the air campaign on the province between 2015 and 2020, which monitors say killed thousands of civilians.", fat{2000, 2000, 2000, 2000}},
		{"minutes are no victims", "The air raid, which lasted about 20 minutes, killed 14 people.", fat{14, 14, -1, -1}},
		{"among them is a subset", "The air strike killed 7 to 9 civilians, three children among them.", fat{7, 9, 7, 9}},
		{"headline present", "Suicide bombers kill 14 at a bus station.", fat{14, 14, -1, -1}},
		{"another source's toll", "Officials said between 20 and 25 militants were killed in the strike, while residents put the toll at 30.", fat{20, 30, -1, -1}},
		{"another source's lower toll", "The air strike killed 12 people, though a local official put the death toll at 9.", fat{9, 12, -1, -1}},
		{"sources are no victims", "An air strike killed at least 30 people, according to a health worker and two residents.", fat{30, -1, -1, -1}},
		{"reported killed", "4 children were reported killed when missiles hit a house.", fat{4, 4, 4, 4}},
		{"a unit's name is no weapon", "An ambush killed six Assam Rifles soldiers near the border.", fat{6, 6, -1, -1}},
		{"raising the toll to", "Rescue workers pulled 12 bodies from the rubble after the air raid, raising the death toll to 27.", fat{27, 27, -1, -1}},
		{"list ending in a singular", "A drone hit a house, killing 3 men, 2 children and a lady.", fat{6, 6, 3, 3}},
		{"words", "Six militants were killed in an air strike.", fat{6, 6, -1, -1}},
		{"range", "Between 2 and 4 people were killed in a drone strike on a truck.", fat{2, 4, -1, -1}},
		{"hyphen range", "A drone strike killed 6-8 people.", fat{6, 8, -1, -1}},
		{"at least", "At least 5 people were killed in a US drone strike.", fat{5, -1, -1, -1}},
		{"injured apart", "An air strike killed 2 people and injured 4 others.", fat{2, 2, -1, -1}},
		{"injured first", "Eight people were injured and two killed in the air strike.", fat{2, 2, -1, -1}},
		{"wounded subject after", "Four people died in the air strike and two soldiers were wounded.", fat{4, 4, -1, -1}},
		{"civilians subset", "The drone strike killed 8 people, including 2 women and 1 child.", fat{8, 8, 3, 3}},
		{"civilian parts", "A drone fired missiles at a seminary, killing 2 teachers and 3 students.", fat{5, 5, 5, 5}},
		{"strikes not dead", "Two drone strikes killed 8 militants.", fat{8, 8, -1, -1}},
		{"missiles not dead", "A US drone fired 2 missiles at a vehicle, killing 4 people.", fat{4, 4, -1, -1}},
		{"one singular", "A civilian was killed in the air strike.", fat{1, 1, 1, 1}},
		{"unstated", "A drone strike hit a compound used by militants.", fat{-1, -1, -1, -1}},
		{"several", "Several insurgents were killed in a precision air strike.", fat{3, 3, -1, -1}},
		{"aircraft are not dead", "2 pilotless planes fired 4 missiles, killing between 13 and 25 people.", fat{13, 25, -1, -1}},
		{"strikes counted apart", "In the first of 2 airstrikes, drones killed 4 people.", fat{4, 4, -1, -1}},
		{"a father and his two sons", "The drone struck a house, killing a father and his two sons.", fat{3, 3, -1, -1}},
		{"a commander and his driver", "A drone strike killed a commander and his driver.", fat{2, 2, -1, -1}},
		{"a commander, his driver wounded", "A drone strike killed a commander and wounded his driver.", fat{1, 1, -1, -1}},
		{"a leader and a counted group", "The air strike killed a Taliban leader and four of his fighters.", fat{5, 5, -1, -1}},
		{"deadliest so far", "The deadliest air strike so far has killed 40 people in the market.", fat{40, 40, -1, -1}},
		{"a senior official killed", "An air strike killed a senior Hamas official in the city.", fat{1, 1, -1, -1}},
		{"an official speaks", "An air strike killed militants in the valley, a senior official said.", fat{-1, -1, -1, -1}},
		{"officials speak first", "Two officials said the drone strike killed a commander.", fat{1, 1, -1, -1}},
		{"reported killed", "8 people were reported killed in the drone strike.", fat{8, 8, -1, -1}},
		{"claimed the lives", "The air strike claimed the lives of 12 people in the market.", fat{12, 12, -1, -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := x.Extract(textDoc(tc.text))
			if len(cs) == 0 {
				t.Fatalf("%q: no claim", tc.text)
			}
			f := cs[0].Fatalities
			got := fat{v(f.Min), v(f.Max), v(f.CiviliansMin), v(f.CiviliansMax)}
			if got != tc.want {
				t.Errorf("%q: got %+v, want %+v (claims %v)", tc.text, got, tc.want, summary(cs))
			}
		})
	}
}

func v(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

func TestHypotheticalTollIsNotToll(t *testing.T) {
	x := newX(t)
	cs := x.Extract(textDoc("Analysts warned that air strikes on the dam could kill 150 people."))
	for _, c := range cs {
		if c.Fatalities.Min != nil {
			t.Errorf("got fatalities %d from a hypothetical toll (claim %v)", *c.Fatalities.Min, summary([]report.Claim{c}))
		}
	}
}

func TestSources(t *testing.T) {
	x := newX(t)
	tests := []struct {
		name, text string
		kind       string
		count      int
		outlet     string
	}{
		{"six anonymous via outlet", "The administration is discussing drone strikes on cartels, according to six current and former U.S. officials cited by NBC News.", report.SourceAnonymousOfficial, 6, "NBC News"},
		{"named", "The air strike killed four militants, Gen. John Smith said.", report.SourceNamedOfficial, -1, ""},
		{"title and name before a described appositive", "Gen. Marcus Hale, the head of the regional command, said jets struck the depot.", report.SourceNamedOfficial, -1, ""},
		{"name before an appositive without article", "Dr. Ahmed Ali, director of the hospital, said jets struck a depot.", report.SourceNamedOfficial, -1, ""},
		{"place before the speaker is no appositive", "In Kabul, the defence ministry said jets struck a depot.", report.SourceOrganization, -1, ""},
		{"a state government", "Drones struck the power station before dawn on Monday, wounding four workers, the state government said.", report.SourceOrganization, -1, ""},
		{"an emergency response room", "A drone strike hit the camp on Friday, killing seven people, the camp's emergency response room said.", report.SourceOrganization, -1, ""},
		{"a three-word name after a two-word title", "Air strikes killed 30 fighters, Somalia's Information Minister Abdirahman Yusuf Hassan said.", report.SourceNamedOfficial, -1, ""},
		{"news release", "The strike killed three fighters near the port, the command said in a news release.", report.SourceStatement, -1, ""},
		{"a statement's own text", "ADDIS ABABA — Statement by the Ministry of Foreign Affairs: The Federal Republic regards as baseless the allegation that its drones struck positions across the border.", report.SourceStatement, -1, ""},
		{"the following statement", "BAKU — The Ministry of Defence issued the following statement on Wednesday: \"Our units carried out no drone strike on the villages.\"", report.SourceStatement, -1, ""},

		{"televised statement", "The group said in a televised statement that its drones struck the airport.", report.SourceStatement, -1, ""},
		{"witness", "Local residents said a drone strike killed three people.", report.SourceWitness, -1, ""},
		{"anonymity", "A drone strike killed two men, an official said, speaking on condition of anonymity.", report.SourceAnonymousOfficial, 1, ""},
		{"outlet told", "Officials told Reuters that an air strike killed five fighters.", report.SourceAnonymousOfficial, -1, "Reuters"},
		{"denier speaks", "U.S. Africa Command denied carrying out any air strike near the village.", report.SourceOrganization, -1, ""},
		{"refusal speaks", "Prime Minister Rishi Sunak declined on Monday to rule out further strikes on Houthi targets in Yemen.", report.SourceNamedOfficial, -1, ""},
		{"aid group speaks", "Aid groups said an air strike on the market killed 12 people.", report.SourceOrganization, -1, ""},
		{"headquarters speaks", "Defence Headquarters said the air force struck a bandit camp in Zamfara.", report.SourceOrganization, -1, ""},
		{"medics", "An air strike killed four people in the town, medics said.", report.SourceWitness, -1, ""},
		{"a title, then a name with a particle", "A senior Houthi official, Fadl al-Mahwiti, said on Sunday that drones would strike the port.", report.SourceNamedOfficial, -1, ""},
		{"tribal elders", "A drone killed two people on Monday, two tribal elders told AFP.", report.SourceWitness, 2, "Agence France-Presse"},
		{"a weekly reported", "The president is said to have okayed air raids on the rebels' camps, the Portuguese weekly Expresso reported on Friday.", report.SourceOutlet, -1, ""},
		{"a scoff is speech", "Eritrea's information minister, Tesfay Gebremariam, scoffed at Ethiopian claims that Eritrean jets had bombed a fuel depot.", report.SourceNamedOfficial, -1, ""},
		{"repudiated, in a statement", "The Foreign Ministry repudiated reports that its drones had joined strikes on the city, in a statement issued on Sunday.", report.SourceStatement, -1, ""},
		{"a long appositive", "Army warplanes bombed the market on Monday, killing more than 40 people, the Emergency Lawyers, a rights group that documents abuses in the war, said on Tuesday.", report.SourceOrganization, -1, ""},
		{"said, then a title with a period", "Jets struck a depot near the border on Monday, killing four fighters, said Col. Ahmed Musa, the army spokesman.", report.SourceNamedOfficial, -1, ""},
		{"according to a title with a period", "Jets struck a depot on Monday, killing four fighters, according to army spokesman Col. Souleymane Dembele.", report.SourceNamedOfficial, -1, ""},
		{"a nurse at the hospital", "An air strike on the market killed nine people, a nurse at the district hospital said.", report.SourceWitness, 1, ""},
		{"a doctors' network is an organization", "A drone strike on the market killed at least 27 people on Sunday, the Sudan Doctors Network said.", report.SourceOrganization, -1, ""},
		{"an army's media wing", "Jets struck the rebels' depot on Monday, the army's media wing said.", report.SourceOrganization, -1, ""},
		{"an army chief is no witness", "Air strikes killed 30 fighters in the valley, the army chief said.", report.SourceAnonymousOfficial, -1, ""},
		{"people with knowledge", "A drone hit a pickup near the town, people with knowledge of the strike said.", report.SourceAnonymousOfficial, -1, ""},
		{"officials, including some, said", "Seven officials, including three from the defence ministry, said drones hit a market in the region.", report.SourceAnonymousOfficial, 7, ""},
		{"an acronym before its appositive", "MONUSCO, the U.N. peacekeeping mission in Congo, said a drone struck a displacement site, killing five people.", report.SourceOrganization, -1, ""},
		{"a fronted statement", "In a statement, the Defence Headquarters said air force jets had killed 20 fighters.", report.SourceStatement, -1, ""},
		{"quoted as saying by", "Jets struck a camp near the lake, Col. Sani Uba was quoted as saying by the Daily Trust.", report.SourceNamedOfficial, -1, ""},
		{"an official news agency", "Syria's official SANA news agency said Israeli jets had bombed army positions near Hama.", report.SourceOutlet, -1, ""},
		{"a minister's post on X", "Israeli jets struck the port on Sunday, Defence Minister Israel Katz said in a post on X.", report.SourceNamedOfficial, -1, ""},
		{"a head of a coalition", "Alghabass Ag Intalla, head of the rebel coalition, said army drones had bombed a market, killing 21 civilians.", report.SourceNamedOfficial, -1, ""},
		{"a count and an adjective are no name", "Two Western diplomats said drones had struck militia positions in the zone.", report.SourceAnonymousOfficial, 2, ""},
		{"a pair of officials", "A pair of senior officials said the air force had struck positions across the border.", report.SourceAnonymousOfficial, 2, ""},
		{"a named trader", "\"The plane dropped two bombs on the market,\" said Ahmed Musa, a trader in the town, where army jets struck on Monday.", report.SourceWitness, -1, ""},
		{"with a spokesman saying", "Ethiopia hit back on Tuesday at a Sudanese claim that an Ethiopian drone had bombed a border post, with foreign ministry spokesman Dawit Gebremedhin saying the accusation \"does not hold water\".", report.SourceNamedOfficial, -1, ""},
		{"a health bureau", "A drone strike gutted a health post on Sunday, killing three people, the region's health bureau said.", report.SourceOrganization, -1, ""},
		{"a rescue volunteer", "Bombs dropped by a military jet killed at least nine people, a rescue volunteer who helped recover the bodies told Reuters.", report.SourceWitness, 1, "Reuters"},
		{"outlet reported", "France's defence ministry has submitted a plan for drone strikes on jihadist leaders in the Sahel, Le Monde reported.", report.SourceOutlet, -1, "Le Monde"},
		{"first name only", "A resident who gave only his first name, Ahmed, said the drone struck a house in the town.", report.SourceWitness, -1, ""},
		{"rescue service", "A drone slammed into a hotel on Wednesday, wounding 22 people, the Magen David Adom rescue service said.", report.SourceOrganization, -1, ""},
		{"memo published by an outlet", "A leaked memo published by Semana shows that the army recommended resuming aerial bombardment of the camps.", report.SourceOutlet, -1, "Semana"},
		{"newspaper reported", "The air force has drawn up contingency plans for strikes on clandestine airstrips, Folha de S.Paulo reported on Tuesday.", report.SourceOutlet, -1, "Folha de S.Paulo"},
		{"two witnesses", "Two witnesses said warplanes bombed the market on Monday.", report.SourceWitness, 2, ""},
		{"anonymity apposed", "Three senior security officials, speaking on condition of anonymity, said the government was weighing air strikes.", report.SourceAnonymousOfficial, 3, ""},
		{"a name with a particle before a described appositive", "Jets struck the depot on Monday, Brig. Hamoud al-Qirshi, spokesman of the rebel forces, said.", report.SourceNamedOfficial, -1, ""},
		{"a described speaker with a long rank", "The military government has ruled out any pause in air strikes on the resistance-held areas, a junta spokesman, Maj. Gen. Aung Kyaw Lwin, said on Wednesday.", report.SourceNamedOfficial, -1, ""},
		{"with its spokesman insisting", "The air force on Saturday denied that its jets had bombed a rebel base across the border, with its spokesman, Air Vice Marshal Pongsak Rattanawong, insisting that no aircraft had left the country's airspace.", report.SourceNamedOfficial, -1, ""},
		{"a doctor told an outlet", "Drones hit a market town on Monday, killing 26 people, a doctor at the district hospital told Reuters.", report.SourceWitness, 1, "Reuters"},
		{"a relative clause inside the speaker", "Drones hit a market town on Monday, killing 26 people, a doctor at the hospital that received the bodies told Reuters.", report.SourceWitness, 1, "Reuters"},
		{"in a press note", "The security committee approved a drone campaign against the hideouts on Wednesday, the provincial government announced in a press note.", report.SourceStatement, -1, ""},
		{"the presidency said in a communique", "The president signed a decree letting the military send armed drones after the mining gangs, the presidency said in a communique.", report.SourceStatement, -1, ""},
		{"a group's agency reported", "Warplanes pounded the port on Monday, killing four dock workers, the rebels' Saba agency reported.", report.SourceOutlet, -1, ""},
		{"titled appositive", "The army spokesman, Brig. Gen. Nabil Abdallah, said jets had struck the positions.", report.SourceNamedOfficial, -1, ""},
		{"monitor apposed", "The Syrian Observatory for Human Rights, a Britain-based war monitor, said a drone strike killed five fighters.", report.SourceOrganization, -1, ""},
		{"threat speaks", "Defence Minister Israel Katz threatened on Sunday to bomb the southern suburbs of Beirut.", report.SourceNamedOfficial, -1, ""},
		{"people privy to a decision", "The cabinet approved new air strikes on the rebel ports, according to two people privy to the decision.", report.SourceAnonymousOfficial, 2, ""},
		{"a person who sat in", "Army chiefs are weighing a bombing campaign over the forest, according to a person who sat in on their meetings.", report.SourceAnonymousOfficial, 1, ""},
		{"people who saw it are witnesses", "Jets bombed the market on Monday, according to three people who saw the planes.", report.SourceWitness, 3, ""},
		{"people who read an order are no witnesses", "The junta has declared fuel convoys fair targets for its drones, two people who have seen the order said.", report.SourceAnonymousOfficial, 2, ""},
		{"some of those named", "Generals are debating drone strikes on the camps, according to four people with direct knowledge. Two of the people said no decision was near.", report.SourceAnonymousOfficial, 4, ""},
		{"a scornful denial speaks", "The army spokesman, Brig. Gen. Paul Okello, on Wednesday poured scorn on rebel claims that army gunships had bombed their positions.", report.SourceNamedOfficial, -1, ""},
		{"a characterized report speaks", "The defence minister, Col. Ivan Petrov, on Monday termed \"mischievous\" a report that jets were about to strike rebel bases.", report.SourceNamedOfficial, -1, ""},
		{"a named official's own move", "The governor of the region, Samuel Okoro, set out a plan on Thursday for air force helicopters to strike the camps in the hills.", report.SourceNamedOfficial, -1, ""},
		{"a request delivered", "The regional president, Ahmed Warsame, delivered a written request on Tuesday for drones to strike the militants' bases.", report.SourceNamedOfficial, -1, ""},
		{"an unregistered body", "Russian warplanes bombed the villages of the plain on Monday, the White Helmets said.", report.SourceOrganization, -1, ""},
		{"the air force in a statement", "Jets struck the bandits' camp in the forest on Monday, the air force said in a statement.", report.SourceStatement, -1, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := x.Extract(textDoc(tc.text))
			if len(cs) == 0 {
				t.Fatalf("no claim")
			}
			var found bool
			for _, s := range cs[0].Sources {
				if s.Kind != tc.kind {
					continue
				}
				if tc.count >= 0 && v(s.Count) != tc.count {
					continue
				}
				if tc.outlet != "" && (s.Outlet == nil || *s.Outlet != tc.outlet) {
					continue
				}
				found = true
			}
			if !found {
				t.Errorf("%q: sources %s, want kind %s count %d outlet %q", tc.text, dumpSources(cs[0].Sources), tc.kind, tc.count, tc.outlet)
			}
		})
	}
}

func dumpSources(ss []report.Source) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "{%s count=%d name=%v outlet=%v aff=%v} ", s.Kind, v(s.Count), strp(s.Name), strp(s.Outlet), strp(s.Affiliation))
	}
	return b.String()
}

func strp(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestDates(t *testing.T) {
	x := newX(t)
	ref := time.Date(2013, 1, 25, 0, 0, 0, 0, time.UTC)
	tests := []struct{ name, text, want, prec string }{
		{"yesterday", "An air strike killed two insurgents in the district yesterday.", "2013-01-24", "day"},
		{"explicit", "On Jan. 12, 2013, a drone strike killed four people.", "2013-01-12", "day"},
		{"none", "A drone strike killed four people.", "", "unknown"},
		{"said today, struck on a weekday", "The army confirmed today that an air strike killed four fighters in the valley on Wednesday.", "2013-01-23", "day"},
		{"yesterday confirmed", "Officials yesterday confirmed the drone strike that killed a commander on Jan. 19.", "2013-01-19", "day"},
		{"a day earlier with no told date", "A day earlier, a drone strike killed three men.", "2013-01-24", "day"},
		{"paragraph's earlier date", "In the valley last night, troops searched a compound. During the search they captured two suspects.", "2013-01-24", "day"},
		{"speech date only", "An air strike killed four fighters, the army said on Thursday.", "2013-01-24", "day"},
		{"anniversary of a bombing", "Bells rang on Saturday to mark the anniversary of the bombing of the town, when aircraft pounded it on 26 April 1937, killing hundreds.", "1937-04-26", "day"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := textDoc(tc.text)
			d.Ref, d.HasRef = ref, true
			cs := x.Extract(d)
			if len(cs) == 0 {
				t.Fatal("no claim")
			}
			got := ""
			if cs[0].Date.Start != nil {
				got = *cs[0].Date.Start
			}
			if got != tc.want || cs[0].Date.TimePrecision != tc.prec {
				t.Errorf("%q: got %q/%s, want %q/%s", tc.text, got, cs[0].Date.TimePrecision, tc.want, tc.prec)
			}
		})
	}
}

// TestNarratedDates: intervals count from the dates the text tells of.
// TestStageDatedByCue: a stage told after the action is dated where it is
// told, not by the date of the stage before it.
func TestStageDatedByCue(t *testing.T) {
	x := newX(t)
	d := textDoc("The president approved strikes on the depots on Wednesday but called them off on Friday.")
	d.Ref, d.HasRef = time.Date(2025, 8, 9, 0, 0, 0, 0, time.UTC), true
	want := map[report.Stage]string{report.Authorized: "2025-08-06", report.CalledOff: "2025-08-08"}
	got := map[report.Stage]string{}
	for _, c := range x.Extract(d) {
		if c.Date.Start != nil {
			got[c.Stage] = *c.Date.Start
		}
	}
	for st, w := range want {
		if got[st] != w {
			t.Errorf("%s claim dated %q, want %q (all: %v)", st, got[st], w, got)
		}
	}
}

// TestDisclaimer: "could not independently verify the residents' account"
// hedges what the residents told, not the army's own claim.
func TestDisclaimer(t *testing.T) {
	x := newX(t)
	d := textDoc("The army said drone strikes near the town on Saturday killed dozens of fighters. Two residents told AFP that a second strike on Sunday hit a market, killing nearly 30 people. AFP could not independently verify the residents' account.")
	d.Ref, d.HasRef = time.Date(2025, 9, 9, 0, 0, 0, 0, time.UTC), true
	got := map[string]report.Certainty{}
	for _, c := range x.Extract(d) {
		if c.Date.Start != nil {
			got[*c.Date.Start] = c.Certainty
		}
	}
	want := map[string]report.Certainty{"2025-09-06": report.Asserted, "2025-09-07": report.Hedged}
	for day, w := range want {
		if got[day] != w {
			t.Errorf("strike of %s: certainty %q, want %q (all: %v)", day, got[day], w, got)
		}
	}
}

func TestNarratedDates(t *testing.T) {
	x := newX(t)
	ref := time.Date(2013, 1, 25, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		want       []string // every claim's start date, in claim order
	}{
		{"days earlier than the told date", "Jets bombed the port on Jan. 20. Two days earlier, a suicide bomber killed three soldiers.", []string{"2013-01-20", "2013-01-18"}},
		{"a day after, in one sentence", "Jets bombed the port on Wednesday, a day after a suicide bomber killed three soldiers.", []string{"2013-01-23", "2013-01-22"}},
		{"earlier than the event, not the statement", "Jets bombed the port on Wednesday, the army said in a statement on Friday. Two days earlier, a suicide bomber killed three soldiers.", []string{"2013-01-23", "2013-01-21"}},
		{"hours after", "Jets bombed the port on Wednesday, hours after a suicide bomber killed three soldiers.", []string{"2013-01-23", "2013-01-23"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := textDoc(tc.text)
			d.Ref, d.HasRef = ref, true
			var got []string
			for _, c := range x.Extract(d) {
				v := ""
				if c.Date.Start != nil {
					v = *c.Date.Start
				}
				got = append(got, v)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("%q: dates %v, want %v (%v)", tc.text, got, tc.want, summary(x.Extract(d)))
			}
		})
	}
}

// TestTallyApart: a campaign's tally is not merged into the event it follows.
// TestWarTallyNoEvent: a war's toll told in sum in the perfect is no event,
// and gives no strike its toll.
func TestWarTallyNoEvent(t *testing.T) {
	x := newX(t)
	cs := x.Extract(textDoc("Israeli aircraft struck a school on Tuesday, killing 18 people. More than 54,000 Palestinians have been killed since the war began, according to the health ministry."))
	for _, c := range cs {
		if c.Fatalities.Min != nil && *c.Fatalities.Min > 18 {
			t.Errorf("got a claim with the war's toll: %s %s %d", c.SubEventType, c.Stage, *c.Fatalities.Min)
		}
	}
	if len(cs) != 1 {
		t.Errorf("got %v, want the one strike", summary(cs))
	}
}

func TestTallyApart(t *testing.T) {
	x := newX(t)
	cs := x.Extract(textDoc("The force detained two suspects in Khost yesterday. Forces have detained more than 25 Haqqani leaders since December 1."))
	var got []int
	for _, c := range cs {
		if c.SubEventType == "Arrests" && c.Arrested != nil {
			got = append(got, *c.Arrested)
		}
	}
	if len(got) != 2 || got[0] != 2 {
		t.Errorf("arrest counts %v, want the event's 2 and the tally apart (%v)", got, summary(cs))
	}
}

// TestFurtherArrests: people detained "additionally" or "also" add to the
// event's count; the same people told again do not.
func TestFurtherArrests(t *testing.T) {
	x := newX(t)
	for _, tc := range []struct {
		name, text string
		want       int
	}{
		{"additional", "A security force captured a Taliban leader in Kandahar yesterday. The force detained the leader after a search. Two additional suspected insurgents were also detained.", 3},
		{"also detained", "A security force arrested a Haqqani leader in Khost today. The security force also detained one suspected insurgent.", 2},
		{"one more, long name", "In Argo district, a security force detained an Islamic Movement of Uzbekistan facilitator and several other insurgents today.", 4},
		{"told again", "A security force captured two insurgents in Khost today. The two insurgents were detained after a search.", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := x.Extract(textDoc(tc.text))
			best := 0
			for _, c := range cs {
				if c.SubEventType == "Arrests" && c.Arrested != nil && *c.Arrested > best {
					best = *c.Arrested
				}
			}
			if best != tc.want {
				t.Errorf("%q: arrested %d, want %d (%v)", tc.text, best, tc.want, summary(cs))
			}
		})
	}
}

// TestBackgroundApart: a strike the text dates long before is not merged
// into today's, nor its toll taken.
func TestBackgroundApart(t *testing.T) {
	x := newX(t)
	d := textDoc("A jet bombed a monastery on Sunday, killing at least 11 people. An air strike on a village in April 2023 killed more than 160.")
	d.Ref, d.HasRef = time.Date(2025, 1, 28, 0, 0, 0, 0, time.UTC), true
	cs := x.Extract(d)
	if len(cs) != 2 {
		t.Fatalf("got %v, want two strikes", summary(cs))
	}
	for _, c := range cs {
		if c.Date.Start == nil || c.Fatalities.Min == nil {
			t.Fatalf("claim without date or toll: %+v", c)
		}
		want := 11
		if (*c.Date.Start)[:4] == "2023" {
			want = 160
		}
		if *c.Fatalities.Min != want {
			t.Errorf("strike of %s: toll %d, want %d", *c.Date.Start, *c.Fatalities.Min, want)
		}
	}
}

// TestHabitualApart: "has struck … hundreds of times over the past decade"
// is a tally: it neither borrows the day's date nor confirms a hedged strike.
func TestHabitualApart(t *testing.T) {
	x := newX(t)
	d := textDoc("Unidentified aircraft reportedly struck a convoy near the border on Tuesday, killing eight militiamen. Israel, which has struck targets in Syria hundreds of times over the past decade, does not usually comment.")
	d.Ref, d.HasRef = time.Date(2024, 6, 27, 0, 0, 0, 0, time.UTC), true
	cs := x.Extract(d)
	hedged := false
	for _, c := range cs {
		if c.Fatalities.Min != nil && *c.Fatalities.Min == 8 {
			hedged = c.Certainty == report.Hedged
		} else if c.Date.Start != nil {
			t.Errorf("the tally took a date: %+v", c.Date)
		}
	}
	if !hedged {
		t.Errorf("the reported strike is not hedged: %v", summary(cs))
	}
}

// TestEvidenceInText: every evidence span lies in the text and inside its
// quoted sentence.
func TestEvidenceInText(t *testing.T) {
	x := newX(t)
	text := "KABUL, Afghanistan (Jan. 25, 2013)\nA coalition air strike killed 4 insurgents in Nad Ali district yesterday, officials said. The Taliban denied the report.\nOfficials are weighing more drone strikes."
	cs := x.Extract(textDoc(text))
	if len(cs) == 0 {
		t.Fatal("no claims")
	}
	checkEvidence(t, text, cs)
}

func checkEvidence(t *testing.T, text string, cs []report.Claim) {
	t.Helper()
	for _, c := range cs {
		if len(c.Evidence["stage"]) == 0 || len(c.Evidence["action"]) == 0 {
			t.Errorf("claim %v lacks stage or action evidence", summary([]report.Claim{c}))
		}
		for field, evs := range c.Evidence {
			for _, e := range evs {
				if e.Start < 0 || e.End > len(text) || e.Start > e.End {
					t.Fatalf("%s evidence %d-%d outside text (len %d)", field, e.Start, e.End, len(text))
				}
				si := strings.Index(text, e.Sentence)
				if si < 0 {
					t.Fatalf("%s evidence sentence %q not in text", field, e.Sentence)
				}
				ok := false
				for off := si; off >= 0; {
					if e.Start >= off && e.End <= off+len(e.Sentence) {
						ok = true
						break
					}
					n := strings.Index(text[off+1:], e.Sentence)
					if n < 0 {
						break
					}
					off = off + 1 + n
				}
				if !ok {
					t.Errorf("%s evidence %d-%d %q not inside its sentence %q", field, e.Start, e.End, text[e.Start:e.End], e.Sentence)
				}
			}
		}
	}
}

// TestTwoEventsInOneSentence: a subordinate clause with its own verb and its
// own violent action tells of another event, with its own stage, toll, date
// and place; a bare "after air strikes" names the same strikes again.
func TestTwoEventsInOneSentence(t *testing.T) {
	x := newX(t)
	find := func(cs []report.Claim, sub string, st report.Stage) *report.Claim {
		for i := range cs {
			if cs[i].SubEventType == sub && cs[i].Stage == st {
				return &cs[i]
			}
		}
		return nil
	}
	cs := x.Extract(textDoc("Pakistan's defence minister vowed to bomb Taliban hideouts in Afghanistan after a suicide attack killed 12 soldiers."))
	if c := find(cs, "Air/drone strike", report.Threatened); c == nil || c.Fatalities.Min != nil {
		t.Errorf("threat: %v", summary(cs))
	}
	if c := find(cs, "Suicide bomb", report.Conducted); c == nil || c.Fatalities.Min == nil || *c.Fatalities.Min != 12 {
		t.Errorf("suicide attack: %v", summary(cs))
	}
	if find(cs, "Air/drone strike", report.Conducted) != nil {
		t.Errorf("the threatened strike became conducted: %v", summary(cs))
	}
	cs = x.Extract(textDoc("Israeli jets bombed the port of Hodeidah on Saturday, a day after a Houthi drone killed one man in Tel Aviv. Houthi media said at least three people were killed in the strikes."))
	if len(cs) != 2 {
		t.Fatalf("want two conducted strikes, got %v", summary(cs))
	}
	for _, c := range cs {
		if c.Fatalities.Min == nil {
			t.Errorf("no toll: %v", summary(cs))
		} else if n := *c.Fatalities.Min; n != 1 && n != 3 {
			t.Errorf("toll %d", n)
		}
	}
	cs = x.Extract(textDoc(`"Our aircraft destroyed four command posts," said the spokesman, after air strikes south of Tripoli on Saturday.`))
	if len(cs) != 1 {
		t.Errorf("one event told twice, got %v", summary(cs))
	}
}

// TestTollUpdate: a later sentence that revises the toll replaces it.
// TestSubsetBeforeAmongThem: "nine civilians, four children and two women
// among them" counts nine; an officer quoted on the toll is no dead.
func TestSubsetBeforeAmongThem(t *testing.T) {
	x := newX(t)
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Aircraft bombed homes in the province late on Tuesday, killing nine civilians, four children and two women among them, a spokesman said.", 9},
		{"Jets struck an air defence base late on Monday, the news agency reported, quoting an army officer who put the death toll at six soldiers.", 6},
	} {
		cs := x.Extract(textDoc(tc.text))
		if len(cs) == 0 || cs[0].Fatalities.Min == nil || *cs[0].Fatalities.Min != tc.want {
			t.Errorf("%q: got %v, want %d killed", tc.text, summary(cs), tc.want)
		}
	}
}

func TestTollUpdate(t *testing.T) {
	x := newX(t)
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Russian drones struck an apartment block overnight, killing four people, officials said. By evening the toll had climbed to six.", 6},
		{"Drones struck the main bus station in the city that morning, killing eight people, the state government said. By evening, hospital staff had counted twelve dead, the health director said.", 12},
		{"Drones struck the main bus station in the city that morning, killing eight people, the state government said. Hospital staff said they had counted five dead.", 8},
	} {
		cs := x.Extract(textDoc(tc.text))
		if len(cs) != 1 || cs[0].Fatalities.Min == nil || *cs[0].Fatalities.Min != tc.want {
			t.Errorf("%q: got %v, want %d killed", tc.text, summary(cs), tc.want)
		}
	}
}

// TestWireIdioms: wire-copy turns that the stage ladder, the type and the
// toll must read right.
func TestWireIdioms(t *testing.T) {
	x := newX(t)
	const air = "Air/drone strike"
	for _, tc := range []struct{ text, want string }{
		{"Turkey struck a deal on Tuesday to sell armed drones to Indonesia.", ""},
		{"Oil workers began a three-day strike over unpaid wages. The strike could be extended if talks fail, the union warned.", ""},
		{"President Joe Biden has approved plans for a series of strikes against the militias.", air + "/authorized/asserted"},
		{"The defence ministry has submitted to the president a plan for drone strikes on jihadist leaders.", air + "/proposed/asserted"},
		{"The ministry asked parliament to extend a mandate for cross-border air strikes.", air + "/proposed/asserted"},
		{"The defence secretary put forward a plan for RAF strikes on Houthi missile launchers.", air + "/proposed/asserted"},
	} {
		cs := x.Extract(textDoc(tc.text))
		got := summary(cs)
		if tc.want == "" && len(cs) > 0 || tc.want != "" && !strings.Contains(strings.Join(got, " "), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.text, got, tc.want)
		}
	}
	cs := x.Extract(textDoc("A drone strike hit a wedding in the Mopti region on Saturday, killing at least 20 people, two local officials said."))
	if len(cs) != 1 || cs[0].Fatalities.Min == nil || *cs[0].Fatalities.Min != 20 {
		t.Errorf("speakers counted as dead: %v", cs)
	}
}

// TestNoAirStrike: reports with violence or air words but no air or drone
// strike yield no Air/drone strike claim at any stage.
func TestNoAirStrike(t *testing.T) {
	x := newX(t)
	for _, text := range []string{
		"Two people were killed as kites filled the sky, most of them struck by glass-coated string during duels between rooftops.",
		"An explosion wrecked a workshop making bath bombs early on Monday, killing two workers, firefighters said.",
		"Police tracked the suspects with a thermal-imaging drone and arrested them beside the tracks after a night-time raid on the depot.",
		"The air force bought twelve new jets last year, the ministry said.",
		"A jet ski struck and killed a swimmer off the beach on Sunday, police said. A coast guard drone was sent up to follow the craft.",
		"A cobra struck a nine-year-old girl as she fetched water, and she died before antivenom flown in by a medical drone could reach the health centre.",
		"The police trained sea eagles to pluck rogue drones out of the sky; the birds showed they could strike a hovering quadcopter from above.",
		"The outside hitter registered 24 kills off pipe attacks as his team swept the visitors, and the blockers said three aces struck the final blow.",
		"Moss bombarded the treble 20 at the World Darts Championship. \"I came here to attack from the first dart, and once I struck the bull I knew the set was dead,\" he said.",
		"Health officials approved a plan to bombard mosquito breeding grounds with larvicide dropped from drones, after dengue killed 14 people last week.",
		"A similar drone programme was suspended in 2023 after one of the aircraft struck a power line.",
		"The party's barons bombarded the leadership with criticism all morning over the budget pact.",
		"Tenants began a rent strike on Monday, and a drone flown by one of the organisers filmed the banner they hung from the roof.",
		"The health ministry approved the country's first proton-beam therapy unit, which doctors describe as a \"precision strike\" on tumours that spares the healthy tissue around them.",
		"The wrestler stayed unbeaten on the 11th day of the tournament, striking his rival twice in the throat and driving him out of the ring in under four seconds. The bout had been restarted after a false start.",
		"The agency has approved a mission to strike a small near-Earth asteroid with a 600-kilogram impactor and to watch from a second spacecraft how far the blow pushes it.",
		"Geologists said they had struck a rich copper seam in the north after a drone-borne magnetic survey flagged the target last year.",
		"Swarms of drones swept low over wheat fields across 40 villages on Sunday, spraying pesticide in the state's largest crop-spraying operation. Farmers said the drones had hit the fields hardest struck by whitefly last season.",
		"A teenager won the world drone racing championship on Sunday. Several rivals' drones crashed into the barriers in the final, and one exploded into pieces after clipping a gate.",
		"Un bombardeo de truenos y petardos hizo temblar ayer la plaza durante la última mascletà de las Fallas, disparada ante unas 150.000 personas.",
		"Dock workers walked off the job on Sunday in a dispute over the planned handover of a terminal. Union leader Mohammad Shafiul Alam said the strike would go on until the government backs down.",
		"Fighter jets pounded mock bunkers at a desert range on Sunday during a firepower display. The commander said the exercise showed the force could \"strike hard and strike precisely\" around the clock.",
		"A feature film about the 12 days of B-52 raids on Hanoi in December 1972 opened in cinemas on Friday, 53 years after the bombing. It follows a nurse at a hospital that was hit as the bombs fell on the capital. The raids killed more than 1,600 civilians, according to Vietnamese figures.",
		"Archaeologists said eleven skeletons were probably victims of a Viking raid in the late ninth century, several struck from behind with axes.",
		"The Blue Bombers struck early and never let up. Their quarterback threw a 62-yard bomb, and the defence raided the backfield for five sacks.",
		"Left-hander Caleb Rourke struck out 11 over seven innings and the Mariners shelled the Rangers' bullpen for six runs. \"They were dropping bombs on us all night,\" the Texas manager said.",
		"Boston bombarded the Knicks with three-pointers before 19,000 spectators, and their basketball coach said they attacked from the first minute.",
		"A ransomware attack struck the hospital's network over the weekend, forcing it to postpone 140 operations.",
		"A police drone was sent up to sweep the apron after a bomb threat, officials said.",
		"The rebels said they held the air force responsible for every civilian killed in the province.",
	} {
		for _, c := range x.Extract(textDoc(text)) {
			if c.SubEventType == "Air/drone strike" {
				t.Errorf("%q: got an Air/drone strike claim (%s/%s)", text, c.Stage, c.Certainty)
			}
		}
	}
}

// TestLexiconNoSplitPhrases: a two-word phrase written as one alternative
// of an alternation ("turned the air force|air power on") splits into two
// token tests and silently matches something else; a lexicon line must not
// hold one.
func TestLexiconNoSplitPhrases(t *testing.T) {
	bad := regexp.MustCompile(`\|(air|news|state|green|human) (force|forces|power|strike|strikes|agency|media|light|rights)\b`)
	for _, lang := range []string{"en", "es"} {
		entries, err := lexiconFS.ReadDir("lexicon/" + lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			data, err := lexiconFS.ReadFile("lexicon/" + lang + "/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			for n, line := range strings.Split(string(data), "\n") {
				if strings.HasPrefix(line, "#") {
					continue
				}
				if m := bad.FindString(line); m != "" {
					t.Errorf("%s/%s:%d: %q is one alternative of two words; split it into its own pattern", lang, e.Name(), n+1, m)
				}
			}
		}
	}
}

// TestLexiconIndexedStarts: no pattern opens with a prefix or wildcard test,
// which would send its whole lexicon through every token (README).
func TestLexiconIndexedStarts(t *testing.T) {
	x := newX(t)
	for lang, lx := range x.lex {
		for _, l := range lx.list() {
			for _, r := range l.other {
				t.Errorf("%s %s:%d: a pattern opens with a prefix or wildcard test; spell its first word's forms out", lang, l.name, r.e.line)
			}
		}
	}
}

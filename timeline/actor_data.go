package timeline

// The hand-kept part of the actor data: what the generated country table
// (countries.tsv) does not carry. Keep it short, and say why each line is
// here.

// countrySupplement lists names and demonyms no source carries, by ISO
// alpha-3 code. The form is given by the map it is in.
var countrySupplement = map[string][]string{
	// Colloquial and press forms.
	"USA": {"U.S.", "U.S.A.", "US", "America", "United States"},
	"GBR": {"Britain", "U.K.", "England"},
	"TUR": {"Turkey"},
	"ARE": {"UAE", "U.A.E.", "Emirates"},
	"CZE": {"Czech Republic"},
	"COD": {"Zaire"},
	"KOR": {"ROK", "Republic of Korea"},
	"CHN": {"PRC"},
	"MKD": {"FYROM"},
	"CIV": {"Cote d'Ivoire"},
	// Historical states, coded as the ISO country that continues them,
	// as CAMEO does: ISO 3166-1 has no current code for them.
	"RUS": {"Soviet Union", "USSR", "U.S.S.R.", "Russian Federation"},
	"VNM": {"North Vietnam", "South Vietnam", "Republic of Vietnam"},
	"DEU": {"West Germany", "East Germany", "Nazi Germany", "Prussia"},
	"IRN": {"Persia"},
	"SRB": {"Yugoslavia"},
	"LKA": {"Ceylon"},
	"THA": {"Siam"},
}

// demonymSupplement lists adjectives and nouns for the people of a
// country that world-countries lacks (it has one demonym per country).
var demonymSupplement = map[string][]string{
	"AZE": {"Azeri", "Azeris"},
	"GBR": {"Briton", "Britons", "English"},
	"RUS": {"Soviet", "Soviets"},
	"USA": {"U.S.-led"},
	"TUR": {"Turk", "Turks"},
	"SRB": {"Serb", "Serbs", "Yugoslav"},
	"HRV": {"Croat", "Croats"},
	"POL": {"Pole", "Poles"},
	"NLD": {"Dutchman"},
	"FRA": {"Frenchmen"},
	"ARE": {"Emirati"},
	"PAK": {"Pakistani"},
	"BIH": {"Bosnian", "Bosnians"},
	"VNM": {"North Vietnamese", "South Vietnamese"},
	"DEU": {"Nazi", "Nazis", "Prussian"},
	"KOR": {"South Korean", "South Koreans"},
	"PRK": {"North Korean", "North Koreans"},
	"IRN": {"Persian", "Persians"},
	"GRC": {"Greek", "Greeks"},
}

// capitalSupplement lists seats of government used for the government
// that the source spells differently or lacks.
var capitalSupplement = map[string][]string{
	"USA": {"Washington"},
	"UKR": {"Kyiv", "Kiev"},
	"ISR": {"Tel Aviv"},
	"IND": {"Delhi"},
}

// ambiguousNames are country names that are also common given names or
// other places (Chad, Jordan, Georgia in the US): they count only when no
// capitalized word is next to them.
var ambiguousNames = map[string]bool{"chad": true, "georgia": true, "jordan": true, "israel": true, "guinea": true, "niger": true}

// notActorAfter are capitalized words that make a country name part of a
// larger proper name that is no actor: "the Vietnam War", "the Persian
// Gulf", "the Korean Peninsula".
var notActorAfter = map[string]bool{
	"war": true, "wars": true, "revolution": true, "revolutionary": true, "gulf": true,
	"sea": true, "ocean": true, "peninsula": true, "civil": true, "channel": true,
	"airlines": true, "times": true, "post": true, "language": true,
	"air": true, "airways": true,
}

// orgInfo describes an organization.
type orgInfo struct {
	name    string   // canonical name
	code    string   // PLOVER/CAMEO code: UNO, IGO, NGO, or a country for national groups
	sector  string   // PLOVER sector for armed groups and national bodies
	country string   // alpha-3 of the country a national body or group belongs to
	aliases []string // other names; capitals-only ones match case-sensitively
}

// organizations are international organizations, national bodies named
// by metonymy, and well-known armed groups.
var organizations = []orgInfo{
	{name: "United Nations", code: "UNO", aliases: []string{"UN", "U.N.", "United Nations Organization"}},
	{name: "UN Security Council", code: "UNO", aliases: []string{"United Nations Security Council", "UN Security Council", "U.N. Security Council", "UNSC", "Security Council"}},
	{name: "UN General Assembly", code: "UNO", aliases: []string{"United Nations General Assembly", "U.N. General Assembly", "General Assembly"}},
	{name: "UNHCR", code: "UNO", aliases: []string{"UN refugee agency", "U.N. refugee agency", "United Nations High Commissioner for Refugees"}},
	{name: "UNICEF", code: "UNO", aliases: []string{"United Nations Children's Fund"}},
	{name: "World Food Programme", code: "UNO", aliases: []string{"WFP", "World Food Program"}},
	{name: "IAEA", code: "UNO", aliases: []string{"International Atomic Energy Agency"}},
	{name: "UNSCOM", code: "UNO", aliases: []string{"UN Special Commission", "U.N. Special Commission", "United Nations Special Commission"}},
	{name: "European Union", code: "IGO", aliases: []string{"EU", "E.U."}},
	{name: "NATO", code: "IGO", aliases: []string{"North Atlantic Treaty Organization", "N.A.T.O."}},
	{name: "OSCE", code: "IGO", aliases: []string{"Organization for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe"}},
	{name: "African Union", code: "IGO", aliases: []string{"AU"}},
	{name: "Arab League", code: "IGO", aliases: []string{"League of Arab States"}},
	{name: "ASEAN", code: "IGO", aliases: []string{"Association of Southeast Asian Nations"}},
	{name: "Organization of American States", code: "IGO", aliases: []string{"OAS"}},
	{name: "Organisation of Islamic Cooperation", code: "IGO", aliases: []string{"OIC", "Organization of Islamic Cooperation"}},
	{name: "CSTO", code: "IGO", aliases: []string{"Collective Security Treaty Organization"}},
	{name: "ECOWAS", code: "IGO", aliases: []string{"Economic Community of West African States"}},
	{name: "Warsaw Pact", code: "IGO"},
	// A multinational force, as news names it: "the coalition", "coalition
	// forces". Written in lower case, so it matches either way.
	{name: "coalition", code: "IGO", sector: "MIL", aliases: []string{"multinational force", "multinational forces", "allied forces"}},
	{name: "League of Nations", code: "IGO"},
	{name: "World Bank", code: "IGO"},
	{name: "IMF", code: "IGO", aliases: []string{"International Monetary Fund"}},
	{name: "World Health Organization", code: "IGO", aliases: []string{"WHO"}},
	{name: "ICRC", code: "NGO", aliases: []string{"International Committee of the Red Cross", "Red Cross"}},
	{name: "Amnesty International", code: "NGO"},
	{name: "Human Rights Watch", code: "NGO"},
	{name: "Doctors Without Borders", code: "NGO", aliases: []string{"MSF", "Medecins Sans Frontieres"}},
	// National bodies named for their seat.
	{name: "Kremlin", code: "RUS", sector: "GOV", country: "RUS"},
	{name: "White House", code: "USA", sector: "GOV", country: "USA"},
	{name: "Pentagon", code: "USA", sector: "MIL", country: "USA"},
	{name: "State Department", code: "USA", sector: "GOV", country: "USA"},
	{name: "Congress", code: "USA", sector: "LEG", country: "USA"},
	{name: "CIA", code: "USA", sector: "SPY", country: "USA", aliases: []string{"Central Intelligence Agency"}},
	{name: "Red Army", code: "RUS", sector: "MIL", country: "RUS"},
	{name: "Wehrmacht", code: "DEU", sector: "MIL", country: "DEU"},
	{name: "Luftwaffe", code: "DEU", sector: "MIL", country: "DEU"},
	{name: "Royal Navy", code: "GBR", sector: "MIL", country: "GBR"},
	{name: "Royal Air Force", code: "GBR", sector: "MIL", country: "GBR", aliases: []string{"RAF"}},
	{name: "FBI", code: "USA", sector: "COP", country: "USA", aliases: []string{"Federal Bureau of Investigation"}},
	{name: "Korean People's Army", code: "PRK", sector: "MIL", country: "PRK", aliases: []string{"KPA", "North Korean People's Army"}},
	{name: "People's Volunteer Army", code: "CHN", sector: "MIL", country: "CHN", aliases: []string{"PVA", "Chinese People's Volunteer Army", "People's Volunteers"}},
	{name: "People's Liberation Army", code: "CHN", sector: "MIL", country: "CHN", aliases: []string{"PLA"}},
	{name: "Revolutionary Guard", code: "IRN", sector: "MIL", country: "IRN", aliases: []string{"Revolutionary Guards", "Islamic Revolutionary Guard Corps", "IRGC", "Pasdaran"}},
	{name: "Kuomintang", code: "CHN", sector: "GOV", country: "CHN", aliases: []string{"KMT"}},
	// Armed groups.
	{name: "Hamas", code: "PSE", sector: "REB", country: "PSE"},
	{name: "Hezbollah", code: "LBN", sector: "REB", country: "LBN", aliases: []string{"Hizbollah", "Hizballah"}},
	{name: "Taliban", code: "AFG", sector: "REB", country: "AFG"},
	{name: "al-Qaeda", code: "IMG", sector: "REB", aliases: []string{"al Qaeda", "al-Qaida", "Al-Qaeda", "Al Qaeda"}},
	{name: "Islamic State", code: "IMG", sector: "REB", aliases: []string{"ISIS", "ISIL"}},
	{name: "Kosovo Liberation Army", code: "UNK", sector: "REB", country: "UNK", aliases: []string{"KLA"}},
	{name: "Viet Cong", code: "VNM", sector: "REB", country: "VNM", aliases: []string{"Vietcong", "Viet Minh"}},
	{name: "Khmer Rouge", code: "KHM", sector: "REB", country: "KHM"},
	{name: "PKK", code: "TUR", sector: "REB", country: "TUR", aliases: []string{"Kurdistan Workers' Party"}},
	{name: "Ansar al-Islam", code: "IRQ", sector: "REB", country: "IRQ"},
	{name: "Peshmerga", code: "IRQ", sector: "MIL", country: "IRQ"},
	{name: "Mujahideen", code: "AFG", sector: "REB", country: "AFG"},
	{name: "LTTE", code: "LKA", sector: "REB", country: "LKA", aliases: []string{"Tamil Tigers", "Liberation Tigers of Tamil Eelam"}},
	{name: "FARC", code: "COL", sector: "REB", country: "COL"},
}

// agentInfo describes a state or non-state body or role ("Foreign
// Ministry", "peacekeepers", "spokesperson").
type agentInfo struct {
	name   string // canonical (lowercase) name
	sector string // PLOVER sector
	// title: a person's office when a name follows ("spokesperson Maria
	// Zakharova"); nameOnly: counts only before a name ("Gen.", "Mr.").
	title, nameOnly bool
	// set once from the maps of the same names (newActorIndex), so that
	// the passes over a sentence's mentions do not hash the name again:
	// office is the office a title names (officeNames, else the name
	// itself); sectorName, how an agent of the sector is named
	// (sectorNames); adjectival, that the agent also modifies non-actors.
	office, sectorName string
	adjectival         bool
}

// agentTable lists agents by sector as "name|plural, name …". A "+" marks
// a title that can stand before a person's name; a "!" one that counts
// only there ("Gen. Smith", but not "in general").
var agentTable = map[string]string{
	"GOV": "government|governments, administration, regime, cabinet, ministry|ministries, foreign ministry, " +
		"defense ministry|defence ministry, interior ministry, ministry of foreign affairs, ministry of defense|ministry of defence, " +
		"foreign office, authorities, officials|official, diplomats|diplomat, embassy, delegation, " +
		"+president, +prime minister, +premier, +foreign minister, +defense minister|+defence minister, +minister, " +
		"+deputy prime minister, +interior minister, +secretary of state, +defense secretary|+defence secretary, +secretary, " +
		"+secretary-general|+secretary general, +spokesperson, +spokesman, +spokeswoman, +ambassador, +envoy, " +
		"+chancellor, +king, +queen, +emperor, +dictator, +leader|leaders, +governor, +mayor, +prince, +shah, +ayatollah",
	"LEG": "parliament, senate, lawmakers, +senator, !sen",
	"MIL": "army|armies, troops, forces, armed forces, military, soldiers|soldier, peacekeepers, peacekeeping troops, " +
		"peacekeeping forces, navy, air force, marines, division|divisions, battalion|battalions, brigade|brigades, " +
		"regiment|regiments, fleet, units, commanders|commander, generals, security forces, defense forces|defence forces, " +
		"+military spokesman, !general, !gen, !lt, !col, !colonel, !admiral, !adm, !marshal, !field marshal, !captain, !capt, !major, !sergeant, !sgt",
	"COP": "police, policemen, police officers, riot police",
	"REB": "rebels|rebel, rebel forces, militants|militant, armed groups|armed group, separatists, insurgents|insurgent, " +
		"guerrillas|guerrilla, militia|militias, militiamen, terrorists, gunmen, fighters, +rebel leader",
	"CVL": "civilians|civilian, residents, villagers, refugees, citizens, population, protesters|demonstrators, victims",
	// Courtesy titles say nothing of the sector.
	"":    "!mr, !mrs, !ms, !dr",
	"JUD": "court, +judge, prosecutors|+prosecutor",
	"IGO": "+inspector|inspectors, monitors, observers",
}

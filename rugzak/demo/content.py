"""Demo content for an empty Rugzak installation: fictional, written for the product."""

# Fictional partner organisations: (slug, name).
PARTNERS = [
    ("uwv", "UWV"),
    ("welzijn-samen-sterk", "Welzijnsorganisatie Samen Sterk"),
    ("zorggroep-de-brug", "Zorggroep De Brug"),
    ("woonstichting-thuis", "Woonstichting Thuis"),
    ("basisschool-de-regenboog", "Openbare basisschool De Regenboog"),
    ("schuldhulp-op-orde", "Schuldhulpverlening Op Orde"),
]

# Thirty experiences, ordered by date. Author keys:
#   sanne (medewerker, werk-en-inkomen), youssef (medewerker, zorg-en-welzijn-wmo),
#   marieke (medewerker, jeugd-en-onderwijs), pieter (kernteam, jeugd-en-onderwijs),
#   esra (partner, welzijn-samen-sterk), henk (partner, uwv), lotte (beheerder, werk-en-inkomen).
# The texts are about collaboration, never about identifiable residents.
EXPERIENCES = [
    # --- 2024 ---------------------------------------------------------------------------
    {
        "author": "sanne",
        "title": "Dubbele intake bij UWV en gemeente voor dezelfde werkzoekende",
        "situation": (
            "Een inwoner die vanuit de WW doorstroomde naar de bijstand, had binnen drie weken "
            "een intake bij het UWV én bij ons. Beide gesprekken gingen grotendeels over "
            "hetzelfde: werkervaring, belemmeringen en wensen. De inwoner gaf aan zich van het "
            "kastje naar de muur gestuurd te voelen."
        ),
        "task": (
            "Ik wilde begrijpen waarom de informatie uit de eerste intake niet bij ons "
            "terechtkwam, en voorkomen dat dit vaker gebeurt."
        ),
        "approach": (
            "Ik heb contact gezocht met een adviseur van het UWV en samen de route van de "
            "overdracht nagelopen. Daarbij bleek dat er geen vaste afspraken waren over wat we "
            "van elkaar overnemen, en dat beide organisaties een eigen doel voor het gesprek hadden."
        ),
        "result": (
            "Er is nog geen structurele oplossing. Wel staat het onderwerp nu op de agenda van "
            "het regionale overleg werk en inkomen."
        ),
        "lesson": (
            "Zolang we niet samen vastleggen wie welk gesprek voert en wat we van elkaar "
            "overnemen, voert iedereen zijn eigen intake. Zonder gedeeld doel voor de overdracht "
            "kost het de inwoner tijd en vertrouwen, en ons dubbel werk."
        ),
        "tip": (
            "Vraag bij een overdracht vanuit het UWV eerst na welk gesprek er al gevoerd is, "
            "voordat je zelf een intake plant."
        ),
        "kind": "knelpunt",
        "occurred_on": "2024-02-08",
        "departments": ["werk-en-inkomen"],
        "partners": ["uwv"],
        "conditions": {
            "gezamenlijk-doel-en-visie": "ontbrak",
            "verantwoordelijkheden": "ontbrak",
            "transparantie": "ontbrak",
        },
        "goals": ["werk-boven-uitkering"],
        "tags": ["re-integratie", "gegevensdeling", "overdracht"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "youssef",
        "title": "Drie keukentafelgesprekken in één maand bij hetzelfde huishouden",
        "situation": (
            "Bij een huishouden met zowel een zorgvraag als een inkomensvraag kwamen binnen een "
            "maand drie professionals langs: ik voor de Wmo, een collega van Werk en Inkomen en "
            "een wijkverpleegkundige van Zorggroep De Brug. Niemand wist dat de anderen ook "
            "zouden komen. Het huishouden raakte vermoeid en zegde het laatste gesprek af."
        ),
        "task": (
            "Achteraf wilde ik uitzoeken hoe we dit hadden kunnen zien aankomen en wie het "
            "overzicht had moeten houden."
        ),
        "approach": (
            "Ik heb de drie betrokkenen bij elkaar gebracht voor een korte terugblik. Samen "
            "hebben we op een tijdlijn gezet wie wanneer contact had en met welke vraag."
        ),
        "result": (
            "Het werd pijnlijk duidelijk dat ieder vanuit de eigen opdracht en het eigen budget "
            "werkte. Er was geen moment waarop iemand vroeg: wie is hier al betrokken?"
        ),
        "lesson": (
            "Iedere organisatie deed precies wat haar opdracht was, en toch was het geheel slecht "
            "voor het huishouden. Bij meervoudige vragen moeten we bij de eerste melding afspreken "
            "wie het keukentafelgesprek voert en de anderen meeneemt. Dat vraagt dat je je eigen "
            "werkproces even loslaat."
        ),
        "tip": (
            "Stel bij een nieuwe melding altijd de vraag 'wie is hier al betrokken?' en noteer "
            "het antwoord in het dossier."
        ),
        "kind": "knelpunt",
        "occurred_on": "2024-03-14",
        "departments": ["zorg-en-welzijn-wmo", "werk-en-inkomen"],
        "partners": ["zorggroep-de-brug"],
        "conditions": {
            "belang-van-het-geheel": "ontbrak",
            "verantwoordelijkheden": "ontbrak",
        },
        "goals": ["integrale-toegang"],
        "tags": ["keukentafelgesprek", "casusoverleg", "regie"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "marieke",
        "title": "Schoolverzuim eerder bespreken met het wijkteam",
        "situation": (
            "Openbare basisschool De Regenboog zag bij een aantal leerlingen het verzuim langzaam "
            "oplopen, maar meldde dit pas bij de leerplichtambtenaar toen het al structureel was. "
            "Het wijkteam bleek een van de gezinnen al te kennen vanwege een Wmo-vraag. School en "
            "wijkteam wisten niets van elkaars betrokkenheid."
        ),
        "task": (
            "Samen met de intern begeleider wilde ik uitzoeken waarom signalen zo laat bij elkaar "
            "kwamen."
        ),
        "approach": (
            "We hebben een gesprek gevoerd met de intern begeleider, een medewerker van het "
            "wijkteam en de leerplichtambtenaar. Over het doel waren we het snel eens: verzuim is "
            "vaak een signaal van iets anders, en dat wil je vroeg zien. Maar de school bleek "
            "terughoudend om het wijkteam te bellen, uit angst het vertrouwen van ouders te schaden."
        ),
        "result": (
            "School en wijkteam houden nu elke zes weken een kort zorgoverleg, waarover ouders "
            "vooraf worden geïnformeerd."
        ),
        "lesson": (
            "Een gedeeld doel is niet genoeg als partners elkaar nog niet vertrouwen. De school "
            "moest eerst merken dat het wijkteam zorgvuldig omgaat met wat ze delen. Dat "
            "vertrouwen bouw je op met vaste gezichten en vaste momenten, niet met een protocol."
        ),
        "tip": (
            "Laat de wijkteammedewerker een keer meelopen op school voordat het eerste overleg "
            "plaatsvindt."
        ),
        "kind": "les",
        "occurred_on": "2024-04-22",
        "departments": ["jeugd-en-onderwijs", "zorg-en-welzijn-wmo"],
        "partners": ["basisschool-de-regenboog"],
        "conditions": {
            "gezamenlijk-doel-en-visie": "hielp",
            "vertrouwen-en-aanspreken": "ontbrak",
        },
        "goals": ["van-zorg-naar-preventie"],
        "tags": ["wijkteam", "vroegsignalering", "jongeren"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "esra",
        "title": "Inloopspreekuur in het buurthuis samen met de Wmo-consulent",
        "situation": (
            "Bij Welzijnsorganisatie Samen Sterk komen veel inwoners binnen met vragen die "
            "eigenlijk bij de gemeente horen, bijvoorbeeld over huishoudelijke hulp of een "
            "scootmobiel. Wij verwezen hen dan door naar het Wmo-loket, maar veel mensen belden "
            "daar nooit."
        ),
        "task": (
            "We wilden de drempel naar de Wmo verlagen door de consulent naar de buurt te halen."
        ),
        "approach": (
            "Samen met het team Zorg en Welzijn hebben we een wekelijks inloopspreekuur opgezet "
            "in het buurthuis:\n"
            "- elke dinsdagochtend zijn een Wmo-consulent en een opbouwwerker samen aanwezig\n"
            "- geen afspraak nodig, de koffie staat klaar\n"
            "- vragen die niet direct op te lossen zijn, pakken we samen op"
        ),
        "result": (
            "Na drie maanden kwamen er gemiddeld acht inwoners per ochtend. Een deel van de "
            "vragen kon met een algemene voorziening of hulp uit het eigen netwerk worden "
            "opgelost, zonder formele aanvraag."
        ),
        "lesson": (
            "Naast elkaar zitten werkt beter dan naar elkaar doorverwijzen. Wel hoorden wij na "
            "afloop niet wat er met doorverwezen vragen gebeurde, waardoor we inwoners die "
            "terugkwamen niet konden vertellen hoe het ervoor stond. Die terugkoppeling moeten we "
            "nog samen regelen."
        ),
        "tip": (
            "Begin klein, met één vaste dag en vaste mensen. Inwoners komen voor een bekend gezicht."
        ),
        "kind": "succes",
        "occurred_on": "2024-05-16",
        "departments": ["zorg-en-welzijn-wmo"],
        "partners": ["welzijn-samen-sterk"],
        "conditions": {
            "vertrouwen-en-aanspreken": "hielp",
            "transparantie": "ontbrak",
        },
        "goals": ["samenwerken-met-partners-in-de-wijk", "eigen-kracht-en-participatie"],
        "tags": ["spreekuur", "wijkteam"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "pieter",
        "title": "Casusoverleg zonder regisseur: iedereen betrokken, niemand eigenaar",
        "situation": (
            "Voor een gezin met schulden, jeugdhulp en een bijstandsuitkering organiseerden we een "
            "casusoverleg met alle drie de afdelingen en Schuldhulpverlening Op Orde. Er zaten "
            "zeven professionals aan tafel. Iedereen ging tevreden weg, maar drie weken later "
            "bleek niemand de gemaakte afspraken te bewaken."
        ),
        "task": (
            "Als kernteam wilden we begrijpen waarom 'één gezin, één plan, één regisseur' in de "
            "praktijk zo lastig blijkt."
        ),
        "approach": (
            "We hebben het overleg nabesproken met de deelnemers en ieder gevraagd op te schrijven "
            "wie volgens hen de regisseur was. Dat leverde vier verschillende antwoorden op."
        ),
        "result": (
            "Het plan lag er, maar de regie niet. Het gezin kreeg opnieuw van meerdere kanten post "
            "en telefoontjes."
        ),
        "lesson": (
            "We waren vergeten om samen te definiëren wat regie inhoudt en wie die neemt. Iedere "
            "afdeling dacht dat een andere de regie had, omdat die het 'zwaarste' onderdeel had. "
            "Een casusoverleg eindigt voortaan pas als duidelijk is wie de regisseur is, en "
            "iedereen het eigen belang ondergeschikt maakt aan dat ene plan."
        ),
        "tip": (
            "Sluit elk casusoverleg af met drie vragen: wie is de regisseur, wat doet ieder, en "
            "wanneer koppelen we terug?"
        ),
        "kind": "les",
        "occurred_on": "2024-06-05",
        "departments": ["jeugd-en-onderwijs", "werk-en-inkomen", "zorg-en-welzijn-wmo"],
        "partners": ["schuldhulp-op-orde"],
        "conditions": {
            "gezamenlijk-doel-en-visie": "ontbrak",
            "belang-van-het-geheel": "ontbrak",
        },
        "goals": ["integrale-toegang"],
        "tags": ["casusoverleg", "regie", "schuldhulp"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "henk",
        "title": "Geen terugkoppeling over werkzoekenden die wij doorverwijzen",
        "situation": (
            "Als UWV verwijzen wij regelmatig werkzoekenden met een afstand tot de arbeidsmarkt "
            "door naar de gemeente, bijvoorbeeld wanneer hun WW afloopt. Daarna horen we er "
            "vrijwel nooit meer iets over. Ook als de gemeente een traject start dat aansluit op "
            "wat wij al deden, weten we dat niet."
        ),
        "task": "Ik wilde weten of onze doorverwijzingen aankwamen en of ze bruikbaar waren.",
        "approach": (
            "Ik heb een gesprek aangevraagd met twee werkcoaches van Werk en Inkomen. Daarin "
            "kwamen ook onze eigen blinde vlekken boven: onze overdrachten waren vaak summier, en "
            "wij vroegen zelf ook nooit na hoe het verder ging."
        ),
        "result": (
            "Beide kanten erkenden dat we elkaar weinig informeren, deels uit onzekerheid over "
            "wat we mogen delen. We hebben afgesproken in het najaar een werksessie over "
            "gegevensdeling te houden."
        ),
        "lesson": (
            "Het gebrek aan terugkoppeling had niets met onwil te maken, maar met onduidelijke "
            "privacyregels en gewoonte. Toch voelde het aan onze kant als 'ze doen er niets mee'. "
            "Uitspreken wat je mist, in plaats van het stilletjes te concluderen, was hier de "
            "eerste stap."
        ),
        "tip": (
            "Spreek bij twijfel over gegevensdeling de privacy-adviseurs van beide organisaties "
            "tegelijk, dan hoef je niet heen en weer te mailen."
        ),
        "kind": "knelpunt",
        "occurred_on": "2024-07-11",
        "departments": ["werk-en-inkomen"],
        "partners": ["uwv"],
        "conditions": {
            "transparantie": "ontbrak",
            "vertrouwen-en-aanspreken": "ontbrak",
        },
        "goals": ["werk-boven-uitkering"],
        "tags": ["gegevensdeling", "privacy", "overdracht"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "sanne",
        "title": "Schuldhulp en werkcoach samen aan één tafel",
        "situation": (
            "Bij veel inwoners in een re-integratietraject lopen de schulden zo hoog op dat werk "
            "zoeken weinig zin heeft: beslag maakt extra inkomen onzichtbaar. Schuldhulpverlening "
            "Op Orde en onze werkcoaches werkten langs elkaar heen, elk met een eigen plan."
        ),
        "task": (
            "We wilden de schuldenaanpak en de route naar werk samenbrengen in één traject."
        ),
        "approach": (
            "We hebben een pilot gedraaid waarin een schuldhulpverlener van Op Orde en een "
            "werkcoach samen het eerste gesprek voeren:\n"
            "- één gezamenlijk plan met twee sporen: schulden en werk\n"
            "- Op Orde bewaakt de schuldregeling, de werkcoach de stappen naar werk\n"
            "- elke maand een kort afstemmingsmoment"
        ),
        "result": (
            "Van de twaalf deelnemers hadden er vijf na een halfjaar (deeltijd)werk, en bij alle "
            "twaalf was de schuldensituatie stabiel. Deelnemers gaven aan dat ze voor het eerst "
            "het gevoel hadden dat er één verhaal was."
        ),
        "lesson": (
            "Heldere verantwoordelijkheden maakten het verschil: iedereen wist wat er van hem of "
            "haar verwacht werd. Wat nog schuurde was de financiering, want beide partijen rekenen "
            "resultaten toe aan hun eigen budget. Daar moeten we over ons eigen belang heen durven "
            "stappen."
        ),
        "tip": (
            "Plan het eerste gesprek altijd samen, ook als dat een week later wordt. Een "
            "gezamenlijke start scheelt later veel afstemming."
        ),
        "kind": "succes",
        "occurred_on": "2024-09-03",
        "departments": ["werk-en-inkomen"],
        "partners": ["schuldhulp-op-orde"],
        "conditions": {
            "verantwoordelijkheden": "hielp",
            "belang-van-het-geheel": "ontbrak",
        },
        "goals": ["werk-boven-uitkering", "van-zorg-naar-preventie"],
        "tags": ["schuldhulp", "re-integratie"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "youssef",
        "title": "Hoe vinden we jonge mantelzorgers eerder?",
        "situation": (
            "In gesprekken over Wmo-ondersteuning voor een ouder merken we regelmatig dat een kind "
            "thuis een groot deel van de zorg op zich neemt. Die jonge mantelzorgers komen bij ons "
            "nauwelijks in beeld, en bij Jeugd en Onderwijs ook niet, omdat er geen hulpvraag van "
            "henzelf is. Zorggroep De Brug ziet dezelfde situaties in de wijkverpleging."
        ),
        "task": (
            "Samen met Jeugd en Onderwijs en de zorgaanbieder willen we verkennen wie deze "
            "jongeren zou moeten signaleren en wat ze dan nodig hebben."
        ),
        "approach": (
            "Nog niet gestart. Voorstel: een verkennend gesprek met de jeugdconsulenten, de "
            "wijkverpleging en een mantelzorgconsulent."
        ),
        "result": "",
        "lesson": (
            "We willen leren of we een gezamenlijk doel kunnen formuleren voor jonge "
            "mantelzorgers, want nu valt deze groep tussen de Wmo en de Jeugdwet in. Wie heeft "
            "ervaring met het bespreekbaar maken van mantelzorg door kinderen, zonder dat de ouder "
            "zich beoordeeld voelt?"
        ),
        "tip": "",
        "kind": "vraag",
        "occurred_on": "2024-10-17",
        "departments": ["zorg-en-welzijn-wmo", "jeugd-en-onderwijs"],
        "partners": ["zorggroep-de-brug"],
        "conditions": {
            "gezamenlijk-doel-en-visie": "ontbrak",
        },
        "goals": ["van-zorg-naar-preventie"],
        "tags": ["mantelzorg", "jongeren", "vroegsignalering"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "marieke",
        "title": "Jongere van 18 valt tussen wal en schip bij zelfstandig wonen",
        "situation": (
            "Een jongere die in een pleeggezin woonde, moest bij het bereiken van de 18 jaar "
            "zelfstandig gaan wonen. De jeugdhulp liep af, een urgentie bij Woonstichting Thuis "
            "was nog niet rond en er was nog geen uitkering aangevraagd. Een paar weken lang voelde "
            "niemand zich verantwoordelijk."
        ),
        "task": (
            "Ik wilde voorkomen dat deze jongere dakloos zou raken, en begrijpen waar de overgang "
            "misging."
        ),
        "approach": (
            "Ik heb op eigen initiatief de woonconsulent en een collega van Werk en Inkomen "
            "gebeld; beiden wisten van niets. Met wat improvisatie lukte het om een tijdelijke "
            "kamer te regelen en de aanvraag voor levensonderhoud te versnellen."
        ),
        "result": (
            "Het liep uiteindelijk goed af, maar vooral dankzij persoonlijke contacten. De "
            "overgang van 18-min naar 18-plus is nergens als gezamenlijke verantwoordelijkheid "
            "vastgelegd."
        ),
        "lesson": (
            "De overgang naar 18-plus moet een halfjaar van tevoren besproken worden, met de "
            "woonstichting en Werk en Inkomen aan tafel. Nu hoort iedere partij pas iets als het "
            "al misgaat, omdat niemand de voortgang deelt. Het mag niet afhangen van één "
            "medewerker die toevallig de juiste mensen kent."
        ),
        "tip": (
            "Zet jongeren van 17 met jeugdhulp actief op de agenda van het casusoverleg, niet pas "
            "als er een crisis is."
        ),
        "kind": "knelpunt",
        "occurred_on": "2024-11-20",
        "departments": ["jeugd-en-onderwijs", "werk-en-inkomen"],
        "partners": ["woonstichting-thuis"],
        "conditions": {
            "transparantie": "ontbrak",
            "verantwoordelijkheden": "ontbrak",
        },
        "goals": ["integrale-toegang"],
        "tags": ["jongeren", "huisvesting", "overdracht"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": True,
    },
    {
        "author": "esra",
        "title": "Sleutelpersonen helpen over de taalbarrière bij schuldhulp",
        "situation": (
            "Inwoners die het Nederlands niet goed beheersen, kwamen na een eerste intake bij "
            "Schuldhulpverlening Op Orde vaak niet terug. Onze sleutelpersonen, vrijwilligers uit "
            "verschillende gemeenschappen, hoorden in de wijk dat mensen zich schaamden en de "
            "brieven niet begrepen."
        ),
        "task": (
            "Samen met Op Orde wilden we de drempel verlagen en voorkomen dat schulden verder "
            "opliepen."
        ),
        "approach": (
            "We boden aan dat een sleutelpersoon meegaat naar de intake, als vertrouwd gezicht en "
            "tolk. Dat vroeg wat van beide kanten: Op Orde moest accepteren dat een vrijwilliger "
            "meeluistert, en wij moesten onze vrijwilligers goed voorbereiden op vertrouwelijkheid."
        ),
        "result": (
            "De meeste inwoners die met een sleutelpersoon kwamen, maakten het traject af. Op "
            "Orde wil de werkwijze voortzetten."
        ),
        "lesson": (
            "De eerste weken was er wederzijds wantrouwen: Op Orde twijfelde aan de "
            "professionaliteit van vrijwilligers, en wij voelden ons niet serieus genomen. Doordat "
            "beide partijen het belang van de inwoner voorop zetten, kwamen we daar doorheen. "
            "Hadden we het eerder hardop tegen elkaar gezegd, dan had het minder tijd gekost."
        ),
        "tip": (
            "Maak vooraf samen een korte lijst met afspraken over vertrouwelijkheid, die ook de "
            "sleutelpersoon ondertekent."
        ),
        "kind": "les",
        "occurred_on": "2024-12-10",
        "departments": ["zorg-en-welzijn-wmo", "werk-en-inkomen"],
        "partners": ["welzijn-samen-sterk", "schuldhulp-op-orde"],
        "conditions": {
            "vertrouwen-en-aanspreken": "ontbrak",
            "belang-van-het-geheel": "hielp",
        },
        "goals": ["eigen-kracht-en-participatie"],
        "tags": ["taalbarrière", "schuldhulp", "vrijwilligers"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    # --- 2025 ---------------------------------------------------------------------------
    {
        "author": "lotte",
        "title": "Een jaar ervaringen delen: wat de evaluaties ons leren",
        "situation": (
            "Na het eerste jaar met Rugzak hebben we de ingevoerde ervaringen met het kernteam "
            "geëvalueerd. Dezelfde knelpunten bleken bij alle drie de afdelingen terug te komen, "
            "vooral rond terugkoppeling en regie."
        ),
        "task": (
            "Als functioneel beheerder wilde ik laten zien wat de verzameling nu al oplevert, en "
            "waar we het vastleggen kunnen verbeteren."
        ),
        "approach": (
            "We hebben per kwartaal geteld welke randvoorwaarden als 'ontbrak' waren aangemerkt, "
            "en die uitkomsten in twee reflectiesessies besproken met medewerkers en partners. De "
            "evaluaties zijn daarna openlijk gedeeld op het intranet."
        ),
        "result": (
            "Drie acties staan nu op de toekomstagenda, waaronder een vaste terugkoppelroute naar "
            "partners. Daarna schreven meer collega's zelf een ervaring op."
        ),
        "lesson": (
            "Ervaringen worden pas waardevol als je ze samen bekijkt en de uitkomst terugkoppelt "
            "aan wie ze schreef. Juist het openlijk delen van wat nog niet goed gaat, zonder "
            "schuldvraag, zorgde ervoor dat mensen zich gehoord voelden en bleven schrijven."
        ),
        "tip": (
            "Bespreek de cijfers nooit los, maar altijd samen met twee of drie concrete ervaringen "
            "erbij."
        ),
        "kind": "les",
        "occurred_on": "2025-01-15",
        "departments": ["werk-en-inkomen", "zorg-en-welzijn-wmo", "jeugd-en-onderwijs"],
        "partners": [],
        "conditions": {
            "transparantie": "hielp",
            "gezamenlijk-doel-en-visie": "hielp",
        },
        "goals": ["integrale-toegang", "samenwerken-met-partners-in-de-wijk"],
        "tags": ["evaluatie"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "pieter",
        "title": "Samenwerkingsafspraken met school en jongerenwerk in co-creatie",
        "situation": (
            "Rond De Regenboog werkten het jongerenwerk van Samen Sterk, het wijkteam en de school "
            "met dezelfde kinderen en ouders, maar ieder met eigen afspraken en overleggen. Er lag "
            "wel een convenant, maar niemand op de werkvloer kende het."
        ),
        "task": (
            "We wilden samenwerkingsafspraken maken die de mensen in de praktijk zelf herkennen en "
            "gebruiken."
        ),
        "approach": (
            "In plaats van een nieuw convenant op het stadhuis te schrijven, organiseerden we drie "
            "werksessies in co-creatie met leerkrachten, jongerenwerkers en wijkteammedewerkers:\n"
            "- eerst samen het doel benoemen: eerder en lichter helpen\n"
            "- daarna per situatie uitwerken wie wat doet\n"
            "- alle afspraken op **één A4**"
        ),
        "result": (
            "Het A4 hangt nu in de teamkamer van de school en in het buurthuis. Bij de evaluatie "
            "na vier maanden gaven alle partners aan dat ze sneller wisten wie ze moesten bellen."
        ),
        "lesson": (
            "Afspraken die je samen maakt, worden ook samen nageleefd. Het begon bij een helder "
            "gezamenlijk doel; de verdeling van verantwoordelijkheden volgde daar bijna vanzelf "
            "uit. Kort en concreet werkt beter dan volledig."
        ),
        "tip": (
            "Houd de samenwerkingsafspraken op één A4 en plan meteen een datum voor de evaluatie."
        ),
        "kind": "succes",
        "occurred_on": "2025-02-06",
        "departments": ["jeugd-en-onderwijs", "zorg-en-welzijn-wmo"],
        "partners": ["basisschool-de-regenboog", "welzijn-samen-sterk"],
        "conditions": {
            "gezamenlijk-doel-en-visie": "hielp",
            "verantwoordelijkheden": "hielp",
        },
        "goals": ["van-zorg-naar-preventie", "samenwerken-met-partners-in-de-wijk"],
        "tags": ["co-creatie", "jongeren", "wijkteam"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "henk",
        "title": "Eén aanspreekpunt voor werkgevers vanuit UWV en gemeente",
        "situation": (
            "Werkgevers in de regio werden zowel door het UWV als door de gemeente gebeld over "
            "vacatures en plaatsingen, soms voor dezelfde functie. Een aantal werkgevers gaf aan "
            "daar moe van te worden."
        ),
        "task": (
            "We wilden werkgevers één aanspreekpunt bieden, ongeacht of een kandidaat een WW- of "
            "een bijstandsuitkering heeft."
        ),
        "approach": (
            "Met de werkgeversadviseurs van Werk en Inkomen hebben we de werkgevers verdeeld: elke "
            "werkgever heeft nu één vaste accountmanager, van het UWV of van de gemeente, die "
            "kandidaten van beide organisaties inbrengt. We spraken expliciet af dat plaatsingen "
            "in het gezamenlijke overleg niet meer per organisatie worden geteld."
        ),
        "result": (
            "Werkgevers zijn merkbaar positiever. Het aantal plaatsingen via het gezamenlijke "
            "werkgeversteam steeg in het eerste halfjaar."
        ),
        "lesson": (
            "Het loslaten van 'onze' kandidaten en 'onze' werkgevers was spannend. Het werkt alleen "
            "als je erop vertrouwt dat de ander ook jouw kandidaten serieus neemt. Dat vertrouwen "
            "ontstond doordat we elkaar wekelijks zagen en fouten gewoon benoemden."
        ),
        "tip": (
            "Spreek af dat je resultaten gezamenlijk rapporteert, dan verdwijnt de onderlinge "
            "concurrentie vanzelf."
        ),
        "kind": "succes",
        "occurred_on": "2025-03-12",
        "departments": ["werk-en-inkomen"],
        "partners": ["uwv"],
        "conditions": {
            "belang-van-het-geheel": "hielp",
            "vertrouwen-en-aanspreken": "hielp",
        },
        "goals": ["werk-boven-uitkering"],
        "tags": ["werkgevers", "re-integratie"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "sanne",
        "title": "Wachten op duidelijkheid over gegevensdeling tussen re-integratie en Wmo",
        "situation": (
            "Voor een inwoner in een re-integratietraject was het belangrijk te weten welke "
            "begeleiding Zorggroep De Brug vanuit de Wmo bood, zodat we de werkuren daarop konden "
            "afstemmen. Het duurde bijna zes weken voordat duidelijk was of en hoe we die "
            "informatie mochten uitwisselen."
        ),
        "task": (
            "Ik wilde het traject laten doorlopen zonder de privacy van de inwoner te schaden."
        ),
        "approach": (
            "We hebben de inwoner zelf om toestemming gevraagd en uitgenodigd voor een gezamenlijk "
            "gesprek met de begeleider van De Brug. Intussen hebben we de privacy-officer om een "
            "werkinstructie gevraagd."
        ),
        "result": (
            "Het driegesprek werkte goed; de inwoner vond het prettig om één keer het verhaal te "
            "vertellen. De werkinstructie is er nog steeds niet."
        ),
        "lesson": (
            "De rolverdeling tussen werkcoach en begeleider was helder, maar niemand wist wat we "
            "elkaar over de voortgang mochten laten weten. Een gesprek mét de inwoner is vaak "
            "sneller en beter dan informatie over de inwoner uitwisselen. Toch hebben we ook een "
            "duidelijke afspraak nodig over wat wél mag, anders blijft iedereen op veilig spelen."
        ),
        "tip": (
            "Twijfel je over gegevensdeling? Nodig de inwoner uit voor een driegesprek in plaats "
            "van te wachten."
        ),
        "kind": "knelpunt",
        "occurred_on": "2025-04-09",
        "departments": ["werk-en-inkomen", "zorg-en-welzijn-wmo"],
        "partners": ["zorggroep-de-brug"],
        "conditions": {
            "verantwoordelijkheden": "hielp",
            "transparantie": "ontbrak",
        },
        "goals": ["werk-boven-uitkering", "eigen-kracht-en-participatie"],
        "tags": ["privacy", "gegevensdeling", "re-integratie"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "youssef",
        "title": "Samen op huisbezoek met de woonconsulent bij huurachterstand",
        "situation": (
            "Woonstichting Thuis zag bij een huurder een oplopende huurachterstand en signalen van "
            "vereenzaming. Vroeger stuurde de woonstichting dan een aanmaning en kwamen wij pas in "
            "beeld bij een dreigende ontruiming."
        ),
        "task": (
            "We wilden eerder samen in beeld zijn, zodat een ontruiming voorkomen kon worden."
        ),
        "approach": (
            "De woonconsulent belde mij en we gingen binnen een week samen op huisbezoek. Vooraf "
            "bespraken we wie welk deel van het gesprek voert, en achteraf lieten we elkaar binnen "
            "twee dagen weten wat we hadden uitgezet."
        ),
        "result": (
            "Er is een betalingsregeling getroffen en de huurder gaat nu wekelijks naar een "
            "ontmoetingsgroep in de wijk. Een ontruimingsprocedure was niet nodig."
        ),
        "lesson": (
            "Een vroeg huisbezoek samen met de woonconsulent werkt veel beter dan twee losse "
            "trajecten. Het lukte omdat we elkaar vertrouwden om open te zijn over wat we zagen, "
            "en omdat we de voortgang actief met elkaar deelden."
        ),
        "tip": (
            "Vraag de woonstichting om al bij twee maanden huurachterstand te bellen, niet pas bij "
            "vier."
        ),
        "kind": "succes",
        "occurred_on": "2025-05-20",
        "departments": ["zorg-en-welzijn-wmo"],
        "partners": ["woonstichting-thuis"],
        "conditions": {
            "vertrouwen-en-aanspreken": "hielp",
            "transparantie": "hielp",
        },
        "goals": ["van-zorg-naar-preventie", "samenwerken-met-partners-in-de-wijk"],
        "tags": ["huisbezoek", "vroegsignalering", "eenzaamheid"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "marieke",
        "title": "Hoe houden we jongeren na hun 18e in beeld op weg naar werk?",
        "situation": (
            "Jongeren die uitstromen uit het praktijkonderwijs of het voortgezet speciaal onderwijs "
            "verdwijnen na hun 18e vaak uit beeld. Jeugd en Onderwijs heeft dan geen taak meer, "
            "Werk en Inkomen komt pas in beeld bij een uitkeringsaanvraag en het UWV alleen bij een "
            "indicatie."
        ),
        "task": (
            "We willen met Werk en Inkomen en het UWV onderzoeken hoe we een ononderbroken route "
            "naar werk of opleiding kunnen bieden."
        ),
        "approach": (
            "Als eerste verkenning hebben we alle overdrachtsmomenten op een rij gezet en bij elk "
            "moment gevraagd wie er verantwoordelijk is. Bij de helft staat nu een vraagteken."
        ),
        "result": "",
        "lesson": (
            "We willen leren hoe andere gemeenten de verantwoordelijkheden rond de overgang van "
            "18-min naar 18-plus hebben verdeeld, en of een gezamenlijke jongerenregisseur werkt. "
            "Wie heeft hier ervaring mee?"
        ),
        "tip": "",
        "kind": "vraag",
        "occurred_on": "2025-06-18",
        "departments": ["jeugd-en-onderwijs", "werk-en-inkomen"],
        "partners": ["uwv"],
        "conditions": {
            "verantwoordelijkheden": "ontbrak",
        },
        "goals": ["werk-boven-uitkering", "integrale-toegang"],
        "tags": ["jongeren", "re-integratie", "overdracht"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "esra",
        "title": "Hoe houden we vrijwilligers betrokken in de participatiesamenleving?",
        "situation": (
            "In de participatiesamenleving wordt steeds meer gevraagd van vrijwilligers en "
            "mantelzorgers. Bij Samen Sterk zien we dat vrijwilligers die inwoners ondersteunen na "
            "een ziekenhuisopname afhaken, omdat ze het gevoel hebben gaten te vullen die de zorg "
            "laat liggen. Zorggroep De Brug en de gemeente rekenen intussen wel op hen."
        ),
        "task": (
            "We willen met de gemeente en De Brug bespreken wat redelijk is om van vrijwilligers "
            "te vragen."
        ),
        "approach": (
            "We hebben een rondetafelgesprek voorgesteld met vrijwilligers, wijkverpleging en "
            "Wmo-consulenten."
        ),
        "result": "",
        "lesson": (
            "We willen leren hoe we vrijwillige inzet zo organiseren dat die de zorg aanvult en "
            "niet vervangt. Daarvoor moet iedere partij verder kijken dan het eigen budget en de "
            "eigen wachtlijst. Hoe doen andere wijken dat?"
        ),
        "tip": "",
        "kind": "vraag",
        "occurred_on": "2025-07-03",
        "departments": ["zorg-en-welzijn-wmo"],
        "partners": ["welzijn-samen-sterk", "zorggroep-de-brug"],
        "conditions": {
            "belang-van-het-geheel": "ontbrak",
        },
        "goals": ["eigen-kracht-en-participatie", "samenwerken-met-partners-in-de-wijk"],
        "tags": ["vrijwilligers", "mantelzorg"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "pieter",
        "title": "Doorbraakaanpak: budgetgrenzen loslaten bij een vastgelopen situatie",
        "situation": (
            "Een gezin was al twee jaar bekend bij alle drie de afdelingen, Samen Sterk en Op "
            "Orde. Elke hulpvraag liep vast op een regel of een budget van een ander domein. We "
            "besloten de situatie in te brengen bij de doorbraakaanpak."
        ),
        "task": (
            "Het doel was om binnen zes weken één plan te hebben dat ook echt werd uitgevoerd, los "
            "van de vraag wie het betaalt."
        ),
        "approach": (
            "Onder leiding van een doorbraakregisseur zaten de betrokkenen samen met het gezin aan "
            "tafel. De regisseur kreeg mandaat om over domeinen heen te beslissen:\n"
            "- eerst de vraag van het gezin, dan pas de regels\n"
            "- kosten worden achteraf verrekend, niet vooraf\n"
            "- elke week een kort belrondje"
        ),
        "result": (
            "Binnen vijf weken was de situatie stabiel: een schuldenregeling, passende jeugdhulp en "
            "een begeleide stap naar vrijwilligerswerk. Alleen de terugkoppeling aan de partners "
            "bleef achter; Samen Sterk hoorde het resultaat pas via het gezin."
        ),
        "lesson": (
            "Mandaat en vertrouwen doen meer dan nog een overleg: als de regisseur mag beslissen "
            "en de afdelingen dat accepteren, gaat het snel. De valkuil is dat je na het succes "
            "vergeet de partners mee te nemen. Terugkoppeling hoort in het plan, niet achteraf."
        ),
        "tip": (
            "Leg bij de start vast wie aan welke partner terugkoppelt, en zet dat in het plan."
        ),
        "kind": "les",
        "occurred_on": "2025-08-27",
        "departments": ["jeugd-en-onderwijs", "zorg-en-welzijn-wmo", "werk-en-inkomen"],
        "partners": ["welzijn-samen-sterk", "schuldhulp-op-orde"],
        "conditions": {
            "vertrouwen-en-aanspreken": "hielp",
            "belang-van-het-geheel": "hielp",
            "transparantie": "ontbrak",
        },
        "goals": ["integrale-toegang"],
        "tags": ["doorbraakaanpak", "casusoverleg", "regie"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "sanne",
        "title": "Eén meldroute voor vroegsignalering van schulden",
        "situation": (
            "De gemeente ontvangt signalen over betalingsachterstanden van onder meer "
            "zorgverzekeraars, energieleveranciers en verhuurders. In de praktijk belden zowel wij "
            "als Op Orde soms dezelfde inwoner, en soms niemand."
        ),
        "task": (
            "Samen met Op Orde wilden we schulden aanpakken voordat ze problematisch worden, "
            "zonder elkaar in de weg te zitten."
        ),
        "approach": (
            "We hebben één afspraak gemaakt: Op Orde legt bij elk signaal het eerste contact, en "
            "schakelt ons in als er ook een vraag over inkomen of werk speelt. Elke week nemen we "
            "de lijst samen door."
        ),
        "result": (
            "Meer inwoners gaan na een signaal daadwerkelijk in gesprek. Wel bleek in het begin "
            "dat Op Orde ons werk nacontroleerde, en wij het hunne."
        ),
        "lesson": (
            "Het gedeelde doel, vroeg erbij zijn, was vanaf het begin helder en hielp enorm. Het "
            "nacontroleren liet zien dat we elkaar nog niet helemaal vertrouwden. Pas toen we dat "
            "in het wekelijkse overleg benoemden, stopte het dubbele werk."
        ),
        "tip": (
            "Houd de meldroute simpel: één partij legt het eerste contact. En spreek uit wat je "
            "van de ander verwacht."
        ),
        "kind": "les",
        "occurred_on": "2025-09-16",
        "departments": ["werk-en-inkomen"],
        "partners": ["schuldhulp-op-orde"],
        "conditions": {
            "gezamenlijk-doel-en-visie": "hielp",
            "vertrouwen-en-aanspreken": "ontbrak",
        },
        "goals": ["van-zorg-naar-preventie"],
        "tags": ["schuldhulp", "vroegsignalering"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "youssef",
        "title": "Wachtlijst bij de zorgaanbieder, en niemand die de tijd overbrugt",
        "situation": (
            "Een gezin met Wmo-begeleiding voor een ouder en jeugdhulp voor een kind stond "
            "maandenlang op de wachtlijst bij Zorggroep De Brug. De Wmo-consulent en de "
            "jeugdconsulent wachtten allebei op de zorgaanbieder, en de zorgaanbieder wachtte op "
            "capaciteit."
        ),
        "task": (
            "Ik wilde weten wie er verantwoordelijk is voor de overbrugging tijdens de wachttijd."
        ),
        "approach": (
            "Ik heb de situatie ingebracht in het casusoverleg. Daar bleek dat de contracten niets "
            "zeggen over overbruggingszorg, en dat de jeugdconsulent en ik allebei dachten dat de "
            "ander het contact onderhield."
        ),
        "result": (
            "De zorgaanbieder was open over de wachttijd en dacht mee over tijdelijke lichte "
            "ondersteuning. De vraag wie eigenaar is van de overbrugging staat nog open."
        ),
        "lesson": (
            "Op de samenwerking met De Brug kunnen we bouwen: ze waren eerlijk en wilden "
            "meedenken. Het probleem zit in de verdeling van verantwoordelijkheden tussen onze "
            "eigen afdelingen. Bij elke verwijzing naar een wachtlijst moet één consulent het "
            "aanspreekpunt blijven."
        ),
        "tip": (
            "Spreek bij een verwijzing naar een wachtlijst af wie van de gemeente het contact met "
            "het gezin houdt, en leg dat vast."
        ),
        "kind": "knelpunt",
        "occurred_on": "2025-10-08",
        "departments": ["zorg-en-welzijn-wmo", "jeugd-en-onderwijs"],
        "partners": ["zorggroep-de-brug"],
        "conditions": {
            "verantwoordelijkheden": "ontbrak",
            "vertrouwen-en-aanspreken": "hielp",
        },
        "goals": ["integrale-toegang"],
        "tags": ["wachtlijst", "casusoverleg"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": True,
    },
    {
        "author": "henk",
        "title": "Een jaar warme overdracht: wat ons samenwerkingstraject opleverde",
        "situation": (
            "Na de knelpunten over ontbrekende terugkoppeling zijn UWV, Werk en Inkomen en Op Orde "
            "een samenwerkingstraject gestart. De kern is een warme overdracht: wanneer de WW "
            "afloopt, voeren we samen een overdrachtsgesprek met de werkzoekende."
        ),
        "task": (
            "Na een jaar wilden we samen evalueren wat het samenwerkingstraject heeft opgeleverd."
        ),
        "approach": (
            "We hebben de ervaringen van werkcoaches, UWV-adviseurs en schuldhulpverleners "
            "opgehaald en in een gezamenlijke sessie besproken. Ook werkzoekenden zijn gevraagd "
            "naar hun ervaring."
        ),
        "result": (
            "Werkzoekenden waarderen het dat ze hun verhaal niet opnieuw hoeven te vertellen. "
            "Dubbele intakes komen vrijwel niet meer voor, en schulden worden eerder gezien."
        ),
        "lesson": (
            "Het samenwerkingstraject werkte doordat we elk kwartaal openlijk terugkoppelden wat "
            "goed ging en wat niet, ook als dat ongemakkelijk was. Daarnaast hielp het dat we de "
            "resultaten niet per organisatie toerekenen, maar samen."
        ),
        "tip": (
            "Koppel elk kwartaal terug, ook als er weinig nieuws is. Stilte wordt al snel uitgelegd "
            "als desinteresse."
        ),
        "kind": "les",
        "occurred_on": "2025-11-19",
        "departments": ["werk-en-inkomen"],
        "partners": ["uwv", "schuldhulp-op-orde"],
        "conditions": {
            "transparantie": "hielp",
            "belang-van-het-geheel": "hielp",
        },
        "goals": ["werk-boven-uitkering"],
        "tags": ["overdracht", "re-integratie", "schuldhulp"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "marieke",
        "title": "Oudercafé op De Regenboog maakt het wijkteam zichtbaar",
        "situation": (
            "Veel ouders van De Regenboog wisten niet dat er een wijkteam bestaat, of dachten dat "
            "het wijkteam er alleen is 'als het echt misgaat'. Daardoor kwamen vragen over "
            "opvoeden pas laat bij ons terecht."
        ),
        "task": (
            "We wilden het wijkteam laagdrempelig bekendmaken bij ouders, samen met de school en "
            "het welzijnswerk."
        ),
        "approach": (
            "Samen met de intern begeleider en een opbouwwerker van Samen Sterk organiseren we "
            "eens per maand een oudercafé op school. Een jeugdconsulent en een wijkteammedewerker "
            "schuiven aan, zonder agenda."
        ),
        "result": (
            "Er komen gemiddeld vijftien ouders. Meerdere ouders hebben daarna zelf contact gezocht "
            "met het wijkteam over een lichte opvoedvraag."
        ),
        "lesson": (
            "Preventie begint met elkaar kennen. Omdat school, welzijn en gemeente hetzelfde doel "
            "voor ogen hadden en erop vertrouwden dat ieder de eigen rol speelt, voelde het voor "
            "ouders als één team."
        ),
        "tip": (
            "Laat de school de uitnodiging versturen: ouders vertrouwen de school meer dan de "
            "gemeente."
        ),
        "kind": "succes",
        "occurred_on": "2025-12-04",
        "departments": ["jeugd-en-onderwijs", "zorg-en-welzijn-wmo"],
        "partners": ["basisschool-de-regenboog", "welzijn-samen-sterk"],
        "conditions": {
            "gezamenlijk-doel-en-visie": "hielp",
            "vertrouwen-en-aanspreken": "hielp",
        },
        "goals": ["van-zorg-naar-preventie", "samenwerken-met-partners-in-de-wijk"],
        "tags": ["wijkteam", "jongeren"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    # --- 2026 ---------------------------------------------------------------------------
    {
        "author": "esra",
        "title": "Buurtkamer als vaste plek voor wijkteams en woonconsulenten",
        "situation": (
            "In twee wijken hadden de wijkteams, de woonconsulenten van Woonstichting Thuis en "
            "onze opbouwwerkers elk een eigen spreekuur, op verschillende plekken. Inwoners wisten "
            "niet waar ze met hun vraag terechtkonden."
        ),
        "task": (
            "We wilden één plek in de wijk waar inwoners met al hun vragen binnen kunnen lopen."
        ),
        "approach": (
            "We hebben de buurtkamer ingericht als gezamenlijke werkplek en vooraf vastgelegd wie "
            "welke vragen oppakt:\n"
            "- Samen Sterk: ontmoeting, vrijwilligers en eerste vragen\n"
            "- wijkteam: zorg en ondersteuning\n"
            "- woonconsulent: wonen en huur\n"
            "- elke vrijdag een kwartier gezamenlijke terugkoppeling"
        ),
        "result": (
            "De buurtkamer trekt elke week nieuwe bezoekers, ook inwoners die nooit eerder hulp "
            "vroegen. Vragen over werk en inkomen worden direct doorgezet naar een werkcoach van "
            "de gemeente."
        ),
        "lesson": (
            "Doordat we vooraf de verantwoordelijkheden hadden verdeeld, liepen we elkaar niet "
            "voor de voeten. Het vaste terugkoppelmoment op vrijdag voorkomt dat vragen blijven "
            "liggen."
        ),
        "tip": (
            "Begin met een rolverdeling op papier, en pas die na drie maanden samen aan."
        ),
        "kind": "succes",
        "occurred_on": "2026-01-21",
        "departments": ["zorg-en-welzijn-wmo", "werk-en-inkomen"],
        "partners": ["welzijn-samen-sterk", "woonstichting-thuis"],
        "conditions": {
            "verantwoordelijkheden": "hielp",
            "transparantie": "hielp",
        },
        "goals": ["samenwerken-met-partners-in-de-wijk", "eigen-kracht-en-participatie"],
        "tags": ["wijkteam", "spreekuur", "eenzaamheid"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "pieter",
        "title": "Kunnen de drie afdelingen met één gezamenlijk plan werken?",
        "situation": (
            "Elke afdeling werkt met een eigen format: een ondersteuningsplan voor de Wmo, een "
            "hulpverleningsplan voor de jeugd en een plan van aanpak voor re-integratie. Bij "
            "gezinnen waar alle drie betrokken zijn, liggen er dus drie plannen. De bereidheid om "
            "dit samen op te lossen is groot, maar een gedeelde visie op wat 'één plan' moet "
            "betekenen ontbreekt nog."
        ),
        "task": (
            "Als kernteam willen we verkennen of één gezamenlijk plan mogelijk is binnen de Wmo "
            "2015, de Jeugdwet en de Participatiewet."
        ),
        "approach": (
            "We hebben de drie formats naast elkaar gelegd. Ongeveer twee derde van de vragen "
            "blijkt te overlappen."
        ),
        "result": "",
        "lesson": (
            "We willen leren welke wettelijke eisen echt per domein verschillen en welke vooral "
            "gewoonte zijn. Wie wil meedenken over een proef met één plan voor een klein aantal "
            "gezinnen?"
        ),
        "tip": "",
        "kind": "vraag",
        "occurred_on": "2026-02-12",
        "departments": ["jeugd-en-onderwijs", "zorg-en-welzijn-wmo", "werk-en-inkomen"],
        "partners": [],
        "conditions": {
            "belang-van-het-geheel": "hielp",
            "gezamenlijk-doel-en-visie": "ontbrak",
        },
        "goals": ["integrale-toegang"],
        "tags": ["regie", "casusoverleg"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "sanne",
        "title": "Leerwerkplekken voor jongeren zonder startkwalificatie",
        "situation": (
            "Een groep jongeren zonder startkwalificatie zat thuis, met een bijstandsuitkering of "
            "zonder inkomen. Jeugd en Onderwijs, het UWV en Werk en Inkomen hadden elk contact met "
            "een deel van deze jongeren, maar niemand met allemaal."
        ),
        "task": "We wilden samen een aanbod maken waarin leren en werken samengaan.",
        "approach": (
            "Met het UWV en de leerplicht- en RMC-consulenten van Jeugd en Onderwijs spraken we af "
            "wie de jongere benadert, wie een werkgever zoekt en wie de opleiding regelt. "
            "Werkgevers uit het gezamenlijke werkgeversteam stelden leerwerkplekken beschikbaar."
        ),
        "result": (
            "Vijftien jongeren zijn gestart op een leerwerkplek; de meesten volgen daarnaast een "
            "opleiding op niveau 1 of 2."
        ),
        "lesson": (
            "Het hielp dat de rolverdeling vooraf helder was en dat we elkaar vertrouwden vanuit "
            "eerdere trajecten. Een jongere haakt minder snel af met één vaste contactpersoon, ook "
            "als de organisatie achter de schermen wisselt. Het gaat om de jongeren, niet om welke "
            "organisatie ze 'heeft'."
        ),
        "tip": (
            "Geef elke jongere één contactpersoon, en laat de andere partijen via die persoon lopen."
        ),
        "kind": "succes",
        "occurred_on": "2026-03-05",
        "departments": ["werk-en-inkomen", "jeugd-en-onderwijs"],
        "partners": ["uwv"],
        "conditions": {
            "vertrouwen-en-aanspreken": "hielp",
            "verantwoordelijkheden": "hielp",
        },
        "goals": ["werk-boven-uitkering", "eigen-kracht-en-participatie"],
        "tags": ["jongeren", "re-integratie", "werkgevers"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "youssef",
        "title": "Maandelijks afstemmen met zorgaanbieder en woonstichting",
        "situation": (
            "Zorggroep De Brug, Woonstichting Thuis en ons team kwamen elkaar regelmatig tegen bij "
            "dezelfde huishoudens, maar hoorden pas van elkaar als er iets misging."
        ),
        "task": (
            "We wilden van losse telefoontjes naar een vast ritme van afstemming."
        ),
        "approach": (
            "Sinds begin dit jaar hebben we elke maand een overleg van een uur. We bespreken geen "
            "dossiers, maar patronen: waar lopen we tegenaan, wat zien we vaker, wat hebben we van "
            "elkaar nodig? Signalen over individuele huishoudens lopen via de bestaande route, met "
            "toestemming."
        ),
        "result": (
            "Er is minder dubbel werk en we weten beter wat de ander doet. Twee keer zijn signalen "
            "van vereenzaming eerder opgepakt."
        ),
        "lesson": (
            "Een vast terugkoppelmoment maakt het normaal om elkaar aan te spreken; je hoeft niet "
            "te wachten tot er een probleem is. Omdat we over patronen praten en niet over "
            "personen, blijft de privacy van inwoners ook goed geborgd."
        ),
        "tip": (
            "Zet steeds één vaste vraag op de agenda: wat hebben we deze maand van elkaar gemist?"
        ),
        "kind": "les",
        "occurred_on": "2026-04-16",
        "departments": ["zorg-en-welzijn-wmo"],
        "partners": ["zorggroep-de-brug", "woonstichting-thuis"],
        "conditions": {
            "transparantie": "hielp",
            "vertrouwen-en-aanspreken": "hielp",
        },
        "goals": ["van-zorg-naar-preventie"],
        "tags": ["vroegsignalering", "eenzaamheid"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    {
        "author": "marieke",
        "title": "Privacy als reden om niet te delen: wat mag wél?",
        "situation": (
            "In overleggen met school en zorgaanbieder hoorde ik vaak 'dat mag ik niet delen "
            "vanwege de AVG'. Soms klopte dat, maar lang niet altijd. Daardoor bleef belangrijke "
            "informatie over de ondersteuning van een leerling liggen, terwijl ouders geen bezwaar "
            "hadden tegen delen."
        ),
        "task": (
            "Ik wilde met de partners helder krijgen wat wel en niet mag, en wie wat bewaakt."
        ),
        "approach": (
            "We hielden een gezamenlijke werksessie met de privacy-adviseurs van de gemeente, de "
            "school en De Brug. Aan de hand van geanonimiseerde voorbeelden bepaalden we per "
            "situatie welke informatie nodig is, op welke grondslag, en wie om toestemming vraagt."
        ),
        "result": (
            "Er ligt nu een korte handreiking met vijf veelvoorkomende situaties. Iedere partij "
            "heeft een vaste contactpersoon voor privacyvragen."
        ),
        "lesson": (
            "Privacy werd als schild gebruikt, terwijl het eigenlijk ging om onzekerheid over "
            "verantwoordelijkheden. Toen duidelijk was wie toestemming vraagt en wie wat bewaart, "
            "durfden mensen meer te delen, in het belang van het kind en niet van de eigen "
            "organisatie."
        ),
        "tip": (
            "Vraag ouders aan het begin van de ondersteuning om toestemming, en leg vast voor "
            "welke partners die geldt."
        ),
        "kind": "les",
        "occurred_on": "2026-05-28",
        "departments": ["jeugd-en-onderwijs", "zorg-en-welzijn-wmo"],
        "partners": ["basisschool-de-regenboog", "zorggroep-de-brug"],
        "conditions": {
            "verantwoordelijkheden": "hielp",
            "belang-van-het-geheel": "hielp",
        },
        "goals": ["integrale-toegang", "van-zorg-naar-preventie"],
        "tags": ["privacy", "gegevensdeling", "jongeren"],
        "visibility": "intern",
        "status": "gepubliceerd",
        "anonymous": True,
    },
    {
        "author": "henk",
        "title": "Hoe meten we samen of de warme overdracht werkt?",
        "situation": (
            "De warme overdracht tussen UWV en gemeente loopt nu bijna twee jaar en iedereen is "
            "positief. Toch kunnen we nog niet laten zien wat het oplevert, omdat UWV en gemeente "
            "uitstroom elk op hun eigen manier registreren en succes verschillend definiëren."
        ),
        "task": (
            "We willen samen met Werk en Inkomen een paar gedeelde indicatoren kiezen."
        ),
        "approach": (
            "Eerste stap: beide organisaties hebben opgeschreven wat ze nu meten. De uitkomsten "
            "delen we in het volgende kwartaaloverleg."
        ),
        "result": "",
        "lesson": (
            "We willen leren welke indicatoren iets zeggen over de samenwerking zelf, en niet "
            "alleen over uitstroom naar werk. Hoe voorkomen we dat meten weer leidt tot tellen per "
            "organisatie? Partners die dit al doen: graag jullie ervaringen."
        ),
        "tip": "",
        "kind": "vraag",
        "occurred_on": "2026-08-20",
        "departments": ["werk-en-inkomen"],
        "partners": ["uwv"],
        "conditions": {
            "transparantie": "hielp",
            "gezamenlijk-doel-en-visie": "ontbrak",
        },
        "goals": ["werk-boven-uitkering", "samenwerken-met-partners-in-de-wijk"],
        "tags": ["overdracht", "evaluatie"],
        "visibility": "met_partners",
        "status": "gepubliceerd",
        "anonymous": False,
    },
    # --- drafts (only the author sees these) ----------------------------------------------
    {
        "author": "sanne",
        "title": "Wachttijd bij schuldhulp remt de stap naar werk",
        "situation": (
            "Sinds de zomer is de wachttijd voor een intake bij Op Orde opgelopen. Inwoners in een "
            "re-integratietraject wachten daardoor weken op een schuldenregeling, en werkgevers "
            "haken af zodra er loonbeslag dreigt."
        ),
        "task": "Ik wil uitzoeken wat we in de tussentijd samen kunnen doen.",
        "approach": (
            "Nog uit te werken. Eerste idee: een overbruggingsgesprek door de werkcoach samen met "
            "een vrijwillig schuldhulpmaatje uit de wijk."
        ),
        "result": "",
        "lesson": (
            "Voorlopig: het lijkt erop dat niemand zich eigenaar voelt van de wachttijd, omdat die "
            "bij een andere organisatie ligt. Dat wil ik eerst met Op Orde bespreken voordat ik "
            "dit publiceer."
        ),
        "tip": "",
        "kind": "knelpunt",
        "occurred_on": "2026-09-10",
        "departments": ["werk-en-inkomen", "zorg-en-welzijn-wmo"],
        "partners": ["schuldhulp-op-orde"],
        "conditions": {
            "verantwoordelijkheden": "ontbrak",
        },
        "goals": ["van-zorg-naar-preventie"],
        "tags": ["schuldhulp", "wachtlijst", "re-integratie"],
        "visibility": "intern",
        "status": "concept",
        "anonymous": False,
    },
    {
        "author": "youssef",
        "title": "Vrijwilligers geven mantelzorgers even lucht",
        "situation": (
            "Mantelzorgers die we spreken tijdens een keukentafelgesprek geven vaak aan dat ze "
            "overbelast zijn, maar formele respijtzorg voelt voor velen als een te grote stap. "
            "Samen Sterk heeft een groep vrijwilligers die graag een dagdeel overnemen."
        ),
        "task": (
            "Samen met Samen Sterk wilden we mantelzorgers een lichte vorm van ontlasting bieden."
        ),
        "approach": (
            "Bij elk keukentafelgesprek waarin mantelzorg speelt, bieden we nu actief een "
            "kennismaking met een vrijwilliger van Samen Sterk aan. De mantelzorgconsulent van "
            "Samen Sterk maakt de match."
        ),
        "result": "In de eerste maanden zijn meerdere matches gemaakt. Een evaluatie volgt.",
        "lesson": (
            "Het gedeelde doel, dat mantelzorgers het langer volhouden zonder zelf zorg nodig te "
            "hebben, maakte de afspraken eenvoudig. Nog aanvullen na de evaluatie."
        ),
        "tip": "",
        "kind": "succes",
        "occurred_on": "2026-10-22",
        "departments": ["zorg-en-welzijn-wmo"],
        "partners": ["welzijn-samen-sterk"],
        "conditions": {
            "gezamenlijk-doel-en-visie": "hielp",
        },
        "goals": ["eigen-kracht-en-participatie"],
        "tags": ["mantelzorg", "vrijwilligers", "keukentafelgesprek"],
        "visibility": "met_partners",
        "status": "concept",
        "anonymous": False,
    },
]

# Self-check (documentation only; verified by a throwaway script when this file was written):
# - 30 experiences: 28 gepubliceerd, 2 concept; 3 anonymous.
# - departments: werk-en-inkomen 19, zorg-en-welzijn-wmo 20, jeugd-en-onderwijs 13;
#   14 experiences involve two departments, 4 involve all three.
# - partners (experiences): uwv 7, welzijn-samen-sterk 8, zorggroep-de-brug 7,
#   woonstichting-thuis 4, basisschool-de-regenboog 4, schuldhulp-op-orde 7.
# - conditions among published (hielp/ontbrak): gezamenlijk-doel-en-visie 5/5,
#   verantwoordelijkheden 6/5, belang-van-het-geheel 6/4, vertrouwen-en-aanspreken 8/4,
#   transparantie 6/6.
# - share "ontbrak" among published condition tags: 2024 80%, 2025 26%, 2026 17%.
# - goals among published: integrale-toegang 9, eigen-kracht-en-participatie 6,
#   van-zorg-naar-preventie 9, werk-boven-uitkering 9, samenwerken-met-partners-in-de-wijk 8.
# - kinds among published: succes 8, knelpunt 6, les 9, vraag 5.
# - visibility: 12 intern (40%), 18 met_partners; every partner-authored experience is met_partners.

"""Words, places and sentence templates for the demo directory (see ``actors.demo``).

Data only: no Django import, no randomness. Everything the generator writes
comes from here, so the texts can be proofread in one place. Infinitive
phrases ("construire des puits") are used where the subject varies;
company and social-enterprise activities are in the third person singular.
"""

# Sentences are kept whole on one line so that they can be read and searched.
# ruff: noqa: E501

# Places ---------------------------------------------------------------------
# slug: weight (head offices), country, cities, landmarks. A city is
# (name, postcode, phone area, weight); the phone area is "4 50" for French
# numbers (04 50 .. .. ..) and "22" for Swiss ones (022 ... .. ..). Landmarks
# are given with their article ("du Salève") and name things ("Ateliers du
# Salève", "Transports Mont-Blanc Logistique").
TERRITORIES = {
    "haute-savoie": (
        26,
        "FR",
        [
            ("Annemasse", "74100", "4 50", 9),
            ("Annecy", "74000", "4 50", 6),
            ("Thonon-les-Bains", "74200", "4 50", 3),
            ("Saint-Julien-en-Genevois", "74160", "4 50", 2),
            ("Ambilly", "74100", "4 50", 1),
            ("Gaillard", "74240", "4 50", 1),
            ("Ville-la-Grand", "74100", "4 50", 1),
            ("Cluses", "74300", "4 50", 2),
            ("Bonneville", "74130", "4 50", 1),
            ("Sallanches", "74700", "4 50", 1),
            ("Évian-les-Bains", "74500", "4 50", 1),
            ("La Roche-sur-Foron", "74800", "4 50", 1),
            ("Reignier-Ésery", "74930", "4 50", 1),
            ("Chamonix-Mont-Blanc", "74400", "4 50", 1),
            ("Rumilly", "74150", "4 50", 1),
        ],
        [
            "du Salève",
            "du Mont-Blanc",
            "du Chablais",
            "du Genevois",
            "de l'Arve",
            "des Aravis",
            "des Voirons",
            "du Faucigny",
            "du Léman",
            "des Bornes",
            "du Semnoz",
            "du Môle",
            "de la Vallée Verte",
        ],
    ),
    "geneve": (
        20,
        "CH",
        [
            ("Genève", "1201", "22", 4),
            ("Genève", "1202", "22", 3),
            ("Genève", "1203", "22", 2),
            ("Genève", "1204", "22", 2),
            ("Genève", "1205", "22", 3),
            ("Genève", "1207", "22", 2),
            ("Genève", "1209", "22", 1),
            ("Carouge", "1227", "22", 2),
            ("Lancy", "1212", "22", 1),
            ("Vernier", "1214", "22", 1),
            ("Meyrin", "1217", "22", 2),
            ("Onex", "1213", "22", 1),
            ("Thônex", "1226", "22", 1),
            ("Plan-les-Ouates", "1228", "22", 1),
            ("Chêne-Bourg", "1225", "22", 1),
        ],
        [
            "du Léman",
            "du Rhône",
            "de l'Arve",
            "des Pâquis",
            "de Plainpalais",
            "des Bastions",
            "des Eaux-Vives",
            "de la Jonction",
            "de la Servette",
            "de Champel",
            "des Acacias",
        ],
    ),
    "ain": (
        7,
        "FR",
        [
            ("Ferney-Voltaire", "01210", "4 50", 3),
            ("Saint-Genis-Pouilly", "01630", "4 50", 2),
            ("Gex", "01170", "4 50", 2),
            ("Divonne-les-Bains", "01220", "4 50", 1),
            ("Bourg-en-Bresse", "01000", "4 74", 2),
            ("Oyonnax", "01100", "4 74", 1),
            ("Valserhône", "01200", "4 50", 1),
            ("Ambérieu-en-Bugey", "01500", "4 74", 1),
        ],
        ["du Pays de Gex", "du Bugey", "de la Bresse", "de la Dombes", "de la Valserine"],
    ),
    "vaud": (
        10,
        "CH",
        [
            ("Lausanne", "1003", "21", 3),
            ("Lausanne", "1004", "21", 2),
            ("Lausanne", "1005", "21", 1),
            ("Nyon", "1260", "22", 3),
            ("Morges", "1110", "21", 2),
            ("Gland", "1196", "22", 1),
            ("Renens", "1020", "21", 1),
            ("Vevey", "1800", "21", 1),
            ("Montreux", "1820", "21", 1),
            ("Yverdon-les-Bains", "1400", "24", 1),
        ],
        ["du Léman", "de Lavaux", "du Jorat", "de la Venoge", "de la Côte", "de la Riviera"],
    ),
    "rhone": (
        10,
        "FR",
        [
            ("Lyon", "69001", "4 78", 2),
            ("Lyon", "69002", "4 78", 1),
            ("Lyon", "69003", "4 72", 2),
            ("Lyon", "69007", "4 72", 2),
            ("Lyon", "69009", "4 78", 1),
            ("Villeurbanne", "69100", "4 72", 2),
            ("Vénissieux", "69200", "4 78", 1),
            ("Vaulx-en-Velin", "69120", "4 78", 1),
            ("Caluire-et-Cuire", "69300", "4 78", 1),
            ("Villefranche-sur-Saône", "69400", "4 74", 1),
        ],
        ["du Rhône", "de la Saône", "de Fourvière", "du Beaujolais", "de la Croix-Rousse"],
    ),
    "isere": (
        6,
        "FR",
        [
            ("Grenoble", "38000", "4 76", 4),
            ("Échirolles", "38130", "4 76", 1),
            ("Saint-Martin-d'Hères", "38400", "4 76", 1),
            ("Meylan", "38240", "4 76", 1),
            ("Voiron", "38500", "4 76", 1),
            ("Vienne", "38200", "4 74", 1),
            ("Bourgoin-Jallieu", "38300", "4 74", 1),
        ],
        ["du Vercors", "de la Chartreuse", "de Belledonne", "du Grésivaudan", "du Dauphiné"],
    ),
    "savoie": (
        5,
        "FR",
        [
            ("Chambéry", "73000", "4 79", 4),
            ("Aix-les-Bains", "73100", "4 79", 2),
            ("Albertville", "73200", "4 79", 1),
            ("Saint-Jean-de-Maurienne", "73300", "4 79", 1),
        ],
        ["de la Maurienne", "de la Tarentaise", "des Bauges", "du Bourget", "de la Vanoise"],
    ),
    "loire": (
        2,
        "FR",
        [
            ("Saint-Étienne", "42000", "4 77", 3),
            ("Roanne", "42300", "4 77", 1),
            ("Montbrison", "42600", "4 77", 1),
        ],
        ["du Forez", "du Pilat", "du Roannais"],
    ),
    "drome": (
        1.5,
        "FR",
        [
            ("Valence", "26000", "4 75", 3),
            ("Montélimar", "26200", "4 75", 1),
            ("Romans-sur-Isère", "26100", "4 75", 1),
            ("Die", "26150", "4 75", 1),
        ],
        ["du Diois", "des Baronnies", "du Valentinois"],
    ),
    "ardeche": (
        1,
        "FR",
        [
            ("Privas", "07000", "4 75", 1),
            ("Annonay", "07100", "4 75", 1),
            ("Aubenas", "07200", "4 75", 1),
        ],
        ["du Vivarais", "des Cévennes", "de l'Ardèche"],
    ),
    "puy-de-dome": (
        2,
        "FR",
        [
            ("Clermont-Ferrand", "63000", "4 73", 4),
            ("Riom", "63200", "4 73", 1),
            ("Issoire", "63500", "4 73", 1),
            ("Thiers", "63300", "4 73", 1),
        ],
        ["des Dômes", "du Sancy", "du Livradois", "des Combrailles"],
    ),
    "allier": (
        0.6,
        "FR",
        [
            ("Moulins", "03000", "4 70", 1),
            ("Vichy", "03200", "4 70", 1),
            ("Montluçon", "03100", "4 70", 1),
        ],
        ["du Bourbonnais", "de la Sioule"],
    ),
    "cantal": (
        0.4,
        "FR",
        [("Aurillac", "15000", "4 71", 2), ("Saint-Flour", "15100", "4 71", 1)],
        ["du Cantal", "de l'Aubrac", "du Carladès"],
    ),
    "haute-loire": (
        0.5,
        "FR",
        [("Le Puy-en-Velay", "43000", "4 71", 2), ("Yssingeaux", "43200", "4 71", 1)],
        ["du Velay", "du Mézenc", "du Haut-Allier"],
    ),
    "jura-fr": (
        0.8,
        "FR",
        [
            ("Lons-le-Saunier", "39000", "3 84", 2),
            ("Dole", "39100", "3 84", 1),
            ("Saint-Claude", "39200", "3 84", 1),
        ],
        ["du Haut-Jura", "du Revermont", "de la Bienne"],
    ),
    "valais": (
        3,
        "CH",
        [
            ("Sion", "1950", "27", 3),
            ("Martigny", "1920", "27", 2),
            ("Monthey", "1870", "24", 1),
            ("Sierre", "3960", "27", 1),
        ],
        ["du Valais", "de l'Entremont", "du Val d'Hérens", "du Chablais valaisan"],
    ),
    "neuchatel": (
        2,
        "CH",
        [
            ("Neuchâtel", "2000", "32", 3),
            ("La Chaux-de-Fonds", "2300", "32", 2),
            ("Le Locle", "2400", "32", 1),
        ],
        ["des Trois-Lacs", "du Val-de-Travers", "du Val-de-Ruz"],
    ),
    "fribourg": (
        2,
        "CH",
        [("Fribourg", "1700", "26", 3), ("Bulle", "1630", "26", 2), ("Morat", "3280", "26", 1)],
        ["de la Gruyère", "de la Sarine", "de la Broye", "du Moléson"],
    ),
    "jura-ch": (
        1,
        "CH",
        [("Delémont", "2800", "32", 2), ("Porrentruy", "2900", "32", 1)],
        ["de l'Ajoie", "des Franches-Montagnes", "du Doubs"],
    ),
    "other-france": (
        1.5,
        "FR",
        [
            ("Paris", "75011", "1", 3),
            ("Paris", "75010", "1", 2),
            ("Marseille", "13001", "4 91", 1),
            ("Strasbourg", "67000", "3 88", 1),
            ("Besançon", "25000", "3 81", 1),
            ("Dijon", "21000", "3 80", 1),
        ],
        ["de l'Hexagone", "du Grand Est", "de la Méditerranée"],
    ),
    "other-switzerland": (
        1,
        "CH",
        [("Berne", "3011", "31", 2), ("Bâle", "4051", "61", 1), ("Zurich", "8001", "44", 1)],
        ["de l'Aar", "du Plateau", "de l'Emmental"],
    ),
}

# Extra territories an organisation declares beside its head office's.
NEIGHBOURS = {
    "haute-savoie": ["geneve", "ain", "savoie"],
    "geneve": ["haute-savoie", "vaud", "ain"],
    "ain": ["geneve", "haute-savoie"],
    "vaud": ["geneve", "valais", "fribourg"],
    "rhone": ["isere", "ain", "loire"],
    "isere": ["rhone", "savoie", "drome"],
    "savoie": ["haute-savoie", "isere"],
    "loire": ["rhone", "haute-loire"],
    "drome": ["ardeche", "isere"],
    "ardeche": ["drome", "haute-loire"],
    "puy-de-dome": ["allier", "cantal"],
    "allier": ["puy-de-dome"],
    "cantal": ["puy-de-dome", "haute-loire"],
    "haute-loire": ["puy-de-dome", "loire"],
    "jura-fr": ["ain", "jura-ch"],
    "valais": ["vaud", "haute-savoie"],
    "neuchatel": ["jura-ch", "vaud", "fribourg"],
    "fribourg": ["vaud", "neuchatel"],
    "jura-ch": ["neuchatel", "jura-fr"],
    "other-france": [],
    "other-switzerland": ["vaud"],
}

FRENCH_STREETS = [
    "rue de la République",
    "avenue de la Gare",
    "rue du Commerce",
    "place de l'Hôtel-de-Ville",
    "rue des Écoles",
    "chemin des Vignes",
    "rue Victor-Hugo",
    "avenue Jean-Jaurès",
    "rue de la Paix",
    "rue des Tilleuls",
    "rue du Parc",
    "rue Jules-Ferry",
    "rue Pasteur",
    "avenue de la Libération",
    "rue du Moulin",
    "allée des Cerisiers",
    "rue des Artisans",
    "avenue de Genève",
    "rue de l'Industrie",
    "chemin du Pré-Vert",
    "rue du Faubourg",
    "boulevard du Lac",
    "rue des Fontaines",
    "impasse des Érables",
]
SWISS_STREETS = [
    "Rue de la Gare",
    "Avenue de la Gare",
    "Route du Lac",
    "Rue du Collège",
    "Place du Marché",
    "Rue Centrale",
    "Chemin des Vignes",
    "Rue des Alpes",
    "Avenue du Léman",
    "Route de Chêne",
    "Rue de Carouge",
    "Avenue de France",
    "Chemin des Crêts",
    "Rue de Lausanne",
    "Route de Meyrin",
    "Rue du Simplon",
    "Chemin du Pré-Fleuri",
    "Rue de l'Industrie",
    "Chemin de la Forêt",
    "Rue des Moulins",
]

# Countries of intervention: ISO code -> (name, preposition), for "au Burkina Faso".
COUNTRIES = {
    "BF": ("Burkina Faso", "au"),
    "SN": ("Sénégal", "au"),
    "MG": ("Madagascar", "à"),
    "BJ": ("Bénin", "au"),
    "HT": ("Haïti", "en"),
    "LB": ("Liban", "au"),
    "CM": ("Cameroun", "au"),
    "MA": ("Maroc", "au"),
    "TG": ("Togo", "au"),
    "ML": ("Mali", "au"),
    "NE": ("Niger", "au"),
    "GN": ("Guinée", "en"),
    "CI": ("Côte d'Ivoire", "en"),
    "TN": ("Tunisie", "en"),
    "CD": ("République démocratique du Congo", "en"),
    "TD": ("Tchad", "au"),
    "RW": ("Rwanda", "au"),
    "ET": ("Éthiopie", "en"),
    "KE": ("Kenya", "au"),
    "MR": ("Mauritanie", "en"),
    "NP": ("Népal", "au"),
    "IN": ("Inde", "en"),
    "KH": ("Cambodge", "au"),
    "VN": ("Vietnam", "au"),
    "CO": ("Colombie", "en"),
    "PE": ("Pérou", "au"),
    "BO": ("Bolivie", "en"),
    "UA": ("Ukraine", "en"),
    "AM": ("Arménie", "en"),
    "SY": ("Syrie", "en"),
}
# Towns partner associations are named after ("Les Amis de Koudougou").
TOWNS = {
    "BF": ["Koudougou", "Ouahigouya", "Banfora", "Kaya", "Gaoua"],
    "SN": ["Thiès", "Ziguinchor", "Kolda", "Podor", "Tambacounda"],
    "MG": ["Antsirabe", "Fianarantsoa", "Toliara", "Mahajanga", "Ambositra"],
    "BJ": ["Abomey", "Parakou", "Natitingou", "Ouidah", "Djougou"],
    "HT": ["Jacmel", "Jérémie", "Hinche", "Les Cayes"],
    "LB": ["Tripoli", "Saïda", "Baalbek", "Zahlé"],
    "CM": ["Bafoussam", "Dschang", "Garoua", "Ngaoundéré"],
    "MA": ["Ouarzazate", "Essaouira", "Taroudant", "Azilal"],
    "TG": ["Kpalimé", "Sokodé", "Atakpamé", "Dapaong"],
    "ML": ["Ségou", "Mopti", "Kayes", "Sikasso"],
    "NE": ["Zinder", "Maradi", "Tahoua"],
    "GN": ["Kindia", "Labé", "Kankan"],
    "CI": ["Bouaké", "Korhogo", "Man"],
    "TN": ["Kairouan", "Gafsa", "Sidi Bouzid"],
    "CD": ["Bukavu", "Goma", "Kisangani"],
    "TD": ["Moundou", "Abéché", "Sarh"],
    "RW": ["Huye", "Musanze"],
    "ET": ["Gondar", "Dessie"],
    "KE": ["Kisumu", "Nakuru"],
    "MR": ["Kaédi", "Rosso"],
    "NP": ["Pokhara", "Gorkha"],
    "IN": ["Pondichéry", "Madurai"],
    "KH": ["Battambang", "Kampot"],
    "VN": ["Huế", "Cần Thơ"],
    "CO": ["Medellín", "Popayán"],
    "PE": ["Cuzco", "Ayacucho", "Puno"],
    "BO": ["Cochabamba", "Sucre", "Potosí"],
    "UA": ["Lviv", "Tchernihiv"],
    "AM": ["Gyumri", "Vanadzor"],
    "SY": ["Alep", "Homs"],
}

SURNAMES = [
    "Favre", "Dupraz", "Mermoud", "Bouvier", "Gavillet", "Chevallier", "Duret", "Perrin",
    "Curdy", "Jacquemoud", "Pittet", "Rochat", "Dubois", "Girard", "Mercier", "Bonnet",
    "Vuilleumier", "Baud", "Dunand", "Fontaine", "Carron", "Berthoud", "Vuagnat", "Mugnier",
    "Lachat", "Monnet", "Ducret", "Morel", "Garnier", "Chappuis", "Pasquier", "Crettenand",
    "Burnier", "Challande", "Reymond", "Jaccard", "Droz", "Meylan", "Pernet", "Tissot",
    "Collomb", "Rossier", "Deschamps", "Magnin", "Duchêne", "Excoffier", "Falquet", "Gaillard",
    "Mottier", "Sallaz",
]  # fmt: skip
# Coined brand names: a stem and an ending ("Alpitech", "Lémanova").
COINED_STEMS = [
    "Alpi", "Léma", "Arvé", "Savo", "Rhoda", "Helvé", "Dauphi", "Cimé", "Clari", "Lumi",
    "Nova", "Verti", "Sylva", "Aqua", "Terra", "Solé",
]  # fmt: skip
COINED_ENDINGS = ["tech", "soft", "nova", "data", "log", "via", "line", "sys", "lab", "com"]

# Organisations' own vocabulary -----------------------------------------------

SOLIDARITY_WORDS = [
    "Solidarité", "Partage", "Avenir", "Espoir", "Développement", "Action", "Horizons",
    "Ensemble", "Passerelle", "Coopération", "Alliance", "Entraide",
]  # fmt: skip
REGIONS = ["du Sahel", "du Sud", "des Tropiques", "d'Afrique", "des Grands Lacs", "du Fleuve"]
COLLECTIVES = ["Ensemble pour", "Agir pour", "Solidarité pour", "Unis pour", "Tous pour"]

# International solidarity themes: NGOs use them, and so do foundations,
# research centres, networks and international organisations for their cause.
# ``results`` are (template, low, high) with {n} drawn in [low, high].
THEMES = {
    "water": {
        "weight": 12,
        "domain": "l'accès à l'eau potable et à l'assainissement",
        "cause": "l'Eau",
        "cores": ["Eau Vive", "Puits", "Source", "Goutte d'Eau", "Fontaines", "Eau et Vie"],
        "offers": ["water-sanitation", "community-mobilisation", "project-management"],
        "offers_extra": [
            "construction-shelter",
            "health-medical",
            "training-capacity-building",
            "maintenance-repair",
            "renewable-energy",
        ],
        "sdgs": [6, 3],
        "sdgs_extra": [1, 5, 13, 17],
        "needs": [
            "logistics-supply-chain",
            "procurement",
            "renewable-energy",
            "fundraising",
            "transport",
            "data-analysis",
            "finance-accounting",
            "communication-marketing",
            "software-development",
        ],
        "countries": {
            "BF": 10,
            "SN": 6,
            "MG": 6,
            "BJ": 5,
            "ML": 4,
            "NE": 4,
            "TG": 4,
            "HT": 3,
            "CM": 3,
            "TD": 2,
            "MR": 2,
            "ET": 1,
        },
        "actions": [
            "construire et réhabiliter des forages et des puits",
            "former des comités villageois à la gestion de l'eau",
            "sensibiliser les familles aux gestes d'hygiène",
            "installer des latrines dans les écoles",
            "équiper les forages de pompes solaires",
        ],
        "results": [
            (
                "Depuis sa création, plus de {n} points d'eau ont été construits ou réhabilités.",
                40,
                400,
            ),
            (
                "Nos projets donnent aujourd'hui accès à l'eau potable à plus de {n} 000 personnes.",
                5,
                90,
            ),
            ("En {year}, {n} écoles ont été équipées de latrines et de lave-mains.", 6, 60),
        ],
        "cargo": [
            "des pompes solaires",
            "des kits de forage",
            "des filtres à eau",
            "des pièces détachées pour nos pompes",
        ],
        "project": [
            "notre programme d'accès à l'eau",
            "nos chantiers de forage",
            "le projet « Une école, un point d'eau »",
        ],
        "beneficiaries": ["les villages partenaires", "les écoles rurales", "les centres de santé"],
    },
    "education": {
        "weight": 14,
        "domain": "l'éducation des enfants et des jeunes",
        "cause": "l'Éducation",
        "cores": [
            "Graines d'Avenir",
            "Cartables du Monde",
            "Lire et Grandir",
            "École pour Tous",
            "Savoirs Partagés",
            "Plumes et Cahiers",
        ],
        "offers": ["education", "training-capacity-building", "project-management"],
        "offers_extra": [
            "child-protection",
            "digital-inclusion",
            "community-mobilisation",
            "gender-equality",
        ],
        "sdgs": [4, 10],
        "sdgs_extra": [5, 1, 17],
        "needs": [
            "it-infrastructure",
            "construction-shelter",
            "fundraising",
            "communication-marketing",
            "translation-interpreting",
            "logistics-supply-chain",
            "graphic-design-video",
            "software-development",
            "renewable-energy",
        ],
        "countries": {
            "SN": 8,
            "MG": 8,
            "BF": 7,
            "BJ": 7,
            "TG": 6,
            "CM": 5,
            "HT": 5,
            "MA": 4,
            "CI": 3,
            "NP": 3,
            "KH": 3,
            "IN": 2,
            "PE": 2,
            "GN": 2,
        },
        "actions": [
            "construire et équiper des salles de classe",
            "former des enseignants aux pédagogies actives",
            "distribuer des fournitures et des manuels scolaires",
            "ouvrir des bibliothèques villageoises",
            "accompagner la scolarisation des filles",
        ],
        "results": [
            (
                "Plus de {n} enfants suivent aujourd'hui leur scolarité dans les écoles que nous soutenons.",
                800,
                12000,
            ),
            ("Depuis {year}, {n} salles de classe ont été construites ou rénovées.", 12, 150),
            ("Chaque année, {n} enseignants participent à nos sessions de formation.", 30, 400),
        ],
        "cargo": [
            "du matériel scolaire",
            "des ordinateurs reconditionnés",
            "des manuels scolaires",
            "du mobilier pour nos classes",
        ],
        "project": [
            "notre programme de scolarisation",
            "nos bibliothèques villageoises",
            "le projet « Une classe pour chaque village »",
        ],
        "beneficiaries": [
            "les écoles partenaires",
            "les élèves",
            "les jeunes filles déscolarisées",
        ],
    },
    "health": {
        "weight": 12,
        "domain": "l'accès aux soins de santé",
        "cause": "la Santé",
        "cores": [
            "Santé Sud",
            "Soins Solidaires",
            "Maternité Solidaire",
            "Santé pour Tous",
            "Dispensaires du Monde",
            "Chaîne de Soins",
        ],
        "offers": ["health-medical", "training-capacity-building", "community-mobilisation"],
        "offers_extra": [
            "monitoring-evaluation",
            "water-sanitation",
            "gender-equality",
            "project-management",
        ],
        "sdgs": [3, 5],
        "sdgs_extra": [6, 1, 10],
        "needs": [
            "logistics-supply-chain",
            "procurement",
            "it-infrastructure",
            "data-analysis",
            "renewable-energy",
            "quality-certification",
            "fundraising",
            "maintenance-repair",
            "insurance",
        ],
        "countries": {
            "BF": 7,
            "MG": 7,
            "BJ": 6,
            "CM": 6,
            "TG": 5,
            "HT": 5,
            "SN": 5,
            "ML": 4,
            "CD": 4,
            "GN": 3,
            "NE": 3,
            "NP": 2,
            "TD": 2,
            "RW": 2,
        },
        "actions": [
            "équiper des centres de santé ruraux",
            "former des agents de santé communautaires",
            "accompagner le suivi des grossesses et des accouchements",
            "organiser des campagnes de dépistage et de vaccination",
            "approvisionner les dispensaires en médicaments essentiels",
        ],
        "results": [
            ("En {year}, nos partenaires ont assuré plus de {n} consultations.", 3000, 60000),
            ("Nous soutenons aujourd'hui {n} centres de santé.", 4, 45),
            (
                "Plus de {n} agents de santé communautaires ont été formés depuis le début du programme.",
                40,
                900,
            ),
        ],
        "cargo": [
            "du matériel médical",
            "des médicaments essentiels",
            "des réfrigérateurs solaires",
            "des lits et du mobilier hospitalier",
        ],
        "project": [
            "notre programme de santé maternelle",
            "l'équipement des dispensaires",
            "nos campagnes de dépistage",
        ],
        "beneficiaries": [
            "les centres de santé partenaires",
            "les maternités rurales",
            "les dispensaires",
        ],
    },
    "agriculture": {
        "weight": 12,
        "domain": "la sécurité alimentaire et l'agriculture familiale",
        "cause": "la Terre",
        "cores": [
            "Terres Fertiles",
            "Graines et Récoltes",
            "Champs d'Espoir",
            "Jardins du Monde",
            "Sillons Solidaires",
            "Greniers Partagés",
        ],
        "offers": ["agriculture-food", "training-capacity-building", "environment-biodiversity"],
        "offers_extra": [
            "climate-adaptation",
            "employment-entrepreneurship",
            "water-sanitation",
            "microfinance",
        ],
        "sdgs": [2, 1],
        "sdgs_extra": [13, 15, 5, 12],
        "needs": [
            "logistics-supply-chain",
            "renewable-energy",
            "finance-accounting",
            "data-analysis",
            "maintenance-repair",
            "communication-marketing",
            "water-sanitation",
            "procurement",
            "quality-certification",
        ],
        "countries": {
            "BF": 9,
            "SN": 7,
            "MG": 7,
            "ML": 5,
            "NE": 4,
            "BJ": 4,
            "TG": 4,
            "HT": 3,
            "CM": 3,
            "MA": 3,
            "PE": 2,
            "BO": 2,
            "ET": 2,
            "RW": 2,
        },
        "actions": [
            "accompagner des groupements de producteurs vers l'agroécologie",
            "créer des banques de céréales villageoises",
            "développer le maraîchage irrigué",
            "former aux techniques de conservation des sols",
            "soutenir la transformation et la vente des récoltes",
        ],
        "results": [
            ("Plus de {n} familles paysannes ont adopté des pratiques agroécologiques.", 200, 8000),
            (
                "Les rendements des parcelles accompagnées ont progressé de {n} % en moyenne.",
                20,
                70,
            ),
            ("{n} groupements de producteurs sont aujourd'hui accompagnés.", 8, 120),
        ],
        "cargo": [
            "des semences et des outils agricoles",
            "des motopompes d'irrigation",
            "du matériel de transformation",
            "des kits d'irrigation goutte-à-goutte",
        ],
        "project": [
            "notre programme d'agroécologie",
            "nos banques de céréales",
            "le projet de maraîchage irrigué",
        ],
        "beneficiaries": [
            "les groupements de producteurs",
            "les coopératives agricoles",
            "les familles paysannes",
        ],
    },
    "energy": {
        "weight": 7,
        "domain": "l'accès à une énergie propre et abordable",
        "cause": "l'Énergie solaire",
        "cores": [
            "Soleil pour Tous",
            "Lumières du Sud",
            "Énergies Solidaires",
            "Solaire Partage",
            "Rayons d'Espoir",
        ],
        "offers": ["renewable-energy", "training-capacity-building", "project-management"],
        "offers_extra": ["climate-adaptation", "maintenance-repair", "employment-entrepreneurship"],
        "sdgs": [7, 13],
        "sdgs_extra": [9, 1, 4],
        "needs": [
            "procurement",
            "logistics-supply-chain",
            "transport",
            "finance-accounting",
            "legal-advice",
            "fundraising",
            "insurance",
            "quality-certification",
        ],
        "countries": {
            "BF": 7,
            "MG": 7,
            "SN": 5,
            "BJ": 5,
            "TG": 4,
            "ML": 4,
            "HT": 4,
            "CM": 3,
            "NE": 3,
            "TD": 2,
            "NP": 2,
        },
        "actions": [
            "électrifier des écoles et des centres de santé par le solaire",
            "former des techniciens locaux à l'installation et à l'entretien",
            "diffuser des foyers de cuisson améliorés",
            "créer des mini-réseaux solaires villageois",
        ],
        "results": [
            ("{n} bâtiments publics ont été équipés en énergie solaire depuis {year}.", 10, 220),
            ("Nos installations alimentent aujourd'hui près de {n} 000 personnes.", 2, 60),
            ("{n} techniciens solaires ont été formés et installés à leur compte.", 12, 250),
        ],
        "cargo": [
            "des panneaux solaires",
            "des batteries et des onduleurs",
            "des lampes solaires",
            "du matériel électrique",
        ],
        "project": [
            "notre programme d'électrification solaire",
            "le projet de mini-réseaux villageois",
            "nos formations de techniciens solaires",
        ],
        "beneficiaries": ["les écoles rurales", "les centres de santé", "les villages partenaires"],
    },
    "children": {
        "weight": 9,
        "domain": "la protection et les droits de l'enfant",
        "cause": "l'Enfance",
        "cores": [
            "Enfants du Fleuve",
            "Enfance et Avenir",
            "Petits Pas",
            "Sourires d'Enfants",
            "Grandir Ensemble",
            "Main dans la Main",
        ],
        "offers": ["child-protection", "education", "community-mobilisation"],
        "offers_extra": ["human-rights", "health-medical", "advocacy", "culture-sport"],
        "sdgs": [16, 4],
        "sdgs_extra": [3, 1, 10],
        "needs": [
            "legal-advice",
            "human-resources",
            "fundraising",
            "communication-marketing",
            "graphic-design-video",
            "data-analysis",
            "cybersecurity",
            "translation-interpreting",
            "construction-shelter",
        ],
        "countries": {
            "MG": 6,
            "SN": 6,
            "BF": 5,
            "HT": 6,
            "CM": 5,
            "BJ": 5,
            "TG": 4,
            "CD": 4,
            "IN": 3,
            "KH": 3,
            "NP": 2,
            "CO": 2,
            "LB": 2,
        },
        "actions": [
            "accueillir des enfants des rues dans des centres de jour",
            "accompagner le retour des enfants dans leur famille",
            "former les travailleurs sociaux à la protection de l'enfance",
            "faciliter l'accès à l'état civil et à l'école",
        ],
        "results": [
            ("Chaque année, plus de {n} enfants sont accueillis et accompagnés.", 150, 5000),
            ("{n} enfants ont retrouvé leur famille depuis {year}.", 40, 1500),
            (
                "Nos partenaires ont obtenu {n} actes de naissance pour des enfants qui n'en avaient pas.",
                100,
                3000,
            ),
        ],
        "cargo": [
            "du matériel éducatif",
            "des fournitures pour nos centres d'accueil",
            "des kits d'hygiène",
        ],
        "project": [
            "nos centres d'accueil de jour",
            "notre programme de réinsertion familiale",
            "le projet « Un nom, une école »",
        ],
        "beneficiaries": ["les enfants accueillis", "les familles", "les centres d'accueil"],
    },
    "women": {
        "weight": 8,
        "domain": "l'autonomie économique des femmes",
        "cause": "les Femmes",
        "cores": [
            "Femmes Debout",
            "Elles Entreprennent",
            "Tisseuses d'Avenir",
            "Mains de Femmes",
            "Voix de Femmes",
        ],
        "offers": ["gender-equality", "employment-entrepreneurship", "training-capacity-building"],
        "offers_extra": ["microfinance", "human-rights", "advocacy", "agriculture-food"],
        "sdgs": [5, 8],
        "sdgs_extra": [10, 1, 4],
        "needs": [
            "finance-accounting",
            "legal-advice",
            "communication-marketing",
            "software-development",
            "fundraising",
            "data-analysis",
            "procurement",
            "graphic-design-video",
        ],
        "countries": {
            "SN": 7,
            "BF": 6,
            "MA": 6,
            "BJ": 5,
            "TG": 4,
            "CM": 4,
            "ML": 4,
            "MG": 4,
            "TN": 3,
            "NE": 3,
            "IN": 2,
            "HT": 2,
            "GN": 2,
        },
        "actions": [
            "former des femmes à la gestion d'une activité génératrice de revenus",
            "accompagner des coopératives de femmes",
            "lutter contre les violences faites aux femmes",
            "ouvrir des centres d'alphabétisation pour adultes",
        ],
        "results": [
            ("Plus de {n} femmes ont créé ou développé leur activité avec notre appui.", 120, 4500),
            ("Nous accompagnons {n} coopératives féminines.", 5, 90),
            ("Le revenu moyen des femmes accompagnées a progressé de {n} % en deux ans.", 20, 80),
        ],
        "cargo": [
            "des machines à coudre",
            "du matériel de transformation alimentaire",
            "des équipements pour nos coopératives",
        ],
        "project": [
            "notre programme d'autonomisation des femmes",
            "nos coopératives féminines",
            "le projet « Elles entreprennent »",
        ],
        "beneficiaries": [
            "les coopératives de femmes",
            "les femmes accompagnées",
            "les groupements féminins",
        ],
    },
    "emergency": {
        "weight": 6,
        "domain": "l'aide humanitaire d'urgence et la reconstruction",
        "cause": "l'Urgence",
        "cores": [
            "Relais Humanitaire",
            "Urgence Solidarité",
            "Abri Solidaire",
            "Premiers Secours",
            "Reconstruire Ensemble",
        ],
        "offers": ["humanitarian-emergency", "logistics-supply-chain", "health-medical"],
        "offers_extra": [
            "construction-shelter",
            "water-sanitation",
            "migration-refugees",
            "project-management",
        ],
        "sdgs": [1, 3, 11],
        "sdgs_extra": [2, 6, 16],
        "needs": [
            "transport",
            "procurement",
            "it-infrastructure",
            "insurance",
            "human-resources",
            "risk-compliance",
            "finance-accounting",
            "communication-marketing",
            "data-analysis",
        ],
        "countries": {
            "LB": 8,
            "HT": 8,
            "UA": 8,
            "SY": 5,
            "TD": 4,
            "CD": 4,
            "ML": 3,
            "BF": 3,
            "NE": 3,
            "ET": 2,
            "AM": 2,
        },
        "actions": [
            "distribuer des kits d'urgence aux familles sinistrées",
            "reconstruire des logements et des écoles",
            "rétablir l'accès à l'eau après une catastrophe",
            "apporter un soutien psychosocial aux personnes déplacées",
        ],
        "results": [
            ("En {year}, plus de {n} familles ont reçu une aide d'urgence.", 500, 25000),
            ("{n} logements ont été reconstruits avec des techniques parasismiques.", 20, 900),
            ("Nos équipes peuvent se déployer en moins de {n} heures.", 24, 72),
        ],
        "cargo": [
            "des kits d'urgence",
            "des tentes et des bâches",
            "du matériel médical",
            "des générateurs",
        ],
        "project": [
            "notre réponse d'urgence",
            "le programme de reconstruction",
            "nos distributions d'urgence",
        ],
        "beneficiaries": [
            "les familles déplacées",
            "les écoles sinistrées",
            "les centres d'accueil",
        ],
    },
    "entrepreneurship": {
        "weight": 7,
        "domain": "l'entrepreneuriat et l'inclusion financière",
        "cause": "l'Entrepreneuriat",
        "cores": [
            "Entreprendre au Sud",
            "Tremplin Sud",
            "Épargne et Avenir",
            "Microcrédit Solidaire",
            "Initiatives Sud",
        ],
        "offers": ["microfinance", "employment-entrepreneurship", "training-capacity-building"],
        "offers_extra": ["finance-accounting", "gender-equality", "agriculture-food"],
        "sdgs": [8, 1],
        "sdgs_extra": [5, 10, 9],
        "needs": [
            "software-development",
            "data-analysis",
            "legal-advice",
            "risk-compliance",
            "communication-marketing",
            "quality-certification",
            "fundraising",
            "cybersecurity",
        ],
        "countries": {
            "SN": 7,
            "BF": 6,
            "BJ": 5,
            "TG": 5,
            "CM": 5,
            "MA": 5,
            "MG": 4,
            "CI": 4,
            "TN": 3,
            "HT": 2,
            "PE": 2,
            "BO": 2,
        },
        "actions": [
            "accompagner de jeunes porteurs de projets",
            "octroyer des microcrédits aux petits entrepreneurs",
            "former à la gestion et à la comptabilité",
            "animer des groupes d'épargne villageois",
        ],
        "results": [
            ("Plus de {n} micro-entreprises ont été créées avec notre accompagnement.", 150, 6000),
            ("Le taux de remboursement des prêts accordés dépasse {n} %.", 92, 98),
            ("{n} groupes d'épargne villageois sont actifs aujourd'hui.", 20, 600),
        ],
        "cargo": ["du matériel informatique", "des équipements pour nos incubateurs"],
        "project": [
            "notre programme d'incubation",
            "nos groupes d'épargne",
            "notre fonds de microcrédit",
        ],
        "beneficiaries": [
            "les entrepreneurs accompagnés",
            "les groupes d'épargne",
            "les jeunes porteurs de projets",
        ],
    },
    "environment": {
        "weight": 7,
        "domain": "la protection de l'environnement et l'adaptation au climat",
        "cause": "la Planète",
        "cores": [
            "Forêts Vivantes",
            "Terre et Climat",
            "Arbres de Vie",
            "Mangroves et Littoral",
            "Racines",
        ],
        "offers": ["environment-biodiversity", "climate-adaptation", "community-mobilisation"],
        "offers_extra": [
            "advocacy",
            "agriculture-food",
            "renewable-energy",
            "waste-circular-economy",
        ],
        "sdgs": [13, 15],
        "sdgs_extra": [14, 12, 6],
        "needs": [
            "data-analysis",
            "graphic-design-video",
            "carbon-accounting",
            "logistics-supply-chain",
            "fundraising",
            "software-development",
            "communication-marketing",
            "legal-advice",
        ],
        "countries": {
            "MG": 8,
            "SN": 6,
            "BF": 5,
            "CM": 4,
            "BJ": 4,
            "HT": 4,
            "MA": 3,
            "PE": 3,
            "CO": 3,
            "VN": 2,
            "KH": 2,
            "NP": 2,
        },
        "actions": [
            "replanter des forêts et des mangroves avec les communautés",
            "protéger des aires naturelles menacées",
            "accompagner l'adaptation des villages au changement climatique",
            "sensibiliser les jeunes à la préservation de la biodiversité",
        ],
        "results": [
            ("Plus de {n} 000 arbres ont été plantés et suivis depuis {year}.", 10, 900),
            ("{n} hectares de forêt et de mangrove sont aujourd'hui protégés.", 50, 5000),
            ("{n} villages ont élaboré leur plan d'adaptation au climat.", 5, 120),
        ],
        "cargo": [
            "des plants et du matériel de pépinière",
            "des stations météo",
            "du matériel de suivi écologique",
        ],
        "project": [
            "notre programme de reboisement",
            "la protection des mangroves",
            "les plans d'adaptation villageois",
        ],
        "beneficiaries": ["les villages riverains", "les écoles", "les comités de gestion"],
    },
    "rights": {
        "weight": 4,
        "domain": "la défense des droits humains",
        "cause": "la Dignité",
        "cores": [
            "Justice et Dignité",
            "Dignité Humaine",
            "Droits pour Tous",
            "Voix Libres",
            "Vigie Droits",
        ],
        "offers": ["human-rights", "advocacy", "legal-advice"],
        "offers_extra": [
            "training-capacity-building",
            "gender-equality",
            "migration-refugees",
            "responsible-sourcing",
        ],
        "sdgs": [16, 10],
        "sdgs_extra": [5, 8, 17],
        "needs": [
            "cybersecurity",
            "translation-interpreting",
            "communication-marketing",
            "fundraising",
            "it-infrastructure",
            "data-analysis",
            "graphic-design-video",
            "finance-accounting",
        ],
        "countries": {
            "HT": 5,
            "CD": 5,
            "CM": 4,
            "LB": 4,
            "CO": 4,
            "TN": 3,
            "GN": 3,
            "UA": 3,
            "IN": 2,
            "BO": 2,
        },
        "actions": [
            "documenter les violations des droits humains",
            "accompagner juridiquement les victimes",
            "former des défenseurs des droits et des journalistes",
            "porter un plaidoyer auprès des institutions internationales à Genève",
        ],
        "results": [
            ("{n} défenseurs des droits humains ont été formés depuis {year}.", 40, 900),
            ("Nos partenaires ont accompagné plus de {n} victimes devant la justice.", 50, 2000),
            (
                "Nous avons contribué à {n} rapports présentés au Conseil des droits de l'homme.",
                3,
                40,
            ),
        ],
        "cargo": ["du matériel informatique sécurisé", "des équipements de documentation"],
        "project": [
            "notre programme d'accompagnement juridique",
            "notre plaidoyer à Genève",
            "la formation des défenseurs",
        ],
        "beneficiaries": [
            "les défenseurs des droits",
            "les victimes accompagnées",
            "les associations partenaires",
        ],
    },
    "housing": {
        "weight": 4,
        "domain": "l'habitat digne et la construction durable",
        "cause": "l'Habitat",
        "cores": [
            "Toits du Monde",
            "Bâtir Ensemble",
            "Maisons de Terre",
            "Habitat Solidaire",
            "Briques et Partage",
        ],
        "offers": ["construction-shelter", "housing", "project-management"],
        "offers_extra": ["training-capacity-building", "climate-adaptation", "water-sanitation"],
        "sdgs": [11, 1],
        "sdgs_extra": [13, 6, 9],
        "needs": [
            "procurement",
            "transport",
            "logistics-supply-chain",
            "renewable-energy",
            "finance-accounting",
            "quality-certification",
            "maintenance-repair",
            "fundraising",
        ],
        "countries": {
            "HT": 6,
            "BF": 5,
            "SN": 5,
            "MA": 5,
            "MG": 4,
            "NP": 4,
            "CM": 3,
            "BJ": 3,
            "PE": 2,
            "LB": 2,
        },
        "actions": [
            "construire des logements en matériaux locaux",
            "former des artisans maçons à l'écoconstruction",
            "réhabiliter des écoles et des centres communautaires",
            "concevoir des bâtiments résistants aux intempéries",
        ],
        "results": [
            ("{n} logements ont été construits ou réhabilités depuis {year}.", 30, 1200),
            ("{n} artisans ont été formés aux techniques de construction en terre.", 20, 500),
            ("Nos chantiers-écoles accueillent chaque année {n} apprentis.", 10, 150),
        ],
        "cargo": [
            "des outils de construction",
            "des presses à briques de terre",
            "du matériel de chantier",
        ],
        "project": [
            "nos chantiers-écoles",
            "le programme de reconstruction",
            "le projet d'habitat en terre",
        ],
        "beneficiaries": ["les familles", "les artisans", "les écoles"],
    },
}

# Local associations: what they do near home.
LOCAL_THEMES = {
    "insertion": {
        "weight": 14,
        "domain": "l'accès à l'emploi des personnes qui en sont éloignées",
        "names": [
            "Tremplin {L}",
            "Passerelle Emploi {dL}",
            "Rebond {L}",
            "Parcours {L}",
            "Objectif Emploi {city_de}",
            "Cap Avenir {L}",
        ],
        "offers": [
            "employment-entrepreneurship",
            "training-capacity-building",
            "community-mobilisation",
        ],
        "offers_extra": ["human-resources", "digital-inclusion", "local-development"],
        "sdgs": [8, 10],
        "sdgs_extra": [1, 4],
        "needs": [
            "communication-marketing",
            "human-resources",
            "finance-accounting",
            "it-infrastructure",
            "event-organisation",
            "legal-advice",
            "fundraising",
        ],
        "actions": [
            "accompagner les demandeurs d'emploi dans leur recherche",
            "organiser des ateliers CV et des simulations d'entretien",
            "mettre en relation les candidats avec les entreprises du territoire",
            "proposer des parrainages par des professionnels",
        ],
        "results": [
            ("Plus de {n} personnes sont accompagnées chaque année.", 60, 900),
            ("{n} % des personnes accompagnées retrouvent un emploi ou une formation.", 45, 75),
        ],
        "cargo": ["du matériel informatique", "des tenues professionnelles"],
        "project": ["notre programme de parrainage", "nos ateliers vers l'emploi"],
        "beneficiaries": ["les demandeurs d'emploi", "les jeunes", "les personnes accompagnées"],
    },
    "migrants": {
        "weight": 11,
        "domain": "l'accueil et l'intégration des personnes exilées",
        "names": [
            "Accueil {L}",
            "Terre d'Accueil {dL}",
            "Bienvenue {city_a}",
            "Ponts {L}",
            "Langues et Cultures {dL}",
            "Escale {L}",
        ],
        "offers": ["migration-refugees", "translation-interpreting", "community-mobilisation"],
        "offers_extra": ["education", "housing", "human-rights"],
        "sdgs": [10, 16],
        "sdgs_extra": [4, 1],
        "needs": [
            "legal-advice",
            "housing",
            "employment-entrepreneurship",
            "communication-marketing",
            "fundraising",
            "it-infrastructure",
            "finance-accounting",
        ],
        "actions": [
            "donner des cours de français langue étrangère",
            "accompagner les démarches administratives",
            "organiser des rencontres entre habitants et nouveaux arrivants",
            "aider à trouver un logement et un premier emploi",
        ],
        "results": [
            ("Nos bénévoles donnent plus de {n} heures de cours de français par an.", 400, 6000),
            ("{n} personnes exilées sont accompagnées chaque année.", 40, 800),
        ],
        "cargo": ["des ordinateurs pour nos cours", "du mobilier pour notre local"],
        "project": ["nos cours de français", "l'accompagnement des nouveaux arrivants"],
        "beneficiaries": ["les personnes exilées", "les familles accueillies", "les apprenants"],
    },
    "culture-sport": {
        "weight": 9,
        "domain": "le lien social par le sport et la culture",
        "names": [
            "Sport Ensemble {L}",
            "Maison des Cultures {dL}",
            "Scènes {dL}",
            "Ballon Solidaire {L}",
            "Arts et Liens {L}",
            "Cordée {L}",
        ],
        "offers": ["culture-sport", "community-mobilisation", "event-organisation"],
        "offers_extra": ["education", "communication-marketing"],
        "sdgs": [3, 10],
        "sdgs_extra": [11, 4],
        "needs": [
            "communication-marketing",
            "graphic-design-video",
            "fundraising",
            "event-organisation",
            "transport",
            "finance-accounting",
            "legal-advice",
        ],
        "actions": [
            "proposer des activités sportives aux jeunes des quartiers",
            "organiser des ateliers artistiques ouverts à tous",
            "faire découvrir la montagne à des publics qui n'y vont jamais",
            "animer un festival de quartier",
        ],
        "results": [
            ("Plus de {n} jeunes participent à nos activités chaque saison.", 80, 1200),
            ("Notre festival a réuni {n} spectateurs en {year}.", 400, 8000),
        ],
        "cargo": ["du matériel sportif", "du matériel de sonorisation"],
        "project": ["notre festival de quartier", "nos sorties en montagne"],
        "beneficiaries": ["les jeunes des quartiers", "les familles", "les habitants"],
    },
    "food": {
        "weight": 9,
        "domain": "l'aide alimentaire et la lutte contre le gaspillage",
        "names": [
            "Épicerie Solidaire {dL}",
            "Panier Solidaire {L}",
            "Frigo Solidaire {city_de}",
            "Tables Partagées {L}",
            "Récolte Solidaire {L}",
        ],
        "offers": ["agriculture-food", "community-mobilisation", "waste-circular-economy"],
        "offers_extra": ["logistics-supply-chain", "employment-entrepreneurship"],
        "sdgs": [2, 1],
        "sdgs_extra": [12, 10],
        "needs": [
            "logistics-supply-chain",
            "transport",
            "maintenance-repair",
            "communication-marketing",
            "fundraising",
            "it-infrastructure",
            "finance-accounting",
        ],
        "actions": [
            "collecter les invendus des commerces et des producteurs",
            "tenir une épicerie solidaire à petits prix",
            "organiser des ateliers de cuisine anti-gaspillage",
            "distribuer des colis aux familles en difficulté",
        ],
        "results": [
            ("Nous redistribuons près de {n} tonnes de denrées par an.", 8, 400),
            ("{n} foyers fréquentent notre épicerie chaque mois.", 60, 900),
        ],
        "cargo": ["des denrées alimentaires", "des chambres froides", "des invendus"],
        "project": ["notre épicerie solidaire", "la collecte des invendus"],
        "beneficiaries": ["les familles bénéficiaires", "les étudiants", "les personnes âgées"],
    },
    "digital": {
        "weight": 7,
        "domain": "l'inclusion numérique",
        "names": [
            "Clic {L}",
            "Numérique pour Tous {dL}",
            "Connexions Solidaires {dL}",
            "Pixel {L}",
            "Souris Solidaire {L}",
        ],
        "offers": ["digital-inclusion", "training-capacity-building", "education"],
        "offers_extra": ["community-mobilisation", "it-infrastructure"],
        "sdgs": [4, 10],
        "sdgs_extra": [9, 8],
        "needs": [
            "it-infrastructure",
            "software-development",
            "cybersecurity",
            "communication-marketing",
            "fundraising",
            "maintenance-repair",
        ],
        "actions": [
            "animer des ateliers d'initiation à l'informatique",
            "aider les habitants dans leurs démarches en ligne",
            "reconditionner et prêter des ordinateurs",
            "former les seniors à l'usage du smartphone",
        ],
        "results": [
            ("Plus de {n} personnes ont suivi nos ateliers l'an dernier.", 100, 2000),
            ("{n} ordinateurs reconditionnés ont été remis à des familles.", 30, 900),
        ],
        "cargo": ["des ordinateurs à reconditionner", "des tablettes"],
        "project": ["nos ateliers numériques", "le prêt d'ordinateurs"],
        "beneficiaries": ["les seniors", "les demandeurs d'emploi", "les familles"],
    },
    "circular": {
        "weight": 8,
        "domain": "la réduction des déchets et la protection de la nature",
        "names": [
            "Repair Café {city_de}",
            "Zéro Déchet {L}",
            "Nature {dL}",
            "Jardins Partagés {dL}",
            "Objectif Réemploi {L}",
            "Colibris {L}",
        ],
        "offers": ["waste-circular-economy", "environment-biodiversity", "community-mobilisation"],
        "offers_extra": ["maintenance-repair", "education", "climate-adaptation"],
        "sdgs": [12, 13],
        "sdgs_extra": [15, 11],
        "needs": [
            "communication-marketing",
            "graphic-design-video",
            "event-organisation",
            "carbon-accounting",
            "fundraising",
            "legal-advice",
            "data-analysis",
        ],
        "actions": [
            "organiser des ateliers de réparation",
            "animer des jardins partagés en pied d'immeuble",
            "sensibiliser les écoles au tri et au compostage",
            "recenser et protéger la faune et la flore locales",
        ],
        "results": [
            ("{n} objets ont été réparés lors de nos ateliers l'an dernier.", 200, 3000),
            ("Nos bénévoles ont animé {n} ateliers en {year}.", 20, 250),
        ],
        "cargo": ["des outils de réparation", "des composteurs"],
        "project": ["nos ateliers de réparation", "nos jardins partagés"],
        "beneficiaries": ["les habitants", "les écoles", "les familles"],
    },
    "twinning": {
        "weight": 10,
        "domain": "l'amitié et la coopération avec {town}",
        "names": [
            "Les Amis {town_de}",
            "Amitié {L}-{town}",
            "Comité de jumelage {city}-{town}",
            "Solidarité {town}",
            "{L} pour {town}",
        ],
        "offers": ["community-mobilisation", "project-management", "education"],
        "offers_extra": ["water-sanitation", "health-medical", "culture-sport"],
        "sdgs": [17, 4],
        "sdgs_extra": [6, 3, 1],
        "needs": [
            "logistics-supply-chain",
            "transport",
            "fundraising",
            "communication-marketing",
            "finance-accounting",
            "renewable-energy",
            "it-infrastructure",
        ],
        "actions": [
            "soutenir l'école et le dispensaire de notre commune partenaire",
            "organiser des échanges entre jeunes",
            "financer de petits projets choisis par les habitants",
            "envoyer du matériel collecté dans la région",
        ],
        "results": [
            ("Depuis {year}, nous avons financé {n} projets choisis avec nos partenaires.", 6, 60),
            ("{n} jeunes ont participé à nos échanges.", 15, 300),
        ],
        "cargo": ["du matériel scolaire", "du matériel médical", "des ordinateurs reconditionnés"],
        "project": ["notre jumelage", "les projets de notre commune partenaire"],
        "beneficiaries": ["l'école partenaire", "le dispensaire", "les jeunes"],
    },
    "school": {
        "weight": 7,
        "domain": "la réussite scolaire",
        "names": [
            "Coup de Pouce {L}",
            "Soutien Scolaire {L}",
            "Lire et Écrire {dL}",
            "Parenthèse {L}",
            "Devoirs Faits {city_de}",
        ],
        "offers": ["education", "community-mobilisation", "child-protection"],
        "offers_extra": ["digital-inclusion", "culture-sport"],
        "sdgs": [4, 10],
        "sdgs_extra": [1, 5],
        "needs": [
            "it-infrastructure",
            "communication-marketing",
            "fundraising",
            "training-capacity-building",
            "finance-accounting",
            "event-organisation",
        ],
        "actions": [
            "proposer une aide aux devoirs après la classe",
            "accompagner les parents dans le suivi de la scolarité",
            "lutter contre l'illettrisme des adultes",
            "ouvrir les élèves à la culture scientifique",
        ],
        "results": [
            ("{n} élèves sont suivis par nos bénévoles chaque semaine.", 30, 500),
            ("Nos {n} bénévoles interviennent dans les écoles et les collèges.", 15, 180),
        ],
        "cargo": ["des ordinateurs", "des livres et des jeux éducatifs"],
        "project": ["l'aide aux devoirs", "notre programme contre l'illettrisme"],
        "beneficiaries": ["les élèves", "les familles", "les collégiens"],
    },
    "care": {
        "weight": 6,
        "domain": "l'entraide entre générations et le soutien aux plus fragiles",
        "names": [
            "Bien Vieillir {dL}",
            "Entraide {L}",
            "Voisins Solidaires {L}",
            "Aidants {dL}",
            "Fil d'Ariane {L}",
        ],
        "offers": ["health-medical", "community-mobilisation", "housing"],
        "offers_extra": ["digital-inclusion", "culture-sport"],
        "sdgs": [3, 10],
        "sdgs_extra": [1, 11],
        "needs": [
            "transport",
            "communication-marketing",
            "human-resources",
            "fundraising",
            "software-development",
            "legal-advice",
        ],
        "actions": [
            "rendre visite aux personnes âgées isolées",
            "soutenir les proches aidants",
            "organiser un transport solidaire vers les rendez-vous médicaux",
            "mettre en relation voisins et personnes fragiles",
        ],
        "results": [
            ("Nos bénévoles effectuent plus de {n} visites par an.", 300, 5000),
            ("{n} personnes isolées sont accompagnées régulièrement.", 25, 400),
        ],
        "cargo": ["un véhicule adapté", "du matériel d'animation"],
        "project": ["nos visites à domicile", "le transport solidaire"],
        "beneficiaries": ["les personnes âgées", "les aidants", "les habitants isolés"],
    },
}

# Company sectors. ``activity`` is in the third person ("accompagne ..."),
# ``business`` names what the company runs, ``gifts`` what it can give in kind.
SECTORS = {
    "logistics": {
        "weight": 9,
        "names": [
            "Transports {L} Logistique",
            "{L} Logistique",
            "Logistique {dL}",
            "Transports {surname}",
            "Transports {surname} et Fils",
            "{L} Fret",
            "Express {L}",
        ],
        "label": "de transport et de logistique",
        "activity": "transporte, stocke et distribue les marchandises d'industriels et de distributeurs",
        "offers": ["logistics-supply-chain", "transport", "procurement"],
        "offers_extra": ["maintenance-repair", "quality-certification", "it-infrastructure"],
        "sdgs": [9, 8],
        "sdgs_extra": [12, 13],
        "gifts": "des capacités de transport et d'entreposage",
        "business": "notre flotte de camions",
        "extra": [
            "Elle dispose de {n} 000 m² d'entrepôts et d'une flotte de poids lourds récents.",
            "Ses équipes organisent chaque semaine des départs groupés vers les ports de Marseille et d'Anvers.",
        ],
    },
    "it": {
        "weight": 10,
        "names": [
            "{L} Informatique",
            "{coined}",
            "{L} Numérique",
            "{coined} Services",
            "Groupe {surname} Informatique",
            "{L} Digital",
        ],
        "label": "de services numériques",
        "activity": "développe des logiciels et gère l'infrastructure informatique d'entreprises et de collectivités",
        "offers": ["software-development", "it-infrastructure", "cybersecurity"],
        "offers_extra": ["data-analysis", "project-management", "digital-inclusion"],
        "sdgs": [9, 4],
        "sdgs_extra": [8, 17],
        "gifts": "du matériel informatique reconditionné",
        "business": "nos centres de données",
        "extra": [
            "Elle héberge les données de ses clients dans deux centres de données en Suisse et en France.",
            "Ses développeurs travaillent en méthode agile et publient une partie de leur code en logiciel libre.",
        ],
    },
    "construction": {
        "weight": 7,
        "names": [
            "Constructions {surname}",
            "{surname} BTP",
            "{L} Bâtiment",
            "Charpentes {dL}",
            "Menuiserie {surname}",
            "Entreprise {surname} et Fils",
            "{L} Construction Bois",
        ],
        "label": "du bâtiment",
        "activity": "construit et rénove des logements, des écoles et des bâtiments publics",
        "offers": ["construction-shelter", "maintenance-repair", "project-management"],
        "offers_extra": ["quality-certification", "renewable-energy", "housing"],
        "sdgs": [9, 11],
        "sdgs_extra": [7, 8, 12],
        "gifts": "des matériaux et du matériel de chantier",
        "business": "nos chantiers",
        "extra": [
            "Elle est spécialisée dans la construction bois et la rénovation énergétique.",
            "Elle forme chaque année des apprentis charpentiers et maçons.",
        ],
    },
    "energy": {
        "weight": 6,
        "names": [
            "{L} Solaire",
            "Soleil {dL}",
            "Énergies {dL}",
            "{L} Énergies Renouvelables",
            "{coined} Énergie",
            "Photon {L}",
        ],
        "label": "des énergies renouvelables",
        "activity": "conçoit, installe et entretient des centrales solaires et des réseaux de chaleur",
        "offers": ["renewable-energy", "maintenance-repair", "project-management"],
        "offers_extra": ["climate-adaptation", "training-capacity-building", "carbon-accounting"],
        "sdgs": [7, 13],
        "sdgs_extra": [9, 11],
        "gifts": "des panneaux solaires et du matériel électrique",
        "business": "nos installations",
        "extra": [
            "Elle a installé plus de {n}0 centrales photovoltaïques dans la région.",
            "Ses techniciens sont certifiés pour les installations en site isolé.",
        ],
    },
    "consulting": {
        "weight": 7,
        "names": [
            "{surname} Conseil",
            "{L} Conseil",
            "Cabinet {surname}",
            "{surname} & Associés",
            "{coined} Consulting",
            "Stratégie {L}",
        ],
        "label": "de conseil en management",
        "activity": "accompagne les dirigeants dans leur stratégie, leur organisation et la conduite du changement",
        "offers": ["strategy-governance", "project-management", "human-resources"],
        "offers_extra": ["monitoring-evaluation", "csr-strategy", "training-capacity-building"],
        "sdgs": [8, 17],
        "sdgs_extra": [5, 16],
        "gifts": "des journées de conseil",
        "business": "nos missions",
        "extra": [
            "Ses consultants interviennent en français, en anglais et en allemand.",
            "Elle consacre chaque année une partie de ses honoraires à des missions pro bono.",
        ],
    },
    "accounting": {
        "weight": 6,
        "names": [
            "Fiduciaire {dL}",
            "Cabinet {surname} Expertise Comptable",
            "{surname} Audit",
            "{L} Expertise",
            "Fiduciaire {surname}",
        ],
        "label": "d'expertise comptable et d'audit",
        "activity": "tient la comptabilité, établit les comptes et audite des entreprises et des associations",
        "offers": ["finance-accounting", "risk-compliance", "strategy-governance"],
        "offers_extra": ["legal-advice", "human-resources"],
        "sdgs": [8, 16],
        "sdgs_extra": [17],
        "gifts": "des heures d'expertise comptable",
        "business": "nos activités",
        "extra": [
            "Elle accompagne déjà une trentaine d'associations dans leur gestion.",
            "Ses experts-comptables sont inscrits à l'Ordre et à EXPERTsuisse.",
        ],
    },
    "law": {
        "weight": 4,
        "names": [
            "{surname} Avocats",
            "{surname} & {surname2} Avocats",
            "Étude {surname}",
            "Cabinet {surname}",
        ],
        "label": "d'avocats",
        "activity": "conseille entreprises et associations en droit des contrats, du travail et des fondations",
        "offers": ["legal-advice", "risk-compliance", "human-rights"],
        "offers_extra": ["responsible-sourcing", "strategy-governance"],
        "sdgs": [16, 8],
        "sdgs_extra": [10, 17],
        "gifts": "des consultations juridiques gratuites",
        "business": "notre cabinet",
        "extra": [
            "Ses avocats sont inscrits aux barreaux de Genève et de Haute-Savoie.",
            "Le cabinet a créé un programme pro bono pour les associations.",
        ],
    },
    "communication": {
        "weight": 7,
        "names": [
            "Agence {coined}",
            "{L} Communication",
            "Studio {coined}",
            "{coined} Média",
            "Atelier {coined}",
        ],
        "label": "de communication",
        "activity": "conçoit des campagnes, des identités visuelles, des sites et des films pour ses clients",
        "offers": ["communication-marketing", "graphic-design-video", "event-organisation"],
        "offers_extra": ["software-development", "translation-interpreting"],
        "sdgs": [17, 12],
        "sdgs_extra": [8],
        "gifts": "de la création graphique et des films",
        "business": "nos campagnes",
        "extra": [
            "Elle réalise chaque année une campagne gracieuse pour une cause choisie par ses équipes.",
            "Son studio vidéo tourne aussi bien en Suisse qu'en Afrique de l'Ouest.",
        ],
    },
    "industry": {
        "weight": 8,
        "names": [
            "Décolletage {dL}",
            "{surname} Mécanique",
            "Ateliers {dL}",
            "{L} Précision",
            "{L} Industries",
            "Usinage {surname}",
        ],
        "label": "de mécanique de précision",
        "activity": "usine des pièces de précision pour l'automobile, l'horlogerie et le médical",
        "offers": ["maintenance-repair", "quality-certification", "procurement"],
        "offers_extra": [
            "training-capacity-building",
            "logistics-supply-chain",
            "waste-circular-economy",
        ],
        "sdgs": [9, 8],
        "sdgs_extra": [12, 4],
        "gifts": "des machines-outils et des chutes de production",
        "business": "nos ateliers",
        "extra": [
            "Elle perpétue le savoir-faire du décolletage de la vallée de l'Arve.",
            "Elle est certifiée ISO 9001 et ISO 14001.",
        ],
    },
    "food": {
        "weight": 6,
        "names": [
            "Fromagerie {dL}",
            "Brasserie {dL}",
            "Laiterie {dL}",
            "{L} Saveurs",
            "Moulins {dL}",
            "Maison {surname}",
        ],
        "label": "agroalimentaire",
        "activity": "transforme le lait, les céréales et les fruits de producteurs de la région",
        "offers": ["agriculture-food", "logistics-supply-chain", "quality-certification"],
        "offers_extra": ["waste-circular-economy", "procurement"],
        "sdgs": [2, 12],
        "sdgs_extra": [8, 15],
        "gifts": "des invendus et des produits alimentaires",
        "business": "nos filières d'approvisionnement",
        "extra": [
            "Elle travaille avec une soixantaine de producteurs à moins de 50 km.",
            "Ses produits portent plusieurs appellations d'origine.",
        ],
    },
    "water-engineering": {
        "weight": 4,
        "names": [
            "{L} Environnement",
            "Hydro {L}",
            "Bureau d'études {surname}",
            "{L} Ingénierie de l'Eau",
            "{coined} Hydro",
        ],
        "label": "d'ingénierie de l'eau et de l'environnement",
        "activity": "conçoit des réseaux d'eau potable, des stations d'épuration et des études d'impact",
        "offers": ["water-sanitation", "environment-biodiversity", "climate-adaptation"],
        "offers_extra": ["project-management", "data-analysis", "carbon-accounting"],
        "sdgs": [6, 13],
        "sdgs_extra": [14, 15, 11],
        "gifts": "des études techniques",
        "business": "nos études",
        "extra": [
            "Ses hydrogéologues ont déjà mené des missions en Afrique de l'Ouest.",
            "Elle travaille pour les syndicats des eaux des deux côtés de la frontière.",
        ],
    },
    "finance": {
        "weight": 4,
        "names": [
            "Banque {surname} & Cie",
            "{L} Assurances",
            "Mutuelle {dL}",
            "{surname} Courtage",
            "Caisse Solidaire {dL}",
        ],
        "label": "de services financiers",
        "activity": "propose des services bancaires, d'épargne et d'assurance aux particuliers et aux entreprises",
        "offers": ["finance-accounting", "insurance", "risk-compliance"],
        "offers_extra": ["microfinance", "legal-advice"],
        "sdgs": [8, 1],
        "sdgs_extra": [10, 17],
        "gifts": "du mobilier et du matériel de bureau",
        "business": "nos placements",
        "extra": [
            "Elle propose une gamme de placements solidaires labellisés Finansol.",
            "Ses collaborateurs disposent de deux jours par an pour du bénévolat.",
        ],
    },
    "health": {
        "weight": 4,
        "names": ["Laboratoires {surname}", "{L} Médical", "{coined} Pharma", "{coined} Santé"],
        "label": "du secteur de la santé",
        "activity": "fabrique et distribue des dispositifs médicaux et des consommables de soins",
        "offers": ["health-medical", "quality-certification", "logistics-supply-chain"],
        "offers_extra": ["procurement", "training-capacity-building"],
        "sdgs": [3, 9],
        "sdgs_extra": [8, 12],
        "gifts": "du matériel médical",
        "business": "notre production",
        "extra": [
            "Ses produits sont utilisés dans les hôpitaux de toute l'Europe.",
            "Elle fait don chaque année de matériel à des ONG médicales.",
        ],
    },
    "tourism": {
        "weight": 4,
        "names": [
            "Hôtel {dL}",
            "{L} Événements",
            "Domaine {dL}",
            "Chalets {dL}",
            "Croisières {dL}",
        ],
        "label": "du tourisme et de l'événementiel",
        "activity": "accueille des séminaires, des congrès et des visiteurs du monde entier",
        "offers": ["event-organisation", "translation-interpreting", "culture-sport"],
        "offers_extra": ["communication-marketing"],
        "sdgs": [8, 12],
        "sdgs_extra": [11, 14],
        "gifts": "des salles de réunion et des nuitées",
        "business": "nos établissements",
        "extra": [
            "Elle met gracieusement ses salles à disposition d'associations plusieurs fois par an.",
            "Elle s'est engagée dans la démarche Clef Verte.",
        ],
    },
    "translation": {
        "weight": 2,
        "names": ["{L} Traductions", "Traductions {surname}", "Babel {L}", "{coined} Langues"],
        "label": "de traduction et d'interprétariat",
        "activity": "traduit et interprète en plus de trente langues pour les organisations de la Genève internationale",
        "offers": ["translation-interpreting", "communication-marketing"],
        "offers_extra": ["event-organisation"],
        "sdgs": [17, 16],
        "sdgs_extra": [4],
        "gifts": "des traductions",
        "business": "nos prestations",
        "extra": [
            "Son réseau compte plus de {n}0 traducteurs et interprètes.",
            "Elle traduit déjà bénévolement les rapports de deux ONG genevoises.",
        ],
    },
    "recycling": {
        "weight": 4,
        "names": [
            "{L} Recyclage",
            "Valorisation {dL}",
            "{surname} Environnement",
            "{coined} Cycle",
        ],
        "label": "de gestion et de valorisation des déchets",
        "activity": "collecte, trie et valorise les déchets d'entreprises et de collectivités",
        "offers": ["waste-circular-economy", "logistics-supply-chain", "transport"],
        "offers_extra": ["carbon-accounting", "environment-biodiversity"],
        "sdgs": [12, 11],
        "sdgs_extra": [13, 9],
        "gifts": "des bennes et des services de collecte",
        "business": "notre flotte de collecte",
        "extra": [
            "Elle valorise plus de {n} 000 tonnes de déchets par an.",
            "Elle emploie des salariés en parcours d'insertion sur ses centres de tri.",
        ],
    },
    "training": {
        "weight": 4,
        "names": ["{L} Formation", "Institut {surname}", "Campus {dL}", "{coined} Formation"],
        "label": "de formation professionnelle",
        "activity": "forme les salariés et les demandeurs d'emploi aux métiers techniques et numériques",
        "offers": ["training-capacity-building", "human-resources", "digital-inclusion"],
        "offers_extra": ["education", "employment-entrepreneurship"],
        "sdgs": [4, 8],
        "sdgs_extra": [10],
        "gifts": "des places en formation",
        "business": "nos formations",
        "extra": [
            "Elle est certifiée Qualiopi et eduQua.",
            "Elle forme chaque année plus de {n}00 stagiaires.",
        ],
    },
    "architecture": {
        "weight": 3,
        "names": [
            "Atelier d'architecture {surname}",
            "{surname} Architectes",
            "{L} Architecture",
            "Atelier {dL}",
        ],
        "label": "d'architecture",
        "activity": "conçoit des bâtiments sobres en énergie et des aménagements urbains",
        "offers": ["construction-shelter", "housing", "renewable-energy"],
        "offers_extra": ["project-management", "climate-adaptation"],
        "sdgs": [11, 7],
        "sdgs_extra": [13, 9],
        "gifts": "des esquisses et des plans",
        "business": "nos projets",
        "extra": [
            "Ses architectes travaillent les matériaux biosourcés : bois, paille, terre crue.",
            "Elle a déjà conçu des écoles en terre au Burkina Faso avec une ONG partenaire.",
        ],
    },
    "watchmaking": {
        "weight": 2,
        "names": [
            "Manufacture {surname}",
            "{surname} Horlogerie",
            "Horlogerie {dL}",
            "Montres {surname}",
        ],
        "label": "horlogère",
        "activity": "conçoit et assemble des mouvements et des montres mécaniques",
        "offers": ["quality-certification", "training-capacity-building", "procurement"],
        "offers_extra": ["responsible-sourcing", "maintenance-repair"],
        "sdgs": [8, 12],
        "sdgs_extra": [9, 4],
        "gifts": "des outils et des équipements d'atelier",
        "business": "nos approvisionnements en or et en cuir",
        "extra": [
            "Elle s'approvisionne en or certifié et trace l'origine de ses matières.",
            "Elle forme chaque année des apprentis horlogers.",
        ],
    },
    "csr-consulting": {
        "weight": 3,
        "names": [
            "{coined} Impact",
            "{L} Transition",
            "Carbone {L}",
            "Cabinet {surname} RSE",
            "Transition {dL}",
        ],
        "label": "de conseil en responsabilité sociétale",
        "activity": "aide les entreprises à mesurer et à réduire leur impact social et environnemental",
        "offers": ["carbon-accounting", "csr-strategy", "responsible-sourcing"],
        "offers_extra": ["monitoring-evaluation", "employee-engagement", "data-analysis"],
        "sdgs": [13, 12],
        "sdgs_extra": [8, 17],
        "gifts": "des bilans carbone",
        "business": "nos missions",
        "extra": [
            "Elle est devenue société à mission en {year_recent}.",
            "Elle a accompagné plus de {n}0 entreprises dans leur stratégie climat.",
        ],
    },
}
LEGAL_FORMS = {"FR": ["SAS", "SARL", "SA"], "CH": ["SA", "Sàrl"]}
# Company sizes: weight, French noun, staff range, probability of giving money,
# probability of offering employee volunteering.
COMPANY_SIZES = {
    "micro": (28, "TPE", (2, 9), 0.1, 0.2),
    "small": (45, "PME", (10, 249), 0.35, 0.5),
    "mid": (18, "ETI", (250, 4000), 0.7, 0.8),
    "large": (9, "filiale régionale d'un groupe international", (400, 5000), 0.9, 0.9),
}
CSR_LABELS = ["B Corp", "Lucie 26000", "Engagé RSE", "EcoVadis Gold", "EcoVadis Silver"]
COMPANY_NEEDS = [
    "csr-strategy", "responsible-sourcing", "carbon-accounting", "employee-engagement",
    "employment-entrepreneurship", "gender-equality", "environment-biodiversity",
    "human-rights", "local-development", "waste-circular-economy", "digital-inclusion",
]  # fmt: skip

SOCIAL_ENTERPRISES = {
    "reuse": {
        "weight": 3,
        "names": ["Ressourcerie {dL}", "Recyclerie {dL}", "Le Grenier {dL}", "Trésors {dL}"],
        "status": "d'insertion",
        "activity": "collecte, répare et revend des objets et des meubles de seconde main",
        "offers": ["waste-circular-economy", "employment-entrepreneurship", "maintenance-repair"],
        "sdgs": [12, 8, 10],
    },
    "it-refurbishing": {
        "weight": 2,
        "names": ["Ordi Solidaire {L}", "{L} Reconditionnement", "Seconde Vie Numérique {dL}"],
        "status": "d'insertion",
        "activity": "reconditionne le matériel informatique des entreprises et le revend à petit prix",
        "offers": ["digital-inclusion", "it-infrastructure", "employment-entrepreneurship"],
        "sdgs": [12, 4, 8],
    },
    "catering": {
        "weight": 2,
        "names": ["Traiteur Solidaire {L}", "La Table {dL}", "Cuisine Partagée {L}"],
        "status": "de l'économie sociale et solidaire",
        "activity": "prépare des repas et des buffets avec des produits locaux et des salariés en insertion",
        "offers": ["agriculture-food", "employment-entrepreneurship", "event-organisation"],
        "sdgs": [2, 8, 12],
    },
    "farming": {
        "weight": 2,
        "names": ["Jardins {dL}", "Les Potagers {dL}", "Ferme Solidaire {dL}"],
        "status": "d'insertion par le maraîchage biologique",
        "activity": "cultive des légumes biologiques vendus en paniers et forme ses salariés au maraîchage",
        "offers": ["agriculture-food", "environment-biodiversity", "employment-entrepreneurship"],
        "sdgs": [2, 8, 15],
    },
    "services": {
        "weight": 2,
        "names": ["{L} Services", "Atelier Tremplin {dL}", "Entreprise adaptée {L}"],
        "status": "adaptée",
        "activity": "propose des services de logistique, d'entretien d'espaces verts et de conditionnement",
        "offers": ["employment-entrepreneurship", "logistics-supply-chain", "maintenance-repair"],
        "sdgs": [8, 10],
    },
    "fair-trade": {
        "weight": 2,
        "names": ["Comptoir Équitable {dL}", "Équitable {L}", "Saveurs Équitables {L}"],
        "status": "coopérative (SCIC)",
        "activity": "importe et distribue des produits issus du commerce équitable",
        "offers": ["responsible-sourcing", "agriculture-food", "procurement"],
        "sdgs": [12, 8, 1],
    },
    "mobility": {
        "weight": 2,
        "names": ["Vélo Solidaire {L}", "Garage Solidaire {dL}", "Mobilité {L}"],
        "status": "de l'économie sociale et solidaire",
        "activity": "répare des vélos et des voitures à prix solidaire et loue des véhicules aux personnes en insertion",
        "offers": ["transport", "maintenance-repair", "employment-entrepreneurship"],
        "sdgs": [11, 10, 13],
    },
    "energy": {
        "weight": 2,
        "names": ["Énergie Citoyenne {dL}", "Coop Solaire {L}", "Centrales Villageoises {dL}"],
        "status": "coopérative (SCIC)",
        "activity": "finance et exploite des centrales solaires citoyennes sur les toits du territoire",
        "offers": ["renewable-energy", "community-mobilisation", "local-development"],
        "sdgs": [7, 13, 11],
    },
}

# Other kinds: name templates; the cause ({cause}) comes from a THEMES entry.
FOUNDATION_NAMES = [
    "Fondation {surname}", "Fondation {surname}-{surname2}", "Fondation {L} Solidarité",
    "Fondation d'entreprise {coined}", "Fondation {coined} pour {cause}",
    "Fonds de dotation {L} Avenir", "Fonds {surname} pour {cause}",
]  # fmt: skip
LOCAL_AUTHORITY_NAMES = {
    "FR": [
        "{municipality}",
        "Communauté de communes {dL}",
        "Agglomération {dL}",
        "Syndicat intercommunal {dL}",
        "Pôle métropolitain {dL}",
    ],
    "CH": ["{municipality}"],
}
# Swiss municipalities that call themselves "Commune de …" rather than "Ville de …".
SWISS_COMMUNES = {"Plan-les-Ouates", "Chêne-Bourg", "Thônex", "Gland", "Morat"}
PUBLIC_AGENCY_NAMES = {
    "FR": [
        "Maison de l'emploi {dL}",
        "Agence de développement économique {dL}",
        "Mission locale {dL}",
        "Centre communal d'action sociale {city_de}",
        "Chambre de commerce et d'industrie {dL}",
    ],
    "CH": [
        "Office régional de placement {dL}",
        "Bureau de l'intégration {dL}",
        "Service de la coopération internationale {city_de}",
        "Agence de promotion économique {dL}",
    ],
}
ACADEMIC_FIELDS = [
    ("hydrologie", "water"), ("santé mondiale", "health"), ("agroécologie", "agriculture"),
    ("énergies renouvelables", "energy"), ("études du développement", "education"),
    ("économie sociale et solidaire", "entrepreneurship"), ("sciences du climat", "environment"),
    ("droit international humanitaire", "rights"), ("sciences de l'éducation", "education"),
    ("urbanisme et habitat", "housing"),
]  # fmt: skip
ACADEMIC_NAMES = [
    "Laboratoire {field_de} {dL}", "Institut {field_de} {city_de}",
    "Centre de recherche en {field} {city_de}", "Chaire {field} et développement",
    "École d'ingénieurs {dL}",
]  # fmt: skip
NETWORK_NAMES = [
    "Réseau {L} Solidaire", "Fédération {dL} des associations de solidarité",
    "Collectif {L} Solidarité Internationale", "Plateforme {L} des ONG", "Coordination {dL}",
    "Réseau des entreprises engagées {dL}", "Club RSE {dL}",
    "Fédération des entreprises d'insertion {dL}",
]  # fmt: skip
INTERNATIONAL_NAMES = [
    "{io_prefix} pour {cause_pour}", "Observatoire international {cause_de}",
    "Centre international {cause_de}", "{io_short} pour {cause_pour} {io_region}",
]  # fmt: skip
INTERNATIONAL_PREFIXES = [
    "Alliance internationale", "Initiative mondiale", "Partenariat international",
    "Fonds international", "Coalition internationale", "Programme international",
    "Forum mondial", "Plateforme internationale",
]  # fmt: skip
INTERNATIONAL_SHORT = ["Alliance", "Initiative", "Partenariat", "Coalition", "Programme régional"]
INTERNATIONAL_REGIONS = [
    "en Afrique de l'Ouest", "au Sahel", "en Afrique centrale", "dans l'océan Indien",
    "en Méditerranée", "en Amérique latine", "en Asie du Sud", "dans les Caraïbes",
]  # fmt: skip
# What a cause becomes in an international organisation's name, by theme.
INTERNATIONAL_CAUSES = {
    "water": ("l'eau et l'assainissement", "de l'eau et de l'assainissement"),
    "education": ("l'éducation des filles", "de l'éducation des filles"),
    "health": ("la santé maternelle", "de la santé maternelle"),
    "agriculture": ("la sécurité alimentaire", "de la sécurité alimentaire"),
    "energy": ("l'énergie durable", "de l'énergie durable"),
    "children": ("les droits de l'enfant", "des droits de l'enfant"),
    "women": ("l'égalité des genres", "de l'égalité des genres"),
    "emergency": (
        "la réduction des risques de catastrophe",
        "de la réduction des risques de catastrophe",
    ),
    "entrepreneurship": ("le travail décent", "du travail décent"),
    "environment": ("la biodiversité de montagne", "de la biodiversité de montagne"),
    "rights": ("les défenseurs des droits humains", "des défenseurs des droits humains"),
    "housing": ("l'habitat durable", "de l'habitat durable"),
}

# What each contribution type reads as in a sentence.
CONTRIBUTION_PHRASES = {
    "financial-sponsorship": "un soutien financier",
    "skills-sponsorship": "du mécénat de compétences",
    "in-kind-donation": "des dons en nature",
    "employee-volunteering": "des équipes de salariés bénévoles",
    "technical-expertise": "une expertise technique",
    "co-innovation": "des projets d'innovation co-construits",
    "economic-cooperation": "des partenariats d'achat ou de sous-traitance",
    "network-visibility": "un accès à son réseau et de la visibilité",
    "premises-equipment": "des locaux et des équipements",
}

# Texts --------------------------------------------------------------------------
# Placeholders: {name}, {city_a} ("à Annemasse", "au Locle"), {year}, {domain},
# {countries} ("au Burkina Faso et au Mali"), {country1}, {home} ("en France"),
# {area} (a landmark with its article), {staff}, {volunteers}, {offers} (labels),
# {contributions} (phrases), {actions} (infinitives joined), {n}.

NGO_NAMES = [
    "{core} {solidarity}", "{core} {region}", "{core} {L}", "{collective} {cause}",
    "{solidarity} {town}", "{L}-{town} {solidarity}",
]  # fmt: skip
NGO_PITCHES = [
    "Solidarité internationale depuis {city_short} : {domain} {countries}.",
    "Nous agissons pour {domain} {countries}, avec des partenaires locaux.",
    "{Action1} {countries}, main dans la main avec les communautés.",
    "Association de solidarité internationale engagée pour {domain} {countries}.",
    "Depuis {year}, nous agissons {countries} pour {domain}.",
]
NGO_INTROS = [
    "{name} est une association de solidarité internationale fondée en {year} {city_a}.",
    "Fondée en {year} {city_a}, notre association agit pour {domain} {countries}.",
    "Depuis {year}, {name} soutient {beneficiaries} {countries}.",
    "L'association est née en {year} de la rencontre entre des habitants {area} et des "
    "partenaires {country1} ; elle agit pour {domain}.",
    "{name} rassemble depuis {year} bénévoles et salariés {city_a} autour d'une cause : "
    "{domain} {countries}.",
]
NGO_ACTIONS = [
    "Avec nos partenaires locaux, nous cherchons à {action1} et à {action2}.",
    "Concrètement, il s'agit {de_action1}, {de_action2} et {de_action3}.",
    "Notre rôle : {action1}, {action2}, mais aussi {action3}.",
    "Sur le terrain, nos équipes s'attachent à {action1} ; elles veillent aussi à {action2}.",
]
NGO_APPROACHES = [
    "Chaque projet est conçu avec les communautés et confié à des partenaires locaux qui en "
    "assurent la pérennité.",
    "Nous privilégions des solutions simples, réparables sur place et gérées par les "
    "bénéficiaires eux-mêmes.",
    "Nos projets durent au moins cinq ans : le temps de former, d'accompagner puis de passer "
    "la main.",
    "Nous mesurons chaque année les résultats de nos actions et les publions dans notre "
    "rapport d'activité.",
    "Nos partenaires locaux sont des associations reconnues, que nous accompagnons vers "
    "l'autonomie.",
]
NGO_TEAMS = [
    "L'association s'appuie sur {staff} salariés et {volunteers} bénévoles, {home} comme {country1}.",
    "Notre équipe compte {staff} salariés, épaulés par une centaine de bénévoles et par nos "
    "partenaires {country1}.",
    "Plus de {volunteers} bénévoles font vivre l'association, de la collecte de fonds au "
    "suivi des projets.",
]
NGO_CLOSINGS = [
    "Membre de la Cité de la Solidarité Internationale, nous souhaitons nouer des partenariats "
    "durables avec les entreprises du territoire.",
    "Nous travaillons déjà avec plusieurs entreprises {area} et cherchons à développer ces "
    "partenariats.",
    "Nos comptes sont certifiés chaque année et nos rapports sont publics.",
    "Nous accueillons volontiers des salariés d'entreprises pour des missions de "
    "mécénat de compétences.",
]

LOCAL_PITCHES = [
    "Association {area} engagée pour {domain}.",
    "Depuis {year}, nous œuvrons {city_a} pour {domain}.",
    "{Action1} : c'est ce que font nos bénévoles {city_a} depuis {year}.",
    "Une association de proximité pour {domain}, {city_a} et alentour.",
]
LOCAL_INTROS = [
    "{name} est une association loi 1901 créée en {year} {city_a}.",
    "Créée en {year}, notre association agit {city_a} et dans les communes voisines pour {domain}.",
    "Depuis {year}, {name} rassemble des habitants {area} engagés pour {domain}.",
]
LOCAL_INTROS_CH = [
    "{name} est une association à but non lucratif fondée en {year} {city_a}.",
    "Créée en {year}, notre association agit {city_a} et dans la région pour {domain}.",
    "Depuis {year}, {name} rassemble des habitants {area} engagés pour {domain}.",
]
LOCAL_ACTIONS = [
    "Nos bénévoles s'attachent à {action1} et à {action2}.",
    "Concrètement, il s'agit {de_action1} et {de_action2}.",
    "Nous proposons notamment de {action1}, mais aussi de {action2}.",
]
LOCAL_CLOSINGS = [
    "L'association fonctionne grâce à {volunteers} bénévoles et {staff} salariés.",
    "Nous sommes soutenus par la commune et par des entreprises du territoire.",
    "Nous cherchons de nouveaux partenaires pour développer nos actions.",
    "Toutes nos activités sont ouvertes gratuitement aux habitants.",
]

COMPANY_PITCHES = [
    "{Size} {label} {area}, prête à mettre ses compétences au service de projets solidaires.",
    "{Size} {label} installée {city_a} depuis {year}, engagée pour son territoire.",
    "{name} {activity}.",
]
COMPANY_INTROS = [
    "{name} est une {size} {label} installée {city_a} depuis {year}.",
    "Fondée en {year} {city_a}, l'entreprise {activity}.",
    "{name} {activity} {clients}, depuis ses locaux {city_a}.",
]
COMPANY_STAFF = [
    "Elle emploie {staff} personnes {sites}.",
    "Ses {staff} collaborateurs interviennent {scope}.",
    "L'équipe compte {staff} personnes, {sites}.",
]
COMPANY_CSR = [
    "Engagée dans une démarche RSE depuis {year2}, l'entreprise soutient des projets "
    "associatifs locaux et internationaux.",
    "Ses salariés peuvent consacrer jusqu'à {days} jours par an à des missions de mécénat "
    "de compétences.",
    "L'entreprise est labellisée {label_csr}.",
    "Un comité de salariés choisit chaque année les projets solidaires que l'entreprise soutient.",
    "Elle réserve une partie de ses achats à des entreprises d'insertion et adaptées.",
]
COMPANY_OFFERS = [
    "Elle peut apporter à des associations et à des ONG son savoir-faire ({offers}), et aussi "
    "{contributions}.",
    "Pour des projets solidaires, elle propose {contributions}.",
    "Elle met volontiers à disposition {gifts}.",
]
CLIENTS = [
    "pour des clients de tout le Grand Genève",
    "pour des clients en Auvergne-Rhône-Alpes et en Suisse romande",
    "pour des PME comme pour de grands groupes",
    "pour des clients publics et privés",
]
SCOPES = [
    "dans tout le Grand Genève",
    "en Auvergne-Rhône-Alpes et en Suisse romande",
    "dans le bassin lémanique",
    "en France, en Suisse et à l'international",
]

SOCIAL_PITCHES = [
    "Entreprise {status} {city_a} : elle {activity}.",
    "{name} {activity}, et crée des emplois pour celles et ceux qui en sont éloignés.",
    "L'économie sociale et solidaire en action {area} depuis {year}.",
]
SOCIAL_INTROS = [
    "{name} est une entreprise {status} créée en {year} {city_a}.",
    "Depuis {year}, {name} {activity}.",
]
SOCIAL_MORE = [
    "Nous employons {staff} salariés, dont une majorité en parcours d'insertion.",
    "Chaque année, {people} personnes retrouvent chez nous le chemin de l'emploi.",
    "Nos bénéfices sont intégralement réinvestis dans le projet social.",
    "Nous travaillons avec des entreprises du territoire comme clientes, fournisseurs et "
    "partenaires.",
    "Aux associations et aux entreprises, nous pouvons proposer {contributions}.",
]

FOUNDATION_PITCHES = [
    "Mécénat pour {cause_lower} : des projets {countries_or_home}, soutenus dans la durée.",
    "Nous soutenons des projets pour {cause_lower}, {city_a} et au-delà.",
    "Soutenir celles et ceux qui agissent pour {domain}, depuis {year}.",
]
FOUNDATION_INTROS = [
    "{The_name} est une fondation créée en {year} {city_a}.",
    "Créée en {year}, la fondation soutient des projets consacrés à {domain}.",
]
FUND_INTROS = [
    "{The_name} est un fonds de dotation créé en {year} {city_a}.",
    "Créé en {year}, ce fonds de dotation soutient des projets consacrés à {domain}.",
]
FOUNDATION_MORE = [
    "Nous finançons chaque année une vingtaine de projets portés par des associations et des "
    "ONG {countries_or_home}.",
    "Notre comité de sélection se réunit deux fois par an ; les dossiers sont reçus toute l'année.",
    "Au-delà du financement, nous accompagnons nos partenaires dans la durée et les mettons en "
    "relation avec notre réseau.",
    "Nous privilégions les projets qui associent entreprises et associations.",
    "Nous consacrons environ {budget} {currency} par an à nos programmes.",
]

PUBLIC_PITCHES = [
    "Au service des habitants et des acteurs {area}.",
    "Acteur public du développement {area}, partenaire des associations et des entreprises.",
    "Nous accompagnons les projets qui font vivre le territoire {area}.",
]
LOCAL_AUTHORITY_INTROS = [
    "Au service des habitants {area}, {the_name} soutient la vie associative et la solidarité "
    "internationale.",
    "{The_name} place la solidarité et la transition écologique au cœur de son projet de territoire.",
]
LOCAL_AUTHORITY_MORE = [
    "Nous soutenons les associations locales par des subventions et le prêt de salles.",
    "Nous conduisons une coopération décentralisée avec {town} {country1}.",
    "Nous organisons chaque année un forum des associations et une semaine de la solidarité "
    "internationale.",
    "Notre service vie associative accompagne les projets des habitants.",
    "Nous cherchons à rapprocher entreprises et associations autour de projets communs.",
]
PUBLIC_AGENCY_INTROS = [
    "{The_name} accompagne depuis {year} les habitants, les entreprises et les associations {area}.",
    "Acteur public {area}, {the_name} œuvre pour le développement économique et l'emploi.",
]
PUBLIC_AGENCY_MORE = [
    "Nous accompagnons les porteurs de projets du territoire, de l'idée au financement.",
    "Nous animons un réseau de partenaires publics et privés.",
    "Nous mettons à disposition des données et des études sur le territoire.",
    "Nous soutenons les projets qui favorisent l'emploi et l'inclusion.",
]
ACADEMIC_INTROS = [
    "{The_name} réunit des chercheurs et des enseignants en {field}.",
    "Depuis {year}, {the_name} mène des recherches appliquées en {field}.",
]
ACADEMIC_MORE = [
    "Nos équipes travaillent avec des ONG et des entreprises sur des terrains {countries_or_home}.",
    "Nous accueillons chaque année des étudiants en stage dans des associations et des "
    "entreprises engagées.",
    "Nous mettons à disposition nos laboratoires et nos méthodes d'évaluation.",
    "Nos travaux portent notamment sur {domain}.",
]
NETWORK_INTROS = [
    "{The_name} fédère depuis {year} des organisations {area} engagées pour la solidarité.",
    "Depuis {year}, {the_name} rassemble associations, entreprises et collectivités {area}.",
]
NETWORK_MORE = [
    "Nous comptons aujourd'hui plus de {members} membres.",
    "Au programme : des formations, des rencontres et un plaidoyer commun.",
    "Nous mettons nos membres en relation avec les entreprises et les financeurs du territoire.",
    "Nous portons la voix de nos membres auprès des pouvoirs publics.",
]
INTERNATIONAL_INTROS = [
    "Depuis {year}, {the_name} réunit à Genève États, ONG et entreprises autour de {domain}.",
    "{The_name} est une organisation internationale fondée en {year}, engagée pour {domain}.",
]
INTERNATIONAL_MORE = [
    "L'organisation coordonne des programmes {countries}.",
    "Nous publions chaque année un rapport de référence sur {domain}.",
    "Nous mobilisons des experts techniques au service de nos partenaires.",
    "Nous cherchons à associer davantage le secteur privé à nos programmes.",
]

# Needs: what an organisation is looking for, per competence. A template with
# {countries} or {country1} is used only by an organisation working abroad.
NEED_TEMPLATES = {
    "logistics-supply-chain": [
        "Nous cherchons un partenaire pour acheminer {cargo} vers nos sites {country1}.",
        "Nous avons besoin d'aide pour organiser l'approvisionnement de {project}, du "
        "dédouanement au stockage sur place.",
        "Un logisticien pourrait nous aider à regrouper nos envois et à réduire les délais de "
        "livraison {country1}.",
        "Nous cherchons un appui pour organiser le stockage et la redistribution de {cargo} "
        "{city_a}.",
    ],
    "transport": [
        "Nous recherchons un transporteur prêt à prendre en charge l'envoi d'un conteneur de "
        "{cargo} {country1}.",
        "Il nous faut une solution de transport régulière entre notre local {city_a} et le port "
        "de Marseille.",
        "Nous cherchons un véhicule utilitaire et des chauffeurs pour nos tournées autour "
        "{city_de}.",
    ],
    "procurement": [
        "Nous souhaitons structurer nos achats de {cargo} et négocier de meilleurs prix auprès "
        "des fournisseurs.",
        "Un acheteur expérimenté pourrait nous aider à rédiger nos appels d'offres et à comparer "
        "les fournisseurs {country1}.",
    ],
    "finance-accounting": [
        "Nous avons besoin d'un expert-comptable pour fiabiliser nos comptes et suivre les "
        "budgets de nos bailleurs.",
        "Un appui en contrôle de gestion nous aiderait à calculer le coût complet de {project}.",
        "Nous cherchons un financier bénévole pour mettre en place une comptabilité analytique "
        "par projet.",
    ],
    "fundraising": [
        "Nous voulons diversifier nos ressources et cherchons un accompagnement pour répondre "
        "aux appels à projets européens et suisses.",
        "Nous recherchons des mécènes pour cofinancer {project} sur les trois prochaines années.",
        "Un appui pour bâtir une stratégie de collecte auprès des particuliers et des entreprises "
        "du territoire serait précieux.",
    ],
    "legal-advice": [
        "Nous avons besoin d'un conseil juridique pour rédiger nos conventions avec nos "
        "partenaires {country1}.",
        "Nous cherchons un juriste pour revoir nos statuts et sécuriser l'accueil de bénévoles.",
        "Un avocat pourrait nous aider à encadrer les contrats de notre équipe locale {country1}.",
    ],
    "communication-marketing": [
        "Nous souhaitons refondre notre communication pour mieux faire connaître {project}.",
        "Nous cherchons un appui pour élaborer un plan de communication et animer nos réseaux "
        "sociaux.",
        "Une agence pourrait nous aider à raconter à nos donateurs l'impact de nos actions "
        "{countries}.",
    ],
    "graphic-design-video": [
        "Nous aimerions réaliser un court film sur {project} pour nos événements et nos réseaux.",
        "Nous cherchons un graphiste pour mettre en page notre rapport annuel et nos supports "
        "de sensibilisation.",
    ],
    "software-development": [
        "Nous avons besoin d'une application simple pour suivre {project} sur le terrain, même "
        "sans connexion.",
        "Nous cherchons des développeurs pour refaire notre site internet et y intégrer le don "
        "en ligne.",
        "Un outil de gestion des bénévoles et des adhérents nous ferait gagner un temps précieux.",
    ],
    "data-analysis": [
        "Nous souhaitons exploiter les données collectées {country1} pour mesurer les effets de "
        "{project}.",
        "Un analyste pourrait nous aider à construire un tableau de bord de suivi de nos "
        "activités.",
    ],
    "it-infrastructure": [
        "Nous cherchons un appui pour équiper nos bureaux {country1} d'une connexion fiable et "
        "d'un réseau sécurisé.",
        "Nous devons renouveler notre parc informatique : un don de postes reconditionnés et une "
        "aide à l'installation seraient bienvenus.",
    ],
    "cybersecurity": [
        "Nous traitons des données sensibles sur les personnes accompagnées et cherchons un audit "
        "de sécurité informatique.",
        "Un expert pourrait former notre équipe aux bons réflexes de cybersécurité.",
    ],
    "human-resources": [
        "Nous cherchons un accompagnement pour structurer le recrutement et la formation de nos "
        "équipes {country1}.",
        "Un appui en ressources humaines nous aiderait à mettre en place des entretiens annuels "
        "et une grille salariale.",
    ],
    "strategy-governance": [
        "Nous préparons notre plan stratégique à cinq ans et cherchons un regard extérieur pour "
        "animer la réflexion.",
        "Notre conseil d'administration souhaite être accompagné pour renouveler sa gouvernance.",
    ],
    "monitoring-evaluation": [
        "Nous souhaitons évaluer les effets de {project} et construire des indicateurs d'impact "
        "crédibles.",
        "Un appui méthodologique en suivi-évaluation nous aiderait à mieux rendre compte à nos "
        "financeurs.",
    ],
    "training-capacity-building": [
        "Nous cherchons des formateurs pour renforcer les compétences de nos partenaires "
        "{country1} en gestion de projet.",
        "Nous souhaitons former nos bénévoles à l'accueil et à l'accompagnement du public.",
    ],
    "renewable-energy": [
        "Nous voulons équiper {beneficiaries} de panneaux solaires et cherchons une expertise "
        "pour dimensionner les installations.",
        "Un partenaire pourrait nous aider à passer nos sites {country1} à l'énergie solaire.",
        "Nous cherchons un conseil pour réduire la consommation d'énergie de nos locaux {city_a}.",
    ],
    "construction-shelter": [
        "Nous cherchons une expertise technique pour concevoir et suivre la construction de "
        "bâtiments {country1} en matériaux locaux.",
        "Un bureau d'études pourrait vérifier les plans de nos futurs locaux et en estimer le coût.",
    ],
    "maintenance-repair": [
        "Nous cherchons des techniciens pour former nos équipes locales à l'entretien de {cargo}.",
        "Un appui pour organiser la maintenance de nos équipements nous éviterait des pannes "
        "coûteuses.",
    ],
    "insurance": [
        "Nous avons besoin de conseils pour assurer nos volontaires et notre matériel lors des "
        "missions {country1}.",
        "Nous cherchons un courtier pour revoir nos contrats d'assurance et de responsabilité "
        "civile.",
    ],
    "risk-compliance": [
        "Nous devons renforcer nos procédures de contrôle interne et de lutte contre la fraude "
        "exigées par nos bailleurs.",
    ],
    "quality-certification": [
        "Nous souhaitons engager une démarche qualité et cherchons un accompagnement vers une "
        "certification.",
    ],
    "translation-interpreting": [
        "Nous cherchons des traducteurs pour traduire nos rapports et nos dossiers de "
        "financement en anglais.",
        "Un appui en interprétariat nous aiderait lors de la venue de nos partenaires {city_a}.",
    ],
    "event-organisation": [
        "Nous organisons une soirée de collecte {city_a} et cherchons un appui logistique et une "
        "salle.",
        "Nous aimerions être accompagnés pour organiser notre fête annuelle de la solidarité.",
    ],
    "water-sanitation": [
        "Nous cherchons une expertise pour installer des points d'eau et des latrines auprès de "
        "{beneficiaries} {country1}.",
        "Un hydrogéologue pourrait nous aider à choisir l'emplacement de nos futurs forages.",
    ],
    "housing": [
        "Nous cherchons des logements temporaires pour les familles que nous accompagnons "
        "{city_a}.",
    ],
    "employment-entrepreneurship": [
        "Nous cherchons des entreprises du territoire pour accueillir en stage les personnes "
        "que nous accompagnons.",
        "Nous cherchons des entrepreneurs prêts à parrainer de jeunes porteurs de projets "
        "{country1}.",
    ],
    "carbon-accounting": [
        "Nous voulons mesurer l'empreinte carbone de nos activités et définir un plan de "
        "réduction.",
    ],
    "climate-adaptation": [
        "Nous voulons intégrer l'adaptation au changement climatique dans {project}.",
    ],
    "community-mobilisation": [
        "Nous cherchons des bénévoles réguliers pour renforcer nos équipes {city_a}.",
    ],
    "digital-inclusion": [
        "Nous souhaitons proposer des ateliers numériques à {beneficiaries} et cherchons des "
        "formateurs.",
    ],
}
# Companies look for what NGOs know ({business}: "notre flotte de camions").
COMPANY_NEED_TEMPLATES = {
    "csr-strategy": [
        "Nous voulons structurer notre démarche RSE et cherchons une ONG pour co-construire nos "
        "engagements sociaux et environnementaux.",
        "Nous préparons notre premier rapport de durabilité et cherchons un regard associatif "
        "sur nos priorités.",
    ],
    "responsible-sourcing": [
        "Nous souhaitons cartographier les risques sociaux et environnementaux de nos "
        "fournisseurs et cherchons une expertise en devoir de vigilance.",
        "Nous cherchons une ONG connaissant les filières de production pour sécuriser nos "
        "approvisionnements.",
    ],
    "carbon-accounting": [
        "Nous voulons réaliser notre bilan carbone et définir un plan de réduction de nos "
        "émissions.",
        "Nous cherchons un accompagnement pour mesurer l'empreinte carbone de {business}.",
    ],
    "employee-engagement": [
        "Nous souhaitons proposer à nos {staff} collaborateurs des missions de bénévolat utiles "
        "et cherchons des associations partenaires.",
        "Nous cherchons des associations pour accueillir nos salariés lors d'une journée "
        "solidaire.",
    ],
    "employment-entrepreneurship": [
        "Nous voulons recruter davantage de personnes éloignées de l'emploi et cherchons une "
        "structure d'insertion partenaire.",
    ],
    "gender-equality": [
        "Nous voulons progresser sur l'égalité femmes-hommes dans nos métiers techniques et "
        "cherchons un partenaire associatif.",
    ],
    "environment-biodiversity": [
        "Nous voulons restaurer la biodiversité sur nos sites et cherchons une association "
        "naturaliste.",
    ],
    "human-rights": [
        "Nous cherchons une expertise pour former nos équipes au respect des droits humains "
        "dans notre chaîne de valeur.",
    ],
    "local-development": [
        "Nous souhaitons ancrer davantage notre activité dans le territoire {area} avec des "
        "acteurs locaux.",
    ],
    "waste-circular-economy": [
        "Nous cherchons un partenaire de l'économie circulaire pour réemployer notre matériel "
        "et réduire nos déchets.",
    ],
    "digital-inclusion": [
        "Nous souhaitons donner une seconde vie à notre matériel informatique au profit de "
        "publics éloignés du numérique.",
    ],
}
NEED_FALLBACK = "Nous recherchons un appui en {label} pour {project}."

NEEDS_OPENINGS = [
    "Nos besoins prioritaires portent sur : {labels}.",
    "Pour {project}, nous recherchons des partenaires en {labels}.",
    "Nous recherchons en priorité des compétences en {labels}.",
]
COMPANY_NEEDS_OPENINGS = [
    "Dans le cadre de notre démarche RSE, nous recherchons des partenaires en {labels}.",
    "Nous aimerions travailler avec des associations expertes en {labels}.",
]
NEEDS_SUPPORT = [
    "Formes de soutien recherchées : {contributions}.",
    "Formes de soutien bienvenues : {contributions}.",
]
NEEDS_CLOSINGS = [
    "Nous sommes disponibles pour un premier échange, {city_a} ou en visio.",
    "Un engagement de quelques jours par an peut déjà faire une vraie différence.",
    "Nous pouvons proposer en retour des missions de terrain et de la visibilité auprès de "
    "nos adhérents.",
    "Nous serions heureux d'en parler lors d'un prochain rendez-vous de la Cité de la "
    "Solidarité Internationale.",
]

# Kinds without a theme of their own: what they offer and need.
KIND_NEEDS = {
    "social-enterprise": [
        "communication-marketing", "finance-accounting", "logistics-supply-chain",
        "software-development", "human-resources", "legal-advice", "quality-certification",
        "fundraising", "transport", "it-infrastructure",
    ],
    "foundation": [
        "communication-marketing", "data-analysis", "legal-advice", "software-development",
        "graphic-design-video", "monitoring-evaluation",
    ],
    "local-authority": [
        "climate-adaptation", "carbon-accounting", "digital-inclusion", "translation-interpreting",
        "monitoring-evaluation", "employment-entrepreneurship", "renewable-energy",
    ],
    "public-agency": [
        "data-analysis", "communication-marketing", "digital-inclusion", "software-development",
        "event-organisation", "translation-interpreting",
    ],
    "academic": [
        "fundraising", "communication-marketing", "software-development", "event-organisation",
        "translation-interpreting", "legal-advice", "it-infrastructure",
    ],
    "network": [
        "software-development", "communication-marketing", "graphic-design-video", "fundraising",
        "event-organisation", "legal-advice", "data-analysis", "finance-accounting",
    ],
    "international-organisation": [
        "data-analysis", "software-development", "cybersecurity", "translation-interpreting",
        "logistics-supply-chain", "procurement", "communication-marketing", "it-infrastructure",
    ],
}  # fmt: skip
KIND_OFFERS = {
    "foundation": ["fundraising", "strategy-governance", "monitoring-evaluation"],
    "local-authority": [
        "local-development", "community-mobilisation", "event-organisation", "project-management",
    ],
    "public-agency": [
        "local-development", "employment-entrepreneurship", "data-analysis",
        "training-capacity-building", "strategy-governance",
    ],
    "academic": ["monitoring-evaluation", "data-analysis", "training-capacity-building"],
    "network": [
        "advocacy", "training-capacity-building", "event-organisation",
        "communication-marketing", "strategy-governance",
    ],
    "international-organisation": [
        "advocacy", "monitoring-evaluation", "data-analysis", "training-capacity-building",
    ],
}  # fmt: skip
# Public contact addresses: the local part, by kind.
EMAIL_NAMES = {
    "company": ["rse", "contact", "info", "mecenat", "communication"],
    "foundation": ["contact", "projets", "info"],
    "local-authority": ["solidarite", "vie-associative", "contact"],
}
DEFAULT_EMAIL_NAMES = ["contact", "info", "bonjour", "secretariat", "partenariats"]


# Institutional names take an article in a sentence ("la Ville d'Annemasse soutient").
ARTICLES = {
    "Ville": "la", "Commune": "la", "Communauté": "la", "Syndicat": "le", "Agglomération": "l'",
    "Maison": "la", "Agence": "l'", "Mission": "la", "Centre": "le", "Chambre": "la",
    "Office": "l'", "Bureau": "le", "Service": "le", "Laboratoire": "le", "Institut": "l'",
    "Chaire": "la", "École": "l'", "Réseau": "le", "Fédération": "la", "Collectif": "le",
    "Plateforme": "la", "Coordination": "la", "Club": "le", "Alliance": "l'",
    "Initiative": "l'", "Partenariat": "le", "Fonds": "le", "Coalition": "la",
    "Programme": "le", "Forum": "le", "Observatoire": "l'", "Fondation": "la", "Pôle": "le",
}  # fmt: skip


# Demo people: one admin per organisation kind, for the first organisations.
DEMO_PEOPLE = [
    ("ngo", "demo-ngo@coexist.local", "Claire Mercier", "Coordinatrice des programmes"),
    ("company", "demo-company@coexist.local", "Julien Favre", "Responsable RSE"),
    ("association", "demo-association@coexist.local", "Aïssatou Diallo", "Présidente"),
    ("social-enterprise", "demo-social-enterprise@coexist.local", "Marc Dupraz", "Directeur"),
    ("foundation", "demo-foundation@coexist.local", "Sophie Rochat", "Chargée de programmes"),
]
DEMO_PASSWORD = "coexist-demo-2026"

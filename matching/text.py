"""A small bilingual (French/English) text analyser for matching. No Django here.

``analyse(text)`` turns free text into index terms:

1. lower case, accents stripped, ligatures split (``Œuvre`` → ``oeuvre``), elisions cut
   (``l'eau`` → ``eau``);
2. French and English stop words dropped;
3. each word reduced by a light suffix stripper (:func:`stem`) that is deliberately
   conservative: plurals, feminine ``-e`` and the common derivational suffixes shared by
   both languages, so that ``pompes``/``pompe``/``pompage`` and ``pumps``/``pumping``
   collapse, and many cognates meet (``énergie``/``energy`` → ``energi``);
4. words and two- or three-word phrases that name a *concept* of :data:`CONCEPTS` add a
   concept term (``~solar`` for ``solaire``, ``photovoltaïque``, ``solar panel``…), and a
   concept adds its broader concepts (``~solar`` → ``~renewable`` → ``~energy``). This is
   what makes ``pompes solaires`` meet ``énergie solaire`` and ``photovoltaic pumping``.

Why a hand-written stemmer rather than Snowball: full Snowball stemmers are one per
language, and our texts mix both languages inside one directory (and sometimes one
profile) without a reliable language tag; a light stripper applied identically to every
word is predictable, never over-conflates across languages in surprising ways, and adds no
dependency. The concept map does the cross-language work that stemming cannot.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

CONCEPT_PREFIX = "~"

_WORD = re.compile(r"[a-z0-9]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "‘": "'"})
_ELISION = re.compile(r"\b(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)'")


def normalise(text: str) -> str:
    """Lower case, no accents, no elided articles: ``L'Éducation`` → ``education``."""
    text = text.lower().translate(_LIGATURES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _ELISION.sub(" ", text)


@dataclass(frozen=True, slots=True)
class Token:
    """An index term and the surface word (or phrase) that produced it."""

    term: str
    surface: str


def word_list(text: str) -> list[str]:
    """The whitespace-separated words of ``text`` (keeps long word lists readable)."""
    return text.split()


STOP_WORDS = frozenset(
    word_list(
        """
    a afin ai aie aient ainsi alors apres au aucun aupres aussi autre autres aux avant avec
    avoir ayant bien c ca car ce ceci cela celle celles celui cent ces cet cette ceux chaque
    chez ci comme comment d dans de des deja depuis deux dont du elle elles en encore entre
    est et etaient etait ete etre eu eux fait faire fois font hors il ils j je jusqu l la
    le les leur leurs lui m ma mais me meme memes mes moi moins mon n ne ni nos notre nous
    on ont or ou par parce pas peu peut peuvent plus plusieurs pour pourquoi qu quand que
    quel quelle quelles quels qui quoi s sa sans se selon ser ses si sien soit son sont sous
    souvent sur t ta te tel telle tes toi ton tous tout toute toutes tres trois un une unes
    uns va vers via voici voila vos votre vous y ete etc cas
    an ans annee annees jour jours
    about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each every few for
    from further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our ours out
    over own same she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours year years per
    nous notre nos we our us ours projet projets project projects association associations
    organisation organisations organization organizations ong ngo ngos partenaire
    partenaires partner partners cherchons cherche recherchons looking look seek seeking
    besoin besoins need needs want souhaitons wish help aider aidons accompagner
    accompagnons support soutenir soutenons proposer proposons offer offers propose
    mettre mise avons have ideal idealement possible si terme notamment including
    """
    )
)

# Suffixes stripped by :func:`stem`, longest first within each step. Each keeps a stem of
# at least three letters.
_STEP1 = (
    ("eaux", "eau"),
    ("ies", "y"),
    ("aux", "al"),
    ("sses", "ss"),
    ("s", ""),
    ("x", ""),
)
_STEP2 = (
    "issements",
    "issement",
    "isations",
    "isation",
    "izations",
    "ization",
    "ements",
    "ement",
    "ations",
    "ation",
    "ution",
    "ments",
    "ment",
    "ables",
    "able",
    "ibles",
    "ible",
    "iques",
    "ique",
    "ical",
    "ics",
    "ic",
    "ismes",
    "isme",
    "ism",
    "istes",
    "iste",
    "ist",
    "ites",
    "ite",
    "ity",
    "ives",
    "ive",
    "ifs",
    "if",
    "euses",
    "euse",
    "eurs",
    "eur",
    "ings",
    "ing",
    "ages",
    "age",
    "ees",
    "ee",
    "ers",
    "er",
    "ed",
    "elle",
    "el",
    "al",
    "es",
    "e",
)
_NO_STEM = frozenset({"ons", "ois", "pays", "plus", "gas", "bus", "sms", "vis", "iss"})


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light, language-agnostic suffix stripper for normalised words.

    ``pompes``, ``pompe``, ``pompage`` → ``pomp``; ``pumps``, ``pumping`` → ``pump``;
    ``énergie`` (normalised ``energie``) and ``energy`` → ``energi``; ``formations`` →
    ``form``; ``logistique``, ``logistics`` → ``logist``.
    """
    if len(word) <= 3 or word.isdigit() or word in _NO_STEM:
        return word
    for suffix, replacement in _STEP1:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: len(word) - len(suffix)] + replacement
            break
    for suffix in _STEP2:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)]
            break
    if word.endswith("y") and len(word) > 4:
        word = word[:-1] + "i"
    return word


def words(text: str) -> list[tuple[str, str]]:
    """(stem, surface word) for every non-stop word of ``text``, in order."""
    return [(token.term, token.surface) for token in _word_tokens(text)]


def _word_tokens(text: str) -> list[Token]:
    """The stem tokens of ``text``. Texts share most of their words, so each
    whitespace-separated chunk is analysed once per process (:func:`_chunk_tokens`): the
    result is the same as analysing the whole text, since normalising never joins or
    splits chunks."""
    tokens: list[Token] = []
    for chunk in text.split():
        tokens.extend(_chunk_tokens(chunk))
    return tokens


_ORIGINAL_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=300_000)
def _chunk_tokens(chunk: str) -> tuple[Token, ...]:
    tokens = []
    words = [match.group() for match in _WORD.finditer(normalise(chunk))]
    # Show words as they were written ("compétences", not "competences") when the
    # original words line up one to one with the normalised ones.
    originals = _ORIGINAL_WORD.findall(chunk.lower())
    aligned = len(originals) == len(words) and all(
        normalise(original) == word for original, word in zip(originals, words, strict=True)
    )
    for position, word in enumerate(words):
        if word in STOP_WORDS or len(word) < 2:
            continue
        tokens.append(Token(stem(word), originals[position] if aligned else word))
    return tuple(tokens)


@dataclass(frozen=True, slots=True)
class Concept:
    key: str
    label_fr: str
    label_en: str
    triggers: tuple[str, ...]
    broader: tuple[str, ...] = ()


def _c(key: str, fr: str, en: str, triggers: str, broader: str = "") -> Concept:
    return Concept(
        key,
        fr,
        en,
        tuple(t.strip() for t in triggers.split("|") if t.strip()),
        tuple(broader.split()),
    )


# A small bilingual concept map: each concept lists French and English words or phrases
# (written naturally; they go through the same analyser as the texts).
CONCEPTS: tuple[Concept, ...] = (
    _c(
        "solar",
        "solaire",
        "solar",
        "solaire|solar|photovoltaique|photovoltaic|pv|panneau solaire|solar panel|ensoleillement",
        "renewable",
    ),
    _c(
        "renewable",
        "énergies renouvelables",
        "renewable energy",
        "renouvelable|renewable|renewables|eolien|eolienne|wind turbine|microcentrale|"
        "hydroelectricite|hydropower|biogaz|biogas|mini reseau|mini grid",
        "energy",
    ),
    _c(
        "energy",
        "énergie",
        "energy",
        "energie|energy|electricite|electricity|"
        "electrification|electrifier|electrify|electrique|electric|batterie|battery|"
        "off grid|hors reseau|groupe electrogene|generator",
    ),
    _c("pump", "pompage", "pumping", "pompe|pompage|motopompe|pump|pumping", "water"),
    _c(
        "water",
        "eau",
        "water",
        "eau|water|eau potable|drinking water|forage|borehole|"
        "puits|point eau|water point|hydraulique|hydrology|hydrologie",
    ),
    _c(
        "irrigation",
        "irrigation",
        "irrigation",
        "irrigation|irriguer|irrigue|irrigated|goutte a goutte|drip|arrosage|perimetre irrigue",
        "agriculture water",
    ),
    _c(
        "sanitation",
        "assainissement",
        "sanitation",
        "assainissement|sanitation|hygiene|latrine|toilet|toilette|wash",
    ),
    _c(
        "agriculture",
        "agriculture",
        "agriculture",
        "agriculture|agricole|agricultural|"
        "farming|farm|farmer|smallholder|paysan|paysanne|paysannerie|maraichage|maraicher|"
        "maraichere|vegetable|legume|culture vivriere|crop|crops|semence|seed|seeds|"
        "agroecologie|agroecology|agronomie|agronomy|exploitation agricole|mil|sorgho|"
        "niebe|cereale|cereal",
    ),
    _c(
        "food",
        "alimentation",
        "food",
        "alimentaire|alimentation|food|nutrition|"
        "malnutrition|cantine|canteen|faim|hunger|repas|meal",
    ),
    _c(
        "drought",
        "sécheresse",
        "drought",
        "secheresse|drought|aride|arid|resilience|resilient|adaptation",
        "climate",
    ),
    _c(
        "climate",
        "climat",
        "climate",
        "climat|climate|climatique|rechauffement|"
        "global warming|decarbonation|decarbonisation|decarbonisation",
    ),
    _c(
        "carbon",
        "bilan carbone",
        "carbon accounting",
        "carbone|carbon|bilan carbone|"
        "carbon footprint|empreinte carbone|gaz effet serre|greenhouse gas|ghg|"
        "emission|emissions|scope",
        "climate",
    ),
    _c(
        "cold-chain",
        "chaîne du froid",
        "cold chain",
        "chaine froid|cold chain|"
        "frigorifique|refrigere|refrigerated|refrigerateur|refrigerator|fridge|"
        "temperature dirigee|temperature controlled|2 8",
        "logistics",
    ),
    _c(
        "vaccine",
        "vaccins",
        "vaccines",
        "vaccin|vaccins|vaccination|vacciner|vaccine|vaccines|immunisation|immunization",
        "health",
    ),
    _c(
        "health",
        "santé",
        "health",
        "sante|health|medical|medicale|soin|soins|"
        "healthcare|hopital|hospital|centre sante|health centre|health center|clinic|"
        "clinique|maternite|maternity|medicament|medicine|medicines|pharmaceutique|"
        "pharmaceutical|pharmacie|sage femme|midwife|infirmier|infirmiere|nurse|sanitaire",
    ),
    _c(
        "logistics",
        "logistique",
        "logistics",
        "logistique|logistics|logisticien|"
        "logistician|supply chain|chaine approvisionnement|approvisionnement|entrepot|"
        "entreposage|warehouse|warehousing|stock|stocks|stockage|inventory|acheminement|"
        "acheminer|expedition|shipping|shipment|groupage|fret|freight|dedouanement|customs",
    ),
    _c(
        "transport",
        "transport",
        "transport",
        "transport|transporter|transporteur|"
        "trucking|convoi|convoy|camion|truck|routier|road haulage|maritime",
        "logistics",
    ),
    _c(
        "procurement",
        "achats",
        "procurement",
        "achat|achats|acheteur|acheteuse|"
        "purchasing|procurement|buyer|buyers|fournisseur|fournisseurs|supplier|suppliers|"
        "sourcing",
    ),
    _c(
        "due-diligence",
        "devoir de vigilance",
        "due diligence",
        "devoir vigilance|"
        "due diligence|achat responsable|achats responsables|responsible sourcing|"
        "tracabilite|traceability|chaine valeur|value chain|cartographier fournisseur|"
        "map supplier|risk assessment|evaluer risque|audit social|social audit",
        "procurement human-rights",
    ),
    _c(
        "human-rights",
        "droits humains",
        "human rights",
        "droit humain|droits humains|"
        "human rights|droits homme|travail force|forced labour|forced labor|"
        "travail enfant|travail des enfants|child labour|child labor|droit travail|"
        "labour rights|labor rights|travail decent|decent work",
    ),
    _c(
        "textile",
        "textile",
        "textile",
        "textile|coton|cotton|vetement|vetements|"
        "clothing|garment|garments|apparel|tissage|weaving|tisserand|tisserande|weaver|"
        "pagne|laine|wool|couture|sewing",
    ),
    _c(
        "software",
        "logiciel",
        "software",
        "logiciel|software|application|app|apps|"
        "developpeur|developpeuse|developer|developers|programmation|programming|coding|"
        "code|web|site web|site internet|website|plateforme|platform|boutique ligne|"
        "online shop|e commerce|ecommerce|numerique|digital",
    ),
    _c(
        "it",
        "informatique",
        "IT",
        "informatique|ordinateur|ordinateurs|computer|"
        "computers|laptop|laptops|serveur|server|servers|cloud|connexion|internet|"
        "connectivity|telecom|telecoms|telecommunication|tablette|tablet|tablets|"
        "materiel informatique|it equipment|reseau informatique|network infrastructure|"
        "wifi|reconditionne|refurbished|reconditionnement|refurbishing",
    ),
    _c(
        "sensor",
        "capteurs connectés",
        "connected sensors",
        "capteur|capteurs|sensor|"
        "sensors|connecte|connected|iot|objet connecte|telemetry|telemetrie",
        "it data",
    ),
    _c(
        "data",
        "données",
        "data",
        "donnee|donnees|data|tableau bord|dashboard|"
        "base donnees|database|statistique|statistics|analytics|data science|"
        "data scientist|indicateur|indicator|indicators|kpi",
    ),
    _c(
        "evaluation",
        "évaluation d'impact",
        "impact evaluation",
        "evaluation|evaluer|"
        "evaluate|evaluating|impact|mesure impact|impact measurement|impact assessment|"
        "suivi evaluation|monitoring|etude impact|randomise|randomised|randomized|"
        "enquete menage|household survey",
    ),
    _c(
        "training",
        "formation",
        "training",
        "formation|former|formateur|formatrice|"
        "training|train|trainer|trainers|atelier|workshop|renforcement capacite|"
        "capacity building|mentorat|mentoring|mentor|mentors|coaching|coach|bootcamp|"
        "curriculum|cursus|apprenti|apprentice|apprentissage",
    ),
    _c(
        "education",
        "éducation",
        "education",
        "education|educatif|educative|ecole|"
        "ecoles|school|schools|enseignant|enseignante|teacher|teachers|instituteur|eleve|"
        "pupil|etudiant|student|students|scolarisation|schooling|scolaire|pedagogique|"
        "pedagogical|learning|e learning|bibliotheque|library|mediatheque|alphabetisation|"
        "literacy",
    ),
    _c(
        "digital-inclusion",
        "inclusion numérique",
        "digital inclusion",
        "inclusion numerique|digital inclusion|fracture numerique|digital divide|"
        "illectronisme|hors connexion|offline|demarche en ligne|online procedure",
        "it",
    ),
    _c(
        "legal",
        "juridique",
        "legal",
        "juridique|legal|juriste|lawyer|lawyers|avocat|"
        "avocats|notaire|notarial|notary|conseil juridique|legal advice|statut|statuts|"
        "statutes|bylaws|contrat|contrats|contract|contracts|convention|bail|baux|lease|"
        "droit bail|tenancy law|droit societe|company law|pro bono legal",
    ),
    _c(
        "accounting",
        "comptabilité",
        "accounting",
        "comptabilite|comptable|accounting|"
        "accountant|bookkeeping|budget|budgetaire|tresorerie|tresorier|tresoriere|"
        "treasurer|gestion financiere|financial management|audit financier|"
        "expert comptable",
    ),
    _c(
        "fundraising",
        "recherche de financements",
        "fundraising",
        "recherche fonds|"
        "collecte fonds|fundraising|financement|financements|funding|funder|funders|"
        "financeur|mecene|mecenes|donor|donors|bailleur|bailleurs|subvention|subventions|"
        "grant|grants|dotation|dotations|fondation|fondations|foundation|foundations|"
        "financer|finance|financial sponsor|philanthropie|philanthropy",
    ),
    _c(
        "microfinance",
        "microfinance",
        "microfinance",
        "microfinance|microcredit|"
        "micro credit|credit|credits|pret|prets|loan|loans|epargne|savings|garantie|"
        "guarantee|tontine|remboursement|repayment|credit rotatif|revolving fund",
    ),
    _c(
        "insurance",
        "assurance",
        "insurance",
        "assurance|assureur|insurance|insurer|mutuelle|mutual",
    ),
    _c(
        "communication",
        "communication",
        "communication",
        "communication|marketing|"
        "campagne|campaign|reseaux sociaux|social media|publicite|advertising|media|"
        "medias|presse|press|radio|visibilite|visibility|affichage|billboard|audience|"
        "public plus jeune|relations presse|public relations",
    ),
    _c(
        "visual",
        "graphisme et vidéo",
        "design and video",
        "video|videos|film|films|"
        "teaser|clip|graphisme|graphic design|graphiste|designer|photo|photos|"
        "photographie|photography|identite visuelle|visual identity|motion design|affiche|"
        "poster|logo|illustration",
    ),
    _c(
        "translation",
        "traduction",
        "translation",
        "traduction|translation|traducteur|"
        "traductrice|translator|interprete|interpretes|interpreter|interpreters|"
        "interpretariat|interpreting|langue|langues|language|languages|multilingue|"
        "multilingual|tigrinya|dari|pachto|pashto|arabe|arabic",
    ),
    _c(
        "employment",
        "emploi",
        "employment",
        "emploi|emplois|employment|job|jobs|"
        "recrutement|recruter|recruit|recruitment|hire|hiring|embauche|embaucher|stage|"
        "stages|internship|internships|stagiaire|intern|insertion|work integration|"
        "placement|job placement|apprentis|insertion professionnelle",
    ),
    _c(
        "entrepreneurship",
        "entrepreneuriat",
        "entrepreneurship",
        "entrepreneuriat|"
        "entrepreneurship|entrepreneur|entrepreneurs|creation entreprise|"
        "creer entreprise|micro entreprise|microentreprise|start up|startup|incubation|"
        "incubateur|incubator|creation activite|business creation",
        "employment",
    ),
    _c(
        "refugees",
        "personnes réfugiées",
        "refugees",
        "refugie|refugies|refugiee|"
        "refugiees|refugee|refugees|exile|exiles|exilee|migrant|migrants|migration|"
        "demandeur asile|asylum|asylum seeker|deplace|deplaces|displaced|camp|camps",
    ),
    _c(
        "housing",
        "logement",
        "housing",
        "logement|logements|housing|appartement|"
        "appartements|apartment|apartments|hebergement|heberger|accommodation|shelter "
        "housing|toit|loyer|rent|locataire|tenant|bail|immobilier|real estate|"
        "gerance immobiliere|property management",
    ),
    _c(
        "construction",
        "construction",
        "construction",
        "construction|construire|"
        "build|building|buildings|batiment|btp|abri|abris|shelter|shelters|rehabilitation|"
        "rehabiliter|renovation|renover|toiture|roof|charpente|carpentry|gros oeuvre|"
        "maconnerie|masonry|chantier|modulaire|modular|bois construction|timber",
    ),
    _c(
        "emergency",
        "urgence humanitaire",
        "humanitarian emergency",
        "urgence|emergency|"
        "humanitaire|humanitarian|crise|crisis|crises|secours|relief|winterisation|"
        "winterization|seisme|earthquake|catastrophe|disaster",
    ),
    _c(
        "waste",
        "déchets",
        "waste",
        "dechet|dechets|waste|recyclage|recycler|recycling|"
        "recycle|reemploi|reuse|valorisation|valoriser|economie circulaire|"
        "circular economy|zero dechet|zero waste|tri|sorting|compost|compostage|rebut|"
        "rebuts|chute production|scrap|plastique|plastic",
    ),
    _c(
        "environment",
        "environnement",
        "environment",
        "environnement|environnemental|"
        "environment|environmental|biodiversite|biodiversity|ecologie|ecology|"
        "ecologique|nature|ecosysteme|ecosystem|haie|hedge",
    ),
    _c(
        "volunteering",
        "bénévolat",
        "volunteering",
        "benevolat|benevole|benevoles|"
        "volunteer|volunteers|volunteering|journee solidaire|mission solidaire|"
        "engagement salarie|employee engagement|team building|pro bono|probono",
    ),
    _c(
        "premises",
        "locaux",
        "premises",
        "locaux|premises|salle|salles|bureau partage|"
        "shared office|coworking|tiers lieu|meeting room|salle reunion|permanence|"
        "permanences|espace de travail|workspace",
    ),
    _c(
        "event",
        "événement",
        "event",
        "evenement|evenementiel|event|events|festival|"
        "conference|concert|salon|debat|debate|rencontre",
    ),
    _c(
        "gender",
        "égalité femmes-hommes",
        "gender equality",
        "femme|femmes|women|woman|"
        "genre|gender|egalite femme homme|gender equality|fille|filles|girl|girls|"
        "feminin|female|maternelle|mere|mother|mothers",
    ),
    _c(
        "children",
        "enfance",
        "children",
        "enfant|enfants|child|children|enfance|"
        "childhood|infantile|bebe|baby|babies|orphelin|orphan",
    ),
    _c(
        "youth",
        "jeunes",
        "young people",
        "jeune|jeunes|youth|young people|adolescent|adolescents|teenager|16 25",
    ),
    _c(
        "governance",
        "gouvernance",
        "governance",
        "gouvernance|governance|"
        "conseil administration|board|strategie|strategy|strategique|strategic|"
        "plan strategique|strategic plan|pilotage|organisational development",
    ),
    _c(
        "hr",
        "ressources humaines",
        "human resources",
        "ressources humaines|human resources|rh|hr|gestion personnel|people management|recrutement",
    ),
    _c(
        "cybersecurity",
        "cybersécurité",
        "cybersecurity",
        "cybersecurite|cybersecurity|"
        "securite informatique|it security|intrusion|pentest|penetration testing|"
        "protection donnees|data protection|rgpd|gdpr",
        "it",
    ),
    _c(
        "quality",
        "qualité",
        "quality",
        "qualite|quality|certification|certifie|certified|iso|norme|standard|labellisation|label",
    ),
    _c(
        "maintenance",
        "maintenance",
        "maintenance",
        "maintenance|entretien|entretenir|"
        "reparation|reparer|repair|repairs|technicien|technicienne|technician|"
        "technicians|mecanicien|mechanic|depannage|spare part|piece rechange",
    ),
    _c(
        "csr",
        "RSE",
        "CSR",
        "rse|csr|responsabilite societale|responsabilite sociale|"
        "corporate social responsibility|developpement durable|sustainability|"
        "sustainable|durable",
    ),
    _c(
        "fair-trade",
        "commerce équitable",
        "fair trade",
        "commerce equitable|fair trade|fairtrade|equitable",
        "procurement",
    ),
    _c(
        "advocacy",
        "plaidoyer",
        "advocacy",
        "plaidoyer|advocacy|lobbying|sensibilisation|awareness|campaigning",
    ),
    _c(
        "local",
        "développement local",
        "local development",
        "developpement territorial|"
        "local development|territoire|territorial|quartier|quartiers|neighbourhood|"
        "neighborhood|commune|municipality|collectivite",
    ),
)


@dataclass(frozen=True, slots=True)
class _Trigger:
    stems: tuple[str, ...]
    concepts: tuple[str, ...]


def _expand(keys: Iterable[str], by_key: dict[str, Concept]) -> tuple[str, ...]:
    seen: list[str] = []
    todo = list(keys)
    while todo:
        key = todo.pop(0)
        if key in seen or key not in by_key:
            continue
        seen.append(key)
        todo.extend(by_key[key].broader)
    return tuple(seen)


def _build_triggers() -> tuple[dict[tuple[str, ...], tuple[str, ...]], int]:
    by_key = {concept.key: concept for concept in CONCEPTS}
    table: dict[tuple[str, ...], list[str]] = {}
    longest = 1
    for concept in CONCEPTS:
        for trigger in concept.triggers:
            stems = tuple(s for s, _ in words(trigger))
            if not stems:
                continue
            longest = max(longest, len(stems))
            table.setdefault(stems, [])
            if concept.key not in table[stems]:
                table[stems].append(concept.key)
    return {k: _expand(v, by_key) for k, v in table.items()}, longest


CONCEPTS_BY_KEY: dict[str, Concept] = {concept.key: concept for concept in CONCEPTS}
_TRIGGERS, _LONGEST = _build_triggers()
_TRIGGER_FIRST = frozenset(stems[0] for stems in _TRIGGERS)
# The stems that name a concept on their own: used to avoid listing both a word and its
# concept in reasons.
TRIGGER_STEMS: dict[str, tuple[str, ...]] = {k[0]: v for k, v in _TRIGGERS.items() if len(k) == 1}


def analyse_tokens(text: str) -> list[Token]:
    """Index terms of ``text`` with the surface form that produced each one.

    Stems come as they are; concepts come as ``~key`` (with their broader concepts), once
    per occurrence of a trigger, the longest trigger winning at each position.
    """
    words_ = _word_tokens(text)
    tokens = list(words_)
    stems = [token.term for token in words_]
    count = len(stems)
    i = 0
    while i < count:
        if stems[i] not in _TRIGGER_FIRST:  # no trigger starts here: the common case
            i += 1
            continue
        for n in range(min(_LONGEST, count - i), 0, -1):
            concepts = _TRIGGERS.get(tuple(stems[i : i + n]))
            if concepts:
                surface = " ".join(token.surface for token in words_[i : i + n])
                tokens.extend(_concept_tokens(concepts, surface))
                i += n
                break
        else:
            i += 1
    return tokens


@lru_cache(maxsize=100_000)
def _concept_tokens(concepts: tuple[str, ...], surface: str) -> tuple[Token, ...]:
    return tuple(Token(CONCEPT_PREFIX + key, surface) for key in concepts)


def analyse(text: str) -> list[str]:
    """Index terms of ``text`` (stems and ``~concept`` terms), with repetitions."""
    return [token.term for token in analyse_tokens(text)]

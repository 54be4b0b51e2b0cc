"""Demo data: a deterministic, realistic directory of any size (``manage.py seed_demo``).

``demo_generate`` turns (count, seed) into plain ``OrganisationSpec`` objects
without touching the database. Organisation ``i`` draws everything from its
own ``random.Random`` seeded with (seed, i), so the data depend on nothing but
the arguments, and the first 55 organisations of a 10,000 run are those of a 55
run. Names are unique: a name already taken is drawn again.

The words, places and sentence templates live in ``actors.demo_texts``;
``actors.demo_seed`` writes the specs into the database.
"""

import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from django.utils import timezone
from django.utils.text import slugify

from actors import demo_texts as T
from actors.models import Organisation
from actors.taxonomy import read_rows

SLUG_PREFIX = "demo-"

# A network like the CSI's: many NGOs, local associations and companies, a few
# of everything else.
KIND_WEIGHTS = {
    "ngo": 26,
    "association": 17,
    "company": 27,
    "social-enterprise": 9,
    "foundation": 6,
    "local-authority": 2,
    "public-agency": 3,
    "academic": 3,
    "network": 3,
    "international-organisation": 2,
}
# The first organisations have one of each kind, so that every kind appears
# from ten organisations on. The first two are the demo's pair, made to match: an
# NGO in water, working in Burkina Faso, that needs to ship solar pumps there, and
# a logistics company of the same département that gives skills sponsorship,
# money and goods and also works in Burkina Faso.
OPENING = [
    ("ngo", "water"),
    ("company", "logistics"),
    ("association", None),
    ("social-enterprise", None),
    ("foundation", None),
    ("local-authority", None),
    ("public-agency", None),
    ("academic", None),
    ("network", None),
    ("international-organisation", None),
]
DEMO_PEOPLE_SCOPE = len(OPENING)
DRAFT_INDEXES = (13, 47)
PENDING_INDEXES = (8, 21)
PENDING_SHARE = 0.05
VERIFIED_SHARE = 0.4
# Share of organisations of each kind that list needs (3 to 5 each).
NEEDS_SHARE = {
    "ngo": 0.85,
    "association": 0.7,
    "company": 0.25,
    "social-enterprise": 0.6,
    "foundation": 0.15,
    "local-authority": 0.4,
    "public-agency": 0.3,
    "academic": 0.35,
    "network": 0.45,
    "international-organisation": 0.3,
}


@dataclass
class OrganisationSpec:
    """Everything about one demo organisation, as plain values and slugs."""

    index: int
    slug: str
    name: str
    kind: str
    profile: str
    pitch: str
    description: str
    website: str
    email: str
    phone: str
    street: str
    postcode: str
    city: str
    country: str
    territories: list[str]
    intervention_countries: list[str]
    sdgs: list[int]
    languages: list[str]
    offers: list[str]
    needs: list[tuple[str, str]]
    needs_description: str
    contributions_offered: list[str]
    contributions_sought: list[str]
    status: str
    verified: bool
    created_at: datetime
    published_at: datetime | None


# French helpers -------------------------------------------------------------

_VOWELS = tuple("aeiouyhàâäéèêëîïôöûüAEIOUYHÀÂÄÉÈÊËÎÏÔÖÛÜ")


def _de(phrase: str) -> str:
    """ "de" before a phrase, elided before a vowel: "d'équiper", "de former"."""
    return f"d'{phrase}" if phrase.startswith(_VOWELS) else f"de {phrase}"


def _place_de(place: str) -> str:
    """ "d'Annemasse", "de Lyon", "du Puy-en-Velay", "des Cayes", "de La Roche-sur-Foron"."""
    if place.startswith("Le "):
        return f"du {place[3:]}"
    if place.startswith("Les "):
        return f"des {place[4:]}"
    return _de(place)


def _place_a(place: str) -> str:
    """ "à Annemasse", "au Locle", "aux Cayes"."""
    if place.startswith("Le "):
        return f"au {place[3:]}"
    if place.startswith("Les "):
        return f"aux {place[4:]}"
    return f"à {place}"


def _bare(landmark: str) -> str:
    """ "du Salève" -> "Salève", "de l'Arve" -> "Arve"."""
    for article in ("du ", "de la ", "de l'", "des ", "de "):
        if landmark.startswith(article):
            return landmark[len(article) :]
    return landmark


def _with_article(name: str) -> str:
    """ "la Ville d'Annemasse", "l'Observatoire international …"; brand names stay bare."""
    article = T.ARTICLES.get(name.split(" ", 1)[0].split("-", 1)[0])
    if article is None:
        return name
    return f"{article}{name}" if article.endswith("'") else f"{article} {name}"


def _join(items: list[str], last: str = "et") -> str:
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _in_country(code: str) -> str:
    name, preposition = T.COUNTRIES[code]
    return f"{preposition} {name}"


def _round(n: int) -> str:
    """Round a figure as people write it and format it the French way: "4 500"."""
    if n >= 1000:
        n = round(n, -2)
    elif n >= 100:
        n = round(n, -1)
    return f"{n:,}".replace(",", " ")


# Random helpers -------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[key] for key in keys])[0]


def _some(rng: random.Random, items: list, low: int, high: int) -> list:
    """Between ``low`` and ``high`` distinct items, in a random order."""
    high = min(high, len(items))
    return rng.sample(list(items), rng.randint(min(low, high), high))


def _unique(items) -> list:
    return list(dict.fromkeys(items))


@cache
def _competence_labels() -> dict[str, str]:
    return {row["slug"]: row["label_fr"] for row in read_rows("competences")}


@cache
def _contribution_labels() -> dict[str, str]:
    return {row["slug"]: row["label_fr"] for row in read_rows("contribution_types")}


def _lower_label(label: str) -> str:
    return label[:1].lower() + label[1:]


# Generation ------------------------------------------------------------------


# French contractions a filled-in template may need: "de le projet" -> "du projet",
# "à les habitants" -> "aux habitants", "un conteneur de des pompes" -> "un conteneur de
# pompes", "de ouvrir" -> "d'ouvrir" (lower case only: place names go through _place_de).
_CONTRACTIONS = [
    (re.compile(r"\bde le\b"), "du"),
    (re.compile(r"\bde les\b"), "des"),
    (re.compile(r"\bà le\b"), "au"),
    (re.compile(r"\bà les\b"), "aux"),
    (re.compile(r"\bde (des|du) "), "de "),
    (re.compile(r"\bde ([aeiouéèêàâîô])"), r"d'\1"),
]


def _contract(text: str) -> str:
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


class _Draft(dict):
    """The context of one organisation while it is generated: every placeholder."""

    def fill(self, template: str) -> str:
        return _contract(" ".join(template.format_map(self).split()))


def _place(rng: random.Random, draft: _Draft, *, kind: str) -> None:
    if draft["forced"]:
        territory = "haute-savoie"
    elif kind == "international-organisation":
        territory = "geneve" if rng.random() < 0.85 else "vaud"
    elif kind in ("local-authority", "public-agency"):
        weights = {
            slug: data[0] for slug, data in T.TERRITORIES.items() if not slug.startswith("other-")
        }
        territory = _weighted(rng, weights)
    else:
        territory = _weighted(rng, {slug: data[0] for slug, data in T.TERRITORIES.items()})
    _set_city(rng, draft, territory)


def _set_city(rng: random.Random, draft: _Draft, territory: str) -> None:
    _, country, cities, landmarks = T.TERRITORIES[territory]
    city, postcode, area, _ = rng.choices(cities, weights=[c[3] for c in cities])[0]
    landmark = rng.choice(landmarks)
    draft.update(
        territory=territory,
        country=country,
        city=city,
        postcode=postcode,
        phone_area=area,
        city_a=_place_a(city),
        city_de=_place_de(city),
        city_short=city,
        area=landmark,
        dL=landmark,
        L=_bare(landmark),
        home="en France" if country == "FR" else "en Suisse",
        municipality=(
            f"Commune {_place_de(city)}"
            if country == "CH" and city in T.SWISS_COMMUNES
            else f"Ville {_place_de(city)}"
        ),
        currency="euros" if country == "FR" else "francs",
    )


def _countries(rng: random.Random, weights: dict, low: int, high: int) -> list[str]:
    chosen: list[str] = []
    target = rng.randint(low, high)
    while len(chosen) < min(target, len(weights)):
        code = _weighted(rng, weights)
        if code not in chosen:
            chosen.append(code)
    return chosen


def _set_countries(draft: _Draft, codes: list[str]) -> None:
    draft["intervention_countries"] = codes
    phrases = [_in_country(code) for code in codes]
    draft["countries"] = _join(phrases)
    draft["country1"] = phrases[0] if phrases else draft["home"]
    draft["countries_or_home"] = (
        f"{draft['home']} et {_join(phrases)}" if phrases else draft["home"]
    )


def _name_parts(rng: random.Random, draft: _Draft) -> None:
    """Fresh random words for a name: drawn again when a name is already taken."""
    landmarks = T.TERRITORIES[draft["territory"]][3]
    landmark = rng.choice(landmarks)
    surname, surname2 = rng.sample(T.SURNAMES, 2)
    coined = rng.choice(T.COINED_STEMS) + rng.choice(T.COINED_ENDINGS)
    draft.update(
        dL=landmark,
        L=_bare(landmark),
        area=landmark,
        surname=surname,
        surname2=surname2,
        coined=coined,
        solidarity=rng.choice(T.SOLIDARITY_WORDS),
        region=rng.choice(T.REGIONS),
        collective=rng.choice(T.COLLECTIVES),
        io_prefix=rng.choice(T.INTERNATIONAL_PREFIXES),
        io_short=rng.choice(T.INTERNATIONAL_SHORT),
        io_region=rng.choice(T.INTERNATIONAL_REGIONS),
    )
    theme = T.THEMES.get(draft.get("theme", ""))
    if theme:
        draft["core"] = rng.choice(theme["cores"])
    codes = draft.get("intervention_countries") or []
    town_country = rng.choice(codes) if codes else rng.choice(list(T.TOWNS))
    town = rng.choice(T.TOWNS[town_country])
    draft.update(town=town, town_de=_place_de(town))


def _unique_name(rng, draft: _Draft, templates, used: set[str], *, relocate=False) -> str:
    """A name no earlier organisation has.

    ``templates`` is a list, or a dict of lists by country. ``relocate`` draws
    another city for every attempt (a town hall is named after its town);
    after a few attempts the organisation moves to another territory, where
    other landmarks and towns make other names.
    """
    for attempt in range(60):
        if attempt >= 8:
            _place(rng, draft, kind=draft["kind"])
        elif relocate:
            _set_city(rng, draft, draft["territory"])
        if relocate or attempt >= 8:
            _set_countries(draft, draft["intervention_countries"])
        _name_parts(rng, draft)
        options = templates[draft["country"]] if isinstance(templates, dict) else templates
        name = draft.fill(rng.choice(options))
        if name.lower() not in used:
            break
    else:
        base, counter = name, 2
        while f"{base} {counter}".lower() in used:
            counter += 1
        name = f"{base} {counter}"
    used.add(name.lower())
    draft.update(name=name, the_name=_with_article(name), The_name=_cap(_with_article(name)))
    return name


def _actions(rng: random.Random, draft: _Draft, actions: list[str]) -> None:
    chosen = rng.sample(actions, 3)
    for number, action in enumerate(chosen, start=1):
        draft[f"action{number}"] = action
        draft[f"de_action{number}"] = _de(action)
    draft["Action1"] = _cap(chosen[0])


def _result(rng: random.Random, draft: _Draft, results: list) -> str:
    template, low, high = rng.choice(results)
    return template.format(n=_round(rng.randint(low, high)), year=draft["year_recent"])


def _pitch(rng: random.Random, draft: _Draft, templates: list[str]) -> str:
    for template in rng.sample(templates, len(templates)):
        pitch = draft.fill(template)
        if len(pitch) <= 200:
            return pitch
    return pitch[:199].rsplit(" ", 1)[0] + "…"


def _paragraphs(sentences: list[str], split: int) -> str:
    sentences = [sentence for sentence in sentences if sentence]
    return " ".join(sentences[:split]) + "\n\n" + " ".join(sentences[split:])


def _build_ngo(rng, draft, used):
    theme_key = draft.get("forced") or _weighted(
        rng, {key: theme["weight"] for key, theme in T.THEMES.items()}
    )
    theme = T.THEMES[theme_key]
    draft.update(theme=theme_key, profile=theme_key)
    codes = _countries(rng, theme["countries"], 1, 3)
    if draft["forced"]:
        codes = ["BF", *(code for code in codes if code != "BF")][:3]
    _set_countries(draft, codes)
    draft.update(
        domain=theme["domain"],
        cause=theme["cause"],
        beneficiaries=rng.choice(theme["beneficiaries"]),
        staff=rng.choice([2, 3, 4, 5, 6, 8, 12, 15, 25, 40]),
        volunteers=rng.choice([15, 20, 30, 45, 60, 80, 120, 200]),
    )
    _unique_name(rng, draft, T.NGO_NAMES, used)
    _actions(rng, draft, theme["actions"])
    draft["pitch"] = _pitch(rng, draft, T.NGO_PITCHES)
    middle = [
        _result(rng, draft, theme["results"]),
        draft.fill(rng.choice(T.NGO_APPROACHES)),
        draft.fill(rng.choice(T.NGO_TEAMS)),
    ]
    rng.shuffle(middle)
    sentences = [
        draft.fill(rng.choice(T.NGO_INTROS)),
        draft.fill(rng.choice(T.NGO_ACTIONS)),
        *middle[: rng.randint(2, 3)],
    ]
    sentences.append(draft.fill(rng.choice(T.NGO_CLOSINGS)))
    draft["description"] = _paragraphs(sentences, 2)
    draft["offers"] = theme["offers"] + _some(rng, theme["offers_extra"], 1, 2)
    draft["sdgs"] = theme["sdgs"] + _some(rng, theme["sdgs_extra"], 0, 2)
    draft["need_pool"] = theme["needs"]
    draft["need_templates"] = T.NEED_TEMPLATES
    draft["contributions_sought"] = ["skills-sponsorship", "financial-sponsorship"] + _some(
        rng,
        ["in-kind-donation", "technical-expertise", "employee-volunteering", "network-visibility"],
        1,
        2,
    )
    draft["contributions_offered"] = _some(
        rng, ["technical-expertise", "co-innovation", "network-visibility"], 1, 2
    )
    _theme_context(rng, draft, theme)


def _theme_context(rng, draft, theme) -> None:
    draft.update(
        project=rng.choice(theme["project"]),
        cargo=theme["cargo"][0] if draft["forced"] else rng.choice(theme["cargo"]),
        beneficiaries=draft.get("beneficiaries") or rng.choice(theme["beneficiaries"]),
    )


def _build_association(rng, draft, used):
    key = _weighted(rng, {key: theme["weight"] for key, theme in T.LOCAL_THEMES.items()})
    theme = T.LOCAL_THEMES[key]
    draft.update(profile=key, staff=rng.randint(2, 6), volunteers=rng.choice([8, 12, 20, 35, 50]))
    codes = _countries(rng, T.THEMES["education"]["countries"], 1, 1) if key == "twinning" else []
    _set_countries(draft, codes)
    _unique_name(rng, draft, theme["names"], used)
    draft["domain"] = draft.fill(theme["domain"])
    _actions(rng, draft, theme["actions"])
    draft["beneficiaries"] = rng.choice(theme["beneficiaries"])
    draft["pitch"] = _pitch(rng, draft, T.LOCAL_PITCHES)
    intros = T.LOCAL_INTROS if draft["country"] == "FR" else T.LOCAL_INTROS_CH
    closings = rng.sample(T.LOCAL_CLOSINGS, 2)
    sentences = [
        draft.fill(rng.choice(intros)),
        draft.fill(rng.choice(T.LOCAL_ACTIONS)),
        _result(rng, draft, theme["results"]),
        *(draft.fill(closing) for closing in closings),
    ]
    draft["description"] = _paragraphs(sentences, 2)
    draft["offers"] = theme["offers"] + _some(rng, theme["offers_extra"], 0, 1)
    draft["sdgs"] = theme["sdgs"] + _some(rng, theme["sdgs_extra"], 0, 1)
    draft["need_pool"] = theme["needs"]
    draft["need_templates"] = T.NEED_TEMPLATES
    draft["contributions_sought"] = ["financial-sponsorship"] + _some(
        rng,
        [
            "skills-sponsorship",
            "in-kind-donation",
            "employee-volunteering",
            "premises-equipment",
            "network-visibility",
        ],
        1,
        3,
    )
    draft["contributions_offered"] = _some(rng, ["network-visibility", "co-innovation"], 0, 1)
    _theme_context(rng, draft, theme)


def _build_company(rng, draft, used):
    key = draft.get("forced") or _weighted(
        rng, {key: sector["weight"] for key, sector in T.SECTORS.items()}
    )
    sector = T.SECTORS[key]
    size_key = _weighted(rng, {key: size[0] for key, size in T.COMPANY_SIZES.items()})
    if draft["forced"]:
        size_key = "mid"
    _, size, (low, high), gives_money, volunteers = T.COMPANY_SIZES[size_key]
    staff = rng.randint(low, high)
    draft.update(
        profile=key,
        size=size,
        Size=_cap(size),
        label=sector["label"],
        activity=sector["activity"],
        staff=_round(staff),
        gifts=sector["gifts"],
        business=sector["business"],
        clients=rng.choice(T.CLIENTS),
        scope=rng.choice(T.SCOPES),
        days=rng.choice([2, 3, 5, 10]),
        label_csr=rng.choice(T.CSR_LABELS),
        year2=rng.randint(2012, 2023),
        n=rng.randint(3, 60),
    )
    sites = rng.randint(1, 6) if size_key != "micro" else 1
    draft["sites"] = (
        f"sur {sites} sites {draft['scope']}" if sites > 1 else f"dans ses locaux {draft['city_a']}"
    )
    codes = []
    if size_key in ("mid", "large") and rng.random() < 0.3:
        codes = _countries(rng, {"MA": 4, "SN": 3, "CI": 3, "CM": 2, "TN": 3, "MG": 1}, 1, 2)
    _set_countries(draft, ["BF", "SN"] if draft["forced"] else codes)
    name = _unique_name(rng, draft, sector["names"], used)
    formal = f"{name} {rng.choice(T.LEGAL_FORMS[draft['country']])}"
    if rng.random() < 0.35 and formal.lower() not in used:
        used.add(formal.lower())
        draft["name"] = formal
    offered = ["skills-sponsorship"] if rng.random() < 0.85 else []
    if draft["forced"]:
        offered = ["skills-sponsorship", "financial-sponsorship", "in-kind-donation"]
    if rng.random() < gives_money:
        offered.append("financial-sponsorship")
    if rng.random() < volunteers:
        offered.append("employee-volunteering")
    for slug, share in (
        ("in-kind-donation", 0.55),
        ("technical-expertise", 0.4),
        ("economic-cooperation", 0.3),
        ("premises-equipment", 0.15),
        ("network-visibility", 0.15),
    ):
        if rng.random() < share:
            offered.append(slug)
    if len(offered) < 2:
        offered += [
            slug for slug in ("skills-sponsorship", "in-kind-donation") if slug not in offered
        ]
    draft["contributions_offered"] = offered
    draft["contributions_sought"] = _some(
        rng,
        ["co-innovation", "technical-expertise", "economic-cooperation", "network-visibility"],
        0,
        2,
    )
    draft["contributions"] = _join([T.CONTRIBUTION_PHRASES[slug] for slug in offered[:3]])
    draft["offers"] = sector["offers"] + _some(rng, sector["offers_extra"], 0, 2)
    if size_key in ("mid", "large") and rng.random() < 0.25:
        draft["offers"].append("employee-engagement")
    labels = _competence_labels()
    draft["offers_text"] = _join([_lower_label(labels[slug]) for slug in draft["offers"][:3]])
    draft["pitch"] = _pitch(rng, draft, T.COMPANY_PITCHES)
    extra = draft.fill(rng.choice(sector["extra"]))
    offer_sentence = rng.choice(T.COMPANY_OFFERS).replace("{offers}", "{offers_text}")
    abroad = "Elle est aussi présente {countries}." if draft["intervention_countries"] else ""
    sentences = [
        draft.fill(rng.choice(T.COMPANY_INTROS)),
        draft.fill(rng.choice(T.COMPANY_STAFF)),
        draft.fill(abroad),
        extra,
        *(draft.fill(csr) for csr in rng.sample(T.COMPANY_CSR, rng.randint(1, 2))),
        draft.fill(offer_sentence),
    ]
    draft["description"] = _paragraphs(sentences, 3)
    draft["sdgs"] = sector["sdgs"] + _some(rng, sector["sdgs_extra"], 0, 2)
    draft["need_pool"] = T.COMPANY_NEEDS
    draft["need_templates"] = T.COMPANY_NEED_TEMPLATES
    draft["needs_openings"] = T.COMPANY_NEEDS_OPENINGS
    draft.update(project="notre démarche RSE", cargo=sector["gifts"], beneficiaries="nos clients")
    draft["languages_extra"] = 0.6 if size_key in ("mid", "large") else 0.15


def _build_social_enterprise(rng, draft, used):
    key = _weighted(rng, {key: p["weight"] for key, p in T.SOCIAL_ENTERPRISES.items()})
    profile = T.SOCIAL_ENTERPRISES[key]
    draft.update(
        profile=key,
        status=profile["status"],
        activity=profile["activity"],
        staff=rng.randint(8, 90),
        people=rng.randint(8, 120),
    )
    codes = _countries(rng, {"BF": 3, "MG": 2, "PE": 2, "SN": 2, "IN": 1}, 1, 2)
    _set_countries(draft, codes if key == "fair-trade" else [])
    _unique_name(rng, draft, profile["names"], used)
    draft["contributions_offered"] = ["economic-cooperation"] + _some(
        rng, ["co-innovation", "technical-expertise", "in-kind-donation"], 0, 2
    )
    draft["contributions_sought"] = _some(
        rng,
        [
            "financial-sponsorship",
            "skills-sponsorship",
            "economic-cooperation",
            "premises-equipment",
            "network-visibility",
        ],
        2,
        3,
    )
    draft["contributions"] = _join(
        [T.CONTRIBUTION_PHRASES[slug] for slug in draft["contributions_offered"]]
    )
    draft["pitch"] = _pitch(rng, draft, T.SOCIAL_PITCHES)
    sentences = [draft.fill(rng.choice(T.SOCIAL_INTROS))] + [
        draft.fill(more) for more in rng.sample(T.SOCIAL_MORE, 3)
    ]
    draft["description"] = _paragraphs(sentences, 2)
    draft["offers"] = list(profile["offers"])
    draft["sdgs"] = list(profile["sdgs"])
    draft["need_pool"] = T.KIND_NEEDS["social-enterprise"]
    draft["need_templates"] = T.NEED_TEMPLATES
    draft.update(
        project="nos parcours d'insertion",
        cargo="du matériel",
        beneficiaries="nos salariés en insertion",
    )


def _cause(rng, draft) -> dict:
    key = _weighted(rng, {key: theme["weight"] for key, theme in T.THEMES.items()})
    theme = T.THEMES[key]
    pour, de = T.INTERNATIONAL_CAUSES[key]
    draft.update(
        theme=key,
        profile=key,
        domain=theme["domain"],
        cause=theme["cause"],
        cause_lower=theme["cause"].lower(),
        cause_pour=pour,
        cause_de=de,
    )
    _theme_context(rng, draft, theme)
    return theme


def _build_foundation(rng, draft, used):
    theme = _cause(rng, draft)
    codes = _countries(rng, theme["countries"], 1, 3) if rng.random() < 0.5 else []
    _set_countries(draft, codes)
    draft["budget"] = _round(1000 * rng.choice([80, 150, 250, 400, 600, 900, 1500]))
    name = _unique_name(rng, draft, T.FOUNDATION_NAMES, used)
    intros = T.FUND_INTROS if name.startswith("Fonds") else T.FOUNDATION_INTROS
    draft["pitch"] = _pitch(rng, draft, T.FOUNDATION_PITCHES)
    sentences = [draft.fill(rng.choice(intros))] + [
        draft.fill(more) for more in rng.sample(T.FOUNDATION_MORE, 3)
    ]
    draft["description"] = _paragraphs(sentences, 2)
    draft["offers"] = _some(rng, T.KIND_OFFERS["foundation"], 1, 2) + [theme["offers"][0]]
    draft["sdgs"] = theme["sdgs"] + _some(rng, [17, *theme["sdgs_extra"]], 0, 1)
    draft["contributions_offered"] = ["financial-sponsorship"] + _some(
        rng, ["network-visibility", "skills-sponsorship", "technical-expertise"], 0, 2
    )
    draft["contributions_sought"] = _some(rng, ["co-innovation", "technical-expertise"], 0, 1)


def _build_public(rng, draft, used, *, kind):
    if kind == "local-authority":
        templates = T.LOCAL_AUTHORITY_NAMES
        intros, more = T.LOCAL_AUTHORITY_INTROS, T.LOCAL_AUTHORITY_MORE
        codes = _countries(rng, T.THEMES["water"]["countries"], 1, 1) if rng.random() < 0.35 else []
        offered = _some(
            rng, ["premises-equipment", "financial-sponsorship", "network-visibility"], 2, 3
        )
        sought = _some(
            rng,
            ["co-innovation", "technical-expertise", "economic-cooperation", "skills-sponsorship"],
            1,
            2,
        )
    else:
        templates = T.PUBLIC_AGENCY_NAMES
        intros, more = T.PUBLIC_AGENCY_INTROS, T.PUBLIC_AGENCY_MORE
        codes = []
        offered = ["technical-expertise"] + _some(
            rng, ["network-visibility", "premises-equipment", "financial-sponsorship"], 1, 2
        )
        sought = _some(rng, ["co-innovation", "economic-cooperation"], 0, 1)
    _set_countries(draft, codes)
    draft["profile"] = kind
    _unique_name(rng, draft, templates, used, relocate=True)
    if "{town}" in " ".join(more) and not codes:
        more = [sentence for sentence in more if "{town}" not in sentence]
    draft["pitch"] = _pitch(rng, draft, T.PUBLIC_PITCHES)
    sentences = [draft.fill(rng.choice(intros))] + [
        draft.fill(sentence) for sentence in rng.sample(more, 3)
    ]
    draft["description"] = _paragraphs(sentences, 2)
    draft["offers"] = _some(rng, T.KIND_OFFERS[kind], 2, 3)
    draft["sdgs"] = [11, 17] + _some(rng, [8, 10, 13, 4], 0, 2)
    draft["contributions_offered"], draft["contributions_sought"] = offered, sought
    draft.update(
        project="notre politique de solidarité" if kind == "local-authority" else "nos programmes",
        cargo="du matériel",
        beneficiaries="les habitants",
    )


def _build_academic(rng, draft, used):
    field, theme_key = rng.choice(T.ACADEMIC_FIELDS)
    theme = T.THEMES[theme_key]
    draft.update(field=field, field_de=_de(field), theme=theme_key, profile=theme_key)
    draft.update(domain=theme["domain"])
    codes = _countries(rng, theme["countries"], 1, 2) if rng.random() < 0.4 else []
    _set_countries(draft, codes)
    _unique_name(rng, draft, T.ACADEMIC_NAMES, used)
    draft["pitch"] = _pitch(
        rng,
        draft,
        [
            "Recherche et formation en {field}, au service des acteurs de la solidarité.",
            "Des chercheurs en {field} qui travaillent avec les ONG et les entreprises {area}.",
        ],
    )
    sentences = [draft.fill(rng.choice(T.ACADEMIC_INTROS))] + [
        draft.fill(sentence) for sentence in rng.sample(T.ACADEMIC_MORE, 3)
    ]
    draft["description"] = _paragraphs(sentences, 2)
    draft["offers"] = _some(rng, T.KIND_OFFERS["academic"], 2, 3) + [theme["offers"][0]]
    draft["sdgs"] = [4, *theme["sdgs"][:1]] + _some(rng, theme["sdgs_extra"], 0, 1)
    draft["contributions_offered"] = ["technical-expertise", "co-innovation"] + _some(
        rng, ["premises-equipment"], 0, 1
    )
    draft["contributions_sought"] = _some(
        rng, ["financial-sponsorship", "economic-cooperation", "network-visibility"], 1, 2
    )
    _theme_context(rng, draft, theme)
    draft["languages_extra"] = 0.8


def _build_network(rng, draft, used):
    draft.update(profile="network", members=rng.choice([30, 45, 60, 80, 120, 150, 250]))
    _set_countries(draft, [])
    _unique_name(rng, draft, T.NETWORK_NAMES, used)
    draft["pitch"] = _pitch(
        rng,
        draft,
        [
            "Le réseau des acteurs de la solidarité {area}.",
            "Fédérer, former et représenter les organisations solidaires {area}.",
        ],
    )
    sentences = [draft.fill(rng.choice(T.NETWORK_INTROS))] + [
        draft.fill(sentence) for sentence in rng.sample(T.NETWORK_MORE, 3)
    ]
    draft["description"] = _paragraphs(sentences, 2)
    draft["offers"] = _some(rng, T.KIND_OFFERS["network"], 2, 3)
    draft["sdgs"] = [17] + _some(rng, [10, 16, 8, 13], 1, 2)
    draft["contributions_offered"] = ["network-visibility"] + _some(
        rng, ["technical-expertise", "co-innovation"], 0, 1
    )
    draft["contributions_sought"] = _some(
        rng, ["financial-sponsorship", "skills-sponsorship", "premises-equipment"], 1, 2
    )
    draft.update(project="la vie du réseau", cargo="du matériel", beneficiaries="nos membres")


def _build_international(rng, draft, used):
    theme = _cause(rng, draft)
    _set_countries(draft, _countries(rng, theme["countries"], 3, 6))
    _unique_name(rng, draft, T.INTERNATIONAL_NAMES, used)
    draft["pitch"] = _pitch(
        rng,
        draft,
        [
            "Organisation internationale basée à Genève, engagée pour {domain} {countries}.",
            "Depuis Genève, nous agissons pour {domain} avec États, ONG et entreprises.",
        ],
    )
    sentences = [draft.fill(rng.choice(T.INTERNATIONAL_INTROS))] + [
        draft.fill(sentence) for sentence in rng.sample(T.INTERNATIONAL_MORE, 3)
    ]
    draft["description"] = _paragraphs(sentences, 2)
    draft["offers"] = _some(rng, T.KIND_OFFERS["international-organisation"], 2, 2) + [
        theme["offers"][0]
    ]
    draft["sdgs"] = theme["sdgs"] + [17]
    draft["contributions_offered"] = ["technical-expertise", "network-visibility"] + _some(
        rng, ["co-innovation"], 0, 1
    )
    draft["contributions_sought"] = _some(
        rng, ["financial-sponsorship", "co-innovation", "skills-sponsorship"], 1, 2
    )
    draft["languages"] = ["en", "fr"] + _some(rng, ["es", "ar"], 0, 1)


def _needs(rng, draft, *, kind: str, index: int) -> tuple[list[tuple[str, str]], str]:
    """3 to 5 needs (competence, sentence) and the paragraph that sums them up."""
    if index != 0 and rng.random() >= NEEDS_SHARE[kind]:
        return [], ""
    pool = draft.get("need_pool") or T.KIND_NEEDS[kind]
    pool = [slug for slug in pool if slug not in draft["offers"]]
    count = rng.choices([3, 4, 5], weights=[40, 35, 25])[0]
    chosen = rng.sample(pool, min(count, len(pool)))
    if index == 0 and "logistics-supply-chain" in pool:
        chosen = ["logistics-supply-chain"] + [s for s in chosen if s != "logistics-supply-chain"]
        chosen = chosen[:count]
    labels = _competence_labels()
    templates = draft.get("need_templates") or T.NEED_TEMPLATES
    abroad = bool(draft["intervention_countries"])
    needs = []
    for slug in chosen:
        options = [
            template
            for template in templates.get(slug, [])
            if abroad or ("{country1}" not in template and "{countries}" not in template)
        ]
        template = rng.choice(options) if options else T.NEED_FALLBACK
        if index == 0 and slug == "logistics-supply-chain":
            template = templates[slug][0]
        draft["label"] = _lower_label(labels[slug])
        needs.append((slug, draft.fill(template)))
    draft["labels"] = _join([_lower_label(labels[slug]) for slug in chosen])
    contributions = _contribution_labels()
    sought = draft["contributions_sought"]
    draft["contributions"] = _join([_lower_label(contributions[slug]) for slug in sought])
    openings = draft.get("needs_openings") or T.NEEDS_OPENINGS
    parts = [draft.fill(rng.choice(openings))]
    if sought:
        parts.append(draft.fill(rng.choice(T.NEEDS_SUPPORT)))
    parts.append(draft.fill(rng.choice(T.NEEDS_CLOSINGS)))
    return needs, " ".join(parts)


def _languages(rng, draft) -> list[str]:
    if draft.get("languages"):
        return draft["languages"]
    languages = ["fr"]
    english = draft.get("languages_extra", 0.25 if draft["country"] == "CH" else 0.15)
    if rng.random() < english:
        languages.append("en")
    german = 0.5 if draft["territory"] in ("fribourg", "valais", "other-switzerland") else 0.06
    if draft["country"] == "CH" and rng.random() < german:
        languages.append("de")
    codes = set(draft["intervention_countries"])
    if codes & {"CO", "PE", "BO"} and rng.random() < 0.7:
        languages.append("es")
    if codes & {"MA", "TN", "LB", "SY"} and rng.random() < 0.4:
        languages.append("ar")
    if codes & {"UA"} and rng.random() < 0.3:
        languages.append("uk")
    if rng.random() < 0.02:
        languages.append("it")
    return _unique(languages)


def _phone(rng: random.Random, draft: _Draft, *, mobile: bool = False) -> str:
    def digits(count: int) -> str:
        return "".join(str(rng.randint(0, 9)) for _ in range(count))

    style = rng.random()
    if draft["country"] == "CH":
        area = rng.choice(["76", "78", "79"]) if mobile else draft["phone_area"]
        number = f"{digits(3)} {digits(2)} {digits(2)}"
        return f"+41 {area} {number}" if style < 0.3 else f"0{area} {number}"
    first, *pairs = (rng.choice(["6", "7"]) if mobile else draft["phone_area"]).split()
    pairs += [digits(2) for _ in range(4 - len(pairs))]
    if style < 0.2:
        return f"+33 {first} {' '.join(pairs)}"
    if style < 0.3:
        return ".".join([f"0{first}", *pairs])
    return " ".join([f"0{first}", *pairs])


def _contact(rng, draft, *, kind: str) -> dict:
    words = [w for w in slugify(draft["name"]).split("-") if w not in ("sas", "sarl", "sa")]
    domain = ""
    for word in words:
        if len(domain) + len(word) > 40:
            break
        domain = f"{domain}-{word}" if domain else word
    domain = domain or words[0][:40]
    local = rng.choice(T.EMAIL_NAMES.get(kind, T.DEFAULT_EMAIL_NAMES))
    has_site = kind != "association" or rng.random() < 0.7
    street = ""
    if kind != "association" or rng.random() < 0.8:
        number = rng.randint(1, 120)
        if draft["country"] == "FR":
            street = f"{number} {rng.choice(T.FRENCH_STREETS)}"
        else:
            street = f"{rng.choice(T.SWISS_STREETS)} {number}"
    return {
        "website": f"https://www.{domain}.example" if has_site else "",
        "email": f"{local}@{domain}.example",
        "phone": _phone(rng, draft, mobile=kind == "association" and rng.random() < 0.4),
        "street": street,
    }


def _territories(rng, draft, *, kind: str) -> list[str]:
    territories = [draft["territory"]]
    neighbours = T.NEIGHBOURS.get(draft["territory"], [])
    if kind not in ("local-authority",) and neighbours and rng.random() < 0.45:
        territories += _some(rng, neighbours, 1, 2)
    if draft["intervention_countries"] or kind == "international-organisation":
        territories.append("international")
    return _unique(territories)


def _dates(rng, *, status: str, index: int, today: datetime) -> tuple[datetime, datetime | None]:
    if status == Organisation.Status.PENDING:
        days = rng.uniform(1, 30)
    elif status == Organisation.Status.DRAFT:
        days = rng.uniform(1, 60)
    elif index < len(OPENING):
        days = rng.uniform(400, 720)
    else:
        days = rng.uniform(2, 730)
    created = today - timedelta(seconds=int(days * 86400))
    if status != Organisation.Status.PUBLISHED:
        return created, None
    published = created + timedelta(seconds=rng.randint(3600, 14 * 86400))
    return created, min(published, today)


def _status(rng, index: int) -> tuple[str, bool]:
    if index < len(OPENING) // 2:
        return Organisation.Status.PUBLISHED, True
    if index in DRAFT_INDEXES:
        return Organisation.Status.DRAFT, False
    if index in PENDING_INDEXES or rng.random() < PENDING_SHARE:
        return Organisation.Status.PENDING, False
    return Organisation.Status.PUBLISHED, rng.random() < VERIFIED_SHARE


_BUILDERS = {
    "ngo": _build_ngo,
    "association": _build_association,
    "company": _build_company,
    "social-enterprise": _build_social_enterprise,
    "foundation": _build_foundation,
    "local-authority": lambda rng, draft, used: _build_public(
        rng, draft, used, kind="local-authority"
    ),
    "public-agency": lambda rng, draft, used: _build_public(rng, draft, used, kind="public-agency"),
    "academic": _build_academic,
    "network": _build_network,
    "international-organisation": _build_international,
}


def demo_today() -> datetime:
    """Midnight today in Europe/Paris: the anchor of the demo's dates."""
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def demo_generate(
    *, count: int, seed: int, today: datetime | None = None
) -> list[OrganisationSpec]:
    """``count`` organisations for ``seed``: the same arguments give the same list."""
    today = today or demo_today()
    used_names: set[str] = set()
    used_slugs: set[str] = set()
    specs = []
    for index in range(count):
        rng = random.Random(f"coexist-demo:{seed}:{index}")
        if index < len(OPENING):
            kind, forced = OPENING[index]
        else:
            kind, forced = _weighted(rng, KIND_WEIGHTS), None
        draft = _Draft(kind=kind, forced=forced, year=rng.randint(1975, 2021))
        draft["year_recent"] = today.year - rng.choice([1, 2])
        _place(rng, draft, kind=kind)
        _BUILDERS[kind](rng, draft, used_names)
        draft["offers"] = _unique(draft["offers"])
        needs, needs_description = _needs(rng, draft, kind=kind, index=index)
        status, verified = _status(rng, index)
        created_at, published_at = _dates(rng, status=status, index=index, today=today)
        base = f"{SLUG_PREFIX}{slugify(draft['name'])[:200]}"
        slug, counter = base, 2
        while slug in used_slugs:
            slug, counter = f"{base}-{counter}", counter + 1
        used_slugs.add(slug)
        specs.append(
            OrganisationSpec(
                index=index,
                slug=slug,
                name=draft["name"],
                kind=kind,
                profile=draft["profile"],
                pitch=draft["pitch"],
                description=draft["description"],
                **_contact(rng, draft, kind=kind),
                postcode=draft["postcode"],
                city=draft["city"],
                country=draft["country"],
                territories=_territories(rng, draft, kind=kind),
                intervention_countries=sorted(draft["intervention_countries"]),
                sdgs=sorted(set(draft["sdgs"])),
                languages=_languages(rng, draft),
                offers=draft["offers"],
                needs=needs,
                needs_description=needs_description,
                contributions_offered=_unique(draft["contributions_offered"]),
                contributions_sought=_unique(draft["contributions_sought"]),
                status=status,
                verified=verified,
                created_at=created_at,
                published_at=published_at,
            )
        )
    return specs

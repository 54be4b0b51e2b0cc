"""Organisations for the large benchmark sizes, beyond those of ``data/organisations.json``.

``generate(start=…, count=…, seed=…)`` makes rows ``start`` to ``count - 1`` of the demo
directory as plain dicts in the directory format of the README's contract (the same keys
as ``organisations.json``), combining the words of ``data/vocabulary.json`` with the
taxonomies' slugs. Row ``i`` draws everything from its own ``random.Random`` seeded with
(seed, i): the same arguments give the same rows, and the rows of a smaller run are those
of a bigger one. Each row also gets a review state (``status``, outside the format), as
``data/extra.json`` gives them for the file's rows; its needs have no text of their own
(its ``needs_description`` says what it looks for).
Nothing here touches the database: ``coexist.demo.seed`` validates the rows with the
import's validator and writes them through ``organisations_upsert``.
"""

import json
import random
from functools import cache
from pathlib import Path

from django.utils.text import slugify

from actors.taxonomy import read_rows

VOCABULARY = Path(__file__).resolve().parent / "data" / "vocabulary.json"
PENDING_SHARE = 0.05
NEEDS_SHARE = 0.5


@cache
def vocabulary() -> dict:
    return json.loads(VOCABULARY.read_text(encoding="utf-8"))


@cache
def _slugs(taxonomy: str) -> tuple[str, ...]:
    return tuple(row["slug"] for row in read_rows(taxonomy))


def _phone(rng: random.Random, country: str, area: str) -> str:
    pairs = " ".join(f"{rng.randint(0, 99):02d}" for _ in range(3 if country == "FR" else 2))
    if country == "FR":
        return f"0{area} {pairs}"
    return f"0{area} {rng.randint(100, 999)} {pairs}"


def _row(rng: random.Random, index: int) -> dict:
    words = vocabulary()
    kinds = words["kinds"]
    kind = rng.choices(list(kinds), weights=list(kinds.values()))[0]
    city, postcode, country, territory, area = rng.choice(words["places"])
    topic = rng.choice(words["name_topics"])
    # The index makes names (and so slugs) unique whatever the draw.
    name = f"{rng.choice(words['name_starts'][kind])} {topic} {index}"
    domain = slugify(name)
    year = rng.randint(1975, 2022)
    context = {"name": name, "city": city, "topic": topic.removeprefix("de l'"), "year": year}
    abroad = kind in ("ngo", "international-organisation") or rng.random() < 0.2
    competences = _slugs("competences")
    offers = rng.sample(competences, rng.randint(2, 4))
    needs = []
    if rng.random() < NEEDS_SHARE:
        needs = rng.sample([slug for slug in competences if slug not in offers], rng.randint(3, 5))
    contributions = _slugs("contribution_types")
    sentences = rng.sample(words["sentences"], 4)
    return {
        "slug": f"demo-{domain}",
        "name": name,
        "kind": kind,
        "pitch": rng.choice(words["pitches"]).format(**context),
        "description": " ".join(sentences[:2]).format(**context)
        + "\n\n"
        + " ".join(sentences[2:]).format(**context),
        "website": f"https://www.{domain}.example",
        "email": f"contact@{domain}.example",
        "phone": _phone(rng, country, area),
        "street": f"{rng.randint(1, 120)} {rng.choice(words['streets'])}",
        "postcode": postcode,
        "city": city,
        "country": country,
        "territories": [territory, "international"] if abroad else [territory],
        "intervention_countries": sorted(
            rng.sample(words["countries_abroad"], rng.randint(1, 3)) if abroad else []
        ),
        "sdgs": sorted(rng.sample(range(1, 18), rng.randint(1, 4))),
        "offers": offers,
        "needs": needs,
        "needs_description": rng.choice(words["needs_description"]) if needs else "",
        "contributions_offered": rng.sample(contributions, rng.randint(1, 3)),
        "contributions_sought": rng.sample(contributions, rng.randint(0, 2)),
        "languages": rng.choice(words["languages"]),
    }


def generate(*, start: int, count: int, seed: int) -> tuple[list[dict], dict[str, dict]]:
    """Rows ``start`` to ``count - 1``: (directory rows, ``{slug: side data}``)."""
    rows, extra = [], {}
    for index in range(start, count):
        rng = random.Random(f"coexist-demo:{seed}:{index}")
        row = _row(rng, index)
        status = "pending" if rng.random() < PENDING_SHARE else "published"
        extra[row["slug"]] = {"status": status}
        rows.append(row)
    return rows, extra

"""Evaluate the matching engine against two baselines on the labelled sets.

    .venv/bin/python bench/matching_eval/evaluate.py            # both parts, summary
    .venv/bin/python bench/matching_eval/evaluate.py --verbose  # per organisation
    .venv/bin/python bench/matching_eval/evaluate.py --ablation # one signal removed at a time
    .venv/bin/python bench/matching_eval/evaluate.py --part dev

No Django: it reads ``<part>/organisations.json`` (the directory format: README,
"Directory spreadsheet"), ``<part>/judgments.json`` and the taxonomy CSV files of
``actors/taxonomy/``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from matching.engine import Engine  # noqa: E402
from matching.profiles import Profile, Taxonomy  # noqa: E402
from matching.weights import WEIGHTS, Params  # noqa: E402

# The first set (dev: tuning, heldout: reported), and the second, blind one written without
# reading the engine (bench/matching_eval_v2: tune, test).
PART_DIRS = {
    "dev": HERE / "dev",
    "heldout": HERE / "heldout",
    "v2-tune": HERE.parent / "matching_eval_v2" / "tune",
    "v2-test": HERE.parent / "matching_eval_v2" / "test",
}
PARTS = tuple(PART_DIRS)
Ranker = Callable[[str], list[str]]


def load_part(part: str) -> tuple[list[dict], dict[str, dict[str, int]]]:
    organisations = json.loads((PART_DIRS[part] / "organisations.json").read_text("utf-8"))
    judgments = json.loads((PART_DIRS[part] / "judgments.json").read_text("utf-8"))
    slugs = {o["slug"] for o in organisations}
    for seeker, grades in judgments.items():
        unknown = ({seeker} | set(grades)) - slugs
        if unknown:
            raise SystemExit(f"{part}: unknown slugs in judgments: {sorted(unknown)}")
    return organisations, judgments


def to_profile(index: int, row: dict) -> Profile:
    """A directory row as the engine's Profile (the Django selector does the same)."""
    return Profile(
        id=index + 1,
        slug=row["slug"],
        name=row["name"],
        kind=row["kind"],
        pitch=row.get("pitch", ""),
        description=row.get("description", ""),
        needs_description=row.get("needs_description", ""),
        offers=frozenset(row.get("offers", [])),
        needs=tuple((slug, "") for slug in row.get("needs", [])),
        contributions_offered=frozenset(row.get("contributions_offered", [])),
        contributions_sought=frozenset(row.get("contributions_sought", [])),
        sdgs=frozenset(row.get("sdgs", [])),
        countries=frozenset(row.get("intervention_countries", [])),
        territories=frozenset(row.get("territories", [])),
        has_contact=bool(row.get("website") or row.get("email") or row.get("phone")),
        has_logo=False,  # the directory format carries no logo
    )


# -- rankers ------------------------------------------------------------------------------


def engine_ranker(
    taxonomy: Taxonomy, organisations: list[dict], params: Params | None = None
) -> Ranker:
    profiles = [to_profile(i, row) for i, row in enumerate(organisations)]
    engine = Engine(taxonomy, profiles, params)
    by_slug = {p.slug: p for p in profiles}
    slug_of = {p.id: p.slug for p in profiles}

    def rank(seeker: str) -> list[str]:
        return [slug_of[s.candidate_id] for s in engine.suggest(by_slug[seeker].id, limit=10)]

    return rank


def shared_competences_ranker(organisations: list[dict]) -> Ranker:
    """Baseline (a): the number of needed competences the candidate offers, then slug."""
    by_slug = {o["slug"]: o for o in organisations}

    def rank(seeker: str) -> list[str]:
        needs = set(by_slug[seeker].get("needs", []))
        scored = [
            (-len(needs & set(o.get("offers", []))), o["slug"])
            for o in organisations
            if o["slug"] != seeker and needs & set(o.get("offers", []))
        ]
        return [slug for _, slug in sorted(scored)[:10]]

    return rank


_PLAIN = re.compile(r"\w+")


def plain_tokens(text: str) -> list[str]:
    return _PLAIN.findall(text.lower())


def bm25_ranker(organisations: list[dict], k1: float = 1.2, b: float = 0.75) -> Ranker:
    """Baseline (b): Okapi BM25, the needs text against each candidate's own text.

    Query: the needs description (plus any per-need text). Document: name, pitch and
    description. Plain tokenisation: lower case, word characters, no stemming.
    """
    documents = {
        o["slug"]: Counter(
            plain_tokens(f"{o['name']} {o.get('pitch', '')} {o.get('description', '')}")
        )
        for o in organisations
    }
    lengths = {slug: sum(bag.values()) for slug, bag in documents.items()}
    average = sum(lengths.values()) / len(lengths)
    frequency: Counter[str] = Counter()
    for bag in documents.values():
        frequency.update(bag.keys())
    n = len(documents)
    idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}
    by_slug = {o["slug"]: o for o in organisations}

    def rank(seeker: str) -> list[str]:
        query = plain_tokens(by_slug[seeker].get("needs_description", ""))
        scored = []
        for slug, bag in documents.items():
            if slug == seeker:
                continue
            score = 0.0
            for term in set(query):
                tf = bag.get(term, 0)
                if tf:
                    norm = tf + k1 * (1 - b + b * lengths[slug] / average)
                    score += idf[term] * tf * (k1 + 1) / norm
            if score > 0:
                scored.append((-score, slug))
        return [slug for _, slug in sorted(scored)[:10]]

    return rank


# -- metrics ------------------------------------------------------------------------------


def ndcg_at(ranking: list[str], grades: dict[str, int], k: int = 5) -> float:
    dcg = sum((2 ** grades.get(s, 0) - 1) / math.log2(i + 2) for i, s in enumerate(ranking[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at(ranking: list[str], grades: dict[str, int], k: int = 10) -> float:
    relevant = {s for s, g in grades.items() if g > 0}
    return len(relevant & set(ranking[:k])) / len(relevant) if relevant else 0.0


def evaluate(rank: Ranker, judgments: dict[str, dict[str, int]]) -> tuple[float, float]:
    ndcgs, recalls = [], []
    for seeker, grades in judgments.items():
        ranking = rank(seeker)
        ndcgs.append(ndcg_at(ranking, grades))
        recalls.append(recall_at(ranking, grades))
    return sum(ndcgs) / len(ndcgs), sum(recalls) / len(recalls)


def rankers(taxonomy: Taxonomy, organisations: list[dict]) -> dict[str, Ranker]:
    return {
        "engine": engine_ranker(taxonomy, organisations),
        "baseline: shared competences": shared_competences_ranker(organisations),
        "baseline: BM25 on texts": bm25_ranker(organisations),
    }


def ablation(taxonomy: Taxonomy, parts: list[str]) -> None:
    """nDCG@5 / recall@10 with one signal switched off (weights of the others unchanged)."""
    full = Params()
    variants: dict[str, Params] = {"full engine": full}
    for name in WEIGHTS:
        variants[f"without {name}"] = full.with_weights(**{name: 0.0})
    variants.update(
        {
            "without category credit": replace(full, category_credit=0.0),
            "without peer penalty": replace(full, peer_penalty=0.0),
            "without completeness": replace(full, completeness_share=0.0),
            "needs: competences only": replace(full, need_competence_share=1.0),
            "needs: words only": replace(full, need_competence_share=0.0),
        }
    )
    header = "variant".ljust(28) + "".join(f"{p + ' nDCG@5':>16}{p + ' R@10':>14}" for p in parts)
    print(header)
    for label, params in variants.items():
        line = label.ljust(28)
        for part in parts:
            organisations, judgments = load_part(part)
            ranker = engine_ranker(taxonomy, organisations, params)
            ndcg, recall = evaluate(ranker, judgments)
            line += f"{ndcg:>16.3f}{recall:>14.3f}"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=PARTS, action="append")
    parser.add_argument("--verbose", action="store_true", help="print each organisation")
    parser.add_argument("--ablation", action="store_true", help="switch signals off one by one")
    args = parser.parse_args()
    parts = args.part or list(PARTS)
    taxonomy = Taxonomy.from_csv(ROOT / "actors" / "taxonomy")
    if args.ablation:
        ablation(taxonomy, parts)
        return
    for part in parts:
        organisations, judgments = load_part(part)
        print(
            f"\n{part}: {len(organisations)} organisations, {len(judgments)} with judgments, "
            f"{sum(len(g) for g in judgments.values())} judged pairs"
        )
        print(f"  {'ranker':<32}{'nDCG@5':>8}{'recall@10':>11}")
        for name, rank in rankers(taxonomy, organisations).items():
            ndcg, recall = evaluate(rank, judgments)
            print(f"  {name:<32}{ndcg:>8.3f}{recall:>11.3f}")
            if args.verbose:
                for seeker, grades in judgments.items():
                    ranking = rank(seeker)
                    marks = " ".join(f"{s}[{grades[s]}]" if s in grades else s for s in ranking[:5])
                    print(f"      {seeker}: nDCG@5 {ndcg_at(ranking, grades):.2f}  {marks}")


if __name__ == "__main__":
    main()

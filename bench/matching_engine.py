"""Benchmark of the matching engine alone (no Django, no database).

    .venv/bin/python bench/matching_engine.py [--organisations 10000] [--seed 7]

Generates synthetic organisations (half of them with 3 to 5 needs, texts in French or
English drawn from the taxonomy labels and a pool of domain words), then prints the time
to build the index, the full ``suggest_all`` time, the peak memory of the process, a
single ``suggest`` latency and the incremental update (one profile changed: rebuild, then
recompute its suggestions).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matching.engine import Engine  # noqa: E402
from matching.profiles import Need, Profile, Taxonomy  # noqa: E402

KINDS = (
    ["ngo"] * 4
    + ["association"] * 2
    + ["company"] * 3
    + [
        "social-enterprise",
        "foundation",
        "academic",
        "local-authority",
        "network",
    ]
)
COUNTRIES = str.split("BF ML NE SN CI TG BJ MG CD CM LB SY IN BD TR HT KE ET MA TN")
WORDS_FR = str.split(
    "eau potable forage pompe solaire énergie panneaux irrigation maraîchage semences "
    "agroécologie école enseignants formation santé maternité vaccins chaîne du froid "
    "logistique entrepôt transport convoi logiciel site web données tableau de bord "
    "évaluation impact femmes jeunes réfugiés emploi insertion logement abris construction "
    "recyclage déchets climat carbone comptabilité juridique statuts microcrédit épargne "
    "traduction interprètes vidéo affiche communication bénévolat salariés mécénat local"
)
WORDS_EN = str.split(
    "drinking water borehole pump solar energy panels irrigation farming seeds agroecology "
    "school teachers training health maternity vaccines cold chain logistics warehouse "
    "transport software website data dashboard evaluation impact women youth refugees "
    "employment housing shelter construction recycling waste climate carbon accounting "
    "legal microfinance savings translation interpreters video poster volunteering pro bono"
)


def sentence(rng: random.Random, english: bool, length: int) -> str:
    pool = WORDS_EN if english else WORDS_FR
    return " ".join(rng.choice(pool) for _ in range(length)).capitalize() + "."


def generate(taxonomy: Taxonomy, count: int, seed: int) -> list[Profile]:
    rng = random.Random(seed)
    competences = sorted(taxonomy.competence_labels)
    contributions = sorted(taxonomy.contribution_labels)
    territories = sorted(taxonomy.territory_labels)
    profiles = []
    for i in range(count):
        english = rng.random() < 0.25
        with_needs = i % 2 == 0
        offers = frozenset(rng.sample(competences, rng.randint(1, 5)))
        needs = ()
        if with_needs:
            needs = tuple(
                Need(slug, sentence(rng, english, rng.randint(6, 18)))
                for slug in rng.sample(competences, rng.randint(3, 5))
            )
        profiles.append(
            Profile(
                id=i + 1,
                slug=f"org-{i:05d}",
                name=f"Organisation {i}",
                kind=rng.choice(KINDS),
                pitch=sentence(rng, english, 10),
                description=" ".join(sentence(rng, english, 14) for _ in range(rng.randint(3, 10))),
                needs_description=sentence(rng, english, 20) if with_needs else "",
                offers=offers,
                needs=needs,
                contributions_offered=frozenset(rng.sample(contributions, rng.randint(0, 3))),
                contributions_sought=frozenset(rng.sample(contributions, rng.randint(0, 2))),
                sdgs=frozenset(rng.sample(range(1, 18), rng.randint(0, 4))),
                countries=frozenset(rng.sample(COUNTRIES, rng.randint(0, 3))),
                territories=frozenset(rng.sample(territories, rng.randint(1, 2))),
                member_ids=frozenset({100_000 + i, 200_000 + i // 3}),
                published=rng.random() > 0.05,
            )
        )
    return profiles


def peak_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    taxonomy = Taxonomy.from_csv(ROOT / "actors" / "taxonomy")

    started = time.perf_counter()
    profiles = generate(taxonomy, args.organisations, args.seed)
    generated = time.perf_counter() - started
    seekers = [p for p in profiles if p.needs]
    print(
        f"{len(profiles)} organisations, {len(seekers)} with needs, "
        f"{sum(len(p.needs) for p in profiles)} needs (generated in {generated:.1f} s)"
    )
    print(f"memory before the engine: {peak_mib():.0f} MiB peak RSS")

    started = time.perf_counter()
    engine = Engine(taxonomy, profiles)
    built = time.perf_counter() - started
    print(f"index build: {built:.2f} s")

    started = time.perf_counter()
    everything = engine.suggest_all(limit=10)
    computed = time.perf_counter() - started
    print(
        f"suggest_all (limit 10, with reasons): {computed:.2f} s for {len(everything)} "
        f"organisations; build + suggest_all: {built + computed:.2f} s"
    )
    print(f"peak memory (process, max RSS): {peak_mib():.0f} MiB")

    rng = random.Random(args.seed)
    sample = rng.sample(seekers, 50)
    latencies = []
    for seeker in sample:
        started = time.perf_counter()
        engine.suggest(seeker.id, limit=10)
        latencies.append(time.perf_counter() - started)
    print(
        f"single suggest: median {statistics.median(latencies) * 1000:.1f} ms, "
        f"max {max(latencies) * 1000:.1f} ms (50 organisations)"
    )

    changed = replace(sample[0], description=sample[0].description + " Chaîne du froid.")
    started = time.perf_counter()
    updated = engine.update([changed])
    updated.suggest(changed.id, limit=10)
    incremental = time.perf_counter() - started
    print(f"incremental (rebuild with one changed profile + its suggestions): {incremental:.2f} s")


if __name__ == "__main__":
    main()

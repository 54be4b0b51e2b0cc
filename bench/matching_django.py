#!/usr/bin/env python
"""Matching benchmark on a seeded directory: full and incremental recompute, command latency.

Seeds 10,000 demo organisations (``seed_demo --organisations 10000 --seed 1``: the 55 of
coexist/demo/data, then generated ones, about half of them with 3 to 5 needs) into
PostgreSQL, then measures, each in a fresh process:

* the full recompute (``suggestions_recompute_all``, the nightly job): time and peak
  memory, on an empty suggestion table (every row inserted) and again (every row updated);
* the incremental recompute (``suggestions_recompute``) for one changed organisation, in a
  cold process (the engine is built first) and in a warm one (a worker that already
  recomputed: the engine is patched), for a seeker, a popular candidate and a candidate
  that gains a competence; changes are rolled back;
* ``manage.py suggest_partners SLUG --json``: the whole command as a user runs it, and the
  time of the command itself once Django is loaded.

    .venv/bin/python bench/matching_django.py [--organisations 10000] [--skip-seed]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust). Not a test: it prints figures.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
DB = "coexist_bench_matching"

ENV = {
    **os.environ,
    "DEBUG": "0",
    "COEXIST_TESTING": "0",
    "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdef",
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB}",
    "CELERY_TASK_ALWAYS_EAGER": "0",
    "LOG_LEVEL": "WARNING",
}
ENV.pop("REDIS_URL", None)

FULL = """
import json, resource
from matching import services
from matching.models import Suggestion
result = services.suggestions_recompute_all()
print(json.dumps({
    "seconds": result.seconds, "timings": result.timings, "organisations": result.organisations,
    "rows": Suggestion.objects.count(),
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""

INCREMENTAL = """
import json, resource, statistics, time
from django.db import transaction
from django.db.models import Count
from actors.models import Competence, Organisation
from matching import services
from matching.models import Suggestion

published = Organisation.objects.published()
seekers = list(published.filter(needs__isnull=False).distinct().order_by("pk")[:8])
popular = list(
    published.annotate(lists=Count("suggested_to")).order_by("-lists", "pk")[:8]
)
companies = list(published.filter(kind__slug="company").order_by("-pk")[:8])
transport = Competence.objects.get(slug="logistics-supply-chain")

def change(organisation, n):
    organisation.description += f" Nouveau : chaîne du froid et entrepôts frigorifiques {n}."
    organisation.save()

def gain(organisation, n):
    organisation.offers.add(transport)
    change(organisation, n)

runs = []
with transaction.atomic():
    cases = [("cold: a seeker NGO", seekers[0], change)]
    cases += [("warm: a seeker", s, change) for s in seekers[1:6]]
    cases += [("warm: a popular candidate", o, change) for o in popular[:5]]
    cases += [("warm: a company gaining a competence", o, gain) for o in companies[:5]]
    for n, (label, organisation, edit) in enumerate(cases):
        edit(organisation, n)
        result = services.suggestions_recompute(organisation_ids=[organisation.pk])
        runs.append({
            "case": label, "seconds": result.seconds, "lists": result.organisations,
            "patched": result.patched,
            "timings": result.timings,
            "in_lists": Suggestion.objects.filter(candidate=organisation).count(),
        })
    transaction.set_rollback(True)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"runs": runs, "peak_mib": peak}))
"""

COMMAND = """
import io, json, time
from django.core.management import call_command
started = time.perf_counter()
out = io.StringIO()
call_command("suggest_partners", "{slug}", "--json", stdout=out)
elapsed = time.perf_counter() - started
found = len(json.loads(out.getvalue())["suggestions"])
print(json.dumps({{"seconds": elapsed, "suggestions": found}}))
"""

SEEKER = """
import json
from actors.models import Organisation as O
slug = O.objects.published().filter(needs__isnull=False).order_by("pk").first().slug
print(json.dumps(slug))
"""


def run(cmd, **kwargs):
    return subprocess.run(cmd, cwd=ROOT, env=ENV, check=True, **kwargs)


def django(snippet: str):
    output = run([PY, "manage.py", "shell", "-c", snippet], capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()

    if not args.skip_seed:
        run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DB])
        run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB])
        run([PY, "manage.py", "migrate", "-v0"])
        started = time.perf_counter()
        run(
            [PY, "manage.py", "seed_demo", "--organisations", str(args.organisations)]
            + ["--seed", "1"],
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
        print(f"seed_demo: {args.organisations} organisations in {seconds:.0f} s")
    else:
        run([PY, "manage.py", "migrate", "-v0"])
        run(
            [
                PY,
                "manage.py",
                "shell",
                "-c",
                "from matching.models import Suggestion as S; S.objects.all().delete()",
            ]
        )

    print("\nFull recompute (nightly job), each in a fresh process")
    for label in ("first run, every row inserted", "second run, every row updated"):
        full = django(FULL)
        timings = ", ".join(f"{k} {v:.1f} s" for k, v in full["timings"].items())
        print(
            f"  {label}: {full['seconds']:.1f} s ({timings}); {full['organisations']} "
            f"organisations with needs, {full['rows']} suggestions; "
            f"peak memory {full['peak_mib']:.0f} MiB"
        )

    print("\nIncremental recompute for one changed organisation (changes rolled back)")
    incremental = django(INCREMENTAL)
    runs = incremental["runs"]
    by_case: dict[str, list[dict]] = {}
    for entry in runs:
        by_case.setdefault(entry["case"], []).append(entry)
    for case, entries in by_case.items():
        seconds = [e["seconds"] for e in entries]
        lists = [e["lists"] for e in entries]
        patched = [e["patched"] for e in entries]
        print(
            f"  {case}: median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s "
            f"({len(entries)} runs; lists ranked again {min(lists)}–{max(lists)}, "
            f"patched {min(patched)}–{max(patched)})"
        )
        slowest = max(entries, key=lambda e: e["seconds"])
        print(
            "      slowest: " + ", ".join(f"{k} {v:.2f} s" for k, v in slowest["timings"].items())
        )
    peak = incremental["peak_mib"]
    print(f"  peak memory of that process (a worker keeping its engine warm): {peak:.0f} MiB")

    slug = django(SEEKER)
    print(f"\nsuggest_partners {slug} --json")
    walls, inner = [], []
    for _ in range(3):
        started = time.perf_counter()
        run([PY, "manage.py", "suggest_partners", slug, "--json"], stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - started)
        inner.append(django(COMMAND.format(slug=slug))["seconds"])
    print(
        f"  whole command (new process, Django start-up included): median "
        f"{statistics.median(walls):.2f} s, max {max(walls):.2f} s"
    )
    print(
        f"  the command itself (Django loaded): median {statistics.median(inner):.2f} s, "
        f"max {max(inner):.2f} s"
    )


if __name__ == "__main__":
    main()

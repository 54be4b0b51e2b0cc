#!/usr/bin/env python3
"""Validate the matching evaluation set v2 (stdlib only).

Checks, for each part (tune, test): directory-format keys and types, every slug
against the taxonomy CSVs, judgments/reasons/cases consistency. Prints OK or the
list of problems (and exits 1).

    python3 bench/matching_eval_v2/validate.py [--taxonomy DIR]
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PARTS = ("tune", "test")
KEYS = ["slug", "name", "kind", "pitch", "description", "offers", "needs",
        "needs_description", "contributions_offered", "contributions_sought",
        "sdgs", "intervention_countries", "territories", "languages"]
CASE_KINDS = {"same-need-peers", "far-territory-distractor", "wrong-sector-shared-tag",
              "kind-in-text", "partners-only-through-text", "fr-en-crossing",
              "reciprocal-pair", "contribution-type-match"}
DIRECTIONS = {"answers-needs", "needs-offers", "both"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def taxonomy_dir(argv):
    if "--taxonomy" in argv:
        return argv[argv.index("--taxonomy") + 1]
    for d in (os.path.join(REPO, "actors", "taxonomy"), "/work/shared/taxonomy"):
        if os.path.isfile(os.path.join(d, "competences.csv")):
            return d
    sys.exit("taxonomy CSVs not found; pass --taxonomy DIR")


def slugs(tdir, name, col="slug"):
    with open(os.path.join(tdir, name), encoding="utf-8-sig", newline="") as f:
        return {row[col] for row in csv.DictReader(f)}


def main(argv):
    tdir = taxonomy_dir(argv)
    tax = {
        "kind": slugs(tdir, "organisation_kinds.csv"),
        "competence": slugs(tdir, "competences.csv"),
        "contribution": slugs(tdir, "contribution_types.csv"),
        "territory": slugs(tdir, "territories.csv"),
        "sdg": {int(x) for x in slugs(tdir, "sdgs.csv", "number")},
    }
    errors = []
    all_slugs = {}
    for part in PARTS:
        pdir = os.path.join(HERE, part)
        err = lambda msg: errors.append(f"{part}: {msg}")
        load = lambda n: json.load(open(os.path.join(pdir, n), encoding="utf-8"))
        orgs, judg, reas, cases = (load("organisations.json"), load("judgments.json"),
                                   load("reasons.json"), load("cases.json"))
        if not isinstance(orgs, list) or len(orgs) < 60:
            err(f"need a list of >= 60 organisations, got {len(orgs)}")
        seen = set()
        for i, o in enumerate(orgs, 1):
            where = f"organisation {i} ({o.get('slug')})"
            if sorted(o) != sorted(KEYS):
                err(f"{where}: keys {sorted(set(o) ^ set(KEYS))} differ from the expected set")
                continue
            s = o["slug"]
            if not SLUG_RE.match(s):
                err(f"{where}: bad slug")
            if s in seen:
                err(f"{where}: duplicate slug")
            seen.add(s)
            for k in ("name", "pitch", "description", "needs_description"):
                if not isinstance(o[k], str) or not o[k].strip():
                    err(f"{where}: {k} must be a non-empty string")
            if len(o["pitch"]) > 200:
                err(f"{where}: pitch longer than 200 characters")
            n_sent = len([x for x in re.split(r"[.!?]+(?:\s|$)", o["needs_description"]) if x.strip()])
            if not 1 <= n_sent <= 4:
                err(f"{where}: needs_description has {n_sent} sentences (1-4 expected)")
            if o["kind"] not in tax["kind"]:
                err(f"{where}: unknown kind {o['kind']!r}")
            for k, t in (("offers", "competence"), ("needs", "competence"),
                         ("contributions_offered", "contribution"),
                         ("contributions_sought", "contribution"),
                         ("territories", "territory")):
                if not isinstance(o[k], list):
                    err(f"{where}: {k} must be a list")
                    continue
                for v in o[k]:
                    if v not in tax[t]:
                        err(f"{where}: unknown {t} slug {v!r} in {k}")
                if len(set(o[k])) != len(o[k]):
                    err(f"{where}: duplicate values in {k}")
            if not o["territories"]:
                err(f"{where}: no territory")
            for v in o["sdgs"]:
                if not isinstance(v, int) or v not in tax["sdg"]:
                    err(f"{where}: bad SDG {v!r}")
            for v in o["intervention_countries"]:
                if not re.match(r"^[A-Z]{2}$", v):
                    err(f"{where}: bad country code {v!r}")
            if not o["languages"]:
                err(f"{where}: no language")
            for v in o["languages"]:
                if not re.match(r"^[a-z]{2}$", v):
                    err(f"{where}: bad language code {v!r}")
        for s in seen:
            all_slugs.setdefault(s, []).append(part)

        if len(judg) < 20:
            err(f"need >= 20 judged seekers, got {len(judg)}")
        for seeker, cands in judg.items():
            if seeker not in seen:
                err(f"judged seeker {seeker!r} is not an organisation of the part")
            if not cands:
                err(f"seeker {seeker!r} has no judged candidate")
            for c, g in cands.items():
                if c not in seen:
                    err(f"{seeker} -> {c}: candidate not in the part")
                if c == seeker:
                    err(f"{seeker}: judged against itself")
                if g not in (1, 2):
                    err(f"{seeker} -> {c}: grade {g!r} must be 1 or 2")
                r = reas.get(seeker, {}).get(c)
                if not r:
                    err(f"{seeker} -> {c}: no reason")
                elif r.get("direction") not in DIRECTIONS or not str(r.get("reason", "")).strip():
                    err(f"{seeker} -> {c}: bad reason {r!r}")
        for seeker, cands in reas.items():
            for c in cands:
                if c not in judg.get(seeker, {}):
                    err(f"reason for unjudged pair {seeker} -> {c}")
        for seeker, kinds in cases.items():
            if seeker not in judg:
                err(f"cases: {seeker!r} is not a judged seeker")
            for k in kinds:
                if k not in CASE_KINDS:
                    err(f"cases: {seeker}: unknown case kind {k!r}")
        for seeker in judg:
            if not cases.get(seeker):
                err(f"cases: judged seeker {seeker!r} has no case kind")
        dpath = os.path.join(pdir, "distractors.json")
        if os.path.exists(dpath):
            for seeker, ds in load("distractors.json").items():
                if seeker not in judg:
                    err(f"distractors: {seeker!r} is not a judged seeker")
                for c, k in ds.items():
                    if c not in seen:
                        err(f"distractors: {seeker} -> {c}: not in the part")
                    if c in judg.get(seeker, {}):
                        err(f"distractors: {seeker} -> {c} is judged, distractors must be grade 0")
                    if k not in CASE_KINDS:
                        err(f"distractors: {seeker} -> {c}: unknown kind {k!r}")
                    elif k not in cases.get(seeker, []):
                        err(f"distractors: {seeker} -> {c}: kind {k!r} not tagged in cases.json")
        missing = CASE_KINDS - {k for ks in cases.values() for k in ks}
        if missing:
            err(f"case kinds not exercised: {sorted(missing)}")
    shared = [s for s, p in all_slugs.items() if len(p) > 1]
    if shared:
        errors.append(f"slugs present in both parts (parts must be self-contained and distinct): {shared}")
    if errors:
        print("\n".join(errors))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

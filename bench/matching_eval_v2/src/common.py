"""Helpers used to author the hand-written evaluation set (stdlib only).

The data itself lives in tune_data.py and test_data.py; this module only turns
compact Python literals into the JSON files of each part.
"""
import json
import os

ORDER = ["slug", "name", "kind", "pitch", "description", "offers", "needs",
         "needs_description", "contributions_offered", "contributions_sought",
         "sdgs", "intervention_countries", "territories", "languages"]


def O(slug, name, kind, territories, languages, countries, sdgs, offers, needs,
      contributions_offered, contributions_sought, pitch, description,
      needs_description):
    sp = lambda s: s.split() if isinstance(s, str) else list(s)
    return {
        "slug": slug, "name": name, "kind": kind, "pitch": pitch,
        "description": description, "offers": sp(offers), "needs": sp(needs),
        "needs_description": needs_description,
        "contributions_offered": sp(contributions_offered),
        "contributions_sought": sp(contributions_sought),
        "sdgs": [int(x) for x in sp(sdgs)],
        "intervention_countries": sp(countries),
        "territories": sp(territories), "languages": sp(languages),
    }


DIR = {"a": "answers-needs", "n": "needs-offers", "b": "both"}


def write_part(part, orgs, judged, cases, distractors):
    """judged: {seeker: {candidate: (grade, 'a'|'n'|'b', reason)}}"""
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(os.path.dirname(here), part)
    os.makedirs(out, exist_ok=True)
    judgments = {s: {c: g for c, (g, d, r) in cs.items()} for s, cs in judged.items()}
    reasons = {s: {c: {"direction": DIR[d], "reason": r} for c, (g, d, r) in cs.items()}
               for s, cs in judged.items()}
    for name, obj in [("organisations.json", [{k: o[k] for k in ORDER} for o in orgs]),
                      ("judgments.json", judgments), ("reasons.json", reasons),
                      ("cases.json", cases), ("distractors.json", distractors)]:
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(part, len(orgs), "organisations,", len(judged), "seekers,",
          sum(len(v) for v in judged.values()), "pairs")

"""The matching model's parameters: weights, credits, kind affinities, zones. No Django here.

Hand-set, then checked on the tuning part of ``bench/matching_eval`` (never on the held-out
part); ``bench/matching_eval/README.md`` gives the figures behind them. The tunable ones are
gathered in :class:`Params`, which the :class:`~matching.engine.Engine` takes: the
evaluation's ablation builds variants with ``dataclasses.replace`` instead of patching
module globals, and production uses the defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from matching.profiles import Profile

WEIGHTS: dict[str, float] = {
    "needs": 0.46,
    "words": 0.14,
    "contributions": 0.12,
    "kind": 0.10,
    "countries": 0.06,
    "territory": 0.06,
    "sdgs": 0.06,
}
# Within one need: competence match vs the need's words.
NEED_COMPETENCE_SHARE = 0.5
# Credit for offering another competence of the same category; "sectors" is a grab-bag
# (water and child protection share it), so it earns less.
CATEGORY_CREDIT = 0.35
CATEGORY_CREDIT_OVERRIDES = {"sectors": 0.15}
# A TF-IDF cosine of this much already counts as a full text match.
TEXT_SATURATION = 0.35
# Penalty (subtracted) for a peer seeking the same contributions / competences.
PEER_PENALTY = 0.08
# Territory counts this share of its weight when the need is not hands-on.
REMOTE_TERRITORY_SHARE = 0.3
# Completeness multiplier: (1 - COMPLETENESS_SHARE) + COMPLETENESS_SHARE * completeness.
COMPLETENESS_SHARE = 0.15
# Below this, nothing in the candidate answers the needs themselves: not suggested.
MIN_EVIDENCE = 0.02

HANDS_ON_CONTRIBUTIONS = frozenset({"employee-volunteering", "premises-equipment"})
LOCAL_KINDS = frozenset({"association", "local-authority"})
# Territories that mean "anywhere" rather than a place.
VAGUE_TERRITORIES = frozenset({"international", "other-france", "other-switzerland"})
# Neighbouring territories around the CSI (the Grand Genève and the Savoies), where a
# hands-on partner is still close enough.
ZONES: dict[str, frozenset[str]] = {
    "leman": frozenset({"ain", "haute-savoie", "savoie", "geneve", "vaud", "valais"}),
    "rhone-alpes": frozenset(
        {"ain", "isere", "rhone", "savoie", "haute-savoie", "drome", "ardeche", "loire"}
    ),
    "romandie": frozenset({"geneve", "vaud", "valais", "neuchatel", "fribourg", "jura-ch"}),
}
ZONE_CREDIT = 0.6

KIND_GROUPS: dict[str, str] = {
    "ngo": "civil",
    "association": "civil",
    "company": "business",
    "social-enterprise": "sse",
    "foundation": "funder",
    "local-authority": "public",
    "public-agency": "public",
    "international-organisation": "public",
    "academic": "academic",
    "network": "network",
}
GROUPS = ("civil", "business", "sse", "funder", "public", "academic", "network", "other")
# KIND_AFFINITY[seeker group][candidate group]: how naturally the second answers the first.
KIND_AFFINITY: dict[str, dict[str, float]] = {
    "civil": {
        "civil": 0.4,
        "business": 1.0,
        "sse": 0.8,
        "funder": 0.8,
        "public": 0.6,
        "academic": 0.7,
        "network": 0.5,
    },
    "business": {
        "civil": 1.0,
        "business": 0.6,
        "sse": 0.9,
        "funder": 0.3,
        "public": 0.5,
        "academic": 0.7,
        "network": 0.6,
    },
    "sse": {
        "civil": 0.8,
        "business": 1.0,
        "sse": 0.6,
        "funder": 0.8,
        "public": 0.6,
        "academic": 0.7,
        "network": 0.6,
    },
    "funder": {
        "civil": 1.0,
        "business": 0.6,
        "sse": 0.9,
        "funder": 0.4,
        "public": 0.6,
        "academic": 0.7,
        "network": 0.6,
    },
    "public": {
        "civil": 0.9,
        "business": 0.9,
        "sse": 0.9,
        "funder": 0.7,
        "public": 0.5,
        "academic": 0.8,
        "network": 0.6,
    },
    "academic": {
        "civil": 0.9,
        "business": 0.9,
        "sse": 0.8,
        "funder": 0.8,
        "public": 0.7,
        "academic": 0.5,
        "network": 0.6,
    },
    "network": {
        "civil": 0.8,
        "business": 0.9,
        "sse": 0.8,
        "funder": 0.8,
        "public": 0.7,
        "academic": 0.7,
        "network": 0.4,
    },
}
DEFAULT_AFFINITY = 0.6

MAX_REASONS = 6
MAX_WORDS = 3
BATCH_NEEDS = 800


def hands_on(profile: Profile) -> bool:
    """A need to be met in person, on a local territory (volunteering, premises, a local kind)."""
    local_place = bool(profile.territories - VAGUE_TERRITORIES)
    return local_place and (
        bool(profile.contributions_sought & HANDS_ON_CONTRIBUTIONS)
        or (profile.kind in LOCAL_KINDS and not profile.countries)
    )


def zones_of(profile: Profile) -> list[str]:
    """The zones (neighbouring territories) the profile's territories belong to."""
    return [zone for zone, members in ZONES.items() if profile.territories & members]


@dataclass(frozen=True)
class Params:
    """The scoring's tunable parameters (defaults: the values above)."""

    weights: Mapping[str, float] = field(default_factory=lambda: MappingProxyType(WEIGHTS))
    need_competence_share: float = NEED_COMPETENCE_SHARE
    category_credit: float = CATEGORY_CREDIT
    category_credit_overrides: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType(CATEGORY_CREDIT_OVERRIDES)
    )
    text_saturation: float = TEXT_SATURATION
    peer_penalty: float = PEER_PENALTY
    remote_territory_share: float = REMOTE_TERRITORY_SHARE
    completeness_share: float = COMPLETENESS_SHARE
    min_evidence: float = MIN_EVIDENCE
    zone_credit: float = ZONE_CREDIT

    def with_weights(self, **changes: float) -> Params:
        """A copy with some signal weights changed (``needs=0.0`` switches needs off)."""
        from dataclasses import replace

        return replace(self, weights=MappingProxyType({**self.weights, **changes}))

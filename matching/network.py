"""The engine over the current network, kept warm in a long-lived process.

Building the engine for 10,000 organisations takes seconds (analysing every text); a
Celery worker keeps the last one and, for the next task, patches it with what changed
since (:meth:`matching.engine.Engine.update`), which takes a fraction of a second. What
changed is found by comparing a cheap fingerprint of the network (two queries: each
organisation's ``updated_at`` and its active members) with the one the engine was built
from, plus the ids the caller names, so a process never works from stale data even when
another worker handled the previous change. The warm engine is rebuilt from scratch after
:data:`MAX_AGE` seconds, and by the nightly full recompute.
"""

import gc
import threading
import time
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from matching import selectors
from matching.engine import Engine
from matching.profiles import Profile
from matching.reasons import Reason

MAX_AGE = 6 * 3600


@dataclass
class _Warm:
    engine: Engine
    stamps: dict[int, tuple]
    built: float


_warm: _Warm | None = None
# Held by a whole recompute (re-entrant): an engine is not made for concurrent calls, and
# threads may share the warm one (a threaded worker, or eager tasks in a dev server).
lock = threading.RLock()


def network_engine(*, changed_ids: Collection[int] = (), fresh: bool = False) -> Engine:
    """An engine over the network as it is in the database now.

    ``changed_ids``: organisations known to have changed (they are reloaded even if their
    fingerprint did not move). ``fresh``: build from scratch.
    """
    global _warm
    with lock:
        stamps = selectors.network_stamps()
        warm = _warm
        if fresh or warm is None or time.monotonic() - warm.built > MAX_AGE:
            engine = Engine(selectors.taxonomy(), selectors.network_profiles())
            _warm = _Warm(engine=engine, stamps=stamps, built=time.monotonic())
            return engine
        changed = {pk for pk in changed_ids if pk in stamps}
        changed |= {pk for pk, stamp in stamps.items() if warm.stamps.get(pk) != stamp}
        removed = set(warm.stamps) - set(stamps)
        if not changed and not removed:
            return warm.engine
        engine = warm.engine.update(
            selectors.network_profiles(ids=changed) if changed else [], removed_ids=removed
        )
        _warm = _Warm(engine=engine, stamps=stamps, built=warm.built)
        return engine


def forget() -> None:
    """Drop the warm engine (tests, or to free the memory)."""
    global _warm
    with lock:
        _warm = None


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: building and ranking create millions of small
    objects and no cycles, and each collection would walk them all (about a third of the
    time of a full recompute)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class RankedPartner:
    slug: str
    name: str
    score: float
    reasons: tuple[Reason, ...]


def rank_partners(*, organisation_id: int, limit: int) -> list[RankedPartner]:
    """Partners for an organisation's needs, computed now from the database (no worker, no
    stored suggestion): the same engine, data and exclusions as the stored suggestions."""
    with gc_paused():
        engine = Engine(selectors.taxonomy(), selectors.network_profiles())
        if organisation_id in engine.position:
            seeker = engine.profiles[engine.position[organisation_id]]
        else:  # a draft or archived organisation: ranked, though never stored
            seeker = selectors.network_profiles(ids=[organisation_id])[0]
        dismissed = selectors.dismissed_candidates(organisation_ids=[organisation_id])
        return _ranked(engine, seeker, limit, dismissed.get(organisation_id, set()))


def rank_for_seeker(
    *, seeker: Profile, limit: int, exclude_ids: Collection[int] = ()
) -> list[RankedPartner]:
    """Partners for a seeker that is not an organisation of the network (a project, built
    by the projects app as a Profile of its owner with the project's needs), computed now:
    the same engine and data, the owner's dismissed candidates excluded too."""
    with gc_paused():
        engine = Engine(selectors.taxonomy(), selectors.network_profiles())
        dismissed = selectors.dismissed_candidates(organisation_ids=[seeker.id])
        excluded = set(exclude_ids) | set(dismissed.get(seeker.id, set()))
        return _ranked(engine, seeker, limit, excluded)


def _ranked(engine: Engine, seeker: Profile, limit: int, exclude_ids) -> list[RankedPartner]:
    suggestions = engine.suggest_for(seeker, limit=limit, exclude_ids=exclude_ids)
    found = []
    for suggestion in suggestions:
        candidate = engine.profiles[engine.position[suggestion.candidate_id]]
        found.append(
            RankedPartner(candidate.slug, candidate.name, suggestion.score, suggestion.reasons)
        )
    return found

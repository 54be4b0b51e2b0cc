"""Writes on suggestions: recomputing them, and what an organisation does with them.

Recomputing is idempotent: running it twice, or after a lost task, gives the same rows
(:mod:`matching.storage` says what a written ranking keeps and drops). Dismissed
candidates are excluded from every ranking and their rows kept, so a dismissal survives
every recompute; contacted rows are kept too.
"""

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from actors import access
from actors.access import Need
from actors.models import Organisation
from coexist.cache import Scope, bump
from matching import network, selectors, storage
from matching.engine import Engine
from matching.models import Ranking, Suggestion
from matching.network import gc_paused, network_engine

LIMIT = selectors.SUGGESTIONS_PER_ORGANISATION
# Candidates kept in reserve behind each list, so that most changes are settled by a patch.
RESERVE = 5
# Beyond this many changed organisations, recompute everything (an import, a migration).
INCREMENTAL_MAX = 300


@dataclass
class RecomputeResult:
    """What a recompute did, for logs, the tasks and the benchmark."""

    organisations: int = 0  # lists ranked (again) in full
    patched: int = 0  # lists where only the changed candidates were updated
    written: int = 0  # suggestions inserted or updated
    deleted: int = 0  # suggestions that fell out of a list
    full: bool = False
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def add(self, written: storage.Written) -> None:
        self.written += written.rows
        self.deleted += written.deleted


class _Clock:
    def __init__(self, result: RecomputeResult) -> None:
        self.result = result
        self.started = self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.result.timings[name] = round(now - self.last, 3)
        self.last = now

    def stop(self) -> RecomputeResult:
        self.result.seconds = round(time.perf_counter() - self.started, 3)
        return self.result


def suggestions_recompute_all() -> RecomputeResult:
    """Rank every organisation's suggestions again (the nightly job).

    Also catches up whatever an incremental recompute missed (a lost task, a change that
    no task followed, a membership that ended).
    """
    with network.lock, gc_paused():
        result = RecomputeResult(full=True)
        clock = _Clock(result)
        engine = network_engine(fresh=True)
        clock.lap("load and index")
        seekers = [p.id for p in engine.profiles if p.has_needs]
        dismissed = selectors.dismissed_candidates()
        ranked = engine.rank_all(
            limit=LIMIT, exclude=dismissed, profile_ids=seekers, reserve=RESERVE
        )
        clock.lap("rank")
        # Organisations that no longer seek anything (or left the network) lose their list.
        listed = set(Suggestion.objects.values_list("organisation_id", flat=True).distinct())
        listed |= set(Ranking.objects.values_list("organisation_id", flat=True))
        result.add(storage.store_rankings(ranked=ranked, organisation_ids=set(seekers) | listed))
        clock.lap("write")
        result.organisations = len(seekers)
        bump(Scope.SUGGESTIONS)  # public pages show complementary organisations
        return clock.stop()


def suggestions_recompute(
    *, organisation_ids: Iterable[int], as_candidates: bool = True
) -> RecomputeResult:
    """Recompute after a change of these organisations (profile, needs, status).

    Their own lists are ranked again. With ``as_candidates``, every list they appear in
    or now enter is updated too: usually by a patch (their new score and reasons; in, and
    the last one out), which each list's :class:`~matching.models.Ranking` makes exact;
    by a new ranking when a changed organisation leaves a list or falls behind the best
    candidate left out. Other lists are left as they are: an unchanged organisation's
    ranking of unchanged candidates does not move (up to the IDF of a few words, which the
    nightly run refreshes).
    """
    changed = set(organisation_ids)
    if len(changed) > INCREMENTAL_MAX:
        return suggestions_recompute_all()
    with network.lock, gc_paused():
        return _recompute(changed=changed, as_candidates=as_candidates)


def _recompute(*, changed: set[int], as_candidates: bool) -> RecomputeResult:
    result = RecomputeResult()
    clock = _Clock(result)
    engine = network_engine(changed_ids=changed)
    clock.lap("load and index")
    rerank = set(changed)  # their own lists (cleared if they no longer seek anything)
    patches: dict[int, _Patch] = {}
    if as_candidates:
        patches = _patches(engine=engine, changed=changed, rerank=rerank)
        clock.lap("find affected")
    seekers = {
        pk
        for pk in rerank
        if pk in engine.position and engine.profiles[engine.position[pk]].has_needs
    }
    ranked = engine.rank_all(
        limit=LIMIT,
        exclude=selectors.dismissed_candidates(organisation_ids=seekers),
        profile_ids=seekers,
        workers=1,
        reserve=RESERVE,
    )
    rows = [
        storage.Row.of(seeker, engine.explain(seeker, candidate, score))
        for seeker, patch in patches.items()
        for candidate, score in patch.upsert
    ]
    clock.lap("rank")
    result.add(storage.store_rankings(ranked=ranked, organisation_ids=rerank))
    result.add(_store_patches(patches=patches, rows=rows))
    clock.lap("write")
    result.organisations = len(seekers)
    result.patched = len(patches)
    if result.written or result.deleted:
        bump(Scope.SUGGESTIONS)
    return clock.stop()


@dataclass
class _Patch:
    """A list after some of its candidates changed, settled without ranking it again."""

    upsert: list[tuple[int, float]]  # (candidate, score): changed or newly listed
    drop: list[int]  # rows no longer listed
    listed: list[int]
    reserve: list[tuple[int, float]]
    floor: float | None


def _patches(*, engine: Engine, changed: set[int], rerank: set[int]) -> dict[int, _Patch]:
    """The lists the changed organisations are listed or reserved in, or now reach,
    patched; those a patch cannot settle are added to ``rerank``."""
    candidates = {
        pk
        for pk in changed
        if pk in engine.position and engine.profiles[engine.position[pk]].published
    }
    scores: dict[int, dict[int, float]] = {}
    if candidates:
        scores = engine.candidate_scores(
            candidates, exclude=selectors.dismissals_of(candidate_ids=candidates)
        )
    rankings = selectors.rankings()
    touched = selectors.organisations_suggesting(candidate_ids=changed)
    for seeker, ranking in rankings.items():
        if any(candidate in changed for candidate, _score in ranking.reserve):
            touched.add(seeker)
    for seeker, found in scores.items():
        ranking = rankings.get(seeker)
        if found and (
            ranking is None or ranking.floor is None or max(found.values()) > ranking.floor
        ):
            touched.add(seeker)
    touched -= rerank
    lists = selectors.stored_lists(organisation_ids=touched)
    patches = {}
    for seeker in touched:
        patch = None
        ranking = rankings.get(seeker)
        if (
            ranking is not None
            and seeker in engine.position
            and engine.profiles[engine.position[seeker]].has_needs
        ):
            patch = _patch(
                ranking=ranking,
                rows=lists.get(seeker, {}),
                scores=scores.get(seeker, {}),
                changed=changed,
                slug=lambda pk: engine.profiles[engine.position[pk]].slug,
            )
        if patch is None:
            rerank.add(seeker)  # never ranked, seeks nothing now, or a patch cannot tell
        elif (
            patch.upsert
            or patch.drop
            or (patch.listed, patch.reserve, patch.floor)
            != (ranking.listed, ranking.reserve, ranking.floor)
        ):
            patches[seeker] = patch
    return patches


def _patch(
    *,
    ranking: selectors.RankingRow,
    rows: Mapping[int, selectors.StoredRow],
    scores: Mapping[int, float],
    changed: set[int],
    slug,
) -> _Patch | None:
    """A list after the ``changed`` candidates now score ``scores`` for it (absent: no
    longer to be suggested), or ``None`` when only a ranking can tell.

    The best candidates are known: the listed ones (scores in their rows), the reserve,
    and the changed ones that now score above the floor; every other scores at most the
    floor and did not change. The list is the best :data:`LIMIT` known ones, unless too
    few remain above the floor, or a tie at the end of the list (broken by finer scores
    and slugs than are stored) makes it uncertain.
    """
    known: dict[int, float] = {}
    for candidate in ranking.listed:
        if candidate in changed:
            continue
        row = rows.get(candidate)
        if row is None:
            return None  # dismissed meanwhile: the refill ranks the list again
        known[candidate] = row.score
    known.update((c, s) for c, s in ranking.reserve if c not in changed)
    floor = ranking.floor
    for candidate in changed:
        score = scores.get(candidate)
        if score is not None and (floor is None or score > floor):
            known[candidate] = score
    order = sorted(known.items(), key=lambda item: (-item[1], slug(item[0])))
    listed, rest = order[:LIMIT], order[LIMIT:]
    if len(listed) < LIMIT and floor is not None:
        return None  # a candidate never listed nor reserved would now be listed
    if listed and rest and rest[0][1] == listed[-1][1]:
        return None
    if len(rest) > RESERVE:
        floor = rest[RESERVE][1] if floor is None else max(floor, rest[RESERVE][1])
    reserve = [(c, s) for c, s in rest[:RESERVE] if floor is None or s > floor]
    listed_ids = [c for c, _ in listed]
    return _Patch(
        upsert=[(c, s) for c, s in listed if c in changed or c not in ranking.listed],
        drop=[
            rows[c].pk
            for c in ranking.listed
            if c not in listed_ids and c in rows and rows[c].state in storage.REPLACEABLE
        ],
        listed=listed_ids,
        reserve=reserve,
        floor=floor,
    )


@transaction.atomic
def _store_patches(*, patches: dict[int, _Patch], rows: list[storage.Row]) -> storage.Written:
    written = storage.Written()
    written.deleted = storage.delete_rows([pk for patch in patches.values() for pk in patch.drop])
    storage.upsert_rows(rows, now=timezone.now())
    written.rows = len(rows)
    storage.upsert_rankings(
        [
            Ranking(
                organisation_id=seeker,
                listed=patch.listed,
                reserve=[list(entry) for entry in patch.reserve],
                floor=patch.floor,
            )
            for seeker, patch in patches.items()
        ],
        fields=("listed", "reserve", "floor"),
    )
    return written


# What an organisation does with its suggestions ------------------------------------------


def _ensure_can_act(*, organisation: Organisation, user) -> None:
    access.ensure(user=user, organisation=organisation, need=Need.SEE_SUGGESTIONS)


def _locked(suggestion: Suggestion) -> Suggestion:
    return (
        Suggestion.objects.select_for_update().select_related("organisation").get(pk=suggestion.pk)
    )


@transaction.atomic
def suggestion_dismiss(*, suggestion: Suggestion, by) -> Suggestion:
    """Never suggest this candidate to this organisation again (until restored).

    The list is then refilled by a recompute of this organisation alone, after commit.
    """
    _ensure_can_act(organisation=suggestion.organisation, user=by)
    suggestion = _locked(suggestion)
    if suggestion.state == Suggestion.State.DISMISSED:
        return suggestion
    suggestion.state = Suggestion.State.DISMISSED
    suggestion.dismissed_at = timezone.now()
    suggestion.save(update_fields=["state", "dismissed_at", "updated_at"])
    _refill(organisation_id=suggestion.organisation_id)
    return suggestion


@transaction.atomic
def suggestion_restore(*, suggestion: Suggestion, by) -> Suggestion:
    """Undo a dismissal: back to contacted if it was, else to seen."""
    _ensure_can_act(organisation=suggestion.organisation, user=by)
    suggestion = _locked(suggestion)
    if suggestion.state != Suggestion.State.DISMISSED:
        return suggestion
    suggestion.state = (
        Suggestion.State.CONTACTED if suggestion.contacted_at else Suggestion.State.SEEN
    )
    suggestion.dismissed_at = None
    suggestion.save(update_fields=["state", "dismissed_at", "updated_at"])
    _refill(organisation_id=suggestion.organisation_id)
    return suggestion


@transaction.atomic
def suggestion_mark_contacted(*, suggestion: Suggestion, by) -> Suggestion:
    """The organisation says it contacted the candidate ("We contacted them"); seeing its
    contact details is not contacting it and changes nothing."""
    _ensure_can_act(organisation=suggestion.organisation, user=by)
    suggestion = _locked(suggestion)
    if suggestion.state == Suggestion.State.CONTACTED:
        return suggestion
    suggestion.state = Suggestion.State.CONTACTED
    suggestion.contacted_at = suggestion.contacted_at or timezone.now()
    suggestion.dismissed_at = None
    suggestion.save(update_fields=["state", "contacted_at", "dismissed_at", "updated_at"])
    return suggestion


@transaction.atomic
def suggestion_unmark_contacted(*, suggestion: Suggestion, by) -> Suggestion:
    """Undo "We contacted them": back to seen."""
    _ensure_can_act(organisation=suggestion.organisation, user=by)
    suggestion = _locked(suggestion)
    if suggestion.state != Suggestion.State.CONTACTED:
        return suggestion
    suggestion.state = Suggestion.State.SEEN
    suggestion.contacted_at = None
    suggestion.save(update_fields=["state", "contacted_at", "updated_at"])
    return suggestion


@transaction.atomic
def suggestions_mark_seen(*, organisation: Organisation, by) -> int:
    """Everything new on the organisation's list has now been seen; returns how many."""
    _ensure_can_act(organisation=organisation, user=by)
    return Suggestion.objects.filter(organisation=organisation, state=Suggestion.State.NEW).update(
        state=Suggestion.State.SEEN, seen_at=timezone.now(), updated_at=timezone.now()
    )


def suggestions_first_ranking(*, organisation: Organisation) -> bool:
    """Queue the first ranking of an organisation whose members open their suggestions
    before any task or nightly run ranked them (an organisation just seeded or imported
    without a worker). At most once in ten minutes; ``True`` when queued."""
    if not cache.add(f"matching:first-ranking:{organisation.pk}", True, timeout=600):
        return False
    _refill(organisation_id=organisation.pk)
    return True


def _refill(*, organisation_id: int) -> None:
    from coexist.emails import enqueue_after_commit
    from matching.tasks import recompute_for_organisations

    enqueue_after_commit(recompute_for_organisations, [organisation_id], False)

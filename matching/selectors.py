"""Reads for matching: the network as plain data for the engine, and stored suggestions.

The engine (:mod:`matching.engine`) knows nothing of Django: :func:`network_profiles`
loads every organisation it needs in a constant number of ``values_list`` queries,
whatever the size of the directory, and :func:`taxonomy` the labels it names things with.
"""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import translation

from actors.directory_format import FIELDS
from actors.models import (
    SDG,
    Competence,
    CompetenceCategory,
    ContributionType,
    Membership,
    Organisation,
    OrganisationKind,
    OrganisationNeed,
    Territory,
)
from matching.countries import COUNTRY_NAMES
from matching.models import Ranking, Suggestion
from matching.profiles import Label, Need, Profile, Taxonomy

# Suggestions kept per organisation (the dashboard shows them all).
SUGGESTIONS_PER_ORGANISATION = 10
# Organisations shown as complementary on a public organisation page.
COMPLEMENTARY_SHOWN = 4

# The engine's input -----------------------------------------------------------------


@cache
def taxonomy() -> Taxonomy:
    """Taxonomy labels in French and English, read once per process (six queries).

    Taxonomies change only through migrations. Country names come from
    :data:`matching.countries.COUNTRY_NAMES` (French names with their preposition) and,
    for the other countries, from django-countries in both languages.
    """
    from django_countries import countries

    def labels(model) -> dict[str, Label]:
        return {
            slug: Label(fr, en)
            for slug, fr, en in model.objects.values_list("slug", "label_fr", "label_en")
        }

    competences = list(
        Competence.objects.values_list("slug", "category__slug", "label_fr", "label_en")
    )
    names: dict[str, Label] = {}
    with translation.override("fr"):
        french = {code: str(name) for code, name in countries}
    with translation.override("en"):
        english = {code: str(name) for code, name in countries}
    for code, name in french.items():
        if code not in COUNTRY_NAMES:
            names[code] = Label(name, english.get(code, name))
    return Taxonomy(
        competence_category={slug: category for slug, category, _fr, _en in competences},
        competence_labels={slug: Label(fr, en) for slug, _c, fr, en in competences},
        category_labels=labels(CompetenceCategory),
        contribution_labels=labels(ContributionType),
        kind_labels=labels(OrganisationKind),
        territory_labels=labels(Territory),
        sdg_labels={
            number: Label(fr, en)
            for number, fr, en in SDG.objects.values_list("number", "label_fr", "label_en")
        },
        country_names=names,
    )


def network_organisations() -> QuerySet:
    """The organisations the engine indexes: the published ones (the only candidates) and
    those under review that already have needs (their members may see suggestions)."""
    has_needs = Exists(OrganisationNeed.objects.filter(organisation=OuterRef("pk")))
    return Organisation.objects.filter(
        Q(status=Organisation.Status.PUBLISHED)
        | Q(status=Organisation.Status.PENDING) & (has_needs | ~Q(needs_description=""))
    )


def network_stamps() -> dict[int, tuple]:
    """A cheap fingerprint of the network: ``{id: (updated_at, member ids)}`` (two queries).

    A change of content or status bumps ``updated_at``; memberships are compared as they
    decide who may not be suggested to whom (organisations sharing a member).
    """
    stamps = dict(network_organisations().values_list("pk", "updated_at"))
    members: dict[int, set[int]] = defaultdict(set)
    for organisation_id, user_id in Membership.objects.active().values_list(
        "organisation_id", "user_id"
    ):
        if organisation_id in stamps:
            members[organisation_id].add(user_id)
    return {pk: (updated, frozenset(members.get(pk, ()))) for pk, updated in stamps.items()}


# The organisation's values a profile is made of: the directory fields the matching reads
# (marked ``profile`` in ``actors.directory_format.FIELDS``) and what is not in the format.
PROFILE_VALUES: tuple[str, ...] = (
    "pk",
    "slug",
    "status",
    "logo",
    *(field.lookup for field in FIELDS if field.profile),
)


def network_profiles(*, ids: Collection[int] | None = None) -> list[Profile]:
    """The engine's profiles of the network (or of the organisations ``ids``, whatever
    their status), in eight queries whatever their number."""
    if ids is None:
        organisations = network_organisations()
    else:
        organisations = Organisation.objects.filter(pk__in=list(ids))
    rows = list(organisations.values(*PROFILE_VALUES))
    wanted = {row["pk"] for row in rows}
    if ids is None:
        # Filter the related rows by a join on the same condition rather than by a list of
        # thousands of ids.
        def related(queryset: QuerySet, prefix: str) -> QuerySet:
            return queryset.filter(
                Q(**{f"{prefix}status": Organisation.Status.PUBLISHED})
                | Q(**{f"{prefix}status": Organisation.Status.PENDING})
            )
    else:

        def related(queryset: QuerySet, prefix: str) -> QuerySet:
            return queryset.filter(**{f"{prefix}pk__in": list(wanted)})

    def pairs(model, field: str) -> dict[int, set]:
        found: dict[int, set] = defaultdict(set)
        for organisation_id, value in related(model.objects.all(), "organisation__").values_list(
            "organisation_id", field
        ):
            found[organisation_id].add(value)
        return found

    offers = pairs(Organisation.offers.through, "competence__slug")
    offered = pairs(Organisation.contributions_offered.through, "contributiontype__slug")
    sought = pairs(Organisation.contributions_sought.through, "contributiontype__slug")
    sdgs = pairs(Organisation.sdgs.through, "sdg_id")
    territories = pairs(Organisation.territories.through, "territory__slug")
    needs: dict[int, list[Need]] = defaultdict(list)
    for organisation_id, competence, text in (
        related(OrganisationNeed.objects.all(), "organisation__")
        .order_by("organisation_id", "competence__position", "competence__slug")
        .values_list("organisation_id", "competence__slug", "description")
    ):
        needs[organisation_id].append(Need(competence, text))
    members: dict[int, set[int]] = defaultdict(set)
    active = related(Membership.objects.active(), "organisation__")
    for organisation_id, user_id in active.values_list("organisation_id", "user_id"):
        members[organisation_id].add(user_id)

    profiles = []
    for row in rows:
        pk = row["pk"]
        if pk not in wanted:
            continue
        countries = row["intervention_countries"]
        country_codes = frozenset(c for c in (countries or "").split(",") if c)
        profiles.append(
            Profile(
                id=pk,
                slug=row["slug"],
                name=row["name"],
                kind=row["kind__slug"],
                pitch=row["pitch"],
                description=row["description"],
                needs_description=row["needs_description"],
                offers=frozenset(offers.get(pk, ())),
                needs=tuple(needs.get(pk, ())),
                contributions_offered=frozenset(offered.get(pk, ())),
                contributions_sought=frozenset(sought.get(pk, ())),
                sdgs=frozenset(sdgs.get(pk, ())),
                countries=country_codes,
                territories=frozenset(territories.get(pk, ())),
                has_contact=bool(row["website"] or row["email"] or row["phone"]),
                has_logo=bool(row["logo"]),
                member_ids=frozenset(members.get(pk, ())),
                published=row["status"] == Organisation.Status.PUBLISHED,
            )
        )
    return profiles


def dismissed_candidates(*, organisation_ids: Collection[int] | None = None) -> dict:
    """``{organisation id: {candidate ids it dismissed}}`` (all organisations by default)."""
    rows = Suggestion.objects.dismissed()
    if organisation_ids is not None:
        rows = rows.filter(organisation_id__in=list(organisation_ids))
    found: dict[int, set[int]] = defaultdict(set)
    for organisation_id, candidate_id in rows.values_list("organisation_id", "candidate_id"):
        found[organisation_id].add(candidate_id)
    return found


class RankingRow(NamedTuple):
    listed: list[int]
    reserve: list[tuple[int, float]]
    floor: float | None


def rankings() -> dict[int, RankingRow]:
    """``{organisation id: its last ranking}`` (see :class:`~matching.models.Ranking`)."""
    return {
        organisation_id: RankingRow(listed, [(c, s) for c, s in reserve], floor)
        for organisation_id, listed, reserve, floor in Ranking.objects.values_list(
            "organisation_id", "listed", "reserve", "floor"
        )
    }


class StoredRow(NamedTuple):
    pk: int
    score: float
    state: str


def stored_lists(*, organisation_ids: Collection[int]) -> dict[int, dict[int, StoredRow]]:
    """``{organisation id: {candidate id: row}}``: the stored lists (dismissed apart)."""
    ids = sorted(organisation_ids)
    lists: dict[int, dict[int, StoredRow]] = defaultdict(dict)
    for start in range(0, len(ids), 500):
        rows = (
            Suggestion.objects.filter(organisation_id__in=ids[start : start + 500])
            .exclude(state=Suggestion.State.DISMISSED)
            .values_list("organisation_id", "candidate_id", "pk", "score", "state")
        )
        for organisation_id, candidate_id, pk, score, state in rows:
            lists[organisation_id][candidate_id] = StoredRow(pk, score, state)
    return lists


def dismissals_of(*, candidate_ids: Collection[int]) -> dict[int, set[int]]:
    """``{organisation id: {candidate ids it dismissed}}``, for these candidates only."""
    found: dict[int, set[int]] = defaultdict(set)
    for organisation_id, candidate_id in (
        Suggestion.objects.dismissed()
        .filter(candidate_id__in=list(candidate_ids))
        .values_list("organisation_id", "candidate_id")
    ):
        found[organisation_id].add(candidate_id)
    return found


def organisations_suggesting(*, candidate_ids: Collection[int]) -> set[int]:
    """Organisations whose stored list (dismissed apart) names one of ``candidate_ids``."""
    return set(
        Suggestion.objects.filter(candidate_id__in=list(candidate_ids))
        .exclude(state=Suggestion.State.DISMISSED)
        .values_list("organisation_id", flat=True)
    )


# Pages ---------------------------------------------------------------------------------


@dataclass
class Dashboard:
    suggestions: list[Suggestion]
    dismissed: list[Suggestion]

    @property
    def new_count(self) -> int:
        return sum(s.is_new for s in self.suggestions)


def _not_sharing_a_member(organisation: Organisation) -> Q:
    """Candidates with none of the organisation's active members: a membership that began
    after the last recompute must not wait for the next one (memberships queue none)."""
    members = Membership.objects.active().filter(organisation=organisation).values("user_id")
    return ~Q(
        Exists(
            Membership.objects.active().filter(
                organisation_id=OuterRef("candidate_id"), user_id__in=members
            )
        )
    )


def suggestions_dashboard(*, organisation: Organisation) -> Dashboard:
    """The organisation's suggestions, best first, and those it dismissed: one query."""
    rows = list(
        Suggestion.objects.filter(
            _not_sharing_a_member(organisation),
            organisation=organisation,
            candidate__status=Organisation.Status.PUBLISHED,
        )
        .select_related("candidate__kind")
        .order_by("-score", "candidate__name", "pk")
    )
    dismissed = [s for s in rows if s.state == Suggestion.State.DISMISSED]
    dismissed.sort(key=lambda s: (s.candidate.name.lower(), s.pk))
    return Dashboard(
        suggestions=[s for s in rows if s.state != Suggestion.State.DISMISSED],
        dismissed=dismissed,
    )


def complementary_organisations(
    *, organisation: Organisation, limit: int = COMPLEMENTARY_SHOWN
) -> list[Suggestion]:
    """The best few stored suggestions for a public organisation page: one query."""
    return list(
        Suggestion.objects.filter(_not_sharing_a_member(organisation), organisation=organisation)
        .shown()
        .select_related("candidate__kind")
        .order_by("-score", "candidate__name", "pk")[:limit]
    )


# Facilitators --------------------------------------------------------------------------

# Below this best score, an organisation's needs count as poorly answered.
GOOD_SCORE = 0.4


@dataclass
class UncoveredNeed:
    organisation_id: int
    organisation_name: str
    organisation_slug: str
    competence_label_fr: str
    competence_label_en: str
    description: str
    offered_by: int  # published organisations offering the competence
    best_score: float | None  # the organisation's best suggestion, if any

    @property
    def competence_label(self) -> str:
        english = (translation.get_language() or "fr").startswith("en")
        return self.competence_label_en if english else self.competence_label_fr


def _offer_counts() -> dict[int, int]:
    """``{competence id: published organisations offering it}``: one query."""
    return dict(
        Organisation.offers.through.objects.filter(
            organisation__status=Organisation.Status.PUBLISHED
        )
        .values("competence_id")
        .annotate(n=Count("organisation_id", distinct=True))
        .values_list("competence_id", "n")
    )


def uncovered_needs(*, limit: int = 500) -> list[UncoveredNeed]:
    """Needs no suggested partner answers ("besoins non couverts"), in three queries.

    A need is uncovered when none of the organisation's suggestions (dismissed apart)
    offers its competence, or when the organisation's best suggestion scores below
    :data:`GOOD_SCORE`. Organisations with no suggestion at all come first, then the
    competences the fewest organisations offer.
    """
    answered: dict[int, set[str]] = defaultdict(set)
    best: dict[int, float] = {}
    for organisation_id, score, slugs in (
        Suggestion.objects.exclude(state=Suggestion.State.DISMISSED)
        .filter(candidate__status=Organisation.Status.PUBLISHED)
        .values_list("organisation_id", "score", "answered_needs")
    ):
        answered[organisation_id].update(slugs or ())
        best[organisation_id] = max(score, best.get(organisation_id, 0.0))
    offered = _offer_counts()
    found = []
    for row in OrganisationNeed.objects.filter(
        organisation__in=network_organisations()
    ).values_list(
        "organisation_id",
        "organisation__name",
        "organisation__slug",
        "competence_id",
        "competence__slug",
        "competence__label_fr",
        "competence__label_en",
        "description",
    ):
        organisation_id, name, slug, competence_id, competence, fr, en, description = row
        score = best.get(organisation_id)
        covered = competence in answered.get(organisation_id, ())
        if covered and score is not None and score >= GOOD_SCORE:
            continue
        found.append(
            UncoveredNeed(
                organisation_id=organisation_id,
                organisation_name=name,
                organisation_slug=slug,
                competence_label_fr=fr,
                competence_label_en=en,
                description=description,
                offered_by=offered.get(competence_id, 0),
                best_score=score,
            )
        )
    found.sort(
        key=lambda u: (
            u.best_score is not None,
            u.offered_by,
            u.best_score or 0.0,
            u.organisation_name.lower(),
            u.competence_label_fr,
        )
    )
    return found[:limit]


@dataclass
class CompetenceBalance:
    competence: Competence
    needed: int  # organisations (published or under review) needing it
    offered: int  # published organisations offering it

    @property
    def ratio(self) -> float:
        return self.needed / max(1, self.offered)


def competence_balance() -> list[CompetenceBalance]:
    """Each competence with how many organisations need it and how many offer it, the
    most demanded and least offered first. Three queries."""
    needed = dict(
        OrganisationNeed.objects.filter(organisation__in=network_organisations())
        .values("competence_id")
        .annotate(n=Count("organisation_id", distinct=True))
        .values_list("competence_id", "n")
    )
    offered = _offer_counts()
    balance = [
        CompetenceBalance(c, needed.get(c.pk, 0), offered.get(c.pk, 0))
        for c in Competence.objects.select_related("category")
    ]
    balance.sort(key=lambda b: (-b.ratio, -b.needed, b.competence.label_fr))
    return balance

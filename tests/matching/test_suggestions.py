"""Stored suggestions: what a recompute writes, what it keeps, and what members do with them.

The engine's ranking itself is specified in test_engine.py; here, the database side.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors import services as actors_services
from actors.models import Membership, Organisation
from matching import selectors, services
from matching.models import Ranking, Suggestion
from tests.factories import MembershipFactory, competence
from tests.matching.conftest import add_suggestion, make_organisation, ranking

pytestmark = pytest.mark.django_db


def suggestion(organisation, candidate) -> Suggestion:
    return Suggestion.objects.get(organisation=organisation, candidate=candidate)


# -- recomputing -------------------------------------------------------------------------


def test_a_full_recompute_stores_the_ranking_with_reasons(seeker, carrier, freight, web_agency):
    result = services.suggestions_recompute_all()

    assert ranking(seeker) == ["transalp", "fret-express"]
    best = suggestion(seeker, carrier)
    assert best.state == Suggestion.State.NEW
    assert 0 < best.score <= 1
    assert best.answered_needs == ["logistics-supply-chain"]
    assert "propose Logistique et chaîne d'approvisionnement" in best.reason_texts
    assert "pratique le mécénat de compétences" in best.reason_texts
    assert "intervient aussi au Burkina Faso" in best.reason_texts
    assert result.organisations == 1
    assert result.written == 2


def test_reasons_are_stored_as_data_and_read_in_the_active_language(seeker, carrier, settings):
    from django.utils import translation

    services.suggestions_recompute_all()
    stored = suggestion(seeker, carrier)

    assert {reason["code"] for reason in stored.reasons} >= {"offers", "contribution"}
    with translation.override("en"):
        assert "offers Logistics and supply chain" in stored.reason_texts
        assert "also works in Burkina Faso" in stored.reason_texts


def test_recomputing_twice_changes_nothing(seeker, carrier, freight):
    services.suggestions_recompute_all()
    first = list(Suggestion.objects.values_list("pk", "candidate_id", "score", "reasons"))

    services.suggestions_recompute_all()
    services.suggestions_recompute(organisation_ids=[seeker.pk])

    assert list(Suggestion.objects.values_list("pk", "candidate_id", "score", "reasons")) == first


def test_never_to_itself_to_an_organisation_sharing_a_member_or_an_unpublished_one(
    seeker, carrier, admin_user
):
    colleague = make_organisation("same-admin-logistics", offers=["logistics-supply-chain"])
    MembershipFactory(user=admin_user, organisation=colleague, role=Membership.Role.ADMIN)
    for status in (Organisation.Status.PENDING, Organisation.Status.DRAFT):
        make_organisation(f"{status}-logistics", offers=["logistics-supply-chain"], status=status)
    # Eau Vive offers what it needs itself: still not suggested to itself.
    seeker.offers.add(*carrier.offers.all())

    services.suggestions_recompute_all()

    assert ranking(seeker) == ["transalp"]
    assert not Suggestion.objects.filter(candidate=colleague).exists()


def test_a_membership_that_ended_no_longer_excludes(seeker, admin_user):
    colleague = make_organisation("former-colleague", offers=["logistics-supply-chain"])
    MembershipFactory(user=admin_user, organisation=colleague, status=Membership.Status.LEFT)

    services.suggestions_recompute_all()

    assert ranking(seeker) == ["former-colleague"]


def test_an_organisation_under_review_gets_suggestions_but_is_never_suggested(carrier):
    pending = make_organisation(
        "new-ngo",
        "ngo",
        needs={"transport": "camions"},
        offers=["logistics-supply-chain"],
        status=Organisation.Status.PENDING,
    )
    other = make_organisation("other-ngo", "ngo", needs={"logistics-supply-chain": ""})

    services.suggestions_recompute_all()

    assert ranking(pending) == ["transalp"]
    assert ranking(other) == ["transalp"]


def test_a_recompute_drops_candidates_that_left_the_ranking_but_keeps_contacted_ones(
    seeker, carrier, freight, web_agency
):
    services.suggestions_recompute_all()
    suggestion(seeker, freight).delete()
    add_suggestion(seeker, web_agency, state=Suggestion.State.SEEN)  # no longer ranked
    contacted = make_organisation("old-friend", offers=["graphic-design-video"])
    add_suggestion(seeker, contacted, state=Suggestion.State.CONTACTED)

    services.suggestions_recompute_all()

    assert ranking(seeker) == ["transalp", "fret-express", "old-friend"]
    assert suggestion(seeker, contacted).state == Suggestion.State.CONTACTED


def test_an_organisation_without_needs_loses_its_new_suggestions(seeker, carrier):
    services.suggestions_recompute_all()
    seeker.needs.all().delete()
    seeker.contributions_sought.clear()

    services.suggestions_recompute(organisation_ids=[seeker.pk])

    assert ranking(seeker) == []


def test_the_state_survives_a_recompute(seeker, carrier, freight):
    services.suggestions_recompute_all()
    Suggestion.objects.filter(candidate=carrier).update(state=Suggestion.State.SEEN)

    services.suggestions_recompute_all()

    assert suggestion(seeker, carrier).state == Suggestion.State.SEEN
    assert suggestion(seeker, freight).state == Suggestion.State.NEW


# -- dismissing ---------------------------------------------------------------------------


def test_a_dismissed_suggestion_stays_dismissed_after_every_kind_of_recompute(
    seeker, carrier, freight, admin_user
):
    services.suggestions_recompute_all()
    services.suggestion_dismiss(suggestion=suggestion(seeker, carrier), by=admin_user)

    services.suggestions_recompute_all()
    services.suggestions_recompute(organisation_ids=[seeker.pk, carrier.pk])
    carrier.description += " Entrepôts frigorifiques."
    carrier.save()
    services.suggestions_recompute(organisation_ids=[carrier.pk])

    dismissed = suggestion(seeker, carrier)
    assert dismissed.state == Suggestion.State.DISMISSED
    assert dismissed.dismissed_at is not None
    assert selectors.suggestions_dashboard(organisation=seeker).suggestions == [
        suggestion(seeker, freight)
    ]


def test_undo_restores_a_dismissed_suggestion(seeker, carrier, member_user):
    services.suggestions_recompute_all()
    dismissed = services.suggestion_dismiss(suggestion=suggestion(seeker, carrier), by=member_user)

    restored = services.suggestion_restore(suggestion=dismissed, by=member_user)

    assert restored.state == Suggestion.State.SEEN
    assert restored.dismissed_at is None
    services.suggestions_recompute_all()
    assert suggestion(seeker, carrier).state == Suggestion.State.SEEN


def test_undo_of_a_contacted_then_dismissed_suggestion_goes_back_to_contacted(
    seeker, carrier, admin_user
):
    services.suggestions_recompute_all()
    row = services.suggestion_mark_contacted(suggestion=suggestion(seeker, carrier), by=admin_user)
    row = services.suggestion_dismiss(suggestion=row, by=admin_user)

    assert services.suggestion_restore(suggestion=row, by=admin_user).state == "contacted"


def test_state_changes_are_idempotent(seeker, carrier, admin_user):
    services.suggestions_recompute_all()
    row = suggestion(seeker, carrier)
    first = services.suggestion_dismiss(suggestion=row, by=admin_user)
    again = services.suggestion_dismiss(suggestion=row, by=admin_user)
    assert again.dismissed_at == first.dismissed_at

    contacted = services.suggestion_mark_contacted(suggestion=row, by=admin_user)
    assert services.suggestion_mark_contacted(suggestion=row, by=admin_user).contacted_at == (
        contacted.contacted_at
    )
    assert services.suggestion_restore(suggestion=row, by=admin_user).state == "contacted"


def test_seen_marks_only_new_suggestions(seeker, carrier, freight, member_user):
    services.suggestions_recompute_all()
    services.suggestion_mark_contacted(suggestion=suggestion(seeker, carrier), by=member_user)

    assert services.suggestions_mark_seen(organisation=seeker, by=member_user) == 1
    assert suggestion(seeker, freight).state == Suggestion.State.SEEN
    assert suggestion(seeker, freight).seen_at is not None
    assert suggestion(seeker, carrier).state == Suggestion.State.CONTACTED


@pytest.mark.parametrize("persona", ["outsider", "requested_member", "former_member"])
def test_only_active_members_and_facilitators_act_on_suggestions(
    request, seeker, carrier, persona, facilitator
):
    services.suggestions_recompute_all()
    row = suggestion(seeker, carrier)
    if persona == "outsider":
        user = request.getfixturevalue("outsider")
    else:
        status = Membership.Status.REQUESTED if persona == "requested_member" else "left"
        user = MembershipFactory(organisation=seeker, status=status).user

    for act in (services.suggestion_dismiss, services.suggestion_mark_contacted):
        with pytest.raises(PermissionDenied):
            act(suggestion=row, by=user)
    with pytest.raises(PermissionDenied):
        services.suggestions_mark_seen(organisation=seeker, by=user)

    assert services.suggestion_dismiss(suggestion=row, by=facilitator).state == "dismissed"


# -- incremental recompute ------------------------------------------------------------


def test_a_changed_organisation_enters_the_lists_it_now_answers(seeker, freight, web_agency):
    services.suggestions_recompute_all()
    assert ranking(seeker) == ["fret-express"]

    web_agency.offers.add(*freight.offers.all())
    web_agency.description = "Nous gérons aussi la chaîne du froid des vaccins."
    web_agency.save()
    result = services.suggestions_recompute(organisation_ids=[web_agency.pk])

    assert sorted(ranking(seeker)) == ["fret-express", "pixel"]
    assert result.patched == 1  # the agency added to Eau Vive's list, nothing ranked again
    assert result.organisations == 0


def test_a_newcomer_to_a_full_list_pushes_out_the_last_one(
    seeker, freight, web_agency, monkeypatch
):
    monkeypatch.setattr(services, "LIMIT", 1)
    services.suggestions_recompute_all()
    assert ranking(seeker) == ["fret-express"]

    web_agency.offers.add(*freight.offers.all())
    web_agency.contributions_offered.add(*seeker.contributions_sought.all())
    web_agency.description = "Chaîne du froid des vaccins jusqu'aux villages."
    web_agency.save()
    services.suggestions_recompute(organisation_ids=[web_agency.pk])

    assert ranking(seeker) == ["pixel"]


def test_a_partner_that_falls_behind_an_unlisted_one_is_replaced(
    seeker, carrier, freight, monkeypatch
):
    monkeypatch.setattr(services, "LIMIT", 1)
    services.suggestions_recompute_all()
    assert ranking(seeker) == ["transalp"]

    carrier.contributions_offered.clear()
    carrier.intervention_countries = []
    carrier.description = "Déménagements."
    carrier.save()
    result = services.suggestions_recompute(organisation_ids=[carrier.pk])

    assert ranking(seeker) == ["fret-express"]
    assert result.organisations == 1  # Eau Vive's list, ranked again


def test_an_unpublished_organisation_leaves_every_list(seeker, carrier, freight, facilitator):
    services.suggestions_recompute_all()

    actors_services.organisation_archive(organisation=carrier, by=facilitator)
    services.suggestions_recompute(organisation_ids=[carrier.pk])

    assert ranking(seeker) == ["fret-express"]


def test_an_incremental_recompute_gives_what_a_full_one_gives(seeker, carrier, freight):
    ngo = make_organisation("second-ngo", "ngo", needs={"transport": "Camions pour le Mali"})
    services.suggestions_recompute_all()
    # Warm: the engine is kept and patched with what changed.
    freight.offers.add(*carrier.offers.all())
    freight.description = "Camions frigorifiques pour les vaccins, jusqu'au Mali."
    freight.save()
    ngo.needs.update(description="Camions frigorifiques")
    ngo.save()

    services.suggestions_recompute(organisation_ids=[freight.pk, ngo.pk])
    incremental = list(Suggestion.objects.values_list("organisation", "candidate", "score"))
    services.suggestions_recompute_all()
    full = list(Suggestion.objects.values_list("organisation", "candidate", "score"))

    assert sorted(incremental) == sorted(full)


def test_many_changes_at_once_recompute_everything(seeker, carrier, monkeypatch):
    monkeypatch.setattr(services, "INCREMENTAL_MAX", 1)

    result = services.suggestions_recompute(organisation_ids=[seeker.pk, carrier.pk])

    assert result.full
    assert ranking(seeker) == ["transalp"]


def test_a_dismissal_refills_the_list_after_commit(
    seeker, carrier, freight, admin_user, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "LIMIT", 1)
    services.suggestions_recompute_all()
    assert ranking(seeker) == ["transalp"]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.suggestion_dismiss(suggestion=suggestion(seeker, carrier), by=admin_user)
    assert len(callbacks) == 1
    services.suggestions_recompute(organisation_ids=[seeker.pk], as_candidates=False)

    shown = selectors.suggestions_dashboard(organisation=seeker).suggestions
    assert [s.candidate.slug for s in shown] == ["fret-express"]
    assert suggestion(seeker, carrier).state == Suggestion.State.DISMISSED


# -- reading -----------------------------------------------------------------------------


def test_the_network_is_loaded_in_a_constant_number_of_queries(seeker, carrier):
    with CaptureQueriesContext(connection) as small:
        selectors.network_profiles()
    for number in range(30):
        make_organisation(
            f"company-{number}",
            offers=["transport", "legal-advice"],
            needs={"fundraising": "dons"},
            gives=["skills-sponsorship"],
            seeks=["financial-sponsorship"],
        )
    with CaptureQueriesContext(connection) as large:
        profiles = selectors.network_profiles()

    assert len(profiles) == 32
    assert len(small) == len(large) == 8


def test_profiles_carry_what_the_engine_needs(seeker, carrier, admin_user):
    profiles = {p.slug: p for p in selectors.network_profiles()}

    ngo = profiles["eau-vive"]
    assert ngo.kind == "ngo"
    assert [need.competence for need in ngo.needs] == ["logistics-supply-chain"]
    assert "vaccins" in ngo.needs[0].text
    assert ngo.contributions_sought == {"skills-sponsorship"}
    assert ngo.countries == {"BF"}
    assert ngo.member_ids == {admin_user.pk}
    assert ngo.published
    assert 0 < profiles["transalp"].completeness < 1


def test_each_list_records_its_ranking(seeker, carrier, freight, web_agency, monkeypatch):
    monkeypatch.setattr(services, "LIMIT", 1)
    monkeypatch.setattr(services, "RESERVE", 1)
    services.suggestions_recompute_all()

    recorded = Ranking.objects.get(organisation=seeker)
    assert recorded.listed == [carrier.pk]
    assert [candidate for candidate, _score in recorded.reserve] == [freight.pk]
    assert recorded.floor is None  # the web agency answers nothing: no other candidate
    assert not Ranking.objects.filter(organisation=carrier).exists()  # it seeks nothing


@pytest.mark.parametrize("reserve", [0, 2, 5])
def test_a_chain_of_incremental_recomputes_keeps_every_list_right(monkeypatch, reserve):
    """Whatever changes, one after the other, the stored lists are what ranking the whole
    network from scratch gives, up to near ties: the scores of unchanged pairs drift by the
    IDF of the changed words (sizeable in a network of 24, not of 10,000) until the
    nightly run."""
    import random

    from matching.engine import Engine

    monkeypatch.setattr(services, "LIMIT", 3)
    monkeypatch.setattr(services, "RESERVE", reserve)
    rng = random.Random(4)
    offers = ["transport", "logistics-supply-chain", "legal-advice", "fundraising", "education"]
    words = ["camions", "froid", "vaccins", "statuts", "dons", "écoles", "villages", "entrepôts"]
    organisations = [
        make_organisation(
            f"org-{n:02}",
            rng.choice(["ngo", "company", "association", "foundation"]),
            offers=rng.sample(offers, 2),
            needs={slug: " ".join(rng.sample(words, 3)) for slug in rng.sample(offers, n % 3)},
            gives=rng.sample(["skills-sponsorship", "financial-sponsorship"], 1),
            description=" ".join(rng.sample(words, 4)),
        )
        for n in range(24)
    ]
    services.suggestions_recompute_all()

    def check(step: int) -> None:
        engine = Engine(selectors.taxonomy(), selectors.network_profiles())
        truth = engine.rank_all(limit=30, profile_ids=[p.id for p in engine.profiles])
        listed: dict[int, set[int]] = {}
        for organisation, candidate in Suggestion.objects.values_list("organisation", "candidate"):
            listed.setdefault(organisation, set()).add(candidate)
        for seeker in set(listed) | {s for s, r in truth.items() if r.suggestions}:
            scores = {s.candidate_id: s.score for s in truth[seeker].suggestions}
            best = [s.candidate_id for s in truth[seeker].suggestions[:3]]
            boundary = scores[best[-1]]
            assert len(listed.get(seeker, ())) == len(best), (step, seeker)
            for candidate in listed.get(seeker, set()) ^ set(best):
                assert abs(scores.get(candidate, 0.0) - boundary) < 0.01, (step, seeker)

    for step in range(20):
        changed = rng.choice(organisations)
        change = step % 4
        if change == 0:
            changed.description = " ".join(rng.sample(words, 5))
        elif change == 1:
            changed.offers.set([competence(rng.choice(offers))])
        elif change == 2:
            changed.status = rng.choice(["published", "archived", "published"])
        else:
            changed.needs.all().delete()
            changed.needs.create(competence=competence(rng.choice(offers)), description="camions")
        changed.save()
        services.suggestions_recompute(organisation_ids=[changed.pk])
        check(step)


# -- patching a list (incremental recompute without ranking again) ---------------------


def _patched(*, listed, reserve, floor, rows, scores, changed):
    """A list of two with a reserve of two: ``rows`` are ``{candidate: score}``."""
    stored = {c: selectors.StoredRow(pk=100 + c, score=s, state="new") for c, s in rows.items()}
    return services._patch(
        ranking=selectors.RankingRow(listed, reserve, floor),
        rows=stored,
        scores=scores,
        changed=set(changed),
        slug=lambda pk: f"org-{pk:03}",
    )


@pytest.fixture
def two_and_two(monkeypatch):
    monkeypatch.setattr(services, "LIMIT", 2)
    monkeypatch.setattr(services, "RESERVE", 2)
    # Listed 1 (0.9) and 2 (0.8); in reserve 3 (0.7) and 4 (0.6); all others at most 0.5.
    return {
        "listed": [1, 2],
        "reserve": [(3, 0.7), (4, 0.6)],
        "floor": 0.5,
        "rows": {1: 0.9, 2: 0.8},
    }


def test_a_listed_candidate_that_changes_keeps_its_place_with_its_new_score(two_and_two):
    patch = _patched(**two_and_two, scores={2: 0.85}, changed=[2])

    assert (patch.upsert, patch.drop, patch.listed) == ([(2, 0.85)], [], [1, 2])
    assert (patch.reserve, patch.floor) == ([(3, 0.7), (4, 0.6)], 0.5)


def test_a_listed_candidate_that_falls_is_replaced_from_the_reserve(two_and_two):
    patch = _patched(**two_and_two, scores={2: 0.65}, changed=[2])

    assert patch.listed == [1, 3]
    assert patch.upsert == [(3, 0.7)]  # the promoted one gets its row (and reasons)
    assert patch.drop == [102]
    assert (patch.reserve, patch.floor) == ([(2, 0.65), (4, 0.6)], 0.5)


def test_a_listed_candidate_no_longer_suggested_is_replaced_from_the_reserve(two_and_two):
    patch = _patched(**two_and_two, scores={}, changed=[1])

    assert (patch.listed, patch.upsert, patch.drop) == ([2, 3], [(3, 0.7)], [101])
    assert (patch.reserve, patch.floor) == ([(4, 0.6)], 0.5)


def test_a_newcomer_enters_and_pushes_the_last_ones_down(two_and_two):
    patch = _patched(**two_and_two, scores={9: 0.95}, changed=[9])

    assert (patch.listed, patch.upsert, patch.drop) == ([9, 1], [(9, 0.95)], [102])
    # 2 goes to the reserve, whose last one (4) joins the others: the floor rises.
    assert (patch.reserve, patch.floor) == ([(2, 0.8), (3, 0.7)], 0.6)


def test_a_newcomer_below_the_list_joins_the_reserve_only(two_and_two):
    patch = _patched(**two_and_two, scores={9: 0.65}, changed=[9])

    assert (patch.listed, patch.upsert, patch.drop) == ([1, 2], [], [])
    assert (patch.reserve, patch.floor) == ([(3, 0.7), (9, 0.65)], 0.6)


def test_a_newcomer_below_the_floor_changes_nothing(two_and_two):
    patch = _patched(**two_and_two, scores={9: 0.4}, changed=[9])

    assert (patch.listed, patch.upsert, patch.drop) == ([1, 2], [], [])
    assert (patch.reserve, patch.floor) == ([(3, 0.7), (4, 0.6)], 0.5)


@pytest.mark.parametrize(
    ("case", "scores", "changed"),
    [
        ("falls below the floor with no reserve left", {1: 0.3, 2: 0.3}, [1, 2, 3, 4]),
        ("ties with the next one", {2: 0.7}, [2]),
    ],
)
def test_only_a_ranking_can_tell(two_and_two, case, scores, changed):
    two_and_two["reserve"] = [] if "reserve" in case else two_and_two["reserve"]
    assert _patched(**two_and_two, scores=scores, changed=changed) is None


def test_a_list_whose_candidate_was_dismissed_meanwhile_is_ranked_again(two_and_two):
    two_and_two["rows"] = {1: 0.9}  # 2 was dismissed: its row is no longer shown

    assert _patched(**two_and_two, scores={9: 0.95}, changed=[9]) is None

"""The matching services' guards, on the services themselves."""

import pytest
from django.core.exceptions import PermissionDenied

from matching import selectors, services
from matching.models import Suggestion
from tests.factories import OrganisationFactory, UserFactory
from tests.matching.conftest import add_suggestion, make_organisation, ranking

pytestmark = pytest.mark.django_db


def test_an_organisation_with_no_member_is_never_suggested_to_itself(db):
    """No shared member to hide behind: the engine's own self-exclusion is what holds."""
    alone = make_organisation(
        "seule",
        "ngo",
        needs={"logistics-supply-chain": "chaîne du froid"},
        offers=["logistics-supply-chain"],
    )
    other = make_organisation("transport-alpin", offers=["logistics-supply-chain"])
    assert not alone.memberships.exists()

    services.suggestions_recompute_all()

    assert ranking(alone) == [other.slug]


def test_the_members_page_never_lists_an_unpublished_candidate(organisation):
    published = OrganisationFactory(slug="publiee")
    hidden = OrganisationFactory(slug="retiree", status="archived")
    add_suggestion(organisation, published)
    add_suggestion(organisation, hidden)

    board = selectors.suggestions_dashboard(organisation=organisation)

    assert [s.candidate.slug for s in board.suggestions] == ["publiee"]


@pytest.mark.parametrize(
    "service",
    [
        services.suggestion_dismiss,
        services.suggestion_restore,
        services.suggestion_mark_contacted,
        services.suggestion_unmark_contacted,
    ],
)
@pytest.mark.parametrize("persona", ["outsider", "stranger"])
def test_only_members_and_facilitators_act_on_suggestions(request, organisation, service, persona):
    suggestion = add_suggestion(organisation, OrganisationFactory(slug="candidate"))
    by = UserFactory() if persona == "stranger" else request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        service(suggestion=suggestion, by=by)
    assert Suggestion.objects.get(pk=suggestion.pk).state == Suggestion.State.NEW


def test_the_nightly_recompute_refreshes_the_cached_public_blocks(client, seeker, carrier):
    from coexist.cache import Scope, versions
    from matching.tasks import recompute_all

    before = versions(Scope.SUGGESTIONS)
    recompute_all.apply()

    assert versions(Scope.SUGGESTIONS) != before
    assert "Transalp" in client.get(seeker.get_absolute_url()).content.decode()

"""Suggested partners, as members see them; complementary organisations, as everyone does."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from actors.models import Organisation
from matching import services
from matching.models import Ranking, Suggestion
from tests.matching.conftest import add_suggestion, make_organisation

pytestmark = pytest.mark.django_db

# The dashboard's SQL budget, whatever the number of suggestions: the user (the session is
# in the cache), the organisation with its kind, the facilitator and membership checks,
# the suggestions with their candidates and kinds, then marking the new ones seen (an
# update, in a savepoint here), whose service checks the access rule again (one query).
DASHBOARD_QUERIES = 8
# An organisation's public page for a visitor, uncached: the organisation, then its
# detail (7, see tests/actors/test_directory.py), one query for the complementary
# organisations, whatever their number, one for its projects (projects' template tag) and
# one for its resources (the médiathèque).
PUBLIC_PAGE_QUERIES = 11


@pytest.fixture(autouse=True)
def _english(client):
    """Pages are read in English here, so that assertions read like the page."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def dashboard_url(organisation: Organisation) -> str:
    return reverse("matching:dashboard", kwargs={"slug": organisation.slug})


def action_url(suggestion: Suggestion, action: str) -> str:
    return reverse(
        "matching:suggestion_action",
        kwargs={"slug": suggestion.organisation.slug, "pk": suggestion.pk, "action": action},
    )


@pytest.fixture
def computed(seeker, carrier, freight):
    services.suggestions_recompute_all()
    return Suggestion.objects.select_related("organisation").get(
        organisation=seeker, candidate=carrier
    )


# -- who sees it -------------------------------------------------------------------------


def test_a_visitor_is_sent_to_the_login_page(client, computed):
    response = client.get(dashboard_url(computed.organisation))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", ["member_user", "admin_user", "facilitator"])
def test_members_admins_and_facilitators_see_the_suggested_partners(
    request, client_for, computed, persona
):
    response = client_for(request.getfixturevalue(persona)).get(
        dashboard_url(computed.organisation)
    )

    assert response.status_code == 200
    assert "Transalp" in response.text
    assert "Fret Express" in response.text


def test_a_member_of_another_organisation_is_refused(client_for, computed, outsider):
    response = client_for(outsider).get(dashboard_url(computed.organisation))

    assert response.status_code == 404
    assert "Transalp" not in response.text


def test_an_unknown_organisation_is_not_found(client_for, facilitator):
    assert client_for(facilitator).get("/annuaire/nobody/partenaires-suggeres/").status_code == 404


def test_the_dashboard_only_answers_get(client_for, computed, member_user):
    assert client_for(member_user).post(dashboard_url(computed.organisation)).status_code == 405


def test_actions_only_answer_post(client_for, computed, member_user):
    client = client_for(member_user)
    assert client.get(action_url(computed, "dismiss")).status_code == 405
    computed.refresh_from_db()
    assert computed.state == Suggestion.State.NEW


def test_an_outsider_cannot_act_on_the_suggestions(client, client_for, computed, outsider):
    assert client.post(action_url(computed, "dismiss")).status_code == 302  # to the login
    assert client_for(outsider).post(action_url(computed, "dismiss")).status_code == 404
    computed.refresh_from_db()
    assert computed.state == Suggestion.State.NEW


def test_an_unknown_action_or_another_organisations_suggestion_is_not_found(
    client_for, computed, admin_user, other_organisation
):
    client = client_for(admin_user)
    assert client.post(action_url(computed, "promote")).status_code == 404
    elsewhere = add_suggestion(other_organisation, computed.candidate)
    url = reverse(
        "matching:suggestion_action",
        kwargs={"slug": computed.organisation.slug, "pk": elsewhere.pk, "action": "dismiss"},
    )
    assert client.post(url).status_code == 404


def test_members_find_the_dashboard_from_their_organisation_page(
    client, client_for, computed, member_user, outsider
):
    page = computed.organisation.get_absolute_url()
    link = dashboard_url(computed.organisation)

    assert link not in client.get(page).text
    assert link not in client_for(outsider).get(page).text
    assert link in client_for(member_user).get(page).text


# -- what it shows -----------------------------------------------------------------------


def test_the_best_partner_comes_first_with_its_reasons(client_for, computed, member_user):
    page = client_for(member_user).get(dashboard_url(computed.organisation)).text

    assert page.index("Transalp") < page.index("Fret Express")
    assert "offers Logistics and supply chain" in page
    assert "gives skills-based sponsorship" in page
    assert "also works in Burkina Faso" in page


def test_reasons_are_in_the_reader_s_language(client_for, computed, member_user):
    client = client_for(member_user)
    with translation.override("en"):
        page = client.get(dashboard_url(computed.organisation), HTTP_ACCEPT_LANGUAGE="en").text

    assert "offers Logistics and supply chain" in page
    assert "gives skills-based sponsorship" in page


def test_new_suggestions_are_marked_new_once(client_for, computed, member_user):
    client = client_for(member_user)
    first = client.get(dashboard_url(computed.organisation)).text
    second = client.get(dashboard_url(computed.organisation)).text

    assert first.count('class="badge">New<') == 2
    assert 'class="badge">New<' not in second
    computed.refresh_from_db()
    assert computed.state == Suggestion.State.SEEN


def test_dismissing_hides_the_partner_and_offers_to_undo(client_for, computed, admin_user):
    client = client_for(admin_user)

    response = client.post(action_url(computed, "dismiss"), follow=True)

    page = response.text
    assert response.redirect_chain[-1][0].endswith(f"?dismissed={computed.pk}")
    assert "Transalp was dismissed" in page
    assert action_url(computed, "restore") in page
    assert action_url(computed, "contact") not in page
    computed.refresh_from_db()
    assert computed.state == Suggestion.State.DISMISSED


def test_undo_brings_the_partner_back(client_for, computed, admin_user):
    client = client_for(admin_user)
    client.post(action_url(computed, "dismiss"))

    page = client.post(action_url(computed, "restore"), follow=True).text

    assert "Transalp is back in your suggestions." in page
    assert action_url(computed, "contact") in page
    computed.refresh_from_db()
    assert computed.state == Suggestion.State.SEEN


def test_seeing_the_contact_is_not_contacting(client_for, computed, member_user):
    """Issue 8, item 12: the contact is shown on the page (a disclosure, no request);
    only "We contacted them" marks it, and that can be undone."""
    candidate = computed.candidate
    candidate.email = "contact@transalp.example"
    candidate.website = "https://transalp.example"
    candidate.phone = "+33 4 50 00 00 00"
    candidate.save()
    client = client_for(member_user)

    page = client.get(dashboard_url(computed.organisation)).text

    assert 'href="mailto:contact@transalp.example"' in page
    assert 'href="https://transalp.example"' in page
    assert 'href="tel:+33450000000"' in page
    computed.refresh_from_db()
    assert computed.state != Suggestion.State.CONTACTED
    assert action_url(computed, "contact") in page


def test_we_contacted_them_marks_it_and_can_be_undone(client_for, computed, member_user):
    client = client_for(member_user)

    page = client.post(action_url(computed, "contact"), follow=True).text

    assert "Transalp is marked as contacted." in page
    computed.refresh_from_db()
    assert computed.state == Suggestion.State.CONTACTED
    assert action_url(computed, "uncontact") in page

    page = client.post(action_url(computed, "uncontact"), follow=True).text

    assert "Transalp is no longer marked as contacted." in page
    computed.refresh_from_db()
    assert computed.state == Suggestion.State.SEEN and computed.contacted_at is None
    assert action_url(computed, "contact") in page


def test_without_suggestions_the_page_says_where_they_come_from(
    client_for, organisation, admin_user
):
    page = client_for(admin_user).get(dashboard_url(organisation)).text

    assert "No suggested partner yet" in page


def test_the_dashboard_uses_a_constant_number_of_queries(
    client_for, seeker, member_user, django_assert_max_num_queries
):
    client = client_for(member_user)
    candidates = [make_organisation(f"partner-{n:02}") for n in range(30)]
    for candidate in candidates[:3]:
        add_suggestion(seeker, candidate)
    with django_assert_max_num_queries(DASHBOARD_QUERIES) as with_three:
        assert client.get(dashboard_url(seeker)).text.count('class="card"') == 3

    for candidate in candidates[3:]:
        add_suggestion(seeker, candidate)
    with django_assert_max_num_queries(DASHBOARD_QUERIES) as with_thirty:
        assert client.get(dashboard_url(seeker)).text.count('class="card"') == 30

    assert len(with_three) == len(with_thirty) == DASHBOARD_QUERIES


# -- on the public page ------------------------------------------------------------------


def test_the_public_page_shows_complementary_organisations_with_reasons(client, computed):
    page = client.get(computed.organisation.get_absolute_url()).text

    assert "Complementary organisations" in page
    assert computed.candidate.get_absolute_url() in page
    assert "offers Logistics and supply chain" in page


def test_dismissed_and_unpublished_partners_are_not_shown_publicly(client, computed, admin_user):
    services.suggestion_dismiss(suggestion=computed, by=admin_user)
    freight = Organisation.objects.get(slug="fret-express")
    Organisation.objects.filter(pk=freight.pk).update(status=Organisation.Status.ARCHIVED)
    cache.clear()

    page = client.get(computed.organisation.get_absolute_url()).text

    assert "Transalp" not in page
    assert "Fret Express" not in page  # archived, even before any recompute


def test_the_public_block_uses_a_constant_number_of_queries(
    client, seeker, django_assert_max_num_queries
):
    candidates = [make_organisation(f"partner-{n:02}") for n in range(30)]
    for number, candidate in enumerate(candidates[:3]):
        add_suggestion(seeker, candidate, score=0.9 - number / 100)
    cache.clear()
    with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES) as with_three:
        assert client.get(seeker.get_absolute_url()).text.count("Transport</li>") == 3

    for number, candidate in enumerate(candidates[3:]):
        add_suggestion(seeker, candidate, score=0.5 - number / 100)
    cache.clear()
    with django_assert_max_num_queries(PUBLIC_PAGE_QUERIES) as with_thirty:
        page = client.get(seeker.get_absolute_url()).text
    assert page.count("Transport</li>") == 4  # the best four
    assert "Partner 00" in page and "Partner 29" not in page

    assert len(with_three) == len(with_thirty) == PUBLIC_PAGE_QUERIES


def test_a_list_ranked_empty_says_no_partner_answers_yet(client_for, organisation, admin_user):
    Ranking.objects.create(organisation=organisation)  # ranked: nobody answers

    page = client_for(admin_user).get(dashboard_url(organisation)).text

    assert "No organisation of the network answers the needs" in page


def test_opening_a_list_never_ranked_queues_its_first_ranking(
    client_for, seeker, carrier, member_user, django_capture_on_commit_callbacks, monkeypatch
):
    from matching import tasks

    queued = []
    monkeypatch.setattr(
        tasks.recompute_for_organisations,
        "apply_async",
        lambda args=None, **kwargs: queued.append(args),
    )
    client = client_for(member_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(dashboard_url(seeker))
        client.get(dashboard_url(seeker))  # not twice

    assert queued == [([seeker.pk], False)]
    services.suggestions_recompute(organisation_ids=[seeker.pk], as_candidates=False)
    assert "Transalp" in client.get(dashboard_url(seeker)).text

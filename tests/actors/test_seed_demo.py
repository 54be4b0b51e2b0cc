"""Demo data: `manage.py seed_demo --organisations N --seed S`.

The command fills the directory with N realistic organisations of the CSI's
network (every kind, mostly NGOs, associations and companies around Geneva),
with French texts, valid contact details, needs and complementary
contributions, plus a handful of demo admin accounts. The same N and S always
give the same organisations; running it again changes nothing; organisations
that are not demo ones are never touched.
"""

import re
from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actors.demo import SLUG_PREFIX, demo_generate, demo_today
from actors.demo_seed import DEMO_PASSWORD, demo_seed
from actors.models import Membership, Organisation, OrganisationKind, OrganisationNeed
from actors.search import apply_search
from actors.validators import validate_phone
from tests.factories import OrganisationFactory

N = 55

WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


@pytest.fixture
def seeded(db):
    """The default demo directory (55 organisations, seed 1) and what the run reported."""
    return demo_seed(count=N, seed=1)


def demo_organisations():
    return Organisation.objects.filter(slug__startswith=SLUG_PREFIX)


def snapshot() -> list[tuple]:
    """What a visitor would compare between two runs: names, slugs, texts and needs."""
    return [
        (o.slug, o.name, o.kind.slug, o.pitch, o.status, o.city, o.phone)
        + (tuple(sorted(n.competence.slug for n in o.needs.all())),)
        + (tuple(sorted(c.slug for c in o.contributions_offered.all())),)
        for o in demo_organisations()
        .select_related("kind")
        .prefetch_related("needs__competence", "contributions_offered")
        .order_by("slug")
    ]


def kind_of(organisation: Organisation) -> str:
    return organisation.kind.slug


# Determinism ----------------------------------------------------------------


def test_same_count_and_seed_give_the_same_organisations():
    today = demo_today()
    first = demo_generate(count=N, seed=1, today=today)
    assert first == demo_generate(count=N, seed=1, today=today)
    assert [s.name for s in demo_generate(count=N, seed=2, today=today)] != [s.name for s in first]


def test_a_bigger_run_starts_with_the_organisations_of_a_smaller_one():
    today = demo_today()
    assert (
        demo_generate(count=20, seed=1, today=today)
        == demo_generate(count=N, seed=1, today=today)[:20]
    )


def test_two_runs_into_an_empty_directory_give_the_same_names_and_slugs(seeded):
    first = snapshot()
    demo_organisations().delete()

    again = demo_seed(count=N, seed=1)

    assert again.created == N
    assert snapshot() == first


def test_a_second_run_creates_nothing_and_writes_nothing(seeded):
    assert (seeded.created, seeded.updated, seeded.unchanged) == (N, 0, 0)
    before = snapshot()

    with CaptureQueriesContext(connection) as queries:
        again = demo_seed(count=N, seed=1)

    assert (again.created, again.updated, again.unchanged) == (0, 0, N)
    assert again.indexed == 0
    assert [q["sql"] for q in queries.captured_queries if WRITES.match(q["sql"])] == []
    assert snapshot() == before
    assert demo_organisations().count() == N
    assert OrganisationNeed.objects.filter(organisation__slug__startswith="demo-").count() == (
        seeded.needs
    )


def test_a_demo_organisation_edited_by_hand_is_put_back(seeded):
    organisation = demo_organisations().filter(needs__isnull=False).first()
    original_pitch = organisation.pitch
    needs = organisation.needs.count()
    Organisation.objects.filter(pk=organisation.pk).update(pitch="Changé à la main")
    organisation.needs.first().delete()
    organisation.offers.clear()

    again = demo_seed(count=N, seed=1)

    assert (again.created, again.updated) == (0, 1)
    organisation.refresh_from_db()
    assert organisation.pitch == original_pitch
    assert organisation.needs.count() == needs
    assert organisation.offers.exists()


def test_other_organisations_are_never_touched(db):
    mine = OrganisationFactory(name="Eau Vive Solidarité", slug="eau-vive", pitch="Le nôtre")

    demo_seed(count=12, seed=1)

    mine.refresh_from_db()
    assert mine.pitch == "Le nôtre"
    assert Organisation.objects.exclude(slug__startswith=SLUG_PREFIX).count() == 1


def test_seeding_uses_bulk_queries_not_one_query_per_organisation(db):
    with CaptureQueriesContext(connection) as small:
        demo_seed(count=20, seed=4)
    demo_organisations().delete()
    with CaptureQueriesContext(connection) as large:
        demo_seed(count=60, seed=4)

    assert len(large.captured_queries) - len(small.captured_queries) < 20


# A realistic network ------------------------------------------------------------


def test_every_kind_appears_with_a_realistic_mix(seeded):
    kinds = [kind_of(o) for o in demo_organisations().select_related("kind")]

    assert set(kinds) == set(OrganisationKind.objects.values_list("slug", flat=True))
    assert kinds.count("ngo") + kinds.count("association") >= 15
    assert kinds.count("company") >= 10
    assert kinds.count("local-authority") <= 4


def test_most_are_published_a_few_wait_for_review_and_one_or_two_are_drafts(seeded):
    statuses = list(demo_organisations().values_list("status", flat=True))

    assert statuses.count(Organisation.Status.PUBLISHED) >= 0.8 * N
    assert statuses.count(Organisation.Status.PENDING) >= 2
    assert 1 <= statuses.count(Organisation.Status.DRAFT) <= 2
    assert 0 < demo_organisations().filter(verified=True).count() < N


def test_dates_are_spread_over_the_last_two_years(seeded):
    now = timezone.now()
    created = list(demo_organisations().values_list("created_at", flat=True))

    assert all(timezone.is_aware(date) for date in created)
    assert all(now - timedelta(days=731) < date <= now for date in created)
    assert max(created) - min(created) > timedelta(days=365)
    for organisation in demo_organisations():
        assert (organisation.published_at is not None) == organisation.is_published
        if organisation.published_at:
            assert organisation.created_at <= organisation.published_at <= now


def test_places_are_in_the_geneva_area_and_consistent(seeded):
    organisations = list(demo_organisations().prefetch_related("territories"))
    near_geneva = {"haute-savoie", "geneve", "ain", "vaud"}

    assert (
        sum(1 for o in organisations if near_geneva & {t.slug for t in o.territories.all()}) > N / 2
    )
    for organisation in organisations:
        countries = {t.country for t in organisation.territories.all()}
        assert organisation.country.code in countries, organisation.name
        digits = 5 if organisation.country.code == "FR" else 4
        assert re.fullmatch(rf"\d{{{digits}}}", organisation.postcode), organisation.postcode
        assert organisation.city


def test_texts_are_french_varied_and_within_limits(seeded):
    organisations = list(demo_organisations())

    assert len({o.description for o in organisations}) == N
    assert len({o.pitch for o in organisations}) > N * 0.8
    for organisation in organisations:
        assert 0 < len(organisation.pitch) <= 200
        assert organisation.description.count(". ") >= 2, organisation.description
        assert " de " in organisation.description or " des " in organisation.description
        assert "{" not in organisation.description + organisation.pitch
        assert " de le " not in organisation.description


def test_every_value_passes_model_validation(seeded):
    for organisation in demo_organisations():
        organisation.full_clean()
        validate_phone(organisation.phone)
        assert organisation.email.endswith(".example")
    for need in OrganisationNeed.objects.filter(organisation__slug__startswith=SLUG_PREFIX)[:40]:
        need.full_clean()


def test_ngos_work_abroad_and_everyone_works_in_french(seeded):
    ngos = list(demo_organisations().filter(kind__slug="ngo"))

    assert all(ngo.intervention_countries for ngo in ngos)
    assert all(o.sdgs.exists() for o in ngos)
    languages = list(demo_organisations().values_list("languages", flat=True))
    assert all("fr" in spoken for spoken in languages)
    assert sum(1 for spoken in languages if spoken[0] == "fr") > 0.9 * N
    assert {"en", "de"} <= {code for spoken in languages for code in spoken}


# Needs and contributions: what the matching engine ranks ----------------------


def test_about_half_of_the_organisations_list_three_to_five_needs(seeded):
    with_needs = demo_organisations().filter(needs__isnull=False).distinct()

    assert 0.35 * N <= with_needs.count() <= 0.75 * N
    for organisation in with_needs.prefetch_related("needs", "offers"):
        needs = list(organisation.needs.all())
        assert 3 <= len(needs) <= 5
        assert all(need.description.startswith(("Nous", "Un", "Une", "Il")) for need in needs)
        assert not {n.competence_id for n in needs} & {c.pk for c in organisation.offers.all()}
        assert organisation.needs_description


def test_ngos_seek_what_companies_offer(seeded):
    ngos = demo_organisations().filter(kind__slug="ngo").prefetch_related("contributions_sought")
    companies = demo_organisations().filter(kind__slug="company")

    for ngo in ngos:
        sought = {c.slug for c in ngo.contributions_sought.all()}
        assert {"skills-sponsorship", "financial-sponsorship"} <= sought
    assert companies.filter(contributions_offered__slug="skills-sponsorship").count() >= (
        companies.count() // 2
    )
    assert all(company.offers.exists() for company in companies)


def test_the_demo_ngo_needs_logistics_that_the_demo_company_offers(seeded):
    ngo = Membership.objects.get(user__email="demo-ngo@coexist.local").organisation
    company = Membership.objects.get(user__email="demo-company@coexist.local").organisation

    assert ngo.needs.filter(competence__slug="logistics-supply-chain").exists()
    assert company.offers.filter(slug="logistics-supply-chain").exists()
    assert company.contributions_offered.filter(slug="skills-sponsorship").exists()
    assert ngo.contributions_sought.filter(slug="skills-sponsorship").exists()
    assert set(ngo.intervention_countries) & set(company.intervention_countries)


# Demo people and search -----------------------------------------------------------


def test_demo_admins_can_log_in_and_administer_their_organisation(seeded, client):
    assert len(seeded.accounts) >= 4
    kinds = set()
    for account in seeded.accounts:
        assert client.login(email=account.email, password=DEMO_PASSWORD)
        client.logout()
        membership = Membership.objects.get(user__email=account.email)
        assert membership.role == Membership.Role.ADMIN
        assert membership.status == Membership.Status.ACTIVE
        assert membership.organisation.is_published
        assert EmailAddress.objects.filter(
            email=account.email, verified=True, primary=True
        ).exists()
        kinds.add(kind_of(membership.organisation))
    assert {"ngo", "company"} <= kinds
    ngo = Membership.objects.get(user__email="demo-ngo@coexist.local").organisation
    assert ngo.needs.exists()


def test_the_demo_ngo_admin_signs_in_through_the_login_page(seeded, client):
    response = client.post(
        reverse("account_login"),
        {"login": "demo-ngo@coexist.local", "password": DEMO_PASSWORD},
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_no_demo_accounts_unless_asked(db):
    result = demo_seed(count=12, seed=1, accounts=False)

    assert result.accounts == []
    assert not Membership.objects.exists()


def test_published_organisations_are_found_by_search(seeded):
    published = demo_organisations().filter(status=Organisation.Status.PUBLISHED)

    assert not published.filter(search_text="").exists()
    organisation = published.filter(needs__isnull=False).first()
    word = max(re.findall(r"\w+", organisation.name), key=len)
    found, _ = apply_search(Organisation.objects.published(), word)
    assert organisation in found


# The command ----------------------------------------------------------------------


def test_the_command_prints_a_summary_and_the_demo_logins(db):
    out = StringIO()
    call_command("seed_demo", organisations=12, seed=3, stdout=out)
    output = out.getvalue()

    assert "12 created, 0 updated, 0 unchanged" in output
    assert "demo-ngo@coexist.local" in output
    assert DEMO_PASSWORD in output
    assert re.search(r"Done in \d+\.\d s", output)

    out = StringIO()
    call_command("seed_demo", organisations=12, seed=3, stdout=out)
    assert "0 created, 0 updated, 12 unchanged" in out.getvalue()


def test_the_command_refuses_an_impossible_count(db):
    with pytest.raises(CommandError):
        call_command("seed_demo", organisations=0, stdout=StringIO())

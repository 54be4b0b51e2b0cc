"""The demo: `manage.py seed_demo --organisations N --seed S [--accounts/--no-accounts]`.

The demo is data (``coexist/demo/data/``): a directory file in the contract's format, its
side data (review states, need texts, demo accounts) and, for bigger sizes, generated
rows. It is loaded through the services only, so their rules and hooks hold: search
terms, suggestions, review states. The same arguments give the same directory; a second
run writes nothing; organisations that are not demo ones are never touched.
"""

import json
import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.selectors import user_is_facilitator
from actors.directory_format import Taxonomies, read_directory_file, validate_rows
from actors.models import Membership, Organisation, OrganisationKind, OrganisationNeed
from actors.search import apply_search
from coexist.demo import seed as demo
from coexist.demo.generate import generate
from matching.models import Suggestion
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

N = 55
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
FILE = demo.DATA / "organisations.json"


@pytest.fixture
def seeded(db):
    return demo.seed(count=N, seed=1)


def demo_organisations():
    return Organisation.objects.filter(slug__startswith="demo-")


def snapshot() -> list[tuple]:
    return [
        (o.slug, o.name, o.kind.slug, o.pitch, o.status, o.verified, o.city, o.phone)
        + (tuple(sorted((n.competence.slug, n.description) for n in o.needs.all())),)
        + (tuple(sorted(c.slug for c in o.contributions_offered.all())),)
        for o in demo_organisations()
        .select_related("kind")
        .prefetch_related("needs__competence", "contributions_offered")
        .order_by("slug")
    ]


# The data ---------------------------------------------------------------------------


def test_the_data_file_is_a_valid_directory_file_for_the_import():
    raw, errors = read_directory_file(filename=FILE.name, content=FILE.read_bytes())
    records, row_errors = validate_rows(rows=raw, taxonomies=Taxonomies.load())

    assert errors == [] and row_errors == []
    assert len(records) == N
    assert all(record.slug.startswith("demo-") for record in records)
    kinds = {row["kind"] for row in demo.organisation_rows()}
    assert kinds == set(OrganisationKind.objects.values_list("slug", flat=True))


def test_the_side_data_refers_to_the_file_and_its_needs():
    rows = {row["slug"]: row for row in demo.organisation_rows()}
    side = demo.extra()

    assert set(side["organisations"]) <= set(rows)
    for slug, entry in side["organisations"].items():
        assert entry["status"] in ("published", "pending", demo.DECLINED)
        assert set(entry.get("needs", {})) == set(rows[slug]["needs"]), slug
        assert (entry["status"] == demo.DECLINED) == bool(entry.get("decline_reason"))
    assert {account["organisation"] for account in side["accounts"]} <= set(rows)


def test_generated_rows_are_valid_deterministic_and_extend_smaller_runs():
    rows, side = generate(start=N, count=N + 300, seed=1)
    raw, errors = read_directory_file(filename="generated.json", content=json.dumps(rows).encode())
    records, row_errors = validate_rows(rows=raw, taxonomies=Taxonomies.load())

    assert errors == [] and row_errors == [] and len(records) == 300
    assert generate(start=N, count=N + 300, seed=1) == (rows, side)
    assert generate(start=N, count=N + 20, seed=1)[0] == rows[:20]
    assert generate(start=N, count=N + 20, seed=2)[0] != rows[:20]
    assert not {row["slug"] for row in rows} & {row["slug"] for row in demo.organisation_rows()}
    assert {entry["status"] for entry in side.values()} == {"published", "pending"}


# Loaded through the services ----------------------------------------------------------


def test_the_demo_is_the_data_file(seeded):
    rows = demo.organisation_rows()
    side = demo.extra()["organisations"]
    stored = {o.slug: o for o in demo_organisations().prefetch_related("needs__competence")}

    assert set(stored) == {row["slug"] for row in rows}
    for row in rows:
        organisation = stored[row["slug"]]
        assert (organisation.name, organisation.pitch, organisation.city) == (
            row["name"],
            row["pitch"],
            row["city"],
        )
        texts = {n.competence.slug: n.description for n in organisation.needs.all()}
        assert texts == side[row["slug"]].get("needs", {})
    assert (seeded.outcomes["create"], seeded.outcomes["update"]) == (N, 0)


def test_review_states_are_a_facilitators(seeded):
    side = demo.extra()["organisations"]
    by_state = {state: [s for s, e in side.items() if e["status"] == state] for state in side}

    pending = demo_organisations().filter(status=Organisation.Status.PENDING)
    assert sorted(pending.values_list("slug", flat=True)) == sorted(
        s for s, e in side.items() if e["status"] == "pending"
    )
    declined = demo_organisations().filter(status=Organisation.Status.DRAFT)
    assert declined.count() == 2 and not declined.filter(decline_reason="").exists()
    verified = {s for s, e in side.items() if e.get("verified")}
    assert set(demo_organisations().filter(verified=True).values_list("slug", flat=True)) == (
        verified
    )
    assert by_state  # the side data has review states at all
    assert user_is_facilitator(user=seeded.curator)
    published = demo_organisations().filter(status=Organisation.Status.PUBLISHED)
    assert not published.filter(published_at__isnull=True).exists()


def test_search_terms_are_computed_by_the_services(seeded):
    published = demo_organisations().filter(status=Organisation.Status.PUBLISHED)

    assert not demo_organisations().filter(search_terms="").exists()
    organisation = published.filter(needs__isnull=False).first()
    word = max(re.findall(r"\w+", organisation.name), key=len)
    found, _ranked = apply_search(Organisation.objects.published(), word)
    assert organisation in found


def test_suggestions_are_computed_by_the_services_hook(
    settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the hook's task runs once the seed commits
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(count=N, seed=1, accounts=False)

    ngo = Organisation.objects.get(slug=demo.extra()["accounts"][0]["organisation"])
    assert Suggestion.objects.filter(organisation=ngo).count() >= 5


def test_the_demo_ngo_needs_logistics_that_the_demo_company_offers(seeded):
    ngo = Membership.objects.get(user__email="demo-ngo@coexist.local").organisation
    company = Membership.objects.get(user__email="demo-company@coexist.local").organisation

    assert ngo.needs.filter(competence__slug="logistics-supply-chain").exists()
    assert company.offers.filter(slug="logistics-supply-chain").exists()
    assert company.contributions_offered.filter(slug="skills-sponsorship").exists()
    assert set(ngo.intervention_countries) & set(company.intervention_countries)


# Idempotent --------------------------------------------------------------------------


def test_a_second_run_writes_nothing(seeded):
    before = snapshot()

    with CaptureQueriesContext(connection) as queries:
        again = demo.seed(count=N, seed=1)

    assert (again.outcomes["create"], again.outcomes["update"]) == (0, 0)
    assert again.outcomes["unchanged"] == N
    assert (again.reviewed, again.needs_described) == (0, 0)
    assert [q["sql"] for q in queries.captured_queries if WRITES.match(q["sql"])] == []
    assert snapshot() == before


def test_a_demo_organisation_edited_by_hand_is_put_back(seeded):
    organisation = demo_organisations().filter(needs__isnull=False).first()
    before = snapshot()
    Organisation.objects.filter(pk=organisation.pk).update(pitch="Changé à la main")
    organisation.needs.first().delete()
    organisation.offers.clear()

    again = demo.seed(count=N, seed=1)

    assert (again.outcomes["create"], again.outcomes["update"]) == (0, 1)
    assert again.needs_described == 1
    assert snapshot() == before


def test_other_organisations_are_never_touched(db):
    mine = OrganisationFactory(name="Eau Vive Solidarité", slug="eau-vive", pitch="Le nôtre")

    demo.seed(count=12, seed=1)

    mine.refresh_from_db()
    assert mine.pitch == "Le nôtre"
    assert demo_organisations().count() == 12


# Sizes -------------------------------------------------------------------------------


def test_a_bigger_run_is_the_file_then_generated_organisations(db):
    report = demo.seed(count=N + 45, seed=1, accounts=False)

    assert demo_organisations().count() == N + 45 == report.outcomes["create"]
    slugs = set(demo_organisations().values_list("slug", flat=True))
    assert {row["slug"] for row in demo.organisation_rows()} <= slugs
    assert not demo_organisations().filter(search_terms="").exists()
    in_file = sum(len(row["needs"]) for row in demo.organisation_rows())
    needs = OrganisationNeed.objects.filter(organisation__slug__startswith="demo-")
    assert needs.count() > in_file  # generated organisations have needs too


def test_seeding_uses_bulk_queries_not_queries_per_organisation(db):
    with CaptureQueriesContext(connection) as small:
        demo.seed(count=N + 20, seed=4, accounts=False)
    demo_organisations().delete()
    with CaptureQueriesContext(connection) as large:
        demo.seed(count=N + 220, seed=4, accounts=False)

    assert len(large.captured_queries) - len(small.captured_queries) < 20


# Accounts ----------------------------------------------------------------------------


def test_demo_admins_sign_in_and_administer_their_organisation(seeded, client):
    assert len(seeded.logins) == len(demo.extra()["accounts"]) >= 4
    for account in seeded.logins:
        membership = Membership.objects.get(user__email=account.email)
        assert membership.role == Membership.Role.ADMIN
        assert membership.status == Membership.Status.ACTIVE
        assert membership.organisation.is_published
        assert EmailAddress.objects.filter(email=account.email, verified=True).exists()
    response = client.post(
        reverse("account_login"),
        {"login": "demo-ngo@coexist.local", "password": demo.demo_password()},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_no_demo_accounts_unless_asked(db, client):
    report = demo.seed(count=12, seed=1, accounts=False)

    assert report.logins == []
    assert not Membership.objects.exists()
    assert not report.curator.has_usable_password()  # the reviewer exists, nobody signs in


# The command -------------------------------------------------------------------------


def test_the_command_prints_a_summary_and_tidy_logins(db):
    out = StringIO()
    call_command("seed_demo", organisations=12, seed=3, stdout=out)
    output = out.getvalue()

    assert "12 created, 0 updated, 0 unchanged" in output
    assert demo.demo_password() in output
    assert re.search(r"^  facilitatrice@coexist\.local +facilitator$", output, re.MULTILINE)
    assert re.search(r"^  demo-ngo@coexist\.local +admin of Puits Alliance \(", output, re.M)
    assert "created)" not in output and "ready)" not in output
    assert re.search(r"Done in \d+\.\d s", output)

    out = StringIO()
    call_command("seed_demo", organisations=12, seed=3, stdout=out)
    assert "0 created, 0 updated, 12 unchanged" in out.getvalue()


def test_the_command_refuses_an_impossible_count(db):
    with pytest.raises(CommandError):
        call_command("seed_demo", organisations=0, stdout=StringIO())

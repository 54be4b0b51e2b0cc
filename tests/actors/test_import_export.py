"""The directory spreadsheet: import (command and admin) and CSV export.

The format is the contract "Directory spreadsheet": one organisation per row,
keyed by slug, multi-valued cells separated by ";". Every row is validated
before anything is written; re-importing the same file changes nothing; an
export imports back as a no-op.
"""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from actors.directory_io import COLUMNS, export_directory_csv, import_directory
from actors.models import Organisation, OrganisationNeed
from tests.factories import OrganisationFactory, UserFactory, competence, make_facilitator

pytestmark = pytest.mark.django_db

EAU_VIVE = {
    "slug": "eau-vive",
    "name": "Eau Vive Solidarité",
    "kind": "ngo",
    "pitch": "L'eau potable pour tous, du Léman au Sahel",
    "description": "Depuis 1987, **Eau Vive** creuse des puits.\n\nAu Sénégal et au Burkina Faso.",
    "website": "https://eauvive.example.org",
    "email": "contact@eauvive.example.org",
    "phone": "04 50 12 34 56",
    "street": "12 rue du Lac",
    "postcode": "74100",
    "city": "Annemasse",
    "country": "FR",
    "territories": "haute-savoie;geneve",
    "intervention_countries": "SN;BF",
    "sdgs": "6;3",
    "offers": "water-sanitation;training-capacity-building",
    "needs": "logistics-supply-chain;fundraising",
    "needs_description": "Un partenaire logistique pour acheminer des pompes.",
    "contributions_offered": "technical-expertise",
    "contributions_sought": "financial-sponsorship;in-kind-donation",
    "languages": "fr;en",
}
LOGISTIQUE = {
    "name": "Logistique Léman",
    "kind": "company",
    "city": "Genève",
    "country": "CH",
    "phone": "+41 22 123 45 67",
    "offers": "logistics-supply-chain;transport",
}


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English, the source language."""
    with translation.override("en"):
        yield


def csv_bytes(*rows: dict, columns=None, bom: bool = False) -> bytes:
    """A directory CSV with ``columns`` (default: every column the rows use, in contract order)."""
    if columns is None:
        used = {key for row in rows for key in row}
        columns = [column for column in COLUMNS if column in used]
    stream = io.StringIO(newline="")
    writer = csv.DictWriter(stream, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + stream.getvalue().encode("utf-8")


def run(content: bytes, filename: str = "directory.csv", **options):
    return import_directory(filename=filename, content=content, **options)


def cells(result) -> set[tuple[int | None, str | None]]:
    return {(error.row, error.column) for error in result.errors}


def slugs(related) -> set[str]:
    return {item.slug for item in related.all()}


# Creating ------------------------------------------------------------------


def test_a_valid_csv_creates_organisations_with_every_field():
    result = run(csv_bytes(EAU_VIVE, LOGISTIQUE))

    assert result.ok and result.written
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    eau_vive = Organisation.objects.get(slug="eau-vive")
    assert eau_vive.name == "Eau Vive Solidarité"
    assert eau_vive.kind.slug == "ngo"
    assert eau_vive.pitch == EAU_VIVE["pitch"]
    assert eau_vive.description == EAU_VIVE["description"]
    assert eau_vive.website == "https://eauvive.example.org"
    assert eau_vive.email == "contact@eauvive.example.org"
    assert eau_vive.phone == "04 50 12 34 56"
    assert (eau_vive.street, eau_vive.postcode, eau_vive.city) == (
        "12 rue du Lac",
        "74100",
        "Annemasse",
    )
    assert eau_vive.country.code == "FR"
    assert slugs(eau_vive.territories) == {"haute-savoie", "geneve"}
    assert [country.code for country in eau_vive.intervention_countries] == ["BF", "SN"]
    assert {sdg.number for sdg in eau_vive.sdgs.all()} == {3, 6}
    assert slugs(eau_vive.offers) == {"water-sanitation", "training-capacity-building"}
    assert {need.competence.slug for need in eau_vive.needs.all()} == {
        "logistics-supply-chain",
        "fundraising",
    }
    assert eau_vive.needs_description == EAU_VIVE["needs_description"]
    assert slugs(eau_vive.contributions_offered) == {"technical-expertise"}
    assert slugs(eau_vive.contributions_sought) == {"financial-sponsorship", "in-kind-donation"}
    assert eau_vive.languages == ["fr", "en"]


def test_the_slug_is_derived_from_the_name_when_absent():
    run(csv_bytes(LOGISTIQUE))

    assert Organisation.objects.get(slug="logistique-leman").name == "Logistique Léman"


def test_created_organisations_are_searchable_at_once():
    result = run(csv_bytes(EAU_VIVE))

    eau_vive = Organisation.objects.get(pk=result.organisation_ids[0])
    assert "eau vive solidarite" in eau_vive.search_text
    assert "logistics" in eau_vive.search_text  # the labels of its needs


def test_a_json_file_takes_lists_or_semicolon_text_for_multi_valued_fields():
    data = [
        {**EAU_VIVE, "territories": ["haute-savoie", "geneve"], "sdgs": [6, 3]},
        {**LOGISTIQUE, "offers": "logistics-supply-chain;transport", "postcode": 1201},
    ]

    result = run(json.dumps(data).encode(), filename="directory.json")

    assert result.ok and result.created == 2
    eau_vive = Organisation.objects.get(slug="eau-vive")
    assert slugs(eau_vive.territories) == {"haute-savoie", "geneve"}
    assert {sdg.number for sdg in eau_vive.sdgs.all()} == {3, 6}
    logistique = Organisation.objects.get(slug="logistique-leman")
    assert slugs(logistique.offers) == {"logistics-supply-chain", "transport"}
    assert logistique.postcode == "1201"


def test_a_utf8_byte_order_mark_is_accepted():
    result = run(csv_bytes(EAU_VIVE, bom=True))

    assert result.ok
    assert Organisation.objects.get(slug="eau-vive").name == "Eau Vive Solidarité"


def test_sixty_rows_import_in_one_go():
    rows = [
        {"name": f"Association {n}", "kind": "association", "offers": "fundraising", "sdgs": "4"}
        for n in range(60)
    ]

    result = run(csv_bytes(*rows))

    assert result.ok and result.created == 60
    assert Organisation.objects.filter(offers__slug="fundraising").count() == 60


# Refusing ------------------------------------------------------------------


def test_a_file_with_errors_writes_nothing_and_names_every_bad_cell():
    rows = [
        EAU_VIVE,
        {
            "name": "Bad",
            "kind": "spaceship",
            "website": "ftp://example.org",
            "email": "not-an-email",
            "phone": "123",
            "country": "FRA",
            "sdgs": "6;18",
            "languages": "fr;xx",
            "pitch": "x" * 201,
        },
        {"name": "", "kind": "ngo", "territories": "haute-savoie;atlantis"},
    ]

    result = run(csv_bytes(*rows))

    assert not result.written
    assert Organisation.objects.count() == 0
    # Every bad cell, by row then in the contract's column order.
    assert [(error.row, error.column) for error in result.errors] == [
        (2, "kind"),
        (2, "pitch"),
        (2, "website"),
        (2, "email"),
        (2, "phone"),
        (2, "country"),
        (2, "sdgs"),
        (2, "languages"),
        (3, "name"),
        (3, "territories"),
    ]
    messages = [str(error) for error in result.errors]
    assert messages[6] == (
        "row 2, column sdgs: “18” is not a sustainable development goal (a number from 1 to 17)."
    )
    assert messages[9] == "row 3, column territories: Unknown territory “atlantis”."


def test_an_unknown_column_is_an_error():
    columns = ["name", "kind", "webiste"]
    result = run(
        csv_bytes(
            {"name": "Logistique", "kind": "company", "webiste": "https://x.org"}, columns=columns
        )
    )

    assert not result.written and Organisation.objects.count() == 0
    assert cells(result) == {(None, "webiste")}
    assert str(result.errors[0]).startswith("column webiste: Unknown column")


def test_an_unknown_key_in_json_is_an_error_on_its_row():
    data = [LOGISTIQUE, {**EAU_VIVE, "colour": "blue"}, {**LOGISTIQUE, "slug": "l", "sdgs": [0]}]

    result = run(json.dumps(data).encode(), filename="directory.json")

    assert cells(result) == {(2, "colour"), (3, "sdgs")}
    assert Organisation.objects.count() == 0


@pytest.mark.parametrize(
    "column", ["kind", "territories", "offers", "needs", "contributions_offered"]
)
def test_an_unknown_taxonomy_slug_is_an_error(column):
    result = run(csv_bytes({**EAU_VIVE, column: "no-such-slug"}))

    assert cells(result) == {(1, column)}
    assert "no-such-slug" in result.errors[0].message
    assert Organisation.objects.count() == 0


def test_name_and_kind_are_required():
    result = run(csv_bytes({"name": "", "kind": "", "city": "Lyon"}))

    assert cells(result) == {(1, "name"), (1, "kind")}


def test_a_missing_required_column_is_an_error():
    result = run(csv_bytes({"name": "Sans Type"}))

    assert cells(result) == {(None, "kind")}


def test_the_same_slug_twice_in_a_file_is_an_error():
    result = run(csv_bytes(EAU_VIVE, {**LOGISTIQUE, "slug": "eau-vive"}))

    assert cells(result) == {(2, "slug")}
    assert "already used by row 1" in result.errors[0].message


def test_a_file_with_only_a_header_changes_nothing():
    result = run(b"slug,name,kind\r\n")

    assert result.ok and not result.changes_anything


def test_a_spreadsheet_saved_with_semicolons_between_columns_is_explained():
    result = run("name;kind\nÉcole;ngo\n".encode())

    assert [str(error) for error in result.errors] == [
        "The columns must be separated by commas, not by “;” (save as CSV UTF-8)."
    ]


def test_a_file_that_is_not_utf8_or_not_a_list_is_refused():
    assert not run("name,kind\nÉcole,ngo\n".encode("latin-1")).ok
    assert not run(b'{"name": "x"}', filename="directory.json").ok
    assert not run(b"name,kind\n", filename="directory.xlsx").ok


# Options -------------------------------------------------------------------


def test_a_dry_run_writes_nothing_and_reports_what_would_change():
    OrganisationFactory(slug="eau-vive", name="Eau Vive")

    result = run(csv_bytes(EAU_VIVE, LOGISTIQUE), dry_run=True)

    assert result.ok and not result.written
    assert [(row.slug, row.action) for row in result.rows] == [
        ("eau-vive", "update"),
        ("logistique-leman", "create"),
    ]
    assert "name" in result.rows[0].changed
    assert Organisation.objects.count() == 1
    assert Organisation.objects.get().name == "Eau Vive"


def test_created_organisations_wait_for_review_by_default():
    run(csv_bytes(EAU_VIVE))

    eau_vive = Organisation.objects.get()
    assert eau_vive.status == Organisation.Status.PENDING
    assert eau_vive.published_at is None


def test_the_published_status_publishes_created_organisations():
    run(csv_bytes(EAU_VIVE), status="published")

    eau_vive = Organisation.objects.get()
    assert eau_vive.status == Organisation.Status.PUBLISHED
    assert eau_vive.published_at is not None


# Updating ------------------------------------------------------------------


def test_reimporting_the_same_file_changes_nothing_and_says_so():
    content = csv_bytes(EAU_VIVE, LOGISTIQUE)
    run(content)
    before = dict(Organisation.objects.values_list("slug", "updated_at"))

    result = run(content)

    assert result.ok and result.written
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert not result.changes_anything
    assert dict(Organisation.objects.values_list("slug", "updated_at")) == before


def test_an_update_keeps_the_review_state_and_reports_the_changed_columns():
    draft = OrganisationFactory(slug="eau-vive", status=Organisation.Status.DRAFT)

    result = run(csv_bytes({**EAU_VIVE, "city": "Thonon-les-Bains"}), status="published")

    assert result.updated == 1
    assert {"name", "city", "offers", "sdgs"} <= set(result.rows[0].changed)
    draft.refresh_from_db()
    assert draft.status == Organisation.Status.DRAFT
    assert draft.city == "Thonon-les-Bains"


def test_an_update_keeps_the_words_of_needs_that_stay():
    organisation = OrganisationFactory(slug="eau-vive")
    OrganisationNeed.objects.create(
        organisation=organisation,
        competence=competence("fundraising"),
        description="Une campagne de dons pour 2027.",
    )
    OrganisationNeed.objects.create(organisation=organisation, competence=competence("advocacy"))

    run(
        csv_bytes(
            {
                "slug": "eau-vive",
                "name": "Eau Vive",
                "kind": "ngo",
                "needs": "fundraising;transport",
            }
        )
    )

    needs = {need.competence.slug: need.description for need in organisation.needs.all()}
    assert needs == {"fundraising": "Une campagne de dons pour 2027.", "transport": ""}


def test_columns_left_out_of_the_file_keep_their_value_and_empty_cells_clear():
    run(csv_bytes(EAU_VIVE))

    result = run(csv_bytes({"slug": "eau-vive", "name": "Eau Vive", "kind": "ngo", "pitch": ""}))

    assert result.rows[0].changed == ("name", "pitch")
    eau_vive = Organisation.objects.get()
    assert eau_vive.pitch == ""
    assert eau_vive.city == "Annemasse"
    assert slugs(eau_vive.offers) == {"water-sanitation", "training-capacity-building"}


# Exporting -----------------------------------------------------------------


def test_the_export_writes_the_contract_columns_in_order():
    run(csv_bytes(EAU_VIVE))
    stream = io.StringIO(newline="")

    count = export_directory_csv(queryset=Organisation.objects.all(), stream=stream)

    assert count == 1
    rows = list(csv.reader(io.StringIO(stream.getvalue(), newline="")))
    assert tuple(rows[0]) == COLUMNS
    exported = dict(zip(COLUMNS, rows[1], strict=True))
    assert exported["territories"] == "geneve;haute-savoie"
    assert exported["intervention_countries"] == "BF;SN"
    assert exported["sdgs"] == "3;6"
    assert exported["languages"] == "fr;en"
    assert exported["description"] == EAU_VIVE["description"]


def test_export_then_import_is_a_no_op():
    run(csv_bytes(EAU_VIVE, LOGISTIQUE), status="published")
    OrganisationFactory(slug="factory-made", offers=["advocacy"], needs=["transport"])
    stream = io.StringIO(newline="")
    export_directory_csv(queryset=Organisation.objects.all(), stream=stream)

    result = run(stream.getvalue().encode("utf-8"))

    assert result.ok
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)


# Queries -------------------------------------------------------------------


def _rows(count: int) -> bytes:
    return csv_bytes(
        *(
            {
                "slug": f"organisation-{n}",
                "name": f"Organisation {n}",
                "kind": "ngo",
                "territories": "haute-savoie",
                "sdgs": "6",
                "offers": "fundraising",
                "needs": "transport",
                "contributions_offered": "technical-expertise",
                "contributions_sought": "in-kind-donation",
            }
            for n in range(count)
        )
    )


def test_validating_a_file_does_not_query_per_row(django_assert_max_num_queries):
    for n in range(0, 50, 2):  # half the rows update existing organisations
        OrganisationFactory(slug=f"organisation-{n}", offers=["advocacy"], needs=["transport"])
    with CaptureQueriesContext(connection) as five_rows:
        assert run(_rows(5), dry_run=True).ok

    with django_assert_max_num_queries(len(five_rows)):
        result = run(_rows(50), dry_run=True)

    assert (result.created, result.updated) == (25, 25)


# The commands ---------------------------------------------------------------


@pytest.fixture
def directory_file(tmp_path):
    def write(content: bytes, name: str = "directory.csv") -> str:
        path = tmp_path / name
        path.write_bytes(content)
        return str(path)

    return write


def test_the_command_imports_and_prints_a_summary(directory_file, capsys):
    path = directory_file(csv_bytes(EAU_VIVE, LOGISTIQUE))

    call_command("import_directory", path, "--status", "published")
    assert "created: 2, updated: 0, unchanged: 0" in capsys.readouterr().out
    call_command("import_directory", path)

    output = capsys.readouterr().out
    assert "created: 0, updated: 0, unchanged: 2" in output
    assert "nothing changed" in output
    assert set(Organisation.objects.values_list("status", flat=True)) == {"published"}


def test_the_command_fails_on_errors_prints_them_and_writes_nothing(directory_file, capsys):
    path = directory_file(csv_bytes(EAU_VIVE, {**LOGISTIQUE, "email": "nope", "sdgs": "99"}))

    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_directory", path)

    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith("row 2, column email: ")
    assert errors[1].startswith("row 2, column sdgs: ")
    assert Organisation.objects.count() == 0


def test_the_command_dry_run_lists_what_would_change(directory_file, capsys):
    path = directory_file(csv_bytes(EAU_VIVE), name="directory.csv")

    call_command("import_directory", path, "--dry-run")

    output = capsys.readouterr().out
    assert "row 1: would create eau-vive" in output
    assert "Dry run, nothing written" in output
    assert Organisation.objects.count() == 0


def test_the_export_command_writes_published_organisations_unless_all(capsys):
    OrganisationFactory(slug="visible")
    OrganisationFactory(slug="waiting", status=Organisation.Status.PENDING)

    call_command("export_directory")
    published = capsys.readouterr().out
    call_command("export_directory", "--all")
    everything = capsys.readouterr().out

    assert published.splitlines()[0] == ",".join(COLUMNS)
    assert "visible" in published and "waiting" not in published
    assert "waiting" in everything


# The admin -----------------------------------------------------------------


@pytest.fixture
def client(client):
    """The admin pages in English, the source language."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def facilitator():
    """A facilitator: the Facilitators group holds its admin permissions after migrate."""
    return make_facilitator()


def upload(content: bytes, name: str = "directory.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_a_facilitator_previews_then_confirms_an_import(client):
    client.force_login(facilitator())
    url = reverse("admin:actors_organisation_import")
    assert client.get(url).status_code == 200

    preview = client.post(
        url, {"file": upload(csv_bytes(EAU_VIVE, LOGISTIQUE)), "status": "pending"}
    )

    assert preview.status_code == 200
    assert Organisation.objects.count() == 0
    assert [row.action for row in preview.context["result"].rows] == ["create", "create"]
    assert "Eau Vive Solidarité" in preview.content.decode()
    token = preview.context["token"]

    confirmed = client.post(url, {"token": token})

    assert confirmed.status_code == 302
    assert Organisation.objects.count() == 2
    assert set(Organisation.objects.values_list("status", flat=True)) == {"pending"}

    again = client.post(url, {"file": upload(csv_bytes(EAU_VIVE, LOGISTIQUE)), "status": "pending"})

    assert "Nothing to import: the directory already matches the file." in again.content.decode()
    assert not again.context["token"]


def test_the_admin_import_shows_every_error_and_writes_nothing(client):
    client.force_login(facilitator())
    url = reverse("admin:actors_organisation_import")
    content = csv_bytes(EAU_VIVE, {**LOGISTIQUE, "kind": "spaceship", "email": "nope"})

    response = client.post(url, {"file": upload(content), "status": "pending"})

    page = response.content.decode()
    assert "row 2, column kind: Unknown organisation kind “spaceship”" in page
    assert "row 2, column email: Enter a valid email address." in page
    assert "token" not in response.context or not response.context["token"]
    assert 'name="token"' not in page
    assert Organisation.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(client, monkeypatch):
    monkeypatch.setattr("actors.admin_import.MAX_UPLOAD_BYTES", 100)
    client.force_login(facilitator())

    response = client.post(
        reverse("admin:actors_organisation_import"),
        {"file": upload(csv_bytes(EAU_VIVE)), "status": "pending"},
    )

    assert "The file is too large" in response.content.decode()
    assert "result" not in response.context


def test_a_preview_too_large_to_carry_sends_to_the_command(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024 + 100  # leaves 100 bytes for the content
    client.force_login(facilitator())

    response = client.post(
        reverse("admin:actors_organisation_import"),
        {"file": upload(_rows(60)), "status": "pending"},
    )

    assert response.context["result"].created == 60
    assert "use the import_directory command" in response.content.decode()
    assert 'name="token"' not in response.content.decode()


def test_a_tampered_confirmation_writes_nothing(client):
    client.force_login(facilitator())
    url = reverse("admin:actors_organisation_import")

    response = client.post(url, {"token": "forged:token"}, follow=True)

    assert "upload the file again" in response.content.decode()
    assert Organisation.objects.count() == 0


def test_a_member_who_is_not_staff_is_sent_to_the_admin_login(client):
    client.force_login(UserFactory())

    response = client.post(
        reverse("admin:actors_organisation_import"),
        {"file": upload(csv_bytes(EAU_VIVE)), "status": "published"},
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert Organisation.objects.count() == 0


def test_an_anonymous_visitor_is_sent_to_the_admin_login(client):
    for name in ("admin:actors_organisation_import", "admin:actors_organisation_export"):
        response = client.get(reverse(name))

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_the_admin_views_refuse_other_methods(client):
    client.force_login(facilitator())

    assert client.put(reverse("admin:actors_organisation_import")).status_code == 405
    assert client.post(reverse("admin:actors_organisation_export")).status_code == 405


def test_staff_without_the_permission_is_denied(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("admin:actors_organisation_import")).status_code == 403
    assert client.get(reverse("admin:actors_organisation_export")).status_code == 403


def test_the_admin_export_downloads_a_csv_that_imports_back_unchanged(client):
    run(csv_bytes(EAU_VIVE, LOGISTIQUE))
    client.force_login(facilitator())

    response = client.get(reverse("admin:actors_organisation_export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="coexist-directory-')
    result = run(response.content)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)


@pytest.mark.django_db
def test_export_defuses_spreadsheet_formulas_and_the_round_trip_still_holds(tmp_path):
    organisation = OrganisationFactory(
        name='=HYPERLINK("http://evil.example")',
        slug="formule",
        pitch="@SUM(1+1)",
        phone="+41 22 123 45 67",
    )
    stream = io.StringIO()
    export_directory_csv(queryset=Organisation.objects.all(), stream=stream)
    text = stream.getvalue()
    assert "'=HYPERLINK" in text and "'@SUM" in text
    assert ",+41 22 123 45 67," in text  # a phone number is not a formula
    result = import_directory(filename="export.csv", content=text.encode())
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    organisation.refresh_from_db()
    assert organisation.name.startswith("=HYPERLINK")


@pytest.mark.django_db
def test_languages_are_any_iso_639_1_code_including_wolof_and_malagasy():
    content = "name,kind,languages\nTeranga Solidarité,ngo,fr;wo;mg\nBabel,ngo,fr;xx\n"
    result = import_directory(filename="langues.csv", content=content.encode())
    assert [str(error) for error in result.errors] == [
        "row 2, column languages: " + result.errors[0].message
    ]
    assert "xx" in result.errors[0].message

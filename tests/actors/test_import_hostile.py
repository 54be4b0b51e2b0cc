"""A hostile or broken spreadsheet gets a clear report, never a 500 or a traceback,
and nothing is half-written: deep JSON, NUL bytes, too many rows, floods of errors, and
unknown columns next to bad cells (every error is reported in one pass)."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from actors.directory_io import MAX_REPORTED_ERRORS
from actors.models import Organisation
from tests.actors.test_import_export import EAU_VIVE, cells, csv_bytes, run, upload
from tests.factories import make_facilitator

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:actors_organisation_import")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def admin_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(make_facilitator())
    return client


@pytest.fixture
def write(tmp_path):
    def write(content: bytes, name: str) -> str:
        path = tmp_path / name
        path.write_bytes(content)
        return str(path)

    return write


def deep_json(depth: int = 100_000) -> bytes:
    return ("[" * depth + "]" * depth).encode()


def test_deeply_nested_json_is_a_clear_message(admin_client, write, capsys):
    result = run(deep_json(), filename="directory.json")
    assert [str(error) for error in result.errors] == [
        "This is not a readable JSON file: it is nested too deeply."
    ]

    response = admin_client.post(
        IMPORT, {"file": upload(deep_json(), "directory.json"), "status": "pending"}
    )
    assert response.status_code == 200
    assert "nested too deeply" in response.content.decode()

    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_directory", write(deep_json(), "directory.json"))
    assert "nested too deeply" in capsys.readouterr().err


def test_deep_json_inside_a_cell_is_a_cell_error():
    nested = json.dumps([{**EAU_VIVE, "pitch": [[[[["x"]]]]]}]).encode()
    result = run(nested, filename="directory.json")
    assert cells(result) == {(1, "pitch")}


@pytest.mark.parametrize("filename", ["directory.csv", "directory.json"])
def test_a_nul_byte_in_a_cell_is_refused_like_the_forms_refuse_it(admin_client, filename):
    row = {**EAU_VIVE, "city": "Anne\x00masse", "sdgs": "6;\x003"}
    content = csv_bytes(row) if filename.endswith(".csv") else json.dumps([row]).encode()

    result = run(content, filename=filename)

    assert cells(result) == {(1, "city"), (1, "sdgs")}
    assert "NUL character" in str(result.errors[0])
    response = admin_client.post(IMPORT, {"file": upload(content, filename), "status": "pending"})
    assert response.status_code == 200
    assert response.context["token"] is None  # nothing to confirm
    assert Organisation.objects.count() == 0


def test_an_unknown_column_does_not_hide_the_other_errors():
    content = csv_bytes(
        {**EAU_VIVE, "email": "pas-une-adresse", "sdgs": "42"},
        columns=[*EAU_VIVE, "nom_du_contact"],
    )
    result = run(content)
    assert cells(result) == {(None, "nom_du_contact"), (1, "email"), (1, "sdgs")}
    assert not result.written


def test_errors_are_capped_with_the_count_of_the_rest(admin_client, write, capsys):
    rows = [{"name": f"Org {n}", "kind": "pas-un-type"} for n in range(MAX_REPORTED_ERRORS + 50)]
    content = csv_bytes(*rows)

    result = run(content)
    assert len(result.reported_errors) == MAX_REPORTED_ERRORS
    assert result.more_errors == 50

    page = admin_client.post(
        IMPORT, {"file": upload(content), "status": "pending"}
    ).content.decode()
    assert page.count("column kind") == MAX_REPORTED_ERRORS
    assert "… and 50 more errors." in page

    with pytest.raises(CommandError):
        call_command("import_directory", write(content, "directory.csv"))
    err = capsys.readouterr().err
    assert "… and 50 more error(s)." in err
    assert err.count("column kind") == MAX_REPORTED_ERRORS


def test_a_file_too_large_for_a_web_request_is_sent_to_the_command(
    admin_client, write, monkeypatch
):
    monkeypatch.setattr("actors.admin_import.WEB_MAX_ROWS", 3)
    content = csv_bytes(*[{"name": f"Organisation {n}", "kind": "ngo"} for n in range(4)])

    response = admin_client.post(IMPORT, {"file": upload(content), "status": "pending"})

    page = response.content.decode()
    assert "more than 3 rows" in page
    assert "python manage.py import_directory" in page
    assert response.context["token"] is None
    call_command("import_directory", write(content, "directory.csv"))  # the command takes it
    assert Organisation.objects.count() == 4


def test_hundreds_of_thousands_of_empty_objects_are_refused_at_once(write, capsys):
    path = write(json.dumps([{}] * 700_000).encode(), "directory.json")

    with pytest.raises(CommandError, match="1 error"):
        call_command("import_directory", path)

    err = capsys.readouterr().err
    assert "more than 100000 rows" in err
    assert len(err.splitlines()) == 1


def test_unknown_json_keys_are_reported_once_each(write):
    rows = [{**EAU_VIVE, "slug": f"org-{n}", "nom": "x"} for n in range(50)]
    result = run(json.dumps(rows).encode(), filename="directory.json")
    assert cells(result) == {(1, "nom")}


def test_a_preview_token_is_bound_to_the_facilitator_who_made_it(admin_client):
    preview = admin_client.post(
        IMPORT, {"file": upload(csv_bytes(EAU_VIVE)), "status": "published"}
    )
    token = preview.context["token"]
    assert token

    admin_client.force_login(make_facilitator(email="autre@csi.example"))
    response = admin_client.post(IMPORT, {"token": token}, follow=True)

    assert "expired or is not valid" in response.content.decode()
    assert not Organisation.objects.exists()

"""Uploads that cannot hurt anyone: every file is judged by its content, a bad one is
refused with a message and nothing is written (no row, no file)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from mediatheque import services
from mediatheque.models import Resource
from mediatheque.uploads import sanitise_filename, validate_upload
from tests.mediatheque.files import EICAR, bad_corpus, good_files, pdf

pytestmark = pytest.mark.django_db

CORPUS = bad_corpus()


def stored_files(settings) -> list:
    root = settings.MEDIATHEQUE_PRIVATE_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_the_corpus_holds_at_least_twenty_bad_files():
    assert len(CORPUS) >= 20
    assert len({code for *_rest, code in CORPUS}) >= 10  # of many different kinds


@pytest.mark.parametrize("why, name, content, code", CORPUS, ids=[c[0] for c in CORPUS])
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_stored(
    settings, facilitator, why, name, content, code
):
    with pytest.raises(ValidationError) as refused:
        services.resource_create(
            by=facilitator,
            data={"title": "Un document", "kind": Resource.Kind.GUIDE},
            upload=SimpleUploadedFile(name, content, content_type="application/pdf"),
        )
    assert refused.value.code == code, why
    assert refused.value.messages and len(refused.value.messages[0]) > 15
    assert not Resource.objects.exists()
    assert stored_files(settings) == []


GOOD = good_files()


@pytest.mark.parametrize("name, content, content_type", GOOD, ids=[g[0] for g in GOOD])
def test_each_accepted_kind_is_stored_under_a_generated_name(
    settings, facilitator, name, content, content_type
):
    resource = services.resource_create(
        by=facilitator,
        data={"title": "Un document", "kind": Resource.Kind.GUIDE},
        upload=SimpleUploadedFile(name, content, content_type="text/html"),  # ignored
    )
    assert resource.content_type == content_type  # from the content, not the browser
    assert resource.original_filename == name
    assert name.rsplit(".", 1)[0] not in resource.file.name
    assert resource.file.name.startswith("resources/")
    assert resource.scan_status == Resource.Scan.CLEAN
    [stored] = stored_files(settings)
    assert stored.read_bytes() == content
    assert settings.MEDIA_ROOT not in stored.parents  # outside the served media folder


def test_the_size_limit_is_a_setting(settings):
    settings.MEDIATHEQUE_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile("gros.pdf", pdf(pages=5) + b" " * 2000))
    assert refused.value.code == "too_large"
    assert "1000" in refused.value.messages[0] or "Ko" in refused.value.messages[0]


def test_the_virus_scanner_runs_on_every_upload_before_it_is_stored(settings, facilitator):
    with pytest.raises(ValidationError) as refused:
        services.resource_create(
            by=facilitator,
            data={"title": "Liste", "kind": Resource.Kind.TEMPLATE},
            upload=SimpleUploadedFile("liste.csv", b"nom;ville\n" + EICAR),
        )
    assert refused.value.code == "virus"
    assert "Eicar" in refused.value.messages[0]
    assert stored_files(settings) == [] and not Resource.objects.exists()


def test_a_scanner_that_does_not_answer_refuses_the_upload(settings, facilitator):
    settings.MEDIATHEQUE_VIRUS_SCANNER = "tests.mediatheque.fakes.DownScanner"
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile("guide.pdf", pdf()))
    assert refused.value.code == "scanner_unavailable"


def test_without_a_scanner_files_are_marked_not_scanned(settings, facilitator):
    settings.MEDIATHEQUE_VIRUS_SCANNER = ""
    resource = services.resource_create(
        by=facilitator,
        data={"title": "Guide", "kind": Resource.Kind.GUIDE},
        upload=SimpleUploadedFile("guide.pdf", pdf()),
    )
    assert resource.scan_status == Resource.Scan.NOT_SCANNED


@pytest.mark.parametrize(
    "given, expected",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\moi\\Rapport final.pdf", "Rapport final.pdf"),
        ('a"b;c\r\n.pdf', "a_b_c.pdf"),
        ("...cache.pdf", "cache.pdf"),
        ("é" * 300 + ".pdf", "é" * 146 + ".pdf"),
        ("", "fichier"),
    ],
)
def test_the_original_name_is_sanitised(given, expected):
    assert sanitise_filename(given) == expected

"""Text extraction and previews run as a Celery task after commit, within a time limit;
a failure is recorded on the resource for the facilitators, never raised."""

from unittest import mock

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.uploadedfile import SimpleUploadedFile

from mediatheque import services
from mediatheque.models import Resource
from mediatheque.tasks import process_resource
from tests.mediatheque.files import odf, ooxml, pdf

pytestmark = pytest.mark.django_db(transaction=True)


def upload(facilitator, name, content):
    with mock.patch("mediatheque.services.enqueue_after_commit") as queued:
        resource = services.resource_create(
            by=facilitator,
            data={"title": "Document", "kind": Resource.Kind.TEMPLATE},
            upload=SimpleUploadedFile(name, content),
        )
    return resource, queued


def test_the_task_is_queued_after_commit_with_the_id(facilitator):
    resource, queued = upload(facilitator, "c.pdf", pdf())
    queued.assert_called_once_with(process_resource, resource.pk)
    assert resource.extraction_status == Resource.Extraction.PENDING


def test_a_pdf_gets_its_text_and_a_preview_image(facilitator):
    resource, _queued = upload(facilitator, "c.pdf", pdf("Convention de mécénat solidaire"))
    process_resource.apply(args=[resource.pk])
    resource.refresh_from_db()
    assert resource.extraction_status == Resource.Extraction.DONE
    assert "mécénat solidaire" in resource.extracted_text
    assert resource.preview.name.startswith("previews/")
    with resource.preview.open("rb") as preview:
        assert preview.read(8) == b"\x89PNG\r\n\x1a\n"
    assert " mecenat " in resource.content_terms


@pytest.mark.parametrize(
    "name, content",
    [("lettre.docx", ooxml("docx", text="Charte éthique")), ("t.odt", odf(text="Charte éthique"))],
)
def test_office_and_opendocument_text_is_read_from_their_xml(facilitator, name, content):
    resource, _queued = upload(facilitator, name, content)
    process_resource.apply(args=[resource.pk])
    resource.refresh_from_db()
    assert resource.extraction_status == Resource.Extraction.DONE
    assert "Charte éthique" in resource.extracted_text


def test_the_page_cap_is_respected(settings, facilitator):
    settings.MEDIATHEQUE_EXTRACT_MAX_PAGES = 2
    blocks = [("text", f"Mot{n} " * 400) for n in range(8)]  # several pages
    from mediatheque.pdfwriter import write_pdf

    resource, _queued = upload(facilitator, "long.pdf", write_pdf(blocks))
    process_resource.apply(args=[resource.pk])
    resource.refresh_from_db()
    assert "Mot0" in resource.extracted_text and "Mot7" not in resource.extracted_text


def test_a_file_that_cannot_be_read_is_recorded_as_failed(facilitator):
    resource, _queued = upload(facilitator, "c.pdf", pdf())
    with resource.file.storage.open(resource.file.name, "wb") as stored:
        stored.write(b"%PDF-1.4\n garbage that is no PDF at all")
    result = process_resource.apply(args=[resource.pk])
    assert result.successful()
    resource.refresh_from_db()
    assert resource.extraction_status == Resource.Extraction.FAILED
    assert resource.extraction_error.startswith("PDF")


def test_a_file_that_takes_too_long_is_stopped_and_recorded(facilitator):
    resource, _queued = upload(facilitator, "c.pdf", pdf())
    with mock.patch("mediatheque.services.extract", side_effect=SoftTimeLimitExceeded()):
        result = process_resource.apply(args=[resource.pk])
    assert result.successful()
    resource.refresh_from_db()
    assert resource.extraction_status == Resource.Extraction.FAILED
    assert "120" in resource.extraction_error


def test_the_task_has_a_time_limit():
    assert process_resource.soft_time_limit and process_resource.time_limit
    assert process_resource.time_limit > process_resource.soft_time_limit


def test_a_missing_resource_is_nothing_to_do():
    assert process_resource.apply(args=[987654]).successful()

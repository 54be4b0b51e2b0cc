"""The médiathèque's demo: public and members-only resources of every kind, among them a
real PDF partnership agreement template generated here (mediatheque.pdfwriter), written
through the médiathèque's services from ``data/mediatheque.json``. Running it again
changes nothing (resources are found by their slug)."""

import datetime
import json
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify

from actors.models import SDG, Competence
from mediatheque import services
from mediatheque.models import Resource
from mediatheque.pdfwriter import write_pdf

DATA = Path(__file__).resolve().parent / "data" / "mediatheque.json"


def _upload(spec: dict) -> SimpleUploadedFile:
    if "blocks" in spec:
        content = write_pdf([tuple(block) for block in spec["blocks"]], title=spec["name"])
    else:
        content = spec["csv"].encode("utf-8")
    return SimpleUploadedFile(spec["name"], content)


def seed(*, organisations, users=None, now=None) -> dict:
    """Create the demo resources that do not exist yet; ``organisations``: published
    organisations to name as publishers (by position). Returns counts."""
    entries = json.loads(DATA.read_text(encoding="utf-8"))
    organisations = list(organisations)
    created = unchanged = 0
    for entry in entries:
        if Resource.objects.filter(slug=slugify(entry["title"])[:200]).exists():
            unchanged += 1
            continue
        publishers = []
        if organisations:
            publishers = [organisations[entry.get("publisher", 0) % len(organisations)]]
        data = {
            "title": entry["title"],
            "kind": entry["kind"],
            "summary": entry.get("summary", ""),
            "access": entry.get("access", Resource.Access.PUBLIC),
            "featured": entry.get("featured", False),
            "languages": entry.get("languages", ["fr"]),
            "publication_date": datetime.date.fromisoformat(entry["publication_date"]),
            "external_url": entry.get("external_url", ""),
        }
        m2m = {
            "publishers": publishers,
            "competences": list(Competence.objects.filter(slug__in=entry.get("competences", []))),
            "sdgs": list(SDG.objects.filter(number__in=entry.get("sdgs", []))),
        }
        upload = _upload(entry["file"]) if "file" in entry else None
        services.resource_create(by=None, data=data, m2m=m2m, upload=upload, submit=True)
        created += 1
    return {"created": created, "unchanged": unchanged}

"""``manage.py suggest_partners ORG_SLUG [--project P] [--limit N] [--json] [--language fr|en]``:
the ranking computed from the current data, with no worker and nothing stored."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from matching.models import Suggestion
from tests.matching.conftest import make_organisation

pytestmark = pytest.mark.django_db

EVALUATION_SET = (
    Path(__file__).resolve().parents[2] / "bench" / "matching_eval" / "dev" / "organisations.json"
)


def run(*args: str) -> str:
    out = StringIO()
    call_command("suggest_partners", *args, stdout=out)
    return out.getvalue()


def test_json_has_the_contract_s_shape(seeker, carrier, freight):
    data = json.loads(run("eau-vive", "--json"))

    assert set(data) == {"organisation", "project", "suggestions"}
    assert data["organisation"] == "eau-vive"
    assert data["project"] is None
    assert [s["organisation"] for s in data["suggestions"]] == ["transalp", "fret-express"]
    best = data["suggestions"][0]
    assert set(best) == {"organisation", "score", "reasons"}
    assert isinstance(best["score"], float) and 0 < best["score"] <= 1
    assert best["score"] > data["suggestions"][1]["score"]
    assert "propose Logistique et chaîne d'approvisionnement" in best["reasons"]
    assert "pratique le mécénat de compétences" in best["reasons"]


def test_reasons_are_in_french_by_default_and_in_english_on_request(seeker, carrier):
    english = json.loads(run("eau-vive", "--json", "--language", "en"))

    assert "offers Logistics and supply chain" in english["suggestions"][0]["reasons"]
    assert "gives skills-based sponsorship" in english["suggestions"][0]["reasons"]


def test_limit_keeps_the_best(seeker, carrier, freight):
    data = json.loads(run("eau-vive", "--json", "--limit", "1"))

    assert [s["organisation"] for s in data["suggestions"]] == ["transalp"]


def test_text_output_lists_partners_with_scores_and_reasons(seeker, carrier, freight):
    out = run("eau-vive")

    lines = out.splitlines()
    assert lines[1].startswith(" 1. Transalp (transalp) — 0.")
    assert "      - pratique le mécénat de compétences" in lines
    assert out.index("Transalp") < out.index("Fret Express")


def test_it_computes_without_a_worker_and_stores_nothing(seeker, carrier):
    assert not Suggestion.objects.exists()

    assert json.loads(run("eau-vive", "--json"))["suggestions"]
    assert not Suggestion.objects.exists()


def test_a_dismissed_partner_is_left_out(seeker, carrier, freight, admin_user):
    from matching import services

    services.suggestions_recompute_all()
    services.suggestion_dismiss(suggestion=Suggestion.objects.get(candidate=carrier), by=admin_user)

    data = json.loads(run("eau-vive", "--json"))

    assert [s["organisation"] for s in data["suggestions"]] == ["fret-express"]


def test_an_organisation_without_needs_gets_an_empty_answer(carrier):
    assert json.loads(run("transalp", "--json"))["suggestions"] == []
    assert "are its needs filled in?" in run("transalp", "--language", "en")


def test_a_draft_organisation_is_ranked_too(carrier):
    make_organisation("draft-ngo", "ngo", needs={"transport": ""}, status="draft")

    assert [s["organisation"] for s in json.loads(run("draft-ngo", "--json"))["suggestions"]] == [
        "transalp"
    ]


def test_an_unknown_organisation_is_an_error(db):
    with pytest.raises(CommandError, match="Unknown organisation: nobody"):
        run("nobody")


def test_an_unknown_project_is_an_error(seeker):
    # Projects' own answers: tests/projects/test_suggest_partners.py
    with pytest.raises(CommandError, match="--project: Unknown project of eau-vive: forages-2026"):
        run("eau-vive", "--project", "forages-2026")


def test_a_limit_below_one_is_an_error(seeker):
    with pytest.raises(CommandError, match="--limit"):
        run("eau-vive", "--limit", "0")


def test_right_after_an_import_it_ranks_the_imported_directory(db):
    call_command(
        "import_directory", str(EVALUATION_SET), "--status", "published", stdout=StringIO()
    )

    data = json.loads(run("solaqua-burkina", "--json"))

    assert data["organisation"] == "solaqua-burkina"
    assert len(data["suggestions"]) == 10
    assert all(s["reasons"] for s in data["suggestions"])

"""Recomputing suggestions in Celery: after every change of a profile (queued once the
transaction commits), and every night in full. Tasks run here as tasks (``.apply()``)."""

import json

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.db import transaction

from actors import services as actors_services
from actors.models import Organisation
from coexist.demo import seed as demo
from matching import tasks
from matching.models import Suggestion
from tests.factories import competence
from tests.matching.conftest import ranking

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch):
    """The recompute tasks handed to the broker, as (args, kwargs)."""
    calls = []

    def apply_async(args=None, kwargs=None, **options):
        calls.append((list(args or ()), kwargs or {}))

    monkeypatch.setattr(tasks.recompute_for_organisations, "apply_async", apply_async)
    return calls


def test_the_incremental_task_recomputes_the_changed_organisations(seeker, carrier, freight):
    result = tasks.recompute_for_organisations.apply(args=[[seeker.pk]])

    assert result.successful()
    assert result.get()["organisations"] == 1
    assert ranking(seeker) == ["transalp", "fret-express"]


def test_the_nightly_task_recomputes_everything(seeker, carrier):
    other = Organisation.objects.create(
        name="Second", slug="second", kind=seeker.kind, needs_description="Transport, camions"
    )
    other.needs.create(competence=competence("transport"))

    result = tasks.recompute_all.apply()

    assert result.successful()
    assert result.get()["organisations"] == 2
    assert ranking(seeker) == ["transalp"]
    assert ranking(other) == ["transalp"]


def test_running_a_task_twice_gives_the_same_suggestions(seeker, carrier, freight):
    tasks.recompute_for_organisations.apply(args=[[seeker.pk, carrier.pk]])
    first = list(Suggestion.objects.order_by("pk").values_list("pk", "candidate", "score"))

    tasks.recompute_for_organisations.apply(args=[[seeker.pk, carrier.pk]])
    tasks.recompute_all.apply()

    assert list(Suggestion.objects.order_by("pk").values_list("pk", "candidate", "score")) == (
        first
    )


def test_a_profile_change_queues_a_recompute_after_commit(
    seeker, carrier, admin_user, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actors_services.organisation_update(
            organisation=seeker,
            by=admin_user,
            data={"needs_description": "Des camions frigorifiques"},
            m2m={},
        )
        assert queued == []  # nothing before the commit

    assert queued == [([[seeker.pk]], {})]
    assert json.loads(json.dumps(queued[0][0])) == [[seeker.pk]]  # JSON arguments, ids only


def test_nothing_is_queued_when_the_change_is_rolled_back(
    seeker, admin_user, queued, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        actors_services.organisation_update(
            organisation=seeker, by=admin_user, data={"pitch": "Nouveau"}, m2m={}
        )
        raise RuntimeError("something later failed")

    assert queued == []


def test_a_broker_outage_does_not_break_the_change(
    seeker, admin_user, monkeypatch, django_capture_on_commit_callbacks
):
    def unavailable(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.recompute_for_organisations, "apply_async", unavailable)
    with django_capture_on_commit_callbacks(execute=True):
        actors_services.organisation_update(
            organisation=seeker, by=admin_user, data={"pitch": "Toujours là"}, m2m={}
        )

    seeker.refresh_from_db()
    assert seeker.pitch == "Toujours là"  # the nightly run will catch the suggestions up


def test_the_full_recompute_runs_every_night_from_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["matching-recompute-all"]

    assert entry["task"] == tasks.recompute_all.name
    assert entry["schedule"] == crontab(hour=3, minute=0)
    assert settings.CELERY_TIMEZONE == "Europe/Paris"


def test_tasks_have_time_limits():
    assert tasks.recompute_for_organisations.time_limit
    assert tasks.recompute_all.time_limit


def test_the_demo_ngo_gets_company_suggestions_with_reasons():
    demo.seed(count=55, seed=1, accounts=False)
    tasks.recompute_all.apply()

    ngo = (
        Organisation.objects.published()
        .filter(slug__startswith="demo-", kind__slug="ngo", needs__isnull=False)
        .distinct()
        .order_by("pk")
        .first()
    )
    suggestions = list(
        Suggestion.objects.filter(organisation=ngo)
        .select_related("candidate__kind")
        .order_by("-score")
    )
    assert len(suggestions) == 10
    companies = [s for s in suggestions if s.candidate.kind.slug == "company"]
    assert len(companies) >= 3
    assert suggestions[0].candidate.kind.slug in {"company", "social-enterprise", "foundation"}
    assert all(s.reason_texts for s in suggestions)
    assert any(text.startswith("propose ") for s in companies for text in s.reason_texts)


def test_a_starting_worker_builds_the_engine_before_the_first_task(seeker, carrier):
    from matching import network
    from matching.tasks import warm_up

    network._warm = None
    warm_up()
    assert network._warm is not None
    assert {p.slug for p in network._warm.engine.profiles} >= {seeker.slug, carrier.slug}

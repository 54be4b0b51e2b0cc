"""The projects' demo: projects with needs, pending and accepted introductions, written
only through the projects' services from ``coexist/demo/data/projects.json``.

Projects belong to the organisations of the demo accounts (each account writes its own
organisation's projects, an admin publishes them), so it runs after the directory's demo
(``seed_demo`` calls it through the ``seed_projects_demo`` command). Idempotent: a project
or an introduction that exists is left as it is.
"""

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from actors.models import Competence, ContributionType, Membership, Territory
from projects import introductions, services
from projects.models import Introduction, Project

DATA = Path(__file__).resolve().parent / "data" / "projects.json"


@dataclass
class Seeded:
    projects: int = 0
    needs: int = 0
    introductions: int = 0
    accepted: int = 0
    skipped: list | None = None


def _admin_membership(email: str) -> Membership | None:
    return (
        Membership.objects.admins()
        .filter(user__email=email)
        .select_related("organisation", "user")
        .order_by("pk")
        .first()
    )


def seed(*, now=None, data_path: Path = DATA) -> Seeded:
    data = json.loads(data_path.read_text(encoding="utf-8"))
    now = now or timezone.now()
    today = timezone.localdate(now)
    result = Seeded(skipped=[])
    competences = {c.slug: c for c in Competence.objects.all()}
    contributions = {c.slug: c for c in ContributionType.objects.all()}
    territories = {t.slug: t for t in Territory.objects.all()}
    projects: dict[str, Project] = {}
    for spec in data["projects"]:
        membership = _admin_membership(spec["owner"])
        if membership is None:
            result.skipped.append(spec["title"])
            continue
        owner, by = membership.organisation, membership.user
        project = Project.objects.filter(owner=owner, title=spec["title"]).first()
        if project is None:
            starts = today + timedelta(days=spec["starts_in_days"])
            project = services.project_create(
                owner=owner,
                by=by,
                data={
                    "title": spec["title"],
                    "summary": spec["summary"],
                    "description": spec["description"],
                    "status": spec["status"],
                    "countries": spec["countries"],
                    "starts_on": starts,
                    "ends_on": starts + timedelta(days=spec["lasts_days"]),
                },
                m2m={
                    "sdgs": spec["sdgs"],
                    "territories": [territories[slug] for slug in spec["territories"]],
                },
            )
            for need in spec["needs"]:
                services.need_add(
                    project=project,
                    by=by,
                    competence=competences[need["competence"]],
                    contribution_type=contributions[need["contribution"]],
                    description=need["text"],
                )
                result.needs += 1
            services.project_publish(project=project, by=by)
            result.projects += 1
        projects[spec["title"]] = project
    for spec in data["introductions"]:
        sender, receiver = _admin_membership(spec["from"]), _admin_membership(spec["to"])
        project = projects.get(spec["project"])
        if sender is None or receiver is None or project is None:
            continue
        need = project.needs.filter(competence__slug=spec["need"]).first()
        if Introduction.objects.filter(
            from_organisation=sender.organisation, to_organisation=receiver.organisation, need=need
        ).exists():
            continue
        introduction = introductions.introduction_request(
            from_organisation=sender.organisation,
            to_organisation=receiver.organisation,
            by=sender.user,
            message=spec["message"],
            project=project,
            need=need,
        )
        result.introductions += 1
        if spec["answer"] == "accept":
            introductions.introduction_accept(introduction=introduction, by=receiver.user)
            result.accepted += 1
    return result

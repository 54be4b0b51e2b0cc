"""The demo has projects with needs, and pending and accepted introductions, written
through the services; running it again duplicates nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from projects.models import Introduction, Partnership, Project, ProjectNeed

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_projects_and_introductions_once(settings):
    out = StringIO()
    call_command("seed_demo", "--organisations", "15", "--accounts", stdout=out)
    assert "Projects: 5 created with 9 needs; introductions: 4 sent, 1 accepted." in out.getvalue()
    assert Project.objects.public().count() == 5
    assert ProjectNeed.objects.count() == 9
    assert Introduction.objects.filter(state="pending").count() == 3
    accepted = Introduction.objects.get(state="accepted")
    assert Partnership.objects.get().introduction == accepted

    again = StringIO()
    call_command("seed_demo", "--organisations", "15", "--accounts", stdout=again)
    assert (
        "Projects: 0 created with 0 needs; introductions: 0 sent, 0 accepted." in again.getvalue()
    )
    assert Project.objects.count() == 5 and Introduction.objects.count() == 4

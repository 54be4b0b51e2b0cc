"""Two admins answer the same request at the same moment (two tabs, two people): one
accepts, the other declines. The row lock (``select_for_update``) lets exactly one
answer through; the other is told it was already answered. Proved on PostgreSQL with
real threads, each on its own connection; SQLite serialises writes by locking the whole
database, so the race cannot happen there and the test is skipped."""

import threading

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection

from coexist.models import Email
from projects import introductions
from projects.models import Introduction, Partnership
from tests.factories import MembershipFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.USING_POSTGRES,
        reason="needs PostgreSQL: SQLite locks the whole database for each write",
    ),
]

ROUNDS = 8


def race(*calls):
    """Run ``calls`` at the same moment in threads; returns what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test reads
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_concurrent_accept_and_decline_leave_one_outcome_and_one_email_per_side(
    other_organisation,
):
    first_admin = MembershipFactory(organisation=other_organisation, role="admin").user
    second_admin = MembershipFactory(organisation=other_organisation, role="admin").user
    outcomes = set()
    for round_ in range(ROUNDS):
        member_user = MembershipFactory().user  # a new requester each round
        request = introductions.introduction_request(
            from_organisation=member_user.memberships.get().organisation,
            to_organisation=other_organisation,
            by=member_user,
            message=f"Bonjour ({round_})",
        )
        Email.objects.all().delete()
        accept, decline = race(
            lambda r=request: introductions.introduction_accept(introduction=r, by=first_admin),
            lambda r=request: introductions.introduction_decline(
                introduction=r, by=second_admin, reason="not_now"
            ),
        )
        errors = [result for result in (accept, decline) if isinstance(result, Exception)]
        assert len(errors) == 1, (accept, decline)
        assert isinstance(errors[0], ValidationError), errors[0]
        state = Introduction.objects.get(pk=request.pk).state
        outcomes.add(state)
        accepted = Email.objects.filter(kind="introduction_accepted")
        declined = Email.objects.filter(kind="introduction_declined")
        if state == Introduction.State.ACCEPTED:
            assert not isinstance(accept, Exception)
            assert accepted.count() == 2 and not declined.exists()
            # one message to each side
            assert sorted(tuple(e.to) for e in accepted) == sorted(
                [(member_user.email,), tuple(sorted([first_admin.email, second_admin.email]))]
            )
            assert Partnership.objects.filter(introduction_id=request.pk).count() == 1
        else:
            assert state == Introduction.State.DECLINED
            assert not isinstance(decline, Exception)
            assert declined.count() == 1 and not accepted.exists()
            assert member_user.email in declined.get().to
            assert not Partnership.objects.filter(introduction_id=request.pk).exists()
    assert outcomes <= {Introduction.State.ACCEPTED, Introduction.State.DECLINED}

"""Load the demo (``manage.py seed_demo``): data files written through the services only.

The demo is data: ``data/organisations.json`` is a directory file in the format of the
README's contract (the 55 organisations ``make run`` shows), ``data/extra.json`` what that
format does not hold (the review state a facilitator gives each organisation, the text of
each need, the demo accounts and their organisations). Beyond the file's organisations,
``coexist.demo.generate`` makes more for the benchmarks.

The load is a list of steps (``STEPS``), each ``step(context)``, run in order in one
transaction; a pillar adds its own (``data/events.json`` and an ``events`` step, say) by
appending a function that reads ``context.organisations``, ``context.users``,
``context.curator`` and ``context.now``. Every write is a service call, made as the demo's
facilitator (``context.curator``): rows are validated by the import's validator and written
by ``organisations_upsert``; review by ``organisation_decline`` / ``organisation_publish`` /
``organisation_set_verified``; need texts by ``organisation_update``; accounts by
``member_ensure`` and ``membership_appoint``. So the services' rules and hooks (search
terms, caches, suggestions) hold for the demo as for anyone. Each step writes only what
differs from its data: a second run writes nothing.
"""

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from accounts.services import facilitator_ensure, member_ensure
from actors import services
from actors.directory_format import Taxonomies, read_directory_file, validate_rows
from actors.models import Organisation
from coexist.demo.generate import generate

DATA = Path(__file__).resolve().parent / "data"
DECLINED = "declined"  # extra.json's review state of an organisation sent back as a draft


class DemoError(Exception):
    """The demo's data do not fit the database (taxonomies missing, an invalid row)."""


@cache
def organisation_rows() -> list[dict]:
    return json.loads((DATA / "organisations.json").read_text(encoding="utf-8"))


@cache
def extra() -> dict:
    return json.loads((DATA / "extra.json").read_text(encoding="utf-8"))


def demo_password() -> str:
    return extra()["password"]


@dataclass
class Account:
    email: str
    full_name: str
    role: str
    organisation: str  # its name
    kind: str  # its kind's slug


@dataclass
class Context:
    """What the steps share: the arguments, the facilitator acting, what earlier steps made."""

    count: int
    seed: int
    accounts: bool
    now: datetime
    curator: object = None
    rows: list[dict] = field(default_factory=list)
    side: dict[str, dict] = field(default_factory=dict)  # slug -> extra.json's entry
    organisations: dict[str, Organisation] = field(default_factory=dict)  # by slug
    users: dict[str, object] = field(default_factory=dict)  # by email
    # The report: counts and the accounts made.
    outcomes: Counter = field(default_factory=Counter)  # create / update / unchanged
    by_kind: Counter = field(default_factory=Counter)
    by_status: Counter = field(default_factory=Counter)
    reviewed: int = 0
    needs_described: int = 0
    logins: list[Account] = field(default_factory=list)
    seconds: float = 0.0


def load_curator(context: Context) -> None:
    """The demo's facilitator, who imports and reviews it. Without demo accounts it gets no
    usable password (nobody signs in with it until ``ensure_facilitator`` gives one)."""
    facilitator = extra()["facilitator"]
    context.curator, _created = facilitator_ensure(
        email=facilitator["email"],
        password=demo_password() if context.accounts else None,
        full_name=facilitator["full_name"],
    )
    context.users[context.curator.email] = context.curator


def load_organisations(context: Context) -> None:
    """The file's first ``count`` rows, then generated ones, through the import's validator
    and ``organisations_upsert`` (created published or pending, as extra.json says)."""
    file_rows = organisation_rows()
    context.rows = list(file_rows[: context.count])
    context.side = {slug: extra()["organisations"].get(slug, {}) for slug in _slugs(context)}
    if context.count > len(file_rows):
        rows, side = generate(start=len(file_rows), count=context.count, seed=context.seed)
        context.rows += rows
        context.side.update(side)
    content = json.dumps(context.rows, ensure_ascii=False).encode()
    raw, errors = read_directory_file(filename="demo.json", content=content)
    records, row_errors = validate_rows(rows=raw, taxonomies=Taxonomies.load())
    if errors or row_errors:
        shown = "; ".join(str(error) for error in (errors + row_errors)[:5])
        raise DemoError(f"The demo data do not validate (run `manage.py migrate`?): {shown}")
    published = [r for r in records if _status(context, r.slug) == "published"]
    others = [r for r in records if _status(context, r.slug) != "published"]
    for status, group in (("published", published), ("pending", others)):
        if group:
            outcomes, _ids = services.organisations_upsert(
                records=group, by=context.curator, status=status
            )
            context.outcomes.update(outcome.action for outcome in outcomes)
    context.organisations = {
        organisation.slug: organisation
        for organisation in Organisation.objects.filter(slug__in=_slugs(context))
        .select_related("kind")
        .prefetch_related("needs__competence")
    }
    context.by_kind = Counter(row["kind"] for row in context.rows)
    context.by_status = Counter(_status(context, slug) for slug in _slugs(context))


def load_review(context: Context) -> None:
    """Each organisation's review state and verified badge, as a facilitator gives them."""
    for slug, side in context.side.items():
        organisation = context.organisations[slug]
        wanted = side.get("status", "published")
        pending = organisation.status == Organisation.Status.PENDING
        if wanted == DECLINED and pending:
            services.organisation_decline(
                organisation=organisation, by=context.curator, reason=side["decline_reason"]
            )
            context.reviewed += 1
        elif wanted == "published" and pending:
            services.organisation_publish(organisation=organisation, by=context.curator)
            context.reviewed += 1
        if organisation.verified != side.get("verified", False):
            services.organisation_set_verified(
                organisation=organisation, by=context.curator, verified=not organisation.verified
            )
            context.reviewed += 1


def load_need_texts(context: Context) -> None:
    """Each need's text (the directory format lists a need's competence, not its text)."""
    for slug, side in context.side.items():
        texts = side.get("needs") or {}
        organisation = context.organisations[slug]
        needs = list(organisation.needs.all())
        wanted = {n.competence: texts.get(n.competence.slug, n.description) for n in needs}
        if all(need.description == wanted[need.competence] for need in needs):
            continue
        services.organisation_update(
            organisation=organisation,
            by=context.curator,
            data={},
            m2m={},
            needs=wanted,
        )
        context.needs_described += 1


def load_accounts(context: Context) -> None:
    """The demo members (known password), each appointed to its organisation."""
    if not context.accounts:
        return
    for account in extra()["accounts"]:
        organisation = context.organisations.get(account["organisation"])
        if organisation is None:  # a run of fewer organisations than the file's
            continue
        user, _created = member_ensure(
            email=account["email"],
            password=demo_password(),
            full_name=account["full_name"],
            job_title=account["job_title"],
        )
        services.membership_appoint(
            organisation=organisation, user=user, role=account["role"], by=context.curator
        )
        context.users[user.email] = user
        context.logins.append(
            Account(
                user.email,
                user.full_name,
                account["role"],
                organisation.name,
                organisation.kind.slug,
            )
        )


def _slugs(context: Context) -> list[str]:
    return [row["slug"] for row in context.rows]


def _status(context: Context, slug: str) -> str:
    return context.side.get(slug, {}).get("status", "published")


# The order matters: each step may use what the earlier ones made.
STEPS: list[Callable[[Context], None]] = [
    load_curator,
    load_organisations,
    load_review,
    load_need_texts,
    load_accounts,
]


def seed(*, count: int, seed: int = 1, accounts: bool = True) -> Context:
    """Load ``count`` demo organisations (the file's, then generated ones for ``seed``)
    and, when ``accounts``, the demo accounts; returns the context as a report."""
    started = time.perf_counter()
    context = Context(count=count, seed=seed, accounts=accounts, now=timezone.now())
    with transaction.atomic():
        for step in STEPS:
            step(context)
    context.seconds = time.perf_counter() - started
    return context

"""Write the demo directory into the database (``manage.py seed_demo``).

``demo_seed`` upserts the organisations ``actors.demo.demo_generate`` describes,
by slug and with bulk queries: 10,000 organisations take seconds, and a second
run with the same arguments reads everything, finds nothing to change and
writes nothing. It then refreshes the search index of what changed (one call
to ``refresh_search``), creates the demo admin accounts if asked, and bumps the
directory cache version. Other organisations are never touched: only slugs
starting with ``demo-`` are read or written.
"""

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from actors import demo_texts as T
from actors.demo import (
    DEMO_PEOPLE_SCOPE,
    KIND_WEIGHTS,
    SLUG_PREFIX,
    OrganisationSpec,
    demo_generate,
)
from actors.models import (
    Competence,
    ContributionType,
    Membership,
    Organisation,
    OrganisationKind,
    OrganisationNeed,
    Territory,
)
from actors.search import refresh_search
from coexist.cache import Scope, bump

DEMO_PASSWORD = T.DEMO_PASSWORD

SCALAR_FIELDS = [
    "name",
    "kind_id",
    "pitch",
    "description",
    "website",
    "email",
    "phone",
    "street",
    "postcode",
    "city",
    "country",
    "intervention_countries",
    "languages",
    "needs_description",
    "status",
    "verified",
]
M2M_FIELDS = ("territories", "sdgs", "offers", "contributions_offered", "contributions_sought")
BATCH = 1000


@dataclass
class DemoAccount:
    email: str
    full_name: str
    organisation: str
    kind: str
    created: bool


@dataclass
class SeedResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    needs: int = 0
    with_needs: int = 0
    indexed: int = 0
    by_kind: Counter = field(default_factory=Counter)
    by_status: Counter = field(default_factory=Counter)
    accounts: list[DemoAccount] = field(default_factory=list)
    seconds: float = 0.0


class _Taxonomies:
    """Primary keys of the taxonomy terms, by slug."""

    def __init__(self):
        self.kinds = dict(OrganisationKind.objects.values_list("slug", "pk"))
        self.competences = dict(Competence.objects.values_list("slug", "pk"))
        self.contributions = dict(ContributionType.objects.values_list("slug", "pk"))
        self.territories = dict(Territory.objects.values_list("slug", "pk"))
        missing = (set(KIND_WEIGHTS) - set(self.kinds)) | (
            {*T.TERRITORIES, "international"} - set(self.territories)
        )
        if missing or not self.competences or not self.contributions:
            raise RuntimeError(
                "The taxonomies are not loaded: run `manage.py migrate` first "
                f"(missing: {', '.join(sorted(missing)) or 'competences'})."
            )

    def targets(self, spec: OrganisationSpec, name: str) -> set[int]:
        values = getattr(spec, name)
        if name == "sdgs":
            return set(values)
        lookup = {
            "territories": self.territories,
            "offers": self.competences,
            "contributions_offered": self.contributions,
            "contributions_sought": self.contributions,
        }[name]
        return {lookup[slug] for slug in values}


def _values(spec: OrganisationSpec, taxa: _Taxonomies) -> dict:
    values = {name: getattr(spec, name) for name in SCALAR_FIELDS if name != "kind_id"}
    values["kind_id"] = taxa.kinds[spec.kind]
    return values


def _current(organisation: Organisation, name: str):
    value = getattr(organisation, name)
    if name == "country":
        return value.code
    if name == "intervention_countries":
        return [country.code for country in value]
    return value


def _through(name: str):
    """The through model of a many-to-many field and its two column names."""
    relation = Organisation._meta.get_field(name)
    return (
        relation.remote_field.through,
        f"{relation.m2m_field_name()}_id",
        f"{relation.m2m_reverse_field_name()}_id",
    )


def _existing_links(name: str) -> dict[int, dict[int, int]]:
    """{organisation id: {target id: through row id}} for the demo organisations."""
    through, source, target = _through(name)
    links: dict[int, dict[int, int]] = {}
    rows = through.objects.filter(**{f"{source[:-3]}__slug__startswith": SLUG_PREFIX}).values_list(
        "pk", source, target
    )
    for pk, organisation_id, target_id in rows:
        links.setdefault(organisation_id, {})[target_id] = pk
    return links


def _upsert(
    specs: list[OrganisationSpec], taxa: _Taxonomies, result: SeedResult
) -> tuple[dict[str, int], list[int]]:
    """Create or update the organisations: ({slug: id}, ids of those whose content changed)."""
    now = timezone.now()
    existing = {
        organisation.slug: organisation
        for organisation in Organisation.objects.filter(slug__startswith=SLUG_PREFIX).defer(
            "search_vector", "search_text", "search_terms", "sort_name"
        )
    }
    new, changed_scalars, update_fields = [], [], set()
    for spec in specs:
        values = _values(spec, taxa)
        organisation = existing.get(spec.slug)
        if organisation is None:
            new.append(
                Organisation(
                    slug=spec.slug,
                    created_at=spec.created_at,
                    published_at=spec.published_at,
                    **values,
                )
            )
            continue
        fields = [name for name, value in values.items() if _current(organisation, name) != value]
        published_at = organisation.published_at
        if spec.status == Organisation.Status.PUBLISHED and published_at is None:
            published_at = spec.published_at or now
        if published_at != organisation.published_at:
            fields.append("published_at")
            values["published_at"] = published_at
        if fields:
            for name in fields:
                setattr(organisation, name, values[name])
            organisation.updated_at = now
            changed_scalars.append(organisation)
            update_fields.update("kind" if name == "kind_id" else name for name in fields)

    Organisation.objects.bulk_create(new, batch_size=BATCH)
    created_ids = {organisation.slug: organisation.pk for organisation in new}
    if changed_scalars:
        Organisation.objects.bulk_update(
            changed_scalars, sorted(update_fields) + ["updated_at"], batch_size=200
        )
    ids = {spec.slug: created_ids.get(spec.slug) or existing[spec.slug].pk for spec in specs}
    fresh = set(created_ids.values())
    changed_ids = {organisation.pk for organisation in changed_scalars}
    changed_ids |= _sync_links(specs, taxa, ids, fresh=fresh)
    changed_ids |= _sync_needs(specs, taxa, ids, fresh=fresh)
    result.created = len(new)
    result.updated = len(changed_ids)
    result.unchanged = len(specs) - result.created - result.updated
    return ids, sorted(fresh | changed_ids)


def _sync_links(specs, taxa, ids: dict[str, int], *, fresh: set[int]) -> set[int]:
    """Make every many-to-many field match the specs; returns the organisations touched."""
    touched: set[int] = set()
    for name in M2M_FIELDS:
        through, source, target = _through(name)
        current = _existing_links(name) if len(fresh) < len(specs) else {}
        add, remove = [], []
        for spec in specs:
            organisation_id = ids[spec.slug]
            wanted = taxa.targets(spec, name)
            have = current.get(organisation_id, {})
            missing = wanted - set(have)
            extra = [pk for target_id, pk in have.items() if target_id not in wanted]
            if missing or extra:
                touched.add(organisation_id)
            add += [through(**{source: organisation_id, target: t}) for t in sorted(missing)]
            remove += extra
        for start in range(0, len(remove), BATCH):
            through.objects.filter(pk__in=remove[start : start + BATCH]).delete()
        through.objects.bulk_create(add, batch_size=BATCH)
    return touched - fresh


def _sync_needs(specs, taxa, ids: dict[str, int], *, fresh: set[int]) -> set[int]:
    current: dict[int, dict[int, tuple[int, str]]] = {}
    if len(fresh) < len(specs):
        rows = OrganisationNeed.objects.filter(
            organisation__slug__startswith=SLUG_PREFIX
        ).values_list("pk", "organisation_id", "competence_id", "description")
        for pk, organisation_id, competence_id, description in rows:
            current.setdefault(organisation_id, {})[competence_id] = (pk, description)
    touched: set[int] = set()
    add, remove, rewrite = [], [], []
    for spec in specs:
        organisation_id = ids[spec.slug]
        wanted = {taxa.competences[slug]: text for slug, text in spec.needs}
        have = current.get(organisation_id, {})
        for competence_id, text in wanted.items():
            if competence_id not in have:
                add.append(
                    OrganisationNeed(
                        organisation_id=organisation_id,
                        competence_id=competence_id,
                        description=text,
                    )
                )
            elif have[competence_id][1] != text:
                rewrite.append(OrganisationNeed(pk=have[competence_id][0], description=text))
        remove += [pk for competence_id, (pk, _) in have.items() if competence_id not in wanted]
        if len(wanted) != len(have) or any(
            have.get(c, (0, None))[1] != text for c, text in wanted.items()
        ):
            touched.add(organisation_id)
    for start in range(0, len(remove), BATCH):
        OrganisationNeed.objects.filter(pk__in=remove[start : start + BATCH]).delete()
    OrganisationNeed.objects.bulk_update(rewrite, ["description"], batch_size=200)
    OrganisationNeed.objects.bulk_create(add, batch_size=BATCH)
    return touched - fresh


def _ensure_accounts(specs: list[OrganisationSpec], ids: dict[str, int]) -> list[DemoAccount]:
    """One verified admin account per opening kind (NGO, company, …), idempotently."""
    user_model = get_user_model()
    accounts = []
    opening = specs[:DEMO_PEOPLE_SCOPE]
    for kind, email, full_name, job_title in T.DEMO_PEOPLE:
        spec = next((s for s in opening if s.kind == kind), None)
        if spec is None:
            continue
        user = user_model.objects.filter(email=email).first()
        created = user is None
        if created:
            user = user_model(email=email, full_name=full_name, job_title=job_title)
            user.set_password(DEMO_PASSWORD)
            user.save()
        elif not user.is_active or not user.check_password(DEMO_PASSWORD):
            user.is_active = True
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["is_active", "password"])
        address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
        if address is None:
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        elif not (address.verified and address.primary):
            address.verified = address.primary = True
            address.save(update_fields=["verified", "primary"])
        membership, made = Membership.objects.get_or_create(
            user=user,
            organisation_id=ids[spec.slug],
            defaults={
                "role": Membership.Role.ADMIN,
                "status": Membership.Status.ACTIVE,
                "decided_at": timezone.now(),
            },
        )
        if not made and (
            membership.role != Membership.Role.ADMIN
            or membership.status != Membership.Status.ACTIVE
        ):
            membership.role, membership.status = Membership.Role.ADMIN, Membership.Status.ACTIVE
            membership.decided_at = timezone.now()
            membership.save(update_fields=["role", "status", "decided_at"])
        accounts.append(DemoAccount(email, full_name, spec.name, kind, created))
    return accounts


def demo_seed(
    *, count: int, seed: int, accounts: bool = True, today: datetime | None = None
) -> SeedResult:
    """Upsert ``count`` demo organisations for ``seed`` and, if asked, the demo accounts."""
    started = time.perf_counter()
    specs = demo_generate(count=count, seed=seed, today=today)
    result = SeedResult()
    with transaction.atomic():
        taxa = _Taxonomies()
        ids, touched = _upsert(specs, taxa, result)
        unindexed = set(
            Organisation.objects.filter(slug__startswith=SLUG_PREFIX)
            .filter(Q(search_text="") | Q(search_terms="") | Q(sort_name=""))
            .values_list("pk", flat=True)
        )
        to_index = sorted(set(touched) | (unindexed & set(ids.values())))
        refresh_search(to_index)
        if accounts:
            result.accounts = _ensure_accounts(specs, ids)
    if to_index:
        bump(Scope.DIRECTORY)
    result.indexed = len(to_index)
    result.needs = sum(len(spec.needs) for spec in specs)
    result.with_needs = sum(1 for spec in specs if spec.needs)
    result.by_kind = Counter(spec.kind for spec in specs)
    result.by_status = Counter(spec.status for spec in specs)
    result.seconds = time.perf_counter() - started
    return result

"""The bulk, diff-based writer of organisations' directory fields.

Only :func:`actors.services.organisations_upsert` writes with it (the spreadsheet import,
from the command and from the admin, goes through that service). Each record is compared
with the stored organisation: unchanged ones are not written at all, changed ones are
written column by column with bulk queries, and their links (territories, SDGs, offers,
contributions, needs) are added and removed, never rewritten. Existing organisations and
their links are loaded in seven queries per 2,000 slugs, never per row.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from django.utils import timezone

from actors.directory_format import (
    COLUMNS,
    DEFAULT_COUNTRY,
    FIELDS,
    LINK_COLUMNS,
    M2M_COLUMNS,
    SCALAR_ATTRIBUTES,
    Record,
)
from actors.models import Organisation, OrganisationNeed

CHUNK = 2000  # ids or slugs per ``IN (...)`` query
BATCH = 500  # rows per bulk insert or update

Action = Literal["create", "update", "unchanged"]


@dataclass(frozen=True)
class RowOutcome:
    """What importing one valid row does (or would do) to the directory."""

    row: int
    slug: str
    name: str
    action: Action
    changed: tuple[str, ...] = ()  # the columns that differ, for updates


# Planning ------------------------------------------------------------------


@dataclass
class Existing:
    """An organisation as stored: its columns in database terms and its links."""

    pk: int
    values: dict[str, Any]
    links: dict[str, dict[int, int]]  # column -> {target id: link row id}


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _m2m(column: str):
    """(through model, organisation column, target column) of a many-to-many column."""
    model_field = Organisation._meta.get_field(column)
    through = model_field.remote_field.through
    return through, model_field.m2m_column_name(), model_field.m2m_reverse_name()


def load_existing(*, slugs: list[str]) -> dict[str, Existing]:
    """The organisations with these slugs and their links: seven queries per 2,000 slugs."""
    existing: dict[str, Existing] = {}
    attributes = ["pk", "slug", *SCALAR_ATTRIBUTES.values()]
    for chunk in _chunks(slugs):
        by_pk: dict[int, Existing] = {}
        for row in Organisation.objects.filter(slug__in=chunk).values(*attributes):
            values = {column: row[attname] for column, attname in SCALAR_ATTRIBUTES.items()}
            values["intervention_countries"] = country_codes(values["intervention_countries"])
            values["country"] = str(values["country"] or "")
            item = Existing(row["pk"], values, {column: {} for column in LINK_COLUMNS})
            existing[row["slug"]] = by_pk[row["pk"]] = item
        if not by_pk:
            continue
        pks = list(by_pk)
        for column in M2M_COLUMNS:
            through, own, target = _m2m(column)
            links = through.objects.filter(**{f"{own}__in": pks}).values_list("pk", own, target)
            for link_pk, organisation_pk, target_pk in links:
                by_pk[organisation_pk].links[column][target_pk] = link_pk
        needs = OrganisationNeed.objects.filter(organisation_id__in=pks).values_list(
            "pk", "organisation_id", "competence_id"
        )
        for need_pk, organisation_pk, competence_pk in needs:
            by_pk[organisation_pk].links["needs"][competence_pk] = need_pk
    return existing


def country_codes(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return sorted({str(getattr(code, "code", code)) for code in value if code})


def changed_columns(*, record: Record, existing: Existing) -> tuple[str, ...]:
    """The columns of ``record`` whose value differs from the stored organisation."""
    changed = []
    for column, value in record.values.items():
        if column in LINK_COLUMNS:
            if set(value) != set(existing.links[column]):
                changed.append(column)
        elif value != existing.values[column]:
            changed.append(column)
    return tuple(column for column in COLUMNS if column in changed)


@dataclass
class Plan:
    outcomes: list[RowOutcome]
    creates: list[Record]
    updates: list[tuple[Record, Existing, tuple[str, ...]]]


def plan_upsert(*, records: list[Record]) -> Plan:
    """Compare each record with the directory: create, update or leave unchanged."""
    existing = load_existing(slugs=[record.slug for record in records])
    plan = Plan([], [], [])
    for record in records:
        name = record.values.get("name", "")
        current = existing.get(record.slug)
        if current is None:
            plan.creates.append(record)
            plan.outcomes.append(RowOutcome(record.row, record.slug, name, "create"))
            continue
        changed = changed_columns(record=record, existing=current)
        if changed:
            plan.updates.append((record, current, changed))
            plan.outcomes.append(RowOutcome(record.row, record.slug, name, "update", changed))
        else:
            plan.outcomes.append(RowOutcome(record.row, record.slug, name, "unchanged"))
    return plan


# Writing -------------------------------------------------------------------


# What a created organisation gets for a column its file does not have (besides blanks).
CREATION_DEFAULTS: dict[str, Any] = {
    field.attname: DEFAULT_COUNTRY if field.kind == "country" else []
    for field in FIELDS
    if field.kind in ("country", "countries", "codes")
}


def _creation_values(record: Record) -> dict[str, Any]:
    values = dict(CREATION_DEFAULTS)
    for column, attname in SCALAR_ATTRIBUTES.items():
        if column in record.values:
            values[attname] = record.values[column]
    return values


def write_plan(*, plan: Plan, status: str) -> list[int]:
    """Write ``plan`` (inside the service's transaction); returns the ids it changed."""
    now = timezone.now()
    published = status == Organisation.Status.PUBLISHED
    new = [
        Organisation(
            slug=record.slug,
            status=status,
            published_at=now if published else None,
            created_at=now,
            **_creation_values(record),
        )
        for record in plan.creates
    ]
    Organisation.objects.bulk_create(new, batch_size=BATCH)
    if any(organisation.pk is None for organisation in new):  # databases without RETURNING
        pks = {}
        for chunk in _chunks([organisation.slug for organisation in new]):
            pks.update(Organisation.objects.filter(slug__in=chunk).values_list("slug", "pk"))
        for organisation in new:
            organisation.pk = pks[organisation.slug]

    # Updates: each group of rows changing the same columns is one bulk update of those only.
    groups: dict[tuple[str, ...], list[Organisation]] = defaultdict(list)
    for record, current, columns in plan.updates:
        values = {
            SCALAR_ATTRIBUTES[column]: record.values[column]
            for column in columns
            if column in SCALAR_ATTRIBUTES
        }
        if values:
            groups[tuple(values)].append(Organisation(pk=current.pk, **values))
    for fields, organisations in groups.items():
        Organisation.objects.bulk_update(organisations, fields, batch_size=BATCH)
    for chunk in _chunks([current.pk for _record, current, _columns in plan.updates]):
        Organisation.objects.filter(pk__in=chunk).update(updated_at=now)

    # Links: add what is new, remove what is gone; needs kept keep their description.
    additions: dict[str, list[tuple[int, int]]] = {column: [] for column in LINK_COLUMNS}
    removals: dict[str, list[int]] = {column: [] for column in LINK_COLUMNS}
    for record, organisation in zip(plan.creates, new, strict=True):
        for column in LINK_COLUMNS:
            additions[column] += [(organisation.pk, pk) for pk in record.values.get(column, ())]
    for record, current, columns in plan.updates:
        for column in LINK_COLUMNS:
            if column not in columns:
                continue
            wanted, stored = set(record.values[column]), current.links[column]
            additions[column] += [(current.pk, pk) for pk in wanted - set(stored)]
            removals[column] += [link for pk, link in stored.items() if pk not in wanted]
    for column in M2M_COLUMNS:
        through, own, target = _m2m(column)
        for chunk in _chunks(removals[column]):
            through.objects.filter(pk__in=chunk).delete()
        through.objects.bulk_create(
            [through(**{own: a, target: b}) for a, b in additions[column]], batch_size=BATCH
        )
    for chunk in _chunks(removals["needs"]):
        OrganisationNeed.objects.filter(pk__in=chunk).delete()
    OrganisationNeed.objects.bulk_create(
        [
            OrganisationNeed(organisation_id=a, competence_id=b, description="")
            for a, b in additions["needs"]
        ],
        batch_size=BATCH,
    )
    return [organisation.pk for organisation in new] + [
        current.pk for _r, current, _c in plan.updates
    ]

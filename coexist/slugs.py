"""One way to give a new object a free slug (organisations, projects, events, resources)."""

from django.db.models import QuerySet
from django.utils.text import slugify


def unique_slug(
    queryset: QuerySet,
    text: str,
    *,
    fallback: str,
    reserved: frozenset[str] = frozenset(),
    exclude_pk: int | None = None,
) -> str:
    """``text`` slugified (``fallback`` when nothing is left), then ``-2``, ``-3``… until no
    row of ``queryset`` has it. ``reserved``: slugs a URL already uses (``mois``)."""
    base = slugify(text)[:200] or fallback
    if base in reserved:
        base = f"{base}-{fallback}"
    taken = queryset.filter(slug__startswith=base)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    existing = set(taken.values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in existing:
        slug = f"{base}-{counter}"
        counter += 1
    return slug

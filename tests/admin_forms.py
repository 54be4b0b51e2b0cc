"""Posting an admin change form as a facilitator would: its current values, then changes."""

from django.urls import reverse


def admin_change_data(client, organisation, **overrides) -> tuple[str, dict]:
    """The organisation's admin change URL and its form data, with ``overrides``."""
    url = reverse("admin:actors_organisation_change", args=[organisation.pk])
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or name == "logo":
            continue
        if isinstance(value, list | tuple):
            data[name] = [getattr(v, "pk", v) for v in value]
        else:
            data[name] = getattr(value, "pk", value)
    for prefix in ("needs", "memberships"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(overrides)
    return url, data

"""What the apps above matching plug into it: matching never imports them (README, Layout).

``on_project_seeker(callback)`` registers ``callback(organisation_slug, project_slug)``,
which returns ``(seeker, exclude_ids)`` for one of the organisation's projects (a
:class:`~matching.profiles.Profile` of its owner carrying the project's open needs, and
the organisations never to suggest for them), or raises ``LookupError`` with a message.
``suggest_partners --project`` asks it; the projects app registers it in ``ready()``.
"""

from collections.abc import Callable

_project_seeker: list[Callable] = []


def on_project_seeker(callback: Callable) -> None:
    if callback not in _project_seeker:
        _project_seeker.append(callback)


def project_seeker(*, organisation_slug: str, project_slug: str):
    if not _project_seeker:
        raise LookupError("projects are not available")
    return _project_seeker[0](organisation_slug, project_slug)

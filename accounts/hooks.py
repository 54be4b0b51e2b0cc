"""What the apps above accounts plug into it: accounts never imports them (README, Layout).

An app registers its hooks in its ``AppConfig.ready()``:

- a *deletion guard* returns what deleting an account would leave broken (the
  organisations of which it is the last admin), locking what it read until the deleting
  transaction ends;
- a *way out* (one per site, registered by actors) gives what a guard returned to
  someone else, so that the account can go: ``way_out(user=, blockers=, choice=)``;
- a *data export* section adds what the app holds about a person to "download my data".
"""

from collections.abc import Callable
from enum import StrEnum
from typing import Any


class WayOut(StrEnum):
    """What the last administrator of an organisation does with it when leaving."""

    HAND_OVER = "hand_over"  # the facilitators become responsible for it; it stays listed
    ARCHIVE = "archive"  # it leaves the directory at once; the facilitators are told


_deletion_guards: list[Callable[..., list]] = []
_way_outs: list[Callable[..., None]] = []
_data_export: dict[str, Callable[..., Any]] = {}


def register_deletion_guard(guard: Callable[..., list]) -> None:
    if guard not in _deletion_guards:
        _deletion_guards.append(guard)


def deletion_blockers(*, user) -> list:
    return [blocker for guard in _deletion_guards for blocker in guard(user=user)]


def register_way_out(way_out: Callable[..., None]) -> None:
    if way_out not in _way_outs:
        _way_outs.append(way_out)


def way_out_take(*, user, blockers: list, choice: WayOut) -> None:
    for way_out in _way_outs:
        way_out(user=user, blockers=blockers, choice=choice)


def register_data_export(name: str, section: Callable[..., Any]) -> None:
    _data_export[name] = section


def data_export_sections(*, user) -> dict[str, Any]:
    return {name: section(user=user) for name, section in sorted(_data_export.items())}

"""What the apps above accounts plug into it: accounts never imports them (README, Layout).

An app registers its hooks in its ``AppConfig.ready()``:

- a *deletion guard* returns what deleting an account would leave broken (the
  organisations of which it is the last admin), locking what it read until the deleting
  transaction ends;
- a *data export* section adds what the app holds about a person to "download my data".
"""

from collections.abc import Callable
from typing import Any

_deletion_guards: list[Callable[..., list]] = []
_data_export: dict[str, Callable[..., Any]] = {}


def register_deletion_guard(guard: Callable[..., list]) -> None:
    if guard not in _deletion_guards:
        _deletion_guards.append(guard)


def deletion_blockers(*, user) -> list:
    return [blocker for guard in _deletion_guards for blocker in guard(user=user)]


def register_data_export(name: str, section: Callable[..., Any]) -> None:
    _data_export[name] = section


def data_export_sections(*, user) -> dict[str, Any]:
    return {name: section(user=user) for name, section in sorted(_data_export.items())}

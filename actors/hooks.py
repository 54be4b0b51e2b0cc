"""What the apps above actors plug into it: actors never imports them (README, Layout).

``on_organisations_changed(callback)`` registers ``callback(organisation_ids)``, called by
every service that changes the content of organisations (matching recomputes its
suggestions from it). Registered in the higher app's ``AppConfig.ready()``.
"""

from collections.abc import Callable

_changed: list[Callable[[list[int]], None]] = []


def on_organisations_changed(callback: Callable[[list[int]], None]) -> None:
    if callback not in _changed:
        _changed.append(callback)


def organisations_changed(organisation_ids: list[int]) -> None:
    for callback in _changed:
        callback(organisation_ids)

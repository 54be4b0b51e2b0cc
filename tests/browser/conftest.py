"""The journeys in a real browser: Playwright driving the system Chromium (Debian's
``chromium`` package; Playwright's own download is not used), against a live server of the
project, with axe-core run on every page a journey visits.

Skipped, with the reason said, when Chromium or Playwright is missing (``make test`` says so
too); ``.ci/run`` installs Chromium, so CI always runs them.
"""

import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test's thread; the ORM calls the tests make
# there (fixtures, assertions) are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
MISSING = (
    None
    if Path(CHROMIUM).exists() and importlib.util.find_spec("playwright")
    else f"browser tests skipped: no Chromium at {CHROMIUM} (apt install chromium) or no playwright"
)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
if (
    not MISSING
    and not os.environ.get("DATABASE_URL")
    and not os.environ.get("COEXIST_TEST_DB_ON_DISK")
):
    MISSING = (
        "browser tests skipped: on SQLite they need COEXIST_TEST_DB_ON_DISK=1 (make test sets"
        " it), so the live server does not share the test's in-memory connection"
    )
REPORT_DIR = Path(__file__).resolve().parents[2] / "var" / "browser"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            if MISSING:
                item.add_marker(pytest.mark.skip(reason=MISSING))


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: a journey in a real browser (Chromium)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-dev-shm-usage"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A French reader's browser (the site's first language); journeys in English switch
    with the site's own language menu."""
    return {**browser_context_args, "locale": "fr-FR"}


@pytest.fixture
def site(live_server, settings, transactional_db):
    """The live site as `make run` serves it: tasks run at once (so emails leave through
    the outbox as they would with a worker), French by default."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    return live_server


@pytest.fixture(scope="session")
def axe_report():
    """Every page checked by axe-core, with its counts: written for the closing note to
    ``var/browser/axe-<worker>.jsonl``."""
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    path = REPORT_DIR / f"axe-{worker}.jsonl"
    path.unlink(missing_ok=True)
    with path.open("a", encoding="utf-8") as report:
        yield report


@pytest.fixture
def axe(axe_report):
    """``axe(page, label)`` runs axe-core's WCAG 2.1 A/AA rules on the page as it is and fails
    on any serious or critical violation, naming the rule and the elements."""
    from axe_playwright_python.sync_playwright import Axe

    engine = Axe()

    def check(page, label: str) -> None:
        page.wait_for_load_state()
        results = engine.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        blocking = [v for v in violations if v["impact"] in ("serious", "critical")]
        axe_report.write(
            json.dumps(
                {
                    "page": label,
                    "url": page.url,
                    "violations": len(violations),
                    "serious_or_critical": len(blocking),
                    "passes": len(results.response["passes"]),
                }
            )
            + "\n"
        )
        axe_report.flush()
        assert not blocking, f"{label} ({page.url}): " + "; ".join(
            f"{v['id']} ({v['impact']}) ×{len(v['nodes'])}: "
            + ", ".join(n["target"][0] for n in v["nodes"][:3])
            for v in blocking
        )

    return check

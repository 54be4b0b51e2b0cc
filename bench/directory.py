#!/usr/bin/env python
"""Page benchmark: the directory, an organisation page, the calendar, an event page, the
médiathèque's list and a resource page against a bare Django view.

Seeds 10,000 organisations into PostgreSQL, serves the site as production does
(gunicorn, DEBUG off, PostgreSQL, Redis), loads it with wrk on loopback and prints
throughput, latency and the ratios to the bare view measured in the same run.

    .venv/bin/python bench/directory.py [--organisations 10000] [--duration 10]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and Redis on 127.0.0.1:6379,
and `wrk` (installed with apt-get when missing).
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PORT = 8765
DB = "coexist_bench"
SLUG_SNIPPET = (
    "from actors.models import Organisation as O; "
    "print(O.objects.published().filter(needs__isnull=False).order_by('pk').first().slug)"
)
EVENT_SNIPPET = (
    "from events.models import Event as E; "
    "print(E.objects.published().upcoming().order_by('-capacity', 'pk').first().slug)"
)
RESOURCE_SNIPPET = (
    "from mediatheque.models import Resource as R; "
    "print(R.objects.published().order_by('pk').first().slug)"
)
# A signed-in member (the demo NGO's admin when it exists): the session id to send.
SESSION_SNIPPET = """
from django.contrib.auth import get_user_model
from django.test import Client
from actors.models import Membership
m = Membership.objects.filter(status="active").select_related("user").order_by("pk").first()
User = get_user_model()
user = m.user if m else (
    User.objects.filter(email="bench@coexist.local").first()
    or User.objects.create_user("bench@coexist.local", "x")
)
c = Client()
c.force_login(user)
print(c.cookies["sessionid"].value)
"""


def run(cmd, env=None, **kwargs):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kwargs)


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if not wrk:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False)
        wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("wrk is needed: apt-get install wrk")
    return wrk


def parse_wrk(output: str) -> dict:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def ms(label):
        match = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", output)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50": ms("50%"),
        "p99": ms("99%"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def shell_line(snippet: str, env: dict) -> str:
    """The last line a snippet prints in ``manage.py shell`` (a slug, a session id)."""
    output = subprocess.run(
        [PY, "manage.py", "shell", "-c", snippet],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return output.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()
    wrk = ensure_wrk()

    env = {
        **os.environ,
        "DEBUG": "0",
        "COEXIST_TESTING": "0",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdef",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB}",
        "REDIS_URL": "redis://127.0.0.1:6379/11",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{PORT}",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        "ROOT_URLCONF": "bench.urls",
        "LOG_LEVEL": "WARNING",
    }
    if not args.skip_seed:
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DB], check=True
        )
        run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB])
        run([PY, "manage.py", "migrate", "-v0"], env=env)
        started = time.perf_counter()
        run(
            [
                PY,
                "manage.py",
                "seed_demo",
                "--organisations",
                str(args.organisations),
                "--seed",
                "1",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        print(f"seeded {args.organisations} organisations in {time.perf_counter() - started:.1f} s")
    run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env=env)
    subprocess.run(["redis-cli", "-n", "11", "flushdb"], check=False, stdout=subprocess.DEVNULL)

    slug = shell_line(SLUG_SNIPPET, env)
    session = shell_line(SESSION_SNIPPET, env)
    event_slug = shell_line(EVENT_SNIPPET, env)
    resource_slug = shell_line(RESOURCE_SNIPPET, env)
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "coexist.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{PORT}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/bench/bare/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        deep_page = max(1, args.organisations * 9 // 10 // 20)
        targets = [
            ("bare Django view", "/bench/bare/"),
            ("directory, first page", "/annuaire/"),
            (f"directory, page {deep_page}", f"/annuaire/?page={deep_page}"),
            (
                "directory, filtered search",
                "/annuaire/?q=eau+potable&kind=ngo&territory=haute-savoie",
            ),
            ("organisation page", f"/annuaire/{slug}/"),
            ("calendar, upcoming", "/evenements/"),
            ("calendar, month", "/evenements/mois/"),
            ("calendar, filtered", "/evenements/?kind=workshop&mode=onsite"),
            ("event page", f"/evenements/{event_slug}/"),
            ("calendar feed (.ics)", "/evenements/calendrier.ics"),
            ("médiathèque, first page", "/mediatheque/"),
            ("médiathèque, filtered search", "/mediatheque/?q=convention&kind=template"),
            ("resource page", f"/mediatheque/{resource_slug}/"),
        ]
        signed_in = [
            ("signed in: directory, first page", "/annuaire/"),
            ("signed in: filtered search", "/annuaire/?q=eau+potable&kind=ngo"),
            ("signed in: organisation page", f"/annuaire/{slug}/"),
            ("signed in: calendar", "/evenements/"),
            ("signed in: event page", f"/evenements/{event_slug}/"),
            ("signed in: médiathèque", "/mediatheque/"),
            ("signed in: resource page", f"/mediatheque/{resource_slug}/"),
        ]
        results = {}
        cookie = {"Cookie": f"sessionid={session}"}
        for label, path in targets + signed_in:
            headers = cookie if label.startswith("signed in") else {}
            request = urllib.request.Request(base + path, headers=headers)
            for _ in range(3):  # warm up: the first request fills the cache
                urllib.request.urlopen(request, timeout=30).read()
            header_args = [
                arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")
            ]
            output = subprocess.run(
                [
                    wrk,
                    "-t1",
                    f"-c{args.connections}",
                    f"-d{args.duration}s",
                    "--latency",
                    *header_args,
                    base + path,
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results[label] = parse_wrk(output)
        bare = results["bare Django view"]["rps"]
        print(
            f"\n{'page':34} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'ratio to bare':>14} {'non-2xx':>8}"
        )
        for label, figures in results.items():
            print(
                f"{label:34} {figures['rps']:9.0f} {figures['p50']:8.2f} {figures['p99']:8.2f} "
                f"{'1/' + format(bare / figures['rps'], '.1f'):>14} {figures['errors']:8d}"
            )
        print(
            f"\n(gunicorn {args.workers} workers; wrk 1 thread, {args.connections} connections, "
            f"{args.duration} s per page; warm cache)"
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

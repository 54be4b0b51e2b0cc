"""CoExist settings: one module, every value read from the environment.

Safe defaults: DEBUG is off unless set, there is no default secret outside
debug, SQLite under ``var/`` is the embedded database when DATABASE_URL is
unset, and Celery runs tasks eagerly when REDIS_URL is unset.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# Running under pytest: fast hashing, no eager Celery, no HTTPS redirect.
TESTING = env_bool("COEXIST_TESTING", "pytest" in sys.modules)
if not TESTING:
    # A developer's local settings (`make run` writes DEBUG=1 and a random SECRET_KEY
    # there). The real environment always wins; production has no .env file.
    load_dotenv(BASE_DIR / ".env", override=False)
DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-only-for-debug-and-tests"
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "django_filters",
    "django_countries",
    "coexist",
    "accounts",
    "actors",
    "projects",
    "events",
    "mediatheque",
    "matching",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "coexist.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = env_str("ROOT_URLCONF", "coexist.urls")
WSGI_APPLICATION = "coexist.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]
if not DEBUG:
    # Cached template loader in production (Django enables it by default when
    # DEBUG is off, but APP_DIRS must then be dropped to set loaders).
    TEMPLATES[0]["APP_DIRS"] = False
    TEMPLATES[0]["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.cached.Loader",
            [
                "django.template.loaders.filesystem.Loader",
                "django.template.loaders.app_directories.Loader",
            ],
        )
    ]

# Database: SQLite under var/ unless DATABASE_URL is set.
VAR_DIR = Path(env_str("COEXIST_VAR_DIR", str(BASE_DIR / "var")))
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'coexist.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
    if env_bool("COEXIST_TEST_DB_ON_DISK", False):
        # The browser journeys: their live server gets its own connection to a test database
        # on disk, instead of sharing the test's in-memory one across threads (which races).
        DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-browser.sqlite3")}
USING_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: broker and cache when set; eager Celery and a local cache otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL and TESTING and os.environ.get("PYTEST_XDIST_WORKER"):
    # Parallel test workers each use their own Redis database: clearing the cache
    # in one test (FLUSHDB) must not wipe another worker's entries.
    from urllib.parse import urlparse

    _worker = int("".join(c for c in os.environ["PYTEST_XDIST_WORKER"] if c.isdigit()) or 0)
    _redis = urlparse(REDIS_URL)
    _database = int(_redis.path.strip("/") or 0)
    REDIS_URL = _redis._replace(path=f"/{(_database + _worker) % 16}").geturl()
# The cache may (and in production should) live in its own Redis instance, bounded by
# maxmemory with an LRU policy, so that filling the cache can never evict Celery's queues:
# see docker-compose.yml. Defaults to REDIS_URL.
CACHE_URL = env_str("CACHE_URL", REDIS_URL)
if REDIS_URL and CACHE_URL and TESTING and os.environ.get("PYTEST_XDIST_WORKER"):
    CACHE_URL = REDIS_URL  # each test worker's own Redis database (above)
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "coexist.redis_cache.FastRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "coexist"),
            "TIMEOUT": 600,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "coexist",
            "TIMEOUT": 600,
        }
    }

# Sessions: read from the cache, written through to the database (nothing lost on a
# Redis restart, one query less on every signed-in request).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# With a host named: kombu warns "No hostname was supplied" for a bare memory://.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL or "memory://localhost/")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL and not TESTING)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TIMEZONE = "Europe/Paris"
# A request must never hang because the broker is down: fail fast, and the
# outbox sweep (see coexist.tasks) sends what could not be queued.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 1,
    "socket_timeout": 2,
    "max_retries": 0,
    "visibility_timeout": 3600,
}
CELERY_TASK_PUBLISH_RETRY = False

# Authentication (django-allauth, login by email).
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[CoExist] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm", "add_email": "accounts.forms.AddEmailForm"}
# Both answers of the sign-up form (new address, or one that has an account) take at least
# this long, so that their timing says nothing (accounts.forms.SignupForm). Off in tests.
ACCOUNT_SIGNUP_DURATION_FLOOR = float(env_str("ACCOUNT_SIGNUP_DURATION_FLOOR", "0.5"))
if TESTING:
    ACCOUNT_SIGNUP_DURATION_FLOOR = 0.0
# allauth's default rate limits stay on; they use the cache above (Redis in
# production, so they hold across processes). They count per client address: behind the
# TLS proxy that production requires, REMOTE_ADDR is the proxy's for everybody, so say
# how many proxies append to X-Forwarded-For (1 for one proxy), or which header the
# proxy sets to the client's address (e.g. X-Real-IP). Never trust a header that a
# client can set directly: set these only when a proxy always overwrites it.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("ALLAUTH_TRUSTED_CLIENT_IP_HEADER") or None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if DEBUG or TESTING:
    PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Internationalisation: French first, English too.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
# locale/ first (makemessages writes there); locale_allauth/ puts allauth's English title
# case ("Sign In", "Sign Up") into the site's sentence case ("Sign in"), by hand.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_allauth"]
# English dates without "p.m." (a sentence's full stop made it "p.m.."): coexist/formats.
FORMAT_MODULE_PATH = ["coexist.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = not DEBUG and not TESTING
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
LOGO_MAX_BYTES = 2 * 1024 * 1024

# Email: console in debug, SMTP otherwise (EMAIL_URL: smtp://user:pass@host:port, +tls).
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "CoExist <noreply@coexist.example>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_URL = env_str("EMAIL_URL")
if EMAIL_URL:
    from urllib.parse import unquote, urlparse

    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 25
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme in {"smtp+tls", "submission"}
    EMAIL_USE_SSL = _email.scheme == "smtps"
    EMAIL_TIMEOUT = 10
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    EMAIL_TIMEOUT = 10

# Security: strict by default; DEBUG (local runs) relaxes only what needs HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = not DEBUG and not TESTING
CSRF_COOKIE_SECURE = not DEBUG and not TESTING
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy (django-csp): every script and style comes from our own static
# files, no inline script or style attribute anywhere (the SDG colours are CSS classes),
# and no page may be framed. Logos are served from /media/ on the same origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is an explicit opt-in (SECURE_HSTS_PRELOAD): submitting the
    # domain to browsers' preload lists is hard to undo, so it is not a default.
    "security.W021",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "format": "time=%(asctime)s level=%(levelname)s logger=%(name)s msg=%(message)s",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Django's own console handler on "django" would print each warning a second
        # time beside the root's (a 404 logged twice): one handler, the root's.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
    },
}

# The legal notice (French law, LCEN art. 6): publication director and host.
LEGAL_PUBLICATION_DIRECTOR = env_str("LEGAL_PUBLICATION_DIRECTOR")
LEGAL_HOST_NAME = env_str("LEGAL_HOST_NAME")
LEGAL_HOST_ADDRESS = env_str("LEGAL_HOST_ADDRESS")
LEGAL_HOST_PHONE = env_str("LEGAL_HOST_PHONE")

# How to reach the CSI team (the contact page, linked from the footer and every "contact us").
CSI_CONTACT_EMAIL = env_str("CSI_CONTACT_EMAIL")
CSI_CONTACT_PHONE = env_str("CSI_CONTACT_PHONE")
CSI_CONTACT_ADDRESS = env_str(
    "CSI_CONTACT_ADDRESS",
    "Cité de la Solidarité Internationale, 13 avenue Émile Zola, 74100 Annemasse, France",
)

# Paths of the site.
ORGANISATIONS_PER_PAGE = 20
PROJECTS_PER_PAGE = 20

# The médiathèque (mediatheque/, README "Médiathèque"). Every uploaded file (public or
# members-only) and its preview live in a private folder OUTSIDE MEDIA_ROOT, never served
# by the proxy's /media/: only the download view hands them out, after its access check.
MEDIATHEQUE_PRIVATE_ROOT = Path(
    env_str("MEDIATHEQUE_PRIVATE_ROOT", str(VAR_DIR / "private" / "mediatheque"))
)
MEDIATHEQUE_MAX_UPLOAD_BYTES = env_int("MEDIATHEQUE_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)
# Zip packages (Office Open XML, OpenDocument): refused above this declared uncompressed
# size, this many entries, or this compression ratio (a zip bomb).
MEDIATHEQUE_ZIP_MAX_UNCOMPRESSED = env_int("MEDIATHEQUE_ZIP_MAX_UNCOMPRESSED", 200 * 1024 * 1024)
MEDIATHEQUE_ZIP_MAX_ENTRIES = env_int("MEDIATHEQUE_ZIP_MAX_ENTRIES", 5000)
MEDIATHEQUE_ZIP_MAX_RATIO = env_int("MEDIATHEQUE_ZIP_MAX_RATIO", 100)
# Text extraction and previews (a Celery task): at most this many pages and characters.
MEDIATHEQUE_EXTRACT_MAX_PAGES = env_int("MEDIATHEQUE_EXTRACT_MAX_PAGES", 50)
MEDIATHEQUE_EXTRACT_MAX_CHARS = env_int("MEDIATHEQUE_EXTRACT_MAX_CHARS", 200_000)
MEDIATHEQUE_EXTRACT_TIME_LIMIT = env_int("MEDIATHEQUE_EXTRACT_TIME_LIMIT", 120)
# The virus scanner run on every upload before it is stored: a dotted path to a class with
# ``scan(fileobj) -> ScanResult``. Default: ClamAV's clamd when CLAMD_HOST or CLAMD_SOCKET
# is set, otherwise none (files are marked "not scanned"; production should set clamd).
CLAMD_HOST = env_str("CLAMD_HOST")
CLAMD_PORT = env_int("CLAMD_PORT", 3310)
CLAMD_SOCKET = env_str("CLAMD_SOCKET")
MEDIATHEQUE_VIRUS_SCANNER = env_str(
    "MEDIATHEQUE_VIRUS_SCANNER",
    "mediatheque.scanning.ClamdScanner" if (CLAMD_HOST or CLAMD_SOCKET) else "",
)
# Production: the view authorises, then the proxy sends the file (nginx X-Accel-Redirect to
# an ``internal`` location aliasing MEDIATHEQUE_PRIVATE_ROOT). Empty: the view streams it.
MEDIATHEQUE_ACCEL_REDIRECT_PREFIX = env_str("MEDIATHEQUE_ACCEL_REDIRECT_PREFIX")
RESOURCES_PER_PAGE = 20

# Periodic jobs (one beat process; the schedule lives in code).
CELERY_BEAT_SCHEDULE = {
    "email-outbox-sweep": {
        "task": "coexist.tasks.email_send_pending",
        "schedule": 300.0,
    },
    # Every suggestion recomputed at night (CELERY_TIMEZONE): also catches up whatever a
    # broker outage lost during the day.
    # Retention promised by the privacy policy: emails one year, inactive accounts three.
    "email-outbox-retention": {
        "task": "coexist.tasks.emails_purge_expired",
        "schedule": crontab(hour=4, minute=10),
    },
    "accounts-retention": {
        "task": "accounts.tasks.retention_run",
        "schedule": crontab(hour=4, minute=20),
    },
    "events-waitlist-sweep": {
        "task": "events.tasks.waitlist_sweep",
        "schedule": 900.0,
    },
    # Hourly: the reminders of tomorrow's events go out from 9:00 (Paris) on.
    "events-reminders": {
        "task": "events.tasks.reminders_send",
        "schedule": crontab(minute=5),
    },
    "matching-recompute-all": {
        "task": "matching.tasks.recompute_all",
        "schedule": crontab(hour=3, minute=0),
    },
    # Introductions: the halfway reminder and the expiry of unanswered requests.
    "projects-introductions-remind": {
        "task": "projects.tasks.introductions_remind",
        "schedule": crontab(minute=15),
    },
    "projects-introductions-expire": {
        "task": "projects.tasks.introductions_expire",
        "schedule": crontab(minute=45),
    },
}

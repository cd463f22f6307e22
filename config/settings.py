"""Settings for the department budget disclosure product (部门预算公开).

Everything that differs between a laptop and production is read from the environment:
DATABASE_URL, DJANGO_SECRET_KEY, DJANGO_DEBUG, DJANGO_ALLOWED_HOSTS. The defaults are
safe for development only: SQLite next to the code, DEBUG on, a throw-away secret key.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("生产环境必须设置 DJANGO_SECRET_KEY 环境变量。")
    # Development only: a fixed, obviously insecure key so sessions survive restarts.
    SECRET_KEY = "dev-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "config.apps.AxesConfig",  # django-axes under a Chinese name (config/apps.py)
    "csp",
    "import_export",
    "django_tasks",
    "config.apps.TasksDatabaseConfig",  # django_tasks_db under a Chinese name
    "simple_history",
    "budgets",
    "disclosures",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Published pages and downloads stored at publication, served before anything else
    # runs (disclosures/published; issue 16 item 5).
    "disclosures.published.serve.PublishedPagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it locks out after repeated login failures.
    "axes.middleware.AxesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite by default so a newcomer needs no set-up; PostgreSQL (psycopg 3) in production.
# Connections persist for a minute; each request first checks that its persistent
# connection still works (a restarted database or a terminated backend would otherwise
# fail the next request with a 500) and reconnects if not.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Tests use a file, not shared memory, so that two connections (threads) lock the
    # database the way two server processes do (tests/test_concurrency.py); one file per
    # test process, so two test runs never share (or delete) each other's database.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"budget-disclosure-test-{os.getpid()}.sqlite3")
    }
    # Two saves at once must queue, not fail with "database is locked": every transaction
    # takes the write lock when it begins (IMMEDIATE — a deferred one that reads first and
    # writes later cannot wait for the lock and fails at once), and a connection waits up
    # to DJANGO_SQLITE_TIMEOUT seconds for it. WAL lets readers run beside the writer.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("DJANGO_SQLITE_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while locked out
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
# Chinese for what Django's and third-party apps' catalogues leave in English (.mo committed).
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# Amounts print as 2,297.34: Django's zh-hans formats have no thousands separator, so our
# own format module supplies one. Grouping is not switched on globally (it would print the
# year 2022 as "2,022"); amounts are formatted by disclosures/templatetags/amounts.py.
FORMAT_MODULE_PATH = ["config.formats"]
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Pre-rendered published pages and downloads: MEDIA_ROOT/published by default; a shared
    # volume or an S3-compatible bucket (django-storages) with several machines (README).
    "published": {"BACKEND": "disclosures.published.storage.PublishedStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"

# Cache: rendered public pages and downloads (keys name the frozen publication, so they
# never go stale). Per-process memory by default; Redis when
# REDIS_URL is set, shared by every web process and the worker (production).
if os.environ.get("REDIS_URL"):
    CACHES: dict[str, dict[str, object]] = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "budget-disclosure"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

# Listing pages (home, search) stored per publication state at most: search terms are
# typed by anyone, so without a bound random queries would fill the cache.
LISTING_CACHE_LIMIT = int(os.environ.get("DJANGO_LISTING_CACHE_LIMIT", "500"))

# Background work (PDF rendering) through the django.tasks API (backport for Django 5.2).
# Default: the database queue, worked by `python manage.py task_worker` (started and
# restarted by scripts/start.sh), so a laptop needs nothing else. Production may use Redis (RQ):
# DJANGO_TASKS_BACKEND=rq REDIS_URL=redis://host:6379/0, worker `python manage.py rqworker`.
TASKS_BACKEND = os.environ.get("DJANGO_TASKS_BACKEND", "database")
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Only users with the historical models' view permission (审核员, 财政管理员) see history.
SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS = True

# Catalogue import/export needs the change/view permission, not just staff status.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/")
LOGIN_URL = "admin:login"

# --- Security ------------------------------------------------------------------------
# Login lock-out (django-axes): 5 failures for the same user name from the same address
# lock that pair for an hour; a successful login resets the counter.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Content-Security-Policy (django-csp 4): only our own scripts, styles, images and fonts;
# no inline script, no framing, forms post only to us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Logging ------------------------------------------------------------------------
# Django's default sends server errors only to ADMINS by mail when DEBUG is off, so a
# production 500 left no traceback anywhere. Everything at INFO and above goes to standard
# error (gunicorn, systemd and containers collect it), and also to DJANGO_LOG_FILE if set.
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO")
LOG_FILE = os.environ.get("DJANGO_LOG_FILE", "")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d: %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
        **(
            {
                "file": {
                    "class": "logging.handlers.WatchedFileHandler",
                    "filename": LOG_FILE,
                    "formatter": "plain",
                }
            }
            if LOG_FILE
            else {}
        ),
    },
    "root": {"handlers": ["stderr", *(["file"] if LOG_FILE else [])], "level": LOG_LEVEL},
    "loggers": {
        # Requests that fail (4xx as WARNING, 5xx as ERROR with the traceback) and the
        # development server's access lines; SQL stays quiet even at DEBUG.
        "django": {"level": LOG_LEVEL, "propagate": True},
        "django.db.backends": {"level": "WARNING", "propagate": True},
        # django-axes announces its configuration at INFO on every start.
        "axes": {"level": "WARNING", "propagate": True},
    },
}

# --- Login lock-out per address (issue 14, item 13) -----------------------------------
# Besides 5 failures per (user name, address) above, all user names together may fail
# this often from one address within the cool-off hour before the address is locked: a
# bureau behind one NAT shares an address, so the per-address limit is much higher.
AXES_HANDLER = "config.lockout.AddressLimitedDatabaseHandler"
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_ADDRESS_FAILURE_LIMIT", "30"))

# --- Background work: resilient worker, stale tasks, health (issue 14, item 2) ---------
# `python manage.py task_worker` (background/worker.py) works the database queue, retries
# transient database errors with a fresh connection and writes a heartbeat every
# TASKS_HEARTBEAT_SECONDS. A task left RUNNING by a dead worker (no heartbeat since) is
# re-queued after TASKS_STALE_SECONDS, at most TASKS_MAX_ATTEMPTS runs in all. /healthz
# answers 503 when a task has waited HEALTHZ_QUEUE_STALE_SECONDS while no worker is seen.
INSTALLED_APPS.append("background")
TASKS_STALE_SECONDS = int(os.environ.get("DJANGO_TASKS_STALE_SECONDS", str(15 * 60)))
TASKS_HEARTBEAT_SECONDS = float(os.environ.get("DJANGO_TASKS_HEARTBEAT_SECONDS", "10"))
TASKS_MAX_ATTEMPTS = int(os.environ.get("DJANGO_TASKS_MAX_ATTEMPTS", "3"))
HEALTHZ_QUEUE_STALE_SECONDS = int(os.environ.get("DJANGO_HEALTHZ_QUEUE_STALE_SECONDS", "600"))
# A load balancer probes /healthz over plain HTTP: no redirect to HTTPS for it.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# --- Database failures (issue 14, items 8 and 9) ---------------------------------------
# A busy, locked or dropped database answers the Chinese 503 page "系统繁忙，请稍后重试"
# (config/errors.py), never a 500: last in the list, so it sees a view's error first.
MIDDLEWARE.append("config.errors.DatabaseUnavailableMiddleware")

# --- Uploads (workbook and catalogue imports) ------------------------------------------
# Every uploaded workbook is refused before it is parsed when it is larger than
# WORKBOOK_UPLOAD_MAX_BYTES; the archive's members are checked before openpyxl reads them
# (a small zip can decompress to gigabytes), sheets are streamed and stop at a row limit.
# Bodies beyond 2.5 MB are spooled to a temporary file, never held in memory.
WORKBOOK_UPLOAD_MAX_BYTES = int(os.environ.get("WORKBOOK_UPLOAD_MAX_BYTES", str(10 * 1024**2)))
WORKBOOK_SHEET_MAX_ROWS = int(os.environ.get("WORKBOOK_SHEET_MAX_ROWS", "10000"))
WORKBOOK_SHEET_MAX_COLUMNS = 64  # columns read per row (the layout has at most 12)
WORKBOOK_MEMBER_MAX_BYTES = 64 * 1024**2  # one decompressed worksheet (streamed)
WORKBOOK_TOTAL_MAX_BYTES = 192 * 1024**2  # all parts together, decompressed
# openpyxl holds the shared strings in memory even in read-only mode, and parses every
# other part it reads (workbook, styles, manifest…) whole: tighter bounds.
WORKBOOK_SHARED_STRINGS_MAX_BYTES = 24 * 1024**2
WORKBOOK_PART_MAX_BYTES = 4 * 1024**2
WORKBOOK_MAX_RATIO = 200  # decompressed / compressed, for parts over 1 MB
WORKBOOK_PROBLEMS_SHOWN = 200
# Uploaded workbooks waiting for confirmation: a private directory, kept this many hours.
WORKBOOK_UPLOAD_DIR = os.environ.get("WORKBOOK_UPLOAD_DIR", "")  # "" → a temp directory
WORKBOOK_UPLOAD_MAX_AGE_HOURS = float(os.environ.get("WORKBOOK_UPLOAD_MAX_AGE_HOURS", "3"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger files are spooled to disk
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # non-file form data
FILE_UPLOAD_HANDLERS = [
    "budgets.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- Catalogue pickers (issue 13 items 4–5) ---------------------------------------------
# The admin site whose autocomplete labels catalogue options with their whole path
# (budgets/admin_site.py); it replaces django.contrib.admin's default site.
INSTALLED_APPS[INSTALLED_APPS.index("django.contrib.admin")] = (
    "budgets.admin_site.BudgetsAdminConfig"
)

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if "*" not in host]

"""Settings, read from environment variables only.

With no configuration Stocktake keeps its data in a SQLite file under ``STOCKTAKE_DATA_DIR``
(default ``./stocktake-data/``). ``DATABASE_URL`` switches to PostgreSQL. ``STOCKTAKE_ENV=production``
turns on the production hardening and requires ``STOCKTAKE_SECRET_KEY`` and ``STOCKTAKE_ALLOWED_HOSTS``.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("STOCKTAKE_DATA_DIR", "stocktake-data")).resolve()
PRODUCTION = os.environ.get("STOCKTAKE_ENV", "development") == "production"


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


if PRODUCTION:
    try:
        SECRET_KEY = os.environ["STOCKTAKE_SECRET_KEY"]
    except KeyError as error:
        raise ImproperlyConfigured("Set STOCKTAKE_SECRET_KEY in production.") from error
    ALLOWED_HOSTS = _env_list("STOCKTAKE_ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Set STOCKTAKE_ALLOWED_HOSTS (comma-separated) in production.")
    DEBUG = False
else:
    SECRET_KEY = os.environ.get(
        "STOCKTAKE_SECRET_KEY", "development-only-key-never-used-in-production"
    )
    ALLOWED_HOSTS = _env_list("STOCKTAKE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    DEBUG = os.environ.get("STOCKTAKE_DEBUG", "") == "1"

INSTALLED_APPS = [
    "stocktake.access.apps.StocktakeAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "stocktake.register",
    "stocktake.progress",
    "stocktake.measures",
    "stocktake.funding",
    "stocktake.access",
    "stocktake.audit",
    "stocktake.routines",
    "stocktake.web",
    "axes",
    # The API; its interactive docs page (ours, before ninja's) runs Swagger UI from the
    # package's own static files.
    "stocktake.api",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "stocktake.audit.recording.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the "too many attempts" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stocktake.urls"
WSGI_APPLICATION = "stocktake.wsgi.application"

TEMPLATES = [
    {
        # Our pages: Jinja2 with the GOV.UK Frontend macros (docs/adr/0001-jinja2-govuk-frontend.md).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "stocktake.web.jinja2.environment"},
    },
    {
        # The Django admin's own templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

if "DATABASE_URL" in os.environ:
    DATABASES = {"default": dj_database_url.config(conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "stocktake.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # Counts failed sign-ins and locks out after too many (django-axes); must come first.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # The admin's model permissions, from the roles (stocktake.access.policy).
    "stocktake.access.backends.RoleBackend",
]

# Sign-in throttling: after AXES_FAILURE_LIMIT failures for one username from one address, that
# pair is locked out for the cool-off time. Administrators can unlock in the admin ("Access attempts").
AXES_FAILURE_LIMIT = int(os.environ.get("STOCKTAKE_SIGN_IN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("STOCKTAKE_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = (
    Path(os.environ.get("STOCKTAKE_STATIC_ROOT", DATA_DIR / "static")).resolve()
    if PRODUCTION
    else None
)
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# In production `collectstatic` builds hashed, compressed files; elsewhere WhiteNoise serves the
# package's static files as they are, with no build step.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
# Source maps (the API docs' bundles carry megabytes of them) are for developers' tools: not worth
# the minute of CPU that compressing them at collectstatic takes.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (
    "jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br", "swf",
    "flv", "woff", "woff2", "3gp", "3gpp", "asf", "avi", "m4v", "mov", "mp4", "mpeg", "mpg",
    "webm", "wmv", "map",
)  # fmt: skip
WHITENOISE_AUTOREFRESH = DEBUG

LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "signed-out"
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Uploads: the import page takes files up to 50 MB (checked by its form); anything larger than
# this is streamed to a temporary file rather than held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Email (the reminders' daily digests): printed to the console unless SMTP is configured.
EMAIL_BACKEND = os.environ.get(
    "STOCKTAKE_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("STOCKTAKE_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("STOCKTAKE_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("STOCKTAKE_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("STOCKTAKE_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("STOCKTAKE_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("STOCKTAKE_EMAIL_TLS", "1") == "1"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("STOCKTAKE_EMAIL_FROM", "Stocktake <stocktake@localhost>")
# Where the links in emails point: the address people use to reach Stocktake.
STOCKTAKE_BASE_URL = os.environ.get("STOCKTAKE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Stocktake packs are prepared in a background thread while a status page shows progress;
# "0" prepares them within the request instead.
STOCKTAKE_PACKS_IN_BACKGROUND = os.environ.get("STOCKTAKE_PACKS_IN_BACKGROUND", "1") == "1"

if PRODUCTION:
    SECURE_SSL_REDIRECT = os.environ.get("STOCKTAKE_SSL_REDIRECT", "1") == "1"
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_NAME = "__Host-stocktake-session"
    CSRF_COOKIE_NAME = "__Host-stocktake-csrf"
    SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("STOCKTAKE_LOG_LEVEL", "WARNING")},
}

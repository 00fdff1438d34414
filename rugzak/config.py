"""Configuration: defaults here, then instance/config.py, then RUGZAK_* environment variables."""
from __future__ import annotations

import os
import re
import secrets
from datetime import date
from pathlib import Path

from .environment import ConfigError, settings_from_environment


class Defaults:
    SQLALCHEMY_DATABASE_URI: str | None = None  # SQLite file in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    SECRET_KEY: str | None = None  # generated once per instance when not set
    BASE_URL = "http://localhost:5000"  # scheme and host people use: absolute links start so
    WTF_CSRF_TIME_LIMIT: int | None = None  # tokens live as long as the session
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False  # also Secure whenever the request came over HTTPS
    SESSION_IDLE_MINUTES = 60  # signed out after this long without a request
    SESSION_MAX_HOURS = 12  # and after this long in any case: sign in once per working day
    REMEMBER_COOKIE_HTTPONLY = True
    PER_PAGE = 20
    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    # argon2 parameters; RFC 9106's second recommended option
    ARGON2_TIME_COST = 3
    ARGON2_MEMORY_COST = 65536
    ARGON2_PARALLELISM = 4
    API_TITLE = "Rugzak API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    # far above what any form may hold (10,000 characters a text), so the form answers an
    # over-long text with its own message and keeps it; only beyond this comes the 413 page
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 5  # within the window below, then 429 until it passes
    SIGN_IN_MAX_FAILURES_PER_ADDRESS = 50  # one office may share an address
    SIGN_IN_FAILURE_WINDOW_MINUTES = 15
    # Two-step verification required for kernteam and beheerder; None: on, except under
    # TESTING or debug (rugzak/twostep)
    REQUIRE_MFA: bool | None = None
    TWO_STEP_MINUTES = 5  # between a right password and its code; then sign in again
    RATE_LIMIT_PER_MINUTE = 300  # API and search requests per user
    HTML_WRITES_PER_MINUTE = 60  # forms sent per user (saves, comments, uploads, clicks)
    FEED_REQUESTS_PER_MINUTE = 60  # Atom feed requests per feed token owner
    REVIEW_AFTER_MONTHS = 12  # "Klopt dit nog?": an experience unchanged this long asks review
    REPORTS_PER_MINUTE = 5  # reflection reports (page, PDF) and CSV exports per user
    REPORT_SLOTS = 1  # reports made at once by all workers together; keep below the workers
    PROXY_HOPS = 0  # reverse proxies in front whose X-Forwarded-For/-Proto are trusted
    SEARCH_INDEX_PATH: str | None = None  # default: <instance>/search
    SEARCH_LOCK_TIMEOUT = 2.0  # seconds the indexer waits for Whoosh's write lock
    SEARCH_POLL_SECONDS = 1.0  # the indexer also looks for changes from other processes
    SEARCH_WAIT_SECONDS = 2.0  # a search waits at most this long for a just-saved change
    SEARCH_LOG_FLUSH_SECONDS = 5.0  # searches are logged in batches; a crash loses at most these
    MUNICIPALITY: str | None = None  # its name, in the header and on the open pages (set it);
    # its look: <instance>/theme/
    ACCESSIBILITY_CONTACT: str | None = None  # e-mail address in the accessibility statement
    # Open sharing (rugzak/open): who publishes, under which licence, how often a reader may ask
    OPEN_LICENCE = "CC BY 4.0"
    OPEN_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
    OPEN_REQUESTS_PER_MINUTE = 120  # open pages, open data and feed, per client address
    # Following peers (rugzak/peers): a peer is untrusted input
    PEER_TIMEOUT_SECONDS = 10.0  # per request
    PEER_MAX_BYTES = 2 * 1024 * 1024  # per answer; more is refused as a whole
    PEER_MAX_PAGES = 50  # of 100 changes per sync; a peer with more continues next sync
    PEER_SYNC_MINUTES = 60  # the served app syncs every peer this often; 0: off
    PEER_FETCH_WAIT_SECONDS = 3.0  # "Nu ophalen" waits this long, then goes on in the background
    EARLIEST_DATE = "2000-01-01"  # no experience or agenda target date lies before this day
    # Retention (rugzak/privacy/retention.py): applied daily in the served app, at `rugzak init`
    # and by `rugzak retention`
    SEARCH_LOG_MONTHS = 12  # older searches are purged (daily, at init, `rugzak retention`)
    AUDIT_ADDRESS_DAYS = 90  # network addresses in older audit events are cleared
    ENDED_SESSION_DAYS = 30  # session rows ended (or unused) longer ago are deleted
    STAGED_IMPORT_HOURS = 24  # unconfirmed import uploads in instance/imports/ are deleted
    READ_NOTIFICATION_DAYS = 90  # notifications read longer ago are deleted
    RETENTION_CHECK_MINUTES = 60  # how often each worker looks whether today's run is done; 0: off
    # Single sign-on with OpenID Connect (rugzak/sso/); on when OIDC_ISSUER is set
    OIDC_ISSUER: str | None = None  # e.g. https://login.microsoftonline.com/<tenant>/v2.0
    OIDC_CLIENT_ID: str | None = None
    OIDC_CLIENT_SECRET: str | None = None
    OIDC_SCOPES = "openid profile email"
    OIDC_NAME_CLAIM = "name"
    OIDC_EMAIL_CLAIM = "email"
    OIDC_ROLE_CLAIM: str | None = None  # e.g. groups or roles: a list of strings (or one)
    OIDC_ROLE_MAP = ""  # "rugzak-kernteam=kernteam,rugzak-beheer=beheerder"
    OIDC_DEFAULT_ROLE = "medewerker"  # for a new account whose claim maps to no role
    OIDC_DEPARTMENT_CLAIM: str | None = None  # matched to a department's slug or name
    OIDC_PARTNER_CLAIM: str | None = None  # matched to a partner's slug or name: a partner
    OIDC_LINK_VERIFIED_EMAIL = False  # may a first sign-in take over a local account?
    LOCAL_PASSWORDS = True  # false: only the organisation account signs in
    SENT_MAIL_DAYS = 30  # sent (and failed) mails in the outbox are purged after this long
    # E-mail (rugzak/mail/): configured when MAIL_HOST is set; the password is never logged
    MAIL_HOST: str | None = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False  # STARTTLS before anything else is said
    MAIL_USERNAME: str | None = None  # log in when set
    MAIL_PASSWORD: str | None = None
    MAIL_FROM = "Rugzak <rugzak@localhost>"
    MAIL_POLL_SECONDS = 30  # each served worker sends due mail this often; 0: only the CLI
    MAIL_MAX_ATTEMPTS = 6  # then a mail is marked failed and shown on /beheer
    MAIL_DAILY_HOUR = 7  # daily and weekly (Monday) digests are due at this local hour
    PASSWORD_RESETS_PER_ADDRESS = 3  # reset links asked for one typed address, per hour
    PASSWORD_RESETS_PER_CLIENT = 20  # and from one network address, per hour


def load_config(app, overrides: dict | None = None) -> None:
    """Apply defaults, instance/config.py, RUGZAK_* variables and test overrides, in that order."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(settings_from_environment(os.environ, Defaults))
    if overrides:
        app.config.update(overrides)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        database = Path(app.instance_path) / "rugzak.sqlite"
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{database}"
    if app.config["REQUIRE_MFA"] is None:
        app.config["REQUIRE_MFA"] = not (app.testing or app.debug)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
    _check_earliest_date(app.config["EARLIEST_DATE"])
    app.config["BASE_URL"] = _checked_base_url(app.config["BASE_URL"])
    # A database error names the statement, never its values (experience text, e-mail
    # addresses), whatever engine options the installation sets.
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**app.config["SQLALCHEMY_ENGINE_OPTIONS"],
                                               "hide_parameters": True}


def _check_earliest_date(value) -> None:
    """Refused at start-up, not at the first page that uses it."""
    try:
        date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"EARLIEST_DATE moet een datum als jjjj-mm-dd zijn, niet {value!r}."
                          ) from None


def _checked_base_url(value) -> str:
    """http(s)://host[:port], without a path: url_for adds the application's own prefix."""
    base = str(value).rstrip("/")
    if not re.fullmatch(r"https?://[^/\s?#]+", base):
        raise ConfigError(f"BASE_URL moet een adres als https://rugzak.gemeente.nl zijn (zonder "
                          f"pad), niet {value!r}.")
    return base


def _instance_secret(instance: Path) -> str:
    """A random key kept in the instance folder, so sessions survive restarts and workers agree."""
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        draft = instance / f".secret_key.{os.getpid()}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
        try:  # link is atomic: when two workers race, the first key wins for both
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()

"""Every route of the app, for every role, against an explicit table of expected answers.

A route that is missing from the table fails the test: add it, with what each role should get.
Unsafe requests carry a valid CSRF token and a minimal body (see EXPECTED).
"""
from __future__ import annotations

import re

import pytest
from flask import current_app
from sqlalchemy import select

from rugzak.agenda.models import AgendaItem
from rugzak.agenda.services import AgendaInput, create_item
from rugzak.auth.models import ApiToken, User
from rugzak.bin.services import delete_experience
from rugzak.bundles.services import BundleInput, add_item, create_bundle
from rugzak.comments.services import add_comment
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.feeds.models import FeedToken
from rugzak.follows.services import follow
from rugzak.insight.services import SEARCHES
from rugzak.mail.unsubscribe import unsubscribe_token
from rugzak.open.services import publish_bundle, publish_experience
from rugzak.peers.models import ExternalExperience, Peer
from rugzak.peers.services import add_peer
from rugzak.reflection.models import ReflectionFormat
from rugzak.reflection.services import SessionInput, plan_session
from rugzak.synonyms.services import save_group
from rugzak.taxonomy.models import Condition, Goal
from rugzak.timeutil import utcnow

ROLES = ("anonymous", "partner", "medewerker", "kernteam", "beheerder")
EXP = "/ervaringen/<int:experience_id>"
API_EXP = "/api/v1/experiences/<int:experience_id>"
WIPE = "/beheer/gebruikers/<int:user_id>/wissen"
USER = "/beheer/gebruikers/<int:user_id>"
API_USER = "/api/v1/users/<int:user_id>"
BUNDLE = "/bundels/<int:bundle_id>"
BUNDLE_ITEM = BUNDLE + "/onderdelen/<int:item_id>"
API_BUNDLE = "/api/v1/bundles/<int:bundle_id>"
COMMENT = "/reacties/<int:comment_id>"
API_COMMENT = "/api/v1/comments/<int:comment_id>"
AGENDA = "/agenda/<int:item_id>"
API_AGENDA = "/api/v1/agenda/<int:item_id>"
LISTS = "/beheer/<any(doelen, randvoorwaarden, afdelingen, partners):key>"
API_LISTS = "/api/v1/taxonomy/<any(goals, conditions, departments, partners):kind>"
TAG = "/beheer/trefwoorden/<int:tag_id>"
API_TAG = "/api/v1/taxonomy/tags/<int:tag_id>"
SET_PASSWORD = "/wachtwoord-instellen"
SYNONYMS = "/beheer/synoniemen"
SYNONYM_GROUP = SYNONYMS + "/<int:group_id>"
SOURCES = "/beheer/bronnen"
SOURCE = SOURCES + "/<int:peer_id>"
FEED = "/feeds/<token>"
SESSION = "/reflectie/<int:session_id>"

# Statuses for (anonymous, partner, medewerker, kernteam, beheerder) that recur below.
PUBLIC = (200, 200, 200, 200, 200)
PAGE = (302, 200, 200, 200, 200)  # every signed-in user
API = (401, 200, 200, 200, 200)
FORM_422 = (302, 422, 422, 422, 422)  # every signed-in user may, the empty form is refused
API_422 = (401, 422, 422, 422, 422)
STAFF = (302, 403, 200, 200, 200)  # not for partners
STAFF_422 = (302, 403, 422, 422, 422)
API_STAFF_422 = (401, 403, 422, 422, 422)
KERNTEAM = (302, 403, 403, 200, 403)  # curation: the core team's work
KERNTEAM_302 = (302, 403, 403, 302, 403)
KERNTEAM_422 = (302, 403, 403, 422, 403)
API_KERNTEAM = (401, 403, 403, 200, 403)
API_KERNTEAM_204 = (401, 403, 403, 204, 403)
API_KERNTEAM_422 = (401, 403, 403, 422, 403)
CURATORS = (302, 403, 403, 200, 200)  # kernteam and beheerder
CURATORS_302 = (302, 403, 403, 302, 302)
CURATORS_422 = (302, 403, 403, 422, 422)
API_CURATORS = (401, 403, 403, 200, 200)
API_CURATORS_204 = (401, 403, 403, 204, 204)
API_CURATORS_422 = (401, 403, 403, 422, 422)
BEHEERDER = (302, 403, 403, 403, 200)
BEHEERDER_302 = (302, 403, 403, 403, 302)
BEHEERDER_422 = (302, 403, 403, 403, 422)
API_BEHEERDER = (401, 403, 403, 403, 200)
API_BEHEERDER_201 = (401, 403, 403, 403, 201)
API_BEHEERDER_422 = (401, 403, 403, 403, 422)
NOBODY = (302, 403, 403, 403, 403)  # someone else's comment
INVITED = (302, 404, 404, 200, 404)  # a session of others: the core team sees it, others 404
INVITED_403 = (302, 404, 404, 403, 404)  # the core team sees it but is not invited
INVITED_302 = (302, 404, 404, 302, 404)
INVITED_422 = (302, 404, 404, 422, 404)
API_INVITED = (401, 404, 404, 200, 404)
API_NOBODY = (401, 403, 403, 403, 403)

# (method, rule): statuses for (anonymous, partner, medewerker, kernteam, beheerder).
# The world (see the `world` fixture) belongs to others: an experience published "met partners"
# by a medewerker (everyone signed in may read it, only kernteam and its author may edit it), a
# comment on it by another medewerker, a bundle shared with partners that holds it, and an agenda
# item owned by that medewerker and shared with partners. Unsafe requests carry a valid CSRF
# token and an empty body, so who may act gets the "fix your input" answer (422) and changes
# nothing; routes that remove something act on an object of their own (OWN_OBJECT).
EXPECTED = {
    ("GET", "/"): PAGE,
    ("GET", "/account"): PAGE,
    ("GET", "/account/gegevens"): PAGE,
    ("POST", "/account/sessies/beeindigen"): (302, 302, 302, 302, 302),
    ("POST", "/account/tokens/<int:token_id>/intrekken"): (302, 404, 404, 404, 404),  # not yours
    ("POST", "/account/feedadres/maken"): (302, 302, 302, 302, 302),
    ("POST", "/account/feedadres/intrekken"): (302, 302, 302, 302, 302),
    # feeds: the feed token in the URL is the permission (the world's owner's), not the session
    ("GET", FEED + "/uitgelicht.atom"): PUBLIC,
    ("GET", FEED + "/nieuw.atom"): PUBLIC,
    ("GET", FEED + "/bundels/<int:bundle_id>.atom"): PUBLIC,
    ("GET", FEED + "/trefwoorden/<name>.atom"): PUBLIC,
    ("GET", FEED + "/zoeken.atom"): PUBLIC,
    ("GET", "/account/wachtwoord"): PAGE,
    ("POST", "/account/wachtwoord"): FORM_422,
    ("GET", "/account/tweestapsverificatie"): PAGE,
    ("POST", "/account/tweestapsverificatie"): FORM_422,  # no code
    ("POST", "/account/tweestapsverificatie/uitzetten"): FORM_422,  # not on
    ("POST", "/account/tweestapsverificatie/herstelcodes"): FORM_422,  # not on
    # toekomstagenda: staff see all, partners what is shared with them; partners do not start
    # or edit items; kernteam and beheerder edit every item, a medewerker only their own
    ("GET", "/agenda"): PAGE,
    ("GET", "/agenda/nieuw"): STAFF,
    ("POST", "/agenda/nieuw"): STAFF_422,
    ("GET", AGENDA): PAGE,
    ("GET", AGENDA + "/bewerken"): CURATORS,
    ("POST", AGENDA + "/bewerken"): CURATORS_422,
    ("POST", AGENDA + "/voortgang"): FORM_422,
    ("GET", "/api/v1/agenda"): API,
    ("POST", "/api/v1/agenda"): API_STAFF_422,
    ("GET", API_AGENDA): API,
    ("PUT", API_AGENDA): API_CURATORS_422,
    ("POST", API_AGENDA + "/updates"): API_422,
    # bundles: everyone reads what they may see; the core team keeps them
    ("GET", "/api/v1/bundles"): API,
    ("POST", "/api/v1/bundles"): API_KERNTEAM_422,
    ("GET", API_BUNDLE): API,
    ("PUT", API_BUNDLE): API_KERNTEAM_422,
    ("POST", API_BUNDLE + "/items"): API_KERNTEAM_422,
    ("PATCH", API_BUNDLE + "/items/<int:item_id>"): API_KERNTEAM,
    ("DELETE", API_BUNDLE + "/items/<int:item_id>"): API_KERNTEAM_204,
    ("GET", "/bundels"): PAGE,
    ("GET", "/bundels/nieuw"): KERNTEAM,
    ("POST", "/bundels/nieuw"): KERNTEAM_422,
    ("GET", BUNDLE): PAGE,
    ("GET", BUNDLE + "/bewerken"): KERNTEAM,
    ("POST", BUNDLE + "/bewerken"): KERNTEAM_422,
    ("GET", BUNDLE_ITEM + "/notitie"): KERNTEAM,
    ("POST", BUNDLE_ITEM + "/notitie"): KERNTEAM_302,  # an empty note is a valid note
    ("POST", BUNDLE_ITEM + "/omhoog"): KERNTEAM_302,
    ("POST", BUNDLE_ITEM + "/omlaag"): KERNTEAM_302,
    ("POST", BUNDLE_ITEM + "/verwijderen"): KERNTEAM_302,
    ("GET", "/bundels/toevoegen/<int:experience_id>"): KERNTEAM,
    ("POST", "/bundels/toevoegen/<int:experience_id>"): KERNTEAM_422,
    # comments: everyone who reads the experience comments; only the writer edits or deletes
    # (nobody here), the core team hides and restores
    ("GET", API_EXP + "/comments"): API,
    ("POST", API_EXP + "/comments"): API_422,
    ("PUT", API_COMMENT): API_NOBODY,
    ("DELETE", API_COMMENT): API_NOBODY,
    ("PUT", API_COMMENT + "/hidden"): API_KERNTEAM_422,
    ("DELETE", API_COMMENT + "/hidden"): API_KERNTEAM,
    ("POST", EXP + "/reacties"): FORM_422,
    ("GET", COMMENT + "/bewerken"): NOBODY,
    ("POST", COMMENT + "/bewerken"): NOBODY,
    ("POST", COMMENT + "/verwijderen"): NOBODY,
    ("GET", COMMENT + "/verbergen"): KERNTEAM,
    ("POST", COMMENT + "/verbergen"): KERNTEAM_422,
    ("POST", COMMENT + "/terugzetten"): KERNTEAM_302,
    # experiences
    ("GET", "/api/v1/experiences"): API,
    ("POST", "/api/v1/experiences"): API_422,
    ("GET", API_EXP): API,
    ("PUT", API_EXP): API_KERNTEAM,
    ("GET", "/ervaringen"): PAGE,
    ("GET", EXP): PAGE,
    ("GET", EXP + "/bewerken"): KERNTEAM,
    ("POST", EXP + "/bewerken"): KERNTEAM_302,
    ("GET", "/ervaringen/nieuw"): PAGE,
    ("POST", "/ervaringen/nieuw"): FORM_422,
    ("GET", "/mijn-ervaringen"): PAGE,
    # Snel vastleggen: anyone signed in starts one; its steps are for the author's own concept,
    # the core team is sent to the full form for someone else's published experience
    ("GET", "/ervaringen/snel"): PAGE,
    ("POST", "/ervaringen/snel"): FORM_422,
    ("GET", "/ervaringen/snel/<int:experience_id>/stap/<int:number>"): KERNTEAM_302,
    ("POST", "/ervaringen/snel/<int:experience_id>/stap/<int:number>"): KERNTEAM_302,
    # highlight and hide: the core team
    ("PUT", API_EXP + "/highlight"): API_KERNTEAM_422,
    ("DELETE", API_EXP + "/highlight"): API_KERNTEAM,
    ("PUT", API_EXP + "/hidden"): API_KERNTEAM_422,
    ("DELETE", API_EXP + "/hidden"): API_KERNTEAM,
    ("GET", EXP + "/uitlichten"): KERNTEAM,
    ("POST", EXP + "/uitlichten"): KERNTEAM_422,
    ("POST", EXP + "/uitlichten/weghalen"): KERNTEAM_302,
    ("GET", EXP + "/verbergen"): KERNTEAM,
    ("POST", EXP + "/verbergen"): KERNTEAM_422,
    ("POST", EXP + "/terugzetten"): KERNTEAM_302,
    # herkenbaar: everyone who reads it (not its author)
    ("GET", API_EXP + "/recognition"): API,
    ("PUT", API_EXP + "/recognition"): API,
    ("DELETE", API_EXP + "/recognition"): API,
    ("POST", EXP + "/herkenbaar"): (302, 302, 302, 302, 302),
    ("POST", EXP + "/herkenbaar/intrekken"): (302, 302, 302, 302, 302),
    # klopt dit nog?: its author answers (here someone else), the core team once they left;
    # the core team and the beheerder see what is overdue
    ("POST", EXP + "/klopt-nog"): NOBODY,
    ("POST", EXP + "/historisch"): NOBODY,
    ("POST", API_EXP + "/review"): API_NOBODY,
    ("GET", "/beheer/klopt-dit-nog"): CURATORS,
    # history: editors and the beheerder read it, editors restore a version
    ("GET", EXP + "/geschiedenis"): CURATORS,
    ("GET", EXP + "/geschiedenis/vergelijken"): CURATORS,
    ("POST", EXP + "/geschiedenis/<int:number>/terugzetten"): KERNTEAM_302,
    # bin: the author, kernteam and beheerder delete; kernteam and beheerder restore, and the
    # author what they deleted themselves (the binned one here is someone else's)
    ("DELETE", API_EXP): API_CURATORS_204,
    ("GET", EXP + "/verwijderen"): CURATORS,
    ("POST", EXP + "/verwijderen"): CURATORS_302,
    ("GET", "/prullenbak"): CURATORS,
    ("POST", "/prullenbak/<int:experience_id>/terugzetten"): CURATORS_302,
    # insight and reports: figures over what the viewer may see; the searches that found
    # nothing (the `key` used here) only for kernteam and beheerder
    ("GET", "/api/v1/insight"): API,
    ("GET", "/api/v1/insight/<key>"): API_CURATORS,
    ("GET", "/inzicht"): PAGE,
    ("GET", "/inzicht/<key>.csv"): CURATORS,
    ("GET", "/verslag/<source>"): PAGE,
    ("GET", "/verslag/<source>.pdf"): PAGE,
    ("GET", "/zoeken/export.csv"): PAGE,
    # reflection sessions: the core team plans and runs them and keeps the formats; the
    # session of the world has other participants, so only the core team sees it (not being
    # invited, it does not prepare or vote)
    ("GET", "/reflectie"): PAGE,
    ("GET", "/reflectie/nieuw"): KERNTEAM,
    ("POST", "/reflectie/nieuw"): KERNTEAM_422,
    ("GET", SESSION): INVITED,
    ("POST", SESSION + "/bespreken/<int:experience_id>"): INVITED_403,
    ("POST", SESSION + "/vragen"): INVITED_403,
    ("POST", SESSION + "/temperatuur"): INVITED_403,
    ("GET", SESSION + "/leiden"): INVITED,
    ("POST", SESSION + "/leiden/notitie"): INVITED_422,
    ("POST", SESSION + "/leiden/besluit"): INVITED_422,
    ("POST", SESSION + "/afsluiten"): INVITED_302,
    ("POST", SESSION + "/aanwezig"): INVITED_302,
    ("GET", SESSION + "/bewerken"): INVITED,
    ("POST", SESSION + "/bewerken"): INVITED_422,
    ("GET", SESSION + "/annuleren"): INVITED,
    ("POST", SESSION + "/annuleren"): INVITED_302,
    ("GET", SESSION + "/verslag"): INVITED,
    ("GET", SESSION + "/verslag.pdf"): INVITED,
    ("GET", "/reflectie/formats"): KERNTEAM,
    ("GET", "/api/v1/reflection/sessions"): API,
    ("GET", "/api/v1/reflection/sessions/<int:session_id>"): API_INVITED,
    ("POST", "/reflectie/formats"): KERNTEAM_422,
    ("GET", "/reflectie/formats/<int:format_id>"): KERNTEAM,
    ("POST", "/reflectie/formats/<int:format_id>"): KERNTEAM_422,
    # taxonomy: tags and goals by kernteam and beheerder (`key` doelen, `kind` goals here);
    # conditions, departments and partners by the beheerder (SECOND_VALUES)
    ("GET", "/api/v1/taxonomy"): API,
    ("GET", "/api/v1/taxonomy/tags"): API_CURATORS,
    ("PUT", API_TAG): API_CURATORS_422,
    ("POST", API_TAG + "/merge"): API_CURATORS_422,
    ("POST", API_LISTS): API_CURATORS_422,
    ("PUT", API_LISTS + "/<slug>"): API_CURATORS_422,
    ("GET", "/beheer/taxonomie"): CURATORS,
    ("GET", "/beheer/trefwoorden"): CURATORS,
    ("POST", "/beheer/trefwoorden"): CURATORS_422,
    ("GET", TAG): CURATORS,
    ("POST", TAG): CURATORS_422,
    ("GET", LISTS): CURATORS,
    ("GET", LISTS + "/nieuw"): CURATORS,
    ("POST", LISTS + "/nieuw"): CURATORS_422,
    ("GET", LISTS + "/<int:entry_id>"): CURATORS,
    ("POST", LISTS + "/<int:entry_id>"): CURATORS_422,
    ("GET", SYNONYMS): CURATORS,
    ("GET", "/andere-gemeenten"): PAGE,
    ("GET", "/andere-gemeenten/<int:external_id>"): PAGE,
    ("GET", SOURCES): CURATORS,  # the core team may look
    ("POST", SOURCES): BEHEERDER_422,
    ("GET", SOURCE + "/verwijderen"): BEHEERDER,
    ("POST", SOURCE + "/verwijderen"): BEHEERDER_302,
    ("POST", SOURCE + "/ophalen"): BEHEERDER_302,  # the peer does not answer: reported
    ("POST", SYNONYMS): CURATORS_422,
    ("GET", SYNONYM_GROUP): CURATORS,
    ("POST", SYNONYM_GROUP): CURATORS_422,
    ("POST", SYNONYM_GROUP + "/verwijderen"): CURATORS_302,
    ("GET", "/api/v1/synonyms"): API_CURATORS,
    ("POST", "/api/v1/synonyms"): API_CURATORS_422,
    ("PUT", "/api/v1/synonyms/<int:group_id>"): API_CURATORS_422,
    ("DELETE", "/api/v1/synonyms/<int:group_id>"): API_CURATORS_204,
    # users, audit log and erasure: the beheerder
    ("GET", "/api/v1/users"): API_BEHEERDER,
    ("POST", "/api/v1/users"): API_BEHEERDER_422,
    ("GET", API_USER): API_BEHEERDER,
    ("PUT", API_USER): API_BEHEERDER_422,
    ("POST", API_USER + "/deactivate"): API_BEHEERDER,
    ("POST", API_USER + "/reactivate"): API_BEHEERDER,
    ("POST", API_USER + "/password-link"): API_BEHEERDER_201,
    ("GET", "/beheer"): CURATORS,
    ("GET", "/beheer/gebruikers"): BEHEERDER,
    ("GET", "/beheer/gebruikers/nieuw"): BEHEERDER,
    ("POST", "/beheer/gebruikers/nieuw"): BEHEERDER_422,
    ("GET", USER): BEHEERDER,
    ("POST", USER): BEHEERDER_422,
    ("POST", USER + "/deactiveren"): BEHEERDER_302,
    ("POST", USER + "/tokens/<int:token_id>/intrekken"): BEHEERDER_302,
    ("POST", USER + "/heractiveren"): BEHEERDER_302,
    ("POST", USER + "/wachtwoordlink"): BEHEERDER,  # the page that shows the new link once
    ("GET", WIPE): BEHEERDER,
    ("POST", WIPE): BEHEERDER_422,
    ("GET", "/beheer/audit"): BEHEERDER,
    ("GET", "/beheer/datums"): BEHEERDER,
    # only an experience dated outside the range is found here; the world's is plausible
    ("POST", "/beheer/datums/<int:experience_id>"): (302, 403, 403, 403, 404),
    ("GET", "/beheer/import"): BEHEERDER,
    ("POST", "/beheer/import"): BEHEERDER_422,  # no file chosen
    ("POST", "/beheer/import/bevestigen"): BEHEERDER_302,  # nothing checked: back to the form
    ("GET", "/beheer/overdracht"): CURATORS,
    ("POST", "/beheer/overdracht"): CURATORS,  # the handover package (ZIP)
    ("GET", "/privacy-meldingen"): CURATORS,
    # follows and notifications: everyone signed in, each their own (the follow here is
    # someone else's)
    ("GET", "/meldingen"): PAGE,
    ("POST", "/meldingen/gelezen"): (302, 302, 302, 302, 302),  # nothing chosen: all of mine
    ("GET", "/meldingen/volgen"): PAGE,
    ("POST", "/meldingen/volgen"): FORM_422,
    ("POST", "/meldingen/volgen/<int:follow_id>/stoppen"): (302, 404, 404, 404, 404),
    ("GET", "/api/v1/notifications"): API,
    ("POST", "/api/v1/notifications/read"): API_422,
    ("GET", "/api/v1/follows"): API,
    ("POST", "/api/v1/follows"): API_422,
    ("DELETE", "/api/v1/follows/<int:follow_id>"): (401, 404, 404, 404, 404),
    # open sharing: the core team shares (after a preview) and withdraws; the world reads
    # without signing in (the world's experience and bundle are shared openly)
    ("GET", EXP + "/openbaar"): KERNTEAM,
    ("POST", EXP + "/openbaar"): KERNTEAM_302,
    ("POST", EXP + "/openbaar/intrekken"): KERNTEAM_302,
    ("GET", BUNDLE + "/openbaar"): KERNTEAM,
    ("POST", BUNDLE + "/openbaar"): KERNTEAM_302,
    ("POST", BUNDLE + "/openbaar/intrekken"): KERNTEAM_302,
    ("PUT", API_EXP + "/open"): API_KERNTEAM,
    ("DELETE", API_EXP + "/open"): API_KERNTEAM,
    ("PUT", API_BUNDLE + "/open"): API_KERNTEAM,
    ("DELETE", API_BUNDLE + "/open"): API_KERNTEAM,
    ("GET", "/open"): PUBLIC,
    ("GET", "/open/<int:open_id>"): PUBLIC,
    ("GET", "/open/bundels/<int:open_id>"): PUBLIC,
    ("GET", "/open/feed.atom"): PUBLIC,
    ("GET", "/open/catalogus.jsonld"): PUBLIC,
    ("GET", "/open/api/v1/experiences"): PUBLIC,
    ("GET", "/open/api/v1/bundles"): PUBLIC,
    # the rest
    ("GET", "/api/v1/openapi.json"): API,
    ("GET", "/api/v1/search"): API,
    ("GET", "/favicon.ico"): PUBLIC,
    ("GET", "/thema/tokens.css"): (404,) * 5,  # public; 404 until the instance has a theme
    ("GET", "/thema/logo"): (404,) * 5,
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/inloggen"): (200, 302, 302, 302, 302),
    ("POST", "/inloggen"): (401, 302, 302, 302, 302),
    # organisation account (tests/test_oidc.py): no such pages without OIDC_ISSUER
    ("GET", "/inloggen/organisatie"): (404, 404, 404, 404, 404),
    ("GET", "/inloggen/organisatie/terug"): (404, 404, 404, 404, 404),
    # the second step: without a right password first back to /inloggen; signed in: home
    ("GET", "/inloggen/code"): (302, 302, 302, 302, 302),
    ("POST", "/inloggen/code"): (302, 302, 302, 302, 302),
    ("GET", "/static/<path:filename>"): PUBLIC,
    ("GET", "/taal"): PAGE,
    ("POST", "/taal"): FORM_422,
    ("GET", "/toegankelijkheid"): PUBLIC,
    ("GET", "/uitleg"): PAGE,
    ("GET", "/wachtwoord-vergeten"): (404, 404, 404, 404, 404),  # only when mail is configured
    ("POST", "/wachtwoord-vergeten"): (404, 404, 404, 404, 404),
    ("GET", "/e-mail/afmelden/<token>"): PUBLIC,  # the signed token is the permission
    ("POST", "/e-mail/afmelden/<token>"): PUBLIC,
    ("POST", "/account/e-mail"): FORM_422,
    ("GET", SET_PASSWORD): PUBLIC,  # the one-time link is the permission
    ("POST", SET_PASSWORD): (422, 422, 422, 422, 422),
    ("POST", "/uitloggen"): (302, 302, 302, 302, 302),
    ("GET", "/zoeken"): PAGE,
    ("POST", "/api/v1/writing/check"): API_422,  # advice for anyone who writes; needs texts
}

# Where the answer depends on a variable's value, the other values too: (method, URL), with the
# world's names in the URL.
SECOND_VALUES = {
    ("GET", "/beheer/randvoorwaarden"): BEHEERDER,
    ("GET", "/beheer/afdelingen/nieuw"): BEHEERDER,
    ("POST", "/beheer/partners/nieuw"): BEHEERDER_422,
    ("GET", "/beheer/randvoorwaarden/<condition_id>"): BEHEERDER,
    ("POST", "/beheer/randvoorwaarden/<condition_id>"): BEHEERDER_422,
    ("POST", "/api/v1/taxonomy/departments"): API_BEHEERDER_422,
    ("PUT", "/api/v1/taxonomy/conditions/<condition_slug>"): API_BEHEERDER_422,
    ("GET", "/inzicht/trefwoorden.csv"): PAGE,
    ("GET", "/api/v1/insight/trefwoorden"): API,
    ("GET", "/verslag/periode"): PAGE,
}

# Edit forms keep what is not sent (WTForms fills them from the object): empty a required field.
EMPTIED = {
    BUNDLE + "/bewerken": {"title": ""},
    TAG: {"name": ""},
    LISTS + "/<int:entry_id>": {"name": ""},
    SYNONYM_GROUP: {"members": ""},
    "/beheer/randvoorwaarden/<condition_id>": {"name": ""},
    USER: {"role": ""},
    "/reflectie/formats/<int:format_id>": {"name": ""},
}

# Routes that remove or change their object get one of their own: {name in the rule: world key}.
OWN_OBJECT = {
    ("POST", SYNONYM_GROUP + "/verwijderen"): {"group_id": "spare_group_id"},
    ("POST", SOURCE + "/verwijderen"): {"peer_id": "spare_peer_id"},
    ("DELETE", "/api/v1/synonyms/<int:group_id>"): {"group_id": "other_spare_group_id"},
    ("DELETE", API_EXP): {"experience_id": "spare_experience_id"},
    ("POST", EXP + "/verwijderen"): {"experience_id": "other_spare_experience_id"},
    ("POST", "/prullenbak/<int:experience_id>/terugzetten"): {
        "experience_id": "binned_experience_id"},
    ("DELETE", API_BUNDLE + "/items/<int:item_id>"): {"item_id": "spare_item_id"},
    ("POST", BUNDLE_ITEM + "/verwijderen"): {"item_id": "other_spare_item_id"},
    ("POST", API_USER + "/deactivate"): {"user_id": "spare_user_id"},
    ("POST", USER + "/deactiveren"): {"user_id": "other_spare_user_id"},
    ("POST", SESSION + "/afsluiten"): {"session_id": "spare_session_id"},
    ("POST", SESSION + "/annuleren"): {"session_id": "other_spare_session_id"},
    ("DELETE", API_EXP + "/open"): {"experience_id": "other_spare_experience_id"},
    ("POST", EXP + "/openbaar/intrekken"): {"experience_id": "other_spare_experience_id"},
    ("DELETE", API_BUNDLE + "/open"): {"bundle_id": "spare_bundle_id"},
    ("POST", BUNDLE + "/openbaar/intrekken"): {"bundle_id": "spare_bundle_id"},
}
SIGN_OUT = ("POST", "/uitloggen")  # walked last: it ends the session


def routes(app) -> list[tuple[str, str]]:
    found = {(method, rule.rule) for rule in app.url_map.iter_rules()
             for method in rule.methods - {"HEAD", "OPTIONS"}}
    return sorted(found, key=lambda route: (route == SIGN_OUT, route))


def test_every_route_is_in_the_table(app):
    missing = [f"{method} {rule}" for method, rule in routes(app) if (method, rule) not in EXPECTED]
    assert not missing, ("Routes without expected answers in EXPECTED (add them, with the "
                         "status for each role): " + ", ".join(missing))
    stale = [f"{m} {r}" for m, r in EXPECTED if (m, r) not in set(routes(app))]
    assert not stale, "EXPECTED lists routes the app no longer has: " + ", ".join(stale)


@pytest.fixture
def world(app, make_user, make_experience):
    return objects_of_others(app, make_user, make_experience)


def objects_of_others(app, make_user, make_experience) -> dict:
    """Objects of other people for every variable in the URL map (see EXPECTED)."""
    owner = make_user("medewerker")
    commenter = make_user("medewerker")

    def shared(title):
        return make_experience(owner, visibility="met_partners", title=title, tags=["wijkteam"],
                               open_consent=True)

    experience = shared("Gedeelde les")
    values = {"experience_id": experience.id, "user_id": make_user("medewerker").id,
              "spare_user_id": make_user("medewerker").id,
              "other_spare_user_id": make_user("medewerker").id,
              "spare_experience_id": shared("Voor de prullenbak").id,
              "other_spare_experience_id": shared("Ook voor de prullenbak").id,
              "binned_experience_id": shared("In de prullenbak").id,
              "filename": "rugzak.css", "number": 1, "source": "zoekopdracht",
              "key": SEARCHES, "kind": "goals"}
    keeper_id = make_user("kernteam").id
    with app.app_context():
        values |= _objects_of(db.session.get(User, owner.id), db.session.get(User, commenter.id),
                              values, db.session.get(User, keeper_id))
    return values


def _objects_of(owner, commenter, values: dict, keeper) -> dict:
    """The bundle, comment, agenda item, binned experience, tag and taxonomy rows."""
    experience = db.session.get(Experience, values["experience_id"])
    bundle = create_bundle(keeper, BundleInput(title="Regie", visibility="met_partners"))
    items = [add_item(keeper, bundle, db.session.get(Experience, values[name]), "")
             for name in ("experience_id", "spare_experience_id", "other_spare_experience_id")]
    comment = add_comment(commenter, experience, "Herkenbaar, bij ons ook.")
    agenda_item = create_item(owner, AgendaInput(
        title="Vaste overdracht", description="Samen afspreken.", owner=f"user:{owner.id}",
        shared_with_partners=True, experience_ids=[experience.id]))
    delete_experience(owner, db.session.get(Experience, values["binned_experience_id"]))
    followed = follow(commenter, "experience", str(experience.id))
    open_experience = publish_experience(keeper, experience)
    open_bundle = publish_bundle(keeper, bundle)
    spare_bundle = create_bundle(keeper, BundleInput(title="Reserve", visibility="met_partners"))
    token, _ = ApiToken.issue(db.session.get(User, values["user_id"]))
    db.session.add(token)
    feed_token = FeedToken(user_id=owner.id)
    feed_token.renew(current_app.config["SECRET_KEY"])
    db.session.add(feed_token)
    db.session.commit()
    peers = [add_peer(None, f"http://127.0.0.{number}:9", name)  # port 9: nobody answers
             for number, name in ((1, "Gemeente Leiden"), (2, "Gemeente Delft"))]
    groups = [save_group(keeper, None, members) for members in (
        ["mantelzorger", "naaste"], ["geld", "budget"], ["buurt", "wijk"])]
    goal = db.session.scalars(select(Goal).order_by(Goal.id)).first()
    condition = db.session.scalars(select(Condition).order_by(Condition.id)).first()
    formats = db.session.scalars(select(ReflectionFormat).order_by(ReflectionFormat.id)).all()
    sessions = [plan_session(keeper, SessionInput(
        title="Intervisie", held_on=experience.occurred_on, place="Stadhuis",
        format_id=formats[0].id, facilitator_id=keeper.id, participant_ids=[owner.id],
        material_kind="bundel", bundle_id=bundle.id)) for _ in range(3)]
    return {"session_id": sessions[0].id, "spare_session_id": sessions[1].id,
            "other_spare_session_id": sessions[2].id,
            "format_id": formats[0].id, "bundle_id": bundle.id, "item_id": items[0].id,
            "spare_item_id": items[1].id,
            "other_spare_item_id": items[2].id, "comment_id": comment.id,
            "open_id": open_experience.id, "open_bundle_id": open_bundle.id,
            "spare_bundle_id": spare_bundle.id,
            "agenda_item_id": agenda_item.id, "tag_id": experience.tags[0].id,
            "entry_id": goal.id, "slug": goal.slug, "condition_id": condition.id,
            "condition_slug": condition.slug, "token_id": token.id, "group_id": groups[0].id,
            "spare_group_id": groups[1].id, "peer_id": peers[0].id,
            "spare_peer_id": peers[1].id, "external_id": _copy_of(peers[0]).id,
            "other_spare_group_id": groups[2].id,
            "token": unsubscribe_token(values["user_id"], ["comment"]),
            "follow_id": followed.id,
            "feed_token": feed_token.token(current_app.config["SECRET_KEY"]),
            "name": experience.tags[0].name}


def _copy_of(peer: Peer) -> ExternalExperience:
    copy = ExternalExperience(
        peer=peer, remote_id=1, url=f"{peer.url}/open/1", title="Warme overdracht",
        situation="Overleg.", lesson="Afspreken.", kind="les", author="een medewerker",
        facts={}, updated_at=utcnow())
    db.session.add(copy)
    db.session.commit()
    return copy


def values_for(method: str, rule: str, world: dict) -> dict:
    values = dict(world)
    if rule.startswith("/feeds/"):
        values["token"] = world["feed_token"]
    if rule.startswith(("/agenda/", "/api/v1/agenda/")):
        values["item_id"] = world["agenda_item_id"]
    if rule.startswith(LISTS):
        values["key"] = "doelen"
    if rule.startswith("/open/bundels/"):
        values["open_id"] = world["open_bundle_id"]
    values |= {name: world[key] for name, key in OWN_OBJECT.get((method, rule), {}).items()}
    return values


def url_for_rule(rule: str, values: dict) -> str:
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", lambda m: str(values[m.group(1)]), rule)


def page_url(rule: str, values: dict) -> str:
    """The URL a GET of `rule` asks for; searches get a query."""
    return url_for_rule(rule, values) + ("?q=les" if "search" in rule or "zoeken" in rule else "")


def current_version(app, model, row_id: int) -> int:
    with app.app_context():
        return db.session.get(model, row_id).version


def body_for(app, method: str, rule: str, values: dict) -> dict:
    if rule in (EXP + "/bewerken", EXP + "/geschiedenis/<int:number>/terugzetten"):
        return {"version": str(current_version(app, Experience, values["experience_id"]))}
    if method == "PUT" and rule == API_EXP:
        return {"version": current_version(app, Experience, values["experience_id"])}
    if method == "POST" and rule == AGENDA + "/bewerken":
        return {"version": str(current_version(app, AgendaItem, values["item_id"]))}
    return dict(EMPTIED.get(rule, {})) if method == "POST" else {}


def call(app, client, method: str, rule: str, values: dict):
    if method == "GET":
        return client.get(page_url(rule, values))
    url = url_for_rule(rule, values)
    token = client.csrf_token("/inloggen" if rule == "/inloggen" else "/")
    body = body_for(app, method, rule, values)
    if rule.startswith("/api/"):
        return client.open(url, method=method, json=body, headers={"X-CSRFToken": token})
    return client.open(url, method=method, data={**body, "csrf_token": token})


@pytest.fixture
def settings() -> dict:
    """Every route in a row is more than a person sends in a minute: no throttling here."""
    return {"HTML_WRITES_PER_MINUTE": 10_000, "RATE_LIMIT_PER_MINUTE": 10_000,
            "REPORTS_PER_MINUTE": 10_000}


@pytest.mark.parametrize("role", ROLES)
def test_authorisation_matrix(app, make_user, world, role):
    client = app.test_client()
    if role != "anonymous":
        client.login(make_user(role).email)
    column = ROLES.index(role)
    cases = [(method, rule, values_for(method, rule, world), EXPECTED[(method, rule)])
             for method, rule in routes(app)]
    cases[-1:-1] = [(method, url, world, statuses)
                    for (method, url), statuses in SECOND_VALUES.items()]
    wrong = []
    for method, rule, values, statuses in cases:
        response = call(app, client, method, rule, values)
        if response.status_code != statuses[column]:
            wrong.append(f"{method} {rule}: {response.status_code}, expected {statuses[column]}")
    assert not wrong, f"{role}: " + "; ".join(wrong)


def test_every_unsafe_route_refuses_a_missing_or_wrong_csrf_token(app, make_user, world):
    client = app.test_client()
    client.login(make_user("beheerder").email)
    anonymous = app.test_client()
    unsafe = [(m, r) for m, r in routes(app) if m not in ("GET", "HEAD", "OPTIONS")]
    assert len(unsafe) >= 8
    for method, rule in unsafe:
        values = values_for(method, rule, world)
        url = url_for_rule(rule, values)
        who = anonymous if rule in ("/inloggen", SET_PASSWORD) else client
        body = body_for(app, method, rule, values)
        for token in (None, "niet-het-goede-token"):
            if rule.startswith("/api/"):
                headers = {"X-CSRFToken": token} if token else {}
                response = who.open(url, method=method, json=body, headers=headers)
                assert response.status_code == 400, (method, rule, token)
                assert "formulier is verlopen" in response.json["error"]
            else:
                data = {**body, **({"csrf_token": token} if token else {})}
                response = who.open(url, method=method, data=data)
                assert response.status_code == 400, (method, rule, token)
                assert "formulier is verlopen" in response.get_data(as_text=True)
    assert client.get("/ervaringen").status_code == 200  # still signed in: sign-out refused too

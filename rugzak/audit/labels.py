"""Dutch names for audit actions and outcomes."""
from flask_babel import lazy_gettext as _l

from .models import Action, Outcome

ACTION_LABELS = {
    Action.SIGN_IN: _l("Ingelogd"),
    Action.SIGN_IN_FAILED: _l("Inloggen mislukt"),
    Action.SIGN_OUT: _l("Uitgelogd"),
    Action.USER_CREATED: _l("Gebruiker aangemaakt"),
    Action.USER_CHANGED: _l("Gebruiker gewijzigd"),
    Action.USER_DEACTIVATED: _l("Gebruiker gedeactiveerd"),
    Action.USER_REACTIVATED: _l("Gebruiker weer actief"),
    Action.PASSWORD_CHANGED: _l("Wachtwoord gewijzigd"),
    Action.PASSWORD_LINK_CREATED: _l("Wachtwoordlink gemaakt"),
    Action.API_TOKEN_CREATED: _l("API-token gemaakt"),
    Action.API_TOKEN_REVOKED: _l("API-token ingetrokken"),
    Action.USER_ERASED: _l("Gebruiker gewist"),
    Action.EXPERIENCE_HIGHLIGHTED: _l("Ervaring uitgelicht"),
    Action.EXPERIENCE_UNHIGHLIGHTED: _l("Uitlichten beëindigd"),
    Action.EXPERIENCE_HIDDEN: _l("Ervaring verborgen"),
    Action.EXPERIENCE_UNHIDDEN: _l("Ervaring weer zichtbaar"),
    Action.EXPERIENCE_DELETED: _l("Ervaring verwijderd"),
    Action.EXPERIENCE_UNDELETED: _l("Ervaring teruggezet uit de prullenbak"),
    Action.REVISION_RESTORED: _l("Eerdere versie teruggezet"),
    Action.COMMENT_HIDDEN: _l("Reactie verborgen"),
    Action.TAXONOMY_CHANGED: _l("Taxonomie gewijzigd"),
    Action.EXPORT: _l("Export gemaakt"),
    Action.IMPORT: _l("Import uitgevoerd"),
    Action.BACKUP: _l("Back-up gemaakt"),
    Action.RESTORE: _l("Back-up teruggezet"),
    Action.PERSONAL_DATA_DOWNLOADED: _l("Persoonsgegevens gedownload"),
    Action.PRIVACY_FINDING_CONFIRMED: _l("Privacymelding bevestigd"),
    Action.DATE_CORRECTED: _l("Datum verbeterd"),
    Action.OPEN_PUBLISHED: _l("Openbaar gedeeld"),
    Action.OPEN_WITHDRAWN: _l("Openbaar delen ingetrokken"),
    Action.PEER_ADDED: _l("Bron toegevoegd"),
    Action.PEER_REMOVED: _l("Bron verwijderd"),
    Action.REFUSED_SIGN_IN: _l("Geweigerd: niet ingelogd of ongeldige API-token"),
    Action.REFUSED_FORBIDDEN: _l("Geweigerd: geen toestemming"),
    Action.REFUSED_NOT_FOUND: _l("Geweigerd: niet gevonden of geen toegang"),
    Action.REFUSED_CSRF: _l("Geweigerd: formulier zonder geldig CSRF-token"),
    Action.REFUSED_RATE: _l("Geweigerd: te veel verzoeken"),
}
OUTCOME_LABELS = {
    Outcome.SUCCESS: _l("Gelukt"),
    Outcome.DENIED: _l("Geweigerd"),
    Outcome.FAILED: _l("Mislukt"),
}
OBJECT_LABELS = {"experiences": _l("ervaring"), "users": _l("gebruiker"),
                 "synonym_groups": _l("synoniemengroep"), "bundles": _l("bundel"),
                 "peers": _l("bron")}

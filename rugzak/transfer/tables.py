"""What an export holds: one entry per table, in an order that respects foreign keys.

A feature that adds a table adds one `TableExport` here, or names it in `LEFT_OUT` with the
reason; export, import and the README of the export follow from it.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table

from ..agenda.models import (
    AgendaChange,
    AgendaItem,
    AgendaUpdate,
    agenda_item_experiences,
)
from ..audit.models import AuditEvent
from ..auth.models import User
from ..bundles.models import Bundle, BundleItem
from ..capture.models import CaptureProgress
from ..comments.models import Comment
from ..experiences.models import (
    Experience,
    ExperienceCondition,
    experience_departments,
    experience_goals,
    experience_partners,
    experience_tags,
)
from ..follows.models import Follow
from ..home.models import HomeVisit
from ..mail.models import MailPreference
from ..open.models import OpenBundle, OpenExperience
from ..peers.models import Peer
from ..privacy.models import PrivacyFinding
from ..recognition.models import Recognition
from ..reflection.models import (
    ReflectionFormat,
    ReflectionMark,
    ReflectionNote,
    ReflectionQuestion,
    ReflectionSession,
    TemperatureTally,
    TemperatureVote,
    reflection_attendance,
    reflection_decisions,
    reflection_participants,
)
from ..revisions.models import ExperienceRevision
from ..search.log import SearchLog
from ..sso.models import OidcIdentity
from ..synonyms.models import SynonymGroup
from ..taxonomy.models import Condition, Department, Goal, Partner, Tag


@dataclass(frozen=True)
class TableExport:
    table: Table
    description: str
    leave_out: tuple[str, ...] = ()  # columns that never leave the database

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def columns(self) -> list:
        return [column for column in self.table.columns if column.name not in self.leave_out]


TABLES: list[TableExport] = [
    TableExport(Department.__table__, "Afdelingen van de gemeente."),
    TableExport(Partner.__table__, "Partnerorganisaties."),
    TableExport(Condition.__table__, "De randvoorwaarden voor samenwerking."),
    TableExport(Goal.__table__, "De transformatiedoelen."),
    TableExport(Tag.__table__, "Trefwoorden."),
    TableExport(User.__table__, "Gebruikers, zonder wachtwoord: na een import stelt iedereen "
                "een nieuw wachtwoord in.", leave_out=("password_hash",)),
    TableExport(OidcIdentity.__table__, "Welk organisatieaccount (uitgever en subject) bij "
                "welke gebruiker hoort."),
    TableExport(MailPreference.__table__, "Hoe vaak iemand welke soort e-mail wil krijgen."),
    TableExport(Follow.__table__, "Wat iemand volgt: soort en doel (trefwoord, randvoorwaarde, "
                "zoekopdracht, ...)."),
    TableExport(Experience.__table__, "Ervaringen (STARR), met status, zichtbaarheid, "
                "uitgelicht (highlighted_at, highlight_note), verborgen (hidden_at, "
                "hidden_reason), het aantal keer herkenbaar en prullenbak (deleted_at)."),
    TableExport(experience_departments, "Welke afdelingen bij een ervaring betrokken waren."),
    TableExport(experience_partners, "Welke partners bij een ervaring betrokken waren."),
    TableExport(experience_goals, "Aan welke transformatiedoelen een ervaring bijdraagt."),
    TableExport(experience_tags, "Trefwoorden per ervaring."),
    TableExport(ExperienceCondition.__table__, "Randvoorwaarden per ervaring: hielp of "
                "ontbrak."),
    TableExport(CaptureProgress.__table__, "Bij welke stap van Snel vastleggen een concept "
                "werd achtergelaten, om daar verder te gaan."),
    TableExport(ExperienceRevision.__table__, "Alle bewaarde versies van elke ervaring; "
                "snapshot bevat de inhoud van die versie."),
    TableExport(OpenExperience.__table__, "Wat openbaar gedeeld is of was (open id, gedeeld, "
                "bijgewerkt, ingetrokken): abonnees kennen de open ids."),
    TableExport(Comment.__table__, "Reacties (meedenken) onder ervaringen, ook bewerkte, "
                "verborgen (met reden) en verwijderde."),
    TableExport(Recognition.__table__, "Wie welke ervaring herkenbaar vond, en wanneer."),
    TableExport(Bundle.__table__, "Bundels van ervaringen, met inleiding en zichtbaarheid."),
    TableExport(BundleItem.__table__, "De ervaringen in elke bundel: volgorde (position) en "
                "notitie."),
    TableExport(OpenBundle.__table__, "Welke bundels openbaar gedeeld zijn of waren."),
    TableExport(Peer.__table__, "Rugzakken van andere gemeenten die deze gemeente volgt."),
    TableExport(AgendaItem.__table__, "De toekomstagenda: agendapunten met eigenaar (een "
                "persoon, afdeling of partner), status en streefdatum."),
    TableExport(agenda_item_experiences, "Uit welke ervaringen een agendapunt voortkwam."),
    TableExport(AgendaUpdate.__table__, "Voortgangsberichten bij agendapunten."),
    TableExport(AgendaChange.__table__, "De geschiedenis van elk agendapunt: wie wat wanneer "
                "veranderde."),
    TableExport(ReflectionFormat.__table__, "Werkvormen van reflectiesessies: de vragen (één "
                "per regel) en of de randvoorwaarden één voor één langskomen."),
    TableExport(ReflectionSession.__table__, "Reflectiesessies: datum, plaats, werkvorm, "
                "gespreksleider en het materiaal (een bundel, een zoekopdracht of een periode)."),
    TableExport(reflection_participants, "Wie voor welke reflectiesessie is uitgenodigd."),
    TableExport(reflection_attendance, "Wie bij een reflectiesessie aanwezig was, aangevinkt "
                "door de gespreksleider."),
    TableExport(reflection_decisions, "Welke agendapunten in een reflectiesessie besloten "
                "zijn."),
    TableExport(ReflectionMark.__table__, "Welke ervaringen een deelnemer wil bespreken."),
    TableExport(ReflectionQuestion.__table__, "Vragen die deelnemers vooraf inbrachten."),
    TableExport(ReflectionNote.__table__, "Notities en inzichten uit reflectiesessies, per "
                "onderdeel (step_key)."),
    TableExport(TemperatureVote.__table__, "Wie de temperatuurcheck van een randvoorwaarde "
                "beantwoordde, zonder de score."),
    TableExport(TemperatureTally.__table__, "De temperatuurcheck: per sessie, randvoorwaarde "
                "en score (1-5) hoe vaak die gegeven is, zonder wie."),
    TableExport(PrivacyFinding.__table__, "Bevestigde meldingen van de controle op "
                "persoonsgegevens van inwoners (gemaskeerd). De fingerprint hangt af van de "
                "SECRET_KEY: met een andere sleutel wordt een melding opnieuw voorgelegd."),
    TableExport(HomeVisit.__table__, "Wanneer iemand de startpagina het laatst opende (voor "
                "'sinds je vorige bezoek')."),
    TableExport(AuditEvent.__table__, "Het auditlog: wie deed wat, wanneer (UTC)."),
    TableExport(SearchLog.__table__, "Zoekvragen en hoeveel ze vonden, zonder wie zocht."),
    TableExport(SynonymGroup.__table__, "Synoniemen die zoeken toepast: per groep de woorden "
                "en zinsdelen (terms, één per regel), wie ze toevoegde en wie ze het laatst "
                "wijzigde."),
]

# Tables that never leave the database, and why (the README of the export says so).
LEFT_OUT: dict[str, str] = {
    "api_tokens": "API-tokens zijn geheim; maak na een import nieuwe aan.",
    "user_sessions": "sessies zijn geheim; na een import meldt iedereen zich opnieuw aan.",
    "password_links": "eenmalige links om een wachtwoord in te stellen zijn geheim; maak "
                      "na een import nieuwe aan.",
    "search_changes": "het wijzigingslog van de zoekindex; een import bouwt de index opnieuw "
                      "op.",
    "rate_counters": "tellers tegen te veel pogingen; die gelden maar even.",
    "idempotent_answers": "antwoorden voor een herhaald API-verzoek (Idempotency-Key); die "
                          "gelden maar een dag.",
    "two_step_secrets": "sleutels voor tweestapsverificatie zijn geheim; na een import stelt "
                        "ieder die opnieuw in.",
    "recovery_codes": "herstelcodes voor tweestapsverificatie zijn geheim.",
    "external_experiences": "kopieën van wat andere gemeenten openbaar delen; de volgende "
                            "`rugzak peers sync` haalt ze opnieuw op.",
    "feed_tokens": "feedadressen zijn geheim; maak na een import een nieuw op de accountpagina.",
    "notifications": "meldingen gelden voor het moment; na een import begint ieder zonder.",
    "mail_outbox": "e-mail in de uitgaande post bevat eenmalige links en gaat voorbij.",
    "mail_digest_entries": "wat nog in een dagelijkse of wekelijkse samenvatting moest; dat "
                           "gaat voorbij.",
}

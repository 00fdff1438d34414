"""Reflectiesessies through HTTP: plan, prepare, run, the temperature check, the summary."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from rugzak.agenda.models import AgendaItem
from rugzak.audit.models import AuditEvent
from rugzak.auth.models import User
from rugzak.bundles.services import BundleInput, add_item, create_bundle
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.mail.models import OutboxMail
from rugzak.privacy.models import PrivacyFinding
from rugzak.reflection.models import (
    ReflectionFormat,
    ReflectionMark,
    ReflectionQuestion,
    ReflectionSession,
    TemperatureTally,
    TemperatureVote,
)
from rugzak.taxonomy.models import Condition

from .test_reports import pdf_text, structure_roles


@pytest.fixture
def people(make_user):
    return {
        "kern": make_user("kernteam", name="Kees Kern"),
        "mira": make_user("medewerker", name="Mira Medewerker"),
        "cor": make_user("medewerker", name="Cor Collega", department="jeugd-en-onderwijs"),
        "pim": make_user("partner", name="Pim Partner", partner="uwv"),
        "olga": make_user("medewerker", name="Olga Buiten"),
        "beheer": make_user("beheerder", name="Bea Beheer"),
    }


@pytest.fixture
def world(app, people, make_experience):
    shared = make_experience(people["mira"], title="Samen aan de keukentafel",
                             visibility="met_partners", lesson="Eén plan met de partner.")
    internal = make_experience(people["cor"], title="Interne knoop over budgetten",
                               visibility="intern")
    with app.app_context():
        keeper = db.session.get(User, people["kern"].id)
        bundle = create_bundle(keeper, BundleInput(title="Regie in de wijk",
                                                   visibility="met_partners"))
        for ref in (shared, internal):
            add_item(keeper, bundle, db.session.get(Experience, ref.id), "")
        intervisie = db.session.scalar(select(ReflectionFormat.id).filter_by(slug="intervisie"))
        return {"shared": shared.id, "internal": internal.id, "bundle": bundle.id,
                "format": intervisie}


def plan_data(people, world, *invited, **values) -> dict:
    data = {"title": "Intervisie regie", "held_on": "2030-03-14", "place": "Stadhuis, zaal 2",
            "format_id": str(world["format"]), "facilitator_id": str(people["kern"].id),
            "participant_ids": [str(people[name].id) for name in invited],
            "material_kind": "bundel", "bundle_id": str(world["bundle"]), "query": "",
            "period_start": "", "period_end": ""}
    return data | values


def plan(client, people, world, *invited, **values) -> int:
    client.login(people["kern"].email)
    response = client.submit("/reflectie/nieuw", plan_data(people, world, *invited, **values))
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    client.logout()
    return int(response.headers["Location"].rsplit("/", 1)[1])


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


def conditions(app) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(select(Condition.id).where(Condition.active.is_(True))
                                       .order_by(Condition.position)))


def test_formats_are_seeded_and_the_core_team_keeps_them(client, people):
    client.login(people["kern"].email)
    listing = page(client, "/reflectie/formats")
    for text in ("Intervisie", "Wat herkennen we?", "Successen benoemen",
                 "Hoe herhalen we dit?", "Randvoorwaarden-check", "per randvoorwaarde"):
        assert text in listing, text
    refused = client.submit("/reflectie/formats", {"name": "Terugblik", "questions": " "})
    assert refused.status_code == 422
    body = refused.get_data(as_text=True)
    assert "Schrijf minstens één vraag, één per regel." in body and 'value="Terugblik"' in body
    added = client.submit("/reflectie/formats", {"name": "Terugblik",
                                                 "questions": "Wat ging goed?\nWat nu?"})
    assert added.status_code == 302
    assert "Wat ging goed? · Wat nu?" in page(client, "/reflectie/formats")
    client.logout()
    client.login(people["mira"].email)
    assert client.get("/reflectie/formats").status_code == 403


def test_planning_refuses_bad_input_in_dutch_and_keeps_it(client, people, world):
    client.login(people["kern"].email)
    response = client.submit("/reflectie/nieuw", plan_data(
        people, world, title="Houd dit vast", held_on="14 maart", place="", facilitator_id=str(
            people["pim"].id), material_kind="periode", period_start="2025-06-01",
        period_end="2025-01-01"))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    for message in ("Vul een datum in als jjjj-mm-dd", "Vul een plaats of een online link in.",
                    "Kies een gespreksleider van de gemeente.",
                    "Nodig minstens één deelnemer uit.",
                    "De einddatum ligt vóór de begindatum."):
        assert message in body, message
    assert 'value="Houd dit vast"' in body and 'value="14 maart"' in body
    with client.application.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReflectionSession)) == 0


def test_invited_see_the_session_others_get_404_and_partners_never_see_intern(
        app, client, people, world):
    session = plan(client, people, world, "mira", "cor", "pim")
    for name in ("mira", "pim"):
        client.login(people[name].email)
        assert "Intervisie regie" in page(client, "/reflectie")
        home = page(client, "/")
        assert "Je bent uitgenodigd voor een reflectiesessie" in home
        client.logout()
    client.login(people["olga"].email)
    assert "Intervisie regie" not in page(client, "/reflectie")
    for url in (f"/reflectie/{session}", f"/reflectie/{session}/verslag",
                f"/reflectie/{session}/verslag.pdf", f"/reflectie/{session}/leiden"):
        assert client.get(url).status_code == 404, url
    client.logout()
    # with a partner in the room, nobody sees the internal experience in the session
    for name in ("pim", "mira", "kern"):
        client.login(people[name].email)
        body = page(client, f"/reflectie/{session}")
        assert "Samen aan de keukentafel" in body and "Interne knoop" not in body, name
        client.logout()
    client.login(people["pim"].email)
    assert client.get(f"/reflectie/{session}/leiden").status_code == 403
    assert client.submit(f"/reflectie/{session}/bespreken/{world['internal']}",
                         page=f"/reflectie/{session}").status_code == 404
    client.logout()
    client.login(people["kern"].email)
    walk = "".join(page(client, f"/reflectie/{session}/leiden?stap={n}") for n in range(1, 9))
    assert "Samen aan de keukentafel" in walk and "Interne knoop" not in walk
    client.logout()


def test_without_mail_configured_planning_writes_no_mail(app, client, people, world):
    plan(client, people, world, "mira", "pim")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(OutboxMail)) == 0


def test_an_internal_bundle_is_refused_when_partners_are_invited(app, client, people, world):
    with app.app_context():
        keeper = db.session.get(User, people["kern"].id)
        internal = create_bundle(keeper, BundleInput(title="Alleen intern")).id
    client.login(people["kern"].email)
    response = client.submit("/reflectie/nieuw", plan_data(people, world, "mira", "pim",
                                                           bundle_id=str(internal)))
    assert response.status_code == 422
    assert "Deze bundel is niet gedeeld met partners" in response.get_data(as_text=True)


def test_without_partners_colleagues_discuss_internal_material(client, people, world):
    session = plan(client, people, world, "mira", "cor")
    client.login(people["mira"].email)
    assert "Interne knoop over budgetten" in page(client, f"/reflectie/{session}")


def test_a_session_on_a_period(client, people, world):
    session = plan(client, people, world, "mira", material_kind="periode", bundle_id="",
                   period_start="2025-01-01", period_end="2025-12-31")
    client.login(people["mira"].email)
    body = page(client, f"/reflectie/{session}")
    assert "Samen aan de keukentafel" in body and "Interne knoop over budgetten" in body


def test_prepare_mark_and_ask(app, client, people, world):
    session = plan(client, people, world, "mira", "pim")
    client.login(people["mira"].email)
    url = f"/reflectie/{session}"
    assert client.submit(f"{url}/bespreken/{world['shared']}", page=url).status_code == 302
    body = page(client, url)
    assert "Niet meer bespreken" in body and "1 deelnemer wil dit bespreken" in body
    refused = client.submit(f"{url}/vragen", {"question": "   "}, page=url)
    assert refused.status_code == 422 and "Schrijf eerst een tekst." in refused.get_data(
        as_text=True)
    long = "x" * 5001
    refused = client.submit(f"{url}/vragen", {"question": long}, page=url)
    assert refused.status_code == 422 and long in refused.get_data(as_text=True)
    assert client.submit(f"{url}/vragen", {"question": "Wie houdt de regie?"},
                         page=url).status_code == 302
    assert "Wie houdt de regie?" in page(client, url)
    client.logout()
    client.login(people["olga"].email)  # not invited
    assert client.submit(f"{url}/vragen", {"question": "Mag ik?"},
                         page="/").status_code == 404


def test_temperature_check_is_anonymous_shows_from_three_and_refuses_a_second_vote(
        app, client, people, world):
    session = plan(client, people, world, "mira", "cor", "pim")
    url = f"/reflectie/{session}"
    condition = conditions(app)[0]
    for number, (name, score) in enumerate((("mira", 2), ("cor", 4), ("pim", 5)), start=1):
        client.login(people[name].email)
        response = client.submit(f"{url}/temperatuur",
                                 {"condition_id": str(condition), "score": str(score)}, page=url)
        assert response.status_code == 302
        body = page(client, url)
        if number < 3:
            assert "de uitkomst verschijnt vanaf 3 antwoorden" in body
            assert "gemiddeld" not in body
        else:
            assert "3 antwoorden, gemiddeld 3,7" in body
        again = client.submit(f"{url}/temperatuur",
                              {"condition_id": str(condition), "score": "1"}, page=url)
        assert again.status_code == 422
        assert "Je hebt deze randvoorwaarde al een score gegeven." in again.get_data(
            as_text=True)
        client.logout()
    client.login(people["mira"].email)
    for score in ("0", "6", "", "drie"):
        refused = client.submit(f"{url}/temperatuur",
                                {"condition_id": str(conditions(app)[1]), "score": score},
                                page=url)
        assert refused.status_code == 422
        assert "Kies een score van 1 tot en met 5." in refused.get_data(as_text=True)
    with app.app_context():
        tallies = {t.score: t.count for t in db.session.scalars(select(TemperatureTally).where(
            TemperatureTally.session_id == session, TemperatureTally.condition_id == condition))}
        assert tallies == {1: 0, 2: 1, 3: 0, 4: 1, 5: 1}
        assert "user_id" not in TemperatureTally.__table__.columns
        assert db.session.scalar(select(func.count()).select_from(TemperatureVote)) == 3


def test_facilitator_records_insight_and_decision_and_closes(app, client, people, world):
    session = plan(client, people, world, "mira", "pim")
    client.login(people["kern"].email)
    run = page(client, f"/reflectie/{session}/leiden")
    assert "Samen aan de keukentafel" in run and "Wat herkennen we?" in run
    assert 'accesskey="n"' in run and "site-nav" not in run
    step = re.search(r'name="step_key" value="([^"]+)"', run).group(1)
    url = f"/reflectie/{session}/leiden"
    refused = client.submit(f"{url}/notitie?stap=1", {"step_key": step, "kind": "inzicht",
                                                       "note": ""}, page=url)
    assert refused.status_code == 422
    assert "Schrijf eerst een tekst." in refused.get_data(as_text=True)
    assert client.submit(f"{url}/notitie?stap=1", {
        "step_key": step, "kind": "inzicht", "note": "Eén regisseur werkt beter."},
        page=url).status_code == 302
    assert "Eén regisseur werkt beter." in page(client, url)
    refused = client.submit(f"{url}/besluit?stap=1", {
        "title": "Vaste regisseur", "owner": "", "target_date": "morgen",
        "experience_ids": str(world["internal"])}, page=url)
    assert refused.status_code == 422
    body = refused.get_data(as_text=True)
    assert "Kies wie eigenaar is" in body and "Vul een datum in als jjjj-mm-dd" in body
    assert 'value="Vaste regisseur"' in body
    refused = client.submit(f"{url}/besluit?stap=1", {
        "title": "Vaste regisseur", "owner": f"user:{people['mira'].id}",
        "experience_ids": str(world["internal"])}, page=url)
    assert refused.status_code == 422  # internal: not in a session with a partner
    assert "Kies ervaringen uit het materiaal van deze sessie." in refused.get_data(
        as_text=True)
    decided = client.submit(f"{url}/besluit?stap=1", {
        "title": "Vaste regisseur per gezin", "owner": f"user:{people['mira'].id}",
        "target_date": "2030-06-30", "experience_ids": str(world["shared"])}, page=url)
    assert decided.status_code == 302
    with app.app_context():
        item = db.session.scalar(select(AgendaItem).filter_by(title="Vaste regisseur per gezin"))
        assert item.owner_user_id == people["mira"].id and item.shared_with_partners
        assert [e.id for e in item.experiences] == [world["shared"]]
    assert client.submit(f"/reflectie/{session}/afsluiten", page=url).status_code == 302
    with app.app_context():
        actions = set(db.session.scalars(select(AuditEvent.action).where(
            AuditEvent.object_type == "reflection_sessions")))
        assert actions == {"reflection_planned", "reflection_closed"}
    closed = client.submit(f"{url}/notitie?stap=1", {"step_key": step, "kind": "notitie",
                                                      "note": "Te laat"}, page=url)
    assert closed.status_code == 403
    client.logout()
    client.login(people["pim"].email)
    summary = page(client, f"/reflectie/{session}/verslag")
    for text in ("Eén regisseur werkt beter.", "Vaste regisseur per gezin", "Mira Medewerker",
                 "UWV", "Pim Partner"):
        assert text in summary, text
    assert "Interne knoop" not in summary
    text = pdf_text(client.get(f"/reflectie/{session}/verslag.pdf"))
    for expected in ("Eén regisseur werkt beter.", "Vaste regisseur per gezin",
                     "Samen aan de keukentafel"):
        assert expected in text, expected
    reader = PdfReader(io.BytesIO(client.get(f"/reflectie/{session}/verslag.pdf").data))
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] and catalog["/Lang"] == "nl"
    assert {"H1", "H2", "Table"} <= structure_roles(catalog["/StructTreeRoot"])


def test_summary_and_insight_show_the_temperature_beside_earlier_sessions(
        app, client, people, world):
    condition = conditions(app)[0]
    first = plan(client, people, world, "mira", "cor", "pim", held_on="2026-01-10")
    second = plan(client, people, world, "mira", "cor", "pim", held_on="2026-04-10")
    for session, scores in ((first, (1, 2, 3)), (second, (4, 4, 5))):
        for name, score in zip(("mira", "cor", "pim"), scores, strict=True):
            client.login(people[name].email)
            client.submit(f"/reflectie/{session}/temperatuur",
                          {"condition_id": str(condition), "score": str(score)},
                          page=f"/reflectie/{session}")
            client.logout()
    client.login(people["mira"].email)
    summary = page(client, f"/reflectie/{second}/verslag")
    assert "4,3" in summary and "10 januari 2026: 2" in summary
    insight = page(client, "/inzicht?start=2026-01-01&end=2026-12-31")
    section = insight.split('id="temperatuur-kop"', 1)[1]
    assert "10 januari 2026: 2 → 10 april 2026: 4,3" in section


def test_marks_and_questions_are_in_the_download_and_erased(app, client, people, world):
    session = plan(client, people, world, "mira")
    client.login(people["mira"].email)
    url = f"/reflectie/{session}"
    client.submit(f"{url}/bespreken/{world['shared']}", page=url)
    client.submit(f"{url}/vragen", {"question": "Wie houdt de regie?"}, page=url)
    download = client.get("/account/gegevens").get_data(as_text=True)
    assert "Wie houdt de regie?" in download and "marked_to_discuss" in download
    client.logout()
    client.login(people["beheer"].email)
    wipe = f"/beheer/gebruikers/{people['mira'].id}/wissen"
    response = client.submit(wipe, {"understood": "y"}, page=wipe)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReflectionMark)) == 0
        assert db.session.scalar(select(func.count()).select_from(ReflectionQuestion)) == 0


def test_questions_and_notes_wait_for_the_resident_data_confirmation(app, client, people,
                                                                    world):
    session = plan(client, people, world, "mira")
    url = f"/reflectie/{session}"
    client.login(people["mira"].email)
    text = "Mevrouw met BSN 111222333 viel tussen wal en schip."
    refused = client.submit(f"{url}/vragen", {"question": text}, page=url)
    assert refused.status_code == 422
    body = refused.get_data(as_text=True)
    assert "Staan hier gegevens van inwoners in?" in body and text in body
    assert client.submit(f"{url}/vragen", {"question": text, "confirm_privacy": "1"},
                         page=url).status_code == 302
    client.logout()
    client.login(people["kern"].email)
    run = f"{url}/leiden"
    step = re.search(r'name="step_key" value="([^"]+)"', page(client, run)).group(1)
    refused = client.submit(f"{run}/notitie?stap=1", {"step_key": step, "kind": "notitie",
                                                       "note": text}, page=run)
    assert refused.status_code == 422
    assert "Staan hier gegevens van inwoners in?" in refused.get_data(as_text=True)
    assert client.submit(f"{run}/notitie?stap=1", {"step_key": step, "kind": "notitie",
                                                    "note": text, "confirm_privacy": "1"},
                         page=run).status_code == 302
    with app.app_context():
        kept = db.session.scalars(select(PrivacyFinding.subject_type)
                                  .order_by(PrivacyFinding.id)).all()
        assert kept == ["reflection_questions", "reflection_notes"]
    listed = page(client, "/privacy-meldingen")
    assert listed.count(f'href="/reflectie/{session}"') == 2
    assert "Vraag voor een reflectiesessie" in listed
    assert "Notitie van een reflectiesessie" in listed
    assert "111222333" not in listed


def test_the_facilitator_records_who_attended_and_the_summary_follows_it(app, client, people,
                                                                        world):
    session = plan(client, people, world, "mira", "cor", "pim")
    url = f"/reflectie/{session}"
    client.login(people["pim"].email)
    assert client.submit(f"{url}/aanwezig", {"attendee_ids": [str(people["pim"].id)]},
                         page=url).status_code == 403
    client.logout()
    client.login(people["kern"].email)
    summary = page(client, f"{url}/verslag")
    assert "De aanwezigheid is niet bijgehouden" in summary and "Pim Partner" in summary
    refused = client.submit(f"{url}/aanwezig", {"attendee_ids": [str(people["olga"].id)]},
                            page=url)
    assert refused.status_code == 422
    assert "Kies de aanwezigen uit de genodigden." in refused.get_data(as_text=True)
    present = [str(people[name].id) for name in ("kern", "mira")]
    assert client.submit(f"{url}/aanwezig", {"attendee_ids": present},
                         page=url).status_code == 302
    body = page(client, url)
    assert re.search(rf'value="{people["mira"].id}"[^>]*checked|checked[^>]*value="'
                     rf'{people["mira"].id}"', body)
    summary = page(client, f"{url}/verslag").split('id="wie-kop"', 1)[1].split("</section>")[0]
    assert "Mira Medewerker" in summary and "Kees Kern" in summary
    assert "Pim Partner" not in summary and "Cor Collega" not in summary
    assert "De aanwezigheid is niet bijgehouden" not in summary

"""GET /beheer: one menu item leads the core team and the beheerder to their tasks."""
import re

import pytest

TASKS = {"Taxonomie": "/beheer/taxonomie", "Privacymeldingen": "/privacy-meldingen",
         "Prullenbak": "/prullenbak", "Gebruikers": "/beheer/gebruikers",
         "Auditlog": "/beheer/audit", "Importeren": "/beheer/import"}
NAV = re.compile(r'<nav class="site-nav".*?</nav>', re.S)


def task_links(page: str) -> set[str]:
    return {name for name, url in TASKS.items() if f'<a href="{url}">{name}</a>' in page}


@pytest.mark.parametrize("role, tasks", [
    ("kernteam", {"Taxonomie", "Privacymeldingen", "Prullenbak"}),
    ("beheerder", set(TASKS)),
])
def test_curators_find_their_tasks_and_only_theirs(client, logged_in, role, tasks):
    logged_in(role)
    menu = NAV.search(client.get("/").get_data(as_text=True)).group()
    assert '<a href="/beheer" >Beheer</a>' in menu
    assert not {"Prullenbak", "Auditlog", "Privacymeldingen", "Gebruikers"} & set(
        re.findall(r">([^<>]+)</a>", menu))  # the tasks left the menu
    page = client.get("/beheer")
    assert page.status_code == 200
    assert task_links(page.get_data(as_text=True)) == tasks
    for name in tasks:  # every task it offers opens
        assert client.get(TASKS[name]).status_code == 200


def test_the_menu_marks_beheer_on_its_pages(client, logged_in):
    logged_in("beheerder")
    menu = NAV.search(client.get("/beheer").get_data(as_text=True)).group()
    assert '<a href="/beheer" aria-current="page">Beheer</a>' in menu
    menu = NAV.search(client.get("/beheer/audit").get_data(as_text=True)).group()
    assert '<a href="/beheer" aria-current="true">Beheer</a>' in menu


@pytest.mark.parametrize("role", ["medewerker", "partner"])
def test_others_have_no_beheer(client, logged_in, role):
    logged_in(role)
    assert "/beheer" not in NAV.search(client.get("/").get_data(as_text=True)).group()
    assert client.get("/beheer").status_code == 403

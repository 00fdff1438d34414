"""The bundle list shows a short plain excerpt of each introduction, without Markdown signs."""
from .test_bundles import make_bundle

INTRO = ("**Vooraf** lezen: [de notitie](https://example.org/notitie) & _de_ aanpak.\n\n"
         "- eerst samen\n- dan `apart`\n\n<b>geen opmaak</b> " + "lang verhaal " * 40)


def test_the_list_shows_the_introduction_as_plain_text(client, make_user):
    client.login(make_user("kernteam").email)
    make_bundle(client, intro=INTRO)
    page = client.get("/bundels").get_data(as_text=True)
    excerpt = page.split('class="card__lesson" lang="nl">', 1)[1].split("</p>", 1)[0]
    assert excerpt.startswith("Vooraf lezen: de notitie &amp; de aanpak.")
    assert "eerst samen" in excerpt and "dan apart" in excerpt
    assert not any(sign in excerpt for sign in ("**", "](", "_de_", "`", "- eerst", "<"))
    assert "&lt;b&gt;geen opmaak&lt;/b&gt;" in excerpt  # typed HTML is text, as on the bundle
    assert excerpt.endswith("...") and len(excerpt) < 260


def test_experience_cards_show_the_lesson_as_plain_text(client, make_user, make_experience):
    author = make_user()
    make_experience(author, lesson="**Spreek af** wie [de regie](https://example.org) heeft.")
    client.login(author.email)
    for url in ("/ervaringen", "/mijn-ervaringen"):
        page = client.get(url).get_data(as_text=True)
        lesson = page.split('class="card__lesson"', 1)[1].split("</p>", 1)[0]
        assert "Spreek af wie de regie heeft." in lesson, url
        assert "**" not in lesson and "](" not in lesson, url

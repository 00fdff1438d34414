"""Issue 17 in the browser: a kernteam account with a local password is asked for its TOTP code
after the password, is refused without it and with a wrong one, and gets in with the right one."""
import time

import pyotp
import pytest
from playwright.sync_api import expect

from ..conftest import PASSWORD
from .conftest import served_database
from .helpers import NARROW, assert_no_axe_violations, assert_reflows

pytestmark = pytest.mark.browser

EMAIL = "tweestap@browser.example"
NAME = "Tineke Tweestap"


def kernteam_with_two_step(env: dict) -> pyotp.TOTP:
    """A kernteam account whose two-step verification is set up as on the account page."""
    from rugzak.admin.services import create_user
    from rugzak.twostep.services import confirm_setup, pending_secret

    with served_database(env):
        user = create_user(None, EMAIL, NAME, "kernteam", PASSWORD,
                           department="zorg-en-welzijn-wmo")
        totp = pyotp.TOTP(pending_secret(user))
        confirm_setup(user, totp.now())
    return totp


def test_kernteam_signs_in_with_its_code(page, sign_in, server_env):
    totp = kernteam_with_two_step(server_env)
    page.goto("/inloggen")
    page.get_by_label("E-mailadres").fill(EMAIL)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url("/inloggen/code")
    expect(page.get_by_role("heading", level=1)).to_have_text("Typ je code")
    assert_no_axe_violations(page, "de code-stap van het inloggen")

    page.goto("/ervaringen")  # the password alone does not sign in
    expect(page).to_have_url("/inloggen?next=/ervaringen")
    page.goto("/inloggen/code")
    code = page.get_by_label("Code")
    page.get_by_role("button", name="Inloggen").click()
    expect(code).to_have_attribute("aria-invalid", "true")
    code.fill("000000")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_label("Code")).to_have_accessible_description(
        "Zes cijfers uit je app, of een herstelcode zoals abcde-fghjk. Deze code klopt niet of "
        "is al gebruikt. Typ de code die je app nu laat zien, of een herstelcode.")
    assert_no_axe_violations(page, "een geweigerde code")

    page.get_by_label("Code").fill(totp.at(time.time() + totp.interval))
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url("/")
    expect(page.get_by_role("banner")).to_contain_text(NAME)
    page.goto("/account/tweestapsverificatie")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    assert_no_axe_violations(page, "tweestapsverificatie beheren")

    # without two-step verification: the setup page, on a phone
    colleague = sign_in("collega", viewport=NARROW)
    colleague.goto("/account/tweestapsverificatie")
    expect(colleague.get_by_role("img", name="QR-code")).to_be_visible()
    assert_no_axe_violations(colleague, "tweestapsverificatie instellen")
    assert_reflows(colleague, "tweestapsverificatie instellen")

"""What the browser tests share: axe, screenshots, focus and reflow checks."""
from __future__ import annotations

import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
NARROW = {"width": 320, "height": 800}
PHONE = {"width": 320, "height": 568}  # the smallest phone screen in use

_axe = Axe()


def assert_no_axe_violations(page, what: str) -> None:
    """Run axe-core with the WCAG 2.1 A/AA rules; fail listing every violation and element."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                      "resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert not violations, f"axe on {what} ({page.url}):\n" + "\n".join(
        _describe(violation) for violation in violations)


def _describe(violation: dict) -> str:
    lines = [f"- {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"]:
        lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
        if node.get("failureSummary"):
            lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


def screenshot(page, name: str) -> Path:
    """A full-page PNG under test-artifacts/screenshots/ (git-ignored), named by width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    path = SCREENSHOTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_reflows(page, what: str) -> None:
    """WCAG 1.4.10: at 320 CSS pixels nothing needs horizontal scrolling."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], (
        f"{what} is {width} px wide at {NARROW['width']} px; too wide: "
        + ", ".join(page.evaluate(_TOO_WIDE, NARROW["width"])))


_TOO_WIDE = """limit => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > limit + 0.5)
  .slice(0, 10).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.')
       : ''))
"""

FOCUS_STYLE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  return {tag: element.tagName.toLowerCase(), id: element.id,
          text: element.innerText || element.value || '',
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          shadow: style.boxShadow !== 'none'};
}"""


def focused(page) -> dict | None:
    """The focused element and whether its focus indicator can be seen."""
    return page.evaluate(FOCUS_STYLE)


def assert_focus_visible(page) -> dict:
    state = focused(page)
    assert state is not None, f"nothing has focus on {page.url}"
    assert state["outline"] or state["shadow"], f"focus is not visible on {state}"
    return state


_REPORT_CSP_VIOLATIONS = """document.addEventListener('securitypolicyviolation', event =>
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
                + ` at ${event.sourceFile || document.URL}:${event.lineNumber}`));"""


def watch_scripts(page) -> list[str]:
    """From now on, collect every dialog (alert, confirm, prompt), script error, console error
    and Content-Security-Policy violation on this page; dialogs are dismissed."""
    trouble: list[str] = []

    def on_dialog(dialog) -> None:
        trouble.append(f"{dialog.type} dialog: {dialog.message}")
        dialog.dismiss()

    def on_console(message) -> None:
        page_status = (message.text.startswith("Failed to load resource")
                       and message.location.get("url") == page.url)  # a 404 or 422 page
        if message.type == "error" and not page_status:
            trouble.append(f"console error: {message.text} ({message.location.get('url')})")

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda error: trouble.append(f"script error: {error}"))
    page.add_init_script(_REPORT_CSP_VIOLATIONS)
    return trouble

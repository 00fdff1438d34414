"""Accessible SVG charts rendered on the server, without scripts, libraries or web fonts.

Every number is written as text, series differ by pattern as well as colour, and each chart
has a <title> and <desc>; the same numbers stand in an HTML table next to the chart.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 760
LABEL_WIDTH = 270
BAR_HEIGHT = 22
GAP = 8
INK = "#1a1a1a"
BLUE = "#154273"
GREEN = "#2d6a2f"
RED = "#b00020"


#: Heat-map scales, from the lightest fill (count 0) to the darkest (the highest count): one
#: colour family per meaning, so a dark cell never means both good and bad.
SCALES = {
    "count": ("#eef3f9", BLUE),
    "helped": ("#e6f4f1", "#0b5b50"),   # teal: the condition was there and helped
    "missing": ("#fdefe6", "#9c3100"),  # orange-red, hatched too: it was missing
}


@dataclass
class HeatColumn:
    label: str
    scale: str = "count"

    @property
    def hatched(self) -> bool:
        return self.scale == "missing"


def _text(x: float, y: float, content, anchor: str = "start", **attrs) -> str:
    """A text element; keyword names become attributes (font_size → font-size)."""
    settings = {"font_size": "13", "fill": INK, **attrs}
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in settings.items())
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(content)}</text>'


def _defs(ident: str) -> str:
    return (f'<defs><pattern id="{ident}-hatch" width="6" height="6" '
            f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            f'<rect width="6" height="6" fill="#fdecee"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{RED}" stroke-width="3"/></pattern>'
            f'</defs>')


def _svg(ident: str, title: str, description: str, height: float, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} '
        f'{height:.0f}" width="{WIDTH}" height="{height:.0f}" role="img" '
        f'aria-labelledby="{ident}-titel {ident}-uitleg" font-family="sans-serif">'
        f'<title id="{ident}-titel">{escape(title)}</title>'
        f'<desc id="{ident}-uitleg">{escape(description)}</desc>'
        f'{_defs(ident)}{"".join(body)}</svg>')


def _clip(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def bar_chart(ident: str, title: str, description: str,
              items: list[tuple[str, int, bool]], flag_text: str = "") -> Markup:
    """Horizontal bars with the number after each bar; flagged bars are hatched and say why."""
    top = max([value for _, value, _ in items], default=0) or 1
    room = WIDTH - LABEL_WIDTH - 60 - (len(flag_text) * 7 if flag_text else 0)
    body = []
    for row, (label, value, flagged) in enumerate(items):
        y = row * (BAR_HEIGHT + GAP)
        length = max(value / top * room, 2 if value else 0)
        fill = f"url(#{ident}-hatch)" if flagged else BLUE
        body.append(_text(LABEL_WIDTH - 8, y + 16, _clip(label), "end"))
        body.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" '
                    f'height="{BAR_HEIGHT}" fill="{fill}" stroke="{BLUE}"/>')
        note = f"{value} — {flag_text}" if flagged and flag_text else str(value)
        body.append(_text(LABEL_WIDTH + length + 6, y + 16, note))
    return _svg(ident, title, description, max(len(items), 1) * (BAR_HEIGHT + GAP), body)


def heat_map(ident: str, title: str, description: str, rows: list[str],
             columns: list[HeatColumn], values: list[list[int]],
             legend: tuple[str, str] | None = None) -> Markup:
    """A grid with the count written in every cell; darker means more, each column in its
    scale's colour family, hatched columns differ; `legend` names the helped and missing scale."""
    cell_w = min(64, (WIDTH - LABEL_WIDTH - 110) / max(len(columns), 1))
    cell_h = 30
    longest = max((len(_clip(column.label, 32)) for column in columns), default=0)
    header = 24 + longest * 5.5 + (28 if legend else 0)
    top = max((value for line in values for value in line), default=0) or 1
    body = [_heat_legend(ident, legend)] if legend else []
    for col, column in enumerate(columns):
        x = LABEL_WIDTH + col * cell_w + cell_w / 2
        body.append(_text(x, header - 8, _clip(column.label, 32), "start",
                          transform=f"rotate(-45 {x:.1f} {header - 8:.1f})"))
    for row, label in enumerate(rows):
        y = header + row * cell_h
        body.append(_text(LABEL_WIDTH - 8, y + 20, _clip(label), "end"))
        for col, column in enumerate(columns):
            body.extend(_cell(ident, LABEL_WIDTH + col * cell_w, y, cell_w, cell_h,
                              values[row][col], top, column))
    return _svg(ident, title, description, header + len(rows) * cell_h + 4, body)


def _cell(ident: str, x: float, y: float, w: float, h: float, value: int, top: int,
          column: HeatColumn) -> list[str]:
    fill = scale_fill(column.scale, value / top)
    parts = [f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{h}" fill="{fill}" '
             f'stroke="#ffffff"/>']
    if column.hatched:
        parts.append(f'<rect x="{x + 2:.1f}" y="{y + h - 7}" width="{w - 4:.1f}" height="5" '
                     f'fill="url(#{ident}-hatch)"/>')
    parts.append(_text(x + w / 2, y + 19, str(value), "middle", fill=text_on(fill),
                       font_weight="600"))
    return parts


def _heat_legend(ident: str, labels: tuple[str, str]) -> str:
    helped, missing = labels
    return (f'<rect x="0" y="4" width="18" height="14" fill="{SCALES["helped"][1]}"/>'
            + _text(24, 16, helped)
            + f'<rect x="200" y="4" width="18" height="14" fill="{SCALES["missing"][1]}"/>'
            + f'<rect x="200" y="13" width="18" height="5" fill="url(#{ident}-hatch)"/>'
            + _text(224, 16, missing))


def scale_fill(scale: str, strength: float) -> str:
    """The colour `strength` (0–1) of the way from the scale's lightest to its darkest fill."""
    light, dark = (_rgb(colour) for colour in SCALES[scale])
    mixed = (round(a + (b - a) * strength) for a, b in zip(light, dark, strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def text_on(fill: str) -> str:
    """White or ink, whichever contrasts more with `fill` (WCAG 1.4.3)."""
    return max((INK, "#ffffff"), key=lambda text: contrast(text, fill))


def contrast(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours."""
    darker, lighter = sorted((_luminance(first), _luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(colour: str) -> float:
    linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4
              for c in _rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def paired_bars(ident: str, title: str, description: str,
                panels: list[tuple[str, list[tuple[str, int, int]]]],
                legend: tuple[str, str]) -> Markup:
    """Small multiples: per panel, two bars per period (solid and hatched) with their numbers."""
    panel_h = 150
    body = [_legend(ident, legend)]
    top = max((max(a, b) for _, points in panels for _, a, b in points), default=0) or 1
    for number, (name, points) in enumerate(panels):
        y0 = 40 + number * panel_h
        body.append(_text(0, y0 + 14, name, font_weight="700"))
        slot = (WIDTH - 40) / max(len(points), 1)
        base = y0 + panel_h - 40
        body.append(f'<line x1="30" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="{INK}"/>')
        for index, (label, helped, missing) in enumerate(points):
            x = 34 + index * slot
            bar_w = max(min(slot / 2 - 3, 26), 3)
            for offset, value, fill in ((0, helped, GREEN), (bar_w + 2, missing,
                                                              f"url(#{ident}-hatch)")):
                height = value / top * (panel_h - 80)
                body.append(f'<rect x="{x + offset:.1f}" y="{base - height:.1f}" '
                            f'width="{bar_w:.1f}" height="{height:.1f}" fill="{fill}" '
                            f'stroke="{INK}" stroke-width="0.5"/>')
                if value:
                    body.append(_text(x + offset + bar_w / 2, base - height - 3, str(value),
                                      "middle", font_size="11"))
            body.append(_text(x + bar_w, base + 16, label, "middle", font_size="11"))
    return _svg(ident, title, description, 40 + len(panels) * panel_h, body)


def _legend(ident: str, labels: tuple[str, str]) -> str:
    first, second = labels
    return (f'<rect x="0" y="6" width="18" height="14" fill="{GREEN}"/>'
            + _text(24, 18, first)
            + f'<rect x="200" y="6" width="18" height="14" fill="url(#{ident}-hatch)" '
              f'stroke="{INK}" stroke-width="0.5"/>'
            + _text(224, 18, second))

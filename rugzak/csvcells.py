"""One rule for every CSV file Rugzak writes (downloads and `rugzak export`): a cell that a
spreadsheet program would read as a formula is written as text (CSV injection)."""
from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A cell a spreadsheet shows as text, never evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text

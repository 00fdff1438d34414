"""What the municipality put in <instance>/theme/: a tokens file and a logo, each optional."""
from __future__ import annotations

from pathlib import Path

from flask import current_app

TOKENS = "tokens.css"
LOGOS = {"logo.svg": "image/svg+xml", "logo.png": "image/png"}


def theme_folder() -> Path:
    return Path(current_app.instance_path) / "theme"


def tokens_file() -> Path | None:
    path = theme_folder() / TOKENS
    return path if path.is_file() else None


def logo_file() -> tuple[Path, str] | None:
    """The logo and its media type; an SVG wins over a PNG."""
    for name, media_type in LOGOS.items():
        path = theme_folder() / name
        if path.is_file():
            return path, media_type
    return None

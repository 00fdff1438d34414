"""The restore button: a CSRF-protected form that carries the version it was shown with."""
from flask_wtf import FlaskForm
from wtforms import HiddenField


class RestoreForm(FlaskForm):
    version = HiddenField()

    def submitted_version(self) -> int | None:
        raw = (self.version.data or "").strip()
        return int(raw) if raw.isdigit() else None

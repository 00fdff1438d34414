"""The restore button: a CSRF-protected form that carries the version it was shown with."""
from flask_wtf import FlaskForm
from wtforms import HiddenField

from ..numbers import database_int


class RestoreForm(FlaskForm):
    version = HiddenField()

    def submitted_version(self) -> int | None:
        return database_int(self.version.data)

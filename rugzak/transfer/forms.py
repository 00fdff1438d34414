"""Uploading a spreadsheet, and confirming the import after the check."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import HiddenField

MAX_FILE_BYTES = 2 * 1024 * 1024  # the hint on the page says "Hoogstens 2 MB."


class UploadForm(FlaskForm):
    file = FileField(_l("Spreadsheet (CSV of XLSX)"), validators=[
        FileRequired(_l("Kies een bestand.")),
        FileAllowed(["csv", "xlsx"], _l("Kies een CSV- of XLSX-bestand (Excel).")),
        FileSize(MAX_FILE_BYTES, message=_l("Kies een bestand van hoogstens 2 MB."))])


class ConfirmForm(FlaskForm):
    token = HiddenField()

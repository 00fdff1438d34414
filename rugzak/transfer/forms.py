"""Uploading a spreadsheet, and confirming the import after the check."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField


class UploadForm(FlaskForm):
    file = FileField(_l("Spreadsheet (CSV of XLSX)"), validators=[
        FileRequired(_l("Kies een bestand.")),
        FileAllowed(["csv", "xlsx"], _l("Kies een CSV- of XLSX-bestand (Excel)."))])


class ConfirmForm(FlaskForm):
    token = HiddenField()

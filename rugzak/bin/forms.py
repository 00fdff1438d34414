"""Deleting and restoring are POSTs with a CSRF token and nothing else."""
from flask_wtf import FlaskForm


class ConfirmForm(FlaskForm):
    """Carries only the CSRF token."""

from flask_wtf import FlaskForm


class ConfirmForm(FlaskForm):
    """The core team's "ja, deel dit openbaar" after the preview: nothing but its CSRF token."""

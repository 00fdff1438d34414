from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField


class CommentForm(FlaskForm):
    body = TextAreaField(_l("Jouw reactie"))


class HideCommentForm(FlaskForm):
    reason = TextAreaField(_l("Reden om te verbergen"))

"""Talking to the mail server (smtplib): STARTTLS when MAIL_USE_TLS, log in when
MAIL_USERNAME is set. The password is handed to smtplib only, never logged or stored."""
from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, parseaddr

from flask import current_app

from .models import OutboxMail

TIMEOUT_SECONDS = 30


def mail_configured() -> bool:
    return bool(current_app.config.get("MAIL_HOST"))


def connect() -> smtplib.SMTP:
    config = current_app.config
    server = smtplib.SMTP(config["MAIL_HOST"], config["MAIL_PORT"], timeout=TIMEOUT_SECONDS)
    try:
        if config["MAIL_USE_TLS"]:
            server.starttls(context=ssl.create_default_context())
        if config["MAIL_USERNAME"]:
            server.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
    except BaseException:
        server.close()
        raise
    return server


def message_of(mail: OutboxMail) -> EmailMessage:
    sender = current_app.config["MAIL_FROM"]
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.address
    message["Subject"] = mail.subject
    message["Date"] = formatdate(mail.created_at.timestamp())
    message["Message-ID"] = mail.message_id(domain)
    message["Auto-Submitted"] = "auto-generated"
    if mail.unsubscribe_url:
        message["List-Unsubscribe"] = f"<{mail.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(mail.text_body)
    message.add_alternative(mail.html_body, subtype="html")
    message["Content-Language"] = mail.language  # after the content: set_content clears it
    return message

"""The /beheer blueprint; its pages live in users.py and taxonomy.py."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/beheer")

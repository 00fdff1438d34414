"""Turning a service's Dutch messages by field into the API's 422 answer."""
from flask_smorest import abort

from ..errors import MESSAGES


def unprocessable(errors: dict[str, str]):
    abort(422, message=MESSAGES[422], messages={"json": errors})

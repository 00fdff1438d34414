"""schemathesis fuzzes every operation of /api/v1/openapi.json, in process through WSGI, for a
medewerker and a beheerder, with data that fits the document and data that does not: no server
error, and every answer (a Dutch 4xx for bad input) matches the OpenAPI document."""
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.slow

# the English defaults of werkzeug, webargs and marshmallow, which must never reach a user
ENGLISH = re.compile(r"Not a valid|Missing data|Unknown field|Invalid|may not be|must be|"
                     r"Must be|Length|Bad Request|Not Found|Method Not Allowed|Unprocessable")


@schemathesis.check
def dutch_refusal(ctx, response, case) -> None:
    """Bad input answers a 4xx whose messages are Dutch, not a library's English default."""
    if 400 <= response.status_code < 500:
        answer = response.json()
        messages = [answer["error"], *answer.get("fields", {}).values()]
        english = [message for message in messages if ENGLISH.search(str(message))]
        assert not english, f"{response.status_code} in English: {english}"


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, dutch_refusal]
# bounded, not shrunk: a failure is reported as found, so the run stays within minutes
EXAMPLES = settings(max_examples=12, deadline=None, derandomize=True, database=None,
                    phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=list(HealthCheck))


def failures_of(operation, mode: GenerationMode, headers: dict) -> str | None:
    @given(case=operation.as_strategy(mode))
    @EXAMPLES
    def each_case(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    try:
        each_case()
    except Unsatisfiable:  # nothing to send wrong: an operation without parameters or body
        return None
    except (Exception, BaseExceptionGroup) as error:  # every failure is reported below
        return f"{operation.method.upper()} {operation.path} ({mode}): {error}"
    return None


@pytest.mark.parametrize("role", ["medewerker", "beheerder"])
def test_every_operation_answers_within_its_document(app, api_user, make_experience, role):
    app.config["RATE_LIMIT_PER_MINUTE"] = 1_000_000
    user, token = api_user(role)
    make_experience(user)  # so that small ids also reach a real row
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, headers=token)
    operations = [result.ok() for result in schema.get_all_operations()]
    failures = [failure for operation in operations
                for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
                if (failure := failures_of(operation, mode, token))]
    assert not failures, "\n\n".join(failures)

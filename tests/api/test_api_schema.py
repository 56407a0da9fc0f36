"""Property tests from the OpenAPI schema: no input makes the API fail with a 5xx."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings

EXAMPLES_PER_OPERATION = 40


def check_operation(operation: Any) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def no_server_error(case: Any) -> None:
        response = case.call(timeout=10)
        where = f"{case.method} {case.formatted_path}"
        assert response.status_code < 500, f"{where}: {response.text}"
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"}, where
            assert body["error"]["code"] == response.status_code, where

    no_server_error()


def test_no_input_causes_a_server_error(api_url: str) -> None:
    schema = schemathesis.openapi.from_url(api_url + "/api/v1/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11
    for operation in operations:
        check_operation(operation)

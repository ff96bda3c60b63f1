"""Property-based run of the API against its own OpenAPI schema (schemathesis):
whatever a client sends, within the schema (positive) or deliberately outside
it (negative), no answer is a 5xx and every bad parameter is a 4xx.

Runs the real app in-process over the real store (ASGI transport, no socket)
with a bounded number of examples per operation and mode, so it stays fast.
The operations are driven with hypothesis directly: schemathesis' pytest
plugin (`from_fixture`) does not work with pytest 9.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

pytestmark = pytest.mark.slow

EXAMPLES = 20


@pytest.fixture(scope="module")
def api_schema(store_path):
    from diplograph.serve import Settings, create_app

    # The in-process transport sends `Host: testserver`: the name this app answers to.
    app = create_app(Settings(db=str(store_path), hosts=("testserver",)))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize(
    "mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["positive", "negative"]
)
def test_no_operation_answers_5xx(api_schema, mode):
    failures: list[str] = []
    statuses: Counter[int] = Counter()
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15

    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            response = case.call()
            statuses[response.status_code] += 1
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}")

        try:
            run()
        except Unsatisfiable:  # nothing to break: an operation without parameters (negative mode)
            assert mode is GenerationMode.NEGATIVE
    assert failures == []
    assert sum(statuses.values()) >= 3 * len(operations)
    if mode is GenerationMode.NEGATIVE:
        assert statuses[422] > 0, statuses


#: The web pages (not in the OpenAPI schema): path segments and query values
#: drawn at random must never make a page fail with a 5xx.
PAGE_TEMPLATES = [
    ("/events/{x}", {}),
    ("/actors/{x}", {}),
    ("/pair/{x}/{y}", {}),
    ("/reports/{x}", {}),
    ("/reports/hostile-report", {"hl": "{x}"}),
    ("/events", {"actor": "{x}", "with": "{y}", "since": "{x}", "text": "{y}"}),
    ("/events", {"type": "{x}", "kind": "{y}", "offset": "{x}"}),
    ("/actors", {"kind": "{x}", "text": "{y}"}),
    ("/targets", {"actor": "{x}"}),
    ("/documents", {"actor": "{x}"}),
    ("/reports", {"offset": "{x}"}),
    ("/search", {"q": "{x}"}),
]


WORDS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["VNM", "JPN", "%", "_", "..", "0-5", "5-0", "2025", "-1", "99999999999", "meeting"]),
)


def fuzz_page(client, path: str, params: dict[str, str], failures: list[str]) -> None:
    @given(x=WORDS, y=WORDS)
    @settings(
        max_examples=15,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(x, y):
        url = path.format(x=quote(x, safe=""), y=quote(y, safe=""))
        query = {k: v.format(x=x, y=y) for k, v in params.items()}
        response = client.get(url, params=query)
        if response.status_code >= 500:
            failures.append(f"{url} {query} -> {response.status_code}")

    run()


def test_pages_never_answer_5xx(server):
    failures: list[str] = []
    with httpx.Client(base_url=server, timeout=30) as client:
        for path, params in PAGE_TEMPLATES:
            fuzz_page(client, path, params, failures)
    assert failures == []


def test_answers_conform_to_the_openapi_document(api_schema):
    """Every answer's status code, content type and body are the ones the
    OpenAPI document declares (CSV and 404/422 included), and schema-valid
    requests are accepted; the one exception is a pair of a party with
    itself, which the schema cannot express and the API answers 400."""
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        positive_data_acceptance,
        response_schema_conformance,
        status_code_conformance,
    )

    checks = [status_code_conformance, content_type_conformance, response_schema_conformance]
    failures: list[str] = []
    for operation in (result.ok() for result in api_schema.get_all_operations()):

        @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            response = case.call()
            pair = case.operation.path == "/api/pairs/{a}/{b}"
            same = pair and case.path_parameters["a"].upper() == case.path_parameters["b"].upper()
            try:
                case.validate_response(
                    response, checks=checks if same else [*checks, positive_data_acceptance]
                )
            except Exception as exc:  # noqa: BLE001 - collected, reported together
                failures.append(f"{case.method} {case.formatted_path} {case.query}: {str(exc)[:300]}")

        run()
    assert failures == [], "\n".join(failures[:20])

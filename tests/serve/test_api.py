"""The JSON API against a real server (uvicorn in a subprocess) over a real
store built from real reports: lists, filters, pagination, CSV, errors and
the guards (token, size limit, read-only default, security headers)."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

pytestmark = pytest.mark.slow


def get(server: str, path: str, **params) -> httpx.Response:
    return httpx.get(server + path, params=params, timeout=30)


def test_every_list_answers_a_page(server):
    for path in (
        "/api/events",
        "/api/actors",
        "/api/documents",
        "/api/targets",
        "/api/partnerships",
        "/api/reports",
    ):
        body = get(server, path, limit=5).json()
        assert set(body) >= {"items", "limit", "offset", "count", "next"}, path
        assert body["limit"] == 5 and body["count"] == len(body["items"]) <= 5, path


def test_reports_paginate_without_overlap(server):
    first = get(server, "/api/reports", limit=3).json()
    assert first["count"] == 3 and first["next"]
    second = httpx.get(first["next"], timeout=30).json()
    assert second["offset"] == 3
    assert not {r["id"] for r in first["items"]} & {r["id"] for r in second["items"]}


def test_a_report_comes_with_its_original_text(server, hostile):
    report = get(server, f"/api/reports/{hostile['id']}").json()
    assert report["text"].startswith("Vietnam and Japan <img src=x")
    assert "<script>window.__xss=2</script>" in report["text"]


def test_targets_carry_spans_into_their_report(server):
    targets = get(server, "/api/targets", limit=500).json()["items"]
    assert targets, "the dev reports state targets"
    found = get(server, "/api/search", q="trade", limit=50).json()["items"]
    assert found
    for hit in found:
        text = get(server, f"/api/reports/{hit['report_id']}").json()["text"]
        assert text[hit["start"] : hit["end"]] == hit["evidence"] or hit["evidence"] in text


def test_actor_filter_matches_the_cli_words(server):
    vnm = get(server, "/api/actors/VNM").json()
    assert vnm["kind"] == "state" and vnm["name"]
    events = get(server, "/api/events", actor="VNM", limit=50).json()["items"]
    for event in events:
        assert "VNM" in {p["country"] for p in event["participants"]} | {
            p["id"] for p in event["participants"]
        }


def test_any_list_downloads_as_csv(server):
    response = get(server, "/api/targets", format="csv", limit=500)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {"parties", "metric", "evidence"} <= set(rows[0])
    assert all(not row["evidence"].startswith(("=", "+", "@")) for row in rows)
    for path, params in [
        ("/api/events", {"actor": "VNM"}),
        ("/api/timeline", {"actor": "VNM"}),
        ("/api/timeline/types", {}),
        ("/api/actors", {}),
        ("/api/reports", {}),
    ]:
        response = get(server, path, format="csv", **params)
        assert response.headers["content-type"].startswith("text/csv"), path
        assert len(response.text.splitlines()) >= 2, path


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/events", {"since": "last week"}, "since"),
        ("/api/events", {"limit": 0}, "limit"),
        ("/api/events", {"limit": 100000}, "limit"),
        ("/api/events", {"offset": -1}, "offset"),
        ("/api/events", {"kind": "party"}, "kind"),
        ("/api/events", {"format": "xml"}, "format"),
        ("/api/actors", {"kind": "alien"}, "kind"),
        ("/api/search", {}, "q"),
    ],
)
def test_bad_parameters_are_clear_422s(server, path, params, field):
    response = get(server, path, **params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert any(field in [str(x) for x in d["loc"]] for d in detail), detail


def test_unknown_records_are_404_json(server):
    for path in ("/api/events/nope", "/api/reports/nope", "/api/actors/nope", "/api/documents/nope"):
        response = get(server, path)
        assert response.status_code == 404, path
        assert "nope" in response.json()["detail"]


def test_pairs(server):
    vnm_jpn = get(server, "/api/pairs/vnm/JPN").json()
    assert vnm_jpn["a"] == "VNM" and vnm_jpn["b"] == "JPN"
    for meeting in vnm_jpn["meetings"]:
        sides = {p["country"] for p in meeting["participants"]}
        assert {"VNM", "JPN"} <= sides
    assert get(server, "/api/pairs/VNM/VNM").status_code == 400
    assert get(server, "/api/pairs/QQQ/ZZZ").status_code == 404


def test_unknown_page_is_a_404_page(server):
    response = get(server, "/events/does-not-exist")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_every_answer_carries_a_strict_content_security_policy(server):
    headers = get(server, "/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_openapi_and_offline_docs(server):
    schema = get(server, "/openapi.json").json()
    assert {"/api/events", "/api/reports", "/api/search", "/api/pairs/{a}/{b}"} <= set(schema["paths"])
    docs = get(server, "/docs").text
    assert "/vendor/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "plotly.min.js"):
        assert get(server, f"/vendor/{asset}").status_code == 200, asset
    assert get(server, "/vendor/../../etc/passwd").status_code == 404


def test_ingest_needs_the_bearer_token(server):
    body = {"text": "Vietnam and Laos agreed to expand trade.", "id": "token-test"}
    assert httpx.post(server + "/api/reports", json=body, timeout=30).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert httpx.post(server + "/api/reports", json=body, headers=wrong, timeout=30).status_code == 401
    assert get(server, "/api/reports/token-test").status_code == 404


def test_ingest_with_the_token_stores_the_report(server, token):
    text = (
        "Prime Minister Pham Minh Chinh met Lao Prime Minister Sonexay Siphandone in Vientiane "
        "on May 5, 2025.\n"
        "The two sides signed an agreement on railway cooperation.\n"
    )
    auth = {"Authorization": f"Bearer {token}"}
    body = {"text": text, "id": "api-ingest-test", "title": "Vietnam, Laos talks", "published": "2025-05-06"}
    response = httpx.post(server + "/api/reports", json=body, headers=auth, timeout=120)
    assert response.status_code == 201, response.text
    assert response.json()["status"] in ("added", "unchanged")
    stored = get(server, "/api/reports/api-ingest-test").json()
    assert stored["text"] == text and stored["published"] == "2025-05-06"
    bad = httpx.post(server + "/api/reports", json={"text": ""}, headers=auth, timeout=30)
    assert bad.status_code == 422


def test_request_size_is_limited(server, token):
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    big = b'{"text": "' + b"x" * 3_000_000 + b'"}'
    response = httpx.post(server + "/api/reports", content=big, headers=auth, timeout=60)
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]

    def chunks():  # no Content-Length: the limit must hold while the body streams in
        for _ in range(40):
            yield b"x" * 100_000

    response = httpx.post(server + "/api/reports", content=chunks(), headers=auth, timeout=60)
    assert response.status_code == 413


def test_read_only_by_default(read_only_server, token):
    """Started without --allow-ingest, the server has no POST route at all, token or not."""
    auth = {"Authorization": f"Bearer {token}"}
    response = httpx.post(read_only_server + "/api/reports", json={"text": "x"}, headers=auth, timeout=30)
    assert response.status_code == 405
    assert "post" not in get(read_only_server, "/openapi.json").json()["paths"]["/api/reports"]
    assert get(read_only_server, "/api/reports", limit=1).status_code == 200


def test_ingest_needs_a_token_to_start():
    from diplograph.serve import Settings

    with pytest.raises(ValueError, match="DIPLOGRAPH_TOKEN"):
        Settings(db="x.db", allow_ingest=True)


def test_since_and_until_take_years_and_months_inclusively(server):
    everything = get(server, "/api/events", limit=500).json()["items"]
    months = sorted({(e["date"] or e["anchor"])[:7] for e in everything if e["date"] or e["anchor"]})
    assert months, "the dev reports give dated events"
    month = months[-1]
    within = get(server, "/api/events", since=month, until=month, limit=500).json()["items"]
    expected = [e for e in everything if (e["anchor"] or "")[:7] == month]
    assert {e["id"] for e in within} == {e["id"] for e in expected}
    year = month[:4]
    in_year = get(server, "/api/events", since=year, until=year, limit=500).json()["items"]
    assert {e["id"] for e in expected} <= {e["id"] for e in in_year}
    assert all((e["anchor"] or "")[:4] == year for e in in_year)


def test_every_source_names_the_rule_that_found_it_and_the_event_page_shows_it(server):
    """Provenance down to the rule: each event's sources carry the extraction
    rule (`extract --explain` prints the same), and the event page shows it."""
    items = get(server, "/api/events", limit=20).json()["items"]
    rules = [s["rule"] for e in items for s in e["sources"]]
    assert rules and all(r and r.count(".") >= 1 for r in rules)
    event_id = items[0]["id"]
    page = get(server, f"/events/{event_id}").text
    assert '<code class="rule"' in page and items[0]["sources"][0]["rule"] in page

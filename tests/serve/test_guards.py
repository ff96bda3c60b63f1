"""`POST /api/reports` refuses what the readers refuse, never answers 2xx for
a report it did not store, and replaces a stored report only when asked; the
server's guards hold on every answer (security headers on 413, 400 and 500
too), a non-ASCII token is a 401, and a `Host` that is not the server's own
is refused (DNS rebinding)."""

from __future__ import annotations

import httpx

STORY = (
    "Prime Minister Pham Minh Chinh met Lao Prime Minister Sonexay Siphandone in Vientiane on Monday, "
    "and the two sides signed an agreement on railway cooperation.\n"
)


def post(server: str, token: str, body: dict, **params) -> httpx.Response:
    auth = {"Authorization": f"Bearer {token}"}
    return httpx.post(server + "/api/reports", json=body, headers=auth, params=params, timeout=120)


def test_the_api_applies_the_readers_checks(server, token):
    cases = {
        "empty": ({"text": "   \n  "}, "empty report"),
        "nul": ({"text": STORY + "\u0000"}, "NUL character"),
        "french": (
            {
                "text": "Le Premier ministre a rencontré son homologue laotien à Vientiane lundi, et "
                "les deux parties ont signé un accord sur la coopération ferroviaire dans la région."
            },
            "not English",
        ),
        "date": ({"text": STORY, "published": "9999-99-99"}, "not a date"),
    }
    for name, (body, reason) in cases.items():
        response = post(server, token, {"id": f"guard-{name}", **body})
        assert response.status_code == 422, (name, response.text)
        assert reason in response.text, (name, response.text)
        assert httpx.get(f"{server}/api/reports/guard-{name}", timeout=30).status_code == 404


def test_the_date_line_gives_the_publication_date(server, token):
    response = post(server, token, {"id": "guard-dateline", "text": " date 2025-05-06 VIENTIANE — " + STORY})
    assert response.status_code == 201, response.text
    stored = httpx.get(server + "/api/reports/guard-dateline", timeout=30).json()
    assert (stored["published"], stored["source"]) == ("2025-05-06", "api")


def test_a_report_too_long_to_parse_is_a_413(server, token):
    response = post(server, token, {"id": "guard-long", "text": "Vietnam and Laos talks. " * 45_000})
    assert response.status_code == 413, response.text[:300]
    assert "too long" in response.text


OTHER = (
    "Thai Prime Minister Paetongtarn Shinawatra received Cambodian Prime Minister Hun Manet in Bangkok "
    "on Friday for talks on border crossings and tourism.\n"
)


def test_replacing_a_stored_report_needs_an_explicit_request(server, token):
    first = post(server, token, {"id": "guard-replace", "text": OTHER})
    assert first.status_code == 201 and first.json()["status"] == "added"
    same = post(server, token, {"id": "guard-replace", "text": OTHER})
    assert same.status_code == 200 and same.json()["status"] == "unchanged"
    other = OTHER + "The leaders also agreed to meet again next year in Hanoi.\n"
    refused = post(server, token, {"id": "guard-replace", "text": other})
    assert refused.status_code == 409 and "replace=true" in refused.text
    assert httpx.get(server + "/api/reports/guard-replace", timeout=30).json()["text"] == OTHER
    replaced = post(server, token, {"id": "guard-replace", "text": other}, replace="true")
    assert replaced.status_code == 200 and replaced.json()["status"] == "replaced"
    assert httpx.get(server + "/api/reports/guard-replace", timeout=30).json()["text"] == other


def test_a_non_ascii_token_is_a_401(server):
    headers = {"Authorization": "Bearer tökén-ü".encode()}
    response = httpx.post(server + "/api/reports", json={"text": STORY}, headers=headers, timeout=30)
    assert response.status_code == 401


def test_413_and_400_answers_carry_the_security_headers(server, token):
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    big = httpx.post(server + "/api/reports", content=b"x" * 3_000_000, headers=auth, timeout=60)
    assert big.status_code == 413
    assert "default-src 'self'" in big.headers["content-security-policy"]
    assert big.headers["x-content-type-options"] == "nosniff"
    rebound = httpx.get(server + "/api/health", headers={"Host": "attacker.example"}, timeout=30)
    assert rebound.status_code == 400
    assert rebound.headers["x-frame-options"] == "DENY"


def test_only_the_servers_own_host_names_are_answered(server):
    port = server.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
        assert httpx.get(server + "/api/health", headers={"Host": host}, timeout=30).status_code == 200
    for host in ("attacker.example", f"attacker.example:{port}", "127.0.0.1.attacker.example"):
        assert httpx.get(server + "/api/reports", headers={"Host": host}, timeout=30).status_code == 400


def test_an_allow_listed_host_is_answered(store_path):
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("serve_conftest", Path(__file__).with_name("conftest.py"))
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    with conftest.running_server(store_path, "--allow-host", "diplograph.example.org") as base:
        named = httpx.get(base + "/api/health", headers={"Host": "diplograph.example.org"}, timeout=30)
        assert named.status_code == 200
        assert (
            httpx.get(base + "/api/health", headers={"Host": "other.example"}, timeout=30).status_code == 400
        )


def test_a_500_carries_the_security_headers_and_no_traceback(broken_server):
    response = httpx.get(broken_server + "/api/targets", timeout=30)
    assert response.status_code == 500
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "Traceback" not in response.text and "targets" not in response.text

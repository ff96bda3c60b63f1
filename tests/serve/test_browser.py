"""The web pages in a real Chromium (Debian's /usr/bin/chromium driven by
Playwright) against a real server over a store ingested from real reports.

Every page must load with no console error, no failed request and no request
leaving 127.0.0.1 (the UI works offline). Screenshots go to pytest's temp
directory, or to $DIPLOGRAPH_SCREENSHOTS (e.g. docs/img) when set.
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = [
    ("/", "Dashboard"),
    ("/events", "Events"),
    ("/actors", "Actors"),
    ("/actors/VNM", "Viet"),
    ("/pair/VNM/JPN", "Japan"),
    ("/network", "Who meets whom"),
    ("/targets", "Commitments"),
    ("/documents", "Documents"),
    ("/reports", "Reports"),
    ("/search?q=cooperation", "Search"),
    ("/codebook", "PLOVER codebook"),
]


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("DIPLOGRAPH_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def open_page(page, server: str, path: str):
    response = page.goto(server + path, wait_until="load")
    assert response is not None and response.status == 200, path
    return response


def wait_for_charts(page) -> None:
    for chart in page.locator("[data-figure]").all():
        chart.locator("svg.main-svg").first.wait_for(state="attached", timeout=15000)
    page.wait_for_function("[...document.querySelectorAll('[data-figure]')].every(e => e.dataset.rendered)")


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_every_page_renders_offline(page, server, shots, path, heading):
    open_page(page, server, path)
    assert heading in page.locator("h1").first.inner_text()
    wait_for_charts(page)
    name = path.strip("/").replace("/", "-").split("?")[0] or "dashboard"
    page.screenshot(path=str(shots / f"{name}.png"))
    assert page.problems == [], page.problems


def test_codebook_lists_every_class_and_mode_and_is_in_the_nav(page, server):
    from diplograph.plover import codebook

    open_page(page, server, "/")
    page.locator("header a", has_text="Codebook").click()
    page.wait_for_url("**/codebook")
    book = codebook()
    sections = page.locator("section.plover-class")
    assert sections.count() == len(book.classes) >= 16
    for name, cls in book.classes.items():
        section = page.locator(f"section#{name}")
        assert name in section.locator("h2").inner_text()
        assert cls.definition[:40] in section.inner_text()
        modes = section.locator("table.modes code").all_inner_texts()
        assert modes == list(cls.modes), name
    # a class's link lists its events
    page.locator("section#CONSULT a", has_text="Events of this class").click()
    page.wait_for_url("**/events?type=CONSULT")
    assert page.problems == [], page.problems


def test_api_docs_render_offline(page, server):
    open_page(page, server, "/docs")
    page.locator(".swagger-ui .opblock").first.wait_for(timeout=15000)
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
    assert page.problems == [], page.problems


def test_click_from_events_to_the_highlighted_source(page, server, shots):
    open_page(page, server, "/events")
    links = page.locator("a.event-link")
    assert links.count() > 0, "the store has no events to click"
    evidence = links.first.inner_text()
    links.first.click()
    page.wait_for_url("**/events/*")
    facts = page.locator("#facts").inner_text()
    assert "Date" in facts and "Place" in facts and "Occasion" in facts
    mark = page.locator("section.source mark").first
    mark.wait_for()
    # The sentence is scrolled into view inside its source box.
    box = page.locator("section.source .text").first.bounding_box()
    marked = mark.bounding_box()
    assert box and marked and box["y"] <= marked["y"] <= box["y"] + box["height"]
    assert mark.inner_text().strip() in evidence or evidence.strip() in mark.inner_text()
    page.screenshot(path=str(shots / "event.png"), full_page=False)
    page.locator("a.report-link").first.click()
    page.wait_for_url("**/reports/*")
    highlighted = page.locator("#report-text mark#hl-0")
    highlighted.wait_for()
    assert highlighted.inner_text().strip() == mark.inner_text().strip()
    assert highlighted.is_visible()
    assert page.problems == [], page.problems


def test_events_filter_form_narrows_the_list(page, server):
    open_page(page, server, "/events")
    page.fill("input[name=actor]", "VNM")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*actor=VNM*")
    rows = page.locator("tr.event-row")
    api = httpx.get(server + "/api/events", params={"actor": "VNM", "limit": 50}, timeout=30).json()
    assert rows.count() == api["count"]


def test_timeline_and_network_charts_draw(page, server, shots):
    open_page(page, server, "/")
    wait_for_charts(page)
    timeline = page.locator("#timeline-chart")
    assert timeline.locator("svg.main-svg").count() >= 1
    bars = timeline.locator("g.barlayer path").count()
    types = httpx.get(server + "/api/timeline/types", timeout=30).json()
    assert (bars > 0) == bool(types)

    open_page(page, server, "/network")
    wait_for_charts(page)
    network = httpx.get(server + "/api/network", timeout=30).json()
    nodes = page.locator("#network-chart g.scatterlayer g.trace:has(g.textpoint) path.point")
    points = nodes.count()
    assert points == len(network["nodes"])
    page.locator("#network-chart").screenshot(path=str(shots / "network-chart.png"))
    if network["nodes"]:
        # Interactive: hovering a node shows its label.
        nodes.first.hover(force=True)
        page.locator("#network-chart g.hovertext").first.wait_for(timeout=5000)
        # ... and a click on it opens that actor's page.
        point = nodes.first.bounding_box()
        assert point
        page.mouse.click(point["x"] + point["width"] / 2, point["y"] + point["height"] / 2)
        page.wait_for_url("**/actors/*", timeout=10000)
        assert page.locator("h1").first.inner_text()


def test_hostile_report_text_never_executes(page, server, hostile):
    paths = [
        f"/reports/{hostile['id']}",
        f"/reports/{hostile['id']}?hl=0-40",
        "/search?q=xss",
        "/pair/VNM/JPN",
        "/actors/VNM",
        "/search?q=digital",
        "/events?text=Hanoi",
        "/reports",
        "/documents",
        "/targets",
    ]
    hits = httpx.get(server + "/api/search", params={"q": "__xss", "limit": 50}, timeout=30).json()["items"]
    assert hits, "the hostile sentences are stored as evidence"
    paths += [f"/events/{h['id']}" for h in hits if h["kind"] == "event"]
    for path in paths:
        open_page(page, server, path)
        page.mouse.move(200, 300)
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert page.locator("main img, main script, main b").count() == 0, path
    # hits come best first (bm25): pick the sentence that carries the script
    event_hits = [h for h in hits if h["kind"] == "event" and "<script>" in h["evidence"]]
    if event_hits:  # the marked sentence on the event page shows the tags as text
        open_page(page, server, f"/events/{event_hits[0]['id']}")
        assert "<script>window.__xss=2</script>" in page.locator("section.source mark").first.inner_text()
    open_page(page, server, f"/reports/{hostile['id']}")
    assert page.locator("#report-title").inner_text() == hostile["title"]
    assert "<script>window.__xss=2</script>" in page.locator("#report-text").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    page.locator("#report-text").hover()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.problems == [], page.problems

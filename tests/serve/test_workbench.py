"""The analyst's workbench in Debian's Chromium (Playwright) over a store
ingested from real reports: provenance in every list, full-text search with
accents folded and totals, pagers with totals, the partnerships page, CSV on
every view, names resolving like codes, filters refused with their reason,
facet counts, readable charts, the map, and pages that fit a 390 px phone.
"""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def get(server: str, path: str, **params):
    response = httpx.get(server + path, params=params, timeout=30)
    assert response.status_code == 200, (path, response.text[:300])
    return response


def every(server: str, path: str, **params) -> list[dict]:
    """Every item of a paged API list."""
    items, offset = [], 0
    while True:
        page = get(server, path, limit=500, offset=offset, **params).json()
        items.extend(page["items"])
        if not page["next"]:
            return items
        offset += 500


def open_page(page, server: str, path: str, status: int = 200):
    response = page.goto(server + path, wait_until="load")
    assert response is not None and response.status == status, path
    return response


def wait_for_charts(page) -> None:
    page.wait_for_function("[...document.querySelectorAll('[data-figure]')].every(e => e.dataset.rendered)")


# -- (1) provenance ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/events", "/api/documents", "/api/targets", "/api/partnerships"])
def test_every_list_item_carries_its_sources(server, path):
    items = every(server, path)
    assert items, path
    for item in items:
        assert item["sources"], (path, item["id"])
        for s in item["sources"]:
            assert s["report_id"] and s["end"] > s["start"] >= 0 and s["evidence"]
    text = get(server, "/api/reports/" + items[0]["sources"][0]["report_id"]).json()["text"]
    first = items[0]["sources"][0]
    assert text[first["start"] : first["end"]].split() == first["evidence"].split()


def test_csv_rows_name_their_reports_and_spans(server):
    for path in ("/api/events", "/api/documents", "/api/targets", "/api/partnerships", "/api/search"):
        params = {"format": "csv", "limit": 500}
        if path == "/api/search":
            params["q"] = "cooperation"
        rows = list(csv.DictReader(io.StringIO(get(server, path, **params).text)))
        assert rows, path
        if path != "/api/search":
            assert all(r["report_ids"] and re.match(r"^\S+:\d+-\d+", r["spans"]) for r in rows), path
        else:
            assert all(r["report_id"] and r["end"] for r in rows)


def test_list_pages_link_each_row_to_its_highlighted_sources(page, server):
    for path in ("/events", "/documents", "/targets", "/partnerships"):
        open_page(page, server, path)
        rows = page.locator("tbody tr").filter(has=page.locator("td.evidence"))
        assert rows.count() > 0, path
        for i in range(rows.count()):
            assert rows.nth(i).locator("a.source-link").count() >= 1, (path, i)
    open_page(page, server, "/partnerships")
    page.locator("a.source-link").first.click()
    page.wait_for_url("**/reports/*")
    assert page.locator("mark").count() >= 1
    assert page.problems == [], page.problems


# -- (2) search ---------------------------------------------------------------


def test_search_folds_accents_and_pages_with_totals(page, server, shots):
    totals = {}
    for words in ("Viet Nam", "Việt Nam", "Sebastian Pinera", "Sebastián Piñera"):
        open_page(page, server, "/")
        page.fill("header input[name=q]", words)
        page.press("header input[name=q]", "Enter")
        page.wait_for_url("**/search?*")
        totals[words] = int(re.match(r"(\d+) hit", page.locator(".search-total").inner_text()).group(1))
    assert totals["Viet Nam"] == totals["Việt Nam"] > 0
    assert totals["Sebastian Pinera"] == totals["Sebastián Piñera"] > 0
    open_page(page, server, "/search?q=Sebastian+Pinera")
    assert "Piñera" in page.locator("table.hits").inner_text()

    open_page(page, server, "/search?q=cooperation")
    total = int(re.match(r"(\d+) hit", page.locator(".search-total").inner_text()).group(1))
    assert total > 50, "the real store has more than a page of 'cooperation'"
    assert page.locator("tr.hit").count() == 50
    assert page.locator(".pager .range").inner_text() == f"1–50 of {total}"
    # hits show their date and type
    event_hits = page.locator("tr.hit").filter(has=page.locator("a[href^='/events/']"))
    assert event_hits.count() > 0
    assert event_hits.first.locator("td").nth(1).inner_text().strip()
    page.screenshot(path=str(shots / "search.png"))
    page.locator(".pager a[rel=next]").click()
    page.wait_for_url("**offset=50*")
    assert page.locator(".pager .range").inner_text().startswith("51–")
    api = get(server, "/api/search", q="cooperation", limit=10).json()
    assert api["total"] == total and api["count"] == 10
    assert page.problems == [], page.problems


# -- (3) pages, pagers, CSV, names, filters, facets ---------------------------


def test_partnerships_page_lists_every_partnership(page, server, shots):
    total = get(server, "/api/partnerships").json()["total"]
    assert total > 0
    open_page(page, server, "/")
    page.locator("header a", has_text="Partnerships").click()
    page.wait_for_url("**/partnerships")
    assert page.locator("h1").inner_text() == "Partnerships"
    assert page.locator("tr.partnership-row").count() == min(total, 50)
    assert page.locator(".pager .range").inner_text() == f"1–{min(total, 50)} of {total}"
    page.screenshot(path=str(shots / "partnerships.png"))
    assert page.problems == [], page.problems


def test_actors_documents_targets_page_with_totals(page, server):
    total = get(server, "/api/actors").json()["total"]
    assert total > 50
    open_page(page, server, "/actors")
    assert page.locator(".pager .range").inner_text() == f"1–50 of {total}"
    page.locator(".pager a[rel=next]").click()
    page.wait_for_url("**offset=50*")
    assert page.locator(".pager .range").inner_text() == f"51–{min(100, total)} of {total}"
    for path, api in (("/documents", "/api/documents"), ("/targets", "/api/targets")):
        n = get(server, api).json()["total"]
        open_page(page, server, path)
        assert page.locator(".pager .range").inner_text() == f"1–{min(n, 50)} of {n}", path
    assert page.problems == [], page.problems


VIEWS_WITH_CSV = [
    "/events",
    "/actors",
    "/actors/VNM",
    "/pair/VNM/JPN",
    "/network",
    "/search?q=cooperation",
    "/documents",
    "/targets",
    "/partnerships",
    "/reports",
]


@pytest.mark.parametrize("path", VIEWS_WITH_CSV)
def test_every_view_offers_csv(page, server, path):
    open_page(page, server, path)
    links = page.locator("a[href*='format=csv']")
    assert links.count() >= 1, path
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href")
        response = httpx.get(server + href, timeout=30)
        assert response.status_code == 200, href
        assert response.headers["content-type"].startswith("text/csv"), href
        assert len(response.text.splitlines()) >= 2, href
    assert page.problems == [], page.problems


def test_names_resolve_where_codes_do(page, server):
    by_code = get(server, "/api/pairs/VNM/JPN").json()
    by_name = get(server, "/api/pairs/Vietnam/Japan").json()
    assert (by_name["a"], by_name["b"]) == ("VNM", "JPN")
    assert len(by_name["meetings"]) == len(by_code["meetings"]) > 0
    rows = list(csv.DictReader(io.StringIO(get(server, "/api/pairs/Vietnam/Japan", format="csv").text)))
    kinds = ("meetings", "events", "documents", "targets", "partnerships")
    assert len(rows) == sum(len(by_code[k]) for k in kinds)
    assert all(r["report_ids"] for r in rows)
    open_page(page, server, "/pair/Vietnam/Japan")
    assert "Japan" in page.locator("h1").inner_text()
    assert page.problems == [], page.problems


def test_bad_filters_are_refused_with_their_reason(page, server):
    for params, field, words in (
        ({"since": "2023-13-45"}, "since", "month must be in 1..12"),
        ({"until": "2024-02-30"}, "until", "day is out of range"),
        ({"type": "FOO"}, "type", "CONSULT"),
    ):
        response = httpx.get(server + "/api/events", params=params, timeout=10)
        assert response.status_code == 422
        detail = response.json()["detail"][0]
        assert detail["loc"][-1] == field and words in detail["msg"]
        query = "&".join(f"{k}={v}" for k, v in params.items())
        open_page(page, server, f"/events?{query}", status=422)
        assert words in page.locator("#error").inner_text()
    open_page(page, server, "/events")
    options = page.locator("select[name=type] option").all_inner_texts()
    assert {"CONSULT", "AGREE", "REJECT", "ASSAULT"} <= set(options)
    page.select_option("select[name=dated]", "undated")
    page.click("form.filters button")
    page.wait_for_url("**dated=undated*")
    undated = get(server, "/api/events", dated="false", limit=500).json()
    assert undated["items"] and all(e["date"] is None for e in undated["items"])
    assert page.locator("tr.event-row").count() == min(50, len(undated["items"]))


def test_facet_counts_match_the_filtered_lists(page, server):
    facets = get(server, "/api/facets").json()
    open_page(page, server, "/events")
    box = page.locator(".facet[data-facet=type]")
    first = box.locator("li").first
    name = first.locator("a").inner_text()
    count = int(first.locator(".muted").inner_text())
    assert {"value": name, "count": count} == facets["type"][0]
    first.locator("a").click()
    page.wait_for_url(f"**type={name}*")
    assert len(every(server, "/api/events", type=name)) == count
    for facet in ("country", "year", "dated"):
        assert page.locator(f".facet[data-facet={facet}] li").count() >= 1
    assert page.problems == [], page.problems


# -- (5) charts ---------------------------------------------------------------


def figure(page, selector: str) -> dict:
    return page.evaluate(f"JSON.parse(document.querySelector('{selector}').dataset.figure)")


def test_dashboard_axis_follows_the_bulk_and_lists_outliers(page, server, shots):
    open_page(page, server, "/")
    wait_for_charts(page)
    fig = figure(page, "#timeline-chart")
    months = sorted({x for trace in fig["data"] for x in trace["x"]})
    outliers = fig["layout"]["meta"]["outliers"]
    timeline = get(server, "/api/timeline/types").json()
    every_month = sorted({p["month"] for p in timeline})
    assert len(months) + len(outliers) == len(every_month)
    if outliers:  # the real reports carry a few 1960s dates among 2010s-2020s reports
        note = page.locator("#timeline-outliers").inner_text()
        assert all(m in note for m, _ in outliers[:10])
        assert all(m[:7] < months[0][:7] or m[:7] > months[-1][:7] for m, _ in outliers)
    page.screenshot(path=str(shots / "dashboard.png"))
    assert page.problems == [], page.problems


def test_a_pair_with_one_month_gets_a_padded_axis(page, server):
    pair = None
    for edge in get(server, "/api/network").json()["edges"]:
        found = get(server, f"/api/pairs/{edge['source']}/{edge['target']}").json()
        months = {(m["date"] or m["anchor"] or "")[:7] for m in found["meetings"]} - {""}
        if len(months) == 1:
            pair = (edge["source"], edge["target"])
            break
    assert pair, "the real store has a pair that met in one month only"
    open_page(page, server, f"/pair/{pair[0]}/{pair[1]}")
    wait_for_charts(page)
    layout = page.evaluate("document.querySelector('#pair-meetings-chart').layout")
    start, end = layout["xaxis"]["range"]
    assert start < end and layout["xaxis"]["dtick"] == "M1"
    ticks = page.locator("#pair-meetings-chart .xtick text").all_text_contents()
    assert len(ticks) == len(set(ticks)) >= 3, ticks
    assert page.problems == [], page.problems


def test_an_empty_store_says_there_is_no_data(browser, empty_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        for path, selector in (("/", "#timeline-empty"), ("/network", ".no-data"), ("/map", "#map-empty")):
            response = page.goto(empty_server + path)
            assert response.status == 200
            assert page.locator(selector).inner_text().startswith("No "), path
            assert page.locator("[data-figure]").count() == 0
    finally:
        context.close()


def test_the_network_is_legible_and_filters(page, server, shots):
    open_page(page, server, "/network")
    wait_for_charts(page)
    fig = figure(page, "#network-chart")
    labelled = [t for trace in fig["data"] if trace.get("mode") == "markers+text" for t in trace["text"] if t]
    nodes = [c for trace in fig["data"] if trace.get("mode") == "markers+text" for c in trace["x"]]
    assert 0 < len(labelled) <= 20 and len(nodes) > len(labelled)
    # a real layout, not a band: the nodes spread over both axes
    xs = [x for trace in fig["data"] if trace.get("mode") == "markers+text" for x in trace["x"]]
    ys = [y for trace in fig["data"] if trace.get("mode") == "markers+text" for y in trace["y"]]
    assert (max(ys) - min(ys)) > 0.25 * (max(xs) - min(xs))
    page.screenshot(path=str(shots / "network.png"))
    edges = page.locator("#pairs tbody tr").count()
    page.select_option("select[name=region]", "EU")
    page.click("form.filters button")
    page.wait_for_url("**region=EU*")
    assert page.locator("#pairs tbody tr").count() <= edges
    open_page(page, server, "/network?since=2030-01-01")
    assert page.locator(".no-data").count() == 1
    assert page.problems == [], page.problems


# -- (6) the map --------------------------------------------------------------


def test_meetings_on_the_map_lead_to_their_events(page, server, shots):
    open_page(page, server, "/")
    page.locator("header a", has_text="Map").click()
    page.wait_for_url("**/map")
    wait_for_charts(page)
    fig = figure(page, "#map-chart")
    points = next(t for t in fig["data"] if t.get("name") == "meetings")
    assert points["type"] == "scattergeo" and fig["layout"]["geo"]["showcountries"]
    assert points["lon"] and all(-180 <= x <= 180 for x in points["lon"])
    assert all(-90 <= y <= 90 for y in points["lat"])
    # the country outlines are drawn, from the file diplograph serves (no CDN: page.problems)
    assert page.locator("#map-chart path.countries, #map-chart .countries path").count() > 0
    page.screenshot(path=str(shots / "map.png"))
    link = page.locator("a.place-link").first
    place = link.inner_text()
    link.click()
    page.wait_for_url("**/events?*location=*")
    rows = page.locator("tr.event-row")
    assert rows.count() >= 1
    api = get(server, "/api/events", kind="meeting", location=place).json()
    assert rows.count() == api["count"] and all(e["location"] == place for e in api["items"])
    assert page.problems == [], page.problems


# -- (7) small screens --------------------------------------------------------

PHONE_PAGES = [
    "/",
    "/events",
    "/actors",
    "/actors/VNM",
    "/pair/VNM/JPN",
    "/network",
    "/map",
    "/targets",
    "/documents",
    "/partnerships",
    "/reports",
    "/search?q=cooperation",
]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_pages_fit_a_390px_phone(phone, server, shots, path):
    open_page(phone, server, path)
    wait_for_charts(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path} is {width}px wide at 390px"
    # every table is reachable: it scrolls inside itself rather than being cut off
    for table in phone.locator("table").all():
        box = table.bounding_box()
        assert box is None or box["x"] >= 0 and box["x"] + box["width"] <= 391, path
    name = path.strip("/").replace("/", "-").split("?")[0] or "dashboard"
    phone.screenshot(path=str(shots / f"phone-{name}.png"))
    assert phone.problems == [], phone.problems

"""In real Chromium (Debian's, driven by Playwright; no browser download): search -> click a facet -> open an
article -> open an entity -> see the chart. Screenshots go to a temporary folder; with
HABAR_UPDATE_SCREENSHOTS=1 they also replace the committed ones in docs/screenshots/.

Needs `bash scripts/install_browser.sh` (run by `make test`); skipped with the reason otherwise.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(app):
    uvicorn = pytest.importorskip("uvicorn")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed; run `bash scripts/install_browser.sh`")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed; run "
                                   "`bash scripts/install_browser.sh`")
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh --user-data-dir, passed the Playwright way
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(profile), executable_path=str(CHROMIUM), headless=True,
                                                       args=FLAGS, viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture()
def shots(tmp_path):
    """Saves a screenshot in tmp_path, and in docs/screenshots when HABAR_UPDATE_SCREENSHOTS=1."""
    def take(page, name: str, full: bool = False) -> Path:
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=full)
        assert path.stat().st_size > 1000
        if os.environ.get("HABAR_UPDATE_SCREENSHOTS") == "1":
            SHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, SHOTS / path.name)
        return path
    return take


def test_search_facet_article_entity_chart(server, browser, shots):
    page = browser.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server}/search?q=Тоқаев")
    assert page.locator("li.hit").count() >= 2
    assert page.locator("li.hit mark").count() >= 1
    shots(page, "search")

    page.locator("ul.facet-source a[data-facet='kazinform']").click()
    page.wait_for_url("**source%3Akazinform**")
    sources = page.locator("li.hit .source").all_inner_texts()
    assert sources and set(sources) == {"kazinform"}
    assert page.locator("ul.facet-source li.active").count() == 1

    page.locator("li.hit h3 a").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("article .text a.ent").count() >= 1
    raw = page.locator("details.raw")
    raw.locator("summary").click()
    assert raw.get_attribute("open") is not None
    shots(page, "article")

    page.locator("article .text a.ent-PERSON").first.click()
    page.wait_for_url("**/entity/PERSON**")
    chart = page.locator("#mentions-chart svg.chart")
    chart.wait_for(state="visible")
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    assert page.locator("#mentions-chart rect.bar").count() >= 1
    shots(page, "entity")
    page.close()


def test_dashboard_and_phone_layout(server, browser, shots):
    page = browser.new_page()
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(f"{server}/dashboard")
    assert page.locator("#by-language svg.chart").is_visible()
    assert page.locator("#by-language polyline, #by-language rect.bar").count() >= 1
    shots(page, "dashboard")
    page.close()

    phone = browser.new_page()
    phone.set_viewport_size({"width": 375, "height": 800})
    phone.goto(f"{server}/search?q=Астана")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide on a 375px phone screen"
    shots(phone, "search-phone")
    phone.close()


def test_language_switch(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/search")
    page.locator("nav.langs a[hreflang='en']").click()
    page.wait_for_url("**lang=en**")
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(f"{server}/dashboard")  # the choice is remembered
    assert page.locator("html").get_attribute("lang") == "en"
    page.close()


def test_analyze_shows_entities_in_the_text(server, browser, shots):
    page = browser.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server}/analyze")
    page.fill("textarea#text", "Қасым-Жомарт Тоқаев Астанада Оңтүстік Корея Президентімен кездесті. "
                               "Тараптар сауда туралы келісімге қол қойды.")
    page.locator("form.analyze-form button").click()
    page.wait_for_selector(".displacy a.ent")
    assert page.locator(".displacy a.ent-PERSON").count() >= 1
    assert page.locator("table.tokens tbody tr").count() >= 10
    shots(page, "analyze")
    page.close()

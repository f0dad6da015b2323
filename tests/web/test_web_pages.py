"""The HTML pages render their data: facet links, coloured entity links, the raw-text toggle, charts."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_root_redirects_to_search(client, method):
    r = client.request(method, "/", follow_redirects=False)
    assert r.status_code == 302 and r.headers["location"] == "/search"


def test_search_page_has_box_help_hits_facets_and_sort(html_client):
    html = html_client.get("/search", params={"q": "Тоқаев"}).text
    assert 'name="q"' in html and 'value="Тоқаев"' in html
    assert 'class="syntax-help"' in html and "date:2019-11..2020-01" in html
    assert html.count('class="hit"') >= 2 and "<mark>" in html
    assert 'class="facet facet-source"' in html and 'class="facet facet-lang"' in html
    assert "sort=date" in html
    assert re.search(r'href="/search\?q=%D0%A2%D0%BE%D2%9B%D0%B0%D0%B5%D0%B2\+source%3A', html)


def test_article_page_colours_and_links_entities(html_client):
    html = html_client.get("/article/sample-01").text
    assert re.search(r'<a class="ent ent-PERSON" href="/entity/PERSON%3A', html)
    assert 'class="side"' in html and "Дәйексөздер" in html
    assert '<details class="raw" id="raw">' in html


def test_article_page_shows_what_cleaning_removed_and_why(html_client):
    html = html_client.get("/article/sample-24").text
    raw = html.split('<details class="raw"', 1)[1]
    assert re.search(r'<span class="removed" title="boilerplate:subscribe">Telegram арнамызға жазылыңыз', raw)
    assert '<table class="cleaning">' in raw and "clean_boilerplate" in raw


def test_article_page_links_other_copies(html_client):
    html = html_client.get("/article/sample-29").text
    assert 'href="/article/sample-30"' in html


def test_entity_page_has_chart_and_sections(html_client):
    html = html_client.get("/entity/" + quote("PERSON:Қасым-Жомарт Тоқаев", safe="")).text
    chart = html.split('id="mentions-chart"', 1)[1]
    assert "<svg" in chart and 'class="bar"' in chart
    assert "Бірге аталатындар" in html and "Соңғы мақалалар" in html and "Осы адамның дәйексөздері" in html


def test_dashboard_has_two_charts_top_entities_and_quotes(html_client):
    html = html_client.get("/dashboard").text
    for box in ('id="by-language"', 'id="by-source"'):
        chart = html.split(box, 1)[1].split("</figure>", 1)[0]
        assert "<polyline" in chart or 'class="bar"' in chart
    assert html.count('class="ent ent-') >= 5


def test_analyze_page_posts_and_shows_a_displacy_view(html_client):
    assert 'method="post"' in html_client.get("/analyze").text
    html = html_client.post("/analyze", data={"text": "Тоқаев Астанада сөз сөйледі."}).text
    assert 'class="displacy"' in html and '<table class="tokens">' in html
    tokens = html.split('<table class="tokens">', 1)[1]
    assert "<td>Тоқаев</td>" in tokens and "<td>Астанада</td>" in tokens


@pytest.mark.parametrize("path", ["/search", "/dashboard", "/analyze", "/docs", "/article/sample-02"])
def test_pages_are_responsive(html_client, path):
    html = html_client.get(path).text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<link rel="stylesheet" href="/static/habar.css">' in html


def test_stylesheet_has_a_phone_first_breakpoint(client):
    css = client.get("/static/habar.css").text
    assert "@media (min-width:" in css and "grid-template-columns: 1fr;" in css

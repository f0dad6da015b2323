"""The search page's fast paths give what the plain ways gave: facet <li> lines built in Python are the Jinja
loop's markup, the cheap escape is markupsafe's, and the per-page links are search_url(add_clause/remove_clause)."""

from __future__ import annotations

import pytest
from jinja2 import Environment
from markupsafe import Markup, escape

from habar.web.fragments import facet_lines, text
from habar.web.search import _Links, add_clause, entity_url, filter_clause, remove_clause, search_url

# the loop search.html had before habar.web.fragments, with the app's whitespace and escaping settings
JINJA_LOOP = """\
  <ul class="facet facet-x">
    {% for item in items %}<li{% if item.active %} class="active"{% endif %}><a href="{{ item.url }}" rel="nofollow" data-facet="{{ item.value }}">{{ item.value or "?" }}</a> <span class="count">{{ item.count }}</span>{% if item.entity_url %} <a class="to-entity" href="{{ item.entity_url }}" title="{{ title }}">↗</a>{% endif %}</li>
    {% endfor %}
  </ul>"""
FRAGMENT = """\
  <ul class="facet facet-x">
{{ items|facet_lines(title) }}  </ul>"""

ITEMS = {
    "plain": [{"value": "kazinform.kz", "count": 12, "active": False, "url": "/search?q=a+source%3Akazinform.kz"}],
    "active and sorted": [{"value": "2019", "count": 3, "active": True, "url": "/search?q=a&sort=date&size=20"}],
    "markup in a value": [{"value": '<script>alert("x")</script> & «Қ»', "count": 1, "active": False,
                           "url": "/search?q=%3Cscript%3E", "entity_url": "/entity/ORG%3A%3Cscript%3E"}],
    "quotes in a link": [{"value": "O'Neil", "count": 2, "active": False, "url": "/search?q=x\"y'z<&>"}],
    "empty and missing": [{"value": "", "count": 0, "active": False, "url": "/search?q="},
                          {"value": None, "count": 7, "active": 0, "url": ""}],
    "entity links": [{"value": "Қасым-Жомарт Тоқаев", "count": 40, "active": False,
                      "url": "/search?q=entity%3A%22%D2%9A%22", "entity_url": entity_url("PERSON", "Қасым-Жомарт Тоқаев")},
                     {"value": "Астана", "count": 5, "active": True, "url": "/search?q=", "entity_url": None}],
    "none": [],
}


@pytest.fixture(scope="module")
def env() -> Environment:
    from habar.web.app import templates

    return templates()  # the app's own settings: autoescape, trim_blocks, lstrip_blocks, the filters


@pytest.mark.parametrize("name", ITEMS)
@pytest.mark.parametrize("title", ["Entity page", 'Бет "<↗>" & \'т\''])
def test_facet_lines_are_the_jinja_loops_markup(env, name, title):
    items = ITEMS[name]
    expected = env.from_string(JINJA_LOOP).render(items=items, title=title)
    assert env.from_string(FRAGMENT).render(items=items, title=title) == expected


@pytest.mark.parametrize("value", ["", "Алматы", "a&b", "/search?q=x&sort=date", "<b>", "'", '"', "a & <b>",
                                   0, 17, -3, None, True, 2.5, Markup("<mark>x</mark>")])
def test_text_escapes_as_markupsafe(value):
    assert str(text(value)) == str(escape(value))


QUERIES = ["", "Тоқаев", 'форум source:kazinform.kz', 'entity:"Қасым-Жомарт Тоқаев" date:2019', "a b c"]
FILTERS = [("source", "kazinform.kz"), ("lang", "kk"), ("date", "2019"), ("date", "2019-11"),
           ("entity", "Қасым-Жомарт Тоқаев"), ("entity", 'say "hi"'), ("entity", "a:b"), ("entity", "«Нұр Отан»"),
           ("type", "PERSON"), ("entity", "x&y=1+2%")]


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("sort,size,mode", [("score", 10, None), ("date", 10, None), ("score", 20, "hybrid"),
                                            ("date", 5, "lexical")])
def test_page_links_are_search_url_of_the_changed_query(q, sort, size, mode):
    links = _Links(q, sort, size, mode)
    for field, value in FILTERS + [("source", "kazinform.kz"), ("entity", "Қасым-Жомарт Тоқаев")]:
        clause = filter_clause(field, value)
        active, url = links.toggle(field, value)
        assert active == (clause in q)
        changed = remove_clause(q, clause) if active else add_clause(q, clause)
        assert url == search_url(changed, sort, size, mode=mode), (field, value)
    for page in (1, 2, 7):
        assert links.page(page) == search_url(q, sort, size, page, mode)
    assert links.page(sort="date") == search_url(q, "date", size, mode=mode)

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


# the facet sidebar and the hits of search.html before habar.web.fragments.facet_sections and hit_items took them over
JINJA_FACETS = """\
<aside class="facets" aria-label="{{ t('facet.label') }}">
  {% set entity_page = t('facet.entity_page') %}
  {% set f = data["facets"] %}
  {% set shown = namespace(plain=false) %}
  {% for cls, title, items in [("source", t("facet.source"), f["source"]), ("lang", t("facet.lang"), f["lang"]), ("year", t("facet.year"), f["year"]), ("month", t("facet.month"), f["month"])] if items %}
  {% set shown.plain = true %}
  <section><h2>{{ title }}</h2>
  <ul class="facet facet-{{ cls }}">
{{ items|facet_lines }}  </ul></section>
  {% endfor %}
  {% for label, items in f["entities"].items() if items %}
  {% if loop.first and shown.plain and f["type"] %}
  <section><h2>{{ t("facet.type") }}</h2>
    <ul class="facet facet-type">{% for item in f["type"] %}<li{% if item["active"] %} class="active"{% endif %}><a href="{{ item["url"] }}" rel="nofollow"><span class="swatch ent-{{ item["value"] }}"></span>{{ t("label." ~ item["value"]) }}</a></li>{% endfor %}</ul>
  </section>
  {% endif %}
  <section><h2><span class="swatch ent-{{ label }}"></span>{{ t("label." ~ label) }}</h2>
  <ul class="facet facet-entity">
{{ items|facet_lines(entity_page) }}  </ul></section>
  {% endfor %}
</aside>"""
FACETS = """\
<aside class="facets" aria-label="{{ t('facet.label') }}">
{{ facet_sections(data["facets"], t) }}</aside>"""
JINJA_HITS = """\
  <ol class="hits" start="1">
    {% for hit in data.hits %}
    <li class="hit">
      <h3><a href="{{ hit["url"] }}">{{ hit["headline"] or hit["id"] }}</a></h3>
      <p class="hit-meta"><span class="source">{{ hit["source"] or "?" }}</span> · <time>{{ hit["published"] or t("search.no_date") }}</time> · <span class="lang">{{ hit["lang"] or "?" }}</span>{% if hit["score"] is not none %} · <span class="score" title="{{ score_title }}">{{ hit["score"] }}</span>{% endif %}</p>
      <p class="snippet">{{ hit["snippet"]|marks }}</p>
      {% if hit["entities"] %}<p class="hit-about"><span class="about-label">{{ t("search.entities") }}:</span> {% for name in hit["entities"] %}<span class="entity" lang="kk">{{ name }}</span>{% if not loop.last %}, {% endif %}{% endfor %}</p>{% endif %}
      {% if hit["keyphrases"] %}<p class="hit-about"><span class="about-label">{{ t("search.keyphrases") }}:</span> {% for phrase in hit["keyphrases"] %}<span class="keyphrase" lang="kk">{{ phrase }}</span>{% if not loop.last %}, {% endif %}{% endfor %}</p>{% endif %}
    </li>
    {% endfor %}
  </ol>"""
HITS = """\
  <ol class="hits" start="1">
{{ hit_items(data.hits, t, score_title) }}  </ol>"""


def item(value, active=False, **more):
    return {"value": value, "count": 3, "active": active, "url": f"/search?q=x+{value}&sort=date", **more}


ODD = '<b>"O\'Neil" & Қ</b>'
FACET_CASES = {
    "all lists": {"source": [item("kazinform.kz"), item("tengri", True)], "lang": [item("kk")], "year": [],
                  "month": [item("2019-11"), item("2019-12", True)],
                  "entities": {"PERSON": [item("Тоқаев", entity_url="/entity/PERSON%3AT")], "GPE": [],
                               "ORG": [item(ODD, entity_url="/entity/ORG%3A%3Cb%3E")]},
                  "type": [item("PERSON"), item("GPE", True), item("ORG")]},
    "entities alone": {"source": [], "lang": [], "year": [], "month": [],
                       "entities": {"PERSON": [item("A", entity_url="/e/A")], "LOC": [item("B", True)]},
                       "type": [item("PERSON"), item("LOC")]},
    "no types": {"source": [], "lang": [item("ru")], "year": [item("2020")], "month": [],
                 "entities": {"PERSON": [item("", entity_url="/e/")]}, "type": []},
    "empty entity lists": {"source": [item(ODD)], "lang": [], "year": [], "month": [],
                           "entities": {"PERSON": [], ODD: [item("x")]}, "type": [item(ODD)]},
    "nothing": {"source": [], "lang": [], "year": [], "month": [], "entities": {}, "type": []},
}
HIT = {"id": "a-1", "url": "/article/a-1", "headline": "Форум & <b>", "source": "kazinform.kz",
       "published": "2019-11-02", "lang": "kk", "score": 4.6168, "snippet": "a <mark>форум</mark> &amp; b"}
HIT_CASES = {
    "lexical": [HIT, {**HIT, "id": "b", "score": 12.0, "snippet": "<script>x</script> <mark>open"}],
    "by date": [{**HIT, "score": None, "published": None}, {**HIT, "headline": "", "source": "", "lang": None}],
    "across languages": [{**HIT, "entities": ["Тоқаев", ODD], "keyphrases": ["су"]},
                         {**HIT, "entities": [], "keyphrases": ["a", "b & c"]}],
    "keys missing": [{"id": "c"}, {"url": "/article/d", "snippet": None}],
    "none": [],
}


@pytest.fixture(scope="module", params=["kk", "ru", "en", "odd"])
def t(request):
    from habar.web.i18n import translator

    if request.param == "odd":  # messages with markup in them are escaped like any text
        return lambda key, **values: f"<{key}> & \"'"
    return translator(request.param)


@pytest.mark.parametrize("case", FACET_CASES)
def test_facet_sections_are_the_jinja_loops_markup(env, t, case):
    data = {"facets": FACET_CASES[case]}
    expected = env.from_string(JINJA_FACETS).render(data=data, t=t)
    assert env.from_string(FACETS).render(data=data, t=t) == expected


@pytest.mark.parametrize("case", HIT_CASES)
@pytest.mark.parametrize("score_title", ["BM25", "Гибрид <&>"])
def test_hit_items_are_the_jinja_loops_markup(env, t, case, score_title):
    data = {"hits": HIT_CASES[case]}
    expected = env.from_string(JINJA_HITS).render(data=data, t=t, score_title=score_title)
    assert env.from_string(HITS).render(data=data, t=t, score_title=score_title) == expected

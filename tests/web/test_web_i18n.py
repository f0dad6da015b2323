"""The interface speaks Kazakh by default; Russian and English by ?lang= and then by cookie; every string in
the templates has a key in all three catalogues."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from habar.web.i18n import LANGUAGES, MESSAGES

TEMPLATES = Path(__file__).resolve().parents[2] / "habar" / "web" / "templates"
# keys built at run time from a prefix: every value the code can produce must be covered
DYNAMIC = {"lang.": LANGUAGES, "fact.": ("quote", "agreement", "meeting", "investment", "statistic"),
           "arg.": ("kind", "parties", "date", "place", "amount", "purpose", "period", "subject", "value", "unit",
                    "predicate"),
           "topic.": ("entertainment", "geography", "health", "politics", "science/technology", "sports", "travel")}


def catalogue(lang: str) -> dict:
    return json.loads((MESSAGES / f"{lang}.json").read_text(encoding="utf-8"))


def template_keys() -> set[str]:
    """The keys the templates ask for, and habar.web.fragments, which builds parts of the search page."""
    from habar.web.fragments import PLAIN_FACETS

    keys = {key for _, key in PLAIN_FACETS}
    for path in [*TEMPLATES.glob("*.html"), TEMPLATES.parent / "fragments.py"]:
        source = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_/]+)["']""", source))
        keys |= set(re.findall(r"""["']([a-z_]+\.[a-z_/]+)["']\s*\|\s*tr\b""", source))  # "key"|tr
    return keys


def test_every_key_in_all_three_catalogues():
    keys = {lang: set(catalogue(lang)) for lang in LANGUAGES}
    assert keys["kk"] == keys["ru"] == keys["en"], {l: sorted(keys["kk"] ^ k) for l, k in keys.items()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_covers_templates_and_dynamic_keys(lang):
    have = catalogue(lang)
    wanted = template_keys() | {p + v for p, values in DYNAMIC.items() for v in values}
    assert not sorted(wanted - set(have))
    assert all(isinstance(v, str) and v.strip() for v in have.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_english(lang):
    en, other = catalogue("en"), catalogue(lang)
    for key, text in en.items():
        assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", other[key])), key


def test_entity_labels_of_the_ner_are_named():
    """Every type the NER may emit has a name (KazNERD's 25 classes)."""
    classes = ("ADAGE ART CARDINAL CONTACT DATE DISEASE EVENT FACILITY GPE LANGUAGE LAW LOCATION MISCELLANEOUS "
               "MONEY NON_HUMAN NORP ORDINAL ORGANISATION PERCENTAGE PERSON POSITION PRODUCT PROJECT QUANTITY TIME")
    assert not [c for c in classes.split() if f"label.{c}" not in catalogue("kk")]


@pytest.mark.parametrize("query,cookie,lang,word", [
    ({}, None, "kk", "Іздеу"),
    ({"lang": "ru"}, None, "ru", "Поиск"),
    ({"lang": "en"}, None, "en", "Search"),
    ({}, "ru", "ru", "Поиск"),
    ({"lang": "en"}, "ru", "en", "Search"),
    ({}, "xx", "kk", "Іздеу"),
])
def test_language_choice(client, query, cookie, lang, word):
    client.cookies.clear()
    if cookie:
        client.cookies.set("habar_lang", cookie)
    r = client.get("/search", params=query)
    assert f'<html lang="{lang}">' in r.text
    assert f'<a href="/search">{word}</a>' in r.text
    client.cookies.clear()


def test_lang_parameter_is_remembered(client):
    client.cookies.clear()
    r = client.get("/dashboard", params={"lang": "ru"})
    assert "habar_lang=ru" in r.headers["set-cookie"]
    assert '<html lang="ru">' in client.get("/dashboard").text
    client.cookies.clear()


def test_language_links_are_url_with():
    """lang_urls quotes a page's other parameters once for all its language links: the same links as url_with."""
    from starlette.requests import Request

    from habar.web.i18n import lang_urls, url_with

    for query in ["", "q=%D0%B0+b&sort=date", "lang=ru&q=x", "q=a&lang=en&page=2", "a=1&a=2&lang=kk&lang=ru",
                  "q=x%26lang%3Dru&=v&k", "q=a;b&c=%zz"]:
        request = Request({"type": "http", "method": "GET", "path": "/search", "query_string": query.encode(),
                           "headers": []})
        links = lang_urls(request)
        for code in (*LANGUAGES, "a b&c"):
            assert links(code) == url_with(request, lang=code), (query, code)

"""Interface language: Kazakh by default, Russian and English on request (?lang=, then a cookie).

The strings live in message catalogues, habar/web/messages/{kk,ru,en}.json, one key per string; a test checks
that every key exists in all three. A key missing everywhere shows its last part (an entity type the catalogues
do not name yet shows as "PERSON"), so a gap is visible, not silent.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote_plus, urlencode

from markupsafe import Markup
from starlette.requests import Request

LANGUAGES = ("kk", "ru", "en")
DEFAULT = "kk"
COOKIE = "habar_lang"
MESSAGES = Path(__file__).resolve().parent / "messages"
_MARK = re.compile(r"(</?mark>)")


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    path = MESSAGES / f"{lang}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}); fix the catalogue") from None


def language(request: Request) -> str:
    """?lang= if it names a known language, else the cookie, else Kazakh."""
    asked = request.query_params.get("lang", "")
    if asked in LANGUAGES:
        return asked
    saved = request.cookies.get(COOKIE, "")
    return saved if saved in LANGUAGES else DEFAULT


def translator(lang: str):
    messages, fallback = catalogue(lang), catalogue(DEFAULT)

    def t(key: str, **values) -> str:
        text = messages.get(key) or fallback.get(key) or key.partition(".")[2] or key
        return text.format(**values) if values else text
    return t


def cookie_header(request: Request) -> str | None:
    """A ?lang= choice sticks: the Set-Cookie value that saves it for the next pages (None when nothing changes).
    Only a known language code ever reaches the header."""
    asked = request.query_params.get("lang", "")
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        return f"{COOKIE}={asked}; Max-Age={365 * 24 * 3600}; Path=/; SameSite=lax; HttpOnly"
    return None


def url_with(request: Request, **changes) -> str:
    """The current path and query with some parameters replaced (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def lang_urls(request: Request):
    """The function `code -> url_with(request, lang=code)` of a page's language links, with the other parameters
    (the search query above all) quoted once for all the links instead of once per link."""
    params = dict(request.query_params)
    params["lang"] = ""  # in the place of a ?lang= the page has, else last: as url_with puts it
    at = list(params).index("lang")
    pieces = urlencode(params).split("&")  # urlencode quotes an & in a name or value: each piece is one pair
    path = request.url.path

    def url(code) -> str:
        pieces[at] = "lang=" + quote_plus(str(code))
        return path + "?" + "&".join(pieces)
    return url


def safe_marks(snippet: str) -> Markup:
    """A search snippet as HTML in which only <mark> and </mark> survive: every other piece of text is
    unescaped once (the search escapes it) and escaped again, so nothing else can become markup."""
    snippet = snippet or ""
    opens, closes = snippet.count("<mark>"), snippet.count("</mark>")
    if "&" not in snippet and snippet.count("<") == snippet.count(">") == opens + closes:
        # the usual snippet: every < and > belongs to a mark (one of each per mark, and marks cannot overlap) and
        # nothing is escaped, so the text between the marks is its own escape; what the loop below gives
        return Markup(snippet + "</mark>" * max(0, opens - closes))
    out = []
    for part in _MARK.split(snippet):
        if part in ("<mark>", "</mark>"):
            out.append(part)
        else:
            out.append(html.escape(html.unescape(part), quote=False))
    opened = sum(p == "<mark>" for p in out) - sum(p == "</mark>" for p in out)
    return Markup("".join(out) + "</mark>" * max(0, opened))

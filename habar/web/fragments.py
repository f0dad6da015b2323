"""HTML built in Python for the hot loops of the search page, escaped exactly as the templates' autoescape does.

A search page lists some hundred facet values in twenty lists, each value a link, a count and maybe an entity
link, and ten hits. In Jinja that is some five hundred yields, two hundred escapes and as many lookups per page,
most of the page's rendering; f-strings do the same work in a fraction of the time. The markup is what the Jinja
loops gave, character for character, their odd whitespace included: tests/web/test_web_fragments.py keeps those
loops and compares their output with this module's.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from habar.web.i18n import safe_marks

try:  # what markupsafe.escape runs on a str, without making a Markup of the result (a third of its time)
    from markupsafe._speedups import _escape_inner
except ImportError:  # markupsafe's own fallback, or a future layout: the public way, same characters
    def _escape_inner(value: str) -> str:
        return str(escape(value))

ACTIVE = ' class="active"'
PLAIN_FACETS = (("source", "facet.source"), ("lang", "facet.lang"), ("year", "facet.year"), ("month", "facet.month"))


def text(value) -> str:
    """markupsafe.escape(value) as a plain str, in a fraction of its time for the usual values: a str goes
    straight to markupsafe's C escape, and a count is its digits."""
    kind = type(value)
    if kind is str:
        return _escape_inner(value)
    if kind is int:
        return str(value)
    return escape(value)


def facet_lines(items: list[dict], entity_title: str = "") -> Markup:
    """The <li> lines of one facet list (habar.web.search._Links.facet_items): a filter link with the value and its
    count, the active one marked; an entity value also links to its entity page, titled `entity_title`."""
    return Markup("".join(_facet_lines(items, text(entity_title))))


def _facet_lines(items: list[dict], title: str) -> list[str]:
    out = []
    for item in items:
        value = item["value"]
        shown = text(value)
        to_entity = item.get("entity_url")
        out.append(
            f'<li{ACTIVE if item["active"] else ""}><a href="{text(item["url"])}" rel="nofollow" '
            f'data-facet="{shown}">{shown if value else "?"}</a> <span class="count">{text(item["count"])}</span>'
            + (f' <a class="to-entity" href="{text(to_entity)}" title="{title}">↗</a>' if to_entity else "")
            + "</li>\n")
    return out


def facet_sections(facets: dict, t: Callable[[str], str]) -> Markup:
    """The facet sidebar's sections (habar.web.search.search_data's "facets"), with `t` the page's messages: the
    lists of sources, languages, years and months that have values; then, before the first entity list, the
    entity types when some other list is shown; then an entity list per type, each value linking to its page."""
    out = []
    for name, key in PLAIN_FACETS:
        if facets[name]:
            out.append(f'  <section><h2>{text(t(key))}</h2>\n  <ul class="facet facet-{name}">\n')
            out += _facet_lines(facets[name], "")
            out.append("  </ul></section>\n")
    entity_page = text(t("facet.entity_page"))
    first = True
    for label, items in facets["entities"].items():
        if not items:
            continue
        if first and out and facets["type"]:
            out.append(f'  <section><h2>{text(t("facet.type"))}</h2>\n    <ul class="facet facet-type">')
            for item in facets["type"]:
                kind = text(item["value"])
                out.append(f'<li{ACTIVE if item["active"] else ""}><a href="{text(item["url"])}" rel="nofollow">'
                           f'<span class="swatch ent-{kind}"></span>{text(t("label." + str(item["value"])))}</a></li>')
            out.append("</ul>\n  </section>\n")
        first = False
        out.append(f'  <section><h2><span class="swatch ent-{text(label)}"></span>{text(t("label." + str(label)))}'
                   f'</h2>\n  <ul class="facet facet-entity">\n')
        out += _facet_lines(items, entity_page)
        out.append("  </ul></section>\n")
    return Markup("".join(out))


def hit_items(hits: list[dict], t: Callable[[str], str], score_title: str) -> Markup:
    """The <li> of each hit: its headline linking to the article, source, date, language and score (titled
    `score_title`), the snippet (only its <mark> kept as markup), and for a hit found across languages
    its article's main names and keyphrases. A key a hit lacks shows as Jinja showed it: empty."""
    out = []
    title = text(score_title)
    about = (("entities", "entity", text(t("search.entities"))),
             ("keyphrases", "keyphrase", text(t("search.keyphrases"))))
    for hit in hits:
        get = hit.get
        score = get("score", "")
        out.append(
            f'    <li class="hit">\n      <h3><a href="{text(get("url", ""))}">{text(get("headline") or get("id", ""))}'
            f'</a></h3>\n      <p class="hit-meta"><span class="source">{text(get("source") or "?")}</span> · '
            f'<time>{text(get("published") or t("search.no_date"))}</time> · '
            f'<span class="lang">{text(get("lang") or "?")}</span>'
            + ("" if score is None else f' · <span class="score" title="{title}">{text(score)}</span>')
            + f'</p>\n      <p class="snippet">{safe_marks(get("snippet", ""))}</p>\n')
        # the template's {% if %} lines lost their indent and newline to lstrip_blocks and trim_blocks
        for key, cls, label in about:
            if get(key):
                out.append(f'<p class="hit-about"><span class="about-label">{label}:</span> '
                           + ", ".join(f'<span class="{cls}" lang="kk">{text(v)}</span>' for v in hit[key])
                           + "</p>")
        out.append("    </li>\n")
    return Markup("".join(out))

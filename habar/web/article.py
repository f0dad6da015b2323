"""The article page and /api/article/{id}: clean text with entities, facts, summary, the raw text with what
cleaning removed and why, and the other copies of the story when the store has clustered it."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Path, Request

from habar.document import Article
from habar.search.snippets import headline
from habar.store.records import entity_key
from habar.web.app import Web, api, render
from habar.web.errors import WebError
from habar.web.search import entity_url

# ids come from readers (JSONL ids may hold "/"); an id is only ever an SQL parameter, never a file path
ID_PATTERN = r"^[^\x00-\x1f]{1,300}$"


def web_link(url: str) -> bool:
    """Only http(s) addresses become links: a `javascript:` or `data:` URL from a feed stays text."""
    return url.strip().lower().startswith(("http://", "https://"))


def text_segments(text: str, entities: list) -> list[dict]:
    """`text` cut into plain pieces and entity mentions (the outermost, first, of overlapping ones)."""
    out, pos = [], 0
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if e.start < pos or e.end <= e.start or e.end > len(text):
            continue
        if e.start > pos:
            out.append({"text": text[pos:e.start]})
        norm = e.norm or e.text
        out.append({"text": text[e.start:e.end], "label": e.label, "norm": norm, "url": entity_url(e.label, norm)})
        pos = e.end
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out


def raw_segments(raw: str, changes: list) -> list[dict]:
    """`raw` cut into kept pieces and the pieces cleaning removed or rewrote, each with its reason."""
    out, pos = [], 0
    for c in sorted(changes, key=lambda c: (c.raw_start, c.raw_end)):
        if c.raw_start < pos:
            continue
        if c.raw_start > pos:
            out.append({"text": raw[pos:c.raw_start]})
        out.append({"text": raw[c.raw_start:c.raw_end], "new": c.new, "reason": c.reason,
                    "removed": c.new == ""})
        pos = c.raw_end
    if pos < len(raw):
        out.append({"text": raw[pos:]})
    return out


def _span(text: str, pair) -> str:
    return text[pair[0]:pair[1]] if isinstance(pair, (list, tuple)) and len(pair) == 2 else ""


# the arguments of each fact kind shown in the side panel, in this order (the API carries them all)
FACT_DETAILS = {
    "agreement": ("kind", "parties", "date", "place"),
    "meeting": ("kind", "parties", "date", "place"),
    "investment": ("amount", "purpose", "parties", "period"),
    "statistic": ("subject", "value", "unit", "predicate"),
}


def readable(value) -> str:
    """An argument as a short text: spans by their text, entities by their base form, lists joined."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, dict):
        return str(value.get("norm") or value.get("text") or value.get("value") or "")
    if isinstance(value, list):
        return ", ".join(x for x in (readable(v) for v in value) if x)
    return str(value)


def fact_view(article: Article, fact) -> dict:
    """A fact for the side panel: its kind, its sentence and the readable parts of its arguments."""
    args = fact.args or {}
    view = {"kind": fact.kind, "start": fact.start, "end": fact.end, "text": article.text[fact.start:fact.end],
            "args": args, "details": []}
    if fact.kind == "quote":
        speaker = args.get("speaker") or {}
        view["quote"] = _span(article.text, args.get("quote")) or view["text"]
        view["speaker"] = speaker.get("norm") or speaker.get("text") or ""
        view["speaker_url"] = entity_url("PERSON", view["speaker"]) if view["speaker"] else None
        view["role"] = args.get("role_norm") or args.get("role") or ""
    for name in FACT_DETAILS.get(fact.kind, ()):
        shown = readable(args.get(name))
        if shown:
            view["details"].append({"name": name, "value": shown})
    return view


def cluster_copies(web: Web, article_id: str) -> list[dict]:
    """The other articles in this article's cluster (near-duplicate copies of one story), if any."""
    rows = web.store.conn.execute(
        "SELECT a.id, a.title, a.source, a.published, c2.method FROM clusters c "
        "JOIN articles me ON me.rowid = c.article JOIN clusters c2 ON c2.cluster = c.cluster "
        "JOIN articles a ON a.rowid = c2.article WHERE me.id = ? AND a.id != ? ORDER BY a.published, a.id LIMIT 50",
        (article_id, article_id)).fetchall()
    return [{"id": i, "title": t, "source": s, "published": p, "method": m,
             "url": f"/article/{quote(i, safe='')}"} for i, t, s, p, m in rows]


def article_data(web: Web, article_id: str) -> dict:
    article = web.store.get(article_id)
    if article is None:
        raise WebError(404, f"no article with id {article_id!r}; find articles with /search")
    meta = dict(article.meta)
    facts = [fact_view(article, f) for f in article.facts]
    seen: dict[tuple[str, str], dict] = {}
    for e in article.entities:
        norm = e.norm or e.text
        item = seen.setdefault((e.label, entity_key(norm)), {"label": e.label, "norm": norm, "mentions": 0,
                                                             "url": entity_url(e.label, norm)})
        item["mentions"] += 1
    return {
        "id": article.id, "title": article.title, "headline": headline(article.title, article.text),
        "source": article.source, "url": article.url,
        "link": article.url if web_link(article.url) else None,
        "published": article.published, "lang": article.lang,
        "text": article.text, "raw": article.raw, "segments": text_segments(article.text, article.entities),
        "raw_segments": raw_segments(article.raw, article.changes),
        "entities": sorted(seen.values(), key=lambda x: (-x["mentions"], x["label"], x["norm"])),
        "annotations": {
            "sentences": [[s.start, s.end] for s in article.sentences],
            "tokens": [{"text": t.text, "start": t.start, "end": t.end, "kind": t.kind, "lemma": t.lemma,
                        "upos": t.upos, "feats": t.feats} for t in article.tokens],
            "entities": [{"text": e.text, "label": e.label, "start": e.start, "end": e.end, "norm": e.norm,
                          "value": e.value, "group": e.group} for e in article.entities],
        },
        "facts": facts,
        "quotes": [f for f in facts if f["kind"] == "quote"],
        "other_facts": [f for f in facts if f["kind"] != "quote"],
        "summary": meta.get("summary"),
        "keyphrases": meta.get("keyphrases") or [],
        "topic": meta.get("topic"),
        "author": meta.get("author", ""),
        "quality": meta.get("quality"),
        "cleaning": meta.get("cleaning") or [],
        "changes": [{"raw_start": c.raw_start, "raw_end": c.raw_end, "new": c.new, "reason": c.reason}
                    for c in article.changes],
        "cluster": cluster_copies(web, article.id),
    }


def add_routes(app: FastAPI, web: Web) -> None:
    id_param = Path(..., pattern=ID_PATTERN, description="the article id")

    @app.get("/api/article/{article_id:path}", tags=["article"])
    def api_article(article_id: str = id_param):
        """Clean and raw text, annotations (offsets into text), facts, summary, cleaning record, cluster copies."""
        return api(article_data(web, article_id))

    @app.get("/article/{article_id:path}", include_in_schema=False)
    def page_article(request: Request, article_id: str = id_param):
        return render(request, "article.html", article_data(web, article_id))

"""The analyze page and POST /api/analyze: a pasted text through the pipeline, never stored.

Tokens with lemmas and tags, entities as a displaCy-like view (the text with coloured, labelled spans), facts,
summary and keyphrases.
"""

from __future__ import annotations

import threading

from fastapi import FastAPI, Form, Request
from pydantic import BaseModel, Field

from habar.document import Article
from habar.web.app import MAX_ANALYZE_CHARS, Web, api, render
from habar.web.article import fact_view, text_segments
from habar.web.errors import WebError

_RUN = threading.Lock()  # one analysis at a time: the models are shared and the machine is small


class AnalyzeRequest(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_ANALYZE_CHARS, description="Kazakh text to analyse")


def analyze_data(web: Web, text: str) -> dict:
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise WebError(422, "text is empty; paste some Kazakh text to analyse")
    if len(text) > MAX_ANALYZE_CHARS:
        raise WebError(413, f"text has {len(text)} characters, more than {MAX_ANALYZE_CHARS}; analyse a shorter piece")
    pipeline = web.pipeline()
    with _RUN:
        article = pipeline.run_one(Article(id="analyze", raw=text))
        if article is None:
            failed = [k for k, n in pipeline.stats.items() if k.startswith("failed")]
            raise WebError(500, f"analysis failed ({', '.join(failed) or 'unknown step'}); the server log has details")
    return {
        "text": article.text, "lang": article.lang,
        "steps": [s.name for s in pipeline.steps],
        "sentences": [[s.start, s.end] for s in article.sentences],
        "tokens": [{"text": t.text, "lemma": t.lemma, "upos": t.upos, "feats": t.feats, "kind": t.kind,
                    "start": t.start, "end": t.end} for t in article.tokens],
        "entities": [{"text": e.text, "label": e.label, "norm": e.norm, "value": e.value, "start": e.start,
                      "end": e.end} for e in article.entities],
        "segments": text_segments(article.text, article.entities),
        "facts": [fact_view(article, f) for f in article.facts],
        "summary": article.meta.get("summary"),
        "keyphrases": article.meta.get("keyphrases") or [],
        "topic": article.meta.get("topic"),
        "cleaning": article.meta.get("cleaning") or [],
    }


def add_routes(app: FastAPI, web: Web) -> None:
    @app.post("/api/analyze", tags=["analyze"])
    def api_analyze(body: AnalyzeRequest):
        """Analyse a text without storing it: tokens, lemmas, entities, facts, summary."""
        return api(analyze_data(web, body.text))

    @app.get("/analyze", include_in_schema=False)
    def page_analyze(request: Request):
        return render(request, "analyze.html", {"text": "", "result": None})

    @app.post("/analyze", include_in_schema=False)
    def page_analyze_post(request: Request, text: str = Form("", max_length=MAX_ANALYZE_CHARS)):
        return render(request, "analyze.html", {"text": text, "result": analyze_data(web, text)})

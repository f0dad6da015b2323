"""What of an article gets a vector: the title with the lead, then one passage per paragraph.

Measured by bench/semantic_passages.py (160 five-paragraph articles, 300 en/ru/ko queries aimed at any sentence,
static document vectors, int8 index): R@1 en/ru/ko is 0.87/0.85/0.67 with one vector per paragraph, 0.45/0.44/0.31
with one vector for the whole text, 0.19/0.23/0.20 with title+lead only. A mean-pooled vector blurs a paragraph among its
neighbours, so per-paragraph wins, at one int8 row (about 400 bytes) per paragraph. Long paragraphs are cut at
sentence ends into windows so that each vector stays specific.
"""

from __future__ import annotations

import re

from habar.document import Article

MAX_WORDS = 80  # words per passage; e5 means pool, so longer windows dilute a sentence among its neighbours
MAX_PASSAGES = 16  # cap per article: later paragraphs of long articles add memory more than recall
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?…»\"])\s+")


def _windows(paragraph: str) -> list[str]:
    """Cut one paragraph at sentence ends into windows of at most MAX_WORDS words."""
    words = paragraph.split()
    if len(words) <= MAX_WORDS:
        return [paragraph]
    out: list[str] = []
    cur: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        n = len(sentence.split())
        if cur and len(" ".join(cur).split()) + n > MAX_WORDS:
            out.append(" ".join(cur))
            cur = []
        if n > MAX_WORDS:  # one very long sentence: fixed word windows
            ws = sentence.split()
            out.extend(" ".join(ws[i : i + MAX_WORDS]) for i in range(0, len(ws), MAX_WORDS))
        else:
            cur.append(sentence)
    if cur:
        out.append(" ".join(cur))
    return out


def paragraphs(article: Article) -> list[str]:
    """Non-empty paragraphs of the body, without a first line that only repeats the title."""
    paras = [p.strip() for p in _PARAGRAPH.split(article.text or article.raw) if p.strip()]
    if paras and article.title and paras[0] == article.title.strip():
        paras = paras[1:]
    return paras


def passages(article: Article, mode: str = "paragraph") -> list[str]:
    """Texts to embed for `article`; the first is always title + lead.

    mode "lead": title + first paragraph only; "paragraph": that, then every further paragraph (windowed);
    "whole": title + the whole body as one text.
    """
    paras = paragraphs(article)
    title = article.title.strip()
    if mode == "whole":
        return [" ".join([title, *paras]).strip()]
    lead = paras[0] if paras else ""
    sep = " " if title[-1:] in ".!?…" else ". "  # a title carries no full stop; keep the two sentences apart
    first = _windows(title + sep + lead if title and lead else title or lead)
    if mode == "lead":
        return first[:1]
    if mode != "paragraph":
        raise ValueError(f"passage mode {mode!r} is unknown; use 'lead', 'paragraph' or 'whole'")
    out = first
    for p in paras[1:]:
        out.extend(_windows(p))
    return [p for p in out if p][:MAX_PASSAGES]

"""Byline detection: an author line is metadata, not text. It moves to `meta["author"]`.

A byline is a line of its own, among the first or last few paragraphs, that is either introduced by an
author marker ("Автор:", "Дайындаған:", "Подготовила", "By") or is nothing but a person's name: two or three
capitalised words, without digits or sentence punctuation.
"""

from __future__ import annotations

import re

from habar.clean.edit import current_text, drop_line, fold, paragraphs
from habar.document import Article
from habar.pipeline import step

EDGE_PARAGRAPHS = 3  # bylines sit among the first or last paragraphs

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһі"
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)?|[{_UPPER}]{{2,}}(?:-[{_UPPER}]+)?"
_NAME = rf"(?:{_WORD})(?:\s+(?:{_WORD})){{1,2}}"
# A bare name (no marker) must be Cyrillic: a Latin two-word line is far more often a brand or a heading.
_CYR_WORD = rf"[{_UPPER[3:]}][{_LOWER[3:]}]+(?:-[{_LOWER[3:]}]+)?|[{_UPPER[3:]}]{{2,}}"
_CYR_NAME = rf"(?:{_CYR_WORD})(?:\s+(?:{_CYR_WORD})){{1,2}}"
_MARKER = (
    r"автор(?:ы)?|авторлар|дайындаған|жазған|тілші|мәтін|подготовил(?:а|и)?|текст|корреспондент|by|author|text"
)
_MARKED = re.compile(rf"^(?:{_MARKER})\s*[:—–-]?\s*(?P<name>{_NAME})\s*[.,]?(?:\s*,\s*[^\d]{{2,40}})?$", re.I)
_BARE = re.compile(rf"^(?P<name>{_CYR_NAME})(?:\s*,\s*[{_UPPER[3:]}][{_LOWER[3:]}]+)?$")
# Capitalised two-word lines that are not names: section headers and places.
_NOT_NAMES = {"фото", "видео", "дереккөз", "источник", "жаңалықтар", "новости", "қазақстан", "казахстан"}


def find_author(line: str, bare: bool = True) -> str | None:
    """The author named by a byline `line`; names without a marker count only when `bare`."""
    s = line.strip()
    m = _MARKED.match(s) or (_BARE.match(s) if bare else None)
    if not m:
        return None
    name = m.group("name")
    if any(w.lower() in _NOT_NAMES for w in name.split()):
        return None
    return name


@step("clean_byline", provides=("text", "author"))
def clean_byline(article: Article) -> Article:
    """Move a byline to meta["author"] and drop its line from the text."""
    paras = paragraphs(current_text(article))
    if len(paras) < 2:
        return article
    # A bare name only at the end: at the top, a short capitalised line is more often the title.
    last = range(len(paras) - 1, max(len(paras) - 1 - EDGE_PARAGRAPHS, 0), -1)  # never the first paragraph
    edges = [(paras[k], True) for k in last] + [(p, False) for p in paras[:EDGE_PARAGRAPHS]]
    for para, bare in edges:
        if len(para) != 1:
            continue
        author = find_author(para[0].text, bare)
        if author:
            article.meta.setdefault("author", author)
            return fold(article, [drop_line(para[0], "byline")], "clean_byline")
    return article

"""Removal of a repeated title or lead.

Scrapers often print the title twice, or copy the lead sentence above the text although it also opens (or sits
in) a paragraph below. The first lines of the text are compared with everything that follows:
- a title-like line (no sentence-final punctuation) repeated later as a line of its own: the later copy goes,
  and the title at the top stays;
- a sentence at the top that appears again inside a later paragraph: the top copy goes, and the paragraph
  where the sentence belongs stays whole.
Longer standalone lines repeated verbatim anywhere lose their later copies too.

When the article has a title (readers set it; the txt reader from the title line, which it leaves in `text`),
every whole line equal to the title leaves `text`: the first as "title" (it lives on in `article.title`), later
ones as "repeat:title". Text is then the body alone, for every reader alike.
"""

from __future__ import annotations

from habar.clean.edit import current_text, drop_line, fold, lines, norm_line
from habar.document import Article, Change
from habar.pipeline import step

HEAD_LINES = 3  # the top lines where a scraped title or lead copy appears
MIN_CHARS = 20  # shorter lines ("Жазылу", "Фото") repeat by nature and are left to the boilerplate rules
MIN_REPEAT_CHARS = 60  # a repeated line elsewhere in the text must be this long to count as a copy
_FINAL = ".!?…»\"”)"


def _title_like(s: str) -> bool:
    return not s.rstrip().endswith(tuple(_FINAL)) and len(s) <= 250


def repeat_changes(text: str, title: str = "") -> list[Change]:
    all_lines = lines(text)
    content = [ln for ln in all_lines if not ln.blank]
    keys = [norm_line(ln.text) for ln in content]
    alone = _alone(all_lines)
    dropped: dict[int, str] = {}  # index in `content` -> reason
    title_key = norm_line(title)
    if title_key:
        copies = [j for j, key in enumerate(keys) if key == title_key]
        for n, j in enumerate(copies):
            dropped[j] = "title" if n == 0 and j == 0 else "repeat:title"
    for i in range(min(HEAD_LINES, len(content))):
        key = keys[i]
        if len(key) < MIN_CHARS or i in dropped:
            continue
        later = [j for j in range(i + 1, len(content)) if j not in dropped and key in keys[j]]
        if not later:
            continue
        if _title_like(content[i].text):
            # A title inside a later sentence is a paraphrase, not a copy: only whole-line copies go.
            for j in later:
                if keys[j] == key:
                    dropped[j] = "repeat:title"
        elif any(keys[j] == key and alone[j] and alone[i] for j in later):
            # the same paragraph printed twice: the later copy goes
            for j in later:
                if keys[j] == key and alone[j]:
                    dropped[j] = "repeat:line"
        else:  # a lead copy above the paragraph it belongs to: the top copy goes
            dropped[i] = "repeat:lead"
    seen: dict[str, int] = {}
    for j, key in enumerate(keys):
        if j in dropped or len(key) < MIN_REPEAT_CHARS:
            continue
        if key in seen:
            dropped[j] = "repeat:line"
        else:
            seen[key] = j
    return [drop_line(content[j], reason) for j, reason in sorted(dropped.items())]


def _alone(all_lines) -> list[bool]:
    """For each non-blank line: is it a paragraph by itself (blank lines or the text's edges around it)?"""
    out = []
    for k, ln in enumerate(all_lines):
        if ln.blank:
            continue
        before = k == 0 or all_lines[k - 1].blank
        after = k == len(all_lines) - 1 or all_lines[k + 1].blank
        out.append(before and after)
    return out


@step("clean_repeats", provides=("text",))
def clean_repeats(article: Article) -> Article:
    """Drop the title line (kept in article.title) and repeated titles and leads."""
    changes = repeat_changes(current_text(article), article.title)
    return fold(article, changes, "clean_repeats")

"""Language identification: kk, ru, en, other, per paragraph and per article (see `identify`)."""

from __future__ import annotations

from habar.langid.identify import DEFAULT_BACKEND, LABELS, article_lang, identify, identify_paragraphs, letter_verdict

__all__ = ["DEFAULT_BACKEND", "LABELS", "article_lang", "identify", "identify_paragraphs", "letter_verdict"]

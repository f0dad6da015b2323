"""The language step: `article.lang` and per-paragraph languages in `meta["langs"]`."""

from __future__ import annotations

from habar.clean.edit import current_text
from habar.document import Article
from habar.langid import article_lang, identify_paragraphs
from habar.pipeline import step


@step("identify_language", provides=("lang",))
def identify_language(article: Article) -> Article:
    """Identify kk/ru/en/other per paragraph (offsets into the current text) and for the article."""
    text = current_text(article)
    spans = identify_paragraphs(text)
    article.meta["langs"] = spans
    article.lang = article_lang(text, spans)
    return article

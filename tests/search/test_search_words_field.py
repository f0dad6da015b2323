"""The words field, where a word query is ranked: every lemma of the article in one field, the title's counted
twice and the lede's once more (BM25F weights as term frequencies), the lemmas not chosen in context included."""

from __future__ import annotations

import tantivy

from habar.search.index import SCHEMA, Index, make_document


def row(article_id: str, body: list[str], title: str = "", lead: str = "") -> tuple:
    """An index row as Store.changed_since gives it; `body`: one terms line per token ("chosen|other|...")."""
    terms = "\n" + "\n".join(body) + "\n"
    return (1, article_id, 1, "", "", "kk", terms, title, lead, {}, [], [])


def index_of(tmp_path, rows: list[tuple]) -> tantivy.Searcher:
    index = Index(tmp_path)
    writer = index.writer()
    for r in rows:
        writer.add_document(make_document(r))
    writer.commit()
    index.close()
    index.tantivy.reload()
    return index.tantivy.searcher()


def ranked(searcher: tantivy.Searcher, lemma: str) -> list[str]:
    hits = searcher.search(tantivy.Query.term_query(SCHEMA, "words", lemma), limit=10).hits
    return [searcher.doc(addr)["id"][0] for _, addr in hits]


FILLER = ["жаңа", "бағдарлама", "бойынша", "жұмыс", "жалғасты"]


def test_every_lemma_of_the_article_is_a_word(tmp_path):
    searcher = index_of(tmp_path, [
        row("title", FILLER, title="меморандум қол қой"),
        row("body", FILLER + ["меморандум"]),
        row("other", FILLER + ["қой|қою"]),  # "қою" is a reading the tagger did not choose
        row("none", FILLER),
    ])
    assert set(ranked(searcher, "меморандум")) == {"title", "body"}
    assert ranked(searcher, "қою") == ["other"]
    assert set(ranked(searcher, "қой")) == {"title", "other"}


def test_title_and_lede_weigh_more_than_the_body(tmp_path):
    searcher = index_of(tmp_path, [
        row("body", FILLER + ["форум"] + FILLER),
        row("title", FILLER + ["форум"] + FILLER, title="форум"),
        row("lede", FILLER + ["форум"] + FILLER, lead="форум"),
    ])
    assert ranked(searcher, "форум") == ["title", "lede", "body"]


def test_a_word_counted_in_the_text_ranks_above_a_word_once(tmp_path):
    searcher = index_of(tmp_path, [
        row("once", FILLER + ["форум"] + FILLER),
        row("thrice", FILLER + ["форум", "форум", "форум"] + FILLER[:2]),
    ])
    assert ranked(searcher, "форум") == ["thrice", "once"]


def test_fields_that_phrases_read_keep_the_chosen_lemmas_only(tmp_path):
    searcher = index_of(tmp_path, [row("other", FILLER + ["қой|қою"])])
    body = tantivy.Query.term_query(SCHEMA, "body", "қою")
    assert searcher.search(body, limit=10).hits == []

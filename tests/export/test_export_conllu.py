"""CoNLL-U export: structure (10 columns, ids 1..n, comments), NER as BIO in MISC, SpaceAfter, shared with analyze."""

from __future__ import annotations

import re

import pytest

from export_articles import article
from habar.document import Entity, Token
from habar.export.conllu import article_conllu, bio_tags, write_conllu
from habar.morph import conllu


def blocks(text: str) -> list[conllu.Sentence]:
    return list(conllu.read(text.splitlines(keepends=True)))


def sentence_doc(s: conllu.Sentence) -> str:
    """The article id of a block, from its sent_id (ID-N)."""
    return next(c for c in s.comments if c.startswith("# sent_id = "))[12:].rsplit("-", 1)[0]


def check_structure(text: str) -> list[str]:
    """Problems a CoNLL-U validator would report for what habar writes (no multiword tokens, no syntax)."""
    problems = []
    assert text.endswith("\n\n"), "the last sentence ends with a blank line"
    docs = 0
    sent_ids = set()
    for k, s in enumerate(blocks(text)):
        comments = dict(c[2:].split(" = ", 1) for c in s.comments if " = " in c)
        docs += "newdoc id" in comments
        if "sent_id" not in comments or "text" not in comments:
            problems.append(f"block {k}: no sent_id or text comment")
            continue
        if comments["sent_id"] in sent_ids:
            problems.append(f"{comments['sent_id']}: sent_id repeated")
        sent_ids.add(comments["sent_id"])
        if [r[0] for r in s.rows] != [str(i) for i in range(1, len(s.rows) + 1)]:
            problems.append(f"{comments['sent_id']}: ids are not 1..n")
        for r in s.rows:
            if not r[1] or any(not col for col in r) or any(" " in col for col in (r[3], r[5], r[9])):
                problems.append(f"{comments['sent_id']}: empty or spaced column in {r}")
        rebuilt = "".join(r[1] + ("" if "SpaceAfter=No" in r[9] else " ") for r in s.rows)
        if re.sub(r"\s+", " ", rebuilt).strip() != re.sub(r"\s+", " ", comments["text"]).strip():
            problems.append(f"{comments['sent_id']}: the forms do not spell # text")
        problems += bio_problems(comments["sent_id"], [r[9] for r in s.rows])
    return problems


def bio_problems(where: str, miscs: list[str]) -> list[str]:
    problems, previous = [], None
    for misc in miscs:
        tag = next((p[4:] for p in misc.split("|") if p.startswith("NER=")), None)
        if tag is not None and tag.startswith("I-") and previous not in ("B-" + tag[2:], tag):
            problems.append(f"{where}: {tag} does not continue an entity of its label")
        previous = tag
    return problems


def test_sample_export_is_valid_conllu(exported, stored):
    path, _ = exported("conllu")
    text = path.read_text(encoding="utf-8")
    assert check_structure(text) == []
    assert text.count("# newdoc id = ") == len([a for a in stored if a.tokens])
    assert text.count("# sent_id = ") == sum(len(a.sentences) for a in stored)


def test_sample_export_has_lemmas_upos_and_ner(exported, stored):
    path, _ = exported("conllu")
    rows = [r for s in blocks(path.read_text(encoding="utf-8")) for r in s.rows]
    assert len(rows) == sum(len(a.tokens) for a in stored)
    assert sum("NER=B-" in r[9] for r in rows) >= 0.8 * sum(len(a.entities) for a in stored)  # nested ones fold
    kazakh = {a.id for a in stored if a.lang == "kk"}
    kk_rows = [r for s in blocks(path.read_text(encoding="utf-8")) if sentence_doc(s) in kazakh for r in s.rows]
    assert kk_rows and all(r[3] != "_" for r in kk_rows)  # the Kazakh tagger gives every token a UPOS
    assert any(r[2] == "үкімет" and r[1] != "үкімет" for r in rows)


def test_hand_made_article():
    text = article_conllu(article())
    assert check_structure(text) == []
    rows = {r[1]: r for s in blocks(text) for r in s.rows}
    assert rows["Астанада"][2:10] == ["Астана", "PROPN", "_", "Case=Loc", "_", "_", "_", "NER=B-GPE"]
    assert rows["Сәрсенова"][9] == "NER=I-PERSON|SpaceAfter=No"
    assert rows["жаңа"][9] == "_"


def tok(word: str, start: int) -> Token:
    return Token(word, start, start + len(word))


# words "Алматы облысының әкімі Ерлан Бекұлы" at offsets 0, 7, 17, 23, 29
WORDS = [tok("Алматы", 0), tok("облысының", 7), tok("әкімі", 17), tok("Ерлан", 23), tok("Бекұлы", 29)]


@pytest.mark.parametrize("entities, tags", [
    ([], ["", "", "", "", ""]),
    ([Entity("Алматы облысының", "GPE", 0, 16), Entity("Ерлан Бекұлы", "PERSON", 23, 35)],
     ["B-GPE", "I-GPE", "", "B-PERSON", "I-PERSON"]),
    # adjacent entities of one label: the second starts with B-
    ([Entity("Ерлан", "PERSON", 23, 28), Entity("Бекұлы", "PERSON", 29, 35)],
     ["", "", "", "B-PERSON", "B-PERSON"]),
    # nested: the outer POSITION wins over the GPE inside it
    ([Entity("Алматы", "GPE", 0, 6), Entity("Алматы облысының әкімі", "POSITION", 0, 22)],
     ["B-POSITION", "I-POSITION", "I-POSITION", "", ""]),
    # an entity ending inside a word (a suffix left out of the span) still tags the word
    ([Entity("Алматы облыс", "GPE", 0, 12)], ["B-GPE", "I-GPE", "", "", ""]),
    # given out of order
    ([Entity("Ерлан Бекұлы", "PERSON", 23, 35), Entity("Алматы", "GPE", 0, 6)],
     ["B-GPE", "", "", "B-PERSON", "I-PERSON"]),
])
def test_bio_tags(entities, tags):
    assert bio_tags(WORDS, entities) == tags


@pytest.mark.parametrize("word, column", [
    ("a\tb", "a b"),  # a tab would make an 11th column
    ("a\nb", "a b"),
    ("", "_"),
])
def test_columns_stay_one_line(word, column):
    a = article()
    a.tokens[0].lemma = word
    row = blocks(article_conllu(a))[0].rows[0]
    assert len(row) == 10 and row[2] == column


def test_article_without_sentences_is_one_block():
    a = article()
    a.sentences = []
    text = article_conllu(a)
    assert text.count("# sent_id") == 1 and check_structure(text) == []


def test_analyze_uses_the_same_writer():
    from habar.cli import analyze

    assert analyze.article_conllu is article_conllu and analyze.FORMATS["conllu"] is article_conllu


def test_lone_surrogate_does_not_stop_the_export(tmp_path):
    a = article()
    a.tokens[0].lemma = "Астана\ud800"
    counts = write_conllu([a], tmp_path / "x.conllu")
    assert counts["articles"] == 1 and "Астана?" in (tmp_path / "x.conllu").read_text(encoding="utf-8")

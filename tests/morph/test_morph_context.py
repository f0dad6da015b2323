"""Context rules of the tagger, one table per rule: sentence, token index, expected lemma, UPOS and features."""

from __future__ import annotations

import pytest

from habar.document import Token
from habar.morph import tag_tokens
from habar.morph.tagger import postpositions


def tagged(text: str) -> list[Token]:
    toks, pos = [], 0
    for w in text.split():
        toks.append(Token(w, pos, pos + len(w)))
        pos += len(w) + 1
    tag_tokens(toks)
    return toks


def check(text: str, i: int, lemma: str, upos: str, feats: str) -> None:
    toks = tagged(text)
    t = toks[i]
    want = set(feats.split("|")) if feats else set()
    got = set(t.feats.split("|")) if t.feats else set()
    assert (t.lemma, t.upos) == (lemma, upos) and want <= got, f"{text}: {[(x.lemma, x.upos, x.feats) for x in toks]}"


# A postposition after the case it governs; the same word elsewhere is an adverb, adjective or noun.
POSTPOSITIONS = [
    ("Соғыстан кейін ол ауылға қайтты .", 1, "кейін", "ADP", ""),
    ("Ол кейін қалаға көшті .", 1, "кейін", "ADV", ""),
    ("Жиналыстан бұрын біз кездестік .", 1, "бұрын", "ADP", ""),
    ("Ол бұрын мұғалім болған .", 1, "бұрын", "ADV", ""),
    ("Одан басқа адам келмеді .", 1, "басқа", "ADP", ""),
    ("Ол басқа қалада тұрады .", 1, "басқа", "ADJ", ""),
    ("Талапқа сай жауап берілді .", 1, "сай", "ADP", ""),
    ("Біз күзге дейін күтеміз .", 2, "дейін", "ADP", ""),
    ("Бала үшін бәрін жасады .", 1, "үшін", "ADP", ""),
]
# A sentence never ends in a postposition: қатысты, байланысты there are past-tense verbs.
SENTENCE_FINAL = [
    ("Жиынға көп адам қатысты .", 3, "қатыс", "VERB", "Tense=Past|VerbForm=Fin"),
    ("Ол бізге қатысты .", 2, "қатыс", "VERB", "Tense=Past"),
]
# A bare imperative inside a clause is read as something else; before punctuation or деп it stays.
IMPERATIVES = [
    ("Ол басын изеді .", 1, "бас", "NOUN", "Case=Acc"),
    ("Сен бер , деді ол .", 1, "бер", "VERB", "Mood=Imp"),
]
# After a numeral or determiner comes a noun, not a particle or interjection.
QUANTIFIERS = [
    ("Екі ай өтті .", 1, "ай", "NOUN", "Case=Nom"),
    ("Осы ай өте суық болды .", 1, "ай", "NOUN", "Case=Nom"),
]
# Aspect verbs are auxiliaries right after a converb and full verbs elsewhere.
AUXILIARIES = [
    ("Ол хат жазып отыр .", 3, "отыр", "AUX", ""),
    ("Ол үйде жалғыз тұр .", 3, "тұр", "VERB", ""),
    ("Жол жабылып қалды .", 2, "қал", "AUX", "Tense=Past"),
    ("Бала ауылда қалды .", 2, "қал", "VERB", "Tense=Past"),
    ("Ол айтушы еді .", 2, "е", "AUX", "Tense=Past"),
]
# An adjective with a possessive is the noun when the lexicon has that noun (жас: age), else it stays.
POSSESSED_ADJECTIVES = [
    ("Оның жасы үлкен .", 1, "жас", "NOUN", "Person[psor]=3"),
    ("Олардың көбі келді .", 1, "көп", "ADJ", "Person[psor]=3"),
]
# Demonstratives before a noun are determiners, alone they are pronouns.
DETERMINERS = [
    ("Мұндай жағдай болмайды .", 0, "мұндай", "DET", "PronType=Dem"),
    ("Бұл кітап жақсы .", 0, "бұл", "DET", "PronType=Dem"),
    ("Бұл жақсы .", 0, "бұл", "PRON", "PronType=Dem"),
]


@pytest.mark.parametrize("text,i,lemma,upos,feats", POSTPOSITIONS)
def test_postposition_after_its_case(text, i, lemma, upos, feats):
    check(text, i, lemma, upos, feats)


@pytest.mark.parametrize("text,i,lemma,upos,feats", SENTENCE_FINAL)
def test_no_postposition_at_sentence_end(text, i, lemma, upos, feats):
    check(text, i, lemma, upos, feats)


@pytest.mark.parametrize("text,i,lemma,upos,feats", IMPERATIVES)
def test_imperative_only_where_a_clause_ends(text, i, lemma, upos, feats):
    check(text, i, lemma, upos, feats)


@pytest.mark.parametrize("text,i,lemma,upos,feats", QUANTIFIERS)
def test_noun_after_numeral_or_determiner(text, i, lemma, upos, feats):
    check(text, i, lemma, upos, feats)


@pytest.mark.parametrize("text,i,lemma,upos,feats", AUXILIARIES)
def test_aspect_auxiliaries(text, i, lemma, upos, feats):
    check(text, i, lemma, upos, feats)


@pytest.mark.parametrize("text,i,lemma,upos,feats", POSSESSED_ADJECTIVES)
def test_possessed_adjectives(text, i, lemma, upos, feats):
    check(text, i, lemma, upos, feats)


@pytest.mark.parametrize("text,i,lemma,upos,feats", DETERMINERS)
def test_determiners(text, i, lemma, upos, feats):
    check(text, i, lemma, upos, feats)


def test_postposition_table_names_cases():
    cases = {"Nom", "Gen", "Dat", "Acc", "Loc", "Abl", "Ins"}
    table = postpositions()
    assert table["кейін"] == {"Abl"} and table["дейін"] == {"Dat"}
    assert all(v <= cases for v in table.values())

"""Nominal morphology: harmony and assimilation, every case, possessives, plural+possessive+case, -дағы."""

from __future__ import annotations

import pytest

from habar.morph import analyze


def best(word: str):
    return analyze(word)[0]


def feats_of(a) -> set[str]:
    return set(a.feats.split("|")) if a.feats else set()


def check(word: str, lemma: str, upos: str, feats: str) -> None:
    a = best(word)
    assert (a.lemma, a.upos) == (lemma, upos), f"{word}: {analyze(word)[:3]}"
    want = set(feats.split("|")) if feats else set()
    assert want <= feats_of(a), f"{word}: {a.feats} lacks {want - feats_of(a)}"


HARMONY_AND_ASSIMILATION = [
    # word, lemma, upos, features that must be present
    ("қаласы", "қала", "NOUN", "Number[psor]=Plur,Sing|Person[psor]=3"),
    ("қалаға", "қала", "NOUN", "Case=Dat"),
    ("мектебі", "мектеп", "NOUN", "Person[psor]=3"),
    ("кітабы", "кітап", "NOUN", "Person[psor]=3"),
    ("құлағы", "құлақ", "NOUN", "Person[psor]=3"),
    ("жүрегі", "жүрек", "NOUN", "Person[psor]=3"),
    ("кітапқа", "кітап", "NOUN", "Case=Dat"),
    ("мектепке", "мектеп", "NOUN", "Case=Dat"),
    ("үйге", "үй", "NOUN", "Case=Dat"),
    ("адамдар", "адам", "NOUN", "Number=Plur"),
    ("қыздар", "қыз", "NOUN", "Number=Plur"),
    ("кітаптар", "кітап", "NOUN", "Number=Plur"),
    ("балалар", "бала", "NOUN", "Number=Plur"),
    ("жерлер", "жер", "NOUN", "Number=Plur"),
    ("халқы", "халық", "NOUN", "Person[psor]=3"),
    ("аузы", "ауыз", "NOUN", "Person[psor]=3"),
    ("орны", "орын", "NOUN", "Person[psor]=3"),
]

CASES = [
    ("бала", "бала", "NOUN", "Case=Nom"),
    ("баланың", "бала", "NOUN", "Case=Gen"),
    ("балаға", "бала", "NOUN", "Case=Dat"),
    ("баланы", "бала", "NOUN", "Case=Acc"),
    ("балада", "бала", "NOUN", "Case=Loc"),
    ("баладан", "бала", "NOUN", "Case=Abl"),
    ("баламен", "бала", "NOUN", "Case=Ins"),
    ("адамның", "адам", "NOUN", "Case=Gen"),
    ("адамды", "адам", "NOUN", "Case=Acc"),
    ("адамнан", "адам", "NOUN", "Case=Abl"),
    ("кітаптың", "кітап", "NOUN", "Case=Gen"),
    ("кітапты", "кітап", "NOUN", "Case=Acc"),
    ("кітаптан", "кітап", "NOUN", "Case=Abl"),
    ("кітаппен", "кітап", "NOUN", "Case=Ins"),
    ("қызбен", "қыз", "NOUN", "Case=Ins"),
    ("елде", "ел", "NOUN", "Case=Loc"),
    ("елден", "ел", "NOUN", "Case=Abl"),
]

POSSESSIVES = [
    ("әкем", "әке", "NOUN", "Number[psor]=Sing|Person[psor]=1"),
    ("әкең", "әке", "NOUN", "Number[psor]=Sing|Person[psor]=2"),
    ("әкесі", "әке", "NOUN", "Person[psor]=3"),
    ("әкеміз", "әке", "NOUN", "Number[psor]=Plur|Person[psor]=1"),
    ("әкеңіз", "әке", "NOUN", "Person[psor]=2|Polite=Form"),
    ("үйім", "үй", "NOUN", "Person[psor]=1"),
    ("үйіне", "үй", "NOUN", "Case=Dat|Person[psor]=3"),
    ("үйінде", "үй", "NOUN", "Case=Loc|Person[psor]=3"),
    ("үйінен", "үй", "NOUN", "Case=Abl|Person[psor]=3"),
    ("әкеме", "әке", "NOUN", "Case=Dat|Person[psor]=1"),
    ("елімізде", "ел", "NOUN", "Case=Loc|Number[psor]=Plur|Person[psor]=1"),
]

PLURAL_POSSESSIVE_CASE = [
    ("балаларының", "бала", "NOUN", "Case=Gen|Number=Plur|Person[psor]=3"),
    ("кітаптарымызда", "кітап", "NOUN", "Case=Loc|Number=Plur|Number[psor]=Plur|Person[psor]=1"),
    ("колледждерінің", "колледж", "NOUN", "Case=Gen|Number=Plur|Person[psor]=3"),
    ("келіншектермен", "келіншек", "NOUN", "Case=Ins|Number=Plur"),
    ("адамдарға", "адам", "NOUN", "Case=Dat|Number=Plur"),
    ("жерлеріне", "жер", "NOUN", "Case=Dat|Number=Plur|Person[psor]=3"),
]

RELATIVIZER_AND_DERIVATION = [
    ("үйдегі", "үй", "NOUN", "Case=Loc"),
    ("қаладағы", "қала", "NOUN", "Case=Loc"),
    ("мұғаліммін", "мұғалім", "NOUN", "Number=Sing|Person=1"),
    ("білімді", "білімді", "ADJ", ""),
    ("тұзсыз", "тұзсыз", "ADJ", ""),
]


@pytest.mark.parametrize("word,lemma,upos,feats", HARMONY_AND_ASSIMILATION)
def test_harmony_and_assimilation(word, lemma, upos, feats):
    check(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", CASES)
def test_each_case(word, lemma, upos, feats):
    check(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", POSSESSIVES)
def test_possessives(word, lemma, upos, feats):
    check(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", PLURAL_POSSESSIVE_CASE)
def test_plural_possessive_case(word, lemma, upos, feats):
    check(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", RELATIVIZER_AND_DERIVATION)
def test_relativizer_predicative_derivation(word, lemma, upos, feats):
    a = analyze(word)
    want = set(feats.split("|")) if feats else set()
    assert any((r.lemma, r.upos) == (lemma, upos) and want <= feats_of(r) for r in a), f"{word}: {a[:4]}"

"""The two seed articles: people, organisations and places get the right label (by base form), and dates,
amounts and percentages the right values. Runs when ../shared/seeds exists and the model is built.

The expectations were written by reading the articles; the publication dates are the ones the articles imply
(the Zerde memorandum was signed on 21 November 2019; Digital Almaty 2021 took place in February 2021).
"""

from __future__ import annotations

import re

import pytest

from habar.document import Article
from habar.ner.model import MODEL_DIR
from habar.options import Options

SEEDS = Options().shared_data.resolve().parent / "seeds"
pytestmark = [
    pytest.mark.skipif(not SEEDS.exists(), reason=f"{SEEDS} is absent"),
    pytest.mark.skipif(not (MODEL_DIR / "model.crfsuite").exists(), reason="run `make models` first"),
]

ARTICLES = {"zerde": ("000_125de1384c5ce8bc.txt", "2019-11-22"), "digital": ("001_e80435c3ec54e735.txt", "2021-02-05")}

NAMES = {
    "zerde": [
        ("Ерлан Дурмағамбетов", "PERSON"), ("Йонг-Сик Мун", "PERSON"), ("Оңтүстік Корея", "GPE"), ("Сеул", "GPE"),
        ("Қазақстан", "GPE"), ("NIA", "ORGANISATION"), ("Zakon.kz", "ORGANISATION"), ("NIA президенті", "POSITION"),
        ("Корей-қазақстандық ынтымақтастық орталығы", "ORGANISATION"),
        # "(бұдан әрі - АТЫО)" names the centre; KazNERD leaves quotes and "холдингі" outside «Зерде» (as «Нұр Отан»)
        ("АТЫО", "ORGANISATION"), ("Зерде", "ORGANISATION"),
    ],
    "digital": [
        ("Қасым-Жомарт Тоқаев", "PERSON"), ("Винт Серф", "PERSON"), ("Берге Бренде", "PERSON"),
        # KazNERD marks "<organisation> <title>" as one POSITION, so Google is not an ORGANISATION here
        ("Google вице-президенті", "POSITION"), ("Дүниежүзілік банк", "ORGANISATION"),
        ("Назарбаев Университеті", "ORGANISATION"), ("Kaspi.kz", "ORGANISATION"), ("Қазақстан", "GPE"),
        ("Асқар Мамин", "PERSON"), ("Құралай Құдайберген", "PERSON"),
        ("Өзбекстан", "GPE"), ("Қырғызстан", "GPE"), ("Армения", "GPE"), ("Ресей", "GPE"),
        # two organisations coordinated by "және", and one more named by its head noun
        ("Еуразиялық комиссия", "ORGANISATION"), ("ТМД атқару комитеті", "ORGANISATION"),
        ("Еуразиялық топ", "ORGANISATION"), ("ЕАЭО", "ORGANISATION"),
    ],
}

VALUES = {
    "zerde": [("DATE", "2019-11-21"), ("DATE", "2019-08")],
    "digital": [
        ("DATE", "P5Y"), ("DATE", "2020"),
        ("MONEY", {"amount": 1e9, "currency": "USD", "bound": "min"}),
        ("MONEY", {"amount": 5e11, "currency": "KZT", "bound": "approx"}),
        ("MONEY", {"amount": 3.9e12, "currency": "USD", "bound": "min"}),
        ("PERCENTAGE", 99), ("PERCENTAGE", 3),
        ("QUANTITY", {"value": 20000, "unit": "km", "bound": None}),
        ("CARDINAL", 1000),
    ],
}


@pytest.fixture(scope="module")
def analysed() -> dict[str, Article]:
    from habar.pipeline import Pipeline
    from habar.steps import load_step

    pipeline = Pipeline([load_step(n) for n in ("normalise", "segment", "tokenize", "morph", "ner")])
    out = {}
    for key, (name, published) in ARTICLES.items():
        raw = (SEEDS / name).read_text(encoding="utf-8")
        article = pipeline.run_one(Article(id=key, raw=raw, published=published))
        assert article is not None, pipeline.stats
        out[key] = article
    return out


# Misses of the shipped model, kept visible as strict xfails rather than removed from the expectations (a fix
# makes them fail as passing): (article, name) -> why, for the label test and the every-mention test. Session 3's
# model missed the byline, ЕАЭО, «Зерде», the two organisations of "X және Y комитетінің жетекшілері", "Еуразиялық
# топ" and one "Қазақстан"; session 4's phrase repairs (habar.ner.repair_phrases) find them all.
KNOWN_MISSES: dict[str, dict[tuple[str, str], str]] = {"names": {}, "mentions": {}}


def _cases(table: dict, misses: dict) -> list:
    return [pytest.param(k, n, lab, marks=pytest.mark.xfail(reason=misses[k, n], strict=True))
            if (k, n) in misses else (k, n, lab)
            for k, items in table.items() for n, lab in (items.items() if isinstance(items, dict) else items)]


@pytest.mark.parametrize("key,norm,label", _cases(NAMES, KNOWN_MISSES["names"]))
def test_names_have_the_right_label(analysed, key, norm, label):
    found = {(e.norm, e.label) for e in analysed[key].entities}
    assert (norm, label) in found, sorted(found)


@pytest.mark.parametrize("key,norm,label", [(k, n, lab) for k, items in NAMES.items() for n, lab in items])
def test_no_mention_of_a_name_has_another_label(analysed, key, norm, label):
    """Every mention, not just one: "АТЫО" in "(бұдан әрі - АТЫО)" and in "АТЫО-ның" alike."""
    others = {e.label for e in analysed[key].entities if e.norm == norm} - {label}
    assert not others, (norm, others)


# Every occurrence of these words in the text lies inside an entity of one of the labels given. POSITION is
# allowed where KazNERD makes "<organisation> <title>" one POSITION ("NIA президенті", "Google вице-президенті").
MENTIONS = {
    "zerde": {"Қазақстан": {"GPE"}, "Оңтүстік Корея": {"GPE"}, "Сеул": {"GPE"}, "АТЫО": {"ORGANISATION"},
              "Ерлан Дурмағамбетов": {"PERSON"}, "Йонг-Сик Мун": {"PERSON"}, "Zakon.kz": {"ORGANISATION"},
              "NIA": {"ORGANISATION", "POSITION"}, "Зерде": {"ORGANISATION", "POSITION"},
              "Корея Республикасы": {"GPE", "ORGANISATION", "POSITION"}},  # the agency's name begins with it
    "digital": {"Қазақстан": {"GPE"}, "Тоқаев": {"PERSON"}, "Асқар Мамин": {"PERSON"}, "Берге Бренде": {"PERSON"},
                "Винт Серф": {"PERSON"}, "ЕАЭО": {"ORGANISATION"}, "Еуразиялық комиссия": {"ORGANISATION"},
                "ТМД": {"ORGANISATION"}, "Назарбаев Университет": {"ORGANISATION"}, "Kaspi.kz": {"ORGANISATION"},
                "Өзбекстан": {"GPE"}, "Қырғызстан": {"GPE"}, "Армения": {"GPE"}, "Ресей": {"GPE"},
                "Google": {"POSITION"}},
}


@pytest.mark.parametrize("key,word,labels", _cases(MENTIONS, KNOWN_MISSES["mentions"]))
def test_every_mention_is_found(analysed, key, word, labels):
    article = analysed[key]
    for m in re.finditer(r"(?<!\w)" + re.escape(word), article.text):
        found = {e.label for e in article.entities if e.start <= m.start() < e.end}
        assert found & labels, (word, m.start(), article.text[m.start():m.start() + 40], found)


@pytest.mark.parametrize("key,label,value", [(k, lab, v) for k, items in VALUES.items() for lab, v in items])
def test_values_are_normalised(analysed, key, label, value):
    found = [e.value for e in analysed[key].entities if e.label == label]
    assert value in found, found


def test_an_alias_shares_the_group_of_the_name_it_stands_for(analysed):
    entities = analysed["zerde"].entities
    groups = {e.group for e in entities if e.norm in ("АТЫО", "Корей-қазақстандық ынтымақтастық орталығы")}
    assert len(groups) == 1


def test_mentions_of_one_person_share_a_group(analysed):
    groups = {e.group for e in analysed["digital"].entities if e.norm in ("Қасым-Жомарт Тоқаев", "Тоқаев")}
    assert len(groups) == 1


def test_a_title_ends_before_with_the_participation_of(analysed):
    """"... агенттігінің Вице-президенті қатысуымен ... семинары өтті": the POSITION ends at the title, and no entity
    holds "қатысуымен" (habar.ner.repair_phrases.cut_at_instrumental)."""
    article = analysed["zerde"]
    at = article.text.index("қатысуымен")
    assert not [e for e in article.entities if e.start <= at < e.end]
    assert any(e.label == "POSITION" and article.text[e.start:e.end].endswith("Вице-президенті")
               for e in article.entities)

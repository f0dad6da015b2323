"""Tag repairs after the CRF (habar.ner.repair, trim_spans, quote_sides), table-driven, on sentences written here."""

from __future__ import annotations

import pytest

from habar.document import Token
from habar.ner.heads import OUTSIDE_NAMES
from habar.ner.model import MODEL_DIR, NerModel
from habar.ner.repair import (Definition, ends_name, propagate_aliases, quoted_organisations, split_coordination,
                              take_head, trim_spans)
from habar.ner.step import quote_sides
from tagged import names, tagged

# a stand-in for the analyzer: the lemmas these tests need
LEMMAS = {"партиясы": "партия", "холдингі": "холдинг", "қоры": "қор", "комиссиясы": "комиссия",
          "комитетінің": "комитет", "комитеті": "комитет", "банкі": "банк", "партиясының": "партия", "министрлігі": "министрлік", "тобы": "топ", "компаниясы": "компания", "орталығы": "орталығ"}


def lemma(word: str) -> str:
    return LEMMAS.get(word.lower(), word.lower())


COORDINATION = [
    # two complete names: split, and the second reaches its head noun
    ("Еуразиялық/B-ORG комиссия/I-ORG және/I-ORG ТМД/I-ORG атқару/O комитетінің/O жетекшілері/O",
     [("Еуразиялық комиссия", "ORGANISATION"), ("ТМД атқару комитетінің", "ORGANISATION")]),
    ("Ұлттық/B-ORG банкі/I-ORG және/I-ORG Қаржы/I-ORG министрлігі/I-ORG келісті/O",
     [("Ұлттық банкі", "ORGANISATION"), ("Қаржы министрлігі", "ORGANISATION")]),
    # one name with "және" inside: the part before it has no head noun
    ("Білім/B-ORG және/I-ORG ғылым/I-ORG министрлігі/I-ORG хабарлады/O",
     [("Білім және ғылым министрлігі", "ORGANISATION")]),
    # a lowercase word after "және" is not a second name
    ("Ұлттық/B-ORG банкі/I-ORG және/I-ORG оның/I-ORG филиалдары/I-ORG",
     [("Ұлттық банкі және оның филиалдары", "ORGANISATION")]),
    # other labels are left alone
    ("Білім/B-EVENT комиссиясы/I-EVENT және/I-EVENT Ғылым/I-EVENT",
     [("Білім комиссиясы және Ғылым", "EVENT")]),
]


@pytest.mark.parametrize("text,want", COORDINATION)
def test_split_coordination(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, split_coordination(tokens, tags, lemma)) == want


HEADS = [
    ("Kaspi.kz/B-ORG ,/O Еуразиялық/B-ORG тобы/O басшылары/O",
     [("Kaspi.kz", "ORGANISATION"), ("Еуразиялық тобы", "ORGANISATION")]),
    # "компаниясы" is a descriptor KazNERD leaves outside the name
    ("Astana/B-ORG LRT/I-ORG компаниясы/O", [("Astana LRT", "ORGANISATION")]),
    # a capitalised next word is another name, not a head
    ("Zerde/B-ORG Банкі/O", [("Zerde", "ORGANISATION")]),
    # the voiced stem some analyses give ("орталығ") still finds its head ("орталық")
    ("Корей-қазақстандық/B-ORG ынтымақтастық/I-ORG орталығы/O",
     [("Корей-қазақстандық ынтымақтастық орталығы", "ORGANISATION")]),
]


@pytest.mark.parametrize("text,want", HEADS)
def test_take_head(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, take_head(tokens, tags, lemma)) == want


def test_an_alias_takes_the_label_of_the_name_it_abbreviates_everywhere():
    sentences = [
        tagged("ынтымақтастық/B-ORG орталығы/I-ORG (/O бұдан/O әрі/O -/O АТЫО/B-PERSON )/O ашылады/O ./O"),
        tagged("АТЫО-ның/O мақсаты/O айқын/O ./O"),
        tagged("АТЫО/B-POSITION басшысы/I-POSITION келді/O ./O"),  # inside a longer name: kept
        tagged("Болашақ/O АТЫО-н/O құру/O ./O"),
    ]
    # the definition says where the name is, so the step can put the alias in the name's group
    assert propagate_aliases(sentences) == {"АТЫО": Definition("ORGANISATION", sentence=0, token=1)}
    assert [names(*s) for s in sentences] == [
        [("ынтымақтастық орталығы", "ORGANISATION"), ("АТЫО", "ORGANISATION")],
        [("АТЫО-ның", "ORGANISATION")], [("АТЫО басшысы", "POSITION")], [("АТЫО-н", "ORGANISATION")]]


@pytest.mark.parametrize("text", [
    "ынтымақтастық/O орталығы/O (/O бұдан/O әрі/O -/O АТЫО/B-PERSON )/O",  # no entity before the bracket
    "Орталық/B-ORG (/O бұдан/O әрі/O -/O орталық/O )/O",  # a lowercase word is not a name
    "Орталық/B-ORG (/O АТЫО/B-PERSON )/O",  # no "бұдан әрі"
])
def test_no_alias_without_a_definition(text):
    tokens, tags = tagged(text)
    before = list(tags)
    propagate_aliases([(tokens, tags)])
    assert tags == before


TRIMS = [
    ("–/B-PERSON АТЫО/I-PERSON ,/I-PERSON", [("АТЫО", "PERSON")]),
    ("АТЫО/B-ORG (/I-ORG NIA/I-ORG )/I-ORG", [("АТЫО ( NIA )", "ORGANISATION")]),  # a closed bracket stays
    ("NIA/B-ORG )/I-ORG Ақпараттық/I-ORG орталығы/I-ORG",
     [("NIA", "ORGANISATION"), ("Ақпараттық орталығы", "ORGANISATION")]),  # a stray bracket splits
    ("Банк/B-ORG (/I-ORG Алматы/I-ORG", [("Банк", "ORGANISATION"), ("Алматы", "ORGANISATION")]),
]


@pytest.mark.parametrize("text,want", TRIMS)
def test_trim_spans(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, trim_spans(tokens, tags)) == want


@pytest.mark.parametrize("text,want", [
    ('"Зерде" Холдингі" АҚ', ["«", "Зерде", "»", "Холдингі", "»", "АҚ"]),  # the unpaired one closes
    ('Ол " Хабар " арнасы', ["Ол", '"', "Хабар", '"', "арнасы"]),  # free-standing: left to alternation
])
def test_quote_sides_follow_the_word_they_touch(text, want):
    import re

    tokens = [Token(m.group(), m.start(), m.end()) for m in re.finditer(r'\w+|"', text)]
    assert quote_sides(tokens) == want


@pytest.mark.parametrize("word,analysis,ends", [
    ("астанасында", ("астана", "PROPN", "Loc+P3", "lexicon"), True),   # a possessive locative ends the phrase
    ("Екатеринбургте", ("екатеринбург", "PROPN", "Loc", "lexicon"), True),  # a known name in the locative
    ("қалада", ("қала", "NOUN", "Loc", "lexicon"), True),
    ("Зерде", ("зер", "NOUN", "Loc", "lexicon"), False),  # a capitalised word may be a whole name in -де
    ("Бренде", ("брен", "PROPN", "Loc", "guess"), False),  # a guessed name: "Берге Бренде"
    ("Қазақстандағы", ("қазақстан", "PROPN", "Loc", "lexicon"), False),  # -дағы: "Қазақстандағы елшісі"
    ("астанасы", ("астана", "PROPN", "Nom+P3", "lexicon"), False),
])
def test_ends_name(word, analysis, ends):
    assert ends_name(word, analysis) is ends


@pytest.mark.skipif(not (MODEL_DIR / "model.crfsuite").exists(), reason="run `make models` first")
def test_no_name_continues_past_a_locative():
    model = NerModel()
    if model.featurizer.morph is None:
        pytest.skip("the shipped model does not use habar.morph")
    tokens = ("Ол ағымдағы жылдың тамыз айында Қазақстан астанасында сандық даму министрі "
              "және Оңтүстік Кореяның Сеул қаласында өткен форумда сөйледі .").split()
    tags = model.tag(tokens)
    for i, tok in enumerate(tokens[:-1]):
        analysis = model.featurizer.morph(tok)
        if analysis and ends_name(tok, analysis) and tags[i + 1].startswith("I-"):
            assert tags[i + 1][2:] in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENTAGE", "ORDINAL")


def test_an_acronym_lends_its_label_to_its_untagged_mentions():
    sentences = [
        tagged("ЕАЭО/B-ORG елдерінің/O басшылары/O келді/O ./O"),
        tagged("ЕАЭО/O елдерінде/O өсім/O бар/O ./O"),
        tagged("ЕАЭО-ға/O мүше/O елдер/O ./O"),
        tagged("ҚР/B-GPE мен/O ҚР/B-ORG ./O"),  # a tie: no vote, nothing changes
        tagged("Жиын/O ҚР/O қаласында/O ./O"),
    ]
    propagate_aliases(sentences)
    assert [names(*s) for s in sentences] == [
        [("ЕАЭО", "ORGANISATION")], [("ЕАЭО", "ORGANISATION")], [("ЕАЭО-ға", "ORGANISATION")],
        [("ҚР", "GPE"), ("ҚР", "ORGANISATION")], []]


QUOTED = [
    ("«/O Нұр/B-ART Отан/I-ART »/O партиясы/O", [("Нұр Отан", "ORGANISATION")]),
    ("«/O Зерде/O »/O Холдингі/O »/O АҚ/O", [("Зерде", "ORGANISATION")]),
    ("«/O Бәйтерек/B-PROJECT »/O ЖШС/O", [("Бәйтерек", "ORGANISATION")]),
    # not an organisation head: a programme, a building
    ("«/O Болашақ/B-PROJECT »/O бағдарламасы/O", [("Болашақ", "PROJECT")]),
    ("«/O Атакент/B-FACILITY »/O орталығы/O", [("Атакент", "FACILITY")]),
    # a longer name runs over the quotes; a lowercase quotation is not a name
    ("«/B-POSITION Нұр/I-POSITION Отан/I-POSITION »/I-POSITION партиясының/I-POSITION төрағасы/I-POSITION",
     [("« Нұр Отан » партиясының төрағасы", "POSITION")]),
    # one span of quotes, name and head is the quoted name (habar.ner.repair_phrases makes it an ORGANISATION
    # first when the model read it as a POSITION)
    ("«/B-ORG Шұғыла/I-ORG »/I-ORG холдингі/I-ORG »/O АҚ/O", [("Шұғыла", "ORGANISATION")]),
    ("«/O жасыл/O »/O қоры/O", []),
]


@pytest.mark.parametrize("text,want", QUOTED)
def test_quoted_organisations(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, quoted_organisations(tokens, tags, lemma)) == want


@pytest.mark.skipif(not (MODEL_DIR / "model.crfsuite").exists(), reason="run `make models` first")
@pytest.mark.parametrize("sentence", [
    "Бұдан кейін Қазақстан атынан Үкімет басшысы сөз сөйледі .",
    "Шешім Ұлттық банк тарапынан қабылданды .",
    "Ақпарат Telegram арқылы таратылды .",
])
def test_postpositions_are_in_no_name(sentence):
    tokens = sentence.split()
    tags = NerModel().tag(tokens)
    assert all(tag == "O" for tok, tag in zip(tokens, tags) if tok.lower() in OUTSIDE_NAMES), tags

"""Quote rules on hand-built articles (entities given): layouts, speaker resolution, roles, and what is not speech."""

import pytest

from habar.document import Article, Entity
from habar.facts import extract
from habar.facts.gold import article_from_case
from habar.facts.marks import quoted_spans


def _quotes(text: str, entities: list) -> list[dict]:
    article = article_from_case({"id": "t", "text": text, "entities": entities})
    out = []
    for f in extract(article):
        if f.kind == "quote":
            s, e = f.args["quote"]
            out.append({**f.args, "quote": text[s:e]})
    return out


@pytest.mark.parametrize("text, quote, speaker, resolved_from", [
    ("«Жол ашылды», – деді әкім Бақыт Сейітов.", "Жол ашылды", "Бақыт Сейітов", None),
    ("«Жол ашылды», – деп атап өтті әкім Бақыт Сейітов.", "Жол ашылды", "Бақыт Сейітов", None),
    ("Әкім Бақыт Сейітов: «Жол ашылды».", "Жол ашылды", "Бақыт Сейітов", None),
    ("Әкім Бақыт Сейітов «жол ашылды» деп мәлімдеді.", "жол ашылды", "Бақыт Сейітов", None),
    ("«Жол ашылды». Бұл туралы әкім Бақыт Сейітов айтты.", "Жол ашылды", "Бақыт Сейітов", None),
    ("Әкім Бақыт Сейітов жолды аралады. «Жол ашылды», – деді ол.", "Жол ашылды", "Бақыт Сейітов", "ол"),
])
def test_layouts(text, quote, speaker, resolved_from):
    found = _quotes(text, [["Бақыт Сейітов", "PERSON"]])
    assert [(q["quote"], q["speaker"]["norm"], q["resolved_from"]) for q in found] == [(quote, speaker, resolved_from)]


def test_role_resolves_to_the_person_the_article_gives_it():
    text = ("Мемлекет басшысы Қасым-Жомарт Тоқаев форумға қатысты. Премьер-Министр Олжас Бектенов баяндама жасады. "
            "«Цифрландыру жалғасады», – деді Мемлекет басшысы.")
    [q] = _quotes(text, [["Қасым-Жомарт Тоқаев", "PERSON"], ["Олжас Бектенов", "PERSON"]])
    assert q["speaker"]["norm"] == "Қасым-Жомарт Тоқаев" and q["resolved_from"] == "role"
    assert q["speaker"]["mention"] == [text.index("Мемлекет басшысы."), text.index("Мемлекет басшысы.") + 16]


def test_role_of_a_person_with_its_owner():
    text = "Форумға Google-дің вице-президенті Винт Серф қатысты. «Болашақ жақын», – деді ол."
    [q] = _quotes(text, [["Винт Серф", "PERSON"], ["Google-дің", "ORGANISATION", "Google"]])
    assert q["role"] == "Google-дің вице-президенті" and q["role_norm"] == "вице-президент"


def test_lower_case_president_is_not_head_of_state():
    text = ("Мемлекет басшысы Қасым-Жомарт Тоқаев сөз сөйледі. Компания президенті Марат Әбілов те қатысты. "
            "«Жоба аяқталады», – деді Президент.")
    [q] = _quotes(text, [["Қасым-Жомарт Тоқаев", "PERSON"], ["Марат Әбілов", "PERSON"]])
    assert q["speaker"]["norm"] == "Қасым-Жомарт Тоқаев"


@pytest.mark.parametrize("text", [
    "Министр экономика өседі деп мәлімдеді.",
    "«Абай жолы» романы қайта басылды.",
    "«Жасыл ел» деп аталатын жоба басталды.",
    "«Мәңгілік ел» деген идея талқыланды.",
    "Ол үйге барамын деді де, кетіп қалды.",
    "«Қайрат» клубы «Ордабасы» командасын жеңді.",
])
def test_not_speech(text):
    assert _quotes(text, []) == []


def test_quote_inside_quote_is_one_quote():
    text = "«Біз «Болашақ» бағдарламасын жалғастырамыз», – деді министр Саясат Нұрбек."
    [q] = _quotes(text, [["Саясат Нұрбек", "PERSON"]])
    assert q["quote"] == "Біз «Болашақ» бағдарламасын жалғастырамыз"


@pytest.mark.parametrize("text, spans", [
    ("«а» және «б»", [(0, 2), (9, 11)]),
    ("«a «b» c»", [(0, 8)]),
    ('"Зерде" Холдингі" АҚ', [(0, 6)]),  # a stray closing mark is ignored
    ("«ашық\n\nабзац» «ж»", [(14, 16)]),  # no quote across a blank line
    ("„Иә“ деді", [(0, 3)]),
])
def test_quote_marks_pairing(text, spans):
    assert [(q.open, q.close) for q in quoted_spans(text)] == spans


def test_lemmas_from_morph_are_used_when_present():
    from habar.text.tokenize import tokenize

    text = "«Жол ашылды», – деп мәлімдеді Бақыт Сейітов."
    tokens = tokenize(text)
    for t in tokens:  # what habar.morph gives: the verb's bare root, which no suffix rule would guess here
        t.lemma = {"мәлімдеді": "мәлімде"}.get(t.text, t.text.lower())
    article = Article(id="t", raw=text, text=text, tokens=tokens,
                      entities=[Entity("Бақыт Сейітов", "PERSON", 30, 43, "Бақыт Сейітов", None, 0)])
    assert [f.kind for f in extract(article)] == ["quote"]
    tokens[[t.text for t in tokens].index("мәлімдеді")].lemma = "мәлімдеме"  # a noun: no speech verb, no quote
    assert [f.kind for f in extract(article)] == []


def test_kazakh_letters_in_words():
    from habar.facts.words import WORD_RE
    for letter in "әғқңөұүһіӘҒҚҢӨҰҮҺІ":
        assert WORD_RE.fullmatch(f"а{letter}а"), letter

"""Language identification: kk, ru, en, other; Kazakh and Kyrgyz kept apart, by classifier and by letters."""

from __future__ import annotations

import pytest

from habar.clean.russian import stem_ru, stem_ru_words
from habar.langid import article_lang, identify, identify_paragraphs, letter_verdict

KK = [
    "Мен бүгін дүкенге бардым, нан мен сүт алдым, содан кейін үйге қайтып келдім.",
    "Синоптиктер ертең Алматыда нөсер жаңбыр жауып, найзағай ойнайтынын болжады.",
    "Үкімет отырысында биылғы егін жинау науқанының барысы мен астық экспорты талқыланды.",
    "Балалар ауладағы алаңда доп ойнап, кешке дейін көңілді уақыт өткізді.",
]
KY = [  # Kyrgyz: ң ө ү but never ә ғ қ ұ һ і
    "Мен бүгүн дүкөнгө бардым, нан жана сүт алдым, андан кийин үйгө кайтып келдим.",
    "Бишкек шаарынын түштүк тарабында 1 200 окуучуга ылайыкталган жаңы мектеп ачылды.",
    "Өкмөттүн жыйынында быйылкы түшүм жыйноо иштеринин жүрүшү жана эгин экспорту талкууланды.",
    "Балдар короодогу аянтта топ ойноп, кечке чейин көңүлдүү убакыт өткөрүштү.",
]
RU = [
    "Синоптики обещают завтра в Алматы сильный дождь с грозой и порывистым ветром.",
    "Президент Касым-Жомарт Токаев провёл встречу с главой Туркестанской области в Акорде.",
    "Қасым-Жомарт Тоқаев поручил правительству до конца года подготовить новую программу развития регионов.",
]
EN = ["The new bridge over the Irtysh river in Semey will open to traffic in the autumn of 2026."]
OTHER = [
    "Татарстанда ясалма интеллект буенча милли кластер төзеләчәк, бу юнәлешкә инвестицияләр җәлеп ителәчәк.",
    "Ўзбекистонда янги мактаб очилди, унда минг нафар ўқувчи таҳсил олади.",
    "У Києві відкрили нову станцію метро, якою щодня користуватимуться тисячі пасажирів.",
    "Türkiye'de yeni bir köprü trafiğe açıldı ve binlerce sürücü bu köprüyü kullanacak.",
]


@pytest.mark.parametrize("text, lang", [(t, "kk") for t in KK] + [(t, "other") for t in KY] +
                         [(t, "ru") for t in RU] + [(t, "en") for t in EN] + [(t, "other") for t in OTHER])
def test_identify(text, lang):
    assert identify(text) == lang


@pytest.mark.parametrize("backend", ["cld2", "fasttext"])
@pytest.mark.parametrize("text, lang", [(KK[0], "kk"), (KY[0], "other"), (RU[0], "ru")])
def test_both_backends_agree_after_the_letter_rule(backend, text, lang):
    assert identify(text, backend) == lang


@pytest.mark.parametrize("text, guess, lang", [
    ("Бүгін Қазақстанда жаңа заң күшіне енді.", "ky", "kk"),  # Kazakh letters overrule a Kyrgyz guess
    # no Kazakh letter in eight words or more: not Kazakh
    ("Бүгүн Кыргызстанда жаңы мыйзам күчүнө кирди деп билдирди өкмөт.", "kk", "other"),
    ("Жаңы китепкана күн сайын саат тогузда ачылат.", "kk", "other"),  # a Kyrgyz long vowel: саат
    ("Ертең Астанада жиналыс болады.", "kk", "kk"),  # short: a Kazakh fragment need not show ә ғ қ ұ һ і
    ("Сегодня в стране вступил в силу новый закон.", "kk", "ru"),
    ("Тоқаев посетил Шымкент и встретился с жителями города, рассказав о планах развития.", "ru", "ru"),
    ("Київ і Харків отримали нові автобуси.", "kk", "other"),  # ї: Ukrainian
    ("12345 !!!", "un", "other"),
])
def test_letter_verdict(text, guess, lang):
    assert letter_verdict(text, guess) == lang


def test_no_letters_has_no_language():
    assert identify("12:45 — 2024") == ""


def test_paragraphs_and_article():
    text = f"{KK[2]}\n\n{RU[0]}\n\n{KK[0]} {KK[3]}"
    spans = identify_paragraphs(text)
    assert [s["lang"] for s in spans] == ["kk", "ru", "kk"]
    assert text[spans[1]["start"]:spans[1]["end"]] == RU[0]
    assert article_lang(text, spans) == "kk"


@pytest.mark.parametrize("word, stem", [("новостями", "новост"), ("Казахстана", "казахста"), ("выборы", "выбор")])
def test_stem_ru(word, stem):
    assert stem_ru(word) == stem


def test_stem_ru_words():
    assert stem_ru_words(["Новости", "новостей"]) == ["новост", "новост"]

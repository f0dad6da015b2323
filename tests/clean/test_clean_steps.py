"""Each cleaning step on small messy texts, grouped by phenomenon; every result is explained by its record."""

from __future__ import annotations

import pytest

from habar.clean import clean_article
from habar.clean.blanks import clean_blanks
from habar.clean.boilerplate import clean_boilerplate, match_rule
from habar.clean.byline import clean_byline, find_author
from habar.clean.invisible import clean_invisible
from habar.clean.repeats import clean_repeats
from habar.document import Article
from habar.text import offsets

BODY = ("Ақтөбе облысында жаңа жол ашылды. Жолдың ұзындығы жиырма шақырым, ол үш ауылды аудан орталығымен "
        "жалғайды. Тұрғындар бұл жолды он жыл бойы күткен еді.")


def run(step, raw: str, title: str = "") -> Article:
    a = step(Article(id="t", raw=raw, text=raw, title=title))
    assert offsets.apply(a.raw, a.changes) == a.text  # raw plus the record explains text
    return a


# --- invisible characters and newlines -------------------------------------------------------------------
@pytest.mark.parametrize("raw, text", [
    ("Қаза\u200bқстан", "Қазақстан"),
    ("\ufeffМәтін", "Мәтін"),
    ("Бір\r\nекі\rүш", "Бір\nекі\nүш"),
    ("ұзақ\u00adсөз", "ұзақсөз"),
    ("a\x00b\x07c\td", "abc\td"),  # tab stays
    ("Ә\u200dӘ\u2060", "ӘӘ"),
])
def test_invisible(raw, text):
    assert run(clean_invisible, raw).text == text


# --- blank lines ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw, text", [
    ("\n\nБір\n\n\n\nЕкі\n\n", "Бір\n\nЕкі"),
    ("Бір   \nЕкі \t\n", "Бір\nЕкі"),
    ("Бір\n  \n \nЕкі", "Бір\n\nЕкі"),
    ("Бір\nЕкі", "Бір\nЕкі"),
    ("   \n  ", ""),
])
def test_blanks(raw, text):
    assert run(clean_blanks, raw).text == text


# --- repeated title and lead ------------------------------------------------------------------------------
def test_title_line_leaves_text_and_later_copies_go():
    raw = f"Жаңа жол ашылды\n\n{BODY}\n\nЖаңа жол ашылды\n\nСоңғы абзац мұнда жазылған."
    a = run(clean_repeats, raw, title="Жаңа жол ашылды")
    assert "Жаңа жол ашылды" not in a.text
    assert [r["reason"] for r in a.meta["cleaning"]] == ["title", "repeat:title"]


def test_title_like_first_line_without_article_title_keeps_the_first():
    raw = f"Ақтөбеде жаңа жол ашылды бүгін\n\n{BODY}\n\nАқтөбеде жаңа жол ашылды бүгін\n"
    a = run(clean_repeats, raw)
    assert a.text.count("Ақтөбеде жаңа жол ашылды бүгін") == 1 and a.text.startswith("Ақтөбеде")


def test_lead_copy_at_top_goes_and_the_paragraph_stays():
    lead = "Ақтөбе облысында жаңа жол ашылды."
    raw = f"{lead}\nАлғашқы абзац.\n\n{lead}\nЖолдың ұзындығы жиырма шақырым.\n"
    a = run(clean_repeats, raw)
    assert a.text == f"Алғашқы абзац.\n\n{lead}\nЖолдың ұзындығы жиырма шақырым.\n"


def test_title_quoted_inside_a_sentence_is_not_a_copy():
    raw = f"Жаңа жол ашылды\n\nБүгін жаңа жол ашылды деп хабарлады әкімдік.\n\n{BODY}"
    assert run(clean_repeats, raw).text == raw


def test_long_paragraph_printed_twice_loses_the_second():
    raw = f"{BODY}\n\nОртадағы абзац.\n\n{BODY}\n"
    assert run(clean_repeats, raw).text == f"{BODY}\n\nОртадағы абзац.\n\n"


# --- boilerplate rules ------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, reason", [
    ("Telegram арнамызға жазылыңыз! Жаңалықтар туралы бірінші біліңіз", "subscribe"),
    ("БІЗДІҢ ТЕЛЕГРАМ АРНАМЫЗҒА ҚОСЫЛЫҢЫЗ Ең соңғы жаңалықтар осында", "subscribe"),
    ("Жазылу", "subscribe"),
    ("Telegram", "subscribe"),
    ("Facebook | Telegram | WhatsApp", "subscribe"),
    ("Подписывайтесь на наш Telegram-канал", "subscribe"),
    ("Follow us on Instagram", "subscribe"),
    ("Бөлісу", "share"),
    ("Поделиться", "share"),
    ("Сондай-ақ оқыңыз: Алматыда жаңа саябақ ашылды", "read-also"),
    ("Читайте также: В Астане открыли парк", "read-also"),
    ("Read also: New park opens in Astana", "read-also"),
    ("© 2024 Ақпарат. Барлық құқықтар қорғалған.", "copyright"),
    ("При перепечатке материалов ссылка на сайт обязательна", "copyright"),
    ("Материалды көшіріп басқанда сайтқа гиперсілтеме міндетті", "copyright"),
    ("Қате тапсаңыз, мәтінді белгілеп, Ctrl+Enter басыңыз", "widget"),
    ("Пікірлер (3)", "widget"),
    ("Жарнама", "widget"),
    ("Теги: экономика, налоги", "widget"),
    ("Қаралым: 1 284", "widget"),
    ("Фото: Ақорда баспасөз қызметі", "credit"),
    ("Фото из открытых источников", "credit"),
    ("14 мамыр 2024, 10:42", "dateline"),
    ("03.12.2024, 08:40", "dateline"),
    ("10.07.2024 | 18:30 | 👁 4 120", "dateline"),
    ("Жаңалықтар | Қоғам", "breadcrumb"),
    ("Главная / Политика", "widget"),
    ("Экономика > Қаржы > Банктер", "breadcrumb"),
    ("Дереккөз: aqjol.kz", "credit"),
    ("Сізге бұл жаңалық ұнады ма? Достарыңызбен бөлісіңіз!", "share"),
    ("Тақырып бойынша:", "read-also"),
])
def test_boilerplate_rules_match(line, reason):
    assert match_rule(line) == reason


@pytest.mark.parametrize("line", [
    # news sentences that mention the same words are not boilerplate
    "Министрлік Telegram арнасында жаңа ережелер туралы хабарлады, бірақ оған жазылушылар саны әлі аз екенін "
    "атап өтті. Сарапшылар бұл мессенджердің Қазақстанда ең танымал екенін айтады, ал мемлекеттік органдар "
    "ресми ақпаратты алдымен сол жерде жариялайды, кейін ғана сайттарда көрсетеді, бұл журналистердің "
    "жұмысын жеңілдетеді.",
    "Фотограф Асқар Жұмабаев көрмеде елу суретін ұсынды.",
    "2024 жылғы 14 мамырда Семейде көпір құрылысы басталды.",
    "Telegram-ның негізін қалаушы Павел Дуров Астанаға келді.",
    # a network beside words that only look like calls: registered, written, control, signed
    "Мысалы, «Фейсбук» желісінде басқа есіммен тіркелген қолданушы сайлаушыларды дауыс беруге шақырған.",
    "Бұл пікір Instagram парақшасында жазылған және көп талқыланды.",
    "Telegram арқылы таралатын жалған хабарларды бақылау күшейтілді.",
    "Президент подписал указ, сообщает Telegram-канал пресс-службы.",
    "Оқырмандар бұл мақаланы бөлісуге асықты.",
    "ол иә / жоқ деді",  # lower-case items are not a breadcrumb
    "Ол: иә / жоқ деді",
    "Алматы – Астана",
    "",
])
def test_boilerplate_rules_leave_news_alone(line):
    assert match_rule(line) is None


def test_boilerplate_step_records_each_line():
    raw = f"{BODY}\n\nСондай-ақ оқыңыз: Басқа жаңалық\nЖазылу\n"
    a = run(clean_boilerplate, raw)
    assert a.text == f"{BODY}\n\n"
    assert [(r["step"], r["reason"]) for r in a.meta["cleaning"]] == [
        ("clean_boilerplate", "boilerplate:read-also"), ("clean_boilerplate", "boilerplate:subscribe")]


def test_headlines_under_a_bare_related_header_go_too():
    raw = f"{BODY}\n\nТақырып бойынша:\nАқтауда жаңа зауыт салынады\nАтырауда көпір ашылды\n\nСоңғы сөйлем осында."
    a = run(clean_boilerplate, raw)
    assert a.text == f"{BODY}\n\n\nСоңғы сөйлем осында."
    assert [r["reason"] for r in a.meta["cleaning"]] == ["boilerplate:read-also"] * 3


# --- byline -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, author", [
    ("Құралай Құдайберген", "Құралай Құдайберген"),
    ("Автор: Айгүл СЕЙІЛОВА", "Айгүл СЕЙІЛОВА"),
    ("Дайындаған: Ерлан Әбілов", "Ерлан Әбілов"),
    ("Подготовила Анна Петрова", "Анна Петрова"),
    ("By John Smith", "John Smith"),
    ("Нұрлан Ерболұлы, Алматы", "Нұрлан Ерболұлы"),
    ("Ғалия Ұлықбекқызы", "Ғалия Ұлықбекқызы"),
    ("Digital Almaty", None),  # a Latin two-word line without a marker is a brand, not a byline
    ("Бұдан кейін", None),
    ("Фото Жаңалықтар", None),
    ("Ол Астанаға келді.", None),
])
def test_find_author(line, author):
    assert find_author(line) == author


def test_byline_at_the_end_moves_to_meta():
    a = run(clean_byline, f"{BODY}\n\nЕкінші абзац осында.\n\nҚұралай Құдайберген\n")
    assert a.meta["author"] == "Құралай Құдайберген"
    assert "Құралай" not in a.text
    assert a.meta["cleaning"][0]["reason"] == "byline"


def test_bare_name_at_the_top_is_not_a_byline():
    raw = f"Ерлан Әбілов\n\n{BODY}\n\nЕкінші абзац осында, ұзақ сөйлем."
    a = run(clean_byline, raw)
    assert "author" not in a.meta and a.text == raw


# --- the whole per-article cleaning -----------------------------------------------------------------------
def test_clean_article_keeps_the_record_consistent():
    raw = ("Жаңа жол ашылды\r\n\r\n14 мамыр 2024, 10:42\r\n" + BODY.replace("жаңа", "жа\u200bңа") +
           "\r\n\r\nАвтор: Ерлан Әбілов\r\n\r\nTelegram арнамызға жазылыңыз!\r\nЖазылу\r\n")
    a = clean_article(Article(id="x", raw=raw, text=raw, title="Жаңа жол ашылды"))
    assert a.text == BODY
    assert offsets.apply(a.raw, a.changes) == a.text
    assert a.meta["author"] == "Ерлан Әбілов"
    steps = {r["step"] for r in a.meta["cleaning"]}
    assert {"clean_invisible", "clean_repeats", "clean_boilerplate", "clean_byline", "clean_blanks"} <= steps
    assert a.lang == "kk"

"""The .txt reader: the title rule, raw kept exactly, source, id and reader metadata."""

from __future__ import annotations

import re

import pytest

from habar.ingest.txt import looks_like_title, split_title

BODY = "Бүгін елордада жаңа саябақ ашылды. Оның аумағы 12 гектар."

TITLE_CASES = [
    # (file content, expected title, why)
    (f"Астанада жаңа саябақ ашылды\n\n{BODY}", "Астанада жаңа саябақ ашылды", "blank line after the title"),
    (f"Астанада жаңа саябақ ашылды\n{BODY}", "Астанада жаңа саябақ ашылды", "body right after the title"),
    (f"\n\n  Астанада жаңа саябақ ашылды  \n\n{BODY}", "Астанада жаңа саябақ ашылды", "leading blank lines"),
    (f"Астанада жаңа саябақ ашылды\r\n\r\n{BODY}", "Астанада жаңа саябақ ашылды", "CRLF line ends"),
    (f"Бағалар неге өсіп жатыр?\n\n{BODY}", "Бағалар неге өсіп жатыр?", "a question"),
    (f"Күз де келді...\n\n{BODY}", "Күз де келді...", "an ellipsis is not a final period"),
    (f"«Қайрат» чемпион атанды\n\n{BODY}", "«Қайрат» чемпион атанды", "starts with a quote"),
    (f"2024 жылдың үздік кітаптары\n\n{BODY}", "2024 жылдың үздік кітаптары", "starts with a digit"),
    (f"Kaspi.kz жаңа қызмет ұсынды\n\n{BODY}", "Kaspi.kz жаңа қызмет ұсынды", "Latin brand first"),
    (f"Бүгін елордада жаңа саябақ ашылды.\n{BODY}", "", "a lead sentence ends with a period"),
    (f"Мәлімдеме:\n\n{BODY}", "", "ends with a colon"),
    (f"Алматы, Шымкент,\n\n{BODY}", "", "ends with a comma"),
    (f"бүгін елордада саябақ ашылды\n\n{BODY}", "", "starts lower case: a torn fragment"),
    ("Астанада жаңа саябақ ашылды\n", "", "no body after it"),
    (f"{'сөз ' * 31}\n\n{BODY}".capitalize(), "", "31 words is too long"),
    (f"Ұ{'з' * 250}\n\n{BODY}", "", "over 250 characters"),
    (f"5G желісі іске қосылды\n\n{BODY}", "5G желісі іске қосылды", "digit then Latin"),
    (f"12345\n\n{BODY}", "", "no letter at all"),
]


@pytest.mark.parametrize("content,title,why", TITLE_CASES, ids=[c[2] for c in TITLE_CASES])
def test_title_rule(content, title, why):
    assert split_title(content)[0] == title


@pytest.mark.parametrize("letter", "ӘҒҚҢӨҰҮҺІ")
def test_title_may_start_with_every_kazakh_capital(letter):
    assert looks_like_title(f"{letter}ліпби", BODY)


@pytest.mark.parametrize("letter", "әғқңөұүһі")
def test_title_may_not_start_with_a_kazakh_lower_case_letter(letter):
    assert not looks_like_title(f"{letter}ліпби", BODY)


def test_raw_is_the_whole_file_and_text_starts_equal(tmp_path, read):
    content = "Астанада жаңа саябақ ашылды\r\n\r\nБүгін елордада саябақ ашылды.\r\nОның аумағы 12 гектар.\r\n"
    (tmp_path / "zakon").mkdir()
    path = tmp_path / "zakon" / "a.txt"
    path.write_bytes(content.encode("utf-8"))
    [article], errors = read(path)
    assert not errors
    assert article.raw == content and article.text == content  # nothing translated, "\r\n" kept
    assert article.title == "Астанада жаңа саябақ ашылды"
    assert article.source == "zakon"
    assert article.meta["reader"] == {"path": str(path), "line": 1, "format": "txt", "encoding": "utf-8",
                                      "title_end": len("Астанада жаңа саябақ ашылды\r\n")}
    assert content[:article.meta["reader"]["title_end"]].strip() == article.title


def test_id_is_a_stable_hash_of_the_text(tmp_path, read):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_text("Тақырып\n\nМәтін.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Тақырып\n\nБасқа мәтін.", encoding="utf-8")
    articles, _ = read(tmp_path)
    ids = [a.id for a in articles]
    assert all(re.fullmatch(r"[0-9a-f]{16}", i) for i in ids)
    assert ids[0] == ids[1] != ids[2]  # the same text in two folders is the same article

"""passages(): what of an article gets a vector (title + lead first, then paragraphs, long ones windowed)."""

from __future__ import annotations

import pytest

from habar.document import Article
from habar.semantic.passages import MAX_PASSAGES, MAX_WORDS, passages

BODY = "Астанада жаңа мектеп ашылды.\n\nОнда мың бала оқиды.\n\nМектепті әкім таныстырды."


def art(text: str, title: str = "Жаңа мектеп") -> Article:
    return Article(id="t", raw=text, text=text, title=title)


@pytest.mark.parametrize("mode, expected", [
    ("lead", ["Жаңа мектеп. Астанада жаңа мектеп ашылды."]),
    ("paragraph", ["Жаңа мектеп. Астанада жаңа мектеп ашылды.", "Онда мың бала оқиды.", "Мектепті әкім таныстырды."]),
    ("whole", ["Жаңа мектеп Астанада жаңа мектеп ашылды. Онда мың бала оқиды. Мектепті әкім таныстырды."]),
])
def test_modes(mode: str, expected: list[str]) -> None:
    assert passages(art(BODY), mode) == expected


@pytest.mark.parametrize("title, text, first", [
    ("", "Тек мәтін бар.", "Тек мәтін бар."),
    ("Тақырып", "", "Тақырып"),
    ("Жаңа мектеп", "Жаңа мектеп\nАстанада мектеп ашылды.", "Жаңа мектеп. Астанада мектеп ашылды."),  # title line
])
def test_title_and_lead_edge_cases(title: str, text: str, first: str) -> None:
    assert passages(art(text, title))[0] == first


def test_long_paragraph_is_windowed_at_sentence_ends() -> None:
    sentence = "Бұл сөйлемде тура он сөз бар деп санауға болады екен."
    long_para = " ".join([sentence] * 20)  # 200 words
    out = passages(art("Кіріспе.\n\n" + long_para))
    assert len(out) > 2
    assert all(len(p.split()) <= MAX_WORDS for p in out[1:])
    assert all(p.endswith(".") for p in out[1:])


def test_passage_cap_and_unknown_mode() -> None:
    many = "\n\n".join(f"Абзац {n}." for n in range(100))
    assert len(passages(art(many))) == MAX_PASSAGES
    with pytest.raises(ValueError, match="use 'lead'"):
        passages(art(BODY), "sentences")

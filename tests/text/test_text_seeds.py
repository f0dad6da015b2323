"""The two scraped seed articles through normalise -> repair_artefacts -> segment -> tokenize."""

from __future__ import annotations

from pathlib import Path

import pytest

from habar.options import Options
from habar.text import offsets
from habar.text.normalise import normalise
from habar.text.segment import repair_artefacts, segment
from habar.text.tokenize import tokenize

ROOT = Path(__file__).resolve().parents[2]
SHARED = Options().shared_data if Options().shared_data.is_absolute() else ROOT / Options().shared_data
SEEDS = SHARED.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []

pytestmark = pytest.mark.skipif(not SEED_FILES, reason=f"no seed articles in {SEEDS}")


def run_chain(raw: str):
    text1, changes1 = normalise(raw)
    assert offsets.apply(raw, changes1) == text1
    text, changes2 = repair_artefacts(text1)
    assert offsets.apply(text1, changes2) == text
    changes = offsets.compose(len(raw), changes1, changes2)
    return text, changes


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_offsets_are_consistent(path):
    raw = path.read_text(encoding="utf-8")
    text, changes = run_chain(raw)
    assert offsets.apply(raw, changes) == text
    assert all(a.raw_end <= b.raw_start for a, b in zip(changes, changes[1:]))
    sentences = segment(text)
    assert sentences and all(0 <= s.start < s.end <= len(text) for s in sentences)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))
    for s in sentences:
        for t in tokenize(text, s.start, s.end):
            assert t.text == text[t.start:t.end] and s.start <= t.start < t.end <= s.end
    # every sentence maps back into raw
    omap = offsets.OffsetMap(changes)
    for s in sentences:
        a, b = omap.span_to_raw(s.start, s.end)
        assert 0 <= a < b <= len(raw)


def test_seed_torn_abbreviation_is_one_sentence():
    path = SEEDS / "000_125de1384c5ce8bc.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    raw = path.read_text(encoding="utf-8")
    assert "5G және т\nб\nқоса алғанда" in raw
    text, changes = run_chain(raw)
    assert "5G және т.б. қоса алғанда" in text
    at = text.index("т.б.")
    holding = [s for s in segment(text) if s.start <= at < s.end]
    assert len(holding) == 1
    sentence = text[holding[0].start:holding[0].end]
    assert sentence.startswith("Орталық екі елдің IT-мамандары") and sentence.endswith("алаңына айналады")
    assert "т.б." in [t.text for t in tokenize(text, holding[0].start, holding[0].end)]
    torn = [c for c in changes if "torn-abbreviation" in c.reason]
    assert len(torn) == 1 and raw[torn[0].raw_start:torn[0].raw_end] == "т\nб\n"


def test_seed_direct_speech_and_numbers():
    path = SEEDS / "001_e80435c3ec54e735.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    text, _ = run_chain(path.read_text(encoding="utf-8"))
    sentences = [text[s.start:s.end] for s in segment(text)]
    assert "«Болашақта мұндайға жол бермеуіміз керек», – деді ол." in sentences
    assert "Пандемия технологиялардың дамуы төмен екенін көрсетті – Google вице-президенті" in sentences
    words = [t.text for t in tokenize(text)]
    for token in ("99%", "-ы", "3,9", "Google-дің", "Қасым-Жомарт", "Kaspi.kz", "IT-технологияға", "20"):
        assert token in words

"""The two scraped seed articles (../shared/seeds): what cleaning must do to them. Skipped when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from habar.clean import clean_article
from habar.ingest.readers import read_paths
from habar.options import Options
from habar.text import offsets


def _seeds() -> Path:
    return Path(Options().shared_data).resolve().parent / "seeds"


def _read(prefix: str):
    seeds = _seeds()
    files = sorted(seeds.glob(f"{prefix}_*.txt")) if seeds.is_dir() else []
    if not files:
        pytest.skip(f"seed {prefix} not found under {seeds}")
    (article,) = list(read_paths([files[0]], Options()))
    return clean_article(article)


LEAD = ("АТЫО-ның негізгі мақсаты екі елдің экономикалық және әлеуметтік дамуына ықпал ете отырып, АКТ саласында "
        "тәжірибе алмасу жолымен Оңтүстік Корея мен Қазақстанда ақпараттық қоғам құруға жәрдемдесу болып табылады.")
TITLE = "Пандемия технологиялардың дамуы төмен екенін көрсетті – Google вице-президенті"


def test_000_loses_the_top_lead_copy_and_keeps_its_paragraph():
    a = _read("000")
    assert a.text.count(LEAD) == 1
    assert not a.text.startswith("АТЫО")
    # the sentence stays in its paragraph, followed by the next sentence of that paragraph
    assert LEAD + "\nОрталық екі елдің IT-мамандары" in a.text
    assert any(r["reason"] == "repeat:lead" and r["text"].startswith("АТЫО") for r in a.meta["cleaning"])
    assert "5G және т.б. қоса алғанда" in a.text  # the abbreviation a splitter tore onto two lines


def test_001_keeps_one_title_drops_telegram_and_records_the_author():
    a = _read("001")
    assert a.title == TITLE
    assert TITLE not in a.text  # the title lives in article.title once; both text copies are recorded
    assert [r["reason"] for r in a.meta["cleaning"] if TITLE in r["text"]] == ["title", "repeat:title"]
    assert "Telegram" not in a.text and "ТЕЛЕГРАМ" not in a.text
    assert "Жазылу" not in a.text
    assert a.meta["author"] == "Құралай Құдайберген"
    assert "Құралай Құдайберген" not in a.text
    assert a.text.rstrip().endswith("алдағы жсопарларымен бөлісті.")


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seeds_are_kazakh_and_explained_by_their_record(prefix):
    a = _read(prefix)
    assert a.lang == "kk"
    assert all(s["lang"] == "kk" for s in a.meta["langs"])
    assert offsets.apply(a.raw, a.changes) == a.text
    assert a.meta["quality"]["ok"], a.meta["quality"]

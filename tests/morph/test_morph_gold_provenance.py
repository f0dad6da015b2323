"""The morphology gold in tests/gold/morph is text the habar authors wrote, not sentences of the shared data sets.

Its CoNLL-U format is UD's, like UD Kazakh-KTB's, so this checks what the format cannot show: no gold sentence
shares a run of RUN words with UD Kazakh-KTB, KazNERD, SIB-200 or the apertium-kaz reference text, which are read
by path from the shared data and never copied into the repository. Skipped when the shared data is absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from habar.ner.corpus import read_conll
from habar.options import Options

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "tests" / "gold" / "morph").glob("*.conllu"))
RUN = 5  # words in a row; a run this long is not shared by chance in news Kazakh
_WORDS = re.compile(r"\w+")


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _WORDS.findall(text.lower())
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _texts(path: Path) -> list[str]:
    return [line.split("=", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# text")]


@pytest.fixture(scope="module")
def shared_runs() -> set[tuple[str, ...]]:
    shared = Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    if not shared.is_dir():
        pytest.skip(f"{shared} is absent; the provenance check needs the shared data sets")
    texts = [t for p in (shared / "ud_kazakh_ktb").glob("*.conllu") for t in _texts(p)]
    texts += [" ".join(s.tokens) for s in read_conll(shared / "kaznerd" / "IOB2_valid.txt")]
    texts += [line.split("\t")[-1] for p in (shared / "sib200_kaz").glob("*.tsv")
              for line in p.read_text(encoding="utf-8").splitlines()]
    texts += (shared / "apertium_kaz_morph_eval" / "src.1000.txt").read_text(encoding="utf-8").splitlines()
    return set().union(*map(_runs, texts))


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_gold_sentences_are_our_own(path, shared_runs):
    texts = _texts(path)
    assert texts, f"{path} has no '# text' lines"
    shared = [t for t in texts if _runs(t) & shared_runs]
    assert not shared, f"{path}: sentences with {RUN} words in a row from the shared data: {shared}"

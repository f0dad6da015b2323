"""The shipped lexicon is exactly what `make lexicon` rebuilds from its sources (issue 3: reproducible lexicon).

The rebuild needs the Debian sources (hunspell-kk, tesseract-ocr-kaz with the tesseract tools) and the KazNERD
counts from the shared data; without them the test is skipped. It runs the build in a subprocess (about a
minute of CPU), so the analyzer caches of this test process never see the intermediate lexicons.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from habar.morph import lexicon
from habar.options import Options

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_lexicon.py"
SOURCES = (Path("/usr/share/hunspell/kk_KZ.dic"), Path("/usr/share/tesseract-ocr/5/tessdata/kaz.traineddata"))


def _sources_missing() -> str:
    missing = [str(p) for p in SOURCES if not p.exists()]
    missing += [tool for tool in ("combine_tessdata", "dawg2wordlist") if not shutil.which(tool)]
    kaznerd = Options().shared_data / "kaznerd" / "IOB2_valid.txt"
    if not kaznerd.exists():
        missing.append(str(kaznerd))
    return ", ".join(missing)


@pytest.mark.slow
@pytest.mark.skipif(bool(_sources_missing()), reason=f"lexicon sources missing: {_sources_missing()}")
def test_rebuild_gives_the_shipped_lexicon(tmp_path):
    out = tmp_path / "lexicon.tsv.gz"
    res = subprocess.run([sys.executable, str(SCRIPT), "--shared", str(Options().shared_data), "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    assert res.returncode == 0, res.stderr
    shipped = gzip.decompress(lexicon.LEXICON_FILE.read_bytes()).decode("utf-8").splitlines()
    rebuilt = gzip.decompress(out.read_bytes()).decode("utf-8").splitlines()
    only_shipped, only_rebuilt = sorted(set(shipped) - set(rebuilt)), sorted(set(rebuilt) - set(shipped))
    assert not only_shipped and not only_rebuilt, (
        f"{lexicon.LEXICON_FILE} differs from a rebuild: {len(only_shipped)} rows only shipped "
        f"{only_shipped[:5]}, {len(only_rebuilt)} only rebuilt {only_rebuilt[:5]}; ship the rebuild with `make lexicon`")
    assert out.read_bytes() == lexicon.LEXICON_FILE.read_bytes(), "same rows, different bytes: rebuild with `make lexicon`"
    assert (tmp_path / lexicon.INDEX_NAME).read_bytes() == lexicon.LEXICON_FILE.with_name(lexicon.INDEX_NAME).read_bytes()

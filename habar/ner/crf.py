"""Tagging with a crfsuite model in numpy: the weights read from the model file, Viterbi over score matrices.

crfsuite's Tagger takes every feature of every token as a string and looks each one up in the model, which cost
more than half the NER time. A linear-chain CRF's state score of a token is a sum of per-feature weight rows, and
most of a token's features belong to one word (its own, or a neighbour's), so habar.ner.model sums those rows once
per distinct word and tags with the Viterbi below. It is the same decoder as crfsuite's (crf1dc_viterbi: no start
or end transitions, the first maximum wins ties); tests/ner/test_ner_crf.py checks the tags against crfsuite's.

The file layout read here is crfsuite's `lCRF` model (crf1d_model.c): a header, a FEAT chunk of 20-byte features
(type, source, destination, weight) and two CQDB string databases, for labels and attributes.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4s9I")  # magic, size, type, version, num_features, num_labels, num_attrs, 5 offsets
_FEATURE = np.dtype([("type", "<i4"), ("src", "<i4"), ("dst", "<i4"), ("weight", "<f8")])  # packed, 20 bytes
STATE, TRANSITION = 0, 1


ROLE_PREFIXES = ("", "-1", "+1", "-2", "+2")  # habar.ner.features: a word as itself and as each neighbour


@dataclass(slots=True)
class CrfWeights:
    labels: list[str]
    index: dict[str, int]  # attribute string -> row of `state`
    # a word's feature -> (role, row) of it and of its copies for neighbours ("w=x": "w=x", "-1w=x", "+2w=x", ...)
    lends: dict[str, tuple[tuple[int, int], ...]]
    state: np.ndarray  # (attributes + 1, labels); the last row is zeros, so every feature list can end with it
    trans: np.ndarray  # (labels, labels): score of label i followed by label j
    into: np.ndarray   # trans transposed, contiguous, for viterbi

    def sums(self, lists: Sequence[Sequence[str]]) -> np.ndarray:
        """(lists, labels): the summed state weights of each feature list (a repeated feature counts twice, as in
        crfsuite; unknown features count nothing)."""
        get, zero = self.index.get, len(self.state) - 1
        rows: list[int] = []
        starts = []
        for feats in lists:
            starts.append(len(rows))
            rows += [j for f in feats if (j := get(f)) is not None]
            rows.append(zero)
        return np.add.reduceat(self.state[rows], starts, axis=0)

    def word_rows(self, owns: Sequence[Sequence[str]]) -> np.ndarray:
        """(words, 5 roles, labels) from each word's own features (Featurizer.own): the same sums as `sums` over
        Featurizer.roles, since a feature's copies for the neighbours are found by `lends` without building the
        prefixed strings; one gather for all words."""
        lends, zero = self.lends, len(self.state) - 1
        rows: list[int] = []
        starts = []
        for own in owns:
            by_role: tuple[list[int], ...] = ([], [], [], [], [])
            for f in own:
                for role, row in lends.get(f, ()):
                    by_role[role].append(row)
            for found in by_role:
                starts.append(len(rows))
                rows += found
                rows.append(zero)
        return np.add.reduceat(self.state[rows], starts, axis=0).reshape(len(owns), 5, -1)


def read_model(path: Path) -> CrfWeights:
    """The weights of a crfsuite model file; ValueError naming the file when it is not one."""
    data = path.read_bytes()
    if len(data) < _HEADER.size or data[:4] != b"lCRF" or data[8:12] != b"FOMC":
        raise ValueError(f"{path}: not a crfsuite CRF model (no lCRF/FOMC header); rebuild it with `make models`")
    (_, _, _, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs, _, _) = _HEADER.unpack_from(data)
    labels, attrs = _cqdb(data, off_labels, path), _cqdb(data, off_attrs, path)
    if len(labels) != n_labels or len(attrs) != n_attrs or data[off_feat:off_feat + 4] != b"FEAT":
        raise ValueError(f"{path}: crfsuite header and tables disagree (truncated file?); rebuild with `make models`")
    (count,) = struct.unpack_from("<I", data, off_feat + 8)
    feats = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_feat + 12)
    state = np.zeros((n_attrs + 1, n_labels))
    trans = np.zeros((n_labels, n_labels))
    st, tr = feats[feats["type"] == STATE], feats[feats["type"] == TRANSITION]
    np.add.at(state, (st["src"], st["dst"]), st["weight"])
    np.add.at(trans, (tr["src"], tr["dst"]), tr["weight"])
    return CrfWeights(labels, {a: i for i, a in enumerate(attrs)}, _lends(attrs), state, trans,
                      np.ascontiguousarray(trans.T))


def _lends(attrs: list[str]) -> dict[str, tuple[tuple[int, int], ...]]:
    """Attributes grouped by the word feature they copy: "-1w=x" is role 1 of "w=x" (ROLE_PREFIXES)."""
    out: dict[str, list[tuple[int, int]]] = {}
    roles = {p: r for r, p in enumerate(ROLE_PREFIXES) if p}
    for i, a in enumerate(attrs):
        role = roles.get(a[:2], 0)
        out.setdefault(a[2:] if role else a, []).append((role, i))
    return {k: tuple(v) for k, v in out.items()}


def _cqdb(data: bytes, off: int, path: Path) -> list[str]:
    """The strings of a CQDB chunk in id order, from its backward array (cqdb.c)."""
    if data[off:off + 4] != b"CQDB":
        raise ValueError(f"{path}: no CQDB table at offset {off}; rebuild the model with `make models`")
    _, _, _, n, bwd = struct.unpack_from("<5I", data, off + 4)
    out = []
    for i, rec in enumerate(struct.unpack_from(f"<{n}I", data, off + bwd)):
        rid, size = struct.unpack_from("<2I", data, off + rec)
        if rid != i:
            raise ValueError(f"{path}: CQDB record {i} has id {rid}; rebuild the model with `make models`")
        out.append(data[off + rec + 8:off + rec + 7 + size].decode("utf-8"))  # size counts the trailing NUL
    return out


def viterbi(scores: np.ndarray, into: np.ndarray) -> list[int]:
    """The best label path for a (tokens, labels) state-score matrix; into[j, i] scores label i followed by j.

    The transposed transitions make each step's max a reduction along contiguous rows, and the best scores are
    gathered by their argmax rather than reduced twice: half the time of the textbook numpy loop.
    """
    n, width = scores.shape
    back = []
    delta = scores[0]
    step = np.empty((width, width))
    flat, offsets = step.reshape(-1), np.arange(width) * width
    for i in range(1, n):
        np.add(into, delta, out=step)  # step[j, i]: the best path ending in label i, then label j
        best = step.argmax(1)
        back.append(best)
        delta = flat[offsets + best]
        delta += scores[i]
    path = [int(delta.argmax())]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    path.reverse()
    return path


def viterbi_many(scores: np.ndarray, starts: Sequence[int], lengths: Sequence[int],
                 into: np.ndarray) -> list[list[int]]:
    """`viterbi` of many sentences at once: sentence k is rows starts[k]:starts[k] + lengths[k] of `scores`.

    One numpy step per token position rather than one per token: the sentences are sorted longest first, so those
    still running at position t are a prefix of the batch. Each sentence gets viterbi's arithmetic in viterbi's
    order, so the paths are the same to the bit (tests/ner/test_ner_crf.py).
    """
    if not lengths:
        return []
    if min(lengths) < 1:
        raise ValueError("viterbi_many: an empty sentence has no path; leave it out of the batch")
    if len(lengths) == 1:  # the same path with less numpy overhead
        return [viterbi(scores[starts[0]:starts[0] + lengths[0]], into)]
    order = sorted(range(len(lengths)), key=lengths.__getitem__, reverse=True)  # stable: ties keep their order
    lens = np.array([lengths[k] for k in order])
    n, width = len(order), into.shape[0]
    positions = np.arange(lens[0])
    running = lens[None, :] > positions[:, None]  # (positions, sentences); each row is a prefix of True
    active = running.sum(1).tolist()
    emit = scores[(np.array([starts[k] for k in order])[None, :] + positions[:, None])[running]]  # position-major
    buffer = np.empty((n * width, width))
    flat = buffer.reshape(-1)
    gather = (np.arange(n) * (width * width))[:, None] + np.arange(width) * width
    final = np.empty((n, width))  # each sentence's scores at its last token
    # the transitions once per sentence and each delta row once per label, both contiguous: the add is then one
    # flat loop, where broadcasting delta over j made numpy run k * width short loops (8-15% of viterbi_many)
    tiled = np.tile(into, (n, 1))
    delta, running_n, offset, backs = emit[:n], n, n, []
    for k in active[1:]:
        if k < running_n:  # the sentences of this length ended at the previous position
            final[k:running_n] = delta[k:running_n]
            running_n = k
        step = buffer[:k * width]  # row s * width + j: sentence s's best path ending in label i, then j
        np.add(tiled[:k * width], delta[:k].repeat(width, axis=0), out=step)
        best = step.argmax(1).reshape(k, width)
        backs.append(best)
        delta = flat[gather[:k] + best]
        delta += emit[offset:offset + k]
        offset += k
    final[:running_n] = delta
    # backtrack all sentences together; a sentence joins when the position reaches its last token
    cur = final.argmax(1)
    paths = np.empty((len(active), n), dtype=np.intp)
    rows = np.arange(n)
    for t in range(len(active) - 1, 0, -1):
        k = active[t]
        paths[t, :k] = cur[:k]
        cur[:k] = backs[t - 1][rows[:k], cur[:k]]
    paths[0] = cur
    out: list[list[int]] = [[]] * n
    for k, path, length in zip(order, paths.T.tolist(), lens.tolist()):
        out[k] = path[:length]
    return out

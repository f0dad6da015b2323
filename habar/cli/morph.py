"""`habar tag`, `habar lemmatize` and `habar eval morph`: the morphology from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from habar.document import Token
from habar.morph import tag_tokens
from habar.morph import conllu
from habar.morph.evaluate import evaluate_file



def _open(path: str):
    if path == "-":
        return sys.stdin
    p = Path(path)
    if not p.exists():
        raise click.ClickException(f"{path}: no such file; give a CoNLL-U or text file, or - for stdin")
    return p.open(encoding="utf-8")


@click.command("tag")
@click.option("--input", "fmt", type=click.Choice(["conllu"]), default="conllu", show_default=True,
              help="input format; CoNLL-U keeps its tokenization")
@click.argument("file", default="-")
def tag(fmt: str, file: str):
    """Fill LEMMA, UPOS and FEATS of a CoNLL-U file and write CoNLL-U to stdout."""
    try:
        sentences = list(conllu.read(_open(file), file))
    except conllu.ConlluError as exc:
        raise click.ClickException(str(exc)) from exc
    for sent in sentences:
        rows = sent.words()
        tokens = [Token(r[1], 0, 0) for r in rows]
        tag_tokens(tokens)
        for r, t in zip(rows, tokens):
            r[2], r[3], r[5] = t.lemma, t.upos, t.feats or "_"
    conllu.write(sentences, sys.stdout)


@click.command("lemmatize")
@click.argument("file", default="-")
def lemmatize(file: str):
    """Print the text of FILE (or stdin) with every word replaced by its lemma, line by line."""
    from habar.text.normalise import normalise
    from habar.text.tokenize import tokenize

    for line in _open(file):
        tokens = tokenize(normalise(line)[0])  # the same text layer as the pipeline, so lemmas match search
        tag_tokens(tokens)
        click.echo(" ".join(t.lemma or t.text for t in tokens))


@click.command("morph")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", is_flag=True, help="also list every wrong lemma or UPOS")
def eval_morph(gold: str, errors: bool):
    """Lemma and UPOS accuracy against a gold CoNLL-U file (punctuation excluded), plus coverage."""
    try:
        report = evaluate_file(Path(gold))
    except conllu.ConlluError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"tokens {report.n}  lemma {report.lemma_acc:.4f}  upos {report.upos_acc:.4f}  "
               f"feats {report.feats_acc:.4f}  coverage {report.coverage:.4f}")
    if errors:
        for form, gl, pl, gu, pu in report.errors:
            click.echo(f"  {form}\t{gl}/{gu}\t-> {pl}/{pu}")

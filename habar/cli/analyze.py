"""`habar analyze`: run the analysis pipeline over files and print the result as text, JSON or CoNLL-U."""

from __future__ import annotations

import json
from collections import Counter

import click

from habar.document import Article
from habar.cli.common import finish, progress, read_articles
from habar.export.conllu import article_conllu
from habar.options import Options
from habar.steps import default_pipeline


def article_json(article: Article) -> dict:
    """The JSON view: the whole article with offsets into `text`, plus the flat views of its facts
    (quotes, events, investments, statistics, summary, keyphrases, topic)."""
    from habar.facts.view import facts_view

    return {**article.to_dict(), **facts_view(article)}


def article_text(article: Article) -> str:
    out = [f"# {article.title or article.id}  [{article.lang or '?'}] {article.source} {article.published}".rstrip()]
    for sentence in article.sentences:
        words = [f"{t.text}/{t.lemma}/{t.upos}" if t.lemma else t.text for t in article.sentence_tokens(sentence)]
        out.append("  " + " ".join(words))
    for e in article.entities:
        value = f" = {json.dumps(e.value, ensure_ascii=False)}" if e.value is not None else ""
        norm = f" -> {e.norm}" if e.norm and e.norm != e.text else ""
        out.append(f"  [{e.label}] {e.text}{norm}{value}")
    return "\n".join(out) + "\n"


FORMATS = {"text": article_text, "json": lambda a: json.dumps(article_json(a), ensure_ascii=False) + "\n",
           "conllu": article_conllu}


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="json prints one object per article and line.")
@click.option("--steps", default=None, help="Comma-separated pipeline steps (default: all installed).")
def analyze(paths: tuple[str, ...], fmt: str, steps: str | None):
    """Analyse FILE, DIR or - (stdin): .txt, .jsonl and the other supported formats."""
    options = Options()
    pipeline = default_pipeline(options, steps.split(",") if steps else None)
    failures: Counter = Counter()
    render, done = FORMATS[fmt], 0
    for article in progress(pipeline.run(read_articles(paths, options, failures)), options, "analyse"):
        click.echo(render(article), nl=False)
        done += 1
    failures.update({k: v for k, v in pipeline.stats.items() if k.startswith("failed")})
    finish(failures, done)

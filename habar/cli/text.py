"""`habar segment` and `habar translit`: the Kazakh text layer from the command line."""

from __future__ import annotations

import sys
from collections import Counter

import click

from habar.cli.common import finish, read_articles
from habar.options import Options
from habar.text.normalise import normalise
from habar.text.segment import repair_artefacts, segment as split_sentences
from habar.text.translit import to_cyrillic, to_latin


def sentences_of(text: str, clean: bool = True) -> list[str]:
    """The sentences of `text` (normalised and repaired first when `clean`), each on one line."""
    if clean:
        text, _ = normalise(text)
        text, _ = repair_artefacts(text)
    return [" ".join(text[s.start:s.end].split()) for s in split_sentences(text)]


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--no-normalise", is_flag=True, help="Split the text as it is, without normalising it first.")
@click.option("--blank", is_flag=True, help="Print a blank line after each document.")
def segment(paths: tuple[str, ...], no_normalise: bool, blank: bool):
    """Print the sentences of FILE, DIR or - (stdin), one per line."""
    failures: Counter = Counter()
    done = 0
    out = sys.stdout
    for article in read_articles(paths, Options(progress=False), failures):
        for sentence in sentences_of(article.text, clean=not no_normalise):
            out.write(sentence + "\n")
        if blank:
            out.write("\n")
        done += 1
    finish(failures, done)


@click.command()
@click.argument("source", default="-")
@click.option("--to", "target", type=click.Choice(["latin", "cyrillic"]), default="latin", show_default=True,
              help="The script to write.")
@click.option("--text", "inline", default=None, help="Transliterate this text instead of reading SOURCE.")
def translit(source: str, target: str, inline: str | None):
    """Transliterate SOURCE (a UTF-8 file, or - for stdin) between Kazakh Cyrillic and the 2021 Latin alphabet."""
    convert = to_latin if target == "latin" else to_cyrillic
    if inline is not None:
        click.echo(convert(inline))
        return
    try:
        if source == "-":
            text = sys.stdin.read()
        else:
            with open(source, encoding="utf-8") as f:
                text = f.read()
    except FileNotFoundError:
        raise click.ClickException(f"{source}: no such file; give an existing file, or - to read stdin")
    except UnicodeDecodeError as exc:
        raise click.ClickException(
            f"{source}: not UTF-8 (byte {exc.start}); convert it first, e.g. iconv -f cp1251 -t utf-8 {source}"
        )
    sys.stdout.write(convert(text))

"""`habar clean`: read, clean, identify languages, judge quality, drop exact duplicates and mark clusters.

Cleaned articles go to stdout as JSON Lines; a summary with the count for every reason (read errors, failed
steps, duplicates, quality verdicts) goes to stderr. The exit code is non-zero only when something failed:
a quality verdict or a duplicate is a finding, not a failure.
"""

from __future__ import annotations

from collections import Counter

import click

from habar.options import Options


@click.command("clean")
@click.argument("paths", nargs=-1)
@click.option("--no-dedup", is_flag=True, help="Keep exact duplicates and do not cluster near-duplicates.")
def clean(paths: tuple[str, ...], no_dedup: bool):
    """Clean FILE, DIR or - (stdin): .txt, .jsonl, .html, .rss/.atom, .warc(.gz); JSON Lines on stdout."""
    from habar.clean import clean_corpus
    from habar.cli.common import finish, read_articles

    options = Options()
    failures: Counter = Counter()
    articles = list(read_articles(paths, options, failures))
    result = clean_corpus(articles, dedup=not no_dedup)
    for article in result.articles:
        click.echo(article.to_json())
    failures.update({k: v for k, v in result.stats.items() if k.startswith("failed[")})
    findings = {k: v for k, v in sorted(result.stats.items()) if not k.startswith("failed[") and k != "ok"}
    summary = ", ".join(f"{n} {reason}" for reason, n in findings.items())
    click.echo(f"habar: {len(result.articles)} articles cleaned; {summary or 'nothing to report'}", err=True)
    finish(failures, len(result.articles))

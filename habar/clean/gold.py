"""The cleaning gold set (tests/gold/clean): loading it, and measuring cleaning, language and clustering on it.

`evaluate(gold_dir)` returns the figures that `floors.json` pins: boilerplate-line precision and recall,
language accuracy on paragraphs of 10+ words, and pairwise F1 of duplicate clusters; and a few more (author,
title, article language). The format of the gold files is described in tests/gold/clean/README.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import click

from habar.clean import clean_corpus, dedupe
from habar.clean.edit import norm_line
from habar.document import Article
from habar.ingest.feeds import parse_feed
from habar.ingest.html import decode_html, html_to_article
from habar.ingest.txt import split_title
from habar.langid import identify

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "tests" / "gold" / "clean"
_ESCAPES = {"{ZWSP}": "\u200b", "{NBSP}": "\u00a0", "{SHY}": "\u00ad", "{BOM}": "\ufeff"}


@dataclass
class GoldDoc:
    article: Article
    keep: list[tuple[str, str]] = field(default_factory=list)  # (lang, line)
    boilerplate: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # title copies, repeated leads, bylines: must leave text
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (lang, paragraph)
    cluster: str = ""
    author: str = ""
    title: str = ""
    lang: str = "kk"


def _unescape(s: str) -> str:
    for k, v in _ESCAPES.items():
        s = s.replace(k, v)
    return s


def parse_txt(path: Path) -> GoldDoc:
    head: dict[str, str] = {}
    body: list[tuple[str, str, str]] = []  # (label, lang, text)
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            head[key.strip()] = value.strip()
        elif line.strip():
            lang, bar, text = line[2:].partition("|")
            if not bar or line[1] != " " or line[0] not in "kbtra":
                raise ValueError(f"{path}:{n}: expected 'L LANG|text' (L one of k, b, t, r, a); fix the line")
            body.append((line[0], lang.strip(), _unescape(text)))
    raw = ("\r\n" if head.get("newline") == "crlf" else "\n").join(t for _, _, t in body)
    title, _ = split_title(raw)  # as the txt reader does
    doc = GoldDoc(Article(id=path.stem, raw=raw, text=raw, title=title, source=head.get("source", ""),
                          url=head.get("url", ""), published=head.get("published", "")),
                  cluster=head.get("cluster", ""), author=head.get("author", ""), lang=head.get("lang", "kk"))
    para: list[str] = []
    para_lang = ""
    for label, lang, text in body + [("k", "--", "")]:
        if label == "k" and text.strip() and lang != "--":
            doc.keep.append((lang, text))
            para.append(text)
            para_lang = lang
            continue
        if para:
            doc.paragraphs.append((para_lang, "\n".join(para)))
            para = []
        if label == "b":
            doc.boilerplate.append(text)
        elif label in "ra":
            doc.removed.append(text)
        elif label == "t":
            doc.title = text
    return doc


def _from_labels(key: str, label: dict, article: Article) -> GoldDoc:
    article.id = key
    article.source = article.source or label.get("source", "")
    keep = [(lang, text) for lang, text in label["keep"]]
    return GoldDoc(article, keep=keep, boilerplate=label["boilerplate"], paragraphs=keep,
                   cluster=label.get("cluster", ""), author=label.get("author", ""), title=label.get("title", ""),
                   lang=label.get("lang", "kk"))


def load_gold(gold_dir: Path = DEFAULT_DIR) -> list[GoldDoc]:
    docs = [parse_txt(p) for p in sorted((gold_dir / "docs").glob("*.txt"))]
    labels = json.loads((gold_dir / "labels.json").read_text(encoding="utf-8"))
    for key, label in labels.items():
        file, _, link = key.partition("#")
        data = (gold_dir / file).read_bytes()
        if file.startswith("pages/"):
            html, _ = decode_html(data)
            article = html_to_article(html, url=label.get("url", ""), source=label.get("source", ""))
            if article is None:
                raise ValueError(f"{gold_dir / file}: no main text extracted; the gold page must have text")
        else:
            found = [a for a in parse_feed(data, file) if isinstance(a, Article) and a.url == link]
            if not found:
                raise ValueError(f"{gold_dir / file}: no entry with link {link}; fix labels.json")
            article = found[0]
        docs.append(_from_labels(key, label, article))
    return docs


def _visible(line: str) -> str:
    """A gold line as cleaning should leave it: without the invisible characters it is written with."""
    return "".join(c for c in line if c not in _ESCAPES.values() or c == "\u00a0")


def _present(line: str, text_lines: set[str], flat: str) -> bool:
    key = norm_line(line)
    return key in text_lines or (len(key) >= 15 and key in flat)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def evaluate(gold_dir: Path = DEFAULT_DIR) -> dict:
    docs = load_gold(gold_dir)
    result = clean_corpus([d.article for d in docs], dedup=False)
    by_id = {a.id: a for a in result.articles}
    tp = fn = fp = tn = removed_ok = removed_n = 0
    for d in docs:
        a = by_id[d.article.id]
        final = [norm_line(x) for x in a.text.split("\n") if x.strip()]
        text_lines, flat = set(final), " ".join(a.text.lower().split())
        kept = [norm_line(_visible(k)) for _, k in d.keep]
        for b in d.boilerplate:
            tp, fn = (tp + 1, fn) if not _present(b, text_lines, flat) else (tp, fn + 1)
        for k in kept:
            tn, fp = (tn + 1, fp) if k in flat else (tn, fp + 1)
        for r in d.removed:  # a repeated lead stays once where it belongs: count copies, not presence
            removed_n += 1
            removed_ok += final.count(norm_line(r)) <= kept.count(norm_line(r))
    paras = [(lang, p) for d in docs for lang, p in d.paragraphs if len(p.split()) >= 10]
    lang_ok = sum(identify(p) == lang for lang, p in paras)
    authors = [d for d in docs if d.author]
    titled = [d for d in docs if d.title]
    # Clusters: exact duplicates belong to the cluster of the article they copy.
    _, deduper = dedupe([by_id[d.article.id] for d in docs])
    group = {m: canon for canon, members in deduper.clusters().items() for m in members}
    for e in deduper.exact:
        group[e["id"]] = group.get(e["duplicate_of"], e["duplicate_of"])
        group.setdefault(e["duplicate_of"], group[e["id"]])
    gold_pairs = {frozenset((x.article.id, y.article.id)) for x, y in combinations(docs, 2)
                  if x.cluster and x.cluster == y.cluster}
    got_pairs = {frozenset((x.article.id, y.article.id)) for x, y in combinations(docs, 2)
                 if group.get(x.article.id, x.article.id) == group.get(y.article.id, y.article.id)}
    p, r = _ratio(len(gold_pairs & got_pairs), len(got_pairs)), _ratio(len(gold_pairs & got_pairs), len(gold_pairs))
    return {
        "documents": len(docs),
        "boilerplate_precision": round(_ratio(tp, tp + fp), 4),
        "boilerplate_recall": round(_ratio(tp, tp + fn), 4),
        "boilerplate_lines": tp + fn, "kept_lines": tn + fp, "kept_lines_lost": fp,
        "repeat_and_byline_removed": round(_ratio(removed_ok, removed_n), 4),
        "language_accuracy_10_words": round(_ratio(lang_ok, len(paras)), 4), "paragraphs_10_words": len(paras),
        "article_language_accuracy": round(_ratio(sum(by_id[d.article.id].lang == d.lang for d in docs), len(docs)), 4),
        "author_accuracy": round(_ratio(sum(by_id[d.article.id].meta.get("author") == d.author for d in authors),
                                        len(authors)), 4),
        "title_accuracy": round(_ratio(sum(by_id[d.article.id].title == d.title for d in titled), len(titled)), 4),
        "duplicate_pairwise_precision": round(p, 4), "duplicate_pairwise_recall": round(r, 4),
        "duplicate_pairwise_f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
        "exact_duplicates": len(deduper.exact),
    }


@click.command("clean")
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=DEFAULT_DIR, show_default=True, help="The gold directory.")
def eval_clean(gold_dir: Path):
    """Cleaning, language and duplicate figures on the cleaning gold set."""
    click.echo(json.dumps(evaluate(gold_dir), ensure_ascii=False, indent=2))

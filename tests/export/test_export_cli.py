"""`habar export`: filters, reports, and errors that name the path and end with the fix."""

from __future__ import annotations

import pytest

from export_helpers import run
from habar.document import Article
from habar.store.store import Store


def test_store_walk_is_ordered_and_bounded(store_dir, stored):
    with Store(store_dir, create=False) as store:
        assert [a.id for a in store.iter_articles(batch=4)] == [a.id for a in stored]
        assert store.get(stored[3].id) == stored[3]
        assert not store.conn.in_transaction  # the read snapshot is released when the walk ends


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "conllu", "opensearch"])
def test_filters(store_dir, stored, tmp_path, fmt):
    kk = [a for a in stored if a.lang == "kk" and a.source == stored[0].source]
    out = tmp_path / f"f.{fmt}"
    result = run("export", "--format", fmt, "--db", str(store_dir), "--out", str(out), "--lang", "kk",
                 "--source", stored[0].source)
    assert result.exit_code == 0, result.output
    assert f"habar export: {len(kk)} articles, " in result.stderr and out.exists()
    if fmt == "jsonl":
        assert [Article.from_json(line).id for line in out.read_text(encoding="utf-8").splitlines()] == \
               [a.id for a in kk]


@pytest.mark.parametrize("args, message", [
    (["--format", "parquet", "--out", "-"], "cannot go to stdout; give a file with --out"),
    (["--format", "opensearch", "--out", "-"], "cannot go to stdout; give a file with --out"),
    (["--format", "jsonl", "--out", "{tmp}/missing/x.articles.jsonl"], "{tmp}/missing/x.articles.jsonl: the "
                                                                     "directory {tmp}/missing does not exist; create"),
    (["--format", "conllu", "--out", "{tmp}"], "{tmp}: is a directory; give a file name with --out"),
])
def test_errors_name_the_path_and_end_with_the_fix(store_dir, tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run("export", "--db", str(store_dir), *args)
    assert result.exit_code == 2 and message.replace("{tmp}", str(tmp_path)) in result.stderr
    assert not list(tmp_path.glob("**/*.part"))


def test_missing_store(tmp_path):
    result = run("export", "--format", "jsonl", "--db", str(tmp_path / "none"), "--out", str(tmp_path / "x"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'none'}" in result.stderr and "run `habar ingest PATH" in result.stderr


def test_nothing_matched_says_why(store_dir, tmp_path):
    result = run("export", "--format", "conllu", "--db", str(store_dir), "--out", str(tmp_path / "x.conllu"),
                 "--source", "no-such-source")
    assert result.exit_code == 0 and "0 articles" in result.stderr
    assert "no article matched --source no-such-source; see `habar stats`" in result.stderr


def test_interrupted_export_leaves_no_file(store_dir, tmp_path, monkeypatch):
    from habar.export import jsonl

    def broken(article):
        raise KeyboardInterrupt

    monkeypatch.setattr(jsonl, "tally", lambda counts, article: broken(article))
    out = tmp_path / "cut.articles.jsonl"
    run("export", "--format", "jsonl", "--db", str(store_dir), "--out", str(out))
    assert not out.exists() and not list(tmp_path.iterdir())

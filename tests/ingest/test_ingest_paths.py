"""read_paths: directories (recursive, sorted, hidden skipped), stdin, missing and unknown paths, READERS."""

from __future__ import annotations

import io
import sys

import pytest

from habar.document import Article
from habar.ingest import readers
from habar.ingest.readers import read_paths
from habar.options import Options


def make_tree(root):
    files = {
        "b/2.txt": "Екінші файл\n\nМәтін екі.",
        "a/1.jsonl": '{"text": "Бірінші жол."}\n{"text": "Екінші жол."}\n',
        "a/sub/3.txt": "Үшінші файл\n\nМәтін үш.",
        "c.json": '[{"text": "Массив ішіндегі мақала."}]',
        ".hidden/4.txt": "Жасырын\n\nОқылмайды.",
        "a/.secret.txt": "Жасырын\n\nОқылмайды.",
        "notes.md": "# белгісіз түр",
    }
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")


def test_directories_are_walked_sorted_without_hidden_or_unknown_files(tmp_path, read):
    make_tree(tmp_path)
    articles, errors = read(tmp_path)
    assert not errors
    assert [a.raw.split("\n")[0] for a in articles] == [
        "Бірінші жол.", "Екінші жол.", "Үшінші файл", "Екінші файл", "Массив ішіндегі мақала."]
    assert [a.source for a in articles[2:4]] == ["sub", "b"]  # a .txt file's source is its folder


def test_a_batch_goes_on_after_failures(tmp_path, read):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (tmp_path / "ok.txt").write_text("Тақырып\n\nМәтін.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Мәтін.", encoding="utf-8")
    articles, errors = read(tmp_path / "bin.txt", tmp_path / "nope.txt", tmp_path / "notes.md", tmp_path / "ok.txt")
    assert [a.title for a in articles] == ["Тақырып"]
    assert [e.kind for e in errors] == ["binary", "missing", "unsupported"]
    assert str(errors[1]) == f"{tmp_path / 'nope.txt'}: no such file or directory; check the path"
    assert str(errors[2]).startswith(f"{tmp_path / 'notes.md'}: unknown file type; give one of ")
    assert ".jsonl" in str(errors[2]) and ".txt" in str(errors[2])


STDIN_CASES = [
    ("jsonl", '{"text": "Бір.", "title": "Т"}\n{"text": "Екі."}\n'.encode("utf-8"), ["Бір.", "Екі."]),
    ("json array", '[{"text": "Бір."}]'.encode("utf-8"), ["Бір."]),
    ("txt", "Тақырып\n\nМәтін.\n".encode("utf-8"), ["Тақырып\n\nМәтін.\n"]),
    ("txt in kz1048", "Әкім өңірге келді. Қыс қатты болды.\n".encode("kz1048"),
     ["Әкім өңірге келді. Қыс қатты болды.\n"]),
    ("jsonl in utf-16", '{"text": "Ғалым."}\n'.encode("utf-16"), ["Ғалым."]),
]


@pytest.mark.parametrize("name,data,raws", STDIN_CASES, ids=[c[0] for c in STDIN_CASES])
def test_stdin(monkeypatch, name, data, raws):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(read_paths(["-"], Options()))
    assert all(isinstance(a, Article) for a in items)
    assert [a.raw for a in items] == raws
    assert {a.meta["reader"]["path"] for a in items} == {"<stdin>"}


@pytest.mark.parametrize("data,kind", [(b"", "empty"), (b"\x00\x01\x02\x03" * 10, "binary")])
def test_bad_stdin(monkeypatch, data, kind):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [error] = list(read_paths(["-"], Options()))
    assert error.kind == kind and str(error).startswith("<stdin>: ")


def test_stdin_over_the_size_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Мәтін. ".encode("utf-8") * 100)))
    [error] = list(read_paths(["-"], Options(max_file_bytes=50)))
    assert str(error) == ("<stdin>: input of more bytes than allowed is over the limit of 50; raise it with "
                          "HABAR_MAX_FILE_BYTES or split the input")


def test_read_errors_pickle():
    import pickle

    from habar.ingest.source import ReadError

    error = ReadError("a.jsonl", 3, "invalid JSON (x); fix the line or remove it", "invalid_json")
    back = pickle.loads(pickle.dumps(error))
    assert (str(back), back.kind, back.line) == (str(error), "invalid_json", 3)


def test_a_plugged_in_reader_gets_the_longest_matching_suffix(tmp_path, monkeypatch):
    def read_warc(src, options):
        with src.open() as f:
            yield Article(id="w", raw=f.read().decode("ascii"), meta={"reader": {"path": src.name, "line": 1}})

    monkeypatch.setitem(readers.READERS, ".gz", "habar.ingest.txt:read_txt")
    monkeypatch.setitem(readers.READERS, ".warc.gz", read_warc)
    (tmp_path / "x.warc.gz").write_bytes(b"WARC/1.0")
    [article] = list(read_paths([tmp_path], Options()))
    assert article.raw == "WARC/1.0"


def test_a_reader_that_raises_read_error_is_reported(tmp_path, monkeypatch):
    def broken(src, options):
        raise src.error("broken record; drop it", "broken", 3)
        yield

    monkeypatch.setitem(readers.READERS, ".bad", broken)
    (tmp_path / "x.bad").write_text("x")
    [error] = list(read_paths([tmp_path / "x.bad"], Options()))
    assert str(error) == f"{tmp_path / 'x.bad'}:3: broken record; drop it"


SNIFF_CASES = [
    (b'{"text": "x"}', ".jsonl"), (b'  [{"text": "x"}]', ".json"), (b"<?xml version='1.0'?><rss>", ".rss"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", ".rss"), (b"<!DOCTYPE html><html>", ".html"),
    ("Тақырып\n\nМәтін.".encode("utf-8"), ".txt"),
]


@pytest.mark.parametrize("data,suffix", SNIFF_CASES)
def test_stdin_format_is_sniffed(data, suffix):
    from habar.ingest.source import Source

    expected = readers.reader_for("x" + suffix) or readers.reader_for("x.txt")
    assert readers._sniff_stdin(Source("<stdin>", data=data), Options()) is expected


def test_a_crashing_reader_costs_only_its_file(tmp_path, monkeypatch):
    def buggy(src, options):
        raise KeyError("surprise")
        yield

    monkeypatch.setitem(readers.READERS, ".bug", buggy)
    (tmp_path / "a.bug").write_text("x")
    (tmp_path / "b.txt").write_text("Тақырып\n\nМәтін.", encoding="utf-8")
    error, article = list(read_paths([tmp_path], Options()))
    assert error.kind == "reader_failed" and "KeyError" in str(error) and article.title == "Тақырып"


def test_symlinked_directories_are_not_followed(tmp_path, read):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Тақырып\n\nМәтін.", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    articles, errors = read(tmp_path)
    assert len(articles) == 1 and not errors

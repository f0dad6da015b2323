"""Limits: lines over Options.max_line_chars and files over Options.max_file_bytes are refused clearly."""

from __future__ import annotations

import tracemalloc

import pytest

LINE = "Қазақстан"  # 9 characters, 18 bytes in UTF-8: the limit counts characters


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_line_at_the_limit_is_read(tmp_path, read, ending):
    path = tmp_path / "a.txt"
    path.write_bytes(f"Тақырып{ending}{ending}{LINE * 5}{ending}".encode("utf-8"))
    [article], errors = read(path, max_line_chars=45)
    assert not errors and article.raw.endswith(LINE * 5 + ending)


def test_a_long_line_refuses_a_txt_file(tmp_path, read):
    path = tmp_path / "a.txt"
    path.write_text(f"Тақырып\n\n{LINE * 6}\nСоңғы жол.\n", encoding="utf-8")
    articles, [error] = read(path, max_line_chars=50)
    assert not articles and error.kind == "line_too_long" and error.line == 3
    assert str(error) == (f"{path}:3: line longer than 50 characters, the limit; raise it with "
                          "HABAR_MAX_LINE_CHARS or split the line")


def test_a_long_line_in_jsonl_costs_only_that_line(tmp_path, read):
    good = '{"text": "Жақсы жол."}'
    long = '{"text": "' + LINE * 40 + '"}'
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join([good, long, good, long, good]) + "\n", encoding="utf-8")
    articles, errors = read(path, max_line_chars=100)
    assert [a.meta["reader"]["line"] for a in articles] == [1, 3, 5]
    assert [(e.line, e.kind) for e in errors] == [(2, "line_too_long"), (4, "line_too_long")]


def test_a_large_file_is_refused_before_it_is_read(tmp_path, read):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\x00\x01" * 100)  # binary too: the size is checked first, nothing is read
    _, [error] = read(path, max_file_bytes=100)
    assert error.kind == "too_large"
    assert str(error) == (f"{path}: file of 200 bytes is over the limit of 100; raise it with "
                          "HABAR_MAX_FILE_BYTES or split the input")


def test_a_100_mb_single_line_is_refused_without_reading_it_whole(tmp_path, read):
    path = tmp_path / "big.txt"
    piece = ("қазақ " * 100_000).encode("utf-8")  # 1.2 MB
    with path.open("wb") as f:
        for _ in range(84):  # just over 100 MB, no line break
            f.write(piece)
    tracemalloc.start()
    try:
        articles, [error] = read(path)  # the default limit, 10 million characters
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        path.unlink()  # pytest keeps the last runs' tmp folders: do not leave 100 MB behind
    assert not articles and error.kind == "line_too_long" and "10,000,000 characters" in str(error)
    # the whole line as a str would take 116 MB (2 bytes per Cyrillic character); the reader stops at the limit
    assert peak < 70_000_000, peak

"""Encodings: UTF-8 (BOM or not), UTF-16/32 (BOM or not), cp1251, KZ-1048, PTCP154; binary and empty files.

Every encoded fixture is made here from Kazakh (or Russian) text written for the test, so no binary file is
checked in.
"""

from __future__ import annotations

import codecs

import pytest

from habar.ingest.encoding import kazakh_score

KK = ("Түркістан облысында мақта жинау науқаны басталды\n\n"
      "Өңірдегі шаруалар биыл 120 мың гектар алқапқа мақта екті. Әкімдіктің айтуынша, өнімнің көбі "
      "Мақтаарал мен Жетісай аудандарында жиналады. Қыркүйек айының соңына дейін 290 мың тонна шикізат "
      "жинау көзделіп отыр. Ғалымдар жаңа сұрыптардың суыққа төзімді екенін айтады, ал һ әрпі тек "
      "кірме сөздерде кездеседі: гектар, жиһаз.\n")
KK_SHORT = "Ауыл әкімі Қайрат Ұзақбаев өңірге келді.\n"
RU = ("В Алматы открылась новая станция метро\n\n"
      "Станция «Сарыарка» приняла первых пассажиров. Строительство обошлось городу в 68 млрд тенге, "
      "а пассажиропоток, по оценке акимата, вырастет до 90 тысяч человек в сутки.\n")

ENCODING_CASES = [
    # (id, text, bytes, codec the reader reports)
    ("utf-8", KK, KK.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", KK, codecs.BOM_UTF8 + KK.encode("utf-8"), "utf-8-sig"),
    ("utf-16-le with BOM", KK, codecs.BOM_UTF16_LE + KK.encode("utf-16-le"), "utf-16"),
    ("utf-16-be with BOM", KK, codecs.BOM_UTF16_BE + KK.encode("utf-16-be"), "utf-16"),
    ("utf-16-le without BOM", KK, KK.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be without BOM", KK, KK.encode("utf-16-be"), "utf-16-be"),
    ("utf-16-le short, no BOM", KK_SHORT, KK_SHORT.encode("utf-16-le"), "utf-16-le"),
    ("utf-32 with BOM", KK, codecs.BOM_UTF32_LE + KK.encode("utf-32-le"), "utf-32"),
    ("kz1048", KK, KK.encode("kz1048"), "kz1048"),
    ("kz1048 one line", KK_SHORT, KK_SHORT.encode("kz1048"), "kz1048"),
    ("ptcp154", KK, KK.encode("ptcp154"), "ptcp154"),
    ("cp1251 Russian", RU, RU.encode("cp1251"), "cp1251"),
    ("utf-16 Russian", RU, RU.encode("utf-16"), "utf-16"),
]


@pytest.mark.parametrize("name,text,data,codec", ENCODING_CASES, ids=[c[0] for c in ENCODING_CASES])
def test_txt_in_any_encoding(tmp_path, read, name, text, data, codec):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [article], errors = read(path)
    assert not errors
    assert article.raw == text  # the mark is not text; the rest is exactly what was written
    assert article.meta["reader"]["encoding"] == codec


@pytest.mark.parametrize("codec", ["kz1048", "cp1251", "utf-16-le", "utf-16"])
def test_jsonl_in_a_legacy_or_wide_encoding(tmp_path, read, codec):
    text = KK_SHORT.strip() if codec != "cp1251" else "Алматыда метро бекеті ашылды."
    lines = "".join(f'{{"id": "{i}", "text": "{text}"}}\n' for i in range(3))
    path = tmp_path / "c.jsonl"
    path.write_bytes(lines.encode(codec))
    articles, errors = read(path)
    assert not errors and [a.raw for a in articles] == [text] * 3


def test_kz1048_and_cp1251_differ_on_the_kazakh_letters():
    data = KK.encode("kz1048")
    assert kazakh_score(data.decode("kz1048")) > 0 > kazakh_score(data.decode("cp1251"))


BINARY_CASES = [
    ("png header", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8),
    ("NUL bytes in latin text", b"abc\x00def\x00" * 200),
    ("control bytes", b"\x1b[31m\x07\x01" * 300),
    ("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256)) * 4),
]


@pytest.mark.parametrize("name,data", BINARY_CASES, ids=[c[0] for c in BINARY_CASES])
@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_binary_files_are_refused(tmp_path, read, name, data, suffix):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    articles, [error] = read(path)
    assert not articles and error.kind == "binary"
    assert str(error).startswith(f"{path}: binary file") and "text file" in str(error)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t"], ids=["0 bytes", "whitespace"])
@pytest.mark.parametrize("suffix", [".txt", ".json"])
def test_empty_files_are_refused(tmp_path, read, data, suffix):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    articles, [error] = read(path)
    assert not articles and error.kind == "empty" and str(path) in str(error)


def test_bad_bytes_after_the_sampled_head_name_the_line(tmp_path, read):
    head = ("Қазақ тіліндегі мәтін жолы.\n" * 6000).encode("utf-8")  # past the 256 KB detection sample
    path = tmp_path / "a.txt"
    path.write_bytes(head + b"\xff\xfe\xfa broken\n")
    _, [error] = read(path)
    assert error.kind == "encoding" and error.line == 6001 and "re-save the file as UTF-8" in str(error)

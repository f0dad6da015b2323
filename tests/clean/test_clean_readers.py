"""HTML, RSS/Atom and WARC readers: what they extract, and bad input counted by reason, never a crash."""

from __future__ import annotations

import gzip
import io
from collections import Counter
from pathlib import Path

import pytest

from habar.document import Article
from habar.ingest.feeds import read_feed_url
from habar.ingest.readers import ReadError, read_paths
from habar.options import Options

GOLD = Path(__file__).resolve().parents[1] / "gold" / "clean"
BODY = ("Бүгін елордада 1200 орындық жаңа мектеп ашылды. Салтанатты шараға қала әкімі мен ата-аналар қатысты. "
        "Мектепте заманауи зертханалар, спорт залы және кітапхана бар.")
PAGE = f"""<html><head><meta charset="{{charset}}"><title>Жаңа мектеп ашылды</title>
<meta name="author" content="Айгүл Сейілова"><meta property="article:published_time" content="2024-03-05">
<link rel="canonical" href="https://habar.example/news/1"></head>
<body><nav><a href="/">Басты бет</a></nav><article><h1>Жаңа мектеп ашылды</h1><p>{BODY}</p>
<p>Оқушылар қыркүйектен бастап осында оқиды, ал ата-аналар бұл жаңалыққа қуанышты.</p></article></body></html>"""


def read(*paths, options: Options | None = None):
    items = list(read_paths([str(p) for p in paths], options or Options()))
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, ReadError)]


# --- HTML -------------------------------------------------------------------------------------------------
def test_html_main_text_and_metadata(tmp_path):
    (tmp_path / "p.html").write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    (a,), errors = read(tmp_path / "p.html")
    assert not errors
    assert BODY in a.text and "Басты бет" not in a.text
    assert (a.title, a.url, a.published, a.meta["author"]) == (
        "Жаңа мектеп ашылды", "https://habar.example/news/1", "2024-03-05", "Айгүл Сейілова")
    assert a.raw == a.text and a.meta["reader"]["extractor"] == "trafilatura"


@pytest.mark.parametrize("codec, declared", [("cp1251", "windows-1251"), ("kz1048", None), ("utf-8", None)])
def test_html_encodings(tmp_path, codec, declared):
    page = PAGE.format(charset=declared or "x").replace('<meta charset="x">', "")
    if codec == "cp1251":  # cp1251 has no Kazakh letters: a Russian page
        page = (page.replace(BODY, "Сегодня в столице открылась новая школа на 1200 мест. На церемонии были аким "
                                   "и родители.")
                .replace("Оқушылар қыркүйектен бастап осында оқиды, ал ата-аналар бұл жаңалыққа қуанышты.",
                         "Ученики будут учиться здесь с сентября, а родители рады этой новости.")
                .replace("Жаңа мектеп ашылды", "Открылась новая школа").replace("Басты бет", "Главная")
                .replace("Айгүл Сейілова", "Анна Петрова"))
    (tmp_path / "p.html").write_bytes(page.encode(codec))
    (a,), errors = read(tmp_path / "p.html")
    assert not errors
    assert ("Сегодня в столице" if codec == "cp1251" else BODY) in a.text


@pytest.mark.parametrize("html, kind", [
    ("<html><head><title>Мәтін жоқ\n<body><p>Title never closed swallows the page.</p>", "no_text"),
    ("<html><body><div></div></body></html>", "no_text"),
    ("\x00\x01\x02 binary", "binary"),
])
def test_broken_html_is_a_counted_error(tmp_path, html, kind):
    (tmp_path / "b.html").write_bytes(html.encode("utf-8"))
    articles, errors = read(tmp_path / "b.html")
    assert not articles and [e.kind for e in errors] == [kind]
    assert "b.html" in str(errors[0]) and ";" in str(errors[0])  # names the file, ends with the fix


def test_one_line_over_the_limit_is_refused(tmp_path):
    (tmp_path / "long.html").write_text("<p>" + "ә" * 5000 + "</p>", encoding="utf-8")
    _, errors = read(tmp_path / "long.html", options=Options(max_line_chars=1000))
    assert [e.kind for e in errors] == ["line_too_long"] and "HABAR_MAX_LINE_CHARS" in str(errors[0])


# --- feeds ------------------------------------------------------------------------------------------------
def test_rss_entries_and_a_bad_date_kept_and_counted():
    articles, errors = read(GOLD / "feeds" / "zhas.rss")
    assert len(articles) == 4
    assert [e.kind for e in errors] == ["bad_date"] and "entry 4" in str(errors[0])
    bad = articles[3]
    assert bad.published == "" and bad.meta["published_raw"].startswith("сәрсенбі")
    first = articles[0]
    assert first.published == "2024-11-03T06:00:00Z" and first.meta["author"] == "Бауыржан Омаров"
    assert first.source == "zhasqazaq.kz" and "\n\n" in first.text


def test_atom_feed():
    articles, errors = read(GOLD / "feeds" / "kapital.atom")
    assert not errors and [a.title for a in articles][1] == "Нацбанк сохранил базовую ставку"
    assert articles[0].url == "https://kapital-news.kz/society/buran-astana-karaganda"


@pytest.mark.parametrize("xml", [b"<rss><channel><title>x</title></channel></rss>", b"not a feed at all <<<"])
def test_feed_without_entries(tmp_path, xml):
    (tmp_path / "f.rss").write_bytes(xml)
    articles, errors = read(tmp_path / "f.rss")
    assert not articles and [e.kind for e in errors] == ["no_entries"]


def test_feed_url_fetch_is_off_unless_enabled():
    (err,) = list(read_feed_url("http://127.0.0.1:9/feed.xml"))
    assert err.kind == "fetch_disabled" and "--fetch-feeds" in str(err)


def test_feed_url_fetch_failure_is_counted():
    (err,) = list(read_feed_url("http://127.0.0.1:9/feed.xml", allow_fetch=True, timeout=2))
    assert err.kind == "fetch_failed"


# --- WARC -------------------------------------------------------------------------------------------------
def _warc(records: list[tuple[str, str, bytes]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for rec_type, url, payload in records:
        if rec_type == "response":
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http)
        else:
            rec = writer.create_warc_record(url, rec_type, payload=io.BytesIO(payload))
        writer.write_record(rec)
    return out.getvalue()


PAGE_BYTES = PAGE.format(charset="utf-8").encode()
RECORDS = [("request", "https://habar.example/news/1", b"GET /news/1 HTTP/1.1\r\n\r\n"),
           ("response", "https://habar.example/news/1", PAGE_BYTES),
           ("response", "https://habar.example/news/2", b""),
           ("response", "https://habar.example/news/3", PAGE_BYTES.replace(b"news/1", b"news/3"))]


@pytest.mark.parametrize("gz, name", [(True, "c.warc.gz"), (False, "c.warc")])
def test_warc_pages_and_a_record_without_payload(tmp_path, gz, name):
    (tmp_path / name).write_bytes(_warc(RECORDS, gz))
    articles, errors = read(tmp_path / name)
    assert [a.url for a in articles] == ["https://habar.example/news/1", "https://habar.example/news/3"]
    assert [e.kind for e in errors] == ["no_payload"] and "news/2" in str(errors[0])
    assert articles[0].meta["reader"]["format"] == "warc" and "crawled" in articles[0].meta


def test_truncated_warc_gz_keeps_what_came_before(tmp_path):
    data = _warc(RECORDS[:2] + RECORDS[3:], gz=True)
    (tmp_path / "t.warc.gz").write_bytes(data[: len(data) - 200])
    articles, errors = read(tmp_path / "t.warc.gz")
    assert [a.url for a in articles] == ["https://habar.example/news/1"]
    assert [e.kind for e in errors] == ["truncated"] and "re-download" in str(errors[0])


def test_not_gzip_at_all(tmp_path):
    (tmp_path / "x.warc.gz").write_bytes(gzip.compress(b"this is not a WARC file\n" * 10)[:30])
    articles, errors = read(tmp_path / "x.warc.gz")
    assert not articles and [e.kind for e in errors] in (["truncated"], ["not_warc"])


# --- a batch of everything --------------------------------------------------------------------------------
def test_a_batch_of_bad_input_counts_every_failure(tmp_path):
    (tmp_path / "ok.html").write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    (tmp_path / "broken.html").write_text("<html><head><title>never closed", encoding="utf-8")
    (tmp_path / "feed.rss").write_bytes((GOLD / "feeds" / "zhas.rss").read_bytes())
    data = _warc(RECORDS, gz=True)
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) // 2])
    articles, errors = read(tmp_path)
    assert len(articles) >= 5
    assert Counter(e.kind for e in errors) >= Counter({"no_text": 1, "bad_date": 1, "truncated": 1})

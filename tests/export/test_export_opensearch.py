"""OpenSearch/Elasticsearch bulk export: action lines, every document against the shipped mapping, analyzers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from export_articles import article
from export_mapping_check import check_action, check_analyzers, check_document
from habar.export.opensearch import action, document, lemmas, mapping, mapping_path, published, write_bulk


def bulk_pairs(path: Path) -> list[tuple[dict, dict]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n"), "the _bulk API needs a final newline"
    lines = text.splitlines()
    assert len(lines) % 2 == 0, "an action line and a document per article"
    return [(json.loads(a), json.loads(d)) for a, d in zip(lines[::2], lines[1::2])]


# --- the mapping itself ------------------------------------------------------------------------------------
def test_mapping_analyzers_exist():
    assert check_analyzers(mapping()) == []


def test_lemmas_field_uses_a_whitespace_analyzer():
    spec = mapping()
    field = spec["mappings"]["properties"]["lemmas"]
    analyzer = spec["settings"]["analysis"]["analyzer"][field["analyzer"]]
    assert field["type"] == "text" and analyzer["tokenizer"] == "whitespace"


def test_mapping_is_strict():
    assert mapping()["mappings"]["dynamic"] == "strict"


@pytest.mark.parametrize("doc, problem", [
    ({"id": 5}, "keyword needs a string"),
    ({"published": "2024-03-05 10:30"}, "does not parse"),
    ({"published": "05.03.2024"}, "does not parse"),
    ({"colour": "red"}, "not in the mapping"),
    ({"entities": [{"label": "GPE", "start": "0"}]}, "integer"),
    ({"entities": [{"label": "GPE", "extra": 1}]}, "not in the mapping"),
    ({"facts": ["quote"]}, "needs a JSON object"),
])
def test_the_check_catches_what_an_engine_refuses(doc, problem):
    """The check is only worth something if it fails where a cluster would."""
    problems = check_document(mapping(), doc)
    assert problems and problem in problems[0]


def test_the_check_catches_an_undefined_analyzer():
    spec = mapping()
    spec["mappings"]["properties"]["lemmas"]["analyzer"] = "kazakh_lemmas"
    assert "neither defined" in check_analyzers(spec)[0]


# --- the sample store's export -----------------------------------------------------------------------------
def test_every_exported_document_fits_the_mapping(exported, stored):
    path, result = exported("opensearch")
    spec = json.loads(mapping_path(path).read_text(encoding="utf-8"))
    assert spec == mapping()
    pairs = bulk_pairs(path)
    assert len(pairs) == len(stored)
    for act, doc in pairs:
        assert check_action(act) == []
        assert act["index"]["_id"] == doc["id"] and act["index"]["_index"] == "habar"
        assert check_document(spec, doc) == [], doc["id"]
    assert f"{len(stored)} articles" in result.stderr and "mapping:" in result.stderr


def test_documents_carry_the_analysis(exported, stored):
    path, _ = exported("opensearch")
    docs = {doc["id"]: doc for _, doc in bulk_pairs(path)}
    for a in stored:
        doc = docs[a.id]
        words = [t for t in a.tokens if t.kind not in ("punct", "symbol")]
        assert len(doc["lemmas"].split(" ")) == len(words)  # one term per word, none split by the analyzer
        assert len(doc["entities"]) == len(a.entities) and len(doc["facts"]) == len(a.facts)
        assert all(doc["text"][e["start"]:e["end"]] == e["text"] for e in doc["entities"])


# --- documents, table-driven -------------------------------------------------------------------------------
def test_lemmas_are_case_folded_and_skip_punctuation():
    assert lemmas(article()).startswith("астана 2024 жыл 5 наурыз болашақ қор жаңа бағдарлама таныстыр қор")


@pytest.mark.parametrize("value, expected", [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05T10:30:00+05:00", "2024-03-05T10:30:00+05:00"),
    ("2024-03-05 10:30", "2024-03-05T10:30:00"),  # ISO 8601 with a space: the engine's format needs the "T"
    ("2024-03-05T10:30:00Z", "2024-03-05T10:30:00+00:00"),
    ("", None),
    ("5 наурыз 2024", None),  # not ISO 8601: left out rather than refused with the whole document
])
def test_published_in_the_mapping_format(value, expected):
    assert published(value) == expected


@pytest.mark.parametrize("bulk, expected", [
    ("habar.bulk.ndjson", "habar.mapping.json"),
    ("news.ndjson", "news.mapping.json"),
    ("news", "news.mapping.json"),
])
def test_mapping_goes_beside_the_bulk_file(bulk, expected):
    assert mapping_path(Path("/x") / bulk) == Path("/x") / expected


def test_hand_made_document():
    a = article()
    doc = document(a)
    assert check_document(mapping(), doc) == []
    assert (doc["author"], doc["topic"], doc["keyphrases"]) == ("Д. Ахметова", "education", ["грант"])
    assert doc["entities"][0] == {"label": "GPE", "norm": "Астана", "text": "Астанада", "start": 0, "end": 8,
                                  "group": 0, "value": None}
    assert doc["facts"][0]["text"].startswith("Қор директоры") and doc["facts"][0]["args"]["role"] == "Қор директоры"


def test_unparseable_dates_are_counted(tmp_path):
    counts = write_bulk([article(published="наурыз 2024"), article("kk-2")], tmp_path / "b.bulk.ndjson", index="news")
    assert counts["articles"] == 2 and counts["dates left out (not ISO 8601)"] == 1
    pairs = bulk_pairs(tmp_path / "b.bulk.ndjson")
    assert "published" not in pairs[0][1] and pairs[1][1]["published"].startswith("2024-03-05T10:30")
    assert pairs[0][0] == {"index": {"_index": "news", "_id": "kk-1"}}


@pytest.mark.parametrize("aid, kept", [
    ("kk-1", True),
    ("ұ" * 256, True),  # 512 bytes in UTF-8: the limit itself
    ("ұ" * 257, False),
])
def test_ids_over_the_engines_limit_are_hashed(aid, kept):
    act = action(article(aid), "habar")
    assert check_action(act) == [] and (act["index"]["_id"] == aid) == kept
    assert document(article(aid))["id"] == aid

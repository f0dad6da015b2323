"""Fact filters in search: has:quote, speaker:"...", type:agreement (beside type:PERSON) and topic:politics.

A store of hand-written articles whose facts and topics are given by hand (no pipeline steps run), so that the
filters are tested apart from fact extraction; the plain analyzer matches words as written.
"""

from __future__ import annotations

import pytest

from habar.document import Article, Entity, Fact
from habar.options import Options
from habar.search.index import fact_terms
from habar.store import records
from habar.store.ingest import ingest

MAMIN, TOKAYEV = "Асқар Мамин", "Қасым-Жомарт Тоқаев"

# id, text, entities as (surface, label, norm), facts as (kind, anchor text, args), topic label
ARTICLES = [
    ("f1", "«Цифрландыру экономиканы өзгертеді», – деді Асқар Мамин. Үкімет жаңа бағдарламаны бекітті.",
     [(MAMIN, "PERSON", MAMIN)], [("quote", "Цифрландыру экономиканы өзгертеді", MAMIN)], "politics"),
    ("f2", "Астанада Қазақстан мен Корея меморандумға қол қойды. «Бұл маңызды қадам», – деді Қасым-Жомарт Тоқаев.",
     [("Қазақстан", "GPE", "Қазақстан"), ("Корея", "GPE", "Корея"), (TOKAYEV, "PERSON", TOKAYEV)],
     [("agreement", "меморандумға қол қойды", "меморандум"), ("quote", "Бұл маңызды қадам", TOKAYEV)], "politics"),
    ("f3", "Министр Жапония елшісімен кездесті. Жобаға бес жылда 500 млрд теңге бөлінеді.",
     [("Жапония", "GPE", "Жапония")],
     [("meeting", "елшісімен кездесті", "кездесу"), ("investment", "500 млрд теңге", None)], "science/technology"),
    ("f4", "Халықтың 99 пайызы интернетке қолжетімді.", [], [("statistic", "99 пайызы", None)], "health"),
    # the speaker of f1 named, but not quoted: speaker: must not find it, entity: must
    ("f5", "Асқар Мамин Алматыда жиналыс өткізді.", [(MAMIN, "PERSON", MAMIN)], [], ""),
]


def make_fact(text: str, kind: str, anchor: str, detail) -> Fact:
    start = text.index(anchor)
    end = start + len(anchor)
    if kind == "quote":
        s = text.index(detail)
        speaker = {"norm": detail, "start": s, "end": s + len(detail), "entity_group": 0}
        return Fact(kind, start - 1, end + 1, {"quote": [start, end], "speaker": speaker})
    if kind in ("agreement", "meeting"):
        return Fact(kind, start, end, {"kind": detail, "parties": [], "date": None, "place": None})
    return Fact(kind, start, end, {})


def make_article(aid, text, entities, facts, topic) -> Article:
    ents = [Entity(s, label, text.index(s), text.index(s) + len(s), norm=norm) for s, label, norm in entities]
    meta = {"topic": {"label": topic, "score": 0.9, "source": "sib200"}} if topic else {}
    return Article(id=aid, raw=text, text=text, title="", source="test.kz", url=f"https://test.kz/{aid}",
                   published="2021-03-01", lang="kk", entities=ents, meta=meta,
                   facts=[make_fact(text, kind, anchor, detail) for kind, anchor, detail in facts])


@pytest.fixture(scope="module")
def facts_searcher(tmp_path_factory):
    from habar.search.analysis import Analyzer
    from habar.search.search import Searcher

    db = tmp_path_factory.mktemp("facts-db")
    counts = ingest([make_article(*a) for a in ARTICLES], db, Options(workers=1), steps=[])
    assert counts["new"] == len(ARTICLES)
    s = Searcher(db, analyzer=Analyzer(plain=True))
    yield s
    s.close()


def ids(searcher, q) -> set[str]:
    return {h["id"] for h in searcher.search(q, limit=50, facets=False)["hits"]}


@pytest.mark.parametrize("query, expected", [
    ("has:quote", {"f1", "f2"}),
    ("has:agreement", {"f2"}),
    ("has:meeting", {"f3"}),
    ("has:investment", {"f3"}),
    ("has:statistic", {"f4"}),
    ("has:QUOTE", {"f1", "f2"}),  # case does not matter
    ("-has:quote", {"f3", "f4", "f5"}),
    ("has:investment OR has:statistic", {"f3", "f4"}),
    ("has:quote Үкімет", {"f1"}),  # with words
    ("has:quote Алматыда", set()),
    ("has:rumour", set()),
])
def test_has_selects_articles_with_a_fact_kind(facts_searcher, query, expected):
    assert ids(facts_searcher, query) == expected


@pytest.mark.parametrize("query, expected", [
    (f'speaker:"{MAMIN}"', {"f1"}),
    ('speaker:"асқар мамин"', {"f1"}),  # the base form, case-folded, as entity: matches it
    ('speaker:"АСҚАР   МАМИН"', {"f1"}),
    (f'speaker:"{TOKAYEV}"', {"f2"}),
    ("speaker:Тоқаев", set()),  # the whole base form, not a part of it
    (f'speaker:"{MAMIN}" Үкімет', {"f1"}),
    (f'speaker:"{MAMIN}" Алматыда', set()),  # f5 names him but quotes no one
    (f'entity:"{MAMIN}"', {"f1", "f5"}),
    (f'-speaker:"{MAMIN}" has:quote', {"f2"}),
])
def test_speaker_matches_the_quoted_persons_base_form(facts_searcher, query, expected):
    assert ids(facts_searcher, query) == expected


@pytest.mark.parametrize("query, expected", [
    ("type:agreement", {"f2"}),
    ("type:meeting", {"f3"}),
    ("type:меморандум", {"f2"}),  # the event's own kind word
    ("type:agreement Астанада", {"f2"}),
    ("type:meeting Астанада", set()),
    ("type:agreement type:meeting", set()),
    # upper case is an entity label, as before; lower case still reaches the labels
    ("type:PERSON", {"f1", "f2", "f5"}),
    ("type:person", {"f1", "f2", "f5"}),
    ("type:GPE", {"f2", "f3"}),
    ("type:AGREEMENT", set()),
    # entity:X type:LABEL is an entity of that label; an event kind beside entity: stays a filter of its own
    (f'entity:"{MAMIN}" type:PERSON', {"f1", "f5"}),
    (f'entity:"{MAMIN}" type:GPE', set()),
    ("entity:Қазақстан type:agreement", {"f2"}),
    ("entity:Жапония type:agreement", set()),
])
def test_type_is_an_event_kind_or_an_entity_label(facts_searcher, query, expected):
    assert ids(facts_searcher, query) == expected


@pytest.mark.parametrize("query, expected", [
    ("topic:politics", {"f1", "f2"}),
    ("topic:POLITICS", {"f1", "f2"}),
    ("topic:science/technology", {"f3"}),
    ("topic:health", {"f4"}),
    ("topic:politics Үкімет", {"f1"}),
    ("topic:politics has:agreement", {"f2"}),
    ("topic:sports", set()),
])
def test_topic_selects_the_articles_label(facts_searcher, query, expected):
    assert ids(facts_searcher, query) == expected


def test_fact_terms_read_store_rows():
    article = make_article(*ARTICLES[1])
    rows = [(f.kind, f.start, f.end, records.json.dumps(f.args, ensure_ascii=False)) for f in article.facts]
    assert fact_terms(records.pack(article.meta), rows) == {
        "has": {"agreement", "quote"}, "speaker": {"қасым-жомарт тоқаев"},
        "event": {"agreement", "меморандум"}, "topic": {"politics"}}
    assert fact_terms(records.pack({}), []) == {"has": set(), "speaker": set(), "event": set(), "topic": set()}

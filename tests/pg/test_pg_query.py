"""The query language as a tsquery and SQL conditions (habar.pg.query), on a plain analyzer: what each clause becomes."""

from __future__ import annotations

import psycopg
import pytest

from habar.pg.query import Compiler
from habar.pg.schema import migrate
from habar.search.analysis import Analyzer
from habar.search.query import QueryError

pytestmark = pytest.mark.postgres

TSQUERIES = [
    ("банк", "(('банк'))"),
    ("Банк несие", "(('банк')) & (('несие'))"),
    ('"ұлттық банк"', "((('ұлттық':ABC) <-> ('банк':ABC)))"),  # a phrase: title or body positions, no other reading
    ("title:банк", "(('банк':A))"),
    ('title:"ұлттық банк"', "((('ұлттық':A) <-> ('банк':A)))"),
    ("банк -несие", "(('банк')) & (!('несие'))"),
    ("Астана OR Алматы", "(('астана') | ('алматы'))"),
    ("ел OR -Қазақстан", "(('ел') | !('қазақстан'))"),
    ("д'Артаньян", "(('д''артаньян'))"),
]

WHERE = [
    ("source:Zakon.kz", ["(a.source_key = %s)"], ["zakon.kz"]),
    ("lang:kk", ["(a.lang_key = %s)"], ["kk"]),
    ("type:PERSON", ["(a.etype @> ARRAY[%s])"], ["PERSON"]),
    ("has:quote", ["(a.has @> ARRAY[%s])"], ["quote"]),
    ("-topic:sport", ["NOT (a.topic @> ARRAY[%s])"], ["sport"]),
    ("банк OR source:zakon", ["(a.tsv @@ %s::tsquery) OR (a.source_key = %s)"], ["('банк')", "zakon"]),
]


@pytest.fixture(scope="module")
def compiler(pg_db):
    conn = psycopg.connect(pg_db, autocommit=True)
    migrate(conn)
    yield Compiler(conn, Analyzer(plain=True))
    conn.close()


@pytest.mark.parametrize("query,tsquery", TSQUERIES)
def test_words_become_one_tsquery(compiler, query, tsquery):
    q = compiler.compile(query)
    assert q.tsquery == tsquery and not q.where


@pytest.mark.parametrize("query,where,args", WHERE)
def test_filters_become_conditions(compiler, query, where, args):
    q = compiler.compile(query)
    assert (q.where, q.args) == (where, args)


def test_dates_are_bounds_on_the_parsed_date(compiler):
    q = compiler.compile("date:2019-11..2020-01")
    assert q.where == ["(a.pub >= %s AND a.pub <= %s)"]
    assert [d.isoformat() for d in q.args] == ["2019-11-01T00:00:00", "2020-01-31T23:59:59"]
    with pytest.raises(QueryError, match="fix the date filter"):
        compiler.compile("date:ноябрь")


def test_an_entity_no_article_has_is_searched_as_its_words(compiler):
    q = compiler.compile('entity:"Жоқ Адам"')
    assert q.tsquery == "((('жоқ':ABC) <-> ('адам':ABC)))" and q.parsed.highlight == {"жоқ", "адам"}


def test_highlight_takes_the_positive_words_only(compiler):
    assert compiler.compile("банк -несие title:қор").parsed.highlight == {"банк", "қор"}

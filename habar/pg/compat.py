"""`store.conn` for code written against SQLite: `?` placeholders and a few SQLite statements, on psycopg.

The web pages, entity data and near-duplicate clusters run their SQL through `store.conn.execute(sql, args)`.
The PostgreSQL schema keeps SQLite's table and column names (`rowid` included) and the `entities` view, so the
statements themselves are standard SQL; only these differ and are translated here:
- `?` -> `%s` (outside string literals), and a literal `%` -> `%%`, as psycopg wants when there are arguments;
- `BEGIN IMMEDIATE|DEFERRED|EXCLUSIVE` -> `BEGIN` (PostgreSQL locks rows, not the database);
- `INSERT OR REPLACE INTO t(...)` -> `INSERT INTO t(...) ... ON CONFLICT (key) DO UPDATE SET ...`, and
  `INSERT OR IGNORE` -> `... ON CONFLICT DO NOTHING`, for the tables in CONFLICT_KEYS.
Connection failures become `Unavailable` (a RuntimeError): the CLI prints it as one line with the fix.
"""

from __future__ import annotations

import re
from functools import lru_cache

import psycopg

# the unique key an INSERT OR REPLACE replaces on, per table
CONFLICT_KEYS = {"clusters": ("article",), "annotations": ("article",), "signatures": ("article",),
                 "state": ("key",)}
_BEGIN = re.compile(r"^\s*BEGIN\s+(IMMEDIATE|DEFERRED|EXCLUSIVE)\b", re.I)
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(REPLACE|IGNORE)\s+INTO\s+(\w+)\s*\(([^)]*)\)", re.I)
_LITERAL_OR_MARK = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"])*\"|\?|%")


class Unavailable(RuntimeError):
    """The server cannot be reached (stopped, restarting, wrong URL)."""


def redact(url: str) -> str:
    """The URL without its password, fit for an error message."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def unavailable(url: str, exc: Exception) -> Unavailable:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return Unavailable(f"{redact(url)}: PostgreSQL is not reachable ({reason[:200]}); start the server "
                       "(scripts/postgres.sh start DIR PORT, or your own) and re-run: finished batches are kept")


@lru_cache(maxsize=512)
def translate(sql: str, with_args: bool = True) -> str:
    """A statement written for SQLite, as PostgreSQL and psycopg take it."""
    sql = _BEGIN.sub("BEGIN", sql)
    m = _INSERT_OR.match(sql)
    if m:
        verb, table, cols = m.group(1).upper(), m.group(2), [c.strip() for c in m.group(3).split(",")]
        sql = f"INSERT INTO {table}({', '.join(cols)})" + sql[m.end():]
        if verb == "IGNORE":
            sql += " ON CONFLICT DO NOTHING"
        else:
            if table not in CONFLICT_KEYS:
                raise ValueError(f"INSERT OR REPLACE INTO {table}: habar.pg.compat.CONFLICT_KEYS does not know the "
                                 f"table's key; add it there")
            key = CONFLICT_KEYS[table]
            rest = [c for c in cols if c not in key]
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
            sql += f" ON CONFLICT ({', '.join(key)}) " + (f"DO UPDATE SET {sets}" if rest else "DO NOTHING")
    if not with_args:
        return sql
    # psycopg reads % everywhere, quoted or not; ? is a placeholder only outside literals
    return _LITERAL_OR_MARK.sub(lambda t: {"?": "%s"}.get(t.group(), t.group().replace("%", "%%")), sql)


class Conn:
    """What habar's SQL asks of an sqlite3.Connection, over one psycopg connection in autocommit mode (so that
    BEGIN ... COMMIT in the statements opens and closes transactions, as with isolation_level=None)."""

    def __init__(self, url: str):
        self.url = url
        try:
            self.raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise unavailable(url, exc) from None
        # no server-side prepared statements: a generic plan cannot see how rare a query's lemmas are
        self.raw.prepare_threshold = None

    def execute(self, sql: str, args=None) -> psycopg.Cursor:
        try:
            if args is None:
                return self.raw.execute(translate(sql, False))
            return self.raw.execute(translate(sql), list(args))
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            raise unavailable(self.url, exc) from None

    def executemany(self, sql: str, rows) -> psycopg.Cursor:
        cur = self.raw.cursor()
        try:
            cur.executemany(translate(sql), [list(r) for r in rows])
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            raise unavailable(self.url, exc) from None
        return cur

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()

"""PostgreSQL as the shared store and search backend (`--db postgresql://...`), on psycopg 3.

The same methods as the embedded default (habar.store.store.Store, habar.store.ingest.Writer and
habar.search.search.Searcher), so that everything opened through habar.store.backend works on either. The lemmas
our analysis chose are written as a tsvector at their token positions (habar.pg.terms), so PostgreSQL's own text
search parser and stemmers never touch Kazakh; phrases use the positions, snippets the stored offsets.
"""

"""Dask ingest against local ingest of the same corpus: the same articles, the same annotations; re-runs reuse
finished shards and add nothing."""

from __future__ import annotations

import shutil

import pytest

from dask_helpers import annotations, id_counts, read_corpus
from habar.options import Options

pytestmark = pytest.mark.dask
pytest.importorskip("distributed")


def refuse(name, articles, plugin):
    raise AssertionError(f"partition {name} was analysed again")


@pytest.fixture(scope="module")
def local_db(tmp_path_factory):
    from habar.store.ingest import ingest

    db = tmp_path_factory.mktemp("local")
    options = Options(workers=1, progress=False)  # no fork: this process holds the cluster's threads
    counts = ingest(read_corpus(options), db, options)
    return db, counts


@pytest.fixture(scope="module")
def dask_db(tmp_path_factory, cluster):
    from habar.scale.dask_ingest import ingest

    db = tmp_path_factory.mktemp("dask")
    options = Options(workers=2, progress=False)
    counts = ingest(read_corpus(options), db, options, scheduler=cluster.scheduler_address, size=4)
    return db, counts


def outcomes(counts) -> dict:
    return {k: n for k, n in counts.items() if not k.startswith("shards")}


def test_same_articles_and_outcomes(local_db, dask_db):
    assert id_counts(dask_db[0]) == id_counts(local_db[0])  # the same ids, each stored once
    assert outcomes(dask_db[1]) == outcomes(local_db[1])
    assert dask_db[1]["new"] == len(read_corpus(Options()))


def test_same_annotations(local_db, dask_db):
    local, dask = annotations(local_db[0]), annotations(dask_db[0])
    assert local.keys() == dask.keys()
    differ = [i for i in local if local[i] != dask[i]]
    assert not differ, f"annotations differ for {differ}"


def test_rerun_adds_nothing(dask_db, cluster):
    from habar.scale.dask_ingest import ingest

    db, first = dask_db
    options = Options(workers=2, progress=False)
    again = ingest(read_corpus(options), db, options, scheduler=cluster.scheduler_address, size=4, task=refuse)
    assert again["unchanged"] == first["new"]
    assert (again["new"], again["updated"], again["shards analysed"]) == (0, 0, 0)
    assert all(n == 1 for n in id_counts(db).values())


def test_done_shards_are_loaded_not_analysed(dask_db, cluster, tmp_path):
    """A run stopped after the analysis, before the load: the next run loads every shard and analyses nothing."""
    from habar.scale.dask_ingest import ingest

    db, first = dask_db
    options = Options(workers=2, progress=False)
    fresh = tmp_path / "db"
    counts = ingest(read_corpus(options), fresh, options, scheduler=cluster.scheduler_address, size=4,
                    shard_dir=db / "shards", task=refuse)
    assert counts["shards done before"] == first["shards analysed"] > 1
    assert (counts["shards analysed"], counts["new"]) == (0, first["new"])
    assert annotations(fresh) == annotations(db)


def test_only_unfinished_shards_are_redone(dask_db, cluster, tmp_path):
    from habar.scale.dask_ingest import ingest

    db, first = dask_db
    shards = shutil.copytree(db / "shards", tmp_path / "shards")
    markers = sorted(shards.glob("*.done"))
    markers[0].unlink()  # as a kill between the shard's rename and its marker's leaves it
    options = Options(workers=2, progress=False)
    counts = ingest(read_corpus(options), tmp_path / "db", options, scheduler=cluster.scheduler_address, size=4,
                    shard_dir=shards)
    assert (counts["shards analysed"], counts["shards done before"]) == (1, len(markers) - 1)
    assert counts["new"] == first["new"]
    assert markers[0].exists()


def test_shards_hold_every_record_field_and_the_analysis_as_columns(dask_db):
    import pyarrow.parquet as pq
    from dataclasses import fields

    from habar.scale.shards import SCHEMA
    from habar.store.records import Record

    db, first = dask_db
    record_fields = {f.name for f in fields(Record)} - {"entities", "facts"}  # kept as `names` and `facts`
    assert record_fields <= set(SCHEMA.names), "a Record field has no shard column: add it to habar/scale/shards.py"
    table = pq.read_table(sorted((db / "shards").glob("*.parquet")))
    assert table.num_rows == first["new"]  # one row per article
    row = table.slice(0, 1).to_pylist()[0]
    stored = annotations(db)[row["id"]]
    assert row["text"] == stored[4]
    token_fields = ("text", "start", "end", "kind", "lemma", "upos", "feats")  # habar.document.Token's order
    assert [tuple(t[f] for f in token_fields) for t in row["tokens"]] == stored[7]
    assert [(e["text"], e["label"], e["start"], e["end"]) for e in row["entities"]] == [e[:4] for e in stored[8]]


CLI_STEPS = "clean_invisible,identify_language,quality,normalise,segment,tokenize"


def test_cli_ingest_on_a_scheduler(cluster, tmp_path):
    from click.testing import CliRunner

    from dask_helpers import corpus_paths
    from habar.cli import main

    args = ["ingest", "--engine", "dask", "--scheduler", cluster.scheduler_address, "--db", str(tmp_path / "db"),
            "--shards", str(tmp_path / "shards"), "--steps", CLI_STEPS, *corpus_paths()]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    n = len(read_corpus(Options()))
    made = len(list((tmp_path / "shards").glob("*.done")))
    assert f"{n} new" in result.stderr and f"{made} shards analysed" in result.stderr and made >= 1
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0 and f"{n} unchanged" in again.stderr and "shards" not in again.stderr.split("->")[0]


def test_cli_refuses_dask_flags_without_the_dask_engine(tmp_path):
    from click.testing import CliRunner

    from habar.cli import main

    result = CliRunner().invoke(main, ["ingest", "--scheduler", "tcp://127.0.0.1:8786", "--db", str(tmp_path), "x"])
    assert result.exit_code == 2 and "--engine dask" in result.output


def test_a_shard_from_before_a_record_field_existed_still_loads(dask_db, tmp_path):
    import pyarrow.parquet as pq

    from habar.scale.shards import from_parquet

    db, _ = dask_db
    source = sorted((db / "shards").glob("*.parquet"))[0]
    old = tmp_path / "old.parquet"
    pq.write_table(pq.read_table(source).drop_columns(["store_meta"]), old)  # as written before store_meta
    new, before = from_parquet(source), from_parquet(old)
    assert [r.id for r in before] == [r.id for r in new] and all(r.store_meta == b"" for r in before)
    assert [r.meta for r in before] == [r.meta for r in new]  # the portable meta, which the store falls back to

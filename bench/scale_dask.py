"""Ingest throughput on Dask with 1 and 2 workers, and the speed-up, against the local ingest in the same run.

`python -m bench.scale_dask [--n 1000] [--size 50] [--skip-steps topics] [--shared ../shared/data]`
(`make bench-scale`; not part of `make bench` or CI)

The articles are bench.search_scale's: generated at run time from real Kazakh sentences (KazNERD and SIB-200),
10 to 40 sentences each, never written to the repo; the same seed gives every configuration the same input.
Each configuration ingests them with the full default pipeline into a fresh temporary store:
- local: `habar.store.ingest` with one process (the baseline: no Dask at all);
- dask 1 and dask 2: a LocalCluster on 127.0.0.1 with that many worker processes. The cluster's start and the
  pipeline's load on its workers (a warm-up ingest of a few articles) are timed apart from the run, because a
  long-lived cluster pays them once, not per ingest. Then the same input goes into another fresh store from the
  shards already made: that rate, of the one process that reads, prechecks and loads, bounds any cluster.
Articles/s is the input size over the run's wall time, from the first article read to the last one stored.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from bench.search_scale import ROOT, articles, kaznerd, sib  # noqa: E402


def timed(fn, *args, **kw) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn(*args, **kw)
    return time.perf_counter() - t, out


def cpu(times) -> float:
    """User + system seconds of one os.times() result."""
    return times[0] + times[1]


def workers_cpu(cluster) -> float:
    from distributed import Client

    with Client(cluster) as client:
        return sum(cpu(t) for t in client.run(os.times).values())


def run_local(sentences: list[str], n: int, steps: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of the local ingest in this one process."""
    from habar.options import Options
    from habar.store.ingest import ingest

    db = Path(tempfile.mkdtemp(prefix="habar-bench-local-"))
    try:
        before = cpu(os.times())
        took, counts = timed(ingest, articles(sentences, n), db, Options(workers=1, progress=False), steps)
        assert counts["new"] == n, f"local ingest stored {counts['new']} of {n}: {dict(counts)}"
        return took, cpu(os.times()) - before
    finally:
        shutil.rmtree(db, ignore_errors=True)


def run_dask(sentences: list[str], n: int, steps: list[str], workers: int, size: int) -> tuple[float, ...]:
    """(cluster start, warm-up, run, load, CPU of this process, CPU of the workers) in seconds; load: the same input again into a fresh store, every shard
    already made, so only this process works (read, precheck, load, index): the ceiling of any cluster."""
    from distributed import LocalCluster

    from habar.options import Options
    from habar.scale.dask_ingest import ingest

    options = Options(workers=workers, progress=False)
    tmp = Path(tempfile.mkdtemp(prefix=f"habar-bench-dask{workers}-"))
    try:
        start, cluster = timed(LocalCluster, n_workers=workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
        with cluster:
            # a few articles of another seed: every worker loads its pipeline, none of the measured input is seen
            warm, _ = timed(ingest, articles(sentences, 2 * workers, seed=99), tmp / "warm", options, steps,
                            scheduler=cluster.scheduler_address, size=1)
            here, there = cpu(os.times()), workers_cpu(cluster)
            took, counts = timed(ingest, articles(sentences, n), tmp / "db", options, steps,
                                 scheduler=cluster.scheduler_address, shard_dir=tmp / "shards", size=size)
            here, there = cpu(os.times()) - here, workers_cpu(cluster) - there
            assert counts["new"] == n, f"dask ingest stored {counts['new']} of {n}: {dict(counts)}"
            load, again = timed(ingest, articles(sentences, n), tmp / "again", options, steps,
                                scheduler=cluster.scheduler_address, shard_dir=tmp / "shards", size=size)
            assert (again["new"], again["shards analysed"]) == (n, 0), f"shards were not reused: {dict(again)}"
        return start, warm, took, load, here, there
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    from habar.options import Options
    from habar.steps import default_pipeline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="articles to generate (each configuration ingests them all)")
    ap.add_argument("--size", type=int, default=50, help="mean articles per Dask partition")
    ap.add_argument("--shared", type=Path, default=None, help="default: Options().shared_data")
    ap.add_argument("--skip-steps", default="", help="comma-separated default steps to leave out, e.g. topics")
    args = ap.parse_args(argv)
    shared = args.shared or Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    if not (shared / "kaznerd" / "IOB2_valid.txt").exists():
        raise SystemExit(f"{shared}: no kaznerd/ here to build articles from; pass --shared ../shared/data")
    sentences, _ = kaznerd(shared / "kaznerd" / "IOB2_valid.txt")
    sentences += sib(shared / "sib200_kaz")
    skip = {x for x in args.skip_steps.split(",") if x}
    steps = [st.name for st in default_pipeline(Options()).steps if st.name not in skip]
    print(f"{args.n} articles of 10-40 sentences; partitions of {args.size} on average; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f}; steps: {','.join(steps)}")

    n = args.n
    local, local_cpu = run_local(sentences, n, steps)
    print(f"local, 1 process: {local:.1f} s = {n / local:.2f} articles/s; CPU {1000 * local_cpu / n:.0f} ms/article")
    rates = {}
    for workers in (1, 2):
        start, warm, took, load, here, there = run_dask(sentences, n, steps, workers, args.size)
        rates[workers] = n / took
        print(f"dask, {workers} worker{'s' if workers > 1 else ''}: {took:.1f} s = {rates[workers]:.2f} articles/s "
              f"(cluster start {start:.1f} s, pipeline load on the workers {warm:.1f} s, not counted); "
              f"CPU per article: workers {1000 * there / n:.0f} ms, client {1000 * here / n:.0f} ms; "
              f"load of the finished shards alone: {n / load:.1f} articles/s")
    print(f"speed-up 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x; dask 1 worker / local: "
          f"{rates[1] / (n / local):.2f}x; load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

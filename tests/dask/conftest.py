"""A LocalCluster on 127.0.0.1 per test module, with two worker processes.

One cluster per module, not per session: a session-wide cluster would keep Dask's threads alive in this process
while later test directories fork ingest workers, and a fork beside running threads can deadlock.
"""

from __future__ import annotations

import logging

import pytest


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as c:
        yield c

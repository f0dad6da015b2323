"""One LocalCluster on 127.0.0.1, with two worker processes, shared by the tests of this directory.

It starts when a test first asks for its address and is closed after the last test of this directory, not at
the end of the session: a cluster left running would keep Dask's threads alive in this process while later test
directories fork ingest workers, and a fork beside running threads can deadlock.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


class SharedCluster:
    def __init__(self):
        self.cluster = None

    @property
    def scheduler_address(self) -> str:
        from distributed import LocalCluster

        if self.cluster is None:
            self.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                        dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
        return self.cluster.scheduler_address

    def close(self) -> None:
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None


SHARED = SharedCluster()


@pytest.fixture(scope="session")
def cluster() -> SharedCluster:
    pytest.importorskip("distributed")
    return SHARED


def pytest_runtest_teardown(item, nextitem):
    if nextitem is None or Path(str(nextitem.path)).resolve().parent != HERE:
        SHARED.close()


def pytest_sessionfinish(session, exitstatus):
    SHARED.close()  # after an interrupted run too

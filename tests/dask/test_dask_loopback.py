"""The LocalCluster that `habar ingest --engine dask` starts listens on 127.0.0.1 only, and is closed after."""

from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.dask
pytest.importorskip("distributed")


def test_local_cluster_listens_on_loopback_only_and_stops():
    import psutil

    from habar.scale.dask_ingest import connect

    with connect(None, 1) as client:
        workers = set(client.run(os.getpid).values())
        pids = workers | {os.getpid()}
        listening = [(c.pid, c.laddr) for c in psutil.net_connections(kind="inet")
                     if c.status == psutil.CONN_LISTEN and c.pid in pids]
    assert {pid for pid, _ in listening} >= workers  # the scan saw the workers' own sockets
    assert {addr.ip for _, addr in listening} == {"127.0.0.1"}, listening
    assert not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in workers)

"""`habar serve --workers 2`: two processes on one port, each with its own socket, stopped together by SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from habar.web import processes

pytestmark = pytest.mark.skipif(not processes.can_spread(), reason="SO_REUSEPORT is missing here")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def test_two_processes_serve_one_port_and_stop_together(web_db):
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", "from habar.cli import main; main()", "serve", "--db",
                               str(web_db), "--port", str(port), "--workers", "2"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()
            time.sleep(0.3)
        workers = [p for p in _children(server.pid) if "spawn_main" in open(f"/proc/{p}/cmdline").read()]
        assert len(workers) == 2
        # a second server on the same port is refused, not handed half the connections
        other = subprocess.run([sys.executable, "-c", "from habar.web.processes import listen; "
                                f"listen('127.0.0.1', {port}, shared=False)"], capture_output=True, text=True)
        assert other.returncode != 0 and "Address already in use" in other.stderr
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert not [p for p in workers if os.path.exists(f"/proc/{p}")]

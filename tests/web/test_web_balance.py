"""habar.web.balance: a server process holding more than its share of connections asks a client to reconnect."""

from __future__ import annotations

import asyncio
import random
import time

import pytest

from habar.web import balance
from habar.web.balance import Balance


async def _ok(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok"})


def _closes(mw: Balance) -> bool:
    """One request through the middleware: whether its response asks the client to close the connection."""
    sent = []

    async def send(message):
        sent.append(message)

    asyncio.run(mw({"type": "http", "client": ("127.0.0.1", 40000), "path": "/search"}, None, send))
    return (b"connection", b"close") in sent[0]["headers"]


def _processes(spread: list[int]) -> tuple[list[int], list[Balance]]:
    """Server processes with spread[i] open connections each (a list the test changes as clients move)."""
    counts = [0] * len(spread)  # what multiprocessing's Array gives each process: ints by index
    procs = [Balance(_ok, counts, slot, lambda slot=slot: spread[slot]) for slot in range(len(spread))]
    for p in procs:
        p.publish()
    return counts, procs


@pytest.mark.parametrize("spread, closing", [
    ([4, 4], (False, False)),  # even: every connection stays
    ([5, 3], (True, False)),   # over its share of 4: the fuller process sends one client away
    ([6, 2], (True, False)),
    ([8, 0], (True, False)),
    ([3, 3, 2], (False, False, False)),  # 8 over 3 processes: a share is 3
    ([4, 2, 2], (True, False, False)),
    ([1], (False,)),  # one process never closes
])
def test_a_process_over_its_share_closes_the_next_response(spread, closing):
    _, procs = _processes(spread)
    assert tuple(_closes(p) for p in procs) == closing


def test_connections_even_out_as_clients_reconnect():
    """8 keep-alive clients that the kernel put 6 and 2; a closed one reconnects onto a process drawn at random."""
    rng = random.Random(5)
    clients = [0] * 6 + [1] * 2  # the process of each client's connection
    spread = [6, 2]
    counts, procs = _processes(spread)
    closed = []
    for round_ in range(30):
        for i, proc in enumerate(clients):
            if _closes(procs[proc]):
                closed.append(round_)
                spread[proc] -= 1
                clients[i] = rng.randrange(2)
                spread[clients[i]] += 1
    assert spread == [4, 4] and counts == [4, 4]
    assert closed and max(closed) < 10  # it settles, and then no connection is closed again


def test_an_idle_process_keeps_its_count_fresh(monkeypatch):
    """A process that serves no request still tells the others when its connections go."""
    monkeypatch.setattr(balance, "PUBLISH_SECONDS", 0.01)
    spread = [2, 6]
    counts, (busy, idle) = _processes(spread)
    assert not _closes(busy)  # 2 of 8: under its share
    idle.publish_forever()
    spread[1] = 0  # the idle process's clients left
    deadline = time.monotonic() + 5
    while counts[1] != 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert counts == [2, 0] and _closes(busy)  # now over its share of 1: one client moves


def test_other_scopes_pass_through():
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["type"])

    asyncio.run(Balance(app, [0, 0], 0, lambda: 0)({"type": "lifespan"}, None, None))
    assert seen == ["lifespan"]

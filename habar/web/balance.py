"""Keep-alive connections spread evenly over `habar serve --workers N` processes.

Each process has its own SO_REUSEPORT socket (habar.web.processes), and the kernel puts a new connection on one
of them by a hash of its addresses. Keep-alive connections then stay where they landed: 8 clients on 2 processes
came out 6 and 2 or 5 and 3 in most runs of bench/web_latency.py. A search is CPU work, mostly under one
process's GIL, so the fuller process's pages waited longer: server p95 144-184 ms with 6 and 2 against 123-145 ms
balanced, at the 1M-article store (docs/benchmarks.md).

Every process publishes how many connections it has open in an array the processes share. A process holding
more than its share (the total divided by the processes, rounded up) answers with `Connection: close`; the
client opens a new connection, which the kernel hashes afresh, until the counts are even.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, MutableSequence

PUBLISH_SECONDS = 0.25  # how often an idle process tells the others its count


class Balance:
    """ASGI middleware. `counts`: the array the server processes share (multiprocessing's Array of ints);
    `slot`: this process's entry; `open_connections`: how many connections this process has open now."""

    def __init__(self, app, counts: MutableSequence[int], slot: int, open_connections: Callable[[], int]):
        self.app = app
        self.counts, self.slot, self.open_connections = counts, slot, open_connections

    def publish(self) -> int:
        mine = self.counts[self.slot] = self.open_connections()  # one int: each process writes only its own
        return mine

    def over_share(self) -> bool:
        mine = self.publish()
        counts = self.counts[:]
        return mine > -(-sum(counts) // len(counts))

    def publish_forever(self) -> threading.Thread:
        """A daemon thread that keeps this process's count fresh while it serves no request (its connections
        close, or it has none), so that the others do not go by an old count."""
        def run():
            while True:
                self.publish()
                time.sleep(PUBLISH_SECONDS)

        thread = threading.Thread(target=run, name="habar-balance", daemon=True)
        thread.start()
        return thread

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_closing(message):
            if message["type"] == "http.response.start" and self.over_share():
                # uvicorn closes the connection after this response; its count drops as it goes
                message["headers"] = [*message.get("headers", []), (b"connection", b"close")]
            await send(message)

        await self.app(scope, receive, send_closing)

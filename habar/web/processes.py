"""`habar serve --workers N`: N server processes, each with its own listening socket on the same port.

uvicorn's own workers share one socket, and the first process to wake takes every connection waiting on it: 8
keep-alive clients (browsers, a proxy, the load bench) all landed in one of two processes, which served alone
while the other stayed idle. With SO_REUSEPORT every process has a socket of its own and the kernel spreads new
connections over them (Linux hashes each connection's addresses and ports), and habar.web.balance evens out what
the hash leaves uneven. Where SO_REUSEPORT is missing, uvicorn's shared socket is used.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket

DATA_ENV = "HABAR_DATA"  # where the processes find the store


def can_spread() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def listen(host: str, port: int, shared: bool = True) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    return sock


def _stop(*_) -> None:
    raise KeyboardInterrupt


def _serve_one(host: str, port: int, counts, slot: int) -> None:
    import uvicorn

    from habar.options import Options
    from habar.web.app import create_app
    from habar.web.balance import Balance

    sock = listen(host, port)
    app = create_app(Options(), os.environ[DATA_ENV])
    # outside every other middleware: it only adds a header to some responses
    balance = Balance(app, counts, slot, lambda: len(server.server_state.connections))
    server = uvicorn.Server(uvicorn.Config(balance, log_level="warning"))
    balance.publish_forever()
    server.run(sockets=[sock])


def serve_processes(data_dir: str, host: str, port: int, workers: int) -> None:
    """Run `workers` server processes until interrupted (Ctrl-C or SIGTERM), then stop them all."""
    os.environ[DATA_ENV] = str(data_dir)
    # a port in use fails here, once: a plain bind also fails beside another server's SO_REUSEPORT socket, which
    # the processes' own sockets would silently share the connections with
    listen(host, port, shared=False).close()
    context = multiprocessing.get_context("spawn")  # the parent has opened the store and index: no fork
    counts = context.Array("i", workers, lock=False)  # connections per process (habar.web.balance)
    processes = [context.Process(target=_serve_one, args=(host, port, counts, i), name=f"habar-serve-{i}")
                 for i in range(workers)]
    signal.signal(signal.SIGTERM, _stop)
    for p in processes:
        p.start()
    try:
        for p in processes:
            p.join()
    except KeyboardInterrupt:
        pass
    finally:
        for p in processes:
            if p.is_alive():
                p.terminate()  # SIGTERM: uvicorn finishes its requests and stops
        for p in processes:
            p.join(10)
            if p.is_alive():
                p.kill()

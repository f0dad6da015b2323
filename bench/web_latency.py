"""Search page latency under load: 8 concurrent clients on loopback against `habar serve`.

`python -m bench.web_latency [--n 100000] [--db DIR] [--clients 8] [--requests 2000] [--workers 1]
[--shared ../shared/data]`

The store: articles generated at run time from real Kazakh sentences (KazNERD, with its gold entities as the
articles' entities), shuffled into articles of 10 to 40 sentences, never written to the repo. They are stored
pre-tokenized (`steps=[]`, no morphology: lemmas are the case-folded words), which builds a big store in
minutes instead of hours; the index and the pages are the same as for analysed articles. With --db the store is
kept and reused by the next run.

The load: `habar serve` in its own process; a bare HTTP/1.1 client (asyncio streams) keeps `--clients` requests in
flight, each a GET of the HTML search page (hits, snippets, facets) for a query drawn from a mix of words,
two-word queries, phrases, exclusions, source/date/entity filters and sort=date. The server time of each
request is read from the Server-Timing header the app sets; the client time includes HTTP on loopback. The
server's CPU per request comes from its processes' /proc times over the measured requests.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]


def kaznerd(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences, detokenized with single spaces, with their gold entity spans (start, end, label)."""
    out, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                text, spans, pos, current = "", [], 0, None
                for word, tag in zip(words, tags):
                    start = len(text) + (1 if text else 0)
                    text = f"{text} {word}" if text else word
                    if tag.startswith("B-"):
                        current = [start, len(text), tag[2:]]
                        spans.append(current)
                    elif tag.startswith("I-") and current is not None:
                        current[1] = len(text)
                    else:
                        current = None
                out.append((text, [tuple(s) for s in spans]))
            words, tags = [], []
            continue
        token, tag = line.rsplit(" ", 1)
        words.append(token)
        tags.append(tag)
    return out


def articles(sentences, n: int, seed: int = 7):
    from habar.document import Entity
    from habar.search.analysis import fallback_tokens
    from habar.document import Article

    rng = random.Random(seed)
    sources = [f"source{i:02d}.kz" for i in range(20)]
    for i in range(n):
        text, entities = "", []
        for sentence, spans in rng.sample(sentences, rng.randint(10, 40)):
            base = len(text) + (1 if text else 0)
            text = f"{text}\n{sentence}" if text else sentence
            entities += [Entity(sentence[s:e], label, base + s, base + e, norm=sentence[s:e]) for s, e, label in spans]
        tokens = fallback_tokens(text)
        for t in tokens:
            t.lemma = t.text.casefold()
        day = rng.randrange(365 * 10)
        yield Article(id=f"gen-{i}", raw=text, text=text, title=" ".join(text.split()[:8]),
                      source=rng.choice(sources), url=f"https://example.kz/gen/{i}",
                      published=time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400)),
                      lang=rng.choice(["kk"] * 9 + ["ru"]), tokens=tokens, entities=entities)


def build(db: Path, sentences, n: int) -> float:
    from habar.options import Options
    from habar.store import Store
    from habar.store.ingest import ingest

    have = Store(db).count() if (db / "habar.sqlite").exists() else 0
    if have >= n:
        return 0.0
    started = time.perf_counter()
    gen = articles(sentences, n)
    for _ in range(have):  # a kept store: add only the missing articles
        next(gen)
    ingest(gen, db, Options(workers=1, progress=False), steps=[])
    return time.perf_counter() - started


def make_queries(sentences, n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    words = [w for s, _ in sentences for w in s.split() if len(w) >= 4 and w.isalpha()]
    names = [s[a:b] for s, spans in sentences for a, b, label in spans if label in ("PERSON", "GPE")]
    kinds = [
        lambda: rng.choice(words),
        lambda: f"{rng.choice(words)} {rng.choice(words)}",
        lambda: '"' + " ".join(rng.choice(sentences)[0].split()[:2]) + '"',
        lambda: f"{rng.choice(words)} -{rng.choice(words)}",
        lambda: f"{rng.choice(words)} source:source{rng.randrange(20):02d}.kz",
        lambda: f"{rng.choice(words)} date:{rng.randrange(2015, 2025)}",
        lambda: f'entity:"{rng.choice(names)}"',
        lambda: rng.choice(words) + "&sort=date",
    ]
    return [rng.choice(kinds)() for _ in range(n)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> tuple[int, dict, int]:
    """One GET on a kept-alive HTTP/1.1 connection: (status, headers, body bytes), the body read by its
    Content-Length (what Starlette sends with a page) or chunk by chunk."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n\r\n".encode())
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(head[0].split(" ", 2)[1])
    headers = dict(line.lower().split(": ", 1) for line in head[1:] if ": " in line)
    if "content-length" in headers:
        return status, headers, len(await reader.readexactly(int(headers["content-length"])))
    size = 0
    while chunk := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
        size += len(await reader.readexactly(chunk + 2)) - 2  # the chunk and its CRLF
    await reader.readuntil(b"\r\n")  # the empty line after the last chunk
    return status, headers, size


async def load(port: int, queries: list[str], clients: int) -> tuple[list[float], list[float], int, int]:
    """`clients` connections, each sending its next request as soon as the last answer is read.

    A bare HTTP/1.1 client on asyncio streams instead of httpx: the load generator shares this machine's two
    cores with the server, and httpx cost about 2.5 ms of CPU a request (28% of a core at 80 requests/s), which
    the server's processes then did not get."""
    from urllib.parse import urlencode

    server, client_times, failed, reconnects = [], [], 0, 0
    todo = iter(queries)

    async def worker():
        nonlocal failed, reconnects
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for q in todo:
                text, _, extra = q.partition("&")
                params = {"q": text, **dict([extra.split("=")] if extra else [])}
                started = time.perf_counter()
                status, headers, _ = await fetch(reader, writer, "/search?" + urlencode(params))
                client_times.append((time.perf_counter() - started) * 1000)
                if headers.get("connection") == "close":  # as a browser does: the next request on a new one
                    reconnects += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                if status != 200:
                    failed += 1
                timing = headers.get("server-timing", "")
                if "dur=" in timing:
                    server.append(float(timing.split("dur=")[1]))
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(clients)))
    return server, client_times, failed, reconnects


def processes(pid: int, children_only: bool = False):
    """(/proc directory, stat fields after the name) of a process and its live children (the server's workers)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if int(fields[1]) == pid or (int(stat.parent.name) == pid and not children_only):
            yield stat.parent, fields


def tree_cpu(pid: int) -> float:
    """CPU seconds used so far by a process and its live children."""
    return sum(int(f[11]) + int(f[12]) for _, f in processes(pid)) / os.sysconf("SC_CLK_TCK")


def connections(pid: int, port: int) -> list[int]:
    """Established connections to `port` held by each child of `pid` (the server processes), most first: the
    kernel spreads them by a hash of their addresses (SO_REUSEPORT), so 8 clients may land 4 and 4, or 6 and 2."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # 01: ESTABLISHED
                inodes.add(fields[9])
    counts = []
    for proc, _ in processes(pid, children_only=True):
        try:
            if b"resource_tracker" in (proc / "cmdline").read_bytes():  # multiprocessing's helper
                continue
            links = [os.readlink(fd) for fd in (proc / "fd").iterdir()]
        except OSError:
            continue
        counts.append(sum(link[8:-1] in inodes for link in links if link.startswith("socket:[")))
    return sorted(counts, reverse=True)


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="articles in the store")
    ap.add_argument("--db", type=Path, default=None, help="keep (and reuse) the store here")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--workers", type=int, default=1, help="server processes (habar serve --workers)")
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("HABAR_SHARED_DATA", ROOT.parent / "shared" / "data")))
    args = ap.parse_args()
    source = args.shared / "kaznerd"
    files = sorted(source.rglob("*.txt")) if source.is_dir() else []
    files = [f for f in files if "with_sentID" not in str(f)]
    if not files:
        print(f"web_latency: skipped: no KazNERD files under {source}; pass --shared DIR")
        return
    sentences = [s for f in files for s in kaznerd(f)]
    db = args.db or Path(tempfile.mkdtemp(prefix="habar-web-latency-"))
    took = build(db, sentences, args.n)
    from habar.store import Store

    with Store(db) as store:
        count = store.count()
    print(f"store: {count} articles from {len(sentences)} KazNERD sentences, {du(db) / 1e9:.2f} GB "
          f"(index {du(db / 'index') / 1e9:.2f} GB){f', built in {took:.0f} s' if took else ', reused'}; {db}")

    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", "from habar.cli import main; main()", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(args.workers)],
                              cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stderr=subprocess.PIPE)
    try:
        import httpx

        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                # the front page redirects without reading the store (/api/stats counts whole tables: minutes
                # at a million articles, and each probe that times out would leave one more count running)
                if httpx.get(f"{base}/", timeout=5).status_code < 400:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()  # before reading its stderr to the end
                raise SystemExit(f"web_latency: the server did not start: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        queries = make_queries(sentences, args.warmup + args.requests)
        asyncio.run(load(port, queries[:args.warmup], args.clients))
        started, cpu, server_cpu = time.perf_counter(), time.process_time(), tree_cpu(server.pid)
        spread: list[int] = []

        async def measured():
            run = asyncio.ensure_future(load(port, queries[args.warmup:], args.clients))
            while not run.done():  # the spread a second in, then every two seconds
                await asyncio.wait([run], timeout=1 if not spread else 2)
                spread.append(connections(server.pid, port))
            return run.result()

        server_ms, client_ms, failed, reconnects = asyncio.run(measured())
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        server_cpu = tree_cpu(server.pid) - server_cpu
    finally:
        server.terminate()
        server.wait(10)
    print(f"search page (HTML, facets, snippets), {args.workers} server process(es), {args.clients} concurrent "
          f"clients, {len(client_ms)} requests, "
          f"{failed} failed, {reconnects} asked to reconnect, {len(client_ms) / wall:.0f} requests/s; the load "
          f"generator itself used {cpu / wall:.0%} of a core, on the same machine; the server used "
          f"{server_cpu / len(client_ms) * 1000:.1f} ms of CPU a request; connections per server process {spread}")
    for name, values in (("server", server_ms), ("client", client_ms)):
        print(f"  {name} time ms: p50 {percentile(values, 50):.1f}  p95 {percentile(values, 95):.1f}  "
              f"p99 {percentile(values, 99):.1f}  mean {statistics.mean(values):.1f}")
    if args.db is None:
        shutil.rmtree(db, ignore_errors=True)


if __name__ == "__main__":
    main()

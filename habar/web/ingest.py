"""POST /api/ingest: upload files into the store, through the same readers and pipeline as `habar ingest`.

Writes need a token (HABAR_INGEST_TOKEN or `create_app(ingest_token=...)`), sent as `Authorization: Bearer ...`;
with no token configured, writes are disabled. Uploads are size-limited while they are read (a request that
announces more is refused before its body is read), and an upload's name only chooses its reader by its
ending: the file is written under a fresh temporary directory with a fixed name, never under the client's path.
"""

from __future__ import annotations

import hmac
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI, File, Request, UploadFile

from habar.web.app import Web, api
from habar.web.errors import WebError, respond

CHUNK = 1 << 16
MAX_FILES = 20


def check_token(web: Web, request: Request) -> None:
    if not web.ingest_token:
        raise WebError(403, "writes are disabled on this server; set HABAR_INGEST_TOKEN and restart to enable ingest")
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise WebError(401, "ingest needs a token; send the header 'Authorization: Bearer <HABAR_INGEST_TOKEN>'",
                       {"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(token.strip().encode(), web.ingest_token.encode()):
        raise WebError(403, "the ingest token is wrong; use the value of HABAR_INGEST_TOKEN set on the server")


def check_length(web: Web, request: Request) -> None:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > web.max_upload_bytes:
        raise WebError(413, f"upload of {declared} bytes is over the limit of {web.max_upload_bytes}; "
                            "split it into smaller files")


def suffix_for(name: str) -> str:
    """The registered reader ending of an upload's name ('.warc.gz', '.jsonl'); the rest of the name is ignored."""
    from habar.ingest.readers import READERS

    base = Path(name.replace("\\", "/")).name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if base.endswith(suffix):
            return suffix
    raise WebError(415, f"{base or 'the upload'}: no reader for this kind of file; send one of "
                        f"{', '.join(sorted(READERS))}")


async def save(upload: UploadFile, folder: Path, n: int, limit: int) -> Path:
    path = folder / f"upload-{n}{suffix_for(upload.filename or '')}"
    size = 0
    with open(path, "wb") as out:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise WebError(413, f"{Path(upload.filename or '').name}: over the upload limit of {limit} bytes; "
                                    "split it into smaller files")
            out.write(chunk)
    return path


def ingest_files(web: Web, paths: list[tuple[Path, str]]) -> dict:
    """Read the saved uploads and store them; one writer at a time in this process."""
    from habar.ingest.readers import ReadError, read_paths
    from habar.store.ingest import ingest

    failures: Counter = Counter()
    errors: list[str] = []
    names = {str(p): name for p, name in paths}

    def articles():
        for item in read_paths([str(p) for p, _ in paths], web.options):
            if isinstance(item, ReadError):
                failures[f"read: {item.kind}"] += 1
                errors.append(str(item).replace(str(item.path or ""), names.get(str(item.path), "upload")))
                continue
            reader = item.meta.get("reader")
            if isinstance(reader, dict) and reader.get("path") in names:
                reader["path"] = names[reader["path"]]  # the client's name, not our temporary path
            yield item

    # one process: forking a server that runs threads is unsafe, and uploads are small
    with web.write_lock:
        counts = ingest(articles(), web.data_dir, replace(web.options, workers=1))
    counts.update(failures)
    return {"counts": dict(counts), "errors": errors[:50]}


def add_routes(app: FastAPI, web: Web) -> None:
    @app.post("/api/ingest", tags=["ingest"])
    async def api_ingest(request: Request, files: list[UploadFile] = File(..., description="files to ingest")):
        """Store articles from uploaded files (.jsonl, .txt, .html, .warc.gz, ...). Needs the ingest token."""
        check_token(web, request)
        if len(files) > MAX_FILES:
            raise WebError(413, f"{len(files)} files in one request; send at most {MAX_FILES}")
        with tempfile.TemporaryDirectory(prefix="habar-upload-") as tmp:
            saved = [(await save(f, Path(tmp), n, web.max_upload_bytes), Path(f.filename or "").name)
                     for n, f in enumerate(files)]
            from starlette.concurrency import run_in_threadpool

            result = await run_in_threadpool(ingest_files, web, saved)
        return api(result)


class UploadGuard:
    """Refuses an ingest request without the token, or announcing too big a body, before its body is read."""

    def __init__(self, app, web: Web):
        self.app = app
        self.web = web

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/api/ingest" and scope["method"] == "POST":
            request = Request(scope)
            try:
                check_token(self.web, request)
                check_length(self.web, request)
            except WebError as exc:
                await respond(request, exc.status, exc.message, exc.headers)(scope, receive, send)
                return
        await self.app(scope, receive, send)

"""What runs on a Dask worker: the pipeline, built once per worker process, and the analysis of one partition.

The analysis is the local ingest's own `habar.store.ingest.analyse`, so both engines make byte-identical
records. The pipeline (lexicon, NER and topic models) takes seconds to load, so a worker plugin builds it once
per worker process, on the first partition, and every later partition reuses it. A worker restarted after a
crash gets the plugin again from the scheduler; the run unregisters it at its end.
"""

from __future__ import annotations

import threading
import uuid

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from habar.document import Article
from habar.options import Options
from habar.scale import shards
from habar.store import ingest as local
from habar.store.records import Record

PLUGIN = "habar-pipeline"
# local.analyse reads the pipeline from its module's globals, so a worker process runs one partition at a time
# (a worker started with --nthreads 2 too), and each run's plugin puts its own pipeline there before it starts
_LOCK = threading.Lock()


class PipelinePlugin(WorkerPlugin):
    """One ingest run's settings on each worker; builds the run's pipeline at its first partition."""

    def __init__(self, options: Options, steps: list[str] | None, analysis: str):
        self.options, self.steps, self.analysis = options, steps, analysis
        # one plugin per run: runs of other clients on the same cluster keep their own pipelines and settings
        self.name = f"{PLUGIN}-{uuid.uuid4().hex}"
        self.pipeline = self.analyzer = None

    def teardown(self, worker) -> None:
        self.pipeline = self.analyzer = None  # the models' memory goes back when the run unregisters its plugin

    def analyse(self, articles: list[Article]) -> tuple[list[Record], dict[str, str]]:
        with _LOCK:
            if self.pipeline is None:
                local._init(self.options, self.steps)
                built = local.signature(local._pipeline)
                if built != self.analysis:
                    raise RuntimeError(f"this worker's habar builds the steps {built!r}, the client expects "
                                       f"{self.analysis!r}; install the same habar version on every machine")
                self.pipeline, self.analyzer = local._pipeline, local._analyzer
            local._pipeline, local._analyzer = self.pipeline, self.analyzer
            records, failed = [], {}
            for article in articles:
                result = local.analyse(article)
                if isinstance(result, Record):
                    records.append(result)
                else:
                    failed[article.id] = result[1]
            return records, failed


def analyse_partition(name: str, articles: list[Article], plugin: str) -> tuple[bytes, dict]:
    """A partition's shard as Parquet bytes, and its done marker; `plugin`: the run's PipelinePlugin name. Pure:
    the same articles give the same shard, so a retry or a re-run after a lost worker is harmless."""
    records, failed = get_worker().plugins[plugin].analyse(articles)
    marker = {"name": name, "articles": len(articles), "rows": len(records), "failed": failed}
    return shards.to_parquet(records), marker

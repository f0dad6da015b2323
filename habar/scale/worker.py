"""What runs on a Dask worker: the pipeline, built once per worker process, and the analysis of one partition.

The analysis is the local ingest's own `habar.store.ingest.analyse`, so both engines make byte-identical
records. The pipeline (lexicon, NER and topic models) takes seconds to load, so each worker process builds it at
its first partition and keeps it for every later partition, and for later runs with the same settings: a
standing cluster loads the models once. Each run registers a worker plugin that carries its settings (a worker
restarted after a crash gets it again from the scheduler) and unregisters it at its end.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from habar.document import Article
from habar.options import Options
from habar.pipeline import Pipeline
from habar.scale import shards
from habar.search.analysis import Analyzer
from habar.store import ingest as local
from habar.store.records import Record, sha1

PLUGIN = "habar-pipeline"
KEEP = 2  # pipelines kept per worker process (about 250 MB each): the settings of the latest runs
# local.analyse reads the pipeline from its module's globals, so a worker process runs one partition at a time
# (a worker started with --nthreads 2 too) and puts the run's pipeline there first
_LOCK = threading.Lock()
_BUILT: OrderedDict[str, tuple[Pipeline, Analyzer]] = OrderedDict()


def _pipeline(options: Options, steps: list[str] | None, analysis: str) -> tuple[Pipeline, Analyzer]:
    key = sha1(repr((options, steps)))
    if key not in _BUILT:
        local._init(options, steps)
        built = local.signature(local._pipeline)
        if built != analysis:
            raise RuntimeError(f"this worker's habar builds the steps {built!r}, the client expects {analysis!r}; "
                               "install the same habar version on every machine")
        _BUILT[key] = (local._pipeline, local._analyzer)
        while len(_BUILT) > KEEP:
            _BUILT.popitem(last=False)
    _BUILT.move_to_end(key)
    return _BUILT[key]


class PipelinePlugin(WorkerPlugin):
    """One ingest run's settings, on every worker of the cluster while the run lasts."""

    def __init__(self, options: Options, steps: list[str] | None, analysis: str):
        self.options, self.steps, self.analysis = options, steps, analysis
        self.name = f"{PLUGIN}-{uuid.uuid4().hex}"  # one per run: other clients' runs keep their own settings

    def analyse(self, articles: list[Article]) -> tuple[list[Record], dict[str, str]]:
        with _LOCK:
            local._pipeline, local._analyzer = _pipeline(self.options, self.steps, self.analysis)
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

"""Running extraction at scale: in-process, on local worker processes, or on a Dask cluster.

Whatever the executor, `extract_all` streams: the input is cut into chunks as it is read, only a
bounded number of chunks are in flight, and results come back in input order, so that a build is
byte-identical for any number of workers. Each chunk is extracted inside a spaCy memory zone so
that strings of one chunk are freed before the next: memory stays flat as the corpus grows.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import threading
import uuid
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.cache import dumps_extraction, loads_extraction
from graph.errors import (
    DaskMissingError,
    ExtractionWorkerError,
    SchedulerMissingError,
    SchedulerUnreachableError,
    UnknownExecutorError,
    WorkersError,
)
from graph.fsutil import atomic_write_bytes
from graph.model import Article, ArticleExtraction

if TYPE_CHECKING:
    from spacy.language import Language

EXECUTORS = ("local", "dask")
CHUNKS_PER_BATCH = 4  # a chunk (one task) is this many nlp.pipe batches
IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker: keeps workers busy, memory bounded
SCHEDULER_TIMEOUT = "10s"
SHARD_SUFFIX = ".jsonl"

# spaCy pipelines are not thread-safe; Dask workers may run several task threads per process.
_PIPELINE_LOCK = threading.Lock()


def extract_all(
    articles: Iterable[Article],
    *,
    workers: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    batch_size: int = 16,
    shard_dir: Path | None = None,
) -> Iterator[ArticleExtraction]:
    """Extract every article, yielding results in input order.

    - executor "local", workers 1: in this process.
    - executor "local", workers N > 1: N spawned processes, each loading the pipeline once.
    - executor "dask": chunks run on the Dask cluster at `scheduler`; each task writes its
      results as a JSON Lines shard in `shard_dir` (a folder the workers and this process both
      see), which is read back and deleted here. Without `shard_dir`, the shard's bytes travel
      back through Dask instead. `workers` is ignored: the cluster decides.

    Arguments are checked now (not at the first `next`), so bad options fail before any work.
    """
    if executor not in EXECUTORS:
        raise UnknownExecutorError(executor=executor, choices=", ".join(EXECUTORS))
    if workers < 1:
        raise WorkersError(workers=workers)
    chunk_size = max(1, batch_size) * CHUNKS_PER_BATCH
    if executor == "dask":
        if not scheduler:
            raise SchedulerMissingError()
        # Connect now, so that an unreachable scheduler fails before the input is read.
        client = _connect(scheduler)
        return _extract_dask(client, articles, scheduler, batch_size, chunk_size, shard_dir)
    if workers == 1:
        return _extract_in_process(articles, batch_size, chunk_size)
    return _extract_processes(articles, workers, batch_size, chunk_size)


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of at most `size` items, reading the input lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def extract_chunk(chunk: list[Article], batch_size: int) -> list[ArticleExtraction]:
    """Extract one chunk with this process's pipeline, freeing its strings afterwards."""
    from graph.extract import extract_articles
    from graph.nlp import load_pipeline

    with _PIPELINE_LOCK:
        nlp = load_pipeline()
        _fill_tokenizer_cache(nlp, chunk)
        # Extractions hold only Python values, so nothing refers to the zone's strings after it.
        with nlp.memory_zone():
            return list(extract_articles(chunk, nlp, batch_size=batch_size))


# Pipelines whose tokenizer cache `_fill_tokenizer_cache` has filled.
_CACHE_FILLED: weakref.WeakSet[Language] = weakref.WeakSet()


def _fill_tokenizer_cache(nlp: Language, chunk: list[Article]) -> None:
    """Tokenize the first chunk a pipeline extracts once more, outside a memory zone.

    Inside a zone spaCy's tokenizer caches nothing (the zone frees all it made), so every word
    of every article went through the prefix, suffix and infix rules again: ~4% of extraction
    time. Outside a zone the cache keeps the first 10,000 pieces of text the tokenizer reads,
    as it does for a plain `nlp.pipe`, and the frequent words are in any chunk; the strings of
    this one chunk stay for the process's life. Tokens and parses are the same either way.
    """
    from graph.extract import prepare_doc

    if nlp in _CACHE_FILLED:
        return
    _CACHE_FILLED.add(nlp)
    for article in chunk:
        prepare_doc(nlp, article)  # the Doc is dropped: only the tokenizer's cache is wanted


def _extract_in_process(
    articles: Iterable[Article], batch_size: int, chunk_size: int
) -> Iterator[ArticleExtraction]:
    for chunk in chunked(articles, chunk_size):
        yield from extract_chunk(chunk, batch_size)


# --- local processes -------------------------------------------------------------------------


def _load_worker_pipeline() -> None:
    from graph.nlp import load_pipeline

    load_pipeline()


def _ordered_results(
    chunks: Iterable[list[Article]],
    submit: Callable[[list[Article]], Future[Any]],
    limit: int,
) -> Iterator[Any]:
    """Submit chunks with at most `limit` pending; yield each result in submission order."""
    pending: deque[Future[Any]] = deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _extract_processes(
    articles: Iterable[Article], workers: int, batch_size: int, chunk_size: int
) -> Iterator[ArticleExtraction]:
    # spawn, not fork: forking a process that already holds spaCy/BLAS threads can deadlock.
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_load_worker_pipeline,
    )
    try:
        results = _ordered_results(
            chunked(articles, chunk_size),
            lambda chunk: pool.submit(extract_chunk, chunk, batch_size),
            workers * IN_FLIGHT_PER_WORKER,
        )
        for extractions in results:
            yield from extractions
    except BrokenProcessPool as err:
        raise ExtractionWorkerError(detail=f"a worker process died ({err})") from err
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- Dask ------------------------------------------------------------------------------------


def extract_chunk_to_shard(
    chunk: list[Article], batch_size: int, shard_path: str | None
) -> str | bytes:
    """Dask task: extract a chunk, write it as a JSON Lines shard; return its path (or bytes)."""
    lines = [dumps_extraction(extraction) for extraction in extract_chunk(chunk, batch_size)]
    data = "".join(line + "\n" for line in lines).encode()
    if shard_path is None:
        return data
    atomic_write_bytes(Path(shard_path), data, durable=False)  # shards are disposable
    return shard_path


def read_shard(shard: str | bytes) -> list[ArticleExtraction]:
    """The extractions of a shard (a path, which is deleted once read, or the bytes)."""
    if isinstance(shard, str):
        path = Path(shard)
        data = path.read_bytes()
        path.unlink()
    else:
        data = shard
    return [loads_extraction(line) for line in data.splitlines() if line.strip()]


def _connect(scheduler: str) -> Any:
    try:
        from dask.distributed import Client
    except ImportError as err:
        raise DaskMissingError(detail=str(err)) from err
    try:
        return Client(scheduler, timeout=SCHEDULER_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as err:
        detail = str(err) or type(err).__name__
        raise SchedulerUnreachableError(address=scheduler, detail=detail) from err


def _extract_dask(
    client: Any,
    articles: Iterable[Article],
    scheduler: str,
    batch_size: int,
    chunk_size: int,
    shard_dir: Path | None,
) -> Iterator[ArticleExtraction]:
    run_id = uuid.uuid4().hex[:12]  # shards of an earlier, crashed run never collide with ours
    if shard_dir is not None:
        shard_dir.mkdir(parents=True, exist_ok=True)
    counter = itertools.count()

    def submit(chunk: list[Article]) -> Future[Any]:
        index = next(counter)
        shard_path = None
        if shard_dir is not None:
            shard_path = str(shard_dir / f"shard-{run_id}-{index:08d}{SHARD_SUFFIX}")
        return client.submit(extract_chunk_to_shard, chunk, batch_size, shard_path, pure=False)

    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        results = _ordered_results(
            chunked(articles, chunk_size), submit, workers * IN_FLIGHT_PER_WORKER
        )
        for shard in results:
            yield from read_shard(shard)
    except (OSError, TimeoutError) as err:
        raise ExtractionWorkerError(detail=f"Dask at {scheduler}: {err}") from err
    finally:
        client.close()
        if shard_dir is not None:
            for leftover in shard_dir.glob(f"shard-{run_id}-*{SHARD_SUFFIX}"):
                with contextlib.suppress(OSError):
                    leftover.unlink()

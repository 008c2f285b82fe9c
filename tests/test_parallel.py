"""Parallel extraction: same results in the same order for any executor, bounded and streaming."""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from graph import parallel
from graph.cache import dumps_extraction
from graph.errors import (
    SchedulerMissingError,
    SchedulerUnreachableError,
    UnknownExecutorError,
    WorkersError,
)
from graph.model import Article
from graph.nlp import load_pipeline
from graph.parallel import chunked, extract_all, read_shard

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_articles(copies: int = 2) -> list[Article]:
    """The sample articles, `copies` times under different names (several chunks of work)."""
    articles = []
    for copy in range(copies):
        for path in sorted(SEEDS.glob("*.txt")):
            data = path.read_bytes()
            articles.append(Article(source=f"{copy}-{path.name}", text=data.decode("utf-8"),
                                    content_hash=hashlib.sha256(data).hexdigest()))
    return articles


def as_lines(extractions: object) -> list[str]:
    return [dumps_extraction(extraction) for extraction in extractions]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def reference() -> list[str]:
    """In-process extraction, the baseline every executor must reproduce exactly."""
    return as_lines(extract_all(seed_articles(), batch_size=1))


@pytest.mark.parametrize(
    ("size", "count", "expected"),
    [(2, 5, [[0, 1], [2, 3], [4]]), (3, 3, [[0, 1, 2]]), (4, 0, []), (1, 2, [[0], [1]])],
)
def test_chunked(size: int, count: int, expected: list[list[int]]) -> None:
    assert list(chunked(range(count), size)) == expected  # type: ignore[arg-type]


def test_chunked_reads_lazily() -> None:
    consumed = []

    def source() -> Iterator[int]:
        for n in itertools.count():
            consumed.append(n)
            yield n

    first = next(chunked(source(), 3))  # type: ignore[arg-type]
    assert first == [0, 1, 2]
    assert consumed == [0, 1, 2]


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"workers": 0}, WorkersError),
        ({"workers": -2}, WorkersError),
        ({"executor": "spark"}, UnknownExecutorError),
        ({"executor": "dask"}, SchedulerMissingError),
        ({"executor": "dask", "scheduler": ""}, SchedulerMissingError),
    ],
)
def test_bad_options_fail_at_once(options: dict[str, object], error: type[Exception]) -> None:
    def never_read() -> Iterator[Article]:
        raise AssertionError("input read before the options were checked")
        yield

    with pytest.raises(error) as caught:
        extract_all(never_read(), **options)  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)


def test_unreachable_scheduler_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "SCHEDULER_TIMEOUT", "1s")
    with pytest.raises(SchedulerUnreachableError, match=r"tcp://127\.0\.0\.1:1"):
        extract_all([], executor="dask", scheduler="tcp://127.0.0.1:1")


def test_in_flight_work_is_bounded_and_results_keep_submission_order() -> None:
    def slower_when_earlier(n: int) -> int:
        time.sleep((10 - n) * 0.003)  # later chunks finish first
        return n

    submitted = 0
    outstanding = []
    results = []
    with ThreadPoolExecutor(max_workers=4) as pool:

        def submit(chunk: list[int]) -> Future[int]:
            nonlocal submitted
            submitted += 1
            return pool.submit(slower_when_earlier, chunk[0])

        chunks = ([n] for n in range(10))
        for result in parallel._ordered_results(chunks, submit, limit=3):  # type: ignore[arg-type]
            outstanding.append(submitted - len(results))
            results.append(result)
    assert results == list(range(10))
    assert max(outstanding) == 3


def test_in_process_extraction_matches_plain_extract(reference: list[str]) -> None:
    from graph.extract import extract_articles

    assert reference == as_lines(extract_articles(seed_articles(), batch_size=1))
    assert [line.count('"source":"') >= 1 for line in reference] == [True] * 10


def test_memory_stays_flat_across_chunks() -> None:
    """Strings of a chunk are freed with it (spaCy memory zone): the vocabulary does not grow."""
    nlp = load_pipeline()
    list(extract_all(seed_articles(1), batch_size=1))  # warm up: reference strings loaded
    before = len(nlp.vocab.strings)
    invented = [
        Article(source=f"x{n}.txt", content_hash=str(n),
                text=f"Minister Zorbl{n}ax Quuxington{n} met Frobnitz{n}vich in Hanoi.")
        for n in range(40)
    ]
    extractions = list(extract_all(invented, batch_size=2))
    assert len(extractions) == 40
    assert any(f"Quuxington{n}" in line for n in range(40) for line in as_lines(extractions))
    assert len(nlp.vocab.strings) == before


@pytest.mark.slow
def test_two_processes_give_identical_extractions(reference: list[str]) -> None:
    assert as_lines(extract_all(seed_articles(), workers=2, batch_size=1)) == reference


@pytest.mark.slow
def test_dask_local_cluster_gives_identical_extractions(
    reference: list[str], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    shard_dir = tmp_path / "shards"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        via_shards = as_lines(extract_all(seed_articles(), executor="dask", scheduler=address,
                                          batch_size=1, shard_dir=shard_dir))
        via_bytes = as_lines(extract_all(seed_articles(), executor="dask", scheduler=address,
                                         batch_size=1))
    assert via_shards == reference
    assert via_bytes == reference
    assert list(shard_dir.iterdir()) == []  # shards are read back, then deleted


def test_shard_round_trip(tmp_path: Path, reference: list[str]) -> None:
    articles = seed_articles(1)[:2]
    data = parallel.extract_chunk_to_shard(articles, 1, None)
    assert isinstance(data, bytes)
    path = parallel.extract_chunk_to_shard(articles, 1, str(tmp_path / "s.jsonl"))
    assert path == str(tmp_path / "s.jsonl")
    assert (tmp_path / "s.jsonl").read_bytes() == data
    assert as_lines(read_shard(path)) == reference[:2]
    assert not (tmp_path / "s.jsonl").exists()
    assert as_lines(read_shard(data)) == reference[:2]


def test_first_chunk_fills_the_tokenizer_cache_once(
        monkeypatch: pytest.MonkeyPatch, reference: list[str]) -> None:
    """A pipeline tokenizes its first chunk once outside a memory zone (spaCy caches nothing
    inside one), never a later chunk, and extracts the same as without it."""
    import weakref

    import graph.extract

    nlp = load_pipeline()
    outside: list[str] = []
    prepare = graph.extract.prepare_doc

    def watched(pipeline, article):  # type: ignore[no-untyped-def]
        if not pipeline.vocab.in_memory_zone:
            outside.append(article.source)
        return prepare(pipeline, article)

    monkeypatch.setattr(graph.extract, "prepare_doc", watched)
    monkeypatch.setattr(parallel, "_CACHE_FILLED", weakref.WeakSet())
    articles = seed_articles()
    lines = as_lines(extract_all(articles, batch_size=1))  # chunks of 4 articles
    assert outside == [article.source for article in articles[:4]]
    assert lines == reference
    assert nlp in parallel._CACHE_FILLED

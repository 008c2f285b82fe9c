"""Build: input paths -> DIR/graph.ttl, DIR/graph.html, DIR/store/, DIR/report.json.

Stages run in order (ingest -> extract -> resolve -> rdf -> shacl -> outputs). Ingest streams into
extraction; only articles missing from the extraction cache (`DIR/cache/`) are extracted, unless
`full`. Everything is written into a staging folder and committed atomically under the build lock
(graph.fsutil), so a failed or killed build never damages the previous output.

With the outputs, `DIR/.build-state.json` records what they were made from (input names and
bytes, pipeline fingerprint, ontology, library versions, output options) and their digests; a
build that finds the same state and intact outputs does nothing (unless `full`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from graph import __version__
from graph.cache import ExtractionCache, pipeline_fingerprint
from graph.errors import (
    DiploGraphError,
    FileAccessError,
    NoArticlesError,
    OutputNotWritableError,
    ShapeViolationError,
    StrictInputError,
    UsageError,
)
from graph.fsutil import (
    atomic_write_text,
    build_lock,
    commit_staging,
    staging_dir,
)
from graph.ingest import discover, read_articles
from graph.model import Article, ArticleExtraction, KnowledgeBase, Skipped
from graph.parallel import extract_all
from graph.rdf import Block, turtle_documents, write_turtle
from graph.resolve import Resolver
from graph.shacl import BlockValidator
from graph.store import write_store
from graph.triples import KBTriples
from graph.view import kb_page_graph, write_page
from graph.vocab import ONTOLOGY_DIR

REPORT_NAME = "report.json"
TURTLE_NAME = "graph.ttl"
HTML_NAME = "graph.html"
STORE_NAME = "store"
CACHE_NAME = "cache"
STATE_NAME = ".build-state.json"  # what the last successful build was made from
_STATE_FORMAT = 1
# Libraries whose version changes output bytes (serialisers, validator, store, view).
_OUTPUT_LIBRARIES = ("rdflib", "pyshacl", "pyoxigraph", "pyvis", "networkx")
_SUMMARY_PROBLEM_LINES = 20


@dataclass(frozen=True, slots=True)
class BuildOptions:
    strict: bool = False  # any input problem (skipped file, warning, SHACL violation) is fatal
    workers: int = 1
    progress: bool = False  # a tqdm bar on stderr; the CLI enables it only on a terminal
    executor: str = "local"
    scheduler: str | None = None
    full: bool = False  # ignore the extraction cache
    batch_size: int = 16
    title: str = "DiploGraph"


@dataclass(slots=True)
class BuildReport:
    """What a build did; `to_json` is the stable schema of report.json."""

    out: Path
    inputs: list[str]
    started: dt.datetime
    finished: dt.datetime | None = None
    read: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    counts: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    cache: dict[str, int] = field(default_factory=lambda: {"hits": 0, "misses": 0})
    shacl: dict[str, Any] = field(default_factory=lambda: {"conforms": None, "violations": []})
    up_to_date: bool = False  # nothing changed since the last build: no output was touched

    def to_json(self) -> dict[str, Any]:
        return {
            "version": __version__,
            "started": self.started.isoformat(timespec="seconds"),
            "finished": self.finished.isoformat(timespec="seconds") if self.finished else None,
            "inputs": self.inputs,
            "outputs": {
                "turtle": str(self.out / TURTLE_NAME),
                "html": str(self.out / HTML_NAME),
                "store": str(self.out / STORE_NAME),
                "report": str(self.out / REPORT_NAME),
            },
            "read": self.read,
            "skipped": self.skipped,
            "counts": self.counts,
            "timings": self.timings,
            "cache": self.cache,
            "shacl": self.shacl,
        }

    def problem_lines(self) -> list[str]:
        """One line per skipped input, then per warning, then per note (the summary may cut the
        list, so the lines that matter most come first)."""
        lines = [f"skipped {item['source']}: {item['reason']}" for item in self.skipped]
        for item in self.read:
            lines.extend(f"warning {item['path']}: {warning}" for warning in item["warnings"])
        for item in self.read:
            lines.extend(f"note {item['path']}: {note}" for note in item.get("notes", ()))
        return lines

    def summary(self) -> str:
        counts = self.counts
        entities = sum(counts.get("entities", {}).values())
        facts = sum(counts.get("facts", {}).values())
        problems = self.problem_lines()
        lines = [f"  {line}" for line in problems[:_SUMMARY_PROBLEM_LINES]]
        if len(problems) > _SUMMARY_PROBLEM_LINES:
            lines.append(f"  ... and {len(problems) - _SUMMARY_PROBLEM_LINES} more "
                         f"(see {self.out / REPORT_NAME})")
        if self.up_to_date:
            return "\n".join([
                *lines,
                f"Graph is up to date ({_plural(counts.get('articles', 0), 'article')}, "
                f"{counts.get('triples', 0)} triples, built {self._built_at()}); "
                f"nothing was rewritten. Use --full to rebuild.",
            ])
        shacl = self.shacl
        conformance = ("conforms" if shacl["conforms"]
                       else f"{len(shacl['violations'])} violations (see report.json)")
        lines += [
            f"Read {_plural(counts.get('articles', 0), 'article')}, "
            f"skipped {len(self.skipped)}.",
            f"Graph: {entities} entities, {facts} facts, {counts.get('triples', 0)} triples; "
            f"SHACL: {conformance}.",
            f"Wrote {self.out / TURTLE_NAME}, {self.out / HTML_NAME}, "
            f"{self.out / STORE_NAME}/, {self.out / REPORT_NAME}",
            f"Done in {self.timings.get('total', 0.0):.1f} s "
            f"(extraction cache: {self.cache['hits']} hits, {self.cache['misses']} misses).",
        ]
        return "\n".join(lines)


    def _built_at(self) -> str:
        return self.finished.isoformat(timespec="seconds") if self.finished else "earlier"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class _Stopwatch:
    """Seconds spent per stage, accumulated."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - start)

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def rounded(self) -> dict[str, float]:
        return {stage: round(seconds, 3) for stage, seconds in self.seconds.items()}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).astimezone()


def _read_entry(path: Path, article: Article) -> dict[str, Any]:
    return {
        "source": article.source,
        "path": str(path),
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "publisher": article.publisher,
        "warnings": list(article.warnings),
        "notes": list(article.notes),
    }


def _kb_counts(kb: KnowledgeBase) -> dict[str, Any]:
    """report.json's counts of a knowledge base; the triples are counted as Turtle is written."""
    entities = Counter(ref.type.value for ref in kb.entities)
    facts = Counter(fact.relation.value for fact in kb.facts)
    return {
        "articles": len(kb.articles),
        "skipped": 0,  # filled in by the caller
        "entities": dict(sorted(entities.items())),
        "facts": dict(sorted(facts.items())),
        "triples": 0,
    }


class _Ingest:
    """Streams articles from the input files into extraction, recording what was read.

    Cache hits are handed to `take` at once and the misses are yielded, so that extraction can
    start on the first article while later files are still being read.
    """

    def __init__(self, files: list[Path], options: BuildOptions, cache: ExtractionCache,
                 report: BuildReport, stopwatch: _Stopwatch, bar: tqdm) -> None:
        self.files, self.options, self.cache = files, options, cache
        self.report, self.stopwatch, self.bar = report, stopwatch, bar
        self.hits = 0
        self.kept: set[str] = set()  # the articles' content hashes (the cache keeps these)
        self.take: Callable[[ArticleExtraction], None] = lambda extraction: None

    def misses(self) -> Iterator[Article]:
        items = read_articles(self.files)
        for path in self.files:
            start = time.perf_counter()
            item = next(items)
            self.stopwatch.add("ingest", time.perf_counter() - start)
            if isinstance(item, Skipped):
                self._skip(item)
                continue
            if self.options.strict and item.warnings:
                raise StrictInputError(source=path, reason=item.warnings[0])
            self.kept.add(item.content_hash)
            self.report.read.append(_read_entry(path, item))
            cached = None if self.options.full else self.cache.get(item)
            if cached is not None:
                self.hits += 1
                self.take(cached)
                self.bar.update(1)
            else:
                yield item

    def _skip(self, item: Skipped) -> None:
        if self.options.strict:
            raise StrictInputError(source=item.source, reason=item.reason)
        self.report.skipped.append({"source": item.source, "reason": item.reason})
        self.bar.update(1)


def _check_inputs(inputs: Sequence[Path | str]) -> list[Path]:
    if not inputs:
        raise UsageError(detail="no input given: name article files or folders")
    return [Path(given) for given in inputs]


def _no_articles(paths: list[Path], skipped: list[dict[str, str]]) -> NoArticlesError:
    shown = "; ".join(f"{item['source']}: {item['reason']}" for item in skipped[:3])
    more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    detail = f"; skipped {shown}{more}" if shown else ""
    return NoArticlesError(paths=", ".join(str(path) for path in paths), detail=detail)


def build(inputs: Sequence[Path | str], out: Path | str,
          options: BuildOptions | None = None) -> BuildReport:
    """Read the articles at `inputs` and write the graph into `out`; return what was done.

    Raises a DiploGraphError (one-line message) for unusable inputs or arguments, a locked or
    unwritable output folder, and with `options.strict` for any input problem. In every failure
    case the previous contents of `out` are left as they were. If nothing changed since the last
    build into `out`, nothing is written and the last build's report is returned, marked
    `up_to_date`.
    """
    options = options or BuildOptions()
    paths = _check_inputs(inputs)
    out = Path(out)
    stopwatch = _Stopwatch()
    begin = time.perf_counter()
    report = BuildReport(out=out, inputs=[str(path) for path in paths], started=_now())

    with stopwatch("discover"):
        files, ignored = discover(paths)
    for item in ignored:
        if options.strict:
            raise StrictInputError(source=item.source, reason=item.reason)
        report.skipped.append({"source": item.source, "reason": item.reason})
    if not files:
        raise _no_articles(paths, report.skipped)

    with build_lock(out):
        state = _build_state(paths, files, ignored, options)
        if not options.full:
            unchanged = _up_to_date_report(out, state)
            if unchanged is not None:
                return unchanged
        _build_locked(paths, files, out, options, report, stopwatch, begin, state)
    return report


def _build_locked(paths: list[Path], files: list[Path], out: Path, options: BuildOptions,
                  report: BuildReport, stopwatch: _Stopwatch, begin: float,
                  state: dict[str, Any]) -> None:
    with staging_dir(out) as staging:
        cache = ExtractionCache(out / CACHE_NAME)
        try:
            resolver, kept = _ingest_and_extract(files, options, cache, report, stopwatch,
                                                 staging)
            if not len(resolver):
                raise _no_articles(paths, report.skipped)
            _write_outputs(resolver, options, report, stopwatch, staging)
            report.timings = {**stopwatch.rounded(),
                              "total": round(time.perf_counter() - begin, 3)}
            report.finished = _now()
            atomic_write_text(staging / REPORT_NAME,
                              json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
            # In the same commit as the outputs, so it never describes outputs it did not make.
            _write_state(staging, state)
            commit_staging(staging, out)
        except OSError as err:
            raise _file_error(err, out) from err
        with contextlib.suppress(OSError):  # a stale cache only costs time on the next build
            cache.prune(kept)


# --- the up-to-date check --------------------------------------------------------------------

def _sha256_file(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _hash_tree(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(bytes.fromhex(_sha256_file(path)))
    return digest.hexdigest()


def _input_digest(path: Path) -> str:
    try:
        return _sha256_file(path)
    except OSError as err:  # ingest will skip it with its reason; a later fix must rebuild
        return f"unreadable: {err.strerror or err}"


def _library_versions() -> dict[str, str]:
    versions = {}
    for name in _OUTPUT_LIBRARIES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def _build_state(paths: list[Path], files: list[Path], ignored: Sequence[Skipped],
                 options: BuildOptions) -> dict[str, Any]:
    """Everything the outputs depend on: inputs (names and bytes), pipeline, output options.

    Workers, executor and batch size are left out: the outputs do not depend on them.
    """
    return {
        "format": _STATE_FORMAT,
        "pipeline": pipeline_fingerprint(),
        "ontology": _hash_tree(ONTOLOGY_DIR),  # shapes and ontology decide SHACL verdicts
        "libraries": _library_versions(),
        "options": {"strict": options.strict, "title": options.title},
        "inputs": [str(path) for path in paths],
        "files": [[str(path), _input_digest(path)] for path in files],
        "ignored": [[item.source, item.reason] for item in ignored],
    }


def _output_digests(folder: Path) -> dict[str, str]:
    return {name: _sha256_file(folder / name) for name in (TURTLE_NAME, HTML_NAME, REPORT_NAME)}


def _write_state(staging: Path, state: dict[str, Any]) -> None:
    recorded = {**state, "outputs": _output_digests(staging)}
    atomic_write_text(staging / STATE_NAME, json.dumps(recorded, ensure_ascii=False) + "\n")


def _up_to_date_report(out: Path, state: dict[str, Any]) -> BuildReport | None:
    """The last build's report if `out` was built from exactly `state` and is intact, else None."""
    try:
        recorded = json.loads((out / STATE_NAME).read_text("utf-8"))
        outputs = recorded.pop("outputs")
        if recorded != state or outputs != _output_digests(out):
            return None
        store = out / STORE_NAME
        if not store.is_dir() or not any(store.iterdir()):
            return None
        last = json.loads((out / REPORT_NAME).read_text("utf-8"))
        return BuildReport(
            out=out, inputs=last["inputs"], started=dt.datetime.fromisoformat(last["started"]),
            finished=dt.datetime.fromisoformat(last["finished"]), read=last["read"],
            skipped=last["skipped"], counts=last["counts"], timings=last["timings"],
            cache=last["cache"], shacl=last["shacl"], up_to_date=True)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no usable record of the last build: build again


def _file_error(err: OSError, out: Path) -> DiploGraphError:
    """Name the file that failed: the output folder, or a file the build had to read."""
    detail = err.strerror or str(err)
    failed = Path(err.filename) if err.filename else None
    if failed is None or failed.resolve().is_relative_to(out.resolve()):
        return OutputNotWritableError(path=out, detail=detail)
    return FileAccessError(path=failed, detail=detail)


def _ingest_and_extract(files: list[Path], options: BuildOptions, cache: ExtractionCache,
                        report: BuildReport, stopwatch: _Stopwatch,
                        staging: Path) -> tuple[Resolver, set[str]]:
    """Every extraction (cached and new) folded into a resolver as it comes, and the content
    hashes of the articles read.

    No list of the extractions is held: the resolver keeps of each its article, without the
    text (no output reads it), and its facts; the rest is let go at once.
    """
    shard_dir = staging / ".shards" if options.executor == "dask" else None
    if shard_dir is not None:
        shard_dir.mkdir()
    bar = tqdm(total=len(files), desc="extracting", unit="article", file=sys.stderr,
               disable=not options.progress, leave=False)
    resolver = Resolver(keep_texts=False)

    def take(extraction: ArticleExtraction) -> None:
        start = time.perf_counter()
        resolver.add(extraction)
        stopwatch.add("resolve", time.perf_counter() - start)

    ingest = _Ingest(files, options, cache, report, stopwatch, bar)
    ingest.take = take
    fresh = 0
    start = time.perf_counter()
    with bar:
        for extraction in extract_all(ingest.misses(), workers=options.workers,
                                      executor=options.executor, scheduler=options.scheduler,
                                      batch_size=options.batch_size, shard_dir=shard_dir):
            cache.put(extraction)
            take(extraction)
            fresh += 1
            bar.update(1)
    stopwatch.add("extract", time.perf_counter() - start - stopwatch.seconds.get("ingest", 0.0)
                  - stopwatch.seconds.get("resolve", 0.0))
    if shard_dir is not None:
        shutil.rmtree(shard_dir, ignore_errors=True)
    report.cache = {"hits": ingest.hits, "misses": fresh}
    report.counts["skipped"] = len(report.skipped)
    return resolver, ingest.kept


# Turtle handed to Oxigraph's bulk loader per call: it holds some 20-35 MiB per MiB read (the
# store stage's peak over its start: +31 MiB at 1 MiB, +143 MiB at 4 MiB, at 1k and 8k
# articles), while smaller calls cost little more time (their files are merged at the end).
_STORE_PIECE_BYTES = 1 << 20


def _write_outputs(resolver: Resolver, options: BuildOptions,
                   report: BuildReport, stopwatch: _Stopwatch, staging: Path) -> None:
    """Resolve the extractions folded into `resolver` and write every whole-graph output into
    `staging`.

    No rdflib graph of the whole graph is made: Turtle and SHACL (in one pass) and the view read
    the knowledge base's triples subject by subject (`KBTriples`), so the process holds the
    knowledge base, a small index of it and one block of subjects' triples at a time.
    The knowledge base is dropped once the view has read it (no networkx graph:
    `kb_page_graph`), and the view written as its data is made; the store is loaded last,
    from graph.ttl in pieces, when the process holds little else.
    """
    with _no_cyclic_gc():
        with stopwatch("resolve"):
            kb = resolver.knowledge_base()
        counts = _kb_counts(kb)
        stages = tqdm(total=4, desc="writing", unit="stage", file=sys.stderr,
                      disable=not options.progress, leave=False)
        with stages:
            stages.set_postfix_str("rdf")
            with stopwatch("rdf"):
                triples = KBTriples(kb)
            stages.update(1)
            stages.set_postfix_str("shacl+turtle")
            with stopwatch("shacl+turtle"):
                # One pass over the subject blocks: each is written and validated, so the
                # triples are made once.
                validator = BlockValidator(triples)
                counts["triples"] = _write_turtle_file(_validated(triples.blocks(), validator),
                                                       staging / TURTLE_NAME)
                result = validator.result()
            report.shacl = {"conforms": result.conforms, "violations": list(result.violations)}
            if options.strict and not result.conforms:
                raise ShapeViolationError(count=len(result.violations),
                                          first=result.violations[0])
            del result, validator
            stages.update(1)
            stages.set_postfix_str("html")
            with stopwatch("html"):
                page = kb_page_graph(triples, after_reading=_emptier(triples, kb))
                del triples, kb  # the page is made from `page` alone
                write_page(page, staging / HTML_NAME, title=options.title)
                del page
            stages.update(1)
            stages.set_postfix_str("store")
            with stopwatch("store"):
                # Oxigraph parses the Turtle natively; loaded in pieces, its loader's memory
                # stays that of one piece.
                write_store(turtle_documents(staging / TURTLE_NAME, size=_STORE_PIECE_BYTES),
                            staging / STORE_NAME, count=False)  # Turtle counted the triples
            stages.update(1)
    skipped = report.counts.get("skipped", len(report.skipped))
    report.counts = {**counts, "skipped": skipped}


def _emptier(triples: KBTriples, kb: KnowledgeBase) -> Callable[[], None]:
    """What empties `triples`' index and `kb` once the page has read them, so that neither is
    held while the page is made from what it read."""
    def empty() -> None:
        triples.release()
        kb.facts.clear()
        kb.entities.clear()
        kb.articles.clear()

    return empty


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector.

    The whole-graph stages make millions of small containers that all stay alive until their
    stage ends (the index of the knowledge base, the view's page data): the
    collector would walk them again and again and find nothing to free (it took about a third
    of the time of `graph.rdf.to_graph`). Large intermediates are freed by reference counting.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _validated(blocks: Iterable[Block], validator: BlockValidator) -> Iterator[Block]:
    """The blocks, each also handed to `validator` (as a list: both read it)."""
    for subject, pairs in blocks:
        pairs = pairs if isinstance(pairs, list) else list(pairs)
        validator.add(subject, pairs)
        yield subject, pairs


def _write_turtle_file(blocks: Iterable[Block], path: Path) -> int:
    """Write the Turtle of the graph's subject blocks to `path` (durably); return the triples
    written.

    No temporary file: `path` is in the staging folder, which is committed atomically.
    """
    with path.open("wb") as handle:
        triples = write_turtle(blocks, handle)
        handle.flush()
        os.fsync(handle.fileno())
    return triples

"""DiploGraph benchmarks: every figure of the scaling issue, measured side by side in one run.

    python -m benchmarks.run            # 1k-article corpus, memory at 1k and 10k, ~1M triples
    python -m benchmarks.run --quick    # a small run (a minute or two)

Prints Markdown tables (paste them into docs/benchmarks.md):
- build throughput (words/s) of `diplograph build` against bare spaCy `nlp.pipe` of the same
  model on the same cleaned article texts, and their ratio (goal >= 0.8);
- 1 against 2 extraction workers;
- SPARQL latency, pyoxigraph store against rdflib's in-memory engine, for queries/*.rq on a
  graph of about `--triples` triples (the built graph, replicated under renamed IRIs if smaller),
  each run stopped after `--query-timeout-s` seconds (reported as over the limit);
- incremental rebuild after adding one article against a full build;
- peak resident memory of a build (a child process, `os.wait4` rusage) per corpus size.

Nothing here asserts on time: tests only check that each function runs (tests/test_benchmarks.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generate_corpus import article as synthetic_article
from benchmarks.generate_corpus import write_corpus

REPO = Path(__file__).resolve().parent.parent
QUERIES_DIR = REPO / "queries"
# Fixed queries of the benchmark's own (point lookup, join with provenance, aggregates, scan), so
# figures stay comparable between runs while queries/ changes.
BENCH_QUERIES_DIR = Path(__file__).resolve().parent / "queries"
SECTIONS = ("throughput", "incremental", "memory", "sparql")


@dataclass(frozen=True, slots=True)
class Timed:
    """Words processed in `seconds` of wall-clock time and `cpu` seconds of CPU time.

    CPU time (this process and its finished children) hardly changes when other programs share
    the cores, so ratios of CPU rates stay meaningful on a busy machine; wall time does not.
    """

    words: int
    seconds: float
    cpu: float = float("nan")

    @property
    def rate(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else float("inf")

    @property
    def cpu_rate(self) -> float:
        return self.words / self.cpu if self.cpu > 0 else float("inf")


def cpu_seconds() -> float:
    """CPU time used so far by this process and its waited-for children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class _Clock:
    """Measures wall and CPU time of a `with` block."""

    def __enter__(self) -> _Clock:
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, cpu_seconds() - self.cpu


@dataclass(frozen=True, slots=True)
class Latency:
    """One engine's result for one query: a median, or why there is none."""

    ms: float | None = None  # median of the timed runs
    rows: int | None = None
    error: str = ""  # exception class name when the engine cannot run the query
    limit_s: float | None = None  # set when a run went past this time limit and was stopped

    @property
    def over_limit(self) -> bool:
        return self.limit_s is not None

    def cell(self) -> str:
        if self.over_limit:
            return f"> {self.limit_s:g} s (limit)"
        if self.error:
            return f"fails: {self.error}"
        return f"{self.ms:,.1f}" if self.ms is not None else ""


@dataclass(frozen=True, slots=True)
class QueryTiming:
    name: str
    oxigraph: Latency
    rdflib: Latency

    @property
    def rows(self) -> int | None:
        return self.oxigraph.rows if self.oxigraph.rows is not None else self.rdflib.rows

    def ratio(self) -> str:
        """rdflib / pyoxigraph; a bound when one of them was stopped at its limit."""
        ox, rdf = self.oxigraph.ms, self.rdflib.ms
        if ox and rdf is not None:
            return _times(rdf / ox)
        if ox and self.rdflib.limit_s is not None:
            return "> " + _times(self.rdflib.limit_s * 1000 / ox)
        if rdf is not None and self.oxigraph.limit_s is not None:
            return "< " + _times(rdf / (self.oxigraph.limit_s * 1000))
        return ""


def _times(ratio: float) -> str:
    return f"{ratio:,.0f}x" if ratio >= 10 else f"{ratio:.1f}x"


@dataclass(frozen=True, slots=True)
class SparqlRun:
    triples: int
    oxigraph_load_s: float  # bulk load into the on-disk store, flushed
    rdflib_load_s: float  # parse into an in-memory Graph
    timings: list[QueryTiming]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def ingested_texts(corpus_dir: Path) -> list[str]:
    """The cleaned article bodies the build extracts from (what both throughputs are over)."""
    from graph.ingest import discover, read_articles
    from graph.model import Article

    files, _ = discover([corpus_dir])
    return [item.text for item in read_articles(files) if isinstance(item, Article)]


def count_words(texts: Iterable[str]) -> int:
    return sum(len(text.split()) for text in texts)


def bare_spacy(texts: Sequence[str], batch_size: int = 16) -> Timed:
    """Bare `nlp.pipe` of the model DiploGraph loads, without its components (loaded first)."""
    from graph.nlp import load_model

    nlp = load_model()
    list(nlp.pipe(texts[:2]))  # warm-up: lazy initialisation is not throughput
    with _Clock() as clock:
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass
    return Timed(count_words(texts), clock.wall, clock.cpu)


def extraction_only(corpus_dir: Path, workers: int = 1, batch_size: int = 16) -> Timed:
    """graph.parallel.extract_all over the ingested articles: the rules' cost without outputs."""
    from graph.ingest import discover, read_articles
    from graph.model import Article
    from graph.nlp import load_pipeline
    from graph.parallel import extract_all

    files, _ = discover([corpus_dir])
    articles = [item for item in read_articles(files) if isinstance(item, Article)]
    load_pipeline()
    with _Clock() as clock:
        for _extraction in extract_all(articles, workers=workers, batch_size=batch_size):
            pass
    return Timed(count_words(a.text for a in articles), clock.wall, clock.cpu)


def timed_build(corpus_dir: Path, out_dir: Path, *, workers: int = 1, full: bool = True,
                words: int | None = None) -> tuple[Timed, dict[str, float]]:
    """One in-process build (pipeline already loaded); returns its time and stage timings."""
    from graph.build import BuildOptions, build
    from graph.nlp import load_pipeline

    load_pipeline()
    gc.collect()
    with _Clock() as clock:
        report = build([corpus_dir], out_dir, BuildOptions(workers=workers, full=full))
    if words is None:
        words = count_words(ingested_texts(corpus_dir))
    return Timed(words, clock.wall, clock.cpu), dict(report.timings)


def incremental_rebuild(corpus_dir: Path, work_dir: Path, seed: int = 0) -> dict[str, float]:
    """Seconds for a full build, a rebuild with nothing changed, and one after adding one article.

    The corpus is copied, so `corpus_dir` is not changed.
    """
    corpus = work_dir / "incremental-corpus"
    out = work_dir / "incremental-out"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(corpus_dir, corpus)
    full, _ = timed_build(corpus, out, full=True, words=0)
    unchanged, _ = timed_build(corpus, out, full=False, words=0)
    index = len(list(corpus.glob("*.txt")))
    name, text = synthetic_article(index, seed)
    (corpus / name).write_text(text, encoding="utf-8")
    one_new, timings = timed_build(corpus, out, full=False, words=0)
    return {"full": full.seconds, "unchanged": unchanged.seconds, "one_new": one_new.seconds,
            "one_new_extract": timings.get("extract", float("nan"))}


def peak_rss(corpus_dir: Path, out_dir: Path, workers: int = 1) -> tuple[int, float]:
    """Peak resident memory (bytes) and seconds of `diplograph build --full` in a child process.

    `os.wait4` gives that one child's rusage; worker processes (workers > 1) are not included.
    """
    command = [sys.executable, "-m", "graph.cli", "build", str(corpus_dir), "--out", str(out_dir),
               "--full", "-q", "--workers", str(workers)]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=_env(), cwd=REPO, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"build failed ({process.returncode}): {stderr.strip()}")
    return usage.ru_maxrss * 1024, seconds  # ru_maxrss is in KiB on Linux


# --- SPARQL ----------------------------------------------------------------------------------

_BLANK = re.compile(r"_:([A-Za-z0-9]+)")


def replicated_ntriples(ntriples: bytes, target: int) -> tuple[bytes, int]:
    """Copies of the graph, each with its own resource IRIs and blank nodes, up to ~target.

    Copies keep the vocabulary (classes, properties) and literals, so queries behave as on a
    bigger corpus of the same kind; copy 0 is the graph itself.
    """
    from graph.vocab import ID

    lines = [line for line in ntriples.decode("utf-8").splitlines() if line.strip()]
    if not lines:
        return b"", 0
    copies = max(1, -(-target // len(lines)))
    resource = re.compile("<" + re.escape(str(ID)) + r"([^>]*)>")
    out = list(lines)
    for copy in range(1, copies):
        for line in lines:
            line = resource.sub(lambda m, c=copy: f"<{ID}{m.group(1)}-copy{c}>", line)
            out.append(_BLANK.sub(lambda m, c=copy: f"_:{m.group(1)}c{c}", line))
    return ("\n".join(out) + "\n").encode("utf-8"), len(out)


def example_queries(*folders: Path) -> dict[str, str]:
    """The *.rq files of each folder, by path (relative to the repository where inside it)."""
    def name(path: Path) -> str:
        return str(path.relative_to(REPO) if path.is_relative_to(REPO) else path)

    return {name(path.resolve()): path.read_text(encoding="utf-8")
            for folder in folders for path in sorted(folder.glob("*.rq"))}


def _median_ms(run: Callable[[], int], repeats: int, budget_s: float,
               after_each_run: Callable[[], None] = lambda: None) -> tuple[float, int]:
    """Median of up to `repeats` timed runs after a warm-up; stops repeating past `budget_s`."""
    rows = run()  # warm-up (and the row count)
    after_each_run()
    times = []
    spent = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        elapsed = time.perf_counter() - start
        after_each_run()
        times.append(elapsed)
        spent += elapsed
        if spent > budget_s:
            break
    return statistics.median(times) * 1000, rows


def limited_latency(run: Callable[[], int], repeats: int, budget_s: float,
                    limit_s: float) -> Latency:
    """`_median_ms` of `run` in a forked child process; any single run longer than `limit_s`
    stops the child and is reported as over the limit.

    Neither engine can interrupt a query from Python (rdflib has no timeout, pyoxigraph none per
    query), so the child is terminated. "fork" lets it inherit a loaded graph copy-on-write
    instead of loading it again; `run` need not be picklable. The child reports after every run
    over a Pipe, so the limit holds per run, and the parent never waits longer than `limit_s`
    for the next word from the child.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        receiver.close()
        try:
            ms, rows = _median_ms(run, repeats, budget_s, lambda: sender.send(("ran",)))
        except Exception as err:  # the engine's failure is the result to report
            sender.send(("error", type(err).__name__))
        else:
            sender.send(("done", ms, rows))
        finally:
            sender.close()

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()
    try:
        while True:
            if not receiver.poll(limit_s):
                return Latency(limit_s=limit_s)
            try:
                message = receiver.recv()
            except EOFError:  # the child died without a word (killed, out of memory, crash)
                process.join()
                return Latency(error=f"child process exited with code {process.exitcode}")
            if message[0] == "done":
                return Latency(ms=message[1], rows=message[2])
            if message[0] == "error":
                return Latency(error=message[1])
    finally:
        receiver.close()
        if process.is_alive():
            process.terminate()
            process.join(5)
            if process.is_alive():
                process.kill()
        process.join()


def sparql_latency(ntriples: bytes, queries: dict[str, str], work_dir: Path, repeats: int = 5,
                   budget_s: float = 20.0, limit_s: float = 60.0) -> SparqlRun:
    """Median latency of each query on an on-disk pyoxigraph store and an rdflib Graph.

    Both are loaded once here; every query runs on each engine in its own forked child
    (`limited_latency`), which opens the store read-only and inherits the rdflib Graph.
    """
    import pyoxigraph
    import rdflib

    store_dir = work_dir / "sparql-store"
    shutil.rmtree(store_dir, ignore_errors=True)
    with _Clock() as oxigraph_load:
        store = pyoxigraph.Store(str(store_dir))
        store.bulk_load(ntriples, pyoxigraph.RdfFormat.N_TRIPLES)
        store.flush()
    # Closed before any fork: a child must not inherit a writable RocksDB and its threads.
    del store
    gc.collect()
    with _Clock() as rdflib_load:
        graph = rdflib.Graph()
        graph.parse(data=ntriples.decode("utf-8"), format="nt")
    triples = len(graph)

    opened: list[pyoxigraph.Store] = []  # empty in the parent: each child opens its own

    def run_oxigraph(text: str) -> int:
        if not opened:
            opened.append(pyoxigraph.Store.read_only(str(store_dir)))
        result = opened[0].query(text)
        return 1 if isinstance(result, pyoxigraph.QueryBoolean) else sum(1 for _ in result)

    def run_rdflib(text: str) -> int:
        result = graph.query(text)
        return 1 if result.type == "ASK" else sum(1 for _ in result)

    # The children's garbage collector then leaves the loaded graph's pages shared.
    gc.freeze()
    timings = []
    try:
        for name, text in queries.items():
            oxigraph = limited_latency(lambda t=text: run_oxigraph(t), repeats, budget_s, limit_s)
            rdflib_run = limited_latency(lambda t=text: run_rdflib(t), repeats, budget_s, limit_s)
            timings.append(QueryTiming(name, oxigraph, rdflib_run))
            print(f"  ... {name}: pyoxigraph {oxigraph.cell()}, rdflib {rdflib_run.cell()}",
                  file=sys.stderr, flush=True)
    finally:
        gc.unfreeze()
        shutil.rmtree(store_dir, ignore_errors=True)
    return SparqlRun(triples, oxigraph_load.wall, rdflib_load.wall, timings)


def graph_ntriples(source: Path) -> bytes:
    """N-Triples of a build output folder (its store) or of a Turtle / N-Triples file."""
    import pyoxigraph

    if not source.is_file():
        return build_ntriples(source)
    store = pyoxigraph.Store()
    store.bulk_load(path=str(source), format=pyoxigraph.RdfFormat.from_extension(source.suffix[1:]))
    return store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())


def build_ntriples(out_dir: Path) -> bytes:
    """The triples of a build output, from its store."""
    from graph.store import dump_ntriples, open_store

    return dump_ntriples(open_store(out_dir))


# --- the run ---------------------------------------------------------------------------------


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import spacy

    return (f"{cpu}, {os.cpu_count()} cores{memory}; Python {platform.python_version()}, "
            f"spaCy {spacy.__version__}, {platform.system()} {platform.release()}")


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MiB"


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> None:
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    say = print
    say(f"# DiploGraph benchmarks, {dt.date.today().isoformat()}\n")
    say(f"Machine: {_machine()}\n")

    def corpus(count: int) -> Path:
        folder = work / f"corpus-{count}-seed{args.seed}"
        if len(list(folder.glob("*.txt"))) != count:
            shutil.rmtree(folder, ignore_errors=True)
            write_corpus(folder, count, args.seed)
        return folder

    main_corpus = corpus(args.articles)
    texts = ingested_texts(main_corpus)
    words = count_words(texts)
    say(f"Corpus: {len(texts)} synthetic articles, {words:,} words (seed {args.seed}).\n")
    if "throughput" in args.sections:
        _throughput(args, work, main_corpus, texts, words)
    if "incremental" in args.sections:
        say("\n## Incremental rebuild\n")
        incremental = incremental_rebuild(main_corpus, work, args.seed)
        say(_table(["build", "seconds"], [
            (f"full build of {len(texts)} articles", f"{incremental['full']:.1f}"),
            ("rebuild, nothing changed", f"{incremental['unchanged']:.1f}"),
            ("rebuild after adding one article", f"{incremental['one_new']:.1f}"),
            ("  of which extraction", f"{incremental['one_new_extract']:.2f}"),
        ]))
    largest_out = None
    if "memory" in args.sections:
        say("\n## Peak memory (diplograph build --full, 1 worker, child process)\n")
        memory_rows = []
        for count in args.memory_sizes:
            out = work / f"out-memory-{count}"
            rss, seconds = peak_rss(corpus(count), out)
            memory_rows.append((count, _mib(rss), f"{seconds:.0f}"))
            largest_out = out
            print(f"  ... {count} articles: {_mib(rss)}", file=sys.stderr)
        say(_table(["articles", "peak RSS", "seconds"], memory_rows))
    if "sparql" in args.sections:
        graph_source = args.sparql_graph or largest_out
        if graph_source is None:
            graph_source = work / "out-sparql"
            timed_build(main_corpus, graph_source, words=words)
        _sparql(args, work, graph_source)


def _throughput(args: argparse.Namespace, work: Path, main_corpus: Path, texts: list[str],
                words: int) -> None:
    say = print
    # Throughput, side by side: bare spaCy, extraction only, full builds with 1 and 2 workers.
    bare = bare_spacy(texts, args.batch_size)
    extract_1 = extraction_only(main_corpus, 1, args.batch_size)
    extract_2 = extraction_only(main_corpus, 2, args.batch_size)
    build_1, stages_1 = timed_build(main_corpus, work / "out-w1", workers=1, words=words)
    build_2, stages_2 = timed_build(main_corpus, work / "out-w2", workers=2, words=words)
    say("## Build throughput\n")
    say("Ratios are against bare `nlp.pipe`: by wall-clock time, and by CPU time (this process "
        "and its worker processes), which other programs on the machine disturb far less.\n")
    say(_table(
        ["run", "wall s", "CPU s", "words/s (wall)", "ratio (wall)", "words/CPU-s",
         "ratio (CPU)"],
        [(name, f"{t.seconds:.1f}", f"{t.cpu:.1f}", f"{t.rate:,.0f}",
          f"{t.rate / bare.rate:.2f}", f"{t.cpu_rate:,.0f}", f"{t.cpu_rate / bare.cpu_rate:.2f}")
         for name, t in [("bare spaCy nlp.pipe (same model)", bare),
                         ("extraction only, 1 worker", extract_1),
                         ("extraction only, 2 workers", extract_2),
                         ("diplograph build --full, 1 worker", build_1),
                         ("diplograph build --full, 2 workers", build_2)]],
    ))
    say("\nBuild stage timings (seconds):\n")
    stage_names = sorted(set(stages_1) | set(stages_2), key=lambda s: (s == "total", s))
    say(_table(["stage", "1 worker", "2 workers"],
               [(s, stages_1.get(s, ""), stages_2.get(s, "")) for s in stage_names]))


def _sparql(args: argparse.Namespace, work: Path, graph_source: Path) -> None:
    say = print
    limit = args.query_timeout_s
    say(f"\n## SPARQL latency (median of up to {args.repeats} runs after a warm-up; "
        f"any run over {limit:g} s is stopped)\n")
    queries = example_queries(args.queries, BENCH_QUERIES_DIR)
    base = graph_ntriples(graph_source)
    data, _ = replicated_ntriples(base, args.triples)
    del base
    result = sparql_latency(data, queries, work, args.repeats, limit_s=limit)
    del data
    say(f"Graph: {result.triples:,} triples ({graph_source.name}, replicated under renamed "
        f"IRIs up to ~{args.triples:,}). Load: pyoxigraph bulk load "
        f"{result.oxigraph_load_s:,.1f} s, rdflib parse {result.rdflib_load_s:,.1f} s.\n")
    say(_table(["query", "rows", "pyoxigraph (on-disk store) ms", "rdflib in-memory ms",
                "rdflib / oxigraph"],
               [(t.name, t.rows if t.rows is not None else "?", t.oxigraph.cell(),
                 t.rdflib.cell(), t.ratio()) for t in result.timings]))
    over = {"pyoxigraph": [t.name for t in result.timings if t.oxigraph.over_limit],
            "rdflib": [t.name for t in result.timings if t.rdflib.over_limit]}
    for engine, names in over.items():
        say(f"\nOver the {limit:g} s limit on {engine}: {', '.join(names) or 'none'}.")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="DiploGraph benchmarks (prints Markdown).")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes: 40 articles, memory at 20 and 80, 30k triples")
    parser.add_argument("--articles", type=int, default=1000,
                        help="corpus size for throughput and incremental (default: 1000)")
    parser.add_argument("--memory-sizes", type=lambda s: [int(n) for n in s.split(",")],
                        default=[1000, 10000], metavar="N,N",
                        help="corpus sizes for peak memory (default: 1000,10000)")
    parser.add_argument("--triples", type=int, default=1_000_000,
                        help="graph size for SPARQL latency (default: 1000000)")
    parser.add_argument("--sparql-graph", type=Path, default=None, metavar="PATH",
                        help="SPARQL on this build output folder or Turtle/N-Triples file "
                             "instead of a new build of the corpus")
    parser.add_argument("--query-timeout-s", type=float, default=60.0, metavar="S",
                        help="stop any single query run after S seconds and report it as over "
                             "the limit (default: 60)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--queries", type=Path, default=QUERIES_DIR)
    parser.add_argument("--sections", type=lambda s: set(s.split(",")), default=set(SECTIONS),
                        metavar="A,B", help=f"what to measure (default: {','.join(SECTIONS)})")
    parser.add_argument("--work", type=Path, default=None,
                        help="keep corpora and outputs here (default: a temporary folder)")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.memory_sizes, args.triples = 40, [20, 80], 30_000
    if args.work is not None:
        run(args)
        return 0
    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as work:
        args.work = Path(work)
        run(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

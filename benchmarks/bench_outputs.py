"""CPU time and peak memory of each whole-graph output stage, from cached extractions.

    python -m benchmarks.bench_outputs BUILD_DIR INPUT... --out OUT [--copies N]

`BUILD_DIR` is a finished build of `INPUT` whose extraction cache (`BUILD_DIR/cache/`) holds
every article; the cache written by another version of the code is fine (the fingerprint folder
with the most entries is read), so two versions of the output stages can be run on the same
extractions. `--copies N` renames the extractions N times over (other article names, other
entity keys): a graph N times as large with the same shape. The stages run in this process
(`graph.resolve.Resolver`, then `graph.build._write_outputs`, writing into `OUT`); each
stage's CPU seconds
(`time.process_time`) and peak resident memory (`VmHWM`, reset at the start of the stage through
`/proc/self/clear_refs`, Linux only) are printed as one JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from graph.build import BuildOptions, BuildReport, _Stopwatch, _write_outputs
from graph.cache import ExtractionCache
from graph.ingest import discover, read_articles
from graph.model import ArticleExtraction, EntityRef, Fact, Skipped
from graph.resolve import Resolver


def _status_mib(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise OSError(f"no {field} in /proc/self/status")


def peak_rss_mib() -> float:
    """The process's peak resident memory since the last reset (VmHWM), in MiB."""
    return _status_mib("VmHWM")


def rss_mib() -> float:
    """The process's resident memory now (VmRSS), in MiB."""
    return _status_mib("VmRSS")


def reset_peak_rss() -> None:
    """Make VmHWM the current resident memory (Linux: write 5 to /proc/self/clear_refs)."""
    Path("/proc/self/clear_refs").write_text("5")


class MeasuredStopwatch(_Stopwatch):
    """The build's stopwatch, also recording CPU seconds and peak memory per stage."""

    def __init__(self) -> None:
        super().__init__()
        self.cpu: dict[str, float] = {}
        self.peak_mib: dict[str, float] = {}
        self.start_mib: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        """A stage timed more than once adds up its CPU seconds and keeps its highest peak."""
        reset_peak_rss()
        self.start_mib.setdefault(stage, round(rss_mib(), 1))
        cpu = time.process_time()
        with super().__call__(stage):
            yield
        self.cpu[stage] = round(self.cpu.get(stage, 0.0) + time.process_time() - cpu, 3)
        self.peak_mib[stage] = max(self.peak_mib.get(stage, 0.0), round(peak_rss_mib(), 1))


def cached_extractions(build_dir: Path, inputs: list[Path]) -> list[ArticleExtraction]:
    """The extractions of `inputs` from `build_dir`'s cache, in the build's input order."""
    cache_dir = Path(build_dir) / "cache"
    folders = [folder for folder in cache_dir.iterdir() if folder.is_dir()]
    fingerprint = max(folders, key=lambda folder: sum(1 for _ in folder.rglob("*"))).name
    cache = ExtractionCache(cache_dir, fingerprint)
    files, _ = discover(inputs)
    extractions = []
    for item in read_articles(files):
        if isinstance(item, Skipped):
            continue
        found = cache.get(item)
        if found is None:
            raise SystemExit(f"{item.source} is not in {cache_dir}/{fingerprint}")
        extractions.append(found)
    return extractions


def renamed(extraction: ArticleExtraction, copy: int) -> ArticleExtraction:
    """The same extraction under other names: every key (the article's too) `<key>-c<copy>`."""
    def ref(value: EntityRef) -> EntityRef:
        return EntityRef(value.type, f"{value.key}-c{copy}")

    source = extraction.article.source
    stem, dot, extension = source.rpartition(".")
    article = replace(extraction.article,
                      source=f"{stem}-c{copy}.{extension}" if dot else f"{source}-c{copy}")
    if article.key != f"{extraction.article.key}-c{copy}":
        raise ValueError(f"{source}: cannot rename this article's key")
    entities = tuple(replace(entity, ref=ref(entity.ref)) for entity in extraction.entities)
    facts = tuple(
        Fact(ref(fact.subject), fact.relation,
             ref(fact.object) if isinstance(fact.object, EntityRef) else fact.object,
             fact.evidence, fact.confidence, article.key)
        for fact in extraction.facts)
    return ArticleExtraction(article, entities, facts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir", type=Path)
    parser.add_argument("inputs", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args(argv)
    extractions = cached_extractions(args.build_dir, args.inputs)
    originals = list(extractions)
    extractions += [renamed(extraction, copy) for copy in range(1, args.copies)
                    for extraction in originals]
    del originals
    args.out.mkdir(parents=True, exist_ok=True)
    report = BuildReport(out=args.out, inputs=[str(path) for path in args.inputs],
                         started=dt.datetime.now(dt.UTC))
    stopwatch = MeasuredStopwatch()
    base_mib = round(peak_rss_mib(), 1)
    cpu = time.process_time()
    # As in the build, resolution folds each extraction (here all at once), then resolves.
    resolver = Resolver(keep_texts=False)
    with stopwatch("resolve"):
        for extraction in extractions:
            resolver.add(extraction)
        extractions.clear()
    _write_outputs(resolver, BuildOptions(), report, stopwatch, args.out)
    total_cpu = round(time.process_time() - cpu, 3)
    (args.out / "report.json").write_text(json.dumps(
        {"counts": report.counts, "shacl": report.shacl}, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps({"articles": len(report.read) or report.counts.get("articles"),
                      "triples": report.counts.get("triples"), "before_mib": base_mib,
                      "cpu": stopwatch.cpu, "peak_mib": stopwatch.peak_mib,
                      "start_mib": stopwatch.start_mib,
                      "outputs_cpu": total_cpu,
                      "outputs_peak_mib": max(stopwatch.peak_mib.values())}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

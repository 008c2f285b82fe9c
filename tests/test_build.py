"""The build: outputs, report.json, bad inputs, --strict, the cache, the lock, SIGKILL safety."""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph

import graph.build
from graph.build import BuildOptions, _file_error, build
from graph.errors import (
    FileAccessError,
    InputNotFoundError,
    NoArticlesError,
    OutputLockedError,
    OutputNotWritableError,
    ShapeViolationError,
    StrictInputError,
)
from graph.fsutil import STAGING_PREFIX, build_lock
from graph.resolve import Resolver
from graph.shacl import ValidationResult
from graph.store import open_store

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
GOOD_BAD_INPUTS = {  # the fixtures that are read (some with a warning)
    "good.txt", "latin1.txt", "utf16_bom.txt", "crlf.txt", "bad_date.txt", "control_chars.txt",
    "duplicate_a.txt", "page.html",
}
REPORT_KEYS = {"version", "started", "finished", "inputs", "outputs", "read", "skipped", "counts",
               "timings", "cache", "shacl"}

PREFIXES = """
PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
"""


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text("utf-8"))


def _outputs(out: Path) -> dict[str, bytes]:
    """The build's files (the store as its triple count) for before/after comparisons."""
    state = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html",
                                                          "report.json")}
    store = open_store(out)
    state["store"] = str(len(store)).encode()
    del store
    return state


def _article_sources(out: Path) -> set[str]:
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    rows = graph.query(PREFIXES + "SELECT ?s WHERE { ?a a dg:Article ; dct:source ?s }")
    return {str(row.s) for row in rows}


# --- the sample articles, end to end ------------------------------------------------------------

@pytest.mark.slow
def test_seeds_build_writes_every_output(built_seeds: Path) -> None:
    for name in ("graph.ttl", "graph.html", "report.json"):
        assert (built_seeds / name).stat().st_size > 0
    report = _report(built_seeds)
    assert set(report) == REPORT_KEYS
    assert report["counts"]["articles"] == 5
    assert report["skipped"] == []
    assert {entry["source"] for entry in report["read"]} == {path.name for path in
                                                             SEEDS.glob("*.txt")}
    graph = Graph().parse(built_seeds / "graph.ttl", format="turtle")
    assert report["counts"]["triples"] == len(graph)
    store = open_store(built_seeds)
    assert len(store) == len(graph)
    assert report["shacl"]["conforms"] is True, report["shacl"]["violations"][:5]
    assert set(report["timings"]) >= {"ingest", "extract", "resolve", "rdf", "shacl+turtle",
                                      "store", "html", "total"}
    assert "<html" in (built_seeds / "graph.html").read_text("utf-8")[:2000].lower()


@pytest.mark.slow
def test_seeds_bui_thanh_son_is_minister_of_foreign_affairs_with_provenance(
    built_seeds: Path,
) -> None:
    query = PREFIXES + """
    SELECT ?source ?evidence ?observed ?date WHERE {
      ?person rdfs:label "Bui Thanh Son" ; dg:holdsRole ?role .
      ?role rdfs:label|skos:altLabel ?roleName .
      FILTER(LCASE(STR(?roleName)) = "minister of foreign affairs")
      ?statement a rdf:Statement ; rdf:subject ?person ; rdf:predicate dg:holdsRole ;
                 rdf:object ?role ; prov:wasDerivedFrom ?article ; dg:evidence ?evidence ;
                 dg:confidence ?confidence .
      ?article a dg:Article ; dct:source ?source .
      OPTIONAL { ?statement dg:observedOn ?observed }
      OPTIONAL { ?article dct:date ?date }
    }"""
    graph = Graph().parse(built_seeds / "graph.ttl", format="turtle")
    rows = list(graph.query(query))
    assert rows, "no provenance for Bui Thanh Son holdsRole Minister of Foreign Affairs"
    for row in rows:
        # Whitespace aside (extraction repairs words glued by lost spaces), the evidence is a
        # sentence of that very article.
        article_text = "".join((SEEDS / str(row.source)).read_text("utf-8").split())
        evidence = str(row.evidence)
        assert "Son" in evidence
        assert "".join(evidence.split()) in article_text
        assert row.observed == row.date  # observed on the article's date (both unset if unknown)
    # The embedded store answers the same question.
    store = open_store(built_seeds)
    assert len(list(store.query(query))) == len(rows)


# --- bad inputs ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_bad_inputs_are_reported_and_good_files_still_built(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # generated, never committed
        chunk = b"The minister met the ambassador in Hanoi. " * 1000
        while handle.tell() < 9 * 1024 * 1024:
            handle.write(chunk)
    out = tmp_path / "out"
    report = build([BAD_INPUTS, huge], out, BuildOptions())

    on_disk = _report(out)
    assert on_disk == json.loads(json.dumps(report.to_json()))
    assert {entry["source"] for entry in on_disk["read"]} == GOOD_BAD_INPUTS
    skipped = {Path(entry["source"]).name: entry["reason"] for entry in on_disk["skipped"]}
    assert set(skipped) == {"empty.txt", "whitespace.txt", "binary.txt", "pdf_named_txt.txt",
                            "header_only.txt", "vietnamese.txt", "duplicate_b.txt", "huge.txt"}
    assert skipped["huge.txt"].startswith("too large")
    assert skipped["duplicate_b.txt"] == f"duplicate of {BAD_INPUTS / 'duplicate_a.txt'}"
    warnings = {entry["source"]: entry["warnings"] for entry in on_disk["read"]}
    assert warnings["good.txt"] == []
    assert any("Windows-1252" in warning for warning in warnings["latin1.txt"])
    assert warnings["page.html"] == ["HTML markup removed"]

    # One clear line per problem in the printed summary.
    summary = report.summary()
    for name in skipped:
        assert sum(name in line and line.strip().startswith("skipped")
                   for line in summary.splitlines()) == 1
    assert "warning " + str(BAD_INPUTS / "latin1.txt") in summary

    assert _article_sources(out) == GOOD_BAD_INPUTS
    turtle = (out / "graph.ttl").read_text("utf-8")
    assert "communiqué" in turtle  # Latin-1 decoded, not mojibake
    assert "\x07" not in turtle and "\x1b" not in turtle
    store = pyoxigraph.Store.read_only(str(out / "store"))
    assert len(store) == on_disk["counts"]["triples"]


@pytest.mark.parametrize("name", ["empty.txt", "vietnamese.txt", "latin1.txt"])
def test_strict_makes_any_problem_fatal_and_keeps_the_output(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous")
    with pytest.raises(StrictInputError, match=rf"--strict: .*{name}: "):
        build([BAD_INPUTS / name], out, BuildOptions(strict=True))
    assert (out / "graph.ttl").read_text() == "previous"
    assert sorted(path.name for path in out.iterdir()) == [".lock", "graph.ttl"]


def test_the_garbage_collector_runs_again_after_the_output_stages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert gc.isenabled()
    build([BAD_INPUTS / "good.txt"], tmp_path / "out")
    assert gc.isenabled()
    monkeypatch.setattr("graph.build.BlockValidator.result",
                        lambda self: ValidationResult(False, ["person:x: a violation"]))
    with pytest.raises(ShapeViolationError):
        build([BAD_INPUTS / "good.txt"], tmp_path / "strict", BuildOptions(strict=True))
    assert gc.isenabled()


def test_the_outputs_are_written_without_a_graph_of_every_triple(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def whole_graph(kb):
        raise AssertionError("an rdflib graph of the whole knowledge base was made")

    monkeypatch.setattr("graph.rdf.to_graph", whole_graph)
    monkeypatch.setattr("graph.triples.to_graph", whole_graph)
    report = build([BAD_INPUTS / "good.txt"], tmp_path / "out")
    assert report.shacl["conforms"] and report.counts["triples"] > 0
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert len(graph) == report.counts["triples"]


def test_missing_input_touches_nothing(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="input not found"):
        build([tmp_path / "nowhere"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_no_readable_article_says_why(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(BAD_INPUTS / "empty.txt", corpus)
    shutil.copy(BAD_INPUTS / "binary.txt", corpus)
    with pytest.raises(NoArticlesError, match=r"no readable articles .*empty file"):
        build([corpus], tmp_path / "out")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(NoArticlesError):
        build([empty], tmp_path / "out")


def test_locked_output_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with build_lock(out), pytest.raises(OutputLockedError, match="another build is writing"):
        build([BAD_INPUTS / "good.txt"], out)


@pytest.mark.slow
def test_rebuild_uses_the_cache_and_drops_removed_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("good.txt", "crlf.txt"):
        shutil.copy(BAD_INPUTS / name, corpus)
    out = tmp_path / "out"
    first = build([corpus], out)
    assert first.cache == {"hits": 0, "misses": 2}
    turtle = (out / "graph.ttl").read_bytes()

    # Another title rebuilds the outputs (nothing changed would be a no-op) from the cache.
    again = build([corpus], out, BuildOptions(title="Another title"))
    assert again.cache == {"hits": 2, "misses": 0}
    assert (out / "graph.ttl").read_bytes() == turtle  # cached extraction, same graph

    full = build([corpus], out, BuildOptions(full=True))
    assert full.cache == {"hits": 0, "misses": 2}

    (corpus / "crlf.txt").unlink()
    fewer = build([corpus], out)
    assert fewer.cache == {"hits": 1, "misses": 0}
    assert _article_sources(out) == {"good.txt"}
    assert "crlf" not in (out / "graph.ttl").read_text("utf-8")
    assert _report(out)["cache"] == {"hits": 1, "misses": 0}


def test_each_extraction_is_resolved_as_it_comes_without_its_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("good.txt", "crlf.txt"):
        shutil.copy(BAD_INPUTS / name, corpus)
    added: list[tuple[str, bool]] = []  # (article key, whether the resolver keeps its text)
    add = Resolver.add

    def recording_add(self: Resolver, extraction) -> None:
        added.append((extraction.article.key, self.keep_texts))
        add(self, extraction)

    folded_before: list[int] = []  # extractions resolved when the next one was extracted
    extract_all = graph.build.extract_all

    def recording_extract_all(*args, **kwargs):
        for extraction in extract_all(*args, **kwargs):
            folded_before.append(len(added))
            yield extraction

    monkeypatch.setattr(Resolver, "add", recording_add)
    monkeypatch.setattr("graph.build.extract_all", recording_extract_all)
    out = tmp_path / "out"
    build([corpus], out)
    assert folded_before == [0, 1]  # no list of every extraction waits for resolution
    assert sorted(added) == [("crlf", False), ("good", False)]
    turtle = (out / "graph.ttl").read_bytes()

    added.clear()
    again = build([corpus], out, BuildOptions(title="Another title"))  # every one cached
    assert again.cache == {"hits": 2, "misses": 0} and len(added) == 2
    assert (out / "graph.ttl").read_bytes() == turtle


# --- processes: a second build, and builds killed at several points ----------------------------

def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "graph", "build", *args]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen) -> bool:
    """Poll until `condition` holds (True) or the process ends first (False)."""
    while process.poll() is None:
        if condition():
            return True
        time.sleep(0.002)
    return False


def _staged(out: Path, name: str) -> Callable[[], bool]:
    return lambda: any((staging / name).exists() for staging in out.glob(STAGING_PREFIX + "*"))


@pytest.mark.slow
def test_second_concurrent_build_stops_with_a_clear_message(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"  # big enough that the first build is still running
    corpus.mkdir()
    story = (BAD_INPUTS / "good.txt").read_text("utf-8")
    for number in range(300):
        (corpus / f"{number:03}.txt").write_text(story.replace("March 3", f"day {number}"))
    out = tmp_path / "out"
    first = subprocess.Popen(_cli(str(corpus), "--out", str(out), "-q"), cwd=REPO, env=_env(),
                             stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(lambda: any(out.glob(STAGING_PREFIX + "*")), first)
        second = subprocess.run(_cli(str(SEEDS), "--out", str(out)), cwd=REPO, env=_env(),
                                capture_output=True, text=True, timeout=120)
        still_running = first.poll() is None
    finally:
        first.kill()
        first.wait()
    assert still_running
    assert second.returncode == 1
    assert second.stderr == (f"diplograph: error: another build is writing {out} "
                             f"(lock held by pid {first.pid}); wait for it to finish\n")
    assert not (out / "report.json").exists()  # the second build wrote nothing either


@pytest.mark.slow
def test_sigkill_at_any_stage_keeps_the_previous_output_and_the_next_build_completes(
    tmp_path: Path,
) -> None:
    previous = tmp_path / "previous"
    previous.mkdir()
    shutil.copy(BAD_INPUTS / "good.txt", previous)
    out = tmp_path / "out"
    assert subprocess.run(_cli(str(previous), "--out", str(out), "-q"), cwd=REPO,
                          env=_env(), timeout=300).returncode == 0
    before = _outputs(out)

    # Each point is followed by seconds of work before the commit, so the kill lands before it;
    # a crash inside the commit itself is covered step by step in test_fsutil.
    kill_points = {
        "at start": lambda: True,
        "in extraction (lock held, staging made)": lambda: any(out.glob(STAGING_PREFIX + "*")),
        "turtle written": _staged(out, "graph.ttl"),
        "loading the store": lambda: any(out.glob(STAGING_PREFIX + "*/.store.new-*")),
        "store written (rendering the view)": _staged(out, "store"),
    }
    killed_at = []
    for point, condition in kill_points.items():
        process = subprocess.Popen(_cli(str(SEEDS), "--out", str(out), "-q"), cwd=REPO,
                                   env=_env(), stderr=subprocess.DEVNULL)
        reached = _wait_for(condition, process)
        process.send_signal(signal.SIGKILL)
        process.wait()
        if reached:
            killed_at.append(point)
        assert _outputs(out) == before, f"output changed by a build killed {point}"
    assert len(killed_at) >= 3, killed_at  # most points were really hit

    rerun = subprocess.run(_cli(str(SEEDS), "--out", str(out), "-q"), cwd=REPO, env=_env(),
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert _report(out)["counts"]["articles"] == 5
    assert _article_sources(out) == {path.name for path in SEEDS.glob("*.txt")}
    assert not list(out.glob(STAGING_PREFIX + "*"))
    assert not (out / ".commit").exists()


@pytest.mark.parametrize(
    ("failed", "expected"),
    [
        ("out/staging/graph.ttl", OutputNotWritableError),
        ("out", OutputNotWritableError),
        (None, OutputNotWritableError),
        ("elsewhere/reference/roles.tsv", FileAccessError),
    ],
)
def test_a_failed_file_is_blamed_on_the_output_only_when_it_is_in_the_output(
    tmp_path: Path, failed: str | None, expected: type
) -> None:
    error = OSError(2, "No such file or directory", str(tmp_path / failed) if failed else None)
    blamed = _file_error(error, tmp_path / "out")
    assert type(blamed) is expected
    if failed and expected is FileAccessError:
        assert failed in str(blamed)


# --- the up-to-date check -----------------------------------------------------------------------

def _snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `out` (the lock aside) with its bytes and modification time."""
    return {path.relative_to(out).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(out.rglob("*")) if path.is_file() and path.name != ".lock"}


def _two_article_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("good.txt", "crlf.txt"):
        shutil.copy(BAD_INPUTS / name, corpus)
    return corpus


@pytest.mark.slow
def test_unchanged_rebuild_does_nothing_and_full_forces_it(tmp_path: Path) -> None:
    corpus = _two_article_corpus(tmp_path)
    out = tmp_path / "out"
    first = build([corpus], out)
    assert not first.up_to_date
    before = _snapshot(out)

    again = build([corpus], out, BuildOptions(workers=2))  # workers do not change the output
    assert again.up_to_date
    assert _snapshot(out) == before  # same bytes, same mtimes: nothing was rewritten
    assert "up to date" in again.summary()
    assert again.counts == first.counts and again.shacl == first.shacl

    forced = build([corpus], out, BuildOptions(full=True))
    assert not forced.up_to_date
    assert forced.cache == {"hits": 0, "misses": 2}
    assert (out / "report.json").stat().st_mtime_ns != before["report.json"][1]


def _edit_article(corpus: Path) -> None:
    path = corpus / "good.txt"
    text = path.read_text("utf-8")
    path.write_text(text.replace("Japanese Ambassador", "Korean Ambassador", 1), "utf-8")


def _add_article(corpus: Path) -> None:
    shutil.copy(BAD_INPUTS / "latin1.txt", corpus)


def _remove_article(corpus: Path) -> None:
    (corpus / "crlf.txt").unlink()


@pytest.mark.slow
@pytest.mark.parametrize(("change", "options"), [
    (_edit_article, BuildOptions()),
    (_add_article, BuildOptions()),
    (_remove_article, BuildOptions()),
    (lambda corpus: None, BuildOptions(strict=True)),
    (lambda corpus: None, BuildOptions(title="Another title")),
], ids=["edited", "added", "removed", "strict", "title"])
def test_changed_input_or_option_rebuilds(tmp_path: Path, change: Callable[[Path], None],
                                          options: BuildOptions) -> None:
    corpus = _two_article_corpus(tmp_path)
    out = tmp_path / "out"
    build([corpus], out)
    turtle = (out / "graph.ttl").read_bytes()
    first_report = (out / "report.json").stat().st_ino
    change(corpus)
    again = build([corpus], out, options)
    assert not again.up_to_date
    assert (out / "report.json").stat().st_ino != first_report  # the outputs were written anew
    assert build([corpus], out, options).up_to_date  # and were recorded as the new state
    if change is _edit_article:
        assert (out / "graph.ttl").read_bytes() != turtle


def _delete_store(out: Path) -> None:
    shutil.rmtree(out / "store")


def _edit_turtle(out: Path) -> None:
    with (out / "graph.ttl").open("a", encoding="utf-8") as handle:
        handle.write("# edited by hand\n")


def _delete_state(out: Path) -> None:
    (out / ".build-state.json").unlink()


@pytest.mark.slow
@pytest.mark.parametrize("damage", [_delete_store, _edit_turtle, _delete_state],
                         ids=["store deleted", "graph.ttl edited", "state deleted"])
def test_damaged_output_is_rebuilt(tmp_path: Path, damage: Callable[[Path], None]) -> None:
    corpus = _two_article_corpus(tmp_path)
    out = tmp_path / "out"
    build([corpus], out)
    turtle = (out / "graph.ttl").read_bytes()
    damage(out)
    again = build([corpus], out)
    assert not again.up_to_date
    assert (out / "graph.ttl").read_bytes() == turtle
    assert len(open_store(out)) == again.counts["triples"]

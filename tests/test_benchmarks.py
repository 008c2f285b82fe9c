"""The benchmark tools run and measure the right things on a tiny corpus (no timing asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.namespace import RDFS

from benchmarks import run as bench
from benchmarks.generate_corpus import article, generate, main, write_corpus
from graph.errors import StoreMissingError
from graph.ingest import read_article
from graph.model import Article
from graph.vocab import DG, ID


def test_generator_is_deterministic_and_prefix_stable() -> None:
    assert list(generate(5, seed=3)) == list(generate(5, seed=3))
    assert list(generate(3, seed=3)) == list(generate(5, seed=3))[:3]
    assert list(generate(2, seed=3, start=3)) == list(generate(5, seed=3))[3:]
    assert list(generate(5, seed=3)) != list(generate(5, seed=4))


def test_generated_articles_are_varied_and_readable(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path, 30, seed=1)
    assert len({path.name for path in paths}) == 30
    articles = [read_article(path) for path in paths]
    assert all(isinstance(item, Article) for item in articles), articles
    assert len({item.text for item in articles}) == 30  # type: ignore[union-attr]
    assert len({item.date for item in articles}) > 20  # type: ignore[union-attr]
    assert all(item.title and item.publisher for item in articles)  # type: ignore[union-attr]
    assert all(200 < len(item.text.split()) < 1000 for item in articles)  # type: ignore[union-attr]


def test_generator_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "corpus"), "--count", "3", "--seed", "2"]) == 0
    assert "wrote 3 articles" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == [
        article(n, 2)[0] for n in range(3)
    ]


def test_replicated_ntriples_renames_resources_and_blank_nodes() -> None:
    import rdflib

    from graph.vocab import DG, ID

    base = (
        f"<{ID}person/a> <{DG.met}> <{ID}person/b> .\n"
        f"_:s1 <{DG.evidence}> \"a <{ID}person/a> in text\" .\n"
    ).encode()
    data, count = bench.replicated_ntriples(base, 5)
    assert count == 6
    graph = rdflib.Graph().parse(data=data.decode(), format="nt")
    assert len(graph) == 6  # every copy is distinct
    copy = (rdflib.URIRef(f"{ID}person/a-copy2"), DG.met, rdflib.URIRef(f"{ID}person/b-copy2"))
    assert copy in graph
    assert bench.replicated_ntriples(b"", 10) == (b"", 0)


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 4, seed=0)
    return folder


@pytest.mark.slow
def test_throughput_functions(tiny_corpus: Path, tmp_path: Path) -> None:
    texts = bench.ingested_texts(tiny_corpus)
    assert len(texts) == 4
    words = bench.count_words(texts)
    bare = bench.bare_spacy(texts, batch_size=2)
    assert bare.words == words and bare.seconds > 0
    extraction = bench.extraction_only(tiny_corpus, workers=1, batch_size=2)
    assert extraction.words == words
    timed, stages = bench.timed_build(tiny_corpus, tmp_path / "out", words=words)
    assert timed.words == words
    assert (tmp_path / "out" / "graph.ttl").is_file()
    assert "extract" in stages


@pytest.mark.slow
def test_incremental_rebuild_leaves_the_corpus_alone(tiny_corpus: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tiny_corpus.iterdir())
    figures = bench.incremental_rebuild(tiny_corpus, tmp_path, seed=0)
    assert set(figures) == {"full", "unchanged", "one_new", "one_new_extract"}
    assert sorted(p.name for p in tiny_corpus.iterdir()) == before
    assert len(list((tmp_path / "incremental-corpus").glob("*.txt"))) == 5


@pytest.mark.slow
def test_peak_rss_and_sparql_latency(tiny_corpus: Path, tmp_path: Path) -> None:
    rss, seconds = bench.peak_rss(tiny_corpus, tmp_path / "out")
    assert rss > 50 * 1024 * 1024  # the spaCy model alone is bigger than this
    assert seconds > 0
    base = bench.build_ntriples(tmp_path / "out")
    data, count = bench.replicated_ntriples(base, 3 * len(base.splitlines()))
    queries = bench.example_queries(bench.QUERIES_DIR, bench.BENCH_QUERIES_DIR)
    assert "benchmarks/queries/counts_by_class.rq" in queries
    result = bench.sparql_latency(data, queries, tmp_path, repeats=1)
    assert result.triples == count
    assert result.oxigraph_load_s > 0 and result.rdflib_load_s > 0
    assert [t.name for t in result.timings] == list(queries)
    by_name = {t.name: t for t in result.timings}
    counts = by_name["benchmarks/queries/counts_by_class.rq"]
    assert counts.rows > 3 and counts.rdflib.rows == counts.rows
    assert counts.oxigraph.ms is not None and counts.rdflib.ms is not None
    assert not (tmp_path / "sparql-store").exists()


# A small graph of one shape: 40 people, each a member of one of 4 bodies.
TINY_NT = "".join(
    f"<{ID}person/p{n}> <{DG.memberOf}> <{ID}organization/o{n % 4}> .\n"
    f"<{ID}person/p{n}> <{RDFS.label}> \"Person {n}\" .\n"
    for n in range(40)
).encode()
# 80^6 (~2.6e11) combinations: no engine finishes this, so it always meets the limit.
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
    f"?s{n} ?p{n} ?o{n} ." for n in range(6)) + " }"
# rdflib's engine raises NotBoundError on GROUP_CONCAT(DISTINCT ...) of a variable an OPTIONAL
# left unbound (as in queries/documents-by-issuer.rq); pyoxigraph gives empty strings.
UNBOUND_IN_GROUP_CONCAT = (
    f"SELECT ?s (GROUP_CONCAT(DISTINCT ?missing) AS ?all) WHERE {{ ?s <{DG.memberOf}> ?o "
    f"OPTIONAL {{ ?s <{DG.holdsRole}> ?missing }} }} GROUP BY ?s"
)
MEMBERS = f"SELECT ?s WHERE {{ ?s <{DG.memberOf}> <{ID}organization/o1> }}"


def test_sparql_latency_stops_a_query_past_the_limit_on_both_engines(tmp_path: Path) -> None:
    import multiprocessing

    result = bench.sparql_latency(TINY_NT, {"cross": CROSS_PRODUCT}, tmp_path, repeats=2,
                                  limit_s=0.2)
    assert result.triples == 80
    (cross,) = result.timings
    for latency in (cross.oxigraph, cross.rdflib):
        assert latency.over_limit and latency.limit_s == 0.2
        assert latency.ms is None and latency.rows is None
        assert latency.cell() == "> 0.2 s (limit)"
    assert cross.ratio() == ""
    assert multiprocessing.active_children() == []  # the stopped children are gone


def test_sparql_latency_reports_rows_and_engine_failures(tmp_path: Path) -> None:
    queries = {"members": MEMBERS, "unbound": UNBOUND_IN_GROUP_CONCAT}
    result = bench.sparql_latency(TINY_NT, queries, tmp_path, repeats=2)
    members, unbound = result.timings
    assert members.rows == members.rdflib.rows == 10
    assert members.oxigraph.ms is not None and members.rdflib.ms is not None
    assert not members.oxigraph.over_limit and not members.rdflib.over_limit
    assert unbound.oxigraph.rows == 40 and unbound.oxigraph.ms is not None
    assert unbound.rdflib.error == "NotBoundError" and unbound.rdflib.ms is None
    assert unbound.rdflib.cell() == "fails: NotBoundError"


def test_limited_latency_reports_a_child_that_dies() -> None:
    import os

    def crash() -> int:
        os._exit(3)

    latency = bench.limited_latency(crash, repeats=1, budget_s=1.0, limit_s=60.0)
    assert latency.error == "child process exited with code 3"
    assert latency.ms is None and not latency.over_limit


@pytest.mark.parametrize(("oxigraph", "rdflib", "cells"), [
    (bench.Latency(2.0, 3), bench.Latency(80.0, 3), ("2.0", "80.0", "40x")),
    (bench.Latency(2.0, 3), bench.Latency(3.0, 3), ("2.0", "3.0", "1.5x")),
    (bench.Latency(2.0, 3), bench.Latency(limit_s=60.0), ("2.0", "> 60 s (limit)", "> 30,000x")),
    (bench.Latency(2.0, 3), bench.Latency(error="NotBoundError"),
     ("2.0", "fails: NotBoundError", "")),
    (bench.Latency(limit_s=60.0), bench.Latency(15_000.0, 3),
     ("> 60 s (limit)", "15,000.0", "< 0.2x")),
    (bench.Latency(limit_s=60.0), bench.Latency(limit_s=60.0),
     ("> 60 s (limit)", "> 60 s (limit)", "")),
    (bench.Latency(error="ValueError"), bench.Latency(5.0, 1), ("fails: ValueError", "5.0", "")),
])
def test_latency_cells(oxigraph: bench.Latency, rdflib: bench.Latency,
                       cells: tuple[str, str, str]) -> None:
    timing = bench.QueryTiming("q", oxigraph, rdflib)
    assert (timing.oxigraph.cell(), timing.rdflib.cell(), timing.ratio()) == cells


def test_graph_ntriples_reads_a_file_or_a_build_folder(tmp_path: Path) -> None:
    import rdflib

    expected = rdflib.Graph().parse(data=TINY_NT.decode(), format="nt")
    turtle = tmp_path / "graph.ttl"
    expected.serialize(turtle, format="turtle")
    from_file = rdflib.Graph().parse(data=bench.graph_ntriples(turtle).decode(), format="nt")
    assert from_file.isomorphic(expected)
    with pytest.raises(StoreMissingError):
        bench.graph_ntriples(tmp_path)  # a folder without a built store


def test_peak_rss_reports_a_failed_build(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="build failed"):
        bench.peak_rss(tmp_path / "missing", tmp_path / "out")


def test_quick_run_prints_every_section(
    tiny_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls: list[str] = []

    def fake(name: str, value: object):
        def measure(*args: object, **kwargs: object) -> object:
            calls.append(name)
            return value
        return measure

    timed = bench.Timed(1000, 1.0)
    monkeypatch.setattr(bench, "bare_spacy", fake("bare", timed))
    monkeypatch.setattr(bench, "extraction_only", fake("extract", timed))
    monkeypatch.setattr(bench, "timed_build", fake("build", (timed, {"extract": 0.5})))
    monkeypatch.setattr(bench, "incremental_rebuild", fake("incremental", dict.fromkeys(
        ("full", "unchanged", "one_new", "one_new_extract"), 1.0)))
    monkeypatch.setattr(bench, "peak_rss", fake("rss", (300 * 1024 * 1024, 2.0)))
    monkeypatch.setattr(bench, "build_ntriples", fake("dump", b""))
    monkeypatch.setattr(bench, "sparql_latency", fake("sparql", bench.SparqlRun(10, 0.5, 2.5, [
        bench.QueryTiming("queries/q.rq", bench.Latency(1.0, 3), bench.Latency(20.0, 3)),
        bench.QueryTiming("queries/slow.rq", bench.Latency(4.0, 7), bench.Latency(limit_s=9.0)),
    ])))
    assert bench.main(["--quick", "--work", str(tmp_path), "--query-timeout-s", "9"]) == 0
    out = capsys.readouterr().out
    for heading in ("Build throughput", "Incremental rebuild", "Peak memory", "SPARQL latency"):
        assert f"## {heading}" in out
    assert "| queries/q.rq | 3 | 1.0 | 20.0 | 20x |" in out
    assert "| queries/slow.rq | 7 | 4.0 | > 9 s (limit) | > 2,250x |" in out
    assert "Over the 9 s limit on pyoxigraph: none." in out
    assert "Over the 9 s limit on rdflib: queries/slow.rq." in out
    assert "pyoxigraph bulk load 0.5 s, rdflib parse 2.5 s" in out
    assert calls.count("build") == 2 and calls.count("rss") == 2


def test_renamed_extractions_are_the_same_under_other_names() -> None:
    from benchmarks.bench_outputs import renamed
    from graph.model import ArticleExtraction, Entity, EntityRef, EntityType, Fact, Relation

    article = Article(source="dir/000_a.txt", text="t", content_hash="0")
    person = EntityRef(EntityType.PERSON, "son")
    extraction = ArticleExtraction(article, (Entity(person, "Son"),), (
        Fact(person, Relation.MENTIONED_IN, article.ref, "Son.", 0.5, article.key),
        Fact(person, Relation.DATE, "2020", "Son.", 0.5, article.key)))
    copy = renamed(extraction, 3)
    assert copy.article.key == f"{article.key}-c3"
    assert copy.entities[0].ref == EntityRef(EntityType.PERSON, "son-c3")
    mention, date = copy.facts
    assert mention.object == copy.article.ref and mention.article == copy.article.key
    assert date.object == "2020" and date.subject == copy.entities[0].ref


def test_measured_stopwatch_records_cpu_and_memory_per_stage() -> None:
    from benchmarks.bench_outputs import MeasuredStopwatch, peak_rss_mib, rss_mib

    stopwatch = MeasuredStopwatch()
    with stopwatch("stage"):
        block = bytearray(64 << 20)  # touched: 64 MiB resident
        del block
    assert set(stopwatch.cpu) == set(stopwatch.peak_mib) == set(stopwatch.start_mib) == {"stage"}
    assert stopwatch.peak_mib["stage"] >= stopwatch.start_mib["stage"] + 60
    assert stopwatch.seconds["stage"] >= 0  # still the build's stopwatch
    assert peak_rss_mib() >= rss_mib() > 0


@pytest.mark.slow
def test_output_stages_measured_from_cached_extractions(
        tiny_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from benchmarks.bench_outputs import cached_extractions, main
    from graph.build import build

    build([tiny_corpus], tmp_path / "built")
    assert len(cached_extractions(tmp_path / "built", [tiny_corpus])) == 4
    assert main([str(tmp_path / "built"), str(tiny_corpus), "--out", str(tmp_path / "out"),
                 "--copies", "2"]) == 0
    figures = json.loads(capsys.readouterr().out)
    stages = {"resolve", "rdf", "shacl+turtle", "html", "store"}
    assert set(figures["cpu"]) == set(figures["peak_mib"]) == stages
    built = json.loads((tmp_path / "built" / "report.json").read_text())
    assert figures["triples"] == 2 * built["counts"]["triples"]
    assert (tmp_path / "out" / "graph.ttl").is_file()

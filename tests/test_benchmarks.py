"""The benchmark tools run and measure the right things on a tiny corpus (no timing asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import run as bench
from benchmarks.generate_corpus import article, generate, main, write_corpus
from graph.ingest import read_article
from graph.model import Article


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
    triples, timings = bench.sparql_latency(data, queries, tmp_path, repeats=1)
    assert triples == count
    assert [t.name for t in timings] == list(queries)
    by_name = {t.name: t for t in timings}
    assert by_name["benchmarks/queries/counts_by_class.rq"].rows > 3


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
    monkeypatch.setattr(bench, "sparql_latency", fake("sparql", (10, [
        bench.QueryTiming("queries/q.rq", 3, 1.0, 20.0)])))
    assert bench.main(["--quick", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for heading in ("Build throughput", "Incremental rebuild", "Peak memory", "SPARQL latency"):
        assert f"## {heading}" in out
    assert "| queries/q.rq | 3 | 1.0 | 20.0 | 20x |" in out
    assert calls.count("build") == 2 and calls.count("rss") == 2

"""graph.store: atomic bulk load, read-only opening, clear errors."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from sample_kb import sample_kb

from graph.errors import StoreError, StoreMissingError
from graph.rdf import serialize_turtle, to_graph, turtle_documents
from graph.store import load_graph, open_store, store_path, write_store


@pytest.fixture()
def graph() -> Graph:
    return to_graph(sample_kb())


def test_write_then_read_back_the_same_graph(tmp_path, graph):
    count = write_store(graph, store_path(tmp_path))
    assert count == len(graph)
    assert len(open_store(tmp_path)) == len(graph)
    assert isomorphic(load_graph(tmp_path), graph)


def test_rewriting_replaces_the_old_store_and_leaves_no_temporary_folders(tmp_path, graph):
    write_store(graph, store_path(tmp_path))
    smaller = Graph()
    for triple in list(graph)[:10]:
        smaller.add(triple)
    write_store(smaller, store_path(tmp_path))
    assert len(open_store(tmp_path)) == 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_the_store_is_opened_read_only(tmp_path, graph):
    write_store(graph, store_path(tmp_path))
    store = open_store(tmp_path)
    with pytest.raises((OSError, RuntimeError), match="read-write"):
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("http://x/s"),
                                  pyoxigraph.NamedNode("http://x/p"), pyoxigraph.Literal("o")))


def test_missing_store_says_to_build_first(tmp_path):
    with pytest.raises(StoreMissingError, match="diplograph build"):
        open_store(tmp_path / "nowhere")


def test_damaged_store_is_a_one_line_error(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "CURRENT").write_text("not rocksdb")
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path)
    assert "\n" not in str(caught.value)


def test_store_being_written_by_another_process_is_refused(tmp_path, graph):
    write_store(graph, store_path(tmp_path))
    writer = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, pyoxigraph
            store = pyoxigraph.Store({str(store_path(tmp_path))!r})
            print("open", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="open for writing"):
            open_store(tmp_path)
    finally:
        writer.communicate("", timeout=30)
    assert len(open_store(tmp_path)) == len(graph)


def test_a_failed_write_keeps_the_previous_store(tmp_path, graph, monkeypatch):
    write_store(graph, store_path(tmp_path))

    def broken(_graph):
        return b"<not valid n-triples"

    monkeypatch.setattr("graph.store.to_ntriples", broken)
    with pytest.raises(StoreError):
        write_store(graph, store_path(tmp_path))
    assert len(open_store(tmp_path)) == len(graph)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_store_from_turtle_bytes_holds_the_same_triples_as_from_the_graph(tmp_path, graph):
    from_graph = write_store(graph, tmp_path / "a" / "store")
    from_turtle = write_store(serialize_turtle(graph), tmp_path / "b" / "store")
    assert from_turtle == from_graph == len(graph)
    assert isomorphic(load_graph(tmp_path / "a"), load_graph(tmp_path / "b"))


def test_bad_turtle_bytes_raise_store_error_and_keep_the_old_store(tmp_path, graph):
    write_store(graph, store_path(tmp_path))
    with pytest.raises(StoreError):
        write_store(b"<not turtle", store_path(tmp_path))
    assert len(open_store(tmp_path)) == len(graph)


def test_store_from_a_turtle_file_holds_the_same_triples(tmp_path, graph):
    turtle = tmp_path / "graph.ttl"
    turtle.write_bytes(serialize_turtle(graph))
    assert write_store(turtle, store_path(tmp_path)) == len(graph)
    assert isomorphic(load_graph(tmp_path), graph)


def test_store_from_turtle_documents_loaded_in_turn_holds_the_same_triples(tmp_path, graph):
    turtle = tmp_path / "graph.ttl"
    turtle.write_bytes(serialize_turtle(graph))
    assert len(list(turtle_documents(turtle, size=500))) > 1
    assert write_store(turtle_documents(turtle, size=500), store_path(tmp_path)) == len(graph)
    assert isomorphic(load_graph(tmp_path), graph)


def test_a_store_written_without_counting_holds_the_same_triples(tmp_path, graph):
    turtle = tmp_path / "graph.ttl"
    turtle.write_bytes(serialize_turtle(graph))
    assert write_store(turtle_documents(turtle, size=500), store_path(tmp_path),
                       count=False) is None
    assert isomorphic(load_graph(tmp_path), graph)


def test_a_bad_or_missing_turtle_file_raises_store_error_and_keeps_the_old_store(tmp_path, graph):
    write_store(graph, store_path(tmp_path))
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(b"<not turtle")
    for turtle in (bad, tmp_path / "missing.ttl"):
        with pytest.raises(StoreError):
            write_store(turtle, store_path(tmp_path))
    assert len(open_store(tmp_path)) == len(graph)

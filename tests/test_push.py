"""graph.push: the SPARQL 1.1 Graph Store Protocol against a real `oxigraph serve` on loopback."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from sample_kb import sample_kb, write_sample_build

from graph.cli import main
from graph.errors import PushError, StoreMissingError
from graph.push import push, target_url
from graph.rdf import to_graph
from graph.serve import find_server

TRIPLES = len(to_graph(sample_kb()))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return write_sample_build(tmp_path_factory.mktemp("push") / "output")


@pytest.fixture()
def remote(tmp_path):
    """A read-write Oxigraph server with its own empty store; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [str(find_server()), "serve", "--location", str(tmp_path / "remote"),
         "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=5).close()
            break
        except OSError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=30)


def count(base: str, graph: str | None = None) -> int:
    pattern = "{ ?s ?p ?o }" if graph is None else f"{{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    query = urllib.parse.urlencode({"query": f"SELECT (COUNT(*) AS ?n) WHERE {pattern}"})
    request = urllib.request.Request(f"{base}/query?{query}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize(
    ("endpoint", "graph", "expected"),
    [
        ("http://h:1/store", None, "http://h:1/store?default"),
        ("http://h:1/store", "https://example.org/g?x=1",
         "http://h:1/store?graph=https%3A%2F%2Fexample.org%2Fg%3Fx%3D1"),
        ("https://h/ds/data?token=a", None, "https://h/ds/data?token=a&default"),
    ],
)
def test_target_url(endpoint, graph, expected):
    assert target_url(endpoint, graph) == expected


@pytest.mark.parametrize(
    ("endpoint", "graph"),
    [("ftp://h/store", None), ("not a url", None), ("http://h/store", "has space"),
     ("http://h/store", "relative/iri")],
)
def test_bad_endpoint_or_graph(endpoint, graph):
    with pytest.raises(PushError):
        target_url(endpoint, graph)


@pytest.mark.external
def test_push_to_the_default_graph_replaces_it(built, remote):
    assert push(built, f"{remote}/store") == TRIPLES
    assert push(built, f"{remote}/store") == TRIPLES  # PUT again: replaced, not doubled
    assert count(remote) == TRIPLES


@pytest.mark.external
def test_push_to_a_named_graph_and_append(built, remote):
    graph = "https://example.org/diplograph"
    assert push(built, f"{remote}/store", graph_iri=graph) == TRIPLES
    assert count(remote, graph) == TRIPLES
    other = "https://example.org/other"
    push(built, f"{remote}/store", graph_iri=other, append=True)
    push(built, f"{remote}/store", graph_iri=other, append=True)
    assert count(remote, other) == TRIPLES  # the same triples twice are one set


@pytest.mark.external
def test_http_errors_are_reported(built, remote):
    with pytest.raises(PushError, match="HTTP 404"):
        push(built, f"{remote}/no-such-path")


def test_unreachable_endpoint(built):
    with pytest.raises(PushError, match="refused"):
        push(built, f"http://127.0.0.1:{free_port()}/store", timeout_s=5)


def test_missing_build(tmp_path):
    with pytest.raises(StoreMissingError):
        push(tmp_path, "http://127.0.0.1:1/store")


@pytest.mark.external
def test_cli_push(built, remote, capsys):
    assert main(["push", "--graph-dir", str(built), "--endpoint", f"{remote}/store"]) == 0
    assert f"pushed {TRIPLES} triples" in capsys.readouterr().out


def test_cli_push_error_is_one_line(built, capsys):
    code = main(["push", "--graph-dir", str(built), "--endpoint", "ftp://nowhere"])
    assert code == 1
    assert capsys.readouterr().err.count("\n") == 1

"""graph.serve: a real read-only SPARQL 1.1 Protocol endpoint, queried over HTTP."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from sample_kb import sample_kb, write_sample_build

from graph.errors import ServerError, StoreMissingError
from graph.serve import find_server, is_loopback, serve, server_command

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.external

from graph.rdf import to_graph  # noqa: E402

TRIPLES = len(to_graph(sample_kb()))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http(url: str, data: bytes | None = None, method: str | None = None,
         headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return write_sample_build(tmp_path_factory.mktemp("serve") / "output")


@pytest.fixture()
def server(built):
    """`diplograph serve` in its own process, as a user would run it; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "serve", "--graph-dir", str(built),
         "--port", str(port), "--timeout", "5"],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    banner = ""
    for line in process.stderr:  # `serve` announces the endpoint once it answers
        if "SPARQL endpoint (read-only)" in line:
            banner = line
            break
    if not banner:
        process.kill()
        pytest.fail(f"server did not start: {process.communicate()[1]}")
    assert f"{base}/query" in banner
    yield base, process
    if process.poll() is None:
        process.terminate()  # lets `serve` stop its oxigraph child itself
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def select(base: str, query: str) -> dict:
    url = f"{base}/query?" + urllib.parse.urlencode({"query": query})
    status, body = http(url, headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    return json.loads(body)


def test_the_endpoint_answers_immediately_after_the_announcement(server):
    base, _ = server
    assert http(f"{base}/query?query=ASK%7B%7D")[0] == 200


def test_select_over_http_get_and_post(server):
    base, _ = server
    document = select(base, "PREFIX dg: <https://w3id.org/diplograph/ontology#> "
                            "SELECT (COUNT(?p) AS ?n) WHERE { ?p a dg:Person }")
    assert document["results"]["bindings"][0]["n"]["value"] == "4"
    status, body = http(f"{base}/query", data=b"ASK { ?s ?p ?o }", method="POST",
                        headers={"Content-Type": "application/sparql-query",
                                 "Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is True


@pytest.mark.parametrize(
    ("path", "body", "content_type", "method"),
    [
        ("/update", b"INSERT DATA { <http://x/s> <http://x/p> 1 }", "application/sparql-update",
         "POST"),
        ("/store?default", b"<http://x/s> <http://x/p> 1 .", "application/n-triples", "PUT"),
        ("/store?default", b"<http://x/s> <http://x/p> 1 .", "application/n-triples", "POST"),
        ("/store?default", None, None, "DELETE"),
    ],
)
def test_writes_are_refused(server, path, body, content_type, method):
    base, _ = server
    headers = {"Content-Type": content_type} if content_type else {}
    status, _ = http(base + path, data=body, method=method, headers=headers)
    assert status in (403, 405)
    document = select(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert document["results"]["bindings"][0]["n"]["value"] == str(TRIPLES)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_stops_the_server_cleanly(server, stop):
    base, process = server
    process.send_signal(stop)
    assert process.wait(timeout=30) == 0
    with pytest.raises(OSError):
        http(f"{base}/query?query=ASK%7B%7D")


@pytest.mark.skipif(sys.platform != "linux", reason="parent-death signal is Linux-only")
def test_killing_serve_stops_its_server(server):
    """SIGKILL gives `serve` no chance to clean up: the kernel must stop the oxigraph child."""
    base, process = server
    process.kill()
    process.wait()
    for _ in range(300):  # a liveness wait, not a timing check: the server goes within moments
        try:
            http(f"{base}/query?query=ASK%7B%7D")
        except OSError:
            return
        time.sleep(0.1)
    pytest.fail("the oxigraph server outlived `diplograph serve` killed by SIGKILL")


def test_command_is_read_only_on_loopback_with_a_timeout(built):
    command = server_command(built, "127.0.0.1", 7878, 2.5)
    assert command[0] == str(find_server())
    assert command[1] == "serve-read-only"
    assert command[command.index("--bind") + 1] == "127.0.0.1:7878"
    assert command[command.index("--timeout-s") + 1] == "3"


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("::1", True),
                                                ("localhost", True), ("0.0.0.0", False)])
def test_loopback_detection(host, loopback):
    assert is_loopback(host) is loopback


def test_missing_store_is_refused_before_starting(tmp_path):
    with pytest.raises(StoreMissingError):
        serve(tmp_path, port=free_port())


def test_busy_port_is_a_clear_error(built):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(ServerError, match="cannot listen"):
            serve(built, port=taken.getsockname()[1])


def test_a_long_query_is_stopped_by_the_timeout_and_the_server_keeps_answering(server):
    """A cartesian product of four patterns (billions of rows) against the 5 s query limit."""
    base, _ = server
    endless = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    url = f"{base}/query?" + urllib.parse.urlencode({"query": endless})
    try:
        status, body = http(url, headers={"Accept": "application/sparql-results+json"})
    except TimeoutError:  # the client gave up after 30 s: the server never stopped the query
        pytest.fail("the endpoint did not stop a query running past its --timeout")
    # Oxigraph streams results: the 200 status line goes out before the limit is reached, so a
    # stopped query shows as an error status or as a body cut off by the cancellation message.
    assert status != 200 or b"cancelled" in body, body
    with pytest.raises(ValueError):
        json.loads(body)  # never a complete, plausible-looking result
    assert select(base, "ASK { ?s ?p ?o }")["boolean"] is True

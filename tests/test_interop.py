"""Interoperability: the Turtle DiploGraph writes is read with equal triple counts by rdflib,
Oxigraph (library and CLI), rapper (Debian raptor2-utils) and Jena riot (libapache-jena-java)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from sample_kb import SON, sample_kb, write_sample_build

from graph.export import render
from graph.model import Entity
from graph.rdf import serialize_turtle, to_graph
from graph.serve import find_server

pytestmark = pytest.mark.external
JAVA_LIBS = Path("/usr/share/java")
# What riot needs from Debian's jars; slf4j-nop keeps it quiet (the whole folder has two
# conflicting slf4j bindings).
JENA_DEPENDENCIES = (
    "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io",
    "commons-lang3", "dexx.collection", "gson", "guava", "httpclient", "httpcore",
    "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java", "protobuf",
    "thrift", "titanium-json-ld", "slf4j-api", "slf4j-nop", "jakarta.json-api",
)


@pytest.fixture(scope="session")
def jena_classpath(tmp_path_factory) -> str:
    """A classpath for riot. Debian's jena-core relocates Xerces to `xerces.*` but leaves its
    message bundles under `org/apache/jena/ext/xerces/`, so Xerces fails to initialise; a copy
    of the bundles at the relocated path works around that packaging bug."""
    if shutil.which("java") is None or not (JAVA_LIBS / "jena-core.jar").exists():
        pytest.skip("Jena (libapache-jena-java) is not installed")
    fix = tmp_path_factory.mktemp("jena-resources")
    prefix = "org/apache/jena/ext/xerces/"
    with zipfile.ZipFile(JAVA_LIBS / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(prefix) and name.endswith(".properties"):
                target = fix / "xerces" / name[len(prefix):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    unversioned = (p for p in JAVA_LIBS.glob("jena-*.jar") if not re.search(r"\d\.jar$", p.name))
    jars = sorted(str(p) for p in unversioned)
    jars += [str(JAVA_LIBS / f"{name}.jar") for name in JENA_DEPENDENCIES]
    return ":".join([str(fix), *jars])


def count_rdflib(path: Path) -> int:
    return len(Graph().parse(path, format="turtle"))


def count_pyoxigraph(path: Path) -> int:
    return sum(1 for _ in ox.parse(path=path, format=ox.RdfFormat.TURTLE))


def count_oxigraph_cli(path: Path) -> int:
    output = subprocess.run(
        [str(find_server()), "convert", "--from-file", str(path), "--from-format", "ttl",
         "--to-format", "nt"],
        capture_output=True, check=True,
    ).stdout
    return sum(1 for line in output.splitlines() if line.strip())


def count_rapper(path: Path) -> int:
    if shutil.which("rapper") is None:
        pytest.skip("rapper (raptor2-utils) is not installed")
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)],
                          capture_output=True, text=True, check=True)
    match = re.search(r"returned (\d+) triples", done.stderr)
    assert match, done.stderr
    assert "error" not in done.stderr.lower() and "warning" not in done.stderr.lower()
    return int(match[1])


def count_riot(path: Path, classpath: str) -> int:
    done = subprocess.run(["java", "-cp", classpath, "riotcmd.riot", "--count", str(path)],
                          capture_output=True, text=True, check=True)
    match = re.search(r"Triples = ([\d,.]+)", done.stdout + done.stderr)
    assert match, done.stderr
    assert "WARN" not in done.stderr and "ERROR" not in done.stderr, done.stderr
    return int(re.sub(r"\D", "", match[1]))  # riot writes "2,058"


def all_counts(path: Path, classpath: str) -> dict[str, int]:
    return {
        "rdflib": count_rdflib(path),
        "pyoxigraph": count_pyoxigraph(path),
        "oxigraph CLI": count_oxigraph_cli(path),
        "rapper": count_rapper(path),
        "riot": count_riot(path, classpath),
    }


def test_sample_turtle_is_read_alike_by_every_tool(tmp_path, jena_classpath):
    built = write_sample_build(tmp_path / "output")
    counts = all_counts(built / "graph.ttl", jena_classpath)
    assert set(counts.values()) == {len(to_graph(sample_kb()))}, counts


def test_awkward_literals_and_iris_are_read_alike(tmp_path, jena_classpath):
    kb = sample_kb()
    kb.entities[SON] = Entity(SON, 'q"uote \\ back\nline\ttab \x07 Đ 😀 end.',
                              frozenset({"trailing dot.", "x@y", "#hash", "<angle>"}))
    graph = to_graph(kb)
    path = tmp_path / "awkward.ttl"
    path.write_bytes(serialize_turtle(graph))
    counts = all_counts(path, jena_classpath)
    assert set(counts.values()) == {len(graph)}, counts


def test_ntriples_export_is_read_alike(tmp_path, jena_classpath):
    built = write_sample_build(tmp_path / "output")
    path = tmp_path / "graph.nt"
    path.write_bytes(render(built, "ntriples"))
    done = subprocess.run(["rapper", "-i", "ntriples", "-c", str(path)],
                          capture_output=True, text=True, check=True)
    assert f"returned {len(to_graph(sample_kb()))} triples" in done.stderr


@pytest.mark.slow
def test_seeds_turtle_is_read_alike_by_every_tool(built_seeds, jena_classpath):
    counts = all_counts(built_seeds / "graph.ttl", jena_classpath)
    assert len(set(counts.values())) == 1, counts
    assert counts["rdflib"] > 0

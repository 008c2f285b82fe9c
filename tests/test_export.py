"""graph.export: every format, checked against golden files (isomorphism) and for determinism.

Regenerate the goldens after an intended change with:
    DIPLOGRAPH_UPDATE_GOLDEN=1 pytest tests/test_export.py
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from sample_kb import write_sample_build

from graph.cli import main
from graph.errors import StoreMissingError, UnknownFormatError
from graph.export import (
    FORMATS,
    NETWORK_FORMATS,
    RDF_FORMATS,
    export_graph,
    newest_article_date,
    render,
)

GOLDEN = Path(__file__).resolve().parent / "golden"
SUFFIX = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld",
          "graphml": "graphml", "gexf": "gexf"}
RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
                 "jsonld": "json-ld"}
OX_FORMAT = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
             "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
             "jsonld": ox.RdfFormat.JSON_LD}
UPDATE = os.environ.get("DIPLOGRAPH_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return write_sample_build(tmp_path_factory.mktemp("export") / "output")


def golden_path(fmt: str) -> Path:
    return GOLDEN / f"sample.{SUFFIX[fmt]}"


def as_graph(data: bytes, fmt: str) -> Graph:
    """The triples of an export as an rdflib Graph (quads formats: all graphs merged)."""
    if fmt not in ("nquads", "trig"):
        return Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])
    # rdflib's own quad parsers warn about deprecated internals; Oxigraph reads them quietly.
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, OX_FORMAT[fmt])]
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_rdf_exports_match_their_golden_file(built, fmt):
    data = render(built, fmt)
    if UPDATE:
        golden_path(fmt).write_bytes(data)
    expected = as_graph(golden_path(fmt).read_bytes(), fmt)
    assert isomorphic(as_graph(data, fmt), expected)


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_rdf_exports_hold_the_whole_graph_for_rdflib_and_oxigraph(built, fmt):
    data = render(built, fmt)
    reference = Graph().parse(built / "graph.ttl", format="turtle")
    assert isomorphic(as_graph(data, fmt), reference)
    assert len(list(ox.parse(data, OX_FORMAT[fmt]))) == len(reference)


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_are_deterministic(built, fmt):
    first, second = render(built, fmt), render(built, fmt)
    assert first == second


def test_gexf_is_dated_by_its_newest_article_not_by_the_day_it_is_written(built):
    import xml.etree.ElementTree as ET

    graph = Graph().parse(built / "graph.ttl", format="turtle")
    newest = newest_article_date(graph)
    assert newest is not None
    meta = ET.fromstring(render(built, "gexf")).find("{http://www.gexf.net/1.2draft}meta")
    assert meta.get("lastmodifieddate") == newest


def test_newest_article_date_is_the_latest_dct_date_or_none():
    from rdflib import RDF, Literal, URIRef
    from rdflib.namespace import DCTERMS, XSD

    from graph.vocab import DG

    graph = Graph()
    assert newest_article_date(graph) is None
    for name, day in (("a", "2024-03-01"), ("b", "2025-01-09"), ("c", None)):
        article = URIRef(f"urn:test:{name}")
        graph.add((article, RDF.type, DG.Article))
        if day:
            graph.add((article, DCTERMS.date, Literal(day, datatype=XSD.date)))
    assert newest_article_date(graph) == "2025-01-09"


def test_turtle_export_equals_graph_ttl(built):
    assert render(built, "turtle") == (built / "graph.ttl").read_bytes()


def test_jsonld_is_compacted_with_the_prefixes(built):
    document = json.loads(render(built, "jsonld"))
    assert document["@context"]["person"] == "https://w3id.org/diplograph/id/person/"
    son = next(node for node in document["@graph"] if node["@id"] == "person:bui-thanh-son")
    assert son["@type"] == ["dg:Person"]
    assert son["dg:holdsRole"] == [{"@id": "role:minister-of-foreign-affairs"}]


def _read_network(data: bytes, fmt: str) -> nx.Graph:
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    return reader(io.BytesIO(data))


@pytest.mark.parametrize("fmt", NETWORK_FORMATS)
def test_network_exports_match_their_golden_file(built, fmt):
    data = render(built, fmt)
    if UPDATE:
        golden_path(fmt).write_bytes(data)
    network, expected = _read_network(data, fmt), _read_network(golden_path(fmt).read_bytes(), fmt)
    assert sorted(network.nodes(data=True)) == sorted(expected.nodes(data=True))
    edges = sorted((u, v, sorted(d.items())) for u, v, d in network.edges(data=True))
    assert edges == sorted((u, v, sorted(d.items())) for u, v, d in expected.edges(data=True))


@pytest.mark.parametrize("fmt", NETWORK_FORMATS)
def test_network_exports_carry_labels_types_and_provenance(built, fmt):
    network = _read_network(render(built, fmt), fmt)
    son = "https://w3id.org/diplograph/id/person/bui-thanh-son"
    hue = "https://w3id.org/diplograph/id/person/vuong-dinh-hue"
    assert network.nodes[son]["label"] == "Bùi Thanh Sơn"
    assert network.nodes[son]["type"] == "Person"
    [edge] = [d for u, v, d in network.edges(data=True) if (u, v) == (hue, son)]
    assert edge["relation"] == "met"
    assert int(edge["sources"]) == 1
    assert edge["first_seen"] == "2023-12-21"
    assert "Vuong Dinh Hue met" in edge["evidence"]


def test_export_to_file_and_to_stdout(built, tmp_path):
    stream = io.BytesIO()
    export_graph(built, "ntriples", None, stream)
    target = tmp_path / "deep" / "graph.nt"
    export_graph(built, "ntriples", target)
    assert target.read_bytes() == stream.getvalue()
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.nt"]


def test_exported_file_has_the_usual_permissions(built, tmp_path):
    """Readable by others as any file the user writes (not mkstemp's private 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    target = tmp_path / "graph.ttl"
    export_graph(built, "turtle", target)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_failed_export_keeps_the_existing_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("precious")
    with pytest.raises(StoreMissingError):
        export_graph(tmp_path / "no-build", "turtle", target)
    assert target.read_text() == "precious"


def test_unknown_format():
    with pytest.raises(UnknownFormatError):
        render(Path("."), "rdfxml")


def test_cli_export(built, tmp_path):
    target = tmp_path / "g.gexf"
    assert main(["export", "--format", "gexf", "--graph-dir", str(built),
                 "--out", str(target)]) == 0
    assert nx.read_gexf(target).number_of_nodes() > 0

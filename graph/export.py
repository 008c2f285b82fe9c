"""Export: the built graph in RDF formats, or as a network (GraphML, GEXF) for Gephi and co.

RDF exports are deterministic: Turtle and TriG are `graph.rdf.serialize_turtle` (a Turtle
document is also a TriG document of the default graph), N-Triples and N-Quads are sorted lines,
JSON-LD is compacted with DiploGraph's prefixes and sorted. Network exports come from
`graph.network.to_networkx`, flattened to the scalar attributes GraphML and GEXF allow.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from graph.errors import OutputNotWritableError, UnknownFormatError
from graph.fsutil import atomic_write_bytes
from graph.rdf import serialize_turtle
from graph.store import dump_ntriples, load_graph, open_store
from graph.vocab import DG, PREFIXES

NETWORK_FORMATS = ("graphml", "gexf")
RDF_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")
FORMATS = RDF_FORMATS + NETWORK_FORMATS


# --- RDF ----------------------------------------------------------------------------------------


def _sorted_lines(graph_dir: Path) -> bytes:
    data = dump_ntriples(open_store(graph_dir))
    lines = sorted(line for line in data.split(b"\n") if line.strip())
    return b"".join(line + b"\n" for line in lines)


def _turtle(graph_dir: Path) -> bytes:
    return serialize_turtle(load_graph(graph_dir))


def _compact_iri(iri: str, namespaces: list[tuple[str, str]]) -> str:
    for prefix, namespace in namespaces:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def to_jsonld(graph: Graph) -> dict:
    """A compacted, sorted JSON-LD document: `@context` of the prefixes and one node per subject."""
    namespaces = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda i: -len(i[1]))

    def node_ref(term) -> str:
        return f"_:{term}" if isinstance(term, BNode) else _compact_iri(str(term), namespaces)

    def value(term) -> dict:
        if isinstance(term, Literal):
            out = {"@value": str(term)}
            if term.language:
                out["@language"] = term.language
            elif term.datatype is not None and term.datatype != XSD.string:
                out["@type"] = _compact_iri(str(term.datatype), namespaces)
            return out
        return {"@id": node_ref(term)}

    nodes: dict[str, dict[str, list]] = {}
    for subject, predicate, obj in graph:
        node = nodes.setdefault(node_ref(subject), {})
        if predicate == URIRef(str(PREFIXES["rdf"]) + "type") and not isinstance(obj, Literal):
            node.setdefault("@type", []).append(node_ref(obj))
        else:
            node.setdefault(node_ref(predicate), []).append(value(obj))
    items = []
    for node_id in sorted(nodes):
        properties = nodes[node_id]
        item: dict = {"@id": node_id}
        for key in sorted(properties):
            values = properties[key]
            item[key] = sorted(values, key=lambda v: json.dumps(v, sort_keys=True))
        items.append(item)
    context = {prefix: str(PREFIXES[prefix]) for prefix in sorted(PREFIXES)}
    return {"@context": context, "@graph": items}


def _jsonld(graph_dir: Path) -> bytes:
    document = to_jsonld(load_graph(graph_dir))
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- Networks -----------------------------------------------------------------------------------


def _scalar(value) -> str | int | float | bool:
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(item) for item in value)
    return "" if value is None else str(value)


def flat_network(graph: Graph) -> nx.MultiDiGraph:
    """`to_networkx` with scalar attributes only, nodes and edges in a stable order.

    An edge's provenance list becomes `sources` (how many statements), `confidence` (the
    highest), `first_seen` / `last_seen` (observation dates) and `evidence` (the sentences).
    """
    from graph.network import to_networkx  # owned by the view; imported late on purpose

    network = to_networkx(graph)
    flat = nx.MultiDiGraph()
    for node in sorted(network.nodes):
        attributes = {key: _scalar(v) for key, v in sorted(network.nodes[node].items())}
        flat.add_node(node, **attributes)
    edges = sorted(network.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for source, target, key, data in edges:
        provenance = data.get("provenance") or []
        dates = sorted(p["date"] for p in provenance if p.get("date"))
        attributes = {
            key_: _scalar(v) for key_, v in sorted(data.items()) if key_ != "provenance"
        }
        attributes.update(
            sources=len(provenance),
            confidence=max((float(p["confidence"]) for p in provenance), default=0.0),
            first_seen=dates[0] if dates else "",
            last_seen=dates[-1] if dates else "",
            evidence=" | ".join(sorted({p["evidence"] for p in provenance})),
        )
        flat.add_edge(source, target, key=str(key), **attributes)
    return flat


def _graphml(graph_dir: Path) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(flat_network(load_graph(graph_dir)), buffer, encoding="utf-8")
    return buffer.getvalue()


def _gexf(graph_dir: Path) -> bytes:
    graph = load_graph(graph_dir)
    writer = GEXFWriter(encoding="utf-8")
    # networkx stamps the day it writes; the date of the newest article makes the file the
    # same for the same graph, whenever it is exported.
    meta = writer.xml.find("meta")
    del meta.attrib["lastmodifieddate"]
    newest = newest_article_date(graph)
    if newest:
        meta.set("lastmodifieddate", newest)
    writer.add_graph(flat_network(graph))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def newest_article_date(graph: Graph) -> str | None:
    """The latest `dct:date` of an article in `graph` (YYYY-MM-DD), or None if none is dated."""
    dates = [str(date) for article in graph.subjects(RDF.type, DG.Article)
             for date in graph.objects(article, DCTERMS.date)]
    return max(dates, default=None)


_WRITERS: dict[str, Callable[[Path], bytes]] = {
    "turtle": _turtle,
    "trig": _turtle,
    "ntriples": _sorted_lines,
    "nquads": _sorted_lines,
    "jsonld": _jsonld,
    "graphml": _graphml,
    "gexf": _gexf,
}


def render(graph_dir: Path, fmt: str) -> bytes:
    """The graph in `graph_dir` serialised in `fmt` (one of FORMATS)."""
    try:
        writer = _WRITERS[fmt]
    except KeyError:
        raise UnknownFormatError(format=fmt, choices=", ".join(FORMATS)) from None
    return writer(Path(graph_dir))


def export_graph(
    graph_dir: Path, fmt: str, destination: Path | None = None,
    stdout_binary: BinaryIO | None = None,
) -> int:
    """Write the graph as `fmt` to `destination` (atomically) or to `stdout_binary`.

    Returns the number of bytes written. An existing destination is only replaced once the
    new content is complete.
    """
    data = render(graph_dir, fmt)
    if destination is None:
        if stdout_binary is None:
            raise ValueError("export_graph needs a destination or a binary stream")
        stdout_binary.write(data)
        stdout_binary.flush()
        return len(data)
    write_atomically(Path(destination), data)
    return len(data)


def write_atomically(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as err:
        raise OutputNotWritableError(path=path, detail=err.strerror or str(err)) from err


__all__ = ["FORMATS", "export_graph", "flat_network", "newest_article_date", "render", "to_jsonld"]

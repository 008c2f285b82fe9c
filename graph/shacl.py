"""SHACL validation of a built graph against `ontology/shapes.ttl` (pySHACL).

The ontology is given to pySHACL as `ont_graph`, so `sh:class` accepts subclasses
(a `dg:Ministry` is a `dg:Organization`). No inference is run: the contract asks for core
classes to be asserted directly, and skipping RDFS inference keeps one validation per build
fast enough for large corpora. When every node already carries each shape class its types
imply (always so for `graph.rdf.to_graph` output), the ontology cannot change a verdict and is
left out: pySHACL then skips copying the whole data graph to mix it in.

One rule SHACL Core cannot say cheaply, "every direct edge has a provenance record and every
record's edge is asserted", is checked here with set operations.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.term import Node

from graph.model import Relation
from graph.vocab import ONTOLOGY_FILE, PREFIXES, SHAPES_FILE, relation_iri

SH = Namespace("http://www.w3.org/ns/shacl#")
_RELATIONS = frozenset(relation_iri(relation) for relation in Relation)


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """Whether the graph conforms, and one readable line per violation (sorted)."""

    conforms: bool
    violations: list[str] = field(default_factory=list)


@cache
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@cache
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@cache
def _implied_shape_classes() -> dict[Node, frozenset[Node]]:
    """For each ontology class, the classes named by the shapes that it is a subclass of."""
    shapes, ontology = shapes_graph(), ontology_graph()
    named = set(shapes.objects(None, SH["class"])) | set(shapes.objects(None, SH.targetClass))
    implied = {}
    for cls in set(ontology.subjects(RDFS.subClassOf, None)):
        ancestors = set(ontology.transitive_objects(cls, RDFS.subClassOf)) - {cls}
        implied[cls] = frozenset(ancestors & named)
    return implied


@cache
def _ontology_adds_focus_nodes() -> bool:
    """Whether the ontology's own triples could be targets of a shape (then it must be mixed)."""
    shapes, ontology = shapes_graph(), ontology_graph()
    named = set(shapes.objects(None, SH["class"])) | set(shapes.objects(None, SH.targetClass))
    targeted = set(shapes.objects(None, SH.targetSubjectsOf)) | set(
        shapes.objects(None, SH.targetObjectsOf))
    return (any(cls in named for cls in ontology.objects(None, RDF.type))
            or any(predicate in targeted for predicate in ontology.predicates())
            or any(True for _ in shapes.objects(None, SH.targetNode)))


def needs_ontology(graph: Graph) -> bool:
    """Whether mixing the ontology into `graph` could change a verdict (see module doc)."""
    if _ontology_adds_focus_nodes():
        return True
    implied = _implied_shape_classes()
    types: defaultdict[Node, set[Node]] = defaultdict(set)
    for node, cls in graph.subject_objects(RDF.type):
        types[node].add(cls)
    return any(implied.get(cls, frozenset()) - classes
               for classes in types.values() for cls in classes)


def _short(node: Node | None) -> str:
    if node is None:
        return "-"
    text = str(node)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        if text.startswith(str(namespace)) and len(text) > len(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return node.n3() if hasattr(node, "n3") else text


def _describe(report: Graph, result: Node) -> str:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    component = report.value(result, SH.sourceConstraintComponent)
    message = messages[0] if messages else _short(component)
    where = _short(focus) + (f" {_short(path)}" if path is not None else "")
    shown_value = f" (value {_short(value)})" if value is not None and value != focus else ""
    return f"{where}: {message}{shown_value}"


def provenance_violations(graph: Graph) -> list[str]:
    """Direct edges without an `rdf:Statement`, and statements whose edge is not asserted."""
    edges = {(s, p, o) for p in _RELATIONS for s, o in graph.subject_objects(p)}
    recorded = set()
    violations = []
    for statement in graph.subjects(RDF.type, RDF.Statement):
        triple = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate),
                  graph.value(statement, RDF.object))
        recorded.add(triple)
        if None not in triple and triple not in edges:
            edge = " ".join(_short(term) for term in triple)
            violations.append(f"{_short(statement)}: records an edge that is not asserted ({edge})")
    violations.extend(
        f"{_short(s)} {_short(p)} {_short(o)}: edge without provenance (no rdf:Statement)"
        for s, p, o in edges - recorded
    )
    return violations


def validate(graph: Graph) -> ValidationResult:
    """Validate a graph against the DiploGraph shapes; never modifies `graph`."""
    _, report, _ = pyshacl_validate(
        graph,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph() if needs_ontology(graph) else None,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        meta_shacl=False,
        advanced=False,
    )
    violations = [
        _describe(report, result)
        for result in report.subjects(RDF.type, SH.ValidationResult)
        if report.value(result, SH.resultSeverity) == SH.Violation
    ]
    violations.extend(provenance_violations(graph))
    violations = sorted(set(violations))
    return ValidationResult(conforms=not violations, violations=violations)

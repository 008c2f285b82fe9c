"""SHACL validation of a built graph against `ontology/shapes.ttl`.

Two engines give the same violation lines:

- a fast engine for the SHACL Core subset the shapes use: targets (`sh:targetClass`,
  `sh:targetSubjectsOf`, `sh:targetObjectsOf`, `sh:targetNode`), `sh:class`, `sh:datatype`,
  `sh:nodeKind`, `sh:pattern`, counts, lengths, value ranges, `sh:in`, `sh:hasValue` and `sh:or`
  on paths that are one IRI. `compile_shapes` reads the shapes graph into small dataclasses and
  refuses (`UnsupportedShapes`) anything else; the data graph is indexed once, per predicate the
  shapes mention, and each focus node is checked. Messages are pySHACL's own wording, made with
  its `stringify_node`, so `report.json` reads the same whichever engine ran;
- pySHACL, the reference, used when the shapes need more than the subset and by the tests that
  compare both engines.

The semantics are pySHACL's with the ontology as `ont_graph` and no inference: `sh:class` and
`sh:targetClass` follow `rdfs:subClassOf` through the ontology and the data (a `dg:Ministry` is a
`dg:Organization`). The contract asks for core classes to be asserted directly, so RDFS inference
is not run. For pySHACL, the ontology is handed over only when it could change a verdict (some
node typed with a class whose shape-named superclass is not asserted): otherwise pySHACL would
copy the whole data graph to mix it in.

One rule SHACL Core cannot say cheaply, "every direct edge has a provenance record and every
record's edge is asserted", is checked here with set operations.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Literal as OneOf
from typing import Protocol

import numpy as np
from pyshacl import validate as pyshacl_validate
from pyshacl.rdfutil import compare_literal, stringify_node
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from graph.model import Relation
from graph.vocab import ONTOLOGY_FILE, PREFIXES, SHAPES_FILE, relation_iri

SH = Namespace("http://www.w3.org/ns/shacl#")
_RELATIONS = frozenset(relation_iri(relation) for relation in Relation)
_PROVENANCE_PREDICATES = frozenset({*_RELATIONS, RDF.type, RDF.subject, RDF.predicate, RDF.object})
_PREFIXES_LONGEST_FIRST = tuple(
    (prefix, str(namespace))
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))))

Engine = OneOf["auto", "fast", "pyshacl"]
"""`auto`: the fast engine when it supports the shapes, else pySHACL; `fast`: the fast engine or
`UnsupportedShapes`; `pyshacl`: pySHACL (the reference)."""

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """Whether the graph conforms, and one readable line per violation (sorted)."""

    conforms: bool
    violations: list[str] = field(default_factory=list)


class UnsupportedShapes(ValueError):
    """The shapes use a SHACL feature the fast engine does not implement (pySHACL must run)."""


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
    types: defaultdict[Node, set[Node]] = defaultdict(set)
    for node, cls in graph.subject_objects(RDF.type):
        types[node].add(cls)
    return needs_ontology_for(types.values())


def needs_ontology_for(typed_nodes: Iterable[Iterable[Node]]) -> bool:
    """`needs_ontology` of a graph whose typed subjects have these classes (one set each)."""
    if _ontology_adds_focus_nodes():
        return True
    implied = _implied_shape_classes()
    for classes in typed_nodes:
        classes = set(classes)
        if any(implied.get(cls, frozenset()) - classes for cls in classes):
            return True
    return False


def _short(node: Node | None) -> str:
    if node is None:
        return "-"
    text = str(node)
    for prefix, namespace in _PREFIXES_LONGEST_FIRST:
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return node.n3() if hasattr(node, "n3") else text


def _line(focus: Node | None, path: Node | None, message: str, value: Node | None) -> str:
    """One violation as `report.json` lists it: focus, path, message, and the value if another."""
    where = _short(focus) + (f" {_short(path)}" if path is not None else "")
    shown_value = f" (value {_short(value)})" if value is not None and value != focus else ""
    return f"{where}: {message}{shown_value}"


def _describe(report: Graph, result: Node) -> str:
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    component = report.value(result, SH.sourceConstraintComponent)
    return _line(report.value(result, SH.focusNode), report.value(result, SH.resultPath),
                 messages[0] if messages else _short(component), report.value(result, SH.value))


def provenance_violations(graph: Graph, data: _DataIndex | None = None) -> list[str]:
    """Direct edges without an `rdf:Statement`, and statements whose edge is not asserted.

    `data`: the fast engine's index of `graph`, read instead of the graph when it holds the
    predicates needed.
    """
    if data is None or not data.data_values.keys() >= _PROVENANCE_PREDICATES:
        edges = {(s, p, o) for p in _RELATIONS for s, o in graph.subject_objects(p)}
        statements: Iterable[Node] = graph.subjects(RDF.type, RDF.Statement)
        value_of: Callable[[Node, Node], Node | None] = graph.value
    else:
        values = data.data_values
        edges = {(s, p, o) for p in _RELATIONS for s, objects in values[p].items()
                 for o in objects}
        statements = [node for node, types in values[RDF.type].items() if RDF.Statement in types]

        def value_of(statement: Node, predicate: Node) -> Node | None:
            found = values[predicate].get(statement, ())
            # graph.value picks any of several values: ask it, so the line stays the same.
            return found[0] if len(found) == 1 else graph.value(statement, predicate)

    recorded = set()
    violations = []
    for statement in statements:
        triple = (value_of(statement, RDF.subject), value_of(statement, RDF.predicate),
                  value_of(statement, RDF.object))
        recorded.add(triple)
        if None not in triple and triple not in edges:
            edge = " ".join(_short(term) for term in triple)
            violations.append(f"{_short(statement)}: records an edge that is not asserted ({edge})")
    violations.extend(
        f"{_short(s)} {_short(p)} {_short(o)}: edge without provenance (no rdf:Statement)"
        for s, p, o in edges - recorded
    )
    return violations


def validate(graph: Graph, engine: Engine = "auto") -> ValidationResult:
    """Validate a graph against the DiploGraph shapes; never modifies `graph`."""
    shapes = None if engine == "pyshacl" else _compiled_shapes()
    if shapes is None and engine == "fast":
        compile_shapes(shapes_graph())  # raises UnsupportedShapes with the reason
    if shapes is None:
        ontology = ontology_graph() if needs_ontology(graph) else None
        violations = pyshacl_violations(graph, shapes_graph(), ontology)
        violations.update(provenance_violations(graph))
    else:
        data = _DataIndex(graph, ontology_graph(), shapes.predicates)
        violations = fast_violations(
            shapes, graph, ontology_graph(), data=data,
            names_from=lambda: ontology_graph() if needs_ontology(graph) else None)
        violations.update(provenance_violations(graph, data))
    ordered = sorted(violations)
    return ValidationResult(conforms=not ordered, violations=ordered)


def pyshacl_violations(graph: Graph, shapes: Graph, ontology: Graph | None) -> set[str]:
    """The violation lines pySHACL reports (the reference for the fast engine)."""
    data = graph
    if not graph.store.context_aware:
        # pySHACL wraps the data in a ConjunctiveGraph over its store, which needs a
        # context-aware store; `graph.rdf.to_graph` builds on `SimpleMemory`.
        copy = Graph(bind_namespaces="none")
        for prefix, namespace in graph.namespaces():  # messages compact IRIs with them
            copy.bind(prefix, namespace, override=True, replace=True)
        copy += graph
        graph = copy
    _, report, _ = pyshacl_validate(
        graph,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        meta_shacl=False,
        advanced=False,
    )
    violations = {
        _describe(report, result)
        for result in report.subjects(RDF.type, SH.ValidationResult)
        if report.value(result, SH.resultSeverity) == SH.Violation
    }
    if graph is not data:
        # The copy refers to itself (through its namespace manager): free it now, even while the
        # build has paused the cyclic collector, not after the next stages.
        del graph
        gc.collect()
    return violations


@cache
def _compiled_shapes() -> Shapes | None:
    try:
        return compile_shapes(shapes_graph())
    except UnsupportedShapes as err:
        log.info("SHACL: using pySHACL, the fast engine does not support the shapes: %s", err)
        return None


#################################################################
# The data graph, indexed once for the fast engine
#################################################################


class _DataIndex:
    """The triples the shapes can look at: predicate -> subject -> objects, data + ontology.

    Ontology triples are added as pySHACL's `ont_graph` mixing would (a set union), so that
    subclass hierarchies in either graph count. Made from a whole graph, or (`of_block`) from
    the triples of some subjects, with the classes of every other node looked up elsewhere.
    """

    def __init__(self, graph: Graph, ontology: Graph, predicates: Iterable[URIRef]) -> None:
        data_values: dict[Node, dict[Node, list[Node]]] = {}
        for predicate in {*predicates, RDF.type, RDFS.subClassOf}:
            by_subject: defaultdict[Node, list[Node]] = defaultdict(list)
            for subject, obj in graph.subject_objects(predicate):
                by_subject[subject].append(obj)
            data_values[predicate] = by_subject
        ontology_pairs = {predicate: list(ontology.subject_objects(predicate))
                          for predicate in data_values}
        self._mix(data_values, ontology_pairs, lambda s, p, o: (s, p, o) in graph)
        self._block: frozenset[Node] | None = None
        self._outside_types: Callable[[Node], Sequence[Node]] | None = None

    @classmethod
    def of_block(cls, data_values: dict[Node, dict[Node, list[Node]]],
                 ontology_pairs: dict[Node, list[tuple[Node, Node]]], block: frozenset[Node],
                 outside_types: Callable[[Node], Sequence[Node]]) -> _DataIndex:
        """The index of the subjects `block`, from all their triples (`data_values`, one entry
        per predicate of `ontology_pairs`) and the ontology triples to mix in with them;
        `outside_types`: the classes of a node outside the block (data and ontology)."""
        index = cls.__new__(cls)
        index._mix(data_values, ontology_pairs,
                   lambda s, p, o: o in data_values[p].get(s, ()))
        index._block, index._outside_types = block, outside_types
        return index

    def _mix(self, data_values: dict[Node, dict[Node, list[Node]]],
             ontology_pairs: dict[Node, list[tuple[Node, Node]]],
             in_data: Callable[[Node, Node, Node], bool]) -> None:
        self.values: dict[Node, dict[Node, list[Node]]] = {}
        self.data_values = data_values  # the data graph's alone
        for predicate, by_subject in data_values.items():
            extra = [(subject, obj) for subject, obj in ontology_pairs.get(predicate, ())
                     if not in_data(subject, predicate, obj)]
            if extra:
                by_subject = defaultdict(list, by_subject)
                for subject, obj in extra:
                    by_subject[subject] = [*by_subject.get(subject, ()), obj]
            self.values[predicate] = by_subject
        self._types = self.values[RDF.type]
        self._subclasses: defaultdict[Node, list[Node]] = defaultdict(list)
        for subclass, classes in self.values[RDFS.subClassOf].items():
            for cls in classes:
                self._subclasses[cls].append(subclass)
        self._descendants: dict[Node, frozenset[Node]] = {}
        self._instances: dict[Node, list[Node]] | None = None

    def objects(self, predicate: Node, subject: Node) -> Sequence[Node]:
        return self.values[predicate].get(subject, ())

    def descendants(self, cls: Node) -> frozenset[Node]:
        """`cls` and its subclasses, transitively."""
        found = self._descendants.get(cls)
        if found is None:
            seen, todo = {cls}, [cls]
            while todo:
                for subclass in self._subclasses.get(todo.pop(), ()):
                    if subclass not in seen:
                        seen.add(subclass)
                        todo.append(subclass)
            found = self._descendants[cls] = frozenset(seen)
        return found

    def has_class(self, node: Node, cls: Node) -> bool:
        """Whether `node` is a SHACL instance of `cls` (literals never are)."""
        if isinstance(node, Literal):
            return False
        classes = self.descendants(cls)
        if any(node_type in classes for node_type in self._types.get(node, ())):
            return True
        if self._outside_types is None or node in self._block:
            return False
        return any(node_type in classes for node_type in self._outside_types(node))

    def instances(self, cls: Node) -> set[Node]:
        if self._instances is None:
            self._instances = defaultdict(list)
            for node, node_types in self._types.items():
                for node_type in node_types:
                    self._instances[node_type].append(node)
        return {node for subclass in self.descendants(cls)
                for node in self._instances.get(subclass, ())}


class _Terms:
    """Data-graph terms in pySHACL's wording: its `stringify_node`, with the namespaces of the
    graph pySHACL validates: the data graph, or its copy with the ontology mixed in.

    `names_from` says, only when a message needs it, which ontology pySHACL mixes in (if any).
    """

    def __init__(self, graph: Graph, names_from: Callable[[], Graph | None]) -> None:
        self._graph = graph
        self._names_from = names_from
        self._names: NamespaceManager | None = None

    def text(self, node: Node) -> str:
        if self._names is None:
            self._names = self._namespaces()
        return stringify_node(self._graph, node, ns_manager=self._names)

    def _namespaces(self) -> NamespaceManager:
        ontology = self._names_from()
        if ontology is not None:
            # pySHACL's mix_graphs: core prefixes, then the data graph's, then the ontology's.
            names = Graph(bind_namespaces="core")
            for prefix, namespace in self._graph.namespaces():
                names.bind(prefix, namespace, override=True, replace=True)
            for prefix, namespace in ontology.namespaces():
                names.bind(prefix, namespace, override=False, replace=False)
        else:
            # A copy, so that pySHACL's binding of `sh` does not touch the caller's graph.
            names = Graph(bind_namespaces="none")
            for prefix, namespace in self._graph.namespaces():
                names.bind(prefix, namespace, override=True, replace=True)
        return names.namespace_manager


#################################################################
# Shapes, compiled
#################################################################


Failures = Iterator[Node | None]
"""The value nodes that fail a constraint, or one `None` when the focus node as a whole fails."""


class Constraint(Protocol):
    """One constraint component of a shape."""

    def failures(self, focus: Node, values: Sequence[Node], data: _DataIndex) -> Failures:
        """The value nodes that fail, or one `None` when the focus node as a whole fails."""

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        """pySHACL's generic message for a failure (used when the shape has no sh:message)."""


class _ValueConstraint:
    """A constraint each value node passes or fails on its own."""

    __slots__ = ()

    def accepts(self, value: Node, data: _DataIndex) -> bool:
        raise NotImplementedError

    def failures(self, focus: Node, values: Sequence[Node], data: _DataIndex) -> Failures:
        return (value for value in values if not self.accepts(value, data))


@dataclass(frozen=True, slots=True)
class ClassConstraint(_ValueConstraint):
    cls: Node
    wording: str

    def accepts(self, value: Node, data: _DataIndex) -> bool:
        return data.has_class(value, self.cls)

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        return self.wording


_PYTHON_VALUES: dict[Node, type | tuple[type, ...]] = {  # pySHACL's checks; a datetime is a date
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
    XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: dt.date, XSD.time: dt.time,
    XSD.dateTime: dt.datetime,
}


def _value_is(datatype: Node, value: object) -> bool:
    """pySHACL's check that a literal's Python value fits its datatype (others pass)."""
    expected = _PYTHON_VALUES.get(datatype)
    return expected is None or isinstance(value, expected)


# Looked up once: each look-up on a rdflib namespace is a Python call (per value checked).
_RDFS_LITERAL, _RDFS_DATATYPE, _XSD_STRING, _LANG_STRING = (RDFS.Literal, RDFS.Datatype,
                                                            XSD.string, RDF.langString)


@dataclass(frozen=True, slots=True)
class DatatypeConstraint(_ValueConstraint):
    datatype: Node
    wording: str

    def accepts(self, value: Node, data: _DataIndex) -> bool:
        if not isinstance(value, Literal):
            return False
        wanted = self.datatype
        if value.datatype == wanted:
            return value.ill_typed is not True and _value_is(wanted, value.value)
        if wanted == _RDFS_LITERAL:
            return True
        if wanted == _RDFS_DATATYPE:
            return value.datatype is not None
        if value.datatype is None and value.language is None and wanted == _XSD_STRING:
            return _value_is(wanted, value.value)
        if wanted == _LANG_STRING and value.language:
            return _value_is(wanted, value.value)
        return False

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        return self.wording


_NODE_KINDS = {  # kind -> (IRI, blank node, literal) accepted
    SH.IRI: (True, False, False), SH.BlankNode: (False, True, False),
    SH.Literal: (False, False, True), SH.BlankNodeOrIRI: (True, True, False),
    SH.BlankNodeOrLiteral: (False, True, True), SH.IRIOrLiteral: (True, False, True),
}


@dataclass(frozen=True, slots=True)
class NodeKindConstraint(_ValueConstraint):
    iri: bool
    blank: bool
    literal: bool
    wording: str

    def accepts(self, value: Node, data: _DataIndex) -> bool:
        if isinstance(value, BNode):
            return self.blank
        if isinstance(value, Literal):
            return self.literal
        return self.iri

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        return self.wording


def _lexical_text(value: Node) -> str:
    """The string sh:pattern and the length constraints look at (pySHACL's choice)."""
    if (isinstance(value, Literal) and value.value is not None
            and value.datatype in (None, RDF.langString, XSD.string)):
        return str(value.value)
    return str(value)


@dataclass(frozen=True, slots=True)
class PatternConstraint(_ValueConstraint):
    patterns: tuple[re.Pattern[str], ...]
    wording: str

    def accepts(self, value: Node, data: _DataIndex) -> bool:
        if isinstance(value, BNode):
            return False
        text = _lexical_text(value)
        return all(pattern.search(text) for pattern in self.patterns)

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        return self.wording


@dataclass(frozen=True, slots=True)
class LengthConstraint(_ValueConstraint):
    rule: Literal  # sh:minLength or sh:maxLength's literal
    at_least: bool

    def accepts(self, value: Node, data: _DataIndex) -> bool:
        bound = self.rule.value
        if self.at_least and bound == 0:
            return True
        if isinstance(value, BNode):
            return False
        length = len(_lexical_text(value))
        return length >= bound if self.at_least else length <= bound

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        return f"String length not {'>=' if self.at_least else '<='} {terms.text(self.rule)}"


@dataclass(frozen=True, slots=True)
class RangeConstraint(_ValueConstraint):
    bound: Literal
    passes: Callable[[int], bool]
    wording: str

    def accepts(self, value: Node, data: _DataIndex) -> bool:
        if not isinstance(value, Literal):
            return False
        if isinstance(value.value, str) != isinstance(self.bound.value, str):
            return False
        try:
            return self.passes(compare_literal(value, self.bound))
        except (TypeError, NotImplementedError):
            return False

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        return self.wording


@dataclass(frozen=True, slots=True)
class InConstraint(_ValueConstraint):
    members: frozenset[Node]
    listed: str  # pySHACL prints the Python list of member names

    def accepts(self, value: Node, data: _DataIndex) -> bool:
        return value in self.members

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        return f"Value {terms.text(value)} not in list {self.listed}"


@dataclass(frozen=True, slots=True)
class OrConstraint(_ValueConstraint):
    alternatives: tuple[NodeShape, ...]
    listed: str

    def accepts(self, value: Node, data: _DataIndex) -> bool:
        return any(_conforms(shape, value, data) for shape in self.alternatives)

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        try:
            value_text = terms.text(value)
        except (LookupError, ValueError):
            value_text = str(value)
        return f"Node {value_text} must conform to one or more shapes in {self.listed}"


@dataclass(frozen=True, slots=True)
class CountConstraint:
    bound: int
    at_least: bool
    path_text: str

    def failures(self, focus: Node, values: Sequence[Node], data: _DataIndex) -> Failures:
        fails = len(values) < self.bound if self.at_least else len(values) > self.bound
        return iter((None,) if fails else ())

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        if self.at_least:
            try:
                focus_text = terms.text(focus)
            except (LookupError, ValueError):
                focus_text = str(focus)
            return f"Less than {self.bound} values on {focus_text}->{self.path_text}"
        return f"More than {self.bound} values on {terms.text(focus)}->{self.path_text}"


@dataclass(frozen=True, slots=True)
class HasValueConstraint:
    required: tuple[Node, ...]
    listed: str
    path_text: str | None

    def failures(self, focus: Node, values: Sequence[Node], data: _DataIndex) -> Failures:
        return iter((None,) if any(node not in values for node in self.required) else ())

    def message(self, focus: Node, value: Node | None, terms: _Terms) -> str:
        if self.path_text:
            return (f"Node {terms.text(focus)}->{self.path_text} does not contain a value in the "
                    f"set: {self.listed}")
        return f"Node {terms.text(focus)} value is not a in the set of values: {self.listed}"


@dataclass(frozen=True, slots=True)
class Targets:
    classes: tuple[Node, ...] = ()
    subjects_of: tuple[Node, ...] = ()
    objects_of: tuple[Node, ...] = ()
    nodes: tuple[Node, ...] = ()

    def focus_nodes(self, data: _DataIndex) -> set[Node]:
        found = set(self.nodes)
        for cls in self.classes:
            found |= data.instances(cls)
        for predicate in self.subjects_of:
            found.update(data.values[predicate])
        for predicate in self.objects_of:
            for objects in data.values[predicate].values():
                found.update(objects)
        return found


@dataclass(frozen=True, slots=True)
class PropertyShape:
    """A property shape: constraints on the objects of one predicate."""

    node: Node
    path: URIRef
    constraints: tuple[Constraint, ...]
    message: str | None  # the shape's sh:message (lowest), which replaces generic messages
    severity: Node
    deactivated: bool


@dataclass(frozen=True, slots=True)
class NodeShape:
    """A node shape: its targets, constraints on the focus node itself, and property shapes."""

    node: Node
    targets: Targets
    constraints: tuple[Constraint, ...]
    properties: tuple[PropertyShape, ...]
    message: str | None
    severity: Node
    deactivated: bool


@dataclass(frozen=True, slots=True)
class Shapes:
    """The shapes with targets, and every predicate they read."""

    targeted: tuple[NodeShape, ...]
    predicates: frozenset[URIRef]


_TARGETS = {SH.targetClass: "classes", SH.targetSubjectsOf: "subjects_of",
            SH.targetObjectsOf: "objects_of", SH.targetNode: "nodes"}
_RANGES = {  # parameter -> (pySHACL's wording, whether compare_literal(value, bound) passes)
    SH.minInclusive: (">=", lambda cmp: cmp >= 0), SH.minExclusive: (">", lambda cmp: cmp > 0),
    SH.maxInclusive: ("<=", lambda cmp: cmp <= 0), SH.maxExclusive: ("<", lambda cmp: cmp < 0),
}
_ANNOTATIONS = {SH.message, SH.severity, SH.deactivated, SH.name, SH.description, SH.order,
                SH.group, SH.defaultValue}
_PARAMETERS = {SH["class"], SH.datatype, SH.nodeKind, SH.pattern, SH.flags, SH.minLength,
               SH.maxLength, SH.minCount, SH.maxCount, SH["in"], SH.hasValue, SH["or"], *_RANGES}
_SUPPORTED_PREDICATES = frozenset({*_TARGETS, *_ANNOTATIONS, *_PARAMETERS, SH.property, SH.path})
_SUPPORTED_TYPES = frozenset({SH.NodeShape, SH.PropertyShape, SH.PropertyGroup})
_ALLOWED_SEVERITIES = frozenset({SH.Warning, SH.Info})  # as validate's allow_warnings=True


def compile_shapes(shapes: Graph) -> Shapes:
    """Read a shapes graph for the fast engine; `UnsupportedShapes` if it needs pySHACL."""
    for predicate in set(shapes.predicates()):
        if predicate.startswith(SH) and predicate not in _SUPPORTED_PREDICATES:
            raise UnsupportedShapes(f"{predicate.n3(shapes.namespace_manager)} is not supported")
    for shape_type in set(shapes.objects(None, RDF.type)):
        if shape_type.startswith(SH) and shape_type not in _SUPPORTED_TYPES:
            raise UnsupportedShapes(f"{shape_type.n3(shapes.namespace_manager)} is not supported")
    compiler = _ShapeCompiler(shapes)
    for shape_type in (SH.NodeShape, SH.PropertyShape):
        for node in shapes.subjects(RDF.type, shape_type):
            compiler.check_shape_types(node)
    roots = {node for target in _TARGETS for node in shapes.subjects(target, None)}
    targeted = tuple(compiler.node_shape(node, ()) for node in sorted(roots))
    return Shapes(targeted, frozenset(compiler.predicates))


class _ShapeCompiler:
    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes
        self.predicates: set[URIRef] = set()
        self._node_shapes: dict[Node, NodeShape] = {}
        self._property_shapes: dict[Node, PropertyShape] = {}

    def _text(self, node: Node) -> str:
        return stringify_node(self.shapes, node)

    def _one(self, node: Node, parameter: URIRef) -> Node | None:
        values = list(self.shapes.objects(node, parameter))
        if len(values) > 1:
            raise UnsupportedShapes(f"{self._text(node)} has {len(values)} {self._text(parameter)}")
        return values[0] if values else None

    def check_shape_types(self, node: Node) -> None:
        # A shape that is also a class would target its own instances (implicit class target).
        for shape_type in self.shapes.objects(node, RDF.type):
            if shape_type not in (SH.NodeShape, SH.PropertyShape):
                raise UnsupportedShapes(f"shape {self._text(node)} is a {self._text(shape_type)}")

    def _annotations(self, node: Node) -> tuple[str | None, Node, bool]:
        messages = sorted(str(message) for message in self.shapes.objects(node, SH.message))
        severity = self._one(node, SH.severity) or SH.Violation
        deactivated = self._one(node, SH.deactivated)
        if deactivated is not None and not isinstance(deactivated, Literal):
            raise UnsupportedShapes(f"{self._text(node)}: sh:deactivated is not a literal")
        return (messages[0] if messages else None, severity,
                bool(deactivated.value) if deactivated is not None else False)

    def node_shape(self, node: Node, within: tuple[Node, ...]) -> NodeShape:
        if node in self._node_shapes:
            return self._node_shapes[node]
        if node in within:
            raise UnsupportedShapes(f"shape {self._text(node)} refers to itself")
        if isinstance(node, Literal):
            raise UnsupportedShapes(f"a literal {self._text(node)} is used as a shape")
        if (node, SH.path, None) in self.shapes:
            raise UnsupportedShapes(f"property shape {self._text(node)} has targets or is in sh:or")
        self.check_shape_types(node)
        targets = Targets(**{name: tuple(self.shapes.objects(node, predicate))
                             for predicate, name in _TARGETS.items()})
        self.predicates.update(targets.subjects_of + targets.objects_of)
        properties = tuple(self.property_shape(prop)
                           for prop in self.shapes.objects(node, SH.property))
        shape = NodeShape(node, targets, self._constraints(node, None, (*within, node)), properties,
                          *self._annotations(node))
        self._node_shapes[node] = shape
        return shape

    def property_shape(self, node: Node) -> PropertyShape:
        if node in self._property_shapes:
            return self._property_shapes[node]
        paths = list(self.shapes.objects(node, SH.path))
        if len(paths) != 1 or not isinstance(paths[0], URIRef):
            raise UnsupportedShapes(f"property shape {self._text(node)}: only a path that is one "
                                    "IRI is supported")
        if any((node, target, None) in self.shapes for target in _TARGETS):
            raise UnsupportedShapes(f"property shape {self._text(node)} has its own targets")
        if (node, SH.property, None) in self.shapes:
            raise UnsupportedShapes(f"property shape {self._text(node)} has property shapes")
        self.check_shape_types(node)
        path = paths[0]
        self.predicates.add(path)
        shape = PropertyShape(node, path, self._constraints(node, path, (node,)),
                              *self._annotations(node))
        self._property_shapes[node] = shape
        return shape

    def _count(self, node: Node, parameter: URIRef) -> Literal | None:
        rule = self._one(node, parameter)
        if rule is not None and not (isinstance(rule, Literal) and rule.datatype == XSD.integer
                                     and isinstance(rule.value, int)):
            raise UnsupportedShapes(
                f"{self._text(node)}: {self._text(parameter)} is not an xsd:integer")
        return rule

    def _constraints(self, node: Node, path: URIRef | None,
                     within: tuple[Node, ...]) -> tuple[Constraint, ...]:
        shapes, text = self.shapes, self._text
        constraints: list[Constraint] = []
        classes = list(shapes.objects(node, SH["class"]))
        if len(classes) == 1:
            wording = f"Value does not have class {text(classes[0])}"
        else:
            wording = f"Value class is not in classes ({', '.join(text(cls) for cls in classes)})"
        constraints.extend(ClassConstraint(cls, wording) for cls in classes)

        datatype = self._one(node, SH.datatype)
        if datatype is not None:
            constraints.append(DatatypeConstraint(
                datatype, f"Value is not Literal with datatype {text(datatype)}"))

        kind = self._one(node, SH.nodeKind)
        if kind is not None:
            if kind not in _NODE_KINDS:
                raise UnsupportedShapes(f"{text(node)}: unknown sh:nodeKind {text(kind)}")
            constraints.append(NodeKindConstraint(*_NODE_KINDS[kind],
                                                  f"Value is not of Node Kind {text(kind)}"))

        patterns = list(shapes.objects(node, SH.pattern))
        if patterns:
            constraints.append(self._pattern(node, patterns))

        for parameter, at_least in ((SH.minLength, True), (SH.maxLength, False)):
            rule = self._one(node, parameter)
            if rule is not None:
                if not (isinstance(rule, Literal) and isinstance(rule.value, int)
                        and not isinstance(rule.value, bool) and rule.value >= 0):
                    raise UnsupportedShapes(f"{text(node)}: {text(parameter)} is not a count")
                constraints.append(LengthConstraint(rule, at_least))

        for parameter, at_least in ((SH.minCount, True), (SH.maxCount, False)):
            rule = self._count(node, parameter)
            if rule is None:
                continue
            if path is None:
                raise UnsupportedShapes(f"{text(node)}: {text(parameter)} on a node shape")
            if not (at_least and rule.value == 0):  # sh:minCount 0 always passes
                constraints.append(CountConstraint(rule.value, at_least, text(path)))

        for parameter, (symbol, passes) in _RANGES.items():
            bound = self._one(node, parameter)
            if bound is not None:
                if not isinstance(bound, Literal):
                    raise UnsupportedShapes(f"{text(node)}: {text(parameter)} is not a literal")
                constraints.append(RangeConstraint(bound, passes,
                                                   f"Value is not {symbol} {text(bound)}"))

        members = self._one(node, SH["in"])
        if members is not None:
            in_values: set[Node] = set()  # built as pySHACL does: its message lists it in set order
            for member in shapes.items(members):
                in_values.add(member)
            constraints.append(InConstraint(frozenset(in_values),
                                            str([text(member) for member in in_values])))

        required = set(shapes.objects(node, SH.hasValue))
        if required:
            constraints.append(HasValueConstraint(
                tuple(required), str([text(value) for value in required]),
                text(path) if path is not None else None))

        alternatives = list(shapes.objects(node, SH["or"]))
        if alternatives:
            constraints.extend(self._or(node, alternatives, within))
        return tuple(constraints)

    def _pattern(self, node: Node, patterns: list[Node]) -> PatternConstraint:
        if not all(isinstance(pattern, Literal) for pattern in patterns):
            raise UnsupportedShapes(f"{self._text(node)}: sh:pattern is not a literal")
        flags_value = self._one(node, SH.flags)
        flags = 0
        if flags_value is not None:
            letters = str(getattr(flags_value, "value", flags_value)).lower()
            flags = (re.I if "i" in letters else 0) | (re.M if "m" in letters else 0)
        try:
            compiled = tuple(re.compile(str(pattern.value) if pattern.value is not None
                                        and len(pattern.value) > 1 else str(pattern), flags)
                             for pattern in patterns)
        except re.error as err:
            raise UnsupportedShapes(f"{self._text(node)}: bad sh:pattern ({err})") from err
        if len(patterns) == 1:
            wording = f"Value does not match pattern '{patterns[0].value}'"
        else:
            wording = ("Value does not match every pattern in ('"
                       + "', '".join(str(pattern.value) for pattern in patterns) + "')")
        return PatternConstraint(compiled, wording)

    def _or(self, node: Node, alternatives: list[Node],
            within: tuple[Node, ...]) -> list[OrConstraint]:
        names = [[self._text(member) for member in self.shapes.items(alternative)]
                 for alternative in alternatives]
        if len(alternatives) == 1:
            listed = " , ".join(names[0])
        else:
            listed = " and ".join(f"({' , '.join(group)})" for group in names)
        constraints = []
        for alternative in alternatives:
            members = set(self.shapes.items(alternative))
            if not members:
                raise UnsupportedShapes(f"{self._text(node)}: sh:or is not a list of shapes")
            shapes = tuple(self.node_shape(member, within) for member in members)
            constraints.append(OrConstraint(shapes, listed))
        return constraints


#################################################################
# The fast engine
#################################################################


def _conforms(shape: NodeShape, node: Node, data: _DataIndex) -> bool:
    """Whether `node` conforms to a shape used inside sh:or (pySHACL's verdict)."""
    if shape.deactivated or shape.severity in _ALLOWED_SEVERITIES:
        return True
    focus = (node,)
    if any(next(constraint.failures(node, focus, data), False) is not False
           for constraint in shape.constraints):
        return False
    for prop in shape.properties:
        if prop.deactivated or prop.severity in _ALLOWED_SEVERITIES:
            continue
        values = data.objects(prop.path, node)
        if any(next(constraint.failures(node, values, data), False) is not False
               for constraint in prop.constraints):
            return False
    return True


def fast_violations(shapes: Shapes, graph: Graph, ontology: Graph, *,
                    data: _DataIndex | None = None,
                    names_from: Callable[[], Graph | None] | None = None) -> set[str]:
    """The violation lines of `graph` against compiled shapes, as pySHACL reports them with
    `ontology` mixed in. `data`: an index of `graph` made for these shapes, if already built;
    `names_from`: see `_Terms` (default: the ontology was mixed in)."""
    data = data if data is not None else _DataIndex(graph, ontology, shapes.predicates)
    terms = _Terms(graph, names_from or (lambda: ontology))
    lines: set[str] = set()
    _add_shape_lines(shapes, data, terms, lines)
    return lines


def _add_shape_lines(shapes: Shapes, data: _DataIndex, terms: _Terms, lines: set[str]) -> None:
    """Add the violation lines of every focus node `data` holds to `lines`.

    Constraint by constraint over all focus nodes of a shape. A value constraint's verdict on a
    value node depends on that node and `data` alone, so it is worked out once per node object
    and constraint (the same literals and IRIs, a confidence, a date, an article, are values of
    many focus nodes).
    """
    for shape in shapes.targeted:
        if shape.deactivated:
            continue
        node_level = shape.constraints if shape.severity == SH.Violation else ()
        properties = [prop for prop in shape.properties
                      if not prop.deactivated and prop.severity == SH.Violation]
        if not node_level and not properties:
            continue
        focus_nodes = shape.targets.focus_nodes(data)
        if node_level:
            _check_all(node_level, shape.message, None,
                       [(focus, (focus,)) for focus in focus_nodes], data, terms, lines)
        for prop in properties:
            by_subject = data.values[prop.path]
            _check_all(prop.constraints, prop.message, prop.path,
                       [(focus, by_subject.get(focus, ())) for focus in focus_nodes],
                       data, terms, lines)


def _check_all(constraints: Sequence[Constraint], message: str | None, path: Node | None,
               focus_values: list[tuple[Node, Sequence[Node]]], data: _DataIndex, terms: _Terms,
               lines: set[str]) -> None:
    """Add the lines of `constraints` failed by each focus node with its value nodes."""

    def add(constraint: Constraint, focus: Node, value: Node | None) -> None:
        lines.add(_line(focus, path, message or constraint.message(focus, value, terms), value))

    for constraint in constraints:
        if isinstance(constraint, _ValueConstraint):
            accepts = constraint.accepts
            # Verdicts by the value node's id, with the node (which keeps the id its own).
            verdicts: dict[int, tuple[Node, bool]] = {}
            for focus, values in focus_values:
                for value in values:
                    known = verdicts.get(id(value))
                    if known is None:
                        known = verdicts[id(value)] = (value, accepts(value, data))
                    if not known[1]:
                        add(constraint, focus, value)
        elif isinstance(constraint, CountConstraint):
            bound = constraint.bound
            if constraint.at_least:
                for focus, values in focus_values:
                    if len(values) < bound:
                        add(constraint, focus, None)
            else:
                for focus, values in focus_values:
                    if len(values) > bound:
                        add(constraint, focus, None)
        else:
            for focus, values in focus_values:
                for value in constraint.failures(focus, values, data):
                    add(constraint, focus, value)


#################################################################
# Validation block by block, without a graph of every triple
#################################################################


class TripleSource(Protocol):
    """A graph given subject by subject (e.g. `graph.triples.KBTriples`), without blank nodes."""

    def blocks(self) -> Iterator[tuple[Node, Iterable[tuple[Node, Node]]]]:
        """Every subject once, with all its (predicate, object) pairs, each pair once."""

    def types(self, node: Node) -> Sequence[Node]:
        """The `rdf:type`s of a node in the whole graph."""

    def typed_nodes(self) -> Iterable[Sequence[Node]]:
        """The types of typed subjects: at least one entry for every distinct set of types."""

    def has_subject(self, node: Node) -> bool:
        """Whether `node` is the subject of some triple."""

    def names_graph(self) -> Graph:
        """A graph with the prefixes the whole graph would have bound (for messages)."""

    def to_graph(self) -> Graph:
        """The whole graph, for shapes that need more than a block."""


class _NotLocal(Exception):
    """The data needs the whole graph (a blank node, or classes declared in the data)."""


BLOCK_SUBJECTS = 4096  # subjects indexed at once: the index of one block is all SHACL holds


def block_local(shapes: Shapes) -> bool:
    """Whether a focus node's verdict depends only on its own triples and the `rdf:type`s of
    the nodes they point to, so that the shapes can be checked block by block.

    Not so for `sh:targetObjectsOf` and `sh:targetNode` (the focus node's triples may be in
    another block) or a shape inside `sh:or` with property shapes (they read the value node's
    triples); `validate_blocks` then validates the whole graph.
    """
    seen: set[Node] = set()

    def value_local(constraint: Constraint) -> bool:
        if not isinstance(constraint, OrConstraint):
            return True
        for shape in constraint.alternatives:
            if shape.node in seen:
                continue
            seen.add(shape.node)
            if shape.properties or not all(map(value_local, shape.constraints)):
                return False
        return True

    for shape in shapes.targeted:
        if shape.targets.objects_of or shape.targets.nodes:
            return False
        constraints = [*shape.constraints, *(c for p in shape.properties for c in p.constraints)]
        if not all(map(value_local, constraints)):
            return False
    return True


def validate_blocks(source: TripleSource, engine: Engine = "auto",
                    block_subjects: int = BLOCK_SUBJECTS) -> ValidationResult:
    """`validate(source.to_graph(), engine)`, checked `block_subjects` subjects at a time (see
    `BlockValidator`)."""
    validator = BlockValidator(source, engine, block_subjects)
    for subject, pairs in source.blocks():
        validator.add(subject, pairs)
    return validator.result()


class BlockValidator:
    """Validates the graph of `source` from its blocks, each given once to `add` (in any
    order), so that another pass over the blocks (Turtle) can check them as it goes;
    `result()` then gives what `validate(source.to_graph(), engine)` gives.

    The fast engine's index is made for `block_subjects` subjects at a time, with the classes of
    the nodes they point to asked of `source`; the provenance rule is checked with a 64-bit
    hash of each edge (a second pass over `source.blocks()` names the edges if some differ; two
    distinct edges with one hash, a chance of about n²/2⁶⁴ for n edges, would hide a missing
    record). pySHACL, shapes outside `block_local` and data that declares classes or has
    blank nodes get the whole graph (`source.to_graph()`) instead.
    """

    def __init__(self, source: TripleSource, engine: Engine = "auto",
                 block_subjects: int = BLOCK_SUBJECTS) -> None:
        self.source, self.engine, self.block_subjects = source, engine, block_subjects
        shapes = None if engine == "pyshacl" else _compiled_shapes()
        self._checker = (_BlockChecker(source, shapes)
                         if shapes is not None and block_local(shapes) else None)
        self._batch: dict[Node, Iterable[tuple[Node, Node]]] = {}

    def add(self, subject: Node, pairs: Iterable[tuple[Node, Node]]) -> None:
        """One subject with all its pairs (read now or with the next `block_subjects` - 1)."""
        if self._checker is None:
            return
        self._batch[subject] = pairs
        if len(self._batch) >= self.block_subjects:
            self._check_batch()

    def _check_batch(self) -> None:
        batch, self._batch = self._batch, {}
        if self._checker is not None and batch:
            try:
                self._checker.check(batch)
            except _NotLocal:
                self._checker = None

    def result(self) -> ValidationResult:
        self._check_batch()
        if self._checker is None:
            return validate(self.source.to_graph(), self.engine)
        ordered = sorted(self._checker.finish(self.block_subjects))
        return ValidationResult(conforms=not ordered, violations=ordered)


class _BlockChecker:
    """The fast engine's state across blocks: lines found, and the edges' hashes."""

    def __init__(self, source: TripleSource, shapes: Shapes) -> None:
        self.source, self.shapes = source, shapes
        ontology = ontology_graph()
        self.wanted = frozenset({*shapes.predicates, *_PROVENANCE_PREDICATES, RDFS.subClassOf})
        self.ontology_pairs = {predicate: list(ontology.subject_objects(predicate))
                               for predicate in self.wanted}
        ontology_types: defaultdict[Node, list[Node]] = defaultdict(list)
        for node, cls in self.ontology_pairs[RDF.type]:
            ontology_types[node].append(cls)
        # Ontology triples about a subject of the data are mixed into that subject's block
        # only; the others into every block (their focus nodes then give the same lines).
        self.shared = {subject for pairs in self.ontology_pairs.values() for subject, _ in pairs
                       if source.has_subject(subject)}
        self.everywhere = {predicate: [(s, o) for s, o in pairs if s not in self.shared]
                           for predicate, pairs in self.ontology_pairs.items()}

        def outside_types(node: Node) -> Sequence[Node]:
            return (*source.types(node), *ontology_types.get(node, ()))

        def names_from() -> Graph | None:
            return ontology if needs_ontology_for(source.typed_nodes()) else None

        self.outside_types = outside_types
        self.terms = _Terms(source.names_graph(), names_from)
        self.lines: set[str] = set()
        self.edges, self.records = _EdgeHashes(), _EdgeHashes()

    def check(self, block: dict[Node, Iterable[tuple[Node, Node]]]) -> None:
        data_values = _block_values(block, self.wanted)
        mixed = self.everywhere
        if self.shared:
            mixed = {predicate: [*pairs, *((s, o) for s, o in self.ontology_pairs[predicate]
                                           if s in self.shared and s in block)]
                     for predicate, pairs in self.everywhere.items()}
        data = _DataIndex.of_block(data_values, mixed, frozenset(block), self.outside_types)
        _add_shape_lines(self.shapes, data, self.terms, self.lines)
        for s, p, o in _edges_of(data_values):
            self.edges.add(s, p, o)
        for _, triple in _records_of(data_values):
            if None not in triple:
                self.records.add(*triple)

    def finish(self, block_subjects: int) -> set[str]:
        lines = self.lines
        missing, unasserted = self.edges.minus(self.records), self.records.minus(self.edges)
        if missing or unasserted:  # rare: a second pass names them
            for block in _batches(self.source.blocks(), block_subjects):
                data_values = _block_values(block, self.wanted)
                lines.update(f"{_short(s)} {_short(p)} {_short(o)}: edge without provenance "
                             "(no rdf:Statement)" for s, p, o in _edges_of(data_values)
                             if _edge_hash(s, p, o) in missing)
                for statement, triple in _records_of(data_values):
                    if None not in triple and _edge_hash(*triple) in unasserted:
                        edge = " ".join(_short(term) for term in triple)
                        lines.add(f"{_short(statement)}: records an edge that is not asserted "
                                  f"({edge})")
        return lines


def _batches(blocks: Iterator[tuple[Node, Iterable[tuple[Node, Node]]]],
             size: int) -> Iterator[dict[Node, Iterable[tuple[Node, Node]]]]:
    batch: dict[Node, Iterable[tuple[Node, Node]]] = {}
    for subject, pairs in blocks:
        batch[subject] = pairs
        if len(batch) >= size:
            yield batch
            batch = {}
    if batch:
        yield batch


def _block_values(block: dict[Node, Iterable[tuple[Node, Node]]],
                  wanted: frozenset[Node]) -> dict[Node, dict[Node, list[Node]]]:
    """predicate -> subject -> objects of the block's triples, for the predicates `wanted`."""
    values: dict[Node, defaultdict[Node, list[Node]]] = {
        predicate: defaultdict(list) for predicate in wanted}
    # Looked up by the id of each predicate object (rdflib terms compare equal in Python, ids in
    # C), with the predicate kept so that its id stays its own; blank nodes by their type.
    slots: dict[int, tuple[Node, defaultdict[Node, list[Node]] | None]] = {}
    blank_types: dict[type, bool] = {}
    for subject, pairs in block.items():
        if isinstance(subject, BNode):
            raise _NotLocal
        for predicate, obj in pairs:
            slot = slots.get(id(predicate))
            if slot is None:
                slot = slots[id(predicate)] = (predicate, values.get(predicate))
            by_subject = slot[1]
            if by_subject is not None:
                blank = blank_types.get(type(obj))
                if blank is None:
                    blank = blank_types[type(obj)] = isinstance(obj, BNode)
                if blank:
                    raise _NotLocal
                by_subject[subject].append(obj)
    if values[RDFS.subClassOf]:
        raise _NotLocal  # classes declared in the data count for every block
    return values


def _edges_of(values: dict[Node, dict[Node, list[Node]]]) -> Iterator[tuple[Node, Node, Node]]:
    for predicate in _RELATIONS:
        for subject, objects in values[predicate].items():
            for obj in objects:
                yield subject, predicate, obj


def _records_of(values: dict[Node, dict[Node, list[Node]]],
                ) -> Iterator[tuple[Node, tuple[Node | None, Node | None, Node | None]]]:
    """Each statement and the edge it records (as `provenance_violations` reads it)."""
    statement_type = RDF.Statement
    about = [values[predicate] for predicate in (RDF.subject, RDF.predicate, RDF.object)]
    for statement, types in values[RDF.type].items():
        if statement_type in types:
            yield statement, tuple(  # type: ignore[misc]
                found[0] if found else None
                for found in (by_subject.get(statement, ()) for by_subject in about))


def _edge_hash(s: Node, p: Node, o: Node) -> int:
    """A 64-bit hash of a triple, equal for equal triples within this process (rdflib terms
    hash as they compare)."""
    return hash((s, p, o))


class _EdgeHashes:
    """A multiset of edges as 64-bit hashes: 8 bytes an edge, however long its terms."""

    def __init__(self) -> None:
        self._hashes = array("q")

    def add(self, s: Node, p: Node, o: Node) -> None:
        self._hashes.append(_edge_hash(s, p, o))

    def minus(self, other: _EdgeHashes) -> set[int]:
        """The hashes here that `other` does not hold."""
        mine = np.frombuffer(self._hashes, dtype=np.int64)
        theirs = np.frombuffer(other._hashes, dtype=np.int64)
        return {int(value) for value in np.setdiff1d(mine, theirs)}

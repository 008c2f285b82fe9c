"""Network: the RDF graph as a networkx multigraph of entities, for views and graph exports.

Nodes are entities (id = the entity IRI as a string); edges are the contract's direct edges
between two entities, each carrying every provenance record (`rdf:Statement`) behind it.
Facts whose object is a literal (`dg:documentNumber`, `dg:date`) are not edges: they are kept
as node attributes named after the relation, and in full by `literal_facts`.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple, TypedDict

import networkx as nx
import numpy as np
from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from graph.model import EntityType, Relation
from graph.vocab import DG, DG_NS

if TYPE_CHECKING:
    from graph.triples import StatementRecord

CORE_TYPES: frozenset[str] = frozenset(t.value for t in EntityType)
RELATIONS: frozenset[str] = frozenset(r.value for r in Relation)
# Relations whose object is a literal, never another entity.
LITERAL_RELATIONS: frozenset[str] = frozenset({Relation.DOCUMENT_NUMBER.value, Relation.DATE.value})


class Provenance(TypedDict):
    """Where one fact was read: one `rdf:Statement`, with its article resolved."""

    evidence: str
    article: str  # the Article's IRI
    source: str  # the article's input file name ("" when unknown)
    title: str  # the article's title ("" when unknown)
    date: str  # ISO date the fact was observed on, or the article's date ("" when unknown)
    confidence: float


class Evidence(NamedTuple):
    """A `Provenance` record as a tuple: a third of the dict's memory.

    The whole-graph page reads every record of the graph at once (36k at 1,000 articles).
    """

    evidence: str
    article: str
    source: str
    title: str
    date: str
    confidence: float

    @classmethod
    def of(cls, record: Provenance) -> Evidence:
        return cls(record["evidence"], record["article"], record["source"], record["title"],
                   record["date"], record["confidence"])

    def provenance(self) -> Provenance:
        return Provenance(evidence=self.evidence, article=self.article, source=self.source,
                          title=self.title, date=self.date, confidence=self.confidence)


# Provenance records are sorted by these; ties keep the graph's order (the sort is stable).
_RECORD_ORDER = attrgetter("date", "source", "evidence")


@dataclass(frozen=True, slots=True)
class LiteralFact:
    """A fact whose object is a literal, e.g. a document's number or an event's date."""

    subject: str
    relation: str
    value: str
    provenance: tuple[Provenance, ...]


def local_name(iri: Node) -> str:
    """The local name of a `dg:` term ("...ontology#holdsRole" -> "holdsRole"); else ""."""
    text = str(iri)
    return text[len(DG_NS):] if text.startswith(str(DG_NS)) else ""


def _text(value: Node | None) -> str:
    return "" if value is None else str(value)


def _iso(value: Node | None) -> str:
    if isinstance(value, Literal):
        python = value.toPython()
        if isinstance(python, dt.date):
            return python.isoformat()
        return str(value)
    return ""


def _confidence(value: Node | None) -> float:
    try:
        return float(value.toPython()) if isinstance(value, Literal) else 0.0
    except (TypeError, ValueError):
        return 0.0


def _first_objects(graph: Graph, predicate: Node) -> dict[Node, Node]:
    """One object per subject for `predicate`, in one scan (the smallest, for a stable pick)."""
    found: dict[Node, Node] = {}
    for subject, value in graph.subject_objects(predicate):
        if subject not in found or str(value) < str(found[subject]):
            found[subject] = value
    return found


def _articles(graph: Graph) -> dict[Node, dict[str, str]]:
    sources, titles, dates = (_first_objects(graph, predicate)
                              for predicate in (DCTERMS.source, DCTERMS.title, DCTERMS.date))
    return {
        article: {
            "source": _text(sources.get(article)),
            "title": _text(titles.get(article)),
            "date": _iso(dates.get(article)),
        }
        for article in graph.subjects(RDF.type, DG.Article)
    }


def provenance_index(graph: Graph) -> dict[tuple[Node, Node, Node], list[Provenance]]:
    """Every `rdf:Statement`, keyed by the (subject, predicate, object) it is about."""
    articles = _articles(graph)
    # One scan per property: far cheaper than seven look-ups per statement on large graphs.
    subjects, predicates, objects, derived, evidence, confidence, observed = (
        _first_objects(graph, predicate) for predicate in (
            RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom, DG.evidence,
            DG.confidence, DG.observedOn))
    index: dict[tuple[Node, Node, Node], list[Provenance]] = defaultdict(list)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        triple = (subjects.get(statement), predicates.get(statement), objects.get(statement))
        if None in triple:
            continue
        article = derived.get(statement)
        info = articles.get(article, {}) if article is not None else {}
        index[triple].append(Provenance(
            evidence=_text(evidence.get(statement)),
            article=_text(article),
            source=info.get("source", ""),
            title=info.get("title", ""),
            date=_iso(observed.get(statement)) or info.get("date", ""),
            confidence=_confidence(confidence.get(statement)),
        ))
    for records in index.values():
        records.sort(key=lambda record: (record["date"], record["source"], record["evidence"]))
    return dict(index)


def _entity_types(graph: Graph) -> dict[Node, tuple[str, list[str]]]:
    """Core type and more specific `dg:` classes of every typed entity (statements excluded)."""
    classes: dict[Node, set[str]] = defaultdict(set)
    for subject, class_ in graph.subject_objects(RDF.type):
        name = local_name(class_)
        if name and isinstance(subject, URIRef):
            classes[subject].add(name)
    typed = {}
    for subject, names in classes.items():
        core = sorted(names & CORE_TYPES)
        if core:
            typed[subject] = (core[0], sorted(names - CORE_TYPES))
    return typed


def _node_attributes(
    node: Node, core: str, subtypes: list[str], labels: Mapping[Node, Node],
    alt_labels: Mapping[Node, set[str]], articles: Mapping[Node, Mapping[str, str]],
    publishers: Mapping[Node, Node],
) -> dict:
    label = labels.get(node)
    attributes: dict = {
        "label": str(label) if label is not None else str(node).rsplit("/", 1)[-1],
        "type": core,
        "alt_labels": sorted(alt_labels.get(node, set()) - {str(label)}),
        "subtypes": subtypes,
    }
    if core == EntityType.ARTICLE:
        attributes.update(articles.get(node, {"source": "", "title": "", "date": ""}))
        if node in publishers:
            attributes["publisher"] = str(publishers[node])
    return attributes


def to_networkx(
    graph: Graph,
    provenance: Mapping[tuple[Node, Node, Node], list[Provenance]] | None = None,
) -> nx.MultiDiGraph:
    """The entities of `graph` and the direct edges between them, with provenance.

    Node attributes: `label`, `type` (core class local name), `alt_labels` (list), `subtypes`
    (list); articles also `source`, `title`, `date`; literal facts as `documentNumber` / `date`
    (values joined with "; "). Edge key and attribute `relation`: the relation's local name;
    `provenance`: a list of `Provenance` records, sorted by date. Pass `provenance` (from
    `provenance_index`) when you already have it, to avoid reading the statements twice.
    """
    types = _entity_types(graph)
    labels = _first_objects(graph, RDFS.label)
    alt_labels: dict[Node, set[str]] = defaultdict(set)
    for subject, alt in graph.subject_objects(SKOS.altLabel):
        alt_labels[subject].add(str(alt))
    articles, publishers = _articles(graph), _first_objects(graph, DCTERMS.publisher)
    provenance = provenance_index(graph) if provenance is None else provenance
    # Only the direct-edge properties are scanned, not every triple of the graph.
    edges = ((subject, relation, obj) for relation in RELATIONS - LITERAL_RELATIONS
             for subject, obj in graph.subject_objects(DG[relation]))
    return _network(_Nodes(types, labels, alt_labels, articles, publishers),
                    literal_facts(graph, provenance), edges, provenance)


@dataclass(frozen=True, slots=True)
class _Nodes:
    """What the network's nodes are made of, read from a graph or a knowledge base."""

    types: Mapping[Node, tuple[str, list[str]]]  # see _entity_types
    labels: Mapping[Node, Node]
    alt_labels: Mapping[Node, set[str]]
    articles: Mapping[Node, Mapping[str, str]]  # see _articles
    publishers: Mapping[Node, Node]


def _drawn_edges(types: Mapping[Node, object], edges: Iterable[tuple[Node, str, Node]],
                 ) -> Iterator[tuple[Node, str, Node]]:
    """The direct edges a network draws: from a typed entity to a resource (not a literal)."""
    return ((subject, relation, obj) for subject, relation, obj in edges
            if isinstance(obj, URIRef) and subject in types)


def _bare_node(iri: str) -> dict:
    """The attributes of an untyped resource that an edge points to."""
    return {"label": iri.rsplit("/", 1)[-1], "type": "", "alt_labels": [], "subtypes": []}


def _network(nodes: _Nodes, literals: Iterable[LiteralFact],
             edges: Iterable[tuple[Node, str, Node]],
             provenance: Mapping[tuple[Node, Node, Node], list[Provenance]]) -> nx.MultiDiGraph:
    """The network of `to_networkx`; `edges`: (subject, relation, object) of every direct edge
    whose relation is not a literal relation."""
    network = nx.MultiDiGraph()
    types = nodes.types
    for node, (core, subtypes) in sorted(types.items()):
        network.add_node(str(node), **_node_attributes(
            node, core, subtypes, nodes.labels, nodes.alt_labels, nodes.articles,
            nodes.publishers))

    for fact in literals:
        attributes = network.nodes.get(fact.subject)
        if attributes is None or attributes["type"] == EntityType.ARTICLE:
            continue  # an article's own date is dct:date, already an attribute
        previous = attributes.get(fact.relation)
        attributes[fact.relation] = f"{previous}; {fact.value}" if previous else fact.value

    ordered = sorted((str(subject), relation, str(obj), subject, obj)
                     for subject, relation, obj in _drawn_edges(types, edges))
    for source, relation, target, subject, obj in ordered:
        if obj not in types:  # an edge to an untyped resource still gets a (bare) node
            network.add_node(target, **_bare_node(target))
        network.add_edge(source, target, key=relation, relation=relation,
                         provenance=list(provenance.get((subject, DG[relation], obj), [])))
    return network


def literal_facts(
    graph: Graph,
    provenance: Mapping[tuple[Node, Node, Node], list[Provenance]] | None = None,
) -> list[LiteralFact]:
    """Every fact whose object is a literal, with its provenance, sorted."""
    index = provenance_index(graph) if provenance is None else provenance
    facts = []
    for relation in sorted(LITERAL_RELATIONS):
        predicate = DG[relation]
        for subject, value in graph.subject_objects(predicate):
            if isinstance(value, Literal):
                facts.append(LiteralFact(
                    subject=str(subject), relation=relation,
                    value=_iso(value) or str(value),
                    provenance=tuple(index.get((subject, predicate, value), [])),
                ))
    return sorted(facts, key=lambda fact: (fact.subject, fact.relation, fact.value))


# ---- the same, read from a knowledge base's blocks ------------------------------------------

_Triple = tuple[Node, Node, Node]


@dataclass(frozen=True, slots=True)
class _BlockContents:
    """What the network is made of, read from the blocks of a graph's subjects."""

    nodes: _Nodes
    edges: list[tuple[Node, str, Node]]  # (subject, relation, object), no literal relation
    literal_edges: list[tuple[Node, str, Node, Literal]]  # (subject, relation, predicate, value)


def _read_node_blocks(node_blocks: Iterable[tuple[Node, Iterable[tuple[Node, Node]]]],
                      ) -> _BlockContents:
    types: dict[Node, tuple[str, list[str]]] = {}
    labels: dict[Node, Node] = {}
    alt_labels: dict[Node, set[str]] = {}
    articles: dict[Node, dict[str, str]] = {}
    publishers: dict[Node, Node] = {}
    edges: list[tuple[Node, str, Node]] = []
    literal_edges: list[tuple[Node, str, Node, Literal]] = []
    for subject, pairs in node_blocks:
        names: set[str] = set()
        is_article = False
        firsts: dict[Node, Node] = {}  # predicate -> smallest object (see _first_objects)
        for predicate, obj in pairs:
            if predicate == RDF.type:
                name = local_name(obj)
                if name:
                    names.add(name)
                is_article = is_article or obj == DG.Article
            elif predicate == SKOS.altLabel:
                alt_labels.setdefault(subject, set()).add(str(obj))
            elif predicate in _FIRST_OBJECT_PREDICATES:
                if predicate not in firsts or str(obj) < str(firsts[predicate]):
                    firsts[predicate] = obj
            else:
                relation = _RELATION_OF.get(predicate)
                if relation is None:
                    continue
                if relation not in LITERAL_RELATIONS:
                    edges.append((subject, relation, obj))
                elif isinstance(obj, Literal):
                    literal_edges.append((subject, relation, predicate, obj))
        core = sorted(names & CORE_TYPES)
        if core and isinstance(subject, URIRef):
            types[subject] = (core[0], sorted(names - CORE_TYPES))
        if RDFS.label in firsts:
            labels[subject] = firsts[RDFS.label]
        if DCTERMS.publisher in firsts:
            publishers[subject] = firsts[DCTERMS.publisher]
        if is_article:
            articles[subject] = {"source": _text(firsts.get(DCTERMS.source)),
                                 "title": _text(firsts.get(DCTERMS.title)),
                                 "date": _iso(firsts.get(DCTERMS.date))}
    return _BlockContents(_Nodes(types, labels, alt_labels, articles, publishers), edges,
                          literal_edges)


def _evidence_index(statements: Iterable[StatementRecord],
                    articles: Mapping[Node, Mapping[str, str]],
                    ) -> tuple[dict[_Triple, list[Evidence]], dict[tuple[Node, Node], int]]:
    """The records behind each triple (sorted as `provenance_index` sorts them), and the order
    in which the graph first holds each (predicate, object) pair."""
    index: dict[_Triple, list[Evidence]] = defaultdict(list)
    first_seen: dict[tuple[Node, Node], int] = {}
    # Articles, dates and confidences repeat across records: one string or float each.
    article_texts: dict[Node, str] = {}
    observed_texts: dict[Node | None, str] = {None: ""}
    confidences: dict[Node, float] = {}
    for record in statements:
        triple = (record.subject, record.predicate, record.object)
        first_seen.setdefault((record.predicate, record.object), len(first_seen))
        info = articles.get(record.source, {})
        article = article_texts.get(record.source)
        if article is None:
            article = article_texts[record.source] = str(record.source)
        observed = observed_texts.get(record.observed_on)
        if observed is None:
            observed = observed_texts[record.observed_on] = _iso(record.observed_on)
        confidence = confidences.get(record.confidence)
        if confidence is None:
            confidence = confidences[record.confidence] = _confidence(record.confidence)
        index[triple].append(Evidence(
            evidence=record.fact.evidence,
            article=article,
            source=info.get("source", ""),
            title=info.get("title", ""),
            date=observed or info.get("date", ""),
            confidence=confidence,
        ))
    for records in index.values():
        records.sort(key=_RECORD_ORDER)
    index.default_factory = None  # a plain mapping from here on (no copy of it made)
    return index, first_seen


# A triple's key: its subject's and object's numbers (23 and 32 bits) and its predicate's
# (8 bits) in one 64-bit integer.
_NODE_LIMIT, _PREDICATE_LIMIT = 1 << 23, 1 << 8


@dataclass(slots=True)
class _EvidenceRows:
    """The records of a graph's statements for the page, a few numbers each (not an `Evidence`
    and a list slot each, nor a tuple and a dict entry per triple): per statement its
    sentence, article, date, confidence and the key of its triple; the `Evidence` of a
    triple's records are made when they are asked for.
    """

    nodes: dict[Node, int] = field(default_factory=dict)  # subjects and objects, numbered
    predicates: dict[Node, int] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)  # per statement, in the graph's order
    articles: array = field(default_factory=lambda: array("i"))  # number in `article_rows`
    dates: array = field(default_factory=lambda: array("i"))  # number in `date_texts`
    confidences: array = field(default_factory=lambda: array("d"))
    keys: array = field(default_factory=lambda: array("q"))  # the statement's triple's key
    # (article IRI, source, title, date) of each article a record names
    article_rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    date_texts: list[str] = field(default_factory=list)
    # Filled in by `group`: the statements sorted by key (stably), and their keys in that order.
    order: array = field(default_factory=lambda: array("i"))
    relations: dict[str, int] | None = None  # predicate numbers by relation name, once asked

    def key(self, triple: _Triple, *, add: bool = False) -> int | None:
        """The key of `triple` (None if one of its terms is unknown and not `add`)."""
        subject, predicate, obj = triple
        nodes = self.nodes
        numbers = (nodes.get(subject), self.predicates.get(predicate), nodes.get(obj))
        if None in numbers:
            if not add:
                return None
            numbers = (_numbered(nodes, subject, _NODE_LIMIT),
                       _numbered(self.predicates, predicate, _PREDICATE_LIMIT),
                       _numbered(nodes, obj, _NODE_LIMIT))
        return numbers[0] << 40 | numbers[1] << 32 | numbers[2]

    def edge_records(self, subject: Node, relation: str, obj: Node) -> list[Evidence]:
        """`records((subject, the relation's predicate, obj))`."""
        if self.relations is None:  # by name: the graph's predicate terms are other objects
            # than this module's, and rdflib compares terms in Python
            base = str(DG_NS)
            self.relations = {str(predicate)[len(base):]: number
                              for predicate, number in self.predicates.items()
                              if str(predicate).startswith(base)}
        nodes = self.nodes
        numbers = (nodes.get(subject), self.relations.get(relation), nodes.get(obj))
        if None in numbers:
            return []
        return self._records(numbers[0] << 40 | numbers[1] << 32 | numbers[2])

    def group(self) -> None:
        """Sort the statements by key once all are read (the order of equal keys kept)."""
        keys = np.frombuffer(self.keys, dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        self.keys = array("q", keys[order].tobytes())
        self.order = array("i", order.astype(np.int32).tobytes())

    def records(self, triple: _Triple) -> list[Evidence]:
        """The records behind `triple`, sorted as `provenance_index` sorts them."""
        key = self.key(triple)
        return [] if key is None else self._records(key)

    def _records(self, key: int) -> list[Evidence]:
        rows = []
        for index in range(bisect_left(self.keys, key), bisect_right(self.keys, key)):
            position = self.order[index]
            article, source, title, _ = self.article_rows[self.articles[position]]
            rows.append(Evidence(self.sentences[position], article, source, title,
                                 self.date_texts[self.dates[position]],
                                 self.confidences[position]))
        rows.sort(key=_RECORD_ORDER)
        return rows


def _numbered(table: dict[Node, int], term: Node, limit: int) -> int:
    number = table.get(term)
    if number is None:
        number = table[term] = len(table)
        if number >= limit:
            raise OverflowError("too many nodes or predicates for the page")
    return number


def _evidence_rows(statements: Iterable[StatementRecord],
                   articles: Mapping[Node, Mapping[str, str]],
                   ) -> tuple[_EvidenceRows, dict[tuple[Node, Node], int]]:
    """`_evidence_index` as `_EvidenceRows`, and the order in which the graph first holds each
    (predicate, literal) pair (of the literal relations: the only ones `_literal_keys` reads)."""
    rows = _EvidenceRows()
    first_seen: dict[tuple[Node, Node], int] = {}
    literal_predicates = {_PREDICATES[relation] for relation in LITERAL_RELATIONS}
    article_numbers: dict[Node, int] = {}
    date_numbers: dict[str, int] = {}
    observed_texts: dict[Node | None, str] = {None: ""}
    confidences: dict[Node, float] = {}
    for record in statements:
        if record.predicate in literal_predicates:
            first_seen.setdefault((record.predicate, record.object), len(first_seen))
        article = article_numbers.get(record.source)
        if article is None:
            article = article_numbers[record.source] = len(rows.article_rows)
            info = articles.get(record.source, {})
            rows.article_rows.append((str(record.source), info.get("source", ""),
                                      info.get("title", ""), info.get("date", "")))
        observed = observed_texts.get(record.observed_on)
        if observed is None:
            observed = observed_texts[record.observed_on] = _iso(record.observed_on)
        date = observed or rows.article_rows[article][3]
        date_number = date_numbers.get(date)
        if date_number is None:
            date_number = date_numbers[date] = len(rows.date_texts)
            rows.date_texts.append(date)
        confidence = confidences.get(record.confidence)
        if confidence is None:
            confidence = confidences[record.confidence] = _confidence(record.confidence)
        rows.sentences.append(record.fact.evidence)
        rows.articles.append(article)
        rows.dates.append(date_number)
        rows.confidences.append(confidence)
        rows.keys.append(rows.key((record.subject, record.predicate, record.object), add=True))
    rows.group()
    return rows, first_seen


def _literal_keys(literal_edges: list[tuple[Node, str, Node, Literal]],
                  first_seen: Mapping[tuple[Node, Node], int],
                  ) -> list[tuple[str, str, str, _Triple]]:
    """(subject, relation, value, triple) of the literal facts, in `literal_facts`' order: by
    relation, then as the graph holds them, then sorted (stably)."""
    ordered = sorted(literal_edges,
                     key=lambda row: (row[1], first_seen.get((row[2], row[3]), len(first_seen))))
    return sorted(((str(subject), relation, _iso(value) or str(value),
                    (subject, predicate, value))
                   for subject, relation, predicate, value in ordered),
                  key=lambda row: row[:3])


def network_of_blocks(
    node_blocks: Iterable[tuple[Node, Iterable[tuple[Node, Node]]]],
    statements: Iterable[StatementRecord],
) -> tuple[nx.MultiDiGraph, list[LiteralFact]]:
    """`to_networkx(graph)` and `literal_facts(graph)` without the graph: from the blocks of
    its subjects that are no `rdf:Statement` (sorted, as `KBTriples.node_blocks` gives them)
    and its statements in the order the graph holds them (`KBTriples.statements`).

    The statements' order decides ties wherever the graph's order does: provenance records with
    equal sort keys, literal facts with equal values.
    """
    contents = _read_node_blocks(node_blocks)
    evidence, first_seen = _evidence_index(statements, contents.nodes.articles)
    provenance = {triple: [row.provenance() for row in rows]
                  for triple, rows in evidence.items()}
    literals = [LiteralFact(subject, relation, value, tuple(provenance.get(triple, [])))
                for subject, relation, value, triple
                in _literal_keys(contents.literal_edges, first_seen)]
    return _network(contents.nodes, literals, contents.edges, provenance), literals


_FIRST_OBJECT_PREDICATES = frozenset({RDFS.label, DCTERMS.publisher, DCTERMS.source,
                                      DCTERMS.title, DCTERMS.date})
# One term and one name per relation, shared by every edge (not a copy each).
_PREDICATES: dict[str, URIRef] = {relation: DG[relation] for relation in RELATIONS}
_RELATION_OF: dict[Node, str] = {predicate: relation for relation, predicate
                                 in _PREDICATES.items()}


# ---- what a view page reads ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageGraph:
    """A network as a view page reads it (`graph.view`): its nodes, edges and literal facts,
    each in the page's order.

    Made from a networkx network (`page_graph`), or for the whole-graph page straight from a
    knowledge base's blocks (`page_graph_of_blocks`): no networkx graph (~1 KiB an edge) and
    no `Provenance` dict is made, and `edges` lets go of each edge's records once read.
    `nodes`, then `edges`, then `literals` are each read once, in that order.
    """

    # (IRI, attributes as `to_networkx` gives them; literal facts not among them), sorted by IRI
    nodes: Iterable[tuple[str, Mapping]]
    # (source, target, relation, records), sorted by (source, relation, target)
    edges: Iterable[tuple[str, str, str, Sequence[Evidence]]]
    # (subject, relation, value, records), in `literal_facts`' order
    literals: Iterable[tuple[str, str, str, Sequence[Evidence]]]


def page_graph(network: nx.MultiDiGraph, literals: Iterable[LiteralFact] = ()) -> PageGraph:
    """The page's reading of a networkx network (edge keys are relations, as `to_networkx`
    makes them) and of its literal facts."""
    edges = sorted(network.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))
    return PageGraph(
        nodes=sorted(network.nodes(data=True)),
        edges=[(source, target, relation,
                tuple(Evidence.of(row) for row in data.get("provenance", ())))
               for source, target, relation, data in edges],
        literals=[(fact.subject, fact.relation, fact.value,
                   tuple(Evidence.of(row) for row in fact.provenance)) for fact in literals])


def page_graph_of_blocks(
    node_blocks: Iterable[tuple[Node, Iterable[tuple[Node, Node]]]],
    statements: Iterable[StatementRecord],
    *,
    after_reading: Callable[[], None] | None = None,
) -> PageGraph:
    """`page_graph(*network_of_blocks(node_blocks, statements))`, without the network.

    The blocks and statements are read first, then `after_reading` is called: the caller can
    let their source go before the page is made, so that the two are never held at once. The
    nodes' attributes are made as the page reads them.
    """
    contents = _read_node_blocks(node_blocks)
    evidence, first_seen = _evidence_rows(statements, contents.nodes.articles)
    if after_reading is not None:
        after_reading()
    literals = [(subject, relation, value, tuple(evidence.records(triple)))
                for subject, relation, value, triple
                in _literal_keys(contents.literal_edges, first_seen)]
    del first_seen
    contents.literal_edges.clear()
    types = contents.nodes.types
    # One string per node, shared by its edges.
    names: dict[Node, str] = {node: str(node) for node in types}
    edges = []
    # Each read edge is let go as its drawn one is made: the two lists never both hold them all.
    read = contents.edges
    read.reverse()
    while read:
        subject, relation, obj = read.pop()
        if not isinstance(obj, URIRef) or subject not in types:  # not drawn (`_drawn_edges`)
            continue
        target = names.get(obj)
        if target is None:
            target = names[obj] = str(obj)  # an untyped resource: a bare node
        edges.append((names[subject], relation, target, subject, obj))
    edges.sort(key=lambda edge: edge[:3])
    return PageGraph(nodes=_page_nodes(contents.nodes, names),
                     edges=_page_edges(edges, evidence), literals=literals)


def _page_nodes(nodes: _Nodes, names: Mapping[Node, str]) -> Iterator[tuple[str, dict]]:
    for node, name in sorted(names.items(), key=lambda item: item[1]):
        typed = nodes.types.get(node)
        yield name, (_bare_node(name) if typed is None else _node_attributes(
            node, *typed, nodes.labels, nodes.alt_labels, nodes.articles, nodes.publishers))


def _page_edges(edges: list[tuple[str, str, str, Node, Node]], evidence: _EvidenceRows,
                ) -> Iterator[tuple[str, str, str, Sequence[Evidence]]]:
    """The sorted `edges` (source, relation, target, subject term, object term) with their
    records, made as each edge is read; an edge given twice comes once (a network holds it
    once)."""
    previous = None
    for source, relation, target, subject, obj in edges:
        if (source, relation, target) != previous:
            yield source, target, relation, evidence.edge_records(subject, relation, obj)
        previous = (source, relation, target)


def importance(network: nx.MultiDiGraph) -> dict[str, float]:
    """How central each node is: the evidence behind its edges plus its distinct neighbours.

    Mentions count less than extracted relations, so a name cited in many articles does not
    outrank the people and bodies the facts are about. Not normalised; 0 for an isolated node.
    """
    nodes = list(network.nodes)
    number = {node: i for i, node in enumerate(nodes)}
    edges = list(network.edges(data=True))
    scores = edge_importance(
        len(nodes),
        np.array([number[source] for source, _, _ in edges], dtype=np.int64),
        np.array([number[target] for _, target, _ in edges], dtype=np.int64),
        np.array([data.get("relation") == Relation.MENTIONED_IN for _, _, data in edges],
                 dtype=bool),
        np.array([len(data.get("provenance", ())) for _, _, data in edges], dtype=np.int64))
    return dict(zip(nodes, scores.tolist(), strict=True))


def edge_importance(count: int, sources: np.ndarray, targets: np.ndarray,
                    mentions: np.ndarray, evidence: np.ndarray) -> np.ndarray:
    """`importance` of nodes 0 to count - 1, from the arrays of their edges: ends, whether
    each is a mention, how many records are behind it.

    Every term is a multiple of 0.25, so the sums are exact: the same in any order.
    """
    weight = np.where(mentions, 0.25, 1.0) * np.maximum(evidence, 1)
    score = (np.bincount(sources, weight, minlength=count)
             + np.bincount(targets, weight, minlength=count))
    low = np.minimum(sources, targets).astype(np.int64)  # int32 ends: no overflow below
    high = np.maximum(sources, targets)
    pairs = sorted_unique(low * max(count, 1) + high)  # each neighbour once; a loop is one too
    low, high = pairs // max(count, 1), pairs % max(count, 1)
    neighbours = (np.bincount(low, minlength=count)
                  + np.bincount(high[low != high], minlength=count))
    return score + neighbours * 0.5


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """`np.unique(values)` of a 1-d integer array, by sorting a copy: numpy's `unique` counts
    the values in a C++ hash set (some 50 bytes a value, outside Python's and numpy's own
    memory, not all of it given back): 15 MiB for the 300,000 edges of 10,000 articles."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def neighbourhood(
    network: nx.MultiDiGraph, centres: Iterable[str], hops: int, *, via_mentions: bool = False,
) -> nx.MultiDiGraph:
    """The subgraph within `hops` edges (either direction) of any of `centres`.

    Unless `via_mentions`, paths do not run through `mentionedIn` edges: every entity of an
    article is two hops from every other, which would make any neighbourhood the whole corpus.
    The centres' own articles are kept.
    """
    undirected = nx.Graph()
    undirected.add_nodes_from(network.nodes)
    undirected.add_edges_from(
        (source, target) for source, target, relation in network.edges(keys=True)
        if via_mentions or relation != Relation.MENTIONED_IN
    )
    keep: set[str] = set()
    for centre in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))
        keep |= {target for _, target, relation in network.out_edges(centre, keys=True)
                 if relation == Relation.MENTIONED_IN}
    return network.subgraph(keep).copy()


def article_subgraph(network: nx.MultiDiGraph, article: str) -> nx.MultiDiGraph:
    """What one article says: its node, the entities it mentions and the facts read from it.

    Edges keep only the provenance records of that article; edges without one are dropped.
    """
    sub = nx.MultiDiGraph()
    if article not in network:
        return sub
    sub.add_node(article, **network.nodes[article])
    for source, target, relation, data in network.edges(keys=True, data=True):
        records = [record for record in data.get("provenance", ()) if record["article"] == article]
        if not records and not (relation == Relation.MENTIONED_IN and target == article):
            continue
        for node in (source, target):
            if node not in sub:
                sub.add_node(node, **network.nodes[node])
        sub.add_edge(source, target, key=relation, **{**data, "provenance": records})
    return sub


__all__ = [
    "Evidence",
    "LiteralFact",
    "PageGraph",
    "Provenance",
    "article_subgraph",
    "edge_importance",
    "importance",
    "literal_facts",
    "local_name",
    "neighbourhood",
    "network_of_blocks",
    "page_graph",
    "page_graph_of_blocks",
    "provenance_index",
    "sorted_unique",
    "to_networkx",
]

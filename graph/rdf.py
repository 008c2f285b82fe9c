"""RDF: KnowledgeBase -> rdflib Graph, following the published contract, and its Turtle.

Every fact becomes a direct edge plus an `rdf:Statement` carrying its provenance.
Statement IRIs are derived from a hash of their content, and `serialize_turtle` writes triples
in a canonical order, so the same input gives byte-identical Turtle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.model import Article, EntityRef, EntityType, Fact, KnowledgeBase, Relation
from graph.vocab import DG, PREFIXES, STATEMENT, bind_prefixes, class_iri, entity_iri, relation_iri


def _object_term(fact: Fact) -> URIRef | Literal:
    if isinstance(fact.object, EntityRef):
        return entity_iri(fact.object)
    if isinstance(fact.object, dt.date):
        return Literal(fact.object, datatype=XSD.date)
    return Literal(fact.object)


def statement_digest(subject: URIRef, fact: Fact, obj: URIRef | Literal) -> str:
    """The local name of a fact's statement IRI under `statement:` (a content hash)."""
    return statement_digest_bytes(subject, fact, obj).hex()


# The bytes of a statement digest: its local name is their hex (20 characters).
DIGEST_BYTES = 10


def statement_digest_bytes(subject: URIRef, fact: Fact, obj: URIRef | Literal) -> bytes:
    """`statement_digest` as the bytes it is the hex of (lowercase hex sorts as they do)."""
    parts = (str(subject), fact.relation.value, str(obj), fact.article, fact.evidence)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()[:DIGEST_BYTES]


def _statement_iri(subject: URIRef, fact: Fact, obj: URIRef | Literal) -> URIRef:
    return STATEMENT[statement_digest(subject, fact, obj)]


def statement_iri(fact: Fact) -> URIRef:
    """A stable IRI for the provenance record of one fact in one article and sentence."""
    return _statement_iri(entity_iri(fact.subject), fact, _object_term(fact))


def add_article(graph: Graph, article: Article) -> None:
    node = entity_iri(article.ref)
    graph.add((node, RDF.type, DG.Article))
    graph.add((node, RDFS.label, Literal(article.title or article.source)))
    graph.add((node, DCTERMS.source, Literal(article.source)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.date:
        graph.add((node, DCTERMS.date, Literal(article.date, datatype=XSD.date)))
    if article.publisher:
        graph.add((node, DCTERMS.publisher, Literal(article.publisher)))


class Terms:
    """rdflib terms made once per distinct value: IRIs and literals repeat across many facts."""

    def __init__(self) -> None:
        # By (type, key): a tuple of strings hashes and compares in C, an EntityRef in Python.
        self._iris: dict[tuple[str, str], URIRef] = {}
        self._objects: dict[object, URIRef | Literal] = {}
        self._texts: dict[str, Literal] = {}

    def iri(self, ref: EntityRef) -> URIRef:
        key = (ref.type, ref.key)
        node = self._iris.get(key)
        if node is None:
            node = self._iris[key] = entity_iri(ref)
        return node

    def object(self, fact: Fact) -> URIRef | Literal:
        if isinstance(fact.object, EntityRef):
            return self.iri(fact.object)
        key = (type(fact.object), fact.object)  # 1 and True, or "1" and 1, stay apart
        node = self._objects.get(key)
        if node is None:
            node = self._objects[key] = _object_term(fact)
        return node

    def text(self, value: str) -> Literal:
        node = self._texts.get(value)
        if node is None:
            node = self._texts[value] = Literal(value)
        return node


def empty_graph() -> Graph:
    """An empty graph as `to_graph` makes it: its store, and DiploGraph's prefixes bound."""
    # rdflib's default `Memory` store tracks contexts (named graphs) per triple, which a build
    # never uses; `SimpleMemory` keeps the same three indexes without them and builds this
    # graph in about half the time (same triples, byte-identical Turtle).
    graph = Graph(store="SimpleMemory")
    bind_prefixes(graph)
    return graph


def to_graph(kb: KnowledgeBase) -> Graph:
    """Build the RDF graph of a knowledge base (a context-free in-memory store).

    `graph.triples.KBTriples` gives the same triples subject by subject without holding them.
    """
    graph = empty_graph()
    add = graph.add
    terms = Terms()
    # Namespace attributes are looked up once: each look-up on a DefinedNamespace is a call.
    a, label, alt_label, statement_type = RDF.type, RDFS.label, SKOS.altLabel, RDF.Statement
    about_subject, about_predicate, about_object = RDF.subject, RDF.predicate, RDF.object
    derived_from, evidence, observed_on_predicate = PROV.wasDerivedFrom, DG.evidence, DG.observedOn
    observed_on = {article.key: Literal(article.date, datatype=XSD.date)
                   for article in kb.articles if article.date}
    for article in kb.articles:
        add_article(graph, article)
    for entity in kb.entities.values():
        node = terms.iri(entity.ref)
        add((node, a, class_iri(entity.ref.type)))
        for subtype in entity.subtypes:
            add((node, a, DG[subtype]))
        add((node, label, Literal(entity.label)))
        for alt in entity.alt_labels - {entity.label}:
            add((node, alt_label, Literal(alt)))
    predicates = {relation: relation_iri(relation) for relation in Relation}
    sources = {article.key: entity_iri(article.ref) for article in kb.articles}
    # The same fact read twice from one sentence is one statement, with its best confidence.
    confidences: dict[URIRef, float] = {}
    for fact in kb.facts:
        subject, obj = terms.iri(fact.subject), terms.object(fact)
        statement = _statement_iri(subject, fact, obj)
        if statement in confidences:
            confidences[statement] = max(confidences[statement], fact.confidence)
            continue
        confidences[statement] = fact.confidence
        predicate = predicates[fact.relation]
        add((subject, predicate, obj))
        add((statement, a, statement_type))
        add((statement, about_subject, subject))
        add((statement, about_predicate, predicate))
        add((statement, about_object, obj))
        source = sources.get(fact.article) or terms.iri(EntityRef(EntityType.ARTICLE, fact.article))
        add((statement, derived_from, source))
        add((statement, evidence, terms.text(fact.evidence)))
        observed = observed_on.get(fact.article)
        if observed is not None:
            add((statement, observed_on_predicate, observed))
    # Few distinct confidences: one literal each (making an xsd:decimal literal is slow).
    confidence_literals: dict[tuple[float, float], Literal] = {}
    confidence = DG.confidence
    for statement, value in confidences.items():
        key = (value, math.copysign(1.0, value))  # 0.0 and -0.0 are equal keys but print apart
        literal = confidence_literals.get(key)
        if literal is None:
            literal = confidence_literals[key] = confidence_literal(value)
        add((statement, confidence, literal))
    return graph


def confidence_literal(confidence: float) -> Literal:
    """0..1 rounded to 3 places, in the canonical xsd:decimal form Oxigraph also writes ("1")."""
    value = Decimal(str(round(min(max(confidence, 0.0), 1.0), 3))).normalize()
    return Literal(format(value, "f"), datatype=XSD.decimal)


# --- Deterministic Turtle -------------------------------------------------------------------

# A conservative PN_LOCAL (no escapes, no trailing dot) so every Turtle reader accepts it.
_SIMPLE_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# Predicates written first in a subject's block, in this order; the rest sorted by IRI.
_LEADING_PREDICATES = (RDF.type, RDFS.label)


# Characters that need escaping in a Turtle string: the ECHARs, other controls and DEL.
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


def _escape_string(text: str) -> str:
    # Most text has nothing to escape: no quote or backslash, and printable (no control
    # character or DEL), which C checks faster than the pattern's scan.
    if '"' not in text and "\\" not in text and text.isprintable():
        return text
    return _NEEDS_ESCAPE.sub(_escape_char, text)


# What a term is, by its Python type: rdflib's term classes check isinstance in Python (they
# are ABCs), and Turtle is written for every term of the graph.
_IRI, _BLANK, _LITERAL, _OTHER = range(4)
_KINDS: dict[type, int] = {}


def _kind(node: object) -> int:
    kind = _KINDS.get(type(node))
    if kind is None:
        kind = _KINDS[type(node)] = (_IRI if isinstance(node, URIRef) else
                                     _BLANK if isinstance(node, BNode) else
                                     _LITERAL if isinstance(node, Literal) else _OTHER)
    return kind


_XSD_STRING = XSD.string


class _TermWriter:
    """Turtle text of terms, compacted with the given prefixes (longest namespace wins)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self._by_length = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
        self._cache: dict[URIRef, str] = {}

    def iri(self, iri: URIRef) -> str:
        text = self._cache.get(iri)
        if text is None:
            text = self._cache[iri] = self._compact(str(iri))
        return text

    def subject(self, node: Node) -> str:
        """A subject's text: most subjects (statements) occur once, so they are not cached."""
        if _kind(node) == _IRI:
            return self._cache.get(node) or self._compact(str(node))
        return self.term(node)

    def _compact(self, iri: str) -> str:
        for prefix, namespace in self._by_length:
            if iri.startswith(namespace):
                local = iri[len(namespace):]
                if local == "" or _SIMPLE_LOCAL.fullmatch(local):
                    return f"{prefix}:{local}"
        return "<" + iri.replace("\\", "\\u005C").replace(">", "\\u003E") + ">"

    def term(self, node: Node) -> str:
        kind = _KINDS.get(type(node))
        if kind is None:
            kind = _kind(node)
        if kind == _IRI:
            text = self._cache.get(node)
            return text if text is not None else self.iri(node)
        if kind == _LITERAL:
            text = f'"{_escape_string(str(node))}"'
            language = node.language
            if language:
                return f"{text}@{language}"
            datatype = node.datatype
            if datatype is not None and datatype != _XSD_STRING:
                return f"{text}^^{self.iri(datatype)}"
            return text
        if kind == _BLANK:
            return f"_:{node}"
        raise TypeError(f"not an RDF term: {node!r}")


def _term_key(node: Node) -> tuple:
    """Total order over terms: IRIs, then blank nodes, then literals by value, tag and type."""
    kind = _kind(node)
    if kind == _IRI:
        return (0, str(node), "", "")
    if kind == _BLANK:
        return (1, str(node), "", "")
    literal = node if isinstance(node, Literal) else Literal(str(node))
    return (2, str(literal), literal.language or "", str(literal.datatype or ""))


def _predicate_key(predicate: Node) -> tuple:
    if predicate in _LEADING_PREDICATES:
        return (_LEADING_PREDICATES.index(predicate), "")
    return (len(_LEADING_PREDICATES), str(predicate))


# How a block with given predicates (in the order given) is written: the pairs' order, then per
# predicate its text with what comes before it, and where its objects start and end in that order.
_Layout = tuple[list[int], list[tuple[str, int, int]]]


def _layout(writer: _TermWriter, predicates: tuple[Node, ...],
            predicate_key: Callable[[Node], tuple]) -> _Layout:
    keys = [predicate_key(predicate) for predicate in predicates]
    order = sorted(range(len(predicates)), key=keys.__getitem__)  # stable
    runs: list[tuple[str, int, int]] = []
    start = 0
    while start < len(order):
        key = keys[order[start]]
        end = start + 1
        while end < len(order) and keys[order[end]] == key:
            end += 1
        verb = "a" if key == _TYPE_KEY else writer.iri(predicates[order[start]])
        runs.append((f"{' ;' if start else ''}\n    {verb} ", start, end))
        start = end
    return order, runs


def _subject_block(writer: _TermWriter, subject: Node, pairs: list[tuple[Node, Node]],
                   layout: _Layout, object_key: Callable[[Node], tuple]) -> str:
    """One subject's Turtle: its pairs in `layout`'s order (objects of one predicate sorted)."""
    term = writer.term
    order, runs = layout
    parts = [writer.subject(subject)]
    add = parts.append
    for lead, start, end in runs:
        add(lead)
        if end == start + 1:
            add(term(pairs[order[start]][1]))
        else:  # only a predicate's objects compare by their own keys
            objects = [pairs[index][1] for index in order[start:end]]
            objects.sort(key=object_key)
            add(",\n        ".join(map(term, objects)))
    add(" .\n")
    return "".join(parts)


_MAX_LAYOUTS = 4096  # blocks of statements share a few; entities' blocks vary more


_TYPE_KEY = _predicate_key(RDF.type)


Pairs = Iterable[tuple[Node, Node]]  # (predicate, object) of one subject
Block = tuple[Node, Pairs]


def graph_blocks(graph: Graph) -> Iterator[Block]:
    """The graph's subjects in Turtle order, each with its (predicate, object) pairs."""
    for subject in sorted(set(graph.subjects()), key=_term_key):
        yield subject, graph.predicate_objects(subject)


def _turtle_pieces(blocks: Iterable[Block]) -> Iterator[tuple[str, int]]:
    """The Turtle text of `serialize_turtle` in pieces, each with the number of triples it
    holds: the prefixes, then one subject block at a time, so that the whole text is never
    held in memory at once. `blocks`: subjects sorted by `_term_key`, each with all its pairs,
    no pair twice (as `graph_blocks` gives them)."""
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    writer = _TermWriter(prefixes)
    # Sort keys are compared as plain tuples of strings, which is much cheaper than comparing
    # rdflib terms. They are computed once per IRI (IRIs repeat as objects); most literals
    # (sentences, labels) occur once, and keeping their keys would copy their text.
    iri_keys: dict[Node, tuple] = {}
    predicate_keys: dict[Node, tuple] = {}

    def term_key(node: Node) -> tuple:
        if _kind(node) != _IRI:
            return _term_key(node)
        key = iri_keys.get(node)
        if key is None:
            key = iri_keys[node] = _term_key(node)
        return key

    def predicate_key(node: Node) -> tuple:
        key = predicate_keys.get(node)
        if key is None:
            key = predicate_keys[node] = _predicate_key(node)
        return key

    for name in sorted(prefixes):
        yield f"@prefix {name}: <{prefixes[name]}> .\n", 0
    # Subjects are sorted, then each subject's triples are sorted on their own: the same order
    # as sorting every triple, without a sorted copy of the whole graph. A block is sorted by
    # predicate, then each predicate's objects: the order of sorting by both keys at once, and
    # most predicates have one object, whose key is then not needed. Equal keys keep the given
    # order either way (the sorts are stable).
    # A block's layout depends on its predicates alone: made once for each sequence of them.
    layouts: dict[tuple[Node, ...], _Layout] = {}
    for subject, pairs in blocks:
        pairs = pairs if isinstance(pairs, list) else list(pairs)
        predicates = tuple([pair[0] for pair in pairs])
        layout = layouts.get(predicates)
        if layout is None:
            if len(layouts) >= _MAX_LAYOUTS:
                layouts.clear()
            layout = layouts[predicates] = _layout(writer, predicates, predicate_key)
        yield "\n" + _subject_block(writer, subject, pairs, layout, term_key), len(pairs)


def write_turtle(graph: Graph | Iterable[Block], handle: BinaryIO,
                 chunk_chars: int = 1 << 20) -> int:
    """Write `serialize_turtle(graph)` to a binary file in pieces; return the triples written.

    `graph`: an rdflib graph, or its blocks as `graph_blocks` gives them (e.g.
    `graph.triples.KBTriples.blocks()`, which needs no graph).
    """
    blocks = graph_blocks(graph) if isinstance(graph, Graph) else graph
    pending: list[str] = []
    size = triples = 0
    for text, count in _turtle_pieces(blocks):
        pending.append(text)
        size += len(text)
        triples += count
        if size >= chunk_chars:
            handle.write("".join(pending).encode("utf-8"))
            pending, size = [], 0
    handle.write("".join(pending).encode("utf-8"))
    return triples


def turtle_documents(path: Path, size: int = 4 << 20) -> Iterator[bytes]:
    """The Turtle file that `write_turtle` wrote at `path`, as complete Turtle documents of
    about `size` bytes each (a subject block is never split): the prefixes, then whole blocks.

    For loading the graph in pieces: Oxigraph's bulk loader holds what one call reads in memory
    (~0.8 KB per triple), so pieces keep the store stage's memory flat however large the graph.
    Only for this module's Turtle, whose blank lines all separate blocks (literals have their
    line breaks escaped).
    """
    with Path(path).open("rb") as handle:
        header: bytes | None = None
        pending = b""
        while True:
            data = handle.read(size)
            pending += data
            if header is None:
                end = pending.find(b"\n\n")  # the prefixes end where the first block starts
                if end < 0 and data:
                    continue
                header, pending = (pending, b"") if end < 0 else (pending[:end + 1],
                                                                  pending[end + 1:])
            if not data:
                if pending.strip():
                    yield header + pending
                return
            cut = pending.rfind(b"\n\n") if len(pending) >= size else -1
            if cut > 0:
                yield header + pending[:cut + 1]
                pending = pending[cut + 1:]


def serialize_turtle(graph: Graph) -> bytes:
    """The graph as UTF-8 Turtle with DiploGraph's prefixes, byte-identical for equal graphs.

    Every prefix is declared; subjects are sorted, with `a` and `rdfs:label` first in each block.
    Blank nodes keep their (arbitrary) ids, so only graphs without blank nodes (everything
    `to_graph` makes) are byte-deterministic.
    """
    return "".join(text for text, _ in _turtle_pieces(graph_blocks(graph))).encode("utf-8")


__all__ = [
    "DIGEST_BYTES", "Relation", "Terms", "confidence_literal", "empty_graph", "graph_blocks",
    "serialize_turtle", "statement_digest", "statement_digest_bytes", "statement_iri", "to_graph",
    "turtle_documents", "write_turtle",
]

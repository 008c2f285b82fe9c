"""RDF: KnowledgeBase -> rdflib Graph, following the published contract, and its Turtle.

Every fact becomes a direct edge plus an `rdf:Statement` carrying its provenance.
Statement IRIs are derived from a hash of their content, and `serialize_turtle` writes triples
in a canonical order, so the same input gives byte-identical Turtle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import Decimal

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


def _statement_iri(subject: URIRef, fact: Fact, obj: URIRef | Literal) -> URIRef:
    parts = (str(subject), fact.relation.value, str(obj), fact.article, fact.evidence)
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return STATEMENT[digest]


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


class _Terms:
    """rdflib terms made once per distinct value: IRIs and literals repeat across many facts."""

    def __init__(self) -> None:
        self._iris: dict[EntityRef, URIRef] = {}
        self._objects: dict[object, URIRef | Literal] = {}
        self._texts: dict[str, Literal] = {}

    def iri(self, ref: EntityRef) -> URIRef:
        node = self._iris.get(ref)
        if node is None:
            node = self._iris[ref] = entity_iri(ref)
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


def to_graph(kb: KnowledgeBase) -> Graph:
    """Build the RDF graph of a knowledge base (a context-free in-memory store)."""
    # rdflib's default `Memory` store tracks contexts (named graphs) per triple, which a build
    # never uses; `SimpleMemory` keeps the same three indexes without them and builds this
    # graph in about half the time (same triples, byte-identical Turtle).
    graph = Graph(store="SimpleMemory")
    bind_prefixes(graph)
    add = graph.add
    terms = _Terms()
    observed_on = {article.key: Literal(article.date, datatype=XSD.date)
                   for article in kb.articles if article.date}
    for article in kb.articles:
        add_article(graph, article)
    for entity in kb.entities.values():
        node = terms.iri(entity.ref)
        add((node, RDF.type, class_iri(entity.ref.type)))
        for subtype in entity.subtypes:
            add((node, RDF.type, DG[subtype]))
        add((node, RDFS.label, Literal(entity.label)))
        for alt in entity.alt_labels - {entity.label}:
            add((node, SKOS.altLabel, Literal(alt)))
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
        add((statement, RDF.type, RDF.Statement))
        add((statement, RDF.subject, subject))
        add((statement, RDF.predicate, predicate))
        add((statement, RDF.object, obj))
        source = sources.get(fact.article) or terms.iri(EntityRef(EntityType.ARTICLE, fact.article))
        add((statement, PROV.wasDerivedFrom, source))
        add((statement, DG.evidence, terms.text(fact.evidence)))
        observed = observed_on.get(fact.article)
        if observed is not None:
            add((statement, DG.observedOn, observed))
    for statement, confidence in confidences.items():
        add((statement, DG.confidence, confidence_literal(confidence)))
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
    return _NEEDS_ESCAPE.sub(_escape_char, text)


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

    def _compact(self, iri: str) -> str:
        for prefix, namespace in self._by_length:
            if iri.startswith(namespace):
                local = iri[len(namespace):]
                if local == "" or _SIMPLE_LOCAL.fullmatch(local):
                    return f"{prefix}:{local}"
        return "<" + iri.replace("\\", "\\u005C").replace(">", "\\u003E") + ">"

    def term(self, node: Node) -> str:
        if isinstance(node, URIRef):
            return self.iri(node)
        if isinstance(node, BNode):
            return f"_:{node}"
        if isinstance(node, Literal):
            text = f'"{_escape_string(str(node))}"'
            if node.language:
                return f"{text}@{node.language}"
            if node.datatype is not None and node.datatype != XSD.string:
                return f"{text}^^{self.iri(node.datatype)}"
            return text
        raise TypeError(f"not an RDF term: {node!r}")


def _term_key(node: Node) -> tuple:
    """Total order over terms: IRIs, then blank nodes, then literals by value, tag and type."""
    if isinstance(node, URIRef):
        return (0, str(node), "", "")
    if isinstance(node, BNode):
        return (1, str(node), "", "")
    literal = node if isinstance(node, Literal) else Literal(str(node))
    return (2, str(literal), literal.language or "", str(literal.datatype or ""))


def _predicate_key(predicate: Node) -> tuple:
    if predicate in _LEADING_PREDICATES:
        return (_LEADING_PREDICATES.index(predicate), "")
    return (len(_LEADING_PREDICATES), str(predicate))


_Keyed = tuple[tuple, tuple, Node, Node]  # (subject key, predicate key, predicate, object)


def _subject_block(writer: _TermWriter, subject: Node, pairs: list[_Keyed]) -> str:
    lines = [writer.term(subject)]
    predicate_key = None
    for _, p_key, p, o in pairs:
        if p_key == predicate_key:
            lines[-1] += ","
            lines.append(f"        {writer.term(o)}")
            continue
        if predicate_key is not None:
            lines[-1] += " ;"
        verb = "a" if p_key == _TYPE_KEY else writer.iri(p)
        lines.append(f"    {verb} {writer.term(o)}")
        predicate_key = p_key
    return "\n".join(lines) + " .\n"


_TYPE_KEY = _predicate_key(RDF.type)


def serialize_turtle(graph: Graph) -> bytes:
    """The graph as UTF-8 Turtle with DiploGraph's prefixes, byte-identical for equal graphs.

    Every prefix is declared; subjects are sorted, with `a` and `rdfs:label` first in each block.
    Blank nodes keep their (arbitrary) ids, so only graphs without blank nodes (everything
    `to_graph` makes) are byte-deterministic.
    """
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    writer = _TermWriter(prefixes)
    # Sort keys are computed once per distinct term and compared as plain tuples of strings,
    # which is much cheaper than comparing rdflib terms.
    term_keys: dict[Node, tuple] = {}
    predicate_keys: dict[Node, tuple] = {}

    def term_key(node: Node) -> tuple:
        key = term_keys.get(node)
        if key is None:
            key = term_keys[node] = _term_key(node)
        return key

    def predicate_key(node: Node) -> tuple:
        key = predicate_keys.get(node)
        if key is None:
            key = predicate_keys[node] = _predicate_key(node)
        return key

    keyed = [(term_key(s), predicate_key(p), term_key(o), s, p, o) for s, p, o in graph]
    keyed.sort(key=lambda row: (row[0], row[1], row[2]))
    parts = [f"@prefix {name}: <{prefixes[name]}> .\n" for name in sorted(prefixes)]
    start = 0
    while start < len(keyed):
        subject_key = keyed[start][0]
        end = start
        while end < len(keyed) and keyed[end][0] == subject_key:
            end += 1
        parts.append("\n")
        parts.append(_subject_block(writer, keyed[start][3],
                                    [(s_key, p_key, p, o)
                                     for s_key, p_key, _, _, p, o in keyed[start:end]]))
        start = end
    return "".join(parts).encode("utf-8")


__all__ = ["Relation", "serialize_turtle", "statement_iri", "to_graph"]

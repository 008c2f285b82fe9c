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


def statement_iri(fact: Fact) -> URIRef:
    """A stable IRI for the provenance record of one fact in one article and sentence."""
    parts = (str(entity_iri(fact.subject)), fact.relation.value, str(_object_term(fact)),
             fact.article, fact.evidence)
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return STATEMENT[digest]


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


def to_graph(kb: KnowledgeBase) -> Graph:
    """Build the RDF graph of a knowledge base."""
    graph = Graph()
    bind_prefixes(graph)
    dates = {article.key: article.date for article in kb.articles}
    for article in kb.articles:
        add_article(graph, article)
    for entity in kb.entities.values():
        node = entity_iri(entity.ref)
        graph.add((node, RDF.type, class_iri(entity.ref.type)))
        for subtype in entity.subtypes:
            graph.add((node, RDF.type, DG[subtype]))
        graph.add((node, RDFS.label, Literal(entity.label)))
        for alt in entity.alt_labels - {entity.label}:
            graph.add((node, SKOS.altLabel, Literal(alt)))
    # The same fact read twice from one sentence is one statement, with its best confidence.
    confidences: dict[URIRef, float] = {}
    for fact in kb.facts:
        statement = statement_iri(fact)
        if statement in confidences:
            confidences[statement] = max(confidences[statement], fact.confidence)
            continue
        confidences[statement] = fact.confidence
        subject, predicate = entity_iri(fact.subject), relation_iri(fact.relation)
        obj = _object_term(fact)
        graph.add((subject, predicate, obj))
        graph.add((statement, RDF.type, RDF.Statement))
        graph.add((statement, RDF.subject, subject))
        graph.add((statement, RDF.predicate, predicate))
        graph.add((statement, RDF.object, obj))
        source = entity_iri(EntityRef(EntityType.ARTICLE, fact.article))
        graph.add((statement, PROV.wasDerivedFrom, source))
        graph.add((statement, DG.evidence, Literal(fact.evidence)))
        observed = dates.get(fact.article)
        if observed:
            graph.add((statement, DG.observedOn, Literal(observed, datatype=XSD.date)))
    for statement, confidence in confidences.items():
        graph.add((statement, DG.confidence, confidence_literal(confidence)))
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


def _escape_string(text: str) -> str:
    out = []
    for char in text:
        if char in _ECHAR:
            out.append(_ECHAR[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


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


def _subject_block(writer: _TermWriter, subject: Node, pairs: list[tuple[Node, Node]]) -> str:
    lines = [writer.term(subject)]
    predicate = None
    for p, o in pairs:
        if p == predicate:
            lines[-1] += ","
            lines.append(f"        {writer.term(o)}")
            continue
        if predicate is not None:
            lines[-1] += " ;"
        verb = "a" if p == RDF.type else writer.iri(p)
        lines.append(f"    {verb} {writer.term(o)}")
        predicate = p
    return "\n".join(lines) + " .\n"


def serialize_turtle(graph: Graph) -> bytes:
    """The graph as UTF-8 Turtle with DiploGraph's prefixes, byte-identical for equal graphs.

    Every prefix is declared; subjects are sorted, with `a` and `rdfs:label` first in each block.
    Blank nodes keep their (arbitrary) ids, so only graphs without blank nodes (everything
    `to_graph` makes) are byte-deterministic.
    """
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    writer = _TermWriter(prefixes)
    ordered = sorted(
        graph, key=lambda t: (_term_key(t[0]), _predicate_key(t[1]), _term_key(t[2]))
    )
    parts = [f"@prefix {name}: <{prefixes[name]}> .\n" for name in sorted(prefixes)]
    start = 0
    while start < len(ordered):
        subject = ordered[start][0]
        end = start
        while end < len(ordered) and ordered[end][0] == subject:
            end += 1
        parts.append("\n")
        parts.append(_subject_block(writer, subject, [(p, o) for _, p, o in ordered[start:end]]))
        start = end
    return "".join(parts).encode("utf-8")


__all__ = ["Relation", "serialize_turtle", "statement_iri", "to_graph"]

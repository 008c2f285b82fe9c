"""The triples of a KnowledgeBase, subject by subject, without an rdflib Graph of them all.

`graph.rdf.to_graph` holds every triple in rdflib's store (~540 bytes a triple). The whole-graph
outputs need far less: Turtle is written one subject block at a time in sorted order, SHACL
checks each subject with what its own block says (plus the classes of the nodes it points to),
and the view reads entities and statements. `KBTriples` indexes the knowledge base (one
statement digest and fact number per distinct fact, the entities and articles by IRI) and makes
each subject's triples when asked: as a set, exactly the triples of `to_graph(kb)`.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter

from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from graph.model import Article, Entity, EntityRef, EntityType, Fact, KnowledgeBase, Relation
from graph.rdf import Block, Terms, confidence_literal, empty_graph, statement_digest, to_graph
from graph.vocab import DG, STATEMENT, class_iri, relation_iri

_STATEMENT_BASE = str(STATEMENT)
_PREDICATES = {relation: relation_iri(relation) for relation in Relation}
_CLASSES = {entity_type: class_iri(entity_type) for entity_type in EntityType}
# Looked up once: each look-up on a rdflib namespace is a Python call, and blocks are made often.
_A, _LABEL, _ALT_LABEL, _ARTICLE, _STATEMENT = (RDF.type, RDFS.label, SKOS.altLabel, DG.Article,
                                                RDF.Statement)
_SOURCE, _TITLE, _DATE, _PUBLISHER = (DCTERMS.source, DCTERMS.title, DCTERMS.date,
                                      DCTERMS.publisher)
_ABOUT = (RDF.subject, RDF.predicate, RDF.object)
_DERIVED_FROM, _EVIDENCE, _OBSERVED_ON, _CONFIDENCE = (PROV.wasDerivedFrom, DG.evidence,
                                                      DG.observedOn, DG.confidence)
_XSD_DATE = XSD.date
_first = itemgetter(0)


@dataclass(frozen=True, slots=True)
class StatementRecord:
    """One provenance record (`rdf:Statement`) and the edge it is about."""

    iri: URIRef
    subject: URIRef
    predicate: URIRef
    object: URIRef | Literal
    fact: Fact  # the first fact read with this statement IRI
    source: URIRef  # the article's IRI (prov:wasDerivedFrom)
    observed_on: Literal | None  # the article's date (dg:observedOn)
    confidence: Literal  # the best confidence of the facts with this IRI


class KBTriples:
    """The triples `to_graph(kb)` would make, one subject at a time, in Turtle's subject order.

    Holds per distinct fact its statement digest and the number of its first fact, per entity
    and article IRI the records it comes from; the terms are made when a block is asked for.
    `kb` must not change while this is in use.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._terms = Terms()
        self._articles: dict[URIRef, list[Article]] = {}
        for article in kb.articles:
            self._articles.setdefault(self._terms.iri(article.ref), []).append(article)
        self._entities: dict[URIRef, list[Entity]] = {}
        for entity in kb.entities.values():
            self._entities.setdefault(self._terms.iri(entity.ref), []).append(entity)
        # As in to_graph: the last article with a key and a date gives the observation date.
        self._observed = {article.key: Literal(article.date, datatype=XSD.date)
                          for article in kb.articles if article.date}
        # The same fact read twice from one sentence is one statement, with its best confidence:
        # the first fact makes the statement and the edge; later ones may raise the confidence.
        self._statements: dict[str, int] = {}  # digest -> number of its first fact
        self._raised: dict[str, float] = {}  # digest -> best confidence, if not the first's
        self._edges: dict[URIRef, list[int]] = {}  # subject -> numbers of its edges' facts
        terms = self._terms
        for number, fact in enumerate(kb.facts):
            subject = terms.iri(fact.subject)
            digest = statement_digest(subject, fact, terms.object(fact))
            first = self._statements.get(digest)
            if first is None:
                self._statements[digest] = number
                self._edges.setdefault(subject, []).append(number)
            else:
                best = self._raised.get(digest, kb.facts[first].confidence)
                self._raised[digest] = max(best, fact.confidence)
        self._confidences: dict[tuple[float, float], Literal] = {}
        self._sources: dict[str, URIRef] = {}  # article key -> its IRI

    def release(self) -> None:
        """Let go of the index: nothing can be asked of this after it (the knowledge base is
        the caller's to let go). For a caller that has read all it needs, so that the index is
        not held while what was read is put to use."""
        self._articles.clear()
        self._entities.clear()
        self._observed.clear()
        self._statements.clear()
        self._raised.clear()
        self._edges.clear()
        self._confidences.clear()
        self._sources.clear()
        self._terms = Terms()

    # --- subjects, in order ------------------------------------------------------------------

    def blocks(self) -> Iterator[Block]:
        """Every subject (sorted as Turtle writes them) with its (predicate, object) pairs."""
        for subject, digest in self._subjects():
            yield subject, (self._statement_pairs(subject, digest) if digest is not None
                            else self._node_pairs(subject))

    def node_blocks(self) -> Iterator[Block]:
        """The blocks of entities, articles and fact subjects (no statements), sorted."""
        for subject in sorted({*self._articles, *self._entities, *self._edges}, key=str):
            yield subject, self._node_pairs(subject)

    def _subjects(self) -> Iterator[tuple[URIRef, str | None]]:
        # IRIs sort as strings (graph.rdf._term_key); statement IRIs share one prefix, and each
        # is made once the merge reaches it.
        nodes = ((str(subject), subject, None) for subject in
                 sorted({*self._articles, *self._entities, *self._edges}, key=str))
        statements = ((_STATEMENT_BASE + digest, None, digest)
                      for digest in sorted(self._statements))
        for text, node, digest in heapq.merge(nodes, statements, key=_first):
            yield (URIRef(text), digest) if node is None else (node, None)

    def __len__(self) -> int:
        """The number of subjects."""
        return len({*self._articles, *self._entities, *self._edges}) + len(self._statements)

    # --- one subject's triples -----------------------------------------------------------------

    def _node_pairs(self, subject: URIRef) -> list[tuple[Node, Node]]:
        pairs: list[tuple[Node, Node]] = []
        add = pairs.append
        for article in self._articles.get(subject, ()):
            add((_A, _ARTICLE))
            add((_LABEL, Literal(article.title or article.source)))
            add((_SOURCE, Literal(article.source)))
            if article.title:
                add((_TITLE, Literal(article.title)))
            if article.date:
                add((_DATE, Literal(article.date, datatype=_XSD_DATE)))
            if article.publisher:
                add((_PUBLISHER, Literal(article.publisher)))
        for entity in self._entities.get(subject, ()):
            add((_A, _CLASSES[entity.ref.type]))
            for subtype in entity.subtypes:
                add((_A, DG[subtype]))
            add((_LABEL, Literal(entity.label)))
            for alt in entity.alt_labels - {entity.label}:
                add((_ALT_LABEL, Literal(alt)))
        facts, terms = self.kb.facts, self._terms
        for number in self._edges.get(subject, ()):
            fact = facts[number]
            add((_PREDICATES[fact.relation], terms.object(fact)))
        return list(dict.fromkeys(pairs))  # a graph holds each triple once

    def _statement_pairs(self, subject: URIRef, digest: str) -> list[tuple[Node, Node]]:
        number = self._statements[digest]
        fact = self.kb.facts[number]
        terms = self._terms
        about_subject, about_predicate, about_object = _ABOUT
        pairs: list[tuple[Node, Node]] = [
            (_A, _STATEMENT),
            (about_subject, terms.iri(fact.subject)),
            (about_predicate, _PREDICATES[fact.relation]),
            (about_object, terms.object(fact)),
            (_DERIVED_FROM, self._source(fact.article)),
            (_EVIDENCE, Literal(fact.evidence)),
        ]
        observed_on = self._observed.get(fact.article)
        if observed_on is not None:
            pairs.append((_OBSERVED_ON, observed_on))
        pairs.append((_CONFIDENCE, self._confidence(digest, fact)))
        return pairs

    def _source(self, article: str) -> URIRef:
        """The IRI of an article (prov:wasDerivedFrom), by its key."""
        source = self._sources.get(article)
        if source is None:
            source = self._sources[article] = self._terms.iri(
                EntityRef(EntityType.ARTICLE, article))
        return source

    def _confidence(self, digest: str, fact: Fact) -> Literal:
        """The statement's best confidence (`fact` is its first fact), as a literal."""
        value = self._raised.get(digest, fact.confidence)
        key = (value, math.copysign(1.0, value))  # 0.0 and -0.0 are equal keys but print apart
        confidence = self._confidences.get(key)
        if confidence is None:
            confidence = self._confidences[key] = confidence_literal(value)
        return confidence

    def _record(self, iri: URIRef, digest: str) -> StatementRecord:
        number = self._statements[digest]
        fact = self.kb.facts[number]
        terms = self._terms
        return StatementRecord(
            iri=iri, subject=terms.iri(fact.subject), predicate=_PREDICATES[fact.relation],
            object=terms.object(fact), fact=fact, source=self._source(fact.article),
            observed_on=self._observed.get(fact.article),
            confidence=self._confidence(digest, fact))

    def statements(self) -> Iterator[StatementRecord]:
        """Every statement, in the order of its first fact (the order `to_graph` adds them).

        That is the order `_statements` holds them in (each digest is added with its first
        fact, in the facts' order), so no sorted copy of it is made.
        """
        for digest in self._statements:
            yield self._record(STATEMENT[digest], digest)

    # --- what SHACL needs besides a block ------------------------------------------------------

    def types(self, node: Node) -> Sequence[Node]:
        """The `rdf:type`s of any node of the graph (the objects a block points to)."""
        found: list[Node] = []
        if self._articles.get(node):
            found.append(_ARTICLE)
        for entity in self._entities.get(node, ()):
            found.append(_CLASSES[entity.ref.type])
            found.extend(DG[subtype] for subtype in entity.subtypes)
        if self._is_statement(node):
            found.append(_STATEMENT)
        return tuple(dict.fromkeys(found))

    def typed_nodes(self) -> Iterator[Sequence[Node]]:
        """The types of every typed subject (statements all have the same one: it comes once)."""
        for node in {*self._articles, *self._entities}:
            yield self.types(node)
        if self._statements:
            yield (_STATEMENT,)

    def has_subject(self, node: Node) -> bool:
        """Whether `node` is the subject of some triple."""
        return (node in self._articles or node in self._entities or node in self._edges
                or self._is_statement(node))

    def _is_statement(self, node: Node) -> bool:
        text = str(node)
        return (isinstance(node, URIRef) and text.startswith(_STATEMENT_BASE)
                and text[len(_STATEMENT_BASE):] in self._statements)

    def names_graph(self) -> Graph:
        """An empty graph with the prefixes of `to_graph`'s (violation messages use them)."""
        return empty_graph()

    def to_graph(self) -> Graph:
        """The whole graph (for SHACL shapes that cannot be checked block by block)."""
        return to_graph(self.kb)


__all__ = ["KBTriples", "StatementRecord"]

"""The triples of a KnowledgeBase, subject by subject, without an rdflib Graph of them all.

`graph.rdf.to_graph` holds every triple in rdflib's store (~540 bytes a triple). The whole-graph
outputs need far less: Turtle is written one subject block at a time in sorted order, SHACL
checks each subject with what its own block says (plus the classes of the nodes it points to),
and the view reads entities and statements. `KBTriples` indexes the knowledge base (one
statement digest and fact number per distinct fact, the entities and articles by IRI) and makes
each subject's triples when asked: as a set, exactly the triples of `to_graph(kb)`. The index is
a few bytes a fact: digests in one bytes object, fact numbers in numpy arrays.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from graph.model import Article, Entity, EntityRef, EntityType, Fact, KnowledgeBase, Relation
from graph.rdf import (
    DIGEST_BYTES,
    Block,
    Terms,
    confidence_literal,
    empty_graph,
    statement_digest_bytes,
    to_graph,
)
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


_DIGEST_TYPE = f"S{DIGEST_BYTES}"  # numpy compares and sorts these as the bytes they hold


@dataclass(frozen=True, slots=True)
class _Statements:
    """The statements of a knowledge base: each distinct digest, sorted, with the number of
    its first fact. A few bytes a statement (the digests in one bytes object, the numbers in
    an array) where a dict of hex strings took some 140."""

    digests: bytes  # DIGEST_BYTES per statement, sorted
    numbers: np.ndarray  # int32: the first fact of each, in the digests' order

    @classmethod
    def empty(cls) -> _Statements:
        return cls(b"", np.empty(0, dtype=np.int32))

    def __len__(self) -> int:
        return len(self.numbers)

    def _digest(self, position: int) -> str:
        return self.digests[position * DIGEST_BYTES:(position + 1) * DIGEST_BYTES].hex()

    def by_digest(self) -> Iterator[tuple[str, int]]:
        """(digest, first fact number) of every statement, by digest."""
        for position, number in enumerate(self.numbers.tolist()):
            yield self._digest(position), number

    def by_fact(self) -> Iterator[tuple[str, int]]:
        """(digest, first fact number) of every statement, by fact number."""
        numbers = self.numbers
        for position in np.argsort(numbers, kind="stable").tolist():
            yield self._digest(position), int(numbers[position])

    def has(self, digest: str) -> bool:
        """Whether `digest` (hex, as in a statement IRI) is a statement's."""
        try:
            raw = bytes.fromhex(digest)
        except ValueError:
            return False
        if len(raw) != DIGEST_BYTES or raw.hex() != digest:  # e.g. upper case, spaces
            return False
        position = int(np.searchsorted(np.frombuffer(self.digests, dtype=_DIGEST_TYPE),
                                       np.frombuffer(raw, dtype=_DIGEST_TYPE))[0])
        return position < len(self) and self._digest(position) == digest


@dataclass(frozen=True, slots=True)
class _Edges:
    """The facts that make each subject's edges: per subject its statements' first facts, in
    the facts' order (`facts[starts[i]:starts[i + 1]]` for the subject numbered i)."""

    subjects: dict[URIRef, int]
    starts: np.ndarray  # int64, one more than there are subjects
    facts: np.ndarray  # int32

    @classmethod
    def empty(cls) -> _Edges:
        return cls({}, np.zeros(1, dtype=np.int64), np.empty(0, dtype=np.int32))

    def numbers(self, subject: URIRef) -> list[int]:
        index = self.subjects.get(subject)
        if index is None:
            return []
        return self.facts[self.starts[index]:self.starts[index + 1]].tolist()


def _index(facts: Sequence[Fact], terms: Terms) -> tuple[_Statements, dict[int, float], _Edges]:
    """The statements of `facts`, the best confidence of those read more than once (by first
    fact number) and each subject's edges.

    The same fact read twice from one sentence is one statement (one digest), with its best
    confidence: the first fact makes the statement and the edge; later ones may raise the
    confidence. Found by sorting the digests (stably: the first fact of a digest comes first)
    rather than with a dict of every digest.
    """
    buffer = bytearray()
    subject_numbers = array("i")
    subjects: dict[URIRef, int] = {}
    for fact in facts:
        subject = terms.iri(fact.subject)
        buffer += statement_digest_bytes(subject, fact, terms.object(fact))
        subject_numbers.append(subjects.setdefault(subject, len(subjects)))
    digests = np.frombuffer(buffer, dtype=_DIGEST_TYPE)
    order = np.argsort(digests, kind="stable").astype(np.int32)
    ordered = digests[order]
    del digests
    first = np.ones(len(order), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    raised: dict[int, float] = {}
    if not first.all():
        heads = order[first][np.cumsum(first) - 1]  # each position's first fact
        for position in np.flatnonzero(~first).tolist():
            head = int(heads[position])
            best = raised.get(head, facts[head].confidence)
            raised[head] = max(best, facts[int(order[position])].confidence)
    statements = _Statements(ordered[first].tobytes(), order[first])
    del ordered, order
    # Each subject's statements, in the facts' order (a stable sort by subject).
    in_fact_order = np.sort(statements.numbers)
    owners = np.frombuffer(subject_numbers, dtype=np.int32)[in_fact_order]
    counts = np.bincount(owners, minlength=len(subjects))
    starts = np.zeros(len(subjects) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    edges = _Edges({subject: number for subject, number in subjects.items() if counts[number]},
                   starts, in_fact_order[np.argsort(owners, kind="stable")])
    return statements, raised, edges


class KBTriples:
    """The triples `to_graph(kb)` would make, one subject at a time, in Turtle's subject order.

    Holds per distinct fact its statement digest and the number of its first fact (sorted by
    digest), per subject of facts the numbers of its edges' facts, per entity and article IRI
    the records it comes from; the terms are made when a block is asked for.
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
        self._statements, self._raised, self._edges = _index(kb.facts, self._terms)
        self._confidences: dict[tuple[float, float], Literal] = {}
        self._sources: dict[str, URIRef] = {}  # article key -> its IRI

    def release(self) -> None:
        """Let go of the index: nothing can be asked of this after it (the knowledge base is
        the caller's to let go). For a caller that has read all it needs, so that the index is
        not held while what was read is put to use."""
        self._articles.clear()
        self._entities.clear()
        self._observed.clear()
        self._statements = _Statements.empty()
        self._raised.clear()
        self._edges = _Edges.empty()
        self._confidences.clear()
        self._sources.clear()
        self._terms = Terms()

    # --- subjects, in order ------------------------------------------------------------------

    def blocks(self) -> Iterator[Block]:
        """Every subject (sorted as Turtle writes them) with its (predicate, object) pairs."""
        for subject, number in self._subjects():
            yield subject, (self._statement_pairs(number) if number is not None
                            else self._node_pairs(subject))

    def node_blocks(self) -> Iterator[Block]:
        """The blocks of entities, articles and fact subjects (no statements), sorted."""
        for subject in self._node_subjects():
            yield subject, self._node_pairs(subject)

    def _node_subjects(self) -> list[URIRef]:
        return sorted({*self._articles, *self._entities, *self._edges.subjects}, key=str)

    def _subjects(self) -> Iterator[tuple[URIRef, int | None]]:
        # IRIs sort as strings (graph.rdf._term_key); statement IRIs share one prefix and sort
        # as their digests, and each is made once the merge reaches it.
        nodes = ((str(subject), subject, None) for subject in self._node_subjects())
        statements = ((_STATEMENT_BASE + digest, None, number)
                      for digest, number in self._statements.by_digest())
        for text, node, number in heapq.merge(nodes, statements, key=_first):
            yield (URIRef(text), number) if node is None else (node, None)

    def __len__(self) -> int:
        """The number of subjects."""
        return len({*self._articles, *self._entities, *self._edges.subjects}) + len(
            self._statements)

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
        for number in self._edges.numbers(subject):
            fact = facts[number]
            add((_PREDICATES[fact.relation], terms.object(fact)))
        return list(dict.fromkeys(pairs))  # a graph holds each triple once

    def _statement_pairs(self, number: int) -> list[tuple[Node, Node]]:
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
        pairs.append((_CONFIDENCE, self._confidence(number, fact)))
        return pairs

    def _source(self, article: str) -> URIRef:
        """The IRI of an article (prov:wasDerivedFrom), by its key."""
        source = self._sources.get(article)
        if source is None:
            source = self._sources[article] = self._terms.iri(
                EntityRef(EntityType.ARTICLE, article))
        return source

    def _confidence(self, number: int, fact: Fact) -> Literal:
        """The best confidence of the statement whose first fact is `fact` (number `number`),
        as a literal."""
        value = self._raised.get(number, fact.confidence)
        key = (value, math.copysign(1.0, value))  # 0.0 and -0.0 are equal keys but print apart
        confidence = self._confidences.get(key)
        if confidence is None:
            confidence = self._confidences[key] = confidence_literal(value)
        return confidence

    def _record(self, iri: URIRef, number: int) -> StatementRecord:
        fact = self.kb.facts[number]
        terms = self._terms
        return StatementRecord(
            iri=iri, subject=terms.iri(fact.subject), predicate=_PREDICATES[fact.relation],
            object=terms.object(fact), fact=fact, source=self._source(fact.article),
            observed_on=self._observed.get(fact.article),
            confidence=self._confidence(number, fact))

    def statements(self) -> Iterator[StatementRecord]:
        """Every statement, in the order of its first fact (the order `to_graph` adds them)."""
        for digest, number in self._statements.by_fact():
            yield self._record(STATEMENT[digest], number)

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
        if len(self._statements):
            yield (_STATEMENT,)

    def has_subject(self, node: Node) -> bool:
        """Whether `node` is the subject of some triple."""
        return (node in self._articles or node in self._entities
                or node in self._edges.subjects or self._is_statement(node))

    def _is_statement(self, node: Node) -> bool:
        text = str(node)
        return (isinstance(node, URIRef) and text.startswith(_STATEMENT_BASE)
                and self._statements.has(text[len(_STATEMENT_BASE):]))

    def names_graph(self) -> Graph:
        """An empty graph with the prefixes of `to_graph`'s (violation messages use them)."""
        return empty_graph()

    def to_graph(self) -> Graph:
        """The whole graph (for SHACL shapes that cannot be checked block by block)."""
        return to_graph(self.kb)


__all__ = ["KBTriples", "StatementRecord"]

"""RDF: KnowledgeBase -> rdflib Graph, following the published contract.

Every fact becomes a direct edge plus an `rdf:Statement` carrying its provenance.
Statement IRIs are derived from a hash of their content, so a build is deterministic.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from graph.model import Article, EntityRef, Fact, KnowledgeBase, Relation
from graph.vocab import DG, ID, bind_prefixes, class_iri, entity_iri, relation_iri


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
    return ID[f"statement/{digest}"]


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
    for fact in kb.facts:
        subject, predicate, obj = entity_iri(fact.subject), relation_iri(fact.relation), _object_term(fact)
        graph.add((subject, predicate, obj))
        statement = statement_iri(fact)
        graph.add((statement, RDF.type, RDF.Statement))
        graph.add((statement, RDF.subject, subject))
        graph.add((statement, RDF.predicate, predicate))
        graph.add((statement, RDF.object, obj))
        graph.add((statement, PROV.wasDerivedFrom, ID[f"article/{fact.article}"]))
        graph.add((statement, DG.evidence, Literal(fact.evidence)))
        confidence = Decimal(str(round(fact.confidence, 3)))
        graph.add((statement, DG.confidence, Literal(confidence, datatype=XSD.decimal)))
        observed = dates.get(fact.article)
        if observed:
            graph.add((statement, DG.observedOn, Literal(observed, datatype=XSD.date)))
    return graph


__all__ = ["Relation", "statement_iri", "to_graph"]

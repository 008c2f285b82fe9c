"""graph.vocab and ontology/diplograph.ttl describe the same vocabulary."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from graph.model import EntityType, Relation
from graph.vocab import DG, DG_NS, ONTOLOGY_FILE, PREFIXES, class_iri, entity_iri, relation_iri

CORE_CLASSES = {class_iri(t) for t in EntityType}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _declared(ontology: Graph) -> set:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {
        term for kind in kinds for term in ontology.subjects(RDF.type, kind)
        if str(term).startswith(str(DG_NS))
    }


def test_python_and_ontology_declare_the_same_terms(ontology):
    in_python = {DG[name] for name in DG.__annotations__}
    assert in_python == _declared(ontology)


def test_every_dg_iri_used_in_the_ontology_is_declared(ontology):
    used = {
        t for triple in ontology for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(DG_NS))
    }
    assert used == _declared(ontology)


def test_every_term_has_an_english_label_and_comment(ontology):
    for term in _declared(ontology):
        labels = [lbl for lbl in ontology.objects(term, RDFS.label) if lbl.language == "en"]
        comments = [c for c in ontology.objects(term, RDFS.comment) if c.language == "en"]
        assert len(labels) == 1 and comments, term


def test_every_subtype_specialises_exactly_one_core_class(ontology):
    for term in _declared(ontology):
        if (term, RDF.type, OWL.Class) not in ontology or term in CORE_CLASSES:
            continue
        ancestors = set(ontology.transitive_objects(term, RDFS.subClassOf)) - {term}
        assert len(ancestors & CORE_CLASSES) == 1, term


def test_relations_and_core_types_are_in_the_ontology(ontology):
    for relation in Relation:  # mentionedIn applies to any entity: no domain
        if relation != Relation.MENTIONED_IN:
            assert (relation_iri(relation), RDFS.domain, None) in ontology
        assert (relation_iri(relation), RDFS.range, None) in ontology
    for entity_type in EntityType:
        assert (class_iri(entity_type), RDF.type, OWL.Class) in ontology


def test_unknown_term_is_an_error():
    with pytest.raises(AttributeError):
        _ = DG.holdsRoel


def test_entity_iris_fall_under_their_type_prefix():
    from graph.model import EntityRef

    for entity_type in EntityType:
        iri = entity_iri(EntityRef(entity_type, "x"))
        assert str(iri) == f"{PREFIXES[entity_type.path]}x"

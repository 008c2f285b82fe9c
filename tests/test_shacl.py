"""graph.shacl: the shapes accept a contract-conforming graph and name each violation."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal
from sample_kb import ASEAN, CONFERENCE, FOREIGN_MINISTER, HANOI, RESOLUTION_34, SON, sample_kb

from graph.model import Entity, Fact, Relation
from graph.rdf import statement_iri, to_graph
from graph.shacl import needs_ontology, shapes_graph, validate
from graph.vocab import DG, entity_iri


def test_the_shapes_file_parses():
    assert len(shapes_graph()) > 0


def test_the_sample_graph_conforms():
    result = validate(to_graph(sample_kb()))
    assert result.violations == []
    assert result.conforms


def _with_fact(subject, relation, obj):
    kb = sample_kb()
    kb.facts.append(Fact(subject, relation, obj, "A sentence.", 0.5, kb.articles[0].key))
    return to_graph(kb)


@pytest.mark.parametrize(
    ("subject", "relation", "obj", "expected"),
    [
        (SON, Relation.HOLDS_ROLE, HANOI, "person:bui-thanh-son dg:holdsRole"),
        (HANOI, Relation.HOLDS_ROLE, FOREIGN_MINISTER, "place:hanoi"),
        (SON, Relation.MET, HANOI, "dg:met points to a Person or an Organization"),
        (SON, Relation.HELD_IN, HANOI, "person:bui-thanh-son"),
        (CONFERENCE, Relation.HELD_IN, ASEAN, "dg:heldIn points to a Place or a Country"),
        (HANOI, Relation.PARTICIPATED_IN, CONFERENCE, "only a Person, Organization or Country"),
        (RESOLUTION_34, Relation.ISSUED_BY, SON, "document:resolution-34-nq-tw dg:issuedBy"),
        (SON, Relation.DATE, "not a date", "only an Event or a LegalDocument"),
    ],
)
def test_domain_and_range_violations_are_reported(subject, relation, obj, expected):
    result = validate(_with_fact(subject, relation, obj))
    assert not result.conforms
    assert any(expected in line for line in result.violations), result.violations


def test_a_second_label_is_a_violation():
    graph = to_graph(sample_kb())
    graph.add((entity_iri(SON), RDFS.label, Literal("Bui Thanh Son")))
    result = validate(graph)
    assert any("exactly one non-empty rdfs:label" in v for v in result.violations)


def test_confidence_out_of_range_is_a_violation():
    kb = sample_kb()
    graph = to_graph(kb)
    statement = statement_iri(kb.facts[0])
    graph.set((statement, DG.confidence, Literal("1.5", datatype=XSD.decimal)))
    result = validate(graph)
    assert any(v.startswith("statement:") and "dg:confidence" in v for v in result.violations)


def test_edges_without_provenance_and_orphan_statements_are_violations():
    kb = sample_kb()
    graph = to_graph(kb)
    graph.add((entity_iri(SON), DG.met, entity_iri(ASEAN)))
    statement = statement_iri(kb.facts[0])
    graph.remove((entity_iri(kb.facts[0].subject), DG.holdsRole, entity_iri(kb.facts[0].object)))
    violations = validate(graph).violations
    assert "person:bui-thanh-son dg:met organization:asean: edge without provenance " \
        "(no rdf:Statement)" in violations
    assert any(v.startswith(f"statement:{statement.rsplit('/', 1)[1]}: records an edge")
               for v in violations)


def test_subtypes_count_as_their_core_class_via_the_ontology():
    kb = sample_kb()
    # A document typed only with a subclass is still accepted where a LegalDocument is expected.
    graph = to_graph(kb)
    graph.remove((entity_iri(RESOLUTION_34), RDF.type, DG.LegalDocument))
    assert (entity_iri(RESOLUTION_34), RDF.type, DG.Resolution) in graph
    violations = [v for v in validate(graph).violations if "dg:issuedBy" in v or "guides" in v]
    assert violations == []


def test_validation_does_not_modify_the_graph():
    graph = to_graph(sample_kb())
    before = len(graph)
    validate(graph)
    assert len(graph) == before


def test_violations_are_sorted_and_deterministic():
    kb = sample_kb()
    kb.entities[SON] = Entity(SON, "")
    graph: Graph = to_graph(kb)
    graph.add((entity_iri(HANOI), DG.holdsRole, entity_iri(FOREIGN_MINISTER)))
    first, second = validate(graph).violations, validate(graph).violations
    assert first == second == sorted(first)
    assert len(first) >= 2


def _without_core_type(graph: Graph) -> Graph:
    graph.remove((entity_iri(RESOLUTION_34), RDF.type, DG.LegalDocument))
    return graph


def _broken_range(graph: Graph) -> Graph:
    graph.add((entity_iri(HANOI), DG.holdsRole, entity_iri(FOREIGN_MINISTER)))
    return graph


@pytest.mark.parametrize(("change", "needed"), [
    (lambda graph: graph, False),
    (_broken_range, False),
    (_without_core_type, True),
], ids=["sample", "range violation", "subclass only"])
def test_the_ontology_is_left_out_only_when_it_cannot_change_a_verdict(monkeypatch, change,
                                                                       needed):
    graph = change(to_graph(sample_kb()))
    assert needs_ontology(graph) is needed
    chosen = validate(graph)
    # The other choice: same verdicts when the ontology was left out, others when it was needed.
    monkeypatch.setattr("graph.shacl.needs_ontology", lambda graph: not needed)
    assert (validate(graph) == chosen) is not needed

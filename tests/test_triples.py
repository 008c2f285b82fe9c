"""graph.triples: a knowledge base's triples subject by subject, equal to `to_graph`'s."""

from __future__ import annotations

import io

import pytest
from rdflib import RDF, Literal, URIRef
from sample_kb import awkward_kb, sample_kb

from graph.rdf import serialize_turtle, to_graph, write_turtle
from graph.triples import KBTriples
from graph.vocab import DG

KBS = [pytest.param(sample_kb, id="sample"), pytest.param(awkward_kb, id="awkward")]


@pytest.mark.parametrize("make", KBS)
def test_blocks_hold_exactly_the_triples_of_to_graph(make):
    kb = make()
    graph = to_graph(kb)
    blocks = [(subject, list(pairs)) for subject, pairs in KBTriples(kb).blocks()]
    triples = [(subject, p, o) for subject, pairs in blocks for p, o in pairs]
    assert len(triples) == len(set(triples)) == len(graph)  # no triple twice
    assert set(triples) == set(graph)
    subjects = [str(subject) for subject, _ in blocks]
    assert subjects == sorted(set(subjects))  # each subject once, in Turtle's order
    assert len(KBTriples(kb)) == len(subjects)


@pytest.mark.parametrize("make", KBS)
def test_turtle_of_the_blocks_is_the_turtle_of_the_graph(make):
    kb = make()
    handle = io.BytesIO()
    count = write_turtle(KBTriples(kb).blocks(), handle)
    graph = to_graph(kb)
    assert handle.getvalue() == serialize_turtle(graph)
    assert count == len(graph)


@pytest.mark.parametrize("make", KBS)
def test_node_blocks_are_the_blocks_of_every_subject_but_the_statements(make):
    triples = KBTriples(make())
    statements = {record.iri for record in triples.statements()}
    expected = [(s, list(p)) for s, p in triples.blocks() if s not in statements]
    assert [(s, list(p)) for s, p in triples.node_blocks()] == expected


@pytest.mark.parametrize("make", KBS)
def test_types_and_subjects_are_those_of_the_graph(make):
    kb = make()
    graph, triples = to_graph(kb), KBTriples(kb)
    nodes = {*graph.subjects(), *(o for o in graph.objects() if not isinstance(o, Literal))}
    for node in nodes:
        assert set(triples.types(node)) == set(graph.objects(node, RDF.type)), node
        assert triples.has_subject(node) is ((node, None, None) in graph), node
    typed = {frozenset(graph.objects(node, RDF.type)) for node in set(graph.subjects(RDF.type))}
    assert {frozenset(types) for types in triples.typed_nodes()} == typed


@pytest.mark.parametrize("make", KBS)
def test_statements_come_in_the_graphs_order_with_its_values(make):
    kb = make()
    graph, triples = to_graph(kb), KBTriples(kb)
    records = list(triples.statements())
    assert [record.iri for record in records] == list(graph.subjects(RDF.type, RDF.Statement))
    for record in records:
        assert (record.subject, record.predicate, record.object) == (
            graph.value(record.iri, RDF.subject), graph.value(record.iri, RDF.predicate),
            graph.value(record.iri, RDF.object))
        assert record.confidence == graph.value(record.iri, DG.confidence)
        assert record.observed_on == graph.value(record.iri, DG.observedOn)
        assert record.fact.evidence == str(graph.value(record.iri, DG.evidence))


def test_a_fact_read_again_keeps_its_best_confidence_and_one_statement():
    kb = awkward_kb()
    graph = to_graph(kb)
    confidences = {str(o) for o in graph.objects(None, DG.confidence)}
    assert "0.99" in confidences and "0.1" not in confidences
    assert "-0" in confidences and "0" in confidences  # printed apart, as to_graph does


def test_names_graph_has_the_prefixes_of_to_graph():
    kb = sample_kb()
    assert (sorted(KBTriples(kb).names_graph().namespaces())
            == sorted(to_graph(kb).namespaces()))
    assert len(KBTriples(kb).names_graph()) == 0


def test_to_graph_is_the_knowledge_bases_graph():
    kb = awkward_kb()
    assert set(KBTriples(kb).to_graph()) == set(to_graph(kb))


@pytest.mark.slow
def test_blocks_of_the_built_seeds_are_their_graph(seeds_kb):
    graph = to_graph(seeds_kb)
    handle = io.BytesIO()
    assert write_turtle(KBTriples(seeds_kb).blocks(), handle) == len(graph)
    assert handle.getvalue() == serialize_turtle(graph)


def test_release_lets_the_index_go():
    triples = KBTriples(sample_kb())
    assert len(triples) > 0 and list(triples.blocks())
    triples.release()
    assert len(triples) == 0
    assert list(triples.blocks()) == [] and list(triples.statements()) == []


def _repeated_kb():
    """A knowledge base whose facts repeat (same statement) out of order, unsorted."""
    kb = awkward_kb()
    kb.facts = [*reversed(kb.facts), *kb.facts[::2], *kb.facts[1::3]]
    return kb


def test_statements_of_repeated_unsorted_facts_are_those_of_to_graph():
    kb = _repeated_kb()
    graph, triples = to_graph(kb), KBTriples(kb)
    records = list(triples.statements())
    assert [record.iri for record in records] == list(graph.subjects(RDF.type, RDF.Statement))
    assert len(records) == len(set(records)) < len(kb.facts)
    for record in records:
        assert record.confidence == graph.value(record.iri, DG.confidence)
    handle = io.BytesIO()
    write_turtle(triples.blocks(), handle)
    assert handle.getvalue() == serialize_turtle(graph)


def test_only_the_statements_own_digests_are_statements():
    triples = KBTriples(sample_kb())
    iris = [record.iri for record in triples.statements()]
    assert all(triples.has_subject(iri) for iri in iris)
    digest = str(iris[0]).rsplit("/", 1)[-1]
    base = str(iris[0])[:-len(digest)]
    others = [digest.upper(), digest[:-1], digest + "0", digest[:-2] + " " + digest[-2:],
              "zz" + digest[2:], "0" * 20, "f" * 20, ""]
    for other in others:
        if other != digest:
            assert not triples.has_subject(URIRef(base + other)), other

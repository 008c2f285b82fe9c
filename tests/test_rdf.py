"""graph.rdf: the contract's RDF shape and byte-deterministic Turtle."""

from __future__ import annotations

import io
import random

import pytest
from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Graph, Literal
from rdflib.compare import isomorphic
from sample_kb import ARTICLE_2023, ARTICLE_UNDATED, FOREIGN_MINISTER, SON, sample_kb

from graph import rdf as rdf_module
from graph.model import Entity, Fact, KnowledgeBase
from graph.rdf import (
    empty_graph,
    graph_blocks,
    serialize_turtle,
    statement_digest,
    statement_iri,
    to_graph,
    turtle_documents,
    write_turtle,
)
from graph.vocab import DG, PREFIXES, STATEMENT, entity_iri


def _statements_for(graph: Graph, subject, predicate, obj) -> list:
    return [
        s for s in graph.subjects(RDF.subject, subject)
        if (s, RDF.predicate, predicate) in graph and (s, RDF.object, obj) in graph
    ]


def test_every_fact_is_an_edge_with_a_provenance_statement():
    kb = sample_kb()
    graph = to_graph(kb)
    son, minister = entity_iri(SON), entity_iri(FOREIGN_MINISTER)
    assert (son, DG.holdsRole, minister) in graph
    [statement] = _statements_for(graph, son, DG.holdsRole, minister)
    assert (statement, RDF.type, RDF.Statement) in graph
    assert graph.value(statement, PROV.wasDerivedFrom) == entity_iri(ARTICLE_2023.ref)
    assert "Bui Thanh Son" in str(graph.value(statement, DG.evidence))
    confidence = graph.value(statement, DG.confidence)
    assert confidence.datatype == XSD.decimal and 0 <= confidence.toPython() <= 1
    assert graph.value(statement, DG.observedOn) == Literal("2023-12-21", datatype=XSD.date)
    assert len(list(graph.subjects(RDF.type, RDF.Statement))) == len(kb.facts)


def test_undated_article_gives_no_observation_date():
    graph = to_graph(sample_kb())
    undated = entity_iri(ARTICLE_UNDATED.ref)
    statements = list(graph.subjects(PROV.wasDerivedFrom, undated))
    assert statements
    assert all(graph.value(s, DG.observedOn) is None for s in statements)


def test_entities_have_one_label_core_type_subtypes_and_alt_labels():
    graph = to_graph(sample_kb())
    son = entity_iri(SON)
    assert list(graph.objects(son, RDFS.label)) == [Literal("Bùi Thanh Sơn")]
    assert set(graph.objects(son, SKOS.altLabel)) >= {Literal("Bui Thanh Son"), Literal("Son")}
    assert (son, RDF.type, DG.Person) in graph
    politburo = next(graph.subjects(RDFS.label, Literal("Politburo")))
    assert set(graph.objects(politburo, RDF.type)) == {DG.Organization, DG.PartyBody}


def test_articles_carry_dublin_core_metadata():
    graph = to_graph(sample_kb())
    article = entity_iri(ARTICLE_2023.ref)
    assert graph.value(article, DCTERMS.source) == Literal("a2023.txt")
    assert graph.value(article, DCTERMS.date) == Literal("2023-12-21", datatype=XSD.date)
    assert graph.value(article, DCTERMS.publisher) == Literal("Viet Nam News")


def test_literal_objects_are_typed():
    graph = to_graph(sample_kb())
    numbers = list(graph.objects(None, DG.documentNumber))
    dates = list(graph.objects(None, DG.date))
    assert numbers == [Literal("34-NQ/TW")]
    assert {d.datatype for d in dates} == {XSD.date}


def test_a_repeated_fact_is_one_statement_with_the_best_confidence():
    kb = sample_kb()
    first = kb.facts[0]
    kb.facts.append(Fact(first.subject, first.relation, first.object, first.evidence, 0.99,
                         first.article))
    graph = to_graph(kb)
    assert list(graph.objects(statement_iri(first), DG.confidence)) == [
        Literal("0.99", datatype=XSD.decimal)
    ]


def test_statement_iris_are_content_derived():
    fact = sample_kb().facts[0]
    same = Fact(fact.subject, fact.relation, fact.object, fact.evidence, 0.1, fact.article)
    other = Fact(fact.subject, fact.relation, fact.object, "Another sentence.", 0.9, fact.article)
    assert statement_iri(fact) == statement_iri(same)
    assert statement_iri(fact) != statement_iri(other)


def test_turtle_round_trips_and_declares_the_prefixes():
    graph = to_graph(sample_kb())
    turtle = serialize_turtle(graph)
    text = turtle.decode("utf-8")
    for prefix, namespace in PREFIXES.items():
        assert f"@prefix {prefix}: <{namespace}> ." in text
    assert "person:bui-thanh-son" in text
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), graph)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_turtle_is_byte_identical_whatever_the_input_order(seed):
    kb = sample_kb()
    expected = serialize_turtle(to_graph(kb))
    shuffled = random.Random(seed)
    articles, entities, facts = list(kb.articles), list(kb.entities.items()), list(kb.facts)
    for items in (articles, entities, facts):
        shuffled.shuffle(items)
    again = KnowledgeBase(articles, dict(entities), facts)
    assert serialize_turtle(to_graph(again)) == expected


@pytest.mark.parametrize(
    "label",
    ['quote " and backslash \\ here', "line\nbreak\tand\rreturn", "bell \x07 and \x7f",
     "Vương Đình Huệ ✓ 😀", "trailing dot."],
)
def test_awkward_literals_survive_turtle(label):
    kb = sample_kb()
    kb.entities[SON] = Entity(SON, label)
    graph = to_graph(kb)
    parsed = Graph().parse(data=serialize_turtle(graph), format="turtle")
    assert parsed.value(entity_iri(SON), RDFS.label) == Literal(label)
    assert isomorphic(parsed, graph)


def test_iris_that_are_not_simple_local_names_are_written_in_full():
    graph = Graph()
    odd = entity_iri(SON) + "/with.dot."
    graph.add((odd, RDFS.label, Literal("x")))
    turtle = serialize_turtle(graph).decode()
    assert f"<{odd}>" in turtle
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), graph)



@pytest.mark.parametrize("chunk_chars", [1, 1 << 20])
def test_turtle_written_in_pieces_is_the_serialized_turtle(chunk_chars):
    graph = to_graph(sample_kb())
    handle = io.BytesIO()
    assert write_turtle(graph, handle, chunk_chars=chunk_chars) == len(graph)
    assert handle.getvalue() == serialize_turtle(graph)


@pytest.mark.parametrize("size", [1, 200, 1 << 20])
def test_turtle_documents_are_whole_blocks_under_the_prefixes(tmp_path, size):
    graph = to_graph(sample_kb())
    path = tmp_path / "graph.ttl"
    path.write_bytes(serialize_turtle(graph))
    documents = list(turtle_documents(path, size=size))
    assert (len(documents) == 1) == (size == 1 << 20)
    header = documents[0][:documents[0].index(b"\n\n") + 1]
    assert all(document.startswith(header) for document in documents)
    assert header + b"".join(document[len(header):] for document in documents) == path.read_bytes()
    parsed = Graph()
    for document in documents:
        parsed.parse(data=document, format="turtle")
    assert isomorphic(parsed, graph)


def test_an_empty_graph_is_no_turtle_document(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_bytes(serialize_turtle(Graph()))
    assert list(turtle_documents(path)) == []


def test_confidences_that_print_apart_keep_their_own_literal():
    kb = sample_kb()
    first = kb.facts[0]
    kb.facts[:] = [Fact(first.subject, first.relation, first.object, sentence, confidence,
                        first.article)
                   for sentence, confidence in (("One.", 0.0), ("Two.", -0.0), ("Three.", 0.5),
                                                ("Four.", 0.5))]
    graph = to_graph(kb)
    assert sorted(str(literal) for literal in graph.objects(None, DG.confidence)) == [
        "-0", "0", "0.5", "0.5"]


def test_graph_blocks_give_every_subject_once_sorted_with_its_pairs():
    graph = to_graph(sample_kb())
    blocks = [(subject, list(pairs)) for subject, pairs in graph_blocks(graph)]
    assert [str(subject) for subject, _ in blocks] == sorted({str(s) for s in graph.subjects()})
    assert {(s, p, o) for s, pairs in blocks for p, o in pairs} == set(graph)


@pytest.mark.parametrize("chunk_chars", [1, 1 << 20])
def test_turtle_of_blocks_is_the_turtle_of_their_graph(chunk_chars):
    graph = to_graph(sample_kb())
    handle = io.BytesIO()
    assert write_turtle(graph_blocks(graph), handle, chunk_chars=chunk_chars) == len(graph)
    assert handle.getvalue() == serialize_turtle(graph)


def test_statement_digest_is_the_local_name_of_the_statement_iri():
    fact = sample_kb().facts[0]
    digest = statement_digest(entity_iri(fact.subject), fact, entity_iri(fact.object))
    assert STATEMENT[digest] == statement_iri(fact)
    assert len(digest) == 20


def test_empty_graph_is_to_graphs_graph_without_triples():
    graph = empty_graph()
    assert len(graph) == 0
    assert sorted(graph.namespaces()) == sorted(to_graph(KnowledgeBase()).namespaces())
    assert type(graph.store) is type(to_graph(KnowledgeBase()).store)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_subjects_predicates_and_each_predicates_objects_are_written_sorted(seed):
    subject = entity_iri(SON)
    pairs = [
        (RDF.type, DG.Person), (RDF.type, DG.Country),
        (RDFS.label, Literal("b")), (RDFS.label, Literal("a", lang="en")),
        (RDFS.label, Literal("a")),
        (SKOS.altLabel, Literal("z")), (SKOS.altLabel, Literal("y")),
        (DCTERMS.date, Literal("2020-01-01", datatype=XSD.date)),
        (DCTERMS.date, Literal("1999-01-01", datatype=XSD.date)),
        (DG.met, DG.Organization), (DG.met, entity_iri(FOREIGN_MINISTER)), (DG.met, DG.Event),
        (DG.confidence, Literal("1", datatype=XSD.decimal)),
    ]
    random.Random(seed).shuffle(pairs)
    handle = io.BytesIO()
    write_turtle([(subject, pairs)], handle)
    text = handle.getvalue().decode()
    assert text.split("\n\n", 1)[1] == (
        "person:bui-thanh-son\n"
        "    a dg:Country,\n"
        "        dg:Person ;\n"
        '    rdfs:label "a",\n'
        '        "a"@en,\n'
        '        "b" ;\n'
        '    dct:date "1999-01-01"^^xsd:date,\n'
        '        "2020-01-01"^^xsd:date ;\n'
        '    skos:altLabel "y",\n'
        '        "z" ;\n'
        '    dg:confidence "1"^^xsd:decimal ;\n'
        "    dg:met role:minister-of-foreign-affairs,\n"  # IRIs sort as text: .../id/ first
        "        dg:Event,\n"
        "        dg:Organization .\n"
    )


@pytest.mark.parametrize("label", ["no\u00a0break", "zero\u200bwidth", "rtl\u200fmark", "ok 😀"])
def test_characters_turtle_may_hold_are_written_as_they_are(label):
    kb = sample_kb()
    kb.entities[SON] = Entity(SON, label)
    assert f'rdfs:label "{label}"'.encode() in serialize_turtle(to_graph(kb))


def test_turtle_is_the_same_when_block_layouts_are_forgotten(monkeypatch):
    graph = to_graph(sample_kb())
    expected = serialize_turtle(graph)
    monkeypatch.setattr(rdf_module, "_MAX_LAYOUTS", 1)  # every new layout clears the others
    assert serialize_turtle(graph) == expected

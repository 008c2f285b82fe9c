"""graph.network: the RDF graph as a networkx multigraph with provenance on the edges."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
from rdflib import URIRef
from sample_kb import awkward_kb, sample_kb

from graph.model import Article, Entity, EntityRef, EntityType, Fact, KnowledgeBase, Relation
from graph.network import (
    Evidence,
    importance,
    literal_facts,
    neighbourhood,
    network_of_blocks,
    page_graph,
    page_graph_of_blocks,
    provenance_index,
    to_networkx,
)
from graph.rdf import to_graph
from graph.triples import KBTriples
from graph.vocab import DG, entity_iri

HUE = EntityRef(EntityType.PERSON, "vuong-dinh-hue")
SON = EntityRef(EntityType.PERSON, "bui-thanh-son")
CHAIRMAN = EntityRef(EntityType.ROLE, "chairman-of-the-national-assembly")
MINISTER = EntityRef(EntityType.ROLE, "minister-of-foreign-affairs")
RESOLUTION = EntityRef(EntityType.LEGAL_DOCUMENT, "resolution-34-nq-tw")
POLITBURO = EntityRef(EntityType.ORGANIZATION, "politburo")
CONFERENCE = EntityRef(EntityType.EVENT, "32nd-diplomatic-conference")
HANOI = EntityRef(EntityType.PLACE, "hanoi")

FIRST = Article(source="first.txt", text="...", content_hash="1", title="Hue meets envoys",
                date=dt.date(2023, 12, 21), publisher="VNA")
SECOND = Article(source="second.txt", text="...", content_hash="2")  # no title, no date


def iri(ref: EntityRef) -> str:
    return str(entity_iri(ref))


def fact(subject, relation, obj, evidence, article=FIRST, confidence=0.9) -> Fact:
    return Fact(subject, relation, obj, evidence, confidence, article.key)


@pytest.fixture(scope="module")
def knowledge_base() -> KnowledgeBase:
    entities = [
        Entity(HUE, "Vương Đình Huệ", frozenset({"Vuong Dinh Hue", "Hue", "Vương Đình Huệ"})),
        Entity(SON, "Bui Thanh Son", subtypes=frozenset({"Person"})),
        Entity(CHAIRMAN, "Chairman of the National Assembly"),
        Entity(MINISTER, "Minister of Foreign Affairs"),
        Entity(RESOLUTION, "Resolution 34-NQ/TW"),
        Entity(POLITBURO, "Politburo"),
        Entity(CONFERENCE, "32nd Diplomatic Conference"),
        Entity(HANOI, "Hanoi"),
    ]
    facts = [
        fact(HUE, Relation.HOLDS_ROLE, CHAIRMAN, "NA Chairman Vuong Dinh Hue held a session."),
        fact(HUE, Relation.HOLDS_ROLE, CHAIRMAN, "Chairman Hue spoke.", article=SECOND),
        fact(SON, Relation.HOLDS_ROLE, MINISTER, "Minister of Foreign Affairs Bui Thanh Son."),
        fact(HUE, Relation.MET, SON, "Hue met Son.", confidence=0.7),
        fact(RESOLUTION, Relation.ISSUED_BY, POLITBURO, "The Politburo issued Resolution 34."),
        fact(RESOLUTION, Relation.DOCUMENT_NUMBER, "34-NQ/TW", "Resolution 34-NQ/TW."),
        fact(CONFERENCE, Relation.HELD_IN, HANOI, "The conference opened in Hanoi."),
        fact(CONFERENCE, Relation.DATE, dt.date(2023, 12, 19), "It opened on December 19."),
        fact(HUE, Relation.MENTIONED_IN, FIRST.ref, "NA Chairman Vuong Dinh Hue held a session."),
        fact(SON, Relation.MENTIONED_IN, FIRST.ref, "Minister of Foreign Affairs Bui Thanh Son."),
        fact(HUE, Relation.MENTIONED_IN, SECOND.ref, "Chairman Hue spoke.", article=SECOND),
    ]
    return KnowledgeBase(articles=[FIRST, SECOND],
                         entities={entity.ref: entity for entity in entities}, facts=facts)


@pytest.fixture(scope="module")
def network(knowledge_base):
    return to_networkx(to_graph(knowledge_base))


def test_every_entity_and_article_is_a_node(network, knowledge_base):
    expected = {iri(ref) for ref in knowledge_base.entities} | {iri(FIRST.ref), iri(SECOND.ref)}
    assert set(network.nodes) == expected


@pytest.mark.parametrize(("ref", "label", "type_", "alt_labels"), [
    (HUE, "Vương Đình Huệ", "Person", ["Hue", "Vuong Dinh Hue"]),
    (SON, "Bui Thanh Son", "Person", []),
    (RESOLUTION, "Resolution 34-NQ/TW", "LegalDocument", []),
    (FIRST.ref, "Hue meets envoys", "Article", []),
    (SECOND.ref, "second.txt", "Article", []),
])
def test_node_attributes(network, ref, label, type_, alt_labels):
    node = network.nodes[iri(ref)]
    assert (node["label"], node["type"], node["alt_labels"]) == (label, type_, alt_labels)


def test_article_nodes_carry_source_title_and_date(network):
    node = network.nodes[iri(FIRST.ref)]
    assert (node["source"], node["title"], node["date"], node["publisher"]) == (
        "first.txt", "Hue meets envoys", "2023-12-21", "VNA")
    assert network.nodes[iri(SECOND.ref)]["date"] == ""


def test_literal_facts_are_node_attributes_not_edges(network):
    assert network.nodes[iri(RESOLUTION)]["documentNumber"] == "34-NQ/TW"
    assert network.nodes[iri(CONFERENCE)]["date"] == "2023-12-19"
    assert all(not target.startswith("34") for _, target in network.edges())


@pytest.mark.parametrize(("subject", "relation", "obj"), [
    (HUE, "holdsRole", CHAIRMAN),
    (SON, "holdsRole", MINISTER),
    (HUE, "met", SON),
    (RESOLUTION, "issuedBy", POLITBURO),
    (CONFERENCE, "heldIn", HANOI),
    (HUE, "mentionedIn", FIRST.ref),
])
def test_direct_edges_keyed_by_relation(network, subject, relation, obj):
    data = network.get_edge_data(iri(subject), iri(obj), key=relation)
    assert data is not None and data["relation"] == relation


def test_edge_count_is_one_per_distinct_triple(network):
    # 5 entity edges + 3 mentions; the two holdsRole facts of Hue share one edge.
    assert network.number_of_edges() == 8


def test_provenance_records_every_statement_sorted_by_date(network):
    records = network.get_edge_data(iri(HUE), iri(CHAIRMAN), key="holdsRole")["provenance"]
    assert [(r["source"], r["date"], r["evidence"]) for r in records] == [
        ("second.txt", "", "Chairman Hue spoke."),
        ("first.txt", "2023-12-21", "NA Chairman Vuong Dinh Hue held a session."),
    ]
    first = records[1]
    assert first["article"] == iri(FIRST.ref)
    assert first["title"] == "Hue meets envoys"
    assert first["confidence"] == pytest.approx(0.9)


def test_literal_facts_keep_their_provenance(knowledge_base):
    facts = literal_facts(to_graph(knowledge_base))
    assert [(f.subject, f.relation, f.value) for f in facts] == [
        (iri(RESOLUTION), "documentNumber", "34-NQ/TW"),
        (iri(CONFERENCE), "date", "2023-12-19"),
    ]
    assert facts[0].provenance[0]["evidence"] == "Resolution 34-NQ/TW."


def test_importance_ranks_connected_people_above_isolated_nodes(network):
    score = importance(network)
    assert score[iri(HUE)] > score[iri(SON)] > score[iri(HANOI)] > 0
    assert score[iri(HUE)] > score[iri(FIRST.ref)]


@pytest.mark.parametrize(("centre", "hops", "expected"), [
    (CHAIRMAN, 1, {CHAIRMAN, HUE}),
    (CHAIRMAN, 2, {CHAIRMAN, HUE, SON}),
    (CHAIRMAN, 3, {CHAIRMAN, HUE, SON, MINISTER}),
    # The centre's own articles are kept, but paths do not run through them.
    (SON, 1, {SON, HUE, MINISTER, FIRST.ref}),
    (HANOI, 5, {HANOI, CONFERENCE}),
])
def test_neighbourhood(network, centre, hops, expected):
    assert set(neighbourhood(network, [iri(centre)], hops).nodes) == {iri(r) for r in expected}


def test_neighbourhood_via_mentions_reaches_the_whole_article(network):
    nodes = set(neighbourhood(network, [iri(SON)], 2, via_mentions=True).nodes)
    assert {iri(HUE), iri(FIRST.ref), iri(SECOND.ref)} <= nodes


def test_empty_graph_gives_empty_network():
    assert to_networkx(to_graph(KnowledgeBase())).number_of_nodes() == 0


def _tied_provenance_kb() -> KnowledgeBase:
    """Records that sort equal (no article known, same sentence): the graph's order decides."""
    kb = awkward_kb()
    for article, confidence in (("lost-2", 0.4), ("lost-1", 0.7), ("lost-3", 0.5)):
        kb.facts.append(Fact(SON, Relation.HOLDS_ROLE, MINISTER, "Same words.", confidence,
                             article))
    return kb


def _exactly(network):
    """Nodes and edges in order, each with its attributes in order."""
    return ([(node, list(data.items())) for node, data in network.nodes(data=True)],
            [(u, v, key, list(data.items())) for u, v, key, data
             in network.edges(keys=True, data=True)])


@pytest.mark.parametrize("make", [sample_kb, awkward_kb, _tied_provenance_kb],
                         ids=["sample", "awkward", "tied provenance"])
def test_network_of_blocks_is_the_network_of_the_graph(make):
    kb = make()
    graph = to_graph(kb)
    provenance = provenance_index(graph)
    triples = KBTriples(kb)
    network, literals = network_of_blocks(triples.node_blocks(), triples.statements())
    assert _exactly(network) == _exactly(to_networkx(graph, provenance))
    assert literals == literal_facts(graph, provenance)


def test_network_of_blocks_of_the_module_knowledge_base(knowledge_base):
    graph = to_graph(knowledge_base)
    triples = KBTriples(knowledge_base)
    network, literals = network_of_blocks(triples.node_blocks(), triples.statements())
    assert _exactly(network) == _exactly(to_networkx(graph))
    assert literals == literal_facts(graph)


def test_tied_records_keep_the_graphs_order():
    triples = KBTriples(_tied_provenance_kb())
    network, _ = network_of_blocks(triples.node_blocks(), triples.statements())
    records = network.edges[iri(SON), iri(MINISTER), "holdsRole"]["provenance"]
    tied = [record["article"].rsplit("/", 1)[1] for record in records
            if record["evidence"] == "Same words."]
    assert tied == ["lost-2", "lost-1", "lost-3"]


@pytest.mark.slow
def test_network_of_blocks_of_the_seeds_is_their_graphs(seeds_kb):
    graph = to_graph(seeds_kb)
    triples = KBTriples(seeds_kb)
    network, literals = network_of_blocks(triples.node_blocks(), triples.statements())
    provenance = provenance_index(graph)
    assert _exactly(network) == _exactly(to_networkx(graph, provenance))
    assert literals == literal_facts(graph, provenance)


def _read(page) -> tuple[list, list, list]:
    """A PageGraph's nodes (without the literal facts `to_networkx` adds to an entity),
    edges and literal facts, read once, as lists."""
    nodes = [(node, {key: value for key, value in data.items()
                     if key not in ("documentNumber", "date") or data["type"] == "Article"})
             for node, data in page.nodes]
    edges = [(source, target, relation, list(rows)) for source, target, relation, rows
             in page.edges]
    literals = [(subject, relation, value, list(rows)) for subject, relation, value, rows
                in page.literals]
    return nodes, edges, literals


@pytest.mark.parametrize("make", [sample_kb, awkward_kb, _tied_provenance_kb],
                         ids=["sample", "awkward", "tied provenance"])
def test_page_graph_of_blocks_is_the_page_graph_of_the_network(make):
    kb = make()
    triples = KBTriples(kb)
    page = _read(page_graph_of_blocks(triples.node_blocks(), triples.statements()))
    graph = to_graph(kb)
    assert page == _read(page_graph(to_networkx(graph), literal_facts(graph)))
    assert page == _read(page_graph(*network_of_blocks(triples.node_blocks(),
                                                       triples.statements())))
    nodes, edges, literals = page
    assert [node for node, _ in nodes] == sorted(node for node, _ in nodes)
    assert [(s, r, t) for s, t, r, _ in edges] == sorted((s, r, t) for s, t, r, _ in edges)
    assert edges and literals and all(isinstance(row, Evidence)
                                      for *_, rows in edges + literals for row in rows)


def test_page_graph_keeps_untyped_targets_as_bare_nodes(knowledge_base):
    nobody = EntityRef(EntityType.PERSON, "nobody-known")  # not an entity of the base
    kb = KnowledgeBase(articles=knowledge_base.articles, entities=knowledge_base.entities,
                       facts=[*knowledge_base.facts, fact(HUE, Relation.MET, nobody, "Hue met.")])
    triples = KBTriples(kb)
    nodes, edges, _ = _read(page_graph_of_blocks(triples.node_blocks(), triples.statements()))
    assert (iri(nobody), {"label": "nobody-known", "type": "", "alt_labels": [],
                          "subtypes": []}) in nodes
    assert [(s, r) for s, t, r, _ in edges if t == iri(nobody)] == [(iri(HUE), "met")]
    graph = to_graph(kb)
    assert _read(page_graph(to_networkx(graph), literal_facts(graph)))[0] == nodes


def test_evidence_is_a_provenance_record_as_a_tuple(network):
    record = network.edges[iri(HUE), iri(SON), "met"]["provenance"][0]
    evidence = Evidence.of(record)
    assert evidence.provenance() == record
    assert list(evidence) == [record[key] for key in record]  # the same fields, in order


def test_importance_counts_each_neighbour_once_and_a_loop_as_one():
    network = nx.MultiDiGraph()
    network.add_nodes_from("abcd")
    network.add_edge("a", "b", key="met", relation="met", provenance=[{}, {}])
    network.add_edge("b", "a", key="holdsRole", relation="holdsRole", provenance=[])
    network.add_edge("a", "a", key="met", relation="met", provenance=[{}])
    network.add_edge("c", "b", key="mentionedIn", relation="mentionedIn", provenance=[{}])
    # a: 2 + 1 + 1 + 1 (the loop, at both ends) + 2 neighbours (b and itself) x 0.5
    assert importance(network) == {"a": 6.0, "b": 4.25, "c": 0.75, "d": 0.0}


@pytest.mark.parametrize("make", [sample_kb, awkward_kb, _tied_provenance_kb],
                         ids=["sample", "awkward", "tied provenance"])
def test_page_graph_of_blocks_lets_its_source_go_once_read(make):
    kb = make()
    expected = _read(page_graph_of_blocks(KBTriples(kb).node_blocks(),
                                          KBTriples(kb).statements()))
    triples = KBTriples(kb)
    statements = triples.statements()
    calls = []

    def let_go() -> None:
        assert next(statements, None) is None  # called once the statements are all read
        calls.append(len(triples))
        triples.release()
        kb.facts.clear()
        kb.entities.clear()
        kb.articles.clear()

    page = page_graph_of_blocks(triples.node_blocks(), statements, after_reading=let_go)
    assert calls and calls[0] > 0 and len(triples) == 0
    assert _read(page) == expected


@pytest.mark.parametrize("make", [sample_kb, awkward_kb, _tied_provenance_kb],
                         ids=["sample", "awkward", "tied provenance"])
def test_evidence_rows_give_each_triple_the_records_of_the_evidence_index(make):
    from graph.network import _evidence_index, _evidence_rows, _read_node_blocks

    triples = KBTriples(make())
    articles = _read_node_blocks(triples.node_blocks()).nodes.articles
    index, _ = _evidence_index(triples.statements(), articles)
    rows, first_seen = _evidence_rows(triples.statements(), articles)
    assert len({rows.key(triple) for triple in index}) == len(index)
    for triple, records in index.items():
        assert rows.records(triple) == records
    assert rows.records((URIRef("urn:x"), URIRef("urn:y"), URIRef("urn:z"))) == []
    assert all(predicate in {DG.documentNumber, DG.date} for predicate, _ in first_seen)

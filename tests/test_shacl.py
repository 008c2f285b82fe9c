"""graph.shacl: the shapes accept a contract-conforming graph and name each violation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyshacl.rdfutil import stringify_blank_node
from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, URIRef
from sample_kb import (
    ARTICLE_2023,
    ASEAN,
    CONFERENCE,
    FOREIGN_MINISTER,
    FOREIGN_POLICY,
    HANOI,
    RESOLUTION_34,
    SON,
    VIETNAM,
    awkward_kb,
    sample_kb,
)

from graph.model import Entity, EntityRef, EntityType, Fact, Relation
from graph.rdf import graph_blocks, statement_iri, to_graph
from graph.shacl import (
    BlockValidator,
    UnsupportedShapes,
    _EdgeHashes,
    block_local,
    compile_shapes,
    fast_violations,
    needs_ontology,
    needs_ontology_for,
    ontology_graph,
    pyshacl_violations,
    shapes_graph,
    validate,
    validate_blocks,
)
from graph.triples import KBTriples
from graph.vocab import DG, entity_iri, relation_iri


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
    # The other choice: same verdicts when the ontology was left out, others when it was needed.
    chosen = validate(graph, engine="pyshacl")
    monkeypatch.setattr("graph.shacl.needs_ontology", lambda graph: not needed)
    assert (validate(graph, engine="pyshacl") == chosen) is not needed


#################################################################
# The fast engine against pySHACL (the reference)
#################################################################


def _both_engines(graph: Graph) -> tuple[list[str], list[str]]:
    # pySHACL caches blank-node descriptions by id(graph) across graphs; start both runs clean.
    stringify_blank_node.dict_cache.clear()
    fast = validate(graph, engine="fast").violations
    stringify_blank_node.dict_cache.clear()
    reference = validate(graph, engine="pyshacl").violations
    return fast, reference


def test_the_shipped_shapes_are_in_the_fast_engines_subset():
    shapes = compile_shapes(shapes_graph())
    assert {shape.node.split("#")[1] for shape in shapes.targeted} >= {"EntityShape",
                                                                       "StatementShape"}


def test_auto_uses_the_fast_engine_for_the_shipped_shapes(monkeypatch):
    def fail(*args):
        raise AssertionError("pySHACL ran")

    monkeypatch.setattr("graph.shacl.pyshacl_violations", fail)
    assert validate(_with_fact(SON, Relation.MET, HANOI)).violations


def _seeds_graph(built_seeds) -> Graph:
    return Graph().parse(built_seeds / "graph.ttl", format="turtle")


@pytest.mark.slow
def test_engines_agree_on_the_built_seeds(built_seeds):
    fast, reference = _both_engines(_seeds_graph(built_seeds))
    assert fast == reference == []


@pytest.mark.slow
def test_engines_agree_on_the_built_seeds_with_subclass_types_only(built_seeds):
    # Drop every core type that a subclass implies: pySHACL then needs the ontology mixed in.
    graph = _seeds_graph(built_seeds)
    for node, cls in list(graph.subject_objects(RDF.type)):
        for ancestor in set(ontology_graph().transitive_objects(cls, RDFS.subClassOf)) - {cls}:
            graph.remove((node, RDF.type, ancestor))
    assert needs_ontology(graph)
    fast, reference = _both_engines(graph)
    assert fast == reference == []


def _edge(subject, relation: Relation, obj) -> Callable[[Graph], None]:
    return lambda graph: graph.add((subject, relation_iri(relation), obj))


_WRONG_SUBJECT = entity_iri(FOREIGN_POLICY)  # a Topic: the domain of no relation but mentionedIn
_LITERAL_RANGES = {Relation.DOCUMENT_NUMBER, Relation.DATE}


def _domain_case(relation: Relation):
    obj = Literal("x") if relation in _LITERAL_RANGES else entity_iri(ASEAN)
    return pytest.param(_edge(_WRONG_SUBJECT, relation, obj), True, id=f"domain of {relation}")


def _range_case(relation: Relation):
    subjects = {Relation.GUIDES: RESOLUTION_34, Relation.ISSUED_BY: RESOLUTION_34,
                Relation.DOCUMENT_NUMBER: RESOLUTION_34, Relation.HELD_IN: CONFERENCE,
                Relation.DATE: CONFERENCE, Relation.PART_OF: ASEAN}
    subject = entity_iri(subjects.get(relation, SON))
    # A Place is in the range of nothing but heldIn; a Topic is one guides accepts.
    obj = entity_iri(FOREIGN_POLICY if relation == Relation.HELD_IN else HANOI)
    return pytest.param(_edge(subject, relation, obj), True, id=f"range of {relation}")


def _sample_statement(graph: Graph):
    return next(iter(sorted(graph.subjects(RDF.type, RDF.Statement))))


def _on_statement(change: Callable[[Graph, URIRef], None]) -> Callable[[Graph], None]:
    return lambda graph: change(graph, _sample_statement(graph))


def _blank_node_entity(graph: Graph) -> None:
    node = BNode("blankperson")
    graph.add((node, RDF.type, DG.Person))
    graph.add((node, RDFS.label, Literal("Nobody")))
    graph.add((node, DG.holdsRole, entity_iri(FOREIGN_MINISTER)))


def _subclass_only(graph: Graph) -> None:
    graph.remove((entity_iri(RESOLUTION_34), RDF.type, DG.LegalDocument))


def _data_declared_subclass(graph: Graph) -> None:
    special = URIRef("http://example.org/SpecialEnvoy")
    graph.add((special, RDFS.subClassOf, DG.Person))
    graph.remove((entity_iri(SON), RDF.type, DG.Person))
    graph.add((entity_iri(SON), RDF.type, special))


def _label_as_iri(graph: Graph) -> None:
    graph.set((entity_iri(SON), RDFS.label, entity_iri(HANOI)))


BROKEN_GRAPHS = [
    pytest.param(lambda graph: None, False, id="unchanged"),
    pytest.param(lambda graph: graph.remove((entity_iri(SON), RDFS.label, None)), True,
                 id="missing label"),
    pytest.param(lambda graph: graph.add((entity_iri(SON), RDFS.label, Literal("Son"))), True,
                 id="two labels"),
    pytest.param(lambda graph: graph.set((entity_iri(SON), RDFS.label, Literal(""))), True,
                 id="empty label"),
    pytest.param(_label_as_iri, True, id="label that is an IRI"),
    pytest.param(lambda graph: graph.add((entity_iri(SON), SKOS.altLabel, Literal(""))), True,
                 id="empty altLabel"),
    *(_domain_case(relation) for relation in Relation),
    *(_range_case(relation) for relation in Relation),
    pytest.param(_edge(entity_iri(CONFERENCE), Relation.DATE,
                       Literal("not a date", datatype=XSD.date)), True, id="ill-typed xsd:date"),
    pytest.param(_edge(entity_iri(CONFERENCE), Relation.DATE, Literal("2024-01-05")), True,
                 id="date as a plain string"),
    pytest.param(_edge(entity_iri(RESOLUTION_34), Relation.DOCUMENT_NUMBER, Literal("")), True,
                 id="empty document number"),
    pytest.param(lambda graph: graph.add((URIRef("http://example.org/person/x"), RDF.type,
                                          DG.Person)), True, id="bad IRI pattern"),
    pytest.param(lambda graph: graph.add((URIRef("https://w3id.org/diplograph/id/Person/X"),
                                          RDF.type, DG.Person)), True, id="IRI pattern case"),
    pytest.param(_blank_node_entity, True, id="blank-node entity"),
    pytest.param(_on_statement(lambda graph, st_: graph.set((st_, RDF.predicate, RDFS.label))),
                 True, id="sh:in violation of rdf:predicate"),
    pytest.param(_on_statement(lambda graph, st_: graph.remove((st_, RDF.subject, None))),
                 True, id="statement without subject"),
    pytest.param(_on_statement(lambda graph, st_: graph.add((st_, RDF.object, Literal("x")))),
                 True, id="statement with two objects"),
    pytest.param(_on_statement(lambda graph, st_: graph.set((st_, RDF.subject, Literal("x")))),
                 True, id="statement subject that is a literal"),
    pytest.param(_on_statement(lambda graph, st_: graph.set(
        (st_, DG.confidence, Literal("1.5", datatype=XSD.decimal)))), True,
        id="confidence above 1"),
    pytest.param(_on_statement(lambda graph, st_: graph.set(
        (st_, DG.confidence, Literal("high", datatype=XSD.decimal)))), True,
        id="ill-typed confidence"),
    pytest.param(_on_statement(lambda graph, st_: graph.set((st_, DG.confidence, Literal("0.5")))),
                 True, id="confidence as a string"),
    pytest.param(_on_statement(lambda graph, st_: graph.set(
        (st_, PROV.wasDerivedFrom, entity_iri(SON)))), True, id="source that is no article"),
    pytest.param(_on_statement(lambda graph, st_: graph.add(
        (st_, DG.observedOn, Literal("2020-01-01", datatype=XSD.date)))), True,
        id="two observation dates"),
    pytest.param(lambda graph: graph.add((BNode("statement"), RDF.type, RDF.Statement)), True,
                 id="blank-node statement"),
    pytest.param(_edge(entity_iri(SON), Relation.MET, entity_iri(HANOI)), True,
                 id="sh:or failure on a value"),
    pytest.param(_edge(entity_iri(HANOI), Relation.MEMBER_OF, entity_iri(ASEAN)), True,
                 id="sh:or failure on the focus node"),
    pytest.param(_edge(entity_iri(VIETNAM), Relation.MEMBER_OF, entity_iri(ASEAN)), False,
                 id="sh:or passes"),
    pytest.param(_subclass_only, False, id="subclass instances accepted"),
    pytest.param(_data_declared_subclass, False, id="subclass declared in the data"),
    pytest.param(lambda graph: graph.add((entity_iri(SON), RDF.type, DG.Event)), False,
                 id="a second core type"),
    pytest.param(lambda graph: graph.remove((None, DCTERMS.source, None)), True,
                 id="articles without source"),
    pytest.param(lambda graph: graph.add((next(graph.subjects(RDF.type, DG.Article)),
                                          DCTERMS.title, Literal("Another"))), True,
                 id="article with two titles"),
]


@pytest.mark.parametrize(("change", "broken"), BROKEN_GRAPHS)
def test_engines_agree_on_broken_graphs(change, broken):
    graph = to_graph(sample_kb())
    change(graph)
    fast, reference = _both_engines(graph)
    assert fast == reference
    shacl_lines = [line for line in fast if "provenance" not in line and "records an" not in line]
    assert bool(shacl_lines) is broken, fast


#################################################################
# Random edits of the seeds graph
#################################################################

_BAD_TERMS = (
    URIRef("http://example.org/elsewhere"),
    Literal("not a date", datatype=XSD.date),
    Literal("2.5", datatype=XSD.decimal),
    Literal(""),
    Literal("Hà Nội", lang="vi"),
    BNode("stranger"),
)


@pytest.fixture(scope="session")
def seeds_terms(built_seeds):
    graph = _seeds_graph(built_seeds)
    triples = sorted(graph)
    subjects = sorted(set(graph.subjects())) + [term for term in _BAD_TERMS
                                                 if not isinstance(term, Literal)]
    objects = sorted(set(graph.objects()), key=lambda term: term.n3())
    classes = sorted(set(graph.objects(None, RDF.type))
                     | set(ontology_graph().subjects(RDFS.subClassOf, None)))
    return graph, triples, subjects, sorted(set(graph.predicates())), objects, classes


def _edits(seeds_terms):
    _, triples, subjects, predicates, objects, classes = seeds_terms
    delete = st.tuples(st.just("delete"), st.sampled_from(triples))
    # Half the added objects are bad terms, so that most examples break some constraint.
    add = st.tuples(st.just("add"), st.tuples(
        st.sampled_from(subjects), st.sampled_from(predicates),
        st.one_of(st.sampled_from(_BAD_TERMS), st.sampled_from(objects))))
    retype = st.tuples(st.just("retype"), st.tuples(st.sampled_from(subjects),
                                                    st.sampled_from(classes)))
    return st.lists(st.one_of(delete, add, retype), min_size=1, max_size=8)


# 25 reproducible random edit lists of the seeds graph per property test
_EDIT_SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _edited_copy(base: Graph, edits) -> Graph:
    """A copy of `base` (prefixes included) with the `_edits` applied."""
    graph = Graph()
    for prefix, namespace in base.namespaces():
        graph.bind(prefix, namespace, override=True, replace=True)
    for triple in base:
        graph.add(triple)
    for kind, edit in edits:
        if kind == "delete":
            graph.remove(edit)
        elif kind == "add":
            graph.add(edit)
        else:
            node, cls = edit
            graph.remove((node, RDF.type, None))
            graph.add((node, RDF.type, cls))
    return graph


@pytest.mark.slow
def test_engines_agree_after_random_edits_of_the_seeds_graph(seeds_terms):
    base = seeds_terms[0]

    @_EDIT_SETTINGS
    @given(edits=_edits(seeds_terms))
    def check(edits):
        graph = _edited_copy(base, edits)
        fast, reference = _both_engines(graph)
        assert fast == reference

    check()


#################################################################
# Shapes outside the subset, and SHACL features the shipped shapes do not use yet
#################################################################

_PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


@pytest.mark.parametrize("shape", [
    "ex:S sh:targetClass dg:Person ; sh:node ex:T . ex:T sh:class dg:Person .",
    "ex:S sh:targetClass dg:Person ; sh:not [ sh:class dg:Place ] .",
    "ex:S sh:targetClass dg:Person ; sh:property [ sh:path ( rdfs:label rdfs:label ) ] .",
    "ex:S sh:targetClass dg:Person ; sh:property [ sh:path [ sh:inversePath dg:met ] ] .",
    "ex:S sh:targetClass dg:Person ; sh:closed true .",
    "ex:S sh:targetClass dg:Person ; sh:property [ sh:path rdfs:label ; sh:languageIn ( 'en' ) ] .",
    "ex:S sh:targetClass dg:Person ; sh:sparql [ sh:select 'SELECT $this WHERE {}' ] .",
    "ex:S a sh:NodeShape, rdfs:Class ; sh:nodeKind sh:IRI .",
    "ex:S a sh:PropertyShape ; sh:targetClass dg:Person ; sh:path rdfs:label ; sh:minCount 1 .",
    "ex:S sh:targetClass dg:Person ; sh:property [ sh:path rdfs:label ; sh:datatype xsd:string, "
    "xsd:integer ] .",
    "ex:S sh:targetClass dg:Person ; sh:property [ sh:path rdfs:label ; sh:minCount '1' ] .",
    "ex:S sh:targetClass dg:Person ; sh:or ( ex:S ) .",
], ids=["sh:node", "sh:not", "sequence path", "inverse path", "sh:closed", "sh:languageIn",
        "sh:sparql", "implicit class target", "targeted property shape", "two datatypes",
        "string count", "recursive sh:or"])
def test_shapes_outside_the_subset_are_refused(shape):
    with pytest.raises(UnsupportedShapes):
        compile_shapes(Graph().parse(data=_PREFIXES + shape, format="turtle"))


@pytest.fixture
def shipped_shapes_replaced(monkeypatch):
    """Swap the shipped shapes for others for one test (the module caches what it read)."""
    from graph import shacl

    cached = (shacl._compiled_shapes, shacl._implied_shape_classes,
              shacl._ontology_adds_focus_nodes)

    def replace(shapes: Graph) -> None:
        monkeypatch.setattr(shacl, "shapes_graph", lambda: shapes)
        for function in cached:
            function.cache_clear()

    yield replace
    for function in cached:
        function.cache_clear()


def test_unsupported_shapes_fall_back_to_pyshacl(shipped_shapes_replaced, monkeypatch):
    shapes = Graph().parse(data=_PREFIXES + """
        ex:S sh:targetClass dg:Person ;
            sh:property [ sh:path rdfs:label ; sh:languageIn ( "vi" ) ] .""", format="turtle")
    shipped_shapes_replaced(shapes)
    calls = []
    monkeypatch.setattr("graph.shacl.pyshacl_violations",
                        lambda *args: calls.append(args) or pyshacl_violations(*args))
    result = validate(to_graph(sample_kb()))
    assert len(calls) == 1
    assert any("String language is not in" in line for line in result.violations)
    with pytest.raises(UnsupportedShapes, match="languageIn"):
        validate(to_graph(sample_kb()), engine="fast")


_MORE_SHAPES = _PREFIXES + r"""
ex:Named sh:targetNode ex:nowhere, <https://w3id.org/diplograph/id/person/bui-thanh-son> ;
    sh:property [ sh:path rdfs:label ; sh:minCount 1 ; sh:hasValue "Somebody" ] .
ex:Objects sh:targetObjectsOf dg:holdsRole ;
    sh:pattern "MINISTER" ; sh:flags "i" ;
    sh:property [ sh:path rdfs:label ; sh:maxLength 12 ; sh:pattern "^[A-Z]" ;
                  sh:pattern "[0-9]$" ] .
ex:Warned sh:targetClass dg:Person ; sh:severity sh:Warning ; sh:nodeKind sh:BlankNode ;
    sh:property [ sh:path rdfs:label ; sh:maxCount 0 ] .
ex:Off sh:targetClass dg:Person ; sh:deactivated true ; sh:nodeKind sh:BlankNode .
ex:OffProperty sh:targetClass dg:Person ;
    sh:property [ sh:path rdfs:label ; sh:deactivated true ; sh:maxCount 0 ] .
ex:Ranges sh:targetSubjectsOf dg:confidence ;
    sh:property [ sh:path dg:confidence ; sh:minExclusive 0.9 ; sh:maxExclusive 0.95 ] ,
                [ sh:path dg:observedOn ; sh:minInclusive "2022-01-01"^^xsd:date ] .
ex:NestedOr sh:targetSubjectsOf dg:met ;
    sh:property [ sh:path dg:met ;
        sh:or ( [ sh:property [ sh:path dg:holdsRole ; sh:minCount 1 ] ] [ sh:class dg:Place ] ) ] .
ex:WarnedOr sh:targetSubjectsOf dg:met ;
    sh:property [ sh:path dg:met ; sh:or ( [ sh:class dg:Role ; sh:severity sh:Warning ] ) ] .
ex:Classes sh:targetSubjectsOf dg:memberOf ; sh:class dg:Person, dg:Country .
ex:Kinds sh:targetObjectsOf rdfs:label ; sh:nodeKind sh:IRIOrLiteral ; sh:datatype rdfs:Literal .
"""


def test_the_fast_engine_matches_pyshacl_on_the_rest_of_its_subset():
    shapes = Graph().parse(data=_MORE_SHAPES, format="turtle")
    graph = to_graph(sample_kb())
    graph.add((entity_iri(SON), DG.met, entity_iri(HANOI)))
    graph.add((entity_iri(SON), DG.met, entity_iri(ASEAN)))
    ontology = ontology_graph()
    stringify_blank_node.dict_cache.clear()
    fast = fast_violations(compile_shapes(shapes), graph, ontology)
    stringify_blank_node.dict_cache.clear()
    assert fast == pyshacl_violations(graph, shapes, ontology)
    # Each kind of constraint above fails somewhere, so the comparison covers it.
    for wording in ("does not contain a value", "String length not <=", "does not match every",
                    "does not match pattern", "Value is not >", "Value is not <",
                    "must conform to one or more", "Value class is not in classes"):
        assert any(wording in line for line in fast), wording
    assert not any("Node Kind sh:BlankNode" in line for line in fast)  # warnings, deactivated


#################################################################
# Block by block (validate_blocks) against the whole graph
#################################################################


class GraphSource:
    """An rdflib graph given subject by subject, as `KBTriples` gives a knowledge base."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.whole_graph_asked = 0

    def blocks(self):
        return ((subject, list(pairs)) for subject, pairs in graph_blocks(self.graph))

    def types(self, node):
        return list(self.graph.objects(node, RDF.type))

    def typed_nodes(self):
        return (self.types(node) for node in set(self.graph.subjects(RDF.type)))

    def has_subject(self, node):
        return (node, None, None) in self.graph

    def names_graph(self):
        return self.graph

    def to_graph(self):
        self.whole_graph_asked += 1
        return self.graph


_WHOLE_GRAPH_CASES = {"blank-node entity", "blank-node statement", "subclass declared in the data"}


@pytest.mark.parametrize("block_subjects", [1, 4])
@pytest.mark.parametrize(("change", "broken"), BROKEN_GRAPHS)
def test_blocks_agree_with_the_whole_graph_on_broken_graphs(change, broken, block_subjects,
                                                            request):
    graph = to_graph(sample_kb())
    change(graph)
    stringify_blank_node.dict_cache.clear()
    source = GraphSource(graph)
    blocks = validate_blocks(source, block_subjects=block_subjects)
    stringify_blank_node.dict_cache.clear()
    assert blocks == validate(graph)
    case = request.node.callspec.id.rsplit("-", 1)[0]
    assert bool(source.whole_graph_asked) is (case in _WHOLE_GRAPH_CASES)


class FreshTermsSource(GraphSource):
    """Pairs read lazily, each with a predicate and object made afresh that nothing else holds:
    the checker must not mistake one term for another whose memory it took over."""

    def blocks(self):
        return ((subject, ((URIRef(str(p)), _fresh(o)) for p, o in pairs))
                for subject, pairs in graph_blocks(self.graph))


def _fresh(node):
    if isinstance(node, URIRef):
        return URIRef(str(node))
    if isinstance(node, Literal):
        return Literal(str(node), lang=node.language, datatype=node.datatype)
    return node


@pytest.mark.parametrize(("change", "broken"), BROKEN_GRAPHS)
def test_blocks_of_terms_made_afresh_agree_with_the_whole_graph(change, broken):
    graph = to_graph(sample_kb())
    change(graph)
    stringify_blank_node.dict_cache.clear()
    blocks = validate_blocks(FreshTermsSource(graph), block_subjects=4)
    stringify_blank_node.dict_cache.clear()
    assert blocks == validate(graph)


def test_blocks_name_edges_without_provenance_and_orphan_statements():
    graph = to_graph(sample_kb())
    graph.add((entity_iri(SON), DG.met, entity_iri(ASEAN)))  # no statement
    graph.remove((entity_iri(ASEAN), RDF.type, None))
    orphan = _sample_statement(graph)
    edge = (graph.value(orphan, RDF.subject), graph.value(orphan, RDF.predicate),
            graph.value(orphan, RDF.object))
    graph.remove(edge)
    lines = validate_blocks(GraphSource(graph), block_subjects=3).violations
    assert lines == validate(graph).violations
    assert any("edge without provenance" in line for line in lines)
    assert any("records an edge that is not asserted" in line for line in lines)


def test_an_ontology_subject_in_the_data_gets_its_ontology_triples_in_its_block_only():
    graph = to_graph(sample_kb())
    graph.add((DG.Person, RDF.type, DG.Person))  # dg:Person has a label in the ontology too
    graph.add((DG.Person, RDFS.label, Literal("A person")))
    lines = validate_blocks(GraphSource(graph), block_subjects=2).violations
    assert lines == validate(graph).violations
    assert any(line.startswith("dg:Person rdfs:label") for line in lines)


def _kb_with(*changes):
    kb = awkward_kb()
    for change in changes:
        change(kb)
    return kb


def _relabel(kb, ref, label):
    kb.entities[ref] = Entity(ref, label)


def _add_fact(kb, subject, relation, obj, confidence=0.5):
    kb.facts.append(Fact(subject, relation, obj, "A sentence.", confidence, ARTICLE_2023.key))


BROKEN_KBS = [
    pytest.param(lambda kb: None, id="awkward"),
    pytest.param(lambda kb: _relabel(kb, SON, ""), id="empty label"),
    pytest.param(lambda kb: _add_fact(kb, SON, Relation.HOLDS_ROLE, HANOI), id="range"),
    pytest.param(lambda kb: _add_fact(kb, HANOI, Relation.HOLDS_ROLE, FOREIGN_MINISTER),
                 id="domain"),
    pytest.param(lambda kb: _add_fact(kb, SON, Relation.MET, HANOI), id="sh:or on a value"),
    pytest.param(lambda kb: _add_fact(kb, HANOI, Relation.MEMBER_OF, ASEAN), id="sh:or on focus"),
    pytest.param(lambda kb: _add_fact(kb, CONFERENCE, Relation.DOCUMENT_NUMBER, ""),
                 id="empty document number"),
    pytest.param(lambda kb: _add_fact(kb, EntityRef(EntityType.TOPIC, "x"), Relation.GUIDES,
                                      FOREIGN_POLICY), id="unknown subject"),
    pytest.param(lambda kb: kb.entities.pop(ASEAN), id="unknown object"),
]


@pytest.mark.parametrize("block_subjects", [1, 5, 4096])
@pytest.mark.parametrize("change", BROKEN_KBS)
def test_blocks_of_a_knowledge_base_agree_with_its_graph(change, block_subjects):
    kb = _kb_with(change)
    triples = KBTriples(kb)
    result = validate_blocks(triples, block_subjects=block_subjects)
    assert result == validate(to_graph(kb))
    assert not result.conforms  # the awkward base already cites unknown entities


@pytest.mark.parametrize("seed", [1, 2])
def test_blocks_given_in_any_order_give_the_same_result(seed):
    import random

    kb = _kb_with(lambda kb: _add_fact(kb, SON, Relation.MET, HANOI))
    triples = KBTriples(kb)
    blocks = list(triples.blocks())
    random.Random(seed).shuffle(blocks)
    validator = BlockValidator(triples, block_subjects=6)
    for subject, pairs in blocks:
        validator.add(subject, pairs)
    assert validator.result() == validate(to_graph(kb))


def test_a_block_validator_that_meets_a_blank_node_validates_the_whole_graph():
    graph = to_graph(sample_kb())
    _blank_node_entity(graph)
    source = GraphSource(graph)
    validator = BlockValidator(source, block_subjects=2)
    for subject, pairs in source.blocks():
        validator.add(subject, pairs)
    assert source.whole_graph_asked == 0  # not yet: only when the result is asked for
    stringify_blank_node.dict_cache.clear()
    result = validator.result()
    stringify_blank_node.dict_cache.clear()
    assert source.whole_graph_asked == 1
    assert result == validate(graph)


def test_shipped_shapes_are_checked_block_by_block(monkeypatch):
    kb = sample_kb()

    def whole_graph():
        raise AssertionError("the whole graph was made")

    triples = KBTriples(kb)
    monkeypatch.setattr(triples, "to_graph", whole_graph)
    assert block_local(compile_shapes(shapes_graph()))
    assert validate_blocks(triples).conforms


_LOCAL_SHAPES = _PREFIXES + """
ex:S sh:targetSubjectsOf dg:met ;
    sh:property [ sh:path dg:met ; sh:or ( [ sh:class dg:Person ] [ sh:nodeKind sh:IRI ] ) ] .
"""


@pytest.mark.parametrize(("shape", "local"), [
    ("ex:S sh:targetObjectsOf dg:met ; sh:class dg:Person .", False),
    ("ex:S sh:targetNode ex:x ; sh:class dg:Person .", False),
    ("ex:S sh:targetClass dg:Person ; sh:property [ sh:path dg:met ; sh:or ( [ sh:property "
     "[ sh:path rdfs:label ; sh:minCount 1 ] ] ) ] .", False),
    ("ex:S sh:targetClass dg:Person ; sh:or ( [ sh:or ( [ sh:property "
     "[ sh:path rdfs:label ; sh:minCount 1 ] ] ) ] ) .", False),
    ("ex:S sh:targetClass dg:Person ; sh:property [ sh:path dg:met ; sh:class dg:Person ] .",
     True),
    ("ex:S sh:targetSubjectsOf dg:met ; sh:property [ sh:path dg:met ; sh:or ( [ sh:class "
     "dg:Person ] [ sh:nodeKind sh:IRI ; sh:class dg:Place ] ) ] .", True),
], ids=["targetObjectsOf", "targetNode", "sh:or with a property", "nested sh:or with a property",
        "class of a value", "sh:or of classes"])
def test_block_local_says_whether_a_focus_nodes_own_triples_decide(shape, local):
    shapes = compile_shapes(Graph().parse(data=_PREFIXES + shape, format="turtle"))
    assert block_local(shapes) is local


def test_shapes_that_are_not_block_local_are_checked_on_the_whole_graph(shipped_shapes_replaced):
    shipped_shapes_replaced(Graph().parse(data=_MORE_SHAPES, format="turtle"))
    kb = awkward_kb()
    _add_fact(kb, SON, Relation.MET, HANOI)
    source = GraphSource(to_graph(kb))
    result = validate_blocks(source, block_subjects=3)
    assert source.whole_graph_asked == 1
    assert result == validate(to_graph(kb))
    assert result.violations


def test_pyshacl_checks_the_whole_graph():
    graph = to_graph(sample_kb())
    graph.set((entity_iri(SON), RDFS.label, Literal("")))
    source = GraphSource(graph)
    result = validate_blocks(source, engine="pyshacl")
    assert source.whole_graph_asked == 1
    assert result == validate(graph, engine="pyshacl")
    assert result.violations


@pytest.mark.parametrize("change", [lambda graph: None, _subclass_only],
                         ids=["sample", "subclass only"])
def test_needs_ontology_for_the_types_of_a_graph_is_needs_ontology(change):
    graph = to_graph(sample_kb())
    change(graph)
    assert needs_ontology_for(GraphSource(graph).typed_nodes()) is needs_ontology(graph)


def test_edge_hashes_subtract_as_sets():
    a, b = _EdgeHashes(), _EdgeHashes()
    son, asean, hanoi = entity_iri(SON), entity_iri(ASEAN), entity_iri(HANOI)
    for edge in [(son, DG.met, asean), (son, DG.met, asean), (son, DG.met, hanoi)]:
        a.add(*edge)
    b.add(son, DG.met, asean)
    b.add(son, DG.date, Literal("x"))
    assert a.minus(b) == {hash((son, DG.met, hanoi))}
    assert b.minus(a) == {hash((son, DG.date, Literal("x")))}
    assert _EdgeHashes().minus(a) == set()


@pytest.mark.slow
def test_blocks_agree_with_the_whole_graph_after_random_edits_of_the_seeds_graph(seeds_terms):
    base = seeds_terms[0]

    @_EDIT_SETTINGS
    @given(edits=_edits(seeds_terms))
    def check(edits):
        graph = _edited_copy(base, edits)
        stringify_blank_node.dict_cache.clear()
        blocks = validate_blocks(GraphSource(graph), block_subjects=7)
        stringify_blank_node.dict_cache.clear()
        assert blocks == validate(graph)

    check()


@pytest.mark.slow
def test_blocks_of_the_seeds_knowledge_base_agree_with_its_graph(seeds_kb):
    assert validate_blocks(KBTriples(seeds_kb), block_subjects=64) == validate(to_graph(seeds_kb))

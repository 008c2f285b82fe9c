"""graph.query and the example queries in queries/: parameters, formats, errors."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from sample_kb import write_sample_build

from graph.cli import main
from graph.errors import InputNotFoundError, ParameterError, QueryError, StoreMissingError
from graph.query import format_result, parse_params, parse_value, run_query

REPO = Path(__file__).resolve().parent.parent
QUERIES = REPO / "queries"
DOCS = REPO / "docs" / "queries.md"
XSD = "http://www.w3.org/2001/XMLSchema#"
ID = "https://w3id.org/diplograph/id/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return write_sample_build(tmp_path_factory.mktemp("query") / "output")


def values(result, column: str) -> list[str]:
    index = result.variables.index(column)
    return [row[index].value if row[index] is not None else None for row in result.rows]


# --- Parameters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<https://example.org/x>", ox.NamedNode("https://example.org/x")),
        ("person:bui-thanh-son", ox.NamedNode(ID + "person/bui-thanh-son")),
        ("dg:holdsRole", ox.NamedNode("https://w3id.org/diplograph/ontology#holdsRole")),
        ("2023", ox.Literal("2023", datatype=ox.NamedNode(XSD + "integer"))),
        ("0.5", ox.Literal("0.5", datatype=ox.NamedNode(XSD + "decimal"))),
        ("2023-12-21", ox.Literal("2023-12-21", datatype=ox.NamedNode(XSD + "date"))),
        ('"2023"', ox.Literal("2023")),
        ('"Hà Nội"@vi', ox.Literal("Hà Nội", language="vi")),
        ('"7"^^xsd:long', ox.Literal("7", datatype=ox.NamedNode(XSD + "long"))),
        ("Bui Thanh Son", ox.Literal("Bui Thanh Son")),
        ("unknown:thing", ox.Literal("unknown:thing")),
        ('x" } ; DROP ALL ; #', ox.Literal('x" } ; DROP ALL ; #')),
    ],
)
def test_parameter_values_become_typed_terms(text, expected):
    assert parse_value(text) == expected


@pytest.mark.parametrize("bad", ["novalue", "=x", "1x=2", "a b=3", "x=<not an iri>"])
def test_bad_parameters_are_one_line_errors(bad):
    with pytest.raises(ParameterError) as caught:
        parse_params([bad])
    assert "\n" not in str(caught.value)


def test_duplicate_parameter_is_refused():
    with pytest.raises(ParameterError, match="twice"):
        parse_params(["a=1", "?a=2"])


def test_injection_attempt_is_just_a_literal_that_matches_nothing(built):
    params = parse_params(['text=son")) } ; DELETE WHERE { ?s ?p ?o } #'])
    result = run_query(built, QUERIES / "find-entity.rq", params)
    assert result.rows == []
    assert run_query(built, "ASK { ?s ?p ?o }").boolean is True


def test_parameter_not_in_the_query_is_refused(built):
    with pytest.raises(ParameterError, match=r"no \?nobody"):
        run_query(built, "SELECT ?s WHERE { ?s ?p ?o }", parse_params(["nobody=1"]))


def test_parameter_not_selected_gets_a_clear_message(built):
    with pytest.raises(ParameterError, match="must be selected"):
        run_query(built, "SELECT ?s WHERE { ?s ?p ?o }", parse_params(["o=1"]))


# --- Running and errors -------------------------------------------------------------------------


def test_syntax_error_is_a_one_line_query_error(built):
    with pytest.raises(QueryError) as caught:
        run_query(built, "SELEC ?x WHERE { ?x ?y ?z }")
    assert "\n" not in str(caught.value)


def test_missing_query_file(built, tmp_path):
    with pytest.raises(InputNotFoundError):
        run_query(built, str(tmp_path / "missing.rq"))


def test_missing_store(tmp_path):
    with pytest.raises(StoreMissingError):
        run_query(tmp_path, "ASK {}")


def test_updates_are_rejected(built):
    with pytest.raises(QueryError):
        run_query(built, "INSERT DATA { <http://x/s> <http://x/p> 1 }")
    assert run_query(built, "ASK { <http://x/s> ?p ?o }").boolean is False


def test_default_prefixes_are_available_without_declarations(built):
    result = run_query(built, "SELECT ?p WHERE { ?p a dg:Person }")
    assert len(result.rows) == 4


# --- Formats ------------------------------------------------------------------------------------


def test_json_is_sparql_results_json(built):
    result = run_query(built, "SELECT ?s ?label ?none WHERE { ?s rdfs:label ?label "
                              "FILTER(?s = person:bui-thanh-son) OPTIONAL { ?s dg:nope ?none } }")
    document = json.loads(format_result(result, "json"))
    assert document["head"]["vars"] == ["s", "label", "none"]
    [binding] = document["results"]["bindings"]
    assert binding == {
        "s": {"type": "uri", "value": ID + "person/bui-thanh-son"},
        "label": {"type": "literal", "value": "Bùi Thanh Sơn"},
    }


def test_typed_and_tagged_literals_in_json(built):
    result = run_query(built, 'SELECT ?d ?t WHERE { BIND("2020-01-10"^^xsd:date AS ?d) '
                              'BIND("Hà"@vi AS ?t) }')
    [binding] = json.loads(format_result(result, "json"))["results"]["bindings"]
    assert binding["d"] == {"type": "literal", "value": "2020-01-10", "datatype": XSD + "date"}
    assert binding["t"] == {"type": "literal", "value": "Hà", "xml:lang": "vi"}


def test_csv_has_plain_values_and_crlf(built):
    result = run_query(built, QUERIES / "articles.rq")
    text = format_result(result, "csv")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == result.variables
    assert rows[1][:2] == [ID + "article/undated", "undated.txt"]


def test_tsv_has_ntriples_terms(built):
    result = run_query(built, QUERIES / "articles.rq")
    lines = format_result(result, "tsv").splitlines()
    assert lines[0].split("\t")[:2] == ["?article", "?source"]
    assert lines[1].startswith(f"<{ID}article/undated>\t\"undated.txt\"")


def test_table_compacts_iris_and_counts_rows(built):
    text = format_result(run_query(built, QUERIES / "roles-over-time.rq"), "table")
    assert "person:bui-thanh-son" in text
    assert text.rstrip().endswith("(4 rows)")


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("table", "true\n"), ("csv", "boolean\r\ntrue\r\n"), ("tsv", "?boolean\ntrue\n"),
     ("json", '{\n  "head": {},\n  "boolean": true\n}\n')],
)
def test_ask_in_every_format(built, fmt, expected):
    assert format_result(run_query(built, "ASK { ?s a dg:Person }"), fmt) == expected


def test_construct_is_turtle_as_table_and_rows_otherwise(built):
    result = run_query(built, QUERIES / "meeting-network.rq")
    assert result.kind == "graph"
    assert "dg:met person:bui-thanh-son" in format_result(result, "table")
    document = json.loads(format_result(result, "json"))
    assert document["head"]["vars"] == ["subject", "predicate", "object"]
    assert len(document["results"]["bindings"]) == len(result.triples) == 6


# --- The example queries ------------------------------------------------------------------------

EXAMPLES = sorted(QUERIES.glob("*.rq"))


def test_at_least_eight_examples_each_documented():
    assert len(EXAMPLES) >= 8
    documented = DOCS.read_text(encoding="utf-8")
    for path in EXAMPLES:
        assert f"queries/{path.name}" in documented, path.name
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name} needs a comment"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_runs_and_its_documented_parameters_exist(built, path):
    text = path.read_text(encoding="utf-8")
    run_query(built, path)
    for name in re.findall(r"^#\s+\?(\w+)\s", text, flags=re.MULTILINE):
        assert re.search(rf"[?$]{name}\b", text.split("\nPREFIX", 1)[1]), name


def test_roles_over_time_of_one_person(built):
    result = run_query(built, QUERIES / "roles-over-time.rq",
                       parse_params(["person=person:pham-binh-minh"]))
    assert values(result, "roleName") == ["Deputy Prime Minister", "Minister of Foreign Affairs"]
    assert values(result, "firstSeen") == ["2021-03-02", "2021-03-02"]
    assert values(result, "articles") == ["1", "2"]  # one of them undated


@pytest.mark.parametrize(("year", "holder"), [(2021, "Phạm Bình Minh"), (2023, "Bùi Thanh Sơn")])
def test_who_was_foreign_minister_in_a_year(built, year, holder):
    params = parse_params([f"year={year}", "role=role:minister-of-foreign-affairs"])
    result = run_query(built, QUERIES / "role-holders-by-year.rq", params)
    assert values(result, "name") == [holder]


def test_role_holders_without_parameters_list_every_year(built):
    result = run_query(built, QUERIES / "role-holders-by-year.rq")
    assert sorted(set(values(result, "year"))) == ["2021", "2023"]


def test_documents_by_issuer_and_topic(built):
    by_issuer = run_query(built, QUERIES / "documents-by-issuer.rq",
                          parse_params(["issuer=organization:politburo"]))
    assert values(by_issuer, "documentNumber") == ["34-NQ/TW"]
    assert values(by_issuer, "topics") == ["foreign policy"]
    by_topic = run_query(built, QUERIES / "documents-by-topic.rq",
                         parse_params(["topic=topic:foreign-policy"]))
    assert values(by_topic, "issuers") == ["Politburo"]
    nothing = run_query(built, QUERIES / "documents-by-issuer.rq",
                        parse_params(["issuer=organization:asean"]))
    assert nothing.rows == []


def test_who_met_whom_from_both_sides(built):
    result = run_query(built, QUERIES / "who-met-whom.rq",
                       parse_params(["person=person:bui-thanh-son"]))
    assert values(result, "otherName") == ["Vương Đình Huệ"]
    assert values(result, "source") == ["a2023.txt"]


def test_events_by_place_and_year(built):
    hit = run_query(built, QUERIES / "events-by-place-and-date.rq",
                    parse_params(["place=place:hanoi", "year=2023"]))
    assert values(hit, "eventName") == ["32nd Diplomatic Conference"]
    assert values(hit, "participants") == ["3"]
    miss = run_query(built, QUERIES / "events-by-place-and-date.rq", parse_params(["year=2020"]))
    assert miss.rows == []


def test_evidence_for_a_fact(built):
    params = parse_params(["subject=person:bui-thanh-son", "predicate=dg:holdsRole"])
    result = run_query(built, QUERIES / "evidence-for-fact.rq", params)
    assert values(result, "source") == ["a2023.txt"]
    assert values(result, "observed") == ["2023-12-21"]
    assert "Minister of Foreign Affairs Bui Thanh Son" in values(result, "evidence")[0]


def test_evidence_for_a_literal_fact(built):
    params = parse_params(['object="34-NQ/TW"'])
    result = run_query(built, QUERIES / "evidence-for-fact.rq", params)
    assert values(result, "source") == ["undated.txt"]


def test_most_connected_entities(built):
    result = run_query(built, QUERIES / "most-connected-entities.rq")
    assert values(result, "name")[0] == "32nd Diplomatic Conference"
    assert values(result, "connections")[0] == "4"
    people = run_query(built, QUERIES / "most-connected-entities.rq",
                       parse_params(["type=dg:Person"]))
    assert set(values(people, "type")) == {"https://w3id.org/diplograph/ontology#Person"}


def test_event_participants_with_their_roles(built):
    result = run_query(built, QUERIES / "event-participants.rq")
    roles = [r or "" for r in values(result, "roles")]  # no role: "" or unbound
    assert dict(zip(values(result, "name"), roles, strict=True)) == {
        "Bùi Thanh Sơn": "Minister of Foreign Affairs",
        "Vũ Hải Hà": "",
        "Vương Đình Huệ": "Chairman of the National Assembly",
    }


def test_organization_structure(built):
    result = run_query(built, QUERIES / "organization-structure.rq",
                       parse_params(["organization=organization:national-assembly"]))
    assert values(result, "memberName") == ["NA Committee for External Relations"]


def test_find_entity_by_any_name_form(built):
    result = run_query(built, QUERIES / "find-entity.rq", parse_params(["text=FOREIGN MIN"]))
    assert values(result, "entity") == [ID + "role/minister-of-foreign-affairs"]


def test_entity_facts(built):
    result = run_query(built, QUERIES / "entity-facts.rq",
                       parse_params(["entity=person:bui-thanh-son"]))
    assert set(zip(values(result, "direction"), values(result, "otherName"), strict=True)) == {
        ("out", "Minister of Foreign Affairs"), ("out", "32nd Diplomatic Conference"),
        ("in", "Vương Đình Huệ"),
    }


@pytest.mark.parametrize(("role", "expected"), [("minister-of-foreign-affairs", True),
                                                ("deputy-prime-minister", False)])
def test_ask_held_role(built, role, expected):
    params = parse_params(["person=person:bui-thanh-son", f"role=role:{role}"])
    assert run_query(built, QUERIES / "ask-held-role.rq", params).boolean is expected


@pytest.mark.parametrize("graph_dir_flag", ["--out", "--graph-dir"])
def test_cli_query_with_params_and_format(built, capsys, graph_dir_flag):
    code = main(["query", str(QUERIES / "role-holders-by-year.rq"), graph_dir_flag, str(built),
                 "--param", "year=2023", "--param", "role=role:minister-of-foreign-affairs",
                 "--format", "csv"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["name"] for row in rows] == ["Bùi Thanh Sơn"]


def test_cli_query_error_is_one_line_on_stderr(built, capsys):
    code = main(["query", "SELECT WHERE", "--out", str(built)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "SPARQL error" in captured.err


# --- On the real seeds (needs the extraction) ---------------------------------------------------

NON_EMPTY_ON_SEEDS = ["articles", "evidence-for-fact", "most-connected-entities", "find-entity"]


@pytest.mark.slow
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_runs_on_the_seeds(built_seeds, path):
    params = parse_params(["text=minister"]) if path.stem == "find-entity" else {}
    result = run_query(built_seeds, path, params)
    if path.stem in NON_EMPTY_ON_SEEDS:
        assert len(result) > 0, path.stem

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal
from rdflib.namespace import XSD

from graph.errors import GoldFileError, StoreMissingError
from graph.evaluate import evaluate, evaluate_build, parse_gold
from graph.model import EntityType, Relation
from graph.vocab import DG, ID

ROOT = Path(__file__).resolve().parent.parent
GOLD = """#!complete: Person Role
# comment
Person\tVũ Hải Hà|Vu Hai Ha\tholdsRole\tRole\tChairman of the Committee
Person\tBui Thanh Son\tmet\tPerson\tVũ Hải Hà
LegalDocument\tResolution 1-NQ/TW\tdate\tdate\t2023-01-09
Person\tLe Van A
"""


def small_graph() -> Graph:
    g = Graph()
    ha, son, extra = ID["person/vu-hai-ha"], ID["person/bui-thanh-son"], ID["person/x"]
    chair, doc = ID["role/chair"], ID["document/1"]
    for node, cls, label in ((ha, DG.Person, "Vu Hai Ha"), (son, DG.Person, "Bui Thanh Son"),
                             (extra, DG.Person, "Nobody"), (chair, DG.Role, "Chairman"),
                             (doc, DG.LegalDocument, "Resolution 1-NQ/TW")):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
    g.add((chair, SKOS.altLabel, Literal("Chairman of the Committee")))
    g.add((ha, DG.holdsRole, chair))
    g.add((ha, DG.met, son))  # the other direction: met is symmetric
    g.add((doc, DG.date, Literal(dt.date(2023, 1, 9), datatype=XSD.date)))
    g.add((son, DG.met, extra))
    return g


def test_scores_per_relation_and_entity_type():
    report = evaluate(small_graph(), parse_gold(GOLD))
    assert report.score("holdsRole").f1 == 1.0
    met = report.score("met")
    assert (met.tp, met.fp, met.fn) == (1, 1, 0)
    assert report.score("date").f1 == 1.0
    person = report.score("Person")
    assert (person.tp, person.fp, person.fn) == (2, 1, 1)
    table = report.format_table()
    assert "holdsRole" in table and "precision" in table and "Person" in table


def test_empty_prediction_scores_zero_recall():
    report = evaluate(Graph(), parse_gold(GOLD))
    assert report.score("holdsRole").recall == 0.0
    assert report.score("holdsRole").precision is None


@pytest.mark.parametrize(("line", "message"), [
    ("Person\tA\tholdsRole\tRole", "columns"),
    ("Persn\tA", "unknown type"),
    ("Person\tA\tknows\tPerson\tB", "unknown relation"),
    ("LegalDocument\tA\tdate\tdate\t2023-13-01", "bad date"),
    ("Person\t|", "empty name"),
])
def test_bad_gold_lines_are_reported(line, message):
    with pytest.raises(GoldFileError, match=message):
        parse_gold(line + "\n", "g.tsv")


def test_evaluate_build_reads_graph_ttl(tmp_path):
    small_graph().serialize(tmp_path / "graph.ttl", format="turtle")
    gold = tmp_path / "gold.tsv"
    gold.write_text(GOLD, encoding="utf-8")
    assert evaluate_build(tmp_path, gold).score("holdsRole").f1 == 1.0
    with pytest.raises(StoreMissingError):
        evaluate_build(tmp_path / "missing", gold)
    with pytest.raises(GoldFileError):
        evaluate_build(tmp_path, tmp_path / "nope.tsv")


def _articles(paths: list[Path]):
    from graph.model import Article

    for path in paths:
        raw = path.read_text(encoding="utf-8")
        date = None
        if raw.lstrip().startswith("date "):  # the seeds' header line (ingest's job in a build)
            _, iso, raw = raw.lstrip().split(None, 2)
            date = dt.date.fromisoformat(iso)
        yield Article(path.name, raw, hashlib.sha256(raw.encode()).hexdigest(), date=date)


def _evaluate_files(paths: list[Path], gold: Path):
    from graph.extract import extract_articles
    from graph.rdf import to_graph
    from graph.resolve import resolve

    graph = to_graph(resolve(extract_articles(_articles(paths))))
    report = evaluate(graph, parse_gold(gold.read_text(encoding="utf-8"), gold))
    print(report.format_table())
    return report


@pytest.mark.slow
@pytest.mark.parametrize(("articles", "gold"), [
    (sorted((ROOT / "seeds").glob("*.txt")), ROOT / "tests/gold/seeds.tsv"),
    (sorted((ROOT / "tests/articles").glob("unseen_*.txt")),
     ROOT / "tests/articles/unseen.gold.tsv"),
])
def test_extraction_meets_targets(articles, gold):
    report = _evaluate_files(articles, gold)
    assert report.score("Person").f1 >= 0.95
    assert report.score("holdsRole").f1 >= 0.95
    assert report.score("Role").f1 >= 0.95
    for name in ("LegalDocument", "documentNumber", "issuedBy", "guides"):
        assert report.score(name).f1 == 1.0, name


def test_cells_sharing_a_name_are_one_gold_entity():
    text = (
        "Person\tLe Thi Hoa\tholdsRole\tRole\tDeputy Foreign Minister|Deputy Minister of "
        "Foreign Affairs\n"
        "Person\tLe Thi Hoa\tholdsRole\tRole\tDeputy Minister of Foreign Affairs|Deputy "
        "Foreign Minister|Deputy FM\n"
        "Person\tTran Van Nam\tholdsRole\tRole\tPrime Minister\n"
    )
    gold = parse_gold(text)
    roles = [e for e in gold.entities.values() if e.type is EntityType.ROLE]
    assert len(roles) == 2
    merged = next(e for e in roles if "Deputy FM" in e.names)
    assert set(merged.names) == {"Deputy Foreign Minister", "Deputy Minister of Foreign Affairs",
                                 "Deputy FM"}
    assert len([t for t in gold.triples if t[1] is Relation.HOLDS_ROLE]) == 2

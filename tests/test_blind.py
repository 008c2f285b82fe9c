"""Blind generalisation test: six articles written without reading the extraction rules.

`tests/blind/blind_NN_<topic>.txt` are VNA-style articles (with scraping noise: a date line with a
photo caption, glued words, a repeated paragraph, "Related news" headlines) and
`blind_NN_<topic>.gold.tsv` their hand-written gold; `blind.gold.tsv` is the union of the
per-article files. The floors below sit a little under the scores measured when the set was
added: they guard against regressions, not targets. Run with `-s` to see the table and every
miss (gold facts not found, and predicted facts not in the gold).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.evaluate import EvaluationReport, evaluate_build, parse_gold

BLIND = Path(__file__).resolve().parent / "blind"
GOLD = BLIND / "blind.gold.tsv"
ARTICLES = sorted(BLIND.glob("blind_*.txt"))

# F1 floors: measured F1 at the time the set was added, rounded down with a little slack.
F1_FLOORS = [
    ("Person", 0.70),
    ("Role", 0.50),
    ("holdsRole", 0.40),
    ("LegalDocument", 0.80),
    ("documentNumber", 0.95),
    ("issuedBy", 0.75),
    ("guides", 0.40),
    ("Topic", 0.40),
    ("Event", 0.70),
    ("date", 0.50),
    ("heldIn", 0.25),
    ("participatedIn", 0.33),
    ("met", 0.40),
    ("memberOf", 0.20),
]


def test_each_blind_article_has_a_gold_file_and_a_realistic_length() -> None:
    assert len(ARTICLES) == 6
    golds = sorted(BLIND.glob("blind_*.gold.tsv"))
    assert [g.name.removesuffix(".gold.tsv") for g in golds] == [a.stem for a in ARTICLES]
    for article in ARTICLES:
        words = len(article.read_text(encoding="utf-8").split())
        assert 300 <= words <= 700, (article.name, words)


def test_combined_gold_is_the_union_of_the_article_golds() -> None:
    combined = parse_gold(GOLD.read_text(encoding="utf-8"), GOLD)
    triples, entities, complete = set(), {}, set()
    for path in sorted(BLIND.glob("blind_*.gold.tsv")):
        gold = parse_gold(path.read_text(encoding="utf-8"), path)
        triples |= gold.triples
        entities.update(gold.entities)
        complete |= gold.complete_types
    assert combined.triples == triples
    assert set(combined.entities) == set(entities)
    assert combined.complete_types == complete


@pytest.fixture(scope="module")
def blind_report(tmp_path_factory: pytest.TempPathFactory) -> EvaluationReport:
    from graph.build import BuildOptions, build

    out = tmp_path_factory.mktemp("blind") / "output"
    build(ARTICLES, out, BuildOptions())
    report = evaluate_build(out, GOLD)
    print("\nBlind set (tests/blind):\n" + report.format_table())
    print("\nmissing (in gold, not in the graph):\n  " + "\n  ".join(report.missing))
    print("\nspurious (in the graph, not in gold):\n  " + "\n  ".join(report.spurious))
    return report


@pytest.mark.slow
@pytest.mark.parametrize(("name", "floor"), F1_FLOORS)
def test_blind_scores_stay_above_their_floors(blind_report: EvaluationReport, name: str,
                                              floor: float) -> None:
    score = blind_report.score(name)
    assert score.f1 is not None and score.f1 >= floor, (
        f"{name}: F1 {score.f1} < {floor} (tp {score.tp}, fp {score.fp}, fn {score.fn})")

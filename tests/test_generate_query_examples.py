"""scripts/generate_query_examples.py and the page it writes, docs/query-examples.md.

The page's results are not compared byte for byte (extraction keeps improving); what is checked is
that every query is documented there, and that what the generator prints for an example command is
what that command prints.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
QUERY_FILES = sorted((REPO / "queries").glob("*.rq"))
DOC = REPO / "docs" / "query-examples.md"


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "generate_query_examples", REPO / "scripts" / "generate_query_examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


generator = _load_script()


def _sections(markdown: str) -> list[str]:
    return re.findall(r"^## (\S+)$", markdown, flags=re.MULTILINE)


def test_there_are_queries():
    assert len(QUERY_FILES) >= 10


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_every_query_file_is_in_the_doc(path: Path):
    doc = DOC.read_text(encoding="utf-8")
    assert f"\n## {path.stem}\n" in doc, "regenerate: python scripts/generate_query_examples.py"
    assert f"[`{path.name}`](#{path.stem})" in doc  # and in the summary table
    example = generator.parse_query_file(path)
    if example.command:
        assert f"\n{example.command}\n" in doc


def test_the_doc_documents_no_query_that_is_gone():
    assert sorted(_sections(DOC.read_text(encoding="utf-8"))) == sorted(
        path.stem for path in QUERY_FILES)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_every_query_file_describes_itself(path: Path):
    example = generator.parse_query_file(path)
    assert len(example.description) > 20
    assert not example.body.startswith("#")
    assert example.body.count("{") == example.body.count("}")


@pytest.mark.parametrize(("command", "params", "fmt"), [
    ("diplograph query queries/a.rq", [], "table"),
    ("diplograph query queries/a.rq --format csv", [], "csv"),
    ("diplograph query queries/a.rq --param year=2023 --param role=role:x",
     ["year=2023", "role=role:x"], "table"),
    ("diplograph query queries/a.rq --param=text=minister --format=json",
     ["text=minister"], "json"),
    ('diplograph query queries/a.rq --param "text=thanh son"', ["text=thanh son"], "table"),
    ("diplograph query queries/a.rq > out.ttl", [], "table"),
    ("diplograph query queries/a.rq --format tsv | head", [], "tsv"),
])
def test_parse_command(command: str, params: list[str], fmt: str):
    assert generator.parse_command(command) == generator.Invocation(params=params, fmt=fmt)


def test_parse_query_file_reads_the_header(tmp_path: Path):
    path = tmp_path / "q.rq"
    path.write_text(
        "# First line of the description,\n# continued.\n#\n# Second paragraph.\n#\n"
        "# Parameters (optional):\n#   ?person  a person's IRI,\n#            e.g. person:x\n"
        "#   ?year    a year\n#\n"
        "# diplograph query queries/q.rq --param person=person:x \\\n#     --param year=2023\n"
        "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n\nSELECT * WHERE { ?s ?p ?o }\n",
        encoding="utf-8")
    example = generator.parse_query_file(path)
    assert example.description == "First line of the description, continued.\n\nSecond paragraph."
    assert example.parameters == ["?person  a person's IRI, e.g. person:x", "?year    a year"]
    assert example.command == ("diplograph query queries/q.rq --param person=person:x "
                               "--param year=2023")
    assert example.body.startswith("PREFIX dg:") and example.body.endswith("}")


def test_without_params():
    assert generator.without_params(
        "diplograph query queries/a.rq --param x=1 --format csv --param=y=2"
    ) == "diplograph query queries/a.rq --format csv"


def test_shorten_keeps_header_and_count():
    rows = [f"row {i}" for i in range(10)]
    table = "\n".join(["a | b", "--+--", *rows, "(10 rows)"]) + "\n"
    short = generator.shorten(table, "table", max_rows=3).splitlines()
    assert short == ["a | b", "--+--", "row 0", "row 1", "row 2", "... 7 more rows", "(10 rows)"]
    assert generator.shorten(table, "table", max_rows=10) == table
    csv = "x,y\r\n" + "".join(f"{i},{i}\r\n" for i in range(5))
    assert generator.shorten(csv, "csv", max_rows=2).splitlines()[-1] == "... 3 more rows"
    assert generator.shorten("true\n", "table", max_rows=0) == "true\n"


@pytest.mark.slow
def test_rendered_page_on_the_seeds(built_seeds: Path):
    page = generator.render(built_seeds)
    assert _sections(page) == [path.stem for path in QUERY_FILES]
    assert "Bui Thanh Son" in page or "Bùi Thanh Sơn" in page
    assert "Minister of Foreign Affairs" in page


@pytest.mark.slow
@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_generated_output_is_what_the_command_prints(path: Path, built_seeds: Path, capsys,
                                                     monkeypatch):
    from graph.cli import main

    example = generator.parse_query_file(path)
    command = example.command or f"diplograph query queries/{path.name}"
    invocation = generator.parse_command(command)
    _, shown = generator.run_example(built_seeds, path, invocation)
    tokens = shlex.split(command)
    cut = next((i for i, token in enumerate(tokens) if token in (">", ">>", "|")), len(tokens))
    assert tokens[:2] == ["diplograph", "query"]
    monkeypatch.chdir(REPO)
    capsys.readouterr()
    assert main([*tokens[1:cut], "--out", str(built_seeds)]) == 0
    printed = capsys.readouterr().out
    assert shown == generator.shorten(printed, invocation.fmt)

"""graph.docgen: docs/vocabulary.md is generated from the ontology and kept current."""

from __future__ import annotations

from graph.docgen import DOC_FILE, generate, main
from graph.vocab import DG


def test_committed_vocabulary_doc_is_up_to_date():
    assert DOC_FILE.read_text(encoding="utf-8") == generate(), "run: python -m graph.docgen"


def test_every_term_is_documented():
    text = generate()
    for name in DG.__annotations__:
        assert f"`dg:{name}`" in text, name


def test_check_mode_reports_a_stale_file(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "vocabulary.md"
    stale.write_text("old", encoding="utf-8")
    monkeypatch.setattr("graph.docgen.DOC_FILE", stale)
    assert main(["--check"]) == 1
    assert main([]) == 0
    assert main(["--check"]) == 0
    capsys.readouterr()

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_pipeline_has_components_and_is_cached():
    from graph.nlp import load_pipeline

    nlp = load_pipeline()
    assert nlp is load_pipeline()
    names = nlp.pipe_names
    assert names.index("dg_line_breaks") < names.index("parser")
    assert names[-1] == "dg_mentions"
    doc = nlp("Prime Minister Pham Minh Chinh spoke.")
    assert doc._.dg_people[0].roles[0].label == "Prime Minister"

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


@pytest.mark.parametrize(("text", "tokens"), [
    ("They co-chaired it", ["They", "co-chaired", "it"]),
    ("Co-organised by X", ["Co-organised", "by", "X"]),
    # other hyphens still split: compounds, and names ending in "co"
    ("a long-term plan", ["a", "long", "-", "term", "plan"]),
    ("Mexico-Vietnam ties", ["Mexico", "-", "Vietnam", "ties"]),
])
def test_co_words_stay_whole_and_other_hyphens_split(text, tokens):
    from graph.nlp import load_pipeline

    assert [t.text for t in load_pipeline().make_doc(text)] == tokens


def test_a_co_verb_is_parsed_as_the_main_verb_and_phrases_split_alike():
    from graph.lexicon import phrase_keys
    from graph.nlp import load_pipeline

    doc = load_pipeline()("On May 19, Duy and Favaro co-chaired the forum in Brasilia.")
    verb = next(t for t in doc if t.text == "co-chaired")
    assert verb.dep_ == "ROOT"
    assert {c.dep_ for c in verb.children} >= {"nsubj", "dobj", "prep"}
    assert phrase_keys("co-chaired the") == ["co-chaired", "the"]

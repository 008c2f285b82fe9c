"""The curated word lists (ontology/reference/lexicon.json): every key required and checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.components import _event_subtype
from graph.errors import LexiconError
from graph.lexicon import LEXICON_KEYS, load_lexicon, read_lexicon_words
from graph.vocab import REFERENCE_DIR


@pytest.fixture()
def reference_copy(tmp_path: Path) -> Path:
    """A writable copy of the reference data."""
    target = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, target)
    return target


def _edit_words(reference: Path, edit) -> Path:
    path = reference / "lexicon.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_shipped_word_lists_have_exactly_the_required_keys() -> None:
    data = json.loads((REFERENCE_DIR / "lexicon.json").read_text(encoding="utf-8"))
    assert {key for key in data if not key.startswith("_")} == set(LEXICON_KEYS)
    read_lexicon_words(REFERENCE_DIR / "lexicon.json")  # no error


@pytest.mark.parametrize("key", sorted(LEXICON_KEYS))
def test_every_key_is_required(reference_copy: Path, key: str) -> None:
    path = _edit_words(reference_copy, lambda data: data.pop(key))
    with pytest.raises(LexiconError) as caught:
        load_lexicon(reference_copy)
    message = str(caught.value)
    assert f"missing {key}" in message and str(path) in message
    assert "\n" not in message


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("person_nouns", "counterpart", "person_nouns must be a list of non-empty strings"),
    ("person_nouns", ["counterpart", 3], "person_nouns must be a list of non-empty strings"),
    ("appositive_leads", ["who is", "  "], "appositive_leads must be a list of non-empty strings"),
    ("document_kinds", ["Resolution"], "document_kinds must be an object of non-empty strings"),
    ("document_kinds", {"Resolution": 1}, "document_kinds must be an object of non-empty strings"),
    ("ordinal_words", {"first": "1"}, "ordinal_words must be an object of integers"),
    ("ordinal_words", {"first": True}, "ordinal_words must be an object of integers"),
    ("visit_kinds", "state", "visit_kinds must be a list of non-empty strings"),
    ("implementing_verbs", ["implement", ""], "implementing_verbs must be a list of non-empty"),
])
def test_a_value_of_the_wrong_kind_is_refused(reference_copy: Path, key: str, value: object,
                                              expected: str) -> None:
    _edit_words(reference_copy, lambda data: data.__setitem__(key, value))
    with pytest.raises(LexiconError, match=expected):
        load_lexicon(reference_copy)


def test_all_problems_are_reported_in_one_error(reference_copy: Path) -> None:
    def edit(data: dict) -> None:
        del data["person_nouns"]
        del data["clause_breaks"]
        data["person_noun"] = ["counterpart"]  # a misspelt key is not silently ignored
        data["ranks"] = "General"
        data["_note"] = "comments start with an underscore"

    _edit_words(reference_copy, edit)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(reference_copy)
    message = str(caught.value)
    assert "missing person_nouns, clause_breaks" in message
    assert "unknown person_noun" in message
    assert "ranks must be a list" in message
    assert "_note" not in message


@pytest.mark.parametrize(("content", "expected"), [
    (b"{ not json", "not valid UTF-8 JSON"),
    (b"\xff\xfe{}", "not valid UTF-8 JSON"),
    (b"[]", "expected a JSON object"),
])
def test_an_unreadable_file_gets_one_clear_error(reference_copy: Path, content: bytes,
                                                 expected: str) -> None:
    (reference_copy / "lexicon.json").write_bytes(content)
    with pytest.raises(LexiconError, match=expected):
        load_lexicon(reference_copy)


def test_a_missing_file_gets_one_clear_error(reference_copy: Path) -> None:
    (reference_copy / "lexicon.json").unlink()
    with pytest.raises(LexiconError, match=r"lexicon\.json: No such file"):
        load_lexicon(reference_copy)


def test_phrase_lists_become_token_keys_in_the_rules_order() -> None:
    lexicon = load_lexicon()
    # longest first, so that "who is also a" is tried before "who is"
    lengths = [len(lead) for lead in lexicon.appositive_leads]
    assert lengths == sorted(lengths, reverse=True)
    assert ("who", "is", "also", "a") in lexicon.appositive_leads
    assert ("such", "as") in lexicon.place_list_leads
    assert {"counterpart", "madame"} <= lexicon.person_nouns
    assert {"speaking", "resolution", "minister"} <= lexicon.not_name_words
    assert "Decree" in lexicon.document_subtypes


def test_the_rules_read_the_data_not_a_copy_in_code(reference_copy: Path) -> None:
    shipped = load_lexicon()
    assert _event_subtype("Summit", shipped) == "Conference"
    assert _event_subtype("Meeting", shipped) == "Meeting"

    def without_summit(data: dict) -> None:
        data["conference_event_words"].remove("summit")

    _edit_words(reference_copy, without_summit)
    assert _event_subtype("Summit", load_lexicon(reference_copy)) == "Meeting"


def test_document_kind_lookups_follow_the_kinds() -> None:
    lexicon = load_lexicon()
    assert lexicon.document_kind_by_key["resolution"] == lexicon.document_kinds["Resolution"]
    match = lexicon.document_kind_pattern.search("the Politburo issued Resolution No. ")
    assert match is not None and match.group("kind") == "Resolution"


def test_round9_word_lists_load_as_folded_words() -> None:
    lex = load_lexicon(REFERENCE_DIR)
    assert {"state", "official", "working"} <= lex.visit_kinds
    assert "implement" in lex.implementing_verbs
    assert {"gathering", "get-together"} <= lex.hosted_event_heads
    assert lex.place_words.match(["guest", "house"], 0, skip=False)


def test_round10_moved_word_lists_load() -> None:
    lex = load_lexicon(REFERENCE_DIR)
    assert {"hold", "take", "convene"} <= lex.event_subject_verbs
    assert {"attend", "join", "preside"} <= lex.attend_verbs
    assert {"speak", "address"} <= lex.speak_verbs
    assert {"pay", "be"} <= lex.visit_verbs
    assert ("on", "the", "sidelines", "of") in lex.sideline_cues
    assert lex.guest_list_leads.match(["among", "the", "guests", "were"], 0, skip=False)
    assert lex.gathering_verbs.match(["brought", "together"], 0, skip=False)
    assert lex.vessel_words.match(["frigate"], 0, skip=False)
    assert "resident coordinator" in lex.posted_offices
    assert "chamber of deputies" in lex.national_body_words


def test_round10_the_event_clause_verbs_are_read_from_the_data(reference_copy: Path) -> None:
    def without_convene(data: dict) -> None:
        data["event_subject_verbs"].remove("convene")

    _edit_words(reference_copy, without_convene)
    assert "convene" not in load_lexicon(reference_copy).event_subject_verbs


def test_round11_portfolio_heads_and_countries_with_the() -> None:
    lex = load_lexicon(REFERENCE_DIR)
    assert lex.portfolio_heads.match(["minister", "of", "state", "for"], 0, skip=False)[0] == 3
    assert lex.portfolio_heads.match(["cabinet", "secretary"], 0, skip=False)
    assert "external" in lex.portfolio_words
    assert lex.country_name("Republic of Korea") == "the Republic of Korea"
    assert lex.country_name("Philippines") == "the Philippines"
    assert lex.country_name("Japan") == "Japan"
    assert "vision" in lex.topic_horizon_words

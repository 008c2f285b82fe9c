"""Curated reference data (ontology/reference/*) loaded once into phrase tries.

Phrases are matched token by token on a normalised key (diacritics folded, lower case, curly
apostrophes straightened), so "Hà Nội", "HA NOI" and "Ha Noi" are one phrase. Inside a phrase the
matcher skips "the", ordinals ("15th") and parenthesised acronyms ("(NA)"), which is how
"Chairman of the Vietnamese National Assembly (NA)" and "deputy of the 15th NA" match.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.model import EntityType
from graph.text import fold_key
from graph.vocab import REFERENCE_DIR

_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
_END = "\0"


@lru_cache(maxsize=1 << 16)  # called for every token by every component: words repeat
def token_key(text: str) -> str:
    """The matching key of one token."""
    return fold_key(text).replace("’", "'").replace("‘", "'")


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def phrase_keys(phrase: str) -> list[str]:
    """Split a phrase exactly as the English tokenizer splits article text."""
    return [token_key(t.text) for t in _tokenizer()(phrase) if not t.is_space]


def is_skippable(keys: Sequence[str], i: int, *, ordinals: bool = True) -> int:
    """How many tokens at `i` a phrase match may skip (0 if none)."""
    key = keys[i]
    if key == "the" or (ordinals and _ORDINAL.match(key)):
        return 1
    if key == "(" and i + 2 < len(keys) and keys[i + 2] == ")" and keys[i + 1].isalpha() \
            and len(keys[i + 1]) <= 8:
        return 3
    return 0


@dataclass
class PhraseTrie:
    """A token trie mapping phrases to values; longest match wins."""

    root: dict = field(default_factory=dict)

    def add(self, phrase: str, value: object) -> None:
        keys = phrase_keys(phrase)
        if not keys:
            return
        node = self.root
        for key in keys:
            node = node.setdefault(key, {})
        node.setdefault(_END, value)

    def match(self, keys: Sequence[str], start: int, skip: bool = True,
              accept: Callable[[int], bool] | None = None) -> tuple[int, object] | None:
        """Longest phrase starting at `start`: (end, value), or None."""
        node = self.root.get(keys[start]) if start < len(keys) else None
        if node is None:
            return None
        best = (start + 1, node[_END]) if _END in node else None
        i = start + 1
        while i < len(keys):
            nxt = node.get(keys[i])
            if nxt is None and skip:
                jump = is_skippable(keys, i)
                if jump and i + jump < len(keys) and keys[i + jump] in node:
                    i += jump
                    nxt = node.get(keys[i])
            if nxt is None:
                break
            node = nxt
            i += 1
            if _END in node and (accept is None or accept(i)):
                best = (i, node[_END])
        return best


@dataclass(frozen=True)
class Body:
    label: str
    type: EntityType
    subtype: str | None = None
    part_of: str | None = None


@dataclass(frozen=True)
class Tenure:
    label: str
    role: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Lexicon:
    """Everything the rule components know, built from ontology/reference/."""

    bodies: PhraseTrie
    body_by_label: dict[str, Body]
    countries: PhraseTrie  # alias -> country label
    demonyms: dict[str, str]  # demonym key -> country label
    home_country: str
    roles: PhraseTrie  # alias -> canonical role label
    role_by_key: dict[str, str]  # folded alias -> canonical
    role_heads: PhraseTrie
    modifiers: PhraseTrie
    titles_before_names: PhraseTrie  # honorifics and ranks
    membership: PhraseTrie
    past_markers: frozenset[str]
    org_heads: frozenset[str]
    surnames: frozenset[str]
    event_heads: PhraseTrie
    event_generic: frozenset[str]
    ordinal_words: dict[str, int]
    meeting_cues: PhraseTrie
    participation_cues: PhraseTrie
    issue_verbs: frozenset[str]
    document_kinds: dict[str, str]
    document_suffixes: list[tuple[re.Pattern[str], str, str]]
    event_series: dict[str, tuple[str, str]]  # acronym key -> (head, organiser label)
    tenures: list[Tenure]
    place_words: PhraseTrie = field(default_factory=PhraseTrie)  # "district", "border gate"
    place_list_words: frozenset[str] = frozenset()  # "provinces" (of A and B)
    org_inner_words: frozenset[str] = frozenset()  # "provincial" (Party Committee)
    located_org_heads: frozenset[str] = frozenset()  # "Embassy" (in France)
    commemorative_cues: PhraseTrie = field(default_factory=PhraseTrie)  # "statue of"
    named_document_heads: PhraseTrie = field(default_factory=PhraseTrie)  # "Law" -> kind
    event_lower_heads: PhraseTrie = field(default_factory=PhraseTrie)  # "(2025) programme"
    invitation_verbs: frozenset[str] = frozenset()  # "invited X to attend": not participation
    event_anaphor_heads: frozenset[str] = frozenset()  # "the session" = the session named before
    name_particles: PhraseTrie = field(default_factory=PhraseTrie)  # "van der", "bin"
    portfolio_words: frozenset[str] = frozenset()  # "Fisheries" (Minister of Fisheries and ...)
    plural_titles: dict[str, str] = field(default_factory=dict)  # "ministers" -> "minister"
    related_news_markers: PhraseTrie = field(default_factory=PhraseTrie)
    election_verbs: frozenset[str] = frozenset()  # "elected X to the Politburo"
    place_cue_prepositions: frozenset[str] = frozenset()  # "in X": X is no person
    agreements: dict[str, tuple[str, str]] = field(default_factory=dict)  # acronym -> label, kind
    # "the house where President X lived": a past residence is a historical mention
    historical_residence_verbs: frozenset[str] = frozenset()
    # "outgoing President of X": still in office, the word is skipped
    present_markers: PhraseTrie = field(default_factory=PhraseTrie)
    # "Belgium Ambassador", "EU Ambassador to X": a sender's name qualifies these heads
    envoy_heads: frozenset[str] = frozenset()
    # "the Vietnamese mission to the EU": a lower-case body a title may head
    mission_words: frozenset[str] = frozenset()
    # "the ILO Convention": kinds an organisation named before them adopts (not "ASEAN Charter")
    adopted_kinds: frozenset[str] = frozenset()

    def canonical_role(self, label: str) -> str:
        return self.role_by_key.get(" ".join(phrase_keys(label)), label)

    def country_of_demonym(self, key: str) -> str | None:
        return self.demonyms.get(key)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t")]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _trie(phrases: Sequence[str], value: object = True) -> PhraseTrie:
    trie = PhraseTrie()
    for phrase in phrases:
        trie.add(phrase, phrase if value is True else value)
    return trie


def _valued_trie(mapping: dict[str, str]) -> PhraseTrie:
    trie = PhraseTrie()
    for phrase, value in mapping.items():
        trie.add(phrase, value)
    return trie


def _reversed_trie(phrases: Sequence[str]) -> PhraseTrie:
    """Cue phrases matched backwards from the word before a mention."""
    trie = PhraseTrie()
    for phrase in phrases:
        keys = phrase_keys(phrase)[::-1]
        node = trie.root
        for key in keys:
            node = node.setdefault(key, {})
        node.setdefault(_END, phrase)
    return trie


def load_lexicon(reference_dir: Path = REFERENCE_DIR) -> Lexicon:
    words = json.loads((reference_dir / "lexicon.json").read_text(encoding="utf-8"))
    bodies, body_by_label = PhraseTrie(), {}
    for row in _rows(reference_dir / "bodies.tsv"):
        body = Body(row["label"], EntityType(row["type"]), row["subtype"] or None,
                    row["part_of"] or None)
        body_by_label[body.label] = body
        for alias in [body.label, *_split(row["aliases"])]:
            bodies.add(alias, body.label)
    countries, demonyms, home = PhraseTrie(), {}, None
    for row in _rows(reference_dir / "countries.tsv"):
        home = home or row["label"]
        body_by_label[row["label"]] = Body(row["label"], EntityType.COUNTRY)
        for alias in [row["label"], *_split(row["aliases"])]:
            countries.add(alias, row["label"])
        for demonym in _split(row["demonyms"]):
            demonyms[token_key(demonym)] = row["label"]
    roles, role_by_key = PhraseTrie(), {}
    for row in _rows(reference_dir / "roles.tsv"):
        for alias in [row["label"], *_split(row["aliases"])]:
            roles.add(alias, row["label"])
            role_by_key[" ".join(phrase_keys(alias))] = row["label"]
    suffixes = [(re.compile(row["pattern"]), row["issuer"], row["kind"])
                for row in _rows(reference_dir / "document_suffixes.tsv")]
    series = {token_key(row["acronym"]): (row["head"], row["organiser"])
              for row in _rows(reference_dir / "event_series.tsv")}
    agreements = {token_key(row["acronym"]): (row["label"], row["kind"])
                  for row in _rows(reference_dir / "agreements.tsv")}
    tenures = [Tenure(row["label"], row["role"], _date(row["start"]), _date(row["end"]))
               for row in _rows(reference_dir / "people.tsv")]
    return Lexicon(
        bodies=bodies,
        body_by_label=body_by_label,
        countries=countries,
        demonyms=demonyms,
        home_country=home or "Vietnam",
        roles=roles,
        role_by_key=role_by_key,
        role_heads=_trie(words["role_heads"]),
        modifiers=_trie(words["role_modifiers"]),
        titles_before_names=_trie(words["honorifics"] + words["ranks"]),
        membership=_trie(words["membership_heads"]),
        past_markers=frozenset(token_key(w) for w in words["past_markers"]),
        org_heads=frozenset(token_key(w) for w in words["org_heads"]),
        surnames=frozenset(token_key(w) for w in words["vietnamese_surnames"]),
        event_heads=_trie(words["event_heads"]),
        event_generic=frozenset(token_key(w) for w in words["event_generic_words"]),
        ordinal_words={token_key(k): v for k, v in words["ordinal_words"].items()},
        meeting_cues=_trie(words["meeting_cues"]),
        participation_cues=_trie(words["participation_cues"]),
        issue_verbs=frozenset(token_key(w) for w in words["issue_verbs"]),
        document_kinds=words["document_kinds"],
        document_suffixes=suffixes,
        event_series=series,
        tenures=tenures,
        place_words=_trie(words["place_words"]),
        place_list_words=frozenset(token_key(w) for w in words["place_list_words"]),
        org_inner_words=frozenset(token_key(w) for w in words["org_inner_words"]),
        located_org_heads=frozenset(token_key(w) for w in words["located_org_heads"]),
        commemorative_cues=_reversed_trie(words["commemorative_cues"]),
        named_document_heads=_valued_trie(words["named_document_heads"]),
        event_lower_heads=_trie(words["event_lower_heads"]),
        invitation_verbs=frozenset(words["invitation_verbs"]),
        event_anaphor_heads=frozenset(words["event_anaphor_heads"]),
        name_particles=_trie(words["name_particles"]),
        portfolio_words=frozenset(token_key(w) for w in words["portfolio_words"]),
        plural_titles={token_key(k): token_key(v) for k, v in words["plural_title_words"].items()},
        related_news_markers=_trie(words["related_news_markers"]),
        election_verbs=frozenset(words["election_verbs"]),
        place_cue_prepositions=frozenset(words["place_cue_prepositions"]),
        agreements=agreements,
        historical_residence_verbs=frozenset(words.get("historical_residence_verbs", ())),
        present_markers=_trie(words.get("present_markers", [])),
        envoy_heads=frozenset(token_key(w) for w in words.get("envoy_heads", ())),
        mission_words=frozenset(token_key(w) for w in words.get("mission_words", ())),
        adopted_kinds=frozenset(words.get("adopted_kinds", ())),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of the installed reference data (cached per process)."""
    return load_lexicon()

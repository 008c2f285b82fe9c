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
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from graph.errors import LexiconError
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

    from graph.nlp import customise_tokenizer

    return customise_tokenizer(spacy.blank("en")).tokenizer


def phrase_keys(phrase: str) -> list[str]:
    """Split a phrase exactly as the English tokenizer splits article text."""
    return list(_phrase_key_tuple(phrase))


@lru_cache(maxsize=1 << 14)
def _phrase_key_tuple(phrase: str) -> tuple[str, ...]:
    # the rules ask for the same labels again and again (canonical roles, body names)
    return tuple(token_key(t.text) for t in _tokenizer()(phrase) if not t.is_space)


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
    cased_acronyms: frozenset[str]  # keys of mixed-case one-word aliases ("MoST", "MoIT")
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
    place_words: PhraseTrie  # "district", "border gate"
    place_list_words: frozenset[str]  # "provinces" (of A and B)
    org_inner_words: frozenset[str]  # "provincial" (Party Committee)
    located_org_heads: frozenset[str]  # "Embassy" (in France)
    commemorative_cues: PhraseTrie  # "statue of"
    named_document_heads: PhraseTrie  # "Law" -> kind
    event_lower_heads: PhraseTrie  # "(2025) programme"
    invitation_verbs: frozenset[str]  # "invited X to attend": not participation
    event_anaphor_heads: frozenset[str]  # "the session" = the session named before
    host_verbs: frozenset[str]  # lemmas: "held a ceremony"
    hosted_event_heads: frozenset[str]  # "hosted an official welcome ceremony"
    not_event_modifiers: frozenset[str]  # "a press conference" is no event
    anaphoric_title_heads: frozenset[str]  # "the Japanese leader and Deputy PM X": 2 people
    company_words: frozenset[str]  # "Kyoei Materials Corporation": "Kyoei" is the company
    medium_event_modifiers: frozenset[str]  # "an online conference": an event only when an
    # organisation holds it ("a Government online conference"), not two leaders' call
    implementing_verbs: frozenset[str]  # "a plan to implement Resolution X" (topic goes on)
    visit_kinds: frozenset[str]  # "state" (a state visit to X)
    visitor_nouns: PhraseTrie  # "the Finnish leader", "the visiting President"
    visitor_offices: tuple[str, ...]  # offices a visiting "leader" holds
    name_particles: PhraseTrie  # "van der", "bin"
    portfolio_words: frozenset[str]  # "Fisheries" (Minister of Fisheries and ...)
    plural_titles: dict[str, str]  # "ministers" -> "minister"
    election_verbs: frozenset[str]  # "elected X to the Politburo"
    place_cue_prepositions: frozenset[str]  # "in X": X is no person
    agreements: dict[str, tuple[str, str]]  # acronym -> label, kind
    # "the house where President X lived": a past residence is a historical mention
    historical_residence_verbs: frozenset[str]
    # "outgoing President of X": still in office, the word is skipped
    present_markers: PhraseTrie
    # "Belgium Ambassador", "EU Ambassador to X": a sender's name qualifies these heads
    envoy_heads: frozenset[str]
    # "the Vietnamese mission to the EU": a lower-case body a title may head
    mission_words: frozenset[str]
    # "the ILO Convention": kinds an organisation named before them adopts (not "ASEAN Charter")
    adopted_kinds: frozenset[str]
    # "Speaking", "Minister", "Resolution": capitalised words that never open a person's name
    not_name_words: frozenset[str]
    # "said", "of": words that end a run of name words
    name_run_stop_words: frozenset[str]
    # "his Lao counterpart X": nouns standing for the person named after them
    person_nouns: frozenset[str]
    # "X, who is also a ...": words between a name and its appositive title, longest first
    appositive_leads: tuple[tuple[str, ...], ...]
    # "the provinces of A and B", "districts such as A": words opening a list of places
    place_list_leads: tuple[tuple[str, ...], ...]
    # ";", "while": words a "past year near a mention" may not reach across
    clause_breaks: frozenset[str]
    # "on X, with ...": a word after a comma that ends a document's topic
    topic_stop_after_comma: frozenset[str]
    # an event whose head contains one of these is a conference, else a meeting
    conference_event_words: tuple[str, ...]
    # document kinds that are also a document's subtype ("Resolution", "Decree")
    document_subtypes: frozenset[str]
    # lemmas: "a ceremony was held" (subject), "attended the exercise" (object), "speaking at
    # the forum", "paid a visit to X" (the subject visits)
    event_subject_verbs: frozenset[str]
    attend_verbs: frozenset[str]
    speak_verbs: frozenset[str]
    visit_verbs: frozenset[str]
    # "on the sidelines of": the people met there are not participants
    sideline_cues: tuple[tuple[str, ...], ...]
    # "Among the guests were A and B", "Also present were ...": a list of participants
    guest_list_leads: PhraseTrie
    # "The forum brought together A and B": an event subject gathers its object's people
    gathering_verbs: PhraseTrie
    # "Ship 20 - Tran Hung Dao", "the frigate Ly Thai To": a ship, not a person
    vessel_words: PhraseTrie
    # "Receiving X, President Y said": participles that open a meeting sentence
    fronted_meeting_participles: PhraseTrie
    former_office_markers: frozenset[str]  # "former", "previously": an office held before
    former_office_cues: PhraseTrie  # "served as" between the marker and the office
    # "former A and now B": after an office held before, the words that open the present one
    present_office_cues: PhraseTrie
    # "Permanent Vice President": modifiers of an organisation's offices, never the State's
    organisation_office_modifiers: frozenset[str]
    election_nouns: frozenset[str]  # "the appointment of X as Y"
    named_place_words: PhraseTrie  # "Hyogo Prefecture": a capitalised word ending a place's name
    media_words: PhraseTrie  # "Nhan Dan newspaper": the kind word after a title's name
    # "a reception to celebrate X": heads that are an event only with their purpose
    purpose_event_heads: frozenset[str]
    # "The delegation included A and B": verbs (lemmas) that list a delegation's members
    delegation_member_verbs: frozenset[str]
    # "Hanoi-based", "US-led": a hyphenated suffix that is no given-name syllable ("Hyun-soo")
    hyphen_suffix_words: frozenset[str]
    # "UN Resident Coordinator in Vietnam": an office that keeps its posting
    posted_offices: tuple[str, ...]
    # "President of the General Assembly" after "Vice President of Uruguay and": Uruguay's
    national_body_words: tuple[str, ...]
    # "Minister of State for External Affairs", "Cabinet Secretary for Trade": heads that take
    # "for <portfolio>"
    portfolio_heads: PhraseTrie = field(default_factory=PhraseTrie)
    # countries named with "the" ("the Republic of Korea"): countries.tsv lists "the <label>"
    countries_with_article: frozenset[str] = frozenset()
    # "strategy ... to 2030, with a vision to 2045": the horizon stays in the topic
    topic_horizon_words: frozenset[str] = frozenset()
    # Round 12: "Qualcomm CEO X": heads an unknown one-word organisation may qualify
    corporate_office_heads: PhraseTrie = field(default_factory=PhraseTrie)
    # "Nghe An Party chief X": a locality's Party secretary, not the General Secretary
    local_party_chief_titles: PhraseTrie = field(default_factory=PhraseTrie)
    # "in Phonsavan, the provincial capital": an apposition that makes a name a place
    place_apposition_heads: frozenset[str] = frozenset()
    # "State President" of a foreign country is its "President"
    foreign_office_labels: dict[str, str] = field(default_factory=dict)
    # honorifics written in capitals ("HE"): "He" is a name or a pronoun, never one of them
    capital_honorifics: frozenset[str] = frozenset()
    # Round 13: "Law on X in Criminal Matters", "... under Contracts": words inside a name
    document_name_links: frozenset[str] = frozenset()
    # "Chairwoman" -> "Chairman": the same office, whoever holds it
    gendered_office_words: dict[str, str] = field(default_factory=dict)

    def country_name(self, label: str) -> str:
        """A country as a role or event label names it: "the Republic of Korea", "Japan"."""
        return f"the {label}" if label in self.countries_with_article else label

    def foreign_office(self, label: str, country: str) -> str:
        """A role label given a foreign country: "State President" -> "President of Laos"."""
        return f"{self.foreign_office_labels.get(label, label)} of {self.country_name(country)}"

    @cached_property
    def gendered_office_pattern(self) -> re.Pattern[str]:
        """A gendered office word as a whole word ("Chairwoman", not "Chairwomanship")."""
        names = sorted(map(re.escape, self.gendered_office_words), key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(names) + r")\b") if names else re.compile(r"(?!)")

    @cached_property
    def document_kind_by_key(self) -> dict[str, str]:
        """Document kinds by token key ("resolution" -> "Resolution")."""
        return {token_key(k): v for k, v in self.document_kinds.items()}

    @cached_property
    def document_kind_pattern(self) -> re.Pattern[str]:
        """A kind word ending the text before a document number ("Resolution No. ")."""
        names = sorted(map(re.escape, self.document_kinds), key=len, reverse=True)
        return re.compile(r"\b(?P<kind>" + "|".join(names) + r")\s+(?:No\.?\s*)?$")

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


# Every key of lexicon.json, and what its value is: "words" (a list of words or phrases),
# "mapping" (phrase -> label) or "numbers" (word -> integer). All are required.
LEXICON_KEYS: dict[str, str] = {
    "honorifics": "words", "ranks": "words", "role_heads": "words", "role_modifiers": "words",
    "past_markers": "words", "membership_heads": "words", "org_heads": "words",
    "vietnamese_surnames": "words", "event_heads": "words", "event_generic_words": "words",
    "ordinal_words": "numbers", "meeting_cues": "words", "participation_cues": "words",
    "issue_verbs": "words", "document_kinds": "mapping", "place_words": "words",
    "place_list_words": "words", "org_inner_words": "words", "located_org_heads": "words",
    "commemorative_cues": "words", "named_document_heads": "mapping",
    "event_lower_heads": "words", "invitation_verbs": "words", "event_anaphor_heads": "words",
    "name_particles": "words", "portfolio_words": "words", "plural_title_words": "mapping",
    "election_verbs": "words",
    "place_cue_prepositions": "words", "historical_residence_verbs": "words",
    "adopted_kinds": "words", "mission_words": "words", "envoy_heads": "words",
    "present_markers": "words", "not_name_words": "words", "name_run_stop_words": "words",
    "person_nouns": "words", "appositive_leads": "words", "place_list_leads": "words",
    "clause_breaks": "words", "topic_stop_after_comma": "words",
    "conference_event_words": "words", "document_subtypes": "words",
    "host_verbs": "words", "hosted_event_heads": "words", "not_event_modifiers": "words",
    "medium_event_modifiers": "words", "anaphoric_title_heads": "words", "company_words": "words",
    "visitor_nouns": "words", "visitor_offices": "words", "implementing_verbs": "words",
    "visit_kinds": "words", "event_subject_verbs": "words", "attend_verbs": "words",
    "speak_verbs": "words", "visit_verbs": "words", "sideline_cues": "words",
    "guest_list_leads": "words", "gathering_verbs": "words", "vessel_words": "words",
    "posted_offices": "words", "national_body_words": "words", "portfolio_heads": "words",
    "topic_horizon_words": "words", "corporate_office_heads": "words",
    "local_party_chief_titles": "words", "place_apposition_heads": "words",
    "foreign_office_labels": "mapping", "document_name_links": "words",
    "hyphen_suffix_words": "words", "delegation_member_verbs": "words",
    "purpose_event_heads": "words", "fronted_meeting_participles": "words",
    "former_office_markers": "words", "former_office_cues": "words",
    "present_office_cues": "words", "organisation_office_modifiers": "words",
    "gendered_office_words": "mapping", "election_nouns": "words", "named_place_words": "words",
    "media_words": "words",
}
_VALUE_CHECKS: dict[str, tuple[str, Callable[[object], bool]]] = {
    "words": ("a list of non-empty strings", lambda value: isinstance(value, list) and all(
        isinstance(item, str) and item.strip() for item in value)),
    "mapping": ("an object of non-empty strings", lambda value: isinstance(value, dict) and all(
        isinstance(item, str) and item.strip() for item in value.values())),
    "numbers": ("an object of integers", lambda value: isinstance(value, dict) and all(
        isinstance(item, int) and not isinstance(item, bool) for item in value.values())),
}


def read_lexicon_words(path: Path) -> dict[str, Any]:
    """The word lists of lexicon.json, checked: every key present, known and of its kind.

    Keys starting with "_" are comments. All problems are reported at once, in one line.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise LexiconError(path=path, detail=err.strerror or str(err)) from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise LexiconError(path=path, detail=f"not valid UTF-8 JSON ({err})") from err
    if not isinstance(data, dict):
        raise LexiconError(path=path, detail="expected a JSON object of word lists")
    problems = []
    missing = [key for key in LEXICON_KEYS if key not in data]
    if missing:
        problems.append("missing " + ", ".join(missing))
    unknown = sorted(key for key in data if key not in LEXICON_KEYS and not key.startswith("_"))
    if unknown:
        problems.append("unknown " + ", ".join(unknown))
    for key, kind in LEXICON_KEYS.items():
        description, valid = _VALUE_CHECKS[kind]
        if key in data and not valid(data[key]):
            problems.append(f"{key} must be {description}")
    if problems:
        raise LexiconError(path=path, detail="; ".join(problems))
    return data


def load_lexicon(reference_dir: Path = REFERENCE_DIR) -> Lexicon:
    words = read_lexicon_words(reference_dir / "lexicon.json")
    bodies, body_by_label = PhraseTrie(), {}
    cased_acronyms: set[str] = set()  # "MoST": never the word "Most"
    for row in _rows(reference_dir / "bodies.tsv"):
        body = Body(row["label"], EntityType(row["type"]), row["subtype"] or None,
                    row["part_of"] or None)
        body_by_label[body.label] = body
        for alias in [body.label, *_split(row["aliases"])]:
            bodies.add(alias, body.label)
            if " " not in alias and sum(c.isupper() for c in alias) >= 2 \
                    and not alias.isupper():
                cased_acronyms.add(token_key(alias))
    countries, demonyms, home = PhraseTrie(), {}, None
    with_article = set()
    for row in _rows(reference_dir / "countries.tsv"):
        home = home or row["label"]
        body_by_label[row["label"]] = Body(row["label"], EntityType.COUNTRY)
        for alias in [row["label"], *_split(row["aliases"])]:
            countries.add(alias, row["label"])
            if alias == f"the {row['label']}":
                with_article.add(row["label"])
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
        cased_acronyms=frozenset(cased_acronyms),
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
        host_verbs=frozenset(words["host_verbs"]),
        hosted_event_heads=frozenset(words["hosted_event_heads"]),
        not_event_modifiers=frozenset(words["not_event_modifiers"]),
        medium_event_modifiers=frozenset(words["medium_event_modifiers"]),
        anaphoric_title_heads=frozenset(token_key(w) for w in words["anaphoric_title_heads"]),
        company_words=frozenset(token_key(w) for w in words["company_words"]),
        implementing_verbs=frozenset(words["implementing_verbs"]),
        visit_kinds=frozenset(token_key(w) for w in words["visit_kinds"]),
        visitor_nouns=_trie(words["visitor_nouns"]),
        visitor_offices=tuple(words["visitor_offices"]),
        name_particles=_trie(words["name_particles"]),
        portfolio_words=frozenset(token_key(w) for w in words["portfolio_words"]),
        plural_titles={token_key(k): token_key(v) for k, v in words["plural_title_words"].items()},
        election_verbs=frozenset(words["election_verbs"]),
        place_cue_prepositions=frozenset(words["place_cue_prepositions"]),
        agreements=agreements,
        historical_residence_verbs=frozenset(words["historical_residence_verbs"]),
        present_markers=_trie(words["present_markers"]),
        envoy_heads=frozenset(token_key(w) for w in words["envoy_heads"]),
        mission_words=frozenset(token_key(w) for w in words["mission_words"]),
        adopted_kinds=frozenset(words["adopted_kinds"]),
        not_name_words=frozenset(token_key(w) for w in words["not_name_words"]),
        name_run_stop_words=frozenset(token_key(w) for w in words["name_run_stop_words"]),
        person_nouns=frozenset(token_key(w) for w in words["person_nouns"]),
        # sorted is stable: leads of one length keep the data's order
        appositive_leads=tuple(sorted((tuple(phrase_keys(p)) for p in words["appositive_leads"]),
                                      key=len, reverse=True)),
        place_list_leads=tuple(tuple(phrase_keys(p)) for p in words["place_list_leads"]),
        clause_breaks=frozenset(token_key(w) for w in words["clause_breaks"]),
        topic_stop_after_comma=frozenset(token_key(w) for w in words["topic_stop_after_comma"]),
        conference_event_words=tuple(w.lower() for w in words["conference_event_words"]),
        document_subtypes=frozenset(words["document_subtypes"]),
        event_subject_verbs=frozenset(words["event_subject_verbs"]),
        attend_verbs=frozenset(words["attend_verbs"]),
        speak_verbs=frozenset(words["speak_verbs"]),
        visit_verbs=frozenset(words["visit_verbs"]),
        sideline_cues=tuple(tuple(phrase_keys(p)) for p in words["sideline_cues"]),
        guest_list_leads=_trie(words["guest_list_leads"]),
        gathering_verbs=_trie(words["gathering_verbs"]),
        vessel_words=_trie(words["vessel_words"]),
        hyphen_suffix_words=frozenset(token_key(w) for w in words["hyphen_suffix_words"]),
        delegation_member_verbs=frozenset(words["delegation_member_verbs"]),
        purpose_event_heads=frozenset(words["purpose_event_heads"]),
        fronted_meeting_participles=_trie(words["fronted_meeting_participles"]),
        former_office_markers=frozenset(token_key(w) for w in words["former_office_markers"]),
        former_office_cues=_trie(words["former_office_cues"]),
        present_office_cues=_trie(words["present_office_cues"]),
        organisation_office_modifiers=frozenset(
            " ".join(phrase_keys(w)) for w in words["organisation_office_modifiers"]),
        election_nouns=frozenset(token_key(w) for w in words["election_nouns"]),
        named_place_words=_trie(words["named_place_words"]),
        media_words=_trie(words["media_words"]),
        posted_offices=tuple(" ".join(phrase_keys(p)) for p in words["posted_offices"]),
        national_body_words=tuple(" ".join(phrase_keys(p)) for p in words["national_body_words"]),
        portfolio_heads=_trie(words["portfolio_heads"]),
        countries_with_article=frozenset(with_article),
        topic_horizon_words=frozenset(token_key(w) for w in words["topic_horizon_words"]),
        corporate_office_heads=_trie(words["corporate_office_heads"]),
        local_party_chief_titles=_trie(words["local_party_chief_titles"]),
        place_apposition_heads=frozenset(token_key(w) for w in words["place_apposition_heads"]),
        foreign_office_labels=dict(words["foreign_office_labels"]),
        gendered_office_words=dict(words["gendered_office_words"]),
        capital_honorifics=frozenset(token_key(w) for w in words["honorifics"]
                                     if w.isalpha() and w.isupper()),
        document_name_links=frozenset(token_key(w) for w in words["document_name_links"]),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of the installed reference data (cached per process)."""
    return load_lexicon()

"""DiploGraph's rule components: they run after the statistical model and put mentions on the Doc.

- `dg_line_breaks` (before the parser): every line is its own sentence, so headlines, captions
  and "related news" items never merge with the body.
- `dg_mentions` (after NER): bodies, countries and places from the reference data; people with
  their titles (roles, memberships), short references resolved within the article; Party and
  State documents with number, kind, issuer, topic and date; events with ordinals.

Results are plain dataclasses on `Doc._.dg_*` extensions; graph/extract.py turns them into facts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial

import numpy
from spacy.attrs import LOWER, POS, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.symbols import VERB
from spacy.tokens import Doc, Span

from graph.dates import DATE_PATTERN, MONTH_NAME, MONTHS, WEEKDAYS
from graph.lexicon import Body, Lexicon, lexicon, phrase_keys, token_key
from graph.model import EntityType

# --- mention types -----------------------------------------------------------------------------


@dataclass
class BodyMention:
    start: int
    end: int
    label: str
    type: EntityType
    surface: str
    member_of: list[str] = field(default_factory=list)  # "Vietnam, a member of ASEAN"


@dataclass
class RoleMention:
    label: str  # canonical role
    surface: str
    confidence: float
    country: str | None = None  # the role's country when it is not the home country


@dataclass
class PersonMention:
    start: int
    end: int
    name: str  # full name as written (or as resolved for short references)
    surface: str
    roles: list[RoleMention] = field(default_factory=list)
    memberships: list[str] = field(default_factory=list)  # body labels
    hint_roles: list[str] = field(default_factory=list)  # bare titles ("Chairman Hue")
    short: bool = False
    confidence: float = 0.85
    role_evidence: dict[str, int] = field(default_factory=dict)  # role -> token of its title


@dataclass
class DocumentMention:
    start: int
    end: int
    number: str | None  # None for a document known by name only ("Law on Land")
    kind: str
    name: str | None = None  # "1982 United Nations Convention on the Law of the Sea"
    issuer: str | None = None
    issuer_from_text: bool = False
    co_issuers: list[str] = field(default_factory=list)  # "of the Politburo and the Secretariat"
    topic: str | None = None
    date_text: str | None = None
    topic_end: int | None = None  # token after the topic: events named inside it are its subject
    forms: list[str] = field(default_factory=list)  # other names ("VCFTA")


@dataclass
class EventMention:
    start: int
    end: int
    label: str
    key: str  # ordinal + head + series: the same event in other words gets the same key
    subtype: str | None = None
    forms: list[str] = field(default_factory=list)  # other names ("AMM-58")
    antecedent: EventMention | None = None  # for "the session": the event named before
    local: bool = False  # named by a generic phrase ("a welcome ceremony"): this article's only
    visitor: int | None = None  # a visit's: a token of the visiting person's name
    venue: int | None = None  # a visit's: the first token of the country visited


for _name in ("dg_bodies", "dg_people", "dg_documents", "dg_events", "dg_former_offices"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


# --- line breaks -------------------------------------------------------------------------------


_DASHES = frozenset({"–", "—", "-", "--"})


@Language.component("dg_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence, and so does the first word after a
    dateline ("HÀ NỘI, June 18 (VNA) – ..."); the parser keeps preset boundaries."""
    tokens = list(doc)  # one Token object per position, not one per lookup
    texts = [token.text for token in tokens]
    starts: dict[int, bool] = {}  # token -> whether it starts a sentence
    line_start = 0
    for i in range(1, len(tokens)):
        previous = texts[i - 1]
        if "\n" in previous or "\n" in tokens[i - 1].whitespace_:
            starts[i] = True
            line_start = i
        elif tokens[i - 1].is_alpha and _is_name_token(texts[i]):
            # "Colonel Do Minh Chau", "Chairwoman ... Đỗ Thị Ngọc Lan": a capitalised word right
            # after a word never opens a sentence (the parser reads "Do"/"Đỗ" as a new clause).
            starts[i] = False
        elif previous == ")" and i >= 3 and texts[i - 3] == "(" and _ACRONYM.match(texts[i - 2]) \
                and _is_name_token(texts[i]):
            # "the Lao People's Revolutionary Party (LPRP) Central Committee": a name goes on
            # after its acronym's bracket, though the parser may end a sentence there
            starts[i] = False
        elif previous in _DASHES and i - line_start <= 14 and i >= 4 \
                and texts[i - 2] == ")" and texts[i - 4] == "(" and texts[i - 3].isupper():
            starts[i] = True
    _set_sentence_starts(doc, starts)
    return doc


def _set_sentence_starts(doc: Doc, starts: dict[int, bool]) -> None:
    """`doc[i].is_sent_start = value` for every item, at once: the setter looks through the
    whole Doc for a parse on each call, which made this quadratic in the article's length."""
    if not starts:
        return
    if doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)  # what the setter says: a parsed Doc keeps its sentences
    # `to_array` gives the signed values as unsigned 64-bit integers (-1 wraps), as
    # `from_array` takes them back.
    column = doc.to_array([SENT_START]).astype(numpy.int64)
    for i, value in starts.items():
        column[i] = 1 if value else -1
    doc.from_array([SENT_START], column.astype(numpy.uint64))


# --- helpers ---------------------------------------------------------------------------------

_DEFINED_ACRONYM = re.compile(
    r"(?P<name>[A-ZĐ][\w'’]*(?:\s+(?:of|for|and|on|[A-ZĐ][\w'’]*|[–-]))*?\s+[A-ZĐ][\w'’]*)"
    r"\s+\((?P<acronym>[A-Z][A-Z0-9&-]{1,9})\)")
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ỸĐ][\wÀ-ỹđĐ'’-]*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,9}$")
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)


def _title_case(text: str) -> str:
    """An office's words in title case, acronyms and linking words kept ("CEO", not "Ceo";
    "Chief of the General Staff"; "Editor-in-Chief")."""
    return " ".join("-".join(_title_word(part) for part in word.split("-"))
                    for word in text.split(" "))


def _title_word(word: str) -> str:
    if (len(word) > 1 and word.isupper()) or word in _TITLE_LINKS:
        return word
    # the first letter up, the rest down: "People's", "(West)" (not "People'S", "(west)")
    first = next((k for k, ch in enumerate(word) if ch.isalpha()), 0)
    return word[:first] + word[first:first + 1].upper() + word[first + 1:].lower()


_TITLE_LINKS = frozenset({"of", "the", "and", "for", "to", "in", "on"})


def fold_words(label: str) -> list[str]:
    return [token_key(w) for w in label.split()]


def _name_key(label: str) -> str:
    """One string a name is compared by (folded words): "Hanoi Convention" ~ "hanoi convention"."""
    return " ".join(fold_words(label))




@lru_cache(maxsize=1 << 16)  # called for every token by many rules: words repeat
def _is_name_token(text: str) -> bool:
    # All-capital words ("VNĐ", "ASEAN", "HÀ NỘI" datelines) are acronyms, codes or headings.
    return bool(_NAME_TOKEN.match(text)) and not _ACRONYM.match(text) \
        and not (len(text) > 1 and text.isupper())


def positions_of(doc: Doc, lower: str) -> list[int]:
    """The tokens whose `lower_` is `lower`, in order: read from the Doc's array at once, without
    making a Token for each position."""
    return numpy.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings.as_int(lower)).tolist()


class SentenceIndex:
    """The sentences of a parsed Doc, found by token. `Token.sent` and `Span.sent` check the
    annotation of the whole Doc and walk to both ends of the sentence on every call, and the
    rules ask for the sentence of a token thousands of times per article."""

    __slots__ = ("_of_token", "spans")

    def __init__(self, doc: Doc) -> None:
        self.spans: list[Span] = list(doc.sents)
        self._of_token = [n for n, sent in enumerate(self.spans)
                          for _ in range(sent.start, sent.end)]

    def __call__(self, i: int) -> Span:
        """The sentence holding token `i`: `doc[i].sent`, and the `.sent` of a span starting at
        `i` (spaCy gives a span the sentence of its first token)."""
        return self.spans[self._of_token[i]]


# Lexicon (by id, kept alive with it) -> the words a title can open with (`_parse_one_title`).
_TITLE_STARTS: dict[int, tuple[Lexicon, tuple[frozenset[str], ...]]] = {}


def _title_start_keys(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """First words of every phrase `_parse_one_title` looks up at its start (a past or present
    marker, a demonym, a country, body, office alias, office head, modifier, portfolio or
    membership word); those of them that only a country or a body opens ("the" of "the
    Philippines"): a title opens there only if a country or a body is named there; and the
    first words of every country and body name."""
    known = _TITLE_STARTS.get(id(lex))
    if known is not None and known[0] is lex:
        return known[1]
    others = (lex.present_markers, lex.roles, lex.role_heads, lex.modifiers,
              lex.portfolio_heads, lex.membership)
    other_keys = frozenset().union(lex.past_markers, lex.demonyms,
                                   *(trie.root for trie in others))
    named_keys = frozenset().union(lex.countries.root, lex.bodies.root)
    keys = (other_keys | named_keys, named_keys - other_keys, named_keys)
    _TITLE_STARTS[id(lex)] = (lex, keys)
    return keys


class _Scanner:
    """Token-level rules over one Doc (keys computed once)."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        # Token objects and their texts, made once: spaCy builds a new Token on every
        # `doc[i]`.
        self.tokens = list(doc)
        self.texts = [t.text for t in self.tokens]
        self.keys = [token_key(text) for text in self.texts]
        self.n = len(doc)
        # "Deputy Prime Ministers A, B and C": a plural title word is matched as its singular,
        # and the title then applies to each name of the list after it.
        self.plural_at: set[int] = set()
        for i, key in enumerate(self.keys):
            single = lex.plural_titles.get(key)
            # "the Board of Directors", "the Council of Ministers": a body's plural, no list
            if single is not None and self.texts[i][:1].isupper() \
                    and not (i > 0 and self.keys[i - 1] == "of"):
                self.keys[i] = single
                self.plural_at.add(i)
        self.body_at: dict[int, BodyMention] = {}
        self.in_body: set[int] = set()
        # Titles without a name ("President meets ..."): they may complete a short name, no more.
        self.orphan_titles: set[str] = set()
        self.run_was_cut = False
        self.replaced: set[int] = set()  # ids of curated places renamed with a place word
        self.topic_end: int | None = None
        self.org_country: str | None = None  # the country a title's body belongs to
        # the title parsed last: the country of its "of <Country>", the organisation it names
        self.title_tail_country: str | None = None
        self.title_body: str | None = None
        # whether the title being read follows its holder's name ("X, Minister of Y, said")
        self.appositive_title = False
        # the body of the title before "and" in a chain: what "its" names ("Secretary of the
        # Party Central Committee and Head of its Organisation Commission")
        self.its_owner: str | None = None

    # Whole-document views, built on first use: `Doc.text` joins every token and `Doc.ents`
    # builds every entity Span on each access.
    @cached_property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def sent(self) -> SentenceIndex:
        """`scan.sent(i)` is the sentence of token `i`."""
        return SentenceIndex(self.doc)

    @cached_property
    def verbs(self) -> list[int]:
        """The tokens tagged VERB (`pos_ == "VERB"`), read from the Doc's array at once."""
        return numpy.flatnonzero(self.doc.to_array(POS) == VERB).tolist()

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        return tuple(self.doc.ents)

    @cached_property
    def person_ent_ends(self) -> frozenset[int]:
        return frozenset(ent.end for ent in self.ents if ent.label_ == "PERSON")

    # bodies -------------------------------------------------------------------------------
    def match_body(self, i: int, *, need_capital: bool = True) -> BodyMention | None:
        if i >= self.n:
            return None
        text = self.texts[i]
        if need_capital and not (text[:1].isupper() or text[:1].isdigit()):
            return None
        best = None
        for trie, is_country in ((self.lex.countries, True), (self.lex.bodies, False)):
            found = trie.match(self.keys, i, accept=self._ends_at_word)
            if found and (best is None or found[0] > best[0]):
                best = (found[0], found[1], is_country)
        if best is None:
            return None
        end, label, is_country = best
        if end == i + 1 and self.keys[i] in self.lex.cased_acronyms and text.istitle():
            return None  # "Most Venerable" is no "MoST"
        # A lower-case one-word alias ("legislature") only counts capitalised; a body ending
        # inside a capitalised run ("Party" of "Party Congress") is a different name.
        if end < self.n and self.texts[end][:1].isupper() and end - i == 1 \
                and self.texts[end] not in ("(",) and _is_name_token(self.texts[end]) \
                and self.keys[end] not in self.lex.role_heads.root \
                and not self._modified_head_at(end) \
                and not is_country and not self._acronym_before_name(i, end) \
                and not self._body_before_name(i, end, label) \
                and not (_ACRONYM.match(text) and self._place_at(end)) \
                and self.skip_honorifics(end) == end:  # "of ASEAN Dr X": the body, then a name
            return None
        body = self.lex.body_by_label[label]
        entity_type = EntityType.COUNTRY if is_country else body.type
        return BodyMention(i, end, label, entity_type, self.doc[i:end].text)

    def _lower_org_after(self, k: int) -> bool:
        """"of the commission" at `k`: an organisation named by its kind in lower case."""
        return k + 2 < self.n and self.keys[k] == "of" and self.keys[k + 1] == "the" \
            and self.texts[k + 2].islower() and self.keys[k + 2] in self.lex.org_heads

    def _place_at(self, i: int) -> bool:
        """Whether a known place starts at `i` ("JETRO Ho Chi Minh City": the body's office in
        the city, not a longer name)."""
        found = self.lex.bodies.match(self.keys, i, accept=self._ends_at_word)
        return found is not None and self.lex.body_by_label[str(found[1])].type is \
            EntityType.PLACE

    def _modified_head_at(self, i: int) -> bool:
        """"Assistant Director-General", "Deputy Managing Director": an office opened by its
        modifiers, so the body before it ends there ("UNESCO Assistant Director-General")."""
        found = self.lex.modifiers.match(self.keys, i, skip=False)
        while found:
            i = found[0]
            found = self.lex.modifiers.match(self.keys, i, skip=False)
        return bool(self.lex.role_heads.match(self.keys, i, skip=False))

    def _acronym_before_name(self, i: int, end: int) -> bool:
        """"Chairman of the CIC Tran Van Nam", "Director-General of the WTO Ngozi Okonjo-Iweala":
        an acronym ends where a Vietnamese name, or a name the model reads, starts."""
        token = self.tokens[end]
        return bool(_ACRONYM.match(self.texts[i])) and (
            self.keys[end] in self.lex.surnames
            or (token.ent_type_ == "PERSON" and token.ent_iob_ == "B")) \
            and self.name_run(end, limit=4) - end >= 2

    def _other_owner(self, body: BodyMention) -> BodyMention | None:
        """The organisation after "<body> of the" when it is not the body's own parent."""
        if body.type is not EntityType.ORGANIZATION or body.end + 1 >= self.n \
                or self.keys[body.end] != "of":
            return None
        owner = self.match_body(self.skip_the(body.end + 1))
        known = self.lex.body_by_label[body.label]
        if owner is None or owner.type is not EntityType.ORGANIZATION \
                or owner.label in (body.label, known.part_of):
            return None
        return owner

    def _model_place(self, i: int) -> BodyMention | None:
        """A city the curated data does not know, for an envoy's posting: the model's one-word
        GPE ("in Sydney"), or one name word before a Vietnamese name ("in Busan Le Thi Hoa",
        which the model reads as one person)."""
        if i + 1 >= self.n or not _is_name_token(self.texts[i]):
            return None
        token = self.tokens[i]
        one_word_gpe = token.ent_iob_ == "B" and token.ent_type_ == "GPE" \
            and self.tokens[i + 1].ent_iob_ != "I"
        before_name = self.keys[i] not in self.lex.surnames \
            and self.keys[i + 1] in self.lex.surnames and self.name_run(i + 1, limit=4) - i >= 3
        if not (one_word_gpe or before_name):
            return None
        return BodyMention(i, i + 1, self.texts[i], EntityType.PLACE, self.texts[i])

    def _body_before_name(self, i: int, end: int, label: str) -> bool:
        """"Consul General in Sydney Pham Thi Lan Anh": a place after "in"/"at" ends where a
        person's name starts (a Vietnamese family name, or the model's person); so does any
        body after "of" ("Secretary-General of ASEAN Kao Kim Hourn") where the model's person
        starts."""
        if i == 0:
            return False
        token = self.tokens[end]
        model_person = token.ent_type_ == "PERSON" and token.ent_iob_ == "B"
        if self.keys[i - 1] == "of":
            # an acronym never opens a person's name, though the model may take it in; nor
            # does a curated place ("Governor of Yunnan Chen Shunqing")
            if model_person:
                return True
            name_end = self.name_run(end, limit=4)
            if bool(_ACRONYM.match(self.texts[i])) and name_end - end >= 2:
                return True
            return self.lex.body_by_label[label].type is EntityType.PLACE \
                and 2 <= name_end - end <= 3 \
                and not (name_end < self.n and self.texts[name_end][:1].isupper()) \
                and not any(self.keys[k] in self.lex.org_heads for k in range(end, name_end)) \
                and place_word_after(self, end) is None
        if self.keys[i - 1] not in self.lex.place_cue_prepositions \
                or self.lex.body_by_label[label].type is not EntityType.PLACE:
            return False
        return model_person or (
            self.keys[end] in self.lex.surnames and self.name_run(end, limit=4) - end >= 2)

    def _ends_at_word(self, end: int) -> bool:
        return end >= self.n or self.texts[end] != "-"

    def find_bodies(self) -> list[BodyMention]:
        found = []
        named = _title_start_keys(self.lex)[2]
        i = 0
        while i < self.n:
            # no country or body opens with this word: `match_body` would find none
            body = self.match_body(i) if self.keys[i] in named else None
            if body is None:
                i += 1
                continue
            if _inside_name(self, body):
                i = body.end
                continue
            found.append(body)
            for j in range(body.start, body.end):
                self.body_at[j] = body
                self.in_body.add(j)
            i = body.end
        return found

    def find_places(self) -> list[BodyMention]:
        """Places the reference data does not know: "Tam Duong district", "Ma Lu Thang border
        gate" (label with the place word, the bare name an alt form) and the names listed after
        "the provinces of"."""
        found = []
        place_words = self.lex.place_words.root
        for i in range(1, self.n):
            # `place_word_after` finds none where no place word opens
            end = place_word_after(self, i) if self.keys[i] in place_words else None
            if end is None or not _is_name_token(self.texts[i - 1]):
                continue
            start = i
            while start > 0 and i - start < 4 and _is_name_token(self.texts[start - 1]) \
                    and start - 1 not in self.in_body and not _is_title_word(self, start - 1) \
                    and not self.tokens[start].is_sent_start:
                start -= 1
            known = self.body_at.get(i - 1)
            curated = self.lex.body_by_label.get(known.label) if known is not None else None
            if known is not None and known.end == i and curated is not None \
                    and curated.subtype and " ".join(self.keys[i:end]) == curated.subtype.lower():
                continue  # "Ha Long city" is the curated city Ha Long, "Quang Ninh province" too
            if known is not None and known.type is EntityType.PLACE and known.end == i \
                    and not any(k in self.in_body for k in range(i, end)):
                # A curated province or city before a place word ("Nam Dinh city") is named with
                # the word, as an unknown place is; the curated name stays an alt form.
                start = known.start
                self.replaced.add(id(known))
            elif start == i or any(k in self.in_body for k in range(start, end)):
                continue
            found.append(BodyMention(start, end, self.doc[start:end].text, EntityType.PLACE,
                                     self.doc[start:i].text))
        found += self._named_venues()
        for i in range(1, self.n - 1):
            # a lead follows a plural place word
            lead = _place_list_lead(self, i) \
                if self.keys[i - 1] in self.lex.place_list_words else None
            if lead is None:
                continue
            k = lead
            while k < self.n:
                end = self.name_run(k, limit=3)
                if end == k:
                    break
                if not any(j in self.in_body for j in range(k, end)):
                    found.append(BodyMention(k, end, self.doc[k:end].text, EntityType.PLACE,
                                             self.doc[k:end].text))
                k = end
                if k < self.n and self.keys[k] in (",", "and"):
                    k += 1
                    if k < self.n and self.keys[k] == "and":
                        k += 1
                else:
                    break
        for body in found:
            for j in range(body.start, body.end):
                self.body_at[j] = body
                self.in_body.add(j)
        return found

    def _named_venues(self) -> list[BodyMention]:
        """Venues named with a capitalised place word ("the National Convention Centre", "the
        Government Guest House", "the President Ho Chi Minh Monument", "Benoa Port"): the
        capitalised run before the word, without a leading title ("President"); a known body
        inside it ("Government") is part of the venue's name, not that body."""
        found = []
        for i in range(1, self.n):
            if not self.texts[i][:1].isupper() or i in self.in_body:
                continue
            match = self.lex.place_words.match(self.keys, i, skip=False)
            if not match or not self.texts[match[0] - 1][:1].isupper() \
                    or (match[0] < self.n and self.texts[match[0]][:1].isupper()):
                continue  # "... Hall Management Board": the run goes on, no venue
            end, start = match[0], i
            while start > 0 and i - start < 5 and _is_name_token(self.texts[start - 1]) \
                    and not self.lex.role_heads.match(self.keys, start - 1, skip=False) \
                    and not self.lex.titles_before_names.match(self.keys, start - 1, skip=False) \
                    and not self.tokens[start].is_sent_start:
                body = self.body_at.get(start - 1) if start - 1 in self.in_body else None
                if body is not None and body.end != start:
                    break  # a body running into the venue's name
                start = body.start if body is not None else start - 1
            # "the President Ho Chi Minh Monument": a title after "the" names the venue too
            if start > 1 and start < i and self.keys[start - 2] == "the" \
                    and self.texts[start - 1][:1].isupper() \
                    and self.lex.role_heads.match(self.keys, start - 1, skip=False) \
                    and start - 1 not in self.in_body:
                start -= 1
            if start == i:
                continue
            inside = [b for b in self.body_at.values() if start <= b.start and b.end <= end]
            for body in inside:
                self.replaced.add(id(body))
            found.append(BodyMention(start, end, self.doc[start:end].text, EntityType.PLACE,
                                     self.doc[start:end].text))
        return found

    def find_body_memberships(self, bodies: list[BodyMention]) -> None:
        """"Vietnam, a member of ASEAN since 1995", "Laos, a founding member of X"."""
        keys = self.keys
        starts = {b.start: b for b in bodies}
        for body in bodies:
            if body.type not in (EntityType.COUNTRY, EntityType.ORGANIZATION):
                continue
            k, group = body.end, [body]
            # "Vietnam and Peru are both members of APEC": the list of subjects
            while k + 1 < self.n and keys[k] in (",", "and") and starts.get(
                    self.skip_the(k + 1)) is not None:
                nxt = starts[self.skip_the(k + 1)]
                if nxt.type not in (EntityType.COUNTRY, EntityType.ORGANIZATION):
                    break
                group.append(nxt)
                k = nxt.end
            if k + 2 < self.n and keys[k] == "," and keys[k + 1] in ("a", "an"):
                k += 2  # "Vietnam, a member of ASEAN since 1995"
            elif k + 3 < self.n and keys[k] == "'s" and keys[k + 2] == "as" \
                    and keys[k + 3] in ("a", "an"):
                k += 4  # "Vietnam's work as a member of X"
            elif k + 1 < self.n and keys[k] in ("is", "are", "was", "were", "remains"):
                k += 1  # "Vietnam and Peru are both members of APEC"
                while k < self.n and keys[k] in ("also", "both", "all", "now", "a", "an"):
                    k += 1
            else:
                continue
            if k < self.n and keys[k] in ("founding", "full", "active", "responsible",
                                          "permanent"):
                k += 1
            found = (k + 1, None) if k < self.n and keys[k] == "members" \
                else self.lex.membership.match(keys, k, skip=False)
            if not found or found[0] >= self.n or keys[found[0]] != "of":
                continue
            member = self.match_body(self.skip_the(found[0] + 1), need_capital=False)
            if member is not None and member.type is EntityType.ORGANIZATION:
                for subject in group if len(group) == 1 or keys[k] == "members" else [body]:
                    if member.label not in subject.member_of and subject is not member:
                        subject.member_of.append(member.label)

    # titles -------------------------------------------------------------------------------
    def skip_the(self, i: int) -> int:
        while i < self.n and self.keys[i] == "the":
            i += 1
        return i

    def skip_paren(self, i: int) -> int:
        """Skip "(NA)" or "(upper house)" after a name."""
        if i < self.n and self.keys[i] == "(":
            for j in range(i + 1, min(i + 6, self.n)):
                if self.keys[j] == ")":
                    return j + 1
        return i

    def org_after(self, i: int) -> tuple[int, str, EntityType] | None:
        """The body or country a title names after "of"/"to": known, or an unknown capitalised
        name ending in an organisation word ("Swiss-Viet Economic Forum"), possibly a known
        body's part ("the NA's Committee for Law", "the Government's Steering Committee for X"),
        a place ("Thailand's Chiang Mai province") or a mission ("Embassy in France")."""
        lex, keys = self.lex, self.keys
        j = self.skip_the(i)
        if j + 1 < self.n and keys[j] == "its" and self.its_owner is not None:
            return self._owned_part(j + 1, self.its_owner)
        if j + 2 < self.n and keys[j] in lex.org_heads and self.texts[j].islower() \
                and keys[j + 1] == "'s" and _is_name_token(self.texts[j + 2]):
            j += 2  # "the ministry's Department of X": the department, named after the owner
        start_of_based = j
        if j + 3 < self.n and (_is_name_token(self.texts[j]) or _ACRONYM.match(self.texts[j])) \
                and self.texts[j + 1] == "-" and keys[j + 2] == "based" \
                and not self.tokens[j].whitespace_:
            j += 3  # "Nanning-based X Group": where it is based describes, it does not name
            while j + 1 < self.n and self.texts[j].islower() and self.texts[j].isalpha() \
                    and j - start_of_based <= 6 and keys[j] not in ("of", "and", "the"):
                j += 1  # "Perth-based miner X", "Delft-based research institute X"
            if not _is_name_token(self.texts[j]):
                j = start_of_based
        if j + 2 < self.n and keys[j] in lex.demonyms and self.texts[j + 1].islower():
            # "French energy group Vallee Energies": the nationality and kind describe it
            k = j + 1
            while k < self.n and self.texts[k].isalpha() and self.texts[k].islower() \
                    and k - j <= 3 and keys[k] not in ("of", "and", "the", "in", "for"):
                k += 1
            if k < self.n and k > j + 1 and _is_name_token(self.texts[k]) \
                    and keys[k] not in lex.surnames:  # "the Vietnamese delegation Nguyen Thi Lan"
                j = k
        start = j
        if j < self.n and keys[j] in lex.demonyms and lex.demonyms[keys[j]] == lex.home_country:
            j += 1  # "the Vietnamese National Assembly"
        mission = self._mission_at(start, j)
        if mission is not None:
            return mission
        country = lex.countries.match(keys, j) if j < self.n else None
        if country and country[0] + 1 < self.n and keys[country[0]] == "'s":
            j = start = country[0] + 1  # "China's Yunnan province": the country is implied
            self.org_country = str(country[1])
        elif j < self.n and keys[j] in lex.demonyms and j == start:
            foreign = self.match_body(j + 1)
            if foreign is not None and foreign.type is EntityType.ORGANIZATION:
                # "the Lao National Assembly" is not Vietnam's: keep the words as written.
                self.org_country = lex.demonyms[keys[j]]
                return foreign.end, self.doc[j:foreign.end].text, EntityType.ORGANIZATION
        body = self.match_body(j)
        run_end = self.org_run(start)
        if body is not None:
            if body.type is EntityType.ORGANIZATION and body.end + 1 < self.n \
                    and keys[body.end] == "'s":
                sub_end = self.org_run(body.end + 1)
                if self._org_head_in(body.end + 1, sub_end):
                    known = lex.body_by_label.get(body.label)
                    part = self.doc[body.end + 1:sub_end].text
                    if known is not None and known.subtype == "Legislature":
                        return sub_end, f"{body.label} {part}", EntityType.ORGANIZATION
                    return sub_end, self.doc[body.start:sub_end].text, EntityType.ORGANIZATION
            part_head = next((k for k in range(body.end, min(body.end + 3, run_end))
                              if keys[k] in lex.org_heads), None)
            if body.type is EntityType.ORGANIZATION and run_end > body.end \
                    and part_head is not None and body.start == start \
                    and all(self.texts[k][:1].isupper() for k in range(body.end, part_head + 1)):
                # "the ILO Country Office for Viet Nam"
                # "the National Assembly Committee for Law": a part the data does not know.
                return run_end, self.expand_acronym(start, run_end), EntityType.ORGANIZATION
            owner = self._other_owner(body)
            if owner is not None:
                # "the Central Committee of the Communist Party of the Russian Federation": the
                # same name in another organisation is that organisation's part
                part = self.doc[body.start:body.end].text
                return owner.end, f"{part} of the {owner.label}", EntityType.ORGANIZATION
            place_end = place_word_after(self, body.end) \
                if body.type is EntityType.PLACE else None
            if body.type is EntityType.PLACE and place_end is None and body.end < self.n \
                    and self.texts[body.end][:1].isupper():
                named = lex.named_place_words.match(keys, body.end, skip=False)
                if named is not None and not self._org_head_in(named[0], run_end):
                    # "Osaka Prefecture Yoshida Ken": the known place with its word
                    return named[0], self.doc[body.start:named[0]].text, EntityType.PLACE
            if place_end is not None:
                local_end = self.org_run(place_end) if place_end < self.n \
                    and self.texts[place_end][:1].isupper() else place_end
                if local_end > place_end and self._org_head_in(place_end, local_end):
                    # "the Can Tho city People's Committee": the city's body, not the city
                    return local_end, self.doc[body.start:local_end].text, \
                        EntityType.ORGANIZATION
                # "Japan's Osaka prefecture", "Kunming city": the known place with its word
                return place_end, self.doc[body.start:place_end].text, EntityType.PLACE
            if run_end <= body.end or not self._org_head_in(body.end, run_end) \
                    or body.type is EntityType.ORGANIZATION:
                if self.org_country and body.type is EntityType.ORGANIZATION:
                    # "Indonesia's Ministry of Defence": the words, not Vietnam's ministry.
                    return body.end, self.doc[body.start:body.end].text, body.type
                return body.end, body.label, body.type
        if run_end <= start:
            return None
        if run_end - start >= 3 and keys[run_end - 2] == "of" \
                and keys[run_end - 1] in lex.demonyms and run_end < self.n \
                and self.texts[run_end].islower():
            # "the Board of Directors of German chemicals maker X": the unit of a company
            # the words after the demonym describe and name
            owner = self.org_after(run_end - 1)
            if owner is not None and owner[2] is EntityType.ORGANIZATION:
                return owner[0], f"{self.doc[start:run_end - 2].text} of {owner[1]}", \
                    EntityType.ORGANIZATION
        # "Naval Region 4", "Military Zone 7": a numbered unit of an unknown body
        if run_end < self.n and self.texts[run_end].isdigit() and len(self.texts[run_end]) <= 3 \
                and (run_end + 1 >= self.n or not self.texts[run_end + 1][:1].isdigit()):
            return run_end + 1, self.doc[start:run_end + 1].text, EntityType.ORGANIZATION
        place_end = place_word_after(self, run_end)
        if place_end is not None:
            of_place = [k for k in range(start + 1, run_end) if keys[k] == "of"]
            if of_place and self._org_head_in(start, of_place[-1]):
                # "the VFF Committee of Thanh Hoa province": a local body, not the place
                return place_end, self.expand_acronym(start, place_end), \
                    EntityType.ORGANIZATION
            return place_end, self.doc[start:place_end].text, EntityType.PLACE
        # "the General Council of the United Russia party": a known name inside the run may go
        # on over a lower-case word of its own
        run_end = next((found[0] for k in range(start + 1, run_end)
                        if (found := lex.bodies.match(keys, k)) and found[0] > run_end), run_end)
        kind_at = self.skip_paren(run_end)
        media = lex.media_words.match(keys, kind_at, skip=False) \
            if kind_at < self.n and self.texts[kind_at].islower() else None
        if media is not None:
            # "Nhan Dan (People) newspaper": a title named with its kind, the gloss left out
            return media[0], f"{self.doc[start:run_end].text} {self.doc[kind_at:media[0]].text}", \
                EntityType.ORGANIZATION
        named_place = next((found[0] for k in range(start + 1, run_end)
                            if self.texts[k][:1].isupper()
                            and (found := lex.named_place_words.match(keys, k, skip=False))
                            and (2 <= run_end - found[0] <= 3 or found[0] == run_end)
                            and all(_is_name_token(self.texts[r]) and keys[r] not in lex.org_heads
                                    for r in range(found[0], run_end))), None)
        if named_place is not None and not any(keys[k] in lex.org_heads or keys[k] in _CONNECTORS
                                               for k in range(start, named_place)):
            # "Hyogo Prefecture Saito Motohiko": a place named with its capitalised place word,
            # then the holder's name
            return named_place, self.doc[start:named_place].text, EntityType.PLACE
        heads = [k for k in range(start, run_end)
                 if keys[k] in lex.org_heads or keys[k] in lex.company_words]
        person_at = next((k for k in range(heads[-1] + 2, run_end - 1) if self.tokens[k].ent_iob_
                          == "B" and self.tokens[k].ent_type_ == "PERSON"), None) if heads else None
        if person_at is not None and keys[person_at - 1] not in _CONNECTORS \
                and all(self.tokens[k].ent_type_ == "PERSON" for k in range(person_at, run_end)):
            # "the Philippine Commission on Women Ermelita Valdeavilla": the model's name ends it
            run_end = person_at
        if not heads:
            if run_end - start <= 2 and (run_end >= self.n
                                         or not _is_name_token(self.texts[run_end])
                                         or self.skip_honorifics(run_end) > run_end
                                         or (keys[run_end] in lex.surnames  # "Vinacomin Ngo Van A"
                                             and self.name_run(run_end, limit=4) - run_end >= 2)):
                return run_end, self.doc[start:run_end].text, EntityType.ORGANIZATION
            name_at = start + 1
            name_end = next((k for k in range(name_at, run_end) if keys[k] in _CONNECTORS),
                            run_end)  # "... Li Guanghua and Chen Hongbo": the first name only
            name_words = range(name_at, name_end)
            if (name_end - name_at == 2 or (name_end - name_at == 3
                                            and keys[name_at] in lex.surnames)) \
                    and (name_end >= self.n or not _is_name_token(self.texts[name_end])) \
                    and (keys[name_at] in lex.surnames or not self.appositive_title) \
                    and not any(keys[k] in lex.company_words or keys[k] in lex.org_heads
                                or keys[k] in lex.demonyms or self.match_body(k) is not None
                                for k in name_words):
                # "Speaker of the Riigikogu Lauri Hussar", "Vice Mayor of Ningbo Li Guanghua": one
                # word the data does not know, then a two-word (or Vietnamese three-word) name;
                # never in a title after a name ("X, General Director of Samsung Electronics
                # Vietnam,": no name follows there)
                return name_at, self.doc[start:name_at].text, EntityType.ORGANIZATION
            return None
        tail = range(heads[-1] + 1, run_end)
        # "... Council Choi Ho-jung": a hyphen inside a given name joins no words of the body
        if not self.run_was_cut and tail and not any(
                keys[k] in _CONNECTORS and not self._glued_hyphen(k) for k in tail):
            run_end = heads[-1] + 1  # "Rajya Sabha Om Birla": the rest is a name
        run_end = self._place_of_head_end(heads[-1], run_end)
        if keys[run_end - 1] in lex.located_org_heads and run_end + 1 < self.n \
                and keys[run_end] == "in":
            where = self.match_body(self.skip_the(run_end + 1))
            if where is not None and where.type is not EntityType.ORGANIZATION:
                run_end = where.end  # "the Vietnamese Embassy in (the) France"
        return run_end, self.expand_acronym(start, run_end), EntityType.ORGANIZATION

    def _owned_part(self, i: int, owner: str) -> tuple[int, str, EntityType] | None:
        """The part of `owner` named from `i` ("its Organisation Commission"): the known part
        the data names, else "<owner>'s <part>"."""
        saved, self.its_owner = self.its_owner, None
        part = self.org_after(i)
        self.its_owner = saved
        if part is None or part[2] is not EntityType.ORGANIZATION:
            return None
        known = self.lex.body_by_label.get(part[1])
        if known is not None and known.part_of == owner:
            return part  # "its Organisation Commission": the Central Organisation Commission
        named = f"{owner}'s {self.doc[i:part[0]].text}"
        words = phrase_keys(named)
        found = self.lex.bodies.match(words, 0, skip=False)
        if found is not None and found[0] == len(words):
            return part[0], str(found[1]), EntityType.ORGANIZATION  # a known name in full
        return part[0], named, EntityType.ORGANIZATION

    def _place_of_head_end(self, head: int, end: int) -> int:
        """"University of Sydney Mark Scott": an organisation word, "of" and the place it is
        of (a known place or one capitalised word that is no field word) end the body when
        two or three name words follow; "Academy of Social Sciences" names a field."""
        lex, keys = self.lex, self.keys
        k = head + 1
        if k + 1 >= end or keys[k] != "of" or (end < self.n and _is_name_token(self.texts[end])):
            return end  # a run already cut before a name ends where it was cut
        w = self.skip_the(k + 1)
        if w >= end or not _is_name_token(self.texts[w]) or keys[w] in lex.portfolio_words \
                or keys[w] in lex.org_heads:
            return end
        known = self.match_body(w)
        if known is not None and known.type is EntityType.ORGANIZATION:
            return end  # "Executive Council of the Viet Nam Buddhist Sangha": a known owner
        place_end = known.end if known is not None else w + 1
        rest = range(place_end, end)
        if 2 <= len(rest) <= 3 and all(_is_name_token(self.texts[r]) and keys[r] not in
                                       lex.org_heads and keys[r] not in _CONNECTORS
                                       for r in rest):
            return place_end
        return end

    def _name_after_head_cut(self, j: int, end: int) -> int:
        """End of a body cut before a second title: before a two-word name (with a glued
        hyphen) that follows its last organisation head, else `end`."""
        heads = [k for k in range(j, end) if self.keys[k] in self.lex.org_heads]
        if not heads:
            return end
        field_end = self._field_words_end(heads[-1] + 1, end)
        if field_end is not None:
            return field_end  # "Department of Commerce Ma Jun and ...": the field, then a name
        tail = range(heads[-1] + 1, end)
        words = [k for k in tail if not self._glued_hyphen(k)]
        if 2 <= len(words) <= 4 and all(_is_name_token(self.texts[k]) or self._glued_hyphen(k - 1)
                                        for k in tail if not self._glued_hyphen(k)):
            return heads[-1] + 1
        # "Assembly of the Republic Margarida Talapa and Prime Minister X": the place it is of
        return self._place_of_head_end(heads[-1], end)

    def _field_words_end(self, k: int, end: int) -> int | None:
        """Where "of <portfolio words>" after an organisation head ends when two or three name
        words, none a portfolio word, close the run ("of Commerce Ma Jun"); else None."""
        keys = self.keys
        if k + 1 >= end or keys[k] not in ("of", "for"):
            return None
        field = k + 1
        while field < end and keys[field] in self.lex.portfolio_words:
            field += 1
        if field == k + 1 or not 2 <= end - field <= 3 or not all(
                _is_name_token(self.texts[w]) and keys[w] not in self.lex.portfolio_words
                and keys[w] not in self.lex.org_heads for w in range(field, end)):
            return None
        return field

    def _glued_hyphen(self, k: int) -> bool:
        return self.texts[k] == "-" and k > 0 and not self.tokens[k - 1].whitespace_ \
            and not self.tokens[k].whitespace_

    def _org_head_in(self, start: int, end: int) -> bool:
        return any(self.keys[k] in self.lex.org_heads for k in range(start, end))

    def org_run(self, j: int) -> int:
        """A capitalised organisation name from `j`, cut before a person's name that follows
        it ("... Social Affairs Nguyen Thuy Anh") and before a second title ("... of Finance and
        Chairman of ..."); `run_was_cut` says whether it was cut."""
        run_end = self._field_list_end(j, self.proper_run(j))
        self.run_was_cut = False
        for k in range(j + 1, run_end):
            if self.keys[k - 1] in ("and", ",") and self.texts[k + 1:k + 2] != ["-"] and (
                    self.lex.role_heads.match(self.keys, k, skip=False)
                    or self.lex.modifiers.match(self.keys, k, skip=False)
                    or self.lex.roles.match(self.keys, k, skip=False)):  # "and Prime Minister"
                # "... Council Ahn Seong-min and CEO of ...": a name may still end the body
                # (not "and High-Tech Crime Prevention": a compound, no title)
                run_end = self._name_after_head_cut(j, k - 1)
                self.run_was_cut = True
                break
            if self.keys[k - 1] in _CONNECTORS:
                continue
            token = self.tokens[k]
            if token.ent_iob_ == "B" and token.ent_type_ == "PERSON" \
                    and self.keys[k] not in self.lex.org_heads:
                # "... Council Choi Ho-jung" with the model's name at "Ho-jung": the one word
                # between the organisation's head and that name is the family name
                if k - 2 > j and self.keys[k - 2] in self.lex.org_heads \
                        and _is_name_token(self.texts[k - 1]) \
                        and self.keys[k - 1] not in self.lex.org_heads:
                    k -= 1
                run_end, self.run_was_cut = k, True
                break
            if (self.keys[k] in self.lex.surnames and k + 1 < run_end
                    and _is_name_token(self.texts[k + 1])
                    and self.keys[k + 1] not in self.lex.org_heads) \
                    or (self.lex.titles_before_names.match(self.keys, k, skip=False)
                        and not self._org_word_next(k, run_end)):
                run_end, self.run_was_cut = k, True
                break
        while run_end > j and self.keys[run_end - 1] in _CONNECTORS:
            run_end -= 1
        return run_end

    def _org_word_next(self, k: int, end: int) -> bool:
        """Whether an organisation word follows a title-like word at `k` before any name
        ("Viet Nam General Confederation of Labour": "General" is no rank there)."""
        for m in range(k + 1, min(k + 3, end)):
            if self.keys[m] in self.lex.org_heads:
                return True
            if self.keys[m] in self.lex.surnames:
                return False
        return False

    def _field_list_end(self, j: int, end: int) -> int:
        """"Department of South Asia, West Asia and Africa", "Committee for Foreign Affairs,
        Defence and Security": a body's field may be a list with commas; each item is one to
        three capitalised words, none a person's name, and the list ends with "and"."""
        keys = self.keys
        if not any(keys[k] in self.lex.org_heads and keys[k + 1] in ("of", "for", "on")
                   for k in range(j, end - 1)):
            return end
        k = end
        while k + 1 < self.n and keys[k] == ",":
            item = k + 1
            stop = item
            while stop < self.n and stop - item < 3 and _is_name_token(self.texts[stop]) \
                    and keys[stop] not in self.lex.surnames \
                    and self.tokens[stop].ent_type_ != "PERSON":
                stop += 1
            if stop == item or stop >= self.n:
                return end
            if keys[stop] == "and" and stop + 1 < self.n and _is_name_token(self.texts[stop + 1]):
                return self.proper_run(stop + 1)
            k = stop
        return end

    def proper_run(self, j: int, limit: int = 12) -> int:
        """End of a capitalised name that may contain "of", "for", "and", "on", hyphens and
        acronyms ("Joint Commission on Bilateral Cooperation", "NA Committee for Social
        Affairs")."""
        k = j
        while k < self.n and k - j < limit:
            text = self.texts[k]
            inner = self.keys[k] in self.lex.org_inner_words and k + 1 < self.n \
                and _is_name_token(self.texts[k + 1])  # "Ha Giang provincial Party ..."
            if _is_name_token(text) or _ACRONYM.match(text) or inner:
                k += 1
                # "High-level": a hyphen glued to a lower-case word continues the name.
                if k + 1 < self.n and self.texts[k] == "-" and not self.tokens[k - 1].whitespace_ \
                        and not self.tokens[k].whitespace_ and self.tokens[k + 1].is_alpha:
                    k += 2
            elif self.keys[k] in _CONNECTORS and k + 1 < self.n and k > j \
                    and self.keys[k + 1] not in _CALENDAR_WORDS and (  # "... on Tuesday"
                    _is_name_token(self.texts[k + 1]) or _ACRONYM.match(self.texts[k + 1])
                    or (self.keys[k + 1] == "the" and k + 2 < self.n
                        and (_is_name_token(self.texts[k + 2]) or (
                            # "Office of the provincial Party Committee"
                            self.keys[k] == "of" and self.keys[k + 2] in self.lex.org_inner_words
                            and k + 3 < self.n and _is_name_token(self.texts[k + 3]))))):
                k += 2 if self.keys[k + 1] == "the" else 1
            elif self.texts[k] in ("'", "’") and k > j and self.texts[k - 1].endswith("s") \
                    and not self.tokens[k - 1].whitespace_ and k + 1 < self.n \
                    and _is_name_token(self.texts[k + 1]):
                k += 1  # "Women Leaders' Forum": a plural possessive inside the name
            else:
                break
        return k

    def expand_acronym(self, start: int, end: int) -> str:
        """"NA Committee for Social Affairs" -> "National Assembly Committee for Social Affairs"."""
        text = self.doc[start:end].text
        if _ACRONYM.match(self.texts[start]):
            found = self.lex.bodies.match(self.keys, start, skip=False)
            if found and (found[0] == start + 1 or (
                    found[0] < end and self.lex.body_by_label[str(found[1])].type
                    is EntityType.PLACE)):
                # (also "HCM City Party Committee" -> "Ho Chi Minh City Party Committee")
                text = f"{found[1]} {self.doc[found[0]:end].text}".strip()
        return text

    def parse_title(self, i: int, appositive: bool = False
                    ) -> tuple[int, list[RoleMention], list[str], list[str]] | None:
        """A title at `i`: (end, roles, memberships, hint roles), or None (`_title_chain`);
        `appositive` when it follows its holder's name."""
        saved, self.appositive_title = self.appositive_title, appositive
        try:
            return self._title_chain(i, appositive)
        finally:
            self.appositive_title = saved

    def _title_chain(self, i: int, appositive: bool
                     ) -> tuple[int, list[RoleMention], list[str], list[str]] | None:
        """A title at `i`: (end, roles, memberships, hint roles), or None.

        TITLE := [former] [demonym] modifier* (alias | head of BODY | BODY head |
                 BODY member | member of BODY) [of|to COUNTRY], chained by "and" or ",".
        """
        if i > 0 and self.keys[i - 1] == "the" and any(
                key in self.lex.anaphoric_title_heads for key in self.keys[i:i + 4]):
            # "the Japanese leader and Deputy PM Son": "the <demonym> leader" names someone the
            # text has named already; only the title after "and" is the name's
            first = self._parse_one_title(i)
            step = self.skip_paren(first[0]) if first is not None else self.n
            if step + 1 < self.n and self.keys[step] == "and" \
                    and self.keys[step - 1] in self.lex.anaphoric_title_heads:
                follow = self._parse_one_title(step + 1)
                if follow is not None and follow[1] is not None:
                    return self.parse_title(step + 1, appositive)
        roles: list[RoleMention] = []
        members: list[str] = []
        hints: list[str] = []
        j = i
        end = None
        tail_country = None  # "Vice President of Uruguay and ...": the first title's country
        last = None  # the title parsed last: ("role", RoleMention) or ("hint", head)
        held_before = False  # "former A and B": both offices are held before, until "now"
        while True:
            parsed = self._parse_one_title(j)
            if parsed is None:
                break
            end, role, member, hint = parsed
            if role is None and member is None and hint is None:
                held_before = True  # "former Minister of X": no office held now
            elif held_before:
                role = hint = None
            if role is None and hint and roles and j > i and self.keys[j - 1] == "and" \
                    and " of " in roles[-1].label and roles[-1].country is None \
                    and self._is_corporate_head(hint) \
                    and self._is_corporate_head(roles[-1].surface, tail=True):
                # "USABC President and CEO": the bare head after "and" heads the same body
                owner = roles[-1].label.split(" of ", 1)[1]
                role = RoleMention(self.lex.canonical_role(f"{hint} of {owner}"), hint,
                                   roles[-1].confidence, roles[-1].country)
                hint = None
            if role and not roles:
                tail_country = self.title_tail_country
            if role and roles and roles[0].country and role.country is None \
                    and j > i and not role.label.startswith("Ambassador"):
                # "Cambodian Deputy Prime Minister and Minister of X": both offices Cambodia's
                country = roles[0].country
                if not self._names_country(role.label, country):
                    role = RoleMention(self.lex.foreign_office(role.label, country),
                                       role.surface,
                                       role.confidence, country)
            elif role and roles and tail_country and role.country is None \
                    and self._national_body_title() \
                    and not self._names_country(role.label, tail_country):
                # "Vice President of Uruguay and President of the General Assembly": a
                # country's own body, unnamed by the data, is that country's; "Defence Attaché
                # of Mexico and Dean of the Military Attaché Corps" is no national body.
                role = RoleMention(self.lex.foreign_office(role.label, tail_country),
                                   role.surface,
                                   role.confidence, tail_country)
            previous = None if last is None else last[1] if last[0] == "hint" \
                else last[1].surface
            shared = self._shared_organisation(previous, role, j)
            if shared is not None:
                # "Chairman and CEO of X Group", "President and CEO of the USABC": both heads
                # are X's (not a hint, not the home "State President")
                (hints if last[0] == "hint" else roles).pop()
                roles.append(shared)
            last = ("role", role) if role else ("hint", hint) if hint else None
            self.its_owner = self.title_body or member or self.its_owner
            if role:
                roles.append(role)
            if member:
                members.append(member)
            if hint:
                hints.append(hint)
            nxt = self.skip_paren(end)
            if nxt < self.n and self.keys[nxt] in (",", "and") and nxt + 1 < self.n:
                step = nxt + 1
                comma_and = self.keys[nxt] == "," and step < self.n and self.keys[step] == "and"
                if comma_and:
                    step += 1
                now = self.lex.present_office_cues.match(self.keys, step, skip=False) \
                    if held_before and step < self.n else None
                if now is not None and now[0] < self.n:
                    # "former Minister of X and now Chairman of Y": the office held now
                    held_before, step = False, now[0]
                elif comma_and and (appositive or held_before):
                    # "X, Secretary of A, and Chairwoman B Y": B is Y's title; so is "a former
                    # Minister of A, and Ambassador B Y"
                    break
                follow = self._parse_one_title(step)
                if appositive and follow is not None and self.keys[nxt] == "," and follow[1]:
                    name_at = self.skip_honorifics(follow[0])
                    if self.name_run(name_at) > name_at:
                        break  # "X, CEO of A, Prime Minister Y said": the title is Y's
                # "USABC President and CEO X", "its Chairman and CEO X": a second corporate head
                # of the same body (not "Lao President and Chairman X", a country's offices)
                owned = last is not None and (
                    last[0] == "hint" or (last[1].country is None and " of " in last[1].label)
                    or (i > 0 and self.keys[i - 1] in ("its", "their")))
                after_corporate = self.keys[step - 1] == "and" and owned \
                    and self._is_corporate_head(
                        last[1] if last[0] == "hint" else last[1].surface, tail=True)
                if follow is not None and (follow[1] or follow[2] or (
                        follow[3] and after_corporate and self._is_corporate_head(follow[3]))):
                    j = step
                    continue
            break
        self.its_owner = None
        if end is None:
            return None
        if roles and last is not None and last[0] == "role" and len(roles) + len(hints) > 1:
            roles, hints = self._offices_of_the_tail_country(roles, hints)
        return end, roles, members, hints

    def _offices_of_the_tail_country(self, roles: list[RoleMention], hints: list[str]
                                     ) -> tuple[list[RoleMention], list[str]]:
        """"Deputy Prime Minister and Minister of Foreign Affairs of Thailand", "Prime Cabinet
        Secretary and Cabinet Secretary for X of Kenya": the country the last title ends with
        is every national office's of the chain (not a body's: "Chairman of the X Group")."""
        country = roles[-1].country
        if country is None or country == self.lex.home_country \
                or not roles[-1].label.endswith(f" of {self.lex.country_name(country)}"):
            return roles, hints
        national = [r if r.country is not None or " of " in r.label or " to " in r.label
                    or r.label.startswith("Ambassador")
                    else RoleMention(self.lex.foreign_office(r.label, country), r.surface,
                                     r.confidence, country)
                    for r in roles[:-1]]
        named = [RoleMention(self.lex.foreign_office(h, country), h, 0.8, country)
                 for h in hints]
        return [*national, *named, roles[-1]], []

    def _shared_organisation(self, previous: str | None, role: RoleMention | None, j: int
                             ) -> RoleMention | None:
        """The office of a bare corporate head right before "and <head> of <organisation>"
        ("Chairman and CEO of Hoa An Group", "President and CEO of the USABC"): the same
        organisation's. Government heads are left alone ("Secretary and Chairman of the
        People's Committee" joins a Party office and a committee's)."""
        if previous is None or role is None or j < 2 or self.keys[j - 1] != "and" \
                or " of " not in role.label:
            return None
        head = fold_words(previous)
        if not self._is_corporate_head(previous) or self.keys[j - 1 - len(head):j - 1] != head:
            return None  # not a corporate head, or not the title right before "and"
        organisation = role.label.split(" of ", 1)[1]
        return RoleMention(f"{previous} of {organisation}", previous, role.confidence,
                           role.country)

    def _region_before_name(self, i: int) -> tuple[int, str] | None:
        """A region the data does not know, in a title before its holder's two-word name ("ADB
        Vice-President for East and Southeast Asia and the Pacific Scott Morris"): the
        capitalised run less its last two words, which name the holder."""
        end = self.proper_run(i)
        if self.appositive_title:
            # "X, Deputy Secretary-General of ASEAN for Community and Corporate Affairs, said":
            # the title's holder was named before it, so the whole run up to the clause is it
            closed = end > i and (end >= self.n or self.keys[end] in (",", ".", ";", ")"))
            return (end, self.doc[i:end].text) if closed else None
        end = next((k for k in range(i + 1, end - 1) if self.keys[k] in _CONNECTORS
                    and self.keys[k + 1] in MONTHS), end)  # "... Ramon Cruz on May 5"
        family = next((k for k in range(i + 1, end - 1) if self.keys[k] in self.lex.surnames
                       and 2 <= end - k <= 4), None)
        if family is not None:
            # "for Community Affairs Nguyen Van An": a Vietnamese name of three words
            end_of_remit = family
            if all(_is_name_token(self.texts[k]) and self.match_body(k) is None
                   for k in range(family, end)):
                return end_of_remit, self.doc[i:end_of_remit].text
        name = range(end - 2, end)
        if end - i < 3 or (end < self.n and _is_name_token(self.texts[end])) or any(
                not _is_name_token(self.texts[k]) or self.match_body(k) is not None
                or self.keys[k] in self.lex.org_heads for k in name):
            return None
        return end - 2, self.doc[i:end - 2].text

    def _is_corporate_head(self, text: str, *, tail: bool = False) -> bool:
        """Whether `text` is a corporate office head ("CEO"), or with `tail` ends in one
        ("USABC President")."""
        words = fold_words(text)
        for start in range(len(words) if tail else 1):
            whole = self.lex.corporate_office_heads.match(words, start, skip=False)
            if whole is not None and whole[0] == len(words):
                return True
        return False

    def _served_office(self, i: int) -> tuple[int, str] | None:
        """The office a title at `i` names, for "<head> to the <office>" (end, label)."""
        saved = self.title_tail_country, self.title_body
        parsed = self._parse_one_title(i)
        self.title_tail_country, self.title_body = saved
        if parsed is None or parsed[1] is None:
            return None
        return parsed[0], parsed[1].label

    def _parse_one_title(self, i: int):
        lex, keys = self.lex, self.keys
        # set only when the main path below parses a title: never left over from the last one
        self.title_tail_country = self.title_body = self.org_country = None
        if i < self.n and not self.title_openers[i]:
            # Every title below opens with a word of the title data (a marker, demonym, named
            # country or body, office...) or is a corporate one; this is tried at every token,
            # and most tokens open neither.
            return None
        j = i
        past = False
        if j < self.n and keys[j] in lex.past_markers:
            past, j = True, j + 1
        present = lex.present_markers.match(keys, j, skip=False) if j < self.n else None
        if present and (lex.countries.match(keys, j) or lex.bodies.match(keys, j)):
            present = None  # "New Zealand Ambassador": the word opens a country's name
        if present and present[0] < self.n and self.texts[present[0]][:1].isupper():
            j = present[0]  # "outgoing President of X" still holds the office
        surface_start = j  # "outgoing" is not part of the office's name
        country = None
        national = lex.roles.match(keys, j) if j < self.n and (
            keys[j] in lex.demonyms or lex.countries.match(keys, j)) else None
        if national and national[0] > j + 1 and not past:
            # "US Trade Representative": an office whose name says its country (roles.tsv)
            end = national[0]
            return end, RoleMention(str(national[1]), self.doc[j:end].text, 0.9), None, None
        demonym_body = self.match_body(j) if j < self.n and keys[j] in lex.demonyms else None
        if demonym_body is not None and demonym_body.end > j + 1 \
                and demonym_body.type is EntityType.ORGANIZATION:
            # "Lao Party General Secretary": the body's own name starts with the demonym
            country = lex.demonyms[keys[j]]
        elif j < self.n and keys[j] in lex.demonyms:
            country = lex.demonyms[keys[j]]
            j += 1
            if j < self.n and keys[j] in ("'s", "’s"):
                j += 1  # "Myanmar's": a country whose name is also its demonym
        else:
            owner = lex.countries.match(keys, j) if j < self.n else None
            if owner and owner[0] + 1 < self.n and keys[owner[0]] == "'s":
                country, j = str(owner[1]), owner[0] + 1  # "Thailand's Foreign Minister"
            elif owner and owner[0] < self.n and keys[owner[0]] in lex.envoy_heads:
                country, j = str(owner[1]), owner[0]  # "Belgium Ambassador": the sender
            elif owner and owner[0] < self.n \
                    and lex.portfolio_heads.match(keys, owner[0], skip=False):
                country, j = str(owner[1]), owner[0]  # "New Zealand Minister for X"
            elif owner and owner[0] < self.n and self.texts[owner[0]][:1].isupper() and (
                    lex.roles.match(keys, owner[0]) or lex.modifiers.match(keys, owner[0],
                                                                             skip=False)):
                country, j = str(owner[1]), owner[0]  # "RoK Prime Minister X"
        if j == i and not past:
            corporate = self._corporate_title(j)
            if corporate is not None:
                return corporate
        whole_alias = lex.roles.match(keys, j)
        modifiers = []
        if country and j + 1 < self.n and self.texts[j][:1].isupper() \
                and not lex.modifiers.match(keys, j, skip=False) \
                and not lex.role_heads.match(keys, j, skip=False) \
                and not lex.roles.match(keys, j) and lex.role_heads.match(keys, j + 1, skip=False) \
                and self.match_body(j) is None:  # "Lao NA Vice President": a body, not a qualifier
            # "Myanmar's Union Minister", "Indonesia's Coordinating Minister": a country's own
            # qualifier of the office, kept in its name
            modifiers.append(self.texts[j])
            j += 1
        core_from = j  # where the office's own words start ("Vice President")
        while j < self.n:
            found = lex.modifiers.match(keys, j, skip=False)
            if not found or (found[0] < self.n and keys[found[0]] == "-"
                             and lex.role_heads.match(keys, j, skip=False)):
                break  # "Vice-Chancellor": a hyphenated head, not a modifier and "Chancellor"
            if found[0] + 1 < self.n and self._glued_hyphen(found[0]):
                # "Vice-President", "Vice-Minister": the modifier with its hyphen
                modifiers.append(self.doc[j:found[0] + 1].text)
                j = found[0] + 1
                continue
            modifiers.append(self.doc[j:found[0]].text)
            j = found[0]
        start_core = j
        candidates = []
        of_country: dict[int, str] = {}  # candidate end -> Country of "<head> of <Country>"
        bodies_of: dict[int, str | None] = {}  # candidate end -> the organisation it names
        alias = lex.roles.match(keys, j)
        if alias:
            candidates.append((alias[0], str(alias[1]), 0.9))
        head = lex.role_heads.match(keys, j, skip=False)
        if head and head[0] + 3 < self.n and keys[head[0]] == "(" and keys[head[0] + 2] == ")" \
                and self.texts[head[0] + 1].istitle() and keys[head[0] + 3] == "of":
            head = (head[0] + 3, head[1])  # "Secretary (East) of ...": the post's own qualifier
        if head and self._plural_heads_event(j, head[0]):
            return None  # "the Heads of Asian Coast Guard Agencies Meeting": an event's name
        if head:
            h_end = head[0]
            remit = self._remit_after(h_end + 1) \
                if h_end + 1 < self.n and keys[h_end] == "for" else None
            if (remit is None or remit[0] >= self.n or keys[remit[0]] != "of") \
                    and h_end + 1 < self.n and keys[h_end] == "for":
                # "for Asia-Pacific of X", "for International Business of Y"
                region_end = self.name_run(h_end + 1, limit=4)
                if region_end > h_end + 1:
                    remit = region_end, self.doc[h_end + 1:region_end].text
            if remit is not None and remit[0] + 1 < self.n and keys[remit[0]] == "of":
                # "Vice President for Asia-Pacific of Corvant Pharmaceuticals": an
                # organisation's office over a region or field
                self.org_country = None
                org = self.org_after(remit[0] + 1)
                if org is not None and org[2] is EntityType.ORGANIZATION:
                    the = "the " if keys[remit[0] + 1] == "the" else ""
                    label = f"{_title_case(self.doc[j:h_end].text)} for {remit[1]} of {the}{org[1]}"
                    candidates.append((org[0], lex.canonical_role(label), 0.85))
                    bodies_of[org[0]] = org[1]
            if h_end < self.n and keys[h_end] in ("of", "to"):
                prep = keys[h_end]
                self.org_country = None
                org = self.org_after(h_end + 1)
                ministry = self._ministry_after(h_end + 1) \
                    if keys[j] == "minister" and prep == "of" else None
                if ministry is None and prep == "of" and keys[j] != "minister" \
                        and lex.portfolio_heads.match(keys, j, skip=False) is not None:
                    ministry = self._portfolio_before_name(h_end + 1)
                if ministry is not None and (org is None or ministry[0] >= org[0] or not any(
                        keys[k] in lex.org_heads for k in range(h_end + 1, org[0]))):
                    org = ministry  # "Minister of Culture Lorenzo ...": the field, not a run
                if org is not None and self.org_country and country is None \
                        and org[2] is not EntityType.PLACE:
                    country = self.org_country
                if org is not None:
                    o_end, o_label, o_type = org
                    head_text = _title_case(self.doc[j:h_end].text)
                    if o_type in (EntityType.COUNTRY, EntityType.PLACE):
                        named = lex.country_name(o_label) if o_type is EntityType.COUNTRY \
                            else o_label
                        label = f"{head_text} {prep} {named}"
                        if o_type is EntityType.COUNTRY:
                            of_country[o_end] = o_label
                    elif o_label.startswith("Ministry of ") and keys[j] == "minister":
                        label = f"Minister of {o_label[len('Ministry of '):]}"
                    elif org is ministry and o_label.startswith("Ministry of "):
                        label = f"{head_text} of {o_label[len('Ministry of '):]}"
                    elif keys[h_end + 1] != "the" and o_label[-1:].isdigit():
                        label = f"{head_text} {prep} {o_label}"  # "of Naval Region 4"
                    elif keys[h_end + 1] != "the" and o_label not in lex.body_by_label \
                            and not any(keys[k] in lex.org_heads and self.texts[k][:1].isupper()
                                        for k in range(h_end + 1, o_end)):
                        label = f"{head_text} {prep} {o_label}"  # "CEO of Fortescue": a brand
                    else:
                        label = f"{head_text} {prep} the {o_label}"
                    if o_type is EntityType.ORGANIZATION and o_end + 1 < self.n \
                            and keys[o_end] == "for":
                        # "Deputy Secretary-General of ASEAN for Community and Corporate
                        # Affairs": the body's office over a field or region
                        remit = self._remit_after(o_end + 1) \
                            or self._region_before_name(o_end + 1)
                        if remit is not None:
                            label, o_end = f"{label} for {remit[1]}", remit[0]
                    candidates.append((o_end, lex.canonical_role(label), 0.85))
                    bodies_of[o_end] = o_label if o_type is EntityType.ORGANIZATION else None
                elif prep == "to" and h_end + 2 < self.n and keys[h_end + 1] == "the":
                    served = self._served_office(h_end + 2)
                    if served is not None:
                        # "Parliamentary Secretary to the Minister of Foreign Affairs": an
                        # office that serves another is named by it
                        head_text = _title_case(self.doc[j:h_end].text)
                        candidates.append((served[0], f"{head_text} to the {served[1]}", 0.8))
        if alias and not head and alias[0] + 1 < self.n and keys[alias[0]] == "of":
            # "General Secretary of the Lao People's Revolutionary Party": an office alias
            # used as the head of another organisation's office
            self.org_country = None
            org = self.org_after(alias[0] + 1)
            if org is not None and org[2] is EntityType.ORGANIZATION:
                # "the" as the text has it, or for a known or worded body ("Premier of Victoria")
                the = "the " if keys[alias[0] + 1] == "the" or org[1] in lex.body_by_label \
                    or any(keys[k] in lex.org_heads for k in range(alias[0] + 1, org[0])) else ""
                label = lex.canonical_role(f"{self.doc[j:alias[0]].text} of {the}{org[1]}")
                candidates.append((org[0], label, 0.85))
                bodies_of[org[0]] = org[1]
        portfolio_head = lex.portfolio_heads.match(keys, j, skip=False)
        if portfolio_head and portfolio_head[0] + 1 < self.n and keys[portfolio_head[0]] == "for":
            # "Minister for Trade and Industry", "Minister of State for External Affairs",
            # "Cabinet Secretary for Trade": the portfolio, as "Minister of" takes it
            field_end = self.portfolio_end(portfolio_head[0] + 1)
            if field_end is not None:
                label = f"{self.doc[j:portfolio_head[0]].text} for " \
                        f"{self.doc[portfolio_head[0] + 1:field_end].text}"
                candidates.append((field_end, lex.canonical_role(label), 0.85))
        body = self.match_body(j)
        local = lex.bodies.match(keys, j) if j == i and self.texts[j][:1].isupper() else None
        chief = lex.local_party_chief_titles.match(keys, local[0], skip=False) \
            if local and lex.body_by_label[str(local[1])].type is EntityType.PLACE else None
        if chief is not None:
            # "Nghe An Party chief X": the locality's Party secretary, not the General Secretary
            place = self.doc[j:local[0]].text
            kind = "provincial " if lex.body_by_label[str(local[1])].subtype == "Province" \
                else ""
            return chief[0], RoleMention(f"Secretary of the {place} {kind}Party Committee",
                                         self.doc[j:chief[0]].text, 0.8), None, None
        if body is not None and body.type is not EntityType.COUNTRY:
            after = body.end
            core = after
            while core < self.n and lex.modifiers.match(keys, core, skip=False):
                core = lex.modifiers.match(keys, core, skip=False)[0]
                if core + 1 < self.n and keys[core] == "-" and self._glued_hyphen(core):
                    core += 1  # "ADB Vice-President"
            # "UNESCO Assistant Director-General": the body's office with its modifiers
            h2 = lex.role_heads.match(keys, core, skip=False) \
                or lex.role_heads.match(keys, after, skip=False)
            if not h2 and keys[j] in lex.demonyms and after < self.n \
                    and self.texts[after][:1].isupper():
                # "Lao Party General Secretary": a foreign body, then an office alias
                h2 = lex.roles.match(keys, after)
            if h2:
                owner = body.label
                if country and country != lex.home_country and j > i \
                        and keys[j - 1] in lex.demonyms and body.label in lex.body_by_label \
                        and lex.body_by_label[body.label].subtype == "Legislature":
                    owner = f"{self.texts[j - 1]} {body.label}"  # "the Lao National Assembly"
                label = f"{_title_case(self.doc[after:h2[0]].text)} of the {owner}"
                h_end = h2[0]
                if keys[after] in lex.envoy_heads and h_end + 1 < self.n and keys[h_end] == "to":
                    dest = self.match_body(self.skip_the(h_end + 1))
                    if dest is not None and dest.type is EntityType.COUNTRY:
                        # "EU Ambassador to X"
                        label = f"{label} to {lex.country_name(dest.label)}"
                        h_end = dest.end
                elif h_end + 1 < self.n and keys[h_end] == "for":
                    remit = self._remit_after(h_end + 1) or self._region_before_name(h_end + 1)
                    if remit is not None:
                        # "IMF Mission Chief for Laos", "World Bank Vice President for South
                        # Asia", "FAO Assistant Director-General for Fisheries": the office's
                        # country, region or field is part of it
                        head_text = _title_case(self.doc[after:h2[0]].text)
                        label = f"{head_text} for {remit[1]} of the {owner}"
                        h_end = remit[0]
                candidates.append((h_end, lex.canonical_role(label), 0.8))
                bodies_of[h_end] = body.label
            m2 = lex.membership.match(keys, after, skip=False)
            if m2:
                return m2[0], None, body.label, None
        member = lex.membership.match(keys, j, skip=False)
        if member and member[0] < self.n and keys[member[0]] == "of" and not candidates:
            body = self.match_body(self.skip_the(member[0] + 1), need_capital=False)
            saved, self.org_country = self.org_country, None
            org = self.org_after(member[0] + 1)
            self.org_country = saved
            if org is not None and org[2] is EntityType.ORGANIZATION \
                    and (body is None or org[0] > body.end) \
                    and (keys[org[0] - 1] in lex.org_heads
                         or keys[org[0] - 1] in lex.company_words
                         or _ACRONYM.match(self.texts[org[0] - 1])):  # "member of the CMC"
                # "member of the Binh Thuan provincial Party Committee": a body the data knows
                # only by its kind, not the place that opens it
                return org[0], None, org[1], None
            if body is not None:
                return body.end, None, body.label, None
        if alias and alias[0] + 1 < self.n and keys[alias[0]] == "of" \
                and _is_name_token(self.texts[self.skip_the(alias[0] + 1)]) \
                and self.match_body(self.skip_the(alias[0] + 1)) is None \
                and all(c[0] <= alias[0] for c in candidates):
            # "President of Osaka-based Kato Kogyo Co., Ltd": an organisation the rules cannot
            # read; the home office ("State President") would be wrong, so no office at all
            return None
        if not candidates and whole_alias and modifiers:
            candidates.append((whole_alias[0], str(whole_alias[1]), 0.9))
            modifiers = []
        if not candidates and head and country and country != lex.home_country \
                and not (head[0] < self.n and keys[head[0]] in ("of", "to")):
            # "Russian Defence Attaché Major General X": a foreign demonym and a bare head.
            candidates.append((head[0], self.doc[j:head[0]].text, 0.8))
        if not candidates:
            if head and not modifiers and j == i:
                # A bare head before a name ("Chairman Hue", "Minister Son"): only a hint.
                return head[0], None, None, self.doc[j:head[0]].text
            if head and modifiers and (
                    (i > 1 and keys[i - 1] in ("its", "their", "and"))
                    or self._lower_org_after(head[0])):
                # "led by its Vice Chairman X": the office in the organisation named before;
                # "Governor of X A and Deputy Governors B and C": the first office's body
                return head[0], None, None, self.doc[i:head[0]].text
            return None
        end, label, confidence = max(candidates, key=lambda c: c[0])
        self.title_tail_country = of_country.get(end)
        self.title_body = bodies_of.get(end)
        if modifiers and whole_alias and whole_alias[0] >= end:
            end, label, confidence, modifiers = whole_alias[0], str(whole_alias[1]), 0.9, []
        # "President of India": a country after a role names the role's country.
        if end < self.n and keys[end] in ("of",) and country is None:
            tail = self.match_body(self.skip_the(end + 1))
            if tail is not None and tail.type is EntityType.COUNTRY:
                country, end = tail.label, tail.end
            elif tail is not None and tail.type is EntityType.PLACE and " of the " in label:
                # "President of the VFF Committee of Thanh Hoa province": the local committee.
                place_end = place_word_after(self, tail.end)
                if place_end is not None:
                    label = f"{label} of {self.doc[tail.start:place_end].text}"
                    end = place_end
        # "Ambassador of Japan to Laos", "Consul General of Spain in Da Nang": an envoy keeps
        # the posting the text gives.
        # So do "Defence Attache of Vietnam in Indonesia" (a country's officer posted abroad)
        # and "Head of the EU Delegation to Laos" (a mission to a country).
        posted = keys[start_core] in lex.envoy_heads \
            or (end in of_country and keys[end] == "in") \
            or (keys[end - 1] in lex.mission_words and keys[end] in ("to", "in")) \
            or any(office in " ".join(keys[start_core:end]) for office in lex.posted_offices)
        posting = ""
        past_acronym = self.skip_paren(end)  # "... Cooperation Agency (JICA) in Viet Nam"
        if posted and past_acronym + 1 < self.n and keys[past_acronym] in ("to", "in"):
            end = past_acronym
        if posted and end + 1 < self.n and keys[end] in ("to", "in") \
                and not label.endswith((" to", " in")) and f" {keys[end]} " not in label:
            post = self.match_body(self.skip_the(end + 1)) or self._model_place(end + 1)
            # "Permanent Representative of Viet Nam to the United Nations": a mission to an
            # international organisation is a posting too
            to_body = post is not None and post.type is EntityType.ORGANIZATION \
                and keys[end] == "to" and lex.body_by_label[post.label].subtype in (
                    "InternationalOrganization", "RegionalOrganization")
            if post is not None and (post.type in (EntityType.COUNTRY, EntityType.PLACE)
                                     or to_body):
                posted_to = lex.country_name(post.label) \
                    if post.type is EntityType.COUNTRY else post.label
                if to_body and keys[end + 1] == "the":
                    posted_to = f"the {posted_to}"
                posting = f" {keys[end]} {posted_to}"
                label, end = label + posting, post.end
        elif posted and " of " in label and end < self.n and self.texts[end][:1].isupper():
            # "Chief Representative of JETRO Ho Chi Minh City X": the body's office in a city
            post = self.match_body(end)
            if post is not None and post.type is EntityType.PLACE and (
                    self.name_run(post.end) > post.end
                    or (post.end < self.n and keys[post.end] in (",", ".", ";"))):
                label, end = f"{label} in {post.label}", post.end
        end = self.skip_paren(end) if end < self.n and keys[end] == "(" and end + 2 < self.n \
            and _ACRONYM.match(self.texts[end + 1]) else end
        if modifiers and " ".join(fold_words(modifiers[0])) in lex.organisation_office_modifiers \
                and alias and end == alias[0] and country is None:
            # "Permanent Vice President" is an organisation's office, never the State's: the
            # words as written, not "Permanent Vice State President"
            label = self.doc[start_core:end].text
        if modifiers:
            label = lex.canonical_role(_join_modifiers([*modifiers, label]))
        if country == lex.home_country:
            country = None
        surface = self.doc[surface_start:end].text
        if past:
            return end, None, None, None
        if country and len(label.split()) > end - core_from and fold_words(label) \
                and not set(fold_words(label)) <= set(self.keys[core_from:end]) \
                and whole_alias and end - start_core == 1:
            # "Peruvian (Vice) President": not "(Vice) State President"
            label = self.doc[core_from:end].text
        for k in range(start_core, end):
            if k in self.plural_at:  # "Deputy Secretaries of X A and B": each is a Secretary
                label = re.sub(rf"\b{re.escape(self.texts[k])}\b",
                               self.keys[k].capitalize(), label, count=1)
        if country and not self._names_country(label, country):
            named = lex.country_name(country)
            if label.startswith("Ambassador"):
                label = label.replace("Ambassador", f"Ambassador of {named}", 1)
                if label == f"Ambassador of {named}":
                    # a foreign envoy named in Vietnamese news, with no posting, is posted here
                    label = f"{label} to {lex.home_country}"
            elif posting and label.endswith(posting):
                # "Japanese Consul General in Da Nang": the country before the posting
                label = f"{label.removesuffix(posting)} of {named}{posting}"
            else:
                label = f"{label} of {named}"
        return end, RoleMention(label, surface, confidence, country), None, None

    def _may_be_corporate_title(self, j: int) -> bool:
        """The cheap tests of `_corporate_title`: a capitalised word or acronym the data does
        not know as a name, demonym or organisation word, and an office head one to three words
        later (where its loop looks for one)."""
        lex, keys, text = self.lex, self.keys, self.texts[j]
        return (_is_name_token(text) or bool(_ACRONYM.match(text))) and j + 2 < self.n \
            and keys[j] not in lex.surnames and keys[j] not in lex.demonyms \
            and keys[j] not in lex.not_name_words and keys[j] not in lex.org_heads \
            and any(keys[k] in lex.corporate_office_heads.root
                    for k in range(j + 1, min(self.n, j + 4)))

    @cached_property
    def title_openers(self) -> list[bool]:
        """Whether `_parse_one_title` may find a title at each token: it opens with a word of
        the title data, or may be a corporate title. Titles are tried at almost every token,
        and most tokens are neither, so a title is looked for only where this is true."""
        lex, keys = self.lex, self.keys
        starts, named_only, _ = _title_start_keys(lex)
        heads = lex.corporate_office_heads.root
        head_near = [False] * self.n  # an office head one to three words later
        for k, key in enumerate(keys):
            if key in heads:
                head_near[max(0, k - 3):k] = [True] * (k - max(0, k - 3))
        return [(key in starts and (key not in named_only or lex.countries.match(keys, i)
                                    is not None or lex.bodies.match(keys, i) is not None))
                or (head_near[i] and self._may_be_corporate_title(i))
                for i, key in enumerate(keys)]

    def _corporate_title(self, j: int):
        """"Qualcomm CEO Cristiano Amon", "VUFO President Phan Anh Son": one capitalised word
        the data does not know, an office head and a name: the word is the organisation the
        office belongs to, spelt out when the article defines the acronym ("... Organisations
        (VUFO)"), and the office is never the home one ("State President")."""
        lex, keys, text = self.lex, self.keys, self.texts[j]
        if not self._may_be_corporate_title(j):
            return None
        if (j > 0 and (_is_name_token(self.texts[j - 1]) or _ACRONYM.match(
                    self.texts[j - 1])) and not self.tokens[j].is_sent_start) \
                or self.tokens[j].ent_type_ in ("GPE", "LOC", "NORP") \
                or (self.tokens[j].ent_type_ == "PERSON" and self.tokens[j + 1].ent_type_
                    == "PERSON" and self.tokens[j + 1].ent_iob_ != "B") \
                or self.match_body(j, need_capital=False) is not None \
                or lex.countries.match(keys, j) or lex.roles.match(keys, j) \
                or lex.role_heads.match(keys, j, skip=False) \
                or lex.modifiers.match(keys, j, skip=False) \
                or lex.titles_before_names.match(keys, j, skip=False) \
                or lex.event_heads.match(keys, j, skip=False):
            return None
        # "Samsung Display Vietnam General Director X", "AmCham Vietnam Chairman X": a company
        # of two or three words, the last maybe its country ("... Vietnam", its local arm)
        org_end = j + 1
        while org_end < min(self.n, j + 3) \
                and lex.corporate_office_heads.match(keys, org_end, skip=False) is None \
                and (_is_name_token(self.texts[org_end]) or _ACRONYM.match(self.texts[org_end])) \
                and keys[org_end] not in lex.not_name_words and keys[org_end] not in lex.org_heads \
                and not lex.role_heads.match(keys, org_end, skip=False) \
                and not lex.modifiers.match(keys, org_end, skip=False):
            org_end += 1
        head = lex.corporate_office_heads.match(keys, org_end, skip=False)
        if head is None or head[0] >= self.n or keys[head[0]] in ("of", "to", "for"):
            return None
        head_end = head[0]
        # "USABC President and CEO X": one office of two heads
        second = lex.corporate_office_heads.match(keys, head_end + 1, skip=False) \
            if keys[head_end] == "and" else None
        if second is not None and second[0] < self.n:
            head_end = second[0]
        name_start = self.skip_honorifics(head_end)
        full = _ACRONYM.match(text) and org_end == j + 1 and self.acronym_definitions.get(text)
        # a given name alone ("VCCI President Cong") only after an acronym the article spelt out
        if self.name_run(name_start) - name_start < (1 if full else 2):
            return None
        head_text = self.doc[org_end:head_end].text
        org = self.doc[j:org_end].text
        if full:
            label = f"{head_text} of the {full}"
        elif org_end > j + 1 or second is not None:
            label = f"{head_text} of {org}"
        else:
            label = f"{text} {head_text}"
        return head_end, RoleMention(label, self.doc[j:head_end].text, 0.75), None, None

    @cached_property
    def place_cued_names(self) -> frozenset[tuple[str, ...]]:
        """Names the article writes right after a place preposition ("in Phonsavan"): the
        same name elsewhere in it ("the road linking it with Phonsavan") is that place."""
        found = set()
        for i in range(1, self.n):
            if self.keys[i - 1] in self.lex.place_cue_prepositions \
                    and _is_name_token(self.texts[i]) and i not in self.in_body:
                end = self.name_run(i, limit=3)
                if end > i and not (end < self.n and self.keys[end] in ("'s", "'")) \
                        and self.keys[i] not in self.lex.not_name_words:
                    found.add(tuple(self.keys[i:end]))
        return frozenset(found)

    @cached_property
    def acronym_definitions(self) -> dict[str, str]:
        """"the Vietnam Union of Friendship Organisations (VUFO)": acronym -> name."""
        found = {}
        for match in _DEFINED_ACRONYM.finditer(self.text):
            words, acronym = match.group("name").split(), match.group("acronym")
            while words and not (words[0].startswith(acronym[0]) and words[0][:1].isupper()):
                words = words[1:]  # "The Vietnam Union ... (VUFO)" starts at "Vietnam"
            if len(words) >= 2 and acronym not in found:
                found[acronym] = " ".join(words)
        return found

    def _national_body_title(self) -> bool:
        """Whether the title just parsed names an organisation the data does not know whose
        name ends in a national body word ("the General Assembly", "the Chamber of Deputies")."""
        body = self.title_body
        if body is None or body in self.lex.body_by_label:
            return False
        words = " ".join(phrase_keys(body))
        return any(words == w or words.endswith(f" {w}") for w in self.lex.national_body_words)

    def _mission_at(self, start: int, j: int) -> tuple[int, str, EntityType] | None:
        """"the Vietnamese mission to the EU", "the Vietnamese delegation to the WTO": a
        lower-case mission word, then "to"/"in" and a known body or country."""
        keys = self.keys
        if j == start or j + 2 >= self.n or keys[j] not in self.lex.mission_words \
                or keys[j + 1] not in ("to", "in"):
            return None
        dest = self.match_body(self.skip_the(j + 2))
        if dest is None:
            return None
        named = self.lex.country_name(dest.label) if dest.type is EntityType.COUNTRY \
            else f"the {dest.label}"
        label = f"{self.doc[start:j].text} {self.texts[j].title()} {keys[j + 1]} {named}"
        return dest.end, label, EntityType.ORGANIZATION

    def _ministry_after(self, i: int) -> tuple[int, str, EntityType] | None:
        """"Minister of Agriculture and Environment": the words after "of" name a ministry."""
        keys = ["ministry", "of", *self.keys[i:i + 12]]
        found = self.lex.bodies.match(keys, 0)
        end = self.portfolio_end(self.skip_the(i))
        # a known ministry, unless the field list goes on ("Foreign Affairs and International
        # Cooperation" is a foreign ministry's own field, not Vietnam's Ministry of Foreign Affairs)
        if found is not None and found[0] > 2 and str(found[1]).startswith("Ministry of ") \
                and (end is None or end <= i + found[0] - 2):
            return i + found[0] - 2, str(found[1]), EntityType.ORGANIZATION
        if end is None:
            return None
        # "Minister of the Interior and Safety": the article's "the" stays in the name
        return end, "Ministry of " + self.doc[i:end].text, EntityType.ORGANIZATION

    def _plural_heads_event(self, j: int, h_end: int) -> bool:
        """Whether a plural title word and "of" open a capitalised name ending in an event
        head ("Heads of ... Agencies Meeting", "Ministers of ... Conference")."""
        if not any(k in self.plural_at for k in range(j, h_end)) or h_end + 1 >= self.n \
                or self.keys[h_end] != "of":
            return False
        end = self.proper_run(self.skip_the(h_end + 1))
        for k in range(h_end + 1, end):
            found = self.lex.event_heads.match(self.keys, k, skip=False)
            if found is not None and found[0] == end:
                return True
        return False

    def _portfolio_before_name(self, i: int) -> tuple[int, str, EntityType] | None:
        """"Secretary of Transportation Ana Cruz": a field list (curated portfolio words)
        right before a personal name is a department's field, not an organisation's name."""
        start = self.skip_the(i)
        if start != i:
            return None  # "Secretary of the <X>" names a body
        end = self.portfolio_end(start)
        if end is None:
            return None
        name_start = self.skip_honorifics(end)
        if self.name_run(name_start) - name_start < 2 \
                or self.keys[name_start] in self.lex.portfolio_words \
                or self._org_head_in(name_start, self.name_run(name_start)):
            return None
        return end, "Ministry of " + self.doc[start:end].text, EntityType.ORGANIZATION

    def _remit_after(self, i: int) -> tuple[int, str] | None:
        """The remit after "for" in an organisation's office: a country or curated region
        ("for Viet Nam", "for East Asia and the Pacific") or a field of portfolio words
        ("for Culture"), with where it ends and how the label names it."""
        dest = self.match_body(self.skip_the(i))
        if dest is not None and dest.type is EntityType.COUNTRY:
            return dest.end, self.lex.country_name(dest.label)
        if dest is not None and dest.type is EntityType.PLACE:
            return dest.end, dest.label
        field_end = self.portfolio_end(i)
        if field_end is not None:
            return field_end, self.doc[i:field_end].text
        return None

    def portfolio_end(self, i: int) -> int | None:
        """"Fisheries and Oceans", "Economy, Trade and Industry": a ministry's field, a list of
        field words (curated) ending before the minister's name."""
        end, k = None, i
        while k < self.n and self.texts[k][:1].isupper() \
                and self.keys[k] in self.lex.portfolio_words:
            k += 1
            end = k
            if k + 1 < self.n and self.keys[k] in (",", "and", "&") \
                    and self._field_word(k + 1):
                k += 1
            elif k + 2 < self.n and self.keys[k] == "," and self.keys[k + 1] == "and" \
                    and self._field_word(k + 2):
                k += 2
            else:
                continue
            if self.keys[k] not in self.lex.portfolio_words:
                k += 1  # "Foreign and European Affairs": the word before a field word
        return end

    def _field_word(self, k: int) -> bool:
        """A field word, or a capitalised word before one ("European" of "European Affairs",
        "Diaspora" of "Diaspora Affairs") that is no name, body or office."""
        if self.keys[k] in self.lex.portfolio_words:
            return True
        return k + 1 < self.n and self.texts[k][:1].isupper() and self.texts[k + 1][:1].isupper() \
            and self.keys[k + 1] in self.lex.portfolio_words and k not in self.in_body \
            and self.keys[k] not in self.lex.surnames \
            and not self.lex.role_heads.match(self.keys, k, skip=False)

    def _names_country(self, label: str, country: str) -> bool:
        """Whether a role label already says its country ("... of the Lao National Assembly")."""
        if label.endswith(f" {country}"):
            return True
        return any(self.lex.demonyms.get(token_key(word)) == country for word in label.split())

    # names --------------------------------------------------------------------------------
    def skip_honorifics(self, i: int) -> int:
        while i < self.n:
            found = self.lex.titles_before_names.match(self.keys, i, skip=False)
            if not found or (self.keys[i] in self.lex.capital_honorifics
                             and not self.texts[i].isupper()):
                break  # "HE" is His Excellency; "He Wei" is a name ("He" a family name)
            end = found[0]
            if end < self.n and self.keys[end] in ("'", "’"):
                end += 1  # Dato'
            if end >= self.n or not _is_name_token(self.texts[end]):
                break
            i = end
        return i

    def _middle_name(self, i: int, j: int) -> bool:
        """"Nguyễn Thế Anh": "Thế" folds to "the" but inside a name it is a middle name."""
        return j > i and self.keys[j] == "the" and self.texts[j][:1].isupper() \
            and not self.tokens[j].is_sent_start and j + 1 < self.n \
            and _is_name_token(self.texts[j + 1]) and self.keys[i] in self.lex.surnames

    def name_run(self, i: int, limit: int = 6) -> int:
        """End of the capitalised name starting at `i` (== i if none)."""
        j, particles = i, 0  # particles ("bin", "van") do not count towards the limit
        while j < self.n and j - i - particles < limit and _is_name_token(self.texts[j]) \
                and j not in self.in_body and (self.keys[j] not in self.lex.name_run_stop_words
                                               or self._middle_name(i, j)):
            if "\n" in self.tokens[j].whitespace_:
                j += 1
                break
            j += 1
            # "Alberto van Klaveren", "Rahmat bin Yusof": lower-case particles inside a name.
            particle = self.lex.name_particles.match(self.keys, j, skip=False) \
                if j < self.n and self.texts[j][:1].islower() else None
            if particle is not None:
                after = particle[0]
                if after < self.n and self.texts[after] == "-" \
                        and not self.tokens[after].whitespace_:
                    after += 1  # "al-Sabah"
                if after < self.n and _is_name_token(self.texts[after]) \
                        and after not in self.in_body:
                    particles += after - j
                    j = after
                    continue
            # "Cho Tae-yul": a hyphenated given name is one word.
            if j + 1 < self.n and self.texts[j] == "-" and not self.tokens[j - 1].whitespace_ \
                    and not self.tokens[j].whitespace_ and self.texts[j + 1].isalpha():
                j += 2
        return j


_CONNECTORS = frozenset({"of", "for", "and", "on", "-", "–", "'s", "'"})
_CALENDAR_WORDS = WEEKDAYS | frozenset(m for m in MONTHS if len(m) > 3)


# --- people ---------------------------------------------------------------------------------


def find_people(scan: _Scanner) -> list[PersonMention]:
    doc, keys, lex = scan.doc, scan.keys, scan.lex
    people: list[PersonMention] = []
    taken: set[int] = set()
    i = 0
    # 1. TITLE NAME and NAME, TITLE.
    while i < scan.n:
        if i in taken or (i in scan.in_body and not _title_can_start(scan, i)) \
                or not scan.title_openers[i]:  # `parse_title` would find none
            i += 1
            continue
        # A title right after "Name," is appositive: it may only stop at ", and" (where a new
        # title-name pair starts), and without a name after it, it is the earlier name's.
        appositive = i >= 2 and keys[i - 1] == "," and (
            any(p.end == i - 1 for p in people) or _name_ends_at(scan, i - 1))
        parsed = scan.parse_title(i, appositive=appositive)
        if parsed is None:
            i += 1
            continue
        end, roles, members, hints = parsed
        end, roles = _title_of_the_antecedent(scan, i, end, roles, bool(hints))
        if not roles and hints and people and i >= 2 and keys[i - 1] == "and" \
                and people[-1].end == i - 1:
            roles = _deputies_of_the_same_body(people[-1], hints, lex)
        name_start = scan.skip_honorifics(end)
        if i > 0 and keys[i - 1] in ("its", "their") and name_start < scan.n \
                and keys[name_start] == ",":
            # "led by its President, Senator Catherine Dumas": the title's holder follows
            after_comma = scan.skip_honorifics(name_start + 1)
            if scan.name_run(after_comma) - after_comma >= 2:
                name_start = after_comma
        name_end = scan.name_run(name_start)
        if appositive and (name_end == name_start or keys[name_start] in lex.not_name_words):
            i = max(i + 1, end)
            continue
        if name_end > name_start and (keys[name_start] not in lex.not_name_words
                                      or _pronoun_surname(scan, name_start, name_end)) \
                and keys[name_start] not in lex.org_heads:  # "Military Attaché Corps"
            name = doc[name_start:name_end].text
            if i > 0 and keys[i - 1] in ("its", "their"):
                roles = _roles_of_antecedent(scan, i, end, roles, hints)
            if _commemorated(scan, i, name, roles, name_end):
                roles = []
            if roles and people and i >= 2 and keys[i - 1] == "and" and people[-1].end == i - 1 \
                    and keys[name_start] not in lex.surnames:
                # "Korean Minister of Foreign Affairs X and Minister for Trade Y": the second
                # (foreign-named) office holder of the pair is of the same country
                pair_country = next((r.country for r in people[-1].roles if r.country), None)
                if pair_country and not any(k in scan.in_body or keys[k] in lex.org_heads
                                            or keys[k] in lex.company_words
                                            for k in range(i, end)):
                    # (an office that names a body keeps it: "and OIF Administrator Y", "and
                    # CEO of Nile Agro Holding Z")
                    roles = [_of_country(r, pair_country, lex) for r in roles]
            people.append(PersonMention(name_start, name_end, name, name, roles, members, hints,
                                        short=name_end - name_start == 1))
            taken.update(range(i, name_end))
            plural = any(k in scan.plural_at for k in range(i, end))
            i = name_end
            if plural:
                i = _plural_title_list(scan, people, i, roles, members, taken)
            continue
        if roles and name_start < scan.n and keys[name_start] == ":" \
                and any(k in scan.plural_at for k in range(i, end)):
            # "elected two Vice Chairpersons of X: A, formerly ..., and B, who had been ..."
            _colon_title_list(scan, people, name_start, roles, taken)
        elif roles and not members:
            scan.orphan_titles.update(r.label for r in roles if not r.country)
        i = max(i + 1, end if not roles else i + 1)
    # 2. Statistical names (and capitalised runs followed by an appositive title).
    spans = [ent for ent in scan.ents if ent.label_ == "PERSON"]
    spans += _appositive_runs(scan)
    spans += _runs_after_person_nouns(scan)
    spans += _runs_after_honorifics(scan)
    spans += _runs_from_surnames(scan)
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        start = scan.skip_honorifics(_family_name_start(scan, span.start))
        end = span.end
        if end - start > 1 and _opening_participle(scan, start):
            start += 1  # "Receiving Moloney, the President said": the model's name starts later
        longer = scan.name_run(start)
        if longer > end and any(scan.texts[k][:1].islower() for k in range(start, longer)):
            end = longer  # the model stopped at a particle ("Alberto [van Klaveren]")
        start = _name_after_known_words(scan, start, end)
        if _is_place(scan, start, end) or _after_place_cue(scan, start, end) \
                or _place_by_context(scan, start, end) \
                or tuple(keys[start:end]) in scan.place_cued_names:
            continue
        while end > start and keys[end - 1] in ("'s", "'"):
            end -= 1
        if end <= start or any(k in taken for k in range(start, end)):
            continue
        if any(k in scan.in_body for k in range(start, end)) or (
                keys[start] in lex.not_name_words
                and not (start > 0 and keys[start - 1] in lex.demonyms
                         and _pronoun_surname(scan, start, end))) \
                or (end - start == 1 and keys[start] in lex.demonyms):
            continue
        if not all(_is_name_piece(scan, k) for k in range(start, end)):
            continue
        if any(keys[k] in lex.org_heads or lex.event_heads.match(keys, k, skip=False)
               for k in range(start, end)):
            continue
        if lex.role_heads.match(keys, start, skip=False) and end < scan.n \
                and keys[end] in ("of", "to"):
            continue  # "Dean of the ... Corps": a title the model took for a name
        mention = PersonMention(start, end, doc[start:end].text, doc[start:end].text,
                                short=end - start == 1, confidence=0.7)
        people.append(mention)
        taken.update(range(start, end))
    # 3. Appositive titles: "Bui Thanh Son, Minister of ...", "X, who is President of ...".
    for person in people:
        j = person.end
        if j < scan.n and keys[j] in ("'s",):
            continue
        if j + 1 < scan.n and keys[j] == ",":
            k = _past_appositive_lead(scan, j + 1)
            parsed = scan.parse_title(k, appositive=True)
            if parsed is not None:
                end, roles, members, _hints = parsed
                end, roles = _title_of_the_antecedent(scan, k, end, roles)
                after = scan.skip_honorifics(end)
                if end < scan.n and scan.tokens[end].tag_ in ("VBD", "VBZ", "VBP", "MD"):
                    continue  # "With Ambassador X, the Deputy PM discussed ...": a new subject
                if scan.name_run(after) == after:  # not the title of the next name
                    for role in roles:
                        role.confidence = min(role.confidence, 0.8)
                    person.roles.extend(roles)
                    person.memberships.extend(members)
    people.sort(key=lambda p: p.start)
    # "Ship 20 - Tran Hung Dao", "the frigate Ly Thai To": a ship named after a person
    people[:] = [p for p in people if not _after_vessel_word(scan, p.start)]
    _elected(scan, people)
    _pronoun_elections(scan, people)
    _counterparts(scan, people)
    _offices_of_the_possessor_country(scan, people)
    for person in people:
        _drop_bare_envoy_rank(person, lex)
    return people


def _past_appositive_lead(scan: _Scanner, k: int) -> int:
    """Where the title of an appositive starting at `k` starts: past "who is", "a", "now" ..."""
    for lead in scan.lex.appositive_leads:
        if tuple(scan.keys[k:k + len(lead)]) == lead:
            return k + len(lead)
    return k


def _last_field_word(scan: _Scanner, i: int, people: list[PersonMention]) -> bool:
    """"Commission for Propaganda and Training,", "Department of Education and Training,": one
    capitalised word after "and" closing an organisation's field is the field's, no name (never
    a word of a full name the article gives: "the Ministry of Finance and Lan" keeps Lan)."""
    keys = scan.keys
    return i >= 3 and keys[i - 1] == "and" and scan.texts[i - 2][:1].isupper() \
        and any(keys[k] in scan.lex.org_heads for k in range(max(0, i - 8), i - 1)) \
        and not any(p.end - p.start > 1 and keys[i] in keys[p.start:p.end] for p in people)


def _drop_bare_envoy_rank(person: PersonMention, lex: Lexicon) -> None:
    """"Ambassador X, head of the Vietnamese Embassy in the United States": the bare rank is
    said by the posting the same sentence gives, not a second office."""
    bare = [r for r in person.roles if r.country is None and " " not in r.label
            and token_key(r.label) in lex.envoy_heads]
    posted = [r for r in person.roles if r not in bare
              and ("Embassy" in r.label or r.label.split()[0] in (b.label for b in bare))]
    if bare and posted:
        person.roles[:] = [r for r in person.roles if r not in bare]


def _counterparts(scan: _Scanner, people: list[PersonMention]) -> None:
    """"Foreign Minister X and his Korean counterpart Y": Y holds X's office, of the country
    the demonym names (less sure than a title the text gives Y)."""
    keys, lex = scan.keys, scan.lex
    for index, person in enumerate(people):
        at = person.start
        if person.roles or at < 2 or keys[at - 1] != "counterpart" \
                or keys[at - 2] not in lex.demonyms:
            continue
        country = lex.demonyms[keys[at - 2]]
        sent_start = scan.sent(at).start
        host = next((p for p in reversed(people[:index])
                     if p.start >= sent_start and p.roles), None)
        if country == lex.home_country or host is None:
            continue
        # a national office the data knows ("Minister of Foreign Affairs"), never an office
        # of a home body ("Chief of the General Staff of the Vietnam People's Army")
        home = [r for r in host.roles if r.country is None
                and " ".join(phrase_keys(r.label)) in lex.role_by_key]
        for role in home[:1]:
            found = _of_country(role, country, lex)
            person.roles.append(RoleMention(found.label, found.surface,
                                            min(found.confidence, 0.7), found.country))


def _offices_of_the_possessor_country(scan: _Scanner, people: list[PersonMention]) -> None:
    """"Ambassador Hudák said his country's Minister of Economy X would visit": X holds the
    office of the country of the person "his" refers to (the nearest one before it with a
    foreign office, or a short reference to one)."""
    keys, lex = scan.keys, scan.lex
    for c in positions_of(scan.doc, "country"):
        if c < 1 or c + 2 >= scan.n or keys[c - 1] not in ("his", "her", "their") \
                or keys[c + 1] not in ("'s", "’s", "'"):
            continue
        title = c + 2
        parsed = scan.parse_title(title)
        if parsed is None or not parsed[1]:
            continue
        name_at = scan.skip_honorifics(parsed[0])
        holder = next((p for p in people if p.start == name_at
                       or (p.end == c - 2 and keys[p.end] == ",")), None)
        country = _possessor_country(scan, people, c - 1, holder)
        if holder is None or country is None:
            continue
        surfaces = {r.surface for r in parsed[1] if r.country is None}
        holder.roles[:] = [_of_country(r, country, lex) if r.surface in surfaces else r
                           for r in holder.roles]


def _possessor_country(scan: _Scanner, people: list[PersonMention], pronoun: int,
                       holder: PersonMention | None) -> str | None:
    """The foreign country of the person a possessive pronoun at `pronoun` refers to: the
    nearest person named before it (in its sentence or the two before; a short reference
    "Hudák" counts as its full name) who has an office, if that office is another country's."""
    first = min((scan.sent(k - 1).start for k in _earlier_sentence_ends(scan, pronoun, 2)),
                default=scan.sent(pronoun).start)
    by_word: dict[str, list[PersonMention]] = {}
    for person in people:
        if person.roles and person is not holder and person.start < pronoun:
            for word in set(scan.keys[person.start:person.end]):
                by_word.setdefault(word, []).append(person)
    # the subject of a clause the pronoun is in ("Nguyen said his country's ..."), else the
    # nearest name before it
    subjects = [child.i for verb in scan.doc[pronoun].ancestors
                if verb.pos_ in ("VERB", "AUX") for child in verb.children
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < pronoun
                and not child.left_edge.i <= pronoun <= child.right_edge.i]
    for k in [*subjects, *range(pronoun - 1, first - 1, -1)]:
        named = by_word.get(scan.keys[k], [])
        if len(named) == 1 or (named and any(p.start <= k < p.end for p in named)):
            # the mention at k first, then its other mentions ("Ambassador Hudák" names no
            # country, "Ambassador of Slovakia Peter Hudák" does)
            named = sorted(named, key=lambda p: not p.start <= k < p.end)
            country = next((c for p in named for c in map(
                partial(_office_country, lex=scan.lex), p.roles) if c), None)
            return None if country == scan.lex.home_country else country
    return None


def _office_country(role: RoleMention, lex: Lexicon) -> str | None:
    """The country an office is of: its own, or the one its label ends with ("Ambassador of
    Slovakia")."""
    if role.country is not None:
        return role.country
    owner = role.label.split(" to ")[0].rsplit(" of ", 1)
    keys = phrase_keys(owner[1]) if len(owner) == 2 else []
    found = lex.countries.match(keys, 0) if keys else None
    return str(found[1]) if found is not None and found[0] == len(keys) else None


def _deputies_of_the_same_body(previous: PersonMention, hints: list[str], lex: Lexicon
                               ) -> list[RoleMention]:
    """"Governor of the SBV X and Deputy Governors A and B": a bare title right after a name
    whose office has the same head is an office of that body."""
    found = []
    for hint in hints:
        words = hint.split()
        single = lex.plural_titles.get(token_key(words[-1]))
        if single is not None:
            words[-1] = single[:1].upper() + single[1:]
        title = " ".join(words)
        same = lex.gendered_office_words.get(words[-1], words[-1])  # "Vice Chairwoman"
        for role in previous.roles:
            head, _, body = role.label.partition(" of ")
            last = lex.gendered_office_words.get(head.split()[-1], head.split()[-1])
            if body and title != head and len(words) > len(head.split()) \
                    and same == last and words[-len(head.split()):-1] == head.split()[:-1]:
                found.append(RoleMention(f"{title} of {body}", hint, 0.8, role.country))
                break
    return found


def _name_after_known_words(scan: _Scanner, start: int, end: int) -> int:
    """"Hanoi Le Quan", "Samarkand Region Erkinjon Turdimov": the model's name opens with a
    known place or organisation, or runs over a place or company word; the name is the two or
    three words after them."""
    if end - start < 3:
        return start
    body = scan.match_body(start)
    cut = body.end if body is not None and end - body.end >= 2 else start
    for k in range(start, end - 2):
        key = scan.keys[k]
        if key in scan.lex.company_words or key in scan.lex.org_heads \
                or scan.lex.place_words.match(scan.keys, k, skip=False) is not None:
            cut = max(cut, k + 1)
    return cut if end - cut in (2, 3) and all(_is_name_piece(scan, k)
                                              for k in range(cut, end)) else start


def _opening_participle(scan: _Scanner, i: int) -> bool:
    """A sentence opened by a present participle ("Receiving X, ...", "Welcoming Y, ..."): no
    name starts with it. Short "-ing" words are family names ("Ding", "Jing")."""
    text = scan.texts[i]
    return scan.tokens[i].is_sent_start and len(text) >= 6 and text.endswith("ing") \
        and scan.keys[i] not in scan.lex.surnames


# Family names that are also English pronouns: "Chinese Ambassador He Wei"
_PRONOUN_SURNAMES = frozenset({"he"})


def _pronoun_surname(scan: _Scanner, start: int, end: int) -> bool:
    """"He Wei" after a title or a demonym: the capitalised "He" opens a two- or three-word
    name (the Chinese family name), it is not the pronoun."""
    return scan.keys[start] in _PRONOUN_SURNAMES and scan.texts[start] == "He" \
        and 2 <= end - start <= 3 and not scan.tokens[start].is_sent_start


_HULL_NUMBER = re.compile(r"^(?:[A-Z]{1,4}-?)?\d{1,4}[A-Z]?$|^[A-Z]{1,4}$")


def _after_vessel_word(scan: _Scanner, start: int) -> bool:
    """Whether a vessel word ends right before the name, or before its hull number and a dash
    ("Ship 20 -", "ship HQ-015", "the frigate")."""
    k = start
    for _ in range(3):  # "20 -", "HQ-015", "No. 20"
        if k > 0 and (scan.texts[k - 1] in _DASHES or _HULL_NUMBER.match(scan.texts[k - 1])
                      or scan.keys[k - 1] in ("no.", "no")):
            k -= 1
    for size in (2, 1):
        found = scan.lex.vessel_words.match(scan.keys, k - size, skip=False) \
            if k - size >= 0 else None
        if found and found[0] == k:
            return True
    return False


def _after_place_cue(scan: _Scanner, start: int, end: int) -> bool:
    """"in Vân Đồn", "at Cẩm Phả": a name the model alone calls a person, right after a place
    preposition and not a possessive, is a place."""
    return start > 0 and scan.keys[start - 1] in scan.lex.place_cue_prepositions \
        and not (end < scan.n and scan.keys[end] in ("'s", "'"))


def _place_by_context(scan: _Scanner, start: int, end: int) -> bool:
    """A name the model alone calls a person that its context makes a place: "from Mae Sot,
    Thailand" (a preposition, then ", <Country>"), "in Phonsavan, the provincial capital" (an
    apposition with a place word), "in Nakhon Phanom and Udon Thani" / "Ha Tinh and X" (a
    conjunct of a place-cue object or of a known place), "three provinces, A, B and C"."""
    keys, lex = scan.keys, scan.lex
    if end - start > 3:
        return False
    if end + 1 < scan.n and keys[end] == ",":
        country = lex.countries.match(keys, end + 1)
        if country and start > 0 and scan.tokens[start - 1].pos_ == "ADP" and (
                country[0] >= scan.n or not _is_name_token(scan.texts[country[0]])) \
                and not (country[0] < scan.n and keys[country[0]] in ("'s", "'")):
            return True
        if end + 2 < scan.n and keys[end + 1] == "the":
            for k in range(end + 2, min(end + 5, scan.n)):
                if not scan.texts[k].islower():
                    break
                if keys[k] in lex.place_apposition_heads \
                        or lex.place_words.match(keys, k, skip=False):
                    return True
    if start >= 1 and keys[start - 1] in (",", "and"):
        k = start - 1
        while k >= 0 and (keys[k] in (",", "and") or _is_name_token(scan.texts[k])):
            k -= 1
        if k >= 0 and keys[k] in lex.place_list_words and keys[k + 1] == ",":
            return True  # "three Lao provinces, A, B and C"
    root = scan.doc[start:end].root
    seen = 0
    while root.dep_ == "conj" and seen < 6:
        root, seen = root.head, seen + 1
        body = scan.body_at.get(root.i)
        if body is not None and body.type is EntityType.PLACE:
            return True  # "Ha Tinh and X": a conjunct of a known place
    # "in Nakhon Phanom and Udon Thani": the first conjunct is the place cue's own object
    return seen > 0 and root.dep_ == "pobj" and root.head.lower_ in lex.place_cue_prepositions \
        and root.head.i == root.left_edge.i - 1 \
        and not any(k in scan.in_body for k in range(root.left_edge.i, root.i + 1))


def _elected(scan: _Scanner, people: list[PersonMention]) -> None:
    """"elected X as Chairman of Y" (a role); "elected X, ..., and Z, ..., to the Politburo"
    (memberships of every person between the verb and "to")."""
    keys, lex = scan.keys, scan.lex
    last_body: str | None = None  # the body of the last office elected to
    for index, person in enumerate(people):
        k = scan.skip_paren(person.end)
        verbs = [t for t in scan.tokens[scan.sent(person.start).start:person.start]
                 if _is_election_verb(t, lex) and t.pos_ in ("VERB", "AUX")]
        if not verbs:  # "approved the appointment of X as Y, and of Z as W"
            verbs = [t for t in scan.tokens[scan.sent(person.start).start:person.start - 1]
                     if keys[t.i] in lex.election_nouns and keys[t.i + 1] == "of"]
        passive = _passive_election(scan, people, index)
        listed_as = _as_after_list(scan, people, index)
        if passive is not None:
            title_at, verbs = passive, [scan.tokens[passive - 1]]
        elif k + 1 < scan.n and keys[k] == "as":
            title_at = k + 1
        elif listed_as is not None and verbs:
            title_at = listed_as  # "elected A and B as Deputy Secretaries of X"
        elif k + 1 < scan.n and keys[k] == "," and verbs:
            # "elected X, Vice Chairman of Y, as Deputy Secretary of Z": past the appositive
            current = scan.parse_title(_past_appositive_lead(scan, k + 1), appositive=True)
            after = current[0] if current is not None else _aside_end(scan, k)
            if not ((current or after > k) and after + 2 < scan.n and keys[after] == ","
                    and keys[after + 1] == "as"):
                continue
            title_at = after + 2
        else:
            continue
        parsed = scan.parse_title(title_at) if verbs else None
        if parsed is not None and (parsed[1] or parsed[3]):
            # "elected A and B as Vice Presidents of the society": the society named before
            end, roles = _title_of_the_antecedent(scan, title_at, parsed[0], parsed[1],
                                                  bool(parsed[3]))
            if end != parsed[0]:
                parsed = (end, roles, parsed[2], [])
        if verbs and (parsed is None or not any(" of " in r.label for r in parsed[1])) \
                and (parsed is None or keys[parsed[0]] in (",", "and", ".", ";")):
            # "elected A as President, B as Permanent Vice President, and C as Vice
            # Presidents of the society": a bare title is one in the body the list ends with
            list_body = _list_body_after(scan, title_at)
            if list_body is not None:
                parsed = _bare_title_of(scan, title_at, list_body) or parsed
        if verbs and (parsed is None or not parsed[1]) and last_body:
            parsed = _bare_title_of(scan, title_at, last_body) or parsed
        if parsed is not None and parsed[1]:
            after = scan.skip_honorifics(parsed[0])
            if scan.name_run(after) == after:
                person.roles.extend(r for r in parsed[1]
                                    if all(r.label != o.label for o in person.roles))
                of_body = parsed[1][-1].label.split(" of ", 1)
                if len(of_body) == 2:
                    last_body = of_body[1]  # "the VFF Committee of X province"
    for i in scan.verbs:
        token = scan.tokens[i]
        if not _is_election_verb(token, lex):
            continue
        sent_end = scan.sent(token.i).end
        for k in range(token.i + 1, sent_end - 1):
            if keys[k] != "to":
                continue
            body = scan.body_at.get(scan.skip_the(k + 1))
            if body is None or body.type is not EntityType.ORGANIZATION \
                    or body.start != scan.skip_the(k + 1):
                continue
            for person in people:
                if token.i < person.start < k and body.label not in person.memberships:
                    person.memberships.append(body.label)
            break


def _pronoun_elections(scan: _Scanner, people: list[PersonMention]) -> None:
    """"... after the Politburo appointed her Deputy Head of X", "as he has been appointed by
    the Politburo as Y": the office is the person's the pronoun refers to (the nearest one
    named before it, in its sentence or the one before)."""
    keys = scan.keys
    for v in scan.verbs:
        if not _is_election_verb(scan.tokens[v], scan.lex) or v + 2 >= scan.n:
            continue
        if keys[v + 1] in ("him", "her"):
            pronoun, title_at = v + 1, v + 2  # active, the pronoun its object
        else:
            k = v - 1
            while k > 0 and keys[k] in ("been", "was", "is", "has", "had", "have", "be"):
                k -= 1
            if k == v - 1 or keys[k] not in ("he", "she"):
                continue
            pronoun, title_at = k, v + 1  # passive, the pronoun its subject
            if keys[title_at] == "by":  # "appointed by the Politburo as X"
                title_at = next((x for x in range(title_at, scan.sent(v).end - 1)
                                 if keys[x] == "as"), scan.n)
        if title_at < scan.n and keys[title_at] == "as":
            title_at += 1
        parsed = scan.parse_title(title_at) if title_at < scan.n else None
        if parsed is None or not parsed[1] \
                or scan.name_run(scan.skip_honorifics(parsed[0])) > scan.skip_honorifics(parsed[0]):
            continue
        first = min((scan.sent(e - 1).start for e in _earlier_sentence_ends(scan, pronoun, 1)),
                    default=scan.sent(pronoun).start)
        holder = next((p for p in reversed(people) if first <= p.start and p.end <= pronoun),
                      None)
        if holder is not None:
            holder.roles.extend(r for r in parsed[1]
                                if all(r.label != o.label for o in holder.roles))


def _list_body_after(scan: _Scanner, start: int) -> str | None:
    """The body ("the Viet Nam Red Cross Society") of the last title of an election list that
    goes on after `start` ("..., and C and D as Vice Presidents of the society.")."""
    keys = scan.keys
    last_as = max((k for k in range(start, scan.sent(start).end - 1) if keys[k] == "as"),
                  default=None)
    if last_as is None or last_as < start:
        return None
    parsed = scan.parse_title(last_as + 1)
    if parsed is None or not (parsed[1] or parsed[3]):
        return None
    _end, roles = _title_of_the_antecedent(scan, last_as + 1, parsed[0], parsed[1],
                                           bool(parsed[3]))
    owned = [r.label.split(" of ", 1)[1] for r in roles if " of the " in r.label]
    return owned[0] if owned else None


def _aside_end(scan: _Scanner, comma: int) -> int:
    """The comma closing an aside that opens at `comma`: a relative clause about the person
    ("X, who had been Director of Y, as ...") or a membership ("X, member of the Party Central
    Committee, was elected ..."); `comma` itself when none does."""
    keys, k = scan.keys, comma + 1
    if k >= scan.n or not (keys[k] in ("who", "whose")
                           or scan.lex.membership.match(keys, k, skip=False)
                           or (keys[k] in ("a", "an") and k + 1 < scan.n
                               and scan.lex.membership.match(keys, k + 1, skip=False))):
        return comma
    for end in range(k + 1, min(scan.n, k + 20)):
        if keys[end] in (".", ";") or scan.tokens[end].is_sent_start:
            return comma
        if keys[end] == ",":
            return end
    return comma


def _as_after_list(scan: _Scanner, people: list[PersonMention], index: int) -> int | None:
    """"A, B and (Deputy Minister) C as <title>": where the title starts, for A and B, when the
    list of names they open ends with "as"; else None."""
    keys, person = scan.keys, people[index]
    for following in people[index + 1:]:
        gap = range(person.end, following.start)
        if not gap or keys[gap[0]] not in (",", "and") or len(gap) > 5 \
                or any(keys[k] in (".", ";", "as") for k in gap):
            return None
        k = scan.skip_paren(following.end)
        if k + 1 < scan.n and keys[k] == "as":
            return k + 1
        if k + 1 < scan.n and keys[k] == ",":
            # "elected A and B, Head of X, as Deputy Secretaries": past B's own title
            title = scan.parse_title(k + 1, appositive=True)
            if title is not None and title[0] + 2 < scan.n and keys[title[0]] == "," \
                    and keys[title[0] + 1] == "as":
                return title[0] + 2
        person = following
    return None


def _bare_title_of(scan: _Scanner, i: int, body: str):
    """"A and B were elected as Vice Presidents." (no body named): the title in the body of the
    office elected to just before, as a parsed title."""
    lex, keys = scan.lex, scan.keys
    j = i
    while j < scan.n:
        found = lex.modifiers.match(keys, j, skip=False)
        if not found:
            break
        j = found[0]
    head = lex.role_heads.match(keys, j, skip=False)
    if not head or (head[0] < scan.n and keys[head[0]] not in (".", ",", ";", "for", "in")):
        return None
    # a plural title word reads as its singular ("Vice Chairmen" -> "Vice Chairman")
    words = [keys[k].title() if k in scan.plural_at else scan.texts[k]
             for k in range(i, head[0])]
    label = lex.canonical_role(f"{' '.join(words)} of {body}")
    return head[0], [RoleMention(label, scan.doc[i:head[0]].text, 0.75)], [], []


def _is_election_verb(token, lex: Lexicon) -> bool:
    """Whether the token is a form of an election verb: by its lemma, or, for a prefixed word
    the lemmatizer does not know ("re-elected" -> "re-electe"), by its written form."""
    if token.lemma_.lower() in lex.election_verbs or token.lower_ in lex.election_verbs:
        return True
    word = token.lower_
    return any(word.endswith(ending) and word[:-len(ending)] in lex.election_verbs
               for ending in ("ed", "d", "s", "ing"))


def _passive_election(scan: _Scanner, people: list[PersonMention], index: int) -> int | None:
    """"X was elected (as) ...", "A, B and C were elected (as) ...": where the title starts when
    the person (or the list they close or belong to) is the subject of a passive election
    verb."""
    keys, k = scan.keys, people[index].end
    # walk to the end of a list of names: "A, B and C"
    later = people[index + 1:]
    while later and k < scan.n and keys[k] in (",", "and") and later[0].start in (
            k + 1, k + 2, scan.skip_honorifics(k + 1)):  # "and Most Venerable X"
        k = later[0].end
        later = later[1:]
    if k + 1 < scan.n and keys[k] == "," and (not later or later[0].start > k + 2):
        # "X, Deputy Secretary of the city Party Committee, was re-elected Chairman of ...":
        # the person's own title between commas (or one held before: "X, a former Deputy
        # Minister of Health, was elected ...")
        title = scan.parse_title(_past_appositive_lead(scan, k + 1), appositive=True)
        if title is not None and (title[1] or keys[k + 1] in scan.lex.former_office_markers
                                  or keys[k + 2] in scan.lex.former_office_markers) \
                and title[0] < scan.n and keys[title[0]] == ",":
            k = title[0] + 1
        elif (aside := _aside_end(scan, k)) > k:
            k = aside + 1  # "X, member of the Politburo, was elected ..."
    if k + 2 < scan.n and keys[k] in ("was", "were", "is", "are", "has", "have") \
            and keys[k + 1] in ("been",):
        k += 1
    if k + 2 < scan.n and keys[k] in ("was", "were", "is", "are", "been") \
            and _is_election_verb(scan.tokens[k + 1], scan.lex):
        if keys[k + 2] == "as":
            return k + 3
        if scan.texts[k + 2][:1].isupper():
            return k + 2  # "A and B were elected Vice Chairwomen of X" (no "as")
    if k + 2 < scan.n and scan.tokens[k].tag_ in ("VBN", "VBD") and keys[k] != "voted" \
            and _is_election_verb(scan.tokens[k], scan.lex):
        # a headline's reduced passive: "X appointed Minister of Home Affairs"
        if keys[k + 1] == "as":
            return k + 2
        if scan.texts[k + 1][:1].isupper():
            return k + 1
    return None


def _colon_title_list(scan: _Scanner, people: list[PersonMention], colon: int,
                      roles: list[RoleMention], taken: set[int]) -> None:
    """"two Vice Chairpersons of X: A, formerly Director of Y, and B, who had been Z": each
    name of the list after the colon holds the (singular) title; the aside after a name (up
    to the comma before the next name) is about that name."""
    keys, k = scan.keys, colon
    sent_end = scan.sent(colon).end
    while k + 1 < sent_end and keys[k] in (":", ",", ";", "and"):
        holder = _listed_holder(scan, k, roles, [], taken)
        if holder is None:
            return
        people.append(holder)
        taken.update(range(holder.start, holder.end))
        k = holder.end
        if k < sent_end and keys[k] == "," and not _next_list_name(scan, k):
            k = next((x for x in range(k + 1, sent_end - 1)
                      if keys[x] in (",", ";") and _next_list_name(scan, x)), sent_end)


def _next_list_name(scan: _Scanner, comma: int) -> bool:
    """Whether the comma (or semicolon) at `comma` is followed by ("and" and) a full name."""
    at = comma + 1
    if at < scan.n and scan.keys[at] == "and":
        at += 1
    at = scan.skip_honorifics(at)
    return scan.name_run(at) - at >= 2 and scan.parse_title(at) is None


def _plural_title_list(scan: _Scanner, people: list[PersonMention], k: int,
                       roles: list[RoleMention], members: list[str], taken: set[int]) -> int:
    """"Deputy Prime Ministers A, B and C": each name of the list holds the (singular) title."""
    keys = scan.keys
    while k + 1 < scan.n and keys[k] in (",", "and"):
        holder = _listed_holder(scan, k, roles, members)
        if holder is None:
            break
        people.append(holder)
        taken.update(range(k, holder.end))
        k = holder.end
    return k


def _listed_holder(scan: _Scanner, k: int, roles: list[RoleMention], members: list[str],
                   taken: set[int] | frozenset[int] = frozenset()) -> PersonMention | None:
    """The name after the separator at `k` of a list of an office's holders (", ", "and",
    ": "), holding the office, or None where the list ends."""
    keys = scan.keys
    step = k + 1
    if keys[k] in (",", ";") and step < scan.n and keys[step] == "and":
        step += 1
    start = scan.skip_honorifics(step)
    end = scan.name_run(start)
    if end == start or keys[start] in scan.lex.not_name_words \
            or any(x in taken for x in range(start, end)) or scan.parse_title(start) is not None:
        return None
    name = scan.doc[start:end].text
    return PersonMention(start, end, name, name,
                         [RoleMention(r.label, r.surface, r.confidence, r.country) for r in roles],
                         list(members), short=end - start == 1)


def _roles_of_antecedent(scan: _Scanner, start: int, end: int, roles: list[RoleMention],
                         hints: list[str]) -> list[RoleMention]:
    """"a delegation of the X Association led by its President Y": a title after "its" that
    names no body of its own is the title in the organisation just mentioned."""
    if any(" of " in r.surface or " to " in r.surface for r in roles):
        return roles
    org = _delegation_org(scan, start) or _antecedent_org(scan, start)
    if org is None:
        return roles
    label, country = org
    outer = _outer_org(scan, start, label)
    if outer is not None:
        label = outer  # "the X Friendship Group of the French Senate led by its President"
    surface = scan.doc[start - 1:end].text
    # "its President and CEO": each head is an office of the organisation
    heads = scan.doc[start:end].text.split(" and ")
    titles = [" ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in head.split())
              for head in heads]
    return [RoleMention(f"{title} of the {label}", surface, 0.8, country) for title in titles]


def _title_of_the_antecedent(scan: _Scanner, start: int, end: int, roles: list[RoleMention],
                             hinted: bool = False) -> tuple[int, list[RoleMention]]:
    """"Marc Delorme, Vice President of the group": a title followed by "of the <organisation
    word>" in lower case is the title in the organisation of that kind named before (in this
    sentence or the ones before it); without one, the title names no office we know."""
    k = end
    if not (roles or hinted) or k + 2 >= scan.n or scan.keys[k] != "of" \
            or scan.keys[k + 1] != "the" \
            or not scan.texts[k + 2].islower() or scan.keys[k + 2] not in scan.lex.org_heads \
            or (k + 3 < scan.n and _is_name_token(scan.texts[k + 3])
                and scan.name_run(k + 3) - (k + 3) < 2):
        return end, roles  # (a name may follow: "Deputy Chairman of the commission X Y")
    head = scan.keys[k + 2]
    # a plural title word reads as its singular ("Vice Presidents" -> "Vice President")
    title = " ".join(scan.keys[x].title() if x in scan.plural_at else scan.texts[x]
                     for x in range(start, end))
    for before in (start, *_earlier_sentence_ends(scan, start, 3)):
        label = _antecedent_org_ending(scan, before, head)
        if label is not None:
            return k + 3, [RoleMention(f"{title} of the {label}", scan.doc[start:k + 3].text,
                                       0.75, None)]
    return k + 3, []


def _outer_org(scan: _Scanner, before: int, inner: str) -> str | None:
    """"the France – Vietnam Friendship Group of the French Senate": the organisation whose
    name ends in "of the <inner>", nearest before `before` in the sentence."""
    sent_start = scan.sent(before).start
    for k in range(before - 3, sent_start - 1, -1):
        if scan.texts[k][:1].isupper() and scan.keys[k] in scan.lex.org_heads \
                and scan.keys[k + 1] == "of" and scan.keys[k + 2] == "the":
            label = _antecedent_org_ending(scan, k + 1, scan.keys[k])
            if label is not None and label.endswith(inner) and " of the " in label:
                return label
    return None


def _earlier_sentence_ends(scan: _Scanner, start: int, count: int) -> list[int]:
    """The end tokens of up to `count` sentences before the one holding `start`."""
    ends, sent = [], scan.sent(start)
    while len(ends) < count and sent.start > 0:
        sent = scan.sent(sent.start - 1)
        ends.append(sent.end)
    return ends


def _antecedent_org_ending(scan: _Scanner, before: int, head: str) -> str | None:
    """The nearest organisation of the sentence before `before` whose name's last word is
    `head` ("group"), ignoring what follows it ("... Friendship Group of the French Senate")."""
    sent_start = scan.sent(before - 1).start if before > 0 else 0
    for k in range(before - 1, sent_start - 1, -1):
        body = scan.body_at.get(k)
        if body is not None and body.type is EntityType.ORGANIZATION \
                and phrase_keys(body.label)[-1:] == [head]:
            return body.label
        if scan.keys[k] == head and scan.texts[k][:1].isupper() and k - 2 >= sent_start \
                and scan.keys[k - 1] in ("'s", "’s") and _is_name_token(scan.texts[k - 2]):
            # "the Party Central Committee's Commission for Propaganda and Mass Mobilisation"
            owner = k - 2
            while owner > sent_start and _is_name_token(scan.texts[owner - 1]):
                owner -= 1
            owner += scan.keys[owner] == "the"  # "The National Assembly's ..." opening a sentence
            return scan.doc[owner:scan.org_run(k)].text
        if scan.keys[k] == head and scan.texts[k][:1].isupper():
            first = k
            while first > sent_start and (
                    _is_name_token(scan.texts[first - 1]) or scan.texts[first - 1] in _DASHES):
                first -= 1
            if k - first >= 1 and scan.texts[first] not in _DASHES:
                end = k + 1
                if end + 2 < scan.n and scan.keys[end] == "of" and scan.keys[end + 1] == "the":
                    tail_end = scan.proper_run(end + 2)
                    tail = scan.doc[end + 2:tail_end].text
                    if tail_end + 3 < scan.n and scan.texts[tail_end] == "(" \
                            and _ACRONYM.match(scan.texts[tail_end + 1]) \
                            and scan.texts[tail_end + 2] == ")" \
                            and _is_name_token(scan.texts[tail_end + 3]):
                        # "... Party (LPRP) Central Committee": the name goes on after its
                        # acronym, which is no word of it
                        more = scan.proper_run(tail_end + 3)
                        tail = f"{tail} {scan.doc[tail_end + 3:more].text}"
                        tail_end = more
                    if any(scan.keys[x] in scan.lex.org_heads for x in range(end + 2, tail_end)):
                        # "... Friendship Group of the French Senate"
                        return f"{scan.doc[first:end].text} of the {tail}"
                return scan.doc[first:end].text
    return None


def _delegation_org(scan: _Scanner, title: int) -> tuple[str, str | None] | None:
    """"a delegation of the Organisation Department of the Communist Party of China (CPC)
    Central Committee led by its Deputy Head X": the whole name between "delegation of" and "led
    by its" is what "its" names (the known "Central Committee" inside it is China's, not
    Vietnam's); its acronyms in brackets are left out of the label."""
    keys, texts = scan.keys, scan.texts
    led = title - 3
    if led < 3 or keys[led:title] != ["led", "by", "its"]:
        return None
    k = led
    while k > 0 and (_is_name_token(texts[k - 1]) or _ACRONYM.match(texts[k - 1])
                     or keys[k - 1] in ("of", "the", "(", ")", "and", "'s")) and led - k < 16:
        k -= 1
    if k < 1 or keys[k - 1] not in ("delegation", "delegations") or keys[k] != "of":
        return None
    while k < led and keys[k] in ("of", "the"):
        k += 1
    if k == led:
        return None
    label = re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)", "", scan.doc[k:led].text)
    country = next((str(found[1]) for t in range(k, led)
                    if (found := scan.lex.countries.match(keys, t))), None)
    return label, None if country == scan.lex.home_country else country


def _antecedent_org(scan: _Scanner, before: int) -> tuple[str, str | None] | None:
    """The nearest organisation named earlier in the sentence (known body or NER ORG)."""
    sent_start = scan.sent(before).start
    best: tuple[int, str, str | None] | None = None
    for k in range(before - 1, sent_start - 1, -1):
        body = scan.body_at.get(k)
        if body is not None and body.type is EntityType.ORGANIZATION:
            country = None
            first = body.start
            if first > 0 and scan.keys[first - 1] in scan.lex.demonyms:
                country = scan.lex.demonyms[scan.keys[first - 1]]
                first -= 1
            if country and country != scan.lex.home_country:
                best = (k, scan.doc[first:body.end].text, country)
            else:
                best = (k, body.label, None)
            break
    for ent in scan.ents:
        if ent.label_ == "ORG" and sent_start <= ent.start and ent.end <= before \
                and (best is None or ent.end - 1 > best[0]) \
                and any(scan.keys[k] in scan.lex.org_heads for k in range(ent.start, ent.end)):
            tokens = [t for t in ent if t.lower_ != "the"]
            text = scan.doc[tokens[0].i:tokens[-1].i + 1].text
            country = scan.lex.demonyms.get(scan.keys[tokens[0].i])
            best = (ent.end - 1, text, None if country == scan.lex.home_country else country)
    return None if best is None else (best[1], best[2])


def _commemorated(scan: _Scanner, start: int, name: str, roles: list[RoleMention],
                  name_end: int | None = None) -> bool:
    """"offered incense to President Ho Chi Minh", "the statue of ...": a historical figure
    named by a past office. The text is the source of truth: a title stated in the present is
    never vetoed by the curated office-holder list; that list only confirms a historical
    reading ("founded by President X in 1959": a past year in the clause, and every tenure of X
    ended before the article's date)."""
    if not roles:
        return False
    back = scan.keys[max(0, start - 5):start][::-1]
    if back and scan.lex.commemorative_cues.match(back, 0, skip=False):
        return True
    if name_end is not None and name_end + 1 < scan.n and scan.keys[name_end] == "'s":
        # "President Ho Chi Minh's Mausoleum": the cue "mausoleum of" the other way round
        for length in (1, 2, 3):
            noun = ["of", *scan.keys[name_end + 1:name_end + 1 + length][::-1]]
            found = scan.lex.commemorative_cues.match(noun, 0, skip=False)
            if found is not None and found[0] == len(noun):
                return True
    # "the house where President X lived": a past residence, with no year needed.
    if back and back[0] == "where" and name_end is not None and name_end < scan.n:
        verb = scan.tokens[name_end]
        if verb.tag_ in ("VBD", "VBN") and verb.lemma_.lower() in \
                scan.lex.historical_residence_verbs:
            return True
    day = scan.doc.user_data.get("dg_date") if scan.doc.user_data else None
    if day is None or not _past_year_in_clause(scan, start, name_end or start + 1, day):
        return False
    key = token_key(name)
    tenures = [t for t in scan.lex.tenures if token_key(t.label) == key]
    return bool(tenures) and all(t.end is not None and t.end < day for t in tenures)


_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_ROMAN = re.compile(r"^(?=[IVX]{2,5}$)X{0,3}(?:IX|IV|V?I{0,3})$")  # "VIII"; not "I" alone
_YEAR_RANGE = re.compile(r"^(?:19|20)\d\d[–—-](?:19|20)\d\d$")


def _past_year_in_clause(scan: _Scanner, start: int, end: int, day: dt.date) -> bool:
    """A year before the article's year near the mention, with no clause break in between."""
    sent = scan.sent(start)
    for k in range(max(sent.start, start - 12), min(sent.end, end + 12)):
        text = scan.texts[k]
        if not _YEAR.match(text) or int(text) >= day.year:
            continue
        lo, hi = (k, start) if k < start else (end, k)
        if not any(scan.keys[j] in scan.lex.clause_breaks for j in range(lo, hi)):
            return True
    return False


def _inside_name(scan: _Scanner, body: BodyMention) -> bool:
    """"Hue" in "Vuong Dinh Hue" is a name, not the city."""
    if body.type is EntityType.ORGANIZATION or body.start == 0 \
            or (body.end - body.start > 1 and body.type is not EntityType.PLACE):
        return False
    previous = scan.tokens[body.start - 1]
    return _is_name_token(previous.text) and not previous.is_sent_start \
        and previous.i not in scan.in_body


def _name_ends_at(scan: _Scanner, end: int) -> bool:
    """A name the rules have not reached yet ends at `end` ("Pham Van Dung, Ambassador to X and
    head of Y, and ..."): a model PERSON or a run opened by a Vietnamese family name."""
    if end in scan.person_ent_ends:
        return True
    start = end
    while start > 0 and end - start < 4 and _is_name_token(scan.texts[start - 1]) \
            and start - 1 not in scan.in_body:
        start -= 1
    return end - start >= 2 and scan.keys[start] in scan.lex.surnames \
        and scan.name_run(start) >= end


def _title_can_start(scan: _Scanner, i: int) -> bool:
    """A body can open a title ("NA Chairman", "Politburo member"), unless it is a place that
    ends a longer name ("Victoria University of Wellington Vice-Chancellor X": the office is
    the university's, not Wellington's)."""
    body = scan.body_at.get(i)
    if body is None or body.start != i:
        return False
    return not (body.type is EntityType.PLACE and i >= 2 and scan.keys[i - 1] == "of"
                and _is_name_token(scan.texts[i - 2]))




def _runs_after_person_nouns(scan: _Scanner) -> list[Span]:
    """"his Lao counterpart Sonexay Siphandone": a name after a noun that stands for a person."""
    runs = []
    for i in range(scan.n - 2):
        if scan.keys[i] in scan.lex.person_nouns:
            end = scan.name_run(i + 1, limit=4)
            if end - (i + 1) >= 2:
                runs.append(scan.doc[i + 1:end])
    return runs


def _runs_after_honorifics(scan: _Scanner) -> list[Span]:
    """"Colonel Ngo Minh Tri", "Dr Trinh Thu Ha": a name of two or more words after an
    honorific or rank (names the model missed or cut)."""
    runs = []
    openers = scan.lex.titles_before_names.root
    for i in range(scan.n - 2):
        found = scan.lex.titles_before_names.match(scan.keys, i, skip=False) \
            if scan.keys[i] in openers else None  # most words open no honorific
        if not found or (i > 0 and scan.lex.titles_before_names.match(scan.keys, i - 1,
                                                                      skip=False)):
            continue
        start = scan.skip_honorifics(i)
        if start == i:
            continue
        end = scan.name_run(start, limit=4)
        if end - start >= 2:
            runs.append(scan.doc[start:end])
    return runs


def _runs_from_surnames(scan: _Scanner) -> list[Span]:
    """"Đỗ Minh Hưng, Secretary of ...": three or four name words opened by a Vietnamese family
    name are a name, also where the model typed them a place or an organisation."""
    runs = []
    for i in range(scan.n - 2):
        if scan.keys[i] not in scan.lex.surnames or not scan.texts[i][:1].isupper() \
                or (i > 0 and _is_name_token(scan.texts[i - 1])
                    and not scan.tokens[i - 1].is_sent_start and i - 1 not in scan.in_body
                    and not _is_title_word(scan, i - 1)):  # "expel from the Party X Y Z"
            continue
        end = scan.name_run(i, limit=4)
        if end - i >= 3 and scan.name_run(i, limit=5) == end \
                and not any(_is_title_word(scan, k) for k in range(i, end)):
            runs.append(scan.doc[i:end])  # a longer run is some other name ("... Relic Site")
    return runs


def _is_title_word(scan: _Scanner, i: int) -> bool:
    lex, keys = scan.lex, scan.keys
    return bool(lex.titles_before_names.match(keys, i, skip=False)
                or lex.role_heads.match(keys, i, skip=False)
                or lex.modifiers.match(keys, i, skip=False) or keys[i] in lex.demonyms
                or keys[i] in lex.not_name_words)


def _family_name_start(scan: _Scanner, start: int) -> int:
    """The model often leaves a Vietnamese family name out of a name after a rank ("General
    [Vu] Quoc Khanh"): take back up to two name words that are not titles."""
    for _ in range(2):
        k = start - 1
        if k < 0 or k in scan.in_body or not _is_name_token(scan.texts[k]) \
                or _is_title_word(scan, k) or "\n" in scan.tokens[k].whitespace_:
            break
        if scan.tokens[start].is_sent_start:
            break
        if scan.tokens[k].is_sent_start and scan.keys[k] not in scan.lex.surnames:
            break
        start = k
    return start


def _is_place(scan: _Scanner, start: int, end: int) -> bool:
    """"Tam Duong district", "Ma Lu Thang border gate", "the provinces of Ha Giang and Cao Bang":
    a capitalised name before a place word or after "provinces of" is a place; so is a name
    ending in one ("Ban Gioc Waterfall", "Perfume Pagoda")."""
    if end - start >= 2 and scan.lex.place_words.match(scan.keys, end - 1, skip=False):
        return True
    return place_word_after(scan, end) is not None or _after_place_list(scan, start)


def place_word_after(scan: _Scanner, end: int) -> int | None:
    """End of the place word ("district", "border gate") right after `end`, or None."""
    if end >= scan.n or scan.texts[end][:1].isupper():
        return None
    found = scan.lex.place_words.match(scan.keys, end, skip=False)
    return found[0] if found else None


def _after_place_list(scan: _Scanner, start: int) -> bool:
    keys = scan.keys
    k = start - 1
    # walk back over a list "of A, B and C"
    while k >= 0 and (keys[k] in (",", "and") or _is_name_token(scan.texts[k])):
        k -= 1
    lead_end = k + 1
    return any(_place_list_lead(scan, j) == lead_end for j in range(max(1, k - 1), k + 1))




def _place_list_lead(scan: _Scanner, i: int) -> int | None:
    """Where the names start when a place-list lead begins at `i` (after a plural place word)."""
    if i < 1 or scan.keys[i - 1] not in scan.lex.place_list_words:
        return None
    for lead in scan.lex.place_list_leads:
        if tuple(scan.keys[i:i + len(lead)]) == lead:
            return i + len(lead)
    return None


def _join_modifiers(words: list[str]) -> str:
    """"Deputy", "Vice-", "Minister of X" -> "Deputy Vice-Minister of X"."""
    return "".join(w if w.endswith("-") else f"{w} " for w in words[:-1]) + words[-1]


def _is_name_piece(scan: _Scanner, k: int) -> bool:
    """A name word, or a piece of a hyphenated given name glued to one ("Hyun-soo": "-",
    "soo"; "Jean-Luc": "-")."""
    if _is_name_token(scan.texts[k]):
        return True
    texts, tokens = scan.texts, scan.tokens
    if texts[k] == "-":
        # ("Jean-Luc": two capitalised given names joined)
        return 0 < k < scan.n - 1 and not tokens[k - 1].whitespace_ \
            and not tokens[k].whitespace_ and _is_name_token(texts[k - 1]) \
            and (_is_syllable(scan, k + 1) or _is_name_token(texts[k + 1]))
    return k >= 2 and texts[k - 1] == "-" and _is_syllable(scan, k) \
        and _is_name_piece(scan, k - 1)


def _is_syllable(scan: _Scanner, k: int) -> bool:
    """A lower-case given-name syllable after a hyphen ("soo"), not a suffix ("based")."""
    text = scan.texts[k]
    return text.isalpha() and text.islower() and not text.endswith(("ed", "ing")) \
        and scan.keys[k] not in scan.lex.hyphen_suffix_words


def _name_words(scan: _Scanner, start: int, end: int) -> int:
    """How many words the name pieces from `start` to `end` make ("Kim Hyun-soo": two)."""
    return sum(1 for k in range(start, end) if _is_name_token(scan.texts[k]))


def _appositive_runs(scan: _Scanner) -> list[Span]:
    """Capitalised runs followed by ", who is/was sworn in as ..." or by an appositive title
    with no name after it ("talks with Maria Lopez, Vice President of Paraguay and ..."): names
    the model missed."""
    doc, keys, lex = scan.doc, scan.keys, scan.lex
    runs = []
    for i in range(1, scan.n - 2):
        if keys[i] != ",":
            continue
        j = i
        while j > 0 and _is_name_piece(scan, j - 1) and i - j < 6:
            j -= 1
        if i - j < 2 or not _is_name_token(scan.texts[j]):
            continue
        if keys[i + 1] == "who":
            runs.append(doc[j:i])
        elif _name_words(scan, j, i) <= 3 and not any(
                k in scan.in_body or keys[k] in lex.not_name_words or keys[k] in lex.org_heads
                or keys[k] in lex.demonyms or _is_title_word(scan, k) for k in range(j, i)):
            parsed = scan.parse_title(i + 1, appositive=True)
            if parsed is not None and parsed[1]:
                after = scan.skip_honorifics(parsed[0])
                if scan.name_run(after) == after:
                    runs.append(doc[j:i])
    return runs


def resolve_short_names(people: list[PersonMention], lex: Lexicon, day,
                        orphan_titles: frozenset[str] | set[str] = frozenset()) -> None:
    """Link "Hà", "Son", "Chairman Hue", "Cam Tu" to a full name in the article, else, when the
    text gives a title, to a known office holder (people.tsv) whose given name, title and tenure
    fit."""
    full = [p for p in people if not p.short and len(p.name.split()) >= 2]
    for person in people:
        words = [token_key(w) for w in person.name.split()]
        candidates = [f for f in full if f is not person and len(f.name.split()) > len(words)
                      and (_name_keys(f)[-len(words):] == words
                           or (_given_name_first(f, lex) and _name_keys(f)[:1] == words))]
        if candidates:
            before = [c for c in candidates if c.start < person.start]
            chosen = (before or candidates)[-1] if before else candidates[0]
            person.name = chosen.name
            person.short = False
            continue
        if len(words) > 1 and not person.short:
            continue
        # The curated list completes a short name only when the text also gives the title: next
        # to the name, else a title without a name elsewhere ("President meets ... Thuong asked").
        hinted = {lex.canonical_role(h) for h in person.hint_roles}
        hinted |= {r.label for r in person.roles}
        known = [t for t in lex.tenures if token_key(t.label.split()[-1]) == words[-1]
                 and t.covers(day)]
        if hinted:
            confidence = 0.75
            known = [t for t in known if t.role in hinted or any(
                h.split()[0].lower() in t.role.lower() for h in hinted)]
        else:
            confidence = 0.65
            known = [t for t in known if t.role in orphan_titles]
        names = sorted({t.label for t in known})
        if len(names) == 1:
            person.name = names[0]
            person.short = False
            person.confidence = min(person.confidence, confidence)


def _name_keys(person: PersonMention) -> list[str]:
    return [token_key(w) for w in person.name.split()]


def _given_name_first(person: PersonMention, lex: Lexicon) -> bool:
    """Names not in Vietnamese order ("Anwar Ibrahim", "Fadillah Yusof") are referred to by
    their first word as well."""
    words = _name_keys(person)
    return len(words) >= 2 and words[0] not in lex.surnames


def find_bare_names(scan: _Scanner, people: list[PersonMention], lex: Lexicon, day) -> None:
    """Single capitalised words that are the given name of someone already named in the article
    ("Son said", "Hà underscored"), or, as a clause subject, of the one known office holder whose
    title the text gives without a name. A bare given name alone never names a listed holder."""
    taken = {k for p in people for k in range(p.start, p.end)}
    given = {token_key(p.name.split()[-1]): p for p in people if len(p.name.split()) >= 2}
    for person in people:
        if _given_name_first(person, lex):
            given.setdefault(_name_keys(person)[0], person)
    for i, text in enumerate(scan.texts):
        if i in taken or i in scan.in_body or not _is_name_token(text):
            continue
        token = scan.tokens[i]
        if i + 1 < scan.n and _is_name_token(scan.texts[i + 1]):
            continue
        if i > 0 and _is_name_token(scan.texts[i - 1]) and not scan.tokens[i - 1].is_sent_start:
            continue
        key = scan.keys[i]
        if key in lex.not_name_words or key in lex.demonyms \
                or _after_place_cue(scan, i, i + 1) or _place_by_context(scan, i, i + 1):
            continue  # "receives the Consul General in Vinh": the city, not Mr Vinh
        subject = token.dep_ in ("nsubj", "nsubjpass", "pobj") or token.ent_type_ == "PERSON"
        if key in given:
            if token.dep_ == "compound" and not subject:
                continue
            people.append(PersonMention(i, i + 1, given[key].name, token.text, short=False,
                                        confidence=0.75))
        elif subject and token.dep_ != "pobj" and day is not None:
            # Only with the holder's title in the text too ("President meets ... Thuong said").
            known = sorted({t.label for t in lex.tenures if t.role in scan.orphan_titles
                            and token_key(t.label.split()[-1]) == key and t.covers(day)})
            if len(known) == 1:
                people.append(PersonMention(i, i + 1, known[0], token.text, confidence=0.65))
    people.sort(key=lambda p: p.start)


# --- documents ------------------------------------------------------------------------------

_DOC_NUMBER = re.compile(
    r"\b(?P<number>\d{1,5}(?:/\d{4})?(?:[-/](?:[A-ZĐ][A-ZĐa-z]{0,14}\d*))+)(?![\w/-])")
_DATED = re.compile(r"^\s*,?\s*dated\s+")
# "Conclusion X of the Secretariat, dated March 5, 2027": the issuer between number and date
_OF_ISSUER_DATED = re.compile(r"^\s+of\s+(?:the\s+)?[A-Z][\w'’ ]{1,80}?,\s*dated\s+")
_TWO_CAPITALS = re.compile(r"[A-ZĐ]{2,}")
_ORDINAL_KEY = re.compile(r"\d+(?:st|nd|rd|th)")
# The past forms that issue a document, in the regular expressions below.
_ISSUED = "(?:issued|adopted|signed|promulgated|approved|passed)"
_ISSUE_VERB_AT_END = re.compile(r"\b(issued|adopted|signed|promulgated|passed)(\s+the)?\s*$")


def find_documents(scan: _Scanner, bodies: list[BodyMention]) -> list[DocumentMention]:
    doc, lex = scan.doc, scan.lex
    text = scan.text
    kinds = lex.document_kinds
    kind_re = lex.document_kind_pattern
    found: list[DocumentMention] = []
    for match in _DOC_NUMBER.finditer(text):
        number = match.group("number")
        if not _TWO_CAPITALS.search(number):
            continue
        before = text[max(0, match.start() - 40):match.start()]
        kind_match = kind_re.search(before)
        suffix = next(((issuer, kind) for pattern, issuer, kind in lex.document_suffixes
                       if pattern.search(number)), None)
        if kind_match is None and suffix is None:
            continue
        kind = kinds[kind_match.group("kind")] if kind_match else suffix[1]
        start_char = match.start() - (len(before) - kind_match.start()) if kind_match \
            else match.start()
        span = doc.char_span(start_char, match.end(), alignment_mode="expand")
        if span is None:
            continue
        mention = DocumentMention(span.start, span.end, number, kind)
        after = text[match.end():match.end() + 300]
        dated = _DATED.match(after) or _OF_ISSUER_DATED.match(after)
        if dated:

            date_match = DATE_PATTERN.match(after, dated.end())
            if date_match:
                mention.date_text = date_match.group(0)
        mention.issuer, mention.issuer_from_text, mention.co_issuers = _issuer_after(scan,
                                                                                    span.end)
        if mention.issuer is None:
            mention.issuer, mention.issuer_from_text = _issuer(scan, span, bodies)
        if mention.issuer is None and suffix is not None:
            mention.issuer = suffix[0] or None
        found.append(mention)
    taken = {k for m in found for k in range(m.start, m.end)}
    # ("Joint Resolution No. 9/...": the numbered document's words name no second one)
    named = [m for m in _named_documents(scan)
             if not any(k in taken for k in range(m.start, m.end))]
    for mention in named:
        prefix = lex.bodies.match(scan.keys, mention.start, skip=False)
        if prefix is not None and prefix[0] < mention.end and mention.kind in lex.adopted_kinds \
                and lex.body_by_label[str(prefix[1])].type is EntityType.ORGANIZATION:
            mention.issuer, mention.issuer_from_text = str(prefix[1]), True  # "ILO Convention"
        elif mention.kind != "Treaty":
            # "the National Assembly passed the Law on X": the subject of the issuing verb;
            # "the Land Law, passed by the National Assembly on ...": the agent after it
            mention.issuer, mention.issuer_from_text = _issuer(
                scan, doc[mention.start:mention.end], bodies)
            if mention.issuer is None:
                issuer, from_text, _co_issuers = _issuer_after(scan, mention.end)
                if from_text:
                    mention.issuer, mention.issuer_from_text = issuer, True
    found = _number_named_documents(scan, found, named) + named
    found.sort(key=lambda m: m.start)
    own_dates = {id(m) for m in found if m.date_text}  # "dated ...": that document's only
    topic_plans: list[tuple[DocumentMention, DocumentMention]] = []
    for index, mention in enumerate(found):
        limit = found[index + 1].start if index + 1 < len(found) else scan.n
        # "on the action plan to implement Resolution 68-NQ/TW": a document the topic's verb
        # names is part of the topic
        embedded = None
        if index + 1 < len(found) and limit >= 2 and _implements_next(scan, limit):
            embedded = range(found[index + 1].start, found[index + 1].end)
            limit = found[index + 2].start if index + 2 < len(found) else scan.n
        elif mention.number is not None and index + 1 < len(found) \
                and _plan_in_topic(scan, mention, found[index + 1]):
            # "Decision 768/QD-TTg on the adjusted National Power Development Plan": the plan
            # the decision approves is what it is on
            topic_plans.append((mention, found[index + 1]))
            limit = found[index + 2].start if index + 2 < len(found) else scan.n
        if mention.number is not None:
            topic_from = mention.end
            # "signed Decision No. 5/QD-TTg on March 1, 2025 on X": the date, then the topic.
            last = scan.tokens[mention.end - 1]
            on_date = _ON_DATE.match(text[last.idx + len(last):]) \
                or _ON_DAY_BEFORE_TOPIC.match(text[last.idx + len(last):])
            if on_date and mention.date_text is None:
                mention.date_text = on_date.group("date")
                own_dates.add(id(mention))
                after = last.idx + len(last) + on_date.end()
                topic_from = next((t.i for t in scan.tokens[mention.end:limit]
                                   if t.idx >= after), limit)
            clause = _relative_issue_clause(scan, mention, bodies, limit)
            if clause is not None:
                topic_from = clause
                own_dates.add(id(mention))
            topic = _topic(scan, topic_from, limit,
                           ("on", "guide") if clause is not None else ("on",), embedded)
            issue_clause = _issue_clause_after(scan, mention.end, limit) \
                if topic is None and clause is None else None
            if issue_clause is not None:
                # "Decree X, issued by the Government on July 30 on Y": the topic follows
                # the issuing clause's date
                topic = _topic(scan, issue_clause[1], limit, ("on",), embedded)
                if topic is not None and mention.date_text is None:
                    mention.date_text = issue_clause[0]
                    own_dates.add(id(mention))
            if topic is not None or mention.name is None:
                mention.topic = topic
                # (scan.topic_end is the last topic found, maybe another document's)
                mention.topic_end = scan.topic_end if topic is not None else None
            if topic is not None and not mention.issuer_from_text:
                # "Resolution X on Y was adopted by the Party Central Committee on ...": the
                # text's issuer after the topic beats the number's suffix
                issuer, from_text, co_issuers = _issuer_after(scan, mention.topic_end)
                if from_text:
                    mention.issuer, mention.issuer_from_text = issuer, True
                    mention.co_issuers = co_issuers
        if mention.date_text is None:
            mention.date_text = _date_after(scan, mention.topic_end or mention.end, limit)
            if mention.date_text:
                own_dates.add(id(mention))
        if mention.date_text is None and mention.number is None and _issued_object(scan, mention):
            # "the National Assembly adopted the Law on X on June 2, 2026"
            last = scan.tokens[mention.end - 1]
            after = text[last.idx + len(last):]
            on_date = _ON_DATE.match(after) or _ON_DAY_AT_END.match(after)
            if on_date:
                mention.date_text = on_date.group("date")
                own_dates.add(id(mention))
        if mention.date_text is None:
            mention.date_text = _date_before(scan, mention.start)
        previous = found[index - 1] if index else None
        # "adopted Resolution X on A and Law Y on B": one date for both.
        if mention.date_text is None and previous is not None and previous.date_text \
                and id(previous) not in own_dates \
                and mention.start > 0 and scan.keys[mention.start - 1] == "and" \
                and scan.sent(previous.start) == scan.sent(mention.start):
            mention.date_text = previous.date_text
    found = _without_topic_plans(found, topic_plans)
    _named_by_topic(found)
    _anaphoric_dates(scan, found)
    return found


def _named_by_topic(found: list[DocumentMention]) -> None:
    """"Law No. 41/2027/QH16 on Civil Judgement Enforcement" after "the Law on Civil Judgement
    Enforcement (amended)": a numbered document whose kind and topic make the name of a named
    one in the article is that document (it takes the name, the name takes the number)."""
    names = {_name_key(m.name): m.name for m in found
             if m.number is None and m.name and " on " in m.name}
    for mention in found:
        if mention.number is None or mention.name or not mention.topic:
            continue
        name = names.get(_name_key(f"{mention.kind} on {mention.topic}"))
        if name is not None:
            mention.name = name


_TOPIC_LEAD = re.compile(r"\bon(?:\s+[A-Za-z][\w-]*){0,4}\s*$")


def _plan_in_topic(scan: _Scanner, mention: DocumentMention, plan: DocumentMention) -> bool:
    """Whether a named plan opens the "on ..." topic of the numbered document before it."""
    if plan.number is not None or plan.kind != "Plan" or plan.start <= mention.end:
        return False
    between = scan.doc[mention.end:plan.start]
    return not any(t.is_sent_start or t.text in (".", ";") for t in between) \
        and _TOPIC_LEAD.search(between.text + " ") is not None


def _without_topic_plans(found: list[DocumentMention],
                         topic_plans: list[tuple[DocumentMention, DocumentMention]]
                         ) -> list[DocumentMention]:
    """Drop a named plan that only ever stands inside a numbered document's topic: the topic
    is the plan; a plan the article also names on its own stays a document."""
    inside = {id(plan) for owner, plan in topic_plans
              if owner.topic_end is not None and owner.topic_end >= plan.end}
    elsewhere = {_name_key(m.name) for m in found
                 if m.name is not None and id(m) not in inside}
    return [m for m in found if id(m) not in inside
            or _name_key(m.name or "") in elsewhere]


_NUMBERED_AS = re.compile(r"^\s*(?:\([^)]{1,24}\)\s*)?,?\s*(?:(?:which|that)\s+(?:is|was)\s+)?"
                          r"(?:numbered(?:\s+as)?|No\.?)\s*$")


_APPOSITIVE_NUMBER = re.compile(r"^\s*[(,]\s*$")


def _number_named_documents(scan: _Scanner, numbered: list[DocumentMention],
                            named: list[DocumentMention]) -> list[DocumentMention]:
    """"the Law on Cultural Property (amended), which is numbered 12/2024/QH15": the number in
    the relative clause is the named law's; one document, not two."""
    text, kept = scan.text, []
    for mention in numbered:
        start_char = scan.tokens[mention.start].idx
        owner = next((n for n in named if n.number is None and n.end <= mention.start
                      and _NUMBERED_AS.match(text[scan.tokens[n.end - 1].idx
                                                  + len(scan.tokens[n.end - 1]):start_char])), None)
        # "the Capital Law (Law No. 39/2024/QH15)", "the Land Law, Law No. 31/2024/QH15": a
        # number of the same kind right after the name, in brackets or in apposition
        appositive = next((n for n in named if n.number is None and n.kind == mention.kind
                           and n.end < mention.start
                           and _APPOSITIVE_NUMBER.match(text[scan.tokens[n.end - 1].idx
                                                             + len(scan.tokens[n.end - 1]):
                                                             start_char])), None)
        if owner is None and appositive is not None:
            owner = appositive
            close = mention.end
            if close < scan.n and scan.keys[close] == ")" and scan.keys[owner.end] == "(":
                close += 1
            owner.end = close  # what follows (", adopted by ... on ...") is the whole name's
        if owner is None:
            kept.append(mention)
            continue
        owner.number = mention.number
        owner.forms.append(owner.name or "")
        owner.issuer = owner.issuer or mention.issuer
        owner.issuer_from_text = owner.issuer_from_text or mention.issuer_from_text
        owner.date_text = owner.date_text or mention.date_text
    return kept


_ON_DATE = re.compile(rf"^\s+on\s+(?P<date>{MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}"
                      rf"|\d{{1,2}}\s+{MONTH_NAME}\s+\d{{4}})")
# "issued Decree X on January 20 on the management of ...": a day without a year (the
# article's year), then the topic
_ON_DAY_BEFORE_TOPIC = re.compile(rf"^\s+on\s+(?P<date>{MONTH_NAME}\s+\d{{1,2}})(?=\s+on\s)")
# "adopted the Law on X on June 2.": a day without a year that ends the clause
_ON_DAY_AT_END = re.compile(rf"^\s+on\s+(?P<date>{MONTH_NAME}\s+\d{{1,2}})(?!\d)(?=\s*[,.;])")
_ISSUED_AFTER = re.compile(r"^\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were|had\s+been)\s+)?"
                           + _ISSUED
                           + r"(?:\s+by\s+(?:the\s+)?[A-Za-z0-9][^,.;]{0,60}?)?\s+on\s+")


def _issue_clause_after(scan: _Scanner, end: int, limit: int) -> tuple[str, int] | None:
    """"..., issued by the Politburo on December 22, 2024", "which was issued on ...": the date
    and the token after it (where a topic may follow: "... on July 30 on the management of
    ..."), or None."""

    if end >= scan.n or end > limit:
        return None
    start_char = scan.tokens[end - 1].idx + len(scan.tokens[end - 1])
    tail = scan.text[start_char:start_char + 160]
    issued = _ISSUED_AFTER.match(tail)
    if issued is None:
        return None
    date_match = DATE_PATTERN.match(tail, issued.end())
    if date_match is None:
        return None
    after = start_char + date_match.end()
    following = next((t.i for t in scan.tokens[end:limit] if t.idx >= after), limit)
    return date_match.group(0), following


def _date_after(scan: _Scanner, end: int, limit: int) -> str | None:
    clause = _issue_clause_after(scan, end, limit)
    return clause[0] if clause else None


_ISSUER_LEAD = re.compile(r"^(?:,\s*)?(?:(?:which|that)\s+)?(?:(?:was|were|had\s+been)\s+)?"
                          + _ISSUED + r"\s+by$")


def _issuer_after(scan: _Scanner, end: int) -> tuple[str | None, bool, list[str]]:
    """"Directive No. 45-CT/TW of the Politburo", "45-CT/TW, issued by the Politburo on ...",
    "... of the Politburo and the Secretariat": the text names the issuer(s), which always beats
    the number's suffix."""
    k = end
    if k < scan.n and scan.keys[k] == "of":
        k += 1
    else:
        # ", dated May 2, 2025, of the ..." / ", issued by the ..."
        stop = min(scan.n, end + 12)
        lead = next((j for j in range(end, stop) if scan.keys[j] in ("by", "of")), None)
        if lead is None:
            return None, False, []
        between = scan.doc[end:lead].text if lead > end else ""
        if not (_ISSUER_LEAD.match(scan.doc[end:lead + 1].text)
                or (scan.keys[lead] == "of" and _DATED_BETWEEN.match(between))):
            return None, False, []
        k = lead + 1
    issuers = []
    while k < scan.n:
        k = scan.skip_the(k)
        if k < scan.n and _ORDINAL_KEY.fullmatch(scan.keys[k]):
            k += 1  # "of the 13th Party Central Committee"
        body = scan.match_body(k)
        if body is None or body.type is not EntityType.ORGANIZATION:
            break
        issuers.append(body.label)
        k = body.end
        if k + 1 < scan.n and scan.keys[k] == "and":
            k += 1
            continue
        break
    if not issuers:
        return None, False, []
    return issuers[0], True, issuers[1:]


_RELATIVE_ISSUE = re.compile(r"^\s*,\s*(?:which|that)\s+(?P<subject>[^,.;]{1,60}?)\s+"
                             + _ISSUED + r"\s+on\s+")


def _relative_issue_clause(scan: _Scanner, mention: DocumentMention,
                           bodies: list[BodyMention], limit: int) -> int | None:
    """"Decree No. 5, which the Government issued on May 2, 2025 on X" / "which it issued on
    ... to guide X": the clause names the issuer ("it" = the last organisation before the
    document), the date and the topic. Returns the token where the topic's "on" may start."""

    last = scan.tokens[mention.end - 1]
    start_char = last.idx + len(last.text)
    tail = scan.text[start_char:start_char + 200]
    clause = _RELATIVE_ISSUE.match(tail)
    if clause is None:
        return None
    date_match = DATE_PATTERN.match(tail, clause.end())
    if date_match is None:
        return None
    subject = clause.group("subject").strip()
    issuer = None
    if subject.lower() == "it":
        sent_start = scan.sent(mention.start).start
        # only within the sentence: across sentences "it" is as often an unnamed "the ministry"
        earlier = [b for b in bodies if b.end <= mention.start and b.start >= sent_start
                   and b.type is EntityType.ORGANIZATION]
        issuer = earlier[-1].label if earlier else None
    else:
        subject_at = next((t.i for t in scan.tokens[mention.end:limit]
                           if t.idx >= start_char + clause.start("subject")), None)
        if subject_at is not None:
            body = scan.match_body(scan.skip_the(subject_at))
            if body is not None and body.type is EntityType.ORGANIZATION:
                issuer = body.label
    if issuer is not None:
        mention.issuer, mention.issuer_from_text = issuer, True
    if mention.date_text is None:
        mention.date_text = date_match.group(0)
    after = start_char + date_match.end()
    k = next((t.i for t in scan.tokens[mention.end:limit] if t.idx >= after), limit)
    if k + 1 < limit and scan.keys[k] == "to" and scan.keys[k + 1] == "guide":
        k += 1  # "to guide X": X is the topic
    return k


_DATED_BETWEEN = re.compile(r"^,?\s*dated\s+[\w ,]{4,24}?,?\s*$")


# "The directive, signed by <title> <name> on November 5, ...": the signer may sit between.
_ISSUED_ON = re.compile(r"^\s*,\s*(?:which\s+was\s+)?" + _ISSUED
                        + r"(?:\s+by\s+[^,.;()]{1,120}?)?\s+on\s+")


def _anaphoric_dates(scan: _Scanner, found: list[DocumentMention]) -> None:
    """"The resolution, issued on December 22, 2024, ...": the last document of that kind."""

    text = scan.text
    kinds = scan.lex.document_kind_by_key
    for i in positions_of(scan.doc, "the"):
        if i + 1 >= scan.n:
            continue
        token = scan.tokens[i]
        kind = kinds.get(scan.keys[token.i + 1])
        noun = scan.tokens[token.i + 1]
        if kind is None or noun.text[:1].isupper():
            continue  # "the resolution" refers back; "the Resolution No. ..." is a name
        tail = text[noun.idx + len(noun.text):noun.idx + len(noun.text) + 200]
        issued = _ISSUED_ON.match(tail)
        if issued is None:
            continue
        date_match = DATE_PATTERN.match(tail, issued.end())
        earlier = [m for m in found if m.end <= token.i and m.kind == kind]
        if date_match and earlier and earlier[-1].date_text is None:
            earlier[-1].date_text = date_match.group(0)


def _named_documents(scan: _Scanner) -> list[DocumentMention]:
    """Documents known by name: "Law on Public Investment", "1982 United Nations Convention on
    the Law of the Sea", "Treaty of Amity and Cooperation in Southeast Asia", "2013
    Constitution". A name needs its capitalised head, and either a capitalised object after
    "on"/"of" or a year or capitalised words before it."""
    doc, keys, lex = scan.doc, scan.keys, scan.lex
    found = []
    i = 0
    while i < scan.n:
        known = lex.agreements.get(keys[i])
        if known is not None:
            # "the Regional Comprehensive Economic Partnership (RCEP)": a known acronym names
            # the agreement even where the words before it are no document name
            found.append(DocumentMention(i, i + 1, None, known[1], name=known[0],
                                         forms=[scan.texts[i]]))
            i += 1
            continue
        head = lex.named_document_heads.match(keys, i, skip=False) \
            if keys[i] in lex.named_document_heads.root else None  # most words open no name
        if head is None or not scan.texts[i][:1].isupper():
            i += 1
            continue
        h_end, kind = head[0], str(head[1])
        start = i
        inner_acronym = 0
        if start > 3 and keys[start - 1] == ")" and keys[start - 3] == "(" \
                and _ACRONYM.match(scan.texts[start - 2]):
            inner_acronym = 3  # "Viet Nam – Gulf Cooperation Council (GCC) Free Trade Agreement"
            start -= 3
        longest = 6
        while start > 0 and (_is_name_token(scan.texts[start - 1]) or _ACRONYM.match(
                scan.texts[start - 1]) or ((scan.texts[start - 1] in _DASHES
                                            or keys[start - 1] in lex.name_particles.root
                                            or keys[start - 1] == "in")  # "Trade in Goods"
                                           and start >= 2
                                           and _is_name_token(scan.texts[start - 2]))) \
                and (keys[start - 1] == "in" or not _is_title_word(scan, start - 1)) \
                and not scan.tokens[start].is_sent_start and i - start - inner_acronym < longest:
            start -= 1
            if start >= 3 and keys[start - 1] == "and" and start < i - 1 \
                    and keys[start - 2] == keys[i - 1] and scan.texts[start - 2][:1].isupper() \
                    and longest == 6:
                # "Green Economy and Digital Economy Partnership Framework": two modifiers that
                # share their last word are one name
                start, longest = start - 1, 10
        if start == i - inner_acronym:
            start = i  # "(GCC) Free Trade Agreement": an acronym alone before the head is no name
        if start > 0 and _YEAR.fullmatch(scan.texts[start - 1]):
            start -= 1
        end, topic = h_end, None
        subject = _law_subject(scan, start, i) if kind == "Law" else None
        if subject is not None:
            # "the 2024 Land Law", "the Housing Law": a law named by its subject, which is what
            # it is on; an "on ..." after it is another phrase's ("a decree detailing the
            # Housing Law on the development of ...")
            topic = subject
        elif h_end + 2 < scan.n and keys[h_end] == "to" \
                and scan.texts[h_end + 1][:1].isupper() and scan.tokens[h_end + 1].tag_ == "VB":
            # "the Second Protocol to Amend the ASEAN Trade in Goods Agreement": what it does
            # is its name
            run = scan.proper_run(scan.skip_the(h_end + 2), limit=24)
            if run > scan.skip_the(h_end + 2):
                end = _document_name_end(scan, run)[0]
        elif h_end + 1 < scan.n and keys[h_end] in ("on", "of", "in", "for", "between",
                                                     "against") \
                and not (keys[h_end] == "in"
                         and _place_or_country_at(scan, scan.skip_the(h_end + 1))):
            obj = h_end + 1
            # the parties of "Agreement between the Ministry of X of A and the Ministry ..."
            run = scan.proper_run(scan.skip_the(obj), limit=24)
            first = scan.skip_the(obj)
            if run == first and keys[h_end] == "of" and first + 1 < scan.n \
                    and _ORDINAL_KEY.fullmatch(keys[first]) \
                    and _is_name_token(scan.texts[first + 1]):
                # "Joint Statement of the 17th Mekong – Korea Foreign Ministers' Meeting": the
                # meeting it comes from, with its ordinal, names it
                run = scan.proper_run(first + 1, limit=24)
            while run + 2 < scan.n and keys[run] == "the" and scan.texts[run - 1].endswith("ing") \
                    and scan.texts[run - 1][:1].isupper() and _is_name_token(scan.texts[run + 1]):
                # "Joint Statement on Deepening the Viet Nam – Japan Partnership": a capitalised
                # gerund's object goes on the name
                run = scan.proper_run(run + 1, limit=24)
            # "Law on Science, Technology and Innovation": a list inside the name.
            while run + 1 < scan.n and keys[run] in (",", "to") \
                    and _is_name_token(scan.texts[run + 1]) \
                    and not (keys[run] == "to" and scan.match_body(run + 1) is not None):
                # "Law on Access to Information": "to" inside the name; "to" a body or country
                # ("submitted the Law on X to National Assembly deputies") is the verb's
                run = scan.proper_run(run + 1)
            # "the Law on X and the Law on Y": a second named document starts at "and".
            # So does "and the National Assembly's Resolution 202/...": a body's document.
            run = _second_document_cut(scan, obj, run)
            if keys[h_end] == "between" and run > scan.skip_the(obj):
                run = _parties_end(scan, run)  # "Twinning Agreement between A province and B"
            if run == scan.skip_the(obj) and keys[h_end] == "for" \
                    and _YEAR.fullmatch(scan.texts[run]):
                end = _document_name_end(scan, h_end)[0]  # "Cooperation Plan for 2027 between"
            elif run > scan.skip_the(obj):
                # "... in Criminal Matters", "... under Contracts", "between A and B for the
                # 2026–2030 period": the name goes on; the parties and the period are no topic
                run, topic_stop = _document_name_end(scan, run,
                                                     signatories_end=keys[h_end] == "on")
                end = run
                if keys[h_end] == "on":
                    topic = doc[scan.skip_the(obj):topic_stop].text
                    if run < scan.n and scan.texts[run][:1].islower() \
                            and scan.tokens[run].pos_ == "NOUN":
                        # "Joint Statement on Mekong-Lancang cooperation for ...": the name
                        # opens a lower-case topic
                        longer = _topic(scan, h_end, min(scan.n, h_end + 16))
                        if longer is not None and scan.topic_end is not None \
                                and scan.topic_end > run:
                            topic, end = longer, scan.topic_end
            elif keys[h_end] == "on" and scan.texts[obj][:1].islower() and (
                    start < i or (i > 0 and keys[i - 1] in ("a", "an", "the", "two", "three"))):
                # "the WHO Convention on tobacco control", "signed a Memorandum of Understanding
                # on X": a lower-case topic after a capitalised head (never "an agreement on")
                topic = _topic(scan, h_end, min(scan.n, h_end + 20))
                if topic is not None and scan.topic_end is not None:
                    end = _period_end(scan, scan.topic_end)
                    topic = _topic_before_period(scan, h_end + 1, scan.topic_end) or topic
                    if " " not in topic and end < scan.n and keys[end] == "between":
                        # "MoU on cooperation between the Supreme Court of A and ...": a
                        # one-word topic names nothing alone; the parties and term do
                        end = _document_name_end(scan, end)[0]
        if h_end < scan.n and keys[h_end] == "between" and end > h_end and end + 1 < scan.n \
                and keys[end] == "on" \
                and scan.texts[end + 1][:1].islower():
            # "Agreement between the Government of A and the Government of B on visa
            # exemption ...": what it is on goes on the name after its parties
            topic = _topic(scan, end, min(scan.n, end + 20))
            if topic is not None and scan.topic_end is not None:
                end = _period_end(scan, scan.topic_end)
        if end == h_end and end < scan.n and _ROMAN.fullmatch(scan.texts[end]):
            end += 1  # "Power Development Plan VIII", "Additional Protocol II": its number
        if end == h_end and start < i:
            end = _term_end(scan, end)  # "the ASEAN Community Vision 2045": part of the name
        if end == h_end and start == i - 1 and _YEAR.fullmatch(scan.texts[start]) \
                and kind == "Law":
            start = i  # "the 2028 Law and Ordinance Development Programme": no law named
        if end == h_end and start == i:
            i = h_end
            continue
        name = doc[start:end].text
        mention = DocumentMention(start, end, None, kind, name=name, topic=topic)
        # "the Vietnam–Chile Free Trade Agreement (VCFTA)": the acronym names it too.
        if end + 2 < scan.n and keys[end] == "(" and keys[end + 2] == ")" \
                and _ACRONYM.match(scan.texts[end + 1]):
            known = lex.agreements.get(keys[end + 1])
            mention.forms.append(scan.texts[end + 1])
            if known is not None:
                mention.forms.append(name)
                mention.name = known[0]
            end += 3
        elif end + 2 < scan.n and keys[end] == "(":
            # "the UN Convention against Cybercrime (Hanoi Convention)": a short name of the
            # same kind
            close = scan.proper_run(end + 1, limit=8)
            if close > end + 1 and close < scan.n and keys[close] == ")" \
                    and lex.named_document_heads.match(keys, close - 1, skip=False) is not None:
                mention.forms.append(doc[end + 1:close].text)
                end = close + 1
        found.append(mention)
        i = end
    return _short_names_resolved(found)


def _short_names_resolved(found: list[DocumentMention]) -> list[DocumentMention]:
    """A later mention by the short name an earlier one gave in brackets ("the Hanoi
    Convention" after "the UN Convention against Cybercrime (Hanoi Convention)") is that
    document."""
    full_names: dict[str, str] = {}
    for mention in found:
        if mention.name is None:
            continue
        full = full_names.get(_name_key(mention.name))
        if full is not None and full != mention.name:
            mention.forms.append(mention.name)
            mention.name = full
        for form in mention.forms:
            full_names.setdefault(_name_key(form), mention.name)
    return found


def _place_or_country_at(scan: _Scanner, k: int) -> bool:
    """Whether a known place or country starts at `k` ("exchanged the MoU in Hanoi")."""
    body = scan.match_body(k)
    return body is not None and body.type in (EntityType.PLACE, EntityType.COUNTRY)


def _law_subject(scan: _Scanner, start: int, head: int) -> str | None:
    """The subject words before "Law" ("Land" of "the 2024 Land Law"), or None when a body,
    an acronym or a demonym stands there ("ASEAN Law", "Vietnamese Law")."""
    words = [k for k in range(start, head) if not _YEAR.fullmatch(scan.texts[k])]
    if not words or any(_ACRONYM.match(scan.texts[k]) or scan.keys[k] in scan.lex.demonyms
                        or k in scan.in_body for k in words):
        return None
    return scan.doc[words[0]:words[-1] + 1].text


# "for the 2026-2030 period", "to 2030": the document's term or horizon, part of its name and
# not of its topic
_PERIOD_TAIL = re.compile(r"^\s*(?:for\s+(?:the\s+)?(?:period\s+(?:of\s+)?)?"
                          r"(?:19|20)\d\d\s*[–—-]\s*(?:19|20)?\d\d(?:\s+period)?"
                          r"|to\s+(?:19|20)\d\d)(?![\w–-])", re.I)


def _second_document_cut(scan: _Scanner, start: int, run: int) -> int:
    """"the Law on X and the Law on Y": a second named document starts at "and"; so does "and
    the National Assembly's Resolution 202/...", a body's document."""
    keys, heads = scan.keys, scan.lex.named_document_heads
    return next((k for k in range(start, run) if keys[k] == "and" and (
        _head_ends_name(scan, heads.match(keys, scan.skip_the(k + 1), skip=False))
        or _possessive_document_at(scan, scan.skip_the(k + 1))
        or _numbered_document_at(scan, scan.skip_the(k + 1)))), run)


def _head_ends_name(scan: _Scanner, head: tuple | None) -> bool:
    """A document head that is not inside a longer capitalised name ("the Law and Ordinance
    Development Programme": "Ordinance" opens no second document)."""
    return head is not None and not (head[0] < scan.n and _is_name_token(scan.texts[head[0]]))


def _issued_object(scan: _Scanner, mention: DocumentMention) -> bool:
    """Whether an issuing verb stands just before the document ("adopted the Law on X")."""
    return any(scan.keys[k] in scan.lex.issue_verbs
               for k in range(max(0, mention.start - 3), mention.start))


def _numbered_document_at(scan: _Scanner, i: int) -> bool:
    """"and Conclusion No. 12-KL/TW": a document kind before its number starts another
    document."""
    return i + 1 < scan.n and scan.keys[i] in scan.lex.document_kind_by_key \
        and scan.texts[i][:1].isupper() and (scan.keys[i + 1] in ("no.", "no")
                                             or _DOC_NUMBER.match(scan.texts[i + 1]) is not None)


def _parties_end(scan: _Scanner, end: int) -> int:
    """"between Nghe An province and Xiangkhouang province": the parties go on over their place
    words and over "and <Name>"."""
    end = _party_word_after(scan, end)
    while end + 2 < scan.n and scan.keys[end] == "and" \
            and (_is_name_token(scan.texts[scan.skip_the(end + 1)])
                 or _ACRONYM.match(scan.texts[scan.skip_the(end + 1)])):
        # "between Viet Nam and the ASEAN Secretariat"
        end = _party_word_after(scan, scan.proper_run(scan.skip_the(end + 1)))
    return end


def _party_word_after(scan: _Scanner, end: int) -> int:
    """A party's lower-case place or organisation word ("Nghe An province", "the United Russia
    party") after its name."""
    found = place_word_after(scan, end)
    if found is None and end < scan.n and scan.texts[end].islower() \
            and scan.keys[end] in scan.lex.org_heads:
        found = end + 1
    if found is None and end < scan.n and scan.texts[end].islower() \
            and scan.keys[end].endswith("s") \
            and scan.lex.place_words.match([scan.keys[end][:-1]], 0, skip=False) is not None:
        found = end + 1  # "between A province and B and C provinces": one word for two
    return found or end


def _document_name_end(scan: _Scanner, run: int,
                       signatories_end: bool = False) -> tuple[int, int]:
    """Where a document's title-case name ends, and where its topic ends: title-case words
    joined by the short function words of `document_name_links` ("Law on Legal Assistance in
    Criminal Matters"), then "between <A> and <B>" and "for <period>", which are the parties and
    the term, not the topic. A link before a place or a date ("in Hanoi", "in March") ends the
    name: that is where and when, not what. With `signatories_end` (a name that has said what it
    is on), organisations after "between" are the signatories and end the name ("MoU on Green
    Hydrogen between Petrovietnam and the Port of X"); places stay ("... between Hanoi and
    Seoul", a twinning)."""
    keys, links = scan.keys, scan.lex.document_name_links
    topic_stop = None
    while run + 1 < scan.n and keys[run] in links:
        k = scan.skip_the(run + 1)
        if signatories_end and keys[run] == "between" and _organisation_party(scan, k):
            break
        if keys[run] == "for" and k < scan.n and _YEAR.fullmatch(scan.texts[k]):
            # "Cooperation Plan for 2027": the term ends the name (parties after it, "for
            # 2026-2030 between A and B", are the signing's, as the golds mostly read them)
            if topic_stop is None:
                topic_stop = run
            run = k + 1
            if run + 1 < scan.n and scan.texts[run] in ("-", "–") \
                    and scan.texts[run + 1][:1].isdigit():
                run += 2
            if run < scan.n and keys[run] == "period":
                run += 1
            break
        if k + 1 < scan.n and keys[k] in ("a", "an"):
            k += 1  # "... Cooperation for a Secure and Resilient Region"
        # "in UN Peacekeeping Forces": an acronym goes on the name ("with KOTRA" is a party)
        if k >= scan.n or not (_is_name_token(scan.texts[k]) or (
                _ACRONYM.match(scan.texts[k]) and keys[run] != "with")) \
                or keys[k] in _CALENDAR_WORDS:
            break
        run_end = scan.proper_run(k, limit=24)
        if keys[run] == "between":
            # "between the NA's Committee for National Defence, Security and Foreign Affairs
            # and ...": a party's field list
            run_end = scan._field_list_end(k, run_end)
        nxt = _second_document_cut(scan, k, run_end)
        if nxt <= k:
            break
        body = scan.match_body(k)
        if keys[run] != "between" and (_is_place(scan, k, nxt) or (
                body is not None and body.type in (EntityType.PLACE, EntityType.COUNTRY)
                and body.end >= nxt)):
            break
        if keys[run] == "at" and body is not None:
            break  # "the Law on X at the National Assembly": where it was, not its name
        if keys[run] == "between":
            if topic_stop is None:
                topic_stop = run
            nxt = _parties_end(scan, nxt)
        run = nxt
    term = _term_end(scan, run) if run < scan.n and scan.texts[run - 1][:1].isupper() else run
    if term > run:
        # "Declaration on ASEAN 2045: Our Shared Future", "Programme on X 2026–2030": the year
        # or term and a subtitle are the name's, not the topic's ("Law on Investment 2020" is
        # on investment)
        if topic_stop is None:
            topic_stop = run
        one_year, run = term == run + 1 and _YEAR.fullmatch(scan.texts[run]), term
        if one_year and run + 1 < scan.n and scan.texts[run] == ":" \
                and _is_name_token(scan.texts[run + 1]):
            run = scan.proper_run(run + 1)
    end = _period_end(scan, run)
    if end > run and topic_stop is None:
        topic_stop = run
    return end, topic_stop if topic_stop is not None else end


def _topic_before_period(scan: _Scanner, start: int, end: int) -> str | None:
    """The topic in `start:end` without a term that closes it ("cooperation in green growth
    for 2026-2030": the term is the name's), or None when no term closes it."""
    for k in range(start + 1, end):
        if scan.keys[k] in ("for", "to"):
            tail = _PERIOD_TAIL.match(scan.text[scan.tokens[k].idx:])
            if tail is not None and scan.tokens[k].idx + tail.end() >= \
                    scan.tokens[end - 1].idx + len(scan.tokens[end - 1]):
                first = scan.skip_the(start) if scan.keys[start] in ("the", "a", "an") \
                    else start
                return scan.doc[first:k].text
    return None


def _term_end(scan: _Scanner, k: int) -> int:
    """Past a year or a term at `k`, right after a document's name ("Vision 2045", "Work
    Programme 2029–2031", "Work Plan 2026-2030"); `k` if there is none."""
    if k >= scan.n:
        return k
    if _YEAR_RANGE.fullmatch(scan.texts[k]):
        return k + 1
    if not _YEAR.fullmatch(scan.texts[k]):
        return k
    if k + 2 < scan.n and scan.texts[k + 1] in _DASHES and not scan.tokens[k].whitespace_ \
            and _YEAR.fullmatch(scan.texts[k + 2]):
        return k + 3
    return k + 1


def _period_end(scan: _Scanner, run: int) -> int:
    """Past a document's term after its name or topic ("for 2026-2030", "for the 2026-2030
    period", "to 2030"), which is the name's."""
    last = scan.tokens[run - 1]
    period = _PERIOD_TAIL.match(scan.text[last.idx + len(last):])
    if period is None:
        return run
    after = last.idx + len(last) + period.end()
    return next((t.i for t in scan.tokens[run:] if t.idx >= after), scan.n)


def _organisation_party(scan: _Scanner, k: int) -> bool:
    """Whether the party named at `k` is an organisation ("the State Bank of Viet Nam", "Viet
    Nam's Ministry of Industry and Trade", "Petrovietnam") rather than a place."""
    body = scan.match_body(k)
    if body is not None and body.type == EntityType.ORGANIZATION:
        return True
    end = scan.proper_run(k, limit=12)
    if end < scan.n and scan.keys[end] == "'s":
        end = scan.proper_run(end + 1, limit=12)  # "Viet Nam's Ministry of ..."
    return any(scan.keys[t] in scan.lex.org_heads for t in range(k, end))


def _possessive_document_at(scan: _Scanner, i: int) -> bool:
    """Whether a body's document starts at `i`: "the National Assembly's Resolution ..."."""
    body = scan.match_body(i)
    k = body.end if body is not None else i
    return body is not None and k + 1 < scan.n and scan.keys[k] in ("'s", "’s") \
        and scan.keys[k + 1] in scan.lex.document_kind_by_key


def _issuer(scan: _Scanner, span: Span, bodies: list[BodyMention]) -> tuple[str | None, bool]:
    """"the Politburo's Resolution ...", "the Secretariat issue(d) Directive ..."."""
    keys = scan.keys
    sent_start = scan.sent(span.start).start
    previous = [b for b in bodies if sent_start <= b.start and b.end <= span.start
                and b.type is EntityType.ORGANIZATION]
    if not previous:
        return None, False
    last = previous[-1]
    if last.end < scan.n and keys[last.end] in ("'s",) and last.end + 1 == span.start:
        return last.label, True
    between = range(last.end, span.start)
    verbs = [k for k in between if keys[k] in scan.lex.issue_verbs]
    if verbs and len(between) <= 8:
        verb = scan.tokens[verbs[0]]
        kinds = scan.lex.document_kind_by_key
        if any(keys[k] in kinds for k in range(verbs[0] + 1, span.start)):
            # "the Government issue a decree guiding the Law on X": the verb issues the decree
            return None, False
        subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
        if scan.lex.role_heads.match(keys, last.end, skip=False):
            # "Deputy Minister X and OIF Administrator Y signed an MoU": the holder of a title
            # the body names signs; the body is no issuer
            return None, False
        inside = any(last.start <= t.i < last.end for s in subjects for t in s.subtree)
        if inside or (not subjects and last.end == verbs[0] - 1):
            return last.label, True
    return None, False




def _implements_next(scan: _Scanner, at: int) -> bool:
    """Whether the words before a document at `at` implement it: "to implement X",
    "implementing X", "the implementation of X" (a noun of an `implementing_verbs` verb)."""
    keys, tokens, verbs = scan.keys, scan.tokens, scan.lex.implementing_verbs
    if keys[at - 1] == "the" and at >= 3:
        at -= 1  # "amending the Land Law"
    if keys[at - 2] == "to" and tokens[at - 1].lemma_ in verbs:
        return True
    if tokens[at - 1].tag_ == "VBG" and tokens[at - 1].lemma_ in verbs:
        return True
    return keys[at - 1] == "of" and tokens[at - 2].pos_ == "NOUN" and any(
        keys[at - 2].startswith(verb.rstrip("e")) for verb in verbs)


def _horizon_end(scan: _Scanner, comma: int) -> int | None:
    """", with a vision to 2045" after a strategy's "to 2030": part of the topic; the end
    of the year, or None."""
    keys = scan.keys
    k = comma + 1
    if k >= scan.n or keys[k] != "with":
        return None
    for j in range(k + 1, min(k + 5, scan.n - 1)):
        if keys[j] in scan.lex.topic_horizon_words and keys[j + 1] in ("to", "toward",
                                                                       "towards", "until"):
            year = j + 2
            if year < scan.n and _YEAR.match(scan.texts[year]):
                return year + 1
    return None


def _topic(scan: _Scanner, start: int, limit: int, leads: tuple[str, ...] = ("on",),
           embedded: range | None = None) -> str | None:
    """What a document is "on": from "on" to the end of the noun phrase; the `embedded`
    document ("to implement Resolution X") is passed over whole."""
    doc, keys = scan.doc, scan.keys
    i = start
    if i < scan.n and keys[i] == ",":
        i += 1
    if i < scan.n and keys[i] == "dated":
        while i < min(limit, scan.n) and keys[i] not in ("on",) \
                and not scan.tokens[i].is_sent_start:
            i += 1
    if i < scan.n and keys[i] == "of":
        # "Decree No. 5 of the Government on X", "Decision No. 7 of May 2024 on Y"
        k = i + 1
        while k < min(limit, scan.n) and k - i <= 10 and (
                scan.texts[k][:1].isupper() or scan.tokens[k].like_num
                or keys[k] in ("the", "'s")):
            k += 1
        if k + 1 < scan.n and keys[k] == "," and keys[k + 1] == "dated":
            # "Conclusion X of the Secretariat, dated March 5, 2027, on Y": past the date only
            k += 2
            while k < min(limit, scan.n) and (keys[k] in MONTHS or scan.tokens[k].like_num
                                              or keys[k] == ","):
                k += 1
        if k < scan.n and keys[k] == "on" and k > i + 1:
            i = k
    if i >= scan.n or keys[i] not in leads:
        return None
    # "Decree X on January 20 on the management of ...": the date is not the topic
    k = i + 1
    while k < min(limit, scan.n, i + 6) and (keys[k] in MONTHS or scan.tokens[k].like_num
                                             or keys[k] == ","):
        k += 1
    if k > i + 2 and keys[i + 1] in MONTHS and k < scan.n and keys[k] == "on":
        i = k
    j = i + 1
    # A topic is a label: its leading determiner goes, like every other label's.
    if j + 1 < min(limit, scan.n) and keys[j] in ("the", "a", "an"):
        j += 1
    first = j
    while j < min(limit, scan.n):
        if embedded is not None and j == embedded.start:
            j = embedded.stop
            continue
        token = scan.tokens[j]
        if keys[j] == "(" and j + 3 < min(limit, scan.n) and keys[j + 2] == ")" \
                and _ACRONYM.match(scan.texts[j + 1]) and scan.texts[j + 3].islower():
            j += 3  # "unregulated (IUU) fishing": an acronym inside the topic
            continue
        if token.is_sent_start or keys[j] in (";", ".", "(", ":", "/") or "\n" in token.text:
            break
        if keys[j] == ",":
            nxt = keys[j + 1] if j + 1 < scan.n else ""
            horizon = _horizon_end(scan, j)
            if horizon is not None and horizon <= min(limit, scan.n):
                j = horizon
                continue
            # "on X, the committee reviewed ...": the subject of the main clause starts
            if any(scan.tokens[k].dep_ in ("nsubj", "nsubjpass") and scan.tokens[k].head.i > k
                   for k in range(j + 1, min(j + 5, scan.n))):
                break
            # ", reducing the number of ...", ", approved by ...": a clause, not the topic.
            if j + 1 < scan.n and scan.tokens[j + 1].tag_ in ("VBG", "VBN", "VBD"):
                break
            if nxt in ("a", "an", "the") and j + 2 < scan.n \
                    and scan.texts[j + 2][:1].isupper() \
                    and scan.lex.named_document_heads.match(keys, j + 2, skip=False):
                break  # "on X, an Agreement on Y and ...": the next document of a list
            if nxt in scan.lex.topic_stop_after_comma and not (
                    nxt == "and" and j + 2 < scan.n
                    and scan.tokens[j + 2].pos_ in ("NOUN", "ADJ")):
                break
            if j + 1 < scan.n and scan.texts[j + 1][:1].isupper():
                break
        if token.pos_ == "AUX" or (token.tag_ in ("VBD", "VBZ", "VBP", "MD") and j > first):
            break
        if token.tag_ == "VBN" and j > first and j + 1 < scan.n \
                and keys[j] in scan.lex.issue_verbs and scan.tokens[j + 1].pos_ == "ADP" \
                and scan.tokens[j - 1].pos_ == "NOUN":
            break  # "on rice trade signed in Manila": how it came about, not what
        # "... and an Agreement on Y": a second document; "between the two Governments",
        # "between Vietnam and Laos": the parties, not the topic.
        second = scan.lex.named_document_heads.match(
            keys, j + 2 if keys[j + 1:j + 2] in (["a"], ["an"], ["the"]) else j + 1,
            skip=False) if keys[j] == "and" else None
        if second and scan.texts[min(j + 2, scan.n - 1)][:1].isupper() \
                and not (second[0] < scan.n and _is_name_token(scan.texts[second[0]])):
            break  # (not "the 2028 Law and Ordinance Development Programme": one name)
        if keys[j] == "on" and j > first and j + 2 < scan.n and keys[j + 1] in MONTHS \
                and scan.tokens[j + 2].like_num:
            break  # "... Partnership on November 27, 2023": when, not what
        if keys[j] == "between" and j + 1 < scan.n and (
                keys[j + 1:j + 3] == ["the", "two"] or keys[j + 1] == "both"
                or any(t[:1].isupper() for t in scan.texts[j + 1:j + 4])):
            break
        # A prepositional phrase of a verb before the document is not part of the topic
        # ("presented Decree X on Y to the delegation").
        if token.pos_ == "ADP" and token.lower_ == "to" and token.head.i < i \
                and token.head.pos_ == "VERB" \
                and not (j + 1 < scan.n and _YEAR.match(scan.texts[j + 1])):  # "to 2030"
            break
        # "on X and to set tasks for 2026": a second purpose of the verb, not the topic
        if keys[j] == "and" and j + 2 < scan.n and keys[j + 1] == "to" \
                and scan.tokens[j + 2].tag_ == "VB":
            break
        j += 1
    while j > first and (keys[j - 1] in (",", "and", "the") or scan.tokens[j - 1].is_space):
        j -= 1
    # "on pensions to replace Decree X": the purpose stops where the next document starts
    if j == limit and j - 2 > first and keys[j - 2] == "to" and scan.tokens[j - 1].tag_ == "VB":
        j -= 2
    if j <= first:
        return None
    scan.topic_end = j
    return doc[first:j].text


_FRONTED_ISSUE = re.compile(r"^" + _ISSUED + r"\s+by\s+"
                            r"[^,.;]{1,60}?\s+on\s+(?P<date>" + DATE_PATTERN.pattern + r")\s*,\s*$",
                            re.I)


def _date_before(scan: _Scanner, start: int) -> str | None:
    """"The NA Standing Committee on September 13 issued Resolution ..."."""

    sent = scan.sent(start)
    text = scan.doc[sent.start:start].text
    fronted = _FRONTED_ISSUE.match(text)
    if fronted:
        return fronted.group("date")  # "Issued by the Politburo on May 2, 2025, Directive X"
    if not _ISSUE_VERB_AT_END.search(text):
        return None
    matches = list(DATE_PATTERN.finditer(text))
    return matches[-1].group(0) if matches else None


# --- events ---------------------------------------------------------------------------------

_SERIES_EDITION = re.compile(r"^([A-Z]{2,8})-(\d{1,3})$")  # "AMM-58"
_EVENT_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z0-9-]*$")
_EDITION_YEAR = re.compile(r"20\d\d")


def find_events(scan: _Scanner) -> list[EventMention]:
    """Named events: "32nd (National) Diplomatic Conference", "44th General Assembly of the
    ASEAN Inter-Parliamentary Assembly", "AIPA-46", "eighth session of the 15th National
    Assembly", names without an ordinal ("the ASEAN Future Forum", "the Vietnam International
    Defence Expo 2024"). The key (ordinal, content words, head, series) identifies the event;
    "(AMM-58)" right after a name is another name of it, and "the tenth session" is the tenth
    session named earlier in the article."""
    keys, lex = scan.keys, scan.lex
    events: list[EventMention] = []
    aliases: dict[str, EventMention] = {}
    i = 0
    while i < scan.n:
        known = aliases.get(scan.texts[i])
        if known is not None:
            events.append(EventMention(i, i + 1, known.label, known.key, known.subtype))
            i += 1
            continue
        capital = scan.texts[i][:1].isupper()  # a series edition or a name starts with one
        series = _SERIES_EDITION.match(scan.texts[i]) if capital else None
        if series and token_key(series.group(1)) in lex.event_series:
            head, organiser = lex.event_series[token_key(series.group(1))]
            key = f"{int(series.group(2))} {token_key(head)} {token_key(organiser)}"
            events.append(EventMention(i, i + 1, scan.texts[i], key, _event_subtype(head, lex)))
            i += 1
            continue
        number = _ordinal_value(keys[i], lex) \
            if keys[i][:1].isdigit() or keys[i] in lex.ordinal_words else None
        if number is not None:
            event = _event_at(scan, i, number)
        else:
            event = _named_event_at(scan, i) if capital else None
        if event is None and number is not None:
            event = _earlier_event(scan, i, number, events)
        if event is None:
            i += 1
            continue
        events.append(event)
        i = event.end
        # "the 58th ASEAN Foreign Ministers' Meeting (AMM-58)": the acronym is an alias.
        if i + 2 < scan.n and keys[i] == "(" and keys[i + 2] == ")" \
                and _EVENT_ACRONYM.match(scan.texts[i + 1]):
            event.forms.append(scan.texts[i + 1])
            aliases[scan.texts[i + 1]] = event
            i += 3
    taken = {k for e in events for k in range(e.start, e.end)}
    events += [e for e in _hosted_events(scan) if e.start not in taken]
    events.sort(key=lambda e: e.start)
    return events


def _hosted_events(scan: _Scanner) -> list[EventMention]:
    """Events named only by a generic lower-case phrase ("an official welcome ceremony", "a
    year-end gathering with X", "the see-off ceremony") where a clause makes them an event:
    after a hosting verb ("X hosted an official welcome ceremony", "Y held a conference to
    implement Directive Z"), as the subject of an event verb ("A welcome ceremony was held at
    ..."), or in an attendance phrase ("attended a ...", "joined X at a ...", "At the see-off
    ceremony, ..."). The label is the phrase, with "to <verb> ..." / "on <topic>" / "with
    <guests>" when they follow. Never a bare head ("held a conference", "the ceremony"), except
    "a <head> for <guests>" ("held a get-together for the delegation")."""
    keys, lex, found = scan.keys, scan.lex, []
    for i, key in enumerate(keys):
        if key not in ("a", "an", "the") or i + 1 >= scan.n:
            continue
        det = scan.tokens[i]
        start = det.i + 1
        head = _generic_head(scan, start)
        if head is None:
            continue
        head_start, head_end = head
        held_by_body = head_start > start and _body_word_modifier(scan, start)
        if any(keys[k] in lex.not_event_modifiers
               or (keys[k] in lex.medium_event_modifiers and not held_by_body)
               for k in range(start, head_start)) \
                or not _event_context(scan, det.i, head_end - 1):
            continue
        end = head_end
        if end + 1 < scan.n and ((keys[end] == "to" and scan.tokens[end + 1].tag_ == "VB")
                                 or (keys[end] == "on" and scan.texts[end + 1].islower()
                                     and keys[end + 1] != "behalf")  # "on behalf of": a speaker's
                                 or (keys[end] == "with" and head_start > start
                                     and (keys[end + 1] == "the"
                                          or scan.tokens[end + 1].tag_ == "NNS"))):
            end = _event_phrase_end(scan, end + 2, min(scan.n, end + 24))
        end = _anniversary_end(scan, end) or _person_of_end(scan, end) or end
        # "held a reception in Canberra on March 10 to celebrate X": the purpose names it; the
        # place and date between stay outside the mention, for the venue and date rules
        purpose = _purpose_after_setting(scan, end) if end == head_end else None
        if keys[head_end - 1] in lex.purpose_event_heads and purpose is None \
                and not (end > head_end and keys[head_end] == "to"):
            continue  # "a farewell reception": no event without its purpose
        bare = end == head_end and head_start == start and purpose is None
        if bare and not (keys[det.i] != "the" and end + 1 < scan.n and keys[end] == "for"
                         and keys[end + 1] in ("the", "a", "an", "his", "her", "their")):
            continue  # "held a conference", "the ceremony": nothing to tell it from another
        label, key = scan.doc[start:end].text, keys[start:end]
        if purpose is not None:
            label = f"{label} {scan.doc[purpose[0]:purpose[1]].text}"
            key = [*key, *keys[purpose[0]:purpose[1]]]
        subtype = _event_subtype(scan.texts[head_end - 1], lex)
        earlier = _described_before(scan, found, det.i, head_start, head_end) \
            if keys[det.i] == "the" else None
        if earlier is not None:  # "the see-off ceremony" after "a ceremony to see off X"
            label, key, subtype = earlier.label, earlier.key.split(), earlier.subtype
        found.append(EventMention(start, end, label, " ".join(key), subtype, local=True))
    return found


def _described_before(scan: _Scanner, found: list[EventMention], det: int, head_start: int,
                      head_end: int) -> EventMention | None:
    """The earlier generic event that "the <modifiers> <head>" refers back to: same head, and
    every modifier word among its own words ("the see-off ceremony" after "a ceremony in Hanoi
    to see off X"; not "the flag-raising ceremony" after "a wreath-laying ceremony")."""
    keys = scan.keys
    modifiers = [part for k in range(det + 1, head_start) for part in keys[k].split("-") if part]
    if not modifiers:
        return None
    for event in reversed(found):
        words = set(event.key.split())
        if keys[head_end - 1] in words and all(m in words for m in modifiers):
            return event
    return None


def _person_of_end(scan: _Scanner, end: int) -> int | None:
    """"the funeral of the former Prime Minister", "the state funeral of Le Van A": an event
    named by the person it is for (a title after "the former/late", or a person's name)."""
    keys = scan.keys
    if end + 2 >= scan.n or keys[end] != "of":
        return None
    k = end + 1
    if keys[k] == "the" and keys[k + 1] in ("former", "late") and k + 2 < scan.n:
        title = scan.parse_title(k + 2)
        return title[0] if title is not None and title[1] else None
    if scan.tokens[k].ent_type_ == "PERSON" or keys[k] in scan.lex.surnames:
        name_end = scan.name_run(k)
        return name_end if name_end > k + 1 else None
    return None


def _anniversary_end(scan: _Scanner, end: int) -> int | None:
    """"the celebration of the 50th anniversary of the Liberation of the South": the event is
    named by what it commemorates, a capitalised name after "<ordinal> anniversary of"."""
    keys = scan.keys
    k = scan.skip_the(end + 1) if end + 1 < scan.n and keys[end] == "of" else end
    if k == end or k + 3 >= scan.n or _ordinal_value(keys[k], scan.lex) is None \
            or keys[k + 1] != "anniversary" or keys[k + 2] != "of":
        return None
    name_start = scan.skip_the(k + 3)
    name_end = scan.proper_run(name_start)
    return name_end if name_end > name_start else None


def _generic_head(scan: _Scanner, start: int) -> tuple[int, int] | None:
    """The event head (`hosted_event_heads`, hyphenated ones included: "get-together") ending a
    run of up to four lower-case words (hyphenated: "see-off", "year-end") from `start`."""
    heads = scan.lex.hosted_event_heads | scan.lex.purpose_event_heads
    j, limit = start, min(scan.n, start + 8)
    words = 0
    while j < limit and words < 5:
        end = j + 1
        # "see - off", "get - together": one hyphenated word
        while end + 1 < scan.n and scan.texts[end] == "-" \
                and not scan.tokens[end - 1].whitespace_ and not scan.tokens[end].whitespace_:
            end += 2
        word = "".join(scan.texts[j:end])
        if j == start and end == j + 1 and _body_word_modifier(scan, j):
            j, words = end, words + 1  # "a Government online conference with localities"
            continue
        if not word.replace("-", "").isalpha() or not word.islower() \
                or scan.keys[j] in ("and", "of", "with", "for", "to", "on", "in", "at", "the") \
                or (end == j + 1 and scan.tokens[j].pos_ not in ("ADJ", "NOUN", "PROPN")
                    and scan.tokens[j].tag_ not in ("VBG", "VBN")):
            return None  # "the ministry held a conference": a clause, not one name
        if word in heads:
            return j, end
        j, words = end, words + 1
    return None


def _body_word_modifier(scan: _Scanner, j: int) -> bool:
    """Whether the capitalised word at `j` is a whole organisation's name used as a modifier
    ("a Government conference", "a Politburo meeting"), not the start of a longer name."""
    body = scan.match_body(j)
    return body is not None and body.end == j + 1 and body.type is EntityType.ORGANIZATION


def _event_context(scan: _Scanner, det: int, head: int) -> bool:
    """Whether the phrase whose head is at `head` is an event in its clause: the object of a
    hosting verb right before it ("hosted a ..."), the subject of an event verb ("... was held",
    "... took place"), the object of an attendance verb or the object of "at" under a verb or
    opening the sentence ("attended a ...", "joined X at a ...", "At the ... ceremony, ...")."""
    lex, token = scan.lex, scan.tokens[head]
    verb = token.head
    if det > 0 and scan.tokens[det - 1].lemma_ in lex.host_verbs \
            and scan.tokens[det - 1].pos_ in ("VERB", "AUX") and scan.keys[det] != "the":
        return True
    if token.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ in lex.event_subject_verbs:
        return True
    if token.dep_ == "dobj" and verb.lemma_ in lex.attend_verbs:
        return True
    # "joined X at a ...", "speaking at the ...", "At the see-off ceremony, ..."
    # "presented the decisions at a handover ceremony": a qualified event under any verb
    return token.dep_ == "pobj" and verb.lower_ == "at" and (
        verb.head.lemma_ in lex.attend_verbs or verb.head.lemma_ in lex.speak_verbs
        or verb.i == scan.sent(verb.i).start
        or (scan.keys[det] == "a" and head > det + 1 and verb.head.pos_ == "VERB"))



def find_visits(scan: _Scanner, bodies: list[BodyMention]) -> list[EventMention]:
    """"X is paying a state visit to Kenya", "Y's official visit to Chile", "Z, who is on a
    working visit to Laos": the visit is an event of this article, held in the country, with
    the visitor (the possessor, or the subject of "pay/make/begin ..." or of "is on") as a
    participant. A visit to a country the text does not name ("to the Andean nation") or
    without a visitor ("recalled the visit to X in 1959") is none."""
    keys, found = scan.keys, []
    countries = {b.start: b for b in bodies if b.type is EntityType.COUNTRY}
    for i, key in enumerate(keys):
        if key not in ("visit", "visits"):
            continue
        token = scan.tokens[i]
        if token.pos_ != "NOUN" or token.i + 2 >= scan.n or keys[token.i + 1] != "to":
            continue
        country = countries.get(token.i + 2) or countries.get(scan.skip_the(token.i + 2))
        if country is None:
            continue
        start = token.i
        while start > 0 and keys[start - 1] in scan.lex.visit_kinds:
            start -= 1
        visitor = _visitor(scan, start, token)
        if visitor is None:
            continue  # "recalled the visit to Indonesia in 1959 by ...": history, not news
        # one visit per country and article, however the text qualifies it
        key = "visit to " + " ".join(fold_words(country.label))
        found.append(EventMention(start, country.end, scan.doc[start:country.end].text, key,
                                  None, local=True, visitor=visitor, venue=country.start))
    return found


def invitation_host_at(doc: Doc, start: int) -> bool:
    """Whether the name at `start` follows "at the invitation of" and its title only: the
    host, who does not (by that) take part in what the sentence reports."""
    k = start - 1
    while k > 0 and start - k <= 8 and doc[k].text[:1].isupper():
        k -= 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ == "invitation"


def _hosts_by_invitation(scan: _Scanner, people: list[PersonMention],
                         visits: list[EventMention], bodies: list[BodyMention]) -> None:
    """"... pay a working visit to the Republic of Korea at the invitation of President X":
    the host's title without a country is the visited country's office."""
    countries = {b.start: b for b in bodies if b.type is EntityType.COUNTRY}
    for visit in visits:
        country = countries.get(visit.venue)
        sent = scan.sent(visit.start)
        if country is None or country.label == scan.lex.home_country:
            continue
        for person in people:
            if not (visit.end <= person.start < sent.end) or not invitation_host_at(
                    scan.doc, person.start) or scan.keys[person.start] in scan.lex.surnames:
                continue
            person.roles[:] = [_of_country(r, country.label, scan.lex) for r in person.roles]


def _hosts_of_the_visited_country(scan: _Scanner, people: list[PersonMention],
                                  visits: list[EventMention], bodies: list[BodyMention]) -> None:
    """"During her official visit to Mozambique ... she met Prime Minister Maria Benvinda Levi":
    in an article about a visit to one foreign country, a title without a country held by
    someone named after the visit, whose name is not Vietnamese, is that country's office."""
    countries = {b.start: b.label for b in bodies if b.type is EntityType.COUNTRY}
    visited = {countries.get(v.venue) for v in visits} - {None, scan.lex.home_country}
    if len(visited) != 1:
        return
    (country,) = visited
    first = min(v.start for v in visits)
    for person in people:
        if person.start < first or token_key(person.name.split()[0]) in scan.lex.surnames \
                or not person.roles or any(r.country for r in person.roles):
            continue
        # an office of a named organisation or country is no host's ("Secretary-General of the
        # United Nations", "President of Chile")
        person.roles[:] = [r if _names_an_owner(r, scan.lex) else _of_country(r, country, scan.lex)
                           for r in person.roles]


def _accompanying_offices(scan: _Scanner, people: list[PersonMention]) -> None:
    """"Takaichi is accompanied by Minister for Foreign Affairs Motegi Toshimitsu": a foreign
    visitor's companions with titles that name no country or owner hold their offices in the
    visitor's country. The visitor is the subject right before "is/was accompanied by", or, for
    "He"/"She", the last person named before the sentence whose office has a country."""
    keys, lex = scan.keys, scan.lex
    for i in positions_of(scan.doc, "accompanied"):
        if not 2 <= i < scan.n - 2 or keys[i + 1] != "by" or keys[i - 1] not in ("is", "was"):
            continue
        sent = scan.sent(i)
        before = [p for p in people if p.end <= i - 1]
        if keys[i - 2] in ("he", "she"):
            before = [p for p in before if p.start < sent.start]
        elif not before or before[-1].start < sent.start:
            continue
        visitor = next((p for p in reversed(before) if any(r.country for r in p.roles)), None) \
            if keys[i - 2] in ("he", "she") else before[-1]
        # "Takaichi": the short name's office is where the full name was given
        country = next((r.country for p in people if visitor and p.name == visitor.name
                        for r in p.roles if r.country), None)
        if country is None:
            continue
        for person in people:
            if not i < person.start < sent.end or not person.roles \
                    or token_key(person.name.split()[0]) in lex.surnames \
                    or any(r.country for r in person.roles):
                continue
            person.roles[:] = [r if _names_an_owner(r, lex) else _of_country(r, country, lex)
                               for r in person.roles]


def _names_an_owner(role: RoleMention, lex: Lexicon) -> bool:
    """Whether the office's label names whose it is: "of the <body>", "of <country>"."""
    if " of the " in role.label:
        return True
    owner = role.label.rsplit(" of ", 1)[1] if " of " in role.label else None
    return owner is not None and (owner in lex.body_by_label
                                  or lex.countries.match(phrase_keys(owner), 0) is not None
                                  or any(k in lex.org_heads or k in lex.company_words
                                         for k in phrase_keys(owner)))  # "of Nile Agro Holding"


def _of_country(role: RoleMention, country: str, lex: Lexicon) -> RoleMention:
    """A title without a country that the context gives one ("President" -> "President of
    Chile", not the home "State President" the bare word is an alias of)."""
    if role.country is not None:
        return role
    label = role.surface if len(role.surface.split()) == 1 else role.label
    return RoleMention(lex.foreign_office(label, country), role.surface,
                       role.confidence, country)


def _visitor(scan: _Scanner, start: int, visit) -> int | None:
    """The token of the visiting person's name: "X's visit", "X paid a visit", "X, who is
    paying / is on a visit"."""
    if start >= 2 and scan.keys[start - 1] in ("'s", "’s"):
        return start - 2
    if start >= 1 and scan.keys[start - 1] in ("his", "her", "their"):
        # "X held talks ... during her official visit to Y": the subject of the verb the
        # visit's phrase hangs from
        head = visit.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return subject.i if subject is not None and subject.pos_ == "PROPN" else None
    verb = visit.head if visit.dep_ == "dobj" else (
        visit.head.head if visit.dep_ == "pobj" and visit.head.lower_ == "on" else None)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in scan.lex.visit_verbs:
        return None  # "recalled the visit": the one who recalls did not visit
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        # "X will attend the summit and pay a working visit to Y": the first verb's subject
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        return verb.head.i
    return subject.i if subject is not None else None



def _purpose_after_setting(scan: _Scanner, end: int) -> tuple[int, int] | None:
    """"a reception in Canberra on March 10 to celebrate X": where "to celebrate X" starts and
    ends, when only "in"/"at"/"on" phrases of places and dates stand between; else None."""
    keys, k = scan.keys, end
    while k < min(scan.n, end + 12) and keys[k] in ("in", "at", "on"):
        k += 1
        k = scan.skip_the(k)
        run = k
        while run < scan.n and (_is_name_token(scan.texts[run]) or scan.tokens[run].like_num
                                or keys[run] == ","):
            run += 1
        if run == k:
            return None
        k = run
        while k > end and keys[k - 1] == ",":
            k -= 1
    if k == end or k + 1 >= scan.n or keys[k] != "to" or scan.tokens[k + 1].tag_ != "VB":
        return None
    stop = _event_phrase_end(scan, k + 2, min(scan.n, k + 24))
    # "to celebrate the second anniversary of X and the 53rd anniversary of Y": the first
    # object names it
    second = next((j for j in range(k + 4, stop - 1) if keys[j] == "and" and keys[j + 1] == "the"),
                  stop)
    return k, second


def _event_phrase_end(scan: _Scanner, j: int, limit: int) -> int:
    """Where "to implement X and Y" / "on X" after a generic event ends: at punctuation, a
    clause word, or a place or date preposition."""
    while j < limit:
        text, key = scan.texts[j], scan.keys[j]
        if text in ("—", "–") and 0 < j < scan.n - 1 and _is_name_token(scan.texts[j - 1]) \
                and _is_name_token(scan.texts[j + 1]):
            j += 1  # "the Viet Nam – Australia Partnership": a dash inside a name
            continue
        if text == "," and scan.tokens[j - 1].tag_ == "NNS":
            listed = _plural_list_end(scan, j, limit)
            if listed is not None:
                j = listed  # "with ministries, agencies and localities": one list of guests
                continue
        if text in (",", ".", ";", ":", "(", ")", "—", "–") \
                or key in ("with", "which", "who", "ahead", "before", "after", "prior") \
                or (key in ("in", "at", "on", "from") and j + 1 < scan.n
                    and (scan.texts[j + 1][:1].isupper() or scan.texts[j + 1][:1].isdigit()
                         or scan.keys[j + 1] == "the")
                    and not (key == "in" and _YEAR.match(scan.texts[j + 1]))):
            break  # "in Hanoi", "on May 3" end it; "in 2025" is part of the topic
        j += 1
    return j


def _plural_list_end(scan: _Scanner, comma: int, limit: int) -> int | None:
    """Where ", agencies and localities" ends when it goes on a list of lower-case plural
    nouns (", A, B and C"); None when the comma ends the phrase."""
    k = comma
    while k + 1 < limit and scan.texts[k] == "," and scan.texts[k + 1].islower() \
            and scan.tokens[k + 1].tag_ == "NNS":
        k += 2
    if k > comma and k + 1 < limit and scan.keys[k] == "and" \
            and scan.texts[k + 1].islower() and scan.tokens[k + 1].tag_ == "NNS":
        return k + 2
    return None


def _named_event_at(scan: _Scanner, i: int) -> EventMention | None:
    """A capitalised name ending in an event word, without an ordinal, after "the" (or opening
    a sentence), optionally with an edition year and a lower-case event word ("Spring of
    Homeland 2025 programme")."""
    doc, keys, lex = scan.doc, scan.keys, scan.lex
    # "the 2026 National Conference on X": an edition year opens the name
    year_first = i >= 2 and keys[i - 2] == "the" \
        and bool(_EDITION_YEAR.fullmatch(scan.texts[i - 1]))
    if not scan.texts[i][:1].isupper() or keys[i] in ("the", "a", "an") \
            or (i > 0 and keys[i - 1] != "the" and not scan.tokens[i].is_sent_start
                and not _headline_verb(scan, i - 1) and not year_first):
        return None
    run_end = scan.proper_run(i)
    while run_end + 1 < scan.n and keys[run_end] == "," and _is_name_token(scan.texts[run_end + 1]):
        run_end = scan.proper_run(run_end + 1)
    while run_end + 2 < scan.n and keys[run_end] == "the" \
            and scan.texts[run_end - 1].endswith("ing") and scan.texts[run_end - 1][:1].isupper() \
            and _is_name_token(scan.texts[run_end + 1]):
        # "Conference on Implementing the Law on Tax Administration": a gerund's capitalised
        # object is part of the name
        run_end = scan.proper_run(run_end + 1)
    head = None
    for k in range(i, run_end):
        found = lex.event_heads.match(keys, k, skip=False)
        if found and found[0] <= run_end and scan.texts[k][:1].isupper() and (
                found[0] == run_end or keys[found[0]] in ("of", "on", "for")):
            head = (k, found[0])
            break
    end = run_end
    if end < scan.n and _EDITION_YEAR.fullmatch(scan.texts[end]):
        end += 1
    lower = lex.event_lower_heads.match(keys, end, skip=False) \
        if end < scan.n and not scan.texts[end][:1].isupper() else None
    if head is None and lower is None:
        return None
    if head is None and end == run_end:
        return None  # a lower-case event word needs an edition year before it
    if end - i < 2:
        return None
    known = lex.bodies.match(keys, i)
    if known and head and known[0] >= head[1]:
        return None  # "the National Assembly" is a body, not an event
    if head and (head[0] in scan.body_at or any(lex.role_heads.match(keys, k, skip=False)
                                                and k not in scan.plural_at
                                                for k in range(i, head[0]))):
        # "Chairman of the Vietnamese National Assembly"; "Women Leaders' Forum" names a forum
        return None
    if i >= 3 and keys[i - 2] == "of" and any(
            (lex.role_heads.match(keys, k, skip=False) or (None,))[0] == i - 2
            for k in range(max(0, i - 5), i - 2)):
        return None  # "Secretary General of the Swiss-Viet Economic Forum": an organisation
    if year_first:
        i -= 1
    label = doc[i:end].text
    forms = []
    if lower is not None:
        forms.append(label)
        end = lower[0]
        label = doc[i:end].text
    words = [keys[k] for k in range(i, end) if keys[k] not in lex.event_generic]
    subtype = _event_subtype(scan.texts[head[0]] if head else scan.texts[end - 1], lex)
    return EventMention(i, end, label, "named " + " ".join(words), subtype, forms)


def _headline_verb(scan: _Scanner, k: int) -> bool:
    """"Deputy FM X co-chairs Viet Nam – Australia Senior Officials' Meeting", "X attends Africa
    Day 2025 celebration": a headline drops "the" after a present-tense attendance verb."""
    token = scan.tokens[k]
    # the model often tags a headline's "co-chairs" as a plural noun
    return token.tag_ in ("VBZ", "NNS") and token.text.islower() \
        and scan.keys[k].endswith("s") and scan.keys[k][:-1] in scan.lex.attend_verbs


def _earlier_event(scan: _Scanner, i: int, number: int,
                   events: list[EventMention]) -> EventMention | None:
    """"The tenth session" (no "of ..."): the tenth session already named in the article."""
    found = scan.lex.event_heads.match(scan.keys, i + 1, skip=False)
    if not found:
        return None
    head = token_key(scan.doc[i + 1:found[0]].text)
    for event in reversed(events):
        words = event.key.split()
        if words[:1] == [str(number)] and head in event.key:
            return EventMention(i, found[0], event.label, event.key, event.subtype)
    return None


def _run_over_acronyms(scan: _Scanner, start: int) -> int:
    """A capitalised run that goes on over a bracketed acronym ("Ayeyawady – Chao Phraya –
    Mekong Economic Cooperation Strategy (ACMECS) Summit")."""
    end = scan.proper_run(start)
    while end + 3 < scan.n and scan.texts[end] == "(" and _ACRONYM.match(scan.texts[end + 1]) \
            and scan.texts[end + 2] == ")" and _is_name_token(scan.texts[end + 3]):
        end = scan.proper_run(end + 3)
    return end


def _event_at(scan: _Scanner, i: int, number: int) -> EventMention | None:
    doc, keys, lex = scan.doc, scan.keys, scan.lex
    run_end = _run_over_acronyms(scan, i + 1)
    head = None
    for k in range(i + 1, run_end):
        found = lex.event_heads.match(keys, k, skip=False)
        if found and found[0] + 1 < run_end and scan._glued_hyphen(found[0]):
            found = (found[0] + 2, found[1])  # "Meeting-Plus": the head goes on over the hyphen
        if found and found[0] <= run_end and (found[0] == run_end or keys[found[0]] in (
                "of", "on", "for")):
            head = (k, found[0])
            break
    lowercase = False
    if head is None:
        found = lex.event_heads.match(keys, i + 1, skip=False)
        if found and i > 0 and keys[i - 1] == "its" and (found[0] >= scan.n
                                                        or keys[found[0]] != "of"):
            return _own_event(scan, i, number, found[0])
        if found and i > 1 and keys[i - 1] in ("'s", "’s") and (found[0] >= scan.n
                                                               or keys[found[0]] != "of"):
            return _possessed_event(scan, i, number, found[0])
        if not found or found[0] >= scan.n or keys[found[0]] != "of":
            return None
        head, lowercase = (i + 1, found[0]), True
    known = lex.bodies.match(keys, i + 1)
    if known and known[0] >= head[1]:
        return None  # "15th National Assembly" is a legislature's term, not an event
    end = head[1]
    series_label, series_numbers = None, []
    if end + 1 < scan.n and keys[end] in ("of", "on", "for") \
            and keys[end + 1] not in MONTHS and keys[end + 1] not in WEEKDAYS:  # "on November 4"
        start = scan.skip_the(end + 1)
        while start < scan.n and _ORDINAL.match(keys[start]):
            series_numbers.append(keys[start])
            start += 1
            if start + 1 < scan.n and scan._glued_hyphen(start) and keys[start + 1] in (
                    "tenure", "term", "legislature"):
                start += 2  # "the 10th-tenure Dong Nai provincial People's Council"
        body = scan.match_body(start)
        if body is not None and body.type in (EntityType.PLACE, EntityType.COUNTRY) \
                and scan.proper_run(start) > body.end:
            # a province or country opening a longer name ("the Lao Cai provincial Party ...",
            # "the Vietnam-Cambodia Joint Committee on Trade")
            body = None
        if body is not None:
            series_label, series_end = body.label, body.end
            series_numbers += [keys[k] for k in range(start, body.end) if _ORDINAL.match(keys[k])]
            if series_end + 1 < scan.n and keys[series_end] == "'s":
                part_end = scan.org_run(series_end + 1)
                if scan._org_head_in(series_end + 1, part_end):
                    # "the Party Central Committee's Propaganda Commission": the body's part
                    series_label = f"{body.label}'s {doc[series_end + 1:part_end].text}"
                    series_end = part_end
        else:
            series_end = scan._field_list_end(start, scan.proper_run(start))
            if series_end == start:
                series_end = _lower_body_end(scan, start)
            series_label = doc[start:series_end].text if series_end > start else None
        if series_label:
            end = series_end
            local = _local_continuation(scan, end)
            if local is not None:
                end = local
                series_label = f"{series_label} {doc[series_end:end].text}"
    elif lowercase:
        return None
    words = [keys[k].removesuffix("'s") for k in range(i + 1, head[0])]
    content = []
    for word in words:
        if word in lex.event_generic or word in ("-", "–", "'s"):
            continue
        found = lex.bodies.match([word], 0, skip=False)
        content.append(token_key(str(found[1])) if found else word)
    parts = [str(number), *content, token_key(doc[head[0]:head[1]].text)]
    if series_label:
        parts += [token_key(series_label), *series_numbers]
    label = doc[i:end].text
    return EventMention(i, end, label, " ".join(parts), _event_subtype(scan.texts[head[0]], lex))


def _own_event(scan: _Scanner, i: int, number: int, head_end: int) -> EventMention | None:
    """"The Standing Committee held its 31st session": the session of the organisation named
    last before "its" in the sentence."""
    owner = _last_organisation_before(scan, i - 1, adjacent=False)
    return _event_of(scan, i, number, head_end, owner) if owner is not None else None


def _possessed_event(scan: _Scanner, i: int, number: int, head_end: int) -> EventMention | None:
    """"the NA's tenth session", "the Party Central Committee's ninth plenum": the event of the
    organisation before "'s", keyed like "tenth session of the National Assembly"."""
    owner = _last_organisation_before(scan, i - 1, adjacent=True)
    if owner is None:
        return None
    event = _event_of(scan, i, number, head_end, owner)
    event.forms.append(scan.doc[owner.start:head_end].text)  # "NA's tenth session"
    return event


def _last_organisation_before(scan: _Scanner, end: int, adjacent: bool) -> BodyMention | None:
    """The last organisation of the sentence that ends by `end` (or, `adjacent`, right at it)."""
    owner, k = None, scan.sent(end).start
    while k < end:
        body = scan.match_body(k)
        if body is not None and body.end <= end:
            if body.type is EntityType.ORGANIZATION and (body.end == end or not adjacent):
                owner = body
            k = body.end
        else:
            k += 1
    return owner


def _event_of(scan: _Scanner, i: int, number: int, head_end: int,
              owner: BodyMention) -> EventMention:
    """"31st session" of `owner`: "31st session of the <owner>", keyed by number, head, owner."""
    head_key = token_key(scan.doc[i + 1:head_end].text)
    label = f"{scan.doc[i:head_end].text} of the {owner.label}"
    return EventMention(i, head_end, label, f"{number} {head_key} {token_key(owner.label)}",
                        _event_subtype(scan.texts[i + 1], scan.lex))


def _lower_body_end(scan: _Scanner, start: int) -> int:
    """"the joint steering committee on fisheries": a lower-case body (ending in an organisation
    word, at most four words) and its "on <topic>" (nouns and adjectives, at most four)."""
    keys = scan.keys
    end = start
    for k in range(start, min(start + 4, scan.n)):
        if not scan.tokens[k].is_alpha or not scan.texts[k].islower():
            break
        if keys[k] in scan.lex.org_heads:
            end = k + 1
    if end > start and end + 1 < scan.n and keys[end] == "on":
        k = end + 1
        while k < scan.n and k - end <= 4 and scan.tokens[k].is_alpha \
                and scan.tokens[k].pos_ in ("NOUN", "ADJ", "PROPN"):
            k += 1
        if k > end + 1:
            end = k
    return end


def _local_continuation(scan: _Scanner, end: int) -> int | None:
    """"... Farmers' Union (VFU) of Ha Tinh province": an acronym in brackets does not end a
    body's name; the place it belongs to follows."""
    keys = scan.keys
    k = scan.skip_paren(end) if end + 2 < scan.n and keys[end] == "(" \
        and _ACRONYM.match(scan.texts[end + 1]) else end
    if k == end or k + 1 >= scan.n or keys[k] != "of":
        return None
    start = scan.skip_the(k + 1)
    run = scan.proper_run(start, limit=4)
    if run == start:
        return None
    return place_word_after(scan, run) or run


def _ordinal_value(key: str, lex: Lexicon) -> int | None:
    match = _ORDINAL.match(key)
    if match:
        return int(match.group(1))
    return lex.ordinal_words.get(key)


def _event_subtype(head: str, lex: Lexicon) -> str:
    """A head word containing a conference word ("Summit", "Congress") names a conference."""
    lowered = head.lower()
    if any(word in lowered for word in lex.conference_event_words):
        return "Conference"
    return "Meeting"


# --- the component ----------------------------------------------------------------------------


# "Secretary of the provincial Party Committee": an office of the article's own province or city
_UNNAMED_LOCALITY = re.compile(r" of the (provincial|city|municipal) ")
_LOCALITY_WORDS = ("provincial", "province", "city")


def _locality_at(lex: Lexicon, keys: Sequence[str], start: int) -> tuple[int, Body] | None:
    """A known province or city (of any country) named from `start`: (end, body)."""
    found = lex.bodies.match(keys, start)
    known = lex.body_by_label.get(str(found[1])) if found else None
    if known is None or known.type is not EntityType.PLACE \
            or known.subtype not in ("Province", "City"):
        return None
    return found[0], known


def _whole_locality(place: str, lex: Lexicon) -> Body | None:
    """The province or city `place` names, all of it ("Xieng Khouang", not "Nghe An Party")."""
    keys = phrase_keys(place)
    found = _locality_at(lex, keys, 0)
    return found[1] if found is not None and found[0] == len(keys) else None


def _is_home(body: Body, lex: Lexicon) -> bool:
    return body.part_of in (None, lex.home_country)


def _with_locality_word(place: str, word: str) -> str:
    """"Dong Nai provincial", "Hai Phong city"; "municipal" is the city's, and a city whose name
    ends in "City" takes no second one ("Ho Chi Minh City")."""
    word = "city" if word == "municipal" else word
    return place if word == "city" and place.lower().endswith("city") else f"{place} {word}"


def _article_locality(scan: _Scanner, kind: str | None = None) -> str | None:
    """The Vietnamese province or city the article is about, as written: the one most often
    named as a locality ("the Dong Nai provincial People's Council", "the Hai Phong city Party
    Committee", "the Hai Phong People's Committee"), then most often named at all. None when the
    article names none, or two alike. With `kind` ("City" for "the city Party Committee",
    "Province" for "the provincial ..."), a locality of that kind comes first."""
    lex, keys, texts = scan.lex, scan.keys, scan.texts
    counts: dict[str, list[int]] = {}  # label -> [named as a locality, named at all]
    written: dict[str, str] = {}
    i = 0
    while i < scan.n:
        found = _locality_at(lex, keys, i) if texts[i][:1].isupper() else None
        if found is None or not _is_home(found[1], lex):
            i += 1
            continue  # no place, a foreign province, a region or a venue
        end, known = found
        surface = scan.doc[i:end].text
        after = texts[end] if end < scan.n else ""
        if after == "City":  # "Can Tho City": the city's name as written
            surface, after = f"{surface} City", texts[end + 1] if end + 1 < scan.n else ""
        tally = counts.setdefault(known.label, [0, 0])
        tally[1] += 1
        if after.lower() in _LOCALITY_WORDS or after in ("Party", "People", "People's"):
            tally[0] += 1
            # as written, but "HCM City" by its name, as its offices are labelled
            written.setdefault(known.label, known.label if any(
                _ACRONYM.match(w) for w in surface.split()) else surface)
        i = end
    ranked = sorted(((tally, label) for label, tally in counts.items() if tally[0]), reverse=True)
    of_kind = [r for r in ranked if lex.body_by_label[r[1]].subtype == kind]
    if of_kind:
        ranked = of_kind
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return written[ranked[0][1]]


def _locality_kind(unnamed: re.Match[str]) -> str:
    """The kind of place an unnamed locality word names ("city" -> "City")."""
    return "Province" if unnamed[1] == "provincial" else "City"


def _place_of_office(label: str, lex: Lexicon) -> str | None:
    """The province or city an office ends with, as written ("Governor of Xieng Khouang")."""
    if " of " not in label:
        return None
    place = label.rsplit(" of ", 1)[1]
    return place if _whole_locality(place, lex) is not None else None


# "the Hai Phong People's Committee", "the Nghe An Party Committee": a local body named without
# its locality word
_LOCAL_BODY = re.compile(r" of the (?P<place>[^,]+?) (?:(?:provincial|city|municipal) )?"
                         r"(?P<body>Party Committee|People's Committee|People's Council)\b")


def local_body_form(label: str, lex: Lexicon) -> str:
    """One form for a Vietnamese province's or city's Party Committee, People's Committee or
    People's Council in an office's label, for the office's identity: "<place> provincial <body>"
    for a province, "<place> city <body>" for a city ("the Hai Phong People's Committee" and "the
    Hai Phong city People's Committee" are one body; the label keeps the article's words)."""
    found = _LOCAL_BODY.search(label)
    known = _whole_locality(found["place"], lex) if found is not None else None
    if known is None or not _is_home(known, lex):
        return label
    place = _with_locality_word(found["place"],
                                "provincial" if known.subtype == "Province" else "city")
    return label[:found.start()] + f" of the {place} {found['body']}" + label[found.end():]


def office_identity(label: str, lex: Lexicon) -> str:
    """What makes two office labels one office: a local body in its one form, and the holder's
    gender left out ("Chairwoman of X" is the office "Chairman of X" names)."""
    form = local_body_form(label, lex)
    return lex.gendered_office_pattern.sub(lambda m: lex.gendered_office_words[m[0]], form)


def _localised(role: RoleMention, unnamed: re.Match[str], place: str) -> RoleMention:
    """`role` with its unnamed locality (`_UNNAMED_LOCALITY`'s match) named as `place`."""
    label = role.label.replace(unnamed[0], f" of the {_with_locality_word(place, unnamed[1])} ",
                               1)
    return RoleMention(label, role.surface, role.confidence, role.country)


def _localise_offices(scan: _Scanner, people: list[PersonMention]) -> None:
    """"Secretary of the provincial Party Committee" in an article about Dong Nai is "Secretary
    of the Dong Nai provincial Party Committee": the same office the article names in full
    elsewhere, not a generic one."""
    if not any(_UNNAMED_LOCALITY.search(r.label) for p in people for r in p.roles):
        return
    article_places = {kind: _article_locality(scan, kind) for kind in ("City", "Province")}
    for person in people:
        # "Secretary of the provincial Party Committee and Governor of Xieng Khouang": the
        # place the person's other office names comes first
        own = next((own for r in person.roles
                    if (own := _place_of_office(r.surface, scan.lex))), None)
        for k, role in enumerate(person.roles):
            found = _UNNAMED_LOCALITY.search(role.label)
            place = own or (article_places[_locality_kind(found)] if found else None)
            if found and place is not None:
                person.roles[k] = _localised(role, found, place)


def find_former_offices(scan: _Scanner) -> list[tuple[int, RoleMention]]:
    """Offices the text says someone held before ("X, former Chairman of Y", "previously served
    as Deputy Head of Z"), each with where it starts: offices the article names, held by nobody
    now as far as it says (the holder's present offices are read as titles)."""
    lex, keys, texts = scan.lex, scan.keys, scan.texts
    found: list[tuple[int, RoleMention]] = []
    places: dict[str, str | None] = {}  # the article's locality of each kind, once read
    for i, key in enumerate(keys):
        if key not in lex.former_office_markers and key not in ("who", "after"):
            continue
        j = i + 1
        cue = lex.former_office_cues.match(keys, j, skip=False) if j < scan.n else None
        if cue:
            j = cue[0]
        elif key in ("who", "after"):
            continue  # "X, who had been Director of Y", "after serving as Z": the cue is needed
        if j >= scan.n or not texts[j][:1].isupper():
            continue
        for at, role in _conjoined_former_titles(scan, j):
            found.append((at, _former_office_localised(scan, role, places)))
    return found


def _conjoined_former_titles(scan: _Scanner, j: int) -> list[tuple[int, RoleMention]]:
    """The offices of "former A and B" (each with where it starts), up to "and now C"."""
    lex, keys = scan.lex, scan.keys
    titles: list[tuple[int, RoleMention]] = []
    while True:
        parsed = scan._parse_one_title(j)
        if parsed is None or parsed[1] is None:
            return titles
        role = parsed[1]
        name_at = scan.skip_honorifics(parsed[0])
        if role.country is None and " of " not in role.label and " to " not in role.label \
                and (name_at >= scan.n or keys[name_at] not in lex.surnames):
            return titles  # "Former Prime Minister Tony Abbott": no home office of Vietnam
        if titles and scan.name_run(name_at) > name_at:
            return titles  # "former Minister of X, and Ambassador Y": Y's office now
        titles.append((j, role))
        step = scan.skip_paren(parsed[0])
        if step < scan.n and keys[step] == ",":
            step += 1
        if step + 1 >= scan.n or keys[step] != "and":
            return titles
        j = step + 1
        if lex.present_office_cues.match(keys, j, skip=False) or not scan.texts[j][:1].isupper():
            return titles


def _former_office_localised(scan: _Scanner, role: RoleMention,
                             places: dict[str, str | None]) -> RoleMention:
    """A former office of an unnamed locality in the article's locality of its kind."""
    unnamed = _UNNAMED_LOCALITY.search(role.label)
    if unnamed:
        # "former Chairwoman of the provincial People's Council": the article's province
        kind = _locality_kind(unnamed)
        if kind not in places:
            places[kind] = _article_locality(scan, kind)
        if places[kind] is not None:
            role = _localised(role, unnamed, places[kind])
    return role


def _organisations_in_offices(lex: Lexicon, people: list[PersonMention]
                              ) -> set[tuple[str, ...]]:
    """The organisations people's offices name ("Vallee Energies" of "CEO of Vallee Energies";
    "Nhan Dan" of "Editor-in-Chief of Nhan Dan newspaper"), as token keys: never a known place or
    country ("Chairman of Ho Chi Minh City" leaves the person Ho Chi Minh alone)."""
    found: set[tuple[str, ...]] = set()
    for person in people:
        for role in person.roles:
            if " of " not in role.label:
                continue
            words = fold_words(role.label.rsplit(" of ", 1)[1])
            if words[:1] == ["the"]:
                words = words[1:]
            whole = lex.bodies.match(words, 0) or lex.countries.match(words, 0)
            if not words or (whole is not None and whole[0] == len(words)):
                continue
            found.add(tuple(words))
            kind = next((n for n, w in enumerate(words)
                         if w in lex.company_words or lex.media_words.match(words, n, skip=False)),
                        None)
            if kind:
                found.add(tuple(words[:kind]))  # "Nhan Dan" before "newspaper"
    return found


def _organisation_short_names(scan: _Scanner) -> frozenset[tuple[str, ...]]:
    """The short names of companies the article names in full: the first words of a capitalised
    run ending in a company word ("Kyoei", "Kyoei Materials" of "Kyoei Materials Corporation").
    A person's name is never one of them where the person holds no office."""
    found: set[tuple[str, ...]] = set()
    keys, texts = scan.keys, scan.texts
    for k, key in enumerate(keys):
        if key not in scan.lex.company_words or not texts[k][:1].isupper():
            continue
        start = k
        while start > 0 and _is_name_token(texts[start - 1]) and k - start < 5:
            start -= 1
        words = tuple(keys[start:k])
        found.update(words[:n] for n in range(1, len(words) + 1))
    return frozenset(found)


@Language.factory(
    "dg_mentions",
    assigns=["doc._.dg_bodies", "doc._.dg_people", "doc._.dg_documents", "doc._.dg_events",
             "doc._.dg_former_offices"],
    requires=["doc.ents", "token.dep", "token.pos", "doc.sents"],
)
def make_mentions(nlp: Language, name: str) -> MentionFinder:
    return MentionFinder(lexicon())


class MentionFinder:
    """Finds DiploGraph's mentions; the article date (for tenures) comes in `doc.user_data`."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        scan = _Scanner(doc, self.lex)
        bodies = scan.find_bodies()
        places = scan.find_places()
        bodies = sorted([b for b in bodies if id(b) not in scan.replaced] + places,
                        key=lambda b: b.start)
        scan.find_body_memberships(bodies)
        day = doc.user_data.get("dg_date") if doc.user_data else None
        people = find_people(scan)
        resolve_short_names(people, self.lex, day, scan.orphan_titles)
        find_bare_names(scan, people, self.lex, day)
        _localise_offices(scan, people)
        _accompanying_offices(scan, people)
        doc._.dg_former_offices = find_former_offices(scan)
        # "Related news" headlines are read too: `dg_line_breaks` makes each its own sentence,
        # so none merges with the body or with another headline.
        doc._.dg_bodies = bodies
        doc._.dg_people = people
        doc._.dg_documents = documents = find_documents(scan, bodies)
        # "the WHO Convention on X": a named document's head word is no event
        visits = find_visits(scan, bodies)
        _hosts_by_invitation(scan, people, visits, bodies)
        _hosts_of_the_visited_country(scan, people, visits, bodies)
        events = find_events(scan) + visits
        doc._.dg_events = sorted((e for e in events if not any(
            d.name and d.start <= e.start and e.end <= d.end for d in documents)),
            key=lambda e: e.start)
        # "the Law on Workers under Contracts", "the Conference of Chief Procurators of ...": one
        # capitalised word inside a document's or an event's name is a word of that name
        names = [(d.start, d.end) for d in documents if d.name] \
            + [(e.start, e.end) for e in doc._.dg_events]
        doc._.dg_people = [p for p in people if p.roles or p.end - p.start > 1 or not (any(
            start <= p.start and p.end <= end for start, end in names)
            or _last_field_word(scan, p.start, people))]
        # "Kyoei" after "Japan's Kyoei Materials Corporation": the company's short name;
        # "Vallee Energies" after "CEO of Vallee Energies": the organisation an office names
        if any(not p.roles for p in doc._.dg_people):
            companies = _organisation_short_names(scan) | _organisations_in_offices(
                self.lex, doc._.dg_people)
            doc._.dg_people = [p for p in doc._.dg_people
                               if p.roles or tuple(fold_words(p.name)) not in companies]
        return doc

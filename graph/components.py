"""DiploGraph's rule components: they run after the statistical model and put mentions on the Doc.

- `dg_line_breaks` (before the parser): every line is its own sentence, so headlines, captions
  and "related news" items never merge with the body.
- `dg_mentions` (after NER): bodies, countries and places from the reference data; people with
  their titles (roles, memberships), short references resolved within the article; Party and
  State documents with number, kind, issuer, topic and date; events with ordinals.

Results are plain dataclasses on `Doc._.dg_*` extensions; graph/extract.py turns them into facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from graph.lexicon import Lexicon, lexicon, token_key
from graph.model import EntityType

# --- mention types -----------------------------------------------------------------------------


@dataclass
class BodyMention:
    start: int
    end: int
    label: str
    type: EntityType
    surface: str


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
    number: str
    kind: str
    issuer: str | None = None
    issuer_from_text: bool = False
    topic: str | None = None
    date_text: str | None = None


@dataclass
class EventMention:
    start: int
    end: int
    label: str
    key: str  # ordinal + head + series: the same event in other words gets the same key
    subtype: str | None = None


for _name in ("dg_bodies", "dg_people", "dg_documents", "dg_events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


# --- line breaks -------------------------------------------------------------------------------


_DASHES = frozenset({"–", "—", "-", "--"})


@Language.component("dg_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence, and so does the first word after a
    dateline ("HÀ NỘI, June 18 (VNA) – ..."); the parser keeps preset boundaries."""
    line_start = 0
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
            line_start = token.i
        elif previous.text in _DASHES and token.i - line_start <= 14 and token.i >= 4 \
                and doc[token.i - 2].text == ")" and doc[token.i - 4].text == "(" \
                and doc[token.i - 3].text.isupper():
            token.is_sent_start = True
    return doc


# --- helpers ---------------------------------------------------------------------------------

_NAME_TOKEN = re.compile(r"^[A-ZÀ-ỸĐ][\wÀ-ỹđĐ'’-]*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,9}$")
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
_APPOSITIVE_LEADS = (
    ("who", "is"), ("who", "was"), ("who", "has", "been"), ("who", "took", "oath", "as"),
    ("who", "was", "elected"), ("who", "was", "elected", "as"), ("who", "became"),
    ("who", "is", "also"), ("who", "was", "appointed"), ("who", "was", "appointed", "as"),
    ("a",), ("an",), ("the",), ("also",), ("currently",), ("now",),
)
_NOT_NAMES = frozenset({"on", "in", "at", "the", "this", "that", "speaking", "according",
                        "meanwhile", "party", "state", "government", "photo", "vna", "vns",
                        "resolution", "directive", "decree", "no", "january", "february", "march",
                        "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "monday", "tuesday", "wednesday", "thursday",
                        "friday", "saturday", "sunday", "from", "with", "during", "after",
                        "before", "amid", "regarding", "reviewing", "looking", "notably",
                        "moreover", "however", "he", "she", "they", "it", "his", "her",
                        "minister", "chairman", "president", "general", "secretary",
                        "deputy", "ambassador", "leader", "chief", "member", "prime",
                        "national", "assembly", "ministry", "committee", "vietnamese",
                        "dr", "mr", "ms", "law", "decision", "conclusion", "decrees",
                        "resolutions", "directives", "laws", "speaker"})


def _is_name_token(text: str) -> bool:
    return bool(_NAME_TOKEN.match(text)) and not _ACRONYM.match(text)


class _Scanner:
    """Token-level rules over one Doc (keys computed once)."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.keys = [token_key(t.text) for t in doc]
        self.n = len(doc)
        self.body_at: dict[int, BodyMention] = {}
        self.in_body: set[int] = set()
        self.orphan_titles: list[tuple[int, list[RoleMention]]] = []  # titles without a name

    # bodies -------------------------------------------------------------------------------
    def match_body(self, i: int, *, need_capital: bool = True) -> BodyMention | None:
        if i >= self.n:
            return None
        text = self.doc[i].text
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
        # A lower-case one-word alias ("legislature") only counts capitalised; a body ending
        # inside a capitalised run ("Party" of "Party Congress") is a different name.
        if end < self.n and self.doc[end].text[:1].isupper() and end - i == 1 \
                and self.doc[end].text not in ("(",) and _is_name_token(self.doc[end].text) \
                and self.keys[end] not in self.lex.role_heads.root \
                and not is_country:
            return None
        body = self.lex.body_by_label[label]
        entity_type = EntityType.COUNTRY if is_country else body.type
        return BodyMention(i, end, label, entity_type, self.doc[i:end].text)

    def _ends_at_word(self, end: int) -> bool:
        return end >= self.n or self.doc[end].text != "-"

    def find_bodies(self) -> list[BodyMention]:
        found = []
        i = 0
        while i < self.n:
            body = self.match_body(i)
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
        name ending in an organisation word ("Swiss-Viet Economic Forum")."""
        j = self.skip_the(i)
        if j < self.n and self.keys[j] in self.lex.demonyms \
                and self.lex.demonyms[self.keys[j]] == self.lex.home_country:
            j += 1  # "the Vietnamese National Assembly"
        body = self.match_body(j)
        if body is not None:
            return body.end, body.label, body.type
        run_end = self.proper_run(j)
        # A person's name may follow directly ("... Social Affairs Nguyen Thuy Anh").
        cut = False
        for k in range(j + 1, run_end):
            if self.keys[k - 1] in _CONNECTORS:
                continue
            if (self.keys[k] in self.lex.surnames and k + 1 < run_end
                    and _is_name_token(self.doc[k + 1].text)) \
                    or self.lex.titles_before_names.match(self.keys, k, skip=False):
                run_end, cut = k, True
                break
        while run_end > j and self.keys[run_end - 1] in _CONNECTORS:
            run_end -= 1
        if run_end <= j:
            return None
        heads = [k for k in range(j, run_end)
                 if self.keys[k] in self.lex.org_heads or self.doc[k].text.endswith("Sabha")]
        if not heads:
            if run_end - j <= 2 and (run_end >= self.n
                                     or not _is_name_token(self.doc[run_end].text)):
                return run_end, self.doc[j:run_end].text, EntityType.ORGANIZATION
            return None
        tail = range(heads[-1] + 1, run_end)
        if not cut and tail and not any(self.keys[k] in _CONNECTORS for k in tail):
            run_end = heads[-1] + 1  # "Rajya Sabha Om Birla": the rest is a name
        return run_end, self.expand_acronym(j, run_end), EntityType.ORGANIZATION

    def proper_run(self, j: int, limit: int = 12) -> int:
        """End of a capitalised name that may contain "of", "for", "and", "on", hyphens and
        acronyms ("Joint Commission on Bilateral Cooperation", "NA Committee for Social
        Affairs")."""
        k = j
        while k < self.n and k - j < limit:
            text = self.doc[k].text
            if _is_name_token(text) or _ACRONYM.match(text):
                k += 1
            elif self.keys[k] in _CONNECTORS and k + 1 < self.n and k > j and (
                    _is_name_token(self.doc[k + 1].text)
                    or (self.keys[k + 1] == "the" and k + 2 < self.n
                        and _is_name_token(self.doc[k + 2].text))):
                k += 2 if self.keys[k + 1] == "the" else 1
            else:
                break
        return k

    def expand_acronym(self, start: int, end: int) -> str:
        """"NA Committee for Social Affairs" -> "National Assembly Committee for Social Affairs"."""
        text = self.doc[start:end].text
        if _ACRONYM.match(self.doc[start].text):
            found = self.lex.bodies.match(self.keys, start, skip=False)
            if found and found[0] == start + 1:
                text = f"{found[1]} {self.doc[start + 1:end].text}".strip()
        return text

    def parse_title(self, i: int) -> tuple[int, list[RoleMention], list[str], list[str]] | None:
        """A title at `i`: (end, roles, memberships, hint roles), or None.

        TITLE := [former] [demonym] modifier* (alias | head of BODY | BODY head |
                 BODY member | member of BODY) [of|to COUNTRY], chained by "and" or ",".
        """
        roles: list[RoleMention] = []
        members: list[str] = []
        hints: list[str] = []
        j = i
        end = None
        while True:
            parsed = self._parse_one_title(j)
            if parsed is None:
                break
            end, role, member, hint = parsed
            if role:
                roles.append(role)
            if member:
                members.append(member)
            if hint:
                hints.append(hint)
            nxt = self.skip_paren(end)
            if nxt < self.n and self.keys[nxt] in (",", "and") and nxt + 1 < self.n:
                step = nxt + 1
                if self.keys[nxt] == "," and step < self.n and self.keys[step] == "and":
                    step += 1
                follow = self._parse_one_title(step)
                if follow is not None and (follow[1] or follow[2]):
                    j = step
                    continue
            break
        if end is None:
            return None
        return end, roles, members, hints

    def _parse_one_title(self, i: int):
        lex, keys = self.lex, self.keys
        j = i
        past = False
        if j < self.n and keys[j] in lex.past_markers:
            past, j = True, j + 1
        country = None
        if j < self.n and keys[j] in lex.demonyms:
            country = lex.demonyms[keys[j]]
            j += 1
        whole_alias = lex.roles.match(keys, j)
        modifiers = []
        while j < self.n:
            found = lex.modifiers.match(keys, j, skip=False)
            if not found:
                break
            modifiers.append(self.doc[j:found[0]].text)
            j = found[0]
        start_core = j
        candidates = []
        alias = lex.roles.match(keys, j)
        if alias:
            candidates.append((alias[0], str(alias[1]), 0.9))
        head = lex.role_heads.match(keys, j, skip=False)
        if head:
            h_end = head[0]
            if h_end < self.n and keys[h_end] in ("of", "to"):
                prep = keys[h_end]
                org = self.org_after(h_end + 1)
                if org is not None:
                    o_end, o_label, o_type = org
                    head_text = self.doc[j:h_end].text.title().replace("-General", "-General")
                    if o_type is EntityType.COUNTRY:
                        label = f"{head_text} {prep} {o_label}"
                    elif o_label.startswith("Ministry of ") and keys[j] == "minister":
                        label = f"Minister of {o_label[len('Ministry of '):]}"
                    else:
                        label = f"{head_text} {prep} the {o_label}"
                    candidates.append((o_end, lex.canonical_role(label), 0.85))
        body = self.match_body(j)
        if body is not None and body.type is not EntityType.COUNTRY:
            after = body.end
            h2 = lex.role_heads.match(keys, after, skip=False)
            if h2:
                label = f"{self.doc[after:h2[0]].text.title()} of the {body.label}"
                candidates.append((h2[0], lex.canonical_role(label), 0.8))
            m2 = lex.membership.match(keys, after, skip=False)
            if m2:
                return m2[0], None, body.label, None
        member = lex.membership.match(keys, j, skip=False)
        if member and member[0] < self.n and keys[member[0]] == "of" and not candidates:
            body = self.match_body(self.skip_the(member[0] + 1), need_capital=False)
            if body is not None:
                return body.end, None, body.label, None
        if not candidates and whole_alias and modifiers:
            candidates.append((whole_alias[0], str(whole_alias[1]), 0.9))
            modifiers = []
        if not candidates:
            if head and not modifiers and j == i:
                # A bare head before a name ("Chairman Hue", "Minister Son"): only a hint.
                return head[0], None, None, self.doc[j:head[0]].text
            return None
        end, label, confidence = max(candidates, key=lambda c: c[0])
        if modifiers and whole_alias and whole_alias[0] >= end:
            end, label, confidence, modifiers = whole_alias[0], str(whole_alias[1]), 0.9, []
        # "President of India": a country after a role names the role's country.
        if end < self.n and keys[end] in ("of",) and country is None:
            tail = self.match_body(self.skip_the(end + 1))
            if tail is not None and tail.type is EntityType.COUNTRY:
                country, end = tail.label, tail.end
        end = self.skip_paren(end) if end < self.n and keys[end] == "(" and end + 2 < self.n \
            and _ACRONYM.match(self.doc[end + 1].text) else end
        if modifiers:
            label = lex.canonical_role(" ".join([*modifiers, label]))
        if country == lex.home_country:
            country = None
        surface = self.doc[i:end].text
        if past:
            return end, None, None, None
        if country and not label.endswith(f" {country}"):
            if label.startswith("Ambassador"):
                label = label.replace("Ambassador", f"Ambassador of {country}", 1)
            else:
                label = f"{label} of {country}"
        del start_core
        return end, RoleMention(label, surface, confidence, country), None, None

    # names --------------------------------------------------------------------------------
    def skip_honorifics(self, i: int) -> int:
        while i < self.n:
            found = self.lex.titles_before_names.match(self.keys, i, skip=False)
            if not found:
                break
            end = found[0]
            if end < self.n and self.keys[end] in ("'", "’"):
                end += 1  # Dato'
            if end >= self.n or not _is_name_token(self.doc[end].text):
                break
            i = end
        return i

    def name_run(self, i: int, limit: int = 5) -> int:
        """End of the capitalised name starting at `i` (== i if none)."""
        j = i
        while j < self.n and j - i < limit and _is_name_token(self.doc[j].text) \
                and j not in self.in_body and self.keys[j] not in _NOT_NAMES_RUN:
            if "\n" in self.doc[j].whitespace_:
                j += 1
                break
            j += 1
        return j


_CONNECTORS = frozenset({"of", "for", "and", "on", "-", "–", "'s", "'"})
_NOT_NAMES_RUN = frozenset({"said", "and", "the", "of", "on", "in", "at"})


# --- people ---------------------------------------------------------------------------------


def find_people(scan: _Scanner) -> list[PersonMention]:
    doc, keys, lex = scan.doc, scan.keys, scan.lex
    people: list[PersonMention] = []
    taken: set[int] = set()
    orphans: list[tuple[int, list[RoleMention]]] = []
    scan.orphan_titles = orphans
    i = 0
    # 1. TITLE NAME and NAME, TITLE.
    while i < scan.n:
        if i in taken or (i in scan.in_body and not _title_can_start(scan, i)):
            i += 1
            continue
        parsed = scan.parse_title(i)
        if parsed is None:
            i += 1
            continue
        end, roles, members, hints = parsed
        name_start = scan.skip_honorifics(end)
        name_end = scan.name_run(name_start)
        if name_end > name_start and keys[name_start] not in _NOT_NAMES:
            name = doc[name_start:name_end].text
            people.append(PersonMention(name_start, name_end, name, name, roles, members, hints,
                                        short=name_end - name_start == 1))
            taken.update(range(i, name_end))
            i = name_end
            continue
        if roles and not members:
            orphans.append((i, roles))
        i = max(i + 1, end if not roles else i + 1)
    # 2. Statistical names (and capitalised runs followed by an appositive title).
    spans = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    spans += _appositive_runs(scan)
    spans += _runs_after_person_nouns(scan)
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        start = scan.skip_honorifics(span.start)
        end = span.end
        while end > start and keys[end - 1] in ("'s", "'"):
            end -= 1
        if end <= start or any(k in taken for k in range(start, end)):
            continue
        if any(k in scan.in_body for k in range(start, end)) or keys[start] in _NOT_NAMES:
            continue
        if not all(_is_name_token(t.text) for t in doc[start:end]):
            continue
        if any(keys[k] in lex.org_heads or lex.event_heads.match(keys, k, skip=False)
               for k in range(start, end)):
            continue
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
            k = j + 1
            for lead in sorted(_APPOSITIVE_LEADS, key=len, reverse=True):
                if tuple(keys[k:k + len(lead)]) == lead:
                    k += len(lead)
                    break
            parsed = scan.parse_title(k)
            if parsed is not None:
                end, roles, members, _hints = parsed
                after = scan.skip_honorifics(end)
                if scan.name_run(after) == after:  # not the title of the next name
                    for role in roles:
                        role.confidence = min(role.confidence, 0.8)
                    person.roles.extend(roles)
                    person.memberships.extend(members)
    people.sort(key=lambda p: p.start)
    return people


def _inside_name(scan: _Scanner, body: BodyMention) -> bool:
    """"Hue" in "Vuong Dinh Hue" is a name, not the city."""
    if body.type is EntityType.ORGANIZATION or body.end - body.start > 1 or body.start == 0:
        return False
    previous = scan.doc[body.start - 1]
    return _is_name_token(previous.text) and not previous.is_sent_start \
        and previous.i not in scan.in_body


def _title_can_start(scan: _Scanner, i: int) -> bool:
    """A body can open a title ("NA Chairman", "Politburo member")."""
    body = scan.body_at.get(i)
    return body is not None and body.start == i


_PERSON_NOUNS = frozenset({"counterpart", "counterparts", "guest", "host", "mr", "mrs", "ms",
                           "madam", "madame"})


def _runs_after_person_nouns(scan: _Scanner) -> list[Span]:
    """"his Lao counterpart Sonexay Siphandone": a name after a noun that stands for a person."""
    runs = []
    for i in range(scan.n - 2):
        if scan.keys[i] in _PERSON_NOUNS:
            end = scan.name_run(i + 1, limit=4)
            if end - (i + 1) >= 2:
                runs.append(scan.doc[i + 1:end])
    return runs


def _appositive_runs(scan: _Scanner) -> list[Span]:
    """Capitalised runs followed by ", who is/took oath as ..." (names the model missed)."""
    doc, keys = scan.doc, scan.keys
    runs = []
    for i in range(1, scan.n - 2):
        if keys[i] == "," and keys[i + 1] == "who":
            j = i
            while j > 0 and _is_name_token(doc[j - 1].text) and i - j < 4:
                j -= 1
            if i - j >= 2:
                runs.append(doc[j:i])
    return runs


def resolve_short_names(people: list[PersonMention], lex: Lexicon, day) -> None:
    """Link "Hà", "Son", "Chairman Hue", "Cam Tu" to a full name in the article, else to a known
    office holder (people.tsv) whose given name, title and tenure fit."""
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
        hinted = {lex.canonical_role(h) for h in person.hint_roles}
        hinted |= {r.label for r in person.roles}
        known = [t for t in lex.tenures if token_key(t.label.split()[-1]) == words[-1]
                 and t.covers(day)]
        if hinted:
            known = [t for t in known if t.role in hinted or any(
                h.split()[0].lower() in t.role.lower() for h in hinted)] or []
        names = sorted({t.label for t in known})
        if len(names) == 1:
            person.name = names[0]
            person.short = False
            person.confidence = min(person.confidence, 0.75)


def attach_orphan_titles(scan: _Scanner, people: list[PersonMention], lex: Lexicon,
                         day) -> None:
    """A home title without a name ("President meets ...", "the Prime Minister said") names the
    one known holder of that office on the article's date, when that person is in the article."""
    if day is None:
        return
    named = {token_key(p.name): p for p in people}
    for start, roles in scan.orphan_titles:
        for role in roles:
            if role.country:
                continue
            holders = sorted({t.label for t in lex.tenures if t.role == role.label
                              and t.covers(day)})
            if len(holders) == 1 and token_key(holders[0]) in named:
                person = named[token_key(holders[0])]
                if all(r.label != role.label for r in person.roles):
                    person.roles.append(RoleMention(role.label, role.surface, 0.6))
                    person.role_evidence[role.label] = start


def _name_keys(person: PersonMention) -> list[str]:
    return [token_key(w) for w in person.name.split()]


def _given_name_first(person: PersonMention, lex: Lexicon) -> bool:
    """Names not in Vietnamese order ("Anwar Ibrahim", "Fadillah Yusof") are referred to by
    their first word as well."""
    words = _name_keys(person)
    return len(words) >= 2 and words[0] not in lex.surnames


def find_bare_names(scan: _Scanner, people: list[PersonMention], lex: Lexicon, day) -> None:
    """Single capitalised words that are the given name of someone already named in the article
    ("Son said", "Hà underscored") or of a known office holder and are a clause subject."""
    taken = {k for p in people for k in range(p.start, p.end)}
    given = {token_key(p.name.split()[-1]): p for p in people if len(p.name.split()) >= 2}
    for person in people:
        if _given_name_first(person, lex):
            given.setdefault(_name_keys(person)[0], person)
    for token in scan.doc:
        i = token.i
        if i in taken or i in scan.in_body or not _is_name_token(token.text):
            continue
        if i + 1 < scan.n and _is_name_token(scan.doc[i + 1].text):
            continue
        if i > 0 and _is_name_token(scan.doc[i - 1].text) and not scan.doc[i - 1].is_sent_start:
            continue
        key = scan.keys[i]
        if key in _NOT_NAMES:
            continue
        subject = token.dep_ in ("nsubj", "nsubjpass", "pobj") or token.ent_type_ == "PERSON"
        if key in given:
            if token.dep_ == "compound" and not subject:
                continue
            people.append(PersonMention(i, i + 1, given[key].name, token.text, short=False,
                                        confidence=0.75))
        elif subject and token.dep_ != "pobj":
            known = sorted({t.label for t in lex.tenures
                            if token_key(t.label.split()[-1]) == key and t.covers(day)})
            if len(known) == 1 and day is not None:
                people.append(PersonMention(i, i + 1, known[0], token.text, confidence=0.65))
    people.sort(key=lambda p: p.start)


# --- documents ------------------------------------------------------------------------------

_DOC_NUMBER = re.compile(
    r"\b(?P<number>\d{1,5}(?:/\d{4})?(?:[-/](?:[A-ZĐ][A-ZĐa-z]{0,9}\d*))+)(?![\w/-])")
_DATED = re.compile(r"^\s*,?\s*dated\s+")


def find_documents(scan: _Scanner, bodies: list[BodyMention]) -> list[DocumentMention]:
    doc, lex = scan.doc, scan.lex
    text = doc.text
    kinds = lex.document_kinds
    kind_re = re.compile(r"\b(?P<kind>" + "|".join(sorted(map(re.escape, kinds), key=len,
                                                         reverse=True)) + r")\s+(?:No\.?\s*)?$")
    found: list[DocumentMention] = []
    for match in _DOC_NUMBER.finditer(text):
        number = match.group("number")
        if not re.search(r"[A-ZĐ]{2,}", number):
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
        dated = _DATED.match(after)
        if dated:
            from graph.dates import DATE_PATTERN

            date_match = DATE_PATTERN.match(after, dated.end())
            if date_match:
                mention.date_text = date_match.group(0)
        mention.issuer, mention.issuer_from_text = _issuer(scan, span, bodies)
        if mention.issuer is None and suffix is not None:
            mention.issuer = suffix[0]
        found.append(mention)
    for index, mention in enumerate(found):
        limit = found[index + 1].start if index + 1 < len(found) else scan.n
        mention.topic = _topic(scan, mention.end, limit)
        if mention.date_text is None:
            mention.date_text = _date_before(scan, mention.start)
    return found


def _issuer(scan: _Scanner, span: Span, bodies: list[BodyMention]) -> tuple[str | None, bool]:
    """"the Politburo's Resolution ...", "the Secretariat issue(d) Directive ..."."""
    keys = scan.keys
    sent_start = span.sent.start
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
        verb = scan.doc[verbs[0]]
        subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
        inside = any(last.start <= t.i < last.end for s in subjects for t in s.subtree)
        if inside or (not subjects and last.end == verbs[0] - 1):
            return last.label, True
    return None, False


_TOPIC_STOP_AFTER_COMMA = frozenset({"with", "which", "who", "dated", "as", "while", "and",
                                      "signed", "issued", "adopted", "aiming", "in"})


def _topic(scan: _Scanner, start: int, limit: int) -> str | None:
    """What a document is "on": from "on" to the end of the noun phrase."""
    doc, keys = scan.doc, scan.keys
    i = start
    if i < scan.n and keys[i] == ",":
        i += 1
    if i < scan.n and keys[i] == "dated":
        while i < min(limit, scan.n) and keys[i] not in ("on",) and not doc[i].is_sent_start:
            i += 1
    if i >= scan.n or keys[i] != "on":
        return None
    j = i + 1
    first = j
    while j < min(limit, scan.n):
        token = doc[j]
        if token.is_sent_start or keys[j] in (";", ".", "(", ":", "/") or "\n" in token.text:
            break
        if keys[j] == ",":
            nxt = keys[j + 1] if j + 1 < scan.n else ""
            if nxt in _TOPIC_STOP_AFTER_COMMA and not (
                    nxt == "and" and j + 2 < scan.n and doc[j + 2].pos_ in ("NOUN", "ADJ")):
                break
            if j + 1 < scan.n and doc[j + 1].text[:1].isupper():
                break
        if token.pos_ == "AUX" or (token.tag_ in ("VBD", "VBZ", "VBP", "MD") and j > first):
            break
        # A prepositional phrase of a verb before the document is not part of the topic
        # ("presented Decree X on Y to the delegation").
        if token.pos_ == "ADP" and token.lower_ == "to" and token.head.i < i \
                and token.head.pos_ == "VERB":
            break
        j += 1
    while j > first and (keys[j - 1] in (",", "and", "the") or doc[j - 1].is_space):
        j -= 1
    if j <= first:
        return None
    return doc[first:j].text


def _date_before(scan: _Scanner, start: int) -> str | None:
    """"The NA Standing Committee on September 13 issued Resolution ..."."""
    from graph.dates import DATE_PATTERN

    sent = scan.doc[start].sent
    text = scan.doc[sent.start:start].text
    if not re.search(r"\b(issued|adopted|signed|promulgated|passed)(\s+the)?\s*$", text):
        return None
    matches = list(DATE_PATTERN.finditer(text))
    return matches[-1].group(0) if matches else None


# --- events ---------------------------------------------------------------------------------


def find_events(scan: _Scanner) -> list[EventMention]:
    """Named events: "32nd (National) Diplomatic Conference", "44th General Assembly of the
    ASEAN Inter-Parliamentary Assembly", "AIPA-46", "eighth session of the 15th National
    Assembly". The key (ordinal, content words, head, series) is what identifies the event."""
    doc, keys, lex = scan.doc, scan.keys, scan.lex
    events: list[EventMention] = []
    i = 0
    while i < scan.n:
        series = re.match(r"^([A-Z]{2,8})-(\d{1,3})$", doc[i].text)
        if series and token_key(series.group(1)) in lex.event_series:
            head, organiser = lex.event_series[token_key(series.group(1))]
            key = f"{int(series.group(2))} {token_key(head)} {token_key(organiser)}"
            events.append(EventMention(i, i + 1, doc[i].text, key, _event_subtype(head)))
            i += 1
            continue
        number = _ordinal_value(keys[i], lex)
        event = _event_at(scan, i, number) if number is not None else None
        if event is None:
            i += 1
            continue
        events.append(event)
        i = event.end
    return events


def _event_at(scan: _Scanner, i: int, number: int) -> EventMention | None:
    doc, keys, lex = scan.doc, scan.keys, scan.lex
    run_end = scan.proper_run(i + 1)
    head = None
    for k in range(i + 1, run_end):
        found = lex.event_heads.match(keys, k, skip=False)
        if found and found[0] <= run_end and (found[0] == run_end or keys[found[0]] in (
                "of", "on", "for")):
            head = (k, found[0])
            break
    lowercase = False
    if head is None:
        found = lex.event_heads.match(keys, i + 1, skip=False)
        if not found or found[0] >= scan.n or keys[found[0]] != "of":
            return None
        head, lowercase = (i + 1, found[0]), True
    known = lex.bodies.match(keys, i + 1)
    if known and known[0] >= head[1]:
        return None  # "15th National Assembly" is a legislature's term, not an event
    end = head[1]
    series_label, series_numbers = None, []
    if end + 1 < scan.n and keys[end] in ("of", "on", "for"):
        start = scan.skip_the(end + 1)
        while start < scan.n and _ORDINAL.match(keys[start]):
            series_numbers.append(keys[start])
            start += 1
        body = scan.match_body(start)
        if body is not None:
            series_label, series_end = body.label, body.end
            series_numbers += [keys[k] for k in range(start, body.end) if _ORDINAL.match(keys[k])]
        else:
            series_end = scan.proper_run(start)
            series_label = doc[start:series_end].text if series_end > start else None
        if series_label:
            end = series_end
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
    return EventMention(i, end, label, " ".join(parts), _event_subtype(doc[head[0]].text))


def _ordinal_value(key: str, lex: Lexicon) -> int | None:
    match = _ORDINAL.match(key)
    if match:
        return int(match.group(1))
    return lex.ordinal_words.get(key)


def _event_subtype(head: str) -> str:
    lowered = head.lower()
    if "conference" in lowered or "congress" in lowered or "assembly" in lowered \
            or "summit" in lowered or "forum" in lowered:
        return "Conference"
    return "Meeting"


# --- the component ----------------------------------------------------------------------------


@Language.factory(
    "dg_mentions",
    assigns=["doc._.dg_bodies", "doc._.dg_people", "doc._.dg_documents", "doc._.dg_events"],
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
        day = doc.user_data.get("dg_date") if doc.user_data else None
        people = find_people(scan)
        resolve_short_names(people, self.lex, day)
        find_bare_names(scan, people, self.lex, day)
        attach_orphan_titles(scan, people, self.lex, day)
        doc._.dg_bodies = bodies
        doc._.dg_people = people
        doc._.dg_documents = find_documents(scan, bodies)
        doc._.dg_events = find_events(scan)
        return doc

"""Extraction: spaCy Doc (with DiploGraph's mentions) -> ArticleExtraction (entities and facts).

Confidence is calibrated by the kind of evidence: a title pattern or curated data (0.9) beats an
inferred issuer or a clause-level relation (0.6-0.75), which beats the statistical NER alone (0.5).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from graph.cleanup import WordList, normalize_text
from graph.components import (
    BodyMention,
    DocumentMention,
    EventMention,
    PersonMention,
    SentenceIndex,
    invitation_host_at,
    local_body_form,
    office_identity,
    positions_of,
)
from graph.dates import (
    DATE_PATTERN,
    date_of_match,
    issue_date,
    spans_several_days,
)
from graph.lexicon import Lexicon, lexicon, token_key
from graph.model import Article, ArticleExtraction, Entity, EntityRef, EntityType, Fact, Relation
from graph.text import fold, slugify

CURATED_CONFIDENCE = 0.95
TITLE_CONFIDENCE = 0.9
TEXT_ISSUER_CONFIDENCE = 0.9
SUFFIX_ISSUER_CONFIDENCE = 0.6
CLAUSE_CONFIDENCE = 0.7
NER_CONFIDENCE = 0.5

_NER_TYPES = {"ORG": EntityType.ORGANIZATION, "GPE": EntityType.PLACE, "LOC": EntityType.PLACE}


def clean_sentence(span: Span) -> str:
    """One sentence of evidence, on one line."""
    return " ".join(span.text.split())


class _Builder:
    """Collects entities (merging surface forms) and facts (deduplicated) for one article."""

    def __init__(self, article: Article, sentence: SentenceIndex) -> None:
        self.article = article
        self.sentence = sentence  # `builder.sentence(i)`: the sentence of token i
        self.entities: dict[EntityRef, Entity] = {}
        self.facts: dict[tuple, Fact] = {}
        # Evidence sentences by (start, end): a sentence backs many facts, its text is made once.
        self.evidence: dict[tuple[int, int], str] = {}

    def entity(self, entity_type: EntityType, key_text: str, label: str,
               forms: Iterable[str] = (), subtypes: Iterable[str] = ()) -> EntityRef:
        ref = EntityRef(entity_type, slugify(fold(key_text)))
        forms = {" ".join(f.split()) for f in forms if f and f.strip()}
        known = self.entities.get(ref)
        if known is None:
            self.entities[ref] = Entity(ref, label, frozenset(forms - {label}), frozenset(subtypes))
        else:
            label_now = _better_label(known.label, label)
            all_forms = (known.alt_labels | forms | {known.label, label}) - {label_now}
            self.entities[ref] = Entity(ref, label_now, frozenset(all_forms),
                                        known.subtypes | frozenset(subtypes))
        return ref

    def fact(self, subject: EntityRef, relation: Relation, obj, sentence: Span | str,
             confidence: float) -> None:
        if isinstance(sentence, str):
            evidence = sentence
        else:
            bounds = (sentence.start, sentence.end)
            evidence = self.evidence.get(bounds)
            if evidence is None:
                evidence = self.evidence[bounds] = clean_sentence(sentence)
        key = (subject, relation, obj)
        known = self.facts.get(key)
        if known is None or known.confidence < confidence:
            self.facts[key] = Fact(subject, relation, obj, evidence, confidence, self.article.key)

    def mentioned(self, ref: EntityRef, sentence: Span, confidence: float) -> None:
        self.fact(ref, Relation.MENTIONED_IN, self.article.ref, sentence, confidence)

    def result(self) -> ArticleExtraction:
        return ArticleExtraction(self.article, tuple(self.entities.values()),
                                 tuple(self.facts.values()))


def _better_label(current: str, candidate: str) -> str:
    """Prefer full forms with diacritics, then longer ones; deterministic."""
    def rank(label: str) -> tuple:
        return (len(label.split()) >= 2, fold(label) != label, len(label), label)
    return max(current, candidate, key=rank)


def extract_doc(doc: Doc, article: Article) -> ArticleExtraction:
    """Entities and facts of one parsed article (the Doc must come from `load_pipeline`)."""
    lex = lexicon()
    builder = _Builder(article, SentenceIndex(doc))
    day = article.date
    bodies: list[BodyMention] = doc._.dg_bodies or []
    people: list[PersonMention] = doc._.dg_people or []
    documents: list[DocumentMention] = doc._.dg_documents or []
    events: list[EventMention] = doc._.dg_events or []

    body_refs = {id(b): _add_body(builder, lex, b, doc) for b in bodies}
    ner_places = _add_ner_fallbacks(builder, doc, bodies, people)
    body_refs.update({id(b): ref for b, ref in ner_places})
    bodies = sorted([*bodies, *(b for b, _ in ner_places)], key=lambda b: b.start)
    # "Ambassador X" after "Norwegian Ambassador to Vietnam X": the bare head is the same office.
    held: dict[str, set[str]] = {}
    for person in people:
        held.setdefault(slugify(fold(person.name)), set()).update(r.label for r in person.roles)
    person_refs = {id(p): _add_person(builder, lex, p, doc, held) for p in people}
    for start, role in doc._.dg_former_offices or []:
        # an office someone held before: the article names it, nobody holds it by this text
        builder.mentioned(_role_entity(builder, lex, role), builder.sentence(start),
                          role.confidence)
    # "the Law on X" and, elsewhere in the article, "the Law on X (Law No. 5/2025/QH15)": one
    # document, known by its number
    numbers = {fold(m.name): m.number for m in documents if m.name and m.number}
    for mention in documents:
        _add_document(builder, lex, mention, doc, day,
                      numbers.get(fold(mention.name)) if mention.name else None)
    # A generic event ("an official welcome ceremony") is this article's: its key says so.
    event_refs = {id(e): builder.entity(EntityType.EVENT,
                                        f"{e.key} {article.key}" if e.local else e.key,
                                        e.label, [e.label, *e.forms],
                                        [e.subtype] if e.subtype else []) for e in events}
    for event in events:
        builder.mentioned(event_refs[id(event)], builder.sentence(event.start), TITLE_CONFIDENCE)
        if event.venue is not None:
            _visit_facts(builder, doc, event, event_refs[id(event)], people, person_refs,
                         bodies, body_refs)
    # A visit has its own visitor and country; the sentence's other cues are about the rest.
    events = [e for e in events if e.venue is None]
    # An event named inside a document's topic ("Directive ... on congresses towards the 14th
    # Party Congress") is what the document is about: nobody takes part in it there.
    in_topics = {k for m in documents if m.topic_end for k in range(m.end, m.topic_end)}
    text = doc.text  # once: `Doc.text` joins every token on each access
    the_at = positions_of(doc, "the")
    previous: list[EntityRef] = []  # the events the sentence before is about
    for sent in builder.sentence.spans:
        if not any(t.is_alpha for t in sent):
            continue  # a blank line between paragraphs
        in_sent = lambda items, s=sent: [x for x in items if s.start <= x.start < s.end]  # noqa: E731
        sent_people = in_sent(people)
        sent_bodies = in_sent(bodies)
        sent_events = [e for e in in_sent(events) if e.start not in in_topics]
        attended = sent_events or _event_anaphors(lex, doc, sent, events, the_at)  # reads only
        # the clause rules read token keys only in a sentence with a person or an event
        keys = [token_key(t.text) for t in sent] if sent_people or attended else []
        _meetings(builder, lex, doc, keys, sent, sent_people, sent_bodies, person_refs, body_refs,
                  people)
        _fronted_meeting(builder, lex, doc, keys, sent, sent_people, person_refs)
        _participation(builder, lex, doc, keys, sent, sent_people,
                       sent_bodies, attended, person_refs, body_refs, event_refs)
        _listed_participants(builder, lex, doc, keys, sent, sent_people, attended, previous,
                             person_refs, event_refs)
        previous = _current_events(doc, sent, attended, event_refs)
        # "The ceremony at the Presidential Palace was attended by ...": an anaphor opening
        # the sentence gives the venue of the event it names (never a date: that was given)
        located = sent_events or [e for e in attended if e.start == sent.start]
        _venues_and_dates(builder, doc, text, sent, located, sent_bodies, event_refs,
                          body_refs, day)
    return builder.result()


def _add_body(builder: _Builder, lex: Lexicon, body: BodyMention, doc: Doc) -> EntityRef:
    known = lex.body_by_label.get(body.label)
    subtypes = [known.subtype] if known and known.subtype else []
    ref = builder.entity(body.type, body.label, body.label, [body.surface], subtypes)
    sent = builder.sentence(body.start)
    # A place the reference data does not know was read from a place word: less certain.
    builder.mentioned(ref, sent, CURATED_CONFIDENCE if known else CLAUSE_CONFIDENCE)
    for label in body.member_of:
        group = lex.body_by_label[label]
        group_ref = builder.entity(group.type, group.label, group.label, [],
                                   [group.subtype] if group.subtype else [])
        builder.fact(ref, Relation.MEMBER_OF, group_ref, sent, 0.8)
    parent = lex.body_by_label.get(known.part_of) if known and known.part_of else None
    if parent is not None and body.type is EntityType.ORGANIZATION \
            and parent.type is EntityType.ORGANIZATION:
        parent_ref = builder.entity(parent.type, parent.label, parent.label, [],
                                    [parent.subtype] if parent.subtype else [])
        builder.fact(ref, Relation.PART_OF, parent_ref, sent, CURATED_CONFIDENCE)
    return ref


def _add_ner_fallbacks(builder: _Builder, doc: Doc, bodies: list[BodyMention],
                       people: list[PersonMention]) -> list[tuple[BodyMention, EntityRef]]:
    """Organisations and places only the statistical model found (lower confidence); the
    places are returned as mentions, so that clause rules can use them as venues."""
    places = []
    lex = lexicon()
    covered = {i for b in bodies for i in range(b.start, b.end)}
    covered |= {i for p in people for i in range(p.start, p.end)}
    covered |= {i for e in doc._.dg_events or [] for i in range(e.start, e.end)}
    for ent in doc.ents:
        entity_type = _NER_TYPES.get(ent.label_)
        if entity_type is None or any(i in covered for i in range(ent.start, ent.end)):
            continue
        tokens = [t for t in ent if t.lower_ not in ("the", "'s", "’s")]
        while tokens and tokens[-1].lower_ in ("of", "and"):
            tokens.pop()
        if not tokens:
            continue
        text = doc[tokens[0].i:tokens[-1].i + 1].text
        if entity_type is EntityType.ORGANIZATION and (
                len(tokens) < 2 or token_key(tokens[-1].text) not in lex.org_heads):
            continue
        if not text[:1].isupper() or re.search(r"[/\d]", text):
            continue
        ref = builder.entity(entity_type, text, text, [text])
        builder.mentioned(ref, builder.sentence(ent.start), NER_CONFIDENCE)
        if entity_type is EntityType.PLACE:
            places.append((BodyMention(tokens[0].i, tokens[-1].i + 1, text, entity_type, text),
                           ref))
    return places


def _role_entity(builder: _Builder, lex: Lexicon, role) -> EntityRef:
    """The Role of an office mention: one identity for its gendered and local-body forms, the
    label as written."""
    return builder.entity(EntityType.ROLE, office_identity(role.label, lex), role.label,
                          [role.surface, local_body_form(role.label, lex)])


def _add_person(builder: _Builder, lex: Lexicon, person: PersonMention, doc: Doc,
                held: dict[str, set[str]]) -> EntityRef:
    forms = {person.surface, person.name}
    ref = builder.entity(EntityType.PERSON, person.name, person.name, forms)
    sent = builder.sentence(person.start)
    builder.mentioned(ref, sent, person.confidence)
    fuller = held.get(ref.key, set())
    for role in person.roles:
        if " " not in role.label and any(other.startswith(f"{role.label} ") for other in fuller):
            continue
        foreign = lex.foreign_office_labels.get(role.label, role.label)
        if role.country is None and any(other.startswith((f"{role.label} of ", f"{foreign} of "))
                                        for other in fuller):
            # "Prime Minister Anwar" after "Malaysian Prime Minister Anwar Ibrahim"; "President
            # Stubb" (read as the home "State President") after "Finnish President Stubb"
            continue
        if " " not in role.label and role.label.lower() in lex.envoy_heads \
                and any(" to " in other for other in fuller | {r.label for r in person.roles}):
            continue  # "Ambassador X, Permanent Representative of Viet Nam to the UN": a rank
        role_sent = builder.sentence(person.role_evidence[role.label]) \
            if role.label in person.role_evidence else sent
        role_ref = _role_entity(builder, lex, role)
        builder.mentioned(role_ref, role_sent, role.confidence)
        builder.fact(ref, Relation.HOLDS_ROLE, role_ref, role_sent, role.confidence)
        if role.country:
            country_ref = builder.entity(EntityType.COUNTRY, role.country, role.country)
            builder.mentioned(country_ref, sent, role.confidence)
    for label in person.memberships:
        body = lex.body_by_label.get(label)
        if body is None:  # a body the data knows by its kind only ("X provincial Party Committee")
            body_ref = builder.entity(EntityType.ORGANIZATION, local_body_form(label, lex), label,
                                      [label])
        else:
            body_ref = builder.entity(body.type, body.label, body.label, [],
                                      [body.subtype] if body.subtype else [])
        builder.fact(ref, Relation.MEMBER_OF, body_ref, sent, TITLE_CONFIDENCE)
    return ref


def _add_document(builder: _Builder, lex: Lexicon, mention: DocumentMention, doc: Doc,
                  day: dt.date | None, known_number: str | None = None) -> None:
    subtypes = [mention.kind] if mention.kind in lex.document_subtypes else []
    surface = doc[mention.start:mention.end].text
    sent = builder.sentence(mention.start)
    number = mention.number or known_number
    if number is None:
        # Known by name only: the name is the identity ("2013 Constitution" = "Constitution of
        # 2013" is not attempted); the form without a leading year is an alt label.
        name = mention.name or surface
        forms = [name, re.sub(r"^(1[89]|20)\d\d\s+", "", name), *mention.forms]
        ref = builder.entity(EntityType.LEGAL_DOCUMENT, name, name, forms, subtypes)
        builder.mentioned(ref, sent, CLAUSE_CONFIDENCE)
    else:
        # "the Law on Artificial Intelligence (Law No. 134/2025/QH15)": known by its number,
        # labelled by its name; "Law 134/2025/QH15" stays an alt label
        label = mention.name or f"{mention.kind} {number}"
        ref = builder.entity(EntityType.LEGAL_DOCUMENT, number, label,
                             [surface, number, f"{mention.kind} {number}", *mention.forms],
                             subtypes)
        builder.mentioned(ref, sent, TITLE_CONFIDENCE)
        if mention.number is not None:  # the sentence that gives the number states it
            builder.fact(ref, Relation.DOCUMENT_NUMBER, number, sent, CURATED_CONFIDENCE)
    for label in [mention.issuer, *mention.co_issuers] if mention.issuer else []:
        body = lex.body_by_label[label]
        issuer = builder.entity(body.type, body.label, body.label, [],
                                [body.subtype] if body.subtype else [])
        confidence = TEXT_ISSUER_CONFIDENCE if mention.issuer_from_text \
            else SUFFIX_ISSUER_CONFIDENCE
        builder.fact(ref, Relation.ISSUED_BY, issuer, sent, confidence)
    if mention.topic:
        topic = builder.entity(EntityType.TOPIC, mention.topic, mention.topic, [mention.topic])
        builder.mentioned(topic, sent, CLAUSE_CONFIDENCE)
        builder.fact(ref, Relation.GUIDES, topic, sent, 0.8)
    if mention.date_text:
        date = issue_date(mention.date_text, day, number)
        if date is not None:
            builder.fact(ref, Relation.DATE, date, sent, 0.85)
    elif _issued_in_clause(lex, doc, mention) and _SAME_DAY.search(sent.text):
        # "The same day, the NA adopted Resolution X": the last date the article gave
        previous = _last_date_before(doc, doc.text, sent.start, day, past=True)
        if previous is not None:
            builder.fact(ref, Relation.DATE, previous, sent, 0.65)


def _attachment(doc: Doc, start: int, end: int):
    """The first token of a mention whose head lies outside it: where the mention hangs in its
    clause (None for a mention that is a whole sentence)."""
    return next((t for t in doc[start:end] if not start <= t.head.i < end), None)


def _issued_in_clause(lex: Lexicon, doc: Doc, mention: DocumentMention) -> bool:
    """Whether the document is what an issuing verb of its clause acts on ("signed Decision
    X", "Resolution X was adopted")."""
    root = _attachment(doc, mention.start, mention.end)
    return root is not None and root.dep_ in ("dobj", "nsubjpass") \
        and root.head.lower_ in lex.issue_verbs


# --- clause-level relations ---------------------------------------------------------------------


def _cue_positions(lex_trie, keys: list[str], start: int, end: int) -> list[tuple[int, int]]:
    found = []
    i = start
    while i < end:
        match = lex_trie.match(keys, i, skip=False)
        if match and match[0] <= end:
            found.append((i, match[0]))
            i = match[0]
        else:
            i += 1
    return found


def _meetings(builder, lex, doc, keys, sent, people, bodies, person_refs, body_refs,
              all_people) -> None:
    """"A held talks with / met / received B" (B after the cue; A before it); `keys` are the
    sentence's token keys. "A met B, and C received D" is two clauses, each with its own host."""
    if len(people) < 1:
        return
    cues = _cue_positions(lex.meeting_cues, keys, 0, len(keys))
    if not cues:
        return
    for number, (lo, cue_start, cue_end, hi) in enumerate(_meeting_clauses(doc, sent, cues,
                                                                           people)):
        hosts = [p for p in people if lo <= p.start and p.end <= cue_start]
        guests = [p for p in people if p.start >= cue_end and p.end <= hi]
        guests = [p for p in guests if not _in_appositive_of(doc, p, guests)]
        if not hosts and number == 0:
            visitor = _visitor_before(lex, doc, keys, sent, cue_start, all_people)
            hosts = [visitor] if visitor is not None and guests else []
        if not hosts:
            continue
        host = hosts[0]
        # "A and B received C": conjoined subjects both met C.
        co_hosts = [p for p in hosts[1:] if doc[p.end - 1].dep_ == "conj"
                    and any(doc[k].lower_ in ("and", ",") for k in range(host.end, p.start))]
        for guest in guests:
            for one in (host, *co_hosts):
                if person_refs[id(guest)] != person_refs[id(one)]:
                    builder.fact(person_refs[id(one)], Relation.MET, person_refs[id(guest)],
                                 sent, CLAUSE_CONFIDENCE)
        if keys[cue_end - 1 - sent.start] == "with" or doc[cue_end - 1].lower_ == "with":
            after = [b for b in bodies if b.start >= cue_end and b.start - cue_end <= 3
                     and b.end <= hi and b.type is EntityType.ORGANIZATION]
            if after and not guests:
                builder.fact(person_refs[id(host)], Relation.MET, body_refs[id(after[0])], sent,
                             0.6)


def _fronted_meeting(builder, lex, doc, keys, sent, people, person_refs) -> None:
    """"Receiving X, President Y said ...", "Meeting Z, Y said ...": the host is the name
    after a comma right before the main verb, the guests everyone named before it."""
    if len(people) < 2 or not keys:
        return
    opening = lex.fronted_meeting_participles.match(keys, 0, skip=False)
    if opening is None:
        return
    # the host is the main clause's subject: a name (with its title) after a comma and right
    # before a verb ("Receiving A, title; B, title, Chinh said"); else the first person after
    # the first comma
    host, after = None, sent.start + opening[0]
    for person in people:
        if person.start > after and person.end < sent.end \
                and doc[person.end].pos_ in ("VERB", "AUX") \
                and any(doc[k].text == "," for k in range(after, person.start)):
            host = person
            break
        after = max(after, person.end)
    if host is None:
        comma = next((k for k in range(opening[0], len(keys)) if keys[k] == ","), None)
        if comma is None:
            return
        host = next((p for p in people if p.start > sent.start + comma), None)
        if host is None:
            return
    guests = [p for p in people if p.end <= host.start and p.start >= sent.start + opening[0]]
    for guest in guests:
        if person_refs[id(guest)] != person_refs[id(host)]:
            builder.fact(person_refs[id(host)], Relation.MET, person_refs[id(guest)], sent,
                         CLAUSE_CONFIDENCE)


def _in_appositive_of(doc, person, others) -> bool:
    """"B, General Director of X-based Y Company": a name inside another guest's appositive
    title (a mis-read company) is no guest of its own."""
    token = doc[person.end - 1]
    while token.head.i != token.i:
        if token.dep_ == "appos":
            return any(o is not person and o.start <= token.head.i < o.end for o in others)
        token = token.head
    return False


def _meeting_clauses(doc, sent, cues, people) -> list[tuple[int, int, int, int]]:
    """(clause start, cue start, cue end, clause end) for each meeting clause of the sentence.
    A later cue opens a new clause only when a person before it is its subject ("..., and C
    received D"); otherwise it belongs to the clause before ("held talks and had a meeting with
    B"). A clause ends before the next clause's subject. (A full stop glued to the next word,
    "June 4.Zhang", is repaired by the text cleaner, so the sentence ends there.)"""
    clauses = []
    for c0, c1 in cues:
        cue_start, cue_end = c0 + sent.start, c1 + sent.start
        if not clauses:
            clauses.append([sent.start, cue_start, cue_end, sent.end])
            continue
        previous_end = clauses[-1][2]
        subject = next((p for p in people if previous_end <= p.start and p.end <= cue_start
                        and any(doc[k].dep_ in ("nsubj", "nsubjpass")
                                and cue_start <= doc[k].head.i < cue_end
                                for k in range(p.start, p.end))), None)
        if subject is None:
            continue
        clauses[-1][3] = subject.start
        clauses.append([subject.start, cue_start, cue_end, sent.end])
    return [tuple(c) for c in clauses]


def _visitor_before(lex, doc, keys, sent, cue_start, all_people) -> PersonMention | None:
    """"the Finnish leader met X", "the visiting President received Y": the subject is the
    first person of the article (before this sentence) holding a top office of that country,
    or of any foreign country after "visiting"."""
    for k in range(sent.start, cue_start - 1):
        if keys[k - sent.start] != "the":
            continue
        j = k + 1
        visiting = keys[j - sent.start] == "visiting"
        j += visiting
        country = lex.country_of_demonym(keys[j - sent.start]) if j < cue_start else None
        j += country is not None
        noun = lex.visitor_nouns.match(keys, j - sent.start, skip=False) if j < cue_start \
            else None
        if noun is None or not (visiting or country) or (noun[0] + sent.start != cue_start \
                and keys[noun[0]] not in ("also", "then", "later")):
            continue
        for person in all_people:
            if person.start >= sent.start:
                break
            if any(r.country and (country is None or r.country == country)
                   and r.label.startswith(lex.visitor_offices) for r in person.roles):
                return person
    return None


def _visit_facts(builder, doc, visit, ref, people, person_refs, bodies, body_refs) -> None:
    """A visit is held in the country visited; the visitor takes part."""
    sent = builder.sentence(visit.start)
    country = next((b for b in bodies if b.start == visit.venue), None)
    if country is not None:
        builder.fact(ref, Relation.HELD_IN, body_refs[id(country)], sent, CLAUSE_CONFIDENCE)
    visitor = next((p for p in people if visit.visitor is not None
                    and p.start <= visit.visitor < p.end), None)
    if visitor is not None:
        builder.fact(person_refs[id(visitor)], Relation.PARTICIPATED_IN, ref, sent,
                     CLAUSE_CONFIDENCE)


def _event_anaphors(lex, doc, sent, events, the_at: list[int]) -> list[EventMention]:
    """"the dialogue", "the session's resolution": the last event named before this sentence
    whose name has that head word ("the event": any); `the_at` are the Doc's tokens "the"."""
    found = []
    for i in the_at[bisect_left(the_at, sent.start):bisect_left(the_at, sent.end)]:
        token = doc[i]
        if token.i + 1 >= sent.end:
            continue
        noun = doc[token.i + 1]
        if noun.text[:1].isupper() or noun.lower_ not in lex.event_anaphor_heads:
            continue
        # "the event" is the last event of any kind; "the forum" the last forum
        earlier = [e for e in events if e.end <= sent.start
                   and (noun.lower_ == "event" or noun.lower_ in e.label.lower().split())]
        if earlier:
            found.append(EventMention(token.i, token.i + 2, earlier[-1].label, earlier[-1].key,
                                      earlier[-1].subtype, antecedent=earlier[-1]))
    return found


def _participation(builder, lex, doc, keys, sent, people, bodies, events, person_refs,
                   body_refs, event_refs) -> None:
    """People and countries attending, joining, chairing or contributing to a named event;
    `keys` are the sentence's token keys."""
    if not events:
        return
    # "held/hosted" is a cue only for the event it holds ("hosted a ceremony", "was held"),
    # not for any event of the sentence ("held talks on the sidelines of the summit").
    cues = [(c0, c1) for c0, c1 in _cue_positions(lex.participation_cues, keys, 0, len(keys))
            if c1 - c0 > 1 or doc[sent.start + c0].lemma_ not in lex.host_verbs
            or any(_holds_event(doc, e, sent.start + c0) for e in events)]
    cues = [(c0, c1) for c0, c1 in cues if not _sent_delegation(doc[sent.start + c0])]
    cues += _delegation_cues(doc, sent, events)
    opening_at = sent.start < events[0].start and keys[0] == "at" \
        and events[0].start - sent.start <= 2
    if not cues and not opening_at:
        return
    if cues and cues[0][0] > 0 and keys[cues[0][0] - 1] == "to" and any(
            t.lemma_ in lex.invitation_verbs for t in doc[sent.start:sent.start + cues[0][0]]):
        return  # "invited X to co-chair the next meeting": not (yet) participation
    speakers = _speaker_starts(doc, sent)
    # "On the sidelines of the summit, A met B": B was met there, not (stated) at the summit.
    sideline_guests_after = None
    if cues and all(tuple(keys[c0:c1]) in lex.sideline_cues for c0, c1 in cues):
        meeting = _cue_positions(lex.meeting_cues, keys, 0, len(keys))
        if meeting:
            sideline_guests_after = sent.start + meeting[0][1]
    participants = [person_refs[id(p)] for p in people
                    if not any(lo <= p.start for lo in speakers)
                    and not invitation_host_at(doc, p.start)
                    # "attended the funeral of Le Van A": the one it is for does not attend
                    and not any(e.start <= p.start < e.end for e in events)
                    and not (sideline_guests_after is not None
                             and p.start >= sideline_guests_after)]
    for body in bodies:
        if body.type is EntityType.ORGANIZATION:
            # "The ministry held the X Conference": the organiser takes part in that event only
            for event in _organised(doc, lex, body, events):
                builder.fact(body_refs[id(body)], Relation.PARTICIPATED_IN,
                             event_refs[id(event.antecedent or event)], sent, CLAUSE_CONFIDENCE)
        if body.type is not EntityType.COUNTRY:
            continue
        subject = any(doc[k].dep_ in ("nsubj", "nsubjpass") for k in range(body.start, body.end))
        # "Vietnam's participation in the summit": the country's own attendance noun.
        possessor = body.end + 1 < sent.end and doc[body.end].lower_ in ("'s", "’s") \
            and lex.participation_cues.match(keys, body.end + 1 - sent.start, skip=False)
        if subject or possessor:
            participants.append(body_refs[id(body)])
    for token in doc[sent.start:sent.end]:
        # "the Vietnamese delegation" is the country taking part.
        if token.lower_ in _DELEGATION_NOUNS and token.i > 0:
            country = lex.country_of_demonym(token_key(doc[token.i - 1].text))
            if country:
                participants.append(builder.entity(EntityType.COUNTRY, country, country))
    cue_tokens = [doc[sent.start + k] for c0, c1 in cues for k in range(c0, c1)]
    for event in events:
        # "the event" in "Attending the event were ...": the anaphor must belong to the cue's
        # clause (the cue's subject, object or prepositional object), not just share a sentence.
        if event.antecedent is not None and not (opening_at and event is events[0]) \
                and not _tied_to_cue(doc[event.end - 1], cue_tokens):
            continue
        target = event_refs[id(event.antecedent or event)]
        confidence = 0.65 if event.antecedent else CLAUSE_CONFIDENCE
        for participant in participants:
            builder.fact(participant, Relation.PARTICIPATED_IN, target, sent, confidence)



_DELEGATION_NOUNS = ("delegation", "delegations")
_SENDING_VERBS = ("send", "dispatch")


def _delegation_cues(doc: Doc, sent: Span, events: list[EventMention]) -> list[tuple[int, int]]:
    """"led a high-ranking delegation of the army to the <event>": the "to" that takes the
    delegation to a named event is a participation cue, however many words stand between (the
    phrase cues need "delegation to" side by side)."""
    found = []
    for event in events:
        to = _delegation_to(doc, event)
        if to is not None:
            found.append((to.i - sent.start, to.i - sent.start + 1))
    return found


def _sent_delegation(token) -> bool:
    """"X sent a delegation to the funeral": a delegation someone sends is no cue for them."""
    return token.lower_ in _DELEGATION_NOUNS and token.dep_ == "dobj" \
        and token.head.lemma_ in _SENDING_VERBS


def _delegation_to(doc: Doc, event: EventMention):
    """The "to" of "led a delegation (of X) to <event>" / "a delegation to <event>", else None.
    "sent a delegation to the funeral": the sender stays at home."""
    if event.antecedent is not None:
        return None
    root = _attachment(doc, event.start, event.end)
    if root is None or root.dep_ != "pobj" or root.head.lower_ != "to":
        return None
    holder = root.head.head
    if holder.lower_ in _DELEGATION_NOUNS or (holder.lemma_ in ("lead", "head") and any(
            c.lower_ in _DELEGATION_NOUNS and c.dep_ == "dobj" for c in holder.children)):
        return root.head
    return None


def _current_events(doc: Doc, sent: Span, events: list[EventMention],
                    event_refs) -> list[EntityRef]:
    """The events a sentence reports on: the subject or object of a verb that is not future
    ("The forum opened in X", "X chaired a conference", "The conference was held at Y"), the
    object of "at" under a verb, or an anaphor opening the sentence. When one is, every event
    of the sentence is returned ("attended A and B": the next sentence's guests are of either)."""
    every = list(dict.fromkeys(event_refs[id(e.antecedent or e)] for e in events))
    found = []
    for event in events:
        if event.antecedent is not None:
            noun = doc[event.end - 1]
            verb = noun.head if noun.dep_ in _EVENT_VERB_DEPS else None
            if event.start != sent.start and verb is None:
                continue
        else:
            verb = _event_verb(doc, event)
            to = _delegation_to(doc, event) if verb is None else None
            if to is not None:  # "led a delegation to <event>": the leading verb
                verb = to.head if to.head.pos_ in ("VERB", "AUX") else to.head.head
            if verb is None:
                continue
        if verb is not None and (verb.dep_ == "xcomp" or any(
                c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "to")
                for c in verb.children)):
            continue  # "Vietnam will host the summit": not (yet) this sentence's event
        found.append(event_refs[id(event.antecedent or event)])
    return every if found else []


def _listed_participants(builder, lex, doc, keys, sent, people, events, previous, person_refs,
                         event_refs) -> None:
    """Participants listed without a cue the clause rules know: "[Also] <lead> [at <event>]
    were A and B" ("Among the guests were ...", "Also present were ...", "Present at the event
    were ..."), "The forum brought together A and B", and "A and B also attended." (an
    attendance verb without an object). The event is the one named in the lead or the verb's
    subject, else the one event the sentence before reports on."""
    if not people:
        return
    only_previous = previous[0] if len(previous) == 1 else None
    speakers = _speaker_starts(doc, sent)
    listed = [p for p in people if not any(lo <= p.start for lo in speakers)]
    k = 1 if keys[0] == "also" else 0
    lead = lex.guest_list_leads.match(keys, k, skip=False)
    if lead is not None:
        j, target = lead[0], None
        for event in events:  # "Present at the event were", "Attending the ceremony were"
            at = event.start - sent.start
            if at == j or (at == j + 1 and keys[j] in ("at", "in")):
                j, target = event.end - sent.start, event_refs[id(event.antecedent or event)]
                break
        if j < len(keys) and keys[j] in ("were", "was"):
            target = target or only_previous
            if target is not None:
                for person in listed:
                    if person.start > sent.start + j:
                        builder.fact(person_refs[id(person)], Relation.PARTICIPATED_IN, target,
                                     sent, 0.65)
            return
    if not events and only_previous is not None and _lists_delegation_members(lex, sent):
        # "The delegation included A and B": they went where the delegation went
        for person in listed:
            builder.fact(person_refs[id(person)], Relation.PARTICIPATED_IN, only_previous,
                         sent, 0.6)
        return
    for c0, _c1 in _cue_positions(lex.gathering_verbs, keys, 0, len(keys)):
        verb = doc[sent.start + c0]
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        event = next((e for e in events if subject is not None
                      and e.start <= subject.i < e.end), None)
        if verb.pos_ != "VERB" or event is None:
            continue
        inside = {t.i for t in verb.subtree}
        for person in listed:
            if person.start > verb.i and person.start in inside:
                builder.fact(person_refs[id(person)], Relation.PARTICIPATED_IN,
                             event_refs[id(event.antecedent or event)], sent, 0.65)
    if events or only_previous is None:
        return
    root = sent.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    for verb in verbs:
        if verb.pos_ == "VERB" and verb.lemma_ in lex.attend_verbs \
                and verb.lemma_ not in lex.host_verbs and not any(
                    c.dep_ in ("dobj", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in (
                        "in", "at", "on", "over", "to", "for")) for c in verb.children):
            # "Deputy Minister A and Ambassador B also attended.", "X was joined by Y."
            for person in listed:
                builder.fact(person_refs[id(person)], Relation.PARTICIPATED_IN, only_previous,
                             sent, 0.6)
            return


def _lists_delegation_members(lex: Lexicon, sent: Span) -> bool:
    root = sent.root
    return root.lemma_ in lex.delegation_member_verbs and any(
        c.dep_ == "nsubj" and c.lower_ in _DELEGATION_NOUNS for c in root.children)


def _organised(doc: Doc, lex, body: BodyMention, events) -> list:
    """The events the organisation holds or hosts: it is the subject of a hosting verb whose
    object is the event ("The ministry held the conference"), or its agent ("The forum was
    organised by the ministry"). An event inside a phrase of the object is not held by it
    ("held its session on preparations for the ninth session")."""
    head = doc[body.start:body.end].root
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        verb = head.head.head
    elif head.dep_ == "nsubj":
        verb = head.head
    else:
        return []
    if verb.lemma_ not in lex.host_verbs:
        return []
    return [e for e in events if (root := doc[e.start:e.end].root).head.i == verb.i
            and root.dep_ in ("dobj", "nsubjpass")]


def _holds_event(doc: Doc, event, verb_index: int) -> bool:
    """Whether the event (or its anaphor) is the subject or object of the verb at the index."""
    return any(doc[k].head.i == verb_index and doc[k].dep_ in _EVENT_VERB_DEPS
               for k in range(event.start, event.end))


def _tied_to_cue(noun, cue_tokens) -> bool:
    """Whether the noun hangs from a cue ("attended the meeting", "Speaking at the forum") or
    is the subject of the clause a cue continues ("The forum was chaired by X and attended by
    Y")."""
    # the nearest verb above the noun: "who praised the festival" is its own clause
    verb = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
    return verb is not None and any(cue == verb or cue in verb.subtree for cue in cue_tokens)


def _speaker_starts(doc: Doc, sent: Span) -> list[int]:
    """Token positions after which a person is the source quoted ("..., said X",
    "according to X"), not a participant."""
    starts = []
    for token in sent:
        if token.lemma_ == "say" and token.i + 1 < sent.end and token.i > sent.start \
                and doc[token.i - 1].text in (",", "’", "'", '"', "”"):
            starts.append(token.i)
        if token.lower_ == "according" and token.i + 1 < sent.end \
                and doc[token.i + 1].lower_ == "to":
            starts.append(token.i)
    return starts


_VENUE_LEADS = re.compile(
    r"^\s*(?:\([^)]{1,30}\)\s*)?,?\s*(?:(?:which|that)\s+)?"
    r"(?:(?:is|was|will\s+be|to\s+be|has\s+been|had\s+been|are|were)\s+)?(?:being\s+)?"
    r"(?:(?:officially\s+)?(?:held|taking\s+place|takes\s+place|take\s+place|took\s+place|"
    r"hosted|organised|organized|opened|opens|closed|closes|kicked\s+off|convened|began|"
    r"concluded|concludes|was\s+concluded|"
    r"ended|wrapped\s+up|scheduled\s+to\s+(?:take\s+place|be\s+held|open|convene))\s+)?"
    # "at Long Thanh airport in Dong Nai province": the site, then its city or province
    r"(?:at\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}(?:[a-z]+\s+){0,2}(?=in\s))?"
    r"(?:in|at)\s+(?:the\s+(?:[a-z]+\s+){0,2}(?:city|province|capital|town|island)\s+of\s+"
    r"|the\s+)?$"
    r"|^\s*(?:\([^)]{1,30}\)\s*)?,?\s*(?:(?:is|was|will\s+be|are|were)\s+)?"
    r"(?:scheduled|set|slated|planned)\s+(?:for|in)\s+$")


def _venues_and_dates(builder, doc, text, sent, events, bodies, event_refs, body_refs,
                      day) -> None:
    """Where and when an event of the sentence took place; `text` is `doc.text`."""
    for event in events:
        if event.antecedent is not None:
            event_refs = {id(event): event_refs[id(event.antecedent)], **event_refs}
        for body in bodies:
            if body.start < event.end or body.type not in (EntityType.PLACE, EntityType.COUNTRY):
                continue
            between = text[doc[event.end - 1].idx + len(doc[event.end - 1].text):
                               doc[body.start].idx]
            if _VENUE_LEADS.match(between + "Site in ") and _SITE_AFTER.match(
                    text, doc[body.end - 1].idx + len(doc[body.end - 1].text)):
                continue  # "at Long Thanh airport in Dong Nai": the city or province is next
            if _VENUE_LEADS.match(between):
                builder.fact(event_refs[id(event)], Relation.HELD_IN, body_refs[id(body)], sent,
                             CLAUSE_CONFIDENCE)
                # "at the Government Guest House in Hanoi": the named venue and its city
                city = next((b for b in bodies if b.start > body.start), None)
                if city is not None and city.type is EntityType.PLACE and text[
                        doc[body.end - 1].idx + len(doc[body.end - 1].text):
                        doc[city.start].idx] == " in ":
                    builder.fact(event_refs[id(event)], Relation.HELD_IN, body_refs[id(city)],
                                 sent, CLAUSE_CONFIDENCE)
            break
        if event.antecedent is not None:
            continue
        verb = _event_verb(doc, event)
        if verb is not None:
            # a place inside the event's own name ("at the Congress of the X Party
            # Organisation") is no venue
            outside = [b for b in bodies if not event.start <= b.start < event.end]
            for place in _verb_places(doc, verb, outside):
                builder.fact(event_refs[id(event)], Relation.HELD_IN, body_refs[id(place)], sent,
                             CLAUSE_CONFIDENCE)
        tail = text[doc[event.end - 1].idx + len(doc[event.end - 1].text):
                        doc[sent.end - 1].idx + len(doc[sent.end - 1].text)]
        on_verb = _clause_date(doc, text, verb) if verb is not None else None
        if on_verb is None:
            on_verb = _participle_date(doc, text, event)
        if on_verb is not None:  # "took place in <place> on <date>", "On <date>, X held <event>"
            tail = on_verb
        match = _DATE_LEAD.match(tail)
        date_match = DATE_PATTERN.match(tail, match.end()) if match else None
        # "from June 10 to 12": a meeting of several days has no single date; nor has one
        # that "opened on A" and "is scheduled to close on B" (never two dates from those cues).
        if date_match and (spans_several_days(tail, date_match)
                           or _closing_date_after(tail, date_match.end())):
            date_match = None
        if date_match is None and _SAME_DAY.search(sent.text):
            previous = _last_date_before(doc, text, sent.start, day)
            if previous is not None:
                builder.fact(event_refs[id(event)], Relation.DATE, previous, sent, 0.65)
        if match and date_match:
            date = date_of_match(date_match, day)
            if date is not None:
                builder.fact(event_refs[id(event)], Relation.DATE, date, sent, 0.7)


_EVENT_VERB_DEPS = ("nsubj", "nsubjpass", "dobj")
_VENUE_PREPOSITIONS = ("in", "at")


def _event_verb(doc: Doc, event) -> object | None:
    """The verb whose subject or object the event is ("<event> took place", "held <event>");
    None for an anaphor (its venue and date were given where it was named)."""
    if event.antecedent is not None:
        return None
    root = _attachment(doc, event.start, event.end)
    if root is not None and root.dep_ == "pobj" and root.head.lower_ == "at" \
            and root.head.head.pos_ == "VERB":
        return root.head.head  # "joined X at a wreath-laying ceremony on <date>"
    if root is None or root.dep_ not in _EVENT_VERB_DEPS or root.head.pos_ not in ("VERB", "AUX"):
        return None
    return root.head


def _verb_places(doc: Doc, verb, bodies) -> list:
    """The places of the verb's "in"/"at" phrase, appositions included ("in the Lao capital of
    Vientiane", "in X city, the northern province of Y"); a country only when no place is
    there ("in Kuala Lumpur, Malaysia": Kuala Lumpur)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _VENUE_PREPOSITIONS:
            continue
        inside = {t.i for t in prep.subtree}
        # another clause or a second preposition chain ("in cooperation with") is not the venue
        found = [b for b in bodies if b.start in inside and b.type in (EntityType.PLACE,
                                                                       EntityType.COUNTRY)
                 and _venue_path(doc[b.end - 1], prep)]
        places = [b for b in found if b.type is EntityType.PLACE]
        if places or found:
            return places or found[:1]
    return []


def _venue_path(token, prep) -> bool:
    """Whether the token hangs from the preposition through nouns, appositions and "of" only."""
    while token.i != prep.i:
        if token.dep_ not in ("pobj", "appos", "compound", "conj", "prep", "npadvmod", "nmod") \
                or (token.dep_ == "prep" and token.lower_ != "of"):
            return False
        token = token.head
    return True


def _participle_date(doc: Doc, text: str, event) -> str | None:
    """"the X Forum, held / co-organised by Y in Hanoi on June 3": the date of a participle
    that describes the event."""
    root = _attachment(doc, event.start, event.end)
    if root is None:
        return None
    for child in root.children:
        if child.dep_ in ("acl", "relcl") and child.tag_ == "VBN":
            found = _verb_date(doc, text, child)
            if found is not None:
                return found
    return None


def _verb_date(doc: Doc, text: str, verb) -> str | None:
    """"on <date>" attached to the verb, as text starting with "on " (for `_DATE_LEAD`)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "on":
            rest = text[prep.idx:prep.idx + 80]
            part = _PART_OF_DAY.match(rest, 3)
            if DATE_PATTERN.match(rest, part.end() if part else 3):
                return " on " + rest[3:]
    return None


def _clause_date(doc: Doc, text: str, verb) -> str | None:
    """The "on <date>" of the verb's clause: on the verb itself, on the subject right before
    it ("Prime Minister X on November 22 chaired ...", where the parser hangs the date on the
    name), or on the first of conjoined verbs ("On May 2, X attended and addressed <event>")."""
    while True:
        found = _verb_date(doc, text, verb)
        if found is not None:
            return found
        for subject in verb.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.i < verb.i:
                found = next((_verb_date(doc, text, prep.head) for prep in subject.subtree
                              if prep.dep_ == "prep" and prep.lower_ == "on"
                              and prep.right_edge.i == verb.i - 1), None)
                if found is not None:
                    return found
        if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = verb.head


# "on the morning of April 29": the part of the day is no part of the date
_PART_OF_DAY = re.compile(r"the\s+(?:morning|afternoon|evening|night)\s+of\s+", re.I)
_DATE_LEAD = re.compile(r"^[^.;]{0,60}?\b(?:on|from)\s+"
                        r"(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?")
_SITE_AFTER = re.compile(r"\s+(?:[a-z]+\s+){1,2}in\s")
_CLOSING_CUE = re.compile(
    r"\b(?:clos(?:e|es|ed|ing)|conclud(?:e|es|ed|ing)|end(?:s|ed)?|run(?:s|ning)?\s+until|"
    r"last(?:s|ed)?\s+until)\b[^.;]{0,20}?\b(?:on|until|till)\s+")


def _closing_date_after(tail: str, start: int) -> bool:
    """Whether a closing cue with its own date follows: the event spans several days."""
    return any(DATE_PATTERN.match(tail, cue.end()) for cue in _CLOSING_CUE.finditer(tail, start))


# "On the same day", "Later that day", "The same day, ...": the day of the last date given
_SAME_DAY = re.compile(r"(?:\b(?:on|earlier|later)\s+(?:on\s+)?|^\s*)(?:the\s+same|that)\s+day\b",
                       re.I)


def _last_date_before(doc: Doc, text: str, start: int, day: dt.date | None,
                      past: bool = False) -> dt.date | None:
    """"On the same day": the last full date the article gave before this sentence (`text` is
    `doc.text`). With `past`, the last one of the story's own clauses that is not after the
    article's date: what was done that day was done by the time it was reported, and a relative
    clause ("the session, which opened on October 20 and is scheduled to close on December 11")
    dates something else."""
    before = text[:doc[start].idx]
    for match in reversed(list(DATE_PATTERN.finditer(before))):
        date = date_of_match(match, day)
        if date is None:
            continue
        if past and ((day is not None and date > day)
                     or _in_relative_clause(doc.char_span(match.start(), match.end(),
                                                          alignment_mode="expand"))):
            continue
        return date
    return None


def _in_relative_clause(span) -> bool:
    if span is None:
        return False
    token = span[0]
    while token.head.i != token.i:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


@lru_cache(maxsize=4)
def known_words(nlp: Language) -> WordList:
    """The words the text cleaner trusts: the model's vocabulary when loaded (snapshot: parsing
    adds more), the lemmatiser's dictionary and the British/American spelling norms."""
    forms = (w for w in nlp.vocab.strings if w.isalpha() and w.islower())
    dictionary: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            for words in lookups.get_table("lemma_index").values():
                dictionary.update(w for w in words if w.isalpha() and w.islower())
    # A spaCy lookups Table hashes its keys: it answers `in` for strings but cannot list them.
    norms = nlp.vocab.lookups.get_table("lexeme_norm") \
        if nlp.vocab.lookups.has_table("lexeme_norm") else {}
    return WordList.from_tables(forms, dictionary, norms)


def prepare_doc(nlp: Language, article: Article) -> Doc:
    """The cleaned, tokenised article with its date for the components (no parsing yet)."""
    words = known_words(nlp)
    doc = nlp.make_doc(normalize_text(article.text, words.is_word, words.is_part))
    doc.user_data["dg_date"] = article.date
    return doc


def extract_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[ArticleExtraction]:
    """Run the pipeline over articles with `nlp.pipe` batching, in input order (streaming)."""
    if nlp is None:
        from graph.nlp import load_pipeline

        nlp = load_pipeline()
    pairs = ((prepare_doc(nlp, article), article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, article)


__all__ = ["extract_articles", "extract_doc", "prepare_doc"]

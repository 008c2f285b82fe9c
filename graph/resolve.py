"""Resolution: merge per-article extractions into one KnowledgeBase.

- Entities with the same ref (same type, same diacritic-folded key) are one entity.
- A person known in some article only by a short form ("Huệ", "Thuong") is merged into the one
  full-named person whose name ends with it and who is named in the same article or holds a
  role the short form was also given ("NA Chairman Huệ" -> Vương Đình Huệ); a given name alone
  never joins a full name from another article.
- Each entity gets exactly one label, chosen by a total order that does not depend on input
  order: full names before fragments, forms with Vietnamese diacritics first, then the most
  frequent, then the longest, then alphabetical. Every other form is an alt label.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from graph.model import (
    ArticleExtraction,
    Entity,
    EntityRef,
    EntityType,
    Fact,
    KnowledgeBase,
    Relation,
)
from graph.text import fold, fold_key


def label_rank(form: str, count: int, entity_type: EntityType) -> tuple:
    """Sort key of a candidate label: the largest wins."""
    full = len(form.split()) >= 2 if entity_type is EntityType.PERSON else True
    return (full, fold(form) != form, count, len(form), form)


def resolve(extractions: Iterable[ArticleExtraction]) -> KnowledgeBase:
    """Merge extractions (any order gives the same entities, labels and facts)."""
    extractions = sorted(extractions, key=lambda e: e.article.key)
    forms: dict[EntityRef, Counter[str]] = defaultdict(Counter)
    subtypes: dict[EntityRef, set[str]] = defaultdict(set)
    facts: list[Fact] = []
    articles = []
    for extraction in extractions:
        articles.append(extraction.article)
        for entity in extraction.entities:
            forms[entity.ref][entity.label] += 1
            for alt in entity.alt_labels:
                forms[entity.ref][alt] += 0  # known form, not a vote for the label
            subtypes[entity.ref] |= entity.subtypes
        facts.extend(extraction.facts)

    mapping = _person_merges(forms, facts)
    merged_forms: dict[EntityRef, Counter[str]] = defaultdict(Counter)
    merged_subtypes: dict[EntityRef, set[str]] = defaultdict(set)
    for ref, counter in forms.items():
        target = mapping.get(ref, ref)
        merged_forms[target].update(counter)
        for form in counter:
            merged_forms[target][form] += 0
        merged_subtypes[target] |= subtypes[ref]

    kb = KnowledgeBase(articles=articles)
    for ref in sorted(merged_forms):
        counter = merged_forms[ref]
        label = max(counter, key=lambda f, c=counter, t=ref.type: label_rank(f, c[f], t))
        kb.entities[ref] = Entity(ref, label, frozenset(counter) - {label},
                                  frozenset(merged_subtypes[ref]))
    # A fact's key (the same fact read twice from one sentence is kept once) is also its sort
    # key: subject, relation, object, article, sentence. The subject's type and key stand for it
    # (an EntityRef compares as that pair), so the keys compare as plain strings.
    keyed: dict[tuple, Fact] = {}
    object_texts: dict[EntityRef, str] = {}  # str() of an EntityRef is its (slow) repr
    for fact in facts:
        fact = _remap(fact, mapping)
        obj = fact.object
        if isinstance(obj, EntityRef):
            if fact.relation is Relation.MET and fact.subject == obj:
                continue
            text = object_texts.get(obj)
            if text is None:
                text = object_texts[obj] = str(obj)
        else:
            text = str(obj)
        subject = fact.subject
        key = (subject.type, subject.key, fact.relation, text, fact.article, fact.evidence)
        if key not in keyed:
            keyed[key] = fact
    kb.facts = [keyed[key] for key in sorted(keyed)]
    return kb


def _remap(fact: Fact, mapping: dict[EntityRef, EntityRef]) -> Fact:
    obj = mapping.get(fact.object, fact.object) if isinstance(fact.object, EntityRef) \
        else fact.object
    subject = mapping.get(fact.subject, fact.subject)
    if subject == fact.subject and obj == fact.object:
        return fact
    return Fact(subject, fact.relation, obj, fact.evidence, fact.confidence, fact.article)


def _person_merges(forms: dict[EntityRef, Counter[str]],
                   facts: list[Fact]) -> dict[EntityRef, EntityRef]:
    """Short-named people -> the full-named person they refer to, where that is unambiguous."""
    people = [ref for ref in forms if ref.type is EntityType.PERSON]
    roles: dict[EntityRef, set[EntityRef]] = defaultdict(set)
    articles: dict[EntityRef, set[str]] = defaultdict(set)
    for fact in facts:
        if fact.relation is Relation.HOLDS_ROLE and isinstance(fact.object, EntityRef):
            roles[fact.subject].add(fact.object)
        articles[fact.subject].add(fact.article)
        if isinstance(fact.object, EntityRef):
            articles[fact.object].add(fact.article)

    def words(ref: EntityRef) -> list[str]:
        best = max(forms[ref], key=lambda f: (len(f.split()), f))
        return fold_key(best).split()

    # Index full names by each of their proper word suffixes, so that finding the longer names
    # ending with a form is a lookup, not a scan of every person (quadratic on large corpora).
    name_words = {ref: words(ref) for ref in people}
    longer_by_suffix: dict[tuple[str, ...], list[EntityRef]] = defaultdict(list)
    for ref in people:
        full_words = name_words[ref]
        if len(full_words) >= 2:
            for size in range(1, len(full_words)):
                longer_by_suffix[tuple(full_words[-size:])].append(ref)
    mapping = {}
    for ref in people:
        short = name_words[ref]
        candidates = [f for f in longer_by_suffix.get(tuple(short), ()) if f != ref]
        # A full name is kept unless it is a fragment of a longer one ("Cam Tu").
        if len(short) >= 2 and not candidates:
            continue
        # A given name alone says nothing across articles ("Lan" in one article is not the
        # Lan of another): the full name must be in the same article, or hold the same role.
        candidates = [f for f in candidates
                      if articles[f] & articles[ref] or roles[f] & roles[ref]]
        if len(candidates) > 1 and roles[ref]:
            candidates = [f for f in candidates if roles[f] & roles[ref]] or candidates
        if len(candidates) == 1:
            mapping[ref] = candidates[0]
    return _to_final_targets(mapping)


def _to_final_targets(mapping: dict[EntityRef, EntityRef]) -> dict[EntityRef, EntityRef]:
    """Follow chains ("Tú" -> "Cẩm Tú" -> "Trần Cẩm Tú") to their end, so that no intermediate
    form survives as an entity; a cycle (never expected) stops at the last unseen reference."""
    final = {}
    for ref in mapping:
        seen = {ref}
        target = mapping[ref]
        while target in mapping and mapping[target] not in seen:
            seen.add(target)
            target = mapping[target]
        final[ref] = target
    return final

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

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace

import numpy as np

from graph.model import (
    Article,
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


_NONE: frozenset[str] = frozenset()  # one empty set for the many entities without alt labels


def resolve(extractions: Iterable[ArticleExtraction]) -> KnowledgeBase:
    """Merge extractions (any order gives the same entities, labels and facts)."""
    resolver = Resolver()
    for extraction in extractions:
        resolver.add(extraction)
    return resolver.knowledge_base()


class Resolver:
    """`resolve`, one extraction at a time: what the knowledge base needs of each is kept as it
    is added, so no list of every extraction is ever held.

    Of an extraction only its article (without its text, unless `keep_texts`) and its facts are
    kept; its entities are folded into one count of forms and one set of subtypes per
    reference at once. Extractions may come in any order: `knowledge_base` orders the articles
    and facts by article key, as `resolve` does, and gives what `resolve` gives for the same
    extractions.
    """

    def __init__(self, *, keep_texts: bool = True) -> None:
        self.keep_texts = keep_texts
        self._forms: dict[EntityRef, Counter[str]] = defaultdict(Counter)
        self._subtypes: dict[EntityRef, set[str]] = defaultdict(set)
        # (article key, arrival number): sorted, the order `resolve` reads the extractions in.
        self._parts: list[tuple[str, int, Article, tuple[Fact, ...]]] = []
        # One object per distinct reference and confidence across articles: each extraction
        # (or cache entry) makes its own, while the knowledge base keeps every fact.
        self._refs: dict[EntityRef, EntityRef] = {}
        self._confidences: dict[tuple[float, float], float] = {}

    def __len__(self) -> int:
        """The number of extractions added."""
        return len(self._parts)

    def add(self, extraction: ArticleExtraction) -> None:
        forms, subtypes = self._forms, self._subtypes
        for entity in extraction.entities:
            counter = forms[entity.ref]
            counter[entity.label] += 1
            for alt in entity.alt_labels:
                counter[alt] += 0  # known form, not a vote for the label
            if entity.subtypes:
                subtypes[entity.ref] |= entity.subtypes
        article = extraction.article
        if not self.keep_texts and article.text:
            article = replace(article, text="")
        self._parts.append((article.key, len(self._parts), article,
                            self._compact(extraction.facts)))

    def _compact(self, facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
        """`facts`, equal, with one object for each reference, confidence and (within the
        article) each text they repeat: the sentence of every fact read from it, the article's
        key. A cached extraction comes from JSON, which makes a new string per fact."""
        refs, confidences = self._refs, self._confidences
        texts: dict[str, str] = {}
        compact = []
        for fact in facts:
            subject = refs.setdefault(fact.subject, fact.subject)
            obj = fact.object
            if isinstance(obj, EntityRef):
                obj = refs.setdefault(obj, obj)
            elif isinstance(obj, str):
                obj = texts.setdefault(obj, obj)
            confidence = fact.confidence
            # -0.0 equals 0.0 but is written apart: the sign is part of the key.
            confidence = confidences.setdefault(
                (confidence, math.copysign(1.0, confidence)), confidence)
            compact.append(Fact(subject, fact.relation, obj, texts.setdefault(fact.evidence,
                                                                              fact.evidence),
                                confidence, texts.setdefault(fact.article, fact.article)))
        return tuple(compact)

    def articles(self) -> Iterator[Article]:
        """The articles added, in the order they were added."""
        return (article for _, _, article, _ in self._parts)

    def knowledge_base(self) -> KnowledgeBase:
        """The knowledge base of every extraction added (the resolver is emptied)."""
        parts, self._parts = sorted(self._parts, key=_part_order), []
        forms, self._forms = self._forms, defaultdict(Counter)
        subtypes, self._subtypes = self._subtypes, defaultdict(set)
        articles = [article for _, _, article, _ in parts]
        facts = [fact for _, _, _, part_facts in parts for fact in part_facts]
        del parts
        return _knowledge_base(articles, forms, subtypes, facts)


def _part_order(part: tuple[str, int, Article, tuple[Fact, ...]]) -> tuple[str, int]:
    return part[0], part[1]


def _knowledge_base(articles: list[Article], forms: dict[EntityRef, Counter[str]],
                    subtypes: dict[EntityRef, set[str]], facts: list[Fact]) -> KnowledgeBase:
    mapping = _person_merges(forms, facts)
    merged_forms: dict[EntityRef, Counter[str]] = defaultdict(Counter)
    merged_subtypes: dict[EntityRef, set[str]] = defaultdict(set)
    for ref, counter in forms.items():
        target = mapping.get(ref, ref)
        merged_forms[target].update(counter)
        for form in counter:
            merged_forms[target][form] += 0
        merged_subtypes[target] |= subtypes.get(ref, set())
    del forms

    kb = KnowledgeBase(articles=articles)
    for ref in sorted(merged_forms):
        counter = merged_forms[ref]
        label = max(counter, key=lambda f, c=counter, t=ref.type: label_rank(f, c[f], t))
        kb.entities[ref] = Entity(ref, label, frozenset(counter) - {label} or _NONE,
                                  frozenset(merged_subtypes[ref]) or _NONE)
    del merged_forms, merged_subtypes
    kb.facts = _sorted_distinct(facts, mapping)
    return kb


def _sorted_distinct(facts: list[Fact], mapping: dict[EntityRef, EntityRef]) -> list[Fact]:
    """`facts` remapped, each key once (its first fact), sorted by key; `facts` is emptied.

    A fact's key (the same fact read twice from one sentence is kept once) is also its sort
    key: subject, relation, object, article, sentence. The subject's type and key stand for it
    (an EntityRef compares as that pair), the object for its text. Each part is numbered by
    its rank among the distinct values of that part, so the keys are five integers a fact held
    in arrays and sorted by numpy (stably: the first fact of a key comes first), not a tuple
    and a dict entry a fact (some 150 bytes).
    """
    kept: list[Fact] = []
    parts: tuple[dict, ...] = ({}, {}, {}, {}, {})  # subject, relation, object, article, sentence
    subjects, relations, objects, articles, sentences = parts
    columns = tuple(array("i") for _ in parts)
    subject_column, relation_column, object_column, article_column, sentence_column = columns
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
        kept.append(fact)
        subject = fact.subject
        subject_column.append(subjects.setdefault((subject.type, subject.key), len(subjects)))
        relation_column.append(relations.setdefault(fact.relation, len(relations)))
        object_column.append(objects.setdefault(text, len(objects)))
        article_column.append(articles.setdefault(fact.article, len(articles)))
        sentence_column.append(sentences.setdefault(fact.evidence, len(sentences)))
    facts.clear()  # the caller's list: the knowledge base's facts are in `kept`
    del object_texts
    keys = [_ranks(values)[np.frombuffer(column, dtype=np.int32)]
            for values, column in zip(parts, columns, strict=True)]
    del parts, columns
    order = np.lexsort(keys[::-1])  # the last key is the first compared
    first = np.ones(len(order), dtype=bool)
    for key in keys:
        ordered = key[order]
        first[1:] &= ordered[1:] == ordered[:-1]
    first[1:] = ~first[1:]  # a key unlike the one before it
    return [kept[number] for number in order[first].tolist()]


def _ranks(values: dict) -> np.ndarray:
    """The rank of each of `values`' keys among them (sorted), by the number it maps to (the
    numbers are 0, 1, ... in the keys' order)."""
    keys = list(values)
    ranks = np.empty(len(keys), dtype=np.int32)
    ranks[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys), dtype=np.int32)
    return ranks


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

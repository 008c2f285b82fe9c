"""Resolution: merge per-article extractions into one KnowledgeBase."""

from __future__ import annotations

from collections.abc import Iterable

from graph.model import ArticleExtraction, Entity, KnowledgeBase


def resolve(extractions: Iterable[ArticleExtraction]) -> KnowledgeBase:
    """Merge entities with the same ref (union of alt labels; first label wins)."""
    kb = KnowledgeBase()
    for extraction in extractions:
        kb.articles.append(extraction.article)
        for entity in extraction.entities:
            known = kb.entities.get(entity.ref)
            if known is None:
                kb.entities[entity.ref] = entity
            else:
                forms = (known.alt_labels | entity.alt_labels | {entity.label}) - {known.label}
                kb.entities[entity.ref] = Entity(
                    known.ref, known.label, frozenset(forms), known.subtypes | entity.subtypes
                )
        kb.facts.extend(extraction.facts)
    return kb

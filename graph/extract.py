"""Extraction: spaCy Doc -> ArticleExtraction (entities and facts with evidence)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from graph.model import Article, ArticleExtraction, Entity, EntityRef, EntityType, Fact, Relation
from graph.text import fold, slugify

_NER_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.COUNTRY,
    "LOC": EntityType.PLACE,
    "EVENT": EntityType.EVENT,
    "LAW": EntityType.LEGAL_DOCUMENT,
}
NER_CONFIDENCE = 0.6


def extract_doc(doc: Doc, article: Article) -> ArticleExtraction:
    """Entities from the statistical NER, each with a mentionedIn fact."""
    entities: dict[EntityRef, Entity] = {}
    facts: list[Fact] = []
    for ent in doc.ents:
        entity_type = _NER_TYPES.get(ent.label_)
        if entity_type is None:
            continue
        ref = EntityRef(entity_type, slugify(fold(ent.text)))
        if ref in entities:
            continue
        entities[ref] = Entity(ref=ref, label=ent.text)
        facts.append(
            Fact(ref, Relation.MENTIONED_IN, article.ref, ent.sent.text.strip(),
                 NER_CONFIDENCE, article.key)
        )
    return ArticleExtraction(article=article, entities=tuple(entities.values()), facts=tuple(facts))


def extract_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[ArticleExtraction]:
    """Run the pipeline over articles with `nlp.pipe` batching, in input order."""
    if nlp is None:
        from graph.nlp import load_pipeline

        nlp = load_pipeline()
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, article)

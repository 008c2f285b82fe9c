"""Typed objects passed between the stages (ingest -> extract -> resolve -> rdf).

They are small, frozen and hashable so that stages stay pure functions over them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from graph.text import slugify


class EntityType(StrEnum):
    """Core classes of the ontology; the value is the local name in the `dg:` namespace."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    PLACE = "Place"
    ROLE = "Role"
    LEGAL_DOCUMENT = "LegalDocument"
    EVENT = "Event"
    TOPIC = "Topic"
    ARTICLE = "Article"

    @property
    def path(self) -> str:
        """The IRI path segment under `.../id/` ("LegalDocument" -> "legal-document")."""
        return _TYPE_PATHS[self]


_TYPE_PATHS = {
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "organization",
    EntityType.COUNTRY: "country",
    EntityType.PLACE: "place",
    EntityType.ROLE: "role",
    EntityType.LEGAL_DOCUMENT: "document",
    EntityType.EVENT: "event",
    EntityType.TOPIC: "topic",
    EntityType.ARTICLE: "article",
}


class Relation(StrEnum):
    """Direct edges of the contract; the value is the local name in the `dg:` namespace."""

    HOLDS_ROLE = "holdsRole"
    GUIDES = "guides"
    ISSUED_BY = "issuedBy"
    DOCUMENT_NUMBER = "documentNumber"
    MET = "met"
    PARTICIPATED_IN = "participatedIn"
    HELD_IN = "heldIn"
    DATE = "date"
    MEMBER_OF = "memberOf"
    PART_OF = "partOf"
    MENTIONED_IN = "mentionedIn"


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, decoded and cleaned, ready for extraction."""

    source: str  # the input file's name, as given to dct:source
    text: str  # cleaned body text (header line removed)
    content_hash: str  # sha256 of the raw bytes, for caching and duplicate detection
    title: str | None = None
    date: dt.date | None = None
    publisher: str | None = None
    warnings: tuple[str, ...] = ()  # problems: something may be lost or wrong (fatal with --strict)
    notes: tuple[str, ...] = ()  # how the input was read, nothing lost (e.g. UTF-16, CRLF)

    @property
    def key(self) -> str:
        """Stable identifier of the article: the slug of its file name without extension."""
        stem = self.source.rsplit("/", 1)[-1]
        stem = stem.rsplit(".", 1)[0] if "." in stem else stem
        return slugify(stem)

    @property
    def ref(self) -> EntityRef:
        return EntityRef(EntityType.ARTICLE, self.key)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not read, and why (reported in report.json)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True, order=True)
class EntityRef:
    """Identity of an entity: its core type and a stable key (a slug) within that type."""

    type: EntityType
    key: str


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity with its display label and every other surface form seen."""

    ref: EntityRef
    label: str
    alt_labels: frozenset[str] = frozenset()
    subtypes: frozenset[str] = frozenset()  # optional more specific dg: classes


# The object of a fact: another entity, or a literal (document number, date).
FactObject = EntityRef | str | dt.date


@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted edge with its provenance."""

    subject: EntityRef
    relation: Relation
    object: FactObject
    evidence: str  # the sentence the fact was read from
    confidence: float  # 0..1
    article: str  # Article.key of the source article


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()


@dataclass(slots=True)
class KnowledgeBase:
    """The resolved corpus: articles, merged entities and facts, ready to become RDF."""

    articles: list[Article] = field(default_factory=list)
    entities: dict[EntityRef, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)

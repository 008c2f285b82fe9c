"""The extraction cache: one JSON file per article, so rebuilds re-extract only what changed.

An entry is keyed by the article's content hash (and its file name, because facts carry the
article's key) under a *pipeline fingerprint*: the DiploGraph version, the spaCy and model
versions, and a hash of the package source and of `ontology/reference/*`. Changing a rule, a
reference list or the model therefore starts a fresh cache instead of serving stale facts.

Entries are JSON rather than pickle: they outlive the process that wrote them, stay readable
across Python and DiploGraph versions, cannot execute code when loaded, and can be inspected.
Writes go to a temporary file that is renamed into place, so a crash never leaves a torn entry;
an entry that fails to load anyway is treated as a miss.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib.metadata
import importlib.util
import json
import shutil
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import graph
from graph.fsutil import atomic_write_bytes
from graph.model import (
    Article,
    ArticleExtraction,
    Entity,
    EntityRef,
    EntityType,
    Fact,
    FactObject,
    Relation,
)
from graph.packages import MODEL_PACKAGES
from graph.vocab import REFERENCE_DIR

PACKAGE_DIR = Path(graph.__file__).resolve().parent
FORMAT_VERSION = 1  # bump when the entry layout below changes
ENTRY_SUFFIX = ".json"

# --- serialization ---------------------------------------------------------------------------


def _ref_to_json(ref: EntityRef) -> list[str]:
    return [ref.type.value, ref.key]


# By value, looked up as a dict (calling an Enum class looks values up in Python).
_ENTITY_TYPES = {entity_type.value: entity_type for entity_type in EntityType}
_RELATIONS = {relation.value: relation for relation in Relation}


def _ref_from_json(data: list[str], refs: dict[tuple[str, str], EntityRef]) -> EntityRef:
    """The reference `data` names, made once per entry (`refs`) however often it is named."""
    type_name, key = data
    found = refs.get((type_name, key))
    if found is None:
        found = refs[type_name, key] = EntityRef(_ENTITY_TYPES[type_name], key)
    return found


def _object_to_json(value: FactObject) -> dict[str, Any]:
    # Tagged, because a literal string and a date are both strings in JSON.
    if isinstance(value, EntityRef):
        return {"ref": _ref_to_json(value)}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    return {"literal": value}


def _object_from_json(data: dict[str, Any],
                      refs: dict[tuple[str, str], EntityRef]) -> FactObject:
    if "ref" in data:
        return _ref_from_json(data["ref"], refs)
    if "date" in data:
        return dt.date.fromisoformat(data["date"])
    literal = data["literal"]
    if not isinstance(literal, str):
        raise TypeError(f"literal is not a string: {literal!r}")
    return literal


def article_to_json(article: Article) -> dict[str, Any]:
    return {
        "source": article.source,
        "text": article.text,
        "content_hash": article.content_hash,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "publisher": article.publisher,
        "warnings": list(article.warnings),
        "notes": list(article.notes),
    }


def article_from_json(data: dict[str, Any]) -> Article:
    return Article(
        source=data["source"],
        text=data["text"],
        content_hash=data["content_hash"],
        title=data["title"],
        date=dt.date.fromisoformat(data["date"]) if data["date"] else None,
        publisher=data["publisher"],
        warnings=tuple(data["warnings"]),
        notes=tuple(data.get("notes", ())),
    )


def extraction_to_json(extraction: ArticleExtraction) -> dict[str, Any]:
    """A JSON-ready dict; sets become sorted lists so equal extractions give equal text."""
    return {
        "article": article_to_json(extraction.article),
        "entities": [
            {
                "ref": _ref_to_json(entity.ref),
                "label": entity.label,
                "alt_labels": sorted(entity.alt_labels),
                "subtypes": sorted(entity.subtypes),
            }
            for entity in extraction.entities
        ],
        "facts": [
            {
                "subject": _ref_to_json(fact.subject),
                "relation": fact.relation.value,
                "object": _object_to_json(fact.object),
                "evidence": fact.evidence,
                "confidence": fact.confidence,
                "article": fact.article,
            }
            for fact in extraction.facts
        ],
    }


def extraction_from_json(data: dict[str, Any]) -> ArticleExtraction:
    """The inverse of `extraction_to_json`; raises KeyError/TypeError/ValueError on bad data."""
    refs: dict[tuple[str, str], EntityRef] = {}
    return ArticleExtraction(
        article=article_from_json(data["article"]),
        entities=tuple(
            Entity(
                ref=_ref_from_json(item["ref"], refs),
                label=item["label"],
                alt_labels=frozenset(item["alt_labels"]),
                subtypes=frozenset(item["subtypes"]),
            )
            for item in data["entities"]
        ),
        facts=tuple(
            Fact(
                subject=_ref_from_json(item["subject"], refs),
                relation=_RELATIONS[item["relation"]],
                object=_object_from_json(item["object"], refs),
                evidence=item["evidence"],
                confidence=float(item["confidence"]),
                article=item["article"],
            )
            for item in data["facts"]
        ),
    )


def dumps_extraction(extraction: ArticleExtraction) -> str:
    """One line of JSON (no newline inside, so it also serves as a JSON Lines record)."""
    return json.dumps(extraction_to_json(extraction), ensure_ascii=False, separators=(",", ":"))


def loads_extraction(text: str | bytes) -> ArticleExtraction:
    return extraction_from_json(json.loads(text))


# --- fingerprint -----------------------------------------------------------------------------


def _hash_files(digest: Any, root: Path, pattern: str) -> None:
    if not root.is_dir():
        digest.update(b"<missing>")
        return
    for path in sorted(p for p in root.rglob(pattern) if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())




def _model_versions() -> list[str]:
    """Which spaCy model would load (same order as graph.nlp) and its version, without loading
    (or importing) spaCy."""
    versions = [f"spacy={importlib.metadata.version('spacy')}"]
    for package in MODEL_PACKAGES:
        if importlib.util.find_spec(package) is None:
            continue
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            version = "unknown"
        versions.append(f"{package}={version}")
        break
    return versions


@lru_cache(maxsize=8)
def pipeline_fingerprint(reference_dir: Path = REFERENCE_DIR) -> str:
    """A short hash of everything that decides what extraction produces.

    Computed once per process: it describes the code this process runs, even if the files are
    edited while it runs.
    """
    digest = hashlib.sha256()
    for part in [f"format={FORMAT_VERSION}", f"diplograph={graph.__version__}", *_model_versions()]:
        digest.update(part.encode() + b"\n")
    # Source too: rules change during development without a version bump.
    _hash_files(digest, PACKAGE_DIR, "*.py")
    _hash_files(digest, reference_dir, "*")
    return digest.hexdigest()[:20]


# --- the cache -------------------------------------------------------------------------------


class ExtractionCache:
    """Extractions on disk under `cache_dir/<fingerprint>/<hash[:2]>/<hash>-<source>.json`."""

    def __init__(self, cache_dir: Path, fingerprint: str | None = None) -> None:
        self.cache_dir = Path(cache_dir)
        self.fingerprint = fingerprint or pipeline_fingerprint()
        self.root = self.cache_dir / self.fingerprint

    def path_for(self, article: Article) -> Path:
        # The source is part of the key: facts carry the article's key, derived from its name.
        source_digest = hashlib.sha256(article.source.encode()).hexdigest()[:16]
        name = f"{article.content_hash}-{source_digest}{ENTRY_SUFFIX}"
        return self.root / article.content_hash[:2] / name

    def get(self, article: Article) -> ArticleExtraction | None:
        """The cached extraction of this exact article, or None (missing, stale or corrupt)."""
        path = self.path_for(article)
        try:
            extraction = loads_extraction(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # A corrupt entry (disk full, manual edit): drop it and extract again.
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        if extraction.article != article:
            return None
        return extraction

    def put(self, extraction: ArticleExtraction) -> None:
        data = dumps_extraction(extraction).encode()
        # No fsync: an entry lost to a power cut is only a cache miss, while an fsync per
        # article would slow a large build.
        atomic_write_bytes(self.path_for(extraction.article), data, durable=False)

    def entries(self) -> Iterable[Path]:
        if not self.root.is_dir():
            return []
        return sorted(self.root.glob(f"*/*{ENTRY_SUFFIX}"))

    def prune(self, keep_hashes: set[str]) -> int:
        """Remove entries of articles not in `keep_hashes` and caches of older fingerprints.

        Returns the number of entries removed from the current cache (old fingerprints are
        removed whole and not counted).
        """
        removed = 0
        for path in self.entries():
            content_hash = path.name.rsplit("-", 1)[0]
            if content_hash not in keep_hashes:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed += 1
        if self.root.is_dir():
            # Temporary files left by a crash mid-write, then folders left empty.
            for leftover in self.root.glob("*/.*.tmp"):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            for folder in self.root.iterdir():
                if folder.is_dir():
                    with contextlib.suppress(OSError):
                        folder.rmdir()  # only succeeds when empty
        if self.cache_dir.is_dir():
            for other in self.cache_dir.iterdir():
                if other.is_dir() and other.name != self.fingerprint and _is_fingerprint(other):
                    shutil.rmtree(other, ignore_errors=True)
        return removed


def _is_fingerprint(folder: Path) -> bool:
    # Only folders that look like ours are removed: never a user's file in a shared cache dir.
    name = folder.name
    return len(name) == 20 and all(c in "0123456789abcdef" for c in name)

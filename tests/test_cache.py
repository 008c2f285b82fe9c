"""The extraction cache: serialization round trip, keys, invalidation, pruning, crash safety."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph import cache as cache_module
from graph.cache import (
    ExtractionCache,
    dumps_extraction,
    loads_extraction,
    pipeline_fingerprint,
)
from graph.model import Article, ArticleExtraction, Entity, EntityRef, EntityType, Fact, Relation


def make_article(text: str = "Minister Bui Thanh Son met delegates.", source: str = "a.txt",
                 **fields: object) -> Article:
    content_hash = hashlib.sha256(text.encode()).hexdigest()
    return Article(source=source, text=text, content_hash=content_hash, **fields)  # type: ignore[arg-type]


def make_extraction(article: Article) -> ArticleExtraction:
    person = EntityRef(EntityType.PERSON, "bui-thanh-son")
    role = EntityRef(EntityType.ROLE, "minister-of-foreign-affairs")
    document = EntityRef(EntityType.LEGAL_DOCUMENT, "resolution-34-nq-tw")
    return ArticleExtraction(
        article=article,
        entities=(
            Entity(person, "Bùi Thanh Sơn", frozenset({"Son", "Bui Thanh Son"}),
                   frozenset({"Minister"})),
            Entity(role, "Minister of Foreign Affairs"),
            Entity(document, "Resolution 34-NQ/TW"),
        ),
        facts=(
            Fact(person, Relation.HOLDS_ROLE, role, "Minister Bui Thanh Son met.", 0.9,
                 article.key),
            Fact(document, Relation.DOCUMENT_NUMBER, "34-NQ/TW", "Resolution 34-NQ/TW.", 1.0,
                 article.key),
            Fact(document, Relation.DATE, dt.date(2023, 12, 21), "On December 21, 2023.", 0.75,
                 article.key),
            Fact(person, Relation.MENTIONED_IN, article.ref, "Line\nwith \"quotes\" — Hà Nội",
                 0.1 + 0.2, article.key),
        ),
    )


@pytest.mark.parametrize(
    "article",
    [
        make_article(),
        make_article(title="Title", date=dt.date(2024, 1, 2), publisher="VNA",
                     warnings=("no date line", "encoding repaired")),
        make_article(text="", source="dir/empty file.txt"),
    ],
    ids=["minimal", "all-fields", "empty"],
)
def test_extraction_round_trip_is_exact(article: Article) -> None:
    extraction = make_extraction(article)
    text = dumps_extraction(extraction)
    assert "\n" not in text  # one JSON Lines record
    assert loads_extraction(text) == extraction
    assert loads_extraction(text.encode()) == extraction


def test_serialization_is_stable_for_equal_extractions() -> None:
    article = make_article()
    first = make_extraction(article)
    labels = ["x", "b", "a", "Zed", "é"]
    with_sets = [
        Entity(EntityRef(EntityType.TOPIC, "t"), "T", frozenset(order)) for order in
        (labels, list(reversed(labels)))
    ]
    one = ArticleExtraction(first.article, (with_sets[0],), first.facts)
    two = ArticleExtraction(first.article, (with_sets[1],), first.facts)
    assert dumps_extraction(one) == dumps_extraction(two)


def test_miss_then_put_then_hit(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path)
    article = make_article()
    assert cache.get(article) is None
    cache.put(make_extraction(article))
    assert cache.get(article) == make_extraction(article)
    # A fresh cache object on the same folder (the next build) sees it too.
    assert ExtractionCache(tmp_path).get(article) == make_extraction(article)


@pytest.mark.parametrize(
    "changed",
    [
        make_article(text="Minister Bui Thanh Son met delegates!"),  # content changed
        make_article(source="renamed.txt"),  # same content, other file: other article key
    ],
    ids=["content", "source"],
)
def test_a_different_article_misses(tmp_path: Path, changed: Article) -> None:
    cache = ExtractionCache(tmp_path)
    cache.put(make_extraction(make_article()))
    assert cache.get(changed) is None


def test_another_fingerprint_misses(tmp_path: Path) -> None:
    article = make_article()
    ExtractionCache(tmp_path, fingerprint="0" * 20).put(make_extraction(article))
    assert ExtractionCache(tmp_path, fingerprint="1" * 20).get(article) is None
    assert ExtractionCache(tmp_path, fingerprint="0" * 20).get(article) is not None


@pytest.mark.parametrize(
    ("files", "same"),
    [
        ({"bodies.tsv": "Politburo\tOrganization\n"}, True),
        ({"bodies.tsv": "Politburo\tOrganization\nSecretariat\t\n"}, False),  # edited
        ({"bodies.tsv": "Politburo\tOrganization\n", "aliases.json": "{}"}, False),  # added
        ({"roles.tsv": "Politburo\tOrganization\n"}, False),  # renamed
        ({}, False),  # removed
    ],
)
def test_fingerprint_follows_reference_data(
    tmp_path: Path, files: dict[str, str], same: bool
) -> None:
    original, changed = tmp_path / "original", tmp_path / "changed"
    original.mkdir()
    changed.mkdir()
    (original / "bodies.tsv").write_text("Politburo\tOrganization\n", encoding="utf-8")
    for name, text in files.items():
        (changed / name).write_text(text, encoding="utf-8")
    assert (pipeline_fingerprint(original) == pipeline_fingerprint(changed)) is same


def test_fingerprint_follows_model_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    assert pipeline_fingerprint(tmp_path / "before") == pipeline_fingerprint(tmp_path / "after")
    pipeline_fingerprint.cache_clear()
    before = pipeline_fingerprint(tmp_path / "before")
    monkeypatch.setattr(cache_module, "_model_versions", lambda: ["spacy=9.9", "model=9.9"])
    assert pipeline_fingerprint(tmp_path / "after") != before


@pytest.mark.parametrize(
    "content",
    [b"", b"{\"article\": ", b"not json", b"[]", b"{}", b"\xff\xfe",
     b'{"article": {"source": 1}, "entities": [], "facts": []}'],
    ids=["empty", "truncated", "garbage", "list", "no-keys", "bad-utf8", "bad-schema"],
)
def test_corrupt_entry_is_a_miss_and_is_removed(tmp_path: Path, content: bytes) -> None:
    cache = ExtractionCache(tmp_path)
    article = make_article()
    cache.put(make_extraction(article))
    path = cache.path_for(article)
    path.write_bytes(content)
    assert cache.get(article) is None
    assert not path.exists()
    cache.put(make_extraction(article))
    assert cache.get(article) == make_extraction(article)


@pytest.mark.parametrize(
    ("known", "unknown"),
    [(b'"Person"', b'"Alien"'), (b'"holdsRole"', b'"fondOf"'), (b'"Person"', b'["Person"]')],
    ids=["entity-type", "relation", "unhashable-type"],
)
def test_an_entry_naming_an_unknown_type_or_relation_is_a_miss(
    tmp_path: Path, known: bytes, unknown: bytes
) -> None:
    cache = ExtractionCache(tmp_path)
    article = make_article()
    cache.put(make_extraction(article))
    path = cache.path_for(article)
    assert known in path.read_bytes()
    path.write_bytes(path.read_bytes().replace(known, unknown))
    assert cache.get(article) is None


def test_the_fingerprint_names_the_models_graph_nlp_loads_without_importing_spacy() -> None:
    check = ("import sys; from graph.cache import pipeline_fingerprint; pipeline_fingerprint(); "
             "assert 'spacy' not in sys.modules, 'spaCy was imported'")
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", check], cwd=root, check=True,
                   env={**os.environ, "PYTHONPATH": str(root)})


def test_failed_write_keeps_the_old_entry_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ExtractionCache(tmp_path)
    article = make_article()
    cache.put(make_extraction(article))

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        cache.put(ArticleExtraction(article))
    monkeypatch.undo()
    assert cache.get(article) == make_extraction(article)
    assert [p.name for p in cache.path_for(article).parent.iterdir()] == [
        cache.path_for(article).name
    ]


def test_prune_keeps_listed_articles_and_drops_the_rest(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path, fingerprint="a" * 20)
    articles = [make_article(text=f"Article number {n}.", source=f"{n}.txt") for n in range(4)]
    for article in articles:
        cache.put(make_extraction(article))
    stale = ExtractionCache(tmp_path, fingerprint="b" * 20)
    stale.put(make_extraction(articles[0]))
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "not-a-fingerprint").mkdir()
    leftover = cache.path_for(articles[0]).parent / ".entry.json.123.tmp"
    leftover.write_text("half", encoding="utf-8")

    keep = {articles[1].content_hash, articles[3].content_hash}
    assert cache.prune(keep) == 2

    assert [cache.get(article) is not None for article in articles] == [False, True, False, True]
    assert not stale.root.exists()  # an older pipeline's cache is gone whole
    assert not leftover.exists()
    assert (tmp_path / "notes.txt").exists()  # never anything that is not ours
    assert (tmp_path / "not-a-fingerprint").is_dir()
    assert cache.prune(keep) == 0


def test_prune_of_an_empty_or_missing_cache(tmp_path: Path) -> None:
    assert ExtractionCache(tmp_path / "missing").prune(set()) == 0
    assert ExtractionCache(tmp_path).prune(set()) == 0

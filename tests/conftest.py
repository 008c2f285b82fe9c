"""Shared fixtures: one build of the sample articles per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"


@pytest.fixture(scope="session")
def built_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of `diplograph build seeds/` (graph.ttl, graph.html, store/, report.json).

    Built once per session; treat it as read-only.
    """
    from graph.build import BuildOptions, build

    out = tmp_path_factory.mktemp("built_seeds") / "output"
    build([SEEDS], out, BuildOptions())
    return out


@pytest.fixture(scope="session")
def seeds_kb(built_seeds):
    """The KnowledgeBase of `built_seeds`, resolved from its extraction cache (read-only)."""
    from graph.cache import ExtractionCache
    from graph.ingest import discover, read_articles
    from graph.model import Skipped
    from graph.resolve import resolve

    cache = ExtractionCache(built_seeds / "cache")
    files, _ = discover([SEEDS])
    extractions = [cache.get(item) for item in read_articles(files)
                   if not isinstance(item, Skipped)]
    assert all(extraction is not None for extraction in extractions)
    return resolve(extractions)

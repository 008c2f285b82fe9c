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

"""scripts/score_gold_sets.py finds every gold set and its files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("score_gold_sets",
                                                  ROOT / "scripts" / "score_gold_sets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_gold_set_is_listed_with_articles_and_a_gold_file():
    script = _script()
    names = script.gold_sets()
    blind = sorted(p.name for p in (ROOT / "tests").glob("blind*") if p.is_dir())
    assert names[:2] == ["seeds", "unseen"] and sorted(names[2:]) == blind
    assert names.index("blind2") < names.index("blind10")  # numeric order
    for name in names:
        files, gold = script.set_files(name)
        assert files and all(f.suffix == ".txt" for f in files), name
        assert gold.is_file(), name


def test_pooled_f1_is_the_micro_average():
    script = _script()
    assert script.f1(0, 3, 4) == 0.0
    assert script.f1(8, 2, 2) == 0.8

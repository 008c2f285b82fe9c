"""Build every gold set of the test suite and print its F1 figures, then the pooled figures.

    python scripts/score_gold_sets.py                 # seeds, unseen and every tests/blind*/ set
    python scripts/score_gold_sets.py blind13 blind14 # some sets only
    python scripts/score_gold_sets.py -v blind14      # with each set's table and every miss

Pooled figures sum true positives, false positives and false negatives over the sets (a
micro-average), so a large set weighs more than a small one.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from graph.build import BuildOptions, build
from graph.evaluate import EvaluationReport, evaluate_build

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SHOWN = ("Person", "Role", "holdsRole", "LegalDocument", "Event", "met", "participatedIn",
         "heldIn", "guides", "issuedBy", "date")


def gold_sets() -> list[str]:
    blind = sorted((p.name for p in TESTS.glob("blind*") if p.is_dir()),
                   key=lambda name: int(re.sub(r"\D", "", name) or 1))
    return ["seeds", "unseen", *blind]


def set_files(name: str) -> tuple[list[Path], Path]:
    if name == "seeds":
        return sorted((ROOT / "seeds").glob("*.txt")), TESTS / "gold" / "seeds.tsv"
    if name == "unseen":
        folder = TESTS / "articles"
        return sorted(folder.glob("unseen_*.txt")), folder / "unseen.gold.tsv"
    folder = TESTS / name
    return sorted(folder.glob(f"{name}_*.txt")), folder / f"{name}.gold.tsv"


def score(name: str, workdir: Path) -> EvaluationReport:
    files, gold = set_files(name)
    out = workdir / name
    build(files, out, BuildOptions(progress=False))
    return evaluate_build(out, gold)


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="set names (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="tables and misses")
    args = parser.parse_args(argv)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    with tempfile.TemporaryDirectory() as workdir:
        for name in args.sets or gold_sets():
            report = score(name, Path(workdir))
            scores = {s.name: s for s in [*report.relations, *report.entities]}
            cells = [f"{key} {scores[key].f1:.2f}" for key in SHOWN
                     if key in scores and scores[key].f1 is not None]
            print(f"{name:8} " + "  ".join(cells), flush=True)
            if args.verbose:
                print(report.format_table())
                print("missing:", *report.missing, sep="\n  ")
                print("spurious:", *report.spurious, sep="\n  ")
            for item in scores.values():
                total = totals[item.name]
                total[0] += item.tp
                total[1] += item.fp
                total[2] += item.fn
    print("pooled   " + "  ".join(f"{key} {f1(*totals[key]):.3f}" for key in SHOWN
                                  if key in totals))
    relations = [v for k, v in totals.items() if k[:1].islower()]
    print(f"pooled relations F1 {f1(*(sum(v[i] for v in relations) for i in range(3))):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

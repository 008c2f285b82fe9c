"""Time to interactive of the HTML view of a synthetic 2,000-node graph in headless Chromium.

Run: PYTHONPATH=. python benchmarks/bench_view.py [--nodes 2000] [--repeat 3] [--keep FILE]
     [--baseline GIT-REVISION]
With --baseline, the same measurements run on the `graph` package of that revision too (taken
with `git archive` into a temporary folder), and both are printed side by side.
Prints figures (medians over --repeat runs); asserts nothing (timings depend on the machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

from graph.model import Article, Entity, EntityRef, EntityType, Fact, KnowledgeBase, Relation
from graph.rdf import to_graph
from graph.view import render_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# (subject type, relation, object type) of the synthetic facts
SHAPES = [
    (EntityType.PERSON, Relation.HOLDS_ROLE, EntityType.ROLE),
    (EntityType.PERSON, Relation.MET, EntityType.PERSON),
    (EntityType.PERSON, Relation.MEMBER_OF, EntityType.ORGANIZATION),
    (EntityType.ORGANIZATION, Relation.PART_OF, EntityType.ORGANIZATION),
    (EntityType.PERSON, Relation.PARTICIPATED_IN, EntityType.EVENT),
    (EntityType.EVENT, Relation.HELD_IN, EntityType.PLACE),
    (EntityType.LEGAL_DOCUMENT, Relation.ISSUED_BY, EntityType.ORGANIZATION),
    (EntityType.LEGAL_DOCUMENT, Relation.GUIDES, EntityType.TOPIC),
]


def synthetic_knowledge_base(nodes: int, seed: int = 1) -> KnowledgeBase:
    """About `nodes` entities (articles included) and twice as many facts."""
    rng = random.Random(seed)
    article_count = max(1, nodes // 40)
    articles = [Article(source=f"a{i:04d}.txt", text="", content_hash=str(i),
                        title=f"Synthetic article {i}",
                        date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1500)))
                for i in range(article_count)]
    kinds = [EntityType.PERSON] * 4 + [EntityType.ORGANIZATION] * 2 + [
        EntityType.ROLE, EntityType.EVENT, EntityType.PLACE, EntityType.LEGAL_DOCUMENT,
        EntityType.TOPIC, EntityType.COUNTRY]
    by_type: dict[EntityType, list[EntityRef]] = {}
    entities = {}
    for i in range(nodes - article_count):
        kind = kinds[i % len(kinds)]
        ref = EntityRef(kind, f"{kind.path}-{i}")
        entities[ref] = Entity(ref, f"{kind.value} Nguyễn {i}", frozenset({f"{kind.value} {i}"}))
        by_type.setdefault(kind, []).append(ref)
    facts = []
    for _ in range(nodes * 2):
        subject_type, relation, object_type = rng.choice(SHAPES)
        subject, obj = rng.choice(by_type[subject_type]), rng.choice(by_type[object_type])
        if subject == obj:
            continue
        article = rng.choice(articles)
        facts.append(Fact(subject, relation, obj, f"{subject.key} {relation.value} {obj.key}.",
                          round(rng.uniform(0.5, 1.0), 2), article.key))
        facts.append(Fact(subject, Relation.MENTIONED_IN, article.ref, "mention", 1.0, article.key))
    return KnowledgeBase(articles=articles, entities=entities, facts=facts)


def measure(nodes: int, repeat: int, keep: Path | None) -> dict[str, float]:
    """Figures for the `graph` package on sys.path: medians over `repeat` runs."""
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    graph = to_graph(synthetic_knowledge_base(nodes))
    figures: dict[str, list[float]] = {"knowledge base + RDF (s)": [time.perf_counter() - started]}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(repeat):
            before = time.perf_counter()
            path = render_html(graph, keep or Path(folder) / "graph.html", title="Benchmark")
            figures.setdefault("render_html (s)", []).append(time.perf_counter() - before)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            opened = time.perf_counter()
            page.goto(path.resolve().as_uri())
            # Not wait_for_function: its polling evaluates a string, which the page's CSP refuses.
            page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=120_000)
            figures.setdefault("load to interactive (s)", []).append(time.perf_counter() - opened)
            figures.setdefault("page script (s)", []).append(
                page.evaluate("window.diplograph.readyMs") / 1000)
            figures["nodes"] = [page.evaluate("window.diplograph.nodeCount")]
            figures["edges"] = [page.evaluate("window.diplograph.edgeCount")]
            figures["HTML (MB)"] = [path.stat().st_size / 1e6]
            page.close()
        browser.close()
    return {name: statistics.median(values) for name, values in figures.items()}


def measure_revision(revision: str, nodes: int, repeat: int) -> dict[str, float]:
    """The same figures for the `graph` package as it was at `revision`, in a subprocess."""
    root = Path(__file__).resolve().parent.parent
    archive = subprocess.run(["git", "-C", str(root), "archive", revision, "graph", "ontology"],
                             capture_output=True, check=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        result = subprocess.run(
            [sys.executable, __file__, "--nodes", str(nodes), "--repeat", str(repeat), "--json"],
            capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONPATH": folder}, cwd=folder)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--keep", type=Path, help="also write the HTML here")
    parser.add_argument("--baseline", metavar="REVISION",
                        help="also measure the graph package of this git revision")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    current = measure(args.nodes, args.repeat, args.keep)
    if args.json:
        print(json.dumps(current))
        return
    columns = {"this tree": current}
    if args.baseline:
        columns[args.baseline] = measure_revision(args.baseline, args.nodes, args.repeat)
    print(f"{'':28}" + "".join(f"{name:>16}" for name in columns))
    for figure in current:
        print(f"{figure:28}" + "".join(f"{column.get(figure, float('nan')):16.2f}"
                                       for column in columns.values()))


if __name__ == "__main__":
    main()

"""Time to interactive of the HTML view of a synthetic 2,000-node graph in headless Chromium.

Run: PYTHONPATH=. python benchmarks/bench_view.py [--nodes 2000] [--keep FILE]
Prints figures; asserts nothing (timings depend on the machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="also write the HTML here")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    graph = to_graph(synthetic_knowledge_base(args.nodes))
    built = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = render_html(graph, args.keep or Path(folder) / "graph.html", title="Benchmark")
        rendered = time.perf_counter()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            opened = time.perf_counter()
            page.goto(path.resolve().as_uri())
            # Not wait_for_function: its polling evaluates a string, which the page's CSP refuses.
            page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=120_000)
            interactive = time.perf_counter()
            nodes = page.evaluate("window.diplograph.nodeCount")
            edges = page.evaluate("window.diplograph.edgeCount")
            script_ms = page.evaluate("window.diplograph.readyMs")
            browser.close()
        size = path.stat().st_size
    print(f"graph: {nodes} nodes, {edges} edges, HTML {size / 1e6:.2f} MB")
    print(f"knowledge base + RDF: {built - started:.2f} s")
    print(f"render_html (layout + document): {rendered - built:.2f} s")
    print(f"browser: load to interactive {interactive - opened:.2f} s "
          f"(page script {script_ms / 1000:.2f} s)")


if __name__ == "__main__":
    main()

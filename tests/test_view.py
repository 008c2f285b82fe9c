"""graph.view: self-contained, offline, safe HTML views (unit tests, then headless Chromium)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from sample_kb import awkward_kb

from graph.cli import main
from graph.errors import (
    AmbiguousEntityError,
    EntityNotFoundError,
    GraphFileError,
    StoreMissingError,
    UsageError,
    ViewLibraryMissingError,
)
from graph.model import Article, Entity, EntityRef, EntityType, Fact, KnowledgeBase, Relation
from graph.network import literal_facts, page_graph, to_networkx
from graph.rdf import to_graph
from graph.text import fold_key
from graph.triples import KBTriples
from graph.view import (
    REPULSION_BLOCK_PAIRS,
    _components,
    _force_directed,
    _pivot_distances,
    _write_pieces,
    document_pieces,
    find_entity,
    kb_graph_view,
    kb_page_graph,
    layout,
    page_payload,
    pyvis_options,
    relation_label,
    render_document,
    render_html,
    script_json,
    view_payload,
    vis_network_js,
    whole_graph_view,
    write_page,
    write_views,
    write_whole_graph_view,
)
from graph.vocab import entity_iri

HUE = EntityRef(EntityType.PERSON, "vuong-dinh-hue")
SON = EntityRef(EntityType.PERSON, "bui-thanh-son")
HA = EntityRef(EntityType.PERSON, "vu-hai-ha")
CHAIRMAN = EntityRef(EntityType.ROLE, "chairman-of-the-national-assembly")
MINISTER = EntityRef(EntityType.ROLE, "minister-of-foreign-affairs")
ASSEMBLY = EntityRef(EntityType.ORGANIZATION, "national-assembly")
COMMITTEE = EntityRef(EntityType.ORGANIZATION, "na-committee-for-external-relations")
RESOLUTION = EntityRef(EntityType.LEGAL_DOCUMENT, "resolution-34-nq-tw")
CONFERENCE = EntityRef(EntityType.EVENT, "32nd-diplomatic-conference")
HANOI = EntityRef(EntityType.PLACE, "hanoi")

FIRST = Article(source="000_first.txt", text="", content_hash="1", title="Hue meets envoys",
                date=dt.date(2023, 12, 21), publisher="VNA")
SECOND = Article(source="001_second.txt", text="", content_hash="2",
                 title="Committee reviews ties", date=dt.date(2024, 3, 2))

SENTENCE_1 = "NA Chairman Vương Đình Huệ held a working session with Bui Thanh Son in Hanoi."
SENTENCE_2 = "Vu Hai Ha chairs the NA Committee for External Relations."


def iri(ref: EntityRef) -> str:
    return str(entity_iri(ref))


def sample_kb() -> KnowledgeBase:
    entities = [
        Entity(HUE, "Vương Đình Huệ", frozenset({"Vuong Dinh Hue", "Chairman Hue"})),
        Entity(SON, "Bui Thanh Son", frozenset({"Son"})),
        Entity(HA, "Vũ Hải Hà", frozenset({"Vu Hai Ha", "Ha"})),
        Entity(CHAIRMAN, "Chairman of the National Assembly"),
        Entity(MINISTER, "Minister of Foreign Affairs"),
        Entity(ASSEMBLY, "National Assembly", frozenset({"NA"})),
        Entity(COMMITTEE, "NA Committee for External Relations"),
        Entity(RESOLUTION, "Resolution 34-NQ/TW"),
        Entity(CONFERENCE, "32nd Diplomatic Conference"),
        Entity(HANOI, "Hanoi", frozenset({"Hà Nội"})),
    ]

    def fact(subject, relation, obj, evidence, article):
        return Fact(subject, relation, obj, evidence, 0.9, article.key)

    facts = [
        fact(HUE, Relation.HOLDS_ROLE, CHAIRMAN, SENTENCE_1, FIRST),
        fact(SON, Relation.HOLDS_ROLE, MINISTER, SENTENCE_1, FIRST),
        fact(HUE, Relation.MET, SON, SENTENCE_1, FIRST),
        fact(CONFERENCE, Relation.HELD_IN, HANOI, SENTENCE_1, FIRST),
        fact(RESOLUTION, Relation.DOCUMENT_NUMBER, "34-NQ/TW", "Resolution 34 guides.", FIRST),
        fact(HA, Relation.MEMBER_OF, COMMITTEE, SENTENCE_2, SECOND),
        fact(COMMITTEE, Relation.PART_OF, ASSEMBLY, SENTENCE_2, SECOND),
        fact(CONFERENCE, Relation.DATE, dt.date(2023, 12, 19), SENTENCE_1, FIRST),
    ]
    for ref in (HUE, SON, CONFERENCE, HANOI, RESOLUTION):
        facts.append(fact(ref, Relation.MENTIONED_IN, FIRST.ref, SENTENCE_1, FIRST))
    for ref in (HA, COMMITTEE, ASSEMBLY):
        facts.append(fact(ref, Relation.MENTIONED_IN, SECOND.ref, SENTENCE_2, SECOND))
    return KnowledgeBase(articles=[FIRST, SECOND],
                         entities={e.ref: e for e in entities}, facts=facts)


# Each payload sets a window flag if it ever runs; the browser test asserts none is set.
HOSTILE_LABELS = [
    '<img src=x onerror="window.__pwned_img=1">',
    "<script>window.__pwned_script=1</script>",
    '<a href="javascript:window.__pwned_href=1">click href</a>',
    "\"'><svg onload=window.__pwned_svg=1>",
    "</script><script>window.__pwned_break=1</script><!--",
]
HOSTILE_TITLE = '<img src=x onerror="window.__pwned_title=1"> "href" title'
HOSTILE_EVIDENCE = ('Evidence <img src=x onerror="window.__pwned_evidence=1"> with href="x" '
                    "and <script>window.__pwned_evidence2=1</script> & \u2028 end.")


def hostile_kb() -> KnowledgeBase:
    article = Article(source='evil"<b>.txt', text="", content_hash="x", title=HOSTILE_TITLE,
                      date=dt.date(2024, 1, 1), publisher="<script>window.__pwned_pub=1</script>")
    refs = [EntityRef(EntityType.PERSON, f"hostile-{i}") for i in range(len(HOSTILE_LABELS))]
    entities = {ref: Entity(ref, label, frozenset({label + " alias", "<b>alias</b>"}))
                for ref, label in zip(refs, HOSTILE_LABELS, strict=True)}
    facts = [Fact(refs[i], Relation.MET, refs[i + 1], HOSTILE_EVIDENCE, 0.5, article.key)
             for i in range(len(refs) - 1)]
    facts += [Fact(ref, Relation.MENTIONED_IN, article.ref, HOSTILE_EVIDENCE, 1.0, article.key)
              for ref in refs]
    return KnowledgeBase(articles=[article], entities=entities, facts=facts)


@pytest.fixture(scope="module")
def graph():
    return to_graph(sample_kb())


@pytest.fixture(scope="module")
def network(graph):
    return to_networkx(graph)


@pytest.fixture(scope="module")
def payload(graph, network):
    return view_payload(network, literal_facts(graph), title="Sample")


@pytest.fixture
def graph_dir(tmp_path, graph) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    graph.serialize(folder / "graph.ttl", format="turtle")
    return folder


# ---- data and escaping ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "</script><script>alert(1)</script>", "<!-- x -->", "a & b > c", "\u2028\u2029", "Huệ",
])
def test_script_json_has_no_markup_and_round_trips(text):
    encoded = script_json({"value": text})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"value": text}


@pytest.mark.parametrize(("relation", "label"), [
    ("holdsRole", "holds role"), ("met", "met"), ("mentionedIn", "mentioned in"),
    ("documentNumber", "document number"),
])
def test_relation_label(relation, label):
    assert relation_label(relation) == label


def full_iri(payload: dict, short: str) -> str:
    return short if short.startswith("https:") else payload["idBase"] + short


def node_of(payload: dict, iri_: str) -> tuple[dict, dict]:
    """(panel data, vis-network item) of the node with that IRI."""
    index = next(i for i, node in enumerate(payload["nodes"])
                 if full_iri(payload, node["i"]) == iri_)
    return payload["nodes"][index], payload["vis"]["nodes"][index]


def provenance_of(payload: dict, refs: list[int]) -> list[tuple[str, dict, dict]]:
    """(sentence, record, article) for each record index."""
    rows = []
    for ref in refs:
        record = payload["records"][ref]
        rows.append((payload["sentences"][record["s"]], record, payload["articles"][record["a"]]))
    return rows


def test_payload_counts_types_and_edges(payload, network):
    assert len(payload["nodes"]) == len(payload["vis"]["nodes"]) == 12
    assert len(payload["edges"]) == len(payload["vis"]["edges"]) == network.number_of_edges()
    counts = {t["name"]: t["count"] for t in payload["types"]}
    assert counts == {"Person": 3, "Organization": 2, "Place": 1, "Role": 2,
                      "LegalDocument": 1, "Event": 1, "Article": 2}
    assert [t["name"] for t in payload["types"]][:2] == ["Person", "Organization"]
    labels = {payload["relations"][edge["r"]][1] for edge in payload["edges"]}
    assert labels >= {"holds role", "met", "part of", "mentioned in"}


def test_vis_items_come_from_pyvis_with_our_ids_in_order(payload):
    nodes, edges = payload["vis"]["nodes"], payload["vis"]["edges"]
    assert [node["id"] for node in nodes] == list(range(len(nodes)))
    assert [edge["id"] for edge in edges] == list(range(len(edges)))
    # pyvis's directed network: arrows on facts, none on mentions (entity to article, always)
    assert {edge["arrows"] for edge in edges if not edge.get("dashes")} == {"to"}
    assert {edge["arrows"] for edge in edges if edge.get("dashes")} == {""}
    assert all({"x", "y", "size", "group", "title", "label", "shape"} <= set(n) for n in nodes)
    assert "color" not in nodes[0]  # colours come from the type's group
    assert set(payload["vis"]["options"]["groups"]) == {t["name"] for t in payload["types"]}


def test_vis_node_titles_are_plain_text_with_aliases(payload):
    _, hue = node_of(payload, iri(HUE))
    assert hue["title"] == "Vương Đình Huệ\nPerson\nAlso: Chairman Hue, Vuong Dinh Hue"


def test_edge_labels_left_out_above_threshold(network):
    small = view_payload(network, title="t")
    labelled = [e for e in small["vis"]["edges"] if "label" in e]
    assert small["edgeLabels"] and {e["label"] for e in labelled} >= {"holds role", "met"}
    assert not any("dashes" in e for e in labelled)  # mentions never carry a label
    large = view_payload(network, title="t", edge_labels_max_edges=3)
    assert not large["edgeLabels"] and not any("label" in e for e in large["vis"]["edges"])


def test_payload_provenance_points_at_articles(payload):
    met = next(e for e in payload["edges"] if payload["relations"][e["r"]][0] == "met")
    ((sentence, record, article),) = provenance_of(payload, met["p"])
    assert sentence == SENTENCE_1 and record["c"] == 0.9
    assert "d" not in record  # observed on the article's own date: stored once, on the article
    assert (article["t"], article["s"], article["d"]) == (
        "Hue meets envoys", "000_first.txt", "2023-12-21")


def test_payload_stores_each_sentence_and_record_once(payload):
    assert len(payload["sentences"]) == len(set(payload["sentences"]))
    keys = [tuple(sorted(r.items())) for r in payload["records"]]
    assert len(keys) == len(set(keys))
    # SENTENCE_1 backs four facts and five mentions of the first article.
    assert payload["sentences"].count(SENTENCE_1) == 1
    users = [e for e in payload["edges"]
             if any(payload["records"][r]["s"] == payload["sentences"].index(SENTENCE_1)
                    for r in e["p"])]
    assert len(users) == 9 and all(e["p"] == users[0]["p"] for e in users)


def test_payload_literal_facts_and_dates(payload):
    resolution, _ = node_of(payload, iri(RESOLUTION))
    assert [(payload["relations"][lit["r"]][1], lit["v"]) for lit in resolution["l"]] == [
        ("document number", "34-NQ/TW")]
    conference, _ = node_of(payload, iri(CONFERENCE))
    assert "2023-12-19" in conference["d"]
    assert payload["dateRange"] == ["2023-12-19", "2024-03-02"]


def test_payload_importance_sizes_hubs_larger(payload):
    assert node_of(payload, iri(HUE))[1]["size"] > node_of(payload, iri(MINISTER))[1]["size"]


@pytest.mark.parametrize(("threshold", "physics"), [(300, True), (12, True), (11, False)])
def test_physics_only_below_threshold(network, threshold, physics):
    payload = view_payload(network, title="t", physics_max_nodes=threshold)
    options = payload["vis"]["options"]
    assert payload["physics"] is physics
    assert options["physics"]["enabled"] is physics
    assert options["physics"]["stabilization"]["enabled"] is physics
    assert options["edges"]["smooth"]["enabled"] is physics  # straight edges when large
    assert options["interaction"]["hideEdgesOnDrag"] is not physics
    mentions = [e for e in payload["vis"]["edges"] if e.get("dashes")]
    assert mentions and all(("length" in e) is physics for e in mentions)
    assert payload["mentionsShown"] is physics


def test_layout_is_deterministic_and_complete(network):
    first, second = layout(network), layout(network)
    assert first == second
    assert set(first) == set(network.nodes)
    assert len(set(first.values())) == len(first)  # no two nodes on one spot


def synthetic_network(sizes: list[int], extra_edges: int = 2, seed: int = 3) -> nx.MultiDiGraph:
    """Disjoint random components of the given sizes (each a path plus random chords)."""
    rng = random.Random(seed)
    network = nx.MultiDiGraph()
    for number, size in enumerate(sizes):
        names = [f"c{number}-n{i:04d}" for i in range(size)]
        network.add_nodes_from(names)
        network.add_edges_from((names[i], names[i + 1], "met") for i in range(size - 1))
        for _ in range(extra_edges * size if size > 2 else 0):
            u, v = rng.sample(names, 2)
            network.add_edge(u, v, "met")
    return network


def test_layout_separates_disconnected_components():
    network = synthetic_network([40, 25, 1, 1, 3])
    positions = layout(network)
    boxes = []
    for number in range(5):
        points = [xy for node, xy in positions.items() if node.startswith(f"c{number}-")]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:  # no two components' bounding boxes overlap
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]


@pytest.mark.slow
def test_large_component_layout_is_deterministic_and_spread():
    network = synthetic_network([900])  # above FULL_LAYOUT_MAX_NODES: PivotMDS + refinement
    first, second = layout(network), layout(network)
    assert first == second and len(first) == 900
    points = np.array(list(first.values()))
    nearest = np.sort(np.sqrt(((points[:, None] - points[None]) ** 2).sum(-1)), axis=1)[:, 1]
    assert np.median(nearest) > 10  # pixels: nodes are spread, not piled on a few spots
    # Neighbours sit closer than random pairs: the layout follows the edges.
    index = {node: i for i, node in enumerate(first)}
    pairs = np.array([(index[u], index[v]) for u, v in network.edges()])
    edge_length = np.sqrt(((points[pairs[:, 0]] - points[pairs[:, 1]]) ** 2).sum(-1))
    random_pairs = np.random.default_rng(0).integers(0, 900, (2000, 2))
    random_length = np.sqrt(((points[random_pairs[:, 0]] - points[random_pairs[:, 1]]) ** 2
                             ).sum(-1))
    assert np.median(edge_length) < 0.6 * np.median(random_length)


@pytest.mark.slow
def test_layout_ignores_hash_seed(tmp_path):
    script = ("import json, sys; sys.path.insert(0, 'tests'); "
              "from test_view import synthetic_network; from graph.view import layout; "
              "print(json.dumps(sorted(layout(synthetic_network([600, 30, 1])).items())))")
    outputs = {subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        cwd=Path(__file__).parent.parent,
        env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(Path(__file__).parent.parent)},
    ).stdout for seed in ("1", "2")}
    assert len(outputs) == 1 and len(json.loads(outputs.pop())) == 631


def networkx_layout(network: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """The layout as first written, on networkx's graph and components: the reference."""
    from graph.view import _component_layout

    spacing, seed = 70.0, 7
    simple = nx.Graph()
    simple.add_nodes_from(sorted(network.nodes))
    simple.add_edges_from(sorted((u, v) if u < v else (v, u) for u, v in network.edges()
                                 if u != v))
    placed = []
    for nodes in sorted((sorted(c) for c in nx.connected_components(simple)),
                        key=lambda c: (-len(c), c[0])):
        if len(nodes) == 1:
            placed.append((nodes, np.zeros((1, 2)), spacing / 2))
            continue
        index = {node: i for i, node in enumerate(nodes)}
        pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in simple.edges(nodes)})
        unit = _component_layout(len(nodes), np.array(pairs, dtype=np.int64), seed)
        unit -= unit.mean(axis=0)
        radius = float(np.sqrt((unit**2).sum(axis=1)).max()) or 1.0
        target = spacing * (len(nodes) ** 0.5) * 0.75
        placed.append((nodes, unit * (target / radius), target))
    row_width = max(max((2 * r for _, _, r in placed), default=0.0),
                    sum((2 * r) ** 2 for _, _, r in placed) ** 0.5 * 1.2)
    positions = {}
    x = y = row_height = 0.0
    for nodes, coordinates, radius in placed:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        for node, (px, py) in zip(nodes, coordinates, strict=True):
            positions[node] = (round(x + radius + float(px), 1), round(y + radius + float(py), 1))
        x += 2 * radius + spacing / 2
        row_height = max(row_height, 2 * radius)
    return positions


def tangled(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`network` with loops, edges both ways round and repeated, nodes added out of order."""
    rng = random.Random(11)
    edges = list(network.edges(keys=True))
    result = nx.MultiDiGraph()
    result.add_nodes_from(rng.sample(list(network.nodes), network.number_of_nodes()))
    for u, v, key in rng.sample(edges, len(edges)):
        result.add_edge(*((v, u) if rng.random() < 0.5 else (u, v)), key=key)
    for u, v, _ in edges[::3]:
        result.add_edge(u, u, key="loop")
        result.add_edge(v, u, key="again")
    return result


@pytest.mark.parametrize("sizes", [[60, 30, 5, 2, 1, 1], [7], [1, 1], []])
def test_layout_is_the_networkx_layout(sizes):
    network = tangled(synthetic_network(sizes))
    assert layout(network) == networkx_layout(network)


@pytest.mark.slow
def test_large_layout_is_the_networkx_layout():
    network = tangled(synthetic_network([900, 40, 3, 1]))  # 900: PivotMDS and refinement
    assert layout(network) == networkx_layout(network)


def test_components_are_networkx_components():
    rng = np.random.default_rng(4)
    ends = np.sort(rng.integers(0, 300, (250, 2)), axis=1)
    labels = _components(300, ends[:, 0], ends[:, 1])
    simple = nx.Graph()
    simple.add_nodes_from(range(300))
    simple.add_edges_from(ends.tolist())
    expected = {node: min(component) for component in nx.connected_components(simple)
                for node in component}
    assert labels.tolist() == [expected[node] for node in range(300)]


def test_pivot_distances_are_hop_counts_from_farthest_first_pivots():
    network = synthetic_network([120])
    nodes = sorted(network.nodes)
    number = {node: i for i, node in enumerate(nodes)}
    simple = nx.Graph((number[u], number[v]) for u, v in network.edges())
    edges = np.array(sorted((min(e), max(e)) for e in simple.edges()), dtype=np.int64)
    rows = _pivot_distances(len(nodes), edges, 6)
    pivot = 0
    for count, row in enumerate(rows, start=1):
        hops = nx.single_source_shortest_path_length(simple, pivot)
        assert row.tolist() == [hops[node] for node in range(len(nodes))]
        pivot = int(np.argmax(rows[:count].min(axis=0)))  # farthest from every pivot so far


def test_repulsion_block_size_changes_no_position(monkeypatch):
    rng = np.random.default_rng(2)
    n = 700
    edges = np.unique(np.sort(rng.integers(0, n, (2000, 2)), axis=1), axis=0)
    edges = edges[edges[:, 0] != edges[:, 1]]
    start = rng.normal(size=(n, 2))
    results = []
    for pairs in (1, 5_000, REPULSION_BLOCK_PAIRS, 2_000_000):
        monkeypatch.setattr("graph.view.REPULSION_BLOCK_PAIRS", pairs)
        results.append(_force_directed(n, edges, 3, 7, start=start, temperature=0.03).tobytes())
    assert len(set(results)) == 1


def test_views_are_byte_identical(tmp_path, graph):
    first = render_html(graph, tmp_path / "a.html", title="Same").read_bytes()
    assert render_html(graph, tmp_path / "b.html", title="Same").read_bytes() == first


def test_whole_graph_view_made_in_two_steps_is_the_same_page(tmp_path, graph):
    network, literals = whole_graph_view(graph)
    page = write_whole_graph_view(network, literals, tmp_path / "a.html", title="Same")
    assert page.read_bytes() == render_html(graph, tmp_path / "b.html", title="Same").read_bytes()


@pytest.mark.parametrize("make", [sample_kb, awkward_kb], ids=["sample", "awkward"])
def test_the_view_of_a_knowledge_base_is_the_page_of_its_graph(tmp_path, make):
    kb = make()
    network, literals = kb_graph_view(KBTriples(kb))
    page = write_whole_graph_view(network, literals, tmp_path / "a.html", title="Same")
    expected = render_html(to_graph(kb), tmp_path / "b.html", title="Same")
    assert page.read_bytes() == expected.read_bytes()


@pytest.mark.parametrize("make", [sample_kb, awkward_kb, hostile_kb],
                         ids=["sample", "awkward", "hostile"])
def test_the_page_written_from_a_knowledge_base_is_the_page_of_its_graph(tmp_path, make):
    kb = make()
    page = write_page(kb_page_graph(KBTriples(kb)), tmp_path / "a.html", title="Same")
    expected = render_html(to_graph(kb), tmp_path / "b.html", title="Same")
    assert page.read_bytes() == expected.read_bytes()


@pytest.mark.parametrize(("physics_max_nodes", "edge_labels_max_edges"), [(300, 1000), (0, 0)])
def test_the_page_written_in_pieces_is_the_whole_document(
        monkeypatch, network, graph, physics_max_nodes, edge_labels_max_edges):
    options = {"title": "Pieces", "physics_max_nodes": physics_max_nodes,
               "edge_labels_max_edges": edge_labels_max_edges}
    whole = render_document(view_payload(network, literal_facts(graph), **options))
    monkeypatch.setattr("graph.view._JSON_CHUNK", 3)  # lists written a few items at a time
    lazy = page_payload(page_graph(network, literal_facts(graph)), **options)
    pieces = list(document_pieces(lazy))
    assert "".join(pieces) == whole
    assert len(pieces) > network.number_of_edges() // 3  # the data did come in pieces


def test_the_page_of_an_empty_graph_written_in_pieces(tmp_path):
    page = write_page(page_graph(nx.MultiDiGraph()), tmp_path / "empty.html", title="Empty")
    payload = view_payload(nx.MultiDiGraph(), title="Empty")
    assert page.read_text("utf-8") == render_document(payload)
    assert payload["vis"]["nodes"] == payload["records"] == []


def test_a_page_that_fails_midway_leaves_the_old_file(tmp_path):
    target = tmp_path / "graph.html"
    target.write_text("precious")

    def pieces():
        yield "x" * (3 << 20)  # more than one write to the file
        raise RuntimeError("failed while making the data")

    with pytest.raises(RuntimeError):
        _write_pieces(target, pieces())
    assert target.read_text() == "precious"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left


@pytest.mark.parametrize("physics_max_nodes", [0, 300], ids=["still", "physics"])
@pytest.mark.parametrize("edge_labels_max_edges", [0, 1000], ids=["unlabelled", "labelled"])
def test_vis_records_are_laid_out_as_pyvis_network_makes_them(
        network, physics_max_nodes, edge_labels_max_edges):
    from pyvis.network import Network

    vis = view_payload(network, title="t", physics_max_nodes=physics_max_nodes,
                       edge_labels_max_edges=edge_labels_max_edges)["vis"]
    node = vis["nodes"][0]
    mention = next(edge for edge in vis["edges"] if edge.get("dashes"))
    fact = next(edge for edge in vis["edges"] if not edge.get("dashes"))
    net = Network(directed=True)
    net.add_node(node["id"], label=node["label"], shape=node["shape"], group=node["group"],
                 size=node["size"], x=node["x"], y=node["y"], title=node["title"])
    for edge in (mention, fact):
        for end in (edge["from"], edge["to"]):
            net.add_node(end, label="other")  # no-op for a node already there
        # Made as pyvis's add_edge is called: the arrow is pyvis's own unless given.
        given = {key: value for key, value in edge.items() if key not in ("from", "to")}
        if not edge.get("dashes"):
            assert given.pop("arrows") == "to"
        net.add_edge(edge["from"], edge["to"], **given)
    assert json.dumps(net.nodes[0]) == json.dumps(node)  # same keys in the same order
    assert json.dumps(net.edges[0]) == json.dumps(mention)
    assert json.dumps(net.edges[1]) == json.dumps(fact)
    assert ("label" in fact) == bool(edge_labels_max_edges)
    assert ("length" in mention) == bool(physics_max_nodes)


@pytest.mark.parametrize("physics", [True, False])
def test_pyvis_options_are_what_pyvis_gives(physics):
    from pyvis.network import Network

    net = Network(directed=True)
    if physics:
        net.force_atlas_2based(gravity=-110, central_gravity=0.01, spring_length=120,
                               spring_strength=0.06, damping=0.5, overlap=0.8)
        net.options.physics.stabilization.iterations = 400
        net.set_edge_smooth("continuous")
    else:
        net.options.edges.smooth.enabled = False
    net.toggle_physics(physics)
    net.toggle_stabilization(physics)
    net.toggle_hide_edges_on_drag(not physics)
    net.inherit_edge_colors(False)
    expected = json.loads(net.get_network_data()[-1])
    # The same keys in the same order: the page's options are written in this order.
    assert json.dumps(pyvis_options(physics)) == json.dumps(expected)


def test_a_page_is_written_without_importing_pyvis(tmp_path):
    # The build's way: a knowledge base's page (pyvis imports IPython, jinja2, jsonpickle).
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "sys.path.insert(0, 'tests')\n"
        "from sample_kb import awkward_kb\n"
        "from graph.triples import KBTriples\n"
        "from graph.view import kb_page_graph, write_page\n"
        f"target = Path({str(tmp_path / 'page.html')!r})\n"
        "write_page(kb_page_graph(KBTriples(awkward_kb())), target, title='t')\n"
        "print(sorted(name for name in ('pyvis', 'IPython', 'jinja2') if name in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parent.parent)
    assert result.stdout.strip() == "[]"
    assert "vis.js is dual licensed" in (tmp_path / "page.html").read_text("utf-8")


def test_document_is_self_contained_with_hashed_scripts(payload):
    document = render_document(payload)
    assert not re.search(r"<(link|img|iframe|object|embed)\b", document, re.IGNORECASE)
    assert not re.search(r"<script[^>]*\bsrc=", document, re.IGNORECASE)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', document)[1]
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", document, re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_hostile_text_never_reaches_markup():
    kb = hostile_kb()
    network = to_networkx(to_graph(kb))
    document = render_document(view_payload(network, title=HOSTILE_TITLE))
    data = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>',
                     document, re.DOTALL)[1]
    assert "<" not in data
    loaded = json.loads(data)
    assert {n["label"] for n in loaded["vis"]["nodes"]} >= set(HOSTILE_LABELS)
    head = document.split("<script", 1)[0]
    assert "<img" not in head and "&lt;img src=x" in head


# ---- finding entities ------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("Vương Đình Huệ", HUE),
    ("VUONG DINH HUE", HUE),
    ("vuong  dinh hue", HUE),
    ("chairman hue", HUE),
    ("hue", HUE),  # a word of one name only
    ("ha noi", HANOI),
    ("vu hai ha", HA),
    (iri(SON), SON),
])
def test_find_entity(network, name, expected):
    assert find_entity(network, name) == iri(expected)


def test_find_entity_ambiguous_lists_candidates(network):
    with pytest.raises(AmbiguousEntityError) as caught:
        find_entity(network, "assembly")  # the National Assembly and its chairman's role
    message = str(caught.value)
    assert "National Assembly" in message and iri(ASSEMBLY) in message
    assert isinstance(caught.value, EntityNotFoundError)


@pytest.mark.parametrize(("name", "suggestion"), [("Vuong Dinh Hoe", "Vương Đình Huệ"),
                                                  ("Bui Tanh Son", "Bui Thanh Son")])
def test_find_entity_not_found_suggests(network, name, suggestion):
    with pytest.raises(EntityNotFoundError, match=suggestion):
        find_entity(network, name)


def test_find_entity_nothing_close(network):
    with pytest.raises(EntityNotFoundError) as caught:
        find_entity(network, "Zzyzx")
    assert "did you mean" not in str(caught.value)
    assert not isinstance(caught.value, AmbiguousEntityError)


# ---- writing views ----------------------------------------------------------------------------


def test_render_html_writes_one_file(tmp_path, graph):
    path = render_html(graph, tmp_path / "graph.html", title="Seeds")
    assert path == tmp_path / "graph.html" and path.read_text().startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_write_views_whole_graph_articles_and_index(graph_dir):
    written = write_views(graph_dir)
    names = sorted(p.name for p in written)
    assert names == ["article-article-000-first.html", "article-article-001-second.html",
                     "graph.html", "index.html"]
    assert all(p.parent == graph_dir / "views" for p in written)
    index = (graph_dir / "views" / "index.html").read_text()
    for name in names[:-1]:
        assert f'href="{name}"' in index
    assert "Hue meets envoys" in index and "<script" not in index


def test_article_view_holds_only_that_article(graph_dir):
    write_views(graph_dir)
    document = (graph_dir / "views" / "article-article-001-second.html").read_text()
    data = json.loads(re.search(r'type="application/json">(.*?)</script>', document, re.S)[1])
    assert {full_iri(data, n["i"]) for n in data["nodes"]} == {
        iri(SECOND.ref), iri(HA), iri(COMMITTEE), iri(ASSEMBLY)}
    assert data["focus"] == [i for i, n in enumerate(data["nodes"])
                             if full_iri(data, n["i"]) == iri(SECOND.ref)]


@pytest.mark.parametrize(("hops", "expected"), [
    (1, {HUE, SON, CHAIRMAN, FIRST.ref}),
    (2, {HUE, SON, CHAIRMAN, MINISTER, FIRST.ref}),
])
def test_entity_view(graph_dir, hops, expected):
    (path,) = write_views(graph_dir, entity="hue", hops=hops)
    assert path == graph_dir / "views" / "entity-person-vuong-dinh-hue.html"
    data = json.loads(re.search(r'type="application/json">(.*?)</script>',
                                path.read_text(), re.S)[1])
    assert {full_iri(data, n["i"]) for n in data["nodes"]} == {iri(ref) for ref in expected}


def test_entity_view_to_chosen_file(graph_dir, tmp_path):
    target = tmp_path / "hue.html"
    assert write_views(graph_dir, entity="Vuong Dinh Hue", destination=target) == [target]


def test_whole_view_to_html_file(graph_dir, tmp_path):
    target = tmp_path / "all.html"
    assert write_views(graph_dir, destination=target) == [target]


def test_missing_graph_is_a_clear_error(tmp_path):
    with pytest.raises(StoreMissingError, match="diplograph build"):
        write_views(tmp_path)


def test_unreadable_graph_is_a_clear_error(tmp_path):
    (tmp_path / "graph.ttl").write_text("this is @not turtle <<<")
    with pytest.raises(GraphFileError):
        write_views(tmp_path)


def test_negative_hops_rejected(graph_dir):
    with pytest.raises(UsageError):
        write_views(graph_dir, entity="hue", hops=-1)


def test_failed_view_keeps_existing_file(graph_dir, tmp_path):
    target = tmp_path / "keep.html"
    target.write_text("precious")
    with pytest.raises(EntityNotFoundError):
        write_views(graph_dir, entity="nobody at all", destination=target)
    assert target.read_text() == "precious"


def test_cli_view_unknown_entity_exits_2_with_one_line(graph_dir, capsys):
    code = main(["view", "--graph-dir", str(graph_dir), "--entity", "Vuong Dinh Hoe"])
    error = capsys.readouterr().err
    assert code == 2 and error.count("\n") == 1 and "Vương Đình Huệ" in error


def test_cli_view_prints_written_files(graph_dir, capsys):
    assert main(["view", "--graph-dir", str(graph_dir)]) == 0
    printed = capsys.readouterr().out.split()
    assert Path(printed[-1]).name == "index.html" and len(printed) == 4


# ---- in headless Chromium ---------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def wait_ready(page) -> None:
    # Not wait_for_function: its polling evaluates a string, which the page's CSP refuses.
    page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=60_000)


class Watched:
    """A page with every request, console error, page error and dialog recorded."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error"
                     and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path):
        self.page.goto(path.resolve().as_uri())
        wait_ready(self.page)
        return self.page

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert all(url.startswith(("file:", "data:")) for url in self.requests), self.requests

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def watched(browser):
    page = Watched(browser)
    yield page
    page.close()


def click_node(page, iri_: str) -> None:
    """Click the node's position on the canvas, as a user would."""
    point = page.evaluate("""(iri) => {
        const net = window.diplograph.network;
        const id = window.diplograph.nodeId(iri);
        const dom = net.canvasToDOM(net.getPositions([id])[id]);
        const box = document.querySelector("#network canvas").getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y};
    }""", iri_)
    page.mouse.click(point["x"], point["y"])


@pytest.mark.browser
@pytest.mark.slow
def test_browser_whole_view_loads_offline_with_every_node(watched, tmp_path, graph, network):
    page = watched.open(render_html(graph, tmp_path / "graph.html", title="Sample"))
    assert page.evaluate("window.diplograph.nodeCount") == network.number_of_nodes()
    assert page.evaluate("window.diplograph.visibleNodeCount()") == network.number_of_nodes()
    assert page.evaluate("window.diplograph.network.body.nodeIndices.length") == 12
    assert page.locator("#legend li").count() == 7
    assert page.locator("#counts").text_content().startswith("12 entities")
    assert page.locator("#show-mentions").is_checked()  # small views start with every edge
    assert page.evaluate("window.diplograph.drawnEdgeCount()") == network.number_of_edges()
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_search_ignores_diacritics_and_opens_panel(watched, tmp_path, graph):
    page = watched.open(render_html(graph, tmp_path / "graph.html", title="Sample"))
    page.fill("#search", "hue")
    results = page.locator("#results button")
    assert results.first.text_content().startswith("Vương Đình Huệ")
    results.first.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    text = panel.text_content()
    for expected in ("Vương Đình Huệ", "Person", "Chairman Hue", "Vuong Dinh Hue",
                     "Chairman of the National Assembly", SENTENCE_1, "Hue meets envoys",
                     "000_first.txt", "2023-12-21", "holds role", "Mentioned in"):
        assert expected in text
    page.fill("#search", "HA NOI")
    assert page.locator("#results button").first.text_content().startswith("Hanoi")
    page.fill("#search", "nothing like this")
    assert page.locator("#results").text_content() == "No match"
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_clicking_a_node_and_its_neighbours(watched, tmp_path, graph):
    page = watched.open(render_html(graph, tmp_path / "graph.html", title="Sample"))
    click_node(page, iri(RESOLUTION))
    text = page.locator("#panel").text_content()
    assert "Resolution 34-NQ/TW" in text and "document number" in text and "34-NQ/TW" in text
    page.locator("#panel-body button", has_text="Hue meets envoys").click()
    text = page.locator("#panel").text_content()
    assert "Mentions (5)" in text and "Article" in text and "VNA" in text
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_type_and_date_filters(watched, tmp_path, graph):
    page = watched.open(render_html(graph, tmp_path / "graph.html", title="Sample"))
    visible = "window.diplograph.visibleNodeCount()"
    page.locator('#legend input[data-type="Person"]').uncheck()
    assert page.evaluate(visible) == 9
    page.locator('#legend input[data-type="Article"]').uncheck()
    assert page.evaluate(visible) == 7
    page.click("#reset")
    assert page.evaluate(visible) == 12
    page.fill("#date-from", "2024-01-01")
    page.locator("#date-from").dispatch_event("change")
    # Only the second article's world, plus nothing undated (every node has a date here).
    assert page.evaluate(visible) == 4
    page.fill("#date-to", "2024-01-31")
    page.locator("#date-to").dispatch_event("change")
    assert page.evaluate(visible) == 0
    assert "0 of 12 entities" in page.locator("#counts").text_content()
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_hostile_text_runs_no_script(watched, tmp_path):
    kb = hostile_kb()
    path = render_html(to_graph(kb), tmp_path / "graph.html", title=HOSTILE_TITLE)
    page = watched.open(path)
    assert page.title() == HOSTILE_TITLE
    for label in HOSTILE_LABELS:  # open every hostile node and its article, hover it
        page.fill("#search", label[:12])
        page.locator("#results button").first.click()
        panel = page.locator("#panel-body")
        assert label in panel.text_content()
        assert HOSTILE_EVIDENCE.replace("\u2028", "") in panel.text_content().replace("\u2028", "")
        page.locator("#panel-body button", has_text='"href" title').first.click()
        assert "evil" in page.locator("#panel-body").text_content()  # the article's source
        index = HOSTILE_LABELS.index(label)
        click_node(page, iri(EntityRef(EntityType.PERSON, f"hostile-{index}")))
        page.mouse.move(5, 5)
    for ref in kb.entities:
        position = page.evaluate("""(iri) => {
            const net = window.diplograph.network;
            const id = window.diplograph.nodeId(iri);
            const dom = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.querySelector("#network canvas").getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""", iri(ref))
        page.mouse.move(position["x"], position["y"])
        page.wait_for_timeout(300)
    tooltip = page.locator("div.vis-tooltip")
    assert tooltip.count() == 1 and "alias" in tooltip.text_content()
    flags = page.evaluate("Object.keys(window).filter(k => k.startsWith('__pwned'))")
    assert flags == []
    injected = page.evaluate("""() => document.querySelectorAll(
        '#panel img, #panel script, #panel svg, #panel a, #results img, div.vis-tooltip :not(br),'
        + ' #title *, #legend img').length""")
    assert injected == 0
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_index_and_article_views(watched, graph_dir):
    written = write_views(graph_dir)
    for path in written:
        if path.name == "index.html":
            continue
        page = watched.open(path)
        assert page.evaluate("window.diplograph.nodeCount") >= 4
        assert page.locator("#links a").get_attribute("href") == "index.html"
    index = graph_dir / "views" / "index.html"
    watched.page.goto(index.as_uri())
    assert watched.page.locator("a").count() == 3
    watched.page.locator("a", has_text="Committee reviews ties").click()
    wait_ready(watched.page)
    assert watched.page.locator("#panel").is_visible()  # the article is the focus
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_built_seeds_view(watched, built_seeds):
    from rdflib import Graph

    network = to_networkx(Graph().parse(built_seeds / "graph.ttl", format="turtle"))
    page = watched.open(built_seeds / "graph.html")
    assert page.evaluate("window.diplograph.nodeCount") == network.number_of_nodes() > 0
    page.fill("#search", "hue")
    page.locator("#results button").first.click()
    assert "hue" in fold_key(page.locator("#panel-body h2").text_content())
    assert page.locator("#panel-body .evidence").count() > 0
    watched.assert_clean()


def edge_midpoint(page, source_iri: str, target_iri: str) -> dict:
    """Where the straight edge between two nodes crosses its middle, in page coordinates."""
    return page.evaluate("""([a, b]) => {
        const net = window.diplograph.network;
        const ids = [window.diplograph.nodeId(a), window.diplograph.nodeId(b)];
        const at = net.getPositions(ids);
        const dom = net.canvasToDOM({x: (at[ids[0]].x + at[ids[1]].x) / 2,
                                     y: (at[ids[0]].y + at[ids[1]].y) / 2});
        const box = document.querySelector("#network canvas").getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y};
    }""", [source_iri, target_iri])


@pytest.mark.browser
@pytest.mark.slow
def test_browser_large_view_has_no_physics_and_labels_edges_when_zoomed(
        watched, tmp_path, graph, network):
    payload = view_payload(network, literal_facts(graph), title="Large",
                           physics_max_nodes=5, edge_labels_max_edges=3)
    path = tmp_path / "large.html"
    path.write_text(render_document(payload))
    page = watched.open(path)
    assert page.evaluate("window.diplograph.physics") is False
    assert page.evaluate("window.diplograph.network.physics.options.enabled") is False
    labelled = """() => Object.values(window.diplograph.network.body.edges)
        .filter(e => e.options.label).length"""
    assert page.evaluate(labelled) == 0 and not page.evaluate("window.diplograph.edgeLabelsShown()")
    box = page.locator("#network canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(12):  # zoom in with the wheel, as a user would
        page.mouse.wheel(0, -400)
        page.wait_for_timeout(30)
    assert page.evaluate("window.diplograph.network.getScale()") >= 0.6
    assert page.evaluate("window.diplograph.edgeLabelsShown()")
    facts = sum(1 for e in payload["edges"] if payload["relations"][e["r"]][0] != "mentionedIn")
    assert page.evaluate(labelled) == facts
    # Mention edges start out of the network; the legend's check box brings them in and out.
    assert page.evaluate("window.diplograph.drawnEdgeCount()") == facts < len(payload["edges"])
    mentions = page.locator("#show-mentions")
    assert not mentions.is_checked()
    mentions.check()
    assert page.evaluate("window.diplograph.drawnEdgeCount()") == len(payload["edges"])
    page.locator('#legend input[data-type="Article"]').uncheck()  # filters reach mentions too
    hidden = "Object.values(window.diplograph.network.body.edges).filter(e => e.options.hidden)"
    assert page.evaluate(f"{hidden}.length") == len(payload["edges"]) - facts
    mentions.uncheck()
    assert page.evaluate("window.diplograph.drawnEdgeCount()") == facts
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_edge_tooltip_is_written_on_hover_as_text(watched, tmp_path):
    kb = hostile_kb()
    network = to_networkx(to_graph(kb))
    path = tmp_path / "edges.html"
    # Straight edges (no physics), so the midpoint of two nodes lies on their edge.
    path.write_text(render_document(view_payload(network, title="t", physics_max_nodes=0)))
    page = watched.open(path)
    first, second = (iri(EntityRef(EntityType.PERSON, f"hostile-{i}")) for i in (0, 1))
    page.evaluate("""([a, b]) => window.diplograph.network.fit({
        nodes: [window.diplograph.nodeId(a), window.diplograph.nodeId(b)], animation: false})""",
                  [first, second])
    untitled = """() => Object.values(window.diplograph.network.body.edges)
        .filter(e => e.options.title === undefined).length"""
    assert page.evaluate(untitled) == len(HOSTILE_LABELS) - 1  # the "met" edges, no mentions
    point = edge_midpoint(page, first, second)
    page.mouse.move(point["x"] - 3, point["y"])
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    text = tooltip.text_content()
    assert HOSTILE_LABELS[0] in text and " met " in text and "Evidence <img" in text
    assert page.evaluate("document.querySelectorAll('div.vis-tooltip :not(br)').length") == 0
    assert page.evaluate(untitled) == len(HOSTILE_LABELS) - 2  # only the hovered edge
    assert page.evaluate("Object.keys(window).filter(k => k.startsWith('__pwned'))") == []
    watched.assert_clean()


def test_vis_network_comes_from_pyvis_and_is_inlined(payload):
    library = vis_network_js()
    assert "@version 9.1.2" in library[:2_000] and "vis.js is dual licensed" in library[:2_000]
    assert library in render_document(payload)


def test_missing_vis_network_is_a_clear_error(monkeypatch, payload):
    monkeypatch.setattr("graph.view.VIS_NETWORK_VERSION", "0.0.0")
    vis_network_js.cache_clear()
    try:
        with pytest.raises(ViewLibraryMissingError, match=r"vis-network 0\.0\.0 .*pyvis") as caught:
            render_document(payload)
        assert "\n" not in str(caught.value)
    finally:
        vis_network_js.cache_clear()


def test_page_records_are_numbered_once_each_with_the_values_first_met():
    from graph.view import _Records

    records = _Records()
    for reference in [(3, 1, "", -0.0), (3, 1, "2024-01-02", 0.5),
                      (3, 1, "", 0.0),  # equal to -0.0, as a tuple of them would be
                      (4, 1, "", 0.0), (3, 2, "", 0.5), (3, 1, "2024-01-02", 0.5),
                      (0, 7, "", 0.25), (4, 1, "", 0.0)]:
        records.add(*reference)
    assert records.number().tolist() == [0, 1, 0, 2, 3, 1, 4, 2]
    assert len(records) == 5
    assert records.sentences.tolist() == [3, 3, 4, 3, 0]
    assert records.articles.tolist() == [1, 1, 1, 2, 7]
    assert [records.date_texts[d] for d in records.dates] == ["", "2024-01-02", "", "", ""]
    assert [str(c) for c in records.confidences] == ["-0.0", "0.5", "0.0", "0.5", "0.25"]


def test_page_records_of_no_reference():
    from graph.view import _Records

    records = _Records()
    assert records.number().tolist() == []
    assert len(records) == 0

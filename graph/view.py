"""Interactive HTML views of the graph: one self-contained file each, safe with hostile text.

Each view is a single HTML file that makes no network request: the vis-network library (read
from the pinned pyvis package), the page's own script and style, and the data are all inline.
The data travels as JSON in a `<script type="application/json">` block and reaches the page only
through `textContent`; a strict Content-Security-Policy (scripts allowed by hash only, nothing
fetched) backs that up. Layout is computed here, so large graphs open without a physics run.
"""

from __future__ import annotations

import base64
import datetime as dt
import difflib
import hashlib
import html
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

import networkx as nx
import numpy as np
from rdflib import Graph

from graph.errors import (
    AmbiguousEntityError,
    EntityNotFoundError,
    GraphFileError,
    OutputNotWritableError,
    StoreMissingError,
    UsageError,
    ViewLibraryMissingError,
)
from graph.fsutil import atomic_write_text
from graph.model import EntityType, Relation
from graph.network import (
    LiteralFact,
    article_subgraph,
    importance,
    literal_facts,
    neighbourhood,
    network_of_blocks,
    provenance_index,
    to_networkx,
)
from graph.text import fold_key, slugify
from graph.triples import KBTriples
from graph.vocab import ID

GRAPH_FILE = "graph.ttl"
VIEWS_DIR = "views"
INDEX_FILE = "index.html"
WHOLE_FILE = "graph.html"
# Above this many nodes the browser does no physics: the Python layout is final.
PHYSICS_MAX_NODES = 300
MIN_NODE_SIZE, MAX_NODE_SIZE = 8.0, 34.0


@dataclass(frozen=True, slots=True)
class TypeStyle:
    label: str
    color: str
    border: str
    shape: str


# Tableau 10 colours: distinguishable, and readable under dark labels.
TYPE_STYLES: dict[str, TypeStyle] = {
    EntityType.PERSON: TypeStyle("Person", "#4e79a7", "#2e5683", "dot"),
    EntityType.ORGANIZATION: TypeStyle("Organization", "#f28e2b", "#b8620f", "dot"),
    EntityType.COUNTRY: TypeStyle("Country", "#e15759", "#a8292b", "dot"),
    EntityType.PLACE: TypeStyle("Place", "#76b7b2", "#3f807b", "dot"),
    EntityType.ROLE: TypeStyle("Role", "#59a14f", "#356d2e", "dot"),
    EntityType.LEGAL_DOCUMENT: TypeStyle("Legal document", "#edc948", "#a68814", "dot"),
    EntityType.EVENT: TypeStyle("Event", "#b07aa1", "#7b4a6e", "dot"),
    EntityType.TOPIC: TypeStyle("Topic", "#ff9da7", "#c4606b", "dot"),
    EntityType.ARTICLE: TypeStyle("Article", "#9c755f", "#6b4c3a", "square"),
}
OTHER_STYLE = TypeStyle("Other", "#bab0ac", "#7d7470", "dot")
# Badges carry white text: these are the borders above, dark enough for contrast.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def relation_label(relation: str) -> str:
    """"holdsRole" -> "holds role"."""
    return _CAMEL.sub(" ", relation).lower()


# ---- layout -------------------------------------------------------------------------------


def _force_directed(
    n: int, edges: np.ndarray, iterations: int, seed: int,
    start: np.ndarray | None = None, temperature: float = 0.1,
) -> np.ndarray:
    """Fruchterman-Reingold positions in a unit box (float32, repulsion in row blocks).

    From `start` (else random) with a step limit cooling linearly from `temperature` to 0.
    """
    rng = np.random.default_rng(seed)
    if start is None:
        x, y = (rng.random(n, dtype=np.float32) - 0.5 for _ in range(2))
    else:
        x, y = (start[:, axis].astype(np.float32) for axis in (0, 1))
    k2 = np.float32(1.0 / n)
    k = math.sqrt(1.0 / n)
    cooling = temperature / (iterations + 1)
    block = max(1, 2_000_000 // n)
    for _ in range(iterations):
        move_x = np.zeros(n, dtype=np.float32)
        move_y = np.zeros(n, dtype=np.float32)
        for start in range(0, n, block):
            dx = x[start:start + block, None] - x[None, :]
            dy = y[start:start + block, None] - y[None, :]
            force = k2 / np.maximum(dx * dx + dy * dy, np.float32(1e-6))
            move_x[start:start + block] += (dx * force).sum(axis=1)
            move_y[start:start + block] += (dy * force).sum(axis=1)
        if len(edges):
            u, v = edges[:, 0], edges[:, 1]
            dx, dy = x[u] - x[v], y[u] - y[v]
            pull = np.sqrt(dx * dx + dy * dy) / np.float32(k)
            np.add.at(move_x, u, -dx * pull)
            np.add.at(move_x, v, dx * pull)
            np.add.at(move_y, u, -dy * pull)
            np.add.at(move_y, v, dy * pull)
        length = np.maximum(np.sqrt(move_x * move_x + move_y * move_y), np.float32(1e-9))
        step = np.minimum(length, np.float32(temperature)) / length
        x += move_x * step
        y += move_y * step
        temperature -= cooling
    return np.stack([x, y], axis=1).astype(np.float64)


def _pivot_distances(n: int, edges: np.ndarray, pivots: int) -> np.ndarray:
    """Hop distances (pivots x n) from `pivots` nodes, each the farthest from those before it.

    Each breadth-first search is one vectorised step per level over the edge list.
    """
    sources = np.concatenate([edges[:, 0], edges[:, 1]])
    targets = np.concatenate([edges[:, 1], edges[:, 0]])
    order = np.argsort(targets, kind="stable")
    sources = sources[order]
    reached, starts = np.unique(targets[order], return_index=True)
    rows = []
    pivot = 0
    for _ in range(min(pivots, n)):
        distance = np.full(n, np.inf)
        frontier = np.zeros(n, dtype=bool)
        frontier[pivot] = True
        level = 0
        while frontier.any():
            distance[frontier] = level
            level += 1
            touched = np.zeros(n, dtype=bool)
            touched[reached] = np.logical_or.reduceat(frontier[sources], starts)
            frontier = touched & np.isinf(distance)
        rows.append(distance)
        pivot = int(np.argmax(np.min(rows, axis=0)))
    return np.array(rows)


def _pivot_mds(n: int, edges: np.ndarray, pivots: int = 40) -> np.ndarray:
    """A cheap global placement (Brandes and Pich's PivotMDS), scaled to the unit box."""
    squared = _pivot_distances(n, edges, pivots).T ** 2
    centred = squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None] + squared.mean()
    # The top eigenvectors of the small pivots x pivots matrix, not an SVD of the tall one.
    _, vectors = np.linalg.eigh(centred.T @ centred)
    coordinates = centred @ vectors[:, ::-1][:, :2]
    # A sign convention, so that equal inputs give equal pictures on every machine.
    coordinates *= np.where(coordinates[0] < 0, -1.0, 1.0)
    coordinates -= coordinates.mean(axis=0)
    spread = float(np.sqrt((coordinates**2).sum(axis=1).mean())) or 1.0
    return coordinates * (0.3 / spread)


# Components up to this size get the full layout from a random start. Larger ones start from
# PivotMDS (linear in the edges) and get a short, cool refinement whose quadratic cost is
# capped: fewer passes as components grow, none past ~9,000 nodes.
FULL_LAYOUT_MAX_NODES = 500
REFINE_ITERATIONS = 20
REFINE_PAIR_BUDGET = REFINE_ITERATIONS * 2_000**2


def _component_layout(n: int, edges: np.ndarray, seed: int) -> np.ndarray:
    if n <= FULL_LAYOUT_MAX_NODES:
        return _force_directed(n, edges, 80 if n <= 200 else 50, seed)
    start = _pivot_mds(n, edges)
    start += np.random.default_rng(seed).normal(0.0, 1e-3, start.shape)  # separate twins
    iterations = min(REFINE_ITERATIONS, REFINE_PAIR_BUDGET // (n * n))
    if not iterations:
        return start
    return _force_directed(n, edges, iterations, seed, start=start, temperature=0.03)


def layout(
    network: nx.MultiDiGraph, spacing: float = 70.0, seed: int = 7,
) -> dict[str, tuple[float, float]]:
    """Deterministic positions in pixels: each connected component laid out, then packed in rows.

    Only the seed and the graph decide the result (nodes and edges are visited in sorted order),
    so the same graph always gives byte-identical views.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(network.nodes))
    simple.add_edges_from(sorted((u, v) if u < v else (v, u) for u, v in network.edges()
                                 if u != v))
    components = sorted((sorted(c) for c in nx.connected_components(simple)),
                        key=lambda c: (-len(c), c[0]))
    placed: list[tuple[list[str], np.ndarray, float]] = []
    for nodes in components:
        n = len(nodes)
        if n == 1:
            placed.append((nodes, np.zeros((1, 2)), spacing / 2))
            continue
        index = {node: i for i, node in enumerate(nodes)}
        # (low, high) pairs: a subgraph may report an edge either way round, by hash order.
        pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in simple.edges(nodes)})
        edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        unit = _component_layout(n, edges, seed)
        unit -= unit.mean(axis=0)
        radius = float(np.sqrt((unit**2).sum(axis=1)).max()) or 1.0
        target = spacing * math.sqrt(n) * 0.75
        placed.append((nodes, unit * (target / radius), target))
    row_width = max(
        max((2 * r for _, _, r in placed), default=0.0),
        math.sqrt(sum((2 * r) ** 2 for _, _, r in placed)) * 1.2,
    )
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes, coordinates, radius in placed:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        centre = (x + radius, y + radius)
        for node, (px, py) in zip(nodes, coordinates, strict=True):
            positions[node] = (round(centre[0] + float(px), 1), round(centre[1] + float(py), 1))
        x += 2 * radius + spacing / 2
        row_height = max(row_height, 2 * radius)
    return positions


# ---- data for the page ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    href: str  # a relative file name written by DiploGraph
    text: str


def _node_attributes(data: Mapping) -> list[tuple[str, str]]:
    rows = []
    if data.get("type") == EntityType.ARTICLE:
        rows += [("Title", data.get("title", "")), ("Source", data.get("source", "")),
                 ("Date", data.get("date", "")), ("Publisher", data.get("publisher", ""))]
    if data.get("subtypes"):
        rows.append(("Classes", ", ".join(data["subtypes"])))
    return [(name, value) for name, value in rows if value]


def _node_tooltip(label: str, type_label: str, alt: Sequence[str]) -> str:
    """Plain text: vis-network shows a string title with innerText, never as HTML."""
    lines = [label, type_label]
    if alt:
        lines.append("Also: " + ", ".join(alt))
    return "\n".join(lines)


def _deep_merge(base: dict, extra: Mapping) -> dict:
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _deep_merge(base[key], value)
        else:
            base[key] = value
    return base


def _group_name(type_name: str) -> str:
    return type_name or "untyped"


def vis_options(types: Sequence[Mapping], *, physics: bool, edge_labels: bool) -> dict:
    """vis-network options: pyvis's switches (physics, stabilisation, smoothing, dragging), plus
    what pyvis has no setter for (groups, fonts, arrows, hover and label thresholds)."""
    from pyvis.network import Network  # imports IPython and jinja2: only when rendering

    net = Network(directed=True)
    if physics:
        net.force_atlas_2based(gravity=-110, central_gravity=0.01, spring_length=120,
                               spring_strength=0.06, damping=0.5, overlap=0.8)
        net.options.physics.stabilization.iterations = 400
        net.set_edge_smooth("continuous")
    else:
        net.options.edges.smooth.enabled = False  # straight edges draw far faster
    net.toggle_physics(physics)
    net.toggle_stabilization(physics)
    net.toggle_hide_edges_on_drag(not physics)
    net.inherit_edge_colors(False)
    options = json.loads(net.get_network_data()[-1])
    groups = {_group_name(t["name"]): {"shape": t["shape"], "color": {
        "background": t["color"], "border": t["border"],
        "highlight": {"background": t["color"], "border": "#111111"},
        "hover": {"background": t["color"], "border": "#111111"}}} for t in types}
    return _deep_merge(options, {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "groups": groups,
        "nodes": {
            "font": {"size": 14, "face": "system-ui, sans-serif", "color": "#1f2328",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1, "borderWidthSelected": 3,
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": FACT_EDGE_COLOR, "highlight": "#24292f", "hover": "#24292f"},
            "font": {"size": 11, "color": "#57606a", "strokeWidth": 3, "strokeColor": "#ffffff",
                     "align": "middle"},
            # Edge labels only once they are legible: none on a zoomed-out overview.
            "scaling": {"label": {"drawThreshold": 6 if edge_labels else 8}},
            "selectionWidth": 2, "hoverWidth": 0.5,
        },
        "interaction": {
            "hover": True, "tooltipDelay": 150, "hideEdgesOnZoom": not physics,
            "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        },
    })


FACT_EDGE_COLOR = "#8c959f"
MENTION_EDGE_COLOR = "#c3c9cf"
# Above this many edges, edge labels are left out of the data and added by the page once the
# user zooms in: measuring thousands of labels would slow every frame of the overview.
EDGE_LABELS_MAX_EDGES = 1_000


def _drop_empty(record: dict) -> dict:
    return {key: value for key, value in record.items() if value not in ("", [], None)}


def view_payload(
    network: nx.MultiDiGraph,
    literals: Iterable[LiteralFact] = (),
    *,
    title: str,
    focus: Sequence[str] = (),
    links: Sequence[Link] = (),
    physics_max_nodes: int = PHYSICS_MAX_NODES,
    edge_labels_max_edges: int = EDGE_LABELS_MAX_EDGES,
) -> dict:
    """Everything the page needs, as JSON-ready data (strings are untrusted: shown as text).

    `vis` holds vis-network's own nodes, edges and options, assembled with pyvis; the rest is
    what the side panel, search and filters read, with short keys and each provenance record,
    sentence and article stored once and referred to by index (see docs/views.md).
    """
    from pyvis.edge import Edge as VisEdge
    from pyvis.network import Network
    from pyvis.node import Node as VisNode

    ids = {node: i for i, node in enumerate(sorted(network.nodes))}
    id_base = str(ID)

    def short_iri(iri: str) -> str:
        """DiploGraph IRIs lose their common base (the page adds it back); others stay whole."""
        return iri[len(id_base):] if iri.startswith(id_base) else iri

    sentences: list[str] = []
    sentence_index: dict[str, int] = {}
    articles: list[dict] = []
    article_index: dict[str, int] = {}
    article_dates: list[str] = []
    records: list[dict] = []
    record_index: dict[tuple, int] = {}
    relations: list[list[str]] = []
    relation_index: dict[str, int] = {}

    def article_ref(iri: str, record: Mapping) -> int:
        if iri not in article_index:
            article_index[iri] = len(articles)
            date = record.get("date", "") if record.get("type") == EntityType.ARTICLE else ""
            articles.append(_drop_empty({"i": short_iri(iri), "s": record.get("source", ""),
                                         "t": record.get("title", ""), "d": date}))
            article_dates.append(date)
        return article_index[iri]

    def relation_ref(relation: str) -> int:
        if relation not in relation_index:
            relation_index[relation] = len(relations)
            relations.append([relation, relation_label(relation)])
        return relation_index[relation]

    def provenance(rows: Iterable[Mapping]) -> list[int]:
        refs = []
        for row in rows:
            article = article_ref(row["article"], row)
            if row["evidence"] not in sentence_index:
                sentence_index[row["evidence"]] = len(sentences)
                sentences.append(row["evidence"])
            # The observation date is stored only where it differs from the article's.
            date = row["date"] if row["date"] != article_dates[article] else ""
            record = _drop_empty({"s": sentence_index[row["evidence"]], "a": article, "d": date,
                                  "c": round(float(row["confidence"]), 3)})
            key = tuple(sorted(record.items()))
            if key not in record_index:
                record_index[key] = len(records)
                records.append(record)
            refs.append(record_index[key])
        return refs

    for node, data in sorted(network.nodes(data=True)):
        if data.get("type") == EntityType.ARTICLE:
            article_ref(node, data)

    node_dates: dict[str, set[str]] = {node: set() for node in network.nodes}
    edge_rows = []
    for source, target, relation, data in sorted(
            network.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        rows = data.get("provenance", ())
        dates = {row["date"] for row in rows if row["date"]}
        node_dates[source].update(dates)
        node_dates[target].update(dates)
        edge_rows.append((source, target, relation, len(rows),
                          {"r": relation_ref(relation), "p": provenance(rows)}))

    literal_rows: dict[str, list[dict]] = {}
    for fact in literals:
        if fact.subject in ids:
            literal_rows.setdefault(fact.subject, []).append({
                "r": relation_ref(fact.relation), "v": fact.value,
                "p": provenance(fact.provenance)})
            node_dates[fact.subject].update(r["date"] for r in fact.provenance if r["date"])
            if fact.relation == Relation.DATE:
                node_dates[fact.subject].add(fact.value)

    type_counts: dict[str, int] = {}
    for _, data in network.nodes(data=True):
        type_counts[data.get("type", "")] = type_counts.get(data.get("type", ""), 0) + 1
    order = [t.value for t in EntityType]

    def type_order(name: str) -> tuple[int, str]:
        return (order.index(name) if name in order else len(order), name)

    types = []
    for name in sorted(type_counts, key=type_order):
        style = TYPE_STYLES.get(name, OTHER_STYLE)
        types.append({"name": name, "label": style.label, "color": style.color,
                      "border": style.border, "shape": style.shape, "count": type_counts[name]})

    physics = 0 < network.number_of_nodes() <= physics_max_nodes
    edge_labels = len(edge_rows) <= edge_labels_max_edges
    # pyvis's Network.add_node and add_edge look every id up in a list of all nodes, which is
    # quadratic; the ids here are unique and known, so pyvis's own Node and Edge records are
    # made directly, with the arguments those methods would pass.
    net = Network(directed=True)
    vis_nodes: list[dict] = []
    vis_edges: list[dict] = []
    scores = importance(network)
    top = max(scores.values(), default=0.0) or 1.0
    positions = layout(network)
    nodes = []
    for node, data in sorted(network.nodes(data=True)):
        type_name = data.get("type", "")
        style = TYPE_STYLES.get(type_name, OTHER_STYLE)
        own_date = data.get("date", "") if type_name == EntityType.ARTICLE else ""
        dates = node_dates[node] | ({own_date} if own_date else set())
        alt = list(data.get("alt_labels", []))
        label = data.get("label") or node  # pyvis would put a falsy label's id in its place
        size = MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * math.sqrt(scores[node] / top)
        if type_name == EntityType.ARTICLE:
            size = min(size, 14.0)
        x, y = positions[node]
        vis_nodes.append(VisNode(ids[node], style.shape, label=label, font_color=net.font_color,
                                 group=_group_name(type_name), size=round(size, 1), x=x, y=y,
                                 title=_node_tooltip(label, style.label or type_name,
                                                     alt)).options)
        nodes.append(_drop_empty({
            "i": short_iri(node), "t": type_name, "a": alt,
            "d": sorted(d for d in dates if _is_iso_date(d)),
            "at": _node_attributes(data), "l": literal_rows.get(node, []),
        }))
    edges = []
    for number, (source, target, relation, evidence, row) in enumerate(edge_rows):
        if relation == Relation.MENTIONED_IN:
            # Mentions tie every entity to its article: long and weak, so facts shape the layout.
            spring = {"length": 320} if physics else {}
            # No arrowhead: a mention always runs from an entity to its article.
            vis_edges.append(VisEdge(ids[source], ids[target], net.directed, id=number,
                                     dashes=True, width=0.8, color=MENTION_EDGE_COLOR,
                                     arrows="", **spring).options)
        else:
            label = {"label": relation_label(relation)} if edge_labels else {}
            vis_edges.append(VisEdge(ids[source], ids[target], net.directed, id=number,
                                     width=round(1.2 + min(evidence, 4) * 0.4, 1),
                                     **label).options)
        edges.append(row)

    all_dates = sorted({d for node in nodes for d in node.get("d", ())})
    return {
        "title": title,
        "idBase": id_base,
        "physics": physics,
        "edgeLabels": edge_labels,
        # Above the size threshold the page starts without mention edges (a check box adds them).
        "mentionsShown": physics,
        "focus": [ids[node] for node in focus if node in ids],
        "types": types,
        "links": [{"href": link.href, "text": link.text} for link in links],
        "dateRange": [all_dates[0], all_dates[-1]] if all_dates else None,
        "vis": {"nodes": vis_nodes, "edges": vis_edges,
                "options": vis_options(types, physics=physics, edge_labels=edge_labels)},
        "nodes": nodes,
        "edges": edges,
        "relations": relations,
        "articles": articles,
        "sentences": sentences,
        "records": records,
    }


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# ---- the document --------------------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    return resources.files("graph").joinpath("assets", name).read_text(encoding="utf-8")


VIS_NETWORK_VERSION = "9.1.2"


@cache
def vis_network_js() -> str:
    """vis-network's browser build, read from the pinned pyvis package that ships it.

    Only the library file is taken from pyvis (its licence header included), never its HTML
    template: that one loads scripts from CDNs.
    """
    path = f"lib/vis-{VIS_NETWORK_VERSION}/vis-network.min.js"
    try:
        text = resources.files("pyvis").joinpath(path).read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError, UnicodeDecodeError) as err:
        raise ViewLibraryMissingError(version=VIS_NETWORK_VERSION,
                                      detail=f"pyvis/{path}: {err}") from err
    if f"@version {VIS_NETWORK_VERSION}" not in text[:2_000]:
        raise ViewLibraryMissingError(version=VIS_NETWORK_VERSION,
                                      detail=f"pyvis/{path} is another version")
    return text


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: no "<" at all, so no "</script" and no "<!--"."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256_source(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def render_document(payload: Mapping) -> str:
    """The HTML text of one view."""
    vis_js, app_js = vis_network_js(), _asset("view.js")
    for script in (vis_js, app_js):
        if "</script" in script.lower():  # would end the inline element early
            raise ValueError("an inline script contains '</script'")
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_sha256_source(vis_js)} {_sha256_source(app_js)}",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    return Template(_asset("view.html")).substitute(
        csp=csp,
        title=html.escape(str(payload["title"]), quote=True),
        css=_asset("view.css"),
        data=script_json(payload),
        vis_js=vis_js,
        app_js=app_js,
    )


def _write(path: Path, text: str) -> Path:
    try:
        atomic_write_text(path, text)
    except OSError as err:
        raise OutputNotWritableError(path=path, detail=err.strerror or err) from err
    return path


def whole_graph_view(graph: Graph) -> tuple[nx.MultiDiGraph, list[LiteralFact]]:
    """What the view of the whole graph shows: the network and the literal facts.

    Neither refers to the rdflib graph, so a caller can release it before the page is made.
    """
    provenance = provenance_index(graph)
    return to_networkx(graph, provenance), literal_facts(graph, provenance)


def kb_graph_view(triples: KBTriples) -> tuple[nx.MultiDiGraph, list[LiteralFact]]:
    """`whole_graph_view(triples.to_graph())`, made from the knowledge base without the graph."""
    return network_of_blocks(triples.node_blocks(), triples.statements())


def write_whole_graph_view(network: nx.MultiDiGraph, literals: Iterable[LiteralFact],
                           destination: Path, *, title: str) -> Path:
    """Write the interactive view of `whole_graph_view`'s network and facts to `destination`."""
    text = render_document(view_payload(network, literals, title=title))
    return _write(Path(destination), text)


def render_html(graph: Graph, destination: Path, *, title: str) -> Path:
    """Write the interactive view of the whole graph to `destination` (e.g. DIR/graph.html)."""
    network, literals = whole_graph_view(graph)
    return write_whole_graph_view(network, literals, destination, title=title)


# ---- views for the command line -------------------------------------------------------------


def load_graph(graph_dir: Path) -> Graph:
    path = Path(graph_dir) / GRAPH_FILE
    if not path.is_file():
        raise StoreMissingError(path=graph_dir)
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as err:  # rdflib raises many kinds of parse errors
        raise GraphFileError(path=path, detail=str(err).splitlines()[0] if str(err) else
                             type(err).__name__) from err
    return graph


def _candidate_name(network: nx.MultiDiGraph, node: str) -> str:
    data = network.nodes[node]
    style = TYPE_STYLES.get(data.get("type", ""), OTHER_STYLE)
    return f"{data.get('label', node)} ({style.label}, {node})"


def find_entity(network: nx.MultiDiGraph, name: str) -> str:
    """The one node whose IRI, label or alternative label is `name`, ignoring case and diacritics.

    Falls back to names containing every word of `name`; raises EntityNotFoundError (with
    suggestions) when nothing matches and AmbiguousEntityError when several entities do.
    """
    if name in network:
        return name
    key = fold_key(name)
    if not key:
        raise EntityNotFoundError(name=name, suggestions="")
    names: dict[str, set[str]] = {}
    for node, data in network.nodes(data=True):
        for label in [data.get("label", ""), *data.get("alt_labels", [])]:
            names.setdefault(fold_key(label), set()).add(node)
    exact = names.get(key, set())
    if not exact:
        words = key.split()
        exact = {node for label, nodes in names.items()
                 if all(word in label.split() for word in words) for node in nodes}
        # A word of a name found in an article's title most likely means the entity.
        entities = {n for n in exact if network.nodes[n].get("type") != EntityType.ARTICLE}
        exact = entities or exact
    if len(exact) == 1:
        return next(iter(exact))
    if exact:
        shown = sorted(exact, key=lambda n: (network.nodes[n].get("type", ""), n))
        raise AmbiguousEntityError(
            name=name, count=len(exact),
            candidates="; ".join(_candidate_name(network, node) for node in shown[:8])
            + ("; ..." if len(shown) > 8 else ""))
    close = difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)
    labels = sorted({network.nodes[node].get("label", node) for c in close for node in names[c]})
    suggestions = f"; did you mean: {', '.join(labels)}?" if labels else ""
    raise EntityNotFoundError(name=name, suggestions=suggestions)


def _view_file_name(kind: str, iri: str) -> str:
    return f"{kind}-{slugify('-'.join(iri.rstrip('/').split('/')[-2:]))}.html"


def write_entity_view(
    graph: Graph, network: nx.MultiDiGraph, name: str, hops: int, destination: Path,
) -> Path:
    centre = find_entity(network, name)
    sub = neighbourhood(network, [centre], hops)
    label = network.nodes[centre].get("label", centre)
    noun = "hop" if hops == 1 else "hops"
    payload = view_payload(sub, literal_facts(graph), focus=[centre],
                           title=f"DiploGraph: {label} ({hops} {noun})")
    return _write(destination, render_document(payload))


def _render_index(entries: Sequence[tuple[str, str, str]], title: str) -> str:
    """A plain page (no script) linking every view; entries are (file name, text, detail)."""
    items = "\n".join(
        f'<li><a href="{html.escape(href, quote=True)}">{html.escape(text)}</a>'
        f'<span class="detail">{html.escape(detail)}</span></li>'
        for href, text, detail in entries)
    return Template(_asset("index.html")).substitute(title=html.escape(title), items=items)


def write_all_views(graph: Graph, network: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """The whole graph, one view per article, and an index linking them, in `folder`."""
    literals = literal_facts(graph)
    back = [Link(INDEX_FILE, "All views")]
    written = [_write(folder / WHOLE_FILE, render_document(view_payload(
        network, literals, title="DiploGraph: whole graph", links=back)))]
    entries = [(WHOLE_FILE, "Whole graph",
                f"{network.number_of_nodes()} entities, {network.number_of_edges()} relations")]
    articles = sorted(
        (node for node, data in network.nodes(data=True) if data.get("type") == EntityType.ARTICLE),
        key=lambda n: (network.nodes[n].get("date", ""), network.nodes[n].get("source", ""), n))
    for article in articles:
        data = network.nodes[article]
        sub = article_subgraph(network, article)
        name = data.get("title") or data.get("source") or article
        file_name = _view_file_name("article", article)
        payload = view_payload(sub, _literals_from(literals, article), focus=[article],
                               title=f"DiploGraph: {name}", links=back)
        written.append(_write(folder / file_name, render_document(payload)))
        detail = " · ".join(part for part in (data.get("date", ""), data.get("source", ""),
                                               f"{sub.number_of_nodes() - 1} entities") if part)
        entries.append((file_name, name, detail))
    written.append(_write(folder / INDEX_FILE, _render_index(entries, "DiploGraph views")))
    return written


def _literals_from(literals: Iterable[LiteralFact], article: str) -> list[LiteralFact]:
    kept = []
    for fact in literals:
        records = tuple(r for r in fact.provenance if r["article"] == article)
        if records:
            kept.append(LiteralFact(fact.subject, fact.relation, fact.value, records))
    return kept


def write_views(
    graph_dir: Path, entity: str | None = None, hops: int = 1, destination: Path | None = None,
) -> list[Path]:
    """The `diplograph view` command: write HTML views of the graph built in `graph_dir`.

    With `entity`: that entity's neighbourhood within `hops`, to `destination` or
    `graph_dir/views/entity-....html`. Without: the whole graph, one view per article and
    `index.html`, in `graph_dir/views/` (or `destination` if it is a folder); a `destination`
    ending in ".html" gets the whole-graph view alone.
    """
    if hops < 0:
        raise UsageError(detail=f"--hops must be 0 or more (got {hops})")
    graph_dir = Path(graph_dir)
    graph = load_graph(graph_dir)
    network = to_networkx(graph)
    if entity is not None:
        centre = find_entity(network, entity)
        target = destination or graph_dir / VIEWS_DIR / _view_file_name("entity", centre)
        return [write_entity_view(graph, network, centre, hops, Path(target))]
    if destination is not None and Path(destination).suffix.lower() in {".html", ".htm"}:
        payload = view_payload(network, literal_facts(graph), title="DiploGraph: whole graph")
        return [_write(Path(destination), render_document(payload))]
    return write_all_views(graph, network, Path(destination or graph_dir / VIEWS_DIR))


__all__ = [
    "PHYSICS_MAX_NODES",
    "TYPE_STYLES",
    "find_entity",
    "kb_graph_view",
    "layout",
    "load_graph",
    "relation_label",
    "render_document",
    "render_html",
    "script_json",
    "view_payload",
    "vis_network_js",
    "vis_options",
    "whole_graph_view",
    "write_views",
    "write_whole_graph_view",
]

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
import importlib.util
import json
import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import chain, islice
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
from graph.fsutil import atomic_write_chunks
from graph.model import EntityType, Relation
from graph.network import (
    Evidence,
    LiteralFact,
    PageGraph,
    article_subgraph,
    edge_importance,
    literal_facts,
    neighbourhood,
    network_of_blocks,
    page_graph,
    page_graph_of_blocks,
    provenance_index,
    sorted_unique,
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


# Node pairs whose repulsion is computed at once. Each row of a block is summed alone, so the
# block's size changes no result; at 2^17 pairs each temporary array is 512 KiB: the layout of
# the whole graph needs a few MiB (40 MiB at 2,000,000 pairs) and runs twice as fast.
REPULSION_BLOCK_PAIRS = 1 << 17


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
    block = max(1, REPULSION_BLOCK_PAIRS // n)
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

    Each breadth-first search is one vectorised step per level over the edge list: the
    frontier's neighbours are the other ends of the edges with an end in it, marked either
    way round. No adjacency structure is made (sorting the edges by end took four arrays of
    twice the edges: some 20 MiB at 10,000 articles).
    """
    first, second = edges[:, 0], edges[:, 1]
    # One array filled row by row: the rows are never held twice (24k nodes: 8 MiB a copy).
    rows = np.empty((min(pivots, n), n))
    pivot = 0
    for number, distance in enumerate(rows):
        distance.fill(np.inf)
        frontier = np.zeros(n, dtype=bool)
        frontier[pivot] = True
        level = 0
        while frontier.any():
            distance[frontier] = level
            level += 1
            touched = np.zeros(n, dtype=bool)
            touched[second[frontier[first]]] = True
            touched[first[frontier[second]]] = True
            frontier = touched & np.isinf(distance)
        pivot = int(np.argmax(np.min(rows[:number + 1], axis=0)))
    return rows


def _pivot_mds(n: int, edges: np.ndarray, pivots: int = 40) -> np.ndarray:
    """A cheap global placement (Brandes and Pich's PivotMDS), scaled to the unit box."""
    # Squared and centred in place: the matrix (pivots x nodes, 8 bytes each: 19 MiB at 60,000
    # nodes) is held once, not three or four times over in temporaries. The same operations
    # in the same order on the same (Fortran-ordered) array: the same numbers.
    distances = _pivot_distances(n, edges, pivots)
    distances **= 2
    centred = distances.T
    column_means, row_means, mean = (centred.mean(axis=0), centred.mean(axis=1)[:, None],
                                     centred.mean())
    centred -= column_means
    centred -= row_means
    centred += mean
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
    nodes = sorted(network.nodes)
    number = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(number[u], number[v]) for u, v in network.edges()],
                    dtype=np.int64).reshape(-1, 2)
    return dict(zip(nodes, numbered_layout(len(nodes), ends[:, 0], ends[:, 1], spacing, seed),
                    strict=True))


def _components(count: int, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """The smallest node of each node's connected component (edges `low[i]`-`high[i]`).

    Each round, every edge pulls the labels of its ends down to the smaller of the two, then
    every label takes its own label's (pointer jumping). Labels only fall and stay within their
    component, whose smallest node keeps its own: they settle on it, in few rounds.
    """
    labels = np.arange(count, dtype=np.int32 if count < 1 << 31 else np.int64)
    while True:
        smaller = np.minimum(labels[low], labels[high])
        pulled = labels.copy()
        np.minimum.at(pulled, low, smaller)
        np.minimum.at(pulled, high, smaller)
        pulled = pulled[pulled]
        if np.array_equal(pulled, labels):
            return labels
        labels = pulled


def numbered_layout(
    count: int, sources: np.ndarray, targets: np.ndarray, spacing: float = 70.0, seed: int = 7,
) -> list[tuple[float, float]]:
    """`layout` of nodes 0 to count - 1, numbered in the sorted order of their names, with
    edges `sources[i]`-`targets[i]` (either way round; loops and repeats make no difference).

    Integer arrays, not a networkx graph: the whole-graph page lays out every node at once.
    """
    xs, ys = _layout_arrays(count, sources, targets, spacing, seed)
    return [(round(x, 1), round(y, 1)) for x, y in zip(xs.tolist(), ys.tolist(), strict=True)]


def _layout_arrays(
    count: int, sources: np.ndarray, targets: np.ndarray, spacing: float = 70.0, seed: int = 7,
) -> tuple[np.ndarray, np.ndarray]:
    """`numbered_layout`'s positions before rounding, as two float arrays (x and y): 16 bytes a
    node, not a tuple of two floats (some 110)."""
    if count == 0:
        return np.zeros(0), np.zeros(0)
    keep = sources != targets
    low = np.minimum(sources, targets)[keep].astype(np.int64)
    high = np.maximum(sources, targets)[keep].astype(np.int64)
    low *= count
    low += high
    del keep, high
    pairs = sorted_unique(low)  # sorted (low, high) pairs, each once
    del low
    # Node numbers in 4 bytes where they fit: half the memory of each array of edges' ends.
    narrow = np.int32 if count < 1 << 31 else np.int64
    smallest = _components(count, (pairs // count).astype(narrow), (pairs % count).astype(narrow))
    sizes = np.bincount(smallest, minlength=count)
    firsts = np.flatnonzero(sizes)  # the components by their smallest node
    # Each component's nodes in order, and each node's number within its component.
    members = np.argsort(smallest, kind="stable")
    starts = np.concatenate(([0], np.cumsum(sizes[firsts])))
    local = np.empty(count, dtype=narrow)
    local[members] = np.arange(count) - np.repeat(starts[:-1], sizes[firsts])
    # The pairs grouped by component, still sorted within each, as local numbers.
    component = smallest[pairs // count]
    pairs = pairs[np.argsort(component, kind="stable")]
    pair_starts = np.concatenate(([0], np.cumsum(np.bincount(component,
                                                             minlength=count)[firsts])))
    del component
    placed: list[tuple[np.ndarray, np.ndarray, float]] = []
    # Largest first, ties by smallest node.
    for k in np.lexsort((firsts, -sizes[firsts])):
        nodes = members[starts[k]:starts[k + 1]]
        n = len(nodes)
        if n == 1:
            placed.append((nodes, np.zeros((1, 2)), spacing / 2))
            continue
        chosen = pairs[pair_starts[k]:pair_starts[k + 1]]
        edges = np.stack([local[chosen // count], local[chosen % count]], axis=1)
        unit = _component_layout(n, edges, seed)
        del chosen, edges
        unit -= unit.mean(axis=0)
        radius = float(np.sqrt((unit**2).sum(axis=1)).max()) or 1.0
        target = spacing * math.sqrt(n) * 0.75
        placed.append((nodes, unit * (target / radius), target))
    del pairs, local, members, smallest
    row_width = max(
        max((2 * r for _, _, r in placed), default=0.0),
        math.sqrt(sum((2 * r) ** 2 for _, _, r in placed)) * 1.2,
    )
    xs, ys = np.zeros(count), np.zeros(count)
    x = y = row_height = 0.0
    for nodes, coordinates, radius in placed:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        # The same sums as of Python floats: each the one nearest double.
        xs[nodes] = coordinates[:, 0] + (x + radius)
        ys[nodes] = coordinates[:, 1] + (y + radius)
        x += 2 * radius + spacing / 2
        row_height = max(row_height, 2 * radius)
    return xs, ys


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


def pyvis_options(physics: bool) -> dict:
    """The options pyvis 0.3.2's directed `Network` gives (its `get_network_data`) after the
    switches a view sets: with physics, ForceAtlas2 (gravity -110, central gravity 0.01,
    spring length 120 and strength 0.06, damping 0.5, overlap 0.8), 400 stabilisation
    iterations and continuous smoothing; without, no physics, no stabilisation, straight edges
    (they draw far faster) hidden while dragging. Edge colours are not inherited either way.

    Written out, not asked of pyvis: importing it imports IPython, jinja2 and jsonpickle (some
    5 MiB resident), which the page never uses. tests/test_view.py checks these against pyvis.
    """
    stabilization = {"enabled": physics, "fit": True, "iterations": 400 if physics else 1000,
                     "onlyDynamicEdges": False, "updateInterval": 50}
    physics_options: dict = {"enabled": physics}
    if physics:
        physics_options["forceAtlas2Based"] = {
            "avoidOverlap": 0.8, "centralGravity": 0.01, "damping": 0.5,
            "gravitationalConstant": -110, "springConstant": 0.06, "springLength": 120}
        physics_options["solver"] = "forceAtlas2Based"
    physics_options["stabilization"] = stabilization
    return {
        "configure": {"enabled": False},
        "edges": {"color": {"inherit": False},
                  "smooth": {"enabled": physics,
                             "type": "continuous" if physics else "dynamic"}},
        "interaction": {"dragNodes": True, "hideEdgesOnDrag": not physics,
                        "hideNodesOnDrag": False},
        "physics": physics_options,
    }


def vis_options(types: Sequence[Mapping], *, physics: bool, edge_labels: bool) -> dict:
    """vis-network options: pyvis's switches (physics, stabilisation, smoothing, dragging:
    `pyvis_options`), plus what pyvis has no setter for (groups, fonts, arrows, hover and label
    thresholds)."""
    options = pyvis_options(physics)
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


@dataclass(slots=True)
class _PageNode:
    """One node as the page shows it."""

    iri: str
    type: str
    label: str
    alt: list[str]
    attributes: list[tuple[str, str]]
    literals: list[dict] = field(default_factory=list)
    # Its own, its edges' records' and its literal facts' dates, sorted (not-dates left out).
    dates: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Tables:
    """What the page stores once and refers to by index: articles, relations, sentences and
    provenance records, each numbered in the order the page first meets it."""

    id_base: str
    articles: list[dict] = field(default_factory=list)
    article_dates: list[str] = field(default_factory=list)
    article_index: dict[str, int] = field(default_factory=dict)
    relations: list[list[str]] = field(default_factory=list)
    relation_index: dict[str, int] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)
    sentence_index: dict[str, int] = field(default_factory=dict)
    # The records, (sentence, article, observation date or "", confidence) each, as numbers in
    # arrays (a dict only when written): some 20 bytes a record, where a tuple of four objects
    # took about 170. The whole graph's page has about one record per statement.
    records: _Records = field(default_factory=lambda: _Records())
    references: int = 0  # how many references to records `provenance` has met

    def short_iri(self, iri: str) -> str:
        """DiploGraph IRIs lose their common base (the page adds it back); others stay whole."""
        return iri[len(self.id_base):] if iri.startswith(self.id_base) else iri

    def article(self, iri: str, source: str, title: str, date: str) -> int:
        number = self.article_index.get(iri)
        if number is None:
            number = self.article_index[iri] = len(self.articles)
            self.articles.append(_drop_empty({"i": self.short_iri(iri), "s": source, "t": title,
                                              "d": date}))
            self.article_dates.append(date)
        return number

    def relation(self, relation: str) -> int:
        number = self.relation_index.get(relation)
        if number is None:
            number = self.relation_index[relation] = len(self.relations)
            self.relations.append([relation, relation_label(relation)])
        return number

    def provenance(self, rows: Iterable[Evidence]) -> int:
        """Add a reference to the record of each row (`_Records.add`): the next
        `self.references` numbers, whose records `_Records.number` gives; return how many."""
        count = 0
        for row in rows:
            # An article met only here has no node: no date of its own.
            article = self.article(row.article, row.source, row.title, "")
            sentence = self.sentence_index.get(row.evidence)
            if sentence is None:
                sentence = self.sentence_index[row.evidence] = len(self.sentences)
                self.sentences.append(row.evidence)
            # The observation date is stored only where it differs from the article's.
            date = row.date if row.date != self.article_dates[article] else ""
            self.records.add(sentence, article, date, round(float(row.confidence), 3))
            count += 1
        self.references += count
        return count

    def record_dicts(self) -> Iterator[dict]:
        records = self.records
        for sentence, article, date, confidence in zip(
                records.sentences, records.articles, records.dates, records.confidences,
                strict=True):
            yield _drop_empty({"s": sentence, "a": article, "d": records.date_texts[date],
                               "c": confidence})


@dataclass(slots=True)
class _Records:
    """Provenance records numbered in the order first met, each distinct one once.

    Each reference to a record is added (`add`) as the page meets it, its four parts as
    numbers in arrays; once all are in, `number` finds the distinct records and keeps them
    alone. Two records are the same if their four parts are equal (as tuples of them would
    be: a confidence of 0.0 is the record of -0.0 met before it); each keeps the values it was
    first met with. No index of the records is made while they are met (a dict of one integer
    key each took some 110 bytes a record: 22 MiB at 10,000 articles): arrays of a few bytes a
    reference, sorted once.
    """

    # Per reference until `number`, then per record.
    sentences: array = field(default_factory=lambda: array("i"))
    articles: array = field(default_factory=lambda: array("i"))
    dates: array = field(default_factory=lambda: array("i"))  # number in `date_texts`
    confidences: array = field(default_factory=lambda: array("d"))
    # Per reference: the number of its confidence (equal confidences, -0.0 and 0.0 too, one).
    confidence_refs: array = field(default_factory=lambda: array("i"))
    date_texts: list[str] = field(default_factory=list)
    date_numbers: dict[str, int] = field(default_factory=dict)
    confidence_numbers: dict[float, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.sentences)

    def add(self, sentence: int, article: int, date: str, confidence: float) -> None:
        """A reference to the record of these parts (numbered by `number`)."""
        date_number = self.date_numbers.setdefault(date, len(self.date_numbers))
        if date_number == len(self.date_texts):
            self.date_texts.append(date)
        self.sentences.append(sentence)
        self.articles.append(article)
        self.dates.append(date_number)
        self.confidences.append(confidence)
        self.confidence_refs.append(self.confidence_numbers.setdefault(
            confidence, len(self.confidence_numbers)))

    def number(self) -> np.ndarray:
        """The number of the record of each reference added, in order, the records numbered in
        the order their first references were added; only the records are kept."""
        columns = [np.frombuffer(parts, dtype=np.int32) for parts in (
            self.sentences, self.articles, self.dates, self.confidence_refs)]
        count = len(columns[0])
        # The references sorted by their parts; equal ones stay in the order added (stable).
        order = np.lexsort(columns[::-1])
        starts = np.zeros(count, dtype=bool)  # where a record's run of references starts
        starts[:1] = True
        for column in columns:
            ordered = column[order]
            starts[1:] |= ordered[1:] != ordered[:-1]
        del ordered
        runs = np.cumsum(starts) - 1
        firsts = order[starts]  # each record's first reference
        del starts
        numbers = np.empty(len(firsts), dtype=np.int64)
        numbers[np.argsort(firsts)] = np.arange(len(firsts))
        references = np.empty(count, dtype=np.int64)
        references[order] = numbers[runs]
        del order, runs, numbers
        firsts.sort()
        self.sentences, self.articles, self.dates = (
            array("i", column[firsts].tobytes()) for column in columns[:3])
        del columns
        self.confidences = array("d", np.frombuffer(self.confidences)[firsts].tobytes())
        self.confidence_refs = array("i")
        return references


@dataclass(slots=True)
class _Edges:
    """The page's edges in order, as integer arrays: ends (node numbers), relation (number in
    the tables), how many records are behind each and their numbers (`refs[starts[i]:
    starts[i + 1]]`): a few bytes an edge (4 a number: no page has 2**31 nodes or records)."""

    sources: array = field(default_factory=lambda: array("i"))
    targets: array = field(default_factory=lambda: array("i"))
    relations: array = field(default_factory=lambda: array("i"))
    counts: array = field(default_factory=lambda: array("i"))
    starts: array = field(default_factory=lambda: array("q", [0]))
    refs: array = field(default_factory=lambda: array("i"))

    def add(self, source: int, target: int, relation: int, count: int) -> None:
        """An edge with the next `count` references (`refs`, set once all are numbered)."""
        self.sources.append(source)
        self.targets.append(target)
        self.relations.append(relation)
        self.counts.append(count)
        self.starts.append(self.starts[-1] + count)

    def __len__(self) -> int:
        return len(self.sources)


@dataclass(frozen=True, slots=True)
class _Lazy:
    """A list of the payload made item by item as it is written (`document_pieces`), never held
    whole: the whole graph's page has hundreds of thousands of items."""

    items: Callable[[], Iterable]

    def __iter__(self) -> Iterator:
        return iter(self.items())


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

    `vis` holds vis-network's own nodes, edges and options, as pyvis makes them; the rest is
    what the side panel, search and filters read, with short keys and each provenance record,
    sentence and article stored once and referred to by index (see docs/views.md).
    """
    return _materialised(page_payload(
        page_graph(network, literals), title=title, focus=focus, links=links,
        physics_max_nodes=physics_max_nodes, edge_labels_max_edges=edge_labels_max_edges))


def _materialised(value: object) -> object:
    """`value` with every `_Lazy` list made."""
    if isinstance(value, _Lazy):
        return list(value)
    if isinstance(value, dict):
        return {key: _materialised(item) for key, item in value.items()}
    return value


def page_payload(
    graph: PageGraph,
    *,
    title: str,
    focus: Sequence[str] = (),
    links: Sequence[Link] = (),
    physics_max_nodes: int = PHYSICS_MAX_NODES,
    edge_labels_max_edges: int = EDGE_LABELS_MAX_EDGES,
) -> dict:
    """`view_payload` of a `PageGraph`, its long lists (nodes, edges, records) made only as
    they are written (`_Lazy`); it reads `graph` (once) and holds none of it.

    What it holds per edge is a few integers (`_Edges`); per node, one `_PageNode`.
    """
    tables = _Tables(str(ID))
    nodes: list[_PageNode] = []
    ids: dict[str, int] = {}
    dates: list[set[str]] = []  # per node, until sorted into it
    for iri, data in graph.nodes:
        type_name = data.get("type", "")
        own_date = data.get("date", "") if type_name == EntityType.ARTICLE else ""
        if type_name == EntityType.ARTICLE:
            tables.article(iri, data.get("source", ""), data.get("title", ""), own_date)
        ids[iri] = len(nodes)
        nodes.append(_PageNode(
            iri=iri, type=type_name,
            label=data.get("label") or iri,  # pyvis would put a falsy label's id in its place
            alt=list(data.get("alt_labels", [])), attributes=_node_attributes(data)))
        dates.append({own_date} if own_date else set())

    edges = _Edges()
    for source, target, relation, rows in graph.edges:
        source, target = ids[source], ids[target]
        seen = {row.date for row in rows if row.date}
        dates[source].update(seen)
        dates[target].update(seen)
        number = tables.relation(relation)
        edges.add(source, target, number, tables.provenance(rows))

    literals: list[tuple[dict, int]] = []  # each literal fact and its first reference
    for subject, relation, value, rows in graph.literals:
        node = ids.get(subject)
        if node is None:
            continue
        literal = {"r": tables.relation(relation), "v": value, "p": []}
        literals.append((literal, tables.references))
        tables.provenance(rows)
        nodes[node].literals.append(literal)
        dates[node].update(row.date for row in rows if row.date)
        if relation == Relation.DATE:
            dates[node].add(value)

    # Every reference is met: the records are numbered, the index of sentences let go.
    tables.sentence_index.clear()
    references = tables.records.number()
    edge_references = edges.starts[-1]
    edges.refs = array("i", references[:edge_references].astype(np.int32).tobytes())
    for number, (literal, first) in enumerate(literals):
        end = literals[number + 1][1] if number + 1 < len(literals) else len(references)
        literal["p"] = references[first:end].tolist()
    del references, literals
    every_date: set[str] = set()
    for node, seen in zip(nodes, dates, strict=True):
        node.dates = sorted(d for d in seen if _is_iso_date(d))
        every_date.update(node.dates)
    del dates
    date_range = sorted(every_date)

    types = _type_rows(node.type for node in nodes)
    physics = 0 < len(nodes) <= physics_max_nodes
    edge_labels = len(edges) <= edge_labels_max_edges
    return {
        "title": title,
        "idBase": tables.id_base,
        "physics": physics,
        "edgeLabels": edge_labels,
        # Above the size threshold the page starts without mention edges (a check box adds them).
        "mentionsShown": physics,
        "focus": [ids[node] for node in focus if node in ids],
        "types": types,
        "links": [{"href": link.href, "text": link.text} for link in links],
        "dateRange": [date_range[0], date_range[-1]] if date_range else None,
        "vis": {"nodes": _Lazy(lambda: _vis_nodes(nodes, edges, tables)),
                "edges": _Lazy(lambda: _vis_edges(edges, tables, physics=physics,
                                                  edge_labels=edge_labels)),
                "options": vis_options(types, physics=physics, edge_labels=edge_labels)},
        "nodes": _Lazy(lambda: _node_records(nodes, tables)),
        "edges": _Lazy(lambda: _edge_records(edges)),
        # Written a chunk at a time like the lists above: the sentences' JSON as one string
        # was the largest piece of the page (some 25 MiB at 10,000 articles).
        "relations": _Lazy(lambda: tables.relations),
        "articles": _Lazy(lambda: tables.articles),
        "sentences": _Lazy(lambda: tables.sentences),
        "records": _Lazy(tables.record_dicts),
    }


def _node_records(nodes: Iterable[_PageNode], tables: _Tables) -> Iterator[dict]:
    """What the side panel, search and filters read of each node."""
    for node in nodes:
        yield _drop_empty({"i": tables.short_iri(node.iri), "t": node.type, "a": node.alt,
                           "d": node.dates, "at": node.attributes, "l": node.literals})


def _edge_records(edges: _Edges) -> Iterator[dict]:
    """What the side panel reads of each edge: its relation and provenance records."""
    for number, relation in enumerate(edges.relations):
        start, end = edges.starts[number], edges.starts[number + 1]
        yield {"r": relation, "p": edges.refs[start:end].tolist()}


def _type_rows(type_names: Iterable[str]) -> list[dict]:
    """The legend: each type of node, in the order of EntityType (others after, by name)."""
    counts = Counter(type_names)
    order = [t.value for t in EntityType]

    def type_order(name: str) -> tuple[int, str]:
        return (order.index(name) if name in order else len(order), name)

    rows = []
    for name in sorted(counts, key=type_order):
        style = TYPE_STYLES.get(name, OTHER_STYLE)
        rows.append({"name": name, "label": style.label, "color": style.color,
                     "border": style.border, "shape": style.shape, "count": counts[name]})
    return rows


def _vis_nodes(nodes: Sequence[_PageNode], edges: _Edges, tables: _Tables) -> Iterator[dict]:
    """vis-network's nodes, sized by importance, at their laid-out places.

    Each is the record pyvis's `Network.add_node` makes (a `pyvis.node.Node`'s options: the
    keyword arguments in order, then id, label and shape; no font of a network without a font
    colour), made here: pyvis looks every id up in a list of all nodes, which is quadratic,
    and importing it imports IPython and jinja2 (see `pyvis_options`).
    """
    sources, targets = (np.frombuffer(ends, dtype=np.int32)
                        for ends in (edges.sources, edges.targets))
    mention = tables.relation_index.get(Relation.MENTIONED_IN, -1)
    scores = edge_importance(len(nodes), sources, targets,
                             np.frombuffer(edges.relations, dtype=np.int32) == mention,
                             np.frombuffer(edges.counts, dtype=np.int32)).tolist()
    top = max(scores, default=0.0) or 1.0
    xs, ys = _layout_arrays(len(nodes), sources, targets)
    del sources, targets
    for number, node in enumerate(nodes):
        style = TYPE_STYLES.get(node.type, OTHER_STYLE)
        size = MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * math.sqrt(scores[number] / top)
        if node.type == EntityType.ARTICLE:
            size = min(size, 14.0)
        x, y = round(float(xs[number]), 1), round(float(ys[number]), 1)
        yield {"group": _group_name(node.type), "size": round(size, 1), "x": x, "y": y,
               "title": _node_tooltip(node.label, style.label or node.type, node.alt),
               "id": number, "label": node.label, "shape": style.shape}


def _vis_edges(edges: _Edges, tables: _Tables, *, physics: bool,
               edge_labels: bool) -> Iterator[dict]:
    """vis-network's edges: the records of a directed pyvis network's `add_edge` (a
    `pyvis.edge.Edge`'s options: the keyword arguments in order, then the ends, then an arrow
    unless one was given), made here as `_vis_nodes` makes its nodes."""
    for number in range(len(edges)):
        source, target = edges.sources[number], edges.targets[number]
        relation = tables.relations[edges.relations[number]][0]
        if relation == Relation.MENTIONED_IN:
            # Mentions tie every entity to its article: long and weak, so facts shape the layout.
            # No arrowhead: a mention always runs from an entity to its article.
            record = {"id": number, "dashes": True, "width": 0.8, "color": MENTION_EDGE_COLOR,
                      "arrows": ""}
            if physics:
                record["length"] = 320
            record["from"], record["to"] = source, target
            yield record
        else:
            evidence = edges.counts[number]
            record = {"id": number, "width": round(1.2 + min(evidence, 4) * 0.4, 1)}
            if edge_labels:
                record["label"] = relation_label(relation)
            record["from"], record["to"], record["arrows"] = source, target, "to"
            yield record


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
    template: that one loads scripts from CDNs. The package is found, not imported (see
    `pyvis_options`).
    """
    path = f"lib/vis-{VIS_NETWORK_VERSION}/vis-network.min.js"
    try:
        spec = importlib.util.find_spec("pyvis")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("No module named 'pyvis'")
        folder = Path(next(iter(spec.submodule_search_locations)))
        text = (folder / path).read_text(encoding="utf-8")
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


# Items of a `_Lazy` list encoded per call: JSON's C encoder runs on a list of them at a time.
_JSON_CHUNK = 1_000


def _script_json_pieces(value: object) -> Iterator[str]:
    """`script_json(value)` in pieces: each `_Lazy` list a chunk of items at a time.

    The same text: compact JSON of a dict or list is its items' JSON joined by "," (and ":"),
    and the escapes replace single characters.
    """
    if isinstance(value, _Lazy):
        yield "["
        items = iter(value)
        separator = ""
        while chunk := list(islice(items, _JSON_CHUNK)):
            yield separator + script_json(chunk)[1:-1]
            separator = ","
        yield "]"
    elif isinstance(value, dict) and _has_lazy(value):
        separator = "{"
        for key, item in value.items():
            if not isinstance(key, str):  # json.dumps would write it as a string
                raise TypeError(f"a key of the page's data is not a string: {key!r}")
            yield separator + script_json(key) + ":"
            yield from _script_json_pieces(item)
            separator = ","
        yield "}"
    else:
        yield script_json(value)


def _has_lazy(value: object) -> bool:
    return isinstance(value, _Lazy) or (
        isinstance(value, dict) and any(_has_lazy(item) for item in value.values()))


def _sha256_source(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def document_pieces(payload: Mapping) -> Iterator[str]:
    """The HTML text of one view, in pieces (the data a chunk at a time: see `_Lazy`).

    The scripts and the template are read here, not as the pieces are taken: a missing asset
    is no error of the file being written.
    """
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
    # The template around its one $data: each side filled in alone gives the same text.
    before, after = _asset("view.html").split("$data")
    values = {"csp": csp, "title": html.escape(str(payload["title"]), quote=True),
              "css": _asset("view.css"), "vis_js": vis_js, "app_js": app_js}
    return chain([Template(before).substitute(values)], _script_json_pieces(payload),
                 [Template(after).substitute(values)])


def render_document(payload: Mapping) -> str:
    """The HTML text of one view."""
    return "".join(document_pieces(payload))


# Characters of text encoded and handed to the file at once (a piece is often a few bytes).
_WRITE_CHARS = 1 << 20


def _write_pieces(path: Path, pieces: Iterable[str]) -> Path:
    """`_write` of the text the pieces make, never held whole: encoded a few hundred kilobytes
    at a time and written atomically (`graph.fsutil.atomic_write_chunks`)."""
    def chunks() -> Iterator[bytes]:
        buffer: list[str] = []
        size = 0
        for piece in pieces:
            buffer.append(piece)
            size += len(piece)
            if size >= _WRITE_CHARS:
                yield "".join(buffer).encode("utf-8")
                buffer, size = [], 0
        yield "".join(buffer).encode("utf-8")

    try:
        atomic_write_chunks(path, chunks())
    except OSError as err:
        raise OutputNotWritableError(path=path, detail=err.strerror or err) from err
    return path


def _write(path: Path, text: str) -> Path:
    return _write_pieces(path, [text])


def whole_graph_view(graph: Graph) -> tuple[nx.MultiDiGraph, list[LiteralFact]]:
    """What the view of the whole graph shows: the network and the literal facts.

    Neither refers to the rdflib graph, so a caller can release it before the page is made.
    """
    provenance = provenance_index(graph)
    return to_networkx(graph, provenance), literal_facts(graph, provenance)


def kb_graph_view(triples: KBTriples) -> tuple[nx.MultiDiGraph, list[LiteralFact]]:
    """`whole_graph_view(triples.to_graph())`, made from the knowledge base without the graph."""
    return network_of_blocks(triples.node_blocks(), triples.statements())


def kb_page_graph(triples: KBTriples, *,
                  after_reading: Callable[[], None] | None = None) -> PageGraph:
    """`page_graph(*kb_graph_view(triples))` without the network: what the build's
    whole-graph page is made of.

    It holds none of `triples`, which the caller can let go before the page is written
    (`write_page`), or already once it is read: `after_reading` is called then, before the
    page is made (`page_graph_of_blocks`).
    """
    return page_graph_of_blocks(triples.node_blocks(), triples.statements(),
                                after_reading=after_reading)


def write_whole_graph_view(network: nx.MultiDiGraph, literals: Iterable[LiteralFact],
                           destination: Path, *, title: str) -> Path:
    """Write the interactive view of `whole_graph_view`'s network and facts to `destination`."""
    return write_page(page_graph(network, literals), destination, title=title)


def write_page(graph: PageGraph, destination: Path, *, title: str) -> Path:
    """Write the whole-graph view of `graph` (read once) to `destination`.

    The page's data is made as it is written, and the file written in pieces: the process
    holds a few numbers per edge and node, never the page's text or its JSON as one string.
    """
    return _write_pieces(Path(destination), document_pieces(page_payload(graph, title=title)))


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
    return _write_pieces(destination, document_pieces(payload))


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
    written = [_write_pieces(folder / WHOLE_FILE, document_pieces(view_payload(
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
        written.append(_write_pieces(folder / file_name, document_pieces(payload)))
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
        return [_write_pieces(Path(destination), document_pieces(payload))]
    return write_all_views(graph, network, Path(destination or graph_dir / VIEWS_DIR))


__all__ = [
    "PHYSICS_MAX_NODES",
    "TYPE_STYLES",
    "document_pieces",
    "find_entity",
    "kb_graph_view",
    "kb_page_graph",
    "layout",
    "load_graph",
    "numbered_layout",
    "page_payload",
    "pyvis_options",
    "relation_label",
    "render_document",
    "render_html",
    "script_json",
    "view_payload",
    "vis_network_js",
    "vis_options",
    "whole_graph_view",
    "write_page",
    "write_views",
    "write_whole_graph_view",
]

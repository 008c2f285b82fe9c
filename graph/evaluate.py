"""Scoring a built graph against a hand-written gold file (precision, recall, F1).

Gold format (TSV, UTF-8; see docs/extraction.md):

    #!complete: Person Role LegalDocument Event Topic     entity types listed exhaustively
    # a comment
    Person<TAB>Vũ Hải Hà|Vu Hai Ha                          an entity (aliases after "|")
    Person<TAB>Bui Thanh Son<TAB>holdsRole<TAB>Role<TAB>Minister of Foreign Affairs
    LegalDocument<TAB>Resolution 34-NQ/TW<TAB>documentNumber<TAB>literal<TAB>34-NQ/TW
    LegalDocument<TAB>Resolution 34-NQ/TW<TAB>date<TAB>date<TAB>2023-01-09

A gold entity matches a graph entity of the same type when one of its names equals, after
folding (diacritics, case, apostrophes), the graph entity's label or one of its alt labels.
Relations are scored for every relation type the gold file uses (`met` is symmetric); entity
types for the types named in `#!complete:`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from graph.errors import GoldFileError, StoreMissingError
from graph.model import EntityType, Relation
from graph.text import fold_key
from graph.vocab import DG, class_iri, relation_iri

SYMMETRIC = frozenset({Relation.MET})
LITERAL_TYPES = ("literal", "date")


def name_key(text: str) -> str:
    return fold_key(text).replace("’", "'").replace("‘", "'")


@dataclass(frozen=True)
class GoldEntity:
    type: EntityType
    names: tuple[str, ...]

    @property
    def id(self) -> tuple[EntityType, str]:
        return (self.type, name_key(self.names[0]))


@dataclass
class Gold:
    entities: dict[tuple[EntityType, str], GoldEntity] = field(default_factory=dict)
    triples: set[tuple] = field(default_factory=set)
    complete_types: set[EntityType] = field(default_factory=set)

    def add_entity(self, entity_type: EntityType, names: tuple[str, ...]) -> tuple:
        entity = GoldEntity(entity_type, names)
        known = self.entities.get(entity.id)
        if known is None or len(names) > len(known.names):
            self.entities[entity.id] = entity
        return entity.id


def parse_gold(text: str, path: Path | str = "<gold>") -> Gold:
    """Parse the gold TSV; a malformed line is a GoldFileError naming the line."""
    gold = Gold()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if line.startswith("#!complete:"):
            for name in line.split(":", 1)[1].replace(",", " ").split():
                gold.complete_types.add(_entity_type(name, path, number))
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) == 2:
            gold.add_entity(_entity_type(cells[0], path, number), _names(cells[1], path, number))
            continue
        if len(cells) != 5:
            raise GoldFileError(path=path, detail=f"line {number}: expected 2 or 5 tab-separated "
                                                  f"columns, got {len(cells)}")
        subject = gold.add_entity(_entity_type(cells[0], path, number),
                                  _names(cells[1], path, number))
        try:
            relation = Relation(cells[2])
        except ValueError as err:
            raise GoldFileError(path=path, detail=f"line {number}: unknown relation "
                                                  f"{cells[2]!r}") from err
        if cells[3] in LITERAL_TYPES:
            obj = _literal(cells[3], cells[4], path, number)
        else:
            obj = gold.add_entity(_entity_type(cells[3], path, number),
                                  _names(cells[4], path, number))
        gold.triples.add(_triple(subject, relation, obj))
    return _merge_overlapping(gold)


def _merge_overlapping(gold: Gold) -> Gold:
    """One entity for cells of the same type that share a name.

    A file that joins per-article golds may name one entity with its aliases in another order
    ("Deputy Foreign Minister|Deputy Minister of Foreign Affairs" and "Deputy Minister of
    Foreign Affairs|Deputy Foreign Minister"); read as two, the second could never be matched.
    """
    parent = {entity_id: entity_id for entity_id in gold.entities}

    def root(entity_id: tuple) -> tuple:
        while parent[entity_id] != entity_id:
            entity_id = parent[entity_id]
        return entity_id

    owner: dict[tuple[EntityType, str], tuple] = {}
    for entity_id, entity in gold.entities.items():
        for name in entity.names:
            key = (entity.type, name_key(name))
            if key in owner and root(owner[key]) != root(entity_id):
                parent[root(entity_id)] = root(owner[key])
            owner.setdefault(key, entity_id)
    if all(root(entity_id) == entity_id for entity_id in parent):
        return gold
    merged = Gold(complete_types=gold.complete_types)
    for entity_id, entity in gold.entities.items():
        target = root(entity_id)
        names = tuple(dict.fromkeys([*gold.entities[target].names, *entity.names]))
        kept = merged.entities.get(target)
        merged.entities[target] = GoldEntity(entity.type, tuple(dict.fromkeys(
            [*(kept.names if kept else ()), *names])))

    def remap(value):
        return root(value) if isinstance(value, tuple) and value in parent else value

    merged.triples = {_triple(root(s), r, remap(o)) for s, r, o in gold.triples}
    return merged


def _entity_type(name: str, path, number: int) -> EntityType:
    try:
        return EntityType(name)
    except ValueError as err:
        raise GoldFileError(path=path, detail=f"line {number}: unknown type {name!r}") from err


def _names(cell: str, path, number: int) -> tuple[str, ...]:
    names = tuple(n.strip() for n in cell.split("|") if n.strip())
    if not names:
        raise GoldFileError(path=path, detail=f"line {number}: empty name")
    return names


def _literal(kind: str, value: str, path, number: int) -> tuple[str, str]:
    if kind == "date":
        try:
            return ("date", dt.date.fromisoformat(value).isoformat())
        except ValueError as err:
            raise GoldFileError(path=path, detail=f"line {number}: bad date {value!r}") from err
    return ("literal", value.strip())


def _triple(subject, relation: Relation, obj) -> tuple:
    if relation in SYMMETRIC and str(obj) < str(subject):
        subject, obj = obj, subject
    return (subject, relation, obj)


@dataclass(frozen=True)
class Score:
    name: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvaluationReport:
    relations: list[Score]
    entities: list[Score]
    missing: list[str] = field(default_factory=list)  # gold items not found
    spurious: list[str] = field(default_factory=list)  # predicted items not in gold

    def score(self, name: str) -> Score:
        for item in [*self.relations, *self.entities]:
            if item.name == name:
                return item
        raise KeyError(name)

    def format_table(self) -> str:
        def cell(value: float | None) -> str:
            return "  -  " if value is None else f"{value:.3f}"

        lines = [f"{'':16} {'precision':>9} {'recall':>9} {'F1':>9} {'tp':>5} {'fp':>5} "
                 f"{'fn':>5}"]
        for title, scores in (("relations", self.relations), ("entities", self.entities)):
            lines.append(title)
            for s in scores:
                lines.append(f"  {s.name:14} {cell(s.precision):>9} {cell(s.recall):>9} "
                             f"{cell(s.f1):>9} {s.tp:>5} {s.fp:>5} {s.fn:>5}")
        return "\n".join(lines)


def evaluate(graph: Graph, gold: Gold) -> EvaluationReport:
    """Score `graph` (a DiploGraph graph) against `gold`."""
    nodes = _graph_entities(graph)
    node_to_gold = _align(nodes, gold)

    def ident(node: URIRef) -> tuple:
        return node_to_gold.get(node, ("node", str(node)))

    relations_used = sorted({t[1] for t in gold.triples}, key=lambda r: r.value)
    relation_scores, missing, spurious = [], [], []
    labels = {node: label for node, (_type, label, _forms) in nodes.items()}
    for relation in relations_used:
        predicted = set()
        for s, o in graph.subject_objects(relation_iri(relation)):
            if isinstance(o, Literal):
                value = o.toPython()
                obj = ("date", value.isoformat()) if isinstance(value, dt.date) \
                    else ("literal", str(o))
            else:
                obj = ident(o)
            predicted.add(_triple(ident(s), relation, obj))
        expected = {t for t in gold.triples if t[1] is relation}
        tp = len(predicted & expected)
        relation_scores.append(Score(relation.value, tp, len(predicted - expected),
                                     len(expected - predicted)))
        missing += [_show(t, labels) for t in sorted(expected - predicted, key=str)]
        spurious += [_show(t, labels) for t in sorted(predicted - expected, key=str)]
    entity_scores = []
    for entity_type in sorted(gold.complete_types, key=lambda t: t.value):
        predicted = {ident(n) for n, (t, _l, _f) in nodes.items() if t is entity_type}
        expected = {i for i, e in gold.entities.items() if e.type is entity_type}
        entity_scores.append(Score(entity_type.value, len(predicted & expected),
                                   len(predicted - expected), len(expected - predicted)))
        missing += [f"{entity_type.value} {i[1]}" for i in sorted(expected - predicted, key=str)]
        spurious += [f"{entity_type.value} {labels.get(URIRef(i[1]), i[1])}"
                     for i in sorted(predicted - expected, key=str)]
    return EvaluationReport(relation_scores, entity_scores, missing, spurious)


def _show(triple: tuple, labels: dict) -> str:
    def part(x):
        if isinstance(x, tuple) and x and x[0] == "node":
            return labels.get(URIRef(x[1]), x[1])
        if isinstance(x, tuple):
            return x[1] if isinstance(x[1], str) else str(x)
        return str(x)
    return f"{part(triple[0])} {triple[1].value} {part(triple[2])}"


def _graph_entities(graph: Graph) -> dict[URIRef, tuple[EntityType, str, set[str]]]:
    entities = {}
    for entity_type in EntityType:
        if entity_type is EntityType.ARTICLE:
            continue
        for node in graph.subjects(RDF.type, class_iri(entity_type)):
            label = str(graph.value(node, RDFS.label) or "")
            forms = {label, *(str(o) for o in graph.objects(node, SKOS.altLabel))}
            entities[node] = (entity_type, label, forms)
    return entities


def _align(nodes: dict, gold: Gold) -> dict[URIRef, tuple]:
    """Each gold entity takes the graph entity whose label (else an alt label) names it."""
    by_label: dict[tuple, list[URIRef]] = defaultdict(list)
    by_form: dict[tuple, list[URIRef]] = defaultdict(list)
    for node, (entity_type, label, forms) in sorted(nodes.items()):
        by_label[(entity_type, name_key(label))].append(node)
        for form in forms:
            by_form[(entity_type, name_key(form))].append(node)
    aligned: dict[URIRef, tuple] = {}
    for index in (by_label, by_form):
        for gold_id, entity in sorted(gold.entities.items(), key=lambda kv: str(kv[0])):
            if gold_id in aligned.values():
                continue
            for name in entity.names:
                free = [n for n in index.get((entity.type, name_key(name)), [])
                        if n not in aligned]
                if free:
                    aligned[free[0]] = gold_id
                    break
    return aligned


def evaluate_build(graph_dir: Path, gold_path: Path) -> EvaluationReport:
    """Score `graph_dir/graph.ttl` (written by `diplograph build`) against the gold file."""
    ttl = Path(graph_dir) / "graph.ttl"
    if not ttl.is_file():
        raise StoreMissingError(path=graph_dir)
    try:
        text = Path(gold_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise GoldFileError(path=gold_path, detail=str(err)) from err
    gold = parse_gold(text, gold_path)
    graph = Graph()
    graph.parse(ttl, format="turtle")
    return evaluate(graph, gold)


__all__ = ["DG", "EvaluationReport", "Gold", "Score", "evaluate", "evaluate_build", "parse_gold"]

"""Query: SPARQL against the built store, with safe parameters and four output formats.

Parameters are bound with Oxigraph's `substitutions` (SPARQL SEP-0007): the value becomes an
RDF term (a literal or an IRI) that replaces the variable inside the parsed query, so user text
is never pasted into SPARQL. Oxigraph requires a bound variable of a SELECT to be in its
projection; a variable computed with `BIND(... AS ?year)` or matched by a triple pattern acts as
an optional filter (all rows without the parameter, only the matching ones with it).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal as TypingLiteral

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from graph.errors import InputNotFoundError, ParameterError, QueryError, UnknownFormatError
from graph.rdf import serialize_turtle
from graph.store import open_store
from graph.vocab import PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
ResultKind = TypingLiteral["select", "ask", "graph"]
FORMATS = ("table", "csv", "tsv", "json")
QUERY_SUFFIXES = (".rq", ".sparql")

XSD = "http://www.w3.org/2001/XMLSchema#"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*\.\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_QUOTED = re.compile(r'"(?P<text>.*)"(?:@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?P<type>\S+))?',
                     re.DOTALL)
_PREFIXED = re.compile(r"(?P<prefix>[A-Za-z][\w-]*):(?P<local>[^\s<>\"{}|^`\\]*)")
_TABLE_CELL_MAX = 100
_GRAPH_VARIABLES = ["subject", "predicate", "object"]


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A materialised result: rows of a SELECT, the answer of an ASK, or CONSTRUCTed triples."""

    kind: ResultKind
    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples)


# --- Parameters -----------------------------------------------------------------------------


def _expand(prefixed: str) -> str | None:
    match = _PREFIXED.fullmatch(prefixed)
    if match and match["prefix"] in PREFIXES:
        return f"{PREFIXES[match['prefix']]}{match['local']}"
    return None


def parse_value(text: str) -> ox.NamedNode | ox.Literal:
    """One --param value as an RDF term.

    `<IRI>` and `prefix:local` (DiploGraph's prefixes) are IRIs; `"text"`, `"text"@lang` and
    `"text"^^xsd:type` are literals as written; a bare integer, decimal or YYYY-MM-DD date is
    typed accordingly; anything else is a plain string.
    """
    if text.startswith("<") and text.endswith(">"):
        return ox.NamedNode(text[1:-1])
    quoted = _QUOTED.fullmatch(text)
    if quoted:
        if quoted["lang"]:
            return ox.Literal(quoted["text"], language=quoted["lang"])
        if quoted["type"]:
            datatype = quoted["type"]
            if datatype.startswith("<") and datatype.endswith(">"):
                iri = datatype[1:-1]
            else:
                iri = _expand(datatype)
            if not iri:
                raise ValueError(f"unknown datatype {datatype}")
            return ox.Literal(quoted["text"], datatype=ox.NamedNode(iri))
        return ox.Literal(quoted["text"])
    expanded = _expand(text)
    if expanded is not None:
        return ox.NamedNode(expanded)
    for pattern, datatype in ((_INTEGER, "integer"), (_DECIMAL, "decimal"), (_DATE, "date")):
        if pattern.fullmatch(text):
            return ox.Literal(text, datatype=ox.NamedNode(XSD + datatype))
    return ox.Literal(text)


def parse_params(assignments: list[str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """`["name=value", ...]` from the command line as `{variable name: RDF term}`."""
    params: dict[str, ox.NamedNode | ox.Literal] = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        name = name.strip().lstrip("?$")
        if not equals:
            raise ParameterError(param=assignment, detail="expected NAME=VALUE")
        if not _NAME.fullmatch(name):
            raise ParameterError(param=assignment, detail="NAME must be a SPARQL variable name")
        if name in params:
            raise ParameterError(param=assignment, detail=f"?{name} is given twice")
        try:
            params[name] = parse_value(value)
        except ValueError as err:
            raise ParameterError(param=assignment, detail=str(err)) from err
    return params


# --- Running --------------------------------------------------------------------------------


def read_query(query_or_file: str | Path) -> str:
    """The query text: the argument itself, or the content of the .rq file it names."""
    text = str(query_or_file)
    looks_like_file = text.endswith(QUERY_SUFFIXES) or (
        "{" not in text and "\n" not in text and Path(text).is_file()
    )
    if not looks_like_file:
        return text
    path = Path(text)
    if not path.is_file():
        raise InputNotFoundError(path=path)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(detail=f"cannot read {path}: {err}") from err


def _variables_in(query: str) -> set[str]:
    # Strip comments, strings and IRIs so "?x" inside them is not taken for a variable.
    stripped = re.sub(r'#[^\n]*|"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|<[^<>\s]*>', " ", query)
    return set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", stripped))


def run_query(
    graph_dir: Path, query_or_file: str | Path, params: dict[str, Term] | None = None
) -> QueryResult:
    """Run a SPARQL query on the store in `graph_dir`, read-only; bind `params` safely."""
    query = read_query(query_or_file)
    params = params or {}
    known = _variables_in(query)
    for name in params:
        if name not in known:
            choices = ", ".join(f"?{v}" for v in sorted(known)) or "none"
            raise ParameterError(
                param=name, detail=f"the query has no ?{name} (variables: {choices})"
            )
    store = open_store(graph_dir)
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    substitutions = {ox.Variable(name): term for name, term in params.items()}
    try:
        answer = store.query(query, prefixes=prefixes, substitutions=substitutions or None)
        return _materialise(answer)
    except SyntaxError as err:
        raise QueryError(detail=str(err)) from err
    except RuntimeError as err:
        if "projection" in str(err):
            raise ParameterError(
                param=", ".join(params),
                detail=f"{err}; a bound variable must be selected (add it after SELECT)",
            ) from err
        raise QueryError(detail=str(err)) from err
    except OSError as err:
        raise QueryError(detail=str(err)) from err


def _materialise(answer) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = [variable.value for variable in answer.variables]
        rows = [[solution[name] for name in variables] for solution in answer]
        return QueryResult(kind="select", variables=variables, rows=rows)
    return QueryResult(kind="graph", variables=list(_GRAPH_VARIABLES), triples=list(answer))


# --- Formatting -----------------------------------------------------------------------------


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _rows(result: QueryResult) -> list[list[Term | None]]:
    if result.kind == "graph":
        return [[t.subject, t.predicate, t.object] for t in result.triples]
    return result.rows


def _compact(term: Term | None) -> str:
    """Human-readable: `person:bui-thanh-son`, literals as their text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        best = ""
        for name, namespace in PREFIXES.items():
            ns = str(namespace)
            if term.value.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
                best = name
        return f"{best}:{term.value[len(PREFIXES[best]):]}" if best else f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _table(result: QueryResult) -> str:
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        return _graph_turtle(result.triples)
    header = result.variables
    cells = [[_cell(_compact(term)) for term in row] for row in result.rows]
    widths = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(header)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    count = len(cells)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TABLE_CELL_MAX else text[: _TABLE_CELL_MAX - 1] + "…"


def _to_rdflib(term: Term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _graph_turtle(triples: list[ox.Triple]) -> str:
    graph = Graph()
    for triple in triples:
        graph.add((_to_rdflib(triple.subject), _to_rdflib(triple.predicate),
                   _to_rdflib(triple.object)))
    return serialize_turtle(graph).decode("utf-8")


def _csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV: plain values, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return out.getvalue()
    writer.writerow(result.variables)
    for row in _rows(result):
        writer.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode)
                                               else getattr(t, "value", str(t))) for t in row])
    return out.getvalue()


def _tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV: `?var` header, terms in N-Triples syntax."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in _rows(result)]
    return "\n".join(lines) + "\n"


def _json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        document: dict = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {name: _json_term(term) for name, term in zip(result.variables, row, strict=True)
             if term is not None}
            for row in _rows(result)
        ]
        document = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


_FORMATTERS = {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The result as text. CONSTRUCT/DESCRIBE results are Turtle as a table and
    subject/predicate/object rows in csv, tsv and json."""
    try:
        formatter = _FORMATTERS[fmt]
    except KeyError:
        raise UnknownFormatError(format=fmt, choices=", ".join(FORMATS)) from None
    return formatter(result)

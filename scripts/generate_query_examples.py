"""Write docs/query-examples.md: every query in queries/ with its result on the sample articles.

Each query file starts with a comment: a description, a "Parameters" block and an example
`diplograph query` command. This script runs that command's query with its parameters and format
through `graph.query` (on a fresh build of seeds/, or on --graph-dir) and writes the description,
the parameters, the SPARQL, the command and its actual output.

    PYTHONPATH=. python scripts/generate_query_examples.py [--graph-dir DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERIES = REPO / "queries"
SEEDS = REPO / "seeds"
DEFAULT_DOC = REPO / "docs" / "query-examples.md"
MAX_ROWS = 25  # longer results are cut, saying how many rows were left out


@dataclass(frozen=True, slots=True)
class QueryExample:
    """What a query file's leading comment says about it."""

    name: str
    description: str
    parameters: list[str] = field(default_factory=list)
    command: str = ""  # the example command line, continuation backslashes joined
    body: str = ""  # the SPARQL after the leading comment


@dataclass(frozen=True, slots=True)
class Invocation:
    params: list[str]
    fmt: str


def parse_query_file(path: Path) -> QueryExample:
    """Split a .rq file into its description, parameter lines, example command and SPARQL."""
    lines = path.read_text(encoding="utf-8").splitlines()
    comment: list[str] = []
    while lines and lines[0].startswith("#"):
        comment.append(lines.pop(0)[1:].removeprefix(" ").rstrip())
    description: list[str] = []
    parameters: list[str] = []
    command: list[str] = []
    section = "description"
    for line in comment:
        if line.startswith("Parameters"):
            section = "parameters"
        elif line.startswith("diplograph query") or (command and section == "command"):
            section = "command"
            command.append(line.strip().removesuffix("\\").strip())
        elif section == "parameters" and line.strip():
            parameters.append(line.strip())
        elif section == "description":
            description.append(line)
    paragraphs = "\n".join(description).strip().split("\n\n")
    return QueryExample(
        name=path.name,
        description="\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip()),
        parameters=_join_continued(parameters),
        command=" ".join(command),
        body="\n".join(lines).strip(),
    )


def _join_continued(lines: list[str]) -> list[str]:
    """Parameter lines are `?name  text`; a line not starting with "?" continues the previous."""
    joined: list[str] = []
    for line in lines:
        if line.startswith(("?", "$")) or not joined:
            joined.append(line)
        else:
            joined[-1] += " " + line
    return joined


def parse_command(command: str) -> Invocation:
    """The --param and --format options of an example command (a shell redirection ends it)."""
    params: list[str] = []
    fmt = "table"
    tokens = shlex.split(command, comments=False)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in (">", ">>", "|"):
            break
        if token in ("--param", "--format") and index + 1 < len(tokens):
            value = tokens[index + 1]
            index += 1
        elif token.startswith(("--param=", "--format=")):
            token, value = token.split("=", 1)
        else:
            index += 1
            continue
        if token == "--param":
            params.append(value)
        else:
            fmt = value
        index += 1
    return Invocation(params=params, fmt=fmt)


def shorten(output: str, fmt: str, max_rows: int = MAX_ROWS) -> str:
    """At most `max_rows` result rows of a table or CSV/TSV, saying how many were left out."""
    lines = output.rstrip("\n").split("\n")
    if fmt == "table" and len(lines) >= 3 and lines[-1].startswith("("):
        header, rows, footer = lines[:2], lines[2:-1], lines[-1:]
    elif fmt in ("csv", "tsv") and lines:
        header, rows, footer = lines[:1], lines[1:], []
    else:
        return output
    if len(rows) <= max_rows:
        return output
    cut = [f"... {len(rows) - max_rows} more rows"]
    return "\n".join([*header, *rows[:max_rows], *cut, *footer]) + "\n"


def run_example(graph_dir: Path, path: Path, invocation: Invocation) -> tuple[int, str]:
    """How many rows or triples the query gives with these options, and its printed output."""
    from graph.query import format_result, parse_params, run_query

    result = run_query(graph_dir, path, parse_params(invocation.params))
    size = len(result) if result.kind != "ask" else 1
    return size, shorten(format_result(result, invocation.fmt), invocation.fmt)


def without_params(command: str) -> str:
    """The example command with its --param options left out."""
    tokens = shlex.split(command)
    kept: list[str] = []
    skip = False
    for token in tokens:
        if skip:
            skip = False
        elif token == "--param":
            skip = True
        elif not token.startswith("--param="):
            kept.append(token)
    return shlex.join(kept)


def _fence(text: str, language: str) -> str:
    ticks = "````" if "```" in text else "```"
    return f"{ticks}{language}\n{text.rstrip()}\n{ticks}"


def render(graph_dir: Path, queries_dir: Path = QUERIES) -> str:
    """The whole document, with every query's output on the graph built in `graph_dir`."""
    paths = sorted(queries_dir.glob("*.rq"))
    examples = [parse_query_file(path) for path in paths]
    parts = [
        "# Example queries and their results",
        "",
        "<!-- Generated by scripts/generate_query_examples.py from queries/*.rq; do not edit. -->",
        "",
        "Every query in [`queries/`](../queries/), with what it answers, its parameters, its "
        "SPARQL, an example command and that command's actual output on the graph of the sample "
        "articles in `seeds/`. The results come from the extraction at the time this page was "
        "generated; regenerate it with `PYTHONPATH=. python scripts/generate_query_examples.py`. "
        "How to run queries, pass parameters and use the endpoint: [usage.md](usage.md).",
        "",
        "Tables show IRIs with their prefixes (`person:bui-thanh-son` is "
        "`https://w3id.org/diplograph/id/person/bui-thanh-son`); the prefixes are predeclared, so "
        "a parameter can be given the same way. Results longer than "
        f"{MAX_ROWS} rows are cut here.",
        "",
        "| query | answers |",
        "| --- | --- |",
    ]
    for example in examples:
        summary = example.description.split("\n\n")[0].split(". ")[0].rstrip(".")
        anchor = example.name.removesuffix(".rq").replace(".", "")
        parts.append(f"| [`{example.name}`](#{anchor}) | {summary.replace('|', '/')} |")
    for path, example in zip(paths, examples, strict=True):
        command = example.command or f"diplograph query queries/{example.name}"
        if not example.command:
            example = QueryExample(example.name, example.description, example.parameters,
                                   command, example.body)
        parts += ["", f"## {example.name.removesuffix('.rq')}", "", example.description or
                  "(no description)", ""]
        if example.parameters:
            parts += ["Parameters:", ""]
            parts += [f"- `{p.split()[0]}`: {' '.join(p.split()[1:])}" for p in example.parameters]
            parts.append("")
        invocation = parse_command(command)
        size, output = run_example(graph_dir, path, invocation)
        parts += [_fence(example.body, "sparql"), "", _fence(command, "bash"), "",
                  _fence(output, "text")]
        if size == 0 and invocation.params:
            fallback = without_params(command)
            _, output = run_example(graph_dir, path, Invocation([], invocation.fmt))
            parts += ["", "The example's parameters match nothing in the sample articles; "
                      "without them:", "", _fence(fallback, "bash"), "", _fence(output, "text")]
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph-dir", type=Path,
                        help="an existing build to query (default: build seeds/ in a temp folder)")
    parser.add_argument("--out", type=Path, default=DEFAULT_DOC, help=f"default: {DEFAULT_DOC}")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from graph.errors import DiploGraphError

    try:
        if args.graph_dir is not None:
            document = render(args.graph_dir)
        else:
            from graph.build import build

            with tempfile.TemporaryDirectory(prefix="diplograph-examples-") as scratch:
                build([SEEDS], Path(scratch) / "graph")
                document = render(Path(scratch) / "graph")
    except DiploGraphError as error:
        print(f"generate_query_examples: error: {error}", file=sys.stderr)
        return 1
    args.out.write_text(document, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

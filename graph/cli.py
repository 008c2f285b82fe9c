"""The `diplograph` command: parses arguments and calls library functions, nothing more.

Modules are imported inside each command so that `diplograph query` does not pay for spaCy.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from graph import __version__
from graph.errors import DiploGraphError

DEFAULT_SEEDS = Path("seeds")
DEFAULT_OUT = Path("output")
EXPORT_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld", "graphml", "gexf")
RESULT_FORMATS = ("table", "csv", "tsv", "json")


def _add_graph_dir(parser: argparse.ArgumentParser, *flags: str) -> None:
    parser.add_argument(
        *(flags or ("--graph-dir",)),
        dest="graph_dir",
        type=Path,
        default=DEFAULT_OUT,
        metavar="DIR",
        help=f"folder written by 'diplograph build' (default: {DEFAULT_OUT}/)",
    )


def _cmd_build(args: argparse.Namespace) -> int:
    from graph.build import BuildOptions, build

    inputs = args.inputs or [DEFAULT_SEEDS]
    options = BuildOptions(
        strict=args.strict,
        workers=args.workers,
        progress=not args.quiet and sys.stderr.isatty(),
        executor=args.executor,
        scheduler=args.scheduler,
        full=args.full,
    )
    report = build(inputs, args.out, options)
    if not args.quiet:
        print(report.summary())
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from graph.query import format_result, parse_params, run_query

    result = run_query(args.graph_dir, args.query, parse_params(args.param))
    sys.stdout.write(format_result(result, args.format))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from graph.export import export_graph

    export_graph(args.graph_dir, args.format, args.out, sys.stdout.buffer)
    return 0


def _cmd_view(args: argparse.Namespace) -> int:
    from graph.view import write_views

    written = write_views(args.graph_dir, entity=args.entity, hops=args.hops, destination=args.out)
    for path in written:
        print(path)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from graph.serve import serve

    serve(args.graph_dir, host=args.host, port=args.port, timeout_s=args.timeout)
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from graph.evaluate import evaluate_build

    report = evaluate_build(args.graph_dir, args.gold)
    print(report.format_table())
    return 0


def _cmd_push(args: argparse.Namespace) -> int:
    from graph.push import push

    count = push(args.graph_dir, args.endpoint, graph_iri=args.graph, timeout_s=args.timeout,
                 append=args.append)
    print(f"pushed {count} triples to {args.endpoint}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diplograph",
        description="Build and use a knowledge graph of government and diplomacy news.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="read articles and write the graph")
    build.add_argument(
        "inputs", nargs="*", type=Path, metavar="INPUT",
        help=f"article files or folders (default: {DEFAULT_SEEDS}/)",
    )
    build.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR",
                       help=f"output folder (default: {DEFAULT_OUT}/)")
    build.add_argument("--strict", action="store_true", help="make any input problem fatal")
    build.add_argument("--workers", type=int, default=1, metavar="N",
                       help="extraction processes (default: 1)")
    build.add_argument("--executor", choices=("local", "dask"), default="local",
                       help="where extraction runs (default: local)")
    build.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler address, with --executor dask")
    build.add_argument("--full", action="store_true",
                       help="ignore the extraction cache and re-extract every article")
    build.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    build.set_defaults(handler=_cmd_build)

    query = commands.add_parser("query", help="run a SPARQL query against the built store")
    query.add_argument("query", metavar="QUERY_OR_FILE", help="SPARQL text or a .rq file")
    # --out is the contract's spelling; --graph-dir matches the other commands.
    _add_graph_dir(query, "--out", "--graph-dir")
    query.add_argument("--format", choices=RESULT_FORMATS, default="table")
    query.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                       help="bind ?NAME to VALUE (a literal, or <IRI>); repeatable")
    query.set_defaults(handler=_cmd_query)

    export = commands.add_parser("export", help="write the graph in another format")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("--out", type=Path, metavar="FILE", help="output file (default: stdout)")
    _add_graph_dir(export)
    export.set_defaults(handler=_cmd_export)

    view = commands.add_parser("view", help="write an interactive HTML view")
    view.add_argument("--entity", metavar="NAME", help="centre the view on this entity")
    view.add_argument("--hops", type=int, default=1, metavar="N",
                      help="neighbourhood radius with --entity (default: 1)")
    view.add_argument("--out", type=Path, metavar="FILE", help="output HTML file")
    _add_graph_dir(view)
    view.set_defaults(handler=_cmd_view)

    serve = commands.add_parser("serve", help="serve a read-only SPARQL endpoint")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7878)
    serve.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                       help="query time limit (default: 30)")
    _add_graph_dir(serve)
    serve.set_defaults(handler=_cmd_serve)

    evaluate = commands.add_parser("evaluate", help="score the built graph against a gold file")
    evaluate.add_argument("--gold", type=Path, required=True, metavar="FILE")
    _add_graph_dir(evaluate)
    evaluate.set_defaults(handler=_cmd_evaluate)

    push = commands.add_parser("push", help="send the graph to a SPARQL Graph Store endpoint")
    push.add_argument("--endpoint", required=True, metavar="URL")
    push.add_argument("--graph", metavar="IRI", help="named graph (default: the default graph)")
    push.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS")
    push.add_argument("--append", action="store_true",
                      help="add to the target graph (POST) instead of replacing it (PUT)")
    _add_graph_dir(push)
    push.set_defaults(handler=_cmd_push)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except DiploGraphError as error:
        print(f"diplograph: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("diplograph: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

"""Store: the embedded Oxigraph database that `query`, `serve`, `export` and `push` read.

`write_store` bulk-loads a graph into a fresh directory next to the target and swaps it in
only once it is complete, so a failed build never leaves a half-written store behind and an
older store stays usable until the new one is ready. Everything else opens the store
read-only: one process may write a store at a time.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from graph.errors import StoreError, StoreMissingError
from graph.fsutil import replace_dir
from graph.vocab import bind_prefixes

STORE_DIRNAME = "store"
# RocksDB writes this file when a database is created; its absence means "not a store".
_MARKER = "CURRENT"


def store_path(graph_dir: Path) -> Path:
    """Where the store of a build output folder lives (`DIR/store/`)."""
    return Path(graph_dir) / STORE_DIRNAME


def to_ntriples(graph: Graph) -> bytes:
    """N-Triples of an rdflib graph (the fastest way to hand triples to Oxigraph)."""
    return graph.serialize(format="nt", encoding="utf-8")


def write_store(graph: Graph | bytes | Path | Iterable[bytes], store_dir: Path, *,
                count: bool = True) -> int | None:
    """Replace the Oxigraph store at `store_dir` with the triples of `graph`; return their count
    (None with `count=False`: counting reads the whole store back, ~2% of the load's time).

    `graph` is an rdflib Graph, Turtle bytes (e.g. from graph.rdf.serialize_turtle), the path
    of a Turtle file, or complete Turtle documents loaded one after the other (e.g.
    graph.rdf.turtle_documents of the build's graph.ttl: Oxigraph's bulk loader then needs
    memory for one document at a time; blank-node labels are scoped to one document, so a
    graph split this way must not share blank nodes across pieces, as DiploGraph's graphs,
    which have none, never do). Oxigraph parses Turtle natively, much faster than
    having rdflib write the graph out again.
    The new store is built in a sibling temporary directory and renamed into place, so readers
    and a failed write never see a partial store.
    """
    store_dir = Path(store_dir)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.new-", dir=store_dir.parent))
    try:
        store = pyoxigraph.Store(str(staging))
        if isinstance(graph, (str, os.PathLike)):
            store.bulk_load(path=os.fspath(graph), format=pyoxigraph.RdfFormat.TURTLE)
        elif isinstance(graph, bytes):
            store.bulk_load(graph, pyoxigraph.RdfFormat.TURTLE)
        elif isinstance(graph, Graph):
            store.bulk_load(to_ntriples(graph), pyoxigraph.RdfFormat.N_TRIPLES)
        else:
            loads = 0
            for document in graph:
                store.bulk_load(document, pyoxigraph.RdfFormat.TURTLE)
                loads += 1
            if loads > 1:
                # Each load adds its own files; merged, queries read as few as after one load
                # (unmerged, some example queries took ~1.7x as long at 1k articles).
                store.optimize()
        store.flush()
        triples = len(store) if count else None
        del store  # releases the RocksDB lock before the rename
    except (OSError, SyntaxError, ValueError, RuntimeError) as err:  # RuntimeError: RocksDB
        shutil.rmtree(staging, ignore_errors=True)
        raise StoreError(path=store_dir, detail=str(err)) from err
    replace_dir(staging, store_dir)
    return triples


def open_store(graph_dir: Path) -> pyoxigraph.Store:
    """Open the store of a build output folder read-only.

    Raises StoreMissingError when there is no built store, StoreError when it cannot be read
    (damaged, or not an Oxigraph store).
    """
    graph_dir = Path(graph_dir)
    path = store_path(graph_dir)
    if not (path / _MARKER).is_file():
        raise StoreMissingError(path=graph_dir)
    if _held_by_writer(path):
        raise StoreError(
            path=path, detail="another process has it open for writing; stop it and try again"
        )
    try:
        return pyoxigraph.Store.read_only(str(path))
    except (OSError, RuntimeError) as err:  # RocksDB reports corruption as RuntimeError
        raise StoreError(path=path, detail=str(err)) from err


def _held_by_writer(path: Path) -> bool:
    """Whether another process holds RocksDB's write lock (reading it then is undefined)."""
    try:
        fd = os.open(path / "LOCK", os.O_RDWR)
    except OSError:
        return False  # no LOCK file: nobody can be writing
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        return err.errno in (errno.EACCES, errno.EAGAIN)
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def load_graph(graph_dir: Path) -> Graph:
    """The whole store as an rdflib Graph (for exports that need rdflib or networkx)."""
    store = open_store(graph_dir)
    graph = Graph()
    bind_prefixes(graph)
    graph.parse(data=dump_ntriples(store, store_path(graph_dir)), format="nt")
    return graph


def dump_ntriples(store: pyoxigraph.Store, path: Path | str = STORE_DIRNAME) -> bytes:
    """The default graph of the store (at `path`, for messages) as N-Triples."""
    try:
        return store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES,
                          from_graph=pyoxigraph.DefaultGraph())
    except (OSError, RuntimeError) as err:
        raise StoreError(path=path, detail=str(err)) from err

"""Push: send the built graph to any triple store through the SPARQL 1.1 Graph Store Protocol.

For users who outgrow the embedded store (Fuseki, GraphDB, Oxigraph server, Virtuoso...).
`PUT` replaces the target graph (the default graph, or `--graph IRI`); with `append=True`,
`POST` adds to it. The body is N-Triples, which every Graph Store endpoint accepts.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from graph.errors import PushError
from graph.store import dump_ntriples, open_store

CONTENT_TYPE = "application/n-triples"
_MAX_DETAIL = 200


def target_url(endpoint: str, graph_iri: str | None = None) -> str:
    """The Graph Store URL of the target graph: `?default` or `?graph=<encoded IRI>`."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(endpoint=endpoint, detail="the endpoint must be an http(s) URL")
    if graph_iri is not None:
        try:
            ox.NamedNode(graph_iri)
        except ValueError as err:
            detail = f"bad graph IRI {graph_iri!r}: {err}"
            raise PushError(endpoint=endpoint, detail=detail) from err
        if ":" not in graph_iri:
            raise PushError(endpoint=endpoint, detail=f"graph IRI {graph_iri!r} is not absolute")
    query = "default" if graph_iri is None else urllib.parse.urlencode({"graph": graph_iri})
    joined = f"{parts.query}&{query}" if parts.query else query
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, joined, ""))


def push(graph_dir, endpoint: str, graph_iri: str | None = None, timeout_s: float = 60.0,
         append: bool = False) -> int:
    """Send every triple of the store in `graph_dir` to `endpoint`; return how many were sent."""
    url = target_url(endpoint, graph_iri)
    body = dump_ntriples(open_store(graph_dir))
    count = sum(1 for line in body.splitlines() if line.strip())
    request = urllib.request.Request(
        url, data=body, method="POST" if append else "PUT",
        headers={"Content-Type": CONTENT_TYPE, "Content-Length": str(len(body))},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            response.read()
    except urllib.error.HTTPError as err:
        detail = err.read(_MAX_DETAIL).decode("utf-8", "replace").strip()
        raise PushError(endpoint=endpoint,
                        detail=f"HTTP {err.code} {err.reason}" + (f": {detail}" if detail else "")
                        ) from err
    except urllib.error.URLError as err:
        raise PushError(endpoint=endpoint, detail=str(err.reason)) from err
    except TimeoutError as err:
        raise PushError(endpoint=endpoint, detail=f"no answer within {timeout_s:g} s") from err
    except OSError as err:
        raise PushError(endpoint=endpoint, detail=str(err)) from err
    return count

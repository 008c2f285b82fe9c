"""Serve: a read-only SPARQL 1.1 Protocol endpoint over the built store.

Runs the real `oxigraph serve-read-only` server (from the `oxigraph` PyPI package) on the store,
bound to loopback by default and with a per-query time limit. Updates and Graph Store writes
are refused by the server itself (HTTP 403). Ctrl-C or SIGTERM stops it cleanly.
"""

from __future__ import annotations

import ctypes
import ipaddress
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from graph.errors import ServerError
from graph.store import open_store, store_path

SERVER_BINARY = "oxigraph"
_READY_TIMEOUT_S = 30.0
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def find_server() -> Path:
    """The `oxigraph` executable: next to this Python (a venv's bin/), else on PATH."""
    beside = Path(sys.executable).parent / SERVER_BINARY
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which(SERVER_BINARY)
    if found:
        return Path(found)
    raise ServerError(detail="the 'oxigraph' server is not installed: pip install oxigraph")


def _die_with_parent() -> Callable[[], None]:
    """A `preexec_fn` for the server on Linux: the kernel stops the server when `diplograph
    serve` dies, even by SIGKILL, so no orphaned server keeps the port and the store.

    libc is looked up here, in the parent: between fork and exec the child only calls `prctl`
    (no loading, no allocation). The signal follows the thread that forks, so `serve` must start
    the server from the thread that lives as long as it (the main thread)."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    parent = os.getpid()

    def arm() -> None:
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM))
        if os.getppid() != parent:  # the parent died before prctl: nobody would signal us
            os._exit(1)

    return arm


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def endpoint_url(host: str, port: int) -> str:
    return f"http://{_url_host(host)}:{port}/query"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def server_command(graph_dir: Path, host: str, port: int, timeout_s: float) -> list[str]:
    """The command line of the read-only server (its timeout is in whole seconds)."""
    return [
        str(find_server()), "serve-read-only",
        "--location", str(store_path(graph_dir)),
        "--bind", f"{_url_host(host)}:{port}",
        "--timeout-s", str(max(1, math.ceil(timeout_s))),
    ]


def _check_port_free(host: str, port: int) -> None:
    """Fail early and clearly when something already listens there."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise ServerError(detail=f"unknown host {host!r}: {err.strerror}") from err
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as err:
            raise ServerError(detail=f"cannot listen on {host}:{port}: {err.strerror}") from err


def _forward(stream: TextIO, sink: TextIO, tail: deque[str]) -> None:
    for line in stream:
        tail.append(line.rstrip())
        sink.write(line)
        sink.flush()


def _wait_until_ready(process: subprocess.Popen, url: str, tail: deque[str]) -> None:
    deadline = time.monotonic() + _READY_TIMEOUT_S
    probe = url + "?query=ASK%7B%7D"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            time.sleep(0.1)  # let the forwarding thread read the last error line
            reason = tail[-1] if tail else f"exit status {process.returncode}"
            raise ServerError(detail=reason.removeprefix("error: "))
        try:
            with urllib.request.urlopen(probe, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise ServerError(detail=f"no answer on {url} after {_READY_TIMEOUT_S:.0f} s")


def serve(graph_dir: Path, host: str = "127.0.0.1", port: int = 7878,
          timeout_s: float = 30.0) -> int:
    """Serve the store of `graph_dir` until interrupted; returns the server's exit status."""
    if not 0 < port < 65536:
        raise ServerError(detail=f"port {port} is not between 1 and 65535")
    if timeout_s <= 0:
        raise ServerError(detail="--timeout must be positive")
    open_store(graph_dir)  # the same clear errors as `query` (missing, locked, damaged)
    _check_port_free(host, port)
    command = server_command(graph_dir, host, port, timeout_s)
    url = endpoint_url(host, port)
    tail: deque[str] = deque(maxlen=20)
    environment = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, text=True, env=environment,
                               preexec_fn=_die_with_parent() if sys.platform == "linux" else None)
    forwarder = threading.Thread(target=_forward, args=(process.stdout, sys.stderr, tail),
                                 daemon=True)
    forwarder.start()
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        _wait_until_ready(process, url, tail)
        if not is_loopback(host):
            print(f"warning: {host} is not a loopback address: the graph is visible to the "
                  "network", file=sys.stderr)
        print(f"SPARQL endpoint (read-only): {url}  (Ctrl-C to stop)", file=sys.stderr,
              flush=True)
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        _stop(process)


def _raise_interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

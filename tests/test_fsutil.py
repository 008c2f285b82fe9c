"""Crash-safe output: atomic writes, the build lock, and a commit that survives being cut short."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graph import fsutil
from graph.errors import OutputLockedError, OutputNotWritableError
from graph.fsutil import (
    atomic_write_bytes,
    atomic_write_chunks,
    build_lock,
    commit_staging,
    staging_dir,
)

REPO = Path(__file__).resolve().parent.parent


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder` (dot-files excluded) and its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not any(part.startswith(".")
                                      for part in path.relative_to(folder).parts)
    }


def _fill(staging: Path, version: str) -> None:
    (staging / "graph.ttl").write_text(f"ttl {version}")
    (staging / "report.json").write_text(f"report {version}")
    (staging / "store").mkdir()
    (staging / "store" / "CURRENT").write_text(f"store {version}")
    (staging / "store" / f"only-in-{version}").write_text(version)


def _commit(out: Path, version: str) -> None:
    with build_lock(out), staging_dir(out) as staging:
        _fill(staging, version)
        commit_staging(staging, out)


OLD = {"graph.ttl": b"ttl old", "report.json": b"report old", "store/CURRENT": b"store old",
       "store/only-in-old": b"old"}
NEW = {"graph.ttl": b"ttl new", "report.json": b"report new", "store/CURRENT": b"store new",
       "store/only-in-new": b"new"}


def test_atomic_write_bytes_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "file.txt"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert [path.name for path in target.parent.iterdir()] == ["file.txt"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_commit_replaces_outputs_and_keeps_other_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _commit(out, "old")
    (out / "cache").mkdir()
    (out / "cache" / "entry").write_text("kept")
    (out / "notes.txt").write_text("user file")
    _commit(out, "new")
    assert _snapshot(out) == {**NEW, "cache/entry": b"kept", "notes.txt": b"user file"}
    assert sorted(path.name for path in out.iterdir()) == [
        ".lock", "cache", "graph.ttl", "notes.txt", "report.json", "store",
    ]


def test_commit_without_atomic_exchange(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    _commit(out, "old")
    monkeypatch.setattr(fsutil, "_exchange", lambda source, target: False)
    _commit(out, "new")
    assert _snapshot(out) == NEW


class _Crash(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even `except Exception` handlers."""


class _CrashAfter:
    """Wraps rename functions: the first `allowed` calls work, the next one crashes."""

    def __init__(self, allowed: int) -> None:
        self.allowed = allowed
        self.calls = 0

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def crashing(*args: Any) -> Any:
            if self.calls == self.allowed:
                raise _Crash
            self.calls += 1
            return real(*args)

        return crashing


def _count_renames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    out = tmp_path / "count"
    _commit(out, "old")
    calls = 0
    real_replace, real_exchange = os.replace, fsutil._exchange

    def counting_replace(*args: object) -> None:
        nonlocal calls
        calls += 1
        real_replace(*args)

    def counting_exchange(*args: Path) -> bool:
        nonlocal calls
        calls += 1
        return real_exchange(*args)

    monkeypatch.setattr(fsutil.os, "replace", counting_replace)
    monkeypatch.setattr(fsutil, "_exchange", counting_exchange)
    _commit(out, "new")
    monkeypatch.undo()
    return calls


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_commit_cut_at_any_rename_is_old_or_rolled_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr(fsutil, "_exchange", lambda source, target: False)
    renames = _count_renames(tmp_path, monkeypatch)
    if not exchange:
        monkeypatch.setattr(fsutil, "_exchange", lambda source, target: False)
    assert renames >= 4  # manifest, commit point, and the outputs
    real_replace, real_exchange = os.replace, fsutil._exchange
    outcomes = set()
    for crash_at in range(renames):
        out = tmp_path / f"crash-{crash_at}"
        _commit(out, "old")
        crash = _CrashAfter(crash_at)
        monkeypatch.setattr(fsutil.os, "replace", crash.wrap(real_replace))
        monkeypatch.setattr(fsutil, "_exchange", crash.wrap(real_exchange))
        staging = Path()
        with pytest.raises(_Crash), build_lock(out):
            staging = Path(fsutil.tempfile.mkdtemp(dir=out, prefix=fsutil.STAGING_PREFIX))
            _fill(staging, "new")
            commit_staging(staging, out)
        monkeypatch.setattr(fsutil.os, "replace", real_replace)
        monkeypatch.setattr(fsutil, "_exchange", real_exchange)
        after_crash = _snapshot(out)
        committed = (out / fsutil.COMMIT_NAME).exists() or after_crash == NEW
        if not committed:
            assert after_crash == OLD, f"crash at rename {crash_at}"
        # Every output is whole at any moment: old or new, never a mix within one file.
        for name, data in after_crash.items():
            assert data in (OLD.get(name), NEW.get(name)), (crash_at, name)
        with build_lock(out):  # the next build repairs what the crash left
            pass
        assert _snapshot(out) == (NEW if committed else OLD), f"crash at rename {crash_at}"
        outcomes.add((committed, after_crash == NEW))
        assert not (out / fsutil.COMMIT_NAME).exists()
        assert not list(out.glob(fsutil.STAGING_PREFIX + "*"))
    # Both halves were exercised: crashes before the commit point, and mixed states after it.
    assert outcomes == {(False, False), (True, False)}


def test_second_lock_fails_with_the_holders_pid(tmp_path: Path) -> None:
    out = tmp_path / "out"
    held = f"lock held by pid {os.getpid()}"
    with build_lock(out), pytest.raises(OutputLockedError, match=held), build_lock(out):
        pass
    with build_lock(out):  # released
        pass


def test_lock_of_a_killed_process_is_released(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from graph.fsutil import build_lock
            with build_lock(Path({str(out)!r})):
                print("locked", flush=True)
                time.sleep(600)
        """)],
        stdout=subprocess.PIPE, text=True, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(OutputLockedError, match=f"pid {holder.pid}"), build_lock(out):
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with build_lock(out):
        pass


def test_debris_of_killed_builds_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _commit(out, "old")
    stale = out / (fsutil.STAGING_PREFIX + "abc")
    stale.mkdir()
    (stale / "graph.ttl").write_text("half")
    foreign_commit = out / fsutil.COMMIT_NAME
    foreign_commit.mkdir()  # no manifest: never reached the commit point
    with build_lock(out):
        pass
    assert not stale.exists()
    assert not foreign_commit.exists()
    assert _snapshot(out) == OLD


def test_staging_dir_is_removed_on_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RuntimeError), staging_dir(out) as staging:
        (staging / "graph.ttl").write_text("x")
        raise RuntimeError
    assert list(out.iterdir()) == []


def test_output_that_is_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("not a folder")
    with pytest.raises(OutputNotWritableError, match="not a folder"), build_lock(out):
        pass
    assert out.read_text() == "not a folder"


def test_atomic_write_chunks_writes_the_chunks_and_a_failed_chunk_keeps_the_old_file(
        tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    atomic_write_chunks(target, (b"<html>", b"<body>", b"</html>"))
    assert target.read_bytes() == b"<html><body></html>"

    def failing():
        yield b"new"
        raise OSError("disk full")

    with pytest.raises(OSError):
        atomic_write_chunks(target, failing())
    assert target.read_bytes() == b"<html><body></html>"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]

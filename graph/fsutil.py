"""Crash-safe output: the build lock, staging folders and an atomic, journalled commit.

A build writes everything into `DIR/.staging-*` and only then commits. The commit point is one
atomic rename of the staging folder to `DIR/.commit`; after it, each output is moved into place
with an atomic rename (files) or an atomic exchange (folders, `renameat2(RENAME_EXCHANGE)` on
Linux). A manifest of the new entries' inode numbers makes the moves idempotent, so a build killed
half-way through the commit is rolled forward by the next one. A build killed before the commit
point leaves the previous output untouched. Everything here runs under the lock on `DIR/.lock`.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.errors import OutputLockedError, OutputNotWritableError

LOCK_NAME = ".lock"
STAGING_PREFIX = ".staging-"
COMMIT_NAME = ".commit"
MANIFEST_NAME = ".manifest.json"
_RENAME_EXCHANGE = 2  # from <linux/fs.h>


def fsync_dir(directory: Path) -> None:
    """Make a rename inside `directory` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def publish_mode(path: Path) -> None:
    """Give a file or folder made by mkstemp/mkdtemp (private, 0600/0700) the usual mode."""
    base = 0o777 if path.is_dir() else 0o666
    with contextlib.suppress(OSError):
        os.chmod(path, base & ~_umask())


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never a mix.

    `durable=False` skips the fsyncs, for disposable files (cache entries) where a loss on power
    failure costs only a re-computation and an fsync per file would slow a large build.
    """
    atomic_write_chunks(path, (data,), durable=durable)


def atomic_write_chunks(path: Path, chunks: Iterable[bytes], *, durable: bool = True) -> None:
    """`atomic_write_bytes` of the bytes the chunks make, never held whole (a large page written
    as its data is made); a chunk that fails to come leaves the old file and no temporary one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        publish_mode(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
        fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _exchange(source: Path, target: Path) -> bool:
    """Atomically swap two paths (Linux only); False where the system cannot do it."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(source), at_fdcwd, os.fsencode(target),
                       _RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # old kernel or a filesystem without exchange support
    raise OSError(error, os.strerror(error), str(source), None, str(target))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _move_into_place(new: Path, target: Path) -> None:
    """Put `new` at `target`; the old `target` ends up at `new`'s path (or is gone)."""
    if target.exists() and new.is_dir() != target.is_dir():
        _remove(target)  # a file where a folder belongs, or the reverse
    if new.is_dir() and target.exists():
        if _exchange(new, target):
            return
        # Fallback: two renames; a crash between them is repaired by the roll-forward.
        aside = new.with_name(new.name + ".old")
        os.replace(target, aside)
    os.replace(new, target)


def replace_dir(new: Path, target: Path) -> None:
    """Put folder `new` at `target` (one atomic exchange where the system allows) and delete the
    folder that was there; a reader sees the old folder or the new one."""
    _move_into_place(new, target)
    for leftover in (new, new.with_name(new.name + ".old")):
        if leftover.exists():
            _remove(leftover)


def _roll_forward(out: Path) -> None:
    """Finish a commit that a killed build started (idempotent)."""
    commit = out / COMMIT_NAME
    if not commit.is_dir():
        return
    manifest_path = commit / MANIFEST_NAME
    try:
        manifest: dict[str, int] = json.loads(manifest_path.read_text("utf-8"))
    except (OSError, ValueError):
        # The manifest is written before the commit point, so this is foreign debris.
        _remove(commit)
        return
    for name, inode in manifest.items():
        target = out / name
        if target.exists() and target.stat().st_ino == inode:
            continue  # already moved in
        new = commit / name
        if new.exists() and new.stat().st_ino == inode:
            _move_into_place(new, target)
    fsync_dir(out)
    _remove(commit)


def commit_staging(staging: Path, out: Path) -> None:
    """Replace the outputs in `out` by the entries of `staging`, crash-safely (see module doc)."""
    names = sorted(entry.name for entry in staging.iterdir() if entry.name != MANIFEST_NAME)
    for name in names:
        publish_mode(staging / name)
    manifest = {name: (staging / name).stat().st_ino for name in names}
    atomic_write_text(staging / MANIFEST_NAME, json.dumps(manifest))
    fsync_dir(staging)
    commit = out / COMMIT_NAME
    _remove(commit)
    os.replace(staging, commit)  # the commit point
    fsync_dir(out)
    _roll_forward(out)


def _clean_debris(out: Path) -> None:
    """Remove staging folders of killed builds; finish their commit if they reached it."""
    _roll_forward(out)
    for entry in out.iterdir():
        if entry.name.startswith(STAGING_PREFIX):
            _remove(entry)


def _prepare_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputNotWritableError(path=out, detail="it exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputNotWritableError(path=out, detail=err.strerror or err) from err
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputNotWritableError(path=out, detail="permission denied")


@contextlib.contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the exclusive lock on `out/.lock` (created with `out`); fail fast if taken.

    The lock is an `flock`, so the kernel releases it when its holder dies, even by SIGKILL.
    On entry, debris of a killed build is repaired: this is the "next run completes" half.
    """
    _prepare_out(out)
    lock_path = out / LOCK_NAME
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise OutputNotWritableError(path=out, detail=err.strerror or err) from err
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise OutputLockedError(path=out, pid=holder) from err
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        _clean_debris(out)
        yield
    finally:
        os.close(fd)  # releases the flock


@contextlib.contextmanager
def staging_dir(out: Path) -> Iterator[Path]:
    """A fresh folder inside `out` (same filesystem, so renames are atomic); removed on error."""
    path = Path(tempfile.mkdtemp(dir=out, prefix=STAGING_PREFIX))
    try:
        yield path
    finally:
        if path.exists():
            _remove(path)

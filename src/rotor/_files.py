"""Where an export writes, so that the file that was there is never destroyed.

An export writes ``<name>.part`` beside the target and, after every page, a small state file ``<name>.part.json``
saying how far it got. Only a complete export replaces the target (fsync, then ``os.replace``, atomic on one
file system). An interrupted one, even by SIGKILL or a power cut after the last fsync, leaves the previous target
untouched, and the ``.part`` and state files to resume from. Both are created private to their owner (0600):
they hold customer data.
"""

from __future__ import annotations

import contextlib
import os

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
from pathlib import Path
from typing import BinaryIO

import orjson

from rotor._exceptions import InvalidParameterError

PRIVATE = 0o600


def export_target(path: str | os.PathLike[str]) -> Path:
    """The target, checked before any request: a file name in a folder that exists."""
    if not isinstance(path, str | os.PathLike):
        raise InvalidParameterError("path", f"must be a str or os.PathLike, got {type(path).__name__}")
    target = Path(path)
    try:
        if target.is_symlink():
            target = target.resolve()  # write where the link points: the link stays a link
        is_dir, parent_is_dir = target.is_dir(), target.parent.is_dir()
    except (OSError, ValueError) as exc:  # a name too long for the file system, a NUL byte, ...
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InvalidParameterError("path", f"cannot be used as a file name: {reason}") from None
    if is_dir:
        raise InvalidParameterError("path", f"{_cut(str(target))!r} is a directory; give a file name")
    if not parent_is_dir:
        raise InvalidParameterError("path", f"the folder {_cut(str(target.parent))!r} does not exist")
    return target


def _cut(text: str, limit: int = 200) -> str:
    """A path as a message shows it: a long one is cut (it may be thousands of characters)."""
    return text if len(text) <= limit else text[:limit] + "..."


def part_path(target: Path) -> Path:
    return target.with_name(target.name + ".part")


def state_path(target: Path) -> Path:
    return target.with_name(target.name + ".part.json")


def open_part(part: Path, *, keep_bytes: int | None) -> BinaryIO:
    """The ``.part`` file, locked for this export, positioned after the ``keep_bytes`` a resumed export's state
    vouches for (bytes after the last checkpoint belong to a page it reads again), or at 0 for a fresh one.

    Nothing is cut yet: a fresh export empties the file only when it writes its first page (``start_fresh``), so
    one refused before that (a budget, a failed first page) leaves an earlier partial export resumable. The lock
    (``flock``, released by the OS even on SIGKILL) refuses a second export to the same file while one runs.
    """
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT, PRIVATE)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte, which pathlib's checks pass over
        reason = exc.strerror if isinstance(exc, OSError) else f"cannot be used as a file name: {exc}"
        raise InvalidParameterError("path", f"cannot write {_cut(str(part))!r}: {reason}") from None
    try:
        _lock(fd, part)
        if keep_bytes is not None:
            os.ftruncate(fd, keep_bytes)
            os.lseek(fd, keep_bytes, os.SEEK_SET)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "wb")


def _lock(fd: int, part: Path) -> None:
    if fcntl is None:  # Windows: no advisory locks here; two exports to one file must be avoided by hand
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise InvalidParameterError("path", f"another export is writing {str(part)!r} right now") from None


def start_fresh(out: BinaryIO, state: Path) -> None:
    """Empty a fresh export's ``.part`` (and forget an earlier partial export's state) before its first page."""
    out.seek(0)
    out.truncate()
    discard(state)


def _tmp(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")


def write_atomically(path: Path, data: bytes) -> None:
    """Readers see no file or the whole file, never a half-written one: a private temporary file beside ``path``,
    then ``os.replace``. (Also the mock server's env file.)"""
    tmp = _tmp(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        discard(tmp)
        raise


def write_state(path: Path, state: dict[str, object]) -> None:
    """Readers see the previous state or this one, never half of one."""
    write_atomically(path, orjson.dumps(state))


def read_state(path: Path) -> dict[str, object] | None:
    try:
        state = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return state if isinstance(state, dict) else None


def commit(out: BinaryIO, part: Path, target: Path, state: Path) -> None:
    """Make the complete ``.part`` the target: on disk first (fsync), then renamed over it, then the state gone."""
    out.flush()
    os.fsync(out.fileno())
    os.replace(part, target)  # while still locked: no other export may take the .part name's file meanwhile
    out.close()
    discard(state, _tmp(state))  # the temporary one too, left if a run was killed while writing it


def discard(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

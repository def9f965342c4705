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
    if target.is_dir():
        raise InvalidParameterError("path", f"{str(target)!r} is a directory; give a file name")
    if not target.parent.is_dir():
        raise InvalidParameterError("path", f"the folder {str(target.parent)!r} does not exist")
    return target


def part_path(target: Path) -> Path:
    return target.with_name(target.name + ".part")


def state_path(target: Path) -> Path:
    return target.with_name(target.name + ".part.json")


def open_part(part: Path, *, keep_bytes: int | None) -> BinaryIO:
    """The ``.part`` file, fresh, or (resuming) cut back to the ``keep_bytes`` its state file vouches for:
    bytes written after the last checkpoint belong to a page the resumed export reads again."""
    try:
        if keep_bytes is None:
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
        else:
            fd = os.open(part, os.O_WRONLY, PRIVATE)
            os.ftruncate(fd, keep_bytes)
            os.lseek(fd, keep_bytes, os.SEEK_SET)
    except OSError as exc:
        raise InvalidParameterError("path", f"cannot write {str(part)!r}: {exc.strerror}") from None
    return os.fdopen(fd, "wb")


def _tmp(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")


def write_state(path: Path, state: dict[str, object]) -> None:
    """Readers see the previous state or this one, never half of one (a temporary file, then ``os.replace``)."""
    tmp = _tmp(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    with os.fdopen(fd, "wb") as out:
        out.write(orjson.dumps(state))
    os.replace(tmp, path)


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
    out.close()
    os.replace(part, target)
    discard(state, _tmp(state))  # the temporary one too, left if a run was killed while writing it


def discard(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

"""Writing an export without ever destroying the file that was there.

The export goes to a temporary file beside the target, which replaces the target (atomically, ``os.replace``)
only once every record is written. An export that fails or is interrupted leaves the previous file untouched.
The temporary file is created before the first request, so an unwritable location fails without spending one.
It is created private to its owner (mode 0600, ``tempfile``'s default), which suits a file of customer data.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from rotor._exceptions import InvalidParameterError


def _target(path: str | os.PathLike[str]) -> Path:
    if not isinstance(path, str | os.PathLike):
        raise InvalidParameterError("path", f"must be a str or os.PathLike, got {type(path).__name__}")
    target = Path(path)
    if target.is_dir():
        raise InvalidParameterError("path", f"{str(target)!r} is a directory; give a file name")
    if not target.parent.is_dir():
        raise InvalidParameterError("path", f"the folder {str(target.parent)!r} does not exist")
    return target


def open_replacement(path: str | os.PathLike[str]) -> tuple[Path, BinaryIO]:
    """The checked target and an open temporary file beside it (same folder, so ``os.replace`` is atomic)."""
    target = _target(path)
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by replace_when_done
            mode="wb", dir=target.parent, prefix=f".{target.name}.", suffix=".partial", delete=False
        )
    except OSError as exc:
        raise InvalidParameterError("path", f"cannot write in {str(target.parent)!r}: {exc.strerror}") from None
    return target, handle  # type: ignore[return-value]


@contextlib.contextmanager
def replace_when_done(target: Path, handle: BinaryIO) -> Iterator[BinaryIO]:
    """Yield ``handle``; on success make it ``target``, on any failure (or interrupt) delete it."""
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise

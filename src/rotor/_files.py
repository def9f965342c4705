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


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A temporary file beside ``path`` (same folder, so ``os.replace`` is atomic), opened on entry: an unusable
    path fails there, before the caller spends a request. On success it becomes ``path``; on any failure (or
    interrupt) it is deleted and ``path`` stays as it was."""
    target = _target(path)
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below
            mode="wb", dir=target.parent, prefix=f".{target.name}.", suffix=".partial", delete=False
        )
    except OSError as exc:
        raise InvalidParameterError("path", f"cannot write in {str(target.parent)!r}: {exc.strerror}") from None
    try:
        with handle:
            yield handle  # type: ignore[misc]  # the wrapper passes every BinaryIO call to its file
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise

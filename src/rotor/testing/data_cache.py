"""Seeded data kept on disk between processes, when a folder is named for it: ``$ROTOR_MOCK_DATA_CACHE`` (the
pytest plugin names one in pytest's cache, ``.pytest_cache/d/rotor-mock-data``, unless the variable is set).

Making 2,500 customers with Faker takes over a second; every process that starts a mock paid it once (a test
suite per xdist worker, each ``rotor mock serve``). A kept store loads in milliseconds. What is kept is exactly what
``RecordStore.state()`` gives, under a key of everything the data depends on: the store's class and the counts and
seed of the mock, the source of every store class involved, the mock's own code, Faker's version and Python's. So
editing a store's seeding, or upgrading Faker, makes new data; nothing is ever read back for other inputs. The
Faker-made customer records the stores start from are kept too, by their own count and seed (``faker_key``): a mock
whose other counts differ makes its stores again, but not its customers.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from rotor.testing.store import RecordStore

try:
    import fcntl
except ImportError:  # not POSIX (Windows): processes may make the same data at once, as before
    fcntl = None  # type: ignore[assignment]

ENV = "ROTOR_MOCK_DATA_CACHE"
T = TypeVar("T")


@functools.cache
def _mock_code() -> bytes:
    """The mock's own modules (stores, their data, the base store), Faker's version and Python's."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(version("faker").encode() + sys.version.encode())
    return digest.digest()


def _class_source(cls: type) -> bytes | None:
    """The source file of a store class (a consumer's own subclass included); None when it has none."""
    try:
        source = inspect.getsourcefile(cls)
    except TypeError:
        return None
    return _file(source) if source else None


@functools.cache
def _file(path: str) -> bytes | None:
    return Path(path).read_bytes() if Path(path).is_file() else None


def _digest(inputs: object) -> hashlib._Hash | None:
    """A digest started from the mock's code and ``inputs``; None when no folder is named (nothing is kept)."""
    if not os.environ.get(ENV):
        return None
    digest = hashlib.sha256(_mock_code())
    digest.update(repr(inputs).encode())
    return digest


def key(name: str, types: Mapping[str, type[RecordStore]], counts: Mapping[str, int], seed: int) -> str | None:
    """The key of store ``name`` seeded with these store types, counts and seed; None when it cannot be kept (no
    folder named, or a store class without a source file to key it by)."""
    digest = _digest((name, sorted(counts.items()), seed))
    if digest is None:
        return None
    for resource, cls in sorted(types.items()):
        source = _class_source(cls)
        if source is None:
            return None
        digest.update(f"{resource}={cls.__module__}.{cls.__qualname__}".encode() + b"\0" + source)
    return f"{digest.hexdigest()}.pickle"


def faker_key(count: int, seed: int) -> str | None:
    """The key of the Faker-made customer records of this count and seed (``rotor.testing.data``), which several
    stores' data start from: a mock whose other counts differ (its own key) still takes its customers from here."""
    digest = _digest(("faker customers", count, seed))
    return None if digest is None else f"{digest.hexdigest()}.json"


def kept(
    found_by: str | None, make: Callable[[], T], state_of: Callable[[T], bytes], restored: Callable[[bytes], T]
) -> T:
    """What was kept under ``found_by``, else what ``make`` makes now (and keeps, as ``state_of`` writes it). Made
    once across processes: one that wants the same data while another makes it waits, then reads it (``making``)."""
    state = load(found_by)
    if state is None:
        with making(found_by):
            state = load(found_by)  # kept by another process while this one waited
            if state is None:
                made = make()
                if found_by is not None:
                    save(found_by, state_of(made))
                return made
    return restored(state)


def _folder() -> Path:
    """The folder named by ``ENV`` (KeyError once it is no longer named: then nothing is kept or read, as with no
    folder, never the current directory)."""
    return Path(os.environ[ENV])


def _made_folder() -> Path:
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def making(found_by: str | None) -> Iterator[None]:
    """Held while this process makes the data of ``found_by``: another that wants the same data waits here, then
    loads what this one kept, instead of making it too. The workers of a pytest-xdist run, and the mocks a suite
    starts, all start at once: in this project's gate, up to three processes made the same 2,500 customers side by
    side. An advisory lock on a file beside the data, released when the holder exits, however it exits."""
    if found_by is None or fcntl is None:
        yield
        return
    try:
        lock = (_made_folder() / f"{found_by}.lock").open("ab")
    except (OSError, KeyError):
        lock = None  # a folder that cannot be written: made here, as with no folder
    if lock is None:
        # Outside the except clause: an error while making must not read as raised during that OSError.
        yield
        return
    with lock:
        # A file system without locks (some network mounts): made here, as with no folder.
        with contextlib.suppress(OSError):
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def load(found_by: str | None) -> bytes | None:
    if found_by is None:
        return None
    try:
        return (_folder() / found_by).read_bytes()
    except (OSError, KeyError):
        return None


def save(found_by: str | None, state: bytes) -> None:
    """Keep ``state`` (whole or not at all: written beside, then renamed); a folder that cannot be written is
    ignored, the data is only ever a speed-up."""
    if found_by is None:
        return
    try:
        folder = _made_folder()
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".part") as part:
            part.write(state)
        os.replace(part.name, folder / found_by)
    except (OSError, KeyError):
        return

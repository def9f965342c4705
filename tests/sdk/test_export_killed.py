"""An export process killed outright (SIGKILL: no handler, no cleanup runs) leaves the previous file untouched and
a ``.part`` a later ``resume=True`` completes exactly, for one page more. Both clients.

The child kills itself at a chosen point, so the test is deterministic: after a page's checkpoint, or between
writing a page's rows and its checkpoint (the ``.part`` then holds rows its checkpoint does not vouch for).
``scripts/exactness`` does the same at random moments, 20 times.
"""

from __future__ import annotations

import math
import signal
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from rotor.testing import LiveMockRotorAPI, MockRotor

CHILD = """
import asyncio, os, signal, sys
import rotor._files
from rotor import AsyncRotor, Rotor

key, base_url, path, flavor, where, at = sys.argv[1:7]
at = int(at)
pages = 0

def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)

def after_checkpoint(progress) -> None:
    if where == "after-checkpoint" and progress.pages == at:
        die()

write_state = rotor._files.write_state
def before_checkpoint(*args) -> None:
    global pages
    pages += 1
    if where == "before-checkpoint" and pages == at:
        die()  # the page's rows are in the .part, its checkpoint is not
    write_state(*args)
rotor._files.write_state = before_checkpoint

if flavor == "sync":
    with Rotor(api_key=key, base_url=base_url) as client:
        client.customers.export(path, progress=after_checkpoint)
else:
    async def main() -> None:
        async with AsyncRotor(api_key=key, base_url=base_url) as client:
            await client.customers.export(path, progress=after_checkpoint, concurrency=1)
    asyncio.run(main())
"""


def _ids(path: Path) -> list[str]:
    return [orjson.loads(line)["id"] for line in path.read_bytes().splitlines()]


@pytest.mark.parametrize("flavor", ["sync", "async"])
@pytest.mark.parametrize(("where", "at"), [("after-checkpoint", 2), ("before-checkpoint", 2), ("after-checkpoint", 1)])
def test_a_killed_export_leaves_the_file_and_resumes_exactly(tmp_path: Path, flavor: str, where: str, at: int) -> None:
    path = tmp_path / "customers.jsonl"
    path.write_bytes(b'{"id": "previous"}\n')
    # The default data set: three pages, made once per run and kept (rotor.testing.data_cache).
    with LiveMockRotorAPI(MockRotor(daily_quota=10**6)) as live:
        expected = {s.record["id"] for s in live.mock.store.all() if not s.archived}
        assert at < math.ceil(len(expected) / 1000)  # killed before the last page: the resume has pages to read
        args = [live.api_key, live.base_url, str(path), flavor, where, str(at)]
        child = subprocess.run([sys.executable, "-c", CHILD, *args], timeout=60, check=False)
        assert child.returncode == -signal.SIGKILL
        assert path.read_bytes() == b'{"id": "previous"}\n'  # the previous export, untouched
        assert {p.name for p in tmp_path.iterdir()} >= {"customers.jsonl", "customers.jsonl.part"}
        with live.client() as client:
            # The world moves on before the resume: a new customer shifts every page by one.
            client.customers.create_or_update(first_name="New", email="new@example.com")
            result = client.customers.export(path, resume=True)
        spent = live.mock.requests_served
    ids = _ids(path)
    assert len(ids) == len(set(ids)) and set(ids) == expected  # the new one went in front of the pages read
    assert result.resumed and result.complete and result.written == len(expected)
    # Killed between pages, nothing is read twice; killed mid-page, that one page is.
    assert spent == 1 + math.ceil(len(expected) / 1000) + (where == "before-checkpoint")  # 1: the upsert
    assert sorted(p.name for p in tmp_path.iterdir()) == ["customers.jsonl"]

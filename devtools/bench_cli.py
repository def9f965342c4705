"""The `rotor` command's export against the SDK's own async export of the same records (one run, one mock).

Both write every customer to a JSON Lines file at the same concurrency; the command's time is the whole process,
start-up included (what a user waits for), the SDK's is the export call in a running interpreter. The ratio is
``cli_export_vs_sdk`` in ``scripts/bench``.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rotor import AsyncRotor


def _rotor_command() -> str:
    """The installed entry point of this interpreter's environment (what `pip install 'rotor-sdk[cli]'` gives)."""
    beside = Path(sys.executable).with_name("rotor")
    found = str(beside) if beside.exists() else shutil.which("rotor")
    if found is None:
        raise RuntimeError("the `rotor` command is not installed (pip install 'rotor-sdk[cli]')")
    return found


def bench_cli_export(base_url: str, api_key: str, concurrency: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        async def sdk_export() -> float:
            async with AsyncRotor(api_key=api_key, base_url=base_url) as client:
                started = time.perf_counter()
                await client.customers.export(folder / "sdk.jsonl", archived=True, concurrency=concurrency)
                return time.perf_counter() - started

        asyncio.run(sdk_export())  # warm-up: the mock caches the query's result; both measured runs find it
        env = {**os.environ, "ROTOR_API_KEY": api_key, "ROTOR_BASE_URL": base_url}
        command = [_rotor_command(), "customers", "export", "--out", str(folder / "cli.jsonl"), "--archived"]
        started = time.perf_counter()
        subprocess.run([*command, "--concurrency", str(concurrency)], env=env, check=True, capture_output=True)
        cli_s = time.perf_counter() - started
        sdk_s = asyncio.run(sdk_export())
        same = (folder / "sdk.jsonl").read_bytes().count(b"\n") == (folder / "cli.jsonl").read_bytes().count(b"\n")
        if not same:
            raise RuntimeError("the command and the SDK wrote different numbers of records")
    return {"cli_export_s": cli_s, "sdk_export_s": sdk_s, "cli_export_vs_sdk": cli_s / sdk_s}

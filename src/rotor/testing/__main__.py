"""Serve the mock Rotor API on 127.0.0.1: ``python -m rotor.testing [--port P] [--seed S] ...``.

The first two lines printed are ``ROTOR_BASE_URL=...`` and ``ROTOR_API_KEY=...``, so ``eval`` of them (or of
``head -2``) configures a shell for the SDK.
"""

from __future__ import annotations

import argparse
import sys

import uvicorn

from rotor.testing.app import BASE_PATH, MockRotor
from rotor.testing.faults import Faults
from rotor.testing.server import free_port


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/mock", description="Serve the mock Rotor API on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--seed", type=int, default=0, help="data set seed (default 0)")
    parser.add_argument("--customers", type=int, default=2500, help="number of customers (default 2500)")
    parser.add_argument("--daily-quota", type=int, default=1000, help="requests per key per day (default 1000)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every request")
    parser.add_argument("--error-rate", type=float, default=0.0, help="share of requests answered 500/502/503")
    args = parser.parse_args(argv)
    for name in ("customers", "daily_quota", "port"):
        if getattr(args, name) < 0:
            parser.error(f"--{name.replace('_', '-')} must not be negative")
    port = args.port or free_port()
    mock = MockRotor(
        customers=args.customers,
        seed=args.seed,
        daily_quota=args.daily_quota,
        faults=Faults(latency=args.latency, error_rate=args.error_rate),
    )
    print(f"ROTOR_BASE_URL=http://127.0.0.1:{port}{BASE_PATH}")
    print(f"ROTOR_API_KEY={mock.api_key}")
    print(f"# {mock!r}; Ctrl-C to stop", file=sys.stderr)
    sys.stdout.flush()
    uvicorn.run(mock.app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Serve the mock Rotor API on 127.0.0.1: ``python -m rotor.testing [--port P] [--seed S] ... [--env-file PATH]``.

Once the server accepts connections it prints ``ROTOR_BASE_URL=...`` and ``ROTOR_API_KEY=...`` and, with
``--env-file``, writes the same two lines to PATH, atomically, so a shell that waits for the file can source it at
once (the README's recipe). The file is removed when the server stops (SIGINT or SIGTERM).

``--churn-inserts/--churn-updates/--churn-status-flips N`` make records change N times a second while clients read
(``rotor.testing.churn``); ``GET /_mock/churn`` on the server's root reports what churn has done.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import math
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from rotor._files import write_atomically
from rotor.testing.app import CHURN_PATH, MockRotor
from rotor.testing.churn import Churn
from rotor.testing.faults import Faults
from rotor.testing.server import MockServer

# One flag per resource the mock stores, defaulting to its store's own count (defined there once).
COUNTS = {name: store.default_count for name, store in MockRotor.store_types.items()}


def make_parser(prog: str = "scripts/mock") -> argparse.ArgumentParser:
    """The mock server's flags, defined once: ``scripts/mock``, ``python -m rotor.testing`` and ``rotor mock serve``."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Serve the mock Rotor API on 127.0.0.1.",
        epilog=f"example: {prog} --port 8787 --customers 300 --daily-quota 50",
    )
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--seed", type=int, default=0, help="data set seed (default 0)")
    for name, default in COUNTS.items():
        flag = name.replace("_", "-")
        parser.add_argument(f"--{flag}", type=int, default=default, help=f"number of {flag} (default {default})")
    parser.add_argument("--daily-quota", type=int, default=1000, help="requests per key per day (default 1000)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every request")
    parser.add_argument("--error-rate", type=float, default=0.0, help="share of requests answered 500/502/503")
    for kind in ("inserts", "updates", "status-flips"):
        parser.add_argument(f"--churn-{kind}", type=float, default=0.0, help=f"churn {kind} per second (default 0)")
    parser.add_argument("--churn-seed", type=int, help="churn's seed (default: --seed)")
    parser.add_argument(
        "--env-file",
        type=Path,
        help="once serving, write ROTOR_BASE_URL=... and ROTOR_API_KEY=... lines here (removed on exit)",
    )
    return parser


# The flags that count something or are a rate: a negative one is refused before anything starts.
NON_NEGATIVE = (*COUNTS, "daily_quota", "port", "churn_inserts", "churn_updates",
                "churn_status_flips")  # fmt: skip
MAX_PORT = 65535


def check(args: argparse.Namespace) -> str | None:
    """What is wrong with parsed flags (each parsed by its type already), or None: shared by every front end."""
    for name in NON_NEGATIVE:
        if getattr(args, name) < 0:
            return f"--{name.replace('_', '-')} must not be negative"
    if args.port > MAX_PORT:
        return f"--port must be at most {MAX_PORT}"
    for name in ("latency", "error_rate", "churn_inserts", "churn_updates", "churn_status_flips"):
        if not math.isfinite(getattr(args, name)):
            return f"--{name.replace('_', '-')} must be a finite number"
    return None


def main(argv: list[str] | None = None, *, prog: str = "scripts/mock") -> int:
    parser = make_parser(prog)
    args = parser.parse_args(argv)
    error = check(args)
    if error is not None:
        parser.error(error)
    return serve(args)


def serve(args: argparse.Namespace) -> int:
    """Serve the mock the flags describe until SIGINT or SIGTERM; 1 when it cannot start (the port is taken)."""
    env_file: Path | None = args.env_file
    if env_file is not None:
        env_file.unlink(missing_ok=True)  # a stale file would point at a server that is gone
    mock = MockRotor(
        **{name: getattr(args, name) for name in COUNTS},
        seed=args.seed,
        daily_quota=args.daily_quota,
        faults=Faults(latency=args.latency, error_rate=args.error_rate),
        # Always a Churn (zero rates change nothing), so /_mock/churn answers whatever the flags.
        churn=Churn(
            inserts=args.churn_inserts,
            updates=args.churn_updates,
            status_flips=args.churn_status_flips,
            seed=args.seed if args.churn_seed is None else args.churn_seed,
        ),
    )
    with _stop_signals() as wait_for_stop:
        try:
            server = MockServer(mock, port=args.port or None).start()
        except RuntimeError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        try:
            config = f"ROTOR_BASE_URL={server.base_url}\nROTOR_API_KEY={mock.api_key}\n"
            if env_file is not None:
                write_atomically(env_file, config.encode())
            sys.stdout.write(config)
            sys.stdout.flush()
            churn_url = server.base_url.removesuffix("/open-api") + CHURN_PATH
            print(f"# {mock!r} at {server.base_url} (churn counts: {churn_url}); Ctrl-C to stop", file=sys.stderr)
            wait_for_stop()
        finally:
            server.stop()
            if env_file is not None:
                env_file.unlink(missing_ok=True)
    return 0


STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _stop_signals() -> Iterator[Callable[[], object]]:
    """A wait that returns once SIGINT or SIGTERM arrives, sent at any moment from here on (during start-up too).

    Where threads can block signals, both are blocked here and so in every thread started from here on (the
    server's inherits the mask), and taken with ``sigwait``; a program that runs ``serve`` beside threads of its own
    blocks them there first, or a signal may reach one of those instead. A Python handler setting a
    ``threading.Event`` deadlocked on the Event's own lock when the signal came just as this thread began waiting on
    it (5 of 40 mocks stopped right after they printed their address), and then ignored every later SIGTERM too.
    Elsewhere (Windows) a handler sets a flag, which takes no lock, and the wait looks at it five times a second.
    """
    if hasattr(signal, "pthread_sigmask"):
        before = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            yield functools.partial(signal.sigwait, STOP_SIGNALS)
        finally:
            while signal.sigpending() & STOP_SIGNALS:  # a second signal, already sent: taken, not raised afterwards
                signal.sigwait(STOP_SIGNALS)
            signal.pthread_sigmask(signal.SIG_SETMASK, before)
        return
    stopped: list[int] = []
    handlers = {signum: signal.signal(signum, lambda signum, _: stopped.append(signum)) for signum in STOP_SIGNALS}

    def wait() -> None:
        while not stopped:
            time.sleep(0.2)

    try:
        yield wait
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)


if __name__ == "__main__":
    raise SystemExit(main())

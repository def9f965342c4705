"""The ``rotor`` logger: silent unless ``ROTOR_LOG=debug|info``; API keys are scrubbed from every record."""

from __future__ import annotations

import logging
import os
import threading

logger = logging.getLogger("rotor")

_secrets: set[str] = set()
_lock = threading.Lock()
REDACTED = "<redacted>"


# Shorter strings are not real keys (test placeholders like "x"): scrubbing them would garble every message.
MIN_SECRET_LENGTH = 8


def register_secret(secret: str) -> None:
    """Remember a key so no record that passes through the ``rotor`` logger can carry it."""
    if len(secret) < MIN_SECRET_LENGTH:
        return
    with _lock:
        _secrets.add(secret)


def redact(text: str) -> str:
    for secret in _secrets:
        text = text.replace(secret, REDACTED)
    return text


class _RedactingFilter(logging.Filter):
    # Filtering at the logger (not in each call site) also covers messages built from server text.
    def filter(self, record: logging.LogRecord) -> bool:
        if _secrets:
            record.msg = redact(record.getMessage())
            record.args = None
        return True


def setup_logging() -> None:
    logger.addFilter(_RedactingFilter())
    level = os.environ.get("ROTOR_LOG", "").strip().lower()
    if level in {"debug", "info"}:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)
    else:
        logger.addHandler(logging.NullHandler())

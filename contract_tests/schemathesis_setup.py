"""Loading the spec for schemathesis with the project's configuration (schemathesis.toml)."""

from pathlib import Path
from typing import Any

import schemathesis
from schemathesis import BaseSchema
from schemathesis.config import SchemathesisConfig

from devtools.paths import ROOT, SPEC

CONFIG_FILE = ROOT / "schemathesis.toml"


def load_schema(app: Any | None = None, spec: Path = SPEC) -> BaseSchema:
    """The contract spec, driven in-process against ``app`` (an ASGI app) when given."""
    schema = schemathesis.openapi.from_path(str(spec), config=SchemathesisConfig.from_path(str(CONFIG_FILE)))
    if app is not None:
        # The same as from_asgi, with the spec read from disk rather than served by the app.
        schema.app = app
    return schema

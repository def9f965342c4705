"""Loading the spec for schemathesis with the project's configuration (schemathesis.toml)."""

from pathlib import Path
from typing import Any

import hypothesis
import schemathesis
from schemathesis import BaseSchema
from schemathesis.config import SchemathesisConfig

from devtools.paths import ROOT, SPEC

CONFIG_FILE = ROOT / "schemathesis.toml"


def load_schema(app: Any | None = None, spec: Path = SPEC) -> BaseSchema:
    """The contract spec, driven in-process against ``app`` (an ASGI app) when given."""
    config = SchemathesisConfig.from_path(str(CONFIG_FILE))
    _follow_exploration(config)
    schema = schemathesis.openapi.from_path(str(spec), config=config)
    if app is not None:
        # The same as from_asgi, with the spec read from disk rather than served by the app.
        schema.app = app
    return schema


def _follow_exploration(config: SchemathesisConfig) -> None:
    """schemathesis.toml is deterministic, for the gate. A random hypothesis profile (``explore``) means looking
    for new bugs: then schemathesis runs random too, with that profile's example budget and database."""
    profile = hypothesis.settings()
    if profile.derandomize:
        return
    path = getattr(profile.database, "path", None)
    config.projects.default.generation.update(
        deterministic=False, max_examples=profile.max_examples, database=str(path) if path else "none"
    )


def stateful_settings(schema: BaseSchema) -> hypothesis.settings:
    """Settings for ``schema.as_state_machine().TestCase`` as schemathesis' own runner makes them: from the config.

    The TestCase's default settings are made when schemathesis is imported, before conftest.py loads a profile,
    and ignore schemathesis.toml: the stateful phase of the gate ran randomized, with an example database.
    """
    configured = schema.config.get_hypothesis_settings(phase="stateful", apply_ci_profile=False)
    return hypothesis.settings(
        configured,
        phases=[hypothesis.Phase.generate],
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )

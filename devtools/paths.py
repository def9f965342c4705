"""Where things live, so no module hard-codes a path twice."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
SOURCES = ROOT / "spec" / "SOURCES.md"  # the public pages behind the spec's facts, and its assumptions
GENERATOR_CONFIG = ROOT / "spec" / "generator.yaml"
TEMPLATES = ROOT / "spec" / "templates"
GENERATED_PACKAGE_NAME = "rotor_generated"
GENERATED_DIR = ROOT / "generated" / GENERATED_PACKAGE_NAME
SDK_CONFIG = ROOT / "spec" / "sdk.yaml"  # the SDK's names for what the spec describes (devtools/sdk_spec.py)

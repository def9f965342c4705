"""Regenerate ``generated/rotor_generated`` and the SDK's rendered resource layer (``devtools/render_sdk.py``) from
the spec, then the docs' API pages from the code (``devtools/api_docs.py``), or check that all three are exactly
what the spec and the code produce.

python -m devtools.generate          # rewrite generated/, the rendered layer, the API pages; list what changed
python -m devtools.generate --check  # exit 1 with a unified diff when any of them has drifted
"""

import argparse
import contextlib
import difflib
import hashlib
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import yaml

from devtools import api_docs, render_sdk
from devtools.paths import GENERATED_DIR, GENERATOR_CONFIG, ROOT, SPEC, TEMPLATES
from devtools.spec_io import SpecError, load_spec, validate_spec
from devtools.tolerant import tolerant_copy

# A folder where generated packages are kept by what produced them, when set: scripts/test sets it for one run of
# the gate, whose tests generate from the same spec (or the same bumped spec) many times over. The generator is
# deterministic (contract_tests/test_generation.py checks it, uncached), so a kept package is the one it would
# write again.
CACHE_ENV = "ROTOR_GENERATION_CACHE"


def _inputs_key(tolerant_text: str, config: Path, templates: Path) -> str:
    """Everything the package depends on: the tolerant spec, the generator's config, our templates, the pinned
    generator and the formatter its post-hooks run."""
    digest = hashlib.sha256()
    parts = [tolerant_text.encode(), config.read_bytes(), version("openapi-python-client").encode()]
    parts += [version("ruff").encode()]
    parts += [p.name.encode() + b"\0" + p.read_bytes() for p in sorted(templates.iterdir()) if p.is_file()]
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def generate_into(
    out_dir: Path, spec_path: Path = SPEC, config: Path = GENERATOR_CONFIG, templates: Path = TEMPLATES
) -> None:
    """Run the pinned generator on the tolerant copy of ``spec_path``; the package lands in ``out_dir``."""
    spec = load_spec(spec_path)
    validate_spec(spec)
    tolerant_text = yaml.safe_dump(tolerant_copy(spec), sort_keys=False)
    cache = (
        Path(os.environ[CACHE_ENV]) / _inputs_key(tolerant_text, config, templates)
        if os.environ.get(CACHE_ENV)
        else None
    )
    if cache is not None and cache.is_dir():
        shutil.rmtree(out_dir, ignore_errors=True)  # as the generator's --overwrite would
        shutil.copytree(cache, out_dir)
        return
    _run_generator(out_dir, tolerant_text, config, templates)
    if cache is not None:  # kept whole or not at all: written beside, then renamed (another worker may race us)
        staging = Path(tempfile.mkdtemp(dir=cache.parent))
        shutil.copytree(out_dir, staging, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        try:
            staging.rename(cache)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)


def _run_generator(out_dir: Path, tolerant_text: str, config: Path, templates: Path) -> None:
    """The pinned generator, called in this process as its CLI calls it (``openapi-python-client generate --meta
    none --overwrite --fail-on-warning --custom-template-path ...``): its own process would import it again, half of
    a run's second. Three copied templates (Unset gets a readable repr; response models read None, not Unset; each
    model is imported on first use), each held to the pinned generator's own plus a documented change by
    contract_tests/test_generation.py."""
    from openapi_python_client import generate
    from openapi_python_client.config import Config, ConfigFile, MetaType

    with tempfile.TemporaryDirectory() as tmp:
        tolerant = Path(tmp) / "openapi.tolerant.yaml"
        tolerant.write_text(tolerant_text, encoding="utf-8")
        settings = Config.from_sources(
            ConfigFile.load_from_path(path=config), MetaType.NONE, tolerant, "utf-8", True, output_path=out_dir
        )
        # The post-hooks call `ruff`: the pinned one from this environment, whatever the PATH holds.
        ruff = shlex.quote(str(Path(sys.executable).parent / "ruff"))
        settings.post_hooks = [re.sub(r"^ruff(?= )", lambda _: ruff, hook) for hook in settings.post_hooks]
        with contextlib.redirect_stdout(io.StringIO()):  # its "Generating <folder>" line, as the CLI's was captured
            errors = generate(config=settings, custom_template_path=templates.resolve())
    # As --fail-on-warning: a warning can silently drop a whole endpoint.
    if errors:
        found = "\n".join(f"{error.header}\n{error.detail or ''}".rstrip() for error in errors)
        raise SpecError(f"openapi-python-client failed:\n{found}")


def _files(root: Path) -> dict[str, bytes]:
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and ".ruff_cache" not in p.parts
    }


def tree_diff(expected: Path, actual: Path) -> tuple[list[str], str]:
    """Return (one line per changed file, a unified diff of their contents)."""
    want, have = _files(expected), _files(actual)
    summary: list[str] = []
    chunks: list[str] = []
    for name in sorted(want.keys() | have.keys()):
        if want.get(name) == have.get(name):
            continue
        label = "added" if name not in have else "removed" if name not in want else "changed"
        summary.append(f"  {label:8} {name}")
        old = have.get(name, b"").decode("utf-8", "replace").splitlines(keepends=True)
        new = want.get(name, b"").decode("utf-8", "replace").splitlines(keepends=True)
        chunks.extend(difflib.unified_diff(old, new, f"generated/{name}", f"from-spec/{name}"))
    return summary, "".join(chunks)


def replace_tree(fresh: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(fresh, target)


def rendered_diff(scratch: Path) -> tuple[list[str], str]:
    """Render the SDK layer under ``scratch``; (one line per rendered file that differs from the repository's, the
    unified diff)."""
    fresh = {p.relative_to(scratch): p.read_bytes() for p in render_sdk.render(scratch)}
    have = {p.relative_to(ROOT): p.read_bytes() for p in render_sdk.rendered_paths(ROOT) if p.exists()}
    summary: list[str] = []
    chunks: list[str] = []
    for name in sorted(fresh.keys() | have.keys()):
        if fresh.get(name) == have.get(name):
            continue
        label = "added" if name not in have else "removed" if name not in fresh else "changed"
        summary.append(f"  {label:8} {name}")
        old = have.get(name, b"").decode().splitlines(keepends=True)
        new = fresh.get(name, b"").decode().splitlines(keepends=True)
        chunks.extend(difflib.unified_diff(old, new, str(name), f"from-spec/{name}"))
    return summary, "".join(chunks)


def api_docs_diff(scratch: Path, fresh_generated: Path) -> tuple[list[str], str]:
    """The generated docs pages (``devtools/api_docs.py``) as the code would give them once regenerated: read from a
    copy of ``src/`` with the freshly rendered layer over it (``scratch`` holds it) and the fresh generated package;
    (one line per page that differs from the repository's, the unified diff)."""
    overlay = scratch / "overlay"
    shutil.copytree(ROOT / "src", overlay / "src", ignore=shutil.ignore_patterns("__pycache__"))
    for path in render_sdk.rendered_paths(scratch / "rendered"):
        relative = path.relative_to(scratch / "rendered")
        if relative.parts[0] == "src":
            shutil.copyfile(path, overlay / relative)
    (overlay / "generated").mkdir()
    shutil.copytree(fresh_generated, overlay / "generated" / GENERATED_DIR.name)
    summary: list[str] = []
    chunks: list[str] = []
    for name, text in api_docs.render(overlay / "src", overlay / "generated").items():
        have = (ROOT / name).read_text(encoding="utf-8") if (ROOT / name).exists() else ""
        if have != text:
            summary.append(f"  {'changed' if have else 'added':8} {name}")
            old, new = have.splitlines(keepends=True), text.splitlines(keepends=True)
            chunks.extend(difflib.unified_diff(old, new, str(name), f"from-code/{name}"))
    return summary, "".join(chunks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/generate", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail with a diff when generated/ has drifted")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "out"
        try:
            generate_into(fresh)
        except SpecError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        summary, diff = tree_diff(fresh, GENERATED_DIR)
        try:
            rendered, rendered_changes = rendered_diff(Path(tmp) / "rendered")
            pages, page_changes = api_docs_diff(Path(tmp), fresh) if args.check else ([], "")
        except SpecError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        elapsed = time.perf_counter() - started
        if args.check:
            if summary or rendered or pages:
                print("generated code or docs pages have drifted from spec/openapi.yaml + spec/sdk.yaml and the code "
                      "(run scripts/generate):")  # fmt: skip
                print("\n".join(summary + rendered + pages))
                print(diff + rendered_changes + page_changes)
                return 1
            count = len(_files(fresh)) + len(render_sdk.rendered_paths(ROOT)) + len(api_docs.OWNED)
            print(f"generated/, the rendered SDK layer and the API pages match ({count} files, {elapsed:.1f}s)")
            return 0
        replace_tree(fresh, GENERATED_DIR)
    render_sdk.render(ROOT)
    api_pages = api_docs.write(ROOT)  # after rendering: the pages describe the code as rendered
    print(f"generated/{GENERATED_DIR.name}: " + (f"{len(summary)} file(s) changed" if summary else "unchanged"))
    print("rendered SDK layer: " + (f"{len(rendered)} file(s) changed" if rendered else "unchanged"))
    print("API pages (docs/): " + (f"{len(api_pages)} file(s) changed" if api_pages else "unchanged"))
    for line in summary + rendered + [f"  changed  {page}" for page in api_pages]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

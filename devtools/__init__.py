"""Developer tooling behind ``scripts/``: generation, spec checks, spec diffs, benchmarks.

Not shipped in the wheel. Each ``scripts/<name>`` shim bootstraps ``.venv`` and runs ``python -m devtools.<name>``.
"""

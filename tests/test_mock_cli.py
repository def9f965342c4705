"""scripts/mock's entry point: serves on 127.0.0.1 and prints the two lines that configure a shell."""

import os
import subprocess
import sys

from rotor import Rotor


def test_mock_cli_prints_config_then_serves() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "rotor.testing", "--customers", "30", "--seed", "4", "--daily-quota", "50"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip().removeprefix("ROTOR_BASE_URL=")
        api_key = proc.stdout.readline().strip().removeprefix("ROTOR_API_KEY=")
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/open-api")
        # Connection refused while the server still binds is retried (it never reached a server).
        with Rotor(api_key=api_key, base_url=base_url, max_retries=5) as client:
            assert len(list(client.customers.list(archived=True))) == 30
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()

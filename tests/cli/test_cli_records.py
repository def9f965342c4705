"""`rotor <resource> list|get|upsert`, run as the installed script against the served mock, agree with the SDK."""

import csv
import io
import json
import math
import os
import pty
import subprocess
from pathlib import Path
from typing import Any

import orjson
import pytest

from rotor._formats import csv_columns, row_of
from rotor.testing import LiveMockRotorAPI
from rotor_generated.models import Customer
from tests.cli.conftest import CLI, ROTOR


def _row(item: Any) -> Any:
    """The record as the CLI prints it: an export's row, through JSON."""
    return json.loads(orjson.dumps(row_of(item)))


def jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.mark.parametrize(
    ("args", "sdk_filters"),
    [
        (
            ["--status", "active", "--tag", "vip", "--tag", "pool", "--search", "an"],
            {"status": "active", "tags": ["vip", "pool"], "search": "an"},
        ),
        (["--archived", "--status", "inactive"], {"archived": True, "status": "inactive"}),
        (["--limit", "7", "--page", "3"], {"limit": 7, "page": 3}),
    ],
)
def test_customers_list_gives_the_sdks_records(
    cli: CLI, served: LiveMockRotorAPI, args: list[str], sdk_filters: dict[str, Any]
) -> None:
    with served.client() as client:
        page = client.customers.list(**sdk_filters)
        first_page = [_row(c) for c in page.data]  # an export's rows: every field, null where absent
        everything = [_row(c) for c in page]
    assert everything, "a filter that matches nothing proves little"
    one = cli("customers", "list", *args, "--format", "jsonl")
    assert one.returncode == 0, one.stderr
    assert jsonl(one.stdout) == first_page
    every = cli("customers", "list", *args, "--all", "--format", "jsonl")
    assert every.returncode == 0, every.stderr
    assert jsonl(every.stdout) == everything


def test_leads_list_takes_the_leads_filters(cli: CLI, served: LiveMockRotorAPI) -> None:
    with served.client() as client:
        stage = next(lead.stage for lead in client.leads.list() if lead.stage)
        expected = [_row(lead) for lead in client.leads.list(stage=stage, archived=True, limit=5)]
    proc = cli("leads", "list", "--stage", stage, "--archived", "--limit", "5", "--all")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == expected  # piped: JSON by default


def test_a_table_on_request_and_csv(cli: CLI, served: LiveMockRotorAPI) -> None:
    with served.client() as client:
        page = client.customers.list(status="active", limit=3)
    assert page.total is not None
    table = cli("customers", "list", "--status", "active", "--limit", "3", "--format", "table")
    assert table.returncode == 0, table.stderr
    for header in ("Name", "Email", "Phone", "Status", "Tags", "Created", "ID"):
        assert header in table.stdout
    for customer in page.data:
        assert f"{customer.first_name} {customer.last_name}" in table.stdout and str(customer.id) in table.stdout
    assert f"page 1 of {math.ceil(page.total / 3)}, {page.total} matching; --page 2 or --all for more" in table.stdout
    as_csv = cli(*["customers", "list", "--status", "active", "--limit", "3", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [row["id"] for row in rows] == [c.id for c in page.data]
    assert json.loads(rows[0]["tags"]) == (page.data[0].tags or [])  # as export's CSV: a JSON array, commas safe
    assert list(rows[0]) == csv_columns(Customer)  # export's columns, whatever the data


def test_get_shows_the_record(cli: CLI, served: LiveMockRotorAPI) -> None:
    with served.client() as client:
        customer = client.customers.list(limit=1).data[0]
    proc = cli("customers", "get", str(customer.id))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == customer.to_dict()
    table = cli("customers", "get", str(customer.id), "-f", "table")
    assert "email" in table.stdout and str(customer.email) in table.stdout


def test_upsert_says_created_then_updated(cli: CLI, served: LiveMockRotorAPI, tmp_path: Path) -> None:
    created = cli(
        *[
            "customers",
            "upsert",
            "--email",
            "cli-jane@example.com",
            "--first-name",
            "Jane",
            "--tag",
            "vip",
            "--tag",
            "pool",
        ]
    )
    assert created.returncode == 0, created.stderr
    answer = json.loads(created.stdout)
    assert answer["action"] == "created"
    body = tmp_path / "jane.json"
    body.write_text(json.dumps({"email": "cli-jane@example.com", "last_name": "Doe", "tags": ["weekly"]}))
    updated = cli("customers", "upsert", "--from-json", str(body), "--first-name", "Janet", "-f", "table")
    assert updated.returncode == 0, updated.stderr
    assert updated.stdout.strip() == f"updated customer {answer['id']}"
    with served.client() as client:
        customer = client.customers.retrieve(answer["id"])
    assert (customer.first_name, customer.last_name) == ("Janet", "Doe")  # the flag overrides the file
    assert set(customer.tags or []) == {"vip", "pool", "weekly"}


def test_lead_upsert_from_stdin(cli: CLI, served: LiveMockRotorAPI) -> None:
    body = '{"name": "Ada", "email": "cli-ada@example.com", "source": "web form"}'
    proc = cli(*["leads", "upsert", "--from-json", "-", "--address-city", "Austin"], input=body)
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout)
    with served.client() as client:
        lead = client.leads.retrieve(answer["id"])
    assert (answer["action"], lead.lead_source, lead.property_city) == ("created", "web form", "Austin")


def test_auth_test_shows_company_scopes_and_version(cli: CLI, served: LiveMockRotorAPI) -> None:
    with served.client() as client:
        expected = client.auth.test()
    proc = cli("auth", "test")
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(proc.stdout)
    assert shown["company"] == expected.company_id and shown["scopes"] == expected.scopes
    assert shown["api_version"] == expected.rotor_api_version and shown["authenticated"] is True
    assert served.api_key not in proc.stdout + proc.stderr


def test_a_terminal_gets_a_table_by_default(cli: CLI) -> None:
    """stdout on a pseudo-terminal: the table, without asking for it."""
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.run(
            [str(ROTOR), "customers", "list", "--limit", "2"],
            stdout=secondary,
            stderr=subprocess.PIPE,
            env=cli.env,
            timeout=60,
            check=False,
        )
        os.close(secondary)
        shown = b""
        while chunk := _read(primary):
            shown += chunk
    finally:
        os.close(primary)
    assert proc.returncode == 0, proc.stderr
    assert b"Email" in shown and b"--page 2 or --all for more" in shown and b'"id"' not in shown


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: the writer closed the terminal
        return b""

"""What a user's ``mypy --strict`` sees: response fields read ``T | None``, request models keep ``T | Unset``.

Each snippet is a small user program, checked as a user's code is (the SDK's own errors are not its concern,
hence ``follow_imports = silent``). A line marked ``# E: <code>`` must be an error with that code and every other
line must pass, so a snippet fails both when a promised error vanishes and when a clean line starts failing.
"""

import gc
import re
from pathlib import Path

import attrs
import pytest

import rotor_generated.models as models
from devtools.paths import SPEC
from devtools.spec_io import load_spec
from devtools.tolerant import REQUEST_MARK, tolerant_copy
from tests.collector import FULL_COLLECTION_EVERY
from tests.typecheck import strict_mypy

SNIPPETS = {
    # The example, with the None check any Optional needs; with `str | Unset`, `is not None` narrows nothing.
    "upsert_then_retrieve": """
from rotor import Rotor

def main(client: Rotor) -> None:
    result = client.customers.create_or_update(first_name="Jane", email="jane@example.com")
    if result.id is not None:
        customer = client.customers.retrieve(result.id)
        print(customer.email)
""",
    "response_fields_read_optional": """
from rotor import Customer

def main(customer: Customer) -> None:
    email: str | None = customer.email
    city: str | None = customer.address.city if customer.address is not None else None
    known: str = customer.email  # E: assignment
""",
    # Leaving a field out of an upsert differs from sending null, so the request model keeps UNSET and refuses None.
    "request_models_keep_unset": """
from rotor import UNSET, CustomerUpsertParams, Rotor, Unset

def main(client: Rotor) -> None:
    params = CustomerUpsertParams(first_name="Jane")
    email: str | Unset = params.email
    assert email is UNSET
    client.customers.create_or_update(params)
    params.email = None  # E: assignment
""",
    # `required: [id]` on CustomerUpsertResult (ASSUMPTION A18): the README's own example, exactly as written.
    "retrieve_the_upserted_id_unchecked": """
from rotor import Rotor

def main(client: Rotor) -> None:
    result = client.customers.create_or_update(first_name="Jane")
    client.customers.retrieve(result.id)
""",
    # A listed record's id is `str` (`required: [id]`, ASSUMPTION A36): it reads straight back, sync and async.
    "retrieve_a_listed_record": """
from rotor import AsyncRotor, Rotor

def main(client: Rotor) -> None:
    page = client.customers.list(limit=1)
    client.customers.retrieve(page.data[0].id)
    leads = client.leads.list(limit=1)
    client.leads.retrieve(leads.data[0].id)
    for customer in page:
        client.customers.retrieve(customer.id)

async def amain(client: AsyncRotor) -> None:
    page = await client.customers.list(limit=1)
    await client.customers.retrieve(page.data[0].id)
    leads = await client.leads.list(limit=1)
    await client.leads.retrieve(leads.data[0].id)
""",
    # Ids are taken as `str` or `uuid.UUID` wherever an id is taken; bytes are not an id.
    "ids_take_str_or_uuid": """
import uuid

from rotor import AsyncRotor, Rotor

def main(client: Rotor, some: uuid.UUID) -> None:
    client.customers.retrieve(some)
    client.leads.retrieve(str(some))
    client.customers.create_or_update(id=some, first_name="Jane")
    client.pins.list(pin_type_id=some)
    client.customers.retrieve(b"c1")  # E: arg-type

async def amain(client: AsyncRotor, some: uuid.UUID) -> None:
    await client.leads.retrieve(some)
""",
    # Raw views carry the methods' real signatures: a misspelled keyword is an error there too, sync and async.
    "raw_views_keep_signatures": """
from rotor import AsyncRotor, Rotor

def main(client: Rotor) -> None:
    raw = client.with_raw_response.customers.list(limit=5)
    total: int | None = raw.parse().total
    client.with_raw_response.customers.list(limt=5)  # E: call-arg
    client.with_raw_response.customers.retrieve(7)  # E: arg-type

async def amain(client: AsyncRotor) -> None:
    raw = await client.with_raw_response.customers.retrieve("c1", timeout=3)
    email: str | None = raw.parse().email
    await client.with_raw_response.customers.list(limt=5)  # E: call-arg
""",
}
KNOWN_GAPS: set[str] = set()
# The docs' own Python blocks (README.md and docs/) pass mypy --strict in tests/docs/test_examples.py.
_LINE = re.compile(
    r"^(?P<file>.+?\.py):(?P<line>\d+): (?P<kind>error|note): (?P<message>.*?)(?:  \[(?P<code>[\w-]+)\])?$"
)
Output = dict[str, list[tuple[int, str, str, str]]]  # snippet -> [(line, "error" or "note", code, message)]


def _request_models() -> set[str]:
    schemas = tolerant_copy(load_spec(SPEC))["components"]["schemas"]
    return {name for name, schema in schemas.items() if schema.get(REQUEST_MARK)}


def _models() -> list[type]:
    every = (getattr(models, name) for name in models.__all__)  # the package imports each model on first use
    return [cls for cls in every if isinstance(cls, type) and attrs.has(cls)]


def _reveal_snippet() -> tuple[str, dict[int, tuple[str, str]]]:
    """A program revealing every field of every generated model, and the (model, field) each line reveals."""
    lines = ["import rotor_generated.models as m"]
    revealed: dict[int, tuple[str, str]] = {}
    for cls in _models():
        lines += ["", "", f"def reveal_{cls.__name__}(x: m.{cls.__name__}) -> None:"]
        for field in attrs.fields(cls):
            if field.name != "additional_properties":
                lines.append(f"    reveal_type(x.{field.name})")
                revealed[len(lines)] = (cls.__name__, field.name)
    return "\n".join(lines) + "\n", revealed


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> Output:
    """One mypy run over every snippet: a cold run costs seconds."""
    tmp = tmp_path_factory.mktemp("typing")
    sources = {**SNIPPETS, "reveal_every_field": _reveal_snippet()[0]}
    for name, code in sources.items():
        (tmp / f"{name}.py").write_text(code)
    stdout = strict_mypy((tmp / f"{name}.py" for name in sources), tmp, "snippets")
    found: Output = {name: [] for name in sources}
    for raw in stdout.splitlines():
        if raw.startswith(("Found ", "Success: ")):
            continue
        match = _LINE.match(raw)
        assert match, f"unexpected mypy output: {raw}"
        name = Path(match["file"]).stem
        found[name].append((int(match["line"]), match["kind"], match["code"] or "", match["message"]))
    return found


def _expected_errors(code: str) -> set[tuple[int, str]]:
    return {
        (number, match[1])
        for number, line in enumerate(code.splitlines(), start=1)
        if (match := re.search(r"# E: ([\w-]+)$", line))
    }


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(strict=True, reason="CustomerUpsertResult.id is optional in the spec")]
            if name in KNOWN_GAPS
            else [],
        )
        for name in SNIPPETS
    ],
)
def test_snippet_type_checks_as_marked(name: str, mypy_output: Output) -> None:
    errors = {(line, code) for line, kind, code, _ in mypy_output[name] if kind == "error"}
    assert errors == _expected_errors(SNIPPETS[name]), mypy_output[name]


def test_the_check_leaves_the_collector_as_the_suite_set_it(mypy_output: Output) -> None:
    # mypy unfreezes everything and sets thresholds of its own, unless run through tests.typecheck
    assert gc.get_freeze_count() > 0 and gc.get_threshold()[2] == FULL_COLLECTION_EVERY


def test_no_response_field_mentions_unset(mypy_output: Output) -> None:
    _, revealed = _reveal_snippet()
    notes = mypy_output["reveal_every_field"]
    assert all(kind == "note" for _, kind, _, _ in notes), notes
    types = {revealed[line]: message for line, _, _, message in notes}
    assert len(types) == len(revealed) > 0
    requests = _request_models()
    assert requests == {"CustomerUpsertParams", "LeadUpsertParams"}
    for (model, field), message in types.items():
        cls = getattr(models, model)
        optional = attrs.fields_dict(cls)[field].default is not attrs.NOTHING
        if model in requests:
            assert "Unset" in message or not optional, (model, field, message)
        else:
            assert "Unset" not in message, (model, field, message)
            assert "None" in message or not optional, (model, field, message)

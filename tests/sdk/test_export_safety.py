"""An export checks everything before its first request and never destroys the file that was there (both clients)."""

from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

import rotor
from tests.conftest import Flavor

PREVIOUS = b'{"id": "from the last export"}\n'


def _export(flavor: Flavor, client: Any, path: Any, **options: Any) -> Any:
    return flavor.run(lambda: client.customers.export(path, **options))


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    path = tmp_path / "customers.jsonl"
    path.write_bytes(PREVIOUS)
    return path


def _untouched(previous: Path, *, resumable: bool = False) -> None:
    """The previous export is as it was; beside it, nothing (no page was written) or what a resume needs."""
    assert previous.read_bytes() == PREVIOUS
    leftovers = [f"{previous.name}.part", f"{previous.name}.part.json"] if resumable else []
    assert sorted(p.name for p in previous.parent.iterdir()) == sorted([previous.name, *leftovers])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"status": "gone"}, "status: must be one of"),
        ({"search": ""}, "search: must be a non-empty string"),
        ({"timeout": -1}, "timeout: must be a positive number"),
    ],
)
def test_bad_arguments_spend_nothing_and_keep_the_file(
    flavor: Flavor, router: respx.MockRouter, previous: Path, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(rotor.InvalidParameterError, match=message):
        _export(flavor, flavor.make(), previous, **options)
    assert len(router.calls) == 0
    _untouched(previous)


@pytest.mark.parametrize("concurrency", [0, -1, 33, 1.5, True])
def test_bad_concurrency_spends_nothing_and_keeps_the_file(
    router: respx.MockRouter, previous: Path, concurrency: object
) -> None:
    flavor = Flavor(is_async=True)
    with pytest.raises(rotor.InvalidParameterError, match="concurrency"):
        _export(flavor, flavor.make(), previous, concurrency=concurrency)
    assert len(router.calls) == 0
    _untouched(previous)


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing folder", "does not exist"),
        ("a directory", "is a directory"),
        ("unwritable folder", "cannot write '/proc/rotor-export.jsonl.part'"),
        ("not a path", "must be a str or os.PathLike"),
    ],
)
def test_an_unusable_path_fails_before_the_first_request(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path, where: str, message: str
) -> None:
    path = {
        "missing folder": tmp_path / "nope" / "c.jsonl",
        "a directory": tmp_path,
        "unwritable folder": Path("/proc/rotor-export.jsonl"),  # not writable even by root
        "not a path": 42,
    }[where]
    with pytest.raises(rotor.InvalidParameterError, match=message):
        _export(flavor, flavor.make(), path)
    assert len(router.calls) == 0


def _pages(request: httpx.Request) -> httpx.Response:
    if request.url.params["page"] == "1":
        data = [{"id": f"c{i}"} for i in range(1000)]
        return httpx.Response(200, json={"data": data, "pagination": {"page": 1, "limit": 1000, "total": 1500}})
    return httpx.Response(503)


def test_a_failed_export_leaves_the_previous_file(flavor: Flavor, router: respx.MockRouter, previous: Path) -> None:
    route = router.get("/customers").mock(side_effect=_pages)
    with pytest.raises(rotor.InternalServerError) as failed:
        _export(flavor, flavor.make(max_retries=0), previous)
    assert route.call_count == 2
    _untouched(previous, resumable=True)
    partial = rotor.partial_export(failed.value)
    assert (
        partial is not None and partial.written == 1000 and partial.part == previous.with_name("customers.jsonl.part")
    )
    assert "resume=True" in str(failed.value.__notes__)


def test_an_interrupted_export_leaves_the_previous_file(
    flavor: Flavor, router: respx.MockRouter, previous: Path
) -> None:
    def interrupt(request: httpx.Request) -> httpx.Response:
        if request.url.params["page"] == "2":
            raise KeyboardInterrupt  # Ctrl-C in the middle of the export
        return _pages(request)

    router.get("/customers").mock(side_effect=interrupt)
    with pytest.raises(KeyboardInterrupt):
        _export(flavor, flavor.make(), previous)
    _untouched(previous, resumable=True)


def test_a_failure_before_any_page_is_written_leaves_nothing_beside_the_file(
    flavor: Flavor, router: respx.MockRouter, previous: Path
) -> None:
    router.get("/customers").respond(503)
    with pytest.raises(rotor.InternalServerError) as failed:
        _export(flavor, flavor.make(max_retries=0), previous)
    _untouched(previous)
    assert rotor.partial_export(failed.value) is None


def test_a_complete_export_replaces_the_file(flavor: Flavor, router: respx.MockRouter, previous: Path) -> None:
    data = [{"id": f"c{i}"} for i in range(3)]
    router.get("/customers").respond(200, json={"data": data, "pagination": {"page": 1, "limit": 1000, "total": 3}})
    assert _export(flavor, flavor.make(), previous).written == 3
    assert previous.read_bytes().count(b"\n") == 3
    assert sorted(p.name for p in previous.parent.iterdir()) == [previous.name]


def test_a_second_export_to_the_same_file_is_refused_while_one_runs(
    flavor: Flavor, router: respx.MockRouter, previous: Path
) -> None:
    from rotor import _files

    running = _files.open_part(previous.with_name("customers.jsonl.part"), keep_bytes=None)  # holds the lock
    try:
        with pytest.raises(rotor.InvalidParameterError, match="another export is writing"):
            _export(flavor, flavor.make(), previous)
    finally:
        running.close()
    assert len(router.calls) == 0
    assert previous.read_bytes() == PREVIOUS


def test_a_refused_export_keeps_an_earlier_partial_export_resumable(
    flavor: Flavor, router: respx.MockRouter, previous: Path
) -> None:
    router.get("/customers").mock(side_effect=_pages)
    with pytest.raises(rotor.InternalServerError):
        _export(flavor, flavor.make(max_retries=0), previous)  # 1000 records kept in the .part
    part = previous.with_name("customers.jsonl.part")
    kept = part.read_bytes()
    with pytest.raises(rotor.RequestBudgetExceeded):
        _export(flavor, flavor.make(), previous, max_requests=1)  # a fresh run, refused after its first page
    assert part.read_bytes() == kept and part.with_name("customers.jsonl.part.json").exists()
    _untouched(previous, resumable=True)


def test_an_export_to_a_symlink_writes_where_it_points(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path
) -> None:
    data = [{"id": f"c{i}"} for i in range(3)]
    router.get("/customers").respond(200, json={"data": data, "pagination": {"page": 1, "limit": 1000, "total": 3}})
    real = tmp_path / "real.jsonl"
    real.write_bytes(PREVIOUS)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    _export(flavor, flavor.make(), link)
    assert link.is_symlink() and real.read_bytes().count(b"\n") == 3

"""Printing records: a Rich table on a terminal, JSON when piped, or what ``--format`` asks for.

Records are the SDK's models; every machine format is built from their ``to_dict()``, so JSON output is exactly
what the SDK holds (the table alone is chosen for reading).
"""

from __future__ import annotations

import contextlib
import csv
import enum
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

import orjson
from attrs import frozen

from rotor._formats import ExportFormat, open_rows, row_of

# Rich draws tables and progress bars only: imported where one is drawn, so JSON, JSON Lines and CSV output (what
# scripts read) start without it.
if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from rotor._export import ExportProgress


class Format(enum.StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def is_terminal() -> bool:
    return sys.stdout.isatty()


def choose(fmt: Format | None) -> Format:
    """The asked format, else a table on a terminal and JSON when stdout is piped or redirected."""
    if fmt is not None:
        return fmt
    return Format.table if is_terminal() else Format.json


# A table on a terminal shows a screenful unless --limit or --all says otherwise (as gh shows 30): drawing a
# thousand rows scrolls away everything but the last screen. The lines around the rows: the table's top border,
# header, rule and bottom border, its caption, and the shell's prompt before and after.
SCREENFUL_MAX = 30
TABLE_CHROME = 7


def screenful() -> int:
    """Rows that fit the terminal's height (``$LINES`` when set), at most ``SCREENFUL_MAX``."""
    return max(5, min(SCREENFUL_MAX, console_factory().height - TABLE_CHROME))


# Wide enough for a table of records when stdout is a file or pipe (a terminal gives its own width).
PIPED_WIDTH = 160
# From this width on, columns get their min_width (a whole id); a narrower terminal wraps them instead of cropping.
WIDE = 140


def _console() -> Console:
    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console.width = max(console.width, PIPED_WIDTH)
    return console


# The console tables are printed on. scripts/cli-screenshots swaps in a recording one (Console(record=True)).
console_factory: Callable[[], Console] = _console


@frozen
class Column:
    header: str
    value: Callable[[Any], object]  # record -> cell (None prints as empty)
    style: str | None = None
    no_wrap: bool = False
    min_width: int | None = None
    overflow: Literal["fold", "ellipsis"] = "fold"  # a long value wraps anywhere rather than lose its end


def counted(n: int, noun: str) -> str:
    """``1 page``, ``2 pages``: a count and its noun, singular for exactly one."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def _json_line(data: object) -> str:
    return orjson.dumps(data).decode()


def records(
    items: Iterable[Any], fmt: Format, columns: Sequence[Column], *, title: str | None = None, caption: str = ""
) -> None:
    """Print records; JSON Lines and CSV are streamed (a row per record as it arrives), the others collected.

    The rows are an export's (``rotor._formats``): every field of the model in its order, null where absent, CSV
    with the same stable columns as ``export``'s, so ``list -f csv`` and ``export --out f.csv`` agree."""
    if fmt in (Format.jsonl, Format.csv):
        stream = iter(items)
        first = next(stream, None)
        if first is None:
            return
        sys.stdout.flush()
        rows = open_rows(
            sys.stdout.buffer, ExportFormat("jsonl" if fmt is Format.jsonl else "csv"), type(first), header=True
        )
        for item in itertools.chain([first], stream):
            rows.write(item)
        rows.close()
        return
    if fmt is Format.json:
        sys.stdout.write(orjson.dumps([row_of(i) for i in items], option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    console = console_factory()
    wide = console.width >= WIDE  # room for every column's minimum; narrower, Rich shares what there is
    cells = [[cell(column.value(item)) for column in columns] for item in items]
    shown = _fitting(columns, cells, console.width)
    hidden = [column.header for column in columns if column not in shown]
    if hidden:
        note = f"{len(hidden)} column{'' if len(hidden) == 1 else 's'} hidden at this width ({', '.join(hidden)})"
        caption = "; ".join(filter(None, [caption, note]))
    from rich.table import Table

    table = Table(title=title, caption=caption or None, header_style="bold", caption_justify="left")
    for column in shown:
        whole = column.header == ID_HEADER
        table.add_column(
            column.header,
            style=column.style,
            no_wrap=column.no_wrap or whole,
            min_width=column.min_width if wide or whole else None,
            overflow=column.overflow,
        )
    for row in cells:
        table.add_row(*(value for column, value in zip(columns, row, strict=True) if column in shown))
    console.print(table)


# The column users copy ids from (`rotor customers get ID`): never wrapped or cut, whatever the width.
ID_HEADER = "ID"
# Narrower than this, a wrapped column is unreadable (a letter or two a line); better to leave it out.
NARROWEST = 8


def _fitting(columns: Sequence[Column], rows: list[list[str]], width: int) -> list[Column]:
    """The columns that fit ``width`` with the id whole: the last ones in reading order (but the first and the id)
    are left out until the rest fit, as gh drops columns on a narrow terminal rather than wrap ids."""

    def need(index: int) -> int:
        column = columns[index]
        longest = max([len(column.header), *(len(row[index]) for row in rows)])
        if column.no_wrap or column.header == ID_HEADER:
            return longest
        return min(longest, max(len(column.header), column.min_width or 0, NARROWEST))

    kept = list(range(len(columns)))
    droppable = [i for i in kept[1:] if columns[i].header != ID_HEADER]
    # A table of n columns takes 3n + 1 characters beyond its cells: a border and a space either side of each.
    while droppable and sum(need(i) for i in kept) + 3 * len(kept) + 1 > width:
        kept.remove(droppable.pop())
    return [columns[i] for i in kept]


def mapping(data: dict[str, Any], fmt: Format, *, title: str | None = None) -> None:
    """Print one object: a two-column table, or as JSON, one JSON line or a one-row CSV."""
    if fmt is Format.json:
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
    elif fmt is Format.jsonl:
        sys.stdout.write(_json_line(data) + "\n")
    elif fmt is Format.csv:
        write_csv([data])
    else:
        from rich.table import Table

        table = Table(title=title, show_header=False, box=None, padding=(0, 2, 0, 0))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for key, value in _flat(data):
            table.add_row(key, cell(value))
        console_factory().print(table)


def _flat(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, object]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def write_csv(rows: list[dict[str, Any]]) -> None:
    """Flat columns (``address.city``), in first-seen order; lists joined with commas."""
    flat = [dict(_flat(row)) for row in rows]
    header: dict[str, None] = {}
    for row in flat:
        header.update(dict.fromkeys(row))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    for row in flat:
        writer.writerow([cell(row.get(name)) for name in header])


def _stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


# Where the progress bar draws (stderr), and who sees each frame: replaced by scripts/cli-screenshots, which
# saves a frame of the real bar as the README's picture.
progress_console_factory: Callable[[], Console] = _stderr_console
on_progress_frame: Callable[[Progress], None] | None = None


@contextlib.contextmanager
def export_progress(what: str) -> Iterator[Callable[[ExportProgress], None] | None]:
    """A progress bar on stderr fed by an export's ``progress`` callback: records written, pages, requests spent
    and the requests the plan still needs. Only on a terminal: piped or redirected, it yields None (no output)."""
    console = progress_console_factory()
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn(f"exporting {what}"),
        BarColumn(),
        # One text field, counted in words here: a format string cannot choose "1 page" over "2 pages".
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("export", total=None, counts="starting", pages=0)  # pages: for cli_screenshots

        def update(step: ExportProgress) -> None:
            bar.update(
                task,
                completed=step.requests,
                total=step.requests + step.planned_requests,
                pages=step.pages,  # not drawn: for whoever watches the frames (scripts/cli-screenshots)
                counts=f"{step.written:,} written, {counted(step.pages, 'page')}, "
                f"{counted(step.requests, 'request')} spent, {step.planned_requests} planned",
            )
            if on_progress_frame is not None:
                on_progress_frame(bar)

        yield update

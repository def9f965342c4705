"""Response decoders: the model a success body is, and what the method returns from it.

One factory per response shape, parameterised by the generated models, so a new operation adds a line, not a
function. The envelopes of lists and single records are strict (a misfit raises rather than decoding to an empty
page); each factory registers its envelope as strict where the decoder is made, so none can be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

import attrs

from rotor._decode import Malformed, register_strict
from rotor_generated.models import Pagination

M = TypeVar("M")
R = TypeVar("R")
ItemT = TypeVar("ItemT")
ItemT_co = TypeVar("ItemT_co", covariant=True)


@attrs.frozen
class Decoder(Generic[M, R]):
    """``model`` is what the body decodes to; ``finish`` turns it into what the method returns."""

    model: type[M]
    finish: Callable[[M], R]


class ListEnvelope(Protocol[ItemT_co]):
    """``{data: [...], pagination: {...}}``: what every paginated list answers."""

    @property
    def data(self) -> Sequence[ItemT_co] | None: ...

    @property
    def pagination(self) -> Pagination | None: ...


class RecordEnvelope(Protocol[ItemT_co]):
    """``{data: {...}}``: what a retrieve answers."""

    @property
    def data(self) -> ItemT_co | None: ...


PageParts = tuple[list[ItemT], Pagination]


def page(envelope: type[ListEnvelope[ItemT]]) -> Decoder[ListEnvelope[ItemT], PageParts[ItemT]]:
    """A list answer: its items and pagination (absent ones read as an empty page with unknown totals)."""
    register_strict(envelope)

    def finish(body: ListEnvelope[ItemT]) -> PageParts[ItemT]:
        return ([] if body.data is None else list(body.data)), (
            Pagination() if body.pagination is None else body.pagination
        )

    return Decoder(envelope, finish)


class ItemsEnvelope(Protocol[ItemT_co]):
    """``{data: [...]}``: a list that is not paginated."""

    @property
    def data(self) -> Sequence[ItemT_co] | None: ...


def items(envelope: type[ItemsEnvelope[ItemT]]) -> Decoder[ItemsEnvelope[ItemT], list[ItemT]]:
    """A whole list in one answer (no pagination): its items (none when ``data`` is absent)."""
    register_strict(envelope)

    def finish(body: ItemsEnvelope[ItemT]) -> list[ItemT]:
        return [] if body.data is None else list(body.data)

    return Decoder(envelope, finish)


def record(envelope: type[RecordEnvelope[ItemT]]) -> Decoder[RecordEnvelope[ItemT], ItemT]:
    """A single-record answer: the record, which must be there."""
    register_strict(envelope)

    def finish(body: RecordEnvelope[ItemT]) -> ItemT:
        if body.data is None:
            raise Malformed(f"{envelope.__name__}.data", None, "a record", got="nothing")
        return body.data

    return Decoder(envelope, finish)


def _same(model: Any) -> Any:
    return model


def whole(model: type[M]) -> Decoder[M, M]:
    """An answer that is itself the result (an upsert's result, the auth check)."""
    return Decoder(model, _same)

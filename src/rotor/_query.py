"""The one query type every list operation uses: its checked filters, as the generated builder takes them, and
the page to fetch."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from rotor import _constants
from rotor._validation import int_in
from rotor_generated.types import UNSET


@attrs.frozen
class ListQuery:
    filters: Mapping[str, Any]
    limit: int
    page: int

    def given(self) -> dict[str, Any]:
        """The filters the caller set (the builders take every one, unset ones as ``UNSET``)."""
        return {name: value for name, value in self.filters.items() if value is not None and value is not UNSET}

    @property
    def filtered(self) -> bool:
        """Narrowed by anything but ``archived``: a record can enter or leave the set by changing."""
        return any(name != "archived" for name in self.given())

    def to_kwargs(self) -> dict[str, Any]:
        return {**self.filters, "limit": self.limit, "page": self.page}

    def at_page(self, page: int) -> ListQuery:
        return attrs.evolve(self, page=page)

    def with_limit(self, limit: int) -> ListQuery:
        return attrs.evolve(self, limit=limit)


def list_query(*, limit: int | None, page: int, **filters: Any) -> ListQuery:
    """Checks ``limit`` and ``page``; ``filters`` are already checked by the resource's own argument checks."""
    return ListQuery(
        filters=filters,
        # No limit given: the largest page, so a full iteration costs ceil(total / 1000) requests.
        limit=_constants.MAX_LIMIT
        if limit is None
        else int_in("limit", limit, _constants.MIN_LIMIT, _constants.MAX_LIMIT),
        page=int_in("page", page, _constants.MIN_PAGE, _constants.MAX_PAGE),
    )

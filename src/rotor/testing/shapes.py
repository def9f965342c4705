"""What the mock needs to know of an operation to serve it: a row of the rendered ``rotor.testing.routes``."""

from typing import NamedTuple


class Route(NamedTuple):
    shape: str  # paginated_list, whole_list, retrieve, upsert or call (devtools/sdk_spec.py: Shape)
    scope: str | None  # the scope a key needs; None: any valid key
    store: str | None  # the resource whose records it works on; None for a call

"""Contract checks of an API against spec/openapi.yaml, in one package (``scripts/contract`` runs ``__main__``).

* ``live``: read-only probes of the real API within a request budget (``--live``);
* ``mock``: the main job's checks against the built-in mock (schemathesis, generated-client smoke test);
* ``runner``: the schemathesis CLI against a served API, shared by both and by the planted-bug tests.
"""

"""The SPARQL endpoint and Linked Data server (``unsckg.server``).

Entry points: :func:`unsckg.server.app.create_app` (a FastAPI app for one store, every setting
injected through :class:`unsckg.server.settings.ServerSettings`) and
:func:`unsckg.server.app.run` (serve it, in one or several HTTP processes).

How a query is answered, and why:

* ``protocol`` parses the SPARQL 1.1 Protocol request (GET, POST form, POST
  ``application/sparql-query``), ``negotiation`` picks the result format from ``Accept``
  (q-values) or ``format=``. ``guard`` refuses, in the worker and before pyoxigraph sees the
  text, queries nested too deeply to evaluate and every ``SERVICE``/``LOAD`` whose target is
  not exactly an allow-listed endpoint, deciding on rdflib's parse of the query (pyoxigraph's
  built-in HTTP client would otherwise connect wherever a query says); the event loop only
  runs linear substring tests.
* pyoxigraph has no timeout or cancellation and its results cannot move between threads, so
  queries run in worker processes (``worker``, managed by ``pool``) that hold the store open
  read-only and are killed at the time limit or when the client disconnects; updates go to a
  single writer process started per update. Workers also live in an empty network namespace
  where the kernel allows it, a second wall behind the guard (``isolation``: without it an
  allow-list needs ``unsafe_network``).
* A worker serialises the whole result before the status line is sent (inline, or into a
  spool file streamed with flat memory), so a limit always yields an error status (504, 507),
  never a truncated 200.
* Single-pattern queries (point look-ups) run in the HTTP process under a small CPU budget
  and fall back to the pool when they outgrow it (``inline``): the hand-off to a worker costs
  more than such a query.
* ``linked_data`` serves ``/id/{kind}/{key}``, ``/ontology`` and ``/graphs`` by negotiation
  (HTML through the pages package), ``service_description`` the SPARQL Service Description,
  ``cors`` and ``accesslog`` the cross-cutting layers, ``errors`` the one JSON error shape.
"""

"""A query process: holds the store open and answers one request at a time.

Run as ``python -m unsckg.server.worker --fd N --store DIR --spool DIR [--writer]``, by
:mod:`unsckg.server.pool` only. Why processes: pyoxigraph has no query timeout or
cancellation, and its results may not be touched from another thread (doing so aborts the
whole interpreter), so the only way to really stop a runaway query is to kill the process
running it. A reader opens the store read-only; the single writer (``--writer``) opens it
read-write and only ever runs updates.

Each request produces its complete serialisation before replying: small results travel back
inline, large ones are spooled to a file the HTTP process streams and deletes. This is what
lets the endpoint send an error status when a limit is hit, instead of a truncated 200.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from typing import IO, Any, BinaryIO, cast

from unsckg.server.errors import (
    BadRequest,
    EndpointError,
    InternalError,
    MalformedQuery,
    NotAcceptable,
    NotFound,
    ResultTooLarge,
    ServiceFailed,
)
from unsckg.server.guard import Vetted, vet
from unsckg.server.wire import Message, recv_blocking, send_blocking

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_PR_SET_PDEATHSIG = 1
CLOCK_AFTER = 8192  # bytes of inline output before its CPU clock is read (a system call)
STACK_BYTES = 512 * 1024 * 1024  # address space, touched only as deep as a query recurses


def isolate_network() -> bool:
    """Move this process into an empty network namespace, as a second wall behind the
    lexical SERVICE guard: a query that slipped past it would find no network at all.

    Must run before any thread starts. Returns False where the kernel refuses (no user
    namespaces in some containers); the guard alone then stands.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0)
    except (OSError, AttributeError):
        return False


def die_with_parent() -> None:
    """Ask the kernel to kill this process when the HTTP process dies, even mid-query (a
    worker only notices a closed socket between queries)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


class _ResultLimit(Exception):
    """Raised from inside pyoxigraph's serialiser when the result outgrows the limit."""


class OverBudget(Exception):
    """Raised from inside the serialiser when an inline run outgrows its time or size budget."""


class Spool:
    """A write-only sink for pyoxigraph's serialisers: memory up to ``inline`` bytes, then a
    file in ``directory``; refuses to grow past ``limit`` bytes.

    With a ``budget`` (inline runs), it also raises :class:`OverBudget` past ``inline`` bytes
    or ``budget`` seconds of this thread's CPU time, counted from the first
    :data:`CLOCK_AFTER` bytes: reading that clock is a system call, which a point query's
    small result never pays, and a single-pattern query's work before its first kilobytes of
    output is bounded by them (see :mod:`unsckg.server.inline`)."""

    def __init__(
        self, inline: int, limit: int, directory: str, budget: float | None = None
    ) -> None:
        self.inline, self.limit, self.directory = inline, limit, directory
        self.budget = budget
        self.deadline: float | None = None
        self.chunks: list[bytes] = []  # pyoxigraph's own bytes objects, kept without a copy
        self.file: IO[bytes] | None = None
        self.size = 0

    def _over_budget(self) -> bool:
        if self.size > self.inline:
            return True
        if self.size <= CLOCK_AFTER or self.budget is None:
            return False
        now = time.thread_time()
        if self.deadline is None:
            self.deadline = now + self.budget
        return now > self.deadline

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.budget is not None and self._over_budget():
            raise OverBudget
        if self.size > self.limit:
            raise _ResultLimit
        if self.file is not None:
            self.file.write(data)
        else:
            self.chunks.append(bytes(data))  # a copy only if it was not bytes already
            if self.size > self.inline:
                self.file = tempfile.NamedTemporaryFile(  # noqa: SIM115 - handed over by path
                    dir=self.directory, prefix="result-", delete=False
                )
                self.file.writelines(self.chunks)
                self.chunks = []
        return len(data)

    def flush(self) -> None:
        """pyoxigraph flushes its writer; nothing to do until :meth:`finish`."""

    def finish(self, reply: Message) -> Message:
        if self.file is None:
            chunks = self.chunks
            reply["body"] = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        else:
            self.file.close()
            reply["path"] = self.file.name
        reply["size"] = self.size
        return reply

    def discard(self) -> None:
        if self.file is not None:
            self.file.close()
            os.unlink(self.file.name)


def service_failure(found: Vetted, error: BaseException) -> str:
    """One line saying which SERVICE endpoint failed and how (pyoxigraph's own reason: refused
    connection, closed connection, an HTTP error status, an unreadable answer)."""
    targets = sorted({iri or "(a variable or prefixed name)" for _, iri in found.network})
    reason = " ".join(str(error).split())[:300] or type(error).__name__
    if len(targets) == 1:
        return f"the SERVICE endpoint <{targets[0]}> failed: {reason}"
    return f"a SERVICE endpoint ({', '.join(targets)}) failed: {reason}"


class Handler:
    """Executes requests against one open store."""

    def __init__(self, store: Any, spool_dir: str, budget: float | None = None) -> None:
        import pyoxigraph as ox

        self.ox = ox
        self.store = store
        self.spool_dir = spool_dir
        self.budget = budget
        self.result_formats = {
            "json": ox.QueryResultsFormat.JSON,
            "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV,
            "tsv": ox.QueryResultsFormat.TSV,
        }
        self.graph_formats = {
            "turtle": ox.RdfFormat.TURTLE,
            "ntriples": ox.RdfFormat.N_TRIPLES,
            "rdfxml": ox.RdfFormat.RDF_XML,
            "jsonld": ox.RdfFormat.JSON_LD,
            "trig": ox.RdfFormat.TRIG,
            "nquads": ox.RdfFormat.N_QUADS,
        }

    def handle(self, request: Message) -> Message:
        op = request["op"]
        if op == "query":
            return self.query(request)
        if op == "dump":
            return self.dump(request)
        if op == "stats":
            return self.stats()
        if op == "update":
            return self.update(request)
        if op == "vet":
            vet(request["update"], tuple(request.get("allow") or ()), update=True, need_from=False)
            return {"ok": True}
        raise BadRequest(f"unknown operation {op!r}")

    def _nodes(self, iris: list[str] | None) -> list[Any] | None:
        if iris is None:
            return None
        try:
            return [self.ox.NamedNode(iri) for iri in iris]
        except ValueError as error:
            raise BadRequest(f"invalid graph IRI: {error}") from None

    def _dataset(self, request: Message) -> dict[str, Any]:
        default, named = self._nodes(request.get("dg")), self._nodes(request.get("ng"))
        if default is None and named is None:
            return {"use_default_graph_as_union": bool(request.get("union"))}
        # The protocol dataset replaces FROM / FROM NAMED entirely (SPARQL 1.1 Protocol 2.1.4).
        return {"default_graph": default or [], "named_graphs": named or []}

    def query(self, request: Message) -> Message:
        union = bool(request.get("union"))
        allow = tuple(request.get("allow") or ())
        # "single": the HTTP process found it a single-pattern query (guard.single_pattern),
        # which has no nesting, no FROM and nothing that could name the network: nothing to vet.
        single = request.get("single")
        found = Vetted() if single else vet(request["query"], allow, update=False, need_from=union)
        try:
            return self._evaluate(request, found)
        except (OSError, RuntimeError) as error:
            if not found.network:
                raise
            # Reached only with allowed targets (vet refused the rest): the store is local
            # and read-only, so a failure now is the remote endpoint's or the network's.
            raise ServiceFailed(service_failure(found, error)) from None

    def _evaluate(self, request: Message, found: Vetted) -> Message:
        union = bool(request.get("union"))
        dataset = self._dataset({**request, "union": union and not found.has_from})
        try:
            result = self.store.query(request["query"], **dataset)
        except SyntaxError as error:
            raise MalformedQuery(str(error)) from None
        formats: dict[str, Any]
        if isinstance(result, self.ox.QueryTriples):
            kind, key, formats = "graph", request.get("gf"), self.graph_formats
        else:
            kind = "boolean" if isinstance(result, self.ox.QueryBoolean) else "results"
            key, formats = request.get("rf"), self.result_formats
        if key is None:
            raise NotAcceptable(f"no acceptable format for a {kind} result")
        reply: Message = {"kind": kind, "format": key}
        return self._produce(lambda out: result.serialize(out, formats[key]), request, reply)

    def _produce(
        self, write: Callable[[IO[bytes]], object], request: Message, reply: Message
    ) -> Message:
        # The budget counts this thread's CPU time, not wall time: being preempted on a busy
        # machine is not work, and must not send a cheap query to the pool.
        spool = Spool(request["inline"], request["max"], self.spool_dir, self.budget)
        try:
            write(spool)  # type: ignore[arg-type]  # a write-only file for pyoxigraph
        except _ResultLimit:
            spool.discard()
            raise ResultTooLarge(
                f"the result exceeds {request['max']} bytes; narrow the query or add LIMIT"
            ) from None
        except BaseException:
            spool.discard()
            raise
        reply["ok"] = True
        return spool.finish(reply)

    def dump(self, request: Message) -> Message:
        """A graph for the Graph Store Protocol; no name means the (union) default graph."""
        fmt = self.graph_formats[request["gf"]]
        reply: Message = {"kind": "graph", "format": request["gf"]}
        graph = request.get("graph")
        if graph is None and request.get("union"):
            result = self.store.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
            )
            return self._produce(lambda out: result.serialize(out, fmt), request, reply)
        if graph is None:
            default = self.ox.DefaultGraph()
            return self._produce(
                lambda out: self.store.dump(out, fmt, from_graph=default), request, reply
            )
        (node,) = self._nodes([graph]) or []
        if not self.store.contains_named_graph(node):
            raise NotFound(f"no graph named <{graph}>")
        return self._produce(lambda out: self.store.dump(out, fmt, from_graph=node), request, reply)

    def stats(self) -> Message:
        graphs = sum(1 for _ in self.store.named_graphs())
        return {"ok": True, "triples": len(self.store), "graphs": graphs}

    def update(self, request: Message) -> Message:
        vet(request["update"], tuple(request.get("allow") or ()), update=True, need_from=False)
        try:
            self.store.update(request["update"])
        except SyntaxError as error:
            raise MalformedQuery(str(error)) from None
        self.store.flush()
        return {"ok": True}


def _answer(handler: Handler, request: Message) -> Message:
    try:
        return handler.handle(request)
    except EndpointError as error:
        return {"ok": False, "code": error.code, "message": error.message}
    except OSError as error:
        # pyoxigraph reports evaluation failures (a failing SERVICE, a store error) as OSError.
        return {"ok": False, "code": InternalError.code, "message": f"query failed: {error}"}
    except Exception as error:
        print(f"worker: {type(error).__name__}: {error}", file=sys.stderr)
        return {"ok": False, "code": InternalError.code, "message": "internal error"}


def serve(sock: socket.socket, handler: Handler) -> None:
    with cast(BinaryIO, sock.makefile("rb", buffering=65536)) as stream:
        while (request := recv_blocking(stream)) is not None:
            send_blocking(sock, _answer(handler, request))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="unsckg.server.worker")
    parser.add_argument("--fd", type=int)
    parser.add_argument("--store")
    parser.add_argument("--spool")
    parser.add_argument("--writer", action="store_true")
    parser.add_argument("--isolate-network", action="store_true")
    parser.add_argument("--probe-isolation", action="store_true")
    parser.add_argument("--preload-parser", action="store_true")
    args = parser.parse_args(argv)
    if args.probe_isolation:  # see unsckg.server.isolation
        return 0 if isolate_network() else 3
    if args.fd is None or args.store is None or args.spool is None:
        parser.error("--fd, --store and --spool are required")
    die_with_parent()
    isolated = isolate_network() if args.isolate_network else False
    if args.preload_parser:
        preload_parser()
    import pyoxigraph as ox

    sock = socket.socket(fileno=args.fd)
    try:
        store = ox.Store(args.store) if args.writer else ox.Store.read_only(args.store)
    except OSError as error:
        send_blocking(sock, {"ok": False, "code": "store_unavailable", "message": str(error)})
        return 1
    send_blocking(sock, {"ok": True, "pid": os.getpid(), "isolated": isolated})
    run_with_large_stack(lambda: serve(sock, Handler(store, args.spool)))
    return 0


def preload_parser() -> None:
    """Import and warm rdflib's SPARQL grammar (seconds on a busy machine) while the worker
    starts, so that the first federated query's time limit is not spent on it."""
    with contextlib.suppress(Exception):
        vet(
            "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }",
            (),
            update=False,
            need_from=False,
        )


def run_with_large_stack(work: Callable[[], None]) -> None:
    """Run ``work`` on a thread with a large stack: pyoxigraph's parser and evaluator recurse
    per nesting level, and :func:`unsckg.server.guard.check_depth` keeps queries far below
    what this stack holds, so that a query the check misjudges times out rather than
    overflowing the stack (which kills the process). All pyoxigraph calls stay on this one
    thread, as its results require."""
    threading.stack_size(STACK_BYTES)
    thread = threading.Thread(target=work, name="queries")
    thread.start()
    thread.join()


if __name__ == "__main__":
    sys.exit(main())

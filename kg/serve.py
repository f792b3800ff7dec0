"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a build's embedded store.

The HTTP server is Oxigraph's own (``oxigraph serve-read-only``, from the ``oxigraph`` package
on PyPI), run on ``OUT/store`` with the options kg's users need: the default graph as the union
of all graphs (as ``kg query`` sees it), CORS for browser clients such as YASGUI, and a query
timeout. It answers ``GET``/``POST /query`` with content negotiation (SPARQL results as JSON,
XML, CSV or TSV; Turtle, N-Triples, JSON-LD or RDF/XML for CONSTRUCT and DESCRIBE) and refuses
every update and Graph Store write with ``403 Forbidden``. When a new build replaces the folder,
the server is restarted on the new store.

>>> serve_command(Path("outputs"), "127.0.0.1", 7878, timeout=30, binary="oxigraph")[:4]
['oxigraph', 'serve-read-only', '--location', 'outputs/store']
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from kg.outdir import MANIFEST
from kg.store import STORE

__all__ = ["ServeError", "oxigraph_binary", "serve", "serve_command"]


class ServeError(Exception):
    """The endpoint cannot start: the message says why and what to do."""


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: on PATH, or beside the running Python (a venv's bin)."""
    found = shutil.which("oxigraph")
    if found:
        return found
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    raise ServeError(
        "the oxigraph server is not installed; install kg's dependencies (`pip install oxigraph`)"
    )


def serve_command(out: Path, host: str, port: int, *, timeout: float, binary: str) -> list[str]:
    """The command line of the Oxigraph server for the build in ``out``."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        binary,
        "serve-read-only",
        "--location",
        str(out / STORE),
        "--bind",
        bind,
        "--union-default-graph",
        "--cors",
        "--timeout-s",
        f"{timeout:g}",
    ]


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def _build_id(out: Path) -> tuple[int, int, int] | None:
    """What changes when a build replaces ``out``: its manifest's inode, time and size."""
    try:
        st = (out / MANIFEST).stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


class _Server:
    """One oxigraph process, its messages relayed to our stderr (the last ones kept)."""

    def __init__(self, command: list[str]) -> None:
        self.proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        self.tail: deque[str] = deque(maxlen=5)
        self._relay = threading.Thread(target=self._relay_lines, daemon=True)
        self._relay.start()

    def _relay_lines(self) -> None:
        assert self.proc.stderr is not None
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace")
            self.tail.append(line.strip())
            sys.stderr.write(line)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._relay.join(timeout=5)
        if self.proc.stderr is not None:
            self.proc.stderr.close()


def serve(
    out: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 30.0,
    on_ready: Callable[[str], None] | None = None,
    on_reload: Callable[[str], None] | None = None,
    poll: float = 0.5,
) -> int:
    """Serve ``out/store`` until the server stops, Ctrl-C or SIGTERM; returns the exit code
    (130 after Ctrl-C, 0 after SIGTERM, else the server's own). ``on_ready`` gets the endpoint's
    URL once it accepts connections.

    When a new build replaces ``out`` (its manifest changes and the build is whole), the server
    is restarted on the new store, and ``on_reload`` is called: the old store's files are gone
    once the build swapped them out, so an old server could not go on reading them."""
    from kg.outdir import check

    if not (out / STORE).is_dir():
        raise ServeError(
            f"{out / STORE}: this build has no store; rebuild it with `kg build ... --out {out}`"
        )
    if _answers(host, port):
        raise ServeError(f"{host}:{port} is already in use; choose another --port")
    command = serve_command(out, host, port, timeout=timeout, binary=oxigraph_binary())
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/query"
    stopping: int | None = None  # the signal that stops the server
    server: _Server | None = None

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = signum
        if server is not None and server.proc.poll() is None:
            server.proc.terminate()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        first = True
        while stopping is None:
            build = _build_id(out)
            server = _Server(command)
            deadline = time.monotonic() + 30
            while server.proc.poll() is None and not _answers(host, port) and stopping is None:
                if time.monotonic() > deadline:
                    raise ServeError(f"the oxigraph server did not answer on {host}:{port} within 30 s")
                time.sleep(0.05)
            if server.proc.poll() is not None and stopping is None:
                server.stop()
                message = " ".join(server.tail) or f"exit code {server.proc.returncode}"
                raise ServeError(f"the oxigraph server stopped: {message}")
            if stopping is None:
                callback = on_ready if first else on_reload
                if callback is not None:
                    callback(url)
            first = False
            reload = False
            while server.proc.poll() is None and stopping is None:
                time.sleep(poll)
                if _build_id(out) != build and (out / STORE).is_dir() and not check(out):
                    reload = True
                    break
            server.stop()
            if not reload and stopping is None:
                return server.proc.returncode
        return 130 if stopping == signal.SIGINT else 0
    finally:
        if server is not None:
            server.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)

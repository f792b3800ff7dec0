"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a build's embedded store.

The HTTP server is Oxigraph's own (``oxigraph serve-read-only``, from the ``oxigraph`` package
on PyPI), run on ``OUT/store`` with the options kg's users need: the default graph as the union
of all graphs (as ``kg query`` sees it), CORS for browser clients such as YASGUI, and a query
timeout. It answers ``GET``/``POST /query`` with content negotiation (SPARQL results as JSON,
XML, CSV or TSV; Turtle, N-Triples, JSON-LD or RDF/XML for CONSTRUCT and DESCRIBE) and refuses
every update and Graph Store write with ``403 Forbidden``.

>>> serve_command(Path("outputs"), "127.0.0.1", 7878, timeout=30, binary="oxigraph")[:4]
['oxigraph', 'serve-read-only', '--location', 'outputs/store']
"""

from __future__ import annotations

import ipaddress
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from kg.store import STORE

__all__ = ["ServeError", "is_loopback", "oxigraph_binary", "serve", "serve_command"]


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


def is_loopback(host: str) -> bool:
    """True for a host name or address that only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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


def serve(
    out: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 30.0,
    on_ready: Callable[[str], None] | None = None,
) -> int:
    """Serve ``out/store`` until the server stops, Ctrl-C or SIGTERM; returns the exit code
    (130 after Ctrl-C, 0 after SIGTERM, else the server's own). ``on_ready`` gets the endpoint's URL
    once it accepts connections."""
    if not (out / STORE).is_dir():
        raise ServeError(
            f"{out / STORE}: this build has no store; rebuild it with `kg build ... --out {out}`"
        )
    if _answers(host, port):
        raise ServeError(f"{host}:{port} is already in use; choose another --port")
    command = serve_command(out, host, port, timeout=timeout, binary=oxigraph_binary())
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    stopping: int | None = None  # the signal that stops the server

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = signum
        proc.terminate()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        deadline = time.monotonic() + 30
        while proc.poll() is None and not _answers(host, port):
            if time.monotonic() > deadline:
                proc.terminate()
                raise ServeError(f"the oxigraph server did not answer on {host}:{port} within 30 s")
            time.sleep(0.05)
        if proc.poll() is not None and stopping is None:
            message = proc.stderr.read().decode("utf-8", "replace").strip() if proc.stderr else ""
            raise ServeError(f"the oxigraph server stopped: {message or f'exit code {proc.returncode}'}")
        if on_ready is not None and stopping is None:
            shown = f"[{host}]" if ":" in host else host
            on_ready(f"http://{shown}:{port}/query")
        if proc.stderr is not None:  # relay the server's own messages (it logs failed requests)
            for line in proc.stderr:
                sys.stderr.write(line.decode("utf-8", "replace"))
        code = proc.wait()
        if stopping is None:
            return code
        return 130 if stopping == signal.SIGINT else 0
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for s, handler in previous.items():
            signal.signal(s, handler)

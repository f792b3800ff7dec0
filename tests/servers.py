"""Real servers for the tests: ``oxigraph serve`` on a free loopback port, always stopped.

>>> free_port() > 0
True
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

__all__ = ["LOOPBACK", "OXIGRAPH", "free_port", "oxigraph_server", "running", "sparql_select"]

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
#: An opener that never goes through a proxy (the servers listen on 127.0.0.1).
LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    """A TCP port free on 127.0.0.1 at the time of the call."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def oxigraph_server(location: Path, *, load: Path | None = None, args: Sequence[str] = ()) -> Iterator[str]:
    """``oxigraph serve --location LOCATION`` on a free loopback port; yields its base URL
    (``http://127.0.0.1:PORT``, with ``/query`` and ``/store``) once it answers, and stops it on
    exit. ``load`` is an RDF file loaded into the store first; ``args`` more options of
    ``oxigraph serve`` (``--union-default-graph``). Skips the test when the
    ``oxigraph`` binary (PyPI package ``oxigraph``) is not installed."""
    if not Path(OXIGRAPH).is_file():
        pytest.skip("the oxigraph server binary is not installed")
    if load is not None:
        subprocess.run(
            [OXIGRAPH, "load", "--location", str(location), "--file", str(load)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    port = free_port()
    command = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *args]
    with running(command, f"http://127.0.0.1:{port}") as (_, base):
        yield base


@contextlib.contextmanager
def running(
    command: Sequence[str], base: str, *, within: float = 30.0, env: dict[str, str] | None = None
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """Run ``command``, a SPARQL server, until ``BASE/query`` answers; yields the process and
    ``base``, and stops the process on exit (if the test has not). Fails the test with the
    server's messages if it exits first, or if it does not answer ``within`` seconds."""
    proc = subprocess.Popen(list(command), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + within
        while True:
            if proc.poll() is not None:
                said = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                pytest.fail(f"{command[0]} exited: {said}")
            try:
                with LOOPBACK.open(f"{base}/query?query=ASK%7B%7D", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail(f"{command[0]} did not answer within {within:g} s")
                time.sleep(0.1)
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        if proc.stderr:
            with contextlib.suppress(OSError):
                proc.stderr.close()


def sparql_select(base: str, sparql: str) -> tuple[list[str], list[dict[str, dict[str, str]]]]:
    """A SELECT on ``BASE/query``: its variables and its bindings, as SPARQL results JSON has them."""
    request = urllib.request.Request(
        f"{base}/query",
        data=urllib.parse.urlencode({"query": sparql}).encode("utf-8"),
        headers={
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    with LOOPBACK.open(request, timeout=30) as response:
        doc = json.load(response)
    return doc["head"]["vars"], doc["results"]["bindings"]

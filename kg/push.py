"""Push a build into a triple store over the SPARQL 1.1 Graph Store Protocol (GSP).

Any store that speaks the protocol will do: Oxigraph (``http://HOST:7878/store``), Apache Jena
Fuseki (``http://HOST:3030/DATASET/data``), GraphDB
(``http://HOST:7200/repositories/ID/rdf-graphs/service``). The build must be sealed (its
``kg-manifest.json`` matches its files); its dataset is read from ``graph.trig``.

What goes to the store, each as one named graph sent whole with ``PUT ENDPOINT?graph=IRI``
(an N-Triples body), so that pushing again replaces a graph instead of adding to it:

* each article's graph (``kgid:graph/<article id>``), as in the dataset;
* the dataset's default graph (actors, merged accusations, categories, merge log) as
  ``MERGED_GRAPH``;
* the ontology (the build's ``ontology.ttl``, else the one packaged with kg) as ``ONTOLOGY_GRAPH``.

A push is incremental. The store keeps a small manifest graph, ``MANIFEST_GRAPH``, listing
every graph kg pushed with the SHA-256 of its canonical N-Triples (sorted lines, blank nodes
canonically labelled) and its triple count::

    <MANIFEST_GRAPH> dcterms:hasPart <graph> .
    <graph> schema:sha256 "<hex>" ; void:triples 123 .

A push reads that manifest first (``GET``; a 404 means nothing was pushed yet), then sends the
graphs that are new or changed, deletes the graphs an earlier push wrote that the build no
longer has (never a graph kg did not push), and writes the new manifest last. Before the first
write it marks in the manifest every graph it is about to touch as not yet sent, so a push cut
half-way leaves a manifest that makes the next push re-send (or delete) exactly those graphs.

>>> _graph_url("http://localhost:7878/store", "https://w3id.org/kg-fr/id/graph/a%20b")
'http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Fkg-fr%2Fid%2Fgraph%2Fa%2520b'
>>> a, b, p = ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b"), ox.NamedNode("urn:x:p")
>>> print(canonical([(b, p, a), (a, p, b), (a, p, b)]).body.decode(), end="")
<urn:x:a> <urn:x:p> <urn:x:b> .
<urn:x:b> <urn:x:p> <urn:x:a> .
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import os
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg import outdir, vocab
from kg.net import is_loopback
from kg.vocab import DATA, iri_id

__all__ = [
    "ACTIONS",
    "ENV_PASSWORD",
    "ENV_USER",
    "MANIFEST_GRAPH",
    "MERGED_GRAPH",
    "ONTOLOGY_GRAPH",
    "GraphChange",
    "GraphPayload",
    "PushError",
    "PushReport",
    "StoreError",
    "UsageError",
    "canonical",
    "credentials_from_env",
    "load_build",
    "push",
]

#: The named graph of the dataset's default graph (actors, merged accusations, merge log).
MERGED_GRAPH = str(vocab.MERGED_GRAPH)
#: The named graph of the ontology.
ONTOLOGY_GRAPH = str(vocab.ONTOLOGY_GRAPH)
#: The named graph where kg keeps the list of the graphs it pushed, with their hashes.
MANIFEST_GRAPH = str(DATA["dataset/push-manifest"])

#: Environment variables holding the basic-auth credentials (never given on the command line).
ENV_USER = "KG_PUSH_USER"
ENV_PASSWORD = "KG_PUSH_PASSWORD"

#: What a push does to each graph, in report order.
ACTIONS = ("added", "replaced", "unchanged", "removed")

_HAS_PART = ox.NamedNode("http://purl.org/dc/terms/hasPart")
_SHA256 = ox.NamedNode("https://schema.org/sha256")
_TRIPLES = ox.NamedNode("http://rdfs.org/ns/void#triples")
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_ARTICLE_GRAPHS = str(DATA["graph/"])
_OWN_GRAPHS = (MERGED_GRAPH, ONTOLOGY_GRAPH, MANIFEST_GRAPH)
_N_TRIPLES = "application/n-triples"
# Where the GSP endpoint of the common stores is, for the messages.
_ENDPOINT_HINT = (
    "Oxigraph: http://HOST:7878/store, Fuseki: http://HOST:3030/DATASET/data, "
    "GraphDB: http://HOST:7200/repositories/ID/rdf-graphs/service"
)

Triple = tuple[Any, Any, Any]


class PushError(Exception):
    """A push that cannot go on; the message says why and what to check, in one line."""


class UsageError(PushError):
    """The build or the options are wrong (not a sealed build, a bad URL): nothing was sent."""


class StoreError(PushError):
    """The store could not be reached, refused the request or answered with an error."""


@dataclass(frozen=True, slots=True)
class GraphPayload:
    """One graph to push: its IRI, its kind, its canonical N-Triples, their count and hash."""

    iri: str
    kind: str  # "article", "merged", "ontology" or "other"
    body: bytes = field(repr=False)
    triples: int
    sha256: str


@dataclass(frozen=True, slots=True)
class _Pushed:
    """A graph as the store's manifest lists it; ``sha256`` None when it may not be whole."""

    triples: int | None
    sha256: str | None


@dataclass(frozen=True, slots=True)
class GraphChange:
    """What a push does (or, dry, would do) to one graph: ``action`` is one of ``ACTIONS``;
    ``triples`` is its size in the build (for a removed graph, 0), ``previous`` its size as
    the store's manifest gives it (None when kg never pushed it)."""

    graph: str
    kind: str
    action: str
    triples: int
    previous: int | None

    @property
    def name(self) -> str:
        """How the report shows the graph: the article id, ``merged``, ``ontology`` or the IRI."""
        if self.kind in ("merged", "ontology"):
            return self.kind
        found = iri_id(self.graph)
        return found[1] if found is not None and found[0] == "graph" else self.graph


@dataclass(slots=True)
class PushReport:
    """The outcome of a push, one ``GraphChange`` per graph of the build or of the manifest."""

    endpoint: str
    dry_run: bool
    force: bool
    changes: list[GraphChange]

    def totals(self) -> dict[str, dict[str, int]]:
        """For each action, the number of graphs and of triples (for removed ones, as they were)."""
        out = {action: {"graphs": 0, "triples": 0} for action in ACTIONS}
        for c in self.changes:
            out[c.action]["graphs"] += 1
            out[c.action]["triples"] += (c.previous or 0) if c.action == "removed" else c.triples
        return out

    @property
    def written(self) -> bool:
        """True when the push wrote (or, dry, would write) anything."""
        return any(c.action != "unchanged" for c in self.changes)

    def summary(self) -> str:
        """One line: what was (or would be) done, with counts."""
        totals = self.totals()
        parts = [
            f"{t['graphs']} {action} ({t['triples']} triples)" for action, t in totals.items() if t["graphs"]
        ]
        if not self.written:
            return f"{self.endpoint} is up to date: " + ", ".join(parts)
        verb = "would push" if self.dry_run else "pushed"
        return f"{verb} to {self.endpoint}: " + ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (``kg push --json``)."""
        return {
            "endpoint": self.endpoint,
            "dry_run": self.dry_run,
            "force": self.force,
            "graphs": [
                {
                    "graph": c.graph,
                    "name": c.name,
                    "kind": c.kind,
                    "action": c.action,
                    "triples": c.triples,
                    "previous_triples": c.previous,
                }
                for c in self.changes
            ],
            "totals": self.totals(),
        }


# ---------------------------------------------------------------------------------------------
# The build's graphs
# ---------------------------------------------------------------------------------------------


def canonical(triples: Iterable[Triple], iri: str = "", kind: str = "other") -> GraphPayload:
    """A graph as canonical N-Triples: blank nodes relabelled canonically, lines sorted, each
    once; with its triple count and SHA-256. The same graph always gives the same bytes."""
    items = list(triples)
    if any(isinstance(t, ox.BlankNode) for triple in items for t in triple):
        dataset = ox.Dataset(ox.Quad(s, p, o) for s, p, o in items)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        items = [(q.subject, q.predicate, q.object) for q in dataset]
    text = ox.serialize([ox.Triple(s, p, o) for s, p, o in items], format=ox.RdfFormat.N_TRIPLES) or b""
    lines = sorted({line for line in text.splitlines() if line.strip()})
    body = b"".join(line + b"\n" for line in lines)
    return GraphPayload(iri, kind, body, len(lines), hashlib.sha256(body).hexdigest())


def _listed_files(out: Path) -> set[str]:
    data = json.loads((out / outdir.MANIFEST).read_text(encoding="utf-8"))
    return set(data["files"])


def load_build(out: Path) -> list[GraphPayload]:
    """The graphs a push of the build in ``out`` sends: the ontology, the merged graph, then
    each article's graph in IRI order. ``UsageError`` if ``out`` is not a sealed build."""
    out = Path(out)
    if not out.is_dir():
        raise UsageError(f"{out}: no such build folder; run `kg build INPUTS --out {out}` first")
    problems = outdir.verify(out)
    if problems:
        raise UsageError(f"{problems[0]}; rebuild with `kg build`, or check with `kg verify`")
    listed = _listed_files(out)
    if "graph.trig" not in listed:
        raise UsageError(f"{out}: the build has no graph.trig; rebuild it with this version of kg")
    graphs: dict[str, list[Triple]] = {}
    try:
        for q in ox.parse(path=out / "graph.trig", format=ox.RdfFormat.TRIG):
            name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
            graphs.setdefault(name, []).append((q.subject, q.predicate, q.object))
    except (SyntaxError, ValueError, OSError) as e:
        raise UsageError(f"{out / 'graph.trig'}: cannot be read ({e})") from None
    clash = sorted(set(graphs) & set(_OWN_GRAPHS))
    if clash:
        raise UsageError(
            f"{out / 'graph.trig'}: holds a graph named {clash[0]}, which kg push keeps for itself"
        )
    if "ontology.ttl" in listed:
        ontology_text = (out / "ontology.ttl").read_text(encoding="utf-8")
    else:
        from kg.rdf import packaged_text  # rdflib's import only when the build has no copy

        ontology_text = packaged_text("ontology.ttl")
    ontology = [
        (q.subject, q.predicate, q.object) for q in ox.parse(ontology_text, format=ox.RdfFormat.TURTLE)
    ]
    payloads = [
        canonical(ontology, ONTOLOGY_GRAPH, "ontology"),
        canonical(graphs.pop("", []), MERGED_GRAPH, "merged"),
    ]
    for name in sorted(graphs):
        kind = "article" if name.startswith(_ARTICLE_GRAPHS) else "other"
        payloads.append(canonical(graphs[name], name, kind))
    return payloads


# ---------------------------------------------------------------------------------------------
# The store's manifest
# ---------------------------------------------------------------------------------------------


def _manifest_payload(entries: Mapping[str, _Pushed]) -> GraphPayload:
    root = ox.NamedNode(MANIFEST_GRAPH)
    triples: list[Triple] = []
    for iri, entry in entries.items():
        node = ox.NamedNode(iri)
        triples.append((root, _HAS_PART, node))
        if entry.sha256 is not None:
            triples.append((node, _SHA256, ox.Literal(entry.sha256)))
        if entry.triples is not None:
            triples.append((node, _TRIPLES, ox.Literal(str(entry.triples), datatype=_INTEGER)))
    return canonical(triples, MANIFEST_GRAPH, "manifest")


def _read_manifest(body: bytes, fmt: ox.RdfFormat) -> dict[str, _Pushed]:
    """The graphs listed in the store's manifest graph (its ``dcterms:hasPart``)."""
    parts: list[str] = []
    sha: dict[str, str] = {}
    count: dict[str, int | None] = {}
    for q in ox.parse(body, format=fmt, base_iri=MANIFEST_GRAPH):
        s, p, o = q.subject, q.predicate, q.object
        if p == _HAS_PART and s.value == MANIFEST_GRAPH and isinstance(o, ox.NamedNode):
            parts.append(o.value)
        elif p == _SHA256 and isinstance(s, ox.NamedNode) and isinstance(o, ox.Literal):
            sha[s.value] = o.value
        elif p == _TRIPLES and isinstance(s, ox.NamedNode) and isinstance(o, ox.Literal):
            count[s.value] = int(o.value) if o.value.isdigit() else None
    return {iri: _Pushed(count.get(iri), sha.get(iri)) for iri in sorted(set(parts))}


def _removable(iri: str) -> bool:
    """Only a graph kg itself could have written is ever deleted, whatever the manifest says."""
    return iri.startswith(str(DATA)) and iri != MANIFEST_GRAPH


def _plan(payloads: list[GraphPayload], previous: Mapping[str, _Pushed], force: bool) -> list[GraphChange]:
    changes = []
    for p in payloads:
        before = previous.get(p.iri)
        if before is None:
            action = "added"
        elif force or before.sha256 != p.sha256 or before.triples != p.triples:
            action = "replaced"
        else:
            action = "unchanged"
        changes.append(GraphChange(p.iri, p.kind, action, p.triples, before.triples if before else None))
    wanted = {p.iri for p in payloads}
    for iri, before in previous.items():
        if iri not in wanted and _removable(iri):
            kind = "article" if iri.startswith(_ARTICLE_GRAPHS) else "other"
            changes.append(GraphChange(iri, kind, "removed", 0, before.triples))
    return changes


# ---------------------------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------------------------


def credentials_from_env(environ: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """``(user, password)`` from ``KG_PUSH_USER`` and ``KG_PUSH_PASSWORD``, or None when neither
    is set; ``UsageError`` when only one is."""
    env = os.environ if environ is None else environ
    user, password = env.get(ENV_USER) or None, env.get(ENV_PASSWORD)
    if user is None and not password:
        return None
    if user is None:
        raise UsageError(f"{ENV_PASSWORD} is set but {ENV_USER} is not; set both, or neither")
    if password is None:
        raise UsageError(f"{ENV_USER} is set but {ENV_PASSWORD} is not; set both, or neither")
    if ":" in user:
        raise UsageError(f"{ENV_USER}: a basic-auth user name cannot hold a colon")
    return user, password


def _graph_url(endpoint: str, iri: str | None) -> str:
    """``ENDPOINT?graph=IRI`` (or ``?default`` for None), keeping a query the endpoint has."""
    parts = urllib.parse.urlsplit(endpoint)
    extra = "default" if iri is None else urllib.parse.urlencode({"graph": iri})
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit(parts._replace(query=query))


def _check_endpoint(endpoint: str) -> urllib.parse.SplitResult:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"--endpoint {endpoint}: expected an http:// or https:// URL, e.g. {_ENDPOINT_HINT}")
    if parts.username is not None or parts.password is not None:
        raise UsageError(
            f"--endpoint: put no credentials in the URL; set {ENV_USER} and {ENV_PASSWORD} instead"
        )
    if parts.fragment:
        raise UsageError(f"--endpoint {endpoint}: a URL with a #fragment cannot be a GSP endpoint")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise UsageError(f"--endpoint {endpoint}: the port is not a number from 0 to 65535") from None
    return parts


def _first_line(data: bytes, limit: int = 200) -> str:
    text = data.decode("utf-8", "replace").strip()
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


class _Client:
    """The HTTP side of a push: one endpoint, a timeout, optional basic-auth credentials."""

    def __init__(
        self,
        endpoint: str,
        *,
        timeout: float,
        credentials: tuple[str, str] | None,
    ) -> None:
        parts = _check_endpoint(endpoint)
        self.endpoint = endpoint
        self.timeout = timeout
        self.credentials = credentials
        # Notes: no proxy for a store on this machine; the environment's proxies for any other.
        handlers = [urllib.request.ProxyHandler({})] if is_loopback(parts.hostname or "") else []
        self.opener = urllib.request.build_opener(*handlers)

    def send(
        self, method: str, iri: str | None, body: bytes | None = None, *, accept: tuple[int, ...] = ()
    ) -> tuple[int, str, bytes]:
        """Send one request: ``(status, content type, body)``. A status outside 2xx and ``accept``
        is a ``StoreError`` saying what to check."""
        url = _graph_url(self.endpoint, iri)
        headers = {"User-Agent": "kg-push"}
        if body is not None:
            headers["Content-Type"] = _N_TRIPLES
        if method == "GET":
            headers["Accept"] = f"{_N_TRIPLES}, text/turtle;q=0.9, application/rdf+xml;q=0.5"
        if self.credentials is not None:
            token = base64.b64encode(":".join(self.credentials).encode("utf-8")).decode("ascii")
            headers["Authorization"] = f"Basic {token}"
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as e:
            with e:
                if e.code in accept:
                    return e.code, e.headers.get("Content-Type", ""), b""
                raise self._http_failure(method, e.code, e.reason, e.read(), e.headers) from None
        except urllib.error.URLError as e:
            raise self._network_failure(e.reason) from None
        except (OSError, http.client.HTTPException) as e:
            raise self._network_failure(e) from None

    def _network_failure(self, reason: object) -> StoreError:
        where = self.endpoint
        if isinstance(reason, ConnectionRefusedError):
            return StoreError(
                f"{where}: connection refused; check that the store is running and listens on that "
                "host and port"
            )
        if isinstance(reason, socket.gaierror):
            host = urllib.parse.urlsplit(where).hostname
            return StoreError(f"{where}: cannot resolve the host name {host!r}; check the URL")
        if isinstance(reason, TimeoutError):
            return StoreError(
                f"{where}: no answer within {self.timeout:g} s; check that the store is up, or give "
                "a longer --timeout"
            )
        if isinstance(reason, ssl.SSLError):
            return StoreError(f"{where}: the TLS connection failed ({reason}); check the certificate")
        if isinstance(reason, (http.client.HTTPException, ConnectionResetError)):
            return StoreError(
                f"{where}: the server closed the connection or did not answer in HTTP "
                f"({type(reason).__name__}); check the URL and port"
            )
        return StoreError(f"{where}: cannot connect ({reason}); check the URL and the network")

    def _http_failure(
        self, method: str, status: int, reason: str, body: bytes, headers: Message
    ) -> StoreError:
        where = self.endpoint
        said = _first_line(body)
        said = f": {said}" if said else ""
        if status == 401:
            if self.credentials is None:
                return StoreError(
                    f"{where}: the store asks for credentials (401); set {ENV_USER} and {ENV_PASSWORD}"
                )
            return StoreError(
                f"{where}: the store refused the credentials of {ENV_USER}={self.credentials[0]} (401); "
                f"check {ENV_USER} and {ENV_PASSWORD}"
            )
        if status == 403:
            return StoreError(
                f"{where}: {method} forbidden (403); check that this user may write to the store, and "
                "that the store is not read-only"
            )
        if status == 404:
            return StoreError(
                f"{where}: no Graph Store Protocol endpoint there (404 on {method}); check the URL "
                f"({_ENDPOINT_HINT})"
            )
        if status in (405, 501):
            return StoreError(
                f"{where}: does not accept {method} ({status} {reason}); give the store's read-write "
                f"Graph Store Protocol endpoint ({_ENDPOINT_HINT})"
            )
        if status in (301, 302, 303, 307, 308):
            location = headers.get("Location", "?")
            return StoreError(f"{where}: redirects ({status}) to {location}; give that URL as --endpoint")
        if status == 413:
            return StoreError(
                f"{where}: a graph is too large for the store ({status}); raise its upload limit"
            )
        if status >= 500:
            return StoreError(
                f"{where}: the store failed on {method} ({status} {reason}{said}); check its log"
            )
        return StoreError(
            f"{where}: does not answer as a Graph Store Protocol endpoint ({method}: {status} "
            f"{reason}{said}); check the URL ({_ENDPOINT_HINT})"
        )

    def probe(self) -> None:
        """``HEAD ENDPOINT?default``: a 404 there means the URL is no GSP endpoint."""
        self.send("HEAD", None, accept=(405, 501))  # a store without HEAD: cannot tell

    def read_manifest(self) -> dict[str, _Pushed]:
        """The manifest graph of the store, empty when kg never pushed to it."""
        status, content_type, body = self.send("GET", MANIFEST_GRAPH, accept=(404,))
        if status == 404:
            self.probe()
            return {}
        if not body.strip():
            return {}
        fmt = ox.RdfFormat.from_media_type(content_type) if content_type else ox.RdfFormat.N_TRIPLES
        if fmt is None:
            shown = content_type.split(";")[0] or "no content type"
            raise StoreError(
                f"{self.endpoint}: does not speak the Graph Store Protocol (GET of a graph answered "
                f"{shown}, not RDF); check the URL ({_ENDPOINT_HINT})"
            )
        try:
            return _read_manifest(body, fmt)
        except (SyntaxError, ValueError) as e:
            raise StoreError(
                f"{self.endpoint}: the graph {MANIFEST_GRAPH} it returned is not valid "
                f"{fmt.name} ({_first_line(str(e).encode())}); check the URL, or delete that graph"
            ) from None


# ---------------------------------------------------------------------------------------------
# The push
# ---------------------------------------------------------------------------------------------


def push(
    out: Path,
    endpoint: str,
    *,
    dry_run: bool = False,
    force: bool = False,
    timeout: float = 60.0,
    credentials: tuple[str, str] | None = None,
    on_request: Callable[[str, str | None], None] | None = None,
) -> PushReport:
    """Push the build in ``out`` to the GSP ``endpoint``; see the module's documentation.

    ``dry_run`` only reads the store's manifest; ``force`` re-sends every graph. ``on_request``
    is called before each write with the method and graph IRI (for progress). Raises
    ``UsageError`` (the build, the URL) or ``StoreError`` (the store).
    """
    if not timeout > 0:
        raise UsageError(f"--timeout {timeout}: expected a positive number of seconds")
    client = _Client(endpoint, timeout=timeout, credentials=credentials)
    payloads = load_build(out)
    previous = client.read_manifest()
    changes = _plan(payloads, previous, force)
    report = PushReport(endpoint, dry_run, force, changes)
    if dry_run or not report.written:
        return report
    touched = {c.graph for c in changes if c.action != "unchanged"}
    pending = {iri: _Pushed(None, None) if iri in touched else entry for iri, entry in previous.items()}
    pending.update({p.iri: _Pushed(None, None) for p in payloads if p.iri not in previous})

    def write(method: str, iri: str, body: bytes | None = None) -> None:
        if on_request is not None:
            on_request(method, iri)
        client.send(method, iri, body, accept=(404,) if method == "DELETE" else ())

    write("PUT", MANIFEST_GRAPH, _manifest_payload(pending).body)
    for p in payloads:
        if p.iri in touched:
            write("PUT", p.iri, p.body)
    for c in changes:
        if c.action == "removed":
            write("DELETE", c.graph)
    final = {p.iri: _Pushed(p.triples, p.sha256) for p in payloads}
    write("PUT", MANIFEST_GRAPH, _manifest_payload(final).body)
    return report

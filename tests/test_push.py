"""``kg push`` against a real ``oxigraph serve`` on a free loopback port (tests/servers.py).

Most builds are the hand-made fixture graph of kgfixtures.py (three articles), written and
sealed by kg's own ``outdir.Build`` and ``rdf.write_rdf``; the end-to-end test builds two short
French texts with ``kg build`` and pushes them with ``kg push``.
"""

from __future__ import annotations

import base64
import dataclasses
import http.server
import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from kgfixtures import BLEU, MIDI, MONDE, make_kg
from servers import LOOPBACK, free_port, oxigraph_server, sparql_select

from kg import outdir, rdf
from kg.graph import build_graph
from kg.push import (
    ENV_PASSWORD,
    ENV_USER,
    MANIFEST_GRAPH,
    MERGED_GRAPH,
    ONTOLOGY_GRAPH,
    GraphPayload,
    PushReport,
    StoreError,
    UsageError,
    canonical,
    credentials_from_env,
    load_build,
    push,
)
from kg.queries import get_query, load_store, run_named, shorten
from kg.records import KnowledgeGraph
from kg.vocab import article_graph_iri

FOREIGN_GRAPH = "urn:example:not-kg"
# A graph under kg's own IRIs that kg did not push: it must be left alone too.
LOOKALIKE_GRAPH = str(article_graph_iri("pushed-by-someone-else"))


# ---------------------------------------------------------------------------------------------
# Builds and the store
# ---------------------------------------------------------------------------------------------


def _seal(kg: KnowledgeGraph, out: Path) -> Path:
    """A sealed build of ``kg`` in ``out`` (its RDF and kg-manifest.json), as kg build writes it."""
    with outdir.Build(out) as stage:
        rdf.write_rdf(kg, stage)
    return out


def _with_text_appended(kg: KnowledgeGraph, article_id: str, extra: str) -> KnowledgeGraph:
    """``kg`` with one article's text longer: only that article's graph changes."""
    articles = [dataclasses.replace(a, text=a.text + extra) if a.id == article_id else a for a in kg.articles]
    return dataclasses.replace(kg, articles=articles)


def _without(kg: KnowledgeGraph, article_id: str) -> KnowledgeGraph:
    """``kg`` rebuilt without one article and its claims."""
    return build_graph(
        [a for a in kg.articles if a.id != article_id],
        kg.entities,
        [c for c in kg.claims if c.article != article_id],
        kg.merges,
    )


@pytest.fixture
def base(tmp_path: Path) -> Iterator[str]:
    """A fresh, empty oxigraph server; its base URL."""
    with oxigraph_server(tmp_path / "oxigraph") as url:
        yield url


@pytest.fixture
def build(tmp_path: Path) -> Path:
    """The sealed build of the fixture graph."""
    return _seal(make_kg(), tmp_path / "build")


def _count(base: str, where: str = "GRAPH ?g { ?s ?p ?o }") -> int:
    _, rows = sparql_select(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(rows[0]["n"]["value"])


def _graphs(base: str) -> set[str]:
    _, rows = sparql_select(base, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {row["g"]["value"] for row in rows}


def _fetch(base: str, iri: str) -> GraphPayload:
    """A graph of the store as kg push hashes it (canonical N-Triples)."""
    url = f"{base}/store?" + urllib.parse.urlencode({"graph": iri})
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with LOOPBACK.open(request, timeout=30) as response:
        body = response.read()
    triples = [(t.subject, t.predicate, t.object) for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]
    return canonical(triples, iri)


def _as_stored(payload: GraphPayload) -> str:
    """The hash of a graph as Oxigraph keeps it: Oxigraph stores ``"3"^^xsd:nonNegativeInteger``
    as ``"3"^^xsd:integer``, so a graph is compared with the store after the same round trip
    through an in-memory pyoxigraph store."""
    store = ox.Store()
    store.load(payload.body, format=ox.RdfFormat.N_TRIPLES)
    return canonical((q.subject, q.predicate, q.object) for q in store).sha256


def _put(base: str, iri: str, ntriples: str) -> None:
    url = f"{base}/store?" + urllib.parse.urlencode({"graph": iri})
    request = urllib.request.Request(
        url, data=ntriples.encode(), headers={"Content-Type": "application/n-triples"}, method="PUT"
    )
    with LOOPBACK.open(request, timeout=30):
        pass


def _snapshot(base: str) -> dict[str, str]:
    """Every named graph of the store -> the SHA-256 of its canonical N-Triples."""
    return {iri: _fetch(base, iri).sha256 for iri in _graphs(base)}


def _actions(report: PushReport) -> dict[str, str]:
    return {c.graph: c.action for c in report.changes}


def _recorder() -> tuple[list[tuple[str, str | None]], Callable[[str, str | None], None]]:
    sent: list[tuple[str, str | None]] = []
    return sent, lambda method, iri: sent.append((method, iri))


def _expected_quads(build: Path) -> int:
    """What the store holds after a push of ``build``: every graph, plus the manifest's triples
    (one ``dcterms:hasPart``, one hash and one count per graph)."""
    payloads = load_build(build)
    return sum(p.triples for p in payloads) + 3 * len(payloads)


# ---------------------------------------------------------------------------------------------
# What is sent
# ---------------------------------------------------------------------------------------------


def test_the_build_gives_one_graph_per_article_plus_merged_and_ontology(build: Path) -> None:
    payloads = load_build(build)
    iris = [p.iri for p in payloads]
    articles = sorted(str(article_graph_iri(a)) for a in (MIDI, MONDE, BLEU))
    assert iris == [ONTOLOGY_GRAPH, MERGED_GRAPH, *articles]
    assert len({MANIFEST_GRAPH, MERGED_GRAPH, ONTOLOGY_GRAPH, *articles}) == 6
    trig = list(ox.parse(path=build / "graph.trig", format=ox.RdfFormat.TRIG))
    assert sum(p.triples for p in payloads[1:]) == len(trig)
    assert all(p.triples > 0 for p in payloads)
    assert load_build(build) == payloads  # canonical: the same bytes and hashes every time


def test_the_ontology_of_the_build_is_preferred_to_the_packaged_one(tmp_path: Path) -> None:
    packaged = {p.iri: p for p in load_build(_seal(make_kg(), tmp_path / "a"))}[ONTOLOGY_GRAPH]
    with outdir.Build(tmp_path / "b") as stage:
        rdf.write_rdf(make_kg(), stage)
        (stage / "ontology.ttl").write_text("<urn:x:kg> a <http://www.w3.org/2002/07/owl#Ontology> .\n")
    own = {p.iri: p for p in load_build(tmp_path / "b")}[ONTOLOGY_GRAPH]
    assert own.triples == 1 and packaged.triples > 100
    assert own.body.startswith(b"<urn:x:kg> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ")


def test_a_build_that_is_not_sealed_is_refused(build: Path, base: str) -> None:
    with (build / "graph.trig").open("a", encoding="utf-8") as f:
        f.write("<urn:x:a> <urn:x:b> <urn:x:c> .\n")
    with pytest.raises(UsageError, match=r"graph\.trig"):
        push(build, f"{base}/store")
    (build / outdir.MANIFEST).unlink()
    with pytest.raises(UsageError, match=outdir.MANIFEST):
        push(build, f"{base}/store")
    assert _count(base) == 0


# ---------------------------------------------------------------------------------------------
# Against a real oxigraph serve
# ---------------------------------------------------------------------------------------------


def test_pushing_twice_gives_the_same_quads_as_once(build: Path, base: str) -> None:
    first = push(build, f"{base}/store")
    assert set(_actions(first).values()) == {"added"}
    once = _count(base)
    assert once == _expected_quads(build)
    contents = _snapshot(base)
    for p in load_build(build):
        assert contents[p.iri] == _as_stored(p), p.iri

    sent, on_request = _recorder()
    second = push(build, f"{base}/store", on_request=on_request)
    assert set(_actions(second).values()) == {"unchanged"}
    assert sent == []
    assert _count(base) == once
    assert _snapshot(base) == contents
    assert second.totals()["unchanged"] == {"graphs": 5, "triples": once - 15}


def test_a_changed_article_replaces_only_its_graph(build: Path, base: str, tmp_path: Path) -> None:
    push(build, f"{base}/store")
    before = _snapshot(base)
    changed_kg = _with_text_appended(make_kg(), BLEU, " Une enquête a été ouverte.")
    changed = _seal(changed_kg, tmp_path / "v2")
    bleu = str(article_graph_iri(BLEU))

    sent, on_request = _recorder()
    report = push(changed, f"{base}/store", on_request=on_request)
    assert {g: a for g, a in _actions(report).items() if a != "unchanged"} == {bleu: "replaced"}
    assert sent == [("PUT", MANIFEST_GRAPH), ("PUT", bleu), ("PUT", MANIFEST_GRAPH)]
    after = _snapshot(base)
    new_bleu = {p.iri: p for p in load_build(changed)}[bleu]
    assert after[bleu] == _as_stored(new_bleu) != before[bleu]
    assert _fetch(base, bleu).triples == new_bleu.triples  # replaced, not added to
    assert {g: h for g, h in after.items() if g not in (bleu, MANIFEST_GRAPH)} == {
        g: h for g, h in before.items() if g not in (bleu, MANIFEST_GRAPH)
    }
    assert _count(base) == _expected_quads(changed)
    _, rows = sparql_select(
        base, f"SELECT ?t WHERE {{ GRAPH <{bleu}> {{ ?a <https://schema.org/text> ?t }} }}"
    )
    assert [row["t"]["value"] for row in rows] == [a.text for a in changed_kg.articles if a.id == BLEU]


def test_a_removed_article_is_deleted_and_graphs_kg_did_not_push_stay(
    build: Path, base: str, tmp_path: Path
) -> None:
    _put(base, FOREIGN_GRAPH, "<urn:x:s> <urn:x:p> <urn:x:o> .\n")
    _put(base, LOOKALIKE_GRAPH, "<urn:x:s> <urn:x:p> <urn:x:o2> .\n")
    push(build, f"{base}/store")
    smaller = _seal(_without(make_kg(), MONDE), tmp_path / "v2")
    monde = str(article_graph_iri(MONDE))

    report = push(smaller, f"{base}/store")
    assert _actions(report)[monde] == "removed"
    assert [c.previous for c in report.changes if c.graph == monde] == [
        p.triples for p in load_build(build) if p.iri == monde
    ]
    graphs = _graphs(base)
    assert monde not in graphs
    assert {FOREIGN_GRAPH, LOOKALIKE_GRAPH} <= graphs
    assert FOREIGN_GRAPH not in _actions(report) and LOOKALIKE_GRAPH not in _actions(report)
    assert _count(base) == _expected_quads(smaller) + 2
    assert monde not in {c.graph for c in push(smaller, f"{base}/store").changes}  # forgotten


def test_a_manifest_naming_a_graph_outside_kgs_iris_never_deletes_it(build: Path, base: str) -> None:
    _put(base, FOREIGN_GRAPH, "<urn:x:s> <urn:x:p> <urn:x:o> .\n")
    push(build, f"{base}/store")
    listed = _fetch(base, MANIFEST_GRAPH).body.decode()
    _put(
        base,
        MANIFEST_GRAPH,
        listed + f"<{MANIFEST_GRAPH}> <http://purl.org/dc/terms/hasPart> <{FOREIGN_GRAPH}> .\n",
    )
    report = push(build, f"{base}/store")
    assert FOREIGN_GRAPH not in _actions(report)
    assert FOREIGN_GRAPH in _graphs(base)


def test_dry_run_writes_nothing(build: Path, base: str, tmp_path: Path) -> None:
    sent, on_request = _recorder()
    report = push(build, f"{base}/store", dry_run=True, on_request=on_request)
    assert report.dry_run and set(_actions(report).values()) == {"added"}
    assert sent == [] and _count(base) == 0

    push(build, f"{base}/store")
    before = _snapshot(base)
    changed = _seal(_without(_with_text_appended(make_kg(), BLEU, " Fin."), MIDI), tmp_path / "v2")
    report = push(changed, f"{base}/store", dry_run=True, on_request=on_request)
    actions = _actions(report)
    assert actions[str(article_graph_iri(BLEU))] == "replaced"
    assert actions[str(article_graph_iri(MIDI))] == "removed"
    assert sent == [] and _snapshot(base) == before
    assert _actions(push(changed, f"{base}/store")) == actions  # the dry run told the truth


def test_force_resends_everything(build: Path, base: str) -> None:
    push(build, f"{base}/store")
    once = _count(base)
    sent, on_request = _recorder()
    report = push(build, f"{base}/store", force=True, on_request=on_request)
    assert set(_actions(report).values()) == {"replaced"}
    graphs = [p.iri for p in load_build(build)]
    assert sent == [("PUT", MANIFEST_GRAPH), *(("PUT", g) for g in graphs), ("PUT", MANIFEST_GRAPH)]
    assert _count(base) == once


class _Cut(Exception):
    pass


def test_a_push_cut_half_way_is_repaired_by_the_next(build: Path, base: str, tmp_path: Path) -> None:
    def cut_before_the_final_manifest(method: str, iri: str | None) -> None:
        cut_before_the_final_manifest.puts += 1  # type: ignore[attr-defined]
        if iri == MANIFEST_GRAPH and cut_before_the_final_manifest.puts > 1:  # type: ignore[attr-defined]
            raise _Cut

    cut_before_the_final_manifest.puts = 0  # type: ignore[attr-defined]
    with pytest.raises(_Cut):
        push(build, f"{base}/store", on_request=cut_before_the_final_manifest)
    monde = str(article_graph_iri(MONDE))
    assert monde in _graphs(base)  # every graph went, the final manifest did not

    smaller = _seal(_without(make_kg(), MONDE), tmp_path / "v2")
    report = push(smaller, f"{base}/store")
    assert _actions(report)[monde] == "removed"  # not left behind, unlisted
    assert set(_actions(report).values()) == {"replaced", "removed"}  # none trusted as unchanged
    assert monde not in _graphs(base)
    assert _count(base) == _expected_quads(smaller)


def test_named_queries_see_the_pushed_graphs_through_a_union_default_graph(
    build: Path, tmp_path: Path
) -> None:
    """kg's named queries have no GRAPH clause: on a store that unions its graphs into the
    default graph (``oxigraph serve --union-default-graph``) they give the rows of ``kg query``."""
    sparql = get_query("who-accused-whom").sparql
    local = run_named(load_store(build), "who-accused-whom")
    with oxigraph_server(tmp_path / "union", args=["--union-default-graph"]) as base:
        push(build, f"{base}/store")
        columns, bindings = sparql_select(base, sparql)

    def value(binding: dict[str, str] | None) -> str:
        if binding is None:
            return ""
        return shorten(binding["value"]) if binding["type"] == "uri" else binding["value"]

    rows = [[value(b.get(c)) for c in columns] for b in bindings]
    assert (columns, rows) == local and rows


# ---------------------------------------------------------------------------------------------
# Failures: one clear line, a kg exit code
# ---------------------------------------------------------------------------------------------


def test_a_refused_connection(build: Path, kg_cli) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(StoreError, match="connection refused; check that the store is running"):
        push(build, endpoint)
    result = kg_cli(["push", "--out", str(build), "--endpoint", endpoint])
    assert result.exit_code == 7
    assert result.output.count("\n") == 1
    assert endpoint in result.output and "connection refused" in result.output


def test_a_404_endpoint(build: Path, base: str, kg_cli) -> None:
    endpoint = f"{base}/no-such-endpoint"
    with pytest.raises(StoreError, match="no Graph Store Protocol endpoint there"):
        push(build, endpoint, dry_run=True)
    result = kg_cli(["push", "--out", str(build), "--endpoint", endpoint])
    assert result.exit_code == 7
    assert result.output.count("\n") == 1 and endpoint in result.output and "404" in result.output
    assert _count(base) == 0


@pytest.mark.parametrize(
    ("path", "said"),
    [("/", "does not speak the Graph Store Protocol"), ("/query", "400 Bad Request")],
    ids=["html-page", "query-endpoint"],
)
def test_a_server_that_does_not_speak_gsp(build: Path, base: str, path: str, said: str) -> None:
    with pytest.raises(StoreError, match=said) as caught:
        push(build, base + path)
    assert base + path in str(caught.value)
    assert _count(base) == 0


def test_ctrl_c_exits_130(build: Path, base: str, kg_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg import push as pushing

    real = pushing._Client.send

    def interrupted_at_the_first_graph(self, method, iri, body=None, **kw):  # type: ignore[no-untyped-def]
        if method == "PUT" and iri != MANIFEST_GRAPH:
            raise KeyboardInterrupt
        return real(self, method, iri, body, **kw)

    monkeypatch.setattr(pushing._Client, "send", interrupted_at_the_first_graph)
    result = kg_cli(["push", "--out", str(build), "--endpoint", f"{base}/store"])
    assert result.exit_code == 130
    assert "the next kg push completes it" in result.output
    monkeypatch.undo()
    report = push(build, f"{base}/store")
    assert set(_actions(report).values()) == {"replaced"}  # marked as not sent: all sent again
    assert _count(base) == _expected_quads(build)


@pytest.mark.parametrize(
    "endpoint",
    ["localhost:7878/store", "ftp://localhost/store", "http://u:p@localhost:7878/store", "http://h:99999/x"],
)
def test_bad_endpoint_urls_are_usage_errors(build: Path, endpoint: str, kg_cli) -> None:
    with pytest.raises(UsageError):
        push(build, endpoint)
    assert kg_cli(["push", "--out", str(build), "--endpoint", endpoint]).exit_code == 2


# ---------------------------------------------------------------------------------------------
# Credentials
# ---------------------------------------------------------------------------------------------


class _Capture(http.server.BaseHTTPRequestHandler):
    """A minimal GSP store that records each request's method and Authorization header, and
    asks for credentials (401) when ``needs`` is set and the header is not it."""

    seen: list[tuple[str, str | None]]
    needs: str | None = None

    def _answer(self, status: int) -> None:
        self.seen.append((self.command, self.headers.get("Authorization")))
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if self.needs is not None and self.headers.get("Authorization") != self.needs:
            status = 401
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self._answer(404)  # no manifest yet

    def do_HEAD(self) -> None:
        self._answer(200)

    def do_PUT(self) -> None:
        self._answer(201)

    def do_DELETE(self) -> None:
        self._answer(204)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def capture() -> Iterator[tuple[str, type[_Capture]]]:
    handler = type("Handler", (_Capture,), {"seen": [], "needs": None})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/store", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_credentials_from_the_environment_reach_the_server(
    build: Path, capture: tuple[str, type[_Capture]], monkeypatch: pytest.MonkeyPatch, kg_cli
) -> None:
    endpoint, handler = capture
    monkeypatch.setenv(ENV_USER, "alice")
    monkeypatch.setenv(ENV_PASSWORD, "s3crèt:x")
    expected = "Basic " + base64.b64encode("alice:s3crèt:x".encode()).decode()
    handler.needs = expected
    result = kg_cli(["push", "--out", str(build), "--endpoint", endpoint])
    assert result.exit_code == 0, result.output
    methods = [m for m, _ in handler.seen]
    assert methods[:2] == ["GET", "HEAD"] and methods.count("PUT") == 2 + len(load_build(build))
    assert {auth for _, auth in handler.seen} == {expected}
    assert "s3cr" not in result.output


def test_no_credentials_no_header_and_a_401_says_what_to_set(
    build: Path, capture: tuple[str, type[_Capture]], monkeypatch: pytest.MonkeyPatch, kg_cli
) -> None:
    endpoint, handler = capture
    monkeypatch.delenv(ENV_USER, raising=False)
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    push(build, endpoint, dry_run=True)
    assert handler.seen and all(auth is None for _, auth in handler.seen)
    handler.needs = "Basic nobody"
    result = kg_cli(["push", "--out", str(build), "--endpoint", endpoint])
    assert result.exit_code == 7
    assert f"set {ENV_USER} and {ENV_PASSWORD}" in result.output and "401" in result.output
    monkeypatch.setenv(ENV_USER, "bob")
    monkeypatch.setenv(ENV_PASSWORD, "wrong")
    result = kg_cli(["push", "--out", str(build), "--endpoint", endpoint])
    assert result.exit_code == 7
    assert f"refused the credentials of {ENV_USER}=bob" in result.output and "wrong" not in result.output


def test_no_proxy_for_loopback_the_environments_for_other_hosts(
    build: Path, base: str, capture: tuple[str, type[_Capture]], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy, handler = capture
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(name, "")
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{free_port()}")  # nothing listens there
    push(build, f"{base}/store")  # loopback: straight to the store
    assert _count(base) == _expected_quads(build)
    monkeypatch.setenv("http_proxy", proxy.removesuffix("/store"))
    push(build, "http://kg-store.example/store", dry_run=True)  # another host: through the proxy
    assert [m for m, _ in handler.seen] == ["GET", "HEAD"]


def test_credentials_come_in_pairs() -> None:
    assert credentials_from_env({}) is None
    assert credentials_from_env({ENV_USER: "a", ENV_PASSWORD: ""}) == ("a", "")
    for half in ({ENV_USER: "a"}, {ENV_PASSWORD: "p"}):
        with pytest.raises(UsageError, match="set both"):
            credentials_from_env(half)
    with pytest.raises(UsageError, match="colon"):
        credentials_from_env({ENV_USER: "a:b", ENV_PASSWORD: "p"})


def test_help_names_the_variables_and_the_command_line_takes_no_password(kg_cli) -> None:
    result = kg_cli(["push", "--help"])
    assert result.exit_code == 0
    assert ENV_USER in result.output and ENV_PASSWORD in result.output and "Example" in result.output
    assert "--password" not in result.output and "--user" not in result.output


# ---------------------------------------------------------------------------------------------
# End to end: kg build, kg push
# ---------------------------------------------------------------------------------------------

_TEXTS = {
    "lunel": "Le maire de Lunel contre-attaque\n\nLe maire de Lunel, Pierre Soulier, accuse "
    "l'association Lunel Avenir de diffamation. Selon Midi Libre, l'association reproche au maire "
    "d'avoir favorisé des proches lors de l'attribution de marchés publics.\n",
    "hydrolux": "Pollution de la Vézère\n\nL'association Eaux Vives accuse la société Hydrolux de "
    "pollution de la rivière. La société Hydrolux dément toute pollution.\n",
}


def test_kg_build_then_kg_push(tmp_path: Path, base: str, kg_build, kg_cli) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for name, text in _TEXTS.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    kg_build(out, src)
    endpoint = f"{base}/store"

    first = kg_cli(["push", "--out", str(out), "--endpoint", endpoint, "--json"])
    assert first.exit_code == 0, first.output
    doc = json.loads(first.stdout)
    assert {g["name"]: g["action"] for g in doc["graphs"]} == {
        "ontology": "added",
        "merged": "added",
        "lunel": "added",
        "hydrolux": "added",
    }
    assert doc["totals"]["added"]["graphs"] == 4
    once = _count(base)
    assert once == _expected_quads(out)

    table = kg_cli(["push", "--out", str(out), "--endpoint", endpoint])
    assert table.exit_code == 0, table.output
    assert "up to date" in table.output and table.stdout.count("unchanged") == 4
    assert _count(base) == once

    (src / "hydrolux.txt").write_text(
        _TEXTS["hydrolux"] + "\nLa préfecture a ordonné des analyses de l'eau.\n", encoding="utf-8"
    )
    kg_build(out, src)
    lunel = str(article_graph_iri("lunel"))
    lunel_before = _fetch(base, lunel).sha256
    dry = kg_cli(["push", "--out", str(out), "--endpoint", endpoint, "--dry-run", "--json"])
    assert dry.exit_code == 0 and json.loads(dry.stdout)["dry_run"] is True
    third = kg_cli(["push", "--out", str(out), "--endpoint", endpoint, "--json"])
    assert third.exit_code == 0, third.output
    actions = {g["name"]: g["action"] for g in json.loads(third.stdout)["graphs"]}
    assert json.loads(dry.stdout)["graphs"] == json.loads(third.stdout)["graphs"]
    assert actions["hydrolux"] == "replaced" and actions["lunel"] == "unchanged"
    assert actions["ontology"] == "unchanged"
    assert _fetch(base, lunel).sha256 == lunel_before
    assert _count(base) == _expected_quads(out)

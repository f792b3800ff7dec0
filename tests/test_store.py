"""The embedded store, lossless query output, and ``kg serve`` over real HTTP.

Runs on the session's build of ``corpus/`` (``corpus_build`` in conftest.py). ``kg serve`` is
started as a real process (Oxigraph's server under it) on a free loopback port.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from servers import LOOPBACK, free_port, running

from kg import outdir, queries
from kg import store as store_module
from kg.store import STORE, load_memory_store, open_store, store_quads, verify_store, write_store
from kg.vocab import ONTOLOGY_GRAPH

_KG = str(Path(sys.executable).parent / "kg")
_COUNT_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _manifest(out: Path) -> dict:
    return json.loads((out / outdir.MANIFEST).read_text(encoding="utf-8"))


def _articles(out: Path) -> int:
    return sum(1 for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line)


# --- the store a build writes ------------------------------------------------------------------


def test_the_build_writes_a_store_holding_graph_nq_and_the_ontology(corpus_build: Path) -> None:
    info = _manifest(corpus_build)["store"]
    store = open_store(corpus_build)
    nq = (corpus_build / "graph.nq").read_bytes()
    # the same quads, literals aside in canonical form ("1.0"^^xsd:decimal stored as "1")
    assert store_quads(store).count(b"\n") == nq.count(b"\n")
    assert set(store_quads(store).splitlines()) ^ set(nq.splitlines()) <= {
        line for line in store_quads(store).splitlines() + nq.splitlines() if b"XMLSchema#decimal" in line
    }
    ontology = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH))))
    assert ontology > 100
    assert info["quads"] == len(store) == nq.count(b"\n") + ontology
    # one named graph per article, plus the ontology's
    assert info["graphs"] == _articles(corpus_build) + 1
    assert verify_store(corpus_build, info) == []


def test_the_store_loaded_in_many_small_batches_holds_the_same_quads(
    corpus_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = _manifest(corpus_build)["store"]
    shutil.copy(corpus_build / "graph.nq", tmp_path / "graph.nq")
    monkeypatch.setattr(store_module, "LOAD_BYTES", 20_000)
    assert (tmp_path / "graph.nq").stat().st_size > 50 * store_module.LOAD_BYTES  # fifty loads and more
    assert write_store(tmp_path) == info
    assert verify_store(tmp_path, info) == []
    assert store_quads(open_store(tmp_path)) == store_quads(open_store(corpus_build))


def test_verify_finds_a_store_that_differs_from_the_build(corpus_build: Path, tmp_path: Path) -> None:
    copy = tmp_path / "build"
    shutil.copytree(corpus_build, copy)
    assert outdir.verify(copy) == []
    store = ox.Store(str(copy / STORE))
    store.add(ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b"), ox.Literal("c")))
    store.flush()
    del store
    problems = outdir.verify(copy)
    assert any("quads" in p for p in problems) and any("differ from graph.nq" in p for p in problems)
    # without the store (a fresh clone's outputs/), the build still verifies and queries run
    shutil.rmtree(copy / STORE)
    assert outdir.verify(copy) == []
    columns, rows = queries.run_named(queries.load_store(copy), "who-accused-whom")
    assert (columns, rows) == queries.run_named(queries.load_store(corpus_build), "who-accused-whom")


def test_queries_see_the_named_graphs(corpus_build: Path) -> None:
    for store in (queries.load_store(corpus_build), load_memory_store(corpus_build)):
        _, [[n]] = queries.run_sparql(store, _COUNT_GRAPHS)
        assert int(n) == _articles(corpus_build) + 1  # the articles' graphs and the ontology's
        # the default graph is the union: an actor's name is found without GRAPH
        _, rows = queries.run_sparql(store, "ASK { ?a a <https://w3id.org/kg-fr/ontology#Accusation> }")
        assert rows == [["true"]]


# --- lossless output ----------------------------------------------------------------------------


def _query(kg_cli, out: Path, *args: str) -> str:
    result = kg_cli(["query", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_xml_csv_and_tsv_are_the_w3c_formats(kg_cli, corpus_build: Path) -> None:
    doc = json.loads(_query(kg_cli, corpus_build, "who-accused-whom", "--format", "json"))
    assert doc["head"]["vars"][:2] == ["accuser", "accused"]
    bindings = doc["results"]["bindings"]
    assert bindings
    first = bindings[0]
    assert first["accusation"]["type"] == "uri"
    assert first["accusation"]["value"].startswith("https://w3id.org/kg-fr/id/accusation/")
    assert first["accuser"] == {"type": "literal", "value": first["accuser"]["value"], "xml:lang": "fr"}
    assert first["articles"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    for fmt, parser in (("xml", ox.QueryResultsFormat.XML), ("tsv", ox.QueryResultsFormat.TSV)):
        text = _query(kg_cli, corpus_build, "who-accused-whom", "--format", fmt)
        parsed = list(ox.parse_query_results(text.encode("utf-8"), format=parser))
        assert len(parsed) == len(bindings), fmt
        assert parsed[0]["accusation"] == ox.NamedNode(first["accusation"]["value"]), fmt
    rows = list(csv.reader(io.StringIO(_query(kg_cli, corpus_build, "who-accused-whom", "--format", "csv"))))
    assert rows[0] == doc["head"]["vars"] and len(rows) == len(bindings) + 1
    assert rows[1][rows[0].index("accusation")] == first["accusation"]["value"]


def test_construct_and_describe_give_rdf(kg_cli, corpus_build: Path) -> None:
    construct = (
        "CONSTRUCT { ?a <urn:x:accuses> ?b } WHERE { ?a <https://w3id.org/kg-fr/ontology#accuses> ?b }"
    )
    turtle = _query(kg_cli, corpus_build, "--sparql", construct, "--format", "turtle")
    triples = list(ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    _, expected = queries.run_sparql(queries.load_store(corpus_build), construct)
    assert len(triples) == len(expected) > 10
    entity = triples[0].subject.value
    for fmt, syntax in (("jsonld", ox.RdfFormat.JSON_LD), ("nt", ox.RdfFormat.N_TRIPLES)):
        text = _query(kg_cli, corpus_build, "--sparql", f"DESCRIBE <{entity}>", "--format", fmt)
        described = list(ox.parse(text.encode("utf-8"), format=syntax))
        assert any(t.subject.value == entity for t in described), fmt
    result = kg_cli(["query", "--sparql", construct, "--format", "csv", "--out", str(corpus_build)])
    assert result.exit_code == 2 and "gives RDF" in result.output


def test_the_table_shows_curies_and_their_prefixes(kg_cli, corpus_build: Path) -> None:
    table = _query(
        kg_cli,
        corpus_build,
        "--sparql",
        "SELECT ?a WHERE { ?a a <https://w3id.org/kg-fr/ontology#Actor> } LIMIT 1",
    )
    assert "kgid:entity/" in table and "PREFIX kgid: <https://w3id.org/kg-fr/id/>" in table
    assert "https://w3id.org/kg-fr/id/entity/" not in table


def test_params_bind_in_any_query(kg_cli, corpus_build: Path) -> None:
    sparql = (
        "SELECT ?entity ?a WHERE { ?a <http://www.w3.org/2004/02/skos/core#prefLabel> ?l ."
        " FILTER(STR(?l) = STR($entity)) }"
    )
    _, rows = queries.run_named(queries.load_store(corpus_build), "most-accused")
    name = rows[0][0]
    doc = json.loads(
        _query(kg_cli, corpus_build, "--sparql", sparql, "-p", f"entity={name}", "--format", "json")
    )
    assert [b["entity"]["value"] for b in doc["results"]["bindings"]] == [name]
    hostile = json.loads(
        _query(kg_cli, corpus_build, "--sparql", sparql, "-p", 'entity=x") || true || ("', "--format", "json")
    )
    assert hostile["results"]["bindings"] == []


# --- kg serve -------------------------------------------------------------------------------


@contextlib.contextmanager
def _serving(out: Path, *extra: str) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    if not Path(_KG).is_file():
        pytest.skip("the kg command is not installed in this environment")
    port = free_port()
    command = [_KG, "serve", "--out", str(out), "--port", str(port), *extra]
    with running(command, f"http://127.0.0.1:{port}", env={**os.environ, "COLUMNS": "200"}) as served:
        yield served


def _post(base: str, path: str, data: dict[str, str], accept: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(
        f"{base}{path}",
        data=urllib.parse.urlencode(data).encode("utf-8"),
        headers={
            "Accept": accept,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": "http://yasgui.example",
        },
    )
    try:
        with LOOPBACK.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_serve_answers_like_kg_query_refuses_updates_and_stops_on_ctrl_c(kg_cli, corpus_build: Path) -> None:
    sparql = queries.get_query("who-accused-whom").sparql
    local_json = json.loads(_query(kg_cli, corpus_build, "who-accused-whom", "--format", "json"))
    local_csv = _query(kg_cli, corpus_build, "who-accused-whom", "--format", "csv")
    with _serving(corpus_build) as (proc, base):
        status, headers, body = _post(base, "/query", {"query": sparql}, "application/sparql-results+json")
        assert status == 200
        assert json.loads(body) == local_json
        assert headers.get("access-control-allow-origin") == "*"  # CORS, for browser clients
        for named in queries.list_queries():  # every named query without a parameter, the same rows
            if not named.params:
                local = json.loads(_query(kg_cli, corpus_build, named.name, "--format", "json"))
                status, _, body = _post(
                    base, "/query", {"query": named.sparql}, "application/sparql-results+json"
                )
                assert status == 200 and json.loads(body) == local, named.name
        status, _, body = _post(base, "/query", {"query": sparql}, "text/csv")
        assert status == 200 and body.decode("utf-8").replace("\r\n", "\n") == local_csv.replace("\r\n", "\n")
        describe = "DESCRIBE ?a WHERE { ?a a <https://w3id.org/kg-fr/ontology#Actor> } LIMIT 1"
        status, headers, body = _post(base, "/query", {"query": describe}, "text/turtle")
        assert status == 200 and headers["content-type"].startswith("text/turtle")
        assert list(ox.parse(body, format=ox.RdfFormat.TURTLE))
        rdf_types = (
            ("application/ld+json", ox.RdfFormat.JSON_LD),
            ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        )
        for accept, syntax in rdf_types:
            status, headers, body = _post(base, "/query", {"query": describe}, accept)
            assert status == 200 and headers["content-type"].startswith(accept), accept
            assert list(ox.parse(body, format=syntax)), accept
        for accept, results in (
            ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
            ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
        ):
            status, _, body = _post(base, "/query", {"query": sparql}, accept)
            assert status == 200, accept
            parsed = list(ox.parse_query_results(body, format=results))
            assert len(parsed) == len(local_json["results"]["bindings"]), accept
        before = queries.run_sparql(
            open_store(corpus_build), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        )
        status, _, _ = _post(
            base, "/update", {"update": "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"}, "*/*"
        )
        assert status == 403
        after = queries.run_sparql(
            open_store(corpus_build), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        )
        assert after == before
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 130
        assert time.monotonic() - started < 15
        with pytest.raises(urllib.error.URLError):
            LOOPBACK.open(f"{base}/query?query=ASK%7B%7D", timeout=2)


def test_serve_refuses_a_busy_port_a_public_host_and_a_build_without_store(
    kg_cli, corpus_build: Path, tmp_path: Path
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = kg_cli(["serve", "--out", str(corpus_build), "--port", str(port)])
        assert result.exit_code == 2 and "already in use" in result.output
    result = kg_cli(["serve", "--out", str(corpus_build), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--force" in result.output
    copy = tmp_path / "build"
    shutil.copytree(corpus_build, copy, ignore=shutil.ignore_patterns(STORE))
    result = kg_cli(["serve", "--out", str(copy)])
    assert result.exit_code == 2 and "no store" in result.output


def test_serve_follows_a_new_build_swapped_into_out(corpus_build: Path, tmp_path: Path) -> None:
    out, new = tmp_path / "out", tmp_path / ".out.new"
    shutil.copytree(corpus_build, out)
    shutil.copytree(corpus_build, new)
    extra = ox.Quad(ox.NamedNode("urn:x:new"), ox.NamedNode("urn:x:build"), ox.Literal("yes"))
    store = ox.Store(str(new / STORE))  # the "new build": one more quad, its own manifest file
    store.add(extra)
    store.flush()
    del store
    ask = {"query": "ASK { <urn:x:new> <urn:x:build> ?o }"}
    with _serving(out) as (proc, base):
        assert (
            json.loads(_post(base, "/query", ask, "application/sparql-results+json")[2])["boolean"] is False
        )
        old = tmp_path / ".out.old"
        os.rename(out, old)  # what kg build's swap does, in two renames
        os.rename(new, out)
        shutil.rmtree(old)
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(urllib.error.URLError, ConnectionError, json.JSONDecodeError):
                answer = _post(base, "/query", ask, "application/sparql-results+json")
                if answer[0] == 200 and json.loads(answer[2])["boolean"]:
                    break
            assert time.monotonic() < deadline, "kg serve still serves the old build after 30 s"
            time.sleep(0.2)
        assert proc.poll() is None

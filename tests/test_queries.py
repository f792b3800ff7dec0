"""Named SPARQL queries, graph queries and output formats, on the hand-built fixture."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from kgfixtures import ACTORS, A, B, C, D, make_kg
from rich.console import Console
from servers import oxigraph_server, sparql_select

from kg.queries import (
    GRAPH_QUERIES,
    FittedTable,
    QueryInfo,
    accusation_chains,
    bind_params,
    central_actors,
    communities,
    execute,
    format_rows,
    get_query,
    list_queries,
    load_store,
    run_named,
    run_sparql,
    shorten,
)
from kg.rdf import write_rdf
from kg.records import KnowledgeGraph

NAMED = [
    "accusations-against",
    "accusations-by",
    "accused-by-several",
    "denials",
    "hedged",
    "most-accused",
    "mutual-accusations",
    "sources",
    "who-accused-whom",
]
# A parameter value for each named query that takes one.
PARAMS = {"accusations-against": {"entity": "Sodexa"}, "accusations-by": {"entity": "jean-pierre durand"}}


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return make_kg()


@pytest.fixture(scope="module")
def out_dir(kg: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("queries")
    write_rdf(kg, out)
    return out


@pytest.fixture(scope="module")
def store(out_dir: Path) -> ox.Store:
    return load_store(out_dir)


def _column(result: tuple[list[str], list[list[str]]], name: str) -> list[str]:
    columns, rows = result
    return [row[columns.index(name)] for row in rows]


# The catalogue


def test_list_queries() -> None:
    queries = list_queries()
    assert [q.name for q in queries] == NAMED
    for q in queries:
        assert q.title and q.description, q.name
        assert q.params == (("entity",) if q.name in PARAMS else ()), q.name
        assert ("$entity" in q.sparql) == bool(q.params)


def test_unknown_query(store: ox.Store) -> None:
    with pytest.raises(KeyError, match="who-accused-whom"):
        run_named(store, "nope", {})


def test_missing_and_unknown_params() -> None:
    with pytest.raises(ValueError, match="needs entity"):
        bind_params(get_query("accusations-against"), {})
    with pytest.raises(ValueError, match="no parameter"):
        bind_params(get_query("who-accused-whom"), {"entity": "x"})


@pytest.mark.parametrize("name", NAMED)
def test_every_named_query_returns_rows(name: str, store: ox.Store) -> None:
    columns, rows = run_named(store, name, PARAMS.get(name, {}))
    assert columns and rows
    assert all(len(row) == len(columns) and all(isinstance(v, str) for v in row) for row in rows)


def test_who_accused_whom(store: ox.Store, kg: KnowledgeGraph) -> None:
    result = run_named(store, "who-accused-whom")
    assert sorted(_column(result, "accusation")) == sorted(a.id for a in kg.accusations)
    pairs = set(zip(_column(result, "accuser"), _column(result, "accused"), strict=True))
    assert (ACTORS[A], ACTORS[B]) in pairs and (ACTORS[B], ACTORS[A]) in pairs
    assert set(_column(result, "status")) == {"asserted", "alleged", "denied"}
    defamation = [r for r in result[1] if "diffamation" in r]
    assert _column((result[0], defamation), "articles") == ["2"]


@pytest.mark.parametrize("entity", ["Sodexa", "SOCIÉTÉ D'AMÉNAGEMENT SODEXA", "la société", "ent-sodexa"])
def test_accusations_against_returns_exactly_the_accusers(store: ox.Store, entity: str) -> None:
    result = run_named(store, "accusations-against", {"entity": entity})
    assert sorted(_column(result, "accuser")) == sorted([ACTORS[B], ACTORS[D]])
    assert set(_column(result, "accused")) == {ACTORS[C]}


def test_accusations_against_a_name_with_quotes(store: ox.Store) -> None:
    result = run_named(store, "accusations-against", {"entity": ACTORS[B]})
    assert _column(result, "accuser") == [ACTORS[A]]


def test_accusations_by(store: ox.Store) -> None:
    result = run_named(store, "accusations-by", {"entity": "Durand"})
    assert sorted(_column(result, "accused")) == sorted([ACTORS[B], ACTORS[D]])
    assert set(_column(result, "accuser")) == {ACTORS[A]}


@pytest.mark.parametrize(
    "entity", ['x") } INSERT DATA { <a:b> <a:c> <a:d> } #', "\\", 'a"\n"b', "$entity", "nobody"]
)
def test_params_are_escaped_literals(store: ox.Store, entity: str) -> None:
    assert run_named(store, "accusations-against", {"entity": entity}) == (
        ["accuser", "accused", "status", "articles", "category", "offense", "accusation", "entity"],
        [],
    )


def test_mutual_accusations(store: ox.Store) -> None:
    columns, rows = run_named(store, "mutual-accusations")
    assert len(rows) == 1
    assert {rows[0][columns.index("a")], rows[0][columns.index("b")]} == {A, B}


def test_accused_by_several(store: ox.Store) -> None:
    result = run_named(store, "accused-by-several")
    assert _column(result, "entity") == [C]
    assert _column(result, "accusers") == ["2"]
    assert set(_column(result, "accused_by")[0].split(" | ")) == {ACTORS[B], ACTORS[D]}


def test_most_accused_ranks_the_most_accused_first(store: ox.Store) -> None:
    result = run_named(store, "most-accused")
    assert _column(result, "entity")[0] == C
    assert D not in _column(result, "entity")  # only accused in a denied accusation


def test_sources_give_sentences_and_reporters(store: ox.Store, kg: KnowledgeGraph) -> None:
    result = run_named(store, "sources")
    evidence = {c.id for a in kg.accusations for c in kg.claims if c.id in a.claims}
    assert len(result[1]) == len(evidence)
    assert "Agence France-Presse" in _column(result, "reported_by")
    sentences = set(_column(result, "sentence"))
    assert {c.sentence for c in kg.claims if c.id in evidence} == sentences


def test_hedged_and_denials(store: ox.Store) -> None:
    hedged = run_named(store, "hedged")
    assert _column(hedged, "accuser") == [ACTORS[B]]
    assert _column(hedged, "accusation_status") == ["alleged"]
    denials = run_named(store, "denials")
    assert sorted(_column(denials, "type")) == ["accusation", "denial"]


def test_run_sparql_ask_and_construct(store: ox.Store) -> None:
    assert run_sparql(store, "ASK { ?s ?p ?o }") == (["ask"], [["true"]])
    columns, rows = run_sparql(
        store,
        "CONSTRUCT { ?a <urn:x:accuses> ?b } WHERE { ?a <https://w3id.org/kg-fr/ontology#accuses> ?b }",
    )
    assert columns == ["subject", "predicate", "object"]
    assert [A, "urn:x:accuses", B] in rows


def test_shorten() -> None:
    assert shorten("https://w3id.org/kg-fr/id/entity/a%20b") == "a b"
    assert shorten("https://w3id.org/kg-fr/ontology#denied") == "denied"
    assert shorten("https://example.org/x") == "https://example.org/x"


def test_params_are_bound_by_the_engine(store: ox.Store) -> None:
    echo = QueryInfo(
        "echo", "echo", "", ("v",), "SELECT ?x ?v WHERE { VALUES ?x { 1 } FILTER(STR($v) != '') }"
    )
    for value in ['a"b', "c\\d", "e\nf\r\tg", "l'Œil 🙂", "$entity"]:
        assert run_sparql(store, echo.sparql, bind_params(echo, {"v": value})) == (["x", "v"], [["1", value]])
    with pytest.raises(ValueError, match="must select it"):
        execute(store, "SELECT ?x WHERE { BIND(?v AS ?x) }", {ox.Variable("v"): ox.Literal("a")})


def test_load_store_falls_back_to_turtle(out_dir: Path, tmp_path: Path, store: ox.Store) -> None:
    shutil.copy(out_dir / "graph.ttl", tmp_path / "graph.ttl")
    assert len(load_store(tmp_path)) == len(store)
    with pytest.raises(FileNotFoundError):
        load_store(tmp_path / "missing")


# Graph queries


def test_chain_found(kg: KnowledgeGraph) -> None:
    columns, rows = accusation_chains(kg)
    chains = _column((columns, rows), "entities")
    assert f"{A} → {B} → {C}" in chains
    assert all(len(set(c.split(" → "))) == len(c.split(" → ")) for c in chains)  # no actor twice
    assert all(2 <= int(n) <= 4 for n in _column((columns, rows), "length"))
    assert accusation_chains(kg, min_length=3)[1] == []
    with pytest.raises(ValueError):
        accusation_chains(kg, min_length=3, max_length=2)


def test_central_actors(kg: KnowledgeGraph) -> None:
    columns, rows = central_actors(kg)
    assert columns == ["rank", "name", "accused_by", "accuses", "pagerank", "entity"]
    assert _column((columns, rows), "entity")[0] == C  # accused by two accusers
    ranks = [float(x) for x in _column((columns, rows), "pagerank")]
    assert ranks == sorted(ranks, reverse=True)
    assert len(central_actors(kg, n=2)[1]) == 2


def test_communities_are_deterministic(kg: KnowledgeGraph) -> None:
    first = communities(kg)
    assert first == communities(make_kg())
    groups = [set(ids.split(" | ")) for ids in _column(first, "entities")]
    assert {A, B} in groups
    assert sum(len(g) for g in groups) == len(set().union(*groups))  # a partition


def test_graph_queries_registry(kg: KnowledgeGraph) -> None:
    assert set(GRAPH_QUERIES) == {"central", "chains", "communities"}
    for name, query in GRAPH_QUERIES.items():
        columns, rows = query(kg)
        assert columns and rows, name


def test_graph_queries_on_an_empty_graph() -> None:
    empty = KnowledgeGraph([], [], [], [])
    for query in GRAPH_QUERIES.values():
        assert query(empty)[1] == []


# Output formats


def test_format_rows() -> None:
    columns, rows = ["who", "what"], [['L\'Œil "citoyen"', "a, b"], ["x\ny", ""]]
    parsed = list(csv.reader(io.StringIO(format_rows(columns, rows, "csv"))))
    assert parsed == [columns, *rows]
    assert json.loads(format_rows(columns, rows, "json")) == [
        dict(zip(columns, r, strict=True)) for r in rows
    ]
    table = format_rows(columns, rows, "table")
    assert isinstance(table, FittedTable) and table.row_count == 2
    console = Console(file=io.StringIO(), width=80)
    console.print(table)
    assert "citoyen" in console.file.getvalue()
    with pytest.raises(ValueError, match="unknown output format"):
        format_rows(columns, rows, "xml")


# A real SPARQL endpoint


@pytest.fixture
def sparql_endpoint(out_dir: Path, tmp_path: Path) -> Iterator[str]:
    """An oxigraph server on a free loopback port holding graph.nt; always stopped."""
    with oxigraph_server(tmp_path / "oxigraph", load=out_dir / "graph.nt") as base:
        yield base


def _http_select(base: str, sparql: str) -> tuple[list[str], list[list[str]]]:
    columns, bindings = sparql_select(base, sparql)

    def value(binding: dict[str, str] | None) -> str:
        if binding is None:
            return ""
        return shorten(binding["value"]) if binding["type"] == "uri" else binding["value"]

    return columns, [[value(b.get(c)) for c in columns] for b in bindings]


def test_who_accused_whom_over_http(sparql_endpoint: str, store: ox.Store) -> None:
    sparql = get_query("who-accused-whom").sparql
    over_http = _http_select(sparql_endpoint, sparql)
    assert over_http == run_named(store, "who-accused-whom")
    assert len(over_http[1]) == 5


@pytest.mark.parametrize("width", [40, 60, 80, 120, 200])
def test_a_fitted_table_fits_and_keeps_its_key_columns_whole(width: int) -> None:
    columns = ["accuser", "accused", "status", "articles", "offense", "accusation"]
    rows = [
        [
            "Autorité de la concurrence",
            "Jean-Baptiste Djebbari-Lefèvre",
            "alleged",
            "12",
            "x " * 60,
            "kgid:" + "a" * 40,
        ],
        ["AFP", "Le Monde", "asserted", "1", "diffamation", "kgid:b"],
    ]
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(FittedTable(columns, rows))
    text = console.export_text()
    assert all(len(line) <= width for line in text.splitlines())
    table, hidden = FittedTable(columns, rows).fit(width)
    shown = [c.header for c in table.columns]
    assert len(shown) >= (2 if width < 60 else 4)
    body = [line.strip("│").split("│") for line in text.splitlines() if line.startswith("│")]
    for j, column in enumerate(shown[:4]):  # accuser, accused (wrapped), status and count: whole
        flat = "".join("".join(cells[j].split()) for cells in body)
        for row in rows:
            assert "".join(row[columns.index(column)].split()) in flat
    assert shown + hidden == columns, "columns are left out from the end"
    assert ("not shown at this width" in text) == bool(hidden)
    if "offense" in shown:
        assert "…" in text, "a long text is cut to one line"

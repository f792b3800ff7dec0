"""Questions asked of the graph: named SPARQL queries, and graph algorithms via networkx.

Named queries are the ``.rq`` files of ``kg/queries/``, each opening with comment lines::

    # title: Accusations against an actor
    # description: Who accused the given actor ...
    # param: entity

A parameter appears in the query as ``$name`` (in SPARQL, the variable ``?name``) and is bound
by the engine to a string literal (pyoxigraph's substitutions, SPARQL-dev SEP-0007), so a value
never becomes query text; the query projects it (``$entity`` is an actor's name, alias or id,
matched without regard to case). Queries run on the build's embedded store (``kg.store``),
whose default graph is the union of every graph; ``GRAPH ?g`` reaches each article's graph.

What SPARQL does badly (ranking, paths, communities) runs on ``kg.graph.to_networkx``; those
functions are in ``GRAPH_QUERIES``. ``run_named``, ``run_sparql`` and the graph queries return
``(columns, rows)``, rows of plain strings with kg's ids for its IRIs, which ``format_rows``
turns into a Rich table, CSV or JSON. ``execute`` returns the engine's own result, which
``render`` writes without loss: W3C SPARQL results (JSON, XML, CSV, TSV), RDF for CONSTRUCT and
DESCRIBE, or a table with CURIEs and the prefixes it uses.

>>> [q.name for q in list_queries()][:2]
['accusations-against', 'accusations-by']
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from kg.graph import to_networkx
from kg.records import KnowledgeGraph
from kg.vocab import KG_NS, PREFIXES, compact_iri, iri_id

__all__ = [
    "FORMATS",
    "GRAPH_QUERIES",
    "RDF_RESULT_FORMATS",
    "RESULT_FORMATS",
    "FittedTable",
    "QueryInfo",
    "Rows",
    "accusation_chains",
    "bind_params",
    "central_actors",
    "close_names",
    "communities",
    "curie",
    "execute",
    "format_rows",
    "get_query",
    "list_queries",
    "load_store",
    "render",
    "run_named",
    "run_sparql",
    "shorten",
    "with_prefixes",
]

Rows = tuple[list[str], list[list[str]]]

_HEADER = re.compile(r"#\s*(title|description|param)\s*:\s*(.*)")

#: ``--format`` name -> W3C SPARQL results format, for SELECT and ASK.
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
#: ``--format`` name -> RDF syntax, for CONSTRUCT and DESCRIBE.
RDF_RESULT_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """A named SPARQL query: its name (the file stem), what it does, its parameters, its text."""

    name: str
    title: str
    description: str
    params: tuple[str, ...]
    sparql: str


def _parse_query(name: str, text: str) -> QueryInfo:
    header: dict[str, list[str]] = defaultdict(list)
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if m:
            header[m.group(1)].append(m.group(2).strip())
    return QueryInfo(
        name=name,
        title=" ".join(header["title"]) or name,
        description=" ".join(header["description"]),
        params=tuple(header["param"]),
        sparql=text,
    )


def list_queries() -> list[QueryInfo]:
    """Every named query of ``kg/queries/``, sorted by name."""
    folder = resources.files("kg").joinpath("queries")
    found = [
        _parse_query(entry.name.removesuffix(".rq"), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".rq")
    ]
    return sorted(found, key=lambda q: q.name)


def get_query(name: str) -> QueryInfo:
    """The named query ``name``; KeyError listing the known names if there is none."""
    queries = {q.name: q for q in list_queries()}
    if name not in queries:
        raise KeyError(f"no query named {name!r}; known queries: {', '.join(sorted(queries))}")
    return queries[name]


def load_store(out_dir: str | Path) -> ox.Store:
    """The store of the build in ``out_dir``: its embedded store, opened read-only, or for a build
    without one (a fresh clone's ``outputs/``, a build of an older kg) an in-memory store loaded
    from ``graph.nq`` (else ``graph.nt`` or ``graph.ttl``)."""
    from kg.store import load_memory_store, open_store

    try:
        return open_store(Path(out_dir))
    except FileNotFoundError:
        return load_memory_store(Path(out_dir))


def shorten(iri: str) -> str:
    """How an IRI is shown: the id of a kg instance, the local name of a kg term, else itself.

    >>> shorten("https://w3id.org/kg-fr/id/entity/ent-durand")
    'ent-durand'
    >>> shorten("https://w3id.org/kg-fr/ontology#alleged")
    'alleged'
    """
    if iri.startswith(KG_NS):
        return iri[len(KG_NS) :]
    found = iri_id(iri)
    return found[1] if found is not None else iri


def _term(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def run_sparql(
    store: ox.Store, sparql: str, bindings: Mapping[ox.Variable, ox.Literal] | None = None
) -> Rows:
    """Run a query; returns column names and rows of plain strings (see ``shorten``).

    SELECT gives its variables; ASK one ``ask`` column; CONSTRUCT/DESCRIBE one row per triple.
    """
    result = execute(store, sparql, bindings)
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[str(bool(result)).lower()]]
    if isinstance(result, ox.QueryTriples):
        return ["subject", "predicate", "object"], [
            [_term(t.subject), _term(t.predicate), _term(t.object)] for t in result
        ]
    columns = [v.value for v in result.variables]
    return columns, [[_term(solution[c]) for c in columns] for solution in result]


def with_prefixes(sparql: str) -> str:
    """``sparql`` with a PREFIX line for each of kg's prefixes it uses without declaring it.

    >>> print(with_prefixes("SELECT ?a WHERE { ?a a kg:Actor }"))
    PREFIX kg: <https://w3id.org/kg-fr/ontology#>
    SELECT ?a WHERE { ?a a kg:Actor }
    >>> with_prefixes("PREFIX kg: <x:> ASK { <a:b> ?p 'kg:x' }").startswith("PREFIX kg: <x:>")
    True
    """
    declared = {m.lower() for m in re.findall(r"(?i)PREFIX\s+([\w-]*):", sparql)}
    lines = [
        f"PREFIX {p}: <{iri}>"
        for p, iri in PREFIXES.items()
        if p.lower() not in declared and re.search(rf"(?<![\w<#/:-]){re.escape(p)}:", sparql)
    ]
    return "\n".join([*lines, sparql])


def _literal(name: str, value: str) -> ox.Literal:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"parameter {name}: the value is not text (it holds a lone surrogate)") from None
    return ox.Literal(value)


def bind_params(query: QueryInfo, params: Mapping[str, str] | None = None) -> dict[ox.Variable, ox.Literal]:
    """The engine bindings of a named query: each of its parameters to its value as a literal."""
    params = dict(params or {})
    missing = [p for p in query.params if p not in params]
    if missing:
        raise ValueError(f"query {query.name!r} needs {', '.join(missing)}")
    unknown = sorted(set(params) - set(query.params))
    if unknown:
        raise ValueError(f"query {query.name!r} takes no parameter {', '.join(unknown)}")
    return {ox.Variable(k): _literal(k, v) for k, v in params.items()}


def execute(
    store: ox.Store, sparql: str, bindings: Mapping[ox.Variable, ox.Literal] | None = None
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run ``sparql`` on ``store``, the default graph being the union of its graphs, with the
    variables of ``bindings`` bound by the engine (a bound variable must be in the projection)."""
    try:
        return store.query(
            sparql, use_default_graph_as_union=True, substitutions=dict(bindings or {}) or None
        )
    except RuntimeError as exc:  # pyoxigraph's error for a substitution outside the projection
        names = ", ".join(f"?{v.value}" for v in bindings or {})
        raise ValueError(f"{exc}: to bind {names}, the query must select it (SELECT ... {names})") from None


_ACTOR_KEYS = """
PREFIX kg: <https://w3id.org/kg-fr/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?key ?label WHERE {
  ?actor a kg:Actor ; skos:prefLabel ?label ; skos:prefLabel|skos:altLabel|schema:identifier ?key .
}
"""


def close_names(store: ox.Store, entity: str, n: int = 3) -> list[str] | None:
    """None when ``entity`` is an actor's name, alias or id (any case), as the ``entity``
    parameter of the named queries matches; else up to ``n`` actors' names closest to it."""
    from rapidfuzz import fuzz, process, utils

    labels: dict[str, str] = {}  # every key (name, alias, id), lower-cased -> the actor's name
    for solution in store.query(_ACTOR_KEYS):  # type: ignore[union-attr]
        labels.setdefault(solution["key"].value.lower(), solution["label"].value)
    if entity.lower() in labels:
        return None
    found = process.extract(
        entity,
        list(labels),
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=4 * n,
        score_cutoff=70,
    )
    names = list(dict.fromkeys(labels[key] for key, _, _ in found))
    return names[:n]


def run_named(store: ox.Store, name: str, params: Mapping[str, str] | None = None) -> Rows:
    """Run the named query ``name`` with its parameters."""
    query = get_query(name)
    return run_sparql(store, query.sparql, bind_params(query, params))


# Lossless output of SPARQL results


def curie(iri: str) -> tuple[str, str | None]:
    """How the table view shows an IRI: ``(prefix:rest, prefix)``, or ``(<iri>, None)``.

    >>> curie("https://w3id.org/kg-fr/id/entity/ent-durand")
    ('kgid:entity/ent-durand', 'kgid')
    >>> curie("https://example.org/x")
    ('<https://example.org/x>', None)
    """
    shown, prefix = compact_iri(iri)
    return (shown, prefix) if prefix else (f"<{iri}>", None)


def _cell(term: Any, used: set[str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        shown, prefix = curie(term.value)
        if prefix:
            used.add(prefix)
        return shown
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _curie_table(columns: list[str], terms: list[list[Any]]) -> FittedTable:
    used: list[set[str]] = [set() for _ in columns]
    rows = [[_cell(t, used[i]) for i, t in enumerate(row)] for row in terms]
    return FittedTable(columns, rows, used)


def render(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> FittedTable | bytes:
    """A query result in ``fmt``: "table" (CURIEs, then the PREFIX lines they use), a W3C
    results format of ``RESULT_FORMATS`` for SELECT and ASK, an RDF syntax of
    ``RDF_RESULT_FORMATS`` for CONSTRUCT and DESCRIBE. ValueError for a format the result
    cannot take."""
    if isinstance(result, ox.QueryTriples):
        if fmt == "table":
            return _curie_table(
                ["subject", "predicate", "object"], [[t.subject, t.predicate, t.object] for t in result]
            )
        if fmt not in RDF_RESULT_FORMATS:
            choices = ", ".join(["table", *RDF_RESULT_FORMATS])
            raise ValueError(f"a CONSTRUCT or DESCRIBE query gives RDF: use --format {choices}")
        prefixes = {k: v for k, v in PREFIXES.items() if k != "kgid"}
        return ox.serialize(list(result), format=RDF_RESULT_FORMATS[fmt], prefixes=prefixes) or b""
    if fmt == "table":
        if isinstance(result, ox.QueryBoolean):
            return _table(["ask"], [[str(bool(result)).lower()]])
        columns = [v.value for v in result.variables]
        return _curie_table(columns, [[solution[c] for c in columns] for solution in result])
    if fmt not in RESULT_FORMATS:
        choices = ", ".join(["table", *RESULT_FORMATS])
        raise ValueError(f"a SELECT or ASK query gives SPARQL results: use --format {choices}")
    return result.serialize(format=RESULT_FORMATS[fmt]) or b""


# Graph queries on networkx


def _accusation_digraph(kg: KnowledgeGraph) -> nx.DiGraph:
    """Actors and who-accuses-whom edges (denied accusations left out), nodes sorted.

    Edge attributes: ``weight`` (number of accusations), ``categories`` (their offense
    categories, "unspecified" when there is none) and ``offenses`` (their offenses, as written).
    """
    multi = to_networkx(kg, only_accused=True)
    g = nx.DiGraph()
    for node in sorted(multi.nodes):
        g.add_node(node, label=multi.nodes[node].get("label", node))
    for u, v, key in sorted(multi.edges(keys=True)):
        data = multi.edges[u, v, key]
        if data.get("status") == "denied":
            continue
        if not g.has_edge(u, v):
            g.add_edge(u, v, weight=0, categories=[], offenses=[])
        edge = g.edges[u, v]
        edge["weight"] += 1
        edge["categories"].append(data.get("category") or "unspecified")
        edge["offenses"].append(data.get("offense") or "")
    return g


def _pagerank(
    g: nx.DiGraph, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 200
) -> dict[str, float]:
    """Weighted PageRank by power iteration (networkx's own needs scipy); dangling mass spread."""
    nodes = sorted(g.nodes)
    if not nodes:
        return {}
    n = len(nodes)
    rank = dict.fromkeys(nodes, 1.0 / n)
    out_weight = {u: sum(d["weight"] for _, _, d in g.out_edges(u, data=True)) for u in nodes}
    for _ in range(max_iter):
        dangling = sum(rank[u] for u in nodes if out_weight[u] == 0)
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + alpha * dangling / n)
        for u in nodes:
            if out_weight[u]:
                for _, v, d in g.out_edges(u, data=True):
                    new[v] += alpha * rank[u] * d["weight"] / out_weight[u]
        delta = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if delta < n * tol:
            break
    return rank


def central_actors(kg: KnowledgeGraph, n: int = 10) -> Rows:
    """The ``n`` most central actors of the accusation graph: PageRank (being accused by the
    accused counts more), then degree.

    Columns: rank, name, accused_by, accuses, pagerank, entity (the key columns first).
    """
    g = _accusation_digraph(kg)
    pagerank = _pagerank(g)
    order = sorted(g.nodes, key=lambda u: (-round(pagerank[u], 9), -g.degree(u), u))
    rows = [
        [str(i), g.nodes[u]["label"], str(g.in_degree(u)), str(g.out_degree(u)), f"{pagerank[u]:.4f}", u]
        for i, u in enumerate(order[:n], start=1)
    ]
    return ["rank", "name", "accused_by", "accuses", "pagerank", "entity"], rows


def _simple_paths(g: nx.DiGraph, start: str, max_length: int) -> Iterator[list[str]]:
    stack = [[start]]
    while stack:
        path = stack.pop()
        if len(path) > 1:
            yield path
        if len(path) - 1 < max_length:
            for v in sorted(g.successors(path[-1]), reverse=True):
                if v not in path:
                    stack.append([*path, v])


def accusation_chains(kg: KnowledgeGraph, min_length: int = 2, max_length: int = 4) -> Rows:
    """Chains of accusations A -> B -> C (``min_length`` to ``max_length`` accusations, no actor
    twice, denied accusations left out).

    Columns: length, chain (names), categories and offenses (per step: " | " between steps,
    ", " between the accusations of one step), entities (ids).
    """
    if min_length < 1 or max_length < min_length:
        raise ValueError("need 1 <= min_length <= max_length")
    g = _accusation_digraph(kg)
    rows = []
    for start in sorted(g.nodes):
        for path in _simple_paths(g, start, max_length):
            if len(path) - 1 < min_length:
                continue
            edges = [g.edges[u, v] for u, v in itertools.pairwise(path)]
            rows.append(
                [
                    str(len(path) - 1),
                    " → ".join(g.nodes[u]["label"] for u in path),
                    " | ".join(", ".join(sorted(set(e["categories"]))) for e in edges),
                    " | ".join(", ".join(e["offenses"]) for e in edges),
                    " → ".join(path),
                ]
            )
    rows.sort(key=lambda r: (-int(r[0]), r[4]))
    return ["length", "chain", "categories", "offenses", "entities"], rows


def communities(kg: KnowledgeGraph) -> Rows:
    """Groups of actors tied by accusations: greedy modularity on the undirected graph,
    weighted by the number of accusations; deterministic (sorted input and output).

    Columns: community, size, members (names), entities (ids).
    """
    directed = _accusation_digraph(kg)
    g = nx.Graph()
    g.add_nodes_from(u for u in sorted(directed.nodes) if directed.degree(u))
    for u, v, d in sorted(directed.edges(data=True)):
        a, b = sorted((u, v))
        weight = g.edges[a, b]["weight"] if g.has_edge(a, b) else 0
        g.add_edge(a, b, weight=weight + d["weight"])
    if g.number_of_edges() == 0:
        return ["community", "size", "members", "entities"], []
    found = nx.community.greedy_modularity_communities(g, weight="weight")
    groups = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))
    rows = [
        [
            str(i),
            str(len(members)),
            " | ".join(sorted(directed.nodes[u]["label"] for u in members)),
            " | ".join(members),
        ]
        for i, members in enumerate(groups, start=1)
    ]
    return ["community", "size", "members", "entities"], rows


#: Name -> a function ``(kg, **options) -> (columns, rows)``.
GRAPH_QUERIES: dict[str, Callable[..., Rows]] = {
    "central": central_actors,
    "chains": accusation_chains,
    "communities": communities,
}


# Output formats


class FittedTable:
    """Rows as a Rich table that fits the width it is printed at.

    The columns come in the order a query gives them, key columns first (accuser, accused,
    status, number of articles). Short columns (counts, statuses) never wrap; names wrap;
    long texts (offenses, sentences) and ids or IRIs are cut to one line with an ellipsis. Columns that
    do not fit at all are left out, last first, and named under the table: ``--format csv`` or
    ``json`` gives every value in full.

    >>> from rich.console import Console
    >>> columns = ["accuser", "accused", "status", "offense", "accusation"]
    >>> rows = [["Autorité de la concurrence", "Google", "alleged", "abus de position " * 4, "acc-1"]]
    >>> Console(width=60).print(FittedTable(columns, rows))  # doctest: +NORMALIZE_WHITESPACE
    ┏━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━┓
    ┃ accuser              ┃ accused ┃ status  ┃ offense       ┃
    ┡━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━┩
    │ Autorité de la       │ Google  │ alleged │ abus de posi… │
    │ concurrence          │         │         │               │
    └──────────────────────┴─────────┴─────────┴───────────────┘
    (not shown at this width: accusation; --format csv or json
    gives every column)
    """

    SHORT = 12  # at most this wide: a count, a status, a date; shown whole on one line
    LONG = 40  # most values wider than this: a text, cut to one line; narrower ones wrap
    MIN = 10  # the least width a cut column is given
    NAMES = 18  # the least width a wrapped column (names) is given, so a name wraps once at most
    MAX = 60  # the most width a cut column is given

    def __init__(self, columns: list[str], rows: list[list[str]], prefixes: list[set[str]] | None = None):
        self.columns = columns
        self.rows = rows
        self.prefixes = prefixes or [set() for _ in columns]  # CURIE prefixes each column uses
        lengths = [
            sorted(max(map(cell_len, row[i].splitlines() or [""])) for row in rows)
            for i in range(len(columns))
        ]
        self.natural = [max([cell_len(name), *values]) for name, values in zip(columns, lengths, strict=True)]
        # a text column: most of its values (9 in 10) are long; cut, not wrapped into ribbons. The
        # first two columns are what each row is about (accuser and accused, a chain): they wrap.
        self.text = [bool(values) and values[(len(values) * 9) // 10] > self.LONG for values in lengths]
        for i in range(len(columns)):  # ids and IRIs (one word each) are cut too: a word never folds
            if not any(" " in row[i].strip() for row in rows):
                self.text[i] = True
        for i in range(min(2, len(columns))):
            self.text[i] = False

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def _least(self, i: int, names: int) -> int:
        natural = self.natural[i]
        least = max(self.MIN if self.text[i] else names, cell_len(self.columns[i]))
        return natural if natural <= self.SHORT else min(natural, least)

    def _columns(self, width: int, names: int) -> list[int]:
        """The columns, from the first, whose least widths fit in ``width``."""
        shown: list[int] = []
        used = 1  # the left border
        for i in range(len(self.columns)):
            if shown and used + self._least(i, names) + 3 > width:
                break
            shown.append(i)
            used += self._least(i, names) + 3
        return shown

    def fit(self, width: int) -> tuple[Table, list[str]]:
        """The table for ``width`` columns of text, and the names of the columns left out."""
        key = min(4, len(self.columns))  # the key columns, which a narrower name width may let in
        names = next((n for n in (self.NAMES, 14) if len(self._columns(width, n)) >= key), self.MIN)
        shown = self._columns(width, names)
        used = 1 + sum(self._least(i, names) + 3 for i in shown)
        widths = {i: self._least(i, names) for i in shown}
        spare = max(0, width - used)
        grow = sorted((i for i in shown if self.natural[i] > widths[i]), key=lambda i: self.natural[i])
        while grow and spare > 0:  # share the spare width out, the narrowest columns served first
            share = max(1, spare // len(grow))
            i = grow.pop(0)
            most = min(self.natural[i], self.MAX) if self.text[i] else self.natural[i]
            extra = min(share if grow else spare, most - widths[i])
            widths[i] += extra
            spare -= extra
        table = Table(show_lines=False)
        for i in shown:
            if self.natural[i] <= self.SHORT or self.text[i]:
                table.add_column(self.columns[i], no_wrap=True, overflow="ellipsis", width=widths[i])
            else:
                table.add_column(self.columns[i], overflow="fold", width=widths[i])
        for row in self.rows:
            table.add_row(*(row[i] for i in shown))
        return table, [self.columns[i] for i in range(len(self.columns)) if i not in shown]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table, hidden = self.fit(options.max_width)
        yield table
        if hidden:
            yield Text(
                f"(not shown at this width: {', '.join(hidden)}; --format csv or json gives every column)",
                style="dim",
            )
        shown = [p for i, ps in enumerate(self.prefixes) if self.columns[i] not in hidden for p in ps]
        for p in sorted(set(shown)):
            yield Text(f"PREFIX {p}: <{PREFIXES[p]}>", style="dim")


def _table(columns: list[str], rows: list[list[str]]) -> FittedTable:
    return FittedTable(columns, rows)


def _csv(columns: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def _json(columns: list[str], rows: list[list[str]]) -> str:
    return (
        json.dumps([dict(zip(columns, row, strict=True)) for row in rows], ensure_ascii=False, indent=2)
        + "\n"
    )


#: Output format name -> a function ``(columns, rows) -> str or Rich renderable``.
FORMATS: dict[str, Callable[[list[str], list[list[str]]], Any]] = {
    "table": _table,
    "csv": _csv,
    "json": _json,
}


def format_rows(columns: list[str], rows: list[list[str]], fmt: str = "table") -> FittedTable | str:
    """Rows as a ``FittedTable`` ("table"), or a CSV or JSON string ("csv", "json")."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return FORMATS[fmt](columns, rows)

"""Named queries on kg's embedded store (pyoxigraph, on disk) vs rdflib's in-memory SPARQL.

Usage::

    python bench/sparql_store.py                          # outputs/ and a >= 1,000,000-triple graph
    python bench/sparql_store.py --triples 0 --repeat 3   # the corpus build only
    python bench/sparql_store.py --work /tmp/kg-sparql --timeout 120 --json report.json

Two graphs: the corpus build (``--out``: its ``graph.nt`` and ``graph.trig``), and one of at
least ``--triples`` triples: the build's records (``kg.export.load_graph``) copied k times,
every id of an entity, claim, accusation and article suffixed ``.rK``, written by kg's own
``kg.rdf.serialize``. Names, texts, offenses, outlets and categories are kept, so degrees and
literals are the corpus's and a name matches k actors. It is made once per build and RDF code,
in ``--work`` (2.5 minutes and 2.8 GB for 1M triples).

Each step runs in a fresh Python process, one after the other, its peak RSS its own
(``_rss_mb``): ``oxigraph``: ``graph.trig`` (a named graph per article, as kg writes it)
bulk-loaded into a new on-disk ``pyoxigraph.Store`` ("load"), then, in a second process,
reopened with ``Store.read_only`` ("open") and queried with ``use_default_graph_as_union=True``,
as ``kg query`` will; ``rdflib``: ``rdflib.Graph().parse(graph.nt)`` ("load"), ``Graph.query``.
Both see the same triples: the TriG's distinct triples are the N-Triples file's, counted on
each side (pyoxigraph 0.5's union is no set: ``?s ?p ?o`` matches a triple once per graph
holding it, oxigraph issue #1919; kg puts no triple in two graphs, so that count is the same).

Each query runs once to warm up, then ``--repeat`` times; its time is the median of running it
and turning every row into strings, in wall time and in the process's CPU time (which the
other programs of a shared machine do not inflate). The engines' rows must be the same set, as
many: "yes" (or "up to the order inside GROUP_CONCAT", which SPARQL leaves open), else "NO"
and exit code 1. ``$entity`` is bound by each engine, never pasted into the text: pyoxigraph's
``substitutions`` (through ``kg.queries.execute``, as ``kg query`` does) and rdflib's
``initBindings``. An rdflib run slower than ``--timeout``
seconds is stopped; its ratio is then a lower bound ("> N").

"rdflib / oxigraph" is how many times faster the store answers; load is paid once per build,
open once per ``kg query``. Results and findings: bench/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # this checkout's kg, not whichever one is installed

from kg.records import KnowledgeGraph  # noqa: E402

#: The named queries timed, with their parameters.
QUERIES: dict[str, dict[str, str]] = {
    "who-accused-whom": {},
    "accusations-against": {"entity": "M'jid El Guerrab"},
    "accused-by-several": {},
    "most-accused": {},
    "mutual-accusations": {},
}
Row = tuple[str, ...]


def _rss_mb() -> float:
    """This process's peak RSS in MB: ``VmHWM`` on Linux, where ``ru_maxrss`` keeps the parent's
    peak across fork and exec; else ``ru_maxrss``."""
    status = Path("/proc/self/status")
    for line in status.read_text().splitlines() if status.is_file() else []:
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1e3
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3  # bytes on macOS, kB on Linux


# The synthetic graph

# The fields of each record that hold ids (an id, None or a tuple of ids), suffixed in a copy.
_ID_FIELDS: dict[str, tuple[str, ...]] = {
    "Article": ("id",),
    "Entity": ("id",),
    "Mention": ("article",),
    "Claim": ("id", "article", "speaker", "target", "reported_by", "about", "group"),
    "Accusation": ("id", "accuser", "accused", "claims", "articles"),
    "MergeEvent": ("entity", "articles"),
}


def _suffixed(value: str | tuple[str, ...] | None, k: int) -> str | tuple[str, ...] | None:
    if isinstance(value, tuple):  # sorted, as Accusation.articles is; the RDF ignores the order
        return tuple(sorted(f"{v}.r{k}" for v in value))
    return None if value is None else f"{value}.r{k}"


def _renamed(record: Any, k: int) -> Any:
    changes = {f: _suffixed(getattr(record, f), k) for f in _ID_FIELDS[type(record).__name__]}
    if hasattr(record, "mentions"):
        changes["mentions"] = [_renamed(m, k) for m in record.mentions]
    return dataclasses.replace(record, **changes)


def replicate(kg: KnowledgeGraph, copies: int) -> KnowledgeGraph:
    """``copies`` disjoint copies of ``kg`` in one graph, every id of copy K suffixed ``.rK``."""
    fields = ("articles", "entities", "claims", "accusations", "merges")
    return KnowledgeGraph(*([_renamed(x, k) for k in range(copies) for x in getattr(kg, f)] for f in fields))


def copies_for(kg: KnowledgeGraph, triples: int) -> int:
    """The fewest copies of ``kg`` that make at least ``triples`` triples (copies share the
    triples of categories and outlets)."""
    from kg.rdf import to_graph

    one, two = len(to_graph(replicate(kg, 1))), len(to_graph(replicate(kg, 2)))
    return 1 + max(0, math.ceil((triples - one) / (two - one)))


def synthesise(kg: KnowledgeGraph, triples: int, folder: Path) -> int:
    """Write ``folder/graph.nt`` and ``graph.trig`` of enough copies of ``kg``; how many."""
    from kg.rdf import build_dataset, serialize

    copies = copies_for(kg, triples)
    ds = build_dataset(replicate(kg, copies))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "graph.nt").write_bytes(serialize(ds, "nt"))
    (folder / "graph.trig").write_bytes(serialize(ds, "trig"))
    return copies


def cached_synthetic(out: Path, triples: int, work: Path) -> tuple[Path, int]:
    """The synthetic graph for ``out``'s records and kg's RDF code, made once in ``work``."""
    from kg.export import load_graph

    digest = hashlib.sha256()
    sources = [out / f"{n}.jsonl" for n in ("articles", "entities", "claims", "merges")]
    for path in [*sources, REPO / "kg" / "rdf.py", REPO / "kg" / "vocab.py"]:
        digest.update(path.read_bytes())
    folder = work / f"synthetic-{triples}-{digest.hexdigest()[:12]}"
    if not (folder / "copies").is_file():
        print(f"writing a graph of >= {triples:,} triples into {folder}...", file=sys.stderr, flush=True)
        (folder / "copies").write_text(str(synthesise(load_graph(out), triples, folder)))
    return folder, int((folder / "copies").read_text())


# The engines


class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _ox_rows(result: Any) -> list[Row]:
    names = [v.value for v in result.variables]
    return [tuple("" if s[n] is None else s[n].value for n in names) for s in result]


def _rdflib_rows(result: Any) -> list[Row]:
    return [tuple("" if t is None else str(t) for t in row) for row in result]


def time_queries(
    run: Callable[[str, dict[str, str]], list[Row]], repeat: int, timeout: float | None = None
) -> dict[str, dict[str, Any]]:
    """Each query of ``QUERIES`` through ``run(sparql, params) -> rows``: a warm-up, then the medians of
    ``repeat`` runs, wall time (``ms``) and this process's CPU time (``cpu_ms``: what other programs
    take is not counted); on a run slower than ``timeout`` s (wall), ``ms`` is None."""
    from kg.queries import get_query

    found: dict[str, dict[str, Any]] = {}
    for name, params in QUERIES.items():
        sparql = get_query(name).sparql
        times: list[tuple[float, float]] = []
        rows: list[Row] = []
        try:
            for i in range(repeat + 1):
                if timeout:
                    signal.setitimer(signal.ITIMER_REAL, timeout)
                started, cpu = time.perf_counter(), time.process_time()
                rows = run(sparql, params)
                elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
                signal.setitimer(signal.ITIMER_REAL, 0)
                if i:
                    times.append((elapsed * 1e3, cpu * 1e3))
            wall, cpu_ms = (statistics.median(t) for t in zip(*times, strict=True))
            found[name] = {"ms": wall, "cpu_ms": cpu_ms, "rows": sorted(rows)}
        except _Timeout:
            found[name] = {"ms": None, "cpu_ms": None, "timeout": timeout, "rows": None}
        ms = found[name]["ms"]
        print(f"  {name}: " + (f"{ms:,.1f} ms" if ms else f"> {timeout} s"), file=sys.stderr, flush=True)
    return found


def oxigraph_load(folder: Path, store: Path) -> dict[str, Any]:
    """Bulk-load ``folder/graph.trig`` into a new on-disk store at ``store``."""
    import pyoxigraph as ox

    started = time.perf_counter()
    db = ox.Store(str(store))
    db.bulk_load(path=folder / "graph.trig", format=ox.RdfFormat.TRIG)
    db.flush()
    return {"load_s": time.perf_counter() - started, "quads": len(db), "load_rss_mb": _rss_mb()}


def oxigraph_queries(store: Path, repeat: int) -> dict[str, Any]:
    """Reopen ``store`` read-only and time the queries on the union of its graphs."""
    import pyoxigraph as ox

    started = time.perf_counter()
    db = ox.Store.read_only(str(store))
    open_s = time.perf_counter() - started

    from kg.queries import execute

    def run(sparql: str, params: dict[str, str] | None = None) -> list[Row]:
        bindings = {ox.Variable(k): ox.Literal(v) for k, v in (params or {}).items()}
        return _ox_rows(execute(db, sparql, bindings))

    (seen,) = run("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # a triple once per graph holding it
    (distinct,) = run("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }")
    counts = {"triples": int(distinct[0]), "union_matches": int(seen[0])}
    return {"open_s": open_s, **counts, "queries": time_queries(run, repeat), "rss_mb": _rss_mb()}


def rdflib_queries(folder: Path, repeat: int, timeout: float | None) -> dict[str, Any]:
    """Parse ``folder/graph.nt`` into an in-memory rdflib graph and time the queries on it."""
    import rdflib

    signal.signal(signal.SIGALRM, _on_alarm)
    started = time.perf_counter()
    graph = rdflib.Graph().parse(folder / "graph.nt", format="nt")
    load_s = time.perf_counter() - started

    def run(sparql: str, params: dict[str, str]) -> list[Row]:
        bindings = {rdflib.Variable(k): rdflib.Literal(v) for k, v in params.items()}
        return _rdflib_rows(graph.query(sparql, initBindings=bindings))

    queries = time_queries(run, repeat, timeout)
    return {"load_s": load_s, "triples": len(graph), "queries": queries, "rss_mb": _rss_mb()}


def _child(*args: str) -> dict[str, Any]:
    """One of the steps above in a fresh Python process (its progress on stderr); its result."""
    done = subprocess.run([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark step {args[0]} failed (exit code {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _unordered(rows: list[Row]) -> set[Row]:
    """Rows with the parts of each ``" | "``-joined cell sorted: SPARQL leaves the order of
    GROUP_CONCAT undefined, and the two engines do differ there."""
    return {tuple(" | ".join(sorted(cell.split(" | "))) for cell in row) for row in rows}


def compare(a: list[Row] | None, b: list[Row] | None) -> str:
    """ "yes" when the engines gave the same set of rows (and as many), "yes, up to ..." when only
    the order inside GROUP_CONCAT differs, "n/a" when one timed out, else "NO: " and examples."""
    if a is None or b is None:
        return "n/a (timeout)"
    set_a, set_b = set(map(tuple, a)), set(map(tuple, b))  # rows come back from JSON as lists
    if len(a) == len(b) and set_a == set_b:
        return "yes"
    if len(a) == len(b) and _unordered(a) == _unordered(b):
        return "yes, up to the order inside GROUP_CONCAT"
    only_a, only_b = sorted(set_a - set_b)[:2], sorted(set_b - set_a)[:2]
    return f"NO: {len(a)} vs {len(b)} rows; only oxigraph {only_a}; only rdflib {only_b}"


def bench_one(label: str, folder: Path, store: Path, repeat: int, timeout: float | None) -> dict[str, Any]:
    """Both engines on ``folder``'s graph, the oxigraph store written at ``store``."""
    print(f"{label}: oxigraph, then rdflib...", file=sys.stderr, flush=True)
    ox = _child("load", str(folder), str(store)) | _child("oxigraph", str(store), str(repeat))
    rd = _child("rdflib", str(folder), str(repeat), str(timeout or 0))
    rows = []
    for name in QUERIES:
        o, r = ox["queries"][name], rd["queries"][name]
        rows.append(
            {"query": name, "rows": len(o["rows"]), "oxigraph_ms": o["ms"], "oxigraph_cpu_ms": o["cpu_ms"],
             "rdflib_ms": r["ms"], "rdflib_cpu_ms": r["cpu_ms"], "rdflib_timeout_s": r.get("timeout"),
             "same_rows": compare(o["rows"], r["rows"])}
        )  # fmt: skip
    del ox["queries"], rd["queries"]
    nt = sum(1 for line in (folder / "graph.nt").open("rb") if line.strip())
    return {"label": label, "nt_triples": nt, "oxigraph": ox, "rdflib": rd, "queries": rows}


def _ms(value: float) -> str:
    return f"{value:,.1f}" if value < 1000 else f"{value:,.0f}"


def _line(*cells: object) -> str:
    return "| " + " | ".join(map(str, cells)) + " |"


def markdown(report: dict[str, Any]) -> str:
    """One section per graph: triples, load and open times, peak RSS, then the queries."""
    lines = []
    for d in report["graphs"]:
        ox, rd = d["oxigraph"], d["rdflib"]
        lines += [
            f"### {d['label']}: {d['nt_triples']:,} triples in graph.nt",
            "",
            f"Triples: rdflib {rd['triples']:,}; oxigraph {ox['triples']:,} distinct in the union of "
            f"{ox['quads']:,} quads, which `?s ?p ?o` matches {ox['union_matches']:,} times.",
            "",
            _line("engine", "load s", "open s", "peak RSS MB (load / queries)"),
            "|---|--:|--:|--:|",
            _line("oxigraph (on disk)", f"{ox['load_s']:.2f}", f"{ox['open_s']:.3f}",
                  f"{ox['load_rss_mb']:,.0f} / {ox['rss_mb']:,.0f}"),
            _line("rdflib (in memory)", f"{rd['load_s']:.2f}", "-", f"{rd['rss_mb']:,.0f}"),
            "",
            _line("query", "rows", "oxigraph ms", "rdflib ms", "rdflib / oxigraph", "CPU ratio", "same rows"),
            "|---|--:|--:|--:|--:|--:|---|",
        ]  # fmt: skip
        for q in d["queries"]:
            if q["rdflib_ms"] is None:  # timed out: the wall-time ratio is a lower bound
                bound = q["rdflib_timeout_s"] * 1e3
                rdflib, wall, cpu = f"> {_ms(bound)}", f"> {bound / q['oxigraph_ms']:,.0f}", "-"
            else:
                rdflib, wall = _ms(q["rdflib_ms"]), f"{q['rdflib_ms'] / q['oxigraph_ms']:,.1f}"
                cpu = f"{q['rdflib_cpu_ms'] / q['oxigraph_cpu_ms']:,.1f}"
            cells = (q["query"], f"{q['rows']:,}", _ms(q["oxigraph_ms"]), rdflib, wall, cpu, q["same_rows"])
            lines.append(_line(*cells))
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "outputs", help="a kg build (default outputs/)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="synthetic size; 0: none")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query, after a warm-up")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per rdflib query run")
    parser.add_argument("--work", type=Path, help="cache of synthetic graphs (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    if args.child:
        step, *rest = args.child
        if step == "synth":
            folder, copies = cached_synthetic(Path(rest[0]), int(rest[1]), Path(rest[2]))
            result = {"folder": str(folder), "copies": copies}
        elif step == "load":
            result = oxigraph_load(Path(rest[0]), Path(rest[1]))
        elif step == "oxigraph":
            result = oxigraph_queries(Path(rest[0]), int(rest[1]))
        else:
            result = rdflib_queries(Path(rest[0]), int(rest[1]), float(rest[2]) or None)
        print(json.dumps(result))
        return 0

    import pyoxigraph
    import rdflib

    work = args.work or Path(tempfile.gettempdir()) / "kg-bench-sparql"
    graphs = [("corpus build", args.out)]
    if args.triples:
        made = _child("synth", str(args.out), str(args.triples), str(work))  # keeps this process small
        graphs.append((f"synthetic: the corpus records x {made['copies']}", Path(made["folder"])))
    with tempfile.TemporaryDirectory(prefix="kg-bench-store-", dir=work if work.is_dir() else None) as tmp:
        results = [
            bench_one(label, folder, Path(tmp) / f"store{i}", args.repeat, args.timeout)
            for i, (label, folder) in enumerate(graphs)
        ]
    versions = {
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "rdflib": rdflib.__version__,
    }
    report = {**versions, "cpus": os.cpu_count(), "repeat": args.repeat, "graphs": results}
    print(markdown(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if any(q["same_rows"].startswith("NO") for d in results for q in d["queries"]) else 0


if __name__ == "__main__":
    sys.exit(main())

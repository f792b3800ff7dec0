"""The embedded SPARQL store of a build: an on-disk Oxigraph database under ``OUT/store``.

``kg build`` loads ``graph.nq`` (one named graph per article, actors and merged accusations in
the default graph) and kg's ontology (in the graph ``ONTOLOGY_GRAPH``) into it, inside the
build's staging folder, so the store is swapped in with the other files or not at all.
``kg query`` opens it read-only, so a query costs no parsing whatever the size of the build, and
``kg serve`` serves it over HTTP with Oxigraph's own server.

The store's files are RocksDB's and differ from one build to the next (ids, logs), so the
manifest does not hash them: it records the number of quads and the SHA-256 of ``graph.nq``
they were loaded from, and ``verify_store`` compares the store's content with that file (as a
store holds it: Oxigraph keeps literals in canonical form, ``"1.0"^^xsd:decimal`` as ``"1"``,
which is why kg writes offsets as ``xsd:integer``, never a derived integer type).

>>> import tempfile
>>> from kg.records import KnowledgeGraph
>>> from kg.rdf import serialize
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "graph.nq").write_bytes(serialize(KnowledgeGraph([], [], [], []), "nquads"))
>>> info = write_store(folder)
>>> info["graphs"], verify_store(folder, info)
(1, [])
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.outdir import file_sha256
from kg.vocab import ONTOLOGY_GRAPH

if TYPE_CHECKING:
    from kg.records import KnowledgeGraph

__all__ = [
    "LOAD_BYTES",
    "STORE",
    "load_lines",
    "load_memory_store",
    "memory_store",
    "open_store",
    "store_quads",
    "verify_store",
    "write_store",
]

#: The store's folder name inside a build.
STORE = "store"
_SOURCE = "graph.nq"

#: Bytes of a file per bulk load (``load_lines``). Oxigraph's bulk loader holds what it is given
#: in memory, at several times its size: the 210 MB ``graph.nq`` of 3,000 articles took 1.2 GB
#: in one load into the on-disk store, 0.2 GB in loads of 16 MB, in about the same time.
LOAD_BYTES = 16_000_000


def _ontology_quads() -> list[ox.Quad]:
    from kg.rdf import packaged_text

    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
    triples = ox.parse(packaged_text("ontology.ttl").encode("utf-8"), format=ox.RdfFormat.TURTLE)
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]


def write_store(folder: Path) -> dict[str, Any]:
    """Create ``folder/store`` from ``folder/graph.nq`` and the ontology; returns what the
    manifest records of it: quads, named graphs, and the source file with its SHA-256."""
    folder = Path(folder)
    source = folder / _SOURCE
    store = ox.Store(str(folder / STORE))
    load_lines(store, source, ox.RdfFormat.N_QUADS)
    store.bulk_extend(_ontology_quads())
    store.flush()
    store.optimize()
    info = {
        "quads": len(store),
        "graphs": sum(1 for _ in store.named_graphs()),
        "source": _SOURCE,
        "source_sha256": file_sha256(source),
    }
    del store
    gc.collect()  # pyoxigraph closes the database when the object goes
    return info


def load_lines(store: ox.Store, path: Path, format: ox.RdfFormat) -> None:
    """Bulk-load the N-Quads or N-Triples file ``path`` into ``store`` by whole lines, about
    ``LOAD_BYTES`` at a time, so that the memory a load takes does not grow with the file. (A
    line of these formats is a quad or triple of its own; only a blank node label would span
    lines, and kg's graph has no blank node.)"""
    with Path(path).open("rb") as f:
        while lines := f.readlines(LOAD_BYTES):
            store.bulk_load(input=b"".join(lines), format=format)


def open_store(folder: Path) -> ox.Store:
    """The store of the build in ``folder``, read-only (several readers may open it at once)."""
    path = Path(folder) / STORE
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no store in this build")
    return ox.Store.read_only(str(path))


def load_memory_store(folder: Path) -> ox.Store:
    """An in-memory store holding what ``write_store`` would hold, read from ``graph.nq`` (or,
    for builds made before it, ``graph.nt`` into the default graph)."""
    folder = Path(folder)
    store = ox.Store()
    if (folder / _SOURCE).is_file():
        store.load(path=str(folder / _SOURCE), format=ox.RdfFormat.N_QUADS)
    elif (folder / "graph.nt").is_file():
        store.load(path=str(folder / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    elif (folder / "graph.ttl").is_file():
        store.load(path=str(folder / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    else:
        raise FileNotFoundError(
            f"no {_SOURCE}, graph.nt or graph.ttl in {folder}; write the RDF output first"
        )
    store.extend(_ontology_quads())
    return store


def memory_store(kg: KnowledgeGraph) -> ox.Store:
    """An in-memory store of a graph not written to disk: what ``write_store`` would hold."""
    from kg.rdf import oxigraph_quads

    store = ox.Store()
    store.bulk_extend(oxigraph_quads(kg))
    store.bulk_extend(_ontology_quads())
    return store


def store_quads(store: ox.Store) -> bytes:
    """The store's quads outside the ontology graph, as sorted N-Quads lines (``graph.nq``'s form)."""
    ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))
    quads = [q for q in store if q.graph_name != ontology]
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    return b"".join(sorted(set(text.splitlines(keepends=True))))


def verify_store(folder: Path, info: dict[str, Any]) -> list[str]:
    """What is wrong with ``folder/store`` against the manifest's ``info``: its quad count, and
    its content against ``graph.nq``. Empty when it holds exactly the build."""
    folder = Path(folder)
    try:
        store = open_store(folder)
    except (OSError, FileNotFoundError) as exc:
        return [f"{folder / STORE}: cannot be opened ({exc})"]
    problems = []
    if len(store) != info.get("quads"):
        problems.append(f"{folder / STORE}: holds {len(store)} quads, the manifest says {info.get('quads')}")
    source = folder / str(info.get("source", _SOURCE))
    if source.is_file():
        # compared as stored: a store keeps literals in canonical form ("1.0"^^xsd:decimal is "1")
        expected = ox.Store()
        expected.load(path=str(source), format=ox.RdfFormat.N_QUADS)
        if store_quads(store) != store_quads(expected):
            problems.append(f"{folder / STORE}: its quads differ from {source.name}")
    return problems

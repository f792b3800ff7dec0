"""The RDF export: a ``KnowledgeGraph`` as an RDF dataset, its files, and SHACL validation.

Layout of the dataset (vocabulary in ``kg/ontology.ttl``, IRIs in ``kg.vocab``):

* one named graph per article (``kgid:graph/<article id>``): the ``schema:NewsArticle``, the
  link to its publisher, and every ``kg:Statement`` made in it with the Web Annotation (``oa:Annotation``,
  ``oa:SpecificResource``, ``oa:TextQuoteSelector``, ``oa:TextPositionSelector``) that anchors
  the statement in its sentence;
* the default graph: actors (``kg:Actor``), merged accusations (``kg:Accusation``), the
  direct ``kg:accuses`` edges, offense categories, publishers and the merge log.

No triple is in two graphs, so a store's union default graph holds each triple once.

There are no blank nodes: every node has a deterministic IRI built from the records' ids, and
every file is written atomically and byte-identical for the same input.

>>> from kg.records import KnowledgeGraph
>>> len(to_graph(KnowledgeGraph([], [], [], [])))
0
"""

from __future__ import annotations

import heapq
import json
import marshal
import math
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.atomic import atomic_open, atomic_write_bytes
from kg.graph import short_hash
from kg.records import CAMEO_CODES, Accusation, Article, Claim, Entity, KnowledgeGraph, MergeEvent
from kg.vocab import (
    KG,
    OA,
    PREFIXES,
    PROV,
    SCHEMA,
    accusation_iri,
    article_graph_iri,
    article_iri,
    category_iri,
    claim_iri,
    compact_iri,
    entity_iri,
    evidence_iri,
    merge_iri,
    position_selector_iri,
    publisher_iri,
    quote_selector_iri,
    safe_iri,
    target_iri,
)

__all__ = [
    "PACKAGED_FILES",
    "RDF_FORMATS",
    "SELECTOR_CONTEXT",
    "SPILL_RECORDS",
    "SortedQuads",
    "build_dataset",
    "load_ontology",
    "load_shapes",
    "oxigraph_quads",
    "packaged_text",
    "serialize",
    "to_graph",
    "validate",
    "write_rdf",
]

#: Output file name -> rdflib format name. ``serialize`` knows how to write each format.
RDF_FORMATS: dict[str, str] = {
    "graph.ttl": "turtle",
    "graph.nt": "nt",
    "graph.jsonld": "json-ld",
    "graph.trig": "trig",
    "graph.nq": "nquads",
}

#: Files of the package copied into every build, so a store user has the vocabulary at hand.
PACKAGED_FILES: tuple[str, ...] = ("ontology.ttl", "shapes.ttl")

#: Characters of context kept before and after the sentence in an ``oa:TextQuoteSelector``.
SELECTOR_CONTEXT = 32

Triple = tuple[Node, Node, Node]

# Entity type -> the schema.org class an actor also gets.
_SCHEMA_CLASS: dict[str, URIRef] = {
    "PER": SCHEMA.Person,
    "ORG": SCHEMA.Organization,
    "GPE": SCHEMA.AdministrativeArea,
    "LOC": SCHEMA.Place,
    "OTHER": SCHEMA.Thing,
}

_STATUS: dict[str, URIRef] = {"asserted": KG.asserted, "alleged": KG.alleged, "denied": KG.denied}

_XSD_DATETIME = re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")


def _fr(text: str) -> Literal:
    """French text (sentences, offenses, names, titles): a literal tagged ``@fr``."""
    return Literal(text, lang="fr")


def _offset(value: int) -> Literal:
    """A character offset: ``xsd:integer`` (the shapes require it non-negative). Not
    ``xsd:nonNegativeInteger``: triple stores such as Oxigraph store derived integer types as
    ``xsd:integer``, so the data would not come back out of them as it went in."""
    return Literal(str(value), datatype=XSD.integer)


def _status(value: str) -> Node:
    """The status individual; an unknown status stays a literal, which SHACL then rejects."""
    return _STATUS.get(value) or Literal(value)


def _date(value: str) -> Literal:
    """``xsd:date`` or ``xsd:dateTime`` when the value is one, else a plain literal."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
            return Literal(value, datatype=XSD.date)
        if _XSD_DATETIME.fullmatch(value):
            datetime.fromisoformat(value)
            return Literal(value, datatype=XSD.dateTime)
    except ValueError:
        pass
    return Literal(value)


def _entity_triples(e: Entity) -> Iterator[Triple]:
    s = entity_iri(e.id)
    yield s, RDF.type, KG.Actor
    yield s, RDF.type, PROV.Agent
    yield s, RDF.type, _SCHEMA_CLASS.get(e.type, SCHEMA.Thing)
    yield s, KG.entityType, Literal(e.type)
    yield s, SCHEMA.identifier, Literal(e.id)
    yield s, SKOS.prefLabel, _fr(e.name)
    yield s, RDFS.label, _fr(e.name)
    for alias in e.aliases:
        if alias != e.name:
            yield s, SKOS.altLabel, _fr(alias)
    for description in e.descriptions:
        yield s, SCHEMA.description, _fr(description)
    for same in e.same_as:
        iri = safe_iri(same)
        if iri is not None:
            yield s, OWL.sameAs, iri


def _category_triples(category: str) -> Iterator[Triple]:
    c = category_iri(category)
    yield c, RDF.type, KG.OffenseCategory
    yield c, RDFS.label, Literal(category)
    if category in CAMEO_CODES:
        yield c, KG.cameoCode, Literal(CAMEO_CODES[category])


def _accusation_triples(a: Accusation) -> Iterator[Triple]:
    s = accusation_iri(a.id)
    accuser, accused = entity_iri(a.accuser), entity_iri(a.accused)
    yield s, RDF.type, KG.Accusation
    yield s, RDF.type, PROV.Entity
    yield s, SCHEMA.identifier, Literal(a.id)
    yield s, KG.accuser, accuser
    yield s, KG.accused, accused
    yield s, KG.offense, _fr(a.offense)
    yield s, KG.status, _status(a.status)
    if a.category:
        yield s, KG.offenseCategory, category_iri(a.category)
        yield from _category_triples(a.category)
    for claim_id in a.claims:
        yield s, KG.evidence, claim_iri(claim_id)
        yield s, PROV.wasDerivedFrom, claim_iri(claim_id)
    for article_id in a.articles:
        yield s, KG.sourceArticle, article_iri(article_id)
    yield accuser, KG.accuses, accused


def _merge_triples(m: MergeEvent) -> Iterator[Triple]:
    s = merge_iri(short_hash(m.entity, *m.names, m.rule, m.score, *m.articles))
    yield s, RDF.type, KG.MergeEvent
    yield s, RDF.type, PROV.Activity
    yield s, KG.mergedInto, entity_iri(m.entity)
    yield s, PROV.generated, entity_iri(m.entity)
    for name in m.names:
        yield s, KG.mergedName, _fr(name)
    yield s, KG.mergeRule, Literal(m.rule)
    if math.isfinite(m.score):
        yield s, KG.mergeScore, Literal(Decimal(repr(float(m.score))), datatype=XSD.decimal)
    for article_id in m.articles:
        yield s, KG.sourceArticle, article_iri(article_id)


def _article_triples(a: Article) -> Iterator[Triple]:
    s = article_iri(a.id)
    yield s, RDF.type, SCHEMA.NewsArticle
    yield s, RDF.type, PROV.Entity
    yield s, SCHEMA.identifier, Literal(a.id)
    yield s, SCHEMA.inLanguage, Literal("fr")
    if a.title:
        yield s, SCHEMA.headline, _fr(a.title)
    if a.date:
        yield s, SCHEMA.datePublished, _date(a.date)
    if a.url:
        url = safe_iri(a.url)
        yield s, SCHEMA.url, url if url is not None else Literal(a.url)
    if a.outlet:
        publisher = publisher_iri(a.outlet)
        yield s, SCHEMA.publisher, publisher
        yield s, PROV.wasAttributedTo, publisher
    yield s, SCHEMA.text, _fr(a.text)


def _publisher_triples(outlet: str) -> Iterator[Triple]:
    """The outlet, in the default graph: shared by its articles, it is in none of their graphs
    (a triple in two graphs would be counted twice by a store's union default graph)."""
    publisher = publisher_iri(outlet)
    yield publisher, RDF.type, SCHEMA.Organization
    yield publisher, RDF.type, PROV.Agent
    yield publisher, SCHEMA.name, _fr(outlet)


def _statement_triples(c: Claim, text: str | None) -> Iterator[Triple]:
    s, article = claim_iri(c.id), article_iri(c.article)
    yield s, RDF.type, KG.Statement
    yield s, RDF.type, PROV.Entity
    yield s, SCHEMA.identifier, Literal(c.id)
    yield s, KG.claimType, Literal(c.type)
    yield s, KG.status, _status(c.status)
    yield s, KG.speaker, entity_iri(c.speaker)
    if c.target is not None:
        yield s, KG.target, entity_iri(c.target)
    yield s, KG.cue, _fr(c.cue)
    yield s, KG.content, _fr(c.content)
    yield s, KG.contentStart, _offset(c.content_start)
    yield s, KG.contentEnd, _offset(c.content_end)
    if c.category:
        yield s, KG.offenseCategory, category_iri(c.category)
    if c.reported_by is not None:
        yield s, KG.reportedBy, entity_iri(c.reported_by)
        yield s, PROV.wasAttributedTo, entity_iri(c.reported_by)
    for entity_id in c.about:
        yield s, KG.about, entity_iri(entity_id)
    yield s, KG.sourceArticle, article
    yield s, PROV.wasDerivedFrom, article
    yield from _anchor_triples(c, s, article, text)


def _anchor_triples(c: Claim, statement: URIRef, article: URIRef, text: str | None) -> Iterator[Triple]:
    """The W3C Web Annotation placing a statement in the sentence of its article."""
    annotation, target = evidence_iri(c.id), target_iri(c.id)
    quote, position = quote_selector_iri(c.id), position_selector_iri(c.id)
    yield statement, KG.annotation, annotation
    yield annotation, RDF.type, OA.Annotation
    yield annotation, OA.hasBody, statement
    yield annotation, OA.hasTarget, target
    yield target, RDF.type, OA.SpecificResource
    yield target, OA.hasSource, article
    yield target, OA.hasSelector, quote
    yield target, OA.hasSelector, position
    yield quote, RDF.type, OA.TextQuoteSelector
    yield quote, OA.exact, _fr(c.sentence)
    if text is not None and 0 <= c.start <= c.end <= len(text):
        prefix = text[max(0, c.start - SELECTOR_CONTEXT) : c.start]
        suffix = text[c.end : c.end + SELECTOR_CONTEXT]
        if prefix:
            yield quote, OA.prefix, _fr(prefix)
        if suffix:
            yield quote, OA.suffix, _fr(suffix)
    yield position, RDF.type, OA.TextPositionSelector
    yield position, OA.start, _offset(c.start)
    yield position, OA.end, _offset(c.end)


def _bind(g: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace, override=True, replace=True)


def _quads(kg: KnowledgeGraph) -> Iterator[tuple[URIRef | None, Triple]]:
    """Every triple with its graph (None for the default graph), in a stable order."""
    for e in kg.entities:
        for t in _entity_triples(e):
            yield None, t
    for a in kg.accusations:
        for t in _accusation_triples(a):
            yield None, t
    for m in kg.merges:
        for t in _merge_triples(m):
            yield None, t
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in kg.claims:
        by_article[c.article].append(c)
        if c.category:
            for t in _category_triples(c.category):
                yield None, t
    articles = {a.id: a for a in kg.articles}
    for outlet in sorted({a.outlet for a in kg.articles if a.outlet}):
        for t in _publisher_triples(outlet):
            yield None, t
    for article_id in sorted(articles.keys() | by_article.keys()):
        graph = article_graph_iri(article_id)
        article = articles.get(article_id)
        if article is not None:
            for t in _article_triples(article):
                yield graph, t
        for c in by_article[article_id]:
            for t in _statement_triples(c, article.text if article is not None else None):
                yield graph, t


def build_dataset(kg: KnowledgeGraph) -> Dataset:
    """The graph as an RDF dataset: one named graph per article, the rest in the default graph."""
    ds = Dataset()
    _bind(ds)
    graphs: dict[URIRef | None, Graph] = {None: ds.default_graph}
    for name, triple in _quads(kg):
        if name not in graphs:
            graphs[name] = ds.graph(name)
        graphs[name].add(triple)
    return ds


def to_graph(kg: KnowledgeGraph) -> Graph:
    """Everything in one graph: the union of the dataset's graphs."""
    g = Graph()
    _bind(g)
    for _, triple in _quads(kg):
        g.add(triple)
    return g


def _union(ds: Dataset) -> Graph:
    g = Graph()
    _bind(g)
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    return g


@lru_cache(maxsize=1 << 16)
def _ox_iri(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _ox_term(node: Node) -> ox.NamedNode | ox.Literal:
    kind = type(node)
    if kind is URIRef:
        return _ox_iri(str.__str__(node))
    if kind is Literal:
        assert isinstance(node, Literal)
        value = str.__str__(node)
        if node.language:
            return ox.Literal(value, language=node.language)
        if node.datatype:
            return ox.Literal(value, datatype=_ox_iri(str.__str__(node.datatype)))
        return ox.Literal(value)
    if isinstance(node, URIRef | Literal):  # a subclass
        return _ox_term(URIRef(node) if isinstance(node, URIRef) else Literal(node))
    raise TypeError(f"unexpected node {node!r}: the graph has no blank nodes")


_DEFAULT_GRAPH = ox.DefaultGraph()


def _to_oxigraph(s: Node, p: Node, o: Node, graph: URIRef | None) -> ox.Quad:
    name = _DEFAULT_GRAPH if graph is None else _ox_iri(str.__str__(graph))
    return ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), name)  # type: ignore[arg-type]


def _key(node: Node) -> str:
    """A plain string naming ``node`` exactly (IRIs and literals apart, a literal's language or
    datatype with it); sorting on it is sorting plain strings, which is fast."""
    if isinstance(node, Literal):
        return f"\x01{node}\x00{node.language or ''}\x00{node.datatype or ''}"
    return str.__str__(node)


class SortedQuads(list[ox.Quad]):
    """The quads of a dataset, each once, in a stable order (the default graph first, then by
    graph, subject, predicate, object), with ``triples``: the union graph, each triple once,
    in the same order. Serialisers read this order, never the insertion order."""

    triples: list[ox.Triple]


def oxigraph_quads(data: KnowledgeGraph | Dataset) -> SortedQuads:
    """The dataset's quads as pyoxigraph quads (see ``SortedQuads``). Duplicates are dropped and
    the order fixed on plain-string keys before any pyoxigraph term is made."""
    if isinstance(data, KnowledgeGraph):
        pairs: Iterable[tuple[URIRef | None, Triple]] = _quads(data)
    else:

        def named(g: object) -> URIRef | None:
            name = getattr(g, "identifier", g)
            return name if isinstance(name, URIRef) and name != DATASET_DEFAULT_GRAPH_ID else None

        pairs = ((named(g), (s, p, o)) for s, p, o, g in data.quads())
    keyed: dict[tuple[str, str, str, str], tuple[URIRef | None, Triple]] = {}
    for graph, (s, p, o) in pairs:
        keyed[("" if graph is None else str.__str__(graph), _key(s), _key(p), _key(o))] = (graph, (s, p, o))
    quads = SortedQuads()
    union: dict[tuple[str, str, str], ox.Triple] = {}
    for key in sorted(keyed):
        graph, (s, p, o) = keyed[key]
        quad = _to_oxigraph(s, p, o, graph)
        quads.append(quad)
        union.setdefault(key[1:], quad.triple)
    quads.triples = [union[key] for key in sorted(union)]
    return quads


# Prefixes of the Turtle and TriG files (kgid: would abbreviate no IRI: its local parts hold "/").
_TURTLE_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "kgid"}


def _sorted_prefix_lines(text: bytes) -> bytes:
    lines = text.splitlines(keepends=True)
    head = [line for line in lines if line.startswith(b"@prefix ")]
    return b"".join(sorted(head)) + b"".join(lines[len(head) :])


def _turtle(quads: SortedQuads) -> bytes:
    text = ox.serialize(quads.triples, format=ox.RdfFormat.TURTLE, prefixes=_TURTLE_PREFIXES) or b""
    return _sorted_prefix_lines(text)


def _ntriples(quads: SortedQuads) -> bytes:
    text = ox.serialize(quads.triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return b"".join(sorted(set(text.splitlines(keepends=True))))


def _trig(quads: SortedQuads) -> bytes:
    """TriG through pyoxigraph, the quads in ``oxigraph_quads`` order."""
    return _sorted_prefix_lines(
        ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_TURTLE_PREFIXES) or b""
    )


def _nquads(quads: SortedQuads) -> bytes:
    """N-Quads through pyoxigraph: one line per quad, sorted, the file a store loads."""
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    return b"".join(sorted(set(text.splitlines(keepends=True))))


@lru_cache(maxsize=1 << 16)
def _compact(iri: str) -> str:
    return compact_iri(iri)[0]


def _jsonld_value(term: ox.NamedNode | ox.Literal) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"@id": _compact(term.value)}
    if term.language:
        return {"@language": term.language, "@value": term.value}
    if term.datatype.value != str(XSD.string):
        return {"@type": _compact(term.datatype.value), "@value": term.value}
    return {"@value": term.value}


def _jsonld_add(node: dict[str, list[Any]], t: ox.Triple) -> None:
    """Add triple ``t`` to ``node``, the properties of its subject's node object."""
    if t.predicate.value == _RDF_TYPE and isinstance(t.object, ox.NamedNode):
        node.setdefault("@type", []).append(_compact(t.object.value))
    else:
        node.setdefault(_compact(t.predicate.value), []).append(_jsonld_value(t.object))  # type: ignore[arg-type]


def _jsonld_sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


# No indent: json's C encoder writes each node (the indenting encoder is pure Python, and
# ten times slower); one node per line keeps the file readable and diffable.
_dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_RDF_TYPE = str(RDF.type)


def _jsonld_line(subject: str, props: dict[str, list[Any]]) -> str:
    """One node object of the JSON-LD file, on one line, its values sorted."""
    return _dumps(
        {
            "@id": subject,
            **{
                p: values if len(values) == 1 else sorted(values, key=_jsonld_sort_key)
                for p, values in props.items()
            },
        }
    )


_JSONLD_HEAD = ('{"@context": ' + _dumps(dict(sorted(PREFIXES.items()))) + ',\n"@graph": [\n').encode("utf-8")


def _jsonld(quads: SortedQuads) -> bytes:
    """JSON-LD of the union graph, compacted with kg's prefixes: one node object per subject and
    per line, subjects, properties and values sorted, so the same graph gives the same bytes."""
    nodes: dict[str, dict[str, list[Any]]] = {}
    for t in quads.triples:
        assert isinstance(t.subject, ox.NamedNode), "the graph has no blank nodes"
        _jsonld_add(nodes.setdefault(_compact(t.subject.value), {}), t)
    lines = [_jsonld_line(subject, props) for subject, props in sorted(nodes.items())]
    return _JSONLD_HEAD + (",\n".join(lines) + "\n]}\n").encode("utf-8")


# Format name -> a function writing the sorted quads in that format, deterministically.
_SERIALIZERS: dict[str, Callable[[SortedQuads], bytes]] = {
    "turtle": _turtle,
    "nt": _ntriples,
    "json-ld": _jsonld,
    "trig": _trig,
    "nquads": _nquads,
}


def serialize(kg: KnowledgeGraph | Dataset | SortedQuads, fmt: str) -> bytes:
    """The graph in one of the formats of ``RDF_FORMATS``, byte-identical for the same input.

    Turtle, N-Triples and JSON-LD hold the union graph; TriG and N-Quads hold the dataset with
    its named graphs.
    """
    if fmt not in _SERIALIZERS:
        raise ValueError(f"unknown RDF format {fmt!r}; expected one of {sorted(_SERIALIZERS)}")
    return _SERIALIZERS[fmt](kg if isinstance(kg, SortedQuads) else oxigraph_quads(kg))


def write_rdf(kg: KnowledgeGraph, out_dir: Path) -> list[Path]:
    """Write every file of ``RDF_FORMATS``, and the ontology and shapes of ``PACKAGED_FILES``,
    into ``out_dir`` (each atomically); returns their paths. The files hold the bytes of
    ``serialize``, written as external sorts merge (see ``SPILL_RECORDS``): the dataset is
    never in memory as Python objects, whatever its size. The sorted runs go to a temporary
    folder in ``out_dir``, removed when the files are written (or on an error)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".rdf-sort.", dir=out_dir) as scratch:
        _write_rdf_streaming(kg, out_dir, Path(scratch))
    written = [out_dir / name for name in RDF_FORMATS]
    for name in PACKAGED_FILES:
        path = out_dir / name
        atomic_write_bytes(path, packaged_text(name).encode("utf-8"))
        written.append(path)
    return written


@cache
def packaged_text(name: str) -> str:
    """The text of one of kg's packaged Turtle files (``ontology.ttl``, ``shapes.ttl``)."""
    return resources.files("kg").joinpath(name).read_text(encoding="utf-8")


def load_shapes() -> Graph:
    """The SHACL shapes of ``kg/shapes.ttl``."""
    return Graph().parse(data=packaged_text("shapes.ttl"), format="turtle")


def load_ontology() -> Graph:
    """The ontology of ``kg/ontology.ttl``."""
    return Graph().parse(data=packaged_text("ontology.ttl"), format="turtle")


def validate(graph: Graph | KnowledgeGraph) -> tuple[bool, str]:
    """Check a graph (or dataset, taken as the union of its graphs) against ``kg/shapes.ttl``.

    Returns ``(conforms, report)``, the report being pyshacl's text.
    """
    import pyshacl

    if isinstance(graph, KnowledgeGraph):
        graph = to_graph(graph)
    elif isinstance(graph, Dataset):
        graph = _union(graph)
    conforms, _, report = pyshacl.validate(graph, shacl_graph=load_shapes(), inference="none")
    return bool(conforms), str(report)


# --- The streaming writer: write_rdf never holds the dataset as Python objects. The quads go
# through external sorts (sorted runs of at most SPILL_RECORDS records spilled to a temporary
# folder inside the output folder, merged back), each file is written as the merge goes, and
# the bytes are the same as ``serialize``'s (the tests compare them).

#: Records an external sort holds in memory before it spills a sorted run to disk.
SPILL_RECORDS = 100_000
_BLOCK = 2_000  # records per marshal block of a run


class _Sorter:
    """Sorted distinct items of what was ``add``-ed (tuples of strings, or bytes), spilling
    sorted runs to ``folder`` when more than ``SPILL_RECORDS`` are held."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.items: list[Any] = []
        self.runs: list[Path] = []

    def add(self, item: Any) -> None:
        self.items.append(item)
        if len(self.items) >= SPILL_RECORDS:
            self._spill()

    def _spill(self) -> None:
        items = sorted(set(self.items))
        self.items = []
        fd, name = tempfile.mkstemp(prefix="run.", dir=self.folder)
        with os.fdopen(fd, "wb") as f:
            for i in range(0, len(items), _BLOCK):
                marshal.dump(items[i : i + _BLOCK], f)
        self.runs.append(Path(name))

    @staticmethod
    def _read(path: Path) -> Iterator[Any]:
        with path.open("rb") as f:
            while True:
                try:
                    block = marshal.load(f)
                except EOFError:
                    break
                yield from block
        path.unlink()

    def __iter__(self) -> Iterator[Any]:
        if not self.runs:
            items, self.items = sorted(set(self.items)), []
            yield from items
            return
        if self.items:
            self._spill()
        last: Any = None
        for item in heapq.merge(*(self._read(run) for run in self.runs)):
            if item != last:
                yield item
                last = item
        self.runs = []


def _ox_key_term(key: str) -> ox.NamedNode | ox.Literal:
    """The pyoxigraph term that ``_key`` named."""
    if key.startswith("\x01"):
        value, language, datatype = key[1:].rsplit("\x00", 2)
        if language:
            return ox.Literal(value, language=language)
        if datatype:
            return ox.Literal(value, datatype=_ox_iri(datatype))
        return ox.Literal(value)
    return _ox_iri(key)


class _PrefixSorter:
    """A binary writer passing bytes on to ``out`` once the leading ``@prefix`` lines, sorted,
    are written (``_sorted_prefix_lines`` of a stream)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.head = bytearray()
        self.passing = False

    def write(self, data: bytes) -> int:
        if self.passing:
            self.out.write(data)
            return len(data)
        self.head += data
        lines = bytes(self.head).split(b"\n")
        if any(not line.startswith(b"@prefix ") for line in lines[:-1]):
            self.finish()
        return len(data)

    def finish(self) -> None:
        if not self.passing:
            self.passing = True
            self.out.write(_sorted_prefix_lines(bytes(self.head)))
            self.head = bytearray()

    def flush(self) -> None:
        pass


def _lines(items: list[ox.Quad] | list[ox.Triple], fmt: ox.RdfFormat, sorter: _Sorter) -> None:
    for line in (ox.serialize(items, format=fmt) or b"").splitlines(keepends=True):
        sorter.add(line)
    items.clear()


def _write_lines(path: Path, sorter: _Sorter) -> None:
    with atomic_open(path, "wb", encoding=None) as f:
        for line in sorter:
            f.write(line)


def _write_rdf_streaming(kg: KnowledgeGraph, out_dir: Path, scratch: Path) -> None:
    quads = _Sorter(scratch)
    for graph, (s, p, o) in _quads(kg):
        quads.add(("" if graph is None else str.__str__(graph), _key(s), _key(p), _key(o)))
    union, nq_lines = _Sorter(scratch), _Sorter(scratch)
    pending: list[ox.Quad] = []

    def dataset() -> Iterator[ox.Quad]:
        for g, s, p, o in quads:
            union.add((s, p, o))
            quad = ox.Quad(_ox_iri(s), _ox_iri(p), _ox_key_term(o), _DEFAULT_GRAPH if not g else _ox_iri(g))
            pending.append(quad)
            if len(pending) >= _BLOCK:
                _lines(pending, ox.RdfFormat.N_QUADS, nq_lines)
            yield quad
        _lines(pending, ox.RdfFormat.N_QUADS, nq_lines)

    with atomic_open(out_dir / "graph.trig", "wb", encoding=None) as f:
        head = _PrefixSorter(f)
        ox.serialize(
            dataset(),
            head,  # type: ignore[arg-type]
            format=ox.RdfFormat.TRIG,
            prefixes=_TURTLE_PREFIXES,
        )
        head.finish()
    _write_lines(out_dir / "graph.nq", nq_lines)

    nt_lines, nodes = _Sorter(scratch), _Sorter(scratch)
    triples: list[ox.Triple] = []
    node = _JsonNodes(nodes)

    def union_graph() -> Iterator[ox.Triple]:
        for s, p, o in union:
            triple = ox.Triple(_ox_iri(s), _ox_iri(p), _ox_key_term(o))
            triples.append(triple)
            if len(triples) >= _BLOCK:
                _lines(triples, ox.RdfFormat.N_TRIPLES, nt_lines)
            node.add(triple)
            yield triple
        _lines(triples, ox.RdfFormat.N_TRIPLES, nt_lines)
        node.close()

    with atomic_open(out_dir / "graph.ttl", "wb", encoding=None) as f:
        head = _PrefixSorter(f)
        ox.serialize(
            union_graph(),
            head,  # type: ignore[arg-type]
            format=ox.RdfFormat.TURTLE,
            prefixes=_TURTLE_PREFIXES,
        )
        head.finish()
    _write_lines(out_dir / "graph.nt", nt_lines)
    with atomic_open(out_dir / "graph.jsonld", "wb", encoding=None) as f:
        f.write(_JSONLD_HEAD)
        first = True
        for _, line in nodes:
            f.write((line if first else ",\n" + line).encode("utf-8"))
            first = False
        f.write(b"\n]}\n")


class _JsonNodes:
    """``_jsonld``'s node objects, one per run of triples of the same subject, into ``sorter``
    as (compacted subject, JSON line)."""

    def __init__(self, sorter: _Sorter) -> None:
        self.sorter = sorter
        self.subject: str | None = None
        self.props: dict[str, list[Any]] = {}

    def add(self, t: ox.Triple) -> None:
        assert isinstance(t.subject, ox.NamedNode), "the graph has no blank nodes"
        if t.subject.value != self.subject:
            self.close()
            self.subject = t.subject.value
        _jsonld_add(self.props, t)

    def close(self) -> None:
        if self.subject is not None:
            subject = _compact(self.subject)
            self.sorter.add((subject, _jsonld_line(subject, self.props)))
        self.subject, self.props = None, {}

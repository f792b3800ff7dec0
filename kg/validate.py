"""Fast validation: kg's SHACL shapes compiled to SPARQL and run on the embedded store.

pyshacl needs the whole graph in rdflib and checks 285 articles in about 10 s; the same
constraints as SPARQL queries on the Oxigraph store that the build writes anyway take about
5 s, with no second copy of the graph in memory. ``compile_shapes`` turns
each constraint of ``kg/shapes.ttl`` into one SELECT that returns the focus nodes violating
it, for the SHACL Core components the shapes use (``sh:targetClass``; paths that are an IRI or
a sequence; ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:nodeKind sh:IRI``,
``sh:datatype``, ``sh:in``, ``sh:languageIn``, ``sh:minInclusive``, ``sh:minLength``,
``sh:maxLength``, ``sh:pattern``, ``sh:lessThanOrEquals``, ``sh:node``, and
``sh:qualifiedValueShape`` of one ``sh:class``). A shape using anything else is refused with
an error naming it, never skipped: then only ``--validate full`` (pyshacl) can check it. The
tests check that both validators agree on every broken graph they build.

>>> from kg.rdf import load_shapes
>>> checks = compile_shapes(load_shapes())
>>> len(checks) > 40
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.store import load_lines
from kg.vocab import ONTOLOGY_GRAPH

__all__ = [
    "Check",
    "UnsupportedShape",
    "compile_shapes",
    "shipped_checks",
    "validate_graph",
    "validate_ntriples",
    "validate_store",
    "validate_triples",
]

SH = Namespace("http://www.w3.org/ns/shacl#")
_RDFS_SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
_TYPE = f"<{RDF.type}>"
# Components handled on a property shape, and the ones that only qualify another.
_PROPERTY_KEYS = {
    SH.path, SH.minCount, SH.maxCount, SH["class"], SH.nodeKind, SH.datatype, SH["in"],
    SH.languageIn, SH.minInclusive, SH.minLength, SH.maxLength, SH.pattern, SH.lessThanOrEquals,
    SH.node, SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.message,
    SH.name, SH.description,
}  # fmt: skip
_NODE_KEYS = {SH.targetClass, SH.nodeKind, SH.property, SH.message, SH.name, SH.description, RDF.type}
_INTEGER = {str(XSD.integer), str(XSD.nonNegativeInteger), str(XSD.int), str(XSD.long)}


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature the SPARQL compiler does not know."""


@dataclass(frozen=True, slots=True)
class Check:
    """One constraint as SPARQL: ``query`` selects ``?focus`` (and ``?value``) of each violation."""

    shape: str
    path: str
    component: str
    message: str
    query: str


def _n3(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise UnsupportedShape(f"a blank node {node!r} where kg's compiler expects an IRI or a literal")


def _path(shapes: Graph, path: Node) -> str:
    if isinstance(path, URIRef):
        return _n3(path)
    if isinstance(path, BNode) and shapes.value(path, RDF.first) is not None:
        return "/".join(_path(shapes, step) for step in Collection(shapes, path))
    raise UnsupportedShape(f"path {path!r}: only an IRI or a sequence of IRIs")


def _count(node: Node) -> int:
    if not isinstance(node, Literal) or not isinstance(node.toPython(), int):
        raise UnsupportedShape(f"{node!r}: expected an integer")
    return int(node.toPython())


# How an instance of a class is matched: through rdfs:subClassOf* (SHACL's rule), or, for data
# holding no rdfs:subClassOf triple, by rdf:type alone (the same answers, several times faster).
_CLASS_PATH = {True: f"{_TYPE}/{_RDFS_SUBCLASS}*", False: _TYPE}


def _is_class(var: str, cls: Node, subclasses: bool) -> str:
    return f"{var} {_CLASS_PATH[subclasses]} {_n3(cls)}"


def _value_filters(shapes: Graph, prop: Node, subclasses: bool) -> Iterator[tuple[str, str]]:
    """(component, SPARQL condition true when ``?value`` violates it) of a property shape."""
    for cls in shapes.objects(prop, SH["class"]):
        yield "class", f"NOT EXISTS {{ {_is_class('?value', cls, subclasses)} }}"
    for kind in shapes.objects(prop, SH.nodeKind):
        if kind != SH.IRI:
            raise UnsupportedShape(f"sh:nodeKind {kind}: only sh:IRI")
        yield "nodeKind", "!isIRI(?value)"
    for datatype in shapes.objects(prop, SH.datatype):
        cond = f"!isLiteral(?value) || datatype(?value) != {_n3(datatype)}"
        if str(datatype) in _INTEGER:  # an ill-formed lexical form is a violation too
            cond += ' || !REGEX(STR(?value), "^[+-]?[0-9]+$")'
        yield "datatype", cond
    for values in shapes.objects(prop, SH["in"]):
        allowed = " || ".join(f"sameTerm(?value, {_n3(v)})" for v in Collection(shapes, values))
        yield "in", f"!({allowed or 'false'})"
    for langs in shapes.objects(prop, SH.languageIn):
        matches = " || ".join(f"langMatches(lang(?value), {_n3(v)})" for v in Collection(shapes, langs))
        yield "languageIn", f"!isLiteral(?value) || !({matches or 'false'})"
    for low in shapes.objects(prop, SH.minInclusive):
        yield "minInclusive", f"!COALESCE(?value >= {_n3(low)}, false)"  # incomparable: a violation
    for n in shapes.objects(prop, SH.minLength):
        yield "minLength", f"isBlank(?value) || STRLEN(STR(?value)) < {_count(n)}"
    for n in shapes.objects(prop, SH.maxLength):
        yield "maxLength", f"isBlank(?value) || STRLEN(STR(?value)) > {_count(n)}"
    for pattern in shapes.objects(prop, SH.pattern):
        yield "pattern", f"isBlank(?value) || !REGEX(STR(?value), {_n3(Literal(str(pattern)))})"


def _message(shapes: Graph, node: Node, fallback: str) -> str:
    messages = sorted(
        shapes.objects(node, SH.message), key=lambda m: (getattr(m, "language", "") != "en", str(m))
    )
    return str(messages[0]) if messages else fallback


def _node_checks(shapes: Graph, shape: Node, focus: str, name: str, subclasses: bool) -> Iterator[Check]:
    """The checks of node shape ``shape`` on the focus nodes ``?focus`` that pattern ``focus`` binds."""
    unknown = set(shapes.predicates(shape)) - _NODE_KEYS
    if unknown:
        raise UnsupportedShape(f"shape {name}: {', '.join(sorted(map(str, unknown)))} not supported")
    for kind in shapes.objects(shape, SH.nodeKind):
        if kind != SH.IRI:
            raise UnsupportedShape(f"shape {name}: sh:nodeKind {kind}: only sh:IRI")
        yield Check(
            name, "", "nodeKind", _message(shapes, shape, "the focus node is not an IRI"),
            f"SELECT DISTINCT ?focus WHERE {{ {focus} FILTER(!isIRI(?focus)) }}",
        )  # fmt: skip
    for prop in shapes.objects(shape, SH.property):
        yield from _property_checks(shapes, prop, focus, name, subclasses)


def _property_checks(shapes: Graph, prop: Node, focus: str, name: str, subclasses: bool) -> Iterator[Check]:
    unknown = set(shapes.predicates(prop)) - _PROPERTY_KEYS
    if unknown:
        raise UnsupportedShape(f"shape {name}: {', '.join(sorted(map(str, unknown)))} not supported")
    path_node = shapes.value(prop, SH.path)
    if path_node is None:
        raise UnsupportedShape(f"shape {name}: a property shape without sh:path")
    path = _path(shapes, path_node)
    message = _message(shapes, prop, f"{path} violates the shape")

    def check(component: str, query: str) -> Check:
        return Check(name, path, component, message, query)

    for n in shapes.objects(prop, SH.minCount):
        yield check(
            "minCount",
            f"SELECT ?focus WHERE {{ {focus} OPTIONAL {{ ?focus {path} ?value }} }} "
            f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) < {_count(n)})",
        )
    for n in shapes.objects(prop, SH.maxCount):
        yield check(
            "maxCount",
            f"SELECT ?focus WHERE {{ {focus} ?focus {path} ?value }} "
            f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) > {_count(n)})",
        )
    for component, condition in _value_filters(shapes, prop, subclasses):
        yield check(
            component,
            f"SELECT DISTINCT ?focus ?value WHERE {{ {focus} ?focus {path} ?value FILTER({condition}) }}",
        )
    for other in shapes.objects(prop, SH.lessThanOrEquals):
        yield check(
            "lessThanOrEquals",
            f"SELECT DISTINCT ?focus ?value WHERE {{ {focus} ?focus {path} ?value . "
            f"?focus {_n3(other)} ?other FILTER(!COALESCE(?value <= ?other, false)) }}",
        )
    for qualified in shapes.objects(prop, SH.qualifiedValueShape):
        if set(shapes.predicates(qualified)) != {SH["class"]}:
            raise UnsupportedShape(f"shape {name}: a sh:qualifiedValueShape other than one sh:class")
        cls = shapes.value(qualified, SH["class"])
        assert cls is not None
        counted = (
            f"SELECT ?focus (COUNT(DISTINCT ?value) AS ?n) WHERE {{ {focus} "
            f"OPTIONAL {{ ?focus {path} ?value . {_is_class('?value', cls, subclasses)} }} }} GROUP BY ?focus"
        )
        for n in shapes.objects(prop, SH.qualifiedMinCount):
            yield check(
                "qualifiedMinCount", f"SELECT ?focus WHERE {{ {{ {counted} }} FILTER(?n < {_count(n)}) }}"
            )
        for n in shapes.objects(prop, SH.qualifiedMaxCount):
            yield check(
                "qualifiedMaxCount", f"SELECT ?focus WHERE {{ {{ {counted} }} FILTER(?n > {_count(n)}) }}"
            )
    for node in shapes.objects(prop, SH.node):  # the values must conform to that shape
        outer = focus.replace("?focus", "?outer")
        inner = f"{{ SELECT DISTINCT ?focus WHERE {{ {outer} ?outer {path} ?focus }} }}"
        yield from _node_checks(shapes, node, inner, f"{name} -> {_label(node)}", subclasses)


def _label(node: Node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1] if isinstance(node, URIRef) else text


def compile_shapes(shapes: Graph, *, subclasses: bool = True) -> list[Check]:
    """Every constraint of the node shapes with a ``sh:targetClass``, as SPARQL checks; with
    ``subclasses`` False, for data without ``rdfs:subClassOf`` triples (rdf:type alone)."""
    checks: list[Check] = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        for cls in sorted(shapes.objects(shape, SH.targetClass), key=str):
            focus = f"{_is_class('?focus', cls, subclasses)} ."
            checks.extend(_node_checks(shapes, shape, focus, _label(shape), subclasses))
    return checks


def violations(
    store: ox.Store, checks: list[Check], *, limit: int = 20, default_graph: list[Any] | None = None
) -> Iterator[tuple[Check, Any, Any]]:
    """``(check, focus node, value or None)`` of each violation, up to ``limit + 1`` per check, on
    the union of ``default_graph`` (by default, of all the store's graphs)."""
    where: dict[str, Any] = (
        {"default_graph": default_graph} if default_graph else {"use_default_graph_as_union": True}
    )
    for c in checks:
        result = store.query(f"{c.query} LIMIT {limit + 1}", **where)
        assert isinstance(result, ox.QuerySolutions)
        has_value = "value" in [v.value for v in result.variables]
        for solution in result:
            yield c, solution["focus"], solution["value"] if has_value else None


def validate_store(
    store: ox.Store, checks: list[Check], *, limit: int = 20, default_graph: bool = False
) -> tuple[bool, str]:
    """Run ``checks`` on ``store`` (on the union of all its graphs, or with ``default_graph`` on
    its default graph alone); returns ``(conforms, report)``, the report listing up to ``limit``
    violations per check."""
    lines: list[str] = []
    seen: dict[Check, int] = {}
    graphs = [ox.DefaultGraph()] if default_graph else None
    for c, focus, value in violations(store, checks, limit=limit, default_graph=graphs):
        seen[c] = seen.get(c, 0) + 1
        where = f" on {c.path}" if c.path else ""
        if seen[c] > limit:
            lines.append(f"{c.shape}{where} [{c.component}]: more violations")
            continue
        shown = f" (value {value})" if value is not None else ""
        lines.append(f"{c.shape}{where} [{c.component}]: {focus}{shown}: {c.message}")
    conforms = not lines
    head = "Conforms: True" if conforms else f"Conforms: False\nViolations ({len(lines)}):"
    return conforms, "\n".join([head, *lines])


@cache
def shipped_checks(subclasses: bool = True) -> list[Check]:
    """The checks of kg's own ``kg/shapes.ttl``."""
    from kg.rdf import load_shapes

    return compile_shapes(load_shapes(), subclasses=subclasses)


def validate_build(store: ox.Store) -> tuple[bool, str]:
    """kg's shapes on a build's store (the union of its graphs), instances matched by rdf:type
    alone when no data graph holds an rdfs:subClassOf triple (the ontology's graph aside: its
    classes type none of the data)."""
    ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))
    sub = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    subclasses = any(q.graph_name != ontology for q in store.quads_for_pattern(None, sub, None))
    return validate_store(store, shipped_checks(subclasses))


def validate_triples(triples: Iterable[ox.Triple]) -> tuple[bool, str]:
    """kg's shapes on a graph given as triples (a build's union graph, ``SortedQuads.triples``),
    loaded into an in-memory store's default graph: the same checks as ``validate_build``, about
    twice as fast as on the on-disk store's union of named graphs."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return _validate_default_graph(store)


def _validate_default_graph(store: ox.Store) -> tuple[bool, str]:
    sub = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    subclasses = next(iter(store.quads_for_pattern(None, sub, None)), None) is not None
    return validate_store(store, shipped_checks(subclasses), default_graph=True)


def validate_ntriples(path: Path) -> tuple[bool, str]:
    """``validate_triples`` on the N-Triples file ``path`` (a build's ``graph.nt``: its union
    graph), parsed straight into an in-memory store's default graph, with no Python object per
    triple, in loads of ``kg.store.LOAD_BYTES`` (the 161 MB ``graph.nt`` of 3,000 articles
    peaked at 583 MB in one load, 436 MB in loads of 16 MB, for a store of 370 MB)."""
    store = ox.Store()
    load_lines(store, path, ox.RdfFormat.N_TRIPLES)
    return _validate_default_graph(store)


def validate_graph(graph: Graph, checks: list[Check] | None = None) -> tuple[bool, str]:
    """``validate_store`` on an rdflib graph (loaded into an in-memory store), for the tests and
    for graphs that have no store."""
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return validate_build(store) if checks is None else validate_store(store, checks)

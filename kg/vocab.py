"""The ``kg`` vocabulary as code, and the deterministic IRIs of the things in the graph.

``KG`` lists every term of the ontology once (documented in ``kg/ontology.ttl``; a test keeps
the two in step) and fails on a misspelt term, as rdflib's own ``PROV`` or ``SKOS`` do.

Instance IRIs live under ``DATA`` (prefix ``kgid:``) and are built from the records' ids, so
the same input always gives the same IRIs, and there are no blank nodes anywhere. Ids may hold
any character: they are percent-encoded into a single path segment.

>>> str(entity_iri("ent-macron"))
'https://w3id.org/kg-fr/id/entity/ent-macron'
>>> str(entity_iri('L\\'"Élysée" #1'))
'https://w3id.org/kg-fr/id/entity/L%27%22%C3%89lys%C3%A9e%22%20%231'
>>> iri_id(entity_iri('L\\'"Élysée" #1'))
('entity', 'L\\'"Élysée" #1')
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "DATA",
    "KG",
    "KG_NS",
    "MERGED_GRAPH",
    "OA",
    "ONTOLOGY_GRAPH",
    "PREFIXES",
    "PROV",
    "SCHEMA",
    "accusation_iri",
    "article_graph_iri",
    "article_iri",
    "category_iri",
    "claim_iri",
    "compact_iri",
    "encode_id",
    "entity_iri",
    "evidence_iri",
    "iri_id",
    "merge_iri",
    "position_selector_iri",
    "publisher_iri",
    "quote_selector_iri",
    "safe_iri",
    "target_iri",
]

KG_NS = "https://w3id.org/kg-fr/ontology#"
DATA = Namespace("https://w3id.org/kg-fr/id/")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")


class KG(DefinedNamespace):
    """The kg-fr ontology: who accused whom, of what, how firmly, reported by whom, where."""

    _NS = Namespace(KG_NS)
    _fail = True

    # Classes
    Actor: URIRef  # a person, organisation or place that accuses or is accused
    Accusation: URIRef  # one accuser, one accused, one offense category, merged across articles
    Statement: URIRef  # one claim (accusation, claim or denial) in one sentence of one article
    Status: URIRef  # how firmly a statement is made: asserted, alleged or denied
    OffenseCategory: URIRef  # a kind of offense: corruption, fraud, doping, ...
    MergeEvent: URIRef  # why several names were taken for one actor

    # Status individuals
    asserted: URIRef  # stated as fact ("X accuse Y de ...")
    alleged: URIRef  # hedged: conditional, "présumé", "soupçonné", "selon ..."
    denied: URIRef  # denied or negated

    # Actor properties
    entityType: URIRef  # PER, ORG, GPE, LOC or OTHER
    accuses: URIRef  # direct edge accuser -> accused, one per pair, for simple queries

    # Accusation properties
    accuser: URIRef  # the actor who accuses
    accused: URIRef  # the actor accused
    offense: URIRef  # the offense, as worded in the most complete evidence
    offenseCategory: URIRef  # the offense category of an accusation or statement
    cameoCode: URIRef  # the CAMEO event code of an offense category ("1121", "112", ...)
    evidence: URIRef  # accusation -> each statement reporting it

    # Statement properties
    claimType: URIRef  # "accusation", "claim" or "denial"
    speaker: URIRef  # who makes the statement (the accuser, the one who denies)
    target: URIRef  # whom the statement is against (the accused)
    content: URIRef  # what is said: the offense, the claim, what is denied
    contentStart: URIRef  # offset of the content in the article text
    contentEnd: URIRef  # end offset (exclusive) of the content in the article text
    cue: URIRef  # the word or expression that signals the statement ("accuser", "porter plainte")
    about: URIRef  # an actor the content mentions
    reportedBy: URIRef  # who relays the statement ("selon X")
    annotation: URIRef  # statement -> its Web Annotation anchoring it in the article text

    # Shared properties
    status: URIRef  # asserted, alleged or denied
    sourceArticle: URIRef  # the news article a statement, accusation or merge comes from

    # Merge log properties
    mergedInto: URIRef  # the actor resulting from the merge
    mergedName: URIRef  # one of the names merged
    mergeRule: URIRef  # the rule that decided the merge
    mergeScore: URIRef  # the similarity score of the merge


PROV = Namespace("http://www.w3.org/ns/prov#")

#: The named graph of the store (and of ``kg push``) holding kg's ontology.
ONTOLOGY_GRAPH = DATA["dataset/ontology"]
#: The named graph ``kg push`` sends the dataset's default graph to (actors, merged accusations).
MERGED_GRAPH = DATA["dataset/merged"]

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgid": str(DATA),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "oa": str(OA),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}

# Longest namespace first, so that a CURIE uses the most specific prefix (kgid: before others).
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: (-len(kv[1]), kv[0]))


@lru_cache(maxsize=1 << 16)
def compact_iri(iri: str) -> tuple[str, str | None]:
    """``(prefix:rest, prefix)`` with the most specific prefix of ``PREFIXES``, or ``(iri, None)``.

    >>> compact_iri("https://w3id.org/kg-fr/id/entity/ent-durand")
    ('kgid:entity/ent-durand', 'kgid')
    >>> compact_iri("https://example.org/x")
    ('https://example.org/x', None)
    """
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}", prefix
    return iri, None


# Characters kept as they are in an external IRI (RFC 3986 reserved but '[]', unreserved, '%').
_IRI_SAFE = ":/?#@!$&'()*+,;=%~-._"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def encode_id(value: str) -> str:
    """Percent-encode an id into one IRI path segment (every reserved or non-ASCII byte).

    Segments made only of dots are encoded too, so that no IRI resolver removes them.

    >>> encode_id("a b/c#d")
    'a%20b%2Fc%23d'
    >>> encode_id("..")
    '%2E%2E'
    """
    encoded = quote(value, safe="")
    if encoded and set(encoded) == {"."}:
        encoded = encoded.replace(".", "%2E")
    return encoded


def _iri(kind: str, value: str, suffix: str = "") -> URIRef:
    return DATA[f"{kind}/{encode_id(value)}{suffix}"]


def entity_iri(entity_id: str) -> URIRef:
    """IRI of an actor (``Entity.id``)."""
    return _iri("entity", entity_id)


def claim_iri(claim_id: str) -> URIRef:
    """IRI of a statement (``Claim.id``): one claim in one article."""
    return _iri("claim", claim_id)


def accusation_iri(accusation_id: str) -> URIRef:
    """IRI of a merged accusation (``Accusation.id``)."""
    return _iri("accusation", accusation_id)


def article_iri(article_id: str) -> URIRef:
    """IRI of a news article (``Article.id``)."""
    return _iri("article", article_id)


def article_graph_iri(article_id: str) -> URIRef:
    """IRI of the named graph holding an article and its statements."""
    return _iri("graph", article_id)


def evidence_iri(claim_id: str) -> URIRef:
    """IRI of the Web Annotation anchoring a statement in its article."""
    return _iri("claim", claim_id, "/evidence")


def target_iri(claim_id: str) -> URIRef:
    """IRI of the annotation target: the article seen through the selectors."""
    return _iri("claim", claim_id, "/target")


def quote_selector_iri(claim_id: str) -> URIRef:
    """IRI of the ``oa:TextQuoteSelector`` (the sentence with its context)."""
    return _iri("claim", claim_id, "/quote")


def position_selector_iri(claim_id: str) -> URIRef:
    """IRI of the ``oa:TextPositionSelector`` (the sentence's offsets)."""
    return _iri("claim", claim_id, "/position")


def category_iri(category: str) -> URIRef:
    """IRI of an offense category."""
    return _iri("category", category)


def publisher_iri(outlet: str) -> URIRef:
    """IRI of a news outlet."""
    return _iri("publisher", outlet)


def merge_iri(merge_key: str) -> URIRef:
    """IRI of a merge event (the key is a stable hash of the event)."""
    return _iri("merge", merge_key)


def safe_iri(value: str) -> URIRef | None:
    """An external IRI (``same_as``, an article URL) with unsafe characters percent-encoded.

    A valid ASCII IRI is left as it is; spaces, quotes, angle brackets, control or non-ASCII
    characters, a stray ``%`` or a second ``#`` are encoded so that every serialisation stays
    valid. Returns None for a string that is not an absolute IRI (no scheme).

    >>> str(safe_iri("https://example.org/a b"))
    'https://example.org/a%20b'
    >>> safe_iri("www.example.org") is None
    True
    """
    if not _SCHEME.match(value):
        return None
    head, sep, fragment = value.partition("#")
    encoded = _STRAY_PERCENT.sub("%25", quote(head, safe=_IRI_SAFE))
    if sep:
        encoded += "#" + _STRAY_PERCENT.sub("%25", quote(fragment, safe=_IRI_SAFE.replace("#", "")))
    return URIRef(encoded)


def iri_id(iri: str) -> tuple[str, str] | None:
    """The ``(kind, id)`` an instance IRI was built from, or None for another IRI.

    >>> iri_id("https://w3id.org/kg-fr/id/claim/c%201/evidence")
    ('claim/evidence', 'c 1')
    """
    base = str(DATA)
    if not iri.startswith(base):
        return None
    parts = iri[len(base) :].split("/")
    if len(parts) < 2:
        return None
    kind = "/".join([parts[0], *parts[2:]])
    return kind, unquote(parts[1])

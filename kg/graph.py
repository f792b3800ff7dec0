"""The graph stage: merge claims into accusations, and the networkx view of the graph.

An accusation is the set of claims (one per article sentence) in which the same accuser
accuses the same accused of the same kind of offense; it is one edge of the graph, however
many articles report it.

Notes: grouping key is (accuser, accused, offense category); claims whose offense has no
category are grouped as "unspecified" between the same two actors. An entity id is a node id
in GraphML and GEXF, which cannot hold some characters (NUL, most C0 controls, U+FFFE, U+FFFF)
even escaped: ``build_graph`` drops them from entity ids, once, so that an actor has the same id
in every output. Ids made by ``kg.resolve`` are slugs, which never hold one.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

import networkx as nx

from kg.records import (
    CAMEO_CODES,
    Accusation,
    Article,
    Claim,
    Entity,
    InputProblem,
    KnowledgeGraph,
    MergeEvent,
)

__all__ = ["XML_INVALID", "build_graph", "merge_accusations", "short_hash", "to_networkx"]

_STATUS_RANK = {"asserted": 0, "alleged": 1, "denied": 2}
#: Characters XML 1.0 cannot hold, even escaped (outside its ``Char`` production).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def short_hash(*parts: object, length: int = 12) -> str:
    """A stable hexadecimal digest of ``parts`` (same input, same id, on any machine)."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def merge_accusations(claims: Iterable[Claim]) -> tuple[list[Claim], list[Accusation]]:
    """Group accusation claims into Accusations; returns the claims with ``group`` set."""
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.type == "accusation" and c.target is not None:
            groups[(c.speaker, c.target, c.category or "unspecified")].append(c)
    group_of: dict[str, str] = {}
    accusations = []
    for (accuser, accused, category), members in sorted(groups.items()):
        acc_id = "acc-" + short_hash(accuser, accused, category)
        members.sort(key=lambda c: (c.article, c.start, c.id))
        offense = max((c.content for c in members), key=lambda s: (len(s), s))
        status = min((c.status for c in members), key=_STATUS_RANK.__getitem__)
        for c in members:
            group_of[c.id] = acc_id
        accusations.append(
            Accusation(
                id=acc_id,
                accuser=accuser,
                accused=accused,
                category=None if category == "unspecified" else category,
                offense=offense,
                status=status,
                claims=tuple(c.id for c in members),
                articles=tuple(sorted({c.article for c in members})),
            )
        )
    out = []
    for c in claims:
        g = group_of.get(c.id)
        out.append(c if g is None else _with_group(c, g))
    return out, accusations


def _with_group(c: Claim, group: str) -> Claim:
    return replace(c, group=group)


def _xml_safe_ids(
    entities: list[Entity], claims: list[Claim], merges: list[MergeEvent]
) -> tuple[list[Entity], list[Claim], list[MergeEvent]]:
    """Entity ids, and every reference to one, without the characters XML cannot hold.

    Raises ValueError when two entity ids become one.
    """
    refs = [e.id for e in entities] + [m.entity for m in merges]
    for c in claims:
        refs += [c.speaker, c.target or "", c.reported_by or "", *c.about]
    if not any(XML_INVALID.search(r) for r in refs):
        return entities, claims, merges

    def safe(entity_id: str) -> str:
        return XML_INVALID.sub("", entity_id)

    first: dict[str, str] = {}
    for e in entities:
        other = first.setdefault(safe(e.id), e.id)
        if other != e.id:
            raise ValueError(
                f"entity ids {other!r} and {e.id!r} are the same once the characters XML cannot hold "
                "are dropped"
            )
    return (
        [replace(e, id=safe(e.id)) for e in entities],
        [
            replace(
                c,
                speaker=safe(c.speaker),
                target=None if c.target is None else safe(c.target),
                reported_by=None if c.reported_by is None else safe(c.reported_by),
                about=tuple(safe(a) for a in c.about),
            )
            for c in claims
        ],
        [replace(m, entity=safe(m.entity)) for m in merges],
    )


def build_graph(
    articles: list[Article],
    entities: list[Entity],
    claims: list[Claim],
    merges: list[MergeEvent] | None = None,
    problems: list[InputProblem] | None = None,
) -> KnowledgeGraph:
    """Assemble the KnowledgeGraph, in a deterministic order, entity ids safe for XML.

    Raises ValueError when two entity ids differ only by characters XML cannot hold.
    """
    entities, claims, merges = _xml_safe_ids(entities, claims, list(merges or []))
    claims, accusations = merge_accusations(sorted(claims, key=lambda c: (c.article, c.start, c.id)))
    return KnowledgeGraph(
        articles=sorted(articles, key=lambda a: a.id),
        entities=sorted(entities, key=lambda e: e.id),
        claims=claims,
        accusations=accusations,
        merges=merges,
        problems=list(problems or []),
    )


def to_networkx(kg: KnowledgeGraph, *, only_accused: bool = False) -> nx.MultiDiGraph:
    """Entities as nodes, accusations as edges (key = Accusation.id); scalar attributes only.

    Node attributes: ``label`` (name), ``type``, ``aliases`` and ``descriptions`` (joined with
    " | "), ``mentions`` (count), ``articles`` (count), ``accusations_made``, ``accusations_received``.
    Edge attributes: ``label`` (category or offense), ``category``, ``cameo`` (the category's
    CAMEO code, "" without a category), ``offense``, ``status``,
    ``sources`` (number of articles), ``articles`` (" | "-joined ids), ``claims`` (count).
    With ``only_accused`` the graph keeps only entities that take part in an accusation.
    """
    g = nx.MultiDiGraph(name="kg accusations")
    made: dict[str, int] = defaultdict(int)
    received: dict[str, int] = defaultdict(int)
    for a in kg.accusations:
        made[a.accuser] += 1
        received[a.accused] += 1
    for e in kg.entities:
        if only_accused and not (made[e.id] or received[e.id]):
            continue
        g.add_node(
            e.id,
            label=e.name,
            type=e.type,
            aliases=" | ".join(e.aliases),
            descriptions=" | ".join(e.descriptions),
            mentions=len(e.mentions),
            articles=len({m.article for m in e.mentions}),
            accusations_made=made[e.id],
            accusations_received=received[e.id],
        )
    for a in kg.accusations:
        g.add_edge(
            a.accuser,
            a.accused,
            key=a.id,
            label=a.category or a.offense,
            category=a.category or "",
            cameo=CAMEO_CODES.get(a.category or "", ""),
            offense=a.offense,
            status=a.status,
            sources=len(a.articles),
            articles=" | ".join(a.articles),
            claims=len(a.claims),
        )
    return g

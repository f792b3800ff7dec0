"""The resolution stage: one Entity per real actor across articles, with a stable id.

Each article's LocalEntity is a node; rules link nodes that name the same actor, and every link
is logged as a MergeEvent (names, rule, score). Rules, strongest first:

- ``same-name``: the same comparison key (case, accents, determiners, titles ignored), types
  compatible;
- ``acronym``: an acronym and a name whose initials it spells ("OMS" / "Organisation mondiale de
  la santé"), same type;
- ``surname``: a surname alone and the one full name of a person ending with it;
- ``spelling-variant``: names of the same type and shape within a small edit distance
  ("Paul Girrard" / "Paul Girard"), merged only with corroboration: a shared description word or
  at least two other actors in common between their articles;
- ``alias-file``: the user's alias file (kg.aliases), which also forbids merges ("distinct"),
  sets names and types and attaches external identifiers.

Merges made inside one article by the entity stage (surname, acronym, shortened name) are
logged too, with the article's id.

Merges do not chain: a spelling variant joins a cluster only when it is within the edit distance
of every name of that cluster of its shape, so "Paul Martin1" ... "Paul Martin300" (names that
differ in their digits are never variants) or a walk of one-letter changes stay distinct actors.

An actor of one article only (scope "article": a bare "la justice" or "les syndicats" where the
article names no such institution) is never merged with another article's; its id is its name's
slug and the article's, "justice--lemonde-2017-drancy". An institution every state has, named
without its state in an article that names one state most (scope "state:Maroc": "le ministère de
l'Intérieur"), is merged only with the same name in articles on that state; its id ends with the
state's slug, "ministere-de-linterieur--maroc".

Ids are slugs of the canonical name (the most frequent form, then the longest). Everything here
is a function of the set of inputs, not of their order: the nodes are taken in (article, entity)
order and clusters sharing a name are told apart by type and members. Adding an unrelated article
never changes an id.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from kg.aliases import AliasRule
from kg.entities import name_key
from kg.records import ArticleRecords, Entity, EntityType, MergeEvent

__all__ = ["resolve_entities", "slugify"]

# On a tie between articles, the more specific type wins: OTHER and LOC are the model's fallbacks.
_TYPE_PRIORITY = {"PER": 4, "ORG": 3, "GPE": 2, "LOC": 1, "OTHER": 0}
_CDIST_ROWS = 512  # names compared at once against a block in the spelling-variant search
_STOP_DESCRIPTION_WORDS = frozenset(
    """le la les l de du des d un une et à au aux en pour sur son sa ses""".split()
)


def slugify(name: str) -> str:
    """A readable, stable id: "Paul Girard" -> "paul-girard"; never empty.

    >>> slugify("N'Golo Diarra"), slugify("États-Unis")
    ('ngolo-diarra', 'etats-unis')
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("'", "").replace("\u2019", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if not s:
        s = "x" + "".join(f"{ord(c):x}" for c in name)[:24]
    return s[:80]


def _scope_suffix(article: str, scope: str) -> str:
    """What the comparison key of a scoped actor adds: its article, or the state of its articles."""
    if scope == "article":
        return f" @{article}"
    if scope.startswith("state:"):
        return f" @{scope}"
    return ""


def _compatible(a: str, b: str) -> bool:
    """Types that may name one actor: anything but a person against a non-person (the model
    types a company as a place or "other" often; a person as a country, never)."""
    return a == b or "PER" not in (a, b)


class _Clusters:
    """Union-find over local entities that refuses a merge forbidden by the alias file."""

    def __init__(self, keys: list[str], forbidden: set[frozenset[str]]) -> None:
        self.parent = list(range(len(keys)))
        self.keys: dict[int, set[str]] = {i: {k} for i, k in enumerate(keys)}
        self.forbidden = forbidden

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.forbidden and any(
            frozenset({x, y}) in self.forbidden for x in self.keys[ra] for y in self.keys[rb]
        ):
            return False
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        self.keys[keep] |= self.keys.pop(drop)
        return True


@lru_cache(maxsize=65536)
def _description_words(descriptions: tuple[str, ...]) -> frozenset[str]:
    words = set()
    for d in descriptions:
        for w in re.findall(r"\w+", name_key(d)):
            if len(w) > 3 and w not in _STOP_DESCRIPTION_WORDS:
                words.add(w)
    return frozenset(words)


def _spelling_blocks(keys: list[str]) -> dict[tuple[str, int], list[str]]:
    """Candidate spelling variants share their first word (or its first three letters, for one-word
    names) and their number of words: "paul girrard" / "paul girard"."""
    blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
    for k in keys:
        words = k.split()
        block = words[0] if len(words) > 1 else words[0][:3]
        blocks[(block, len(words))].append(k)
    return blocks


def resolve_entities(
    records: list[ArticleRecords], rules: list[AliasRule] | None = None
) -> tuple[list[Entity], dict[tuple[str, int], str], list[MergeEvent]]:
    """Cluster the articles' local entities; returns entities, (article, key) -> id, merge log.

    ``rules`` (from the user's alias file) force merges, forbid them, and set names, types and
    external identifiers.
    """
    rules = rules or []
    nodes = sorted(((r.article.id, e) for r in records for e in r.entities), key=lambda n: (n[0], n[1].key))
    # a scoped actor's key carries its scope: an actor of one article only ("Justice" where the
    # article names no court) meets no other article's, an institution of a state ("state:Maroc")
    # only the same name in articles on that state; no rule below crosses a scope
    keys = [name_key(e.name) + _scope_suffix(art, e.scope) for art, e in nodes]
    forbidden = {
        frozenset({name_key(a), name_key(b)}) for rule in rules for a in rule.names for b in rule.distinct
    }
    uf = _Clusters(keys, forbidden)
    events: list[tuple[int, int, str, float]] = []

    def link(i: int, j: int, rule: str, score: float) -> None:
        if uf.union(i, j):
            events.append((i, j, rule, score))

    by_key: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        by_key[k].append(i)
    # the user's alias file first: its merges hold whatever the other rules say
    rule_of_key: dict[str, AliasRule] = {}
    for alias_rule in rules:
        members = [i for n in alias_rule.names for i in by_key.get(name_key(n), [])]
        for n in alias_rule.names:
            rule_of_key.setdefault(name_key(n), alias_rule)
        for j in members[1:]:
            link(members[0], j, "alias-file", 1.0)
    # same name: the persons together, the others together (never a person with a non-person)
    for members in by_key.values():
        persons = [i for i in members if nodes[i][1].type == "PER"]
        for side in (persons, [i for i in members if nodes[i][1].type != "PER"]):
            for j in side[1:]:
                link(side[0], j, "same-name", 1.0)
    # acronyms
    initials: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        if nodes[i][1].scope:
            continue
        words = [w for w in k.split() if w not in ("de", "du", "des", "la", "le", "les", "et", "l", "d")]
        if len(words) >= 2:
            initials["".join(w[0] for w in words)].append(i)
    for i, k in enumerate(keys):
        if " " not in k and nodes[i][1].name.isupper() and k in initials:
            for j in initials[k]:
                if _compatible(nodes[i][1].type, nodes[j][1].type):
                    link(i, j, "acronym", 0.9)
    # surname alone -> the only person with that surname
    surnames: dict[str, set[str]] = defaultdict(set)
    for i, k in enumerate(keys):
        if nodes[i][1].type == "PER" and len(k.split()) >= 2:
            surnames[k.split()[-1]].add(k)
    for i, k in enumerate(keys):
        if nodes[i][1].type == "PER" and " " not in k and len(surnames.get(k, ())) == 1:
            full = next(iter(surnames[k]))
            link(i, next(j for j in by_key[full] if nodes[j][1].type == "PER"), "surname", 0.8)
    # spelling variants, corroborated
    neighbours: dict[str, set[str]] = {r.article.id: {name_key(e.name) for e in r.entities} for r in records}
    for block in _spelling_blocks(sorted(k for k in by_key if " @" not in k)).values():
        for ka, kb in _near_pairs(block):
            scored = _spelling_variant(ka, kb, by_key, nodes, neighbours)
            if scored is None:
                continue
            i, j = by_key[ka][0], by_key[kb][0]
            ri, rj = uf.find(i), uf.find(j)
            if ri != rj and all(_near(x, y) for x in uf.keys[ri] for y in uf.keys[rj] if _same_shape(x, y)):
                link(i, j, "spelling-variant", scored)
    # build entities
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        clusters[uf.find(i)].append(i)
    entities: list[Entity] = []
    id_of: dict[tuple[str, int], str] = {}
    used: set[str] = set()
    root_id: dict[int, str] = {}
    # clusters sharing a canonical name: the one named in more articles first (it keeps the plain
    # id), then the more specific type, then the first member
    ordered = sorted(
        clusters.items(),
        key=lambda kv: (
            _canonical(nodes, kv[1]),
            -len({nodes[i][0] for i in kv[1]}),
            -_TYPE_PRIORITY[_type(nodes, kv[1])],
            kv[1][0],
        ),
    )
    for root, members in ordered:
        user = next((rule_of_key[keys[i]] for i in members if keys[i] in rule_of_key), None)
        name = user.name if user else _canonical(nodes, members)
        etype: EntityType = user.type if user and user.type else _type(nodes, members)  # type: ignore[assignment]
        base = slugify(name)
        scope = nodes[members[0]][1].scope
        if scope == "article":  # "justice--europe1-2016-baupin": the article's own, whatever else is built
            base = f"{base}--{slugify(nodes[members[0]][0])}"
        elif scope.startswith("state:"):  # "ministere-de-linterieur--maroc"
            base = f"{base}--{slugify(scope[6:])}"
        eid = base if base not in used else f"{base}-{etype.lower()}"
        suffix = 2
        while eid in used:
            eid = f"{base}-{suffix}"
            suffix += 1
        used.add(eid)
        root_id[root] = eid
        aliases: set[str] = {name}
        descriptions: list[str] = []
        mentions = []
        for i in members:
            art, e = nodes[i]
            id_of[(art, e.key)] = eid
            aliases.update(e.aliases)
            aliases.add(e.name)
            descriptions.extend(d for d in e.descriptions if d not in descriptions)
            mentions.extend(e.mentions)
        mentions.sort(key=lambda m: (m.article, m.start, m.end))
        same_as = sorted(user.same_as) if user else []
        entities.append(Entity(eid, name, etype, sorted(aliases), descriptions, mentions, same_as))
    merges = [
        MergeEvent(
            entity=root_id[uf.find(i)],
            names=(nodes[i][1].name, nodes[j][1].name),
            rule=rule,
            score=score,
            articles=tuple(sorted({nodes[i][0], nodes[j][0]})),
        )
        for i, j, rule, score in events
    ]
    for i, (art, e) in enumerate(nodes):  # merges made inside the article by the entity stage
        for a, b, how in e.merges:
            merges.append(MergeEvent(root_id[uf.find(i)], (a, b), how, 1.0, (art,)))
    merges.sort(key=lambda m: (m.entity, m.rule, m.names, m.articles))
    return entities, id_of, merges


def _spelling_variant(
    ka: str, kb: str, by_key: dict[str, list[int]], nodes: list, neighbours: dict[str, set[str]]
) -> float | None:
    """The similarity score of two names that differ by a letter or two, when something else
    says they are one actor: the same type, a shared description word, or two other actors in
    common between their articles (``ka``, ``kb``: a pair of _near_pairs). None when they should
    stay apart."""
    dist = Levenshtein.distance(ka, kb)
    i, j = by_key[ka][0], by_key[kb][0]
    ei, ej = nodes[i][1], nodes[j][1]
    if ei.type != ej.type:
        return None
    if ei.type == "PER" and ka.split()[0] != kb.split()[0]:
        return None  # a person's first name must agree
    shared_desc = _description_words(tuple(ei.descriptions)) & _description_words(tuple(ej.descriptions))
    common = (neighbours[nodes[i][0]] & neighbours[nodes[j][0]]) - {ka, kb}
    if not shared_desc and len(common) < 2:
        return None
    return round(1 - dist / max(len(ka), len(kb)), 3)


def _bound(a: str, b: str) -> int:
    """The edits allowed between two spellings of one name: none under 6 letters, one under 10."""
    n = min(len(a), len(b))
    return 0 if n < 6 else 1 if n < 10 else 2


_DIGITS = re.compile(r"\d+")


def _near(a: str, b: str) -> bool:
    """Two distinct names within the edit distance of a misspelling, with the same digits
    ("Paul Martin1" and "Paul Martin2" are two names, not a typo)."""
    if a == b or abs(len(a) - len(b)) > 2 or _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    bound = _bound(a, b)
    return bound > 0 and Levenshtein.distance(a, b, score_cutoff=bound) <= bound


def _same_shape(a: str, b: str) -> bool:
    """Names a spelling variant compares: the same number of words (not an acronym against its
    expansion, nor a surname against the full name)."""
    return a != b and len(a.split()) == len(b.split())


def _near_pairs(block: list[str]) -> list[tuple[str, str]]:
    """The pairs of a block (sorted names) that may be misspellings of each other: same digits,
    lengths within two, within two edits by rapidfuzz's matrix in C, a few hundred rows at a
    time, so that a block of thousands of names stays fast and small."""
    groups: dict[tuple[tuple[str, ...], int], list[str]] = defaultdict(list)
    for k in block:
        if len(k) >= 6:
            groups[(tuple(_DIGITS.findall(k)), len(k))].append(k)
    pairs: list[tuple[str, str]] = []
    for (digits, length), rows_all in sorted(groups.items()):
        cols = [k for n in range(length, length + 3) for k in groups.get((digits, n), ())]
        for start in range(0, len(rows_all), _CDIST_ROWS):
            rows = rows_all[start : start + _CDIST_ROWS]
            dist = process.cdist(rows, cols, scorer=Levenshtein.distance, score_cutoff=2, dtype=np.uint8)
            for r, c in zip(*np.nonzero(dist <= 2), strict=True):
                a, b = sorted((rows[r], cols[c]))
                if (len(a) != len(b) or rows[r] < cols[c]) and _near(a, b):
                    pairs.append((a, b))
    return sorted(set(pairs))


def _canonical(nodes: list, members: list[int]) -> str:
    counts = Counter(nodes[i][1].name for i in members)
    return max(counts, key=lambda n: (counts[n], len(name_key(n).split()), len(n), n))


def _type(nodes: list, members: list[int]) -> EntityType:
    counts = Counter(nodes[i][1].type for i in members)
    return max(counts, key=lambda t: (counts[t], _TYPE_PRIORITY[t]))  # a tie goes to the specific type

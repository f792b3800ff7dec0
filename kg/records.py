"""Typed records passed between the stages of ``kg``; no I/O and no spaCy here.

Data flows one way::

    ingest -> Article
    nlp + entities + claims -> ArticleRecords (LocalEntity, ClaimMention), per article
    resolve -> Entity (cross-article, stable id), Claim (one per ClaimMention), MergeEvent
    graph -> KnowledgeGraph (entities, claims, accusations = claims merged across articles)
    rdf / export / queries read a KnowledgeGraph

Every character offset (``start``/``end``) refers to ``Article.text``, the normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "CAMEO_CODES",
    "CLAIM_TYPES",
    "ENTITY_TYPES",
    "MENTION_KINDS",
    "STATUSES",
    "Accusation",
    "Article",
    "ArticleRecords",
    "Claim",
    "ClaimMention",
    "ClaimType",
    "Entity",
    "EntityType",
    "InputProblem",
    "KnowledgeGraph",
    "LocalEntity",
    "Mention",
    "MentionKind",
    "MergeEvent",
    "Status",
]

EntityType = Literal["PER", "ORG", "GPE", "LOC", "OTHER"]
Status = Literal["asserted", "alleged", "denied"]
ClaimType = Literal["accusation", "claim", "denial"]

ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "GPE", "LOC", "OTHER")
STATUSES: tuple[str, ...] = ("asserted", "alleged", "denied")
CLAIM_TYPES: tuple[str, ...] = ("accusation", "claim", "denial")

#: Offense category -> its CAMEO event code (the "accuse" family 112x: 1121 crime and
#: corruption, 1122 human rights abuses, 1123 aggression, 1124 war crimes, 1125 espionage and
#: treason, 112 otherwise), in the order kg tries the categories (the specific ones first).
CAMEO_CODES: dict[str, str] = {
    "war_crimes": "1124",
    "terrorism": "1123",
    "espionage": "1125",
    "doping": "112",
    "sexual_violence": "1122",
    "human_rights_abuse": "1122",
    "racism": "1122",
    "violence": "1123",
    "corruption": "1121",
    "fraud": "1121",
    "intellectual_property_theft": "112",
    "terms_of_service_violation": "112",
    "anticompetitive_practices": "112",
    "defamation": "112",
    "threats": "112",
    "environmental_damage": "112",
    "bias": "112",
    "lying": "112",
    "abuse_of_power": "112",
}


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, its text normalised (NFC, uniform apostrophes and quotes)."""

    id: str
    title: str
    text: str
    path: str = ""
    date: str | None = None
    url: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be read (or was skipped), with the reason in plain words."""

    path: str
    problem: str
    fatal: bool = True  # False: a warning, the article (or the rest of the file) still went through


MentionKind = Literal["name", "acronym", "title", "metonym", "description", "pronoun", "possessive"]
MENTION_KINDS: tuple[MentionKind, ...] = (
    "name",  # a proper name: "Paul Girard", "le parquet de Nanterre"
    "acronym",  # "OMS", "PNF"
    "title",  # a titled name: "M. Girard", "Me Claire Morel"
    "metonym",  # what stands for a state: "Pékin", "l'Élysée", "les autorités chinoises"
    "description",  # a definite description: "l'entreprise", "le groupe minier", "le parquet"
    "pronoun",  # "il", "elle", "ce dernier", "celui-ci", "l'", "lui"
    "possessive",  # "ses", "son", "leur" of "ses modèles"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article's text that refers to an actor. ``antecedent``: for a pronoun, a
    possessive or a description, the (start, end) of the mention it was resolved to (the nearest
    one of its actor before it, else after it), when there is one."""

    article: str
    start: int
    end: int
    text: str
    kind: MentionKind = "name"
    antecedent: tuple[int, int] | None = None


@dataclass(slots=True)
class LocalEntity:
    """An actor as seen inside one article: all its mentions there."""

    key: int  # index within the article's ArticleRecords.entities
    name: str  # best name in the article (determiners and elisions stripped)
    type: EntityType
    aliases: list[str] = field(default_factory=list)  # every surface form seen
    descriptions: list[str] = field(default_factory=list)  # appositions, "la start-up chinoise"
    mentions: list[Mention] = field(default_factory=list)
    merges: list[tuple[str, str, str]] = field(default_factory=list)  # (name, name, rule) within the article
    # "article": an actor of this article only, never merged with another article's ("la justice"
    # of an article that names no court: whose justice it is, the article alone tells)
    scope: str = ""


@dataclass(slots=True)
class ClaimMention:
    """A claim found in one sentence of one article; actors are LocalEntity keys."""

    type: ClaimType
    article: str
    speaker: int  # accuser for an accusation, the one who denies for a denial
    target: int | None  # accused; None for a plain claim without a target actor
    cue: str  # lemma or expression: "accuser", "soupçonner", "porter plainte"
    status: Status
    content: str  # offense for an accusation, the reported content for a claim
    content_start: int
    content_end: int
    sentence: str
    start: int  # sentence offsets: text[start:end] == sentence
    end: int
    category: str | None = None  # offense category (see kg.claims.OFFENSE_CATEGORIES)
    reported_by: int | None = None  # LocalEntity key of "selon X", "a-t-il déclaré à X"
    about: list[int] = field(default_factory=list)  # entities the content mentions
    link: str = ""  # why an actor was taken from outside the sentence ("accuser from the discourse ...")
    score: float | None = None  # the accusation model's probability, when it scored the claim


@dataclass(slots=True)
class ArticleRecords:
    """Everything extracted from one article; what a worker sends back."""

    article: Article
    entities: list[LocalEntity]
    claims: list[ClaimMention]


@dataclass(slots=True)
class Entity:
    """A real-world actor, resolved across articles, with a stable id."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)  # external IRIs (Wikidata, ...)


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim in one article, actors resolved to Entity ids: a line of claims.jsonl."""

    id: str
    type: ClaimType
    article: str
    speaker: str  # Entity.id; the accuser for an accusation
    target: str | None  # Entity.id; the accused
    cue: str
    status: Status
    content: str  # the offense for an accusation
    content_start: int
    content_end: int
    sentence: str
    start: int
    end: int
    category: str | None = None
    reported_by: str | None = None  # Entity.id
    about: tuple[str, ...] = ()
    group: str | None = None  # Accusation.id this claim is evidence for
    link: str = ""  # why an actor was taken from outside the sentence
    score: float | None = None  # the accusation model's probability


@dataclass(frozen=True, slots=True)
class Accusation:
    """An accusation merged across articles: one edge of the graph, all its evidence."""

    id: str
    accuser: str  # Entity.id
    accused: str  # Entity.id
    category: str | None
    offense: str  # the most complete offense text among the evidence
    status: Status  # asserted if any evidence asserts it, else alleged, else denied
    claims: tuple[str, ...]  # Claim ids, the evidence
    articles: tuple[str, ...]  # Article ids, sorted


@dataclass(frozen=True, slots=True)
class MergeEvent:
    """Why two names were taken for one actor: a line of merges.jsonl."""

    entity: str  # the resulting Entity.id
    names: tuple[str, ...]
    rule: str
    score: float
    articles: tuple[str, ...] = ()


@dataclass(slots=True)
class KnowledgeGraph:
    """What the exporters read."""

    articles: list[Article]
    entities: list[Entity]
    claims: list[Claim]
    accusations: list[Accusation]
    merges: list[MergeEvent] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)

    def entity_index(self) -> dict[str, Entity]:
        """Entities by id."""
        return {e.id: e for e in self.entities}

    def to_networkx(self, *, only_accused: bool = False) -> Any:
        """The graph as a networkx ``MultiDiGraph``: actors as nodes, accusations as edges
        (``kg.graph.to_networkx``, whose docstring gives the attributes)."""
        from kg.graph import to_networkx

        return to_networkx(self, only_accused=only_accused)

    def to_rdf(self) -> Any:
        """The graph as an rdflib ``Dataset``: one named graph per article, the rest (actors,
        merged accusations) in the default graph; the triples the build's RDF files hold."""
        from kg.rdf import build_dataset

        return build_dataset(self)

    def query(self, query: str, **params: str) -> list[dict[str, str]]:
        """Rows of a named query (``who-accused-whom``, ``accusations-against`` with
        ``entity="..."``, ``chains``...) or of any SPARQL query, as dicts of plain strings (kg's
        ids for its IRIs). SPARQL runs on an in-memory Oxigraph store of the graph, made at
        each call, its default graph the union of all graphs; ``params`` bind ``?NAME``. kg's
        prefixes (``kg:``, ``schema:``, ``skos:``...) need no PREFIX line."""
        from kg import queries
        from kg.store import memory_store

        if query in queries.GRAPH_QUERIES:
            if params:
                raise ValueError(f"the graph query {query!r} takes no parameter")
            columns, rows = queries.GRAPH_QUERIES[query](self)
        else:
            known = {q.name: q for q in queries.list_queries()}
            info = known.get(query) or queries.QueryInfo(
                "sparql", "", "", tuple(params), queries.with_prefixes(query)
            )
            columns, rows = queries.run_sparql(
                memory_store(self), info.sparql, queries.bind_params(info, params)
            )
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def write(self, out: str | Path, *, validate: str = "fast") -> Path:
        """Write the whole build folder ``out``, as ``kg build --out`` does (``kg.api.write``)."""
        from kg.api import write

        return write(self, out, validate=validate)

"""Exporters: JSON Lines, GraphML, GEXF, Cytoscape.js JSON and a self-contained HTML viewer.

Every exporter is a function ``write_x(kg, path)`` registered in ``EXPORTERS`` under the name
of the file it writes; ``write_all`` runs them into one folder. Every file goes through
``kg.atomic``: a reader never sees a half-written output, and a failed export leaves the
previous file as it was. Output is deterministic: the same graph gives the same bytes.

``claims.jsonl`` and ``entities.jsonl`` follow the output contract of ``kg build`` (see the
evaluation kit's README); ``load_graph`` reads the JSON Lines files back into a
``KnowledgeGraph``.

>>> from kg.graph import build_graph
>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> [p.name for p in write_all(build_graph([], [], []), out, only=["claims.jsonl"])]
['claims.jsonl']

Notes: colours follow the Tableau 10 palette; GEXF colours go in ``viz:color``, GraphML and
Cytoscape get plain ``color`` (and ``r``/``g``/``b`` for Gephi) attributes.
"""

from __future__ import annotations

import importlib.resources
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from kg.atomic import atomic_open, atomic_write_bytes, atomic_write_text
from kg.graph import XML_INVALID, build_graph, to_networkx
from kg.records import (
    CAMEO_CODES,
    CLAIM_TYPES,
    ENTITY_TYPES,
    MENTION_KINDS,
    STATUSES,
    Article,
    Claim,
    Entity,
    InputProblem,
    KnowledgeGraph,
    Mention,
    MentionKind,
    MergeEvent,
)

__all__ = [
    "EXPORTERS",
    "STATUS_COLORS",
    "TYPE_COLORS",
    "claim_record",
    "entity_record",
    "load_graph",
    "viewer_data",
    "write_all",
    "write_articles_jsonl",
    "write_claims_jsonl",
    "write_cyjs",
    "write_entities_jsonl",
    "write_gexf",
    "write_graphml",
    "write_merges_jsonl",
    "write_problems_jsonl",
    "write_viewer",
]

TYPE_COLORS: dict[str, str] = {
    "PER": "#4e79a7",  # blue
    "ORG": "#f28e2b",  # orange
    "GPE": "#59a14f",  # green
    "LOC": "#76b7b2",  # teal
    "OTHER": "#9c9c9c",  # grey
}
STATUS_COLORS: dict[str, str] = {
    "asserted": "#d62728",  # red, solid line
    "alleged": "#e8a33d",  # amber, dashed line
    "denied": "#7b6fa8",  # purple, dotted line
}

_MENTION_KINDS = (*MENTION_KINDS, "nominal")  # "nominal": a description, in builds before kinds were finer
_VIEWER_PLACEHOLDER = "__KG_DATA__"
_VENDOR_PLACEHOLDER = "__KG_VENDOR__"
_SCRIPT_BREAKERS = re.compile(r"</script|<!--", re.I)
# Line separators that json.dumps(ensure_ascii=False) leaves raw but str.splitlines() splits on.
_JSONL_ESCAPES = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
_HTML_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", **_JSONL_ESCAPES}


# --- JSON Lines -------------------------------------------------------------------------------


def _json_line(obj: object) -> str:
    """One JSON object on one line: UTF-8 text, no raw line separators, "\\n" at the end."""
    s = json.dumps(obj, ensure_ascii=False)
    for raw, escaped in _JSONL_ESCAPES.items():
        s = s.replace(raw, escaped)
    return s + "\n"


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with atomic_open(path, "w") as f:
        for row in rows:
            f.write(_json_line(row))


def _ref(entities: dict[str, Entity], entity_id: str, claim: Claim) -> dict[str, str]:
    try:
        e = entities[entity_id]
    except KeyError:
        raise ValueError(f"claim {claim.id!r} refers to unknown entity {entity_id!r}") from None
    return {"id": e.id, "name": e.name, "type": e.type}


def claim_record(claim: Claim, entities: dict[str, Entity]) -> dict[str, Any]:
    """A line of claims.jsonl: the contract fields, then ``offense_start`` ... ``accusation``, and
    ``cameo`` (the category's CAMEO code), ``link`` (why an actor came from outside the sentence)
    and ``score`` (the model's probability)."""
    reporter = _ref(entities, claim.reported_by, claim) if claim.reported_by is not None else None
    return {
        "id": claim.id,
        "type": claim.type,
        "accuser": _ref(entities, claim.speaker, claim),
        "accused": _ref(entities, claim.target, claim) if claim.target is not None else None,
        "offense": claim.content,
        "cue": claim.cue,
        "status": claim.status,
        "reported_by": reporter["name"] if reporter else None,
        "article": claim.article,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "offense_start": claim.content_start,
        "offense_end": claim.content_end,
        "category": claim.category,
        "cameo": CAMEO_CODES.get(claim.category) if claim.category else None,
        "reported_by_id": claim.reported_by,
        "about": [
            {"id": r["id"], "name": r["name"]} for r in (_ref(entities, a, claim) for a in claim.about)
        ],
        "accusation": claim.group,
        "link": claim.link,
        "score": claim.score,
    }


def entity_record(entity: Entity) -> dict[str, Any]:
    """A line of entities.jsonl."""
    texts = {(m.article, m.start, m.end): m.text for m in entity.mentions}
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "descriptions": list(entity.descriptions),
        "same_as": list(entity.same_as),
        "mentions": [_mention_record(m, texts) for m in entity.mentions],
    }


def _mention_record(m: Mention, texts: dict[tuple[str, int, int], str]) -> dict[str, Any]:
    """A mention of entities.jsonl; a resolved one (pronoun, possessive, description) with the
    mention it was resolved to ("antecedent": its offsets and text), or null."""
    out: dict[str, Any] = {
        "article": m.article,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "kind": m.kind,
    }
    if m.kind not in ("name", "acronym", "title", "metonym") or m.antecedent is not None:
        out["antecedent"] = None
        if m.antecedent is not None:
            start, end = m.antecedent
            out["antecedent"] = {"start": start, "end": end, "text": texts.get((m.article, start, end), "")}
    return out


def _mention_kind(kind: str) -> MentionKind:
    return "description" if kind == "nominal" else kind  # type: ignore[return-value]


def _antecedent(mr: Any) -> tuple[int, int] | None:
    value = mr.obj.get("antecedent")
    if value is None:
        return None
    ar = _Row(value, f"{mr.where}: antecedent")
    return (ar.get("start", int), ar.get("end", int))


def write_claims_jsonl(kg: KnowledgeGraph, path: Path) -> None:
    """claims.jsonl: one line per claim, in the order of ``kg.claims``."""
    entities = kg.entity_index()
    _write_jsonl(path, (claim_record(c, entities) for c in kg.claims))


def write_entities_jsonl(kg: KnowledgeGraph, path: Path) -> None:
    """entities.jsonl: one line per entity, with its aliases and mentions."""
    _write_jsonl(path, (entity_record(e) for e in kg.entities))


def write_articles_jsonl(kg: KnowledgeGraph, path: Path) -> None:
    """articles.jsonl: one line per article, with the normalised text every offset refers to."""
    _write_jsonl(
        path,
        (
            {
                "id": a.id,
                "title": a.title,
                "date": a.date,
                "url": a.url,
                "outlet": a.outlet,
                "path": a.path,
                "text": a.text,
            }
            for a in kg.articles
        ),
    )


def write_merges_jsonl(kg: KnowledgeGraph, path: Path) -> None:
    """merges.jsonl: one line per merge decision of entity resolution."""
    _write_jsonl(
        path,
        (
            {
                "entity": m.entity,
                "names": list(m.names),
                "rule": m.rule,
                "score": m.score,
                "articles": list(m.articles),
            }
            for m in kg.merges
        ),
    )


def write_problems_jsonl(kg: KnowledgeGraph, path: Path) -> None:
    """problems.jsonl: one line per input that could not be read; written (empty) even if none."""
    _write_jsonl(path, ({"path": p.path, "problem": p.problem, "fatal": p.fatal} for p in kg.problems))


# --- Graph formats ----------------------------------------------------------------------------


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _xml_safe(value: object) -> object:
    return XML_INVALID.sub("", value) if isinstance(value, str) else value


def _styled_graph(kg: KnowledgeGraph, *, viz: bool) -> nx.MultiDiGraph:
    """``to_networkx`` with colours and sizes: GEXF ``viz`` dicts, or plain attributes."""
    g = to_networkx(kg)
    for _, data in g.nodes(data=True):
        color = TYPE_COLORS.get(data["type"], TYPE_COLORS["OTHER"])
        size = 10.0 + 4.0 * (data["accusations_made"] + data["accusations_received"])
        if viz:
            r, gr, b = _rgb(color)
            data["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": size}
        else:
            data["color"] = color
            data["r"], data["g"], data["b"] = _rgb(color)
            data["size"] = size
    for _, _, key, data in g.edges(keys=True, data=True):
        color = STATUS_COLORS[data["status"]]
        data["weight"] = float(data["sources"])
        if viz:
            r, gr, b = _rgb(color)
            data["id"] = key
            data["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "thickness": data["weight"]}
        else:
            data["color"] = color
            data["r"], data["g"], data["b"] = _rgb(color)
    for _, data in g.nodes(data=True):
        data.update({k: _xml_safe(v) for k, v in data.items()})
    for _, _, data in g.edges(data=True):
        data.update({k: _xml_safe(v) for k, v in data.items()})
    return g


def write_graphml(kg: KnowledgeGraph, path: Path) -> None:
    """graph.graphml for Gephi, yEd and Cytoscape: node ``label``/``type``/``color``, edge ``status``."""
    buf = io.BytesIO()
    nx.write_graphml(_styled_graph(kg, viz=False), buf, encoding="utf-8")
    data = buf.getvalue()
    atomic_write_bytes(path, data if data.endswith(b"\n") else data + b"\n")


def write_gexf(kg: KnowledgeGraph, path: Path) -> None:
    """graph.gexf for Gephi: labels, ``viz`` colours by type and status, sizes by degree.

    The ``lastmodifieddate`` is the latest article date (or left out), not today, so that the
    same graph always gives the same file.
    """
    buf = io.BytesIO()
    nx.write_gexf(_styled_graph(kg, viz=True), buf, encoding="utf-8")
    dates = sorted(
        a.date[:10] for a in kg.articles if a.date and re.fullmatch(r"\d{4}-\d\d-\d\d", a.date[:10])
    )
    stamp = f' lastmodifieddate="{dates[-1]}"'.encode() if dates else b""
    data = re.sub(rb' lastmodifieddate="[^"]*"', stamp, buf.getvalue(), count=1)
    atomic_write_bytes(path, data if data.endswith(b"\n") else data + b"\n")


def write_cyjs(kg: KnowledgeGraph, path: Path) -> None:
    """graph.cyjs: Cytoscape.js elements JSON, as Cytoscape desktop imports it.

    Also readable by ``nx.cytoscape_graph`` (nodes carry ``value``, edges ``key``).
    """
    g = _styled_graph(kg, viz=False)
    nodes = [{"data": {"id": n, "value": n, "name": d["label"], **d}} for n, d in g.nodes(data=True)]
    edges = [
        {"data": {"id": k, "key": k, "source": u, "target": v, "interaction": "accuses", **d}}
        for u, v, k, d in g.edges(keys=True, data=True)
    ]
    doc = {
        "data": {"name": g.graph.get("name", "")},
        "directed": True,
        "multigraph": True,
        "elements": {"nodes": nodes, "edges": edges},
    }
    atomic_write_text(path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


# --- HTML viewer ------------------------------------------------------------------------------


def _offense_span(c: Claim) -> tuple[int, int] | None:
    """The offense's offsets inside the sentence, or None when it is not found there."""
    s, e = c.content_start - c.start, c.content_end - c.start
    if 0 <= s < e <= len(c.sentence) and c.sentence[s:e] == c.content:
        return s, e
    i = c.sentence.find(c.content) if c.content else -1
    return (i, i + len(c.content)) if i >= 0 else None


def viewer_data(kg: KnowledgeGraph) -> dict[str, Any]:
    """The data the HTML viewer embeds: nodes, accusation edges, evidence claims, articles."""
    entities = kg.entity_index()
    degree: dict[str, int] = {}
    for a in kg.accusations:
        degree[a.accuser] = degree.get(a.accuser, 0) + 1
        degree[a.accused] = degree.get(a.accused, 0) + 1
    claims: dict[str, Any] = {}
    for c in kg.claims:
        span = _offense_span(c)
        claims[c.id] = {
            "type": c.type,
            "article": c.article,
            "speaker": c.speaker,
            "target": c.target,
            "cue": c.cue,
            "status": c.status,
            "offense": c.content,
            "category": c.category,
            "sentence": c.sentence,
            "span": list(span) if span else None,
            "reported_by": entities[c.reported_by].name
            if c.reported_by is not None and c.reported_by in entities
            else None,
        }
    return {
        "colors": {"types": TYPE_COLORS, "statuses": STATUS_COLORS},
        "nodes": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "descriptions": list(e.descriptions),
                "same_as": list(e.same_as),
                "mentions": len(e.mentions),
                "degree": degree.get(e.id, 0),
            }
            for e in kg.entities
        ],
        "edges": [
            {
                "id": a.id,
                "source": a.accuser,
                "target": a.accused,
                "status": a.status,
                "category": a.category,
                "offense": a.offense,
                "articles": list(a.articles),
                "claims": list(a.claims),
            }
            for a in kg.accusations
        ],
        "claims": claims,
        "articles": {
            a.id: {"title": a.title, "date": a.date, "outlet": a.outlet, "url": a.url} for a in kg.articles
        },
    }


def _script_json(obj: object) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</script>``, ``<!--``, U+2028."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _HTML_JSON_ESCAPES.items():
        s = s.replace(raw, escaped)
    return s


def _vendor_scripts() -> str:
    """The vendored JavaScript (``templates/vendor/versions.json`` order), as one script's text.

    Raises ValueError when a file holds ``</script`` or ``<!--``, which would end or confuse the
    script block it is inlined in.
    """
    vendor = importlib.resources.files("kg").joinpath("templates/vendor")
    parts = []
    for entry in json.loads(vendor.joinpath("versions.json").read_text(encoding="utf-8")):
        code = vendor.joinpath(entry["file"]).read_text(encoding="utf-8")
        if _SCRIPT_BREAKERS.search(code):
            raise ValueError(f"vendored {entry['file']} holds </script or <!--: it cannot be inlined")
        parts.append(f"/* {entry['package']} {entry['version']}, {entry['license']} */\n{code.strip()}\n")
    return "".join(parts)


def write_viewer(kg: KnowledgeGraph, path: Path) -> None:
    """viewer.html: one self-contained page (no network access) showing the accusation graph.

    The template's ``__KG_DATA__`` gets the graph (``viewer_data``) and ``__KG_VENDOR__`` the
    vendored Cytoscape.js and fCoSE layout (``kg/templates/vendor/``).
    """
    template = importlib.resources.files("kg").joinpath("templates/viewer.html").read_text(encoding="utf-8")
    for placeholder in (_VIEWER_PLACEHOLDER, _VENDOR_PLACEHOLDER):
        if template.count(placeholder) != 1:
            raise ValueError(f"viewer template must hold {placeholder} exactly once")
    before, after = template.split(_VIEWER_PLACEHOLDER)
    vendor = _vendor_scripts()
    before, after = (part.replace(_VENDOR_PLACEHOLDER, vendor) for part in (before, after))
    atomic_write_text(path, before + _script_json(viewer_data(kg)) + after)


# --- Registry ---------------------------------------------------------------------------------

EXPORTERS: dict[str, Callable[[KnowledgeGraph, Path], None]] = {
    "claims.jsonl": write_claims_jsonl,
    "entities.jsonl": write_entities_jsonl,
    "articles.jsonl": write_articles_jsonl,
    "merges.jsonl": write_merges_jsonl,
    "problems.jsonl": write_problems_jsonl,
    "graph.graphml": write_graphml,
    "graph.gexf": write_gexf,
    "graph.cyjs": write_cyjs,
    "viewer.html": write_viewer,
}


def write_all(
    kg: KnowledgeGraph,
    out_dir: Path,
    *,
    only: Iterable[str] | None = None,
    after_each: Callable[[], None] | None = None,
) -> list[Path]:
    """Write every file of ``EXPORTERS`` (or those named in ``only``) into ``out_dir``.

    Returns the paths written, in ``EXPORTERS`` order; ``after_each`` is called after each file.
    Raises ValueError on an unknown name.
    """
    if isinstance(only, str):
        only = [only]
    names = list(EXPORTERS) if only is None else list(dict.fromkeys(only))
    unknown = [n for n in names if n not in EXPORTERS]
    if unknown:
        raise ValueError(f"unknown output file(s) {', '.join(unknown)}; known: {', '.join(EXPORTERS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in EXPORTERS:
        if name in names:
            EXPORTERS[name](kg, out_dir / name)
            written.append(out_dir / name)
            if after_each is not None:
                after_each()
    return written


# --- Reading back -----------------------------------------------------------------------------


class _Row:
    """A parsed JSON Lines object with typed, located field access."""

    def __init__(self, obj: object, where: str) -> None:
        if not isinstance(obj, dict):
            raise ValueError(f"{where}: expected a JSON object, got {type(obj).__name__}")
        self.obj, self.where = obj, where

    def choice(self, key: str, allowed: tuple[str, ...]) -> Any:
        value = self.get(key, str)
        if value not in allowed:
            raise ValueError(
                f"{self.where}: field {key!r} is {value!r}, expected one of {', '.join(allowed)}"
            )
        return value

    def get(self, key: str, types: type | tuple[type, ...], *, optional: bool = False) -> Any:
        if key not in self.obj:
            if optional:
                return None
            raise ValueError(f"{self.where}: missing field {key!r}")
        value = self.obj[key]
        if value is None and optional:
            return None
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
            raise ValueError(f"{self.where}: field {key!r} has the wrong type ({type(value).__name__})")
        return value


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _read_jsonl(path: Path) -> Iterator[_Row]:
    if not path.is_file():
        raise ValueError(f"{path}: missing (run `kg build` or write_all first)")
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{where}: not valid JSON ({err.msg})") from None
            yield _Row(obj, where)


def _entity_id(row: _Row, key: str) -> str:
    return _Row(row.get(key, dict), f"{row.where}: {key}").get("id", str)


def _claim(row: _Row) -> Claim:
    about = row.get("about", list, optional=True) or []
    return Claim(
        id=row.get("id", str),
        type=row.choice("type", CLAIM_TYPES),
        article=row.get("article", str),
        speaker=_entity_id(row, "accuser"),
        target=_entity_id(row, "accused") if row.get("accused", dict, optional=True) else None,
        cue=row.get("cue", str),
        status=row.choice("status", STATUSES),
        content=row.get("offense", str),
        content_start=row.get("offense_start", int),
        content_end=row.get("offense_end", int),
        sentence=row.get("sentence", str),
        start=row.get("start", int),
        end=row.get("end", int),
        category=row.get("category", str, optional=True),
        reported_by=row.get("reported_by_id", str, optional=True),
        about=tuple(_Row(a, f"{row.where}: about").get("id", str) for a in about),
        group=row.get("accusation", str, optional=True),
        link=row.get("link", str, optional=True) or "",
        score=row.get("score", (float, int), optional=True),
    )


def _entity(row: _Row) -> Entity:
    entity_id, name, etype = row.get("id", str), row.get("name", str), row.choice("type", ENTITY_TYPES)
    mentions = []
    for m in row.get("mentions", list):
        mr = _Row(m, f"{row.where}: mentions")
        mentions.append(
            Mention(
                article=mr.get("article", str),
                start=mr.get("start", int),
                end=mr.get("end", int),
                text=mr.get("text", str),
                kind=_mention_kind(mr.choice("kind", _MENTION_KINDS) if "kind" in mr.obj else "name"),
                antecedent=_antecedent(mr),
            )
        )
    return Entity(
        id=entity_id,
        name=name,
        type=etype,
        aliases=list(row.get("aliases", list)),
        descriptions=list(row.get("descriptions", list, optional=True) or []),
        mentions=mentions,
        same_as=list(row.get("same_as", list, optional=True) or []),
    )


def _article(row: _Row) -> Article:
    return Article(
        id=row.get("id", str),
        title=row.get("title", str),
        text=row.get("text", str),
        path=row.get("path", str, optional=True) or "",
        date=row.get("date", str, optional=True),
        url=row.get("url", str, optional=True),
        outlet=row.get("outlet", str, optional=True),
    )


def _merge(row: _Row) -> MergeEvent:
    return MergeEvent(
        entity=row.get("entity", str),
        names=tuple(row.get("names", list)),
        rule=row.get("rule", str),
        score=float(row.get("score", (int, float))),
        articles=tuple(row.get("articles", list, optional=True) or ()),
    )


def _problem(row: _Row) -> InputProblem:
    return InputProblem(
        path=row.get("path", str), problem=row.get("problem", str), fatal=row.get("fatal", bool)
    )


def load_graph(out_dir: Path) -> KnowledgeGraph:
    """Read claims, entities, articles and merges (and problems, if present) back from ``out_dir``.

    Accusations are derived again from the claims. Raises ValueError naming the file (and the
    line) when a file is missing or malformed.
    """
    out_dir = Path(out_dir)
    claims = [_claim(r) for r in _read_jsonl(out_dir / "claims.jsonl")]
    entities = [_entity(r) for r in _read_jsonl(out_dir / "entities.jsonl")]
    articles = [_article(r) for r in _read_jsonl(out_dir / "articles.jsonl")]
    merges = [_merge(r) for r in _read_jsonl(out_dir / "merges.jsonl")]
    problems_path = out_dir / "problems.jsonl"
    problems = [_problem(r) for r in _read_jsonl(problems_path)] if problems_path.is_file() else []
    return build_graph(articles, entities, claims, merges, problems)

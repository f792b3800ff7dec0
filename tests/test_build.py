"""End to end, with the real French model: ``kg build`` of ``corpus/`` and of bad inputs.

The corpus is built once per session (``corpus_build`` in conftest.py); the other builds here
are small folders made in a temporary directory.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib
from contract import CLAIM_CONTRACT_FIELDS
from rdflib.compare import isomorphic

from kg import export, queries, rdf

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
OUTPUTS = REPO / "outputs"

EXPECTED_FILES = (
    "claims.jsonl",
    "entities.jsonl",
    "articles.jsonl",
    "merges.jsonl",
    "problems.jsonl",
    "graph.ttl",
    "graph.nt",
    "graph.jsonld",
    "graph.trig",
    "graph.graphml",
    "graph.gexf",
    "graph.cyjs",
    "viewer.html",
)
# problems.jsonl is empty when every input was read, as it is for corpus/.
MAY_BE_EMPTY = frozenset({"problems.jsonl"})

# The output contract of `kg build` (shared/eval/README.md), plus the offense offsets.
CLAIM_FIELDS = frozenset(CLAIM_CONTRACT_FIELDS) | {"offense_start", "offense_end"}
ACTOR_FIELDS = frozenset({"id", "name", "type"})
ENTITY_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "OTHER"})
STATUSES = frozenset({"asserted", "alleged", "denied"})

ENGLISH = (
    "The minister said on Tuesday that the company was accused of fraud by the regulator, "
    "which has been investigating its accounts for more than two years. The firm denied the "
    "claims and said that it would fight them in court, while its shareholders were told that "
    "the results of the inquiry would be published before the end of the year by the board."
)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _texts(out: Path) -> dict[str, str]:
    return {a["id"]: a["text"] for a in _jsonl(out / "articles.jsonl")}


def _flat(text: str) -> str:
    """``text`` without any whitespace, to find a path in output that a console may have wrapped."""
    return "".join(text.split())


# --- the corpus build ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXPECTED_FILES)
def test_every_output_file_exists(corpus_build: Path, name: str) -> None:
    path = corpus_build / name
    assert path.is_file(), f"{name} was not written"
    if name not in MAY_BE_EMPTY:
        assert path.stat().st_size > 0, f"{name} is empty"


def test_claims_follow_the_contract_and_offsets_match(corpus_build: Path) -> None:
    texts = _texts(corpus_build)
    claims = _jsonl(corpus_build / "claims.jsonl")
    assert claims, "no claim extracted from the corpus"
    assert any(c["type"] == "accusation" for c in claims)
    for c in claims:
        where = f"claim {c.get('id')}"
        assert c.keys() >= CLAIM_FIELDS, f"{where}: missing {sorted(CLAIM_FIELDS - c.keys())}"
        assert c["status"] in STATUSES, where
        for role in ("accuser", "accused"):
            actor = c[role]
            if actor is None:
                assert c["type"] != "accusation", f"{where}: an accusation without {role}"
                continue
            assert actor.keys() >= ACTOR_FIELDS, where
            assert actor["type"] in ENTITY_TYPES, where
        text = texts[c["article"]]
        assert text[c["start"] : c["end"]] == c["sentence"], where
        assert text[c["offense_start"] : c["offense_end"]] == c["offense"], where
        # the offense lies in the evidence sentence, or (recalled from the accuser's earlier
        # complaint) before it in the same article
        assert c["offense_start"] <= c["offense_end"] <= c["end"], where


def test_entity_mentions_match_the_text(corpus_build: Path) -> None:
    texts = _texts(corpus_build)
    entities = _jsonl(corpus_build / "entities.jsonl")
    assert entities
    for e in entities:
        assert {"id", "name", "type", "aliases", "mentions"} <= e.keys()
        assert e["type"] in ENTITY_TYPES
        for m in e["mentions"]:
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"], f"{e['id']}: {m}"


def test_build_reproduces_committed_outputs(corpus_build: Path) -> None:
    if not (OUTPUTS / "claims.jsonl").is_file():
        pytest.skip("outputs/ holds no committed build yet (no outputs/claims.jsonl)")

    def content(path: Path) -> object:
        if path.name != "kg-manifest.json":
            return path.read_bytes()
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest.pop("build_key")  # it hashes kg's own code too (kg.cache.build_version)
        return manifest

    different = [
        p.name
        for p in sorted(corpus_build.iterdir())
        if p.is_file()  # the store (a folder, not in git) is checked against graph.nq by kg verify
        and (not (OUTPUTS / p.name).is_file() or content(OUTPUTS / p.name) != content(p))
    ]
    assert not different, (
        f"the build differs from the committed outputs/ in {', '.join(different)}; "
        "if the change is intended, rebuild with `kg build corpus --out outputs` and commit outputs/"
    )


def test_build_is_deterministic(corpus_build: Path, kg_build, tmp_path: Path) -> None:
    again = tmp_path / "again"
    kg_build(again, "corpus")
    first = sorted(p.name for p in corpus_build.iterdir())
    assert sorted(p.name for p in again.iterdir()) == first
    different = [
        n
        for n in first
        if (again / n).is_file() and (again / n).read_bytes() != (corpus_build / n).read_bytes()
    ]
    assert not different, f"a second build differs in {', '.join(different)}"


def test_workers_give_the_same_result(kg_build, tmp_path: Path) -> None:
    subset = tmp_path / "subset"
    subset.mkdir()
    for path in sorted(CORPUS.glob("*.txt"))[:3]:
        shutil.copy(path, subset / path.name)
    one, two = tmp_path / "one", tmp_path / "two"
    kg_build(one, subset, workers=1)
    kg_build(two, subset, workers=2)
    for name in ("claims.jsonl", "entities.jsonl"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), f"{name} differs with --workers 2"


def test_the_outputs_do_not_depend_on_the_order_of_the_inputs(
    corpus_build: Path, kg_build, tmp_path: Path
) -> None:
    # three articles, two of which share an actor (the one named in most articles of the corpus)
    entities = _jsonl(corpus_build / "entities.jsonl")
    shared = max(entities, key=lambda e: (len({m["article"] for m in e["mentions"]}), e["id"]))
    articles = sorted({m["article"] for m in shared["mentions"]})
    assert len(articles) >= 2, "the corpus should name some actor in two articles"
    other = next(a["id"] for a in _jsonl(corpus_build / "articles.jsonl") if a["id"] not in articles)
    files = [CORPUS / f"{aid}.txt" for aid in (*articles[:2], other)]
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    kg_build(forward, *files)
    kg_build(backward, *files[::-1])
    names = sorted(p.name for p in forward.iterdir() if p.is_file())
    different = [n for n in names if (forward / n).read_bytes() != (backward / n).read_bytes()]
    assert not different, f"the same articles given in the other order give other {', '.join(different)}"


@pytest.mark.filterwarnings("ignore:.*is deprecated:DeprecationWarning")  # rdflib's own parsers
def test_rdf_files_parse_back_to_one_graph(corpus_build: Path) -> None:
    nt = rdflib.Graph().parse(corpus_build / "graph.nt", format="nt")
    ttl = rdflib.Graph().parse(corpus_build / "graph.ttl", format="turtle")
    jsonld = rdflib.Graph().parse(corpus_build / "graph.jsonld", format="json-ld")
    trig = rdflib.Dataset().parse(corpus_build / "graph.trig", format="trig")
    union = rdflib.Graph()
    for s, p, o, _ in trig.quads():
        union.add((s, p, o))
    assert len(nt) > 0
    assert isomorphic(ttl, nt), "graph.ttl and graph.nt hold different graphs"
    assert isomorphic(union, nt), "the union of graph.trig differs from graph.nt"
    assert isomorphic(jsonld, nt), "graph.jsonld and graph.nt hold different graphs"


def test_turtle_conforms_to_the_shapes(corpus_build: Path) -> None:
    conforms, report = rdf.validate(rdflib.Graph().parse(corpus_build / "graph.ttl", format="turtle"))
    assert conforms, report


@pytest.mark.parametrize("name", ["graph.graphml", "graph.gexf"])
def test_graph_files_read_back_with_networkx(corpus_build: Path, name: str) -> None:
    reader = nx.read_graphml if name.endswith("graphml") else nx.read_gexf
    g = reader(corpus_build / name)
    entities = _jsonl(corpus_build / "entities.jsonl")
    assert g.number_of_nodes() == len(entities)
    assert g.number_of_edges() > 0


def test_every_query_returns_rows(corpus_build: Path) -> None:
    store = queries.load_store(corpus_build)
    accusations = [c for c in _jsonl(corpus_build / "claims.jsonl") if c["type"] == "accusation"]
    most = {
        role: Counter(c[role]["name"] for c in accusations).most_common(1)[0][0]
        for role in ("accuser", "accused")
    }
    empty = []
    for q in queries.list_queries():
        # The most accused actor, but the most accusing one for "accusations made by X".
        actor = most["accuser" if q.name.endswith("-by") else "accused"]
        _, rows = queries.run_named(store, q.name, {p: actor for p in q.params})
        if not rows:
            empty.append(q.name)
    kg = export.load_graph(corpus_build)
    for name, run in queries.GRAPH_QUERIES.items():
        _, rows = run(kg)
        if not rows:
            empty.append(name)
    assert not empty, f"no rows from {', '.join(empty)} (most accusing/accused: {most})"


# --- small builds ----------------------------------------------------------------------------------


def test_no_entity_spans_a_paragraph_break(kg_build, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    # The byline is read by the stock model as one person, "Jean Dupont\n\nDavid Sacks".
    (src / "sacks.txt").write_text(
        "Par Jean Dupont\n\n"
        "Le président a nommé un responsable d'IA\n\n"
        "David Sacks accuse la société Exemple de fraude.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    kg_build(out, src)
    text = _texts(out)["sacks"]
    mentions = [m for e in _jsonl(out / "entities.jsonl") for m in e["mentions"]]
    assert mentions
    crossing = [m["text"] for m in mentions if "\n" in text[m["start"] : m["end"]] or "\n" in m["text"]]
    assert not crossing, f"entity mentions across a line break: {crossing}"
    assert "David Sacks" in {m["text"] for m in mentions}


def _write_bad_inputs(src: Path) -> dict[str, str]:
    """A folder of good and bad articles; returns what each bad input is, by the name to report."""
    src.mkdir()
    corpus = sorted(CORPUS.glob("*.txt"))
    good = corpus[0].read_text(encoding="utf-8")
    shutil.copy(corpus[0], src / "a_good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    lines = [
        json.dumps({"id": "line-one", "title": "Un", "text": corpus[1].read_text(encoding="utf-8")}),
        '{"id": "broken", "text": "pas de fin',
        json.dumps({"id": "line-three", "title": "Trois", "text": corpus[2].read_text(encoding="utf-8")}),
    ]
    (src / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (src / "z_duplicate.txt").write_text(good, encoding="utf-8")
    (src / "english.txt").write_text("Fraud inquiry\n\n" + ENGLISH, encoding="utf-8")
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "batch.jsonl:2": "malformed JSON line",
        "z_duplicate.txt": "duplicate",
        "english.txt": "English",
    }


def test_bad_inputs_are_reported_and_good_ones_built(kg_build, tmp_path: Path) -> None:
    src = tmp_path / "src"
    bad = _write_bad_inputs(src)
    out = tmp_path / "out"
    result = kg_build(out, src)
    output = _flat(result.output)
    unnamed = [f"{name} ({what})" for name, what in bad.items() if name not in output]
    assert not unnamed, f"no message names {', '.join(unnamed)}:\n{result.output}"
    ids = set(_texts(out))
    assert ids == {"a_good", "line-one", "line-three"}
    problems = _jsonl(out / "problems.jsonl")
    reported = " ".join(p["path"] for p in problems)
    assert all(name.split(":")[0] in reported for name in bad)

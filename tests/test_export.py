"""Tests for kg.export: every exporter, the output contract, round trips, atomicity, the viewer."""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from browser import CHROMIUM, run_chromium
from contract import CLAIM_CONTRACT_FIELDS
from exportfixtures import EVIL, make_kg

from kg import export
from kg.export import EXPORTERS, load_graph, write_all, write_claims_jsonl
from kg.records import CAMEO_CODES, ENTITY_TYPES, STATUSES, KnowledgeGraph

EXTRA_FIELDS = [
    "offense_start",
    "offense_end",
    "category",
    "cameo",
    "reported_by_id",
    "about",
    "accusation",
    "link",
    "score",
]
TEXT_SUFFIXES = {".jsonl", ".graphml", ".gexf", ".cyjs", ".html"}


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return make_kg()


@pytest.fixture(scope="module")
def out(kg: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("out")
    write_all(kg, out_dir)
    return out_dir


def _jsonl(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    return [json.loads(line) for line in lines[:-1]]


def _texts(out: Path) -> dict[str, str]:
    return {a["id"]: a["text"] for a in _jsonl(out / "articles.jsonl")}


# --- every exporter ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_each_exporter_writes_a_valid_file(kg: KnowledgeGraph, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    EXPORTERS[name](kg, path)
    data = path.read_bytes()
    assert data and data.endswith(b"\n")
    text = data.decode("utf-8")
    assert path.suffix in TEXT_SUFFIXES
    if path.suffix == ".jsonl":
        assert all(isinstance(row, dict) for row in _jsonl(path))
    elif path.suffix == ".cyjs":
        json.loads(text)
    elif path.suffix in {".graphml", ".gexf"}:
        assert text.startswith("<?xml")
    else:
        assert text.lstrip().lower().startswith("<!doctype html>")
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


def test_write_all_writes_every_file_and_only_subset(kg: KnowledgeGraph, tmp_path: Path) -> None:
    paths = write_all(kg, tmp_path / "all")
    assert [p.name for p in paths] == list(EXPORTERS)
    assert all(p.is_file() for p in paths)
    some = write_all(kg, tmp_path / "some", only=["graph.gexf", "claims.jsonl"])
    assert [p.name for p in some] == ["claims.jsonl", "graph.gexf"]
    assert sorted(p.name for p in (tmp_path / "some").iterdir()) == ["claims.jsonl", "graph.gexf"]
    with pytest.raises(ValueError, match=r"graph\.svg"):
        write_all(kg, tmp_path, only=["graph.svg"])


def test_empty_graph_exports(tmp_path: Path) -> None:
    from kg.graph import build_graph

    paths = write_all(build_graph([], [], []), tmp_path)
    assert (tmp_path / "claims.jsonl").read_text() == ""
    assert (tmp_path / "problems.jsonl").read_text() == ""
    for p in paths:
        if p.suffix != ".jsonl":
            assert p.read_bytes().endswith(b"\n")
    assert load_graph(tmp_path) == build_graph([], [], [])


# --- claims.jsonl and entities.jsonl: the output contract -------------------------------------


def test_claims_follow_the_contract(kg: KnowledgeGraph, out: Path) -> None:
    rows = _jsonl(out / "claims.jsonl")
    texts = _texts(out)
    entity_ids = {e.id for e in kg.entities}
    assert len(rows) == len(kg.claims) == 10
    for row in rows:
        assert list(row) == CLAIM_CONTRACT_FIELDS + EXTRA_FIELDS
        assert row["type"] in {"accusation", "claim", "denial"}
        assert row["status"] in STATUSES
        for who in ("accuser", "accused"):
            ref = row[who]
            if ref is None:
                assert who == "accused" and row["type"] != "accusation"
                continue
            assert list(ref) == ["id", "name", "type"]
            assert ref["id"] in entity_ids and ref["type"] in ENTITY_TYPES and isinstance(ref["name"], str)
        for key in ("id", "offense", "cue", "article", "sentence"):
            assert isinstance(row[key], str) and row[key]
        for key in ("start", "end", "offense_start", "offense_end"):
            assert isinstance(row[key], int) and not isinstance(row[key], bool)
        assert row["reported_by"] is None or isinstance(row["reported_by"], str)
        assert row["cameo"] == (CAMEO_CODES.get(row["category"]) if row["category"] else None)
        text = texts[row["article"]]
        assert text[row["start"] : row["end"]] == row["sentence"]
        assert text[row["offense_start"] : row["offense_end"]] == row["offense"]
        assert all(list(a) == ["id", "name"] for a in row["about"])
        assert (row["accusation"] is None) == (row["type"] != "accusation")


def test_claims_values(out: Path) -> None:
    rows = {r["id"]: r for r in _jsonl(out / "claims.jsonl")}
    reported = rows["a1-lemonde-c2"]
    assert reported["reported_by"] == "Le Monde" and reported["reported_by_id"] == "ent-lemonde"
    assert reported["accuser"] == {"id": "ent-parquet", "name": "Parquet de Paris", "type": "ORG"}
    assert reported["status"] == "alleged" and reported["cue"] == "soupçonner"
    plain = rows["a2-mediapart-c3"]
    assert plain["type"] == "claim" and plain["accused"] is None
    assert plain["accuser"]["name"] == EVIL
    assert plain["about"] == [{"id": "ent-france", "name": "France"}]
    denial = rows["a3-afp-c3"]
    assert denial["type"] == "denial" and denial["accused"] is None and denial["accusation"] is None
    assert {r["status"] for r in rows.values()} == set(STATUSES)
    # one accusation evidenced in two articles
    assert rows["a1-lemonde-c3"]["accusation"] == rows["a2-mediapart-c1"]["accusation"]


def test_jsonl_lines_survive_splitlines(out: Path) -> None:
    raw = (out / "articles.jsonl").read_text(encoding="utf-8")
    assert "\u2028" not in raw and "\\u2028" in raw
    assert len(raw.splitlines()) == 3
    assert "\u2028" in _texts(out)["a3-afp"]


def test_entities_mentions_match_the_text(kg: KnowledgeGraph, out: Path) -> None:
    rows = _jsonl(out / "entities.jsonl")
    texts = _texts(out)
    assert [r["id"] for r in rows] == [e.id for e in kg.entities]
    for row in rows:
        assert list(row)[:4] == ["id", "name", "type", "aliases"]
        assert {"descriptions", "same_as", "mentions"} <= set(row)
        assert row["type"] in ENTITY_TYPES
        assert row["mentions"]
        for m in row["mentions"]:
            assert list(m) == ["article", "start", "end", "text", "kind"]
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"]
            assert m["text"] in row["aliases"]


def test_articles_merges_problems(kg: KnowledgeGraph, out: Path) -> None:
    articles = _jsonl(out / "articles.jsonl")
    assert [list(a) for a in articles] == [["id", "title", "date", "url", "outlet", "path", "text"]] * 3
    assert [a["id"] for a in articles] == ["a1-lemonde", "a2-mediapart", "a3-afp"]
    merges = _jsonl(out / "merges.jsonl")
    assert merges[0] == {
        "entity": "ent-obrien",
        "names": ["Jean-Pierre O'Brien", "O'Brien"],
        "rule": "surname",
        "score": 0.92,
        "articles": ["a1-lemonde", "a2-mediapart"],
    }
    assert _jsonl(out / "problems.jsonl") == [
        {"path": "corpus/broken.html", "problem": "no article text found", "fatal": True}
    ]


def test_unknown_entity_is_a_clear_error(kg: KnowledgeGraph, tmp_path: Path) -> None:
    broken = KnowledgeGraph(kg.articles, kg.entities[1:], kg.claims, kg.accusations)
    with pytest.raises(ValueError, match="unknown entity"):
        write_claims_jsonl(broken, tmp_path / "claims.jsonl")
    assert not list(tmp_path.iterdir())


# --- load_graph -------------------------------------------------------------------------------


def test_round_trip(kg: KnowledgeGraph, out: Path) -> None:
    back = load_graph(out)
    assert back == kg
    assert back.accusations == kg.accusations


def test_load_graph_missing_file(out: Path, tmp_path: Path) -> None:
    for name in ("claims.jsonl", "entities.jsonl", "articles.jsonl", "merges.jsonl"):
        shutil.copy(out / name, tmp_path / name)
    (tmp_path / "merges.jsonl").unlink()
    with pytest.raises(ValueError, match=r"merges\.jsonl: missing"):
        load_graph(tmp_path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "x"}', "missing field 'name'"),
    ],
)
def test_load_graph_malformed_line(out: Path, tmp_path: Path, line: str, message: str) -> None:
    for name in ("claims.jsonl", "articles.jsonl", "merges.jsonl"):
        shutil.copy(out / name, tmp_path / name)
    good = (out / "entities.jsonl").read_text(encoding="utf-8")
    (tmp_path / "entities.jsonl").write_text(good + line + "\n", encoding="utf-8")
    n = good.count("\n") + 1
    with pytest.raises(ValueError, match=rf"entities\.jsonl:{n}: .*{re.escape(message)}"):
        load_graph(tmp_path)


def test_load_graph_bad_value(out: Path, tmp_path: Path) -> None:
    for name in ("entities.jsonl", "articles.jsonl", "merges.jsonl"):
        shutil.copy(out / name, tmp_path / name)
    text = (out / "claims.jsonl").read_text(encoding="utf-8").replace('"alleged"', '"maybe"', 1)
    (tmp_path / "claims.jsonl").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"claims\.jsonl:2: field 'status' is 'maybe'"):
        load_graph(tmp_path)


# --- graph formats ----------------------------------------------------------------------------


def _expected_edges(kg: KnowledgeGraph) -> set[tuple[str, str, str]]:
    return {(a.accuser, a.accused, a.id) for a in kg.accusations}


@pytest.mark.parametrize("reader", ["graphml", "gexf"])
def test_graph_xml_round_trip(kg: KnowledgeGraph, out: Path, reader: str) -> None:
    g = nx.read_graphml(out / "graph.graphml") if reader == "graphml" else nx.read_gexf(out / "graph.gexf")
    assert g.is_directed() and g.is_multigraph()
    assert set(g.nodes) == {e.id for e in kg.entities}
    for e in kg.entities:
        assert g.nodes[e.id]["label"] == e.name
        assert g.nodes[e.id]["type"] == e.type
    assert {(u, v, k) for u, v, k in g.edges(keys=True)} == _expected_edges(kg)
    for a in kg.accusations:
        data = g.edges[a.accuser, a.accused, a.id]
        assert data["status"] == a.status
        assert data["offense"] == a.offense
        assert data["category"] == (a.category or "")
        assert data["cameo"] == CAMEO_CODES.get(a.category or "", "")
        assert data["sources"] == len(a.articles)
    assert any(d["cameo"] for _, _, d in g.edges(data=True)), "the fixture should have a CAMEO code"
    if reader == "gexf":
        assert g.nodes["ent-obrien"]["viz"]["color"]["b"] == 167
    else:
        assert g.nodes["ent-obrien"]["color"] == export.TYPE_COLORS["PER"]
        a = next(a for a in kg.accusations if a.status == "alleged")
        assert g.edges[a.accuser, a.accused, a.id]["color"] == export.STATUS_COLORS["alleged"]


def test_gexf_has_no_wall_clock_date(out: Path) -> None:
    text = (out / "graph.gexf").read_text(encoding="utf-8")
    assert 'lastmodifieddate="2024-03-05"' in text


def test_xml_drops_control_characters(kg: KnowledgeGraph, tmp_path: Path) -> None:
    from dataclasses import replace

    entities = [replace(e, name=e.name + "\x00\x07") if e.id == "ent-ong" else e for e in kg.entities]
    odd = KnowledgeGraph(kg.articles, entities, kg.claims, kg.accusations)
    export.write_graphml(odd, tmp_path / "g.graphml")
    export.write_gexf(odd, tmp_path / "g.gexf")
    name = "<Transparence> Internationale"
    assert nx.read_graphml(tmp_path / "g.graphml").nodes["ent-ong"]["label"] == name
    assert nx.read_gexf(tmp_path / "g.gexf").nodes["ent-ong"]["label"] == name


def test_cyjs(kg: KnowledgeGraph, out: Path) -> None:
    doc = json.loads((out / "graph.cyjs").read_text(encoding="utf-8"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    ids = [n["data"]["id"] for n in nodes] + [e["data"]["id"] for e in edges]
    assert len(ids) == len(set(ids))
    assert {n["data"]["id"]: n["data"]["name"] for n in nodes} == {e.id: e.name for e in kg.entities}
    accusations = {a.id: a for a in kg.accusations}
    for e in edges:
        assert {"id", "source", "target", "interaction", "status", "cameo"} <= set(e["data"])
        assert e["data"]["cameo"] == CAMEO_CODES.get(accusations[e["data"]["id"]].category or "", "")
    g = nx.cytoscape_graph(doc)
    assert g.is_directed() and g.is_multigraph()
    assert set(g.nodes) == {e.id for e in kg.entities}
    assert {(u, v, k) for u, v, k in g.edges(keys=True)} == _expected_edges(kg)


# --- determinism and atomicity ----------------------------------------------------------------


def test_deterministic_bytes(out: Path, tmp_path: Path) -> None:
    write_all(make_kg(), tmp_path)
    for name in EXPORTERS:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_failed_write_keeps_previous_file(kg: KnowledgeGraph, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text("previous\n", encoding="utf-8")
    real_dumps = json.dumps
    calls = []

    def failing_dumps(*args, **kwargs):
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("disk on fire")
        return real_dumps(*args, **kwargs)

    monkeypatch.setattr(export.json, "dumps", failing_dumps)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_claims_jsonl(kg, path)
    assert len(calls) == 2  # it did fail midway, after writing one line
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_every_exporter_is_atomic(kg: KnowledgeGraph, tmp_path: Path, monkeypatch, name: str) -> None:
    path = tmp_path / name
    path.write_text("previous\n", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError("no space left")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError, match="no space left"):
        EXPORTERS[name](kg, path)
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == [name]


# --- the HTML viewer --------------------------------------------------------------------------

_DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


_VENDOR_BLOCK = re.compile(r"<script>(/\* layout-base .*?)</script>", re.S)


def test_viewer_is_self_contained(out: Path) -> None:
    html = (out / "viewer.html").read_text(encoding="utf-8")
    assert len(_DATA_BLOCK.findall(html)) == 1
    # the vendored libraries, inlined as they are in kg/templates/vendor (sha256 in versions.json):
    # their only URLs are in their licence and attribution comments
    (vendor,) = _VENDOR_BLOCK.findall(html)
    folder = importlib.resources.files("kg").joinpath("templates/vendor")
    entries = json.loads(folder.joinpath("versions.json").read_text(encoding="utf-8"))
    for entry in entries:
        code = folder.joinpath(entry["file"]).read_bytes()
        assert hashlib.sha256(code).hexdigest() == entry["sha256"]
        assert folder.joinpath(entry["file"]).read_text(encoding="utf-8").strip() in vendor
    assert [e["package"] for e in entries] == ["layout-base", "cose-base", "cytoscape", "cytoscape-fcose"]
    chrome = _VENDOR_BLOCK.sub("", _DATA_BLOCK.sub("", html))
    assert "http://" not in chrome and "https://" not in chrome
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:[a-z]+:)?//""", html, re.I)
    assert not re.search(r"<(?:link|img|iframe|object|embed)\b", chrome, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", html, re.I)
    assert "@import" not in chrome and "url(http" not in chrome


def test_viewer_data_is_escaped_and_parses_back(kg: KnowledgeGraph, out: Path) -> None:
    html = (out / "viewer.html").read_text(encoding="utf-8")
    assert EVIL not in html
    assert "<script>alert" not in html
    assert html.count("</script>") == 3  # the data block, the vendored libraries and kg's code, nothing else
    block = _DATA_BLOCK.search(html).group(1)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in block
    data = json.loads(block)
    assert data == json.loads(json.dumps(export.viewer_data(kg)))
    names = {n["name"] for n in data["nodes"]}
    assert EVIL in names and 'Société "Lumière" & Fils' in names and "<Transparence> Internationale" in names
    assert {e["id"] for e in data["edges"]} == {a.id for a in kg.accusations}


def test_viewer_evidence_spans(kg: KnowledgeGraph) -> None:
    data = export.viewer_data(kg)
    for c in kg.claims:
        span = data["claims"][c.id]["span"]
        assert span is not None and c.sentence[span[0] : span[1]] == c.content
    assert data["claims"]["a1-lemonde-c2"]["reported_by"] == "Le Monde"


@pytest.mark.parametrize("breaker", ["</script>", "</SCRIPT ", "<!--"])
def test_viewer_refuses_vendored_code_that_ends_its_script(
    kg: KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, breaker: str
) -> None:
    package = tmp_path / "kg"
    shutil.copytree(Path(export.__file__).parent / "templates", package / "templates")
    (package / "templates" / "vendor" / "cytoscape.min.js").write_text(f"var s = '{breaker}';", "utf-8")
    monkeypatch.setattr(export.importlib.resources, "files", lambda name: package)
    with pytest.raises(ValueError, match="cannot be inlined"):
        export.write_viewer(kg, tmp_path / "viewer.html")
    assert not (tmp_path / "viewer.html").exists()


def test_viewer_uses_no_inner_html() -> None:
    template = importlib.resources.files("kg").joinpath("templates/viewer.html").read_text(encoding="utf-8")
    assert template.count("__KG_DATA__") == 1
    assert "innerHTML" not in template and "outerHTML" not in template
    assert "insertAdjacentHTML" not in template and "document.write" not in template
    assert "eval(" not in template


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_viewer_renders_in_a_browser(kg: KnowledgeGraph, out: Path, tmp_path: Path) -> None:
    try:
        result = run_chromium((out / "viewer.html").as_uri(), tmp_path, "--dump-dom")
    except subprocess.TimeoutExpired:
        pytest.skip("chromium did not answer in time")
    dom = result.stdout
    if "kg-status" not in dom:
        pytest.skip(f"chromium could not render the page: {result.stderr[-500:]}")
    involved = {a.accuser for a in kg.accusations} | {a.accused for a in kg.accusations}
    status = re.search(r'<div id="kg-status">([^<]*)</div>', dom).group(1)
    assert status == (
        f"{len(involved)} actors, {len(kg.accusations)} accusations shown of {len(kg.entities)} actors, "
        f"{len(kg.accusations)} accusations, {len(kg.articles)} articles"
    )
    assert dom.count("<canvas") >= 1  # Cytoscape drew (tests/test_viewer.py looks at the graph itself)
    names = re.findall(
        r'<option value="([^"]*)"', dom.split('id="kg-names"', 1)[1].split("</datalist>", 1)[0]
    )
    assert len(names) == len(involved)
    assert "<script>alert(1)" not in dom.split('id="kg-data"')[0]
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # shown as text


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_viewer_edge_panel_in_a_browser(kg: KnowledgeGraph, out: Path, tmp_path: Path) -> None:
    acc = next(a for a in kg.accusations if len(a.claims) == 2)
    try:
        result = run_chromium((out / "viewer.html").as_uri() + "#edge=" + acc.id, tmp_path, "--dump-dom")
    except subprocess.TimeoutExpired:
        pytest.skip("chromium did not answer in time")
    if "kg-status" not in result.stdout:
        pytest.skip("chromium could not render the page")
    panel = result.stdout.split('<aside id="kg-panel">', 1)[1].split("</aside>", 1)[0]
    assert panel.count('class="evidence"') == 2
    assert "<mark>corruption</mark>" in panel
    assert "a1-lemonde" in panel and "a2-mediapart" in panel


def test_entities_jsonl_gives_each_resolved_mention_its_antecedent(tmp_path: Path) -> None:
    """A pronoun or a description in entities.jsonl carries the mention it was resolved to
    (offsets and text, in the same article); a name carries none; the file reads back as written."""
    import kg

    text = (
        "Brenval accuse Paul Girard de fraude fiscale.\n\n"
        "Paul Girard dément. Il accuse à son tour la société de diffamation."
    )
    graph = kg.build([text])
    write_all(graph, tmp_path)
    rows = [
        json.loads(line) for line in (tmp_path / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    mentions = [(r["name"], m) for r in rows for m in r["mentions"]]
    resolved = [(name, m) for name, m in mentions if m["kind"] in ("pronoun", "possessive", "description")]
    assert resolved, mentions
    for name, m in resolved:
        a = m["antecedent"]
        assert a is not None and text[a["start"] : a["end"]] == a["text"], m
        assert any(n == name and (o["start"], o["end"]) == (a["start"], a["end"]) for n, o in mentions), m
    assert all("antecedent" not in m for _, m in mentions if m["kind"] == "name")
    again = tmp_path / "again"
    write_all(load_graph(tmp_path), again)
    assert (again / "entities.jsonl").read_bytes() == (tmp_path / "entities.jsonl").read_bytes()

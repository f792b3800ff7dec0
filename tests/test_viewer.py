"""The HTML viewer in a real headless Chromium (Python playwright driving Debian's chromium).

Two graphs: the corpus build (the committed ``outputs/``, read back) and the generated graph of
``bench/viewer.py`` (2,000 actors, 5,000 accusations, with outlets and dates, which the corpus
articles lack). Every expectation is computed here in Python from ``viewer_data``. One browser
serves the whole module; each test opens its own page.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM

from kg.export import load_graph, viewer_data, write_viewer
from kg.records import KnowledgeGraph

REPO = Path(__file__).resolve().parents[1]
OUTPUTS = REPO / "outputs"


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_viewer", REPO / "bench" / "viewer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _bench()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    try:
        with bench.chromium(CHROMIUM) as b:
            yield b
    except Exception as err:  # playwright could not start this chromium
        pytest.skip(f"chromium could not be started by playwright: {err}")


@pytest.fixture(scope="module")
def corpus_kg() -> KnowledgeGraph:
    if not (OUTPUTS / "claims.jsonl").is_file():
        pytest.skip("outputs/ is not built")
    return load_graph(OUTPUTS)


@pytest.fixture(scope="module")
def large_kg() -> KnowledgeGraph:
    return bench.large_graph()


def _write(kg: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    path = tmp_path_factory.mktemp(name) / "viewer.html"
    write_viewer(kg, path)
    return path


@pytest.fixture(scope="module")
def corpus(corpus_kg: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(corpus_kg, tmp_path_factory, "corpus-viewer")


@pytest.fixture(scope="module")
def large(large_kg: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(large_kg, tmp_path_factory, "large-viewer")


class Page:
    """A viewer page, ready (``window.kgReady``), with the console errors and page errors seen."""

    def __init__(self, browser: Any, path: Path, hash: str = "", width: int = 1400, height: int = 900):
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.goto(path.as_uri() + hash)
        self.page.evaluate("window.kgReady")

    def js(self, code: str, arg: Any = None) -> Any:
        """Evaluate ``code`` in the page (return plain values: a Cytoscape object is huge to copy)."""
        return self.page.evaluate(code, arg)

    def settle(self) -> None:
        """Wait for the view's animation (a fit) to end."""
        self.page.wait_for_function("() => !kg.cy.animated()")

    def __enter__(self) -> Page:
        return self

    def __exit__(self, *exc: object) -> None:
        self.page.close()


@pytest.fixture
def corpus_page(browser: Any, corpus: Path) -> Iterator[Page]:
    with Page(browser, corpus) as page:
        yield page


@pytest.fixture(scope="module")
def _large_page(browser: Any, large: Path) -> Iterator[Page]:
    with Page(browser, large) as page:  # 5 to 7 s to open: one page for the module
        yield page


@pytest.fixture
def large_page(_large_page: Page) -> Page:
    """The large graph's page, its filters, search and selection cleared."""
    _large_page.js("kg.setFilters({}).then(() => kg.clear())")
    _large_page.settle()
    return _large_page


def _fold(s: str | None) -> str:
    """The viewer's fold: NFD, combining accents U+0300-U+036F dropped, lower case."""
    return re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFD", s or "")).lower()


def _count_line(data: dict, actors: int, accusations: int) -> str:
    def n(k: int, one: str, many: str) -> str:
        return f"{k} {one if k == 1 else many}"

    return (
        f"{n(actors, 'actor', 'actors')}, {n(accusations, 'accusation', 'accusations')} shown of "
        f"{n(len(data['nodes']), 'actor', 'actors')}, {n(len(data['edges']), 'accusation', 'accusations')}, "
        f"{n(len(data['articles']), 'article', 'articles')}"
    )


def _ends(edges: list[dict]) -> set[str]:
    return {e["source"] for e in edges} | {e["target"] for e in edges}


# --- loading, counts, labels --------------------------------------------------------------------


@pytest.mark.parametrize("which", ["corpus", "large"])
def test_loads_without_errors_and_counts(which: str, request: pytest.FixtureRequest) -> None:
    kg = request.getfixturevalue(f"{which}_kg")
    page: Page = request.getfixturevalue(f"{which}_page")
    data = viewer_data(kg)
    assert page.errors == []
    involved = _ends(data["edges"])
    assert page.page.inner_text("#kg-status") == _count_line(data, len(involved), len(data["edges"]))
    assert sorted(page.js("kg.shownNodes()")) == sorted(involved)
    # actors without accusations are hidden until the box is ticked
    page.page.check("#kg-isolated")
    assert len(page.js("kg.shownNodes()")) == len(data["nodes"])
    assert page.js("kg.cy.nodes(':visible').length") == len(data["nodes"])


def test_labels_are_readable_or_hidden(corpus_page: Page) -> None:
    styles = corpus_page.js(
        """() => { const z = kg.cy.zoom(); return kg.cy.nodes(':visible').map(n => ({
            hub: n.hasClass('hub'), size: parseFloat(n.style('font-size')) * z,
            min: parseFloat(n.style('min-zoomed-font-size')), degree: n.data('degree'), w: n.width() })); }"""
    )
    hubs = [s for s in styles if s["hub"]]
    assert hubs and all(s["size"] >= 11.9 for s in hubs)  # always drawn, at least 12 px on screen
    # the others: drawn only when they reach 12 px on screen, never shrunk below it
    assert all(s["min"] >= 12 for s in styles if not s["hub"])
    top = max(s["degree"] for s in styles)
    assert any(s["hub"] and s["degree"] == top for s in styles)
    assert max(s["w"] for s in styles) > min(s["w"] for s in styles)  # size by degree


def test_layout_is_deterministic(browser: Any, corpus: Path, corpus_page: Page) -> None:
    positions = "kg.cy.nodes().map(n => [n.id(), Math.round(n.position('x')), Math.round(n.position('y'))])"
    with Page(browser, corpus) as again:
        assert again.js(positions) == corpus_page.js(positions)


# --- search -------------------------------------------------------------------------------------


def _expected_search(data: dict, q: str) -> set[str]:
    q = _fold(q)
    involved = _ends(data["edges"])
    nodes = {
        n["id"]
        for n in data["nodes"]
        if n["id"] in involved and q in _fold("\n".join([n["name"], *n["aliases"], *n["descriptions"]]))
    }
    edges = set()
    for e in data["edges"]:
        bits = [e["offense"], e["category"] or ""]
        for cid in e["claims"]:
            bits += [data["claims"][cid]["sentence"], data["claims"][cid]["offense"]]
        for aid in e["articles"]:
            a = data["articles"][aid]
            bits += [a["title"] or "", a["outlet"] or ""]
        if q in _fold("\n".join(bits)):
            edges.add(e["id"])
    return nodes | edges


def _search(page: Page, q: str) -> set[str]:
    page.page.fill("#kg-search", q)
    page.page.press("#kg-search", "Enter")
    page.settle()
    return set(page.js("kg.cy.elements('.match').map(e => e.id())"))


def test_search_by_name_offense_and_sentence(corpus_kg: KnowledgeGraph, corpus_page: Page) -> None:
    data = viewer_data(corpus_kg)
    top = max(data["nodes"], key=lambda n: (n["degree"], n["id"]))
    sentence_word = max(
        (w for c in data["claims"].values() for w in re.findall(r"\w{9,}", c["sentence"])), key=len
    )
    for q in (top["name"], "corruption", sentence_word, "PARQUET"):
        expected = _expected_search(data, q)
        assert expected, q
        assert _search(corpus_page, q) == expected, q
        # the view is fitted to what was found
        ext = corpus_page.js("kg.cy.extent()")
        box = corpus_page.js(
            "kg.cy.elements('.match').nodes().union(kg.cy.elements('.match').connectedNodes())"
            ".boundingBox({includeLabels: false})"
        )
        assert ext["x1"] <= box["x1"] + 1 and box["x2"] <= ext["x2"] + 1, q
        assert ext["y1"] <= box["y1"] + 1 and box["y2"] <= ext["y2"] + 1, q
    assert top["id"] in _search(corpus_page, top["name"])
    corpus_page.page.keyboard.press("Escape")
    assert corpus_page.js("kg.cy.elements('.match').length") == 0


def test_search_on_the_large_graph(large_kg: KnowledgeGraph, large_page: Page) -> None:
    data = viewer_data(large_kg)
    for q in ("Claire Dubois", "espionnage", "dossier 123", "Mediapart"):
        expected = _expected_search(data, q)
        assert expected, q
        assert _search(large_page, q) == expected, q


# --- filters ------------------------------------------------------------------------------------


def _month(data: dict, aid: str) -> str | None:
    date = data["articles"][aid]["date"] or ""
    return date[:7] if re.match(r"\d{4}-\d{2}", date) else None


def _expected_filter(data: dict, f: dict) -> set[str]:
    def article_ok(aid: str) -> bool:
        a = data["articles"][aid]
        m = _month(data, aid)
        return (
            (not f.get("article") or aid == f["article"])
            and (not f.get("outlet") or a["outlet"] == f["outlet"])
            and (
                not (f.get("from") or f.get("to"))
                or (m is not None and f.get("from", "") <= m <= f.get("to", "9999"))
            )
        )

    out = set()
    for e in data["edges"]:
        if "statuses" in f and e["status"] not in f["statuses"]:
            continue
        if "category" in f and e["category"] != f["category"]:
            continue
        if any(k in f for k in ("article", "outlet", "from", "to")) and not any(
            map(article_ok, e["articles"])
        ):
            continue
        out.add(e["id"])
    return out


def test_each_filter_and_their_combination(large_kg: KnowledgeGraph, large_page: Page) -> None:
    data = viewer_data(large_kg)
    article = sorted(data["articles"])[17]
    cases = [
        {"statuses": ["alleged"]},
        {"category": "espionage"},
        {"outlet": "Mediapart"},
        {"article": article},
        {"from": "2024-03", "to": "2024-05"},
        {"statuses": ["asserted", "denied"], "category": "fraud", "outlet": "Le Monde", "from": "2025-01"},
    ]
    for f in cases:
        expected = _expected_filter(data, f)
        assert 0 < len(expected) < len(data["edges"]), f
        large_page.js("f => kg.setFilters(f)", f)
        assert set(large_page.js("kg.shownEdges()")) == expected, f
        shown = large_page.js(
            "[kg.cy.edges(':visible').map(e => e.id()), kg.cy.nodes(':visible').map(n => n.id())]"
        )
        assert set(shown[0]) == expected, f
        ends = _ends([e for e in data["edges"] if e["id"] in expected])
        assert set(shown[1]) == ends, f
        assert large_page.page.inner_text("#kg-status") == _count_line(data, len(ends), len(expected))
    # through the controls themselves
    large_page.js("kg.setFilters({})")
    large_page.page.select_option("#kg-f-category", "espionage")
    large_page.page.uncheck("#kg-f-status-asserted")
    large_page.page.select_option("#kg-f-outlet", "AFP")
    large_page.page.fill("#kg-f-from", "2024-06")
    large_page.page.dispatch_event("#kg-f-from", "change")
    f = {"category": "espionage", "statuses": ["alleged", "denied"], "outlet": "AFP", "from": "2024-06"}
    assert set(large_page.js("kg.shownEdges()")) == _expected_filter(data, f)
    large_page.page.click("#kg-reset")
    assert len(large_page.js("kg.shownEdges()")) == len(data["edges"])
    assert large_page.errors == []


def test_timeline_bar_sets_the_date_filter(large_kg: KnowledgeGraph, large_page: Page) -> None:
    data = viewer_data(large_kg)
    bars = large_page.page.locator("#kg-timeline rect.bar")
    assert bars.count() == 24
    large_page.page.locator('#kg-timeline rect[fill="transparent"][data-month="2025-02"]').click()
    assert large_page.page.input_value("#kg-f-from") == "2025-02" == large_page.page.input_value("#kg-f-to")
    expected = _expected_filter(data, {"from": "2025-02", "to": "2025-02"})
    assert set(large_page.js("kg.shownEdges()")) == expected


def test_corpus_without_dates_or_outlets(corpus_kg: KnowledgeGraph, corpus_page: Page) -> None:
    data = viewer_data(corpus_kg)
    if any(a["date"] for a in data["articles"].values()):
        pytest.skip("the corpus articles have dates now")
    assert corpus_page.page.is_disabled("#kg-f-from") and corpus_page.page.is_hidden("#kg-timeline")
    article = max(data["articles"], key=lambda a: sum(a in e["articles"] for e in data["edges"]))
    corpus_page.page.select_option("#kg-f-article", article)
    assert set(corpus_page.js("kg.shownEdges()")) == _expected_filter(data, {"article": article})


# --- selection and evidence ---------------------------------------------------------------------


def _click_element(page: Page, ele_id: str, fit: bool = True) -> None:
    """A real mouse click on a node's centre or on an edge (after fitting the view to it): at the
    point of its curve nearest its midpoint that no node or label covers."""
    if fit:
        page.js(
            "id => { const e = kg.cy.getElementById(id); kg.cy.fit(e.union(e.connectedNodes()), 60); }",
            ele_id,
        )
    # An edge is clicked where Cytoscape's own hit test finds it: its midpoint may lie under a node
    # or a node's label, which take the click there, as they would a user's.
    point = page.js(
        """id => { const cy = kg.cy, e = cy.getElementById(id);
           let p = e.isEdge() ? e.midpoint() : e.position();
           if (e.isEdge()) {
             const a = e.sourceEndpoint(), b = e.targetEndpoint(), c = (e.controlPoints() || [])[0];
             const at = t => c
               ? {x: (1-t)*(1-t)*a.x + 2*(1-t)*t*c.x + t*t*b.x, y: (1-t)*(1-t)*a.y + 2*(1-t)*t*c.y + t*t*b.y}
               : {x: a.x + t*(b.x - a.x), y: a.y + t*(b.y - a.y)};
             for (const t of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
               const q = at(t), hit = cy.renderer().findNearestElement(q.x, q.y, true, false);
               if (hit && hit.id() === id) { p = q; break; }
             }
           }
           const z = cy.zoom(), pan = cy.pan(), r = cy.container().getBoundingClientRect();
           return [r.left + p.x * z + pan.x, r.top + p.y * z + pan.y]; }""",
        ele_id,
    )
    page.page.mouse.click(point[0], point[1])
    page.settle()


def test_clicking_an_edge_shows_its_evidence(corpus_kg: KnowledgeGraph, corpus_page: Page) -> None:
    data = viewer_data(corpus_kg)
    edge = max(
        (
            e
            for e in data["edges"]
            if all(data["claims"][c]["span"] for c in e["claims"]) and e["source"] != e["target"]
        ),
        key=lambda e: (len(e["claims"]), e["id"]),
    )
    _click_element(corpus_page, edge["id"])
    assert corpus_page.js("kg.cy.edges(':selected').map(e => e.id())") == [edge["id"]]
    cards = corpus_page.page.locator("#kg-panel .evidence")
    assert cards.count() == len(edge["claims"])
    for i, cid in enumerate(edge["claims"]):
        claim = data["claims"][cid]
        card = cards.nth(i)
        s, e = claim["span"]
        assert card.locator("mark").inner_text() == claim["sentence"][s:e]
        article = data["articles"][claim["article"]]
        assert article["title"] in card.inner_text()
        assert claim["cue"] in card.inner_text()
    panel = corpus_page.page.inner_text("#kg-panel")
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert names[edge["source"]] in panel and names[edge["target"]] in panel and edge["status"] in panel
    assert corpus_page.page.evaluate("location.hash") == "#edge=" + edge["id"]
    # its two ends are in view
    ext = corpus_page.js("kg.cy.extent()")
    for end in (edge["source"], edge["target"]):
        p = corpus_page.js("id => kg.cy.getElementById(id).position()", end)
        assert ext["x1"] <= p["x"] <= ext["x2"] and ext["y1"] <= p["y"] <= ext["y2"]


def test_evidence_card_links_the_article(large_kg: KnowledgeGraph, large_page: Page) -> None:
    data = viewer_data(large_kg)
    edge = next(
        e for e in data["edges"] if data["articles"][data["claims"][e["claims"][0]]["article"]]["url"]
    )
    large_page.js("id => kg.select({edge: id})", edge["id"])
    large_page.settle()
    card = large_page.page.locator("#kg-panel .evidence").first
    article = data["articles"][data["claims"][edge["claims"][0]]["article"]]
    a = card.locator("a")
    assert a.inner_text() == article["title"]
    assert a.get_attribute("href") == article["url"]
    assert a.get_attribute("rel") == "noopener noreferrer" and a.get_attribute("target") == "_blank"
    assert article["outlet"] in card.inner_text() and article["date"] in card.inner_text()
    assert card.locator("mark").inner_text() == data["claims"][edge["claims"][0]]["offense"]
    # the ends are in view
    ext = large_page.js("() => kg.cy.extent()")
    for end in (edge["source"], edge["target"]):
        p = large_page.js("id => kg.cy.getElementById(id).position()", end)
        assert ext["x1"] <= p["x"] <= ext["x2"] and ext["y1"] <= p["y"] <= ext["y2"]


def test_clicking_a_node_fits_it_and_its_neighbours(corpus_kg: KnowledgeGraph, corpus_page: Page) -> None:
    data = viewer_data(corpus_kg)
    node = max(data["nodes"], key=lambda n: (n["degree"], n["id"]))
    corpus_page.js("() => { kg.cy.fit(kg.cy.elements(':visible'), 30); }")  # the whole graph first
    zoom = corpus_page.js("kg.cy.zoom()")
    _click_element(corpus_page, node["id"], fit=False)
    assert corpus_page.js("kg.cy.nodes(':selected').map(n => n.id())") == [node["id"]]
    neighbours = {node["id"]} | {
        e["target"] if e["source"] == node["id"] else e["source"]
        for e in data["edges"]
        if node["id"] in (e["source"], e["target"])
    }
    assert corpus_page.js("kg.cy.zoom()") > zoom  # brought forward, not only highlighted
    ext = corpus_page.js("kg.cy.extent()")
    for n in neighbours:
        p = corpus_page.js("id => kg.cy.getElementById(id).position()", n)
        assert ext["x1"] <= p["x"] <= ext["x2"] and ext["y1"] <= p["y"] <= ext["y2"], n
    panel = corpus_page.page.inner_text("#kg-panel")
    assert node["name"] in panel and "ACCUSES (" in panel.upper() and "ACCUSED BY (" in panel.upper()
    # a made accusation in the panel is clickable and selects the edge
    corpus_page.page.locator("#kg-panel li .link").last.click()
    corpus_page.settle()
    assert corpus_page.js("kg.cy.edges(':selected').length") == 1
    corpus_page.page.keyboard.press("Escape")
    assert corpus_page.js("kg.cy.elements(':selected').length") == 0
    assert "Accusation graph" in corpus_page.page.inner_text("#kg-panel")


def test_deep_links(corpus_kg: KnowledgeGraph, browser: Any, corpus: Path) -> None:
    data = viewer_data(corpus_kg)
    node = next(n for n in data["nodes"] if n["degree"] == 0)  # hidden by default: shown for the link
    with Page(browser, corpus, "#node=" + node["id"]) as page:
        assert page.js("kg.cy.nodes(':selected').map(n => n.id())") == [node["id"]]
        assert page.js("id => kg.cy.getElementById(id).visible()", node["id"])
        assert node["name"] in page.page.inner_text("#kg-panel h2")
    edge = data["edges"][0]
    with Page(browser, corpus, "#edge=" + edge["id"]) as page:
        assert page.js("kg.cy.edges(':selected').map(e => e.id())") == [edge["id"]]
        assert page.page.locator("#kg-panel .evidence").count() == len(edge["claims"])


# --- exports ------------------------------------------------------------------------------------


def test_csv_export_is_what_is_shown(large_kg: KnowledgeGraph, large_page: Page) -> None:
    data = viewer_data(large_kg)
    f = {"category": "corruption", "outlet": "Le Figaro"}
    large_page.js("f => kg.setFilters(f)", f)
    with large_page.page.expect_download() as info:
        large_page.page.click("#kg-csv")
    download = info.value
    assert download.suggested_filename == "kg-accusations.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["id", "accuser", "accused", "status", "category", "offense", "articles",
                       "article_titles", "outlets", "dates", "evidence"]  # fmt: skip
    edges = {e["id"]: e for e in data["edges"]}
    names = {n["id"]: n["name"] for n in data["nodes"]}
    expected = _expected_filter(data, f)
    assert {r[0] for r in rows[1:]} == expected and len(rows) - 1 == len(expected)
    for r in rows[1:]:
        e = edges[r[0]]
        sentences = " | ".join(data["claims"][c]["sentence"] for c in e["claims"])
        assert r[1:7] == [names[e["source"]], names[e["target"]], e["status"], e["category"] or "",
                          e["offense"], " | ".join(e["articles"])]  # fmt: skip
        assert r[10] == sentences


def test_csv_cells_are_not_formulas(large_page: Page) -> None:
    name = large_page.js(
        """() => { const n = kg.data.nodes[0].name; kg.data.nodes[0].name = '=HYPERLINK("x")'; return n; }"""
    )
    try:
        with large_page.page.expect_download() as info:
            large_page.page.click("#kg-csv")
    finally:
        large_page.js("n => { kg.data.nodes[0].name = n; }", name)
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert '"\'=HYPERLINK(""x"")"' in text and '"=HYPERLINK' not in text


def test_png_export(corpus_page: Page) -> None:
    with corpus_page.page.expect_download() as info:
        corpus_page.page.click("#kg-png")
    body = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename == "kg-graph.png"
    assert body[:8] == b"\x89PNG\r\n\x1a\n" and len(body) > 5000
    width, height = int.from_bytes(body[16:20], "big"), int.from_bytes(body[20:24], "big")
    assert width > 300 and height > 200


# --- responsive layout --------------------------------------------------------------------------

_PARTS = ["header", "#kg-filters", "#kg-graph", "#kg-legend", "#kg-panel"]


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (800, 600)])
def test_nothing_overlaps(
    browser: Any, corpus: Path, width: int, height: int, tmp_path: Path, corpus_kg: KnowledgeGraph
) -> None:
    edge = viewer_data(corpus_kg)["edges"][0]["id"]
    with Page(browser, corpus, "#edge=" + edge, width, height) as page:
        page.page.screenshot(path=str(tmp_path / f"viewer-{width}x{height}.png"), full_page=True)
        boxes = {p: page.page.locator(p).bounding_box() for p in _PARTS}
        for name, b in boxes.items():
            assert b is not None and b["width"] > 0 and b["height"] > 0, name
            assert b["x"] >= 0 and b["x"] + b["width"] <= width + 0.5, name
        for i, a in enumerate(_PARTS):
            for b in _PARTS[i + 1 :]:
                p, q = boxes[a], boxes[b]
                dx = min(p["x"] + p["width"], q["x"] + q["width"]) - max(p["x"], q["x"])
                dy = min(p["y"] + p["height"], q["y"] + q["height"]) - max(p["y"], q["y"])
                assert dx <= 0.5 or dy <= 0.5, (a, b, p, q)
        assert page.js("document.documentElement.scrollWidth") <= width
        graph, panel = boxes["#kg-graph"], boxes["#kg-panel"]
        if width >= 900:
            assert 340 <= panel["width"] <= 380 and panel["x"] >= graph["x"] + graph["width"] - 0.5
            assert graph["width"] >= 600 and graph["height"] >= 700
        else:
            assert panel["y"] >= graph["y"] + graph["height"] - 0.5  # the panel goes below the graph
            assert graph["width"] >= width - 20 and graph["height"] >= 300
        assert page.errors == []

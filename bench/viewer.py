"""The HTML viewer in headless Chromium: file size, first paint, a filter and a search.

    python bench/viewer.py --repeat 5                       # the 2,000-actor / 5,000-accusation graph
    python bench/viewer.py --repeat 5 --out outputs         # and the viewer of a built folder
    python bench/viewer.py --out outputs --picture docs/graph.png   # the README's picture

The large graph is ``large_graph()`` (also used by ``tests/test_viewer.py``): deterministic,
2,000 actors of which 200 have no accusation, 5,000 accusations, each with one or two claims
in 400 articles from 8 outlets dated over 24 months. First paint is the time from navigation
to ``window.kgReady`` (the layout done and the graph drawn; the layout alone is in brackets);
the filter sets one status and one outlet, the search looks for an offense word, each timed
until the change is made and the next frame drawn; times are medians of ``--repeat`` runs,
each in a fresh page. Chromium is Debian's ``/usr/bin/chromium`` (``--chromium``), driven by
the Python ``playwright`` package; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kg.export import load_graph, write_viewer
from kg.graph import build_graph
from kg.records import CAMEO_CODES, STATUSES, Article, Claim, Entity, KnowledgeGraph

__all__ = ["CHROMIUM_ARGS", "chromium", "large_graph", "main"]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
OUTLETS = [
    "Le Monde",
    "Libération",
    "Le Figaro",
    "Mediapart",
    "France Info",
    "20 Minutes",
    "Les Échos",
    "AFP",
]
# one French offense phrase per category: the category search finds the offense word
OFFENSES = {
    "corruption": "corruption et de pots-de-vin",
    "fraud": "fraude fiscale",
    "espionage": "espionnage industriel",
    "doping": "dopage",
    "defamation": "diffamation",
    "threats": "menaces répétées",
    "violence": "violences",
    "lying": "mensonge",
}
_FIRST = ["Jean", "Marie", "Paul", "Claire", "Louis", "Sophie", "Hugo", "Inès", "Marc", "Léa"]
_LAST = ["Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Girard", "Roux", "Fournier", "Morel"]


def large_graph(
    n_actors: int = 2000, n_accusations: int = 5000, n_articles: int = 400, seed: int = 7
) -> KnowledgeGraph:
    """A deterministic KnowledgeGraph of ``n_actors`` actors and ``n_accusations`` accusations.

    One actor in ten has no accusation; the others are drawn with a heavy tail (a few hubs).
    Each accusation has one claim, or two in two articles for one in four; one in ten has no
    category. Every article has an outlet and a date (2024-01 to 2025-12).
    """
    rng = random.Random(seed)
    articles = [
        Article(
            id=f"art-{i:04d}",
            title=f"Affaire numéro {i} : les accusations se multiplient",
            text="",
            date=f"{2024 + (i % 24) // 12}-{(i % 24) % 12 + 1:02d}-{1 + i % 28:02d}",
            url=f"https://example.org/articles/{i}" if i % 2 == 0 else None,
            outlet=OUTLETS[i % len(OUTLETS)],
        )
        for i in range(n_articles)
    ]
    types = ["PER", "PER", "PER", "ORG", "ORG", "GPE"]
    entities = []
    for i in range(n_actors):
        name = f"{_FIRST[i % 10]} {_LAST[(i // 10) % 10]} {i:04d}"
        entities.append(
            Entity(
                id=f"ent-{i:04d}",
                name=name,
                type=types[i % len(types)],  # type: ignore[arg-type]
                aliases=[name, f"{_LAST[(i // 10) % 10]} {i:04d}"],
                descriptions=[f"acteur numéro {i}"] if i % 3 == 0 else [],
            )
        )
    active = [e.id for e in entities if int(e.id[4:]) % 10 != 9]
    weights = [1.0 / (1 + k) ** 0.8 for k in range(len(active))]
    categories = [*OFFENSES, None]
    seen: set[tuple[str, str, str]] = set()
    claims: list[Claim] = []
    texts: dict[str, list[str]] = {a.id: [] for a in articles}
    while len(seen) < n_accusations:
        accuser, accused = rng.choices(active, weights, k=2)
        category = rng.choice(categories)
        key = (accuser, accused, category or "unspecified")
        if accuser == accused or key in seen:
            continue
        seen.add(key)
        status = rng.choice(STATUSES)
        offense = OFFENSES[category] if category else "pratiques douteuses"
        for k in range(2 if rng.random() < 0.25 else 1):
            article = rng.choice(articles).id
            sentence = f"{accuser} accuse {accused} de {offense} (dossier {len(claims)})."
            text = texts[article]
            start = sum(len(t) + 1 for t in text)
            text.append(sentence)
            offset = start + sentence.index(offense)
            claims.append(
                Claim(
                    id=f"clm-{len(claims):05d}",
                    type="accusation",
                    article=article,
                    speaker=accuser,
                    target=accused,
                    cue="accuser",
                    status=status,  # type: ignore[arg-type]
                    content=offense,
                    content_start=offset,
                    content_end=offset + len(offense),
                    sentence=sentence,
                    start=start,
                    end=start + len(sentence),
                    category=category,
                    reported_by=active[0] if k == 1 else None,
                )
            )
    assert all(c in CAMEO_CODES for c in OFFENSES)
    articles = [
        Article(a.id, a.title, " ".join(texts[a.id]), date=a.date, url=a.url, outlet=a.outlet)
        for a in articles
    ]
    return build_graph(articles, entities, claims)


@contextmanager
def chromium(executable: str = "/usr/bin/chromium") -> Iterator[Any]:
    """A headless Chromium, through playwright, offline and quiet."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _measure(browser: Any, html: Path) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        start = time.perf_counter()
        page.goto(html.as_uri())
        page.evaluate("window.kgReady")
        first_paint = time.perf_counter() - start
        layout_ms = page.evaluate("kgTimes.layout - kgTimes.built")
        data = page.evaluate(
            "({s: Object.keys(kg.data.colors.statuses)[0], o: kg.data.articles && "
            "Object.values(kg.data.articles).map(a => a.outlet).filter(Boolean)[0] || ''})"
        )
        # until the change is made and the next frame drawn (the fit's animation then runs on)
        filter_ms = page.evaluate(
            """async ([s, o]) => { const t = performance.now(); kg.setFilters({statuses: [s], outlet: o});
                await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                return performance.now() - t; }""",
            [data["s"], data["o"]],
        )
        page.evaluate("() => kg.setFilters({})")
        page.wait_for_function("() => !kg.cy.animated()")
        search_ms = page.evaluate(
            """async () => { const t = performance.now(); kg.search('corruption');
                await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                return performance.now() - t; }"""
        )
        return {
            "first_paint_s": first_paint,
            "layout_ms": layout_ms,
            "filter_ms": filter_ms,
            "search_ms": search_ms,
        }
    finally:
        page.close()


def _report(name: str, browser: Any, html: Path, repeat: int) -> None:
    runs = [_measure(browser, html) for _ in range(repeat)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(
        f"{name}: {html.stat().st_size / 1e6:.2f} MB, first paint {med['first_paint_s']:.2f} s "
        f"(layout {med['layout_ms']:.0f} ms), "
        f"filter {med['filter_ms']:.0f} ms, search {med['search_ms']:.0f} ms (median of {repeat})"
    )


def picture(browser: Any, html: Path, png: Path) -> None:
    """A 1400x900 screenshot of the viewer of ``html``, its best-attested accusation selected."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(html.as_uri())
        page.evaluate("window.kgReady")
        page.evaluate(
            """() => { const e = kg.data.edges.slice().sort((a, b) => b.claims.length - a.claims.length
                || b.articles.length - a.articles.length || (a.id < b.id ? -1 : 1))[0];
                return kg.select({node: e.source}); }"""
        )
        page.wait_for_function("() => !kg.cy.animated()")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.screenshot(path=str(png))
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure; medians are printed")
    parser.add_argument("--out", type=Path, help="a built folder (kg build --out) whose graph to measure too")
    parser.add_argument("--picture", type=Path, help="write a 1400x900 picture of the --out viewer here")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    if args.picture and not args.out:
        parser.error("--picture needs --out")
    with tempfile.TemporaryDirectory() as tmp, chromium(args.chromium) as browser:
        t = time.perf_counter()
        kg = large_graph()
        large = Path(tmp) / "large.html"
        write_viewer(kg, large)
        print(
            f"large graph: {len(kg.entities)} actors, {len(kg.accusations)} accusations, "
            f"generated and written in {time.perf_counter() - t:.1f} s"
        )
        _report("large", browser, large, args.repeat)
        if args.out:
            corpus = Path(tmp) / "corpus.html"
            write_viewer(load_graph(args.out), corpus)
            _report(str(args.out), browser, corpus, args.repeat)
            if args.picture:
                picture(browser, corpus, args.picture)
                print(f"picture: {args.picture} ({args.picture.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

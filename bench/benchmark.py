"""How fast ``kg build`` runs and how much memory it takes, on articles made from ``corpus/``.

Usage::

    python bench/benchmark.py                       # 200 articles, --workers 1 and 2
    python bench/benchmark.py --articles 50 --workers 1 --out report.json
    python bench/benchmark.py --scaling             # 50, 100, 200 articles, one worker
    python bench/benchmark.py --stages corpus       # parse vs extraction, stage by stage

The N articles cycle through the files of ``corpus/``, each with its own id and a last line of
its own (``kg`` skips repeated texts), written as one ``.jsonl`` file in a temporary folder.
Each measurement runs in a fresh Python process, so that its peak RSS (``ru_maxrss``) is its
own: it loads the model (timed apart), then runs ``kg.pipeline.build`` over
``kg.ingest.iter_inputs`` and the exports (``kg.export.write_all``, ``kg.rdf.write_rdf``).

With ``--workers`` > 1 the model is loaded by each worker process inside the build, so the
build time includes that; the peak RSS of the workers is the largest of them
(``RUSAGE_CHILDREN``), not their sum. ``--scaling`` shows how the memory the build adds above
the loaded model grows with the number of articles, next to the size of the text and of the graph.

``--stages DIR`` times, in one process and on the same texts, the bare spaCy parse
(``nlp.pipe``) and each extraction stage after it (entities, rule stage, accusation scoring),
and prints the extraction time as a share of the parse time.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SCALING_SIZES = (50, 100, 200)


def _rss_mb(who: int) -> float:
    """Peak resident set size of this process (or of its largest reaped child), in MB."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3  # bytes on macOS, kB on Linux


def synthesise(n: int, folder: Path) -> Path:
    """Write ``n`` articles cycling through ``corpus/`` as ``folder/articles.jsonl``."""
    from kg.ingest import read_articles

    articles, problems = read_articles([CORPUS])
    if not articles:
        raise SystemExit(f"no article read from {CORPUS}: {problems}")
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, a in zip(range(n), itertools.cycle(articles), strict=False):
            record = {
                "id": f"{a.id}-{i:05d}",
                "title": a.title,
                "text": f"{a.text}\n\nMise à jour numéro {i}.",
                "outlet": a.outlet,
                "date": a.date,
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def measure(inputs: Path, out: Path, workers: int, batch_size: int) -> dict[str, Any]:
    """One build and its exports, in this process; what ``run_child`` reports."""
    from kg import export, ingest, pipeline, rdf
    from kg.nlp import load_nlp

    started = time.perf_counter()
    if workers == 1:
        load_nlp()
    model_s = time.perf_counter() - started
    rss_model = _rss_mb(resource.RUSAGE_SELF)

    started = time.perf_counter()
    kg = pipeline.build(ingest.iter_inputs([inputs]), workers=workers, batch_size=batch_size)
    build_s = time.perf_counter() - started

    started = time.perf_counter()
    written = export.write_all(kg, out) + rdf.write_rdf(kg, out)
    export_s = time.perf_counter() - started

    return {
        "workers": workers,
        "articles": len(kg.articles),
        "words": sum(len(a.text.split()) for a in kg.articles),
        "text_mb": sum(len(a.text.encode("utf-8")) for a in kg.articles) / 1e6,
        "entities": len(kg.entities),
        "mentions": sum(len(e.mentions) for e in kg.entities),
        "claims": len(kg.claims),
        "accusations": len(kg.accusations),
        "problems": len(kg.problems),
        "model_load_s": model_s if workers == 1 else None,
        "build_s": build_s,
        "export_s": export_s,
        "wall_s": build_s + export_s,
        "rss_after_model_mb": rss_model,
        "peak_rss_mb": _rss_mb(resource.RUSAGE_SELF),
        "peak_rss_workers_mb": _rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else None,
        "output_bytes": {p.name: p.stat().st_size for p in written},
    }


def stage_times(inputs: Path, batch_size: int = 16) -> dict[str, Any]:
    """CPU seconds of the bare parse and of each extraction stage on the articles of ``inputs``
    (process time: what other programs on the machine take is not counted)."""
    from kg.accusations import extract_accusations
    from kg.claims import extract_claims
    from kg.entities import ArticleEntities
    from kg.ingest import read_articles
    from kg.nlp import load_nlp

    articles, _ = read_articles([inputs])
    nlp = load_nlp()
    list(nlp.pipe([a.text for a in articles[:2]]))  # warm up
    started = time.process_time()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=batch_size))
    parse_s = time.process_time() - started
    spent = {"entities": 0.0, "rules": 0.0, "accusations": 0.0}
    for doc, a in zip(docs, articles, strict=True):
        t0 = time.process_time()
        ents = ArticleEntities(doc, a.id)
        t1 = time.process_time()
        rules = extract_claims(ents)
        t2 = time.process_time()
        extract_accusations(ents, rules)
        t3 = time.process_time()
        spent["entities"] += t1 - t0
        spent["rules"] += t2 - t1
        spent["accusations"] += t3 - t2
    extraction = sum(spent.values())
    return {
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "parse_s": parse_s,
        **{f"{k}_s": v for k, v in spent.items()},
        "extraction_s": extraction,
        "extraction_share_of_parse": extraction / parse_s,
    }


def run_child(inputs: Path, workers: int, batch_size: int) -> dict[str, Any]:
    """``measure`` in a fresh Python process; its result as a dict, with rates added."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-out-") as out:
        cmd = [sys.executable, __file__, "--child", str(inputs), out, str(workers), str(batch_size)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark run failed (workers={workers}):\n{done.stderr[-3000:]}")
    row: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    row["articles_per_s"] = row["articles"] / row["build_s"]
    row["words_per_s"] = row["words"] / row["build_s"]
    row["output_total_bytes"] = sum(row["output_bytes"].values())
    row["added_rss_mb"] = row["peak_rss_mb"] - row["rss_after_model_mb"]
    return row


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def print_table(rows: list[dict[str, Any]]) -> None:
    """The rows as a plain text table, one line per run."""
    columns = [
        ("articles", "articles", 0),
        ("workers", "workers", 0),
        ("model s", "model_load_s", 2),
        ("build s", "build_s", 2),
        ("export s", "export_s", 2),
        ("art/s", "articles_per_s", 1),
        ("words/s", "words_per_s", 0),
        ("text MB", "text_mb", 2),
        ("entities", "entities", 0),
        ("claims", "claims", 0),
        ("RSS model MB", "rss_after_model_mb", 0),
        ("peak RSS MB", "peak_rss_mb", 0),
        ("added MB", "added_rss_mb", 0),
        ("workers RSS MB", "peak_rss_workers_mb", 0),
        ("outputs kB", "output_total_bytes", 0),
    ]
    cells = [
        [_fmt(r[key] / 1e3 if key == "output_total_bytes" else r[key], d) for _, key, d in columns]
        for r in rows
    ]
    widths = [max(len(title), *(len(c[i]) for c in cells)) for i, (title, _, _) in enumerate(columns)]
    print("  ".join(title.rjust(w) for (title, _, _), w in zip(columns, widths, strict=True)))
    for c in cells:
        print("  ".join(v.rjust(w) for v, w in zip(c, widths, strict=True)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200, help="articles to build (default 200)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--batch-size", type=int, default=16, help="articles per nlp.pipe batch")
    parser.add_argument("--scaling", action="store_true", help=f"one worker on {SCALING_SIZES} articles")
    parser.add_argument("--out", type=Path, help="also write the report as JSON here")
    parser.add_argument("--stages", type=Path, help="time parse and extraction stages on this folder")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.stages:
        r = stage_times(args.stages, args.batch_size)
        print(
            f"{r['articles']} articles, {r['words']:,} words: parse {r['parse_s']:.2f} s; "
            f"entities {r['entities_s']:.2f} s, rule stage {r['rules_s']:.2f} s, "
            f"accusations {r['accusations_s']:.2f} s; extraction {r['extraction_s']:.2f} s = "
            f"{100 * r['extraction_share_of_parse']:.1f}% of the parse"
        )
        if args.out:
            args.out.write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
        return

    if args.child:
        inputs, out, workers, batch_size = args.child
        print(json.dumps(measure(Path(inputs), Path(out), int(workers), int(batch_size))))
        return

    plan = [(n, 1) for n in SCALING_SIZES] if args.scaling else [(args.articles, w) for w in args.workers]
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-in-") as tmp:
        for n in sorted({n for n, _ in plan}):
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            inputs = synthesise(n, folder)
            for _, workers in (p for p in plan if p[0] == n):
                print(f"building {n} articles with {workers} worker(s)...", file=sys.stderr, flush=True)
                rows.append(run_child(inputs, workers, args.batch_size))
    print_table(rows)
    if args.out:
        report = {"python": sys.version.split()[0], "platform": sys.platform, "runs": rows}
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"report written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

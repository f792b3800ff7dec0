"""The command line, through ``typer.testing.CliRunner``: exit codes, messages and output.

Queries run on the session's build of ``corpus/`` (``corpus_build`` in conftest.py).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
N_ARTICLES = len(list((REPO / "corpus").glob("*.txt")))


def _flat(text: str) -> str:
    """``text`` without any whitespace, to find a path in output that a console may have wrapped."""
    return "".join(text.split())


@pytest.mark.parametrize(
    "command",
    [[], ["build"], ["query"], ["stats"], ["serve"], ["push"], ["verify"]],
    ids=["kg", "build", "query", "stats", "serve", "push", "verify"],
)
def test_help_shows_an_example(kg_cli, command: list[str]) -> None:
    result = kg_cli([*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`{' '.join(['kg', *command])} --help` shows no example"


def test_build_of_a_missing_path_fails_naming_it(kg_cli, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = kg_cli(["build", str(missing), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code != 0
    assert _flat(str(missing)) in _flat(result.output)
    assert not (tmp_path / "out").exists()


def test_build_of_only_bad_files_fails_and_writes_nothing(kg_cli, tmp_path: Path) -> None:
    src = tmp_path / "bad"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 512)
    (src / "broken.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    out = tmp_path / "out"
    result = kg_cli(["build", str(src), "--out", str(out), "--quiet"])
    assert result.exit_code != 0
    for name in ("empty.txt", "binary.txt", "broken.jsonl"):
        assert name in result.output
    assert not out.exists() or not any(out.iterdir()), "files were written for a failed build"


def test_query_list_names_the_queries(kg_cli) -> None:
    result = kg_cli(["query", "--list"])
    assert result.exit_code == 0, result.output
    assert "who-accused-whom" in result.stdout
    for graph_query in ("chains", "central", "communities"):
        assert graph_query in result.stdout


def test_query_csv(kg_cli, corpus_build: Path) -> None:
    result = kg_cli(["query", "who-accused-whom", "--out", str(corpus_build), "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, *rows = list(csv.reader(io.StringIO(result.stdout)))
    assert {"accuser", "accused", "offense", "status"} <= set(header)
    assert rows
    assert all(len(row) == len(header) for row in rows)


def test_query_json(kg_cli, corpus_build: Path) -> None:
    result = kg_cli(["query", "who-accused-whom", "--out", str(corpus_build), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)  # W3C SPARQL 1.1 query results JSON
    assert {"accuser", "accused"} <= set(doc["head"]["vars"])
    rows = doc["results"]["bindings"]
    assert isinstance(rows, list) and rows
    assert rows[0]["accuser"]["type"] == "literal" and rows[0]["accuser"]["xml:lang"] == "fr"


def test_unknown_query_fails_clearly(kg_cli, corpus_build: Path) -> None:
    result = kg_cli(["query", "nosuch", "--out", str(corpus_build)])
    assert result.exit_code != 0
    assert "nosuch" in result.output
    assert "who-accused-whom" in result.output, "the message does not list the known queries"


def test_sparql_count(kg_cli, corpus_build: Path) -> None:
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    result = kg_cli(["query", "--sparql", sparql, "--out", str(corpus_build), "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, row = list(csv.reader(io.StringIO(result.stdout)))
    assert header == ["n"]
    assert int(row[0]) > 0


def test_bad_sparql_fails_clearly(kg_cli, corpus_build: Path) -> None:
    result = kg_cli(["query", "--sparql", "SELECT WHERE {", "--out", str(corpus_build)])
    assert result.exit_code != 0
    assert "error" in result.output.lower()


@pytest.mark.parametrize("name", ["chains", "central", "communities"])
def test_graph_queries_run(kg_cli, corpus_build: Path, name: str) -> None:
    result = kg_cli(["query", name, "--out", str(corpus_build), "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, *rows = list(csv.reader(io.StringIO(result.stdout)))
    assert header and rows


def test_stats_shows_counts(kg_cli, corpus_build: Path) -> None:
    result = kg_cli(["stats", "--out", str(corpus_build)])
    assert result.exit_code == 0, result.output
    counts = dict(re.findall(r"(articles|entities)\W+(\d+)", result.stdout))
    assert counts.get("articles") == str(N_ARTICLES)
    assert int(counts.get("entities", 0)) > 0
    assert "accusations" in result.stdout


def test_query_of_a_missing_build_fails(kg_cli, tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent"
    result = kg_cli(["query", "who-accused-whom", "--out", str(missing)])
    assert result.exit_code != 0
    assert _flat(str(missing)) in _flat(result.output)


def test_stats_of_a_missing_build_fails(kg_cli, tmp_path: Path) -> None:
    result = kg_cli(["stats", "--out", str(tmp_path / "nonexistent")])
    assert result.exit_code != 0
    assert "nonexistent" in result.output


def test_build_with_an_alias_file_merges_and_links(kg_cli, tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Washington accuse Pékin d'espionnage.\n\nLe gouvernement chinois dément ces accusations.\n",
        encoding="utf-8",
    )
    (articles / "b.txt").write_text(
        "Les États-Unis accusent la Chine de piratage informatique, selon un rapport publié lundi.\n",
        encoding="utf-8",
    )
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("- name: États-Unis\n  aliases: [Washington]\n  same_as: [Q30]\n", encoding="utf-8")
    out = tmp_path / "out"
    result = kg_cli(["build", str(articles), "--out", str(out), "--aliases", str(aliases), "--quiet"])
    assert result.exit_code == 0, result.output
    entities = [
        json.loads(line) for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    usa = [e for e in entities if "Washington" in e["aliases"]]
    assert len(usa) == 1 and usa[0]["name"] == "États-Unis"
    assert usa[0]["same_as"] == ["http://www.wikidata.org/entity/Q30"]
    assert "owl:sameAs <http://www.wikidata.org/entity/Q30>" in (out / "graph.ttl").read_text(
        encoding="utf-8"
    )
    merges = (out / "merges.jsonl").read_text(encoding="utf-8")
    assert '"rule": "alias-file"' in merges


def test_build_with_a_bad_alias_file_fails_naming_it(kg_cli, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("- name: X\n  type: PERSON\n", encoding="utf-8")
    result = kg_cli(["build", "corpus", "--out", str(tmp_path / "out"), "--aliases", str(aliases)])
    assert result.exit_code != 0
    assert "aliases.yaml" in result.output and "PERSON" in result.output
    assert not (tmp_path / "out").exists()


def _run_at(width: int, args: list[str]) -> tuple[int, str, str]:
    """``kg ARGS`` in-process in a terminal ``width`` columns wide: (exit code, stdout, stderr)."""
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, args, env={"COLUMNS": str(width)})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["build", "query", "stats", "serve", "push", "verify", "evaluate"])
def test_help_names_values_as_a_user_types_them(kg_cli, command: str) -> None:
    result = kg_cli([command, "--help"])
    assert result.exit_code == 0, result.output
    # Python's types (<bool>, <list[Path]>, <int range>) and Typer's {ARG} are not what a user types
    assert not re.search(r"<(bool|str|int|float|path|list)|\{[A-Z]+\}", result.output), result.output
    assert re.search(r"--help +Show this message", result.output)
    if command == "build":
        assert re.search(r"Usage: \w+ build \[OPTIONS\] INPUTS\.\.\.\n", result.output)
        assert re.search(r"--workers INTEGER +Parse", result.output)
        assert re.search(r"--no-cache +Parse", result.output), "a flag takes no value"


def test_who_accused_whom_fits_80_columns(corpus_build: Path) -> None:
    """At 80 columns every row shows its accuser, accused, status and number of articles whole."""
    code, table, _ = _run_at(80, ["query", "who-accused-whom", "--out", str(corpus_build)])
    assert code == 0
    lines = table.splitlines()
    assert all(len(line) <= 80 for line in lines)
    header = next(line for line in lines if "accuser" in line)
    assert [c.strip() for c in header.strip("┃").split("┃")][:4] == [
        "accuser",
        "accused",
        "status",
        "articles",
    ]
    # one row per accusation, a name wrapping onto continuation lines; read the cells back
    code, text, _ = _run_at(400, ["query", "who-accused-whom", "--out", str(corpus_build), "--format", "csv"])
    expected = list(csv.DictReader(io.StringIO(text)))
    rows: list[list[str]] = []
    for line in lines:
        if not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.strip("│").split("│")]
        if cells[2]:  # a new row: its status cell is filled
            rows.append(cells)
        else:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
    assert len(rows) == len(expected) > 0
    for got, want in zip(rows, expected, strict=True):
        assert "".join(got[0].split()) == "".join(want["accuser"].split())
        assert "".join(got[1].split()) == "".join(want["accused"].split())
        assert got[2] == "kg:" + want["status"].rsplit("#", 1)[-1]
        assert got[3] == want["articles"]
    assert "not shown at this width" in table, "the columns left out are not named"


def test_unknown_query_lists_the_graph_queries_and_the_closest(kg_cli, corpus_build: Path) -> None:
    result = kg_cli(["query", "chain", "--out", str(corpus_build)])
    assert result.exit_code == 2
    assert "did you mean chains?" in result.output
    for name in ("who-accused-whom", "central", "communities"):
        assert name in result.output


def test_a_graph_query_refuses_a_param(kg_cli, corpus_build: Path) -> None:
    result = kg_cli(["query", "chains", "-p", "entity=x", "--out", str(corpus_build)])
    assert result.exit_code == 2
    assert "takes no parameter" in result.output


def test_an_unknown_entity_gets_the_closest_names(kg_cli, corpus_build: Path) -> None:
    result = kg_cli(["query", "who-accused-whom", "--out", str(corpus_build), "--format", "csv"])
    name = max((row["accused"] for row in csv.DictReader(io.StringIO(result.stdout))), key=len)
    typo = name[:-1] + ("x" if name[-1] != "x" else "y")
    result = kg_cli(["query", "accusations-against", "-p", f"entity={typo}", "--out", str(corpus_build)])
    assert result.exit_code == 0
    assert f"no actor is named {typo!r}" in result.stderr
    assert name in result.stderr.split("closest names:")[1]
    result = kg_cli(["query", "accusations-against", "-p", f"entity={name}", "--out", str(corpus_build)])
    assert result.exit_code == 0 and "no actor" not in result.stderr


def test_stats_keeps_statuses_and_categories_apart(kg_cli, corpus_build: Path) -> None:
    result = kg_cli(["stats", "--out", str(corpus_build)])
    text = result.stdout
    by_status = text[text.index("by status") : text.index("by offense category")]
    by_category = text[text.index("by offense category") :]
    assert "asserted" in by_status and "asserted" not in by_category
    assert "unspecified" in by_category and "unspecified" not in by_status

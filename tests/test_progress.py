"""What ``kg build`` says while it works and when it is done: the progress bar's stages, each
with its count and ETA, and the one-line summary that --quiet keeps and --silent drops."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from rich.console import Console

from kg import cli, ingest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def three(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for path in sorted((REPO / "corpus").glob("*.txt"))[:3]:
        shutil.copy(path, src / path.name)
    return src


def test_the_inputs_are_counted_before_they_are_read(three: Path, tmp_path: Path) -> None:
    (three / "SOURCES.md").write_text("# sources\n", encoding="utf-8")  # documentation: not an input
    (three / "sub").mkdir()
    (three / "sub" / "more.jsonl").write_text('{"id": "x", "text": "Un texte."}\n', encoding="utf-8")
    assert ingest.count_files([three]) == 4
    assert ingest.count_files([three], exclude=[three / "sub"]) == 3
    read: list[Path] = []
    list(ingest.iter_inputs([three], on_file=read.append))
    assert len(read) == 4 and len(set(read)) == 4


def test_the_bar_shows_each_stage_with_its_count(
    kg_cli, three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(cli, "err_console", Console(file=screen, force_terminal=True, width=120))
    result = kg_cli(["build", str(three), "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 0, result.output
    frames = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    order = [  # the parse starts with the articles from the cache, then the model loads
        "reading inputs",
        "loading spaCy",
        "loading the model",
        "resolving entities",
        "writing outputs",
    ]
    seen = [frames.find(stage) for stage in order]
    assert frames.find("loading the model") < frames.rfind("parsing articles") < frames.find("resolving")
    assert all(i >= 0 for i in seen), dict(zip(order, seen, strict=True))
    assert seen == sorted(seen), "the stages come in this order"
    assert re.search(r"reading inputs\W+\d/3\b", frames)
    assert re.search(r"parsing articles\W+\d/3\b", frames), "the parse counts the articles"
    assert re.search(r"writing outputs\W+\d+/\d+\b", frames)
    assert "eta" in frames
    assert re.search(r"built 3 articles", frames)


def test_quiet_keeps_the_problems_and_the_summary_silent_drops_them(
    kg_cli, three: Path, tmp_path: Path
) -> None:
    (three / "empty.txt").write_bytes(b"")
    quiet = kg_cli(["build", str(three), "--out", str(tmp_path / "quiet"), "--quiet"])
    assert quiet.exit_code == 0, quiet.output
    lines = quiet.stderr.splitlines()
    assert [line for line in lines if line.startswith("built ")] == [lines[-1]]
    assert "built 3 articles" in lines[-1]
    assert any("empty.txt" in line for line in lines)
    assert quiet.stdout == ""
    silent = kg_cli(["build", str(three), "--out", str(tmp_path / "silent"), "--silent"])
    assert silent.exit_code == 0
    assert silent.output == ""
    assert "empty.txt" in (tmp_path / "silent" / "problems.jsonl").read_text(encoding="utf-8")
    again = kg_cli(["build", str(three), "--out", str(tmp_path / "silent"), "--silent"])
    assert again.exit_code == 0 and again.output == "", "an up-to-date build is silent too"
    failed = kg_cli(["build", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "x"), "--silent"])
    assert failed.exit_code == 2 and "nothing-here" in failed.stderr, "errors are still said"

"""The project keeps its promises about itself: lint, types, and a README that lists what the
code offers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.claims import OFFENSE_CATEGORIES
from kg.queries import GRAPH_QUERIES, list_queries

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_ruff_is_clean() -> None:
    result = _run("ruff", "check", "kg", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr
    result = _run("ruff", "format", "--check", "kg", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = _run("mypy", "kg")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("category", sorted(OFFENSE_CATEGORIES))
def test_readme_documents_every_offense_category(category: str) -> None:
    code = OFFENSE_CATEGORIES[category][0]
    assert f"| {category} | {code} |" in README


@pytest.mark.parametrize("name", [q.name for q in list_queries()] + sorted(GRAPH_QUERIES))
def test_readme_documents_every_query(name: str) -> None:
    assert f"`{name}`" in README


def test_readme_quick_start_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e . && kg build corpus --out outputs" in README
    assert "pip install -e '.[test]' && pytest" in README
    assert "pip install -e '.[test]' && pytest" in ci

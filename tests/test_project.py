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
    block = README.split("```bash\n", 1)[1].split("```", 1)[0]
    lines = [line.split(" #")[0].strip() for line in block.splitlines() if line.strip()]
    assert lines[:2] == [
        "pip install -e . && kg build corpus --out outputs",
        "pip install -e '.[test]' && pytest",
    ]
    # CI runs those two lines as read from the README, with the fresh venv's own pip
    assert 'bash -euo pipefail -c "${QUICK[0]}"' in ci and 'bash -euo pipefail -c "${QUICK[1]}"' in ci
    assert "--upgrade pip" not in ci

"""Shared fixtures: the French model, loaded once, and one full build of ``corpus/``.

``tests/`` has no ``__init__.py``: pytest puts this folder on ``sys.path`` (rootdir-style
imports), so test modules import their helpers as ``from kgfixtures import make_kg``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import Result
from spacy.language import Language
from typer.testing import CliRunner

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CORPUS = REPO / "corpus"
OUTPUTS = REPO / "outputs"

# Rootdir-style imports also under ``--import-mode=importlib``, which does not touch sys.path.
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


@contextlib.contextmanager
def _in_repo() -> Iterator[None]:
    """Run in the repository root, so relative paths (``corpus``) mean the same from anywhere."""
    previous = Path.cwd()
    os.chdir(REPO)
    try:
        yield
    finally:
        os.chdir(previous)


def _run_cli(args: Sequence[str]) -> Result:
    """``kg ARGS`` in-process, from the repository root; stdout and stderr kept apart."""
    from kg.cli import app

    with _in_repo():
        # A wide terminal: Rich wraps long messages (file paths) at 80 columns otherwise.
        return CliRunner().invoke(app, list(args), env={"COLUMNS": "400"})


def _build(out: Path, *inputs: str | Path, workers: int = 1) -> Result:
    """``kg build INPUTS --out OUT --quiet``; fails the test with the output if the build fails."""
    result = _run_cli(["build", *map(str, inputs), "--out", str(out), "--quiet", "--workers", str(workers)])
    assert result.exit_code == 0, f"kg build failed ({result.exit_code}):\n{result.output}"
    return result


@pytest.fixture(scope="session")
def kg_cli() -> Callable[[Sequence[str]], Result]:
    """Run ``kg ARGS`` in-process: ``kg_cli(["stats", "--out", str(out)])``."""
    return _run_cli


@pytest.fixture(scope="session")
def kg_build() -> Callable[..., Result]:
    """Build into a folder, failing on a non-zero exit: ``kg_build(out, "corpus", workers=2)``."""
    return _build


@pytest.fixture(scope="session", autouse=True)
def _keep_model_loaded() -> Iterator[None]:
    """In-process builds keep the model for the next test (``kg build`` unloads it after the
    parse, which a one-shot process wants and a test session does not: a reload costs seconds).
    ``kg.nlp.unload_nlp`` itself is tested in test_nlp.py, through ``kg.nlp._unload_nlp``."""
    from kg import nlp as kg_nlp

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kg_nlp, "_unload_nlp", kg_nlp.unload_nlp, raising=False)
        mp.setattr(kg_nlp, "unload_nlp", lambda: None)
        yield


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The French spaCy pipeline of ``kg`` (with ``kg_paragraphs``), loaded once per session."""
    from kg.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """The output folder of ``kg build corpus --out DIR --quiet``, built once per session.

    Run from the repository root with the relative path ``corpus``, as the committed
    ``outputs/`` is built, so that the article paths it records are the same.
    """
    out = tmp_path_factory.mktemp("corpus-build")
    _build(out, "corpus")
    return out

"""The output folder: checked before parsing, locked, staged, sealed by a manifest, swapped whole.

The unit tests drive ``kg.outdir`` directly; the end-to-end ones run ``kg build`` in a separate
process and kill it (``kill -9``, through ``KG_KILL_AT``) at five points of the build, or run two
builds into one folder at once, and check that ``--out`` always holds one whole build.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg import outdir
from kg.outdir import MANIFEST, Build, BuildLocked, InputHash, OutDirError, check, check_usable, verify

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
KILL_POINTS = ("after-parse", "mid-export", "before-manifest", "before-swap", "after-swap")


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) and its SHA-256."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _build_into(out: Path, files: dict[str, str]) -> None:
    with Build(out, inputs=[InputHash("a", "a.txt", "0" * 64)]) as stage:
        for name, text in files.items():
            (stage / name).write_text(text, encoding="utf-8")


# --- checked before parsing -----------------------------------------------------------------------


def test_usable_out_folders(tmp_path: Path) -> None:
    assert check_usable(tmp_path / "new" / "deeper") == tmp_path / "new" / "deeper"
    (tmp_path / "empty").mkdir()
    assert check_usable(tmp_path / "empty") == tmp_path / "empty"
    _build_into(tmp_path / "built", {"claims.jsonl": ""})
    assert check_usable(tmp_path / "built") == tmp_path / "built"
    # a build of an older kg: kg's own file names only
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "graph.nt").write_text("")
    assert check_usable(tmp_path / "old") == tmp_path / "old"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: (d / "out").write_text("x"), "is a file, not a folder"),
        (lambda d: (d / "f").write_text("x") and d / "f" / "out", "is a file, not a folder"),
        (lambda d: (d / "out").mkdir() or (d / "out" / "thesis.docx").write_text("x"), "kg did not write"),
    ],
    ids=["a-file", "under-a-file", "a-folder-of-other-files"],
)
def test_unusable_out_folders(tmp_path: Path, make, message: str) -> None:
    made = make(tmp_path)
    out = made if isinstance(made, Path) else tmp_path / "out"
    with pytest.raises(OutDirError, match=message):
        check_usable(out)


def test_an_out_folder_that_cannot_be_written(tmp_path: Path) -> None:
    # /sys refuses new folders even to root; a chmod would not stop root, who runs CI
    if not Path("/sys").is_dir():
        pytest.skip("no /sys on this system")
    with pytest.raises(OutDirError, match="cannot write in /sys"):
        check_usable(Path("/sys/kg-out"))


# --- staged, sealed, swapped ------------------------------------------------------------------------


def test_a_build_replaces_the_folder_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build_into(out, {"claims.jsonl": "old\n", "graph.nt": "old\n"})
    _build_into(out, {"claims.jsonl": "new\n"})
    assert sorted(p.name for p in out.iterdir()) == ["claims.jsonl", MANIFEST]  # graph.nt gone
    assert (out / "claims.jsonl").read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder, no lock left
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["files"]["claims.jsonl"] == {
        "bytes": 4,
        "sha256": hashlib.sha256(b"new\n").hexdigest(),
    }
    assert manifest["inputs"] == [{"id": "a", "path": "a.txt", "sha256": "0" * 64}]
    assert check(out) == [] and verify(out) == []


def test_a_failed_build_leaves_the_previous_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build_into(out, {"claims.jsonl": "old\n"})
    before = _snapshot(tmp_path)
    with pytest.raises(RuntimeError), Build(out) as stage:
        (stage / "claims.jsonl").write_text("half")
        raise RuntimeError("an exporter failed")
    assert _snapshot(tmp_path) == before


def test_a_full_disk_leaves_the_previous_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    _build_into(out, {"claims.jsonl": "old\n"})
    before = _snapshot(tmp_path)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(outdir, "atomic_write_text", full)  # the manifest cannot be written
    with pytest.raises(OSError, match="No space left"), Build(out) as stage:
        (stage / "claims.jsonl").write_text("new\n")
    assert _snapshot(tmp_path) == before


def test_a_second_build_at_once_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Build(out), pytest.raises(BuildLocked, match="another kg build is writing into it"):
        Build(out).__enter__()
    _build_into(out, {"claims.jsonl": ""})  # the lock went with the first build


def test_leftovers_of_a_killed_build_are_cleaned_and_a_cut_swap_repaired(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build_into(out, {"claims.jsonl": "old\n"})
    # a build killed while staging, and a two-rename swap cut between its renames
    (tmp_path / ".out.kg-build-dead").mkdir()
    (tmp_path / ".out.kg-build-dead" / ".claims.jsonl.x.tmp").write_text("half")
    os.rename(out, tmp_path / ".out.kg-old-cut")
    with Build(out) as stage:
        assert check(out) == []  # put back before anything else
        (stage / "claims.jsonl").write_text("new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_check_finds_a_changed_or_missing_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build_into(out, {"claims.jsonl": "a\n", "graph.nt": "b\n"})
    (out / "graph.nt").write_text("c\n")  # same size: only the hash tells
    assert check(out) == []
    assert verify(out) == [f"{out / 'graph.nt'}: changed since the build (SHA-256 differs from {MANIFEST})"]
    (out / "claims.jsonl").unlink()
    assert check(out) == [f"{out / 'claims.jsonl'}: listed in {MANIFEST} but missing"]
    (out / MANIFEST).unlink()
    assert "no kg-manifest.json" in check(out)[0]


# --- kg build, killed or run twice at once ------------------------------------------------------


def _kg(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import app; app()", *args],
        cwd=REPO,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def two_corpora(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two one-article corpora, to tell the previous build from the next."""
    root = tmp_path_factory.mktemp("corpora")
    first, second = sorted(CORPUS.glob("*.txt"))[:2]
    (root / "one").mkdir()
    (root / "two").mkdir()
    shutil.copy(first, root / "one")
    shutil.copy(second, root / "two")
    return root / "one", root / "two"


@dataclass
class _Killed:
    out: Path
    previous: dict[str, str]
    code: int
    stderr: str


@pytest.fixture(scope="module")
def killed_builds(
    two_corpora: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory, kg_cli
) -> dict[str, _Killed]:
    """For each kill point: a build of ``one`` in --out, then a build of ``two`` into the same
    folder killed there. The killed builds run at once, each in its own process."""
    one, two = two_corpora
    runs = {}
    for point in KILL_POINTS:
        out = tmp_path_factory.mktemp(point) / "out"
        first = kg_cli(["build", str(one), "--out", str(out), "--quiet", "--no-validate"])
        assert first.exit_code == 0, first.output
        runs[point] = (
            out,
            _snapshot(out),
            _kg("build", str(two), "--out", str(out), "--quiet", "--no-validate", env={"KG_KILL_AT": point}),
        )
    killed = {}
    for point, (out, previous, process) in runs.items():
        _, stderr = process.communicate(timeout=300)
        killed[point] = _Killed(out, previous, process.returncode, stderr)
    return killed


@pytest.mark.parametrize("point", KILL_POINTS)
def test_kill_9_at_any_point_leaves_one_whole_build(
    point: str, killed_builds: dict[str, _Killed], two_corpora: tuple[Path, Path], kg_cli
) -> None:
    run = killed_builds[point]
    out = run.out
    assert run.code == -9, f"not killed at {point} (exit {run.code}): {run.stderr}"
    assert verify(out) == [], f"kill -9 at {point} left {out} inconsistent"
    if point == "after-swap":  # the new build was in place: it stays whole
        assert _snapshot(out) != run.previous
    else:
        assert _snapshot(out) == run.previous, f"kill -9 at {point} changed the previous build"
    # the next build cleans what the killed one left beside --out
    again = kg_cli(["build", str(two_corpora[1]), "--out", str(out), "--quiet", "--no-validate"])
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]
    assert verify(out) == []


def test_two_builds_at_once_never_mix(two_corpora: tuple[Path, Path], tmp_path: Path) -> None:
    one, two = two_corpora
    out = tmp_path / "out"
    builds = [
        _kg("build", str(corpus), "--out", str(out), "--quiet", "--no-validate") for corpus in (one, two)
    ]
    codes = sorted(b.wait(timeout=300) for b in builds)
    assert codes in ([0, 0], [0, 4]), codes
    if codes == [0, 4]:
        refused = next(b for b in builds if b.returncode == 4)
        assert refused.stderr is not None
        assert "another kg build is writing into it" in refused.stderr.read()
    assert verify(out) == []
    ids = {json.loads(line)["id"] for line in (out / "articles.jsonl").read_text().splitlines()}
    assert ids in ({p.stem for p in one.iterdir()}, {p.stem for p in two.iterdir()})

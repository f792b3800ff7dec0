"""The incremental build: unchanged articles come from the cache, byte-identical outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import pipeline
from kg.cache import CACHE

REPO = Path(__file__).resolve().parents[1]


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture
def three(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for path in sorted((REPO / "corpus").glob("*.txt"))[:3]:
        shutil.copy(path, src / path.name)
    return src


def _no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model was loaded: an article was parsed")

    monkeypatch.setattr(pipeline, "load_nlp", refuse)


def _stamps(out: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(out.iterdir())}


def test_an_unchanged_rebuild_is_up_to_date_and_writes_nothing(
    kg_cli, three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert kg_cli(["build", str(three), "--out", str(out), "--quiet"]).exit_code == 0
    before = _stamps(out)
    _no_parser(monkeypatch)
    again = kg_cli(["build", str(three), "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert "up to date" in again.output and "3 articles" in again.output
    assert _stamps(out) == before  # not one file written, the folder not swapped


def test_an_unchanged_corpus_rebuilds_from_the_cache_when_the_outputs_must_change(
    kg_cli, three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    assert kg_cli(["build", str(three), "--out", str(cold), "--quiet", "--no-cache"]).exit_code == 0
    assert not (cold / CACHE).exists()
    first = kg_cli(["build", str(three), "--out", str(warm)])
    assert first.exit_code == 0 and "0 articles from the cache, 3 parsed" in first.output
    assert len(list((warm / CACHE).iterdir())) == 3
    _no_parser(monkeypatch)
    # an output changed by hand: the build is no longer up to date, and is made again, unparsed
    (warm / "claims.jsonl").write_text("", encoding="utf-8")
    again = kg_cli(["build", str(three), "--out", str(warm)])
    assert again.exit_code == 0, again.output
    assert "3 articles from the cache, 0 parsed" in again.output
    assert _files(warm) == _files(cold)  # the manifest too: the same inputs, the same files
    # another option is another build (its manifest says so), still without parsing
    other = kg_cli(["build", str(three), "--out", str(warm), "--validate", "none"])
    assert other.exit_code == 0 and "3 articles from the cache, 0 parsed" in other.output
    assert {k: v for k, v in _files(warm).items() if k != "kg-manifest.json"} == {
        k: v for k, v in _files(cold).items() if k != "kg-manifest.json"
    }


def test_an_edited_article_is_parsed_again_and_a_deleted_one_leaves(
    kg_cli, three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert kg_cli(["build", str(three), "--out", str(out), "--quiet"]).exit_code == 0
    _, second, third = sorted(three.iterdir())
    second.write_text(second.read_text(encoding="utf-8") + "\n\nUn dernier paragraphe.\n", encoding="utf-8")
    third.unlink()
    result = kg_cli(["build", str(three), "--out", str(out)])
    assert result.exit_code == 0 and "1 articles from the cache, 1 parsed" in result.output
    assert len(list((out / CACHE).iterdir())) == 2  # the deleted article's entry left with it
    cold = tmp_path / "cold"
    assert kg_cli(["build", str(three), "--out", str(cold), "--quiet", "--no-cache"]).exit_code == 0
    assert _files(out) == _files(cold)


def test_a_broken_entry_is_a_miss_and_a_shared_cache_is_kept(
    kg_cli, three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared, out = tmp_path / "shared", tmp_path / "out"
    assert kg_cli(["build", str(three), "--out", str(out), "--quiet", "--cache", str(shared)]).exit_code == 0
    assert not (out / CACHE).exists() and len(list(shared.iterdir())) == 3
    entry = sorted(shared.iterdir())[0]
    entry.write_text('{"format": 1, "article": ', encoding="utf-8")  # cut short
    result = kg_cli(["build", str(three), "--out", str(tmp_path / "again"), "--cache", str(shared)])
    assert result.exit_code == 0 and "2 articles from the cache, 1 parsed" in result.output
    _no_parser(monkeypatch)
    result = kg_cli(["build", str(three), "--out", str(tmp_path / "other"), "--cache", str(shared)])
    assert result.exit_code == 0 and "3 articles from the cache, 0 parsed" in result.output


def test_another_kg_version_parses_everything(
    kg_cli, three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg import cache

    out = tmp_path / "out"
    assert kg_cli(["build", str(three), "--out", str(out), "--quiet"]).exit_code == 0
    monkeypatch.setattr(cache, "extraction_version", lambda: "another version of kg's code")
    result = kg_cli(["build", str(three), "--out", str(out)])
    assert result.exit_code == 0 and "0 articles from the cache, 3 parsed" in result.output


def test_timings_name_every_stage_on_one_line(kg_cli, three: Path, tmp_path: Path) -> None:
    result = kg_cli(["build", str(three), "--out", str(tmp_path / "out"), "--quiet", "--timings"])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if line.startswith("timings: ")]
    stages = dict(part.rsplit(" ", 2)[:2] for part in line.removeprefix("timings: ").split("; "))
    names = ["read", "prepare", "extract", "resolve", "export", "rdf", "store", "validate"]
    assert list(stages) == [*names, "manifest and swap", "total"]
    assert abs(sum(float(v) for k, v in stages.items() if k != "total") - float(stages["total"])) < 0.05

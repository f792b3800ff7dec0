"""kg build --scheduler: the parse on a Dask cluster (a LocalCluster of two worker processes)
gives the same outputs, byte for byte, as the parse in this process."""

from __future__ import annotations

import importlib.util
import shutil
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cache import _files

from kg import pipeline

REPO = Path(__file__).resolve().parents[1]

# dashboard off, but the scheduler's HTTP server (health, metrics) takes 8787 or another free port
pytestmark = pytest.mark.filterwarnings("ignore:Port 8787 is already in use:UserWarning")

needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="Dask is not installed (pip install 'kg[dask]'): kg build --scheduler is not tested",
)


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=40,  # logging.ERROR
    ) as local:
        yield local


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("six")
    for path in sorted((REPO / "corpus").glob("*.txt"))[:6]:
        shutil.copy(path, src / path.name)
    return src


@pytest.fixture(scope="module")
def local_build(kg_cli, six: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The six articles built in this process, in batches of two."""
    out = tmp_path_factory.mktemp("local") / "out"
    result = kg_cli(["build", str(six), "--out", str(out), "--quiet", "--no-cache", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    return out


def _refuse_local_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model was loaded in the process of kg build")

    monkeypatch.setattr(pipeline, "load_nlp", refuse)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@needs_dask
def test_a_build_on_the_cluster_is_the_local_build_and_parses_on_the_workers(
    kg_cli, cluster, six: Path, local_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client

    with Client(cluster.scheduler_address) as client:
        before = sum(client.run(lambda: __import__("kg.pipeline").pipeline.dask_batches).values())
    _refuse_local_parse(monkeypatch)  # every article must be parsed by a worker
    out = tmp_path / "out"
    result = kg_cli(
        ["build", str(six), "--out", str(out), "--scheduler", cluster.scheduler_address, "--batch-size", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "0 articles from the cache, 6 parsed" in result.output
    assert _files(out) == _files(local_build)  # the manifest too: no time in it
    assert len(list((out / "cache").iterdir())) == 6  # the records cached here, not on the workers
    with Client(cluster.scheduler_address) as client:
        batches = client.run(lambda: __import__("kg.pipeline").pipeline.dask_batches)
        models = client.run(lambda: __import__("kg.nlp").nlp._load_nlp.cache_info().currsize)
    assert sum(batches.values()) - before == 3  # six articles in batches of two, each parsed once
    assert all(models[w] == 1 for w, n in batches.items() if n)  # one model per worker that parsed
    # nothing to parse (every record in the cache): the build does not need the cluster
    again = kg_cli(["build", str(six), "--out", str(out), "--scheduler", "tcp://127.0.0.1:1"])
    assert again.exit_code == 0 and "up to date" in again.output


@needs_dask
def test_an_unreachable_scheduler_is_exit_2_and_keeps_the_previous_build(
    kg_cli, six: Path, local_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "CONNECT_TIMEOUT", 2.0)
    out = tmp_path / "out"
    shutil.copytree(local_build, out)
    address = f"tcp://127.0.0.1:{_free_port()}"
    result = kg_cli(["build", str(six), "--out", str(out), "--scheduler", address, "--no-cache"])
    assert result.exit_code == 2, result.output
    assert f"cannot reach the Dask scheduler at {address}" in result.output
    assert "Traceback" not in result.output
    assert _files(out) == _files(local_build)


@needs_dask
def test_a_worker_with_another_kg_is_refused(
    kg_cli, cluster, six: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_fingerprint", lambda model: ("another kg", "0.0"))
    result = kg_cli(
        ["build", str(six), "--out", str(tmp_path / "out"), "--scheduler", cluster.scheduler_address]
    )
    assert result.exit_code == 2, result.output
    assert f"a worker of the Dask scheduler at {cluster.scheduler_address} runs another kg" in result.output
    assert not (tmp_path / "out").exists()


def test_scheduler_and_workers_are_exclusive(kg_cli, six: Path, tmp_path: Path) -> None:
    result = kg_cli(
        [
            "build",
            str(six),
            "--out",
            str(tmp_path / "out"),
            "--scheduler",
            "tcp://127.0.0.1:1",
            "--workers",
            "2",
            "--force",
        ]
    )
    assert result.exit_code == 2 and "--scheduler and --workers 2" in result.output
    assert not (tmp_path / "out").exists()


def test_scheduler_without_dask_is_an_install_error(
    kg_cli, six: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # find_spec finds no distributed
    _refuse_local_parse(monkeypatch)
    result = kg_cli(["build", str(six), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert "kg build --scheduler needs Dask: pip install 'kg[dask]'" in result.output
    assert not (tmp_path / "out").exists()

"""The output folder of a build: checked first, locked, written whole, swapped in at the end.

A build never writes into ``--out`` itself. ``Build`` takes a lock beside it, writes every file
into a hidden staging folder next to it (``.outputs.kg-build-XXXX``), writes ``kg-manifest.json``
last (each file's size and SHA-256, the inputs' hashes), and only then puts the staging folder in
place of ``--out``: on Linux with one atomic ``renameat2(RENAME_EXCHANGE)``, elsewhere with two
renames that the next build repairs if it was cut in between. A crash, a ``kill -9``, a full disk
or an exception at any moment leaves the previous build whole; two builds into the same folder
cannot run at once. Readers (``kg query``, ``kg stats``) check the manifest with ``check``.

>>> import tempfile
>>> from pathlib import Path
>>> out = Path(tempfile.mkdtemp()) / "out"
>>> with Build(out, inputs=[]) as stage:
...     _ = (stage / "claims.jsonl").write_text("")
>>> sorted(p.name for p in out.iterdir())
['claims.jsonl', 'kg-manifest.json']
>>> check(out)
[]
>>> import shutil; shutil.rmtree(out.parent)
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import glob
import hashlib
import json
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from kg import __version__
from kg.atomic import atomic_write_text

__all__ = [
    "MANIFEST",
    "Build",
    "BuildLocked",
    "InputHash",
    "OutDirError",
    "check",
    "check_usable",
    "checkpoint",
    "file_sha256",
    "is_build_folder",
    "up_to_date",
    "verify",
]

MANIFEST = "kg-manifest.json"
_FORMAT = 1

# Notes: the names kg itself writes into an output folder, today or in earlier versions. A folder
# holding only these (and hidden files) is a build kg may replace; any other file makes --out a
# folder of the user's, which kg refuses to replace.
_KG_NAMES = frozenset(
    {
        MANIFEST,
        "claims.jsonl",
        "entities.jsonl",
        "articles.jsonl",
        "merges.jsonl",
        "problems.jsonl",
        "graph.nt",
        "graph.ttl",
        "graph.trig",
        "graph.jsonld",
        "graph.nq",
        "graph.graphml",
        "graph.gexf",
        "graph.cyjs",
        "viewer.html",
        "ontology.ttl",
        "shapes.ttl",
        "store",
        "cache",
    }
)


class OutDirError(Exception):
    """``--out`` cannot hold a build: the message says why, in plain words."""


class BuildLocked(OutDirError):
    """Another build is writing into the same ``--out``."""


@dataclass(frozen=True, slots=True)
class InputHash:
    """One article of a build, as the manifest lists it."""

    id: str
    path: str
    sha256: str


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in 1 MB pieces."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def is_build_folder(folder: Path) -> bool:
    """True when ``folder`` holds a kg build (its manifest)."""
    return (folder / MANIFEST).is_file()


def _foreign_entries(folder: Path) -> list[str]:
    """Entries of ``folder`` that kg did not write."""
    return sorted(e.name for e in folder.iterdir() if e.name not in _KG_NAMES and not e.name.startswith("."))


def _existing_ancestor(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return Path(path.anchor or ".")


def check_usable(out: Path) -> Path:
    """The absolute folder a build into ``out`` will replace, or ``OutDirError``.

    Checked before any parsing: ``out`` is not a file, nor under one; its parent folder can be
    written (the build is staged there); an existing ``out`` is empty or a kg build, never a
    folder of the user's other files.
    """
    target = Path(os.path.abspath(out))
    if target.is_symlink() and target.exists():
        target = target.resolve()
    if target == Path(target.anchor):
        raise OutDirError(f"--out {out}: the root folder cannot be a build folder")
    ancestor = _existing_ancestor(target)
    if ancestor == target:
        if not target.is_dir():
            raise OutDirError(f"--out {out}: is a file, not a folder")
        try:
            foreign = _foreign_entries(target)
        except OSError as exc:
            raise OutDirError(f"--out {out}: cannot read the folder ({exc.strerror or exc})") from None
        if foreign:
            shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
            raise OutDirError(
                f"--out {out}: the folder holds files kg did not write ({shown}); "
                "give a new or empty folder, or a previous kg build"
            )
    elif not ancestor.is_dir():
        raise OutDirError(f"--out {out}: {ancestor} is a file, not a folder")
    probe_in = _existing_ancestor(target.parent)
    try:  # the build is staged beside --out: try making a folder there (read-only, full, no right)
        os.rmdir(tempfile.mkdtemp(prefix=".kg-probe-", dir=probe_in))
    except OSError as exc:
        raise OutDirError(f"--out {out}: cannot write in {probe_in} ({exc.strerror or exc})") from None
    return target


# ---------------------------------------------------------------------------------------------
# The lock
# ---------------------------------------------------------------------------------------------


def _lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}.kg-lock"


class _Lock:
    """An exclusive ``flock`` on ``.NAME.kg-lock`` beside the folder; released by the kernel if
    the process dies, so a ``kill -9`` never leaves a stale lock."""

    def __init__(self, target: Path) -> None:
        self.path = _lock_path(target)
        self.fd: int | None = None

    def acquire(self) -> None:
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                holder = os.read(fd, 64).decode("ascii", "replace").strip()
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    who = f" (process {holder})" if holder.isdigit() else ""
                    raise BuildLocked(
                        f"--out {self.path.parent / self.path.name[1:].removesuffix('.kg-lock')}: "
                        f"another kg build is writing into it{who}; wait for it to finish"
                    ) from None
                raise
            # the file may have been removed by the previous holder between open and flock
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self.fd = fd

    def release(self) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        os.close(self.fd)
        self.fd = None


# ---------------------------------------------------------------------------------------------
# Swapping the staged folder in
# ---------------------------------------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2``); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # old kernel or file system
        return False
    raise OSError(code, os.strerror(code), str(b))


def _stale(target: Path) -> list[Path]:
    prefix = f".{target.name}.kg-"
    return sorted(
        p for p in target.parent.glob(f"{glob.escape(prefix)}*") if p.name != _lock_path(target).name
    )


def _recover(target: Path) -> None:
    """Under the lock: put back a previous build a cut two-rename swap left aside, and remove
    the staging folders of builds that died."""
    stale = _stale(target)
    olds = [p for p in stale if ".kg-old-" in p.name and is_build_folder(p)]
    if not target.exists() and olds:
        os.rename(olds[0], target)
        stale.remove(olds[0])
    for p in stale:
        shutil.rmtree(p, ignore_errors=True)


def _swap_in(stage: Path, target: Path) -> None:
    if not target.exists():
        os.rename(stage, target)
        return
    if _exchange(stage, target):
        shutil.rmtree(stage, ignore_errors=True)  # the previous build, now at the staging name
        return
    old = target.parent / f".{target.name}.kg-old-{secrets.token_hex(4)}"
    os.rename(target, old)
    os.rename(stage, target)
    shutil.rmtree(old, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The build context
# ---------------------------------------------------------------------------------------------


class Build:
    """``with Build(out, inputs=...) as stage:`` write the files into ``stage``; on a clean exit
    the manifest is written and ``stage`` replaces ``out``; on any error ``out`` is untouched.

    ``inputs`` (an iterable of ``InputHash``, read at exit) go into the manifest; ``meta`` adds
    fields (the model and its version; ``store``, what ``kg.store.write_store`` returns). The lock
    is taken on entering.
    """

    def __init__(
        self, out: Path, *, inputs: Iterable[InputHash] = (), meta: dict[str, object] | None = None
    ) -> None:
        self.target = check_usable(out)
        self.inputs = inputs
        self.meta: dict[str, object] = dict(meta or {})
        self._lock = _Lock(self.target)
        self.stage: Path | None = None

    def __enter__(self) -> Path:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._lock.acquire()
        try:
            _recover(self.target)
            self.stage = self.target.parent / f".{self.target.name}.kg-build-{secrets.token_hex(4)}"
            self.stage.mkdir()
        except BaseException:
            self._lock.release()
            raise
        return self.stage

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self.stage is not None
        try:
            if kind is None:
                write_manifest(self.stage, self.inputs, self.meta)
                checkpoint("before-swap")
                _swap_in(self.stage, self.target)
                checkpoint("after-swap")
        finally:
            if self.stage.exists():
                shutil.rmtree(self.stage, ignore_errors=True)
            self._lock.release()


def checkpoint(name: str) -> None:
    """A named point of the build where the fault-injection tests may kill it: with
    ``KG_KILL_AT=name`` in the environment the process sends itself SIGKILL here."""
    if os.environ.get("KG_KILL_AT") == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def write_manifest(folder: Path, inputs: Iterable[InputHash], meta: dict[str, object]) -> Path:
    """``kg-manifest.json`` of the files in ``folder``: written last, it seals the build. Folders
    (the store) are not hashed file by file: ``meta`` says what they hold."""
    files = {
        p.name: {"bytes": p.stat().st_size, "sha256": file_sha256(p)}
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != MANIFEST and not p.name.startswith(".")
    }
    manifest = {
        "kg_manifest": _FORMAT,
        "kg_version": __version__,
        **meta,
        "files": files,
        "inputs": [{"id": i.id, "path": i.path, "sha256": i.sha256} for i in inputs],
    }
    path = folder / MANIFEST
    atomic_write_text(path, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return path


def _manifest(out: Path) -> dict[str, object] | str:
    path = out / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return f"{out}: no {MANIFEST}; not a complete kg build, or one made by an older kg"
    except (OSError, ValueError) as exc:
        return f"{path}: unreadable ({exc})"
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return f"{path}: not a kg manifest"
    return data


def check(out: Path, *, hashes: bool = False) -> list[str]:
    """What is wrong with the build in ``out``: each file of the manifest present with its size
    (and, with ``hashes``, its SHA-256), no file missing from it. Empty when the build is whole."""
    data = _manifest(out)
    if isinstance(data, str):
        return [data]
    problems = []
    files = data["files"]
    assert isinstance(files, dict)
    for name, info in sorted(files.items()):
        path = out / name
        if not path.is_file():
            problems.append(f"{path}: listed in {MANIFEST} but missing")
        elif path.stat().st_size != info.get("bytes"):
            problems.append(f"{path}: changed since the build (size differs from {MANIFEST})")
        elif hashes and file_sha256(path) != info.get("sha256"):
            problems.append(f"{path}: changed since the build (SHA-256 differs from {MANIFEST})")
    return problems


def up_to_date(out: Path, key: str) -> bool:
    """Whether ``out`` holds a whole build, every file as its manifest says (SHA-256 checked), made
    from inputs and options whose ``kg.cache.build_key`` is ``key``: a build with nothing to do."""
    data = _manifest(out)
    if isinstance(data, str) or data.get("build_key") != key:
        return False
    if isinstance(data.get("store"), dict) and not (out / "store").is_dir():
        return False
    return not check(out, hashes=True)


def verify(out: Path) -> list[str]:
    """``check`` with every file's SHA-256 recomputed, and the store's content compared with
    ``graph.nq`` (a build whose store is missing, such as a fresh clone's ``outputs/``, passes:
    ``kg query`` then reads ``graph.nq``)."""
    problems = check(out, hashes=True)
    data = _manifest(out)
    info = data.get("store") if isinstance(data, dict) else None
    if isinstance(info, dict) and (out / "store").exists():
        from kg.store import verify_store

        problems += verify_store(out, info)
    return problems

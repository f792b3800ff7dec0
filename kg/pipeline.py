"""The build: articles in, KnowledgeGraph out, streaming a batch at a time.

``extract_records`` parses articles with ``nlp.pipe`` (or on N worker processes) and turns each
``Doc`` into an ``ArticleRecords`` at once, so no ``Doc`` outlives its batch (with ``scheduler``,
on the workers of a Dask cluster: only articles and records cross processes); ``build`` resolves
entities across articles, merges claims into accusations and returns the KnowledgeGraph.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import multiprocessing as mp
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc

from kg.accusations import extract_accusations
from kg.aliases import AliasRule
from kg.cache import RecordCache
from kg.claims import extract_claims
from kg.entities import ArticleEntities
from kg.graph import build_graph, short_hash
from kg.nlp import DEFAULT_MODEL, load_nlp
from kg.records import Article, ArticleRecords, Claim, InputProblem, KnowledgeGraph
from kg.resolve import resolve_entities

__all__ = ["build", "extract_article", "extract_records", "to_claims"]

_worker_model: str = DEFAULT_MODEL

# On a Dask worker: the batches this process parsed (its model is loaded once, by load_nlp's cache)
dask_batches: int = 0
_dask_lock = threading.Lock()  # a worker with several threads parses one batch at a time per process

WAIT_FOR_WORKERS = 60.0
"""Seconds a build waits for a first worker to join the scheduler."""

CONNECT_TIMEOUT = 10.0
"""Seconds a build tries to reach the scheduler."""


def extract_article(doc: Doc, article: Article) -> ArticleRecords:
    """Records of one parsed article."""
    ents = ArticleEntities(doc, article.id)
    claims = extract_accusations(ents, extract_claims(ents))
    return ArticleRecords(article=article, entities=ents.entities, claims=claims)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _init_worker(model: str) -> None:
    global _worker_model
    _worker_model = model
    load_nlp(model)


def _work(batch: list[Article]) -> list[ArticleRecords]:
    nlp = load_nlp(_worker_model)
    return [extract_article(doc, a) for doc, a in zip(nlp.pipe([a.text for a in batch]), batch, strict=True)]


def _fingerprint(model: str) -> tuple[str, str]:
    """What the records of a parse depend on besides the articles: kg's extraction code and the
    model's version (as ``kg build`` reads it, from the package metadata)."""
    import importlib.metadata

    from kg.cache import extraction_version

    if Path(model).is_dir():
        version = "local"
    else:
        try:
            version = importlib.metadata.version(model) or "unknown"
        except (importlib.metadata.PackageNotFoundError, ValueError):
            version = "not installed"
    return extraction_version(), version


def _dask_work(batch: list[Article], model: str) -> tuple[tuple[str, str], list[ArticleRecords]]:
    """A Dask task: the records of one batch, with the fingerprint of the worker's kg and model."""
    global dask_batches
    with _dask_lock:
        nlp = load_nlp(model)  # cached: loaded once per worker process
        records = [
            extract_article(doc, a)
            for doc, a in zip(nlp.pipe([a.text for a in batch], batch_size=len(batch)), batch, strict=True)
        ]
        dask_batches += 1
    return _fingerprint(model), records


def _extract_on_cluster(
    batches: Iterable[list[Article]], *, scheduler: str, model: str
) -> Iterator[ArticleRecords]:
    """The records of ``batches``, in order, parsed on the workers of the Dask scheduler at
    ``scheduler``. At most two batches per worker thread are in flight (submitted and not yet
    read back), so neither this process nor the cluster holds the whole corpus. Every failure
    (the scheduler unreachable or lost, a worker's error, another kg or model on a worker) is a
    ``RuntimeError`` naming the scheduler."""
    from distributed import Client

    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as e:  # OSError, TimeoutError, a malformed address (ValueError)
        raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {_reason(e)}") from None
    try:
        try:
            client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
            threads = sum(client.nthreads().values())
        except Exception as e:
            raise RuntimeError(
                f"the Dask scheduler at {scheduler} has no worker ({_reason(e)}); "
                f"start one with: dask worker {scheduler}"
            ) from None
        expected = _fingerprint(model)
        in_flight: collections.deque = collections.deque()
        limit = max(2 * threads, 2)
        pending = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(in_flight) < limit:
                batch = next(pending, None)
                if batch is None:
                    exhausted = True
                else:
                    in_flight.append((batch, client.submit(_dask_work, batch, model, pure=False)))
            if not in_flight:
                return
            batch, future = in_flight.popleft()
            try:
                fingerprint, records = future.result()
            except Exception as e:
                raise RuntimeError(
                    f"the Dask cluster at {scheduler} failed to parse the batch of {batch[0].id} "
                    f"({len(batch)} articles): {_reason(e)}"
                ) from None
            finally:
                del future
            if fingerprint != expected:
                raise RuntimeError(
                    f"a worker of the Dask scheduler at {scheduler} runs another kg or model "
                    f"(extraction code {fingerprint[0][:12]}, {model} {fingerprint[1]}) than this "
                    f"machine (extraction code {expected[0][:12]}, {model} {expected[1]}): install "
                    "the same kg and model on every worker"
                )
            yield from records
    finally:
        for _, future in in_flight:
            future.cancel()
        in_flight.clear()
        with contextlib.suppress(Exception):  # the scheduler is already gone: nothing left to close
            client.close(timeout=CONNECT_TIMEOUT)


def _reason(e: BaseException) -> str:
    """One line for an exception: its type, and its message when it has one."""
    text = " ".join(str(e).split())
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def extract_records(
    articles: Iterable[Article],
    *,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    batch_size: int = 16,
    scheduler: str | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Iterator[ArticleRecords]:
    """Parse and extract, in input order; ``workers`` > 1 parses on up to that many processes,
    ``scheduler`` (a Dask scheduler's address, ``tcp://HOST:PORT``) on the workers of that cluster.

    No more processes start than there are batches to parse: the first ``workers`` batches are
    read before the pool is made, and one batch is parsed in this process. With nothing to parse,
    no model is loaded and no scheduler is contacted. ``on_stage`` is told "loading the model"
    before the model loads here, and "parsing articles" once it is loaded.
    """
    batches = _batches(articles, batch_size)
    if scheduler is not None:
        first_batch = next(batches, None)
        if first_batch is None:
            return
        yield from _extract_on_cluster(
            itertools.chain([first_batch], batches), scheduler=scheduler, model=model
        )
        return
    first = list(itertools.islice(batches, max(workers, 1)))
    if not first:  # nothing to parse (every article came from the cache): no model is loaded
        return
    if workers <= 1 or len(first) <= 1:
        if on_stage:
            on_stage("loading the model")
        nlp = load_nlp(model)
        if on_stage:
            on_stage("parsing articles")
        for batch in itertools.chain(first, batches):
            for doc, a in zip(nlp.pipe([a.text for a in batch], batch_size=batch_size), batch, strict=True):
                yield extract_article(doc, a)
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(len(first), initializer=_init_worker, initargs=(model,)) as pool:
        for records in pool.imap(_work, itertools.chain(first, batches)):
            yield from records


def to_claims(records: list[ArticleRecords], id_of: dict[tuple[str, int], str]) -> list[Claim]:
    """ClaimMentions with local keys -> Claims with entity ids and stable claim ids."""
    claims: dict[str, Claim] = {}
    for r in records:
        aid = r.article.id
        for c in r.claims:
            speaker = id_of[(aid, c.speaker)]
            target = id_of[(aid, c.target)] if c.target is not None else None
            if target == speaker:
                continue
            reporter = id_of[(aid, c.reported_by)] if c.reported_by is not None else None
            if reporter in (speaker, target):
                reporter = None
            cid = "c-" + short_hash(aid, c.type, speaker, target, c.start, c.end, c.cue, c.status)
            claims[cid] = Claim(
                id=cid,
                type=c.type,
                article=aid,
                speaker=speaker,
                target=target,
                cue=c.cue,
                status=c.status,
                content=c.content,
                content_start=c.content_start,
                content_end=c.content_end,
                sentence=c.sentence,
                start=c.start,
                end=c.end,
                category=c.category,
                reported_by=reporter,
                about=tuple(id_of[(aid, k)] for k in c.about),
                link=c.link,
                score=c.score,
            )
    return list(claims.values())


def build(
    inputs: Iterable[Article | InputProblem],
    *,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    batch_size: int = 16,
    on_article: Callable[[Article], None] | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    aliases: list[AliasRule] | None = None,
    cache: RecordCache | None = None,
    timings: dict[str, float] | None = None,
    scheduler: str | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> KnowledgeGraph:
    """The whole build over an input stream of articles and input problems. With ``cache``,
    an article whose records it holds is not parsed, and the records of the others go into it.
    ``timings``, when given, receives the seconds spent in ``extract`` (reading the inputs left,
    the cache, parsing and extraction) and ``resolve`` (entity resolution and the merge).
    ``scheduler``: parse on that Dask cluster (see ``extract_records``); entity resolution and
    the merge still run here. ``on_stage`` is told of the stages from the parse on ("loading the
    model", "parsing articles", "resolving entities")."""
    started = time.perf_counter()
    problems: list[InputProblem] = []

    def articles() -> Iterator[Article]:
        for item in inputs:
            if isinstance(item, InputProblem):
                problems.append(item)
                if on_problem:
                    on_problem(item)
            else:
                yield item

    found: dict[int, ArticleRecords] = {}  # input position -> records
    parsed: list[int] = []  # the input positions of the articles sent to the parser, in order

    def to_parse() -> Iterator[Article]:
        for i, article in enumerate(articles()):
            kept = cache.get(article) if cache is not None else None
            if kept is None:
                parsed.append(i)
                yield article
            else:
                found[i] = kept
                if on_article:
                    on_article(article)

    records_parsed = extract_records(
        to_parse(),
        model=model,
        workers=workers,
        batch_size=batch_size,
        scheduler=scheduler,
        on_stage=on_stage,
    )
    for k, r in enumerate(records_parsed):
        found[parsed[k]] = r
        if cache is not None:
            cache.put(r)
        if on_article:
            on_article(r.article)
    records = [found[i] for i in sorted(found)]
    extracted = time.perf_counter()
    if on_stage:
        on_stage("resolving entities")
    entities, id_of, merges = resolve_entities(records, aliases)
    claims = to_claims(records, id_of)
    kg = build_graph([r.article for r in records], entities, claims, merges, problems)
    if timings is not None:
        timings["extract"] = extracted - started
        timings["resolve"] = time.perf_counter() - extracted
    return kg

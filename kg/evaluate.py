"""Scoring a build against gold annotations: the metrics behind ``kg evaluate``.

The gold set is one JSON file per article (``<article-id>.json``: ``entities`` and
``accusations``, see the README); a build is what ``kg build`` wrote (``claims.jsonl``,
``entities.jsonl`` and, for locating sentences, ``articles.jsonl``). ``evaluate`` works on rows
in memory, so that a training script can score each cross-validation fold without writing
files; ``evaluate_dir`` reads a gold folder and a build folder.

The metrics and their matching rules are those of ``score.py``, the reference scorer of the
shared evaluation kit, and give the same numbers on any build:

- ``pair``: precision, recall and F1 of (accuser, accused) pairs, per article, micro-averaged.
  A predicted name is resolved to a gold actor through the gold names and aliases (exact after
  normalisation, else a gold form inside the predicted span, else the predicted span inside a
  gold form, e.g. a surname, else a close spelling); a pair may also match through a gold
  ``accuser_alt`` / ``accused_alt``.
- ``offense``: the same, where a matched pair's ``offense`` text must also hold one gold
  keyword (every content word of it, compared by its first five letters).
- ``status``: the share of matched pairs with an accepted status (gold ``reported`` accepts
  ``asserted`` and ``alleged``).
- ``entity recall``: gold actors named by an entity of ``entities.jsonl`` in that article.
- ``xdoc``: of the gold actors found in the claims of two or more articles, the share that got
  one and the same id everywhere; ``overmerged``: ids standing for two or more gold actors.

Beyond those, a ``Report`` has figures per article and per batch of a folds file, the spurious
pairs of the hard negatives (articles whose gold lists no accusation), and a listing of every
missed and every spurious pair with the kg claims behind it or near it.

Predictions for articles not in the gold set are ignored; a gold article with no prediction
counts every gold pair as missed.

>>> gold = {"a1": {"entities": [{"name": "Paul Durand", "type": "PER", "aliases": []},
...                             {"name": "Greenpeace", "type": "ORG", "aliases": []}],
...                "accusations": [{"accuser": "Greenpeace", "accused": "Paul Durand",
...                                 "keywords": ["corruption"], "status": "alleged"}]}}
>>> claim = {"article": "a1", "accuser": {"id": "greenpeace", "name": "Greenpeace"},
...          "accused": {"id": "durand", "name": "Durand"}, "offense": "de corruption",
...          "status": "alleged"}
>>> report = evaluate(gold, [claim], [])
>>> report.pairs, report.status_accuracy
(Counts(tp=1, fp=0, fn=0), 1.0)
>>> report.total_line()[:51]
'articles 1  pair P 1.0 R 1.0 F1 1.0  offense F1 1.0'
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from kg.ingest import normalise_text

__all__ = [
    "ArticleScore",
    "BatchScore",
    "ClaimBrief",
    "Counts",
    "EvaluationError",
    "GoldNames",
    "Miss",
    "Report",
    "Spurious",
    "accepted_statuses",
    "evaluate",
    "evaluate_dir",
    "keyword_stems",
    "load_build",
    "load_folds",
    "load_gold",
    "normalise_name",
    "read_jsonl",
    "stem",
]

Pair = tuple[str, str]

# Leading determiners dropped from a name ("le Parquet" is "parquet").
_DETERMINERS = re.compile(r"^(?:l'|d'|la |le |les |du |des |de la |de l'|de |un |une )+")
# Words of a keyword that need not appear in the offense text.
_SMALL_WORDS = frozenset(
    {"de", "du", "des", "la", "le", "les", "l", "d", "un", "une", "et", "a", "au", "aux", "en"}
    | {"sa", "son", "ses"}
)
_STEM_LENGTH = 5
_SPELLING_RATIO = 0.88  # least similarity of two spellings of one name
_PART_RATIO = 0.3  # least share of a gold form that a predicted name inside it must cover
_DIGITS = 3  # figures are rounded as the reference scorer rounds them


class EvaluationError(ValueError):
    """A gold file, folds file or build file that cannot be read; the message names it."""


# ---------------------------------------------------------------------------------------------
# Matching rules
# ---------------------------------------------------------------------------------------------


def normalise_name(text: str | None) -> str:
    """``text`` lower-cased, without accents, punctuation or leading determiners.

    >>> normalise_name("Le Ministère public")
    'ministere public'
    >>> normalise_name("l’Élysée")
    'elysee'
    """
    s = unicodedata.normalize("NFKD", text or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("\u2019", "'").replace("`", "'")
    s = re.sub(r"[^\w' ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return _DETERMINERS.sub("", s).strip()


def stem(word: str) -> str:
    """The first five letters of a normalised word.

    >>> stem("Corruption")
    'corru'
    """
    return normalise_name(word)[:_STEM_LENGTH]


def keyword_stems(keyword: str) -> frozenset[str]:
    """The stems of the content words of a gold keyword; an offense text holds the keyword
    when it holds every one of them.

    >>> sorted(keyword_stems("acceptation d'un avantage"))
    ['accep', 'avant']
    """
    words = [w for w in re.split(r"[ ']+", normalise_name(keyword)) if w and w not in _SMALL_WORDS]
    return frozenset(stem(w) for w in words)


def accepted_statuses(status: str | None) -> set[str]:
    """The predicted statuses a gold status accepts: ``reported`` (relayed by a third party)
    says nothing of hedging, so it accepts ``asserted`` and ``alleged``.

    >>> sorted(accepted_statuses("reported"))
    ['alleged', 'asserted']
    """
    s = (status or "").lower()
    return {"asserted", "alleged"} if s == "reported" else {s}


class GoldNames:
    """Resolves predicted names to the canonical names of one article's gold entities."""

    def __init__(self, entities: Iterable[Mapping[str, Any]]) -> None:
        self.forms: list[tuple[str, str]] = []  # (normalised form, canonical name)
        for e in entities:
            for form in [e["name"], *e.get("aliases", [])]:
                n = normalise_name(form)
                if n:
                    self.forms.append((n, e["name"]))

    def resolve(self, name: str) -> str | None:
        """The canonical name of the gold entity ``name`` stands for, or None.

        >>> names = GoldNames([{"name": "Pierre Maudet", "aliases": ["l'élu PLR"]}])
        >>> names.resolve("Maudet"), names.resolve("l'élu PLR"), names.resolve("Genève")
        ('Pierre Maudet', 'Pierre Maudet', None)
        """
        n = normalise_name(name)
        if not n:
            return None
        for form, canon in self.forms:
            if n == form:
                return canon
        best, best_ratio = None, 0.0
        for form, canon in self.forms:
            if len(form) >= 3 and _holds_words(n, form):
                ratio = len(form) / len(n)  # the predicted span holds a gold form
                if ratio > best_ratio:
                    best, best_ratio = canon, ratio
            elif len(n) >= 4 and _holds_words(form, n):
                ratio = len(n) / len(form)  # a part of a gold form, e.g. the surname
                if ratio > best_ratio and ratio >= _PART_RATIO:
                    best, best_ratio = canon, ratio
            else:
                ratio = SequenceMatcher(None, n, form).ratio()
                if ratio >= _SPELLING_RATIO and ratio > best_ratio:
                    best, best_ratio = canon, ratio
        return best


def _holds_words(text: str, part: str) -> bool:
    """Whether ``part`` occurs in ``text`` as whole words."""
    return re.search(rf"(?:^| ){re.escape(part)}(?: |$)", text) is not None


def _name_of(end: object) -> str:
    """The name of a claim's accuser or accused (an ``{"id", "name", "type"}`` object)."""
    return str(end.get("name", "")) if isinstance(end, dict) else str(end or "")


def _id_of(end: object) -> str | None:
    """The entity id of a claim's accuser or accused, if it has one."""
    value = end.get("id") if isinstance(end, dict) else None
    return str(value) if value else None


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives; exact precision, recall and F1
    (``to_dict`` rounds them as the reference scorer does)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, _DIGITS),
            "recall": round(self.recall, _DIGITS),
            "f1": round(self.f1, _DIGITS),
        }


@dataclass(frozen=True, slots=True)
class ClaimBrief:
    """A kg claim as the listing shows it."""

    id: str
    type: str
    accuser: str
    accused: str
    cue: str
    offense: str
    status: str
    sentence: str
    start: int | None = None
    end: int | None = None

    @classmethod
    def of(cls, claim: Mapping[str, Any]) -> ClaimBrief:
        start, end = claim.get("start"), claim.get("end")
        return cls(
            id=str(claim.get("id") or ""),
            type=str(claim.get("type") or "accusation"),
            accuser=_name_of(claim.get("accuser")),
            accused=_name_of(claim.get("accused")),
            cue=str(claim.get("cue") or ""),
            offense=str(claim.get("offense") or ""),
            status=str(claim.get("status") or ""),
            sentence=str(claim.get("sentence") or ""),
            start=start if isinstance(start, int) else None,
            end=end if isinstance(end, int) else None,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "accuser": self.accuser,
            "accused": self.accused,
            "cue": self.cue,
            "offense": self.offense,
            "status": self.status,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold pair no kg claim matched.

    ``accuser_entities`` / ``accused_entities`` are the kg entities of the article that resolve
    to each end (empty: kg did not recognise that actor; both found: kg saw both actors but did
    not link them). ``nearby`` are the kg claims whose sentence overlaps a gold sentence.
    """

    article: str
    accuser: str
    accused: str
    statuses: tuple[str, ...]
    sentences: tuple[str, ...]
    accuser_entities: tuple[str, ...]
    accused_entities: tuple[str, ...]
    nearby: tuple[ClaimBrief, ...]

    @property
    def accuser_found(self) -> bool:
        return bool(self.accuser_entities)

    @property
    def accused_found(self) -> bool:
        return bool(self.accused_entities)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "accuser": self.accuser,
            "accused": self.accused,
            "statuses": list(self.statuses),
            "sentences": list(self.sentences),
            "accuser_found": self.accuser_found,
            "accused_found": self.accused_found,
            "accuser_entities": list(self.accuser_entities),
            "accused_entities": list(self.accused_entities),
            "nearby": [c.to_dict() for c in self.nearby],
        }


@dataclass(frozen=True, slots=True)
class Spurious:
    """A predicted pair that matches no gold pair, with the kg claims that make it.

    ``accuser`` / ``accused`` are gold canonical names, or ``?`` and the normalised predicted
    names when either end resolves to no gold actor.
    """

    article: str
    accuser: str
    accused: str
    claims: tuple[ClaimBrief, ...]
    hard_negative: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "accuser": self.accuser,
            "accused": self.accused,
            "hard_negative": self.hard_negative,
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """The figures of one gold article."""

    article: str
    batch: str | None
    pairs: Counts
    offense: Counts
    status_correct: int
    status_matched: int
    entities_found: int
    entities_total: int
    missed: tuple[Pair, ...]
    spurious: tuple[Pair, ...]
    hard_negative: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.pairs.to_dict(),
            "missed": [list(p) for p in self.missed],
            "spurious": [list(p) for p in self.spurious],
            "batch": self.batch,
            "offense": self.offense.to_dict(),
            "status_correct": self.status_correct,
            "status_matched": self.status_matched,
            "entities_found": self.entities_found,
            "entities_total": self.entities_total,
            "hard_negative": self.hard_negative,
        }


@dataclass(frozen=True, slots=True)
class BatchScore:
    """The figures of one batch of a folds file, micro-averaged over its articles."""

    batch: str
    articles: int
    pairs: Counts
    offense: Counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "batch": self.batch,
            "articles": self.articles,
            "pair": self.pairs.to_dict(),
            "offense": self.offense.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Everything ``evaluate`` measured. ``summary()`` holds the reference scorer's figures."""

    articles: int
    pairs: Counts
    offense: Counts
    status_correct: int
    status_matched: int
    entities_found: int
    entities_total: int
    xdoc_ids: dict[str, tuple[str, ...]]  # gold actor seen in 2+ articles -> its kg ids
    overmerged: dict[str, tuple[str, ...]]  # kg id -> the 2+ gold actors it stands for
    per_article: dict[str, ArticleScore]
    batches: dict[str, BatchScore] = field(default_factory=dict)
    misses: tuple[Miss, ...] = ()
    spurious: tuple[Spurious, ...] = ()

    @property
    def status_accuracy(self) -> float:
        return _ratio(self.status_correct, self.status_matched)

    @property
    def entity_recall(self) -> float:
        return _ratio(self.entities_found, self.entities_total)

    @property
    def xdoc_consistent(self) -> int:
        return sum(1 for ids in self.xdoc_ids.values() if len(ids) == 1)

    @property
    def xdoc_consistency(self) -> float | None:
        return self.xdoc_consistent / len(self.xdoc_ids) if self.xdoc_ids else None

    @property
    def hard_negatives(self) -> dict[str, int]:
        """Spurious pairs of each article whose gold lists no accusation."""
        return {a.article: len(a.spurious) for a in self.per_article.values() if a.hard_negative}

    @property
    def missed_ends(self) -> dict[str, int]:
        """Of the missed pairs, how many have an end kg did not recognise as an actor of the
        article (the accuser, the accused, either), against those whose two ends it has: those
        are missed by the accusation stage, or resolved to another actor at the mention."""
        accuser = sum(1 for m in self.misses if not m.accuser_found)
        accused = sum(1 for m in self.misses if not m.accused_found)
        either = sum(1 for m in self.misses if not (m.accuser_found and m.accused_found))
        return {
            "missed": len(self.misses),
            "an_end_not_recognised": either,
            "accuser_not_recognised": accuser,
            "accused_not_recognised": accused,
            "both_ends_recognised": len(self.misses) - either,
        }

    def missed_line(self) -> str:
        """The missed pairs, by whether kg recognised their ends."""
        m = self.missed_ends
        return (
            f"missed pairs {m['missed']}: {m['an_end_not_recognised']} with an end not recognised "
            f"(accuser {m['accuser_not_recognised']}, accused {m['accused_not_recognised']}), "
            f"{m['both_ends_recognised']} with both ends recognised"
        )

    def summary(self) -> dict[str, Any]:
        """The reference scorer's figures, under its keys and rounded as it rounds them."""
        xdoc = self.xdoc_consistency
        return {
            "articles": self.articles,
            "pair": self.pairs.to_dict(),
            "offense": self.offense.to_dict(),
            "status_accuracy": round(self.status_accuracy, _DIGITS),
            "entity_recall": round(self.entity_recall, _DIGITS),
            "xdoc_consistency": round(xdoc, _DIGITS) if xdoc is not None else None,
            "xdoc_entities": len(self.xdoc_ids),
            "overmerged_ids": len(self.overmerged),
        }

    def total_line(self) -> str:
        """The one-line summary, worded as the reference scorer's last line."""
        s = self.summary()
        p, o = s["pair"], s["offense"]
        return (
            f"articles {s['articles']}  pair P {p['precision']} R {p['recall']} F1 {p['f1']}  "
            f"offense F1 {o['f1']}  status {s['status_accuracy']}  "
            f"entity recall {s['entity_recall']}  "
            f"xdoc {s['xdoc_consistency']} ({s['xdoc_entities']} entities)  "
            f"overmerged {s['overmerged_ids']}"
        )

    def to_dict(self) -> dict[str, Any]:
        """The whole report as JSON-ready data; its top keys include ``summary()``'s."""
        return {
            **self.summary(),
            "per_article": {k: a.to_dict() for k, a in self.per_article.items()},
            "batches": {k: b.to_dict() for k, b in self.batches.items()},
            "hard_negatives": self.hard_negatives,
            "missed_ends": self.missed_ends,
            "xdoc_ids": {k: list(v) for k, v in self.xdoc_ids.items()},
            "overmerged": {k: list(v) for k, v in self.overmerged.items()},
            "misses": [m.to_dict() for m in self.misses],
            "spurious": [s.to_dict() for s in self.spurious],
        }


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def _check_gold(gold: object, where: str) -> None:
    """Raise ``EvaluationError`` naming ``where`` if ``gold`` is not a gold article."""

    def bad(problem: str) -> EvaluationError:
        return EvaluationError(f"{where}: {problem}")

    if not isinstance(gold, dict):
        raise bad("a gold article must be a JSON object")
    for key in ("entities", "accusations"):
        if not isinstance(gold.get(key), list):
            raise bad(f"{key!r} must be a list")
    for i, e in enumerate(gold["entities"]):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str):
            raise bad(f"entity {i} needs a string 'name'")
        if not _strings(e.get("aliases", [])):
            raise bad(f"entity {i}: 'aliases' must be a list of strings")
    for i, a in enumerate(gold["accusations"]):
        if not isinstance(a, dict) or not all(isinstance(a.get(k), str) for k in ("accuser", "accused")):
            raise bad(f"accusation {i} needs string 'accuser' and 'accused'")
        for key in ("accuser_alt", "accused_alt", "keywords"):
            if not _strings(a.get(key, [])):
                raise bad(f"accusation {i}: {key!r} must be a list of strings")
        if not isinstance(a.get("sentence", ""), str) or not isinstance(a.get("status"), str | None):
            raise bad(f"accusation {i}: 'sentence' and 'status' must be strings")


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _sentence_spans(text: str | None, sentence: str) -> list[tuple[int, int]]:
    """Where the gold ``sentence`` is in the normalised article ``text`` (empty: not found)."""
    target = normalise_text(sentence)
    if not text or not target:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(target), text)]


def _overlaps(claim: ClaimBrief, sentence: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the claim's sentence overlaps the gold ``sentence``: by offsets where both are
    known, else one normalised text holding the other."""
    if spans and claim.start is not None and claim.end is not None:
        return any(claim.start < end and start < claim.end for start, end in spans)
    gold, pred = normalise_name(sentence), normalise_name(claim.sentence)
    return bool(gold and pred) and (gold in pred or pred in gold)


@dataclass(slots=True)
class _Crossdoc:
    """Which kg ids each gold actor got, over all articles, and the other way round."""

    ids_of_gold: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    golds_of_id: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, article: str, canon: str | None, kg_id: str | None) -> None:
        if canon and kg_id:
            self.ids_of_gold[canon].add((article, kg_id))
            self.golds_of_id[kg_id].add(canon)


def _score_article(
    article: str,
    gold: Mapping[str, Any],
    claims: Sequence[Mapping[str, Any]],
    all_claims: Sequence[Mapping[str, Any]],
    entity_names: Sequence[tuple[str, str]],
    text: str | None,
    batch: str | None,
    crossdoc: _Crossdoc,
) -> tuple[ArticleScore, list[Miss], list[Spurious]]:
    """Score one gold article against its accusation ``claims`` and the (surface form, entity
    name) pairs of the kg entities mentioned in it."""
    names = GoldNames(gold["entities"])
    gold_pairs: dict[Pair, list[Mapping[str, Any]]] = defaultdict(list)
    stands_for: dict[Pair, Pair] = {}  # an acceptable (accuser, accused) -> its gold pair
    for a in gold["accusations"]:
        key = (a["accuser"], a["accused"])
        gold_pairs[key].append(a)
        for x in [a["accuser"], *a.get("accuser_alt", [])]:
            for y in [a["accused"], *a.get("accused_alt", [])]:
                stands_for.setdefault((x, y), key)

    pred_pairs: dict[Pair, list[Mapping[str, Any]]] = defaultdict(list)
    for c in claims:
        accuser, accused = c.get("accuser"), c.get("accused")
        ga, gb = names.resolve(_name_of(accuser)), names.resolve(_name_of(accused))
        crossdoc.add(article, ga, _id_of(accuser))
        crossdoc.add(article, gb, _id_of(accused))
        if ga and gb:
            key = (ga, gb)
        else:
            key = ("?" + normalise_name(_name_of(accuser)), "?" + normalise_name(_name_of(accused)))
        if key not in gold_pairs:  # a pair that is a gold pair of its own stays itself
            key = stands_for.get(key, key)
        pred_pairs[key].append(c)

    matched = [k for k in pred_pairs if k in gold_pairs]
    offense_tp = status_correct = 0
    for k in matched:
        stems = [s for a in gold_pairs[k] for w in a.get("keywords", []) if (s := keyword_stems(w))]
        offense_text = " ".join(str(c.get("offense", "")) for c in pred_pairs[k])
        words = {stem(w) for w in normalise_name(offense_text).split()}
        if not stems or any(s <= words for s in stems):
            offense_tp += 1
        accepted = set().union(*(accepted_statuses(a.get("status")) for a in gold_pairs[k]))
        status_correct += any(str(c.get("status") or "").lower() in accepted for c in pred_pairs[k])

    found: dict[str, list[str]] = defaultdict(list)  # gold canonical name -> kg entity names
    for form, entity_name in entity_names:
        canon = names.resolve(form)
        if canon and entity_name not in found[canon]:
            found[canon].append(entity_name)
    entities_found = sum(1 for e in gold["entities"] if e["name"] in found)

    missed = [k for k in gold_pairs if k not in pred_pairs]
    spurious = [k for k in pred_pairs if k not in gold_pairs]
    hard_negative = not gold["accusations"]
    score = ArticleScore(
        article=article,
        batch=batch,
        pairs=Counts(len(matched), len(pred_pairs) - len(matched), len(gold_pairs) - len(matched)),
        offense=Counts(offense_tp, len(pred_pairs) - offense_tp, len(gold_pairs) - offense_tp),
        status_correct=status_correct,
        status_matched=len(matched),
        entities_found=entities_found,
        entities_total=len(gold["entities"]),
        missed=tuple(missed),
        spurious=tuple(spurious),
        hard_negative=hard_negative,
    )
    briefs = [ClaimBrief.of(c) for c in all_claims]
    misses = []
    for k in missed:
        sentences = _unique(str(a.get("sentence") or "") for a in gold_pairs[k])
        spans = {s: _sentence_spans(text, s) for s in sentences}
        misses.append(
            Miss(
                article=article,
                accuser=k[0],
                accused=k[1],
                statuses=_unique(str(a.get("status") or "") for a in gold_pairs[k]),
                sentences=sentences,
                accuser_entities=tuple(found.get(k[0], ())),
                accused_entities=tuple(found.get(k[1], ())),
                nearby=tuple(b for b in briefs if any(_overlaps(b, s, spans[s]) for s in sentences if s)),
            )
        )
    spurious_rows = [
        Spurious(article, k[0], k[1], tuple(ClaimBrief.of(c) for c in pred_pairs[k]), hard_negative)
        for k in spurious
    ]
    return score, misses, spurious_rows


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def evaluate(
    gold: Mapping[str, Mapping[str, Any]],
    claims: Iterable[Mapping[str, Any]],
    entities: Iterable[Mapping[str, Any]],
    folds: Mapping[str, str] | None = None,
    articles: Mapping[str, str] | None = None,
) -> Report:
    """Score claim and entity rows (as in ``claims.jsonl`` / ``entities.jsonl``) against
    ``gold`` (article id -> gold article).

    ``folds`` (article id -> batch name) adds per-batch figures; ``articles`` (article id ->
    normalised text, as in ``articles.jsonl``) lets the listing find the kg claims near a
    missed gold sentence by offsets rather than by text. Raises ``EvaluationError`` for a
    malformed gold article.
    """
    for aid, g in gold.items():
        _check_gold(g, f"gold article {aid!r}")
    claims_of: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    accusations_of: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for c in claims:
        aid = str(c.get("article"))
        claims_of[aid].append(c)
        if c.get("type", "accusation") == "accusation":
            accusations_of[aid].append(c)
    names_of: dict[str, list[tuple[str, str]]] = defaultdict(list)  # article -> (form, entity name)
    for e in entities:
        forms = [str(e.get("name", "")), *map(str, e.get("aliases", []))]
        for aid in {str(m.get("article")) for m in e.get("mentions", [])}:
            names_of[aid].extend((form, str(e.get("name", ""))) for form in forms)

    crossdoc = _Crossdoc()
    per_article: dict[str, ArticleScore] = {}
    misses: list[Miss] = []
    spurious: list[Spurious] = []
    for aid, g in gold.items():
        batch = str(folds.get(aid, "(none)")) if folds is not None else None
        text = articles.get(aid) if articles is not None else None
        score, article_misses, article_spurious = _score_article(
            aid,
            g,
            claims=accusations_of.get(aid, []),
            all_claims=claims_of.get(aid, []),
            entity_names=names_of.get(aid, []),
            text=text,
            batch=batch,
            crossdoc=crossdoc,
        )
        per_article[aid] = score
        misses += article_misses
        spurious += article_spurious

    scores = list(per_article.values())
    batches: dict[str, BatchScore] = {}
    if folds is not None:
        for name in sorted({s.batch for s in scores if s.batch is not None}):
            members = [s for s in scores if s.batch == name]
            batches[name] = BatchScore(
                batch=name,
                articles=len(members),
                pairs=sum((s.pairs for s in members), Counts()),
                offense=sum((s.offense for s in members), Counts()),
            )
    xdoc_ids = {
        canon: tuple(sorted({i for _, i in seen}))
        for canon, seen in crossdoc.ids_of_gold.items()
        if len({a for a, _ in seen}) >= 2
    }
    overmerged = {i: tuple(sorted(gs)) for i, gs in crossdoc.golds_of_id.items() if len(gs) >= 2}
    return Report(
        articles=len(gold),
        pairs=sum((s.pairs for s in scores), Counts()),
        offense=sum((s.offense for s in scores), Counts()),
        status_correct=sum(s.status_correct for s in scores),
        status_matched=sum(s.status_matched for s in scores),
        entities_found=sum(s.entities_found for s in scores),
        entities_total=sum(s.entities_total for s in scores),
        xdoc_ids=xdoc_ids,
        overmerged=overmerged,
        per_article=per_article,
        batches=batches,
        misses=tuple(misses),
        spurious=tuple(spurious),
    )


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise EvaluationError(
            f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise EvaluationError(f"{path}: cannot be read ({e})") from None


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """The gold articles of ``gold_dir``, by article id (the file name without ``.json``), in
    sorted order. Raises ``EvaluationError`` for a missing or empty folder or a bad file."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: no such gold folder")
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        g = _read_json(path)
        _check_gold(g, str(path))
        gold[path.stem] = g
    if not gold:
        raise EvaluationError(f"{gold_dir}: no gold files (*.json) in this folder")
    return gold


def load_folds(path: Path) -> dict[str, str]:
    """A folds file: a JSON object, article id -> batch name."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(f"{path}: no such folds file")
    folds = _read_json(path)
    if not isinstance(folds, dict) or not all(isinstance(v, str | int) for v in folds.values()):
        raise EvaluationError(f"{path}: a folds file must be a JSON object of article id -> batch name")
    return {str(k): str(v) for k, v in folds.items()}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file; ``EvaluationError`` names a bad line."""
    rows = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise EvaluationError(f"{path}: cannot be read ({e})") from None
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvaluationError(f"{path}:{i}: not valid JSON ({e.msg})") from None
        if not isinstance(row, dict):
            raise EvaluationError(f"{path}:{i}: not a JSON object")
        rows.append(row)
    return rows


def load_build(out_dir: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    """The claims, entities and article texts (id -> text) of a build folder.

    ``claims.jsonl`` is required; a missing ``entities.jsonl`` or ``articles.jsonl`` reads as
    empty (no entity is then found, and claims near a miss are found by text).
    """
    out_dir = Path(out_dir)
    claims_path = out_dir / "claims.jsonl"
    if not claims_path.is_file():
        raise EvaluationError(f"{claims_path}: no such file; run `kg build INPUTS --out {out_dir}` first")
    claims = read_jsonl(claims_path)
    entities_path, articles_path = out_dir / "entities.jsonl", out_dir / "articles.jsonl"
    entities = read_jsonl(entities_path) if entities_path.is_file() else []
    texts: dict[str, str] = {}
    if articles_path.is_file():
        for row in read_jsonl(articles_path):
            if isinstance(row.get("text"), str):
                texts[str(row.get("id"))] = row["text"]
    return claims, entities, texts


def evaluate_dir(gold_dir: Path, out_dir: Path, folds_path: Path | None = None) -> Report:
    """Score the build in ``out_dir`` against the gold folder ``gold_dir``."""
    gold = load_gold(gold_dir)
    folds = load_folds(folds_path) if folds_path is not None else None
    claims, entities, texts = load_build(out_dir)
    return evaluate(gold, claims, entities, folds=folds, articles=texts)

"""Train the accusation model on annotated articles, and measure it by cross-validation.

    python -m kg.train GOLD_DIR ARTICLES_DIR --folds FOLDS.json            # leave-one-batch-out
    python -m kg.train GOLD_DIR ARTICLES_DIR --folds FOLDS.json --write    # and ship the model
    python -m kg.train GOLD_DIR ARTICLES_DIR --folds FOLDS.json --curve    # and F1 at fixed thresholds

Every article is parsed once; the candidates of ``kg.accusations`` are labelled from the gold
(a candidate is positive when its two actors resolve to a gold accusation's accuser and accused
and its sentence overlaps that accusation's sentence; a gold pair seen in another sentence is left
out of training rather than called negative). Cross-validation holds out one batch at a time: the
model and its threshold are chosen on the other batches only (the threshold by an inner
leave-one-batch-out), then the held-out batch is built and scored with ``kg.evaluate``. ``--write``
trains on every batch, with the threshold of the pooled cross-validation, and writes
``kg/models/accusations.json``. Needs scikit-learn (``pip install -e '.[train]'``); running the
shipped model does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.accusations import Candidate, Model, candidates, sentence_claims
from kg.claims import extract_claims
from kg.entities import ArticleEntities
from kg.evaluate import GoldNames, evaluate, load_gold
from kg.export import claim_record, entity_record
from kg.ingest import iter_inputs, normalise_text
from kg.nlp import DEFAULT_MODEL, load_nlp
from kg.records import Article, ArticleRecords, ClaimMention, LocalEntity
from kg.resolve import resolve_entities

__all__ = ["Prepared", "fit", "main", "prepare", "threshold_curve"]

_C = 0.1  # inverse regularisation strength of the logistic model
_PER_SENTENCE = 2  # pairs kept in one sentence
_SHIPPED = Path(__file__).resolve().parent / "models" / "accusations.json"
_GRID = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))


@dataclass(slots=True)
class Prepared:
    """One annotated article, parsed and turned into labelled candidates."""

    article: Article
    entities: list[LocalEntity]
    rules: list[ClaimMention]
    cands: list[Candidate]
    labels: list[int]  # 1, 0, or -1 (left out: the gold pair, in another sentence)


def _label(cands: list[Candidate], ents: list[LocalEntity], gold: dict[str, Any], text: str) -> list[int]:
    resolver = GoldNames(gold.get("entities", []))
    canon = {e.key: resolver.resolve(e.name) for e in ents}
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for a in gold.get("accusations", []):
        sentence = normalise_text(a.get("sentence", "")).strip()
        at = text.find(sentence) if sentence else -1
        span = (at, at + len(sentence)) if at >= 0 else (-1, -1)
        for x in [a["accuser"], *a.get("accuser_alt", [])]:
            for y in [a["accused"], *a.get("accused_alt", [])]:
                spans.setdefault((x, y), []).append(span)
    out = []
    for c in cands:
        x, y = canon.get(c.accuser), canon.get(c.accused)
        if x is None or y is None or (x, y) not in spans:
            out.append(0)
            continue
        s0, s1 = c.sent.start_char, c.sent.end_char
        hit = any(a < s1 and s0 < b for a, b in spans[(x, y)])
        out.append(1 if hit else -1)
    return out


def prepare(gold_dir: Path, articles_dir: Path, *, model: str = DEFAULT_MODEL) -> list[Prepared]:
    """Parse the annotated articles and label their candidates."""
    gold = load_gold(gold_dir)
    articles = [a for a in iter_inputs([articles_dir]) if isinstance(a, Article) and a.id in gold]
    nlp = load_nlp(model)
    out = []
    for doc, a in zip(nlp.pipe([a.text for a in articles], batch_size=16), articles, strict=True):
        ents = ArticleEntities(doc, a.id)
        rules = extract_claims(ents)
        cands = candidates(ents, rules)
        out.append(Prepared(a, ents.entities, rules, cands, _label(cands, ents.entities, gold[a.id], a.text)))
    return out


def fit(items: Iterable[Prepared], *, c: float = _C) -> Model:
    """A logistic model over the labelled candidates of ``items`` (threshold 0.5)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for p in items:
        for cand, y in zip(p.cands, p.labels, strict=True):
            if y >= 0:
                xs.append(cand.features)
                ys.append(y)
    vec = DictVectorizer()
    matrix = vec.fit_transform(xs)
    lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    lr.fit(matrix, ys)
    weights = {
        name: float(w) for name, w in zip(vec.feature_names_, lr.coef_[0], strict=True) if abs(w) > 1e-6
    }
    return Model(weights=weights, bias=float(lr.intercept_[0]), threshold=0.5)


def _records(items: Iterable[Prepared], model: Model, threshold: float) -> list[ArticleRecords]:
    out = []
    for p in items:
        for cand in p.cands:
            cand.score = model.probability(cand.features)
        claims = sentence_claims(p.cands, threshold, _PER_SENTENCE, article=p.article.id)
        others = [r for r in p.rules if r.type != "accusation"]
        out.append(ArticleRecords(article=p.article, entities=p.entities, claims=[*others, *claims]))
    return out


def _score(items: list[Prepared], model: Model, threshold: float, gold: dict[str, Any]) -> dict[str, Any]:
    from kg.pipeline import to_claims

    records = _records(items, model, threshold)
    entities, id_of, _ = resolve_entities(records)
    claims = to_claims(records, id_of)
    index = {e.id: e for e in entities}
    rows = [claim_record(c, index) for c in claims]
    ents = [entity_record(e) for e in entities]
    sub = {p.article.id: gold[p.article.id] for p in items}
    return evaluate(sub, rows, ents).summary()


def _quick_pairs(
    items: list[Prepared], model: Model, threshold: float, gold: dict[str, Any]
) -> dict[str, int]:
    """Pair counts with each article's own entity names (no cross-article resolution): the
    cheap score the threshold search runs many times."""
    rows = []
    for r in _records(items, model, threshold):
        names = r.entities
        for c in r.claims:
            if c.type != "accusation" or c.target is None:
                continue
            rows.append(
                {
                    "type": "accusation",
                    "article": r.article.id,
                    "accuser": {"id": f"{r.article.id}/{c.speaker}", "name": names[c.speaker].name},
                    "accused": {"id": f"{r.article.id}/{c.target}", "name": names[c.target].name},
                    "offense": c.content,
                    "status": c.status,
                }
            )
    sub = {p.article.id: gold[p.article.id] for p in items}
    return evaluate(sub, rows, []).summary()["pair"]


def _f1(v: list[int]) -> float:
    return 2 * v[0] / (2 * v[0] + v[1] + v[2]) if v[0] else 0.0


def _pooled_counts(
    items: list[Prepared], batches: dict[str, str], gold: dict[str, Any]
) -> dict[float, list[int]]:
    """Pair (tp, fp, fn) of a leave-one-batch-out over ``items``, pooled, at each threshold."""
    totals = {t: [0, 0, 0] for t in _GRID}
    for b in sorted({batches[p.article.id] for p in items}):
        train = [p for p in items if batches[p.article.id] != b]
        test = [p for p in items if batches[p.article.id] == b]
        model = fit(train)
        for t in _GRID:
            pair = _quick_pairs(test, model, t, gold)
            for i, k in enumerate(("tp", "fp", "fn")):
                totals[t][i] += pair[k]
    return totals


def _best_threshold(items: list[Prepared], batches: dict[str, str], gold: dict[str, Any]) -> float:
    """The threshold that maximises pooled pair F1 of a leave-one-batch-out over ``items``."""
    if len({batches[p.article.id] for p in items}) < 2:
        return 0.5  # nothing to hold out
    totals = _pooled_counts(items, batches, gold)
    return max(_GRID, key=lambda t: (_f1(totals[t]), -abs(t - 0.5)))


def threshold_curve(
    items: list[Prepared], batches: dict[str, str], gold: dict[str, Any]
) -> dict[float, float]:
    """Pooled leave-one-batch-out pair F1 at each fixed threshold of the grid: the model of each
    fold is trained on the other batches, the threshold is not chosen. Steadier than the
    cross-validated figure when two versions of kg are compared (a fold's threshold choice moves
    that one by a point or two)."""
    return {t: round(_f1(v), 3) for t, v in _pooled_counts(items, batches, gold).items()}


def cross_validate(items: list[Prepared], batches: dict[str, str], gold: dict[str, Any]) -> dict[str, Any]:
    """Leave-one-batch-out: model and threshold from the other batches, scored on the one out."""
    out: dict[str, Any] = {}
    for b in sorted({batches[p.article.id] for p in items}):
        train = [p for p in items if batches[p.article.id] != b]
        test = [p for p in items if batches[p.article.id] == b]
        threshold = _best_threshold(train, batches, gold)
        report = _score(test, fit(train), threshold, gold)
        out[b] = {
            "threshold": threshold,
            "articles": len(test),
            **{k: report[k] for k in ("pair", "offense")},
        }
        out[b]["status_accuracy"] = report["status_accuracy"]
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m kg.train", description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, help="folder of gold <article-id>.json files")
    ap.add_argument("articles", type=Path, help="folder of the annotated articles")
    ap.add_argument("--folds", type=Path, required=True, help="folds.json: article id -> batch")
    ap.add_argument("--write", action="store_true", help="train on every batch and write the shipped model")
    ap.add_argument(
        "--curve", action="store_true", help="also print the pooled F1 at each fixed threshold (no choice)"
    )
    ap.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline")
    ap.add_argument(
        "--model-out",
        type=Path,
        default=_SHIPPED,
        help="where --write puts the model (default: the package's)",
    )
    args = ap.parse_args(argv)
    gold = load_gold(args.gold)
    batches = json.loads(args.folds.read_text(encoding="utf-8"))
    items = prepare(args.gold, args.articles, model=args.model)
    n_pos = sum(y == 1 for p in items for y in p.labels)
    n = sum(y >= 0 for p in items for y in p.labels)
    print(f"{len(items)} articles, {n} labelled candidates, {n_pos} positive", file=sys.stderr)
    cv = cross_validate(items, batches, gold)
    tp = fp = fn = 0
    for b, r in cv.items():
        p = r["pair"]
        tp, fp, fn = tp + p["tp"], fp + p["fp"], fn + p["fn"]
        print(
            f"held-out batch {b}: {r['articles']} articles  threshold {r['threshold']}  "
            f"pair P {p['precision']} R {p['recall']} F1 {p['f1']}  offense F1 {r['offense']['f1']}  "
            f"status {r['status_accuracy']}"
        )
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    print(f"pooled cross-validated pair F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})")
    if args.curve:
        curve = threshold_curve(items, batches, gold)
        print("pooled pair F1 at a fixed threshold: " + "  ".join(f"{t}: {v}" for t, v in curve.items()))
    if args.write:
        threshold = _best_threshold(items, batches, gold)
        model = fit(items)
        final = Model(
            weights=model.weights,
            bias=model.bias,
            threshold=threshold,
            per_sentence=_PER_SENTENCE,
            meta={
                "trained_on": f"{len(items)} articles, {n} labelled candidates ({n_pos} positive)",
                "command": "python -m kg.train GOLD_DIR ARTICLES_DIR --folds FOLDS.json --write",
                "spacy_model": args.model,
                "C": _C,
                "cross_validation": {b: r["pair"]["f1"] for b, r in cv.items()},
            },
        )
        args.model_out.write_text(final.to_json(), encoding="utf-8")
        print(f"wrote {args.model_out} (threshold {threshold})", file=sys.stderr)


if __name__ == "__main__":
    main()

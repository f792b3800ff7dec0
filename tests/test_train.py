"""Training the accusation model: labels from gold, a fit, the leave-one-batch-out and the
written model, on a few small articles made here (the real model parses them)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("sklearn")

from kg.accusations import load_model
from kg.train import cross_validate, fit, main, prepare

_ARTICLES = {
    "a1": ("Marie Dubois accuse Paul Martin de fraude fiscale.", "Marie Dubois", "Paul Martin"),
    "a2": ("Luc Girard accuse Anne Roux de corruption. Anne Roux dément.", "Luc Girard", "Anne Roux"),
    "b1": ("Jean Morel reproche à Claire Petit ses mensonges.", "Jean Morel", "Claire Petit"),
    "b2": ("Sophie Lambert accuse Marc Durand de vol.", "Sophie Lambert", "Marc Durand"),
}


def _corpus(root: Path) -> tuple[Path, Path, Path]:
    arts, gold = root / "articles", root / "gold"
    arts.mkdir()
    gold.mkdir()
    for aid, (text, x, y) in _ARTICLES.items():
        (arts / f"{aid}.txt").write_text(f"Une affaire en cours\n\n{text}\n", encoding="utf-8")
        record = {
            "id": aid,
            "entities": [
                {"name": x, "type": "PER", "aliases": [x]},
                {"name": y, "type": "PER", "aliases": [y]},
            ],
            "accusations": [
                {"accuser": x, "accused": y, "offense": "", "keywords": [], "sentence": text.split(". ")[0]}
            ],
        }
        (gold / f"{aid}.json").write_text(json.dumps(record), encoding="utf-8")
    folds = root / "folds.json"
    folds.write_text(json.dumps({a: a[0] for a in _ARTICLES}), encoding="utf-8")
    return gold, arts, folds


def test_labels_fit_and_cross_validation(tmp_path: Path) -> None:
    gold_dir, arts, folds = _corpus(tmp_path)
    items = prepare(gold_dir, arts)
    assert {p.article.id for p in items} == set(_ARTICLES)
    for p in items:
        _, x, y = _ARTICLES[p.article.id]
        names: dict[tuple[str, str], int] = {}
        for c, lab in zip(p.cands, p.labels, strict=True):
            key = (p.entities[c.accuser].name, p.entities[c.accused].name)
            names[key] = max(lab, names.get(key, -1))
        assert names.get((x, y)) == 1, (p.article.id, names)
        assert names.get((y, x), 0) == 0
    model = fit(items)
    for p in items:
        _, x, y = _ARTICLES[p.article.id]
        scores = {
            (p.entities[c.accuser].name, p.entities[c.accused].name): model.probability(c.features)
            for c in p.cands
        }
        assert scores[(x, y)] > scores.get((y, x), 0.0)
    gold = {a: json.loads((gold_dir / f"{a}.json").read_text(encoding="utf-8")) for a in _ARTICLES}
    cv = cross_validate(items, json.loads(folds.read_text(encoding="utf-8")), gold)
    assert set(cv) == {"a", "b"}
    assert all(0.0 <= r["pair"]["f1"] <= 1.0 and r["articles"] == 2 for r in cv.values())


def test_the_command_writes_a_model_that_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, arts, folds = _corpus(tmp_path)
    out = tmp_path / "model.json"
    main([str(gold_dir), str(arts), "--folds", str(folds), "--write", "--model-out", str(out), "--curve"])
    printed = capsys.readouterr().out
    assert "held-out batch a" in printed and "held-out batch b" in printed
    curve = next(
        line for line in printed.splitlines() if line.startswith("pooled pair F1 at a fixed threshold")
    )
    values = [float(v) for v in re.findall(r"(?<=: )[0-9.]+", curve.split(": ", 1)[1])]
    assert len(values) == 10 and all(0.0 <= v <= 1.0 for v in values), curve
    model = load_model(out.read_text(encoding="utf-8"))
    assert model.weights and 0.0 < model.threshold < 1.0
    assert model.meta["command"].startswith("python -m kg.train")

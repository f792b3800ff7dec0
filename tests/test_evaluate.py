"""``kg.evaluate`` and ``kg evaluate``: the matching rules, the extra figures, the listing, the
command line, and agreement with the reference scorer of the shared evaluation kit.

Gold sets and builds are small and synthetic, written in ``tmp_path``: no spaCy model is used.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.evaluate import (
    Counts,
    EvaluationError,
    GoldNames,
    evaluate,
    evaluate_dir,
    keyword_stems,
    load_folds,
    load_gold,
    normalise_name,
)

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"

Row = dict[str, Any]


# ---------------------------------------------------------------------------------------------
# Builders of gold articles, claims and entities
# ---------------------------------------------------------------------------------------------


def ent(name: str, type_: str = "ORG", *aliases: str) -> Row:
    return {"name": name, "type": type_, "aliases": list(aliases)}


def acc(
    accuser: str, accused: str, *keywords: str, status: str = "asserted", sentence: str = "", **extra: Any
) -> Row:
    return {
        "accuser": accuser,
        "accused": accused,
        "offense": " ".join(keywords),
        "keywords": list(keywords),
        "sentence": sentence,
        "status": status,
        "reported_by": None,
        **extra,
    }


def end(name: str, id_: str | None = None) -> Row:
    return {"id": id_ if id_ is not None else name.lower().replace(" ", "-"), "name": name, "type": "ORG"}


def claim(
    article: str,
    accuser: str | Row,
    accused: str | Row,
    offense: str = "",
    status: str = "asserted",
    **extra: Any,
) -> Row:
    return {
        "id": f"c-{article}-{extra.get('start', 0)}",
        "type": "accusation",
        "accuser": end(accuser) if isinstance(accuser, str) else accuser,
        "accused": end(accused) if isinstance(accused, str) else accused,
        "offense": offense,
        "cue": "accuser",
        "status": status,
        "reported_by": None,
        "article": article,
        "sentence": offense,
        **extra,
    }


def entity(name: str, *articles: str, aliases: Sequence[str] = (), id_: str | None = None) -> Row:
    return {
        "id": id_ or name.lower().replace(" ", "-"),
        "name": name,
        "type": "ORG",
        "aliases": [name, *aliases],
        "mentions": [{"article": a, "start": 0, "end": len(name), "text": name} for a in articles],
    }


def gold_article(entities: Iterable[Row], accusations: Iterable[Row]) -> Row:
    return {"entities": list(entities), "accusations": list(accusations)}


def write_jsonl(path: Path, rows: Iterable[Row]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def write_case(
    root: Path,
    gold: dict[str, Row],
    claims: Iterable[Row],
    entities: Iterable[Row] = (),
    *,
    folds: dict[str, str] | None = None,
    texts: dict[str, str] | None = None,
) -> tuple[Path, Path, Path | None]:
    """Write a gold folder, a build folder and a folds file under ``root``."""
    gold_dir, out_dir = root / "gold", root / "out"
    gold_dir.mkdir(parents=True)
    out_dir.mkdir()
    for aid, g in gold.items():
        (gold_dir / f"{aid}.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    write_jsonl(out_dir / "claims.jsonl", claims)
    write_jsonl(out_dir / "entities.jsonl", entities)
    write_jsonl(out_dir / "articles.jsonl", [{"id": k, "text": v} for k, v in (texts or {}).items()])
    folds_path = None
    if folds is not None:
        folds_path = root / "folds.json"
        folds_path.write_text(json.dumps(folds), encoding="utf-8")
    return gold_dir, out_dir, folds_path


MAUDET = gold_article(
    [
        ent("Ministère public genevois", "ORG", "Le Ministère public", "Le Parquet"),
        ent("Pierre Maudet", "PER", "l'élu PLR"),
        ent("Greenpeace"),
        ent("TotalEnergies"),
    ],
    [
        acc("Ministère public genevois", "Pierre Maudet", "menti", status="alleged"),
        acc("Greenpeace", "TotalEnergies", "greenwashing", status="reported"),
    ],
)


# ---------------------------------------------------------------------------------------------
# Matching rules
# ---------------------------------------------------------------------------------------------


def test_exact_match_is_a_true_positive_and_an_extra_pair_a_false_positive() -> None:
    report = evaluate(
        {"a1": MAUDET},
        [
            claim("a1", "Greenpeace", "TotalEnergies", "de greenwashing"),
            claim("a1", "Greenpeace", "Pierre Maudet", "de mensonge"),
        ],
        [],
    )
    assert report.pairs == Counts(tp=1, fp=1, fn=1)
    article = report.per_article["a1"]
    assert article.missed == (("Ministère public genevois", "Pierre Maudet"),)
    assert article.spurious == (("Greenpeace", "Pierre Maudet"),)
    assert report.summary()["pair"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}


@pytest.mark.parametrize(
    ("predicted", "canonical"),
    [
        ("le Parquet", "Ministère public genevois"),  # an alias, determiner dropped
        ("LE MINISTÈRE PUBLIC", "Ministère public genevois"),  # case and accents
        ("Maudet", "Pierre Maudet"),  # a surname: part of a gold form
        ("le procureur Pierre Maudet", "Pierre Maudet"),  # a predicted span holding a gold form
        ("Greenpeeace", "Greenpeace"),  # a close spelling
        ("Piere Maudey", "Pierre Maudet"),  # just close enough (similarity 0.88)
        ("Greenpeas", None),  # not close enough (0.84)
        ("Jean Dupont", None),
        ("Pierre Dupont", None),
        ("", None),
    ],
)
def test_gold_names_resolve_aliases_surnames_and_spellings(predicted: str, canonical: str | None) -> None:
    assert GoldNames(MAUDET["entities"]).resolve(predicted) == canonical


def test_the_longest_gold_form_inside_a_predicted_span_wins() -> None:
    names = GoldNames([ent("Paris", "GPE"), ent("Parquet de Paris")])
    assert names.resolve("le procureur du Parquet de Paris") == "Parquet de Paris"
    assert names.resolve("la mairie de Paris") == "Paris"


def test_alias_and_surname_ends_match_the_gold_pair() -> None:
    report = evaluate({"a1": MAUDET}, [claim("a1", "le Parquet", "Maudet", "d'avoir menti", "alleged")], [])
    assert report.pairs == Counts(tp=1, fp=0, fn=1)
    assert report.per_article["a1"].missed == (("Greenpeace", "TotalEnergies"),)


def test_an_unresolved_end_makes_a_spurious_pair_of_predicted_names() -> None:
    report = evaluate({"a1": MAUDET}, [claim("a1", "le Parquet", "Jean Dupont")], [])
    assert report.pairs == Counts(tp=0, fp=1, fn=2)
    assert report.per_article["a1"].spurious == (("?parquet", "?jean dupont"),)


def test_alt_accuser_and_alt_accused_match_the_gold_pair() -> None:
    gold = gold_article(
        [ent("Mali", "GPE"), ent("Abdoulaye Maïga", "PER"), ent("France", "GPE"), ent("Armée française")],
        [acc("Mali", "France", accuser_alt=["Abdoulaye Maïga"], accused_alt=["Armée française"])],
    )
    for accuser, accused in [("Abdoulaye Maïga", "France"), ("Mali", "Armée française")]:
        report = evaluate({"a": gold}, [claim("a", accuser, accused)], [])
        assert report.pairs == Counts(tp=1, fp=0, fn=0), (accuser, accused)
    report = evaluate({"a": gold}, [claim("a", "France", "Mali")], [])
    assert report.pairs == Counts(tp=0, fp=1, fn=1), "an alt pair read backwards matched"


def test_a_pair_that_is_a_gold_pair_of_its_own_is_not_taken_as_an_alt() -> None:
    gold = gold_article(
        [ent("Mali", "GPE"), ent("Abdoulaye Maïga", "PER"), ent("France", "GPE")],
        [acc("Mali", "France", accuser_alt=["Abdoulaye Maïga"]), acc("Abdoulaye Maïga", "France")],
    )
    report = evaluate({"a": gold}, [claim("a", "Abdoulaye Maïga", "France")], [])
    assert report.pairs == Counts(tp=1, fp=0, fn=1)
    assert report.per_article["a"].missed == (("Mali", "France"),)


@pytest.mark.parametrize(
    ("offense", "holds"),
    [
        ("d'avoir menti au Parlement", True),
        ("de mentir", True),  # the same first five letters
        ("l'acceptation d'avantages", True),  # every content word of a phrase
        ("acceptation de cadeaux", False),  # only one word of the phrase
        ("de corruption", False),
        ("", False),
    ],
)
def test_offense_holds_a_keyword_by_stems(offense: str, holds: bool) -> None:
    gold = gold_article(
        [ent("Parquet"), ent("Pierre Maudet", "PER")],
        [acc("Parquet", "Pierre Maudet", "acceptation d'un avantage", "menti")],
    )
    report = evaluate({"a": gold}, [claim("a", "Parquet", "Maudet", offense)], [])
    assert report.pairs.tp == 1
    assert report.offense == (Counts(1, 0, 0) if holds else Counts(0, 1, 1))


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Une ONG", "ong"),
        ("de l'État", "etat"),
        ("L’Élysée", "elysee"),
        ("des États-Unis", "etats unis"),
        ("Greenpeace (ONG)", "greenpeace ong"),
    ],
)
def test_names_are_normalised_without_case_accents_punctuation_or_determiners(
    name: str, normalised: str
) -> None:
    assert normalise_name(name) == normalised


def test_keyword_stems_drop_small_words() -> None:
    assert keyword_stems("mettre en prévention") == frozenset({"mettr", "preve"})
    assert keyword_stems("ses mensonges") == frozenset({"menso"})
    assert keyword_stems("sa fraude et son vol") == frozenset({"fraud", "vol"})
    assert keyword_stems("de la") == frozenset()


def test_a_pair_whose_gold_has_no_keyword_matches_any_offense() -> None:
    gold = gold_article([ent("A1"), ent("B1")], [acc("A1", "B1")])
    assert evaluate({"a": gold}, [claim("a", "A1", "B1", "rien")], []).offense == Counts(1, 0, 0)


@pytest.mark.parametrize(
    ("gold_status", "predicted", "correct"),
    [
        ("reported", "asserted", 1),
        ("reported", "alleged", 1),
        ("reported", "denied", 0),
        ("alleged", "asserted", 0),
        ("alleged", "Alleged", 1),
        ("denied", "denied", 1),
    ],
)
def test_status_reported_accepts_asserted_and_alleged(gold_status: str, predicted: str, correct: int) -> None:
    gold = gold_article([ent("A1"), ent("B1")], [acc("A1", "B1", status=gold_status)])
    report = evaluate({"a": gold}, [claim("a", "A1", "B1", status=predicted)], [])
    assert (report.status_correct, report.status_matched) == (correct, 1)
    assert report.status_accuracy == correct


def test_status_is_right_when_any_claim_of_the_pair_has_an_accepted_status() -> None:
    gold = gold_article([ent("A1"), ent("B1")], [acc("A1", "B1", status="alleged")])
    claims = [claim("a", "A1", "B1", status="denied"), claim("a", "A1", "B1", status="alleged")]
    assert evaluate({"a": gold}, claims, []).status_correct == 1
    assert evaluate({"a": gold}, claims[:1], []).status_correct == 0


def test_xdoc_counts_actors_claimed_in_two_articles() -> None:
    gold = {
        "a1": gold_article([ent("Greenpeace"), ent("TotalEnergies")], [acc("Greenpeace", "TotalEnergies")]),
        "a2": gold_article([ent("Greenpeace"), ent("Shell")], [acc("Greenpeace", "Shell")]),
    }
    same = evaluate(
        gold, [claim("a1", "Greenpeace", "TotalEnergies"), claim("a2", "Greenpeace", "Shell")], []
    )
    assert same.xdoc_ids == {"Greenpeace": ("greenpeace",)}
    assert same.xdoc_consistency == 1.0
    split = evaluate(
        gold,
        [
            claim("a1", end("Greenpeace", "gp-1"), "TotalEnergies"),
            claim("a2", end("Greenpeace France", "gp-2"), "Shell"),
        ],
        [],
    )
    assert split.xdoc_ids == {"Greenpeace": ("gp-1", "gp-2")}
    assert split.xdoc_consistency == 0.0
    assert split.summary()["xdoc_entities"] == 1
    alone = evaluate({"a1": gold["a1"]}, [claim("a1", "Greenpeace", "TotalEnergies")], [])
    assert alone.xdoc_consistency is None and alone.summary()["xdoc_consistency"] is None


def test_overmerged_ids_stand_for_two_gold_actors() -> None:
    gold = {
        "a1": gold_article([ent("Greenpeace"), ent("TotalEnergies")], [acc("Greenpeace", "TotalEnergies")]),
        "a2": gold_article([ent("Shell"), ent("Greenpeace")], [acc("Greenpeace", "Shell")]),
    }
    report = evaluate(
        gold,
        [
            claim("a1", "Greenpeace", end("TotalEnergies", "oil")),
            claim("a2", "Greenpeace", end("Shell", "oil")),
        ],
        [],
    )
    assert report.overmerged == {"oil": ("Shell", "TotalEnergies")}
    assert report.summary()["overmerged_ids"] == 1


def test_entity_recall_counts_gold_actors_named_in_that_article() -> None:
    gold = {"a1": MAUDET}
    entities = [
        entity("Pierre Maudet", "a1"),
        entity("Parquet", "a1"),
        entity("Greenpeace", "a2"),  # mentioned in another article only
        entity("Genève", "a1"),  # no gold actor
    ]
    report = evaluate(gold, [], entities)
    assert (report.entities_found, report.entities_total) == (2, 4)
    assert report.summary()["entity_recall"] == 0.5


def test_gold_articles_without_predictions_are_all_misses_and_other_articles_are_ignored() -> None:
    report = evaluate(
        {"a1": MAUDET},
        [claim("elsewhere", "Greenpeace", "TotalEnergies"), claim("elsewhere", "Shell", "BP")],
        [entity("Greenpeace", "elsewhere")],
    )
    assert report.pairs == Counts(tp=0, fp=0, fn=2)
    assert report.entities_found == 0
    assert len(report.misses) == 2 and not report.spurious


def test_other_claim_types_are_not_scored() -> None:
    denial = {**claim("a1", "Greenpeace", "TotalEnergies"), "type": "denial"}
    assert evaluate({"a1": MAUDET}, [denial], []).pairs == Counts(tp=0, fp=0, fn=2)


# ---------------------------------------------------------------------------------------------
# Hard negatives, batches, the listing
# ---------------------------------------------------------------------------------------------


def test_hard_negatives_count_spurious_pairs_per_article() -> None:
    quiet = gold_article([ent("Greenpeace"), ent("TotalEnergies")], [])
    gold = {"n1": quiet, "n2": quiet, "a1": MAUDET}
    report = evaluate(
        gold,
        [
            claim("n1", "Greenpeace", "TotalEnergies"),
            claim("n1", "TotalEnergies", "Greenpeace"),
            claim("n1", "TotalEnergies", "Greenpeace", "encore"),  # the same pair again
            claim("a1", "Greenpeace", "Pierre Maudet"),  # spurious, but not on a hard negative
        ],
        [],
    )
    assert report.hard_negatives == {"n1": 2, "n2": 0}
    assert [(s.article, s.hard_negative) for s in report.spurious] == [
        ("n1", True),
        ("n1", True),
        ("a1", False),
    ]
    assert len(report.spurious[1].claims) == 2


def test_batches_sum_their_articles() -> None:
    simple = gold_article([ent("A1"), ent("B1"), ent("C1")], [acc("A1", "B1", "fraude"), acc("B1", "C1")])
    gold = {"x1": simple, "x2": simple, "y1": simple, "z1": simple}
    claims = [
        claim("x1", "A1", "B1", "de fraude"),
        claim("x2", "A1", "B1", "de vol"),
        claim("x2", "C1", "A1"),
        claim("y1", "B1", "C1"),
    ]
    report = evaluate(gold, claims, [], folds={"x1": "x", "x2": "x", "y1": "y"})
    assert list(report.batches) == ["(none)", "x", "y"]
    x = report.batches["x"]
    assert (x.articles, x.pairs, x.offense) == (2, Counts(2, 1, 2), Counts(1, 2, 3))
    assert x.to_dict()["pair"]["f1"] == round(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), 3)
    assert report.batches["y"].pairs == Counts(1, 0, 1)
    assert report.batches["(none)"].pairs == Counts(0, 0, 2)
    assert report.per_article["x2"].batch == "x"
    assert evaluate(gold, claims, []).batches == {}


TEXT = "Le Parquet suspecte Pierre Maudet d'avoir menti. Il fait beau. Greenpeace accuse TotalEnergies."
SENTENCE_1 = "Le Parquet suspecte Pierre Maudet d’avoir menti."  # a typographic apostrophe, as in gold
SENTENCE_2 = "Il fait beau."
END_1 = TEXT.index(" Il fait")
START_2, START_3 = TEXT.index(SENTENCE_2), TEXT.index("Greenpeace")


def _listing_case() -> tuple[dict[str, Row], list[Row], list[Row]]:
    gold = gold_article(
        [
            ent("Ministère public genevois", "ORG", "Le Parquet"),
            ent("Pierre Maudet", "PER"),
            ent("Genève", "GPE"),
        ],
        [
            acc("Ministère public genevois", "Pierre Maudet", "menti", status="alleged", sentence=SENTENCE_1),
            acc("Genève", "Pierre Maudet", status="reported", sentence=SENTENCE_2),
        ],
    )
    claims = [
        # on the first gold sentence, with the wrong accused
        claim(
            "a1", "Parquet", "Genève", "d'avoir menti", "alleged", sentence=TEXT[:END_1], start=0, end=END_1
        ),
        # elsewhere in the article
        claim("a1", "Greenpeace", "TotalEnergies", sentence=TEXT[START_3:], start=START_3, end=len(TEXT)),
    ]
    entities = [entity("Parquet", "a1"), entity("Maudet", "a1", aliases=["Pierre Maudet"])]
    return {"a1": gold}, claims, entities


def test_a_miss_says_which_ends_kg_found_and_lists_the_claims_on_its_sentence() -> None:
    gold, claims, entities = _listing_case()
    for texts in ({"a1": TEXT}, None):  # by offsets, then by text
        report = evaluate(gold, claims, entities, articles=texts)
        first, second = report.misses
        assert (first.accuser, first.accused) == ("Ministère public genevois", "Pierre Maudet")
        assert (first.statuses, first.sentences) == (("alleged",), (SENTENCE_1,))
        assert first.accuser_found and first.accuser_entities == ("Parquet",)
        assert first.accused_found and first.accused_entities == ("Maudet",)
        assert [(c.accuser, c.accused, c.cue) for c in first.nearby] == [("Parquet", "Genève", "accuser")], (
            texts
        )
        assert not second.accuser_found, "Genève has no kg entity"
        assert second.accused_found
        assert second.nearby == ()
        assert report.missed_ends == {
            "missed": 2,
            "an_end_not_recognised": 1,
            "accuser_not_recognised": 1,
            "accused_not_recognised": 0,
            "both_ends_recognised": 1,
        }


def test_nearby_claims_are_found_by_offsets_when_the_texts_differ() -> None:
    gold, claims, entities = _listing_case()
    claims.append(
        claim("a1", "Greenpeace", "Genève", sentence="(autre découpage)", start=START_2 + 3, end=START_3)
    )
    by_offsets = evaluate(gold, claims, entities, articles={"a1": TEXT})
    assert [c.sentence for c in by_offsets.misses[1].nearby] == ["(autre découpage)"]
    by_text = evaluate(gold, claims, entities)
    assert by_text.misses[1].nearby == ()


def test_a_spurious_pair_lists_its_claims() -> None:
    gold, claims, entities = _listing_case()
    (spurious,) = [s for s in evaluate(gold, claims, entities).spurious if s.accuser == "?greenpeace"]
    (c,) = spurious.claims
    assert (c.sentence, c.cue, c.status, c.offense) == (TEXT[START_3:], "accuser", "asserted", "")
    assert spurious.to_dict()["claims"][0]["sentence"] == TEXT[START_3:]


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------


def test_evaluate_dir_reads_gold_build_and_folds(tmp_path: Path) -> None:
    gold, claims, entities = _listing_case()
    gold_dir, out_dir, folds = write_case(
        tmp_path, gold, claims, entities, folds={"a1": "seed"}, texts={"a1": TEXT}
    )
    report = evaluate_dir(gold_dir, out_dir, folds)
    assert report.to_dict() == evaluate(gold, claims, entities, {"a1": "seed"}, {"a1": TEXT}).to_dict()
    assert list(report.batches) == ["seed"]
    json.dumps(report.to_dict())  # JSON-ready


def test_bad_files_raise_errors_naming_them(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such gold folder"):
        load_gold(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvaluationError, match="no gold files"):
        load_gold(tmp_path / "empty")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a1.json").write_text('{"entities": [', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"a1\.json: not valid JSON"):
        load_gold(bad)
    (bad / "a1.json").write_text('{"entities": [], "accusations": {}}', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"a1\.json: 'accusations' must be a list"):
        load_gold(bad)
    (tmp_path / "folds.json").write_text('["a1"]', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"folds\.json: a folds file must be a JSON object"):
        load_folds(tmp_path / "folds.json")
    gold_dir, out_dir, _ = write_case(tmp_path / "case", {"a1": MAUDET}, [])
    (out_dir / "claims.jsonl").unlink()
    with pytest.raises(EvaluationError, match=r"claims\.jsonl: no such file"):
        evaluate_dir(gold_dir, out_dir)
    (out_dir / "claims.jsonl").write_text('{"id": 1}\n{oops\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"claims\.jsonl:2: not valid JSON"):
        evaluate_dir(gold_dir, out_dir)


def test_in_memory_gold_is_checked() -> None:
    with pytest.raises(EvaluationError, match=r"gold article 'a1'.*accusation 0"):
        evaluate({"a1": {"entities": [], "accusations": [{"accuser": "A1"}]}}, [], [])


# ---------------------------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------------------------


def test_cli_prints_batches_the_total_line_and_hard_negatives(kg_cli, tmp_path: Path) -> None:
    gold, claims, entities = _listing_case()
    gold["n1"] = gold_article([ent("Greenpeace"), ent("TotalEnergies")], [])
    claims.append(claim("n1", "Greenpeace", "TotalEnergies"))
    gold_dir, out_dir, folds = write_case(tmp_path, gold, claims, entities, folds={"a1": "a", "n1": "b"})
    result = kg_cli(["evaluate", str(gold_dir), "--out", str(out_dir), "--folds", str(folds)])
    assert result.exit_code == 0, result.output
    report = evaluate_dir(gold_dir, out_dir, folds)
    lines = result.stdout.splitlines()
    assert report.total_line() in lines
    assert report.total_line().startswith("articles 2  pair P 0.0 R 0.0 F1 0.0")
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines if "│" in line]
    assert ["a", "1", "0", "2", "2", "0.0", "0.0", "0.0", "0.0"] in rows, result.stdout
    assert ["b", "1", "0", "1", "0", "0.0", "0.0", "0.0", "0.0"] in rows, result.stdout
    assert "hard negatives (no gold accusation): 1 articles, 1 spurious pair" in lines
    assert any(line.startswith("missed pairs ") and "with an end not recognised" in line for line in lines)
    assert "  n1  1" in lines
    assert "MISSED" not in result.stdout

    listing = kg_cli(["evaluate", str(gold_dir), "--out", str(out_dir), "--misses"])
    assert listing.exit_code == 0, listing.output
    assert "  MISSED  Ministère public genevois -> Pierre Maudet  (alleged)" in listing.stdout
    assert "accuser found as Parquet; accused found as Maudet" in listing.stdout
    assert "  SPURIOUS  Greenpeace -> TotalEnergies" in listing.stdout
    assert f"    gold: {SENTENCE_1}" in listing.stdout

    as_json = kg_cli(["evaluate", str(gold_dir), "--out", str(out_dir), "--json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == evaluate_dir(gold_dir, out_dir).to_dict()


def test_cli_prints_names_as_plain_text(kg_cli, tmp_path: Path) -> None:
    gold = {
        "a1": gold_article(
            [ent("[bold]Acme[/bold]"), ent("[red]Zed")], [acc("[bold]Acme[/bold]", "[red]Zed")]
        )
    }
    gold_dir, out_dir, _ = write_case(tmp_path, gold, [claim("a1", "[red]Zed", "[bold]Acme[/bold]")])
    result = kg_cli(["evaluate", str(gold_dir), "--out", str(out_dir), "--misses"])
    assert result.exit_code == 0, result.output
    assert "MISSED  [bold]Acme[/bold] -> [red]Zed" in result.stdout
    assert "SPURIOUS  [red]Zed -> [bold]Acme[/bold]" in result.stdout


def test_cli_fails_clearly_on_bad_input(kg_cli, tmp_path: Path) -> None:
    gold_dir, out_dir, _ = write_case(tmp_path, {"a1": MAUDET}, [])
    cases = {
        "no such gold folder": [str(tmp_path / "nogold"), "--out", str(out_dir)],
        "claims.jsonl: no such file": [str(gold_dir), "--out", str(tmp_path / "nobuild")],
    }
    (tmp_path / "folds.json").write_text("{'a1': 'a'}", encoding="utf-8")
    cases["folds.json: not valid JSON"] = [
        str(gold_dir),
        "--out",
        str(out_dir),
        "--folds",
        str(tmp_path / "folds.json"),
    ]
    for message, args in cases.items():
        result = kg_cli(["evaluate", *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    (gold_dir / "broken.json").write_text("{", encoding="utf-8")
    result = kg_cli(["evaluate", str(gold_dir), "--out", str(out_dir)])
    assert result.exit_code == 2
    assert "broken.json: not valid JSON" in result.stderr


def test_cli_help_shows_an_example(kg_cli) -> None:
    result = kg_cli(["evaluate", "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


# ---------------------------------------------------------------------------------------------
# Agreement with the reference scorer
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    if not REFERENCE.is_file():
        pytest.skip(f"the reference scorer {REFERENCE} is absent (no shared eval kit beside the repo)")
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_agree(reference: ModuleType, gold_dir: Path, out_dir: Path) -> None:
    expected = reference.score(gold_dir, out_dir)
    got = evaluate_dir(gold_dir, out_dir).to_dict()
    per_article = expected.pop("per_article")
    assert {k: got[k] for k in expected} == expected
    assert {aid: {k: got["per_article"][aid][k] for k in a} for aid, a in per_article.items()} == per_article


def _case_mixed() -> tuple[dict[str, Row], list[Row], list[Row]]:
    mali = gold_article(
        [
            ent("Mali", "GPE", "Bamako"),
            ent("Abdoulaye Maïga", "PER", "le colonel"),
            ent("France", "GPE", "Paris"),
        ],
        [
            acc("Mali", "France", "espionnage", "violé l'espace aérien", accuser_alt=["Abdoulaye Maïga"]),
            acc("France", "Mali", "mensonge", status="denied"),
        ],
    )
    gold = {"m1": MAUDET, "m2": mali, "m3": gold_article([ent("Greenpeace"), ent("TotalEnergies")], [])}
    claims = [
        claim("m1", "le Parquet", "Maudet", "d'avoir menti", "alleged"),
        claim("m1", "Le Ministère public", "Pierre Maudet", "de fraude", "denied"),
        claim("m1", "Greenpeace", "Total Energies", "", "alleged"),
        claim("m1", "Greenpeace", "Pierre Maudet", "greenwashing"),
        claim("m2", end("Abdoulaye Maïga", "maiga"), end("France", "france"), "d'espionnage", "alleged"),
        claim("m2", end("Paris", "france"), end("Bamako", "mali"), "de mensonges", "asserted"),
        claim("m2", "le colonel", "Inconnu", "violé"),
        claim("m3", end("Greenpeace", "gp"), end("TotalEnergies", "france"), "pollution"),
        claim("zz", "Greenpeace", "TotalEnergies"),
        {**claim("m1", "Greenpeace", "TotalEnergies"), "type": "claim"},
    ]
    entities = [
        entity("Pierre Maudet", "m1"),
        entity("Parquet", "m1", "m3"),
        entity("Greenpeace", "m1", "m3", aliases=["Greenpeeace"]),
        entity("Maïga", "m2"),
        entity("Paris", "m2"),
        entity("Mali", "zz"),
    ]
    return gold, claims, entities


def _case_empty_build() -> tuple[dict[str, Row], list[Row], list[Row]]:
    return {"m1": MAUDET, "m2": gold_article([], [])}, [], []


def _case_unresolved_only() -> tuple[dict[str, Row], list[Row], list[Row]]:
    return {"m1": MAUDET}, [claim("m1", "X Y", "Z W"), claim("m1", "Maudet", "")], [entity("Z W", "m1")]


@pytest.mark.parametrize("case", [_case_mixed, _case_empty_build, _case_unresolved_only, _listing_case])
def test_agrees_with_the_reference_scorer(reference: ModuleType, tmp_path: Path, case: Any) -> None:
    gold, claims, entities = case()
    gold_dir, out_dir, _ = write_case(tmp_path, gold, claims, entities)
    assert_agree(reference, gold_dir, out_dir)


def test_the_mixed_case_is_not_trivial() -> None:
    """The agreement test above compares figures that are neither all zero nor all one."""
    report = evaluate(*_case_mixed())
    assert 0 < report.pairs.tp < report.pairs.tp + report.pairs.fp + report.pairs.fn
    assert 0 < report.offense.tp < report.pairs.tp
    assert report.xdoc_ids and report.overmerged and 0 < report.entity_recall < 1


def test_total_line_is_the_reference_scorers_last_line(
    reference: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold_dir, out_dir, _ = write_case(tmp_path, *_case_mixed())
    monkeypatch.setattr(sys, "argv", ["score.py", "--gold", str(gold_dir), "--pred", str(out_dir)])
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        reference.main()
    assert printed.getvalue().splitlines()[-1] == evaluate_dir(gold_dir, out_dir).total_line()


_NAMES = [
    "Greenpeace",
    "Greenpeeace",
    "greenpeace",
    "TotalEnergies",
    "Total",
    "le Parquet",
    "Parquet de Paris",
    "procureur du Parquet de Paris",
    "Paris",
    "Maudet",
    "Pierre Maudet",
    "M. Pierre Maudet",
    "Pierre",
    "l'élu",
    "Mali",
    "Bamako",
    "Maïga",
    "Abdoulaye Maïga",
    "Inconnu",
    "Greenpeas",
    "Piere Maudey",
    "une Greenpeace",
    "",
]
_GOLD_NAMES = [
    "Greenpeace",
    "TotalEnergies",
    "Parquet de Paris",
    "Paris",
    "Pierre Maudet",
    "Mali",
    "Abdoulaye Maïga",
]
_WORDS = [
    "menti",
    "mensonges",
    "ses",
    "l'acceptation",
    "d'un",
    "avantage",
    "corruption",
    "pollution",
    "de",
    "",
]
_STATUSES = ["asserted", "alleged", "denied", "reported", "Alleged"]


@st.composite
def _cases(draw: st.DrawFn) -> tuple[dict[str, Row], list[Row], list[Row]]:
    articles = ["r1", "r2", "r3"]
    gold: dict[str, Row] = {}
    for aid in articles[:2]:
        names = draw(st.lists(st.sampled_from(_GOLD_NAMES), min_size=2, max_size=5, unique=True))
        accusations = [
            acc(
                x,
                y,
                *draw(
                    st.lists(
                        st.sampled_from(["menti", "acceptation d'un avantage", "pollution", "ses mensonges"]),
                        max_size=2,
                    )
                ),
                status=draw(st.sampled_from(_STATUSES[:4])),
                **({"accuser_alt": [draw(st.sampled_from(names))]} if draw(st.booleans()) else {}),
            )
            for x, y in draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=4))
        ]
        gold[aid] = gold_article([ent(n, "ORG", n.split()[-1]) for n in names], accusations)
    claims = [
        claim(
            draw(st.sampled_from(articles)),
            end(draw(st.sampled_from(_NAMES)), draw(st.sampled_from(["e1", "e2", "e3", ""]))),
            end(draw(st.sampled_from(_NAMES)), draw(st.sampled_from(["e4", "e5", "e1"]))),
            " ".join(draw(st.lists(st.sampled_from(_WORDS), max_size=4))),
            draw(st.sampled_from(_STATUSES)),
        )
        for _ in range(draw(st.integers(0, 10)))
    ]
    entities = [
        entity(draw(st.sampled_from(_NAMES)) or "X", *draw(st.lists(st.sampled_from(articles), max_size=2)))
        for _ in range(draw(st.integers(0, 6)))
    ]
    return gold, claims, entities


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=_cases())
def test_agrees_with_the_reference_scorer_on_random_builds(
    reference: ModuleType, case: tuple[dict[str, Row], list[Row], list[Row]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, out_dir, _ = write_case(Path(tmp), *case)
        assert_agree(reference, gold_dir, out_dir)

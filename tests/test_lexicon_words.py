"""The French cue words of the claims stage live in kg/lexicon/words.tsv: every list there is read
by kg.claims into the constant of the same name, its rows are clean, and a malformed file fails
with an error that names the file and the line."""

from __future__ import annotations

import re
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest

import kg.claims as claims
from kg.claims import LexiconError, WordRow, load_words

WORDS = files("kg") / "lexicon" / "words.tsv"
ROWS = load_words(WORDS)
LISTS = sorted({r.name for r in ROWS})
HEADER = "list\titem\tnote"

# Items that are deliberately not lower-case (none today: every list is compared with lower-cased
# text, or matched case-insensitively).
DELIBERATELY_CASED: frozenset[tuple[str, str]] = frozenset()


def _raw_rows() -> list[tuple[int, list[str]]]:
    """(line number, fields) of the data rows, read without the loader."""
    out = []
    lines = WORDS.read_text(encoding="utf-8").split("\n")
    data = [(n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]
    assert data[0][1] == HEADER
    for n, line in data[1:]:
        out.append((n, line.split("\t")))
    return out


def _items(name: str) -> list[str]:
    return [r.item for r in ROWS if r.name == name]


def _constant(name: str) -> object:
    """The constant of kg.claims that a plain list feeds: accusation_verbs -> ACCUSATION_VERBS,
    hedges -> _HEDGES."""
    for attr in (name.upper(), "_" + name.upper()):
        if hasattr(claims, attr):
            return getattr(claims, attr)
    raise AssertionError(f"words.tsv list {name!r}: no {name.upper()} or _{name.upper()} in kg.claims")


def test_file_starts_with_a_documented_header() -> None:
    text = WORDS.read_text(encoding="utf-8")
    assert text.startswith("# ")
    comment = [line for line in text.split("\n") if line.startswith("#")]
    for word in ("list", "item", "note", "category:", "stems:", "locutions:", "locution_words:"):
        assert any(word in line for line in comment), word


@pytest.mark.parametrize("name", LISTS)
def test_every_list_feeds_a_non_empty_constant_of_kg_claims(name: str) -> None:
    items = _items(name)
    assert items
    family, _, key = name.partition(":")
    if not key:
        value = _constant(name)
        assert isinstance(value, frozenset | tuple | list) and value, name
        if isinstance(value, frozenset):
            assert value == frozenset(items)
        else:  # an ordered list: same items, same order
            assert list(value) == items
    elif family == "category":
        assert claims.OFFENSE_CATEGORIES[key][1] == tuple(items)
        assert key in dict(claims._CATEGORY_PATTERNS)
    elif family == "stems":
        assert all((stem, key) in claims._STEMS for stem in items)
    elif family == "locutions":
        assert all(claims._LOCUTIONS[verb][1] == key for verb in items)
    elif family == "locution_words":
        assert key in claims._LOCUTIONS and set(items) <= claims._LOCUTIONS[key][0]
    else:
        raise AssertionError(f"unknown family of lists {family!r} in words.tsv")


def test_families_keep_the_order_of_the_rows() -> None:
    stems = [(r.item, r.name.partition(":")[2]) for r in ROWS if r.name.startswith("stems:")]
    assert list(claims._STEMS) == stems
    locutions = [r.item for r in ROWS if r.name.startswith("locutions:")]
    assert list(claims._LOCUTIONS) == locutions
    categories = list(dict.fromkeys(r.name.partition(":")[2] for r in ROWS if r.name.startswith("category:")))
    assert list(claims.OFFENSE_CATEGORIES) == categories
    assert [name for name, _ in claims._CATEGORY_PATTERNS] == categories


def test_category_patterns_are_built_as_word_start_alternations() -> None:
    patterns = dict(claims._CATEGORY_PATTERNS)
    assert patterns["bias"].pattern == r"(?<!\w)(?:partialité|partial\b|favoritisme électoral|parti pris)"
    assert patterns["bias"].flags & re.IGNORECASE
    assert claims.categorise("il a reçu des pots-de-vin") == "corruption"
    assert claims.categorise("un faux bilan") == "fraud"


def test_an_act_locution_takes_the_pejoratives() -> None:
    assert claims._LOCUTIONS["qualifier"] == (frozenset(claims._PEJORATIVES), "act")
    assert claims._LOCUTIONS["imputer"] == (frozenset(), "à")


def test_items_with_spaces_and_underscores_round_trip() -> None:
    assert "mettre_en_cause" in claims.ACCUSATION_VERBS
    assert "mettre_en_examen" in claims._JUDICIAL_PASSIVES
    assert "financer_illégalement" in claims.WRONGDOING_VERBS
    assert "sans aucun fondement" in claims._DISMISSIVE
    assert "aucune faute" in claims._INNOCENCE
    assert (
        "secrets? (?:industriels?|d'affaires|de fabrication)"
        in claims.OFFENSE_CATEGORIES["intellectual_property_theft"][1]
    )
    assert "epo\\b" in claims.OFFENSE_CATEGORIES["doping"][1]


def test_no_duplicate_rows() -> None:
    counts = Counter((fields[0], fields[1]) for _, fields in _raw_rows())
    assert [pair for pair, n in counts.items() if n > 1] == []


def test_rows_have_two_or_three_fields_and_no_stray_spaces() -> None:
    for n, fields in _raw_rows():
        assert len(fields) in (2, 3), n
        assert all(f == f.strip() for f in fields[:2]), (n, fields)


def test_items_are_lower_case_unless_deliberately_cased() -> None:
    cased = {(r.name, r.item) for r in ROWS if r.item != r.item.lower()}
    assert cased == DELIBERATELY_CASED, sorted(cased - DELIBERATELY_CASED)


def test_a_well_formed_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "words.tsv"
    path.write_text(
        "# a comment\n\nlist\titem\tnote\n# another\nhedges\tprésum\tprésumé\r\nhedges\tsans fondement\n\n",
        encoding="utf-8",
    )
    assert load_words(path) == [
        WordRow("hedges", "présum", "présumé", 5),
        WordRow("hedges", "sans fondement", "", 6),
    ]


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        ("# no header\nhedges\tprésum\n", 2, "column header"),
        ("list\titem\tnote\nhedges présum\n", 2, "2 or 3 tab-separated fields"),
        ("list\titem\tnote\nhedges\tprésum\tnote\textra\n", 2, "2 or 3 tab-separated fields"),
        ("list\titem\tnote\n\nHedges\tprésum\n", 3, "bad list name"),
        ("list\titem\tnote\nhedges\t\tnote\n", 2, "empty item"),
        ("list\titem\tnote\nhedges\tprésum \n", 2, "whitespace"),
        ("list\titem\tnote\nhedges\tprésum\nhedges\tprésum\n", 3, r"already in the list 'hedges' \(line 2\)"),
    ],
)
def test_a_malformed_file_names_the_file_and_the_line(tmp_path: Path, text: str, line: int, why: str) -> None:
    path = tmp_path / "words.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"^{re.escape(str(path))}, line {line}: .*{why}"):
        load_words(path)


def test_a_file_without_rows_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "words.tsv"
    path.write_text("# only comments\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=re.escape(str(path))):
        load_words(path)


def test_lists_that_qualify_other_lists_stay_within_them() -> None:
    # the accused of a pointing or summoning locution comes after the locution's own words
    for verb in claims._POINTING_VERBS | claims._SUMMONING_VERBS:
        words, where = claims._LOCUTIONS[verb]
        assert where == "obj" and words, verb
    # an implicating verb is a multi-word verb: its accused starts after its words
    assert claims._IMPLICATING_VERBS.issubset(claims._PHRASAL_VERBS)
    assert all("_" in verb for verb in claims._PHRASAL_VERBS)

"""Table-driven tests of the accusations ``kg.claims`` finds in short French texts.

The cases live in ``claims_cases.py``: each text with the set of ``(accuser, accused, status)``
triples a careful reader finds in it. A test fails when an expected triple is missing or when
an accusation is extracted that no expected triple accounts for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
from claims_cases import CASES, Case
from claims_cases_2 import CASES as CASES_2
from spacy.language import Language

import kg.claims
import kg.entities
from kg.records import ClaimMention, LocalEntity

_DETERMINER = re.compile(r"^(?:l'|le |la |les )", re.IGNORECASE)

Extracted = tuple[kg.entities.ArticleEntities, list[ClaimMention]]


def _slug(note: str) -> str:
    """An ASCII test id: pytest would print accented letters as escapes."""
    ascii_note = unicodedata.normalize("NFKD", note).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_note.lower()).strip("-")


IDS = [_slug(note) for _, _, note in CASES]

# The second table (written apart, on other wording) with the constructions kg still misses,
# each a strict xfail that says what kg does instead.
KNOWN_GAPS_2 = {
    "quote then visant X": "the target is named only by 'visant', after the quotation: nothing",
    "selon + conditional": "'livrer des obus' names no offense of the taxonomy: nothing",
    "participle soupçonnée par + nier": "the fronted participle's subject is not found: nothing",
    "visé par une plainte de": "the complaint's author inside the fronted participle is missed",
    "dénoncer + participle accusé de": "the act's author in a genitive after quotes is missed",
    "quote, le club = later named club": "'le club' refers forward to a name given later: nothing",
}
CASES_2_PARAMS = [
    pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS_2[case[2]]))
    if case[2] in KNOWN_GAPS_2
    else pytest.param(*case)
    for case in CASES_2
]
IDS_2 = ["t2-" + _slug(note) for _, _, note in CASES_2]


def _norm(name: str) -> str:
    name = " ".join(name.replace("’", "'").split()).lower()
    return _DETERMINER.sub("", name).strip()


def _contains_words(longer: str, shorter: str) -> bool:
    return bool(shorter) and re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer) is not None


def _matches(expected: str, entity: LocalEntity | None) -> bool:
    """The expected name is the entity's name or an alias, up to case and determiners, or
    one of them contains the other as whole words."""
    if entity is None:
        return False
    e = _norm(expected)
    for name in (entity.name, *entity.aliases):
        n = _norm(name)
        if n and (n == e or _contains_words(n, e) or _contains_words(e, n)):
            return True
    return False


def _same(want: tuple[str, str, str], got: tuple[LocalEntity | None, LocalEntity | None, str]) -> bool:
    return _matches(want[0], got[0]) and _matches(want[1], got[1]) and want[2] == got[2]


def _label(entity: LocalEntity | None) -> str:
    return "None" if entity is None else entity.name


@pytest.fixture(scope="session")
def nlp() -> Language:
    from kg.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Callable[[str], Extracted]:
    """Parse a text once per session; returns its entities and its accusations."""
    cache: dict[str, Extracted] = {}

    def run(text: str) -> Extracted:
        if text not in cache:
            doc = nlp(text)
            ents = kg.entities.ArticleEntities(doc, "case")
            claims = [c for c in kg.claims.extract_claims(ents) if c.type == "accusation"]
            cache[text] = (ents, claims)
        return cache[text]

    return run


def test_case_ids_are_unique() -> None:
    duplicates = sorted({i for i in IDS if IDS.count(i) > 1})
    assert not duplicates, f"notes giving the same test id: {duplicates}"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_accusations(case: Case, extract: Callable[[str], Extracted]) -> None:
    _check(case, extract)


@pytest.mark.parametrize(("text", "expected", "note"), CASES_2_PARAMS, ids=IDS_2)
def test_accusations_second_table(
    text: str, expected: set, note: str, extract: Callable[[str], Extracted]
) -> None:
    _check((text, expected, note), extract)


def _check(case: Case, extract: Callable[[str], Extracted]) -> None:
    text, expected, _ = case
    ents, claims = extract(text)

    def entity(key: int | None) -> LocalEntity | None:
        return None if key is None else ents.entities[key]

    extracted = [(entity(c.speaker), entity(c.target), c.status) for c in claims]
    found = {(_label(s), _label(t), status) for s, t, status in extracted}
    missing = {want for want in expected if not any(_same(want, got) for got in extracted)}
    unexpected = {
        (_label(s), _label(t), status)
        for s, t, status in extracted
        if not any(_same(want, (s, t, status)) for want in expected)
    }
    assert not missing and not unexpected, (
        f"\ntext:       {text}\nexpected:   {sorted(expected)}\nextracted:  {sorted(found)}"
        f"\nmissing:    {sorted(missing)}\nunexpected: {sorted(unexpected)}"
    )


def test_offense_spans_are_in_the_sentence(extract: Callable[[str], Extracted]) -> None:
    checked = 0
    problems: list[str] = []
    for text, _, note in CASES:
        _, claims = extract(text)
        for c in claims:
            checked += 1
            if text[c.content_start : c.content_end] != c.content:
                span = f"text[{c.content_start}:{c.content_end}]"
                problems.append(f"{note}: content {c.content!r} is not {span}")
            if text[c.start : c.end] != c.sentence:
                problems.append(f"{note}: sentence {c.sentence!r} is not text[{c.start}:{c.end}]")
            if not c.content_start <= c.content_end <= c.end:
                # an offense recalled from an earlier sentence lies before the evidence sentence
                problems.append(f"{note}: content {c.content!r} lies after its sentence")
            if c.category is not None and c.category not in kg.claims.OFFENSE_CATEGORIES:
                problems.append(f"{note}: unknown category {c.category!r}")
    assert checked, "no accusation extracted from any case"
    assert not problems, "\n".join(problems)

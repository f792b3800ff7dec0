"""Claims that need more than one sentence or more than one clause: reported statements as
claims, offenses given earlier, inquiries concluded later, pronoun binding and control.

Each case: a short French text, the claims expected as (type, speaker, target or None, status),
and what it shows. Speakers and targets are matched on the entity's name or aliases.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.claims import extract_claims
from kg.entities import ArticleEntities
from kg.records import ClaimMention

Row = tuple[str, str, str | None, str]


def _extract(nlp: Language, text: str) -> tuple[ArticleEntities, list[ClaimMention]]:
    ents = ArticleEntities(nlp(text), "case")
    return ents, extract_claims(ents)


def _rows(ents: ArticleEntities, claims: list[ClaimMention]) -> set[Row]:
    def name(key: int | None) -> str | None:
        return None if key is None else ents.entities[key].name

    return {(c.type, name(c.speaker) or "", name(c.target), c.status) for c in claims}


CASES = [
    pytest.param(
        "Le syndicat Sud-Rail affirme que les trains seront à l'heure cet été.",
        {("claim", "Sud-Rail", None, "asserted")},
        id="indirect speech without wrongdoing is a claim",
    ),
    pytest.param(
        "« Nous ouvrirons trois usines en Bretagne », a déclaré Lucie Perrin.",
        {("claim", "Lucie Perrin", None, "asserted")},
        id="a quotation is a claim of its speaker",
    ),
    pytest.param(
        "Selon l'Insee, le chômage a baissé au troisième trimestre.",
        {("claim", "Insee", None, "asserted")},
        id="selon X is a claim of X",
    ),
    pytest.param(
        "Pour l'instant, la direction ne commente pas la fermeture.",
        set(),
        id="pour l'instant is no attribution",
    ),
    pytest.param(
        "La maire de Lorville, Anne Cazals, a porté plainte pour diffamation contre plusieurs blogueurs. "
        "Elle a aussi décidé de poursuivre le site Infopresse.",
        {("accusation", "Anne Cazals", "Infopresse", "asserted")},
        id="an accusation takes the offense its accuser gave just before",
    ),
    pytest.param(
        "La société Brenval et le groupe Tessaro ont lancé une enquête interne en mai. "
        "Ils pensent aujourd'hui que les fuites venaient de Corvane.",
        {("accusation", "Brenval", "Corvane", "alleged"), ("accusation", "Tessaro", "Corvane", "alleged")},
        id="an inquiry concluded by its authors names the accused",
    ),
    pytest.param(
        "Le Kremlin assure que l'Ukraine a bombardé un village. L'Ukraine agit selon lui "
        "après avoir violé les accords de cessez-le-feu.",
        {
            ("accusation", "Russie", "Ukraine", "asserted"),  # the Kremlin stands for Russia
        },
        id="selon lui is not the subject of its own clause",
    ),
    pytest.param(
        "« La société Corvane nous a trompés pendant des années », a expliqué à l'AFP Lucie Perrin.",
        {("accusation", "Lucie Perrin", "Corvane", "asserted")},
        id="the name after a is the one spoken to, not the speaker",
    ),
    pytest.param(
        "« Nous avons été trompés pendant des années », a expliqué l'avocate à l'AFP",
        set(),
        id="an attribution at the very end of the text",
    ),
    pytest.param(
        "Le syndicat Sud-Rail a rencontré le ministre Paul Girard. Il l'accuse de mentir.",
        {("accusation", "Sud-Rail", "Paul Girard", "asserted")},
        id="a subject pronoun continues the previous subject",
    ),
    pytest.param(
        "Paul Girard a rencontré les dirigeants de Brenval. Selon lui, il s'agirait d'une erreur comptable.",
        {("claim", "Paul Girard", None, "alleged")},
        id="impersonal il refers to nothing",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims_across_clauses(nlp: Language, text: str, expected: set[Row]) -> None:
    ents, claims = _extract(nlp, text)
    got = _rows(ents, claims)

    def matches(want: Row, have: Row) -> bool:
        kind, speaker, target, status = want
        return (
            have[0] == kind
            and speaker.lower() in (have[1] or "").lower()
            and (target is None) == (have[2] is None)
            and (target is None or target.lower() in (have[2] or "").lower())
            and have[3] == status
        )

    missing = [w for w in expected if not any(matches(w, h) for h in got)]
    extra = [h for h in got if not any(matches(w, h) for w in expected)]
    assert not missing and not extra, f"\nexpected {sorted(expected)}\ngot      {sorted(got)}"


def test_a_claim_says_what_its_content_is_about(nlp: Language) -> None:
    ents, claims = _extract(nlp, "Le ministre Paul Girard estime que Brenval et Tessaro devront négocier.")
    (claim,) = [c for c in claims if c.type == "claim"]
    about = {ents.entities[k].name for k in claim.about}
    assert about == {"Brenval", "Tessaro"}
    assert claim.content.startswith("que Brenval")


def test_a_recalled_offense_points_into_the_earlier_sentence(nlp: Language) -> None:
    text = (
        "La maire de Lorville, Anne Cazals, a porté plainte pour diffamation contre plusieurs blogueurs. "
        "Elle a aussi décidé de poursuivre le site Infopresse."
    )
    _, claims = _extract(nlp, text)
    (acc,) = [c for c in claims if c.type == "accusation"]
    assert text[acc.content_start : acc.content_end] == acc.content
    assert "diffamation" in acc.content and acc.content_end <= acc.start

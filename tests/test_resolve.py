"""Entity resolution across articles: one id per real actor, never two actors under one id,
every merge explained; and the user's alias file. Records are built by hand (no model)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from kg.aliases import AliasFileError, load_alias_file, parse_alias_rules, same_as_iri
from kg.records import Article, ArticleRecords, LocalEntity, Mention
from kg.resolve import resolve_entities, slugify


def _article(aid: str, *entities: tuple[str, str] | tuple[str, str, list[str]]) -> ArticleRecords:
    """An article whose text is its entities' names, one per line; (name, type[, descriptions])."""
    text = "\n".join(e[0] for e in entities)
    locals_, pos = [], 0
    for key, spec in enumerate(entities):
        name, etype = spec[0], spec[1]
        descriptions = list(spec[2]) if len(spec) > 2 else []  # type: ignore[misc]
        mention = Mention(aid, pos, pos + len(name), name)
        locals_.append(LocalEntity(key, name, etype, [name], descriptions, [mention]))  # type: ignore[arg-type]
        pos += len(name) + 1
    return ArticleRecords(Article(aid, aid, text), locals_, [])


def _ids(records: list[ArticleRecords], rules=None) -> dict[tuple[str, str], str]:
    _, id_of, _ = resolve_entities(records, rules)
    names = {(r.article.id, e.key): e.name for r in records for e in r.entities}
    return {(aid, names[(aid, key)]): eid for (aid, key), eid in id_of.items()}


# (articles, pairs of (article, name) that must share an id, pairs that must not)
SAME_OR_APART = [
    pytest.param(
        [
            _article(
                "a", ("David Sachs", "PER", ["responsable de l'IA à la Maison Blanche"]), ("Brenval", "ORG")
            ),
            _article("b", ("David Sacks", "PER", ["chargé de l'IA à la Maison Blanche"]), ("Tessaro", "ORG")),
        ],
        [(("a", "David Sachs"), ("b", "David Sacks"))],
        [],
        id="spelling variant with a shared description",
    ),
    pytest.param(
        [
            _article("a", ("David Sachs", "PER"), ("Brenval", "ORG"), ("Tessaro", "ORG")),
            _article("b", ("David Sacks", "PER"), ("Brenval", "ORG"), ("Tessaro", "ORG")),
        ],
        [(("a", "David Sachs"), ("b", "David Sacks"))],
        [],
        id="spelling variant with two actors in common",
    ),
    pytest.param(
        [_article("a", ("David Sachs", "PER"), ("Brenval", "ORG")), _article("b", ("David Sacks", "PER"))],
        [],
        [(("a", "David Sachs"), ("b", "David Sacks"))],
        id="spelling variant without corroboration stays apart",
    ),
    pytest.param(
        [_article("a", ("Paul Girard", "PER")), _article("b", ("Pierre Girard", "PER"))],
        [],
        [(("a", "Paul Girard"), ("b", "Pierre Girard"))],
        id="two people sharing a surname",
    ),
    pytest.param(
        [_article("a", ("Paul Girard", "PER")), _article("b", ("Girard", "PER"))],
        [(("a", "Paul Girard"), ("b", "Girard"))],
        [],
        id="surname alone, one person bears it",
    ),
    pytest.param(
        [_article("a", ("Paul Girard", "PER"), ("Marie Girard", "PER")), _article("b", ("Girard", "PER"))],
        [],
        [(("b", "Girard"), ("a", "Paul Girard")), (("b", "Girard"), ("a", "Marie Girard"))],
        id="surname alone, two people bear it",
    ),
    pytest.param(
        [_article("a", ("Meta", "ORG")), _article("b", ("Metaculus", "ORG"))],
        [],
        [(("a", "Meta"), ("b", "Metaculus"))],
        id="Meta and Metaculus",
    ),
    pytest.param(
        [_article("a", ("Dell", "ORG")), _article("b", ("Michael Dell", "PER"))],
        [],
        [(("a", "Dell"), ("b", "Michael Dell"))],
        id="a company and its founder",
    ),
    pytest.param(
        [_article("a", ("Organisation mondiale de la santé", "ORG")), _article("b", ("OMS", "ORG"))],
        [(("a", "Organisation mondiale de la santé"), ("b", "OMS"))],
        [],
        id="acronym and expansion",
    ),
    pytest.param(
        [_article("a", ("Élysée", "ORG")), _article("b", ("ELYSEE", "ORG"))],
        [(("a", "Élysée"), ("b", "ELYSEE"))],
        [],
        id="accents and case",
    ),
    pytest.param(
        [_article("a", ("Chine", "GPE")), _article("b", ("Chine", "LOC"))],
        [(("a", "Chine"), ("b", "Chine"))],
        [],
        id="same name, compatible types",
    ),
    pytest.param(
        [_article("a", ("Jordan", "PER")), _article("b", ("Jordan", "GPE"))],
        [],
        [(("a", "Jordan"), ("b", "Jordan"))],
        id="same name, a person and a country",
    ),
]


@pytest.mark.parametrize(("records", "same", "apart"), SAME_OR_APART)
def test_one_id_per_actor(records, same, apart) -> None:
    ids = _ids(records)
    for x, y in same:
        assert ids[x] == ids[y], f"{x} and {y} should be one actor"
    for x, y in apart:
        assert ids[x] != ids[y], f"{x} and {y} should stay apart"


def test_ids_do_not_change_when_an_unrelated_article_is_added() -> None:
    base = [_article("a", ("Paul Girard", "PER"), ("Brenval", "ORG")), _article("b", ("Girard", "PER"))]
    more = [*base, _article("c", ("Tessaro", "ORG"), ("Claire Morel", "PER"))]
    before, after = _ids(base), _ids(more)
    assert all(after[k] == v for k, v in before.items())


def _scoped(record: ArticleRecords, name: str) -> ArticleRecords:
    for e in record.entities:
        if e.name == name:
            e.scope = "article"
    return record


def test_an_actor_of_one_article_is_never_merged_with_another_articles() -> None:
    """Two articles' bare "la justice" (neither names a court) are two actors, each with an id of
    its article, kept when an unrelated article comes; a named "Justice" elsewhere stays apart."""
    a = _scoped(_article("lemonde-a", ("Justice", "ORG"), ("Paul Girard", "PER")), "Justice")
    b = _scoped(_article("rfi-b", ("Justice", "ORG"), ("Brenval", "ORG")), "Justice")
    named = _article("c", ("Justice", "ORG"), ("Tessaro", "ORG"))
    ids = _ids([a, b, named])
    assert ids[("lemonde-a", "Justice")] == "justice--lemonde-a"
    assert ids[("rfi-b", "Justice")] == "justice--rfi-b"
    assert ids[("c", "Justice")] == "justice"
    more = _ids([a, b, named, _article("d", ("Justice", "ORG"), ("Paul Girard", "PER"))])
    assert more[("lemonde-a", "Justice")] == "justice--lemonde-a" and more[("d", "Justice")] == "justice"
    assert more[("d", "Paul Girard")] == more[("lemonde-a", "Paul Girard")]  # the others still merge


def test_an_institution_of_a_state_merges_only_within_that_state() -> None:
    """ "Le ministère de l'Intérieur" of two articles on Morocco is one actor; of an article on
    Tunisia, another; named with no state at all, a third (the name as it stands)."""

    def on(aid: str, state: str) -> ArticleRecords:
        r = _article(aid, ("Ministère de l'Intérieur", "ORG"), ("Paul Girard", "PER"))
        r.entities[0].scope = f"state:{state}" if state else ""
        return r

    ids = _ids([on("a", "Maroc"), on("b", "Maroc"), on("c", "Tunisie"), on("d", "")])
    name = "Ministère de l'Intérieur"
    assert ids[("a", name)] == ids[("b", name)] == "ministere-de-linterieur--maroc"
    assert ids[("c", name)] == "ministere-de-linterieur--tunisie"
    assert ids[("d", name)] == "ministere-de-linterieur"


def test_ids_are_readable_slugs() -> None:
    assert slugify("M'jid El Guerrab") == "mjid-el-guerrab"
    assert slugify("Élysée") == "elysee"
    assert slugify("«»") != ""  # never empty, even without letters


def test_every_merge_is_logged_with_its_rule_and_score() -> None:
    records = [
        _article("a", ("David Sachs", "PER", ["conseiller de la Maison Blanche"]), ("OMS", "ORG")),
        _article(
            "b",
            ("David Sacks", "PER", ["un proche de la Maison Blanche"]),
            ("Organisation mondiale de la santé", "ORG"),
        ),
    ]
    _, _, merges = resolve_entities(records)
    rules = {(m.rule, frozenset(m.names)) for m in merges}
    assert ("spelling-variant", frozenset({"David Sachs", "David Sacks"})) in rules
    assert ("acronym", frozenset({"OMS", "Organisation mondiale de la santé"})) in rules
    assert all(0 < m.score <= 1 and m.articles for m in merges)


# --- the alias file -------------------------------------------------------------------------

YAML = """
- name: Meta Platforms
  aliases: [Meta, Facebook]
  type: ORG
  same_as: [Q380]
- name: Paul Girard
  distinct: [Girard]
"""


def test_alias_file_forces_merges_names_types_and_same_as() -> None:
    rules = parse_alias_rules(YAML, "aliases.yaml")
    records = [_article("a", ("Meta", "OTHER")), _article("b", ("Facebook", "ORG"))]
    entities, id_of, merges = resolve_entities(records, rules)
    assert id_of[("a", 0)] == id_of[("b", 0)]
    (entity,) = entities
    assert (entity.name, entity.type, entity.id) == ("Meta Platforms", "ORG", "meta-platforms")
    assert entity.same_as == ["http://www.wikidata.org/entity/Q380"]
    assert {"Meta", "Facebook", "Meta Platforms"} <= set(entity.aliases)
    assert any(m.rule == "alias-file" for m in merges)


def test_alias_file_forbids_a_merge() -> None:
    rules = parse_alias_rules(YAML, "aliases.yaml")
    records = [_article("a", ("Paul Girard", "PER")), _article("b", ("Girard", "PER"))]
    assert _ids(records)[("a", "Paul Girard")] == _ids(records)[("b", "Girard")]  # the surname rule
    ids = _ids(records, rules)
    assert ids[("a", "Paul Girard")] != ids[("b", "Girard")]


def test_alias_file_in_csv(tmp_path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text("name,aliases,type,same_as\nMeta Platforms,Meta|Facebook,ORG,Q380\n", encoding="utf-8")
    (rule,) = load_alias_file(path)
    assert rule.aliases == ("Meta", "Facebook") and rule.same_as == ("http://www.wikidata.org/entity/Q380",)


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("- aliases: [X]\n", "yaml", "'name' is missing"),
        ("- name: X\n  type: PERSON\n", "yaml", "type 'PERSON'"),
        ("- name: X\n  colour: red\n", "yaml", "unknown field(s) colour"),
        ("- name: X\n  same_as: [not an id]\n", "yaml", "neither an IRI nor a Wikidata id"),
        ("name: [unclosed\n", "yaml", "not valid YAML"),
        ("alias,type\nX,ORG\n", "csv", "'name' column"),
    ],
)
def test_a_bad_alias_file_says_where_and_what(text: str, fmt: str, message: str) -> None:
    with pytest.raises(AliasFileError, match="aliases") as excinfo:
        parse_alias_rules(text, f"aliases.{fmt}", fmt)
    assert message in str(excinfo.value)


def test_same_as_iri() -> None:
    assert same_as_iri("q42") == "http://www.wikidata.org/entity/Q42"
    with pytest.raises(ValueError):
        same_as_iri("42")


# --- merges do not chain; ids do not depend on the input order ------------------------------


def _clusters(records: list[ArticleRecords]) -> list[set[str]]:
    groups: dict[str, set[str]] = {}
    for (_article_id, name), eid in _ids(records).items():
        groups.setdefault(eid, set()).add(name)
    return list(groups.values())


def test_names_differing_in_their_digits_stay_distinct_actors() -> None:
    # each pair differs by one edit and shares a description word: a chain if links were closed
    records = [
        _article(f"a{n:03d}", (f"Paul Martin{n}", "PER", ["maire de la commune"])) for n in range(1, 301)
    ]
    assert len(_clusters(records)) == 300


def test_a_walk_of_one_letter_changes_does_not_chain() -> None:
    # "Jean Dupontaaaaaa" -> "Jean Dupontbaaaaa" -> ... -> "Jean Dupontbbbbbb": neighbours one
    # edit apart, the two ends six apart; every actor's names must stay within two edits
    names = [f"Jean Dupont{'b' * n}{'a' * (6 - n)}" for n in range(7)]
    records = [_article(f"a{n}", (name, "PER", ["maire de la commune"])) for n, name in enumerate(names)]
    clusters = _clusters(records)
    assert len(clusters) >= 3
    for names_of_one in clusters:
        for x in names_of_one:
            for y in names_of_one:
                assert Levenshtein.distance(x, y) <= 2, clusters


def test_a_real_misspelling_still_merges_next_to_many_names_of_its_block() -> None:
    records = [_article(f"a{n:04d}", (f"Paul Martin{n}", "PER", ["maire"])) for n in range(2000)]
    records += [
        _article("x1", ("Paul Girrard", "PER", ["maire de Lille"])),
        _article("x2", ("Paul Girard", "PER", ["maire de Lille"])),
    ]
    ids = _ids(records)
    assert ids[("x1", "Paul Girrard")] == ids[("x2", "Paul Girard")]
    assert len(set(ids.values())) == 2001


def test_a_same_name_person_does_not_keep_the_organisations_apart() -> None:
    records = [
        _article("a", ("Alphabet", "PER")),
        _article("b", ("Alphabet", "ORG")),
        _article("c", ("Alphabet", "ORG")),
    ]
    for order in (records, records[::-1], [records[1], records[0], records[2]]):
        ids = _ids(order)
        assert ids[("b", "Alphabet")] == ids[("c", "Alphabet")]
        assert ids[("a", "Alphabet")] != ids[("b", "Alphabet")]
        assert ids[("b", "Alphabet")] == "alphabet"  # named in more articles, it keeps the plain id


_POOL = [
    ("Alphabet", "PER"),
    ("Alphabet", "ORG"),
    ("Alphabet", "OTHER"),
    ("Paul Girard", "PER"),
    ("Girard", "PER"),
    ("Paul Girrard", "PER", ["maire de Lille"]),
    ("Paul Girard", "PER", ["maire de Lille"]),
    ("OMS", "ORG"),
    ("Organisation mondiale de la santé", "ORG"),
    ("Chine", "GPE"),
    ("Chine", "LOC"),
    ("Marie Girard", "PER"),
    ("Jean Dupontaa", "PER", ["élu"]),
    ("Jean Dupontab", "PER", ["élu"]),
    ("Jean Dupontbb", "PER", ["élu"]),
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(range(len(_POOL))), min_size=1, max_size=4, unique=True),
        min_size=1,
        max_size=6,
    ),
    st.randoms(),
)
def test_the_resolution_is_a_function_of_the_set_of_articles(picks, rnd) -> None:
    records = [_article(f"art{n}", *(_POOL[i] for i in pick)) for n, pick in enumerate(picks)]
    shuffled = records[:]
    rnd.shuffle(shuffled)
    assert resolve_entities(records) == resolve_entities(shuffled)

"""A small KnowledgeGraph built by hand for the exporter tests (no spaCy).

Three French articles; names with quotes, apostrophes, ampersands, angle brackets, accents and
a ``</script>`` break-out attempt; accusations with every status, one reported through
``selon X``, parallel and reciprocal edges, one accusation evidenced in two articles, a plain
claim and a denial without a target, an actor without accusations, and a U+2028 inside an article.
"""

from __future__ import annotations

from collections import defaultdict

from kg.graph import build_graph
from kg.records import Article, Claim, Entity, InputProblem, KnowledgeGraph, Mention, MergeEvent

__all__ = ["EVIL", "make_kg"]

EVIL = "</script><script>alert(1)</script>"
PARQUET = "Parquet de Paris"
LUMIERE = 'Société "Lumière" & Fils'
PARQUET_ALIAS = "parquet de Paris"
LUMIERE_ALIAS = 'société "Lumière" & Fils'
OBRIEN = "Jean-Pierre O'Brien"
LEMONDE = "Le Monde"
ONG = "<Transparence> Internationale"

_A1 = (
    f"Le {PARQUET_ALIAS} accuse la {LUMIERE_ALIAS} de fraude fiscale. "
    f"Selon {LEMONDE}, le {PARQUET_ALIAS} soupçonne {OBRIEN} de détournement de fonds publics. "
    f"L'ONG {ONG} n'accuse pas {OBRIEN} de corruption, a-t-elle précisé."
)
_A2 = (
    f"L'ONG {ONG} accuse {OBRIEN} de corruption. "
    f"Le {PARQUET_ALIAS} soupçonnerait {EVIL} de complicité de fraude fiscale. "
    f"{EVIL} affirme que la France est « un pays de droit ». "
    f"La {LUMIERE_ALIAS} accuse le {PARQUET_ALIAS} d'acharnement."
)
_A3 = (
    f"Le {PARQUET_ALIAS} accuse la {LUMIERE_ALIAS} de blanchiment.\u2028"
    f"{OBRIEN} dément accuser {LEMONDE} de diffamation. "
    f"Il dément toute malversation."
)

ARTICLES = [
    Article(
        id="a1-lemonde",
        title="Affaire O'Brien : le parquet accuse",
        text=_A1,
        path="corpus/a1-lemonde.txt",
        date="2024-03-02",
        url="https://www.lemonde.fr/a1?x=1&y=<2>",
        outlet="Le Monde",
    ),
    Article(
        id="a2-mediapart",
        title=f"« {EVIL} » : l'ONG réplique",
        text=_A2,
        path="corpus/a2-mediapart.json",
        date="2024-03-05T10:00:00",
        url=None,
        outlet="Mediapart",
    ),
    Article(id="a3-afp", title="Dépêche", text=_A3, path="corpus/a3-afp.txt"),
]
_TEXT = {a.id: a.text for a in ARTICLES}

# (entity id, name, type, aliases, descriptions)
_ENTITIES = [
    ("ent-parquet", PARQUET, "ORG", [PARQUET_ALIAS], ["le ministère public"]),
    ("ent-lumiere", LUMIERE, "ORG", [LUMIERE_ALIAS], []),
    ("ent-obrien", OBRIEN, "PER", [OBRIEN], ["l'ancien élu"]),
    ("ent-lemonde", LEMONDE, "ORG", [LEMONDE], ["le quotidien"]),
    ("ent-ong", ONG, "ORG", [ONG], []),
    ("ent-evil", EVIL, "PER", [EVIL], []),
    ("ent-france", "France", "GPE", ["France"], []),
]


def _mentions(aliases: list[str]) -> list[Mention]:
    out = []
    for article in ARTICLES:
        for alias in aliases:
            i = article.text.find(alias)
            while i >= 0:
                out.append(Mention(article.id, i, i + len(alias), alias))
                i = article.text.find(alias, i + 1)
    return sorted(out, key=lambda m: (m.article, m.start))


def _claims() -> list[Claim]:
    # article, where the sentence starts, type, speaker, target, cue, status, offense, category,
    # reported_by, about
    # fmt: off
    rows = [
        ("a1-lemonde", "Le parquet", "accusation", "ent-parquet", "ent-lumiere", "accuser", "asserted",
         "fraude fiscale", "fraud", None, ()),
        ("a1-lemonde", "Selon", "accusation", "ent-parquet", "ent-obrien", "soupçonner", "alleged",
         "détournement de fonds publics", "embezzlement", "ent-lemonde", ()),
        ("a1-lemonde", "L'ONG", "accusation", "ent-ong", "ent-obrien", "accuser", "denied",
         "corruption", "corruption", None, ()),
        ("a2-mediapart", "L'ONG", "accusation", "ent-ong", "ent-obrien", "accuser", "asserted",
         "corruption", "corruption", None, ()),
        ("a2-mediapart", "Le parquet", "accusation", "ent-parquet", "ent-evil", "soupçonner", "alleged",
         "complicité de fraude fiscale", "fraud", None, ()),
        ("a2-mediapart", EVIL + " affirme", "claim", "ent-evil", None, "affirmer", "asserted",
         "la France est « un pays de droit »", None, None, ("ent-france",)),
        ("a2-mediapart", "La société", "accusation", "ent-lumiere", "ent-parquet", "accuser", "asserted",
         "acharnement", None, None, ()),
        ("a3-afp", "Le parquet", "accusation", "ent-parquet", "ent-lumiere", "accuser", "asserted",
         "blanchiment", "money laundering", None, ()),
        ("a3-afp", OBRIEN, "accusation", "ent-obrien", "ent-lemonde", "accuser", "denied",
         "diffamation", "defamation", None, ()),
        ("a3-afp", "Il dément", "denial", "ent-obrien", None, "démentir", "denied",
         "toute malversation", None, None, ()),
    ]
    # fmt: on
    claims = []
    counter: dict[str, int] = defaultdict(int)
    for art, needle, ctype, speaker, target, cue, status, offense, category, reporter, about in rows:
        text = _TEXT[art]
        start = text.index(needle)
        stops = (text.find(". ", start), text.find(".\u2028", start), len(text) - 1)
        end = min(i for i in stops if i >= 0) + 1
        sentence = text[start:end]
        o = text.index(offense, start)
        counter[art] += 1
        claims.append(
            Claim(
                id=f"{art}-c{counter[art]}",
                type=ctype,
                article=art,
                speaker=speaker,
                target=target,
                cue=cue,
                status=status,
                content=offense,
                content_start=o,
                content_end=o + len(offense),
                sentence=sentence,
                start=start,
                end=end,
                category=category,
                reported_by=reporter,
                about=about,
            )
        )
    return claims


def make_kg() -> KnowledgeGraph:
    """The test graph: 3 articles, 7 entities, 10 claims, 7 accusations."""
    entities = [
        Entity(
            id=i,
            name=n,
            type=t,
            aliases=a,
            descriptions=d,
            mentions=_mentions(a),
            same_as=["https://www.wikidata.org/wiki/Q90"] if i == "ent-france" else [],
        )
        for i, n, t, a, d in _ENTITIES
    ]
    merges = [
        MergeEvent("ent-obrien", (OBRIEN, "O'Brien"), "surname", 0.92, ("a1-lemonde", "a2-mediapart")),
        MergeEvent("ent-parquet", (PARQUET, PARQUET_ALIAS), "case", 1.0, ("a1-lemonde",)),
    ]
    problems = [InputProblem("corpus/broken.html", "no article text found", True)]
    return build_graph(list(reversed(ARTICLES)), entities, _claims(), merges, problems)

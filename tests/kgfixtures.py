"""A small KnowledgeGraph built by hand (no spaCy), shared by the RDF and query tests.

Three articles about a quarrel in Montpellier:

* A = Jean-Pierre Durand (the mayor), B = Association "Œil citoyen", C = Société
  d'aménagement Sodexa, D = Préfecture de l'Hérault, E = Agence France-Presse (a reporter);
* A accuses B of defamation in two articles (one accusation, two sources, asserted);
* B accuses A of corruption (alleged): A <-> B is mutual;
* B accuses C of fraud, "selon l'Agence France-Presse" (reported by E): chain A -> B -> C;
* D accuses C of pollution: C is accused by several;
* C denies the fraud (a denial), A denies having accused D (a denied accusation), D makes a
  plain claim.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from kg.graph import build_graph, short_hash
from kg.records import Article, Claim, Entity, KnowledgeGraph, MergeEvent

__all__ = ["ACTORS", "BLEU", "MIDI", "MONDE", "A", "B", "C", "D", "E", "make_kg"]

A, B, C, D, E = "ent-durand", "ent-oeil-citoyen", "ent-sodexa", "ent-prefecture-herault", "ent-afp"

ACTORS = {
    A: "Jean-Pierre Durand",
    B: 'Association "Œil citoyen"',
    C: "Société d'aménagement Sodexa",
    D: "Préfecture de l'Hérault",
    E: "Agence France-Presse",
}

MIDI, MONDE, BLEU = "midilibre_2024_durand", "lemonde_2024_oeil", "francebleu_2024_lez"

_ARTICLES = {
    MIDI: (
        "Le maire de Montpellier contre-attaque",
        "2024-03-12",
        "https://www.midilibre.fr/2024/03/12/le-maire-contre-attaque",
        "Midi Libre",
        [
            'Le maire Jean-Pierre Durand accuse l\'association "Œil citoyen" de diffamation après la '
            "publication d'un rapport.",
            "Selon l'association, le maire aurait favorisé des proches lors de l'attribution de "
            "marchés publics.",
        ],
    ),
    MONDE: (
        "À Montpellier, l'association « Œil citoyen » dans le viseur",
        "13 mars 2024",
        None,
        "Le Monde",
        [
            "Jean-Pierre Durand a de nouveau accusé l'association de diffamation mardi.",
            "L'association \"Œil citoyen\" accuse la Société d'aménagement Sodexa de fraude aux "
            "subventions, selon l'Agence France-Presse.",
            "La société Sodexa dément toute fraude.",
        ],
    ),
    BLEU: (
        "Rejets dans le Lez : la préfecture hausse le ton",
        None,
        "https://www.francebleu.fr/infos/lez rejets",
        None,
        [
            "La préfecture de l'Hérault reproche à Sodexa des rejets polluants dans le Lez.",
            "Le maire dément avoir accusé la préfecture de négligence.",
            "La préfecture affirme que les contrôles ont été renforcés depuis 2022.",
        ],
    ),
}

_FAVOURS = "favorisé des proches lors de l'attribution de marchés publics"
_POLLUTION = "des rejets polluants dans le Lez"
_CONTROLS = "les contrôles ont été renforcés depuis 2022"


class _Spec(NamedTuple):
    """One claim of the fixture; the sentence is the article's sentence number ``index``."""

    article: str
    index: int
    type: str
    speaker: str
    target: str | None
    cue: str
    status: str
    content: str
    category: str | None = None
    reporter: str | None = None
    about: tuple[str, ...] = ()


_CLAIMS = [
    _Spec(MIDI, 0, "accusation", A, B, "accuser", "asserted", "diffamation", "defamation"),
    _Spec(MIDI, 1, "accusation", B, A, "favoriser", "alleged", _FAVOURS, "corruption"),
    _Spec(MONDE, 0, "accusation", A, B, "accuser", "asserted", "diffamation", "defamation"),
    _Spec(MONDE, 1, "accusation", B, C, "accuser", "asserted", "fraude aux subventions", "fraud", reporter=E),
    _Spec(MONDE, 2, "denial", C, B, "démentir", "denied", "toute fraude", "fraud"),
    _Spec(BLEU, 0, "accusation", D, C, "reprocher", "asserted", _POLLUTION, "environment"),
    _Spec(BLEU, 1, "accusation", A, D, "accuser", "denied", "négligence"),
    _Spec(BLEU, 2, "claim", D, None, "affirmer", "asserted", _CONTROLS, about=(C,)),
]


def _articles() -> list[Article]:
    out = []
    for article_id, (title, day, url, outlet, sentences) in _ARTICLES.items():
        out.append(
            Article(
                id=article_id,
                title=title,
                text=" ".join(sentences),
                path=f"corpus/{article_id}.txt",
                date=day,
                url=url,
                outlet=outlet,
            )
        )
    return out


def _claims(articles: dict[str, Article]) -> list[Claim]:
    out = []
    for spec in _CLAIMS:
        sentence = _ARTICLES[spec.article][4][spec.index]
        start = articles[spec.article].text.index(sentence)
        content_start = start + sentence.index(spec.content)
        out.append(
            Claim(
                id="clm-" + short_hash(spec.article, start),
                type=spec.type,  # type: ignore[arg-type]
                article=spec.article,
                speaker=spec.speaker,
                target=spec.target,
                cue=spec.cue,
                status=spec.status,  # type: ignore[arg-type]
                content=spec.content,
                content_start=content_start,
                content_end=content_start + len(spec.content),
                sentence=sentence,
                start=start,
                end=start + len(sentence),
                category=spec.category,
                reported_by=spec.reporter,
                about=spec.about,
            )
        )
    return out


def make_kg() -> KnowledgeGraph:
    """The fixture graph, rebuilt from scratch on each call (same input, same graph)."""
    articles = _articles()
    entities = [
        Entity(
            A,
            ACTORS[A],
            "PER",
            aliases=["Jean-Pierre Durand", "Durand", "le maire"],
            descriptions=["maire de Montpellier"],
            same_as=["https://www.wikidata.org/wiki/Q0000001"],
        ),
        Entity(B, ACTORS[B], "ORG", aliases=["Œil citoyen", "l'association"], descriptions=["association"]),
        Entity(C, ACTORS[C], "ORG", aliases=["Sodexa", "la société"]),
        Entity(D, ACTORS[D], "ORG", aliases=["la préfecture"]),
        Entity(E, ACTORS[E], "ORG", aliases=["AFP"]),
        Entity("ent-lez", "Lez", "LOC"),
        Entity("ent-montpellier", "Montpellier", "GPE", same_as=["http://www.wikidata.org/entity/Q6441"]),
    ]
    merges = [
        MergeEvent(
            entity=A,
            names=("Jean-Pierre Durand", "Durand"),
            rule="surname",
            score=0.9,
            articles=(MONDE, MIDI),
        )
    ]
    return build_graph(articles, entities, _claims({a.id: a for a in articles}), merges=merges)


def case_ids(table: Sequence[object]) -> list[str]:
    """Readable ASCII test ids from each case's text (pytest prints accents as escapes)."""
    ids = []
    for case in table:
        text = str(getattr(case, "values", case)[0])
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].rstrip("-")
        n = sum(1 for i in ids if i == slug or i.startswith(slug + "~"))
        ids.append(slug if n == 0 else f"{slug}~{n}")
    return ids

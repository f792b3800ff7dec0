"""The entity stage: actors in one parsed article, and what each noun phrase refers to.

``ArticleEntities(doc, article_id)`` turns the model's entity spans into clean named mentions
(quotes, verbs and line breaks cut off; determiners, elisions and titles stripped), groups the
mentions of one actor (full name, surname only, acronym), corrects types from context, keeps
appositions as descriptions, and answers ``refers_to(token)``: which actors a token stands for,
through names, pronouns ("il", "elle", "ils") and descriptions ("l'entreprise", "le ministre",
"les deux géants américains").

Institutions named by a common-noun phrase ("le parquet national financier", "l'armée malienne",
"l'inspection du travail") are actors too; a bare reference ("le parquet", "la justice") is a mention
of the institution the article names with the same head noun, and the body of a named state ("le
gouvernement chinois") a mention of that state (see ``BODY_NOUNS`` and ``_institutions``).

Notes: role nouns and organisation nouns are general French lexicon; a description such as
"la start-up chinoise Brenval" is linked to its entity through the dependency parse (appos,
nmod, flat) or adjacency, never through names.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.frames import find_cues
from kg.places import begins_like, fold, load_places
from kg.records import EntityType, LocalEntity, Mention, MentionKind

__all__ = [
    "BODY_NOUNS",
    "ORG_NOUNS",
    "PERSON_NOUNS",
    "ArticleEntities",
    "dateline_tokens",
    "name_key",
    "strip_name",
]

# Nouns that denote a person by role: "le ministre", "l'avocate", "le porte-parole".
PERSON_NOUNS = frozenset(
    """ministre président présidente député députée sénateur sénatrice maire avocat avocate juge
    procureur procureure porte-parole conseiller conseillère secrétaire directeur directrice patron
    patronne chef candidat candidate humoriste acteur actrice chanteur chanteuse journaliste
    écrivain auteur autrice dirigeant dirigeante fondateur fondatrice entraîneur joueur joueuse
    coureur cycliste champion championne vainqueur médecin élu élue ambassadeur ambassadrice
    militant militante opposant opposante homme femme responsable commissaire magistrat magistrate
    policier ministre-président premier-ministre roi reine prince princesse général officier sportif
    sportive athlète footballeur star PDG pdg fils fille épouse mari collaborateur collaboratrice
    associé associée témoin victime accusé accusée prévenu prévenue suspect suspecte plaignant
    plaignante rappeur rappeuse animateur animatrice réalisateur réalisatrice chercheur chercheuse
    expert experte analyste économiste employé employée salarié salariée cadre ouvrier ouvrière
    infirmier infirmière enseignant enseignante étudiant étudiante habitant habitante riverain
    riveraine supporter édile lanceur lanceuse agent agente coéquipier coéquipière entraîneuse""".split()
)

# Nouns that denote an organisation: "l'entreprise", "le groupe", "la start-up", "le parquet".
ORG_NOUNS = frozenset(
    """entreprise société groupe start-up startup firme compagnie éditeur studio géant géants
    constructeur opérateur fabricant banque fonds agence autorité organisation association
    fédération ligue club équipe parti syndicat gouvernement ministère administration commission
    conseil tribunal cour parquet police gendarmerie armée justice juridiction magazine journal
    quotidien hebdomadaire mensuel média médias site chaîne radio télévision plateforme réseau
    application laboratoire université institut fondation ong ONG régulateur gendarme assureur
    distributeur enseigne marque filiale maison-mère multinationale conglomérat consortium cabinet
    office service services agence-presse formation collectif""".split()
)

# Nouns of institutions that judge or prosecute: they accuse through procedure.
JUDICIAL_NOUNS = frozenset(
    """tribunal cour parquet juge procureur procureure justice juridiction magistrat""".split()
)

# Institutions named after their seat: "le parquet de Nanterre", "la cour d'appel de Lyon".
INSTITUTION_NOUNS = frozenset(
    "tribunal cour parquet police gendarmerie préfecture procureur procureure".split()
)

# Head nouns (lemmas) of institutions that act in the news under a common-noun phrase, with or
# without a proper noun: "le parquet national financier", "l'inspection du travail", "la commission
# électorale", "le ministère de l'Intérieur", "l'armée malienne", "les syndicats", "la junte".
# A person by role ("le procureur", "le juge") is in PERSON_NOUNS, not here.
BODY_NOUNS = frozenset(
    """parquet tribunal cour chambre justice police gendarmerie brigade préfecture commissariat douane
    armée force gouvernement ministère junte syndicat opposition autorité inspection commission
    direction régime pouvoir exécutif administration conseil ambassade consulat télévision centre
    milice""".split()
)
# Bodies that stand for the state they belong to: "le gouvernement chinois", "les autorités
# rwandaises", "le gouvernement de la RDC" are mentions of China, Rwanda, the DRC when the article
# names that state; else an actor of their own ("Gouvernement malien").
_STATE_BODIES = frozenset("gouvernement autorité régime pouvoir administration".split())
# Bodies that a place after "de" does not name: "les syndicats de Brenval" are not an actor named
# after a seat (and the model often takes a company for a place).
_UNSEATED = frozenset("syndicat opposition junte".split())
# Bodies also named by a common-noun complement, not only by adjectives and a seat: "le ministère
# de l'Intérieur", "l'inspection du travail", "la cour d'appel", "la brigade de répression de ...",
# "les forces de l'ordre", "l'armée de l'air", "l'autorité de la concurrence".
_COMPLEMENT_NAMED = frozenset(
    """tribunal cour chambre ministère inspection autorité commission brigade direction force armée
    police gendarmerie gouvernement préfecture ambassade consulat télévision centre milice""".split()
)
# Named by a complement only after an adjective: "la direction générale de la police", "le centre
# communal d'action sociale", not "la direction de la gare", "le centre de la ville".
_ADJECTIVE_FIRST = frozenset({"direction", "centre"})
# A definite bare noun that is an actor of its own when the article names no institution with that
# head: "la justice" -> "Justice", "les syndicats" -> "Syndicats". Other body nouns ("la cour", "la
# chambre", "la commission", "la direction") are only resolved to an institution the article names.
_GENERIC_BODIES = frozenset(
    """parquet tribunal justice police gendarmerie armée junte syndicat opposition régime pouvoir
    gouvernement ministère préfecture douane autorité force enquêteur""".split()
)
# ... of which these, in the plural only ("les autorités", "les forces"), and the others in the
# singular only ("la police"; "les tribunaux" is no actor).
_PLURAL_BODIES = frozenset("syndicat autorité force enquêteur douane".split())
# Nouns that mean the body only in an actor's place: "le pouvoir a réprimé" but "au pouvoir",
# "prendre le pouvoir"; "l'opposition dénonce" but "leur opposition à".
_ACTOR_PLACE_ONLY = frozenset("pouvoir régime opposition".split())
_ACTOR_DEPS = frozenset("nsubj nsubj:pass obl:agent".split())
# Capitalised articles that begin a name: newspapers ("Le Monde", "L'Obs"), surnames ("Le Pen")
_TITLE_ARTICLES = frozenset(("Le", "La", "Les", "L'", "L’"))
_OPENERS = frozenset((".", "!", "?", ":", "«", '"', "“", "(", "-", "–", "—", "\n"))
# Functions of a word that modifies another, which a name opening a sentence does not have
_MODIFIER_DEPS = frozenset("amod advmod advcl det cc mark case cop aux".split())
# The organ of a named organisation that speaks for it: "la direction d'Amazon" is Amazon.
_ORGAN_NOUNS = frozenset("direction rédaction".split())
# Those who investigate: "les enquêteurs" are the police unit or office the article names.
_INVESTIGATORS = frozenset({"enquêteur"})
_INVESTIGATING_BODIES = frozenset("police gendarmerie brigade office direction inspection douane".split())
# Nouns of companies and associations: "la direction du groupe" is the company's, no institution.
_COMPANY_NOUNS = ORG_NOUNS - BODY_NOUNS - JUDICIAL_NOUNS
# Homonyms: a body noun with one of these adjectives or complements (lemmas) is something else:
# "une police d'assurance", "la justice sociale", "la cour de l'école", "le régime fiscal".
_OTHER_SENSES: dict[str, frozenset[str]] = {
    "police": frozenset("assurance caractère écriture".split()),
    "justice": frozenset("social climatique fiscal divin immanent transitionnel restauratif".split()),
    "cour": frozenset(
        "école récréation immeuble maison ferme château honneur miracle intérieur carré".split()
    ),
    "chambre": frozenset("hôtel enfant bonne ami hôpital froid noir double simple fort".split()),
    "commission": frozenset("infraction crime délit fait acte meurtre".split()),
    "conseil": frozenset("juridique avisé précieux utile pratique amical bon mauvais sage".split()),
    "régime": frozenset(
        "fiscal matrimonial alimentaire juridique spécial général indemnitaire dérogatoire sec".split()
    ),
    "pouvoir": frozenset("achat attraction conviction persuasion absolu discrétionnaire".split()),
    "autorité": frozenset("parental".split()),
    "force": frozenset("vif majeur frappe".split()),
    "direction": frozenset("opposé contraire inverse bon mauvais".split()),
    "télévision": frozenset("réalité couleur numérique câble écran poste".split()),
    "centre": frozenset("ville historique commercial gauche droite gravité attention intérêt".split()),
}
# Verbs whose object is followed by "de" and the offense: "accuser l'armée malienne de crimes".
_OFFENSE_VERBS = frozenset("accuser soupçonner suspecter inculper taxer qualifier blâmer convaincre".split())
# Adjectives that do not name the body: "le tribunal compétent" is the tribunal named elsewhere.
_NON_NAMING_ADJECTIVES = frozenset(
    """même seul actuel ancien nouveau dernier premier concerné compétent puissant principal
    tout-puissant autre différent tel""".split()
)
_BODY_LEMMAS = BODY_NOUNS | _ORGAN_NOUNS | _INVESTIGATORS
# Institutions every state has: named without their state, they are the article's state's
# ("le ministère de l'Intérieur", "l'Assemblée nationale", "la Cour suprême").
_NATIONAL_HEADS = frozenset(
    """ministère assemblée sénat parlement gouvernement présidence primature garde police gendarmerie
    armée parquet tribunal cour justice douane""".split()
)
# Adjectives of bodies above the states: "la Cour pénale internationale", "la Commission européenne"
_SUPRANATIONAL = frozenset(
    "international internationale européen européenne mondial mondiale onusien onusienne".split()
)
# Members who, in the plural, are their body: "les opposants", "ses opposants" are the opposition.
_GROUP_BODIES = {"opposant": "opposition"}
# Officials who, in the plural with a state's adjective, speak for the state ("des responsables
# américains", "les dirigeants chinois").
_OFFICIALS = frozenset("responsable dirigeant diplomate officiel".split())

_TITLE_TOKENS = frozenset("M. MM. Mme Mmes Mlle Me Maître Dr Pr".split())
# The kinds of mention that name their actor (the others are resolved to one of these)
_NAMED_KINDS = frozenset(("name", "acronym", "title", "metonym"))

# Courtesy and professional titles kept as aliases but not in the name.
_TITLES = re.compile(
    r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Maître|Dr|Pr|Docteur|Professeur|Monsieur|Madame|Mgr|Sir|Lord)\s+"
)
_DETERMINERS = re.compile(
    r"^(?:l'|d'|de la |de l'|du |des |de |la |le |les |un |une |aux |au )+", re.IGNORECASE
)
# "l'ex-UMP": a former name, whose actor is the name's ("ex-" before a capital)
_FORMER = re.compile(r"^ex-(?=[A-ZÀ-Ý])")
# A name with a capital after a lower-case start: "iPhone", "eBay", "franceTV"
_CAMEL = re.compile(r"^[a-zà-ÿ]{1,3}[A-ZÀ-Ý]\w")
_QUOTES = frozenset("«»\"“”„'‹›")
_ACRONYM_SKIPS = frozenset("contre pour sur en et à au aux l' d'".split())
_NAME_PARTICLES = frozenset("""de du des d' la le von van der den al el ben bin da di dos del y et""".split())

_LABELS: dict[str, EntityType] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE", "MISC": "OTHER"}

# Verbs whose subject is an actor (speaks, accuses, acts in law): a place or MISC there is an actor.
_ACTOR_VERBS = frozenset(
    """accuser reprocher soupçonner dénoncer affirmer déclarer assurer indiquer annoncer estimer dire
    répondre démentir nier contester rejeter condamner critiquer porter déposer poursuivre attaquer
    exiger demander réclamer menacer refuser lancer mener ouvrir publier révéler expliquer souligner
    préciser ajouter confirmer reconnaître admettre dévoiler signaler""".split()
)

# Nouns that may stand for a state as well as an organisation: "le pays", "le gouvernement".
_STATE_NOUNS = frozenset("pays état gouvernement régime capitale administration puissance".split())
_FEMININE_ROLES = frozenset(
    """ministre-déléguée présidente députée sénatrice avocate procureure conseillère directrice patronne
    candidate actrice chanteuse autrice dirigeante fondatrice joueuse championne élue ambassadrice
    militante opposante magistrate sportive épouse fille reine princesse plaignante suspecte
    prévenue accusée victime-femme rappeuse animatrice réalisatrice chercheuse experte""".split()
)
# "celle-ci", "ce dernier": the one mentioned last.
_DEMONSTRATIVES = frozenset("celui-ci celle-ci ceux-ci celles-ci dernier dernière".split())
_NAME_PRIORITY: dict[str, int] = {"PER": 4, "ORG": 3, "GPE": 2, "LOC": 1, "OTHER": 0}
_SINGLE_WORD_PRIORITY: dict[str, int] = {"GPE": 4, "LOC": 3, "ORG": 2, "PER": 1, "OTHER": 0}
# Capitalised words that are not names: titles of address, days, months.
_NOT_NAMES = frozenset(
    """m mme mlle me maître dr monsieur madame lundi mardi mercredi jeudi vendredi samedi dimanche
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre hier demain
    aujourd'hui""".split()
)
_COORDINATORS = frozenset(""", et ou ainsi que comme""".split())
# Verbs of saying: their pronoun subject is most often a person ("a-t-il déclaré").
_SAYING_VERBS = frozenset(
    """affirmer déclarer assurer indiquer annoncer estimer dire répondre expliquer souligner préciser
    ajouter confirmer lancer poursuivre rétorquer répliquer raconter confier admettre reconnaître""".split()
)
# nouns of quantity and part, which name a share of a group and no actor of their own ("la
# plupart", "la majorité des élus", "une partie du personnel")
_QUANTITY_NOUNS = frozenset(
    (
        "plupart",
        "majorité",
        "minorité",
        "moitié",
        "partie",
        "totalité",
        "ensemble",
        "reste",
        "nombre",
        "part",
        "tiers",
        "quart",
        "dizaine",
        "vingtaine",
        "centaine",
        "millier",
        "poignée",
        "foule",
    )
)


def _quantity(token: Token) -> bool:
    return token.lemma_.lower() in _QUANTITY_NOUNS or token.lower_ in _QUANTITY_NOUNS


_PERSON_PRONOUNS = frozenset(
    """il elle ils elles lui eux celui-ci celle-ci ceux-ci celles-ci le la l' les""".split()
)


# Verbs whose subject "il" is impersonal: "il s'agit de", "il existe", "il faut", "il semble".
_IMPERSONAL_VERBS = frozenset("agir exister falloir sembler paraître rester suffire valoir manquer".split())


def _impersonal(token: Token) -> bool:
    head = token.head
    if head.lemma_.lower() in _IMPERSONAL_VERBS:
        return True
    return head.lemma_ == "avoir" and any(c.lower_ == "y" for c in head.children)  # "il y a"


def _definite(token: Token) -> bool:
    """A noun with a definite, demonstrative or possessive determiner: "les ogres", "ce groupe"."""
    for c in token.children:
        if c.dep_ == "case" and c.lower_ in ("au", "aux", "du", "des"):
            return True  # "au studio": à + le
        if c.dep_ != "det":
            continue
        if "Def" in c.morph.get("Definite", []) or "Dem" in c.morph.get("PronType", []):
            return True
        if "Yes" in c.morph.get("Poss", []):
            return True
    return False


def _body_lemma(token: Token) -> str:
    """The institution noun a token is ("syndicats" -> "syndicat"), or ""."""
    lemma = token.lemma_.lower()
    if lemma in _BODY_LEMMAS:
        return lemma
    low = token.lower_
    if low in _BODY_LEMMAS:
        return low
    if low[-1:] in ("s", "x") and low[:-1] in _BODY_LEMMAS and "Plur" in token.morph.get("Number", []):
        return low[:-1]  # "syndicats", not "au cours de"
    return ""


def _plural(token: Token) -> bool:
    return "Plur" in token.morph.get("Number", []) or (
        token.lower_[-1:] in ("s", "x") and token.lower_[:-1] == _body_lemma(token)
    )


_DEFINITE_WORDS = frozenset("le la les l' ce cet cette ces".split())
_CONTRACTIONS = frozenset("au aux du des".split())


def _determiner(token: Token) -> str:
    """What determines a noun: "def" (definite or demonstrative: "le parquet", "ce tribunal",
    "du parquet"), "ind" ("une enquête", "certaines autorités"), "poss" ("son parti"), or "none"
    ("une enquête de police": the noun names no one)."""
    for c in token.children:
        if c.i > token.i:
            continue
        if c.dep_ == "case" and c.lower_ in _CONTRACTIONS:
            return "def"  # "du parquet": de + le
        if c.dep_ != "det":
            continue
        if "Yes" in c.morph.get("Poss", []):
            return "poss"
        if "Def" in c.morph.get("Definite", []) or "Dem" in c.morph.get("PronType", []):
            return "def"
        return "ind"
    j = token.i - 1  # the parser attached the determiner elsewhere: the word before (and adjectives)
    while j >= 0 and token.i - j <= 3 and token.doc[j].pos_ == "ADJ":
        j -= 1
    if j >= 0 and token.doc[j].lower_ in _DEFINITE_WORDS | _CONTRACTIONS:
        return "def"
    return "none"


def _agrees(adjective: Token, noun: Token) -> bool:
    """Gender and number do not contradict: "Le Parquet suspecte ..." is a verb, not "Parquet
    suspecte"."""
    for feature in ("Gender", "Number"):
        a, n = adjective.morph.get(feature, []), noun.morph.get(feature, [])
        if a and n and a[0] != n[0]:
            return False
    return True


def _fold(text: str) -> str:
    s = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def _of_place(adjective: str, place: str, lemma: str = "") -> bool:
    """Whether an adjective is the one of a place name: "malienne" / "Mali", "chinois" / "Chine",
    "saoudien" / "Arabie saoudite", "congolais" / "République démocratique du Congo", "américain"
    / "États-Unis"."""
    a = _fold(adjective)
    if len(a) < 4:
        return False
    places = load_places()
    state = places.state_of_name(place)  # not a capital: "française" is no adjective of "Paris"
    if state is not None:
        return places.demonym(adjective) == state or (bool(lemma) and places.demonym(lemma) == state)
    # a place not in the table of states: a region, a city ("breton" / "Bretagne")
    return any(
        len(word) >= 4 and word[:1].isupper() and begins_like(a, _fold(word)) > 0
        for word in re.split(r"[\s\-']+", place)
    )


_DASHES = frozenset(("-", "–", "—"))


def dateline_tokens(sent: Span) -> set[int]:
    """Tokens of a dateline opening an article: "PARIS (AFP) -", "Genève (Reuters) —". The place
    is no actor; the agency is the source the article relays."""
    toks = [t for t in sent[:12] if not t.is_space]
    for j, t in enumerate(toks):
        if t.text in _DASHES and j >= 3:
            head = toks[:j]
            bracketed = any(a.text == "(" and b.text == ")" for a in head for b in head if a.i < b.i)
            if bracketed and head[0].text[:1].isupper():
                return {x.i for x in head}
            return set()
    return set()


def strip_name(text: str) -> str:
    """The name without determiners, elisions and titles: "l'Unesco" -> "Unesco".

    >>> strip_name("Me Claire Morel"), strip_name("la Chine"), strip_name("d'Orvalis")
    ('Claire Morel', 'Chine', 'Orvalis')
    """
    s = " ".join(text.split())
    for _ in range(3):
        new = _FORMER.sub("", _TITLES.sub("", _DETERMINERS.sub("", s)))
        if new == s:
            break
        s = new
    return s.strip(" ,;:.-") or text.strip()


def name_key(text: str) -> str:
    """A comparison key: no accents, no case, no punctuation, no determiners or titles.

    >>> name_key("l'État"), name_key("N’Golo Diarra-Koné")
    ('etat', 'ngolo diarra kone')
    """
    s = unicodedata.normalize("NFKD", strip_name(text.replace("\u2019", "'")))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"'", "", s)
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def _acronym(name: str) -> str:
    words = [re.sub(r"^[dlDL]'", "", w) for w in re.split(r"[\s\-]+", name)]  # "d'orientation"
    words = [w for w in words if w and w.lower() not in _NAME_PARTICLES | _ACRONYM_SKIPS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


@dataclass(slots=True)
class _Named:
    start: int  # token indices
    end: int
    label: EntityType
    entity: int = -1


@dataclass(slots=True)
class _Reference:
    """An institution phrase that is no name of its own, resolved once names are clustered: the
    body of a state ("le gouvernement chinois"), the organ of an organisation ("la direction
    d'Amazon"), or a bare reference ("le parquet", "la justice", "les syndicats")."""

    start: int  # the tokens it covers as a mention: the head noun and its adjectives
    end: int
    lemma: str
    plural: bool
    text_start: int  # its text: with the determiner, and the state's name after it if given
    text_end: int
    target: _Named | None = None  # the state or organisation the phrase names
    capitalised: bool = False  # "le Parquet": the model took it for a name; an actor in any case


@dataclass(slots=True)
class _Cluster:
    names: list[str] = field(default_factory=list)
    labels: list[EntityType] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    role_nouns: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)  # of the determiners of its role nouns ("la juge")
    merges: list[tuple[str, str, str]] = field(default_factory=list)
    plural_names: set[str] = field(default_factory=set)  # "Inspections du travail"
    actor_votes: int = 0
    gpe_votes: int = 0
    org_votes: int = 0
    person_votes: int = 0
    scope: str = ""  # "article": a generic body ("Justice"), an actor of this article only


def _noun_phrase(noun: Token) -> Span:
    """A noun with its determiner and adjectives, what a reader calls the description: "le
    groupe minier", "ses anciennes collaboratrices" (not the preposition before, nor a clause
    after)."""
    doc = noun.doc
    left = noun.i
    while (
        left > noun.sent.start
        and doc[left - 1].head.i == noun.i
        and doc[left - 1].dep_ in ("det", "amod", "nummod")
    ):
        left -= 1
    right = noun.i + 1
    while (
        right < noun.sent.end
        and doc[right].head.i == noun.i
        and doc[right].dep_ == "amod"
        and doc[right].pos_ == "ADJ"
    ):
        right += 1
    return doc[left:right]


def _latter_phrase(token: Token) -> bool:
    """ "ce dernier", "cette dernière", however tagged (a pronoun, or a determiner and an
    adjective), and not "ce dernier rapport"."""
    doc = token.doc
    if token.lower_ not in ("dernier", "dernière"):
        return False
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    if before not in ("ce", "cette") and not any(c.lower_ in ("ce", "cette") for c in token.children):
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ")


def split_demonstrative(token: Token) -> bool:
    """ "celle-ci", "celui-ci" split by the tokenizer in three tokens."""
    doc = token.doc
    return (
        token.lower_ in ("celle", "celui", "ceux", "celles")
        and token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and doc[token.i + 2].lower_ == "ci"
    )


def is_reference(token: Token) -> bool:
    """A reference the tagger may not call a pronoun: "ce dernier", a split "celle-ci"."""
    return _latter_phrase(token) or split_demonstrative(token)


def _determiner_gender(noun: Token) -> list[str]:
    """The gender the determiners of a noun show ("la juge", "le ministre"; not the elided "l'")."""
    return [g for d in noun.children if d.dep_ == "det" for g in d.morph.get("Gender", [])]


_OF = frozenset(("de", "du", "des", "d'", "d’"))
_OF_ARTICLES = frozenset(("la", "le", "les", "l'", "l’"))
_OF_OR_AT = _OF | {"à"}
# Places named after their town: "l'aéroport de Rubavu", "le tribunal de Bobigny"
_SEATED = frozenset(
    "aéroport port gare prison hôpital université stade mairie préfecture parquet tribunal".split()
)


def _complement_end(doc: Doc, k: int, end: int) -> int | None:
    """The end of "de la consommation", "des Affaires étrangères" starting at ``k``, else None."""
    if k >= end or doc[k].lower_ not in _OF:
        return None
    k += 1
    if k < end and doc[k].lower_ in _OF_ARTICLES:
        k += 1
    if k >= end or doc[k].pos_ != "NOUN":
        return None
    k += 1
    while k < end and doc[k].pos_ == "ADJ":
        k += 1
    return k


def _enumeration_end(e: Span) -> int:
    """An institution named by a common noun whose name enumerates its fields, cut by the model
    at the first comma: "la Direction générale de la concurrence, de la consommation et de la
    répression des fraudes", "le ministère de l'Europe et des Affaires étrangères". The end of the
    name with its enumeration, when the enumeration closes with "et de ..."; else the model's end."""
    doc = e.doc
    if e[0].pos_ != "NOUN" or e[-1].pos_ not in ("NOUN", "ADJ"):
        return e.end
    limit = min(e.sent.end, e.end + 30)
    j = e.end
    while j < limit and doc[j].text == ",":
        k = _complement_end(doc, j + 1, limit)
        if k is None:
            return e.end
        j = k
    if j < limit and doc[j].lower_ == "et":
        k = _complement_end(doc, j + 1, limit)
        if k is not None:
            nested = _complement_end(doc, k, limit)  # "de la répression des fraudes"
            return nested or k
    return e.end


# What a court's chamber is named by: "la chambre de l'instruction", "la chambre correctionnelle",
# "la chambre d'appel"; not "la Chambre des députés", "la chambre de commerce".
_CHAMBER_WORDS = frozenset(
    """instruction appel accusation accusations correctionnelle criminelle civile jugement détention
    instance sociale commerciale""".split()
)


def _court_chamber(key: str) -> bool:
    """Whether a name's comparison key names a chamber of a court ("chambre de l instruction")."""
    words = key.split()
    return (
        len(words) >= 2
        and words[0] == "chambre"
        and any(w in _CHAMBER_WORDS or (w[:1] in "ld" and w[1:] in _CHAMBER_WORDS) for w in words[1:])
    )  # the key drops the apostrophe of an elision: "d appel" is "dappel", "l instruction" "linstruction"


def _alias(m: Mention) -> bool:
    """Whether a mention's text is an alias of its actor: a name, an acronym, a titled name, or
    a metonym that is a proper name ("Pékin", "l'Élysée"; not "les autorités chinoises")."""
    if m.kind in ("name", "acronym", "title"):
        return True
    return m.kind == "metonym" and strip_name(m.text)[:1].isupper()


class ArticleEntities:
    """The actors of one parsed article, and a resolver from tokens to actors."""

    def __init__(self, doc: Doc, article_id: str, *, generic_bodies: bool = True) -> None:
        """``generic_bodies``: a bare reference to an institution the article does not name ("la
        justice", "les syndicats") is an actor of its own, named by its noun ("Justice"), with
        the scope "article": ``kg.resolve`` never merges it with another article's, since one
        "Justice" would then stand for the justice of every country the corpus speaks of."""
        self.doc = doc
        self._generic_bodies = generic_bodies
        self.article = article_id
        self._named: list[_Named] = []
        self._token_named: dict[int, _Named] = {}
        self._clusters: list[_Cluster] = []
        self._resolved: dict[int, list[int]] = {}  # token index -> entity keys, for coref mentions
        self._references: list[_Reference] = []
        # named mention start -> (the state it names or stands for, whether it takes the state's
        # name: "Pékin", "l'Hexagone" do; "la Chine", "les Etats-Unis" keep their own)
        self._states: dict[int, tuple[str, bool]] = {}
        self._starts: list[int] | None = None
        self._split_at: set[int] = set()  # where two names the model ran together were split
        self._state_cache: str | None = None  # the state the article names most ("" for none)
        self._collect_named()
        self._cluster()
        self._attach_references()
        self._describe()
        self._nested_places()
        self.entities: list[LocalEntity] = self._finish()

    # --- named mentions -------------------------------------------------------------------
    def _collect_named(self) -> None:
        doc = self.doc
        spans = [self._clean(e) for e in self._split_entities()]
        text = doc.text  # Doc.text joins every token: once per document
        merged: list[tuple[Span, str]] = []
        for cleaned in spans:
            if cleaned is None:
                continue
            span, label = cleaned
            if merged:
                prev, plabel = merged[-1]
                gap = text[prev.end_char : span.start_char]
                if (
                    prev.end == span.start
                    and gap == " "
                    and plabel == "PER"
                    and span[0].text[:1].isupper()
                    and span.start not in self._split_at
                ):
                    merged[-1] = (doc[prev.start : span.end], "PER")
                    continue
            merged.append((span, label))
        for span, label in merged:
            t = span[0]
            after = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if (
                len(span) == 1
                and label == "MISC"
                and t.is_sent_start
                and t.dep_ in _MODIFIER_DEPS
                and not any(c.isupper() or c.isdigit() for c in t.text[1:])  # inner capitals: a name
                and not (after is not None and after.pos_ in ("VERB", "AUX"))  # a subject before its verb
            ):
                continue  # "Agacée, elle a répondu": an adjective opening the sentence
            self._add_named(_Named(span.start, span.end, _LABELS.get(label, "OTHER")))
        for stage in (self._proper_noun_runs, self._propagate_names, self._institutions, self._officials):
            stage()
            self._named.sort(key=lambda m: m.start)

    def _split_entities(self) -> list[Span]:
        """The model's entities, with the two names it ran into one split apart: coordinated
        names with their preposition ("dans Mediapart et sur France Inter"), and a person's name
        the article gives alone run into the next ("le soutien d'Alain Juppé Benoist Apparu")."""
        doc = self.doc
        alone = {e.text for e in doc.ents if e.label_ == "PER" and len(e) >= 2}
        out: list[Span] = []
        for e in doc.ents:
            parts = [e]
            for i in range(e.start + 1, e.end - 2):
                t, prep, first = doc[i], doc[i + 1], doc[i + 2]
                if (
                    t.lower_ == "et"
                    and prep.pos_ == "ADP"
                    and first.text[:1].isupper()
                    and not any(x.pos_ == "ADP" for x in doc[e.start : i])
                ):
                    parts = [doc[e.start : i], doc[i + 2 : e.end]]
                    break
            if len(parts) == 1 and e.label_ == "PER" and len(e) >= 3:
                for n in range(2, len(e)):
                    head, rest = e[:n], e[n:]
                    if head.text in alone and all(x.text[:1].isupper() for x in rest):
                        end = e.end
                        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
                            end += 1  # "Benoist" + "Apparu", left out of the model's span
                        parts = [head, doc[e.start + n : end]]
                        break
            if len(parts) == 1 and e.label_ == "ORG":
                parts = [doc[e.start : _enumeration_end(e)]]
            for part in parts:
                out.append(Span(doc, part.start, part.end, label=e.label_))
            if len(parts) > 1:
                self._split_at.add(parts[1].start)
        return out

    def _add_named(self, n: _Named, replacing: _Named | None = None) -> None:
        """Register a named mention (the stages sort ``_named`` once they are done)."""
        if replacing is not None:
            self._named.remove(replacing)
        self._named.append(n)
        for k in range(n.start, n.end):
            self._token_named[k] = n

    def _institutions(self) -> None:
        """Institutions named by a common-noun phrase, with or without a proper noun: "le parquet
        de Nanterre", "le parquet national financier", "l'inspection du travail", "la cour d'appel
        de Paris", "l'armée malienne" are actors of their own, named by the phrase without its
        determiner. The body of a state ("le gouvernement chinois"), the organ of an organisation
        ("la direction d'Amazon") and a bare reference ("le parquet", "la justice") are kept as
        references, resolved by ``_attach_references`` once the names are clustered.

        Only a definite or demonstrative phrase names an actor ("une enquête de police" does
        not); a noun followed by a name describes that name ("le syndicat SNCTA")."""
        doc = self.doc
        alone: set[int] = set()  # "le Parquet": the model's name is a bare reference
        for n in [n for n in self._named if n.end - n.start == 1 and n.label != "PER"]:
            t = doc[n.start]
            if _body_lemma(t) in BODY_NOUNS and t.pos_ in ("NOUN", "PROPN") and _determiner(t) == "def":
                self._named.remove(n)
                del self._token_named[n.start]
                alone.add(n.start)
        places = [n for n in self._named if n.label in ("LOC", "GPE")]
        referred: set[int] = set()  # tokens of the references kept so far
        for tok in doc:
            if tok.i in self._token_named or tok.i in referred or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            group = _GROUP_BODIES.get(tok.lemma_.lower())
            if group and _plural(tok) and _determiner(tok) in ("def", "poss"):
                after = self._token_named.get(tok.i + 1)
                if after is None or after.label != "PER":  # "les opposants Paul Girard et ...": a description
                    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
                    text_start = (
                        tok.i - 1 if before in _DEFINITE_WORDS or _determiner(tok) == "poss" else tok.i
                    )
                    self._references.append(_Reference(tok.i, tok.i + 1, group, False, text_start, tok.i + 1))
                    referred.add(tok.i)
                continue
            lemma = _body_lemma(tok)
            seat_only = not lemma and tok.lemma_.lower() in INSTITUTION_NOUNS  # "procureur de Bordeaux"
            if not lemma and not seat_only:
                continue
            det = _determiner(tok)
            if det == "poss":
                continue
            phrase = self._body_phrase(tok, lemma)
            if phrase is None:
                continue  # another sense: "une police d'assurance", "la justice sociale"
            end, cut, seat, owner, complement = phrase
            if tok.i in alone and end > tok.i + 1 and seat is None:
                person = self._token_named.get(end)
                if person is not None and person.start == end and person.label == "PER":
                    # "Le Parquet suspecte Pierre Maudet": the model's name took no adjective, and
                    # a word before a person's name is a verb the tagger missed
                    end, cut, seat, owner, complement = (
                        self._body_phrase(tok, lemma, adjectives=False) or phrase
                    )
            after = self._token_named.get(cut)
            if after is not None and after.start == cut and after is not seat and after.label != "PER":
                continue  # "le syndicat SNCTA", "l'agence de notation Finscope": it describes the name
            judicial = lemma in ("parquet", "tribunal", "cour", "chambre") and end > tok.i + 1
            if det == "ind" and not judicial and (seat is None or lemma in _STATE_BODIES):
                continue  # "une enquête", but "un tribunal de Moscou", "un tribunal fédéral" are named
            before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
            text_start = tok.i - 1 if det == "def" and before in _DEFINITE_WORDS else tok.i
            plural = _plural(tok)
            if seat is not None:
                if lemma in _STATE_BODIES:  # "le gouvernement de la RDC": the state
                    if det != "def":
                        continue  # "le conseil d'administration du Samusocial"
                    self._references.append(_Reference(tok.i, cut, lemma, plural, text_start, end, seat))
                    referred.update(range(tok.i, end))
                else:
                    self._add_named(_Named(tok.i, end, "ORG"), replacing=seat)
                continue
            if seat_only:
                continue
            if end > tok.i + 1:  # named by adjectives or complements
                if det == "none" and not judicial:
                    continue
                # the body of a state is named by adjectives only: "l'autorité française de la
                # concurrence" is a regulator, "les autorités françaises" are France
                of_state = lemma in _STATE_BODIES and not any(t.pos_ == "NOUN" for t in doc[tok.i + 1 : end])
                state = self._state_of(tok, end, places) if of_state else None
                code = self._demonym_state(tok, end) if of_state else None
                if state is not None:  # "les autorités rwandaises": Rwanda, when the article names it
                    self._references.append(_Reference(tok.i, end, lemma, plural, text_start, end, state))
                    referred.update(range(tok.i, end))
                elif code is not None:  # and the state the adjective names when the article does not
                    self._states[tok.i] = (load_places().display[code], True)
                    self._add_named(_Named(tok.i, end, "GPE"))
                else:
                    self._add_named(_Named(tok.i, end, "ORG"))
                continue
            if det != "def":
                continue
            if owner is not None:
                if lemma in _ORGAN_NOUNS and owner.label != "PER":  # "la direction d'Amazon"
                    self._references.append(
                        _Reference(tok.i, tok.i + 1, lemma, plural, text_start, tok.i + 1, owner)
                    )
                continue
            if complement:
                continue  # "la justice de leur pays", "le gouvernement du président X"
            if lemma in _ACTOR_PLACE_ONLY and not self._in_actor_place(tok):
                continue  # "au pouvoir", "prendre le pouvoir", "leur opposition à"
            capitalised = tok.text[:1].isupper()
            self._references.append(
                _Reference(tok.i, tok.i + 1, lemma, plural, text_start, tok.i + 1, None, capitalised)
            )

    def _officials(self) -> None:
        """Officials named by their state's adjective stand for that state: "des responsables
        américains et turcs" are the United States and Turkey, "les diplomates chinois" China
        (a plural: "un responsable américain" is one person, who may be named later)."""
        doc = self.doc
        places = load_places()
        for tok in doc:
            if tok.i in self._token_named or tok.lemma_.lower() not in _OFFICIALS or not _plural(tok):
                continue
            adjectives = [a for a in tok.children if a.dep_ == "amod" and a.i == tok.i + 1]
            adjectives += [c for a in adjectives for c in a.children if c.dep_ == "conj" and c.pos_ == "ADJ"]
            for a in adjectives:
                code = places.demonym(a.text) or places.demonym(a.lemma_)
                if code is None or a.i in self._token_named:
                    continue
                start, end = (tok.i, a.i + 1) if a.i == tok.i + 1 else (a.i, a.i + 1)
                if any(k in self._token_named for k in range(start, end)):
                    continue
                self._states[start] = (places.display[code], True)
                self._add_named(_Named(start, end, "GPE"))

    def _body_phrase(
        self, head: Token, lemma: str, *, adjectives: bool = True
    ) -> tuple[int, int, _Named | None, _Named | None, bool] | None:
        """How far the words that name an institution go from its head noun: adjectives ("le
        parquet national financier"), common-noun complements ("l'inspection du travail", "la cour
        d'appel", "la chambre des mises en accusation") and a seat ("de Liège").

        Returns (end, end before the seat, the seat, the named owner after "de" where the name
        stops, whether another complement stops it), or None for another sense of the noun."""
        doc = self.doc
        senses = _OTHER_SENSES.get(lemma, frozenset())
        j = end = head.i + 1
        adjective = by_complement = False
        while j < len(doc) and j - head.i <= 10:
            t = doc[j]
            within = head.i <= t.head.i < j
            attached = within or t.head.pos_ == "PROPN"  # or misparsed onto the name after it
            if (
                adjectives
                and t.pos_ == "ADJ"
                and t.dep_ in ("amod", "appos", "nmod", "flat:name")  # the parser's attachments
                and attached
                and (_agrees(t, head) or (within and _agrees(t, t.head)))
            ):
                if t.lemma_.lower() in senses or t.lower_ in senses:
                    return None
                if t.lemma_.lower() in _NON_NAMING_ADJECTIVES or "Part" in t.morph.get("VerbForm", []):
                    break
                j = end = j + 1
                adjective = True
                continue
            if t.lower_ in ("de", "d'", "du", "des") and t.pos_ in ("ADP", "DET"):
                if head.dep_ == "obj" and head.head.lemma_.lower() in _OFFENSE_VERBS:
                    return end, end, None, None, False  # "accuse l'armée française d'espionnage"
                k = j + 1
                if k < len(doc) and doc[k].pos_ == "DET" and doc[k].lower_ in ("la", "l'", "le", "les"):
                    k += 1
                named = self._token_named.get(j + 1) or self._token_named.get(k)
                if named is not None and named.start in (j + 1, k):
                    if named.label in ("LOC", "GPE") and lemma not in _UNSEATED:
                        return named.end, end, named, None, False
                    return end, end, None, named, True
                m = k
                while m < len(doc) and m - k < 2 and doc[m].pos_ in ("ADJ", "NUM"):
                    m += 1  # "de grande instance", "de première instance"
                if m >= len(doc) or doc[m].pos_ not in ("NOUN", "PROPN"):
                    return end, end, None, None, True
                noun = doc[m]
                if noun.lemma_.lower() in senses or noun.lower_ in senses:
                    return None
                if (
                    lemma not in _COMPLEMENT_NAMED
                    or (lemma in _ADJECTIVE_FIRST and not adjective)
                    or noun.lemma_.lower() in PERSON_NOUNS
                    or noun.lemma_.lower() in _COMPANY_NOUNS
                    or m in self._token_named
                    or not head.i <= noun.head.i < j
                ):
                    return end, end, None, None, True
                j = end = m + 1
                by_complement = True
                continue
            if (
                t.lower_ == "en"  # "la chambre des mises en accusation"
                and by_complement
                and j + 1 < len(doc)
                and doc[j + 1].pos_ == "NOUN"
                and head.i <= doc[j + 1].head.i < j
            ):
                j = end = j + 2
                continue
            break
        return end, end, None, None, False

    def _state_of(self, head: Token, end: int, places: list[_Named]) -> _Named | None:
        """The place an adjective of the phrase is the adjective of: "rwandaises" -> "Rwanda"."""
        for t in self.doc[head.i + 1 : end]:
            if t.pos_ != "ADJ":
                continue
            for p in places:
                if _of_place(t.text, self.doc[p.start : p.end].text, t.lemma_):
                    return p
        return None

    def _demonym_state(self, head: Token, end: int) -> str | None:
        """The state an adjective of the phrase is the demonym of, from the table of states
        ("les autorités chinoises" -> CN), whether or not the article names it."""
        places = load_places()
        for t in self.doc[head.i + 1 : end]:
            if t.pos_ == "ADJ":
                code = places.demonym(t.text) or places.demonym(t.lemma_)
                if code is not None:
                    return code
        return None

    def _metonymy(self) -> None:
        """Capitals and seats of power used as actors stand for their state ("Pékin accuse ...",
        "selon l'Élysée"), and every name of a state is that state ("les Etats-Unis", "les
        États-Unis d'Amérique"): their mentions are clustered by state. A capital named only as a
        place ("à Pékin") stays a place."""
        places = load_places()
        doc = self.doc
        metonyms: dict[str, list[_Named]] = {}
        for n in self._named:
            if n.start in self._states or (n.label == "PER" and n.end - n.start > 1):
                continue  # a one-word "person" may be a capital the model mistook ("Washington")
            text = doc[n.start : n.end].text
            code = places.state_of_name(text)
            if code is not None and n.label in ("LOC", "GPE", "OTHER"):
                own = places.is_short_name(text) or places.display[code] in text  # not "l'Hexagone"
                self._states[n.start] = (places.display[code], not own)
                if not own:
                    n.label = "GPE"
                continue
            code = places.metonym(text)
            if code is not None:
                metonyms.setdefault(code, []).append(n)
                continue
            words = text.split(maxsplit=2)  # "le Gouvernement des États-Unis": the state
            if (
                n.label != "PER"
                and len(words) == 3
                and _fold(words[0]).rstrip("s") in {_fold(w) for w in _STATE_BODIES}
                and words[1].lower() in ("de", "des", "du")
            ):
                code = places.state_of_name(words[2])
                if code is not None:
                    self._states[n.start] = (places.display[code], True)
                    n.label = "GPE"
        surnames = {doc[n.end - 1].lower_ for n in self._named if n.label == "PER" and n.end - n.start > 1}
        first = next(iter(doc.sents), None)
        dateline = dateline_tokens(first) if first is not None else set()  # "Paris (Reuters) -"
        for code, ns in metonyms.items():
            ns = [n for n in ns if doc[n.start].lower_ not in surnames]  # "George Washington ... Washington"
            ns = [n for n in ns if n.start not in dateline]
            if any(self._actor_use(doc[n.start : n.end].root) for n in ns):
                for n in ns:
                    self._states[n.start] = (places.display[code], True)
                    n.label = "GPE"

    @classmethod
    def _actor_use(cls, token: Token) -> bool:
        """A subject, an agent, "selon X", or the object of a verb: a name used as an actor; also
        a name opening its sentence before a verb, which the parser often takes for the root
        ("Pékin accuse ...")."""
        if cls._in_actor_place(token):
            return True
        cases = {c.lower_ for c in token.children if c.dep_ == "case"}
        if token.dep_ in ("obj", "iobj") and token.head.pos_ == "VERB" and not cases:
            return True
        sent = token.sent
        if cases == {"à"} and token.head.pos_ == "VERB":  # "il reproche à Kinshasa de ..."
            return any(
                c.token.i == token.head.i and "à" in c.frame.accuser | c.frame.accused
                for c in find_cues(sent)
            )  # not "arrivé à Kinshasa"
        first = next((t for t in sent if not (t.is_punct or t.is_space or t.pos_ == "DET")), None)
        # the next token, not the sentence's: the parser may cut the sentence after the name
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        opens = first is not None and first.i == token.i
        if opens and after is not None and after.pos_ in ("VERB", "AUX", "ADV"):
            return True
        # "ce que Kigali dément": a name between a relative pronoun and a verb of the lexicon
        before = token.nbor(-1) if token.i > 0 else None
        return (
            before is not None
            and before.lower_ in ("que", "qu'", "qui")
            and after is not None
            and any(c.token.i == after.i for c in find_cues(sent))
        )

    @staticmethod
    def _in_actor_place(token: Token) -> bool:
        """A subject, an agent ("par l'opposition") or "selon X", not "au pouvoir"."""
        cases = {c.lower_ for c in token.children if c.dep_ == "case"}
        if cases & {"au", "aux", "du", "des", "à", "de", "d'"}:
            return False
        return token.dep_ in _ACTOR_DEPS or bool(cases & {"par", "selon"})

    def _proper_noun_runs(self) -> None:
        """Names the model missed: a run of proper nouns, or of capitalised words inside a sentence,
        or an acronym ("l'équipe cycliste Norvak", "le syndicat SNCTA"). Typed OTHER; the context
        (descriptions, verbs) corrects the type later."""
        doc = self.doc
        i = 0
        while i < len(doc):
            if self._hashtag(doc, i):
                self._add_named(_Named(i, i + 2, "OTHER"))  # "#moiaussi", "#BalanceTonPorc"
                i += 2
                continue
            if i in self._token_named or not self._name_like(doc[i]):
                i += 1
                continue
            j = i + 1
            while (
                j < len(doc)
                and j not in self._token_named
                and (
                    self._name_like(doc[j])
                    or (
                        doc[j].lower_ in ("de", "du", "des", "d'", "en")
                        and j + 1 < len(doc)
                        and j + 1 not in self._token_named
                        and self._name_like(doc[j + 1])
                    )
                )
            ):
                j += 1
            span = doc[i:j]
            lone_noun = len(span) == 1 and (
                span[0].lower_ in PERSON_NOUNS | ORG_NOUNS or bool(_body_lemma(span[0]))
            )
            if len(span.text) >= 2 and not lone_noun:
                self._add_named(_Named(i, j, "OTHER"))
            i = j

    def _hashtag(self, doc: Doc, i: int) -> bool:
        """A hashtag: "#" glued to a word, neither in a name already."""
        return (
            doc[i].text == "#"
            and not doc[i].whitespace_
            and i + 1 < len(doc)
            and doc[i + 1].is_alpha
            and len(doc[i + 1].text) >= 3
            and i not in self._token_named
            and i + 1 not in self._token_named
        )

    @staticmethod
    def _name_like(t: Token) -> bool:
        """A word that can be part of a name the model missed."""
        if not t.is_alpha and not t.is_sent_start and "-" in t.text and t.i > 0:
            parts = t.text.split("-")  # "SUD-Solidaires", tagged as anything but a proper noun
            return all(p[:1].isupper() and p.isalpha() for p in parts) and any(
                p.isupper() and len(p) >= 2 for p in parts
            )
        if not t.text[:1].isupper() or not t.is_alpha or t.text in _QUOTES:
            return False
        if t.text.isupper() and len(t.text) >= 2:
            return True  # an acronym
        if t.is_sent_start or t.i == 0 or t.doc[t.i - 1].text in (".", "«", '"', ":", "!", "?"):
            # at a sentence start, a proper noun, or a word the French vocabulary does not know
            # ("Tessaro a perdu ...", tagged as a verb); not a modifier ("Bon nombre de ...")
            if t.dep_ in _MODIFIER_DEPS:
                return False
            after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if after is not None and after.text == "," and not t.is_oov:
                return False  # "Furieux, il a quitté la salle": a detached word of the language
            unknown = t.is_oov and len(t.text) > 2 and t.pos_ in ("VERB", "NOUN", "PROPN", "X", "ADJ")
            return (t.pos_ == "PROPN" or unknown) and t.lower_ not in _NOT_NAMES
        return t.pos_ == "PROPN" and t.lower_ not in _NOT_NAMES

    def _propagate_names(self) -> None:
        """A name the model recognised once is a mention wherever else it occurs in the article."""
        doc = self.doc
        names: dict[tuple[str, ...], EntityType] = {}
        for n in self._named:
            toks = tuple(t.text for t in doc[n.start : n.end])
            if any(t[:1].isupper() for t in toks) and len("".join(toks)) >= 2:
                names.setdefault(toks, n.label)
            if n.label == "PER" and len(toks) >= 2 and toks[-1][:1].isupper() and len(toks[-1]) >= 3:
                names.setdefault((toks[-1],), "PER")  # "Jean Dupuis ... Dupuis l'accuse": the surname alone
        if not names:
            return
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for toks in sorted(names, key=len, reverse=True):
            by_first.setdefault(toks[0], []).append(toks)
        i = 0
        while i < len(doc):
            if i in self._token_named or doc[i].text not in by_first:
                i += 1
                continue
            for toks in by_first[doc[i].text]:
                j = i + len(toks)
                if (
                    j <= len(doc)
                    and tuple(t.text for t in doc[i:j]) == toks
                    and not any(k in self._token_named for k in range(i, j))
                ):
                    if (
                        j < len(doc)
                        and doc[j].text[:1].isupper()
                        and doc[j].pos_ == "PROPN"
                        and doc[j - 1].whitespace_ != ""
                    ):
                        continue  # part of a longer name: "Washington Post" is not "Washington"
                    self._add_named(_Named(i, j, names[toks]))
                    i = j - 1
                    break
            i += 1

    def _clean(self, ent: Span) -> tuple[Span, str] | None:
        doc = self.doc
        start, end = ent.start, ent.end
        for i in range(start, end):  # cut at a quote, a line break or a finite verb
            t = doc[i]
            if t.text in _QUOTES or t.is_space or "\n" in t.text or (t.pos_ in ("AUX",) and i > start):
                end = i
                break
            if t.pos_ == "VERB" and t.text[:1].islower() and i > start:
                end = i
                break
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            after = doc[i + 2] if i + 2 < len(doc) else None
            if (
                i > start
                and t.pos_ == "CCONJ"
                and nxt is not None
                and nxt.pos_ == "DET"
                and after is not None
                and after.text[:1].islower()
            ):
                end = i  # "Justice et la justice française": a name, then a common-noun phrase
                break
            if (
                i > start
                and t.pos_ == "ADP"
                and t.lower_
                not in ("de", "du", "des", "d'", "en", "et", "contre")  # "lutte contre le dopage"
                and nxt is not None
                and nxt.text[:1].islower()
            ):
                end = i  # "Animaux en Péril pour maltraitance": cut before "pour maltraitance"
                break
            if (
                i > start
                and t.lower_ in ("de", "d'")
                and not any(x.text[:1].isupper() or x.lower_ in ("de", "d'") for x in doc[i + 1 : end])
                and self._offense_follows(start)
                and self._offense_tail(doc[i:end])
            ):
                end = i  # "accuse la société Brenval de fraude": the (last) "de" brings the offense
                break
        while end < len(doc) and end > start and not doc[end - 1].whitespace_ and doc[end].is_alpha:
            end += 1  # "M'" + "bala": the tokenizer split an elision inside a name
        while end > start and (doc[end - 1].is_punct or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")):
            if end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_alpha:
                break
            end -= 1
        while start < end and (doc[start].pos_ in ("DET", "ADP") or doc[start].text in _QUOTES):
            if self._title_article(doc[start], end, ent.label_):
                break  # "Le Monde", "Les Echos", "Le Pen": the article is part of the name
            start += 1
        while end - 1 > start and doc[end - 1].lower_ in _NOT_NAMES:
            end -= 1  # "Jean Dupuis lundi": the date is not part of the name
        if start >= 1 and start < end and doc[start - 1].text in _TITLE_TOKENS:
            start -= 1  # "M. Jean Dupuis": the title stays in the span (an alias), not in the name
        if start >= end:
            return None
        span = doc[start:end]
        first = span[0]
        after = doc[end] if end < len(doc) else None
        participle = first.lower_.endswith(("é", "ée", "és", "ées", "is", "ise", "u", "ue", "us"))
        if (
            len(span) == 1
            and first.is_sent_start
            and participle
            and after is not None
            and after.lower_ in ("par", "de", "d'", "pour")
        ):
            return None  # "Visé par une plainte ...": a fronted participle, not a name
        if not any(
            t.text[:1].isupper() or t.text[:1].isdigit() or _FORMER.match(t.text) or _CAMEL.match(t.text)
            for t in span
        ):
            return None
        if len(span) == 1 and span[0].pos_ in ("VERB", "AUX", "ADJ", "ADV") and span[0].is_sent_start:
            return None  # "Contacté par l'AFP", "Interrogé sur ..."
        head = span.root
        if len(span) <= 2 and all(
            t.lower_ in PERSON_NOUNS or t.lower_ in ("premier", "ancien") for t in span
        ):
            return None  # "Premier ministre" is a role, not a name
        lead = span[0]
        if lead.lower_ in PERSON_NOUNS and len(span) > 1 and span[1].lower_ in ("de", "du", "des", "d'"):
            if lead.lower_ in INSTITUTION_NOUNS and len(span) > 2:  # "procureur de Bordeaux": keep the seat
                return doc[span.start + 2 : span.end], "LOC"
            return None  # "Ministre de l'Économie": a role; the person is named beside it
        if len(span) == 1 and len(lead.text) == 1:
            return None  # "une plainte contre X": X is nobody in particular
        if head.lower_ in ("affaire",):
            return None
        return span, ent.label_

    def _offense_follows(self, start: int) -> bool:
        """A name right after a verb of the lexicon whose offense is "de" + noun (accuser,
        soupçonner, inculper ...), in the same clause: what "de" brings there is the offense."""
        doc = self.doc
        for c in find_cues(doc[start].sent):
            if c.token.pos_ == "VERB" and c.token.i < start and "de" in c.frame.offense:
                between = doc[c.token.i + 1 : start]
                if not any(x.pos_ in ("VERB", "AUX") or x.lower_ in ("qui", "que", "qu'") for x in between):
                    return True
        return False

    @staticmethod
    def _offense_tail(tail: Span) -> bool:
        """Whether "de ..." after a name is an offense of the taxonomy ("de fraude", "de
        diffamation"), not a part of the name ("Fédération de football")."""
        from kg.claims import categorise  # the offense taxonomy lives with the claims stage

        return categorise(tail.text) is not None

    # --- clustering within the article ---------------------------------------------------------
    @staticmethod
    def _title_article(t: Token, end: int, label: str) -> bool:
        """A capitalised article that begins a name ("Le Parisien", "Les Echos", "Le Pen"), not
        a country's ("La Chine") nor an institution's ("La Cour de cassation")."""
        if t.text not in _TITLE_ARTICLES or label not in ("ORG", "PER", "MISC") or t.i + 1 >= end:
            return False
        before = t.doc[t.i - 1] if t.i > 0 else None
        if t.is_sent_start or before is None or before.is_space or before.text in _OPENERS:
            return False  # a capital there is the sentence's, not the name's ("La Corvane a fermé")
        nxt = t.doc[t.i + 1]
        if not nxt.text[:1].isupper():
            return False
        lemma = nxt.lemma_.lower()
        if lemma in BODY_NOUNS or lemma in ORG_NOUNS or lemma in PERSON_NOUNS or nxt.lower_ in BODY_NOUNS:
            return False
        return load_places().state_of_name(t.doc[t.i + 1 : end].text) is None

    def _cluster(self) -> None:
        self._metonymy()
        by_key: dict[str, int] = {}
        acronyms: dict[str, int] = {}
        # full names first, so that a surname, a first name or an acronym used before its full
        # form still finds it ("Marie ... Marie Ndiaye Ba")
        keys = [name_key(strip_name(self.doc[n.start : n.end].text)) for n in self._named]
        single = [len(k.split()) <= 1 for k in keys]
        # a court's chamber ("la chambre de l'instruction") after the rest: it is part of the court
        # the article names first, when it names one before
        chamber = [_court_chamber(k) for k in keys]
        courts = [
            (n.start, k)
            for n, k in zip(self._named, keys, strict=True)
            if k.split()[:1] in (["cour"], ["tribunal"])
        ]
        first_court = min(courts)[1] if courts else None  # the court of the story: the one named first
        order = sorted(range(len(self._named)), key=lambda i: (single[i], chamber[i], self._named[i].start))
        for n in (self._named[i] for i in order):
            span = self.doc[n.start : n.end]
            name = strip_name(span.text)
            if span[0].text in _TITLE_ARTICLES and len(span) > 1:  # kept by _clean: "Le Monde"
                sep = "" if span[0].text.endswith(("'", "’")) else " "
                name = span[0].text + sep + strip_name(span[1:].text)
            if name[:1].islower() and not _CAMEL.match(name):  # "iPhone" stays as written
                name = name[:1].upper() + name[1:]  # "parquet de Nanterre" -> "Parquet de Nanterre"
            key = name_key(name)
            state = self._states.get(n.start)
            if state is not None:  # clustered by the state; named by it unless a name of its own
                key = name_key(state[0])
                if state[1]:
                    name = state[0]
            head = span[0]
            plural_body = state is None and len(span) > 1 and _plural(head)
            plural_body = plural_body and _body_lemma(head) in BODY_NOUNS and bool(key)
            if plural_body:  # "les inspections du travail" are "l'inspection du travail"
                key = " ".join([name_key(_body_lemma(head)), *key.split()[1:]])
            if not key:
                continue
            idx = by_key.get(key)
            how = ""
            if idx is None and n.label == "PER" and len(key.split()) == 1:
                idx, how = self._surname_match(key, by_key), "surname"
            if idx is None and n.label == "PER" and len(key.split()) >= 2:
                idx, how = self._longer_name(key, by_key), "shortened-name"
            if idx is None and _body_lemma(span[0]) in BODY_NOUNS and len(key.split()) >= 2:
                idx, how = self._longer_institution(key, by_key), "shortened-institution"
            if idx is None and _court_chamber(key) and first_court in by_key and min(courts)[0] < n.start:
                idx, how = by_key[first_court], "chamber-of-court"
            if idx is None and key.upper().replace(" ", "") in acronyms:
                idx, how = acronyms[key.upper().replace(" ", "")], "acronym"
            if idx is None and name.isupper() and n.start >= 2 and self.doc[n.start - 1].text == "(":
                before = self._token_named.get(n.start - 2)  # "la Commission ... (CNIL)": its abbreviation
                if (
                    before is not None
                    and before.entity >= 0
                    and n.end < len(self.doc)
                    and self.doc[n.end].text == ")"
                ):
                    idx, how = before.entity, "bracketed-acronym"
            if idx is not None and how and name not in self._clusters[idx].names:
                self._clusters[idx].merges.append((self._clusters[idx].names[0], name, how))
            if idx is None:
                idx = len(self._clusters)
                self._clusters.append(_Cluster())
                acr = _acronym(name)
                if acr and len(acr) >= 2:
                    acronyms.setdefault(acr, idx)
            by_key.setdefault(key, idx)
            c = self._clusters[idx]
            n.entity = idx
            c.names.append(name)
            if plural_body:
                c.plural_names.add(name)
            c.labels.append(n.label)
            c.mentions.append(
                Mention(self.article, span.start_char, span.end_char, span.text, self._name_kind(span, state))
            )
            self._vote_type(c, span)

    @staticmethod
    def _name_kind(span: Span, state: tuple[str, bool] | None) -> MentionKind:
        """How a named mention names its actor: "Pékin", "l'Élysée", "les autorités chinoises"
        stand for a state (metonym); "M. Girard" is titled; "PNF" is an acronym."""
        if state is not None and state[1] and load_places().state_of_name(span.text) is None:
            return "metonym"
        if span[0].text in _TITLE_TOKENS:
            return "title"
        bare = strip_name(span.text)
        if len(bare) >= 2 and " " not in bare and bare.isupper():
            return "acronym"
        return "name"

    def _antecedent_of(self, mentions: list[Mention], start: int, end: int) -> tuple[int, int] | None:
        """The mention a reference at (start, end) was resolved to: its actor's nearest named
        mention before it, else after it."""
        named = [m for m in mentions if m.kind in _NAMED_KINDS and (m.start, m.end) != (start, end)]
        before = [m for m in named if m.end <= start]
        if before:
            m = max(before, key=lambda m: (m.end, m.start))
            return (m.start, m.end)
        after = [m for m in named if m.start >= end]
        if after:
            m = min(after, key=lambda m: (m.start, m.end))
            return (m.start, m.end)
        return None

    def _longer_institution(self, key: str, by_key: dict[str, int]) -> int | None:
        """ "la cour d'appel" and "la cour d'appel de Paris", "le Ministère public" and "le
        Ministère public de la Confédération": one institution, when the article names only one
        that the shorter name begins."""
        hits = {
            i
            for k, i in by_key.items()
            if (k.startswith(key + " ") or key.startswith(k + " "))
            and len(k.split()) >= 2
            and "PER" not in self._clusters[i].labels
        }
        return hits.pop() if len(hits) == 1 else None

    def _longer_name(self, key: str, by_key: dict[str, int]) -> int | None:
        """ "Jean-Pierre Diallo" and "Jean-Pierre Diallo Ba": one person's name cut short, in
        either order."""
        words = key.split()

        def prefix(short: list[str], long: list[str]) -> bool:
            return 2 <= len(short) < len(long) and long[: len(short)] == short

        hits = {
            i
            for k, i in by_key.items()
            if (prefix(words, k.split()) or prefix(k.split(), words)) and "PER" in self._clusters[i].labels
        }
        return hits.pop() if len(hits) == 1 else None

    def _surname_match(self, key: str, by_key: dict[str, int]) -> int | None:
        hits = {i for k, i in by_key.items() if len(k.split()) >= 2 and k.split()[-1] == key}
        if not hits:  # a first name alone, for the one person of the article who bears it
            hits = {i for k, i in by_key.items() if len(k.split()) >= 2 and k.split()[0] == key}
        hits = {i for i in hits if "PER" in self._clusters[i].labels}
        return hits.pop() if len(hits) == 1 else None

    def _vote_type(self, c: _Cluster, span: Span) -> None:
        head = span.root
        doc = self.doc
        # An actor: subject of a verb of speech, accusation or legal action.
        if head.dep_.startswith("nsubj") and head.head.lemma_ in _ACTOR_VERBS:
            c.actor_votes += 1
        # "la Chine", "les États-Unis": a definite article before a bare place name marks a country.
        if (
            span.start >= 1
            and doc[span.start - 1].lower_ in ("la", "le", "les", "l'")
            and span[0].text[:1].isupper()
        ):
            c.gpe_votes += 1
        # "Tribunal du code ...", "Parti socialiste": the name's own first noun says what it is.
        first = span[0].lower_
        if first in ORG_NOUNS or first in JUDICIAL_NOUNS:
            c.org_votes += 2
        # "la société X", "le magazine X": an organisation noun right before it (not "de X").
        if span.start >= 1:
            t = doc[span.start - 1]
            lemma = t.lemma_.lower()
            genitive = t.i >= 1 and doc[t.i - 1].lower_ in ("de", "d'", "du", "des")
            if t.pos_ == "NOUN" and lemma in ORG_NOUNS and not genitive:  # not "le chef d'entreprise X"
                c.org_votes += 1
                c.role_nouns.add(lemma)
            elif t.pos_ == "NOUN" and lemma in PERSON_NOUNS and not span.text.isupper():
                c.person_votes += 1  # but "un député LREM": an acronym there is an affiliation
                c.role_nouns.add(lemma)
                c.genders.update(_determiner_gender(t))

    # --- references to institutions ------------------------------------------------------------
    def _body_key(self, n: _Named) -> str:
        """The institution noun a name starts with ("Parquet de Bruxelles" -> "parquet"); "le
        ministère public" is the prosecution, "le parquet"."""
        doc = self.doc
        head = doc[n.start]
        if head.pos_ not in ("NOUN", "PROPN"):
            return ""
        lemma = _body_lemma(head) or head.lower_
        if lemma not in BODY_NOUNS and lemma not in _INVESTIGATING_BODIES:  # "l'Office central ..."
            return ""
        if lemma == "ministère" and n.end > n.start + 1 and doc[n.start + 1].lower_ == "public":
            return "parquet"
        return lemma

    def _attach_references(self) -> None:
        """Resolve the references kept by ``_institutions`` and register them as mentions, so that
        ``entity_at`` finds them on their head noun: a state's body and an organ to the state or
        organisation they name; a bare reference to the institution the article names with the
        same head noun and number (the nearest before it, else the nearest after: "le parquet" ->
        "Parquet de Bruxelles"), "les enquêteurs" to the police unit or office named before them;
        else, for the nouns of ``_GENERIC_BODIES``, to an actor of the article named by the noun
        ("Justice", "Syndicats")."""
        if not self._references:
            return
        doc = self.doc
        named_bodies: list[tuple[int, str, bool, int]] = []  # (token, head noun, plural, entity)
        for n in self._named:
            noun = self._body_key(n) if n.entity >= 0 else ""
            if noun and "PER" not in self._clusters[n.entity].labels:
                named_bodies.append((n.start, noun, _plural(doc[n.start]), n.entity))
        bodies = list(named_bodies)
        generic: dict[tuple[str, bool], int] = {}
        for r in sorted(self._references, key=lambda r: (r.target is None, r.start)):
            key: int | None = None
            if r.target is not None:
                key = r.target.entity if r.target.entity >= 0 else None
                if key is not None:
                    bodies.append((r.start, r.lemma, r.plural, key))
                    if r.lemma in _ORGAN_NOUNS:
                        self._clusters[key].role_nouns.add(r.lemma)
            elif r.lemma in _INVESTIGATORS:  # the unit named before, or later in the sentence
                sent = doc[r.start].sent
                units = [b for b in named_bodies if b[1] in _INVESTIGATING_BODIES]
                before = [b for b in units if b[0] < r.start]
                after = [b for b in units if r.start < b[0] < sent.end]
                key = max(before)[3] if before else min(after)[3] if after else None
            else:
                same = [b for b in bodies if b[1] == r.lemma and b[2] == r.plural]
                before = [b for b in same if b[0] < r.start]
                after = [b for b in same if b[0] > r.start]
                if before:
                    key = max(before)[3]
                elif after:
                    key = min(after)[3]
            generic_noun = r.lemma in _GENERIC_BODIES and r.plural == (r.lemma in _PLURAL_BODIES)
            if key is None and ((self._generic_bodies and generic_noun) or r.capitalised):
                key = generic.get((r.lemma, r.plural))
                if key is None:
                    word = doc[r.start].text if _body_lemma(doc[r.start]) == r.lemma else r.lemma
                    key = generic[(r.lemma, r.plural)] = len(self._clusters)
                    self._clusters.append(
                        _Cluster(names=[word[:1].upper() + word[1:]], labels=["ORG"], scope="article")
                    )
            if key is None:
                continue
            self._add_named(_Named(r.start, r.end, "ORG", key))
            span = doc[r.text_start : r.text_end]
            c = self._clusters[key]
            kind: MentionKind = (
                "metonym" if r.lemma in _STATE_BODIES and r.target is not None else "description"
            )
            c.mentions.append(
                Mention(
                    self.article,
                    span.start_char,
                    span.end_char,
                    span.text,
                    kind,
                    self._antecedent_of(c.mentions, span.start_char, span.end_char),
                )
            )
        self._named.sort(key=lambda m: m.start)

    def _nested_places(self) -> None:
        """A state or a capital named inside an institution's name ("le Ministère public de la
        Suisse", "la cour anti-corruption d'Abuja", "la Maison de la presse du Mali") is a place of
        the article too: a mention of that place inside the name, whose words stay the
        institution's (no accusation is read on it)."""
        places = load_places()
        doc = self.doc
        by_key: dict[str, int] = {}
        for i, c in enumerate(self._clusters):
            for nm in c.names:
                by_key.setdefault(name_key(nm), i)
        for n in list(self._named):
            if n.entity < 0 or n.end - n.start < 3 or n.start in self._states:
                continue  # "République démocratique du Congo" names a state, not a place inside
            if places.state_of_name(doc[n.start : n.end].text) is not None:
                continue
            k = n.start + 1
            while k < n.end:
                p = k - 1
                if p > n.start and doc[p].lower_ in _OF_ARTICLES:
                    p -= 1  # "de la Suisse"
                if doc[p].lower_ not in _OF_OR_AT or doc[k].pos_ == "DET":
                    k += 1
                    continue
                seated = p == k - 1 and doc[n.start].lemma_.lower() in _SEATED  # no article: a town
                for m in range(n.end, k, -1):
                    text = doc[k:m].text
                    code = places.state_of_name(text)
                    name = places.display[code] if code else text if fold(text) in places.capitals else None
                    if name is None and seated and m == self._place_run(k, n.end):
                        name = text  # "l'aéroport de Rubavu", "la prison de Makala": a town
                    if name is None:
                        continue
                    key = self._place_cluster(by_key, name)
                    if key != n.entity:
                        span = doc[k:m]
                        self._clusters[key].mentions.append(
                            Mention(self.article, span.start_char, span.end_char, span.text, "name")
                        )
                    k = m
                    break
                else:
                    k += 1
        for t in doc:  # "la capitale française" is Paris; "la capitale économique ivoirienne", no one city
            if t.lower_ != "capitale" or t.pos_ != "NOUN":
                continue
            if not any(d.lower_ in ("la", "sa", "leur") for d in t.children):
                continue
            adjectives = [a for a in t.children if a.dep_ == "amod" and a.i > t.i]
            if len(adjectives) != 1 or t.i in self._token_named:
                continue
            code = places.demonym(adjectives[0].text) or places.demonym(adjectives[0].lemma_)
            name = places.capital_of.get(code or "")
            if name is None:
                continue
            key = self._place_cluster(by_key, name)
            span = doc[t.i : adjectives[0].i + 1]
            self._clusters[key].mentions.append(
                Mention(self.article, span.start_char, span.end_char, span.text, "description")
            )
            if span.text not in self._clusters[key].descriptions:
                self._clusters[key].descriptions.append(span.text)

    def _place_cluster(self, by_key: dict[str, int], name: str) -> int:
        """The cluster of the place of that name, a new one if the article has none yet."""
        found = by_key.get(name_key(name))
        if found is not None:
            return found
        by_key[name_key(name)] = len(self._clusters)
        self._clusters.append(_Cluster(names=[name], labels=["GPE"]))
        return by_key[name_key(name)]

    def _place_run(self, k: int, end: int) -> int:
        """The end of the run of capitalised proper nouns from ``k`` (a town's name: "Rubavu",
        "Saint-Denis"), or ``k`` when there is none or it does not reach ``end`` or a preposition."""
        doc = self.doc
        m = k
        while m < end and doc[m].pos_ == "PROPN" and doc[m].text[:1].isupper():
            m += 1
        if m == k or (m < end and doc[m].pos_ != "ADP"):
            return k
        return m

    # --- descriptions (appositions) --------------------------------------------------------
    def _describe(self) -> None:
        doc = self.doc
        for n in self._named:
            if n.entity < 0:
                continue
            c = self._clusters[n.entity]
            span = doc[n.start : n.end]
            head = span.root
            for child in head.children:  # "Paul Girard, ministre de l'Intérieur"
                if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= n.end:
                    self._add_description(c, child)
            # "l'agence antidopage française (AFLD)": the phrase before the brackets describes it
            if n.start >= 2 and doc[n.start - 1].text == "(" and n.end < len(doc) and doc[n.end].text == ")":
                before = doc[n.start - 2]
                noun = before if before.pos_ == "NOUN" else before.head
                if noun.pos_ == "NOUN" and noun.i < n.start and noun.i not in self._token_named:
                    self._add_description(c, noun, stop=n.start - 1)
            # "la start-up chinoise Brenval", "L'ancien Premier ministre, Jean Dupuis"
            if (
                n.start >= 1
                and doc[n.start - 1].pos_ in ("NOUN", "ADJ")
                and n.start - 1 not in self._token_named
            ):
                left = doc[n.start - 1]
                noun = left if left.pos_ == "NOUN" else left.head
                if noun.i >= 2 and doc[noun.i - 1].lower_ in ("de", "d'") and doc[noun.i - 2].pos_ == "NOUN":
                    noun = doc[noun.i - 2]  # "le chef d'entreprise X": the head is "chef"
                affiliation = noun.lemma_.lower() in PERSON_NOUNS and n.label != "PER"
                actor = noun.i in self._token_named  # "Le Parquet suspecte Pierre Maudet": no description
                if (
                    noun.pos_ == "NOUN"
                    and noun.i < n.start
                    and n.start - noun.i <= 5
                    and not affiliation
                    and not actor
                ):
                    self._add_description(c, noun, stop=n.start, adjacent=True)
            elif n.start >= 2 and doc[n.start - 1].text == "," and head.dep_ == "appos":
                gov = head.head  # "L'ancien Premier ministre, Jean Dupuis"
                if gov.pos_ == "NOUN" and gov.i < n.start and gov.i not in self._token_named:
                    self._add_description(c, gov, stop=n.start - 1)

    def _add_description(
        self, c: _Cluster, noun: Token, stop: int | None = None, adjacent: bool = False
    ) -> None:
        doc = self.doc
        left = noun.left_edge.i
        if adjacent:  # "la start-up chinoise Brenval": determiner, adjectives, the noun
            left = noun.i
            while (
                left > 0
                and doc[left - 1].pos_ in ("DET", "ADJ", "NUM")
                and doc[left - 1].dep_ in ("det", "amod", "nummod")
            ):
                left -= 1
        while left < noun.i and doc[left].pos_ in ("ADP", "CCONJ", "PUNCT", "SCONJ", "PRON"):
            left += 1
        right = noun.right_edge.i + 1 if stop is None else stop
        right = min(right, noun.sent.end)
        while right > left and (doc[right - 1].is_punct or doc[right - 1].pos_ in ("ADP", "CCONJ", "DET")):
            right -= 1
        if right <= left:
            return
        text = doc[left:right].text.strip()
        if 2 <= len(text) <= 120 and "\n" not in text and right - left <= 12:
            if text not in c.descriptions:
                c.descriptions.append(text)
            c.role_nouns.add(noun.lemma_.lower())
            if noun.lemma_.lower() in PERSON_NOUNS:
                c.genders.update(_determiner_gender(noun))
                c.person_votes += 2  # "un député, X": a role in apposition is strong evidence
            elif noun.lemma_.lower() in ORG_NOUNS:
                c.org_votes += 2

    # --- final entities -------------------------------------------------------------------
    def _finish(self) -> list[LocalEntity]:
        out = []
        for key, c in enumerate(self._clusters):
            label = self._type_of(c)
            counts: dict[str, int] = {}
            for nm in c.names:
                counts[nm] = counts.get(nm, 0) + 1
            # the best name: the most complete form, then the most frequent
            # (an institution in the singular: "Inspection du travail", not "Inspections du travail")
            name = max(
                counts,
                key=lambda nm: (nm not in c.plural_names, len(name_key(nm).split()), counts[nm], len(nm), nm),
            )
            aliases = sorted({m.text for m in c.mentions if _alias(m)} | set(c.names))
            scope = c.scope
            if scope == "article" and (state := self._state_beside(c, generic=True)) is not None:
                name, scope = f"{name} ({state})", ""  # "Au Sénégal, la justice ...": Justice (Sénégal)
            if not scope and label != "PER" and self._national(c):
                state = self._state_beside(c)
                if state is not None:
                    name = f"{name} ({state})"  # "Au Maroc, le ministère de l'Intérieur ..."
                elif (main := self._article_state()) is not None:
                    scope = f"state:{main}"  # merged only with the same name in articles on that state
            out.append(
                LocalEntity(
                    key, name, label, aliases, list(c.descriptions), list(c.mentions), list(c.merges), scope
                )
            )
        return out

    def _national(self, c: _Cluster) -> bool:
        """An institution that every state has, named without its state: "le ministère de
        l'Intérieur", "l'Assemblée nationale", "la Cour suprême", "la Garde nationale" (common
        nouns and adjectives only). Not "le tribunal de Bobigny" (a place), "le ministère malien de
        la Justice" (a state's adjective), "la Cour pénale internationale" (no state's)."""
        names = [m for m in c.mentions if m.kind in ("name", "acronym")]
        if not names:
            return False
        places = load_places()
        for m in names:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                return False
            words = [t for t in span if t.pos_ not in ("DET", "ADP", "CCONJ", "PUNCT")]
            if not words or (
                _body_lemma(words[0]) not in _NATIONAL_HEADS
                and words[0].lemma_.lower() not in _NATIONAL_HEADS
            ):
                return False
            for t in words:
                if (
                    t.pos_ not in ("NOUN", "ADJ")
                    or t.lower_ in _SUPRANATIONAL
                    or t.lemma_.lower() in _SUPRANATIONAL
                ):
                    return False
                if places.demonym(t.text) or places.state_of_name(t.text) or fold(t.text) in places.capitals:
                    return False
        return True

    def _article_state(self) -> str | None:
        """The state the article names most, by name or adjective (at least twice, and more often
        than any other), else None."""
        if self._state_cache is None:
            places = load_places()
            counts: Counter[str] = Counter(display for display, _ in self._states.values())
            for t in self.doc:
                if t.pos_ == "ADJ" and (code := places.demonym(t.text)) is not None:
                    counts[places.display[code]] += 1
            best = counts.most_common(2)
            ok = bool(best) and best[0][1] >= 2 and (len(best) == 1 or best[0][1] > best[1][1])
            self._state_cache = best[0][0] if ok else ""
        return self._state_cache or None

    def _state_beside(self, c: _Cluster, *, generic: bool = False) -> str | None:
        """The state where the sentences of an institution's names place it, when they place it in
        one and the same: a state named before it as the place of the clause ("Au Maroc, le
        ministère de l'Intérieur ...", "En Tunisie, l'Assemblée nationale ..."); else None. A state
        named otherwise is often what the institution acts on ("le ministère de l'Intérieur a
        expulsé un Algérien vers l'Algérie"); the state the whole article names most is often
        another (an article on Mali may name France more); a state's adjective in the sentence
        qualifies another noun as often as not ("... a accusé des drones français")."""
        doc = self.doc
        found: set[str] = set()
        starts = sorted(self._states)
        for m in c.mentions:
            if m.kind not in _NAMED_KINDS and not generic:  # a generic body's mentions are bare nouns
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            for i in starts[bisect_right(starts, sent.start - 1) :]:
                if i >= span.start:
                    break
                if i > sent.start and doc[i - 1].lower_ in ("au", "aux", "en", "à"):
                    found.add(self._states[i][0])
        return next(iter(found)) if len(found) == 1 else None

    @staticmethod
    def _type_of(c: _Cluster) -> EntityType:
        votes: dict[EntityType, int] = {}
        for lab in c.labels:
            votes[lab] = votes.get(lab, 0) + 1
        # a tie between the model's labels: a one-word name is more often a place or an
        # organisation than a person (a lone surname follows a full name, which decides)
        single = all(len(name.split()) == 1 for name in c.names)
        order = _SINGLE_WORD_PRIORITY if single else _NAME_PRIORITY
        label: EntityType = max(votes, key=lambda k: (votes[k], order[k]))
        person = c.person_votes > c.org_votes and label in ("OTHER", "LOC", "ORG")
        if person and (label != "ORG" or c.person_votes >= votes.get("ORG", 0)):
            return "PER"
        if c.org_votes and label in ("OTHER", "LOC", "PER"):
            return "ORG"
        if label == "LOC" and (c.gpe_votes or c.actor_votes):
            return "GPE"
        if label == "OTHER" and c.actor_votes:
            return "ORG"
        return label

    # --- resolution of tokens to actors ---------------------------------------------------------
    def entity_at(self, token: Token) -> int | None:
        """The entity whose name covers this token, if any."""
        n = self._token_named.get(token.i)
        return n.entity if n is not None and n.entity >= 0 else None

    def named_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """(token index, entity key) of the named mentions starting within [start, end)."""
        out = []
        seen: set[int] = set()
        for n in self._named:
            if start <= n.start < end and n.entity >= 0 and n.start not in seen:
                seen.add(n.start)
                out.append((n.start, n.entity))
        return out

    def named_span(self, token_index: int) -> tuple[int, int] | None:
        n = self._token_named.get(token_index)
        return (n.start, n.end) if n else None

    def type_of(self, key: int) -> EntityType:
        return self.entities[key].type

    def refers_to(
        self, token: Token, *, exclude: set[int] | None = None, description: bool = False
    ) -> list[int]:
        """Actors this token stands for: a name, a pronoun or a description of an actor.

        ``exclude``: actors that cannot be meant (the subject, for an object pronoun).
        ``description``: any definite noun phrase may refer (it fills an actor's role).
        """
        exclude = exclude or set()
        key = self.entity_at(token)
        if key is not None:
            return [key]
        lower = token.lower_.lstrip("-")  # "-il" in "a-t-il", "-elle" in "estime-t-elle"
        if lower.startswith("t-"):
            lower = lower[2:]
        if lower == "il" and _impersonal(token):
            return []  # "il s'agit", "il existe", "il faut", "il y a": no referent
        if split_demonstrative(token):  # "Celle-ci", split in three tokens
            found = self._latter(token, exclude, feminine=lower.startswith("celle"))
            if found:
                self._record(token, found)
            return found
        if _latter_phrase(token):
            found = self._latter(token, exclude)  # "ce dernier affirmait ..."
            if found:
                self._record(token, found)
            return found
        if token.pos_ == "PRON" and lower in _PERSON_PRONOUNS | {
            "celle-ci",
            "celui-ci",
            "elle-même",
            "lui-même",
        }:
            found = self._antecedent(token, exclude, pronoun=True)
        elif (
            token.pos_ in ("NOUN", "PROPN")
            and (
                token.lemma_.lower() in PERSON_NOUNS
                or token.lemma_.lower() in ORG_NOUNS
                or lower in ORG_NOUNS
            )
            and _definite(token)
        ):
            found = self._antecedent(token, exclude, pronoun=False)
        elif description and token.pos_ == "NOUN" and _definite(token) and not _quantity(token):
            found = self._antecedent(token, exclude, pronoun=True)
        else:
            return []
        if found:
            self._record(token, found)
        return found

    def resolve_pronoun(self, token: Token, *, exclude: set[int] | None = None) -> list[int]:
        """Resolve ``token`` as a pronoun even when the tagger did not call it one ("l'" as DET)."""
        found = self._antecedent(token, exclude or set(), pronoun=True)
        if found:
            self._record(token, found)
        return found

    def _record(self, token: Token, keys: list[int]) -> None:
        if token.i in self._resolved:
            return
        self._resolved[token.i] = keys
        word = token.pos_ in ("PRON", "DET")  # "il", "l'" the tagger calls a determiner, "ses"
        span = self.doc[token.i : token.i + 1] if word else _noun_phrase(token)
        kind: MentionKind = "description"
        if word:
            kind = "possessive" if "Yes" in token.morph.get("Poss", []) else "pronoun"
        for k in keys:
            e = self.entities[k]
            antecedent = self._antecedent_of(e.mentions, span.start_char, span.end_char)
            e.mentions.append(
                Mention(self.article, span.start_char, span.end_char, span.text, kind, antecedent)
            )
            lemma = token.lemma_.lower()
            organisation = lemma in ORG_NOUNS and lemma not in _STATE_NOUNS
            if (
                kind == "description"
                and organisation
                and e.type in ("LOC", "OTHER", "PER")
                and len(keys) == 1
            ):
                e.type = "ORG"  # "Brenval ... L'entreprise affirme": the description says what it is
            if (
                kind == "description"
                and token.lemma_.lower() in PERSON_NOUNS
                and e.type != "PER"
                and len(keys) == 1
            ):
                e.type = "PER"  # "le candidat" for a name the model typed as an organisation
            actor_noun = lemma in PERSON_NOUNS or lemma in ORG_NOUNS or lemma in _STATE_NOUNS
            if kind == "description" and actor_noun and len(keys) == 1 and span.text not in e.descriptions:
                e.descriptions.append(span.text)  # "le groupe minier": a description, never an alias

    def _could_be_person(self, key: int) -> bool:
        """A name the model did not type as a person that may still be one: two or more
        capitalised words, no acronym, no organisation noun, never described as an organisation."""
        c = self._clusters[key]
        if c.org_votes or c.gpe_votes:
            return False
        for name in c.names:
            words = name.split()
            if len(words) < 2 or name.isupper() or any(w.lower() in ORG_NOUNS for w in words):
                return False
            if not all(w[:1].isupper() for w in words if w.lower() not in _NAME_PARTICLES):
                return False
        return True

    def _could_be_organisation(self, key: int) -> bool:
        """A name the model typed as a place or a person that may still be a company: never
        written with an article ("la Chine" is a country) and, for a person, a single word."""
        c = self._clusters[key]
        if c.gpe_votes or c.person_votes:
            return False
        return self.entities[key].type != "PER" or all(len(name.split()) == 1 for name in c.names)

    def _sentence_starts(self) -> list[int]:
        """The first token of every sentence, computed once (``Doc.sents`` walks the document)."""
        if self._starts is None:
            self._starts = [s.start for s in self.doc.sents]
        return self._starts

    def _antecedent(self, token: Token, exclude: set[int], *, pronoun: bool) -> list[int]:
        morph = token.morph
        plural = "Plur" in morph.get("Number", []) or token.lower_.lstrip("-") in (
            "ils",
            "elles",
            "eux",
            "les",
            "leurs",
        )
        noun = token.lemma_.lower()
        attributed = token.i > 0 and self.doc[token.i - 1].lower_ in ("selon", "après", "pour")  # "Selon lui"
        speaker = pronoun and (("subj" in token.dep_ and token.head.lemma_ in _SAYING_VERBS) or attributed)
        want: set[str]
        if pronoun:
            want = {"PER", "ORG", "GPE", "LOC"}  # the model often types a company as a place
        elif noun in PERSON_NOUNS:
            want = {"PER"}
        elif noun in _STATE_NOUNS:
            want = {"GPE", "ORG"}
        else:
            want = {"ORG"}
        if token.lower_ in _DEMONSTRATIVES:
            return self._latter(token, exclude)
        if pronoun and not token.text.startswith("-"):  # "Il avait soutenu ... dans lequel il
            # comparaissait": the same referent; not across a quotation ("« Il a truqué », a-t-il dit")
            for i in range(token.sent.start, token.i):
                prev = self._resolved.get(i)
                if prev and self.doc[i].lower_.lstrip("-") == token.lower_.lstrip("-"):
                    kept = [k for k in prev if k not in exclude]
                    if kept:
                        return kept
        sent_start = token.sent.start
        sentence_initial = all(
            t.is_punct or t.is_space or t.lower_ in ("selon", "d'", "après", "pour")
            for t in self.doc[sent_start : token.i]
        )
        previous_subject = self._main_subject(self.doc[sent_start - 1].sent) if sent_start > 0 else None
        # candidate named mentions before the token, nearest first, within the last 4 sentences
        starts = self._sentence_starts()
        idx = bisect_right(starts, sent_start) - 1
        window_start = starts[max(0, idx - 4)]
        if plural:
            group = self._recent_group(token.i, window_start, want, exclude)
            if group:
                return group
        cands: list[tuple[float, int]] = []
        for n in reversed(self._named):
            if n.start >= token.i or n.start < window_start or n.entity < 0 or n.entity in exclude:
                continue
            e = self.entities[n.entity]
            mistyped = (
                want == {"ORG"}
                and e.type in ("LOC", "GPE", "OTHER", "PER")
                and self._could_be_organisation(n.entity)
            ) or (want == {"PER"} and e.type != "PER" and self._could_be_person(n.entity))
            if e.type not in want and not mistyped:
                continue
            dist = token.i - n.start
            score = -dist / 50.0 - (1.0 if mistyped else 0.0)
            if e.type == "LOC":
                score -= 0.5
            head = self.doc[n.start : n.end].root
            if head.dep_.startswith("nsubj") or self._sentence_topic(n):
                score += 1.0  # subjects and sentence topics are the likeliest antecedents
            if pronoun and (sentence_initial or speaker) and n.entity == previous_subject:
                score += 1.5  # "X, jugé ..., avait lancé ... . Il avait soutenu ...": X continues
            roles = self._clusters[n.entity].role_nouns
            if not pronoun and noun in roles:
                score += 3.0  # "le studio" after "le studio X"; "le ministre" after "X, ministre"
            elif not pronoun and roles & PERSON_NOUNS and noun in PERSON_NOUNS:
                score -= 1.5  # "l'humoriste" is not the one already called "l'ancien ministre"
            if pronoun and e.type == "PER":
                gender = self._gender(n.entity)
                said = (
                    "Fem"
                    if token.lower_.lstrip("-") in ("elle", "elles")
                    else "Masc"
                    if token.lower_.lstrip("-") in ("il", "ils")
                    else None
                )
                if said is None and morph.get("Gender", []):
                    said = morph.get("Gender", [])[0]
                if gender and said and gender != said:
                    score -= 2.0  # "elle" is not "Jean Dupuis"
            if pronoun and not plural and self._is_plural(n):
                score -= 2.0  # "elle" is not "les États-Unis"
            if speaker and e.type == "PER":
                score += 1.5  # who speaks is most often a person
            cands.append((score, n.entity))
        if not pronoun:  # a description may also announce a name given just after it
            for n in self._named:
                if (
                    n.start > token.i
                    and noun in self._clusters[n.entity].role_nouns
                    and n.entity not in exclude
                ):
                    cands.append((2.0 - (n.start - token.i) / 200.0, n.entity))
                    break
        if not cands:
            return []
        best = max(cands, key=lambda x: x[0])
        return [best[1]]

    def _main_subject(self, sent: Span) -> int | None:
        """The actor subject of a sentence's main verb: parsed, or the last name before the verb."""
        root = sent.root
        for c in root.children:
            if c.dep_.startswith("nsubj"):
                k = self.entity_at(c)
                if k is not None:
                    return k
        last = None
        for n in self._named:
            if sent.start <= n.start < root.i and n.entity >= 0:
                before = self.doc[n.start - 1].lower_ if n.start > 0 else ""
                if before not in ("de", "du", "des", "d'", "à", "au", "par", "devant", "selon"):
                    last = n.entity
        return last

    def _latter(self, token: Token, exclude: set[int], feminine: bool | None = None) -> list[int]:
        """ "celle-ci", "ce dernier": the actor mentioned last before it (of that gender), not the
        subject that a personal pronoun would continue."""
        low = token.lower_
        if feminine is None:
            feminine = low in ("celle-ci", "celles-ci", "dernière", "dernières")
        want = "Fem" if feminine else "Masc"
        for n in reversed(self._named):
            if n.start >= token.i or n.entity < 0 or n.entity in exclude:
                continue
            if self.entities[n.entity].type not in ("PER", "ORG", "GPE"):
                continue
            gender = self._gender(n.entity) if self.entities[n.entity].type == "PER" else None
            if gender is None or gender == want:
                return [n.entity]
        return []

    def _sentence_topic(self, n: _Named) -> bool:
        """The first actor named at the start of its sentence."""
        sent = self.doc[n.start].sent
        lead = [
            t for t in self.doc[sent.start : n.start] if not (t.is_punct or t.is_space or t.pos_ == "DET")
        ]
        return len(lead) == 0

    def _gender(self, key: int) -> str | None:
        """A person's grammatical gender when the text shows it: a gendered role noun in a
        description ("la directrice"), or the tagger's gender on the first name."""
        c = self._clusters[key]
        for noun in c.role_nouns:
            if noun in _FEMININE_ROLES:
                return "Fem"
        if len(c.genders) == 1:  # "la juge X", "le ministre X": the determiner of an epicene noun
            return next(iter(c.genders))
        for m in c.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span) >= 2:
                genders = span[0].morph.get("Gender", [])
                if genders and span[0].pos_ == "PROPN":
                    return genders[0]
        return None

    def _is_plural(self, n: _Named) -> bool:
        before = self.doc[n.start - 1].lower_ if n.start > 0 else ""
        return before in ("les", "des", "aux") or "Plur" in self.doc[n.start : n.end].root.morph.get(
            "Number", []
        )

    def coordinated(self, key_token: int) -> list[int]:
        """Entities coordinated with the named mention at ``key_token`` ("Apple et Google")."""
        doc = self.doc
        n = self._token_named.get(key_token)
        if n is None or n.entity < 0:
            return []
        members = [n.entity]
        # linear coordination, robust to a bad parse: "A, B et C", "A et le B", "A ainsi que B";
        # a chain of commas alone is no coordination ("Selon Reuters, Washington accuse ...")
        for direction in (1, -1):
            chain: list[int] = []
            conjunction = False
            cur = n
            while True:
                i = cur.end if direction == 1 else cur.start - 1
                gap: list[str] = []
                while (
                    0 <= i < len(doc)
                    and len(gap) < 4
                    and (
                        doc[i].lower_ in _COORDINATORS
                        or doc[i].pos_ == "DET"
                        or doc[i].lemma_.lower() in ORG_NOUNS  # "la société Brenval et le groupe Tessaro"
                    )
                ):
                    gap.append(doc[i].lower_)
                    i += direction
                if not any(g in _COORDINATORS for g in gap) or not (0 <= i < len(doc)):
                    break
                nxt = self._token_named.get(i)
                if nxt is None or nxt.entity < 0:
                    break
                conjunction = conjunction or any(g in ("et", "ou", "ainsi") for g in gap)
                chain.append(nxt.entity)
                cur = nxt
            if conjunction:
                members.extend(k for k in chain if k not in members)
        if len(members) == 1:  # no coordination in the word order: trust the parse's conjuncts
            for conj in doc[n.start : n.end].root.conjuncts:
                k = self.entity_at(conj)
                if k is not None and k not in members:
                    members.append(k)
        return members

    def _recent_group(self, before: int, window_start: int, want: set[str], exclude: set[int]) -> list[int]:
        """The last coordination of two or more actors ("Apple et Google") before a plural."""
        best: list[int] = []
        for n in self._named:
            if n.start >= before or n.start < window_start or n.entity < 0:
                continue
            members = [
                m
                for m in self.coordinated(n.start)
                if m not in exclude
                and (self.entities[m].type in want or (want == {"ORG"} and self._could_be_organisation(m)))
            ]
            if len(members) >= 2:
                best = members
        return best

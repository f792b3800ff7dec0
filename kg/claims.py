"""The claims stage: accusations, denials and reported statements in one parsed article.

For each sentence, cue words (verbs, nouns, locutions) are found by lemma; the actors in each
role come from the dependency parse (subjects, passive agents, "contre X", "à X") and, for
objects, from the clause between the cue and its offense complement; pronouns and descriptions
are resolved through ``ArticleEntities.refers_to``.

Notes: the constructions follow French grammar of reported speech and accusation ("X accuse Y
de ...", "Y est accusé par X", "X reproche à Y de ...", "X porte plainte contre Y pour ...",
"X affirme que Y a volé ...", "selon X"); status follows mood (conditional), suspicion and
investigation cues, and denial verbs. No rule names a particular actor or article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import NamedTuple

from spacy.tokens import Span, Token

from kg.entities import JUDICIAL_NOUNS, ORG_NOUNS, PERSON_NOUNS, ArticleEntities
from kg.frames import LexiconError
from kg.records import CAMEO_CODES, ClaimMention, Status

__all__ = [
    "ACCUSATION_VERBS",
    "DENIAL_VERBS",
    "OFFENSE_CATEGORIES",
    "SPEECH_VERBS",
    "SUSPICION_VERBS",
    "WRONGDOING_NOUNS",
    "WRONGDOING_VERBS",
    "categorise",
    "extract_claims",
    "sentence_chars",
]


class WordRow(NamedTuple):
    """One row of a word file: an item of a list, with its line number."""

    name: str
    item: str
    note: str
    line: int


_WORDS_HEADER = ["list", "item", "note"]
_LIST_NAME = re.compile(r"[a-z][a-z_]*(?::\w+)?")


def load_words(source: Traversable) -> list[WordRow]:
    """The rows of a word file, in file order (the format is described in kg/lexicon/words.tsv).

    Raises LexiconError, naming the file and the line, on a malformed row: no column header, a
    wrong number of fields, a bad list name, an empty item, an item with leading or trailing
    whitespace, or a (list, item) pair seen before.
    """
    rows: list[WordRow] = []
    seen: dict[tuple[str, str], int] = {}
    header = False
    for number, line in enumerate(source.read_text(encoding="utf-8").split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")

        def malformed(why: str, number: int = number, line: str = line) -> LexiconError:
            return LexiconError(f"{source}, line {number}: {why}: {line!r}")

        if not header:
            if fields != _WORDS_HEADER:
                raise malformed("expected the column header 'list<TAB>item<TAB>note'")
            header = True
            continue
        if len(fields) not in (2, 3):
            raise malformed(f"expected 2 or 3 tab-separated fields (list, item, note), found {len(fields)}")
        name, item, note = fields[0], fields[1], fields[2] if len(fields) == 3 else ""
        if not _LIST_NAME.fullmatch(name):
            raise malformed(f"bad list name {name!r} (lower-case letters and _, then optionally :key)")
        if not item:
            raise malformed("empty item")
        if item != item.strip():
            raise malformed(f"leading or trailing whitespace in the item {item!r}")
        if (name, item) in seen:
            raise malformed(f"{item!r} is already in the list {name!r} (line {seen[name, item]})")
        seen[name, item] = number
        rows.append(WordRow(name, item, note.strip(), number))
    if not header:
        raise LexiconError(f"{source}: no column header 'list<TAB>item<TAB>note'")
    return rows


# The French cue words, read once: kg/lexicon/words.tsv, whose header describes its lists.
_WORDS_FILE = files("kg") / "lexicon" / "words.tsv"
_WORD_ROWS = load_words(_WORDS_FILE)


def _items(name: str) -> list[str]:
    """The items of the list ``name``, in file order."""
    items = [r.item for r in _WORD_ROWS if r.name == name]
    if not items:
        raise LexiconError(f"{_WORDS_FILE}: no row of the list {name!r}")
    return items


def _words(name: str) -> frozenset[str]:
    return frozenset(_items(name))


def _family(family: str) -> list[tuple[str, WordRow]]:
    """(key, row) for the rows of the lists "family:key", in file order."""
    rows = [(r.name.partition(":")[2], r) for r in _WORD_ROWS if r.name.startswith(family + ":")]
    if not rows:
        raise LexiconError(f"{_WORDS_FILE}: no row of a list {family + ':...'!r}")
    return rows


# Verbs whose subject charges their object with wrongdoing: "X accuse Y de ...".
ACCUSATION_VERBS = _words("accusation_verbs")
# Of those, the ones that only suspect: status "alleged".
SUSPICION_VERBS = _words("suspicion_verbs")
# Verbs that condemn an act; the accused is its author ("condamner les violences de X").
_CRITICISM_VERBS = _words("criticism_verbs")
# People who speak for an organisation or a state: "un porte-parole de X" is X speaking.
_SPOKESPERSON_NOUNS = _words("spokesperson_nouns")
_ACTOR_NOUNS = PERSON_NOUNS | ORG_NOUNS
# Names for conduct that a "qualifier de ..." turns into an accusation.
_PEJORATIVES = _items("pejoratives")
# Verbs under which an accusation is not made: "X refuse d'accuser Y".
_NEGATIVE_GOVERNORS = _words("negative_governors")
# Prepositions that never introduce the accused: "sur France Info", "selon Les Échos".
_NOT_ACCUSED_AFTER = _words("not_accused_after")
# Words that make an offense only presumed: "la fraude présumée de X".
_HEDGES = tuple(_items("hedges"))
# Nouns of accusation: "les accusations de X contre Y".
_ACCUSATION_NOUNS = _words("accusation_nouns")
# Nouns of inquiry whose author may accuse in the next sentence: "X a ouvert une enquête. Y est soupçonné".
_INQUIRY_NOUNS = _words("inquiry_nouns")
# Verbs by which an actor makes an accusation named by a noun: "X porte des accusations contre Y".
_ACCUSATION_SUPPORT_VERBS = _words("accusation_support_verbs")
# Denial verbs that deny only with an accusation as object: "rejeter les accusations".
_WEAK_DENIALS = _words("weak_denials")
_CHARGE_NOUNS = _words("charge_nouns")
# Nouns of a statement whose "de X" names the accuser in a denial, like accusation_nouns:
# "dément les affirmations de X".
_STATEMENT_NOUNS = _words("statement_nouns")
_OBJECT_CLITICS = _words("object_clitics")
# Verbs of belief by which investigators name a culprit: "ils pensent que ... appartenaient à Y".
_BELIEF_VERBS = _words("belief_verbs")
# Locutions of accusation: lemma -> (words one of which must come with it, where the accused
# stands). "obj": the direct object; "à": the phrase after à/au/aux; "contre": after contre;
# "act": the author of the act named as object ("qualifie de provocation le déploiement de X").
_LOCUTION_PLACES = frozenset({"obj", "à", "contre", "act"})


def _locutions() -> dict[str, tuple[frozenset[str], str]]:
    """The locutions of words.tsv (lists locutions:<where> and locution_words:<verb>), in file order."""
    needed: dict[str, set[str]] = {}
    for verb, row in _family("locution_words"):
        needed.setdefault(verb, set()).add(row.item)
    locutions: dict[str, tuple[frozenset[str], str]] = {}
    for where, row in _family("locutions"):
        if where not in _LOCUTION_PLACES:
            raise LexiconError(f"{_WORDS_FILE}, line {row.line}: unknown place of the accused {where!r}")
        words = frozenset(needed.get(row.item, ()))
        locutions[row.item] = ((words | frozenset(_PEJORATIVES)) if where == "act" else words, where)
    for verb, row in _family("locution_words"):
        if verb not in locutions:
            raise LexiconError(f"{_WORDS_FILE}, line {row.line}: {verb!r} is in no list locutions:<where>")
    return locutions


_LOCUTIONS = _locutions()
# Object locutions whose accused comes after the locution's word (its locution_words), not
# right after the verb: "pointe du doigt X" (up to "pour", a comma or "après"), "assigne en
# justice X" (up to "pour" or a comma).
_POINTING_VERBS = _words("pointing_verbs")
_SUMMONING_VERBS = _words("summoning_verbs")

# Words that dismiss an accusation: "des accusations sans fondement", "c'est faux".
_DISMISSIVE = tuple(_items("dismissive"))
# Words that end the phrase of an accused: "contre X après des chants ... face à Y".
_PHRASE_ENDS = _words("phrase_ends")
# Who speaks for an accused: "son avocat dénonce un acharnement", "l'entourage du ministre dément".
_REPRESENTATIVES = _words("representatives")
# Verbs by which the accused answers; a denial when the answer negates or dismisses.
_RESPONSE_VERBS = _words("response_verbs")
# Of those, the ones that deny when reflexive: "s'est défendu le cinéaste".
_REFLEXIVE_DENIALS = _words("reflexive_denials")
# Words of innocence and of victimhood in an answer: "il est innocent", "un acharnement".
_INNOCENCE = tuple(_items("innocence"))
_DATIVES = _words("datives")
# Verbs whose accused follows "à": "X reproche à Y de ...". For the others, a name after "à" is
# a complement ("le ministre délégué aux Transports"), not the accused.
_DATIVE_VERBS = _words("dative_verbs")
# Nouns whose "de X" is the name of what they are, not a complement: "le site de X", "le
# magazine de X" (unlike "les géants de la Silicon Valley").
_TITLE_NOUNS = _words("title_nouns")
# Verbs that need a legal complement to accuse ("attaquer en justice"), and those complements.
_LEGAL_ONLY = _words("legal_only")
_LEGAL_COMPLEMENTS = _words("legal_complements")
# Nouns after "en" that make the complement of a cue: "poursuivre en diffamation", "mis en examen".
_EN_COMPLEMENTS = _words("en_complements")
# Judicial verbs whose passive subject is accused by a court or prosecutor: "il a été inculpé".
_JUDICIAL_PASSIVES = _words("judicial_passives")
# Verbs by which one appears before a court, accused by it: "il comparaissait pour outrage".
_APPEARANCE_VERBS = _words("appearance_verbs")
# Verbs of a plea and the word that makes it one: "a plaidé non coupable" is a denial.
_PLEA_VERBS = _words("plea_verbs")
_PLEA_WORDS = _words("plea_words")
# Multi-word verbs, a verb's lemma and the words right after it, joined by "_": "met en cause"
# is "mettre_en_cause"; the first that matches wins.
_PHRASAL_VERBS = tuple(_items("phrasal_verbs"))
# Of those, the ones whose offense follows "dans" or "pour" and whose accused may be the author
# of the act they name: "met en cause X dans la falsification de ...".
_IMPLICATING_VERBS = _words("implicating_verbs")
# Verbs of investigation: "X enquête sur le dopage de Y".
_INVESTIGATION_VERBS = _words("investigation_verbs")
# Verbs by which an inquiry or a complaint names its target: "Y est visé par une enquête",
# "une enquête visant Y".
_TARGETING_VERBS = _words("targeting_verbs")
# Verbs by which the subject denies what it is accused of.
DENIAL_VERBS = _words("denial_verbs")
# Verbs of saying and thinking: they attribute the content to their subject.
SPEECH_VERBS = _words("speech_verbs")
# Verbs that describe wrongdoing when an actor is their subject (or their passive agent).
WRONGDOING_VERBS = _words("wrongdoing_verbs")
# Nouns naming wrongdoing: "les actes de violence commis par X", "des menaces qu'aurait exercé X".
WRONGDOING_NOUNS = _words("wrongdoing_nouns")
# Nouns of evidence and investigation that introduce an accusation: "la preuve que X a ...".
_EVIDENCE_NOUNS = _words("evidence_nouns")
# Verbs whose subject does not hold the evidence it introduces: "il existe des preuves que ...".
_EXISTENTIAL_VERBS = _words("existential_verbs")
_INVESTIGATION_NOUNS = _words("investigation_nouns")
# Nouns of a judicial procedure, and phrases of one (a noun's lemma, then the word forms after
# it): "une procédure disciplinaire", "une instruction", "une information judiciaire".
_PROCEDURE_NOUNS = _words("procedure_nouns")
_PROCEDURE_PHRASES = tuple(_items("procedure_phrases"))
_COMPLAINT_NOUNS = _words("complaint_nouns")
# Verbs by which an actor lodges a complaint: "X porte plainte contre Y", "a déposé plainte".
_COMPLAINT_SUPPORT_VERBS = _words("complaint_support_verbs")
_NEGATIONS = _words("negations")
# The particle of a negation: "n'a jamais accusé", "ne l'accuse pas".
_NEGATIVE_PARTICLES = _words("negative_particles")
# Determiners that negate the noun they come with: "n'a déposé aucune plainte".
_NEGATIVE_DETERMINERS = _words("negative_determiners")
# Words of negation that make an answer of the accused a denial: "assure n'avoir jamais triché";
# and those that make one a denial through its lawyer: "Selon son avocat, Y « n'a jamais copié »".
_ANSWER_NEGATIONS = _words("answer_negations")
_ATTRIBUTED_NEGATIONS = _words("attributed_negations")
# Auxiliaries and governing verbs of modality that make a verb only alleged: "il pourrait avoir
# triché", "il semble avoir triché" (compared with the lemma as the tagger gives it).
_MODAL_AUXILIARIES = _words("modal_auxiliaries")
_MODAL_GOVERNORS = _words("modal_governors")
# Words between "de" and its infinitive: "de ne pas respecter", "d'en avoir", "de s'être".
_BEFORE_INFINITIVE = _words("before_infinitive")
_OFFENSE_MARKERS = _words("offense_markers")
_SUBJECT_DEPS = frozenset(("nsubj", "nsubj:pass", "expl:subj"))
_INVERTED = _words("inverted")
_OBJECT_DEPS = frozenset(("obj", "iobj", "obl:arg", "xcomp", "obl"))
_EUPHONIC_T = frozenset(("-t", "-t-", "t"))  # "a-t-il": the t is not the subject
_QUOTE_MARKS = frozenset('«»"“”')
_QUOTES_OPEN = frozenset('«"“')
_QUOTES_CLOSE = frozenset('»"”')

# The offense taxonomy: category -> (CAMEO code, patterns), the codes in kg.records.CAMEO_CODES and
# the patterns in words.tsv (lists category:<name>, in the same order). Each pattern must start at a
# word start (a prefix: "corromp" covers "corrompu", "corrompre"); the first category that
# matches wins, so the specific ones come first.


def _offense_categories() -> dict[str, tuple[str, tuple[str, ...]]]:
    """category -> (CAMEO code, patterns), the patterns from the lists category:<name> of words.tsv."""
    patterns: dict[str, list[str]] = {}
    for category, row in _family("category"):
        patterns.setdefault(category, []).append(row.item)
    if list(patterns) != list(CAMEO_CODES):
        raise LexiconError(
            f"{_WORDS_FILE}: the lists category:<name> must be, in this order, {', '.join(CAMEO_CODES)};"
            f" found {', '.join(patterns)}"
        )
    return {name: (code, tuple(patterns[name])) for name, code in CAMEO_CODES.items()}


OFFENSE_CATEGORIES = _offense_categories()
_CATEGORY_PATTERNS = [
    (name, re.compile(r"(?<!\w)(?:" + "|".join(patterns) + ")", re.IGNORECASE))
    for name, (_, patterns) in OFFENSE_CATEGORIES.items()
]


def categorise(offense: str) -> str | None:
    """The offense category of an offense text, or None.

    >>> categorise("d'avoir omis de déclarer des biens et reçu des pots-de-vin")
    'corruption'
    >>> categorise("d'avoir utilisé de l'EPO"), categorise("des violences conjugales")
    ('doping', 'violence')
    """
    text = offense.replace("\u2019", "'")
    for name, pattern in _CATEGORY_PATTERNS:
        if pattern.search(text):
            return name
    return None


def _lemma(t: Token) -> str:
    """The verb lemma, robust to the model's misses ("reproche" for "reproché")."""
    lemma = t.lemma_.lower()
    if (
        lemma in ACCUSATION_VERBS
        or lemma in SPEECH_VERBS
        or lemma in DENIAL_VERBS
        or lemma in WRONGDOING_VERBS
    ):
        return lemma
    low = t.lower_
    j = t.i - 1
    while j > 0 and t.doc[j].is_punct:
        j -= 1  # "après avoir « violé »"
    previous = t.doc[j] if t.i > 0 else None
    if previous is not None and previous.lemma_ in ("avoir", "être"):
        # a participle the tagger missed: "a fraudé" tagged as a noun
        for ending in _PARTICIPLE_ENDINGS:
            if low.endswith(ending) and low[: -len(ending)] + "er" in _KNOWN_VERBS:
                return low[: -len(ending)] + "er"
    for stem, verb in _STEMS:
        if low.startswith(stem):
            return verb
    return lemma


_STEMS = tuple((row.item, verb) for verb, row in _family("stems"))
# Endings of the past participle of the verbs in -er, the longest first ("fraudées" is frauder).
_PARTICIPLE_ENDINGS = tuple(_items("participle_endings"))


_KNOWN_VERBS = ACCUSATION_VERBS | SPEECH_VERBS | DENIAL_VERBS | WRONGDOING_VERBS


_NO_CUE_POS = frozenset("PUNCT DET ADP CCONJ SCONJ PRON NUM SPACE SYM PROPN".split())


class _Extractor:
    def __init__(self, ents: ArticleEntities) -> None:
        self._text = ents.doc.text  # Doc.text joins every token: once per document
        self.ents = ents
        self.doc = ents.doc
        self.article = ents.article
        self.out: list[ClaimMention] = []
        self._last_accuser_of: dict[int, int] = {}  # accused -> its last accuser in the article
        self._accused_order: list[int] = []  # accused actors, the latest last
        self._accused_at: dict[int, int] = {}  # accused -> first token of the sentence accusing it last
        self._offense_of: dict[int, tuple[tuple[int, int], int]] = {}  # accuser -> last offense given
        self._open_inquiry: tuple[set[int], int] | None = None  # authors and sentence of an open inquiry
        self._statements: list[tuple[int, str, tuple[int, int], Span]] = []  # speaker, cue, content, sentence
        # sentence number of every token, to count sentences between two places cheaply
        self._sent_no: list[int] = []
        for number, sentence in enumerate(self.doc.sents):
            self._sent_no.extend([number] * len(sentence))
        self._quotes = self._quote_regions()

    # --- helpers ----------------------------------------------------------------------------
    def actors(
        self, token: Token | None, *, exclude: set[int] | None = None, role: bool = False
    ) -> list[int]:
        """Actors a phrase headed by ``token`` stands for, with its coordinated phrases.

        ``role``: the phrase fills a role that only an actor can fill (the subject of "accuser"),
        so a definite description there ("les géants de la Silicon Valley") is resolved too.
        """
        if token is None:
            return []
        if token.lower_ in ("qui", "lequel", "laquelle"):
            token = self._relative_antecedent(token)
        out: list[int] = []
        named = self.ents.named_span(token.i)
        if named is not None:
            for k in self.ents.coordinated(named[0]):
                if k not in out and k not in (exclude or set()):
                    out.append(k)
        for t in [token, *token.conjuncts]:
            for k in self._phrase_actors(t, exclude, role):
                if k not in out:
                    out.append(k)
        return out

    def _relative_antecedent(self, rel: Token) -> Token:
        """ "Claire Morel, qui affirme ...": the name just before the relative pronoun, else the
        noun the parser attached the relative clause to."""
        doc = self.doc
        j = rel.i - 1
        while j >= 0 and doc[j].text == ",":
            j -= 1
        if j >= 0 and doc[j].text == ")":  # "l'Agence ... (AFLD), qui ...": the acronym names it
            j -= 1
        if j >= 0 and self.ents.entity_at(doc[j]) is not None:
            return doc[j]
        return rel.head.head if rel.head.dep_ == "acl:relcl" else rel

    def _phrase_actors(self, head: Token, exclude: set[int] | None, role: bool = False) -> list[int]:
        ents = self.ents
        key = ents.entity_at(head)
        if key is not None:
            return [key]
        # a name in apposition or compound inside the phrase: "le chef ... Attahiru Jega"
        found: list[int] = []
        person_head = head.lemma_.lower() in PERSON_NOUNS
        for child in head.children:
            if child.dep_ in ("appos", "flat:name", "nmod", "compound", "fixed") and not _is_genitive(child):
                k = ents.entity_at(child)
                if k is None or k in found:
                    continue
                comma = child.i > 0 and self.doc[child.left_edge.i - 1].text == ","
                if person_head and ents.type_of(k) != "PER" and not (child.dep_ == "appos" and comma):
                    continue  # "le candidat LREM": the party is an affiliation, not the person
                if child.dep_ == "appos" and child.i > head.i and child.left_edge.i - self._np_end(head) > 3:
                    continue  # an "apposition" after a whole clause is a misparse
                found.append(k)
        if found:
            return found
        apposed = self._apposed_name(head)
        if apposed is not None and apposed not in (exclude or set()):
            return [apposed]
        if head.pos_ == "NOUN" and head.lemma_.lower() in _SPOKESPERSON_NOUNS:
            for child in head.children:  # "un porte-parole de Brenval" speaks for Brenval
                k = ents.entity_at(child)
                if k is not None and _is_genitive(child) and k not in (exclude or set()):
                    return [k]
        if head.pos_ in ("PRON", "NOUN", "PROPN"):
            return ents.refers_to(head, exclude=exclude, description=role)
        return []

    def _governing_preposition(self, i: int, start: int) -> str:
        """The preposition before the noun phrase holding token i: "selon le quotidien Les Échos"."""
        doc = self.doc
        j = i - 1
        steps = 0
        while j >= start and steps < 4 and doc[j].pos_ in ("DET", "NOUN", "ADJ", "PROPN"):
            j -= 1
            steps += 1
        return doc[j].lower_ if j >= start and doc[j].pos_ == "ADP" else ""

    @staticmethod
    def _np_end(head: Token) -> int:
        """The last token of the noun phrase proper, without clauses or appositions hanging on it."""
        right = head.i
        for c in head.children:
            if c.i > head.i and c.dep_ not in (
                "acl",
                "acl:relcl",
                "advcl",
                "xcomp",
                "ccomp",
                "punct",
                "appos",
            ):
                right = max(right, c.right_edge.i)
        return right

    def _apposed_name(self, head: Token) -> int | None:
        """ "son club, le FC Lorient, ...": a name in apposition right after the phrase."""
        doc = self.doc
        i = self._np_end(head) + 1
        if head.pos_ != "NOUN" or i >= len(doc) or doc[i].text != ",":
            return None
        i += 1
        while i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        return self.ents.entity_at(doc[i]) if i < len(doc) else None

    def zone_actors(
        self, start: int, end: int, exclude: set[int], heads: Iterable[Token] = (), *, dative: bool = True
    ) -> list[int]:
        """Actors named in the token range [start, end): an object zone.

        Without a name there, the phrases headed by ``heads`` (the cue's own dependents) may still
        be pronouns or descriptions of an actor; deeper words are never taken.
        """
        doc = self.doc
        out: list[int] = []
        for i, k in self.ents.named_in(start, end):
            b = i - 1
            while b > start and doc[b].pos_ == "DET":
                b -= 1  # "de l'UMP": look past the determiner
            before = doc[b].lower_ if b >= 0 else ""
            governing = self._governing_preposition(i, start)
            if before in _NOT_ACCUSED_AFTER or governing in _NOT_ACCUSED_AFTER:
                continue
            if not dative and (before in _DATIVES or governing in _DATIVES):
                continue  # "accuse le ministre délégué aux Transports": not the accused
            if before in ("de", "du", "des", "d'") and self._genitive_of_common_noun(i):
                continue
            if i >= 1 and doc[i - 1].lemma_.lower() in PERSON_NOUNS and self.ents.type_of(k) == "ORG":
                # "le candidat LREM": the party is an affiliation; the referent is the candidate
                for k2 in self.ents.refers_to(doc[i - 1], exclude=exclude):
                    if k2 not in out:
                        out.append(k2)
                continue
            if k not in exclude and k not in out:
                out.append(k)
        if out:
            return out
        for head in heads:
            if start <= head.i < end and head.pos_ in ("PRON", "NOUN"):
                for k in self.actors(head, exclude=exclude):
                    if k not in out:
                        out.append(k)
        return out

    def _genitive_of_common_noun(self, i: int) -> bool:
        """ "les géants de la Silicon Valley": a name after "de" modifying a common noun."""
        t = self.doc[i]
        head = t.head
        return head.pos_ == "NOUN" and head.i < i and head.lemma_.lower() not in _TITLE_NOUNS

    def status_of(self, *tokens: Token | None, base: Status = "asserted") -> Status:
        for t in tokens:
            if t is None:
                continue
            if _conditional(t) or any(_conditional(c) for c in t.children if c.dep_.startswith("aux")):
                return "alleged"
            if any(c.lemma_ in _MODAL_AUXILIARIES for c in t.children if c.dep_.startswith("aux")):
                return "alleged"
            if t.head.lemma_ in _MODAL_GOVERNORS and t.dep_ == "xcomp":
                return "alleged"
        return base

    def negated(self, t: Token) -> bool:
        return any(c.dep_ == "advmod" and c.lower_ in _NEGATIONS for c in t.children) or (
            any(c.lower_ in _NEGATIVE_PARTICLES and c.dep_ == "advmod" for c in t.children)
            and any(c.lower_ in _NEGATIONS for c in t.children)
        )

    def _inner_names(self, head: Token | None, exclude: set[int]) -> list[int]:
        """ "l'ex-adjointe au maire Carole Benoît": a name deeper in a noun's own phrase."""
        if head is None or head.pos_ != "NOUN":
            return []
        return self.zone_actors(head.left_edge.i, self._np_end(head) + 1, exclude)

    def _inverted_pronoun(self, verb: Token) -> Token | None:
        """ "a-t-elle affirmé", "estime-t-il": the pronoun after the verb or its auxiliary, however
        the parser attached it."""
        doc = self.doc
        for i in range(max(verb.sent.start, verb.i - 3), min(verb.sent.end, verb.i + 3)):
            if doc[i].text.startswith("-") and doc[i].lower_.lstrip("-") in _INVERTED:
                return doc[i]
        return None

    def subject(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in _SUBJECT_DEPS and c.lower_ not in _EUPHONIC_T:
                return c
        inverted = self._inverted_pronoun(verb)
        if inverted is not None:
            return inverted
        # "X a décidé de poursuivre Y": the subject of the governing verb
        head = verb.head
        if verb.dep_ in ("xcomp", "conj", "advcl") and head.pos_ in ("VERB", "AUX") and head.i != verb.i:
            return self.subject(head)
        return self._subject_to_the_left(verb)

    def subject_actors(self, verb: Token, *, exclude: set[int] | None = None) -> list[int]:
        """Actors of the verb's subject; when the parsed subject names none, the actor nearest
        before the verb in its clause (the parser often attaches a name to a wrong head)."""
        subj = self.subject(verb)
        found = self.actors(subj, exclude=exclude, role=True) or self._inner_names(subj, exclude or set())
        if not found:
            left = self._subject_to_the_left(verb)
            found = self.actors(left, exclude=exclude, role=True) if left is not None else []
        return found

    def _subject_to_the_left(self, verb: Token) -> Token | None:
        """Robust to a broken parse: the nearest actor before the verb in its clause (French is SVO)."""
        doc = self.doc
        i = verb.i - 1
        while i >= verb.sent.start:
            t = doc[i]
            if self.ents.entity_at(t) is not None:
                span = self.ents.named_span(i)
                first = span[0] if span else i
                j = first - 1
                while j >= verb.sent.start and doc[j].pos_ == "DET":
                    j -= 1
                if j >= verb.sent.start and doc[j].pos_ == "ADP":
                    return None  # "des entreprises basées en Chine": a name in a complement
                return doc[first]
            if t.pos_ == "PRON" and t.lower_ in ("il", "elle", "ils", "elles"):
                return t
            if t.pos_ == "VERB" or t.text in (":", ";", "«", "»", '"') or t.lower_ in ("que", "qu'", "qui"):
                return None
            i -= 1
        # no name: the actor noun opening the clause ("L'entourage de l'athlète dément ...")
        opener = next((t for t in doc[verb.sent.start : verb.i] if not (t.is_punct or t.pos_ == "DET")), None)
        if (
            opener is not None
            and opener.pos_ == "NOUN"
            and opener.lemma_.lower() in _ACTOR_NOUNS | _REPRESENTATIVES
        ):
            return opener
        return None

    def _post_verbal(self, verb: Token) -> Token | None:
        """ ", a ajouté Me X": the speaker named right after an inverted verb of speech; a name
        after "à" is the one spoken to ("a expliqué à l'AFP X"), not the speaker."""
        doc = self.doc
        addressee: int | None = None
        for i in range(verb.i + 1, min(verb.i + 8, verb.sent.end)):
            t = doc[i]
            if t.lower_ in ("à", "au", "aux"):
                addressee = i
                continue
            span = self.ents.named_span(i)
            if span is not None:
                if addressee is not None and all(doc[k].pos_ == "DET" for k in range(addressee + 1, span[0])):
                    addressee = None  # skip the one spoken to
                    continue
                return doc[span[0]]
            if t.pos_ == "NOUN" and self.ents.refers_to(t):
                return t
        return None

    def _quote_regions(self) -> list[tuple[int, int, int]]:
        """(first token, last token, speaker) of every quotation whose speaker is known."""
        doc = self.doc
        regions: list[tuple[int, int, int]] = []
        opening: int | None = None
        for t in doc:
            ch = t.text
            if ch in ("«", "“") or (ch == '"' and opening is None):
                opening = t.i
            elif (ch in ("»", "”") or ch == '"') and opening is not None:
                words = sum(1 for w in doc[opening + 1 : t.i] if not w.is_punct)
                closing = t.i + 1 >= len(doc) or doc[t.i + 1].text in (",", ".", ":", ";", "!", "?")
                # a quoted word or two inside a sentence (« provocation ») is no statement
                speaker = self._attribution(opening, t.i) if words >= 4 or closing else None
                if speaker is not None:
                    regions.append((opening, t.i, speaker))
                opening = None
        return regions

    def _attribution(self, start: int, end: int) -> int | None:
        """The speaker of the quotation between tokens start and end: after it, or before it."""
        doc = self.doc
        after = doc[end].sent
        for i in range(end + 1, min(after.end, end + 6)):
            t = doc[i]
            if t.pos_ == "VERB" and _lemma(t) in SPEECH_VERBS:
                subj = next(
                    (
                        c
                        for c in t.children
                        if c.dep_ in _SUBJECT_DEPS and c.lower_ not in _EUPHONIC_T and not start <= c.i <= end
                    ),
                    None,
                )  # a "subject" inside the quotation is a misparse: the speaker is outside it
                subj = subj or self._inverted_pronoun(t) or self._post_verbal(t)
                quoted = {k for _, k in self.ents.named_in(start, end)}  # who is named in the quote
                pronoun = subj is not None and subj.pos_ == "PRON"
                keys = self.actors(subj, exclude=quoted if pronoun else None)
                return keys[0] if keys else None
        before = doc[start].sent
        j = start - 1
        while j >= before.start and doc[j].is_punct:
            j -= 1
        if j >= before.start and (doc[j + 1].text == ":" or _lemma(doc[j]) in SPEECH_VERBS):
            verb = doc[j] if doc[j].pos_ == "VERB" else doc[j].head
            keys = self.subject_actors(verb) if verb.pos_ == "VERB" else []
            return keys[0] if keys else None
        return None

    def quote_speaker(self, token: Token) -> int | None:
        for start, end, speaker in self._quotes:
            if start <= token.i <= end:
                return speaker
        return None

    def _source_actors(self, start: int, sent: Span) -> list[int]:
        """The actor named right after an attribution marker, up to the next comma."""
        doc = self.doc
        end = min(start + 8, sent.end)
        for j in range(start, end):
            if doc[j].text in (",", ";", ":"):
                end = j
                break
        names = [k for _, k in self.ents.named_in(start, end)]
        if names:
            return names[:1]
        # "La Chine tente selon elle de ...": the pronoun is not the subject of its own clause
        own = set(self.actors(self.subject(sent.root))) if doc[start].pos_ == "PRON" else set()
        for j in range(start, end):
            # a pronoun, or a noun that names a person or an organisation ("selon le ministre");
            # "Pour l'instant, ..." is no attribution
            personal = doc[j].pos_ == "PRON" and doc[j].lower_ in ("il", "elle", "ils", "elles", "lui", "eux")
            if personal or (doc[j].pos_ == "NOUN" and doc[j].lemma_.lower() in _ACTOR_NOUNS):
                found = self.actors(doc[j], exclude=own, role=doc[j].pos_ == "NOUN")
                if found:
                    return found[:1]
        return []

    def attribution(self, sent: Span) -> int | None:
        """The source a sentence is attributed to: "selon X", "d'après X", "Pour X, ..."."""
        doc = self.doc
        first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
        for t in sent:
            low = t.lower_
            marker = low == "selon" or (low == "après" and t.i >= 1 and doc[t.i - 1].lower_ == "d'")
            if low == "pour" and first is not None and t.i == first.i:  # "Pour l'ONG X, Y a violé ..."
                marker = any(doc[j].text == "," for j in range(t.i + 1, min(t.i + 9, sent.end)))
            if marker:
                found = self._source_actors(t.i + 1, sent)
                if found:
                    return found[0]
        return None

    def reported_by(self, sent: Span) -> int | None:
        """ "selon X", "d'après X", "a déclaré à X": who the article relays the claim from."""
        source = self.attribution(sent)
        if source is not None:
            return source
        for t in sent:
            if (
                t.lower_ in ("à", "au")
                and t.head.dep_ in ("obl", "obl:arg", "iobj")
                and _lemma(t.head.head) in SPEECH_VERBS
            ):
                hit = self.ents.entity_at(t.head)
                if hit is not None:
                    return hit
        return None

    def offense_after(self, cue: Token, sent: Span) -> tuple[int, int] | None:
        """Token range of the offense complement after the cue: "de ...", "d'avoir ...", "pour ...".

        A marker opens the offense when an infinitive follows it ("d'avoir copié", "de ne pas
        respecter"), when a wrongdoing noun follows it, or when its noun depends on the cue
        itself ("accuse X de contrefaçon") rather than on the accused's phrase.
        """
        doc = self.doc
        for i in range(cue.i + 1, sent.end):
            t = doc[i]
            low = t.lower_
            if low not in _OFFENSE_MARKERS and low != "en":
                continue
            j = i + 1
            while j < sent.end and (
                doc[j].lower_ in _BEFORE_INFINITIVE or doc[j].pos_ == "ADV" or doc[j].text in _QUOTE_MARKS
            ):
                j += 1  # "de « militariser »", "de ne pas respecter"
            if j >= sent.end:
                break
            nxt = doc[j]
            if low == "en":
                if nxt.lemma_.lower() in _EN_COMPLEMENTS:
                    return i, j + 1
                continue
            past_infinitive = any(doc[k].lower_ in ("avoir", "être") for k in range(i + 1, j))
            infinitive = "Inf" in nxt.morph.get("VerbForm", []) or past_infinitive
            if (
                nxt.pos_ in ("VERB", "AUX") and infinitive
            ) or past_infinitive:  # "d'avoir piraté", whatever its tag
                return i, self._clause_end(i, sent)
            if self.ents.entity_at(nxt) is not None:
                continue
            noun = nxt if nxt.pos_ == "NOUN" else t.head
            if noun.pos_ == "NOUN" and (
                noun.lemma_.lower() in WRONGDOING_NOUNS
                or categorise(noun.text)
                or (noun.head.i == cue.i and noun.dep_ in ("obl:arg", "obl", "iobj", "xcomp"))
            ):
                return i, self._clause_end(i, sent)
        return None

    def _clause_end(self, start: int, sent: Span) -> int:
        doc = self.doc
        end = sent.end
        for j in range(start + 1, sent.end):
            if doc[j].text in (";",) or (doc[j].text == "." and j == sent.end - 1):
                end = j
                break
        while (end > start and (doc[end - 1].is_punct and doc[end - 1].text not in _QUOTES_CLOSE)) or doc[
            end - 1
        ].is_space:
            end -= 1
        return end

    def emit(
        self,
        kind: str,
        speakers: Iterable[int],
        targets: Iterable[int | None],
        cue: str,
        status: Status,
        content: tuple[int, int] | None,
        sent: Span,
    ) -> None:
        doc = self.doc
        start_char, end_char = sentence_chars(sent)
        speakers = list(speakers)
        if kind == "accusation" and (content is None or content[0] >= content[1]):
            content = self._recalled_offense(speakers, sent)
        if content is None or content[0] >= content[1]:
            c_start, c_end = start_char, end_char
        else:
            c_start, c_end = doc[content[0]].idx, doc[content[1] - 1].idx + len(doc[content[1] - 1])
        text = self._text
        offense = text[c_start:c_end]
        if kind == "accusation" and status == "asserted" and any(h in offense.lower() for h in _HEDGES):
            status = "alleged"
        for s in speakers:
            for t in targets:
                if t is not None and t == s:
                    continue
                self.out.append(
                    ClaimMention(
                        type=kind,  # type: ignore[arg-type]
                        article=self.article,
                        speaker=s,
                        target=t,
                        cue=cue,
                        status=status,
                        content=offense,
                        content_start=c_start,
                        content_end=c_end,
                        sentence=text[start_char:end_char],
                        start=start_char,
                        end=end_char,
                        category=categorise(offense) if kind != "claim" else None,
                    )
                )
                if kind == "accusation" and t is not None:
                    self._last_accuser_of[t] = s
                    if t in self._accused_order:
                        self._accused_order.remove(t)
                    self._accused_order.append(t)
                    self._accused_at[t] = sent.start

    # --- the constructions ------------------------------------------------------------------
    def run(self) -> list[ClaimMention]:
        self._quoted_wrongdoing()
        for sent in self.doc.sents:
            if not sent.text.strip():
                continue
            before = len(self.out)
            speaker = self.quote_speaker(sent[0]) or self.quote_speaker(sent[len(sent) // 2])
            for tok in sent:
                self._cue(tok, sent, speaker)
            for tok in sent:  # the accused answers (after the cues, which may have accused it here)
                if tok.pos_ == "VERB" and tok.lemma_.lower() in _RESPONSE_VERBS and self._accused_order:
                    self._response(tok, tok.lemma_.lower(), sent)
            if len(self.out) == before:
                self._selon_wrongdoing(sent)
            for q_start, q_end, q_speaker in self._quotes:  # « Des accusations sans fondement », a rétorqué X
                if sent.start <= q_end < sent.end:
                    self._dismissal(q_start + 1, q_end, q_speaker, sent)
            rep = self.reported_by(sent)
            if rep is not None:
                for i in range(before, len(self.out)):
                    c = self.out[i]
                    if c.reported_by is None and c.speaker != rep:
                        c.reported_by = rep
        self._emit_statements()
        return _dedupe(self.out)

    def _cue(self, tok: Token, sent: Span, speaker: int | None) -> None:
        """The construction a token opens, if any: one handler per kind of cue, first match wins."""
        if tok.pos_ in _NO_CUE_POS:
            return  # every handler below wants a verb, a noun, an adjective or an adverb
        lemma = _lemma(tok)
        if tok.pos_ in ("VERB", "AUX", "ADJ") and lemma in ACCUSATION_VERBS:
            self._accusation_verb(tok, lemma, sent)
        elif lemma in DENIAL_VERBS and tok.pos_ in ("VERB", "AUX", "ADV", "ADJ"):
            self._denial(tok, lemma, sent)
        elif tok.lemma_.lower() in _PLEA_VERBS and any(c.lower_ in _PLEA_WORDS for c in tok.subtree):
            self._denial(tok, "plaider non coupable", sent)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _COMPLAINT_NOUNS:
            if tok.head.lemma_.lower() in _TARGETING_VERBS and _is_agent(tok):  # "visé par une plainte de X"
                self._investigation(tok, tok.head, sent, status="asserted", cue_name="plainte")
            else:
                self._complaint(tok, sent)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _INVESTIGATION_NOUNS and not _attributed(tok):
            before_inv = len(self.out)
            self._investigation(tok, tok.head, sent)
            if len(self.out) == before_inv:
                self._evidence(tok, sent, speaker)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _EVIDENCE_NOUNS:
            self._evidence(tok, sent, speaker)
        elif tok.pos_ == "VERB" and lemma in SPEECH_VERBS:
            self._speech(tok, lemma, sent)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in _APPEARANCE_VERBS:
            self._judicial_passive(tok, tok.lemma_.lower(), sent)
        elif (phrasal := _phrasal_verb(tok)) is not None:
            self._accusation_verb(tok, phrasal, sent)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _ACCUSATION_NOUNS:
            self._accusation_noun(tok, sent)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in _INVESTIGATION_VERBS:
            self._investigation(tok, tok, sent)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in _LOCUTIONS:
            self._locution(tok, tok.lemma_.lower(), sent)
        elif tok.pos_ == "NOUN" and _judicial_procedure(tok):
            self._investigation(tok, tok.head, sent)

    def _emit_statements(self) -> None:
        """Every reported statement is a claim, unless it is already an accusation or a denial
        by the same speaker in the same sentence; ``about`` lists the actors its content names."""
        done = {(c.speaker, c.start) for c in self.out}
        for speaker, cue, (a, b), sent in self._statements:
            start, _ = sentence_chars(sent)
            if (speaker, start) in done or a >= b:
                continue
            done.add((speaker, start))
            before = len(self.out)
            hedged = any(_conditional(t) for t in self.doc[a:b])  # "il s'agirait de"
            status: Status = "alleged" if hedged else "asserted"
            self.emit("claim", [speaker], [None], cue, status, (a, b), sent)
            about = [k for _, k in self.ents.named_in(a, b) if k != speaker]
            for c in self.out[before:]:
                c.about = list(dict.fromkeys(about))

    def _accusation_verb(self, verb: Token, lemma: str, sent: Span) -> None:
        doc = self.doc
        if self.negated(verb) or (verb.dep_ == "xcomp" and self.negated(verb.head)):
            return
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in _NEGATIVE_GOVERNORS:
            return  # "refuse d'accuser", "renonce à poursuivre": no accusation is made
        if lemma in _LEGAL_ONLY and not any(c.lower_ in _LEGAL_COMPLEMENTS for c in verb.subtree):
            return
        passive = _passive(verb)
        offense = self.offense_after(verb, sent)
        if lemma in _IMPLICATING_VERBS:
            offense = self._locution_offense(verb, lemma, sent)
        status: Status = "alleged" if lemma in SUSPICION_VERBS else "asserted"
        status = self.status_of(verb, base=status)
        if offense:
            status = self.status_of(doc[offense[0] + 1], base=status) if status == "asserted" else status
        if passive or (verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm", [])):
            self._passive(verb, lemma, sent, offense, status)
            return
        accusers = self.subject_actors(verb)
        if not accusers:
            return
        stop = offense[0] if offense else sent.end
        start = verb.i + 1
        if lemma in _PHRASAL_VERBS:
            start = verb.i + _width(lemma)  # after "en cause"
        # the quote-like object zone after the cue, up to the offense
        heads = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
        obj = next((c for c in heads if c.dep_ == "obj"), None)
        if lemma in _CRITICISM_VERBS and obj is not None and self._is_act(obj):
            stop = min(stop, self._np_end(obj) + 1)  # "dénonce le manque de moyens ...": that phrase only
        dative = lemma in _DATIVE_VERBS  # "reprocher à Y": the accused follows "à"
        accused = self.zone_actors(start, stop, set(accusers), heads, dative=dative)
        if not accused and offense and doc[offense[0]].lower_ == "en":  # "attaquer en diffamation X"
            after = offense[0] + 2
            nxt = self.offense_after(doc[after - 1], sent)
            accused = self.zone_actors(after, nxt[0] if nxt else sent.end, set(accusers))
            offense = (offense[0], after)
        if not accused and (
            lemma in _CRITICISM_VERBS or lemma in _IMPLICATING_VERBS
        ):  # "condamner les actes de violence commis par X"
            accused = self._culprit_of_act(heads, set(accusers))
        if not accused:  # "l'accuse", "lui reproche": an object clitic before the verb
            clitic = self._object_clitic(verb)
            if clitic is not None:
                accused = self.ents.resolve_pronoun(clitic, exclude=set(accusers))
        if offense:
            self._remember_offense(accusers, offense, sent)
        if accused:
            self.emit("accusation", accusers, accused, lemma.replace("_", " "), status, offense, sent)

    def _passive(
        self, verb: Token, lemma: str, sent: Span, offense: tuple[int, int] | None, status: Status
    ) -> None:
        subj = None
        for c in verb.children:
            if c.dep_ in ("nsubj:pass", "nsubj"):
                subj = c
        if subj is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            subj = verb.head  # "Y, accusé de ..."
        if subj is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            subj = self.subject(verb.head)  # "Accusée de fraude par X, la chanteuse Y s'est installée"
        if subj is None and verb.i - verb.sent.start <= 1:
            subj = self._after_opening_clause(verb, sent)
        accused = self.actors(subj, role=True) or self._inner_names(subj, set())
        if not accused:
            return
        accusers: list[int] = []
        for c in verb.children:  # "par X"
            if _is_agent(c):
                accusers = self.actors(c, exclude=set(accused), role=True)
        if not accusers:  # "de dopage par son ancienne équipe": "par" attached lower down
            accusers = self._linear_agent(verb, sent, set(accused))
        if not accusers:  # "..., selon Le Canard enchaîné": the source accuses
            source = self.attribution(sent)
            accusers = [source] if source is not None and source not in accused else []
        if not accusers:
            accusers = self._court(sent, set(accused))
        if not accusers and lemma in _JUDICIAL_PASSIVES | SUSPICION_VERBS:
            prior = [self._last_accuser_of[a] for a in accused if a in self._last_accuser_of]
            accusers = prior[:1] or self._recent_investigator(sent, set(accused))
        if accusers:
            self.emit("accusation", accusers, accused, lemma.replace("_", " "), status, offense, sent)

    def _recent_investigator(self, sent: Span, exclude: set[int]) -> list[int]:
        """Who opened an investigation or published a report in the sentence before."""
        prev = self._previous_sentence(sent)
        if prev is None:
            return []
        for t in prev:
            if t.pos_ == "NOUN" and t.lemma_.lower() in _INQUIRY_NOUNS:
                verb = t.head
                if verb.pos_ in ("VERB", "AUX"):
                    found = self.subject_actors(verb, exclude=exclude)
                    if found:
                        return found
        return []

    def _linear_agent(self, verb: Token, sent: Span, exclude: set[int]) -> list[int]:
        """The actor after the first "par" following the verb in its clause."""
        doc = self.doc
        for i in range(verb.i + 1, sent.end):
            if doc[i].text in (";", ":") or (doc[i].pos_ == "VERB" and doc[i].i != verb.i and i > verb.i + 1):
                break
            if doc[i].lower_ == "par":
                end = self._phrase_end(i + 1, sent)
                found = self.zone_actors(i + 1, end, exclude, [doc[i].head])
                if found:
                    return found
        return []

    def _after_opening_clause(self, verb: Token, sent: Span) -> Token | None:
        """ "Poursuivi pour escroquerie par X, l'agent Y ...": the subject after the opening clause."""
        doc = self.doc
        for i in range(verb.i + 1, sent.end):
            if doc[i].text == ",":
                for j in range(i + 1, min(i + 8, sent.end)):
                    if self.ents.entity_at(doc[j]) is not None:
                        return doc[j]
                    if doc[j].pos_ in ("VERB", "AUX"):
                        break
        return None

    def _locution_offense(self, verb: Token, lemma: str, sent: Span) -> tuple[int, int] | None:
        """ "met en cause X dans la falsification de ...": the offense after "dans" or "pour"."""
        for i in range(verb.i + _width(lemma), sent.end):
            if self.doc[i].lower_ in ("dans", "pour"):
                return i, self._clause_end(i, sent)
        return None

    def _accusation_noun(self, noun: Token, sent: Span) -> None:
        """ "les accusations de X contre Y", "X porte des accusations contre Y"."""
        accusers: list[int] = []
        for child in noun.children:
            if _is_genitive(child):
                accusers = self.actors(child, role=True)
                if accusers:
                    break
        verb = noun.head
        if not accusers and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _ACCUSATION_SUPPORT_VERBS:
            accusers = self.subject_actors(verb)
        if not accusers:
            return
        targets = self._contre(noun, sent, set(accusers))
        if targets:
            offense = (noun.left_edge.i, noun.right_edge.i + 1)
            self.emit(
                "accusation", accusers, targets, noun.lemma_.lower(), self.status_of(verb), offense, sent
            )

    def _contre(self, after: Token, sent: Span, exclude: set[int]) -> list[int]:
        """The actors after "contre" (or "à l'encontre de") following a token."""
        doc = self.doc
        for t in doc[after.i + 1 : sent.end]:
            if t.lower_ == "contre" or (t.lower_ == "encontre" and t.i + 1 < sent.end):
                start = t.i + 1 if t.lower_ == "contre" else t.i + 2
                end = self._phrase_end(start, sent)
                found = self.zone_actors(start, end, exclude, [t.head])
                if found:
                    return found
        return []

    def _investigation(
        self,
        cue: Token,
        verb: Token,
        sent: Span,
        status: Status = "alleged",
        cue_name: str = "enquête",
    ) -> None:
        """ "X ouvre une enquête contre Y", "Y est visé par une enquête du parquet de X",
        "une enquête ... visant Y", "X enquête sur le dopage de Y": alleged accusations."""
        doc = self.doc
        accusers: list[int] = []
        targets: list[int] = []
        for child in cue.children:  # "une enquête du parquet de Nice"
            if child.pos_ in ("NOUN", "PROPN") and _is_genitive(child):
                accusers = self.actors(child, role=True)
                if accusers:
                    break
        passive = any(c.dep_ == "aux:pass" for c in verb.children) or "Pass" in verb.morph.get("Voice", [])
        governed = verb.pos_ in ("VERB", "AUX") and (verb.i != cue.i or cue.pos_ == "VERB")
        if not accusers and cue.pos_ == "NOUN" and verb.pos_ not in ("VERB", "AUX"):
            accusers = self.subject_actors(cue)  # "X enquête sur ...", "enquête" tagged as a noun
        if not accusers and governed:
            if passive:
                accusers = [k for c in verb.children if _is_agent(c) for k in self.actors(c, role=True)]
                accusers = accusers or self._linear_agent(verb, sent, set())
            else:
                accusers = self.subject_actors(verb)
        # "Y est visé par une enquête"
        if verb.lemma_.lower() in _TARGETING_VERBS and _is_agent(cue) and passive:
            targets = self.actors(self.subject(verb), exclude=set(accusers))
            if not targets and verb.i - verb.sent.start <= 1:  # "Visé par une plainte de X, Y ..."
                opener = self._after_opening_clause(verb, sent)
                targets = self.actors(opener, exclude=set(accusers)) if opener is not None else []
        if not targets:
            targets = self._contre(cue, sent, set(accusers))
        if not targets:  # "une enquête ... visant Y"
            for t in doc[cue.i + 1 : sent.end]:
                if (
                    t.lemma_.lower() in _TARGETING_VERBS
                    and t.pos_ == "VERB"
                    and "Part" in t.morph.get("VerbForm", [])
                ):
                    targets = self.zone_actors(t.i + 1, self._phrase_end(t.i + 1, sent), set(accusers))
                    break
        if not targets:  # "enquête sur le dopage présumé de Y"
            for t in doc[cue.i + 1 : sent.end]:
                if t.lower_ == "sur":
                    end = self._phrase_end(t.i + 1, sent)
                    targets = self.zone_actors(t.i + 1, end, set(accusers)) or self._culprit_of_act(
                        [t.head], set(accusers)
                    )
                    break
        if accusers and targets:
            offense = self._investigation_offense(cue, sent)
            self.emit("accusation", accusers, targets, cue_name, status, offense, sent)
        elif accusers:  # an inquiry with no culprit named yet: its authors may name one next
            self._open_inquiry = (set(accusers), sent.start)

    def _investigation_offense(self, cue: Token, sent: Span) -> tuple[int, int]:
        for i in range(cue.i + 1, sent.end):
            if self.doc[i].lower_ in ("pour", "sur"):
                return i, self._phrase_end(i + 1, sent)
        return cue.i, cue.right_edge.i + 1

    def _dismissal(self, start: int, end: int, speaker: int, sent: Span) -> None:
        """« Des accusations sans fondement », a rétorqué X: X denies what it is accused of."""
        doc = self.doc
        lemmas = {t.lemma_.lower() for t in doc[start:end]} | {t.lower_ for t in doc[start:end]}
        text = doc[start:end].text.lower()
        if not lemmas & (_ACCUSATION_NOUNS | _CHARGE_NOUNS) or not any(d in text for d in _DISMISSIVE):
            return
        accuser = self._last_accuser_of.get(speaker)
        if accuser is None:
            return
        self.emit("denial", [speaker], [None], "démentir", "asserted", (start, end), sent)
        self.emit("accusation", [accuser], [speaker], "démentir", "denied", (start, end), sent)

    def _quoted_wrongdoing(self) -> None:
        """« Y a volé notre technologie », a déclaré X: the quoted wrongdoing is X's accusation."""
        doc = self.doc
        for start, end, speaker in self._quotes:
            if end - start > 1:  # « ... », a-t-il déclaré: the quotation is the speaker's statement
                evidence = doc[doc[start].sent.start : doc[end].sent.end]  # all the sentences it spans
                self._statements.append((speaker, "citation", (start + 1, end), evidence))
            for t in doc[start : end + 1]:
                if (
                    t.pos_ in ("VERB", "NOUN", "ADJ")
                    and _lemma(t) in WRONGDOING_VERBS
                    and not self.negated(t)
                ):
                    self._wrongdoing_clause(t, [speaker], "citation", t.sent, max_depth=0)

    def _object_clitic(self, verb: Token) -> Token | None:
        """The object pronoun before a verb (or its auxiliary), however it was tagged."""
        doc = self.doc
        i = verb.i - 1
        while i >= verb.sent.start and (doc[i].pos_ == "AUX" or doc[i].lower_ in _NEGATIVE_PARTICLES):
            i -= 1
        if i < verb.sent.start or doc[i].lower_ not in _OBJECT_CLITICS:
            return None
        # a pronoun, or a "determiner" with no noun after it: right before the verb or its auxiliary
        return doc[i] if doc[i].pos_ == "PRON" or doc[i + 1].pos_ in ("VERB", "AUX") else None

    def _is_act(self, noun: Token) -> bool:
        """A common noun naming an act or a state of things, not an actor: "le manque", "les violences"."""
        return (
            noun.pos_ == "NOUN"
            and self.ents.entity_at(noun) is None
            and noun.lemma_.lower() not in _ACTOR_NOUNS
        )

    def _locution(self, verb: Token, lemma: str, sent: Span) -> None:
        """The locutions of ``_LOCUTIONS``: "X impute à Y ...", "X tient Y pour responsable de ...",
        "X a saisi la justice contre Y", "X qualifie de « provocation » le déploiement de Y"."""
        needed, where = _LOCUTIONS[lemma]
        words = {t.lemma_.lower() for t in verb.subtree} | {t.lower_ for t in verb.subtree}
        if (needed and not needed & words) or self.negated(verb) or _passive(verb):
            return
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in _NEGATIVE_GOVERNORS:
            return
        accusers = self.subject_actors(verb)
        if not accusers:
            return
        exclude = set(accusers)
        doc = self.doc
        targets: list[int] = []
        obj = next((c for c in verb.children if c.dep_ == "obj"), None)
        if where == "contre":
            targets = self._contre(verb, sent, exclude)
        elif where == "à":
            for t in doc[verb.i + 1 : sent.end]:
                if t.lower_ in _DATIVES:
                    targets = self.zone_actors(t.i + 1, self._phrase_end(t.i + 1, sent), exclude, [t.head])
                    if targets:
                        break
            if not targets:
                clitic = self._object_clitic(verb)  # "lui impute"
                targets = self.ents.resolve_pronoun(clitic, exclude=exclude) if clitic is not None else []
        elif where == "obj":
            stop = next((t.i for t in doc[verb.i + 1 : sent.end] if t.lower_ in ("pour", ",")), sent.end)
            if lemma in _POINTING_VERBS:  # "pointe du doigt X": past the locution's word
                start = next((t.i + 1 for t in doc[verb.i : sent.end] if t.lower_ in needed), verb.i + 1)
                stop = next(
                    (t.i for t in doc[start : sent.end] if t.lower_ in ("pour", ",", "après")), sent.end
                )
            else:
                start = verb.i + 1
            if lemma in _SUMMONING_VERBS:  # "assigne en justice X": past the locution's word
                start = next((t.i + 1 for t in doc[verb.i : sent.end] if t.lower_ in needed), verb.i + 1)
                stop = next((t.i for t in doc[start : sent.end] if t.lower_ in ("pour", ",")), sent.end)
            targets = self.zone_actors(start, stop, exclude, [obj] if obj is not None else [])
            if not targets:
                clitic = self._object_clitic(verb)
                targets = self.ents.resolve_pronoun(clitic, exclude=exclude) if clitic is not None else []
        elif where == "act":
            acts = [c for c in verb.children if c.dep_ == "obj" and c.lemma_.lower() not in _PEJORATIVES]
            targets = self._culprit_of_act(acts, exclude)
            obj = acts[0] if acts else obj
        if not targets:
            return
        offense = self.offense_after(verb, sent)
        if offense is None and obj is not None and self._is_act(obj):
            offense = (obj.left_edge.i, self._np_end(obj) + 1)
        self.emit("accusation", accusers, targets, lemma, self.status_of(verb), offense, sent)

    def _culprit_of_act(self, heads: list[Token], exclude: set[int]) -> list[int]:
        """The author of a condemned act: "les violences commises par X", "l'agression de X"."""
        for head in heads:
            if head.pos_ != "NOUN" or self.ents.entity_at(head) is not None:
                continue
            for t in head.subtree:
                if _is_agent(t) or (t.dep_ == "nmod" and t.head.i == head.i and _is_genitive(t)):
                    found = self.actors(t, exclude=exclude)
                    if found:
                        return found
        return []

    def _court(self, sent: Span, exclude: set[int]) -> list[int]:
        """A court or prosecutor in the sentence ("devant le tribunal X")."""
        for t in sent:
            if t.lower_ == "devant" or t.lemma_.lower() in JUDICIAL_NOUNS:
                head = t.head if t.lower_ == "devant" else t
                keys = (
                    self._phrase_actors(head, exclude)
                    if head.lemma_.lower() in JUDICIAL_NOUNS or self.ents.entity_at(head) is not None
                    else []
                )
                for k in keys:
                    if self.ents.type_of(k) in ("ORG", "GPE"):
                        return [k]
        return []

    def _judicial_passive(self, verb: Token, cue: str, sent: Span) -> None:
        """ "il comparaissait pour outrage": accused by the court mentioned in the article."""
        subj = self.subject(verb)
        accused = self.actors(subj)
        if not accused:
            return
        offense = self.offense_after(verb, sent)
        accusers = self._court(sent, set(accused))
        if not accusers:
            prev = self._previous_sentence(sent)
            if prev is not None:
                accusers = self._court(prev, set(accused))
        if accusers and offense:
            self.emit("accusation", accusers, accused, cue, self.status_of(verb), offense, sent)

    def _previous_sentence(self, sent: Span) -> Span | None:
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        while prev.start > 0 and not prev.text.strip():
            prev = self.doc[prev.start - 1].sent
        return prev

    def _denial(self, verb: Token, lemma: str, sent: Span) -> None:
        deniers = self._answering(verb, sent)
        accusation_object = any(
            t.lemma_.lower() in _ACCUSATION_NOUNS | _CHARGE_NOUNS for t in verb.subtree if t.i > verb.i
        )
        if lemma in _WEAK_DENIALS and not accusation_object and not deniers:
            return  # "rejeter la demande" is no denial; "rejeter les accusations" is, and so is anything
            # the one just accused contests ("Le coureur conteste fermement ces résultats")
        if not deniers:
            subj = self.subject(verb)
            deniers = self.actors(subj, role=True)
        if not deniers:
            return
        self._deny(verb, lemma, deniers, sent)

    def _answering(self, verb: Token, sent: Span) -> list[int]:
        """The actor answering an accusation made just before: the subject when it was accused in
        the last three sentences, by name, pronoun or description ("le maire", "la firme"), or
        through its lawyer or entourage ("son avocat", "l'entourage du ministre")."""
        if not self._accused_order:
            return []
        subj = self.subject(verb)
        if subj is None:
            return []
        recent = [a for a in self._accused_order if self._recently_accused(a, sent)]
        if not recent:
            return []
        if subj.lemma_.lower() in _REPRESENTATIVES:
            for child in subj.children:
                if _is_genitive(child):
                    found = [k for k in self.actors(child, role=True) if k in recent]
                    if found:
                        return found[:1]
            if any(c.dep_ == "det" and "Yes" in c.morph.get("Poss", []) for c in subj.children):
                return recent[-1:]  # "son avocat": the one just accused
            return []
        if self.ents.entity_at(subj) is None and subj.pos_ in ("PRON", "NOUN"):
            found = [k for k in self.actors(subj, role=True) if k in recent]
            return found[:1] or recent[-1:]  # "il", "le maire": the one just accused
        return [k for k in self.actors(subj, role=True) if k in recent][:1]

    def _sentences_since(self, at: int, sent: Span) -> int | None:
        """How many sentences from the one holding token ``at`` up to ``sent`` (None if after it)."""
        if at > sent.start:
            return None
        return self._sent_no[sent.start] - self._sent_no[at]

    def _recently_accused(self, actor: int, sent: Span) -> bool:
        at = self._accused_at.get(actor)
        gap = None if at is None else self._sentences_since(at, sent)
        return gap is not None and gap <= 3

    def _response(self, verb: Token, lemma: str, sent: Span) -> None:
        """The accused answers: "Le coureur assure n'avoir jamais triché", "Son avocat dénonce un
        acharnement", "La firme juge la procédure « sans fondement »": a denial when the answer
        negates or dismisses."""
        deniers = self._answering(verb, sent)
        if not deniers:
            return
        if lemma in _REFLEXIVE_DENIALS and any(c.lower_ in ("se", "s'") for c in verb.children):
            self._deny(verb, "se " + lemma, deniers, sent)  # "s'est défendu le cinéaste"
            return
        content = self.doc[verb.i : self._clause_end(verb.i, sent)]
        words = {t.lower_ for t in content}
        text = content.text.lower()
        negation = bool(words & _ANSWER_NEGATIONS)
        dismissal = any(d in text for d in _DISMISSIVE) or any(w in text for w in _INNOCENCE)
        if negation or dismissal:
            self._deny(verb, lemma, deniers, sent)

    def _deny(self, verb: Token, lemma: str, deniers: list[int], sent: Span) -> None:
        content = (verb.i + 1, self._clause_end(verb.i, sent))
        if lemma == "plaider non coupable":  # "a plaidé non coupable", not the rest of the sentence
            last = max((t.i for t in verb.subtree if t.lower_ in _PLEA_WORDS), default=verb.i)
            content = (verb.i, last + 1)
        if any(
            c.type == "denial" and c.speaker in deniers and c.start == sentence_chars(sent)[0]
            for c in self.out
        ):
            return  # one denial per sentence
        self.emit("denial", deniers, [None], lemma, "asserted", content, sent)
        named_accuser = None
        for t in verb.subtree:
            if t.pos_ == "NOUN" and t.lemma_.lower() in _ACCUSATION_NOUNS | _STATEMENT_NOUNS:
                for t2 in t.subtree:
                    if t2.i != t.i and _is_genitive(t2) and self.ents.entity_at(t2) is not None:
                        named_accuser = self.ents.entity_at(t2)
        for d in deniers:
            accuser = named_accuser if named_accuser is not None else self._last_accuser_of.get(d)
            if accuser is None:  # "X dément avoir espionné Y": the one said to be wronged
                victims = self.zone_actors(verb.i + 1, content[1], {d})
                accuser = victims[0] if victims else None
            if accuser is not None:
                self.emit("accusation", [accuser], [d], lemma, "denied", content, sent)

    def _complaint(self, noun: Token, sent: Span) -> None:
        """ "X porte plainte contre Y pour ...", "X a déposé plainte contre Y"."""
        verb = noun.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _COMPLAINT_SUPPORT_VERBS:
            return
        if self.negated(verb) or any(c.lower_ in _NEGATIVE_DETERMINERS for c in noun.children):
            return
        passive = any(c.dep_ == "aux:pass" for c in verb.children)
        if passive:
            return
        accusers = self.subject_actors(verb)
        if not accusers:
            return
        targets: list[int] = []
        for t in sent:
            if t.lower_ == "contre" and t.i > verb.i:
                end = self._phrase_end(t.i + 1, sent)
                targets = self.zone_actors(t.i + 1, end, set(accusers), [t.head])
                if targets:
                    break
        offense = None
        for t in sent:
            if t.lower_ == "pour" and t.i > noun.i:
                offense = (t.i, self._phrase_end(t.i + 1, sent))
                break
        if offense is not None:
            self._remember_offense(accusers, offense, sent)
        if targets:
            self.emit("accusation", accusers, targets, "porter plainte", self.status_of(verb), offense, sent)

    def _remember_offense(self, accusers: list[int], offense: tuple[int, int], sent: Span) -> None:
        for a in accusers:
            self._offense_of[a] = (offense, sent.start)

    def _recalled_offense(self, accusers: list[int], sent: Span) -> tuple[int, int] | None:
        """ "X porte plainte pour diffamation contre cinq médias. X poursuit A, B et C": an accusation
        without an offense of its own takes the offense its accuser gave just before (in the three
        sentences before); its offsets then point into that earlier sentence."""
        for a in accusers:
            if a not in self._offense_of:
                continue
            offense, at = self._offense_of[a]
            gap = self._sentences_since(at, sent)
            if gap is not None and 0 < gap <= 3:
                return offense
        return None

    def _phrase_end(self, start: int, sent: Span) -> int:
        doc = self.doc
        for j in range(start, sent.end):
            if doc[j].text in (",", ";", ".", ":") or doc[j].lower_ in _PHRASE_ENDS:
                return j
        return sent.end

    def _evidence(self, noun: Token, sent: Span, quote_speaker: int | None) -> None:
        """ "X a la preuve que Y a ...", "il existe des preuves que Y ...", "X mène une enquête ... Y"."""
        doc = self.doc
        investigation = noun.lemma_.lower() in _INVESTIGATION_NOUNS
        verb = noun.head
        accusers: list[int] = []
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in _EXISTENTIAL_VERBS:
            accusers = self.subject_actors(verb)
        if not accusers:
            quoted = self.quote_speaker(noun)
            sp = quoted if quoted is not None else self._governing_speaker(verb)
            accusers = [sp] if sp is not None else ([quote_speaker] if quote_speaker is not None else [])
        if not accusers:
            return
        # the content clause: "que ...", "dont ...", "pour déterminer si ..."
        start = noun.i + 1
        for i in range(noun.i + 1, min(noun.i + 6, sent.end)):
            if doc[i].lower_ in ("que", "qu'", "dont", "pour", "sur", "de", "d'"):
                start = i
                break
        end = self._clause_end(start, sent)
        accused: list[int] = []
        for t in doc[start:end]:
            agent = _is_agent(t)
            if not (agent or t.dep_ in ("nsubj", "nsubj:pass")):
                continue
            if self.ents.entity_at(t) is not None or t.pos_ == "PRON":
                accused = self.actors(t, exclude=set(accusers))
            elif t.pos_ == "NOUN" and t.lemma_.lower() in _ACTOR_NOUNS:
                # "par un groupe lié à X": an actor noun, and the actor named in its phrase
                accused = self.actors(t, exclude=set(accusers)) or self.zone_actors(
                    t.i, t.right_edge.i + 1, set(accusers)
                )
            if accused:
                break
        if not accused:
            return
        status: Status = "alleged" if investigation else self.status_of(verb)
        self.emit("accusation", accusers, accused, noun.lemma_.lower(), status, (start, end), sent)

    def _governing_speaker(self, tok: Token) -> int | None:
        t = tok
        for _ in range(4):
            if _lemma(t) in SPEECH_VERBS and t.pos_ == "VERB":
                keys = self.actors(self.subject(t))
                return keys[0] if keys else None
            if t.head.i == t.i:
                break
            t = t.head
        return None

    def _speech(self, verb: Token, lemma: str, sent: Span) -> None:
        """ "X affirme que Y a violé ...": an accusation when the content is wrongdoing by an actor."""
        speakers = self.subject_actors(verb)
        if not speakers:
            return
        before = len(self.out)
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp", "obj", "advcl") and c.i > verb.i:
                self._wrongdoing_clause(c, speakers, lemma, sent)
            if c.dep_ == "ccomp" and not self.negated(verb):  # "X affirme que ...": a statement
                for sp in speakers:
                    self._statements.append((sp, lemma, (c.left_edge.i, c.right_edge.i + 1), sent))
        if len(self.out) == before:  # "X révèle que Y aurait employé fictivement ...": an offense named
            for c in verb.children:
                if c.dep_ == "ccomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX"):
                    self._offense_clause(c, speakers, lemma, sent)
        if len(self.out) == before and lemma in _BELIEF_VERBS:
            self._inquiry_conclusion(verb, lemma, speakers, sent)

    def _offense_clause(self, head: Token, speakers: list[int], cue: str, sent: Span) -> None:
        """A reported clause whose predicate names an offense of the taxonomy, with an actor as
        its subject: the speaker accuses that subject (status from the clause's mood)."""
        if self.negated(head):
            return
        span = (head.i, head.right_edge.i + 1)
        if categorise(self.doc[span[0] : span[1]].text) is None:
            return
        culprit = self.actors(self.subject(head), exclude=set(speakers), role=True)
        if culprit:
            self.emit("accusation", speakers, culprit, cue, self.status_of(head), span, sent)

    def _inquiry_conclusion(self, verb: Token, lemma: str, speakers: list[int], sent: Span) -> None:
        """ "X et Z ont lancé une enquête ... Ils pensent que ces comptes appartenaient à Y": the
        authors of an inquiry that named no culprit now name one, as a belief: alleged."""
        if self._open_inquiry is None:
            return
        authors, at = self._open_inquiry
        gap = self._sentences_since(at, sent)
        if not set(speakers) & authors or gap is None or not 0 < gap <= 2:
            return
        content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if content is None:
            return
        named = [k for _, k in self.ents.named_in(content.left_edge.i, content.right_edge.i + 1)]
        culprits = [k for k in dict.fromkeys(named) if k not in authors]
        if culprits:
            span = (content.left_edge.i, content.right_edge.i + 1)
            self.emit(
                "accusation", sorted(set(speakers) & authors), culprits[:1], lemma, "alleged", span, sent
            )

    def _wrongdoing_clause(
        self, head: Token, speakers: list[int], cue: str, sent: Span, max_depth: int = 99
    ) -> None:
        nested = {
            d.i
            for v in head.subtree
            if v.i != head.i and v.pos_ == "VERB" and _lemma(v) in SPEECH_VERBS
            for d in v.subtree
        }  # "des menaces ... envers X, qui affirme avoir été agressée par Y": X's claim, not ours
        for t in [head, *head.subtree]:
            if _depth(t, head) > max_depth or t.i in nested:
                continue
            if t.pos_ not in ("VERB", "NOUN", "ADJ") or _lemma(t) not in WRONGDOING_VERBS:
                if t.pos_ == "NOUN" and t.lemma_.lower() in WRONGDOING_NOUNS:
                    self._wrongdoing_noun(t, speakers, cue, sent)
                continue
            passive = _passive(t)
            culprit: list[int] = []
            if passive:
                for c in t.children:
                    if _is_agent(c):
                        culprit = self.actors(c, exclude=set(speakers))
            else:
                subj = self.subject(t)  # "après avoir violé ...": the subject of the governing verb
                culprit = self.actors(subj, exclude=set(speakers)) if subj is not None else []
                if not culprit and _infinitival(t):
                    # an infinitive clause has its main clause's subject: "X tente ... après avoir violé"
                    culprit = self.subject_actors(sent.root, exclude=set(speakers))
            if culprit:
                end = t.right_edge.i + 1
                self.emit("accusation", speakers, culprit, cue, self.status_of(t), (t.left_edge.i, end), sent)
                return

    def _own_span(self, head: Token) -> tuple[int, int]:
        """The phrase of ``head`` without a relative clause that has its own speaker ("..., qui
        affirme ...") and without trailing punctuation."""
        end = head.right_edge.i + 1
        for t in head.subtree:
            if t.i > head.i and t.pos_ == "VERB" and _lemma(t) in SPEECH_VERBS:
                end = min(end, t.left_edge.i)
        doc = self.doc
        while end > head.left_edge.i + 1 and (
            doc[end - 1].is_punct and doc[end - 1].text not in _QUOTES_CLOSE
        ):
            end -= 1
        return head.left_edge.i, end

    def _wrongdoing_noun(self, noun: Token, speakers: list[int], cue: str, sent: Span) -> None:
        """ "condamner les actes de violence commis par X", "des menaces qu'aurait exercé X"."""
        for t in noun.subtree:
            if t.dep_ == "nsubj" or _is_agent(t):
                culprit = self.actors(t, exclude=set(speakers))
                if culprit:
                    status = self.status_of(t.head)
                    self.emit(
                        "accusation",
                        speakers,
                        culprit,
                        cue,
                        status,
                        self._own_span(noun),
                        sent,
                    )
                    return

    def _selon_wrongdoing(self, sent: Span) -> None:
        """ "Selon X, Y aurait détourné ...", "Pour X, Y a violé ...": X accuses Y."""
        source = self.attribution(sent)
        if source is None:
            self._attributed_denial(sent)
            return
        end = sent.end
        while end > sent.start and self.doc[end - 1].is_space:
            end -= 1  # no paragraph break in the content
        self._statements.append((source, "selon", (sent.start, end), sent))
        before = len(self.out)
        self._wrongdoing_clause(sent.root, [source], "selon", sent, max_depth=4)
        if len(self.out) == before:
            self._hedged_offense(sent, source)

    def _attributed_denial(self, sent: Span) -> None:
        """ "Selon son avocat, Y « n'a jamais copié la moindre ligne »": the accused, through its
        lawyer or entourage, negates what it was just accused of."""
        doc = self.doc
        marker = next((t for t in sent if t.lower_ == "selon"), None)
        if marker is None or marker.i + 2 >= sent.end:
            return
        head = next((t for t in doc[marker.i + 1 : marker.i + 4] if t.pos_ == "NOUN"), None)
        if head is None or head.lemma_.lower() not in _REPRESENTATIVES:
            return
        root = sent.root
        subject = self.actors(self.subject(root), role=True)
        recent = [a for a in subject if self._recently_accused(a, sent)]
        if recent and any(t.lower_ in _ATTRIBUTED_NEGATIONS for t in sent):
            self._deny(root, "démentir", recent[:1], sent)

    def _hedged_offense(self, sent: Span, source: int) -> None:
        """A conditional main clause whose predicate names an offense: "Y aurait utilisé de l'EPO"."""
        for t in sent:
            if t.pos_ not in ("VERB", "AUX") or _depth(t, sent.root) > 2:
                continue
            if self.status_of(t) != "alleged":
                continue
            predicate = t.head if t.dep_ == "cop" else t  # "serait au cœur d'un système de dopage"
            span = (t.i, predicate.right_edge.i + 1)
            if categorise(self.doc[span[0] : span[1]].text) is None:
                continue
            culprit = self.actors(self.subject(predicate), exclude={source}, role=True)
            if culprit:
                self.emit("accusation", [source], culprit, "selon", "alleged", span, sent)
                return


def _depth(t: Token, top: Token) -> int:
    """How many arcs from ``top`` down to ``t`` (99 when ``t`` is not below ``top``)."""
    d = 0
    while t.i != top.i:
        if t.head.i == t.i or d > 50:
            return 99
        t = t.head
        d += 1
    return d


def _passive(verb: Token) -> bool:
    """Passive voice: "est accusé", and a bare past participle without "avoir" ("Accusée de
    fraude par X, elle ..."), which in French is passive for a transitive verb."""
    if any(c.dep_ == "aux:pass" or (c.dep_.startswith("aux") and c.lemma_ == "être") for c in verb.children):
        return True  # "est accusé", "a été accusée"
    if any(c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in verb.children):
        return False  # "a trompé": active, whatever the tagger's Voice says
    if "Pass" in verb.morph.get("Voice", []):
        return True
    participle = "Part" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get("Tense", [])
    return participle and verb.dep_ in ("advcl", "acl", "ROOT", "conj")


def _infinitival(t: Token) -> bool:
    """An infinitive, or a past infinitive ("avoir violé"), whatever the tagger made of it."""
    if "Inf" in t.morph.get("VerbForm", []):
        return True
    j = t.i - 1
    while j >= 0 and (t.doc[j].is_punct or t.doc[j].pos_ == "ADV"):
        j -= 1
    return j >= 0 and t.doc[j].lower_ in ("avoir", "être")


_CONDITIONAL_ENDINGS = tuple(_items("conditional_endings"))


def _conditional(t: Token) -> bool:
    """The conditional mood, by the tagger or by its regular endings ("agirait" tagged indicative)."""
    if "Cnd" in t.morph.get("Mood", []):
        return True
    return (
        t.pos_ in ("VERB", "AUX")
        and "Part" not in t.morph.get("VerbForm", [])
        and len(t.text) > 5
        and t.lower_.endswith(_CONDITIONAL_ENDINGS)
    )


def _judicial_procedure(noun: Token) -> bool:
    """ "une information judiciaire", "une procédure disciplinaire", "une instruction": inquiries."""
    if noun.lemma_.lower() in _PROCEDURE_NOUNS:
        return True
    return any(_opens(noun, phrase, " ") for phrase in _PROCEDURE_PHRASES)


def _attributed(noun: Token) -> bool:
    """ "selon une enquête de X", "d'après une enquête publiée par X": a source, not an inquiry."""
    doc = noun.doc
    for i in range(max(noun.sent.start, noun.i - 3), noun.i):
        if doc[i].lower_ == "selon" or (doc[i].lower_ == "après" and i > 0 and doc[i - 1].lower_ == "d'"):
            return True
    return False


def _is_agent(t: Token) -> bool:
    """A passive agent, however the parser labelled it: a dependent introduced by "par"."""
    return t.dep_ == "obl:agent" or any(c.dep_ == "case" and c.lower_ == "par" for c in t.children)


def _followed_by(t: Token, words: tuple[str, ...]) -> bool:
    """The words right after ``t`` are ``words``: "met en cause"."""
    doc = t.doc
    return all(t.i + 1 + k < len(doc) and doc[t.i + 1 + k].lower_ == w for k, w in enumerate(words))


def _width(phrasal: str) -> int:
    """How many words a multi-word verb has: 3 for "mettre_en_cause"."""
    return len(phrasal.split("_"))


def _opens(t: Token, phrase: str, sep: str) -> bool:
    """``t`` opens ``phrase``, its words joined by ``sep``: the first word is the lemma of ``t``,
    the others the word forms right after it ("mettre_en_cause": "met en cause")."""
    first, *after = phrase.split(sep)
    return t.lemma_.lower() == first and _followed_by(t, tuple(after))


def _phrasal_verb(t: Token) -> str | None:
    """The multi-word verb of ``_PHRASAL_VERBS`` that ``t`` and the words after it make, if any:
    "met en cause" is "mettre_en_cause"."""
    return next((phrasal for phrasal in _PHRASAL_VERBS if _opens(t, phrasal, "_")), None)


def _is_genitive(t: Token) -> bool:
    return any(c.dep_ == "case" and c.lower_ in ("de", "du", "des", "d'") for c in t.children)


def sentence_chars(sent: Span) -> tuple[int, int]:
    """Character offsets of a sentence without its leading and trailing white space tokens."""
    doc = sent.doc
    first, last = sent.start, sent.end - 1
    while first <= last and doc[first].is_space:
        first += 1
    while last >= first and doc[last].is_space:
        last -= 1
    if first > last:
        return sent.start_char, sent.start_char
    return doc[first].idx, doc[last].idx + len(doc[last])


def _dedupe(claims: list[ClaimMention]) -> list[ClaimMention]:
    seen = set()
    out = []
    for c in claims:
        key = (c.type, c.speaker, c.target, c.start, c.status)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def extract_claims(ents: ArticleEntities) -> list[ClaimMention]:
    """All claims of one parsed article, in text order."""
    return _Extractor(ents).run()

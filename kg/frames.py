"""The frame linker: cue words of the lexicon found in a sentence, and the role of each actor.

``kg/lexicon/frames.tsv`` says, for each cue (a lemma or a locution), which grammatical
functions of its active form hold the accuser, the accused and the offense. This module finds the
cues of a parsed sentence and maps every token the cue governs onto those *deep* functions
whatever the surface form: active or passive (with or without agent), past participle in
apposition ("Y, accusé par X de ..."), present participle and gerund ("en accusant Y"), relative
clauses ("Y, que X accuse", "X, qui accuse Y"), infinitives under control ("X a décidé de
poursuivre Y"), coordination, clitics ("le parquet lui reproche") and nominalisations ("la
plainte de X contre Y", "Y fait l'objet d'une enquête").

Notes: the mapping follows French grammar (the passive's subject is the deep object, its "par"
complement the deep subject; a relative pronoun passes its function to the antecedent; a
participle in apposition makes its head the deep object); which function means which role is the
lexicon's business, never this module's.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from spacy.tokens import Span, Token

__all__ = ["FRAMES", "Cue", "Frame", "LexiconError", "deep_functions", "find_cues", "load_frames"]

FRAMES = (
    "accuse",
    "suspect",
    "investigate",
    "charge",
    "convict",
    "sue",
    "criticise",
    "blame",
    "deny",
    "say",
    "wrongdoing",
)
_COLUMNS = (
    "cue",
    "pos",
    "frame",
    "accuser",
    "accused",
    "offense",
    "needs",
    "example",
    "ex_accuser",
    "ex_accused",
)
# Prepositions as the lexicon names them; multiword ones are read from their head word.
_PREPOSITIONS = {
    "à": "à",
    "au": "à",
    "aux": "à",
    "de": "de",
    "d'": "de",
    "du": "de",
    "des": "de",
    "contre": "contre",
    "pour": "pour",
    "sur": "sur",
    "par": "par",
    "envers": "envers",
    "auprès": "auprès",
    "dans": "dans",
    "selon": "selon",
    "chez": "chez",
    "devant": "devant",
    "encontre": "contre",  # "à l'encontre de X"
}
# support verbs whose subject undergoes what their object names: "Y a essuyé les critiques de X",
# "Y subit une enquête", "Y encourt une amende" (Y is the accused, not the author)
_UNDERGOING_VERBS = frozenset(("essuyer", "subir", "encourir", "écoper", "endurer", "affronter"))
_DATIVE_CLITICS = frozenset(("lui", "leur"))
_OBJECT_CLITICS = frozenset(("le", "la", "l'", "les"))
_SUBJECT_DEPS = frozenset(("nsubj", "expl:subj", "csubj"))
_PASSIVE_SUBJECT_DEPS = frozenset(("nsubj:pass", "csubj:pass"))
_OBLIQUE_DEPS = frozenset(("obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj", "obj"))
_INHERITING_DEPS = frozenset(("xcomp", "conj", "advcl", "ccomp"))
_CONTENT_DEPS = frozenset(("ccomp", "parataxis", "xcomp", "csubj"))  # clauses that say what is said
_CLOSED_CLASSES = frozenset(("DET", "ADP", "PRON", "CCONJ", "SCONJ", "NUM", "PUNCT", "SPACE", "SYM"))
_WINDOW = 3  # tokens within which the other words of a locution must follow its first


class LexiconError(ValueError):
    """A lexicon file that cannot be read (the frame lexicon, the rule stage's word lists): the
    message names the file and, for a row, its line."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One row of the frame lexicon."""

    cue: str
    pos: str
    frame: str
    accuser: frozenset[str]
    accused: frozenset[str]
    offense: frozenset[str]
    needs: frozenset[str]
    example: str
    ex_accuser: str
    ex_accused: str

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.cue.split())

    @property
    def status(self) -> str:
        """The status the frame gives on its own: suspicion and inquiry only allege."""
        return "alleged" if self.frame in ("suspect", "investigate") else "asserted"


@dataclass(frozen=True, slots=True)
class Cue:
    """A lexicon row found in a sentence: its anchor token and the tokens of the locution."""

    frame: Frame
    token: Token
    tokens: tuple[int, ...]


def _functions(value: str, where: str) -> frozenset[str]:
    if value.strip() in ("", "-"):
        return frozenset()
    items = frozenset(v.strip() for v in value.split("|"))
    if "" in items:
        raise LexiconError(f"{where}: empty function in {value!r}")
    return items


def load_frames(text: str | None = None, *, source: str = "kg/lexicon/frames.tsv") -> dict[str, list[Frame]]:
    """The lexicon by the lemma of each cue's first word.

    >>> header = "\\t".join(_COLUMNS) + "\\n"
    >>> row = "accuser VERB accuse nsubj obj de - A_accuse_B. A B".replace(" ", "\\t").replace("_", " ")
    >>> frames = load_frames(header + row + "\\n")
    >>> frames["accuser"][0].accused
    frozenset({'obj'})
    """
    if text is None:
        text = (files("kg") / "lexicon" / "frames.tsv").read_text(encoding="utf-8")
    lines = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")
    ]
    if not lines:
        raise LexiconError(f"{source}: no rows")
    header = lines[0][1].split("\t")
    if tuple(header) != _COLUMNS:
        raise LexiconError(f"{source}:{lines[0][0]}: the header must be {' '.join(_COLUMNS)}")
    out: dict[str, list[Frame]] = {}
    for n, line in lines[1:]:
        where = f"{source}:{n}"
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(_COLUMNS):
            raise LexiconError(f"{where}: {len(cells)} columns, {len(_COLUMNS)} expected")
        row = dict(zip(_COLUMNS, (c.strip() for c in cells), strict=True))
        if row["frame"] not in FRAMES:
            raise LexiconError(f"{where}: unknown frame {row['frame']!r} (one of {', '.join(FRAMES)})")
        if row["pos"] not in ("VERB", "NOUN", "ADJ"):
            raise LexiconError(f"{where}: pos must be VERB, NOUN or ADJ, not {row['pos']!r}")
        if not row["cue"] or row["cue"] != row["cue"].lower():
            raise LexiconError(f"{where}: a cue is a lower-case lemma, not {row['cue']!r}")
        frame = Frame(
            cue=row["cue"],
            pos=row["pos"],
            frame=row["frame"],
            accuser=_functions(row["accuser"], where),
            accused=_functions(row["accused"], where),
            offense=_functions(row["offense"], where),
            needs=_functions(row["needs"], where),
            example=row["example"],
            ex_accuser=row["ex_accuser"],
            ex_accused=row["ex_accused"],
        )
        out.setdefault(frame.words[0], []).append(frame)
    return out


@cache
def _lexicon() -> dict[str, list[Frame]]:
    return load_frames()


def _lemmas(t: Token) -> tuple[str, ...]:
    """The lemma and the forms a cue may be matched by: the model's lemma, the lower-cased word,
    and the infinitive of a participle the lemmatiser left as an adjective or a noun."""
    lemma = t.lemma_.lower()
    out = [lemma, t.lower_]
    for form in (lemma, t.lower_):
        for ending in ("ées", "és", "ée", "é"):
            if form.endswith(ending) and len(form) > len(ending) + 2:
                out.append(form[: -len(ending)] + "er")
                break
    return tuple(dict.fromkeys(out))


def _locution(t: Token, words: tuple[str, ...], end: int) -> tuple[int, ...] | None:
    """Token indices of a locution anchored on ``t``, or None when its other words do not follow."""
    found = [t.i]
    at = t.i
    doc = t.doc
    for w in words[1:]:
        for j in range(at + 1, min(at + 1 + _WINDOW, len(doc), end)):
            if w in (doc[j].lemma_.lower(), doc[j].lower_):
                found.append(j)
                at = j
                break
        else:
            return None
    return tuple(found)


def _names_an_actor(t: Token) -> bool:
    """A phrase headed by a proper name, or by a noun that a proper name follows ("le magazine
    Challenges", "le groupe Bayer")."""
    return t.pos_ == "PROPN" or any(
        c.pos_ == "PROPN" and c.dep_ in ("flat:name", "flat", "appos", "nmod") and c.i == t.i + 1
        for c in t.children
    )


def _needs_met(frame: Frame, t: Token) -> bool:
    if not frame.needs:
        return True
    if "@name_obj" in frame.needs and any(c.dep_ == "obj" and _names_an_actor(c) for c in t.children):
        return True  # "X a décidé de poursuivre SFR": a named object, not "poursuivre ses efforts"
    clause = [t, *t.children, *(g for c in t.children for g in c.children)]
    if t.head is not t:
        clause.append(t.head)
        clause.extend(t.head.children)
    return any(w.lemma_.lower() in frame.needs or w.lower_ in frame.needs for w in clause)


@cache
def _verb_stems() -> dict[str, list[Frame]]:
    """Verb rows by the stem of their first word ("accus", "dément", "poursui"), for the forms the
    lemmatiser gets wrong ("dément" read as an adverb, "estime" as a noun)."""
    out: dict[str, list[Frame]] = {}
    for rows in _lexicon().values():
        for r in rows:
            if r.pos != "VERB":
                continue
            word = r.words[0]
            cut = 3 if word.endswith("re") and not word.endswith("er") else 2
            stem = word[:-cut]
            if len(stem) >= 4:
                out.setdefault(stem, []).append(r)
    return out


def _stem_rows(t: Token) -> list[Frame]:
    lower = t.lower_
    stems = _verb_stems()
    for n in range(min(len(lower), 9), 3, -1):
        rows = stems.get(lower[:n])
        if rows:
            return rows
    return []


def find_cues(sent: Span, lexicon: dict[str, list[Frame]] | None = None) -> list[Cue]:
    """The lexicon rows that apply in a sentence, in text order. ``lexicon``: another lexicon by
    first word (the accusation stage adds the wrongdoing words of the rule stage)."""
    lexicon = lexicon if lexicon is not None else _lexicon()
    out: list[Cue] = []
    for t in sent:
        if not t.is_alpha or t.pos_ in _CLOSED_CLASSES:
            continue
        rows: list[Frame] = []
        for lemma in _lemmas(t):
            rows.extend(r for r in lexicon.get(lemma, ()) if r not in rows)
        group = "NOUN" if t.pos_ in ("NOUN", "PROPN") else "ADJ" if t.pos_ == "ADJ" else "VERB"
        if group == "NOUN" and any(c.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS for c in t.children):
            group = "VERB"  # "Le parquet lui reproche ...": a verb the tagger took for a noun
        if group == "VERB" and any(c.dep_ == "det" for c in t.children):
            group = "NOUN"  # "le démenti de X": a noun the tagger took for a participle
        same = [r for r in rows if r.pos == group]
        if not same and any(c.dep_ == "cop" for c in t.children):
            same = [r for r in rows if r.pos == "ADJ"]  # "X est responsable de ..."
        if not same and group == "ADJ":
            same = [r for r in rows if r.pos == "VERB"]  # a participle tagged as an adjective
        if (not same and group in ("VERB", "ADJ")) or (not rows and t.pos_ in ("ADV", "X")):
            same = _stem_rows(t)
        for r in same:
            tokens = _locution(t, r.words, sent.end)
            if tokens is not None and _needs_met(r, t):
                out.append(Cue(r, t, tokens))
    return out


def _case(t: Token) -> str | None:
    """The preposition that introduces ``t``, as the lexicon names it."""
    for c in t.children:
        if c.dep_ in ("case", "mark") and c.i < t.i:
            p = _PREPOSITIONS.get(c.lower_)
            if c.lower_ == "de" and any(g.lower_ == "encontre" for g in t.children):
                return "contre"
            if p:
                return p
    if t.lower_ in _DATIVE_CLITICS:
        return "à"
    return None


def passive(verb: Token) -> bool:
    """A passive clause, or a past participle used as an adjective ("Y, accusé de ...")."""
    if any(c.dep_ in ("aux:pass", *_PASSIVE_SUBJECT_DEPS) for c in verb.children):
        return True
    if (
        verb.pos_ in ("VERB", "ADJ")
        and "Part" in verb.morph.get("VerbForm", [])
        and "Past" in verb.morph.get("Tense", [])
    ):
        no_aux = not any(c.dep_.startswith("aux") for c in verb.children)
        return no_aux and verb.dep_ in ("acl", "amod", "advcl", "appos", "conj", "ROOT", "xcomp")
    return False


def _copular(pred: Token) -> bool:
    """An adjective or noun predicate with its copula ("X est responsable"), not a participle."""
    return "Part" not in pred.morph.get("VerbForm", []) and any(c.dep_ == "cop" for c in pred.children)


def _present_participle(verb: Token) -> bool:
    return "Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", [])


def _relative_function(verb: Token, is_passive: bool) -> str:
    """The function a relative clause gives its antecedent: "qui" the subject, "que" the object."""
    for c in verb.children:
        if c.lower_ in ("qui", "lequel", "laquelle") and c.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS:
            return "obj" if is_passive or c.dep_ in _PASSIVE_SUBJECT_DEPS else "nsubj"
        if c.lower_ in ("que", "qu'"):
            return "obj"
        if c.lower_ in ("dont",):
            return "de"
    has_subject = any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    return "obj" if has_subject or is_passive else "nsubj"


# Verbs by which a complaint or an inquiry names its target: "visant X", "qui vise X", "ciblant X"
_TARGETING = frozenset(("viser", "cibler"))


def _targets(verb: Token, out: dict[int, str]) -> None:
    """What "visant", "qui vise" name: the verb's object, or the phrase after it the parser took
    for its subject ("la plainte, qui vise Paul Martin": "Paul" as nsubj), and their conjuncts."""
    for g in verb.children:
        after = g.i > verb.i and g.lower_ not in ("qui", "que", "qu'")
        if g.dep_ == "obj" or (after and g.dep_ in _SUBJECT_DEPS):
            out.setdefault(g.i, "visant")
            for conj in g.conjuncts:
                out.setdefault(conj.i, "visant")


def _surface_function(child: Token, verb: Token, is_passive: bool) -> str | None:
    dep = child.dep_
    if dep in _PASSIVE_SUBJECT_DEPS:
        return "nsubj" if _copular(verb) else "obj"
    if dep in _SUBJECT_DEPS:
        return "obj" if is_passive else "nsubj"
    if child.lower_ in _DATIVE_CLITICS and dep in ("iobj", "obj", "expl:comp", "obl", "obl:arg"):
        return "à"
    if dep == "obj" or (dep == "expl:comp" and child.lower_ in _OBJECT_CLITICS):
        return "obj"
    if dep == "det" and "Yes" in child.morph.get("Poss", []):
        return "poss"
    if dep in _OBLIQUE_DEPS or dep.startswith("obl") or dep.startswith("nmod"):
        p = _case(child)
        if p == "selon":
            return "speaker"
        if p == "par" and (is_passive or verb.pos_ == "NOUN"):
            return "nsubj" if is_passive else "par"
        if p:
            return p
        if dep == "iobj":
            return "à"
    if dep == "appos" and verb.pos_ == "VERB" and child.i > verb.i and child.pos_ == "PROPN":
        return "obj"  # "X a épinglé Y": an object the parser hung as an apposition
    if dep in ("acl", "acl:relcl") and child.lemma_.lower() in _TARGETING:  # "une plainte visant X"
        return "visant"  # "la plainte, qui vise X", "une enquête ciblant X"
    return None


def _subject_of(verb: Token, depth: int = 3) -> tuple[Token, bool] | None:
    """The subject a clause without its own takes from the clause it depends on (control,
    coordination, gerund), and whether that clause is passive."""
    for c in verb.children:
        if c.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS:
            return c, c.dep_ in _PASSIVE_SUBJECT_DEPS or passive(verb)
    if depth and verb.dep_ in _INHERITING_DEPS and verb.head is not verb:
        return _subject_of(verb.head, depth - 1)
    return None


def deep_functions(cue: Token, tail: tuple[int, ...] = ()) -> dict[int, str]:
    """Token index -> deep function, for the tokens that fill a function of ``cue``.

    ``tail``: the other tokens of a locution ("mettre en examen"), whose dependents count too.
    The tokens are the heads of the phrases (a name's head word, a pronoun, a noun); a caller
    maps a phrase inside them (a name under "le président de ...") by walking up to one of them.
    """
    out: dict[int, str] = {}
    noun = cue.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS for c in cue.children
    )
    is_passive = not noun and passive(cue)
    for c in cue.children:
        f = _surface_function(c, cue, is_passive)
        if f:
            out.setdefault(c.i, f)
            for conj in c.conjuncts:
                out.setdefault(conj.i, f)
            if f == "visant":
                _targets(c, out)
            if f == "obj" and c.pos_ == "NOUN":
                _doer(c, out)
    if not noun and cue.pos_ == "VERB" and "obj" not in out.values():
        _stray_object(cue, out)
    for i in tail:
        for c in cue.doc[i].children:
            if c.i in out or c.i == cue.i:
                continue
            f = _surface_function(c, cue, is_passive)
            if (
                f is None
                and c.dep_ in ("nmod", "obj", "appos", "obl")
                and c.pos_ in ("PROPN", "NOUN", "PRON")
            ):
                f = "obj"  # "mettre en examen X", "pointer du doigt X": the locution's object
            if f:
                out[c.i] = f
    head = cue.head
    if head is not cue:
        if cue.dep_ == "acl:relcl":
            out.setdefault(head.i, _relative_function(cue, is_passive))
        elif cue.dep_ in ("acl", "amod", "appos") or (cue.dep_ == "advcl" and _present_participle(cue)):
            if _present_participle(cue):
                subject = _subject_of(cue.head) if cue.dep_ == "advcl" else None
                target = subject[0] if subject else head
                out.setdefault(target.i, "nsubj")
            elif not noun:
                out.setdefault(head.i, "obj" if is_passive else "nsubj")
        if noun:
            _governing_verb(cue, out)
    if noun:
        for c in cue.children:  # "la plainte de X, qui vise Y": the relative hung on the complainant
            for g in c.children:
                if g.dep_ == "acl:relcl" and g.lemma_.lower() in _TARGETING and c.i in out:
                    out.setdefault(g.i, "visant")
                    _targets(g, out)
        for c in cue.children:  # "une plainte déposée par X", "une enquête ouverte par X"
            if c.dep_ == "acl" and "Part" in c.morph.get("VerbForm", []):
                for g in c.children:
                    if g.dep_ == "obl:agent" or (g.dep_.startswith("obl") and _case(g) == "par"):
                        out.setdefault(g.i, "gov_subj")
                    elif g.dep_.startswith("obl") and _case(g) in ("contre", "sur", "envers"):
                        out.setdefault(g.i, _case(g) or "")
    else:
        if cue.dep_ in ("parataxis", "ccomp", "conj") and cue.head.i < cue.i:  # "« Y a menti », dit X"
            inner = {t.i for t in cue.subtree}
            for g in cue.head.children:
                if g.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS and g.i < cue.i:
                    out.setdefault(g.i, "content_subj")
            for t in cue.head.subtree:
                if t.i not in inner and t.i < cue.i:
                    out.setdefault(t.i, "content")
        for c in cue.children:  # what is said: "X affirme que Y ...", "« ... », dit X"
            colon = c.dep_ == "advcl" and any(t.text == ":" for t in cue.doc[cue.i : c.left_edge.i])
            if colon or c.dep_ in _CONTENT_DEPS or (c.dep_ == "obj" and c.pos_ in ("VERB", "AUX")):
                for g in c.children:  # the one the clause is about: "X affirme que Y a menti"
                    if g.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS:
                        out.setdefault(g.i, "content_subj")
                for t in c.subtree:
                    out.setdefault(t.i, "content")
    _among(cue, out)
    if is_passive and "nsubj" not in out.values():  # "accusé de fraude par X": the agent hung on the offense
        for t in cue.subtree:
            if t.i not in out and t.pos_ in ("PROPN", "NOUN", "PRON") and _case(t) == "par":
                out[t.i] = "nsubj"
                break
    own_subject = any(c.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS for c in cue.children)
    if not noun and "nsubj" not in out.values() and cue.dep_ in _INHERITING_DEPS and not own_subject:
        inherited = _subject_of(cue.head)  # control, coordination, gerund: the governing subject
        if inherited is not None:
            out.setdefault(inherited[0].i, "obj" if is_passive else "nsubj")
    return out


def _among(cue: Token, out: dict[int, str]) -> None:
    """Names given after "dont" without a verb ("among them") fill the function of the phrase
    before: "accuse plusieurs dirigeants, dont Paul Martin et Jean Dupuis", "les géants du
    numérique, dont Google"."""
    doc = cue.doc
    for t in cue.sent:
        if t.i in out or t.pos_ not in ("PROPN", "NOUN"):
            continue
        dont = next((c for c in t.children if c.lower_ == "dont" and c.i < t.i), None)
        if dont is None or _clause(t) or t.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS:
            continue
        before = dont.i - 1
        while before > cue.sent.start and doc[before].is_punct:
            before -= 1
        phrase = doc[before]
        for _ in range(3):  # "les géants numériques américains": up from the adjective
            if phrase.i in out or phrase.pos_ in ("NOUN", "PROPN", "PRON") or phrase.head is phrase:
                break
            phrase = phrase.head
        f = out.get(t.head.i) if t.dep_ == "acl:relcl" else out.get(phrase.i)
        if f and f not in ("content", "content_subj"):
            out[t.i] = f
            for conj in t.conjuncts:
                out.setdefault(conj.i, f)


def _clause(t: Token) -> bool:
    """Whether ``t`` heads a clause of its own: it has a subject, an auxiliary or a copula."""
    return any(g.dep_ in _SUBJECT_DEPS or g.dep_.startswith("aux") or g.dep_ == "cop" for g in t.children)


def _stray_object(verb: Token, out: dict[int, str]) -> None:
    """The object of a verb that has none, when the parser hung a name after it as a conjunct or
    a complement clause: "La cour a condamné, ce jeudi, Ali Anouzla à un mois de prison"."""
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in ("conj", "xcomp", "dep") or c.pos_ != "PROPN":
            continue
        if _clause(c):
            continue  # a clause of its own
        out.setdefault(c.i, "obj")
        for conj in c.conjuncts:
            out.setdefault(conj.i, "obj")
        for d in verb.children:  # "accuse Paul Martin et cinq associés": the parser's other conjuncts
            if d.i > c.i and d.dep_ == "conj" and d.pos_ in ("NOUN", "PROPN") and not _clause(d):
                out.setdefault(d.i, "obj")
        return


def _doer(act: Token, out: dict[int, str], depth: int = 1) -> None:
    """The doer of the act an object names: "condamne les actes (de violence) commis par X",
    "dénonce l'arrestation de ses membres par la police" (X: obj_agent)."""
    for g in act.children:
        if g.dep_.startswith("nmod") and _case(g) == "par":
            out.setdefault(g.i, "obj_agent")
        elif g.dep_.startswith("nmod") and depth and g.pos_ == "NOUN":
            _doer(g, out, depth - 1)
        elif g.dep_ == "acl" and "Part" in g.morph.get("VerbForm", []) and passive(g):
            for a in g.children:
                if a.dep_ == "obl:agent" or (a.dep_.startswith("obl") and _case(a) == "par"):
                    out.setdefault(a.i, "obj_agent")
        elif g.dep_ == "acl:relcl" and any(c.lower_ in ("que", "qu'") for c in g.children):
            for a in g.children:  # "les menaces que X aurait proférées", "qu'aurait proférées X"
                inverted = a.dep_ == "obj" and a.i > g.i  # "que" is the object: a second one is the subject
                if (
                    (a.dep_ in _SUBJECT_DEPS or inverted)
                    and a.pos_ in ("PROPN", "NOUN", "PRON")
                    and a.lower_ not in ("qui", "que", "qu'")
                ):
                    out.setdefault(a.i, "obj_agent")


def _governing_verb(noun: Token, out: dict[int, str]) -> None:
    """Functions a noun cue takes from its verb: "X dépose une plainte" (X: gov_subj), "Y fait
    l'objet d'une enquête", "Y est visé par une plainte" (Y: gov_obl)."""
    verb = noun.head
    hops = 0
    while verb.pos_ in ("NOUN", "PROPN") and verb.head is not verb and hops < 2:
        verb = verb.head  # "l'objet d'une enquête": up from "enquête" through "objet"
        hops += 1
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return
    is_passive = passive(verb)
    direct = hops == 0 and noun.dep_ == "obj" and verb.lemma_.lower() not in _UNDERGOING_VERBS
    agent = hops == 0 and (noun.dep_ == "obl:agent" or (is_passive and _case(noun) == "par"))
    for c in verb.children:
        if c.i == noun.i:
            continue
        if c.dep_ in _SUBJECT_DEPS and not is_passive:
            out.setdefault(c.i, "gov_subj" if direct else "gov_obl")
        elif c.dep_ in _PASSIVE_SUBJECT_DEPS or (c.dep_ in _SUBJECT_DEPS and is_passive):
            out.setdefault(c.i, "gov_obl" if agent or not direct else "gov_subj")
        elif is_passive and c.dep_ == "obl:agent":
            out.setdefault(c.i, "gov_subj")
        elif hops == 0 and c.dep_.startswith("obl") and _case(c) in ("contre", "sur", "envers", "à"):
            out.setdefault(c.i, _case(c) or "")  # "ouvrir une enquête contre X": the verb's complement

"""The accusation stage: candidate (accuser, accused) pairs per sentence, scored, turned into claims.

For each sentence that holds a cue of the frame lexicon (``kg.frames``), every ordered pair of
actors is a candidate: the actors named or referred to in the sentence, and the actors of the
discourse around it (the previous sentence, its speaker, the article's most mentioned actors).
Each candidate is described by general features — the frame, the deep function of each actor
for the cue and the role the lexicon gives it, the voice, who speaks the sentence, the entity
types, whether the rule extractor (``kg.claims``) found the pair, order and distance — and a
logistic model trained on annotated real articles (``kg/models/accusations.json``, retrained by
``python -m kg.train``) gives its probability. Pairs above the model's threshold become
accusation claims, with the sentence as evidence, the offense phrase, the status (denied when
the accused denies in the sentence, alleged under suspicion, inquiry, the conditional or a
hedge) and the cross-sentence link (``link``) when an actor came from the discourse.

Notes: no feature names a word of an article; the words are the lexicon's and ``kg.claims``'s
lists of French cues.
"""

from __future__ import annotations

import json
import math
import operator
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from itertools import repeat
from typing import Any

from spacy.tokens import Span, Token

from kg.claims import WRONGDOING_NOUNS, WRONGDOING_VERBS, categorise, sentence_chars
from kg.entities import JUDICIAL_NOUNS, ArticleEntities, dateline_tokens, is_reference
from kg.frames import Cue, Frame, deep_functions, find_cues, load_frames, passive
from kg.records import ClaimMention, Status

__all__ = ["Candidate", "Model", "candidates", "extract_accusations", "load_model", "sentence_claims"]

_SELON = frozenset(("selon", "après"))  # "selon X", "d'après X"
_HEDGES = ("présum", "suppos", "prétendu", "éventuel", "possible", "aurait", "auraient")
_NEGATIONS = frozenset(("pas", "jamais", "nullement", "aucun", "aucune"))
_UP_DEPS = frozenset(
    ("flat:name", "flat", "flat:foreign", "appos", "conj", "nmod", "amod", "compound", "fixed")
)
# How well an actor fits the accuser (x) or accused (y) side of a cue: the best cue of a pair
_X_SCORE = {"accuser": 2, "accused": -2}
_Y_SCORE = {"accused": 2, "accuser": -2}
_ARGUMENT_DEPS = frozenset(("nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "obl:arg"))
_CONTEXT_SALIENT = 3  # the article's most mentioned actors are candidates of every cue sentence


def _wrongdoing_frame(word: str, pos: str) -> Frame:
    accused = frozenset(("nsubj",)) if pos == "VERB" else frozenset(("de", "poss", "par"))
    return Frame(
        word, pos, "wrongdoing", frozenset(("speaker",)), accused, frozenset(), frozenset(), "", "", ""
    )


@cache
def _lexicon() -> dict[str, list[Frame]]:
    """The frame lexicon and the wrongdoing words of the rule stage, by first word."""
    out: dict[str, list[Frame]] = {k: list(v) for k, v in load_frames().items()}
    for k, v in _wrongdoing().items():
        out.setdefault(k, []).extend(v)
    return out


@cache
def _wrongdoing() -> dict[str, list[Frame]]:
    out: dict[str, list[Frame]] = {}
    for w in WRONGDOING_VERBS:
        out.setdefault(w.replace("_", " ").split()[0], []).append(
            _wrongdoing_frame(w.replace("_", " "), "VERB")
        )
    for w in WRONGDOING_NOUNS:
        out.setdefault(w, []).append(_wrongdoing_frame(w, "NOUN"))
    return out


@dataclass(slots=True)
class _Mention:
    key: int
    head: Token
    kind: str  # name, pronoun, nominal


@dataclass(slots=True)
class Candidate:
    """One (accuser, accused) pair in one sentence, with its features and best cue."""

    accuser: int
    accused: int
    sent: Span
    cue: Cue | None
    features: dict[str, float]
    link: str = ""  # why an actor from outside the sentence was taken
    rule: ClaimMention | None = None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model over named features."""

    weights: dict[str, float]
    bias: float
    threshold: float
    per_sentence: int = 2  # the most pairs kept in one sentence, best first
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, features: dict[str, float]) -> float:
        weight = self.weights.get
        z = self.bias + sum(map(operator.mul, map(weight, features, repeat(0.0)), features.values()))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        data = {
            "meta": self.meta,
            "bias": self.bias,
            "threshold": self.threshold,
            "per_sentence": self.per_sentence,
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def load_model(text: str | None = None) -> Model:
    """The shipped model (or one given as JSON text)."""
    if text is None:
        text = (files("kg") / "models" / "accusations.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return Model(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        per_sentence=int(data.get("per_sentence", 2)),
        meta=dict(data.get("meta", {})),
    )


@cache
def _shipped_model() -> Model:
    return load_model()


# --- mentions and speakers ------------------------------------------------------------------
def _mentions(ents: ArticleEntities, sent: Span, *, resolve: bool) -> list[_Mention]:
    """The actors named or referred to in a sentence; ``resolve``: also resolve its pronouns in
    argument positions (in sentences with a cue) rather than only those already resolved."""
    doc = ents.doc
    out: list[_Mention] = []
    for start, key in ents.named_in(sent.start, sent.end):
        span = ents.named_span(start)
        head = doc[span[0] : span[1]].root if span else doc[start]
        out.append(_Mention(key, head, "name"))
    for t in sent if resolve else ():
        if ents.entity_at(t) is None and (
            (t.pos_ == "PRON" and t.dep_ in _ARGUMENT_DEPS) or _referring_phrase(t)
        ):
            ents.refers_to(t)
    resolved = ents._resolved
    for i in range(sent.start, sent.end):
        keys = resolved.get(i)
        if keys:
            t = doc[i]
            if ents.entity_at(t) is None:
                for k in keys:
                    out.append(_Mention(k, t, "pronoun" if t.pos_ == "PRON" else "nominal"))
    return out


def _referring_phrase(t: Token) -> bool:
    """A reference the tagger may not call a pronoun, or not in an argument position: "ce
    dernier" (often a determiner and an adjective), "celle-ci" split in three, "selon lui"."""
    before = t.doc[t.i - 1].lower_ if t.i > 0 else ""
    return is_reference(t) or (t.pos_ == "PRON" and before in _SELON)


def _speakers(sent: Span, cues: list[Cue], mentions: list[_Mention], rules: list[ClaimMention]) -> set[int]:
    """Actors who say the sentence: the subject of a verb of saying, "selon X", the rule stage's
    speakers of a statement or accusation there."""
    out: set[int] = set()
    by_token: dict[int, list[int]] = {}
    for m in mentions:
        by_token.setdefault(m.head.i, []).append(m.key)
    for c in cues:
        if c.frame.frame != "say":
            continue
        for i, f in deep_functions(c.token, c.tokens[1:]).items():
            if f == "nsubj":
                out.update(by_token.get(i, ()))
    for m in mentions:
        if m.head.dep_.startswith("obl") and any(
            ch.dep_ == "case" and ch.lower_ in _SELON for ch in m.head.children
        ):
            out.add(m.key)
    for r in rules:
        out.add(r.speaker)
        if r.reported_by is not None:
            out.add(r.reported_by)
    return out


def _resolve_slots(
    ents: ArticleEntities, cues: list[Cue], deep: dict[int, dict[int, str]], mentions: list[_Mention]
) -> list[_Mention]:
    """Mentions for the phrases that fill a cue's accuser or accused function and name no actor
    by themselves: a description or a pronoun resolved through the entity stage
    ("L'éditeur de jeux vidéo accuse ...")."""
    covered = {m.head.i for m in mentions}
    doc = ents.doc
    out = list(mentions)
    for c in cues:
        roles = c.frame.accuser | c.frame.accused
        for i, fn in deep[c.token.i].items():
            t = doc[i]
            if fn not in roles or i in covered or t.pos_ not in ("NOUN", "PRON"):
                continue
            if any(j in covered for j in range(t.left_edge.i, t.right_edge.i + 1)):
                continue
            for k in ents.refers_to(t, description=True):
                out.append(_Mention(k, t, "pronoun" if t.pos_ == "PRON" else "nominal"))
            covered.add(i)
    return out


def _slot(deep: dict[int, str], functions: frozenset[str], fn: str, role: str) -> str:
    """Whether the candidate holds the role's function, another phrase does, or none does."""
    if role in ("accuser", "accused") and fn:
        return "self"
    if any(f in functions for f in deep.values()):
        return "other"
    return "empty"


def _function_of(head: Token, deep: dict[int, str]) -> tuple[str, bool]:
    """The deep function a mention fills for a cue: its own, or that of the phrase it is inside
    ("le président de X" as object), and whether it came from an enclosing phrase."""
    x = head
    for steps in range(4):
        f = deep.get(x.i)
        if f is not None:
            return f, steps > 0
        if x.dep_ not in _UP_DEPS or x.head is x:
            break
        x = x.head
    return "", False


def _role(fn: str, key: int, frame: Frame, speakers: set[int]) -> str:
    if fn == "obj_agent":  # the doer of the act the object names
        return "accused" if "obj" in frame.accused | frame.offense else "other"
    if fn and fn in frame.accuser:
        return "accuser"
    if fn and fn in frame.accused:
        return "accused"
    if not fn and key in speakers and "speaker" in frame.accuser:
        return "accuser"
    return "other" if fn else "none"


def _case_word(t: Token) -> str:
    """The preposition a mention's phrase starts with ("dans Le Parisien", "par la police"), or
    "-" for none."""
    for c in t.children:
        if c.dep_ == "case" and c.i < t.i:
            return c.lower_
    return "-"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _conditional(sent: Span) -> bool:
    return any("Cnd" in t.morph.get("Mood", []) for t in sent)


def _negated(t: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in _NEGATIONS for c in t.children)


# --- candidates -------------------------------------------------------------------------------
def candidates(ents: ArticleEntities, rules: list[ClaimMention]) -> list[Candidate]:
    """Every candidate pair of an article, with its features."""
    doc = ents.doc
    sents = [s for s in doc.sents]
    counts: Counter[int] = Counter()
    for e in ents.entities:
        counts[e.key] = len(e.mentions)
    ranking = {k: r for r, (k, _) in enumerate(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))}
    salient = [k for k, r in ranking.items() if r < _CONTEXT_SALIENT]
    judicial = {
        e.key
        for e in ents.entities
        if any(w in JUDICIAL_NOUNS for w in e.name.lower().replace("'", " ").split())
    }
    rules_by_start: dict[int, list[ClaimMention]] = {}
    for r in rules:
        rules_by_start.setdefault(r.start, []).append(r)
    rule_pairs = {(r.speaker, r.target) for r in rules if r.type == "accusation"}
    accusers_of: dict[int, set[int]] = {}
    out: list[Candidate] = []
    previous: list[_Mention] = []
    previous_speakers: set[int] = set()
    for n, sent in enumerate(sents):
        if not sent.text.strip():
            continue
        dateline = dateline_tokens(sent) if n < 3 else set()
        cues = find_cues(sent, _lexicon())
        cues = [c for c in cues if c.frame.frame != "wrongdoing" or c.token.pos_ == c.frame.pos]
        start_char = _sentence_start(sent)
        srules = rules_by_start.get(start_char, [])
        active = bool(cues) or any(r.type == "accusation" for r in srules)
        mentions = [m for m in _mentions(ents, sent, resolve=active) if m.head.i not in dateline]
        if not active:
            previous, previous_speakers = mentions, _speakers(sent, [], mentions, srules)
            continue
        deep = {c.token.i: deep_functions(c.token, c.tokens[1:]) for c in cues}
        mentions = _resolve_slots(ents, cues, deep, mentions)
        speakers = _speakers(sent, cues, mentions, srules)
        in_sentence = {m.key for m in mentions}
        context: dict[int, str] = {}
        for m in previous:
            context.setdefault(m.key, "prev")
        for k in previous_speakers:
            context[k] = "prev_speaker"
        for k in salient:
            context.setdefault(k, "salient")
        for k in judicial:
            context.setdefault(k, "judicial")
        for k in in_sentence:
            context.pop(k, None)
        cond = _conditional(sent)
        strong = {c.frame.frame for c in cues} - {"say", "wrongdoing"}
        frame_kinds = [
            "accusation" if strong else "",
            "wrongdoing" if any(c.frame.frame == "wrongdoing" for c in cues) else "",
            "say" if any(c.frame.frame == "say" for c in cues) else "",
        ]
        frame_kinds = [k for k in frame_kinds if k] or ["none"]
        sent_text = sent.text
        quoted = any(ch in sent_text for ch in '«»"')
        by_key: dict[int, list[_Mention]] = {}
        for m in mentions:
            by_key.setdefault(m.key, []).append(m)
        srule_pairs = {(r.speaker, r.target): r for r in srules if r.type == "accusation"}
        deniers = {
            m.key
            for c in cues
            if c.frame.frame == "deny"
            for m in mentions
            if _function_of(m.head, deep[c.token.i])[0] == "nsubj"
        }
        actors = list(dict.fromkeys([*(m.key for m in mentions), *context]))
        pairs = [(x, y) for x in actors for y in actors if x != y and (x in in_sentence or y in in_sentence)]
        for pair in srule_pairs:
            if pair not in pairs and pair[1] is not None:
                pairs.append(pair)  # type: ignore[arg-type]
        voices = {c.token.i: (c.frame.pos == "VERB" and passive(c.token), _negated(c.token)) for c in cues}
        # cue -> actor -> (deep function, from an enclosing phrase, role), computed once per sentence
        linked: dict[int, dict[int, tuple[str, bool, str]]] = {}
        for c in cues:
            per: dict[int, tuple[str, bool, str]] = {}
            for k in actors:
                fn, nested = max(
                    (_function_of(m.head, deep[c.token.i]) for m in by_key.get(k, ())), default=("", False)
                )
                per[k] = (fn, nested, _role(fn, k, c.frame, speakers))
            linked[c.token.i] = per
        # what is said may hold a frame of its own: its accuser is no accused of the saying
        # ("Apple a signalé que la DGCCRF soupçonnait ses pratiques")
        inner = {
            k
            for c in cues
            if c.frame.frame != "say"
            for k, v in linked[c.token.i].items()
            if v[2] == "accuser"
        }
        for c in cues:
            if c.frame.frame == "say":
                per = linked[c.token.i]
                for k in inner & per.keys():
                    if per[k][2] == "accused":
                        per[k] = (per[k][0], per[k][1], "other")
        as_x = {i: {k: _X_SCORE.get(v[2], 0) + (v[0] != "") for k, v in p.items()} for i, p in linked.items()}
        as_y = {i: {k: _Y_SCORE.get(v[2], 0) + (v[0] != "") for k, v in p.items()} for i, p in linked.items()}
        for x, y in pairs:
            cue = max(cues, key=lambda c: as_x[c.token.i].get(x, 0) + as_y[c.token.i].get(y, 0), default=None)
            info: dict[str, str] = {}
            x_role = linked[cue.token.i].get(x, ("", False, ""))[2] if cue is not None else ""
            if ents.type_of(x) == "LOC" and x_role != "accuser":
                continue  # a place accuses only when the grammar makes it the accuser ("Paris dénonce")
            if cue is not None:
                fx, nx_, rx = linked[cue.token.i].get(x, ("", False, "none"))
                fy, ny_, ry = linked[cue.token.i].get(y, ("", False, "none"))
                d = deep[cue.token.i]
                info = {
                    "fx": fx,
                    "fy": fy,
                    "rx": rx,
                    "ry": ry,
                    "nx": str(nx_),
                    "ny": str(ny_),
                    "slot_x": _slot(d, cue.frame.accuser, fx, rx),
                    "slot_y": _slot(d, cue.frame.accused, fy, ry),
                }
            names: list[str] = []
            on = names.append  # binary features, by name

            sx = "in" if x in in_sentence else context.get(x, "out")
            sy = "in" if y in in_sentence else context.get(y, "out")
            on(f"sx={sx}")
            on(f"sy={sy}")
            on(f"sxy={sx}_{sy}")
            if cue is not None:
                fr = cue.frame.frame
                on(f"fr={fr}")
                on(f"fr_pos={fr}_{cue.frame.pos}")
                on(f"rx={info['rx']}")
                on(f"ry={info['ry']}")
                on(f"rxy={info['rx']}_{info['ry']}")
                on(f"rxy_s={info['rx']}_{info['ry']}_{sx}_{sy}")
                on(f"slot_x={info['slot_x']}")
                on(f"slot_y={info['slot_y']}")
                on(f"slots={info['slot_x']}_{info['slot_y']}")
                if info["nx"] == "True":
                    on("x_nested")
                if info["ny"] == "True":
                    on("y_nested")
                voice, negated = voices[cue.token.i]
                if voice:
                    on("passive")
                if negated:
                    on("cue_negated")
                xs = [m.head.i for m in by_key.get(x, [])]
                ys = [m.head.i for m in by_key.get(y, [])]
                if xs and xs[0] < cue.token.i:
                    on("x_before_cue")
                if ys and ys[0] > cue.token.i:
                    on("y_after_cue")
            else:
                on("no_cue")
            xs = [m.head.i for m in by_key.get(x, [])]
            ys = [m.head.i for m in by_key.get(y, [])]
            if xs and ys:
                on("x_before_y" if xs[0] < ys[0] else "y_before_x")
                on("dist" + _bucket(min(abs(a - b) for a in xs for b in ys), (3, 8, 15, 30)))
            tx, ty = ents.type_of(x), ents.type_of(y)
            on(f"tx={tx}")
            on(f"ty={ty}")
            on(f"txy={tx}_{ty}")
            on(f"px={by_key[x][0].head.pos_}" if x in by_key else "px=ctx")
            on(f"py={by_key[y][0].head.pos_}" if y in by_key else "py=ctx")
            if counts.get(x, 0) <= 1:
                on("x_once")
            if counts.get(y, 0) <= 1:
                on("y_once")
            # the preposition and the dependency of each mention: "dans Le Parisien", "par la police"
            on(f"cx={_case_word(by_key[x][0].head)}" if x in by_key else "cx=ctx")
            on(f"cy={_case_word(by_key[y][0].head)}" if y in by_key else "cy=ctx")
            on(f"dx={by_key[x][0].head.dep_.split(':')[0]}" if x in by_key else "dx=ctx")
            on(f"dy={by_key[y][0].head.dep_.split(':')[0]}" if y in by_key else "dy=ctx")
            kx = by_key[x][0].kind if x in by_key else "ctx"
            ky = by_key[y][0].kind if y in by_key else "ctx"
            on(f"kx={kx}")
            on(f"ky={ky}")
            if x in speakers:
                on("x_speaker")
            if y in speakers:
                on("y_speaker")
            if x in judicial:
                on("x_judicial")
            if y in judicial:
                on("y_judicial")
            wx = set(ents.entities[x].name.lower().split())
            wy = set(ents.entities[y].name.lower().split())
            if wx <= wy or wy <= wx:
                on("names_overlap")  # "le Conseil de sécurité de l'ONU" and "l'ONU"
            rule = srule_pairs.get((x, y))
            if rule is not None:
                on("rule")
                on(f"rule_status={rule.status}")
            if (y, x) in srule_pairs:
                on("rule_reverse")
            if (x, y) in rule_pairs:
                on("rule_article")
            if x in accusers_of.get(y, set()):
                on("accused_before")
            if y in deniers:
                on("y_denies")
            if x in deniers:
                on("x_denies")
            on("cues" + _bucket(len(cues), (1, 2, 4)))
            on("frames=" + "+".join(frame_kinds))
            on("actors" + _bucket(len(in_sentence), (1, 2, 4)))
            if cond:
                on("conditional")
            if quoted:
                on("quoted")
            if n == 0:
                on("first_sentence")
            link = ""
            if sx != "in" or sy != "in":
                where = "accuser" if sx != "in" else "accused"
                link = f"{where} from the discourse ({sx if sx != 'in' else sy})"
            out.append(Candidate(x, y, sent, cue, dict.fromkeys(names, 1.0), link, rule))
        for r in srules:
            if r.type == "accusation" and r.target is not None:
                accusers_of.setdefault(r.target, set()).add(r.speaker)
        previous, previous_speakers = mentions, speakers
    _article_features(out)
    return out


def _article_features(cands: list[Candidate]) -> None:
    """What the rest of the article says of a candidate's pair: in how many other sentences the
    two actors meet, whether another sentence gives them the accuser and accused roles (or the
    reverse), and whether each actor holds its role in another sentence."""
    meets: dict[tuple[int, int], set[int]] = {}
    strong: dict[tuple[int, int], set[int]] = {}
    accuses: dict[int, set[int]] = {}
    accused: dict[int, set[int]] = {}
    for c in cands:
        f, pair, s = c.features, (c.accuser, c.accused), c.sent.start
        if "sx=in" in f and "sy=in" in f:
            meets.setdefault(pair, set()).add(s)
        if "rx=accuser" in f:
            accuses.setdefault(c.accuser, set()).add(s)
            if "ry=accused" in f:
                strong.setdefault(pair, set()).add(s)
        if "ry=accused" in f:
            accused.setdefault(c.accused, set()).add(s)
    none: set[int] = set()
    for c in cands:
        f, pair, s = c.features, (c.accuser, c.accused), c.sent.start
        f["pair_sents" + _bucket(len(meets.get(pair, none) - {s}), (0, 1, 3))] = 1.0
        if strong.get(pair, none) - {s}:
            f["pair_strong_elsewhere"] = 1.0
        reverse = strong.get((c.accused, c.accuser), none)
        if reverse - {s}:
            f["pair_rev_strong"] = 1.0  # the reverse accusation elsewhere: accusations are traded
        if s in reverse:
            f["pair_rev_strong_here"] = 1.0  # the grammar of this sentence says the reverse
        if accuses.get(c.accuser, none) - {s}:
            f["x_accuser_elsewhere"] = 1.0
        if accused.get(c.accused, none) - {s}:
            f["y_accused_elsewhere"] = 1.0


def _sentence_start(sent: Span) -> int:
    return sentence_chars(sent)[0]


# --- claims -------------------------------------------------------------------------------------
def _offense(c: Candidate) -> tuple[int, int]:
    """Character span of the offense: the cue and the complements the lexicon names for it, or
    the cue to the end of its clause."""
    doc = c.sent.doc
    s0, s1 = sentence_chars(c.sent)
    if c.cue is None:
        return s0, s1
    cue = c.cue.token
    deep = deep_functions(cue, c.cue.tokens[1:])
    said = [
        doc[i]
        for i, fn in deep.items()
        if fn in ("content", "content_subj") and c.sent.start <= i < c.sent.end and not doc[i].is_space
    ]
    said = [t for t in said if not t.is_punct] or said
    if said and c.cue.frame.frame in ("say", "deny", "suspect"):
        first, last = min(t.i for t in said), max(t.i for t in said)
        return doc[first].idx, doc[last].idx + len(doc[last])  # what is said is the offense
    parts = [doc[i] for i in c.cue.tokens]
    for i, fn in deep.items():
        if fn in c.cue.frame.offense and doc[i].i > cue.i:
            parts.extend(doc[i].subtree)
    for ch in cue.children:
        if ch.dep_ in ("xcomp", "ccomp", "obj", "obl:arg") and ch.i > cue.i:
            parts.extend(ch.subtree)
    parts = [t for t in parts if c.sent.start <= t.i < c.sent.end and not (t.is_punct or t.is_space)]
    if len(parts) <= len(c.cue.tokens):
        parts = [
            t for t in cue.subtree if c.sent.start <= t.i < c.sent.end and t.i >= cue.i and not t.is_space
        ]
    if not parts:
        return s0, s1
    first = min(t.i for t in parts)
    last = max(t.i for t in parts)
    return doc[first].idx, doc[last].idx + len(doc[last])


def _status(c: Candidate) -> Status:
    f = c.features
    if "y_denies" in f:
        return "denied"
    if c.rule is not None:
        return c.rule.status
    if c.cue is not None and c.cue.frame.status == "alleged":
        return "alleged"
    text = c.sent.text.lower()
    if "conditional" in f or any(h in text for h in _HEDGES):
        return "alleged"
    return "asserted"


def sentence_claims(
    scored: Iterable[Candidate], threshold: float, per_sentence: int = 2, *, article: str = ""
) -> list[ClaimMention]:
    """Accusation claims of the candidates above ``threshold``: one per pair and sentence, and at
    most ``per_sentence`` pairs in one sentence (the best scored)."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in scored:
        if c.score >= threshold:
            by_sentence.setdefault(c.sent.start, []).append(c)
    best: dict[tuple[int, int, int], Candidate] = {}
    for start, cands in by_sentence.items():
        kept: list[Candidate] = []
        for c in sorted(cands, key=lambda c: (-c.score, c.accuser, c.accused)):
            if any((k.accuser, k.accused) == (c.accuser, c.accused) for k in kept):
                continue
            if len(kept) < per_sentence:
                kept.append(c)
        for c in kept:
            best[(c.accuser, c.accused, start)] = c
    out: list[ClaimMention] = []
    texts: dict[int, str] = {}  # Doc.text joins every token: once per document
    for c in sorted(best.values(), key=lambda c: (c.sent.start, c.accuser, c.accused)):
        s0, s1 = sentence_chars(c.sent)
        if id(c.sent.doc) not in texts:
            texts[id(c.sent.doc)] = c.sent.doc.text
        text = texts[id(c.sent.doc)]
        if c.rule is not None and c.rule.content_end > c.rule.content_start:
            o0, o1 = c.rule.content_start, c.rule.content_end
        else:
            o0, o1 = _offense(c)
        while o1 > o0 and text[o1 - 1].isspace():
            o1 -= 1
        if s0 <= o0 < s1:
            o1 = min(o1, s1)
        offense = text[o0:o1]
        cue = c.cue.frame.cue if c.cue is not None else (c.rule.cue if c.rule is not None else "")
        out.append(
            ClaimMention(
                type="accusation",
                article=article,
                speaker=c.accuser,
                target=c.accused,
                cue=cue,
                status=_status(c),
                content=offense,
                content_start=o0,
                content_end=o1,
                sentence=text[s0:s1],
                start=s0,
                end=s1,
                category=(c.rule.category if c.rule is not None else None) or categorise(offense),
                reported_by=c.rule.reported_by if c.rule is not None else None,
                link=c.link,
                score=round(c.score, 3),
            )
        )
    return out


def extract_accusations(
    ents: ArticleEntities, rules: list[ClaimMention], model: Model | None = None
) -> list[ClaimMention]:
    """The article's claims: the rule stage's statements and denials, and scored accusations."""
    model = model or _shipped_model()
    cands = candidates(ents, rules)
    for c in cands:
        c.score = model.probability(c.features)
    accusations = sentence_claims(cands, model.threshold, model.per_sentence, article=ents.article)
    others = [r for r in rules if r.type != "accusation"]
    return sorted([*others, *accusations], key=lambda c: (c.start, c.type, c.speaker, c.target or -1))

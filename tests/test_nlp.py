"""The NLP stage: kg's pipeline gives the stock model's analysis, with its own two components.

``kg_lemmas`` replaces spaCy's rule lemmatizer by a memoised call of the same function: the
lemmas must be the stock pipeline's, token for token, on real articles.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from kg.ingest import normalise_text
from kg.nlp import DEFAULT_MODEL, CachedLemmatizer, paragraph_breaks

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as it installs, with kg's paragraph component and spaCy's own lemmatizer."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("kg_paragraphs", before="parser")
    return nlp


def _texts(limit: int) -> list[str]:
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md"))[:limit]
    assert files, "corpus/ holds articles"
    return [normalise_text(p.read_text(encoding="utf-8")) for p in files]


def test_the_stock_lemmatizer_is_replaced(nlp: Language) -> None:
    assert "kg_lemmas" in nlp.pipe_names
    assert "lemmatizer" in nlp.disabled
    assert nlp.pipe_names.index("kg_lemmas") > nlp.pipe_names.index("attribute_ruler")
    assert isinstance(nlp.get_pipe("kg_lemmas"), CachedLemmatizer)


def test_lemmas_are_the_stock_lemmatizers(nlp: Language, stock: Language) -> None:
    texts = _texts(12)
    ours = [[(t.text, t.lemma_) for t in doc] for doc in nlp.pipe(texts)]
    theirs = [[(t.text, t.lemma_) for t in doc] for doc in stock.pipe(texts)]
    assert sum(len(d) for d in ours) > 5_000
    assert ours == theirs


def test_a_lemma_set_before_is_kept(nlp: Language) -> None:
    """Like the stock component (overwrite false): a token with a lemma keeps it."""
    doc = nlp.make_doc("Les juges accusent")
    doc[0].lemma_ = "déjà"
    CachedLemmatizer(nlp.get_pipe("lemmatizer"))(doc)
    assert doc[0].lemma_ == "déjà"
    assert doc[2].lemma_ != ""


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Il a dit. Elle a nié.", ["Il", "Elle"]),
        ("M. Dupont accuse J. Martin.", ["M."]),
        ("Le titre\n\nLe texte suit", ["Le", "Le"]),
        ("« C'est faux. » Il dément.", ["«", "Il"]),
        ('Il dit "non." Puis il part', ["Il", "Puis"]),
        ("Prix : 3.5 euros. etc. la suite", ["Prix"]),
    ],
)
def test_sentence_starts_by_rule(nlp: Language, text: str, starts: list[str]) -> None:
    doc = paragraph_breaks(nlp.make_doc(text))
    assert [t.text for t in doc if t.is_sent_start and not t.is_space] == starts


_UNLOAD = """
import weakref
from kg.nlp import load_nlp, unload_nlp
nlp = load_nlp()
ref = weakref.ref(nlp)
doc = nlp("Le parquet accuse M. Dupont de fraude.")
assert len(doc) > 5
del nlp, doc
unload_nlp()
assert ref() is None, "the pipeline is still referenced after unload_nlp"
assert load_nlp()("Il dément.")[0].text == "Il"
print("unloaded")
"""


def test_unload_frees_the_pipeline() -> None:
    """``unload_nlp`` leaves no reference to the pipeline (its string store grows with every word
    parsed), and the next ``load_nlp`` loads a working one. In a fresh process: this session keeps
    its model (conftest's ``_keep_model_loaded``)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _UNLOAD], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "unloaded"


def test_kg_build_unloads_the_model_after_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kg_build: Callable[..., object]
) -> None:
    """``kg build`` drops the model once the articles are parsed, before the exports."""
    from kg import nlp as kg_nlp

    calls: list[int] = []
    monkeypatch.setattr(kg_nlp, "unload_nlp", lambda: calls.append(1))
    (tmp_path / "a.txt").write_text(
        "Le parquet accuse Paul Martin de fraude fiscale.\n\nIl dément ces accusations.\n", encoding="utf-8"
    )
    kg_build(tmp_path / "out", tmp_path / "a.txt")
    assert calls == [1]
    assert (tmp_path / "out" / "claims.jsonl").exists()

"""kg: who accused whom of what, from French news, as a knowledge graph.

The Python API (``kg.api``): ``kg.build`` makes a ``KnowledgeGraph`` from paths, texts and
``kg.Article`` objects; the graph's ``to_networkx``, ``to_rdf``, ``query`` and ``write`` do the
rest. ``import kg`` stays light: spaCy loads when a build first needs it.

>>> import kg
>>> graph = kg.build([])
>>> graph.articles, graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Actor }")
([], [{'n': '0'}])
"""

from __future__ import annotations

from kg.records import Article, KnowledgeGraph

__version__ = "0.1.0"
__all__ = ["Article", "KnowledgeGraph", "__version__", "build"]


def build(*args: object, **kwargs: object) -> KnowledgeGraph:
    """The accusation graph of paths, texts and articles: see ``kg.api.build``."""
    from kg.api import build as _build

    return _build(*args, **kwargs)  # type: ignore[arg-type]

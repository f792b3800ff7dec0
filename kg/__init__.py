"""kg: who accused whom of what, from French news, as a knowledge graph."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]

"""relgraph: signed, dated, sourced relations between political actors.

The Python API comes first; the ``relgraph`` command is a thin layer over it.
Open a store, ask it for graphs, and hand them to analysis and renderers:

>>> import relgraph
>>> with relgraph.open() as rg:                     # the bundled example; or open("data/"), open("bolt://...")
...     graph = rg.snapshot("2016-12-20")
>>> graph.edges["russia", "turkey", "russia.cooperates.turkey.2016-summer"]["sign"]
1
>>> relgraph.balance(graph).unbalanced
2
"""

from __future__ import annotations

import importlib
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from relgraph.dataset import load, validate, write
from relgraph.errors import RelgraphError
from relgraph.explorer import Explorer, from_env, open
from relgraph.filters import Filters
from relgraph.model import Actor, Citation, Dataset, Relation, RelationType, Source
from relgraph.render import export
from relgraph.snapshot import snapshot

if TYPE_CHECKING:
    from relgraph.analysis import balance, brokers, camps, diff, ego, timeline

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Citation",
    "Dataset",
    "Explorer",
    "Filters",
    "Relation",
    "RelationType",
    "RelgraphError",
    "Source",
    "__version__",
    "balance",
    "brokers",
    "camps",
    "diff",
    "ego",
    "example_path",
    "export",
    "from_env",
    "load",
    "open",
    "snapshot",
    "timeline",
    "validate",
    "write",
]

_ANALYSIS = {"balance", "brokers", "camps", "diff", "ego", "timeline"}


def example_path() -> Path:
    """The bundled example dataset (the Syria talks in Moscow, 20 December 2016)."""
    return Path(str(resources.files("relgraph") / "data" / "syria-2016"))


def __getattr__(name: str) -> object:
    # Analysis needs NumPy, SciPy and NetworkX: loaded on first use, so that `relgraph --help` stays fast.
    if name in _ANALYSIS:
        return getattr(importlib.import_module("relgraph.analysis"), name)
    raise AttributeError(f"module 'relgraph' has no attribute {name!r}")

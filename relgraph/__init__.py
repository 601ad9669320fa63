"""relgraph: signed, dated, sourced relations between political actors.

The Python API comes first; the ``relgraph`` command is a thin layer over it.

>>> from relgraph import example_path
>>> from relgraph.dataset import load
>>> from relgraph.snapshot import snapshot
>>> graph = snapshot(load(example_path()), "2016-12-20")
>>> graph.edges["russia", "turkey", "russia.cooperates.turkey.2016-summer"]["sign"]
1
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__version__ = "0.1.0"

__all__ = ["__version__", "example_path"]


def example_path() -> Path:
    """The bundled example dataset (the Syria talks in Moscow, 20 December 2016)."""
    return Path(str(resources.files("relgraph") / "data" / "syria-2016"))

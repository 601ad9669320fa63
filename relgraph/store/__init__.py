"""Where data lives: the store interfaces and the stores that implement them.

* :class:`~relgraph.store.files.FilesStore`: dataset files, the embedded default;
* :class:`~relgraph.store.neo4j.Neo4jStore`: a Neo4j database (the driver is imported only there);
* :mod:`relgraph.store.server`: a local Neo4j server for people without one.

Most code opens a store through :func:`relgraph.open`, which wraps it in an
:class:`~relgraph.explorer.Explorer`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from relgraph.store.base import Counts, Database, ReadStore, WriteSummary

__all__ = ["Counts", "Database", "ReadStore", "WriteSummary", "open_store"]


def open_store(*, data: str | Path | None = None, neo4j: str | None = None, username: str = "neo4j",
               password: str | None = None, database: str | None = None,
               waiting: Callable[[], None] | None = None) -> ReadStore:
    """The store named: Neo4j at ``neo4j``, dataset files at ``data``, else the bundled example.

    ``waiting`` is told when Neo4j makes a read or a load wait for another load.
    """
    if neo4j:
        from relgraph.store.neo4j import Neo4jStore

        return Neo4jStore(neo4j, username, password, database, waiting=waiting)
    from relgraph import example_path
    from relgraph.store.files import FilesStore

    return FilesStore(data if data is not None else example_path())

"""Where data lives. Every store implements :class:`~relgraph.store.base.Store`.

* :class:`~relgraph.store.files.FilesStore`: dataset files, the embedded default;
* :class:`~relgraph.store.neo4j.Neo4jStore`: a Neo4j database (the driver is imported only here).
"""

from pathlib import Path

from relgraph.store.base import Store, WriteSummary

__all__ = ["Store", "WriteSummary", "open_store"]


def open_store(*, data: str | Path | None = None, neo4j: str | None = None, username: str = "neo4j",
               password: str | None = None, database: str | None = None) -> Store:
    """The store named: Neo4j at ``neo4j``, dataset files at ``data``, else the bundled example."""
    if neo4j:
        from relgraph.store.neo4j import Neo4jStore

        return Neo4jStore(neo4j, username, password, database)
    from relgraph import example_path
    from relgraph.store.files import FilesStore

    return FilesStore(data if data is not None else example_path())

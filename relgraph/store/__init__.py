"""Where data lives. Every store implements :class:`~relgraph.store.base.Store`.

* :class:`~relgraph.store.files.FilesStore`: dataset files, the embedded default.
"""

from pathlib import Path

from relgraph.store.base import Store, WriteSummary

__all__ = ["Store", "WriteSummary", "open_store"]


def open_store(*, data: str | Path | None = None) -> Store:
    """The store the options name: dataset files at ``data``, else the bundled example."""
    from relgraph import example_path
    from relgraph.store.files import FilesStore

    return FilesStore(data if data is not None else example_path())

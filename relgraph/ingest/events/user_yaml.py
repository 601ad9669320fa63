"""The YAML files a user gives an event import (the mapping table, the actor map), read as datasets are.

They go through :func:`relgraph.readers.read_yaml_document`, the reader of
dataset files, with its limits (aliases that would blow the document up,
nesting too deep, bytes that are not UTF-8) and its rules (numbers keep their
text, only ``true``/``false`` are booleans, dates stay text), so that a file
it refuses gets the same one-line message, with its line, as a dataset would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from relgraph.errors import EventDataError, Problem
from relgraph.readers import read_yaml_document

__all__ = ["read_user_yaml"]


def read_user_yaml(path: Path, what: str) -> Any:
    """The document in ``path`` (``{}`` if empty); :class:`EventDataError` naming file and line if refused.

    ``what`` names the file in a message when it cannot be read at all ("the mapping").
    """
    problems: list[Problem] = []
    try:
        doc = read_yaml_document(path, str(path), problems)
    except OSError as exc:
        raise EventDataError(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    if problems:
        first = problems[0]
        where = f"{first.file}:{first.line}" if first.line else first.file
        raise EventDataError(f"{where}: {first.message}")
    return {} if doc is None else doc

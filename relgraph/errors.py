"""Exceptions relgraph raises for user mistakes and unavailable services.

The CLI turns each into one line and an exit code; nothing below the CLI
prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["DatasetError", "Problem", "RelgraphError", "StoreError", "StoreUnavailable"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in a dataset, located to file and line.

    >>> str(Problem("error", "data.yaml", 12, "relation 'r1'", "end", "ends before it starts"))
    "data.yaml:12: error: relation 'r1', field 'end': ends before it starts"
    """

    severity: Literal["error", "warning"]
    file: str
    line: int | None
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = ", ".join(
            part for part in (self.record, f"field {self.field!r}" if self.field else None) if part
        )
        return f"{where}: {self.severity}: {what + ': ' if what else ''}{self.message}"


class RelgraphError(Exception):
    """Base of every error relgraph raises on purpose."""


class DatasetError(RelgraphError):
    """A dataset has errors; ``problems`` lists all of them (and any warnings)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(
            f"{len(errors)} error{'s' if len(errors) != 1 else ''} in the dataset; "
            f"first: {errors[0] if errors else 'none'}"
        )

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class StoreUnavailable(RelgraphError):
    """A store cannot be reached or used (server down, wrong credentials, no such database)."""


class StoreError(RelgraphError):
    """A store refused an operation that would lose or corrupt data."""

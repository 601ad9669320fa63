"""What an import read, kept, skipped and wrote: counts, reasons, and the bad rows with their lines.

:func:`relgraph.render.text.imported_text` says it in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relgraph.errors import Problem

if TYPE_CHECKING:
    from relgraph.ingest.events.base import Staged

__all__ = ["OUTPUT_FILES", "ImportSummary"]

OUTPUT_FILES = ("types.jsonl", "sources.jsonl", "actors.jsonl", "relations.jsonl")
"""The files an import writes in its output directory."""

@dataclass
class ImportSummary:
    """The counts of one import. ``problems`` lists every bad row (file, line, why)."""

    format: str
    output: Path
    aggregate: str | None = None
    files: list[str] = field(default_factory=list)
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    layouts: dict[str, int] = field(default_factory=dict)
    filtered: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    duplicates: int = 0
    events: int = 0
    relations: int = 0
    actors: int = 0
    sources: int = 0
    types: int = 0

    @property
    def bad(self) -> int:
        return len(self.problems)

    def add_file(self, shown: str, staged: Staged) -> None:
        self.files.append(shown)
        self.rows += staged.rows
        self.problems += staged.problems
        for layout, n in staged.layouts.items():
            self.layouts[layout] = self.layouts.get(layout, 0) + n

    def count_skipped(self, rows: list[tuple[str, int, Any]]) -> None:
        for reason, n, details in sorted(rows, key=lambda r: (-r[1], r[0])):
            if reason == "outside the filters":
                self.filtered = n
                continue
            self.skipped[reason] = n
            if details:
                self.examples[reason] = sorted(str(d) for d in details)[:3]

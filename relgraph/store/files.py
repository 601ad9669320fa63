"""The embedded default store: a dataset file or directory on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from relgraph import dataset
from relgraph.dates import DEFAULT_EVENT_WINDOW, Duration
from relgraph.errors import StoreError
from relgraph.model import Dataset
from relgraph.store.base import Counts, Shown, WriteSummary

__all__ = ["FilesStore"]


class FilesStore:
    """Dataset files at ``path`` (see :mod:`relgraph.dataset`), read once and kept.

    >>> from relgraph import example_path
    >>> store = FilesStore(example_path())
    >>> from datetime import date
    >>> "russia.backs.assad-regime.2011-03" in store.at(date(2010, 1, 1)).relations
    False
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._data: Dataset | None = None

    def read(self) -> Dataset:
        """The whole dataset; raises :class:`~relgraph.errors.DatasetError` if the files have errors."""
        if self._data is None:
            self._data = dataset.load(self.path)
        return self._data

    def at(self, day: date, window: Duration | None = DEFAULT_EVENT_WINDOW) -> Dataset:
        return self.read().at(day, window)

    def records(self, day: date, window: Duration | None = DEFAULT_EVENT_WINDOW, *,
              evidence: bool = True) -> Shown:
        return Shown.of(self.at(day, window), evidence=evidence)

    def write(self, data: Dataset, *, prune: bool = False) -> WriteSummary:
        """Merge ``data`` into the files (records with the same id are replaced); say what changed.

        With ``prune``, records that ``data`` lacks are removed, so the files
        hold exactly ``data``. A directory is written as ``types.yaml``,
        ``sources.yaml``, ``actors.yaml`` and ``relations.yaml``; one that
        holds other dataset files is refused rather than left inconsistent.
        """
        old = self.read() if self.path.exists() and any(self._files()) else Dataset()
        if not prune:
            data = Dataset(actors={**old.actors, **data.actors},
                           relations={**old.relations, **data.relations},
                           sources={**old.sources, **data.sources},
                           types={**old.types, **data.types})
        summary = WriteSummary(_diff(old.actors, data.actors), _diff(old.relations, data.relations))
        own = {f"{section}.yaml" for section in dataset.SECTIONS}
        if self.path.is_dir():
            others = [f for f in self._files() if f.relative_to(self.path).as_posix() not in own]
            if others:
                raise StoreError(f"{self.path} holds other dataset files ({others[0].name}, ...); "
                                 "write to a new directory or a single .yaml/.jsonl file")
            for name in own:
                (self.path / name).unlink(missing_ok=True)
        dataset.write(data, self.path)
        self._data = data
        return summary

    def _files(self) -> list[Path]:
        return dataset.files(self.path) if self.path.exists() else []

    def close(self) -> None:
        self._data = None


def _diff(old: dict, new: dict) -> Counts:
    counts = Counts(removed=len(old.keys() - new.keys()))
    for key, value in new.items():
        if key not in old:
            counts.created += 1
        elif old[key] == value:
            counts.unchanged += 1
        else:
            counts.updated += 1
    return counts

"""Datasets for the bulk import's tests: the awkward values of tests/data/bulk/awkward.yaml beside the example."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from relgraph import example_path
from relgraph.dataset import load
from relgraph.model import Citation, Dataset

AWKWARD = Path(__file__).parent / "data" / "bulk" / "awkward.yaml"


def awkward_folder(tmp_path: Path) -> Path:
    """A dataset folder of the example and tests/data/bulk/awkward.yaml."""
    folder = tmp_path / "awkward"
    if not folder.exists():
        shutil.copytree(example_path(), folder)
        shutil.copy(AWKWARD, folder)
    return folder


def awkward_dataset(tmp_path: Path) -> Dataset:
    """The example and tests/data/bulk/awkward.yaml, plus what only the Python API can make: empty texts, a
    quotation beside a citation without one."""
    data = load(awkward_folder(tmp_path))
    actor = data.actors["fighters"]
    data.actors["fighters"] = dataclasses.replace(actor, description="", aliases=("",))
    rel = data.relations["candidate"]
    data.relations["candidate"] = dataclasses.replace(
        rel, notes="", sources=(*rel.sources, Citation(data.sources["bare"], "", None, None)))
    return data


def links(data: Dataset) -> set[tuple[str, str]]:
    """The (source, actor) pairs a load links with SPEAKS_ABOUT."""
    return {(c.source.id, end) for r in data.relations.values() for c in r.sources for end in (r.source, r.target)}

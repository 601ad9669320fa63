"""Shared fixtures: the example dataset, and a helper that writes small dataset files."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from relgraph import example_path
from relgraph.dataset import load
from relgraph.model import Dataset


@pytest.fixture(scope="session")
def example() -> Dataset:
    """The bundled 2016 Syria dataset, loaded once."""
    return load(example_path())


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write dedented text to a file under tmp_path and return its path."""

    def _write(text: str, name: str = "data.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write

from datetime import date

import pytest

from relgraph import example_path
from relgraph.dataset import load
from relgraph.errors import DatasetError, StoreError
from relgraph.model import Actor, Dataset
from relgraph.store import open_store
from relgraph.store.files import FilesStore


def test_default_store_is_the_bundled_example():
    store = open_store()
    assert isinstance(store, FilesStore) and store.path == example_path()
    assert "russia" in store.read().actors


def test_at_selects_what_a_snapshot_shows(example):
    store = FilesStore(example_path())
    on = store.at(date(2016, 12, 20))
    assert on.actors == example.actors
    assert set(on.relations) == set(example.at(date(2016, 12, 20)).relations)
    assert "russia.backs.assad-regime.2011-03" not in store.at(date(2010, 1, 1)).relations


def test_write_then_read_gives_the_same_dataset(example, tmp_path):
    store = FilesStore(tmp_path / "copy")
    summary = store.write(example)
    assert (summary.actors.created, summary.relations.created) == (len(example.actors), len(example.relations))
    again = FilesStore(tmp_path / "copy").read()
    assert (again.actors, again.relations, again.sources) == (example.actors, example.relations, example.sources)
    again = FilesStore(tmp_path / "copy").write(example)
    assert (again.actors.unchanged, again.relations.unchanged) == (len(example.actors), len(example.relations))
    assert (again.actors.created, again.actors.updated, again.relations.created, again.relations.updated) == (
        0, 0, 0, 0)


def test_write_merges_unless_pruning(example, tmp_path):
    path = tmp_path / "one.yaml"
    FilesStore(path).write(example)
    changed = Dataset(actors={"russia": Actor("russia", "Russian Federation", "state")})
    summary = FilesStore(path).write(changed)
    assert (summary.actors.updated, summary.actors.unchanged, summary.actors.removed) == (
        1, len(example.actors) - 1, 0)
    assert load(path).actors["russia"].name == "Russian Federation"
    assert len(load(path).relations) == len(example.relations)

    only = Dataset(actors={"x": Actor("x", "X", "state")})
    summary = FilesStore(path).write(only, prune=True)
    assert summary.actors.removed == len(example.actors)
    assert list(load(path).actors) == ["x"]


def test_write_refuses_a_directory_with_other_dataset_files(example, tmp_path):
    (tmp_path / "mine.yaml").write_text("actors:\n  - {id: y, name: Y, kind: state}\n")
    with pytest.raises(StoreError, match="holds other dataset files"):
        FilesStore(tmp_path).write(example)
    assert (tmp_path / "mine.yaml").read_text().startswith("actors:")


def test_a_bad_dataset_is_refused_whole(write):
    path = write("actors:\n  - {id: a, name: A, kind: state}\n  - {id: a, name: A2, kind: state}\n")
    with pytest.raises(DatasetError):
        FilesStore(path).read()

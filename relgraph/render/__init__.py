"""Renderers: snapshot graphs to something people look at.

* :mod:`~relgraph.render.html`: an interactive page, or a fragment for a report (one date, or a
  series with a slider);
* :mod:`~relgraph.render.image`: static SVG or PNG images for print;
* :mod:`~relgraph.render.text`: tables and JSON for terminals and scripts.

They share :mod:`~relgraph.render.scene` (what is shown), :mod:`~relgraph.render.layout`
(where) and :mod:`~relgraph.render.style` (how it looks). :func:`write` picks one by format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FORMATS", "Written", "write"]

FORMATS = ("html", "svg", "png")


@dataclass(frozen=True)
class Written:
    """The files written, and what they show over all their dates."""

    paths: tuple[Path, ...]
    actors: int
    relations: int
    sources: int
    dates: tuple[str, ...]


def write(graphs: Sequence[nx.MultiDiGraph], path: str | Path, *, fmt: str = "html",
          fragment: bool = False, title: str | None = None, size_by: str = "degree") -> Written:
    """Write a series of snapshot graphs (one per date) as a page, a fragment, or images.

    HTML is one file whatever the number of dates; SVG and PNG are one file
    per date, named after ``path`` with the date added when there are several.
    """
    if fmt == "html":
        from relgraph.render.html import write_html

        page = write_html(graphs, path, title=title, fragment=fragment, size_by=size_by)
        return Written((Path(path),), page.actors, page.relations, page.sources, page.dates)
    if fragment:
        raise ValueError("a fragment is HTML; images are whole pictures")
    from relgraph.render.image import write_images

    picture = write_images(graphs, path, fmt, title=title, size_by=size_by)
    return Written(picture.paths, picture.actors, picture.relations, picture.sources, picture.dates)

"""Renderers: snapshot graphs to what people look at or open in other tools.

* :mod:`~relgraph.render.html`: an interactive page, or a fragment for a report (one date, or a
  series with a slider);
* :mod:`~relgraph.render.topyvis`: the same drawing as a ``pyvis.network.Network``, to customise;
* :mod:`~relgraph.render.image`: static SVG or PNG images for print;
* :mod:`~relgraph.render.interchange`: GEXF, GraphML and node-link JSON for Gephi, yEd, Cytoscape, scripts;
* :mod:`~relgraph.render.text`: tables and sentences for terminals.

The drawings share :mod:`~relgraph.render.scene` (what is shown), :mod:`~relgraph.render.lines`
(one line per pair), :mod:`~relgraph.render.roles` (whom a person stands for),
:mod:`~relgraph.render.layout` (where), :mod:`~relgraph.render.placement` (where names go),
:mod:`~relgraph.render.view` (at what scale) and :mod:`~relgraph.render.style` (how it looks);
:mod:`~relgraph.render.legibility` measures the result. :data:`FORMATS` is the one registry of
file formats: :func:`write` and :func:`export` choose from it by name or by the file's suffix,
name the file when no path is given, and return a :class:`Written`.

>>> format_for("moscow.GEXF", "export"), format_for("moscow.png", "render"), format_for("x.txt", "render")
('gexf', 'png', None)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from relgraph.errors import FormatError, OutputError

if TYPE_CHECKING:
    import networkx as nx

    from relgraph.model import Dataset

__all__ = ["FORMATS", "Format", "Written", "default_path", "export", "format_for", "save", "to_pyvis",
           "write"]

Purpose = Literal["render", "export"]


@dataclass(frozen=True)
class Format:
    """A file format: what writes it, and whether a series gives one file per date."""

    name: str
    purpose: Purpose
    description: str
    per_date: bool = False


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("html", "render", "a self-contained interactive page, or a fragment of one"),
    Format("svg", "render", "an image per date, text kept as text", per_date=True),
    Format("png", "render", "an image per date, 200 dpi", per_date=True),
    Format("gexf", "export", "Gephi; the whole history with time intervals"),
    Format("graphml", "export", "yEd, Cytoscape"),
    Format("json", "export", "NetworkX node-link JSON, for scripts"),
)}


@dataclass(frozen=True)
class Written:
    """What a renderer or an export wrote: the files, and what they show over all their dates.

    ``dates`` are ISO days (empty for the whole history, where ``history`` is true).
    """

    paths: tuple[Path, ...]
    format: str
    actors: int
    relations: int
    sources: int
    dates: tuple[str, ...] = ()
    history: bool = False


def names(purpose: Purpose) -> list[str]:
    """The names of the formats for ``purpose``, in registry order."""
    return [f.name for f in FORMATS.values() if f.purpose == purpose]


def format_for(path: str | Path, purpose: Purpose) -> str | None:
    """The format of ``purpose`` that a file name's suffix implies, or ``None``."""
    found = FORMATS.get(Path(path).suffix.lower().lstrip("."))
    return found.name if found and found.purpose == purpose else None


def choose_format(path: str | Path | None, fmt: str | None, purpose: Purpose, default: str) -> str:
    """``fmt`` if given, else the format ``path``'s suffix implies, else ``default`` (:data:`FORMATS`)."""
    allowed = names(purpose)
    if fmt is not None:
        if fmt not in allowed:
            raise FormatError("format", f"unknown format {fmt!r}: use one of {', '.join(allowed)}")
        return fmt
    if path is None:
        return default
    implied = format_for(path, purpose)
    if implied is None and Path(path).suffix and purpose == "export":
        raise FormatError("output", f"cannot tell the format from {Path(path).name!r}: give --format "
                          f"{', '.join(allowed[:-1])} or {allowed[-1]}")
    return implied or default


def default_path(fmt: str, dates: Sequence[str]) -> Path:
    """``relgraph-DATE.FMT``, ``relgraph-FROM-to-TO.html`` for a series, ``relgraph-history.FMT`` for none.

    A series of images is one file per date, named by :func:`write` from ``relgraph.FMT``.

    >>> series = ["2016-01-01", "2016-12-20"]
    >>> [str(default_path(f, d)) for f, d in [("html", ["2016-12-20"]), ("html", series), ("svg", series)]]
    ['relgraph-2016-12-20.html', 'relgraph-2016-01-01-to-2016-12-20.html', 'relgraph.svg']
    >>> default_path("gexf", [])
    PosixPath('relgraph-history.gexf')
    """
    if not dates:
        return Path(f"relgraph-history.{fmt}")
    if len(dates) == 1:
        return Path(f"relgraph-{dates[0]}.{fmt}")
    if FORMATS[fmt].per_date:
        return Path(f"relgraph.{fmt}")
    return Path(f"relgraph-{dates[0]}-to-{dates[-1]}.{fmt}")


def save(path: Path, content: str | bytes | Callable[[IO[bytes]], None]) -> None:
    """Write ``content`` (text as UTF-8, bytes, or what a writer function puts in a binary file) to ``path``.

    Parent folders are created; a file that cannot be written raises
    :class:`~relgraph.errors.OutputError` saying why.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            if callable(content):
                content(out)
            else:
                out.write(content.encode("utf-8") if isinstance(content, str) else content)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def write(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], path: str | Path | None = None, *,
          format: str | None = None, fragment: bool = False, title: str | None = None,
          size_by: str = "degree", all_relations: bool = False, focus: Sequence[str] = ()) -> Written:
    """Draw one snapshot graph or a series (one per date) as a page, a fragment, or images.

    The format is ``format``, else the one ``path``'s suffix implies, else
    HTML; without ``path`` the file is named by :func:`default_path`. HTML is
    one file whatever the number of dates; SVG and PNG are one file per date,
    named after ``path`` with the date added when there are several, and
    titled with their own date.

    By default a pair of actors is one line, in the sign of their tie (see
    :mod:`relgraph.render.lines`); ``all_relations=True`` draws every
    relation. ``focus`` lists actors (ids, names or aliases) to put in front:
    larger, named in bold, the rest dimmed.
    """
    import networkx as nx

    series = [graphs] if isinstance(graphs, nx.Graph) else list(graphs)
    fmt = choose_format(path, format, "render", "html")
    if fragment and fmt != "html":
        raise FormatError("format", f"{fmt} cannot go with --fragment, which is HTML")
    target = Path(path) if path is not None else default_path(fmt, [g.graph["date"] for g in series])
    if fmt == "html":
        from relgraph.render.html import write_html

        return write_html(series, target, title=title, fragment=fragment, size_by=size_by,
                          all_relations=all_relations, focus=focus)
    from relgraph.render.image import write_images

    return write_images(series, target, fmt, title=title, size_by=size_by, all_relations=all_relations,
                        focus=focus)


def export(source: Dataset | nx.MultiDiGraph, path: str | Path | None = None, *,
           format: str | None = None) -> Written:
    """Write the whole history of a dataset, or one snapshot graph, as GEXF, GraphML or JSON.

    The format is ``format``, else the one ``path``'s suffix implies, else
    GEXF; see :mod:`relgraph.render.interchange`.
    """
    from relgraph.render.interchange import write_export

    fmt = choose_format(path, format, "export", "gexf")
    return write_export(source, path, fmt)


def to_pyvis(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], **options: Any) -> Any:
    """A ``pyvis.network.Network`` drawing the graph as relgraph does; see :mod:`relgraph.render.topyvis`."""
    from relgraph.render.topyvis import to_pyvis as build

    return build(graphs, **options)

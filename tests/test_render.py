"""The format registry: choosing a format by name or suffix, naming files, and writing pages and images."""

from pathlib import Path

import pytest
from signed_graphs import on

from relgraph.dataset import load
from relgraph.errors import FormatError, OutputError
from relgraph.render import FORMATS, Written, choose_format, default_path, format_for, save, write
from relgraph.snapshot import snapshot

SMALL = """
sources:
  - {id: s1, title: One}
  - {id: s2, title: Two}
actors:
  - {id: a, name: A, kind: state}
  - {id: b, name: B, kind: state}
  - {id: c, name: C, kind: armed-group}
  - {id: d, name: D, kind: person}
relations:
  - {id: r1, source: a, type: backs, target: b, start: 2016, sources: [{ref: s1}]}
  - {id: r2, source: a, type: opposes, target: c, start: 2016-06, end: 2016-08, sources: [{ref: s1}, {ref: s2}]}
  - {id: r3, source: b, type: attacks, target: c, date: 2016-12-10, sources: [{ref: s2}]}
"""
"""On 2016-03-01 only r1 holds; on 2016-07-01 r1 and r2; on 2016-12-20 r1 and the attack r3. D never appears."""


@pytest.fixture
def small(write):
    return load(write(SMALL, "small.yaml"))


def test_the_registry():
    assert {name: (f.purpose, f.per_date) for name, f in FORMATS.items()} == {
        "html": ("render", False), "svg": ("render", True), "png": ("render", True),
        "gexf": ("export", False), "graphml": ("export", False), "json": ("export", False)}
    assert all(name == f.name and f.description for name, f in FORMATS.items())


@pytest.mark.parametrize(("path", "purpose", "expected"), [
    ("moscow.html", "render", "html"),
    ("moscow.SVG", "render", "svg"),
    ("out/moscow.png", "render", "png"),
    ("moscow.gexf", "export", "gexf"),
    ("moscow.GraphML", "export", "graphml"),
    ("moscow.json", "export", "json"),
    ("moscow.gexf", "render", None),   # an export format is no render format
    ("moscow.html", "export", None),
    ("moscow.txt", "render", None),
    ("moscow", "export", None),
    ("moscow.html.bak", "render", None),
])
def test_format_for(path, purpose, expected):
    assert format_for(path, purpose) == expected


@pytest.mark.parametrize(("path", "fmt", "purpose", "expected"), [
    ("moscow.svg", "png", "render", "png"),       # the name given wins over the suffix
    ("moscow.svg", None, "render", "svg"),
    ("moscow.graphml", None, "export", "graphml"),
    (None, None, "render", "html"),
    (None, None, "export", "gexf"),
    ("moscow", None, "export", "gexf"),           # no suffix: the default
    ("moscow.txt", None, "render", "html"),       # a page may be named anything
])
def test_choose_format(path, fmt, purpose, expected):
    assert choose_format(path, fmt, purpose, "html" if purpose == "render" else "gexf") == expected


@pytest.mark.parametrize(("fmt", "purpose", "message"), [
    ("pdf", "render", "unknown format 'pdf': use one of html, svg, png"),
    ("gexf", "render", "unknown format 'gexf': use one of html, svg, png"),
    ("html", "export", "unknown format 'html': use one of gexf, graphml, json"),
])
def test_an_unknown_format_name(fmt, purpose, message):
    with pytest.raises(FormatError) as caught:
        choose_format("out.html", fmt, purpose, "html")
    assert (caught.value.option, str(caught.value)) == ("format", message)


def test_an_export_suffix_that_tells_no_format():
    with pytest.raises(FormatError) as caught:
        choose_format(Path("out") / "graph.dot", None, "export", "gexf")
    assert caught.value.option == "output"
    assert str(caught.value) == "cannot tell the format from 'graph.dot': give --format gexf, graphml or json"


@pytest.mark.parametrize(("fmt", "dates", "expected"), [
    ("html", ["2016-12-20"], "relgraph-2016-12-20.html"),
    ("png", ["2016-12-20"], "relgraph-2016-12-20.png"),
    ("html", ["2016-01-01", "2016-06-01", "2016-12-20"], "relgraph-2016-01-01-to-2016-12-20.html"),
    ("svg", ["2016-01-01", "2016-12-20"], "relgraph.svg"),
    ("png", ["2016-01-01", "2016-12-20"], "relgraph.png"),
    ("gexf", [], "relgraph-history.gexf"),
    ("json", ["2016-12-20"], "relgraph-2016-12-20.json"),
])
def test_default_path(fmt, dates, expected):
    assert default_path(fmt, dates) == Path(expected)


# -- writing ----------------------------------------------------------------------------------------


def test_a_page_of_one_date(small, tmp_path):
    path = tmp_path / "day.html"
    done = write(snapshot(small, "2016-07-01"), path)
    assert done == Written((path,), "html", actors=3, relations=2, sources=2, dates=("2016-07-01",))
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().lower().startswith("<!doctype html>") and text.rstrip().endswith("</html>")


def test_a_page_of_a_series_counts_everything_shown_on_any_date(small, tmp_path):
    graphs = [snapshot(small, d) for d in ("2016-03-01", "2016-07-01", "2016-12-20")]
    done = write(graphs, tmp_path / "series.html")
    assert (done.paths, done.format) == ((tmp_path / "series.html",), "html")
    assert (done.actors, done.relations, done.sources) == (3, 3, 2)
    assert done.dates == ("2016-03-01", "2016-07-01", "2016-12-20")


def test_a_fragment_is_a_div(small, tmp_path):
    path = tmp_path / "part.html"
    write(snapshot(small, "2016-03-01"), path, fragment=True)
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<div") and "<html" not in text.lower()


@pytest.mark.parametrize(("name", "fmt", "magic"), [
    ("day.svg", None, b"<?xml"),
    ("day.png", None, b"\x89PNG\r\n\x1a\n"),
    ("day.img", "png", b"\x89PNG\r\n\x1a\n"),   # the format given wins over a suffix that tells nothing
    ("day.html", "svg", b"<?xml"),
])
def test_images_by_suffix_or_by_format(small, tmp_path, name, fmt, magic):
    done = write(snapshot(small, "2016-03-01"), tmp_path / name, format=fmt)
    assert done == Written((tmp_path / name,), fmt or name.rsplit(".", 1)[1], 2, 1, 1, ("2016-03-01",))
    assert (tmp_path / name).read_bytes().startswith(magic)


def test_a_series_of_images_is_one_file_per_date(small, tmp_path):
    graphs = [snapshot(small, d) for d in ("2016-03-01", "2016-12-20")]
    done = write(graphs, tmp_path / "img" / "moscow.svg")
    expected = (tmp_path / "img" / "moscow-2016-03-01.svg", tmp_path / "img" / "moscow-2016-12-20.svg")
    assert done == Written(expected, "svg", 3, 2, 2, ("2016-03-01", "2016-12-20"))
    assert sorted((tmp_path / "img").iterdir()) == list(expected)
    assert all(p.read_bytes().startswith(b"<?xml") for p in expected)


@pytest.mark.parametrize(("fmt", "dates", "expected"), [
    (None, ["2016-07-01"], ["relgraph-2016-07-01.html"]),
    (None, ["2016-03-01", "2016-07-01"], ["relgraph-2016-03-01-to-2016-07-01.html"]),
    ("svg", ["2016-03-01", "2016-07-01"], ["relgraph-2016-03-01.svg", "relgraph-2016-07-01.svg"]),
])
def test_without_a_path_files_are_named_by_their_dates(small, tmp_path, monkeypatch, fmt, dates, expected):
    monkeypatch.chdir(tmp_path)
    done = write([snapshot(small, d) for d in dates], format=fmt)
    assert [str(p) for p in done.paths] == expected
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "small.yaml") == expected


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_a_fragment_is_html_only(small, tmp_path, fmt):
    with pytest.raises(FormatError) as caught:
        write(snapshot(small, "2016-03-01"), tmp_path / "x.html", format=fmt, fragment=True)
    assert (caught.value.option, str(caught.value)) == ("format", f"{fmt} cannot go with --fragment, which is HTML")
    assert not (tmp_path / "x.html").exists()


def test_a_fragment_with_an_image_suffix_is_refused(small, tmp_path):
    with pytest.raises(FormatError, match=r"^png cannot go with --fragment, which is HTML$"):
        write(snapshot(small, "2016-03-01"), tmp_path / "x.png", fragment=True)
    assert list(tmp_path.iterdir()) == [tmp_path / "small.yaml"]


@pytest.mark.parametrize("dates", [["2016-12-20"], ["2016-01-01", "2016-12-20"]])
def test_counts_of_the_example_match_what_the_graphs_hold(tmp_path, dates):
    graphs = [on(d) for d in dates]
    done = write(graphs, tmp_path / "example.html")
    actors = set().union(*(g.nodes for g in graphs))
    relations = set().union(*({k for _, _, k in g.edges(keys=True)} for g in graphs))
    sources = {s["id"] for g in graphs for _, _, a in g.edges(data=True) for s in a["sources"]}
    assert (done.actors, done.relations, done.sources) == (len(actors), len(relations), len(sources))


def test_counts_of_the_example_on_the_day_of_the_talks(tmp_path):
    # 22 of the 28 actors have a relation shown that day (five of the six vetoed drafts are older than
    # the 30-day window, and the Security Council itself is only what the drafts are part of); of the
    # 55 relations, 42 are shown, citing the article and, for the veto of 5 December, the UN's veto list.
    done = write(on("2016-12-20"), tmp_path / "talks.html")
    assert (done.actors, done.relations, done.sources) == (22, 42, 2)


# -- saving -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "expected"), [
    ("Erdoğan", "Erdoğan".encode()),
    (b"\x00\x01", b"\x00\x01"),
    (lambda out: out.write(b"written by a function"), b"written by a function"),
])
def test_save_writes_text_bytes_or_through_a_writer_and_makes_folders(tmp_path, content, expected):
    path = tmp_path / "a" / "b" / "out.bin"
    save(path, content)
    assert path.read_bytes() == expected


def test_save_where_a_file_stands_in_for_the_folder(tmp_path):
    (tmp_path / "a-file").write_text("keep", encoding="utf-8")
    target = tmp_path / "a-file" / "page.html"
    with pytest.raises(OutputError, match=rf"^cannot write {target}: "):
        save(target, "x")
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "keep"


def test_write_reports_an_unwritable_place(small, tmp_path):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match=r"^cannot write .*a-file/day\.html: "):
        write(snapshot(small, "2016-03-01"), tmp_path / "a-file" / "day.html")

"""Static images: SVG and PNG with the page's layout, colours, legend and sources, and data kept as text."""

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from render_cases import XSS_DATA

from relgraph.dataset import load
from relgraph.render.image import render_image, write_images
from relgraph.snapshot import snapshot

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def graph(example):
    return snapshot(example, "2016-12-20")


@pytest.fixture(scope="module")
def svg(graph):
    [image] = render_image(graph, "svg")
    return image


def texts(svg_bytes):
    return [" ".join("".join(t.itertext()).split()) for t in ET.fromstring(svg_bytes).iter(f"{SVG}text")]


def test_svg_has_title_caption_legend_names_and_sources(svg, graph):
    words = texts(svg)
    assert "Relations on 2016-12-20" in words
    assert any(w.startswith("22 actors and 42 relations on 2016-12-20: stances that hold that day") for w in words)
    for name in ("Lines", "Relation types", "Actors", "+ positive", "\u2212 negative", "0 neutral",
                 "backs (+)", "vetoes (\u2212)", "government", "meeting", "Sources"):
        assert name in words, name
    joined = " ".join(words)
    for _, attrs in graph.nodes(data=True):  # every name, wrapped or not, at the design width
        assert attrs["name"] in joined, attrs["name"]
    assert "Turkey's leader" in words
    # and every label the page shows at the design width, line labels included, is written
    from relgraph.render.scene import build_scene
    from relgraph.render.view import DESIGN_WIDTH, fit

    scene = build_scene([graph])
    level = max(k for k, x in enumerate(scene.levels) if x <= fit(scene.box, DESIGN_WIDTH).scale * (1 + 1e-9))
    shown = [t[0] for lb in scene.frames[0].labels if 0 <= lb.level <= level for t in lb.lines]
    assert any(lb.kind == "line" and 0 <= lb.level <= level for lb in scene.frames[0].labels)
    assert all(text in words for text in shown), [t for t in shown if t not in words]
    assert any("Russia, Iran and Turkey to confer in Moscow on Syria, 2016-12-20" in w for w in words)
    assert any("Security Council - Veto List, United Nations Dag Hammarskjöld Library, "
               "https://research.un.org/en/docs/sc/quick/veto" in w for w in words)


def test_svg_uses_the_colours_of_the_page(svg):
    text = svg.decode()
    for colour in ("#0072b2", "#d55e00", "#8c8c8c", "#56b4e9", "#e69f00"):
        assert colour in text.lower(), colour


def test_images_are_deterministic(graph, svg):
    assert render_image(graph, "svg") == [svg]


def test_png_is_a_picture_with_something_drawn(graph):
    [png] = render_image(graph, "png")
    image = Image.open(io.BytesIO(png)).convert("L")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = image.size
    assert width >= 2000 and height >= 1500
    dark = sum(image.histogram()[:200])
    assert dark > 0.02 * width * height


def test_names_are_where_the_page_puts_them(graph, svg):
    """The image is the page at the design width: each name's text is centred where the scene's label
    box is, up to the image's scale and margins (one linear map for all)."""
    import numpy as np

    from relgraph.render.scene import build_scene
    from relgraph.render.view import DESIGN_WIDTH, fit

    scene = build_scene([graph])
    view = fit(scene.box, DESIGN_WIDTH)
    expected = {}
    for label in scene.frames[0].labels:
        if label.kind == "node" and len(label.lines) == 1:
            left, top, right, bottom = label.box(view.screen)
            expected[label.lines[0][0]] = ((left + right) / 2, (top + bottom) / 2)
    drawn = {"".join(t.itertext()): (float(t.get("x")), float(t.get("y")))
             for t in ET.fromstring(svg).iter(f"{SVG}text") if t.get("x")}
    names = sorted(set(expected) & set(drawn))
    assert len(names) >= 10
    for axis in (0, 1):
        page = np.array([expected[n][axis] for n in names])
        image = np.array([drawn[n][axis] for n in names])
        scale, offset = np.polyfit(page, image, 1)
        assert scale > 0 and np.abs(scale * page + offset - image).max() < 3


def test_data_text_is_escaped_in_svg(write):
    [image] = render_image(snapshot(load(write(XSS_DATA)), "2016-12-20"), "svg")
    root = ET.fromstring(image)  # well-formed, whatever the names hold
    assert not [el for el in root.iter() if el.tag in (f"{SVG}script", f"{SVG}foreignObject", "script")]
    assert not [name for el in root.iter() for name in el.attrib if name.lower().startswith("on")]
    assert "<script>alert('name')</script>" in texts(image)


def test_a_series_gives_one_image_per_date_on_one_layout(example, tmp_path):
    graphs = [snapshot(example, d) for d in ("2016-01-01", "2016-12-20")]
    picture = write_images(graphs, tmp_path / "out" / "syria.png", "png")
    assert (picture.format, picture.dates) == ("png", ("2016-01-01", "2016-12-20"))
    assert [p.name for p in picture.paths] == ["syria-2016-01-01.png", "syria-2016-12-20.png"]
    assert all(p.stat().st_size > 10_000 for p in picture.paths)
    sizes = {Image.open(p).size for p in picture.paths}
    assert len(sizes) == 1  # the same frame for every date, so that they compare side by side
    first, last = (texts(svg) for svg in render_image(graphs, "svg"))
    # each image has its own title and caption, and a legend of its own date's types
    assert "Relations on 2016-01-01" in first and "Relations on 2016-12-20" in last
    assert any(w.startswith("18 actors") or " on 2016-01-01:" in w for w in first)
    assert "hostile-to (\u2212)" in first and "hostile-to (\u2212)" not in last
    assert "cooperates (+)" in last and "cooperates (+)" not in first
    titled = render_image(graphs, "svg", title="Russia and Turkey")
    assert "Russia and Turkey, 2016-01-01" in texts(titled[0]) and "Russia and Turkey, 2016-12-20" in texts(titled[1])


def test_candidates_and_the_focus_show_in_the_image(example, write):
    [focused] = render_image(snapshot(example, "2016-12-20"), "svg", focus=["Russia"])
    assert "bold, larger: the figure's focus" in texts(focused)
    assert 'font-weight: bold' in focused.decode() or "font-weight: 700" in focused.decode()
    data = write("""
actors:
  - {id: a, name: A, kind: state}
  - {id: b, name: B, kind: state}
relations:
  - {id: r1, source: a, type: backs, target: b, start: 2016}
  - {id: r2, source: b, type: opposes, target: a, start: 2016, review: pending}
""")
    from relgraph.filters import Filters

    graph = Filters(candidates=True)(snapshot(load(data), "2016-12-20"))
    [image] = render_image(graph, "svg")
    words = texts(image)
    assert "candidate, waits for review" in words
    assert any("1 candidate relation waiting for review, drawn dotted." in w for w in words)


def test_an_unknown_format_is_refused(graph):
    with pytest.raises(ValueError, match="'gif' is not an image format"):
        render_image(graph, "gif")

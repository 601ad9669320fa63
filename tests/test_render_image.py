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
    for name in ("Relations", "Relation types", "Actors", "+ positive", "\u2212 negative", "0 neutral",
                 "backs (+)", "vetoes (\u2212)", "government", "meeting", "Sources"):
        assert name in words, name
    for _, attrs in graph.nodes(data=True):
        if attrs["kind"] not in ("agreement", "meeting"):
            assert attrs["name"] in words, attrs["name"]
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


def test_positions_are_those_of_the_page(graph, svg):
    """The image and the page draw actors in the same places, up to the image's scale and margins."""
    import json
    import re

    import numpy as np

    from relgraph.render.html import render_html

    page = render_html(graph)
    payload = json.loads(re.findall(r'<script type="application/json">(.*?)</script>', page, re.S)[-1])
    on_page = {n["name"]: (n["x"], n["y"]) for n in payload["nodes"]}
    labels = {"".join(t.itertext()): (float(t.get("x")), float(t.get("y")))
              for t in ET.fromstring(svg).iter(f"{SVG}text") if t.get("x")}
    names = sorted(set(on_page) & set(labels))
    assert len(names) >= 15
    page_x = np.array([on_page[n][0] for n in names])
    image_x = np.array([labels[n][0] for n in names])
    scale, offset = np.polyfit(page_x, image_x, 1)
    assert scale > 0 and np.abs(scale * page_x + offset - image_x).max() < 0.5
    # names sit under their actors, so heights agree in order (the gap grows a little with the actor's size)
    page_y = [on_page[n][1] for n in names]
    image_y = [labels[n][1] for n in names]
    assert sorted(names, key=lambda n: page_y[names.index(n)]) == sorted(names, key=lambda n: image_y[names.index(n)])


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
    assert "hostile-to" in first and "hostile-to" not in last
    assert "cooperates" in last and "cooperates" not in first


def test_an_unknown_format_is_refused(graph):
    with pytest.raises(ValueError, match="'gif' is not an image format"):
        render_image(graph, "gif")

"""to_pyvis: relgraph's drawing as a pyvis Network, and relgraph's offline template for pyvis."""

import re

import pytest
from render_cases import XSS_DATA

from relgraph.dataset import load
from relgraph.render import to_pyvis
from relgraph.render.scene import build_scene
from relgraph.snapshot import snapshot


@pytest.fixture(scope="module")
def day(example):
    return snapshot(example, "2016-12-20")


def test_the_network_carries_relgraphs_positions_shapes_and_styles(day):
    net = to_pyvis(day)
    scene = build_scene([day])
    nodes = {n["id"]: n for n in net.nodes}
    assert set(nodes) == {n["id"] for n in scene.nodes}
    russia = next(n for n in scene.nodes if n["id"] == "russia")
    assert (nodes["russia"]["x"], nodes["russia"]["y"], nodes["russia"]["shape"]) == (russia["x"], russia["y"], "dot")
    assert nodes["russia"]["color"]["background"] == "#56B4E9" and not nodes["russia"]["physics"]
    assert nodes["aleppo-evacuation-deal-1"]["shapeProperties"] == {"borderDashes": [3, 2]}
    assert nodes["vladimir-putin"]["label"] == "Vladimir Putin\nRussia's leader"
    assert len(net.edges) == len(scene.lines) < 41  # one line per pair
    backs = next(e for e in net.edges if {e["from"], e["to"]} == {"russia", "assad-regime"})
    assert (backs["color"]["color"], backs["dashes"], backs["arrows"]["to"]["type"]) == ("#0072B2", False, "arrow")
    assert "backs" in backs["label"] and "fights-alongside" in backs["label"] and backs["width"] > 1
    veto = next(e for e in net.edges if e["label"] == "vetoes")
    assert veto["dashes"] == [6, 4] and veto["arrows"]["to"]["type"] == "bar"
    assert net.options["physics"] == {"enabled": False} and net.options["edges"]["smooth"] is False


def test_every_relation_a_date_of_a_series_and_the_focus(example):
    series = [snapshot(example, d) for d in ("2016-01-01", "2016-12-20")]
    first = to_pyvis(series, date="2016-01-01")
    last = to_pyvis(series)
    assert len(first.nodes) < len(last.nodes)
    shared = {n["id"] for n in first.nodes} & {n["id"] for n in last.nodes}
    assert all(next(n for n in first.nodes if n["id"] == i)["x"] == next(n for n in last.nodes if n["id"] == i)["x"]
               for i in shared)  # the series' layout, shared by its dates
    assert len(to_pyvis(series[-1], all_relations=True).edges) == 42
    focused = {n["id"]: n for n in to_pyvis(series[-1], focus=["Turkey"]).nodes}
    assert focused["turkey"]["borderWidth"] > focused["russia"]["borderWidth"]
    with pytest.raises(ValueError, match=r"^no date 2016-05-01 in the series: 2016-01-01, 2016-12-20$"):
        to_pyvis(series, date="2016-05-01")


def test_titles_are_escaped_text(write):
    net = to_pyvis(snapshot(load(write(XSS_DATA)), "2016-12-20"))
    titles = [n["title"] for n in net.nodes] + [e["title"] for e in net.edges]
    assert all("<" not in t and ">" not in t for t in titles)
    assert any("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;" in t for t in titles)
    heading = net.heading
    assert "<" not in heading


def test_the_documented_offline_way_writes_a_page_that_fetches_nothing(day, tmp_path):
    net = to_pyvis(day)
    net.write_html(str(tmp_path / "pyvis.html"))
    html = (tmp_path / "pyvis.html").read_text(encoding="utf-8")
    assert "default-src 'none'" in html and "@version 9.1.2" in html
    assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""", html)
    assert "cdn.jsdelivr.net" not in html and "cdnjs.cloudflare.com" not in html
    assert not (tmp_path / "lib").exists()


def test_pyvis_own_template_is_kept_when_asked(day, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    net = to_pyvis(day, offline=False)
    net.write_html("stock.html")
    html = (tmp_path / "stock.html").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net/npm/bootstrap" in html  # what pyvis's own template fetches

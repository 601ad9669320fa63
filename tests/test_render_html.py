"""The HTML page and fragment: structure, legend, caption, escaping, and nothing fetched from outside."""

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from render_cases import PAYLOADS, XSS_DATA

from relgraph.dataset import load
from relgraph.render.html import CSP, render_html, write_html
from relgraph.snapshot import snapshot


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script> and <style>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data
        else:
            self.text.append(data)

    def all(self, tag):
        return [attrs for t, attrs in self.tags if t == tag]


def payload(html: str) -> dict:
    """The data the page's script reads: the JSON block just before it."""
    tags = Tags(html)
    kinds = [attrs.get("type") for attrs in tags.all("script")]
    assert kinds[-2:] == ["application/json", None], kinds
    return json.loads(tags.scripts[-2])


@pytest.fixture(scope="module")
def page(example):
    return render_html(snapshot(example, "2016-12-20"))


def test_writing_a_page_says_what_it_shows(example, tmp_path):
    done = write_html(snapshot(example, "2016-12-20"), tmp_path / "deep" / "page")
    assert (done.format, done.actors, done.relations, done.sources, done.dates) == (
        "html", 22, 42, 2, ("2016-12-20",))
    assert done.paths == (tmp_path / "deep" / "page",)
    assert done.paths[0].read_text(encoding="utf-8") == render_html(snapshot(example, "2016-12-20"))


@pytest.fixture(scope="module")
def series(example):
    days = ["2015-01-01", "2016-01-01", "2016-06-01", "2016-12-20"]
    return render_html([snapshot(example, day) for day in days])


def test_page_counts_title_caption_and_sources(page):
    tags = Tags(page)
    text = " ".join(" ".join(tags.text).split())
    assert "<title>Relations on 2016-12-20</title>" in page
    assert "22 actors and 42 relations on 2016-12-20: stances that hold that day, and events of the " \
           "30 days up to it. Citing 2 sources." in text
    links = {a["href"] for a in tags.all("a")}
    assert links == {"https://research.un.org/en/docs/sc/quick/veto"}  # the article has no known address
    assert "Russia, Iran and Turkey to confer in Moscow on Syria, 2016-12-20" in text


def test_legend_lists_each_type_with_its_sign_and_each_kind(page, example):
    g = snapshot(example, "2016-12-20")
    legend = re.search(r'<section class="rg-legend"[^>]*>(.*?)</section>', page, re.S).group(1)
    items = [" ".join(re.sub(r"<[^>]+>", " ", li).split()) for li in re.findall(r"<li[^>]*>(.*?)</li>", legend, re.S)]
    marks = {1: "+", -1: "\u2212", 0: "0"}
    for name, t in g.graph["types"].items():
        assert f"{name} ({marks[t['sign']]})" in items
    for kind in {a["kind"] for _, a in g.nodes(data=True)}:
        assert kind in items
    assert {"+ positive", "\u2212 negative", "0 neutral"} <= set(items)
    assert "event (in the 30 days up to the date)" in items
    assert any(i.startswith("one line per pair of actors") for i in items)
    # a type's sample line has the colour of its sign and dashes when it is an event; deals are dashed shapes
    vetoes = re.search(r'<li data-type="vetoes" title="casts a veto against \(a draft resolution or decision\)">'
                       r'(.*?)</li>', legend, re.S).group(1)
    assert 'stroke="#D55E00"' in vetoes and 'stroke-dasharray="6 4"' in vetoes
    agreement = re.search(r'<li data-kind="agreement">(.*?)</li>', legend, re.S).group(1)
    assert 'stroke-dasharray="3 2"' in agreement
    # candidates have a row, shown when the date has some (none here)
    assert re.search(r'<li class="rg-candidates" hidden>', legend)


def test_the_legend_of_each_date_is_in_its_frame(series):
    data = payload(series)
    types = {f["date"]: set(f["types"]) for f in data["frames"]}
    assert "hostile-to" in types["2016-01-01"] and "hostile-to" not in types["2016-12-20"]
    assert "brokers" in types["2016-12-20"] and "brokers" not in types["2015-01-01"]
    legend = re.search(r'<section class="rg-legend"[^>]*>(.*?)</section>', series, re.S).group(1)
    assert set(re.findall(r'data-type="([^"]+)"', legend)) == set().union(*types.values())


def test_nothing_is_fetched_from_outside(page, series):
    for html in (page, series, render_html(snapshot(load_example(), "2016-12-20"), fragment=True)):
        tags = Tags(html)
        for tag in ("script", "img", "iframe", "link", "source", "video", "audio", "embed", "object", "use"):
            for attrs in tags.all(tag):
                for name in ("src", "href", "srcset", "data", "xlink:href"):
                    assert not attrs.get(name), f"<{tag} {name}={attrs.get(name)!r}>"
        for style in tags.styles:
            assert not re.search(r"url\(\s*['\"]?(?!data:)", style), "a style loads something"
            assert "@import" not in style
        assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""",
                             re.sub(r'<a href="https?://[^"]*"', "", html), re.I)


def test_the_page_forbids_every_request_with_a_content_security_policy(page):
    metas = Tags(page).all("meta")
    policy = next(m["content"] for m in metas if m.get("http-equiv") == "Content-Security-Policy")
    assert policy == CSP
    assert "default-src 'none'" in policy and "connect-src" not in policy


def test_the_script_gets_positions_styles_lines_labels_and_sources(page):
    data = payload(page)
    russia = next(n for n in data["nodes"] if n["id"] == "russia")
    assert (russia["name"], russia["kind"], russia["shape"], russia["dashed"]) == ("Russia", "state", "dot", False)
    assert isinstance(russia["x"], float) and isinstance(russia["y"], float)
    backs = next(r for r in data["relations"] if r["id"] == "russia.backs.assad-regime.2011-03")
    assert (backs["colour"], backs["start_precision"]) == ("#0072B2", "month")
    [(source, evidence)] = backs["sources"]
    assert data["sources"][source]["title"] == "Russia, Iran and Turkey to confer in Moscow on Syria"
    assert evidence.startswith("Russia has been one of Assad's two indispensable supporters")
    k = data["relations"].index(backs)
    [line] = [ln for ln in data["lines"] if k in ln["relations"]]
    assert (line["colour"], line["dashed"], line["head"], len(line["relations"])) == ("#0072B2", False, "arrow", 2)
    veto = next(ln for ln in data["lines"] if data["relations"][ln["relations"][0]]["type"] == "vetoes")
    assert (veto["colour"], veto["dashed"], veto["head"]) == ("#D55E00", True, "bar")
    [frame] = data["frames"]
    assert len(frame["labels"]) >= len(frame["nodes"])
    kind, _, level, _, _, _, _, width, _, _, lines = frame["labels"][0]
    assert kind == 0 and level >= 0 and width > 0 and lines[0][1] >= 11
    assert frame["roles"][str(next(i for i, n in enumerate(data["nodes"]) if n["id"] == "vladimir-putin"))] == \
        "Russia's leader"
    assert set(data["view"]) == {"box", "levels", "pad", "min_height", "max_aspect", "max_scale", "halo", "slack",
                                 "line_height"}


def test_the_same_data_gives_the_same_page(example, page):
    assert render_html(snapshot(example, "2016-12-20")) == page


def test_every_text_from_the_data_is_escaped(write):
    html = render_html(snapshot(load(write(XSS_DATA)), "2016-12-20"), title="<script>alert('heading')</script>")
    tags = Tags(html)
    for bad in (*PAYLOADS, "<script>alert('heading')</script>", "<b onmouseover"):
        assert bad not in html
    # the document has exactly our elements: no injected tag and no event handler attribute
    assert [t for t, _ in tags.tags].count("script") == 3
    assert not [t for t, _ in tags.tags if t in ("img", "iframe", "b", "i")]
    assert not [(t, name) for t, attrs in tags.tags for name in attrs if name.startswith("on")]
    # the texts arrive intact, as text: in the markup and in the script's data
    text = " ".join(tags.text)
    assert "<script>alert('heading')</script>" in text and "<script>alert('title')</script>" in text
    [link] = tags.all("a")
    assert link["href"] == "https://example.org/\"><script>alert('url')</script>"
    data = payload(html)
    assert {n["name"] for n in data["nodes"]} >= {"<script>alert('name')</script>", "Eve & <i>co</i>"}
    assert data["nodes"][[n["id"] for n in data["nodes"]].index("mallory")]["description"] == (
        "</script><script>alert('description')</script>")


def test_only_web_links_become_links():
    g = nx.MultiDiGraph(date="2016-12-20", event_window="30d", types={})
    for node in "ab":
        g.add_node(node, name=node.upper(), kind="state", aliases=[])
    g.add_edge("a", "b", key="r", id="r", type="backs", sign=1, kind="stance", symmetric=False, start=None,
               start_precision=None, end=None, end_precision=None, date=None, date_precision=None,
               confidence=1.0, notes=None,
               sources=[{"id": "s", "title": "T", "publisher": None, "url": "javascript:alert(1)",
                         "published": None, "evidence": None}])
    html = render_html(g)
    assert "javascript:" not in html.split("<script>", 1)[0] and not Tags(html).all("a")
    assert payload(html)["sources"][0]["url"] is None


def test_a_series_has_a_slider_and_a_frame_per_date(series):
    tags = Tags(series)
    [slider] = [a for a in tags.all("input") if a.get("type") == "range"]
    assert (slider["min"], slider["max"], slider["value"]) == ("0", "3", "3")
    assert [b for b in tags.all("button") if "rg-play" in b.get("class", "")]
    assert "Relations from 2015-01-01 to 2016-12-20" in series
    data = payload(series)
    ids = [r["id"] for r in data["relations"]]
    shown = {f["date"]: {ids[k] for k in f["relations"]} for f in data["frames"]}
    assert "russia.hostile-to.turkey.2015-11" in shown["2016-01-01"]
    assert "russia.cooperates.turkey.2016-summer" not in shown["2016-01-01"]
    assert "russia.cooperates.turkey.2016-summer" in shown["2016-12-20"]
    assert "russia.hostile-to.turkey.2015-11" not in shown["2016-12-20"]
    assert [f["title"] for f in data["frames"]] == [f"Relations on {d}" for d in
                                                    ("2015-01-01", "2016-01-01", "2016-06-01", "2016-12-20")]
    december = data["frames"][-1]["caption"]
    assert december.startswith("22 actors and 42 relations on 2016-12-20")
    assert re.search(r"Since 2016-06-01: \d+ relations appeared, \d+ ended\.$", december)


def test_a_fragment_is_one_scoped_div_with_no_global_names(example):
    html = render_html(snapshot(example, "2016-12-20"), fragment=True)
    assert html.lstrip().startswith('<div class="relgraph-graph"') and html.rstrip().endswith("</div>")
    assert not re.search(r"<(html|head|body|meta|title)\b", html)
    tags = Tags(html)
    [style] = tags.styles
    for rule in re.findall(r"(?:^|})\s*([^{}@]+?)\s*\{", re.sub(r"/\*.*?\*/", "", style, flags=re.S)):
        for selector in rule.split(","):
            assert selector.strip().startswith(".relgraph-graph"), selector
    loader, data, script = tags.scripts
    assert loader.startswith("(function () {") and loader.rstrip().endswith("})();")
    assert json.loads(data)["frames"][0]["date"] == "2016-12-20"
    assert script.strip().startswith("(function (root, data) {") and script.rstrip().endswith(
        "JSON.parse(document.currentScript.previousElementSibling.textContent));")


def test_filters_show_in_the_caption(example):
    from relgraph.filters import Filters

    graph = Filters(actor="russia", depth=1, hide_events=True)(snapshot(example, "2016-12-20"))
    html = render_html(graph)
    assert "within 1 step of Russia; no events." in " ".join(" ".join(Tags(html).text).split())


def load_example():
    from relgraph import example_path

    return load(example_path())


def test_focus_and_every_relation_on_request(example):
    day = snapshot(example, "2016-12-20")
    focused = payload(render_html(day, focus=["Russia", "ankara"]))
    assert [focused["nodes"][i]["id"] for i in focused["focus"]] == ["russia", "turkey"] and focused["focused"]
    names = [lb for lb in focused["frames"][0]["labels"] if lb[0] == 0]
    assert {focused["nodes"][lb[1]]["id"] for lb in names[:2]} == {"russia", "turkey"}  # placed first
    assert all(t[2] for lb in names[:2] for t in lb[10][:1])  # in bold
    every = payload(render_html(day, all_relations=True))
    assert len(every["lines"]) == len(every["relations"]) == 42


def test_a_mixed_pair_is_told_in_the_data(example):
    data = payload(render_html(snapshot(example, "2016-07-01")))
    mixed = [ln["mixed"] for ln in data["lines"] if ln["mixed"]]
    assert "mixed: hostile-to until 2016-summer, cooperates from 2016-summer" in mixed

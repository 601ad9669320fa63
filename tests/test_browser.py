"""The pages in a real headless Chromium, with the network cut off: they draw, explain, and run no data.

Chromium is Debian's (``apt-get install chromium``, which CI does), driven by
Playwright's Python client; no browser is downloaded. Without it the tests
are skipped on a developer's machine, and fail in CI.
"""

import io
import os
import shutil
from pathlib import Path

import networkx as nx
import pytest
from PIL import Image, ImageChops
from render_cases import PAYLOADS, XSS_DATA

from relgraph.dataset import load
from relgraph.render.html import write_html
from relgraph.snapshot import snapshot

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("RELGRAPH_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        message = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"headless Chromium is required in CI: {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if CHROMIUM.exists() else Path(shutil.which("chromium"))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), args=ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A page opened offline, with every request outside the file refused and written down."""

    def __init__(self, browser, path: Path, width: int = 1280, height: int = 900,
                 ready: str = ".relgraph-graph[data-drawn]") -> None:
        self.context = browser.new_context(offline=True, viewport={"width": width, "height": height})
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: None if r.url == path.as_uri() else self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector(ready, timeout=30_000)

    def _route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def clean(self) -> None:
        assert (self.errors, self.requests, self.failed, self.dialogs) == ([], [], [], [])

    def where(self, actor: str, root: str = ".relgraph-graph") -> tuple[float, float]:
        """Viewport coordinates of an actor's node, its graph scrolled into view."""
        self.page.locator(f"{root} .rg-canvas").scroll_into_view_if_needed()
        return self.page.evaluate(
            """([sel, id]) => { const r = document.querySelector(sel);
                const p = r.relgraph.position(id), c = r.querySelector('.rg-canvas').getBoundingClientRect();
                return [c.x + p.x, c.y + p.y]; }""", [root, actor])

    def canvas(self, root: str = ".relgraph-graph") -> Image.Image:
        return Image.open(io.BytesIO(self.page.locator(f"{root} .rg-canvas").screenshot())).convert("RGB")

    def shown(self, root: str = ".relgraph-graph") -> dict:
        return self.page.evaluate("sel => document.querySelector(sel).relgraph.shown()", root)


def differing(a: Image.Image, b: Image.Image) -> int:
    """How many pixels differ between two screenshots of the same size."""
    return sum(ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 24 else 0).histogram()[255:])


def inked(image: Image.Image) -> float:
    """The share of a screenshot's pixels that are not white."""
    grey = image.convert("L").point(lambda v: 255 if v < 230 else 0)
    return grey.histogram()[255] / (image.size[0] * image.size[1])


@pytest.fixture(scope="module")
def example_page(example, tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "moscow.html"
    write_html(snapshot(example, "2016-12-20"), path)
    return path


@pytest.fixture(scope="module")
def empty_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "empty.html"
    write_html(nx.MultiDiGraph(date="2016-12-20", event_window="30d", types={}), path)
    return path


def test_the_page_draws_offline_with_no_error_and_no_request(browser, example_page, empty_page):
    visit = Visit(browser, example_page)
    visit.page.wait_for_timeout(200)
    drawn = visit.canvas()
    visit.clean()
    empty = Visit(browser, empty_page)
    blank = empty.canvas()
    empty.clean()
    assert inked(drawn) > 0.02 and inked(blank) < 0.001
    # the canvas shows the date's actors and relations, and the legend explains them
    assert len(visit.shown()["actors"]) == 22 and len(visit.shown()["relations"]) == 42
    legend = visit.page.locator(".rg-legend li")
    assert legend.count() > 30 and legend.filter(has_text="backs (+)").is_visible()
    # names are drawn on the canvas by the page, which reports them
    names = {lb["text"] for lb in visit.page.evaluate("() => document.querySelector('.relgraph-graph').relgraph.labels()")}
    assert {"Russia", "Turkey", "Iran", "Assad regime"} <= names
    assert visit.page.locator(".rg-legend li", has_text="government").locator("svg").is_visible()
    assert "22 actors and 42 relations on 2016-12-20" in visit.page.locator(".rg-caption").inner_text()
    visit.context.close()
    empty.context.close()


def test_tooltips_and_the_pinned_panel_cite_the_sources(browser, example_page):
    visit = Visit(browser, example_page)
    page = visit.page
    page.mouse.move(*visit.where("russia"))
    tip = page.locator(".rg-tip")
    tip.wait_for(state="visible")
    text = "\n".join(line for line in tip.inner_text().splitlines() if line.strip())
    assert text.startswith("Russia\nstate, RUS\nAlso: Russian Federation, Moscow")
    assert "relations on 2016-12-20:" in text and "Russia backs Assad regime (+)" in text
    (ux, uy), (vx, vy) = visit.where("vladimir-putin"), visit.where("russia")
    page.mouse.move((ux + vx) / 2, (uy + vy) / 2)
    # waits go through selectors: the page's policy forbids the eval that wait_for_function needs
    page.wait_for_selector(".rg-tip h3:text-is('Vladimir Putin leads Russia')")
    page.mouse.click((ux + vx) / 2, (uy + vy) / 2)
    panel = page.locator(".rg-panel")
    assert "+ positive stance, from 2012-05-07 (day), ongoing" in panel.inner_text()
    assert "confidence" in panel.inner_text() and "Evidence: " in panel.inner_text()
    # the article's record has no address (its text gives none), so its title is not a link
    assert "Russia, Iran and Turkey to confer in Moscow on Syria" in panel.inner_text()
    assert panel.locator("a").count() == 0
    page.mouse.click(5, 5)
    (ux, uy), (vx, vy) = visit.where("russia"), visit.where("draft-s-2016-1026")
    page.mouse.click((ux + vx) / 2, (uy + vy) / 2)  # the veto cites the UN's list, which has one
    link = page.locator(".rg-panel a")
    assert link.get_attribute("href") == "https://research.un.org/en/docs/sc/quick/veto"
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.mouse.click(5, 5)
    visit.clean()
    visit.context.close()


def test_data_that_holds_markup_runs_nothing(browser, write, tmp_path):
    path = tmp_path / "xss.html"
    write_html(snapshot(load(write(XSS_DATA)), "2016-12-20"), path, title="<img src=x onerror=alert('heading')>")
    visit = Visit(browser, path)
    page = visit.page
    seen = ""
    for actor in ("mallory", "trudy", "eve"):
        page.mouse.move(*visit.where(actor))
        page.locator(".rg-tip").wait_for(state="visible")
        seen += page.locator(".rg-tip").inner_text()
        page.mouse.click(*visit.where(actor))
        seen += page.locator(".rg-panel").inner_text()
    for u, v in (("mallory", "trudy"), ("eve", "mallory")):
        (ux, uy), (vx, vy) = visit.where(u), visit.where(v)
        page.mouse.click((ux + vx) / 2, (uy + vy) / 2)
        seen += page.locator(".rg-panel").inner_text()
    page.mouse.click(*visit.where("eve"))
    page.wait_for_timeout(300)
    visit.clean()  # no alert, no error, no request (an injected <img src=x> would have asked for x)
    injected = page.evaluate("""() => ({
        img: document.querySelectorAll('img, iframe, object, embed').length,
        handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length,
        scripts: document.scripts.length, title: document.title })""")
    assert injected == {"img": 0, "handlers": 0, "scripts": 3,
                        "title": "<img src=x onerror=alert('heading')>"}
    for payload in PAYLOADS:
        assert payload in seen, payload
    visit.context.close()


def test_the_slider_shows_each_date_and_play_runs_through_them(browser, example, tmp_path):
    days = ["2015-01-01", "2015-12-01", "2016-06-01", "2016-12-20"]
    path = tmp_path / "series.html"
    write_html([snapshot(example, d) for d in days], path)
    visit = Visit(browser, path)
    page = visit.page
    last = visit.shown()
    assert last["date"] == "2016-12-20" and "russia.cooperates.turkey.2016-summer" in last["relations"]
    picture = visit.canvas()
    slider = page.locator(".rg-slider")
    slider.focus()
    page.keyboard.press("Home")
    first = visit.shown()
    assert first["date"] == "2015-01-01" and page.locator(".rg-date").inner_text() == "2015-01-01"
    assert len(first["relations"]) < len(last["relations"])
    assert "russia.cooperates.turkey.2016-summer" not in first["relations"]
    page.keyboard.press("ArrowRight")
    december = visit.shown()
    assert december["date"] == "2015-12-01"
    assert "russia.hostile-to.turkey.2015-11" in december["relations"]
    assert "russia.cooperates.turkey.2016-summer" not in december["relations"]
    assert page.locator(".rg-caption").inner_text().startswith(f"{len(december['actors'])} actors and "
                                                               f"{len(december['relations'])} relations on 2015-12-01")
    page.wait_for_timeout(100)
    assert differing(visit.canvas(), picture) > 1000
    page.locator(".rg-play").click()
    page.wait_for_selector(".relgraph-graph[data-date='2016-12-20']", timeout=10_000)
    assert page.locator(".rg-play").get_attribute("aria-label") == "Play through the dates"
    visit.clean()
    visit.context.close()


def test_two_fragments_work_on_one_page_and_add_no_global_but_vis(browser, example, tmp_path):
    from relgraph.render.html import render_html

    one = render_html(snapshot(example, "2016-12-20"), fragment=True)
    two = render_html([snapshot(example, d) for d in ("2016-01-01", "2016-12-20")], fragment=True,
                      title="Russia and Turkey")
    # a host page with an AMD loader, as many report templates have: the fragments must not feed it vis
    host = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Report</title>"
            "<script>window.define = function () { window.amdUsed = true; }; window.define.amd = {};"
            "window.before = Object.keys(window);</script></head><body><h1>Report</h1>"
            f"<section id='a'>{one}</section><p>Between the graphs.</p><section id='b'>{two}</section>"
            "</body></html>")
    path = tmp_path / "report.html"
    path.write_text(host, encoding="utf-8")
    visit = Visit(browser, path)
    page = visit.page
    page.wait_for_selector("#b .relgraph-graph[data-drawn]")
    added = page.evaluate("() => Object.keys(window).filter(k => k !== 'before' && !window.before.includes(k))")
    assert sorted(added) == ["vis"]
    assert page.evaluate("() => window.amdUsed === undefined")
    assert visit.shown("#a .relgraph-graph")["date"] == "2016-12-20"
    assert visit.shown("#b .relgraph-graph")["date"] == "2016-12-20"
    page.locator("#b .rg-slider").focus()
    page.keyboard.press("Home")
    assert visit.shown("#b .relgraph-graph")["date"] == "2016-01-01"
    assert visit.shown("#a .relgraph-graph")["date"] == "2016-12-20"  # the other graph did not move
    for root in ("#a .relgraph-graph", "#b .relgraph-graph"):
        page.mouse.move(*visit.where("russia", root))
        page.locator(f"{root} .rg-tip").wait_for(state="visible")
        assert page.locator(f"{root} .rg-tip h3").inner_text() == "Russia"
    # the fragments' style stays inside them
    assert page.evaluate("() => getComputedStyle(document.querySelector('h1')).fontFamily") == \
        page.evaluate("() => { const h = document.createElement('h1'); document.body.append(h);"
                      " return getComputedStyle(h).fontFamily; }")
    visit.clean()
    visit.context.close()


# -- issue 13: legibility, one line per pair, focus, dates, report widths, pyvis -------------------------------

LABELS = "sel => document.querySelector(sel).relgraph.labels()"


def graph_of(visit, root=".relgraph-graph"):
    return visit.page.evaluate(f"() => document.querySelector('{root}').relgraph")


def hover_between(visit, u, v, root=".relgraph-graph"):
    (ux, uy), (vx, vy) = visit.where(u, root), visit.where(v, root)
    visit.page.mouse.move((ux + vx) / 2, (uy + vy) / 2)


@pytest.fixture(scope="module")
def monthly_page(example, tmp_path_factory):
    """The monthly series of the issue, with roles noted as `relgraph render` notes them."""
    from relgraph.render.roles import recent_roles

    graphs = [snapshot(example, f"{y}-{m:02d}-01") for y in (2015, 2016) for m in range(1, 13)]
    recent_roles(graphs, lambda days: [snapshot(example, d) for d in days])
    path = tmp_path_factory.mktemp("pages") / "monthly.html"
    write_html(graphs, path)
    return path, graphs


@pytest.mark.parametrize("width", [900, 1400])
def test_labels_are_drawn_where_python_computes_them_and_stand_clear(browser, monthly_page, width):
    """What Chromium draws is what relgraph.render.legibility measures: the same canvas, scale and label
    boxes; every label clear of the others, of lines and of shapes, on every date; names at least 11 px."""
    from relgraph.render.legibility import check, drawing_of, probe
    from relgraph.render.scene import build_scene

    path, graphs = monthly_page
    scene = build_scene(graphs)
    visit = Visit(browser, path, width=width, height=1000)
    page = visit.page
    for k in (0, 6, 13, 18, 23):  # dates before, during and after the rupture with Turkey
        page.evaluate("k => document.querySelector('.relgraph-graph').relgraph.show(k)", k)
        page.wait_for_selector(f".relgraph-graph[data-date='{scene.frames[k].date}']")
        page.wait_for_timeout(50)
        seen = probe(page)
        expected = drawing_of(scene, scene.frames[k], int(seen.width))
        assert (seen.width, seen.height) == (expected.width, expected.height)
        assert seen.scale == pytest.approx(expected.scale, rel=1e-6)
        result = check(seen, explain=True)
        assert result.clear, (scene.frames[k].date, result.problems)
        if width == 900:
            assert result.min_px >= 11
        ours = sorted((d.text, d.corners[0]) for d in seen.labels)
        theirs = sorted((d.text, d.corners[0]) for d in expected.labels)
        assert [t for t, _ in ours] == [t for t, _ in theirs]
        for (_, a), (_, b) in zip(ours, theirs, strict=True):
            assert a == pytest.approx(b, abs=0.5)
        # the browser's font is no wider than the box Python set for it
        for drawn in page.evaluate(LABELS, ".relgraph-graph"):
            assert drawn["textWidth"] <= drawn["width"] - 3.9, drawn
    visit.clean()
    visit.context.close()


def test_one_line_per_pair_with_every_relation_on_hover_and_in_the_panel(browser, example_page, example, tmp_path):
    visit = Visit(browser, example_page)
    page = visit.page
    edges = page.evaluate("() => document.querySelector('.relgraph-graph').relgraph.network.body.data.edges.length")
    assert edges == visit.shown()["lines"] < 42
    hover_between(visit, "russia", "assad-regime")
    page.wait_for_selector(".rg-tip:not([hidden])")
    tip = page.locator(".rg-tip").inner_text()
    assert "Russia backs Assad regime" in tip and "Russia fights-alongside Assad regime" in tip
    assert "2 relations" in tip
    (ux, uy), (vx, vy) = visit.where("russia"), visit.where("assad-regime")
    page.mouse.click((ux + vx) / 2, (uy + vy) / 2)
    panel = page.locator(".rg-panel").inner_text()
    assert panel.count("Evidence: ") >= 2 and "Russia, Iran and Turkey to confer in Moscow on Syria" in panel
    visit.clean()
    visit.context.close()
    every = tmp_path / "every.html"
    write_html(snapshot(example, "2016-12-20"), every, all_relations=True)
    visit = Visit(browser, every)
    assert visit.page.evaluate(
        "() => document.querySelector('.relgraph-graph').relgraph.network.body.data.edges.length") == 42
    visit.clean()
    visit.context.close()


def test_a_pair_of_both_signs_says_mixed(browser, monthly_page):
    path, _ = monthly_page
    visit = Visit(browser, path)
    page = visit.page
    page.locator(".rg-slider").fill("18")  # 2016-07-01
    page.wait_for_selector(".relgraph-graph[data-date='2016-07-01']")
    hover_between(visit, "russia", "turkey")
    page.wait_for_selector(".rg-tip .rg-mixed")
    assert page.locator(".rg-tip .rg-mixed").inner_text() == (
        "mixed: hostile-to until 2016-summer, cooperates from 2016-summer")
    visit.clean()
    visit.context.close()


def test_the_tooltip_goes_when_the_pointer_leaves_the_canvas(browser, example_page):
    visit = Visit(browser, example_page)
    page = visit.page
    x, y = visit.where("russia")
    page.mouse.move(x, y)
    page.locator(".rg-tip").wait_for(state="visible")
    box = page.locator(".rg-canvas").bounding_box()
    page.mouse.move(x, box["y"] - 8, steps=1)  # straight off the canvas: vis-network sends no blur
    page.locator(".rg-tip").wait_for(state="hidden")
    visit.clean()
    visit.context.close()


def test_series_pages_title_caption_and_legend_follow_the_date(browser, monthly_page):
    path, _ = monthly_page
    visit = Visit(browser, path)
    page = visit.page
    hostile = page.locator(".rg-legend li[data-type='hostile-to']")
    brokers = page.locator(".rg-legend li[data-type='brokers']")
    assert page.locator(".rg-subtitle").inner_text() == "Relations on 2016-12-01"
    assert brokers.is_visible() and not hostile.is_visible()
    page.locator(".rg-slider").fill("12")
    page.wait_for_selector(".relgraph-graph[data-date='2016-01-01']")
    assert page.locator(".rg-subtitle").inner_text() == "Relations on 2016-01-01"
    assert page.locator(".rg-caption").inner_text().startswith(f"{len(visit.shown()['actors'])} actors and ")
    assert " on 2016-01-01: " in page.locator(".rg-caption").inner_text()
    assert hostile.is_visible() and not brokers.is_visible()
    visit.clean()
    visit.context.close()


def test_the_focus_is_larger_bold_and_the_rest_dimmed(browser, example, tmp_path):
    path = tmp_path / "focus.html"
    write_html(snapshot(example, "2016-12-20"), path, focus=["Russia", "Turkey"])
    visit = Visit(browser, path)
    page = visit.page
    labels = {lb["text"]: lb for lb in page.evaluate(LABELS, ".relgraph-graph")}
    assert labels["Russia"]["bold"] and labels["Turkey"]["bold"] and not labels["Iran"]["bold"]
    assert labels["Russia"]["px"] == 13 and labels["Iran"]["px"] == 12
    assert labels["Sergei Lavrov Russian Foreign Ministry's leader"]["dim"] and not labels["Assad regime"]["dim"]
    opacity = page.evaluate("""() => { const d = document.querySelector('.relgraph-graph').relgraph.network.body.data.nodes;
        return Object.fromEntries(d.get().map(n => [n.id, n.opacity])); }""")
    ids = page.evaluate("() => Object.fromEntries(JSON.parse(document.querySelector('script[type=\"application/json\"]')"
                        ".textContent).nodes.map((n, i) => [n.id, i]))")
    assert opacity[str(ids["sergei-lavrov"])] == 0.3 and opacity[str(ids["russia"])] == 1
    assert opacity[str(ids["assad-regime"])] == 1  # a neighbour of the focus keeps its colour
    # context is kept: every actor is still drawn
    assert len(visit.shown()["actors"]) == 22
    assert "the actors this figure is about" in page.locator(".rg-legend").inner_text()
    visit.clean()
    visit.context.close()


def test_candidates_are_drawn_dotted_and_lighter_with_a_legend_row(browser, write, tmp_path):
    from relgraph.filters import Filters

    data = write("""
actors:
  - {id: a, name: Alpha, kind: state}
  - {id: b, name: Beta, kind: state}
  - {id: c, name: Gamma, kind: armed-group}
relations:
  - {id: r1, source: a, type: backs, target: b, start: 2016}
  - {id: r2, source: c, type: opposes, target: a, start: 2016, review: pending}
""")
    path = tmp_path / "candidates.html"
    write_html(Filters(candidates=True)(snapshot(load(data), "2016-12-20")), path)
    visit = Visit(browser, path)
    page = visit.page
    assert page.locator(".rg-legend li.rg-candidates").is_visible()
    styles = page.evaluate("""() => document.querySelector('.relgraph-graph').relgraph.network.body.data.edges.get()
        .map(e => [e.dashes, e.color.color])""")
    assert sorted(map(str, styles)) == sorted(map(str, [[False, "#0072B2"], [[2, 4], "#EAAF80"]]))
    assert "1 candidate relation waiting for review, drawn dotted." in page.locator(".rg-caption").inner_text()
    visit.clean()
    visit.context.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("report_build", root / "examples" / "report" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build.build(tmp_path_factory.mktemp("report") / "report.html")


@pytest.mark.parametrize("width", [600, 900, 1400])
def test_the_example_report_at_real_widths(browser, report, width):
    """Every figure draws, fits the column, and its legend is reached by scrolling the page, never a box."""
    from relgraph.render.legibility import check, probe

    visit = Visit(browser, report, width=width, height=900)
    page = visit.page
    figures = page.locator(".relgraph-graph")
    assert figures.count() >= 2
    for k in range(figures.count()):
        root = f"figure:nth-of-type({k + 1}) .relgraph-graph"
        page.wait_for_selector(f"{root}[data-drawn]")
        frame = page.locator(root).bounding_box()
        assert frame["x"] >= 0 and frame["x"] + frame["width"] <= width + 0.5  # no sideways scrolling
        legend = page.locator(f"{root} .rg-legend")
        legend.scroll_into_view_if_needed()
        assert legend.is_visible()
        scrolled = page.evaluate("""sel => { let e = document.querySelector(sel);
            const out = []; while (e && !e.classList.contains('relgraph-graph')) {
              const s = getComputedStyle(e); if (/(auto|scroll|hidden)/.test(s.overflowY + s.overflowX)) out.push(e.className);
              e = e.parentElement; } return out; }""", f"{root} .rg-legend")
        assert scrolled == []
        rows = page.locator(f"{root} .rg-legend li:not([hidden])")
        for i in range(rows.count()):
            row = rows.nth(i).bounding_box()
            assert row["width"] > 0 and row["x"] + row["width"] <= width + 0.5
        result = check(probe(page, root))
        assert result.clear, (width, k)
        if width >= 900:
            assert result.min_px >= 11
    visit.clean()
    visit.context.close()


def test_the_fragment_api_finds_and_highlights_an_actor(browser, report):
    visit = Visit(browser, report, width=1200)
    page = visit.page
    root = "#moscow .relgraph-graph"
    find = "([sel, text]) => document.querySelector(sel).relgraph.find(text)"
    assert page.evaluate(find, [root, "Ankara"]) == "turkey"
    assert page.evaluate(find, [root, "recep tayyip erdogan"]) == "recep-tayyip-erdogan"  # accents aside
    assert page.evaluate(find, [root, "Karlov"]) == "andrei-karlov"  # a unique part of a name
    assert page.evaluate(find, [root, "Aleppo"]) is None  # several actors: none chosen
    page.locator("button[data-actor='Karlov']").click()  # the report's own links use the API
    assert page.locator(f"{root} .rg-panel h3").inner_text() == "Andrei Karlov"
    assert page.evaluate("sel => document.querySelector(sel).relgraph.highlight('turkey')", root) == 1
    assert page.locator(f"{root} .rg-panel h3").inner_text() == "Turkey"
    selected = page.evaluate("sel => document.querySelector(sel).relgraph.network.getSelectedNodes()", root)
    assert len(selected) == 1
    x, y = visit.where("turkey", root)
    canvas = page.locator(f"{root} .rg-canvas").bounding_box()
    assert canvas["x"] <= x <= canvas["x"] + canvas["width"] and canvas["y"] <= y <= canvas["y"] + canvas["height"]
    assert page.evaluate("sel => document.querySelector(sel).relgraph.position('no-such-actor')", root) is None
    visit.clean()
    visit.context.close()


def test_a_to_pyvis_page_written_the_documented_way_draws_offline(browser, example, tmp_path):
    from relgraph.render import to_pyvis

    path = tmp_path / "pyvis.html"
    to_pyvis(snapshot(example, "2016-12-20")).write_html(str(path))
    visit = Visit(browser, path, ready="body[data-drawn]")
    visit.page.wait_for_timeout(200)
    shot = Image.open(io.BytesIO(visit.page.locator("#mynetwork").screenshot())).convert("RGB")
    assert inked(shot) > 0.01
    assert visit.page.evaluate("() => network.body.data.nodes.length") == 22
    x, y = visit.page.evaluate("() => { const p = network.canvasToDOM(network.getPosition('russia'));"
                               " const r = document.getElementById('mynetwork').getBoundingClientRect();"
                               " return [r.x + p.x, r.y + p.y]; }")
    visit.page.mouse.move(x, y)
    tip = visit.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("Russia\nstate, RUS")
    visit.clean()  # no error, and no request left the page
    visit.context.close()

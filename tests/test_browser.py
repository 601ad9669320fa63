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

    def __init__(self, browser, path: Path, width: int = 1280, height: int = 900) -> None:
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
        self.page.wait_for_selector(".relgraph-graph[data-drawn]", timeout=30_000)

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
    assert drawn.size == blank.size
    assert differing(drawn, blank) > 0.02 * drawn.size[0] * drawn.size[1]
    # the canvas shows the date's actors and relations, and the legend explains them
    assert visit.shown()["actors"].__len__() == 22 and len(visit.shown()["relations"]) == 42
    legend = visit.page.locator(".rg-legend li")
    assert legend.count() > 30 and legend.filter(has_text="backs (+)").is_visible()
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

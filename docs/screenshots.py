"""Take the README's screenshots of the example in headless Chromium (Debian's /usr/bin/chromium).

    python docs/screenshots.py      # writes docs/syria-2016-12-20.png and docs/syria-2015-2016-slider.png

Both are taken 900 px wide, a report's column, as ``relgraph render`` writes the pages (roles that
ended in each date's window noted). Nothing hovers over the graph: what the panel shows was pinned by a
click, under the graph.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import relgraph
from relgraph.render.html import write_html
from relgraph.render.roles import recent_roles

DOCS = Path(__file__).resolve().parent
WIDTH = 900
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WHERE = """([sel, id]) => { const r = document.querySelector(sel);
  const p = r.relgraph.position(id), c = r.querySelector('.rg-canvas').getBoundingClientRect();
  return [c.x + p.x, c.y + p.y]; }"""


def pin_line(page: Any, a: str, b: str) -> None:
    """Click the line between actors ``a`` and ``b`` (its middle), so the panel under the graph shows it."""
    (ax, ay), (bx, by) = (page.evaluate(WHERE, [".relgraph-graph", x]) for x in (a, b))
    page.mouse.click((ax + bx) / 2, (ay + by) / 2)
    page.mouse.move(1, 1)  # then away, so that no tooltip covers the graph
    page.wait_for_selector(".rg-tip[hidden]", state="attached")


def main() -> None:
    from playwright.sync_api import sync_playwright

    with relgraph.open() as rg:
        day = rg.snapshot("2016-12-20")
        series = rg.series("2015-01-01", "2016-12-20", "1M")
        recent_roles([day, *series], rg.snapshots)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": 1000}, device_scale_factor=1)

        path = Path(folder) / "day.html"
        write_html(day, path)
        page.goto(path.as_uri())
        page.wait_for_selector(".relgraph-graph[data-drawn]")
        pin_line(page, "russia", "assad-regime")
        page.screenshot(path=DOCS / "syria-2016-12-20.png", full_page=True)

        path = Path(folder) / "series.html"
        write_html(series, path, focus=["Russia", "Turkey"])
        page.goto(path.as_uri())
        page.wait_for_selector(".relgraph-graph[data-drawn]")
        dates = [g.graph["date"] for g in series]
        page.locator(".rg-slider").fill(str(dates.index("2016-07-01")))
        page.wait_for_selector(".relgraph-graph[data-date='2016-07-01']")
        pin_line(page, "russia", "turkey")
        page.screenshot(path=DOCS / "syria-2015-2016-slider.png", full_page=True)
        browser.close()
    print(f"Wrote {DOCS / 'syria-2016-12-20.png'} and {DOCS / 'syria-2015-2016-slider.png'}")


if __name__ == "__main__":
    main()

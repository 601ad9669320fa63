"""Take the README's screenshots of the example in headless Chromium (Debian's /usr/bin/chromium).

    python docs/screenshots.py      # writes docs/syria-2016-12-20.png and docs/syria-2015-2016-slider.png
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import relgraph
from relgraph.render.html import write_html

DOCS = Path(__file__).resolve().parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WHERE = """([sel, id]) => { const r = document.querySelector(sel);
  const p = r.relgraph.position(id), c = r.querySelector('.rg-canvas').getBoundingClientRect();
  return [c.x + p.x, c.y + p.y]; }"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    with relgraph.open() as rg:
        day, series = rg.snapshot("2016-12-20"), rg.series("2015-01-01", "2016-12-20", "1M")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)

        path = Path(folder) / "day.html"
        write_html(day, path)
        page.goto(path.as_uri())
        page.wait_for_selector(".relgraph-graph[data-drawn]")
        ends = ("vladimir-putin", "russia")
        (ux, uy), (vx, vy) = (page.evaluate(WHERE, [".relgraph-graph", a]) for a in ends)
        page.mouse.click((ux + vx) / 2, (uy + vy) / 2)  # pin a relation, with its source, in the panel
        page.mouse.move(*page.evaluate(WHERE, [".relgraph-graph", "turkey"]))
        page.wait_for_selector(".rg-tip:not([hidden])")
        page.screenshot(path=DOCS / "syria-2016-12-20.png", full_page=True)

        path = Path(folder) / "series.html"
        write_html(series, path)
        page.goto(path.as_uri())
        page.wait_for_selector(".relgraph-graph[data-drawn]")
        dates = [g.graph["date"] for g in series]
        page.locator(".rg-slider").fill(str(dates.index("2016-01-01")))
        page.wait_for_selector(".relgraph-graph[data-date='2016-01-01']")
        page.mouse.move(*page.evaluate(WHERE, [".relgraph-graph", "turkey"]))
        page.wait_for_selector(".rg-tip:not([hidden])")
        page.screenshot(path=DOCS / "syria-2015-2016-slider.png", full_page=True)
        browser.close()
    print(f"Wrote {DOCS / 'syria-2016-12-20.png'} and {DOCS / 'syria-2015-2016-slider.png'}")


if __name__ == "__main__":
    main()

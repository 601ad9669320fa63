"""Render benchmark: relgraph's page against pyvis's stock output of the same graph, in headless Chromium.

For synthetic snapshots of 100, 1,000 and 5,000 actors (factions of about a
dozen actors that back each other and oppose neighbouring factions, a few
neutral ties and events; every relation cites a source with an evidence
note; about 2.5 relations per actor), prints:

* the time to write the page (relgraph: layout included) and its size;
* the time until the page has drawn in headless Chromium, from navigation
  start to vis-network's first ``afterDrawing``, network cut off;
* the same for pyvis's stock page (``Network.from_nx`` then ``write_html``,
  ``cdn_resources="in_line"``): vis-network is inlined, but the stock template
  still links Bootstrap from a CDN, and those requests fail offline (counted).
  Its physics is on, so it also reports when stabilisation ends.

Usage:
    python benchmarks/render.py                 # 100, 1000, 5000 actors
    python benchmarks/render.py --sizes 100     # fewer
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import tempfile
import time
from datetime import date
from pathlib import Path

import networkx as nx

from relgraph.dates import PartialDate
from relgraph.model import BUILTIN_TYPES, Actor, Citation, Dataset, Relation, Source
from relgraph.render.html import write_html
from relgraph.snapshot import snapshot

DAY = date(2016, 12, 20)
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KINDS = ["state", "government", "person", "armed-group", "organisation", "coalition"]
FRIENDLY = ["backs", "cooperates", "fights-alongside", "leads"]
HOSTILE = ["opposes", "fights", "hostile-to"]
EVENTS = ["meets", "attacks", "accepts", "excludes"]

# Catch vis-network's constructor in the stock page, which defines vis itself, to time its first drawing.
HOOK = """
window.__drawn = null; window.__stable = null;
const holder = {}; let Real;
Object.defineProperty(holder, 'Network', { configurable: true, enumerable: true,
  set(v) { Real = v; },
  get() { return Real && function (...a) { const n = new Real(...a);
    n.once('afterDrawing', () => { window.__drawn = performance.now(); });
    n.once('stabilizationIterationsDone', () => { window.__stable = performance.now(); });
    return n; }; } });
window.vis = holder;
"""


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """The snapshot on 2016-12-20 of a generated dataset with ``n`` actors."""
    rnd = random.Random(seed)
    actors = {f"a{i:05d}": Actor(f"a{i:05d}", f"Actor {i}", KINDS[i % len(KINDS)], aliases=(f"A{i}",),
                                 description=f"Synthetic actor number {i}.") for i in range(n)}
    sources = [Source(f"s{k}", f"Report {k} on the conflict", "Agency", f"https://example.org/r/{k}",
                      PartialDate.parse("2016-12")) for k in range(20)]
    ids = sorted(actors)
    faction = 12
    relations: dict[str, Relation] = {}
    for k in range(int(2.5 * n)):
        u = rnd.randrange(n)
        roll = rnd.random()
        if roll < 0.5:
            v, name = (u // faction) * faction + rnd.randrange(faction), rnd.choice(FRIENDLY)
        elif roll < 0.85:
            v = (u + faction * rnd.choice([-2, -1, 1, 2]) + rnd.randrange(faction)) % n
            name = rnd.choice(HOSTILE)
        elif roll < 0.92:
            v, name = rnd.randrange(n), "negotiates-with"
        else:
            v, name = rnd.randrange(n), rnd.choice(EVENTS)
        v = min(v, n - 1)
        if u == v:
            continue
        rtype = BUILTIN_TYPES[name]
        when = {"date": PartialDate.parse("2016-12-10")} if rtype.kind == "event" else {
            "start": PartialDate.parse(f"{rnd.randint(2011, 2016)}-{rnd.randint(1, 12):02d}")}
        cite = Citation(rnd.choice(sources), f"Evidence note {k}: what the report says about the two.")
        rid = f"r{k}"
        relations[rid] = Relation(rid, ids[u], name, ids[v], rtype.sign,
                                  confidence=round(rnd.uniform(0.5, 1), 2), sources=(cite,), **when)
    return snapshot(Dataset(actors=actors, relations=relations, sources={s.id: s for s in sources}), DAY)


def stock(graph: nx.MultiDiGraph, path: Path) -> None:
    from pyvis.network import Network

    net = Network(height="750px", width="100%", directed=True, cdn_resources="in_line")
    net.from_nx(graph)
    net.write_html(str(path))


def timed(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def draw_time(browser, path: Path, hook: bool, timeout: float) -> tuple[float | None, float | None, int]:
    """Seconds from navigation to the first drawing (and to stabilisation); failed requests."""
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    failed: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (failed.append(route.request.url), route.abort()))
    page = context.new_page()
    if hook:
        page.add_init_script(HOOK)
    page.goto(path.as_uri(), wait_until="commit")
    deadline = time.monotonic() + timeout
    drawn = stable = None
    while time.monotonic() < deadline:
        if hook:
            drawn, stable = page.evaluate("() => [window.__drawn, window.__stable]")
        else:
            value = page.locator(".relgraph-graph").get_attribute("data-drawn") if page.locator(
                ".relgraph-graph").count() else None
            drawn = float(value) if value else None
        if drawn is not None and (not hook or stable is not None):
            break
        time.sleep(0.05)
    context.close()
    return seconds(drawn), seconds(stable), len(failed)


def seconds(ms: float | None) -> float | None:
    return None if ms is None else ms / 1000


def show(value: float | None) -> str:
    return "    --  " if value is None else f"{value:7.2f}s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--timeout", type=float, default=300.0, help="Seconds to wait for a page to draw.")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, Chromium at {CHROMIUM}")
    print(f"{'actors':>6} {'relations':>9} | {'relgraph: write':>15} {'size':>7} {'drawn':>8} | "
          f"{'pyvis stock: write':>18} {'size':>7} {'drawn':>8} {'stable':>8} {'failed':>6}")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in args.sizes:
            graph = synthetic(n)
            ours, theirs = Path(folder) / f"ours-{n}.html", Path(folder) / f"stock-{n}.html"
            write_ours = timed(write_html, graph, ours)
            write_stock = timed(stock, graph, theirs)
            drawn, _, _ = draw_time(browser, ours, False, args.timeout)
            stock_drawn, stock_stable, failed = draw_time(browser, theirs, True, args.timeout)
            print(f"{graph.number_of_nodes():>6} {graph.number_of_edges():>9} | {write_ours:14.2f}s "
                  f"{ours.stat().st_size / 1e6:6.2f}M {show(drawn)} | {write_stock:17.2f}s "
                  f"{theirs.stat().st_size / 1e6:6.2f}M {show(stock_drawn)} {show(stock_stable)} {failed:>6}",
                  flush=True)
        browser.close()


if __name__ == "__main__":
    main()

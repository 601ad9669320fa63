"""Render benchmark: legibility and speed of relgraph's pages, beside the renderer of commit 95e70fe.

Two renderers are measured in the same run, in headless Chromium (Debian's
/usr/bin/chromium, network cut off): **this checkout** and the **base**, the
renderer before issue 13 (commit 95e70fe, unpacked with ``git archive`` into a
temporary folder unless ``--base DIR`` gives a checkout). Each writes its
pages in its own process (``PYTHONPATH`` set to its tree), as ``relgraph render``
would (this checkout also notes the roles that ended in each window, as the
command does); each page is opened at 900 and 1400 px wide and 1000 px high.

**Legibility**, by :mod:`relgraph.render.legibility`: :func:`probe` reads what
the page drew (vis-network's shapes and lines; names and line labels, as
vis-network sized them for the base, as the page reports them for this
checkout) and :func:`check` counts labels drawn and hidden, labels
overlapping another, labels crossed by a line, labels on a shape, and the
smallest label in CSS pixels. Pages:

* the example's monthly series 2015-01-01 .. 2016-12-01, one page, every date
  shown in turn with the slider's API;
* synthetic snapshots of 100, 1,000 and 5,000 actors (factions of about a
  dozen actors that back each other and oppose neighbouring factions, a few
  neutral ties and events; every relation cites a source; about 2.5
  relations per actor).

**Speed**: the time to write each synthetic page (in its process, layout and
label placement included), its size, and the time from navigation to
vis-network's first ``afterDrawing``; for reference, pyvis's stock page of
the same graph (``Network(cdn_resources="in_line").from_nx`` then
``write_html``, physics on, so also when stabilisation ends; its Bootstrap
links fail offline and are counted).

Usage:
    python benchmarks/render.py                           # everything
    python benchmarks/render.py --sizes 100 --no-stock    # less
    python benchmarks/render.py --base /tmp/relgraph-base # a base checkout already unpacked
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import networkx as nx

from relgraph.dates import PartialDate
from relgraph.model import BUILTIN_TYPES, Actor, Citation, Dataset, Relation, Source
from relgraph.render.legibility import Legibility, check, probe
from relgraph.snapshot import snapshot

ROOT = Path(__file__).resolve().parents[1]
BASE_COMMIT = "95e70fe"
DAY = date(2016, 12, 20)
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTHS = (900, 1400)
KINDS = ["state", "government", "person", "armed-group", "organisation", "coalition"]
FRIENDLY = ["backs", "cooperates", "fights-alongside", "leads"]
HOSTILE = ["opposes", "fights", "hostile-to"]
EVENTS = ["meets", "attacks", "accepts", "excludes"]

# Run in each renderer's own process: write a page as `relgraph render` would, and say how long it took.
WRITER = """
import json, sys, time
from relgraph.dataset import load
from relgraph.explorer import open as open_store
from relgraph.render.html import write_html
spec = json.loads(sys.argv[1])
with open_store(spec["data"]) as rg:
    graphs = rg.snapshots(spec["dates"])
    try:
        from relgraph.render.roles import recent_roles
    except ImportError:  # the base renderer has no roles
        pass
    else:
        recent_roles(graphs, rg.snapshots)
    start = time.perf_counter()
    write_html(graphs if len(graphs) > 1 else graphs[0], spec["out"])
    print(json.dumps({"seconds": time.perf_counter() - start}))
"""

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


def synthetic_dataset(n: int, seed: int = 1) -> Dataset:
    """A generated dataset with ``n`` actors; its snapshot on 2016-12-20 is the benchmark's graph."""
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
    return Dataset(actors=actors, relations=relations, sources={s.id: s for s in sources})


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """The snapshot on 2016-12-20 of :func:`synthetic_dataset`."""
    return snapshot(synthetic_dataset(n, seed), DAY)


def base_tree(given: str | None, folder: Path) -> Path:
    """The base renderer's source tree: ``given``, or commit 95e70fe unpacked from this repository."""
    if given:
        return Path(given)
    target = folder / "base"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASE_COMMIT], check=True,
                             capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def write_page(tree: Path, data: str, dates: list[str], out: Path) -> float:
    """Write a page with the renderer of ``tree``; the seconds its write took."""
    spec = json.dumps({"data": data, "dates": dates, "out": str(out)})
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", WRITER, spec], check=True, capture_output=True, text=True,
                          env=env, cwd=out.parent)
    return float(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])


def stock(graph: nx.MultiDiGraph, path: Path) -> None:
    from pyvis.network import Network

    from relgraph.render.interchange import export_graph

    net = Network(height="750px", width="100%", directed=True, cdn_resources="in_line")
    net.from_nx(export_graph(graph))  # dates as text: pyvis writes attributes as JSON
    net.write_html(str(path))


def open_page(browser, path: Path, width: int, *, hook: bool = False):
    context = browser.new_context(offline=True, viewport={"width": width, "height": 1000})
    failed: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (failed.append(route.request.url), route.abort()))
    page = context.new_page()
    if hook:
        page.add_init_script(HOOK)
    return context, page, failed


def draw_time(browser, path: Path, hook: bool, timeout: float) -> tuple[float | None, float | None, int]:
    """Seconds from navigation to the first drawing (and to stabilisation); failed requests."""
    context, page, failed = open_page(browser, path, 1280, hook=hook)
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


def legibility(browser, path: Path, width: int, dates: int, timeout: float) -> list[Legibility]:
    """:func:`check` of each date of the page at ``path``, in a window ``width`` px wide."""
    context, page, _ = open_page(browser, path, width)
    page.goto(path.as_uri())
    page.wait_for_selector(".relgraph-graph[data-drawn]", timeout=timeout * 1000)
    out = []
    for k in range(dates):
        if dates > 1:
            page.evaluate("k => document.querySelector('.relgraph-graph').relgraph.show(k)", k)
        page.wait_for_timeout(60)  # the next frame draws the date
        out.append(check(probe(page)))
    context.close()
    return out


def seconds(ms: float | None) -> float | None:
    return None if ms is None else ms / 1000


def show(value: float | None) -> str:
    return "    --  " if value is None else f"{value:7.2f}s"


def cells(r: Legibility) -> str:
    hidden = f"{r.hidden_names}+{r.hidden - r.hidden_names}"
    smallest = f"{r.min_px:5.1f}" if r.min_px is not None else "   --"
    return (f"{r.labels:>5} {hidden:>7} {r.overlapping:>5} {r.crossed:>5} {r.on_shapes:>5} {r.clipped:>4} "
            f"{smallest}")


HEAD = f"{'drawn':>5} {'hidden':>7} {'over':>5} {'cross':>5} {'shape':>5} {'clip':>4} {'minpx':>5}"


def example_section(browser, trees: dict[str, Path], folder: Path, timeout: float) -> None:
    dates = [f"{y}-{m:02d}-01" for y in (2015, 2016) for m in range(1, 13)]
    pages = {}
    for name, tree in trees.items():
        pages[name] = folder / f"example-{name}.html"
        write_page(tree, str(ROOT / "examples" / "syria-2016"), dates, pages[name])
    print(f"\nExample: monthly series {dates[0]} .. {dates[-1]} ({len(dates)} dates), one page each")
    print("labels drawn; hidden at this zoom (names+line labels); labels overlapping another, crossed by a "
          "line, on a shape, clipped; the smallest drawn, in CSS px")
    for width in WIDTHS:
        results = {name: legibility(browser, page, width, len(dates), timeout)
                   for name, page in pages.items()}
        print(f"\n{width} px wide    | {'base (95e70fe)':^41} | {'this checkout':^41}")
        print(f"{'date':<15} | {HEAD} | {HEAD}")
        for k, day in enumerate(dates):
            print(f"{day:<15} | {cells(results['base'][k])} | {cells(results['new'][k])}")
        for name in ("base", "new"):
            rs = results[name]
            print(f"  {name:>4}: {sum(r.overlapping for r in rs)} overlapping and "
                  f"{sum(r.crossed for r in rs)} "
                  f"crossed of {sum(r.labels for r in rs)} labels drawn over the dates; smallest "
                  f"{min(r.min_px or 0 for r in rs):.1f} px; {sum(r.hidden_names for r in rs)} names and "
                  f"{sum(r.hidden - r.hidden_names for r in rs)} line labels hidden")


def synthetic_section(browser, trees: dict[str, Path], folder: Path, sizes: list[int], timeout: float,
                      with_stock: bool) -> None:
    from relgraph.dataset import write

    print("\nSynthetic snapshots (one date): legibility at each width")
    print(f"{'actors':>6} {'width':>5} | {'base (95e70fe)':^41} {'over%':>6} | {'this checkout':^41} "
          f"{'over%':>6}")
    timing = []
    for n in sizes:
        data = folder / f"synthetic-{n}.jsonl"
        dataset = synthetic_dataset(n)
        write(dataset, data)
        graph = snapshot(dataset, DAY)
        written = {}
        for name, tree in trees.items():
            page = folder / f"synthetic-{n}-{name}.html"
            written[name] = (page, write_page(tree, str(data), [DAY.isoformat()], page))
        for width in WIDTHS:
            row = {name: legibility(browser, page, width, 1, timeout)[0]
                   for name, (page, _) in written.items()}
            print(f"{graph.number_of_nodes():>6} {width:>5} | {cells(row['base'])} "
                  f"{100 * row['base'].share_overlapping:>5.1f}% | {cells(row['new'])} "
                  f"{100 * row['new'].share_overlapping:>5.1f}%", flush=True)
        drawn = {name: draw_time(browser, page, False, timeout)[0] for name, (page, _) in written.items()}
        line = [graph.number_of_nodes(), graph.number_of_edges(), written, drawn]
        if with_stock:
            theirs = folder / f"stock-{n}.html"
            start = time.perf_counter()
            stock(graph, theirs)
            line += [time.perf_counter() - start, theirs, *draw_time(browser, theirs, True, timeout)]
        timing.append(line)
    print("\nSynthetic snapshots: time to write (in its process) and to draw (navigation to first drawing)")
    print(f"{'actors':>6} {'relations':>9} | {'base: write':>11} {'size':>7} {'drawn':>8} | "
          f"{'new: write':>10} {'size':>7} {'drawn':>8}"
          + (f" | {'pyvis stock: write':>18} {'size':>7} {'drawn':>8} {'stable':>8} {'failed':>6}"
             if with_stock else ""))
    for line in timing:
        nodes, edges, written, drawn = line[:4]
        (base, base_time), (new, new_time) = written["base"], written["new"]
        text = (f"{nodes:>6} {edges:>9} | {base_time:10.2f}s {base.stat().st_size / 1e6:6.2f}M "
                f"{show(drawn['base'])} | {new_time:9.2f}s {new.stat().st_size / 1e6:6.2f}M "
                f"{show(drawn['new'])}")
        if with_stock:
            write_stock, theirs, stock_drawn, stock_stable, failed = line[4:]
            text += (f" | {write_stock:17.2f}s {theirs.stat().st_size / 1e6:6.2f}M {show(stock_drawn)} "
                     f"{show(stock_stable)} {failed:>6}")
        print(text, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--base", help=f"A checkout of commit {BASE_COMMIT} [default: unpacked with git "
                                       "archive].")
    parser.add_argument("--no-example", action="store_true", help="Skip the example's series.")
    parser.add_argument("--no-stock", action="store_true", help="Skip pyvis's stock pages (slow: physics).")
    parser.add_argument("--timeout", type=float, default=600.0, help="Seconds to wait for a page to draw.")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {chromium}")
    with tempfile.TemporaryDirectory() as name, sync_playwright() as playwright:
        folder = Path(name)
        trees = {"base": base_tree(args.base, folder), "new": ROOT}
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        if not args.no_example:
            example_section(browser, trees, folder, args.timeout)
        if args.sizes:
            synthetic_section(browser, trees, folder, args.sizes, args.timeout, not args.no_stock)
        browser.close()


if __name__ == "__main__":
    main()

"""Everything relgraph prints for a terminal: tables of relations and results, and one-line summaries.

Every function returns text; the CLI prints it. JSON is not made here: each
result's ``to_dict()`` (and :func:`snapshot_json`) gives the versioned shape
of :mod:`relgraph.records`.

>>> print(table(("actor", "camp"), [("Iran", "1"), ("Syrian opposition", "2")]))
actor              camp
Iran               1
Syrian opposition  2
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from relgraph.collector import paused_collector
from relgraph.model import sign_symbol
from relgraph.records import envelope, when
from relgraph.snapshot import relations

if TYPE_CHECKING:
    import networkx as nx

    from relgraph.analysis import BalanceReport, BrokersReport, CampsResult, Diff, EgoReport, Timeline
    from relgraph.analysis.ego import TieTo
    from relgraph.dataset import Report
    from relgraph.explorer import Loaded
    from relgraph.ingest.articles.server import Server as CoreNLPServer
    from relgraph.ingest.events import ImportSummary
    from relgraph.ingest.review import MergeResult
    from relgraph.model import Dataset
    from relgraph.render import Written
    from relgraph.store.base import WriteSummary
    from relgraph.store.bulk import Imported
    from relgraph.store.server import Server

__all__ = [
    "IMPORT_PROBLEMS_SHOWN",
    "balance_text",
    "brokers_text",
    "bulk_imported_text",
    "bulk_step_text",
    "camps_text",
    "counts",
    "diff_text",
    "ego_text",
    "extracted_text",
    "imported_text",
    "loaded_text",
    "merged_text",
    "nlp_server_text",
    "relations_table",
    "server_text",
    "snapshot_json",
    "table",
    "timeline_text",
    "validated_text",
    "written_text",
]


def plural(n: int, word: str) -> str:
    """``1 source``, ``2 sources``.

    >>> plural(1, "source"), plural(0, "relation")
    ('1 source', '0 relations')
    """
    return f"{n} {word}{'' if n == 1 else 's'}"


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Columns padded to their widest cell, two spaces apart."""
    cells = [[str(c) for c in header], *([str(c) for c in row] for row in rows)]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells)


def _signed(kind: str, sign: int) -> str:
    """``+backs``, ``-opposes``; a neutral type reads as itself (``attends``)."""
    return f"{sign_symbol(sign)}{kind}" if sign else kind


def _on(day: str | None, window: str | None) -> str:
    if day is None:
        return ""
    return f" on {day} (events of the {window} up to it)" if window else f" on {day} (every event up to it)"


def _names(ids: Iterable[str], names: Mapping[str, str]) -> str:
    return ", ".join(sorted(names.get(i, i) for i in ids))


# -- datasets and stores ----------------------------------------------------------------------------


def counts(data: Dataset, relations: int | None = None) -> str:
    """``22 actors, 54 relations, 2 sources, 0 custom types`` (``relations`` when they were not kept)."""
    n = len(data.relations) if relations is None else relations
    return (f"{plural(len(data.actors), 'actor')}, {plural(n, 'relation')}, "
            f"{plural(len(data.sources), 'source')}, {plural(len(data.custom_types), 'custom type')}")


def validated_text(report: Report) -> str:
    """The last line of ``relgraph validate``: errors, warnings, files, and what was read (nothing, when no
    file could be read: the errors say why)."""
    found = f"{plural(len(report.errors), 'error')}, {plural(len(report.warnings), 'warning')}"
    if not report.files:
        return found
    return f"{found} in {plural(len(report.files), 'file')}: {counts(report.dataset, report.relations)}"


def _write_summary(summary: WriteSummary) -> str:
    return "; ".join(
        f"{name}: {c.created} created, {c.updated} updated, {c.unchanged} unchanged, {c.removed} removed"
        for name, c in (("actors", summary.actors), ("relations", summary.relations)))


def loaded_text(path: object, loaded: Loaded) -> str:
    """What a load did, and the relations the database holds that the dataset does not."""
    lines = [f"Loaded {path}: {_write_summary(loaded.summary)}"]
    if loaded.summary.resumed:
        lines.append("The database held part of an earlier load that had stopped; this load finished it")
    if loaded.stale:
        shown = ", ".join(loaded.stale[:5]) + (", ..." if len(loaded.stale) > 5 else "")
        are = "is" if len(loaded.stale) == 1 else "are"
        lines.append(f"{plural(len(loaded.stale), 'relation')} in the database {are} not in {path} "
                     f"({shown}); load with --prune to delete them")
    return "\n".join(lines)


def written_text(done: Written) -> str:
    """``Wrote relgraph-2016-12-20.html (22 actors, 41 relations, 2 sources)``, or its series form."""
    what = (f"{plural(done.actors, 'actor')}, {plural(done.relations, 'relation')}, "
            f"{plural(done.sources, 'source')}")
    from relgraph.render import FORMATS

    if done.history:
        return f"Wrote {done.paths[0]} ({done.format}, the whole history, with time intervals: {what})"
    if FORMATS[done.format].purpose == "export":
        return f"Wrote {done.paths[0]} ({done.format}, {done.dates[0]}: {what})"
    if len(done.dates) == 1:
        return f"Wrote {done.paths[0]} ({what})"
    if len(done.paths) == 1:
        span = f"{len(done.dates)} dates from {done.dates[0]} to {done.dates[-1]}"
        return f"Wrote {done.paths[0]} ({span}; {what} in all)"
    return f"Wrote {len(done.paths)} images, {done.paths[0]} to {done.paths[-1]} ({what} in all)"


def server_text(server: Server) -> str:
    """Where a local Neo4j server runs: Bolt, Browser, data and logs."""
    from relgraph.store.server import NEO4J_VERSION

    return (f"Neo4j {NEO4J_VERSION} is running (pid {server.pid})\n"
            f"  Bolt:    {server.uri}   (export NEO4J_URI={server.uri})\n"
            f"  Browser: {server.browser}\n"
            f"  Data:    {server.home / 'data'}\n"
            f"  Logs:    {server.home / 'logs'}")


_BULK_STEPS = {"files": "Reading and validating the dataset, writing the importer's files",
               "import": "Importing with neo4j-admin", "schema": "Building the schema aside",
               "restart": "Restarting Neo4j with the new database"}


def bulk_step_text(step: str) -> str:
    """What a bulk import is doing, as it begins a step: ``Importing with neo4j-admin...``."""
    return f"{_BULK_STEPS.get(step, step)}..."


def bulk_imported_text(done: Imported) -> str:
    """What ``relgraph neo4j import`` did, with the time of each step.

    >>> from pathlib import Path
    >>> from relgraph.store.bulk import Imported
    >>> from relgraph.store.server import Server
    >>> done = Imported(Path("data"), Server(Path("/n4j"), 12, 7687, 7474), 28, 55, 2, 0, 61, 31,
    ...                 {"files": 0.06, "import": 6.2, "schema": 12.4, "restart": 8.1})
    >>> print(bulk_imported_text(done))
    Imported data into Neo4j in /n4j, replacing 31 nodes: 28 actors, 55 relations, 2 sources, 0 custom types
      in 26.8 s (files 0.1 s, import 6.2 s, schema 12.4 s, restart 8.1 s) at bolt://127.0.0.1:7687
    """
    what = (f"{plural(done.actors, 'actor')}, {plural(done.relations, 'relation')}, "
            f"{plural(done.sources, 'source')}, {plural(done.custom_types, 'custom type')}")
    replaced = f", replacing {plural(done.replaced, 'node')}" if done.replaced else ""
    steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in done.seconds.items())
    return (f"Imported {done.path or 'the dataset'} into Neo4j in {done.server.home}{replaced}: {what}\n"
            f"  in {sum(done.seconds.values()):.1f} s ({steps}) at {done.server.uri}")


IMPORT_PROBLEMS_SHOWN = 20
"""Bad rows an import lists; all are counted."""


def imported_text(summary: ImportSummary) -> str:
    """What an event-data import read, skipped and wrote.

    >>> from pathlib import Path
    >>> from relgraph.ingest.events import ImportSummary
    >>> s = ImportSummary("gdelt", Path("out"))
    >>> s.rows, s.skipped = 3, {"no actor 2": 2}
    >>> s.events = s.relations = 1
    >>> print(imported_text(s))
    Read 3 rows from 0 files (gdelt)
    Skipped 2 rows without two actors or a mapped code:
      2  no actor 2
    Wrote out: 1 relation (1 event), 0 actors, 0 sources, 0 declared types
    """
    s = summary
    out = [f"Read {plural(s.rows, 'row')} from {plural(len(s.files), 'file')} "
           f"({', '.join(f'{n} {layout}' for layout, n in s.layouts.items()) or s.format})"]
    if s.problems:
        out.append(f"{plural(s.bad, 'bad row')} skipped"
                   + (f" (the first {IMPORT_PROBLEMS_SHOWN}):" if s.bad > IMPORT_PROBLEMS_SHOWN else ":"))
        out += [f"  {p}" for p in s.problems[:IMPORT_PROBLEMS_SHOWN]]
    if s.filtered:
        out.append(f"{plural(s.filtered, 'row')} outside the filters")
    if s.skipped:
        out.append(f"Skipped {plural(sum(s.skipped.values()), 'row')} without two actors or a mapped code:")
        for reason, n in s.skipped.items():
            examples = s.examples.get(reason)
            out.append(f"  {n}  {reason}" + (f" (e.g. {', '.join(examples)})" if examples else ""))
    if s.duplicates:
        out.append(f"{plural(s.duplicates, 'row')} repeated a record id already read and were left out")
    events = plural(s.events, "event")
    what = (f"{plural(s.relations, 'stance')} by {s.aggregate} from {events}" if s.aggregate
            else f"{plural(s.relations, 'relation')} ({events})")
    out.append(f"Wrote {s.output}: {what}, {plural(s.actors, 'actor')}, {plural(s.sources, 'source')}, "
               f"{plural(s.types, 'declared type')}")
    return "\n".join(out)


def nlp_server_text(server: CoreNLPServer) -> str:
    """Where a local CoreNLP server runs."""
    from relgraph.ingest.articles.server import CORENLP_VERSION

    return (f"CoreNLP {CORENLP_VERSION} is running (pid {server.pid})\n"
            f"  URL:  {server.url}   (export CORENLP_URL={server.url})\n"
            f"  Logs: {server.home / 'logs'}")


def extracted_text(found: Dataset, output: object, known: Dataset | None, articles: int) -> str:
    """What ``relgraph extract`` wrote: candidates, and the actors it found (new ones counted)."""
    new = sum(1 for a in found.actors if known is None or a not in known.actors)
    return (f"Wrote {output}: {plural(len(found.relations), 'candidate relation')} (review: pending), "
            f"{plural(len(found.actors), 'actor')} ({new} new), from {plural(articles, 'article')}")


def merged_text(result: MergeResult, written: object) -> str:
    """What ``relgraph merge`` did: duplicates found, relations added, candidates left out."""
    lines = [f"duplicate: {candidate} is already in the dataset as {curated}"
             for candidate, curated in result.duplicates]
    where = f" to {written}" if result.added else ""
    lines.append(f"Merged {plural(len(result.added), 'accepted relation')}{where}; "
                 f"{plural(len(result.duplicates), 'duplicate')}, "
                 f"{result.pending} pending and {result.rejected} rejected left out")
    return "\n".join(lines)


# -- snapshots --------------------------------------------------------------------------------------


def _relations(records: list[dict[str, Any]], names: Mapping[str, str], *, detail: bool = False) -> str:
    header = ("source", "type", "target", "sign", "when") + (("conf", "sources") if detail else ())
    rows = [(names.get(r["source"], r["source"]), r["type"], names.get(r["target"], r["target"]),
             sign_symbol(r["sign"]), when(r))
            + ((f"{r['confidence']:.2f}", len(r["sources"])) if detail else ()) for r in records]
    return table(header, rows)


@paused_collector()
def relations_table(graph: nx.MultiDiGraph) -> str:
    """What holds on the snapshot's date: a header, the stances, the events, then the mixed pairs.

    One line per relation (source, type, target, sign, when, confidence,
    number of sources), by source, type and id; the events, under a line of
    their own, follow the stances in the same columns. Pairs whose signed
    relations disagree on the date are listed last, with the relation that
    decides their tie (:mod:`relgraph.analysis.ties`).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(date="2016-12-20", event_window="30d")
    >>> g.add_node("a", name="A"); g.add_node("b", name="B")
    >>> _ = g.add_edge("a", "b", key="r", id="r", type="backs", sign=1, kind="stance",
    ...                start="2011", end=None, date=None, confidence=0.9, sources=[])
    >>> print(relations_table(g))
    On 2016-12-20 (events of the 30d up to it): 1 stance, 0 events
    <BLANKLINE>
    source  type   target  sign  when    conf  sources
    A       backs  B       +     2011 –  0.90  0
    """
    from relgraph.analysis.ties import signed_ties, tie_of

    records = sorted(relations(graph), key=lambda r: (r["kind"] == "event", r["source"], r["type"], r["id"]))
    names = {n: a.get("name", n) for n, a in graph.nodes(data=True)}
    day, window = graph.graph["date"], graph.graph.get("event_window")
    events = sum(r["kind"] == "event" for r in records)
    held = f"{plural(len(records) - events, 'stance')}, {plural(events, 'event')}"
    lines = [f"On{_on(day, window)[3:]}: {held}", "", *_relations(records, names, detail=True).split("\n")]
    if events:  # the same columns, so stances and events still read as one table
        lines.insert(len(lines) - events, f"events {f'of the {window} ' if window else ''}up to {day}:")
    ties = signed_ties(graph)  # only the mixed pairs become Tie objects: a large snapshot has few
    mixed = [tie_of(ties, *sorted((u, v))) for u, v, is_mixed in ties.edges(data="mixed") if is_mixed]
    mixed.sort(key=lambda t: (t.a, t.b))
    tail = ["", "Pairs with relations of both signs (the tie follows the one named first):"] if mixed else []
    tail += [f"  {t.name(t.a)} – {t.name(t.b)}: {t.description}; {t.mix}" for t in mixed]
    return "\n".join([*lines, *tail])


def snapshot_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The snapshot as versioned JSON: the date, the window, the actors and the relation records shown."""
    return envelope("snapshot", {
        "date": graph.graph["date"],
        "event_window": graph.graph.get("event_window"),
        "actors": [dict(a) for _, a in sorted(graph.nodes(data=True))],
        "relations": relations(graph),
    })


# -- analysis results ---------------------------------------------------------------------------------


def balance_text(report: BalanceReport, *, everything: bool = False) -> str:
    """The counts, then the unbalanced triangles (and, with ``everything``, the balanced ones)."""
    share = f"{report.share_balanced:.0%} balanced" if report.share_balanced is not None else "no triangle"
    patterns = ", ".join(f"{p} {n}" for p, n in report.by_pattern.items())
    ties = report.ties
    lines = [f"Balance{_on(report.date, report.event_window)}: {plural(ties.number_of_nodes(), 'actor')}, "
             f"{plural(ties.number_of_edges(), 'signed tie')}, {plural(len(report.triangles), 'triangle')}",
             f"{report.balanced} balanced, {report.unbalanced} unbalanced: {share} ({patterns})"]
    shown = report.triangles if everything else report.tensions
    if shown:
        rows = [(t.pattern, "yes" if t.balanced else "NO", t.description) for t in shown]
        lines += ["", table(("pattern", "balanced", "triangle"), rows)]
    return "\n".join(lines)


def camps_text(result: CampsResult) -> str:
    """The camps of the largest group of tied actors, the ties that break them, and the rest."""
    names = {n: str(a.get("name", n)) for n, a in result.ties.nodes(data=True)}
    how = (f"exact; {plural(result.optimal_partitions or 0, 'partition')} "
           f"reach{'es' if result.optimal_partitions == 1 else ''} it" if result.method == "exact"
           else "heuristic: an upper bound")
    lines = [f"Camps{_on(result.date, result.event_window)}: {len(result.camps)} camps, "
             f"frustration {result.frustration} ({how})"]
    where = result.assignment
    groups = result.components
    if groups:
        main = set(groups[0])
        lines += ["", table(("camp", "actors"), [(i + 1, _names(main & set(c), names))
                                                 for i, c in enumerate(result.camps) if main & set(c)])]
    if result.frustrated:
        lines += ["", "Ties that break it:", *(f"  {t.description}" for t in result.frustrated)]
    if result.undecided:
        lines += ["", "Undecided (their side differs between partitions of least frustration): "
                  + _names(result.undecided, names)]
    if len(groups) > 1:
        lines += ["", "Other groups, with no tie to the rest (their camp numbers are arbitrary):"]
        for group in groups[1:]:
            by_camp: dict[int, list[str]] = {}
            for n in group:
                by_camp.setdefault(where[n], []).append(n)
            lines.append("  " + "; ".join(f"camp {c + 1}: {_names(m, names)}"
                                          for c, m in sorted(by_camp.items())))
    if result.unaligned:
        lines += ["", f"Unaligned (no signed tie): {_names(result.unaligned, names)}"]
    return "\n".join(lines)


def brokers_text(report: BrokersReport) -> str:
    """Centrality table, then bridges between camps, then the brokers of deals."""
    names = {n: str(a.get("name", n)) for n, a in report.ties.nodes(data=True)}
    split = report.camps
    lines = [f"Brokers{_on(report.date, report.event_window)}: {len(split.camps)} camps, "
             f"frustration {split.frustration} ({split.method})", "",
             table(("actor", "camp", "betweenness (+ ties)", "friends", "enemies"),
                   [(c.name, "" if c.camp is None else c.camp + 1, f"{c.betweenness:.3f}", c.friends,
                     c.enemies) for c in report.centrality])]
    if report.bridges:
        lines += ["", "Bridges (friends in more than one camp):"]
        lines += [f"  {b.name} (camp {b.camp + 1}): " + "; ".join(
            f"camp {c + 1}: {_names(f, names)}" for c, f in b.friends_by_camp.items())
            for b in report.bridges]
    if report.deal_brokers:
        lines += ["", "Deal brokers:"]
        for d in report.deal_brokers:
            others = ", ".join(f"{p.name} {_signed(p.type, p.sign)}"
                               + (f" (camp {p.camp + 1})" if p.camp is not None else "") for p in d.others)
            across = "across camps" if d.across_camps else "within one camp"
            lines.append(f"  {d.name} brokers {d.deal_name} ({d.date}), {across}"
                         + (f": {others}" if others else ""))
    return "\n".join(lines)


def ego_text(report: EgoReport) -> str:
    """Allies and adversaries, direct first, then those balance implies (marked inferred)."""
    names = {n: str(a.get("name", n)) for n, a in report.ties.nodes(data=True)}
    def tie(t: TieTo) -> str:
        return t.tie.description + (f" ({t.tie.mix})" if t.tie.mix else "")

    rows = [("ally", t.name, tie(t)) for t in report.allies]
    rows += [("adversary", t.name, tie(t)) for t in report.adversaries]
    label = {1: "ally (inferred)", -1: "adversary (inferred)", 0: "contested (inferred)"}
    for i in report.inferred:
        reasons: dict[str, list[str]] = {}
        for p in i.via:
            reasons.setdefault(p.reason, []).append(names.get(p.via, p.via))
        rows.append((label[i.sign], i.name, "; ".join(f"{r}: {', '.join(v)}" for r, v in reasons.items())))
    head = f"{report.name}{_on(report.date, report.event_window)}"
    if not rows:
        return f"{head}: no signed tie"
    return f"{head}\n\n" + table(("stance", "actor", "tie, or why it is inferred"), rows)


def diff_text(change: Diff) -> str:
    """Flipped ties first (the news), then relations begun and ended, events, ties and camp moves."""
    names = change.names
    lines = [f"Changes from {change.from_date} to {change.to_date}"
             + (f" (events of the {change.event_window} up to each date)" if change.event_window else "")]

    def section(title: str, body: list[str] | str) -> None:
        if body:
            lines.extend(["", title, *([body] if isinstance(body, str) else body)])

    section("Ties that changed sign:", [
        f"  {names.get(t.a, t.a)} – {names.get(t.b, t.b)}: {t.before.description} -> {t.after.description}"
        for t in change.flipped if t.before and t.after])
    section("Stances that began:", _relations(change.began, names) if change.began else "")
    section("Stances that ended:", _relations(change.ended, names) if change.ended else "")
    if change.events is not None:
        section("Events in between:", _relations(change.events, names) if change.events else "  none")
    section("Ties formed:", [f"  {t.after.description}" for t in change.formed if t.after])
    section("Ties dissolved:", [f"  {t.before.description}" for t in change.dissolved if t.before])
    before, after = change.camps_before.camps, change.camps_after.camps
    section("Camp changes:", [
        f"  {m.name}: from the camp of {_names([n for n in before[m.before] if n != m.actor][:4], names)} "
        f"to that of {_names([n for n in after[m.after] if n != m.actor][:4], names)}"
        for m in change.camp_changes] or "  none")
    return "\n".join(lines)


def timeline_text(story: Timeline) -> str:
    """One paragraph per relation: when, what, confidence, then each source with its evidence.

    A source's own notes (what of its record is inferred) follow it the first time it is cited, as a
    ``source note:`` line; they are about the record, not the citation, so they are not repeated.
    """
    names = story.names
    who = story.name + (f" and {story.other_name}" if story.other_name else "")
    lines = [f"{who}: {plural(len(story.entries), 'relation')}"]
    width = max((len(when(e)) for e in story.entries), default=0)
    noted: set[tuple[object, object]] = set()
    for e in story.entries:
        source, target = names.get(e["source"], e["source"]), names.get(e["target"], e["target"])
        lines.append(f"{when(e):<{width}}  {source} {_signed(e['type'], e['sign'])} {target}  "
                     f"(confidence {e['confidence']:.2f}; {e['id']})")
        for s in e["sources"]:
            where = ", ".join(str(x) for x in (s.get("publisher"), s.get("published")) if x)
            lines.append(f"    {s['title']}" + (f" ({where})" if where else "")
                         + (f": {s['evidence']}" if s.get("evidence") else ""))
            if s.get("notes") and (s.get("id"), s["title"]) not in noted:
                noted.add((s.get("id"), s["title"]))
                lines.append(f"      source note: {s['notes']}")
        if e["notes"]:
            lines.append(f"    note: {e['notes']}")
    return "\n".join(lines)

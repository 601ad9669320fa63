"""Analysis results as plain-text tables for a terminal; ``to_dict()`` on each result gives JSON.

>>> print(table(("actor", "camp"), [("Iran", "1"), ("Syrian opposition", "2")]))
actor              camp
Iran               1
Syrian opposition  2
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from relgraph.analysis.balance import BalanceReport
from relgraph.analysis.brokers import BrokersReport
from relgraph.analysis.camps import CampsResult
from relgraph.analysis.diff import Diff
from relgraph.analysis.ego import EgoReport
from relgraph.analysis.timeline import Timeline

__all__ = ["balance_text", "brokers_text", "camps_text", "diff_text", "ego_text", "table", "timeline_text"]

_SYMBOL = {1: "+", -1: "-", 0: "0"}


def _signed(kind: str, sign: int) -> str:
    """``+backs``, ``-opposes``; a neutral type reads as itself (``attends``)."""
    return f"{_SYMBOL[sign]}{kind}" if sign else kind


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Columns padded to their widest cell, two spaces apart."""
    cells = [[str(c) for c in header], *([str(c) for c in row] for row in rows)]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells)


def _on(day: str | None, window: str | None) -> str:
    if day is None:
        return ""
    return f" on {day} (events of the {window} up to it)" if window else f" on {day} (every event up to it)"


def _names(ids: Iterable[str], names: dict[str, str]) -> str:
    return ", ".join(sorted(names.get(i, i) for i in ids))


def balance_text(report: BalanceReport, *, everything: bool = False) -> str:
    """The counts, then the unbalanced triangles (and, with ``everything``, the balanced ones)."""
    share = f"{report.share_balanced:.0%} balanced" if report.share_balanced is not None else "no triangle"
    patterns = ", ".join(f"{p} {n}" for p, n in report.by_pattern.items())
    lines = [f"Balance{_on(report.date, report.event_window)}: {report.ties.number_of_nodes()} actors, "
             f"{report.ties.number_of_edges()} signed ties, {len(report.triangles)} triangles",
             f"{report.balanced} balanced, {report.unbalanced} unbalanced: {share} ({patterns})"]
    shown = report.triangles if everything else report.tensions
    if shown:
        rows = [(t.pattern, "yes" if t.balanced else "NO", t.describe(report.ties)) for t in shown]
        lines += ["", table(("pattern", "balanced", "triangle"), rows)]
    return "\n".join(lines)


def camps_text(result: CampsResult) -> str:
    """The camps of the largest group of tied actors, the ties that break them, and the rest."""
    names = {n: str(a.get("name", n)) for n, a in result.ties.nodes(data=True)}
    how = (f"exact; {result.optimal_partitions} partition{'s' if result.optimal_partitions != 1 else ''} "
           "reach it" if result.method == "exact" else "heuristic: an upper bound")
    lines = [f"Camps{_on(result.date, result.event_window)}: {len(result.camps)} camps, "
             f"frustration {result.frustration} ({how})"]
    where = result.assignment
    groups = result.components
    if groups:
        main = set(groups[0])
        lines += ["", table(("camp", "actors"), [(i + 1, _names(main & set(c), names))
                                                 for i, c in enumerate(result.camps) if main & set(c)])]
    if result.frustrated:
        lines += ["", "Ties that break it:", *(f"  {t.describe(result.ties)}" for t in result.frustrated)]
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
            others = ", ".join(f"{names.get(a, a)} {_signed(t, s)}"
                               + (f" (camp {c + 1})" if c is not None else "") for a, t, s, c in d.others)
            across = "across camps" if d.across_camps else "within one camp"
            lines.append(f"  {names.get(d.actor, d.actor)} brokers {d.deal_name} ({d.date}), {across}"
                         + (f": {others}" if others else ""))
    return "\n".join(lines)


def ego_text(report: EgoReport) -> str:
    """Allies and adversaries, direct first, then those balance implies (marked inferred)."""
    names = {n: str(a.get("name", n)) for n, a in report.ties.nodes(data=True)}
    rows = [("ally", t.name, t.tie.describe(report.ties)) for t in report.allies]
    rows += [("adversary", t.name, t.tie.describe(report.ties)) for t in report.adversaries]
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


def _relations(records: list[dict[str, Any]], names: dict[str, str]) -> str:
    def when(r: dict[str, Any]) -> str:
        if r.get("kind") == "event":
            return r.get("date") or ""
        return f"{r.get('start') or '…'} – {r.get('end') or ''}"

    return table(("source", "type", "target", "sign", "when"),
                 [(names.get(r["source"], r["source"]), r["type"], names.get(r["target"], r["target"]),
                   _SYMBOL[r["sign"]], when(r).rstrip()) for r in records])


def diff_text(change: Diff) -> str:
    """Flipped ties first (the news), then relations begun and ended, events, ties and camp moves."""
    names = change.names
    lines = [f"Changes from {change.from_date} to {change.to_date}"
             + (f" (events of the {change.event_window} up to each date)" if change.event_window else "")]

    def section(title: str, body: list[str] | str) -> None:
        if body:
            lines.extend(["", title, *([body] if isinstance(body, str) else body)])

    section("Ties that changed sign:", [
        f"  {names.get(t.a, t.a)} – {names.get(t.b, t.b)}: "
        f"{t.before.describe(names)} -> {t.after.describe(names)}"
        for t in change.flipped if t.before and t.after])
    section("Stances that began:", _relations(change.began, names) if change.began else "")
    section("Stances that ended:", _relations(change.ended, names) if change.ended else "")
    if change.events is not None:
        section("Events in between:", _relations(change.events, names) if change.events else "  none")
    section("Ties formed:", [f"  {t.after.describe(names)}" for t in change.formed if t.after])
    section("Ties dissolved:", [f"  {t.before.describe(names)}" for t in change.dissolved if t.before])
    before, after = change.camps_before.camps, change.camps_after.camps
    section("Camp changes:", [
        f"  {m.name}: from the camp of {_names([n for n in before[m.before] if n != m.actor][:4], names)} "
        f"to that of {_names([n for n in after[m.after] if n != m.actor][:4], names)}"
        for m in change.camp_changes] or "  none")
    return "\n".join(lines)


def timeline_text(story: Timeline) -> str:
    """One paragraph per relation: when, what, confidence, then each source with its evidence."""
    names = story.names
    who = names[story.actor] + (f" and {names[story.other]}" if story.other else "")
    lines = [f"{who}: {len(story.entries)} relation{'s' if len(story.entries) != 1 else ''}"]
    for e in story.entries:
        lines.append(f"{e.when:<24}  {names.get(e.source, e.source)} {_signed(e.type, e.sign)} "
                     f"{names.get(e.target, e.target)}  (confidence {e.confidence:.2f}; {e.id})")
        for s in e.sources:
            where = ", ".join(str(x) for x in (s.get("publisher"), s.get("published")) if x)
            lines.append(f"    {s['title']}" + (f" ({where})" if where else "")
                         + (f": {s['evidence']}" if s.get("evidence") else ""))
        if e.notes:
            lines.append(f"    note: {e.notes}")
    return "\n".join(lines)

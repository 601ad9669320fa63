"""Memory of a process and the Python processes it forked, for the benchmarks: PSS, read from /proc (Linux).

PSS (proportional set size) counts a page shared by several processes once in their sum: a forked part's
copy of its parent's memory is not counted twice.
"""

from __future__ import annotations

from pathlib import Path


def pss_of_python_tree(root: int) -> int:
    """The PSS in bytes of ``root`` and of its descendants that run Python (not the Java it starts)."""
    return sum(map(_pss, _python_tree(root)))


def _pss(pid: int) -> int:
    """Proportional set size: shared pages (a forked part's copy of its parent) counted once in a sum."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _python_tree(root: int) -> list[int]:
    """``root`` and its descendants that run Python (the forked parts; not the importer or servers)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            name, rest = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
            if name.startswith("python"):
                parents.setdefault(int(rest[1]), []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += parents.get(pid, [])
    return tree

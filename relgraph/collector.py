"""Pausing Python's cyclic garbage collector while a snapshot is built or a dataset loaded.

Building a snapshot of 200k relations allocates millions of dicts, lists and
strings that all live on, none of them part of a reference cycle. Each
allocation counts towards the collector's thresholds, so it would run over
and over during the build, each full pass scanning everything built so far:
about a third of the time of a large snapshot (measured in
``benchmarks/snapshot.py``). A load is the same the other way round: the
dataset lives in memory while millions of short-lived rows pass through, and
the few that survive a while (a batch waiting to commit) set off full passes
over it all (4 of the client's 11 s of CPU loading 300k relations).
Reference counting still frees whatever is dropped meanwhile. Afterwards
the collector's earlier state comes back, and what was built is moved to the
oldest generation (a freeze and an unfreeze, which take no time), so that the
first collection after the pause does not scan it all at once.

>>> import gc
>>> with paused_collector():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_collector"]


@contextmanager
def paused_collector() -> Iterator[None]:
    """Disable the cyclic collector for the block; enable it again after, if it was enabled before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():  # objects someone else froze stay frozen
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()

"""Signed-network analysis of snapshots: balance, camps, brokers, what changed, timelines, egos.

One module per question; each function takes the graph first (a snapshot
from :func:`relgraph.snapshot.snapshot` or a store, or an undirected
``nx.Graph`` whose edges carry ``sign`` = 1 or -1), options after, and
returns a dataclass whose ``to_dict()`` is its versioned JSON form
(:mod:`relgraph.records`). Snapshots are collapsed into one signed tie per
pair of actors by the rule in :mod:`relgraph.analysis.ties`.
:mod:`relgraph.render.text` prints results as tables.

>>> from relgraph import example_path
>>> from relgraph.dataset import load
>>> from relgraph.snapshot import snapshot
>>> graph = snapshot(load(example_path()), "2016-12-20")
>>> report = balance(graph)
>>> report.unbalanced, round(report.share_balanced, 2)
(2, 0.8)
>>> print(report.tensions[0].description)
Russia +backs Assad regime, Russia +cooperates Turkey, Turkey -opposes Assad regime
>>> split = camps(graph)
>>> split.method, split.frustration
('exact', 2)
"""

from relgraph.analysis.balance import BalanceReport, Triangle, balance
from relgraph.analysis.brokers import BrokersReport, brokers
from relgraph.analysis.camps import CampsResult, camps, frustration
from relgraph.analysis.diff import Diff, diff
from relgraph.analysis.ego import EgoReport, ego
from relgraph.analysis.ties import Tie, signed_ties
from relgraph.analysis.timeline import Timeline, timeline

__all__ = [
    "BalanceReport",
    "BrokersReport",
    "CampsResult",
    "Diff",
    "EgoReport",
    "Tie",
    "Timeline",
    "Triangle",
    "balance",
    "brokers",
    "camps",
    "diff",
    "ego",
    "frustration",
    "signed_ties",
    "timeline",
]

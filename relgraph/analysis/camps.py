"""Camps: split actors into k groups so that as few ties as possible break the split.

A tie **breaks** a partition (is *frustrated*) when it is negative inside a
camp or positive across camps; the number of such ties is the partition's
**frustration**, 0 exactly when the signed graph is balanced. :func:`camps`
finds a partition of least frustration, one connected group of tied actors
at a time (groups share no tie, so their frustrations add up):

* **exact** for a group whose labelings number at most
  :data:`EXACT_LABELINGS` (2^19): every labeling is scored, vectorised with
  NumPy. That is up to 20 actors for two camps, 12 for three, 10 for four
  (:func:`exact_limit`). The exact method also counts the distinct optimal
  partitions of least frustration and names the actors whose camp differs
  between them (``undecided``), read against the group's most settled
  actor: the signs alone cannot place them.
* **heuristic** above that: a spectral start (the signs of the leading
  eigenvector of the signed adjacency matrix, which recovers the two camps
  of any balanced graph; for more camps, k-means on the k leading
  eigenvectors), then greedy moves of single actors to the camp that most
  lowers the frustration until none does, repeated from ``restarts`` starts
  drawn from ``seed``: alternately a perturbation of the best partition so
  far and a random partition. It is deterministic for a given seed; its
  frustration is an upper bound.

Among partitions that break equally few ties, the one whose broken ties
weigh least (by ``weight``, the ties' ``confidence``) is preferred: on
20 December 2016 that keeps Russia with the regime it backs and cuts its
newer, less certain cooperation with Turkey.

``method`` says which was used (``"heuristic"`` if any group needed it);
``optimal_partitions`` multiplies the counts of the groups (how one group's
camps line up with another's is free and not counted).
Camps are numbered by size; groups with no tie between them are aligned by
size only, so whether actors of different ``components`` share a camp
carries no meaning. Actors without a signed tie are ``unaligned``.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edges_from([("a", "b"), ("c", "d")], sign=1)
>>> g.add_edges_from([("a", "c"), ("b", "d")], sign=-1)
>>> result = camps(g)
>>> result.camps, result.frustration, result.method
([['a', 'b'], ['c', 'd']], 0, 'exact')
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

from relgraph.analysis.ties import Tie, as_ties, tie_list, tie_of
from relgraph.collector import paused_collector
from relgraph.records import Result

__all__ = ["EXACT_LABELINGS", "CampsResult", "camps", "exact_limit", "frustration"]

EXACT_LABELINGS = 2**19
"""Most labelings (k^(n-1) for n actors in k camps) the exact method will score for one group."""

_CHUNK = 2**15  # labelings scored at once: bounds memory at about _CHUNK x ties bytes


def exact_limit(k: int) -> int:
    """The largest group of actors solved exactly for ``k`` camps.

    >>> exact_limit(2), exact_limit(3), exact_limit(4)
    (20, 12, 10)
    """
    n = 1
    while k ** n <= EXACT_LABELINGS:
        n += 1
    return n


@dataclass
class CampsResult(Result):
    """A partition of the tied actors into camps, and the ties that break it.

    ``camps`` are lists of actor ids, largest first; ``frustrated`` the ties
    that break the partition; ``components`` the groups of actors tied to each
    other; ``unaligned`` the actors with no signed tie.
    """

    date: str | None
    event_window: str | None
    k: int
    camps: list[list[str]]
    frustration: int
    frustrated: list[Tie]
    method: str
    optimal_partitions: int | None
    undecided: list[str]
    components: list[list[str]]
    unaligned: list[str]
    ties: nx.Graph = field(repr=False, metadata={"json": False})

    json_kind = "camps"
    json_extra = ("signed_ties",)

    @property
    def assignment(self) -> dict[str, int]:
        """Actor id -> index of its camp in :attr:`camps`."""
        return {actor: i for i, camp in enumerate(self.camps) for actor in camp}

    @property
    def signed_ties(self) -> list[Tie]:
        return tie_list(self.ties)


def frustration(graph: nx.Graph, assignment: dict[str, int], *, sign: str = "sign") -> int:
    """How many ties of ``graph`` break ``assignment`` (actor -> camp).

    >>> import networkx as nx
    >>> g = nx.Graph(); g.add_edge("a", "b", sign=-1)
    >>> frustration(g, {"a": 0, "b": 0}), frustration(g, {"a": 0, "b": 1})
    (1, 0)
    """
    ties = as_ties(graph, sign=sign)
    return sum((a["sign"] > 0) != (assignment[u] == assignment[v]) for u, v, a in ties.edges(data=True))


@paused_collector()
def camps(graph: nx.Graph, k: int = 2, *, sign: str = "sign", weight: str | None = "confidence",
          exact_max: int | None = None, restarts: int = 8, seed: int = 0) -> CampsResult:
    """Partition the actors of ``graph`` into at most ``k`` camps of least frustration.

    ``graph`` is a snapshot or a signed ``nx.Graph`` (see
    :func:`~relgraph.analysis.ties.as_ties`). Groups of at most ``exact_max``
    actors (default :func:`exact_limit` of ``k``) are solved exactly, larger
    ones by the seeded heuristic described above. ``weight`` names the tie
    attribute (0..1, missing = 1) that breaks ties between partitions of equal
    frustration; ``None`` weighs every tie the same.
    """
    if k < 2:
        raise ValueError(f"k must be at least 2, not {k}")
    ties = as_ties(graph, sign=sign)
    limit = exact_limit(k) if exact_max is None else exact_max
    tied = ties.subgraph(n for n in ties if ties.degree(n))
    groups = sorted((sorted(c) for c in nx.connected_components(tied)), key=lambda c: (-len(c), c))
    merged: list[list[str]] = [[] for _ in range(k)]
    methods, undecided, counts = set(), [], []
    # Integer costs make "fewest broken ties, then least weight" one exact sum: a tie costs more
    # than all weights together, plus its own weight in thousandths.
    big = 1000 * tied.number_of_edges() + 1
    for group in groups:
        # Best-connected first: among equally settled actors, the exact method reads others against it.
        nodes = sorted(group, key=lambda n: (-ties.degree(n), n))
        index = {n: i for i, n in enumerate(nodes)}
        edges = [(index[u], index[v], a["sign"] * (big + _weight(a, weight)))
                 for u, v, a in tied.subgraph(group).edges(data=True)]
        if len(nodes) <= limit:
            labels, count, swing = _exact(len(nodes), edges, k)
            methods.add("exact")
            counts.append(count)
            undecided += [nodes[i] for i in swing]
        else:
            labels = _heuristic(len(nodes), edges, k, restarts, seed)
            methods.add("heuristic")
        members: list[list[str]] = [[] for _ in range(k)]
        for node, label in zip(nodes, labels, strict=True):
            members[label].append(node)
        for i, camp in enumerate(sorted(members, key=lambda c: (-len(c), sorted(c)))):
            merged[i] += camp
    result_camps = [sorted(c) for c in merged if c]
    where = {n: i for i, c in enumerate(result_camps) for n in c}
    broken = [tie_of(ties, u, v) for u, v, a in ties.edges(data=True)
              if (a["sign"] > 0) != (where[u] == where[v])]
    return CampsResult(
        date=ties.graph.get("date"), event_window=ties.graph.get("event_window"), k=k,
        camps=result_camps, frustration=len(broken), frustrated=sorted(broken, key=lambda t: (t.a, t.b)),
        method="heuristic" if "heuristic" in methods else "exact",
        optimal_partitions=int(np.prod(counts)) if "heuristic" not in methods else None,
        undecided=sorted(undecided), components=groups,
        unaligned=sorted(n for n in ties if not ties.degree(n)), ties=ties,
    )


def _weight(attrs: dict[str, Any], weight: str | None) -> int:
    value = attrs.get(weight) if weight else None
    return round(1000 * float(value)) if value is not None else 1000


def _exact(n: int, edges: list[tuple[int, int, int]], k: int) -> tuple[list[int], int, list[int]]:
    """Score all k^(n-1) labelings with node 0 in camp 0; an edge costs ``abs(value)`` when broken.

    Returns the cheapest labeling among those breaking fewest edges, the
    number of distinct partitions breaking fewest edges (labelings in
    canonical "restricted growth" form, so relabelings of one partition count
    once), and the nodes whose camp differs between such partitions, read
    against the most settled node (the one whose camp-mates vary least;
    the first, best-connected, among equals), since a node that moves alone
    would otherwise make every other node look unsettled.
    """
    if n == 1:
        return [0], 1, []
    us = np.array([e[0] for e in edges])
    vs = np.array([e[1] for e in edges])
    negative = np.array([e[2] < 0 for e in edges])
    costs = np.array([abs(e[2]) for e in edges], dtype=np.int64)
    powers = k ** np.arange(n - 1, dtype=np.int64)
    best, best_cost, best_labels, count = np.inf, np.inf, np.zeros(n, dtype=np.int64), 0
    reference = np.zeros((n, n), dtype=bool)  # who shares a camp with whom in the first optimum
    varies = np.zeros((n, n), dtype=bool)  # pairs that share a camp in one optimum and not another
    total = k ** (n - 1)
    for start in range(0, total, _CHUNK):
        idx = np.arange(start, min(total, start + _CHUNK), dtype=np.int64)
        labels = np.zeros((len(idx), n), dtype=np.int64)
        labels[:, 1:] = (idx[:, None] // powers) % k
        broken = (labels[:, us] == labels[:, vs]) == negative
        scores = broken.sum(axis=1)
        low = scores.min()
        if low > best:
            continue
        rows = labels[scores == low]
        # Restricted growth: each label at most one above every label before it.
        rows = rows[(rows[:, 1:] <= np.maximum.accumulate(rows, axis=1)[:, :-1] + 1).all(axis=1)]
        together = rows[:, :, None] == rows[:, None, :]
        if low < best:
            best, best_cost, count = low, np.inf, 0
            reference, varies = together[0], np.zeros((n, n), dtype=bool)
        weighted = (broken * costs).sum(axis=1)
        cheapest = int(np.argmin(np.where(scores == low, weighted, np.iinfo(np.int64).max)))
        if weighted[cheapest] < best_cost:
            best_cost, best_labels = weighted[cheapest], labels[cheapest].copy()
        count += len(rows)
        varies |= (together != reference).any(axis=0)
    anchor = int(np.argmin(varies.sum(axis=1)))
    return [int(x) for x in best_labels], count, [int(i) for i in np.flatnonzero(varies[anchor])]


def _heuristic(n: int, edges: list[tuple[int, int, int]], k: int, restarts: int, seed: int) -> list[int]:
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, s in edges:
        adj[u].append((v, s))
        adj[v].append((u, s))
    rng = random.Random(seed)  # noqa: S311 - reproducible restarts, not secrets
    best = _local_search(adj, _spectral(n, edges, k, seed), k)
    best_score = _score(adj, best)
    for restart in range(restarts):
        if restart % 2 == 0:
            # Perturb the best partition so far (iterated local search): it keeps what is right
            # about it, where a random start would throw that away on a large graph.
            labels = list(best)
            for i in rng.sample(range(n), max(1, n // 10)):
                labels[i] = rng.randrange(k)
        else:
            # A fresh random start escapes optima that single moves cannot leave (a whole bloc in
            # the wrong camp).
            labels = [rng.randrange(k) for _ in range(n)]
        labels = _local_search(adj, labels, k)
        score = _score(adj, labels)
        if score < best_score:
            best, best_score = labels, score
    return best


def _spectral(n: int, edges: list[tuple[int, int, int]], k: int, seed: int) -> list[int]:
    """A start from the signed adjacency matrix's leading eigenvectors.

    Two camps: the signs of the leading eigenvector. More: k-means on the
    rows of the k leading eigenvectors, where mutually hostile blocs point
    apart.
    """
    import scipy.sparse as sp

    rows = [u for u, v, _ in edges] + [v for u, v, _ in edges]
    cols = [v for u, v, _ in edges] + [u for u, v, _ in edges]
    vals = [1.0 if s > 0 else -1.0 for _, _, s in edges] * 2
    matrix = sp.csr_matrix((vals, (rows, cols)), shape=(n, n))
    count = min(1 if k == 2 else k, n - 1)
    if n <= 500:
        vectors = np.linalg.eigh(matrix.toarray())[1][:, -count:]
    else:
        from scipy.sparse.linalg import ArpackNoConvergence, eigsh

        try:
            start = np.random.default_rng(seed).random(n) + 0.5
            vectors = eigsh(matrix, k=count, which="LA", v0=start, maxiter=10 * n)[1]
        except ArpackNoConvergence:
            return [0] * n  # the greedy moves still apply; the restarts add variety
    if k == 2 or count < 2:
        return [0 if x >= 0 else 1 for x in vectors[:, -1]]
    from scipy.cluster.vq import kmeans2

    _, labels = kmeans2(vectors, k, seed=seed, minit="++")
    return [int(x) for x in labels]


def _local_search(adj: list[list[tuple[int, int]]], labels: list[int], k: int) -> list[int]:
    """Move single actors to their best camp until no move lowers the frustration."""
    labels = list(labels)
    # score[i][c] = cost of i's enemies in camp c - cost of its friends there: what i's broken ties
    # cost if it sits in c, up to a constant (an edge's value is its sign times its cost).
    score = [[0] * k for _ in labels]
    for i, neighbours in enumerate(adj):
        row = score[i]
        for j, s in neighbours:
            row[labels[j]] -= s
    queue = deque(range(len(labels)))
    queued = [True] * len(labels)
    while queue:
        i = queue.popleft()
        queued[i] = False
        row, current = score[i], labels[i]
        target = min(range(k), key=row.__getitem__)
        if row[target] >= row[current]:
            continue
        labels[i] = target
        for j, s in adj[i]:
            score[j][current] += s
            score[j][target] -= s
            if not queued[j]:
                queued[j] = True
                queue.append(j)
    return labels


def _score(adj: list[list[tuple[int, int]]], labels: list[int]) -> int:
    return sum(abs(s) for i, nb in enumerate(adj) for j, s in nb
               if i < j and (s > 0) != (labels[i] == labels[j]))

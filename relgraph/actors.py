"""Finding an actor by what a person types: its id, its name or an alias, in any case.

>>> people = [("vladimir-putin", "Vladimir Putin", ["Putin"]),
...           ("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", ["Erdogan", "Erdoğan"])]
>>> find_actor("putin", people), find_actor("ERDOGAN", people)
('vladimir-putin', 'recep-tayyip-erdogan')
>>> find_actor("Putn", people)
Traceback (most recent call last):
...
relgraph.errors.UnknownActor: no actor 'Putn' in the dataset (did you mean 'Putin'?)
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from relgraph.errors import UnknownActor

if TYPE_CHECKING:
    import networkx as nx

    from relgraph.model import Dataset

__all__ = ["dataset_actors", "find_actor", "graph_actors"]

Known = tuple[str, str, Sequence[str]]
"""What lookup needs of an actor: ``(id, name, aliases)``."""


_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    # Case, accents and spacing are how people mistype names, not what tells actors apart.
    # Only the combining marks go: a name in another script (Россия, داعش) stays itself.
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("-", " ").split())


def find_actor(query: str, actors: Iterable[Known], *, where: str = "the dataset",
               option: str = "ACTOR") -> str:
    """The id of the one actor whose id, name or alias is ``query``, or has it among its words.

    ``actors`` yields ``(id, name, aliases)``. An exact id wins; then a whole
    id, name or alias; then the actors with every word of ``query`` among the
    words of a name or alias (``Karlov`` is ``Andrei Karlov``). Matches ignore
    case, accents, hyphens and spacing. Raises
    :class:`~relgraph.errors.UnknownActor` (for ``option``, the argument that
    named it) listing the candidates when several match, with the closest
    names when none does.

    >>> find_actor("karlov", [("andrei-karlov", "Andrei Karlov", []), ("russia", "Russia", [])])
    'andrei-karlov'
    """
    actors = list(actors)
    if any(actor_id == query for actor_id, _, _ in actors):
        return query
    wanted = _key(query)
    hits = sorted({actor_id for actor_id, name, aliases in actors
                   if wanted in {_key(actor_id), _key(name), *map(_key, aliases)}})
    if not hits and wanted:
        words = set(_WORD.findall(wanted))
        hits = sorted({actor_id for actor_id, name, aliases in actors
                       if any(words <= set(_WORD.findall(_key(label))) for label in (name, *aliases))})
    if len(hits) == 1:
        return hits[0]
    names = {actor_id: name for actor_id, name, _ in actors}
    if hits:
        listed = ", ".join(f"{h} ({names[h]})" for h in hits[:8]) + (", ..." if len(hits) > 8 else "")
        raise UnknownActor(f"{query!r} could be any of {listed}: give the id", option)
    shown: dict[str, str] = {}  # folded label -> how to show it: a name before an id
    by_word: dict[str, str] = {}  # folded word of a name or alias -> that whole name or alias
    for actor_id, name, aliases in actors:
        for label in (name, *aliases, actor_id):
            shown.setdefault(_key(label), label)
        for label in (name, *aliases):
            for word in _WORD.findall(_key(label)):
                by_word.setdefault(word, label)
    close = [shown[c] for c in difflib.get_close_matches(wanted, sorted(shown), n=3, cutoff=0.8)]
    if not close:  # "Karlv": close to one word of a name, the name is what to suggest
        close = list(dict.fromkeys(by_word[c] for c in difflib.get_close_matches(
            wanted, sorted(by_word), n=3, cutoff=0.8)))
    hint = f" (did you mean {' or '.join(map(repr, close))}?)" if close else ""
    raise UnknownActor(f"no actor {query!r} in {where}{hint}", option)


def graph_actors(graph: nx.Graph) -> list[Known]:
    """``(id, name, aliases)`` for each node of a snapshot, for :func:`find_actor`."""
    return [(str(n), str(a.get("name", n)), list(a.get("aliases") or ())) for n, a in graph.nodes(data=True)]


def dataset_actors(data: Dataset) -> list[Known]:
    """``(id, name, aliases)`` for each actor of a dataset, for :func:`find_actor`."""
    return [(a.id, a.name, a.aliases) for a in data.actors.values()]

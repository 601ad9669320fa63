"""How long the local Neo4j server takes to start, with the class archive and without it (the baseline).

    flock /tmp/relgraph-heavy.lock python benchmarks/start.py [--repeat 3]

Each round starts the same instance (a temporary folder, the settings of ``relgraph neo4j start``)
twice: once as relgraph starts it, mapping the classes from the archive its first start made, and
once launched without the archive (the JVM finds, reads and verifies every class, as before),
alternating which goes first. A start is timed from the call of ``relgraph.store.server.start``
until Bolt answers and the database is online; then one query is timed, and the stop.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from neo4j import GraphDatabase

from relgraph import services
from relgraph.store import server


def once(home: Path, password: str, archive: bool) -> tuple[float, float, float]:
    """Seconds to start, to answer a first query, and to stop."""
    made = services.class_archive
    if not archive:
        services.class_archive = lambda *args, **kwargs: ()  # type: ignore[assignment]
    try:
        t0 = time.perf_counter()
        running = server.start(home, password=password, bolt_port=services.free_port(),
                               http_port=services.free_port())
        t1 = time.perf_counter()
    finally:
        services.class_archive = made  # type: ignore[assignment]
    with GraphDatabase.driver(running.uri, auth=("neo4j", password)) as driver:
        driver.execute_query("MATCH (n) RETURN count(n) AS n")
    t2 = time.perf_counter()
    server.stop(home)
    return t1 - t0, t2 - t1, time.perf_counter() - t2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"Neo4j {server.NEO4J_VERSION}, load average {os.getloadavg()[0]:.1f}")
    results: dict[bool, list[tuple[float, float, float]]] = {True: [], False: []}
    with tempfile.TemporaryDirectory(prefix="relgraph-start-") as tmp:
        home, password = Path(tmp) / "instance", secrets.token_urlsafe(12)
        first = once(home, password, archive=True)  # makes the archive if there is none
        print(f"first start of a new instance (making the archive if there was none): {first[0]:.1f} s")
        for i in range(args.repeat):
            for archive in ((True, False) if i % 2 == 0 else (False, True)):
                results[archive].append(once(home, password, archive))
    print(f"{args.repeat} starts each, median (range):")
    for archive, label in ((False, "baseline: no class archive"), (True, "relgraph: the class archive")):
        columns = []
        for k, name in enumerate(("start", "first query", "stop")):
            values = [r[k] for r in results[archive]]
            columns.append(f"{name} {statistics.median(values):5.2f} s ({min(values):.2f}-{max(values):.2f})")
        print(f"  {label:28}  " + "   ".join(columns))


if __name__ == "__main__":
    main()

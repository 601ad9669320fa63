"""Event data in: GDELT, ICEWS and ACLED files to a relgraph dataset folder.

:func:`import_events` reads the files with DuckDB, maps each coded event to
a relation (:mod:`relgraph.ingest.events.mapping`) between two actors
(:mod:`relgraph.ingest.events.actors`), optionally aggregates them into stances
per pair and period (:mod:`relgraph.ingest.events.aggregate`), and writes JSON
Lines that :func:`relgraph.dataset.load` reads like any dataset. Every
relation keeps its record's id (``gdelt:410412347``) and cites the record's
own source.
"""

from relgraph.ingest.events.pipeline import FORMATS, import_events
from relgraph.ingest.events.summary import ImportSummary

__all__ = ["FORMATS", "ImportSummary", "import_events"]

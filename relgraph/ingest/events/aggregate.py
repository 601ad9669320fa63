"""From events to stances: per ordered pair of actors and period, one signed relation with its evidence.

For each (source, target, period) the events' mean score (Goldstein,
Intensity, or ACLED's score from the mapping) gives the stance:

==========================================================  ===============  ====
mean score m (``neutral`` n, default 1.0)                    stance           sign
==========================================================  ===============  ====
m >= +n                                                      ``cooperates``   +1
m <= -5 and at least half the events violent (attacks ...)   ``fights``       -1
m <= -n                                                      ``hostile-to``   -1
otherwise                                                    ``interacts-with`` 0
==========================================================  ===============  ====

Its confidence grows with the number of events e and of distinct sources
s: ``0.95 * (1 - 0.7**e) * (1 - 0.5**s)``, rounded to two places (one event
from one source 0.14; 3 from 2 sources 0.47; 10 from 5 sources 0.89). It
holds from the period's first day to its last, records in ``notes`` how
many events it summarises and how they split by sign, and cites the
:data:`CITED` events with the largest absolute score (then most sources,
then id), each with its own evidence note.

>>> confidence(1, 1), confidence(3, 2), confidence(10, 5)
(0.14, 0.47, 0.89)
>>> stance(-6.0, 0.6, 1.0), stance(-6.0, 0.2, 1.0), stance(0.5, 0.0, 1.0)
('fights', 'hostile-to', 'interacts-with')
"""

from __future__ import annotations

__all__ = ["CITED", "PERIODS", "VIOLENT_TYPES", "confidence", "stance", "stances_sql"]

CITED = 5
"""Events cited by each stance, at most."""

PERIODS = ("week", "month", "year")

VIOLENT_TYPES = ("attacks", "clashes-with", "shoots-down", "assassinates", "defeats")
"""Event types that count as violence for ``fights``."""

FIGHTS_BELOW = -5.0


def confidence(events: int, sources: int) -> float:
    """The confidence of a stance summarising ``events`` events from ``sources`` distinct sources."""
    return round(0.95 * (1 - 0.7 ** events) * (1 - 0.5 ** sources), 2)


def stance(mean: float, violent: float, neutral: float) -> str:
    """The stance type for a mean score and a share of violent events."""
    if mean >= neutral and mean > 0:
        return "cooperates"
    if mean <= FIGHTS_BELOW and violent >= 0.5:
        return "fights"
    if mean <= -neutral and mean < 0:
        return "hostile-to"
    return "interacts-with"


def stances_sql(events: str, period: str, prefix: str, label: str, score: str, neutral: float) -> str:
    """SQL giving one stance row per pair and period from the relation ``events`` (kept, deduplicated).

    The rows have the columns of a relation record (``record``, ``id`` ...
    ``notes``) and ``cites``, the cited events' source ids.
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    violent = ", ".join(f"'{t}'" for t in VIOLENT_TYPES)
    # PartialDate has no weeks: a week is written as its first and last day
    first = f"CAST(date_trunc('{period}', day) AS DATE)"
    text = {"week": "strftime(p, '%Y-%m-%d')", "month": "strftime(p, '%Y-%m')", "year": "strftime(p, '%Y')"}
    last = {"week": "strftime(p + INTERVAL 6 DAY, '%Y-%m-%d')"}.get(period, text[period])
    return f"""
        WITH grouped AS (
            SELECT source, target, {first} AS p, count(*) AS n, coalesce(avg(s), 0) AS mean,
                   count(DISTINCT src_id) AS n_src,
                   count(*) FILTER (WHERE sign > 0) AS pos, count(*) FILTER (WHERE sign = 0) AS neu,
                   count(*) FILTER (WHERE sign < 0) AS neg,
                   avg(CASE WHEN type IN ({violent}) THEN 1.0 ELSE 0.0 END) AS violent,
                   max_by(struct_pack(ref := src_id, evidence := evidence),
                          struct_pack(a := abs(coalesce(s, 0)), m := coalesce(n_sources, 0), r := rid),
                          {CITED}) AS cites
            FROM {events} GROUP BY ALL
        ), typed AS (
            SELECT *, CASE WHEN mean >= {neutral} AND mean > 0 THEN 'cooperates'
                           WHEN mean <= {FIGHTS_BELOW} AND violent >= 0.5 THEN 'fights'
                           WHEN mean <= -{neutral} AND mean < 0 THEN 'hostile-to'
                           ELSE 'interacts-with' END AS stance
            FROM grouped
        )
        SELECT 'relation' AS record,
               '{prefix}:' || source || '.' || target || '.' || {text[period]} AS id,
               source, stance AS type, target,
               CASE stance WHEN 'cooperates' THEN 1 WHEN 'interacts-with' THEN 0 ELSE -1 END AS sign,
               {text[period]} AS start, {last} AS "end",
               round(0.95 * (1 - 0.7 ** n) * (1 - 0.5 ** n_src), 2) AS confidence,
               cites AS sources,
               'Summarises ' || n || ' {label} event' || CASE WHEN n = 1 THEN '' ELSE 's' END
                   || ' of {period} ' || {text[period]} || ' from ' || n_src || ' distinct source'
                   || CASE WHEN n_src = 1 THEN '' ELSE 's' END || ': mean {score} '
                   || printf('%.2f', mean) || '; ' || pos || ' positive, ' || neu || ' neutral, '
                   || neg || ' negative; ' || printf('%.0f', 100 * violent) || '% violent' AS notes
        FROM typed
        ORDER BY start, source, target
    """

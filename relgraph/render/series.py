"""The dates of a time series: every step from a first day to a last one.

A page or a set of images shows one snapshot graph per date, laid out once
on their union (see :mod:`relgraph.render.layout`).

>>> [d.isoformat() for d in dates_between(date(2016, 1, 31), date(2016, 4, 15), Duration.parse("1M"))]
['2016-01-31', '2016-02-29', '2016-03-31', '2016-04-15']
"""

from __future__ import annotations

from datetime import date

from relgraph.dates import Duration

__all__ = ["MAX_DATES", "dates_between"]

MAX_DATES = 500
"""More dates than this make a page too heavy to scrub through; a longer step is the cure."""


def dates_between(first: date, last: date, step: Duration) -> list[date]:
    """``first``, then every ``step`` after it up to ``last``; ``last`` itself always ends the list.

    Months are counted from ``first``, so a series from the 31st keeps the
    last day of shorter months rather than drifting. Raises ``ValueError``
    when ``last`` comes before ``first`` or the series would pass
    :data:`MAX_DATES`.

    >>> dates_between(date(2016, 12, 20), date(2016, 12, 20), Duration.parse("1d"))
    [datetime.date(2016, 12, 20)]
    """
    if last < first:
        raise ValueError(f"the series ends ({last}) before it starts ({first})")
    if step.count == 0:
        raise ValueError("the step must be longer than 0")
    days: list[date] = []
    day = first
    while day < last:
        days.append(day)
        if len(days) >= MAX_DATES:
            raise ValueError(f"from {first} to {last} by {step} is more than {MAX_DATES} dates; "
                             "take a longer step")
        day = step.after(first, len(days))
    return [*days, last]

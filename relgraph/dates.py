"""Partial dates, durations, series of days, and the rules for what is active on a day.

Sources rarely give exact days: "in November 2015", "in the summer", "last
weekend". A :class:`PartialDate` keeps what the source said and the precision
it said it with, and stands for a span of days from :attr:`PartialDate.first`
to :attr:`PartialDate.last`. Accepted forms (a subset of the Library of
Congress's Extended Date/Time Format, EDTF):

=================  ===========  ======================================
text               precision    span
=================  ===========  ======================================
``2016``           year         2016-01-01 .. 2016-12-31
``2016-summer``    season       2016-06-01 .. 2016-08-31
``2016-12``        month        2016-12-01 .. 2016-12-31
``2016-12-20``     day          that day
``2016-12-17/18``  range        2016-12-17 .. 2016-12-18 (``A/B``: any two
                                of the forms above, ``A`` not after ``B``)
=================  ===========  ======================================

Seasons are meteorological, Northern Hemisphere: spring is March-May, summer
June-August, autumn September-November, winter December to the end of the
following February. A winter belongs to the year it begins in: ``2016-winter``
is December 2016 to February 2017, so the winter that ends as spring 2016
begins is ``2015-winter``. EDTF's season codes ``2016-21`` .. ``2016-24`` are
read too, and written as words.

Dates written in other common ways (``20/12/2016``, ``December 2016``) are
refused with the form to write instead.

The rules (also in the README):

* A stance with ``start`` S and ``end`` E **holds on** day D when
  ``S.first <= D <= E.last``. A missing start means "since before the
  record begins"; a missing end means "ongoing".
* An event dated T **is shown on** day D with a window W when its span
  overlaps ``(D - W, D]``: ``T.first <= D`` and ``T.last > D - W``. The default
  window is :data:`DEFAULT_EVENT_WINDOW` (30 days); a window of ``None`` shows
  every event up to D.

>>> d = PartialDate.parse("2016-summer")
>>> d.first, d.last, d.precision
(datetime.date(2016, 6, 1), datetime.date(2016, 8, 31), 'season')
>>> holds_on(PartialDate.parse("2011-03"), None, date(2016, 12, 20))
True
>>> shown_on(PartialDate.parse("2016-12-19"), date(2016, 12, 20), Duration(1, "d"))
False
>>> shown_on(PartialDate.parse("2016-12-19"), date(2016, 12, 20), Duration(2, "d"))
True
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from relgraph.errors import DateError

__all__ = [
    "DEFAULT_EVENT_WINDOW",
    "MAX_DATES",
    "Duration",
    "PartialDate",
    "Precision",
    "dates_between",
    "holds_on",
    "parse_day",
    "shown_on",
]

Precision = Literal["year", "season", "month", "day", "range"]

SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_SEASON_ALIASES = {"fall": "autumn", "21": "spring", "22": "summer", "23": "autumn", "24": "winter"}

_YEAR = re.compile(r"^(\d{4})$")
_SEASON = re.compile(r"^(\d{4})-([a-z]+|2[1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, clamped to the last day of the month."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a year, season, month or day, or a range of such dates.

    Ordered by first day, then last day. ``str()`` gives the canonical text,
    which :meth:`parse` reads back.

    >>> PartialDate.parse("2015-11")
    PartialDate('2015-11')
    >>> PartialDate.parse("2016-12-17/2016-12-18").last
    datetime.date(2016, 12, 18)
    """

    first: date
    last: date
    precision: Precision
    text: str

    @classmethod
    def parse(cls, value: str | int | date) -> PartialDate:
        """Read a partial date; raise :class:`DateError` saying what is wrong (and, for a date written
        another way, such as ``20/12/2016``, how to write it)."""
        if isinstance(value, date):
            return cls.of_day(value)
        return _parse_text(str(value).strip())

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        if hint := _other_form(text):
            raise DateError(f"{text!r} is not a date relgraph reads: {hint}")
        try:
            return cls._parse_form(text)
        except (ValueError, OverflowError) as exc:
            if isinstance(exc, DateError):
                raise
            raise DateError(f"{text!r} falls outside the years 0001 to 9999") from None

    @classmethod
    def _parse_form(cls, text: str) -> PartialDate:
        if "/" in text:
            return cls._parse_range(text)
        if m := _YEAR.match(text):
            year = int(m[1])
            return cls(date(year, 1, 1), date(year, 12, 31), "year", text)
        if m := _SEASON.match(text):
            return cls._season(int(m[1]), m[2], text)
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            if not 1 <= month <= 12:
                raise DateError(f"{text!r} has no month {month:02d}")
            last = calendar.monthrange(year, month)[1]
            return cls(date(year, month, 1), date(year, month, last), "month", text)
        if m := _DAY.match(text):
            try:
                day = date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError as exc:
                raise DateError(f"{text!r} is not a calendar day ({exc})") from None
            return cls.of_day(day)
        raise DateError(
            f"{text!r} is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-summer (a season) "
            "or A/B (a range)"
        )

    @classmethod
    def of_day(cls, day: date) -> PartialDate:
        """The partial date of one exact day."""
        return cls(day, day, "day", day.isoformat())

    @classmethod
    def _season(cls, year: int, name: str, text: str) -> PartialDate:
        name = _SEASON_ALIASES.get(name, name)
        if name not in SEASONS:
            raise DateError(f"{text!r}: {name!r} is not a season (spring, summer, autumn, winter)")
        first = date(year, SEASONS[name], 1)
        last = _add_months(first, 3) - timedelta(days=1)
        return cls(first, last, "season", f"{year}-{name}")

    @classmethod
    def _parse_range(cls, text: str) -> PartialDate:
        left, _, right = text.partition("/")
        if "/" in right:
            raise DateError(f"{text!r}: a range has one '/'")
        a, b = cls.parse(left), cls.parse(right)
        if "range" in (a.precision, b.precision):
            raise DateError(f"{text!r}: a range cannot nest")
        if b.last < a.first:
            raise DateError(f"{text!r}: the range ends before it starts")
        return cls(a.first, b.last, "range", f"{a.text}/{b.text}")

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"PartialDate({self.text!r})"


@dataclass(frozen=True)
class Duration:
    """A length of time in days, weeks, months or years: ``30d``, ``2w``, ``1M``, ``1y``.

    >>> Duration.parse("1M").before(date(2016, 3, 31))
    datetime.date(2016, 2, 29)
    """

    count: int
    unit: Literal["d", "w", "M", "y"]

    @classmethod
    def parse(cls, text: str) -> Duration:
        m = re.fullmatch(r"\s*(\d+)\s*([dwMy])\s*", text)
        if not m:
            raise DateError(
                f"{text!r} is not a duration: use a whole number and a unit, "
                "d (days), w (weeks), M (months) or y (years), e.g. 30d or 1M"
            )
        return cls(int(m[1]), m[2])  # type: ignore[arg-type]

    def before(self, day: date) -> date:
        """The day this duration before ``day``."""
        return self.after(day, -1)

    def after(self, day: date, times: int = 1) -> date:
        """The day ``times`` this duration after ``day``."""
        n = self.count * times
        if self.unit == "d":
            return day + timedelta(days=n)
        if self.unit == "w":
            return day + timedelta(weeks=n)
        return _add_months(day, n if self.unit == "M" else 12 * n)

    def __str__(self) -> str:
        return f"{self.count}{self.unit}"


@functools.lru_cache(maxsize=1 << 16)
def _parse_text(text: str) -> PartialDate:
    # Datasets repeat a few thousand dates over and over; a parsed date is immutable, so share it.
    return PartialDate._parse(text)


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}


def _other_form(text: str) -> str | None:
    """How to write a date given in another common form, or None if it is not one.

    >>> _other_form("20/12/2016"), _other_form("5.6.2016")
    ('write 2016-12-20', 'write 2016-06-05 (if the day comes first) or 2016-05-06 (if the month does)')
    >>> _other_form("December 2016"), _other_form("20 Dec 2016"), _other_form("2016-12-20")
    ('write 2016-12', 'write 2016-12-20', None)
    """
    def iso(year: str, month: int, day: int | None = None) -> str:
        return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")

    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text):
        a, b, year = int(m[1]), int(m[2]), m[3]
        options = [iso(year, month, day) for day, month in ((a, b), (b, a))
                   if 1 <= month <= 12 and 1 <= day <= 31]
        if len(set(options)) == 2:
            return f"write {options[0]} (if the day comes first) or {options[1]} (if the month does)"
        return f"write {options[0]}" if options else None
    if m := re.fullmatch(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", text):
        return f"write {iso(m[1], int(m[2]), int(m[3]))}"
    words = re.findall(r"[A-Za-z]+|\d+", text)
    months = [_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS]
    numbers = [w for w in words if w.isdigit()]
    years = [n for n in numbers if len(n) == 4]
    days = [int(n) for n in numbers if len(n) <= 2]
    if len(months) == 1 and len(years) == 1 and len(words) == len(numbers) + 1 and len(days) <= 1:
        return f"write {iso(years[0], months[0], days[0] if days else None)}"
    return None


DEFAULT_EVENT_WINDOW = Duration(30, "d")
"""Events shown in a snapshot on day D: those in the 30 days up to and including D."""


def parse_day(value: str | date) -> date:
    """A snapshot date: one exact day, given as ``YYYY-MM-DD``.

    >>> parse_day("2016-12-20")
    datetime.date(2016, 12, 20)
    """
    if isinstance(value, date):
        return value
    d = PartialDate.parse(value)
    if d.precision != "day":
        raise DateError(f"{value!r} is not a single day: give YYYY-MM-DD")
    return d.first


def holds_on(start: PartialDate | None, end: PartialDate | None, day: date) -> bool:
    """Whether a stance from ``start`` to ``end`` holds on ``day``.

    A partial start begins on its first day, a partial end ends on its last
    day; ``None`` is open on that side.

    >>> holds_on(PartialDate.parse("2015-11"), PartialDate.parse("2016-summer"), date(2016, 8, 31))
    True
    """
    return (start is None or start.first <= day) and (end is None or day <= end.last)


def shown_on(when: PartialDate, day: date, window: Duration | None = DEFAULT_EVENT_WINDOW) -> bool:
    """Whether an event on ``when`` falls in the window ``(day - window, day]``.

    ``window=None`` shows every event up to ``day``; ``1d`` the events of that
    day (and those whose partial date contains it).

    >>> shown_on(PartialDate.parse("2015-11"), date(2015, 12, 20), Duration.parse("30d"))
    True
    >>> shown_on(PartialDate.parse("2015-11"), date(2016, 1, 1), Duration.parse("30d"))
    False
    """
    if when.first > day:
        return False
    return window is None or when.last > window.before(day)


MAX_DATES = 500
"""More dates than this make a page too heavy to scrub through; a longer step is the cure."""


def dates_between(first: date, last: date, step: Duration) -> list[date]:
    """``first``, then every ``step`` after it up to ``last``; ``last`` itself always ends the list.

    Months are counted from ``first``, so a series from the 31st keeps the
    last day of shorter months rather than drifting. Raises :class:`DateError`
    when ``last`` comes before ``first`` or the series would pass
    :data:`MAX_DATES`.

    >>> [d.isoformat() for d in dates_between(date(2016, 1, 31), date(2016, 4, 15), Duration.parse("1M"))]
    ['2016-01-31', '2016-02-29', '2016-03-31', '2016-04-15']
    >>> dates_between(date(2016, 12, 20), date(2016, 12, 20), Duration.parse("1d"))
    [datetime.date(2016, 12, 20)]
    """
    if last < first:
        raise DateError(f"the series ends ({last}) before it starts ({first})")
    if step.count == 0:
        raise DateError("the step must be longer than 0")
    days: list[date] = []
    day = first
    while day < last:
        days.append(day)
        if len(days) >= MAX_DATES:
            raise DateError(f"from {first} to {last} by {step} is more than {MAX_DATES} dates; "
                            "take a longer step")
        day = step.after(first, len(days))
    return [*days, last]

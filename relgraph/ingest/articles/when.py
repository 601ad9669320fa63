"""SUTime's time values as relgraph partial dates, with the precision the text gave.

CoreNLP's SUTime writes TIMEX3 values: ``2016-12-19`` (a day), ``2015-11`` (a
month), ``2016`` (a year), ``2016-SU`` (a season), ``2016-W50-WE`` (the weekend
of ISO week 50), ``2016-W50`` (a week), ``2016-Q3`` (a quarter), ``199X`` (a
decade, held as the range of its years). Each becomes a
:class:`~relgraph.dates.PartialDate` that keeps that precision; values relgraph
cannot hold (``PAST_REF``, durations) give ``None``.

>>> str(from_timex("2016-W50-WE"))
'2016-12-17/2016-12-18'
>>> str(from_timex("2016-SU")), str(from_timex("2015-11")), str(from_timex("2016-12-19TNI"))
('2016-summer', '2015-11', '2016-12-19')
>>> str(from_timex("199X")), from_timex("PAST_REF") is None
('1990/1999', True)
>>> str(before(from_timex("2017-FA"), date(2017, 1, 20)))
'2016-autumn'
>>> str(before(from_timex("2015-07-21"), date(2015, 7, 14)))  # "on Tuesday", read on a Tuesday
'2015-07-14'
>>> str(before(from_timex("2016-W51"), date(2016, 12, 20)))  # "attacked this week", read on a Tuesday
'2016-12-19/2016-12-20'
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from relgraph.dates import DateError, PartialDate

__all__ = ["before", "from_text", "from_timex", "mention_date", "shifted"]

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}


def from_timex(value: str | None, today: date | None = None, text: str = "") -> PartialDate | None:
    """The partial date of a TIMEX3 value, or ``None`` when it is not a date relgraph can hold.

    ``PRESENT_REF`` ("now", "currently") is ``today`` when given. ``text`` is
    the words the value was read from: a report's "overnight" is the night
    that ended on its day, which SUTime gives as the night that begins then.

    >>> str(from_timex("1991-01-17TNI", date(1991, 1, 17), "overnight"))
    '1991-01-16/1991-01-17'
    """
    if not value:
        return None
    if value == "PRESENT_REF":
        return PartialDate.of_day(today) if today else None
    if text.lower() == "overnight" and today is not None and value == f"{today.isoformat()}TNI":
        return PartialDate.parse(f"{(today - timedelta(1)).isoformat()}/{today.isoformat()}")
    value = value.split("T", 1)[0] if re.match(r"^\d{4}-\d{2}-\d{2}T", value) else value
    try:
        if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            return PartialDate.parse(value)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value):
            return PartialDate.parse(f"{m[1]}-{_SEASONS[m[2]]}")
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            first, last = (
                (monday + timedelta(5), monday + timedelta(6)) if m[3] else (monday, monday + timedelta(6))
            )
            return PartialDate.parse(f"{first.isoformat()}/{last.isoformat()}")
        if m := re.fullmatch(r"(\d{3})X", value):  # "the 1990s"
            return PartialDate.parse(f"{m[1]}0/{m[1]}9")
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            start = 3 * int(m[2]) - 2
            return PartialDate.parse(f"{m[1]}-{start:02d}/{m[1]}-{start + 2:02d}")
    except (DateError, ValueError):
        return None
    return None


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_PART = r"(?:the\s+)?(?:mid|early|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)"


def from_text(text: str, today: date) -> PartialDate | None:
    """A date SUTime names but gives no value for: "mid-December", "late November 2015", "mid-2015".

    The month (or year) it falls in, without a year the one of ``today``
    (:func:`before` moves it back for a clause in the past).

    >>> day = date(2016, 12, 20)
    >>> str(from_text("mid-December", day)), str(from_text("late November 2015", day))
    ('2016-12', '2015-11')
    >>> str(from_text("mid-2015", day)), from_text("the next day", day)
    ('2015', None)
    """
    words = re.sub(r"\s*-\s*", " ", text.strip().lower())
    if (m := re.fullmatch(rf"{_PART}\s+([a-z]+)(?:\s+(\d{{4}}))?", words)) and m[1] in _MONTHS:
        return PartialDate.parse(f"{m[2] or today.year}-{_MONTHS[m[1]]:02d}")
    if m := re.fullmatch(rf"{_PART}\s+(\d{{4}})", words):
        return PartialDate.parse(m[1])
    return None


def mention_date(value: str | None, text: str, today: date) -> PartialDate | None:
    """A time mention's date: its TIMEX3 value (:func:`from_timex`), else its words (:func:`from_text`).

    A bare weekday is the last such day on or before the article's, as news
    uses it: SUTime answers the same request with that day or the one a week
    later, depending on what the server read before (the future is read
    elsewhere: such a clause is not recorded).

    >>> day = date(2016, 12, 20)  # a Tuesday
    >>> str(mention_date("2016-12-27", "Tuesday", day)), str(mention_date("2016-12-26", "Monday", day))
    ('2016-12-20', '2016-12-19')
    """
    weekday = _WEEKDAYS.get(text.strip().lower())
    near = bool(value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and abs(
        (date.fromisoformat(str(value)) - today).days) <= 7
    if weekday is not None and near:
        value = (today - timedelta((today.weekday() - weekday) % 7)).isoformat()
    return from_timex(value, today, text) if value else from_text(text, today)


_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}


def shifted(anchor: PartialDate, text: str) -> PartialDate | None:
    """``anchor`` moved by a time the story counts from it ("two years later", "a week earlier"), at the
    anchor's precision; ``None`` for any other text or an anchor that is a range or season.

    >>> str(shifted(PartialDate.parse("2010"), "two years later"))
    '2012'
    >>> str(shifted(PartialDate.parse("2016-12-19"), "three days earlier"))
    '2016-12-16'
    """
    m = re.fullmatch(r"(\w+) (day|week|month|year)s? (later|earlier|after|before)", text.strip().lower())
    count = _COUNTS.get(m[1]) if m else None
    if m is None or count is None or anchor.precision not in ("day", "month", "year"):
        return None
    n = count if m[3] in ("later", "after") else -count
    unit, first = m[2], anchor.first
    if unit in ("day", "week"):
        if anchor.precision != "day":
            return None
        return PartialDate.of_day(first + timedelta(days=n * (7 if unit == "week" else 1)))
    if unit == "month" and anchor.precision == "year":
        return None
    months = first.year * 12 + first.month - 1 + (n * 12 if unit == "year" else n)
    year, month = divmod(months, 12)
    if anchor.precision == "year":
        return PartialDate.parse(str(year))
    if anchor.precision == "month":
        return PartialDate.parse(f"{year:04d}-{month + 1:02d}")
    day = min(first.day, calendar.monthrange(year, month + 1)[1])
    return PartialDate.of_day(date(year, month + 1, day))


def before(when: PartialDate | None, day: date) -> PartialDate | None:
    """``when`` moved back a year (or weeks) when it falls after ``day`` but the text speaks of the past.

    SUTime reads "in the autumn" or "on Tuesday" as the nearest such time,
    which can be after the article; a clause in the past tense means the one before.
    """
    if when is not None and when.precision == "range" and when.first <= day < when.last:
        # "attacked this week": the part of the week up to the article's day
        return PartialDate.parse(f"{when.first.isoformat()}/{day.isoformat()}")
    if when is None or when.first <= day:
        return when
    if when.precision == "day" or (when.precision == "range" and (when.last - when.first).days < 7):
        shift = timedelta(days=7 * -(-(when.first - day).days // 7))  # whole weeks, rounded up
        first, last = when.first - shift, when.last - shift
        text = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
        return PartialDate.parse(text)
    year = when.first.year - 1
    text = re.sub(r"^\d{4}", str(year), when.text.split("/", 1)[0])
    try:
        moved = PartialDate.parse(text)
    except DateError:
        return when
    return moved if moved.first <= day else when

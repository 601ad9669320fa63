from datetime import date

import pytest

from relgraph.dates import DateError, Duration, PartialDate, holds_on, parse_day, shown_on


@pytest.mark.parametrize(
    ("text", "first", "last", "precision", "canonical"),
    [
        ("2016", date(2016, 1, 1), date(2016, 12, 31), "year", "2016"),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29), "month", "2016-02"),
        ("2015-02", date(2015, 2, 1), date(2015, 2, 28), "month", "2015-02"),
        ("2016-12-20", date(2016, 12, 20), date(2016, 12, 20), "day", "2016-12-20"),
        ("2016-summer", date(2016, 6, 1), date(2016, 8, 31), "season", "2016-summer"),
        ("2016-22", date(2016, 6, 1), date(2016, 8, 31), "season", "2016-summer"),
        ("2016-fall", date(2016, 9, 1), date(2016, 11, 30), "season", "2016-autumn"),
        ("2016-spring", date(2016, 3, 1), date(2016, 5, 31), "season", "2016-spring"),
        ("2015-winter", date(2015, 12, 1), date(2016, 2, 29), "season", "2015-winter"),
        ("2016-12-17/2016-12-18", date(2016, 12, 17), date(2016, 12, 18), "range", "2016-12-17/2016-12-18"),
        ("2016-12/2017", date(2016, 12, 1), date(2017, 12, 31), "range", "2016-12/2017"),
    ],
)
def test_partial_dates_keep_their_precision(text, first, last, precision, canonical):
    d = PartialDate.parse(text)
    assert (d.first, d.last, d.precision, str(d)) == (first, last, precision, canonical)
    assert PartialDate.parse(str(d)) == d


def test_year_given_as_a_number_and_a_day_as_a_date():
    assert PartialDate.parse(2016) == PartialDate.parse("2016")
    assert PartialDate.parse(date(2016, 12, 20)) == PartialDate.parse("2016-12-20")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2016-13", "no month 13"),
        ("2016-02-30", "not a calendar day"),
        ("2015-02-29", "not a calendar day"),
        ("2016-12-18/2016-12-17", "ends before it starts"),
        ("2016/2017/2018", "one '/'"),
        ("2016-midsummer", "not a season"),
        ("20 December 2016", "not a date"),
        ("16-12-20", "not a date"),
        ("", "not a date"),
    ],
)
def test_malformed_and_impossible_dates_are_refused_with_a_reason(text, message):
    with pytest.raises(DateError, match=message):
        PartialDate.parse(text)


def test_ordering_is_by_first_day():
    dates = [PartialDate.parse(t) for t in ("2016-12-20", "2016", "2016-summer", "2015-11")]
    assert [str(d) for d in sorted(dates)] == ["2015-11", "2016", "2016-summer", "2016-12-20"]


def test_a_partial_start_begins_on_its_first_day_and_a_partial_end_ends_on_its_last():
    start, end = PartialDate.parse("2015-11"), PartialDate.parse("2016-summer")
    assert not holds_on(start, end, date(2015, 10, 31))
    assert holds_on(start, end, date(2015, 11, 1))
    assert holds_on(start, end, date(2016, 8, 31))
    assert not holds_on(start, end, date(2016, 9, 1))


def test_open_ends():
    start = PartialDate.parse("2011-03")
    assert holds_on(start, None, date(2030, 1, 1))
    assert not holds_on(start, None, date(2011, 2, 28))
    assert holds_on(None, PartialDate.parse("2000"), date(1900, 1, 1))
    assert not holds_on(None, PartialDate.parse("2000"), date(2001, 1, 1))
    assert holds_on(None, None, date(1066, 10, 14))


def test_event_window_is_half_open_and_defaults_to_30_days():
    event = PartialDate.parse("2016-12-19")
    assert shown_on(event, date(2016, 12, 19))
    assert shown_on(event, date(2017, 1, 17))  # 29 days later
    assert not shown_on(event, date(2017, 1, 18))  # 30 days later: outside (D - 30d, D]
    assert not shown_on(event, date(2016, 12, 18))  # the future is never shown


def test_partial_event_dates_count_while_any_of_their_days_is_in_the_window():
    november = PartialDate.parse("2015-11")
    window = Duration.parse("30d")
    assert shown_on(november, date(2015, 11, 1), window)
    assert shown_on(november, date(2015, 12, 29), window)
    assert not shown_on(november, date(2015, 12, 30), window)


def test_window_none_shows_every_past_event():
    assert shown_on(PartialDate.parse("1990"), date(2016, 12, 20), None)
    assert not shown_on(PartialDate.parse("2017"), date(2016, 12, 20), None)


@pytest.mark.parametrize(
    ("text", "day", "before"),
    [
        ("30d", date(2016, 12, 20), date(2016, 11, 20)),
        ("2w", date(2016, 12, 20), date(2016, 12, 6)),
        ("1M", date(2016, 3, 31), date(2016, 2, 29)),
        ("1y", date(2016, 2, 29), date(2015, 2, 28)),
    ],
)
def test_durations(text, day, before):
    assert Duration.parse(text).before(day) == before
    assert str(Duration.parse(text)) == text


@pytest.mark.parametrize("text", ["30", "d", "1.5M", "-1d", "3 months"])
def test_bad_durations(text):
    with pytest.raises(DateError, match="not a duration"):
        Duration.parse(text)


def test_snapshot_days_must_be_whole_days():
    assert parse_day("2016-12-20") == date(2016, 12, 20)
    with pytest.raises(DateError, match="not a single day"):
        parse_day("2016-12")

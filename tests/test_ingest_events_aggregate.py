"""Stances per ordered pair and period: the thresholds, the confidence, the bounded citations."""

from ingest_cases import by_id, gdelt_row, write_rows

from relgraph.dataset import load
from relgraph.ingest.events import import_events
from relgraph.ingest.events.aggregate import CITED, confidence


def _import(tmp_path, rows, period="month"):
    summary = import_events("gdelt", [write_rows(tmp_path / "e.tsv", rows)], tmp_path / "out", aggregate=period)
    return summary, by_id(tmp_path / "out")


def test_the_mean_score_sets_the_stance_per_ordered_pair_and_month(tmp_path):
    rows = [gdelt_row(1, "20160703", "RUS", "TUR", "042", 1.9),     # mean +1.0: cooperates
            gdelt_row(2, "20160710", "RUS", "TUR", "111", -2.0),
            gdelt_row(3, "20160720", "RUS", "TUR", "0732", 3.1),
            gdelt_row(4, "20160705", "TUR", "RUS", "111", -2.0),    # the other direction, alone: -2, hostile-to
            gdelt_row(5, "20160801", "RUS", "TUR", "111", -0.9),    # August: inside the band, interacts-with
            gdelt_row(6, "20160802", "TUR", "SYRREB", "190", -10),  # -6.7 with 2 of 3 violent: fights
            gdelt_row(7, "20160803", "TUR", "SYRREB", "180", -9),
            gdelt_row(8, "20160804", "TUR", "SYRREB", "111", -1),
            gdelt_row(9, "20160805", "USA", "IRN", "130", -4.4),    # -5.2 but no violence: hostile-to
            gdelt_row(10, "20160806", "USA", "IRN", "140", -6.0)]
    summary, stances = _import(tmp_path, rows)
    assert {k: (v["type"], v["sign"]) for k, v in stances.items()} == {
        "gdelt:russia.turkey.2016-07": ("cooperates", 1),
        "gdelt:turkey.russia.2016-07": ("hostile-to", -1),
        "gdelt:russia.turkey.2016-08": ("interacts-with", 0),
        "gdelt:turkey.syria-rebels.2016-08": ("fights", -1),
        "gdelt:united-states.iran.2016-08": ("hostile-to", -1),
    }
    july = stances["gdelt:russia.turkey.2016-07"]
    assert (july["start"], july["end"]) == ("2016-07", "2016-07")
    assert july["notes"] == ("Summarises 3 GDELT events of month 2016-07 from 3 distinct sources: mean Goldstein "
                             "1.00; 2 positive, 0 neutral, 1 negative; 0% violent")
    assert july["confidence"] == confidence(3, 3) == 0.55
    assert summary.events == 10 and summary.relations == 5
    data = load(tmp_path / "out")
    assert data.types["interacts-with"].kind == "stance"
    assert data.relations["gdelt:russia.turkey.2016-07"].active_on(__import__("datetime").date(2016, 7, 31))


def test_citations_are_bounded_and_chosen_by_strength(tmp_path):
    rows = [gdelt_row(i, "20160710", "RUS", "TUR", "042", score, url=f"https://news.example.org/{i % 4}")
            for i, score in enumerate([1.0, 9.0, 2.0, 7.0, 3.0, 8.0, 4.0, 6.0], start=1)]
    _, stances = _import(tmp_path, rows)
    (stance,) = stances.values()
    assert len(stance["sources"]) == CITED == 5
    cited = [c["evidence"].split(" (")[0] for c in stance["sources"]]
    assert cited == ["GDELT event 2", "GDELT event 6", "GDELT event 4", "GDELT event 8", "GDELT event 7"]
    assert "from 4 distinct sources" in stance["notes"] and stance["confidence"] == confidence(8, 4)
    # only the cited events' sources are written: URLs .../2, .../0 and .../3
    assert {s["url"] for s in by_id(tmp_path / "out", "sources").values()} == {
        f"https://news.example.org/{i}" for i in (0, 2, 3)}


def test_weeks_and_years(tmp_path):
    rows = [gdelt_row(1, "20160727", "RUS", "TUR", "042", 1.9), gdelt_row(2, "20160801", "RUS", "TUR", "042", 1.9)]
    _, weeks = _import(tmp_path, rows, "week")
    assert {(s["start"], s["end"]) for s in weeks.values()} == {("2016-07-25", "2016-07-31"),
                                                                ("2016-08-01", "2016-08-07")}
    _, years = _import(tmp_path, rows, "year")
    assert [(s["id"], s["start"], s["end"]) for s in years.values()] == [("gdelt:russia.turkey.2016", "2016", "2016")]


def test_confidence_grows_with_events_and_sources():
    assert confidence(1, 1) < confidence(3, 1) < confidence(3, 3) < confidence(30, 10) <= 0.95

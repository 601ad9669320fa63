"""ACLED import: both date forms, actors from names and inter codes, fatalities cited, located bad rows."""

from ingest_cases import ACLED_API, ACLED_EXPORT, by_id

from relgraph.dataset import load
from relgraph.ingest.events import import_events


def test_api_and_spreadsheet_date_forms_give_the_same_dataset(tmp_path):
    import_events("acled", [ACLED_API], tmp_path / "api")
    import_events("acled", [ACLED_EXPORT], tmp_path / "export")
    for name in ("actors.jsonl", "relations.jsonl", "sources.jsonl", "types.jsonl"):
        assert (tmp_path / "api" / name).read_bytes() == (tmp_path / "export" / name).read_bytes()
    assert by_id(tmp_path / "api")["acled:syr12345"]["date"] == "2020-05-09"


def test_acled_events_types_signs_and_citations(tmp_path):
    summary = import_events("acled", [ACLED_API], tmp_path / "out")
    data = load(tmp_path / "out")
    battle = data.relations["acled:syr12345"]
    assert (battle.source, battle.type, battle.target, battle.sign) == (
        "syria", "clashes-with", "opposition-rebels-syria", -1)
    (citation,) = battle.sources
    assert citation.source.title == "Syrian Observatory for Human Rights"
    assert citation.evidence == ("Regime forces clashed with rebels near Saraqab, north of the M5 road. "
                                 "(ACLED SYR12345; fatalities: 4)")
    strike = data.relations["acled:syr12346"]
    assert (strike.source, strike.type, strike.target, strike.sign) == (
        "russia", "attacks", "hayat-tahrir-al-sham", -1)
    deal = data.relations["acled:tur1001"]
    assert (deal.source, deal.type, deal.target, deal.sign) == ("turkey", "agrees-with", "russia", 1)
    assert data.actors["opposition-rebels-syria"].kind == "armed-group"
    assert summary.skipped == {"actor 2: civilians, not a political actor": 1, "no actor 2": 1}


def test_acled_bad_dates_are_located_past_a_quoted_line_break(tmp_path):
    text = ACLED_EXPORT.read_text(encoding="utf-8").replace("12-May-20", "31-Feb-20")
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    summary = import_events("acled", [path], tmp_path / "out")
    # the agreement's notes hold a line break inside quotes: the last record starts on line 7, and
    # DuckDB's reader numbers it 6, counting records (the header is 1) rather than lines
    assert [str(p) for p in summary.problems] == [
        f"{path}:6: warning: field 'event_date': '31-Feb-20' is not a date; row skipped"]
    assert summary.rows == 5 and summary.events == 3


def test_acled_names_reach_the_users_ids(tmp_path, write):
    actors = write('"Military Forces of Syria (2000-)": assad-regime\n'
                   '"Civilians (Syria)": {id: syrian-civilians, name: Syrian civilians, kind: coalition}\n',
                   "actors.yaml")
    import_events("acled", [ACLED_API], tmp_path / "out", actors_map=actors)
    relations = by_id(tmp_path / "out")
    assert relations["acled:syr12345"]["source"] == "assad-regime"
    assert (relations["acled:syr12347"]["source"], relations["acled:syr12347"]["target"]) == (
        "assad-regime", "syrian-civilians")
    # an id of the user's own, given without details: named from the id, kind from the role (MIL)
    assert by_id(tmp_path / "out", "actors")["assad-regime"] == {
        "record": "actor", "id": "assad-regime", "name": "Assad regime", "kind": "organisation", "country": "SYR"}

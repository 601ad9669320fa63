"""ICEWS import: the Dataverse header layout, actors from names and sectors, located bad dates."""

import pytest
from ingest_cases import ICEWS, by_id

from relgraph.dataset import load
from relgraph.errors import EventDataError
from relgraph.ingest.events import import_events


def test_icews_events_become_relations_with_the_story_cited(tmp_path):
    summary = import_events("icews", [ICEWS], tmp_path / "out")
    assert summary.rows == 7 and summary.layouts == {"ICEWS (Dataverse, header row)": 6}
    data = load(tmp_path / "out")
    rel = data.relations["icews:32889836"]
    assert (rel.source, rel.type, rel.target, rel.sign, str(rel.date)) == (
        "russia", "affirms-cooperation", "turkey", 1, "2016-12-20")
    (citation,) = rel.sources
    assert citation.source.id == "icews-story:41001"
    assert (citation.source.title, citation.source.publisher) == ("Hurriyet Daily News story 41001",
                                                                  "Hurriyet Daily News")
    assert citation.evidence == ("ICEWS event 32889836, sentence 2 of story 41001: Express intent to "
                                 "cooperate (CAMEO 036, intensity 4)")


def test_icews_actors_by_name_sector_and_country(tmp_path):
    import_events("icews", [ICEWS], tmp_path / "out")
    relations = by_id(tmp_path / "out")
    fight = relations["icews:32889837"]  # Government (Syria) -> Rebel Group (Syria), CAMEO 190
    assert (fight["source"], fight["type"], fight["target"], fight["sign"]) == (
        "syria", "attacks", "syria-rebels", -1)
    leaders = relations["icews:32889838"]  # Vladimir Putin -> Recep Tayyip Erdogan: their states
    assert (leaders["source"], leaders["target"], leaders["sign"]) == ("russia", "turkey", 1)


def test_icews_bad_date_is_reported_with_its_line_and_skips_are_counted(tmp_path):
    summary = import_events("icews", [ICEWS], tmp_path / "out")
    assert [str(p) for p in summary.problems] == [
        f"{ICEWS}:5: warning: field 'Event Date': '2016-13-40' is not a date; row skipped"]
    assert summary.skipped == {"no actor 2": 1, "both sides are the same actor": 1}
    assert summary.events == 4


def test_the_user_map_sends_icews_roles_to_the_dataset_ids(tmp_path, write):
    actors = write("SYRGOV: {id: assad-regime, name: Assad regime, kind: government, country: SYR}\n",
                   "actors.yaml")
    import_events("icews", [ICEWS], tmp_path / "out", actors_map=actors)
    relations = by_id(tmp_path / "out")
    assert relations["icews:32889837"]["source"] == "assad-regime"
    assert relations["icews:32889842"]["target"] == "assad-regime"
    assert by_id(tmp_path / "out", "actors")["assad-regime"] == {
        "record": "actor", "id": "assad-regime", "name": "Assad regime", "kind": "government", "country": "SYR"}


def test_a_file_without_the_icews_header_is_refused(tmp_path, write):
    path = write("id\tdate\n1\t2016-01-01\n", "other.tab")
    with pytest.raises(EventDataError, match=r"other.tab: not an ICEWS events file: the header lacks Event ID"):
        import_events("icews", [path], tmp_path / "out")


def test_sources_and_mentions_filters_are_for_gdelt(tmp_path):
    with pytest.raises(EventDataError, match="--min-sources and --min-mentions are for gdelt"):
        import_events("icews", [ICEWS], tmp_path / "out", min_sources=2)

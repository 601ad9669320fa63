"""What relgraph prints for a terminal, checked line by line against what the data says."""

import json
from pathlib import Path

import networkx as nx
import pytest
from signed_graphs import EXAMPLE, on

from relgraph import example_path
from relgraph.analysis import balance, camps, diff, ego, timeline
from relgraph.dataset import load, read
from relgraph.dates import Duration
from relgraph.explorer import Loaded
from relgraph.render import Written
from relgraph.render.text import (
    balance_text,
    camps_text,
    counts,
    diff_text,
    ego_text,
    loaded_text,
    plural,
    relations_table,
    snapshot_json,
    table,
    timeline_text,
    validated_text,
    written_text,
)
from relgraph.snapshot import snapshot
from relgraph.store.base import Counts, WriteSummary

DAILY = "Russia, Iran and Turkey to confer in Moscow on Syria (2016-12-20)"


def test_table_pads_each_column_to_its_widest_cell():
    assert table(("a", "bb", "c"), [("xxx", 1, ""), ("y", "zz", None)]).splitlines() == [
        "a    bb  c",
        "xxx  1",
        "y    zz  None",
    ]


def test_table_with_no_rows_is_its_header():
    assert table(("actor", "camp"), []) == "actor  camp"


@pytest.mark.parametrize(("n", "word", "expected"), [
    (0, "actor", "0 actors"), (1, "actor", "1 actor"), (2, "source", "2 sources"), (1, "custom type", "1 custom type"),
])
def test_plural(n, word, expected):
    assert plural(n, word) == expected


SMALL = """
sources:
  - {id: x, title: X}
  - {id: y, title: Y}
actors:
  - {id: a, name: Alpha, kind: state}
  - {id: b, name: Beta, kind: state}
  - {id: c, name: Charlie, kind: armed-group}
relations:
  - {id: r3, source: a, type: attacks, target: c, date: 2016-12-10, confidence: 0.9, sources: [{ref: x}]}
  - {id: r6, source: a, type: backs, target: c, start: 2016, end: 2016-12}
  - {id: r0, source: b, type: backs, target: a, end: 2016, sources: [{ref: y}]}
  - {id: r1, source: a, type: opposes, target: c, start: 2016-06, sources: [{ref: x}, {ref: y}]}
  - {id: r2, source: a, type: accepts, target: b, date: 2016-12-01}
  - {id: r5, source: a, type: backs, target: b, start: 2015, confidence: 0.5}
"""


@pytest.fixture
def small(write):
    return load(write(SMALL))


def test_relations_table_lists_stances_then_events_each_by_source_type_and_id(small):
    assert relations_table(snapshot(small, "2016-12-20")).splitlines() == [
        "On 2016-12-20 (events of the 30d up to it): 4 stances, 2 events",
        "",
        "source  type     target   sign  when            conf  sources",
        "Alpha   backs    Beta     +     2015 –          0.50  0",
        "Alpha   backs    Charlie  +     2016 – 2016-12  1.00  0",
        "Alpha   opposes  Charlie  -     2016-06 –       1.00  2",
        "Beta    backs    Alpha    +     … – 2016        1.00  1",
        "events of the 30d up to 2016-12-20:",
        "Alpha   accepts  Beta     +     2016-12-01      1.00  0",
        "Alpha   attacks  Charlie  -     2016-12-10      0.90  1",
        "",
        "Pairs with relations of both signs (the tie follows the one named first):",
        "  Alpha – Charlie: Alpha -opposes Charlie; mixed: backs until 2016-12, opposes from 2016-06, "
        "attacks on 2016-12-10",
    ]


def test_counts(small):
    assert counts(EXAMPLE) == "28 actors, 55 relations, 2 sources, 0 custom types"
    assert counts(small) == "3 actors, 6 relations, 2 sources, 0 custom types"


def test_counts_of_a_dataset_with_one_of_each(write):
    data = load(write("""
        types:
          - {name: evacuates, sign: 0, kind: event}
        sources:
          - {id: s, title: S}
        actors:
          - {id: a, name: A, kind: state}
        relations:
          - {source: a, type: evacuates, target: a, date: 2016-12, sources: [{ref: s, evidence: E}]}
        """))
    assert counts(data) == "1 actor, 1 relation, 1 source, 1 custom type"


def test_validated_text_of_the_example():
    assert validated_text(read(example_path())) == (
        "0 errors, 0 warnings in 3 files: 28 actors, 55 relations, 2 sources, 0 custom types")


def test_validated_text_counts_errors_warnings_and_what_was_read(write):
    path = write("""
        actors:
          - {id: a, name: A, kind: state}
          - {id: b, name: B, kind: state}
        relations:
          - {source: a, type: backs, target: b, start: 2016}
          - {source: a, type: backs, target: nobody, start: 2016}
        """)
    # the first relation cites no source (a warning); the second names an unknown actor (an error)
    assert validated_text(read(path)) == "1 error, 1 warning in 1 file: 2 actors, 1 relation, 0 sources, 0 custom types"


# -- what was written -----------------------------------------------------------------------------


@pytest.mark.parametrize(("done", "expected"), [
    (Written((Path("relgraph-2016-12-20.html"),), "html", 22, 41, 2, ("2016-12-20",)),
     "Wrote relgraph-2016-12-20.html (22 actors, 41 relations, 2 sources)"),
    (Written((Path("day.png"),), "png", 1, 1, 1, ("2016-12-20",)),
     "Wrote day.png (1 actor, 1 relation, 1 source)"),
    (Written((Path("series.html"),), "html", 18, 30, 1, ("2016-01-01", "2016-06-01", "2016-12-20")),
     "Wrote series.html (3 dates from 2016-01-01 to 2016-12-20; 18 actors, 30 relations, 1 source in all)"),
    (Written((Path("m-2016-01-01.svg"), Path("m-2016-06-01.svg"), Path("m-2016-12-20.svg")), "svg", 18, 30, 2,
             ("2016-01-01", "2016-06-01", "2016-12-20")),
     "Wrote 3 images, m-2016-01-01.svg to m-2016-12-20.svg (18 actors, 30 relations, 2 sources in all)"),
    (Written((Path("relgraph-history.gexf"),), "gexf", 22, 54, 2, (), history=True),
     "Wrote relgraph-history.gexf (gexf, the whole history, with time intervals: 22 actors, 54 relations, 2 sources)"),
    (Written((Path("moscow.graphml"),), "graphml", 22, 41, 2, ("2016-12-20",)),
     "Wrote moscow.graphml (graphml, 2016-12-20: 22 actors, 41 relations, 2 sources)"),
], ids=["one date", "one image", "series page", "series of images", "history export", "snapshot export"])
def test_written_text(done, expected):
    assert written_text(done) == expected


def test_loaded_text_without_stale_relations():
    loaded = Loaded(WriteSummary(Counts(created=22), Counts(created=50, updated=3, unchanged=1)))
    assert loaded_text(Path("data"), loaded) == (
        "Loaded data: actors: 22 created, 0 updated, 0 unchanged, 0 removed; "
        "relations: 50 created, 3 updated, 1 unchanged, 0 removed")


def test_loaded_text_lists_the_first_five_stale_relations():
    loaded = Loaded(WriteSummary(Counts(unchanged=22), Counts(unchanged=54, removed=0)),
                    stale=["r1", "r2", "r3", "r4", "r5", "r6", "r7"])
    assert loaded_text("old.yaml", loaded).splitlines() == [
        "Loaded old.yaml: actors: 0 created, 0 updated, 22 unchanged, 0 removed; "
        "relations: 0 created, 0 updated, 54 unchanged, 0 removed",
        "7 relations in the database are not in old.yaml (r1, r2, r3, r4, r5, ...); load with --prune to delete them",
    ]


def test_loaded_text_with_exactly_five_stale_relations_has_no_ellipsis():
    loaded = Loaded(WriteSummary(), stale=["a", "b", "c", "d", "e"])
    assert loaded_text("x", loaded).splitlines()[1] == (
        "5 relations in the database are not in x (a, b, c, d, e); load with --prune to delete them")


def test_loaded_text_with_one_stale_relation_says_it_in_the_singular():
    loaded = Loaded(WriteSummary(), stale=["a"])
    assert loaded_text("x", loaded).splitlines()[1] == (
        "1 relation in the database is not in x (a); load with --prune to delete them")


# -- snapshots as JSON ----------------------------------------------------------------------------


def test_snapshot_json_is_a_versioned_document_json_can_write(small):
    doc = snapshot_json(snapshot(small, "2016-12-20"))
    assert list(doc) == ["version", "kind", "date", "event_window", "actors", "relations"]
    assert (doc["version"], doc["kind"], doc["date"], doc["event_window"]) == (1, "snapshot", "2016-12-20", "30d")
    assert [a["id"] for a in doc["actors"]] == ["a", "b", "c"]
    assert doc["actors"][2] == {"id": "c", "name": "Charlie", "kind": "armed-group", "aliases": [], "country": None,
                                "wikidata": None, "part_of": None, "description": None}
    assert [(r["id"], r["source"], r["target"]) for r in doc["relations"]] == [
        ("r0", "b", "a"), ("r1", "a", "c"), ("r2", "a", "b"), ("r3", "a", "c"), ("r5", "a", "b"), ("r6", "a", "c")]
    r0 = doc["relations"][0]
    assert (r0["first"], r0["last"], r0["end"], r0["kind"]) == (None, "2016-12-31", "2016", "stance")
    assert doc["relations"][2]["first"] == "2016-12-01"
    # what the CLI prints: plain json.dumps, with no conversion of its own
    assert json.loads(json.dumps(doc)) == doc


def test_snapshot_json_of_the_example_and_every_event_up_to_the_day():
    graph = snapshot(EXAMPLE, "2016-12-20", window=None)
    doc = snapshot_json(graph)
    assert doc["event_window"] is None
    veto = next(r for r in doc["relations"] if r["id"] == "russia.vetoes.draft-s-2011-612.2011-10-04")
    assert (veto["first"], veto["last"], veto["source"], veto["target"]) == (
        "2011-10-04", "2011-10-04", "russia", "draft-s-2011-612")
    assert isinstance(json.dumps(doc, ensure_ascii=False), str)
    assert all(isinstance(r["first"], str) for r in doc["relations"])


# -- analysis results, on the example -------------------------------------------------------------
#
# On 2016-12-20 the snapshot collapses into 22 signed ties among the 16 actors that are not deals
# (agreements, the Council's measure, the vetoed draft and the Moscow meeting are left out). Its 10
# triangles: Iran, the regime and each militia, and Russia, Iran and the regime (+++, three times); five
# +-- ones around the war (regime-Russia-opposition, regime-Iran-opposition, Russia-Iran-opposition,
# regime-Turkey-opposition, Turkey-opposition-Islamic State); and two ++- ones, both through Russia's
# new cooperation with Turkey.


def test_balance_text_on_the_day_of_the_talks():
    assert balance_text(balance(on("2016-12-20"))).splitlines() == [
        "Balance on 2016-12-20 (events of the 30d up to it): 16 actors, 22 signed ties, 10 triangles",
        "8 balanced, 2 unbalanced: 80% balanced (+++ 3, ++- 2, +-- 5, --- 0)",
        "",
        "pattern  balanced  triangle",
        "++-      NO        Russia +backs Assad regime, Russia +cooperates Turkey, Turkey -opposes Assad regime",
        "++-      NO        Russia +cooperates Turkey, Turkey +fights-alongside Syrian opposition, "
        "Russia -fights Syrian opposition",
    ]


def test_balance_text_on_new_year_2016_is_all_balanced():
    # Russia was still hostile to Turkey: every triangle holds. The United States only negotiates (sign 0).
    # Russia and Iran fight side by side from 2016: two triangles with the regime (+++) and the opposition (+--).
    report = balance(on("2016-01-01"))
    assert balance_text(report).splitlines() == [
        "Balance on 2016-01-01 (events of the 30d up to it): 14 actors, 18 signed ties, 9 triangles",
        "9 balanced, 0 unbalanced: 100% balanced (+++ 3, ++- 0, +-- 6, --- 0)",
    ]
    everything = balance_text(report, everything=True).splitlines()
    assert everything[2:4] == ["", "pattern  balanced  triangle"]
    assert len(everything) == 4 + 9 and all(line.split()[1] == "yes" for line in everything[4:])


def test_balance_text_with_no_triangle():
    g = nx.Graph()
    g.add_edge("a", "b", sign=1)
    assert balance_text(balance(g)).splitlines() == [
        "Balance: 2 actors, 1 signed tie, 0 triangles",
        "0 balanced, 0 unbalanced: no triangle (+++ 0, ++- 0, +-- 0, --- 0)",
    ]


def test_camps_text_on_the_day_of_the_talks():
    # Two ties must break: Russia's cooperation with Turkey, and one link of the positive chain
    # Russia-Putin-Erdoğan-Turkey. Three partitions do it with two, one for each link of the chain; the
    # lightest cuts the cooperation (0.8) and the presidents' affirmation (0.9). Only Putin and Erdoğan
    # change sides between them: Russia, tied to Iran as well as to the regime, stays with them.
    assert camps_text(camps(on("2016-12-20"))).splitlines() == [
        "Camps on 2016-12-20 (events of the 30d up to it): 2 camps, frustration 2 (exact; 3 partitions reach it)",
        "",
        "camp  actors",
        "1     Afghan militias (Iranian-led), Assad regime, Bashar al-Assad, Iran, Iraqi militias (Iranian-led), "
        "Islamic State, Russia, Vladimir Putin",
        "2     Recep Tayyip Erdoğan, Syrian opposition, Turkey, United States",
        "",
        "Ties that break it:",
        "  Recep Tayyip Erdoğan +affirms-cooperation Vladimir Putin",
        "  Russia +cooperates Turkey",
        "",
        "Undecided (their side differs between partitions of least frustration): "
        "Recep Tayyip Erdoğan, Vladimir Putin",
        "",
        "Other groups, with no tie to the rest (their camp numbers are arbitrary):",
        "  camp 1: Andrei Karlov; camp 2: Gunman in Ankara",
        "  camp 1: Russian Foreign Ministry, Sergei Lavrov",
    ]


def test_camps_text_on_new_year_2016():
    # Balanced: one partition, nothing broken; the United States has only a neutral tie.
    assert camps_text(camps(on("2016-01-01"))).splitlines() == [
        "Camps on 2016-01-01 (events of the 30d up to it): 2 camps, frustration 0 (exact; 1 partition reaches it)",
        "",
        "camp  actors",
        "1     Afghan militias (Iranian-led), Andrei Karlov, Assad regime, Bashar al-Assad, Iran, "
        "Iraqi militias (Iranian-led), Russia, Vladimir Putin",
        "2     Recep Tayyip Erdoğan, Syrian opposition, Turkey",
        "",
        "Other groups, with no tie to the rest (their camp numbers are arbitrary):",
        "  camp 1: Russian Foreign Ministry, Sergei Lavrov",
        "",
        "Unaligned (no signed tie): United States",
    ]


def test_ego_text_of_turkey_on_the_day_of_the_talks():
    assert ego_text(ego(on("2016-12-20"), "Ankara")).splitlines() == [
        "Turkey on 2016-12-20 (events of the 30d up to it)",
        "",
        "stance                actor                          tie, or why it is inferred",
        "ally                  Recep Tayyip Erdoğan           Recep Tayyip Erdoğan +leads Turkey",
        "ally                  Russia                         Russia +cooperates Turkey",
        "ally                  Syrian opposition              Turkey +fights-alongside Syrian opposition",
        "adversary             Assad regime                   Turkey -opposes Assad regime",
        "adversary             Islamic State                  Turkey -fights Islamic State",
        # strongest first: Putin by two paths; Iran by two against one (its tie to Russia)
        "ally (inferred)       Vladimir Putin                 friend of my friend: Recep Tayyip Erdoğan, Russia",
        "adversary (inferred)  Afghan militias (Iranian-led)  friend of my enemy: Assad regime",
        "adversary (inferred)  Bashar al-Assad                friend of my enemy: Assad regime",
        "adversary (inferred)  Iran                           friend of my enemy: Assad regime; "
        "friend of my friend: Russia; enemy of my friend: Syrian opposition",
        "adversary (inferred)  Iraqi militias (Iranian-led)   friend of my enemy: Assad regime",
        "adversary (inferred)  United States                  enemy of my friend: Russia",
    ]


def test_ego_text_of_an_actor_with_only_a_neutral_tie():
    assert ego_text(ego(on("2016-01-01"), "united-states")) == (
        "United States on 2016-01-01 (events of the 30d up to it): no signed tie")


def test_diff_text_from_new_year_to_the_talks():
    before, after = on("2016-01-01"), on("2016-12-20")
    between = snapshot(EXAMPLE, "2016-12-20", window=Duration(354, "d"))  # the events since 1 January
    F, S, R = "First Aleppo evacuation agreement", "Second Aleppo evacuation agreement", "2016-12-01/2016-12-16"
    assert diff_text(diff(before, after, between=between)).splitlines() == [
        "Changes from 2016-01-01 to 2016-12-20 (events of the 30d up to each date)",
        "",
        "Ties that changed sign:",
        "  Russia – Turkey: Russia -hostile-to Turkey -> Russia +cooperates Turkey",
        "",
        "Stances that began:",
        "source             type              target                         sign  when",
        "Russia             cooperates        Turkey                         +     2016-summer –",
        "Russia             tolerates         Turkey                         0     2016-08 –",
        "Syrian opposition  fights            Islamic State                  -     2016-08 –",
        "Syrian opposition  party-to          Final Aleppo evacuation terms  +     2016-12-17/2016-12-18 –",
        "Turkey             fights-alongside  Syrian opposition              +     2016-08 –",
        "Turkey             fights            Islamic State                  -     2016-08 –",
        "Turkey             tolerates         Assad regime                   0     2016-summer –",
        "",
        "Stances that ended:",
        "source         type        target  sign  when",
        "Andrei Karlov  represents  Russia  +     2013 – 2016-12-19",
        "Russia         hostile-to  Turkey  -     2015-11 – 2016-summer",
        "",
        "Events in between:",
        "source                type                 target                                           sign  when",
        "Recep Tayyip Erdoğan  reconciles-with      Vladimir Putin                                   +     2016-summer",
        "Russia                vetoes               Draft resolution S/2016/846                      -     2016-10-08",
        "Assad regime          defeats              Syrian opposition                                -     2016-12",
        f"Iran                  undermines           {F}                -     {R}",
        f"Iran                  undermines           {S}               -     {R}",
        f"Russia                brokers              {F}                +     {R}",
        f"Russia                brokers              {S}               +     {R}",
        f"Turkey                brokers              {F}                +     {R}",
        f"Turkey                brokers              {S}               +     {R}",
        "Russia                vetoes               Draft resolution S/2016/1026                     -     2016-12-05",
        "Iran                  accepts              Final Aleppo evacuation terms                    +     2016-12-17/2016-12-18",
        "Russia                accepts              Security Council measure on monitors for Aleppo  +     2016-12-18",
        "Gunman in Ankara      assassinates         Andrei Karlov                                    -     2016-12-19",
        "Recep Tayyip Erdoğan  affirms-cooperation  Vladimir Putin                                   +     2016-12-19/2016-12-20",
        "Iran                  attends              Moscow talks on Syria                            0     2016-12-20",
        "Russia                attends              Moscow talks on Syria                            0     2016-12-20",
        "Russia                excludes             United States                                    -     2016-12-20",
        "Turkey                attends              Moscow talks on Syria                            0     2016-12-20",
        "",
        "Ties formed:",
        "  Gunman in Ankara -assassinates Andrei Karlov",
        "  Syrian opposition -fights Islamic State",
        "  Turkey -fights Islamic State",
        "  Recep Tayyip Erdoğan +affirms-cooperation Vladimir Putin",
        "  Russia -excludes United States",
        "",
        "Ties dissolved:",
        "  Andrei Karlov +represents Russia",
        "",
        "Camp changes:",
        "  none",
    ]


def test_diff_text_without_the_events_between_and_with_no_event_at_all():
    same = diff_text(diff(on("2016-01-01"), on("2016-01-01")))
    assert same.splitlines() == ["Changes from 2016-01-01 to 2016-01-01 (events of the 30d up to each date)",
                                 "", "Camp changes:", "  none"]
    # nothing happened on 2 January 2016, and no stance began or ended
    quiet = diff_text(diff(on("2016-01-01"), on("2016-01-02"), between=on("2016-01-02", window=Duration(1, "d"))))
    assert quiet.splitlines() == ["Changes from 2016-01-01 to 2016-01-02 (events of the 30d up to each date)",
                                  "", "Events in between:", "  none", "", "Camp changes:", "  none"]


def test_timeline_text_of_russia_and_turkey():
    assert timeline_text(timeline(EXAMPLE, "Moscow", "Ankara")).splitlines() == [
        "Russia and Turkey: 4 relations",
        "2015-11                Turkey -shoots-down Russia  (confidence 0.95; turkey.shoots-down.russia.2015-11)",
        f"    {DAILY}: Turkish fighter jets downed a Russian warplane close to the Syrian-Turkish border in November 2015.",
        "    note: The article gives the month only (the shoot-down was on 24 November 2015).",
        "2015-11 – 2016-summer  Russia -hostile-to Turkey  (confidence 0.90; russia.hostile-to.turkey.2015-11)",
        f"    {DAILY}: After the shoot-down, ties between Moscow and Ankara were close to breaking; "
        "the summer reconciliation ended the rupture.",
        "2016-summer –          Russia +cooperates Turkey  (confidence 0.80; russia.cooperates.turkey.2016-summer)",
        f"    {DAILY}: Since the summer reconciliation, Moscow and Ankara seem to have worked together on "
        "operations in and around Aleppo.",
        '    note: The article says the two "appear" to have cooperated, hence the lower confidence.',
        "2016-08 –              Russia tolerates Turkey  (confidence 0.80; russia.tolerates.turkey.2016-08)",
        f"    {DAILY}: Moscow has let Turkey's military intervention in northern Syria go ahead.",
        "    note: Start taken from Turkey's intervention (late August 2016, general knowledge).",
    ]


def test_timeline_text_aligns_on_its_longest_when(write):
    data = load(write("""
actors:
  - {id: a, name: A, kind: state}
  - {id: b, name: B, kind: state}
relations:
  - {id: long, source: a, type: opposes, target: b, start: 2015-winter, end: 2016-spring}
  - {id: short, source: a, type: attacks, target: b, date: 2016-01-05}
"""))
    assert timeline_text(timeline(data, "a")).splitlines() == [
        "A: 2 relations",
        "2015-winter – 2016-spring  A -opposes B  (confidence 1.00; long)",
        "2016-01-05                 A -attacks B  (confidence 1.00; short)",
    ]


def test_timeline_text_cites_a_source_with_no_date():
    lines = timeline_text(timeline(EXAMPLE, "S/2011/612")).splitlines()  # a draft, by its symbol
    assert lines == [
        "Draft resolution S/2011/612: 1 relation",
        "2011-10-04  Russia -vetoes Draft resolution S/2011/612  "
        "(confidence 0.95; russia.vetoes.draft-s-2011-612.2011-10-04)",
        f"    {DAILY}: Russia had blocked six Security Council drafts on Syria that sought a ceasefire or "
        "outside intervention.",
        "    Security Council - Veto List (United Nations Dag Hammarskjöld Library): "
        "The UN's list of vetoes gives the date and draft of each.",
    ]


def test_timeline_text_of_sources_with_only_a_title_and_no_evidence(small):
    # r6 holds from 2016-01-01 and cites nothing, r1 from 2016-06-01, the attack r3 is last
    assert timeline_text(timeline(small, "Charlie")).splitlines() == [
        "Charlie: 3 relations",
        "2016 – 2016-12  Alpha +backs Charlie  (confidence 1.00; r6)",
        "2016-06 –       Alpha -opposes Charlie  (confidence 1.00; r1)",
        "    X",
        "    Y",
        "2016-12-10      Alpha -attacks Charlie  (confidence 0.90; r3)",
        "    X",
    ]

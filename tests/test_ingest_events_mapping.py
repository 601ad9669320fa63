"""The code -> relation type and sign table: defaults, the neutral band, a user's override."""

import pytest
from ingest_cases import by_id, gdelt_row, write_rows

from relgraph.errors import EventDataError
from relgraph.ingest.events import import_events
from relgraph.ingest.events.mapping import DECLARED_TYPES, Mapping
from relgraph.model import BUILTIN_TYPES


def test_every_cameo_root_maps_to_an_event_type_built_in_or_declared():
    table = Mapping.default()
    for root in range(1, 21):
        entry = table.cameo_entry(f"{root:02d}0")
        rtype = BUILTIN_TYPES.get(entry.type) or DECLARED_TYPES[entry.type]
        assert rtype.kind == "event", root
    assert table.cameo_entry("9") is None and table.cameo_entry("999") is None


@pytest.mark.parametrize(("score", "sign"), [(-10, -1), (-1.0, -1), (-0.9, 0), (0, 0), (0.9, 0), (1.0, 1), (7, 1)])
def test_the_sign_follows_the_score_outside_the_neutral_band(score, sign):
    assert Mapping.default().sign(score) == sign


def test_acled_types_are_scored_by_the_table():
    table = Mapping.default()
    assert table.acled_entry("Battles", "Armed clash").score == -10
    assert table.acled_entry("Protests", "Peaceful protest").score == 0
    assert table.acled_entry("Strategic developments", "Agreement").type == "agrees-with"
    assert table.acled_entry("Unknown", "x") is None


def test_a_users_table_overrides_types_signs_and_the_band(tmp_path, write):
    mapping = write("""
        neutral: 3
        cameo:
          "04": {type: consults}
          "0874": {type: declares-ceasefire-with, sign: 1}
        types:
          - {name: consults, sign: 0, kind: event, description: holds talks with}
          - {name: declares-ceasefire-with, sign: 1, kind: event}
        """, "mapping.yaml")
    rows = [gdelt_row(1, "20160801", "RUS", "TUR", "042", 1.9),     # consult: now 'consults', |1.9| < 3
            gdelt_row(2, "20160801", "SYR", "TUR", "0874", -2.0),   # the table fixes the sign
            gdelt_row(3, "20160801", "RUS", "USA", "111", -2.0)]    # disapprove: -2 is inside the band now
    import_events("gdelt", [write_rows(tmp_path / "e.tsv", rows)], tmp_path / "out", mapping=mapping)
    relations = by_id(tmp_path / "out")
    assert (relations["gdelt:1"]["type"], relations["gdelt:1"]["sign"]) == ("consults", 0)
    assert (relations["gdelt:2"]["type"], relations["gdelt:2"]["sign"]) == ("declares-ceasefire-with", 1)
    assert (relations["gdelt:3"]["type"], relations["gdelt:3"]["sign"]) == ("criticises", 0)
    types = by_id(tmp_path / "out", "types")
    assert types["consults"] == {"record": "type", "name": "consults", "sign": 0, "kind": "event",
                                 "description": "holds talks with"}


@pytest.mark.parametrize(("text", "message"), [
    ("cameo: {'04': {type: nonesuch}}", "cameo '04': unknown relation type 'nonesuch'; declare it under types"),
    ("cameo: {'04': {type: backs}}", "cameo '04': 'backs' is a stance; a coded event needs an event type"),
    ("cameo: {'04': {type: meets, sign: 2}}", "cameo '04': sign must be -1, 0 or 1, not 2"),
    ("acled: {Battles: {type: attacks, score: -11}}", "acled 'Battles': score must be a number from -10 to 10"),
    ("neutral: -1", "neutral must be a number from 0 to 10, not -1"),
    ("types: [{name: meets, sign: 0, kind: event}]", "type 'meets' is built in; choose another name"),
    ("cameos: {}", "expected a mapping with any of cameo, acled, types, neutral"),
])
def test_a_bad_table_is_one_clear_error(write, text, message):
    path = write(text + "\n", "mapping.yaml")
    with pytest.raises(EventDataError) as caught:
        Mapping.load(path)
    assert str(caught.value).startswith(f"{path}: {message}")

"""The code -> relation type and sign table: defaults, the neutral band, a user's override."""

import pytest
from ingest_cases import by_id, gdelt_row, write_rows

from relgraph.dataset import read
from relgraph.errors import EventDataError
from relgraph.ingest.events import import_events
from relgraph.ingest.events.actors import ActorMap
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


# -- the user's YAML (mapping table, actor map) is read by the dataset reader, with its limits ---------------------

LAUGHS = "".join(f"{x}: &{x} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
                 for p, x in zip(["", *"abcdefgh"], "abcdefghi", strict=True))  # 9**9 values once expanded
HOSTILE = [  # the bytes, and what the message must say (the dataset reader's words)
    (LAUGHS.encode(), 1, "not accepted: its aliases expand it to"),
    (b"cameo:\n  x: " + b"[" * 60 + b"]" * 60 + b"\n", 2, "not valid YAML: nested more than 50 levels deep"),
    (b"neutral: 3\ncameo: {'04': caf\xe9}\n", 2, "not UTF-8: byte 0xe9 at column 18"),
    (b"neutral: 3\nneutral: 4\n", 2, "not valid YAML: duplicate key 'neutral'"),
]


@pytest.mark.parametrize("reader", [Mapping.load, ActorMap.load], ids=["mapping", "actor map"])
@pytest.mark.parametrize(("data", "line", "words"), HOSTILE, ids=["billion laughs", "deep", "not utf-8", "twice"])
def test_a_hostile_table_gets_the_one_line_error_a_dataset_file_gets(tmp_path, reader, data, line, words):
    path = tmp_path / "table.yaml"
    path.write_bytes(data)
    [problem] = read(path).problems  # the same bytes as a dataset file
    assert (problem.line, problem.severity) == (line, "error") and problem.message.startswith(words)
    with pytest.raises(EventDataError) as caught:
        reader(path)
    assert str(caught.value) == f"{path}:{line}: {problem.message}"
    assert "\n" not in str(caught.value)


def test_codes_keep_the_text_they_were_written_with(write):
    # YAML 1.1 reads 042 as an octal number (34) and yes as true: as in dataset files, they stay as written
    table = Mapping.load(write("cameo: {042: consults}\ntypes: [{name: consults, sign: 0, kind: event}]\n",
                               "mapping.yaml"))
    assert table.cameo["042"].type == "consults" and "34" not in table.cameo
    actors = ActorMap.load(write("042: some-group\nyes: other-group\n", "actors.yaml"))
    assert actors.user == {"042": "some-group", "yes": "other-group"}


@pytest.mark.parametrize(("reader", "what"), [(Mapping.load, "the mapping"), (ActorMap.load, "the actor map")])
def test_a_table_that_cannot_be_read_says_which(tmp_path, reader, what):
    with pytest.raises(EventDataError) as caught:
        reader(tmp_path / "missing.yaml")
    assert str(caught.value) == f"cannot read {what} {tmp_path / 'missing.yaml'}: No such file or directory"
